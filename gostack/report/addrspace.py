"""addrspace: the process address space of a run as one SVG, high addresses on top.

Go counterpart: none (Linux's /proc/PID/maps, which `--maps` prints).  The
mappings come from the end of the run; the goroutine stacks drawn inside the
Go heap arena are the ones live at a chosen moment (the peak of StackInuse),
from the events, so the picture shows the big stacks rather than the end.

Regions, as Linux and the Go linker lay them out: text (r-xp, the binary),
rodata (r--p, the binary), data and bss (rw-p after the binary), the Go heap
arena with the goroutine stacks, the mmap area with thread stacks and their
guard pages, [stack] (the main thread), [vvar] and [vdso] (pages the kernel
maps into every process) and [vsyscall] (the legacy kernel page at the top).
Gaps between regions are cut and drawn as a break with their size, since
128 TB cannot be drawn to scale; adjacent regions get no break.
"""

from __future__ import annotations

import math

from ..profiles import HEAP_ARENA_BASE
from .draw import COLORS, e, size_text, text

MAX_STACK_RECTS = 400      # more live stacks than this: drawn as one rect per pixel row

REGION_TITLES = {"text": "text", "rodata": "rodata (read-only data)",
                 "data": "data and bss", "heap": "Go heap arena",
                 "mmap": "mmap area", "stack": "[stack] main thread",
                 "kernel": "kernel pages", "guard": "guard", "gstack": "goroutine stacks"}


def classify(lo: int, perm: str, name: str) -> str:
    """The region kind of one mapping, from its name, permissions and place."""
    if name == "[stack]":
        return "stack"
    if name in ("[vvar]", "[vdso]", "[vsyscall]", "[vectors]"):
        return "kernel"
    if name.startswith("[guard") or perm.startswith("---"):
        return "guard"
    if name.startswith("[stack thread"):
        return "mmap"
    if name == "stack":
        return "gstack"
    if name == "[heap]" or HEAP_ARENA_BASE <= lo < 1 << 44:
        return "heap"
    if "x" in perm[:3]:
        return "text"
    if perm.startswith("r--"):
        return "rodata"
    if perm.startswith("rw") and lo < HEAP_ARENA_BASE:
        return "data"          # .data and .bss (an anonymous rw-p mapping after the binary)
    return "mmap"


def regions(mappings: list) -> list:
    """Adjacent mappings of one kind merged into a region: [kind, lo, hi, items]."""
    out: list = []
    for lo, hi, perm, name in sorted(mappings):
        kind = classify(lo, perm, name)
        group = "heap" if kind == "gstack" else "mmap" if kind == "guard" and lo >= 1 << 44 \
            else kind
        last = out[-1] if out else None
        if last and last[0] == group and (group in ("heap", "mmap") or last[2] >= lo):
            last[2] = max(last[2], hi)
            last[3].append((lo, hi, kind, name))
        else:
            out.append([group, lo, hi, [(lo, hi, kind, name)]])
    return out


