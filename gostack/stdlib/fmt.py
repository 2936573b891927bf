"""fmt: the formatting half of Go's fmt package (Sprintf, Sprint, Sprintln, Errorf).

Go counterpart: src/fmt/print.go, src/fmt/format.go and
src/internal/fmtsort, as of Go 1.19.  The output is Go's, byte for byte:
every verb and flag, widths and precisions (also from `*` arguments),
explicit argument indexes, the error forms (%!d(string=hi), %!d(MISSING),
%!(EXTRA ...), %!(BADWIDTH), %!(BADPREC), %!(NOVERB), %!(BADINDEX)), the
Error/String/GoString methods with Go's panic and nil-receiver rules, and
map keys sorted as fmtsort sorts them.  Numbers and quoting come from
gostack/stdlib/strconv.py.

The value model.  The runtime decodes each operand from memory into a
``GoValue`` before calling in; fmt never reads memory itself.

    GoValue(kind, type_name, value, elem_kind=None, methods=None,
            pointee=None, address=0, type_rank=None)

    kind       'bool' 'int' 'int8' 'int16' 'int32' 'int64' 'uint' 'uint8'
               'uint16' 'uint32' 'uint64' 'uintptr' 'float32' 'float64'
               'complex64' 'complex128' 'string' 'ptr' 'struct' 'array'
               'slice' 'map' 'chan' 'func' 'interface' 'unsafeptr'
               (the reflect.Kind of the value's type; a named type has the
               kind of its underlying type)
    type_name  exactly what %T prints: "int", "main.Point", "[]int",
               "map[string]int", "*main.Point", "[3]int", "func(int) string",
               "struct { A int; B string }", "interface {}", "error"
    value      bool / int / float / complex for the basic kinds (ints already
               in their type's range; float32 values already rounded);
               a Go string as bytes;
               ptr, chan, func, unsafeptr: the address as an int (0 = nil);
               array, slice: a list of GoValue (None = nil slice);
               struct: a list of (field name, GoValue) in declaration order,
                 an embedded field named by its type name without package
                 and '*' ("Point" for an embedded *main.Point); fields whose
                 name is not exported are printed without calling methods,
                 as Go's reflect cannot call them;
               map: a list of (key GoValue, value GoValue) in any order
                 (None = nil map); fmt sorts the keys;
               interface: the dynamic GoValue held (None = nil interface).
                 Use this kind for slots of interface type (a []any element,
                 an error field, a map[any]int key): %#v prints a nil one as
                 "error(nil)".  An operand passed to Sprintf is already an
                 interface value: pass its dynamic GoValue, or None (or a
                 nil interface GoValue) for a nil one.
    elem_kind  arrays and slices: the element kind ('uint8' makes %s %q %x %X
               print the bytes as a string, even for an empty or nil slice);
               pointers: the pointee's kind (optional, pointee() is asked
               when missing)
    pointee    pointers: a callable returning the pointed-to GoValue; fmt
               prints &{...} &[...] &map[...] for a non-nil pointer to a
               struct, array, slice or map at the top level only
    address    slices and maps: the data pointer that %p prints
    type_rank  interface map keys: fmtsort orders keys of different dynamic
               types by their type descriptor's address; give that here
               (defaults to type_name, which orders them by name)
    methods    the method set of the value's own type, as a dict with any of
               'Error', 'String', 'GoString' mapped to a callable returning
               bytes.  A callable that runs a Go method which panics raises
               ``GoPanic(value)`` with the panic value as a GoValue; fmt then
               prints "%!v(PANIC=String method: value)" or, for a nil
               pointer receiver, "<nil>" -- the rule of fmt.catchPanic.  A
               panic while printing such a panic value propagates (Go
               re-panics).  Give methods only where the Go method set has
               them: a *T has T's value methods as well, a T not *T's.

Entry points: ``sprintf(format, args)``, ``sprint(args)``,
``sprintln(args)``, all returning bytes, and ``errorf(format, args)``
returning (text, index of the argument %w wrapped or None).

Deliberate differences: fmt.Formatter (a user Format method) is not
modelled, nor reflect.Value operands; map keys of different dynamic types
in one interface-keyed map are ordered by type_rank, which the runtime may
not know as Go's linker would (Go's order there depends on addresses).
"""

from __future__ import annotations

import functools
import math
from typing import Callable

from . import strconv

_UINT64 = (1 << 64) - 1
_TOO_LARGE = 1_000_000          # fmt's tooLarge: widths/precisions beyond ±1e6 are bad
_MAX_RUNE = 0x10FFFF
_LDIGITS = b"0123456789abcdefx"
_UDIGITS = b"0123456789ABCDEFX"

