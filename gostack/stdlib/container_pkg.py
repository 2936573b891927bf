"""container/list and container/ring: doubly linked lists and circular lists.

Go counterpart: the packages container/list and container/ring of Go 1.19.
Their types are real heap structs with Go's layout (list.Element is
next, prev, list, Value; list.List is a sentinel root Element and a len;
ring.Ring is next, prev, Value), so the program reads e.Value and walks
e.Next() over memory it could inspect; the methods, written here in Python
over that memory, follow Go's rules (lazy initialisation of a zero List or
Ring, Element methods that see the root as the end of the list).
Why Python, not Go source compiled with the program: gostack compiles one
package (main); standard packages are Python functions with Go signatures,
and these two need no Go callbacks except Ring.Do, which is a generator
like sort.Slice.
"""

from __future__ import annotations

import struct

from .. import types as T
from .callconv import GoCall, Iface
from .registry import gofunc, std_method, typename

LIST, RING = "container/list", "container/ring"
WORD = 8


def _struct(pkg, name, fields):
    """A named struct whose fields may point at the type itself (fields: name -> type)."""
    named = T.Named(name, pkg=pkg)
    named.underlying = T.Struct([T.Field(n, t(named) if callable(t) else t) for n, t in fields])
    named.underlying.layout()
    return named


ELEMENT = _struct("list", "Element", [("next", T.Pointer), ("prev", T.Pointer),
                                       ("list", lambda e: T.Pointer(T.Named("List", pkg="list"))),
                                       ("Value", T.ANY)])
LISTT = _struct("list", "List", [("root", ELEMENT), ("len", T.INT)])
ELEMENT.underlying.fields[2].type = T.Pointer(LISTT)
RINGT = _struct("ring", "Ring", [("next", T.Pointer), ("prev", T.Pointer), ("Value", T.ANY)])
typename(LIST, "Element", ELEMENT)
typename(LIST, "List", LISTT)
typename(RING, "Ring", RINGT)
NEXT, PREV, OWNER, E_VALUE = (f.offset for f in ELEMENT.underlying.fields)
LEN = LISTT.underlying.fields[1].offset
R_VALUE = RINGT.underlying.fields[2].offset


class Mem:
    """Word and interface access to the model's memory."""

    def __init__(self, world):
        self.world, self.load, self.store = world, world.aspace.load, world.aspace.store

    def get(self, addr, off):
        return self.load(addr + off, "q")

    def set(self, addr, off, value):
        self.store(addr + off, "q", value)

    def set_iface(self, addr, off, v: Iface):
        self.set(addr, off, v.tab)
        self.set(addr, off + WORD, v.data)

    def get_iface(self, addr, off) -> Iface:
        return Iface(self.get(addr, off), self.get(addr, off + WORD))


def _nil_check(world, p):
    if p == 0:
        world.aspace.load(0, "q")          # faults: nil pointer dereference, as Go's


# ---------------------------------------------------------------- list

def _list_init(m: Mem, lst):
    m.set(lst, NEXT, lst)                  # the root Element is at offset 0
    m.set(lst, PREV, lst)
    m.set(lst, LEN, 0)
    return lst


def _lazy(m: Mem, lst):
    _nil_check(m.world, lst)
    if m.get(lst, NEXT) == 0:
        _list_init(m, lst)


def _insert(m: Mem, lst, e, at):
    """Put e after at; e belongs to lst now."""
    nxt = m.get(at, NEXT)
    m.set(e, PREV, at)
    m.set(e, NEXT, nxt)
    m.set(at, NEXT, e)
    m.set(nxt, PREV, e)
    m.set(e, OWNER, lst)
    m.set(lst, LEN, m.get(lst, LEN) + 1)
    return e


def _insert_value(m: Mem, lst, v: Iface, at):
    e = m.world.malloc(ELEMENT.size, "list.Element", ELEMENT.ptr_offsets())
    m.set_iface(e, E_VALUE, v)
    return _insert(m, lst, e, at)


