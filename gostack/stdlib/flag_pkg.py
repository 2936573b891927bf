"""flag: Int, String, Bool, Float64, Duration?, Parse, Arg, NArg, Args.

gostack runs programs with no command-line arguments, so every flag keeps
its default and Parse finds nothing: which is what lets the classic
benchmark programs (which read their size from a flag) run unchanged.
"""

from __future__ import annotations

from ..compiler import types as T
from .abi import Slice
from .registry import gofunc

S = T.STRING


def _new(world, t, value, write):
    addr = world.malloc(max(t.size, 8), f"flag {t}", t.ptr_offsets())
    write(addr, value)
    return addr


@gofunc("flag", "Int", [S, T.INT, S], [T.Pointer(T.INT)])
def flag_int(world, name, value, usage):
    return _new(world, T.INT, value, lambda a, v: world.aspace.store(a, "q", v))


@gofunc("flag", "Float64", [S, T.FLOAT64, S], [T.Pointer(T.FLOAT64)])
def flag_float(world, name, value, usage):
    return _new(world, T.FLOAT64, value, lambda a, v: world.aspace.store(a, "d", v))


@gofunc("flag", "Bool", [S, T.BOOL, S], [T.Pointer(T.BOOL)])
def flag_bool(world, name, value, usage):
    return _new(world, T.BOOL, value, lambda a, v: world.aspace.store(a, "B", int(v)))


@gofunc("flag", "String", [S, S, S], [T.Pointer(T.STRING)])
def flag_string(world, name, value, usage):
    return _new(world, T.STRING, value, lambda a, v: world.strings.set(a, world.strings.new(v)))


gofunc("flag", "Parse", [], [])(lambda w: None)
gofunc("flag", "Parsed", [], [T.BOOL])(lambda w: True)
gofunc("flag", "NArg", [], [T.INT])(lambda w: 0)
gofunc("flag", "NFlag", [], [T.INT])(lambda w: 0)
gofunc("flag", "Arg", [T.INT], [S])(lambda w, i: b"")
gofunc("flag", "Args", [], [T.Slice(S)])(lambda w: Slice(0, 0, 0))


def _var(kind, t, write):
    @gofunc("flag", f"{kind}Var", [T.Pointer(t), S, t, S], [])
    def impl(world, p, name, value, usage):
        write(world, p, value)
    return impl


_var("Int", T.INT, lambda w, p, v: w.aspace.store(p, "q", v))
_var("Float64", T.FLOAT64, lambda w, p, v: w.aspace.store(p, "d", v))
_var("Bool", T.BOOL, lambda w, p, v: w.aspace.store(p, "B", int(v)))
_var("String", S, lambda w, p, v: w.strings.set(p, w.strings.new(v)))
