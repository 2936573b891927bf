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
    kind: str = ""           # start, grow, shrink, forcemove, morestack, fault, peak
    stack: list = field(default_factory=list)     # frame runs [func, frame size, count]
    pointers: list = field(default_factory=list)  # [new slot, old value, func] (a copy)
    old: tuple | None = None                      # a copy: the old stack's (lo, hi)
    delta: int = 0                                # a copy: new.hi - old.hi
    adjusted: int = 0                             # a copy: pointers adjusted in all

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
        self.gcs: list[int] = []                        # the step of each GC start
        self.preempts: list[int] = []                   # the step of each preemption

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
        snap = Snapshot(e["g"], e["step"], lo, hi, hi, lo + self.stack_guard, "start", "start")
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
        snap = Snapshot(e["g"], e["step"], e["lo"], e["hi"], e["sp"], e["guard"],
                        f"{e['decision']}: {e['func']} needs {e['frame_size']} bytes",
                        "morestack")
        if e["decision"].startswith("preempt"):
            self.preempts.append(e["step"])
            life.snapshots.append(snap)      # stackguard0 = StackPreempt, at a prologue
        self._deepest(life, snap)

    def on_copystack(self, e):
        life = self.life(e["g"])
        old, new = e["old_hi"] - e["old_lo"], e["new_hi"] - e["new_lo"]
        life.sizes.append((e["step"], new))
        life.marks.append((e["step"], e["reason"], new))
        label = f"{e['reason']} {_kb(old)} -> {_kb(new)}, {e['used']:,} bytes copied"
        snap = Snapshot(e["g"], e["step"], e["new_lo"], e["new_hi"], e["new_hi"] - e["used"],
                        e["new_lo"] + self.stack_guard, label, e["reason"],
                        e.get("stack", []), e.get("pointers", []), (e["old_lo"], e["old_hi"]),
                        e["delta"], e["pointers_adjusted"])
        life.snapshots.append(snap)
        self._deepest(life, snap)
        self.events.append(e)

    def on_preempt(self, e):
        self.events.append(e)

    def on_gc_start(self, e):
        self.gcs.append(e["step"])

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
                            f"below stack.lo", "fault")
            life = self.life(e["g"])
            life.snapshots.append(snap)
            life.deepest = snap

    def _deepest(self, life: GoroutineLife, snap: Snapshot):
        """The moment of the deepest SP an event saw (then the larger stack)."""
        best = life.deepest
        if best is None or (snap.used, snap.size) > (best.used, best.size):
            life.deepest = snap

    # ------------------------------------------------------------ questions

    def busiest(self, stats: dict | None = None) -> GoroutineLife | None:
        """The goroutine that used the most stack (its deepest SP), then whose stack grew
        most (ties: the lower id).  stats (the run's): its peak_stack per goroutine
        counts too, since in the thread model no event sees a thread's SP."""
        if not self.lives:
            return None
        peaks = peak_used(stats)
        return max(self.lives.values(), key=lambda life: (
            max(life.deepest.used if life.deepest else 0, peaks.get(life.g, 0)),
            life.max_size, len(life.marks), -life.g))

    def add_peaks(self, stats: dict | None) -> None:
        """A "peak" snapshot for each goroutine whose deepest SP (the run's peak_stack)
        is deeper than any event saw: drawn on its largest stack, at its last step."""
        for g, used in peak_used(stats).items():
            life = self.lives.get(g)
            if life is None or not life.snapshots or (life.deepest and life.deepest.used >= used):
                continue
            big = max(life.snapshots, key=lambda s: (s.size, s.step))
            if used > big.size:
                continue
            step = life.exited if life.exited is not None else self.last_step
            snap = Snapshot(g, step, big.lo, big.hi, big.hi - used, big.guard,
                            f"deepest SP of the run: {used:,} bytes used (between events)",
                            "peak")
            life.snapshots.append(snap)
            life.snapshots.sort(key=lambda s: s.step)
            life.deepest = snap

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


def peak_used(stats: dict | None) -> dict:
    """{thread's goroutine id: the most stack bytes it used (hi - lowest SP)}, from the
    run's stats; in the thread model only (a goroutine's peak_stack is its largest stack)."""
    if (stats or {}).get("stack_model") != "thread":
        return {}
    return {g["id"]: g.get("peak_stack", 0) or 0 for g in (stats or {}).get("goroutines", [])}


def _kb(n: int) -> str:
    if n >= 1 << 20 and n % (1 << 20) == 0:
        return f"{n >> 20} MB"
    if n % 1024 == 0:
        return f"{n >> 10} KB"
    return f"{n} B"
