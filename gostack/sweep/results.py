"""results: a sweep's rows in a CSV or Parquet file, read back for resuming.

CSV is written as rows arrive (a row appended and flushed per finished
task), so an interrupted sweep keeps what it did; at the end the file is
rewritten sorted by program, profile, settings and stack model, so two
sweeps of the same plan give the same file whatever order tasks finished
in.  Parquet (needs pyarrow, in the `dask` extra) cannot be appended to:
it is rewritten every CHECKPOINT_ROWS rows and at the end.

Empty cells: same_as_expected without goldens, and the numbers of a task
that produced no result (its error says why).
"""

from __future__ import annotations

import csv
import os

from . import COLUMNS, INT_COLUMNS, KEY, RETRY_ERRORS, sort_rows

CHECKPOINT_ROWS = 50
FORMATS = (".csv", ".parquet")


def output_format(path: str) -> str:
    ext = os.path.splitext(path)[1].lower()
    if ext not in FORMATS:
        raise ValueError(f"--out {path}: want a .csv or .parquet file")
    if ext == ".parquet":
        _pyarrow()          # fail before the sweep, not after it
    return ext


def read_rows(path: str) -> list[dict]:
    """The rows already in path ([] if it does not exist)."""
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        return []
    if output_format(path) == ".parquet":
        return [_typed(row) for row in _pyarrow().parquet.read_table(path).to_pylist()]
    with open(path, newline="", encoding="utf-8") as f:
        return [_typed(row) for row in csv.DictReader(f)]


def done_keys(rows) -> set:
    """The tasks whose rows have a result (lost tasks, RETRY_ERRORS, are run again)."""
    return {tuple(row[k] for k in KEY) for row in rows
            if not row["error"].startswith(RETRY_ERRORS)}


class Writer:
    """Rows as they come (the rows already in the file kept), then sorted at close."""

    def __init__(self, path: str, existing: list[dict]):
        self.path = path
        self.format = output_format(path)
        self.rows = list(existing)
        self.stream = None
        if self.format == ".csv":
            self._rewrite()
            self.stream = open(path, "a", newline="", encoding="utf-8")
            self.csv = csv.DictWriter(self.stream, COLUMNS)

    def add(self, row: dict) -> None:
        self.rows.append(row)
        if self.stream is not None:
            self.csv.writerow(_cells(row))
            self.stream.flush()
        elif len(self.rows) % CHECKPOINT_ROWS == 0:
            self._rewrite()

    def close(self) -> list[dict]:
        if self.stream is not None:
            self.stream.close()
            self.stream = None
        self.rows = sort_rows(self.rows)
        self._rewrite()
        return self.rows

    def _rewrite(self) -> None:
        tmp = self.path + ".tmp"
        if self.format == ".parquet":
            pa = _pyarrow()
            table = pa.Table.from_pylist([_parquet_row(r) for r in self.rows],
                                         schema=_parquet_schema(pa))
            pa.parquet.write_table(table, tmp)
        else:
            with open(tmp, "w", newline="", encoding="utf-8") as f:
                writer = csv.DictWriter(f, COLUMNS)
                writer.writeheader()
                writer.writerows(_cells(r) for r in self.rows)
        os.replace(tmp, self.path)


def _cells(row: dict) -> dict:
    return {k: "" if row.get(k) is None else row[k] for k in COLUMNS}


def _typed(row: dict) -> dict:
    """A row read back: numbers as numbers, empty cells as None."""
    out = {}
    for k in COLUMNS:
        v = row.get(k)
        if v == "" or v is None:
            v = "" if k in ("settings", "error") else None
        elif k in INT_COLUMNS:
            v = int(v)
        elif k == "host_seconds":
            v = float(v)
        elif k == "same_as_expected":
            v = v if isinstance(v, bool) else v == "True"
        out[k] = v
    return out


def _parquet_row(row: dict) -> dict:
    return {k: row.get(k) for k in COLUMNS}


def _parquet_schema(pa):
    types = {k: pa.int64() for k in INT_COLUMNS}
    types.update(same_as_expected=pa.bool_(), host_seconds=pa.float64())
    return pa.schema([(k, types.get(k, pa.string())) for k in COLUMNS])


def _pyarrow():
    """pyarrow with its parquet module, or a one-line reason to install the extra."""
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401  (pyarrow.parquet is a submodule)
    except ImportError:
        raise ValueError("parquet output needs pyarrow: pip install 'gostack[dask]' "
                         "(or write a .csv)") from None
    return pyarrow
