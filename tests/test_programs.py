"""The golden runner: every tests/programs/NAME.go against real Go 1.19.

NAME.stdout, NAME.stderr and NAME.exit were recorded from Go 1.19 by
tools/record_goldens.py (see tests/programs/README.md).  Each program runs
with the go1.19 profile in plain mode and in every stress mode of DESIGN.md
section 6, and every mode must print the same as Go: stdout and the exit
code exactly, stderr after `mask` (addresses, pc offsets, directories and
traceback arguments differ between any two runs of real Go too), with Go's
background goroutines dropped from the expected text
(`drop_go_background_goroutines`).
"""

import difflib
import re
from pathlib import Path

import pytest

import gostack

PROGRAMS = Path(__file__).parent / "programs"
NAMES = sorted(str(p.relative_to(PROGRAMS))[:-3] for p in PROGRAMS.glob("**/*.go"))

STRESS_MODES = {
    "plain": {},
    "forcemove": {"stackforcemove": 1},
    "poison": {"stackpoisoncopy": 1, "stackfaultonfree": 1},
    "checkinv": {"checkinv": 1},
}

# stackforcemove=1 moves the whole used stack at every call, which costs
# (depth x stack size) and is intractable for the deep programs: at 1,
# deep_struct1 (30000 deep) took 262 s and grow_array1 (100000 deep) would
# take about an hour.  Those run with stackforcemove=N, a move at every N-th
# prologue check (N prime, so the moves fall at every call depth), chosen to
# keep each run within a few seconds; lower N as the executor gets faster.
FORCEMOVE_PERIOD = {
    "nosplit1": 7, "recursion1": 13, "escape1": 61, "setmaxstack1": 101,
    "deep_struct1": 127, "mutual_rec1": 331, "grow_array1": 997, "memstats1": 997,
    "grow_ptr1": 1999, "overflow1": 10_000_019, "goroutines/shrink_parked1": 97,
    "others/gotest_stack": 997, "others/bench_binarytrees": 97,
    "goroutines/grow_then_park1": 97,   # 50 goroutines 2,000 deep: every call took 48 s
    "others/gotest_peano": 9973,        # its stack reaches megabytes: 997 took 2 minutes
}

# Programs that took more than 2 s in some mode (measured: overflow1 13-16 s
# in every mode, as it grows to the 1 GB limit; the others 2-4 s under
# stackforcemove, about 1 s otherwise).  Still run by default; -m "not slow"
# leaves them out of a quick run.
SLOW = {"overflow1", "mutual_rec1", "grow_array1", "grow_ptr1", "memstats1",
        "setmaxstack1", "deep_struct1", "recursion1"}

# A guard against a hung run, far above any program's expected time: hitting
# it is a failure (exit 3 and a host-limit line in the diff), never a skip.
RUN_TIMEOUT = 900


# ------------------------------------------------------------ masking

_PC_OFFSET = re.compile(r" \+0x[0-9a-f]+")
_HEX = re.compile(r"0x[0-9a-f]+\??")
_PATH = re.compile(r"(?<!\S)\S*/(?=[^\s/]+:\d+)")
# A traceback frame: an unindented package-qualified name and its arguments,
# e.g. main.f(0x1?, 0x2?), runtime.(*scavengerState).park(...), main.main().
_FRAME = re.compile(r"^([A-Za-z_][\w/.-]*\.\S+?)\([^()\n]*\)$", re.M)
# The wait reasons of the runtime's own goroutines.  gostack makes all of them
# (gostack/runtime/background.py) under the go1.10 and go1.19 profiles, so by
# default nothing is dropped; go1.2-go1.4 have none and drop them all.
_BACKGROUND_STATES = {"force gc (idle)", "GC sweep wait", "GC scavenge wait",
                      "finalizer wait", "GC worker (idle)"}
UNMODELLED_STATES = frozenset()
_GOROUTINE_HEADER = re.compile(r"goroutine (\d+) \[([^\]]*)\]:")


