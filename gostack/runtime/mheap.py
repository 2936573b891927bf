"""mheap: the Go heap, its pages and spans, where goroutine stacks come from.

Go counterpart: src/runtime/mheap.go (mheap, mspan, allocManual,
freeManual), mpagealloc.go (the page allocator), malloc.go (mallocgc) and
mcache.go/mcentral.go, collapsed into one; Go 1.19, linux/amd64.

    0xc000000000                                     + 64 MiB      + 128 MiB
    |<------------------ arena 0 ------------------>|<-- arena 1 ...
    | span  | span       | free     | span | free ...
    | heap  | stack      | pages    | heap |
    | 8K    | 32K (4 pg) |          | 8K   |
      ^ mapped "[heap]"   ^ each stack carved from it is mapped by stackalloc

The heap is a run of 64 MiB arenas from HEAP_ARENA_BASE upward, added as
needed.  Its unit is the 8 KiB runtime page: the page allocator hands out
the lowest-addressed free run of npages (first fit) and coalesces runs on
free.  A span is a run of pages with one use:

  - "heap": small objects of one size class (Go's size classes, 8 B to
    32 KiB), or one large object; the whole span is mapped "rw-p" "[heap]"
    when it is created and unmapped when it goes back;
  - "stack": a manually managed span (Go's mSpanManual) that the stack
    allocator carves into stacks; it is counted in stack_inuse and NOT
    mapped here: stackalloc maps each stack it hands out.

Counters follow runtime.MemStats: heap_inuse (bytes of "heap" spans),
heap_alloc and heap_objects (live objects), heap_sys (arena bytes not in
stack spans, as Go 1.19 keeps stacks out of HeapSys), stack_inuse (bytes of
"stack" spans), stacks_sys (stacks taken straight from the OS: always 0).

Where it deliberately differs from Go:
  - no mcache/mcentral layers and no GC: free(addr) exists for tests and a
    later collector, and a small-object span whose objects are all freed
    goes straight back to the page heap (Go's sweeper does that later);
  - arenas are reserved whole and counted whole in heap_sys (Go maps them
    in 4 MiB chunks), and no Python memory exists for an arena, only for
    mapped spans;
  - mallocgc(0) returns a fresh 8-byte object, not &zerobase.
"""

from __future__ import annotations

from bisect import bisect_right, insort

from gostack.machine.memory import AddressSpace
from gostack.profiles import HEAP_ARENA_BASE, HEAP_ARENA_BYTES, PAGE_SIZE, PTR_SIZE, Profile
from gostack.runtime.errors import throw
from gostack.runtime.sizeclasses import MAX_SMALL_SIZE, SIZE_CLASSES, size_to_class

HEAP_MAPPING_NAME = "[heap]"
LARGE = -1                          # sizeclass of a span holding one large object


