"""terminal: the rich renderings of a run: the --stats tables and a progress line.

Go counterpart: none (the closest is GODEBUG=gctrace's one line per cycle).

The --stats summary is one table row per goroutine, then the totals and the
memstats, all from the run's stats (DESIGN.md section 5), which the runtime
counts at the same places where it emits its events (tests/unit/
test_report.py checks that the events fold to the same totals).

The progress line appears only on a terminal and only once a run has taken
more than a second with the program silent; it is transient (erased when the
run ends or the program writes) and lives on stderr, and the program's own
output never passes through it.  It is fed by the run's
events: goroutines started, grows, shrinks, the latest StackInuse and step.
"""

from __future__ import annotations

import threading
import time

from rich import box
from rich.console import Console
from rich.live import Live
from rich.table import Table
from rich.text import Text

PROGRESS_DELAY = 1.0          # seconds before a run gets a progress line
PROGRESS_REFRESH = 4          # redraws per second
SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"

_GOROUTINE_COLUMNS = [   # (stats key, heading, is a size in bytes); short enough for 80 columns
    ("id", "goid", False),
    ("initial_stack", "initial", True),
    ("max_stack", "max", True),
    ("final_stack", "final", True),
    ("grows", "grows", False),
    ("shrinks", "shrinks", False),
    ("bytes_copied", "copied", True),
    ("max_depth", "max depth", False),
]
_SIZE_KEYS = {"bytes_copied", "stack_inuse_peak", "stack_inuse_final", "g0_stacks",
              "g0_peak_used"}


def stats_renderables(stats: dict) -> list:
    """The --stats summary: a heading, one table row per goroutine, totals, memstats,
    and the scheduler (CPUs, Ps, the Ms that ran and their g0 stacks)."""
    heading = (f"profile {stats.get('profile', '?')}, {stats.get('stack_model', '?')} "
               f"stacks, exit code {stats.get('exit_code', '?')}")
    rows = [[_cell(g.get(key), size) for key, _, size in _GOROUTINE_COLUMNS]
            for g in stats.get("goroutines", [])]
    goroutines = Table(title="goroutine stacks", title_justify="left", box=box.SIMPLE_HEAD)
    for i, (_, heading_text, _) in enumerate(_GOROUTINE_COLUMNS):
        widest = max((len(row[i]) for row in rows), default=0)   # numbers are never cut
        goroutines.add_column(heading_text, justify="right", min_width=widest)
    for row in rows:
        goroutines.add_row(*row)
    parts = [heading, goroutines]
    for title, section in (("totals", stats.get("totals")), ("memstats", stats.get("memstats")),
                           ("scheduler", _scheduler(stats))):
        if section:
            parts.append(_key_value_table(title, section))
    return parts


def _scheduler(stats: dict):
    """CPUs and Ps; the Ms with a g0 (none in the thread model: no Go runtime there)."""
    if "gomaxprocs" not in stats:
        return None
    g0s = [s for s in stats.get("system_stacks", []) if s["role"] == "g0"]
    section = {"cpus": stats.get("cpus"), "gomaxprocs": stats["gomaxprocs"]}
    if g0s:
        section.update(threads_with_a_g0=len(g0s), g0_stacks=sum(s["size"] for s in g0s),
                       g0_peak_used=max(s["peak_used"] for s in g0s))
    return section


def _key_value_table(title: str, section: dict) -> Table:
    table = Table(title=title, title_justify="left", show_header=False, box=box.SIMPLE)
    table.add_column()
    table.add_column(justify="right")
    for key, value in section.items():
        is_size = key in _SIZE_KEYS or key.startswith("Stack") or key.endswith("Sys")
        table.add_row(key if key[0].isupper() else key.replace("_", " "),
                      _cell(value, is_size))
    return table


def _cell(value, is_size: bool) -> str:
    if not isinstance(value, int) or isinstance(value, bool):
        return "-" if value is None else str(value)
    return format_size(value) if is_size else f"{value:,}"


def format_size(n: int) -> str:
    """Exact: 2048 -> '2 KiB', 33554432 -> '32 MiB', else bytes: 1000000000 -> '1,000,000,000'."""
    for unit, scale in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= scale:
            return f"{n // scale} {unit}" if n % scale == 0 else f"{n:,}"
    return f"{n:,}"


def _approx(n: int) -> str:
    return f"{n / (1 << 20):,.1f} MiB" if n >= 1 << 20 else f"{n / 1024:,.0f} KiB"


class ProgressLine:
    """An event subscriber that shows a transient progress line on a terminal.

    The line appears once the run has been running, and the program silent,
    for PROGRESS_DELAY seconds.  Before the program writes anything, `output`
    takes the line away (rich erases a transient display), so the program's
    bytes go to their own stream untouched, never through rich; the line
    comes back after the next quiet spell.
    """

    def __init__(self, console: Console, label: str, delay: float = PROGRESS_DELAY):
        self.console = console
        self.label = label
        self.delay = delay
        self.started = self.quiet_since = time.monotonic()
        self.step = self.goroutines = self.grows = self.shrinks = self.inuse = 0
        self.live = None
        self.watcher = None
        self.done = threading.Event()
        self.lock = threading.Lock()

    def __enter__(self):
        if self.console.is_terminal:
            self.watcher = threading.Thread(target=self._watch, name="gostack-progress",
                                            daemon=True)
            self.watcher.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def __call__(self, event: dict) -> None:
        self.step = event["step"]
        name = event["event"]
        if name == "gostart":
            self.goroutines += 1
        elif name == "copystack":
            self.grows += event["reason"] == "grow"
            self.shrinks += event["reason"] == "shrink"
        inuse = event.get("stack_inuse")
        if inuse is not None:
            self.inuse = inuse

    def text(self) -> str:
        return (f"{self.label}: {time.monotonic() - self.started:.1f} s, "
                f"{self.goroutines:,} goroutines, {self.grows:,} grows, {self.shrinks:,} shrinks, "
                f"StackInuse {_approx(self.inuse)}, last event at step {self.step:,}")

    def __rich__(self):
        frame = SPINNER[int((time.monotonic() - self.started) * 10) % len(SPINNER)]
        return Text(f"{frame} {self.text()}", no_wrap=True, overflow="ellipsis")

    def output(self) -> None:
        """The program is about to write: take the line away first."""
        self.quiet_since = time.monotonic()
        if self.live is not None:
            with self.lock:
                self._hide()

    def _watch(self):
        period = 1 / PROGRESS_REFRESH
        while not self.done.wait(period):
            if self.live is None and time.monotonic() - self.quiet_since >= self.delay:
                with self.lock:
                    if not self.done.is_set():
                        self.live = Live(self, console=self.console, transient=True,
                                         refresh_per_second=PROGRESS_REFRESH,
                                         redirect_stdout=False, redirect_stderr=False)
                        self.live.start()

    def _hide(self):
        if self.live is not None:
            self.live.stop()
            self.live = None

    def stop(self):
        self.done.set()
        if self.watcher is not None:
            self.watcher.join()
            self.watcher = None
        with self.lock:
            self._hide()

    @property
    def shown(self) -> bool:
        return self.live is not None
