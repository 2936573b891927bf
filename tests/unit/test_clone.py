"""clone(fn, child_stack, flags, arg) and pthread_create in the model (machine/thread.py).

fn is a compiled Go function run in the thread stack model (no split checks,
as C code): the child must run on exactly the memory the caller gave it,
and a child whose stack is too small must die in its guard page with the
thread model's Segmentation fault (exit 139).
"""

import pytest

from gostack.api import load_source
from gostack.machine.memory import Fault
from gostack.machine.thread import (CLONE_FS, CLONE_SIGHAND, CLONE_THREAD, CLONE_VM, EINVAL,
                                    GUARD_SIZE, PTHREAD_CLONE_FLAGS, SyscallError)
from gostack.profiles import OS_PAGE_SIZE, PTR_SIZE

SOURCE = """package main

import "time"

func child(n int) int {
	var x [4]int
	x[n%4] = n
	println("child", n, &x[0])
	return x[n%4] + 1
}

func deep(n int) int {
	var pad [16]int
	pad[n%16] = n
	if n == 0 {
		return 0
	}
	return deep(n-1) + pad[n%16] - n + 1
}

func recurse(n int) int {
	println("recurse", n)
	return deep(n)
}

func main() {
	time.Sleep(1000)
}
"""

STACK = 64 << 10


def loaded():
    return load_source(SOURCE, "clone.go", stack_model="thread")


def caller_stack(proc, size=STACK, guard=False):
    """What a C caller does: mmap its own memory for the child's stack (and a guard page)."""
    lo = proc.kernel.layout.mmap_range(size + (GUARD_SIZE if guard else 0))
    if guard:
        proc.aspace.map_guard(lo, GUARD_SIZE, "my guard")
        lo += GUARD_SIZE
    proc.aspace.map(lo, size, "rw-p", "my stack")
    return lo, lo + size


def test_the_child_runs_on_exactly_the_stack_its_caller_gave():
    proc = loaded()
    lo, hi = caller_stack(proc)
    tid = proc.clone("main.child", hi, PTHREAD_CLONE_FLAGS, 41)
    result = proc.run()
    assert result.exit_code == 0
    words = result.stderr.split()
    assert words[:2] == ["child", "41"]
    local = int(words[2], 16)                      # the address of the child's local array
    assert lo <= local < hi
    # fn's int result is in the caller's memory, in the slot the child reserved below child_stack
    assert proc.aspace.load(hi - PTR_SIZE, "q") == 42
    thread = next(g for g in result.stats["goroutines"] if g["tid"] == tid)
    assert thread["reserved"] == STACK             # the kernel knows only the mapping
    assert 0 < thread["peak_stack"] < OS_PAGE_SIZE and thread["committed"] == OS_PAGE_SIZE


def test_clone_stores_fn_and_arg_as_glibc_and_the_child_calls_fn_with_arg():
    proc = loaded()
    lo, hi = caller_stack(proc)
    tid = proc.clone(proc.func("main.child"), hi - 8, PTHREAD_CLONE_FLAGS, 7)   # aligned down to 16
    task = proc.kernel.tasks[tid]
    assert task.child_stack == hi - 16
    assert task.pc == proc.func("main.child") and task.arg == 7
    # child_stack-8: the result slot; -16: arg (where glibc put it); -24: the return address
    assert task.sp == hi - 16 - 3 * PTR_SIZE
    assert proc.aspace.load(task.sp + PTR_SIZE, "q") == 7
    assert proc.aspace.load(task.sp, "q") == proc.program.goexit_pc
    assert (task.lo, task.hi) == (lo, hi)


def test_a_child_given_too_small_a_stack_faults_in_its_guard_page():
    proc = loaded()
    lo, hi = caller_stack(proc, size=2 * OS_PAGE_SIZE, guard=True)
    tid = proc.clone("main.recurse", hi, PTHREAD_CLONE_FLAGS, 1000)
    result = proc.run()
    assert result.exit_code == 139
    out = result.stderr.splitlines()
    assert out[0] == "recurse 1000"
    assert out[1].startswith(f"Segmentation fault (thread {tid}: fault address 0x")
    assert out[1].endswith(f"stack [{lo:#x}, {hi:#x}))")
    fault = int(out[1].split("fault address ")[1].split(",")[0], 16)
    assert lo - GUARD_SIZE <= fault < lo           # in the guard page, just below the stack
    thread = next(g for g in result.stats["goroutines"] if g["tid"] == tid)
    assert thread["committed"] == thread["reserved"] == 2 * OS_PAGE_SIZE     # every page touched
    assert proc.kernel.tasks[tid].reserved == 2 * OS_PAGE_SIZE + GUARD_SIZE   # and the guard page


def test_the_same_child_with_a_big_enough_stack_finishes():
    proc = loaded()
    lo, hi = caller_stack(proc, size=1 << 20, guard=True)
    proc.clone("main.recurse", hi, PTHREAD_CLONE_FLAGS, 1000)
    result = proc.run()
    assert (result.exit_code, result.stderr) == (0, "recurse 1000\n")
    assert proc.aspace.load(hi - PTR_SIZE, "q") == 1000   # deep(n) returns n


def test_pthread_create_maps_the_stack_with_a_guard_page_below_it():
    proc = loaded()
    before = proc.kernel.layout.mmap_top
    task = proc.kernel.pthread_create(proc.func("main.child"), 3, stacksize=STACK)
    assert (task.hi, task.lo) == (before, before - STACK)
    guard = proc.aspace.mapping_at(task.lo - 1)
    assert guard.is_guard and guard.lo == task.lo - GUARD_SIZE
    assert task.reserved == STACK + GUARD_SIZE
    assert task.flags == PTHREAD_CLONE_FLAGS


@pytest.mark.parametrize("flags, child_stack_ok", [
    (CLONE_THREAD | CLONE_VM, True),                 # CLONE_THREAD without CLONE_SIGHAND
    (CLONE_SIGHAND | CLONE_THREAD, True),            # CLONE_SIGHAND without CLONE_VM
    (CLONE_FS, True),                                # a new process: not modelled
    (PTHREAD_CLONE_FLAGS, False),                    # a NULL child_stack
])
def test_bad_clone_calls_fail_with_einval(flags, child_stack_ok):
    proc = loaded()
    lo, hi = caller_stack(proc)
    with pytest.raises(SyscallError) as err:
        proc.clone("main.child", hi if child_stack_ok else 0, flags, 1)
    assert err.value.errno == EINVAL


def test_an_unmapped_child_stack_faults_in_the_parent_as_glibc_does():
    proc = loaded()
    lo, hi = caller_stack(proc)
    proc.aspace.unmap(lo)
    with pytest.raises(Fault):
        proc.clone("main.child", hi, PTHREAD_CLONE_FLAGS, 1)


def test_clone_needs_the_thread_model():
    proc = load_source(SOURCE, "clone.go")
    with pytest.raises(ValueError):
        proc.clone("main.child", 0x1000, PTHREAD_CLONE_FLAGS, 1)
