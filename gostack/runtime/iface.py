"""iface: interface values, type descriptors, method lookup and type assertions.

Go counterpart: src/runtime/iface.go (convT*, assertE2I, getitab, the itab
function tables) and type.go (_type), Go 1.19.

An interface value is two words {tab, data}.  `tab` is the address of the
dynamic type's descriptor in the binary's read-only data (0 for a nil
interface); `data` is the value itself when the type is pointer-shaped
(pointers, maps, channels, funcs: Go's direct interface types), otherwise
a pointer to a heap copy of the value (convT).

Deliberate difference: Go's non-empty interfaces hold an itab (interface
type, dynamic type, method pointers) in their first word and empty ones a
_type; gostack puts the type descriptor in both and looks methods up by
name in the descriptor's table, a dict (Go's itab cache, precomputed by
the linker).  Nothing a Go program observes depends on which it is.  The
method entries take the data word as receiver: for value methods of types
that are not pointer-shaped they are wrappers `main.(*T).M`, as in Go.
"""

from __future__ import annotations

from ..profiles import PTR_SIZE
from .panic import GoPanic


class TypeInfo:
    """What the runtime knows of one type descriptor."""

    __slots__ = ("addr", "name", "size", "direct", "eq_desc", "comparable", "methods", "type",
                 "runtime_error")

    def __init__(self, addr, type_, name, size, direct, eq_desc, comparable, methods):
        self.addr, self.type, self.name, self.size = addr, type_, name, size
        self.direct, self.eq_desc, self.comparable = direct, eq_desc, comparable
        self.methods = methods          # name -> entry pc
        self.runtime_error = None       # runtime-made error types: the Go type name

    def runtime_error_text(self, aspace, data: int) -> str:
        """The Error() of a runtime error value: its data word points at a string header."""
        ptr, n = aspace.load(data, "q"), aspace.load(data + 8, "q")
        return aspace.read(ptr, n).decode("utf-8", "surrogateescape") if n else ""


class TypeAssertionError(GoPanic):
    """runtime.TypeAssertionError: a runtime.Error whose text has no "runtime error: " prefix."""

    def __init__(self, text: str):
        super().__init__(text, runtime_error=False)
        self.is_runtime_error = True


class Ifaces:
    def __init__(self, world, table: dict):
        self.world = world
        self.types: dict[int, TypeInfo] = table

    def runtime_error_type(self, err) -> int:
        """The descriptor of the runtime's error type for err."""
        name = getattr(err, "go_type", None) or ("runtime.boundsError" if "out of range" in err.text
                                                 else "runtime.Error")
        return self.runtime_type(name)

    def runtime_type(self, name: str, unwrap: bool = False) -> int:
        """A type the runtime or a standard package makes (an error whose data word
        points at its message's string header), made once, kept in the heap."""
        for info in self.types.values():
            if info.runtime_error == name:
                return info.addr
        addr = self.world.malloc(48, "type " + name, ())
        self.world.collector.pin(addr)
        entry = self.world.program.runtime_error_pc
        methods = {"Error": entry}
        if name.startswith("runtime."):
            methods["RuntimeError"] = entry
        if unwrap:
            methods["Unwrap"] = self.world.program.wrap_error_unwrap_pc
        info = TypeInfo(addr, None, name, 2 * PTR_SIZE, True, ("b", 8), True, methods)
        info.runtime_error = name
        self.types[addr] = info
        return addr

    def text_method(self, tab: int):
        """preprintpanics: the Error method of an error, else String of a Stringer."""
        if tab == 0:
            return None
        info = self.types[tab]
        if info.runtime_error is not None:
            return None
        return info.methods.get("Error") or info.methods.get("String")

    def method(self, tab: int, name: str) -> int:
        """The entry pc of method name of the dynamic type (nil tab: a nil dereference)."""
        if tab == 0:
            self.world.aspace.load(0, "q")            # faults: invalid memory address
        return self.types[tab].methods[name]

    def type_name(self, tab: int) -> str:
        return self.types[tab].name if tab else "nil"

    def assert_type(self, tab: int, want: int, iface_name: str) -> None:
        """x.(T) for a concrete T: panic with Go's text unless the dynamic type is T."""
        if tab != want:
            have = self.type_name(tab)
            raise TypeAssertionError(f"interface conversion: {iface_name} is {have}, not "
                                     f"{self.types[want].name}")

    def implements(self, tab: int, methods: tuple) -> str | None:
        """The first missing method (sorted), or None when the dynamic type has them all."""
        have = self.types[tab].methods
        for name in methods:
            if name not in have:
                return name
        return None

    def assert_iface(self, tab: int, methods: tuple, iface_name: str, target_name: str) -> None:
        if tab == 0:
            raise TypeAssertionError(f"interface conversion: interface is nil, not {target_name}")
        missing = self.implements(tab, methods)
        if missing is not None:
            raise TypeAssertionError(f"interface conversion: {self.types[tab].name} is not "
                                     f"{target_name}: missing method {missing}")

    def can_assert(self, tab: int, methods: tuple) -> bool:
        return tab != 0 and self.implements(tab, methods) is None
