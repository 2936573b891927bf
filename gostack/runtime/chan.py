"""chan: channels, sudogs, and the parking of goroutines on them.

Go counterpart: src/runtime/chan.go (makechan, chansend, chanrecv,
closechan) and the sudog of runtime2.go, Go 1.19.

Invariants (as chan.go states them): at least one of sendq and recvq is
empty, except for an unbuffered channel with a single goroutine blocked in
select on both; for a buffered channel, qcount > 0 implies recvq is empty
and qcount < dataqsiz implies sendq is empty.

The part that matters for stacks: a goroutine that parks on a channel
leaves a sudog whose `elem` is the address of a slot *in its own stack* (the
value to send, or where the received value must go).  The other side copies
straight from or into that stack slot.  If the parked goroutine's stack is
moved (shrunk by the GC) while it waits, copystack must adjust sudog.elem
(adjustsudogs), or the value would land in the freed old stack.

The hchan header is allocated in the model heap (96 bytes plus the buffer,
as Go allocates them); its queues are held at object level (DESIGN.md
invariant 4 allows it) in a table from the channel's address.
"""

from __future__ import annotations

from collections import deque

from .panic import GoPanic

HCHAN_SIZE = 96           # unsafe.Sizeof(hchan{}) on amd64
SELECT_SEND, SELECT_RECV = 0, 1   # case kinds, as codegen writes them


class Sudog:
    __slots__ = ("g", "elem", "c", "success", "isselect", "case", "send")

    def __init__(self, g, elem: int, c, case: int = -1, send: bool = False):
        self.g = g
        self.elem = elem        # address in g's stack (0: no value, e.g. <-ch discarded)
        self.c = c
        self.success = False
        self.isselect = case >= 0
        self.case = case        # select: which case this sudog stands for
        self.send = send


class Hchan:
    __slots__ = ("addr", "elemsize", "dataqsiz", "buf", "closed", "recvq", "sendq", "elem_ptrs")

    def __init__(self, addr: int, elemsize: int, dataqsiz: int, elem_ptrs: tuple = ()):
        self.elem_ptrs = elem_ptrs   # pointer offsets in an element (the GC scans the buffer)
        self.addr = addr
        self.elemsize = elemsize
        self.dataqsiz = dataqsiz
        self.buf = deque()      # element bytes, qcount = len(buf)
        self.closed = False
        self.recvq = deque()
        self.sendq = deque()


