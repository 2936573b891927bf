"""flag: Int, String, Bool, Float64 (and *Var), Parse, Parsed, Arg, NArg, Args,
Lookup, Visit, VisitAll.

gostack runs programs with no command-line arguments, so every flag keeps
its default and Parse finds nothing: which is what lets the classic
benchmark programs (which read their size from a flag) run unchanged.
The defined flags are remembered (name, kind, variable address, usage) so
Lookup and VisitAll can hand the program *flag.Flag values.  Deliberate
difference: a Flag's Value is a snapshot, made when the Flag is first
looked up, whose String method returns the variable's text at that time
(the model's runtime method that returns the string its receiver points
at); its Set method is not supported.
"""

from __future__ import annotations

import struct

from .. import types as T
from . import strconv as sc
from .callconv import GoCall, Slice
from .errors_pkg import new_error
from .registry import gofunc, named_struct, typename

S = T.STRING


# How each kind of flag's value reads back as text (Go's Value.String).
TEXT = {
    "int": lambda w, a: sc.itoa(w.aspace.load(a, "q")),
    "float64": lambda w, a: sc.format_float(w.aspace.load(a, "d"), "g", -1, 64),
    "bool": lambda w, a: sc.format_bool(bool(w.aspace.load(a, "B"))),
    "string": lambda w, a: w.strings.bytes_at(a),
}
VALUE = T.Named("Value", T.Interface({"String": T.Signature([], [S]),
                                      "Set": T.Signature([S], [T.ERROR])}), pkg="flag")
typename("flag", "Value", VALUE)
FLAG = named_struct("flag", "Flag", [("Name", S), ("Usage", S), ("Value", VALUE), ("DefValue", S)])
typename("flag", "Flag", FLAG)


def _state(world) -> dict:
    return world.__dict__.setdefault("flag_state", {"parsed": False, "defined": {}, "flags": {}})


def _define(world, name, t, addr, usage):
    _state(world)["defined"][name] = (str(t), addr, usage, TEXT[str(t)](world, addr))


def _new(world, t, value, write, name=b"", usage=b""):
    addr = world.malloc(max(t.size, 8), f"flag {t}", t.ptr_offsets())
    write(addr, value)
    _define(world, name, t, addr, usage)
    return addr


def _flag(world, name: bytes) -> int:
    """The *Flag for a defined flag (made once; 0 if there is none)."""
    st = _state(world)
    if name not in st["defined"]:
        return 0
    if name not in st["flags"]:
        kind, addr, usage, default = st["defined"][name]
        f = world.malloc(FLAG.size, "flag.Flag", FLAG.ptr_offsets())
        world.collector.pin(f)
        offsets = {fl.name: fl.offset for fl in FLAG.underlying.fields}
        for field, text in (("Name", name), ("Usage", usage), ("DefValue", default)):
            world.strings.set(f + offsets[field], world.strings.new(text))
        value = new_error(world, TEXT[kind](world, addr))
        value.tab = _value_type(world, kind)
        world.aspace.store(f + offsets["Value"], "q", value.tab)
        world.aspace.store(f + offsets["Value"] + 8, "q", value.data)
        st["flags"][name] = f
    return st["flags"][name]


def _value_type(world, kind) -> int:
    name = f"*flag.{kind}Value"
    tab = world.ifaces.runtime_type(name)
    info = world.ifaces.types[tab]
    info.methods["String"] = info.methods["Error"]
    return tab


@gofunc("flag", "Int", [S, T.INT, S], [T.Pointer(T.INT)])
def flag_int(world, name, value, usage):
    return _new(world, T.INT, value, lambda a, v: world.aspace.store(a, "q", v), name, usage)


@gofunc("flag", "Float64", [S, T.FLOAT64, S], [T.Pointer(T.FLOAT64)])
def flag_float(world, name, value, usage):
    return _new(world, T.FLOAT64, value, lambda a, v: world.aspace.store(a, "d", v), name, usage)


@gofunc("flag", "Bool", [S, T.BOOL, S], [T.Pointer(T.BOOL)])
def flag_bool(world, name, value, usage):
    return _new(world, T.BOOL, value, lambda a, v: world.aspace.store(a, "B", int(v)), name, usage)


@gofunc("flag", "String", [S, S, S], [T.Pointer(T.STRING)])
def flag_string(world, name, value, usage):
    return _new(world, T.STRING, value, lambda a, v: world.strings.set(a, world.strings.new(v)), name, usage)


gofunc("flag", "Parse", [], [])(lambda w: _state(w).update(parsed=True))
gofunc("flag", "Parsed", [], [T.BOOL])(lambda w: _state(w)["parsed"])
gofunc("flag", "Lookup", [S], [T.Pointer(FLAG)])(lambda w, name: _flag(w, name))
VISITOR = T.Signature([T.Pointer(FLAG)], [])


@gofunc("flag", "VisitAll", [VISITOR], [])
def visit_all(world, fn):
    """fn(flag) for every defined flag, in name order (a Go call each)."""
    for name in sorted(_state(world)["defined"]):
        yield GoCall(world.aspace.load(fn, "q"), struct.pack("<q", _flag(world, name)), 0, ctxt=fn)


gofunc("flag", "Visit", [VISITOR], [])(lambda w, fn: None)     # no flag is ever set
gofunc("flag", "NArg", [], [T.INT])(lambda w: 0)
gofunc("flag", "NFlag", [], [T.INT])(lambda w: 0)
gofunc("flag", "Arg", [T.INT], [S])(lambda w, i: b"")
gofunc("flag", "Args", [], [T.Slice(S)])(lambda w: Slice(0, 0, 0))


def _var(kind, t, write):
    @gofunc("flag", f"{kind}Var", [T.Pointer(t), S, t, S], [])
    def impl(world, p, name, value, usage):
        write(world, p, value)
        _define(world, name, t, p, usage)
    return impl


_var("Int", T.INT, lambda w, p, v: w.aspace.store(p, "q", v))
_var("Float64", T.FLOAT64, lambda w, p, v: w.aspace.store(p, "d", v))
_var("Bool", T.BOOL, lambda w, p, v: w.aspace.store(p, "B", int(v)))
_var("String", S, lambda w, p, v: w.strings.set(p, w.strings.new(v)))
