"""pagedata: the compact data of the interactive page, folded from a Recorder.

Go counterpart: none.  The page's script draws from one JSON object inlined
in the page: per goroutine its stack sizes over steps; the moments (stack
snapshots: start, each copy with its frames and adjusted pointers, each
preemption request, a fault, the deepest SP); GC starts; StackInuse over steps.

Compactness, for runs with many events (the page says which applied):
  - frames are runs [function, frame size, count], so a 100,000-deep
    recursion is a handful of entries;
  - at most MAX_MOMENTS moments: the MAX_DETAILED goroutines that used the
    most stack keep their start, deepest and last moment; the others are
    sampled evenly in the room left;
  - StackInuse keeps at most MAX_INUSE points: the largest value of each
    step bin (the peak is never lost);
  - GC and preemption marks are counted per bin of the time axis (AXIS_BINS).
"""

from __future__ import annotations

from ..profiles import STACK_PREEMPT
from .snapshot import Recorder, Snapshot

MAX_MOMENTS = 3000
MAX_DETAILED = 200         # goroutines (the deepest first) that keep start, deepest and last
MAX_INUSE = 1500
AXIS_BINS = 600


def page_data(title: str, stats: dict, rec: Recorder, profile, selected) -> dict:
    thread = stats.get("stack_model") == "thread"
    notes: list = []
    moments = _moments(rec, notes)
    index = {id(s): k for k, s in enumerate(moments)}
    gs = []
    for life in sorted(rec.lives.values(), key=lambda lf: lf.g):
        gs.append({"g": life.g, "sizes": life.sizes, "exit": life.exited,
                   "deepest": index.get(id(life.deepest)),
                   "moments": [index[id(s)] for s in life.snapshots if id(s) in index]})
    deepest = selected.deepest if selected is not None else None
    return {
        "title": title, "model": stats.get("stack_model"), "profile": stats.get("profile"),
        "steps": rec.last_step, "stackGuard": 0 if thread else profile.stack_guard,
        "stackSmall": 0 if thread else profile.stack_small, "stackPreempt": STACK_PREEMPT,
        "selected": {"g": selected.g if selected else None,
                     "step": deepest.step if deepest else 0},
        "gs": gs, "moments": [_moment(s) for s in moments],
        "copies": _bins([(s.step, s.kind) for s in moments if s.kind in ("grow", "shrink",
                                                                          "forcemove")],
                        rec.last_step),
        "gc": _bins([(step, "gc") for step in rec.gcs], rec.last_step),
        "preempts": _bins([(step, "preempt") for step in rec.preempts], rec.last_step),
        "inuse": sampled_inuse(rec, notes), "notes": notes,
    }


def _moment(s: Snapshot) -> list:
    """[g, step, lo, hi, sp, stackguard0, kind, label, frames, pointers, old, delta, adjusted]"""
    return [s.g, s.step, s.lo, s.hi, s.sp, s.guard, s.kind, s.label, s.stack,
            s.pointers, list(s.old) if s.old else None, s.delta,
            s.adjusted]


def _moments(rec: Recorder, notes: list) -> list:
    every = [s for life in rec.lives.values() for s in life.snapshots]
    if len(every) <= MAX_MOMENTS:
        return sorted(every, key=lambda s: (s.step, s.g))
    keep = {}
    lives = sorted((lf for lf in rec.lives.values() if lf.snapshots),
                   key=lambda lf: (-(lf.deepest.used if lf.deepest else 0), lf.g))
    for life in lives[:MAX_DETAILED]:
        for s in (life.snapshots[0], life.deepest, life.snapshots[-1]):
            if s is not None:
                keep[id(s)] = s
    rest = sorted((s for s in every if id(s) not in keep), key=lambda s: (s.step, s.g))
    room = max(MAX_MOMENTS - len(keep), 1)
    stride = max(1, -(-len(rest) // room))
    for s in rest[::stride]:
        keep[id(s)] = s
    notes.append(f"{len(every):,} stack snapshots in the run; the page keeps {len(keep):,}: "
                 f"the start, deepest and last moment of the {min(len(lives), MAX_DETAILED)} "
                 f"goroutines that used the most stack, and one in {stride} of the others "
                 "(a goroutine may have no moment kept: the page says so). Counts on the time "
                 "axis include every event.")
    return sorted(keep.values(), key=lambda s: (s.step, s.g))


def _bins(marks: list, end: int) -> list:
    """[[bin start step, count, kind]] with at most AXIS_BINS bins per kind."""
    width = max(1, -(-max(end, 1) // AXIS_BINS))
    counts: dict = {}
    for step, kind in marks:
        key = (step // width * width, kind)
        counts[key] = counts.get(key, 0) + 1
    return [[step, count, kind] for (step, kind), count in sorted(counts.items())]


def sampled_inuse(rec: Recorder, notes: list | None = None) -> list:
    """StackInuse over steps, at most MAX_INUSE points (each bin's largest value)."""
    series = rec.inuse
    if len(series) <= MAX_INUSE:
        return series
    width = -(-max(rec.last_step, 1) // MAX_INUSE)
    best: dict = {}
    for step, value in series:
        key = step // width
        if key not in best or value > best[key][1]:
            best[key] = (step, value)
    if notes is not None:
        notes.append(f"StackInuse changed {len(series):,} times; the page keeps the largest "
                     f"value in each stretch of {width:,} steps ({len(best):,} points).")
    return [list(v) for _, v in sorted(best.items())]
