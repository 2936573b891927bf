"""control: if, for, switch, range, labels and jumps, native or lowered to blocks.

Go counterpart: ssagen's (*state).stmt for OIF, OFOR, OSWITCH, ORANGE (after
walk's range lowering), OBREAK/OCONTINUE/OGOTO.  A statement with no call in
it stays native Python control flow inside one block (an outermost loop
without calls keeps its scalar locals in host variables and checks for
preemption every LOOP_CHECK_EVERY iterations); one that contains a call is
lowered to blocks and jumps (the cfg_* methods), as gc lowers all of them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ...errors import Unsupported
from ... import types as T
from ...abi import LOOP_CHECK_EVERY
from ..symbols import Var
from .data import is_map_index, strip_parens, header_size
from .emit import Block
from .frame import Loc


@dataclass
class LoopCtx:
    """An enclosing for or switch: where break and continue go (blocks, or native Python)."""

    label: str
    kind: str                # "for" or "switch"
    native: bool
    python_depth: int        # python loop nesting at the loop (native loops)
    break_block: int = -1
    continue_block: int = -1
    post: object = None      # the post statement (for continue in native loops)


class ControlGen:
    """FuncGen's control flow statements."""

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
        if node.range_kind is not None:
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
        label = node.label
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
        self.loops.append(LoopCtx(node.label, "switch", True, self.python_loops))
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
        ctx = LoopCtx(node.label, "switch", False, self.python_loops, break_block=end.index)
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
        if node.goto_target:
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
        if node.range_chan is not None:
            return self.cfg_range_channel(node)
        if node.range_kind is not None:
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
        ctx = LoopCtx(node.label, "for", False, self.python_loops,
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
        ctx = LoopCtx(node.label, "switch", False, self.python_loops,
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

    # ---- range loops

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
            label = node.label
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
                if is_map_index(target):
                    self.map_store(self.map_slot(strip_parens(target)), "val" if t.is_scalar() else "agg",
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
