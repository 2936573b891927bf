"""The pure helpers behind path, math/bits, strings.Replacer, utf8.FullRune,
math.Pow10 and log's header (expected values as Go 1.19 gives them)."""

import datetime

import pytest

from gostack.stdlib import bits_pkg, log_pkg, path_pkg
from gostack.stdlib.math_pkg import _pow10
from gostack.stdlib.strings_pkg import replace_pairs
from gostack.stdlib.unicode_pkg import full_rune


@pytest.mark.parametrize("p, want", [
    (b"", b"."), (b"a//c", b"a/c"), (b"a/c/b/..", b"a/c"), (b"/../a/b/../././/c", b"/a/c"),
    (b"../../x", b"../../x"), (b"a/../..", b".."), (b"/", b"/"), (b"//", b"/")])
def test_clean(p, want):
    assert path_pkg.clean(p) == want


def test_base_dir_ext_join_split():
    assert path_pkg.base(b"/a/b/") == b"b" and path_pkg.base(b"///") == b"/"
    assert path_pkg.ext(b"a/b.c/d") == b"" and path_pkg.ext(b"x.tar.gz") == b".gz"
    assert path_pkg.join([b"a/b", b"../../../xyz"]) == b"../xyz" and path_pkg.join([b"", b""]) == b""
    assert path_pkg.split(b"static/x.css") == (b"static/", b"x.css")


@pytest.mark.parametrize("pattern, name, want", [
    (b"abc", b"abc", True), (b"a*", b"abc", True), (b"a*/b", b"a/c/b", False), (b"a*b*c", b"axbyc", True),
    (b"[a-c]x", b"bx", True), (b"[^a-c]x", b"bx", False), (b"a?c", b"a/c", False), (b"\\*", b"*", True)])
def test_match(pattern, name, want):
    assert path_pkg._match(pattern, name) is want


@pytest.mark.parametrize("pattern", [b"[", b"[a-", b"a\\", b"[]"])
def test_match_bad_pattern(pattern):
    with pytest.raises(path_pkg.BadPattern):
        path_pkg._match(pattern, b"zzz")


def test_bits():
    assert bits_pkg.leading_zeros(1, 64) == 63 and bits_pkg.trailing_zeros(0, 16) == 16
    assert bits_pkg.trailing_zeros(8, 8) == 3
    assert bits_pkg.reverse(0b00010011, 8) == 0b11001000
    assert bits_pkg.reverse_bytes(0x0102, 16) == 0x0201
    assert bits_pkg.rotate_left(0b00001111, -2, 8) == 0b11000011


def test_replacer():
    assert replace_pairs(b"a<b>", [(b"<", b"&lt;"), (b">", b"&gt;")]) == b"a&lt;b&gt;"
    assert replace_pairs(b"abc", [(b"", b"-")]) == b"-a-b-c-"
    assert replace_pairs(b"aaa", [(b"a", b"1"), (b"aa", b"2")]) == b"111"   # argument order wins


def test_full_rune():
    assert full_rune(b"a") and not full_rune(b"") and not full_rune(b"\xe2\x82")
    assert full_rune(b"\xe2\x82\xac") and full_rune(b"\xff")
    assert full_rune(b"\xe0\x80")            # E0 80 can never start a rune: decodes as an error


def test_pow10():
    assert _pow10(2) == 100.0 and _pow10(-324) == 0.0 and _pow10(309) == float("inf")
    assert _pow10(-1) == 0.1 and _pow10(300) == 1e300


def test_log_header():
    now = datetime.datetime(2009, 11, 10, 23, 4, 5, 123456)
    assert log_pkg.header(3, now) == b"2009/11/10 23:04:05 "
    assert log_pkg.header(5, now) == b"2009/11/10 23:04:05.123456 "
    assert log_pkg.header(0, now) == b""
