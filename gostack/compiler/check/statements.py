"""statements: checking statements.

Go counterpart: types2/stmt.go (and labels.go, return.go's isTerminating).
One method per tree-sitter statement type, `stmt_<type>`, dispatched by
`stmt`.  Go and defer statements get their call's operands bound at the
statement (defer_wrapper builds the closure Go calls a deferwrap).

Differences: labels, gotos and loop depth are tracked here for codegen's
blocks and escape analysis rather than in a separate pass.
"""

from __future__ import annotations

from ...errors import CompileError, Unsupported
from ... import types as T
from ..lower import as_type_node, defer_literal, ident, selector, unary, variadic_argument
from ..parse import Node
from ..symbols import Builtin, FuncSym, Scope, TypeName, Var


class Statements:
    """Checking statements, one stmt_<type> method per statement kind (a Checker mixin)."""

    def block(self, node: Node, scope: Scope):
        stmts = node.children[0].children if node.children and node.children[0].type == "statement_list" else node.children
        for stmt in stmts:
            self.stmt(stmt, scope)
        self.check_unused(scope)

    def check_unused(self, scope: Scope):
        for sym in scope.names.values():
            if isinstance(sym, Var) and sym.kind == "local" and not sym.used:
                raise CompileError(sym.pos, f"{sym.name} declared but not used")

    def stmt(self, node: Node, scope: Scope):
        handler = getattr(self, f"stmt_{node.type}", None)
        if handler is None:
            raise Unsupported(node.pos, node.type.replace("_", " "))
        handler(node, scope)

    def stmt_statement_list(self, node, scope):
        for s in node.children:
            self.stmt(s, scope)

    def stmt_empty_statement(self, node, scope):
        pass

    def stmt_expression_statement(self, node, scope):
        expr = node.children[0]
        self.expr(expr, scope)
        if expr.type != "call_expression" and not self._is_receive(expr):
            raise CompileError(expr.pos, f"{self.text(expr)} (value of type {expr.ty}) is not used")

    def stmt_block(self, node, scope):
        self.block(node, Scope(scope))

    def stmt_var_declaration(self, node, scope):
        for spec in self._var_specs(node):
            names = spec.getlist("name")
            tnode = spec.get("type")
            value = spec.get("value")
            values = value.children if value is not None else []
            vtype = self.resolve_type(tnode, scope) if tnode is not None else None
            targets = [self.new_local(n, vtype) for n in names]
            if values:
                self.check_assign_values(targets, values, vtype, spec, scope)
            for n, v in zip(names, targets):
                self.redeclare_check(scope, n.text, n.pos)
                if n.text != "_":
                    scope.names[n.text] = v
            spec.targets = targets

    def stmt_const_declaration(self, node, scope):
        self.declare_consts(node, scope)

    def stmt_type_declaration(self, node, scope):
        """A type declared inside a function: named main.T as Go prints it."""
        for spec in node.children:
            if spec.type == "type_alias":
                raise Unsupported(spec.pos, "type aliases")
            if spec.get("type_parameters") is not None:
                raise Unsupported(spec.pos, "generics")
            name = spec.get("name").text
            named = T.Named(name)
            self.redeclare_check(scope, name, spec.pos)
            scope.names[name] = TypeName(name, named)
            named.underlying = self.resolve_type(spec.get("type"), scope)
            self.check_type_cycle(named, spec.pos, set())

    def stmt_return_statement(self, node, scope):
        fn = self.func
        values = node.children[0].children if node.children else []
        if not values:
            if fn.results and not all(r.name for r in fn.results):
                raise CompileError(node.pos, "not enough return values\n\thave ()\n\twant "
                                             + str(T.Tuple(fn.sig.results)))
            return
        if len(values) == 1 and len(fn.results) > 1:
            self.expr(values[0], scope)
            tt = values[0].ty
            if isinstance(tt, T.Tuple) and len(tt.types) == len(fn.results):
                return
        if len(values) != len(fn.results):
            for v in values:
                self.expr(v, scope)
            which = "too many" if len(values) > len(fn.results) else "not enough"
            have = "(" + ", ".join(self.type_desc(v) for v in values) + ")"
            raise CompileError(values[0].pos, f"{which} return values\n\thave {have}\n\twant "
                                              f"{T.Tuple(fn.sig.results)}")
        for v, r in zip(values, fn.sig.results):
            self.expr(v, scope)
            self.single_value(v)
            self.convert_operand(v, r)

    def type_desc(self, node):
        if node.const is not None and isinstance(node.ty, T.Basic) and node.ty.is_untyped():
            return "number"
        return str(node.ty)

    def stmt_if_statement(self, node, scope):
        inner = Scope(scope)
        if node.get("initializer") is not None:
            self.stmt(node.get("initializer"), inner)
        cond = node.get("condition")
        self.expr(cond, inner)
        self.boolean(cond, "if")
        self.block(node.get("consequence"), Scope(inner))
        alt = node.get("alternative")
        if alt is not None:
            if alt.type == "block":
                self.block(alt, Scope(inner))
            else:
                self.stmt(alt, inner)
        self.check_unused(inner)

    def boolean(self, cond, what):
        if not (isinstance(cond.ty.under, T.Basic) and cond.ty.under.kind in ("bool", "untyped_bool")):
            raise CompileError(cond.pos, f"non-boolean condition in {what} statement")
        self.convert_operand(cond, T.BOOL)

    def stmt_for_statement(self, node, scope):
        inner = Scope(scope)
        clause = next((c for c in node.children if c.type in ("for_clause", "range_clause")), None)
        if clause is not None and clause.type == "range_clause":
            src = clause.get("right")
            self.expr(src, inner)
            self.single_value(src)
            if isinstance(src.ty.under, T.Chan):
                return self.range_over_channel(node, clause, inner)
            return self.range_over_values(node, clause, inner)
        cond = None
        if clause is not None:
            if clause.get("initializer") is not None:
                self.stmt(clause.get("initializer"), inner)
            cond = clause.get("condition")
            if cond is not None:
                self.expr(cond, inner)
                self.boolean(cond, "for")
            if clause.get("update") is not None:
                self.stmt(clause.get("update"), inner)
        else:
            cond = next((c for c in node.children if c.type not in ("block",)), None)
            if cond is not None:
                self.expr(cond, inner)
                self.boolean(cond, "for")
        node.cond = cond
        node.clause = clause
        self.loop_depth += 1
        self.block(node.get("body"), Scope(inner))
        self.loop_depth -= 1
        self.check_unused(inner)

    def range_over_values(self, node, clause, inner):
        """for k, v := range x over a string, slice, array, pointer to array or map."""
        src = clause.get("right")
        t = src.ty.under
        if isinstance(t, T.Pointer) and isinstance(t.elem.under, T.Array):
            t = t.elem.under
        if T.is_string(t):
            if src.const is not None:
                self.convert_operand(src, T.STRING)
            kind, types = "string", [T.INT, T.INT32]
        elif isinstance(t, (T.Slice, T.Array)):
            kind, types = type(t).__name__.lower(), [T.INT, t.elem]
        elif isinstance(t, T.Map):
            kind, types = "map", [t.key, t.elem]
        else:
            raise CompileError(src.pos, f"cannot range over {self.text(src)} (variable of type {src.ty})")
        left = clause.get("left")
        lefts = left.children if left is not None else []
        if len(lefts) > 2:
            raise CompileError(lefts[2].pos, "range clause permits at most two iteration variables")
        # one variable for the whole loop (Go 1.19)
        node.range_vars = self.bind_targets(lefts, types, clause.op == ":=", inner, inner)
        node.range_kind, node.range_src = kind, src
        node.range_types = types
        node.cond, node.clause = None, None
        if kind == "map":
            self.func.has_calls = True
        self.loop_depth += 1
        self.block(node.get("body"), Scope(inner))
        self.loop_depth -= 1
        self.check_unused(inner)

    def range_over_channel(self, node, clause, inner):
        src = clause.get("right")
        ct = src.ty.under
        if not isinstance(ct, T.Chan):
            raise Unsupported(clause.pos, f"range over {src.ty}")
        left = clause.get("left")
        lefts = left.children if left is not None else []
        if len(lefts) > 1:
            raise CompileError(lefts[1].pos, f"range over {self.text(src)} permits only one iteration variable")
        node.range_var = None
        if lefts:
            target = lefts[0]
            if clause.op == ":=":
                v = self.new_local(target, ct.elem)
                if target.text != "_":
                    inner.names[target.text] = v
                node.range_var = ("define", v)
            else:
                self.lvalue(target, inner)
                if target.ty is not None:
                    self.assignable(ct.elem, target.ty, target.pos, None)
                node.range_var = ("assign", target)
        node.range_chan = src
        node.cond, node.clause = None, None
        self.func.has_calls = True
        self.loop_depth += 1
        self.block(node.get("body"), Scope(inner))
        self.loop_depth -= 1
        self.check_unused(inner)

    def stmt_expression_switch_statement(self, node, scope):
        inner = Scope(scope)
        if node.get("initializer") is not None:
            self.stmt(node.get("initializer"), inner)
        tag = node.get("value")
        if tag is not None:
            self.expr(tag, inner)
            self.single_value(tag)
            if isinstance(tag.ty, T.Basic) and tag.ty.is_untyped():
                self.convert_operand(tag, T.DEFAULT_TYPE.get(tag.ty.kind, tag.ty))
        cases = [c for c in node.children if c.type in ("expression_case", "default_case")]
        defaults = [c for c in cases if c.type == "default_case"]
        if len(defaults) > 1:
            raise CompileError(defaults[1].pos, "multiple defaults in switch")
        for i, case in enumerate(cases):
            if case.type == "expression_case":
                for value in case.get("value").children:
                    self.expr(value, inner)
                    if tag is not None:
                        self.check_binary_types(value, "==", tag, value, compare_only=True)
                    else:
                        self.boolean(value, "switch")
            body = Scope(inner)
            stmts = [c for c in case.children if c.type == "statement_list"]
            for s in stmts:
                for st in s.children:
                    if st.type == "fallthrough_statement":
                        if st is not s.children[-1]:
                            raise CompileError(st.pos, "fallthrough statement out of place")
                        if i == len(cases) - 1:
                            raise CompileError(st.pos, "cannot fallthrough final case in switch")
                    self.stmt(st, body)
            self.check_unused(body)
        self.check_unused(inner)

    def stmt_fallthrough_statement(self, node, scope):
        pass

    def stmt_labeled_statement(self, node, scope):
        label = node.get("label").text
        self.labels[label] = node
        inner = [c for c in node.children if c.type != "label_name"]
        for s in inner:
            self.stmt(s, scope)

    def stmt_break_statement(self, node, scope):
        pass

    def stmt_continue_statement(self, node, scope):
        pass

    def stmt_go_statement(self, node, scope):
        call = node.children[0]
        if call.type != "call_expression":
            raise CompileError(node.pos, "expression in go must be function call")
        self.expr(call, scope)
        if not isinstance(call.callee, FuncSym) and call.func_value is None:
            raise Unsupported(call.pos, "go with a built-in or runtime function")
        node.call = call
        self.func.has_calls = True

    def stmt_defer_statement(self, node, scope):
        """defer f(a, b): evaluate f's operands now, defer a closure that makes the call.

        This is Go's own lowering since 1.17 (the deferred call becomes a
        func() with no arguments); the closure is marked as a wrapper, so a
        recover() in f still sees the panic, as in Go.
        """
        call = node.children[0]
        while call.type == "parenthesized_expression":
            call = call.children[0]
        if call.type != "call_expression":
            raise CompileError(node.pos, "expression in defer must be function call")
        fn_node = call.get("function")
        if fn_node.type == "func_literal" and not call.get("arguments").children:
            self.expr(fn_node, scope)
            node.defer_binds, node.defer_lit = [], fn_node
        else:
            self.expr(call, scope)
            node.defer_binds, node.defer_lit = self.defer_wrapper(call, scope)
            node.defer_lit.lit_fn.wrapper = True
        node.in_loop = self.loop_depth > 0
        self.func.has_defer = True
        # Go open-codes the defers of a function with at most 8 of them and none in a
        # loop; its panics then run them from runOpenDeferFrame (another gopanic line).
        first = self.func.defer_count == 0
        self.func.defer_count += 1
        self.func.open_coded = (self.func.defer_count <= 8 and (first or self.func.open_coded)
                                and not node.in_loop)
        self.func.has_calls = True

    def defer_wrapper(self, call, scope):
        """(bindings evaluated at the defer statement, the func literal that calls)."""
        pos = call.pos
        inner = Scope(scope)
        binds = []

        def bind(expr, t):
            name = f"~d{len(binds)}"
            v = Var(name, t, "local", pos, self.func)
            v.used = True
            v.loop_depth = self.loop_depth
            self.func.locals.append(v)
            inner.names[name] = v
            binds.append((v, expr))
            return ident(name, pos)

        fn_node = call.get("function")
        if call.func_value is not None:
            new_fn = bind(fn_node, fn_node.ty)
        elif fn_node.method_fn is not None or call.iface_call is not None:
            recv = fn_node.receiver_expr if fn_node.method_fn is not None else call.iface_operand
            new_fn = selector(bind(recv, recv.ty), fn_node.get("field").text, pos)
        elif fn_node.method is not None:        # sync.(*Mutex).Unlock and friends
            operand = fn_node.get("operand")
            if isinstance(operand.ty.under, T.Pointer):
                recv = operand
            else:
                recv = unary("&", operand, pos)
                recv.ty = T.Pointer(operand.ty)
            new_fn = selector(bind(recv, recv.ty), fn_node.get("field").text, pos)
        else:
            new_fn = fn_node                  # a function or builtin named directly
        sig = call.sig or getattr(call.callee, "sig", None)
        params = list(sig.params) if sig is not None else []
        if fn_node.method_fn is not None:
            params = params[1:]
        args = []
        for k, a in enumerate(call.get("arguments").children):
            spread = a.type == "variadic_argument"
            expr = a.children[0] if spread else a
            t = expr.ty
            if call.variadic_pack is not None and k >= call.variadic_pack:
                t = params[-1].elem if params else expr.ty
            elif k < len(params) and not spread:
                t = params[k]
            if isinstance(t, T.Basic) and t.is_untyped():
                t = T.DEFAULT_TYPE.get(t.kind, t)
            bound = bind(expr, t)
            args.append(variadic_argument(bound, pos) if spread else bound)
        lit = defer_literal(new_fn, args, pos)
        self.expr_func_literal(lit, inner, wrapper=True)
        return binds, lit

    def stmt_goto_statement(self, node, scope):
        node.goto_label = node.children[0].text
        self.gotos.append(node)

    def stmt_select_statement(self, node, scope):
        """select: each case is a send or a receive; at most one default."""
        node.cases = []
        defaults = 0
        for case in node.children:
            if case.type == "default_case":
                defaults += 1
                if defaults > 1:
                    raise CompileError(case.pos, "multiple defaults in select")
                node.cases.append(("default", None, case))
                continue
            if case.type != "communication_case":
                continue
            body = Scope(scope)
            comm = case.get("communication")
            if comm.type == "send_statement":
                self.stmt_send_statement(comm, scope)
                node.cases.append(("send", comm, case))
            elif comm.type == "receive_statement":
                self.check_select_receive(comm, scope, body)
                node.cases.append(("recv", comm, case))
            else:
                raise CompileError(comm.pos, "select case must be receive, send or assign recv")
            case.scope = body
        for kind, comm, case in node.cases:
            inner = case.scope or Scope(scope)
            self.loop_depth += 0
            for s in case.children:
                if s.type == "statement_list":
                    for st in s.children:
                        self.stmt(st, inner)
            self.check_unused(inner)
        self.func.has_calls = True

    def check_select_receive(self, comm, scope, body):
        recv = comm.get("right")
        while recv.type == "parenthesized_expression":
            recv = recv.children[0]
        if not self._is_receive(recv):
            raise CompileError(comm.pos, "select case must be receive, send or assign recv")
        self.expr(recv, scope)
        left = comm.get("left")
        lefts = left.children if left is not None else []
        comm.recv = recv
        if len(lefts) > 2:
            raise CompileError(comm.pos, "too many variables on left side of receive")
        comm.targets = self.bind_targets(lefts, [recv.ty, T.BOOL], comm.op == ":=", body, scope)

    def stmt_send_statement(self, node, scope):
        ch, value = node.get("channel"), node.get("value")
        self.expr(ch, scope)
        self.single_value(ch)
        ct = ch.ty.under
        if not isinstance(ct, T.Chan):
            raise CompileError(node.pos, f"invalid operation: cannot send to non-channel "
                                         f"{self.text(ch)} (variable of type {ch.ty})")
        if ct.dir == "recv":
            raise CompileError(node.pos, f"invalid operation: cannot send to receive-only channel "
                                         f"{self.text(ch)} (variable of type {ch.ty})")
        self.expr(value, scope)
        self.single_value(value)
        self.convert_operand(value, ct.elem)
        self.func.has_calls = True

    def stmt_type_switch_statement(self, node, scope):
        """switch v := x.(type) { case T1, T2: ... }: v has T in one-type cases, else x's type."""
        inner = Scope(scope)
        if node.get("initializer") is not None:
            self.stmt(node.get("initializer"), inner)
        x = node.get("value")
        self.expr(x, inner)
        self.single_value(x)
        if not isinstance(x.ty.under, T.Interface):
            raise CompileError(x.pos, f"{self.text(x)} (variable of type {x.ty}) is not an interface")
        alias = node.get("alias")
        alias_name = alias.children[0] if alias is not None and alias.type == "expression_list" else alias
        node.clauses = []
        defaults = 0
        for case in node.children:
            if case.type not in ("type_case", "default_case"):
                continue
            types = []
            if case.type == "default_case":
                defaults += 1
                if defaults > 1:
                    raise CompileError(case.pos, "multiple defaults in switch")
            else:
                for tn in case.getlist("type"):
                    if tn.type == "identifier" and tn.text == "nil" or tn.text == "nil":
                        types.append(None)
                        continue
                    t = self.resolve_type(as_type_node(tn), inner)
                    if not isinstance(t.under, T.Interface):
                        self.check_assertable(x, t, tn)
                        self.note_iface_type(t)
                    types.append(t)
            body = Scope(inner)
            var = None
            if alias_name is not None:
                vt = types[0] if len(types) == 1 and types[0] is not None else x.ty
                var = Var(alias_name.text, vt, "local", alias_name.pos, self.func)
                var.loop_depth = self.loop_depth
                var.used = True
                self.func.locals.append(var)
                if alias_name.text != "_":
                    body.names[alias_name.text] = var
            for s in case.children:
                if s.type == "statement_list":
                    for st in s.children:
                        if st.type == "fallthrough_statement":
                            raise CompileError(st.pos, "cannot fallthrough in type switch")
                        self.stmt(st, body)
            self.check_unused(body)
            node.clauses.append((case, types, var))
        node.subject = x
        self.check_unused(inner)

    def terminates(self, node: Node) -> bool:
        """Go's terminating statement rules (spec: Terminating statements)."""
        kind = node.type
        if kind == "block":
            stmts = node.children[0].children if node.children and node.children[0].type == "statement_list" else node.children
            return bool(stmts) and self.terminates(stmts[-1])
        if kind == "return_statement":
            return True
        if kind == "expression_statement":
            call = node.children[0]
            return call.type == "call_expression" and call.get("function").text == "panic" \
                and isinstance(call.get("function").sym, Builtin)
        if kind == "if_statement":
            alt = node.get("alternative")
            return alt is not None and self.terminates(node.get("consequence")) and self.terminates(alt)
        if kind == "for_statement":
            return node.cond is None and not self._has_break(node.get("body"), node, None)
        if kind == "labeled_statement":
            inner = [c for c in node.children if c.type != "label_name"]
            return bool(inner) and self.terminates(inner[-1])
        if kind == "select_statement":
            for case in node.children:
                if case.type not in ("communication_case", "default_case"):
                    continue
                stmts = [s for c in case.children if c.type == "statement_list" for s in c.children]
                if not stmts or self._has_break(case, node, None) or not self.terminates(stmts[-1]):
                    return False
            return True
        if kind in ("expression_switch_statement", "type_switch_statement"):
            cases = [c for c in node.children if c.type in ("expression_case", "type_case", "default_case")]
            if not any(c.type == "default_case" for c in cases):
                return False
            for case in cases:
                stmts = [s for c in case.children if c.type == "statement_list" for s in c.children]
                if not stmts or self._has_break(case, node, None):
                    return False
                if not (self.terminates(stmts[-1]) or stmts[-1].type == "fallthrough_statement"):
                    return False
            return True
        return False

    def _has_break(self, node, target, label):
        for child in node.children:
            if child.type == "break_statement":
                lbl = child.children[0].text if child.children else None
                if lbl is None or (label is not None and lbl == label):
                    return True
            if child.type in ("for_statement", "expression_switch_statement", "select_statement",
                              "type_switch_statement"):
                continue
            if self._has_break(child, target, label):
                return True
        return False
