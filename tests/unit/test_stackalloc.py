"""Unit tests for gostack.runtime.stackalloc: orders, pools, caches, large stacks."""

from types import SimpleNamespace

import pytest

from gostack.machine.memory import AddressSpace, Fault
from gostack.profiles import PAGE_SIZE, STACK_CACHE_SIZE, get_profile
from gostack.runtime.errors import RuntimeThrow
from gostack.runtime.mheap import MHeap
from gostack.runtime.stackalloc import (FREED_STACK_NAME, Stack, StackAllocator,
                                        new_stackcache)

KB = 1024
HALF = STACK_CACHE_SIZE // 2


class FakeP:
    """Anything with a stackcache will do as a P."""

    def __init__(self, profile):
        self.stackcache = new_stackcache(profile)


def debug(**knobs):
    return SimpleNamespace(**{"stacknocache": False, "stackfaultonfree": False,
                              "stackpoisoncopy": False, **knobs})


def make_allocator(profile="go1.10", dbg=None, events=None):
    prof = get_profile(profile)
    aspace = AddressSpace()
    mheap = MHeap(aspace, prof)
    on_event = None if events is None else (lambda name, **f: events.append((name, f)))
    return StackAllocator(aspace, mheap, prof, dbg, on_event)


@pytest.fixture
def sa():
    return make_allocator()


@pytest.fixture
def p(sa):
    return FakeP(sa.profile)


@pytest.mark.parametrize("n", [3000, 2048 + 8, 0, 1024])
def test_stackalloc_throws_unless_n_is_a_power_of_two_of_at_least_fixed_stack(sa, n):
    with pytest.raises(RuntimeThrow) as info:
        sa.stackalloc(n)
    assert info.value.msg == "stack size not a power of 2"


def test_stackfree_throws_for_a_size_that_is_not_a_power_of_two(sa):
    with pytest.raises(RuntimeThrow, match="stack not a power of 2"):
        sa.stackfree(Stack(0xC000000000, 0xC000000000 + 3000))


@pytest.mark.parametrize("n, order", [(2 * KB, 0), (4 * KB, 1), (8 * KB, 2), (16 * KB, 3)])
def test_small_stacks_have_orders_by_size(sa, n, order):
    assert sa.is_small(n) and sa.order(n) == order


def test_32k_and_up_are_large(sa):
    assert not sa.is_small(32 * KB) and not sa.is_small(1 << 20)


@pytest.mark.parametrize("n, slots", [(2 * KB, 16), (4 * KB, 8), (8 * KB, 4), (16 * KB, 2)])
def test_a_pool_span_is_cut_into_32k_worth_of_slots(sa, n, slots):
    stk = sa.stackalloc(n)
    span = sa.mheap.find_span(stk.lo)
    assert span.npages == STACK_CACHE_SIZE // PAGE_SIZE and span.elemsize == n
    assert len(span.manual_free) == slots - 1 and span.alloc_count == 1


def test_the_pool_hands_out_the_highest_slot_first_as_go_does(sa):
    stk = sa.stackalloc(2 * KB)
    span = sa.mheap.find_span(stk.lo)
    assert stk.hi == span.limit
    assert sa.stackalloc(2 * KB).hi == stk.lo


def test_a_stack_is_mapped_read_write_and_zeroed(sa):
    stk = sa.stackalloc(2 * KB)
    m = sa.aspace.mapping_at(stk.lo)
    assert (m.lo, m.hi, m.perm, m.name) == (stk.lo, stk.hi, "rw-p", "stack")
    assert stk.size == 2 * KB and bytes(m.buf) == bytes(2 * KB)


def test_a_reused_slot_is_zeroed_again(sa):
    keep = sa.stackalloc(2 * KB)
    stk = sa.stackalloc(2 * KB)
    sa.aspace.store(stk.hi - 8, "q", -1)
    sa.stackfree(stk)
    again = sa.stackalloc(2 * KB)
    assert again == stk and sa.aspace.load(again.hi - 8, "q") == 0
    assert keep != again


def test_a_freed_stack_is_unmapped_so_use_after_free_faults(sa):
    sa.stackalloc(2 * KB)
    stk = sa.stackalloc(2 * KB)
    sa.stackfree(stk)
    with pytest.raises(Fault) as info:
        sa.aspace.load(stk.hi - 8, "q")
    assert info.value.kind == "unmapped"


def test_freeing_a_stack_twice_throws(sa):
    sa.stackalloc(2 * KB)
    stk = sa.stackalloc(2 * KB)
    sa.stackfree(stk)
    with pytest.raises(RuntimeThrow):
        sa.stackfree(stk)


def test_stack_inuse_moves_in_whole_pool_spans(sa):
    stacks = [sa.stackalloc(2 * KB) for _ in range(16)]
    assert sa.stack_inuse == STACK_CACHE_SIZE
    stacks.append(sa.stackalloc(2 * KB))
    assert sa.stack_inuse == 2 * STACK_CACHE_SIZE
    assert sa.memstats() == {"StackInuse": 2 * STACK_CACHE_SIZE, "StackSys": 2 * STACK_CACHE_SIZE}


def test_an_all_free_pool_span_goes_back_to_the_heap(sa):
    stacks = [sa.stackalloc(4 * KB) for _ in range(3)]
    for stk in stacks:
        sa.stackfree(stk)
    assert sa.stack_inuse == 0 and sa.stackpool[1] == {}
    assert sa.counts["stackfree"]["pool"] == 3


def test_each_order_has_its_own_pool(sa):
    a = sa.stackalloc(2 * KB)
    b = sa.stackalloc(8 * KB)
    assert sa.mheap.find_span(a.lo) is not sa.mheap.find_span(b.lo)
    assert sa.stack_inuse == 2 * STACK_CACHE_SIZE


