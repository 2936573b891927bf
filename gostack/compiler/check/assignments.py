"""assignments: assignments, short variable declarations, and assignability.

Go counterpart: types2/assignments.go (assignVar, initVars, shortVarDecl)
and operand.go's assignableTo.  An untyped operand is converted to the type
it is assigned to (convert_operand); comma-ok forms (v, ok = m[k], <-c, x.(T))
are recognized here.
"""

from __future__ import annotations

from ...errors import CompileError
from ... import types as T
from ..parse import Node
from ..symbols import Scope, Var


class Assignments:
    """Assignments, declarations of locals, and assignability (a Checker mixin)."""

    def new_local(self, name_node, vtype):
        v = Var(name_node.text, vtype, "local", name_node.pos, self.func)
        v.loop_depth = self.loop_depth
        if name_node.text == "_":
            v.used = True
        self.func.locals.append(v)
        name_node.sym = v
        return v

    def check_assign_values(self, targets, values, vtype, spec, scope):
        if len(values) == 1 and len(targets) == 2:
            self.comma_ok(values[0], scope)
        if len(values) == 1 and len(targets) > 1:
            if values[0].ty is None:
                self.expr(values[0], scope)
            tuple_type = values[0].ty
            if not isinstance(tuple_type, T.Tuple) or len(tuple_type.types) != len(targets):
                raise CompileError(spec.pos, f"assignment mismatch: {len(targets)} variables "
                                             f"but {self.count_desc(values[0])}")
            for v, t in zip(targets, tuple_type.types):
                if v.type is None:
                    v.type = t
                else:
                    self.assignable(t, v.type, values[0].pos, None)
            return
        if len(values) != len(targets):
            raise CompileError(spec.pos, f"assignment mismatch: {len(targets)} variable"
                                         f"{'s' if len(targets) > 1 else ''} but "
                                         f"{len(values)} value{'s' if len(values) > 1 else ''}")
        for v, value in zip(targets, values):
            self.expr(value, scope)
            self.single_value(value)
            if v.type is None:
                if value.ty is T.UNTYPED_NIL:
                    raise CompileError(value.pos, "use of untyped nil in variable declaration")
                v.type = T.DEFAULT_TYPE.get(value.ty.kind, value.ty) if isinstance(value.ty, T.Basic) else value.ty
            self.convert_operand(value, v.type)

    def comma_ok(self, value, scope):
        """v, ok = <-ch / m[k] / x.(T): the value and a bool."""
        inner = value
        while inner.type == "parenthesized_expression":
            inner = inner.children[0]
        if not (self._is_receive(inner) or inner.type in ("index_expression", "type_assertion_expression")):
            return
        self.expr(inner, scope)
        if inner.type == "index_expression" and inner.index_kind != "map":
            return
        for n in {id(value): value, id(inner): inner}.values():
            n.comma_ok = True
            n.ty = T.Tuple([inner.ty, T.BOOL])

    @staticmethod
    def _is_receive(node):
        while node.type == "parenthesized_expression":
            node = node.children[0]
        return node.type == "unary_expression" and node.op == "<-"

    def count_desc(self, call):
        t = call.ty
        if isinstance(t, T.Tuple):
            return f"{self.text(call.get('function'))}() returns {len(t.types)} values"
        return "1 value"

    def stmt_short_var_declaration(self, node, scope):
        lefts = node.get("left").children
        values = node.get("right").children
        targets, fresh = [], False
        for n in lefts:
            if n.type != "identifier":
                raise CompileError(n.pos, f"non-name {self.text(n)} on left side of :=")
            existing = scope.names.get(n.text)
            if existing is not None and isinstance(existing, Var):
                n.sym = existing
                existing.used = existing.used
                targets.append(existing)
            else:
                targets.append(self.new_local(n, None))
                fresh = True
        if not fresh:
            raise CompileError(node.pos, "no new variables on left side of :=")
        pre_typed = [v.type for v in targets]
        self.check_assign_values(targets, values, None, node, scope)
        for n, v, t in zip(lefts, targets, pre_typed):
            if t is not None and v.type is not t:
                pass
            if n.text != "_" and scope.names.get(n.text) is not v:
                scope.names[n.text] = v
        node.targets = targets

    def stmt_assignment_statement(self, node, scope):
        lefts = node.get("left").children
        values = node.get("right").children
        op = node.op
        for left in lefts:
            self.lvalue(left, scope)
        if op != "=":
            if len(lefts) != 1 or len(values) != 1:
                raise CompileError(node.pos, f"assignment operation {op} requires single-valued expressions")
            binop = op[:-1]
            self.expr(values[0], scope)
            self.check_binary_types(node, binop, lefts[0], values[0])
            return
        if len(values) == 1 and len(lefts) == 2:
            self.comma_ok(values[0], scope)
        if len(values) == 1 and len(lefts) > 1:
            if values[0].ty is None:
                self.expr(values[0], scope)
            tt = values[0].ty
            if not isinstance(tt, T.Tuple) or len(tt.types) != len(lefts):
                raise CompileError(node.pos, f"assignment mismatch: {len(lefts)} variables but "
                                             f"{self.count_desc(values[0])}")
            for left, t in zip(lefts, tt.types):
                if left.ty is not None:
                    self.assignable(t, left.ty, values[0].pos, None)
            return
        if len(values) != len(lefts):
            raise CompileError(node.pos, f"assignment mismatch: {len(lefts)} variable"
                                         f"{'s' if len(lefts) > 1 else ''} but {len(values)} value"
                                         f"{'s' if len(values) > 1 else ''}")
        for left, value in zip(lefts, values):
            self.expr(value, scope)
            self.single_value(value)
            if left.ty is None:       # blank identifier
                if value.ty is T.UNTYPED_NIL:
                    raise CompileError(value.pos, "use of untyped nil in assignment")
                continue
            self.convert_operand(value, left.ty)

    def lvalue(self, node: Node, scope: Scope):
        if node.type == "identifier" and node.text == "_":
            node.ty = None
            return
        if node.type == "identifier":
            sym = scope.lookup(node.text)
            if isinstance(sym, Var):
                if sym.kind == "global" and sym.type is None:
                    self.check_global_decl(self.global_decl_of[sym])     # typed on first use
                node.sym = sym
                node.ty = sym.type
                if sym.func is not self.func and sym.kind != "global":
                    self.capture(sym)
                return
        self.expr(node, scope, as_lvalue=True)
        if node.type == "index_expression" and node.index_kind == "map":
            return
        if not self.addressable(node):
            raise CompileError(node.pos, f"cannot assign to {self.text(node)} "
                                         f"(neither addressable nor a map index expression)")

    def addressable(self, node: Node) -> bool:
        if node.type == "identifier":
            return isinstance(node.sym, Var)
        if node.type == "parenthesized_expression":
            return self.addressable(node.children[0])
        if node.type == "selector_expression":
            operand = node.get("operand")
            if node.field is None:
                return False
            return isinstance(operand.ty.under, T.Pointer) or self.addressable(operand)
        if node.type == "index_expression":
            kind = node.index_kind
            if kind == "slice":
                return True
            if kind in ("string", "map"):
                return False
            return node.through_pointer or self.addressable(node.get("operand"))
        if node.type == "unary_expression" and node.op == "*":
            return True
        return False

    def stmt_inc_statement(self, node, scope):
        target = node.children[0]
        self.lvalue(target, scope)
        if not (isinstance(target.ty.under, T.Basic) and target.ty.under.is_numeric()):
            raise CompileError(node.pos, f"invalid operation: {self.text(target)}{node.op} "
                                         f"(non-numeric type {target.ty})")

    stmt_dec_statement = stmt_inc_statement

    def bind_targets(self, lefts, types, define, new_scope, scope) -> list:
        """The variables a range clause or a select receive assigns: ("define", Var)
        declared in new_scope for :=, else ("assign", target) checked in scope."""
        out = []
        for target, t in zip(lefts, types):
            if define:
                v = self.new_local(target, t)
                if target.text != "_":
                    new_scope.names[target.text] = v
                out.append(("define", v))
            else:
                self.lvalue(target, scope)
                if target.ty is not None:
                    self.assignable(t, target.ty, target.pos, None)
                out.append(("assign", target))
        return out

    def convert_operand(self, node, target):
        """Give an untyped operand the type `target`, or check assignability."""
        src = node.ty
        if src is None or target is None:
            return
        su = src.under
        if isinstance(su, T.Basic) and su.is_untyped():
            if su.kind == "nil":
                if isinstance(target.under, (T.Pointer, T.Chan, T.Slice, T.Map, T.Signature,
                                             T.Interface)):
                    node.ty = target
                    node.const = None
                    node.is_nil = True
                    return
                raise CompileError(node.pos, f"cannot use nil as {target} value in assignment")
            if isinstance(target.under, T.Interface):
                concrete = T.DEFAULT_TYPE[su.kind]
                self.convert_operand(node, concrete)
                self.assignable(concrete, target, node.pos, node)
                return
            if node.const is not None:
                node.const = self.convert_const(node.const, src, target, node.pos)
            elif not self._untyped_compatible(su, target.under):
                raise CompileError(node.pos, f"cannot use {self.text(node)} (untyped {su.kind[8:]} value) "
                                             f"as {target} value")
            node.ty = target
            return
        self.assignable(src, target, node.pos, node)

    def _untyped_compatible(self, su, tu):
        if not isinstance(tu, T.Basic):
            return False
        if su.kind == "untyped_bool":
            return tu.kind == "bool"
        return tu.is_numeric()

    def assignable(self, src, target, pos, node):
        if src is target or T.identical(src, target):
            return
        su, tu = src.under, target.under
        if isinstance(su, T.Chan) and isinstance(tu, T.Chan) and su.dir == "both" \
                and T.identical(su.elem, tu.elem) and not (isinstance(src, T.Named) and isinstance(target, T.Named)):
            return          # a bidirectional channel converts to a directional one
        if (not isinstance(src, T.Named) or not isinstance(target, T.Named)) and \
                T.identical(src.under, target.under) and not isinstance(src.under, T.Basic):
            return
        if isinstance(tu, T.Interface) and self.implements(src, tu, node, pos):
            if node is not None and not isinstance(su, T.Interface):
                node.iface_target = target
                self.note_iface_type(src)
            return
        what = self.text(node) if node is not None else "value"
        raise CompileError(pos, f"cannot use {what} (variable of type {src}) as {target} value in assignment")
