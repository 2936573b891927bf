"""stack: the stack guard, morestack -> newstack -> copystack, adjustframe.

Go counterpart: src/runtime/stack.go (Go 1.19), with the per-release
differences taken from gostack.profiles.

The guard.  Every Go function that is not NOSPLIT starts by comparing its
SP with g.stackguard0 (three forms by frame size; see compiler/codegen/frame.py).
stackguard0 normally sits StackGuard bytes above stack.lo, so a function
that passes its check may still use StackSmall bytes below the guard, and
the StackLimit bytes below that are left for chains of NOSPLIT functions
(the linker proves they fit):

    stack.hi  +------------------+
              | frames ...       |
              |                  |  <- SP of a function passing its check
    guard --> +------------------+  stackguard0 = lo + StackGuard
              | StackSmall       |  a small frame may dip this far
              +------------------+
              | StackLimit       |  room for NOSPLIT chains (morestack too)
    stack.lo  +------------------+

A poison value in stackguard0 (stackPreempt, stackForceMove) is larger than
any SP, so the next check fails: preemption and forced moves ride on the
growth check.

Growth.  A failed check calls morestack, which records the function's entry
pc and SP in g.sched and calls newstack "on g0" (the Python runtime).
newstack doubles the size (Go 1.15+: keeps doubling until the frame fits),
throws `stack overflow` past maxstacksize, and calls copystack: allocate the
new stack, copy the used bytes [sp, hi) to the same distance below the new
hi, then walk the frames *on the new stack* and add delta = new.hi - old.hi
to every word that a stack map says is a pointer and that points into the
old stack; the saved frame pointers too.  The walk is traceback.py's
unwinder; per frame, adjustframe takes the frame's pointer maps from
getStackMap and hands each bitmap to adjustpointers.  The old stack is
freed (unmapped: a stale pointer now faults).  Then the function runs its
check again.

Shrinking: the GC's stack scan (mgc.py) calls shrinkstack, which halves a
stack using less than a quarter of it (Go's rule), unless the goroutine is
stopped at an asynchronous safe point (isShrinkStackSafe).  Preemption
rides on the guard: a stackPreempt request makes newstack call gopreempt_m.

Segmented stacks (profile go1.2) keep the same entry points: a failed check
still goes morestack -> newstack, which, after the preemption and overflow
checks shared with the copying releases, hands over to segmented.py to link
a new segment instead of copying; nothing is ever shrunk or moved.
"""

from __future__ import annotations

from ..profiles import PTR_SIZE, STACK_FORCE_MOVE, STACK_POISON_MIN, STACK_PREEMPT
from .chan import adjustsudogs
from .deferpanic import adjustdefers
from .errors import StackOverflow, throw
from .runtime2 import Gstatus
from .segmented import SegmentAllocator, SegmentedStacks
from .traceback import unwind

POISON_BYTE = 0xFD        # what stackpoisoncopy fills a freed stack with


class Switch(Exception):
    """The running goroutine stopped (parked, yielded, exited): schedule another."""


class WalkRecord:
    """What one copystack's frame walk saw, for its event (only when events are on).

    frames: runs [function, frame size, count], innermost first (a deep
    recursion is one run); pointers: the first POINTERS_RECORDED stack slots
    (new address) whose pointer into the old stack was adjusted, with the old
    value and the function owning the slot.
    """

    POINTERS_RECORDED = 64

    def __init__(self):
        self.runs: list = []
        self.pointers: list = []

    def frame(self, name: str, size: int):
        runs = self.runs
        if runs and runs[-1][0] == name and runs[-1][1] == size:
            runs[-1][2] += 1
        else:
            runs.append([name, size, 1])

    def pointer(self, slot: int, old: int, func: str):
        if len(self.pointers) < self.POINTERS_RECORDED:
            self.pointers.append([slot, old, func])

    def fields(self) -> dict:
        return {"stack": self.runs, "pointers": self.pointers}


