"""Property tests: random stackalloc/stackfree sequences keep the allocator's invariants.

Sizes are random powers of two from 2 KiB to 1 MiB, with or without a P,
with the per-P cache on or off, and with GCs starting and ending in between.
After every step:
  - no two live stacks overlap, and each lies inside a span in state "stack";
  - every live stack is mapped as "stack"; every freed range that no live
    stack reuses is not mapped;
  - stack_inuse equals the bytes of all spans in state "stack", is a multiple
    of 8192, and of 32768 while only small stacks are live;
  - no cache order holds more than STACK_CACHE_SIZE bytes, and every cached
    or pooled slot is free, not live;
  - MemStats: StackSys == StackInuse.
"""

from types import SimpleNamespace

from hypothesis import settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from gostack.machine.memory import AddressSpace
from gostack.profiles import PAGE_SIZE, STACK_CACHE_SIZE, get_profile
from gostack.runtime.mheap import MHeap
from gostack.runtime.stackalloc import StackAllocator, new_stackcache

MIN_LOG2, MAX_LOG2 = 11, 20        # 2 KiB .. 1 MiB
# Mostly small sizes, so that caches fill and pool spans empty often.
SIZES_LOG2 = st.one_of(st.integers(MIN_LOG2, MIN_LOG2 + 1), st.integers(MIN_LOG2, MAX_LOG2))


class FakeP:
    def __init__(self, profile):
        self.stackcache = new_stackcache(profile)


class StackAllocMachine(RuleBasedStateMachine):

    @initialize(nocache=st.booleans(), faultonfree=st.booleans())
    def setup(self, nocache, faultonfree):
        prof = get_profile("go1.10")
        self.aspace = AddressSpace()
        self.mheap = MHeap(self.aspace, prof)
        dbg = SimpleNamespace(stacknocache=nocache, stackfaultonfree=faultonfree,
                              stackpoisoncopy=False)
        self.sa = StackAllocator(self.aspace, self.mheap, prof, dbg)
        self.ps = [FakeP(prof), FakeP(prof)]
        self.live = []             # (stack, p index or None)
        self.freed = []

    @rule(log2=SIZES_LOG2, pi=st.sampled_from([None, 0, 1]), count=st.integers(1, 20))
    def alloc(self, log2, pi, count):
        p = None if pi is None else self.ps[pi]
        for _ in range(count):
            stk = self.sa.stackalloc(1 << log2, p)
            assert stk.size == 1 << log2
            self.live.append((stk, pi))

    @precondition(lambda self: self.live)
    @rule(data=st.data(), other_p=st.booleans())
    def free(self, data, other_p):
        i = data.draw(st.integers(0, len(self.live) - 1))
        stk, pi = self.live.pop(i)
        if other_p and pi is not None:
            pi = 1 - pi            # freed on another P than it came from
        self.sa.stackfree(stk, None if pi is None else self.ps[pi])
        self.freed.append(stk)

    @precondition(lambda self: self.live)
    @rule(pi=st.sampled_from([None, 0, 1]))
    def free_all(self, pi):
        """Free every live stack, all to one P's cache (or all to the pool)."""
        for stk, _ in self.live:
            self.sa.stackfree(stk, None if pi is None else self.ps[pi])
            self.freed.append(stk)
        self.live = []

    @rule()
    def gc_start(self):
        self.sa.gc_running = True

    @rule(clear_caches=st.booleans())
    def gc_end(self, clear_caches):
        if clear_caches:
            for p in self.ps:
                self.sa.stackcache_clear(p)
        self.sa.gc_running = False
        self.sa.free_stack_spans()

    # -- invariants -----------------------------------------------------------

    def _stack_spans(self):
        return [s for s in self.mheap.spans() if s.state == "stack"]

    @invariant()
    def live_stacks_do_not_overlap_and_sit_in_stack_spans(self):
        ordered = sorted(stk.lo for stk, _ in self.live)
        by_lo = {stk.lo: stk for stk, _ in self.live}
        assert len(by_lo) == len(self.live)
        for a, b in zip(ordered, ordered[1:]):
            assert by_lo[a].hi <= b
        for stk, _ in self.live:
            span = self.mheap.find_span(stk.lo)
            assert span is not None and span.state == "stack" and stk.hi <= span.limit

    @invariant()
    def live_stacks_are_mapped_and_freed_ones_are_not(self):
        for stk, _ in self.live:
            m = self.aspace.mapping_at(stk.lo)
            assert (m.lo, m.hi, m.name) == (stk.lo, stk.hi, "stack")
        for stk in self.freed:
            if any(l.lo < stk.hi and stk.lo < l.hi for l, _ in self.live):
                continue
            m = self.aspace.mapping_at(stk.lo)
            assert m is None or m.is_guard

    @invariant()
    def stack_inuse_counts_whole_stack_spans(self):
        inuse = self.sa.stack_inuse
        assert inuse == sum(s.size for s in self._stack_spans())
        assert inuse % PAGE_SIZE == 0
        if all(self.sa.is_small(stk.size) for stk, _ in self.live) and not self.sa.gc_running:
            assert inuse % STACK_CACHE_SIZE == 0
        assert self.sa.memstats() == {"StackInuse": inuse, "StackSys": inuse}

    @invariant()
    def caches_stay_bounded_and_hold_only_free_slots(self):
        live = {stk.lo for stk, _ in self.live}
        for p in self.ps:
            for order, fl in enumerate(p.stackcache):
                assert fl.size <= STACK_CACHE_SIZE
                assert fl.size == len(fl.list) * (self.sa.profile.fixed_stack << order)
                assert not live & set(fl.list)
        for pool in self.sa.stackpool:
            for span in pool.values():
                assert span.manual_free and not live & set(span.manual_free)
                slots = STACK_CACHE_SIZE // span.elemsize
                assert span.alloc_count + len(span.manual_free) == slots


StackAllocMachine.TestCase.settings = settings(max_examples=100, stateful_step_count=40,
                                               deadline=None)
TestStackAllocInvariants = StackAllocMachine.TestCase
