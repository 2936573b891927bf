"""local: a sweep's tasks on this machine, one process per core.

A ProcessPoolExecutor of `jobs` workers (default: the machine's cores)
runs `run_task`; rows come back as tasks finish.  Each worker process runs
many tasks one after another, each in a fresh world, so a row does not
depend on which worker ran it or what ran before.  A worker process that
dies (the host killed it, out of memory) breaks the pool: its tasks and the
ones not yet started become rows with that error, and the sweep can be
resumed.
"""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from . import failed_row, run_task


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def run_local(tasks, jobs: int | None = None):
    """Yield one row per task, in the order they finish."""
    jobs = jobs or default_jobs()
    if jobs == 1:
        yield from map(run_task, tasks)
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        futures = {pool.submit(run_task, task): task for task in tasks}
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool:
                yield failed_row(futures[future], "worker process died")
