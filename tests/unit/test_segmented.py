"""Segmented stacks (the go1.2 profile): newstack, lessstack, the segment cache,
traceback and GC across segments, and the golden programs under go1.2.

Expectations are derived from the layout rules in gostack/runtime/segmented.py
and the go1.2 constants (StackMin 8192, StackGuard 256, StackExtra 2048,
StackTop 88), not from the model's own output.
"""

import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import gostack
from gostack.api import RunOptions
from gostack.compiler import compile_source
from gostack.machine.memory import AddressSpace
from gostack.profiles import PAGE_SIZE, PTR_SIZE, SEGMENT_CACHE_BATCH, SEGMENT_CACHE_SIZE, get_profile
from gostack.runtime.mheap import MHeap
from gostack.runtime.proc import World
from gostack.runtime.segmented import (STKTOP_WORDS, SegmentAllocator, lessstack_pc,
                                       read_stktop)
from gostack.runtime.stackalloc import Stack
from gostack.runtime.traceback import gentraceback
from gostack.vm import run as R

GO12 = get_profile("go1.2")
TESTS = Path(__file__).resolve().parents[1]
PROGRAMS = TESTS / "programs"


def _golden_runner():
    """tests/test_programs.py's masks (loaded by path: tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("golden_runner", TESTS / "test_programs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GOLDEN = _golden_runner()


def run(src, profile="go1.2", **options):
    return gostack.run_source(src, "seg.go", profile=profile, **options)


def events_of(src, profile="go1.2", **options):
    seen = []
    result = run(src, profile, on_event=seen.append, **options)
    return result, seen


def start_world(src, profile="go1.2", on_event=None, debug=None):
    """A compiled program and its world, bound but not run (to inspect memory in hooks)."""
    opts = RunOptions(profile=profile, on_event=on_event, debug=debug or {})
    program = compile_source(src, "seg.go", opts)
    world = World(program, get_profile(profile), opts)
    blocks = R.bind(program, world)
    return world, blocks


RECURSE = """package main

func f(n int) int {
	var pad [PAD]int
	pad[n%PAD] = n
	if n == 0 {
		return 0
	}
	return f(n-1) + pad[n%PAD] - n + 1
}

