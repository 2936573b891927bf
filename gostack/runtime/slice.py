"""slice: makeslice, growslice (append), copy and the slice bounds checks.

Go counterpart: src/runtime/slice.go and panic.go's panicSlice* (Go 1.19).

A slice value is a 24-byte header {array pointer, len, cap}.  Its backing
array is a heap object, or, for `a[lo:hi]` of an array that does not
escape, the array itself on the stack: then the header's pointer points
into the stack, and copystack adjusts it like any other stack pointer (the
header's first word is a pointer in every stack map).

append grows the array with Go 1.19's rule: double below 256 elements,
then grow by (newcap + 3*256)/4 until the request fits, and round the byte
size up to the allocator's size class (so `cap` shows Go's exact figures).
"""

from __future__ import annotations

from ..profiles import PAGE_SIZE
from .panic import GoPanic
from .sizeclasses import CLASS_TO_SIZE, MAX_SMALL_SIZE, size_to_class

GROWTH_THRESHOLD = 256            # growslice's threshold between doubling and 1.25x


def roundupsize(size: int) -> int:
    """The size mallocgc really allocates for a request of size bytes."""
    if size <= 0:
        return 0
    if size <= MAX_SMALL_SIZE:
        return CLASS_TO_SIZE[size_to_class(size)]
    return -(-size // PAGE_SIZE) * PAGE_SIZE


def nextcap(old_cap: int, needed: int) -> int:
    """growslice's new capacity (in elements) before rounding to a size class."""
    doublecap = old_cap + old_cap
    if needed > doublecap:
        return needed
    if old_cap < GROWTH_THRESHOLD:
        return doublecap
    newcap = old_cap
    while 0 < newcap < needed:
        newcap += (newcap + 3 * GROWTH_THRESHOLD) // 4
    return newcap if newcap > 0 else needed


class ArrayPtrs:
    """The pointer offsets of an array of n elements (for the collector), lazily."""

    __slots__ = ("n", "elem_size", "inner")

    def __init__(self, n, elem_size, inner):
        self.n, self.elem_size, self.inner = n, elem_size, inner

    def __iter__(self):
        for k in range(self.n):
            base = k * self.elem_size
            for off in self.inner:
                yield base + off


def bounds_error(text: str) -> GoPanic:
    return GoPanic(f"slice bounds out of range {text}", runtime_error=True)


def slicecheck(lo, hi, mx, cap, three, has_hi, by_length):
    """Go's order of slice bound checks and the text of each failure."""
    word = "length" if by_length else "capacity"
    if three:
        if not 0 <= mx <= cap:
            raise bounds_error(f"[::{mx}] with {word} {cap}")
        if not 0 <= hi <= mx:
            raise bounds_error(f"[:{hi}:{mx}]")
        if not 0 <= lo <= hi:
            raise bounds_error(f"[{lo}:{hi}:]")
        return
    if not 0 <= hi <= cap:
        raise bounds_error(f"[:{hi}] with {word} {cap}")
    if lo < 0:
        raise bounds_error(f"[{lo}:]")
    if lo > hi:
        raise bounds_error(f"[{lo}:{hi}]")


class Slices:
    def __init__(self, world):
        self.world = world
        self.aspace = world.aspace

    def alloc_array(self, cap: int, elem_size: int, elem_ptrs: tuple, name: str) -> int:
        size = cap * elem_size
        ptrs = ArrayPtrs(cap, elem_size, elem_ptrs) if elem_ptrs else ()
        return self.world.malloc(max(size, 1), name, ptrs)

    def makeslice(self, length, cap, elem_size, elem_ptrs, name) -> int:
        if length < 0:
            raise GoPanic("makeslice: len out of range", runtime_error=True)
        if cap < length:
            raise GoPanic("makeslice: cap out of range", runtime_error=True)
        return self.alloc_array(cap, elem_size, elem_ptrs, name)

    def grow(self, header: int, n: int, elem_size: int, elem_ptrs: tuple, name: str) -> int:
        """Make room for n more elements in the slice at header; return the old len."""
        load, store = self.aspace.load, self.aspace.store
        ptr, length, cap = load(header, "q"), load(header + 8, "q"), load(header + 16, "q")
        needed = length + n
        if needed > cap:
            newcap = nextcap(cap, needed)
            if elem_size:
                newcap = roundupsize(newcap * elem_size) // elem_size
            new = self.alloc_array(newcap, elem_size, elem_ptrs, name)
            if length and elem_size:
                self.aspace.copy(new, ptr, length * elem_size)
            store(header, "q", new)
            store(header + 16, "q", newcap)
        store(header + 8, "q", needed)
        return length

    def append_n(self, header, src_ptr, n, elem_size, elem_ptrs, name):
        """append(s, t...): copy after growing (src may alias s's own array)."""
        data = self.aspace.read(src_ptr, n * elem_size) if n and elem_size else b""
        start = self.grow(header, n, elem_size, elem_ptrs, name)
        if data:
            self.aspace.write(self.aspace.load(header, "q") + start * elem_size, data)

    def copy(self, dst_header: int, src_ptr: int, src_len: int, elem_size: int) -> int:
        load = self.aspace.load
        n = min(load(dst_header + 8, "q"), src_len)
        if n and elem_size:
            self.aspace.copy(load(dst_header, "q"), src_ptr, n * elem_size)
        return n

    def append_n_bytes(self, header: int, data: bytes) -> None:
        """append(b, data...) for a []byte held at header (strings.Builder's buffer)."""
        start = self.grow(header, len(data), 1, (), "[]byte")
        self.aspace.write(self.aspace.load(header, "q") + start, data)

    def regrow(self, header: int, newcap: int, elem_size: int, elem_ptrs: tuple, name: str) -> None:
        """A new array of exactly newcap elements holding the old ones (make + copy)."""
        load, store = self.aspace.load, self.aspace.store
        ptr, length = load(header, "q"), load(header + 8, "q")
        new = self.alloc_array(newcap, elem_size, elem_ptrs, name)
        if length and elem_size:
            self.aspace.copy(new, ptr, length * elem_size)
        store(header, "q", new)
        store(header + 16, "q", newcap)
