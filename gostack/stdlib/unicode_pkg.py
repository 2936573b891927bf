"""unicode and unicode/utf8: rune classes and UTF-8 helpers (Go 1.19 rules)."""

from __future__ import annotations

import unicodedata

from .. import types as T
from ..runtime.panic import index_error
from ..runtime.string import decode_rune, encode_rune, runes_of
from .strconv import valid_string
from .callconv import append_bytes
from .registry import const, gofunc

R, B, S, I = T.INT32, T.BOOL, T.STRING, T.INT

const("unicode/utf8", "RuneError", T.UNTYPED_RUNE, 0xFFFD)
const("unicode/utf8", "UTFMax", T.UNTYPED_INT, 4)
const("unicode/utf8", "RuneSelf", T.UNTYPED_INT, 0x80)
const("unicode", "MaxRune", T.UNTYPED_RUNE, 0x10FFFF)
const("unicode/utf8", "MaxRune", T.UNTYPED_RUNE, 0x10FFFF)
gofunc("unicode/utf8", "RuneCountInString", [S], [I], leaks=False)(lambda w, s: len(runes_of(s)))
gofunc("unicode/utf8", "RuneCount", [T.Slice(T.UINT8)], [I], leaks=False)(
    lambda w, b: len(runes_of(w.aspace.read(b.ptr, b.len) if b.len else b"")))
gofunc("unicode/utf8", "ValidString", [S], [B], leaks=False)(lambda w, s: valid_string(s))
gofunc("unicode/utf8", "ValidRune", [R], [B], leaks=False)(
    lambda w, r: 0 <= r <= 0x10FFFF and not 0xD800 <= r <= 0xDFFF)
gofunc("unicode/utf8", "DecodeRuneInString", [S], [R, I], leaks=False)(
    lambda w, s: decode_rune(s, 0) if s else (0xFFFD, 0))
gofunc("unicode/utf8", "DecodeLastRuneInString", [S], [R, I], leaks=False)(lambda w, s: _last_rune(s))


@gofunc("unicode/utf8", "RuneLen", [R], [I], leaks=False)
def rune_len(world, r):
    if r < 0 or r > 0x10FFFF or 0xD800 <= r <= 0xDFFF:
        return -1
    return len(encode_rune(r))


def _last_rune(s):
    if not s:
        return 0xFFFD, 0
    for start in range(len(s) - 1, max(len(s) - 4, 0) - 1, -1):
        r, w = decode_rune(s, start)
        if start + w == len(s) and (r != 0xFFFD or w > 1):
            return r, w
    return 0xFFFD, 1


def _cat(r):
    return unicodedata.category(chr(r)) if 0 <= r <= 0x10FFFF else "Cn"


gofunc("unicode", "IsUpper", [R], [B], leaks=False)(lambda w, r: _cat(r) == "Lu")
gofunc("unicode", "IsLower", [R], [B], leaks=False)(lambda w, r: _cat(r) == "Ll")
gofunc("unicode", "IsLetter", [R], [B], leaks=False)(lambda w, r: _cat(r).startswith("L"))
gofunc("unicode", "IsDigit", [R], [B], leaks=False)(lambda w, r: _cat(r) == "Nd")
gofunc("unicode", "IsNumber", [R], [B], leaks=False)(lambda w, r: _cat(r).startswith("N"))
gofunc("unicode", "IsPunct", [R], [B], leaks=False)(lambda w, r: _cat(r).startswith("P"))
gofunc("unicode", "IsSpace", [R], [B], leaks=False)(
    lambda w, r: r in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0) if r < 0x100 else _cat(r) == "Zs"
    or r in (0x2028, 0x2029))
gofunc("unicode", "ToUpper", [R], [R], leaks=False)(
    lambda w, r: ord(chr(r).upper()) if 0 <= r <= 0x10FFFF and len(chr(r).upper()) == 1 else r)