def address_space_svg(mappings: list, live: list, moment: str = "") -> str:
    """live: (lo, hi, goid) of the goroutine stacks to draw inside the arena."""
    # A stack live at the moment may have been freed (and unmapped) by the end.
    mapped = {(lo, hi) for lo, hi, _, _ in mappings}
    regs = regions(list(mappings) + [(lo, hi, "rw-p", "stack") for lo, hi, _ in live
                                     if (lo, hi) not in mapped])
    if not regs:
        return "<p>(no mappings)</p>"
    width, bar_x, bar_w = 1000, 250, 300
    rows = []
    y = 20
    prev_lo = None
    for kind, lo, hi, items in reversed(regs):
        if prev_lo is not None and prev_lo > hi:
            y += 26                  # the cut gap between regions
        # Height grows with log2 of the size: a 4 KB page and an 8 MB stack both readable.
        h = max(28, min(140, int(12 * math.log2(max(hi - lo, 4096)) - 110)))
        rows.append((kind, lo, hi, items, y, h, prev_lo))
        y += h
        prev_lo = lo
    svg = [f'<svg id="address-space" width="{width}" height="{y + 20}" '
           f'viewBox="0 0 {width} {y + 20}" xmlns="http://www.w3.org/2000/svg">']
    for kind, lo, hi, items, top, h, above in rows:
        if above is not None and above > hi:
            mid = top - 13
            svg.append(f'<path d="M{bar_x} {mid - 4}' + ' l20 6 l20 -6' * (bar_w // 40) +
                       '" fill="none" stroke="#999"/>')
            svg.append(text(bar_x + bar_w + 12, mid + 4, gap_label(hi, above), "#888"))
        svg.append(f'<rect x="{bar_x}" y="{top}" width="{bar_w}" height="{h}" '
                   f'fill="{COLORS.get(kind, "#ddd")}" stroke="#333"/>')
        svg.append(text(bar_x - 10, top + 12, f"{hi:#014x}", anchor="end"))
        svg.append(text(bar_x - 10, top + h - 2, f"{lo:#014x}", anchor="end"))
        svg.append(text(bar_x + bar_w + 12, top + 16, region_label(kind, hi - lo, items)))
        if kind == "heap":
            svg.extend(_heap_inside(items, lo, hi, top, h, bar_x, bar_w, live))
        elif kind == "mmap":
            svg.extend(_threads_inside(items, lo, hi, top, h, bar_x, bar_w))
    svg.append("</svg>")
    note = f"<p>{e(moment)}</p>" if moment else ""
    return note + "\n".join(svg)


USER_TOP = 1 << 47               # the top of the user half of amd64's 48-bit space
KERNEL_BOTTOM = (1 << 64) - (1 << 47)


def gap_label(lo: int, hi: int) -> str:
    """The cut between two regions; above the user half, the non-canonical hole."""
    if lo <= USER_TOP and hi >= KERNEL_BOTTOM:
        return (f"not addressable: {size_text(hi - lo)}, mostly the non-canonical hole "
                f"between the user half (below {USER_TOP:#x}) and the kernel half")
    return f"unmapped gap, {size_text(hi - lo)}"


def region_label(kind: str, size: int, items: list) -> str:
    names = sorted({n for _, _, _, n in items if n and not n.startswith("[guard")})
    title = REGION_TITLES.get(kind, kind)
    if kind == "kernel":
        return f"{' '.join(names)}: kernel pages ({size_text(size)})"
    if kind in ("text", "rodata") and names:
        return f"{title}: {names[0].rsplit('/', 1)[-1]} ({size_text(size)})"
    return f"{title} ({size_text(size)})"


def _heap_inside(items, lo, hi, top, h, bar_x, bar_w, live) -> list:
    """Goroutine stacks (and heap spans) at their place inside the arena, to scale."""
    out = []
    span = hi - lo
    stacks = [(a, b, g) for a, b, g in live if lo <= a < hi]
    for a, b, kind, _ in items:
        if kind == "gstack":
            continue                 # drawn below from the live stacks of the moment
        y1, y2 = top + h - (b - lo) / span * h, top + h - (a - lo) / span * h
        out.append(f'<rect x="{bar_x + 8}" y="{y1:.2f}" width="{bar_w - 16}" '
                   f'height="{max(y2 - y1, 1.5):.2f}" fill="{COLORS[kind]}" stroke="none">'
                   f'<title>{e(kind)} [{a:#x}, {b:#x}) {size_text(b - a)}</title></rect>')
    if len(stacks) > MAX_STACK_RECTS:
        out.extend(_stack_rows(stacks, lo, span, top, h, bar_x, bar_w))
        stacks_drawn = []
    else:
        stacks_drawn = sorted(stacks)
    for a, b, g in stacks_drawn:
        y1, y2 = top + h - (b - lo) / span * h, top + h - (a - lo) / span * h
        out.append(f'<rect class="gstack" x="{bar_x + 8}" y="{y1:.2f}" width="{bar_w - 16}" '
                   f'height="{max(y2 - y1, 1.5):.2f}" fill="{COLORS["gstack"]}" stroke="none">'
                   f'<title>g{g}: [{a:#x}, {b:#x}) {size_text(b - a)}</title></rect>')
        if y2 - y1 >= 13:
            out.append(text(bar_x + 14, (y1 + y2) / 2 + 4, f"g{g}: {size_text(b - a)} stack",
                            "#fff"))
    if stacks:
        total = sum(b - a for a, b, _ in stacks)
        out.append(text(bar_x + bar_w + 12, top + 32,
                        f"{len(stacks)} live goroutine stack(s), {size_text(total)} (red)",
                        COLORS["gstack"]))
    return out


def _stack_rows(stacks, lo, span, top, h, bar_x, bar_w) -> list:
    """Thousands of stacks: one rect per pixel row of the arena, with how many it holds."""
    rows: dict = {}
    for a, b, _ in stacks:
        row = int(top + h - (a - lo) / span * h)
        count, size = rows.get(row, (0, 0))
        rows[row] = (count + 1, size + b - a)
    return [f'<rect class="gstack" x="{bar_x + 8}" y="{row - 1}" width="{bar_w - 16}" '
            f'height="1.5" fill="{COLORS["gstack"]}"><title>{count} stacks, '
            f'{size_text(size)}</title></rect>' for row, (count, size) in sorted(rows.items())]


def _threads_inside(items, lo, hi, top, h, bar_x, bar_w) -> list:
    out = []
    threads = [it for it in items if it[2] == "mmap"]
    guards = [it for it in items if it[2] == "guard"]
    if threads:
        out.append(text(bar_x + bar_w + 12, top + 32,
                        f"{len(threads)} thread stack(s), {len(guards)} guard page(s)", "#555"))
    span = hi - lo
    for a, b, kind, _ in items[:2000]:
        y1, y2 = top + h - (b - lo) / span * h, top + h - (a - lo) / span * h
        out.append(f'<rect x="{bar_x + 8}" y="{y1:.2f}" width="{bar_w - 16}" '
                   f'height="{max(y2 - y1, 1):.2f}" fill="{COLORS[kind]}" stroke="none"/>')
    if len(items) > 2000:
        out.append(text(bar_x + bar_w + 12, top + 46, f"(the first 2,000 of {len(items):,} "
                        "mappings drawn)", "#555"))
    return out
