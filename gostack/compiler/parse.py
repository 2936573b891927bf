"""parse: Go source text -> a plain syntax tree (the only user of tree-sitter).

tree-sitter-go gives a concrete syntax tree whose node types are the Go
grammar's names (`function_declaration`, `binary_expression`, ...).  We copy
it into small `Node` objects that later passes can annotate freely: named
children, the grammar's field names, the operator of unary/binary/assignment
nodes, a position, and the source text of leaves.  Later passes dispatch on
`node.type` (`lower_<type>`, `check_<type>`), so a reader can look up each
construct in the tree-sitter-go grammar.

Syntax errors (ERROR/MISSING nodes) become `FILE:LINE:COL: syntax error: ...`
as the gc compiler reports them (its exact wording varies by construct; we
report the first offending token).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import tree_sitter_go
from tree_sitter import Language, Parser

from ..errors import CompileError, Pos

_LANGUAGE = Language(tree_sitter_go.language())
_PARSER = Parser(_LANGUAGE)


@dataclass(eq=False)
class Node:
    type: str
    pos: Pos
    text: str = ""                       # source text (leaves, literals, operators)
    op: str = ""                         # operator token for unary/binary/assignment/inc
    fields: dict = field(default_factory=dict)   # field name -> Node or [Node]
    children: list = field(default_factory=list)  # named children in order
    # annotations filled by later passes
    ty: object = None                    # the checked type
    const: object = None                 # constant value, if constant
    sym: object = None                   # resolved symbol for identifiers

    def get(self, name: str):
        value = self.fields.get(name)
        if isinstance(value, list):
            return value[0] if len(value) == 1 else value
        return value

    def getlist(self, name: str) -> list:
        value = self.fields.get(name)
        if value is None:
            return []
        return value if isinstance(value, list) else [value]

    def __repr__(self):
        return f"Node({self.type} {self.pos})"


@dataclass
class SourceFile:
    path: str
    text: str
    root: Node
    directives: dict          # function name -> set of //go: directives before it


def parse_source(text: str, path: str = "main.go") -> SourceFile:
    data = text.encode("utf-8", errors="surrogateescape")
    tree = _PARSER.parse(data)
    _report_syntax_errors(tree.root_node, path, data)
    root = _convert(tree.root_node, path)
    return SourceFile(path, text, root, _collect_directives(tree.root_node))


def _pos(ts_node, path: str) -> Pos:
    row, col = ts_node.start_point
    return Pos(path, row + 1, col + 1)


def _report_syntax_errors(ts_root, path: str, data: bytes) -> None:
    bad = _first_error(ts_root)
    if bad is None:
        return
    if bad.is_missing:
        raise CompileError(_pos(bad, path), f"syntax error: missing {bad.type}")
    token = _first_token(bad)
    text = token.text.decode("utf-8", errors="replace") if token is not None else ""
    if token is None or not text:
        raise CompileError(_pos(bad, path), "syntax error: unexpected EOF")
    raise CompileError(_pos(token, path), f"syntax error: unexpected {text}")


def _first_error(ts_node):
    if ts_node.type == "ERROR" or ts_node.is_missing:
        return ts_node
    if not ts_node.has_error:
        return None
    for child in ts_node.children:
        found = _first_error(child)
        if found is not None:
            return found
    return ts_node if ts_node.has_error and ts_node.is_error else None


def _first_token(ts_node):
    if ts_node.child_count == 0:
        return ts_node
    for child in ts_node.children:
        token = _first_token(child)
        if token is not None:
            return token
    return None


_OPERATOR_PARENTS = {"unary_expression", "binary_expression", "assignment_statement",
                     "inc_statement", "dec_statement", "range_clause", "receive_statement"}


def _convert(ts_node, path: str) -> Node:
    node = Node(ts_node.type, _pos(ts_node, path))
    if ts_node.named_child_count == 0 or ts_node.type.endswith("_literal"):
        node.text = ts_node.text.decode("utf-8", errors="surrogateescape")
    for index, child in enumerate(ts_node.children):
        fname = ts_node.field_name_for_child(index)
        if not child.is_named:
            if fname == "operator" or (ts_node.type in _OPERATOR_PARENTS and not node.op
                                       and child.type not in ("(", ")", ",")):
                node.op = child.type
            continue
        if child.type == "comment":
            continue
        converted = _convert(child, path)
        node.children.append(converted)
        if fname:
            node.fields.setdefault(fname, []).append(converted)
    if ts_node.type == "inc_statement":
        node.op = "++"
    elif ts_node.type == "dec_statement":
        node.op = "--"
    return node


def _collect_directives(ts_root) -> dict:
    """Map each top-level function name to the //go: directives just above it."""
    directives: dict[str, set] = {}
    pending: set[str] = set()
    for child in ts_root.children:
        if child.type == "comment":
            text = child.text.decode("utf-8", errors="replace")
            if text.startswith("//go:"):
                pending.add(text[2:].split()[0])
            continue
        if child.type == "function_declaration":
            name = child.child_by_field_name("name").text.decode()
            directives[name] = pending
        pending = set()
    return directives
