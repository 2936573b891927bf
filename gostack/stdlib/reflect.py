"""reflect: Go values in memory, decoded for fmt (what fmt does with package reflect).

`Decoder.value(t, addr)` reads the value of type t at addr into the
GoValue model of gostack/stdlib/fmt.py.  Methods fmt may call (Error,
String) are Go code: the decoder collects them, `run_methods` (a
generator) calls each one on the goroutine (yielding GoCall requests), and
the hooks handed to fmt return the recorded results.  A method whose Go
call panicked is reported to fmt as a panic, which fmt prints the way
catchPanic does.

Deliberate differences: methods are called before formatting starts, once
per value that has them (fmt calls them while printing, only for values it
reaches with a verb that uses them), so a method with side effects may run
when Go would not run it; pointers are followed eagerly, one level, as fmt
prints &{...} only at the top level.
"""

from __future__ import annotations

import functools

from .. import types as T
from ..profiles import PTR_SIZE
from .fmt import GoValue
from .callconv import GoCall

TEXT_METHODS = ("Error", "String")
KINDS = {("int", 8): "int64", ("int", 4): "int32", ("int", 2): "int16", ("int", 1): "int8",
         ("uint", 8): "uint64", ("uint", 4): "uint32", ("uint", 2): "uint16", ("uint", 1): "uint8"}


def basic_kind(t: T.Type) -> str:
    u = t.under
    if u.kind == "float":
        return "float64" if u.size == 8 else "float32"
    if u.kind in ("int", "uint"):
        if u.name in ("int", "uint", "uintptr"):
            return u.name
        return KINDS[(u.kind, u.size)]
    return u.kind


class Decoder:
    def __init__(self, world):
        self.world = world
        self.load = world.aspace.load
        self.pending = []          # (entry pc, receiver word, hooks dict, name)

    # ---- values

    def iface(self, tab: int, data: int, with_methods=True):
        """The dynamic value of an interface (None for nil)."""
        if tab == 0:
            return None
        info = self.world.ifaces.types[tab]
        if info.runtime_error is not None:
            text = info.runtime_error_text(self.world.aspace, data).encode()
            return GoValue("ptr", info.name, data, methods={"Error": lambda: text}, pointee=None)
        t = info.type
        if info.direct:
            value = self.scalar_value(t, data)
            self.add_methods(value, t, data, with_methods)
            return value
        value = self.value(t, data, with_methods, receiver=data)
        return value

    def value(self, t: T.Type, addr: int, with_methods=True, receiver=None):
        u = t.under
        name = str(t)
        if isinstance(u, T.Basic):
            if u.kind == "string":
                v = GoValue("string", name, self.world.strings.bytes_at(addr))
            elif u.kind == "bool":
                v = GoValue("bool", name, bool(self.load(addr, "B")))
            else:
                v = GoValue(basic_kind(t), name, self.load(addr, u.fmt))
        elif isinstance(u, T.Interface):
            inner = self.iface(self.load(addr, "q"), self.load(addr + PTR_SIZE, "q"), with_methods)
            v = GoValue("interface", name, inner)
        elif isinstance(u, T.Struct):
            fields = []
            for f in u.fields:
                exported = f.name[:1].isupper()
                fields.append((f.name, self.value(f.type, addr + f.offset, with_methods and exported)))
            v = GoValue("struct", name, fields)
        elif isinstance(u, T.Array):
            items = [self.value(u.elem, addr + k * u.elem.size, with_methods) for k in range(u.length)]
            v = GoValue("array", name, items, elem_kind=self.kind_of(u.elem))
        elif isinstance(u, T.Slice):
            ptr, n = self.load(addr, "q"), self.load(addr + 8, "q")
            items = None if ptr == 0 else [self.value(u.elem, ptr + k * u.elem.size, with_methods)
                                           for k in range(n)]
            v = GoValue("slice", name, items, elem_kind=self.kind_of(u.elem), address=ptr)
        elif isinstance(u, T.Map):
            m = self.load(addr, "q")
            v = GoValue("map", name, self.map_entries(u, m, with_methods), address=m)
        else:
            return self.scalar_value(t, self.load(addr, "q"), with_methods)
        if receiver is None:
            receiver = addr
        self.add_methods(v, t, receiver, with_methods, by_pointer=True)
        return v

    def scalar_value(self, t, word, with_methods=True):
        u = t.under
        kind = {T.Pointer: "ptr", T.Chan: "chan", T.Signature: "func", T.Map: "map"}.get(type(u), "ptr")
        if kind == "map":
            v = GoValue("map", str(t), self.map_entries(u, word, with_methods), address=word)
        else:
            v = GoValue(kind, str(t), word)
        if kind == "ptr" and word:
            elem = u.elem
            if isinstance(elem.under, (T.Struct, T.Array, T.Slice, T.Map)):
                # Decoded only when printed (fmt follows a pointer at the top
                # level only), so cyclic structures such as lists terminate.
                v.pointee = functools.lru_cache(maxsize=1)(lambda: self.value(elem, word, with_methods=False))
                v.elem_kind = self.kind_of(elem)
        if kind != "map":
            self.add_methods(v, t, word, with_methods)
        return v

    def map_entries(self, u, m, with_methods):
        h = self.world.maps.get(m)
        if h is None:
            return None
        out = []
        for key_bytes, value in h.entries.values():
            kaddr = self.scratch(key_bytes)
            vaddr = self.scratch(value)
            out.append((self.value(u.key, kaddr, with_methods), self.value(u.elem, vaddr, with_methods)))
        return out

    def scratch(self, data: bytes) -> int:
        """A heap copy of bytes held at object level (map entries), to decode from."""
        addr = self.world.malloc(max(len(data), 1), "fmt scratch", ())
        if data:
            self.world.aspace.write(addr, data)
        return addr

    def kind_of(self, t):
        u = t.under
        if isinstance(u, T.Basic):
            return basic_kind(t) if u.kind != "string" else "string"
        return {T.Pointer: "ptr", T.Struct: "struct", T.Array: "array", T.Slice: "slice",
                T.Map: "map", T.Interface: "interface", T.Chan: "chan", T.Signature: "func"}[type(u)]

    # ---- methods

    def add_methods(self, v, t, receiver_word, with_methods, by_pointer=False):
        """Record Error/String of t for fmt (called through the interface entries)."""
        if not with_methods:
            return
        key = t if not by_pointer else t
        table = self.world.program.method_entries.get(_type_key(key))
        if not table:
            return
        for name in TEXT_METHODS:
            entry = table.get(name)
            if entry is not None:
                self.pending.append((entry, receiver_word, v, name))

    def run_methods(self):
        """Call every recorded method in Go (a generator of GoCall requests)."""
        for entry, receiver, v, name in self.pending:
            results = yield GoCall(entry, receiver.to_bytes(8, "little", signed=True), 16)
            ptr = int.from_bytes(results[:8], "little", signed=True)
            n = int.from_bytes(results[8:16], "little", signed=True)
            text = self.world.aspace.read(ptr, n) if n else b""
            v.methods[name] = (lambda t=text: t)


def _type_key(t):
    return id(t) if isinstance(t, T.Named) else str(t)
