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
unicodedata (Python 3.11 has Unicode 14): ``_PRINT_RANGES`` below was
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
    i = bisect.bisect_right(_PRINT_STARTS, r) - 1
    return i >= 0 and r <= _PRINT_RANGES[i][1]


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


# ---------------------------------------------------------------- tables

# Runes for which Go 1.19 strconv.IsPrint is true, as closed ranges, printed by
# tools/isprint_table.go (678 ranges).
_PRINT_RANGES = (
    (0x20, 0x7E), (0xA1, 0xAC), (0xAE, 0x377), (0x37A, 0x37F), (0x384, 0x38A),
    (0x38C, 0x38C), (0x38E, 0x3A1), (0x3A3, 0x52F), (0x531, 0x556), (0x559, 0x58A),
    (0x58D, 0x58F), (0x591, 0x5C7), (0x5D0, 0x5EA), (0x5EF, 0x5F4), (0x606, 0x61B),
    (0x61E, 0x6DC), (0x6DE, 0x70D), (0x710, 0x74A), (0x74D, 0x7B1), (0x7C0, 0x7FA),
    (0x7FD, 0x82D), (0x830, 0x83E), (0x840, 0x85B), (0x85E, 0x85E), (0x860, 0x86A),
    (0x8A0, 0x8B4), (0x8B6, 0x8C7), (0x8D3, 0x8E1), (0x8E3, 0x983), (0x985, 0x98C),
    (0x98F, 0x990), (0x993, 0x9A8), (0x9AA, 0x9B0), (0x9B2, 0x9B2), (0x9B6, 0x9B9),
    (0x9BC, 0x9C4), (0x9C7, 0x9C8), (0x9CB, 0x9CE), (0x9D7, 0x9D7), (0x9DC, 0x9DD),
    (0x9DF, 0x9E3), (0x9E6, 0x9FE), (0xA01, 0xA03), (0xA05, 0xA0A), (0xA0F, 0xA10),
    (0xA13, 0xA28), (0xA2A, 0xA30), (0xA32, 0xA33), (0xA35, 0xA36), (0xA38, 0xA39),
    (0xA3C, 0xA3C), (0xA3E, 0xA42), (0xA47, 0xA48), (0xA4B, 0xA4D), (0xA51, 0xA51),
    (0xA59, 0xA5C), (0xA5E, 0xA5E), (0xA66, 0xA76), (0xA81, 0xA83), (0xA85, 0xA8D),
    (0xA8F, 0xA91), (0xA93, 0xAA8), (0xAAA, 0xAB0), (0xAB2, 0xAB3), (0xAB5, 0xAB9),
    (0xABC, 0xAC5), (0xAC7, 0xAC9), (0xACB, 0xACD), (0xAD0, 0xAD0), (0xAE0, 0xAE3),
    (0xAE6, 0xAF1), (0xAF9, 0xAFF), (0xB01, 0xB03), (0xB05, 0xB0C), (0xB0F, 0xB10),
    (0xB13, 0xB28), (0xB2A, 0xB30), (0xB32, 0xB33), (0xB35, 0xB39), (0xB3C, 0xB44),
    (0xB47, 0xB48), (0xB4B, 0xB4D), (0xB55, 0xB57), (0xB5C, 0xB5D), (0xB5F, 0xB63),
    (0xB66, 0xB77), (0xB82, 0xB83), (0xB85, 0xB8A), (0xB8E, 0xB90), (0xB92, 0xB95),
    (0xB99, 0xB9A), (0xB9C, 0xB9C), (0xB9E, 0xB9F), (0xBA3, 0xBA4), (0xBA8, 0xBAA),
    (0xBAE, 0xBB9), (0xBBE, 0xBC2), (0xBC6, 0xBC8), (0xBCA, 0xBCD), (0xBD0, 0xBD0),
    (0xBD7, 0xBD7), (0xBE6, 0xBFA), (0xC00, 0xC0C), (0xC0E, 0xC10), (0xC12, 0xC28),
    (0xC2A, 0xC39), (0xC3D, 0xC44), (0xC46, 0xC48), (0xC4A, 0xC4D), (0xC55, 0xC56),
    (0xC58, 0xC5A), (0xC60, 0xC63), (0xC66, 0xC6F), (0xC77, 0xC8C), (0xC8E, 0xC90),
    (0xC92, 0xCA8), (0xCAA, 0xCB3), (0xCB5, 0xCB9), (0xCBC, 0xCC4), (0xCC6, 0xCC8),
    (0xCCA, 0xCCD), (0xCD5, 0xCD6), (0xCDE, 0xCDE), (0xCE0, 0xCE3), (0xCE6, 0xCEF),
    (0xCF1, 0xCF2), (0xD00, 0xD0C), (0xD0E, 0xD10), (0xD12, 0xD44), (0xD46, 0xD48),
    (0xD4A, 0xD4F), (0xD54, 0xD63), (0xD66, 0xD7F), (0xD81, 0xD83), (0xD85, 0xD96),
    (0xD9A, 0xDB1), (0xDB3, 0xDBB), (0xDBD, 0xDBD), (0xDC0, 0xDC6), (0xDCA, 0xDCA),
    (0xDCF, 0xDD4), (0xDD6, 0xDD6), (0xDD8, 0xDDF), (0xDE6, 0xDEF), (0xDF2, 0xDF4),
    (0xE01, 0xE3A), (0xE3F, 0xE5B), (0xE81, 0xE82), (0xE84, 0xE84), (0xE86, 0xE8A),
    (0xE8C, 0xEA3), (0xEA5, 0xEA5), (0xEA7, 0xEBD), (0xEC0, 0xEC4), (0xEC6, 0xEC6),
    (0xEC8, 0xECD), (0xED0, 0xED9), (0xEDC, 0xEDF), (0xF00, 0xF47), (0xF49, 0xF6C),
    (0xF71, 0xF97), (0xF99, 0xFBC), (0xFBE, 0xFCC), (0xFCE, 0xFDA), (0x1000, 0x10C5),
    (0x10C7, 0x10C7), (0x10CD, 0x10CD), (0x10D0, 0x1248), (0x124A, 0x124D),
    (0x1250, 0x1256), (0x1258, 0x1258), (0x125A, 0x125D), (0x1260, 0x1288),
    (0x128A, 0x128D), (0x1290, 0x12B0), (0x12B2, 0x12B5), (0x12B8, 0x12BE),
    (0x12C0, 0x12C0), (0x12C2, 0x12C5), (0x12C8, 0x12D6), (0x12D8, 0x1310),
    (0x1312, 0x1315), (0x1318, 0x135A), (0x135D, 0x137C), (0x1380, 0x1399),
    (0x13A0, 0x13F5), (0x13F8, 0x13FD), (0x1400, 0x167F), (0x1681, 0x169C),
    (0x16A0, 0x16F8), (0x1700, 0x170C), (0x170E, 0x1714), (0x1720, 0x1736),
    (0x1740, 0x1753), (0x1760, 0x176C), (0x176E, 0x1770), (0x1772, 0x1773),
    (0x1780, 0x17DD), (0x17E0, 0x17E9), (0x17F0, 0x17F9), (0x1800, 0x180D),
    (0x1810, 0x1819), (0x1820, 0x1878), (0x1880, 0x18AA), (0x18B0, 0x18F5),
    (0x1900, 0x191E), (0x1920, 0x192B), (0x1930, 0x193B), (0x1940, 0x1940),
    (0x1944, 0x196D), (0x1970, 0x1974), (0x1980, 0x19AB), (0x19B0, 0x19C9),
    (0x19D0, 0x19DA), (0x19DE, 0x1A1B), (0x1A1E, 0x1A5E), (0x1A60, 0x1A7C),
    (0x1A7F, 0x1A89), (0x1A90, 0x1A99), (0x1AA0, 0x1AAD), (0x1AB0, 0x1AC0),
    (0x1B00, 0x1B4B), (0x1B50, 0x1B7C), (0x1B80, 0x1BF3), (0x1BFC, 0x1C37),
    (0x1C3B, 0x1C49), (0x1C4D, 0x1C88), (0x1C90, 0x1CBA), (0x1CBD, 0x1CC7),
    (0x1CD0, 0x1CFA), (0x1D00, 0x1DF9), (0x1DFB, 0x1F15), (0x1F18, 0x1F1D),
    (0x1F20, 0x1F45), (0x1F48, 0x1F4D), (0x1F50, 0x1F57), (0x1F59, 0x1F59),
    (0x1F5B, 0x1F5B), (0x1F5D, 0x1F5D), (0x1F5F, 0x1F7D), (0x1F80, 0x1FB4),
    (0x1FB6, 0x1FC4), (0x1FC6, 0x1FD3), (0x1FD6, 0x1FDB), (0x1FDD, 0x1FEF),
    (0x1FF2, 0x1FF4), (0x1FF6, 0x1FFE), (0x2010, 0x2027), (0x2030, 0x205E),
    (0x2070, 0x2071), (0x2074, 0x208E), (0x2090, 0x209C), (0x20A0, 0x20BF),
    (0x20D0, 0x20F0), (0x2100, 0x218B), (0x2190, 0x2426), (0x2440, 0x244A),
    (0x2460, 0x2B73), (0x2B76, 0x2B95), (0x2B97, 0x2C2E), (0x2C30, 0x2C5E),
    (0x2C60, 0x2CF3), (0x2CF9, 0x2D25), (0x2D27, 0x2D27), (0x2D2D, 0x2D2D),
    (0x2D30, 0x2D67), (0x2D6F, 0x2D70), (0x2D7F, 0x2D96), (0x2DA0, 0x2DA6),
    (0x2DA8, 0x2DAE), (0x2DB0, 0x2DB6), (0x2DB8, 0x2DBE), (0x2DC0, 0x2DC6),
    (0x2DC8, 0x2DCE), (0x2DD0, 0x2DD6), (0x2DD8, 0x2DDE), (0x2DE0, 0x2E52),
    (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5), (0x2FF0, 0x2FFB),
    (0x3001, 0x303F), (0x3041, 0x3096), (0x3099, 0x30FF), (0x3105, 0x312F),
    (0x3131, 0x318E), (0x3190, 0x31E3), (0x31F0, 0x321E), (0x3220, 0x9FFC),
    (0xA000, 0xA48C), (0xA490, 0xA4C6), (0xA4D0, 0xA62B), (0xA640, 0xA6F7),
    (0xA700, 0xA7BF), (0xA7C2, 0xA7CA), (0xA7F5, 0xA82C), (0xA830, 0xA839),
    (0xA840, 0xA877), (0xA880, 0xA8C5), (0xA8CE, 0xA8D9), (0xA8E0, 0xA953),
    (0xA95F, 0xA97C), (0xA980, 0xA9CD), (0xA9CF, 0xA9D9), (0xA9DE, 0xA9FE),
    (0xAA00, 0xAA36), (0xAA40, 0xAA4D), (0xAA50, 0xAA59), (0xAA5C, 0xAAC2),
    (0xAADB, 0xAAF6), (0xAB01, 0xAB06), (0xAB09, 0xAB0E), (0xAB11, 0xAB16),
    (0xAB20, 0xAB26), (0xAB28, 0xAB2E), (0xAB30, 0xAB6B), (0xAB70, 0xABED),
    (0xABF0, 0xABF9), (0xAC00, 0xD7A3), (0xD7B0, 0xD7C6), (0xD7CB, 0xD7FB),
    (0xF900, 0xFA6D), (0xFA70, 0xFAD9), (0xFB00, 0xFB06), (0xFB13, 0xFB17),
    (0xFB1D, 0xFB36), (0xFB38, 0xFB3C), (0xFB3E, 0xFB3E), (0xFB40, 0xFB41),
    (0xFB43, 0xFB44), (0xFB46, 0xFBC1), (0xFBD3, 0xFD3F), (0xFD50, 0xFD8F),
    (0xFD92, 0xFDC7), (0xFDF0, 0xFDFD), (0xFE00, 0xFE19), (0xFE20, 0xFE52),
    (0xFE54, 0xFE66), (0xFE68, 0xFE6B), (0xFE70, 0xFE74), (0xFE76, 0xFEFC),
    (0xFF01, 0xFFBE), (0xFFC2, 0xFFC7), (0xFFCA, 0xFFCF), (0xFFD2, 0xFFD7),
    (0xFFDA, 0xFFDC), (0xFFE0, 0xFFE6), (0xFFE8, 0xFFEE), (0xFFFC, 0xFFFD),
    (0x10000, 0x1000B), (0x1000D, 0x10026), (0x10028, 0x1003A), (0x1003C, 0x1003D),
    (0x1003F, 0x1004D), (0x10050, 0x1005D), (0x10080, 0x100FA), (0x10100, 0x10102),
    (0x10107, 0x10133), (0x10137, 0x1018E), (0x10190, 0x1019C), (0x101A0, 0x101A0),
    (0x101D0, 0x101FD), (0x10280, 0x1029C), (0x102A0, 0x102D0), (0x102E0, 0x102FB),
    (0x10300, 0x10323), (0x1032D, 0x1034A), (0x10350, 0x1037A), (0x10380, 0x1039D),
    (0x1039F, 0x103C3), (0x103C8, 0x103D5), (0x10400, 0x1049D), (0x104A0, 0x104A9),
    (0x104B0, 0x104D3), (0x104D8, 0x104FB), (0x10500, 0x10527), (0x10530, 0x10563),
    (0x1056F, 0x1056F), (0x10600, 0x10736), (0x10740, 0x10755), (0x10760, 0x10767),
    (0x10800, 0x10805), (0x10808, 0x10808), (0x1080A, 0x10835), (0x10837, 0x10838),
    (0x1083C, 0x1083C), (0x1083F, 0x10855), (0x10857, 0x1089E), (0x108A7, 0x108AF),
    (0x108E0, 0x108F2), (0x108F4, 0x108F5), (0x108FB, 0x1091B), (0x1091F, 0x10939),
    (0x1093F, 0x1093F), (0x10980, 0x109B7), (0x109BC, 0x109CF), (0x109D2, 0x10A03),
    (0x10A05, 0x10A06), (0x10A0C, 0x10A13), (0x10A15, 0x10A17), (0x10A19, 0x10A35),
    (0x10A38, 0x10A3A), (0x10A3F, 0x10A48), (0x10A50, 0x10A58), (0x10A60, 0x10A9F),
    (0x10AC0, 0x10AE6), (0x10AEB, 0x10AF6), (0x10B00, 0x10B35), (0x10B39, 0x10B55),
    (0x10B58, 0x10B72), (0x10B78, 0x10B91), (0x10B99, 0x10B9C), (0x10BA9, 0x10BAF),
    (0x10C00, 0x10C48), (0x10C80, 0x10CB2), (0x10CC0, 0x10CF2), (0x10CFA, 0x10D27),
    (0x10D30, 0x10D39), (0x10E60, 0x10E7E), (0x10E80, 0x10EA9), (0x10EAB, 0x10EAD),
    (0x10EB0, 0x10EB1), (0x10F00, 0x10F27), (0x10F30, 0x10F59), (0x10FB0, 0x10FCB),
    (0x10FE0, 0x10FF6), (0x11000, 0x1104D), (0x11052, 0x1106F), (0x1107F, 0x110BC),
    (0x110BE, 0x110C1), (0x110D0, 0x110E8), (0x110F0, 0x110F9), (0x11100, 0x11134),
    (0x11136, 0x11147), (0x11150, 0x11176), (0x11180, 0x111DF), (0x111E1, 0x111F4),
    (0x11200, 0x11211), (0x11213, 0x1123E), (0x11280, 0x11286), (0x11288, 0x11288),
    (0x1128A, 0x1128D), (0x1128F, 0x1129D), (0x1129F, 0x112A9), (0x112B0, 0x112EA),
    (0x112F0, 0x112F9), (0x11300, 0x11303), (0x11305, 0x1130C), (0x1130F, 0x11310),
    (0x11313, 0x11328), (0x1132A, 0x11330), (0x11332, 0x11333), (0x11335, 0x11339),
    (0x1133B, 0x11344), (0x11347, 0x11348), (0x1134B, 0x1134D), (0x11350, 0x11350),
    (0x11357, 0x11357), (0x1135D, 0x11363), (0x11366, 0x1136C), (0x11370, 0x11374),
    (0x11400, 0x1145B), (0x1145D, 0x11461), (0x11480, 0x114C7), (0x114D0, 0x114D9),
    (0x11580, 0x115B5), (0x115B8, 0x115DD), (0x11600, 0x11644), (0x11650, 0x11659),
    (0x11660, 0x1166C), (0x11680, 0x116B8), (0x116C0, 0x116C9), (0x11700, 0x1171A),
    (0x1171D, 0x1172B), (0x11730, 0x1173F), (0x11800, 0x1183B), (0x118A0, 0x118F2),
    (0x118FF, 0x11906), (0x11909, 0x11909), (0x1190C, 0x11913), (0x11915, 0x11916),
    (0x11918, 0x11935), (0x11937, 0x11938), (0x1193B, 0x11946), (0x11950, 0x11959),
    (0x119A0, 0x119A7), (0x119AA, 0x119D7), (0x119DA, 0x119E4), (0x11A00, 0x11A47),
    (0x11A50, 0x11AA2), (0x11AC0, 0x11AF8), (0x11C00, 0x11C08), (0x11C0A, 0x11C36),
    (0x11C38, 0x11C45), (0x11C50, 0x11C6C), (0x11C70, 0x11C8F), (0x11C92, 0x11CA7),
    (0x11CA9, 0x11CB6), (0x11D00, 0x11D06), (0x11D08, 0x11D09), (0x11D0B, 0x11D36),
    (0x11D3A, 0x11D3A), (0x11D3C, 0x11D3D), (0x11D3F, 0x11D47), (0x11D50, 0x11D59),
    (0x11D60, 0x11D65), (0x11D67, 0x11D68), (0x11D6A, 0x11D8E), (0x11D90, 0x11D91),
    (0x11D93, 0x11D98), (0x11DA0, 0x11DA9), (0x11EE0, 0x11EF8), (0x11FB0, 0x11FB0),
    (0x11FC0, 0x11FF1), (0x11FFF, 0x12399), (0x12400, 0x1246E), (0x12470, 0x12474),
    (0x12480, 0x12543), (0x13000, 0x1342E), (0x14400, 0x14646), (0x16800, 0x16A38),
    (0x16A40, 0x16A5E), (0x16A60, 0x16A69), (0x16A6E, 0x16A6F), (0x16AD0, 0x16AED),
    (0x16AF0, 0x16AF5), (0x16B00, 0x16B45), (0x16B50, 0x16B59), (0x16B5B, 0x16B61),
    (0x16B63, 0x16B77), (0x16B7D, 0x16B8F), (0x16E40, 0x16E9A), (0x16F00, 0x16F4A),
    (0x16F4F, 0x16F87), (0x16F8F, 0x16F9F), (0x16FE0, 0x16FE4), (0x16FF0, 0x16FF1),
    (0x17000, 0x187F7), (0x18800, 0x18CD5), (0x18D00, 0x18D08), (0x1B000, 0x1B11E),
    (0x1B150, 0x1B152), (0x1B164, 0x1B167), (0x1B170, 0x1B2FB), (0x1BC00, 0x1BC6A),
    (0x1BC70, 0x1BC7C), (0x1BC80, 0x1BC88), (0x1BC90, 0x1BC99), (0x1BC9C, 0x1BC9F),
    (0x1D000, 0x1D0F5), (0x1D100, 0x1D126), (0x1D129, 0x1D172), (0x1D17B, 0x1D1E8),
    (0x1D200, 0x1D245), (0x1D2E0, 0x1D2F3), (0x1D300, 0x1D356), (0x1D360, 0x1D378),
    (0x1D400, 0x1D454), (0x1D456, 0x1D49C), (0x1D49E, 0x1D49F), (0x1D4A2, 0x1D4A2),
    (0x1D4A5, 0x1D4A6), (0x1D4A9, 0x1D4AC), (0x1D4AE, 0x1D4B9), (0x1D4BB, 0x1D4BB),
    (0x1D4BD, 0x1D4C3), (0x1D4C5, 0x1D505), (0x1D507, 0x1D50A), (0x1D50D, 0x1D514),
    (0x1D516, 0x1D51C), (0x1D51E, 0x1D539), (0x1D53B, 0x1D53E), (0x1D540, 0x1D544),
    (0x1D546, 0x1D546), (0x1D54A, 0x1D550), (0x1D552, 0x1D6A5), (0x1D6A8, 0x1D7CB),
    (0x1D7CE, 0x1DA8B), (0x1DA9B, 0x1DA9F), (0x1DAA1, 0x1DAAF), (0x1E000, 0x1E006),
    (0x1E008, 0x1E018), (0x1E01B, 0x1E021), (0x1E023, 0x1E024), (0x1E026, 0x1E02A),
    (0x1E100, 0x1E12C), (0x1E130, 0x1E13D), (0x1E140, 0x1E149), (0x1E14E, 0x1E14F),
    (0x1E2C0, 0x1E2F9), (0x1E2FF, 0x1E2FF), (0x1E800, 0x1E8C4), (0x1E8C7, 0x1E8D6),
    (0x1E900, 0x1E94B), (0x1E950, 0x1E959), (0x1E95E, 0x1E95F), (0x1EC71, 0x1ECB4),
    (0x1ED01, 0x1ED3D), (0x1EE00, 0x1EE03), (0x1EE05, 0x1EE1F), (0x1EE21, 0x1EE22),
    (0x1EE24, 0x1EE24), (0x1EE27, 0x1EE27), (0x1EE29, 0x1EE32), (0x1EE34, 0x1EE37),
    (0x1EE39, 0x1EE39), (0x1EE3B, 0x1EE3B), (0x1EE42, 0x1EE42), (0x1EE47, 0x1EE47),
    (0x1EE49, 0x1EE49), (0x1EE4B, 0x1EE4B), (0x1EE4D, 0x1EE4F), (0x1EE51, 0x1EE52),
    (0x1EE54, 0x1EE54), (0x1EE57, 0x1EE57), (0x1EE59, 0x1EE59), (0x1EE5B, 0x1EE5B),
    (0x1EE5D, 0x1EE5D), (0x1EE5F, 0x1EE5F), (0x1EE61, 0x1EE62), (0x1EE64, 0x1EE64),
    (0x1EE67, 0x1EE6A), (0x1EE6C, 0x1EE72), (0x1EE74, 0x1EE77), (0x1EE79, 0x1EE7C),
    (0x1EE7E, 0x1EE7E), (0x1EE80, 0x1EE89), (0x1EE8B, 0x1EE9B), (0x1EEA1, 0x1EEA3),
    (0x1EEA5, 0x1EEA9), (0x1EEAB, 0x1EEBB), (0x1EEF0, 0x1EEF1), (0x1F000, 0x1F02B),
    (0x1F030, 0x1F093), (0x1F0A0, 0x1F0AE), (0x1F0B1, 0x1F0BF), (0x1F0C1, 0x1F0CF),
    (0x1F0D1, 0x1F0F5), (0x1F100, 0x1F1AD), (0x1F1E6, 0x1F202), (0x1F210, 0x1F23B),
    (0x1F240, 0x1F248), (0x1F250, 0x1F251), (0x1F260, 0x1F265), (0x1F300, 0x1F6D7),
    (0x1F6E0, 0x1F6EC), (0x1F6F0, 0x1F6FC), (0x1F700, 0x1F773), (0x1F780, 0x1F7D8),
    (0x1F7E0, 0x1F7EB), (0x1F800, 0x1F80B), (0x1F810, 0x1F847), (0x1F850, 0x1F859),
    (0x1F860, 0x1F887), (0x1F890, 0x1F8AD), (0x1F8B0, 0x1F8B1), (0x1F900, 0x1F978),
    (0x1F97A, 0x1F9CB), (0x1F9CD, 0x1FA53), (0x1FA60, 0x1FA6D), (0x1FA70, 0x1FA74),
    (0x1FA78, 0x1FA7A), (0x1FA80, 0x1FA86), (0x1FA90, 0x1FAA8), (0x1FAB0, 0x1FAB6),
    (0x1FAC0, 0x1FAC2), (0x1FAD0, 0x1FAD6), (0x1FB00, 0x1FB92), (0x1FB94, 0x1FBCA),
    (0x1FBF0, 0x1FBF9), (0x20000, 0x2A6DD), (0x2A700, 0x2B734), (0x2B740, 0x2B81D),
    (0x2B820, 0x2CEA1), (0x2CEB0, 0x2EBE0), (0x2F800, 0x2FA1D), (0x30000, 0x3134A),
    (0xE0100, 0xE01EF),
)
_PRINT_STARTS = tuple(lo for lo, _ in _PRINT_RANGES)
