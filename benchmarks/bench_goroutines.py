"""Goroutines: parked goroutines' host memory, and channel ping-pong against asyncio.

  park      N goroutines (100000; --quick 10000) blocked in `<-c` on one channel;
            main prints NumGoroutine and StackInuse and exits.  Run by
            gostack.run_source in a fresh subprocess: host bytes per goroutine =
            (peak RSS - peak RSS with N=0) / N, peak RSS being the child's VmHWM
            after run_source and when the program prints (before stats are
            built).  ru_maxrss is shown, not used: Linux counts the parent's RSS
            at spawn into it.  Also in-process tracemalloc peak (minus N=0) / N
            and the program's StackInuse growth / N (Go: exactly 2048).
  procs     8 workers computing fib(20) on 1 P and on 4 Ps (--cpus 4): the
            same output; the host time of each (only vm.run.execute), and how
            often the host turned from one P to the next.  The Ps take turns
            on the one host thread, so 4 Ps cost what 1 does, plus the turns.
  pingpong  main and a goroutine pass an int over two unbuffered channels M
            times (100000; --quick 20000), against two asyncio tasks with two
            asyncio.Queue(maxsize=1); 2 switches per round trip.  Best-of-3;
            for gostack only vm.run.execute is timed (as in bench_exec.py).

Targets (issue 4): <= 4096 host bytes per parked goroutine, its 2 KB stack
included; gostack's ping-pong at least as fast as asyncio's.  Wrong counts exit
1.  --top K: tracemalloc's K largest lines while the goroutines are parked.

    python benchmarks/bench_goroutines.py [--quick] [--top K] [--json FILE]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import subprocess
import sys
import time
import tracemalloc

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

import gostack                                # noqa: E402
from gostack.api import RunOptions            # noqa: E402
from gostack.compiler import compile_source   # noqa: E402
from gostack.profiles import get_profile      # noqa: E402
from gostack.runtime.proc import World        # noqa: E402
from gostack.vm import run as R               # noqa: E402

REPEAT = 3
TARGET_BYTES = 4096

PARK_GO = """package main

import "runtime"

func park(c chan int) {
	<-c
}

func main() {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	before := m.StackInuse
	c := make(chan int)
	for i := 0; i < %(n)d; i++ {
		go park(c)
	}
	runtime.ReadMemStats(&m)
	println("goroutines:", runtime.NumGoroutine())
	println("stackinuse:", before, m.StackInuse)
}
"""

PINGPONG_GO = """package main

func ponger(ping chan int, pong chan int) {
	for {
		pong <- <-ping + 1
	}
}

func main() {
	ping, pong := make(chan int), make(chan int)
	go ponger(ping, pong)
	ball := 0
	for i := 0; i < %(m)d; i++ {
		ping <- ball
		ball = <-pong
	}
	println("ball:", ball)
}
"""

PROCS_GO = """package main

import "sync"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := fib(20)
			mu.Lock()
			total += r
			mu.Unlock()
		}()
	}
	wg.Wait()
	println("total:", total)
}
"""
PROCS_WANT = "total: 54120"
PROCS_CPUS = (1, 4)

# The child reads the Go source on stdin; prints its peak RSS (KiB) when the
# program prints its last line (every goroutine parked) and at the end.
CHILD = """import json, re, sys
sys.path.insert(0, %r)
import gostack
hwm = lambda: int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read())[1])
mark = []
r = gostack.run_source(sys.stdin.read(), "park.go",
                       on_stderr=lambda t: mark.append(hwm()) if "stackinuse:" in t else None)
