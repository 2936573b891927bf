"""gostack's escape decisions and frames against gc's (issue 12).

Every golden has gc's own `-m -l` diagnostics and `-S` headers recorded beside
it (NAME.gc-m, NAME.gc-S, by tools/record_gc.py with Go 1.19); these tests run
gostack's `build -m -S` on every golden (compile only, no Go needed) and
compare, with tools/gc_fidelity.py.  `pytest -s` prints the table.

The floors are the figures measured when the comparison landed, so a
regression fails; the issue's targets are F1 >= 0.95 for escape decisions
and >= 80% of frames exact (>= 95% within 16 bytes).  Raise the floors as
gostack gets closer.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import gc_fidelity  # noqa: E402
import gostack.compiler.escape as escape  # noqa: E402

# Measured on the branch `build` (288 goldens, 4,479 gc decisions, 1,403 functions).
FLOOR_PRECISION = 0.59
FLOOR_RECALL = 0.60
FLOOR_F1 = 0.60
FLOOR_FRAMES_EXACT = 0.16
FLOOR_FRAMES_WITHIN16 = 0.42
TARGET_F1 = 0.95                  # the targets, not yet asserted
TARGET_FRAMES_EXACT = 0.80


@pytest.fixture(scope="module")
def fidelity():
    fid = gc_fidelity.measure()
    print("\n" + fid.table())
    return fid


def test_every_golden_has_gc_output():
    stems = gc_fidelity.goldens()
    assert len(stems) >= 288
    for stem in stems:
        assert os.path.exists(stem + ".gc-S"), stem


def test_escape_decisions_match_gc_at_least_as_well_as_today(fidelity):
    assert fidelity.failed == 0
    assert fidelity.precision >= FLOOR_PRECISION
    assert fidelity.recall >= FLOOR_RECALL
    assert fidelity.f1 >= FLOOR_F1


def test_frames_match_gc_at_least_as_well_as_today(fidelity):
    assert fidelity.functions >= 1400
    assert fidelity.frames_exact >= FLOOR_FRAMES_EXACT
    assert fidelity.frames_within16 >= FLOOR_FRAMES_WITHIN16


# ---------------------------------------------------------------- the check can fail

def _everything_escapes(program):
    real_analyze(program)
    for fn in program.funcs + ([program.init_func] if program.init_func else []):
        fn.param_leaks = [True] * len(fn.params)
        for v in fn.locals + fn.params + fn.results + fn.news:
            v.escapes = True
    _redecide(program)


def _nothing_escapes(program):
    real_analyze(program)
    for fn in program.funcs + ([program.init_func] if program.init_func else []):
        fn.param_leaks = [False] * len(fn.params)
        for v in fn.locals + fn.params + fn.results + fn.news:
            v.escapes = False
    _redecide(program)


real_analyze = escape.analyze


def _redecide(program):
    """The -m lines again, from the forced decisions."""
    flows = {fn: escape.collect(fn) for fn in program.funcs}
    program.escape_decisions = [d for fn, ff in flows.items() for d in escape.decisions(fn, ff)]


@pytest.mark.parametrize("broken", [_everything_escapes, _nothing_escapes])
def test_broken_escape_analysis_falls_below_the_floors(monkeypatch, broken):
    import gostack.compiler.build as build
    monkeypatch.setattr(build, "analyze", broken)
    fid = gc_fidelity.measure()
    assert fid.f1 < FLOOR_F1


@pytest.mark.slow
def test_nothing_escapes_breaks_goldens(monkeypatch):
    """With every variable left on the stack, programs whose pointers outlive their
    frame (escape1, the method value of issue 10353) print garbage or crash."""
    import gostack
    import gostack.compiler as compiler
    monkeypatch.setattr(compiler, "analyze", _nothing_escapes)
    failures = 0
    for name in ("escape1", "lang/methodvalue_closure1", "lang/closures3"):
        stem = ROOT / "tests" / "programs" / name
        result = gostack.run_file(str(stem) + ".go", profile="go1.19",
                                  debug={"stackforcemove": 1}, timeout=60)
        expected = (stem.with_suffix(".stderr").read_text(), int(stem.with_suffix(".exit").read_text()))
        failures += (result.stderr, result.exit_code) != expected
    assert failures >= 2


def test_gostack_build_prints_gc_lines(tmp_path):
    src = ROOT / "tests" / "programs" / "escape1.go"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.run([sys.executable, "-m", "gostack", "build", "-m", "-S", "-l", "escape1.go"],
                         cwd=src.parent, env=env, capture_output=True, text=True)
    assert run.returncode == 0
    assert "./escape1.go:12:2: moved to heap: c" in run.stderr.splitlines()
    assert "./escape1.go:11:21: leaking param: next" in run.stderr.splitlines()
    assert any(line.startswith("main.grow STEXT args=0x") for line in run.stderr.splitlines())
    bad = tmp_path / "bad.go"
    bad.write_text("package main\n\nfunc main() {\n\tx := 1\n}\n")
    run = subprocess.run([sys.executable, "-m", "gostack", "build", str(bad)],
                         env=env, capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.startswith(f"{bad}:4:")
