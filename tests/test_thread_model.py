"""The traditional design: every goroutine on a fixed OS thread stack (--stack-model thread).

These outputs are the model's own (a Go binary cannot run this way), so the
expectations are derived from the layout: an 8 MiB stack holds
8 MiB / frame-size frames, a guard page below it turns the next frame into a
segmentation fault (exit 139), and a thread that touches one page commits
4 KiB of its 8 MiB reservation.
"""

import pytest

import gostack
from gostack.machine.layout import VDSO_PAGES, VVAR_PAGES, mmap_base
from gostack.machine.thread import GUARD_SIZE
from gostack.profiles import OS_PAGE_SIZE, RLIMIT_STACK_DEFAULT

# Thread stacks are mmapped top-down from mmap_base, below the vDSO and its vvar pages.
THREAD_STACKS_TOP = mmap_base(RLIMIT_STACK_DEFAULT) - (VVAR_PAGES + VDSO_PAGES) * OS_PAGE_SIZE

RECURSE = """package main

func f(n int) int {
	var pad [8]int
	pad[n%8] = n
	if n == 0 {
		return 0
	}
	return f(n-1) + pad[n%8] - n + 1
}

func main() {
	println(f(DEPTH))
}
"""

THREADS = """package main

import "sync"

func work(wg *sync.WaitGroup, c chan int) {
	c <- 1
	wg.Done()
}

func main() {
	var wg sync.WaitGroup
	c := make(chan int, 1000)
	for i := 0; i < 1000; i++ {
		wg.Add(1)
		go work(&wg, c)
	}
	wg.Wait()
	println(len(c))
}
"""


def frame_size_of_f() -> int:
    from gostack.api import RunOptions
    from gostack.compiler import compile_source
    program = compile_source(RECURSE.replace("DEPTH", "1"), "threads.go",
                             RunOptions(stack_model="thread"))
    return next(f.frame_size for f in program.funcs if f.name == "main.f")


def run(src, **options):
    return gostack.run_source(src, "threads.go", stack_model="thread", **options)


def test_a_recursion_that_fits_in_8_mib_runs_to_the_end():
    result = run(RECURSE.replace("DEPTH", "10000"))
    assert (result.exit_code, result.stderr) == (0, "10000\n")