func main() {
	println(f(DEPTH))
	println(f(DEPTH))
}
"""


def recurse(depth, pad=16):
    return RECURSE.replace("PAD", str(pad)).replace("DEPTH", str(depth))


# ------------------------------------------------------------ the profile


def test_go12_profile_constants_come_from_the_reference():
    assert GO12.stacks == "segmented"
    assert (GO12.stack_min, GO12.stack_guard, GO12.stack_small) == (8192, 256, 64)
    assert (GO12.stack_extra, GO12.stack_top, GO12.fixed_stack) == (2048, 88, 8192)
    assert GO12.stack_limit == 256 - 64
    assert STKTOP_WORDS * PTR_SIZE == GO12.stack_top


def test_go12_is_selectable_on_the_command_line(tmp_path, capsys):
    from gostack.cli import main
    path = tmp_path / "r.go"
    path.write_text(recurse(300))
    assert main(["run", "--profile", "go1.2", str(path)]) == 0
    assert capsys.readouterr().err == "300\n300\n"


# ------------------------------------------------------------ growth and release


def test_deep_recursion_links_one_8k_segment_per_filled_segment_and_frees_them_all():
    result, events = events_of(recurse(1000))
    assert result.exit_code == 0 and result.stderr == "1000\n1000\n"
    news = [e for e in events if e["event"] == "newsegment"]
    lesses = [e for e in events if e["event"] == "lessstack"]
    # f's frame: 16 words + BP + outgoing args (1 param + 1 result) = 152 bytes,
    # plus its return address: 1000 frames cannot fit in one 8 KB segment.
    assert news and all(e["size"] == 8192 and e["func"] == "main.f" for e in news)
    assert len(news) == len(lesses)
    totals = result.stats["totals"]
    assert totals["segments_allocated"] == totals["segments_freed"] == len(news)
    assert totals["copies"] == 0 and totals["bytes_copied"] == 0
    # Each descent links a chain: every new segment hangs under the previous one,
    # and g.stacksize grows by exactly the segment size.
    first = news[: len(news) // 2]
    for prev, nxt in zip(first, first[1:]):
        assert nxt["old_lo"] == prev["new_lo"] and nxt["old_hi"] == prev["new_hi"]
        assert nxt["stacksize"] == prev["stacksize"] + 8192
    assert first[0]["stacksize"] == 8192 + 8192         # the first stack plus one segment
    # lessstack unlinks in the opposite order.
    back = lesses[: len(lesses) // 2]
    assert [(e["old_lo"], e["old_hi"]) for e in back] == \
        [(e["new_lo"], e["new_hi"]) for e in reversed(first)]
    g = result.stats["goroutines"][0]
    assert g["final_stack"] == 8192 and g["max_stack"] == first[-1]["stacksize"]


def frames_per_segment(f) -> int:
    """Frames of f (each: its frame + return address) that fit in a fresh 8 KB segment.

    The first sits under Stktop, f's copied args and the lessstack pc; a call
    fails its check when entry SP - (frame - StackSmall) <= lo + StackGuard.
    """
    first_sp = 8192 - GO12.stack_top - f.args_size - PTR_SIZE
    lowest_ok = GO12.stack_guard + max(f.frame_size - GO12.stack_small, 0) + 1
    return (first_sp - lowest_ok) // (f.frame_size + PTR_SIZE) + 1


def _func(src, name):
    program = compile_source(src, "seg.go", RunOptions(profile="go1.2"))
    return next(f for f in program.funcs if f.name == name)


def test_number_of_segments_follows_from_the_frame_size():
    # Segments are linear in depth (never doubled): one per frames_per_segment frames.
    per = frames_per_segment(_func(recurse(10), "main.f"))
    for depth in (2000, 4000):
        _, events = events_of(recurse(depth))
        n = sum(e["event"] == "newsegment" for e in events) // 2
        assert abs(n - (depth + 1) / per) <= 1, (depth, n, per)


def test_segment_size_rule_small_frames_get_stackmin_big_frames_frame_plus_args_plus_extra():
    src = """package main

func big(n int) int {
	var a [1200]int
	a[n] = n
	return a[n] + 1
}

func small(n int) int {
	return big(n) + 1
}

func main() {
	println(small(3))
}
"""
    world, _ = start_world(src)
    segs = world.stacks.segments
    f_big = next(f for f in world.program.funcs if f.name == "main.big")
    f_small = next(f for f in world.program.funcs if f.name == "main.small")
    assert f_big.frame_size >= GO12.stack_big
    assert segs.segment_size(f_big) == f_big.frame_size + f_big.args_size + 2048
    assert segs.segment_size(f_small) == 8192
    result, events = events_of(src)
    assert result.stderr == "5\n"
    news = [e for e in events if e["event"] == "newsegment"]
    assert [e["func"] for e in news] == ["main.big"]
    assert news[0]["size"] == f_big.frame_size + f_big.args_size + 2048


# ------------------------------------------------------------ newstack's segment, in memory


ARGS = """package main

type pair struct {
	a, b int
}

func work(x int, p pair, s [3]int, q *int) (int, pair, int) {
	var pad [40]int
	pad[x%40] = x
	return x + p.a + s[2] + *q, pair{p.b, p.a}, pad[x%40] * 2
}