def test_with_a_p_the_cache_is_refilled_to_half_its_capacity(sa, p):
    stk = sa.stackalloc(2 * KB, p)
    fl = p.stackcache[0]
    assert fl.size == HALF - 2 * KB and len(fl.list) == HALF // (2 * KB) - 1
    assert stk.lo not in fl.list
    assert sa.counts["stackalloc"] == {"cache": 1, "pool": 0, "span": 0, "large": 0}


def test_a_refill_takes_whole_stacks_even_for_16k(sa, p):
    sa.stackalloc(16 * KB, p)
    assert p.stackcache[3].size == 0
    assert sa.stack_inuse == STACK_CACHE_SIZE


def test_a_free_to_a_full_cache_releases_half_to_the_pool_first(sa, p):
    stacks = [sa.stackalloc(2 * KB, p) for _ in range(17)]
    assert p.stackcache[0].size == 7 * 2 * KB      # three refills of 8, 17 taken
    for stk in stacks[:9]:
        sa.stackfree(stk, p)
    assert p.stackcache[0].size == STACK_CACHE_SIZE
    sa.stackfree(stacks[9], p)
    assert p.stackcache[0].size == HALF + 2 * KB
    assert p.stackcache[0].list[-1] == stacks[9].lo
    assert sa.counts["stackfree"]["cache"] == 10


def test_cached_stacks_still_count_in_stack_inuse(sa, p):
    stk = sa.stackalloc(2 * KB, p)
    sa.stackfree(stk, p)
    assert sa.stack_inuse == STACK_CACHE_SIZE
    sa.stackcache_clear(p)
    assert sa.stack_inuse == 0
    assert all(fl.size == 0 and fl.list == [] for fl in p.stackcache)


def test_stacknocache_uses_the_pool_even_with_a_p(p):
    sa = make_allocator(dbg=debug(stacknocache=True))
    stk = sa.stackalloc(2 * KB, p)
    sa.stackfree(stk, p)
    assert p.stackcache.size == 0
    assert sa.counts["stackalloc"]["pool"] == 1 and sa.counts["stackfree"]["pool"] == 1


def test_a_large_stack_gets_a_dedicated_span(sa):
    stk = sa.stackalloc(64 * KB)
    span = sa.mheap.find_span(stk.lo)
    assert span.base == stk.lo and span.npages == 8 and span.state == "stack"
    assert sa.stack_inuse == 64 * KB
    assert sa.counts["stackalloc"]["span"] == 1


def test_a_freed_large_stack_goes_back_to_the_heap_at_once(sa):
    stk = sa.stackalloc(1 << 20)
    sa.stackfree(stk)
    assert sa.stack_inuse == 0 and sa.mheap.find_span(stk.lo) is None
    assert sa.counts["stackfree"]["span"] == 1


def test_during_gc_a_freed_large_stack_is_kept_for_reuse(sa):
    sa.gc_running = True
    stk = sa.stackalloc(64 * KB)
    sa.stackfree(stk)
    assert sa.stack_inuse == 64 * KB
    again = sa.stackalloc(64 * KB)
    assert again == stk and sa.counts["stackalloc"]["large"] == 1
    sa.stackfree(again)
    sa.gc_running = False
    sa.free_stack_spans()
    assert sa.stack_inuse == 0


def test_during_gc_an_all_free_pool_span_waits_for_free_stack_spans(sa):
    sa.gc_running = True
    stk = sa.stackalloc(2 * KB)
    sa.stackfree(stk)
    assert sa.stack_inuse == STACK_CACHE_SIZE
    sa.gc_running = False
    sa.free_stack_spans()
    assert sa.stack_inuse == 0 and sa.stackpool[0] == {}


def test_free_stack_spans_keeps_spans_with_live_stacks(sa):
    live = sa.stackalloc(2 * KB)
    sa.free_stack_spans()
    assert sa.mheap.find_span(live.lo).state == "stack"
    assert sa.aspace.mapping_at(live.lo).name == "stack"


def test_stackfaultonfree_keeps_a_freed_stack_reserved_as_a_guard():
    sa = make_allocator(dbg=debug(stackfaultonfree=True))
    keep = sa.stackalloc(2 * KB)
    stk = sa.stackalloc(2 * KB)
    sa.stackfree(stk)
    with pytest.raises(Fault) as info:
        sa.aspace.load(stk.lo, "q")
    assert info.value.kind == "guard"
    assert sa.aspace.mapping_at(stk.lo).name == FREED_STACK_NAME
    assert sa.stackalloc(2 * KB) == stk
    sa.stackfree(stk)
    sa.stackfree(keep)
    assert sa.aspace.mappings() == []


def test_on_event_reports_every_alloc_and_free():
    events = []
    sa = make_allocator(events=events)
    stk = sa.stackalloc(2 * KB)
    sa.stackfree(stk)
    assert events == [
        ("stackalloc", {"size": 2 * KB, "lo": stk.lo, "hi": stk.hi, "source": "pool"}),
        ("stackfree", {"size": 2 * KB, "lo": stk.lo, "hi": stk.hi, "source": "pool"}),
    ]


def test_go13_starts_at_8k_so_2k_is_not_a_stack_size():
    sa = make_allocator("go1.3")
    with pytest.raises(RuntimeThrow):
        sa.stackalloc(2 * KB)
    assert sa.order(8 * KB) == 0 and sa.order(16 * KB) == 1
    assert not sa.is_small(32 * KB)


def test_stacks_and_heap_objects_share_the_arena(sa):
    obj = sa.mheap.mallocgc(64)
    stk = sa.stackalloc(2 * KB)
    assert sa.mheap.find_span(obj).limit <= sa.mheap.find_span(stk.lo).base
