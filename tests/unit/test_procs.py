"""Several Ps (GOMAXPROCS) and the preemption of loops that make no call.

The goldens (tests/programs/goroutines: gomaxprocs1, gomaxprocs_spin1,
preempt_loop1, preempt_loop_gc1) check what Go 1.19 prints; these tests
check what only the model shows: which release starves, which Ms and Ps
took part, and that a multi-P schedule is the same from run to run.
"""

from pathlib import Path

import pytest

import gostack
from gostack.cli import gomaxprocs_from_env

GOROUTINES = Path(__file__).parent.parent / "programs" / "goroutines"
SPIN_STEPS = 3_000_000      # far more than any of these programs needs when it is not starved


def run(name, **options):
    return gostack.run_file(str(GOROUTINES / f"{name}.go"), **options)


def test_a_loop_without_calls_starves_main_before_go1_14():
    """Go 1.10 preempts only at prologue checks: a call-free spinner never yields."""
    starved = run("preempt_loop1", profile="go1.10", max_steps=SPIN_STEPS)
    assert starved.exit_code == 3 and "--max-steps" in starved.stderr
    assert starved.stdout == ""


def test_go1_19_preempts_a_loop_without_calls_asynchronously():
    events = []
    result = run("preempt_loop1", profile="go1.19", max_steps=SPIN_STEPS, on_event=events.append)
    assert result.exit_code == 0 and result.stdout == "main ran again\nand again\n"
    kinds = {e["kind"] for e in events if e["event"] == "preempt"}
    assert kinds == {"async"}


def test_asyncpreemptoff_starves_as_go1_19_does_with_the_godebug():
    result = run("preempt_loop1", profile="go1.19", max_steps=SPIN_STEPS,
                 debug={"asyncpreemptoff": 1})
    assert result.exit_code == 3 and result.stdout == ""


def test_a_second_p_runs_main_while_the_spinner_cannot_be_preempted():
    result = run("gomaxprocs_spin1", profile="go1.10", max_steps=SPIN_STEPS)
    assert result.exit_code == 0
    assert result.stdout == "main woke 1\nmain woke 2\nmain woke 3\n"
    assert result.stats["totals"]["preemptions"] == 0
    assert result.stats["gomaxprocs"] == 2


def test_gomaxprocs_resizes_allp_as_procresize_does():
    events = []
    result = run("gomaxprocs1", profile="go1.19", on_event=events.append)
    assert result.exit_code == 0
    resizes = [(e["old"], e["new"]) for e in events if e["event"] == "procresize"]
    assert resizes == [(1, 4), (4, 1), (1, 3)]
    assert result.stats["gomaxprocs"] == 3


WORKERS = """package main

import "sync"

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	var wg sync.WaitGroup
	for w := 0; w < 6; w++ {
		wg.Add(1)
		go func() { defer wg.Done(); fib(17) }()
	}
	wg.Wait()
	println("done")
}
"""


def test_idle_ps_steal_work_and_each_gets_an_m_with_its_own_g0():
    result = gostack.run_source(WORKERS, "workers.go", profile="go1.19", cpus=4)
    assert result.stderr == "done\n"
    g0s = [s for s in result.stats["system_stacks"] if s["role"] == "g0"]
    # m0, the sysmon M (m1), and one M for each of the three other Ps
    assert [s["m"] for s in g0s] == [0, 1, 2, 3, 4]
    assert all(s["peak_used"] > 0 for s in g0s)
    assert len({s["tid"] for s in g0s}) == 5


def test_cpus_sets_numcpu_and_the_starting_ps():
    source = ('package main\n\nimport (\n\t"fmt"\n\t"runtime"\n)\n\n'
              'func main() { fmt.Println(runtime.NumCPU(), runtime.GOMAXPROCS(0)) }\n')
    assert gostack.run_source(source, "cpus.go").stdout == "1 1\n"
    assert gostack.run_source(source, "cpus.go", cpus=8).stdout == "8 8\n"
    assert gostack.run_source(source, "cpus.go", cpus=8, gomaxprocs=3).stdout == "8 3\n"


@pytest.mark.parametrize("text, want", [("4", 4), ("1", 1), ("", None), ("0", None),
                                        ("-2", None), ("four", None), (" 4", None)])
def test_gomaxprocs_environment_variable_as_schedinit_reads_it(monkeypatch, text, want):
    monkeypatch.setenv("GOMAXPROCS", text)
    assert gomaxprocs_from_env() == want


def test_a_multi_p_schedule_is_the_same_every_run():
    def trace():
        events = []
        run("worker_pool1", profile="go1.19", cpus=4, on_event=events.append)
        return [(e["event"], e["g"], e["step"]) for e in events]
    first = trace()
    assert len(first) > 20 and first == trace()


def test_thread_model_cpus_are_plain_ms_without_go_system_stacks():
    result = run("gomaxprocs1", profile="go1.19", stack_model="thread")
    assert result.exit_code == 0 and result.stats["system_stacks"] == []


def test_execute_events_show_every_p_running_goroutines():
    events = []
    gostack.run_source(WORKERS, "workers.go", profile="go1.19", cpus=4, on_event=events.append)
    runs = [e for e in events if e["event"] == "execute"]
    assert {e["p"] for e in runs} == {0, 1, 2, 3}
    assert {e["m"] for e in runs} == {0, 2, 3, 4}          # m1 is sysmon's
    assert any(e["resumed"] for e in runs)
    assert [e["g"] for e in runs[:1]] == [1]


def test_examples_procs_runs_on_four_cpus():
    example = Path(__file__).parent.parent.parent / "examples" / "procs.go"
    result = gostack.run_file(str(example), profile="go1.19", cpus=4)
    assert result.stdout == "CPUs: 4 Ps: 4\nresults: [2584 4181 6765 10946]\n"


SHRINK_FROM_A_WORKER = """package main

import (
	"fmt"
	"runtime"
	"sync"
)

func fib(n int) int {
	if n < 2 {
		return n
	}
	return fib(n-1) + fib(n-2)
}

func main() {
	var wg sync.WaitGroup
	out := make([]int, 6)
	for w := 0; w < 6; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			out[w] = fib(14 + w%3)
			if w == 2 {
				fmt.Println("was", runtime.GOMAXPROCS(1))
			}
		}(w)
	}
	wg.Wait()
	fmt.Println(out, runtime.GOMAXPROCS(4))
	for w := 0; w < 6; w++ {
		wg.Add(1)
		go func(w int) { defer wg.Done(); out[w] = fib(17) }(w)
	}
	wg.Wait()
	fmt.Println(out)
}
"""


def test_a_goroutine_on_a_removed_p_goes_on_with_p0_and_its_own_m():
    """GOMAXPROCS(1) called from a goroutine running on P3: checkinv checks after every
    block that each P has its own M and that the running G is its P's curg."""
    events = []
    result = gostack.run_source(SHRINK_FROM_A_WORKER, "shrink.go", profile="go1.19", cpus=4,
                                debug={"checkinv": 1}, on_event=events.append)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "was 4\n[377 610 987 377 610 987] 1\n[1597 1597 1597 1597 1597 1597]\n"
    resize = next(e for e in events if e["event"] == "procresize")
    assert resize["p"] > 0          # worker 2 was running on a P that GOMAXPROCS(1) removes
