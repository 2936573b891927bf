"""check: resolve names, compute types and constants, reject what Go rejects.

Go counterpart: cmd/compile/internal/types2 (in a much smaller subset).
Every expression node gets `node.ty` (its type) and, when constant,
`node.const` (a Python int, float, bool or str).  Identifiers get
`node.sym`.  Errors use the gc compiler's wording where gostack knows it;
constructs outside gostack's subset are `unsupported: <what>`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction

from ..errors import CompileError, Pos, Unsupported
from .. import types as T
from ..abi import BLOCKING, METHODS, PACKAGES, STD_METHODS, RuntimeFunc
from ..types import Const, TypeName
from .parse import Node, SourceFile

# ---------------------------------------------------------------- symbols


@dataclass(eq=False)
class Var:
    name: str
    type: T.Type
    kind: str                    # "global", "local", "param", "result"
    pos: object = None
    func: object = None          # owning FuncSym for locals
    addr_taken: bool = False
    escapes: bool = False        # moved to the heap (decided by escape.py)
    loop_depth: int = 0          # loop nesting at the declaration (escape analysis)
    used: bool = False
    offset: int = 0              # frame offset (from sp) or global address
    is_new: bool = False         # anonymous object of new(T)


@dataclass(eq=False)
class FuncSym:
    name: str
    sig: T.Signature
    decl: Node = None
    directives: set = field(default_factory=set)
    params: list = field(default_factory=list)     # [Var]
    results: list = field(default_factory=list)    # [Var]
    locals: list = field(default_factory=list)     # [Var] in declaration order
    news: list = field(default_factory=list)       # new(T) objects, as Vars
    calls: set = field(default_factory=set)        # FuncSyms called directly
    has_calls: bool = False                        # any CALL at all (incl. print)

    @property
    def qualname(self):
        return f"main.{self.name}"


@dataclass(eq=False)
class Builtin:
    name: str


@dataclass(eq=False)
class PackageSym:
    name: str
    path: str
    members: dict
    used: bool = False


BUILTINS = {n: Builtin(n) for n in ("println", "print", "len", "cap", "new", "panic", "make",
                                     "close", "append", "copy", "delete", "recover")}
CONSTS = {"true": Const("true", T.UNTYPED_BOOL, True),
          "false": Const("false", T.UNTYPED_BOOL, False)}


class Scope:
    def __init__(self, parent=None):
        self.parent = parent
        self.names: dict = {}

    def lookup(self, name):
        scope = self
        while scope is not None:
            if name in scope.names:
                return scope.names[name]
            scope = scope.parent
        return None


@dataclass
class Program:
    source: SourceFile
    funcs: list                  # [FuncSym] in source order
    globals: list                # [Var] in initialization order
    global_inits: list           # [(targets [Var], value Node)] in initialization order
    packages: dict


# ---------------------------------------------------------------- checker


class Checker:
    def __init__(self, source: SourceFile):
        self.source = source
        self.universe = Scope()
        self.universe.names.update({n: TypeName(n, t) for n, t in T.UNIVERSE_TYPES.items()})
        self.universe.names.update(BUILTINS)
        self.universe.names.update(CONSTS)
        self.universe.names["nil"] = Const("nil", T.UNTYPED_NIL, None)
        self.pkg = Scope(self.universe)
        self.funcs: list[FuncSym] = []
        self.globals: list[Var] = []
        self.global_decls: list = []          # (targets, value node, deps)
        self.packages: dict[str, PackageSym] = {}
        self.methods: dict = {}               # Named -> {name: FuncSym}
        self.init_funcs: list = []            # func init() declarations, in order
        self.iface_types: dict = {}           # types converted to interfaces
        self.func: FuncSym | None = None
        self.iota = None
        self.loop_depth = 0
        self.current_deps = None
        self.global_decl_of: dict = {}
        self.globals_checked: set = set()
        self.globals_checked_result: dict = {}
        # Package initialization is code too: calls and new() objects in global
        # initializers belong to main.init (built by link.synthesize_init).
        self.init_func = FuncSym("init", T.Signature([], []))
        self.init_func.global_deps = set()

    # ---- entry

    def check(self) -> Program:
        root = self.source.root
        self.check_package_clause(root)
        for decl in root.children:
            if decl.type == "import_declaration":
                self.declare_imports(decl)
        self.declare_types(root)
        for decl in root.children:
            if decl.type == "const_declaration":
                self.declare_consts(decl, self.pkg)
            elif decl.type == "function_declaration":
                self.declare_func(decl)
            elif decl.type == "method_declaration":
                self.declare_method(decl)
        for decl in root.children:
            if decl.type == "var_declaration":
                self.declare_globals(decl)
        main = self.pkg.names.get("main")
        if not isinstance(main, FuncSym):
            raise CompileError(root.pos, "function main is undeclared in the main package")
        for fn in list(self.funcs):
            self.check_func(fn)
        self.method_tables = self.build_method_tables()
        for pkg in self.packages.values():
            if not pkg.used:
                raise CompileError(pkg.pos, f'"{pkg.path}" imported but not used')
        inits = self.order_global_inits()
        program = Program(self.source, self.funcs, self.globals, inits, self.packages)
        program.init_func = self.init_func
        program.init_funcs = self.init_funcs
        program.method_tables = self.method_tables
        program.iface_types = self.iface_types
        return program

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

    # ---- types

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
        if kind == "type_identifier":
            sym = scope.lookup(node.text)
            if sym is None:
                raise _undefined(node)
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
        if getattr(self, "pending_layouts", None) is not None and _has_unresolved(st):
            self.pending_layouts.append(st)
        else:
            st.layout()
        return st

    def const_expr(self, node: Node, scope: Scope):
        saved = self.func
        self.expr(node, scope)
        self.func = saved
        if node.const is None:
            raise CompileError(node.pos, f"{self.text(node)} is not constant")
        return node.const

    def text(self, node: Node) -> str:
        start = node.pos
        lines = self.source.text.splitlines()
        line = lines[start.line - 1] if start.line - 1 < len(lines) else ""
        return node.text or line[start.col - 1:].split()[0] if line else node.type

    # ---- declarations

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
                fresh = _clone(value)
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
        # Types of untyped globals are inferred once all globals are declared.

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

    # ---- functions and statements

    def check_func(self, fn: FuncSym, outer: Scope = None):
        if getattr(fn, "literal_of", None) is not None and outer is None:
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
        top = outer if getattr(outer, "literal_of", None) is None else outer.literal_top
        if name is not None:
            pass                            # a method value's wrapper: T.M-fm, as Go names it
        elif wrapper:
            # A deferred call's wrapper is not one of the program's literals: it
            # does not take a funcN number (Go 1.21 calls these deferwrapN).
            outer.wrapper_count = getattr(outer, "wrapper_count", 0) + 1
            name = f"{outer.name}.deferwrap{outer.wrapper_count}"
        elif getattr(outer, "literal_of", None) is None:
            outer.literal_count = getattr(outer, "literal_count", 0) + 1
            name = f"{outer.name}.func{outer.literal_count}"
        else:
            outer.literal_count = getattr(outer, "literal_count", 0) + 1
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
        if fn is None or v.func is fn or v.kind == "global" or getattr(fn, "literal_of", None) is None:
            return
        if v not in fn.captures:
            fn.captures.append(v)
        v.captured = True
        v.addr_taken = True          # captured by reference: it must live in memory

    def block(self, node: Node, scope: Scope):
        stmts = node.children[0].children if node.children and node.children[0].type == "statement_list" else node.children
        for stmt in stmts:
            self.stmt(stmt, scope)
        self.check_unused(scope)

    def check_unused(self, scope: Scope):
        for sym in scope.names.values():
            if isinstance(sym, Var) and sym.kind == "local" and not sym.used:
                raise CompileError(sym.pos, f"{sym.name} declared but not used")

    def stmt(self, node: Node, scope: Scope):
        handler = getattr(self, f"stmt_{node.type}", None)
        if handler is None:
            raise Unsupported(node.pos, node.type.replace("_", " "))
        handler(node, scope)

    def stmt_statement_list(self, node, scope):
        for s in node.children:
            self.stmt(s, scope)

    def stmt_empty_statement(self, node, scope):
        pass

    def stmt_expression_statement(self, node, scope):
        expr = node.children[0]
        self.expr(expr, scope)
        if expr.type != "call_expression" and not self._is_receive(expr):
            raise CompileError(expr.pos, f"{self.text(expr)} (value of type {expr.ty}) is not used")

    def stmt_block(self, node, scope):
        self.block(node, Scope(scope))

    def stmt_var_declaration(self, node, scope):
        for spec in self._var_specs(node):
            names = spec.getlist("name")
            tnode = spec.get("type")
            value = spec.get("value")
            values = value.children if value is not None else []
            vtype = self.resolve_type(tnode, scope) if tnode is not None else None
            targets = [self.new_local(n, vtype) for n in names]
            if values:
                self.check_assign_values(targets, values, vtype, spec, scope)
            for n, v in zip(names, targets):
                self.redeclare_check(scope, n.text, n.pos)
                if n.text != "_":
                    scope.names[n.text] = v
            spec.targets = targets

    def stmt_const_declaration(self, node, scope):
        self.declare_consts(node, scope)

    def stmt_type_declaration(self, node, scope):
        """A type declared inside a function: named main.T as Go prints it."""
        for spec in node.children:
            if spec.type == "type_alias":
                raise Unsupported(spec.pos, "type aliases")
            if spec.get("type_parameters") is not None:
                raise Unsupported(spec.pos, "generics")
            name = spec.get("name").text
            named = T.Named(name)
            self.redeclare_check(scope, name, spec.pos)
            scope.names[name] = TypeName(name, named)
            named.underlying = self.resolve_type(spec.get("type"), scope)
            self.check_type_cycle(named, spec.pos, set())

    def new_local(self, name_node, vtype):
        v = Var(name_node.text, vtype, "local", name_node.pos, self.func)
        v.loop_depth = self.loop_depth
        if name_node.text == "_":
            v.used = True
        self.func.locals.append(v)
        name_node.sym = v
        return v

    def check_assign_values(self, targets, values, vtype, spec, scope):
        if len(values) == 1 and len(targets) == 2:
            self.comma_ok(values[0], scope)
        if len(values) == 1 and len(targets) > 1:
            if values[0].ty is None:
                self.expr(values[0], scope)
            tuple_type = values[0].ty
            if not isinstance(tuple_type, T.Tuple) or len(tuple_type.types) != len(targets):
                raise CompileError(spec.pos, f"assignment mismatch: {len(targets)} variables "
                                             f"but {self.count_desc(values[0])}")
            for v, t in zip(targets, tuple_type.types):
                if v.type is None:
                    v.type = t
                else:
                    self.assignable(t, v.type, values[0].pos, None)
            return
        if len(values) != len(targets):
            raise CompileError(spec.pos, f"assignment mismatch: {len(targets)} variable"
                                         f"{'s' if len(targets) > 1 else ''} but "
                                         f"{len(values)} value{'s' if len(values) > 1 else ''}")
        for v, value in zip(targets, values):
            self.expr(value, scope)
            self.single_value(value)
            if v.type is None:
                if value.ty is T.UNTYPED_NIL:
                    raise CompileError(value.pos, "use of untyped nil in variable declaration")
                v.type = T.DEFAULT_TYPE.get(value.ty.kind, value.ty) if isinstance(value.ty, T.Basic) else value.ty
            self.convert_operand(value, v.type)

    def comma_ok(self, value, scope):
        """v, ok = <-ch / m[k] / x.(T): the value and a bool."""
        inner = value
        while inner.type == "parenthesized_expression":
            inner = inner.children[0]
        if not (self._is_receive(inner) or inner.type in ("index_expression", "type_assertion_expression")):
            return
        self.expr(inner, scope)
        if inner.type == "index_expression" and inner.index_kind != "map":
            return
        for n in {id(value): value, id(inner): inner}.values():
            n.comma_ok = True
            n.ty = T.Tuple([inner.ty, T.BOOL])

    @staticmethod
    def _is_receive(node):
        while node.type == "parenthesized_expression":
            node = node.children[0]
        return node.type == "unary_expression" and node.op == "<-"

    def count_desc(self, call):
        t = call.ty
        if isinstance(t, T.Tuple):
            return f"{self.text(call.get('function'))}() returns {len(t.types)} values"
        return "1 value"

    def stmt_short_var_declaration(self, node, scope):
        lefts = node.get("left").children
        values = node.get("right").children
        targets, fresh = [], False
        for n in lefts:
            if n.type != "identifier":
                raise CompileError(n.pos, f"non-name {self.text(n)} on left side of :=")
            existing = scope.names.get(n.text)
            if existing is not None and isinstance(existing, Var):
                n.sym = existing
                existing.used = existing.used
                targets.append(existing)
            else:
                targets.append(self.new_local(n, None))
                fresh = True
        if not fresh:
            raise CompileError(node.pos, "no new variables on left side of :=")
        pre_typed = [v.type for v in targets]
        self.check_assign_values(targets, values, None, node, scope)
        for n, v, t in zip(lefts, targets, pre_typed):
            if t is not None and v.type is not t:
                pass
            if n.text != "_" and scope.names.get(n.text) is not v:
                scope.names[n.text] = v
        node.targets = targets

    def stmt_assignment_statement(self, node, scope):
        lefts = node.get("left").children
        values = node.get("right").children
        op = node.op
        for left in lefts:
            self.lvalue(left, scope)
        if op != "=":
            if len(lefts) != 1 or len(values) != 1:
                raise CompileError(node.pos, f"assignment operation {op} requires single-valued expressions")
            binop = op[:-1]
            self.expr(values[0], scope)
            self.check_binary_types(node, binop, lefts[0], values[0])
            return
        if len(values) == 1 and len(lefts) == 2:
            self.comma_ok(values[0], scope)
        if len(values) == 1 and len(lefts) > 1:
            if values[0].ty is None:
                self.expr(values[0], scope)
            tt = values[0].ty
            if not isinstance(tt, T.Tuple) or len(tt.types) != len(lefts):
                raise CompileError(node.pos, f"assignment mismatch: {len(lefts)} variables but "
                                             f"{self.count_desc(values[0])}")
            for left, t in zip(lefts, tt.types):
                if left.ty is not None:
                    self.assignable(t, left.ty, values[0].pos, None)
            return
        if len(values) != len(lefts):
            raise CompileError(node.pos, f"assignment mismatch: {len(lefts)} variable"
                                         f"{'s' if len(lefts) > 1 else ''} but {len(values)} value"
                                         f"{'s' if len(values) > 1 else ''}")
        for left, value in zip(lefts, values):
            self.expr(value, scope)
            self.single_value(value)
            if left.ty is None:       # blank identifier
                if value.ty is T.UNTYPED_NIL:
                    raise CompileError(value.pos, "use of untyped nil in assignment")
                continue
            self.convert_operand(value, left.ty)

    def lvalue(self, node: Node, scope: Scope):
        if node.type == "identifier" and node.text == "_":
            node.ty = None
            return
        if node.type == "identifier":
            sym = scope.lookup(node.text)
            if isinstance(sym, Var):
                if sym.kind == "global" and sym.type is None:
                    self.check_global_decl(self.global_decl_of[sym])     # typed on first use
                node.sym = sym
                node.ty = sym.type
                if sym.func is not self.func and sym.kind != "global":
                    self.capture(sym)
                return
        self.expr(node, scope, as_lvalue=True)
        if node.type == "index_expression" and node.index_kind == "map":
            return
        if not self.addressable(node):
            raise CompileError(node.pos, f"cannot assign to {self.text(node)} "
                                         f"(neither addressable nor a map index expression)")

    def addressable(self, node: Node) -> bool:
        if node.type == "identifier":
            return isinstance(node.sym, Var)
        if node.type == "parenthesized_expression":
            return self.addressable(node.children[0])
        if node.type == "selector_expression":
            operand = node.get("operand")
            if getattr(node, "field", None) is None:
                return False
            return isinstance(operand.ty.under, T.Pointer) or self.addressable(operand)
        if node.type == "index_expression":
            kind = getattr(node, "index_kind", "array")
            if kind == "slice":
                return True
            if kind in ("string", "map"):
                return False
            return node.through_pointer or self.addressable(node.get("operand"))
        if node.type == "unary_expression" and node.op == "*":
            return True
        return False

    def stmt_inc_statement(self, node, scope):
        target = node.children[0]
        self.lvalue(target, scope)
        if not (isinstance(target.ty.under, T.Basic) and target.ty.under.is_numeric()):
            raise CompileError(node.pos, f"invalid operation: {self.text(target)}{node.op} "
                                         f"(non-numeric type {target.ty})")

    stmt_dec_statement = stmt_inc_statement

    def stmt_return_statement(self, node, scope):
        fn = self.func
        values = node.children[0].children if node.children else []
        if not values:
            if fn.results and not all(r.name for r in fn.results):
                raise CompileError(node.pos, "not enough return values\n\thave ()\n\twant "
                                             + str(T.Tuple(fn.sig.results)))
            return
        if len(values) == 1 and len(fn.results) > 1:
            self.expr(values[0], scope)
            tt = values[0].ty
            if isinstance(tt, T.Tuple) and len(tt.types) == len(fn.results):
                return
        if len(values) != len(fn.results):
            for v in values:
                self.expr(v, scope)
            which = "too many" if len(values) > len(fn.results) else "not enough"
            have = "(" + ", ".join(self.type_desc(v) for v in values) + ")"
            raise CompileError(values[0].pos, f"{which} return values\n\thave {have}\n\twant "
                                              f"{T.Tuple(fn.sig.results)}")
        for v, r in zip(values, fn.sig.results):
            self.expr(v, scope)
            self.single_value(v)
            self.convert_operand(v, r)

    def type_desc(self, node):
        if node.const is not None and isinstance(node.ty, T.Basic) and node.ty.is_untyped():
            return "number"
        return str(node.ty)

    def stmt_if_statement(self, node, scope):
        inner = Scope(scope)
        if node.get("initializer") is not None:
            self.stmt(node.get("initializer"), inner)
        cond = node.get("condition")
        self.expr(cond, inner)
        self.boolean(cond, "if")
        self.block(node.get("consequence"), Scope(inner))
        alt = node.get("alternative")
        if alt is not None:
            if alt.type == "block":
                self.block(alt, Scope(inner))
            else:
                self.stmt(alt, inner)
        self.check_unused(inner)

    def boolean(self, cond, what):
        if not (isinstance(cond.ty.under, T.Basic) and cond.ty.under.kind in ("bool", "untyped_bool")):
            raise CompileError(cond.pos, f"non-boolean condition in {what} statement")
        self.convert_operand(cond, T.BOOL)

    def stmt_for_statement(self, node, scope):
        inner = Scope(scope)
        clause = next((c for c in node.children if c.type in ("for_clause", "range_clause")), None)
        if clause is not None and clause.type == "range_clause":
            src = clause.get("right")
            self.expr(src, inner)
            self.single_value(src)
            if isinstance(src.ty.under, T.Chan):
                return self.range_over_channel(node, clause, inner)
            return self.range_over_values(node, clause, inner)
        cond = None
        if clause is not None:
            if clause.get("initializer") is not None:
                self.stmt(clause.get("initializer"), inner)
            cond = clause.get("condition")
            if cond is not None:
                self.expr(cond, inner)
                self.boolean(cond, "for")
            if clause.get("update") is not None:
                self.stmt(clause.get("update"), inner)
        else:
            cond = next((c for c in node.children if c.type not in ("block",)), None)
            if cond is not None:
                self.expr(cond, inner)
                self.boolean(cond, "for")
        node.cond = cond
        node.clause = clause
        self.loop_depth += 1
        self.block(node.get("body"), Scope(inner))
        self.loop_depth -= 1
        self.check_unused(inner)

    def range_over_values(self, node, clause, inner):
        """for k, v := range x over a string, slice, array, pointer to array or map."""
        src = clause.get("right")
        t = src.ty.under
        if isinstance(t, T.Pointer) and isinstance(t.elem.under, T.Array):
            t = t.elem.under
        if T.is_string(t):
            if src.const is not None:
                self.convert_operand(src, T.STRING)
            kind, types = "string", [T.INT, T.INT32]
        elif isinstance(t, (T.Slice, T.Array)):
            kind, types = type(t).__name__.lower(), [T.INT, t.elem]
        elif isinstance(t, T.Map):
            kind, types = "map", [t.key, t.elem]
        else:
            raise CompileError(src.pos, f"cannot range over {self.text(src)} (variable of type {src.ty})")
        left = clause.get("left")
        lefts = left.children if left is not None else []
        if len(lefts) > 2:
            raise CompileError(lefts[2].pos, "range clause permits at most two iteration variables")
        # one variable for the whole loop (Go 1.19)
        node.range_vars = self.bind_targets(lefts, types, clause.op == ":=", inner, inner)
        node.range_kind, node.range_src = kind, src
        node.range_types = types
        node.cond, node.clause = None, None
        if kind == "map":
            self.func.has_calls = True
        self.loop_depth += 1
        self.block(node.get("body"), Scope(inner))
        self.loop_depth -= 1
        self.check_unused(inner)

    def range_over_channel(self, node, clause, inner):
        src = clause.get("right")
        ct = src.ty.under
        if not isinstance(ct, T.Chan):
            raise Unsupported(clause.pos, f"range over {src.ty}")
        left = clause.get("left")
        lefts = left.children if left is not None else []
        if len(lefts) > 1:
            raise CompileError(lefts[1].pos, f"range over {self.text(src)} permits only one iteration variable")
        node.range_var = None
        if lefts:
            target = lefts[0]
            if clause.op == ":=":
                v = self.new_local(target, ct.elem)
                if target.text != "_":
                    inner.names[target.text] = v
                node.range_var = ("define", v)
            else:
                self.lvalue(target, inner)
                if target.ty is not None:
                    self.assignable(ct.elem, target.ty, target.pos, None)
                node.range_var = ("assign", target)
        node.range_chan = src
        node.cond, node.clause = None, None
        self.func.has_calls = True
        self.loop_depth += 1
        self.block(node.get("body"), Scope(inner))
        self.loop_depth -= 1
        self.check_unused(inner)

    def stmt_expression_switch_statement(self, node, scope):
        inner = Scope(scope)
        if node.get("initializer") is not None:
            self.stmt(node.get("initializer"), inner)
        tag = node.get("value")
        if tag is not None:
            self.expr(tag, inner)
            self.single_value(tag)
            if isinstance(tag.ty, T.Basic) and tag.ty.is_untyped():
                self.convert_operand(tag, T.DEFAULT_TYPE.get(tag.ty.kind, tag.ty))
        cases = [c for c in node.children if c.type in ("expression_case", "default_case")]
        defaults = [c for c in cases if c.type == "default_case"]
        if len(defaults) > 1:
            raise CompileError(defaults[1].pos, "multiple defaults in switch")
        for i, case in enumerate(cases):
            if case.type == "expression_case":
                for value in case.get("value").children:
                    self.expr(value, inner)
                    if tag is not None:
                        self.check_binary_types(value, "==", tag, value, compare_only=True)
                    else:
                        self.boolean(value, "switch")
            body = Scope(inner)
            stmts = [c for c in case.children if c.type == "statement_list"]
            for s in stmts:
                for st in s.children:
                    if st.type == "fallthrough_statement":
                        if st is not s.children[-1]:
                            raise CompileError(st.pos, "fallthrough statement out of place")
                        if i == len(cases) - 1:
                            raise CompileError(st.pos, "cannot fallthrough final case in switch")
                    self.stmt(st, body)
            self.check_unused(body)
        self.check_unused(inner)

    def stmt_fallthrough_statement(self, node, scope):
        pass

    def stmt_labeled_statement(self, node, scope):
        label = node.get("label").text
        self.labels[label] = node
        inner = [c for c in node.children if c.type != "label_name"]
        for s in inner:
            self.stmt(s, scope)

    def stmt_break_statement(self, node, scope):
        pass

    def stmt_continue_statement(self, node, scope):
        pass

    def stmt_go_statement(self, node, scope):
        call = node.children[0]
        if call.type != "call_expression":
            raise CompileError(node.pos, "expression in go must be function call")
        self.expr(call, scope)
        if not isinstance(getattr(call, "callee", None), FuncSym) and getattr(call, "func_value", None) is None:
            raise Unsupported(call.pos, "go with a built-in or runtime function")
        node.call = call
        self.func.has_calls = True

    def stmt_defer_statement(self, node, scope):
        """defer f(a, b): evaluate f's operands now, defer a closure that makes the call.

        This is Go's own lowering since 1.17 (the deferred call becomes a
        func() with no arguments); the closure is marked as a wrapper, so a
        recover() in f still sees the panic, as in Go.
        """
        call = node.children[0]
        while call.type == "parenthesized_expression":
            call = call.children[0]
        if call.type != "call_expression":
            raise CompileError(node.pos, "expression in defer must be function call")
        fn_node = call.get("function")
        if fn_node.type == "func_literal" and not call.get("arguments").children:
            self.expr(fn_node, scope)
            node.defer_binds, node.defer_lit = [], fn_node
        else:
            self.expr(call, scope)
            node.defer_binds, node.defer_lit = self.defer_wrapper(call, scope)
            node.defer_lit.lit_fn.wrapper = True
        node.in_loop = self.loop_depth > 0
        self.func.has_defer = True
        # Go open-codes the defers of a function with at most 8 of them and none in a
        # loop; its panics then run them from runOpenDeferFrame (another gopanic line).
        self.func.defer_count = getattr(self.func, "defer_count", 0) + 1
        self.func.open_coded = (self.func.defer_count <= 8 and getattr(self.func, "open_coded", True)
                                and not node.in_loop)
        self.func.has_calls = True

    def defer_wrapper(self, call, scope):
        """(bindings evaluated at the defer statement, the func literal that calls)."""
        pos = call.pos
        inner = Scope(scope)
        binds = []

        def bind(expr, t):
            name = f"~d{len(binds)}"
            v = Var(name, t, "local", pos, self.func)
            v.used = True
            v.loop_depth = self.loop_depth
            self.func.locals.append(v)
            inner.names[name] = v
            binds.append((v, expr))
            return Node("identifier", pos, name)

        fn_node = call.get("function")
        if getattr(call, "func_value", None) is not None:
            new_fn = bind(fn_node, fn_node.ty)
        elif getattr(fn_node, "method_fn", None) is not None or getattr(call, "iface_call", None) is not None:
            recv = fn_node.receiver_expr if getattr(fn_node, "method_fn", None) is not None else call.iface_operand
            new_fn = _selector(bind(recv, recv.ty), fn_node.get("field").text, pos)
        elif getattr(fn_node, "method", None) is not None:        # sync.(*Mutex).Unlock and friends
            operand = fn_node.get("operand")
            if isinstance(operand.ty.under, T.Pointer):
                recv = operand
            else:
                recv = Node("unary_expression", pos, op="&", fields={"operand": [operand]})
                recv.children = [operand]
                recv.ty = T.Pointer(operand.ty)
            new_fn = _selector(bind(recv, recv.ty), fn_node.get("field").text, pos)
        else:
            new_fn = fn_node                  # a function or builtin named directly
        sig = getattr(call, "sig", None) or getattr(getattr(call, "callee", None), "sig", None)
        params = list(sig.params) if sig is not None else []
        if getattr(fn_node, "method_fn", None) is not None:
            params = params[1:]
        args = []
        for k, a in enumerate(call.get("arguments").children):
            spread = a.type == "variadic_argument"
            expr = a.children[0] if spread else a
            t = expr.ty
            if getattr(call, "variadic_pack", None) is not None and k >= call.variadic_pack:
                t = params[-1].elem if params else expr.ty
            elif k < len(params) and not spread:
                t = params[k]
            if isinstance(t, T.Basic) and t.is_untyped():
                t = T.DEFAULT_TYPE.get(t.kind, t)
            ident = bind(expr, t)
            args.append(Node("variadic_argument", pos, children=[ident]) if spread else ident)
        arglist = Node("argument_list", pos, children=args)
        new_call = Node("call_expression", pos, fields={"function": [new_fn], "arguments": [arglist]})
        new_call.children = [new_fn, arglist]
        body = Node("block", pos, children=[Node("statement_list", pos, children=[
            Node("expression_statement", pos, children=[new_call])])])
        lit = Node("func_literal", pos, fields={"parameters": [Node("parameter_list", pos)], "body": [body]})
        lit.children = [lit.fields["parameters"][0], body]
        self.expr_func_literal(lit, inner, wrapper=True)
        return binds, lit

    def stmt_goto_statement(self, node, scope):
        node.goto_label = node.children[0].text
        self.gotos.append(node)

    def stmt_select_statement(self, node, scope):
        """select: each case is a send or a receive; at most one default."""
        node.cases = []
        defaults = 0
        for case in node.children:
            if case.type == "default_case":
                defaults += 1
                if defaults > 1:
                    raise CompileError(case.pos, "multiple defaults in select")
                node.cases.append(("default", None, case))
                continue
            if case.type != "communication_case":
                continue
            body = Scope(scope)
            comm = case.get("communication")
            if comm.type == "send_statement":
                self.stmt_send_statement(comm, scope)
                node.cases.append(("send", comm, case))
            elif comm.type == "receive_statement":
                self.check_select_receive(comm, scope, body)
                node.cases.append(("recv", comm, case))
            else:
                raise CompileError(comm.pos, "select case must be receive, send or assign recv")
            case.scope = body
        for kind, comm, case in node.cases:
            inner = getattr(case, "scope", None) or Scope(scope)
            self.loop_depth += 0
            for s in case.children:
                if s.type == "statement_list":
                    for st in s.children:
                        self.stmt(st, inner)
            self.check_unused(inner)
        self.func.has_calls = True

    def check_select_receive(self, comm, scope, body):
        recv = comm.get("right")
        while recv.type == "parenthesized_expression":
            recv = recv.children[0]
        if not self._is_receive(recv):
            raise CompileError(comm.pos, "select case must be receive, send or assign recv")
        self.expr(recv, scope)
        left = comm.get("left")
        lefts = left.children if left is not None else []
        comm.recv = recv
        if len(lefts) > 2:
            raise CompileError(comm.pos, "too many variables on left side of receive")
        comm.targets = self.bind_targets(lefts, [recv.ty, T.BOOL], comm.op == ":=", body, scope)

    def stmt_send_statement(self, node, scope):
        ch, value = node.get("channel"), node.get("value")
        self.expr(ch, scope)
        self.single_value(ch)
        ct = ch.ty.under
        if not isinstance(ct, T.Chan):
            raise CompileError(node.pos, f"invalid operation: cannot send to non-channel "
                                         f"{self.text(ch)} (variable of type {ch.ty})")
        if ct.dir == "recv":
            raise CompileError(node.pos, f"invalid operation: cannot send to receive-only channel "
                                         f"{self.text(ch)} (variable of type {ch.ty})")
        self.expr(value, scope)
        self.single_value(value)
        self.convert_operand(value, ct.elem)
        self.func.has_calls = True

    def stmt_type_switch_statement(self, node, scope):
        """switch v := x.(type) { case T1, T2: ... }: v has T in one-type cases, else x's type."""
        inner = Scope(scope)
        if node.get("initializer") is not None:
            self.stmt(node.get("initializer"), inner)
        x = node.get("value")
        self.expr(x, inner)
        self.single_value(x)
        if not isinstance(x.ty.under, T.Interface):
            raise CompileError(x.pos, f"{self.text(x)} (variable of type {x.ty}) is not an interface")
        alias = node.get("alias")
        alias_name = alias.children[0] if alias is not None and alias.type == "expression_list" else alias
        node.clauses = []
        defaults = 0
        for case in node.children:
            if case.type not in ("type_case", "default_case"):
                continue
            types = []
            if case.type == "default_case":
                defaults += 1
                if defaults > 1:
                    raise CompileError(case.pos, "multiple defaults in switch")
            else:
                for tn in case.getlist("type"):
                    if tn.type == "identifier" and tn.text == "nil" or tn.text == "nil":
                        types.append(None)
                        continue
                    t = self.resolve_type(_as_type_node(tn), inner)
                    if not isinstance(t.under, T.Interface):
                        self.check_assertable(x, t, tn)
                        self.note_iface_type(t)
                    types.append(t)
            body = Scope(inner)
            var = None
            if alias_name is not None:
                vt = types[0] if len(types) == 1 and types[0] is not None else x.ty
                var = Var(alias_name.text, vt, "local", alias_name.pos, self.func)
                var.loop_depth = self.loop_depth
                var.used = True
                self.func.locals.append(var)
                if alias_name.text != "_":
                    body.names[alias_name.text] = var
            for s in case.children:
                if s.type == "statement_list":
                    for st in s.children:
                        if st.type == "fallthrough_statement":
                            raise CompileError(st.pos, "cannot fallthrough in type switch")
                        self.stmt(st, body)
            self.check_unused(body)
            node.clauses.append((case, types, var))
        node.subject = x
        self.check_unused(inner)

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
        t = self.resolve_type(_as_type_node(node.get("type")), scope)
        if not isinstance(t.under, T.Interface):
            self.check_assertable(x, t, node.get("type"))
            self.note_iface_type(t)
        node.ty = t

    def terminates(self, node: Node) -> bool:
        """Go's terminating statement rules (spec: Terminating statements)."""
        kind = node.type
        if kind == "block":
            stmts = node.children[0].children if node.children and node.children[0].type == "statement_list" else node.children
            return bool(stmts) and self.terminates(stmts[-1])
        if kind == "return_statement":
            return True
        if kind == "expression_statement":
            call = node.children[0]
            return call.type == "call_expression" and call.get("function").text == "panic" \
                and isinstance(call.get("function").sym, Builtin)
        if kind == "if_statement":
            alt = node.get("alternative")
            return alt is not None and self.terminates(node.get("consequence")) and self.terminates(alt)
        if kind == "for_statement":
            return node.cond is None and not self._has_break(node.get("body"), node, None)
        if kind == "labeled_statement":
            inner = [c for c in node.children if c.type != "label_name"]
            return bool(inner) and self.terminates(inner[-1])
        if kind == "select_statement":
            for case in node.children:
                if case.type not in ("communication_case", "default_case"):
                    continue
                stmts = [s for c in case.children if c.type == "statement_list" for s in c.children]
                if not stmts or self._has_break(case, node, None) or not self.terminates(stmts[-1]):
                    return False
            return True
        if kind in ("expression_switch_statement", "type_switch_statement"):
            cases = [c for c in node.children if c.type in ("expression_case", "type_case", "default_case")]
            if not any(c.type == "default_case" for c in cases):
                return False
            for case in cases:
                stmts = [s for c in case.children if c.type == "statement_list" for s in c.children]
                if not stmts or self._has_break(case, node, None):
                    return False
                if not (self.terminates(stmts[-1]) or stmts[-1].type == "fallthrough_statement"):
                    return False
            return True
        return False

    def _has_break(self, node, target, label):
        for child in node.children:
            if child.type == "break_statement":
                lbl = child.children[0].text if child.children else None
                if lbl is None or (label is not None and lbl == label):
                    return True
            if child.type in ("for_statement", "expression_switch_statement", "select_statement",
                              "type_switch_statement"):
                continue
            if self._has_break(child, target, label):
                return True
        return False

    # ---- expressions

    def expr(self, node: Node, scope: Scope, as_lvalue=False):
        handler = getattr(self, f"expr_{node.type}", None)
        if handler is None:
            raise Unsupported(node.pos, node.type.replace("_", " "))
        handler(node, scope)
        return node.ty

    def single_value(self, node):
        if getattr(node, "is_type", False):
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
        if getattr(inner, "is_type", False):
            node.is_type = True

    def expr_int_literal(self, node, scope):
        node.ty = T.UNTYPED_INT
        node.const = int(node.text.replace("_", ""), 0) if not _legacy_octal(node.text) else int(node.text, 8)

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
            node.const = go_bytes(_unescape(body, node.pos))[0]      # a byte value, not UTF-8
        else:
            node.const = ord(_unescape(body, node.pos)) if body else 0

    def expr_interpreted_string_literal(self, node, scope):
        node.ty = T.UNTYPED_STRING
        raw = node.text[1:-1]
        node.const = _unescape(raw, node.pos)

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
            raise _undefined(node)
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
            if getattr(operand, "is_type", False):
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
                    node.const = _compare(op, left.const, right.const)
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
            node.const = self.fit_const(_fold(op, left.const, right.const, u), operand_type, node.pos)
        elif op in ("/", "%") and right.const == 0 and u.is_integer():
            raise CompileError(right.pos, "invalid operation: division by zero")

    def check_comparable(self, node, op, left, right, u):
        if op in ("==", "!="):
            if isinstance(u, (T.Slice, T.Map, T.Signature)):
                if getattr(left, "is_nil", False) or getattr(right, "is_nil", False):
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
                or (right.const is not None and _is_integral(right.const)))):
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
                    if not _is_integral(value):
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
                    if not getattr(node, "_called", False):
                        self.std_func_value(node, scope)
                return
        if operand.ty is None or not getattr(operand, "_checked", False):
            self.expr(operand, scope)
            operand._checked = True
        if getattr(operand, "is_type", False):
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
                sel = Node("selector_expression", operand.pos,
                           fields={"operand": [inner], "field": [Node("field_identifier", operand.pos, step)]})
                sel.children = [inner, sel.fields["field"][0]]
                self.expr_selector_expression(sel, scope)
                sel._checked = True
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
            if not getattr(node, "_called", False):
                self.method_value(node, scope, obj, name, operand)
            return
        self.bind_method(node, operand, obj)
        if not getattr(node, "_called", False):
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
        callee = _selector(Node("identifier", pos, "~mv"), node.get("field").text, pos)
        lit = self.forwarding_literal(sig, callee, pos)
        self.expr_func_literal(lit, inner, name=f"{name}-fm")
        node.method_value = (bound, recv, lit)
        node.ty = sig

    def std_func_value(self, node, scope):
        """pkg.F not called (a standard-library function used as a value): a closure
        with nothing captured that calls pkg.F.  (Go uses pkg.F's own static funcval;
        here F is Python, so a Go function stands in for it, named like F.)"""
        fn, pos = node.sym, node.pos
        callee = _selector(Node("identifier", pos, node.get("operand").text),
                           node.get("field").text, pos)
        lit = self.forwarding_literal(fn.sig, callee, pos)
        self.expr_func_literal(lit, Scope(scope), name=f"{fn.qualname}-fm")
        node.forwarder = lit

    def forwarding_literal(self, sig, callee, pos, method=None):
        """func(p0 T0, ...) (R...) { return callee(p0, ...) }, as a syntax tree
        (method: p0 is a receiver, and the call is p0.method(p1, ...))."""
        decls, args = [], []
        for k, t in enumerate(sig.params):
            last_variadic = sig.variadic and k == len(sig.params) - 1
            kind = "variadic_parameter_declaration" if last_variadic else "parameter_declaration"
            decl = Node(kind, pos, fields={"name": [Node("identifier", pos, f"p{k}")],
                                           "type": [_TypeLeaf(t.elem if last_variadic else t, pos)]})
            decls.append(decl)
            ident = Node("identifier", pos, f"p{k}")
            args.append(Node("variadic_argument", pos, children=[ident]) if last_variadic else ident)
        results = Node("parameter_list", pos, children=[
            Node("parameter_declaration", pos, fields={"type": [_TypeLeaf(t, pos)]}) for t in sig.results])
        if method is not None:
            callee = _selector(args.pop(0), method, pos)
        arglist = Node("argument_list", pos, children=args)
        call = Node("call_expression", pos, fields={"function": [callee], "arguments": [arglist]})
        call.children = [callee, arglist]
        stmt = Node("return_statement", pos, children=[Node("expression_list", pos, children=[call])]) \
            if sig.results else Node("expression_statement", pos, children=[call])
        body = Node("block", pos, children=[Node("statement_list", pos, children=[stmt])])
        lit = Node("func_literal", pos, fields={"parameters": [Node("parameter_list", pos, children=decls)],
                                                "result": [results], "body": [body]})
        lit.children = [lit.fields["parameters"][0], results, body]
        return lit

    def lookup_member(self, t, name, node):
        """(embedded path, "field"/"method"/"imethod", object) of x.name, by depth (Go's rule)."""
        level, seen = [(t, [])], set()
        while level:
            found, deeper = [], []
            for typ, path in level:
                base = typ.elem if isinstance(typ.under, T.Pointer) and isinstance(typ, T.Pointer) else typ
                if isinstance(base, T.Named):
                    if base in seen:
                        continue
                    seen.add(base)
                    fn = self.methods.get(base, {}).get(name)
                    if fn is not None:
                        found.append((path, "method", fn))
                u = base.under
                if isinstance(u, T.Interface) and not path and name in u.methods:
                    found.append((path, "imethod", u.methods[name]))
                if isinstance(u, T.Struct):
                    for f in u.fields:
                        if f.name == name:
                            found.append((path, "field", f))
                        elif f.embedded:
                            deeper.append((f.type, path + [f.name]))
                    if path == [] and isinstance(u, T.Struct):
                        pass
                if isinstance(u, T.Interface) and path and name in u.methods:
                    found.append((path, "imethod", u.methods[name]))
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise CompileError(node.pos, f"ambiguous selector {self.text(node)}")
            level = deeper
        return None

    def bind_method(self, node, operand, fn):
        """x.M: the method, and how its receiver is passed (value, &x, or *p)."""
        node.method_fn = fn
        node.ty = fn.method_sig
        is_ptr = isinstance(operand.ty.under, T.Pointer) and isinstance(operand.ty, T.Pointer)
        if fn.ptr_recv and not is_ptr:
            if not self.addressable(operand):
                raise CompileError(node.pos, f"cannot call pointer method {node.get('field').text} on {operand.ty}")
            recv = Node("unary_expression", operand.pos, op="&", fields={"operand": [operand]})
            recv.children = [operand]
            root = self.addr_root(operand)
            if root is not None:
                root.addr_taken = True
            recv.ty = T.Pointer(operand.ty)
        elif not fn.ptr_recv and is_ptr:
            recv = Node("unary_expression", operand.pos, op="*", fields={"operand": [operand]})
            recv.children = [operand]
            recv.ty = operand.ty.under.elem
        else:
            recv = operand
        node.receiver_expr = recv

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
        lit = self.forwarding_literal(sig, None, node.pos, method=name)
        self.expr_func_literal(lit, Scope(scope), name=self.text(node))
        node.forwarder = lit
        node.ty = sig

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
                                                                  _is_integral(index.const)))):
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
                inner = Node("literal_value", value.pos, children=value.children)
                value.type, value.op = "unary_expression", "&"
                value.fields = {"operand": [inner]}
                value.children = [inner]
                inner.type = "composite_literal"
                inner.fields = {"type": [_TypeLeaf(t.under.elem, value.pos)],
                                "body": [Node("literal_value", value.pos, children=inner.children)]}
                self.expr(value, scope)
                self.convert_operand(value, t)
                return
            value.type = "composite_literal"
            value.fields["type"] = [_TypeLeaf(t, value.pos)]
            value.fields["body"] = [Node("literal_value", value.pos, children=value.children)]
        self.expr(value, scope)
        self.single_value(value)
        self.convert_operand(value, t)

    def expr_call_expression(self, node, scope):
        fn_node = node.get("function")
        args = node.get("arguments").children
        if fn_node.type in ("parenthesized_type", "array_type", "pointer_type", "slice_type", "map_type",
                            "function_type", "interface_type", "channel_type", "qualified_type") or \
                (fn_node.type == "parenthesized_expression" and fn_node.children[0].type in ("pointer_type",)):
            t = self.resolve_type(fn_node.children[0] if fn_node.type.startswith("parenthesized") else fn_node, scope)
            return self.conversion(node, t, args, scope)
        fn_node._called = True
        self.expr(fn_node, scope)
        sym = fn_node.sym
        if getattr(fn_node, "method", None) is not None:
            sym = fn_node.method
            node.receiver = fn_node.get("operand")
        if getattr(fn_node, "is_type", False):
            return self.conversion(node, fn_node.ty, args, scope)
        if isinstance(sym, Builtin):
            return getattr(self, f"builtin_{sym.name}")(node, args, scope)
        iface_method = getattr(fn_node, "iface_method", None)
        if iface_method is not None:
            msig = fn_node.ty
            self.func.has_calls = True
            self.call_args(node, msig, args, scope, fn_node)
            node.callee = None
            node.iface_call = iface_method
            node.iface_operand = fn_node.get("operand")
            node.sig = T.Signature([T.UINTPTR] + msig.params, msig.results, msig.variadic)
            node.call_args = [node.iface_operand] + list(args)     # (staged without it)
            self.func.value_sigs = getattr(self.func, "value_sigs", []) + [node.sig]
            node.ty = msig.results[0] if len(msig.results) == 1 else T.Tuple(msig.results)
            return
        method_fn = getattr(fn_node, "method_fn", None)
        if method_fn is not None:
            if _is_gofunc(method_fn):
                self.func.value_sigs = getattr(self.func, "value_sigs", []) + [method_fn.sig]
            else:
                self.func.calls.add(method_fn)
            self.func.has_calls = True
            self.call_args(node, method_fn.method_sig, args, scope, fn_node)
            node.callee = method_fn
            node.call_args = self.with_receiver(node, fn_node.receiver_expr, args)
            results = method_fn.sig.results
            node.ty = results[0] if len(results) == 1 else T.Tuple(results)
            return
        if _is_gofunc(sym):
            self.func.value_sigs = getattr(self.func, "value_sigs", []) + [sym.sig]
        if isinstance(sym, (FuncSym, RuntimeFunc)) or _is_gofunc(sym):
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
            self.func.value_sigs = getattr(self.func, "value_sigs", []) + [sig]
            results = sig.results
            node.ty = results[0] if len(results) == 1 else T.Tuple(results)
            return
        raise CompileError(node.pos, f"invalid operation: cannot call non-function {self.text(fn_node)}")

    @staticmethod
    def with_receiver(node, recv, args) -> list:
        """A method call's arguments, the receiver first: a variadic pack starts one
        later (codegen stages them against the method's full signature)."""
        if getattr(node, "variadic_pack", None) is not None:
            node.variadic_pack += 1
        return [recv] + list(args)

    def bind_targets(self, lefts, types, define, new_scope, scope) -> list:
        """The variables a range clause or a select receive assigns: ("define", Var)
        declared in new_scope for :=, else ("assign", target) checked in scope."""
        out = []
        for target, t in zip(lefts, types):
            if define:
                v = self.new_local(target, t)
                if target.text != "_":
                    new_scope.names[target.text] = v
                out.append(("define", v))
            else:
                self.lvalue(target, scope)
                if target.ty is not None:
                    self.assignable(t, target.ty, target.pos, None)
                out.append(("assign", target))
        return out

    def expr_type_conversion_expression(self, node, scope):
        """T(x) where T is a type literal ([]byte(s)): checked as a call of T."""
        tnode, operand = node.get("type"), node.get("operand")
        args = Node("argument_list", operand.pos, children=[operand])
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
        node.conv_kind = _conversion_kind(src, dst)
        if arg.const is not None and isinstance(dst, T.Basic):
            if dst.kind == "string":
                if T.is_string(src):
                    node.const = arg.const
                elif isinstance(src, T.Basic) and src.is_integer() and _is_integral(arg.const):
                    node.const = _rune_string(int(arg.const))
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
        t = self.resolve_type(_as_type_node(args[0]), scope)
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
            if size.const is not None and (not _is_integral(size.const) or size.const < 0):
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
        node.spread = bool(getattr(node.get("arguments"), "variadic", False)) or (
            len(args) == 2 and args[1].type == "variadic_argument")
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
        t = self.resolve_type(_as_type_node(args[0]), scope)
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

    # ---- constants and assignability

    def convert_operand(self, node, target):
        """Give an untyped operand the type `target`, or check assignability."""
        src = node.ty
        if src is None or target is None:
            return
        su = src.under
        if isinstance(su, T.Basic) and su.is_untyped():
            if su.kind == "nil":
                if isinstance(target.under, (T.Pointer, T.Chan, T.Slice, T.Map, T.Signature,
                                             T.Interface)):
                    node.ty = target
                    node.const = None
                    node.is_nil = True
                    return
                raise CompileError(node.pos, f"cannot use nil as {target} value in assignment")
            if isinstance(target.under, T.Interface):
                concrete = T.DEFAULT_TYPE[su.kind]
                self.convert_operand(node, concrete)
                self.assignable(concrete, target, node.pos, node)
                return
            if node.const is not None:
                node.const = self.convert_const(node.const, src, target, node.pos)
            elif not self._untyped_compatible(su, target.under):
                raise CompileError(node.pos, f"cannot use {self.text(node)} (untyped {su.kind[8:]} value) "
                                             f"as {target} value")
            node.ty = target
            return
        self.assignable(src, target, node.pos, node)

    def _untyped_compatible(self, su, tu):
        if not isinstance(tu, T.Basic):
            return False
        if su.kind == "untyped_bool":
            return tu.kind == "bool"
        return tu.is_numeric()

    def assignable(self, src, target, pos, node):
        if src is target or T.identical(src, target):
            return
        su, tu = src.under, target.under
        if isinstance(su, T.Chan) and isinstance(tu, T.Chan) and su.dir == "both" \
                and T.identical(su.elem, tu.elem) and not (isinstance(src, T.Named) and isinstance(target, T.Named)):
            return          # a bidirectional channel converts to a directional one
        if (not isinstance(src, T.Named) or not isinstance(target, T.Named)) and \
                T.identical(src.under, target.under) and not isinstance(src.under, T.Basic):
            return
        if isinstance(tu, T.Interface) and self.implements(src, tu, node, pos):
            if node is not None and not isinstance(su, T.Interface):
                node.iface_target = target
                self.note_iface_type(src)
            return
        what = self.text(node) if node is not None else "value"
        raise CompileError(pos, f"cannot use {what} (variable of type {src}) as {target} value in assignment")

    def build_method_tables(self) -> dict:
        """For every type stored in an interface: method name -> the function an
        interface call enters with the data word as receiver (a wrapper if needed)."""
        tables = {}
        for key, t in list(self.iface_types.items()):
            if isinstance(t.under, T.Interface):
                continue                    # never the dynamic type of an interface value
            table = {}
            for name in sorted(self.method_set(t)):
                entry = self.method_entry(t, name)
                if entry is not None:
                    table[name] = entry
            tables[key] = table
        return tables

    def method_entry(self, t, name):
        """The function an interface call of name enters (for a standard-library
        method, Python code, a Go wrapper that calls it)."""
        ptr = isinstance(t, T.Pointer)
        base = t.elem if ptr else t
        direct = self.methods.get(base, {}).get(name)
        if direct is not None and (direct.ptr_recv or (not ptr and pointer_shaped(base))):
            return direct.qualname
        # A pointer-shaped T is its own data word: its wrapper takes T by value.
        return self.wrapper(base, name, by_value=not ptr and pointer_shaped(base)).qualname

    def wrapper(self, base, name, by_value=False) -> FuncSym:
        """func (recv *T) M(p...) r { return recv.M(p...) }: Go's autogenerated wrapper
        for value and promoted methods called through an interface (T.M with a
        value receiver for a pointer-shaped T)."""
        key = (id(base), name, by_value)
        cache = self.__dict__.setdefault("wrappers", {})
        if key in cache:
            return cache[key]
        recv_t = base if by_value else T.Pointer(base)
        sig = self.method_set(recv_t)[name]
        pos = Pos(self.source.path, 1, 1)
        ident = lambda text: Node("identifier", pos, text)      # noqa: E731
        args = [ident(f"p{k}") for k in range(len(sig.params))]
        if sig.variadic and args:
            last = Node("variadic_argument", pos, children=[args[-1]])
            args[-1] = last
        sel = Node("selector_expression", pos, fields={"operand": [ident("recv")],
                                                       "field": [Node("field_identifier", pos, name)]})
        sel.children = [sel.fields["operand"][0], sel.fields["field"][0]]
        arglist = Node("argument_list", pos, children=args)
        call = Node("call_expression", pos, fields={"function": [sel], "arguments": [arglist]})
        call.children = [sel, arglist]
        if sig.results:
            stmt = Node("return_statement", pos, children=[Node("expression_list", pos, children=[call])])
        else:
            stmt = Node("expression_statement", pos, children=[call])
        body = Node("block", pos, children=[Node("statement_list", pos, children=[stmt])])
        decl = Node("function_declaration", pos, fields={"body": [body]})
        fn = FuncSym(f"{base.name}.{name}" if by_value else f"(*{base.name}).{name}",
                     T.Signature([recv_t] + sig.params, sig.results, sig.variadic), decl, set())
        fn.params = [Var("recv", recv_t, "param", pos, fn)] + \
            [Var(f"p{k}", t, "param", pos, fn) for k, t in enumerate(sig.params)]
        fn.results = [Var("", t, "result", pos, fn) for t in sig.results]
        fn.autogenerated = True
        cache[key] = fn
        self.funcs.append(fn)
        self.check_func(fn)
        return fn

    def note_iface_type(self, t):
        """t is stored in an interface somewhere: its methods need entries callable
        with the receiver as one word (Go's itab functions and their wrappers).  fmt
        reaches the values inside it too (and calls their String methods), so the
        types of its elements and fields are noted as well."""
        key = _type_key(t)
        if key in self.iface_types:
            return
        self.iface_types[key] = t
        u = t.under
        inner = []
        if isinstance(u, (T.Slice, T.Array, T.Chan)):
            inner = [u.elem]
        elif isinstance(u, T.Map):
            inner = [u.key, u.elem]
        elif isinstance(u, T.Struct):
            inner = [f.type for f in u.fields]
        elif isinstance(u, T.Pointer):
            inner = [u.elem]
        for it in inner:
            self.note_iface_type(it)

    def method_set(self, t) -> dict:
        """name -> Signature of the methods callable on a value of type t."""
        if isinstance(t.under, T.Interface):
            return dict(t.under.methods)
        ptr = isinstance(t, T.Pointer)
        named = t.elem if ptr else t
        out = {}
        for name, fn in STD_METHODS.get(named, {}).items():    # standard-library types
            if ptr or getattr(fn, "value_recv", False):
                out[name] = T.Signature(fn.sig.params[1:], fn.sig.results, fn.sig.variadic)
        for name, fn in self.methods.get(named, {}).items():
            if ptr or not fn.ptr_recv:
                out[name] = fn.method_sig
        for name, sig in _promoted_methods(named, ptr, self.methods).items():
            out.setdefault(name, sig)
        return out

    def implements(self, src, iface, node, pos) -> bool:
        """Does src satisfy iface?  Raise Go's error when it does not (pos given)."""
        have = self.method_set(src)
        for name in sorted(iface.methods):
            sig = iface.methods[name]
            if name in have and T.identical(have[name], sig):
                continue
            if pos is None:
                return False
            what = self.text(node) if node is not None else "value"
            target = "interface" if not isinstance(iface, T.Named) else str(iface)
            reason = f"missing method {name}"
            if name not in have and isinstance(src, T.Named) and name in self.method_set(T.Pointer(src)):
                reason = f"method {name} has pointer receiver"
            elif name in have:
                reason = f"wrong type for method {name}"
            raise CompileError(pos, f"cannot use {what} (variable of type {src}) as {_iface_name(iface, node)} "
                                    f"value in {'assignment' if target else 'argument'}: {src} does not implement "
                                    f"{_iface_name(iface, node)} ({reason})")
        return True

    def convert_const(self, value, src, target, pos, conversion=False):
        tu = target.under
        if not isinstance(tu, T.Basic):
            raise CompileError(pos, f"cannot convert {_const_text(value)} (untyped constant) to type {target}")
        if tu.kind == "bool" or tu.kind == "untyped_bool":
            if not isinstance(value, bool):
                raise CompileError(pos, f"cannot convert {_const_text(value)} (untyped {src.under.kind[8:] if src.under.is_untyped() else src} constant) to type {target}")
            return value
        if isinstance(value, bool) or isinstance(value, str):
            if tu.kind in ("string", "untyped_string") and isinstance(value, str):
                return value
            kind = "bool" if isinstance(value, bool) else "string"
            raise CompileError(pos, f"cannot use {_const_text(value)} (untyped {kind} constant) as {target} value in assignment"
                               if not conversion else f"cannot convert {_const_text(value)} (untyped {kind} constant) to type {target}")
        if tu.kind == "string":
            raise Unsupported(pos, "conversion of integers to strings")
        if tu.is_integer():
            if isinstance(value, (float, Fraction)):
                if not _is_integral(value):
                    if conversion and not src.under.is_untyped():
                        return T.wrap_int(int(value), tu)
                    raise CompileError(pos, f"cannot use {_const_text(value)} (untyped float constant) as {target} value in assignment (truncated)"
                                       if not conversion else f"cannot convert {_const_text(value)} (untyped float constant) to type {target} (truncated)")
                value = int(value)
            if conversion and not src.under.is_untyped():
                return T.wrap_int(value, tu)
            return self.fit_const(value, target, pos)
        return float(value)

    def fit_const(self, value, t, pos):
        u = t.under
        if isinstance(u, T.Basic) and u.kind in ("int", "uint") and not isinstance(value, bool):
            lo, hi = T.int_range(u)
            if not lo <= value <= hi:
                raise CompileError(pos, f"cannot use {value} (untyped int constant {value}) as {t} value in "
                                        f"assignment (overflows)" if False else f"constant {value} overflows {t}")
        if isinstance(u, T.Basic) and u.kind == "float" and not isinstance(value, bool):
            value = float(value)
        return value


