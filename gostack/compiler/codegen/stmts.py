"""stmts: Go's simple statements: declarations, assignments, returns and defer.

Go counterpart: ssagen's (*state).stmt and walk's order of evaluation for
OAS/OAS2/OASOP, ORETURN and ODEFER.  stmt() dispatches on the syntax node
(stmt_<type>, or cfg_<type> for a control statement that contains a call);
control flow is in control.py, channel statements in chanops.py.

defer pushes a record {link, fn, sp, pc} on g.defer (in the frame, or on
the heap inside a loop) and the function returns through its deferreturn
block, which calls each deferred closure, as Go's deferproc and deferreturn did
before open-coded defers (Go 1.14).
"""

from __future__ import annotations

from ... import types as T
from ..symbols import Var
from .data import is_map_index, strip_parens
from .emit import CallSiteCode, set_sp
from .frame import Loc, ptr_map
from .memory import LocNode
from ..parse import Node


# A defer record (runtime._defer, reduced): the next older record, the deferred
# closure, the SP of the deferring frame and the pc of its deferreturn block.
DEFER_LINK, DEFER_FN, DEFER_SP, DEFER_PC = 0, 8, 16, 24
DEFER_RECORD_SIZE = 32


class StmtGen:
    """FuncGen's statements (besides control flow and channel operations)."""

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
        if expr.recv:
            self.receive(expr)
            return
        if self.lowered_call(expr):
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
                      f"{ptr_map(v.type)})")
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
        if is_map_index(left):
            return self.map_slot(strip_parens(left))
        return self.stable(self.lvalue(left))

    def op_assign(self, left, op, value, node):
        if is_map_index(left):
            slot = self.map_slot(strip_parens(left))
            _, m, k_loc, mt = slot
            k, _ = self.map_key(LocNode(k_loc, mt.key), mt.key)
            cur = Loc("sp", self.alloc_temp(mt.elem))
            self.emit(f"MAPACCESS({m}, {k}, sp + {cur.off}, {mt.elem.size})")
            if T.is_string(left.ty):
                new = self.concat_values(LocNode(cur, left.ty), value)
                self.map_store(slot, "agg", self.addr_of_loc(new))
                return
            rhs = self.value(value, left.ty)
            self.map_store(slot, "val", self.arith(op, self.load(cur, left.ty), rhs, left.ty, value))
            return
        if T.is_string(left.ty):
            loc = self.stable(self.lvalue(left))
            new = self.concat_values(LocNode(loc, left.ty), value)
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
        if is_map_index(target):
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

    # ---- defer

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
