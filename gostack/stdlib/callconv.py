"""callconv: how a standard-library function finds its arguments and leaves its results.

The caller lays the arguments out as for any Go call (ABI0: on the stack,
each aligned to its type, results after the parameters rounded to a word),
at its SP.  `read` turns a Go value in memory into a Python one and
`write` does the reverse; `call` drives an implementation, including the
Go calls a generator implementation asks for.
"""

from __future__ import annotations

import inspect

from .. import types as T
from ..profiles import PTR_SIZE
from ..runtime.slice import nextcap, roundupsize


class Slice:
    """A slice header read from memory."""

    __slots__ = ("ptr", "len", "cap")

    def __init__(self, ptr, length, cap):
        self.ptr, self.len, self.cap = ptr, length, cap


class Iface:
    """An interface value's two words (tab 0: nil)."""

    __slots__ = ("tab", "data")

    def __init__(self, tab, data):
        self.tab, self.data = tab, data

    @property
    def is_nil(self):
        return self.tab == 0


class GoCall:
    """A request from a generator implementation: run fn(args) in Go, send back the results."""

    def __init__(self, entry_pc: int, args: bytes, result_size: int, ctxt: int = 0):
        self.entry_pc, self.args, self.result_size, self.ctxt = entry_pc, args, result_size, ctxt


def append_bytes(world, s: Slice, data: bytes) -> Slice:
    """append(s, data...) for a []byte argument: in place when it fits, else a
    new array grown by append's rule (the result is a new header, as in Go)."""
    needed = s.len + len(data)
    if needed <= s.cap:
        if data:
            world.aspace.write(s.ptr + s.len, data)
        return Slice(s.ptr, needed, s.cap)
    cap = roundupsize(nextcap(s.cap, needed))
    ptr = world.slices.alloc_array(cap, 1, (), "[]byte")
    old = world.aspace.read(s.ptr, s.len) if s.len else b""
    world.aspace.write(ptr, old + data)
    return Slice(ptr, needed, cap)


def layout(sig: T.Signature):
    """Offsets of parameters and results from the caller's SP."""
    offset, params = 0, []
    for t in sig.params:
        offset = T.align_up(offset, t.align)
        params.append(offset)
        offset += t.size
    offset = T.align_up(offset, PTR_SIZE)
    results = []
    for t in sig.results:
        offset = T.align_up(offset, t.align)
        results.append(offset)
        offset += t.size
    return params, results


def read(world, t: T.Type, addr: int):
    u = t.under
    load = world.aspace.load
    if isinstance(u, T.Basic):
        if u.kind == "string":
            return world.strings.bytes_at(addr)
        if u.kind == "bool":
            return bool(load(addr, "B"))
        return load(addr, u.fmt)
    if isinstance(u, T.Slice):
        return Slice(load(addr, "q"), load(addr + 8, "q"), load(addr + 16, "q"))
    if isinstance(u, T.Interface):
        return Iface(load(addr, "q"), load(addr + 8, "q"))
    if u.is_scalar():
        return load(addr, u.fmt)
    return addr                         # structs and arrays: by address


def write(world, t: T.Type, addr: int, value) -> None:
    u = t.under
    store = world.aspace.store
    if isinstance(u, T.Basic) and u.kind == "string":
        world.strings.set(addr, world.strings.new(value))
    elif isinstance(u, T.Basic) and u.kind == "bool":
        store(addr, "B", int(bool(value)))
    elif isinstance(u, T.Slice):
        s = value or Slice(0, 0, 0)
        store(addr, "q", s.ptr)
        store(addr + 8, "q", s.len)
        store(addr + 16, "q", s.cap)
    elif isinstance(u, T.Interface):
        v = value or Iface(0, 0)
        store(addr, "q", v.tab)
        store(addr + 8, "q", v.data)
    elif u.is_scalar():
        store(addr, u.fmt, value)
    else:
        world.aspace.copy(addr, value, t.size)


def call(world, g, fn, cont):
    """Run fn with its arguments at g.sp; return the block to continue with."""
    params, results = layout(fn.sig)
    args = [read(world, t, g.sp + off) for t, off in zip(fn.sig.params, params)]
    world.stdlib_call_pc = world.block_pc[cont]     # where the caller resumes (runtime.Stack)
    out = fn.impl(world, *args)
    if inspect.isgenerator(out):
        return drive(world, g, fn, out, None, cont, results)
    finish(world, g, fn, out, results)
    return cont


def drive(world, g, fn, gen, sent, cont, results):
    try:
        request = gen.send(sent)
    except StopIteration as stop:
        finish(world, g, fn, stop.value, results)
        return cont

    def resume(g, res):
        return drive(world, g, fn, gen, res, cont, results)
    return world.reflectcall.call_go(g, request.entry_pc, request.args, ctxt=request.ctxt,
                         result_size=request.result_size, then=resume, resume_pc=world.block_pc[cont])


def finish(world, g, fn, out, results) -> None:
    types = fn.sig.results
    if not types:
        return
    values = out if len(types) > 1 else (out,)
    for t, off, v in zip(types, results, values):
        write(world, t, g.sp + off, v)
