"""The hot split: segmented stacks (go1.2) against copying stacks (go1.4), one program.

A loop calls a small function N times from a call depth at which, under
go1.2, the caller's SP sits just above its segment's guard: every call fails
its prologue check, so newstack links a new segment (8 KB from the M's
segment cache, a Stktop written, the arguments copied) and the return goes
through lessstack (results copied back, the segment freed).  Under go1.4 the
same program's stack is copied to a bigger one once and the loop never
checks-and-fails again.

The depth that puts the loop "right at the boundary" depends on the model's
frame sizes, so it is found, not assumed: a probe runs the program with a
few calls per depth, 0, 1, 2, ..., and takes the first depth at which every
one of them split under go1.2 (counted from the `newsegment` events of the
called function).  Then the very same source (that depth, N calls) runs
under go1.2 and go1.4, and again at depth 0 (no boundary) as a control.

Printed per profile: segments allocated and freed per call, stack copies
per call, bytes copied per call (arguments and results for segments, used
stack for copies), and time per call.  Only vm.run.execute is timed (best
of --repeat), as in bench_exec.py; compiling and World/bind are not.  The
two profiles must print the same result, or the script exits 1; so must
go1.2 split at every call at the boundary depth.

    python benchmarks/bench_hotsplit.py [--calls N] [--quick] [--repeat R] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from gostack.api import RunOptions            # noqa: E402
from gostack.compiler import compile_source   # noqa: E402
from gostack.profiles import get_profile      # noqa: E402
from gostack.runtime.proc import World        # noqa: E402
from gostack.vm import run as R               # noqa: E402

PROFILES = ("go1.2", "go1.4")
HOT_FUNC = "main.leaf"
PROBE_CALLS = 4
MAX_PROBE_DEPTH = 400

HOTSPLIT_GO = """package main

// leaf's frame (16 words + saved BP) is above StackSmall in both profiles,
// so it always runs its prologue check (it is not an automatic NOSPLIT leaf).
func leaf(x int) int {
	var a [16]int
	a[x&15] = x
	return a[x&15] + 1
}

func hot(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += leaf(i)
	}
	return s
}

// descend(d) puts hot d frames deeper: the probe picks d so that, under
// go1.2, leaf's check fails at every call.
func descend(d int, n int) int {
	var pad [4]int
	pad[d&3] = d
	if d == 0 {
		return hot(n)
	}
	return descend(d-1, n) + pad[d&3] - d
}

func main() {
	println(descend({DEPTH}, {CALLS}))
}
"""


def source(depth: int, calls: int) -> str:
    return HOTSPLIT_GO.replace("{DEPTH}", str(depth)).replace("{CALLS}", str(calls))


def run_once(program, profile: str, events=None):
    """One run: (seconds in execute, printed text, stats)."""
    opts = RunOptions(profile=profile, on_event=events)
    world = World(program, get_profile(profile), opts)
    blocks = R.bind(program, world)
    t0 = time.perf_counter()
    code, err = R.execute(world, blocks)
    seconds = time.perf_counter() - t0
    text = "".join(world.stderr_parts)
    if code != 0 or err:
        sys.exit(f"gostack run failed under {profile} (exit {code}, {err}):\n{text}")
    return seconds, text.strip(), world.stats(code)


def hot_splits(depth: int, calls: int) -> int:
    """How many of leaf's calls linked a new segment under go1.2, at this depth."""
    program = compile_source(source(depth, calls), "hotsplit.go", RunOptions(profile="go1.2"))
    count = [0]

    def on_event(event):
        if event["event"] == "newsegment" and event["func"] == HOT_FUNC:
            count[0] += 1
    run_once(program, "go1.2", on_event)
    return count[0]


def find_boundary() -> int:
    for depth in range(MAX_PROBE_DEPTH):
        if hot_splits(depth, PROBE_CALLS) == PROBE_CALLS:
            return depth
    sys.exit(f"no depth below {MAX_PROBE_DEPTH} puts {HOT_FUNC} at a segment boundary")


def measure(profile: str, depth: int, calls: int, repeat: int) -> dict:
    program = compile_source(source(depth, calls), "hotsplit.go", RunOptions(profile=profile))
    best, out, stats = float("inf"), None, None
    for _ in range(repeat):
        seconds, out, stats = run_once(program, profile)
        best = min(best, seconds)
    t = stats["totals"]
    return {
        "profile": profile, "depth": depth, "calls": calls, "result": out, "seconds": best,
        "ns_per_call": best / calls * 1e9,
        "segments_allocated": t.get("segments_allocated", 0),
        "segments_freed": t.get("segments_freed", 0),
        "copies": t.get("copies", 0),
        "bytes_copied": t.get("bytes_copied", 0) + t.get("segment_bytes_copied", 0),
        "stack_inuse_peak": t.get("stack_inuse_peak", 0),
    }


def row(m: dict) -> str:
    n = m["calls"]
    return (f"{m['profile']:7} {m['depth']:6} {m['segments_allocated'] / n:10.4f} "
            f"{m['segments_freed'] / n:10.4f} {m['copies'] / n:10.5f} "
            f"{m['bytes_copied'] / n:11.1f} {m['ns_per_call']:10.0f}   "
            f"{m['segments_allocated']:>9,} {m['copies']:>6,}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=None, help="loop iterations (default 20000)")
    parser.add_argument("--quick", action="store_true", help="2000 calls, best of 1")
    parser.add_argument("--repeat", type=int, default=None, help="runs per measurement (default 3)")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)
    calls = args.calls or (2000 if args.quick else 20000)
    repeat = args.repeat or (1 if args.quick else 3)

    t0 = time.perf_counter()
    depth = find_boundary()
    probe_s = time.perf_counter() - t0
    results = [measure(p, depth, calls, repeat) for p in PROFILES]
    controls = [measure(p, 0, calls, repeat) for p in PROFILES]

    if len({m["result"] for m in results}) != 1 or len({m["result"] for m in controls}) != 1:
        print("profiles disagree on the result:", [m["result"] for m in results + controls])
        return 1
    seg = results[0]
    if seg["segments_allocated"] < calls or seg["segments_freed"] < calls:
        print(f"go1.2 did not split at every call: {seg['segments_allocated']} segments for {calls} calls")
        return 1

    print(f"hot split: {calls:,} calls of {HOT_FUNC} in a loop, best of {repeat}; "
          f"CPython {platform.python_version()} ({platform.machine()})")
    print(f"boundary depth {depth} found by probing depths 0..{depth} under go1.2 ({probe_s:.1f} s)")
    print(f"{'profile':7} {'depth':>6} {'segs/call':>10} {'frees/call':>10} {'copies/call':>10} "
          f"{'bytes/call':>11} {'ns/call':>10}   {'segments':>9} {'copies':>6}")
    print("-" * 96)
    for m in results + controls:
        print(row(m))
    g12, g14 = results
    c12, c14 = controls
    print(f"at the boundary: go1.2 allocates {g12['segments_allocated'] / calls:.2f} segments per call, "
          f"go1.4 copies its stack {g14['copies']} times in all ({g14['copies'] / calls:.5f} per call)")
    print(f"time per call at the boundary: go1.2 / go1.4 = {g12['ns_per_call'] / g14['ns_per_call']:.2f}x; "
          f"go1.2 at the boundary / go1.2 at depth 0 = {g12['ns_per_call'] / c12['ns_per_call']:.2f}x")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump({"depth": depth, "calls": calls, "repeat": repeat,
                       "boundary": results, "control": controls}, fh, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
