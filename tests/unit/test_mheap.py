"""Unit tests for gostack.runtime.mheap: pages, spans, heap objects, counters."""

import pytest

from gostack.machine.memory import AddressSpace, Fault
from gostack.profiles import HEAP_ARENA_BASE, HEAP_ARENA_BYTES, PAGE_SIZE, get_profile
from gostack.runtime.errors import RuntimeThrow
from gostack.runtime.mheap import MHeap, PageAlloc
from gostack.runtime.sizeclasses import MAX_SMALL_SIZE

PAGES_PER_ARENA = HEAP_ARENA_BYTES // PAGE_SIZE


@pytest.fixture
def aspace():
    return AddressSpace()


@pytest.fixture
def mheap(aspace):
    return MHeap(aspace, get_profile("go1.10"))


def test_the_first_span_starts_at_the_first_arena(mheap):
    span = mheap.alloc_manual(4)
    assert span.base == HEAP_ARENA_BASE
    assert span.limit == HEAP_ARENA_BASE + 4 * PAGE_SIZE
    assert span.npages == 4 and span.state == "stack"


def test_alloc_manual_counts_stack_inuse_and_maps_nothing(mheap, aspace):
    span = mheap.alloc_manual(4)
    assert mheap.stack_inuse == 4 * PAGE_SIZE
    assert aspace.mappings() == []
    assert span.manual_free == [] and span.alloc_count == 0


def test_free_manual_gives_the_pages_back_for_the_next_span(mheap):
    a = mheap.alloc_manual(4)
    mheap.alloc_manual(4)
    mheap.free_manual(a)
    assert mheap.stack_inuse == 4 * PAGE_SIZE
    assert a.state == "free"
    assert mheap.alloc_manual(2).base == a.base


def test_free_manual_of_a_heap_span_throws(mheap):
    addr = mheap.mallocgc(8)
    with pytest.raises(RuntimeThrow):
        mheap.free_manual(mheap.find_span(addr))


def test_pages_are_taken_first_fit_at_the_lowest_address(mheap):
    spans = [mheap.alloc_manual(n) for n in (1, 4, 1, 2, 1)]
    mheap.free_manual(spans[1])   # a 4-page hole
    mheap.free_manual(spans[3])   # a 2-page hole above it
    assert mheap.alloc_manual(2).base == spans[1].base
    assert mheap.alloc_manual(2).base == spans[1].base + 2 * PAGE_SIZE
    assert mheap.alloc_manual(2).base == spans[3].base


def test_freed_neighbours_coalesce_into_one_run(mheap):
    spans = [mheap.alloc_manual(2) for _ in range(3)]
    mheap.alloc_manual(1)
    for span in (spans[0], spans[2], spans[1]):
        mheap.free_manual(span)
    assert mheap.alloc_manual(6).base == spans[0].base


def test_page_alloc_merges_runs_on_both_sides():
    pages = PageAlloc()
    pages.free(0, 2)
    pages.free(4 * PAGE_SIZE, 2)
    pages.free(2 * PAGE_SIZE, 2)
    assert pages.starts == [0] and pages.runs == {0: 6}
    assert pages.alloc(7) is None
    assert pages.alloc(6) == 0 and pages.free_pages == 0


def test_the_heap_grows_by_whole_arenas(mheap):
    mheap.alloc_manual(PAGES_PER_ARENA - 1)
    assert mheap.arena_bytes == HEAP_ARENA_BYTES
    span = mheap.alloc_manual(2)
    assert span.base == HEAP_ARENA_BASE + (PAGES_PER_ARENA - 1) * PAGE_SIZE
    assert mheap.arena_bytes == 2 * HEAP_ARENA_BYTES


