"""strings: the common functions, and strings.Builder.

Go strings are bytes; these work on bytes as Go's do (Fields and TrimSpace
split on Unicode white space, ToUpper/ToLower map runes).  strings.Builder
keeps its bytes in a []byte field of the program's own struct, grown by
append's rule, so its memory is real.
"""

from __future__ import annotations

import struct

from .. import types as T
from ..runtime.panic import GoPanic
from ..runtime.string import decode_rune, encode_rune, runes_of
from .callconv import GoCall, Slice
from .registry import gofunc, named_struct, typename

S, I, B = T.STRING, T.INT, T.BOOL
SS = T.Slice(T.STRING)
SPACE = {0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F,
         0x3000} | set(range(0x2000, 0x200B))


def new_string_slice(world, items: list[bytes]) -> Slice:
    if not items:
        return Slice(0, 0, 0) if items is None else Slice(world.malloc(1, "[]string", ()), 0, 0)
    ptr = world.slices.alloc_array(len(items), 16, (0,), "[]string")
    for k, item in enumerate(items):
        world.strings.set(ptr + 16 * k, world.strings.new(item))
    return Slice(ptr, len(items), len(items))


def read_string_slice(world, s: Slice) -> list[bytes]:
    return [world.strings.bytes_at(s.ptr + 16 * k) for k in range(s.len)]


def is_space(r: int) -> bool:
    return r in SPACE


def fields(data: bytes) -> list[bytes]:
    out, start, i = [], None, 0
    while i < len(data):
        r, w = decode_rune(data, i)
        if is_space(r):
            if start is not None:
                out.append(data[start:i])
                start = None
        elif start is None:
            start = i
        i += w
    if start is not None:
        out.append(data[start:])
    return out


def map_runes(data: bytes, fn) -> bytes:
    return b"".join(encode_rune(fn(r)) for r in runes_of(data))


def _upper(r):
    c = chr(r).upper()
    return ord(c) if len(c) == 1 else r


def _lower(r):
    c = chr(r).lower()
    return ord(c) if len(c) == 1 else r


def trim_func(data: bytes, left: bool, right: bool, pred) -> bytes:
    runes = []
    i = 0
    while i < len(data):
        r, w = decode_rune(data, i)
        runes.append((i, w, r))
        i += w
    lo, hi = 0, len(runes)
    while left and lo < hi and pred(runes[lo][2]):
        lo += 1
    while right and hi > lo and pred(runes[hi - 1][2]):
        hi -= 1
    if lo >= hi:
        return b""
    return data[runes[lo][0]:runes[hi - 1][0] + runes[hi - 1][1]]


def split(data: bytes, sep: bytes, n: int = -1) -> list[bytes]:
    if n == 0:
        return None
    if sep == b"":
        parts = []
        i = 0
        while i < len(data) and (n < 0 or len(parts) < n - 1):
            _, w = decode_rune(data, i)
            parts.append(data[i:i + w])
            i += w
        if i < len(data):
            parts.append(data[i:])
        return parts
    return data.split(sep, n - 1 if n > 0 else -1)


gofunc("strings", "Contains", [S, S], [B])(lambda w, s, sub: sub in s)
gofunc("strings", "ContainsRune", [S, T.INT32], [B])(lambda w, s, r: encode_rune(r) in s)
gofunc("strings", "ContainsAny", [S, S], [B])(lambda w, s, chars: any(encode_rune(r) in s for r in runes_of(chars)))
gofunc("strings", "HasPrefix", [S, S], [B])(lambda w, s, p: s.startswith(p))
gofunc("strings", "HasSuffix", [S, S], [B])(lambda w, s, p: s.endswith(p))
gofunc("strings", "Index", [S, S], [I])(lambda w, s, sub: s.find(sub))
gofunc("strings", "LastIndex", [S, S], [I])(lambda w, s, sub: s.rfind(sub))
gofunc("strings", "IndexByte", [S, T.UINT8], [I])(lambda w, s, c: s.find(bytes([c])))
gofunc("strings", "IndexRune", [S, T.INT32], [I])(lambda w, s, r: s.find(encode_rune(r)))
gofunc("strings", "Count", [S, S], [I])(
    lambda w, s, sub: len(runes_of(s)) + 1 if sub == b"" else s.count(sub))