class StackEngine:
    """The stack operations of one runtime instance (its heap, allocator, profile)."""

    def __init__(self, world):
        self.world = world
        self.program = world.program
        self.last_walk = None         # the WalkRecord of the latest copy (events on only)
        self.profile = world.profile
        self.aspace = world.aspace
        self.stackalloc = world.stackalloc
        self.debug = world.debug
        self.maxstacksize = world.max_stack
        self.maxstackceiling = self.profile.max_stack_ceiling
        # stackforcemove=N: move the stack at every N-th prologue check (1: every check);
        # with segmented stacks, split to a new segment instead.
        self.force_period = int(self.debug.get("stackforcemove", 0) or 0)
        self.force_count = self.force_period
        self.segments = None
        self.stackmaps: dict = {}      # call site's return pc -> its getStackMap
        if self.profile.stacks == "segmented":
            # Go 1.2 brings its own allocator (segments through a per-M cache).
            world.stackalloc = self.stackalloc = SegmentAllocator(
                world.aspace, world.mheap, self.profile, world.stackalloc.debug,
                world.stackalloc.on_event)
            self.segments = SegmentedStacks(self)

    # ------------------------------------------------------------ allocation

    def install(self, g, size: int):
        stk = self.stackalloc.stackalloc(size, self.world.p)
        g.set_stack(stk, self.aspace.find(stk.lo), self.profile.stack_guard)
        return stk

    # ------------------------------------------------------------ morestack

    def morestack(self, g, entry_pc: int) -> None:
        """A prologue check failed at entry_pc with SP = g.sp: grow; the caller retries."""
        g.pc = entry_pc
        self.newstack(g)

    def _decided(self, g, guard: int, decision: str):
        """The morestack event: the failed check and what newstack made of it."""
        if self.world.opts.on_event is not None:
            f = self.program.findfunc(g.pc)
            self.world.emit("morestack", g=g.goid, func=f.name if f else "?",
                            frame_size=f.frame_size if f else 0, sp=g.sp, guard=guard,
                            lo=g.stack.lo, hi=g.stack.hi, decision=decision)

    def forcemove(self, g, entry_pc: int) -> int:
        """Go's mayMoreStackMove: move to a same-size stack before the check."""
        self.force_count -= 1
        if self.force_count > 0:
            return g.sp
        self.force_count = self.force_period
        if g.stackguard0 >= STACK_POISON_MIN:
            return g.sp           # a pending request (preemption) goes first, as in Go
        g.pc = entry_pc
        g.stackguard0 = STACK_FORCE_MOVE
        self.newstack(g)
        return g.sp

    def newstack(self, g):
        """Decide what a failed check means, then grow (never returns to a stale stack)."""
        guard = g.stackguard0
        if guard == STACK_PREEMPT:
            # gopreempt_m: reschedule g (at its function's entry, where it will
            # run the check again); with nothing else to run the request is dropped.
            g.stackguard0 = g.stack.lo + self.profile.stack_guard
            g.preempt = False
            self.world.count("preemptions")
            runnable = self.world.has_runnable()
            self._decided(g, guard, "preempt" if runnable else "preempt_dropped")
            if runnable:
                self.world.emit("preempt", g=g.goid, kind="stackguard0")
                self.world.gopreempt_m(g)
                raise Switch()
            return
        if g.stack.lo == 0:
            throw("missing stack in newstack")
        sp = g.sp
        if sp - PTR_SIZE < g.stack.lo:       # the CALL to morestack needed a word too
            throw("runtime: split stack overflow")
        if self.segments is not None:
            self.segments.newstack(g)        # a forced move is a forced split here
            return
        oldsize = g.stack.hi - g.stack.lo
        newsize = oldsize * 2
        f = self.program.findfunc(g.pc)
        if self.profile.grow_until_fits and f is not None:
            used = g.stack.hi - sp
            while newsize - used < f.frame_size + self.profile.stack_guard:
                newsize *= 2
        if guard == STACK_FORCE_MOVE:
            newsize = oldsize
        if newsize > self.maxstacksize or (self.maxstackceiling and newsize > self.maxstackceiling):
            limit = self.maxstacksize
            if self.maxstackceiling and self.maxstackceiling < limit:
                limit = self.maxstackceiling
            self._decided(g, guard, "overflow")
            raise StackOverflow(limit, sp - PTR_SIZE, g.stack.lo, g.stack.hi)
        self._decided(g, guard, "forcemove" if guard == STACK_FORCE_MOVE else "grow")
        g.casgstatus(Gstatus.RUNNING, Gstatus.COPYSTACK)
        self.copystack(g, newsize, reason="forcemove" if guard == STACK_FORCE_MOVE else "grow")
        g.casgstatus(Gstatus.COPYSTACK, Gstatus.RUNNING)

    # ------------------------------------------------------------ copystack

    def copystack(self, g, newsize: int, reason: str = "grow"):
        """Move g to a new stack of newsize bytes; adjust every pointer into the old one."""
        old = g.stack
        used = old.hi - g.sp
        new = self.stackalloc.stackalloc(newsize, self.world.p)
        delta = new.hi - old.hi
        self.aspace.copy(new.hi - used, old.hi - used, used)
        old_bp = g.bp
        g.set_stack(new, self.aspace.find(new.lo), self.profile.stack_guard)
        g.sp = old.hi - used + delta
        g.stktopsp += delta
        if old.lo <= old_bp < old.hi:
            g.bp = old_bp + delta
        walk = WalkRecord() if self.world.opts.on_event is not None else None
        frames, adjusted = self.adjustframes(g, old.lo, old.hi, delta, walk)
        sudogs = adjustsudogs(g, old.lo, old.hi, delta)
        adjusted += self.adjustctxt(g, old.lo, old.hi, delta)
        defers = adjustdefers(g, self.aspace, old.lo, old.hi, delta)
        adjusted += defers
        self.free_old(old)
        self.last_walk = walk
        self.world.note_copy(g, old, new, used, delta, frames, adjusted + sudogs, reason, sudogs)

    def free_old(self, old):
        if self.debug.get("stackpoisoncopy"):
            self.aspace.fill(old.lo, old.hi - old.lo, POISON_BYTE)
        self.stackalloc.stackfree(old, self.world.p)

    @staticmethod
    def adjustctxt(g, lo: int, hi: int, delta: int) -> int:
        """The context register of a closure being entered may point at a stack closure."""
        if lo <= g.ctxt < hi:
            g.ctxt += delta
            return 1
        return 0

    def adjustframes(self, g, lo: int, hi: int, delta: int, walk=None):
        """Walk the frames on the new stack (gentraceback); adjustframe each of them.

        Returns the frames walked (runtime.goexit's included) and the words adjusted.
        walk (a WalkRecord, when the run has an event subscriber) records the
        frames and the pointers adjusted, for the copystack event."""
        mem = g.q
        base = g.base
        program = self.program
        adj = AdjustInfo(lo, hi, delta, walk)
        frames = adjusted = 0
        pc = g.pc
        f = program.findfunc(pc)
        at_entry = f is not None and f.entry == pc     # stopped in its prologue, no frame yet
        stackmaps = self.stackmaps
        load_word = lambda addr: mem[(addr - base) >> 3]      # noqa: E731 (the new stack's words)
        for f, pc, sp, fp, at_entry, _ in unwind(program, load_word, pc, g.sp, at_entry, strict=True):
            frames += 1
            if f.name == "runtime.goexit":
                break
            maps = stackmaps.get(pc) if not at_entry else None
            if maps is None:
                maps = getStackMap(f, pc, at_entry, program)
                if not at_entry and pc in program.callsites:   # (panic sites are added late)
                    stackmaps[pc] = maps
            if walk is not None:
                walk.frame(f.name, 0 if at_entry else f.frame_size)
            adjusted += adjustframe(f, sp, fp, at_entry, maps, mem, base, adj)
        return frames, adjusted

    # ------------------------------------------------------------ shrinking

    def isShrinkStackSafe(self, g) -> bool:  # noqa: N802 (Go's name)
        """Not stopped at an asynchronous safe point (its innermost frame has no exact
        pointer map); thread stacks never move; segments are released by lessstack."""
        return not (getattr(g, "async_safe", False) or getattr(self.world, "thread_model", False)
                    or self.segments is not None)

    def shrinkstack(self, g) -> bool:
        """Halve g's stack if it uses less than a quarter of it (Go's 1/4 rule)."""
        if self.debug.get("gcshrinkstackoff") or not self.profile.shrink_stacks \
                or not self.isShrinkStackSafe(g):
            return False
        oldsize = g.stack.hi - g.stack.lo
        newsize = oldsize // 2
        if newsize < self.profile.fixed_stack:
            return False
        used = g.stack.hi - g.sp
        if self.profile.shrink_adds_stack_limit:
            used += self.profile.stack_limit
        if used >= oldsize // 4:
            return False
        self.world.emit("shrinkstack", g=g.goid, old_size=oldsize, new_size=newsize,
                        used=g.stack.hi - g.sp)
        self.copystack(g, newsize, reason="shrink")
        return True

    # ------------------------------------------------------------ limits

    def set_max_stack(self, n: int) -> int:
        old, self.maxstacksize = self.maxstacksize, n
        return old