func main() {
	v := 7
	total := 0
	for i := 0; i < 5; i++ {
		r, pr, d := work(i, pair{i * 10, i * 100}, [3]int{1, 2, i}, &v)
		total += r + pr.a + pr.b + d
	}
	println(total)
}
"""


def test_newstack_writes_stktop_copies_args_and_returns_into_lessstack():
    """Under a forced split at every call, inspect each new segment as newstack leaves it."""
    checked = []

    def on_event(e):
        if e["event"] != "newsegment" or e["func"] != "main.work":
            return
        g = world.curg
        load = lambda a: world.aspace.load(a, "q")     # noqa: E731
        top = read_stktop(load, e["new_hi"] - GO12.stack_top)
        f = next(f for f in world.program.funcs if f.name == "main.work")
        assert top.stackbase == e["old_hi"]
        assert top.stackguard == e["old_lo"] + GO12.stack_guard
        assert top.argsize == f.args_size == e["args"]
        assert top.argp == top.gobuf_sp
        assert e["old_lo"] <= top.argp < e["old_hi"]
        assert world.program.callsites[top.gobuf_pc].func.name == "main.main"
        assert top.free == e["size"] == 8192
        # The args sit right below Stktop, byte for byte, and the return pc below them.
        assert world.aspace.read(top.addr - top.argsize, top.argsize) == \
            world.aspace.read(top.argp, top.argsize)
        assert g.sp == top.addr - top.argsize - PTR_SIZE
        assert load(g.sp) == lessstack_pc(world.program)
        assert g.stack == Stack(e["new_lo"], e["new_hi"])
        assert g.stackguard0 == e["new_lo"] + GO12.stack_guard
        checked.append(top)

    world, blocks = start_world(ARGS, on_event=on_event, debug={"stackforcemove": 1})
    code, err = R.execute(world, blocks)
    assert (code, err) == (0, None)
    assert len(checked) == 5
    assert "".join(world.stderr_parts) == run(ARGS, "go1.19").stderr


def test_results_come_back_through_lessstack_and_the_segment_is_freed():
    result, events = events_of(ARGS, debug={"stackforcemove": 1})
    assert result.exit_code == 0
    assert result.stderr == run(ARGS, "go1.19").stderr
    lesses = [e for e in events if e["event"] == "lessstack"]
    frees = [e for e in events if e["event"] == "stackfree" and e.get("segment")]
    assert len(lesses) == result.stats["totals"]["segments_freed"] > 0
    freed = {(e["lo"], e["hi"]) for e in frees}
    assert all((e["old_lo"], e["old_hi"]) in freed for e in lesses)


def test_a_freed_segment_is_unmapped_at_once():
    unmapped = []

    def on_event(e):
        if e["event"] == "lessstack":
            unmapped.append(world.aspace.mapping_at(e["old_lo"]) is None
                            and world.aspace.mapping_at(e["old_hi"] - 8) is None)

    world, blocks = start_world(recurse(600), on_event=on_event)
    assert R.execute(world, blocks) == (0, None)
    assert unmapped and all(unmapped)


# ------------------------------------------------------------ the hot split


HOT = """package main

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

func descend(d int, n int) int {
	var pad [4]int
	pad[d&3] = d
	if d == 0 {
		return hot(n)
	}
	return descend(d-1, n) + pad[d&3] - d
}

func main() {
	println(descend(DEPTH, CALLS))
}
"""


def _leaf_splits(depth, calls, profile="go1.2"):
    src = HOT.replace("DEPTH", str(depth)).replace("CALLS", str(calls))
    result, events = events_of(src, profile)
    return result, sum(1 for e in events if e["event"] == "newsegment" and e["func"] == "main.leaf")


def test_hot_split_one_segment_per_call_at_the_boundary_copying_pays_once():
    depth = next(d for d in range(400) if _leaf_splits(d, 3)[1] == 3)
    seg, splits = _leaf_splits(depth, 50)
    assert splits == 50
    assert seg.stats["totals"]["segments_freed"] == seg.stats["totals"]["segments_allocated"] >= 50
    copying = run(HOT.replace("DEPTH", str(depth)).replace("CALLS", "50"), "go1.4")
    assert copying.stderr == seg.stderr
    copies = copying.stats["totals"]["copies"]
    assert 0 < copies <= 4          # 2 KB -> 4 KB -> 8 KB (-> 16 KB): once, not per call
    # Away from the boundary the same loop never splits.
    assert _leaf_splits(0, 50)[1] == 0


# ------------------------------------------------------------ traceback and GC across segments


DEEP_GC = """package main

import "runtime"

func mk(n int) *int {
	p := new(int)
	*p = n
	return p
}

