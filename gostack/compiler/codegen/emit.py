"""emit: a function's code as blocks of Python lines, and the tokens link fills in.

Go counterpart: the Progs that cmd/compile's SSA back end hands to cmd/internal/obj
(a basic block of machine code ending in a jump or a call).  Here a block is a
Python function: it starts at a pc, runs straight-line Go code, and returns the
pc (or the block function) to run next.  Blocks end only where Go has a
safepoint: at every call, and at control flow that a call makes necessary.

A line is (indent, Python text, Go line).  Addresses are written as tokens that
link fills in (blocks.py): `@B3@` is the pc of block 3 (stored as a return address),
`@J3@` the block itself (a jump returns the next block's function),
`@F:main.f@` the entry block of a function, `@P:main.f@` its entry pc (go
statements), `@ENTRY@`/`@SELF@` this function's entry pc / entry block.

Deliberate difference: there is no register allocation or instruction
selection; a block keeps SP in the host variable `i` (see BLOCK_PROLOGUE).
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field


# A block's frame register: SP as an index into the q view, g.si (g.sp is derived
# from it; see runtime2.G).  Blocks compute with small ints only; the address
# form is made where a block needs one (blocks.py: `sp = g.base + (i << 3)`).
BLOCK_PROLOGUE = "i = g.si"
# After the prologue check the frame is allocated; the register is updated here
# (blocks.py drops this line when nothing in the block can look at it before it exits).
FRAME_SET = "g.si = i"


def set_sp(delta: int) -> str:
    """Move SP by delta bytes (a multiple of 8) at a block's exit."""
    return f"g.si = i {'+' if delta >= 0 else '-'} {abs(delta) // 8}"


@dataclass
class CallSiteCode:
    block: int
    line: int
    live_ptrs: tuple
    callee: str


@dataclass
class Block:
    index: int
    lines: list = field(default_factory=list)      # (indent, text, go line)
    closed: bool = False


class EmitGen:
    """FuncGen's emission: the current block, its lines and their indentation."""

    def new_block(self) -> Block:
        block = Block(len(self.blocks))
        self.blocks.append(block)
        return block

    def start(self, block: Block):
        self.cur = block
        self.param_cache = {}
        self.indent = 1
        if block.index != 0:
            self.emit(BLOCK_PROLOGUE)

    def emit(self, text: str):
        self.cur.lines.append((self.indent, text, self.line))

    def jump(self, block: Block):
        self.emit(f"return @J{block.index}@")

    def tmp(self) -> str:
        self.tmp_counter += 1
        return f"_t{self.tmp_counter}"

    @contextmanager
    def nested(self):
        self.indent += 1
        self.emit("pass")            # a Python block may end up with nothing else in it
        try:
            yield
        finally:
            self.indent -= 1

    @contextmanager
    def capture(self):
        """Collect the lines emitted inside, instead of adding them to the block."""
        saved = self.cur.lines
        self.cur.lines = []
        box = []
        self.capturing += 1
        try:
            yield box
        finally:
            self.capturing -= 1
            box.extend(self.cur.lines)
            self.cur.lines = saved

    def replay(self, lines, extra_indent=0):
        for indent, text, line in lines:
            self.cur.lines.append((indent + extra_indent, text, line))

    def mark_closed(self):
        if self.indent == 1:
            self.cur.closed = True