class _TypeLeaf(Node):
    """A type already resolved, standing where a type expression was."""

    def __init__(self, t, pos):
        super().__init__("resolved_type", pos)
        self.resolved = t


def _resolved_type(self, node, scope, _orig=Checker.resolve_type):
    if node.type == "resolved_type":
        return node.resolved
    return _orig(self, node, scope)


Checker.resolve_type = _resolved_type


def _as_type_node(node: Node) -> Node:
    if node.type == "identifier":
        return Node("type_identifier", node.pos, node.text)
    if node.type == "unary_expression" and node.op == "*":
        return Node("pointer_type", node.pos, children=[_as_type_node(node.get("operand"))])
    if node.type == "selector_expression":
        return Node("qualified_type", node.pos, fields={"package": [node.get("operand")],
                                                         "name": [node.get("field")]})
    return node


def _clone(node: Node) -> Node:
    copy = Node(node.type, node.pos, node.text, node.op)
    copy.children = [_clone(c) for c in node.children]
    mapping = {id(o): c for o, c in zip(node.children, copy.children)}
    copy.fields = {k: [mapping.get(id(v), v) for v in vs] for k, vs in node.fields.items()}
    return copy


def closing_brace_line(text: str, start: int) -> int:
    """The line of the brace closing the block that opens on line `start`."""
    lines = text.splitlines()
    depth = 0
    for index in range(start - 1, len(lines)):
        depth += lines[index].count("{") - lines[index].count("}")
        if depth <= 0:
            return index + 1
    return start


