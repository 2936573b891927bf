"""strconv: Go's number and string conversions, on Go strings held as bytes.

Go counterpart: src/strconv (itoa.go, ftoa.go, quote.go, atoi.go, atof.go,
atob.go), as of Go 1.19.  The formatting half is shared with gostack's fmt
(gostack/stdlib/fmt.py); the parsing half backs the strconv package that Go
programs import.  Everything here is pure: values in, values out.

Conventions.
  * A Go string is a Python ``bytes`` (Go strings are byte sequences, so
    invalid UTF-8 survives and is quoted as Go quotes it).  Every function
    that returns a Go string returns ``bytes``; arguments may be ``bytes`` or
    ``str`` (a str is taken as its UTF-8 encoding).
  * Functions that return ``(T, error)`` in Go return a Python tuple
    ``(value, err)`` with ``err`` None or a ``NumError``/``GoError``, and the
    value Go returns alongside the error (ParseInt's clamped value on a range
    error, +Inf from ParseFloat on overflow).
  * ``format_float(f, fmt, prec, bit_size)`` takes the float as a Python
    float; with bit_size 32 the value is first rounded to float32, as Go's
    ``float32(val)`` does.

Floats.  Decimal digits come from the exact binary value, so rounding is
exact round-half-to-even, which is what Go's Ryu and multiprecision paths
both produce:
  * fixed precision: ``decimal.Decimal(float)`` is the exact value; rounding
    it with ROUND_HALF_EVEN gives Go's digits;
  * shortest (prec -1): for float64, Python's ``repr`` is the shortest
    decimal that rounds back, the closest such one, as Go's Ryu; for float32
    ``_shortest_digits`` searches the rounding interval of the float32 with
    integer arithmetic (inclusive bounds when the mantissa is even, as Go).
ParseFloat reads Go's syntax (underscores with a base prefix, hex floats
with a mandatory p exponent, inf/infinity/nan in any case) and rounds the
exact rational value once, half to even, so it needs no Eisel-Lemire.

IsPrint follows Go 1.19's tables (Unicode 13.0), not the host's
unicodedata (Python 3.11 has Unicode 14): ``isprint.PRINT_RANGES`` was
printed by tools/isprint_table.go built with Go 1.19.

Deliberate differences: none in results.  Not modelled: ParseComplex,
FormatComplex's bit size checks, QuoteToGraphic/IsGraphic.
"""

from __future__ import annotations

import bisect
import decimal
import math
import struct
from fractions import Fraction

from .isprint import PRINT_RANGES, PRINT_STARTS

INT_SIZE = 64                        # strconv.IntSize on linux/amd64
_MAX_UINT64 = (1 << 64) - 1
_RUNE_ERROR = 0xFFFD                 # utf8.RuneError
_MAX_RUNE = 0x10FFFF                 # utf8.MaxRune
_SURROGATE_MIN, _SURROGATE_MAX = 0xD800, 0xDFFF
_LOWER_HEX = b"0123456789abcdef"
_UPPER_HEX = b"0123456789ABCDEF"
_DIGITS36 = b"0123456789abcdefghijklmnopqrstuvwxyz"
# readFloat stops accumulating an exponent above this (Go: e < 10000)
_EXP_CLAMP = 10000


class _FloatInfo:
    """Layout of one IEEE binary format (Go's floatInfo)."""

    def __init__(self, mantbits: int, expbits: int, bias: int) -> None:
        self.mantbits = mantbits
        self.expbits = expbits
        self.bias = bias


FLOAT32 = _FloatInfo(23, 8, -127)
FLOAT64 = _FloatInfo(52, 11, -1023)


def _b(s) -> bytes:
    """Accept a Go string as bytes or str (UTF-8)."""
    if isinstance(s, str):
        return s.encode("utf-8")
    return bytes(s)


# ---------------------------------------------------------------- errors

class GoError:
    """An error value with a fixed text, like errors.New."""

    def __init__(self, text: bytes) -> None:
        self.text = text

    def error(self) -> bytes:
        return self.text

    def __repr__(self) -> str:
        return f"GoError({self.text!r})"


ERR_SYNTAX = GoError(b"invalid syntax")          # strconv.ErrSyntax
ERR_RANGE = GoError(b"value out of range")       # strconv.ErrRange


class NumError:
    """strconv.NumError: the failing function, its input and the reason."""

    def __init__(self, func: str, num: bytes, err: GoError) -> None:
        self.func = func
        self.num = num
        self.err = err

    def error(self) -> bytes:
        return (b"strconv." + self.func.encode() + b": parsing " + quote(self.num)
                + b": " + self.err.error())

    def unwrap(self) -> GoError:
        return self.err

    def __repr__(self) -> str:
        return f"NumError({self.error()!r})"