func f(n int) int {
	var pad [PAD]int
	p := mk(n)
	pad[n%PAD] = n
	if n == 0 {
		runtime.GC()
		for i := 0; i < 2000; i++ {
			mk(-1)
		}
	} else {
		f(n - 1)
	}
	if *p != n || pad[n%PAD] != n {
		println("lost", n, *p)
	}
	return *p
}

func main() {
	println(f(DEPTH))
}
"""


def test_gc_scans_every_segment_and_traceback_walks_them():
    depth, pad = 300, 40
    src = DEEP_GC.replace("PAD", str(pad)).replace("DEPTH", str(depth))
    seen = {}

    def on_event(e):
        if e["event"] == "gc_start" and "frames" not in seen:
            g = world.curg
            segs = world.stacks.segments.segments(g)
            frames = list(gentraceback(world.program, lambda a: world.aspace.load(a, "q"), g.pc,
                                       g.sp, False, stack_hi=g.stack.hi, stack_top=GO12.stack_top))
            seen["frames"], seen["segments"] = frames, segs
        if e["event"] == "gc_end" and "freed" not in seen:
            seen["freed"] = e["freed"]

    world, blocks = start_world(src, on_event=on_event)
    assert R.execute(world, blocks) == (0, None)
    assert "".join(world.stderr_parts) == f"{depth}\n"
    frames, segs = seen["frames"], seen["segments"]
    assert len(segs) > 3
    names = [fr.func.name for fr in frames]
    assert names == ["main.f"] * (depth + 1) + ["main.main", "runtime.main", "runtime.goexit"]
    # Every frame lies in one segment; the walk moves to the next older segment
    # exactly at the frames marked as boundaries.
    k = 0
    for fr in frames:
        if fr.boundary:
            k += 1
        assert segs[k].lo <= fr.sp < segs[k].hi, (k, hex(fr.sp))
    assert k == len(segs) - 1
    # The first GC ran with all depth + 1 objects reachable only from stack slots
    # spread over every segment: none was freed.
    assert seen["freed"] == 0


def test_gc_across_segments_keeps_objects_with_stackforcemove():
    src = DEEP_GC.replace("PAD", "8").replace("DEPTH", "120")
    result = run(src, debug={"stackforcemove": 1, "checkinv": 1})
    assert (result.exit_code, result.stderr) == (0, "120\n")


def test_panic_traceback_crosses_segments_like_a_contiguous_stack():
    src = """package main

func f(n int, k int) int {
	var a [300]int
	a[n%30] = n
	if n == 0 {
		return a[k]
	}
	return f(n-1, k) + a[n%30]
}

func main() {
	println(f(40, 400))
}
"""
    seg, contiguous = run(src), run(src, "go1.19")
    assert seg.exit_code == contiguous.exit_code == 2
    assert seg.stats["totals"]["segments_allocated"] >= 10
    assert GOLDEN.mask(seg.stderr) == GOLDEN.mask(contiguous.stderr)
    assert seg.stderr.count("main.f(") == 41
    assert "segment boundary" not in seg.stderr     # a panic shows no runtime detail


def test_overflow_limit_is_the_sum_of_segments_and_its_traceback_marks_boundaries():
    src = """package main

import "runtime/debug"

func f(n int) int {
	var pad [40]int
	pad[n%40] = n
	return f(n+1) + pad[n%40]
}

func main() {
	debug.SetMaxStack(65536)
	println(f(0))
}
"""
    result = run(src)
    assert result.exit_code == 2
    err = result.stderr
    assert err.startswith("runtime: goroutine stack exceeds 65536-byte limit\nfatal error: stack overflow\n")
    assert "runtime: sp=" not in err            # Go 1.2 printed no sp line
    # 8 KB first stack + 7 segments = 64 KB; the eighth segment would pass the limit.
    assert result.stats["totals"]["segments_allocated"] == (65536 - 8192) // 8192
    assert err.count("main.f(") == 100
    boundaries = err.count("----- stack segment boundary -----")
    assert boundaries == pytest.approx(100 / frames_per_segment(_func(src, "main.f")), abs=1)


def test_goexit_inside_a_segment_frees_every_segment():
    src = """package main

