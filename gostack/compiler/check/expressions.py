"""expressions: checking expressions (operands, operators, literals, indexing).

Go counterpart: types2/expr.go, index.go, literals.go and the identifier
half of typexpr.go.  One method per tree-sitter expression type,
`expr_<type>`, dispatched by `expr`; every node gets `ty` and, when
constant, `const`.  Calls, selectors and conversions are in calls.py;
builtins in builtins.py; constant arithmetic in constants.py.
"""

from __future__ import annotations

from fractions import Fraction

from ...errors import CompileError, Unsupported
from ... import types as T
from .constants import compare, fold, go_bytes, is_integral, legacy_octal, unescape
from ..lower import TypeLeaf, as_type_node, literal_value
from ..parse import Node
from ..symbols import Builtin, Const, FuncSym, PackageSym, Scope, TypeName, Var


class Expressions:
    """Checking expressions, one expr_<type> method per expression kind (a Checker mixin)."""

    def check_assertable(self, x, t, where):
        """x.(T) with a concrete T: T must implement x's interface."""
        iface = x.ty.under
        if not self.implements(t, iface, None, None):
            missing = sorted(n for n in iface.methods if n not in self.method_set(t))
            raise CompileError(where.pos, f"impossible type assertion: {self.text(x)}.({t})\n\t{t} does "
                                          f"not implement {x.ty} (missing method {missing[0] if missing else '?'})")

    def expr_type_assertion_expression(self, node, scope):
        x = node.get("operand")
        self.expr(x, scope)
        self.single_value(x)
        if not isinstance(x.ty.under, T.Interface):
            raise CompileError(x.pos, f"invalid operation: {self.text(x)} (variable of type {x.ty}) is not an interface")
        t = self.resolve_type(as_type_node(node.get("type")), scope)
        if not isinstance(t.under, T.Interface):
            self.check_assertable(x, t, node.get("type"))
            self.note_iface_type(t)
        node.ty = t

    def expr(self, node: Node, scope: Scope, as_lvalue=False):
        handler = getattr(self, f"expr_{node.type}", None)
        if handler is None:
            raise Unsupported(node.pos, node.type.replace("_", " "))
        handler(node, scope)
        return node.ty

    def single_value(self, node):
        if node.is_type:
            raise CompileError(node.pos, f"{self.text(node)} (type) is not an expression")
        if node.ty is None:
            sym = node.sym
            what = "built-in function" if isinstance(sym, Builtin) else "package" if isinstance(sym, PackageSym) else "value"
            if isinstance(sym, Builtin):
                raise CompileError(node.pos, f"{sym.name} (built-in function {sym.name}) must be called")
            raise CompileError(node.pos, f"use of {what} {self.text(node)} without selector")
        if isinstance(node.ty, T.Tuple):
            n = len(node.ty.types)
            if n == 0:
                raise CompileError(node.pos, f"{self.text(node.get('function'))}() (no value) used as value")
            raise CompileError(node.pos, f"multiple-value {self.text(node.get('function'))}() "
                                         f"(value of type {node.ty}) in single-value context")

    def expr_parenthesized_expression(self, node, scope):
        inner = node.children[0]
        self.expr(inner, scope)
        node.ty, node.const = inner.ty, inner.const
        if inner.is_type:
            node.is_type = True

    def expr_int_literal(self, node, scope):
        node.ty = T.UNTYPED_INT
        node.const = int(node.text.replace("_", ""), 0) if not legacy_octal(node.text) else int(node.text, 8)

    def expr_float_literal(self, node, scope):
        node.ty = T.UNTYPED_FLOAT
        text = node.text.replace("_", "")
        # Untyped constants are exact (Go: arbitrary precision), so 0.1+0.2 == 0.3.
        node.const = Fraction(float.fromhex(text)) if text.lower().startswith("0x") else Fraction(text)

    def expr_imaginary_literal(self, node, scope):
        raise Unsupported(node.pos, "complex numbers")

    def expr_rune_literal(self, node, scope):
        node.ty = T.UNTYPED_RUNE
        body = node.text[1:-1]
        if body[:2] == "\\x" or body[:2] in tuple("\\" + d for d in "01234567"):
            node.const = go_bytes(unescape(body, node.pos))[0]      # a byte value, not UTF-8
        else:
            node.const = ord(unescape(body, node.pos)) if body else 0

    def expr_interpreted_string_literal(self, node, scope):
        node.ty = T.UNTYPED_STRING
        raw = node.text[1:-1]
        node.const = unescape(raw, node.pos)

    def expr_raw_string_literal(self, node, scope):
        node.ty = T.UNTYPED_STRING
        node.const = node.text[1:-1].replace("\r", "")

    def expr_true(self, node, scope):
        if self.shadowed_predeclared(node, scope):
            return self.expr_identifier(node, scope)
        node.ty, node.const = T.UNTYPED_BOOL, True

    def expr_false(self, node, scope):
        if self.shadowed_predeclared(node, scope):
            return self.expr_identifier(node, scope)
        node.ty, node.const = T.UNTYPED_BOOL, False

    def expr_nil(self, node, scope):
        if self.shadowed_predeclared(node, scope):
            return self.expr_identifier(node, scope)
        node.ty, node.const = T.UNTYPED_NIL, None
        node.is_nil = True

    def shadowed_predeclared(self, node, scope) -> bool:
        """true, false and nil are names like any other: a declaration may shadow them
        (the parser gives them node types of their own; such a use becomes an identifier)."""
        name = node.type
        sym = scope.lookup(name)
        if sym is None or sym is self.universe.names.get(name):
            return False
        node.type, node.text = "identifier", name
        return True

    def expr_iota(self, node, scope):
        if self.iota is None:
            raise CompileError(node.pos, "cannot use iota outside constant declaration")
        node.ty, node.const = T.UNTYPED_INT, self.iota

    def expr_identifier(self, node, scope):
        if node.text == "_":
            raise CompileError(node.pos, "cannot use _ as value")
        sym = scope.lookup(node.text)
        if sym is None:
            raise undefined_name(node)
        node.sym = sym
        if isinstance(sym, Var):
            sym.used = True
            if sym.func is not self.func and sym.kind != "global":
                self.capture(sym)
            if sym.kind == "global" and sym.type is None:
                decl = self.global_decl_of[sym]
                if id(decl[3]) in self.globals_checked:
                    raise CompileError(node.pos, f"initialization cycle: {sym.name} refers to itself")
                self.check_global_decl(decl)
            node.ty = sym.type
            if sym.kind == "global":
                self.note_dep(sym)
        elif isinstance(sym, Const):
            node.ty, node.const = sym.type, sym.value
            if sym.name == "nil":
                node.is_nil = True
        elif isinstance(sym, FuncSym):
            node.ty = sym.sig
            self.note_dep(sym)
        elif isinstance(sym, TypeName):
            node.ty = sym.type
            node.is_type = True
        elif isinstance(sym, (Builtin, PackageSym)):
            node.ty = None
        if isinstance(sym, PackageSym):
            sym.used = True

    def note_dep(self, sym):
        if self.func is self.init_func and self.current_deps is not None:
            self.current_deps.add(sym)
        elif self.func is not None:
            self.func.global_deps.add(sym)

    def expr_unary_expression(self, node, scope):
        op = node.op
        operand = node.get("operand")
        if op == "&":
            self.expr(operand, scope)
            if operand.type == "composite_literal":
                node.ty = T.Pointer(operand.ty)
                node.new_literal = True
                node.loop_depth = self.loop_depth
                return
            if not self.addressable(operand):
                raise CompileError(node.pos, f"invalid operation: cannot take address of {self.text(operand)}")
            root = self.addr_root(operand)
            if root is not None:
                root.addr_taken = True
            node.ty = T.Pointer(operand.ty)
            return
        if op == "*":
            self.expr(operand, scope)
            if operand.is_type:
                node.ty, node.is_type = T.Pointer(operand.ty), True      # (*T) in a conversion
                return
            if not isinstance(operand.ty.under, T.Pointer):
                raise CompileError(node.pos, f"invalid operation: cannot indirect {self.text(operand)} "
                                             f"(variable of type {operand.ty})")
            node.ty = operand.ty.under.elem
            return
        if op == "<-":
            self.expr(operand, scope)
            self.single_value(operand)
            ct = operand.ty.under
            if not isinstance(ct, T.Chan):
                raise CompileError(node.pos, f"invalid operation: cannot receive from non-channel "
                                             f"{self.text(operand)} (variable of type {operand.ty})")
            if ct.dir == "send":
                raise CompileError(node.pos, f"invalid operation: cannot receive from send-only "
                                             f"channel {self.text(operand)} (variable of type {operand.ty})")
            node.ty = ct.elem
            node.recv = True
            self.func.has_calls = True
            return
        self.expr(operand, scope)
        self.single_value(operand)
        t = operand.ty.under if operand.ty is not None else None
        if op == "!":
            if not (isinstance(t, T.Basic) and t.kind in ("bool", "untyped_bool")):
                raise CompileError(node.pos, f"invalid operation: operator ! not defined on {self.text(operand)}")
            node.ty = operand.ty
            if operand.const is not None:
                node.const = not operand.const
            return
        if not (isinstance(t, T.Basic) and t.is_numeric()):
            raise CompileError(node.pos, f"invalid operation: operator {op} not defined on "
                                         f"{self.text(operand)} (variable of type {operand.ty})")
        if op == "^" and not t.is_integer():
            raise CompileError(node.pos, f"invalid operation: operator ^ not defined on {self.text(operand)}")
        node.ty = operand.ty
        if operand.const is not None:
            value = {"-": lambda v: -v, "+": lambda v: v, "^": lambda v: ~v}[op](operand.const)
            if op == "^" and t.kind == "uint":
                value = T.wrap_int(value, t)
            node.const = self.fit_const(value, node.ty, node.pos)

    def addr_root(self, node):
        """The local or global variable whose storage an addressable expression names."""
        while True:
            if node.type == "identifier":
                return node.sym if isinstance(node.sym, Var) else None
            if node.type == "parenthesized_expression":
                node = node.children[0]
            elif node.type == "selector_expression":
                operand = node.get("operand")
                if isinstance(operand.ty.under, T.Pointer):
                    return None
                node = operand
            elif node.type == "index_expression":
                node = node.get("operand")
            else:
                return None

    def expr_binary_expression(self, node, scope):
        left, right = node.get("left"), node.get("right")
        self.expr(left, scope)
        self.expr(right, scope)
        self.single_value(left)
        self.single_value(right)
        self.check_binary_types(node, node.op, left, right)

    def check_binary_types(self, node, op, left, right, compare_only=False):
        if op in ("&&", "||"):
            for side in (left, right):
                if not (isinstance(side.ty.under, T.Basic) and side.ty.under.kind in ("bool", "untyped_bool")):
                    raise CompileError(side.pos, f"invalid operation: operator {op} not defined on "
                                                 f"{self.text(side)} (variable of type {side.ty})")
            node.ty = self.unify(left, right, node, op)
            if left.const is not None and right.const is not None:
                node.const = (left.const and right.const) if op == "&&" else (left.const or right.const)
            return
        if op in ("<<", ">>"):
            return self.check_shift(node, op, left, right)
        operand_type = self.unify(left, right, node, op)
        u = operand_type.under
        if op in ("==", "!=", "<", "<=", ">", ">="):
            self.check_comparable(node, op, left, right, u)
            if node is not left and node is not right and node.type not in ("expression_case",):
                node.ty = T.UNTYPED_BOOL
                if left.const is not None and right.const is not None and not compare_only:
                    node.const = compare(op, left.const, right.const)
            node.operand_type = operand_type
            return
        if not isinstance(u, T.Basic) or not (u.is_numeric() or (u.kind in ("string", "untyped_string") and op == "+")):
            raise CompileError(node.pos, f"invalid operation: operator {op} not defined on "
                                         f"{self.text(left)} (variable of type {left.ty})")
        if op in ("%", "&", "|", "^", "&^") and not u.is_integer():
            raise CompileError(node.pos, f"invalid operation: operator {op} not defined on "
                                         f"{self.text(left)} (variable of type {left.ty})")
        node.ty = operand_type
        if left.const is not None and right.const is not None:
            if op in ("/", "%") and right.const == 0:
                raise CompileError(right.pos, "invalid operation: division by zero")
            node.const = self.fit_const(fold(op, left.const, right.const, u), operand_type, node.pos)
        elif op in ("/", "%") and right.const == 0 and u.is_integer():
            raise CompileError(right.pos, "invalid operation: division by zero")

    def check_comparable(self, node, op, left, right, u):
        if op in ("==", "!="):
            if isinstance(u, (T.Slice, T.Map, T.Signature)):
                if left.is_nil or right.is_nil:
                    return
                what = {T.Slice: "slice", T.Map: "map", T.Signature: "func"}[type(u)]
                raise CompileError(node.pos, f"invalid operation: {self.text(left)} {op} {self.text(right)} "
                                             f"({what} can only be compared to nil)")
            if T.comparable(u):
                return
        elif isinstance(u, T.Basic) and (u.is_numeric() or u.kind in ("string", "untyped_string")):
            return
        raise CompileError(node.pos, f"invalid operation: {self.text(left)} {op} {self.text(right)} "
                                     f"(operator {op} not defined on {left.ty})")

    def check_shift(self, node, op, left, right):
        if not (isinstance(right.ty.under, T.Basic) and (right.ty.under.is_integer()
                or (right.const is not None and is_integral(right.const)))):
            raise CompileError(right.pos, f"invalid operation: shift count {self.text(right)} must be integer")
        if right.const is not None:
            if right.const < 0:
                raise CompileError(right.pos, f"invalid operation: negative shift count {self.text(right)}")
            right.const = int(right.const)
            if right.ty.under.is_untyped():
                right.ty = T.UINT
        elif right.ty.under.is_untyped():
            self.convert_operand(right, T.UINT)
        lt = left.ty.under
        if left.const is not None and lt.is_untyped():
            if right.const is not None:
                value = left.const
                if isinstance(value, (float, Fraction)):
                    if not is_integral(value):
                        raise CompileError(left.pos, f"invalid operation: shifted operand {self.text(left)} must be integer")
                    value = int(value)
                node.ty = T.UNTYPED_INT if lt.kind != "untyped_rune" else lt
                node.const = value << right.const if op == "<<" else value >> right.const
                return
            # non-constant shift of an untyped constant: it takes the type of the context (int here)
            self.convert_operand(left, T.INT)
            lt = T.INT
        if not (isinstance(lt, T.Basic) and lt.is_integer()):
            raise CompileError(node.pos, f"invalid operation: shifted operand {self.text(left)} "
                                         f"(variable of type {left.ty}) must be integer")
        node.ty = left.ty
        if left.const is not None and right.const is not None:
            value = left.const << right.const if op == "<<" else left.const >> right.const
            node.const = self.fit_const(value, node.ty, node.pos)

    def unify(self, left, right, node, op):
        self.single_value(left)
        self.single_value(right)
        lt, rt = left.ty, right.ty
        lu, ru = lt.under, rt.under
        l_untyped = isinstance(lu, T.Basic) and lu.is_untyped()
        r_untyped = isinstance(ru, T.Basic) and ru.is_untyped()
        if l_untyped and r_untyped:
            if lu.kind == "nil" or ru.kind == "nil":
                if lu.kind == ru.kind:
                    raise CompileError(node.pos, f"invalid operation: {self.text(left)} {op} "
                                                 f"{self.text(right)} (operator {op} not defined on nil)")
                raise CompileError(node.pos, "invalid operation: mismatched types")
            rank = ["untyped_bool", "untyped_string", "untyped_int", "untyped_rune", "untyped_float"]
            if (lu.kind in rank[:2] or ru.kind in rank[:2]) and lu.kind != ru.kind:
                raise CompileError(node.pos, f"invalid operation: {self.text(left)} {op} {self.text(right)} "
                                             f"(mismatched types {lt} and {rt})")
            return lt if rank.index(lu.kind) >= rank.index(ru.kind) else rt
        if l_untyped:
            self.convert_operand(left, rt)
            return rt
        if r_untyped:
            self.convert_operand(right, lt)
            return lt
        if lt is not rt and not T.identical(lt, rt):
            # An interface compared with a value of a type that implements it.
            if op in ("==", "!=") and isinstance(lu, T.Interface) and self.implements(rt, lu, None, None):
                self.assignable(rt, lt, right.pos, right)
                return lt
            if op in ("==", "!=") and isinstance(ru, T.Interface) and self.implements(lt, ru, None, None):
                self.assignable(lt, rt, left.pos, left)
                return rt
            raise CompileError(node.pos, f"invalid operation: {self.text(left)} {op} {self.text(right)} "
                                         f"(mismatched types {lt} and {rt})")
        return lt

    def expr_index_expression(self, node, scope):
        operand, index = node.get("operand"), node.get("index")
        self.expr(operand, scope)
        self.single_value(operand)
        t = operand.ty.under
        node.through_pointer = False
        if isinstance(t, T.Map):
            self.expr(index, scope)
            self.single_value(index)
            self.convert_operand(index, t.key)
            node.index_kind, node.ty = "map", t.elem
            return
        self.expr(index, scope)
        if isinstance(t, T.Pointer) and isinstance(t.elem.under, T.Array):
            node.through_pointer = True
            t = t.elem.under
        if T.is_string(t):
            node.index_kind, node.ty = "string", T.UINT8
        elif isinstance(t, T.Slice):
            node.index_kind, node.ty = "slice", t.elem
        elif isinstance(t, T.Array):
            node.index_kind, node.ty = "array", t.elem
            node.array = t
        else:
            raise CompileError(node.pos, f"invalid operation: cannot index {self.text(operand)} "
                                         f"(variable of type {operand.ty})")
        self.check_index(index, t.length if isinstance(t, T.Array) else None)
        if node.index_kind == "string" and operand.const is not None and index.const is not None:
            data = go_bytes(operand.const)
            if index.const >= len(data):
                raise CompileError(index.pos, f"invalid argument: index {index.const} out of bounds [0:{len(data)}]")
            node.const = data[index.const]

    def check_index(self, index, length):
        """An index must be an integer, non-negative, and in range if both are constant."""
        it = index.ty.under
        if not (isinstance(it, T.Basic) and (it.is_integer() or (index.const is not None and
                                                                  is_integral(index.const)))):
            raise CompileError(index.pos, f"invalid argument: index {self.text(index)} "
                                          f"(variable of type {index.ty}) must be integer")
        if index.const is not None:
            idx = int(index.const)
            if idx < 0:
                raise CompileError(index.pos, f"invalid argument: index {self.text(index)} "
                                              f"(constant of type int) must not be negative")
            if length is not None and idx >= length:
                raise CompileError(index.pos, f"invalid argument: index {idx} out of bounds [0:{length}]")
            index.const = idx
            if it.is_untyped():
                index.ty = T.INT
        elif it.is_untyped():
            self.convert_operand(index, T.INT)

    def expr_slice_expression(self, node, scope):
        operand = node.get("operand")
        self.expr(operand, scope)
        self.single_value(operand)
        t = operand.ty.under
        bounds = [node.get(n) for n in ("start", "end", "capacity")]
        node.bounds = bounds
        if T.is_string(t):
            if bounds[2] is not None:
                raise CompileError(node.pos, "invalid operation: 3-index slice of string")
            node.slice_kind = "string"
            node.ty = T.STRING if t.is_untyped() else operand.ty
        elif isinstance(t, T.Slice):
            node.slice_kind, node.ty = "slice", operand.ty
        elif isinstance(t, T.Array):
            if not self.addressable(operand):
                raise CompileError(node.pos, f"invalid operation: {self.text(operand)} (slice of "
                                             f"unaddressable value)")
            root = self.addr_root(operand)
            if root is not None:
                root.addr_taken = True
            node.slice_kind, node.ty = "array", T.Slice(t.elem)
        elif isinstance(t, T.Pointer) and isinstance(t.elem.under, T.Array):
            node.slice_kind, node.ty = "ptrarray", T.Slice(t.elem.under.elem)
        else:
            raise CompileError(node.pos, f"cannot slice {self.text(operand)} (variable of type {operand.ty})")
        length = t.length if isinstance(t, T.Array) else (
            t.elem.under.length if isinstance(t, T.Pointer) else None)
        for b in bounds:
            if b is not None:
                self.expr(b, scope)
                self.check_index(b, None if length is None else length + 1)
        consts = [b.const for b in bounds if b is not None and b.const is not None]
        if consts != sorted(consts):
            raise CompileError(node.pos, "invalid slice indices: " + " < ".join(
                str(c) for c in reversed(consts[:2])))

    def expr_composite_literal(self, node, scope):
        tnode = node.get("type")
        if tnode.type == "implicit_length_array_type":
            # [...]T{...}: the length is the number of elements (the highest index + 1)
            elem = self.resolve_type(tnode.get("element"), scope)
            length, index = 0, 0
            for e in node.get("body").children:
                if e.type == "keyed_element":
                    index = self.const_expr(e.children[0].children[0], scope)
                index += 1
                length = max(length, index)
            t = T.Array(elem, length)
        else:
            t = self.resolve_type(tnode, scope)
        node.ty = t
        u = t.under
        body = node.get("body")
        elements = [c for c in body.children]
        if isinstance(u, T.Struct):
            keyed = [e.type == "keyed_element" for e in elements]
            if any(keyed) and not all(keyed):
                raise CompileError(node.pos, "mixture of field:value and value elements in struct literal")
            node.inits = []
            for i, e in enumerate(elements):
                if e.type == "keyed_element":
                    key = e.children[0].children[0]
                    f = u.field(key.text) if key.type == "identifier" else None
                    if f is None:
                        raise CompileError(key.pos, f"unknown field {self.text(key)} in struct literal of type {t}")
                    value = e.children[1].children[0]
                else:
                    if i >= len(u.fields):
                        raise CompileError(e.pos, f"too many values in struct literal of type {t}")
                    f = u.fields[i]
                    value = e.children[0]
                self.literal_value(value, f.type, scope)
                node.inits.append((f.offset, f.type, value))
            if elements and not any(keyed) and len(elements) < len(u.fields):
                raise CompileError(body.pos, f"too few values in struct literal of type {t}")
            return
        if isinstance(u, T.Array):
            node.inits = []
            for e, index, value in self.indexed_elements(elements, scope):
                if index >= u.length:
                    raise CompileError(e.pos, f"index {index} out of bounds [0:{u.length}]")
                self.literal_value(value, u.elem, scope)
                node.inits.append((index * u.elem.size, u.elem, value))
            return
        if isinstance(u, T.Slice):
            node.inits = []
            for e, index, value in self.indexed_elements(elements, scope):
                self.literal_value(value, u.elem, scope)
                node.inits.append((index, u.elem, value))
            node.length = max((i for i, _, _ in node.inits), default=-1) + 1
            return
        if isinstance(u, T.Map):
            node.inits = []
            for e in elements:
                if e.type != "keyed_element":
                    raise CompileError(e.pos, "missing key in map literal")
                key = e.children[0].children[0]
                value = e.children[1].children[0]
                self.literal_value(key, u.key, scope)
                self.literal_value(value, u.elem, scope)
                node.inits.append((key, value))
            self.func.has_calls = True
            return
        raise CompileError(node.pos, f"invalid composite literal type {t}")

    def indexed_elements(self, elements, scope):
        """(element, index, value) of an array or slice literal: `k: v` sets the index."""
        index = 0
        for e in elements:
            if e.type == "keyed_element":
                index = self.const_expr(e.children[0].children[0], scope)
                value = e.children[1].children[0]
            else:
                value = e.children[0]
            yield e, index, value
            index += 1

    def literal_value(self, value, t, scope):
        if value.type == "literal_value":
            if isinstance(t.under, T.Pointer):       # []*T{{...}} means &T{...}
                inner = literal_value(value.children, value.pos)
                value.type, value.op = "unary_expression", "&"
                value.fields = {"operand": [inner]}
                value.children = [inner]
                inner.type = "composite_literal"
                inner.fields = {"type": [TypeLeaf(t.under.elem, value.pos)],
                                "body": [literal_value(inner.children, value.pos)]}
                self.expr(value, scope)
                self.convert_operand(value, t)
                return
            value.type = "composite_literal"
            value.fields["type"] = [TypeLeaf(t, value.pos)]
            value.fields["body"] = [literal_value(value.children, value.pos)]
        self.expr(value, scope)
        self.single_value(value)
        self.convert_operand(value, t)


# Predeclared names of Go features gostack does not have: not "undefined" but unsupported.
UNSUPPORTED_PREDECLARED = {"complex64": "complex numbers", "complex128": "complex numbers",
                           "complex": "complex numbers", "real": "complex numbers",
                           "imag": "complex numbers", "any": "generics", "comparable": "generics"}


def undefined_name(node) -> CompileError:
    feature = UNSUPPORTED_PREDECLARED.get(node.text)
    if feature is not None:
        return Unsupported(node.pos, feature)
    return CompileError(node.pos, f"undefined: {node.text}")
