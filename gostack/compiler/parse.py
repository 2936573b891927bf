"""parse: Go source text -> a plain syntax tree (the only user of tree-sitter).

tree-sitter-go gives a concrete syntax tree whose node types are the Go
grammar's names (`function_declaration`, `binary_expression`, ...).  We copy
it into small `Node` objects: named children, the grammar's field names,
the operator of unary/binary/assignment nodes, a position, and the source
text of leaves.  Later passes annotate them; each annotation is declared on
Node, with the pass that sets it.  Later passes dispatch on
`node.type` (`lower_<type>`, `check_<type>`), so a reader can look up each
construct in the tree-sitter-go grammar.

Syntax errors (ERROR/MISSING nodes) become `FILE:LINE:COL: syntax error: ...`
as the gc compiler reports them (its exact wording varies by construct; we
report the first offending token).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

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
    fields: dict = dataclasses.field(default_factory=dict)   # field name -> Node or [Node]
    children: list = dataclasses.field(default_factory=list)  # named children in order
    # annotations filled by later passes
    ty: object = None                    # the checked type
    const: object = None                 # constant value, if constant
    sym: object = None                   # resolved symbol for identifiers

    # ---- annotations: what check (and escape, codegen) record on a node for the
    # passes after them.  Class-level defaults rather than dataclass fields: most
    # apply to one kind of node, and a node only stores the ones written on it.
    # Expressions (check)
    is_type = False          # check: the expression names a type (T in T(x), a type operand)
    is_nil = False           # check: the untyped nil, or a conversion of it
    new_literal = False      # check: &T{...}, a composite literal whose address is taken
    recv = False             # check: <-c: True; a select case's receive_statement: its <-c
    comma_ok = False         # check: v, ok = m[k] / <-c / x.(T): the expression yields the extra bool
    operand_type = None      # check: binary expression: the type both operands were converted to
    iface_target = None      # check, codegen: the interface type this value is converted to where it is used
    # Selectors and indexing (check)
    field = None             # check: x.f: the types.Field selected
    pkgvar = None            # check: pkg.V: the package variable (Var) selected
    through_pointer = False  # check: x.f / x[i] reached through a pointer (auto-dereference)
    method = None            # check: x.Lock and friends: the sync method (RuntimeFunc) selected
    method_fn = None         # check: x.M: the method (FuncSym) selected
    receiver_expr = None     # check: x.M: the receiver as passed (x, &x or *x)
    iface_method = None      # check: x.M with x an interface: the method's name
    method_value = None      # check: x.M not called: (bound receiver Var, receiver, func literal)
    forwarder = None         # check: pkg.F, T.M or (*T).M as a value: the func literal that stands for it
    called = False           # check: x.M is the function of a call (not a method value)
    checked = False          # check: x.A made explicit for an embedded field A, already checked
    index_kind = None        # check: x[i]: "array", "slice", "string" or "map"
    array = None             # check: x[i] with x an array: the array type
    bounds = None            # check: x[lo:hi:max]: [lo, hi, max] (None where omitted)
    slice_kind = None        # check: x[lo:hi]: "string", "slice", "array" or "ptrarray"
    inits = ()               # check: T{...}: [(offset or index, type, value)], [(key, value)] for a map
    length = None            # check: []T{...}: the number of elements
    # Calls (check)
    callee = None            # check: the function called directly (FuncSym, RuntimeFunc, GoFunc), None otherwise
    call_args = None         # check: the arguments as staged (the receiver first for method calls)
    func_value = None        # check: f(...) with f a func value: the function expression
    iface_call = None        # check: x.M(...) with x an interface: the method's name
    iface_operand = None     # check: x.M(...) with x an interface: x
    sig = None               # check: the signature of a func-value or interface call
    receiver = None          # check: x.Lock() and friends: x
    variadic_pack = None     # check: f(a, b, c) for f(xs ...T): index of the first argument packed into []T
    spread = False           # check: f(g()) / append(s, t...) / println(g()): the last argument is spread
    spread_variadic = False  # check: f(g()) with g's several results filling f's variadic parameter
    builtin = None           # check: the name of the builtin called (len, append, ...)
    len_kind = None          # check: len(x) / cap(x): "string", "slice" or "map" (None: array, channel)
    chan_query = False       # check: len(c) / cap(c) of a channel (a runtime call)
    make_kind = None         # check: make(T, ...): "slice", "map" or "chan"
    values = None            # check: append(s, ...): the values appended
    conversion = False       # check: T(x) is a conversion, not a call
    conv_kind = ""           # check: T(x): how it converts (see calls.conversion_kind)
    new_var = None           # check, escape: new(T) / &T{...}: the Var standing for the object
    tmpbuf_var = None        # escape: a stack buffer (Var) for a conversion's result that does not escape
    closure_var = None       # escape: func literal: the Var standing for its closure object
    lit_fn = None            # check: func literal: its FuncSym
    loop_depth = 0           # check: loop nesting where a func literal or &T{...} appears (escape analysis)
    # Statements (check, codegen)
    targets = None           # check: v := x, var v = x, a select receive: the variables assigned
    cond = None              # check: for statement: the condition
    clause = None            # check: for statement: the for_clause
    range_kind = None        # check: for range: "string", "slice", "array" or "map"
    range_src = None         # check: for range: the expression ranged over
    range_types = None       # check: for range: the key and value types
    range_vars = None        # check: for range: the key and value targets (see bind_targets)
    range_chan = None        # check: for v := range c: c
    range_var = None         # check: for v := range c: ("define", Var) / ("assign", node) / None
    call = None              # check: go statement: its call
    defer_binds = None       # check: defer statement: [(Var, expression)] evaluated at the statement
    defer_lit = None         # check: defer statement: the function literal (deferwrap) called at exit
    in_loop = False          # check: defer statement inside a loop (not open-coded)
    cases = None             # check: select: [(kind, comm, case)]
    scope = None             # check: select case: the block scope of its body
    clauses = None           # check: type switch: [(case, types, variable)]
    subject = None           # check: type switch: the expression x in x.(type)
    goto_label = None        # check: goto statement: its label
    goto_target = False      # check: labeled statement that a goto targets (it starts a block)
    label = ""               # codegen: the label of a labeled statement, on the statement it labels

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
