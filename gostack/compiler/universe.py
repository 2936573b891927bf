"""universe: the predeclared names and the standard packages the runtime implements.

Go counterpart: types2/universe.go (the universe scope: bool, int, true, nil,
len, ...) and, for the packages, the export data the gc compiler reads.
Difference: gostack has no export data; the packages (PACKAGES, METHODS,
STD_METHODS) and the calls that may park (BLOCKING) are derived from the one
table of runtime operations, gostack/abi.py, and the standard-library registry.
"""

from __future__ import annotations

from .. import types as T
from ..abi import BLOCKING, METHODS, PACKAGES, STD_METHODS
from .symbols import Builtin, Const


BUILTINS = {n: Builtin(n) for n in ("println", "print", "len", "cap", "new", "panic", "make",
                                     "close", "append", "copy", "delete", "recover")}
CONSTS = {"true": Const("true", T.UNTYPED_BOOL, True),
          "false": Const("false", T.UNTYPED_BOOL, False)}


# What the checker looks up here: the predeclared names, and the package tables
# derived from gostack/abi.py.
__all__ = ["BLOCKING", "BUILTINS", "CONSTS", "METHODS", "PACKAGES", "STD_METHODS"]
