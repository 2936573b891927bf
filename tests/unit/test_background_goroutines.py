"""The runtime's own goroutines (gostack/runtime/background.py).

Expectations are Go 1.19's, checked with small programs built by real Go
1.19 (GOMAXPROCS=1) and the goldens overflow1/setmaxstack1/systemstack1:
goroutines 2-4 (forcegchelper, bgsweep, bgscavenge) exist before main.main,
5 is the finalizer goroutine when os is imported (directly or through fmt,
log, flag, runtime/debug), NumGoroutine and the deadlock check leave them
out, a runtime throw shows them with their frames; the first GC adds a mark
worker per P and moves bgsweep's and bgscavenge's parks into their loops.
"""

import pytest

import gostack
from gostack.api import load_source
from gostack.profiles import PTR_SIZE
from gostack.runtime.background import BACKGROUND, GC_WORKER, RUNTIME_FUNCS
from gostack.runtime.runtime2 import Gstatus
from gostack.runtime.traceback import gentraceback

PARK_FOREVER = """package main

import "runtime"

var sink []int

func main() {
	println(runtime.NumGoroutine())
	for i := 0; i < 3; i++ {
		sink = make([]int, 1000)
		runtime.GC()
	}
	println(runtime.NumGoroutine())
	<-make(chan int)
}
"""

GO_PANICS = """package main

IMPORT

func main() {
	USE
	done := make(chan int)
	go func() {
		panic("boom")
	}()
	<-done
}
"""

STACK_ALL = """package main

import "runtime"

func main() {
	c := make(chan int)
	go func() { <-c }()
	runtime.Gosched()
	buf := make([]byte, 10000)
	n := runtime.Stack(buf, true)
	println(string(buf[:n]))
}
"""

GOEXIT_ALONE = """package main

import "runtime"

func main() {
	runtime.Goexit()
}
"""

GOEXIT_WITH_WAITER = """package main

import "runtime"

func w(c chan int) { <-c }

func main() {
	c := make(chan int)
	go w(c)
	runtime.Goexit()
}
"""

OVERFLOW_AFTER_GC = """package main

import "runtime"

func f(n int) int { return f(n+1) + 1 }

func main() {
	runtime.GC()
	runtime.GC()
	println(f(0))
}
"""

# fp - sp of each frame in Go 1.19's dumps (the goldens): frame + return address.
GO_FRAMES = {
    2: [("runtime.gopark", 0x20), ("runtime.forcegchelper", 0x30), ("runtime.goexit", 0x8)],
    3: [("runtime.gopark", 0x20), ("runtime.bgsweep", 0x38), ("runtime.gcenable.func1", 0x18),
        ("runtime.goexit", 0x8)],
    4: [("runtime.gopark", 0x20), ("runtime.(*scavengerState).park", 0x30),
        ("runtime.bgscavenge", 0x28), ("runtime.gcenable.func2", 0x18), ("runtime.goexit", 0x8)],
    5: [("runtime.gopark", 0x20), ("runtime.runfinq", 0x1B8), ("runtime.goexit", 0x8)],
}
WAIT_REASONS = {2: "force gc (idle)", 3: "GC sweep wait", 4: "GC scavenge wait", 5: "finalizer wait"}


def world(source, profile="go1.19", **options):
    return load_source(source, "bg.go", profile=profile, **options).world


def system_gs(w):
    return [g for g in w.allgs if g.system]


def test_goroutines_2_to_4_are_parked_before_main_main():
    w = world(PARK_FOREVER)
    gs = system_gs(w)
    assert [g.goid for g in gs] == [2, 3, 4]
    assert w.allgs[0] is w.main_g and w.allgs[1:4] == gs        # allgs order: creation order
    for g in gs:
        assert g.status == Gstatus.WAITING and g.waitreason == WAIT_REASONS[g.goid]
        assert g.stack.size == 2048 and g.stack.lo <= g.sp < g.stack.hi
        assert g not in w.p.runq and w.p.runnext is not g


def test_their_frames_are_in_stack_memory_with_go_1_19_sizes():
    w = world(PARK_FOREVER)
    load = lambda a: w.aspace.load(a, "q")          # noqa: E731
    for g in system_gs(w):
        frames = list(gentraceback(w.program, load, g.pc, g.sp, False))
        assert [(fr.func.name, fr.fp - fr.sp) for fr in frames] == GO_FRAMES[g.goid]
        assert frames[-1].sp == g.stack.hi - 4 * PTR_SIZE          # newproc's reserved words
        # the saved frame pointers chain up through every frame that has one
        bp = g.bp
        for fr in frames[:-1]:
            assert bp == fr.sp + fr.func.frame_size - PTR_SIZE
            bp = load(bp)
        assert bp == 0


def test_num_goroutine_is_1_and_the_first_go_statement_makes_goroutine_5():
    result = gostack.run_source(PARK_FOREVER, "bg.go", profile="go1.19")
    assert result.stderr.startswith("1\n1\nfatal error: all goroutines are asleep - deadlock!\n")
    panicked = gostack.run_source(GO_PANICS.replace("IMPORT", "").replace("USE", ""), "p.go", profile="go1.19")
    assert "goroutine 5 [running]:" in panicked.stderr


