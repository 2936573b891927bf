"""background: the runtime's own goroutines (Go's system goroutines).

Go counterpart: forcegchelper (proc.go, started by the runtime package's
init), bgsweep and bgscavenge (mgcsweep.go, mgcscavenge.go, started by
gcenable in mgc.go through its closures func1 and func2), runfinq
(mfinal.go, createfing) and gcBgMarkWorker (mgc.go, gcBgMarkStartWorkers),
Go 1.19.

Every Go 1.19 program has three of them before main.main: ids 2, 3 and 4,
each on a 2 KB stack from the stack allocator, each parked in gopark with
its wait reason (`force gc (idle)`, `GC sweep wait`, `GC scavenge wait`).
A program that imports os, directly or through fmt, log, flag or
runtime/debug, has a fourth, the finalizer goroutine runfinq (id 5,
`finalizer wait`): os's init sets finalizers on Stdin, Stdout and Stderr,
and the first SetFinalizer starts it; the program's first `go` statement
then makes goroutine 6.  The model makes each as newproc does
(World.newproc) and writes into its stack memory the frames it has while
it sleeps: goexit's return address at the top, then one frame per
function, each with its return address into the caller (a call site the
linker put in the function table, link.py) and the caller's saved frame
pointer, down to gopark's frame, where the G's saved pc and SP point.
Nothing of them is kept in the host: tracebacks and the GC's stack scan
find these frames by unwinding memory, as for any goroutine.

The first GC cycle adds the GC's mark workers (gcStart tops them up to one
per P at every cycle): goroutines parked in gcBgMarkWorker as `GC worker
(idle)`, made at the start of the cycle, so they take the next ids.  After
every cycle bgsweep and bgscavenge have woken, done their work and parked
again at the park inside their loops: the model rewrites the return
address into those functions in their stack memory (bgsweep's
goparkunlock call at mgcsweep.go:297 instead of 278, bgscavenge's park
call at mgcscavenge.go:622 instead of 617), which is what a dump shows.

They are system goroutines (Go's isSystemGoroutine): NumGoroutine does
not count them, the deadlock check ignores them, runtime.Stack and
ordinary crash dumps leave them out; only a runtime throw (traceback level
"system", e.g. `fatal error: stack overflow`) shows them.  Their stacks
count in StackInuse and the GC scans them (and never shrinks a 2 KB stack).

Deliberate differences: none of them runs Go code.  The sweep, scavenge
and mark work they would do is the host's (mgc.py); forcegchelper never
wakes (sysmon forces a GC only after two minutes without one); runfinq
would run only for finalizers of unreachable objects, and os's files stay
reachable.  Frame sizes, code sizes, call-site offsets and lines are those
of Go 1.19's linux/amd64 binaries (`go tool objdump`, `go tool nm -size`).
The go1.10 profile gets the same set, although Go 1.10 had no bgscavenge
goroutine (its gcenable started bgsweep directly); go1.2-go1.4 get none
(Profile.background_goroutines), and neither does the thread stack model,
which has no Go runtime.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..profiles import PTR_SIZE
from .runtime2 import Gstatus
from .traceback import gentraceback

GOPARKUNLOCK = ("runtime.goparkunlock", "runtime/proc.go", 369)   # inlined into its callers


@dataclass(frozen=True)
class RuntimeFunc:
    """A runtime function as the function table knows it (Go 1.19, linux/amd64)."""

    name: str
    file: str
    decl_line: int
    frame_size: int          # bytes below the return address, saved BP included
    text_size: int           # bytes of machine code (the pcs that belong to it)
    param_words: tuple = ()  # words per parameter, for the traceback's argument list


@dataclass(frozen=True)
class Site:
    """A call that stays on a parked goroutine's stack: the return pc is entry + offset."""

    func: str
    offset: int
    line: int
    inlined: tuple = ()      # frames inlined at this call, innermost first: (name, file, line)
    callee: str = ""


