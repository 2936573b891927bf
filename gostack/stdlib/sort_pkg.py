"""sort: Ints, Strings, Float64s, Slice, SliceStable, SearchInts, IntsAreSorted.

Ints, Strings and Float64s sort the backing array in place (equal
elements are indistinguishable, so any correct order is Go's).  Slice and
SliceStable call the program's less(i, j) closure in Go for every
comparison, as Go does; SliceStable is insertion-based and stable like
Go's.  Deliberate difference: sort.Slice (unstable) uses a stable merge
sort, so among elements that compare equal the order may differ from Go's
pdqsort for slices longer than 12 (insertion sort, Go's order, below that).
"""

from __future__ import annotations

import functools
import math
import struct

from .. import types as T
from ..runtime.iface import TypeInfo
from ..runtime.panic import index_error
from .callconv import GoCall, Iface
from .registry import PACKAGES, gofunc, typename


def _sort_in_place(world, s, fmt, size, key=None):
    if s.len < 2:
        return
    data = world.aspace.read(s.ptr, s.len * size)
    items = list(struct.unpack(f"<{s.len}{fmt}", data))
    items.sort(key=key)
    world.aspace.write(s.ptr, struct.pack(f"<{s.len}{fmt}", *items))


def _float_key(x):
    return (0, 0.0) if math.isnan(x) else (1, x)


gofunc("sort", "Ints", [T.Slice(T.INT)], [])(lambda w, s: _sort_in_place(w, s, "q", 8))
gofunc("sort", "Float64s", [T.Slice(T.FLOAT64)], [])(lambda w, s: _sort_in_place(w, s, "d", 8, _float_key))


@gofunc("sort", "Strings", [T.Slice(T.STRING)], [])
def sort_strings(world, s):
    headers = [world.aspace.read(s.ptr + 16 * k, 16) for k in range(s.len)]
    keyed = sorted(headers, key=lambda h: world.strings.bytes_at_header(h))
    for k, h in enumerate(keyed):
        world.aspace.write(s.ptr + 16 * k, h)


@gofunc("sort", "IntsAreSorted", [T.Slice(T.INT)], [T.BOOL])
def ints_sorted(world, s):
    items = [world.aspace.load(s.ptr + 8 * k, "q") for k in range(s.len)]
    return all(a <= b for a, b in zip(items, items[1:]))


@gofunc("sort", "SearchInts", [T.Slice(T.INT), T.INT], [T.INT])
def search_ints(world, s, x):
    lo, hi = 0, s.len
    while lo < hi:
        mid = (lo + hi) // 2
        if world.aspace.load(s.ptr + 8 * mid, "q") < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


LESS = T.Signature([T.INT, T.INT], [T.BOOL])


def _slice_of(world, x):
    """The slice header inside an interface{} holding a slice, and its element size."""
    info = world.ifaces.types[x.tab]
    load = world.aspace.load
    return load(x.data, "q"), load(x.data + 8, "q"), info.type.under.elem.size


def _less(world, fv, i, j):
    res = yield GoCall(world.aspace.load(fv, "q"), struct.pack("<qq", i, j), 8, ctxt=fv)
    return res[0] != 0


def _swap(world, ptr, size, i, j):
    a, b = ptr + i * size, ptr + j * size
    da, db = world.aspace.read(a, size), world.aspace.read(b, size)
    world.aspace.write(a, db)
    world.aspace.write(b, da)


def _insertion(world, fv, ptr, size, lo, hi):
    for i in range(lo + 1, hi):
        j = i
        while j > lo and (yield from _less(world, fv, j, j - 1)):
            _swap(world, ptr, size, j, j - 1)
            j -= 1


@gofunc("sort", "Slice", [T.ANY, LESS], [])
def sort_slice(world, x, less):
    ptr, n, size = _slice_of(world, x)
    yield from _insertion(world, less, ptr, size, 0, n)


@gofunc("sort", "SliceStable", [T.ANY, LESS], [])
def sort_slice_stable(world, x, less):
    ptr, n, size = _slice_of(world, x)
    yield from _insertion(world, less, ptr, size, 0, n)


del functools


def _method(world, x, name):
    return world.ifaces.types[x.tab].methods[name]


def _call_int(world, x, name, *ints):
    return GoCall(_method(world, x, name), x.data.to_bytes(8, "little", signed=True)
                  + b"".join(struct.pack("<q", i) for i in ints), 8)


SORT_INTERFACE = None


def _interface_type():
    global SORT_INTERFACE
    if SORT_INTERFACE is None:
        SORT_INTERFACE = T.Named("Interface", T.Interface({
            "Len": T.Signature([], [T.INT]), "Less": T.Signature([T.INT, T.INT], [T.BOOL]),
            "Swap": T.Signature([T.INT, T.INT], [])}), pkg="sort")
    return SORT_INTERFACE


def _generator(fn):
    """fn as a generator function (the sort loop drives Go and Python operations alike)."""
    def gen(*args):
        return fn(*args)
        yield  # noqa: unreachable: makes gen a generator
    return gen


def _operations(world, data):
    """(n, less, swap) for a sort.Interface value: less and swap are generator
    functions.  sort.Reverse and the package's own slice types are handled
    here; any other type's Len, Less and Swap are Go code, called in Go."""
    info = world.ifaces.types[data.tab] if data.tab else None
    if info is not None and info.name == REVERSE_NAME:
        load = world.aspace.load
        inner = Iface(load(data.data, "q"), load(data.data + 8, "q"))
        n, less, swap = yield from _operations(world, inner)
        return n, (lambda i, j: less(j, i)), swap
    kind = SLICE_TYPES.get(info.type) if info is not None else None
    if kind is not None:
        load = world.aspace.load
        ptr, n = load(data.data, "q"), load(data.data + 8, "q")
        read, size = kind
        return (n, _generator(lambda i, j: _lt(read(world, ptr + i * size), read(world, ptr + j * size))),
                _generator(lambda i, j: _swap(world, ptr, size, i, j)))
    n = struct.unpack("<q", (yield _call_int(world, data, "Len")))[0]

    def less(i, j):
        return (yield _call_int(world, data, "Less", i, j))[0] != 0

    def swap(i, j):
        yield GoCall(_method(world, data, "Swap"), data.data.to_bytes(8, "little", signed=True)
                     + struct.pack("<qq", i, j), 0)
    return n, less, swap


