"""driver: plan a sweep, skip what the output already has, run it, write rows.

`sweep(...)` is what `gostack sweep` calls: it checks the whole plan
(profiles, settings, stack models, the output's format) before running
anything, reads the rows already in the output (resume), hands the rest
to an engine and writes each row as it arrives.  `on_progress(done,
total, row)` is called after each row; the caller decides how to show it.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass, field

from . import KEY, find_programs, plan
from .local import run_local
from .results import Writer, done_keys, output_format, read_rows

ENGINES = ("local", "dask")


@dataclass
class SweepReport:
    rows: list                      # every row of the output, sorted
    ran: int                        # tasks run now
    skipped: int                    # tasks whose rows were already in the output
    seconds: float                  # wall time of this sweep
    failed: list = field(default_factory=list)   # rows of this sweep with an error


def sweep(paths, out: str, profiles=("go1.19",), sets=None, stack_models=("goroutine",),
          engine: str = "local", scheduler: str | None = None, jobs: int | None = None,
          timeout: float | None = None, on_progress=None) -> SweepReport:
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r} (local or dask)")
    if engine == "dask" and not scheduler:
        raise ValueError("--engine dask needs --scheduler tcp://HOST:PORT")
    output_format(out)
    tasks = plan(find_programs(paths), list(profiles), dict(sets or {}), tuple(stack_models),
                 timeout)
    rows = read_rows(out)
    done = done_keys(rows)
    existing = [row for row in rows if tuple(row[k] for k in KEY) in done]
    todo = [t for t in tasks if t.key not in done]
    started = time.perf_counter()
    writer = Writer(out, existing)
    failed = []
    try:
        for n, row in enumerate(_engine(engine, todo, scheduler, jobs), start=1):
            writer.add(row)
            if row["error"]:
                failed.append(row)
            if on_progress:
                on_progress(n, len(todo), row)
    finally:
        rows = writer.close()
    return SweepReport(rows, len(todo), len(tasks) - len(todo),
                       time.perf_counter() - started, failed)


def _engine(engine, tasks, scheduler, jobs):
    if not tasks:
        return iter(())
    if engine == "dask":
        try:
            cluster = importlib.import_module("gostack.sweep.cluster")
        except ImportError as err:
            raise ValueError(f"--engine dask needs the dask extra: pip install "
                             f"'gostack[dask]' ({err})") from None
        return cluster.run_dask(tasks, scheduler)
    return run_local(tasks, jobs)
