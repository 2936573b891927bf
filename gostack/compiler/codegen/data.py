"""data: strings, slices and maps: their headers, literals and runtime helpers.

Go counterpart: walk's lowering of string concatenation (concatstrings),
conversions (slicebytetostring, stringtoslicebyte), slicing, make, append
(growslice), copy and map operations (mapaccess, mapassign) to runtime calls.
A string or slice is a header in memory (pointer, len[, cap]); the backing
store is on the heap, or in rodata for string constants.
"""

from __future__ import annotations

from ...errors import Unsupported
from ... import types as T
from ..check.constants import go_bytes
from .frame import Loc, ptr_map
from .memory import LocNode
from ..parse import Node


class DataGen:
    """FuncGen's strings, slices and maps."""

    def str_bytes(self, node, spill=False) -> str:
        """A Python bytes expression for a string operand's contents."""
        if node.const is not None:
            return repr(go_bytes(node.const))
        addr = self.agg_addr(node)
        if spill:
            tmp = self.alloc_temp(T.STRING)
            self.copy_addr(f"(sp + {tmp})", addr, T.STRING.size)
            addr = f"(sp + {tmp})"
        return f"SB({addr})"

    def header_words(self, node):
        """(data pointer, len) host names of a string or slice operand."""
        if node.const is not None and T.is_string(node.ty):
            data = go_bytes(node.const)
            return self.ctx.rodata_token(data), str(len(data))
        addr = self.pin(self.agg_addr(node))
        return self.pin(f"LD_q({addr})"), self.pin(f"LD_q({addr} + 8)")

    def pin(self, expr: str) -> str:
        if expr.isidentifier() or expr.lstrip("-").isdigit():
            return expr
        name = self.tmp()
        self.emit(f"{name} = {expr}")
        return name

    def string_temp(self, expr: str) -> Loc:
        """Store a runtime op's new string (ptr, len) into a frame temp."""
        tmp = self.alloc_temp(T.STRING)
        self.emit(f"SETSTR(sp + {tmp}, {expr})")
        return Loc("sp", tmp)

    def string_const_loc(self, value: str) -> Loc:
        data = go_bytes(value)
        tmp = self.alloc_temp(T.STRING)
        self.emit(f"q[i + {tmp // 8}] = {self.ctx.rodata_token(data)}")
        self.emit(f"q[i + {tmp // 8 + 1}] = {len(data)}")
        return Loc("sp", tmp)

    def concat(self, node) -> Loc:
        """s1 + s2 + ...: one new string (concatstrings), operands in order."""
        operands = []

        def flatten(n):
            while n.type == "parenthesized_expression":
                n = n.children[0]
            if n.type == "binary_expression" and n.op == "+" and n.const is None:
                flatten(n.get("left"))
                flatten(n.get("right"))
            else:
                operands.append(n)
        flatten(node)
        parts = []
        for k, n in enumerate(operands):
            later = any(self.ctx.has_call(m) for m in operands[k + 1:])
            parts.append(self.str_bytes(n, spill=later and n.const is None))
        return self.string_temp(f"NEWSTR({' + '.join(parts)})")

    def concat_values(self, a, b) -> Loc:
        first = self.str_bytes(a, spill=self.ctx.has_call(b))
        return self.string_temp(f"NEWSTR({first} + {self.str_bytes(b)})")

    def slice_header_temp(self, ptr: str, length: str, cap: str) -> Loc:
        tmp = self.alloc_temp(T.Slice(T.UINT8))
        self.emit(f"q[i + {tmp // 8}] = {ptr}")
        self.emit(f"q[i + {tmp // 8 + 1}] = {length}")
        self.emit(f"q[i + {tmp // 8 + 2}] = {cap}")
        return Loc("sp", tmp)

    def slice_expr(self, node) -> Loc:
        """x[lo:hi:max] of a string, slice, array or pointer to array (Go's bounds checks)."""
        kind = node.slice_kind
        operand = node.get("operand")
        lo_n, hi_n, max_n = node.bounds
        if kind == "string":
            ptr, length = self.header_words(operand)
            cap = length
        elif kind == "slice":
            addr = self.pin(self.agg_addr(operand))
            ptr, length, cap = (self.pin(f"LD_q({addr} + {k})") for k in (0, 8, 16))
        else:
            if kind == "array":
                ptr = self.pin(self.addr_of_loc(self.loc(operand)))
                n = operand.ty.under.length
            else:
                ptr = self.pin(self.value(operand))
                self.emit(f"if {ptr} == 0: LD_q(0)")          # nil *array: the fault of a nil deref
                n = operand.ty.under.elem.under.length
            length = cap = str(n)
        if any(self.ctx.has_call(b) for b in node.bounds if b is not None):
            raise Unsupported(node.pos, "calls inside slice bounds")
        lo = self.pin(self.value(lo_n)) if lo_n is not None else "0"
        hi = self.pin(self.value(hi_n)) if hi_n is not None else length
        mx = self.pin(self.value(max_n)) if max_n is not None else cap
        elem = 1 if kind == "string" else node.ty.under.elem.size
        three = max_n is not None
        self.emit(f"SLICECHECK({lo}, {hi}, {mx}, {cap}, {int(three)}, {int(hi_n is not None)}, {int(kind == 'string')})")
        if kind == "string":
            tmp = self.alloc_temp(T.STRING)
            self.emit(f"q[i + {tmp // 8}] = {ptr} + {lo}" + (f" * {elem}" if elem != 1 else "") + f" if {hi} > {lo} else {ptr}")
            self.emit(f"q[i + {tmp // 8 + 1}] = {hi} - {lo}")
            return Loc("sp", tmp)
        # Go never makes a pointer past the end of the array: an empty tail keeps the base.
        return self.slice_header_temp(f"({ptr} + {lo} * {elem} if {mx} > {lo} else {ptr})",
                                      f"{hi} - {lo}", f"{mx} - {lo}")

    def make_slice(self, node) -> Loc:
        args = node.get("arguments").children
        elem = node.ty.under.elem
        length = self.pin(self.value(args[1]))
        cap = self.pin(self.value(args[2])) if len(args) > 2 else length
        ptr = self.pin(f"MAKESLICE({length}, {cap}, {elem.size}, {ptr_map(elem)}, {str(node.ty)!r})")
        return self.slice_header_temp(ptr, length, cap)

    def slice_literal(self, node) -> Loc:
        elem = node.ty.under.elem
        n = node.length
        ptr_tmp = Loc("sp", self.alloc_temp(T.Pointer(elem)))
        self.store(ptr_tmp, T.INT, f"MAKESLICE({n}, {n}, {elem.size}, {ptr_map(elem)}, {str(node.ty)!r})")
        for index, t, value in node.inits:
            if self.ctx.has_call(value):            # evaluate first: host names die at a call
                kind, val = self.stage_values([value], [t])[0]
                target = Loc("mem", index * elem.size, self.pin(self.load(ptr_tmp, T.INT)))
                self.store_staged(target, t, kind, val)
                continue
            target = Loc("mem", index * elem.size, self.pin(self.load(ptr_tmp, T.INT)))
            self.store_value(target, t, value)
        return self.slice_header_temp(self.load(ptr_tmp, T.INT), str(n), str(n))

    def store_value(self, loc: Loc, t: T.Type, value: Node):
        """Evaluate value and store it at loc (scalars by value, aggregates by copy)."""
        if t.is_scalar():
            self.store(loc, t, self.value(value, t))
        else:
            self.copy_addr(self.addr_of_loc(loc), self.agg_addr(value), t.size)

    def append_call(self, node) -> Loc:
        """append(s, v...): growslice when the capacity is exceeded (Go 1.19's rule)."""
        args = node.get("arguments").children
        elem = node.ty.under.elem
        result = Loc("sp", self.alloc_temp(node.ty))
        self.copy_addr(f"(sp + {result.off})", self.agg_addr(args[0]), 24)
        if node.spread:
            src = node.values[0]
            if T.is_string(src.ty):
                sptr, slen = self.header_words(src)
            else:
                saddr = self.pin(self.agg_addr(src))
                sptr, slen = self.pin(f"LD_q({saddr})"), self.pin(f"LD_q({saddr} + 8)")
            self.emit(f"APPENDN(sp + {result.off}, {sptr}, {slen}, {elem.size}, {ptr_map(elem)}, {str(node.ty)!r})")
            return result
        values = node.values
        if not values:
            return result
        staged = self.stage_values(values, [elem] * len(values)) if len(values) > 1 or self.ctx.has_call(values[0]) else None
        start = self.pin(f"GROW(sp + {result.off}, {len(values)}, {elem.size}, {ptr_map(elem)}, {str(node.ty)!r})")
        base = self.pin(f"LD_q(sp + {result.off})")
        for k, value in enumerate(values):
            target = Loc("mem", 0, base, [(f"({start} + {k})", elem.size)])
            if staged is not None:
                self.store_staged(target, elem, *staged[k])
            else:
                self.store_value(target, elem, value)
        return result

    def copy_call(self, node) -> str:
        dst, src = node.get("arguments").children
        daddr = self.pin(self.agg_addr(dst))
        if T.is_string(src.ty):
            sptr, slen = self.header_words(src)
        else:
            saddr = self.pin(self.agg_addr(src))
            sptr, slen = self.pin(f"LD_q({saddr})"), self.pin(f"LD_q({saddr} + 8)")
        es = 1 if T.is_string(src.ty) else dst.ty.under.elem.size
        return f"SLICECOPY({daddr}, {sptr}, {slen}, {es})"

    def convert_string(self, node) -> Loc:
        arg = node.get("arguments").children[0]
        kind = node.conv_kind
        if kind == "same":
            return self.agg_loc(arg)
        if kind == "runestring":
            return self.string_temp(f"INTSTRING({self.value(arg)})")
        if kind in ("bytes2str", "runes2str"):
            addr = self.pin(self.agg_addr(arg))
            op = "BYTESTOSTR" if kind == "bytes2str" else "RUNESTOSTR"
            return self.string_temp(f"{op}(LD_q({addr}), LD_q({addr} + 8))")
        op = "STRTOBYTES" if kind == "str2bytes" else "STRTORUNES"
        tmp = self.alloc_temp(node.ty)
        buf = node.tmpbuf_var
        where = "0"
        if buf is not None and not buf.escapes:
            where = f"sp + {self.ctx_slot(buf)}"        # the frame's tmpBuf (used if it fits)
        self.emit(f"{op}(sp + {tmp}, {self.str_bytes(arg)}, {where})")
        return Loc("sp", tmp)

    # ---- maps

    def map_key(self, key_node, key_t):
        """(normalized key, key bytes or None): the key evaluated once, in order."""
        if key_t.is_scalar():
            k = self.pin(self.value(key_node, key_t))
            return k, f"PACKKEY({k}, {key_t.under.fmt!r})"
        addr = self.pin(self.agg_addr(key_node))
        if T.is_string(key_t):
            k = f"SB({addr})"
        else:
            k = f"MAPKEY({addr}, {self.ctx.eq_desc(key_t)!r})"
        return k, f"RD({addr}, {key_t.size})"

    def map_index(self, node, comma_ok=False) -> list:
        m_node, key = node.get("operand"), node.get("index")
        mt = m_node.ty.under
        m = self.value(m_node)
        if self.ctx.has_call(key):
            m = self.spill(m, T.INT)
        k, _ = self.map_key(key, mt.key)
        tmp = Loc("sp", self.alloc_temp(mt.elem))
        ok = self.pin(f"MAPACCESS({m}, {k}, sp + {tmp.off}, {mt.elem.size})")
        if not comma_ok:
            return [tmp]
        ok_loc = Loc("sp", self.alloc_temp(T.BOOL))
        self.store(ok_loc, T.BOOL, ok)
        return [tmp, ok_loc]

    def map_slot(self, left):
        """The map and key of `m[k] = ...`, evaluated (phase one of an assignment)."""
        mt = left.get("operand").ty.under
        m = self.spill(self.value(left.get("operand")), T.INT)
        k_loc = Loc("sp", self.alloc_temp(mt.key))
        self.store_value(k_loc, mt.key, left.get("index"))
        return ("map", m, k_loc, mt)

    def map_store(self, slot, kind, val):
        _, m, k_loc, mt = slot
        k, kb = self.map_key(LocNode(k_loc, mt.key), mt.key)
        if kind == "agg":
            data = f"RD({val}, {mt.elem.size})"
        else:
            tmp = Loc("sp", self.alloc_temp(mt.elem))
            self.store(tmp, mt.elem, val)
            data = f"RD(sp + {tmp.off}, {mt.elem.size})"
        self.emit(f"MAPASSIGN({m}, {k}, {kb}, {data})")

    def map_literal(self, node) -> Loc:
        mt = node.ty.under
        tmp = Loc("sp", self.alloc_temp(node.ty))
        self.store(tmp, T.INT, f"MAKEMAP({mt.elem.size}, {ptr_map(mt.key)}, {ptr_map(mt.elem)})")
        for key, value in node.inits:
            vt = Loc("sp", self.alloc_temp(mt.elem))
            self.store_value(vt, mt.elem, value)
            m = self.load(tmp, T.INT)
            k, kb = self.map_key(key, mt.key)
            self.emit(f"MAPASSIGN({m}, {k}, {kb}, RD(sp + {vt.off}, {mt.elem.size}))")
        return tmp


def header_size(kind: str) -> int:
    return T.Slice(T.UINT8).size if kind == "slice" else T.STRING.size


def strip_parens(node):
    while node.type == "parenthesized_expression":
        node = node.children[0]
    return node


def is_map_index(node) -> bool:
    node = strip_parens(node)
    return node.type == "index_expression" and node.index_kind == "map"