print(json.dumps({"code": r.exit_code, "stderr": r.stderr, "mark": mark[0], "end": hwm()}))
""" % ROOT


def stack_growth(n, code, text):
    """StackInuse growth printed by the park program, its counts checked."""
    lines = text.strip().split("\n")
    if code != 0 or len(lines) != 2 or lines[0] != f"goroutines: {n + 1}":
        sys.exit(f"park({n}): unexpected output (exit {code}):\n{text[:2000]}")
    _, before, after = lines[1].split()
    return int(after) - int(before)


def park_child(n):
    """(peak RSS KiB at the end, when printing, ru_maxrss KiB, StackInuse growth)."""
    proc = subprocess.Popen([sys.executable, "-c", CHILD], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    proc.stdin.write(PARK_GO % {"n": n})
    proc.stdin.close()
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)     # this child's own rusage
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"park({n}) subprocess failed (wait status {status:#x})")
    res = json.loads(out)
    return res["end"], res["mark"], usage.ru_maxrss, stack_growth(n, res["code"], res["stderr"])


def park_tracemalloc(n, top):
    """(tracemalloc peak bytes, top K lines while parked) of an in-process run."""
    snaps = []
    tracemalloc.start()
    r = gostack.run_source(PARK_GO % {"n": n}, "park.go", on_stderr=lambda t: snaps.append(
        tracemalloc.take_snapshot()) if top and "stackinuse:" in t else None)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    stack_growth(n, r.exit_code, r.stderr)
    return peak, (snaps[0].statistics("lineno")[:top] if snaps else [])


def bench_park(n, top):
    (b_end, b_mark, b_ru, b_stack), (end, mark, ru, stack) = park_child(0), park_child(n)
    (b_tm, _), (tm, stats) = park_tracemalloc(0, 0), park_tracemalloc(n, top)
    return {"n": n, "rss_kib": [b_end, end], "ru_maxrss_kib": [b_ru, ru],
            "host_bytes_per_g": (end - b_end) * 1024 / n,
            "host_bytes_per_g_parked": (mark - b_mark) * 1024 / n,
            "tracemalloc_bytes_per_g": (tm - b_tm) / n,
            "stackinuse_per_g": (stack - b_stack) / n,
            "top": [(str(s.traceback), s.size, s.count) for s in stats]}


def time_execute(source, want, **options):
    """Best host seconds of vm.run.execute over REPEAT fresh worlds; the last world."""
    opts = RunOptions(**options)
    program = compile_source(source, "bench.go", opts)
    best = float("inf")
    for _ in range(REPEAT):
        world = World(program, get_profile(opts.profile), opts)
        blocks = R.bind(program, world)
        t0 = time.perf_counter()
        code, err = R.execute(world, blocks)
        best = min(best, time.perf_counter() - t0)
        text = "".join(world.stderr_parts).strip()
        if code != 0 or err or text != want:
            sys.exit(f"gostack run failed (exit {code}, {err}):\n{text}")
    return best, world


def time_gostack(m):
    return time_execute(PINGPONG_GO % {"m": m}, f"ball: {m}")[0]


def bench_procs():
    rows = []
    for cpus in PROCS_CPUS:
        sec, world = time_execute(PROCS_GO, PROCS_WANT, profile="go1.19", cpus=cpus)
        rows.append({"cpus": cpus, "seconds": sec, "p_turns": world.totals["p_turns"],
                     "threads_with_g0": sum(1 for m in world.allm if m.g0 is not None)})
    return rows


async def ponger(ping, pong):
    while True:
        await pong.put(await ping.get() + 1)


async def pinger(m):
    ping, pong = asyncio.Queue(maxsize=1), asyncio.Queue(maxsize=1)
    task = asyncio.create_task(ponger(ping, pong))
    ball, t0 = 0, time.perf_counter()
    for _ in range(m):
        await ping.put(ball)
        ball = await pong.get()
    elapsed = time.perf_counter() - t0
    task.cancel()
    if ball != m:
        sys.exit(f"asyncio ping-pong: ball {ball}, expected {m}")
    return elapsed


def bench_pingpong(m):
    go_s = time_gostack(m)
    py_s = min(asyncio.run(pinger(m)) for _ in range(REPEAT))
    row = {"m": m, "switches": 2 * m, "ratio": go_s / py_s}
    for name, sec in (("gostack", go_s), ("asyncio", py_s)):
        row.update({f"{name}_s": sec, f"{name}_per_s": 2 * m / sec, f"{name}_ns": sec / (2 * m) * 1e9})
    return row


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (park 10000, ping-pong 20000)")
    ap.add_argument("--top", type=int, default=0, metavar="K",
                    help="print tracemalloc's K largest lines while the goroutines are parked")
    ap.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    args = ap.parse_args(argv)
    n, m = (10000, 20000) if args.quick else (100000, 100000)
    pp = bench_pingpong(m)      # first, before the park runs grow this process
    procs = bench_procs()
    pk = bench_park(n, args.top)

    print(f"gostack goroutines, CPython {platform.python_version()} ({platform.machine()}); "
          f"park({n}) peak RSS, N=0 / N={n}: {pk['rss_kib'][0]} / {pk['rss_kib'][1]} KiB "
          f"(ru_maxrss {pk['ru_maxrss_kib'][0]} / {pk['ru_maxrss_kib'][1]} KiB)")
    head = f"{'per parked goroutine':<44} {'bytes':>8}"
    print(head + "\n" + "-" * len(head))
    for label, key in (("host memory (peak RSS - baseline) / N", "host_bytes_per_g"),
                       ("host memory when printing, before stats", "host_bytes_per_g_parked"),
                       ("tracemalloc peak (in-process) / N", "tracemalloc_bytes_per_g"),
                       ("StackInuse growth / N (Go: 2048)", "stackinuse_per_g")):
        print(f"{label:<44} {pk[key]:>8.0f}")
    for where, size, count in pk["top"]:
        print(f"  {size / 1024:10.1f} KiB {count:>8} blocks  {where}")
    head = f"{'pingpong(' + str(m) + ')':<16} {'seconds':>8} {'switches/s':>12} {'ns/switch':>10}"
    print("\n" + head + "\n" + "-" * len(head))
    for name in ("gostack", "asyncio"):
        print(f"{name:<16} {pp[name + '_s']:>8.4f} {pp[name + '_per_s'] / 1e6:>11.3f}M "
              f"{pp[name + '_ns']:>10.0f}")
    head = f"{'procs: 8 x fib(20)':<20} {'seconds':>8} {'P turns':>8} {'Ms with g0':>11}"
    print("\n" + head + "\n" + "-" * len(head))
    for row in procs:
        print(f"{'--cpus ' + str(row['cpus']):<20} {row['seconds']:>8.4f} {row['p_turns']:>8} "
              f"{row['threads_with_g0']:>11}")
    print(f"4 Ps take {procs[-1]['seconds'] / procs[0]['seconds']:.2f}x the host time of 1 P")
    per_g = pk["host_bytes_per_g"]
    print(f"memory target (<= {TARGET_BYTES} bytes) {'met' if per_g <= TARGET_BYTES else 'NOT met'}: "
          f"{per_g:.0f} bytes per goroutine ({per_g / 2048:.2f}x its 2 KB stack)")
    print(f"speed target (gostack >= asyncio) {'met' if pp['ratio'] <= 1 else 'NOT met'}: "
          f"gostack takes {pp['ratio']:.2f}x asyncio's time per switch")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"python": platform.python_version(), "quick": args.quick, "repeat": REPEAT,
                       "target_bytes": TARGET_BYTES, "park": pk, "pingpong": pp,
                       "procs": procs}, fh, indent=2)
            fh.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
