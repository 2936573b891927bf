"""stackalloc: where goroutine stacks come from and where they go back to.

Go counterpart: src/runtime/stack.go, Go 1.19: stackalloc, stackfree,
stackpool (stackpoolalloc, stackpoolfree), the per-P stackcache
(stackcacherefill, stackcacherelease, stackcache_clear), stackLarge and
freeStackSpans.

Stacks are powers of two, never smaller than FixedStack (2 KiB on linux).
Small ones come in NumStackOrders orders, order = log2(n / FixedStack):

    order   size    stacks per 32 KiB pool span
      0     2 KiB   16
      1     4 KiB    8
      2     8 KiB    4
      3    16 KiB    2
    large  >= 32 KiB: a dedicated span of n / 8 KiB pages

Where a small stack comes from, nearest first:

    P.stackcache[order]   per-P free list, no lock in Go; refilled from the pool
          |  ^            until it holds >= STACK_CACHE_SIZE/2 bytes, released
          v  |            down to half when a free finds it full
    stackpool[order]      spans (4 pages, state "stack") with at least one free
          |  ^            slot; a span whose slots are all free goes back to the
          v  |            heap at once, or at GC end if a GC is running
    mheap.alloc_manual    the page heap; every span counts in stack_inuse

A large stack is a span of its own: it goes back to the heap when freed, or,
while a GC runs, waits in stack_large[log2(npages)] for reuse until
free_stack_spans() at GC end.  stack_inuse (MemStats.StackInuse) counts whole
spans, free slots and cached stacks included, so it moves in 32 KiB steps
while only small stacks are live.

Where it deliberately differs from Go:
  - every stack handed out is mapped in the address space, zeroed, and
    unmapped when freed, so any use after free faults (Go does this only
    with stackFaultOnFree/efence; DESIGN.md invariant 3).  With the debug
    knob stackfaultonfree the freed range also stays reserved as a
    PROT_NONE "freed stack" mapping until the slot is reused, so a stale
    access faults as "guard" and --maps shows where freed stacks were;
  - the free lists hold addresses in Python lists, not links inside the
    free stacks themselves (the memory is unmapped, so it cannot hold them);
  - P is any object with a stackcache (Go 1.19 reaches it through
    p.mcache); p=None stands for "no P or m.preemptoff set": the pool is used;
  - stackpoisoncopy is read by copystack (stack.py), not here.
"""

from __future__ import annotations

from dataclasses import dataclass

from gostack.machine.memory import AddressSpace
from gostack.profiles import PAGE_SIZE, STACK_CACHE_SIZE, Profile
from gostack.runtime.errors import throw
from gostack.runtime.mheap import MHeap, MSpan

STACK_MAPPING_NAME = "stack"
FREED_STACK_NAME = "freed stack"
SOURCES = ("cache", "pool", "span", "large")


@dataclass
class Stack:
    """A goroutine stack: exactly [lo, hi), growing down from hi."""

    lo: int
    hi: int

    @property
    def size(self) -> int:
        return self.hi - self.lo

    def __repr__(self) -> str:
        return f"Stack({self.lo:#x}, {self.hi:#x})"


class StackFreeList:
    """One order of a StackCache (Go's stackfreelist): free stack addresses
    (the last is handed out first) and their total size in bytes."""

    __slots__ = ("list", "size")

    def __init__(self):
        self.list: list[int] = []
        self.size = 0


class StackCache:
    """A P's stack cache: one StackFreeList per order, indexed by order."""

    def __init__(self, norders: int):
        self.orders = [StackFreeList() for _ in range(norders)]

    def __getitem__(self, order: int) -> StackFreeList:
        return self.orders[order]

    def __len__(self) -> int:
        return len(self.orders)

    def __iter__(self):
        return iter(self.orders)

    @property
    def size(self) -> int:
        """Bytes of stacks held in all orders."""
        return sum(fl.size for fl in self.orders)


def new_stackcache(profile: Profile) -> StackCache:
    return StackCache(profile.num_stack_orders)


def stacklog2(n: int) -> int:
    """floor(log2(n)) for n >= 1."""
    return n.bit_length() - 1


