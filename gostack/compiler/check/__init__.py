"""check: resolve names, compute types and constants, reject what Go rejects.

Go counterpart: cmd/compile/internal/types2 (in a much smaller subset).
Every expression node gets `node.ty` (its type) and, when constant,
`node.const` (a Python int, float, bool or str).  Identifiers get
`node.sym`.  Errors use the gc compiler's wording where gostack knows it;
constructs outside gostack's subset are `unsupported: <what>`.

The Checker is assembled from one mixin per concept, each in its own module
(as types2 splits its Checker over decl.go, stmt.go, expr.go, call.go, ...):

    declarations  package-level declarations, function bodies and literals
    typexpr       type expressions
    statements    statements (stmt_<type>)
    assignments   assignments, short variable declarations, assignability
    expressions   expressions (expr_<type>)
    calls         calls, selectors, method values, conversions
    builtins      len, cap, append, make, new, ... (builtin_<name>)
    constants     constant conversion and representability
    methodsets    method lookup, method sets, interface method tables

symbols.py holds what names resolve to, universe.py the predeclared names and
the runtime's packages, lower.py the syntax the checker builds.  The
annotations the checker writes on syntax nodes are declared on parse.Node.
"""

from __future__ import annotations

from ... import types as T
from ...errors import CompileError
from .assignments import Assignments
from .builtins import Builtins
from .calls import Calls
from .constants import Constants
from .declarations import Declarations
from .expressions import Expressions
from .methodsets import MethodSets
from ..parse import Node, SourceFile
from .statements import Statements
from ..symbols import Const, FuncSym, PackageSym, Program, Scope, TypeName, Var
from .typexpr import TypeExprs
from ..universe import BUILTINS, CONSTS


class Checker(Declarations, TypeExprs, Statements, Assignments, Expressions, Calls, Builtins,
              Constants, MethodSets):
    """The state of checking one package (Go's types2.Checker): its scopes, the
    function being checked, and what it has found so far."""

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
        return Program(self.source, self.funcs, self.globals, inits, self.packages,
                       self.init_func, self.init_funcs, self.method_tables)

    def text(self, node: Node) -> str:
        start = node.pos
        lines = self.source.text.splitlines()
        line = lines[start.line - 1] if start.line - 1 < len(lines) else ""
        return node.text or line[start.col - 1:].split()[0] if line else node.type


def check_program(source: SourceFile) -> Program:
    return Checker(source).check()