RUNTIME_FUNCS = (
    RuntimeFunc("runtime.gopark", "runtime/proc.go", 346, 0x18, 302, (1, 1, 1, 1, 1)),
    RuntimeFunc("runtime.forcegchelper", "runtime/proc.go", 293, 0x28, 242),
    RuntimeFunc("runtime.bgsweep", "runtime/mgcsweep.go", 271, 0x30, 325, (1,)),
    RuntimeFunc("runtime.gcenable.func1", "runtime/mgc.go", 178, 0x10, 76),
    RuntimeFunc("runtime.(*scavengerState).park", "runtime/mgcscavenge.go", 383, 0x28, 133, (1,)),
    RuntimeFunc("runtime.bgscavenge", "runtime/mgcscavenge.go", 613, 0x20, 150, (1,)),
    RuntimeFunc("runtime.gcenable.func2", "runtime/mgc.go", 179, 0x10, 76),
    RuntimeFunc("runtime.runfinq", "runtime/mfinal.go", 162, 0x1B0, 1157),
    RuntimeFunc("runtime.gcBgMarkWorker", "runtime/mgc.go", 1201, 0x88, 1189),
)

SITES = (
    Site("runtime.gopark", 0xD6, 363, callee="runtime.mcall"),       # the parked G's pc
    Site("runtime.forcegchelper", 0xAD, 302, (GOPARKUNLOCK,), "runtime.gopark"),
    Site("runtime.bgsweep", 0x8E, 278, (GOPARKUNLOCK,), "runtime.gopark"),     # first park
    Site("runtime.bgsweep", 0xD7, 297, (GOPARKUNLOCK,), "runtime.gopark"),     # in its loop
    Site("runtime.gcenable.func1", 0x26, 178, callee="runtime.bgsweep"),
    Site("runtime.(*scavengerState).park", 0x53, 389, (GOPARKUNLOCK,), "runtime.gopark"),
    Site("runtime.bgscavenge", 0x45, 617, callee="runtime.(*scavengerState).park"),
    Site("runtime.bgscavenge", 0x65, 622, callee="runtime.(*scavengerState).park"),
    Site("runtime.gcenable.func2", 0x26, 179, callee="runtime.bgscavenge"),
    Site("runtime.runfinq", 0x10F, 180, (GOPARKUNLOCK,), "runtime.gopark"),
    Site("runtime.gcBgMarkWorker", 0xF1, 1235, callee="runtime.gopark"),
)

# After a GC cycle: the call sites where bgsweep and bgscavenge park inside their loops.
LOOP_PARK = {"runtime.bgsweep": 0xD7, "runtime.bgscavenge": 0x65}

# Packages of gostack's library whose Go 1.19 originals import os (`go list -deps`).
OS_IMPORTERS = frozenset({"os", "fmt", "log", "flag", "runtime/debug"})


@dataclass(frozen=True)
class Background:
    """One background goroutine: its calls from the entry function inward, its park."""

    calls: tuple             # (function, call-site offset), outermost (the entry) first
    waitreason: str
    creator: tuple           # (function, line, file, pc offset) of the go statement
    needs_os: bool = False   # made only when the program imports os (the finalizer goroutine)


GOPARK = ("runtime.gopark", 0xD6)

BACKGROUND = (
    Background((("runtime.forcegchelper", 0xAD), GOPARK), "force gc (idle)",
               ("runtime.init.6", 290, "runtime/proc.go", 0x25)),
    Background((("runtime.gcenable.func1", 0x26), ("runtime.bgsweep", 0x8E), GOPARK),
               "GC sweep wait", ("runtime.gcenable", 178, "runtime/mgc.go", 0x6B)),
    Background((("runtime.gcenable.func2", 0x26), ("runtime.bgscavenge", 0x45),
                ("runtime.(*scavengerState).park", 0x53), GOPARK),
               "GC scavenge wait", ("runtime.gcenable", 179, "runtime/mgc.go", 0xAA)),
    Background((("runtime.runfinq", 0x10F), GOPARK), "finalizer wait",
               ("runtime.createfing", 157, "runtime/mfinal.go", 0x45), needs_os=True),
)