def _syntax(func: str, s: bytes) -> NumError:
    return NumError(func, s, ERR_SYNTAX)


def _range(func: str, s: bytes) -> NumError:
    return NumError(func, s, ERR_RANGE)


# ---------------------------------------------------------------- UTF-8

def decode_rune(s: bytes, i: int = 0) -> tuple[int, int]:
    """utf8.DecodeRune of s[i:]: (rune, width); (RuneError, 1) if invalid.

    Go rejects overlong forms, surrogates and values above MaxRune, one
    byte at a time, exactly as Python's strict UTF-8 decoder does.
    """
    n = len(s) - i
    if n <= 0:
        return _RUNE_ERROR, 0
    c = s[i]
    if c < 0x80:
        return c, 1
    if 0xC2 <= c <= 0xDF:
        width = 2
    elif 0xE0 <= c <= 0xEF:
        width = 3
    elif 0xF0 <= c <= 0xF4:
        width = 4
    else:
        return _RUNE_ERROR, 1
    if n < width:
        return _RUNE_ERROR, 1
    try:
        r = s[i:i + width].decode("utf-8")
    except UnicodeDecodeError:
        return _RUNE_ERROR, 1
    return ord(r), width


def encode_rune(r: int) -> bytes:
    """utf8.EncodeRune: invalid runes (surrogates, > MaxRune, < 0) become U+FFFD."""
    if not valid_rune(r):
        r = _RUNE_ERROR
    return chr(r).encode("utf-8")


def valid_rune(r: int) -> bool:
    return 0 <= r <= _MAX_RUNE and not (_SURROGATE_MIN <= r <= _SURROGATE_MAX)


def rune_count(s: bytes) -> int:
    """utf8.RuneCount: each invalid byte counts as one rune."""
    i = count = 0
    while i < len(s):
        if s[i] < 0x80:
            i += 1
        else:
            i += decode_rune(s, i)[1]
        count += 1
    return count


def valid_string(s: bytes) -> bool:
    try:
        s.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


# ---------------------------------------------------------------- integers

def format_uint(u: int, base: int = 10) -> bytes:
    """strconv.FormatUint: u taken modulo 2**64, base 2..36."""
    if not 2 <= base <= 36:
        raise ValueError("strconv: illegal AppendInt/FormatInt base")
    u &= _MAX_UINT64
    if u == 0:
        return b"0"
    out = bytearray()
    while u:
        u, d = divmod(u, base)
        out.append(_DIGITS36[d])
    out.reverse()
    return bytes(out)


def format_int(i: int, base: int = 10) -> bytes:
    """strconv.FormatInt: i is an int64 (wrapped to 64 bits if larger)."""
    i = _to_int64(i)
    if i < 0:
        return b"-" + format_uint(-i, base)
    return format_uint(i, base)


def itoa(i: int) -> bytes:
    return format_int(i, 10)


def _to_int64(i: int) -> int:
    i &= _MAX_UINT64
    return i - (1 << 64) if i >> 63 else i


def format_bool(b: bool) -> bytes:
    return b"true" if b else b"false"


def parse_bool(s) -> tuple[bool, NumError | None]:
    s = _b(s)
    if s in (b"1", b"t", b"T", b"true", b"TRUE", b"True"):
        return True, None
    if s in (b"0", b"f", b"F", b"false", b"FALSE", b"False"):
        return False, None
    return False, _syntax("ParseBool", s)


def _lower(c: int) -> int:
    return c | 0x20


def parse_uint(s, base: int = 10, bit_size: int = 0) -> tuple[int, NumError | None]:
    """strconv.ParseUint: (value, err); on overflow the value is the maximum."""
    func = "ParseUint"
    s0 = s = _b(s)
    if not s:
        return 0, _syntax(func, s0)
    base0 = base == 0
    if base == 0:
        base = 10
        if s[0] == ord("0"):
            prefix = _lower(s[1]) if len(s) >= 3 else 0
            if prefix == ord("b"):
                base, s = 2, s[2:]
            elif prefix == ord("o"):
                base, s = 8, s[2:]
            elif prefix == ord("x"):
                base, s = 16, s[2:]
            else:
                base, s = 8, s[1:]
    elif not 2 <= base <= 36:
        return 0, NumError(func, s0, GoError(b"invalid base " + itoa(base)))
    if bit_size == 0:
        bit_size = INT_SIZE
    elif not 0 < bit_size <= 64:
        return 0, NumError(func, s0, GoError(b"invalid bit size " + itoa(bit_size)))
    max_val = (1 << bit_size) - 1
    underscores = False
    n = 0
    overflow = False
    for c in s:
        if c == ord("_") and base0:
            underscores = True
            continue
        if ord("0") <= c <= ord("9"):
            d = c - ord("0")
        elif ord("a") <= _lower(c) <= ord("z"):
            d = _lower(c) - ord("a") + 10
        else:
            return 0, _syntax(func, s0)
        if d >= base:
            return 0, _syntax(func, s0)
        # Go stops at the first digit that overflows and reports range even
        # if a later byte is not a digit, so the order of checks matters.
        n = n * base + d
        if n > max_val:
            overflow = True
            break
    if overflow:
        return max_val, _range(func, s0)
    if underscores and not _underscore_ok(s0):
        return 0, _syntax(func, s0)
    return n, None


