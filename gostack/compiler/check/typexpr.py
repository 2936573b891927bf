"""typexpr: type expressions -> types.

Go counterpart: types2/typexpr.go and struct.go/interface.go (typInternal,
structType, interfaceType, collectParams).  A type expression node becomes a
gostack.types Type; a `resolved_type` leaf (lower.TypeLeaf, built by the
checker's own syntax) stands for a type already known.
"""

from __future__ import annotations

from ...errors import CompileError, Unsupported
from ... import types as T
from .expressions import undefined_name
from ..parse import Node
from ..symbols import PackageSym, Scope, TypeName


class TypeExprs:
    """Resolving type expressions, struct and interface types, parameter lists (a Checker mixin)."""

    def check_type_cycle(self, t, pos, seen):
        u = t
        if isinstance(t, T.Named):
            if t in seen:
                raise CompileError(pos, f"invalid recursive type {t.name}")
            seen = seen | {t}
            u = t.underlying
        if isinstance(u, T.Array):
            self.check_type_cycle(u.elem, pos, seen)
        elif isinstance(u, T.Struct):
            for f in u.fields:
                self.check_type_cycle(f.type, pos, seen)

    def resolve_type(self, node: Node, scope: Scope) -> T.Type:
        kind = node.type
        if kind == "resolved_type":
            return node.resolved
        if kind == "type_identifier":
            sym = scope.lookup(node.text)
            if sym is None:
                raise undefined_name(node)
            if not isinstance(sym, TypeName):
                raise CompileError(node.pos, f"{node.text} is not a type")
            return sym.type
        if kind == "qualified_type":
            pkg = scope.lookup(node.get("package").text)
            name = node.get("name").text
            if isinstance(pkg, PackageSym) and isinstance(pkg.members.get(name), TypeName):
                pkg.used = True
                return pkg.members[name].type
            raise CompileError(node.pos, f"undefined: {node.get('package').text}.{name}")
        if kind == "pointer_type":
            return T.Pointer(self.resolve_type(node.children[0], scope))
        if kind == "array_type":
            length = self.const_expr(node.get("length"), scope)
            if not isinstance(length, int) or isinstance(length, bool) or length < 0:
                raise CompileError(node.get("length").pos, "invalid array length")
            return T.Array(self.resolve_type(node.get("element"), scope), length)
        if kind == "struct_type":
            return self.resolve_struct(node, scope)
        if kind == "implicit_length_array_type":
            raise CompileError(node.pos, "invalid use of [...] array (outside a composite literal)")
        if kind == "parenthesized_type":
            return self.resolve_type(node.children[0], scope)
        if kind == "slice_type":
            return T.Slice(self.resolve_type(node.get("element"), scope))
        if kind == "map_type":
            key = self.resolve_type(node.get("key"), scope)
            if not T.comparable(key):
                raise CompileError(node.get("key").pos, f"invalid map key type {key}")
            return T.Map(key, self.resolve_type(node.get("value"), scope))
        if kind == "channel_type":
            elem = self.resolve_type(node.get("value"), scope)
            text = self.source.text.splitlines()[node.pos.line - 1][node.pos.col - 1:]
            direction = "recv" if text.startswith("<-") else "send" if text.replace(" ", "").startswith("chan<-") else "both"
            return T.Chan(elem, direction)
        if kind == "function_type":
            _, params, variadic = self.param_types(node.get("parameters"), scope)
            _, results, _ = self.param_types(node.get("result"), scope)
            return T.Signature(params, results, variadic)
        if kind == "interface_type":
            return self.resolve_interface(node, scope)
        if kind == "generic_type":
            raise Unsupported(node.pos, "generics")
        raise Unsupported(node.pos, f"type {kind.replace('_', ' ')}")

    def resolve_struct(self, node: Node, scope: Scope) -> T.Struct:
        st = T.Struct([])
        seen = set()
        for decl in node.children[0].children:
            if decl.type != "field_declaration":
                continue
            names = decl.getlist("name")
            ftype = self.resolve_type(decl.get("type"), scope)
            if not names:                      # an embedded field is named by its type
                line = self.source.text.splitlines()[decl.pos.line - 1]
                if line[decl.pos.col - 1:].lstrip().startswith("*") and not isinstance(ftype, T.Pointer):
                    ftype = T.Pointer(ftype)      # tree-sitter leaves the * of *T outside the type
                base = ftype.elem if isinstance(ftype, T.Pointer) else ftype
                if not isinstance(base, T.Named):
                    raise CompileError(decl.pos, f"embedded field type {ftype} must be a type name")
                if base.name in seen:
                    raise CompileError(decl.pos, f"{base.name} redeclared")
                seen.add(base.name)
                field_ = T.Field(base.name, ftype)
                field_.embedded = True
                st.fields.append(field_)
                continue
            for n in names:
                if n.text in seen:
                    raise CompileError(n.pos, f"{n.text} redeclared")
                seen.add(n.text)
                st.fields.append(T.Field(n.text, ftype))
        if getattr(self, "pending_layouts", None) is not None and has_unresolved(st):
            self.pending_layouts.append(st)
        else:
            st.layout()
        return st

    def param_list(self, node, scope=None):
        out, types, _variadic = self.param_types(node, scope or self.pkg)
        return out, types

    def param_types(self, node, scope):
        """[(name, type, pos)], [type], variadic? of a parameter or result list."""
        if node is None:
            return [], [], False
        if node.type != "parameter_list":
            t = self.resolve_type(node, scope)
            return [("", t, node.pos)], [t], False
        out, types, variadic = [], [], False
        decls = [d for d in node.children if d.type in ("parameter_declaration",
                                                       "variadic_parameter_declaration")]
        for k, decl in enumerate(decls):
            t = self.resolve_type(decl.get("type"), scope)
            if decl.type == "variadic_parameter_declaration":
                if k != len(decls) - 1:
                    raise CompileError(decl.pos, "can only use ... with final parameter in list")
                t = T.Slice(t)
                variadic = True
            names = decl.getlist("name") or [None]
            for n in names:
                out.append((n.text if n is not None else "", t, (n or decl).pos))
                types.append(t)
        return out, types, variadic

    def resolve_interface(self, node, scope):
        methods = {}
        for elem in node.children:
            if elem.type == "method_elem":
                _, params, variadic = self.param_types(elem.get("parameters"), scope)
                _, results, _ = self.param_types(elem.get("result"), scope)
                methods[elem.get("name").text] = T.Signature(params, results, variadic)
            elif elem.type == "type_elem" and len(elem.children) == 1:
                inner = self.resolve_type(elem.children[0], scope).under
                if not isinstance(inner, T.Interface):
                    raise Unsupported(elem.pos, "generics (type constraints)")
                methods.update(inner.methods)
            else:
                raise Unsupported(elem.pos, "generics (type constraints)")
        return T.Interface(methods)


def has_unresolved(t, seen=None) -> bool:
    """Does t reach a named type whose underlying type is not known yet?"""
    seen = seen or set()
    if isinstance(t, T.Named):
        if t.underlying is None:
            return True
        if id(t) in seen:
            return False
        seen.add(id(t))
        return has_unresolved(t.underlying, seen)
    if isinstance(t, T.Struct):
        return any(has_unresolved(f.type, seen) for f in t.fields)
    if isinstance(t, T.Array):
        return has_unresolved(t.elem, seen)
    return False