@pytest.mark.parametrize("package", ["fmt", "os", "log", "flag", "runtime/debug"])
def test_importing_os_adds_the_finalizer_goroutine_5(package):
    use = {"fmt": "fmt.Sprint()", "os": "os.Args", "log": "log.Prefix()",
           "flag": "flag.Args()", "runtime/debug": "debug.SetMaxStack(1 << 30)"}[package]
    source = GO_PANICS.replace("IMPORT", f'import "{package}"').replace("USE", f"_ = {use}")
    w = world(source)
    assert [(g.goid, g.waitreason) for g in system_gs(w)] == sorted(WAIT_REASONS.items())
    result = gostack.run_source(source, "p.go", profile="go1.19")
    assert "goroutine 6 [running]:" in result.stderr


def test_packages_without_os_have_no_finalizer_goroutine():
    source = GO_PANICS.replace("IMPORT", 'import "strings"').replace("USE", '_ = strings.ToUpper("x")')
    assert [g.goid for g in system_gs(world(source))] == [2, 3, 4]


def test_their_stacks_count_in_stack_inuse():
    w = world(PARK_FOREVER)
    for g in system_gs(w):
        span = w.mheap.find_span(g.stack.lo)
        assert span is not None and span.state == "stack"
    assert w.stackalloc.stack_inuse == w.mheap.stack_inuse
    result = gostack.run_source(PARK_FOREVER, "bg.go", profile="go1.19")
    listed = result.stats["system_goroutines"]
    assert [(s["id"], s["func"], s["size"]) for s in listed] == [
        (2, "runtime.forcegchelper", 2048), (3, "runtime.gcenable.func1", 2048),
        (4, "runtime.gcenable.func2", 2048), (5, "runtime.gcBgMarkWorker", 2048)]
    assert [g["id"] for g in result.stats["goroutines"]] == [1]     # the program's own


def frame_lines(w, g):
    load = lambda a: w.aspace.load(a, "q")          # noqa: E731
    return [(fr.func.name, w.program.callsites[fr.pc].line if fr.pc in w.program.callsites else 0)
            for fr in gentraceback(w.program, load, g.pc, g.sp, False)]


def test_they_survive_gc_unmoved_and_unshrunk_and_sweeper_and_scavenger_repark():
    proc = load_source(PARK_FOREVER, "bg.go", profile="go1.19")
    w = proc.world
    before = {g.goid: (g.stack.lo, g.sp, g.pc, w.aspace.read(g.sp, g.stack.hi - g.sp))
              for g in system_gs(w)}
    assert frame_lines(w, w.allgs[2])[1] == ("runtime.bgsweep", 278)
    assert frame_lines(w, w.allgs[3])[2] == ("runtime.bgscavenge", 617)
    result = proc.run()
    assert result.stats["totals"]["shrinks"] == 0
    assert w.collector.numgc == 3
    after = {g.goid: (g.stack.lo, g.sp, g.pc, w.aspace.read(g.sp, g.stack.hi - g.sp))
             for g in system_gs(w) if g.goid in before}
    assert after[2] == before[2]
    for goid in (3, 4):         # same frames; one return address rewritten in memory
        assert after[goid][:3] == before[goid][:3]
        changed = [k for k in range(0, len(after[goid][3]), PTR_SIZE)
                   if after[goid][3][k:k + PTR_SIZE] != before[goid][3][k:k + PTR_SIZE]]
        assert len(changed) == 1
    # Go 1.19 after a GC: bgsweep parks in its loop (297), bgscavenge too (622)
    assert frame_lines(w, w.allgs[2])[1] == ("runtime.bgsweep", 297)
    assert frame_lines(w, w.allgs[3])[2] == ("runtime.bgscavenge", 622)
    # the GC walked their frames (they are roots like any goroutine's)
    for g in system_gs(w):
        assert list(w.collector.stack_words(g)) == []


@pytest.mark.parametrize("cpus", [1, 4])
def test_the_first_gc_adds_a_parked_mark_worker_per_p(cpus):
    proc = load_source(PARK_FOREVER, "bg.go", profile="go1.19", cpus=cpus)
    w = proc.world
    assert w.gc_workers == []
    proc.run()
    assert [g.goid for g in w.gc_workers] == list(range(5, 5 + cpus))     # made once, not per cycle
    load = lambda a: w.aspace.load(a, "q")          # noqa: E731
    for g in w.gc_workers:
        assert g.system and g.status == Gstatus.WAITING and g.waitreason == "GC worker (idle)"
        frames = list(gentraceback(w.program, load, g.pc, g.sp, False))
        assert [(fr.func.name, fr.fp - fr.sp) for fr in frames] == [
            ("runtime.gopark", 0x20), ("runtime.gcBgMarkWorker", 0x90), ("runtime.goexit", 0x8)]
        assert g.creator[0] == "runtime.gcBgMarkStartWorkers"