def mask(text: str) -> str:
    """Hide what differs between any two runs of the same binary, keep the rest.

    pc offsets ` +0x45` are removed; other hex numbers (addresses, fp/sp/pc,
    `0x1?`) become `0xX`; a file path keeps its basename and line
    (`/tmp/x/panic1.go:8` -> `panic1.go:8`); a traceback frame's arguments
    become ARGS (`main.f(0x1?, 0x2?)` and `main.f(...)` -> `main.f(ARGS)`).
    """
    text = _PC_OFFSET.sub("", text)
    text = _HEX.sub("0xX", text)
    text = _PATH.sub("", text)
    return _FRAME.sub(r"\1(ARGS)", text)


def drop_go_background_goroutines(text: str, states=UNMODELLED_STATES) -> str:
    """Remove the runtime's own helper goroutines that gostack does not make.

    A runtime throw in real Go (e.g. `fatal error: stack overflow`) also
    dumps the goroutines its runtime starts for itself: forcegchelper
    (`force gc (idle)`), bgsweep (`GC sweep wait`), bgscavenge (`GC
    scavenge wait`), the finalizer goroutine (`finalizer wait`, once a
    package such as os has set a finalizer) and, after a GC, the mark
    workers (`GC worker (idle)`).  gostack makes them all under go1.10 and
    go1.19, so by default (`UNMODELLED_STATES`, empty) nothing is dropped.  The blocks of goroutines in `states`
    (from the `goroutine N [state]:` line, N != 1, to the blank line that
    ends the block) are dropped from the expected text; nothing else is.
    Profiles without the background goroutines (go1.2-go1.4) pass
    `states=ALL_BACKGROUND_STATES`.
    """
    blocks = text.split("\n\n")
    kept = [b for b in blocks if not _is_background_goroutine(b, states)]
    result = "\n\n".join(kept)
    if text.endswith("\n") and not result.endswith("\n"):
        result += "\n"
    return result


ALL_BACKGROUND_STATES = frozenset(_BACKGROUND_STATES)


def _is_background_goroutine(block: str, states) -> bool:
    header = _GOROUTINE_HEADER.match(block)
    return bool(header) and header.group(1) != "1" and header.group(2) in states


# ------------------------------------------------------------ the runner

# The goroutine programs also run on a model machine with 4 CPUs: 4 Ps that
# the host runs one after another, stealing work from each other.  Go 1.19
# recorded them with GOMAXPROCS=2; their output does not depend on it.
MULTI_P_MODE = "cpus4"
MULTI_P_CPUS = 4


def _params():
    for name in NAMES:
        marks = [pytest.mark.slow] if name in SLOW else []
        modes = list(STRESS_MODES)
        if name.startswith("goroutines/"):
            modes.append(MULTI_P_MODE)
        for mode in modes:
            yield pytest.param(name, mode, marks=marks, id=f"{name}-{mode}")


@pytest.mark.parametrize("name, mode", list(_params()))
def test_program_prints_what_go_prints(name, mode):
    source = PROGRAMS / f"{name}.go"
    want_stdout = (PROGRAMS / f"{name}.stdout").read_text()
    want_stderr = (PROGRAMS / f"{name}.stderr").read_text()
    want_exit = int((PROGRAMS / f"{name}.exit").read_text())

    cpus = MULTI_P_CPUS if mode == MULTI_P_MODE else 1
    result = gostack.run_file(str(source), profile="go1.19", debug=stress_knobs(name, mode),
                              cpus=cpus, timeout=RUN_TIMEOUT)

    problems = []
    if result.stdout != want_stdout:
        problems.append(_diff("stdout", want_stdout, result.stdout))
    got, want = mask(result.stderr), mask(drop_go_background_goroutines(want_stderr))
    if got != want:
        problems.append(_diff("stderr (masked)", want, got))
    if result.exit_code != want_exit:
        problems.append(f"exit code: want {want_exit}, got {result.exit_code}")
    if problems:
        pytest.fail(f"{name}.go in mode {mode}:\n" + "\n".join(problems), pytrace=False)


# The stack-interaction programs of issue 3 (lang/stack_*, lang/stackln_*) recurse
# 10,000-30,000 deep on purpose; they move the stack at every 997th check.
DEEP_PREFIXES = {"lang/stack": 997}


