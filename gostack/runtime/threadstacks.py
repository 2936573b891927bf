"""threadstacks: the thread stack model: every goroutine a thread on a fixed stack.

Go counterpart: none in the Go runtime; this is what a program gets from
pthread_create and clone (glibc's allocate_stack, the kernel's guard gap)
when there is no Go runtime below it, as for a C program.  Selected by
`--stack-model thread`.

main runs on the main thread's stack ([stack], RLIMIT_STACK or
--thread-stack); every `go f(args)` is pthread_create: a fixed stack with a
guard page from machine/thread.py, f's call frame laid out on it as
newproc1 lays out a goroutine's, and clone starting the thread at f.  A
thread's stack never grows or moves: a frame that reaches below lo touches
the guard page and faults (SIGSEGV), as a C thread does.  The model's one
CPU runs the threads as the scheduler runs goroutines (proc.py).

Deliberate differences: a frame that would straddle the stack's mapping and
a mapping below it (a stack clash, which Linux lets happen) stops at the
boundary with a fault instead.
"""

from __future__ import annotations

from ..machine.memory import Fault
from ..machine.thread import PTHREAD_CLONE_FLAGS
from ..profiles import OS_PAGE_SIZE, PTR_SIZE
from .runtime2 import G
from .stackalloc import Stack

NEWPROC_RESERVED = 4 * PTR_SIZE        # newproc1 leaves 4 words below stack.hi


class ThreadStacks:
    """Threads with fixed stacks for one world (its kernel, its scheduler)."""

    def __init__(self, world):
        self.world = world

    def start_thread(self, entry_pc: int, args: bytes, creator) -> G:
        """`go f(args)` as pthread_create: a fixed stack with a guard page, the call
        frame of f laid out on it (as newproc1 does), and clone starting the thread at f."""
        world = self.world
        lo, hi = world.kernel.allocate_stack(world.opts.thread_stack)
        sp = hi - NEWPROC_RESERVED - len(args)
        if args:
            world.aspace.write(sp, args)
        sp -= PTR_SIZE
        world.aspace.store(sp, "q", world.program.goexit_pc)     # f returns into the thread's exit
        task = world.kernel.sys_clone(PTHREAD_CLONE_FLAGS, sp, entry=entry_pc)
        world.emit("thread_create", g=world.stack_owner, tid=task.tid, stack_lo=lo, stack_hi=hi,
                   guard=OS_PAGE_SIZE)
        return self.thread_g(task, creator)

    def clone(self, fn, child_stack: int, flags: int, arg: int = 0) -> int:
        """glibc's clone(fn, child_stack, flags, arg) with fn a compiled Go function
        (name or entry pc) taking one word; returns the new thread's tid."""
        world = self.world
        if isinstance(fn, str):
            fn = next((f.entry for f in world.program.funcs if f.name == fn), 0)
        task = world.kernel.clone(fn, child_stack, flags, arg)
        g = self.thread_g(task, ("clone", 0))
        world.gostart(g)
        return g.tid

    def thread_g(self, task, creator) -> G:
        """The G that runs a task: the model's one CPU runs threads as Go runs goroutines."""
        g = G(0)
        g.set_stack(Stack(task.lo, task.hi), task.mapping, self.world.profile.stack_guard)
        g.tid = task.tid
        g.sp = task.sp
        g.stktopsp = task.sp + PTR_SIZE
        g.pc = task.pc
        return self.world.ready_new_g(g, creator)

    def lowwater(self, g: G, addr: int):
        """A frame reached a new low on a fixed stack: below lo it touches the guard."""
        if addr < g.stack.lo:
            self.world.aspace.store(addr, "q", 0)     # faults: guard page or unmapped gap
            # Memory below the stack's mapping that is accessible: Linux would let the
            # frame overwrite it (a stack clash); the model cannot run a frame that
            # straddles two mappings, so it stops at the boundary instead.
            raise Fault(addr, True, "guard", "below the stack mapping (stack clash)")
        g.lowsp = addr
