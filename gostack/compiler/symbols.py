"""symbols: the objects names resolve to, and the scopes that hold them.

Go counterpart: cmd/compile/internal/types2/object.go (Var, Const, TypeName,
Func, Builtin, PkgName) and scope.go.  Differences: a FuncSym also carries what
later passes need (its locals in declaration order, the new(T) objects, the
functions it calls); Const and TypeName live with the types (gostack/types.py) and RuntimeFunc with
the table of runtime operations (gostack/abi.py), which declare package members
with them; Program is what check_program hands to escape analysis,
codegen and the linker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import types as T
from ..abi import RuntimeFunc
from ..types import Const, TypeName
from .parse import Node, SourceFile


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


# Const, TypeName and RuntimeFunc are declared with the types and the runtime's
# table; a name resolves to them as to the others here.
__all__ = ["Builtin", "Const", "FuncSym", "PackageSym", "Program", "RuntimeFunc", "Scope", "TypeName", "Var"]


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
