"""hashmap: Go maps: an hmap object in the heap, entries held at object level.

Go counterpart: src/runtime/map.go (makemap, mapaccess1/2, mapassign,
mapdelete, mapiterinit/mapiternext), Go 1.19.

A map value is a pointer to a 48-byte hmap object in the model heap (the
size of Go's hmap), so a map is nil or not, compared with nil, passed and
stored exactly as in Go, and the collector finds it through that pointer.
Its entries are held at object level (DESIGN.md invariant 4 allows it):
a Python dict from a normalized key (an int, float, bytes of a string, or a
tuple for structs) to (key bytes, value bytes).  The bytes are what the
collector scans for pointers, as it scans a channel's buffer.

Deliberate differences: no buckets, no incremental growth and no hash seed.
Iteration visits entries in insertion order instead of Go's randomized
order; Go programs must not depend on the order (and fmt prints maps
sorted), so no Go-visible behaviour changes.  Entries deleted during an
iteration are not visited later; entries added may or may not be, as Go
allows.  NaN keys never match, as in Go.
"""

from __future__ import annotations

import math

from ..profiles import PTR_SIZE
from .panic import GoPanic

HMAP_SIZE = 48


class Hmap:
    __slots__ = ("addr", "elem_size", "key_ptrs", "elem_ptrs", "entries")

    def __init__(self, addr, elem_size, key_ptrs, elem_ptrs):
        self.addr = addr
        self.elem_size = elem_size
        self.key_ptrs = key_ptrs
        self.elem_ptrs = elem_ptrs
        self.entries: dict = {}


class MapIter:
    __slots__ = ("h", "keys", "pos")

    def __init__(self, h):
        self.h = h
        self.keys = list(h.entries) if h is not None else []
        self.pos = 0


def normalize(aspace, addr: int, desc, types=None, hashing=False):
    """A hashable key for the value at addr, equal exactly when Go's == is.

    types (addr -> TypeInfo) resolves the dynamic types of interface values;
    hashing: the key is for a map (an uncomparable dynamic type is then Go's
    "hash of unhashable type" panic rather than "comparing uncomparable").
    """
    kind = desc[0]
    if kind == "s":
        ptr, n = aspace.load(addr, "q"), aspace.load(addr + PTR_SIZE, "q")
        return aspace.read(ptr, n) if n else b""
    if kind == "f":
        v = aspace.load(addr, "d")
        return v if not math.isnan(v) else object()     # NaN != NaN
    if kind == "i":
        return interface_key(aspace, addr, types, hashing)
    if kind == "b":
        return aspace.read(addr, desc[1])
    return tuple(normalize(aspace, addr + off, inner, types, hashing) for off, inner in desc[1])


def interface_key(aspace, addr: int, types, hashing=False):
    """An interface value compares by dynamic type, then by value (efaceeq)."""
    tab, data = aspace.load(addr, "q"), aspace.load(addr + PTR_SIZE, "q")
    if tab == 0:
        return (0,)
    info = types[tab]
    if not info.comparable:
        what = "hash of unhashable" if hashing else "comparing uncomparable"
        raise GoPanic(f"{what} type {info.name}", runtime_error=True)
    if info.direct:
        return (tab, data)
    return (tab, normalize(aspace, data, info.eq_desc, types, hashing))


def equal(aspace, a: int, b: int, desc, types=None) -> bool:
    return normalize(aspace, a, desc, types) == normalize(aspace, b, desc, types)


class Maps:
    def __init__(self, world):
        self.world = world
        self.aspace = world.aspace
        self.table: dict[int, Hmap] = {}
        self.iters: dict[int, MapIter] = {}
        self.next_iter = 1

    def makemap(self, elem_size: int, key_ptrs: tuple, elem_ptrs: tuple) -> int:
        addr = self.world.malloc(HMAP_SIZE, "hmap", ())
        self.table[addr] = Hmap(addr, elem_size, key_ptrs, elem_ptrs)
        return addr

    def get(self, m: int):
        return self.table.get(m) if m else None

    def access(self, m: int, key, dst: int, elem_size: int) -> bool:
        """mapaccess2: copy the value (or the zero value) to dst; report presence."""
        h = self.get(m)
        entry = h.entries.get(key) if h is not None else None
        if entry is None:
            if elem_size:
                self.aspace.fill(dst, elem_size, 0)
            return False
        if elem_size:
            self.aspace.write(dst, entry[1])
        return True

    def assign(self, m: int, key, key_bytes, value: bytes) -> None:
        h = self.get(m)
        if h is None:
            raise GoPanic("assignment to entry in nil map")
        old = h.entries.get(key)
        h.entries[key] = (key_bytes if old is None else old[0], bytes(value))

    def delete(self, m: int, key) -> None:
        h = self.get(m)
        if h is not None:
            h.entries.pop(key, None)

    def length(self, m: int) -> int:
        h = self.get(m)
        return len(h.entries) if h is not None else 0

    # -- iteration (the iterator's state is a small integer in a frame slot)

    def iterinit(self, m: int) -> int:
        handle = self.next_iter
        self.next_iter += 1
        self.iters[handle] = MapIter(self.get(m))
        return handle

    def iternext(self, handle: int, key_dst: int, val_dst: int) -> bool:
        it = self.iters.get(handle)
        if it is None:
            return False
        h = it.h
        while it.pos < len(it.keys):
            key = it.keys[it.pos]
            it.pos += 1
            entry = h.entries.get(key)
            if entry is None:
                continue                      # deleted during the iteration
            self.write_key(key, entry[0], key_dst)
            if h.elem_size:
                self.aspace.write(val_dst, entry[1])
            return True
        del self.iters[handle]
        return False

    def write_key(self, key, key_bytes, dst):
        self.aspace.write(dst, key_bytes)

    # -- the collector

    def scan(self, addr: int):
        """Pointer words held by the map's entries (keys and values)."""
        h = self.table.get(addr)
        if h is None:
            return
        for key_bytes, value in h.entries.values():
            if key_bytes is not None:
                for off in h.key_ptrs:
                    yield int.from_bytes(key_bytes[off:off + PTR_SIZE], "little", signed=True)
            for off in h.elem_ptrs:
                yield int.from_bytes(value[off:off + PTR_SIZE], "little", signed=True)