def test_a_span_bigger_than_an_arena_gets_enough_arenas(mheap):
    span = mheap.alloc_manual(3 * PAGES_PER_ARENA // 2)
    assert span.base == HEAP_ARENA_BASE
    assert mheap.arena_bytes == 2 * HEAP_ARENA_BYTES


def test_heap_sys_is_arena_memory_not_in_stack_spans(mheap):
    mheap.alloc_manual(4)
    mheap.mallocgc(100)
    assert mheap.heap_sys == HEAP_ARENA_BYTES - 4 * PAGE_SIZE
    assert mheap.heap_inuse == PAGE_SIZE
    assert mheap.heap_idle == mheap.heap_sys - PAGE_SIZE
    assert mheap.stacks_sys == 0


def test_mallocgc_rounds_up_to_a_size_class(mheap):
    a = mheap.mallocgc(20)
    b = mheap.mallocgc(20)
    assert b - a == 24
    assert mheap.find_span(a).elemsize == 24
    assert mheap.heap_alloc == 48 and mheap.heap_objects == 2


def test_size_zero_gets_a_word(mheap):
    assert mheap.find_span(mheap.mallocgc(0)).elemsize == 8


def test_each_heap_span_is_mapped_read_write_as_heap(mheap, aspace):
    addr = mheap.mallocgc(48)
    m = aspace.mapping_at(addr)
    span = mheap.find_span(addr)
    assert (m.lo, m.hi, m.perm, m.name) == (span.base, span.limit, "rw-p", "[heap]")


def test_size_classes_use_their_span_sizes(mheap):
    span = mheap.find_span(mheap.mallocgc(1408))
    assert span.npages == 2 and span.nelems == 2 * PAGE_SIZE // 1408


def test_objects_of_different_classes_live_in_different_spans(mheap):
    assert mheap.find_span(mheap.mallocgc(8)) is not mheap.find_span(mheap.mallocgc(16))


def test_a_full_span_is_followed_by_a_new_one(mheap):
    addrs = [mheap.mallocgc(4096) for _ in range(3)]
    assert mheap.find_span(addrs[0]) is mheap.find_span(addrs[1])
    assert mheap.find_span(addrs[2]) is not mheap.find_span(addrs[0])


def test_large_objects_get_a_span_of_their_own(mheap, aspace):
    addr = mheap.mallocgc(MAX_SMALL_SIZE + 1, "big")
    span = mheap.find_span(addr)
    assert span.base == addr and span.npages == 5 and span.state == "heap"
    assert mheap.heap_alloc == 5 * PAGE_SIZE
    assert mheap.names[addr] == "big"
    mheap.free(addr)
    assert aspace.mapping_at(addr) is None and mheap.heap_inuse == 0


def test_object_memory_is_zero_even_when_reused(mheap, aspace):
    a = mheap.mallocgc(32)
    mheap.mallocgc(32)   # keeps the span alive
    aspace.store(a + 8, "q", -1)
    mheap.free(a)
    assert mheap.mallocgc(32) == a
    assert aspace.read(a, 32) == bytes(32)


def test_freeing_every_object_of_a_span_unmaps_it(mheap, aspace):
    addrs = [mheap.mallocgc(64) for _ in range(3)]
    for addr in addrs:
        mheap.free(addr)
    assert mheap.heap_inuse == 0 and mheap.heap_objects == 0 and mheap.heap_alloc == 0
    with pytest.raises(Fault):
        aspace.load(addrs[0], "q")
    assert mheap.find_span(addrs[0]) is None


@pytest.mark.parametrize("offset", [8, 64 * 2])
def test_freeing_what_is_not_a_live_object_throws(mheap, offset):
    a = mheap.mallocgc(64)
    with pytest.raises(RuntimeThrow):
        mheap.free(a + offset)


def test_double_free_throws(mheap):
    a = mheap.mallocgc(64)
    mheap.mallocgc(64)
    mheap.free(a)
    with pytest.raises(RuntimeThrow):
        mheap.free(a)


def test_find_span_is_none_outside_spans_in_use(mheap):
    span = mheap.alloc_manual(1)
    assert mheap.find_span(span.base) is span
    assert mheap.find_span(span.limit - 1) is span
    assert mheap.find_span(span.limit) is None
    assert mheap.find_span(HEAP_ARENA_BASE - 1) is None


def test_no_host_memory_exists_for_unused_arena_pages(mheap, aspace):
    mheap.mallocgc(8)
    mheap.alloc_manual(PAGES_PER_ARENA // 2)
    assert sum(m.size for m in aspace.mappings()) == PAGE_SIZE
