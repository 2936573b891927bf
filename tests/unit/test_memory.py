"""Unit tests for gostack.machine.memory: mappings, faults, typed and bulk access."""

import pytest

from gostack.machine.memory import HOST_MMAP_THRESHOLD, AddressSpace, Fault, Mapping

BASE = 0xC000000000


@pytest.fixture
def aspace():
    return AddressSpace()


def test_map_returns_a_zeroed_mapping_with_typed_views(aspace):
    m = aspace.map(BASE, 64, "rw-p", "stack")
    assert (m.lo, m.hi, m.perm, m.name) == (BASE, BASE + 64, "rw-p", "stack")
    assert bytes(m.buf) == bytes(64)
    assert len(m.q) == 8 and len(m.i) == 16 and len(m.h) == 32 and len(m.B) == 64
    assert all(isinstance(getattr(m, f), memoryview) for f in "qQiIhHbBd")


def test_every_format_round_trips_through_store_and_load(aspace):
    aspace.map(BASE, 128)
    values = {"q": -2, "Q": 2**64 - 1, "i": -7, "I": 2**32 - 1, "h": -300,
              "H": 65535, "b": -1, "B": 255, "d": 2.5}
    for k, (fmt, value) in enumerate(values.items()):
        aspace.store(BASE + 8 * k, fmt, value)
        assert aspace.load(BASE + 8 * k, fmt) == value


def test_the_executor_sees_stores_by_indexing_mapping_views(aspace):
    m = aspace.map(BASE, 64)
    aspace.store(BASE + 16, "q", -42)
    assert m.q[(BASE + 16 - m.lo) >> 3] == -42
    m.d[3] = 1.5
    assert aspace.load(BASE + 24, "d") == 1.5


def test_words_are_little_endian(aspace):
    aspace.map(BASE, 16)
    aspace.store(BASE, "Q", 0x0102030405060708)
    assert aspace.read(BASE, 8) == bytes([8, 7, 6, 5, 4, 3, 2, 1])


def test_misaligned_access_works_even_across_adjacent_mappings(aspace):
    aspace.map(BASE, 8)
    aspace.map(BASE + 8, 8)
    aspace.store(BASE + 4, "q", -123456789)
    assert aspace.load(BASE + 4, "q") == -123456789
    aspace.store(BASE + 1, "i", 77)
    assert aspace.load(BASE + 1, "i") == 77


def test_access_outside_every_mapping_faults_as_unmapped(aspace):
    aspace.map(BASE, 64)
    with pytest.raises(Fault) as info:
        aspace.load(BASE + 64, "q")
    assert (info.value.addr, info.value.write, info.value.kind) == (BASE + 64, False, "unmapped")


def test_access_to_a_guard_mapping_faults_as_guard(aspace):
    aspace.map_guard(BASE, 4096, "guard")
    for access in (lambda: aspace.load(BASE + 8, "q"), lambda: aspace.store(BASE, "q", 1)):
        with pytest.raises(Fault) as info:
            access()
        assert info.value.kind == "guard"
    assert aspace.mapping_at(BASE).buf is None


def test_a_guard_mapping_has_no_bytes_and_no_views(aspace):
    m = aspace.map_guard(BASE, 4096)
    assert m.buf is None and m.q is None and m.is_guard
    assert m.perm == "---p"


def test_store_to_a_read_only_mapping_faults_as_protection(aspace):
    aspace.map(BASE, 64, "r--p", "[rodata]")
    assert aspace.load(BASE, "q") == 0
    with pytest.raises(Fault) as info:
        aspace.store(BASE, "q", 1)
    assert (info.value.kind, info.value.write) == ("protection", True)
    with pytest.raises(Fault):
        aspace.write(BASE, b"x")


def test_access_after_unmap_faults_even_when_the_mapping_was_cached(aspace):
    aspace.map(BASE, 64)
    aspace.store(BASE, "q", 5)
    aspace.unmap(BASE)
    with pytest.raises(Fault) as info:
        aspace.load(BASE, "q")
    assert info.value.kind == "unmapped"


def test_mapping_again_after_unmap_gives_zeros(aspace):
    aspace.map(BASE, 64)
    aspace.store(BASE, "q", 5)
    aspace.unmap(BASE)
    aspace.map(BASE, 64)
    assert aspace.load(BASE, "q") == 0


@pytest.mark.parametrize("lo, size", [(BASE, 0), (BASE + 4, 64), (BASE, 12), (BASE, -8)])
def test_map_rejects_misaligned_or_empty_ranges(aspace, lo, size):
    with pytest.raises(ValueError):
        aspace.map(lo, size)


@pytest.mark.parametrize("lo, size",
                         [(BASE, 64), (BASE - 8, 16), (BASE + 56, 64), (BASE - 64, 256)])
def test_map_rejects_overlapping_ranges(aspace, lo, size):
    aspace.map(BASE, 64)
    with pytest.raises(ValueError):
        aspace.map(lo, size)


def test_adjacent_mappings_are_allowed(aspace):
    aspace.map(BASE, 64)
    aspace.map(BASE + 64, 64)
    aspace.map(BASE - 64, 64)
    assert [m.lo for m in aspace.mappings()] == [BASE - 64, BASE, BASE + 64]