def stress_knobs(name: str, mode: str) -> dict:
    knobs = dict(STRESS_MODES.get(mode, {}))
    if "stackforcemove" in knobs:
        period = next((p for prefix, p in DEEP_PREFIXES.items() if name.startswith(prefix)), 1)
        knobs["stackforcemove"] = FORCEMOVE_PERIOD.get(name, period)
    return knobs


def _diff(what: str, want: str, got: str) -> str:
    lines = difflib.unified_diff(want.splitlines(keepends=True), got.splitlines(keepends=True),
                                 f"{what}: Go 1.19", f"{what}: gostack")
    return "".join(line if line.endswith("\n") else line + "\n\\ no newline\n"
                   for line in lines)


# ------------------------------------------------------------ the masks themselves

def test_mask_hides_addresses_offsets_paths_and_arguments():
    go = ("goroutine 1 [running]:\n"
          "main.f(0x1555528?, {0x465820?, 0x4bc840?})\n"
          "\t/tmp/golden-b9u22iu4/src/overflow1.go:9 +0x1c fp=0xc0200783b0 sp=0xc020078398"
          " pc=0x457c7c\n"
          "runtime.goparkunlock(...)\n"
          "\t/usr/lib/go-1.19/src/runtime/proc.go:369\n"
          "runtime.(*scavengerState).park(0x4bf800)\n"
          "main.main()\n")
    assert mask(go) == ("goroutine 1 [running]:\n"
                        "main.f(ARGS)\n"
                        "\toverflow1.go:9 fp=0xX sp=0xX pc=0xX\n"
                        "runtime.goparkunlock(ARGS)\n"
                        "\tproc.go:369\n"
                        "runtime.(*scavengerState).park(ARGS)\n"
                        "main.main(ARGS)\n")


def test_mask_leaves_program_output_alone():
    text = "f(3) = 6\nsum: 12 ok\npanic: runtime error: index out of range [7] with length 5\n"
    assert mask(text) == text


def test_drop_go_background_goroutines_keeps_goroutine_1_and_the_rest():
    text = (PROGRAMS / "setmaxstack1.stderr").read_text()
    dropped = drop_go_background_goroutines(text, ALL_BACKGROUND_STATES)
    assert "goroutine 1 [running]:" in dropped
    assert "fatal error: stack overflow" in dropped
    for state in ("force gc (idle)", "GC sweep wait", "GC scavenge wait", "finalizer wait"):
        assert state in text and state not in dropped
    assert dropped.endswith("...additional frames elided...\n")
    # by default only what gostack does not model goes: nothing
    worker = "goroutine 18 [GC worker (idle)]:\nruntime.gopark(...)\n"
    assert drop_go_background_goroutines(text + "\n" + worker) == text + "\n" + worker
    assert drop_go_background_goroutines(text + "\n" + worker, {"GC worker (idle)"}) == text
    assert drop_go_background_goroutines("panic: x\n\ngoroutine 1 [running]:\nmain.main()\n") \
        == "panic: x\n\ngoroutine 1 [running]:\nmain.main()\n"


FORCEMOVE_PROBE = """package main

func down(n int) int {
	if n == 0 {
		return 0
	}
	return down(n-1) + 1
}

func main() {
	println(down(200))
}
"""


def test_stackforcemove_really_moves_the_stack():
    """The stress modes are only worth running if they do something."""
    plain = gostack.run_source(FORCEMOVE_PROBE, "probe.go", profile="go1.19")
    forced = gostack.run_source(FORCEMOVE_PROBE, "probe.go", profile="go1.19",
                                debug={"stackforcemove": 1})
    assert forced.stderr == plain.stderr == "200\n"
    assert forced.stats["totals"]["bytes_copied"] > plain.stats["totals"]["bytes_copied"]


def test_every_program_has_its_goldens():
    assert len(NAMES) >= 39
    for name in NAMES:
        for ext in ("stdout", "stderr", "exit"):
            assert (PROGRAMS / f"{name}.{ext}").is_file(), f"{name}.{ext} is missing"
