"""background: the runtime's own goroutines, parked before main.main runs.

Go counterpart: forcegchelper (proc.go, started by the runtime package's
init), bgsweep and bgscavenge (mgcsweep.go, mgcscavenge.go, started by
gcenable in mgc.go through its closures func1 and func2), Go 1.19.

Every Go 1.19 program has these three goroutines before main.main: ids 2,
3 and 4, each on a 2 KB stack from the stack allocator, each parked in
gopark with its wait reason (`force gc (idle)`, `GC sweep wait`, `GC
scavenge wait`).  A program that imports os, directly or through fmt, log,
flag or runtime/debug, has a fourth, the finalizer goroutine runfinq (id 5,
`finalizer wait`): os's init sets finalizers on Stdin, Stdout and Stderr,
and the first SetFinalizer starts it (createfing, mfinal.go); its first
`go` statement then makes goroutine 6.  The model makes them as newproc does (World.newproc) and
writes into their stack memory the frames those goroutines have while they
sleep: goexit's return address at the top, then one frame per function,
each with its return address into the caller (a call site the linker put
in the function table, link.py) and its saved frame pointer, down to
gopark's frame, where the G's saved pc and SP point.  Nothing of them is
kept in the host: tracebacks and the GC's stack scan find these frames by
unwinding memory, as for any goroutine.

They are system goroutines (Go's isSystemGoroutine): NumGoroutine does
not count them, the deadlock check ignores them, runtime.Stack and
ordinary crash dumps leave them out; only a runtime throw (traceback level
"system", e.g. `fatal error: stack overflow`) shows them.  Their stacks
count in StackInuse and the GC scans them.

Deliberate differences: they never run.  In Go, bgsweep and bgscavenge
wake after each GC cycle and forcegchelper when sysmon forces a GC every
two minutes; each parks again in the same frames, which is all a program
can observe (runfinq would run only for finalizers of unreachable objects,
and os's files stay reachable).  The GC mark workers (`GC worker (idle)`,
one per P from the first cycle on) are not modelled.  Frame
sizes, code sizes, call-site offsets and lines are those of Go 1.19's
linux/amd64 binaries (`go tool objdump`, `go tool nm -size`); the go1.10
profile gets the same set, although Go 1.10 had no bgscavenge goroutine
(its gcenable started bgsweep directly); go1.2-go1.4 get none (see
profiles.py), and neither does the thread stack model, which has no Go
runtime.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..profiles import PTR_SIZE

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
)

SITES = (
    Site("runtime.gopark", 0xD6, 363, callee="runtime.mcall"),       # the parked G's pc
    Site("runtime.forcegchelper", 0xAD, 302, (GOPARKUNLOCK,), "runtime.gopark"),
    Site("runtime.bgsweep", 0x8E, 278, (GOPARKUNLOCK,), "runtime.gopark"),
    Site("runtime.gcenable.func1", 0x26, 178, callee="runtime.bgsweep"),
    Site("runtime.(*scavengerState).park", 0x53, 389, (GOPARKUNLOCK,), "runtime.gopark"),
    Site("runtime.bgscavenge", 0x45, 617, callee="runtime.(*scavengerState).park"),
    Site("runtime.gcenable.func2", 0x26, 179, callee="runtime.bgscavenge"),
    Site("runtime.runfinq", 0x10F, 180, (GOPARKUNLOCK,), "runtime.gopark"),
)

# Packages of gostack's library whose Go 1.19 originals import os (`go list -deps`).
OS_IMPORTERS = frozenset({"os", "fmt", "log", "flag", "runtime/debug"})


@dataclass(frozen=True)
class Background:
    """One background goroutine: its calls from the entry function inward, its park."""

    calls: tuple             # function names, outermost (the goroutine's entry) first
    waitreason: str
    creator: tuple           # (function, line, file, pc offset) of the go statement
    needs_os: bool = False   # made only when the program imports os (the finalizer goroutine)


BACKGROUND = (
    Background(("runtime.forcegchelper", "runtime.gopark"), "force gc (idle)",
               ("runtime.init.6", 290, "runtime/proc.go", 0x25)),
    Background(("runtime.gcenable.func1", "runtime.bgsweep", "runtime.gopark"), "GC sweep wait",
               ("runtime.gcenable", 178, "runtime/mgc.go", 0x6B)),
    Background(("runtime.gcenable.func2", "runtime.bgscavenge", "runtime.(*scavengerState).park",
                "runtime.gopark"), "GC scavenge wait",
               ("runtime.gcenable", 179, "runtime/mgc.go", 0xAA)),
    Background(("runtime.runfinq", "runtime.gopark"), "finalizer wait",
               ("runtime.createfing", 157, "runtime/mfinal.go", 0x45), needs_os=True),
)


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
    program = world.program
    entries = {f.name: f for f in program.funcs}
    site_at = {site.func: site for site in SITES}
    made = []
    with_os = bool(OS_IMPORTERS & set(getattr(program, "imports", ())))
    for spec in BACKGROUND:
        if spec.needs_os and not with_os:
            continue
        entry = entries[spec.calls[0]]
        g = world.newproc(entry.entry, b"", spec.creator, system=True)
        write_frames(world, g, [entries[name] for name in spec.calls], site_at)
        world.gopark(g, spec.waitreason)
        made.append(g)
    return made


def write_frames(world, g, funcs: list, site_at: dict):
    """Lay the calls down in g's stack below goexit's return address (newproc's work).

    Each frame: [sp, sp + frame) with the caller's saved BP in its top word;
    below it the return address of the next call.  Ends with g parked in the
    innermost function: g.sp its frame, g.pc its call site, g.bp its BP slot.
    """
    store = world.aspace.store
    sp, bp = g.sp, g.bp         # sp holds the return address into goexit
    for k, f in enumerate(funcs):
        sp -= f.frame_size
        if f.frame_size:
            store(sp + f.frame_size - PTR_SIZE, "q", bp)
            bp = sp + f.frame_size - PTR_SIZE
        pc = f.entry + site_at[f.name].offset
        if k + 1 < len(funcs):
            sp -= PTR_SIZE
            store(sp, "q", pc)
    g.sp, g.pc, g.bp = sp, pc, bp
    g.lowsp = sp
