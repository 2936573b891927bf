"""gostack sweep and --set (issue 18): the stack-policy knobs, the local engine,
a real Dask cluster (scheduler and two workers on 127.0.0.1), a worker killed mid-sweep."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from gostack.api import collect_events, run_source
from gostack.api import RunOptions
from gostack.cli import main
from gostack.compiler import compile_source
from gostack.profiles import get_profile, profile_name
from gostack.sweep import COLUMNS, deterministic
from gostack.sweep.driver import sweep
from gostack.sweep.results import read_rows

ROOT = Path(__file__).resolve().parent.parent

DEEP = """package main

func f(n int) int {
	var pad [64]byte
	pad[0] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return f(n-1) + int(pad[0])
}

func main() {
	println(f(2000))
}
"""

BIGFRAME = """package main

func big(n int) int {
	var a [6000]byte
	a[n] = 1
	return int(a[n]) + n
}

func main() {
	println(big(3))
}
"""

SHRINK = """package main

import "runtime"

func f(n int) int {
	var pad [64]byte
	pad[0] = 1
	if n == 0 {
		return 0
	}
	return f(n-1) + int(pad[0])
}

func main() {
	println(f(1000))
	runtime.GC()
	runtime.GC()
	println("done")
}
"""

ADAPTIVE = """package main

import "runtime"

func f(n int) int {
	var pad [64]byte
	pad[0] = 1
	if n == 0 {
		runtime.GC()
		return 0
	}
	return f(n-1) + int(pad[0])
}

func main() {
	runtime.GC() // the first cycle makes the GC's mark worker, which would take the dead G
	done := make(chan int)
	go func() { done <- 1 }()
	println(<-done)
	runtime.Gosched() // the goroutine exits: its G (and stack) go to the P's free list
	println(f(300))
	go func() { done <- 2 }() // gfget: the dead G, with a stack of the starting size
	println(<-done)
}
"""

LEAF = """package main

func leaf(a, b int) int {
	var x [4]int
	x[a&3] = b
	return x[0] + x[1] + a
}