import (
	"runtime"
	"sync"
)

var wg sync.WaitGroup

func down(n int) int {
	var pad [64]int
	pad[n%64] = n
	if n == 0 {
		wg.Done()
		runtime.Goexit()
	}
	return down(n-1) + pad[n%64]
}

func main() {
	wg.Add(1)
	go down(200)
	wg.Wait()
	println("done")
}
"""
    result = run(src, debug={"checkinv": 1})
    assert (result.exit_code, result.stderr) == (0, "done\n")
    totals = result.stats["totals"]
    assert totals["segments_allocated"] >= 10
    assert totals["segments_freed"] == totals["segments_allocated"]


# ------------------------------------------------------------ the segment cache


def _allocator():
    aspace = AddressSpace()
    return SegmentAllocator(aspace, MHeap(aspace, GO12), GO12), aspace


def test_segment_cache_refills_a_batch_and_releases_the_oldest_batch_when_full():
    a, aspace = _allocator()
    s = a.stackalloc(8192)
    batch = SEGMENT_CACHE_BATCH * 8192
    assert a.stacks_sys == batch and a.mheap.stack_inuse == batch
    assert len(a.stackcache) == SEGMENT_CACHE_BATCH - 1
    assert a.memstats() == {"StackInuse": 8192, "StackSys": batch}
    assert aspace.mapping_at(s.lo).hi == s.hi
    held = [s] + [a.stackalloc(8192) for _ in range(2 * SEGMENT_CACHE_SIZE)]
    assert len({h.lo for h in held}) == len(held)
    assert a.stacks_sys == -(-len(held) // SEGMENT_CACHE_BATCH) * batch
    for h in held:
        a.stackfree(h)
        assert len(a.stackcache) <= SEGMENT_CACHE_SIZE
        assert aspace.mapping_at(h.lo) is None
    assert a.stackinuse == 0 and a.memstats()["StackInuse"] == 0
    cached = len(a.stackcache) + SEGMENT_CACHE_BATCH * len(a.batches)
    assert cached == a.stacks_sys // 8192          # nothing lost, nothing given back
    # The next allocation takes the most recently freed segment.
    last = a.stackcache[-1]
    assert a.stackalloc(8192).lo == last


def test_odd_sized_segments_get_a_span_of_their_own_and_give_it_back():
    a, aspace = _allocator()
    s = a.stackalloc(11064)
    assert s.size == 11064 and a.mheap.stack_inuse == 2 * PAGE_SIZE
    assert a.memstats()["StackInuse"] == 0
    a.stackfree(s)
    assert a.mheap.stack_inuse == 0 and aspace.mapping_at(s.lo) is None
    assert a.counts["stackalloc"]["heap"] == a.counts["stackfree"]["heap"] == 1


# ------------------------------------------------------------ property: any call tree, same answers


CALLS = """package main

type box struct {
	x, y, z int
}

func g(n int, b box, w [W]int) (int, box) {
	var pad [PAD]int
	pad[n%PAD] = n + w[n%W]
	if n == 0 {
		return b.x + pad[0], box{b.z, b.y, b.x}
	}
	r, c := g(n-1, box{b.y, b.z, b.x + n}, w)
	return r + pad[n%PAD] + c.x - c.z, c
}

