"""runtime.Caller, Callers, CallersFrames and FuncForPC: a program reading its own stack.

Go counterpart: src/runtime/extern.go and symtab.go (Go 1.19).  The walk is
the traceback's (runtime/traceback.py): from the caller's return pc and SP
up through the return addresses in stack memory, so what a program sees is
its real call stack, moved stacks included.

Model notes.  The pcs are the model's text addresses (return addresses, as
in Go; a Frame's PC is one less, as CallersFrames makes it).  A *Func is the
function's entry address in the text segment, as Go's points into the
binary's function table.  runtime.Callers has no frame of its own in the
model (it is host code): with skip 0 its entry is the return pc just past
the end of the text, which Frames reports as Go reports runtime.Callers
(with a nil Func, as Go 1.19 gives it).  gostack does not inline, so a
function Go would inline has a Func of its own here.
"""

from __future__ import annotations

from .. import types as T
from ..profiles import GOROOT, PTR_SIZE
from ..runtime.traceback import frame_line, gentraceback
from .registry import const, gofunc, named_struct, std_method, typename

# runtime.MemStats: Go 1.19's leading fields (ReadMemStats fills some of them).
MEMSTATS = named_struct("runtime", "MemStats", [(n, T.UINT64) for n in (
    "Alloc", "TotalAlloc", "Sys", "Lookups", "Mallocs", "Frees", "HeapAlloc", "HeapSys",
    "HeapIdle", "HeapInuse", "HeapReleased", "HeapObjects", "StackInuse", "StackSys",
    "MSpanInuse", "MSpanSys", "MCacheInuse", "MCacheSys", "BuckHashSys", "GCSys",
    "OtherSys", "NextGC", "LastGC", "PauseTotalNs")] + [("NumGC", T.UINT32)])
typename("runtime", "MemStats", MEMSTATS)
typename("runtime", "Error", T.Named("Error", T.Interface({
    "Error": T.Signature([], [T.STRING]), "RuntimeError": T.Signature([], [])}), pkg="runtime"))
for _name, _value in (("GOARCH", "amd64"), ("GOOS", "linux"), ("Compiler", "gc")):
    const("runtime", _name, T.UNTYPED_STRING, _value)

FUNC = named_struct("runtime", "Func", [("opaque", T.Struct([]))])
FRAME = named_struct("runtime", "Frame", [
    ("PC", T.UINTPTR), ("Func", T.Pointer(FUNC)), ("Function", T.STRING), ("File", T.STRING),
    ("Line", T.INT), ("Entry", T.UINTPTR), ("funcInfo", T.Array(T.UINTPTR, 2))])
FRAMES = named_struct("runtime", "Frames", [("callers", T.Slice(T.UINTPTR))])
for _name, _type in (("Func", FUNC), ("Frame", FRAME), ("Frames", FRAMES)):
    typename("runtime", _name, _type)

# runtime.Callers itself, as Go 1.19 reports it for skip 0 (runtime/extern.go).
CALLERS_NAME, CALLERS_FILE, CALLERS_LINE = "runtime.Callers", "runtime/extern.go", 247


def caller_frames(world):
    """The frames above the standard-library call under way, innermost first."""
    g = world.curg
    load = world.aspace.load
    return list(gentraceback(world.program, lambda a: load(a, "q"), world.stdlib_call_pc, g.sp,
                             False))


def callers_return_pc(world) -> int:
    """Where runtime.Callers "returns to" for skip 0: just past the text."""
    return world.program.text_end + 1


def frame_file(world, func) -> str:
    if func.name.startswith("runtime."):
        return f"{GOROOT}/src/{func.file}"
    return world.program.source_path


@gofunc("runtime", "Caller", [T.INT], [T.UINTPTR, T.STRING, T.INT, T.BOOL])
def caller(world, skip):
    """pc, file and line of the call skip frames up (0: the caller of Caller)."""
    frames = caller_frames(world)
    if not 0 <= skip < len(frames):
        return 0, b"", 0, False
    frame = frames[skip]
    file = frame_file(world, frame.func).encode()
    return frame.pc, file, frame_line(world.program, frame), True


@gofunc("runtime", "Callers", [T.INT, T.Slice(T.UINTPTR)], [T.INT])
def callers(world, skip, pcs):
    """The return pcs of the calling goroutine's frames into pcs (0: Callers itself)."""
    found = [callers_return_pc(world)] + [frame.pc for frame in caller_frames(world)]
    chosen = found[max(skip, 0):][:pcs.len]
    for k, pc in enumerate(chosen):
        world.aspace.store(pcs.ptr + k * PTR_SIZE, "Q", pc)
    return len(chosen)


@gofunc("runtime", "CallersFrames", [T.Slice(T.UINTPTR)], [T.Pointer(FRAMES)])
def callers_frames(world, pcs):
    frames = world.malloc(FRAMES.size, "runtime.Frames", (0,))
    store = world.aspace.store
    store(frames, "q", pcs.ptr)
    store(frames + 8, "q", pcs.len)
    store(frames + 16, "q", pcs.cap)
    return frames


@std_method("runtime", FRAMES, "Next", [], [FRAME, T.BOOL])
def frames_next(world, frames):
    """The next Frame, and whether another one follows."""
    load, store = world.aspace.load, world.aspace.store
    ptr, length, cap = load(frames, "q"), load(frames + 8, "q"), load(frames + 16, "q")
    frame = world.malloc(FRAME.size, "runtime.Frame", (8, 16, 32))
    if length == 0:
        return frame, False
    pc = load(ptr, "Q")
    store(frames, "q", ptr + PTR_SIZE)
    store(frames + 8, "q", length - 1)
    store(frames + 16, "q", max(cap - 1, 0))
    fill_frame(world, frame, pc)
    return frame, length > 1


def fill_frame(world, addr: int, pc: int):
    """Frame{PC, Func, Function, File, Line, Entry} of return pc `pc`."""
    program, store = world.program, world.aspace.store
    func_ptr = None
    if pc == callers_return_pc(world):
        name, file, line, entry = CALLERS_NAME, f"{GOROOT}/src/{CALLERS_FILE}", CALLERS_LINE, pc - 1
        func_ptr = 0
    else:
        func = program.findfunc(pc - 1)
        if func is None or func.entry == pc:
            func = program.findfunc(pc)     # runtime.goexit: its "return pc" is its entry
        if func is None:
            return
        site = program.callsites.get(pc)
        name, file, entry = func.name, frame_file(world, func), func.entry
        line = site.line if site is not None else func.decl_line
    fields = {f.name: f.offset for f in FRAME.under.fields}
    store(addr + fields["PC"], "Q", pc - 1 if pc > entry else pc)
    store(addr + fields["Func"], "Q", entry if func_ptr is None else func_ptr)
    world.strings.set(addr + fields["Function"], world.strings.new(name.encode()))
    world.strings.set(addr + fields["File"], world.strings.new(file.encode()))
    store(addr + fields["Line"], "q", line)
    store(addr + fields["Entry"], "Q", entry)


@gofunc("runtime", "FuncForPC", [T.UINTPTR], [T.Pointer(FUNC)])
def func_for_pc(world, pc):
    func = world.program.findfunc(pc)
    return func.entry if func is not None else 0


@std_method("runtime", FUNC, "Name", [], [T.STRING])
def func_name(world, fn):
    if fn == 0:
        return b""
    func = world.program.findfunc(fn)
    return func.name.encode() if func is not None else b""


@std_method("runtime", FUNC, "Entry", [], [T.UINTPTR])
def func_entry(world, fn):
    return fn

