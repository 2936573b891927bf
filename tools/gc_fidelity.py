#!/usr/bin/env python3
"""How close gostack's escape decisions and frames are to gc's (issue 12).

For every golden tests/programs/**/NAME.go with recorded NAME.gc-m and
NAME.gc-S (tools/record_gc.py), it runs gostack's `build -m -S` (in
process, no Go needed) and compares:

* escape decisions as sets of (file, line, col, kind), kind one of
  "moved to heap", "escapes to heap", "does not escape", "leaking param",
  "leaking param content", "leaking closure reference" (gc's other -m
  lines, "devirtualizing ..." and the like, are not escape decisions):
  precision, recall and F1 overall, and recall per kind;
* frames, per main.* function gc lists: the share whose locals (frame
  size) and nosplit mark equal gc's, and whose locals are within 16 bytes.

Usage:  PYTHONPATH=. python3 tools/gc_fidelity.py
"""

import os
import re
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "tests", "programs")

KINDS = ("moved to heap", "escapes to heap", "does not escape", "leaking param content",
         "leaking param", "leaking closure reference")
DIAG = re.compile(r"^(?:\./)?(?P<file>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<msg>.*)$")
HEADER = re.compile(r"^(?P<name>\S+) STEXT(?P<flags>(?: \w+)*?)(?: size=\d+)? "
                    r"args=(?P<args>0x[0-9a-f]+) locals=(?P<locals>0x[0-9a-f]+)")


def kind_of(message: str):
    for kind in KINDS:
        if message.startswith(kind + ":") or message.endswith(" " + kind):
            return kind
    return None


def decisions(lines) -> set:
    out = set()
    for line in lines:
        m = DIAG.match(line)
        kind = kind_of(m.group("msg")) if m else None
        if kind is not None:
            out.add((os.path.basename(m.group("file")), int(m.group("line")),
                     int(m.group("col")), kind))
    return out


def frames(lines) -> dict:
    out = {}
    for line in lines:
        m = HEADER.match(line)
        if m:
            out[m.group("name")] = (int(m.group("locals"), 16), "nosplit" in m.group("flags"))
    return out


def goldens():
    out = []
    for dirpath, _dirs, files in os.walk(PROGRAMS):
        for f in files:
            stem = os.path.join(dirpath, f[:-3])
            if f.endswith(".go") and os.path.exists(stem + ".gc-m"):
                out.append(stem)
    return sorted(out)


def gostack_lines(stem: str):
    """gostack's -m and -S lines for one golden (None when it does not compile)."""
    from gostack.compiler.build import build_source
    from gostack.errors import CompileError
    with open(stem + ".go", encoding="utf-8") as handle:
        text = handle.read()
    name = os.path.basename(stem) + ".go"
    try:
        return (build_source(text, name, escapes=True),
                build_source(text, name, frames=True))
    except CompileError:
        return None


def read_lines(path):
    with open(path, encoding="utf-8") as handle:
        return handle.read().splitlines()


class Fidelity:
    """The figures over a set of goldens."""

    def __init__(self):
        self.tp = self.fp = self.fn = 0
        self.missed, self.extra, self.gc_kinds = Counter(), Counter(), Counter()
        self.functions = self.exact = self.within16 = self.nosplit_same = 0
        self.programs = self.failed = 0

    def add(self, stem, lines=None):
        lines = lines if lines is not None else gostack_lines(stem)
        self.programs += 1
        if lines is None:
            self.failed += 1
            return
        ours_m, ours_s = lines
        gc_m = decisions(read_lines(stem + ".gc-m"))
        got = decisions(ours_m)
        self.tp += len(gc_m & got)
        self.fp += len(got - gc_m)
        self.fn += len(gc_m - got)
        self.gc_kinds.update(d[3] for d in gc_m)
        self.missed.update(d[3] for d in gc_m - got)
        self.extra.update(d[3] for d in got - gc_m)
        ours = frames(ours_s)
        for name, (size, nosplit) in frames(read_lines(stem + ".gc-S")).items():
            if name not in ours:
                continue
            self.functions += 1
            mine, my_nosplit = ours[name]
            self.nosplit_same += my_nosplit == nosplit
            self.exact += mine == size and my_nosplit == nosplit
            self.within16 += abs(mine - size) <= 16

    @property
    def precision(self):
        return self.tp / max(self.tp + self.fp, 1)

    @property
    def recall(self):
        return self.tp / max(self.tp + self.fn, 1)

    @property
    def f1(self):
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def frames_exact(self):
        return self.exact / max(self.functions, 1)

    @property
    def frames_within16(self):
        return self.within16 / max(self.functions, 1)

    def table(self) -> str:
        rows = [f"programs {self.programs} (not compiled by gostack: {self.failed})",
                f"escape decisions: gc {self.tp + self.fn}, gostack {self.tp + self.fp}, "
                f"same {self.tp}",
                f"  precision {self.precision:.3f}  recall {self.recall:.3f}  "
                f"F1 {self.f1:.3f}   (target F1 >= 0.95)",
                "  by kind:  gc  missed  extra"]
        for kind in KINDS:
            rows.append(f"    {kind:26} {self.gc_kinds[kind]:5} {self.missed[kind]:6} "
                        f"{self.extra[kind]:6}")
        rows += [f"frames: {self.functions} main.* functions",
                 f"  locals and nosplit exact {self.exact} ({self.frames_exact:.1%})  "
                 f"locals within 16 bytes {self.within16} ({self.frames_within16:.1%})  "
                 f"nosplit same {self.nosplit_same}   (targets 80% exact, 95% within 16)"]
        return "\n".join(rows)


def measure(stems=None) -> Fidelity:
    fid = Fidelity()
    for stem in stems if stems is not None else goldens():
        fid.add(stem)
    return fid


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    print(measure().table())
