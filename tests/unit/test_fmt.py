"""Unit tests for gostack.stdlib.fmt: Sprintf, Sprint, Sprintln and Errorf.

data/fmt_cases_go119.json holds 5,671 calls recorded from real Go 1.19
by tools/fmt_cases.go (build it and run the binary; its header says how).
Each operand there is described by reflection -- kind, %T name, value,
fields, elements, map entries in Go's (random) iteration order, and the
results of its Error/String/GoString methods or the value they panicked
with -- and ``build`` below turns a description into the GoValue the
runtime would pass, so every recorded case is a real comparison.
"""

import json
import struct
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gostack.stdlib import strconv
from gostack.stdlib.fmt import GoPanic, GoValue, errorf, sprint, sprintf, sprintln

DATA = Path(__file__).parent / "data" / "fmt_cases_go119.json"


def _bytes(x) -> bytes:
    if isinstance(x, dict):
        return bytes.fromhex(x["hex"])
    return x.encode("utf-8")


def _float(bits: str) -> float:
    return struct.unpack("<d", bytes.fromhex(bits)[::-1])[0]


def _method(result):
    if isinstance(result, dict) and "panic" in result:
        def hook():
            raise GoPanic(build(result["panic"]))
    else:
        text = _bytes(result)

        def hook():
            return text
    return hook


def build(d):
    """A GoValue from a description written by tools/fmt_cases.go."""
    if d is None:
        return None
    kind, raw = d["k"], d.get("v")
    methods = {name: _method(r) for name, r in d.get("m", {}).items()}
    value = raw
    pointee = None
    if kind in ("float32", "float64"):
        value = _float(raw)
    elif kind in ("complex64", "complex128"):
        value = complex(_float(raw[0]), _float(raw[1]))
    elif kind == "string":
        value = _bytes(raw)
    elif kind in ("array", "slice"):
        value = None if raw is None else [build(e) for e in raw]
    elif kind == "struct":
        value = [(name, build(e)) for name, e in raw]
    elif kind == "map":
        value = None if raw is None else [(build(k), build(v)) for k, v in raw]
    elif kind == "interface":
        value = build(raw)
    elif kind == "ptr" and "elem" in d:
        target = build(d["elem"])
        pointee = lambda: target  # noqa: E731
    return GoValue(kind, d["t"], value, elem_kind=d.get("ek"), methods=methods,
                   pointee=pointee, address=d.get("addr", 0))


CASES = json.loads(DATA.read_text())["cases"]


def _id(case) -> str:
    return f"{case['fn']}:{case['format']!r}:{json.dumps(case['args'])[:60]}"


@pytest.mark.parametrize("case", CASES, ids=[_id(c) for c in CASES])
def test_recorded_case(case):
    args = [build(a) for a in case["args"]]
    fmt = _bytes(case["format"])
    want = _bytes(case["want"])
    if case["fn"] == "sprintf":
        assert sprintf(fmt, args) == want
    elif case["fn"] == "sprint":
        assert sprint(args) == want
    elif case["fn"] == "sprintln":
        assert sprintln(args) == want
    else:
        text, wrapped = errorf(fmt, args)
        assert text == want
        assert wrapped == case.get("wrapped")


def test_every_recorded_verb_form_is_present():
    # The recorded corpus covers every verb and every error form.
    formats = b"".join(_bytes(c["format"]) for c in CASES)
    for verb in b"vTtdboOxXcqUeEfFgGsp%":
        assert b"%" + bytes([verb]) in formats or bytes([verb]) in formats
    wants = b"".join(_bytes(c["want"]) for c in CASES)
    for form in (b"%!d(string=", b"%!(EXTRA ", b"(MISSING)", b"%!(BADWIDTH)", b"%!(BADPREC)",
                 b"%!(NOVERB)", b"(BADINDEX)", b"PANIC=String method: ", b"<nil>"):
        assert form in wants, form
    assert len(CASES) > 5000


# ---------------------------------------------------------------- hand-built values

def _int(n, type_name="int"):
    return GoValue("int", type_name, n)


def _str(s):
    return GoValue("string", "string", s.encode() if isinstance(s, str) else s)


def test_format_and_operands_may_be_str_and_interfaces_are_unwrapped():
    boxed = GoValue("interface", "interface {}", _int(7))
    assert sprintf("%d|%T", [boxed, boxed]) == b"7|int"
    nil_iface = GoValue("interface", "error", None)
    assert sprintf("%v %d", [nil_iface, None]) == b"<nil> %!d(<nil>)"


