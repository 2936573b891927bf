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
frame.  Addresses are written as tokens that link.py fills in: `@B3@` is the pc
of block 3 (stored as a return address), `@J3@` the block itself (a jump
returns the next block's function), `@F:main.f@` the entry block of a
function, `@ENTRY@`/`@SELF@` this function's entry pc / entry block.
"""

from __future__ import annotations

import re
from contextlib import contextmanager
from dataclasses import dataclass, field

from ..errors import Unsupported
from ..profiles import MIN_LEGAL_POINTER, PTR_SIZE, Profile
from .. import types as T
from ..abi import LOOP_CHECK_EVERY, RUNTIME_CALLS
from ..runtime.arith import round_float32
from ..stdlib.registry import GoFunc
from .constants import go_bytes
from .methodsets import pointer_shaped
from .symbols import FuncSym, RuntimeFunc, Var
from .universe import BLOCKING
from .parse import Node

VIEW_INDEX = {8: "i", 4: "j4", 2: "j2", 1: "s0"}     # index base per access size
# memoryview format -> the host name of the current stack's view of that format
VIEW_NAMES = {"q": "q", "Q": "uq", "i": "i32", "I": "u32", "h": "i16", "H": "u16",
              "b": "i8", "B": "u8", "d": "f64", "f": "f32"}
# A block's frame register: SP as an index into the q view, g.si (g.sp is derived
# from it; see runtime2.G).  Blocks compute with small ints only; the address
# form is made where a block needs one (link.py: `sp = g.base + (i << 3)`).
BLOCK_PROLOGUE = "i = g.si"
# After the prologue check the frame is allocated; the register is updated here
# (link.py drops this line when nothing in the block can look at it before it exits).
FRAME_SET = "g.si = i"


def set_sp(delta: int) -> str:
    """Move SP by delta bytes (a multiple of 8) at a block's exit."""
    return f"g.si = i {'+' if delta >= 0 else '-'} {abs(delta) // 8}"


SELECT_SEND, SELECT_RECV = 0, 1
# A defer record (runtime._defer, reduced): the next older record, the deferred
# closure, the SP of the deferring frame and the pc of its deferreturn block.
DEFER_LINK, DEFER_FN, DEFER_SP, DEFER_PC = 0, 8, 16, 24
DEFER_RECORD_SIZE = 32


@dataclass
class Loc:
    """Where a value lives: sp-relative, absolute (global), or through a pointer."""

    space: str                       # "sp", "glob", "mem"
    off: int = 0
    base: str = ""                   # "mem": python expression of the base address
    terms: list = field(default_factory=list)   # [(python expr, byte multiplier)]

    def plus(self, off=0, term=None):
        terms = list(self.terms) + ([term] if term else [])
        return Loc(self.space, self.off + off, self.base, terms)


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


@dataclass
class LoopCtx:
    label: str
    kind: str                # "for" or "switch"
    native: bool
    python_depth: int        # python loop nesting at the loop (native loops)
    break_block: int = -1
    continue_block: int = -1
    post: object = None      # the post statement (for continue in native loops)


class ParamLayout:
    """Offsets of params and results from argp (ABI0: all on the stack)."""

    def __init__(self, sig: T.Signature):
        offset = 0
        self.params = []
        for t in sig.params:
            offset = T.align_up(offset, t.align)
            self.params.append(offset)
            offset += t.size
        self.params_size = T.align_up(offset, PTR_SIZE)
        offset = self.params_size
        self.results = []
        for t in sig.results:
            offset = T.align_up(offset, t.align)
            self.results.append(offset)
            offset += t.size
        self.args_size = T.align_up(offset, PTR_SIZE)


class FuncGen:
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

    # ------------------------------------------------------------ frame

    def _read_only_param_offsets(self) -> set:
        """Argument offsets of the 8-byte scalar parameters the function never assigns
        and whose address it never takes: their words cannot change while it runs
        (copystack adjusts only pointers, and only between blocks), so a block loads
        each at most once (param_load)."""
        assigned = _assigned_vars(self.fn.decl.get("body")) if self.fn.decl is not None else None
        if assigned is None:
            return set()
        return {self.arg_offset(k) for k, v in enumerate(self.fn.params)
                if v.kind == "param" and not v.addr_taken and not v.escapes and v.type is not None
                and v.type.is_scalar() and v.type.size == PTR_SIZE and v not in assigned}

    def _outgoing_size(self) -> int:
        size = 0
        for callee in self.fn.calls:
            size = max(size, ParamLayout(callee.sig).args_size)
        for sig in getattr(self.fn, "value_sigs", ()):
            size = max(size, ParamLayout(sig).args_size)
        return size

    @property
    def frame_size(self) -> int:
        if self.final_frame is not None:
            return self.final_frame
        return 0

    def computed_frame_size(self) -> int:
        body = T.align_up(self.locals_top, PTR_SIZE)
        if body == 0 and self.leaf:
            return 0
        return body + PTR_SIZE      # + saved BP

    def alloc(self, t: T.Type, pointer_live=True) -> int:
        """Reserve frame space for a value of type t; return its sp offset."""
        self.locals_top = T.align_up(self.locals_top, max(t.align, 1))
        offset = self.locals_top
        self.locals_top += max(t.size, 0)
        ptrs = [offset + p for p in t.ptr_offsets()]
        self.all_ptrs.extend(ptrs)
        return offset

    def alloc_temp(self, t: T.Type) -> int:
        offset = self.alloc(t)
        self.ptr_temps.extend(offset + p for p in t.ptr_offsets())
        return offset

    def declare_var(self, v: Var):
        """Give a local its home: a frame slot, or a slot holding its heap address."""
        if v.escapes:
            offset = self.alloc(T.Pointer(v.type))
            self.var_loc[v] = ("heap", offset)
            self.scopes[-1].append(offset)
        else:
            offset = self.alloc(v.type)
            self.var_loc[v] = ("stack", offset)
            # A captured variable may be read by its closure after its block ends.
            scope = self.scopes[0] if getattr(v, "captured", False) else self.scopes[-1]
            scope.extend(offset + p for p in v.type.ptr_offsets())
            if self.regs is not None and self.promotable(v):
                self.regs[offset] = (f"r{offset}", v.type.size)
        return self.var_loc[v]

    def arg_offset(self, index: int, result=False) -> int:
        base = self.frame_size + PTR_SIZE
        table = self.layout.results if result else self.layout.params
        return base + table[index]

    def live_ptrs(self) -> tuple:
        live = set(self.ptr_temps)
        for scope in self.scopes:
            live.update(scope)
        return tuple(sorted(live))

    # ------------------------------------------------------------ blocks and lines

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

    # ------------------------------------------------------------ function

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

    def _arg_ptrs(self):
        ptrs = []
        for t, off in zip(self.fn.sig.params, self.layout.params):
            ptrs.extend(off + p for p in t.ptr_offsets())
        return ptrs

    def is_nosplit(self, frame: int) -> bool:
        if self.nosplit:
            return True
        # amd64: small leaf functions are marked NOSPLIT automatically (obj6.go).
        return self.leaf and frame - (PTR_SIZE if frame else 0) < self.profile.stack_small

    def prologue(self):
        """Entry block: the stack check, frame allocation, BP save and frame zeroing."""
        self.line = self.fn.decl.pos.line
        frame = self.frame_size
        if self.ctx.forcemove:
            self.emit("if g.forcemove: FORCEMOVE(g, @ENTRY@)")
        if self.ctx.thread_model:
            # No split check on a fixed stack: the frame's lowest store is what
            # would hit the guard page (LOWWATER performs it and tracks commit).
            self.emit("_esp = g.sp")
            self.emit(f"if _esp - {frame} < g.lowsp: LOWWATER(g, _esp - {frame})")
        elif not self.is_nosplit(frame):
            self.emit_stack_check(frame)
        if frame:
            self.emit(f"i = g.si - {frame // 8}")
            self.emit(FRAME_SET)
            self.emit("_bp = g.bp")                 # (a return from this block restores it from here)
            self.emit(f"q[i + {(frame - 8) // 8}] = _bp")
            self.emit(f"g.bp = g.base + ((i + {(frame - 8) // 8}) << 3)")
            zero = frame - PTR_SIZE - self.out_size
            if zero > 0 and self.final_frame is not None and self.ctx.frame_needs_zeroing(self.fn):
                self.emit(f"u8[s0 + {self.out_size}:s0 + {frame - 8}] = Z{zero}")
                self.ctx.zeros.add(zero)
        else:
            self.emit("i = g.si")
        for k, v in enumerate(self.fn.results):
            if v.name:      # named results start as zero values; unnamed ones are always set
                self.zero(Loc("sp", self.arg_offset(k, result=True)), v.type)

    def emit_stack_check(self, frame: int):
        """The three prologue forms by frame size (Go's obj6.go stacksplit).

        System-stack code (`//go:systemstack`) compares with stackguard1 and
        calls morestackc: it may only run on g0 or gsignal, whose stackguard1
        is lo + StackGuard; on a goroutine stackguard1 is ~0 and it throws.
        """
        p = self.profile
        small = p.stack_small
        guard = "g.stackguard1" if "go:systemstack" in self.fn.directives else "g.stackguard0"
        if guard == "g.stackguard0" and frame <= p.stack_big:
            # SP <= stackguard0 compared in q-view words from the stack's base (g.sgi is
            # stackguard0's index, kept by runtime2.G): the same test on small ints.
            sub = (frame - small) // 8 if frame > small else 0
            cond = f"g.si - {sub} <= g.sgi" if sub else "g.si <= g.sgi"
            self.emit(f"if {cond}: return MORESTACK(g, @ENTRY@) or @SELF@")
            return
        self.emit("sp = g.sp")           # the address form: huge frames and system stacks
        if frame <= small:
            cond = f"sp <= {guard}"
        elif frame <= p.stack_big:
            cond = f"sp - {frame - small} <= {guard}"
        elif p.huge_frame_carry_check:
            cond = f"sp < {frame - small} or sp - {frame - small} <= {guard}"
        else:
            cond = (f"{guard} == STACK_PREEMPT or "
                    f"sp + {p.stack_guard} - {guard} <= {frame + p.stack_guard - small}")
        if guard == "g.stackguard1":
            self.emit(f"if {cond}: return MORESTACKC(g, @ENTRY@)")
        else:
            self.emit(f"if {cond}: return MORESTACK(g, @ENTRY@) or @SELF@")

    def enter_params(self):
        if getattr(self.fn, "captures", None):
            # The closure pointer arrives in the context register (DX in Go); keep it
            # in the frame, where stack maps see it and copystack adjusts it.
            self.ctxt_slot = self.alloc(T.Pointer(T.UINT8))
            self.scopes[0].append(self.ctxt_slot)
            self.emit(f"q[i + {self.ctxt_slot // 8}] = g.ctxt")
        for k, v in enumerate(self.fn.params):
            if v.escapes:
                kind, slot = self.declare_var(v)
                self.emit(f"_h = MALLOC({max(v.type.size, 1)}, {v.name!r}, {_ptrs(v.type)})")
                self.emit(f"MOVE(_h, sp + {self.arg_offset(k)}, {v.type.size})")
                self.emit(f"q[i + {slot // 8}] = _h")
            else:
                self.var_loc[v] = ("arg", k)
        for k, v in enumerate(self.fn.results):
            if v.escapes:
                kind, slot = self.declare_var(v)
                self.emit(f"q[i + {slot // 8}] = MALLOC({max(v.type.size, 1)}, {v.name!r}, "
                          f"{_ptrs(v.type)})")
            else:
                self.var_loc[v] = ("result", k)

    def epilogue(self):
        """Return: through deferreturn if the function defers, else straight out."""
        if getattr(self.fn, "has_defer", False):
            if self.dr_block is None:
                self.dr_block = self.new_block()
            self.emit(f"return @J{self.dr_block.index}@")
            return
        self.real_epilogue()

    def deferreturn(self):
        """The deferreturn block: run this frame's deferred calls (newest first), then return.

        Each deferred closure is called with this block as its return address,
        so the block runs once per record, and again after the last one.  A
        recovered panic also resumes here (at the deferring frame's SP).
        """
        block = self.dr_block
        self.start(block)
        self.line = self._closing_line()
        self.callsites.append(CallSiteCode(block.index, self.line, self.live_ptrs(), "runtime.deferreturn"))
        self.emit("_d = g.defer")
        self.emit(f"if _d and LD_q(_d + {DEFER_SP}) == sp:")
        with self.nested():
            self.emit(f"g.defer = LD_q(_d + {DEFER_LINK})")
            self.emit(f"_fv = LD_q(_d + {DEFER_FN})")
            self.emit("g.ctxt = _fv")
            self.emit(f"q[i - 1] = @B{block.index}@")
            self.emit(set_sp(-8))
            self.emit("return BLK[LD_q(_fv)]")
        self.real_epilogue()

    def stmt_defer_statement(self, node):
        """defer: bind the operands now, push a record {link, fn, sp, pc} on g.defer."""
        for var, expr in node.defer_binds:
            # The deferred closure reads these at the function's end: they stay live
            # (in every stack map) for the rest of the function, not just this block.
            saved, self.scopes[-1] = self.scopes[-1], self.scopes[0]
            self.declare_and_zero(var, zero=False)
            self.scopes[-1] = saved
            self.store_value(self.var_location(var), var.type, expr)
        fv = Loc("sp", self.alloc_temp(T.Pointer(T.UINT8)))
        self.store(fv, T.INT, self.value(node.defer_lit))
        if node.in_loop:
            rec = self.pin(f"MALLOC({DEFER_RECORD_SIZE}, 'defer', ())")
        else:
            rec = self.pin(f"sp + {self.alloc(T.Array(T.UINTPTR, DEFER_RECORD_SIZE // 8))}")
        if self.dr_block is None:
            self.dr_block = self.new_block()
        self.emit(f"ST_q({rec} + {DEFER_LINK}, g.defer)")
        self.emit(f"ST_q({rec} + {DEFER_FN}, {self.load(fv, T.INT)})")
        self.emit(f"ST_q({rec} + {DEFER_SP}, sp)")
        self.emit(f"ST_q({rec} + {DEFER_PC}, @B{self.dr_block.index}@)")
        self.emit(f"g.defer = {rec}")

    def real_epilogue(self):
        """Copy escaped named results home, pop the frame, return through memory."""
        for k, v in enumerate(self.fn.results):
            if v.escapes:
                self.copy(Loc("sp", self.arg_offset(k, result=True)), self.var_location(v), v.type)
        frame = self.frame_size
        if frame and self.cur.index == 0:
            # Still in the entry block: the saved BP is the value the prologue stored,
            # which nothing between can have changed (no safepoint, no stack move).
            self.emit("g.bp = _bp")
        elif frame:
            self.emit(f"g.bp = q[i + {(frame - 8) // 8}]")
        self.emit(set_sp(frame + 8))
        self.emit(f"return BLK[q[i + {frame // 8}]]")

    # ------------------------------------------------------------ statements

    def block_stmts(self, node: Node):
        stmts = node.children[0].children if node.children and node.children[0].type == "statement_list" \
            else node.children
        self.scopes.append([])
        for s in stmts:
            if self.cur.closed:
                self.start(self.new_block())     # unreachable code after return/jump
            self.stmt(s)
        self.scopes.pop()

    def stmt(self, node: Node):
        self.line = node.pos.line
        native = self.ctx.nativable(node)
        if native and self.python_loops == 0 and node.type != "for_statement" \
                and self.ctx.has_loop(node):
            native = False      # the loop inside must start a block: see preemptible_loop
        if not native and node.type in ("if_statement", "for_statement",
                                        "expression_switch_statement", "labeled_statement"):
            getattr(self, f"cfg_{node.type}")(node)
            return
        getattr(self, f"stmt_{node.type}")(node)

    def stmt_empty_statement(self, node):
        pass

    def stmt_const_declaration(self, node):
        pass            # constants were folded by the checker

    def stmt_type_declaration(self, node):
        pass            # a local type exists only in the checker

    def stmt_block(self, node):
        self.block_stmts(node)

    def stmt_statement_list(self, node):
        for s in node.children:
            self.stmt(s)

    def stmt_expression_statement(self, node):
        expr = node.children[0]
        while expr.type == "parenthesized_expression":
            expr = expr.children[0]
        if getattr(expr, "recv", False):
            self.receive(expr)
            return
        if getattr(expr, "builtin", None) or isinstance(getattr(expr, "callee", None), RuntimeFunc):
            self.builtin_call(expr, want_value=False)
        else:
            self.call(expr)

    def stmt_var_declaration(self, node):
        for spec in node.children:
            specs = spec.children if spec.type == "var_spec_list" else [spec]
            for s in specs:
                if s.type != "var_spec":
                    continue
                value = s.get("value")
                values = value.children if value is not None else []
                self.define(s.targets, values)

    def stmt_short_var_declaration(self, node):
        values = node.get("right").children
        lefts = node.get("left").children
        fresh = [v for n, v in zip(lefts, node.targets) if n.sym is v and v not in self.var_loc]
        self.define(node.targets, values, fresh=set(fresh))

    def define(self, targets, values, fresh=None):
        """var / := : evaluate the values, then give new variables their homes."""
        if fresh is None:
            fresh = set(targets)
        if not values:
            for v in targets:
                self.declare_and_zero(v)
            return
        if len(values) == 1 and len(targets) > 1:
            results = self.call(values[0])
            for v, loc, t in zip(targets, results, values[0].ty.types):
                if v in fresh:
                    self.declare_and_zero(v, zero=False)
                if v.name != "_":
                    self.copy(self.var_location(v), loc, t)
            return
        staged = self.stage_values(values, [v.type for v in targets])
        for v, (kind, val), value in zip(targets, staged, values):
            if v in fresh:
                self.declare_and_zero(v, zero=False)
            if v.name == "_":
                continue
            self.store_staged(self.var_location(v), v.type, kind, val)

    def declare_and_zero(self, v: Var, zero=True):
        if v.name == "_" and not v.escapes:
            return
        kind, slot = self.declare_var(v)
        if kind == "heap":
            self.emit(f"q[i + {slot // 8}] = MALLOC({max(v.type.size, 1)}, {v.name!r}, "
                      f"{_ptrs(v.type)})")
        elif zero:
            self.zero(Loc("sp", slot), v.type)

    def stage_values(self, values, types):
        """Evaluate right-hand sides first (Go's two-phase assignment)."""
        staged = []
        for k, (value, t) in enumerate(zip(values, types)):
            later_calls = any(self.ctx.has_call(v) for v in values[k + 1:])
            vt = t if t is not None else value.ty
            if vt is not None and not isinstance(vt, T.Tuple) and not vt.is_scalar():
                t = vt
                addr = self.agg_addr(value)
                if later_calls or len(values) > 1:
                    tmp = self.alloc_temp(t)
                    self.copy_addr(f"(sp + {tmp})", addr, t.size)
                    addr = f"(sp + {tmp})"
                staged.append(("agg", addr))
                continue
            expr = self.value(value, t)
            if later_calls:
                expr = self.spill(expr, t or value.ty)
            elif len(values) > 1:
                name = self.tmp()
                self.emit(f"{name} = {expr}")
                expr = name
            staged.append(("val", expr))
        return staged

    def store_staged(self, loc, t, kind, val):
        if kind == "agg":
            self.copy_addr(self.addr_of_loc(loc), val, t.size)
        else:
            self.store(loc, t, val)

    def stmt_assignment_statement(self, node):
        lefts = node.get("left").children
        values = node.get("right").children
        if node.op != "=":
            self.op_assign(lefts[0], node.op[:-1], values[0], node)
            return
        if len(values) == 1 and len(lefts) > 1:
            results = self.call(values[0])
            temps = []
            for loc, t in zip(results, values[0].ty.types):
                tmp = self.alloc_temp(t)
                self.copy(Loc("sp", tmp), loc, t)
                temps.append(Loc("sp", tmp))
            # Phase one: every left side's pointers and indexes, before any store.
            targets = [self.assign_target(left) for left in lefts]
            for target, loc, t in zip(targets, temps, values[0].ty.types):
                if isinstance(target, tuple):
                    self.map_store(target, "val" if t.is_scalar() else "agg",
                                   self.load(loc, t) if t.is_scalar() else self.addr_of_loc(loc))
                elif target is not None:
                    self.copy(target, loc, t)
            return
        staged = self.stage_values(values, [l.ty for l in lefts])
        # Phase one evaluates the index operands of every left side, phase two stores.
        locs = [self.assign_target(l) for l in lefts]
        for left, loc, (kind, val) in zip(lefts, locs, staged):
            if isinstance(loc, tuple):
                self.map_store(loc, kind, val)
            elif loc is not None:
                self.store_staged(loc, left.ty, kind, val)

    def assign_target(self, left):
        if left.ty is None:
            return None
        if _is_map_index(left):
            return self.map_slot(_strip_parens(left))
        return self.stable(self.lvalue(left))

    def op_assign(self, left, op, value, node):
        if _is_map_index(left):
            slot = self.map_slot(_strip_parens(left))
            _, m, k_loc, mt = slot
            k, _ = self.map_key(_LocNode(k_loc, mt.key), mt.key)
            cur = Loc("sp", self.alloc_temp(mt.elem))
            self.emit(f"MAPACCESS({m}, {k}, sp + {cur.off}, {mt.elem.size})")
            if T.is_string(left.ty):
                new = self.concat_values(_LocNode(cur, left.ty), value)
                self.map_store(slot, "agg", self.addr_of_loc(new))
                return
            rhs = self.value(value, left.ty)
            self.map_store(slot, "val", self.arith(op, self.load(cur, left.ty), rhs, left.ty, value))
            return
        if T.is_string(left.ty):
            loc = self.stable(self.lvalue(left))
            new = self.concat_values(_LocNode(loc, left.ty), value)
            self.copy_addr(self.addr_of_loc(self.stable(self.lvalue(left))), self.addr_of_loc(new), 16)
            return
        loc = self.stable(self.lvalue(left))
        rhs = self.value(value, left.ty)
        if self.ctx.has_call(value):
            loc = self.stable(self.lvalue(left))
        current = self.load(loc, left.ty)
        self.store(loc, left.ty, self.arith(op, current, rhs, left.ty, value))

    def stable(self, loc: Loc) -> Loc:
        """Pin dynamic parts of a location in host temps (evaluated once)."""
        if loc.space == "mem" and not loc.base.isidentifier():
            name = self.tmp()
            self.emit(f"{name} = {loc.base}")
            loc = Loc("mem", loc.off, name, loc.terms)
        return loc

    def stmt_inc_statement(self, node):
        target = node.children[0]
        if _is_map_index(target):
            one = Node("int_literal", node.pos, "1")
            one.ty, one.const = target.ty, 1.0 if target.ty.under.is_float() else 1
            self.op_assign(target, "+" if node.op == "++" else "-", one, node)
            return
        loc = self.stable(self.lvalue(target))
        t = target.ty
        one = "1.0" if t.under.is_float() else "1"
        op = "+" if node.op == "++" else "-"
        self.store(loc, t, self.wrap(f"{self.load(loc, t)} {op} {one}", t))

    stmt_dec_statement = stmt_inc_statement

    def stmt_return_statement(self, node):
        values = node.children[0].children if node.children else []
        fn = self.fn
        if len(values) == 1 and len(fn.results) > 1:
            results = self.call(values[0])
            for k, (loc, t) in enumerate(zip(results, values[0].ty.types)):
                self.copy(Loc("sp", self.arg_offset(k, result=True)), loc, t)
        elif values:
            staged = self.stage_values(values, fn.sig.results)
            for k, ((kind, val), t) in enumerate(zip(staged, fn.sig.results)):
                target = self.result_location(k)
                self.store_staged(target, t, kind, val)
        self.epilogue()
        if self.indent == 1:
            self.cur.closed = True

    def result_location(self, k):
        v = self.fn.results[k]
        if v.escapes:
            return self.var_location(v)
        return Loc("sp", self.arg_offset(k, result=True))

    # ---- native structured statements

    def stmt_if_statement(self, node):
        self.scopes.append([])
        if node.get("initializer") is not None:
            self.stmt(node.get("initializer"))
        cond = self.value(node.get("condition"), T.BOOL)
        self.emit(f"if {cond}:")
        with self.nested():
            self.emit("pass")
            self.block_stmts(node.get("consequence"))
        alt = node.get("alternative")
        if alt is not None:
            self.emit("else:")
            with self.nested():
                self.emit("pass")
                if alt.type == "block":
                    self.block_stmts(alt)
                else:
                    self.stmt(alt)
        self.scopes.pop()

    def stmt_for_statement(self, node):
        if getattr(node, "range_kind", None) is not None:
            return self.range_loop(node, native=True)
        self.scopes.append([])
        clause = node.clause
        if clause is not None and clause.get("initializer") is not None:
            self.stmt(clause.get("initializer"))
        if self.python_loops == 0 and self.regs is None:
            self.preemptible_loop(node)
        else:
            self.native_loop(node, None)
        self.scopes.pop()

    def native_loop(self, node, head):
        """`while True:` with the condition, the body and the post statement."""
        clause = node.clause
        post = clause.get("update") if clause is not None else None
        label = getattr(node, "label", "")
        self.loops.append(LoopCtx(label, "for", True, self.python_loops + 1, post=post))
        self.emit("while True:")
        self.python_loops += 1
        with self.nested():
            self.emit("_k += 1")
            self.loop_check(head)
            if node.cond is not None:
                self.line = node.cond.pos.line
                cond = self.value(node.cond, T.BOOL)
                self.emit(f"if not ({cond}): break")
            self.block_stmts(node.get("body"))
            if post is not None:
                self.stmt(post)
        self.python_loops -= 1
        self.loops.pop()

    def loop_check(self, head):
        """Every LOOP_CHECK_EVERY iterations the host limits are checked (LOOPCHECK).

        The outermost native loop (head: the block it begins) may also stop
        there, at the top of an iteration, when the machine asks it to (an
        async preemption, or the host turning to another P): its registers
        go back to memory and the goroutine resumes at the head block later.
        An inner loop cannot stop; LOOPCHECK makes it check every iteration
        until the outer loop comes round.
        """
        if head is None:
            self.emit(f"if _k >= {LOOP_CHECK_EVERY}: _k = LOOPCHECK(g, _k)")
            return
        self.emit(f"if _k >= {LOOP_CHECK_EVERY}:")
        with self.nested():
            self.emit("_k = LOOPCHECK(g, _k)")
            self.emit("if _k:")
            with self.nested():
                self.spill_registers()
                self.emit(f"return LOOPSTOP(g, @J{head.index}@, @B{head.index}@)")

    def preemptible_loop(self, node):
        """An outermost loop without calls begins a block and keeps its scalar
        locals in host variables.

        Between safepoints Go keeps values in registers; a native loop has no
        safepoint inside, so locals whose address is never taken are loaded
        into host variables at its head and written back after it.  (A panic
        inside leaves memory stale, which only traceback argument words show.)
        Beginning a block gives the loop a pc to stop and resume at: Go 1.14+
        preempts such a loop asynchronously (a loop with no call starves the
        others before that, as it does here under go1.10).
        """
        head = self.new_block()
        self.jump(head)
        self.start(head)
        self.regs, self.reg_dirty, self.reg_homes = {}, set(), []
        for v in self.promotable_vars(node):
            home = self.var_loc.get(v)
            if home is not None and home[0] in ("stack", "arg"):
                loc = self.var_location(v)
                value = self.load(loc, v.type)
                name = f"r{loc.off}"
                self.emit(f"{name} = {value}")
                self.regs[loc.off] = (name, v.type.size)
                self.reg_homes.append((loc, v.type))
        try:
            self.native_loop(node, head)
        finally:
            regs, dirty = self.regs, self.reg_dirty
            self.regs = None
        for loc, t in self.reg_homes:
            if loc.off in dirty:
                self.store(loc, t, regs[loc.off][0])

    def spill_registers(self):
        """Write every promoted local back to its stack slot (the loop stops here)."""
        regs, self.regs = self.regs, None
        try:
            for loc, t in self.reg_homes:
                self.store(loc, t, regs[loc.off][0])
        finally:
            self.regs = regs

    def promotable_vars(self, node) -> list:
        found = []
        seen = set()

        def walk(n):
            sym = n.sym if n.type == "identifier" else None
            if isinstance(sym, Var) and sym not in seen and self.promotable(sym):
                seen.add(sym)
                found.append(sym)
            for c in n.children:
                walk(c)
        walk(node)
        return found

    @staticmethod
    def promotable(v: Var) -> bool:
        return (v.kind in ("local", "param") and not v.addr_taken and not v.escapes
                and v.type is not None and v.type.is_scalar())

    def switch_init(self, node):
        """A switch opens a scope and runs its init statement first (both forms)."""
        self.scopes.append([])
        if node.get("initializer") is not None:
            self.stmt(node.get("initializer"))

    def stmt_expression_switch_statement(self, node):
        self.switch_init(node)
        tag_node = node.get("value")
        tag = None
        if tag_node is not None:
            tag = self.tmp()
            if tag_node.ty.is_scalar():
                self.emit(f"{tag} = {self.value(tag_node)}")
            else:
                self.emit(f"{tag} = {self.agg_addr(tag_node)}")
        cases = [c for c in node.children if c.type in ("expression_case", "default_case")]
        self.loops.append(LoopCtx(getattr(node, "label", ""), "switch", True, self.python_loops))
        saved_indent, first = self.indent, True
        for case in cases:
            if case.type == "default_case":
                continue
            with self.capture() as pre:
                conds = [self.case_cond(tag, tag_node, v) for v in case.get("value").children]
            shift = 0
            if pre and not first:
                # Case values with statements of their own: nest, so they run only if reached.
                self.emit("else:")
                self.indent += 1
                shift = 1
                self.emit("pass")
                first = True
            self.replay(pre, shift)
            self.emit(f"{'if' if first else 'elif'} {' or '.join(conds)}:")
            first = False
            with self.nested():
                self.emit("pass")
                self.case_body(case)
        default = next((c for c in cases if c.type == "default_case"), None)
        if default is not None:
            self.emit("if True:" if first else "else:")
            with self.nested():
                self.emit("pass")
                self.case_body(default)
        self.indent = saved_indent
        self.loops.pop()
        self.scopes.pop()

    def stmt_type_switch_statement(self, node):
        """switch v := x.(type): test the clauses in order, default last; always blocks."""
        self.switch_init(node)
        x = node.subject
        subj = Loc("sp", self.alloc_temp(x.ty))
        self.copy_addr(f"(sp + {subj.off})", self.agg_addr(x), 16)
        tab = self.pin(self.load(subj, T.INT))
        bodies = [self.new_block() for _ in node.clauses]
        end = self.new_block()
        default = None
        for (case, types, var), body in zip(node.clauses, bodies):
            if case.type == "default_case":
                default = body
                continue
            conds = []
            for t in types:
                if t is None:
                    conds.append(f"{tab} == 0")
                elif isinstance(t.under, T.Interface):
                    conds.append(f"IFACE_CAN({tab}, {tuple(sorted(t.under.methods))!r})")
                else:
                    conds.append(f"{tab} == {self.ctx.type_desc_token(t)}")
            self.emit(f"if {' or '.join(conds)}: return @J{body.index}@")
        self.jump(default if default is not None else end)
        ctx = LoopCtx(getattr(node, "label", ""), "switch", False, self.python_loops, break_block=end.index)
        self.loops.append(ctx)
        for (case, types, var), body in zip(node.clauses, bodies):
            self.start(body)
            self.scopes.append([])
            if var is not None and var.name != "_":
                self.declare_and_zero(var, zero=False)
                single = types[0] if len(types) == 1 else None
                if single is None or isinstance(single.under, T.Interface):
                    self.copy(self.var_location(var), subj, var.type)
                else:
                    self.unbox(self.var_location(var), single, self.pin(self.load(subj.plus(8), T.INT)))
            self.case_body(case)
            self.scopes.pop()
            if not self.cur.closed:
                self.jump(end)
        self.loops.pop()
        self.start(end)
        self.scopes.pop()

    def case_cond(self, tag, tag_node, value):
        if tag is None:
            return f"({self.value(value, T.BOOL)})"
        t = tag_node.ty
        v = self.value(value, t)
        if t.is_scalar():
            return f"({tag} == {v})"
        return f"({self.equal_addrs(tag, self.agg_addr(value), t)})"

    def case_body(self, case):
        self.scopes.append([])
        for s in case.children:
            if s.type == "statement_list":
                for st in s.children:
                    self.stmt(st)
        self.scopes.pop()

    def stmt_labeled_statement(self, node):
        inner = [c for c in node.children if c.type != "label_name"]
        for s in inner:
            s.label = node.get("label").text
            self.stmt(s)

    def stmt_break_statement(self, node):
        target = self.branch_target(node, "break")
        if target.native:
            self.emit("break")
        else:
            self.emit(f"return @J{target.break_block}@")
            self.mark_closed()

    def stmt_continue_statement(self, node):
        target = self.branch_target(node, "continue")
        if target.native:
            self.emit_post(target.post)
            self.emit("continue")
        else:
            self.emit(f"return @J{target.continue_block}@")
            self.mark_closed()

    def stmt_fallthrough_statement(self, node):
        target = self.loops[-1]
        self.emit(f"return @J{target.fallthrough_block}@")
        self.mark_closed()

    def emit_post(self, post):
        """A loop's post statement: a Go statement, or code a range loop emits."""
        if callable(post):
            post()
        elif post is not None:
            self.stmt(post)

    def mark_closed(self):
        if self.indent == 1:
            self.cur.closed = True

    def branch_target(self, node, kind) -> LoopCtx:
        label = node.children[0].text if node.children else None
        for ctx in reversed(self.loops):
            if label is not None:
                if ctx.label == label:
                    return ctx
            elif kind == "break" or ctx.kind == "for":
                return ctx
        raise Unsupported(node.pos, f"{kind} outside a loop")

    # ---- control flow lowered to blocks (statements that contain calls)

    def cfg_labeled_statement(self, node):
        if getattr(node, "goto_target", False):
            block = self.label_block(node.get("label").text)
            if not self.cur.closed:
                self.jump(block)
            self.start(block)
        self.stmt_labeled_statement(node)

    def label_block(self, label: str) -> Block:
        """The block a goto label starts (made at the first goto or at the label)."""
        block = self.goto_blocks.get(label)
        if block is None:
            block = self.goto_blocks[label] = self.new_block()
        return block

    def stmt_goto_statement(self, node):
        self.emit(f"return @J{self.label_block(node.goto_label).index}@")
        self.mark_closed()

    def cfg_if_statement(self, node):
        self.scopes.append([])
        if node.get("initializer") is not None:
            self.stmt(node.get("initializer"))
        cond = self.value(node.get("condition"), T.BOOL)
        alt = node.get("alternative")
        else_block = self.new_block()
        join = self.new_block()
        self.emit(f"if not ({cond}): return @J{else_block.index}@")
        self.block_stmts(node.get("consequence"))
        if not self.cur.closed:
            self.jump(join)
        self.start(else_block)
        if alt is not None:
            if alt.type == "block":
                self.block_stmts(alt)
            else:
                self.stmt(alt)
        if not self.cur.closed:
            self.jump(join)
        self.start(join)
        self.scopes.pop()

    def cfg_for_statement(self, node):
        if getattr(node, "range_chan", None) is not None:
            return self.cfg_range_channel(node)
        if getattr(node, "range_kind", None) is not None:
            return self.range_loop(node, native=False)
        self.scopes.append([])
        clause = node.clause
        if clause is not None and clause.get("initializer") is not None:
            self.stmt(clause.get("initializer"))
        post = clause.get("update") if clause is not None else None
        head, post_block, exit_block = self.new_block(), self.new_block(), self.new_block()
        self.jump(head)
        self.start(head)
        if node.cond is not None:
            self.line = node.cond.pos.line
            cond = self.value(node.cond, T.BOOL)
            self.emit(f"if not ({cond}): return @J{exit_block.index}@")
        self.cfg_loop_body(node, exit_block, post_block)
        self.start(post_block)
        if post is not None:
            self.stmt(post)
        self.jump(head)
        self.start(exit_block)
        self.scopes.pop()

    def cfg_loop_body(self, node, exit_block: Block, next_block: Block):
        """The body of a loop lowered to blocks: break exits, continue goes to next_block."""
        ctx = LoopCtx(getattr(node, "label", ""), "for", False, self.python_loops,
                      break_block=exit_block.index, continue_block=next_block.index)
        self.loops.append(ctx)
        saved_loops, self.python_loops = self.python_loops, 0
        self.block_stmts(node.get("body"))
        self.python_loops = saved_loops
        self.loops.pop()
        if not self.cur.closed:
            self.jump(next_block)

    def cfg_expression_switch_statement(self, node):
        self.switch_init(node)
        tag_node = node.get("value")
        tag = None
        if tag_node is not None:
            t = tag_node.ty
            tmp = self.alloc_temp(t)
            if t.is_scalar():
                self.store(Loc("sp", tmp), t, self.value(tag_node))
            else:
                self.copy_addr(f"(sp + {tmp})", self.agg_addr(tag_node), t.size)
            tag = Loc("sp", tmp)
        cases = [c for c in node.children if c.type in ("expression_case", "default_case")]
        bodies = [self.new_block() for _ in cases]
        end = self.new_block()
        for case, body in zip(cases, bodies):
            if case.type == "default_case":
                continue
            for value in case.get("value").children:
                if tag is None:
                    cond = self.value(value, T.BOOL)
                elif tag_node.ty.is_scalar():
                    cond = f"{self.load(tag, tag_node.ty)} == {self.value(value, tag_node.ty)}"
                else:
                    cond = self.equal_addrs(f"(sp + {tag.off})", self.agg_addr(value), tag_node.ty)
                self.emit(f"if {cond}: return @J{body.index}@")
        default = next((b for c, b in zip(cases, bodies) if c.type == "default_case"), None)
        self.jump(default if default is not None else end)
        ctx = LoopCtx(getattr(node, "label", ""), "switch", False, self.python_loops,
                      break_block=end.index)
        self.loops.append(ctx)
        for k, (case, body) in enumerate(zip(cases, bodies)):
            self.start(body)
            ctx.fallthrough_block = bodies[k + 1].index if k + 1 < len(bodies) else end.index
            self.case_body(case)
            if not self.cur.closed:
                self.jump(end)
        self.loops.pop()
        self.start(end)
        self.scopes.pop()

    # ------------------------------------------------------------ calls

    def call(self, node: Node) -> list:
        """Emit a Go call; return the locations of its results (in the outgoing area)."""
        while node.type == "parenthesized_expression":
            node = node.children[0]
        if getattr(node, "recv", False):
            return self.receive(node, comma_ok=getattr(node, "comma_ok", False))
        if node.type == "index_expression" and node.index_kind == "map":
            return self.map_index(node, comma_ok=getattr(node, "comma_ok", False))
        if node.type == "type_assertion_expression":
            return self.type_assert(node, comma_ok=getattr(node, "comma_ok", False))
        callee = getattr(node, "callee", None)
        if isinstance(callee, GoFunc):
            return self.pkg_call(node, callee)
        if isinstance(callee, RuntimeFunc) or getattr(node, "builtin", None):
            return [self.builtin_call(node, want_value=True)]
        if getattr(node, "func_value", None) is not None:
            return self.call_func_value(node)
        if getattr(node, "iface_call", None) is not None:
            return self.call_interface_method(node)
        args = call_args(node)
        layout = ParamLayout(callee.sig)
        staged = self.stage_args(node, args, callee.sig)
        for (kind, val), t, off in zip(staged, callee.sig.params, layout.params):
            self.store_staged(Loc("sp", off), t, kind, val)
        self.line = node.pos.line
        cont = self.new_block()
        self.callsites.append(CallSiteCode(cont.index, self.line, self.live_ptrs(), callee.qualname))
        self.emit(f"q[i - 1] = @B{cont.index}@")
        self.emit(set_sp(-8))
        self.emit(f"return @F:{callee.qualname}@")
        self.start(cont)
        return [Loc("sp", off) for off in layout.results]

    def pkg_call(self, node, callee) -> list:
        """A standard-library function: a call site whose callee is the runtime (stdlib)."""
        sig = callee.sig
        layout = ParamLayout(sig)
        staged = self.stage_args(node, call_args(node), sig)
        for (kind, val), t, off in zip(staged, sig.params, layout.params):
            self.store_staged(Loc("sp", off), t, kind, val)
        self.line = node.pos.line
        cont = self.new_block()
        self.callsites.append(CallSiteCode(cont.index, self.line, self.live_ptrs(), callee.qualname))
        self.emit(f"return PKGCALL(g, {callee.qualname!r}, @J{cont.index}@)")
        self.start(cont)
        return [Loc("sp", off) for off in layout.results]

    def pkgvar_loc(self, node) -> Loc:
        tmp = Loc("sp", self.alloc_temp(node.ty))
        self.emit(f"PKGVAR({node.pkgvar.qualname!r}, sp + {tmp.off})")
        return tmp

    def call_func_value(self, node) -> list:
        """f(args) for a func value f: load fn from the funcval, pass it in the context."""
        sig = node.sig
        fv = Loc("sp", self.alloc_temp(T.Pointer(T.UINT8)))
        self.store(fv, T.INT, self.value(node.func_value))
        layout = ParamLayout(sig)
        staged = self.stage_args(node, call_args(node), sig)
        for (kind, val), t, off in zip(staged, sig.params, layout.params):
            self.store_staged(Loc("sp", off), t, kind, val)
        self.line = node.pos.line
        cont = self.new_block()
        self.callsites.append(CallSiteCode(cont.index, self.line, self.live_ptrs(), "<func value>"))
        fvn = self.pin(self.load(fv, T.INT))
        self.emit(f"g.ctxt = {fvn}")
        self.emit(f"q[i - 1] = @B{cont.index}@")
        self.emit(f"_pc = LD_q({fvn})")               # a nil func value faults here, as in Go
        self.emit(set_sp(-8))
        self.emit("return BLK[_pc]")
        self.start(cont)
        return [Loc("sp", off) for off in layout.results]

    def call_interface_method(self, node) -> list:
        """x.M(args) on an interface: the method of the dynamic type, data word as receiver."""
        sig = node.sig
        recv = Loc("sp", self.alloc_temp(T.Interface({})))
        self.copy_addr(f"(sp + {recv.off})", self.agg_addr(node.iface_operand), 16)
        layout = ParamLayout(sig)
        msig = T.Signature(sig.params[1:], sig.results, sig.variadic)
        staged = self.stage_args(node, call_args(node)[1:], msig)
        self.store(Loc("sp", layout.params[0]), T.INT, self.load(recv.plus(8), T.INT))
        for (kind, val), t, off in zip(staged, sig.params[1:], layout.params[1:]):
            self.store_staged(Loc("sp", off), t, kind, val)
        self.line = node.pos.line
        cont = self.new_block()
        self.callsites.append(CallSiteCode(cont.index, self.line, self.live_ptrs(), "<interface method>"))
        self.emit(f"_pc = IMETHOD({self.load(recv, T.INT)}, {node.iface_call!r})")
        self.emit(f"q[i - 1] = @B{cont.index}@")
        self.emit(set_sp(-8))
        self.emit("return BLK[_pc]")
        self.start(cont)
        return [Loc("sp", off) for off in layout.results]

    def method_value(self, node) -> str:
        """x.M as a value: bind the receiver now, then make the T.M-fm closure over it."""
        bound, recv, lit = node.method_value
        self.declare_and_zero(bound, zero=False)
        if recv.type == "unary_expression" and recv.op == "*":
            # p.M of a value method copies *p now: p is nil-checked even when *p has no bytes
            saved, self.nilcheck_all = self.nilcheck_all, True
            try:
                src = self.loc(recv)
            finally:
                self.nilcheck_all = saved
            self.copy(self.var_location(bound), src, bound.type)
        else:
            self.store_value(self.var_location(bound), bound.type, recv)
        if isinstance(bound.type.under, T.Interface):      # i.M with i nil panics here, as in Go
            self.emit(f"if not {self.load(self.var_location(bound), T.INT)}: LD_B(0)")
        return self.value(lit)

    # ---- goroutines, channels and the runtime calls that may park

    def park_point(self, op: str, args: str):
        """End the block with a runtime op that may park g; resume in a new block."""
        cont = self.new_block()
        self.callsites.append(CallSiteCode(cont.index, self.line, self.live_ptrs(), op))
        self.emit(f"return {op}(g, {args}{', ' if args else ''}@J{cont.index}@, @B{cont.index}@)")
        self.start(cont)

    def receive(self, node: Node, comma_ok=False) -> list:
        """<-ch: the sender (or the buffer) writes into a frame temp, as into sudog.elem."""
        ch = self.value(node.get("operand"))
        elem_t = node.ty.types[0] if isinstance(node.ty, T.Tuple) else node.ty
        tmp = Loc("sp", self.alloc_temp(elem_t))
        self.park_point("CHANRECV", f"{ch}, sp + {tmp.off}")
        if not comma_ok:
            return [tmp]
        ok = Loc("sp", self.alloc_temp(T.BOOL))
        self.store(ok, T.BOOL, "g.recvok")
        return [tmp, ok]

    def stmt_send_statement(self, node):
        ch = self.value(node.get("channel"))
        if self.ctx.has_call(node.get("value")):
            ch = self.spill(ch, node.get("channel").ty)
        elem_t = node.get("channel").ty.under.elem
        tmp = Loc("sp", self.alloc_temp(elem_t))
        value = node.get("value")
        if elem_t.is_scalar():
            self.store(tmp, elem_t, self.value(value, elem_t))
        else:
            self.copy_addr(f"(sp + {tmp.off})", self.agg_addr(value), elem_t.size)
        self.park_point("CHANSEND", f"{ch}, sp + {tmp.off}")

    def stmt_go_statement(self, node):
        """go f(args): the args are evaluated here and copied to the new stack by newproc."""
        call = node.call
        callee = call.callee
        sig = callee.sig if callee is not None else call.sig
        fv = None
        if callee is None:
            fv = Loc("sp", self.alloc_temp(T.Pointer(T.UINT8)))
            self.store(fv, T.INT, self.value(call.func_value))
        layout = ParamLayout(sig)
        area = self.alloc_temp(_args_struct(sig, layout))
        staged = self.stage_args(call, call_args(call), sig)
        for (kind, val), t, off in zip(staged, sig.params, layout.params):
            self.store_staged(Loc("sp", area + off), t, kind, val)
        entry = f"@P:{callee.qualname}@" if callee is not None else "0"
        closure = f", {self.load(fv, T.INT)}" if fv is not None else ""
        self.emit(f"NEWPROC(g, {entry}, sp + {area}, {layout.args_size}, "
                  f"{self.fn.qualname!r}, {self.line}{closure})")

    def runtime_call(self, node, callee, args):
        name = callee.qualname
        op = RUNTIME_CALLS[name]
        values = self.operand_values(args)
        receiver = getattr(node, "receiver", None)
        if receiver is not None:
            if isinstance(receiver.ty.under, T.Pointer):
                values.insert(0, self.value(receiver))
            else:
                values.insert(0, self.addr_of_loc(self.loc(receiver)))
        if name in BLOCKING:
            self.park_point(op, ", ".join(values))
            return None
        if callee.sig.results:
            tmp = Loc("sp", self.alloc_temp(callee.sig.results[0]))
            self.store(tmp, callee.sig.results[0], f"{op}(g{''.join(', ' + v for v in values)})")
            return tmp
        self.emit(f"{op}(g{''.join(', ' + v for v in values)})")
        return None

    def stmt_select_statement(self, node):
        """select: evaluate every channel and send value, let selectgo pick, dispatch."""
        self.scopes.append([])
        entries = []
        for kind, comm, case in node.cases:
            if kind == "default":
                entries.append((kind, None, None, comm, case, None))
                continue
            ch_node = comm.get("channel") if kind == "send" else comm.recv.get("operand")
            elem_t = ch_node.ty.under.elem
            ch = Loc("sp", self.alloc_temp(ch_node.ty))
            self.store(ch, ch_node.ty, self.value(ch_node))
            elem = Loc("sp", self.alloc_temp(elem_t))
            if kind == "send":
                value = comm.get("value")
                if elem_t.is_scalar():
                    self.store(elem, elem_t, self.value(value, elem_t))
                else:
                    self.copy_addr(f"(sp + {elem.off})", self.agg_addr(value), elem_t.size)
            entries.append((kind, ch, elem, comm, case, elem_t))
        polled = [e for e in entries if e[0] != "default"]
        cases = "".join(f"({SELECT_SEND if kind == 'send' else SELECT_RECV}, "
                        f"{self.load(ch, T.INT)}, sp + {elem.off}), "
                        for kind, ch, elem, _, _, _ in polled)
        has_default = any(e[0] == "default" for e in entries)
        self.park_point("SELECTGO", f"({cases}), {int(has_default)}")
        bodies = [self.new_block() for _ in entries]
        end = self.new_block()
        self.emit("_s = g.selected")
        index = 0
        for entry, body in zip(entries, bodies):
            if entry[0] == "default":
                self.emit(f"if _s == -1: return @J{body.index}@")
            else:
                self.emit(f"if _s == {index}: return @J{body.index}@")
                index += 1
        self.jump(end)
        ctx = LoopCtx(getattr(node, "label", ""), "select", False, self.python_loops,
                      break_block=end.index)
        self.loops.append(ctx)
        for (kind, ch, elem, comm, case, elem_t), body in zip(entries, bodies):
            self.start(body)
            self.scopes.append([])
            if kind == "recv":
                self.select_receive_targets(comm, elem, elem_t)
            self.case_body(case)
            self.scopes.pop()
            if not self.cur.closed:
                self.jump(end)
        self.loops.pop()
        self.start(end)
        self.scopes.pop()

    def select_receive_targets(self, comm, elem, elem_t):
        ok = Loc("sp", self.alloc_temp(T.BOOL))
        self.store(ok, T.BOOL, "g.recvok")
        for (how, target), src, t in zip(comm.targets, (elem, ok), (elem_t, T.BOOL)):
            if how == "define":
                if target.name == "_":
                    continue
                self.declare_and_zero(target, zero=False)
                self.copy(self.var_location(target), src, t)
            elif target.ty is not None:
                self.copy(self.lvalue(target), src, t)

    def range_loop(self, node, native: bool):
        """for k, v := range x (string, slice, array, *array, map): x is evaluated once.

        The hidden state (the header or map iterator, the index) lives in frame
        temps, so the loop body may contain calls (and stack moves) freely.
        """
        self.scopes.append([])
        kind, src = node.range_kind, node.range_src
        index = Loc("sp", self.alloc_temp(T.INT))
        length = Loc("sp", self.alloc_temp(T.INT))
        base = Loc("sp", self.alloc_temp(T.Pointer(T.UINT8)))
        it = None
        if kind in ("string", "slice"):
            header = Loc("sp", self.alloc_temp(src.ty if kind == "slice" else T.STRING))
            self.copy_addr(f"(sp + {header.off})", self.agg_addr(src), header_size(kind))
            self.store(base, T.INT, f"q[i + {header.off // 8}]")
            self.store(length, T.INT, f"q[i + {header.off // 8 + 1}]")
        elif kind == "array":
            arr_t = src.ty.under.elem.under if isinstance(src.ty.under, T.Pointer) else src.ty.under
            if isinstance(src.ty.under, T.Pointer):
                self.store(base, T.INT, self.value(src))
            elif len(node.range_vars) > 1:
                copy = self.alloc_temp(arr_t)          # range over an array value ranges over a copy
                self.copy_addr(f"(sp + {copy})", self.agg_addr(src), arr_t.size)
                self.store(base, T.INT, f"sp + {copy}")
                base = None
                base_off = copy
            else:
                self.store(base, T.INT, "0")
            self.store(length, T.INT, str(arr_t.length))
        else:
            it = Loc("sp", self.alloc_temp(T.INT))
            self.store(it, T.INT, f"MAPITERINIT({self.value(src)})")
        self.store(index, T.INT, "0")
        step = Loc("sp", self.alloc_temp(T.INT))
        key_t, val_t = node.range_types
        kv = [Loc("sp", self.alloc_temp(t)) for t in (key_t, val_t)] if kind == "map" else None
        for how, target in node.range_vars:        # one variable for the whole loop (Go 1.19)
            if how == "define" and target.name != "_":
                self.declare_and_zero(target)
        head = exit_block = None
        if native:
            label = getattr(node, "label", "")
            ctx = LoopCtx(label, "for", True, self.python_loops + 1)
            if self.python_loops == 0 and self.regs is None:
                head = self.new_block()         # the hidden state is in memory: it may stop
                self.jump(head)
                self.start(head)
                self.reg_homes = []
            self.emit("while True:")
            self.python_loops += 1
            self.indent += 1
            self.emit("_k += 1")
            self.loop_check(head)
            stop = "break"
        else:
            head, post_block, exit_block = self.new_block(), self.new_block(), self.new_block()
            self.jump(head)
            self.start(head)
            stop = f"return @J{exit_block.index}@"
        if kind == "map":
            self.emit(f"if not MAPITERNEXT({self.load(it, T.INT)}, sp + {kv[0].off}, sp + {kv[1].off}): {stop}")
        else:
            self.emit(f"if {self.load(index, T.INT)} >= {self.load(length, T.INT)}: {stop}")
        values = self.range_values(kind, node, index, base, length, step, kv, src,
                                   base_off if base is None else None)
        for (how, target), (loc, t) in zip(node.range_vars, values):
            if how == "define":
                if target.name == "_":
                    continue
                self.copy(self.var_location(target), loc, t)
            elif target.ty is not None:
                if _is_map_index(target):
                    self.map_store(self.map_slot(_strip_parens(target)), "val" if t.is_scalar() else "agg",
                                   self.load(loc, t) if t.is_scalar() else self.addr_of_loc(loc))
                else:
                    self.copy(self.lvalue(target), loc, t)

        def advance():
            if kind == "string":
                self.store(index, T.INT, f"{self.load(index, T.INT)} + {self.load(step, T.INT)}")
            elif kind != "map":
                self.store(index, T.INT, f"{self.load(index, T.INT)} + 1")
        if native:
            ctx.post = advance
            self.loops.append(ctx)
            self.block_stmts(node.get("body"))
            self.loops.pop()
            advance()
            self.indent -= 1
            self.python_loops -= 1
        else:
            self.cfg_loop_body(node, exit_block, post_block)
            self.start(post_block)
            advance()
            self.jump(head)
            self.start(exit_block)
        self.scopes.pop()

    def range_values(self, kind, node, index, base, length, step, kv, src, copy_off):
        """Locations of this iteration's key and value."""
        key_t, val_t = node.range_types
        if kind == "map":
            return list(zip(kv, (key_t, val_t)))
        if kind == "string":
            # DECODERUNE packs (width << 32) | rune: one host call per iteration.
            r = self.pin(f"DECODERUNE({self.load(base, T.INT)}, {self.load(index, T.INT)}, "
                         f"{self.load(length, T.INT)})")
            self.store(step, T.INT, f"{r} >> 32")
            value = Loc("sp", self.alloc_temp(T.INT32))
            self.store(value, T.INT32, f"{r} & 0xFFFFFFFF")
            return [(index, key_t), (value, val_t)]
        if len(node.range_vars) < 2:
            return [(index, key_t)]
        if kind == "array" and base is not None and not isinstance(src.ty.under, T.Pointer):
            elem_loc = self.agg_loc(src).plus(0, (self.pin(self.load(index, T.INT)), val_t.size))
        else:
            addr = f"sp + {copy_off}" if base is None else self.load(base, T.INT)
            elem_loc = Loc("mem", 0, self.pin(addr), [(self.pin(self.load(index, T.INT)), val_t.size)])
        return [(index, key_t), (elem_loc, val_t)]

    def cfg_range_channel(self, node):
        """for v := range ch: receive until the channel is closed and drained."""
        self.scopes.append([])
        ch_node = node.range_chan
        ch = Loc("sp", self.alloc_temp(ch_node.ty))
        self.store(ch, ch_node.ty, self.value(ch_node))
        elem_t = ch_node.ty.under.elem
        head, exit_block = self.new_block(), self.new_block()
        self.jump(head)
        self.start(head)
        tmp = Loc("sp", self.alloc_temp(elem_t))
        self.park_point("CHANRECV", f"{self.load(ch, ch_node.ty)}, sp + {tmp.off}")
        self.emit(f"if not g.recvok: return @J{exit_block.index}@")
        if node.range_var is not None:
            how, target = node.range_var
            if how == "define":
                if target.name != "_":
                    self.declare_and_zero(target, zero=False)
                    self.copy(self.var_location(target), tmp, elem_t)
            elif target.ty is not None:
                self.copy(self.lvalue(target), tmp, elem_t)
        self.cfg_loop_body(node, exit_block, head)
        self.start(exit_block)
        self.scopes.pop()

    def stage_args(self, node, args, sig) -> list:
        """Evaluate a call's arguments in order (spread results, packed variadics)."""
        if getattr(node, "spread_variadic", False):
            inner = _strip_variadic(args[0])
            values = []
            for loc, t in zip(self.call(inner), inner.ty.types):
                tmp = Loc("sp", self.alloc_temp(t))
                self.copy(tmp, loc, t)
                value = _LocNode(tmp, t)
                if isinstance(sig.params[-1].elem.under, T.Interface) and not isinstance(t.under, T.Interface):
                    value.iface_target = sig.params[-1].elem
                values.append(value)
            literal = _VariadicLiteral(sig.params[-1], values)
            return [("agg", self.addr_of_loc(self.slice_literal(literal)))]
        if getattr(node, "spread", False):
            if len(args) == 1:
                return self.spread_results(args[-1], sig.params)
            return self.stage_values(args[:-1], sig.params[:1]) + \
                self.spread_results(args[-1], sig.params[1:])
        pack = getattr(node, "variadic_pack", None)
        if pack is None:
            return self.stage_values([_strip_variadic(a) for a in args], sig.params) if args else []
        fixed, extra = args[:pack], args[pack:]
        staged = self.stage_values(fixed, sig.params[:pack]) if fixed else []
        slice_t = sig.params[-1]
        if not extra:
            nil = Loc("sp", self.alloc_temp(slice_t))
            self.zero(nil, slice_t)
            return staged + [("agg", f"(sp + {nil.off})")]
        literal = _VariadicLiteral(slice_t, extra)
        return staged + [("agg", self.addr_of_loc(self.slice_literal(literal)))]

    def spread_results(self, inner: Node, params) -> list:
        """f(g()): g's results become f's arguments (copied out of the way first, and
        converted where a parameter is an interface and the result is not)."""
        values = []
        for loc, t, param in zip(self.call(inner), inner.ty.types, params):
            tmp = Loc("sp", self.alloc_temp(t))
            self.copy(tmp, loc, t)
            value = _LocNode(tmp, t)
            if isinstance(param.under, T.Interface) and not isinstance(t.under, T.Interface):
                value.iface_target = param
            values.append(value)
        return self.stage_values(values, params)

    def builtin_call(self, node: Node, want_value: bool):
        callee = getattr(node, "callee", None)
        args = node.get("arguments").children
        builtin = getattr(node, "builtin", None)
        if builtin in ("println", "print"):
            if getattr(node, "spread", False):
                results = self.call(args[0])
                parts = [self.print_arg(_LocNode(loc, t), self.load(loc, t)) if t.is_scalar()
                         else f"PSTR(SB(sp + {loc.off}))" for loc, t in zip(results, args[0].ty.types)]
            else:
                parts = self.print_values(args)
            self.emit(f"PRINT({builtin == 'println'}, [{', '.join(parts)}])")
            return None
        if builtin == "panic":
            self.emit(f"GOPANIC(g, {self.agg_addr(args[0])})")
            self.mark_closed()
            return None
        if builtin == "recover":
            tmp = Loc("sp", self.alloc_temp(T.ANY))
            self.emit(f"RECOVER(g, sp + {self.frame_size}, sp + {tmp.off})")
            return tmp
        if builtin == "new":
            return self.new_object(node)
        if builtin == "delete":
            m_node, key = args
            mt = m_node.ty.under
            m = self.value(m_node)
            if self.ctx.has_call(key):
                m = self.spill(m, T.INT)
            k, _ = self.map_key(key, mt.key)
            self.emit(f"MAPDELETE({m}, {k})")
            return None
        if builtin == "copy":
            self.emit(self.copy_call(node))
            return None
        if builtin == "close":
            self.emit(f"CLOSECHAN(g, {self.value(args[0])})")
            return None
        if callee is not None and callee.qualname in RUNTIME_CALLS:
            return self.runtime_call(node, callee, args)
        raise Unsupported(node.pos, f"call of {builtin}")

    def operand_values(self, nodes) -> list:
        """Values in Go's order; a value a later call could clobber is spilled."""
        out = []
        for k, node in enumerate(nodes):
            v = self.value(node)
            if node.const is None and any(self.ctx.has_call(n) for n in nodes[k + 1:]):
                v = self.spill(v, node.ty)
            out.append(v)
        return out

    def print_arg(self, arg, v):
        t = arg.ty.under
        if isinstance(t, (T.Pointer, T.Chan, T.Map, T.Signature)):
            return f"P_PTR({v})"
        kind = t.kind
        if kind in ("int", "untyped_int", "untyped_rune"):
            return f"P_INT({v})"
        if kind == "uint":
            return f"P_UINT({v})"
        if kind == "float":
            return f"P_FLOAT({v})"
        if kind == "bool":
            return f"P_BOOL({v})"
        if kind == "string":
            return v
        raise Unsupported(arg.pos, f"printing {arg.ty}")

    def print_values(self, args) -> list:
        """println's operands in order; strings as their text, the rest by kind."""
        parts = []
        for k, a in enumerate(args):
            later = any(self.ctx.has_call(n) for n in args[k + 1:])
            if T.is_string(a.ty):
                parts.append(f"PSTR({self.str_bytes(a, spill=later and a.const is None)})")
                continue
            if isinstance(a.ty.under, (T.Slice, T.Interface)):
                # printslice: [len/cap]0xptr; printeface/printiface: (0xtype,0xdata)
                addr = self.agg_addr(a)
                if later:
                    tmp = self.alloc_temp(a.ty)
                    self.copy_addr(f"(sp + {tmp})", addr, a.ty.size)
                    addr = f"(sp + {tmp})"
                op = "P_SLICE" if isinstance(a.ty.under, T.Slice) else "P_IFACE"
                parts.append(f"{op}(RD({addr}, {a.ty.size}))")
                continue
            v = self.value(a)
            if a.const is None and later:
                v = self.spill(v, a.ty)
            parts.append(self.print_arg(a, v))
        return parts

    def new_object(self, node):
        obj = node.new_var
        if obj.escapes:
            tmp = self.alloc_temp(T.Pointer(obj.type))
            self.emit(f"q[i + {tmp // 8}] = MALLOC({max(obj.type.size, 1)}, {str(obj.type)!r}, "
                      f"{_ptrs(obj.type)})")
            return Loc("sp", tmp)
        slot = self.ctx_slot(obj)
        self.zero(Loc("sp", slot), obj.type)
        tmp = self.alloc_temp(T.Pointer(obj.type))
        self.emit(f"q[i + {tmp // 8}] = sp + {slot}")
        return Loc("sp", tmp)

    def ctx_slot(self, obj):
        if obj not in self.var_loc:
            offset = self.alloc(obj.type)
            self.var_loc[obj] = ("stack", offset)
            self.scopes[0].extend(offset + p for p in obj.type.ptr_offsets())
        return self.var_loc[obj][1]

    # ------------------------------------------------------------ expressions

    def value(self, node: Node, want: T.Type | None = None) -> str:
        """A Python expression for a scalar value, valid in the current block."""
        if node.const is not None and not getattr(node, "is_nil", False):
            return self.const_text(node.const, node.ty)
        if getattr(node, "is_nil", False):
            return "0"
        handler = getattr(self, f"value_{node.type}", None)
        if handler is None:
            raise Unsupported(node.pos, node.type.replace("_", " "))
        return handler(node)

    def const_text(self, value, t):
        if isinstance(value, bool):
            return "1" if value else "0"
        if isinstance(value, str):
            return repr(value)
        if (t is not None and isinstance(t.under, T.Basic) and t.under.is_float()) or \
                not isinstance(value, int):
            if t is not None and t.under.size == 4:
                return repr(round_float32(float(value)))
            return repr(float(value))
        return repr(value)

    def value_stored_value(self, node):
        return self.load(node.loc_value, node.ty)

    def value_func_literal(self, node):
        """A closure: {entry pc, &captured...} on the stack, or in the heap if it escapes."""
        obj = node.closure_var
        fn = node.lit_fn
        if obj.escapes:
            tmp = Loc("sp", self.alloc_temp(T.Pointer(obj.type)))
            self.store(tmp, T.INT, f"MALLOC({obj.type.size}, 'closure', {_ptrs(obj.type)})")
            base = Loc("mem", 0, self.pin(self.load(tmp, T.INT)))
        else:
            slot = self.ctx_slot(obj)
            base = Loc("sp", slot)
        self.store(base, T.INT, f"@P:{fn.qualname}@")
        for k, v in enumerate(fn.captures):
            self.store(base.plus(8 * (k + 1)), T.INT, self.addr_of_loc(self.var_location(v)))
        return self.addr_of_loc(base) if not obj.escapes else self.load(tmp, T.INT)

    def func_value(self, fn) -> str:
        """A top-level function used as a value: its static funcval in read-only data."""
        return self.ctx.funcval_token(fn.qualname)

    def value_type_assertion_expression(self, node):
        return self.load(self.type_assert(node)[0], node.ty)

    def to_iface(self, node, target) -> Loc:
        """convT: an interface {type, data} holding node's value (boxed unless pointer-shaped)."""
        src = node.ty
        if isinstance(src.under, T.Interface):
            return self.agg_loc(node, convert=False)
        tmp = Loc("sp", self.alloc_temp(target))
        tab = self.ctx.type_desc_token(src)
        if pointer_shaped(src):
            word = self.value(node) if src.is_scalar() else f"LD_q({self.agg_addr(node, convert=False)})"
            self.store(tmp.plus(8), T.INT, word)
        else:
            box = Loc("sp", self.alloc_temp(T.Pointer(src)))
            if src.is_scalar():
                value = self.spill(self.value(node), src) if self.ctx.has_call(node) else self.value(node)
                self.store(box, T.INT, f"MALLOC({max(src.size, 1)}, {str(src)!r}, {_ptrs(src)})")
                self.store(Loc("mem", 0, self.pin(self.load(box, T.INT))), src, value)
            else:
                addr = self.agg_addr(node, convert=False)
                if self.ctx.has_call(node):
                    addr = self.spill(addr, T.INT)
                self.store(box, T.INT, f"MALLOC({max(src.size, 1)}, {str(src)!r}, {_ptrs(src)})")
                self.copy_addr(self.load(box, T.INT), addr, src.size)
            self.store(tmp.plus(8), T.INT, self.load(box, T.INT))
        self.store(tmp, T.INT, tab)
        return tmp

    def type_assert(self, node, comma_ok=False) -> list:
        """x.(T): check the dynamic type (panic, or ok=false), then unbox."""
        x, t = node.get("operand"), node.ty
        if isinstance(t, T.Tuple):              # v, ok := x.(T)
            t = t.types[0]
        xa = self.pin(self.agg_addr(x))
        tab, data = self.pin(f"LD_q({xa})"), self.pin(f"LD_q({xa} + 8)")
        result = Loc("sp", self.alloc_temp(t))
        iface_name = str(x.ty)
        if isinstance(t.under, T.Interface):
            methods = tuple(sorted(t.under.methods))
            if comma_ok:
                ok = self.pin(f"IFACE_CAN({tab}, {methods!r})")
            else:
                self.emit(f"IFACE_ASSERT({tab}, {methods!r}, {iface_name!r}, {str(t)!r})")
                ok = "True"
            self.emit(f"if {ok}:")
            with self.nested():
                self.store(result, T.INT, tab)
                self.store(result.plus(8), T.INT, data)
        else:
            want = self.ctx.type_desc_token(t)
            if comma_ok:
                ok = self.pin(f"{tab} == {want}")
            else:
                self.emit(f"ASSERT_TYPE({tab}, {want}, {iface_name!r})")
                ok = "True"
            self.emit(f"if {ok}:")
            with self.nested():
                self.unbox(result, t, data)
            if t.size:
                self.emit("else:")
                with self.nested():
                    self.zero(result, t)
        if not comma_ok:
            return [result]
        ok_loc = Loc("sp", self.alloc_temp(T.BOOL))
        self.store(ok_loc, T.BOOL, f"1 if {ok} else 0")
        return [result, ok_loc]

    def unbox(self, target: Loc, t: T.Type, data: str):
        """Store the value an interface's data word holds (itself, if pointer-shaped)."""
        if pointer_shaped(t):
            self.store(target, T.INT, data)
        elif t.is_scalar():
            self.store(target, t, self.load(Loc("mem", 0, data), t))
        elif t.size:
            self.copy_addr(self.addr_of_loc(target), data, t.size)

    def value_parenthesized_expression(self, node):
        return self.value(node.children[0])

    def value_identifier(self, node):
        sym = node.sym
        if isinstance(sym, FuncSym):
            return self.func_value(sym)
        return self.load(self.var_location(sym), sym.type)

    def value_selector_expression(self, node):
        if getattr(node, "forwarder", None) is not None:     # pkg.F or a method expression: a literal
            return self.value(node.forwarder)
        if getattr(node, "pkgvar", None) is not None:
            return self.load(self.pkgvar_loc(node), node.ty)
        if isinstance(getattr(node, "sym", None), FuncSym):      # a method expression T.M
            return self.func_value(node.sym)
        if getattr(node, "method_value", None) is not None:
            return self.method_value(node)
        return self.load(self.loc(node), node.ty)

    def value_index_expression(self, node):
        kind = node.index_kind
        if kind == "map":
            return self.load(self.map_index(node)[0], node.ty)
        if kind == "string":
            ptr, length = self.header_words(node.get("operand"))
            name = self.pin(self.value(node.get("index")))
            self.emit(f"if not 0 <= {name} < {length}: PANIC_INDEX({name}, {length})")
            return f"LD_B({ptr} + {name})"
        return self.load(self.loc(node), node.ty)

    def value_unary_expression(self, node):
        op = node.op
        operand = node.get("operand")
        if op == "<-":
            return self.load(self.receive(node)[0], node.ty)
        if op == "&":
            if getattr(node, "new_literal", False):
                return self.load(self.literal_object(node, operand), T.Pointer(operand.ty))
            saved, self.nilcheck_all = self.nilcheck_all, True
            try:            # &*p, &p.f, &p[i]: no memory is touched, so p is checked
                return self.addr_of_loc(self.loc(operand))
            finally:
                self.nilcheck_all = saved
        if op == "*":
            return self.load(self.loc(node), node.ty)
        v = self.value(operand)
        t = node.ty
        if op == "!":
            return f"(not {v})"
        if op == "-":
            return self.wrap(f"-{v}", t) if t.under.is_integer() else f"(-{v})"
        if op == "+":
            return v
        if op == "^":
            return self.wrap(f"~{v}", t)
        raise Unsupported(node.pos, f"operator {op}")

    def literal_object(self, node, literal):
        obj = node.new_var
        t = literal.ty
        if obj.escapes:
            tmp = self.alloc_temp(T.Pointer(t))
            self.emit(f"q[i + {tmp // 8}] = MALLOC({max(t.size, 1)}, {str(t)!r}, {_ptrs(t)})")
            loc = Loc("mem", 0, self.load(Loc("sp", tmp), T.Pointer(t)))
            self.composite_into(loc, literal)
            return Loc("sp", tmp)
        slot = self.ctx_slot(obj)
        self.composite_into(Loc("sp", slot), literal)
        tmp = self.alloc_temp(T.Pointer(t))
        self.emit(f"q[i + {tmp // 8}] = sp + {slot}")
        return Loc("sp", tmp)

    def value_binary_expression(self, node):
        op = node.op
        left, right = node.get("left"), node.get("right")
        if op in ("&&", "||"):
            return self.logical(op, left, right)
        operand_type = getattr(node, "operand_type", None) or left.ty
        if op in ("==", "!=", "<", "<=", ">", ">="):
            return self.compare(op, left, right, operand_type)
        a = self.value(left, node.ty)
        if self.ctx.has_call(right):
            a = self.spill(a, node.ty)
        b = self.value(right, node.ty if op not in ("<<", ">>") else None)
        return self.arith(op, a, b, node.ty, right)

    def logical(self, op, left, right):
        a = self.value(left)
        if self.ctx.has_call(right):
            return self.logical_with_call(op, a, right)
        with self.capture() as pre:
            b = self.value(right)
        if not pre:
            return f"({a} {'and' if op == '&&' else 'or'} {b})"
        name = self.tmp()
        self.emit(f"{name} = {a}")
        self.emit(f"if {'' if op == '&&' else 'not '}{name}:")
        with self.nested():
            self.replay(pre, 1)
            self.emit(f"{name} = {b}")
        return name

    def logical_with_call(self, op, a, right):
        """`a && f()`: the call runs only when it decides the result (blocks)."""
        result = Loc("sp", self.alloc_temp(T.BOOL))
        self.store(result, T.BOOL, a)
        join = self.new_block()
        test = self.load(result, T.BOOL)
        self.emit(f"if {'not ' if op == '&&' else ''}{test}: return @J{join.index}@")
        self.store(result, T.BOOL, self.value(right))
        self.jump(join)
        self.start(join)
        return self.load(result, T.BOOL)

    def compare(self, op, left, right, t):
        if t.is_scalar() or (isinstance(t.under, T.Basic) and not T.is_string(t)):
            a = self.value(left, t)
            if self.ctx.has_call(right):
                a = self.spill(a, t)
            b = self.value(right, t)
            return f"({a} {op} {b})"
        def untyped_nil(n):           # (*T)(nil) stored in an interface is not a nil interface
            return getattr(n, "is_nil", False) and getattr(n, "iface_target", None) is None
        if untyped_nil(left) or untyped_nil(right):
            other = right if untyped_nil(left) else left
            # The first word decides: the data pointer of a slice, the type of an interface.
            first = self.value(other) if other.ty.is_scalar() else f"LD_q({self.agg_addr(other)})"
            return f"({first} {op} 0)"
        if T.is_string(t):
            a = self.str_bytes(left, spill=self.ctx.has_call(right))
            return f"({a} {op} {self.str_bytes(right)})"
        a = self.agg_addr(left)
        if self.ctx.has_call(right):        # keep the value: a call's results area is reused
            tmp = self.alloc_temp(t)
            self.copy_addr(f"(sp + {tmp})", a, t.size)
            a = f"(sp + {tmp})"
        b = self.agg_addr(right)
        eq = self.equal_addrs(a, b, t)
        return f"({eq})" if op == "==" else f"(not {eq})"

    def equal_addrs(self, a: str, b: str, t: T.Type) -> str:
        """Go's == on two values in memory (strings by content, not by header)."""
        if not _has_indirect_equality(t):
            return f"RD({a}, {t.size}) == RD({b}, {t.size})"
        return f"MEMEQ({a}, {b}, {self.ctx.eq_desc(t)!r})"

    def arith(self, op, a, b, t, right_node):
        u = t.under
        if u.is_float():
            expr = f"FDIV({a}, {b})" if op == "/" else f"({a} {op} {b})"
            return f"F32({expr})" if u.size == 4 else expr
        if op in ("+", "-", "*"):
            return self.wrap(f"{a} {op} {b}", t, self.overflow_side(op, right_node))
        if op in ("/", "%"):
            fn = "IDIV" if op == "/" else "IMOD"
            return self.wrap(f"{fn}({a}, {b})", t) if op == "/" else f"{fn}({a}, {b})"
        if op in ("&", "|", "^"):
            return f"({a} {op} {b})"
        if op == "&^":
            return f"({a} & ~{b})"
        if op == "<<":
            count = right_node.const
            bits = u.size * 8
            if count is not None:
                return "0" if count >= bits else self.wrap(f"{a} << {count}", t)
            return f"SHL({a}, {b}, {bits}, {int(u.kind == 'int')}, {self.signed_count(right_node)})"
        if op == ">>":
            count = right_node.const
            if count is not None:
                return f"({a} >> {min(count, 64)})"
            return f"SHR({a}, {b}, {self.signed_count(right_node)})"
        raise Unsupported(right_node.pos, f"operator {op}")

    @staticmethod
    def overflow_side(op, right_node) -> str:
        """Adding a positive constant can only overflow upwards, subtracting one only
        downwards: then one comparison tests for overflow instead of two."""
        const = getattr(right_node, "const", None) if right_node is not None else None
        if type(const) is not int or const <= 0 or op == "*":
            return "both"
        return "high" if op == "+" else "low"

    def signed_count(self, node):
        return int(isinstance(node.ty.under, T.Basic) and node.ty.under.kind == "int")

    def wrap(self, expr: str, t: T.Type, side: str = "both") -> str:
        """Go's integer overflow wraps; Python ints do not, so results are wrapped.

        side: which bound the value can cross ("low", "high" or "both")."""
        u = t.under
        if not isinstance(u, T.Basic) or not u.is_integer():
            return f"({expr})"
        bits = u.size * 8
        mask = (1 << bits) - 1
        if u.kind == "uint":
            return f"(({expr}) & {hex(mask)})"
        half = 1 << (bits - 1)
        if bits == 64:
            # Overflow is rare: a range test is cheaper than masking every result.
            name = self.tmp()
            self.emit(f"{name} = {expr}")
            test = {"low": f"{-half} <= {name}", "high": f"{name} <= {half - 1}",
                    "both": f"{-half} <= {name} <= {half - 1}"}[side]
            return f"({name} if {test} else W64({name}))"
        return f"((({expr}) + {hex(half)} & {hex(mask)}) - {hex(half)})"

    def value_call_expression(self, node):
        if getattr(node, "conversion", False):
            return self.conversion(node)
        builtin = getattr(node, "builtin", None)
        if builtin in ("len", "cap"):
            arg = node.get("arguments").children[0]
            if getattr(node, "chan_query", False):
                ch = self.value(arg)
                return f"{'CHANLEN' if builtin == 'len' else 'CHANCAP'}({ch})"
            if node.const is not None:
                return str(node.const)
            if node.len_kind == "map":
                return f"MAPLEN({self.value(arg)})"
            return f"LD_q({self.agg_addr(arg)} + {8 if builtin == 'len' else 16})"
        if builtin == "copy":
            return self.copy_call(node)
        if builtin == "make" and node.make_kind == "map":
            mt = node.ty.under
            return f"MAKEMAP({mt.elem.size}, {_ptrs(mt.key)}, {_ptrs(mt.elem)})"
        if builtin == "make":
            args = node.get("arguments").children
            size = self.value(args[1]) if len(args) > 1 else "0"
            elem = node.ty.under.elem
            return f"MAKECHAN(g, {elem.size}, {size}, {_ptrs(elem)})"
        results = self.call(node)
        loc = results[0]
        return self.load(loc, node.ty)

    def conversion(self, node):
        arg = node.get("arguments").children[0]
        src, dst = arg.ty.under, node.ty.under
        if getattr(node, "conv_kind", "") == "slice2arrayptr":
            return f"SLICE2ARRAYPTR(RD({self.agg_addr(arg)}, 24), {dst.elem.under.length})"
        v = self.value(arg)
        if isinstance(dst, T.Basic) and isinstance(src, T.Basic):
            if dst.is_float():
                if dst.size == 4 and not (src.is_float() and src.size == 4):
                    return f"F32(float({v}))"          # float32(x) rounds to single precision
                return f"float({v})" if not src.is_float() else v
            if dst.is_integer():
                if src.is_float():
                    return f"F2I({v}, {dst.size * 8}, {int(dst.kind == 'int')})"
                if src.size <= dst.size and (src.kind == dst.kind or (src.kind == "uint" and src.size < dst.size)):
                    return v
                return self.wrap(v, node.ty)
        return v

    def value_composite_literal(self, node):
        if isinstance(node.ty.under, T.Map):
            return self.load(self.map_literal(node), node.ty)
        raise Unsupported(node.pos, "composite literal as a scalar")

    # ------------------------------------------------------------ locations

    def var_location(self, sym: Var) -> Loc:
        if sym.kind == "global":
            return Loc("glob", sym.offset)
        captures = getattr(self.fn, "captures", None)
        if captures and sym in captures and sym.func is not self.fn:
            # Reached through the closure context: its k-th word after fn is &sym.
            k = captures.index(sym)
            return Loc("mem", 0, self.pin(f"LD_q(q[i + {self.ctxt_slot // 8}] + {8 * (k + 1)})"))
        home = self.var_loc.get(sym)
        if home is None:
            home = self.declare_var(sym)
        kind, where = home
        if kind == "stack":
            return Loc("sp", where)
        if kind == "heap":
            return Loc("mem", 0, f"q[i + {where // 8}]")
        if kind == "arg":
            return Loc("sp", self.arg_offset(where))
        return Loc("sp", self.arg_offset(where, result=True))

    def lvalue(self, node: Node) -> Loc:
        return self.loc(node)

    def loc(self, node: Node) -> Loc:
        kind = node.type
        if kind == "stored_value":
            return node.loc_value
        if kind == "parenthesized_expression":
            return self.loc(node.children[0])
        if kind == "identifier":
            return self.var_location(node.sym)
        if kind == "selector_expression":
            operand = node.get("operand")
            if node.through_pointer:
                base = self.pointer_base(operand, node.field.offset >= MIN_LEGAL_POINTER)
                return Loc("mem", node.field.offset, base)
            return self.far_checked(self.agg_loc(operand), node.field.offset).plus(node.field.offset)
        if kind == "index_expression":
            return self.index_loc(node)
        if kind == "unary_expression" and node.op == "*":
            return Loc("mem", 0, self.pointer_base(node.get("operand")))
        if kind == "call_expression":
            return self.agg_loc(node)
        raise Unsupported(node.pos, f"{kind.replace('_', ' ')} as a location")

    def pointer_base(self, operand, far=False) -> str:
        """A host name holding a pointer value, loaded once.

        A nil pointer faults when the access touches the first page, as in Go;
        where it would not (`far`: an offset of 4096 or more; or an address
        taken without any access), Go's explicit nil check is made: a load
        from the pointer itself, which faults at address 0.
        """
        v = self.value(operand)
        if v.isidentifier():
            name = v
        else:
            name = self.tmp()
            self.emit(f"{name} = {v}")
        if far or self.nilcheck_all:
            self.emit(f"if not {name}: LD_B(0)")
        return name

    def far_checked(self, loc: Loc, reach: int) -> Loc:
        """A part of an object reached through a pointer, `reach` bytes or more past its
        start: nil-check the pointer (a nil base would not fault in the first page)."""
        if loc.space == "mem" and loc.off + reach >= MIN_LEGAL_POINTER:
            base = loc.base
            if not base.isidentifier():
                base = self.tmp()
                self.emit(f"{base} = {loc.base}")
                loc = Loc("mem", loc.off, base, loc.terms)
            self.emit(f"if not {base}: LD_B(0)")
        return loc

    def index_loc(self, node) -> Loc:
        operand, index = node.get("operand"), node.get("index")
        if node.index_kind == "slice":
            header = self.pin(self.agg_addr(operand))
            if self.ctx.has_call(index):
                header = self.spill(header, T.INT)
            name = self.tmp()
            self.emit(f"{name} = {self.value(index)}")
            n = self.pin(f"LD_q({header} + 8)")
            self.emit(f"if not 0 <= {name} < {n}: PANIC_INDEX({name}, {n})")
            return Loc("mem", 0, self.pin(f"LD_q({header})"), [(name, node.ty.size)])
        if node.index_kind in ("string", "map"):
            raise Unsupported(node.pos, "taking the address of a string or map element")
        arr = node.array
        if node.through_pointer:
            base = Loc("mem", 0, self.pointer_base(operand, arr.size >= MIN_LEGAL_POINTER))
        else:
            base = self.far_checked(self.agg_loc(operand), arr.size)
        es = arr.elem.size
        if index.const is not None:
            return base.plus(index.const * es)
        if self.ctx.has_call(index):
            base = self.spill_loc(base)
        name = self.tmp()
        self.emit(f"{name} = {self.value(index)}")
        self.emit(f"if not 0 <= {name} < {arr.length}: PANIC_INDEX({name}, {arr.length})")
        return base.plus(0, (name, es))

    def spill_loc(self, loc: Loc) -> Loc:
        if loc.space == "sp" and not loc.terms:
            return loc
        tmp = self.alloc_temp(T.Pointer(T.UINT8))
        self.emit(f"q[i + {tmp // 8}] = {self.addr_of_loc(loc)}")
        return Loc("mem", 0, f"q[i + {tmp // 8}]")

    def agg_loc(self, node, convert=True) -> Loc:
        """Location of an aggregate (struct/array) value, materialized if needed."""
        if convert and getattr(node, "iface_target", None) is not None:
            return self.to_iface(node, node.iface_target)
        kind = node.type
        if getattr(node, "is_nil", False):
            tmp = Loc("sp", self.alloc_temp(node.ty))
            self.zero(tmp, node.ty)
            return tmp
        if kind == "type_assertion_expression":
            return self.type_assert(node)[0]
        if getattr(node, "pkgvar", None) is not None:
            return self.pkgvar_loc(node)
        if kind == "unary_expression" and node.op == "<-":
            return self.receive(node)[0]
        if node.const is not None and T.is_string(node.ty):
            return self.string_const_loc(node.const)
        if kind == "index_expression" and node.index_kind == "map":
            return self.map_index(node)[0]
        if kind == "parenthesized_expression":
            return self.agg_loc(node.children[0])
        if kind in ("identifier", "selector_expression", "index_expression", "stored_value") or \
                (kind == "unary_expression" and node.op == "*"):
            return self.loc(node)
        if kind == "binary_expression" and node.op == "+":
            return self.concat(node)
        if kind == "slice_expression":
            return self.slice_expr(node)
        if kind == "composite_literal" and isinstance(node.ty.under, T.Slice):
            return self.slice_literal(node)
        if kind == "composite_literal":
            tmp = self.alloc_temp(node.ty)
            self.composite_into(Loc("sp", tmp), node)
            return Loc("sp", tmp)
        if kind == "call_expression":
            if getattr(node, "conversion", False):
                if T.is_string(node.ty) or getattr(node, "conv_kind", "") in ("str2bytes", "str2runes"):
                    return self.convert_string(node)
                return self.agg_loc(node.get("arguments").children[0])
            builtin = getattr(node, "builtin", None)
            if builtin == "append":
                return self.append_call(node)
            if builtin == "make" and node.make_kind == "slice":
                return self.make_slice(node)
            results = self.call(node)
            return results[0]
        raise Unsupported(node.pos, f"{kind.replace('_', ' ')} as a value")

    def agg_addr(self, node, convert=True) -> str:
        return self.addr_of_loc(self.agg_loc(node, convert))

    def composite_into(self, loc: Loc, node):
        t = node.ty
        if isinstance(t.under, (T.Slice, T.Map)):        # &[]T{...}, &map[K]V{...}
            if isinstance(t.under, T.Slice):
                header = self.slice_literal(node)
                self.copy_addr(self.addr_of_loc(loc), self.addr_of_loc(header), t.size)
            else:
                m = self.map_literal(node)
                self.store(loc, t, self.load(m, t))
            return
        self.zero(loc, t)
        for off, ft, value in node.inits:
            target = loc.plus(off)
            if ft.is_scalar():
                self.store(target, ft, self.value(value, ft))
            else:
                self.copy_addr(self.addr_of_loc(target), self.agg_addr(value), ft.size)

    def addr_of_loc(self, loc: Loc) -> str:
        parts = []
        if loc.space == "sp":
            parts.append("sp")
        elif loc.space == "mem":
            parts.append(loc.base)
        elif loc.space == "glob":
            parts.append("DATA")
        if loc.off or not parts:
            parts.append(str(loc.off))
        parts.extend(f"{expr} * {mult}" if mult != 1 else expr for expr, mult in loc.terms)
        return f"({' + '.join(parts)})"

    # ------------------------------------------------------------ strings, slices, maps

    def str_bytes(self, node, spill=False) -> str:
        """A Python bytes expression for a string operand's contents."""
        if node.const is not None:
            return repr(go_bytes(node.const))
        addr = self.agg_addr(node)
        if spill:
            tmp = self.alloc_temp(T.STRING)
            self.copy_addr(f"(sp + {tmp})", addr, T.STRING.size)
            addr = f"(sp + {tmp})"
        return f"SB({addr})"

    def header_words(self, node):
        """(data pointer, len) host names of a string or slice operand."""
        if node.const is not None and T.is_string(node.ty):
            data = go_bytes(node.const)
            return self.ctx.rodata_token(data), str(len(data))
        addr = self.pin(self.agg_addr(node))
        return self.pin(f"LD_q({addr})"), self.pin(f"LD_q({addr} + 8)")

    def pin(self, expr: str) -> str:
        if expr.isidentifier() or expr.lstrip("-").isdigit():
            return expr
        name = self.tmp()
        self.emit(f"{name} = {expr}")
        return name

    def string_temp(self, expr: str) -> Loc:
        """Store a runtime op's new string (ptr, len) into a frame temp."""
        tmp = self.alloc_temp(T.STRING)
        self.emit(f"SETSTR(sp + {tmp}, {expr})")
        return Loc("sp", tmp)

    def string_const_loc(self, value: str) -> Loc:
        data = go_bytes(value)
        tmp = self.alloc_temp(T.STRING)
        self.emit(f"q[i + {tmp // 8}] = {self.ctx.rodata_token(data)}")
        self.emit(f"q[i + {tmp // 8 + 1}] = {len(data)}")
        return Loc("sp", tmp)

    def concat(self, node) -> Loc:
        """s1 + s2 + ...: one new string (concatstrings), operands in order."""
        operands = []

        def flatten(n):
            while n.type == "parenthesized_expression":
                n = n.children[0]
            if n.type == "binary_expression" and n.op == "+" and n.const is None:
                flatten(n.get("left"))
                flatten(n.get("right"))
            else:
                operands.append(n)
        flatten(node)
        parts = []
        for k, n in enumerate(operands):
            later = any(self.ctx.has_call(m) for m in operands[k + 1:])
            parts.append(self.str_bytes(n, spill=later and n.const is None))
        return self.string_temp(f"NEWSTR({' + '.join(parts)})")

    def concat_values(self, a, b) -> Loc:
        first = self.str_bytes(a, spill=self.ctx.has_call(b))
        return self.string_temp(f"NEWSTR({first} + {self.str_bytes(b)})")

    def slice_header_temp(self, ptr: str, length: str, cap: str) -> Loc:
        tmp = self.alloc_temp(T.Slice(T.UINT8))
        self.emit(f"q[i + {tmp // 8}] = {ptr}")
        self.emit(f"q[i + {tmp // 8 + 1}] = {length}")
        self.emit(f"q[i + {tmp // 8 + 2}] = {cap}")
        return Loc("sp", tmp)

    def slice_expr(self, node) -> Loc:
        """x[lo:hi:max] of a string, slice, array or pointer to array (Go's bounds checks)."""
        kind = node.slice_kind
        operand = node.get("operand")
        lo_n, hi_n, max_n = node.bounds
        if kind == "string":
            ptr, length = self.header_words(operand)
            cap = length
        elif kind == "slice":
            addr = self.pin(self.agg_addr(operand))
            ptr, length, cap = (self.pin(f"LD_q({addr} + {k})") for k in (0, 8, 16))
        else:
            if kind == "array":
                ptr = self.pin(self.addr_of_loc(self.loc(operand)))
                n = operand.ty.under.length
            else:
                ptr = self.pin(self.value(operand))
                self.emit(f"if {ptr} == 0: LD_q(0)")          # nil *array: the fault of a nil deref
                n = operand.ty.under.elem.under.length
            length = cap = str(n)
        if any(self.ctx.has_call(b) for b in node.bounds if b is not None):
            raise Unsupported(node.pos, "calls inside slice bounds")
        lo = self.pin(self.value(lo_n)) if lo_n is not None else "0"
        hi = self.pin(self.value(hi_n)) if hi_n is not None else length
        mx = self.pin(self.value(max_n)) if max_n is not None else cap
        elem = 1 if kind == "string" else node.ty.under.elem.size
        three = max_n is not None
        self.emit(f"SLICECHECK({lo}, {hi}, {mx}, {cap}, {int(three)}, {int(hi_n is not None)}, {int(kind == 'string')})")
        if kind == "string":
            tmp = self.alloc_temp(T.STRING)
            self.emit(f"q[i + {tmp // 8}] = {ptr} + {lo}" + (f" * {elem}" if elem != 1 else "") + f" if {hi} > {lo} else {ptr}")
            self.emit(f"q[i + {tmp // 8 + 1}] = {hi} - {lo}")
            return Loc("sp", tmp)
        # Go never makes a pointer past the end of the array: an empty tail keeps the base.
        return self.slice_header_temp(f"({ptr} + {lo} * {elem} if {mx} > {lo} else {ptr})",
                                      f"{hi} - {lo}", f"{mx} - {lo}")

    def make_slice(self, node) -> Loc:
        args = node.get("arguments").children
        elem = node.ty.under.elem
        length = self.pin(self.value(args[1]))
        cap = self.pin(self.value(args[2])) if len(args) > 2 else length
        ptr = self.pin(f"MAKESLICE({length}, {cap}, {elem.size}, {_ptrs(elem)}, {str(node.ty)!r})")
        return self.slice_header_temp(ptr, length, cap)

    def slice_literal(self, node) -> Loc:
        elem = node.ty.under.elem
        n = node.length
        ptr_tmp = Loc("sp", self.alloc_temp(T.Pointer(elem)))
        self.store(ptr_tmp, T.INT, f"MAKESLICE({n}, {n}, {elem.size}, {_ptrs(elem)}, {str(node.ty)!r})")
        for index, t, value in node.inits:
            if self.ctx.has_call(value):            # evaluate first: host names die at a call
                kind, val = self.stage_values([value], [t])[0]
                target = Loc("mem", index * elem.size, self.pin(self.load(ptr_tmp, T.INT)))
                self.store_staged(target, t, kind, val)
                continue
            target = Loc("mem", index * elem.size, self.pin(self.load(ptr_tmp, T.INT)))
            self.store_value(target, t, value)
        return self.slice_header_temp(self.load(ptr_tmp, T.INT), str(n), str(n))

    def store_value(self, loc: Loc, t: T.Type, value: Node):
        """Evaluate value and store it at loc (scalars by value, aggregates by copy)."""
        if t.is_scalar():
            self.store(loc, t, self.value(value, t))
        else:
            self.copy_addr(self.addr_of_loc(loc), self.agg_addr(value), t.size)

    def append_call(self, node) -> Loc:
        """append(s, v...): growslice when the capacity is exceeded (Go 1.19's rule)."""
        args = node.get("arguments").children
        elem = node.ty.under.elem
        result = Loc("sp", self.alloc_temp(node.ty))
        self.copy_addr(f"(sp + {result.off})", self.agg_addr(args[0]), 24)
        if node.spread:
            src = node.values[0]
            if T.is_string(src.ty):
                sptr, slen = self.header_words(src)
            else:
                saddr = self.pin(self.agg_addr(src))
                sptr, slen = self.pin(f"LD_q({saddr})"), self.pin(f"LD_q({saddr} + 8)")
            self.emit(f"APPENDN(sp + {result.off}, {sptr}, {slen}, {elem.size}, {_ptrs(elem)}, {str(node.ty)!r})")
            return result
        values = node.values
        if not values:
            return result
        staged = self.stage_values(values, [elem] * len(values)) if len(values) > 1 or self.ctx.has_call(values[0]) else None
        start = self.pin(f"GROW(sp + {result.off}, {len(values)}, {elem.size}, {_ptrs(elem)}, {str(node.ty)!r})")
        base = self.pin(f"LD_q(sp + {result.off})")
        for k, value in enumerate(values):
            target = Loc("mem", 0, base, [(f"({start} + {k})", elem.size)])
            if staged is not None:
                self.store_staged(target, elem, *staged[k])
            else:
                self.store_value(target, elem, value)
        return result

    def copy_call(self, node) -> str:
        dst, src = node.get("arguments").children
        daddr = self.pin(self.agg_addr(dst))
        if T.is_string(src.ty):
            sptr, slen = self.header_words(src)
        else:
            saddr = self.pin(self.agg_addr(src))
            sptr, slen = self.pin(f"LD_q({saddr})"), self.pin(f"LD_q({saddr} + 8)")
        es = 1 if T.is_string(src.ty) else dst.ty.under.elem.size
        return f"SLICECOPY({daddr}, {sptr}, {slen}, {es})"

    def convert_string(self, node) -> Loc:
        arg = node.get("arguments").children[0]
        kind = node.conv_kind
        if kind == "same":
            return self.agg_loc(arg)
        if kind == "runestring":
            return self.string_temp(f"INTSTRING({self.value(arg)})")
        if kind in ("bytes2str", "runes2str"):
            addr = self.pin(self.agg_addr(arg))
            op = "BYTESTOSTR" if kind == "bytes2str" else "RUNESTOSTR"
            return self.string_temp(f"{op}(LD_q({addr}), LD_q({addr} + 8))")
        op = "STRTOBYTES" if kind == "str2bytes" else "STRTORUNES"
        tmp = self.alloc_temp(node.ty)
        buf = getattr(node, "tmpbuf_var", None)
        where = "0"
        if buf is not None and not buf.escapes:
            where = f"sp + {self.ctx_slot(buf)}"        # the frame's tmpBuf (used if it fits)
        self.emit(f"{op}(sp + {tmp}, {self.str_bytes(arg)}, {where})")
        return Loc("sp", tmp)

    def map_key(self, key_node, key_t):
        """(normalized key, key bytes or None): the key evaluated once, in order."""
        if key_t.is_scalar():
            k = self.pin(self.value(key_node, key_t))
            return k, f"PACKKEY({k}, {key_t.under.fmt!r})"
        addr = self.pin(self.agg_addr(key_node))
        if T.is_string(key_t):
            k = f"SB({addr})"
        else:
            k = f"MAPKEY({addr}, {self.ctx.eq_desc(key_t)!r})"
        return k, f"RD({addr}, {key_t.size})"

    def map_index(self, node, comma_ok=False) -> list:
        m_node, key = node.get("operand"), node.get("index")
        mt = m_node.ty.under
        m = self.value(m_node)
        if self.ctx.has_call(key):
            m = self.spill(m, T.INT)
        k, _ = self.map_key(key, mt.key)
        tmp = Loc("sp", self.alloc_temp(mt.elem))
        ok = self.pin(f"MAPACCESS({m}, {k}, sp + {tmp.off}, {mt.elem.size})")
        if not comma_ok:
            return [tmp]
        ok_loc = Loc("sp", self.alloc_temp(T.BOOL))
        self.store(ok_loc, T.BOOL, ok)
        return [tmp, ok_loc]

    def map_slot(self, left):
        """The map and key of `m[k] = ...`, evaluated (phase one of an assignment)."""
        mt = left.get("operand").ty.under
        m = self.spill(self.value(left.get("operand")), T.INT)
        k_loc = Loc("sp", self.alloc_temp(mt.key))
        self.store_value(k_loc, mt.key, left.get("index"))
        return ("map", m, k_loc, mt)

    def map_store(self, slot, kind, val):
        _, m, k_loc, mt = slot
        k, kb = self.map_key(_LocNode(k_loc, mt.key), mt.key)
        if kind == "agg":
            data = f"RD({val}, {mt.elem.size})"
        else:
            tmp = Loc("sp", self.alloc_temp(mt.elem))
            self.store(tmp, mt.elem, val)
            data = f"RD(sp + {tmp.off}, {mt.elem.size})"
        self.emit(f"MAPASSIGN({m}, {k}, {kb}, {data})")

    def map_literal(self, node) -> Loc:
        mt = node.ty.under
        tmp = Loc("sp", self.alloc_temp(node.ty))
        self.store(tmp, T.INT, f"MAKEMAP({mt.elem.size}, {_ptrs(mt.key)}, {_ptrs(mt.elem)})")
        for key, value in node.inits:
            vt = Loc("sp", self.alloc_temp(mt.elem))
            self.store_value(vt, mt.elem, value)
            m = self.load(tmp, T.INT)
            k, kb = self.map_key(key, mt.key)
            self.emit(f"MAPASSIGN({m}, {k}, {kb}, RD(sp + {vt.off}, {mt.elem.size}))")
        return tmp

    # ------------------------------------------------------------ loads and stores

    def view_index(self, loc: Loc, size: int) -> str:
        parts = [VIEW_INDEX[size]] if loc.space == "sp" else []
        const = loc.off // size
        if const or not parts:
            parts.append(str(const))
        for expr, mult in loc.terms:
            k = mult // size
            parts.append(expr if k == 1 else f"{expr} * {k}")
        return " + ".join(parts)

    def view_name(self, t: T.Type, loc: Loc) -> str:
        name = VIEW_NAMES[t.under.fmt]
        return f"G{name}" if loc.space == "glob" else name

    def register(self, loc: Loc, t: T.Type):
        if self.regs is None or loc.space != "sp" or loc.terms:
            return None
        reg = self.regs.get(loc.off)
        return reg[0] if reg is not None and reg[1] == t.size else None

    def load(self, loc: Loc, t: T.Type) -> str:
        reg = self.register(loc, t)
        if reg is not None:
            return reg
        fmt = t.under.fmt
        if not fmt:
            raise Unsupported(self.fn.decl.pos, f"loading a value of type {t}")
        if loc.space == "mem":
            return f"LD_{fmt}({self.addr_of_loc(loc)})"
        text = f"{self.view_name(t, loc)}[{self.view_index(loc, t.size)}]"
        if loc.space == "sp" and not loc.terms and loc.off in self.ro_params and t.size == PTR_SIZE:
            return self.param_load(loc.off, fmt, text)
        return text

    def param_load(self, off: int, fmt: str, text: str) -> str:
        """A read-only parameter: the host variable that already holds it in this block,
        or load it into one now if this line runs unconditionally (top level of the
        block, outside loops and captured lines), else the memory load itself."""
        if self.capturing:
            return text
        key = (off, fmt)
        name = self.param_cache.get(key)
        if name is None and self.indent == 1 and self.python_loops == 0 and self.regs is None:
            name = self.param_cache[key] = f"_a{off}{fmt}"
            self.emit(f"{name} = {text}")
        return name or text

    def store(self, loc: Loc, t: T.Type, value: str):
        reg = self.register(loc, t)
        if reg is not None:
            self.emit(f"{reg} = {value}")
            self.reg_dirty.add(loc.off)
            return
        fmt = t.under.fmt
        if not fmt:
            raise Unsupported(self.fn.decl.pos, f"storing a value of type {t}")
        if loc.space == "mem":
            self.emit(f"ST_{fmt}({self.addr_of_loc(loc)}, {value})")
            return
        target = f"{self.view_name(t, loc)}[{self.view_index(loc, t.size)}]"
        wrapped = _WRAPPED_INT64.match(value) if fmt == "q" else None
        if wrapped:
            # The int64 view refuses a value out of range (ValueError), so the store
            # itself is the overflow test; a try costs nothing until it catches.
            name = wrapped.group(1)
            self.emit(f"try: {target} = {name}")
            self.emit(f"except ValueError: {target} = W64({name})")
            return
        self.emit(f"{target} = {value}")

    def copy(self, dst: Loc, src: Loc, t: T.Type):
        if t.is_scalar():
            self.store(dst, t, self.load(src, t))
        else:
            self.copy_addr(self.addr_of_loc(dst), self.addr_of_loc(src), t.size)

    def copy_addr(self, dst: str, src: str, n: int):
        if n:
            self.emit(f"MOVE({dst}, {src}, {n})")

    def zero(self, loc: Loc, t: T.Type):
        if t.is_scalar():
            self.store(loc, t, "0.0" if t.under.fmt == "d" else "0")
        elif t.size:
            self.emit(f"FILL({self.addr_of_loc(loc)}, {t.size})")

    def spill(self, expr: str, t: T.Type) -> str:
        """Keep a value in a frame temp: host variables do not survive a call."""
        t = t if t is not None and t.is_scalar() else T.INT
        tmp = self.alloc_temp(t)
        loc = Loc("sp", tmp)
        self.store(loc, t, expr)
        return self.load(loc, t)


class _LocNode(Node):
    """A value already stored at a frame location, standing where an expression was."""

    def __init__(self, loc, t):
        super().__init__("stored_value", None)
        self.loc_value = loc
        self.ty = t


# What wrap() makes of an int64 result: (_tN if <range test> else W64(_tN)).
_WRAPPED_INT64 = re.compile(r"^\((_t\d+) if [^()]* else W64\(\1\)\)$")


def _assigned_vars(body) -> set | None:
    """The variables a function body assigns (targets of =, :=, op=, ++/--, range and
    select receives), or None if it cannot tell."""
    if body is None:
        return None
    out = set()

    def targets(n):
        if isinstance(getattr(n, "sym", None), Var):
            out.add(n.sym)
        for c in n.children:
            targets(c)

    def walk(n):
        if n.type in ("inc_statement", "dec_statement"):
            targets(n)
        left = n.fields.get("left") if n.type != "binary_expression" else None
        for target in (left if isinstance(left, list) else [left] if left is not None else []):
            targets(target)
        for c in n.children:
            walk(c)
    walk(body)
    return out


def call_args(node) -> list:
    """A call's arguments, with a method call's receiver first."""
    args = getattr(node, "call_args", None)
    return args if args is not None else node.get("arguments").children


def _strip_variadic(node):
    return node.children[0] if node.type == "variadic_argument" else node


class _VariadicLiteral:
    """f(a, b, c) for f(xs ...T): the arguments as the literal []T{a, b, c}."""

    def __init__(self, slice_t, values):
        self.ty = slice_t
        self.length = len(values)
        self.inits = [(k, slice_t.elem, v) for k, v in enumerate(values)]


def header_size(kind: str) -> int:
    return T.Slice(T.UINT8).size if kind == "slice" else T.STRING.size


def _strip_parens(node):
    while node.type == "parenthesized_expression":
        node = node.children[0]
    return node


def _is_map_index(node) -> bool:
    node = _strip_parens(node)
    return node.type == "index_expression" and getattr(node, "index_kind", "") == "map"


def _has_indirect_equality(t: T.Type) -> bool:
    """Does == on t need more than comparing bytes (strings, interfaces, floats)?"""
    u = t.under
    if isinstance(u, T.Basic):
        return u.kind in ("string", "float")
    if isinstance(u, T.Interface):
        return True
    if isinstance(u, T.Array):
        return _has_indirect_equality(u.elem)
    if isinstance(u, T.Struct):
        return any(_has_indirect_equality(f.type) for f in u.fields)
    return False


def _ptrs(t: T.Type) -> str:
    """A type's pointer map as Python source (for the collector)."""
    return repr(tuple(t.ptr_offsets()))


def _args_struct(sig: T.Signature, layout: ParamLayout) -> T.Type:
    """The argument area of a call as one value (for go statements)."""
    st = T.Struct([T.Field(f"a{k}", t) for k, t in enumerate(sig.params)])
    st.layout()
    pad = layout.args_size - st.size
    if pad > 0:
        st.fields.append(T.Field("results", T.Array(T.UINT8, pad)))
    st.layout()
    st.size = layout.args_size
    return st


def generate_function(ctx, fn: FuncSym) -> FuncCode:
    """Two passes: learn the frame size, then emit with final offsets."""
    first = FuncGen(ctx, fn, None).generate()
    ctx.zeroing[fn] = bool(first.local_ptrs)
    second = FuncGen(ctx, fn, first.frame_size).generate()
    assert second.frame_size == first.frame_size, fn.name
    return second