def test_a_go_statement_after_the_first_gc_comes_after_the_worker():
    source = GO_PANICS.replace("IMPORT", 'import "runtime"').replace("USE", "runtime.GC()")
    assert "goroutine 6 [running]:" in gostack.run_source(source, "p.go", profile="go1.19").stderr


def test_deadlock_ignores_them_and_does_not_show_them():
    result = gostack.run_source(PARK_FOREVER, "bg.go", profile="go1.19")
    assert result.exit_code == 2
    assert "goroutine 1 [chan receive]:" in result.stderr
    assert "force gc" not in result.stderr and "goroutine 2" not in result.stderr


def test_main_goexit_alone_is_no_goroutines_with_a_waiter_all_asleep():
    alone = gostack.run_source(GOEXIT_ALONE, "e.go", profile="go1.19")
    assert alone.stderr == "fatal error: no goroutines (main called runtime.Goexit) - deadlock!\n"
    waiter = gostack.run_source(GOEXIT_WITH_WAITER, "e.go", profile="go1.19")
    assert waiter.stderr.startswith("fatal error: all goroutines are asleep - deadlock!\n\n"
                                    "goroutine 5 [chan receive]:\nmain.w(")
    assert waiter.exit_code == 2


def test_runtime_stack_all_leaves_them_out():
    result = gostack.run_source(STACK_ALL, "s.go", profile="go1.19")
    headers = [line for line in result.stderr.splitlines() if line.startswith("goroutine ")]
    assert headers == ["goroutine 1 [running]:", "goroutine 5 [chan receive]:"]


def test_a_runtime_throw_shows_them_after_gc_in_allgs_order():
    result = gostack.run_source(OVERFLOW_AFTER_GC, "o.go", profile="go1.19",
                                max_stack=1 << 16)
    assert result.exit_code == 2 and "fatal error: stack overflow" in result.stderr
    headers = [line for line in result.stderr.splitlines() if line.startswith("goroutine ")]
    assert headers == ["goroutine 1 [running]:", "goroutine 2 [force gc (idle)]:",
                       "goroutine 3 [GC sweep wait]:", "goroutine 4 [GC scavenge wait]:",
                       "goroutine 5 [GC worker (idle)]:"]
    block = result.stderr.split("goroutine 4 [GC scavenge wait]:\n", 1)[1].split("\n\n")[0]
    names = [line[:line.rindex("(")] if line.endswith(")") else line
             for line in block.splitlines() if not line.startswith("\t")]
    assert names == ["runtime.gopark", "runtime.goparkunlock", "runtime.(*scavengerState).park",
                     "runtime.bgscavenge", "runtime.gcenable.func2", "runtime.goexit",
                     "created by runtime.gcenable"]
    assert "/src/runtime/proc.go:369\n" in block and "/src/runtime/mgcscavenge.go:622 +0x65" in block


@pytest.mark.parametrize("options", [{"profile": "go1.2"}, {"profile": "go1.4"},
                                     {"profile": "go1.19", "stack_model": "thread"}])
def test_not_made_without_a_go_runtime_or_before_go_1_10_but_ids_stay_reserved(options):
    w = world(PARK_FOREVER, **options)
    assert system_gs(w) == []
    panicked = gostack.run_source(GO_PANICS.replace("IMPORT", "").replace("USE", ""), "p.go", **options)
    assert "goroutine 5 [running]:" in panicked.stderr


def test_go_1_10_has_the_same_set():
    assert [g.goid for g in system_gs(world(PARK_FOREVER, profile="go1.10"))] == [2, 3, 4]


def test_function_table_has_go_positions_and_sizes():
    program = world(PARK_FOREVER).program
    by_name = {f.name: f for f in program.funcs}
    for rf in RUNTIME_FUNCS:
        info = by_name[rf.name]
        assert (info.file, info.decl_line, info.frame_size) == (rf.file, rf.decl_line, rf.frame_size)
        assert info.end - info.entry == rf.text_size
        assert program.findfunc(info.entry + rf.text_size - 1) is info
    assert len(BACKGROUND) == 4 and GC_WORKER.waitreason == "GC worker (idle)"


def test_a_fault_throw_dumps_every_goroutine_with_the_system_ones():
    """sigpanic's throw("fault") (an address that is not nil's) is a runtime throw."""
    from gostack.machine.memory import Fault
    from gostack.vm import crash as vmrun
    w = world(PARK_FOREVER)
    g = w.main_g
    vmrun.report_fault(w, g, g.pc, Fault(0xC0DE0000, True, "unmapped"), None)
    text = "".join(w.stderr_parts)
    assert text.startswith("unexpected fault address 0xc0de0000\nfatal error: fault\n")
    headers = [line for line in text.splitlines() if line.startswith("goroutine ")]
    assert headers == ["goroutine 1 [running]:", "goroutine 2 [force gc (idle)]:",
                       "goroutine 3 [GC sweep wait]:", "goroutine 4 [GC scavenge wait]:"]
