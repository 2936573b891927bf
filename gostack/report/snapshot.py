"""snapshot: the world as the events of a run describe it, for the reports.

Go counterpart: none (Go's own view of this is `go tool trace` and
GODEBUG=stackdebug).  A Recorder subscribes to the events of one run
(gostack.api: on_event) and folds them into what the pictures need: per
goroutine, its stack size over steps with every grow and shrink; the
StackInuse total over steps; and stack snapshots (bounds, guard and SP) of
every copy, from which the HTML report draws one goroutine's stack to scale.

Everything here is derived from events only, so a report shows exactly what
a `--trace` of the same run records.  One difference from a real machine:
between events the SP is not observed, so "the deepest SP" is the deepest
one an event saw (a morestack or a copy), not a sampled minimum.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Snapshot:
    """One goroutine's stack at one step: [lo, hi), its guard and its SP."""

    g: int
    step: int
    lo: int
    hi: int
    sp: int
    guard: int               # stackguard0 = lo + StackGuard
    label: str               # what happened: "start", "grow 2 KB -> 4 KB", ...

    @property
    def size(self) -> int:
        return self.hi - self.lo

    @property
    def used(self) -> int:
        return self.hi - self.sp


@dataclass
class GoroutineLife:
    """One goroutine's stack over the run."""

    g: int
    sizes: list = field(default_factory=list)     # (step, size) at start and after each copy
    marks: list = field(default_factory=list)     # (step, "grow" | "shrink" | "forcemove", size)
    snapshots: list = field(default_factory=list)
    exited: int | None = None                     # the step of goexit
    deepest: Snapshot | None = None               # the largest stack at the deepest SP seen

    @property
    def max_size(self) -> int:
        return max((size for _, size in self.sizes), default=0)


class Recorder:
    """An event subscriber: call it with each event; read the fields after the run."""

    def __init__(self, stack_guard: int):
        self.stack_guard = stack_guard
        self.lives: dict[int, GoroutineLife] = {}
        self.inuse: list[tuple[int, int]] = [(0, 0)]    # (step, StackInuse)
        self.counts: dict[str, int] = {}
        self.last_step = 0
        self.events: list[dict] = []                    # the notable ones, for the terminal
        self.threads: list[dict] = []
        self.faults: list[dict] = []

    def __call__(self, event: dict) -> None:
        name = event["event"]
        self.counts[name] = self.counts.get(name, 0) + 1
        self.last_step = event["step"]
        handler = getattr(self, "on_" + name, None)
        if handler is not None:
            handler(event)

    # ------------------------------------------------------------ folding

    def life(self, g: int) -> GoroutineLife:
        life = self.lives.get(g)
        if life is None:
            life = self.lives[g] = GoroutineLife(g)
        return life

    def on_gostart(self, e):
        life = self.life(e["g"])
        lo, hi = e["stack_lo"], e["stack_hi"]
        life.sizes.append((e["step"], hi - lo))
        life.exited = None
        snap = Snapshot(e["g"], e["step"], lo, hi, hi, lo + self.stack_guard, "start")
        life.snapshots.append(snap)
        self._deepest(life, snap)

    def on_goexit(self, e):
        self.life(e["g"]).exited = e["step"]

    def on_stackalloc(self, e):
        self._inuse(e)

    def on_stackfree(self, e):
        self._inuse(e)

    def _inuse(self, e):
        inuse = e.get("stack_inuse")
        if inuse is not None and inuse != self.inuse[-1][1]:
            self.inuse.append((e["step"], inuse))

    def on_morestack(self, e):
        life = self.life(e["g"])
        self.events.append(e)
        snap = Snapshot(e["g"], e["step"], e["lo"], e["hi"], e["sp"], e["lo"] + self.stack_guard,
                        f"{e['decision']}: {e['func']} needs {e['frame_size']} bytes")
        self._deepest(life, snap)

    def on_copystack(self, e):
        life = self.life(e["g"])
        old, new = e["old_hi"] - e["old_lo"], e["new_hi"] - e["new_lo"]
        life.sizes.append((e["step"], new))
        life.marks.append((e["step"], e["reason"], new))
        label = f"{e['reason']} {_kb(old)} -> {_kb(new)}, {e['used']:,} bytes copied"
        snap = Snapshot(e["g"], e["step"], e["new_lo"], e["new_hi"], e["new_hi"] - e["used"],
                        e["new_lo"] + self.stack_guard, label)
        life.snapshots.append(snap)
        self._deepest(life, snap)
        self.events.append(e)

    def on_preempt(self, e):
        self.events.append(e)

    def on_thread_create(self, e):
        self.threads.append(e)

    def on_fault(self, e):
        self.faults.append(e)
        self.events.append(e)
        lo, hi, addr = e["stack_lo"], e["stack_hi"], e["addr"]
        if e["g"] is not None and addr < lo and lo - addr < hi - lo:
            # A frame ran off the bottom of its fixed stack: the whole stack was in use.
            snap = Snapshot(e["g"], e["step"], lo, hi, lo, lo + self.stack_guard,
                            f"fault: {e['kind']} page at {addr:#x}, {lo - addr} bytes "
                            f"below stack.lo")
            life = self.life(e["g"])
            life.snapshots.append(snap)
            life.deepest = snap

    def _deepest(self, life: GoroutineLife, snap: Snapshot):
        best = life.deepest
        if best is None or (snap.size, snap.used) > (best.size, best.used):
            life.deepest = snap

    # ------------------------------------------------------------ questions

    def busiest(self) -> GoroutineLife | None:
        """The goroutine whose stack grew most, then was used most (ties: the lower id)."""
        if not self.lives:
            return None
        return max(self.lives.values(), key=lambda life: (
            life.max_size, life.deepest.used if life.deepest else 0, len(life.marks), -life.g))

    def totals(self) -> dict:
        """Totals folded from the events (they must agree with the run's stats)."""
        grows = shrinks = copies = copied = 0
        for life in self.lives.values():
            for _, reason, _ in life.marks:
                copies += 1
                grows += reason == "grow"
                shrinks += reason == "shrink"
        for e in self.events:
            if e["event"] == "copystack":
                copied += e["used"]
        return {"goroutines_created": self.counts.get("gostart", 0), "grows": grows,
                "shrinks": shrinks, "copies": copies, "bytes_copied": copied,
                "stack_inuse_peak": max(v for _, v in self.inuse)}


def _kb(n: int) -> str:
    if n >= 1 << 20 and n % (1 << 20) == 0:
        return f"{n >> 20} MB"
    if n % 1024 == 0:
        return f"{n >> 10} KB"
    return f"{n} B"