def _unlink(m: Mem, lst, e):
    prev, nxt = m.get(e, PREV), m.get(e, NEXT)
    m.set(prev, NEXT, nxt)
    m.set(nxt, PREV, prev)
    m.set(e, NEXT, 0)
    m.set(e, PREV, 0)
    m.set(e, OWNER, 0)
    m.set(lst, LEN, m.get(lst, LEN) - 1)


def _move(m: Mem, e, at):
    if e == at:
        return
    prev, nxt = m.get(e, PREV), m.get(e, NEXT)
    m.set(prev, NEXT, nxt)
    m.set(nxt, PREV, prev)
    after = m.get(at, NEXT)
    m.set(e, PREV, at)
    m.set(e, NEXT, after)
    m.set(at, NEXT, e)
    m.set(after, PREV, e)


def _owned(m: Mem, lst, e) -> bool:
    _nil_check(m.world, e)
    return m.get(e, OWNER) == lst


@gofunc(LIST, "New", [], [T.Pointer(LISTT)])
def list_new(world):
    return _list_init(Mem(world), world.malloc(LISTT.size, "list.List", LISTT.ptr_offsets()))


def _list_method(name, params, results):
    """A *List method; impl(m, lst, *args) with the list lazily initialised."""
    def register(impl):
        def method(world, lst, *args):
            m = Mem(world)
            if name != "Init":
                _lazy(m, lst)
            return impl(m, lst, *args)
        std_method(LIST, LISTT, name, params, results)(method)
        return impl
    return register


EP, ANY = T.Pointer(ELEMENT), T.ANY


@_list_method("Init", [], [T.Pointer(LISTT)])
def l_init(m, lst):
    _nil_check(m.world, lst)
    return _list_init(m, lst)


_list_method("Len", [], [T.INT])(lambda m, lst: m.get(lst, LEN))
_list_method("Front", [], [EP])(lambda m, lst: m.get(lst, NEXT) if m.get(lst, LEN) else 0)
_list_method("Back", [], [EP])(lambda m, lst: m.get(lst, PREV) if m.get(lst, LEN) else 0)
_list_method("PushFront", [ANY], [EP])(lambda m, lst, v: _insert_value(m, lst, v, lst))
_list_method("PushBack", [ANY], [EP])(lambda m, lst, v: _insert_value(m, lst, v, m.get(lst, PREV)))
_list_method("InsertBefore", [ANY, EP], [EP])(
    lambda m, lst, v, mark: _insert_value(m, lst, v, m.get(mark, PREV)) if _owned(m, lst, mark) else 0)
_list_method("InsertAfter", [ANY, EP], [EP])(
    lambda m, lst, v, mark: _insert_value(m, lst, v, mark) if _owned(m, lst, mark) else 0)


@_list_method("Remove", [EP], [ANY])
def l_remove(m, lst, e):
    if _owned(m, lst, e):
        _unlink(m, lst, e)
    return m.get_iface(e, E_VALUE)


def _mover(name, target):
    """MoveToFront/MoveToBack/MoveBefore/MoveAfter: target(m, lst, mark) is where e goes after."""
    def impl(m, lst, e, mark=None):
        if not _owned(m, lst, e) or e == mark:
            return
        if mark is None and m.get(lst, NEXT if name == "MoveToFront" else PREV) == e:
            return
        if mark is not None and not _owned(m, lst, mark):
            return
        _move(m, e, target(m, lst, mark))
    params = [EP] if name in ("MoveToFront", "MoveToBack") else [EP, EP]
    _list_method(name, params, [])(impl)


_mover("MoveToFront", lambda m, lst, mark: lst)
_mover("MoveToBack", lambda m, lst, mark: m.get(lst, PREV))
_mover("MoveBefore", lambda m, lst, mark: m.get(mark, PREV))
_mover("MoveAfter", lambda m, lst, mark: mark)


def _push_list(m, lst, other, front):
    _lazy(m, other)
    values, e = [], m.get(other, NEXT)
    for _ in range(m.get(other, LEN)):
        values.append(m.get_iface(e, E_VALUE))
        e = m.get(e, NEXT)
    for v in (reversed(values) if front else values):
        _insert_value(m, lst, v, lst if front else m.get(lst, PREV))


