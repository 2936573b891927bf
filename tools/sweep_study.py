"""The figures of docs/sweep-study.md from a sweep's rows.

    python tools/sweep_study.py results.csv docs/sweep-study.svg

prints the Markdown table (one row per policy, over the programs every
policy finished) and writes the plot: copies, bytes copied and summed peak
StackInuse per policy, as bars (gostack.report.sweep.bars_svg).
"""

from __future__ import annotations

import sys
from collections import Counter

from gostack.report.sweep import bars_svg, policies, totals
from gostack.sweep.results import read_rows


def complete(rows):
    """Only the programs that every policy ran (a stopped sweep leaves some half done)."""
    n = len({(r["settings"], r["profile"], r["stack_model"]) for r in rows})
    counts = Counter(r["program"] for r in rows)
    return [r for r in rows if counts[r["program"]] == n]


def main(csv_path: str, svg_path: str) -> None:
    rows = complete(read_rows(csv_path))
    groups = policies(rows)
    sums = {name: totals(groups[name]) for name in sorted(groups)}
    print(f"{len({r['program'] for r in rows})} programs, {len(groups)} policies\n")
    print("| policy | grows | shrinks | copies | bytes copied | peak StackInuse (sum) "
          "| largest stack > 2K | errors | output differs |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, s in sums.items():
        big = sum((r["max_stack"] or 0) > 2048 for r in groups[name])
        print(f"| {name} | {s['grows']:,} | {s['shrinks']:,} | {s['copies']:,} | "
              f"{s['bytes_copied']:,} | {s['stack_inuse_peak']:,} | {big} | {s['errors']} | "
              f"{s['differs']} |")
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="780" height="620">',
             "<style>text{font:12px sans-serif}</style>"]
    y = 0
    for column, label in (("copies", "stack copies"), ("bytes_copied", "bytes copied"),
                          ("stack_inuse_peak", "peak StackInuse, summed over programs")):
        parts.append(f'<text x="4" y="{y + 16}" font-weight="bold">{label}</text>')
        chart = bars_svg({n: s[column] for n, s in sums.items()}, label)
        parts.append(f'<g transform="translate(0,{y + 22})">{chart}</g>')
        y += 22 + len(sums) * 24 + 10 + 20
    parts[0] = f'<svg xmlns="http://www.w3.org/2000/svg" width="780" height="{y}">'
    parts.append("</svg>")
    with open(svg_path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts) + "\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
