"""build: compile only, and say what gc's -m and -S flags say.

Go counterpart: `go build -gcflags='-m -S -l' FILE.go`, i.e. cmd/compile's
escape-analysis diagnostics (escape.go's `(*batch).finish` and `paramTag`)
and the header line of each function's assembly listing.

* `-m`: one line per decision of gostack's escape analysis (escape.py
  records them as it makes them), in gc's words and at gc's positions:
  `./x.go:12:2: moved to heap: c`, `./x.go:7:8: leaking param: p`,
  `./x.go:14:7: func literal does not escape`, `... argument escapes to heap`.
* `-S`: one line per main.* function, `main.f STEXT [nosplit] args=0x10
  locals=0x18`: locals is the frame size (gc's `TEXT main.f(SB), $L-A`),
  args the size of the arguments and results.

Deliberate differences: there is no machine code, so no `size=` (and no
listing under the header); lines are sorted by position, where gc prints
them batch by batch in the order it analyses functions; `-l` (inlining
off) is accepted and changes nothing, as no inliner is modelled.
"""

from __future__ import annotations

import os
from ..profiles import get_profile
from .check import check_program
from .escape import analyze
from .link import link, synthesize_init
from .parse import parse_source


def build_source(text: str, path: str, escapes: bool = False, frames: bool = False,
                 profile: str = "go1.19") -> list[str]:
    """The lines `go build -gcflags=...` would print (CompileError if it does not build)."""
    checked = check_program(parse_source(text, path))
    synthesize_init(checked)
    analyze(checked)
    program = link(checked, get_profile(profile), {}, thread_model=False)
    lines = []
    if escapes:
        lines += escape_lines(checked.escape_decisions, path)
    if frames:
        lines += frame_lines(program)
    return lines


def escape_lines(decisions, path: str) -> list[str]:
    shown = gc_path(path)
    seen = sorted({(d.pos.line, d.pos.col, d.message()) for d in decisions})
    return [f"{shown}:{line}:{col}: {message}" for line, col, message in seen]


def frame_lines(program) -> list[str]:
    out = []
    for f in program.funcs:
        if not f.name.startswith("main."):
            continue
        nosplit = " nosplit" if f.nosplit else ""
        out.append(f"{f.name} STEXT{nosplit} args={f.args_size:#x} locals={f.frame_size:#x}")
    return out


def gc_path(path: str) -> str:
    """gc names a file given relative to the current directory ./x.go."""
    if os.path.isabs(path) or path.startswith(("./", "../")):
        return path
    return "./" + path
