"""Executor speed: gostack against plain CPython on the same algorithms.

Two programs, each run in gostack (Go source embedded below) and written
naturally in plain CPython, in this one process and run (DESIGN.md section 6):

  fib    call-heavy: recursive fib(N)                     (N=25; --quick 20)
  loops  loop-heavy: a local [N]int filled, then a nested (N=1000; --quick 300)
         i/j loop summing a[i]*a[j] % 1000: N*N inner iterations

Each side is timed best-of-3 with time.perf_counter.  For gostack, compiling
and building the world (World + bind) are excluded from the timed part and
reported separately; only the executor loop is timed.  Both sides must print
the same result or the script exits 1.  Targets (issue 2): ratio
gostack/CPython within 10x on both.

    python benchmarks/bench_exec.py [--quick] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from gostack.api import RunOptions            # noqa: E402
from gostack.compiler import compile_source   # noqa: E402
from gostack.profiles import get_profile      # noqa: E402
from gostack.runtime.proc import World        # noqa: E402
from gostack.vm import run as R               # noqa: E402

REPEAT = 3
TARGET = 10.0

FIB_GO = """package main

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	println(fib(%(n)d))
}
"""

LOOPS_GO = """package main

const N = %(n)d

func main() {
	var a [N]int
	for i := 0; i < N; i++ {
		a[i] = (i*37 + 11) %% 1000
	}
	s := 0
	for i := 0; i < N; i++ {
		for j := 0; j < N; j++ {
			s += a[i] * a[j] %% 1000
		}
	}
	println(s)
}
"""


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def loops(n):
    a = [0] * n
    for i in range(n):
        a[i] = (i * 37 + 11) % 1000
    s = 0
    for i in range(n):
        for j in range(n):
            s += a[i] * a[j] % 1000
    return s


def fib_calls(n):
    """Number of calls fib(n) makes, itself included: 2*fib(n+1) - 1."""
    a, b = 0, 1
    for _ in range(n + 1):
        a, b = b, a + b
    return 2 * a - 1


def time_gostack(src):
    """(best run seconds, compile seconds, best setup seconds, printed result)."""
    opts = RunOptions()
    t0 = time.perf_counter()
    program = compile_source(src, "bench.go", opts)
    compile_s = time.perf_counter() - t0
    best_run = best_setup = float("inf")
    out = None
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        world = World(program, get_profile(opts.profile), opts)
        blocks = R.bind(program, world)
        t1 = time.perf_counter()
        code, err = R.execute(world, blocks)
        t2 = time.perf_counter()
        text = "".join(world.stderr_parts)
        if code != 0 or err:
            sys.exit(f"gostack run failed (exit {code}, {err}):\n{text}")
        best_setup, best_run = min(best_setup, t1 - t0), min(best_run, t2 - t1)
        out = text.strip()
    return best_run, compile_s, best_setup, out


def time_python(fn, arg):
    best, out = float("inf"), None
    for _ in range(REPEAT):
        t0 = time.perf_counter()
        out = fn(arg)
        best = min(best, time.perf_counter() - t0)
    return best, str(out)


def bench(name, src, fn, n, work, unit):
    go_s, compile_s, setup_s, go_out = time_gostack(src % {"n": n})
    py_s, py_out = time_python(fn, n)
    if go_out != py_out:
        sys.exit(f"{name}: results differ: gostack {go_out!r}, CPython {py_out!r}")
    row = {"benchmark": f"{name}({n})", "result": py_out, "work": work, "unit": unit,
           "gostack_s": go_s, "cpython_s": py_s, "ratio": go_s / py_s,
           "gostack_per_s": work / go_s, "cpython_per_s": work / py_s,
           "compile_s": compile_s, "setup_s": setup_s}
    if unit == "calls":
        row["ns_per_go_call"] = go_s / work * 1e9
        row["ns_per_py_call"] = py_s / work * 1e9
    return row


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (fib 20, loops 300)")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = ap.parse_args(argv)
    fib_n, loop_n = (20, 300) if args.quick else (25, 1000)
    rows = [bench("fib", FIB_GO, fib, fib_n, fib_calls(fib_n), "calls"),
            bench("loops", LOOPS_GO, loops, loop_n, loop_n * loop_n, "iters")]

    print(f"gostack vs CPython {platform.python_version()} ({platform.machine()}), "
          f"best of {REPEAT}; target ratio <= {TARGET:g}x")
    head = f"{'benchmark':<12} {'gostack s':>10} {'CPython s':>10} {'ratio':>7} " \
           f"{'gostack /s':>12} {'CPython /s':>12}  {'compile s':>9} {'setup s':>8}"
    print(head)
    print("-" * len(head))
    for r in rows:
        rate = f"{r['gostack_per_s'] / 1e6:.2f}M {r['unit']}"
        prate = f"{r['cpython_per_s'] / 1e6:.2f}M {r['unit']}"
        print(f"{r['benchmark']:<12} {r['gostack_s']:>10.4f} {r['cpython_s']:>10.4f} "
              f"{r['ratio']:>6.1f}x {rate:>12} {prate:>12}  {r['compile_s']:>9.4f} {r['setup_s']:>8.4f}")
    for r in rows:
        if "ns_per_go_call" in r:
            print(f"{r['benchmark']}: {r['ns_per_go_call']:.0f} ns per Go call "
                  f"(CPython {r['ns_per_py_call']:.0f} ns per call)")
    met = all(r["ratio"] <= TARGET for r in rows)
    print("target " + ("met" if met else "NOT met") + ": "
          + ", ".join(f"{r['benchmark']} {r['ratio']:.1f}x" for r in rows))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"python": platform.python_version(), "quick": args.quick,
                       "repeat": REPEAT, "target_ratio": TARGET, "results": rows}, fh, indent=2)
            fh.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