def parse_int(s, base: int = 10, bit_size: int = 0) -> tuple[int, NumError | None]:
    """strconv.ParseInt: (value, err); on overflow the value is clamped."""
    func = "ParseInt"
    s0 = s = _b(s)
    if not s:
        return 0, _syntax(func, s0)
    neg = False
    if s[:1] == b"+":
        s = s[1:]
    elif s[:1] == b"-":
        neg, s = True, s[1:]
    un, err = parse_uint(s, base, bit_size)
    if err is not None and err.err is not ERR_RANGE:
        err.func, err.num = func, s0
        return 0, err
    if bit_size == 0:
        bit_size = INT_SIZE
    cutoff = 1 << (bit_size - 1)
    if not neg and un >= cutoff:
        return cutoff - 1, _range(func, s0)
    if neg and un > cutoff:
        return -cutoff, _range(func, s0)
    return (-un if neg else un), None


def atoi(s) -> tuple[int, NumError | None]:
    """strconv.Atoi: ParseInt(s, 10, 0) with the function name Atoi."""
    s = _b(s)
    n, err = parse_int(s, 10, 0)
    if err is not None:
        err.func = "Atoi"
        if err.err is ERR_SYNTAX:
            n = 0
    return n, err


def _underscore_ok(s: bytes) -> bool:
    """Underscores may only separate digits (or follow a base prefix)."""
    saw = "^"
    i = 0
    if s[:1] in (b"+", b"-"):
        s = s[1:]
    hexa = False
    if len(s) >= 2 and s[0] == ord("0") and _lower(s[1]) in b"box":
        i = 2
        saw = "0"
        hexa = _lower(s[1]) == ord("x")
    while i < len(s):
        c = s[i]
        if ord("0") <= c <= ord("9") or (hexa and ord("a") <= _lower(c) <= ord("f")):
            saw = "0"
        elif c == ord("_"):
            if saw != "0":
                return False
            saw = "_"
        else:
            if saw == "_":
                return False
            saw = "!"
        i += 1
    return saw != "_"


# ---------------------------------------------------------------- float bits

def float32_round(f: float) -> float:
    """float32(f): round a float64 to the nearest float32 (inf on overflow)."""
    if math.isnan(f) or math.isinf(f):
        return f
    try:
        return struct.unpack("<f", struct.pack("<f", f))[0]
    except OverflowError:
        # struct refuses values beyond float32 range; Go rounds them to
        # the largest float32 or to infinity by the same half-even rule.
        bits = _round_fraction(Fraction(abs(f)), FLOAT32)[0]
        r = struct.unpack("<f", struct.pack("<I", bits))[0]
        return -r if f < 0 else r


def _float_parts(f: float, flt: _FloatInfo) -> tuple[bool, int, int, int]:
    """(neg, biased exponent field, mantissa field, raw bits) of f."""
    if flt is FLOAT32:
        bits = struct.unpack("<I", struct.pack("<f", f))[0]
    else:
        bits = struct.unpack("<Q", struct.pack("<d", f))[0]
    neg = bool(bits >> (flt.expbits + flt.mantbits))
    exp = (bits >> flt.mantbits) & ((1 << flt.expbits) - 1)
    mant = bits & ((1 << flt.mantbits) - 1)
    return neg, exp, mant, bits


def _mant_exp(exp_field: int, mant_field: int, flt: _FloatInfo) -> tuple[int, int]:
    """Value = mant * 2**(exp - mantbits), with the implicit bit added."""
    exp = exp_field
    mant = mant_field
    if exp == 0:
        exp += 1                           # denormal
    else:
        mant |= 1 << flt.mantbits
    return mant, exp + flt.bias


# ---------------------------------------------------------------- decimal digits

class _Digits:
    """A decimal 0.d1d2...dn * 10**dp, trailing zeros trimmed (nd 0 = zero)."""

    __slots__ = ("d", "dp")

    def __init__(self, d: str, dp: int) -> None:
        d = d.rstrip("0")
        self.d = d
        self.dp = dp if d else 0

    @property
    def nd(self) -> int:
        return len(self.d)


def _digits_of_decimal(x: decimal.Decimal) -> _Digits:
    sign, digits, exponent = x.as_tuple()
    d = "".join(map(str, digits)).lstrip("0")
    if not d:
        return _Digits("", 0)
    return _Digits(d, len(d) + exponent)


