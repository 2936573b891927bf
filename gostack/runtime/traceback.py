"""traceback: the unwinder (gentraceback) and the Go-format goroutine dump.

Go counterpart: src/runtime/traceback.go (gentraceback, Go 1.19; Go 1.21's
`unwinder` is the same walk as an iterator, which is what gentraceback is
here) and the printing in traceback.go/panic.go, Go 1.19 formats.

The walk needs only (pc, sp) and the function table: a frame of function f
whose frame is allocated spans [sp, sp + frame_size); the return address
sits at sp + frame_size and the caller's SP (Go's fp) is just above it.  The
innermost frame may be *at entry* (stopped in its prologue by morestack):
then its frame is not allocated yet and sp points at the return address.

    fp = sp + frame + 8      caller's SP; the args of this frame start here
    [fp - 8]                 return pc -> the caller's frame (found by findfunc)

Because the host keeps no per-call state, this walk is the only way to know
the call stack, and it is the only frame walker: copystack (stack.py's
adjustframe per frame), the GC (mgc.py's scanstack and scanframe), the
background goroutines' loop positions, runtime.Callers and every crash
report iterate over its frames.  As Go's gentraceback does when it has a
callback, the walks that must see every frame (copystack) ask for `strict`:
an unknown pc is a throw, not the end of the stack.

Segmented stacks (go1.2): a frame whose return pc is lessstack's is the
outermost of its segment; the walk continues in the previous segment at
the caller's pc and SP saved in the segment's Stktop (segmented.py), and,
as Go 1.2 did when the runtime is shown (throws), a crash report prints
`----- stack segment boundary -----` there.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..profiles import GOROOT, PTR_SIZE, TRACEBACK_MAX_FRAMES
from .errors import throw
from .segmented import lessstack_pc, segment_boundary


@dataclass(slots=True)
class Frame:
    func: object        # FuncInfo
    pc: int
    sp: int             # the frame's SP (entry SP when at_entry)
    fp: int             # caller's SP: sp + frame + 8
    at_entry: bool
    line: int = 0
    boundary: bool = False      # the first frame found in an older stack segment

    @property
    def argp(self) -> int:
        return self.fp


def unwind(program, load_word, pc: int, sp: int, at_entry: bool,
           stack_hi: int | None = None, stack_top: int = 0, strict: bool = False):
    """The unwinder: yield (func, pc, sp, fp, at_entry, boundary) for each frame of a
    stack, innermost first, up to runtime.goexit (included).

    load_word(addr) reads a stack word; a frame's return pc is read only
    when the walk moves past it, so a caller may rewrite the frame's words
    (adjustframe) between two steps.  stack_hi and stack_top (segmented
    stacks only): the current segment's hi and the size of the Stktop record
    at the top of every added segment.  strict: an unknown pc throws.
    Plain tuples, because copystack walks every frame of a stack at every move.
    """
    findfunc = program.findfunc
    lessstack = lessstack_pc(program) if stack_top else None
    boundary = False
    while True:
        if pc == lessstack:
            pc, sp, stack_hi = segment_boundary(load_word, stack_hi, stack_top)
            at_entry, boundary = False, True
            continue
        f = findfunc(pc)
        if f is None:
            if strict:
                throw(f"unknown pc {pc:#x} in stack walk")
            return
        fp = sp + PTR_SIZE if at_entry else sp + f.frame_size + PTR_SIZE
        yield f, pc, sp, fp, at_entry, boundary
        if f.name == "runtime.goexit":
            return
        pc, sp, at_entry, boundary = load_word(fp - PTR_SIZE), fp, False, False


def gentraceback(program, load_word, pc: int, sp: int, at_entry: bool, limit: int | None = None,
                 stack_hi: int | None = None, stack_top: int = 0, strict: bool = False):
    """The unwinder's frames as Frame records, at most limit of them (see unwind)."""
    count = 0
    for f, pc, sp, fp, at_entry, boundary in unwind(program, load_word, pc, sp, at_entry,
                                                    stack_hi, stack_top, strict):
        yield Frame(f, pc, sp, fp, at_entry, boundary=boundary)
        count += 1
        if limit is not None and count >= limit:
            return


def frame_line(program, frame: Frame, innermost_line: int | None = None) -> int:
    if frame.at_entry:
        return frame.func.decl_line
    if innermost_line is not None:          # the running frame: the line that failed
        return innermost_line
    site = program.callsites.get(frame.pc)
    if site is not None:
        return site.line
    return innermost_line if innermost_line is not None else frame.func.decl_line


def format_frame_args(frame: Frame, load_word) -> str:
    """Go 1.19 prints each argument word, with `?` for possibly stale values."""
    words = []
    offset = 0
    for n in getattr(frame.func, "param_words", []) or []:
        for k in range(n):
            try:
                words.append(f"{load_word(frame.argp + offset + k * PTR_SIZE) & (2**64 - 1):#x}?")
            except Exception:
                words.append("0x0?")
        offset += n * PTR_SIZE
    return ", ".join(words)


