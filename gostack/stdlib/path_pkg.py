"""path: slash-separated path manipulation (Base, Clean, Dir, Ext, IsAbs, Join,
Match, Split), as Go 1.19's package path.

Pure functions over byte strings, written from the package's documented
rules (Clean's four rules; Match's pattern grammar).  Match's error is the
package variable ErrBadPattern, one error value for the whole run.
"""

from __future__ import annotations

from .. import types as T
from ..runtime.string import decode_rune
from .errors_pkg import new_error
from .registry import const, gofunc, pkgvar

S, B = T.STRING, T.BOOL
BAD_PATTERN = b"syntax error in pattern"


def clean(p: bytes) -> bytes:
    """The shortest path equivalent to p by purely lexical processing."""
    if not p:
        return b"."
    rooted = p.startswith(b"/")
    out: list[bytes] = []
    for part in p.split(b"/"):
        if part in (b"", b"."):
            continue
        if part == b"..":
            if out and out[-1] != b"..":
                out.pop()
            elif not rooted:
                out.append(part)
            continue
        out.append(part)
    body = b"/".join(out)
    if rooted:
        return b"/" + body
    return body or b"."


def split(p: bytes) -> tuple[bytes, bytes]:
    i = p.rfind(b"/")
    return p[:i + 1], p[i + 1:]


def base(p: bytes) -> bytes:
    if not p:
        return b"."
    p = p.rstrip(b"/")
    if not p:
        return b"/"
    return p[p.rfind(b"/") + 1:]


def ext(p: bytes) -> bytes:
    for i in range(len(p) - 1, -1, -1):
        if p[i] == ord("/"):
            break
        if p[i] == ord("."):
            return p[i:]
    return b""


def join(elems: list[bytes]) -> bytes:
    nonempty = [e for e in elems if e]
    return clean(b"/".join(nonempty)) if nonempty else b""


# ---- Match: '*' any run of non-'/' bytes, '?' one non-'/' rune, '[...]' a
# class ('^' negates, 'a-z' ranges), '\\' quotes the next character.

class BadPattern(Exception):
    pass


def _class(pat: bytes, i: int, r: int) -> tuple[bool, int]:
    """Does rune r match the class starting after '[' at pat[i:]? -> (matched, index after ']')."""
    negated = i < len(pat) and pat[i] == ord("^")
    i += negated
    matched, first = False, True
    while True:
        if i >= len(pat):
            raise BadPattern
        if pat[i] == ord("]") and not first:
            return matched != negated, i + 1
        lo, i = _class_char(pat, i)
        hi = lo
        if i < len(pat) and pat[i] == ord("-"):
            hi, i = _class_char(pat, i + 1)
        matched = matched or lo <= r <= hi
        first = False


def _class_char(pat: bytes, i: int) -> tuple[int, int]:
    if i >= len(pat) or pat[i] in b"-]":
        raise BadPattern
    if pat[i] == ord("\\"):
        i += 1
        if i >= len(pat):
            raise BadPattern
    r, w = decode_rune(pat, i)
    return r, i + w


def _match(pat: bytes, name: bytes) -> bool:
    i = 0
    while i < len(pat):
        c = pat[i]
        if c == ord("*"):
            rest = pat[i + 1:]
            for k in range(len(name) + 1):
                if _match(rest, name[k:]):
                    return True
                if k < len(name) and name[k] == ord("/"):
                    break
            _check(rest)
            return False
        if not name:
            _check(pat[i:])
            return False
        r, w = decode_rune(name, 0)
        if c == ord("?"):
            ok, i = r != ord("/"), i + 1
        elif c == ord("["):
            ok, i = _class(pat, i + 1, r)
        else:
            if c == ord("\\"):
                i += 1
                if i >= len(pat):
                    raise BadPattern
            pr, pw = decode_rune(pat, i)
            ok, i = pr == r, i + pw
        if not ok:
            _check(pat[i:])
            return False
        name = name[w:]
    return not name


def _check(pat: bytes) -> None:
    """Go reports a malformed pattern even when the name failed to match early."""
    i = 0
    while i < len(pat):
        if pat[i] == ord("["):
            _, i = _class(pat, i + 1, -1)
        elif pat[i] == ord("\\"):
            if i + 1 >= len(pat):
                raise BadPattern
            i += 2
        else:
            i += 1


def match(world, pattern: bytes, name: bytes):
    try:
        return _match(pattern, name), None
    except BadPattern:
        return False, bad_pattern(world)


@pkgvar("path", "ErrBadPattern", T.ERROR)
def bad_pattern(world):
    errs = world.__dict__.setdefault("std_errors", {})
    if "path.ErrBadPattern" not in errs:
        errs["path.ErrBadPattern"] = err = new_error(world, BAD_PATTERN)
        world.collector.pin(err.data)
    return errs["path.ErrBadPattern"]


# The lexical functions, shared by path and (on Linux, where the separator is
# '/') path/filepath.  filepath.Match has its own ErrBadPattern: not provided.
LEXICAL = (("Clean", [S], [S], lambda w, p: clean(p)),
           ("Base", [S], [S], lambda w, p: base(p)),
           ("Ext", [S], [S], lambda w, p: ext(p)),
           ("IsAbs", [S], [B], lambda w, p: p.startswith(b"/")),
           ("Split", [S], [S, S], lambda w, p: split(p)),
           ("Dir", [S], [S], lambda w, p: clean(split(p)[0])))
FILEPATH = "path/filepath"
for _path, _extra in (("path", ()), (FILEPATH, (("ToSlash", [S], [S], lambda w, p: p),
                                                ("FromSlash", [S], [S], lambda w, p: p)))):
    for _name, _params, _results, _impl in LEXICAL + _extra:
        gofunc(_path, _name, _params, _results, leaks=False)(_impl)
gofunc("path", "Match", [S, S], [B, T.ERROR], leaks=False)(match)


@gofunc("path", "Join", [T.Slice(S)], [S], variadic=True, leaks=False)
def path_join(world, elems):
    from .strings_pkg import read_string_slice
    return join(read_string_slice(world, elems))


gofunc(FILEPATH, "Join", [T.Slice(S)], [S], variadic=True, leaks=False)(path_join)
const(FILEPATH, "Separator", T.INT32, ord("/"))
const(FILEPATH, "ListSeparator", T.INT32, ord(":"))
