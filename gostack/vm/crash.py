"""crash: what the process prints when a Go program dies.

Go counterpart: printpanics and fatalpanic (runtime/panic.go), the signal
handler's report of a fault (signal_unix.go's sighandler and sigpanic),
newstack's "stack overflow" throw (stack.go) with its g0 frames, and
fatal() (a deadlock dumps every goroutine).  The goroutine tracebacks are
runtime/traceback.py's; this module chooses what to print for each way a
run can end and writes it to stderr.

Deliberate difference: the runtime frames Go shows on g0 for an overflow
or a morestackc throw are constants of Go 1.19's binary (OVERFLOW_G0_FRAMES here,
the frames SystemStackOnUserStack carries): the model runs no runtime code there.
"""

from __future__ import annotations

import traceback as pytraceback

from ..errors import EXIT_SIGSEGV, ProgramExit
from ..machine.memory import Fault
from ..machine.thread import segfault_line
from ..profiles import GOROOT, MIN_LEGAL_POINTER, TRACEBACK_MAX_FRAMES
from ..runtime import panic as P
from ..runtime.stack import StackOverflow
from ..runtime.traceback import (gentraceback, print_goroutine, segment_walk, tracebackothers,
                                 user_traceback, word_loader)


def innermost_go_line(world, tb) -> int | None:
    """The Go line the failing block was running, from the host traceback."""
    line = None
    for frame, lineno in pytraceback.walk_tb(tb):
        table = world.program.block_lines.get(frame.f_code.co_filename)
        if table is not None:
            line = table.get(lineno, line)
    return line


def report_fatal(world, g, fatal: P.GoFatal):
    """fatal(): the user's fault, not recoverable; a deadlock dumps every goroutine."""
    out = [f"fatal error: {fatal.msg}\n"]
    if not fatal.traceback:
        pass
    elif fatal.all_goroutines:
        out.append(tracebackothers(world, None))
    else:
        out.append("\n" + user_traceback(world, g, g.pc, None))
    world.write_stderr("".join(out))


def is_nil_deref(world, g, fault) -> bool:
    """A fault below the first page is Go's nil dereference panic (not a thread's guard)."""
    return fault.addr < MIN_LEGAL_POINTER and not world.thread_model


def report_panic(world, g, fatal):
    p = fatal.panic
    world.write_stderr(fatal.header() + "\n" + user_traceback(world, g, p.pc or g.pc, p.line))


def report_fault(world, g, pc: int, fault: Fault, tb):
    line = innermost_go_line(world, tb)
    world.emit("fault", g=g.goid, addr=fault.addr, kind=fault.kind, write=fault.write,
               mapping=fault.name, pc=pc, stack_lo=g.stack.lo, stack_hi=g.stack.hi)
    if world.thread_model and fault.addr < g.stack.lo and g.stack.lo - fault.addr < (1 << 30):
        # A fixed stack ran into its guard page: the process dies as a C program does.
        g.stats.note_thread(g, True)
        frames = gentraceback(world.program, word_loader(world), g.pc if pc is None else pc, g.sp, True)
        g.stats.max_depth = sum(1 for fr in frames if fr.func.name != "runtime.goexit")
        world.write_stderr(segfault_line(g.tid, fault.addr, g.stack.lo, g.stack.hi))
        raise ProgramExit(EXIT_SIGSEGV)
    code = 2 if fault.kind == "protection" else 1
    if fault.addr < MIN_LEGAL_POINTER:
        err = P.nil_deref(fault.addr, pc, code)
        world.write_stderr(err.header() + "\n" + user_traceback(world, g, pc, line))
        return
    world.write_stderr(f"unexpected fault address {fault.addr:#x}\nfatal error: fault\n"
                       f"[signal SIGSEGV: segmentation violation code={code:#x} addr={fault.addr:#x} "
                       f"pc={pc:#x}]\n\n" + user_traceback(world, g, pc, line, with_regs=True)
                       + tracebackothers(world, g, level=2))      # throw("fault"): all, system


# Go 1.19's runtime frames on g0 when newstack throws (panic.go, stack.go, asm_amd64.s).
OVERFLOW_G0_FRAMES = (("runtime.throw", "{0x0?, 0x0?}", "runtime/panic.go", 1047, 0x5D, 0x30),
                      ("runtime.newstack", "", "runtime/stack.go", 1103, 0x5CC, 0x1B8),
                      ("runtime.morestack", "", "runtime/asm_amd64.s", 570, 0x8B, 0x8))


def report_overflow(world, g, ov: StackOverflow):
    out = [f"runtime: goroutine stack exceeds {ov.limit}-byte limit\n"]
    if world.profile.overflow_sp_line:
        out.append(f"runtime: sp={ov.sp:#x} stack=[{ov.lo:#x}, {ov.hi:#x}]\n")
    out.append("fatal error: stack overflow\n\nruntime stack:\n")
    sp = world.m0.g0.stack.hi - 0x1F0
    for name, args, path, line, off, size in OVERFLOW_G0_FRAMES:
        fp = sp + size
        pc = world.program.text_base + 0x100 + off
        out.append(f"{name}({args})\n\t{GOROOT}/src/{path}:{line} +{off:#x} fp={fp:#x} sp={sp:#x} pc={pc:#x}\n")
        sp = fp
    out.append("\n")
    frames = list(gentraceback(world.program, word_loader(world), g.pc, g.sp, True,
                               limit=TRACEBACK_MAX_FRAMES + 3, **segment_walk(world, g)))
    out.append(print_goroutine(world.program, g, frames, word_loader(world), None, "running",
                               world.program.source_path, GOROOT, True, True))
    out.append(tracebackothers(world, g, level=2))         # throw: GOTRACEBACK=system
    world.write_stderr("".join(out))


def report_morestackc(world, g, throw):
    """morestackc threw on g's own stack: its frames and throw's sit below the failing
    function's entry SP; the traceback shows them, with fp/sp/pc, as Go 1.19 does."""
    out = [f"fatal error: {throw.msg}\n\ngoroutine {g.goid} [running]:\n"]
    lines = []
    fp = g.sp
    for name, args, path, line, off, size in reversed(throw.frames):
        sp = fp - size
        pc = world.program.text_base + 0x100 + off
        lines.append(f"{name}({args})\n\t{GOROOT}/src/{path}:{line} +{off:#x} fp={fp:#x} "
                     f"sp={sp:#x} pc={pc:#x}\n")
        fp = sp
    out.extend(reversed(lines))
    frames = list(gentraceback(world.program, word_loader(world), g.pc, g.sp, True,
                               limit=TRACEBACK_MAX_FRAMES + 3))
    text = print_goroutine(world.program, g, frames, word_loader(world), None, "running",
                           world.program.source_path, GOROOT, True, True)
    out.append(text.split("\n", 1)[1])          # its header line was printed above
    out.append(tracebackothers(world, g, level=2))
    world.write_stderr("".join(out))
