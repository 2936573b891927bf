"""api: the Python entry points (gostack.run_file, gostack.run_source).

A run compiles the Go source, builds a fresh world (address space, heap,
stack allocator, one M with its g0, the main goroutine) and runs it to the
end.  Nothing is printed: the program's stdout and stderr are returned (or
streamed to the callbacks given), together with the exit code and the stack
statistics of DESIGN.md section 5.

Events.  `on_event` subscribes to every stack event of the run (one dict
per event, schema in EVENT_FIELDS and the README); give a list to
subscribe several callbacks.  Without a subscriber the runtime builds no
events, and the executor keeps no exact step count, so an unobserved run
costs nothing extra.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional, Sequence, Union

from .errors import EXIT_COMPILE, EXIT_HOST_LIMIT, EXIT_USAGE, CompileError, HostLimit


@dataclass
class RunOptions:
    profile: str = "go1.10"
    stack_model: str = "goroutine"
    thread_stack: int = 8 << 20
    max_stack: Optional[int] = None        # None: Go's default (1 GB)
    timeout: Optional[float] = None        # seconds of host time
    max_steps: Optional[int] = None        # dispatched blocks + loop iterations
    memory_limit: Optional[int] = None     # bytes of model memory (mapped)
    cpus: int = 1                          # the model machine's CPUs (runtime.NumCPU)
    gomaxprocs: Optional[int] = None       # Ps at start (None: cpus, as Go's default)
    debug: dict = field(default_factory=dict)   # stackforcemove=1, ... (see gostack.debug)
    on_stdout: Optional[Callable[[str], None]] = None
    on_stderr: Optional[Callable[[str], None]] = None
    on_event: Union[None, Callable[[dict], None], Sequence[Callable[[dict], None]]] = None


# Every event has "event" (its name), "g" (the goroutine id, or None where no
# goroutine applies) and "step" (the machine's exact step count: blocks
# dispatched plus loop iterations counted).  These are the other fields each
# event always carries; fields may be added, none of these removed.
EVENT_FIELDS = {
    # order: the stack pool order of a small stack (None for a large one); source:
    # cache (the P's stackcache), pool (stackpool), large (stackLarge), span (the heap)
    "stackalloc": ("size", "order", "large", "lo", "hi", "source", "stack_inuse"),
    "stackfree": ("size", "order", "large", "lo", "hi", "source", "stack_inuse"),
    "morestack": ("func", "frame_size", "sp", "guard", "lo", "hi", "decision"),
    "copystack": ("reason", "old_lo", "old_hi", "new_lo", "new_hi", "used", "delta",
                  "frames", "pointers_adjusted", "sudogs_adjusted", "stack_inuse"),
    "shrinkstack": ("old_size", "new_size", "used"),
    "preempt": ("kind",),                                # stackguard0 or async
    "gostart": ("stack_lo", "stack_hi"),
    "gopark": ("reason",),
    "goready": (),
    "goexit": (),
    "procresize": ("old", "new"),                        # runtime.GOMAXPROCS(new)
    "execute": ("p", "m", "resumed"),                    # a P (on its M) runs g
    "gc_start": ("numgc",),
    "gc_end": ("numgc", "freed", "heap_alloc"),
    "thread_create": ("tid", "stack_lo", "stack_hi", "guard"),
    "fault": ("addr", "kind", "write", "mapping", "pc", "stack_lo", "stack_hi"),
}
MORESTACK_DECISIONS = ("grow", "preempt", "preempt_dropped", "forcemove", "overflow")


@dataclass
class RunResult:
    stdout: str
    stderr: str
    exit_code: int
    stats: dict
    host_error: Optional[str] = None       # the one-line message of a host limit
    mappings: list = field(default_factory=list)   # (lo, hi, perm, name) at the end of the run


def fan_out(callbacks: Sequence[Callable[[dict], None]]) -> Callable[[dict], None]:
    """One subscriber that hands each event to every callback, in order."""
    callbacks = tuple(callbacks)

    def on_event(event: dict) -> None:
        for callback in callbacks:
            callback(event)
    return on_event


def collect_events(text: str, path: str = "main.go", **options) -> tuple["RunResult", list]:
    """Run Go source and return its result with the list of every event."""
    events: list = []
    extra = options.pop("on_event", None)
    subscribers = [events.append] + ([] if extra is None else
                                     list(extra) if isinstance(extra, (list, tuple)) else [extra])
    return run_source(text, path, on_event=subscribers, **options), events


def run_source(text: str, path: str = "main.go", **options) -> RunResult:
    opts = RunOptions(**options)
    if isinstance(opts.on_event, (list, tuple)):
        opts.on_event = fan_out(opts.on_event) if opts.on_event else None
    if opts.stack_model not in ("goroutine", "thread"):
        message = f"gostack: unknown --stack-model {opts.stack_model} (goroutine or thread)\n"
        if opts.on_stderr:
            opts.on_stderr(message)
        return RunResult("", message, EXIT_USAGE, {}, message.strip())
    from .compiler import compile_source   # imported late: the compiler pulls in tree-sitter
    try:
        program = compile_source(text, path, opts)
    except CompileError as err:
        message = f"{err}\n"
        if opts.on_stderr:
            opts.on_stderr(message)
        return RunResult("", message, EXIT_COMPILE, {})
    return run_program(program, opts)


def run_program(program, opts: RunOptions) -> RunResult:
    """Build a fresh world for a compiled program and run it to the end."""
    from .profiles import get_profile
    from .runtime.proc import World
    from .vm.run import bind, execute
    profile = get_profile(opts.profile)
    try:
        world = World(program, profile, opts)
    except MemoryError:
        return _host_failure(opts, "gostack: host limit: out of host memory")
    except HostLimit as limit:
        return _host_failure(opts, limit.message)
    code, host_error = execute(world, bind(program, world))
    stats = world.stats.report(code)
    mappings = [(m.lo, m.hi, m.perm, m.name) for m in world.aspace.mappings()]
    return RunResult("".join(world.stdout_parts), "".join(world.stderr_parts), code, stats,
                     host_error, mappings)


def _host_failure(opts, message):
    if opts.on_stderr:
        opts.on_stderr(message + "\n")
    return RunResult("", message + "\n", EXIT_HOST_LIMIT, {}, message)


def run_file(path: str, **options) -> RunResult:
    with open(path, encoding="utf-8", errors="surrogateescape") as handle:
        text = handle.read()
    return run_source(text, path, **options)


class Process:
    """A compiled program loaded into a fresh world, not yet running.

    For driving the machine directly: look at its address space and layout,
    start threads with `clone` (as glibc's clone(fn, child_stack, flags,
    arg) does), then `run` it.  `clone` needs the thread stack model, whose
    functions have no split check (a caller-provided stack cannot grow).
    """

    def __init__(self, program, world, opts: RunOptions):
        self.program = program
        self.world = world
        self.opts = opts

    @property
    def aspace(self):
        return self.world.aspace

    @property
    def kernel(self):
        return self.world.kernel

    def func(self, name: str) -> int:
        """The entry pc of a compiled function ("main.child")."""
        for f in self.program.funcs:
            if f.name == name:
                return f.entry
        raise KeyError(name)

    def clone(self, fn, child_stack: int, flags: int, arg: int = 0) -> int:
        """clone(fn, child_stack, flags, arg): fn (a name or entry pc) runs on child_stack."""
        if not self.world.thread_model:
            raise ValueError("clone needs stack_model='thread' (goroutine code grows its "
                             "stack by moving it, which a caller-provided stack cannot do)")
        return self.world.threads.clone(fn, child_stack, flags, arg)

    def maps_text(self) -> str:
        return self.world.aspace.maps_text()

    def run(self) -> RunResult:
        from .vm.run import bind, execute
        world = self.world
        code, host_error = execute(world, bind(self.program, world))
        return RunResult("".join(world.stdout_parts), "".join(world.stderr_parts), code,
                         world.stats.report(code), host_error)


def load_source(text: str, path: str = "main.go", **options) -> Process:
    """Compile text and build its world (CompileError if it does not compile)."""
    from .compiler import compile_source
    from .profiles import get_profile
    from .runtime.proc import World
    opts = RunOptions(**options)
    program = compile_source(text, path, opts)
    return Process(program, World(program, get_profile(opts.profile), opts), opts)


def build_file(path: str, escapes: bool = False, frames: bool = False,
               profile: str = "go1.19") -> list[str]:
    """`go build -gcflags='-m -S'`: compile only; the -m and -S lines (CompileError if
    FILE does not compile; OSError if it cannot be read)."""
    from .compiler.build import build_source   # imported late: the compiler pulls in tree-sitter
    with open(path, encoding="utf-8", errors="surrogateescape") as handle:
        text = handle.read()
    return build_source(text, path, escapes, frames, profile)
