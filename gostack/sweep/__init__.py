"""sweep: many programs x profiles x stack policies, one row per run.

A sweep is the product of Go programs, profiles (releases), settings (a grid
of `--set` stack-policy overrides, profiles.SETTINGS) and stack models.  Each
point is a Task, a plain picklable value that carries the program's text
and its goldens (so a worker needs no shared files); `run_task` runs one in a fresh
world and returns its Row, a dict with the columns of COLUMNS.  The engines
(local.py: a process pool; cluster.py: a Dask distributed cluster) only
decide where tasks run; results.py reads and writes the rows as CSV or
Parquet, so a sweep that stops can resume from its own output.

Go has no sweep; its counterpart is the measurement that justified Go
1.19's adaptive starting stacks (CL 345889): run a corpus under several
stack policies and compare copies and memory.  Deliberate differences: the
host timeout is gostack's own `--timeout` (a row with exit code 3), and
`same_as_expected` compares only stdout and the exit code with the goldens
beside a program (stderr holds addresses that the test suite masks).
"""

from __future__ import annotations

import itertools
import os
import time
from dataclasses import dataclass

from ..api import run_source
from ..errors import EXIT_HOST_LIMIT
from ..profiles import SETTING_SEP, derive, get_profile

# Every row has these columns, in this order.  NONDETERMINISTIC ones vary from run
# to run; the others are the same whichever engine (or machine) ran the task.
COLUMNS = ("program", "profile", "settings", "stack_model", "exit_code", "same_as_expected",
           "initial_stack", "grows", "shrinks", "copies", "bytes_copied", "max_stack",
           "stack_inuse_peak", "goroutines", "steps", "host_seconds", "error")
NONDETERMINISTIC = ("host_seconds",)
KEY = ("program", "profile", "settings", "stack_model")
INT_COLUMNS = ("exit_code", "initial_stack", "grows", "shrinks", "copies", "bytes_copied",
               "max_stack", "stack_inuse_peak", "goroutines", "steps")
STACK_MODELS = ("goroutine", "thread")
SETTINGS_SEP = ";"          # between the items of the settings column


@dataclass(frozen=True)
class Task:
    """One run: a program under one profile, settings and stack model."""

    program: str
    profile: str                    # a release name (go1.19)
    settings: tuple = ()            # (("StackMin", "8192"), ...)
    stack_model: str = "goroutine"
    timeout: float | None = None
    source: str = ""                # the program's text: a worker needs no shared files
    expected: tuple | None = None   # (stdout, exit code or None) from the goldens beside it

    @property
    def settings_text(self) -> str:
        return SETTINGS_SEP.join(f"{k}={v}" for k, v in self.settings)

    @property
    def key(self) -> tuple:
        return (self.program, self.profile, self.settings_text, self.stack_model)

    @property
    def profile_name(self) -> str:
        """The derived profile's name, which RunOptions.profile accepts."""
        return SETTING_SEP.join([self.profile] + [f"{k}={v}" for k, v in self.settings])


# ------------------------------------------------------------ the plan

def find_programs(paths) -> list[str]:
    """FILES_OR_DIRS -> the .go files, directories searched recursively, sorted."""
    found = []
    for path in map(os.fspath, paths):
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                found += [os.path.join(root, f) for f in sorted(files) if f.endswith(".go")]
        elif os.path.isfile(path):
            found.append(path)
        else:
            raise FileNotFoundError(path)
    return sorted(dict.fromkeys(found))


def setting_grid(sets: dict[str, list[str]]) -> list[tuple]:
    """{'StackMin': ['2K', '4K'], 'adaptive': ['on', 'off']} -> every combination."""
    keys = list(sets)
    return [tuple(zip(keys, values)) for values in itertools.product(*(sets[k] for k in keys))]


