"""thread: OS threads as Linux makes them: clone(), pthread stacks, guard pages.

Go counterpart: none for C threads (this is the kernel and glibc); for Go's
own threads, newosproc in os_linux.go, which calls the raw clone system call
with the new M's g0 stack as the thread's only stack.

Three levels, as on Linux x86-64:

  - `sys_clone(flags, child_stack, entry)`: the system call.  A new task
    (thread) shares the address space (CLONE_VM) and starts at `entry` with
    its SP register set to `child_stack`; the kernel knows nothing else
    about that stack (not its size, not its bottom).
  - `clone(fn, child_stack, flags, arg)`: glibc's wrapper, with its
    signature.  The parent stores fn at child_stack-16 and arg at
    child_stack-8 (so a bad child_stack faults in the parent, as it does in
    glibc); the child pops both and calls fn(arg), whose return address is
    the exit code.  Here fn is a compiled Go function `func(arg int) int`
    (or with no result): Go's stack-based ABI0 takes the argument and the
    result above the return address, so the child reserves the result
    word, pushes arg, then the return address.  The child's stack bounds
    are those of the mapping child_stack points into: the kernel never
    learns them.
  - `pthread_create`: maps a stack of the requested size (RLIMIT_STACK,
    8 MiB, by default) top-down in the mmap area with one PROT_NONE guard
    page below it, and passes its top to clone with glibc's flags.  A
    goroutine run as a thread (--stack-model thread) gets the same stack,
    with its call frame laid out on it as Go's newproc1 does (arguments at
    the top, the exit code's address below them), and sys_clone starting it
    at the function's entry: that is glibc's start_thread calling the start
    routine, without a one-word limit on the arguments.

A stack never grows: a frame that reaches the guard page faults (SIGSEGV),
and the process dies with "Segmentation fault", exit status 139 (128 + 11).

Reserved versus committed: a thread's whole stack (and its guard page) is
reserved address space; a page counts as committed once touched, which the
model tracks as the lowest SP the thread reached.

Deliberate differences: glibc puts the thread descriptor (struct pthread,
TLS) at the top of the stack mapping and counts the guard page inside the
requested size; the model's stack is exactly the requested size with the
guard page below it and no descriptor.  No stack clash (a frame larger than
the guard page is still caught, as with -fstack-clash-protection probes).
A dead thread's stack stays mapped (glibc caches stacks for reuse).
Tasks run one at a time on the model's one CPU, chosen by Go's scheduler
code (proc.py), not by a model of the kernel's scheduler.
"""

from __future__ import annotations

from ..profiles import OS_PAGE_SIZE, PTR_SIZE, RLIMIT_STACK_DEFAULT

SIGSEGV = 11
EINVAL = 22

# <linux/sched.h>
CLONE_VM = 0x00000100
CLONE_FS = 0x00000200
CLONE_FILES = 0x00000400
CLONE_SIGHAND = 0x00000800
CLONE_THREAD = 0x00010000
CLONE_SYSVSEM = 0x00040000
CLONE_SETTLS = 0x00080000
CLONE_PARENT_SETTID = 0x00100000
CLONE_CHILD_CLEARTID = 0x00200000

# glibc's create_thread (nptl/pthread_create.c)
PTHREAD_CLONE_FLAGS = (CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SYSVSEM | CLONE_SIGHAND
                       | CLONE_THREAD | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)
# Go's newosproc (runtime/os_linux.go cloneFlags)
GO_CLONE_FLAGS = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_SYSVSEM | CLONE_THREAD

MAIN_TID = 1              # the model's process is PID 1 (as in a container); its main thread's tid
GUARD_SIZE = OS_PAGE_SIZE  # glibc's default guardsize: one page
CLONE_STACK_ALIGN = 16     # glibc's __clone rounds child_stack down to 16 bytes (the x86-64 ABI)


class SyscallError(Exception):
    """A system call that fails with an errno (clone: EINVAL)."""

    def __init__(self, errno: int, message: str):
        super().__init__(f"{message} (errno {errno})")
        self.errno = errno


class Task:
    """One thread: its id, how it was made, its stack and where it starts."""

    __slots__ = ("tid", "flags", "child_stack", "lo", "hi", "guard", "sp", "pc", "arg", "mapping")

    def __init__(self, tid: int, flags: int, child_stack: int, mapping, guard: int):
        self.tid = tid
        self.flags = flags
        self.child_stack = child_stack
        self.mapping = mapping          # the mapping the stack pointer starts in
        self.lo = mapping.lo
        self.hi = mapping.hi
        self.guard = guard              # bytes of PROT_NONE just below lo (0: none)
        self.sp = child_stack
        self.pc = 0
        self.arg = 0

    @property
    def reserved(self) -> int:
        return self.hi - self.lo + self.guard

    def __repr__(self) -> str:
        return f"Task({self.tid}, stack [{self.lo:#x}, {self.hi:#x}), sp={self.sp:#x})"


