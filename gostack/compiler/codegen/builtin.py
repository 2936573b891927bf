"""builtin: Go's builtin functions (print, panic, recover, new, delete, copy, close).

Go counterpart: walk/builtin.go, which lowers each builtin to runtime calls
(printlock/printint..., gopanic, gorecover, newobject, mapdelete,
typedslicecopy, closechan).  Here each becomes one runtime op in a block;
append and make are in data.py, and calls of the runtime functions a program
imports (time.Sleep, sync.Mutex.Lock, ...) go through chanops.runtime_call.
"""

from __future__ import annotations

from ...errors import Unsupported
from ... import types as T
from .frame import Loc, ptr_map
from .memory import LocNode
from ..parse import Node


class BuiltinGen:
    """FuncGen's builtins and the runtime functions that are not runtime ops."""

    def builtin_call(self, node: Node, want_value: bool):
        callee = node.callee
        args = node.get("arguments").children
        builtin = node.builtin
        if builtin in ("println", "print"):
            if node.spread:
                results = self.call(args[0])
                parts = [self.print_arg(LocNode(loc, t), self.load(loc, t)) if t.is_scalar()
                         else f"PSTR(SB(sp + {loc.off}))" for loc, t in zip(results, args[0].ty.types)]
            else:
                parts = self.print_values(args)
            self.emit(f"PRINT({builtin == 'println'}, [{', '.join(parts)}])")
            return None
        if builtin == "panic":
            self.emit(f"GOPANIC(g, {self.agg_addr(args[0])})")
            self.mark_closed()
            return None
        if builtin == "recover":
            tmp = Loc("sp", self.alloc_temp(T.ANY))
            self.emit(f"RECOVER(g, sp + {self.frame_size}, sp + {tmp.off})")
            return tmp
        if builtin == "new":
            return self.new_object(node)
        if builtin == "delete":
            m_node, key = args
            mt = m_node.ty.under
            m = self.value(m_node)
            if self.ctx.has_call(key):
                m = self.spill(m, T.INT)
            k, _ = self.map_key(key, mt.key)
            self.emit(f"MAPDELETE({m}, {k})")
            return None
        if builtin == "copy":
            self.emit(self.copy_call(node))
            return None
        if builtin == "close":
            self.emit(f"CLOSECHAN(g, {self.value(args[0])})")
            return None
        if callee is not None and self.is_runtime_op(callee):
            return self.runtime_call(node, callee, args)
        raise Unsupported(node.pos, f"call of {builtin}")

    def operand_values(self, nodes) -> list:
        """Values in Go's order; a value a later call could clobber is spilled."""
        out = []
        for k, node in enumerate(nodes):
            v = self.value(node)
            if node.const is None and any(self.ctx.has_call(n) for n in nodes[k + 1:]):
                v = self.spill(v, node.ty)
            out.append(v)
        return out

    def print_arg(self, arg, v):
        t = arg.ty.under
        if isinstance(t, (T.Pointer, T.Chan, T.Map, T.Signature)):
            return f"P_PTR({v})"
        kind = t.kind
        if kind in ("int", "untyped_int", "untyped_rune"):
            return f"P_INT({v})"
        if kind == "uint":
            return f"P_UINT({v})"
        if kind == "float":
            return f"P_FLOAT({v})"
        if kind == "bool":
            return f"P_BOOL({v})"
        if kind == "string":
            return v
        raise Unsupported(arg.pos, f"printing {arg.ty}")

    def print_values(self, args) -> list:
        """println's operands in order; strings as their text, the rest by kind."""
        parts = []
        for k, a in enumerate(args):
            later = any(self.ctx.has_call(n) for n in args[k + 1:])
            if T.is_string(a.ty):
                parts.append(f"PSTR({self.str_bytes(a, spill=later and a.const is None)})")
                continue
            if isinstance(a.ty.under, (T.Slice, T.Interface)):
                # printslice: [len/cap]0xptr; printeface/printiface: (0xtype,0xdata)
                addr = self.agg_addr(a)
                if later:
                    tmp = self.alloc_temp(a.ty)
                    self.copy_addr(f"(sp + {tmp})", addr, a.ty.size)
                    addr = f"(sp + {tmp})"
                op = "P_SLICE" if isinstance(a.ty.under, T.Slice) else "P_IFACE"
                parts.append(f"{op}(RD({addr}, {a.ty.size}))")
                continue
            v = self.value(a)
            if a.const is None and later:
                v = self.spill(v, a.ty)
            parts.append(self.print_arg(a, v))
        return parts

    def new_object(self, node):
        obj = node.new_var
        if obj.escapes:
            tmp = self.alloc_temp(T.Pointer(obj.type))
            self.emit(f"q[i + {tmp // 8}] = MALLOC({max(obj.type.size, 1)}, {str(obj.type)!r}, "
                      f"{ptr_map(obj.type)})")
            return Loc("sp", tmp)
        slot = self.ctx_slot(obj)
        self.zero(Loc("sp", slot), obj.type)
        tmp = self.alloc_temp(T.Pointer(obj.type))
        self.emit(f"q[i + {tmp // 8}] = sp + {slot}")
        return Loc("sp", tmp)

    def ctx_slot(self, obj):
        if obj not in self.var_loc:
            offset = self.alloc(obj.type)
            self.var_loc[obj] = ("stack", offset)
            self.scopes[0].extend(offset + p for p in obj.type.ptr_offsets())
        return self.var_loc[obj][1]