_DECIMAL_CONTEXT = decimal.Context(prec=2000, rounding=decimal.ROUND_HALF_EVEN,
                                   Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN)


def _fixed_significant(x: float, n: int) -> _Digits:
    """The exact value of |x| rounded half-even to n significant digits."""
    ctx = _DECIMAL_CONTEXT.copy()
    ctx.prec = n
    return _digits_of_decimal(ctx.plus(decimal.Decimal(abs(x))))


def _fixed_fraction(x: float, prec: int) -> _Digits:
    """The exact value of |x| rounded half-even to prec fraction digits."""
    exact = decimal.Decimal(abs(x))
    ctx = _DECIMAL_CONTEXT.copy()
    ctx.prec = max(1, exact.adjusted() + 2 + prec)
    return _digits_of_decimal(exact.quantize(decimal.Decimal(1).scaleb(-prec), context=ctx))


def _shortest_digits(x: float, flt: _FloatInfo) -> _Digits:
    """The shortest decimal that reads back as x in format flt, closest to x."""
    if x == 0:
        return _Digits("", 0)
    if flt is FLOAT64:
        return _digits_of_decimal(decimal.Decimal(repr(abs(x))))
    return _shortest_search(abs(x), flt)


def _shortest_search(x: float, flt: _FloatInfo) -> _Digits:
    """Shortest-digits search on the rounding interval, in exact integers.

    The interval around x = m*2**e reaches halfway to each neighbour; it is
    closed when m is even (round-half-even reads a tie back as x), open
    otherwise.  For the fewest digits n whose grid 10**k has a point in the
    interval, the point nearest x is the answer.
    """
    _, exp_field, mant_field, _ = _float_parts(x, flt)
    mant, exp = _mant_exp(exp_field, mant_field, flt)
    e2 = exp - flt.mantbits
    # Work in units of 2**(e2-2): x = 4m, neighbours' midpoints at 4m +- 2
    # (or 4m - 1 below a power of two, where the lower gap is half as wide).
    lower_gap = 1 if (mant_field == 0 and exp_field > 1) else 2
    lo, mid, hi = 4 * mant - lower_gap, 4 * mant, 4 * mant + 2
    inclusive = mant % 2 == 0
    scale_num, scale_den = (1 << (e2 - 2), 1) if e2 - 2 >= 0 else (1, 1 << (2 - e2))
    # value(u) = u * scale_num / scale_den; a decimal d*10**k is in the
    # interval when lo <= d*10**k*scale_den/scale_num <= hi (strictness by parity).
    top = len(str(int(Fraction(mid * scale_num, scale_den)))) + 1
    k = top
    while True:
        # d*10**k in units: d * 10**k * scale_den / scale_num
        if k >= 0:
            unit_num, unit_den = 10 ** k * scale_den, scale_num
        else:
            unit_num, unit_den = scale_den, scale_num * 10 ** (-k)
        # find integer d with lo <= d*unit_num/unit_den <= hi
        d_lo = -((-lo * unit_den) // unit_num)          # ceil(lo*unit_den/unit_num)
        d_hi = (hi * unit_den) // unit_num               # floor(hi*unit_den/unit_num)
        if not inclusive:
            if d_lo * unit_num == lo * unit_den:
                d_lo += 1
            if d_hi * unit_num == hi * unit_den:
                d_hi -= 1
        if d_lo <= d_hi and d_hi > 0:
            d_lo = max(d_lo, 1)
            # nearest to mid; d_near = round(mid*unit_den/unit_num)
            num, den = mid * unit_den, unit_num
            d_near = (2 * num + den) // (2 * den)
            if 2 * num + den == 2 * den * d_near and d_near % 2:  # exact tie: even
                d_near -= 1
            d = min(max(d_near, d_lo), d_hi)
            s = str(d)
            return _Digits(s, len(s) + k)
        k -= 1


# ---------------------------------------------------------------- FormatFloat

def format_float(f: float, fmt, prec: int, bit_size: int = 64) -> bytes:
    """strconv.FormatFloat(f, fmt, prec, bitSize).

    fmt is one of b e E f g G x X (a str, bytes or int byte); prec -1 means
    the fewest digits that read back exactly.
    """
    if isinstance(fmt, (bytes, bytearray)):
        fmt = fmt[0]
    if isinstance(fmt, int):
        fmt = chr(fmt)
    if bit_size == 32:
        flt = FLOAT32
        f = float32_round(f)
    elif bit_size == 64:
        flt = FLOAT64
    else:
        raise ValueError("strconv: illegal AppendFloat/FormatFloat bitSize")
    if math.isnan(f):
        return b"NaN"
    if math.isinf(f):
        return b"-Inf" if f < 0 else b"+Inf"
    neg, exp_field, mant_field, _ = _float_parts(f, flt)
    mant, exp = _mant_exp(exp_field, mant_field, flt)
    if fmt == "b":
        return _fmt_b(neg, mant, exp, flt)
    if fmt in ("x", "X"):
        return _fmt_x(prec, fmt, neg, mant, exp, flt)
    if fmt not in "eEfgG" or len(fmt) != 1:
        return b"%" + fmt.encode()
    shortest = prec < 0
    if shortest:
        digs = _shortest_digits(f, flt)
        if fmt in "eE":
            prec = max(digs.nd - 1, 0)
        elif fmt == "f":
            prec = max(digs.nd - digs.dp, 0)
        else:
            prec = digs.nd
    elif fmt in "eE":
        digs = _fixed_significant(f, prec + 1)
    elif fmt == "f":
        digs = _fixed_fraction(f, prec)
    else:
        if prec == 0:
            prec = 1
        digs = _fixed_significant(f, prec)
    return _format_digits(shortest, neg, digs, prec, fmt)


def _format_digits(shortest: bool, neg: bool, digs: _Digits, prec: int, fmt: str) -> bytes:
    if fmt in "eE":
        return _fmt_e(neg, digs, prec, fmt)
    if fmt == "f":
        return _fmt_f(neg, digs, prec)
    # %g: %e when the exponent is below -4 or at least the precision
    # (6 for shortest); trailing zeros never printed.
    eprec = prec
    if eprec > digs.nd and digs.nd >= digs.dp:
        eprec = digs.nd
    if shortest:
        eprec = 6
    exp = digs.dp - 1
    if exp < -4 or exp >= eprec:
        if prec > digs.nd:
            prec = digs.nd
        return _fmt_e(neg, digs, prec - 1, "e" if fmt == "g" else "E")
    if prec > digs.dp:
        prec = digs.nd
    return _fmt_f(neg, digs, max(prec - digs.dp, 0))


def _fmt_e(neg: bool, digs: _Digits, prec: int, fmt: str) -> bytes:
    """-d.ddddde±dd"""
    out = ["-" if neg else "", digs.d[0] if digs.nd else "0"]
    if prec > 0:
        frac = digs.d[1:prec + 1]
        out.append("." + frac + "0" * (prec - len(frac)))
    exp = digs.dp - 1 if digs.nd else 0
    out.append(fmt + ("-" if exp < 0 else "+") + "%02d" % abs(exp))
    return "".join(out).encode()


def _fmt_f(neg: bool, digs: _Digits, prec: int) -> bytes:
    """-ddd.ddd"""
    out = ["-" if neg else ""]
    if digs.dp > 0:
        whole = digs.d[:digs.dp]
        out.append(whole + "0" * (digs.dp - len(whole)))
    else:
        out.append("0")
    if prec > 0:
        frac = []
        for i in range(prec):
            j = digs.dp + i
            frac.append(digs.d[j] if 0 <= j < digs.nd else "0")
        out.append("." + "".join(frac))
    return "".join(out).encode()


def _fmt_b(neg: bool, mant: int, exp: int, flt: _FloatInfo) -> bytes:
    """-ddddp±ddd: the mantissa and binary exponent as decimal integers."""
    e = exp - flt.mantbits
    return ("%s%dp%s%d" % ("-" if neg else "", mant, "+" if e >= 0 else "-", abs(e))).encode()


def _fmt_x(prec: int, fmt: str, neg: bool, mant: int, exp: int, flt: _FloatInfo) -> bytes:
    """-0x1.hhhhp±dd: normalized hex mantissa, rounded half-even to prec digits."""
    if mant == 0:
        exp = 0
    # Place the leading 1 at bit 60, so that 15 hex digits follow it.
    mant <<= 60 - flt.mantbits
    while mant and not mant & (1 << 60):
        mant <<= 1
        exp -= 1
    if 0 <= prec < 15:
        shift = prec * 4
        extra = (mant << shift) & ((1 << 60) - 1)
        mant >>= 60 - shift
        if extra | (mant & 1) > 1 << 59:
            mant += 1
        mant <<= 60 - shift
        if mant & (1 << 61):
            mant >>= 1
            exp += 1
    hexd = _UPPER_HEX if fmt == "X" else _LOWER_HEX
    out = bytearray(b"-" if neg else b"")
    out += b"0" + fmt.encode() + bytes([ord("0") + ((mant >> 60) & 1)])
    mant = (mant << 4) & ((1 << 64) - 1)
    if prec < 0 and mant:
        out += b"."
        while mant:
            out.append(hexd[(mant >> 60) & 15])
            mant = (mant << 4) & ((1 << 64) - 1)
    elif prec > 0:
        out += b"."
        for _ in range(prec):
            out.append(hexd[(mant >> 60) & 15])
            mant = (mant << 4) & ((1 << 64) - 1)
    out += b"P" if fmt == "X" else b"p"
    out += b"-" if exp < 0 else b"+"
    out += b"%02d" % abs(exp)
    return bytes(out)


# ---------------------------------------------------------------- ParseFloat

def _round_fraction(v: Fraction, flt: _FloatInfo) -> tuple[int, bool]:
    """Round v >= 0 to the format flt, half to even: (bits without sign, overflow)."""
    if v == 0:
        return 0, False
    num, den = v.numerator, v.denominator
    # e such that 2**e <= v < 2**(e+1)
    e = num.bit_length() - den.bit_length()
    if (num << max(0, -e)) < (den << max(0, e)):
        e -= 1
    min_exp = 1 + flt.bias                   # exponent of the smallest normal
    e = max(e, min_exp)
    shift = flt.mantbits - e                 # mantissa units: v * 2**shift
    if shift >= 0:
        q, r = divmod(num << shift, den)
        rden = den
    else:
        q, r = divmod(num, den << -shift)
        rden = den << -shift
    if 2 * r > rden or (2 * r == rden and q & 1):
        q += 1
    if q >> (flt.mantbits + 1):              # rounding carried into a new bit
        q >>= 1
        e += 1
    max_exp = (1 << flt.expbits) - 2 + flt.bias
    if e > max_exp:
        return ((1 << flt.expbits) - 1) << flt.mantbits, True
    if q >> flt.mantbits == 0:               # denormal (or rounded to zero)
        return q, False
    biased = e - flt.bias
    return (biased << flt.mantbits) | (q & ((1 << flt.mantbits) - 1)), False


def _bits_to_float(bits: int, neg: bool, flt: _FloatInfo) -> float:
    if neg:
        bits |= 1 << (flt.mantbits + flt.expbits)
    if flt is FLOAT32:
        return struct.unpack("<f", struct.pack("<I", bits))[0]
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def _special(s: bytes) -> tuple[float, int] | None:
    """inf, infinity, nan (any case, inf/infinity signed) at the start of s."""
    if not s:
        return None
    sign, nsign, rest = 1.0, 0, s
    if s[0] in b"+-":
        sign = -1.0 if s[0] == ord("-") else 1.0
        nsign, rest = 1, s[1:]
    low = rest[:8].lower()
    if s[0] in b"+-iI":
        n = 0
        while n < len(low) and low[n] == b"infinity"[n]:
            n += 1
        if 3 < n < 8:
            n = 3
        if n in (3, 8):
            return math.copysign(math.inf, sign), nsign + n
        return None
    if s[0] in b"nN" and low[:3] == b"nan":
        return math.nan, 3
    return None


def _read_float(s: bytes):
    """Scan Go float syntax at the start of s.

    Returns (value as Fraction, neg, consumed, ok).  Underscores are only
    checked for placement when some were seen, as Go does.
    """
    i = 0
    n = len(s)
    neg = False
    underscores = False
    if i < n and s[i] in b"+-":
        neg = s[i] == ord("-")
        i += 1
    base = 10
    exp_char = ord("e")
    if i + 2 < n and s[i] == ord("0") and _lower(s[i + 1]) == ord("x"):
        base, exp_char = 16, ord("p")
        i += 2
    mant = 0
    ndigits_after_dot = 0
    saw_dot = saw_digits = False
    while i < n:
        c = s[i]
        if c == ord("_"):
            underscores = True
        elif c == ord("."):
            if saw_dot:
                break
            saw_dot = True
        elif ord("0") <= c <= ord("9"):
            saw_digits = True
            mant = mant * base + (c - ord("0"))
            ndigits_after_dot += saw_dot
        elif base == 16 and ord("a") <= _lower(c) <= ord("f"):
            saw_digits = True
            mant = mant * 16 + (_lower(c) - ord("a") + 10)
            ndigits_after_dot += saw_dot
        else:
            break
        i += 1
    if not saw_digits:
        return None, neg, i, False
    exp = 0
    if i < n and _lower(s[i]) == exp_char:
        i += 1
        if i >= n:
            return None, neg, i, False
        esign = 1
        if s[i] in b"+-":
            esign = -1 if s[i] == ord("-") else 1
            i += 1
        if i >= n or not ord("0") <= s[i] <= ord("9"):
            return None, neg, i, False
        while i < n and (ord("0") <= s[i] <= ord("9") or s[i] == ord("_")):
            if s[i] == ord("_"):
                underscores = True
            elif exp < _EXP_CLAMP:
                exp = exp * 10 + s[i] - ord("0")
            i += 1
        exp *= esign
    elif base == 16:
        return None, neg, i, False           # hex floats need a p exponent
    if underscores and not _underscore_ok(s[:i]):
        return None, neg, i, False
    if mant == 0:
        return Fraction(0), neg, i, True
    if base == 16:
        e2 = exp - 4 * ndigits_after_dot
        v = Fraction(mant << e2) if e2 >= 0 else Fraction(mant, 1 << -e2)
        return v, neg, i, True
    e10 = exp - ndigits_after_dot
    # Far outside every float's range: decide without huge powers of ten.
    ndig = len(str(mant))
    if ndig + e10 > 400:
        return Fraction(10) ** 400, neg, i, True
    if ndig + e10 < -400:
        return Fraction(0), neg, i, True
    v = Fraction(mant * 10 ** e10) if e10 >= 0 else Fraction(mant, 10 ** -e10)
    return v, neg, i, True


def parse_float(s, bit_size: int = 64) -> tuple[float, NumError | None]:
    """strconv.ParseFloat: (value, err).  Overflow gives ±Inf and a range error."""
    func = "ParseFloat"
    s = _b(s)
    flt = FLOAT32 if bit_size == 32 else FLOAT64
    sp = _special(s)
    if sp is not None:
        value, n = sp
        if n != len(s):
            return 0.0, _syntax(func, s)
        return value, None
    v, neg, n, ok = _read_float(s)
    if not ok:
        return 0.0, _syntax(func, s)
    if n != len(s):
        return 0.0, _syntax(func, s)
    bits, overflow = _round_fraction(v, flt)
    f = _bits_to_float(bits, neg, flt)
    if overflow:
        return f, _range(func, s)
    return f, None


# ---------------------------------------------------------------- quoting

def is_print(r: int) -> bool:
    """strconv.IsPrint (Go 1.19, Unicode 13.0): letters, marks, numbers,
    punctuation, symbols and the ASCII space."""
    if r < 0 or r > _MAX_RUNE:
        return False
    if r < 0x80:
        return 0x20 <= r < 0x7F
    i = bisect.bisect_right(PRINT_STARTS, r) - 1
    return i >= 0 and r <= PRINT_RANGES[i][1]


# The spaces strconv.IsGraphic accepts beyond IsPrint's (Unicode category Zs).
_GRAPHIC_SPACES = frozenset([0xA0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)])