class Kernel:
    """The threads of one process: the system call, glibc's wrapper, pthread stacks."""

    def __init__(self, aspace, layout, exit_pc: int):
        self.aspace = aspace
        self.layout = layout
        self.exit_pc = exit_pc          # where fn returns to: the thread's exit (runtime.goexit)
        self.tasks: dict[int, Task] = {}
        self.next_tid = MAIN_TID

    def exec_main_thread(self, stack_mapping) -> Task:
        """The thread execve starts: tid = pid, on the [stack] mapping."""
        return self._new_task(0, stack_mapping.hi, stack_mapping)

    # ------------------------------------------------------------ the system call

    def sys_clone(self, flags: int, child_stack: int, entry: int) -> Task:
        """clone(2): a new task starting at entry with SP = child_stack."""
        if flags & CLONE_THREAD and not flags & CLONE_SIGHAND:
            raise SyscallError(EINVAL, "clone: CLONE_THREAD requires CLONE_SIGHAND")
        if flags & CLONE_SIGHAND and not flags & CLONE_VM:
            raise SyscallError(EINVAL, "clone: CLONE_SIGHAND requires CLONE_VM")
        if not flags & CLONE_VM:
            raise SyscallError(EINVAL, "clone without CLONE_VM (a new process) is not modelled: "
                                       "the model has one address space")
        mapping = self.aspace.mapping_at(child_stack - PTR_SIZE)
        if mapping is None or mapping.is_guard or not mapping.writable:
            raise SyscallError(EINVAL, f"clone: child_stack {child_stack:#x} is not in writable memory")
        task = self._new_task(flags, child_stack, mapping)
        task.pc = entry
        return task

    def _new_task(self, flags: int, child_stack: int, mapping) -> Task:
        below = self.aspace.mapping_at(mapping.lo - 1)
        guard = below.size if below is not None and below.is_guard else 0
        task = Task(self.next_tid, flags, child_stack, mapping, guard)
        self.tasks[task.tid] = task
        self.next_tid += 1
        return task

    # ------------------------------------------------------------ glibc

    def clone(self, fn: int, child_stack: int, flags: int, arg: int) -> Task:
        """glibc's clone(fn, child_stack, flags, arg): the child runs fn(arg) on child_stack."""
        if not fn or not child_stack:
            raise SyscallError(EINVAL, "clone: fn and child_stack must not be NULL")
        child_stack &= ~(CLONE_STACK_ALIGN - 1)
        sp = child_stack - 2 * PTR_SIZE                 # parent: fn and arg onto the child's stack
        self.aspace.store(sp, "q", fn)
        self.aspace.store(sp + PTR_SIZE, "q", arg)
        task = self.sys_clone(flags, sp, entry=0)
        task.child_stack = child_stack
        # The child: pop fn and arg, then call fn(arg) under ABI0: room for the int
        # result (C returns it in RAX), the argument, then the return address.
        task.pc = self.aspace.load(task.sp, "q")
        task.arg = self.aspace.load(task.sp + PTR_SIZE, "q")
        task.sp += 2 * PTR_SIZE
        task.sp -= PTR_SIZE                             # the result slot (not written)
        task.sp -= PTR_SIZE
        self.aspace.store(task.sp, "q", task.arg)
        task.sp -= PTR_SIZE
        self.aspace.store(task.sp, "q", self.exit_pc)
        return task

    def allocate_stack(self, size: int = RLIMIT_STACK_DEFAULT) -> tuple[int, int]:
        """pthread's allocate_stack: [lo, hi) of size bytes, a guard page below, top-down."""
        tid = self.next_tid
        guard_lo = self.layout.mmap_range(size + GUARD_SIZE)
        self.aspace.map_guard(guard_lo, GUARD_SIZE, f"[guard thread {tid}]")
        lo = guard_lo + GUARD_SIZE
        self.aspace.map(lo, size, "rw-p", f"[stack thread {tid}]")
        return lo, lo + size

    def pthread_create(self, start: int, arg: int = 0, stacksize: int = RLIMIT_STACK_DEFAULT) -> Task:
        """A thread running start(arg) on a fresh stack of stacksize bytes."""
        lo, hi = self.allocate_stack(stacksize)
        return self.clone(start, hi, PTHREAD_CLONE_FLAGS, arg)


def committed_bytes(hi: int, lowest_sp: int) -> int:
    """Pages touched from the top of a stack down to the lowest SP reached."""
    used = max(0, hi - lowest_sp)
    return (used + OS_PAGE_SIZE - 1) // OS_PAGE_SIZE * OS_PAGE_SIZE


def segfault_line(tid: int, addr: int, lo: int, hi: int) -> str:
    return (f"Segmentation fault (thread {tid}: fault address {addr:#x}, "
            f"stack [{lo:#x}, {hi:#x}))\n")
