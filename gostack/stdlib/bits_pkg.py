"""math/bits: bit counting and manipulation of unsigned integers (Go 1.19).

Every function comes in the widths 8, 16, 32, 64 and the unsuffixed uint
(64 bits on linux/amd64); they are generated here from one Python function
per operation, parameterised by the width.
"""

from __future__ import annotations

from .. import types as T
from .registry import const, gofunc

UINT_SIZE = 64
WIDTHS = {8: T.UINT8, 16: T.UINT16, 32: T.UINT32, 64: T.UINT64, "": T.UINT}


def _bits(suffix) -> int:
    return UINT_SIZE if suffix == "" else suffix


def leading_zeros(x: int, n: int) -> int:
    return n - x.bit_length()


def trailing_zeros(x: int, n: int) -> int:
    return n if x == 0 else (x & -x).bit_length() - 1


def reverse(x: int, n: int) -> int:
    return int(f"{x:0{n}b}"[::-1], 2)


def reverse_bytes(x: int, n: int) -> int:
    return int.from_bytes(x.to_bytes(n // 8, "little"), "big")


def rotate_left(x: int, k: int, n: int) -> int:
    k %= n
    mask = (1 << n) - 1
    return ((x << k) | (x >> (n - k))) & mask


const("math/bits", "UintSize", T.UNTYPED_INT, UINT_SIZE)
for _suffix, _t in WIDTHS.items():
    _n = _bits(_suffix)
    gofunc("math/bits", f"LeadingZeros{_suffix}", [_t], [T.INT], leaks=False)(
        lambda w, x, n=_n: leading_zeros(x, n))
    gofunc("math/bits", f"TrailingZeros{_suffix}", [_t], [T.INT], leaks=False)(
        lambda w, x, n=_n: trailing_zeros(x, n))
    gofunc("math/bits", f"Len{_suffix}", [_t], [T.INT], leaks=False)(lambda w, x: x.bit_length())
    gofunc("math/bits", f"OnesCount{_suffix}", [_t], [T.INT], leaks=False)(lambda w, x: bin(x).count("1"))
    gofunc("math/bits", f"Reverse{_suffix}", [_t], [_t], leaks=False)(lambda w, x, n=_n: reverse(x, n))
    gofunc("math/bits", f"RotateLeft{_suffix}", [_t, T.INT], [_t], leaks=False)(
        lambda w, x, k, n=_n: rotate_left(x, k, n))
    if _suffix != 8:
        gofunc("math/bits", f"ReverseBytes{_suffix}", [_t], [_t], leaks=False)(
            lambda w, x, n=_n: reverse_bytes(x, n))
