"""The table of runtime operations (gostack/abi.py) is the whole contract.

Every runtime name the compiler writes into generated code is an entry of
the table, every entry is bound in the executor's namespace (and nothing
else is), and the checker's and codegen's views are the table's.
"""

import ast
import builtins
import re
from functools import lru_cache
from pathlib import Path

import pytest

from gostack import abi
from gostack.api import RunOptions, load_source
from gostack.compiler import compile_source
from gostack.vm.bind import namespace

PROGRAMS = Path(__file__).resolve().parents[1] / "programs"
GOLDENS = sorted(PROGRAMS.glob("**/*.go"))
ZEROS = re.compile(r"Z\d+")          # the program's zero constants (bytes(n)), not operations
HELLO = 'package main\n\nfunc main() {\n\tprintln("hi")\n}\n'


def free_names(source: str) -> set:
    """Names generated code reads but never binds itself: what the namespace must give it."""
    tree = ast.parse(source)
    loaded, bound = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name):
            (loaded if isinstance(node.ctx, ast.Load) else bound).add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.Lambda)):
            if isinstance(node, ast.FunctionDef):
                bound.add(node.name)
            bound.update(a.arg for a in node.args.args + node.args.kwonlyargs)
    return loaded - bound - set(dir(builtins))


@lru_cache(maxsize=None)
def runtime_names_in_goldens() -> dict:
    """Upper-case free names of the generated code of every golden -> a program using it."""
    names = {}
    for path in GOLDENS:
        for model in ("goroutine", "thread"):
            try:
                program = compile_source(path.read_text(), str(path), RunOptions(stack_model=model))
            except Exception:          # a golden of a compile error, or one the thread model refuses
                continue
            for source in program.sources.values():
                for name in free_names(source):
                    if name[0].isupper() and not ZEROS.fullmatch(name):
                        names.setdefault(name, path.name)
    return names


def test_the_goldens_compile_to_runtime_calls():
    assert len(GOLDENS) > 100
    assert {"CHANSEND", "MAKESLICE", "MORESTACK", "PKGCALL", "LD_q", "LOWWATER"} <= set(runtime_names_in_goldens())


def test_every_runtime_name_in_generated_code_is_declared_in_the_table():
    undeclared = {n: p for n, p in runtime_names_in_goldens().items() if n not in abi.TABLE}
    assert undeclared == {}


def test_every_entry_is_bound_in_the_executor_namespace_and_nothing_else():
    world = load_source(HELLO).world
    ns = namespace(world)
    assert set(abi.TABLE) <= set(ns)
    extra = {n for n in ns if n != "__builtins__" and n not in abi.TABLE and not ZEROS.fullmatch(n)}
    assert extra == set()


def test_an_entry_is_one_name_with_its_go_counterpart():
    for o in abi.OPS:
        assert re.fullmatch(r"[A-Z][A-Z0-9_]*(_[a-zA-Z])?|G[a-z0-9]+", o.name), o.name
        assert o.go and callable(o.bind)


def test_the_checker_and_codegen_views_are_derived_from_the_table():
    from gostack.compiler import universe
    from gostack.compiler.codegen import chanops
    visible = {o.go: o for o in abi.OPS if o.visible}
    assert chanops.RUNTIME_CALLS == {go: o.name for go, o in visible.items()}
    assert universe.BLOCKING == {go for go, o in visible.items() if o.parks}
    assert universe.PACKAGES is abi.PACKAGES and universe.METHODS is abi.METHODS
    assert universe.PACKAGES["time"]["Sleep"].sig is visible["time.Sleep"].sig
    mutex = abi.MUTEX
    assert set(universe.METHODS[mutex]) == {"Lock", "Unlock"}


@pytest.mark.parametrize("qualname", ["fmt.Println", "strings.Repeat", "sort.Ints"])
def test_standard_library_functions_are_the_registrys_reached_through_pkgcall(qualname):
    fn = abi.STD_FUNCS[qualname]
    path, name = qualname.rsplit(".", 1)
    assert abi.PACKAGES[path][name] is fn
    assert "PKGCALL" in abi.TABLE