def is_graphic(r: int) -> bool:
    """strconv.IsGraphic: IsPrint's runes and the other Unicode spaces."""
    return is_print(r) or r in _GRAPHIC_SPACES


def _append_escaped_rune(out: bytearray, r: int, quote: int, ascii_only: bool, graphic: bool = False) -> None:
    if r == quote or r == ord("\\"):
        out += bytes([ord("\\"), r])
        return
    if ascii_only:
        if r < 0x80 and is_print(r):
            out.append(r)
            return
    elif is_print(r) or (graphic and is_graphic(r)):
        out += chr(r).encode("utf-8")
        return
    simple = _SIMPLE_ESCAPES.get(r)
    if simple is not None:
        out += simple
    elif r < 0x20 or r == 0x7F:
        out += b"\\x" + bytes([_LOWER_HEX[r >> 4], _LOWER_HEX[r & 15]])
    else:
        if not valid_rune(r):
            r = _RUNE_ERROR
        if r < 0x10000:
            out += b"\\u%04x" % r
        else:
            out += b"\\U%08x" % r


_SIMPLE_ESCAPES = {7: b"\\a", 8: b"\\b", 12: b"\\f", 10: b"\\n", 13: b"\\r",
                   9: b"\\t", 11: b"\\v"}


def _quote_with(s: bytes, quote: int, ascii_only: bool, graphic: bool = False) -> bytes:
    out = bytearray([quote])
    i = 0
    while i < len(s):
        c = s[i]
        if c < 0x80:
            r, width = c, 1
        else:
            r, width = decode_rune(s, i)
        if width == 1 and r == _RUNE_ERROR:
            # an invalid byte: \xNN (a literal U+FFFD is 3 bytes wide)
            out += b"\\x" + bytes([_LOWER_HEX[c >> 4], _LOWER_HEX[c & 15]])
        else:
            _append_escaped_rune(out, r, quote, ascii_only, graphic)
        i += width
    out.append(quote)
    return bytes(out)


