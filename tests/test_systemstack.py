"""System stacks: each M's g0 and gsignal, stackguard1, morestackc, systemstack.

Expectations come from the reference (go-stack-facts.md 1.3 and 2): m0.g0 is
the top 64 KiB - 104 bytes of the main thread's OS stack; the g0 of an M the
runtime makes is stackalloc'd from the Go heap (8 KiB up to Go 1.21.0, 16 KiB
from 1.22) and handed to clone as the thread's only stack; gsignal is 32 KiB;
stackguard1 is lo + StackGuard on g0 and gsignal and ~0 on user goroutines.
The morestackc golden (tests/systemstack/) was recorded from real Go 1.19.
"""

from dataclasses import replace
from pathlib import Path

import pytest

import gostack
from gostack.api import load_source
from gostack.machine.layout import STACK_TOP
from gostack.machine.thread import GO_CLONE_FLAGS
from gostack.profiles import (G0_GC_FRAMES, G0_MSTART_FRAMES, G0_NEWSTACK_FRAMES, G0_STACK_M0,
                              GSIGNAL_STACK, HEAP_ARENA_BASE, OS_PAGE_SIZE, PROFILES, PTR_SIZE,
                              STACKGUARD1_USER)
from gostack.runtime.proc import World
from test_programs import drop_go_background_goroutines, mask

HERE = Path(__file__).parent / "systemstack"

SMALL = """package main

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


def world(profile="go1.19", depth=1):
    return load_source(SMALL.replace("DEPTH", str(depth)), "small.go", profile=profile).world


def frames_bytes(frames) -> int:
    return sum(size + PTR_SIZE for size in frames)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_m0_g0_is_the_top_of_the_main_thread_stack(profile):
    w = world(profile)
    g0 = w.m0.g0
    assert g0.stack.size == G0_STACK_M0 == 65536 - 104
    assert g0.stack.hi == STACK_TOP - OS_PAGE_SIZE              # below argv/envp/auxv
    assert w.aspace.mapping_at(g0.stack.lo).name == "[stack]"
    assert g0.stackguard0 == g0.stackguard1 == g0.stack.lo + PROFILES[profile].stack_guard


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_gsignal_is_32_kib_from_the_heap_with_a_real_stackguard1(profile):
    w = world(profile)
    for m in w.allm:
        gsignal = m.gsignal
        assert gsignal.stack.size == GSIGNAL_STACK == 32768
        assert gsignal.stack.lo >= HEAP_ARENA_BASE
        assert gsignal.stackguard1 == gsignal.stack.lo + PROFILES[profile].stack_guard


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_a_runtime_made_m_has_a_heap_g0_that_is_its_threads_only_stack(profile):
    w = world(profile)
    sysmon = w.allm[1]
    assert sysmon.startfn == "runtime.sysmon"
    g0 = sysmon.g0
    assert g0.stack.size == PROFILES[profile].g0_stack == 8192       # every modelled release <= 1.21
    assert g0.stack.lo >= HEAP_ARENA_BASE
    assert g0.stackguard1 == g0.stack.lo + PROFILES[profile].stack_guard
    task = w.kernel.tasks[sysmon.tid]
    assert task.child_stack == g0.stack.hi and task.flags == GO_CLONE_FLAGS
    assert (task.lo, task.hi) == (g0.stack.lo, g0.stack.hi)   # the mapping clone's SP lands in


def test_from_go_1_22_a_runtime_made_m_gets_a_16_kib_g0():
    src = SMALL.replace("DEPTH", "1")
    proc = load_source(src, "small.go", profile="go1.19")
    go122 = replace(PROFILES["go1.19"], name="go1.22", g0_stack=16384)
    w = World(proc.program, go122, proc.opts)
    assert w.allm[1].g0.stack.size == 16384


def test_user_goroutines_have_stackguard1_all_ones():
    w = world()
    assert w.main_g.stackguard1 == STACKGUARD1_USER == (1 << 64) - 1


def test_no_growth_leaves_g0_at_its_mstart_frames():
    result = gostack.run_source(SMALL.replace("DEPTH", "1"), "small.go", profile="go1.19")
    g0 = next(s for s in result.stats["system_stacks"] if s["m"] == 0 and s["role"] == "g0")
    assert g0["peak_used"] == frames_bytes(G0_MSTART_FRAMES)


def test_newstack_runs_on_g0_and_its_frames_are_g0_memory():
    proc = load_source(SMALL.replace("DEPTH", "10000"), "small.go", profile="go1.19")
    result = proc.run()
    assert result.exit_code == 0 and result.stats["totals"]["grows"] > 0
    g0 = next(s for s in result.stats["system_stacks"] if s["m"] == 0 and s["role"] == "g0")
    expected = frames_bytes(G0_MSTART_FRAMES) + frames_bytes(G0_NEWSTACK_FRAMES)
    assert g0["peak_used"] == expected
    # the frame-pointer chain newstack's frames left in the main thread's stack memory
    w = proc.world
    top = g0["hi"] - frames_bytes(G0_MSTART_FRAMES)
    newstack_bp = top - PTR_SIZE - PTR_SIZE            # return address, then the saved BP
    copystack_bp = newstack_bp - G0_NEWSTACK_FRAMES[0] - PTR_SIZE
    assert w.aspace.load(copystack_bp, "q") == newstack_bp
    assert not w.on_g0                                   # and back on the user goroutine


def test_system_stack_code_on_a_user_goroutine_dies_in_morestackc_as_go_does():
    source = HERE / "systemstack1.go"
    want_err = (HERE / "systemstack1.stderr").read_text()
    result = gostack.run_file(str(source), profile="go1.19")
    assert result.stdout == (HERE / "systemstack1.stdout").read_text()
    assert str(result.exit_code) == (HERE / "systemstack1.exit").read_text().strip() == "2"
    assert mask(result.stderr) == mask(drop_go_background_goroutines(want_err))


def test_system_stack_code_checks_stackguard1_not_stackguard0():
    from gostack.compiler import compile_source
    from gostack.api import RunOptions
    program = compile_source((HERE / "systemstack1.go").read_text(), "s.go", RunOptions())
    src = program.sources["main.sys"]
    assert "g.stackguard1" in src and "MORESTACKC" in src and "stackguard0" not in src
    # An ordinary function compares SP with stackguard0, both as q-view indexes
    # (g.si, g.sgi: runtime2.G keeps sgi with stackguard0).
    work = program.sources["main.work"]
    assert "<= g.sgi: return MORESTACK(" in work and "stackguard1" not in work


def test_a_gc_cycle_runs_on_g0_and_goes_deeper_than_newstack():
    src = 'package main\n\nimport "runtime"\n\nfunc main() {\n\truntime.GC()\n\tprintln("gc")\n}\n'
    result = gostack.run_source(src, "gc.go", profile="go1.19")
    assert (result.exit_code, result.stderr) == (0, "gc\n")
    g0 = next(s for s in result.stats["system_stacks"] if s["m"] == 0 and s["role"] == "g0")
    assert g0["peak_used"] == frames_bytes(G0_MSTART_FRAMES) + frames_bytes(G0_GC_FRAMES)
    assert frames_bytes(G0_GC_FRAMES) > frames_bytes(G0_NEWSTACK_FRAMES)