_SIGNED = frozenset(("int", "int8", "int16", "int32", "int64"))
_UNSIGNED = frozenset(("uint", "uint8", "uint16", "uint32", "uint64", "uintptr"))
_POINTER_KINDS = frozenset(("ptr", "chan", "func", "map", "slice", "unsafeptr"))


class GoValue:
    """One Go value, decoded by the runtime (see the module comment)."""

    __slots__ = ("kind", "type_name", "value", "elem_kind", "methods", "pointee",
                 "address", "type_rank")

    def __init__(self, kind: str, type_name: str, value=None, elem_kind: str | None = None,
                 methods: dict[str, Callable[[], bytes]] | None = None,
                 pointee: Callable[[], "GoValue"] | None = None, address: int = 0,
                 type_rank=None) -> None:
        self.kind = kind
        self.type_name = type_name
        self.value = value
        self.elem_kind = elem_kind
        self.methods = methods or {}
        self.pointee = pointee
        self.address = address
        self.type_rank = type_rank

    def __repr__(self) -> str:
        return f"GoValue({self.kind!r}, {self.type_name!r}, {self.value!r})"


class GoPanic(Exception):
    """A Go method called by fmt panicked with ``value`` (a GoValue)."""

    def __init__(self, value: GoValue | None) -> None:
        super().__init__(value)
        self.value = value


def _unwrap(arg: GoValue | None) -> GoValue | None:
    """Converting to `any` keeps only the dynamic value of an interface."""
    while arg is not None and arg.kind == "interface":
        arg = arg.value
    return arg


def _is_exported(name: str) -> bool:
    return bool(name) and name[0].isupper()


_PREDECLARED = _SIGNED | _UNSIGNED | {"bool", "float32", "float64", "complex64",
                                      "complex128", "string"}


def _is_predeclared(v: GoValue) -> bool:
    """An operand of a predeclared type (or []byte): Printf's fast path."""
    if v.kind in _PREDECLARED:
        return v.type_name == v.kind
    return v.kind == "slice" and v.type_name == "[]uint8"


def _pointer_of(v: GoValue) -> int:
    """reflect.Value.Pointer for the kinds that have one."""
    if v.kind in ("slice", "map"):
        return v.address if v.value is not None else 0
    return v.value or 0


class _Flags:
    __slots__ = ("wid_present", "prec_present", "minus", "plus", "sharp", "space",
                 "zero", "plus_v", "sharp_v", "wid", "prec")

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self.wid_present = self.prec_present = False
        self.minus = self.plus = self.sharp = self.space = self.zero = False
        self.plus_v = self.sharp_v = False
        self.wid = self.prec = 0

    def save(self) -> tuple:
        return tuple(getattr(self, s) for s in self.__slots__)

    def restore(self, saved: tuple) -> None:
        for name, val in zip(self.__slots__, saved):
            setattr(self, name, val)