def quote(s) -> bytes:
    """strconv.Quote: a double-quoted Go string literal."""
    return _quote_with(_b(s), ord('"'), False)


def quote_to_ascii(s) -> bytes:
    """strconv.QuoteToASCII: as quote, with every non-ASCII rune escaped."""
    return _quote_with(_b(s), ord('"'), True)


def quote_to_graphic(s) -> bytes:
    """strconv.QuoteToGraphic: as quote, leaving every graphic rune unescaped."""
    return _quote_with(_b(s), ord('"'), False, True)


def _quote_rune_with(r: int, ascii_only: bool, graphic: bool = False) -> bytes:
    if not valid_rune(r):
        r = _RUNE_ERROR
    out = bytearray(b"'")
    _append_escaped_rune(out, r, ord("'"), ascii_only, graphic)
    out += b"'"
    return bytes(out)


def quote_rune(r: int) -> bytes:
    """strconv.QuoteRune: a single-quoted Go character literal."""
    return _quote_rune_with(r, False)


def quote_rune_to_ascii(r: int) -> bytes:
    return _quote_rune_with(r, True)


def quote_rune_to_graphic(r: int) -> bytes:
    return _quote_rune_with(r, False, True)


def can_backquote(s) -> bool:
    """strconv.CanBackquote: s fits in a raw string literal unchanged."""
    s = _b(s)
    i = 0
    while i < len(s):
        r, width = decode_rune(s, i)
        i += width
        if width > 1:
            if r == 0xFEFF:
                return False
            continue
        if r == _RUNE_ERROR:
            return False
        if (r < 0x20 and r != 0x09) or r == 0x60 or r == 0x7F:
            return False
    return True


