"""declarations: package-level declarations and function bodies.

Go counterpart: types2/decl.go, resolver.go and the function-body half of
stmt.go (funcBody).  Imports, types, constants, functions, methods and
package variables are declared in Go's order (types first, so every other
declaration can name them); package variables are checked on demand and
initialized in dependency order (Go's initorder.go).  Function literals get
Go's names (main.main.func1, main.main.func1.1, deferwrapN).

Difference: the checker also records what later passes need on each FuncSym
(locals, captures, the functions it calls).
"""

from __future__ import annotations

from ...errors import CompileError, Pos, Unsupported
from ... import types as T
from ..lower import clone
from ..parse import Node
from ..symbols import Const, FuncSym, PackageSym, Scope, TypeName, Var
from ..universe import PACKAGES


class Declarations:
    """Declaring package-level names and checking function bodies (a Checker mixin)."""

    def check_package_clause(self, root: Node):
        clause = next((c for c in root.children if c.type == "package_clause"), None)
        if clause is None:
            raise CompileError(root.pos, "syntax error: package statement must be first")
        name = clause.children[0].text
        if name != "main":
            raise Unsupported(clause.pos, f"package {name} (gostack runs package main)")

    def declare_imports(self, decl: Node):
        for spec in self._import_specs(decl):
            path = spec.get("path").text.strip('"`')
            if path not in PACKAGES:
                raise Unsupported(spec.pos, f"package {path}")
            if spec.get("name") is not None:
                raise Unsupported(spec.pos, "renamed imports")
            name = path.rsplit("/", 1)[-1]
            sym = PackageSym(name, path, PACKAGES[path])
            sym.pos = spec.pos
            self.packages[name] = sym
            self.pkg.names[name] = sym

    def _import_specs(self, decl):
        for child in decl.children:
            if child.type == "import_spec":
                yield child
            elif child.type == "import_spec_list":
                yield from (c for c in child.children if c.type == "import_spec")

    def declare_types(self, root: Node):
        specs = []
        for decl in root.children:
            if decl.type == "type_declaration":
                for spec in decl.children:
                    if spec.type == "type_alias":
                        raise Unsupported(spec.pos, "type aliases")
                    if spec.get("type_parameters") is not None:
                        raise Unsupported(spec.pos, "generics")
                    name = spec.get("name").text
                    named = T.Named(name)
                    self.redeclare_check(self.pkg, name, spec.pos)
                    self.pkg.names[name] = TypeName(name, named)
                    specs.append((spec, named))
        self.pending_layouts = []
        for spec, named in specs:
            named.underlying = self.resolve_type(spec.get("type"), self.pkg)
        for spec, named in specs:
            self.check_type_cycle(named, spec.pos, set())
        # Structs that use types declared after them are laid out once all exist;
        # repeating lets sizes flow outward through nested structs.
        for _ in range(len(self.pending_layouts)):
            for st in self.pending_layouts:
                st.layout()
        self.pending_layouts = None

    def const_expr(self, node: Node, scope: Scope):
        saved = self.func
        self.expr(node, scope)
        self.func = saved
        if node.const is None:
            raise CompileError(node.pos, f"{self.text(node)} is not constant")
        return node.const

    def redeclare_check(self, scope, name, pos):
        if name != "_" and name in scope.names:
            raise CompileError(pos, f"{name} redeclared in this block")

    def declare_consts(self, decl: Node, scope: Scope):
        last_type, last_values = None, None
        for iota, spec in enumerate(c for c in decl.children if c.type == "const_spec"):
            names = spec.getlist("name")
            tnode = spec.get("type")
            values = spec.get("value")
            values = values.children if values is not None else None
            if values is None:
                if last_values is None:
                    raise CompileError(spec.pos, "missing init expr for const declaration")
                values, tnode = last_values, last_type
            else:
                last_values, last_type = values, tnode
            if len(values) != len(names):
                raise CompileError(spec.pos, "missing init expr for const declaration"
                                   if len(values) < len(names) else "extra init expr")
            ctype = self.resolve_type(tnode, scope) if tnode is not None else None
            for name, value in zip(names, values):
                self.iota = iota
                fresh = clone(value)
                self.expr(fresh, scope)
                self.iota = None
                if fresh.const is None:
                    raise CompileError(value.pos, f"{self.text(value)} (value of type "
                                                  f"{fresh.ty}) is not constant")
                ty, val = fresh.ty, fresh.const
                if ctype is not None:
                    val = self.convert_const(val, fresh.ty, ctype, value.pos)
                    ty = ctype
                self.redeclare_check(scope, name.text, name.pos)
                if name.text != "_":
                    scope.names[name.text] = Const(name.text, ty, val)

    def declare_method(self, decl: Node):
        """func (r T) M(...) / func (r *T) M(...): a function whose first parameter is r."""
        recv_list = [d for d in decl.get("receiver").children if d.type == "parameter_declaration"]
        if len(recv_list) != 1:
            raise CompileError(decl.get("receiver").pos, "method has multiple receivers"
                               if recv_list else "method has no receiver")
        rdecl = recv_list[0]
        rtype_node = rdecl.get("type")
        ptr = rtype_node.type == "pointer_type"
        base_node = rtype_node.children[0] if ptr else rtype_node
        if base_node.type == "generic_type":
            raise Unsupported(base_node.pos, "generics")
        base = self.resolve_type(base_node, self.pkg)
        if not isinstance(base, T.Named) or base.pkg != "main":
            raise CompileError(base_node.pos, f"cannot define new methods on non-local type {base}")
        if isinstance(base.under, (T.Pointer, T.Interface)):
            raise CompileError(base_node.pos, f"invalid receiver type {base}")
        name = decl.get("name").text
        params, ptypes, variadic = self.param_types(decl.get("parameters"), self.pkg)
        results, rtypes, _ = self.param_types(decl.get("result"), self.pkg)
        rt = T.Pointer(base) if ptr else base
        table = self.methods.setdefault(base, {})
        if name in table:
            raise CompileError(decl.get("name").pos, f"method {base.name}.{name} already declared")
        if isinstance(base.under, T.Struct) and base.under.field(name) is not None:
            raise CompileError(decl.get("name").pos, f"field and method with the same name {name}")
        qual = f"(*{base.name}).{name}" if ptr else f"{base.name}.{name}"
        fn = FuncSym(qual, T.Signature([rt] + ptypes, rtypes, variadic), decl,
                     self.source.directives.get(name, set()))
        rname = rdecl.get("name")
        recv_var = Var(rname.text if rname is not None else "", rt, "param", (rname or rdecl).pos, fn)
        fn.params = [recv_var] + [Var(n, t, "param", pos, fn) for n, t, pos in params]
        fn.results = [Var(n, t, "result", pos, fn) for n, t, pos in results]
        fn.ptr_recv = ptr
        fn.method_sig = T.Signature(ptypes, rtypes, variadic)
        fn.recv_base = base
        table[name] = fn
        self.funcs.append(fn)

    def declare_func(self, decl: Node):
        name = decl.get("name").text
        if decl.get("type_parameters") is not None:
            raise Unsupported(decl.pos, "generics")
        if decl.get("body") is None:
            raise Unsupported(decl.pos, "functions without a body")
        params, ptypes, variadic = self.param_types(decl.get("parameters"), self.pkg)
        results, rtypes, _ = self.param_types(decl.get("result"), self.pkg)
        if name == "main" and (params or results):
            raise CompileError(decl.pos, "func main must have no arguments and no return values")
        if name == "init":
            if params or results:
                raise CompileError(decl.pos, "func init must have no arguments and no return values")
            # init functions run after the package's variables, in source order (main.init.0, ...)
            fn = FuncSym(f"init.{len(self.init_funcs)}", T.Signature([], []), decl,
                         self.source.directives.get(name, set()))
            self.init_funcs.append(fn)
            self.funcs.append(fn)
            return
        fn = FuncSym(name, T.Signature(ptypes, rtypes, variadic), decl,
                     self.source.directives.get(name, set()))
        fn.params = [Var(n, t, "param", pos, fn) for n, t, pos in params]
        fn.results = [Var(n, t, "result", pos, fn) for n, t, pos in results]
        self.redeclare_check(self.pkg, name, decl.pos)
        self.pkg.names[name] = fn
        self.funcs.append(fn)

    def declare_globals(self, decl: Node):
        for spec in self._var_specs(decl):
            names = spec.getlist("name")
            tnode = spec.get("type")
            value = spec.get("value")
            values = value.children if value is not None else []
            vtype = self.resolve_type(tnode, self.pkg) if tnode is not None else None
            targets = []
            for n in names:
                v = Var(n.text, vtype, "global", n.pos)
                v.used = True
                self.redeclare_check(self.pkg, n.text, n.pos)
                if n.text != "_":
                    self.pkg.names[n.text] = v
                self.globals.append(v)
                targets.append(v)
            self.global_decls.append((targets, values, vtype, spec))
            for v in targets:
                self.global_decl_of[v] = (targets, values, vtype, spec)

    def _var_specs(self, decl):
        for child in decl.children:
            if child.type == "var_spec":
                yield child
            elif child.type == "var_spec_list":
                yield from (c for c in child.children if c.type == "var_spec")

    def check_global_inits(self):
        for decl in self.global_decls:
            yield self.check_global_decl(decl)

    def check_global_decl(self, decl):
        """Type one package-level var spec (possibly early, when another needs its type)."""
        targets, values, vtype, spec = decl
        key = id(spec)
        if key in self.globals_checked:
            return self.globals_checked_result[key]
        self.globals_checked.add(key)
        deps = set()
        saved_deps, saved_func = self.current_deps, self.func
        self.current_deps, self.func = deps, self.init_func
        if values:
            self.check_assign_values(targets, values, vtype, spec, self.pkg)
        elif vtype is None:
            raise CompileError(spec.pos, "missing type or init expr")
        self.current_deps, self.func = saved_deps, saved_func
        self.globals_checked_result[key] = (targets, values, deps)
        return targets, values, deps

    def order_global_inits(self):
        """Go initializes package variables in dependency order, else declaration order."""
        pending = list(self.check_global_inits())
        funcs_deps = {fn: fn.global_deps for fn in self.funcs}
        done, order = set(), []

        def expand(deps, seen):
            out = set()
            for d in deps:
                if isinstance(d, Var):
                    out.add(d)
                elif isinstance(d, FuncSym) and d not in seen:
                    seen.add(d)
                    out |= expand(funcs_deps.get(d, set()), seen)
            return out

        resolved = [(t, v, expand(d, set())) for t, v, d in pending]
        while resolved:
            for index, (targets, values, deps) in enumerate(resolved):
                if all(d in done or d in targets for d in deps if d.kind == "global"):
                    break
            else:
                t = resolved[0][0][0]
                raise CompileError(t.pos, f"initialization cycle or unsupported order for {t.name}")
            targets, values, deps = resolved.pop(index)
            done.update(targets)
            if values:
                order.append((targets, values))
        return order

    def check_func(self, fn: FuncSym, outer: Scope = None):
        if fn.literal_of is not None and outer is None:
            return                  # a function literal is checked where it appears
        saved_func, saved_labels, saved_depth = self.func, getattr(self, "labels", {}), self.loop_depth
        self.func = fn
        self.loop_depth = 0
        fn.global_deps = set()
        scope = Scope(outer or self.pkg)
        for v in fn.params + fn.results:
            v.used = True
            if v.name and v.name != "_":
                self.redeclare_check(scope, v.name, v.pos)
                scope.names[v.name] = v
        body = fn.decl.get("body")
        self.labels = {}
        saved_gotos, self.gotos = getattr(self, "gotos", []), []
        self.block(body, Scope(scope))
        for goto in self.gotos:
            target = self.labels.get(goto.goto_label)
            if target is None:
                raise CompileError(goto.children[0].pos, f"label {goto.goto_label} not defined")
            target.goto_target = True         # the labeled statement starts a block
        self.gotos = saved_gotos
        if fn.results and not self.terminates(body):
            # gc reports the closing brace of the function
            last_line = closing_brace_line(self.source.text, body.pos.line)
            raise CompileError(Pos(body.pos.path, last_line, 1), "missing return")
        self.func, self.labels, self.loop_depth = saved_func, saved_labels, saved_depth

    def expr_func_literal(self, node, scope, wrapper=False, name=None):
        """func(...) {...}: a function of its own that captures variables by reference.

        Go names it after the enclosing function: main.main.func1, and
        main.main.func1.1 for a literal inside that one.
        """
        outer = self.func
        node.loop_depth = self.loop_depth
        top = outer if outer.literal_of is None else outer.literal_top
        if name is not None:
            pass                            # a method value's wrapper: T.M-fm, as Go names it
        elif wrapper:
            # A deferred call's wrapper is not one of the program's literals: it
            # does not take a funcN number (Go 1.21 calls these deferwrapN).
            outer.wrapper_count += 1
            name = f"{outer.name}.deferwrap{outer.wrapper_count}"
        elif outer.literal_of is None:
            outer.literal_count += 1
            name = f"{outer.name}.func{outer.literal_count}"
        else:
            outer.literal_count += 1
            name = f"{outer.name}.{outer.literal_count}"
        params, ptypes, variadic = self.param_types(node.get("parameters"), scope)
        results, rtypes, _ = self.param_types(node.get("result"), scope)
        fn = FuncSym(name, T.Signature(ptypes, rtypes, variadic), node, set())
        fn.params = [Var(n, t, "param", pos, fn) for n, t, pos in params]
        fn.results = [Var(n, t, "result", pos, fn) for n, t, pos in results]
        fn.literal_of, fn.literal_top = outer, top
        fn.captures = []
        self.funcs.append(fn)
        self.check_func(fn, scope)
        node.lit_fn = fn
        node.ty = fn.sig
        outer.has_calls = True
        for v in fn.captures:            # what the literal captures, the enclosing function must reach
            self.capture(v)

    def capture(self, v: Var):
        """Note that the current function literal refers to v of an enclosing function."""
        fn = self.func
        if fn is None or v.func is fn or v.kind == "global" or fn.literal_of is None:
            return
        if v not in fn.captures:
            fn.captures.append(v)
        v.captured = True
        v.addr_taken = True          # captured by reference: it must live in memory


def closing_brace_line(text: str, start: int) -> int:
    """The line of the brace closing the block that opens on line `start`."""
    lines = text.splitlines()
    depth = 0
    for index in range(start - 1, len(lines)):
        depth += lines[index].count("{") - lines[index].count("}")
        if depth <= 0:
            return index + 1
    return start
