"""builtins: the predeclared functions len, cap, append, make, new, copy, ...

Go counterpart: types2/builtins.go.  One `builtin_<name>` method per
builtin, dispatched from a call; each checks its arguments and sets the
call's type (and constant value, for len of a constant string or an array).
"""

from __future__ import annotations

from ...errors import CompileError
from ... import types as T
from .constants import go_bytes, is_integral
from ..lower import as_type_node
from ..symbols import Var


class Builtins:
    """Checking calls of builtin functions, one builtin_<name> per builtin (a Checker mixin)."""

    def builtin_println(self, node, args, scope):
        self.func.has_calls = True
        if len(args) == 1 and args[0].type == "call_expression":
            self.expr(args[0], scope)
            if isinstance(args[0].ty, T.Tuple) and len(args[0].ty.types) > 1:
                node.spread = True             # println(f()) prints each result
                node.ty = T.Tuple([])
                node.builtin = "println"
                return
        for a in args:
            self.expr(a, scope)
            self.single_value(a)
            if a.ty is T.UNTYPED_NIL:
                raise CompileError(a.pos, "use of untyped nil in argument to built-in println")
            if isinstance(a.ty.under, T.Basic) and a.ty.under.is_untyped():
                self.convert_operand(a, T.DEFAULT_TYPE[a.ty.under.kind])
            if isinstance(a.ty.under, (T.Array, T.Struct)):
                raise CompileError(a.pos, f"illegal types for operand: print\n\t{a.ty}")
        node.ty = T.Tuple([])
        node.builtin = "println"

    def builtin_print(self, node, args, scope):
        self.builtin_println(node, args, scope)
        node.builtin = "print"

    def builtin_len(self, node, args, scope, name="len"):
        if len(args) != 1:
            raise CompileError(node.pos, f"{'not enough' if not args else 'too many'} arguments for "
                                         f"{name}({', '.join(self.text(a) for a in args)})")
        arg = args[0]
        self.expr(arg, scope)
        self.single_value(arg)
        t = arg.ty.under
        if isinstance(t, T.Pointer) and isinstance(t.elem.under, T.Array):
            t = t.elem.under
        node.ty = T.INT
        node.builtin = name
        if isinstance(t, T.Chan):
            node.chan_query = True
        elif isinstance(t, T.Array):
            node.const = t.length
        elif T.is_string(t) and name == "len":
            if arg.const is not None:
                node.const = len(go_bytes(arg.const))
            elif t.is_untyped():
                self.convert_operand(arg, T.STRING)
            node.len_kind = "string"
        elif isinstance(t, T.Slice) or (isinstance(t, T.Map) and name == "len"):
            node.len_kind = "slice" if isinstance(t, T.Slice) else "map"
        else:
            raise CompileError(arg.pos, f"invalid argument: {self.text(arg)} (variable of type "
                                        f"{arg.ty}) for {name}")

    def builtin_cap(self, node, args, scope):
        self.builtin_len(node, args, scope, "cap")

    def builtin_make(self, node, args, scope):
        if not args:
            raise CompileError(node.pos, "not enough arguments for make() (expected 1, found 0)")
        t = self.resolve_type(as_type_node(args[0]), scope)
        u = t.under
        if not isinstance(u, (T.Chan, T.Slice, T.Map)):
            raise CompileError(args[0].pos, f"invalid argument: cannot make {self.text(args[0])}; "
                                            f"type must be slice, map, or channel")
        most = 3 if isinstance(u, T.Slice) else 2
        if isinstance(u, T.Slice) and len(args) < 2:
            raise CompileError(node.pos, f"invalid operation: {self.text(node)} expects 2 or 3 arguments; found {len(args)}")
        if len(args) > most:
            raise CompileError(node.pos, f"invalid operation: {self.text(node)} expects "
                                         f"{most - 1} or {most} arguments; found {len(args)}")
        for size in args[1:]:
            self.expr(size, scope)
            self.single_value(size)
            if size.const is not None and (not is_integral(size.const) or size.const < 0):
                raise CompileError(size.pos, f"invalid argument: index {self.text(size)} (constant of type int) must not be negative")
            if not (isinstance(size.ty.under, T.Basic) and (size.ty.under.is_integer() or
                                                            size.const is not None)):
                raise CompileError(size.pos, f"cannot convert {self.text(size)} (variable of type {size.ty}) to type int")
            self.convert_operand(size, T.INT if size.ty.under.is_untyped() else size.ty)
        if len(args) == 3 and args[1].const is not None and args[2].const is not None \
                and args[1].const > args[2].const:
            raise CompileError(args[1].pos, "invalid argument: length and capacity swapped")
        node.ty = t
        node.builtin = "make"
        node.make_kind = type(u).__name__.lower()

    def builtin_close(self, node, args, scope):
        if len(args) != 1:
            raise CompileError(node.pos, "wrong number of arguments to close")
        self.expr(args[0], scope)
        ct = args[0].ty.under if args[0].ty is not None else None
        if not isinstance(ct, T.Chan) and args[0].ty is not T.UNTYPED_NIL:
            raise CompileError(args[0].pos, f"invalid operation: non-chan argument {self.text(args[0])}")
        if isinstance(ct, T.Chan) and ct.dir == "recv":
            raise CompileError(args[0].pos, f"invalid operation: cannot close receive-only channel {self.text(args[0])}")
        node.ty = T.Tuple([])
        node.builtin = "close"
        self.func.has_calls = True

    def builtin_append(self, node, args, scope):
        if not args:
            raise CompileError(node.pos, "not enough arguments for append() (expected 1, found 0)")
        first = args[0]
        self.expr(first, scope)
        self.single_value(first)
        if first.ty is T.UNTYPED_NIL:
            raise CompileError(first.pos, "first argument to append must be a typed slice; have untyped nil")
        st = first.ty.under
        if not isinstance(st, T.Slice):
            raise CompileError(first.pos, f"invalid argument: {self.text(first)} (variable of type "
                                          f"{first.ty}) is not a slice")
        node.ty = first.ty
        node.builtin = "append"
        node.spread = len(args) == 2 and args[1].type == "variadic_argument"
        rest = args[1:]
        if node.spread:
            inner = rest[0].children[0]
            rest[0].ty = None
            self.expr(inner, scope)
            self.single_value(inner)
            if T.is_string(inner.ty) and st.elem.under is T.UINT8:
                self.convert_operand(inner, T.STRING)
            else:
                self.convert_operand(inner, T.Slice(st.elem) if not isinstance(inner.ty.under, T.Slice)
                                     else inner.ty)
                if not T.identical(inner.ty.under.elem, st.elem) and inner.ty is not T.UNTYPED_NIL:
                    raise CompileError(inner.pos, f"cannot use {self.text(inner)} (variable of type "
                                                  f"{inner.ty}) as {T.Slice(st.elem)} value in argument to append")
            node.values = [inner]
            return
        for a in rest:
            self.expr(a, scope)
            self.single_value(a)
            self.convert_operand(a, st.elem)
        node.values = rest

    def builtin_copy(self, node, args, scope):
        if len(args) != 2:
            raise CompileError(node.pos, f"{'not enough' if len(args) < 2 else 'too many'} arguments for copy")
        for a in args:
            self.expr(a, scope)
            self.single_value(a)
        dst, src = args[0].ty.under, args[1].ty.under
        if not isinstance(dst, T.Slice):
            raise CompileError(node.pos, f"invalid argument: copy expects slice arguments; found "
                                         f"{self.text(args[0])} (variable of type {args[0].ty}) and "
                                         f"{self.text(args[1])} (variable of type {args[1].ty})")
        if T.is_string(src) and dst.elem.under is T.UINT8:
            self.convert_operand(args[1], T.STRING)
        elif not (isinstance(src, T.Slice) and T.identical(src.elem, dst.elem)):
            raise CompileError(node.pos, f"invalid argument: arguments to copy {self.text(args[0])} (variable of type "
                                         f"{args[0].ty}) and {self.text(args[1])} (variable of type {args[1].ty}) "
                                         f"have different element types")
        node.ty = T.INT
        node.builtin = "copy"

    def builtin_delete(self, node, args, scope):
        if len(args) != 2:
            raise CompileError(node.pos, "wrong number of arguments to delete")
        m, key = args
        self.expr(m, scope)
        self.single_value(m)
        if not isinstance(m.ty.under, T.Map):
            raise CompileError(m.pos, f"invalid argument: {self.text(m)} (variable of type {m.ty}) is not a map")
        self.expr(key, scope)
        self.single_value(key)
        self.convert_operand(key, m.ty.under.key)
        node.ty = T.Tuple([])
        node.builtin = "delete"

    def builtin_new(self, node, args, scope):
        if len(args) != 1:
            raise CompileError(node.pos, "wrong number of arguments to new")
        t = self.resolve_type(as_type_node(args[0]), scope)
        node.ty = T.Pointer(t)
        node.builtin = "new"
        obj = Var(f"new({t})", t, "local", node.pos, self.func)
        obj.is_new = True
        obj.addr_taken = True
        obj.used = True
        obj.loop_depth = self.loop_depth
        self.func.news.append(obj)
        node.new_var = obj

    def builtin_panic(self, node, args, scope):
        if len(args) != 1:
            raise CompileError(node.pos, "wrong number of arguments to panic")
        self.func.has_calls = True
        a = args[0]
        self.expr(a, scope)
        self.single_value(a)
        self.convert_operand(a, T.ANY)           # panic's parameter is an interface{}
        node.ty = T.Tuple([])
        node.builtin = "panic"

    def builtin_recover(self, node, args, scope):
        if args:
            raise CompileError(node.pos, "too many arguments for recover()")
        self.func.has_calls = True
        node.ty = T.ANY
        node.builtin = "recover"
