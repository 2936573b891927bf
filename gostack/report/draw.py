"""draw: the small SVG and text helpers the report's pictures share.

Go counterpart: none.  Sizes are exact where they can be (2 KB, 16 MB) and
never negative: a caller that computes a negative size has a bug, which
size_text shows as such rather than as a huge number.
"""

from __future__ import annotations

import html

FONT = "12px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace"
COLORS = {"text": "#8fb8de", "rodata": "#a8c8e8", "data": "#b5d99c", "bss": "#d9e8a8",
          "heap": "#f2c57c", "gstack": "#e07a5f", "mmap": "#c3b1e1", "stack": "#81b29a",
          "guard": "#555555", "kernel": "#dddddd", "grow": "#2a9d8f", "shrink": "#e76f51",
          "forcemove": "#999999", "gc": "#6d597a", "preempt": "#f4a261"}


def text(x, y, label, color="#222", anchor="start") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" fill="{color}" text-anchor="{anchor}">'
            f'{e(label)}</text>')


def e(value) -> str:
    return html.escape(str(value))


def n(value) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def size_text(size: int) -> str:
    """2048 -> '2 KB', 2_700_000 -> '2.6 MB', 0 -> '0 B'; binary units, as Go's stacks."""
    if size < 0:
        return f"-{size_text(-size)} (negative!)"
    for unit, scale in (("EB", 1 << 60), ("PB", 1 << 50), ("TB", 1 << 40), ("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10)):
        if size >= scale:
            v = size / scale
            return f"{v:.0f} {unit}" if v == int(v) else f"{v:.1f} {unit}"
    return f"{size} B"
