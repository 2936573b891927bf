"""Unit tests for gostack.runtime.printfmt: the text of print and println.

Every expected float text below was printed by real Go 1.19
(/usr/lib/go-1.19/bin/go, linux/amd64, GO111MODULE=off) from this program:

    package main

    var zero float64

    func main() {
    	nan := zero / zero
    	inf := 1 / zero
    	negzero := -zero
    	println(0.0)
    	println(negzero)
    	println(1.0)
    	println(1.5)
    	println(1e-7)
    	println(123456789.0)
    	println(1e300)
    	println(5e-324)
    	println(0.1)
    	println(2.0 / 3.0)
    	println(9.9999995)
    	println(99999995.0)
    	println(1.7976931348623157e308)
    	println(-1.25)
    	println(nan)
    	println(inf)
    	println(-inf)
    	println(100.0)
    	println(-123.456)
    	println(2.2250738585072014e-308)
    	println(0.99999995)
    	println(9.99999949)
    	println(1e23)
    	println(3.0, 4.5, true, -7, "s")
    	print(1.0, 2, "x\\n")
    }

A larger corpus (3100 doubles, many at the rounding boundary) is in
data/printfloat_go119.txt, with the program that recorded it.
"""

import math
import re
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gostack.runtime.printfmt import (
    format_bool,
    format_float,
    format_int,
    format_pointer,
    format_string,
    format_uint,
    print_text,
    println_text,
)

CORPUS = Path(__file__).parent / "data" / "printfloat_go119.txt"

GO_FLOATS = [
    (0.0, "+0.000000e+000"),
    (-0.0, "-0.000000e+000"),
    (1.0, "+1.000000e+000"),
    (1.5, "+1.500000e+000"),
    (1e-7, "+1.000000e-007"),
    (123456789.0, "+1.234568e+008"),
    (1e300, "+1.000000e+300"),
    (5e-324, "+4.940656e-324"),
    (0.1, "+1.000000e-001"),
    (2.0 / 3.0, "+6.666667e-001"),
    (9.9999995, "+1.000000e+001"),      # correctly rounded would be +9.999999e+000
    (99999995.0, "+1.000000e+008"),
    (1.7976931348623157e308, "+1.797693e+308"),
    (-1.25, "-1.250000e+000"),
    (math.nan, "NaN"),
    (math.inf, "+Inf"),
    (-math.inf, "-Inf"),
    (100.0, "+1.000000e+002"),
    (-123.456, "-1.234560e+002"),
    (2.2250738585072014e-308, "+2.225074e-308"),
    (0.99999995, "+1.000000e+000"),
    (9.99999949, "+9.999999e+000"),
    (1e23, "+1.000000e+023"),
]


def from_bits(bits: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def corpus():
    for line in CORPUS.read_text().splitlines():
        if line and not line.startswith("#"):
            bits, text = line.split()
            yield int(bits, 16), text


@pytest.mark.parametrize("value, text", GO_FLOATS, ids=[t for _, t in GO_FLOATS])
def test_format_float_matches_go_1_19(value, text):
    assert format_float(value) == text


def test_format_float_matches_go_1_19_on_the_recorded_corpus():
    mismatches = [(f"0x{bits:016x}", text, format_float(from_bits(bits)))
                  for bits, text in corpus() if format_float(from_bits(bits)) != text]
    assert mismatches == []


def test_the_corpus_is_large_and_checks_go_rounding():
    pairs = list(corpus())
    assert len(pairs) == 3100
    finite = [(from_bits(bits), text) for bits, text in pairs
              if math.isfinite(from_bits(bits))]
    not_correctly_rounded = [v for v, text in finite if text != _correctly_rounded(v)]
    assert len(not_correctly_rounded) > 500


def _correctly_rounded(v: float) -> str:
    mantissa, exp = f"{v:+.6e}".split("e")
    return f"{mantissa}e{exp[0]}{exp[1:]:0>3}"


FLOAT_SHAPE = re.compile(r"[+-]\d\.\d{6}e[+-]\d{3}")


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_format_float_has_go_shape_and_is_within_half_a_unit_of_the_last_digit(v):
    # Not a reference implementation: only what any correct output satisfies.
    text = format_float(v)
    assert FLOAT_SHAPE.fullmatch(text)
    assert text[0] == ("-" if math.copysign(1.0, v) < 0 else "+")
    exp = int(text[10:])
    assert abs(float(text) - v) <= 1.0000001 * 5e-7 * 10.0 ** exp


@pytest.mark.parametrize("value, text", [
    (0, "0"), (-7, "-7"), (9223372036854775807, "9223372036854775807"),
    (-9223372036854775808, "-9223372036854775808"),
])
def test_format_int(value, text):
    assert format_int(value) == text


def test_format_uint_prints_the_full_64_bit_range():
    assert format_uint(0) == "0"
    assert format_uint(18446744073709551615) == "18446744073709551615"
    assert format_uint(-1) == "18446744073709551615"    # the same 64 bits


def test_format_bool():
    assert (format_bool(True), format_bool(False)) == ("true", "false")


def test_format_pointer_is_lowercase_hex_and_nil_is_0x0():
    assert format_pointer(0xC000012ABC) == "0xc000012abc"
    assert format_pointer(0) == "0x0"
    assert format_pointer(None) == "0x0"


def test_format_string_prints_the_string_as_is():
    assert format_string('a "b"\n') == 'a "b"\n'


def test_println_separates_with_spaces_and_ends_the_line():
    # println(3.0, 4.5, true, -7, "s") in the program above
    parts = [format_float(3.0), format_float(4.5), format_bool(True), format_int(-7),
             format_string("s")]
    assert println_text(parts) == "+3.000000e+000 +4.500000e+000 true -7 s\n"
    assert println_text([]) == "\n"


def test_print_concatenates_without_spaces():
    # print(1.0, 2, "x\n") in the program above
    parts = [format_float(1.0), format_int(2), format_string("x\n")]
    assert print_text(parts) == "+1.000000e+0002x\n"
