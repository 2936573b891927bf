"""exprs: Go expressions as Python expressions over the frame's memory.

Go counterpart: ssagen's (*state).expr.  value(node) returns Python source
for a scalar value (aggregates are reached through agg_loc/agg_addr in
memory.py); integer results are wrapped to their type's width.  Conversions
to interfaces box through the heap or store the word itself when the value
is pointer-shaped, as gc does.
"""

from __future__ import annotations


from ...errors import Unsupported
from ... import types as T
from ...runtime.arith import round_float32
from ..check.methodsets import pointer_shaped
from ..symbols import FuncSym
from .frame import Loc, ptr_map
from ..parse import Node


class ExprGen:
    """FuncGen's expressions."""

    def value(self, node: Node, want: T.Type | None = None) -> str:
        """A Python expression for a scalar value, valid in the current block."""
        if node.const is not None and not node.is_nil:
            return self.const_text(node.const, node.ty)
        if node.is_nil:
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
            self.store(tmp, T.INT, f"MALLOC({obj.type.size}, 'closure', {ptr_map(obj.type)})")
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
                self.store(box, T.INT, f"MALLOC({max(src.size, 1)}, {str(src)!r}, {ptr_map(src)})")
                self.store(Loc("mem", 0, self.pin(self.load(box, T.INT))), src, value)
            else:
                addr = self.agg_addr(node, convert=False)
                if self.ctx.has_call(node):
                    addr = self.spill(addr, T.INT)
                self.store(box, T.INT, f"MALLOC({max(src.size, 1)}, {str(src)!r}, {ptr_map(src)})")
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
        if node.forwarder is not None:     # pkg.F or a method expression: a literal
            return self.value(node.forwarder)
        if node.pkgvar is not None:
            return self.load(self.pkgvar_loc(node), node.ty)
        if isinstance(node.sym, FuncSym):      # a method expression T.M
            return self.func_value(node.sym)
        if node.method_value is not None:
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
            if node.new_literal:
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
            self.emit(f"q[i + {tmp // 8}] = MALLOC({max(t.size, 1)}, {str(t)!r}, {ptr_map(t)})")
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
        operand_type = node.operand_type or left.ty
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
            return n.is_nil and n.iface_target is None
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
        const = right_node.const if right_node is not None else None
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
        if node.conversion:
            return self.conversion(node)
        builtin = node.builtin
        if builtin in ("len", "cap"):
            arg = node.get("arguments").children[0]
            if node.chan_query:
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
            return f"MAKEMAP({mt.elem.size}, {ptr_map(mt.key)}, {ptr_map(mt.elem)})"
        if builtin == "make":
            args = node.get("arguments").children
            size = self.value(args[1]) if len(args) > 1 else "0"
            elem = node.ty.under.elem
            return f"MAKECHAN(g, {elem.size}, {size}, {ptr_map(elem)})"
        results = self.call(node)
        loc = results[0]
        return self.load(loc, node.ty)

    def conversion(self, node):
        arg = node.get("arguments").children[0]
        src, dst = arg.ty.under, node.ty.under
        if node.conv_kind == "slice2arrayptr":
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
