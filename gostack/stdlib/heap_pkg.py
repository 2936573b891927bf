"""container/heap: Init, Push, Pop, Remove and Fix over a heap.Interface.

Go counterpart: package container/heap, a min-heap kept in the program's own
collection through its Len, Less, Swap, Push and Pop methods.  Those methods
are Go code: every call here is a real Go call on the goroutine's stack
(a generator yielding GoCall requests, as sort.Sort does), made in the same
order as Go's sift-up and sift-down, so a program sees the same calls.
"""

from __future__ import annotations

import struct

from .. import types as T
from .callconv import GoCall, Iface
from .registry import gofunc, typename

PKG = "container/heap"
INTERFACE = T.Named("Interface", T.Interface({
    "Len": T.Signature([], [T.INT]), "Less": T.Signature([T.INT, T.INT], [T.BOOL]),
    "Swap": T.Signature([T.INT, T.INT], []), "Push": T.Signature([T.ANY], []),
    "Pop": T.Signature([], [T.ANY])}), pkg=PKG)
typename(PKG, "Interface", INTERFACE)


class Heap:
    """The program's heap.Interface value; each method is a generator that calls Go."""

    def __init__(self, world, h: Iface):
        self.world, self.h = world, h

    def _call(self, name, args: bytes, result_size: int):
        entry = self.world.ifaces.method(self.h.tab, name)      # a nil h faults as in Go
        return GoCall(entry, self.h.data.to_bytes(8, "little", signed=True) + args, result_size)

    def len(self):
        return struct.unpack("<q", (yield self._call("Len", b"", 8)))[0]

    def less(self, i, j):
        return (yield self._call("Less", struct.pack("<qq", i, j), 8))[0] != 0

    def swap(self, i, j):
        yield self._call("Swap", struct.pack("<qq", i, j), 0)

    def push(self, x: Iface):
        yield self._call("Push", struct.pack("<qq", x.tab, x.data), 0)

    def pop(self):
        res = yield self._call("Pop", b"", 16)
        return Iface(*struct.unpack("<qq", res[:16]))

    def up(self, j):
        while True:
            i = (j - 1) // 2 if j > 0 else 0
            if i == j or not (yield from self.less(j, i)):
                return
            yield from self.swap(i, j)
            j = i

    def down(self, i0, n):
        """Sift element i0 down; did it move?"""
        i = i0
        while True:
            j = 2 * i + 1
            if j >= n:
                break
            if j + 1 < n and (yield from self.less(j + 1, j)):
                j += 1
            if not (yield from self.less(j, i)):
                break
            yield from self.swap(i, j)
            i = j
        return i > i0

    def fix(self, i, n):
        if not (yield from self.down(i, n)):
            yield from self.up(i)


@gofunc(PKG, "Init", [INTERFACE], [])
def heap_init(world, h):
    hp = Heap(world, h)
    n = yield from hp.len()
    for i in range(n // 2 - 1, -1, -1):
        yield from hp.down(i, n)


@gofunc(PKG, "Push", [INTERFACE, T.ANY], [])
def heap_push(world, h, x):
    hp = Heap(world, h)
    yield from hp.push(x)
    yield from hp.up((yield from hp.len()) - 1)


@gofunc(PKG, "Pop", [INTERFACE], [T.ANY])
def heap_pop(world, h):
    hp = Heap(world, h)
    n = (yield from hp.len()) - 1
    yield from hp.swap(0, n)
    yield from hp.down(0, n)
    return (yield from hp.pop())


@gofunc(PKG, "Remove", [INTERFACE, T.INT], [T.ANY])
def heap_remove(world, h, i):
    hp = Heap(world, h)
    n = (yield from hp.len()) - 1
    if n != i:
        yield from hp.swap(i, n)
        yield from hp.fix(i, n)
    return (yield from hp.pop())


@gofunc(PKG, "Fix", [INTERFACE, T.INT], [])
def heap_fix(world, h, i):
    hp = Heap(world, h)
    yield from hp.fix(i, (yield from hp.len()))
