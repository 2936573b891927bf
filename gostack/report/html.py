"""html: the interactive HTML page of a run, one self-contained file (no network).

Go counterpart: none.  The page is templates/page.html with its style
(page.css), its script (page.js) and the run's data (pagedata.py, JSON)
inlined, so it opens from a file or an e-mail attachment.  Python draws what
does not change with the selection, as SVG: the address space at the peak of
StackInuse (addrspace.py), one lane per goroutine (grouped when there are
many, and the page says so), StackInuse over steps, and a first picture of
the busiest goroutine's stack at its deepest SP (stack_svg), which also
serves a reader without script.  The script adds the time slider (`#step=N`
and `#g=N` in the URL), the selected goroutine's stack to scale with its
frames at that moment, and at a copy the old and new stacks side by side
with the adjusted pointers.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from importlib import resources

from .addrspace import address_space_svg
from .draw import COLORS, FONT, e as _e, n as _n, size_text as _size, text as _text
from .pagedata import page_data, sampled_inuse
from .snapshot import GoroutineLife, Recorder, Snapshot

MAX_LANES = 60             # more goroutines than this: lanes grouped (the page says how)


def render(title: str, stats: dict, rec: Recorder, mappings: list, profile,
           source: str = "") -> str:
    """The whole page as one HTML string."""
    rec.add_peaks(stats)
    life = rec.busiest(stats)
    thread = stats.get("stack_model") == "thread"
    data = page_data(title, stats, rec, profile, life)
    peak_step = max(rec.inuse, key=lambda sv: sv[1])[0]
    fields = {
        "title": _e(title), "style": _template("page.css").replace("$FONT", FONT),
        "script": _template("page.js"),
        "data": json.dumps(data, separators=(",", ":")).replace("</", "<\\/"),
        "summary": _summary(stats, rec, profile),
        "source": (f"<details><summary>the program</summary><pre>{_e(source)}</pre></details>"
                   if source else ""),
        "stack": stack_svg(life.deepest, profile, True, thread) if life and life.deepest
        else "<p>(no goroutine)</p>",
        "stack_caption": _e(f"goroutine {life.g}, its deepest moment: {life.deepest.label}"
                            if life and life.deepest else ""),
        "lanes": timelines_svg(rec), "inuse": inuse_svg(rec),
        "notes": "".join(f"<li>{_e(note)}</li>" for note in data["notes"] + _lane_notes(rec)),
        "address_space": address_space_svg(
            mappings, live_stacks(rec, peak_step),
            f"At step {peak_step:,}, the peak of StackInuse: the goroutine stacks live then "
            "(red, inside the Go heap arena); the other mappings as the run left them."),
    }
    page = _template("page.html")
    for key, value in fields.items():
        page = page.replace("{{" + key + "}}", value)
    return page


def _template(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text("utf-8")


def render_failure(title: str, message: str) -> str:
    """The report of a program that never ran (it did not compile, or a limit)."""
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{_e(title)}</title></head><body><h1>{_e(title)}</h1>"
            f"<p>No report: the program did not run.</p><pre>{_e(message)}</pre></body></html>\n")


def _summary(stats: dict, rec: Recorder, profile) -> str:
    totals = stats.get("totals", {})
    rows = [("profile", stats.get("profile")), ("stack model", stats.get("stack_model")),
            ("exit code", stats.get("exit_code")), ("steps", rec.last_step),
            ("StackGuard / StackSmall", f"{profile.stack_guard} / {profile.stack_small} bytes"),
            ("goroutines created", totals.get("goroutines_created")),
            ("grows / shrinks / copies", f"{totals.get('grows', 0)} / {totals.get('shrinks', 0)}"
                                         f" / {totals.get('copies', 0)}"),
            ("bytes copied", _n(totals.get("bytes_copied", 0))),
            ("peak StackInuse", _n(totals.get("stack_inuse_peak", 0)))]
    cells = "".join(f"<tr><td>{_e(k)}</td><td class=n>{_e(v)}</td></tr>" for k, v in rows)
    return f'<table class="summary" id="summary">{cells}</table>'


def live_stacks(rec: Recorder, step: int) -> list:
    """(lo, hi, goid) of each goroutine's stack at step (started, not yet exited)."""
    out = []
    for life in rec.lives.values():
        if life.exited is not None and life.exited <= step:
            continue
        current = None
        for snap in life.snapshots:
            if snap.step > step:
                break
            if snap.kind != "peak":
                current = snap
        if current is not None:
            out.append((current.lo, current.hi, life.g))
    return out


