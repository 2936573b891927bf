"""symtab: what the compiler hands the runtime (Go's funcdata, pclntab and text).

Go counterpart: runtime/symtab.go's _func (entry, frame size, args size,
stack maps) and the pc tables the linker writes.  A function here is a set of
*blocks*: Python functions generated from the Go source, each starting at a
pc.  A block runs straight-line Go code between safepoints (calls) and
returns the pc to run next, so the host keeps no per-call state: return
addresses are words in stack memory and the dispatch loop maps them back to
blocks.The frame layout these records describe is drawn once, in
gostack/compiler/codegen/frame.py (the compiler decides it; the runtime
reads it through FuncInfo and the call sites' stack maps).


`frame_size` includes the saved-BP slot and excludes the return address,
which is what Go's prologue compares ("$48-8" in assembly listings).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass
class FuncInfo:
    name: str                      # "main.f"
    entry: int = 0                 # pc of the entry block
    end: int = 0
    frame_size: int = 0
    args_size: int = 0             # params + results, word aligned
    params_size: int = 0
    arg_ptrs: list = field(default_factory=list)   # byte offsets from argp holding pointers
    param_words: list = field(default_factory=list)  # traceback: words per param
    nosplit: bool = False
    leaf: bool = False
    file: str = ""
    decl_line: int = 0
    out_size: int = 0
    local_ptrs: list = field(default_factory=list)  # every pointer slot (sp-relative)

    @property
    def has_bp(self) -> bool:
        return self.frame_size > 0


@dataclass
class CallSite:
    """The stack map and position of one call: what is live in the caller's frame."""

    ret_pc: int
    func: FuncInfo
    line: int
    live_ptrs: tuple       # sp-relative byte offsets of live pointer words in the caller
    callee: str = ""
    inlined: tuple = ()    # calls inlined here, innermost first: (function, file, line)


@dataclass
class Program:
    funcs: list                     # [FuncInfo] sorted by entry
    blocks: dict                    # pc -> block function
    callsites: dict                 # return pc -> CallSite
    block_lines: dict               # code object filename -> {python line: go line}
    block_func: dict                # pc -> FuncInfo
    goexit_pc: int = 0
    main_entry: int = 0
    data_base: int = 0
    data_size: int = 0
    text_base: int = 0
    text_end: int = 0
    source_path: str = ""
    sources: dict = field(default_factory=dict)    # function name -> generated Python

    def __post_init__(self):
        self._entries = [f.entry for f in self.funcs]

    def findfunc(self, pc: int):
        """The function whose text contains pc (Go's findfunc)."""
        index = bisect.bisect_right(self._entries, pc) - 1
        if index < 0:
            return None
        f = self.funcs[index]
        return f if pc < f.end else None
