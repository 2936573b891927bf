"""Bad input: compile errors, unsupported Go, garbage, and the CLI's own errors.

What the user must see (DESIGN.md section 5): a compile error is
`FILE:LINE:COL: message` and exit 1; Go outside gostack's subset is
`FILE:LINE:COL: unsupported: ...` and exit 1; nothing ever shows a Python
traceback.  Only the shape is checked here, and the line where gc reports
the error: the wording is the compiler's business (gc's own message is
quoted beside each case, from `go build` of Go 1.19).
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gostack

ROOT = Path(__file__).parent.parent
PROGRAMS = Path(__file__).parent / "programs"
POSITION = re.compile(r"bad\.go:(\d+):(\d+): (.+)")
TRACEBACK = "Traceback (most recent call last)"
LIMITS = dict(max_steps=100_000, timeout=5)


def first_error(source: str) -> tuple[int, str]:
    """Compile and run `source` as bad.go; it must fail to compile. Returns (line, message)."""
    result = gostack.run_source(source, "bad.go", **LIMITS)
    assert result.exit_code == 1, result.stderr
    assert result.stdout == ""
    assert TRACEBACK not in result.stderr
    match = POSITION.fullmatch(result.stderr.splitlines()[0])
    assert match, f"not FILE:LINE:COL: message: {result.stderr!r}"
    return int(match.group(1)), match.group(3)


# ------------------------------------------------------------ compile errors

SYNTAX_ERRORS = {
    # bad.go:5:1: syntax error: unexpected EOF, expecting }
    "missing_brace": 'package main\n\nfunc main() {\n\tprintln("hi")\n',
    # bad.go:4:17: syntax error: unexpected newline in argument list; possibly missing comma or )
    "missing_paren": "package main\n\nfunc main() {\n\tprintln((1 + 2)\n}\n",
}

TYPE_ERRORS = {   # name: (source, the line gc reports)
    # bad.go:5:14: undefined: y
    "undefined": ("package main\n\nfunc main() {\n\tx := 1\n\tprintln(x + y)\n}\n", 5),
    # bad.go:4:2: x declared but not used
    "unused": ("package main\n\nfunc main() {\n\tx := 1\n}\n", 4),
    # bad.go:6:10: invalid operation: a + b (mismatched types int and float64)
    "mismatched": ("package main\n\nfunc main() {\n\tvar a int = 1\n\tvar b float64 = 2\n"
                   "\tprintln(a + b)\n}\n", 6),
}

# Valid Go that gostack does not compile (yet): each moves out of this list
# when its issue lands (goroutines, defer, maps, packages).
UNSUPPORTED = {   # name: (source, line of the construct)
    "type_alias": ("package main\n\ntype A = int\n\nfunc main() {\n\tprintln(A(1))\n}\n", 3),
    "complex": ("package main\n\nfunc main() {\n\tc := 2i\n\tprintln(c)\n}\n", 4),
    "complex_type": ("package main\n\nvar c complex128\n\nfunc main() {\n\tprintln(c)\n}\n", 3),
    "complex_builtin": ("package main\n\nfunc main() {\n\tprintln(real(complex(1, 2)))\n}\n", 4),
    "generics": ("package main\n\nfunc id[T any](x T) T { return x }\n\nfunc main() {\n"
                 "\tprintln(id(1))\n}\n", 3),
    "import_net": ('package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.Get("x")\n}\n', 3),
}


@pytest.mark.parametrize("source", SYNTAX_ERRORS.values(), ids=SYNTAX_ERRORS.keys())
def test_syntax_error_is_reported_at_a_position_and_exits_1(source):
    first_error(source)


@pytest.mark.parametrize("source, line", TYPE_ERRORS.values(), ids=TYPE_ERRORS.keys())
def test_type_error_is_reported_on_gc_line_and_exits_1(source, line):
    assert first_error(source)[0] == line


@pytest.mark.parametrize("source, line", UNSUPPORTED.values(), ids=UNSUPPORTED.keys())
def test_unsupported_go_is_named_unsupported_and_exits_1(source, line):
    got_line, message = first_error(source)
    assert message.startswith("unsupported: ")
    assert got_line == line


# ------------------------------------------------------------ garbage never crashes

TRUNCATED = (PROGRAMS / "structs1.go").read_text()
GO_TOKENS = ["package", "main", "func", "var", "const", "type", "struct", "return", "for",
             "if", "else", "switch", "case", "{", "}", "(", ")", "[", "]", ",", ";", "\n",
             ":=", "=", "+", "*", "&", "<<", "x", "y", "int", "float64", "bool", "1", "0x10",
             "1e3", '"s"', "println", "print", "panic", "len", "new", "nil", "true", "..."]


def check_never_crashes(source: str, path: str) -> None:
    result = gostack.run_source(source, path, **LIMITS)
    assert result.exit_code in (0, 1, 2, 3)
    assert TRACEBACK not in result.stderr
    if result.exit_code == 1:      # the golden programs never exit 1 themselves
        assert re.match(re.escape(path) + r":\d+:\d+: ", result.stderr), result.stderr


GARBAGE_SETTINGS = settings(max_examples=150, deadline=None,
                            suppress_health_check=[HealthCheck.too_slow])


@GARBAGE_SETTINGS
@given(st.integers(0, len(TRUNCATED)))
def test_every_truncation_of_a_valid_program_fails_cleanly(n):
    check_never_crashes(TRUNCATED[:n], "trunc.go")


@GARBAGE_SETTINGS
@given(st.binary(max_size=300))
def test_random_bytes_fail_cleanly(data):
    check_never_crashes(data.decode("utf-8", "surrogateescape"), "bytes.go")


@GARBAGE_SETTINGS
@given(st.lists(st.sampled_from(GO_TOKENS), max_size=60))
def test_random_go_tokens_fail_cleanly(tokens):
    check_never_crashes("package main\n" + " ".join(tokens), "tokens.go")


# ------------------------------------------------------------ the command line

def gostack_cli(*args, cwd):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("GOSTACK_TRACEBACK", None)
    return subprocess.run([sys.executable, "-m", "gostack", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_cli_reports_a_missing_file_and_exits_1(tmp_path):
    run = gostack_cli("run", "nope.go", cwd=tmp_path)
    assert (run.returncode, run.stdout, run.stderr) == (
        1, "", "gostack: open nope.go: no such file or directory\n")


def test_cli_max_steps_stops_an_infinite_loop_with_one_line(tmp_path):
    (tmp_path / "loop.go").write_text("package main\n\nfunc main() {\n\tfor {\n\t}\n}\n")
    run = gostack_cli("run", "--max-steps", "1000", "loop.go", cwd=tmp_path)
    assert run.returncode == 3
    assert run.stdout == ""
    assert len(run.stderr.splitlines()) == 1 and run.stderr.endswith("\n"), run.stderr


def test_cli_compile_error_is_one_position_line_and_exit_1(tmp_path):
    (tmp_path / "bad.go").write_text(TYPE_ERRORS["undefined"][0])
    run = gostack_cli("run", "bad.go", cwd=tmp_path)
    assert run.returncode == 1
    assert POSITION.match(run.stderr) and TRACEBACK not in run.stderr


def test_cli_runs_as_a_module(tmp_path):
    run = gostack_cli("--version", cwd=tmp_path)
    assert (run.returncode, run.stdout) == (0, f"gostack {gostack.__version__}\n")
