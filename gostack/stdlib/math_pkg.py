"""math: the common functions and constants (IEEE doubles, as Go's)."""

from __future__ import annotations

import math
from fractions import Fraction

from .. import types as T
from .registry import const, gofunc

F = T.FLOAT64
UF, UI = T.UNTYPED_FLOAT, T.UNTYPED_INT

for _name, _value in (("Pi", Fraction(math.pi)), ("E", Fraction(math.e)), ("Sqrt2", Fraction(math.sqrt(2))),
                      ("Ln2", Fraction(math.log(2))), ("Phi", Fraction(1.618033988749895)),
                      ("Log2E", Fraction(1 / math.log(2))), ("Ln10", Fraction(math.log(10))), ("MaxFloat64", Fraction(1.7976931348623157e308)),
                      ("SmallestNonzeroFloat64", Fraction(5e-324)), ("MaxFloat32", Fraction(3.4028234663852886e38))):
    const("math", _name, UF, _value)
for _name, _value in (("MaxInt", (1 << 63) - 1), ("MinInt", -(1 << 63)), ("MaxInt64", (1 << 63) - 1),
                      ("MinInt64", -(1 << 63)), ("MaxInt32", (1 << 31) - 1), ("MinInt32", -(1 << 31)),
                      ("MaxInt16", (1 << 15) - 1), ("MinInt16", -(1 << 15)), ("MaxInt8", 127), ("MinInt8", -128),
                      ("MaxUint8", 255), ("MaxUint16", 65535), ("MaxUint32", (1 << 32) - 1),
                      ("MaxUint64", (1 << 64) - 1), ("MaxUint", (1 << 64) - 1)):
    const("math", _name, UI, _value)


def _safe(fn):
    def wrapped(world, *args):
        try:
            return fn(*args)
        except (ValueError, ZeroDivisionError):
            return math.nan
        except OverflowError:
            return math.inf
    return wrapped


def _pow(x, y):
    try:
        return math.pow(x, y)
    except OverflowError:
        return math.inf
    except ValueError:
        return math.nan if x >= 0 or not math.isinf(y) else 0.0


def _log(x):
    if x == 0:
        return -math.inf
    if x < 0 or math.isnan(x):
        return math.nan
    return math.log(x) if not math.isinf(x) else math.inf


def _round(x):
    """Go's Round: half away from zero."""
    if math.isnan(x) or math.isinf(x):
        return x
    return math.copysign(math.floor(abs(x) + 0.5), x)


def _mod(x, y):
    if y == 0 or math.isinf(x) or math.isnan(x) or math.isnan(y):
        return math.nan
    return math.fmod(x, y)


def _maxmin(pick_max):
    def fn(x, y):
        if math.isinf(x) and (x > 0) == pick_max or math.isinf(y) and (y > 0) == pick_max:
            return math.inf if pick_max else -math.inf
        if math.isnan(x) or math.isnan(y):
            return math.nan
        if x == 0 and y == 0:
            neg = math.copysign(1, x) < 0
            return (x if not neg else y) if pick_max else (x if neg else y)
        return max(x, y) if pick_max else min(x, y)
    return fn


for _name, _fn in (("Sqrt", lambda x: math.sqrt(x) if x >= 0 else math.nan), ("Abs", abs),
                   ("Floor", lambda x: float(math.floor(x)) if math.isfinite(x) else x),
                   ("Ceil", lambda x: float(math.ceil(x)) if math.isfinite(x) else x),
                   ("Trunc", lambda x: float(math.trunc(x)) if math.isfinite(x) else x),
                   ("Round", _round), ("Log", _log), ("Log2", lambda x: _log(x) / math.log(2) if x > 0 else _log(x)),
                   ("Log10", lambda x: math.log10(x) if x > 0 else _log(x)), ("Exp", math.exp),
                   ("Sin", math.sin), ("Cos", math.cos), ("Tan", math.tan), ("Atan", math.atan),
                   ("Asin", math.asin), ("Acos", math.acos), ("Cbrt", lambda x: math.copysign(abs(x) ** (1 / 3), x))):
    gofunc("math", _name, [F], [F], leaks=False)(_safe(_fn))
for _name, _fn in (("Pow", _pow), ("Mod", _mod), ("Max", _maxmin(True)), ("Min", _maxmin(False)),
                   ("Hypot", math.hypot), ("Atan2", math.atan2)):
    gofunc("math", _name, [F, F], [F], leaks=False)(_safe(_fn))
gofunc("math", "Inf", [T.INT], [F], leaks=False)(lambda w, sign: math.inf if sign >= 0 else -math.inf)
gofunc("math", "NaN", [], [F], leaks=False)(lambda w: math.nan)
gofunc("math", "IsNaN", [F], [T.BOOL], leaks=False)(lambda w, x: math.isnan(x))
gofunc("math", "IsInf", [F, T.INT], [T.BOOL], leaks=False)(
    lambda w, x, sign: math.isinf(x) and (sign == 0 or (x > 0) == (sign > 0)))
gofunc("math", "Signbit", [F], [T.BOOL], leaks=False)(lambda w, x: math.copysign(1, x) < 0)
gofunc("math", "Float64bits", [F], [T.UINT64], leaks=False)(
    lambda w, x: int.from_bytes(__import__("struct").pack("<d", x), "little"))
gofunc("math", "Copysign", [F, F], [F], leaks=False)(lambda w, x, y: math.copysign(x, y))
gofunc("math", "Dim", [F, F], [F], leaks=False)(lambda w, x, y: max(x - y, 0.0))
for _name, _fn in (("Acosh", math.acosh), ("Asinh", math.asinh), ("Atanh", math.atanh),
                   ("Sinh", math.sinh), ("Cosh", math.cosh), ("Tanh", math.tanh),
                   ("Exp2", lambda x: 2.0 ** x), ("Expm1", math.expm1), ("Log1p", math.log1p)):
    gofunc("math", _name, [F], [F], leaks=False)(_safe(_fn))
gofunc("math", "Float64frombits", [T.UINT64], [F], leaks=False)(
    lambda w, b: __import__("struct").unpack("<d", b.to_bytes(8, "little"))[0])
gofunc("math", "Sincos", [F], [F, F], leaks=False)(lambda w, x: (math.sin(x), math.cos(x)))
gofunc("math", "Modf", [F], [F, F], leaks=False)(lambda w, x: (float(math.trunc(x)), x - math.trunc(x)))


# Pow10 multiplies two table entries (10^(32q) and 10^r, each correctly rounded)
# as Go's does, so its last bit matches Go's rather than the exact 10^n.
POW10_MIN, POW10_MAX = -323, 308


def _pow10(n):
    if n < POW10_MIN:
        return 0.0
    if n > POW10_MAX:
        return math.inf
    q, r = divmod(abs(n), 32)
    if n >= 0:
        return float(f"1e{32 * q}") * float(f"1e{r}")
    return float(f"1e-{32 * q}") / float(f"1e{r}")


gofunc("math", "Pow10", [T.INT], [F], leaks=False)(lambda w, n: _pow10(n))
gofunc("math", "RoundToEven", [F], [F], leaks=False)(
    lambda w, x: math.copysign(float(round(x)), x) if math.isfinite(x) else x)
gofunc("math", "Remainder", [F, F], [F], leaks=False)(_safe(math.remainder))
