"""constants: constant values, their representability and their folding.

Go counterpart: types2/const.go (representable, overflow) and go/constant.
Constants are Python values: int, Fraction or float for numbers, bool, and
str for strings (decoded with surrogateescape so go_bytes gives back exactly
Go's bytes).  Differences: no arbitrary-precision floats (untyped float
constants are exact Fractions until they meet a typed float).
"""

from __future__ import annotations

from fractions import Fraction

from ...errors import CompileError, Unsupported
from ... import types as T


class Constants:
    """Converting constants to a type and checking that they fit (a Checker mixin)."""

    def convert_const(self, value, src, target, pos, conversion=False):
        tu = target.under
        if not isinstance(tu, T.Basic):
            raise CompileError(pos, f"cannot convert {const_text(value)} (untyped constant) to type {target}")
        if tu.kind == "bool" or tu.kind == "untyped_bool":
            if not isinstance(value, bool):
                raise CompileError(pos, f"cannot convert {const_text(value)} (untyped {src.under.kind[8:] if src.under.is_untyped() else src} constant) to type {target}")
            return value
        if isinstance(value, bool) or isinstance(value, str):
            if tu.kind in ("string", "untyped_string") and isinstance(value, str):
                return value
            kind = "bool" if isinstance(value, bool) else "string"
            raise CompileError(pos, f"cannot use {const_text(value)} (untyped {kind} constant) as {target} value in assignment"
                               if not conversion else f"cannot convert {const_text(value)} (untyped {kind} constant) to type {target}")
        if tu.kind == "string":
            raise Unsupported(pos, "conversion of integers to strings")
        if tu.is_integer():
            if isinstance(value, (float, Fraction)):
                if not is_integral(value):
                    if conversion and not src.under.is_untyped():
                        return T.wrap_int(int(value), tu)
                    raise CompileError(pos, f"cannot use {const_text(value)} (untyped float constant) as {target} value in assignment (truncated)"
                                       if not conversion else f"cannot convert {const_text(value)} (untyped float constant) to type {target} (truncated)")
                value = int(value)
            if conversion and not src.under.is_untyped():
                return T.wrap_int(value, tu)
            return self.fit_const(value, target, pos)
        return float(value)

    def fit_const(self, value, t, pos):
        u = t.under
        if isinstance(u, T.Basic) and u.kind in ("int", "uint") and not isinstance(value, bool):
            lo, hi = T.int_range(u)
            if not lo <= value <= hi:
                raise CompileError(pos, f"cannot use {value} (untyped int constant {value}) as {t} value in "
                                        f"assignment (overflows)" if False else f"constant {value} overflows {t}")
        if isinstance(u, T.Basic) and u.kind == "float" and not isinstance(value, bool):
            value = float(value)
        return value


def is_integral(value) -> bool:
    if isinstance(value, Fraction):
        return value.denominator == 1
    return float(value).is_integer()


def legacy_octal(text: str) -> bool:
    return len(text) > 1 and text[0] == "0" and text[1].isdigit()


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            "\\": "\\", "'": "'", '"': '"'}


def unescape(raw: str, pos) -> str:
    """The bytes of a Go string literal, as a str that round-trips them.

    Go strings are byte sequences: "\xff" is one byte, not U+00FF.  Constants
    are kept as Python str decoded with surrogateescape, so `go_bytes` gives
    back exactly the bytes Go would store.
    """
    out, i = bytearray(), 0
    while i < len(raw):
        ch = raw[i]
        if ch != "\\":
            out += ch.encode()
            i += 1
            continue
        nxt = raw[i + 1]
        if nxt in _ESCAPES:
            out += _ESCAPES[nxt].encode()
            i += 2
        elif nxt == "x":
            out.append(int(raw[i + 2:i + 4], 16))
            i += 4
        elif nxt == "u":
            out += chr(int(raw[i + 2:i + 6], 16)).encode("utf-8", "surrogatepass")
            i += 6
        elif nxt == "U":
            out += chr(int(raw[i + 2:i + 10], 16)).encode("utf-8", "surrogatepass")
            i += 10
        elif nxt in "01234567":
            out.append(int(raw[i + 1:i + 4], 8) & 0xFF)
            i += 4
        else:
            raise CompileError(pos, "unknown escape sequence")
    return go_string(bytes(out))


def go_bytes(s: str) -> bytes:
    """The bytes of a Go string constant (see unescape)."""
    return s.encode("utf-8", "surrogateescape")


def go_string(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def rune_string(n: int) -> str:
    """string(rune): the UTF-8 of n, or U+FFFD when n is not a valid code point."""
    if not (0 <= n <= 0x10FFFF) or 0xD800 <= n <= 0xDFFF:
        n = 0xFFFD
    return chr(n)


def const_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value + '"'
    return str(value)


def compare(op, a, b):
    return {"==": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def fold(op, a, b, t):
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        if t.is_integer() and isinstance(a, int) and isinstance(b, int):
            q = abs(a) // abs(b)
            return q if (a >= 0) == (b >= 0) else -q
        if isinstance(a, float) or isinstance(b, float):
            return a / b
        return Fraction(a) / Fraction(b)
    if op == "%":
        r = abs(a) % abs(b)
        return r if a >= 0 else -r
    if op == "&":
        return a & b
    if op == "|":
        return a | b
    if op == "^":
        return a ^ b
    if op == "&^":
        return a & ~b
    raise ValueError(op)