def test_nested_panic_propagates_as_go_repanics():
    def bad_error():
        raise GoPanic(GoValue("struct", "main.E", [], methods={"Error": bad_error}))

    def panics():
        raise GoPanic(GoValue("struct", "main.E", [], methods={"Error": bad_error}))

    v = GoValue("struct", "main.T", [], methods={"String": panics})
    with pytest.raises(GoPanic):
        sprintf("%v", [v])


def test_panic_with_nil_value_prints_nothing_as_in_go119():
    def panics_nil():
        raise GoPanic(None)

    v = GoValue("struct", "main.T", [], methods={"String": panics_nil})
    assert sprintf("[%v]", [v]) == b"[]"


def test_method_panic_on_nil_pointer_receiver_prints_nil():
    def deref():
        raise GoPanic(_str("runtime error: invalid memory address or nil pointer dereference"))

    nil_ptr = GoValue("ptr", "*main.T", 0, elem_kind="struct", methods={"String": deref})
    assert sprintf("%v|%s|%d", [nil_ptr, nil_ptr, nil_ptr]) == b"<nil>|<nil>|0"


def test_methods_of_unexported_fields_are_not_called():
    stringer = GoValue("float64", "main.Celsius", 1.0, methods={"String": lambda: b"1C"})
    s = GoValue("struct", "main.H", [("c", stringer), ("C", stringer)])
    assert sprintf("%v", [s]) == b"{1 1C}"


def test_interface_keys_order_by_type_rank_then_value():
    def key(v):
        return GoValue("interface", "interface {}", v)

    entries = [(key(_str("b")), _int(1)), (key(_int(2)), _int(2)), (key(_str("a")), _int(3)),
               (key(None), _int(0)), (key(_int(1)), _int(4))]
    m = GoValue("map", "map[interface {}]int", entries)
    assert sprintf("%v", [m]) == b"map[<nil>:0 1:4 2:2 a:3 b:1]"
    for e in entries:
        if e[0].value is not None:
            e[0].value.type_rank = 0 if e[0].value.kind == "string" else 1
    assert sprintf("%v", [m]) == b"map[<nil>:0 a:3 b:1 1:4 2:2]"


def test_errorf_reports_the_wrapped_operand():
    err = GoValue("ptr", "*errors.errorString", 0xC000010000, methods={"Error": lambda: b"boom"})
    assert errorf("a %d: %w", [_int(1), err]) == (b"a 1: boom", 1)
    assert errorf("%w %w", [err, err]) == (b"boom %!w(*errors.errorString=0xc000010000)", None)
    assert sprintf("%w", [err]) == b"%!w(*errors.errorString=0xc000010000)"


# ---------------------------------------------------------------- properties

INT64 = st.integers(min_value=-(2**63), max_value=2**63 - 1)


@given(INT64, st.sampled_from(["d", "x", "X", "o", "b"]), st.integers(0, 30), st.booleans())
def test_integers_match_python_formatting(n, verb, width, minus):
    spec = ("-" if minus else "") + str(width) + verb
    py = format(n, {"d": "", "x": "x", "X": "X", "o": "o", "b": "b"}[verb])
    want = py.ljust(width) if minus else py.rjust(width)
    assert sprintf("%" + spec, [_int(n, "int64")]) == want.encode()


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_v_of_float64_reads_back(f):
    text = sprintf("%v", [GoValue("float64", "float64", f)])
    assert float(text) == f
    assert text == strconv.format_float(f, "g", -1, 64)


@given(st.lists(st.one_of(st.text(max_size=5), INT64), max_size=6))
def test_sprint_spaces_only_between_non_strings(items):
    args = [_str(x) if isinstance(x, str) else _int(x) for x in items]
    want = ""
    for i, x in enumerate(items):
        if i > 0 and not isinstance(x, str) and not isinstance(items[i - 1], str):
            want += " "
        want += str(x)
    assert sprint(args) == want.encode()
    assert sprintln(args) == (" ".join(str(x) for x in items) + "\n").encode()


@given(st.binary(max_size=20))
def test_q_of_string_is_strconv_quote_and_x_is_hex(b):
    assert sprintf("%q", [_str(b)]) == strconv.quote(b)
    assert sprintf("%x", [_str(b)]) == b.hex().encode()
    assert sprintf("%s", [_str(b)]) == b
