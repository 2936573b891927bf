"""cli: the `gostack` command; the only module that prints or picks exit codes.

    gostack run [options] FILE.go     run a program as `go run` would (DESIGN.md section 5)
    gostack demo [--html FILE]        the two stack designs, told by built-in programs
    gostack compare FILE.go [--profiles A,B] [--stack-model goroutine,thread]
                                      one table row per profile and stack model
    gostack sweep FILES_OR_DIRS --out results.csv [--set KEY=V1,V2 ...]
                                      programs x profiles x settings x stack models
                                      (gostack.sweep), one CSV/Parquet row each

`--set KEY=VALUE` (run, compare; sweep takes KEY=V1,V2,...) derives a
profile with its stack policy changed (gostack.profiles.SETTINGS).

`run` streams the program's stdout and stderr as it runs and exits with the
program's exit code.  Everything else it prints (the --stats summary, the
--maps text, its own errors) goes to stderr after the run, so a program's
stdout stays exactly what `go run` prints.  --trace, --html and the --stats
progress line (on a terminal) subscribe to the run's events; a run without
them builds no events at all.

Exit codes, besides the program's own: 1 when FILE cannot be opened (or an
output file cannot be created), 2 for usage errors (argparse's), 3 when
gostack itself fails (an internal error, reported in one line with a hint
to rerun with GOSTACK_TRACEBACK=1, which lets the traceback through) and 130
when interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from contextlib import ExitStack

from rich import box
from rich.console import Console
from rich.table import Table

from .debug import KNOBS
from . import __version__
from .api import RunResult, build_file, fan_out, run_file
from .profiles import (DEFAULT_PROFILE, PROFILES, RLIMIT_STACK_DEFAULT, SETTINGS, get_profile,
                       parse_setting, profile_name)
from .report.sweep import render_summary
from .report.terminal import ProgressLine, format_size, stats_renderables
from .sweep.driver import sweep
from .errors import EXIT_COMPILE, EXIT_USAGE, CompileError

__all__ = ["main", "build_parser", "parse_size", "parse_debug", "format_size",
           "stats_renderables", "CliError"]

EXIT_CANNOT_OPEN = 1        # FILE or an output file cannot be opened
EXIT_INTERNAL = 3           # a gostack bug: like a host limit, not the program's doing
EXIT_INTERRUPTED = 130      # 128 + SIGINT, as a shell reports it
TRACEBACK_ENV = "GOSTACK_TRACEBACK"


class CliError(Exception):
    """A failure of the command itself (not of the Go program), with its exit code."""

    def __init__(self, message: str, code: int):
        super().__init__(message)
        self.code = code


# ------------------------------------------------------------ argument types

# K/M/G and KiB/MiB/GiB are powers of 1024 (8M is RLIMIT_STACK's 8 MiB);
# KB/MB/GB are powers of 1000, so that 1GB is Go's 1000000000-byte maximum.
_SIZE_UNITS = {"": 1, "b": 1}
for _power, _letter in enumerate("kmg", start=1):
    _SIZE_UNITS[_letter] = _SIZE_UNITS[_letter + "ib"] = 1024 ** _power
    _SIZE_UNITS[_letter + "b"] = 1000 ** _power
_SIZE = re.compile(r"(\d+)\s*([a-z]*)")


def parse_size(text: str) -> int:
    """'8M' -> 8388608, '8MiB' -> 8388608, '1GB' -> 1000000000, '2048' -> 2048."""
    match = _SIZE.fullmatch(text.strip().lower())
    if not match or match.group(2) not in _SIZE_UNITS:
        raise argparse.ArgumentTypeError(
            f"bad size {text!r} (examples: 2048, 64K, 8M, 8MiB, 1GB)")
    return int(match.group(1)) * _SIZE_UNITS[match.group(2)]


def parse_debug(text: str) -> dict[str, int]:
    """'stackforcemove=1,stackdebug=2' -> {'stackforcemove': 1, 'stackdebug': 2}."""
    knobs = {}
    for item in filter(None, (part.strip() for part in text.split(","))):
        name, sep, value = item.partition("=")
        if not sep or not re.fullmatch(r"[a-z0-9_]+", name.strip()) \
                or not re.fullmatch(r"-?\d+", value.strip()):
            raise argparse.ArgumentTypeError(f"bad --debug item {item!r} (want KNOB=INTEGER)")
        if name.strip() not in KNOBS:
            raise argparse.ArgumentTypeError(
                f"unknown --debug knob {name.strip()!r} (known: {', '.join(KNOBS)})")
        knobs[name.strip()] = int(value)
    return knobs


def parse_set(text: str) -> tuple[str, list[str]]:
    """'StackMin=2K,4K' -> ('StackMin', ['2K', '4K']), each value checked."""
    key, sep, values = text.partition("=")
    items = [v.strip() for v in values.split(",") if v.strip()] if sep else []
    try:
        if not items:
            parse_setting(text)          # the one-line reason for a malformed item
        for value in items:
            parse_setting(f"{key}={value}")
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return key.strip(), items


def parse_set_one(text: str) -> tuple[str, str]:
    """'StackMin=8K' -> ('StackMin', '8K'): one value (run and compare)."""
    key, values = parse_set(text)
    if len(values) != 1:
        raise argparse.ArgumentTypeError(
            f"--set {text!r}: one value here (gostack sweep takes a list)")
    return key, values[0]


SET_HELP = ("change the profile's stack policy: " + ", ".join(SETTINGS) +
            "; may be repeated (e.g. StackMin=8K, growth=double, shrink=off, adaptive=on)")


def _derived_profile(base: str, sets: list) -> str:
    """The profile name with --set applied; an impossible combination is a usage error."""
    try:
        return profile_name(base, dict(sets))
    except ValueError as err:
        raise CliError(f"--set: {err}", EXIT_USAGE) from None


def _positive(kind):
    def convert(text: str):
        try:
            value = kind(text)
        except ValueError:
            value = 0
        if not value > 0:
            raise argparse.ArgumentTypeError(f"want a positive number, not {text!r}")
        return value
    return convert


# ------------------------------------------------------------ the parser

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gostack",
        description="Run Go programs on a model of Go's goroutine stacks.")
    parser.add_argument("--version", action="version", version=f"gostack {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="run a Go program", description=(
        "Run FILE.go as `go run` would: its output, then its exit code "
        "(2 for panics and fatal errors, 1 for compile errors, 3 for a host limit)."))
    run.add_argument("file", metavar="FILE.go")
    run.add_argument("--profile", choices=list(PROFILES), default=DEFAULT_PROFILE,
                     help=f"Go release profile (default {DEFAULT_PROFILE})")
    run.add_argument("--stack-model", choices=["goroutine", "thread"], default="goroutine",
                     help="growable goroutine stacks (default) or fixed OS thread stacks")
    run.add_argument("--thread-stack", type=parse_size, default=RLIMIT_STACK_DEFAULT,
                     metavar="BYTES", help="fixed stack size for --stack-model thread (default 8M)")
    run.add_argument("--max-stack", type=parse_size, metavar="BYTES",
                     help="maximum goroutine stack (default 1GB, as Go)")
    run.add_argument("--cpus", type=_positive(int), default=1, metavar="N",
                     help="CPUs of the model machine: runtime.NumCPU and the number of Ps "
                     "(default 1; the GOMAXPROCS environment variable sets the Ps, as in Go)")
    run.add_argument("--stats", action="store_true",
                     help="summary of stack activity on stderr after the run")
    run.add_argument("--stats-json", metavar="FILE", help="the same summary as JSON")
    run.add_argument("--trace", metavar="FILE", help="every stack event as JSON lines")
    run.add_argument("--html", metavar="FILE",
                     help="an interactive HTML page, one self-contained file: a time slider, "
                     "each goroutine's stack to scale with its frames (#step=N&g=N links), "
                     "every goroutine's lane, StackInuse and the address space at its peak")
    run.add_argument("--timeout", type=_positive(float), metavar="SECONDS",
                     help="host limit: stop after this much time (exit 3)")
    run.add_argument("--max-steps", type=_positive(int), metavar="N",
                     help="host limit: stop after N steps (exit 3)")
    run.add_argument("--memory-limit", type=parse_size, metavar="BYTES",
                     help="host limit: model memory mapped at most (exit 3)")
    run.add_argument("--debug", type=parse_debug, action="append", default=[],
                     metavar="KNOB=V,...", help="stress and logging knobs (repeatable): " +
                     "; ".join(f"{name}={text}" for name, text in KNOBS.items()))
    run.add_argument("--maps", action="store_true",
                     help="print the address-space map after the run")
    run.add_argument("--set", type=parse_set_one, action="append", default=[], dest="sets",
                     metavar="KEY=VALUE", help=SET_HELP)
    run.set_defaults(handler=cmd_run)

    demo = commands.add_parser("demo", help="traditional vs goroutine stacks, on built-in programs",
                               description="Run built-in Go programs on thread stacks and on "
                               "goroutine stacks and show what happened, in four screens.")
    demo.add_argument("--html", metavar="FILE",
                      help="also write the interactive HTML page of screen 2's recursion")
    demo.set_defaults(handler=cmd_demo)
    compare = commands.add_parser("compare", help="one row per profile and stack model")
    compare.add_argument("file", metavar="FILE.go")
    compare.add_argument("--profiles", metavar="A,B,...", default=",".join(PROFILES),
                         help="Go release profiles to run (default: all)")
    compare.add_argument("--stack-model", metavar="M,N", default="goroutine",
                         help="stack models to run: goroutine, thread or both")
    compare.add_argument("--thread-stack", type=parse_size, default=RLIMIT_STACK_DEFAULT,
                         metavar="BYTES")
    compare.add_argument("--timeout", type=_positive(float), metavar="SECONDS", default=None)
    compare.add_argument("--set", type=parse_set_one, action="append", default=[], dest="sets",
                         metavar="KEY=VALUE", help=SET_HELP)
    compare.set_defaults(handler=cmd_compare)
    build = commands.add_parser("build", help="compile only; gc's -m and -S reports", description=(
        "Compile FILE.go as `go build -gcflags=...` would: exit 0, or the compile error "
        "(FILE:LINE:COL: message) and exit 1."))
    build.add_argument("file", metavar="FILE.go")
    build.add_argument("-m", dest="escapes", action="store_true",
                       help="escape-analysis decisions in gc's words and positions")
    build.add_argument("-S", dest="frames", action="store_true",
                       help="one header per function: main.f STEXT [nosplit] args=0xA locals=0xL")
    build.add_argument("-l", dest="no_inline", action="store_true",
                       help="inlining off, as gc's -l (a no-op: gostack models no inliner)")
    build.add_argument("--profile", choices=list(PROFILES), default="go1.19",
                       help="Go release profile whose frames -S shows (default go1.19)")
    build.set_defaults(handler=cmd_build)
    add_sweep_parser(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except CliError as err:
        _say(f"gostack: {err}")
        return err.code
    except KeyboardInterrupt:
        _say("gostack: interrupted")
        return EXIT_INTERRUPTED
    except Exception as err:                      # a gostack bug: one line, unless asked
        if os.environ.get(TRACEBACK_ENV, "") not in ("", "0"):
            raise
        _say(f"gostack: internal error: {type(err).__name__}: {err}")
        _say(f"gostack: rerun with {TRACEBACK_ENV}=1 for the Python traceback")
        return EXIT_INTERNAL


# ------------------------------------------------------------ gostack build

def cmd_build(args) -> int:
    """gc prints -m and -S on stderr (and a compile error there), exit 0 or 1."""
    try:
        lines = build_file(args.file, args.escapes, args.frames, args.profile)
    except OSError as err:
        raise CliError(f"{args.file}: {_os_reason(err)}", EXIT_CANNOT_OPEN)
    except CompileError as err:
        _say(str(err))
        return EXIT_COMPILE
    for line in lines:
        _say(line)
    return 0


# ------------------------------------------------------------ gostack demo

def cmd_demo(args) -> int:
    """The four screens of gostack.demo, printed as each run finishes."""
    from .demo import Demo, RECURSION
    from .report import html
    from .report.snapshot import Recorder
    report = _open(args.html, "w") if args.html else None
    profile = get_profile(DEFAULT_PROFILE)
    recorder = Recorder(profile.stack_guard) if report else None
    demo = Demo(DEFAULT_PROFILE, on_event=recorder)
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = 100
    with ExitStack() as files:
        if report:
            files.enter_context(report)
        for screen in demo.story():
            console.print(screen)
        if report:
            result = demo.recursion_result
            report.write(html.render("gostack demo: a goroutine's recursion (recursion.go)",
                                     result.stats, recorder, result.mappings, profile,
                                     source=RECURSION))
            console.print(f"HTML report of screen 2: {args.html}")
    return 0


# ------------------------------------------------------------ gostack compare

# (heading, justify): short, so the table reads at 100 columns; sizes in KiB/MiB.
COMPARE_COLUMNS = (("profile", "left"), ("stack\nmodel", "left"), ("exit", "right"),
                   ("time\ns", "right"), ("grows/\nshrinks", "right"), ("copies", "right"),
                   ("copied", "right"), ("segs", "right"), ("peak\nStackInuse", "right"),
                   ("reserved/\ncommitted", "right"), ("largest\nstack", "right"))
COMPARE_NOTES = ("segs: segments new/freed (go1.2's segmented stacks; - for copying stacks). "
                 "copied: bytes copied by stack copies. largest stack: the largest goroutine "
                 "stack (thread model: the most a thread used). Sizes: K = KiB, M = MiB.")


def cmd_compare(args) -> int:
    """The same program under each profile and stack model, one row each."""
    _open(args.file, "r").close()
    profiles = [p for p in args.profiles.split(",") if p]
    models = [m for m in args.stack_model.split(",") if m]
    for name in profiles:
        if name not in PROFILES:
            _say(f"gostack: unknown profile {name!r} (known: {', '.join(PROFILES)})")
            return EXIT_USAGE
    for model in models:
        if model not in ("goroutine", "thread"):
            _say(f"gostack: unknown stack model {model!r} (goroutine or thread)")
            return EXIT_USAGE
    for name in profiles:
        _derived_profile(name, args.sets)        # every --set checked before any run
    table = Table(box=box.SIMPLE_HEAD, padding=0, pad_edge=False)
    for heading, justify in COMPARE_COLUMNS:
        table.add_column(heading, justify=justify, no_wrap=True)
    for model in models:
        for name in profiles:
            started = time.perf_counter()
            result = run_file(args.file, profile=_derived_profile(name, args.sets),
                              stack_model=model,
                              thread_stack=args.thread_stack, timeout=args.timeout)
            table.add_row(*compare_row(name, model, result, time.perf_counter() - started))
    console = Console(highlight=False)
    if not console.is_terminal:
        console.width = 100
    console.print(table)
    console.print(COMPARE_NOTES, style="dim")
    return 0


def compare_row(profile: str, model: str, result: RunResult, seconds: float) -> list:
    stats = result.stats or {}
    totals = stats.get("totals", {})
    gs = stats.get("goroutines", [])
    return [profile, model, str(result.exit_code), f"{seconds:.2f}",
            f"{totals.get('grows', 0):,}/{totals.get('shrinks', 0):,}",
            f"{totals.get('copies', 0):,}", _compact_size(totals.get("bytes_copied", 0)),
            _segments_cell(totals), _compact_size(totals.get("stack_inuse_peak", 0)),
            f"{_compact_size(sum(g.get('reserved', 0) for g in gs))}/"
            f"{_compact_size(sum(g.get('committed', 0) for g in gs))}",
            _compact_size(max((g.get("peak_stack", 0) for g in gs), default=0))]


def _compact_size(n: int) -> str:
    """16384 -> '16K', 8056 -> '7.9K', 8388608 -> '8M', 100 -> '100' (K = KiB, M = MiB)."""
    for unit, scale in (("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10)):
        if n >= scale:
            return f"{n // scale}{unit}" if n % scale == 0 else f"{n / scale:.1f}{unit}"
    return str(n)


def _segments_cell(totals: dict) -> str:
    """Segmented stacks (go1.2): segments linked by newstack / released by lessstack."""
    if "segments_allocated" not in totals:
        return "-"
    return f"{totals['segments_allocated']:,}/{totals['segments_freed']:,}"


# ------------------------------------------------------------ gostack sweep

def add_sweep_parser(commands) -> None:
    sweep = commands.add_parser(
        "sweep", help="programs x profiles x stack policies, one row each (CSV or Parquet)",
        description="Run every program under every profile, --set combination and stack "
        "model, on this machine's cores or a Dask cluster; rows already in --out are skipped.")
    sweep.add_argument("paths", nargs="+", metavar="FILES_OR_DIRS",
                       help=".go files, or directories searched for them")
    sweep.add_argument("--profiles", metavar="A,B,...", default="go1.19",
                       help="Go release profiles (default go1.19)")
    sweep.add_argument("--stack-models", metavar="M,N", default="goroutine",
                       help="goroutine, thread or both (default goroutine)")
    sweep.add_argument("--set", type=parse_set, action="append", default=[], dest="sets",
                       metavar="KEY=V1,V2", help="a grid of stack-policy settings: "
                       + ", ".join(SETTINGS) + "; repeat for more keys")
    sweep.add_argument("--engine", choices=["local", "dask"], default="local",
                       help="local process pool (default) or a Dask distributed cluster")
    sweep.add_argument("--scheduler", metavar="ADDRESS",
                       help="the Dask scheduler, tcp://HOST:PORT (--engine dask)")
    sweep.add_argument("--jobs", type=_positive(int), metavar="N",
                       help="local processes (default: the machine's cores)")
    sweep.add_argument("--timeout", type=_positive(float), metavar="SECONDS",
                       help="host limit per run (a row with exit code 3)")
    sweep.add_argument("--out", required=True, metavar="FILE",
                       help="results.csv or results.parquet (resumed if it exists)")
    sweep.add_argument("--html", metavar="FILE", help="a summary page with plots")
    sweep.set_defaults(handler=cmd_sweep)


def cmd_sweep(args) -> int:
    """gostack.sweep does the work; this prints its progress and summary."""
    sets = {}
    for key, values in args.sets:
        sets.setdefault(key, []).extend(v for v in values if v not in sets.get(key, []))
    progress = _SweepProgress()
    report = _open(args.html, "w") if args.html else None
    try:
        result = sweep(args.paths, args.out, profiles=_list(args.profiles),
                       sets=sets, stack_models=_list(args.stack_models), engine=args.engine,
                       scheduler=args.scheduler, jobs=args.jobs, timeout=args.timeout,
                       on_progress=progress)
    except FileNotFoundError as err:
        raise CliError(f"open {err.args[0]}: no such file or directory", EXIT_CANNOT_OPEN) from None
    except ValueError as err:
        raise CliError(str(err), EXIT_USAGE) from None
    finally:
        progress.finish()
    if report:
        with report:
            report.write(render_summary(result.rows, title=f"gostack sweep: {args.out}"))
    _say(f"sweep: {result.ran} runs in {result.seconds:.1f} s ({result.skipped} already in "
         f"{args.out}), {len(result.failed)} with an error; {len(result.rows)} rows")
    for row in result.failed[:10]:
        _say(f"  {row['program']} {row['profile']} {row['settings']} {row['stack_model']}: "
             f"{row['error']}")
    return 0


def _list(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


class _SweepProgress:
    """`sweep: 12/40 runs, 1 error, 3.2 s` on one terminal line, rewritten per row."""

    def __init__(self):
        self.tty = sys.stderr.isatty()
        self.started = time.perf_counter()
        self.errors = 0
        self.shown = False

    def __call__(self, done: int, total: int, row: dict) -> None:
        self.errors += bool(row["error"])
        if self.tty:
            sys.stderr.write(f"\rsweep: {done}/{total} runs, {self.errors} with an error, "
                             f"{time.perf_counter() - self.started:.1f} s\x1b[K")
            sys.stderr.flush()
            self.shown = True

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()


# ------------------------------------------------------------ gostack run

def gomaxprocs_from_env():
    """schedinit: a GOMAXPROCS that is a positive 32-bit number sets the Ps; else ignored."""
    text = os.environ.get("GOMAXPROCS", "")
    try:
        n = int(text, 10)
    except ValueError:
        return None
    return n if 0 < n < 1 << 31 and text.isdigit() else None


def cmd_run(args) -> int:
    _open(args.file, "r").close()     # a missing FILE is reported before anything runs
    profile = _derived_profile(args.profile, args.sets)
    out, err = _Echo(sys.stdout), _Echo(sys.stderr)
    debug = {name: value for knobs in args.debug for name, value in knobs.items()}
    with ExitStack() as files:
        trace = files.enter_context(_open(args.trace, "w")) if args.trace else None
        stats_json = files.enter_context(_open(args.stats_json, "w")) if args.stats_json else None
        report = files.enter_context(_open(args.html, "w")) if args.html else None
        subscribers = []
        if trace:
            subscribers.append(_json_lines(trace))
        recorder = None
        if report:
            from .report.snapshot import Recorder
            recorder = Recorder(get_profile(profile).stack_guard)
            subscribers.append(recorder)
        if args.stats:
            console = Console(stderr=True, highlight=False)
            if console.is_terminal:   # the progress line needs the events; a pipe does not
                progress = files.enter_context(ProgressLine(console, args.file))
                subscribers.append(progress)
                out.before = err.before = progress.output
        try:
            result = run_file(
                args.file, profile=profile, stack_model=args.stack_model,
                thread_stack=args.thread_stack, max_stack=args.max_stack,
                timeout=args.timeout, max_steps=args.max_steps,
                memory_limit=args.memory_limit, debug=debug,
                cpus=args.cpus, gomaxprocs=gomaxprocs_from_env(),
                on_stdout=out.write, on_stderr=err.write,
                on_event=_subscriber(subscribers))
        finally:
            files.callback(sys.stderr.flush)
            files.callback(sys.stdout.flush)
        out.finish(result.stdout)
        err.finish(result.stderr)
        if stats_json:
            stats_json.write(json.dumps(result.stats, indent=2) + "\n")
        if report and not result.stats:
            from .report import html
            report.write(html.render_failure(args.file, result.stderr))
        elif report:
            from .report import html
            with open(args.file, encoding="utf-8", errors="replace") as source:
                text = source.read()
            report.write(html.render(args.file, result.stats, recorder, result.mappings,
                                     get_profile(profile), source=text))
    _report(args, result)
    return result.exit_code


def _subscriber(callbacks: list):
    if not callbacks:
        return None
    return callbacks[0] if len(callbacks) == 1 else fan_out(callbacks)


def _json_lines(stream):
    def on_event(event: dict) -> None:
        stream.write(json.dumps(event) + "\n")
    return on_event


def _report(args, result: RunResult) -> None:
    """What the run's options ask to see after the program's own output."""
    if args.stats and result.stats:
        console = Console(stderr=True, highlight=False)
        if not console.is_terminal:
            console.width = 120          # a file or pipe has no width to respect
        for renderable in stats_renderables(result.stats):
            console.print(renderable)
    maps = result.stats.get("maps") if args.maps else None
    if maps:
        sys.stderr.write(maps if maps.endswith("\n") else maps + "\n")
        sys.stderr.flush()


class _Echo:
    """One of the program's streams, written through as the program writes.

    `finish` writes whatever the result holds beyond what was streamed, so
    the text appears once whether or not the run used the callback.
    `before`, if set, is called before each write (the --stats progress
    line takes itself off the terminal).
    """

    def __init__(self, stream):
        if hasattr(stream, "reconfigure"):          # Go strings may hold any bytes
            stream.reconfigure(errors="surrogateescape")
        self.stream = stream
        self.written = 0
        self.before = None

    def write(self, text: str) -> None:
        if self.before is not None:
            self.before()
        self.stream.write(text)
        self.written += len(text)

    def finish(self, full_text: str) -> None:
        if len(full_text) > self.written:
            if self.before is not None:
                self.before()
            self.stream.write(full_text[self.written:])
        self.stream.flush()


def _open(path: str, mode: str):
    try:
        return open(path, mode, encoding="utf-8")
    except OSError as err:
        raise CliError(f"open {path}: {_os_reason(err)}", EXIT_CANNOT_OPEN) from None


def _os_reason(err: OSError) -> str:
    """The errno text in Go's spelling ('no such file or directory')."""
    return os.strerror(err.errno).lower() if err.errno else str(err)


def _say(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()
