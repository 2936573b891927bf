"""html: one self-contained HTML report of a run (inline SVG and CSS, no network).

Go counterpart: none.  Sections, each an SVG drawn from a Recorder (the run's
events) and the run's final address-space mappings:

  1. the process address space, high addresses on top: text, data, bss, the
     Go heap arena with the goroutine stacks inside it, the mmap area with
     thread stacks, the main thread's [stack]; gaps are cut (drawn as a
     break with their size), since 128 TB cannot be drawn to scale;
  2. one goroutine's stack to scale: stack.hi, the SP, stackguard0 =
     lo + StackGuard, the StackSmall allowance below it, stack.lo; at its
     largest moment and after each copy (with a magnified view of the
     bottom when the guard area is too thin to see at the stack's scale);
  3. stack size over steps for each goroutine, grows and shrinks marked;
  4. StackInuse over steps.
"""

from __future__ import annotations

import html
import math

from ..profiles import HEAP_ARENA_BASE
from .snapshot import Recorder, Snapshot

FONT = "12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
COLORS = {"text": "#8fb8de", "data": "#b5d99c", "bss": "#d9e8a8", "heap": "#f2c57c",
          "gstack": "#e07a5f", "mmap": "#c3b1e1", "stack": "#81b29a", "guard": "#555555",
          "other": "#dddddd", "grow": "#2a9d8f", "shrink": "#e76f51", "forcemove": "#999999"}
MAX_SNAPSHOTS = 24         # stack pictures per report (the largest moment first)
MAX_TIMELINES = 8          # goroutines drawn in the timeline section