# ------------------------------------------------------------------ 2. the stack to scale


def stack_svg(s: Snapshot, profile, main: bool, thread: bool = False) -> str:
    """[lo, hi) as a vertical bar to scale, hi on top; marks at their true heights.

    A thread stack has no split check: no guard or StackSmall marks, no zoom.
    """
    bar_h, bar_x, bar_w = 300, 14, 56
    width = 252
    small = profile.stack_small
    preempt = s.guard > s.hi          # stackguard0 = StackPreempt: draw where it returns to
    if preempt:
        s = replace(s, guard=s.lo + profile.stack_guard)
    guard_px = (s.guard - s.lo) / s.size * bar_h
    zoom = guard_px < 40 and not thread   # the guard area is too thin: magnify the bottom
    height = bar_h + 60 + (190 if zoom else 0)
    ident = ' id="stack-picture"' if main else ""
    out = [f'<svg{ident} class="stack" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    out.extend(_stack_bar(s, s.lo, s.hi, 44, bar_h, bar_x, bar_w, None if thread else small,
                          caption=f"{_size(s.size)} {'thread ' if thread else ''}stack"
                          + (" (stackguard0 = StackPreempt)" if preempt else "")))
    if zoom:
        window = min(s.size, max(4 * (s.guard - s.lo), 2048))
        out.extend(_stack_bar(s, s.lo, s.lo + window, bar_h + 104, 130, bar_x, bar_w, small,
                              caption=f"its bottom {_size(window)}, magnified"))
    out.append("</svg>")
    return "\n".join(out)


def _stack_bar(s: Snapshot, a: int, b: int, top: int, h: int, x: int, w: int, small,
               caption="") -> list:
    """One bar for [a, b) of the stack; small=None draws no guard (a thread stack)."""
    def y(addr):
        return top + (b - addr) / (b - a) * h

    out = []
    if caption:
        out.append(_text(x, top - 30, caption, "#222"))
        out.append(_text(x, top - 16, f"to scale: {(b - a) / h:,.1f} bytes per pixel", "#888"))
    out.append(f'<rect x="{x}" y="{top}" width="{w}" height="{h}" fill="#f7f7f7" stroke="#333"/>')
    # Used part [sp, hi): the frames.
    if s.sp < b:
        y1, y2 = y(min(b, s.hi)), y(max(a, s.sp))
        out.append(f'<rect x="{x}" y="{y1:.2f}" width="{w}" height="{max(y2 - y1, 0):.2f}" '
                   f'fill="#e07a5f" opacity="0.75"/>')
    # StackSmall allowance below the guard, then the StackLimit region down to lo.
    if small is None:
        return out + _labels([(s.hi, f"stack.hi {s.hi:#x}"), (s.sp, f"SP, {_n(s.used)} B used"),
                              (s.lo, f"stack.lo {s.lo:#x}")], a, b, top, h, x, w)
    g1, g2 = y(min(b, s.guard)), y(max(a, s.guard - small))
    if s.guard > a and s.guard - small < b:
        out.append(f'<rect x="{x}" y="{g1:.2f}" width="{w}" height="{max(g2 - g1, 0):.2f}" '
                   f'fill="#f4d35e" opacity="0.9"/>')
    if s.guard - small > a:
        l1, l2 = y(min(b, s.guard - small)), y(a)
        out.append(f'<rect x="{x}" y="{l1:.2f}" width="{w}" height="{max(l2 - l1, 0):.2f}" '
                   f'fill="#bbbbbb" opacity="0.8"/>')
    marks = [(s.hi, f"stack.hi {s.hi:#x}"), (s.sp, f"SP, {_n(s.used)} B used"),
             (s.guard, f"stackguard0 = lo+{s.guard - s.lo}"),
             (s.guard - small, f"StackSmall: guard-{small}"),
             (s.lo, f"stack.lo {s.lo:#x}")]
    return out + _labels(marks, a, b, top, h, x, w)