def pages_for(size: int) -> int:
    """Runtime pages needed to hold size bytes."""
    return -(-size // PAGE_SIZE)


class MSpan:
    """A run of npages pages starting at base; state "free", "heap" or "stack".

    Stack spans keep their free stacks in manual_free (Go's manualFreeList);
    heap spans hand out objects at freeindex, then reuse those in freed.
    """

    __slots__ = ("base", "npages", "limit", "state", "manual_free", "alloc_count",
                 "elemsize", "sizeclass", "nelems", "freeindex", "freed")

    def __init__(self, base: int, npages: int, state: str):
        self.base = base
        self.npages = npages
        self.limit = base + npages * PAGE_SIZE
        self.state = state
        self.manual_free: list[int] = []
        self.alloc_count = 0
        self.elemsize = 0
        self.sizeclass = LARGE
        self.nelems = 0
        self.freeindex = 0
        self.freed: list[int] = []

    @property
    def size(self) -> int:
        return self.limit - self.base

    def __repr__(self) -> str:
        return f"MSpan({self.base:#x}-{self.limit:#x} {self.state} npages={self.npages})"


class PageAlloc:
    """Free page runs: first fit at the lowest address, coalescing on free.

    Go counterpart: pageAlloc (mpagealloc.go), which finds the same run with
    a radix tree of summaries; a sorted list of runs is enough here.
    """

    def __init__(self):
        self.starts: list[int] = []       # sorted bases of free runs
        self.runs: dict[int, int] = {}    # base -> npages

    def alloc(self, npages: int) -> int | None:
        """Base of the lowest free run of at least npages, now taken; None if none."""
        for i, base in enumerate(self.starts):
            have = self.runs[base]
            if have >= npages:
                del self.runs[base]
                if have > npages:
                    rest = base + npages * PAGE_SIZE
                    self.starts[i] = rest
                    self.runs[rest] = have - npages
                else:
                    del self.starts[i]
                return base
        return None

    def free(self, base: int, npages: int) -> None:
        """Give [base, base + npages pages) back, merging with free neighbours."""
        i = bisect_right(self.starts, base)
        end = base + npages * PAGE_SIZE
        if i < len(self.starts) and self.starts[i] == end:
            npages += self.runs.pop(end)
            del self.starts[i]
        if i > 0:
            prev = self.starts[i - 1]
            if prev + self.runs[prev] * PAGE_SIZE == base:
                self.runs[prev] += npages
                return
        self.starts.insert(i, base)
        self.runs[base] = npages

    def tail_pages(self, end: int) -> int:
        """Pages of the free run that ends exactly at end (0 if none)."""
        if not self.starts:
            return 0
        last = self.starts[-1]
        npages = self.runs[last]
        return npages if last + npages * PAGE_SIZE == end else 0

    @property
    def free_pages(self) -> int:
        return sum(self.runs.values())


class MHeap:
    """The page heap, its spans, and the small-object allocator on top."""

    def __init__(self, aspace: AddressSpace, profile: Profile):
        self.aspace = aspace
        self.profile = profile
        self.pages = PageAlloc()
        self.arena_end = HEAP_ARENA_BASE    # end of the arenas reserved so far
        self._span_bases: list[int] = []    # sorted bases of spans in use
        self._spans: dict[int, MSpan] = {}
        # Per size class, spans with a free object, oldest first (Go's mcentral partial).
        self._partial: list[dict[int, MSpan]] = [{} for _ in SIZE_CLASSES]
        self.names: dict[int, str] = {}     # object address -> name given to mallocgc
        self.heap_inuse = 0
        self.heap_alloc = 0
        self.heap_objects = 0
        self.stack_inuse = 0
        self.stacks_sys = 0

    # -- statistics ---------------------------------------------------------

    @property
    def arena_bytes(self) -> int:
        return self.arena_end - HEAP_ARENA_BASE

    @property
    def heap_sys(self) -> int:
        """Arena bytes obtained for the heap, minus those in stack spans."""
        return self.arena_bytes - self.stack_inuse

    @property
    def heap_idle(self) -> int:
        return self.heap_sys - self.heap_inuse

    # -- spans --------------------------------------------------------------

    def find_span(self, addr: int) -> MSpan | None:
        """The span in use that contains addr (Go's spanOf), or None."""
        i = bisect_right(self._span_bases, addr) - 1
        if i < 0:
            return None
        span = self._spans[self._span_bases[i]]
        return span if addr < span.limit else None

    def spans(self) -> list[MSpan]:
        return [self._spans[base] for base in self._span_bases]

    def _alloc_span(self, npages: int, state: str) -> MSpan:
        base = self.pages.alloc(npages)
        if base is None:
            self._grow(npages)
            base = self.pages.alloc(npages)
        span = MSpan(base, npages, state)
        insort(self._span_bases, base)
        self._spans[base] = span
        return span

    def _free_span(self, span: MSpan) -> None:
        del self._spans[span.base]
        self._span_bases.pop(bisect_right(self._span_bases, span.base) - 1)
        span.state = "free"
        self.pages.free(span.base, span.npages)

    def _grow(self, npages: int) -> None:
        """Reserve enough new arenas for a free run of npages at the top (mheap.grow)."""
        missing = (npages - self.pages.tail_pages(self.arena_end)) * PAGE_SIZE
        narenas = -(-missing // HEAP_ARENA_BYTES)
        grown = narenas * HEAP_ARENA_BYTES
        self.pages.free(self.arena_end, grown // PAGE_SIZE)
        self.arena_end += grown

    # -- manual (stack) spans -------------------------------------------------

    def alloc_manual(self, npages: int) -> MSpan:
        """A span of npages for stacks (mheap.allocManual): not mapped here."""
        span = self._alloc_span(npages, "stack")
        self.stack_inuse += span.size
        return span

    def free_manual(self, span: MSpan) -> None:
        """Give a stack span back to the page heap (mheap.freeManual)."""
        if span.state != "stack" or self._spans.get(span.base) is not span:
            throw("freeManual of a span not in state stack")
        self.stack_inuse -= span.size
        self._free_span(span)

    # -- heap objects ---------------------------------------------------------

    def mallocgc(self, size: int, name: str = "") -> int:
        """Address of a new zeroed object of size bytes in the heap."""
        if size > MAX_SMALL_SIZE:
            addr = self._alloc_large(size)
        else:
            addr = self._alloc_small(size_to_class(max(size, PTR_SIZE)))
        if name:
            self.names[addr] = name
        return addr

    def _alloc_large(self, size: int) -> int:
        span = self._alloc_heap_span(pages_for(size))
        span.elemsize = span.size
        span.nelems = 1
        span.freeindex = 1
        span.alloc_count = 1
        self._count_object(span.elemsize)
        return span.base

    def _alloc_small(self, sizeclass: int) -> int:
        partial = self._partial[sizeclass]
        span = next(iter(partial.values()), None) or self._new_class_span(sizeclass)
        if span.freed:
            addr = span.freed.pop()
            self.aspace.fill(addr, span.elemsize, 0)
        else:
            addr = span.base + span.freeindex * span.elemsize
            span.freeindex += 1
        span.alloc_count += 1
        if span.alloc_count == span.nelems:
            del partial[span.base]
        self._count_object(span.elemsize)
        return addr

    def _new_class_span(self, sizeclass: int) -> MSpan:
        elemsize, npages = SIZE_CLASSES[sizeclass]
        span = self._alloc_heap_span(npages)
        span.sizeclass = sizeclass
        span.elemsize = elemsize
        span.nelems = span.size // elemsize
        self._partial[sizeclass][span.base] = span
        return span

    def _alloc_heap_span(self, npages: int) -> MSpan:
        span = self._alloc_span(npages, "heap")
        self.aspace.map(span.base, span.size, "rw-p", HEAP_MAPPING_NAME)
        self.heap_inuse += span.size
        return span

    def _count_object(self, elemsize: int) -> None:
        self.heap_alloc += elemsize
        self.heap_objects += 1

    def free(self, addr: int) -> None:
        """Free the object at addr (for tests and a collector)."""
        span = self.find_span(addr)
        if span is None or span.state != "heap" or not self._is_live_object(span, addr):
            throw(f"free of {addr:#x}: not a live heap object")
        self.names.pop(addr, None)
        self.heap_alloc -= span.elemsize
        self.heap_objects -= 1
        span.alloc_count -= 1
        if span.alloc_count == 0:
            self._release_heap_span(span)
        elif span.sizeclass != LARGE:
            span.freed.append(addr)
            self._partial[span.sizeclass][span.base] = span

    @staticmethod
    def _is_live_object(span: MSpan, addr: int) -> bool:
        off = addr - span.base
        return (off % span.elemsize == 0 and off // span.elemsize < span.freeindex
                and addr not in span.freed)

    def _release_heap_span(self, span: MSpan) -> None:
        if span.sizeclass != LARGE:
            self._partial[span.sizeclass].pop(span.base, None)
        self.aspace.unmap(span.base)
        self.heap_inuse -= span.size
        self._free_span(span)
