"""mgc: the garbage collector: mark from globals and stacks, sweep, shrink stacks.

Go counterpart: src/runtime/mgc.go, mgcmark.go (markroot, scanstack,
scanframeworker), mgcsweep.go and stack.go's shrinkstack, Go 1.19.

Stop-the-world and non-incremental here: a cycle runs only when every
goroutine is at a safepoint (runtime.GC() is one, and the scheduler runs
paced cycles between goroutines), so no write barrier is needed.

Roots (markroot) are the pointer words of the globals (their types'
pointer maps) and of every goroutine's stack: scanstack walks its frames
with the unwinder (traceback.py's gentraceback, the walk copystack uses)
and scanframe reads each frame's words through the stack maps the compiler
recorded per call site and per function (stack.py's getStackMap).  A word is a heap pointer if it
falls inside a live object (interior pointers count).  Marked objects are
scanned through their own pointer maps; a channel is scanned through its
buffered elements.  Everything unmarked is freed.

scanstack also shrinks each stack it scans (halving it when less than a
quarter is used, Go's rule) and, in Go 1.19, feeds the average scanned
stack size into the starting size of new goroutines.
"""

from __future__ import annotations

from ..profiles import PTR_SIZE
from .deferpanic import defer_roots
from .stack import getStackMap
from .traceback import gentraceback

GOGC = 100                    # heap growth allowed between cycles, percent
HEAP_MINIMUM = 4 << 20        # heapminimum: the first goal


class Collector:
    def __init__(self, world):
        self.world = world
        self.objects: dict[int, tuple] = {}   # object address -> pointer offsets
        self.next_gc = HEAP_MINIMUM
        self.numgc = 0
        self.pinned: set = set()

    def note_alloc(self, addr: int, ptrs: tuple):
        self.objects[addr] = ptrs

    def pin(self, addr: int):
        """Keep a runtime-owned object (a type descriptor the runtime made) alive."""
        self.pinned.add(addr)

    def should_run(self) -> bool:
        return self.world.mheap.heap_alloc >= self.next_gc

    # ------------------------------------------------------------ a cycle

    def gc(self):
        world = self.world
        world.emit("gc_start", numgc=self.numgc)
        marked = self.mark()
        freed = self.sweep(marked)
        scanned, used = self.scan_and_shrink_stacks()
        self.markrootFreeGStacks()
        for p in world.allp:
            world.stackalloc.stackcache_clear(p)
        world.stackalloc.free_stack_spans()
        if world.profile.adaptive_stack_start:
            world.starting_stack = self.adaptive_start(scanned, used)
        live = world.mheap.heap_alloc
        self.next_gc = max(HEAP_MINIMUM, live + live * GOGC // 100)
        self.numgc += 1
        world.emit("gc_end", numgc=self.numgc, freed=freed, heap_alloc=live)

    # ------------------------------------------------------------ mark

    def markroot(self):
        """Every root word: globals, pinned objects, each goroutine's stack, context,
        defer records and panics, and the channels of pending timers."""
        world = self.world
        load = world.aspace.load
        for off in world.program.global_ptrs:
            yield load(world.data.lo + off, "q")
        yield from self.pinned
        for g in world.live_goroutines(system=True):
            yield from self.scanstack(g)
            yield g.ctxt
            yield from defer_roots(g, world.aspace)
        yield from world.timers.roots()          # time.After's channels

    def scanstack(self, g):
        """Every word the stack maps call a pointer in g's stack, frame by frame.

        With segmented stacks the walk crosses into older segments at each
        lessstack return pc, through the segment's Stktop, as traceback does.
        """
        world = self.world
        program = world.program
        load = world.aspace.load
        pc = g.pc
        f = program.findfunc(pc)
        at_entry = f is not None and f.entry == pc
        stack_top = world.profile.stack_top if world.stacks.segments is not None else 0
        for frame in gentraceback(program, lambda a: load(a, "q"), pc, g.sp, at_entry,
                                  stack_hi=g.stack.hi, stack_top=stack_top):
            if frame.func.name == "runtime.goexit":
                return
            yield from self.scanframe(frame)

    stack_words = scanstack         # (the name tests/unit/test_background_goroutines.py uses)

    def scanframe(self, frame):
        """scanframeworker: the frame's pointer words, locals then arguments."""
        load = self.world.aspace.load
        locals_, args = getStackMap(frame.func, frame.pc, frame.at_entry, self.world.program)
        for off in locals_:
            yield load(frame.sp + off, "q")
        for off in args:
            yield load(frame.argp + off, "q")

    def mark(self) -> set:
        marked: set[int] = set()
        work = [w for w in self.markroot() if w]
        while work:
            base = self.object_base(work.pop())
            if base is None or base in marked:
                continue
            marked.add(base)
            work.extend(self.object_words(base))
        return marked

    def object_base(self, addr: int):
        span = self.world.mheap.find_span(addr)
        if span is None or span.state != "heap" or not span.elemsize:
            return None
        base = span.base + (addr - span.base) // span.elemsize * span.elemsize
        return base if base in self.objects else None

    def object_words(self, base: int):
        world = self.world
        load = world.aspace.load
        for off in self.objects[base]:
            word = load(base + off, "q")
            if word:
                yield word
        yield from world.maps.scan(base)
        c = world.chans.table.get(base)
        if c is not None and c.elem_ptrs:
            for data in c.buf:
                for off in c.elem_ptrs:
                    yield int.from_bytes(data[off:off + PTR_SIZE], "little", signed=True)

    # ------------------------------------------------------------ sweep

    def sweep(self, marked: set) -> int:
        world = self.world
        dead = [addr for addr in self.objects if addr not in marked]
        for addr in dead:
            del self.objects[addr]
            world.chans.table.pop(addr, None)
            world.maps.table.pop(addr, None)
            world.mheap.free(addr)
        return len(dead)

    # ------------------------------------------------------------ stacks

    def markrootFreeGStacks(self):  # noqa: N802 (Go's name)
        """Dead Gs on the global free list give up their stacks."""
        world = self.world
        for g in world.gfree_global:
            if g.stack is not None:
                world.stack_owner = g.goid
                world.stacks.stackalloc.stackfree(g.stack, world.p)
                g.stack = None
        world.stack_owner = None

    def adaptive_start(self, scanned: int, total: int) -> int:
        """Go 1.19: the average scanned stack plus StackGuard, as a power of two."""
        profile = self.world.profile
        if not scanned:
            return profile.fixed_stack
        avg = total // scanned + profile.stack_guard
        size = profile.fixed_stack
        while size < avg and size < self.world.max_stack:
            size *= 2
        return size

    def scan_and_shrink_stacks(self):
        world = self.world
        scanned = used = 0
        for g in world.live_goroutines(system=True):
            used += g.stack.hi - g.sp
            scanned += 1
            world.stack_owner = g.goid          # whose stack a shrink allocates and frees
            world.stacks.shrinkstack(g)
        world.stack_owner = None
        return scanned, used
