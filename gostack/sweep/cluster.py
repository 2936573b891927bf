"""cluster: a sweep's tasks on a Dask distributed cluster (`--engine dask`).

Each task is one Dask task running `run_task` on a worker that has gostack
installed (`pip install 'gostack[dask]'`).  Tasks are submitted with their
key as the Dask key, so a rerun of the same plan on a live cluster does not
duplicate work.  A worker that dies mid-task loses nothing: the scheduler
reschedules its tasks on the remaining workers (and `retries` covers a task
that itself fails); a task that still cannot finish (KilledWorker after
several deaths, or any other error) becomes a row with the error, never a
missing row.  The per-task timeout is gostack's own host limit inside the
run, so a timed-out task is an ordinary row (exit 3).
"""

from __future__ import annotations

import hashlib

from distributed import Client, as_completed

from . import failed_row, run_task

RETRIES = 2


def task_key(task) -> str:
    digest = hashlib.sha1(repr(task).encode()).hexdigest()[:16]
    return f"gostack-run-{digest}"


def run_dask(tasks, scheduler: str):
    """Yield one row per task, in the order they finish."""
    with Client(scheduler, timeout="30s") as client:
        futures = {client.submit(run_task, task, key=task_key(task), retries=RETRIES,
                                 pure=False): task for task in tasks}
        for future in as_completed(futures):
            try:
                yield future.result()
            except Exception as err:        # KilledWorker, a lost worker's last retry, ...
                yield failed_row(futures[future], f"dask: {type(err).__name__}: {err}")
            future.release()
