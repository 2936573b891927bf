"""memory: where a Go value lives (a Loc), and the loads and stores that reach it.

Go counterpart: ssagen's (*state).addr, load and store, and the nil checks
gc inserts (nilcheck.go).  Every Go variable lives in memory: a block indexes
the running stack's memoryviews (`q` for 8-byte words, `u8` for bytes, ...)
relative to SP, the globals' views (G-prefixed), or the heap through
LD_/ST_ helpers.  Nothing in a host variable survives a block, so a stack copy
at a call sees every value in memory.

Deliberate differences: the only values kept in host variables are scalar
locals promoted inside a loop without calls (regs), and 8-byte parameters a
function never assigns, loaded once per block (param_load).
"""

from __future__ import annotations

import re

from ...errors import Unsupported
from ...profiles import MIN_LEGAL_POINTER, PTR_SIZE
from ... import types as T
from ..symbols import Var
from .frame import Loc
from ..parse import Node


VIEW_INDEX = {8: "i", 4: "j4", 2: "j2", 1: "s0"}     # index base per access size
# memoryview format -> the host name of the current stack's view of that format
VIEW_NAMES = {"q": "q", "Q": "uq", "i": "i32", "I": "u32", "h": "i16", "H": "u16",
              "b": "i8", "B": "u8", "d": "f64", "f": "f32"}
# What wrap() makes of an int64 result: (_tN if <range test> else W64(_tN)).
_WRAPPED_INT64 = re.compile(r"^\((_t\d+) if [^()]* else W64\(\1\)\)$")


class LocNode(Node):
    """A value already stored at a frame location, standing where an expression was."""

    def __init__(self, loc, t):
        super().__init__("stored_value", None)
        self.loc_value = loc
        self.ty = t


class MemoryGen:
    """FuncGen's locations of values, and loads and stores through them."""

    def var_location(self, sym: Var) -> Loc:
        if sym.kind == "global":
            return Loc("glob", sym.offset)
        captures = self.fn.captures
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
        if convert and node.iface_target is not None:
            return self.to_iface(node, node.iface_target)
        kind = node.type
        if node.is_nil:
            tmp = Loc("sp", self.alloc_temp(node.ty))
            self.zero(tmp, node.ty)
            return tmp
        if kind == "type_assertion_expression":
            return self.type_assert(node)[0]
        if node.pkgvar is not None:
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
            if node.conversion:
                if T.is_string(node.ty) or node.conv_kind in ("str2bytes", "str2runes"):
                    return self.convert_string(node)
                return self.agg_loc(node.get("arguments").children[0])
            builtin = node.builtin
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

    # ---- loads and stores

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
