"""lower: the one place the checker builds syntax.

Go counterpart: the compiler's ir.New* constructors and typecheck's
synthesized wrappers (closures for method values, deferwrap functions,
methodWrapper).  The checker builds Go syntax trees for code Go generates
(a deferred call's wrapper, method value closures, pointer-receiver
wrappers for interface calls) and then checks them like source; every such
tree is made with the small constructors here so it has the same shape as a
tree from parse.py (fields and children both set).

TypeLeaf stands where a type expression would be when the type is already
known; as_type_node reads an expression (a conversion's or a make's first
argument) as a type expression.
"""

from __future__ import annotations

from .parse import Node


def forwarding_literal(sig, callee, pos, method=None):
    """func(p0 T0, ...) (R...) { return callee(p0, ...) }, as a syntax tree
    (method: p0 is a receiver, and the call is p0.method(p1, ...))."""
    decls, args = [], []
    for k, t in enumerate(sig.params):
        last_variadic = sig.variadic and k == len(sig.params) - 1
        kind = "variadic_parameter_declaration" if last_variadic else "parameter_declaration"
        decl = Node(kind, pos, fields={"name": [Node("identifier", pos, f"p{k}")],
                                       "type": [TypeLeaf(t.elem if last_variadic else t, pos)]})
        decls.append(decl)
        ident = Node("identifier", pos, f"p{k}")
        args.append(Node("variadic_argument", pos, children=[ident]) if last_variadic else ident)
    results = Node("parameter_list", pos, children=[
        Node("parameter_declaration", pos, fields={"type": [TypeLeaf(t, pos)]}) for t in sig.results])
    if method is not None:
        callee = selector(args.pop(0), method, pos)
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


class TypeLeaf(Node):
    """A type already resolved, standing where a type expression was."""

    def __init__(self, t, pos):
        super().__init__("resolved_type", pos)
        self.resolved = t


def as_type_node(node: Node) -> Node:
    if node.type == "identifier":
        return Node("type_identifier", node.pos, node.text)
    if node.type == "unary_expression" and node.op == "*":
        return Node("pointer_type", node.pos, children=[as_type_node(node.get("operand"))])
    if node.type == "selector_expression":
        return Node("qualified_type", node.pos, fields={"package": [node.get("operand")],
                                                         "name": [node.get("field")]})
    return node


def clone(node: Node) -> Node:
    copy = Node(node.type, node.pos, node.text, node.op)
    copy.children = [clone(c) for c in node.children]
    mapping = {id(o): c for o, c in zip(node.children, copy.children)}
    copy.fields = {k: [mapping.get(id(v), v) for v in vs] for k, vs in node.fields.items()}
    return copy


def selector(operand, name, pos):
    sel = Node("selector_expression", pos, fields={"operand": [operand],
                                                   "field": [Node("field_identifier", pos, name)]})
    sel.children = [operand, sel.fields["field"][0]]
    return sel