gofunc("strings", "Repeat", [S, I], [S])(lambda w, s, n: s * n)
gofunc("strings", "Replace", [S, S, S, I], [S])(
    lambda w, s, old, new, n: s.replace(old, new, n if n >= 0 else -1) if old else _replace_empty(s, new, n))
gofunc("strings", "ReplaceAll", [S, S, S], [S])(
    lambda w, s, old, new: s.replace(old, new) if old else _replace_empty(s, new, -1))
gofunc("strings", "ToUpper", [S], [S])(lambda w, s: map_runes(s, _upper))
gofunc("strings", "ToLower", [S], [S])(lambda w, s: map_runes(s, _lower))
gofunc("strings", "Title", [S], [S])(lambda w, s: _title(s))
gofunc("strings", "TrimSpace", [S], [S])(lambda w, s: trim_func(s, True, True, is_space))
gofunc("strings", "Trim", [S, S], [S])(lambda w, s, cut: trim_func(s, True, True, lambda r: r in runes_of(cut)))
gofunc("strings", "TrimLeft", [S, S], [S])(lambda w, s, cut: trim_func(s, True, False, lambda r: r in runes_of(cut)))
gofunc("strings", "TrimRight", [S, S], [S])(lambda w, s, cut: trim_func(s, False, True, lambda r: r in runes_of(cut)))
gofunc("strings", "TrimPrefix", [S, S], [S])(lambda w, s, p: s[len(p):] if p and s.startswith(p) else s)
gofunc("strings", "TrimSuffix", [S, S], [S])(lambda w, s, p: s[:-len(p)] if p and s.endswith(p) else s)
gofunc("strings", "EqualFold", [S, S], [B])(lambda w, a, b: map_runes(a, _lower) == map_runes(b, _lower))
gofunc("strings", "Compare", [S, S], [I])(lambda w, a, b: (a > b) - (a < b))
gofunc("strings", "Fields", [S], [SS])(lambda w, s: new_string_slice(w, fields(s)))
gofunc("strings", "Split", [S, S], [SS])(lambda w, s, sep: new_string_slice(w, split(s, sep)))
gofunc("strings", "SplitN", [S, S, I], [SS])(lambda w, s, sep, n: new_string_slice(w, split(s, sep, n)))
gofunc("strings", "Join", [SS, S], [S])(lambda w, elems, sep: sep.join(read_string_slice(w, elems)))


def _replace_empty(s: bytes, new: bytes, n: int) -> bytes:
    """Replace with an empty old string: new goes before every rune and at the end."""
    out, i, done = [], 0, 0
    while (n < 0 or done < n):
        out.append(new)
        done += 1
        if i >= len(s):
            break
        _, w = decode_rune(s, i)
        out.append(s[i:i + w])
        i += w
    out.append(s[i:])
    return b"".join(out)


def _title(s: bytes) -> bytes:
    out, prev_letter = [], False
    for r in runes_of(s):
        letter = chr(r).isalnum() or r == ord("_")
        out.append(encode_rune(_upper(r) if letter and not prev_letter else r))
        prev_letter = letter
    return b"".join(out)


# -- strings.Builder: {addr *Builder; buf []byte}, as Go 1.19 lays it out

BUILDER = named_struct("strings", "Builder", [("addr", T.Pointer(T.UINT8)), ("buf", T.Slice(T.UINT8))])
typename("strings", "Builder", BUILDER)
BP = T.Pointer(BUILDER)
BUF = 8


def builder_append(world, b: int, data: bytes) -> None:
    if data:
        world.slices.append_n_bytes(b + BUF, data)


def builder_method(name, params, results):
    def register(impl):
        gofunc("strings", f"(*Builder).{name}", [BP] + params, results)(impl)
        from .registry import PACKAGES
        methods = PACKAGES.setdefault("strings", {}).setdefault("#methods", {}).setdefault(BUILDER, {})
        methods[name] = PACKAGES["strings"][f"(*Builder).{name}"]
        return impl
    return register


