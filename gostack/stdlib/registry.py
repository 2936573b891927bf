"""registry: the one declaration of the standard-library packages gostack implements.

Each package module registers its members here as it is imported: functions
(GoFunc: Go signature and Python implementation), methods, constants, types
and package variables.  Nothing else lists them: gostack/abi.py derives the
checker's packages from PACKAGES (merged with the runtime's Go-visible
operations), and compiled code calls every function through the one runtime
operation PKGCALL, by qualified name.
"""

from __future__ import annotations

from .. import types as T
from ..types import Const, TypeName

PACKAGES: dict[str, dict] = {}


class GoFunc:
    """A standard-library function implemented in Python (see gostack.stdlib)."""

    def __init__(self, qualname: str, sig, impl, leaks: bool = True):
        self.qualname = qualname
        self.sig = sig
        self.impl = impl
        self.leaks = leaks          # do pointer arguments escape (conservatively yes)?


class PkgVar:
    """A package variable (os.Args, os.Stdout): its type and how to produce its value."""

    def __init__(self, qualname: str, type_, produce):
        self.qualname = qualname
        self.type = type_
        self.produce = produce


def package(path: str) -> dict:
    return PACKAGES.setdefault(path, {})


def gofunc(path: str, name: str, params, results, variadic=False, leaks=True):
    """Register impl as path.name with the given parameter and result types."""
    def register(impl):
        package(path)[name] = GoFunc(f"{path}.{name}", T.Signature(list(params), list(results), variadic),
                                     impl, leaks)
        return impl
    return register


def const(path: str, name: str, type_, value):
    package(path)[name] = Const(f"{path}.{name}", type_, value)


def typename(path: str, name: str, type_):
    package(path)[name] = TypeName(f"{path}.{name}", type_)


def pkgvar(path: str, name: str, type_):
    def register(produce):
        package(path)[name] = PkgVar(f"{path}.{name}", type_, produce)
        return produce
    return register


def named_struct(pkg: str, name: str, fields):
    named = T.Named(name, pkg=pkg)
    named.underlying = T.Struct([T.Field(n, t) for n, t in fields])
    named.underlying.layout()
    return named


def std_method(path: str, named, name: str, params, results, value_recv=False):
    """Register impl as the method name of the package's type named (pointer
    receiver unless value_recv); impl takes the receiver first."""
    def register(impl):
        recv = named if value_recv else T.Pointer(named)
        star = "" if value_recv else "*"
        gofunc(path, f"({star}{named.name}).{name}", [recv] + list(params), results)(impl)
        fn = package(path)[f"({star}{named.name}).{name}"]
        if value_recv:
            fn.value_recv = True
        package(path).setdefault("#methods", {}).setdefault(named, {})[name] = fn
        return impl
    return register