GC_WORKER = Background((("runtime.gcBgMarkWorker", 0xF1), GOPARK), "GC worker (idle)",
                       ("runtime.gcBgMarkStartWorkers", 1159, "runtime/mgc.go", 0x25))


def link_codes() -> list:
    """The function-table entries the linker lays out for these functions (link.py).

    They are never executed, so they have no blocks: only their text range,
    frame size, position and the call sites a parked goroutine returns to.
    """
    sites: dict = {}
    for site in SITES:
        sites.setdefault(site.func, []).append(site)
    return [{"name": f.name, "frame_size": f.frame_size, "text_size": f.text_size,
             "file": f.file, "decl_line": f.decl_line, "param_words": list(f.param_words),
             "blocks": [], "callsites": [], "sites": sites.get(f.name, [])}
            for f in RUNTIME_FUNCS]


def wanted(world) -> bool:
    """Go's runtime is there (not the thread model) and the release had these goroutines."""
    return not world.thread_model and world.profile.background_goroutines


def start_background_goroutines(world) -> list:
    """runtime.init.6, gcenable and (os's init) createfing: make each goroutine and
    park it in its frames."""
    if not wanted(world):
        return []
    with_os = bool(OS_IMPORTERS & set(getattr(world.program, "imports", ())))
    return [make(world, spec) for spec in BACKGROUND if with_os or not spec.needs_os]


def make(world, spec: Background):
    """newproc for the runtime: a G with its frames written and parked."""
    entries = {f.name: f for f in world.program.funcs}
    calls = [(entries[name], offset) for name, offset in spec.calls]
    g = world.newproc(calls[0][0].entry, b"", spec.creator, system=True)
    write_frames(world, g, calls)
    g.casgstatus(Gstatus.RUNNABLE, Gstatus.RUNNING)    # it ran until it parked, in the frames written
    world.gopark(g, spec.waitreason)
    return g


def gc_bg_mark_start_workers(world):
    """At a GC cycle's start: a mark worker for every P that has none yet (gcStart)."""
    if not wanted(world):
        return
    while len(world.gc_workers) < len(world.allp):
        world.gc_workers.append(make(world, GC_WORKER))


def after_gc(world):
    """The cycle woke bgsweep and bgscavenge; they worked and parked in their loops.

    Their frames stay where they are; only the return address into bgsweep
    (from goparkunlock) and into bgscavenge (from park) changes: found by
    unwinding each parked goroutine's stack memory and rewritten there.
    """
    load = lambda addr: world.aspace.load(addr, "q")     # noqa: E731
    for g in world.background:
        for frame in gentraceback(world.program, load, g.pc, g.sp, False):
            offset = LOOP_PARK.get(frame.func.name)
            if offset is not None and frame.pc != frame.func.entry + offset:
                world.aspace.store(frame.sp - PTR_SIZE, "q", frame.func.entry + offset)


def write_frames(world, g, calls: list):
    """Lay the calls down in g's stack below goexit's return address (newproc's work).

    Each frame: [sp, sp + frame) with the caller's saved BP in its top word;
    below it the return address of the next call.  Ends with g parked in the
    innermost function: g.sp its frame, g.pc its call site, g.bp its BP slot.
    """
    store = world.aspace.store
    sp, bp = g.sp, g.bp         # sp holds the return address into goexit
    for k, (f, offset) in enumerate(calls):
        sp -= f.frame_size
        if f.frame_size:
            store(sp + f.frame_size - PTR_SIZE, "q", bp)
            bp = sp + f.frame_size - PTR_SIZE
        pc = f.entry + offset
        if k + 1 < len(calls):
            sp -= PTR_SIZE
            store(sp, "q", pc)
    g.sp, g.pc, g.bp = sp, pc, bp
    g.lowsp = sp
