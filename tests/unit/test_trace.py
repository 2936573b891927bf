"""Stack events: the schema of `--trace` and the Python subscription.

The recursion below grows its 2 KB stack by doubling; its trace must list,
in order, stackalloc 2 KB (the goroutine's first stack), then for each
growth a morestack decision, the next power of two allocated, the old
stack freed and a copystack from the old to the new bounds.  The step of
every event must be exact: a run with checkinv=1 (which ticks the step
counter after every block) gives the same steps as a plain run, whose
executor counts in chunks of 4096 blocks.
"""

import json

import pytest

from gostack import cli
from gostack.api import EVENT_FIELDS, MORESTACK_DECISIONS, collect_events, run_source
from gostack.profiles import get_profile

RECURSION = """package main

func down(n int) int {
	var pad [16]int
	pad[n%16] = n
	if n == 0 {
		return 0
	}
	return down(n-1) + pad[n%16] - n + 1
}

func main() {
	println(down(3000))
}
"""

# Goroutines that park and wake on channels, a GC that shrinks, a grow on a
# goroutine: steps must stay exact across switches (no time slice expires).
SWITCHING = """package main

import "runtime"

func deep(n int) int {
	var pad [8]int
	pad[0] = n
	if n == 0 {
		return 0
	}
	return deep(n-1) + pad[0] - n + 1
}

func worker(id int, in chan int, out chan int) {
	for v := range in {
		out <- v + deep(v)
	}
	out <- 0
}

func main() {
	in := make(chan int)
	out := make(chan int)
	for i := 0; i < 3; i++ {
		go worker(i, in, out)
	}
	s := 0
	for i := 0; i < 30; i++ {
		in <- i * 20
		s += <-out
	}
	close(in)
	for i := 0; i < 3; i++ {
		<-out
	}
	runtime.Gosched()
	println(s, deep(500))
	runtime.GC()
}
"""


def check_schema(event: dict):
    assert isinstance(event["event"], str)
    assert event["event"] in EVENT_FIELDS, event
    assert "g" in event and (event["g"] is None or isinstance(event["g"], int))
    assert isinstance(event["step"], int) and event["step"] >= 0
    for name in EVENT_FIELDS[event["event"]]:
        assert name in event, (name, event)
    if event["event"] == "morestack":
        assert event["decision"] in MORESTACK_DECISIONS


def test_recursion_trace_lists_doubling_allocations_and_copies_in_order(tmp_path):
    src = tmp_path / "rec.go"
    src.write_text(RECURSION)
    trace = tmp_path / "trace.jsonl"
    assert cli.main(["run", "--trace", str(trace), str(src)]) == 0
    events = [json.loads(line) for line in trace.read_text().splitlines()]
    for event in events:
        check_schema(event)
    steps = [e["step"] for e in events]
    assert steps == sorted(steps)

    mine = [e for e in events if e["g"] == 1 and e["event"] in
            ("stackalloc", "stackfree", "morestack", "copystack")]
    assert mine[0]["event"] == "stackalloc" and mine[0]["size"] == 2048
    size, lo, hi = 2048, mine[0]["lo"], mine[0]["hi"]
    rest = mine[1:]
    copies = 0
    while rest:
        grow, alloc, free, copy, rest = rest[0], rest[1], rest[2], rest[3], rest[4:]
        assert (grow["event"], grow["decision"]) == ("morestack", "grow")
        assert grow["lo"] == lo and grow["hi"] == hi and grow["func"] == "main.down"
        assert grow["sp"] - grow["frame_size"] < grow["guard"] == lo + get_profile("go1.10").stack_guard
        assert (alloc["event"], alloc["size"]) == ("stackalloc", size * 2)
        # 2, 4, 8 and 16 KB come from the P's cache by order; 32 KB and up are large.
        assert alloc["large"] == (alloc["size"] >= 32768)
        assert alloc["large"] or (2048 << alloc["order"] == alloc["size"]
                                  and alloc["source"] == "cache")
        assert (free["event"], free["size"], free["lo"]) == ("stackfree", size, lo)
        assert copy["event"] == "copystack" and copy["reason"] == "grow"
        assert (copy["old_lo"], copy["old_hi"]) == (lo, hi)
        assert (copy["new_lo"], copy["new_hi"]) == (alloc["lo"], alloc["hi"])
        assert copy["delta"] == copy["new_hi"] - copy["old_hi"]
        assert 0 < copy["used"] < size and copy["frames"] >= 2
        # the saved BPs at least: not goexit's, main's (0) nor the frameless top one
        assert copy["pointers_adjusted"] >= copy["frames"] - 3
        assert grow["step"] == alloc["step"] == copy["step"]
        size, lo, hi = size * 2, copy["new_lo"], copy["new_hi"]
        copies += 1
    assert size == 1 << (copies + 11) and copies >= 6      # 2 KB .. 128 KB and beyond