def print_goroutine(program, g, frames: list, load_word, innermost_line, status: str,
                    gopath: str, goroot: str, show_runtime: bool, with_regs: bool) -> str:
    """The `goroutine N [status]:` section, as traceback.go prints it."""
    out = [f"goroutine {g.goid} [{status}]:\n"]
    if status != "running" and isinstance(getattr(g, "param", None), tuple):
        for name, path, line in g.param:
            out.append(f"{name}(0x0?)\n\t{goroot}/src/{path}:{line} +0x25\n")
    shown = 0
    for index, frame in enumerate(frames):
        f = frame.func
        if frame.boundary and show_runtime and shown < TRACEBACK_MAX_FRAMES:
            out.append("----- stack segment boundary -----\n")
        is_runtime = f.name.startswith("runtime.")
        if f.name.startswith("runtime.gopanic") and index > 0:
            # A panic that ran deferred calls: Go shows gopanic as panic(value).
            line = frame_line(program, frame)
            out.append(f"panic({{0x0?, 0x0?}})\n\t{goroot}/src/{f.file}:{line} +0x0\n")
            shown += 1
            continue
        if is_runtime and not show_runtime:
            continue
        if shown >= TRACEBACK_MAX_FRAMES:
            out.append("...additional frames elided...\n")
            break
        line = frame_line(program, frame, innermost_line if index == 0 else None)
        path = f"{goroot}/src/{f.file}" if is_runtime else gopath
        site = program.callsites.get(frame.pc) if not frame.at_entry else None
        for name, file, inline_line in getattr(site, "inlined", ()):
            # a call the compiler inlined at this pc: Go prints it first, with no
            # arguments, offset or registers of its own
            out.append(f"{name}(...)\n\t{goroot}/src/{file}:{inline_line}\n")
        offset = frame.pc - f.entry
        suffix = f" +{offset:#x}" if offset else ""
        regs = f" fp={frame.fp:#x} sp={frame.sp:#x} pc={frame.pc:#x}" if with_regs else ""
        args = "" if is_runtime and f.name == "runtime.goexit" else format_frame_args(frame, load_word)
        out.append(f"{f.name}({args})\n\t{path}:{line}{suffix}{regs}\n")
        shown += 1
    if getattr(g, "creator", None):
        name, line, *where = g.creator
        if where:               # a runtime function made it: (file, pc offset)
            file, offset = where
            out.append(f"created by {name}\n\t{goroot}/src/{file}:{line} +{offset:#x}\n")
        else:
            out.append(f"created by {name}\n\t{gopath}:{line} +0x1d\n")
    return "".join(out)


# ---------------------------------------------------------------- a goroutine's traceback
#
# What Go's traceback.go prints for one goroutine (goroutineheader, then the
# frames) and tracebackothers: used by crash reports (vm/crash.py) and by
# runtime.Stack (stdlib/sync_pkg.py).


def word_loader(world):
    return lambda a: world.aspace.load(a, "q")


def segment_walk(world, g) -> dict:
    """What gentraceback needs to cross segment boundaries (segmented stacks only)."""
    if world.stacks.segments is None:
        return {}
    return {"stack_hi": g.stack.hi, "stack_top": world.profile.stack_top}


def user_traceback(world, g, pc: int, line, with_regs=False, show_runtime=False,
                   status="running") -> str:
    f = world.program.findfunc(pc)
    at_entry = status != "running" and f is not None and f.entry == pc
    frames = list(gentraceback(world.program, word_loader(world), pc, g.sp, at_entry,
                               limit=TRACEBACK_MAX_FRAMES + 3, **segment_walk(world, g)))
    return print_goroutine(world.program, g, frames, word_loader(world), line, status,
                           world.program.source_path, GOROOT, show_runtime, with_regs)


def tracebackothers(world, me, level: int = 1) -> str:
    """Every other goroutine, in allgs order (creation order, as Go keeps them).

    level 2 (a runtime throw: GOTRACEBACK=system) adds the runtime's own
    goroutines (runtime/background.py) and prints runtime frames with their
    fp, sp and pc; level 1 (fatal errors such as a deadlock, runtime.Stack)
    leaves both out.
    """
    out = []
    system = level >= 2
    for gp in world.live_goroutines(system=system):
        if gp is not me:
            out.append("\n" + user_traceback(world, gp, gp.pc, None, with_regs=system,
                                              show_runtime=system, status=_status(gp)))
    return "".join(out)


def _status(g) -> str:
    if g.waitreason:
        return g.waitreason
    return {1: "runnable", 2: "running"}.get(int(g.status), "waiting")