def test_a_deeper_recursion_hits_the_guard_page_and_dies_with_sigsegv():
    result = run(RECURSE.replace("DEPTH", "1000000"))
    assert result.exit_code == 139
    assert result.stderr.startswith("Segmentation fault (thread 1: fault address 0x")
    g = result.stats["goroutines"][0]
    assert g["reserved"] == 8 << 20 and g["committed"] == 8 << 20
    # as many frames of f (its frame plus the return address) as fit in 8 MiB
    per_call = frame_size_of_f() + 8
    assert abs(g["max_depth"] - (8 << 20) // per_call) < 4


def test_a_smaller_thread_stack_faults_proportionally_earlier():
    deep = run(RECURSE.replace("DEPTH", "1000000"))
    small = run(RECURSE.replace("DEPTH", "1000000"), thread_stack=64 << 10)
    assert small.exit_code == 139
    ratio = deep.stats["goroutines"][0]["max_depth"] / small.stats["goroutines"][0]["max_depth"]
    assert 125 < ratio < 131            # 8 MiB / 64 KiB = 128


def test_the_same_recursion_on_a_goroutine_grows_instead():
    result = gostack.run_source(RECURSE.replace("DEPTH", "100000"), "threads.go")
    assert result.exit_code == 0 and result.stats["totals"]["grows"] > 0


def test_1000_goroutines_as_threads_reserve_8_gib_and_commit_only_touched_pages():
    result = run(THREADS)
    assert (result.exit_code, result.stderr) == (0, "1000\n")
    threads = result.stats["goroutines"][1:]
    assert len(threads) == 1000
    assert sum(t["reserved"] for t in threads) == 1000 * (8 << 20)
    committed = sum(t["committed"] for t in threads)
    assert committed == 1000 * OS_PAGE_SIZE          # each touched one page


def test_thread_stacks_sit_in_the_mmap_area_each_with_a_guard_page():
    result = run(THREADS)
    maps = result.stats["maps"].splitlines()
    guards = [line for line in maps if "[guard thread" in line]
    stacks = [line for line in maps if "[stack thread" in line]
    assert len(guards) == len(stacks) == 1000
    top = max(int(line.split("-")[1].split()[0], 16) for line in stacks)
    assert top == THREAD_STACKS_TOP
    assert all(" ---p " in line for line in guards)
    # each stack sits right on its guard page, the next thread's stack right below that
    bounds = sorted((int(line[:line.index("-")], 16), int(line.split("-")[1].split()[0], 16))
                    for line in guards + stacks)
    assert all(hi == next_lo for (_, hi), (next_lo, _) in zip(bounds, bounds[1:]))
    assert bounds[0][0] == THREAD_STACKS_TOP - 1000 * ((8 << 20) + GUARD_SIZE)


@pytest.mark.parametrize("model", ["goroutine", "thread"])
def test_both_models_print_the_same_for_a_program_that_fits(model):
    result = gostack.run_source(RECURSE.replace("DEPTH", "5000"), "threads.go", stack_model=model)
    assert (result.exit_code, result.stderr) == (0, "5000\n")


def test_compare_prints_one_row_per_profile_and_stack_model(tmp_path):
    import subprocess
    import sys
    source = tmp_path / "deep.go"
    source.write_text(RECURSE.replace("DEPTH", "100000"))
    proc = subprocess.run([sys.executable, "-m", "gostack", "compare", str(source),
                           "--profiles", "go1.4,go1.10", "--stack-model", "goroutine,thread",
                           "--thread-stack", "64K"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    rows = [line.split() for line in proc.stdout.splitlines() if line.strip().startswith("go1.")]
    assert [(r[0], r[1], r[2]) for r in rows] == [
        ("go1.4", "goroutine", "0"), ("go1.10", "goroutine", "0"),
        ("go1.4", "thread", "139"), ("go1.10", "thread", "139")]


# ------------------------------------------------------------ goldens (tests/thread/)
#
# Real Go cannot record these (it always runs goroutines on growable stacks),
# so NAME.stdout/.stderr/.exit are gostack's own output, written once and
# checked by hand; the tests below compare against them byte for byte AND
# derive every figure in them (fault address, stack bounds, depth, reserved,
# committed) from the layout, so a golden that drifts from the layout fails.

from pathlib import Path

from gostack.machine.layout import STACK_TOP

GOLDEN_DIR = Path(__file__).parent / "thread"
GOLDEN_CASES = {   # golden name -> (program, options)
    "fits": ("fits", {}),
    "overflow": ("overflow", {}),
    "overflow_64k": ("overflow", {"thread_stack": 64 << 10}),
    "threads1000": ("threads1000", {}),
}


def run_golden(name):
    program, options = GOLDEN_CASES[name]
    return gostack.run_file(str(GOLDEN_DIR / f"{program}.go"), stack_model="thread", **options)


@pytest.mark.parametrize("name", sorted(GOLDEN_CASES))
def test_thread_model_goldens(name):
    result = run_golden(name)
    assert result.stdout == (GOLDEN_DIR / f"{name}.stdout").read_text()
    assert result.stderr == (GOLDEN_DIR / f"{name}.stderr").read_text()
    assert result.exit_code == int((GOLDEN_DIR / f"{name}.exit").read_text())


def test_fits_uses_the_stack_its_depth_implies():
    result = run_golden("fits")
    main = result.stats["goroutines"][0]
    per_call = frame_size_of_f() + 8
    # 10,001 frames of f below main's and runtime.main's: peak within one frame of that
    assert 10001 * per_call <= main["peak_stack"] <= 10001 * per_call + 256
    assert main["committed"] == committed_pages(main["peak_stack"])
    assert main["reserved"] == 8 << 20


def committed_pages(n):
    return -(-n // OS_PAGE_SIZE) * OS_PAGE_SIZE


@pytest.mark.parametrize("name, size", [("overflow", 8 << 20), ("overflow_64k", 64 << 10)])
def test_overflow_faults_just_below_the_main_stack_at_the_depth_its_size_allows(name, size):
    result = run_golden(name)
    line = result.stderr.splitlines()[1]
    lo, hi = STACK_TOP - size, STACK_TOP
    assert line.endswith(f"stack [{lo:#x}, {hi:#x}))")
    fault = int(line.split("fault address ")[1].split(",")[0], 16)
    per_call = frame_size_of_f() + 8
    assert lo - per_call <= fault < lo               # the first frame that did not fit
    main = result.stats["goroutines"][0]
    assert main["committed"] == main["reserved"] == size
    assert abs(main["max_depth"] - size // per_call) < 4


def test_threads1000_reserve_8_gb_and_commit_a_page_each():
    result = run_golden("threads1000")
    threads = [g for g in result.stats["goroutines"] if g["id"] != 1]
    assert len(threads) == len({t["tid"] for t in threads}) == 1000
    assert sum(t["reserved"] for t in threads) == 1000 * (8 << 20)       # 8.4 GB of address space
    assert sum(t["committed"] for t in threads) == 1000 * OS_PAGE_SIZE    # 4 MB touched
    assert all(0 < t["peak_stack"] <= OS_PAGE_SIZE for t in threads)
