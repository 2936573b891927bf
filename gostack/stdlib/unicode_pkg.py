"""unicode and unicode/utf8: rune classes and UTF-8 helpers (Go 1.19 rules)."""

from __future__ import annotations

import unicodedata

from ..compiler import types as T
from ..runtime.string import decode_rune, encode_rune, runes_of
from ..runtime.strconv import valid_string
from .registry import const, gofunc

R, B, S, I = T.INT32, T.BOOL, T.STRING, T.INT

const("unicode/utf8", "RuneError", T.UNTYPED_RUNE, 0xFFFD)
const("unicode/utf8", "UTFMax", T.UNTYPED_INT, 4)
const("unicode/utf8", "RuneSelf", T.UNTYPED_INT, 0x80)
const("unicode", "MaxRune", T.UNTYPED_RUNE, 0x10FFFF)
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
gofunc("unicode/utf8", "FullRuneInString", [S], [B], leaks=False)(
    lambda w, s: bool(s) and (decode_rune(s, 0)[1] > 1 or decode_rune(s, 0)[0] != 0xFFFD or len(s) >= 4
                              or s[0] < 0x80 or s[0] < 0xC2 or s[0] > 0xF4))
gofunc("unicode", "IsControl", [R], [B], leaks=False)(lambda w, r: _cat(r) == "Cc")
gofunc("unicode", "IsPrint", [R], [B], leaks=False)(
    lambda w, r: __import__("gostack.runtime.strconv", fromlist=["is_print"]).is_print(r))
gofunc("unicode", "IsTitle", [R], [B], leaks=False)(lambda w, r: _cat(r) == "Lt")


@gofunc("unicode/utf8", "EncodeRune", [T.Slice(T.UINT8), R], [I], leaks=False)
def encode_rune_into(world, p, r):
    data = encode_rune(r)
    if len(data) > p.len:
        from ..runtime.panic import index_error
        raise index_error(len(data) - 1 if p.len else 0, p.len)
    world.aspace.write(p.ptr, data)
    return len(data)


gofunc("unicode", "IsGraphic", [R], [B], leaks=False)(
    lambda w, r: __import__("gostack.runtime.strconv", fromlist=["is_print"]).is_print(r) or _cat(r) == "Zs")
