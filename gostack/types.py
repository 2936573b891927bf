"""types: Go types with their amd64 size, alignment and pointer words.

Every type knows what the frame layout and the stack maps need: `size`,
`align`, and `ptr_offsets()` (byte offsets of the words that hold pointers,
which is what Go's pointer bitmaps record).  Scalars also know the
memoryview format used to load and store them (`fmt`), and integers know
how to wrap a Python int to their width.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .profiles import PTR_SIZE


class Type:
    size = 0
    align = 1
    fmt = ""          # memoryview format for scalars ('q', 'B', 'd', ...)

    @property
    def under(self) -> "Type":
        return self

    def ptr_offsets(self) -> list[int]:
        return []

    def is_scalar(self) -> bool:
        return bool(self.fmt)


@dataclass(eq=False)
class Basic(Type):
    name: str
    kind: str          # "int", "uint", "float", "bool", "string", "untyped_*", "nil"
    size: int = 0
    fmt: str = ""

    @property
    def align(self):
        return max(1, min(self.size, PTR_SIZE)) if self.kind != "string" else PTR_SIZE

    @property
    def bits(self) -> int:
        return self.size * 8

    def is_integer(self):
        return self.kind in ("int", "uint", "untyped_int", "untyped_rune")

    def is_signed(self):
        return self.kind in ("int", "untyped_int", "untyped_rune")

    def is_float(self):
        return self.kind in ("float", "untyped_float")

    def is_numeric(self):
        return self.is_integer() or self.is_float()

    def is_untyped(self):
        return self.kind.startswith("untyped") or self.kind == "nil"

    def ptr_offsets(self):
        return [0] if self.kind == "string" else []

    def is_scalar(self):
        return bool(self.fmt)

    def __str__(self):
        return self.name


def _int(name, size, fmt):
    return Basic(name, "int", size, fmt)


def _uint(name, size, fmt):
    return Basic(name, "uint", size, fmt)


INT = _int("int", 8, "q")
INT8 = _int("int8", 1, "b")
INT16 = _int("int16", 2, "h")
INT32 = _int("int32", 4, "i")
INT64 = _int("int64", 8, "q")
UINT = _uint("uint", 8, "Q")
UINT8 = _uint("uint8", 1, "B")
UINT16 = _uint("uint16", 2, "H")
UINT32 = _uint("uint32", 4, "I")
UINT64 = _uint("uint64", 8, "Q")
UINTPTR = _uint("uintptr", 8, "Q")
FLOAT64 = Basic("float64", "float", 8, "d")
FLOAT32 = Basic("float32", "float", 4, "f")
BOOL = Basic("bool", "bool", 1, "B")
STRING = Basic("string", "string", 16, "")
UNTYPED_INT = Basic("untyped int", "untyped_int")
UNTYPED_RUNE = Basic("untyped rune", "untyped_rune")
UNTYPED_FLOAT = Basic("untyped float", "untyped_float")
UNTYPED_BOOL = Basic("untyped bool", "untyped_bool")
UNTYPED_STRING = Basic("untyped string", "untyped_string")
UNTYPED_NIL = Basic("untyped nil", "nil")




class OneWord(Type):
    """A type whose value is one pointer word (pointers, channels, maps, funcs)."""

    size = PTR_SIZE
    align = PTR_SIZE
    fmt = "q"

    def ptr_offsets(self):
        return [0]


@dataclass(eq=False)
class Pointer(OneWord):
    elem: Type

    def __str__(self):
        return f"*{self.elem}"


@dataclass(eq=False)
class Chan(OneWord):
    """A channel value is a pointer to its hchan in the heap."""

    elem: Type
    dir: str = "both"          # "both", "send", "recv"

    def __str__(self):
        prefix = {"both": "chan ", "send": "chan<- ", "recv": "<-chan "}[self.dir]
        return prefix + str(self.elem)


@dataclass(eq=False)
class Slice(Type):
    """A slice header: {array pointer, len, cap}, 24 bytes (runtime/slice.go)."""

    elem: Type
    size = 3 * PTR_SIZE
    align = PTR_SIZE

    def ptr_offsets(self):
        return [0]

    def __str__(self):
        return f"[]{self.elem}"


@dataclass(eq=False)
class Map(OneWord):
    """A map value is a pointer to its hmap in the heap."""

    key: Type
    elem: Type

    def __str__(self):
        return f"map[{self.key}]{self.elem}"


@dataclass(eq=False)
class Interface(Type):
    """An interface value: {type or itab word, data word}, 16 bytes (runtime/iface.go).

    The first word points at a type descriptor or itab in read-only data, never
    into the heap, so only the data word is a pointer for the collector.
    """

    methods: dict = field(default_factory=dict)     # name -> Signature
    size = 2 * PTR_SIZE
    align = PTR_SIZE

    def ptr_offsets(self):
        return [PTR_SIZE]

    def __str__(self):
        if not self.methods:
            return "interface {}"
        inner = "; ".join(f"{n}{str(s)[4:]}" for n, s in sorted(self.methods.items()))
        return f"interface {{ {inner} }}"


@dataclass(eq=False)
class Array(Type):
    elem: Type
    length: int

    @property
    def size(self):
        return self.elem.size * self.length

    @property
    def align(self):
        return self.elem.align

    def ptr_offsets(self):
        inner = self.elem.ptr_offsets()
        if not inner:
            return []
        return [i * self.elem.size + off for i in range(self.length) for off in inner]

    def __str__(self):
        return f"[{self.length}]{self.elem}"


@dataclass(eq=False)
class Field:
    name: str
    type: Type
    offset: int = 0
    embedded: bool = False


@dataclass(eq=False)
class Struct(Type):
    fields: list = field(default_factory=list)
    size: int = 0
    align: int = 1

    def layout(self) -> None:
        offset, align = 0, 1
        for f in self.fields:
            offset = align_up(offset, f.type.align)
            f.offset = offset
            offset += f.type.size
            align = max(align, f.type.align)
        # Go pads a struct ending in a zero-size field; gostack has none of those.
        self.align = align
        self.size = align_up(offset, align)

    def field(self, name: str):
        for f in self.fields:
            if f.name == name:
                return f
        return None

    def ptr_offsets(self):
        return [f.offset + off for f in self.fields for off in f.type.ptr_offsets()]

    def __str__(self):
        if not self.fields:
            return "struct {}"
        inner = "; ".join(str(f.type) if f.embedded else f"{f.name} {f.type}" for f in self.fields)
        return f"struct {{ {inner} }}"


@dataclass(eq=False)
class Named(Type):
    name: str
    underlying: Type = None
    pkg: str = "main"

    @property
    def under(self):
        return self.underlying.under

    @property
    def size(self):
        return self.under.size

    @property
    def align(self):
        return self.under.align

    @property
    def fmt(self):
        return self.under.fmt

    def ptr_offsets(self):
        return self.under.ptr_offsets()

    def is_scalar(self):
        return self.under.is_scalar()

    def __str__(self):
        if not self.name:
            return "?"
        return f"{self.pkg}.{self.name}" if self.pkg else self.name


@dataclass(eq=False)
class Signature(OneWord):
    """A function type; its values are pointers to a funcval {fn pc, captured...}."""

    params: list           # [Type]
    results: list          # [Type]
    variadic: bool = False

    def __str__(self):
        ps = [str(p) for p in self.params]
        if self.variadic and ps:
            ps[-1] = "..." + str(self.params[-1].elem)
        ps = ", ".join(ps)
        rs = ", ".join(map(str, self.results))
        if len(self.results) > 1:
            rs = f"({rs})"
        return f"func({ps}) {rs}".rstrip()


@dataclass(eq=False)
class Tuple(Type):
    types: list

    def __str__(self):
        return "(" + ", ".join(map(str, self.types)) + ")"


@dataclass(eq=False)
class Package(Type):
    name: str


def is_string(t: Type) -> bool:
    u = t.under
    return isinstance(u, Basic) and u.kind in ("string", "untyped_string")


def comparable(t: Type) -> bool:
    """Can values of t be compared with == (and be map keys)?"""
    u = t.under
    if isinstance(u, (Slice, Map, Signature)):
        return False
    if isinstance(u, Array):
        return comparable(u.elem)
    if isinstance(u, Struct):
        return all(comparable(f.type) for f in u.fields)
    return True


def align_up(n: int, a: int) -> int:
    return (n + a - 1) // a * a


def identical(a: Type, b: Type) -> bool:
    if a is b:
        return True
    if isinstance(a, Named) or isinstance(b, Named):
        return False
    if isinstance(a, Pointer) and isinstance(b, Pointer):
        return identical(a.elem, b.elem)
    if isinstance(a, Slice) and isinstance(b, Slice):
        return identical(a.elem, b.elem)
    if isinstance(a, Map) and isinstance(b, Map):
        return identical(a.key, b.key) and identical(a.elem, b.elem)
    if isinstance(a, Signature) and isinstance(b, Signature):
        return (len(a.params) == len(b.params) and len(a.results) == len(b.results)
                and a.variadic == b.variadic
                and all(identical(x, y) for x, y in zip(a.params + a.results, b.params + b.results)))
    if isinstance(a, Interface) and isinstance(b, Interface):
        return a.methods.keys() == b.methods.keys() and all(
            identical(a.methods[n], b.methods[n]) for n in a.methods)
    if isinstance(a, Chan) and isinstance(b, Chan):
        return a.dir == b.dir and identical(a.elem, b.elem)
    if isinstance(a, Array) and isinstance(b, Array):
        return a.length == b.length and identical(a.elem, b.elem)
    if isinstance(a, Struct) and isinstance(b, Struct):
        return len(a.fields) == len(b.fields) and all(
            x.name == y.name and identical(x.type, y.type) for x, y in zip(a.fields, b.fields))
    return False


def wrap_int(value: int, t: Type) -> int:
    """Wrap a Python int to the width and signedness of integer type t."""
    u = t.under
    bits = u.size * 8
    mask = (1 << bits) - 1
    value &= mask
    if u.kind == "int" and value >> (bits - 1):
        value -= 1 << bits
    return value


def int_range(t: Type) -> tuple[int, int]:
    u = t.under
    bits = u.size * 8
    if u.kind == "int":
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


ERROR = Named("error", None, pkg="")
ERROR.underlying = Interface({"Error": Signature([], [STRING])})
ANY = Interface({})

UNIVERSE_TYPES = {
    "error": ERROR, "any": ANY,
    "int": INT, "int8": INT8, "int16": INT16, "int32": INT32, "int64": INT64,
    "uint": UINT, "uint8": UINT8, "uint16": UINT16, "uint32": UINT32, "uint64": UINT64,
    "uintptr": UINTPTR, "byte": UINT8, "rune": INT32, "float64": FLOAT64, "float32": FLOAT32,
    "bool": BOOL, "string": STRING,
}

DEFAULT_TYPE = {"untyped_int": INT, "untyped_rune": INT32, "untyped_float": FLOAT64,
                "untyped_bool": BOOL, "untyped_string": STRING}


# ---------------------------------------------------------------- package-level objects
#
# go/types' Const and TypeName (object.go): the members of a package that are
# neither functions nor variables.  They live with the types, below the
# checker, because the standard library (gostack.stdlib) declares its
# packages' constants and types with them.


@dataclass(eq=False)
class Const:
    name: str
    type: Type
    value: object


@dataclass(eq=False)
class TypeName:
    name: str
    type: Type