def render(title: str, stats: dict, rec: Recorder, mappings: list, profile,
           source: str = "") -> str:
    """The whole report as one HTML string."""
    life = rec.busiest()
    parts = [_head(title), f"<h1>{_e(title)}</h1>", _summary(stats, rec, profile)]
    if source:
        parts.append(f"<details><summary>the program</summary><pre>{_e(source)}</pre></details>")
    parts.append("<h2>Address space</h2>" + address_space_svg(mappings, rec))
    if life is not None:
        parts.append(f"<h2>The stack of goroutine {life.g}, to scale</h2>")
        parts.append(stack_pictures(life, profile, stats.get("stack_model") == "thread"))
    parts.append("<h2>Stack size over time</h2>" + timelines_svg(rec))
    parts.append("<h2>StackInuse over time</h2>" + inuse_svg(rec))
    parts.append("<p>StackInuse after every stack allocation and free. It peaks while a "
                 "copy holds both the old and the new stack, a moment the run's "
                 "stack_inuse_peak (counted after each copy) does not include.</p>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def render_failure(title: str, message: str) -> str:
    """The report of a program that never ran (it did not compile, or a limit)."""
    return (f"{_head(title)}<h1>{_e(title)}</h1><p>No report: the program did not run.</p>"
            f"<pre>{_e(message)}</pre></body></html>\n")


# ------------------------------------------------------------------ page


def _head(title: str) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{_e(title)}</title>
<style>
body {{ font: 14px system-ui, sans-serif; margin: 24px; color: #222; max-width: 1100px; }}
h1 {{ font-size: 20px; }} h2 {{ font-size: 16px; margin-top: 28px; border-bottom: 1px solid #ccc; }}
table.summary td {{ padding: 2px 12px 2px 0; }} table.summary td.n {{ text-align: right; }}
svg text {{ font: {FONT}; }}
.pictures {{ display: flex; flex-wrap: wrap; gap: 12px; }}
figure {{ margin: 0; width: 252px; }} figcaption {{ font-size: 12px; color: #444; }}
</style></head><body>"""


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


# ------------------------------------------------------------------ 1. address space


def classify(lo: int, perm: str, name: str) -> str:
    """The region kind of one mapping, from its name, permissions and place."""
    if name == "[stack]":
        return "stack"
    if name.startswith("[guard") or perm.startswith("---"):
        return "guard"
    if name.startswith("[stack thread"):
        return "mmap"
    if name == "stack":
        return "gstack"
    if name in ("[heap]",) or HEAP_ARENA_BASE <= lo < 1 << 44:
        return "heap"
    if name == "[bss]" or name.endswith("bss"):
        return "bss"
    if "x" in perm[:3]:
        return "text"
    if name and not name.startswith("["):
        return "data"
    return "mmap" if lo >= 1 << 44 else "other"


REGION_TITLES = {"text": "text", "data": "data", "bss": "bss", "heap": "Go heap arena, used part",
                 "mmap": "mmap area", "stack": "[stack] main thread", "guard": "guard",
                 "other": "", "gstack": "goroutine stacks"}


def _regions(mappings: list) -> list:
    """Adjacent mappings of one kind merged into a region: [kind, lo, hi, items]."""
    regions: list = []
    for lo, hi, perm, name in sorted(mappings):
        kind = classify(lo, perm, name)
        group = "heap" if kind == "gstack" else "mmap" if kind == "guard" and lo >= 1 << 44 \
            else kind
        if regions and regions[-1][0] == group and (group in ("heap", "mmap") or
                                                   regions[-1][2] == lo):
            regions[-1][2] = max(regions[-1][2], hi)
            regions[-1][3].append((lo, hi, kind, name))
        else:
            regions.append([group, lo, hi, [(lo, hi, kind, name)]])
    return regions


def address_space_svg(mappings: list, rec: Recorder) -> str:
    regions = _regions(mappings)
    if not regions:
        return "<p>(no mappings)</p>"
    width, bar_x, bar_w = 1000, 250, 300
    rows = []
    y = 20
    for k, (kind, lo, hi, items) in enumerate(reversed(regions)):
        # Height grows with log2 of the size: a 4 KB page and an 8 MB stack both readable.
        h = max(28, min(140, int(12 * math.log2(max(hi - lo, 4096)) - 110)))
        rows.append((kind, lo, hi, items, y, h))
        y += h
        if k + 1 < len(regions):
            y += 26                  # the cut gap between regions
    svg = [f'<svg id="address-space" width="{width}" height="{y + 20}" '
           f'viewBox="0 0 {width} {y + 20}" xmlns="http://www.w3.org/2000/svg">']
    prev_lo = None
    for kind, lo, hi, items, top, h in rows:
        if prev_lo is not None:
            gap = prev_lo - hi
            mid = top - 13
            svg.append(f'<path d="M{bar_x} {mid - 4} l20 6 l20 -6 l20 6 l20 -6 l20 6 l20 -6 '
                       f'l20 6 l20 -6 l20 6 l20 -6 l20 6 l20 -6 l20 6 l20 -6 l20 6" '
                       f'fill="none" stroke="#999"/>')
            svg.append(_text(bar_x + bar_w + 12, mid + 4, f"unmapped gap, {_size(gap)}", "#888"))
        prev_lo = lo
        svg.append(f'<rect x="{bar_x}" y="{top}" width="{bar_w}" height="{h}" '
                   f'fill="{COLORS.get(kind, "#ddd")}" stroke="#333"/>')
        svg.append(_text(bar_x - 10, top + 12, f"{hi:#014x}", anchor="end"))
        svg.append(_text(bar_x - 10, top + h - 2, f"{lo:#014x}", anchor="end"))
        names = sorted({n for _, _, _, n in items if n and not n.startswith("[guard")})
        title = REGION_TITLES.get(kind) or (names[0] if names else kind)
        label = f"{title} ({_size(hi - lo)})"
        if kind in ("text", "data", "bss") and names:
            label = f"{title}: {names[0].rsplit('/', 1)[-1]} ({_size(hi - lo)})"
        svg.append(_text(bar_x + bar_w + 12, top + 16, label))
        if kind == "heap":
            svg.extend(_heap_inside(items, lo, hi, top, h, bar_x, bar_w, _live_stacks(rec)))
        elif kind == "mmap":
            svg.extend(_threads_inside(items, lo, hi, top, h, bar_x, bar_w))
    svg.append("</svg>")
    return "\n".join(svg)


def _live_stacks(rec: Recorder) -> list:
    """(lo, hi, goid) of each goroutine's last known stack, if it has not exited."""
    out = []
    for life in rec.lives.values():
        if life.exited is None and life.snapshots:
            last = life.snapshots[-1]
            out.append((last.lo, last.hi, life.g))
    return out


def _heap_inside(items, lo, hi, top, h, bar_x, bar_w, live) -> list:
    """Goroutine stacks (and heap spans) at their place inside the arena, to scale."""
    out = []
    span = hi - lo
    stacks = [it for it in items if it[2] == "gstack"]
    for a, b, kind, _ in items:
        y1 = top + h - (b - lo) / span * h
        y2 = top + h - (a - lo) / span * h
        out.append(f'<rect x="{bar_x + 8}" y="{y1:.2f}" width="{bar_w - 16}" '
                   f'height="{max(y2 - y1, 1.5):.2f}" fill="{COLORS[kind]}" stroke="none">'
                   f'<title>{_e(kind)} [{a:#x}, {b:#x}) {_size(b - a)}</title></rect>')
        owners = sorted((g, s_hi - s_lo) for s_lo, s_hi, g in live if a <= s_lo < b)
        if kind == "gstack" and owners and y2 - y1 >= 13:
            names = ", ".join(f"g{g}" for g, _ in owners[:4]) + (" ..." if len(owners) > 4 else "")
            sizes = sorted({_size(n) for _, n in owners})
            out.append(_text(bar_x + 14, (y1 + y2) / 2 + 4,
                             f"{names}: {'/'.join(sizes)} stack{'s' if len(owners) > 1 else ''}",
                             "#fff"))
    if stacks:
        total = sum(b - a for a, b, _, _ in stacks)
        out.append(_text(bar_x + bar_w + 12, top + 32,
                         f"{len(stacks)} goroutine stack mapping(s), {_size(total)} (red)",
                         COLORS["gstack"]))
    return out


def _threads_inside(items, lo, hi, top, h, bar_x, bar_w) -> list:
    out = []
    threads = [it for it in items if it[2] == "mmap"]
    guards = [it for it in items if it[2] == "guard"]
    if threads:
        out.append(_text(bar_x + bar_w + 12, top + 32,
                         f"{len(threads)} thread stack(s), {len(guards)} guard page(s)", "#555"))
    span = hi - lo
    for a, b, kind, _ in items[:2000]:
        y1 = top + h - (b - lo) / span * h
        y2 = top + h - (a - lo) / span * h
        out.append(f'<rect x="{bar_x + 8}" y="{y1:.2f}" width="{bar_w - 16}" '
                   f'height="{max(y2 - y1, 1):.2f}" fill="{COLORS[kind]}" stroke="none"/>')
    return out


# ------------------------------------------------------------------ 2. the stack to scale


def stack_pictures(life, profile, thread: bool = False) -> str:
    snaps = []
    if life.deepest is not None:
        snaps.append((life.deepest, "largest moment"))
    copies = [s for s in life.snapshots if s.label != "start" and s is not life.deepest]
    for snap in copies[:MAX_SNAPSHOTS - 1]:
        snaps.append((snap, f"after a copy at step {snap.step:,}"))
    figures = [f'<figure>{stack_svg(s, profile, k == 0, thread)}<figcaption>{_e(title)}: '
               f'{_e(s.label)}</figcaption></figure>' for k, (s, title) in enumerate(snaps)]
    hidden = len(copies) - (len(snaps) - 1)
    note = f"<p>({hidden} later copies not drawn)</p>" if hidden > 0 else ""
    return f'<div class="pictures" id="stack-pictures">{"".join(figures)}</div>{note}'


def stack_svg(s: Snapshot, profile, main: bool, thread: bool = False) -> str:
    """[lo, hi) as a vertical bar to scale, hi on top; marks at their true heights.

    A thread stack has no split check: no guard or StackSmall marks, no zoom.
    """
    bar_h, bar_x, bar_w = 300, 14, 56
    width = 252
    small = profile.stack_small
    guard_px = (s.guard - s.lo) / s.size * bar_h
    zoom = guard_px < 40 and not thread   # the guard area is too thin: magnify the bottom
    height = bar_h + 60 + (190 if zoom else 0)
    ident = ' id="stack-picture"' if main else ""
    out = [f'<svg{ident} class="stack" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']
    out.extend(_stack_bar(s, s.lo, s.hi, 44, bar_h, bar_x, bar_w, None if thread else small,
                          caption=f"{_size(s.size)} {'thread ' if thread else ''}stack"))
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


# ------------------------------------------------------------------ 3. timelines


def timelines_svg(rec: Recorder) -> str:
    lives = sorted(rec.lives.values(), key=lambda lf: (-lf.max_size, lf.g))[:MAX_TIMELINES]
    if not lives:
        return "<p>(no goroutines)</p>"
    end = max(rec.last_step, 1)
    top_size = max(lf.max_size for lf in lives)
    low_size = min(size for lf in lives for _, size in lf.sizes)
    lo2, hi2 = math.log2(low_size), max(math.log2(top_size), math.log2(low_size) + 1)
    width, left, plot_w, row_h = 1000, 110, 820, 90
    height = 30 + row_h * len(lives) + 30
    out = [f'<svg id="timeline" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'xmlns="http://www.w3.org/2000/svg">']

    def x(step):
        return left + step / end * plot_w

    for k, life in enumerate(lives):
        top = 20 + k * row_h
        inner = row_h - 24

        def y(size):
            return top + inner - (math.log2(size) - lo2) / (hi2 - lo2) * inner

        out.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{inner}" '
                   f'fill="#fafafa" stroke="#ccc"/>')
        out.append(_text(left - 8, top + inner / 2 + 4, f"goroutine {life.g}", anchor="end"))
        out.append(_text(left + plot_w + 6, y(top_size) + 4, _size(top_size), "#888"))
        out.append(_text(left + plot_w + 6, y(low_size) + 4, _size(low_size), "#888"))
        points = []
        stop = life.exited if life.exited is not None else end
        for i, (step, size) in enumerate(life.sizes):
            nxt = life.sizes[i + 1][0] if i + 1 < len(life.sizes) else stop
            points.append(f"{x(step):.1f},{y(size):.1f} {x(nxt):.1f},{y(size):.1f}")
        out.append(f'<polyline class="size" points="{" ".join(points)}" fill="none" '
                   f'stroke="#264653" stroke-width="2"/>')
        for step, reason, size in life.marks[:4000]:
            color = COLORS.get(reason, "#999")
            shape = "▲" if reason == "grow" else "▼" if reason == "shrink" else "●"
            out.append(f'<text class="mark {reason}" x="{x(step):.1f}" y="{y(size) - 3:.1f}" '
                       f'fill="{color}" text-anchor="middle">{shape}<title>{reason} to '
                       f'{_size(size)} at step {step:,}</title></text>')
    axis_y = 20 + row_h * len(lives) - 2
    out.extend(_x_axis(left, plot_w, axis_y, end))
    out.append(_text(left, height - 4, "▲ grow   ▼ shrink   (size on a log scale; x: steps)",
                     "#444"))
    out.append("</svg>")
    return "\n".join(out)


def inuse_svg(rec: Recorder) -> str:
    end = max(rec.last_step, 1)
    peak = max(v for _, v in rec.inuse) or 1
    width, left, plot_w, top, plot_h = 1000, 110, 820, 20, 160
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
    series = rec.inuse + [(end, rec.inuse[-1][1])]
    for i, (step, v) in enumerate(series[:-1]):
        points.append(f"{x(step):.1f},{y(v):.1f} {x(series[i + 1][0]):.1f},{y(v):.1f}")
    out.append(f'<polyline points="{" ".join(points)}" fill="none" stroke="#e07a5f" '
               f'stroke-width="2"/>')
    out.append(_text(left - 8, top + 10, _size(peak), anchor="end"))
    out.append(_text(left - 8, top + plot_h, "0", anchor="end"))
    out.extend(_x_axis(left, plot_w, top + plot_h + 16, end))
    out.append("</svg>")
    return "\n".join(out)


def _x_axis(left, plot_w, y, end) -> list:
    out = []
    for k in range(5):
        step = end * k // 4
        out.append(_text(left + plot_w * k / 4, y, f"{step:,}", "#666", anchor="middle"))
    return out


# ------------------------------------------------------------------ helpers


def _text(x, y, text, color="#222", anchor="start") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" fill="{color}" text-anchor="{anchor}">'
            f'{_e(text)}</text>')


def _e(value) -> str:
    return html.escape(str(value))


def _n(n) -> str:
    return f"{n:,}" if isinstance(n, int) else str(n)


def _size(n: int) -> str:
    for unit, scale in (("TB", 1 << 40), ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            v = n / scale
            return f"{v:.0f} {unit}" if v == int(v) else f"{v:.1f} {unit}"
    return f"{n} B"