def test_unmap_without_size_needs_a_mapping_starting_there(aspace):
    aspace.map(BASE, 64)
    with pytest.raises(ValueError):
        aspace.unmap(BASE + 8)


def test_unmap_with_size_splits_mappings_and_keeps_their_bytes(aspace):
    aspace.map(BASE, 64, "rw-p", "[heap]")
    aspace.write(BASE, bytes(range(64)))
    aspace.unmap(BASE + 16, 16)
    assert [(m.lo, m.hi, m.name) for m in aspace.mappings()] == [
        (BASE, BASE + 16, "[heap]"), (BASE + 32, BASE + 64, "[heap]")]
    assert aspace.read(BASE, 16) == bytes(range(16))
    assert aspace.read(BASE + 32, 32) == bytes(range(32, 64))
    with pytest.raises(Fault):
        aspace.load(BASE + 16, "q")


def test_find_returns_the_mapping_and_faults_like_an_access(aspace):
    a = aspace.map(BASE, 64)
    b = aspace.map(BASE + 4096, 64)
    aspace.map_guard(BASE + 8192, 4096)
    assert aspace.find(BASE + 63) is a
    assert aspace.find(BASE + 4096) is b
    assert aspace.find(BASE) is a
    with pytest.raises(Fault, match="unmapped"):
        aspace.find(BASE + 64)
    with pytest.raises(Fault) as info:
        aspace.find(BASE + 8192)
    assert info.value.kind == "guard"


def test_read_and_write_cross_adjacent_mappings(aspace):
    aspace.map(BASE, 8)
    aspace.map(BASE + 8, 8)
    aspace.write(BASE + 4, b"abcdefgh")
    assert aspace.read(BASE, 16) == b"\0\0\0\0abcdefgh\0\0\0\0"


def test_write_that_would_cross_into_a_hole_faults_before_writing(aspace):
    aspace.map(BASE, 8)
    with pytest.raises(Fault):
        aspace.write(BASE + 4, b"abcdefgh")
    assert aspace.read(BASE, 8) == bytes(8)


def test_copy_between_mappings_moves_the_bytes(aspace):
    aspace.map(BASE, 4096)
    aspace.map(BASE + 0x100000, 8192)
    aspace.write(BASE, bytes(range(256)) * 16)
    aspace.copy(BASE + 0x100000 + 4096, BASE, 4096)
    assert aspace.read(BASE + 0x100000 + 4096, 4096) == bytes(range(256)) * 16


@pytest.mark.parametrize("dst, src", [(8, 0), (0, 8)])
def test_copy_handles_overlap_like_memmove(aspace, dst, src):
    aspace.map(BASE, 64)
    aspace.write(BASE, bytes(range(64)))
    aspace.copy(BASE + dst, BASE + src, 32)
    assert aspace.read(BASE + dst, 32) == bytes(range(src, src + 32))


def test_copy_across_several_mappings_works(aspace):
    aspace.map(BASE, 16)
    aspace.map(BASE + 16, 16)
    aspace.write(BASE, bytes(range(32)))
    aspace.copy(BASE + 4, BASE, 24)
    assert aspace.read(BASE + 4, 24) == bytes(range(24))


def test_copy_into_a_read_only_mapping_faults(aspace):
    aspace.map(BASE, 64)
    aspace.map(BASE + 64, 64, "r--p")
    with pytest.raises(Fault) as info:
        aspace.copy(BASE + 64, BASE, 8)
    assert info.value.kind == "protection"


def test_fill_sets_every_byte(aspace):
    aspace.map(BASE, 64)
    aspace.fill(BASE + 8, 16, 0xFD)
    assert aspace.read(BASE, 32) == bytes(8) + b"\xfd" * 16 + bytes(8)
    aspace.fill(BASE + 8, 8, 0)
    assert aspace.read(BASE + 8, 16) == bytes(8) + b"\xfd" * 8


def test_big_mappings_are_zero_and_usable_at_both_ends(aspace):
    size = 256 * HOST_MMAP_THRESHOLD
    m = aspace.map(BASE, size)
    aspace.store(BASE + size - 8, "q", -1)
    assert aspace.load(BASE, "q") == 0
    assert m.q[-1] == -1
    aspace.copy(BASE, BASE + size - 4096, 4096)
    assert aspace.load(BASE + 4088, "q") == -1


def test_maps_text_looks_like_proc_self_maps(aspace):
    aspace.map(0x400000, 0x2000, "r-xp", "[text]")
    aspace.map(BASE, 0x8000, "rw-p", "stack")
    aspace.map_guard(BASE + 0x8000, 0x1000)
    assert aspace.maps_text().splitlines() == [
        "00400000-00402000 r-xp 00000000 00:00 0" + " " * 34 + "[text]",
        "c000000000-c000008000 rw-p 00000000 00:00 0" + " " * 30 + "stack",
        "c000008000-c000009000 ---p 00000000 00:00 0 ",     # the kernel's trailing space
    ]


def test_fault_describes_itself_in_one_line():
    text = str(Fault(0xC000001000, True, "guard", "stack guard"))
    assert "\n" not in text
    assert "0xc000001000" in text and "write" in text and "guard" in text


def test_mapping_contains_exactly_its_half_open_range():
    m = Mapping(BASE, BASE + 16)
    assert BASE in m and BASE + 15 in m and BASE + 16 not in m and BASE - 1 not in m