@builder_method("WriteString", [S], [I, T.ERROR])
def b_write_string(world, b, s):
    builder_append(world, b, s)
    return len(s), None


@builder_method("WriteByte", [T.UINT8], [T.ERROR])
def b_write_byte(world, b, c):
    builder_append(world, b, bytes([c]))
    return None


@builder_method("WriteRune", [T.INT32], [I, T.ERROR])
def b_write_rune(world, b, r):
    data = encode_rune(r)
    builder_append(world, b, data)
    return len(data), None


@builder_method("String", [], [S])
def b_string(world, b):
    load = world.aspace.load
    ptr, n = load(b + BUF, "q"), load(b + BUF + 8, "q")
    return world.aspace.read(ptr, n) if n else b""


@builder_method("Len", [], [I])
def b_len(world, b):
    return world.aspace.load(b + BUF + 8, "q")


@builder_method("Reset", [], [])
def b_reset(world, b):
    world.aspace.fill(b, 32, 0)


@builder_method("Grow", [I], [])
def b_grow(world, b, n):
    load = world.aspace.load
    length, cap = load(b + BUF + 8, "q"), load(b + BUF + 16, "q")
    if cap - length < n:
        world.slices.regrow(b + BUF, 2 * cap + n, 1, (), "[]byte")


@gofunc("strings", "Map", [T.Signature([T.INT32], [T.INT32]), S], [S])
def strings_map(world, mapping, s):
    """Map: the Go function is called for every rune (in Go); negative drops the rune."""
    out = []
    for r in runes_of(s):
        res = yield GoCall(world.aspace.load(mapping, "q"), struct.pack("<i", r) + bytes(4), 4, ctxt=mapping)
        m = struct.unpack("<i", res[:4])[0]
        if m >= 0:
            out.append(encode_rune(m))
    return b"".join(out)


gofunc("strings", "LastIndexByte", [S, T.UINT8], [I])(lambda w, s, c: s.rfind(bytes([c])))
gofunc("strings", "IndexAny", [S, S], [I])(
    lambda w, s, chars: min([i for i in (s.find(encode_rune(r)) for r in runes_of(chars)) if i >= 0], default=-1))


@builder_method("Write", [T.Slice(T.UINT8)], [I, T.ERROR])
def b_write(world, b, data):
    raw = world.aspace.read(data.ptr, data.len) if data.len else b""
    builder_append(world, b, raw)
    return len(raw), None


@gofunc("strings", "Cut", [S, S], [S, S, B])
def strings_cut(world, s, sep):
    i = s.find(sep)
    return (s[:i], s[i + len(sep):], True) if i >= 0 else (s, b"", False)



# strings.Replacer keeps its old/new pairs in a []string of its own, in the
# heap; Replace scans left to right and, at each position, takes the first
# pair (in argument order) whose old string matches there, as Go's does.
REPLACER = named_struct("strings", "Replacer", [("oldnew", SS)])
typename("strings", "Replacer", REPLACER)


@gofunc("strings", "NewReplacer", [SS], [T.Pointer(REPLACER)], variadic=True)
def new_replacer(world, oldnew):
    if oldnew.len % 2:
        raise GoPanic("strings.NewReplacer: odd argument count")
    pairs = new_string_slice(world, read_string_slice(world, oldnew))
    r = world.malloc(REPLACER.size, "strings.Replacer", REPLACER.ptr_offsets())
    world.aspace.store(r, "q", pairs.ptr)
    world.aspace.store(r + 8, "q", pairs.len)
    world.aspace.store(r + 16, "q", pairs.cap)
    return r


def replace_pairs(s: bytes, pairs: list[tuple[bytes, bytes]]) -> bytes:
    out, i, n = [], 0, len(s)
    while i <= n:
        pair = next(((old, new) for old, new in pairs if s.startswith(old, i)), None)
        if pair is not None:
            out.append(pair[1])
            if pair[0]:
                i += len(pair[0])
                continue
        if i < n:
            out.append(s[i:i + 1])
        i += 1
    return b"".join(out)


