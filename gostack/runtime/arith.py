"""arith: the integer and floating-point operations a block cannot write inline.

Go counterpart: what amd64 instructions do for compiled Go (IDIVQ, SHLQ,
CVTTSD2SQ, CVTSD2SS, wraparound in a 64-bit register), with the runtime's
checks around them: panicdivide (runtime/panic.go), panicshift, and Go's
rule that a float-to-int conversion out of range gives an unspecified value
(gostack gives amd64's 0x8000... for signed results, 0 for unsigned).

Blocks compute on Python ints; these keep each result what the machine
would have.  The compiler also uses round_float32 to fold float32 constants.
"""

from __future__ import annotations

import struct

from . import panic as P

MASK64 = (1 << 64) - 1


def wrap64(v):
    """v in a 64-bit register, read as signed (two's complement wraparound)."""
    v &= MASK64
    return v - (1 << 64) if v >> 63 else v


def round_float32(x: float) -> float:
    """x rounded to float32 (CVTSD2SS); too large is an infinity."""
    try:
        return struct.unpack("<f", struct.pack("<f", x))[0]
    except OverflowError:
        return float("inf") if x > 0 else float("-inf")


def idiv(a, b):
    """a / b truncated toward zero; division by zero panics (panicdivide)."""
    if b == 0:
        raise P.divide_error()
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def imod(a, b):
    """a % b with the sign of a; modulo by zero panics (panicdivide)."""
    if b == 0:
        raise P.divide_error()
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def fdiv(a, b):
    """IEEE division: by zero gives an infinity or NaN, not a panic."""
    if b == 0.0:
        if a != a or a == 0.0:
            return float("nan")
        negative = (a < 0) != (str(b).startswith("-"))
        return float("-inf") if negative else float("inf")
    return a / b


def shl(a, count, bits, signed, signed_count):
    """a << count in a bits-wide integer; a negative signed count panics (panicshift)."""
    if signed_count and count < 0:
        raise P.shift_error()
    if count >= bits:
        return 0
    v = (a << count) & ((1 << bits) - 1)
    if signed and v >> (bits - 1):
        v -= 1 << bits
    return v


def shr(a, count, signed_count):
    """a >> count (arithmetic for signed a); a negative signed count panics."""
    if signed_count and count < 0:
        raise P.shift_error()
    return a >> min(count, 64)


def f2i(v, bits, signed):
    """A float converted to a bits-wide integer, as CVTTSD2SQ truncates it."""
    if v != v or v in (float("inf"), float("-inf")):
        return -(1 << (bits - 1)) if signed else 0
    n = int(v)
    mask = (1 << bits) - 1
    n &= mask
    if signed and n >> (bits - 1):
        n -= 1 << bits
    return n
