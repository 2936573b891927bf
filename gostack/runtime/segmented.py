"""segmented: Go 1.2's segmented stacks: newstack links a segment, lessstack unlinks it.

Go counterpart: Go 1.2's src/pkg/runtime/stack.c (runtime·newstack,
runtime·oldstack, runtime·stackalloc/stackfree and the per-M segment cache),
asm_amd64.s (runtime·morestack, runtime·lessstack), proc.c
(runtime·unwindstack at goexit) and traceback_x86.c (crossing a segment
boundary).  Constants from gostack.profiles (the go1.2 profile), described
in ../shared/reference/go-stack-facts.md section 10.

A goroutine's stack is a chain of segments.  Nothing is ever copied except
a call's arguments, so a pointer into an older segment stays valid: no
pointer adjustment, no stack maps needed to grow.

When a prologue check fails, newstack allocates a segment big enough for
the failing function (at least StackMin, else its frame + arguments +
StackExtra), writes a Stktop record at the segment's top, copies the
function's incoming arguments below it, and "calls" the function from a
fake return address: the pc of lessstack.

    new segment                          previous segment
    hi +-------------------+             +-------------------+
       | Stktop (88 bytes) |--stackbase->| caller's frames   |
       +-------------------+             |  ...              |
       | args (copied)     |<--+         | args, results     |<- argp
       +-------------------+   |         | return pc         |<- SP at the failed check
       | lessstack pc      |   |         |                   |
       +-------------------+   |         | (not enough room  |
       | the function's    |   |         |  below the guard) |
       | frame ...         |   |         +-------------------+ lo
    lo +-------------------+   +-- copied back on return: the results live there

When the function returns, its `ret` pops into lessstack (a runtime entry in
the block table at `lessstack_pc`), which copies the argument area back
(results included) to argp, reinstalls the previous segment from Stktop
(bounds, guard, the caller's SP) and frees the segment (8 KB ones go to the
M's segment cache), then continues at the real return pc.

The hot split: a call made at the very bottom of a segment, in a loop, pays
a segment allocation, an argument copy, a Stktop, a result copy and a free
on every iteration; a copying runtime (Go 1.3+) pays once.

Stktop in the model (11 words = StackTop, 88 bytes; offsets below):
stackguard and stackbase of the previous segment, the gobuf to return to
(sp, pc, g, ctxt, ret), argsize (low 32 bits; panicwrap in the high 32),
argp, free (bytes to free on return, 0 for none) and the panic flag.

Where it deliberately differs from Go 1.2:
  - the first stack of a goroutine is made by the shared newproc (proc.py)
    with Go 1.19's layout (4 words reserved at its top, no Stktop): the
    chain ends there, and `stackbase` holds the previous segment's hi (Go:
    the address of its Stktop);
  - segments are never zero-size: there is no reflect.call special case
    (Stktop on the current segment, free = 0) since the model has no reflect;
  - 8 KB segments come from batches carved out of the model heap's stack
    spans (Go: SysAlloc, outside the heap); other sizes from a stack span of
    their own (Go: mallocgc with FlagNoGC); each segment is mapped alone and
    unmapped when freed, as every model stack is;
  - gobuf.g holds the goroutine id (Go: the G pointer);
  - the model has one M, so the segment cache is one ring.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass

from ..profiles import PTR_SIZE, SEGMENT_CACHE_BATCH, SEGMENT_CACHE_SIZE
from .errors import StackOverflow, throw
from .mheap import pages_for
from .stackalloc import Stack, StackAllocator

# Stktop's words, in memory order from the record's address (segment hi - StackTop).
STKTOP_FIELDS = (
    "stackguard",   # previous segment's stackguard (its lo + StackGuard)
    "stackbase",    # previous segment's hi (Go: its Stktop's address)
    "gobuf_sp",     # m.morebuf.sp: the caller's SP to resume with
    "gobuf_pc",     # m.morebuf.pc: the real return pc
    "gobuf_g",      # the goroutine (its id here)
    "gobuf_ctxt",   # closure context (none in the model: 0)
    "gobuf_ret",    # return register value (m.cret; unused by the model's Go code)
    "argsize",      # bytes of arguments and results copied (low 32 bits; panicwrap above)
    "argp",         # where those bytes live in the previous segment
    "free",         # bytes to stackfree on return (0: none)
    "panic",        # this segment is the top of a panic (no recover in the model: 0)
)
STKTOP_WORDS = len(STKTOP_FIELDS)
ARGSIZE_MASK = 0xFFFFFFFF

SEGMENT_SOURCES = ("cache", "heap")


def lessstack_pc(program) -> int:
    """The pc of runtime.lessstack: just past the last function the linker placed.

    No block of any function can have this pc, so a return address equal to
    it always means "end of a segment".
    """
    return program.text_end


@dataclass
class Stktop:
    """A decoded Stktop record (fields in STKTOP_FIELDS order, then its address)."""

    stackguard: int
    stackbase: int
    gobuf_sp: int
    gobuf_pc: int
    gobuf_g: int
    gobuf_ctxt: int
    gobuf_ret: int
    argsize: int
    argp: int
    free: int
    panic: int
    addr: int = 0

    def old_stack(self, stack_guard: int) -> Stack:
        """The previous segment, [stackguard - StackGuard, stackbase)."""
        return Stack(self.stackguard - stack_guard, self.stackbase)


def read_stktop(load_word, addr: int) -> Stktop:
    top = Stktop(*(load_word(addr + k * PTR_SIZE) for k in range(STKTOP_WORDS)), addr=addr)
    top.argsize &= ARGSIZE_MASK
    return top


def segment_boundary(load_word, hi: int, stack_top: int):
    """Traceback at a lessstack return pc: (caller pc, caller sp, previous segment's hi)."""
    top = read_stktop(load_word, hi - stack_top)
    return top.gobuf_pc, top.gobuf_sp, top.stackbase


# ---------------------------------------------------------------- the allocator


class SegmentAllocator(StackAllocator):
    """Go 1.2's stackalloc/stackfree: FixedStack segments through a per-M cache.

    FixedStack (8 KB) segments come from the M's cache, a ring of up to
    SEGMENT_CACHE_SIZE free segments.  An empty cache is refilled with a
    batch of SEGMENT_CACHE_BATCH segments from the global list, or, when
    that is empty too, with a new batch (Go: SysAlloc, counted in
    stacks_sys; never given back).  A full cache releases its oldest
    SEGMENT_CACHE_BATCH segments to the global list as one batch.  Every
    other size gets a stack span of its own, given back when freed.

    MemStats as Go 1.2 reports them: StackInuse counts the FixedStack
    segments handed out (m.stackinuse x FixedStack), StackSys the batches.
    `stack_inuse` (the model's peak figure and invariant) is the bytes of
    stack spans: batches plus odd-sized segments.
    """

    def __init__(self, aspace, mheap, profile, debug=None, on_event=None):
        super().__init__(aspace, mheap, profile, debug, on_event)
        self.counts = {event: dict.fromkeys(SEGMENT_SOURCES, 0) for event in ("stackalloc", "stackfree")}
        self.stackcache: list[int] = []          # the M's ring: free segments, last one out first
        self.batches: list[list[int]] = []       # the global list of released batches
        self.stackinuse = 0                      # m.stackinuse: FixedStack segments in use
        self.stacks_sys = 0                      # bytes of batches ever made

    def memstats(self) -> dict:
        return {"StackInuse": self.stackinuse * self.profile.fixed_stack,
                "StackSys": self.stacks_sys}

    def stackalloc(self, n: int, p=None) -> Stack:
        if n < self.profile.stack_min or n % PTR_SIZE:
            throw(f"stackalloc: bad segment size {n}")
        if n == self.profile.fixed_stack:
            if not self.stackcache:
                self.stackcacherefill()
            lo, source = self.stackcache.pop(), "cache"
            self.stackinuse += 1
        else:
            span = self.mheap.alloc_manual(pages_for(n))
            span.elemsize = n
            lo, source = span.base, "heap"
        self._map_stack(lo, n)
        self._record("stackalloc", n, lo, source)
        return Stack(lo, lo + n)

    def stackfree(self, stk: Stack, p=None) -> None:
        n = stk.size
        self._unmap_stack(stk)
        if n == self.profile.fixed_stack:
            if len(self.stackcache) == SEGMENT_CACHE_SIZE:
                self.stackcacherelease()
            self.stackcache.append(stk.lo)
            self.stackinuse -= 1
            source = "cache"
        else:
            span = self.mheap.find_span(stk.lo)
            if span is None or span.state != "stack" or span.base != stk.lo:
                throw("stackfree: segment is not a stack span")
            self._free_stack_span(span)
            source = "heap"
        self._record("stackfree", n, stk.lo, source)

    def stackcacherefill(self) -> None:
        """Move one batch into the empty ring: a released one, or a new one."""
        if self.batches:
            batch = self.batches.pop()
        else:
            size = self.profile.fixed_stack
            span = self.mheap.alloc_manual(pages_for(size * SEGMENT_CACHE_BATCH))
            span.elemsize = size
            self.stacks_sys += span.size
            batch = [span.base + k * size for k in range(SEGMENT_CACHE_BATCH)]
            batch.reverse()          # the batch's first segment is handed out first
        self.stackcache.extend(batch)

    def stackcacherelease(self) -> None:
        """A full ring gives its oldest batch back to the global list."""
        batch = self.stackcache[:SEGMENT_CACHE_BATCH]
        del self.stackcache[:SEGMENT_CACHE_BATCH]
        self.batches.append(batch)

    def stackcache_clear(self, p) -> None:
        """Go 1.2's GC leaves the segment caches alone."""

    def free_stack_spans(self) -> None:
        """Batches are never given back (Go 1.2 never frees SysAlloc'd stack memory)."""

    def _record(self, event: str, n: int, lo: int, source: str) -> None:
        self.counts[event][source] += 1
        if self.on_event is not None:
            self.on_event(event, size=n, lo=lo, hi=lo + n, source=source, segment=True)


# ---------------------------------------------------------------- newstack and lessstack


class SegmentedStacks:
    """The segmented half of the stack engine (stack.py's StackEngine delegates here)."""

    def __init__(self, engine):
        self.engine = engine
        self.world = engine.world
        self.profile = engine.profile
        self.aspace = engine.aspace
        self.program = engine.program
        self.lessstack_pc = lessstack_pc(self.program)
        # g->stacksize (the sum of a G's segments), kept only while a G runs on
        # more than its first segment.
        self.stacksize: dict = {}
        for counter in ("segments_allocated", "segments_freed", "segment_bytes_copied"):
            self.world.stats.totals.setdefault(counter, 0)      # in --stats-json even when zero

    @property
    def stackalloc(self) -> SegmentAllocator:
        return self.engine.stackalloc

    def segment_size(self, f) -> int:
        """How big a segment newstack allocates for f (Go 1.2's 6l and newstack).

        The prologue passes f's frame size to morestack only when a StackMin
        segment might not hold it (the reference's 1.3-era linker also always
        passes frames of StackBig or more); the segment is that frame + the
        arguments + StackExtra, at least StackMin.
        """
        p = self.profile
        frame, args = f.frame_size, f.args_size
        need = p.stack_top + args + PTR_SIZE + frame + PTR_SIZE + p.stack_limit
        framesize = frame if frame >= p.stack_big or need >= p.stack_min else 0
        return max(framesize + args + p.stack_extra, p.stack_min) + p.stack_system

    def newstack(self, g) -> None:
        """Link a new segment under g, as if lessstack had called the function at g.pc."""
        world, aspace, p = self.world, self.aspace, self.profile
        f = self.program.findfunc(g.pc)
        if f is None:
            throw(f"newstack: unknown pc {g.pc:#x}")
        old = g.stack
        size = self.segment_size(f)
        total = self.stacksize.get(g, old.size) + size
        if total > self.engine.maxstacksize:      # Go 1.2 limits the sum of segments
            raise StackOverflow(self.engine.maxstacksize, g.sp - PTR_SIZE, old.lo, old.hi)
        seg = self.stackalloc.stackalloc(size, world.p)
        argsize = f.args_size
        argp = g.sp + PTR_SIZE
        top = seg.hi - p.stack_top
        retpc = g.q[(g.sp - g.base) >> 3]
        g.set_stack(seg, aspace.find(seg.lo), p.stack_guard)
        # The Stktop, written through the new segment's word view.
        k = (top - seg.lo) >> 3
        words = (old.lo + p.stack_guard, old.hi, argp, retpc, g.goid,
                 0, 0, argsize, argp, size, 0)                  # STKTOP_FIELDS
        g.q[k:k + STKTOP_WORDS] = memoryview(array("q", words)).cast("B").cast(g.q.format)
        sp = top - argsize
        aspace.copy(sp, argp, argsize)
        sp -= PTR_SIZE
        g.q[(sp - seg.lo) >> 3] = self.lessstack_pc
        g.sp = sp
        self.stacksize[g] = total
        self._note_newsegment(g, f, old, seg, argsize, total)

    def lessstack(self, g):
        """The block at lessstack_pc: a function returned from the top of a segment."""
        aspace, guard = self.aspace, self.profile.stack_guard
        seg = g.stack
        addr = seg.hi - self.profile.stack_top
        k = (addr - seg.lo) >> 3
        (stackguard, stackbase, gobuf_sp, gobuf_pc, _g, _ctxt, _ret, argsize, argp, free,
         _panic) = g.q[k:k + STKTOP_WORDS].tolist()              # STKTOP_FIELDS
        argsize &= ARGSIZE_MASK
        results = addr - argsize
        if g.sp != results:
            throw(f"lessstack: sp {g.sp:#x} is not at the arguments {results:#x}")
        aspace.copy(argp, results, argsize)     # results live in the argument area
        old = Stack(stackguard - guard, stackbase)
        g.set_stack(old, aspace.find(old.lo), guard)
        g.sp = gobuf_sp
        if free:
            self._free_segment(g, seg, free)
        self._note_lessstack(g, seg, old, argsize)
        return self.world.blocks[gobuf_pc]

    def unwindstack(self, g) -> int:
        """A goroutine exits from a segment (runtime.Goexit): free all but its first."""
        load = lambda a: self.aspace.load(a, "q")       # noqa: E731
        freed = 0
        while g in self.stacksize:
            seg = g.stack
            top = read_stktop(load, seg.hi - self.profile.stack_top)
            old = top.old_stack(self.profile.stack_guard)
            g.set_stack(old, self.aspace.find(old.lo), self.profile.stack_guard)
            g.sp = top.gobuf_sp
            self._free_segment(g, seg, top.free)
            freed += 1
        if freed:
            g.bp = 0        # it pointed into a freed segment; the G is dead anyway
        return freed

    def iter_segments(self, g):
        """g's segments, current first, by following the Stktop chain in memory."""
        load = lambda a: self.aspace.load(a, "q")       # noqa: E731
        seg = g.stack
        remaining = self.stacksize.get(g, seg.size)
        while True:
            yield seg
            remaining -= seg.size
            if remaining <= 0:
                return
            seg = read_stktop(load, seg.hi - self.profile.stack_top).old_stack(self.profile.stack_guard)

    def segments(self, g) -> list:
        return list(self.iter_segments(g))

    def in_segments(self, g, addr: int) -> bool:
        return any(s.lo <= addr < s.hi for s in self.iter_segments(g))

    # ------------------------------------------------------------ bookkeeping

    def _free_segment(self, g, seg: Stack, free: int) -> None:
        self.stackalloc.stackfree(seg, self.world.p)
        total = self.stacksize[g] - free
        if total == g.stack.size:       # back on the first segment
            del self.stacksize[g]
        else:
            self.stacksize[g] = total
        self.world.count("segments_freed")

    def _note_newsegment(self, g, f, old: Stack, seg: Stack, argsize: int, total: int) -> None:
        world = self.world
        st = g.stats
        st.grows += 1
        st.max_stack = max(st.max_stack, total)
        world.count("grows")
        world.count("segments_allocated")
        world.count("segment_bytes_copied", argsize)
        world.note_inuse()
        world.check_memory()
        if world.stackdebug >= 1:
            world.write_stderr(f"newstack gp=g{g.goid} {f.name} frame={f.frame_size} args={argsize}"
                               f" [{old.lo:#x} {old.hi:#x}] -> segment [{seg.lo:#x} {seg.hi:#x}]"
                               f"/{seg.size} total={total}\n")
        world.emit("newsegment", g=g.goid, func=f.name, frame_size=f.frame_size, args=argsize,
                   size=seg.size, old_lo=old.lo, old_hi=old.hi, new_lo=seg.lo, new_hi=seg.hi,
                   stacksize=total)

    def _note_lessstack(self, g, seg: Stack, old: Stack, argsize: int) -> None:
        world = self.world
        world.count("segment_bytes_copied", argsize)
        if world.stackdebug >= 1:
            world.write_stderr(f"lessstack gp=g{g.goid} segment [{seg.lo:#x} {seg.hi:#x}] freed,"
                               f" back to [{old.lo:#x} {old.hi:#x}] args={argsize}\n")
        world.emit("lessstack", g=g.goid, old_lo=seg.lo, old_hi=seg.hi, new_lo=old.lo,
                   new_hi=old.hi, args=argsize, size=seg.size)
