"""The layers import one way (issue 11): lint-imports' contracts in pyproject.toml.

machine <- runtime <- stdlib <- abi <- (compiler | vm) <- api/report/demo <- cli,
with types, profiles, errors and debug at the bottom; only compiler/parse.py
imports tree-sitter.  The import checks below run in a fresh interpreter, so
what they see loaded is what the import itself pulls in.
"""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_lint_imports_keeps_every_contract(capsys):
    cli = pytest.importorskip("importlinter.cli")
    code = cli.lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    out = capsys.readouterr().out
    assert code == 0, out


def loaded_after(statement: str) -> set:
    """The modules sys.modules holds after running statement in a fresh interpreter."""
    script = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          check=True)
    return set(done.stdout.split())


def under(modules: set, package: str) -> list:
    return sorted(m for m in modules if m == package or m.startswith(package + "."))


def test_the_runtime_loads_neither_the_compiler_nor_tree_sitter():
    modules = loaded_after("import gostack.runtime.stack")
    assert under(modules, "gostack.compiler") == []
    assert under(modules, "tree_sitter") == []
    assert under(modules, "gostack.vm") == []


def test_the_compiler_does_not_load_the_executor():
    modules = loaded_after("import gostack.compiler")
    assert "gostack.compiler" in modules
    assert under(modules, "gostack.vm") == []


def test_the_executor_does_not_load_the_compiler():
    modules = loaded_after("import gostack.vm.run")
    assert under(modules, "gostack.compiler") == []
    assert under(modules, "tree_sitter") == []
