"""api: the Python entry points (gostack.run_file, gostack.run_source).

A run compiles the Go source, builds a fresh world (address space, heap,
stack allocator, one M with its g0, the main goroutine) and runs it to the
end.  Nothing is printed: the program's stdout and stderr are returned (or
streamed to the callbacks given), together with the exit code and the stack
statistics of DESIGN.md section 5.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Optional

from .errors import EXIT_COMPILE, EXIT_USAGE, CompileError


@dataclass
class RunOptions:
    profile: str = "go1.10"
    stack_model: str = "goroutine"
    thread_stack: int = 8 << 20
    max_stack: Optional[int] = None        # None: Go's default (1 GB)
    timeout: Optional[float] = None        # seconds of host time
    max_steps: Optional[int] = None        # dispatched blocks + loop iterations
    memory_limit: Optional[int] = None     # bytes of model memory (mapped)
    debug: dict = field(default_factory=dict)   # stackforcemove=1, ... (see gostack.debug)
    on_stdout: Optional[Callable[[str], None]] = None
    on_stderr: Optional[Callable[[str], None]] = None
    on_event: Optional[Callable[[dict], None]] = None


@dataclass
class RunResult:
    stdout: str
    stderr: str
    exit_code: int
    stats: dict
    host_error: Optional[str] = None       # the one-line message of a host limit


def run_source(text: str, path: str = "main.go", **options) -> RunResult:
    opts = RunOptions(**options)
    if opts.stack_model not in ("goroutine", "thread"):
        message = f"gostack: unknown --stack-model {opts.stack_model} (goroutine or thread)\n"
        if opts.on_stderr:
            opts.on_stderr(message)
        return RunResult("", message, EXIT_USAGE, {}, message.strip())
    from .vm.run import run_program   # imported late: the compiler pulls in tree-sitter
    from .compiler import compile_source
    try:
        program = compile_source(text, path, opts)
    except CompileError as err:
        message = f"{err}\n"
        if opts.on_stderr:
            opts.on_stderr(message)
        return RunResult("", message, EXIT_COMPILE, {})
    return run_program(program, opts)


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
        return self.world.clone(fn, child_stack, flags, arg)

    def maps_text(self) -> str:
        return self.world.aspace.maps_text()

    def run(self) -> RunResult:
        from .vm.run import bind, execute
        world = self.world
        code, host_error = execute(world, bind(self.program, world))
        return RunResult("".join(world.stdout_parts), "".join(world.stderr_parts), code,
                         world.stats(code), host_error)


def load_source(text: str, path: str = "main.go", **options) -> Process:
    """Compile text and build its world (CompileError if it does not compile)."""
    from .compiler import compile_source
    from .profiles import get_profile
    from .runtime.proc import World
    opts = RunOptions(**options)
    program = compile_source(text, path, opts)
    return Process(program, World(program, get_profile(opts.profile), opts), opts)
