"""calls: calls, selectors, method values and conversions.

Go counterpart: types2/call.go (callExpr, arguments, selector) and
conversions.go.  A selector resolves to a package member, a field (through
embedded fields), a method (binding its receiver), a method value or a method
expression; a call is a function call, a method call, an interface call, a
builtin (builtins.py) or a conversion.

Difference: method values, method expressions and standard-library functions
used as values become function literals built by lower.forwarding_literal
(Go builds the same wrappers in the compiler's backend).
"""

from __future__ import annotations

from ...errors import CompileError
from ... import types as T
from .constants import is_integral, rune_string
from ..lower import argument_list, forwarding_literal, ident, selector
from ..symbols import Builtin, Const, FuncSym, PackageSym, RuntimeFunc, Scope, TypeName, Var
from ..universe import METHODS, STD_METHODS


class Calls:
    """Checking calls, selectors and conversions (a Checker mixin)."""

    def expr_selector_expression(self, node, scope):
        operand = node.get("operand")
        name = node.get("field").text
        if operand.type == "identifier":
            sym = scope.lookup(operand.text)
            if isinstance(sym, PackageSym):
                sym.used = True
                member = sym.members.get(name)
                if member is None:
                    raise CompileError(node.pos, f"undefined: {operand.text}.{name}")
                node.sym = member
                if isinstance(member, TypeName):
                    node.ty, node.is_type = member.type, True
                elif isinstance(member, Const):
                    node.ty, node.const = member.type, member.value
                elif type(member).__name__ == "PkgVar":
                    node.ty, node.pkgvar = member.type, member
                else:
                    node.ty = member.sig
                    if not node.called:
                        self.std_func_value(node, scope)
                return
        if operand.ty is None or not operand.checked:
            self.expr(operand, scope)
            operand.checked = True
        if operand.is_type:
            return self.method_expression(node, operand.ty, name, scope)
        t = operand.ty.under
        node.through_pointer = isinstance(t, T.Pointer)
        if node.through_pointer:
            t = t.elem.under
        recv_named = operand.ty.under.elem if node.through_pointer else operand.ty
        methods = METHODS.get(recv_named)
        if methods is not None and name in methods:
            if not node.through_pointer:
                if not self.addressable(operand):
                    raise CompileError(node.pos, f"cannot call pointer method {name} on {recv_named}")
                root = self.addr_root(operand)
                if root is not None:
                    root.addr_taken = True
            node.method = RuntimeFunc(f"sync.(*{recv_named.name}).{name}", methods[name])
            node.ty = node.method.sig
            return
        std = STD_METHODS.get(recv_named, {}).get(name)
        if std is not None:
            std.ptr_recv = not getattr(std, "value_recv", False)
            std.method_sig = T.Signature(std.sig.params[1:], std.sig.results, std.sig.variadic)
            self.bind_method(node, operand, std)
            return
        found = self.lookup_member(operand.ty, name, node)
        if found is None:
            raise CompileError(node.get("field").pos, f"{self.text(operand)}.{name} undefined "
                                                      f"(type {operand.ty} has no field or method {name})")
        path, kind, obj = found
        if path:
            # A promoted field or method: make the embedded fields explicit (x.A.f).
            inner = operand
            for step in path:
                sel = selector(inner, step, operand.pos)
                self.expr_selector_expression(sel, scope)
                sel.checked = True
                inner = sel
            node.fields["operand"] = [inner]
            node.children[0] = inner
            return self.expr_selector_expression(node, scope)
        if kind == "field":
            node.field = obj
            node.ty = obj.type
            return
        if kind == "imethod":
            node.iface_method = name
            node.ty = obj
            if not node.called:
                self.method_value(node, scope, obj, name, operand)
            return
        self.bind_method(node, operand, obj)
        if not node.called:
            self.method_value(node, scope, obj.method_sig, obj.name, node.receiver_expr)

    def method_value(self, node, scope, sig, name, recv):
        """x.M not called: a closure of the receiver's value (bound now) that calls M
        (x an interface: the interface value is bound, and must not be nil)."""
        pos = node.pos
        inner = Scope(scope)
        bound = Var("~mv", recv.ty, "local", pos, self.func)
        bound.used = True
        bound.loop_depth = self.loop_depth
        self.func.locals.append(bound)
        inner.names["~mv"] = bound
        callee = selector(ident("~mv", pos), node.get("field").text, pos)
        lit = forwarding_literal(sig, callee, pos)
        self.expr_func_literal(lit, inner, name=f"{name}-fm")
        node.method_value = (bound, recv, lit)
        node.ty = sig

    def std_func_value(self, node, scope):
        """pkg.F not called (a standard-library function used as a value): a closure
        with nothing captured that calls pkg.F.  (Go uses pkg.F's own static funcval;
        here F is Python, so a Go function stands in for it, named like F.)"""
        fn, pos = node.sym, node.pos
        callee = selector(ident(node.get("operand").text, pos),
                           node.get("field").text, pos)
        lit = forwarding_literal(fn.sig, callee, pos)
        self.expr_func_literal(lit, Scope(scope), name=f"{fn.qualname}-fm")
        node.forwarder = lit

    def method_expression(self, node, t, name, scope):
        """T.M / (*T).M: a function whose first parameter is the receiver."""
        base = t.elem if isinstance(t, T.Pointer) else t
        fn = self.methods.get(base, {}).get(name)
        if fn is not None and fn.ptr_recv == isinstance(t, T.Pointer):
            node.sym = fn
            node.ty = fn.sig
            self.note_dep(fn)
            return
        msig = self.method_set(t).get(name)
        if msig is None or isinstance(t.under, T.Interface):
            raise CompileError(node.pos, f"{t}.{name} undefined (type {t} has no method {name})")
        # A promoted method, or (*T).M of a value method: Go's wrapper function,
        # here a literal calling recv.M (Go names it like the method expression).
        sig = T.Signature([t] + list(msig.params), msig.results, msig.variadic)
        lit = forwarding_literal(sig, None, node.pos, method=name)
        self.expr_func_literal(lit, Scope(scope), name=self.text(node))
        node.forwarder = lit
        node.ty = sig

    def expr_call_expression(self, node, scope):
        fn_node = node.get("function")
        args = node.get("arguments").children
        if fn_node.type in ("parenthesized_type", "array_type", "pointer_type", "slice_type", "map_type",
                            "function_type", "interface_type", "channel_type", "qualified_type") or \
                (fn_node.type == "parenthesized_expression" and fn_node.children[0].type in ("pointer_type",)):
            t = self.resolve_type(fn_node.children[0] if fn_node.type.startswith("parenthesized") else fn_node, scope)
            return self.conversion(node, t, args, scope)
        fn_node.called = True
        self.expr(fn_node, scope)
        sym = fn_node.sym
        if fn_node.method is not None:
            sym = fn_node.method
            node.receiver = fn_node.get("operand")
        if fn_node.is_type:
            return self.conversion(node, fn_node.ty, args, scope)
        if isinstance(sym, Builtin):
            return getattr(self, f"builtin_{sym.name}")(node, args, scope)
        iface_method = fn_node.iface_method
        if iface_method is not None:
            msig = fn_node.ty
            self.func.has_calls = True
            self.call_args(node, msig, args, scope, fn_node)
            node.callee = None
            node.iface_call = iface_method
            node.iface_operand = fn_node.get("operand")
            node.sig = T.Signature([T.UINTPTR] + msig.params, msig.results, msig.variadic)
            node.call_args = [node.iface_operand] + list(args)     # (staged without it)
            self.func.value_sigs = self.func.value_sigs + [node.sig]
            node.ty = msig.results[0] if len(msig.results) == 1 else T.Tuple(msig.results)
            return
        method_fn = fn_node.method_fn
        if method_fn is not None:
            if is_gofunc(method_fn):
                self.func.value_sigs = self.func.value_sigs + [method_fn.sig]
            else:
                self.func.calls.add(method_fn)
            self.func.has_calls = True
            self.call_args(node, method_fn.method_sig, args, scope, fn_node)
            node.callee = method_fn
            node.call_args = self.with_receiver(node, fn_node.receiver_expr, args)
            results = method_fn.sig.results
            node.ty = results[0] if len(results) == 1 else T.Tuple(results)
            return
        if is_gofunc(sym):
            self.func.value_sigs = self.func.value_sigs + [sym.sig]
        if isinstance(sym, (FuncSym, RuntimeFunc)) or is_gofunc(sym):
            if isinstance(sym, FuncSym):
                self.func.calls.add(sym)
            self.func.has_calls = True
            self.call_args(node, sym.sig, args, scope, fn_node)
            node.callee = sym
            results = sym.sig.results
            node.ty = results[0] if len(results) == 1 else T.Tuple(results)
            return
        if isinstance(fn_node.ty, T.Signature) or isinstance(getattr(fn_node.ty, "under", None), T.Signature):
            sig = fn_node.ty.under
            self.func.has_calls = True
            self.call_args(node, sig, args, scope, fn_node)
            node.callee = None
            node.func_value = fn_node
            node.sig = sig
            self.func.value_sigs = self.func.value_sigs + [sig]
            results = sig.results
            node.ty = results[0] if len(results) == 1 else T.Tuple(results)
            return
        raise CompileError(node.pos, f"invalid operation: cannot call non-function {self.text(fn_node)}")

    @staticmethod
    def with_receiver(node, recv, args) -> list:
        """A method call's arguments, the receiver first: a variadic pack starts one
        later (codegen stages them against the method's full signature)."""
        if node.variadic_pack is not None:
            node.variadic_pack += 1
        return [recv] + list(args)

    def expr_type_conversion_expression(self, node, scope):
        """T(x) where T is a type literal ([]byte(s)): checked as a call of T."""
        tnode, operand = node.get("type"), node.get("operand")
        args = argument_list([operand], operand.pos)
        node.type = "call_expression"
        node.fields = {"function": [tnode], "arguments": [args]}
        node.children = [tnode, args]
        self.expr_call_expression(node, scope)

    def call_args(self, node, sig, args, scope, fn_node):
        if len(args) == 1 and len(sig.params) > 1 and args[0].type == "call_expression":
            self.expr(args[0], scope)
            tt = args[0].ty
            if isinstance(tt, T.Tuple) and len(tt.types) == len(sig.params):
                for t, p in zip(tt.types, sig.params):
                    self.assignable(t, p, args[0].pos, None)
                node.spread = True
                return
        if len(args) == 1 and sig.variadic and len(sig.params) == 1 and args[0].type == "call_expression":
            self.expr(args[0], scope)
            tt = args[0].ty
            if isinstance(tt, T.Tuple) and len(tt.types) > 1:
                for t in tt.types:
                    self.assignable(t, sig.params[-1].elem, args[0].pos, None)
                node.spread_variadic = True           # fmt.Println(f()) with f returning several
                return
        spread = bool(args) and args[-1].type == "variadic_argument"
        fixed = sig.params[:-1] if sig.variadic else sig.params
        if spread and not sig.variadic:
            raise CompileError(args[-1].pos, f"have (...) but function is not variadic: {self.text(fn_node)}")
        if sig.variadic and not spread and len(args) >= len(fixed):
            node.variadic_pack = len(fixed)      # the extra arguments become one new slice
            want = len(fixed)
        else:
            want = len(sig.params)
        if len(args) != want and not (sig.variadic and not spread and len(args) >= want):
            for a in args:
                self.expr(a.children[0] if a.type == "variadic_argument" else a, scope)
            which = "not enough" if len(args) < want else "too many"
            have = "(" + ", ".join(self.type_desc(a) for a in args) + ")"
            raise CompileError(node.get("arguments").pos if len(args) < want else args[want].pos,
                               f"{which} arguments in call to {self.text(fn_node)}\n\thave {have}\n\twant "
                               f"{T.Tuple(sig.params)}")
        for k, a in enumerate(args):
            if a.type == "variadic_argument":
                inner = a.children[0]
                self.expr(inner, scope)
                self.single_value(inner)
                self.convert_operand(inner, sig.params[-1])
                a.ty = inner.ty
                continue
            t = sig.params[k] if k < len(fixed) else sig.params[-1].elem
            self.expr(a, scope)
            self.single_value(a)
            self.convert_operand(a, t)

    def conversion(self, node, t, args, scope):
        if len(args) != 1:
            raise CompileError(node.pos, f"wrong number of arguments in conversion to {t}")
        arg = args[0]
        self.expr(arg, scope)
        self.single_value(arg)
        node.ty = t
        node.conversion = True
        src, dst = arg.ty.under, t.under
        if arg.ty is T.UNTYPED_NIL:
            if not isinstance(dst, (T.Pointer, T.Slice, T.Map, T.Chan, T.Signature, T.Interface)):
                raise CompileError(arg.pos, f"cannot convert nil to type {t}")
            node.is_nil, node.conv_kind = True, "same"
            self.convert_operand(arg, t)
            return
        node.conv_kind = conversion_kind(src, dst)
        if arg.const is not None and isinstance(dst, T.Basic):
            if dst.kind == "string":
                if T.is_string(src):
                    node.const = arg.const
                elif isinstance(src, T.Basic) and src.is_integer() and is_integral(arg.const):
                    node.const = rune_string(int(arg.const))
                else:
                    raise CompileError(arg.pos, f"cannot convert {self.text(arg)} (untyped constant) to type {t}")
                return
            node.const = self.convert_const(arg.const, arg.ty, t, arg.pos, conversion=True)
            return
        if node.conv_kind is None:
            if isinstance(dst, T.Interface) and self.implements(arg.ty, dst, arg, None):
                node.conv_kind = "same"
                if not isinstance(src, T.Interface):
                    arg.iface_target = t
                    self.note_iface_type(arg.ty)
            else:
                raise CompileError(arg.pos, f"cannot convert {self.text(arg)} (variable of type {arg.ty}) to type {t}")
        if isinstance(src, T.Basic) and src.is_untyped():
            self.convert_operand(arg, T.DEFAULT_TYPE.get(src.kind, src))