def _unhex(c: int) -> int | None:
    if ord("0") <= c <= ord("9"):
        return c - ord("0")
    if ord("a") <= _lower(c) <= ord("f"):
        return _lower(c) - ord("a") + 10
    return None


def unquote_char(s: bytes, quote: int):
    """strconv.UnquoteChar: (rune, multibyte, tail, err)."""
    if not s:
        return 0, False, b"", ERR_SYNTAX
    c = s[0]
    if c == quote and quote in (ord("'"), ord('"')):
        return 0, False, b"", ERR_SYNTAX
    if c >= 0x80:
        r, size = decode_rune(s, 0)
        return r, True, s[size:], None
    if c != ord("\\"):
        return c, False, s[1:], None
    if len(s) <= 1:
        return 0, False, b"", ERR_SYNTAX
    c = s[1]
    s = s[2:]
    esc = {ord("a"): 7, ord("b"): 8, ord("f"): 12, ord("n"): 10, ord("r"): 13,
           ord("t"): 9, ord("v"): 11, ord("\\"): ord("\\")}
    if c in esc:
        return esc[c], False, s, None
    if c in b"xuU":
        n = {ord("x"): 2, ord("u"): 4, ord("U"): 8}[c]
        if len(s) < n:
            return 0, False, b"", ERR_SYNTAX
        v = 0
        for j in range(n):
            x = _unhex(s[j])
            if x is None:
                return 0, False, b"", ERR_SYNTAX
            v = v << 4 | x
        s = s[n:]
        if c == ord("x"):
            return v, False, s, None          # a single byte, maybe not UTF-8
        if not valid_rune(v):
            return 0, False, b"", ERR_SYNTAX
        return v, True, s, None
    if ord("0") <= c <= ord("7"):
        v = c - ord("0")
        if len(s) < 2:
            return 0, False, b"", ERR_SYNTAX
        for j in range(2):
            x = s[j] - ord("0")
            if not 0 <= x <= 7:
                return 0, False, b"", ERR_SYNTAX
            v = (v << 3) | x
        if v > 255:
            return 0, False, b"", ERR_SYNTAX
        return v, False, s[2:], None
    if c in (ord("'"), ord('"')):
        if c != quote:
            return 0, False, b"", ERR_SYNTAX
        return c, False, s, None
    return 0, False, b"", ERR_SYNTAX