def plan(programs, profiles, sets: dict[str, list[str]], stack_models=("goroutine",),
         timeout: float | None = None) -> list[Task]:
    """Every task of the sweep; each profile x setting is checked first (ValueError)."""
    grid = setting_grid(sets)
    for name in profiles:
        for settings in grid:
            derive(get_profile(name), dict(settings))
    for model in stack_models:
        if model not in STACK_MODELS:
            raise ValueError(f"unknown stack model {model!r} (goroutine or thread)")
    texts = {program: (read_source(program), read_expected(program)) for program in programs}
    return [Task(program, profile, settings, model, timeout, *texts[program])
            for program in programs for profile in profiles
            for settings in grid for model in stack_models]


def read_source(program: str) -> str:
    with open(program, encoding="utf-8", errors="surrogateescape") as f:
        return f.read()


def read_expected(program: str):
    """(stdout, exit code or None) from NAME.stdout and NAME.exit; None without goldens."""
    stem = os.path.splitext(program)[0]
    try:
        with open(stem + ".stdout", encoding="utf-8", errors="surrogateescape") as f:
            stdout = f.read()
    except OSError:
        return None
    try:
        with open(stem + ".exit", encoding="utf-8") as f:
            return stdout, int(f.read().strip())
    except (OSError, ValueError):
        return stdout, None


# ------------------------------------------------------------ one run

def run_task(task: Task) -> dict:
    """Run one task in this process; every failure becomes the row's error."""
    started = time.perf_counter()
    try:
        result = run_source(task.source, task.program, profile=task.profile_name,
                          stack_model=task.stack_model, timeout=task.timeout)
    except Exception as err:                 # a gostack bug: a row, not a lost sweep
        return failed_row(task, f"internal error: {type(err).__name__}: {err}",
                          time.perf_counter() - started)
    seconds = time.perf_counter() - started
    stats = result.stats or {}
    totals = stats.get("totals", {})
    gs = stats.get("goroutines", [])
    row = base_row(task)
    row.update(
        exit_code=result.exit_code,
        same_as_expected=same_as_expected(task.expected, result.stdout, result.exit_code),
        initial_stack=max((g.get("initial_stack", 0) for g in gs), default=0),
        grows=totals.get("grows", 0), shrinks=totals.get("shrinks", 0),
        copies=totals.get("copies", 0), bytes_copied=totals.get("bytes_copied", 0),
        max_stack=max((g.get("max_stack", 0) for g in gs), default=0),
        stack_inuse_peak=totals.get("stack_inuse_peak", 0),
        goroutines=totals.get("goroutines_created", 0),
        steps=stats.get("steps", 0), host_seconds=round(seconds, 3),
        error=run_error(result))
    return row


def base_row(task: Task) -> dict:
    row = dict.fromkeys(COLUMNS)
    row.update(program=task.program, profile=task.profile, settings=task.settings_text,
               stack_model=task.stack_model, error="")
    return row


def failed_row(task: Task, error: str, seconds: float | None = None) -> dict:
    """A task that produced no result (an internal error, a lost or timed-out task)."""
    row = base_row(task)
    row.update(exit_code=EXIT_HOST_LIMIT, error=error,
               host_seconds=None if seconds is None else round(seconds, 3))
    return row


def run_error(result) -> str:
    """A host limit's (or gostack's own failure's) message; '' for every exit of the
    program's own, even os.Exit(3)."""
    return result.host_error or ""


def same_as_expected(expected, stdout: str, exit_code: int):
    """stdout (and the exit code, if NAME.exit exists) as the goldens; None without them."""
    if expected is None:
        return None
    want_stdout, want_exit = expected
    return stdout == want_stdout and want_exit in (None, exit_code)


# A row with one of these errors has no result: a resumed sweep runs its task again.
RETRY_ERRORS = ("internal error:", "dask:", "worker process died")


def sort_rows(rows) -> list[dict]:
    return sorted(rows, key=lambda r: tuple(r[k] for k in KEY))


def deterministic(row: dict) -> dict:
    """The row without its host-dependent columns (what two engines must agree on)."""
    return {k: v for k, v in row.items() if k not in NONDETERMINISTIC}