_list_method("PushBackList", [T.Pointer(LISTT)], [])(lambda m, lst, other: _push_list(m, lst, other, False))
_list_method("PushFrontList", [T.Pointer(LISTT)], [])(lambda m, lst, other: _push_list(m, lst, other, True))


def _neighbour(world, e, off):
    """e.Next() / e.Prev(): nil at either end (the root) or for a removed element."""
    m = Mem(world)
    _nil_check(world, e)
    lst, p = m.get(e, OWNER), m.get(e, off)
    return p if lst != 0 and p != lst else 0


std_method(LIST, ELEMENT, "Next", [], [EP])(lambda w, e: _neighbour(w, e, NEXT))
std_method(LIST, ELEMENT, "Prev", [], [EP])(lambda w, e: _neighbour(w, e, PREV))


# ---------------------------------------------------------------- ring

RP = T.Pointer(RINGT)


def _ring_lazy(m: Mem, r):
    _nil_check(m.world, r)
    if m.get(r, NEXT) == 0:
        m.set(r, NEXT, r)
        m.set(r, PREV, r)


def _ring_new(world) -> int:
    return world.malloc(RINGT.size, "ring.Ring", RINGT.ptr_offsets())


@gofunc(RING, "New", [T.INT], [RP])
def ring_new(world, n):
    if n <= 0:
        return 0
    m = Mem(world)
    first = _ring_new(world)
    m.set(first, PREV, first)
    p = first
    for _ in range(1, n):
        q = _ring_new(world)
        m.set(q, PREV, p)
        m.set(p, NEXT, q)
        p = q
    m.set(p, NEXT, first)
    m.set(first, PREV, p)
    return first


def _ring_method(name, params, results):
    def register(impl):
        def method(world, r, *args):
            m = Mem(world)
            _ring_lazy(m, r)
            return impl(m, r, *args)
        std_method(RING, RINGT, name, params, results)(method)
        return impl
    return register


_ring_method("Next", [], [RP])(lambda m, r: m.get(r, NEXT))
_ring_method("Prev", [], [RP])(lambda m, r: m.get(r, PREV))


@std_method(RING, RINGT, "Len", [], [T.INT])
def r_len(world, r):
    """The number of elements (0 for a nil ring; a zero Ring is a ring of one)."""
    if r == 0:
        return 0
    m = Mem(world)
    _ring_lazy(m, r)
    n, p = 1, m.get(r, NEXT)
    while p != r:
        n, p = n + 1, m.get(p, NEXT)
    return n


@_ring_method("Move", [T.INT], [RP])
def r_move(m, r, n):
    off = NEXT if n >= 0 else PREV
    for _ in range(abs(n)):
        r = m.get(r, off)
    return r


@_ring_method("Link", [RP], [RP])
def r_link(m, r, s):
    """Join s after r (or remove the elements between them, if in one ring); the old r.Next()."""
    n = m.get(r, NEXT)
    if s != 0:
        _ring_lazy(m, s)
        p = m.get(s, PREV)
        m.set(r, NEXT, s)
        m.set(s, PREV, r)
        m.set(n, PREV, p)
        m.set(p, NEXT, n)
    return n


@std_method(RING, RINGT, "Unlink", [T.INT], [RP])
def r_unlink(world, r, n):
    if n <= 0:
        return 0
    m = Mem(world)
    _ring_lazy(m, r)
    return r_link(m, r, r_move(m, r, n + 1))


@std_method(RING, RINGT, "Do", [T.Signature([ANY], [])], [])
def r_do(world, r, fn):
    """f(p.Value) for every element, forwards (a Go call each); a nil ring does nothing."""
    if r == 0:
        return
    m = Mem(world)
    _ring_lazy(m, r)
    p = r
    while True:
        v = m.get_iface(p, R_VALUE)
        yield GoCall(world.aspace.load(fn, "q"), struct.pack("<qq", v.tab, v.data), 0, ctxt=fn)
        p = m.get(p, NEXT)
        if p == r:
            return
