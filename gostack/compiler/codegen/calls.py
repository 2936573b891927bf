"""calls: Go calls as block exits: arguments stored, return pc pushed, callee entered.

Go counterpart: ssagen's (*state).call with the ABI0 calling convention.  A
call stores the arguments at SP+0..., pushes the return pc at SP-8 and
returns the callee's entry block; the caller resumes in a new block at that
return pc, whose stack map (CallSiteCode) lists the caller's live pointer
slots.  Func values pass their closure in the context register (g.ctxt, DX
in Go); interface calls find the method in the itab (IMETHOD); standard
library functions are one runtime op (PKGCALL) with a call site of their own.
"""

from __future__ import annotations

from ... import types as T
from ...stdlib.registry import GoFunc
from .emit import CallSiteCode, set_sp
from .frame import Loc, ParamLayout
from .memory import LocNode
from ..parse import Node


class CallGen:
    """FuncGen's calls, and the staging of their arguments."""

    def call(self, node: Node) -> list:
        """Emit a Go call; return the locations of its results (in the outgoing area)."""
        while node.type == "parenthesized_expression":
            node = node.children[0]
        if node.recv:
            return self.receive(node, comma_ok=node.comma_ok)
        if node.type == "index_expression" and node.index_kind == "map":
            return self.map_index(node, comma_ok=node.comma_ok)
        if node.type == "type_assertion_expression":
            return self.type_assert(node, comma_ok=node.comma_ok)
        callee = node.callee
        if isinstance(callee, GoFunc):
            return self.pkg_call(node, callee)
        if self.lowered_call(node):
            return [self.builtin_call(node, want_value=True)]
        if node.func_value is not None:
            return self.call_func_value(node)
        if node.iface_call is not None:
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

    def stage_args(self, node, args, sig) -> list:
        """Evaluate a call's arguments in order (spread results, packed variadics)."""
        if node.spread_variadic:
            inner = _strip_variadic(args[0])
            values = []
            for loc, t in zip(self.call(inner), inner.ty.types):
                tmp = Loc("sp", self.alloc_temp(t))
                self.copy(tmp, loc, t)
                value = LocNode(tmp, t)
                if isinstance(sig.params[-1].elem.under, T.Interface) and not isinstance(t.under, T.Interface):
                    value.iface_target = sig.params[-1].elem
                values.append(value)
            literal = _VariadicLiteral(sig.params[-1], values)
            return [("agg", self.addr_of_loc(self.slice_literal(literal)))]
        if node.spread:
            if len(args) == 1:
                return self.spread_results(args[-1], sig.params)
            return self.stage_values(args[:-1], sig.params[:1]) + \
                self.spread_results(args[-1], sig.params[1:])
        pack = node.variadic_pack
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
            value = LocNode(tmp, t)
            if isinstance(param.under, T.Interface) and not isinstance(t.under, T.Interface):
                value.iface_target = param
            values.append(value)
        return self.stage_values(values, params)


def call_args(node) -> list:
    """A call's arguments, with a method call's receiver first."""
    args = node.call_args
    return args if args is not None else node.get("arguments").children


def _strip_variadic(node):
    return node.children[0] if node.type == "variadic_argument" else node


class _VariadicLiteral:
    """f(a, b, c) for f(xs ...T): the arguments as the literal []T{a, b, c}."""

    def __init__(self, slice_t, values):
        self.ty = slice_t
        self.length = len(values)
        self.inits = [(k, slice_t.elem, v) for k, v in enumerate(values)]