def unquote(s) -> tuple[bytes, GoError | None]:
    """strconv.Unquote: the value of a quoted, single-quoted or raw literal."""
    s = _b(s)
    if len(s) < 2:
        return b"", ERR_SYNTAX
    q = s[0]
    end = s.find(bytes([q]), 1)
    if end < 0:
        return b"", ERR_SYNTAX
    end += 1
    if q == ord("`"):
        if end != len(s):
            return b"", ERR_SYNTAX
        return s[1:end - 1].replace(b"\r", b""), None
    if q not in (ord('"'), ord("'")):
        return b"", ERR_SYNTAX
    body = s[1:]
    out = bytearray()
    while body and body[0] != q:
        if body[0] == ord("\n"):
            return b"", ERR_SYNTAX
        r, multibyte, rest, err = unquote_char(body, q)
        if err is not None:
            return b"", ERR_SYNTAX
        body = rest
        if r < 0x80 or not multibyte:
            out.append(r)
        else:
            out += encode_rune(r)
        if q == ord("'"):
            break
    if not body or body[0] != q:
        return b"", ERR_SYNTAX
    if len(body) != 1:
        return b"", ERR_SYNTAX               # text after the closing quote
    # Go 1.19 accepts '' (an empty rune literal) and returns "".
    return bytes(out), None