func main() {
	var w [W]int
	for i := 0; i < W; i++ {
		w[i] = i * 3
	}
	r, c := g(DEPTH, box{1, 2, 3}, w)
	println(r, c.x, c.y, c.z)
}
"""


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(depth=st.integers(0, 400), pad=st.integers(1, 700), width=st.integers(1, 40),
       period=st.sampled_from([0, 1, 2, 5]))
def test_segmented_stacks_compute_what_contiguous_stacks_compute(depth, pad, width, period):
    src = CALLS.replace("PAD", str(pad)).replace("DEPTH", str(depth)).replace("W]", f"{width}]") \
        .replace("i < W", f"i < {width}").replace("%W", f"%{width}")
    want = run(src, "go1.19")
    debug = {"checkinv": 1}
    if period:
        debug["stackforcemove"] = period
    got = run(src, debug=debug)
    assert (got.exit_code, got.stdout, got.stderr) == (want.exit_code, want.stdout, want.stderr)
    totals = got.stats["totals"]
    assert totals["segments_freed"] == totals["segments_allocated"]
    assert totals["copies"] == 0


# ------------------------------------------------------------ the golden programs under go1.2


# Outputs that depend on the profile, so Go 1.19's goldens do not hold under go1.2.
PROFILE_SPECIFIC = {
    "overflow1": "the overflow text and sizes (1.19's sp line, power-of-two stacks); 1 GB of segments",
    "setmaxstack1": "the overflow text (Go 1.19 prints a `runtime: sp=` line, Go 1.2 did not)",
    "memstats1": "MemStats.StackInuse counts differently (8 KB segments in use)",
    "goroutines/grow_then_park1": "MemStats.StackInuse: segments are freed on return, GC shrinks nothing",
    "goroutines/park10k1": "MemStats.StackInuse moves in 8 KB segments, not 32 KB spans",
    "goroutines/shrink_parked1": "MemStats.StackInuse and GC shrinking (Go 1.2 never shrinks)",
    "goroutines/preempt_spin1": "needs Go 1.14's async preemption: the spinners call a NOSPLIT leaf",
    "goroutines/preempt_loop1": "needs Go 1.14's async preemption: the spinners' loops make no call",
}
# Issue 3's programs (tests/programs/lang, others) use defer, recover and closures,
# whose unwinding across segment boundaries the go1.2 model does not do yet.
ISSUE3_DIRS = ("lang/", "others/")
ELIGIBLE = [n for n in GOLDEN.NAMES if n not in PROFILE_SPECIFIC and not n.startswith(ISSUE3_DIRS)]


def _modes():
    # Every stress mode of the goldens; under go1.2, stackforcemove forces a split
    # to a new segment (at the goldens' FORCEMOVE_PERIOD), so arguments and
    # results cross a segment boundary at calls all through each program.
    for name in ELIGIBLE:
        for mode in GOLDEN.STRESS_MODES:
            yield pytest.param(name, mode, id=f"{name}-{mode}")


def test_profile_specific_exclusions_name_real_programs():
    assert set(PROFILE_SPECIFIC) <= set(GOLDEN.NAMES)
    assert len(ELIGIBLE) >= 60


@pytest.mark.parametrize("name, mode", list(_modes()))
def test_golden_program_under_go12(name, mode):
    source = PROGRAMS / f"{name}.go"
    debug = GOLDEN.stress_knobs(name, mode)
    result = gostack.run_file(str(source), profile="go1.2", debug=debug,
                              timeout=GOLDEN.RUN_TIMEOUT)
    assert result.stdout == (PROGRAMS / f"{name}.stdout").read_text()
    # go1.2 has none of the runtime's background goroutines (runtime/background.py)
    want = GOLDEN.drop_go_background_goroutines((PROGRAMS / f"{name}.stderr").read_text(),
                                                GOLDEN.ALL_BACKGROUND_STATES)
    assert GOLDEN.mask(result.stderr) == GOLDEN.mask(want)
    assert result.exit_code == int((PROGRAMS / f"{name}.exit").read_text())
    totals = result.stats["totals"]
    if result.exit_code == 0:
        assert totals["segments_freed"] <= totals.get("segments_allocated", 0)
    assert totals["copies"] == 0


def test_compare_shows_segments_for_go12_and_a_dash_for_copying_profiles(tmp_path, capsys):
    from gostack import cli
    source = tmp_path / "hot.go"
    source.write_text(recurse(500))
    assert cli.main(["compare", str(source), "--profiles", "go1.2,go1.4"]) == 0
    out = capsys.readouterr().out
    assert "segments new/freed" in out
    row12 = next(line for line in out.splitlines() if line.strip().startswith("go1.2"))
    row14 = next(line for line in out.splitlines() if line.strip().startswith("go1.4"))
    result = run(recurse(500))
    n = result.stats["totals"]["segments_allocated"]
    assert n > 0 and f" {n:,}/{n:,} " in row12
    assert " - " in row14