class _Printer:
    """Go's pp: the output buffer, the flags of the current verb and its state."""

    def __init__(self) -> None:
        self.buf = bytearray()
        self.f = _Flags()
        self.arg: GoValue | None = None         # operand being printed at depth 0
        self.arg_index: int | None = None
        self.value: GoValue | None = None       # value being printed by print_value
        self.erroring = False                   # inside a %!verb(...) report: no methods
        self.panicking = False                  # printing a method's panic value
        self.wrap_errs = False                  # Errorf: %w allowed
        self.wrapped: int | None = None         # index of the operand %w named
        self.reordered = False
        self.good_arg_num = True

    # ------------------------------------------------------------ padding (format.go)

    def write_padding(self, n: int) -> None:
        if n > 0:
            self.buf += (b"0" if self.f.zero else b" ") * n

    def pad(self, b: bytes) -> None:
        f = self.f
        if not f.wid_present or f.wid == 0:
            self.buf += b
            return
        width = f.wid - strconv.rune_count(b)
        if not f.minus:
            self.write_padding(width)
            self.buf += b
        else:
            self.buf += b
            self.write_padding(width)

    def pad_nozero(self, b: bytes) -> None:
        old = self.f.zero
        self.f.zero = False
        self.pad(b)
        self.f.zero = old

    # ------------------------------------------------------------ leaves (format.go)

    def fmt_boolean(self, v: bool) -> None:
        self.pad(b"true" if v else b"false")

    def fmt_unicode(self, u: int) -> None:
        f = self.f
        prec = 4
        if f.prec_present and f.prec > 4:
            prec = f.prec
        digits = b"%X" % u
        out = b"U+" + b"0" * max(0, prec - len(digits)) + digits
        if f.sharp and u <= _MAX_RUNE and strconv.is_print(u):
            out += b" '" + strconv.encode_rune(u) + b"'"
        self.pad_nozero(out)

    def fmt_integer(self, u: int, base: int, signed: bool, verb: str, digits: bytes) -> None:
        f = self.f
        u &= _UINT64
        negative = signed and u >> 63 == 1
        if negative:
            u = (1 << 64) - u
        prec = 0
        if f.prec_present:
            prec = f.prec
            if prec == 0 and u == 0:             # %.0d of 0 prints nothing but padding
                old = f.zero
                f.zero = False
                self.write_padding(f.wid)
                f.zero = old
                return
        elif f.zero and f.wid_present:
            prec = f.wid
            if negative or f.plus or f.space:
                prec -= 1                        # room for the sign
        out = bytearray()
        while True:
            u, d = divmod(u, base)
            out.append(digits[d])
            if u == 0:
                break
        out.reverse()
        if len(out) < prec:
            out[0:0] = b"0" * (prec - len(out))
        if f.sharp:
            if base == 2:
                out[0:0] = b"0b"
            elif base == 8:
                if out[0] != ord("0"):
                    out[0:0] = b"0"
            elif base == 16:
                out[0:0] = b"0" + digits[16:17]
        if verb == "O":
            out[0:0] = b"0o"
        if negative:
            out[0:0] = b"-"
        elif f.plus:
            out[0:0] = b"+"
        elif f.space:
            out[0:0] = b" "
        self.pad_nozero(bytes(out))

    def truncate(self, s: bytes) -> bytes:
        """Cut s to the precision, counted in runes (invalid bytes count one each)."""
        if not self.f.prec_present:
            return s
        n = self.f.prec
        i = 0
        while i < len(s):
            n -= 1
            if n < 0:
                return s[:i]
            i += 1 if s[i] < 0x80 else strconv.decode_rune(s, i)[1]
        return s

    def fmt_s(self, s: bytes) -> None:
        self.pad(self.truncate(s))

    def fmt_sbx(self, s: bytes, digits: bytes) -> None:
        f = self.f
        length = len(s)
        if f.prec_present and f.prec < length:
            length = f.prec
        width = 2 * length
        if width > 0:
            if f.space:
                if f.sharp:
                    width *= 2
                width += length - 1
            elif f.sharp:
                width += 2
        else:
            if f.wid_present:
                self.write_padding(f.wid)
            return
        if f.wid_present and f.wid > width and not f.minus:
            self.write_padding(f.wid - width)
        prefix = b"0" + digits[16:17]
        if f.sharp:
            self.buf += prefix
        for i in range(length):
            if f.space and i > 0:
                self.buf += b" "
                if f.sharp:
                    self.buf += prefix
            c = s[i]
            self.buf.append(digits[c >> 4])
            self.buf.append(digits[c & 15])
        if f.wid_present and f.wid > width and f.minus:
            self.write_padding(f.wid - width)

    def fmt_q(self, s: bytes) -> None:
        s = self.truncate(s)
        if self.f.sharp and strconv.can_backquote(s):
            self.pad(b"`" + s + b"`")
            return
        self.pad(strconv.quote_to_ascii(s) if self.f.plus else strconv.quote(s))

    def fmt_c(self, c: int) -> None:
        r = c if c <= _MAX_RUNE else 0xFFFD
        self.pad(strconv.encode_rune(r))

    def fmt_qc(self, c: int) -> None:
        r = c if c <= _MAX_RUNE else 0xFFFD
        self.pad(strconv.quote_rune_to_ascii(r) if self.f.plus else strconv.quote_rune(r))

    def fmt_float(self, v: float, size: int, verb: str, prec: int) -> None:
        f = self.f
        if f.prec_present:
            prec = f.prec
        num = bytearray(strconv.format_float(v, verb, prec, size))
        if num[0] in b"+-":
            pass
        else:
            num[0:0] = b"+"
        if f.space and num[0] == ord("+") and not f.plus:
            num[0] = ord(" ")
        if num[1] in b"IN":                      # Inf and NaN are never zero padded
            if num[1] == ord("N") and not f.space and not f.plus:
                del num[0]
            self.pad_nozero(bytes(num))
            return
        if f.sharp and verb != "b":
            self._keep_point_and_zeros(num, verb, prec)
        if f.plus or num[0] != ord("+"):
            if f.zero and f.wid_present and f.wid > len(num):
                self.buf.append(num[0])          # sign before the zero padding
                self.write_padding(f.wid - len(num))
                self.buf += num[1:]
                return
            self.pad(bytes(num))
            return
        self.pad(bytes(num[1:]))

    @staticmethod
    def _keep_point_and_zeros(num: bytearray, verb: str, prec: int) -> None:
        """%#g and friends: always a decimal point; %#g keeps trailing zeros."""
        digits = 0
        if verb in ("v", "g", "G", "x"):
            digits = 6 if prec == -1 else prec
        tail = b""
        has_point = False
        saw_nonzero = False
        i = 1
        while i < len(num):
            c = num[i]
            if c == ord("."):
                has_point = True
            elif c in b"pP" or (c in b"eE" and verb not in ("x", "X")):
                tail = bytes(num[i:])
                del num[i:]
                break
            else:
                if c != ord("0"):
                    saw_nonzero = True
                if saw_nonzero:
                    digits -= 1
            i += 1
        if not has_point:
            if len(num) == 2 and num[1] == ord("0"):
                digits -= 1                      # a lone leading 0 counts once
            num.append(ord("."))
        if digits > 0:
            num += b"0" * digits
        num += tail

    # ------------------------------------------------------------ by type (print.go)

    def bad_verb(self, verb: str) -> None:
        self.erroring = True
        self.buf += b"%!" + verb.encode("utf-8", "surrogatepass") + b"("
        target = self.arg if self.arg is not None else self.value
        if target is not None:
            self.buf += target.type_name.encode() + b"="
            self.print_value(target, "v", 0, True)
        else:
            self.buf += b"<nil>"
        self.buf += b")"
        self.erroring = False

    def fmt_bool(self, v: bool, verb: str) -> None:
        if verb in ("t", "v"):
            self.fmt_boolean(v)
        else:
            self.bad_verb(verb)

    def fmt_0x64(self, v: int, leading0x: bool) -> None:
        sharp = self.f.sharp
        self.f.sharp = leading0x
        self.fmt_integer(v, 16, False, "v", _LDIGITS)
        self.f.sharp = sharp

    def fmt_int(self, v: int, signed: bool, verb: str) -> None:
        if verb == "v":
            if self.f.sharp_v and not signed:
                self.fmt_0x64(v, True)
            else:
                self.fmt_integer(v, 10, signed, verb, _LDIGITS)
        elif verb == "d":
            self.fmt_integer(v, 10, signed, verb, _LDIGITS)
        elif verb == "b":
            self.fmt_integer(v, 2, signed, verb, _LDIGITS)
        elif verb in ("o", "O"):
            self.fmt_integer(v, 8, signed, verb, _LDIGITS)
        elif verb == "x":
            self.fmt_integer(v, 16, signed, verb, _LDIGITS)
        elif verb == "X":
            self.fmt_integer(v, 16, signed, verb, _UDIGITS)
        elif verb == "c":
            self.fmt_c(v & _UINT64)
        elif verb == "q":
            self.fmt_qc(v & _UINT64)
        elif verb == "U":
            self.fmt_unicode(v & _UINT64)
        else:
            self.bad_verb(verb)

    def fmt_float_verb(self, v: float, size: int, verb: str) -> None:
        if verb == "v":
            self.fmt_float(v, size, "g", -1)
        elif verb in ("b", "g", "G", "x", "X"):
            self.fmt_float(v, size, verb, -1)
        elif verb in ("f", "e", "E"):
            self.fmt_float(v, size, verb, 6)
        elif verb == "F":
            self.fmt_float(v, size, "f", 6)
        else:
            self.bad_verb(verb)

    def fmt_complex(self, v: complex, size: int, verb: str) -> None:
        if verb not in ("v", "b", "g", "G", "x", "X", "f", "F", "e", "E"):
            self.bad_verb(verb)
            return
        old_plus = self.f.plus
        self.buf += b"("
        self.fmt_float_verb(v.real, size // 2, verb)
        self.f.plus = True                       # the imaginary part always has a sign
        self.fmt_float_verb(v.imag, size // 2, verb)
        self.buf += b"i)"
        self.f.plus = old_plus

    def fmt_string(self, v: bytes, verb: str) -> None:
        if verb == "v":
            if self.f.sharp_v:
                self.fmt_q(v)
            else:
                self.fmt_s(v)
        elif verb == "s":
            self.fmt_s(v)
        elif verb == "x":
            self.fmt_sbx(v, _LDIGITS)
        elif verb == "X":
            self.fmt_sbx(v, _UDIGITS)
        elif verb == "q":
            self.fmt_q(v)
        else:
            self.bad_verb(verb)

    def fmt_bytes(self, v: bytes | None, verb: str) -> None:
        """[]byte and [N]byte for %s %q %x %X (other verbs go element by element)."""
        data = v or b""
        if verb == "s":
            self.fmt_s(data)
        elif verb == "x":
            self.fmt_sbx(data, _LDIGITS)
        elif verb == "X":
            self.fmt_sbx(data, _UDIGITS)
        else:
            self.fmt_q(data)

    def fmt_pointer(self, value: GoValue, verb: str) -> None:
        if value.kind not in _POINTER_KINDS:
            self.bad_verb(verb)
            return
        u = _pointer_of(value)
        if verb == "v":
            if self.f.sharp_v:
                self.buf += b"(" + value.type_name.encode() + b")("
                if u == 0:
                    self.buf += b"nil"
                else:
                    self.fmt_0x64(u, True)
                self.buf += b")"
            elif u == 0:
                self.pad(b"<nil>")
            else:
                self.fmt_0x64(u, not self.f.sharp)
        elif verb == "p":
            self.fmt_0x64(u, not self.f.sharp)
        elif verb in ("b", "o", "d", "x", "X"):
            self.fmt_int(u, False, verb)
        else:
            self.bad_verb(verb)

    # ------------------------------------------------------------ methods

    def catch_panic(self, arg: GoValue, verb: str, method: str, exc: GoPanic) -> None:
        if arg.kind == "ptr" and not arg.value:
            # A nil pointer receiver: most likely a value method reached
            # through a nil pointer; Go prints <nil> for it.
            self.buf += b"<nil>"
            return
        if exc.value is None:
            return                               # panic(nil): recover() sees nil in Go 1.19
        if self.panicking:
            raise exc                            # nested panic: Go re-panics
        saved = self.f.save()
        self.f.clear()
        self.buf += b"%!" + verb.encode("utf-8", "surrogatepass") + b"(PANIC="
        self.buf += method.encode() + b" method: "
        self.panicking = True
        try:
            self.print_arg(exc.value, "v")
        finally:
            self.panicking = False
        self.buf += b")"
        self.f.restore(saved)

    def call_method(self, arg: GoValue, verb: str, method: str, then) -> None:
        try:
            text = arg.methods[method]()
        except GoPanic as exc:
            self.catch_panic(arg, verb, method, exc)
            return
        then(bytes(text))

    def handle_methods(self, arg: GoValue, verb: str) -> bool:
        if self.erroring:
            return False
        if verb == "w":
            if "Error" not in arg.methods or not self.wrap_errs or self.wrapped is not None:
                self.wrapped = None
                self.wrap_errs = False
                self.bad_verb(verb)
                return True
            self.wrapped = self.arg_index
            verb = "v"
        if self.f.sharp_v:
            if "GoString" in arg.methods:
                self.call_method(arg, verb, "GoString", self.fmt_s)
                return True
            return False
        if verb in ("v", "s", "x", "X", "q"):
            for method in ("Error", "String"):
                if method in arg.methods:
                    self.call_method(arg, verb, method, lambda s: self.fmt_string(s, verb))
                    return True
        return False

    # ------------------------------------------------------------ operands

    def print_arg(self, arg: GoValue | None, verb: str) -> None:
        arg = _unwrap(arg)
        self.arg = arg
        self.value = None
        if arg is None:
            if verb in ("T", "v"):
                self.pad(b"<nil>")
            else:
                self.bad_verb(verb)
            return
        if verb == "T":
            self.fmt_s(arg.type_name.encode())
            return
        if verb == "p":
            self.fmt_pointer(arg, "p")
            return
        if _is_predeclared(arg):
            # Go's type switch serves these without looking for methods
            # (they have none), so %w on them leaves Errorf's state alone.
            if arg.kind == "slice" and verb in ("v", "d") and self.f.sharp_v:
                self.print_list(arg, verb, 0, True, type_name="[]byte")
                return
        elif self.handle_methods(arg, verb):
            return
        self.print_value(arg, verb, 0, True)

    def print_value(self, value: GoValue | None, verb: str, depth: int, can_iface: bool) -> None:
        """printValue: depth > 0 inside composites, where methods are looked up again."""
        if value is not None and value.kind == "interface" and value.value is not None:
            value = value.value                  # the dynamic value inside
        if depth > 0 and value is not None and can_iface and value.methods:
            self.arg = value
            if self.handle_methods(value, verb):
                return
        self.arg = None
        self.value = value
        if value is None:
            if depth == 0:
                self.buf += b"<invalid reflect.Value>"
            elif verb == "v":
                self.buf += b"<nil>"
            else:
                self.bad_verb(verb)
            return
        kind = value.kind
        v = value.value
        if kind == "bool":
            self.fmt_bool(bool(v), verb)
        elif kind in _SIGNED:
            self.fmt_int(v, True, verb)
        elif kind in _UNSIGNED:
            self.fmt_int(v, False, verb)
        elif kind == "float32":
            self.fmt_float_verb(v, 32, verb)
        elif kind == "float64":
            self.fmt_float_verb(v, 64, verb)
        elif kind == "complex64":
            self.fmt_complex(complex(v), 64, verb)
        elif kind == "complex128":
            self.fmt_complex(complex(v), 128, verb)
        elif kind == "string":
            self.fmt_string(bytes(v), verb)
        elif kind == "map":
            self.print_map(value, verb, depth, can_iface)
        elif kind == "struct":
            self.print_struct(value, verb, depth, can_iface)
        elif kind == "interface":                # a nil interface (non-nil unwrapped above)
            if self.f.sharp_v:
                self.buf += value.type_name.encode() + b"(nil)"
            else:
                self.buf += b"<nil>"
        elif kind in ("array", "slice"):
            self.print_list(value, verb, depth, can_iface)
        elif kind == "ptr":
            if depth == 0 and v:
                target = value.pointee() if value.pointee is not None else None
                if target is not None and target.kind in ("array", "slice", "struct", "map"):
                    self.buf += b"&"
                    self.print_value(target, verb, depth + 1, can_iface)
                    return
            self.fmt_pointer(value, verb)
        elif kind in ("chan", "func", "unsafeptr"):
            self.fmt_pointer(value, verb)
        else:
            self.buf += b"?" + value.type_name.encode() + b"?"

    def print_map(self, value: GoValue, verb: str, depth: int, can_iface: bool) -> None:
        sharp_v = self.f.sharp_v
        if sharp_v:
            self.buf += value.type_name.encode()
            if value.value is None:
                self.buf += b"(nil)"
                return
            self.buf += b"{"
        else:
            self.buf += b"map["
        for i, (k, v) in enumerate(sort_map_entries(value.value or [])):
            if i > 0:
                self.buf += b", " if sharp_v else b" "
            self.print_value(k, verb, depth + 1, can_iface)
            self.buf += b":"
            self.print_value(v, verb, depth + 1, can_iface)
        self.buf += b"}" if sharp_v else b"]"

    def print_struct(self, value: GoValue, verb: str, depth: int, can_iface: bool) -> None:
        sharp_v = self.f.sharp_v
        if sharp_v:
            self.buf += value.type_name.encode()
        self.buf += b"{"
        for i, (name, field) in enumerate(value.value or []):
            if i > 0:
                self.buf += b", " if sharp_v else b" "
            if (self.f.plus_v or sharp_v) and name:
                self.buf += name.encode() + b":"
            self.print_value(field, verb, depth + 1, can_iface and _is_exported(name))
        self.buf += b"}"

    def print_list(self, value: GoValue, verb: str, depth: int, can_iface: bool,
                   type_name: str | None = None) -> None:
        """Arrays and slices; type_name overrides the %#v name ("[]byte" at depth 0)."""
        items = value.value
        if verb in ("s", "q", "x", "X") and value.elem_kind == "uint8":
            data = None if items is None else bytes(e.value & 0xFF for e in items)
            self.fmt_bytes(data, verb)
            return
        if self.f.sharp_v:
            self.buf += (type_name or value.type_name).encode()
            if value.kind == "slice" and items is None:
                self.buf += b"(nil)"
                return
            self.buf += b"{"
            for i, item in enumerate(items):
                if i > 0:
                    self.buf += b", "
                self.print_value(item, verb, depth + 1, can_iface)
            self.buf += b"}"
        else:
            self.buf += b"["
            for i, item in enumerate(items or []):
                if i > 0:
                    self.buf += b" "
                self.print_value(item, verb, depth + 1, can_iface)
            self.buf += b"]"

    # ------------------------------------------------------------ Printf

    def int_from_arg(self, args: list, arg_num: int) -> tuple[int, bool, int]:
        num, is_int = 0, False
        if arg_num < len(args):
            a = _unwrap(args[arg_num])
            if a is not None and a.kind in _SIGNED:
                num, is_int = a.value, True
            elif a is not None and a.kind in _UNSIGNED and a.value < (1 << 63):
                num, is_int = a.value, True
            arg_num += 1
            if num > _TOO_LARGE or num < -_TOO_LARGE:
                num, is_int = 0, False
        return num, is_int, arg_num

    def arg_number(self, arg_num: int, fmt: bytes, i: int, num_args: int) -> tuple[int, int, bool]:
        if len(fmt) <= i or fmt[i] != ord("["):
            return arg_num, i, False
        self.reordered = True
        index, wid, ok = _parse_arg_number(fmt[i:])
        if ok and 0 <= index < num_args:
            return index, i + wid, True
        self.good_arg_num = False
        return arg_num, i + wid, ok

    def do_printf(self, fmt: bytes, args: list) -> None:
        """doPrintf: copy the text, and format one operand per verb."""
        end = len(fmt)
        arg_num = 0
        self.reordered = False
        i = 0
        while i < end:
            self.good_arg_num = True
            last = i
            while i < end and fmt[i] != ord("%"):
                i += 1
            if i > last:
                self.buf += fmt[last:i]
            if i >= end:
                break
            self.f.clear()
            i = self.parse_flags(fmt, i + 1)
            arg_num, i, after_index = self.arg_number(arg_num, fmt, i, len(args))
            arg_num, i, after_index = self.parse_width(fmt, i, args, arg_num, after_index)
            arg_num, i, after_index = self.parse_precision(fmt, i, args, arg_num, after_index)
            if not after_index:
                arg_num, i, after_index = self.arg_number(arg_num, fmt, i, len(args))
            if i >= end:
                self.buf += b"%!(NOVERB)"
                break
            verb, i = _read_verb(fmt, i)
            arg_num = self.do_verb(verb, args, arg_num)
        if not self.reordered and arg_num < len(args):
            self.print_extra(args, arg_num)

    def parse_flags(self, fmt: bytes, i: int) -> int:
        f = self.f
        while i < len(fmt):
            c = fmt[i]
            if c == ord("#"):
                f.sharp = True
            elif c == ord("0"):
                f.zero = not f.minus             # only pad with zeros on the left
            elif c == ord("+"):
                f.plus = True
            elif c == ord("-"):
                f.minus = True
                f.zero = False
            elif c == ord(" "):
                f.space = True
            else:
                break
            i += 1
        return i

    def parse_width(self, fmt: bytes, i: int, args: list, arg_num: int,
                    after_index: bool) -> tuple[int, int, bool]:
        f = self.f
        if i < len(fmt) and fmt[i] == ord("*"):  # width from an operand
            f.wid, f.wid_present, arg_num = self.int_from_arg(args, arg_num)
            if not f.wid_present:
                self.buf += b"%!(BADWIDTH)"
            if f.wid < 0:                        # a negative width means '-'
                f.wid = -f.wid
                f.minus = True
                f.zero = False
            return arg_num, i + 1, False
        f.wid, f.wid_present, i = _parse_num(fmt, i, len(fmt))
        if after_index and f.wid_present:        # "%[3]2d"
            self.good_arg_num = False
        return arg_num, i, after_index

    def parse_precision(self, fmt: bytes, i: int, args: list, arg_num: int,
                        after_index: bool) -> tuple[int, int, bool]:
        f = self.f
        if not (i + 1 < len(fmt) and fmt[i] == ord(".")):
            return arg_num, i, after_index
        i += 1
        if after_index:                          # "%[3].2d"
            self.good_arg_num = False
        arg_num, i, after_index = self.arg_number(arg_num, fmt, i, len(args))
        if i < len(fmt) and fmt[i] == ord("*"):
            f.prec, f.prec_present, arg_num = self.int_from_arg(args, arg_num)
            if f.prec < 0:                       # a negative precision means none
                f.prec, f.prec_present = 0, False
            if not f.prec_present:
                self.buf += b"%!(BADPREC)"
            return arg_num, i + 1, False
        f.prec, f.prec_present, i = _parse_num(fmt, i, len(fmt))
        if not f.prec_present:                   # "%.d" is precision 0
            f.prec, f.prec_present = 0, True
        return arg_num, i, after_index

    def do_verb(self, verb: str, args: list, arg_num: int) -> int:
        f = self.f
        if verb == "%":                          # takes no operand, ignores width
            self.buf += b"%"
        elif not self.good_arg_num:
            self.buf += b"%!" + verb.encode() + b"(BADINDEX)"
        elif arg_num >= len(args):
            self.buf += b"%!" + verb.encode() + b"(MISSING)"
        else:
            if verb == "v":                      # %#v and %+v are verbs of their own
                f.sharp_v, f.sharp = f.sharp, False
                f.plus_v, f.plus = f.plus, False
            self.arg_index = arg_num
            self.print_arg(args[arg_num], verb)
            arg_num += 1
        return arg_num

    def print_extra(self, args: list, arg_num: int) -> None:
        """%!(EXTRA type=value, ...) for operands no verb used."""
        self.f.clear()
        self.buf += b"%!(EXTRA "
        for k, arg in enumerate(args[arg_num:]):
            if k > 0:
                self.buf += b", "
            arg = _unwrap(arg)
            if arg is None:
                self.buf += b"<nil>"
            else:
                self.buf += arg.type_name.encode() + b"="
                self.arg_index = arg_num + k
                self.print_arg(arg, "v")
        self.buf += b")"


def _read_verb(fmt: bytes, i: int) -> tuple[str, int]:
    """The verb rune at fmt[i] (invalid UTF-8 reads as U+FFFD) and the next index."""
    if fmt[i] < 0x80:
        return chr(fmt[i]), i + 1
    r, size = strconv.decode_rune(fmt, i)
    return chr(r), i + size


def _parse_num(s: bytes, start: int, end: int) -> tuple[int, bool, int]:
    """parsenum: (number, present, next index); a huge number eats the rest."""
    if start >= end:
        return 0, False, end
    num, isnum = 0, False
    i = start
    while i < end and ord("0") <= s[i] <= ord("9"):
        if num > _TOO_LARGE or num < -_TOO_LARGE:
            return 0, False, end
        num = num * 10 + s[i] - ord("0")
        isnum = True
        i += 1
    return num, isnum, i


def _parse_arg_number(s: bytes) -> tuple[int, int, bool]:
    """[n] at the start of s: (n - 1, bytes consumed, ok)."""
    if len(s) < 3:
        return 0, 1, False
    for i in range(1, len(s)):
        if s[i] == ord("]"):
            width, ok, newi = _parse_num(s, 1, i)
            if not ok or newi != i:
                return 0, i + 1, False
            return width - 1, i + 1, True
    return 0, 1, False


# ---------------------------------------------------------------- fmtsort

def _float_compare(a: float, b: float) -> int:
    if math.isnan(a):
        return -1
    if math.isnan(b):
        return 1
    return (a > b) - (a < b)


def compare_keys(a: GoValue | None, b: GoValue | None) -> int:
    """internal/fmtsort.compare: -1, 0 or 1; values of different types give -1."""
    if a is None or b is None or a.type_name != b.type_name:
        return -1
    kind = a.kind
    if kind in _SIGNED or kind in _UNSIGNED or kind == "string":
        return (a.value > b.value) - (a.value < b.value)
    if kind in ("float32", "float64"):
        return _float_compare(a.value, b.value)
    if kind in ("complex64", "complex128"):
        c = _float_compare(complex(a.value).real, complex(b.value).real)
        return c if c else _float_compare(complex(a.value).imag, complex(b.value).imag)
    if kind == "bool":
        return (bool(a.value) > bool(b.value)) - (bool(a.value) < bool(b.value))
    if kind in ("ptr", "unsafeptr", "chan"):
        x, y = a.value or 0, b.value or 0
        return (x > y) - (x < y)
    if kind == "struct":
        for (_, fa), (_, fb) in zip(a.value, b.value):
            c = compare_keys(fa, fb)
            if c:
                return c
        return 0
    if kind == "array":
        for ea, eb in zip(a.value, b.value):
            c = compare_keys(ea, eb)
            if c:
                return c
        return 0
    if kind == "interface":
        x, y = a.value, b.value
        if x is None or y is None:
            return (x is not None) - (y is not None)
        ra = x.type_rank if x.type_rank is not None else x.type_name
        rb = y.type_rank if y.type_rank is not None else y.type_name
        if ra != rb:
            return -1 if ra < rb else 1
        return compare_keys(x, y)
    return -1


def sort_map_entries(entries: list) -> list:
    """fmtsort.Sort: the (key, value) pairs in Go's printing order (stable)."""
    return sorted(entries, key=functools.cmp_to_key(lambda p, q: compare_keys(p[0], q[0])))


# ---------------------------------------------------------------- entry points

def _as_bytes(s) -> bytes:
    return s.encode("utf-8") if isinstance(s, str) else bytes(s)


def sprintf(format, args: list) -> bytes:
    """fmt.Sprintf."""
    p = _Printer()
    p.do_printf(_as_bytes(format), list(args))
    return bytes(p.buf)


def errorf(format, args: list) -> tuple[bytes, int | None]:
    """fmt.Errorf's text and the index of the operand its %w wrapped (or None)."""
    p = _Printer()
    p.wrap_errs = True
    p.do_printf(_as_bytes(format), list(args))
    return bytes(p.buf), p.wrapped


def sprint(args: list) -> bytes:
    """fmt.Sprint: a space between operands when neither side is a string."""
    p = _Printer()
    prev_string = False
    for i, arg in enumerate(args):
        a = _unwrap(arg)
        is_string = a is not None and a.kind == "string"
        if i > 0 and not is_string and not prev_string:
            p.buf += b" "
        p.arg_index = i
        p.print_arg(arg, "v")
        prev_string = is_string
    return bytes(p.buf)


def sprintln(args: list) -> bytes:
    """fmt.Sprintln: spaces between all operands and a final newline."""
    p = _Printer()
    for i, arg in enumerate(args):
        if i > 0:
            p.buf += b" "
        p.arg_index = i
        p.print_arg(arg, "v")
    p.buf += b"\n"
    return bytes(p.buf)