def _labels(marks, a, b, top, h, x, w) -> list:
    """A line at each mark's true height and its label beside the bar."""
    def y(addr):
        return top + (b - addr) / (b - a) * h

    out = []
    shown = [(addr, text) for addr, text in marks if a <= addr <= b]
    # Labels at their true heights, pushed apart only as much as needed to stay readable.
    # Close labels are pushed apart: the lower half upwards, the upper half downwards.
    right = x + w
    lower = [(addr, t) for addr, t in shown if y(addr) >= top + h / 2]
    upper = [(addr, t) for addr, t in shown if y(addr) < top + h / 2]
    spots = []
    for group, step in ((sorted(lower), -13), (sorted(upper, reverse=True), 13)):
        last = None
        for addr, text in group:
            want = y(addr)
            at = want if last is None else (min(want, last + step) if step < 0
                                           else max(want, last + step))
            last = at
            spots.append((addr, text, want, at))
    for addr, text, want, at in spots:
        out.append(f'<line x1="{x - 3}" y1="{want:.2f}" x2="{right + 3}" y2="{want:.2f}" '
                   f'stroke="#000" stroke-width="1"/>')
        out.append(f'<polyline points="{right + 3},{want:.2f} {right + 10},{at:.2f} '
                   f'{right + 13},{at:.2f}" fill="none" stroke="#666"/>')
        out.append(_text(right + 15, at + 4, text))
    return out


# ------------------------------------------------------------------ lanes


def lane_groups(rec: Recorder) -> list:
    """[(label, [GoroutineLife])]: one lane per goroutine, or, past MAX_LANES, the
    goroutines whose stacks never moved grouped by size, then the rest by largest size."""
    lives = sorted(rec.lives.values(), key=lambda lf: (-lf.max_size, lf.g))
    if len(lives) <= MAX_LANES:
        return [(f"goroutine {lf.g}", [lf]) for lf in lives]
    groups: dict = {}
    for lf in lives:
        key = ("never moved", lf.max_size) if not lf.marks else ("grew to", lf.max_size)
        groups.setdefault(key, []).append(lf)
    out = []
    for (how, size), members in sorted(groups.items(), key=lambda kv: (-kv[0][1], kv[0][0])):
        if len(members) == 1:
            out.append((f"goroutine {members[0].g}", members))
        else:
            out.append((f"{len(members):,} goroutines: {how} {_size(size)}", members))
    return out


def _lane_notes(rec: Recorder) -> list:
    if len(rec.lives) <= MAX_LANES:
        return []
    return [f"{len(rec.lives):,} goroutines, more than {MAX_LANES} lanes: goroutines whose "
            "stacks never moved share a lane per stack size, and so do those that grew to "
            "the same size (the lane draws the first of them, its marks count them all)."]


def timelines_svg(rec: Recorder) -> str:
    groups = lane_groups(rec)
    if not groups:
        return "<p>(no goroutines)</p>"
    end = max(rec.last_step, 1)
    all_sizes = [size for _, members in groups for lf in members for _, size in lf.sizes]
    top_size, low_size = max(all_sizes), min(all_sizes)
    lo2, hi2 = math.log2(low_size), max(math.log2(top_size), math.log2(low_size) + 1)
    width, left, plot_w, row_h = 1000, 230, 700, 46
    height = 20 + row_h * len(groups) + 40
    out = [f'<svg id="timeline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'xmlns="http://www.w3.org/2000/svg" data-left="{left}" data-width="{plot_w}" '
           f'data-end="{end}">']

    def x(step):
        return left + step / end * plot_w

    for k, (label, members) in enumerate(groups):
        top = 20 + k * row_h
        inner = row_h - 10
        life = members[0]

        def y(size):
            return top + inner - (math.log2(size) - lo2) / (hi2 - lo2) * (inner - 12)

        ids = ",".join(str(lf.g) for lf in members[:200])
        out.append(f'<g class="lane" data-g="{life.g}" data-members="{ids}">'
                   f'<rect x="{left}" y="{top}" width="{plot_w}" height="{inner}" '
                   f'fill="#fafafa" stroke="#ccc"/>')
        out.append(_text(left - 8, top + inner / 2 + 4, label, anchor="end"))
        out.append(_text(left + plot_w + 6, top + inner / 2 + 4, _size(life.max_size), "#888"))
        points = []
        stop = life.exited if life.exited is not None else end
        for i, (step, size) in enumerate(life.sizes):
            nxt = life.sizes[i + 1][0] if i + 1 < len(life.sizes) else stop
            points.append(f"{x(step):.1f},{y(size):.1f} {x(nxt):.1f},{y(size):.1f}")
        out.append(f'<polyline class="size" points="{" ".join(points)}" fill="none" '
                   f'stroke="#264653" stroke-width="2"/>')
        out.extend(_lane_marks(members, x, y))
        out.append("</g>")
    axis_y = 20 + row_h * len(groups) + 4
    out.extend(_x_axis(left, plot_w, axis_y + 8, end))
    out.append(_text(left, height - 4, "▲ grow   ▼ shrink   ● forced move   (size on a log "
                     "scale; x: steps; click a lane to select its goroutine)", "#444"))
    out.append(f'<line id="lanes-cursor" x1="{left}" x2="{left}" y1="14" y2="{axis_y}" '
               f'stroke="#c00" stroke-width="1.5"/>')
    out.append("</svg>")
    return "\n".join(out)