class StackAllocator:
    """The stack pools, the large-stack cache and the per-P cache protocol."""

    def __init__(self, aspace: AddressSpace, mheap: MHeap, profile: Profile,
                 debug=None, on_event=None):
        self.aspace = aspace
        self.mheap = mheap
        self.profile = profile
        self.debug = debug
        self.on_event = on_event
        # Per order: spans with a free slot, keyed by base; the last inserted is
        # Go's list.first.
        self.stackpool: list[dict[int, MSpan]] = [{} for _ in range(profile.num_stack_orders)]
        self.stack_large: dict[int, list[MSpan]] = {}   # log2(npages) -> spans
        self.gc_running = False
        self.counts = {event: dict.fromkeys(SOURCES, 0) for event in ("stackalloc", "stackfree")}

    # -- statistics ---------------------------------------------------------

    @property
    def stack_inuse(self) -> int:
        return self.mheap.stack_inuse

    def memstats(self) -> dict:
        return {"StackInuse": self.stack_inuse,
                "StackSys": self.stack_inuse + self.mheap.stacks_sys}

    # -- sizes ----------------------------------------------------------------

    def is_small(self, n: int) -> bool:
        """Small stacks come from the per-order pools and caches."""
        return n < self.profile.small_stack_limit and n < STACK_CACHE_SIZE

    def order(self, n: int) -> int:
        return stacklog2(n // self.profile.fixed_stack)

    def _knob(self, name: str) -> bool:
        return bool(getattr(self.debug, name, False))

    def _use_pool(self, p) -> bool:
        return p is None or self._knob("stacknocache")

    # -- stackalloc / stackfree ------------------------------------------------

    def stackalloc(self, n: int, p=None) -> Stack:
        """A fresh, mapped, zeroed stack of n bytes (n a power of two >= FixedStack).

        p is the P whose stack cache to use; None takes from the global pool.
        """
        if n < self.profile.fixed_stack or n & (n - 1):
            throw("stack size not a power of 2")
        if self.is_small(n):
            lo, source = self._alloc_small(n, p)
        else:
            lo, source = self._alloc_large(n)
        self._map_stack(lo, n)
        self._record("stackalloc", n, lo, source)
        return Stack(lo, lo + n)

    def _alloc_small(self, n: int, p) -> tuple[int, str]:
        order = self.order(n)
        if self._use_pool(p):
            return self.stackpoolalloc(order), "pool"
        c = p.stackcache
        if not c[order].list:
            self.stackcacherefill(c, order)
        c[order].size -= n
        return c[order].list.pop(), "cache"

    def _alloc_large(self, n: int) -> tuple[int, str]:
        npages = n // PAGE_SIZE
        cached = self.stack_large.get(stacklog2(npages))
        if cached:
            return cached.pop().base, "large"
        span = self.mheap.alloc_manual(npages)
        span.elemsize = n
        return span.base, "span"

    def stackfree(self, stk: Stack, p=None) -> None:
        """Free stk: unmap it, then return it to p's cache, the pool or the heap."""
        n = stk.size
        if n <= 0 or n & (n - 1):
            throw("stack not a power of 2")
        self._unmap_stack(stk)
        if self.is_small(n):
            source = self._free_small(stk.lo, n, p)
        else:
            source = self._free_large(stk.lo)
        self._record("stackfree", n, stk.lo, source)

    def _free_small(self, lo: int, n: int, p) -> str:
        order = self.order(n)
        if self._use_pool(p):
            self.stackpoolfree(lo, order)
            return "pool"
        c = p.stackcache
        if c[order].size >= STACK_CACHE_SIZE:
            self.stackcacherelease(c, order)
        c[order].list.append(lo)
        c[order].size += n
        return "cache"

    def _free_large(self, lo: int) -> str:
        span = self.mheap.find_span(lo)
        if span is None or span.state != "stack" or span.base != lo:
            throw("bad span state")
        if self.gc_running:
            self.stack_large.setdefault(stacklog2(span.npages), []).append(span)
            return "large"
        self._free_stack_span(span)
        return "span"

    # -- the global pool -------------------------------------------------------

    def stackpoolalloc(self, order: int) -> int:
        """A free stack of the given order from the global pool."""
        pool = self.stackpool[order]
        span = pool[next(reversed(pool))] if pool else self._new_pool_span(order)
        lo = span.manual_free.pop()
        span.alloc_count += 1
        if not span.manual_free:
            del pool[span.base]
        return lo

    def _new_pool_span(self, order: int) -> MSpan:
        """A STACK_CACHE_SIZE span cut into slots of the order, all free."""
        span = self.mheap.alloc_manual(STACK_CACHE_SIZE // PAGE_SIZE)
        span.elemsize = self.profile.fixed_stack << order
        # Go threads the slots from the bottom up, each pushed on the list head,
        # so the highest slot is handed out first: so does list.pop() here.
        span.manual_free = list(range(span.base, span.limit, span.elemsize))
        self.stackpool[order][span.base] = span
        return span

    def stackpoolfree(self, lo: int, order: int) -> None:
        """Return the stack at lo to the global pool; an all-free span goes
        back to the heap unless a GC is running."""
        span = self.mheap.find_span(lo)
        if span is None or span.state != "stack":
            throw("freeing stack not in a stack span")
        pool = self.stackpool[order]
        if not span.manual_free:
            pool[span.base] = span
        span.manual_free.append(lo)
        span.alloc_count -= 1
        if not self.gc_running and span.alloc_count == 0:
            del pool[span.base]
            span.manual_free = []
            self._free_stack_span(span)

    def _free_stack_span(self, span: MSpan) -> None:
        # Freed-stack reservations (stackfaultonfree) must not outlive the span.
        self.aspace.unmap(span.base, span.size)
        self.mheap.free_manual(span)

    # -- the per-P cache -------------------------------------------------------

    def stackcacherefill(self, c: StackCache, order: int) -> None:
        """Move stacks from the pool to c until it holds half its capacity."""
        n = self.profile.fixed_stack << order
        fl = c[order]
        while fl.size < STACK_CACHE_SIZE // 2:
            fl.list.append(self.stackpoolalloc(order))
            fl.size += n

    def stackcacherelease(self, c: StackCache, order: int) -> None:
        """Move stacks from c back to the pool until it holds half its capacity."""
        n = self.profile.fixed_stack << order
        fl = c[order]
        while fl.size > STACK_CACHE_SIZE // 2:
            self.stackpoolfree(fl.list.pop(), order)
            fl.size -= n

    def stackcache_clear(self, p) -> None:
        """Empty p's stack cache into the pools (start of sweep, P destroyed)."""
        for order, fl in enumerate(p.stackcache):
            while fl.list:
                self.stackpoolfree(fl.list.pop(), order)
            fl.size = 0

    # -- end of GC -------------------------------------------------------------

    def free_stack_spans(self) -> None:
        """Give back every all-free pool span and every cached large span
        (freeStackSpans, run at the end of each GC)."""
        for pool in self.stackpool:
            for span in [s for s in pool.values() if s.alloc_count == 0]:
                del pool[span.base]
                span.manual_free = []
                self._free_stack_span(span)
        for spans in self.stack_large.values():
            while spans:
                self._free_stack_span(spans.pop())

    # -- the address space -------------------------------------------------------

    def _map_stack(self, lo: int, n: int) -> None:
        freed = self.aspace.mapping_at(lo)
        if freed is not None and freed.name == FREED_STACK_NAME:
            self.aspace.unmap(lo, n)
        self.aspace.map(lo, n, "rw-p", STACK_MAPPING_NAME)

    def _unmap_stack(self, stk: Stack) -> None:
        m = self.aspace.mapping_at(stk.lo)
        if m is None or m.lo != stk.lo or m.hi != stk.hi or m.is_guard:
            throw("stackfree of a stack that is not allocated")
        self.aspace.unmap(stk.lo)
        if self._knob("stackfaultonfree"):
            self.aspace.map_guard(stk.lo, stk.size, FREED_STACK_NAME)

    def _record(self, event: str, n: int, lo: int, source: str) -> None:
        self.counts[event][source] += 1
        if self.on_event is not None:
            self.on_event(event, size=n, lo=lo, hi=lo + n, source=source)
