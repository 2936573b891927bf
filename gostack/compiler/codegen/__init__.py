"""codegen: checked Go functions -> Python blocks over real stack memory.

Go counterpart: cmd/compile's SSA back end and obj6.go's prologue, in
spirit.  Each Go function becomes a handful of Python functions ("blocks").
A block starts at a pc, runs straight-line Go code, and returns the pc of
the next block.  Blocks are split only where Go has a safepoint: at every
call (and at control flow that a call makes necessary).  Code without calls
(loops over arrays, arithmetic, ifs) stays native Python inside one block.

Registers and memory:

* `g.sp`, `g.bp`: the SP and BP registers of the running goroutine;
  `g.stackguard0` the guard the prologue compares with.  Blocks hold SP as
  `g.si`, its index in the q view, and compare it with `g.sgi`, the index of
  stackguard0 (runtime2.G keeps both; g.sp is derived from g.si): addresses
  are two-digit ints in CPython, and every operation on one allocates.
* Every Go variable lives in memory.  A block re-derives its frame from
  the registers on entry (`i = g.si`; `s0 = i << 3` is the byte offset of SP
  in the current stack's buffer) and indexes the stack's memoryviews (`q`
  for 8-byte words, `B` for bytes, ...).  Nothing in a host variable survives a block, so a
  stack copy at a call sees every value in memory.
* A call stores the arguments at SP+0..., pushes the return pc at SP-8 and
  returns the callee's entry pc.  The callee's entry block runs the prologue
  check for its frame-size class, allocates its frame, saves BP and links
  it.  A return pops the frame and returns the pc found in stack memory.

Code is generated twice per function: the first pass learns the frame size
(locals and temporaries are allocated as code is generated); the second
pass emits code with the final offsets of parameters, which sit above the
frame.  Addresses are written as tokens that link fills in (emit.py, blocks.py).

FuncGen, the generator of one function, is assembled here from one class per
concept, each in its own module and all sharing the state set up below:

    emit      blocks, lines and link's tokens         (EmitGen)
    frame     frame layout, stack maps, prologue      (FrameGen)
    memory    locations, loads and stores             (MemoryGen)
    data      strings, slices and maps                (DataGen)
    exprs     expressions                             (ExprGen)
    calls     calls and their arguments               (CallGen)
    builtin   print, panic, recover, new, ...         (BuiltinGen)
    chanops   go, channels, select, runtime calls     (ChanGen)
    control   if, for, switch, range, goto            (ControlGen)
    stmts     declarations, assignments, defer        (StmtGen)
"""

from __future__ import annotations

from dataclasses import dataclass

from ...profiles import PTR_SIZE, Profile
from .builtin import BuiltinGen
from .calls import CallGen
from .chanops import ChanGen
from ..symbols import FuncSym
from .control import ControlGen, LoopCtx
from .data import DataGen
from .emit import Block, CallSiteCode, EmitGen
from .exprs import ExprGen
from .frame import FrameGen, ParamLayout
from .memory import MemoryGen
from .stmts import StmtGen



@dataclass
class FuncCode:
    name: str
    fn: FuncSym
    blocks: list
    callsites: list
    frame_size: int
    out_size: int
    args_size: int
    params_size: int
    arg_ptrs: list
    param_words: list
    nosplit: bool
    leaf: bool
    local_ptrs: list
    max_call_depth_bytes: int = 0


class FuncGen(StmtGen, ControlGen, ChanGen, BuiltinGen, CallGen, ExprGen, DataGen, MemoryGen,
              FrameGen, EmitGen):
    """The generator of one function's blocks (its state; the methods are the concepts')."""

    def __init__(self, ctx, fn: FuncSym, frame_size: int | None):
        self.ctx = ctx
        self.fn = fn
        self.profile: Profile = ctx.profile
        self.layout = ParamLayout(fn.sig)
        self.final_frame = frame_size
        self.out_size = self._outgoing_size()
        self.locals_top = self.out_size
        self.blocks: list[Block] = []
        self.callsites: list[CallSiteCode] = []
        self.scopes: list[list] = [[]]          # live pointer slots per scope
        self.ptr_temps: list[int] = []
        self.all_ptrs: list[int] = []
        self.loops: list[LoopCtx] = []
        self.labels: dict = {}
        self.indent = 1
        self.python_loops = 0
        self.line = fn.decl.pos.line
        self.tmp_counter = 0
        self.var_loc: dict = {}
        self.nosplit = "go:nosplit" in fn.directives
        self.leaf = not fn.has_calls
        self.cur: Block = None
        self.regs = None            # sp offset -> (host name, size) inside a promoted loop
        self.reg_homes = []         # (stack slot, type) of each promoted local
        self.nilcheck_all = False   # inside &x: every pointer on x's path is nil-checked
        self.reg_dirty = set()
        self.ctxt_slot = None       # closures: the frame slot holding the context register
        self.dr_block = None        # functions with defers: the deferreturn block
        self.goto_blocks: dict = {} # goto label -> the block it starts
        self.capturing = 0          # inside capture(): lines may be moved, so no load cache
        self.param_cache: dict = {} # (sp offset, fmt) -> host name, for the current block
        self.ro_params = self._read_only_param_offsets()

    def generate(self) -> FuncCode:
        entry = self.new_block()
        self.start(entry)
        self.prologue()
        self.enter_params()
        body = self.fn.decl.get("body")
        self.block_stmts(body)
        if not self.cur.closed:
            self.line = self._closing_line()
            self.epilogue()
        if self.dr_block is not None:
            self.deferreturn()
        frame = self.computed_frame_size()
        return FuncCode(
            name=self.fn.qualname, fn=self.fn, blocks=self.blocks, callsites=self.callsites,
            frame_size=frame, out_size=self.out_size, args_size=self.layout.args_size,
            params_size=self.layout.params_size, arg_ptrs=self._arg_ptrs(),
            param_words=[max(1, t.size // PTR_SIZE) if t.size else 0 for t in self.fn.sig.params],
            nosplit=self.is_nosplit(frame), leaf=self.leaf, local_ptrs=sorted(set(self.all_ptrs)))

    def _closing_line(self):
        return self.ctx.closing_line(self.fn)


def generate_function(ctx, fn: FuncSym) -> FuncCode:
    """Two passes: learn the frame size, then emit with final offsets."""
    first = FuncGen(ctx, fn, None).generate()
    ctx.zeroing[fn] = bool(first.local_ptrs)
    second = FuncGen(ctx, fn, first.frame_size).generate()
    assert second.frame_size == first.frame_size, fn.name
    return second