def _replacer_method(name, params, results):
    def register(impl):
        gofunc("strings", f"(*Replacer).{name}", [T.Pointer(REPLACER)] + params, results)(impl)
        from .registry import PACKAGES
        methods = PACKAGES["strings"].setdefault("#methods", {}).setdefault(REPLACER, {})
        methods[name] = PACKAGES["strings"][f"(*Replacer).{name}"]
        return impl
    return register


@_replacer_method("Replace", [S], [S])
def replacer_replace(world, r, s):
    load = world.aspace.load
    items = read_string_slice(world, Slice(load(r, "q"), load(r + 8, "q"), load(r + 16, "q")))
    return replace_pairs(s, list(zip(items[0::2], items[1::2])))


# ---- the *Func variants: the predicate is Go code, called (in Go) on runes
# in the order Go's functions call it, so its side effects match.
RUNE_PRED = T.Signature([T.INT32], [B])


def _runes_at(data: bytes) -> list[tuple[int, int, int]]:
    """(offset, width, rune) for every rune of data."""
    out, i = [], 0
    while i < len(data):
        r, w = decode_rune(data, i)
        out.append((i, w, r))
        i += w
    return out


def _pred(world, f, r):
    res = yield GoCall(world.aspace.load(f, "q"), struct.pack("<i", r) + bytes(4), 8, ctxt=f)
    return res[0] != 0


@gofunc("strings", "IndexFunc", [S, RUNE_PRED], [I])
def index_func(world, s, f):
    for off, _, r in _runes_at(s):
        if (yield from _pred(world, f, r)):
            return off
    return -1


@gofunc("strings", "LastIndexFunc", [S, RUNE_PRED], [I])
def last_index_func(world, s, f):
    for off, _, r in reversed(_runes_at(s)):
        if (yield from _pred(world, f, r)):
            return off
    return -1


def _trim_left(world, s, f):
    for off, _, r in _runes_at(s):
        if not (yield from _pred(world, f, r)):
            return s[off:]
    return b""


def _trim_right(world, s, f):
    for off, w, r in reversed(_runes_at(s)):
        if not (yield from _pred(world, f, r)):
            return s[:off + w]
    return b""


@gofunc("strings", "TrimFunc", [S, RUNE_PRED], [S])
def trim_func_go(world, s, f):
    return (yield from _trim_right(world, (yield from _trim_left(world, s, f)), f))


gofunc("strings", "TrimLeftFunc", [S, RUNE_PRED], [S])(_trim_left)
gofunc("strings", "TrimRightFunc", [S, RUNE_PRED], [S])(_trim_right)


@gofunc("strings", "FieldsFunc", [S, RUNE_PRED], [SS])
def fields_func(world, s, f):
    """The runs of runes for which f is false (f is called once per rune, in order)."""
    out, start = [], None
    for off, _, r in _runes_at(s):
        if (yield from _pred(world, f, r)):
            if start is not None:
                out.append(s[start:off])
                start = None
        elif start is None:
            start = off
    if start is not None:
        out.append(s[start:])
    return new_string_slice(world, out)


def split_after(data: bytes, sep: bytes, n: int = -1) -> list[bytes] | None:
    """SplitAfter(N): as split, each piece keeping its separator."""
    if n == 0:
        return None
    if sep == b"":
        return split(data, sep, n)
    out, i = [], 0
    while n < 0 or len(out) < n - 1:
        k = data.find(sep, i)
        if k < 0:
            break
        out.append(data[i:k + len(sep)])
        i = k + len(sep)
    out.append(data[i:])
    return out


gofunc("strings", "SplitAfter", [S, S], [SS])(lambda w, s, sep: new_string_slice(w, split_after(s, sep)))
gofunc("strings", "SplitAfterN", [S, S, I], [SS])(lambda w, s, sep, n: new_string_slice(w, split_after(s, sep, n)))
gofunc("strings", "LastIndexAny", [S, S], [I])(
    lambda w, s, chars: max([off for off, _, r in _runes_at(s) if r in runes_of(chars)], default=-1))