def test_subscribers_see_the_same_events_as_the_trace():
    seen_a, seen_b = [], []
    result = run_source(RECURSION, on_event=[seen_a.append, seen_b.append])
    assert result.exit_code == 0 and seen_a == seen_b
    result2, events = collect_events(RECURSION)
    assert result2.stdout == result.stdout
    assert [e["event"] for e in events] == [e["event"] for e in seen_a]
    grows = sum(1 for e in events if e["event"] == "copystack" and e["reason"] == "grow")
    assert grows == result.stats["totals"]["grows"]


@pytest.mark.parametrize("program", [RECURSION, SWITCHING], ids=["recursion", "switching"])
def test_steps_are_exact_not_rounded_to_the_executor_chunk(program):
    _, plain = collect_events(program)
    _, checked = collect_events(program, debug={"checkinv": 1})
    assert plain == checked
    assert any(e["step"] % 4096 for e in plain)


def test_switching_program_emits_scheduler_gc_and_shrink_events():
    result, events = collect_events(SWITCHING)
    assert result.exit_code == 0
    for event in events:
        check_schema(event)
    names = {e["event"] for e in events}
    assert {"gostart", "gopark", "goready", "goexit", "gc_start", "gc_end", "copystack",
            "shrinkstack"} <= names
    shrink = [e for e in events if e["event"] == "shrinkstack"]
    assert shrink and shrink[0]["g"] == 1 and shrink[0]["new_size"] * 2 == shrink[0]["old_size"]
    starts = [e["g"] for e in events if e["event"] == "gostart"]
    assert starts == [1, 5, 6, 7]
    # every stack event names the goroutine whose stack it is
    assert all(e["g"] is not None for e in events
               if e["event"] in ("stackalloc", "stackfree") and e["size"] == 2048
               and e["step"] > 0)


def test_thread_model_emits_thread_create_and_fault():
    deep = RECURSION.replace("down(3000)", "down(100000000)")
    result, events = collect_events(deep, stack_model="thread", thread_stack=64 << 10)
    assert result.exit_code == 139
    created = [e for e in events if e["event"] == "thread_create"]
    assert created and created[0]["g"] == 1
    assert created[0]["stack_hi"] - created[0]["stack_lo"] == 64 << 10
    fault = events[-1]
    assert fault["event"] == "fault" and fault["g"] == 1
    assert fault["addr"] < fault["stack_lo"]
    for event in events:
        check_schema(event)


def test_overflow_is_a_morestack_decision():
    prog = RECURSION.replace("func main() {", "func main() {\n\tdebug.SetMaxStack(65536)") \
        .replace("package main\n", "package main\n\nimport \"runtime/debug\"\n")
    result, events = collect_events(prog)
    assert result.exit_code == 2
    last = [e for e in events if e["event"] == "morestack"][-1]
    assert last["decision"] == "overflow" and last["hi"] - last["lo"] == 65536


LOCAL_POINTER = """package main

func down(n int) int {
	if n == 0 {
		return 0
	}
	var buf [16]int
	p := &buf[3]
	*p = n
	r := down(n - 1)
	return r + *p
}

func main() {
	println(down(200))
}
"""


def test_a_copystack_event_records_the_local_pointer_slots_it_adjusted():
    """The walk record names the slots copystack rewrote: here each frame's pointer
    to its own buf, live across the call, not only the saved frame pointers."""
    result, events = collect_events(LOCAL_POINTER)
    assert result.exit_code == 0
    copies = [e for e in events if e["event"] == "copystack"]
    assert copies
    owners = {func for e in copies for _slot, _old, func in e["pointers"]}
    assert any(not func.endswith("saved BP") for func in owners), owners
    assert any(run[0] == "main.down" for e in copies for run in e["stack"])