def _is_integral(value) -> bool:
    if isinstance(value, Fraction):
        return value.denominator == 1
    return float(value).is_integer()


def _legacy_octal(text: str) -> bool:
    return len(text) > 1 and text[0] == "0" and text[1].isdigit()


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
            "\\": "\\", "'": "'", '"': '"'}


def _unescape(raw: str, pos) -> str:
    """The bytes of a Go string literal, as a str that round-trips them.

    Go strings are byte sequences: "\xff" is one byte, not U+00FF.  Constants
    are kept as Python str decoded with surrogateescape, so `go_bytes` gives
    back exactly the bytes Go would store.
    """
    out, i = bytearray(), 0
    while i < len(raw):
        ch = raw[i]
        if ch != "\\":
            out += ch.encode()
            i += 1
            continue
        nxt = raw[i + 1]
        if nxt in _ESCAPES:
            out += _ESCAPES[nxt].encode()
            i += 2
        elif nxt == "x":
            out.append(int(raw[i + 2:i + 4], 16))
            i += 4
        elif nxt == "u":
            out += chr(int(raw[i + 2:i + 6], 16)).encode("utf-8", "surrogatepass")
            i += 6
        elif nxt == "U":
            out += chr(int(raw[i + 2:i + 10], 16)).encode("utf-8", "surrogatepass")
            i += 10
        elif nxt in "01234567":
            out.append(int(raw[i + 1:i + 4], 8) & 0xFF)
            i += 4
        else:
            raise CompileError(pos, "unknown escape sequence")
    return go_string(bytes(out))