def conversion_kind(src, dst):
    """How a conversion from src to dst (underlying types) is done, or None if illegal."""
    if isinstance(src, T.Basic) and isinstance(dst, T.Basic):
        if src.is_numeric() and dst.is_numeric():
            return "numeric"
        if T.is_string(dst) and src.is_integer():
            return "runestring"
        if T.is_string(src) and T.is_string(dst):
            return "same"
    if T.is_string(dst) and isinstance(src, T.Slice) and isinstance(src.elem.under, T.Basic):
        return {T.UINT8: "bytes2str", T.INT32: "runes2str"}.get(src.elem.under)
    if T.is_string(src) and isinstance(dst, T.Slice) and isinstance(dst.elem.under, T.Basic):
        return {T.UINT8: "str2bytes", T.INT32: "str2runes"}.get(dst.elem.under)
    if T.identical(src, dst):
        return "same"
    if isinstance(src, T.Pointer) and isinstance(dst, T.Pointer) and T.identical(src.elem.under, dst.elem.under):
        return "same"
    if isinstance(src, T.Slice) and isinstance(dst, T.Pointer) and isinstance(dst.elem.under, T.Array) \
            and T.identical(src.elem, dst.elem.under.elem):
        return "slice2arrayptr"             # Go 1.17: (*[N]T)(s)
    return None


def is_gofunc(sym) -> bool:
    return type(sym).__name__ == "GoFunc"
