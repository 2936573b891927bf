"""frame: the layout of a Go function's frame and arguments, and its stack maps.

Go counterpart: cmd/compile's ssagen.AllocFrame and abi (ABIParamAssignment)
for the layout, liveness (plive.go) for the stack maps, and cmd/internal/obj's
x86 preprocess/stacksplit (obj6.go) for the prologue and epilogue that make and
pop the frame.  The runtime reads what is decided here through FuncInfo and
CallSite (runtime/symtab.py): frame_size, args_size, arg_ptrs, live_ptrs.

Frame layout (amd64, stack-based arguments as in Go's ABI0):

      higher addresses
    +------------------------+
    | results                |  argp + params_size (word aligned)
    | params                 |  argp = entry SP + 8
    +------------------------+
    | return address         |  entry SP (pushed by the caller's CALL)
    +------------------------+
    | saved BP (frame ptr)   |  varp = SP + frame_size - 8
    | locals, temps          |
    | outgoing args          |  SP + 0 ...: the callee's params and results
    +------------------------+  SP = entry SP - frame_size
      lower addresses (the stack grows down towards stack.lo)

`frame_size` includes the saved-BP slot and excludes the return address,
which is what Go's prologue compares ("$48-8" in assembly listings).
Locals and temporaries are given slots as code is generated (alloc), so the
first of codegen's two passes learns the frame size and the second emits the
final offsets of the parameters, which sit above the frame.

Deliberate differences from gc (issue 12): every parameter and result has a
stack slot (ABI0, no register ABI), every temporary a fresh slot that is never
reused, and a stack map is the set of pointer slots of the scopes open at a
call (plus the temporaries) rather than the result of a liveness analysis.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ...profiles import PTR_SIZE
from ... import types as T
from ..symbols import Var
from .emit import FRAME_SET, set_sp


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


class FrameGen:
    """FuncGen's frame: slots for locals and temporaries, the prologue and the epilogue."""

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
        for sig in self.fn.value_sigs:
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
            scope = self.scopes[0] if v.captured else self.scopes[-1]
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

    def _arg_ptrs(self):
        ptrs = []
        for t, off in zip(self.fn.sig.params, self.layout.params):
            ptrs.extend(off + p for p in t.ptr_offsets())
        return ptrs

    # ---- prologue and epilogue (obj6.go)

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
        if self.fn.captures:
            # The closure pointer arrives in the context register (DX in Go); keep it
            # in the frame, where stack maps see it and copystack adjusts it.
            self.ctxt_slot = self.alloc(T.Pointer(T.UINT8))
            self.scopes[0].append(self.ctxt_slot)
            self.emit(f"q[i + {self.ctxt_slot // 8}] = g.ctxt")
        for k, v in enumerate(self.fn.params):
            if v.escapes:
                kind, slot = self.declare_var(v)
                self.emit(f"_h = MALLOC({max(v.type.size, 1)}, {v.name!r}, {ptr_map(v.type)})")
                self.emit(f"MOVE(_h, sp + {self.arg_offset(k)}, {v.type.size})")
                self.emit(f"q[i + {slot // 8}] = _h")
            else:
                self.var_loc[v] = ("arg", k)
        for k, v in enumerate(self.fn.results):
            if v.escapes:
                kind, slot = self.declare_var(v)
                self.emit(f"q[i + {slot // 8}] = MALLOC({max(v.type.size, 1)}, {v.name!r}, "
                          f"{ptr_map(v.type)})")
            else:
                self.var_loc[v] = ("result", k)

    def epilogue(self):
        """Return: through deferreturn if the function defers, else straight out."""
        if self.fn.has_defer:
            if self.dr_block is None:
                self.dr_block = self.new_block()
            self.emit(f"return @J{self.dr_block.index}@")
            return
        self.real_epilogue()

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


def _assigned_vars(body) -> set | None:
    """The variables a function body assigns (targets of =, :=, op=, ++/--, range and
    select receives), or None if it cannot tell."""
    if body is None:
        return None
    out = set()

    def targets(n):
        if isinstance(n.sym, Var):
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


def ptr_map(t: T.Type) -> str:
    """A type's pointer map as Python source (for the collector)."""
    return repr(tuple(t.ptr_offsets()))