# ---------------------------------------------------------------- adjusting a moved frame

class AdjustInfo:
    """adjustinfo: the old stack [lo, hi) and how far it moved (delta = new.hi - old.hi)."""

    __slots__ = ("lo", "hi", "delta", "walk")

    def __init__(self, lo: int, hi: int, delta: int, walk=None):
        self.lo, self.hi, self.delta = lo, hi, delta
        self.walk = walk            # a WalkRecord when events are on: what was adjusted


def getStackMap(f, pc: int, at_entry: bool, program):  # noqa: N802 (Go's name)
    """A frame's pointer maps: (locals, args), byte offsets from its SP and its argp.

    Locals come from the call site the frame is stopped at (the live pointers
    there), else, stopped elsewhere (asynchronously preempted), the function's
    full map; a frame at its entry has no locals yet."""
    if at_entry:
        return (), f.arg_ptrs
    site = program.callsites.get(pc)
    return (site.live_ptrs if site is not None else f.local_ptrs), f.arg_ptrs


def adjustpointers(mem, index: int, offsets, adj: AdjustInfo, base: int = 0, owner: str = "") -> int:
    """Add delta to every word the bitmap (offsets from mem[index]) marks that points
    into the old stack; the number adjusted.  (base and owner name the slots for
    adj.walk, when events are on.)"""
    lo, hi, delta, walk = adj.lo, adj.hi, adj.delta, adj.walk
    adjusted = 0
    for off in offsets:
        k = index + (off >> 3)
        v = mem[k]
        if lo <= v < hi:
            mem[k] = v + delta
            adjusted += 1
            if walk is not None:
                walk.pointer(base + (k << 3), v, owner)
    return adjusted


def adjustframe(f, sp: int, fp: int, at_entry: bool, maps, mem, base: int,
                adj: AdjustInfo) -> int:
    """One frame of a moved stack (maps: its getStackMap): its locals, its saved
    frame pointer, its arguments.

    (Empty bitmaps are skipped before the call: most frames have few pointers,
    and copystack visits every frame at every move.)"""
    locals_, args = maps
    adjusted = 0
    if not at_entry:
        if locals_:
            adjusted += adjustpointers(mem, (sp - base) >> 3, locals_, adj, base, f.name)
        if f.frame_size:
            k = ((fp - base) >> 3) - 2          # saved BP, just below the return address
            v = mem[k]
            if adj.lo <= v < adj.hi:
                mem[k] = v + adj.delta
                adjusted += 1
                if adj.walk is not None:
                    adj.walk.pointer(base + (k << 3), v, f.name + " saved BP")
    if args:
        adjusted += adjustpointers(mem, (fp - base) >> 3, args, adj, base, f.name)
    return adjusted
