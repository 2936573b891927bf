"""thread: traditional fixed-size thread stacks with a guard page.

Go counterpart: none; this is what glibc and Linux do for C programs.
pthread_create maps a stack of the requested size (8 MiB by default: the
RLIMIT_STACK soft limit at start) with one PROT_NONE guard page below it and
passes its top to clone() as the child's stack pointer.  The stack never
grows: a frame that reaches the guard page faults (SIGSEGV), and the process
dies with "Segmentation fault", exit status 139 (128 + 11).

In `--stack-model thread` every goroutine runs on such a stack, the main one
on the main thread's stack at the top of the address space.  Functions are
compiled without split checks, as C code is; the store that would touch the
guard page is what faults (codegen emits it when a frame would reach below
the stack: a model of the hardware access, not a software limit).

Reserved versus committed: the whole stack is reserved address space; a page
counts as committed once touched, which the model tracks as the lowest SP a
thread reached.

Deliberate differences: no stack clash (a frame larger than the guard page
is still caught, as with -fstack-clash-protection probes), and a thread's
stack is unmapped when it exits (glibc would cache it).
"""

from __future__ import annotations

from ..profiles import OS_PAGE_SIZE

THREAD_STACKS_TOP = 0x7FFFF7FFF000      # mmap area: thread stacks go downward from here
SIGSEGV = 11


class ThreadStacks:
    """pthread_create's stack handling: mmap a stack plus a guard page, downward."""

    def __init__(self, aspace, size: int):
        self.aspace = aspace
        self.size = size
        self.next_top = THREAD_STACKS_TOP
        self.reserved = 0

    def pthread_stack(self, tid: int):
        """Map [lo, hi) for a new thread with a guard page just below lo."""
        hi = self.next_top
        lo = hi - self.size
        guard = lo - OS_PAGE_SIZE
        self.aspace.map_guard(guard, OS_PAGE_SIZE, f"[guard thread {tid}]")
        mapping = self.aspace.map(lo, self.size, "rw-p", f"[stack thread {tid}]")
        self.next_top = guard
        self.reserved += self.size + OS_PAGE_SIZE
        return lo, hi, mapping


def committed_bytes(hi: int, lowest_sp: int) -> int:
    """Pages touched from the top of a stack down to the lowest SP reached."""
    used = max(0, hi - lowest_sp)
    return (used + OS_PAGE_SIZE - 1) // OS_PAGE_SIZE * OS_PAGE_SIZE


def segfault_line(tid: int, addr: int, lo: int, hi: int) -> str:
    return (f"Segmentation fault (thread {tid}: fault address {addr:#x}, "
            f"stack [{lo:#x}, {hi:#x}))\n")
