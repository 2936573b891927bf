"""rt0: process start (rt0_go, m0 and g0), new Ms (newm, malg), and systemstack.

Go counterpart: asm_amd64.s (rt0_go, systemstack, morestack, morestackc),
proc.go (schedinit, mcommoninit, malg, newm, allocm, newosproc), Go 1.19.

At start the process has (machine/layout.py): text and bss mapped from the
binary, the vDSO, the main thread's OS stack at the top of the address
space (RLIMIT_STACK, 8 MiB), m0 whose g0 runs on the top 64 KB of that OS
stack, m0's gsignal with a 32 KB stack from the heap, one P with its stack
cache, and the main goroutine (proc.py's newproc1).  Then, as runtime.main
does first, newm makes the sysmon M: its g0 (8 KB, 16 KB from Go 1.22) and
gsignal come from the heap, and the g0 stack is what clone gets as the new
thread's stack.  Runtime work that Go does on g0 (newstack, a GC cycle)
runs through `systemstack`, which pushes Go's frames for it onto g0's
memory, so the system stack's use is real memory.

In the thread stack model (`--stack-model thread`) there is no Go runtime
underneath, as for a C program: no g0 or gsignal (threadstacks.py).

Deliberate differences: these are functions of the world rather than
assembly; an M's g0 frames are sizes (profiles.G0_*_FRAMES) written as a
frame-pointer chain, not real runtime code.
"""

from __future__ import annotations

from ..machine.layout import STACK_TOP, ProcessLayout, binary_name, page_round
from ..machine.thread import GO_CLONE_FLAGS, Kernel
from ..profiles import (G0_MSTART_FRAMES, G0_NEWSTACK_FRAMES, G0_STACK_M0, GSIGNAL_STACK,
                        OS_PAGE_SIZE, PTR_SIZE, RLIMIT_STACK_DEFAULT)
from .errors import throw
from .runtime2 import G, M
from .stackalloc import Stack

MAIN_STACK_TOP = STACK_TOP             # top of the main thread's stack (ASLR off)
MORESTACKC_THROW = "attempt to execute system stack code on user stack"
# What Go 1.19 prints above the failing function (runtime/panic.go, runtime/stack.go).
MORESTACKC_FRAMES = (("runtime.throw", "{0x0?, 0x0?}", "runtime/panic.go", 1047, 0x5D, 0x30),
                     ("runtime.morestackc", "", "runtime/stack.go", 1437, 0x1F, 0x20))


class SystemStackOnUserStack(Exception):
    """morestackc's throw: reported with the runtime frames Go shows (vm/run.py)."""

    frames = MORESTACKC_FRAMES

    def __init__(self, msg: str):
        super().__init__(msg)
        self.msg = msg


def execve(world):
    """What the kernel sets up before rt0_go runs: the binary and the main thread's stack."""
    map_binary(world)
    map_main_thread_stack(world)


def map_binary(world):
    """execve: the text and bss segments (machine/layout.py), and the vDSO."""
    rlimit = world.opts.thread_stack if world.thread_model else RLIMIT_STACK_DEFAULT
    world.layout = ProcessLayout(world.aspace, rlimit)
    prog = world.program
    world.data = world.layout.exec_binary(binary_name(prog.source_path), prog.text_end,
                                          prog.data_base, prog.data_size)
    world.layout.exec_vdso()
    rodata = getattr(prog, "rodata", b"")
    if rodata:
        ro = world.aspace.map(prog.rodata_base, page_round(len(rodata)), "rw-p",
                              binary_name(prog.source_path))
        ro.B[:len(rodata)] = rodata
        ro.perm, ro.writable = "r--p", False


def map_main_thread_stack(world):
    """The main thread's stack: RLIMIT_STACK (in the thread model, --thread-stack)."""
    world.main_stack = world.layout.exec_stack()
    world.kernel = Kernel(world.aspace, world.layout, world.program.goexit_pc)
    world.main_task = world.kernel.exec_main_thread(world.main_stack)


