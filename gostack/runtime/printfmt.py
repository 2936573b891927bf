"""printfmt: the text of Go's builtin print and println.

Go counterpart: src/runtime/print.go (printbool, printint, printuint,
printfloat, printpointer, printstring), as of Go 1.19.  The executor turns
each operand of `print`/`println` into text with one of the `format_*`
functions below and joins them with `print_text` or `println_text`; the
runtime writes the result to the goroutine's stderr, as Go does.

Floats are the only subtle case.  Go's runtime does not use strconv: it
prints seven significant digits as `+d.dddddde+ddd` by plain float64
arithmetic, and the rounding that arithmetic does is part of the output
(`println(9.9999995)` does not print what a correctly rounded formatter
would).  `format_float` therefore repeats Go's steps one by one on Python
floats, which are the same IEEE doubles, so the text is bit-identical:

1. normalize: divide by 10 while v >= 10, multiply by 10 while v < 1,
   counting the decimal exponent;
2. round: add 5 * 10**-7, computed as Go computes it, by seven divisions
   of 5.0 by 10 (one ulp above the literal 5e-7; in [1, 10) that ulp never
   changes the sum's rounding, but we keep Go's steps); renormalize once if
   the sum reached 10;
3. take seven digits, each by truncating v, subtracting the digit and
   multiplying the rest by 10.

Deliberate difference: none in the text.  Operands arrive as Python values
(int, bool, float, str), so the callers choose the function by the Go type:
a uint64 must go to `format_uint` and a pointer to `format_pointer`.
"""

from __future__ import annotations

import math

FLOAT_DIGITS = 7            # printfloat's n: significant digits printed
_UINT64_MASK = (1 << 64) - 1


def _rounding_term() -> float:
    """5 * 10**-FLOAT_DIGITS, computed as Go computes it (not the literal)."""
    h = 5.0
    for _ in range(FLOAT_DIGITS):
        h /= 10
    return h


_ROUND = _rounding_term()


def format_bool(v: bool) -> str:
    return "true" if v else "false"


def format_int(v: int) -> str:
    """A signed integer of any width, in decimal."""
    return str(int(v))


def format_uint(v: int) -> str:
    """An unsigned integer (up to uint64), in decimal."""
    return str(int(v) & _UINT64_MASK)


def format_pointer(v: int | None) -> str:
    """A pointer, uintptr or unsafe.Pointer: 0x and lowercase hex; nil is 0x0."""
    return f"0x{(v or 0) & _UINT64_MASK:x}"


def format_string(s: str) -> str:
    """Strings print as they are, with no quoting or escaping."""
    return s


def format_float(v: float) -> str:
    """A float64 as Go's println prints it: NaN, +Inf, -Inf or +d.dddddde+ddd."""
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "+Inf" if v > 0 else "-Inf"
    sign = "-" if math.copysign(1.0, v) < 0 else "+"
    v = abs(v)
    exp = 0
    if v != 0:
        while v >= 10:
            exp += 1
            v /= 10
        while v < 1:
            exp -= 1
            v *= 10
        v += _ROUND
        if v >= 10:
            exp += 1
            v /= 10
    digits = []
    for _ in range(FLOAT_DIGITS):
        d = int(v)
        digits.append(chr(ord("0") + d))
        v = (v - d) * 10
    exp_sign = "-" if exp < 0 else "+"
    return f"{sign}{digits[0]}.{''.join(digits[1:])}e{exp_sign}{abs(exp):03d}"


def print_text(parts: list[str]) -> str:
    """print(a, b, ...): the operands' texts with nothing between them."""
    return "".join(parts)


def println_text(parts: list[str]) -> str:
    """println(a, b, ...): the operands' texts separated by spaces, then a newline."""
    return " ".join(parts) + "\n"