func main() {
	println(leaf(1, 2))
}
"""


def totals(text, **settings):
    result = run_source(text, "p.go", profile=profile_name("go1.19", settings))
    return result, result.stats["totals"]


# ------------------------------------------------------------ one test per knob

def test_stackmin_sets_the_initial_stack_and_saves_grows():
    small, small_totals = totals(DEEP)
    big, big_totals = totals(DEEP, StackMin="8192")
    assert small.stats["goroutines"][0]["initial_stack"] == 2048
    assert big.stats["goroutines"][0]["initial_stack"] == 8192
    assert big_totals["grows"] == small_totals["grows"] - 2      # 2K->4K->8K not needed
    assert big.stderr == small.stderr


def test_stackguard_moves_the_first_grow_up():
    def first_copy_used(**settings):
        _, events = collect_events(DEEP, "p.go", profile=profile_name("go1.19", settings))
        return next(e["used"] for e in events if e["event"] == "copystack")
    assert first_copy_used(StackGuard="1600") < first_copy_used() < first_copy_used(StackGuard="256")


def test_stacksmall_decides_which_leaf_functions_get_a_check():
    def checks(name):
        program = compile_source(LEAF, "leaf.go", RunOptions(profile=name))
        return sum(str(code).count("MORESTACK") for code in program.sources.values())
    assert checks("go1.19+StackSmall=16") == checks("go1.19") + 1     # leaf's 40-byte frame


def test_maxstack_is_the_overflow_limit():
    result, _ = totals(DEEP, MaxStack="64K")
    assert result.exit_code == 2
    assert "goroutine stack exceeds 65536-byte limit" in result.stderr
    assert totals(DEEP)[0].exit_code == 0


def test_growth_double_grows_once_per_doubling():
    _, fits = totals(BIGFRAME)
    _, double = totals(BIGFRAME, growth="double")
    assert fits["grows"] == 1                 # 2K -> 8K at once
    assert double["grows"] == 2               # 2K -> 4K, check again, 4K -> 8K


def test_shrink_off_never_shrinks():
    _, quarter = totals(SHRINK)
    _, off = totals(SHRINK, shrink="off")
    assert quarter["shrinks"] > 0
    assert off["shrinks"] == 0


def test_adaptive_starts_reused_goroutines_bigger():
    """Go 1.19: gfget gives a dead G a startingStackSize stack (a brand-new G is
    malg(_StackMin), proc.go:4123, so the first goroutines never see it)."""
    on, _ = totals(ADAPTIVE)
    off, _ = totals(ADAPTIVE, adaptive="off")
    assert max(g["initial_stack"] for g in on.stats["goroutines"]) > 2048
    assert max(g["initial_stack"] for g in off.stats["goroutines"]) == 2048
    assert on.stderr == off.stderr == "1\n300\n2\n"


def test_adaptive_on_for_an_older_release():
    go110 = run_source(ADAPTIVE, "p.go", profile="go1.10+adaptive=on")
    assert max(g["initial_stack"] for g in go110.stats["goroutines"]) > 2048


def test_derived_profile_name_round_trips():
    p = get_profile("go1.19+StackMin=8K+adaptive=off")
    assert (p.stack_min, p.adaptive_stack_start, p.base, p.name) == (
        8192, False, "go1.19", "go1.19+StackMin=8K+adaptive=off")
    assert get_profile("go1.19").stack_min == 2048              # the release is untouched


@pytest.mark.parametrize("item, message", [
    ("StackMn=8K", "unknown setting 'StackMn'"),
    ("StackMin=3000", "want a power of two"),
    ("growth=triple", "want double or double-until-fits"),
    ("adaptive=", "bad setting"),
    ("StackGuard=2048", "StackGuard (2048) must be below StackMin (2048)"),
])
def test_bad_set_is_a_one_line_usage_error(item, message, capsys, tmp_path):
    program = tmp_path / "p.go"
    program.write_text(LEAF)
    try:
        code = main(["run", "--profile", "go1.19", "--set", item, str(program)])
    except SystemExit as exit_:          # argparse's usage error
        code = exit_.code
    assert code == 2
    err = capsys.readouterr().err
    assert message in err
    assert not any("Traceback" in line for line in err.splitlines())


def test_segmented_profile_refuses_copying_policies():
    with pytest.raises(ValueError, match="segmented"):
        get_profile("go1.2+adaptive=on")


def test_compare_takes_set(capsys):
    code = main(["compare", str(ROOT / "examples" / "deep.go"), "--profiles", "go1.19",
                 "--set", "StackMin=8K", "--timeout", "60"])
    assert code == 0
    assert "go1.19" in capsys.readouterr().out


# ------------------------------------------------------------ the local engine

def corpus(tmp_path) -> Path:
    """Three small programs, one with goldens beside it."""
    d = tmp_path / "corpus"
    d.mkdir()
    (d / "deep.go").write_text(DEEP)
    (d / "big.go").write_text(BIGFRAME)
    (d / "leaf.go").write_text(LEAF)
    (d / "leaf.stdout").write_text("")
    (d / "leaf.exit").write_text("0\n")
    return d


GRID = {"StackMin": ["2K", "8K"], "adaptive": ["on", "off"]}


def test_local_sweep_rows_and_resume(tmp_path):
    out = tmp_path / "r.csv"
    report = sweep([corpus(tmp_path)], str(out), profiles=["go1.19"], sets=GRID,
                   stack_models=["goroutine", "thread"], jobs=2)
    assert (report.ran, report.skipped, len(report.rows)) == (24, 0, 24)
    rows = read_rows(str(out))
    assert [deterministic(r) for r in rows] == [deterministic(r) for r in report.rows]
    assert list(rows[0]) == list(COLUMNS)
    leaf = [r for r in rows if r["program"].endswith("leaf.go")]
    assert all(r["same_as_expected"] is True for r in leaf)
    assert all(r["same_as_expected"] is None for r in rows if r["program"].endswith("deep.go"))
    deep = {(r["settings"], r["stack_model"]): r for r in rows if r["program"].endswith("deep.go")}
    assert deep["StackMin=8K;adaptive=on", "goroutine"]["initial_stack"] == 8192
    assert deep["StackMin=2K;adaptive=on", "goroutine"]["grows"] == 7
    assert deep["StackMin=2K;adaptive=on", "thread"]["grows"] == 0
    again = sweep([tmp_path / "corpus"], str(out),
                  profiles=["go1.19"], sets=GRID, stack_models=["goroutine", "thread"])
    assert (again.ran, again.skipped) == (0, 24)


def test_local_sweep_resumes_a_partial_file(tmp_path):
    d = corpus(tmp_path)
    out = tmp_path / "r.csv"
    full = sweep([d], str(out), sets=GRID, jobs=1).rows
    lines = out.read_text().splitlines(keepends=True)
    out.write_text("".join(lines[:5]))                     # header and four rows survive
    resumed = sweep([d], str(out), sets=GRID, jobs=2)
    assert (resumed.ran, resumed.skipped) == (8, 4)
    assert [deterministic(r) for r in resumed.rows] == [deterministic(r) for r in full]


def test_timeout_is_a_row(tmp_path):
    (tmp_path / "deep.go").write_text("package main\n\nfunc main() {\n\tfor {\n\t}\n}\n")
    report = sweep([tmp_path / "deep.go"], str(tmp_path / "r.csv"), timeout=0.5, jobs=1)
    (row,) = report.rows
    assert row["exit_code"] == 3 and "timeout" in row["error"]


def test_cli_sweep_writes_csv_and_html(tmp_path, capsys):
    d = corpus(tmp_path)
    out, page = tmp_path / "r.csv", tmp_path / "s.html"
    code = main(["sweep", str(d), "--set", "StackMin=2K,8K", "--out", str(out),
                 "--html", str(page), "--jobs", "1"])
    assert code == 0
    assert "sweep: 6 runs" in capsys.readouterr().err
    text = page.read_text()
    assert text.count("<svg") == 4 and "http" not in text.replace(
        'xmlns="http://www.w3.org/2000/svg"', "")


def test_cli_sweep_usage_errors(tmp_path, capsys):
    d = corpus(tmp_path)
    assert main(["sweep", str(d), "--profiles", "go9", "--out", str(tmp_path / "r.csv")]) == 2
    assert main(["sweep", str(d), "--out", str(tmp_path / "r.txt")]) == 2
    assert main(["sweep", str(d), "--engine", "dask", "--out", str(tmp_path / "r.csv")]) == 2
    assert main(["sweep", str(tmp_path / "nope"), "--out", str(tmp_path / "r.csv")]) == 1


def test_parquet_output_round_trips(tmp_path):
    pytest.importorskip("pyarrow")
    d = corpus(tmp_path)
    csv_rows = sweep([d], str(tmp_path / "r.csv"), jobs=1).rows
    pq_rows = sweep([d], str(tmp_path / "r.parquet"), jobs=1).rows
    assert [deterministic(r) for r in read_rows(str(tmp_path / "r.parquet"))] == \
        [deterministic(r) for r in csv_rows] == [deterministic(r) for r in pq_rows]


# ------------------------------------------------------------ a real Dask cluster

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _dask_command() -> list[str]:
    exe = shutil.which("dask", path=os.path.dirname(sys.executable)) or shutil.which("dask")
    assert exe, "the dask command line (pip install 'gostack[dask]')"
    return [exe]


class Cluster:
    """`dask scheduler` and `dask worker`s on 127.0.0.1, started and stopped by a test."""

    def __init__(self, tmp_path: Path, workers: int = 2):
        self.port = _free_port()
        self.address = f"tcp://127.0.0.1:{self.port}"
        self.env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep +
                        os.environ.get("PYTHONPATH", ""), DASK_DISTRIBUTED__WORKER__DAEMON="False")
        self.logs = tmp_path
        self.scheduler = self._start("scheduler", ["scheduler", "--host", "127.0.0.1",
                                                   "--port", str(self.port),
                                                   "--dashboard-address", ":0",
                                                   "--no-show"])
        self.workers = [self._start(f"worker{i}", ["worker", self.address, "--nworkers", "1",
                                                   "--nthreads", "1", "--no-nanny",
                                                   "--dashboard-address", ":0",
                                                   "--host", "127.0.0.1"])
                        for i in range(workers)]
        self._wait_for_workers(workers)

    def _start(self, name, args):
        log = open(self.logs / f"{name}.log", "w")
        return subprocess.Popen(_dask_command() + args, env=self.env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)

    def _wait_for_workers(self, n, limit=90):
        from distributed import Client
        deadline = time.monotonic() + limit
        with Client(self.address, timeout="60s") as client:
            while len(client.scheduler_info()["workers"]) < n:
                assert time.monotonic() < deadline, self.log_text()
                time.sleep(0.2)

    def log_text(self) -> str:
        return "\n".join(p.read_text() for p in sorted(self.logs.glob("*.log")))

    def kill(self, proc):
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()

    def stop(self):
        for proc in self.workers + [self.scheduler]:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.workers + [self.scheduler]:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


@pytest.fixture
def cluster(tmp_path):
    pytest.importorskip("distributed")     # the dask extra; .ci/run installs it
    logs = tmp_path / "logs"
    logs.mkdir()
    c = Cluster(logs)
    yield c
    c.stop()


def test_dask_engine_gives_the_local_rows(tmp_path, cluster):
    d = corpus(tmp_path)
    local = sweep([d], str(tmp_path / "local.csv"), sets=GRID,
                  stack_models=["goroutine", "thread"], jobs=2)
    dask = sweep([d], str(tmp_path / "dask.csv"), sets=GRID,
                 stack_models=["goroutine", "thread"], engine="dask", scheduler=cluster.address)
    assert not dask.failed
    assert [deterministic(r) for r in dask.rows] == [deterministic(r) for r in local.rows]


def test_dask_worker_killed_mid_sweep_loses_no_row(tmp_path, cluster):
    d = corpus(tmp_path)
    slow = DEEP.replace("f(2000)", "f(2000) + f(2000) + f(2000)")
    for i in range(6):
        (d / f"slow{i}.go").write_text(slow.replace("2000", str(2000 + i)))
    killed = []

    def on_progress(done, total, row):
        if done == 3 and not killed:
            cluster.kill(cluster.workers[0])
            killed.append(done)

    local = sweep([d], str(tmp_path / "local.csv"), sets=GRID, jobs=2)
    dask = sweep([d], str(tmp_path / "dask.csv"), sets=GRID, engine="dask",
                 scheduler=cluster.address, on_progress=on_progress)
    assert killed
    assert not dask.failed, dask.failed
    assert [deterministic(r) for r in dask.rows] == [deterministic(r) for r in local.rows]


def test_a_program_exit_3_is_not_an_error(tmp_path):
    (tmp_path / "exit3.go").write_text('package main\n\nimport "os"\n\nfunc main() {\n'
                                       '\tprintln("bye")\n\tos.Exit(3)\n}\n')
    (row,) = sweep([tmp_path / "exit3.go"], str(tmp_path / "r.csv"), jobs=1).rows
    assert (row["exit_code"], row["error"]) == (3, "")