def _lane_marks(members: list, x, y) -> list:
    """A mark per copy; many copies at one pixel are one mark with their count.
    A group's lane draws a tick per 3 pixels with copies instead (compact)."""
    if len(members) > 1:
        return _group_ticks(members, x, y(members[0].max_size) - 8)
    at: dict = {}
    for lf in members:
        for step, reason, size in lf.marks:
            key = (round(x(step)), reason, size)
            at[key] = at.get(key, 0) + 1
    out = []
    for (px, reason, size), count in sorted(at.items()):
        color = COLORS.get(reason, "#999")
        shape = "▲" if reason == "grow" else "▼" if reason == "shrink" else "●"
        many = f" ({count} copies)" if count > 1 else ""
        out.append(f'<text class="mark {reason}" x="{px}" y="{y(size) - 3:.1f}" '
                   f'fill="{color}" text-anchor="middle">{shape}<title>{reason} to '
                   f'{_size(size)}{many}</title></text>')
    return out


def _group_ticks(members: list, x, y0: float) -> list:
    ticks: dict = {}
    for lf in members:
        for step, reason, _ in lf.marks:
            ticks.setdefault(reason, {})
            px = round(x(step) / 3) * 3
            ticks[reason][px] = ticks[reason].get(px, 0) + 1
    out = []
    for reason, at in sorted(ticks.items()):
        color = COLORS.get(reason, "#999")
        path = "".join(f"M{px} {y0:.0f}v6" for px in sorted(at))
        out.append(f'<path class="mark {reason}" d="{path}" stroke="{color}" stroke-width="2">'
                   f'<title>{sum(at.values()):,} {reason} copies in this group</title></path>')
    return out


def inuse_svg(rec: Recorder) -> str:
    end = max(rec.last_step, 1)
    peak = max(v for _, v in rec.inuse) or 1
    width, left, plot_w, top, plot_h = 1000, 230, 700, 20, 140
    height = top + plot_h + 50
    out = [f'<svg id="stackinuse" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">',
           f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="#fafafa" '
           f'stroke="#ccc"/>']

    def x(step):
        return left + step / end * plot_w

    def y(v):
        return top + plot_h - v / peak * plot_h

    points = []
    series = [tuple(p) for p in sampled_inuse(rec)]
    series = series + [(end, series[-1][1])]
    for i, (step, v) in enumerate(series[:-1]):
        points.append(f"{x(step):.1f},{y(v):.1f} {x(series[i + 1][0]):.1f},{y(v):.1f}")
    out.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#e07a5f" '
               f'stroke-width="2"/>')
    for step in rec.gcs:
        out.append(f'<line class="gc" x1="{x(step):.1f}" x2="{x(step):.1f}" y1="{top}" '
                   f'y2="{top + plot_h}" stroke="{COLORS["gc"]}" stroke-dasharray="3 3"/>')
    out.append(_text(left - 8, top + 10, _size(peak), anchor="end"))
    out.append(_text(left - 8, top + plot_h, "0", anchor="end"))
    out.extend(_x_axis(left, plot_w, top + plot_h + 16, end))
    out.append(_text(left, height - 4, "dashed: a GC (it may shrink stacks)", "#444"))
    out.append(f'<line id="inuse-cursor" x1="{left}" x2="{left}" y1="{top}" '
               f'y2="{top + plot_h}" stroke="#c00" stroke-width="1.5"/>')
    out.append("</svg>")
    return "\n".join(out)


def _x_axis(left, plot_w, y, end) -> list:
    out = []
    for k in range(5):
        step = end * k // 4
        out.append(_text(left + plot_w * k / 4, y, f"{step:,}", "#666", anchor="middle"))
    return out