def _lt(a, b):
    """Float64Slice's Less: NaNs sort first."""
    if isinstance(a, float) and math.isnan(a):
        return not (isinstance(b, float) and math.isnan(b))
    return a < b


def _sort_with_methods(world, data, stable):
    """Insertion sort through Len, Less and Swap."""
    n, less, swap = yield from _operations(world, data)
    for i in range(1, n):
        j = i
        while j > 0 and (yield from less(j, j - 1)):
            yield from swap(j, j - 1)
            j -= 1


# The package's slice types: Go methods Len, Less, Swap (value receivers).
SLICE_TYPES = {}
REVERSE_NAME = "*sort.reverse"


def _slice_type(name, elem, read, size):
    named = T.Named(name, T.Slice(elem), pkg="sort")
    SLICE_TYPES[named] = (read, size)
    typename("sort", name, named)

    def method(mname, params, results, impl):
        fn = gofunc("sort", f"{name}.{mname}", [named] + params, results)(impl)
        entry = PACKAGES["sort"][f"{name}.{mname}"]
        entry.value_recv = True
        PACKAGES["sort"].setdefault("#methods", {}).setdefault(named, {})[mname] = entry
        return fn
    method("Len", [], [T.INT], lambda w, s: s.len)
    method("Less", [T.INT, T.INT], [T.BOOL],
           lambda w, s, i, j: _lt(read(w, s.ptr + _index(s, i) * size), read(w, s.ptr + _index(s, j) * size)))
    method("Swap", [T.INT, T.INT], [], lambda w, s, i, j: _swap(w, s.ptr, size, _index(s, i), _index(s, j)))
    return named


def _index(s, i):
    if not 0 <= i < s.len:
        raise index_error(i, s.len)
    return i


def _reverse_type(world) -> int:
    """The descriptor of sort's *reverse (made once; its methods are handled here)."""
    for info in world.ifaces.types.values():
        if info.name == REVERSE_NAME:
            return info.addr
    addr = world.malloc(48, "type " + REVERSE_NAME, ())
    world.collector.pin(addr)
    world.ifaces.types[addr] = TypeInfo(addr, None, REVERSE_NAME, 8, True, ("b", 8), True, {})
    return addr


typename("sort", "Interface", _interface_type())
gofunc("sort", "Sort", [_interface_type()], [])(lambda w, data: _sort_with_methods(w, data, False))
gofunc("sort", "Stable", [_interface_type()], [])(lambda w, data: _sort_with_methods(w, data, True))
_slice_type("IntSlice", T.INT, lambda w, a: w.aspace.load(a, "q"), 8)
_slice_type("Float64Slice", T.FLOAT64, lambda w, a: w.aspace.load(a, "d"), 8)
_slice_type("StringSlice", T.STRING, lambda w, a: w.strings.bytes_at(a), 16)


@gofunc("sort", "Reverse", [_interface_type()], [_interface_type()])
def reverse(world, data):
    box = world.malloc(16, "sort.reverse", (8,))
    world.aspace.store(box, "q", data.tab)
    world.aspace.store(box + 8, "q", data.data)
    return Iface(_reverse_type(world), box)


@gofunc("sort", "Search", [T.INT, T.Signature([T.INT], [T.BOOL])], [T.INT])
def search(world, n, f):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi) // 2
        res = yield GoCall(world.aspace.load(f, "q"), struct.pack("<q", mid), 8, ctxt=f)
        if not res[0]:
            lo = mid + 1
        else:
            hi = mid
    return lo


@gofunc("sort", "Float64sAreSorted", [T.Slice(T.FLOAT64)], [T.BOOL])
def floats_sorted(world, s):
    items = [world.aspace.load(s.ptr + 8 * k, "d") for k in range(s.len)]
    return all(not (b < a) for a, b in zip(items, items[1:]))


@gofunc("sort", "StringsAreSorted", [T.Slice(T.STRING)], [T.BOOL])
def strings_sorted(world, s):
    items = [world.strings.bytes_at(s.ptr + 16 * k) for k in range(s.len)]
    return all(a <= b for a, b in zip(items, items[1:]))


def _search(world, s, x, size, read):
    lo, hi = 0, s.len
    while lo < hi:
        mid = (lo + hi) // 2
        if read(world, s.ptr + size * mid) < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


gofunc("sort", "SearchFloat64s", [T.Slice(T.FLOAT64), T.FLOAT64], [T.INT])(
    lambda w, s, x: _search(w, s, x, 8, lambda w, a: w.aspace.load(a, "d")))
gofunc("sort", "SearchStrings", [T.Slice(T.STRING), T.STRING], [T.INT])(
    lambda w, s, x: _search(w, s, x, 16, lambda w, a: w.strings.bytes_at(a)))


@gofunc("sort", "SliceIsSorted", [T.ANY, LESS], [T.BOOL])
def slice_is_sorted(world, x, less):
    ptr, n, size = _slice_of(world, x)
    for i in range(n - 1, 0, -1):
        if (yield from _less(world, less, i, i - 1)):
            return False
    return True