class Channels:
    """The channel operations of one runtime instance."""

    def __init__(self, world):
        self.world = world
        self.aspace = world.aspace
        self.table: dict[int, Hchan] = {}

    def makechan(self, elemsize: int, size: int, elem_ptrs: tuple = ()) -> int:
        if size < 0 or size * elemsize > (1 << 40):
            raise GoPanic("makechan: size out of range", runtime_error=False)
        addr = self.world.mheap.mallocgc(HCHAN_SIZE + size * elemsize, "hchan")
        self.table[addr] = Hchan(addr, elemsize, size, elem_ptrs)
        self.world.collector.note_alloc(addr, ())
        return addr

    def hchan(self, addr: int) -> Hchan | None:
        return self.table.get(addr) if addr else None

    # ---- helpers moving element bytes between stacks and buffers

    def read(self, elem: int, n: int) -> bytes:
        return self.aspace.read(elem, n) if elem and n else bytes(n)

    def write(self, elem: int, data: bytes):
        if elem and data:
            self.aspace.write(elem, data)

    def direct(self, dst: int, src: int, n: int):
        """Copy an element from one goroutine's stack straight into another's."""
        if dst and n:
            if src:
                self.aspace.copy(dst, src, n)
            else:
                self.aspace.fill(dst, n, 0)

    # ---- operations; each returns True if done, False if the caller must park

    def chansend(self, g, addr: int, elem: int) -> bool:
        c = self.table.get(addr)
        world = self.world
        if c is None:
            world.gopark(g, "chan send (nil chan)")
            return False
        if c.closed:
            raise GoPanic("send on closed channel")
        if c.recvq:
            sg = c.recvq.popleft()
            self.direct(sg.elem, elem, c.elemsize)     # sendDirect: into the receiver's stack
            self.finish(sg, True)
            return True
        if len(c.buf) < c.dataqsiz:
            c.buf.append(self.read(elem, c.elemsize))
            return True
        sg = Sudog(g, elem, c)
        c.sendq.append(sg)
        g.waiting = [sg]
        world.gopark(g, "chan send")
        return False

    def chanrecv(self, g, addr: int, elem: int) -> bool:
        c = self.table.get(addr)
        world = self.world
        if c is None:
            world.gopark(g, "chan receive (nil chan)")
            return False
        if c.closed and not c.buf:
            self.write(elem, bytes(c.elemsize))
            g.recvok = False
            return True
        if c.sendq:
            sg = c.sendq.popleft()
            if c.dataqsiz == 0:
                self.direct(elem, sg.elem, c.elemsize)  # recvDirect: out of the sender's stack
            else:
                # Take the head of the queue; the sender's value joins the tail.
                self.write(elem, c.buf.popleft())
                c.buf.append(self.read(sg.elem, c.elemsize))
            self.finish(sg, True)
            g.recvok = True
            return True
        if c.buf:
            self.write(elem, c.buf.popleft())
            g.recvok = True
            return True
        sg = Sudog(g, elem, c)
        c.recvq.append(sg)
        g.waiting = [sg]
        world.gopark(g, "chan receive")
        return False

    def closechan(self, addr: int):
        c = self.hchan(addr)
        if c is None:
            raise GoPanic("close of nil channel")
        if c.closed:
            raise GoPanic("close of closed channel")
        c.closed = True
        while c.recvq:
            sg = c.recvq.popleft()
            self.write(sg.elem, bytes(c.elemsize))
            self.finish(sg, False)
        while c.sendq:
            sg = c.sendq.popleft()
            sg.g.resume_panic = GoPanic("send on closed channel")
            self.finish(sg, False)

    def finish(self, sg: Sudog, success: bool):
        """The other side is done with sg: wake its goroutine (goready)."""
        gp = sg.g
        gp.recvok = success
        if sg.isselect:
            # The select fired on this case: withdraw its other sudogs (dequeueSudoG).
            gp.selected = sg.case
            for other in gp.waiting:
                if other is not sg:
                    queue = other.c.sendq if other.send else other.c.recvq
                    try:
                        queue.remove(other)
                    except ValueError:
                        pass
        gp.waiting = []
        self.world.goready(gp)

    # ---- select

    def selectgo(self, g, cases, has_default: bool) -> bool:
        """Pick a ready case in random order, else default, else park on every channel."""
        order = list(range(len(cases)))
        self.world.rng.shuffle(order)              # Go's pollorder: uniform, seeded here
        for k in order:
            kind, addr, elem = cases[k]
            c = self.hchan(addr)
            if c is None:
                continue                           # a nil channel's case is never ready
            if kind == SELECT_RECV and (c.sendq or c.buf or c.closed):
                self.chanrecv(g, addr, elem)
                g.selected = k
                return True
            if kind == SELECT_SEND and (c.closed or c.recvq or len(c.buf) < c.dataqsiz):
                self.chansend(g, addr, elem)
                g.selected = k
                return True
        if has_default:
            g.selected = -1
            return True
        sudogs = []
        for k, (kind, addr, elem) in enumerate(cases):
            c = self.hchan(addr)
            if c is None:
                continue
            sg = Sudog(g, elem, c, case=k, send=kind == SELECT_SEND)
            (c.sendq if sg.send else c.recvq).append(sg)
            sudogs.append(sg)
        g.waiting = sudogs
        self.world.gopark(g, "select" if cases else "select (no cases)")
        return False

    def chanlen(self, addr: int) -> int:
        c = self.hchan(addr)
        return len(c.buf) if c else 0

    def chancap(self, addr: int) -> int:
        c = self.hchan(addr)
        return c.dataqsiz if c else 0


def adjustsudogs(g, lo: int, hi: int, delta: int) -> int:
    """copystack: move sudog.elem pointers that point into the old stack."""
    adjusted = 0
    for sg in g.waiting:
        if lo <= sg.elem < hi:
            sg.elem += delta
            adjusted += 1
    return adjusted