def go_bytes(s: str) -> bytes:
    """The bytes of a Go string constant (see _unescape)."""
    return s.encode("utf-8", "surrogateescape")


def go_string(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def _selector(operand, name, pos):
    sel = Node("selector_expression", pos, fields={"operand": [operand],
                                                   "field": [Node("field_identifier", pos, name)]})
    sel.children = [operand, sel.fields["field"][0]]
    return sel


def pointer_shaped(t) -> bool:
    """Is t stored directly in an interface's data word (Go's kindDirectIface)?"""
    u = t.under
    if isinstance(u, (T.Pointer, T.Chan, T.Map, T.Signature)):
        return True
    if isinstance(u, T.Struct) and len(u.fields) == 1:
        return pointer_shaped(u.fields[0].type)
    if isinstance(u, T.Array) and u.length == 1:
        return pointer_shaped(u.elem)
    return False


def _has_unresolved(t, seen=None) -> bool:
    """Does t reach a named type whose underlying type is not known yet?"""
    seen = seen or set()
    if isinstance(t, T.Named):
        if t.underlying is None:
            return True
        if id(t) in seen:
            return False
        seen.add(id(t))
        return _has_unresolved(t.underlying, seen)
    if isinstance(t, T.Struct):
        return any(_has_unresolved(f.type, seen) for f in t.fields)
    if isinstance(t, T.Array):
        return _has_unresolved(t.elem, seen)
    return False


def _type_key(t):
    """Types that are identical share one descriptor: named types by identity."""
    return id(t) if isinstance(t, T.Named) else str(t)


def _iface_name(iface, node):
    return str(getattr(node, "target_type", None) or iface)


def _promoted_methods(named, ptr, registry) -> dict:
    """Methods promoted from embedded fields, at any depth (a shallower one wins).

    A pointer method is promoted when the value is reached through a pointer:
    the outer value is a pointer (ptr) or some embedding on the way is one.
    """
    out = {}
    level, seen = [(named, ptr)], set()
    while level:
        found, deeper = {}, []
        for typ, addressable in level:
            u = typ.under if typ is not None else None
            if not isinstance(u, T.Struct):
                continue
            for f in u.fields:
                if not getattr(f, "embedded", False):
                    continue
                inner_ptr = isinstance(f.type, T.Pointer)
                base = f.type.elem if inner_ptr else f.type
                if base in seen:
                    continue
                seen.add(base)
                reachable = addressable or inner_ptr
                if isinstance(base.under, T.Interface):
                    for name, sig in base.under.methods.items():
                        found.setdefault(name, sig)
                    continue
                for name, fn in registry.get(base, {}).items():
                    if not fn.ptr_recv or reachable:
                        found.setdefault(name, fn.method_sig)
                deeper.append((base, reachable))
        for name, sig in found.items():
            out.setdefault(name, sig)
        level = deeper
    return out


def _conversion_kind(src, dst):
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


def _rune_string(n: int) -> str:
    """string(rune): the UTF-8 of n, or U+FFFD when n is not a valid code point."""
    if not (0 <= n <= 0x10FFFF) or 0xD800 <= n <= 0xDFFF:
        n = 0xFFFD
    return chr(n)


def _const_text(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value + '"'
    return str(value)


def _compare(op, a, b):
    return {"==": a == b, "!=": a != b, "<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b}[op]


def _fold(op, a, b, t):
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        if t.is_integer() and isinstance(a, int) and isinstance(b, int):
            q = abs(a) // abs(b)
            return q if (a >= 0) == (b >= 0) else -q
        if isinstance(a, float) or isinstance(b, float):
            return a / b
        return Fraction(a) / Fraction(b)
    if op == "%":
        r = abs(a) % abs(b)
        return r if a >= 0 else -r
    if op == "&":
        return a & b
    if op == "|":
        return a | b
    if op == "^":
        return a ^ b
    if op == "&^":
        return a & ~b
    raise ValueError(op)


# Predeclared names of Go features gostack does not have: not "undefined" but unsupported.
UNSUPPORTED_PREDECLARED = {"complex64": "complex numbers", "complex128": "complex numbers",
                           "complex": "complex numbers", "real": "complex numbers",
                           "imag": "complex numbers", "any": "generics", "comparable": "generics"}


def _undefined(node) -> CompileError:
    feature = UNSUPPORTED_PREDECLARED.get(node.text)
    if feature is not None:
        return Unsupported(node.pos, feature)
    return CompileError(node.pos, f"undefined: {node.text}")


def _is_gofunc(sym) -> bool:
    return type(sym).__name__ == "GoFunc"


def check_program(source: SourceFile) -> Program:
    return Checker(source).check()
