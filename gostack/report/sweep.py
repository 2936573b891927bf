"""sweep: the summary page of `gostack sweep --html`, from the sweep's rows.

One self-contained page (inline SVG and CSS, no script, no network): a
table of totals per policy (profile, settings and stack model), bar charts
of copies, bytes copied and peak StackInuse per policy, the distribution
of the largest stack per run (a heat map: policies x powers of two), and
the failures (errors, and runs whose output differs from the goldens).
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict

BAR_COLOR = "#4a78b5"
FAIL_COLOR = "#c0392b"


def policy(row: dict) -> str:
    """A row's policy: what one bar stands for."""
    parts = [row["profile"], row["settings"] or "", row["stack_model"]]
    return " ".join(p for p in parts if p)


def policies(rows) -> dict[str, list]:
    """Rows grouped by policy, in first-seen order."""
    groups = defaultdict(list)
    for row in rows:
        groups[policy(row)].append(row)
    return dict(groups)


def totals(rows) -> dict:
    ok = [r for r in rows if not r["error"]]
    return {
        "runs": len(rows), "errors": len(rows) - len(ok),
        "differs": sum(r["same_as_expected"] is False for r in rows),
        "copies": sum(r["copies"] or 0 for r in ok),
        "bytes_copied": sum(r["bytes_copied"] or 0 for r in ok),
        "stack_inuse_peak": sum(r["stack_inuse_peak"] or 0 for r in ok),
        "grows": sum(r["grows"] or 0 for r in ok),
        "shrinks": sum(r["shrinks"] or 0 for r in ok),
    }


def render_summary(rows, title: str = "gostack sweep") -> str:
    groups = policies(rows)
    sums = {name: totals(group) for name, group in groups.items()}
    parts = [_head(title), f"<h1>{_e(title)}</h1>",
             f"<p>{len(rows)} runs, {len({r['program'] for r in rows})} programs, "
             f"{len(groups)} policies.</p>", "<h2>Totals per policy</h2>", _totals_table(sums)]
    for column, label in (("copies", "stack copies"), ("bytes_copied", "bytes copied"),
                          ("stack_inuse_peak", "peak StackInuse, summed over programs")):
        parts += [f"<h2>{label.capitalize()}</h2>",
                  bars_svg({name: s[column] for name, s in sums.items()}, label)]
    parts += ["<h2>Largest stack per run</h2>",
              "<p>Runs per policy whose biggest goroutine stack reached each size.</p>",
              max_stack_svg(groups), "<h2>Failures</h2>", _failures(rows), "</body></html>"]
    return "\n".join(parts) + "\n"


def bars_svg(values: dict[str, int], label: str, width: int = 760) -> str:
    """Horizontal bars, one per policy, labelled with the value."""
    left, bar_h, gap = 300, 18, 6
    top = max(values.values(), default=0) or 1
    h = len(values) * (bar_h + gap) + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h}" '
           f'role="img" aria-label="{_e(label)}">']
    for i, (name, value) in enumerate(values.items()):
        y = 5 + i * (bar_h + gap)
        w = round((width - left - 110) * value / top)
        out.append(_text(left - 6, y + 13, name, anchor="end"))
        out.append(f'<rect x="{left}" y="{y}" width="{max(w, 1)}" height="{bar_h}" '
                   f'fill="{BAR_COLOR}"/>')
        out.append(_text(left + w + 6, y + 13, f"{value:,}"))
    out.append("</svg>")
    return "\n".join(out)


def max_stack_svg(groups: dict[str, list], width: int = 760) -> str:
    """A heat map: a row per policy, a column per power-of-two stack size."""
    counts = {name: Counter(r["max_stack"] for r in rows if r["max_stack"])
              for name, rows in groups.items()}
    sizes = sorted({size for c in counts.values() for size in c})
    if not sizes:
        return "<p>No stacks.</p>"
    left, cell, head = 300, min(56, (width - 300) // len(sizes)), 22
    h = head + len(groups) * 22 + 4
    most = max(max(c.values(), default=0) for c in counts.values()) or 1
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + cell * len(sizes) + 4}" '
           f'height="{h}" role="img" aria-label="largest stack per run">']
    for j, size in enumerate(sizes):
        out.append(_text(left + j * cell + cell // 2, 14, _size(size), anchor="middle"))
    for i, (name, c) in enumerate(counts.items()):
        y = head + i * 22
        out.append(_text(left - 6, y + 14, name, anchor="end"))
        for j, size in enumerate(sizes):
            n = c.get(size, 0)
            shade = 0.08 + 0.92 * n / most if n else 0
            out.append(f'<rect x="{left + j * cell}" y="{y}" width="{cell - 2}" height="20" '
                       f'fill="{BAR_COLOR}" fill-opacity="{shade:.2f}" stroke="#ddd"/>')
            if n:
                color = "#fff" if shade > 0.5 else "#222"
                out.append(_text(left + j * cell + cell // 2, y + 14, str(n), color, "middle"))
    out.append("</svg>")
    return "\n".join(out)


def _totals_table(sums: dict) -> str:
    head = ("policy", "runs", "errors", "output differs", "grows", "shrinks", "copies",
            "bytes copied", "peak StackInuse (sum)")
    rows = ["<table><tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    for name, s in sums.items():
        cells = [name] + [f"{s[k]:,}" for k in ("runs", "errors", "differs", "grows", "shrinks",
                                                 "copies", "bytes_copied", "stack_inuse_peak")]
        rows.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in cells) + "</tr>")
    return "\n".join(rows + ["</table>"])


def _failures(rows) -> str:
    bad = [r for r in rows if r["error"] or r["same_as_expected"] is False]
    if not bad:
        return "<p>None: every run finished, and every run with goldens printed them.</p>"
    out = [f"<p>{len(bad)} runs.</p><table><tr><th>program</th><th>policy</th><th>exit</th>"
           "<th>what</th></tr>"]
    for r in bad:
        what = r["error"] or "stdout or exit code differs from the goldens"
        out.append(f"<tr><td>{_e(r['program'])}</td><td>{_e(policy(r))}</td>"
                   f"<td>{_e(r['exit_code'])}</td><td class=fail>{_e(what)}</td></tr>")
    return "\n".join(out + ["</table>"])


def _head(title: str) -> str:
    return ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
            f"<title>{_e(title)}</title><style>"
            "body{font:14px system-ui,sans-serif;margin:2em;color:#222}"
            "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;"
            "text-align:right}td:first-child,th:first-child{text-align:left}"
            f".fail{{color:{FAIL_COLOR};text-align:left}}svg text{{font:12px sans-serif}}"
            "</style></head><body>")


def _text(x, y, text, color="#222", anchor="start") -> str:
    return f'<text x="{x}" y="{y}" fill="{color}" text-anchor="{anchor}">{_e(text)}</text>'


def _e(value) -> str:
    return html.escape(str(value))


def _size(n: int) -> str:
    for unit, scale in (("M", 1 << 20), ("K", 1 << 10)):
        if n >= scale and n % scale == 0:
            return f"{n // scale}{unit}"
    return str(n)