gofunc("unicode", "ToLower", [R], [R], leaks=False)(
    lambda w, r: ord(chr(r).lower()) if 0 <= r <= 0x10FFFF and len(chr(r).lower()) == 1 else r)


def _bytes_of(world, b):
    return world.aspace.read(b.ptr, b.len) if b.len else b""


gofunc("unicode/utf8", "Valid", [T.Slice(T.UINT8)], [B], leaks=False)(lambda w, b: valid_string(_bytes_of(w, b)))
gofunc("unicode/utf8", "DecodeRune", [T.Slice(T.UINT8)], [R, I], leaks=False)(
    lambda w, b: decode_rune(_bytes_of(w, b), 0) if b.len else (0xFFFD, 0))
gofunc("unicode/utf8", "DecodeLastRune", [T.Slice(T.UINT8)], [R, I], leaks=False)(
    lambda w, b: _last_rune(_bytes_of(w, b)))


# The second byte a multi-byte sequence may have, by its first byte (UTF-8's
# rules against overlong forms and surrogates); other continuations are 80-BF.
SECOND_BYTE = {0xE0: (0xA0, 0xBF), 0xED: (0x80, 0x9F), 0xF0: (0x90, 0xBF), 0xF4: (0x80, 0x8F)}


def _seq_len(first: int) -> int:
    """How many bytes a sequence starting with first needs (1: ASCII or invalid)."""
    if 0xC2 <= first <= 0xDF:
        return 2
    if 0xE0 <= first <= 0xEF:
        return 3
    if 0xF0 <= first <= 0xF4:
        return 4
    return 1


def full_rune(p: bytes) -> bool:
    """Does p begin with a whole rune (or with bytes that can only decode as an error)?"""
    if not p:
        return False
    if len(p) >= _seq_len(p[0]):
        return True
    lo, hi = SECOND_BYTE.get(p[0], (0x80, 0xBF))
    if len(p) > 1 and not lo <= p[1] <= hi:
        return True
    return len(p) > 2 and not 0x80 <= p[2] <= 0xBF


gofunc("unicode/utf8", "FullRuneInString", [S], [B], leaks=False)(lambda w, s: full_rune(s))
gofunc("unicode/utf8", "FullRune", [T.Slice(T.UINT8)], [B], leaks=False)(lambda w, b: full_rune(_bytes_of(w, b)))
gofunc("unicode/utf8", "RuneStart", [T.UINT8], [B], leaks=False)(lambda w, c: c & 0xC0 != 0x80)
gofunc("unicode/utf8", "AppendRune", [T.Slice(T.UINT8), R], [T.Slice(T.UINT8)])(
    lambda w, p, r: append_bytes(w, p, encode_rune(r)))
gofunc("unicode", "IsControl", [R], [B], leaks=False)(lambda w, r: _cat(r) == "Cc")
gofunc("unicode", "IsPrint", [R], [B], leaks=False)(
    lambda w, r: __import__("gostack.stdlib.strconv", fromlist=["is_print"]).is_print(r))
gofunc("unicode", "IsTitle", [R], [B], leaks=False)(lambda w, r: _cat(r) == "Lt")
gofunc("unicode", "IsMark", [R], [B], leaks=False)(lambda w, r: _cat(r).startswith("M"))
gofunc("unicode", "IsSymbol", [R], [B], leaks=False)(lambda w, r: _cat(r).startswith("S"))


@gofunc("unicode/utf8", "EncodeRune", [T.Slice(T.UINT8), R], [I], leaks=False)
def encode_rune_into(world, p, r):
    data = encode_rune(r)
    if len(data) > p.len:
        raise index_error(len(data) - 1 if p.len else 0, p.len)
    world.aspace.write(p.ptr, data)
    return len(data)


gofunc("unicode", "IsGraphic", [R], [B], leaks=False)(
    lambda w, r: __import__("gostack.stdlib.strconv", fromlist=["is_print"]).is_print(r) or _cat(r) == "Zs")