def mcommoninit(world) -> M:
    """m0: g0 carved from the top of the main thread's OS stack, gsignal from the heap.

    In the thread model there is no Go runtime below the program, as in a
    C program: main runs on the main thread's stack itself, with no g0.
    """
    m0 = M(0)
    m0.tid = world.main_task.tid
    m0.p, world.p.m = world.p, m0
    world.m = m0                        # the M the host is running now
    world.allm = [m0]
    if world.thread_model:
        return m0
    g0 = G(0)
    hi = MAIN_STACK_TOP - OS_PAGE_SIZE          # below argv, envp and auxv
    lo = hi - G0_STACK_M0
    g0.set_stack(Stack(lo, hi), world.main_stack, world.profile.stack_guard)
    system_g(world, g0, G0_MSTART_FRAMES)
    m0.g0 = g0
    m0.gsignal = malg(world, GSIGNAL_STACK)
    return m0


def malg(world, size: int, sched_frames=()) -> G:
    """A system G (g0 or gsignal) with a size-byte stack from the Go heap."""
    g = G(0)
    world.stacks.install(g, size)
    system_g(world, g, sched_frames)
    return g


def system_g(world, g: G, sched_frames):
    """g0 and gsignal: stackguard1 = lo + StackGuard, so system-stack code may run there.

    A g0's saved SP (where systemstack switches to) is below the frames of
    mstart that stay on it for the thread's life."""
    g.stackguard1 = g.stack.lo + world.profile.stack_guard
    g.sp = g.stack.hi - sum(size + PTR_SIZE for size in sched_frames)
    g.lowsp = g.sp


def newm(world, fn: str) -> M:
    """allocm + newosproc: an M whose g0 stack, from the Go heap, is the thread's only stack.

    runtime.main starts sysmon this way in every Go program; the model's
    sysmon is host code (World.sysmon) that runs on this M's behalf.
    """
    mp = M(len(world.allm))
    mp.g0 = malg(world, world.profile.g0_stack, G0_MSTART_FRAMES)
    mp.gsignal = malg(world, GSIGNAL_STACK)
    task = world.kernel.sys_clone(GO_CLONE_FLAGS, mp.g0.stack.hi, entry=0)
    world.note_inuse()
    mp.tid = task.tid
    mp.startfn = fn
    world.allm.append(mp)
    return mp


def systemstack(world, frames, fn, *args):
    """Run fn(*args) on the M's g0, with Go's frames for that work pushed on g0's stack.

    The frames (sizes in bytes below each return address) are written as
    a frame-pointer chain into g0's memory, so the system stack's use is
    real memory: its lowest SP is g0's peak, its pages are touched.
    """
    g0 = world.m.g0
    if g0 is None or world.on_g0:
        return fn(*args)                # already on the system stack: just call fn
    saved = g0.sp
    sp, bp = saved, 0
    for size in frames:
        sp -= PTR_SIZE + size           # return address, then the frame
        if sp < g0.stackguard0:
            throw("morestack on g0")
        world.aspace.store(sp + size - PTR_SIZE, "q", bp)
        bp = sp + size - PTR_SIZE
    g0.lowsp = min(g0.lowsp, sp)
    g0.sp = sp
    world.on_g0 = True
    try:
        return fn(*args)
    finally:
        g0.sp = saved
        world.on_g0 = False


def morestack(world, g: G, entry_pc: int):
    """runtime.morestack: switch to g0 and run newstack there."""
    return systemstack(world, G0_NEWSTACK_FRAMES, world.stacks.morestack, g, entry_pc)


def morestackc(world, g: G, entry_pc: int):
    """A //go:systemstack function's prologue failed its stackguard1 check: on a user
    goroutine (stackguard1 = ~0) that always happens, and Go throws."""
    g.pc = entry_pc
    raise SystemStackOnUserStack(MORESTACKC_THROW)
