"""escape: decide which variables leave the stack for the heap.

Go counterpart: cmd/compile/internal/escape (Go 1.19), much simplified but
with the same outcomes for the common cases `go build -gcflags=-m` reports:

* a variable whose address is never taken stays on the stack;
* `&x` (or `new(T)`, `&T{...}`) stays on the stack while the pointer only
  flows into locals, into non-leaking parameters of callees and into
  builtins such as println;
* it escapes ("moved to heap: x") when the pointer reaches a sink: a return
  value, a global, a store through a pointer, or a parameter that leaks;
* parameters leak when they reach a sink inside their function; this is
  solved as a fixed point over all functions (Go's "leaking param" tags);
* variables over 10 MB and implicit allocations (new, &T{}) over 64 KB go to
  the heap whatever the flow (maxStackVarSize, maxImplicitStackVarSize).

Why it matters here: only non-escaping variables live in stack memory, so
only they (and pointers to them) must be adjusted when the stack moves, and
the heap never points into a stack (DESIGN.md invariant 4).

Deliberate differences: flows are tracked per variable, not per field or
per dereference level, so the analysis is a little more conservative than
Go's in rare cases (an address stored into a struct that is itself stored
through a pointer).
"""

from __future__ import annotations

from .. import types as T
from .symbols import FuncSym, Program, Var
from .check.methodsets import pointer_shaped
from .parse import Node

MAX_STACK_VAR_SIZE = 10 * 1024 * 1024       # maxStackVarSize
MAX_IMPLICIT_STACK_VAR_SIZE = 64 * 1024     # maxImplicitStackVarSize

SINK = "sink"
HEAP = "heap"               # a site gostack always allocates in the heap


class Decision:
    """One line of `go build -gcflags=-m`: where, what, and gc's words for it."""

    __slots__ = ("pos", "kind", "text")

    def __init__(self, pos, kind: str, text: str):
        self.pos, self.kind, self.text = pos, kind, text

    def message(self) -> str:
        if self.kind in ("moved to heap", "leaking param", "leaking param content",
                         "leaking closure reference"):
            return f"{self.kind}: {self.text}"
        return f"{self.text} {self.kind}"


class FuncFlows:
    """Value flows of one function: holder -> tokens ('addr', var) / ('val', var)."""

    def __init__(self, fn: FuncSym):
        self.fn = fn
        self.holds: dict = {}
        self.calls: list = []       # (callee FuncSym, [token sets per argument])
        self.sites: dict = {}       # (pos, text) -> Var deciding it, or HEAP (see note)

    def note(self, pos, text, decider):
        """Record an allocation site as the analysis meets it (for `gostack build -m`)."""
        if pos is not None:
            self.sites.setdefault((pos, text), decider)

    def flow(self, dst, tokens):
        if tokens:
            self.holds.setdefault(dst, set()).update(tokens)


def analyze(program: Program) -> None:
    funcs = program.funcs + ([program.init_func] if program.init_func is not None else [])
    flows = {fn: collect(fn) for fn in funcs}
    leaks = {fn: [False] * len(fn.params) for fn in funcs}
    changed = True
    while changed:
        changed = False
        for fn, ff in flows.items():
            reached = sink_reach(ff, leaks)
            for index, p in enumerate(fn.params):
                if not leaks[fn][index] and ("val", p) in reached:
                    leaks[fn][index] = True
                    changed = True
    for fn, ff in flows.items():
        fn.param_leaks = leaks[fn]
        reached = sink_reach(ff, leaks)
        for token in reached:
            if token[0] == "addr":
                token[1].escapes = True
        for var in outlived(ff):
            var.escapes = True
        heap_holds(ff)
        for v in fn.locals + fn.params + fn.results + fn.news:
            limit = MAX_IMPLICIT_STACK_VAR_SIZE if v.is_new else MAX_STACK_VAR_SIZE
            if v.type is not None and v.type.size > limit:
                v.escapes = True
    program.escape_decisions = [d for fn, ff in flows.items() if not _generated(fn)
                                for d in decisions(fn, ff)]


def _generated(fn: FuncSym) -> bool:
    """Wrappers gostack writes (x.M and pkg.F as values, deferred calls): gc reports
    nothing of theirs."""
    return fn.name.endswith("-fm") or getattr(fn, "wrapper", False)


def decisions(fn: FuncSym, ff: FuncFlows) -> list:
    """gc's -m lines for one function: its parameters, its variables moved to the
    heap and its allocation sites (func literals, &T{}, new, conversions, ...)."""
    out = []
    for index, p in enumerate(fn.params):
        if p.name in ("", "_") or not _may_hold_pointer(p.type) or p.pos is None:
            continue
        if fn.param_leaks[index]:
            out.append(Decision(p.pos, "leaking param", p.name))
        elif not p.escapes:
            out.append(Decision(p.pos, "does not escape", p.name))
    for v in fn.locals + fn.params + fn.results:
        if v.escapes and v.addr_taken and not v.name.startswith("~") and v.pos is not None:
            out.append(Decision(v.pos, "moved to heap", v.name))
    for (pos, text), decider in ff.sites.items():
        escapes = decider == HEAP or decider.escapes
        out.append(Decision(pos, "escapes to heap" if escapes else "does not escape", text))
    return out


def heap_holds(ff: FuncFlows) -> None:
    """What an object moved to the heap holds the address of moves too: the heap
    never points into a stack (a closure that outlives its loop takes its
    captured variables with it)."""
    changed = True
    while changed:
        changed = False
        for holder in list(ff.holds):
            if holder == SINK or not getattr(holder, "escapes", False):
                continue
            for token in _closure(ff, ff.holds[holder], through_objects=True):
                if token[0] == "addr" and not token[1].escapes:
                    token[1].escapes = True
                    changed = True


def sink_reach(ff: FuncFlows, leaks) -> set:
    """Every token that can reach a sink, resolving ('val', v) through holds."""
    start = set(ff.holds.get(SINK, ()))
    for callee, arg_tokens in ff.calls:
        for index, tokens in enumerate(arg_tokens):
            if isinstance(callee, FuncSym) and index < len(leaks[callee]) and leaks[callee][index]:
                start |= tokens
    return _closure(ff, start, through_objects=True)


def outlived(ff: FuncFlows) -> set:
    """Variables whose address is kept by a holder declared outside their loop.

    Each loop iteration has its own copy of a variable declared in the loop
    body; a pointer to it that survives the iteration needs its own object.
    """
    out = set()
    for holder in ff.holds:
        if holder == SINK:
            continue
        for token in _resolve(ff, holder):
            if token[0] == "addr" and token[1].loop_depth > holder.loop_depth:
                out.add(token[1])
    return out


def _resolve(ff: FuncFlows, holder) -> set:
    return _closure(ff, ff.holds.get(holder, ()))


def _closure(ff: FuncFlows, tokens, through_objects=False) -> set:
    """The tokens plus everything the variables among them may hold, transitively.

    through_objects: an object whose address reaches a sink moves to the heap,
    so whatever it holds (a closure's captured variables, a literal's fields)
    is reachable from the heap too.
    """
    seen, work = set(), list(tokens)
    while work:
        token = work.pop()
        if token in seen:
            continue
        seen.add(token)
        if token[0] == "val" or through_objects:
            work.extend(ff.holds.get(token[1], ()))
        if token[0] == "addr" and through_objects:
            # The heap holds the object, so it holds the object's value too: a
            # parameter captured by a closure that escapes leaks (issue 10353).
            work.append(("val", token[1]))
    return seen


def collect(fn: FuncSym) -> FuncFlows:
    ff = FuncFlows(fn)
    _walk(fn.decl.get("body"), ff)
    for r in fn.results:              # a named result's value leaves the frame on return
        if _may_hold_pointer(r.type):
            ff.flow(SINK, {("val", r)})
    return ff


def _walk(node: Node, ff: FuncFlows):
    kind = node.type
    if kind == "func_literal":
        sources(node, ff)           # its body is a function of its own
        return
    if kind == "selector_expression" and (node.forwarder is not None or node.method_value is not None):
        sources(node, ff)           # x.M or pkg.F as a value: a function literal too
        return
    if kind == "defer_statement":
        for var, expr in node.defer_binds:
            ff.flow(var, sources(expr, ff))
        closure = sources(node.defer_lit, ff)
        if node.in_loop:            # a defer in a loop gets a heap record (Go's deferproc)
            ff.flow(SINK, closure)
        return
    if kind in ("short_var_declaration", "assignment_statement"):
        lefts = node.get("left").children
        rights = node.get("right").children
        if len(rights) == len(lefts):
            for left, right in zip(lefts, rights):
                _assign(left, sources(right, ff), ff)
        else:
            tokens = sources(rights[0], ff) if rights else set()
            for left in lefts:
                _assign(left, tokens, ff)
        for child in lefts:
            _walk_exprs(child, ff)
        return
    if kind == "var_spec":
        names = node.getlist("name")
        value = node.get("value")
        if value is not None:
            values = value.children
            for index, name in enumerate(names):
                right = values[index] if len(values) == len(names) else values[0]
                if name.sym is not None:
                    ff.flow(name.sym, sources(right, ff))
        return
    if kind == "return_statement":
        for child in node.children[0].children if node.children else []:
            ff.flow(SINK, sources(child, ff))
        return
    if kind == "expression_statement":
        sources(node.children[0], ff)
        return
    if kind == "go_statement":
        # The new goroutine may outlive this frame: its arguments escape (as in Go).
        call = node.children[0]
        for arg in call.call_args or call.get("arguments").children:
            ff.flow(SINK, sources(arg.children[0] if arg.type == "variadic_argument" else arg, ff))
        ff.flow(SINK, sources(call.get("function"), ff))
        return
    if kind == "send_statement":
        ff.flow(SINK, sources(node.get("value"), ff))
        return
    if kind == "for_statement" and node.range_src is not None:
        sources(node.range_src, ff)     # e.g. a slice literal whose elements go to the heap
    for child in node.children:
        _walk(child, ff)
    if kind in ("if_statement", "for_statement", "expression_switch_statement", "for_clause"):
        for name in ("condition", "value"):
            cond = node.get(name)
            if isinstance(cond, Node) and cond.ty is not None:
                sources(cond, ff)


def _walk_exprs(node, ff):
    if node.type == "call_expression":
        sources(node, ff)


def _assign(left: Node, tokens: set, ff: FuncFlows):
    root = _store_root(left)
    if root is None:
        if not (left.type == "identifier" and left.text == "_"):
            ff.flow(SINK, tokens)
        return
    if root.kind == "global":
        ff.flow(SINK, tokens)
    else:
        ff.flow(root, tokens)


def _store_root(node: Node):
    """The local variable a store writes into, or None for a store through memory."""
    while True:
        if node.type == "identifier":
            return node.sym if isinstance(node.sym, Var) else None
        if node.type == "parenthesized_expression":
            node = node.children[0]
        elif node.type in ("selector_expression", "index_expression"):
            if node.through_pointer:
                return None
            if node.index_kind in ("slice", "map", "string"):
                return None             # a store into a backing array or a map: memory
            node = node.get("operand")
        else:
            return None


def sources(node: Node, ff: FuncFlows, at=None) -> set:
    """Tokens for the pointers an expression's value may carry.

    at: where gc places the expression's conversion to an interface (a
    variable packed for a `...` parameter converts at the call's first argument,
    panic's argument at panic's '(')."""
    if node.iface_target is not None:
        # Converted to an interface: the value (or its box) is reachable from the
        # heap in gostack's model (boxes are heap objects), so what it holds escapes.
        if node.ty is not None and not pointer_shaped(node.ty) and not isinstance(node.ty.under, T.Interface):
            ff.note(at or _gc_pos(node), _text(node), HEAP)
        tokens = _sources(node, ff)
        ff.flow(SINK, tokens)
        return set()
    return _sources(node, ff)


def _sources(node: Node, ff: FuncFlows) -> set:
    kind = node.type
    if kind == "parenthesized_expression":
        return sources(node.children[0], ff)
    if kind == "identifier":
        sym = node.sym
        if isinstance(sym, Var) and sym.kind != "global" and _may_hold_pointer(sym.type):
            return {("val", sym)}
        return set()
    if kind == "unary_expression":
        operand = node.get("operand")
        if node.op == "&":
            if node.new_literal:
                obj = _literal_object(node, operand, ff)
                ff.note(node.pos, f"&{operand.ty}{{...}}", obj)
                _literal_fields(operand, obj, ff)
                return {("addr", obj)}
            root = _store_root(operand)
            if root is not None:
                return {("addr", root)} if root.kind != "global" else set()
            return sources(operand, ff)
        if node.op == "*":
            return sources(operand, ff)
        return sources(operand, ff)
    if kind == "selector_expression" and node.method_value is not None:
        bound, recv, lit = node.method_value
        ff.flow(bound, sources(recv, ff))
        tokens = sources(lit, ff)
        ff.note(_gc_pos(node), _text(node), lit.closure_var)
        return tokens
    if kind == "selector_expression" and node.forwarder is not None:
        return sources(node.forwarder, ff)          # pkg.F or T.M as a value: a literal
    if kind in ("selector_expression", "index_expression"):
        tokens = sources(node.get("operand"), ff)
        if kind == "index_expression":
            sources(node.get("index"), ff)
        return tokens if _may_hold_pointer(node.ty) else set()
    if kind == "binary_expression":
        sources(node.get("left"), ff)
        sources(node.get("right"), ff)
        return set()
    if kind == "composite_literal":
        u = node.ty.under if node.ty is not None else None
        if isinstance(u, T.Map):
            for key, value in node.inits:          # entries live in the heap
                ff.flow(SINK, sources(key, ff) | sources(value, ff))
            return set()
        tokens = set()
        for _off, _t, value in node.inits:
            tokens |= sources(value, ff)
        if isinstance(u, T.Slice):                 # the backing array is a heap object
            ff.note(_brace(node), f"{node.ty}{{...}}", HEAP)
            ff.flow(SINK, tokens)
            return set()
        return tokens
    if kind == "slice_expression":
        for b in node.bounds:
            if b is not None:
                sources(b, ff)
        if node.slice_kind == "array":
            root = _store_root(node.get("operand"))
            if root is not None:
                return {("addr", root)} if root.kind != "global" else set()
        return sources(node.get("operand"), ff)
    if kind == "call_expression":
        return _call_sources(node, ff)
    if kind == "func_literal":
        obj = closure_object(node, ff)
        if not getattr(node.lit_fn, "wrapper", False) and not node.lit_fn.name.endswith("-fm"):
            ff.note(node.pos, "func literal", obj)
        return {("addr", obj)}
    return set()


def closure_object(node, ff):
    """The funcval of a function literal: {fn, &captured...}; it holds their addresses."""
    obj = node.closure_var
    if obj is None:
        fn = node.lit_fn
        st = T.Struct([T.Field("F", T.UINTPTR)] +
                      [T.Field(f"p{k}", T.Pointer(v.type)) for k, v in enumerate(fn.captures)])
        st.layout()
        obj = Var(f"{fn.qualname} closure", st, "local", node.pos, ff.fn)
        obj.is_new = obj.addr_taken = obj.used = True
        obj.loop_depth = node.loop_depth
        ff.fn.news.append(obj)
        node.closure_var = obj
    ff.flow(obj, {("addr", v) for v in node.lit_fn.captures})
    return obj


def _call_sources(node: Node, ff: FuncFlows) -> set:
    args = node.call_args or node.get("arguments").children
    args = [a.children[0] if a.type == "variadic_argument" else a for a in args]
    pack = node.variadic_pack
    builtin = node.builtin
    pack_pos = _gc_pos(args[0]) if pack is not None and args else None
    if builtin == "panic":
        arg_tokens = [sources(a, ff, _lparen(node)) for a in args]
    else:
        arg_tokens = [sources(a, ff, pack_pos if pack is not None and i >= pack
                              and a.type == "identifier" and isinstance(a.sym, Var) else None)
                      for i, a in enumerate(args)]
    if node.func_value is not None:
        sources(node.func_value, ff)          # a called closure does not escape by the call
    if builtin == "new":
        ff.note(_lparen(node), f"new({node.new_var.type})", node.new_var)
        return {("addr", node.new_var)}
    if builtin == "make" and node.ty is not None and isinstance(node.ty.under, (T.Slice, T.Map)):
        ff.note(_lparen(node), "make(...)", HEAP)
    if builtin in ("panic", "append"):
        # A panic value outlives the frame; appended values land in a heap array
        # (when append grows, the old elements are copied there too).
        for tokens in arg_tokens[1:] if builtin == "append" else arg_tokens:
            ff.flow(SINK, tokens)
        if builtin == "append" and node.spread:
            ff.flow(SINK, arg_tokens[1] if len(arg_tokens) > 1 else set())
        return arg_tokens[0] if builtin == "append" else set()
    if node.conversion:
        if node.conv_kind in ("str2bytes", "str2runes"):
            return {("addr", _tmpbuf(node, ff))}
        return arg_tokens[0] if arg_tokens else set()
    callee = node.callee
    if pack is not None:
        ff.note(_lparen(node), "... argument", HEAP)
        for tokens in arg_tokens[pack:]:          # packed into a new heap array
            ff.flow(SINK, tokens)
        arg_tokens = arg_tokens[:pack]
    if getattr(callee, "leaks", False):            # a standard-library function: conservatively
        for tokens in arg_tokens:
            ff.flow(SINK, tokens)
    if isinstance(callee, FuncSym):
        ff.calls.append((callee, arg_tokens))
        # A pointer result may carry what the pointer arguments carried.
        if any(_may_hold_pointer(t) for t in callee.sig.results):
            return set().union(*arg_tokens) if arg_tokens else set()
    return set()


# Go's runtime.tmpBuf: a non-escaping []byte(s) or []rune(s) of up to 32
# elements uses a buffer in the caller's frame (so its cap is 32).
TMP_BUF_ELEMS = 32


def _tmpbuf(node, ff):
    obj = node.tmpbuf_var
    if obj is None:
        elem = node.ty.under.elem
        obj = Var("tmpBuf", T.Array(elem, TMP_BUF_ELEMS), "local", node.pos, ff.fn)
        obj.is_new = obj.addr_taken = obj.used = True
        node.tmpbuf_var = obj
    return obj


def _literal_object(node, operand, ff):
    obj = node.new_var
    if obj is None:
        obj = Var(f"&{operand.ty}{{}}", operand.ty, "local", node.pos, ff.fn)
        obj.is_new = True
        obj.addr_taken = True
        obj.used = True
        obj.loop_depth = node.loop_depth
        ff.fn.news.append(obj)
        node.new_var = obj
    return obj


def _literal_fields(literal, obj, ff):
    for _off, _t, value in literal.inits:
        ff.flow(obj, sources(value, ff))


def _may_hold_pointer(t) -> bool:
    return t is not None and not isinstance(t, (T.Tuple,)) and bool(t.ptr_offsets())


# gc's positions: a call at its '(', a composite literal at its '{'.
def _lparen(call: Node):
    args = call.get("arguments")
    return args.pos if args is not None else call.pos


def _brace(literal: Node):
    body = literal.get("body")
    return body.pos if body is not None else literal.pos


def _gc_pos(node: Node):
    """Where gc places an expression: a call at '(', a selector at its '.', a
    composite literal at '{', anything else where it starts."""
    if node.type == "call_expression":
        return _lparen(node)
    if node.type == "composite_literal":
        return _brace(node)
    if node.type == "selector_expression" and node.get("field") is not None:
        return _before(node.get("field").pos, 1)                  # x.f at '.'
    if node.type == "index_expression" and node.get("index") is not None:
        return _before(node.get("index").pos, 1)                  # x[i] at '['
    if node.type == "binary_expression" and node.get("right") is not None and node.op:
        return _before(node.get("right").pos, len(node.op) + 1)   # a + b at '+' (gofmt's spaces)
    return node.pos


def _before(pos, cols: int):
    """A position a few columns left of pos (the parser keeps no token ends)."""
    return type(pos)(pos.path, pos.line, max(pos.col - cols, 1))


def _text(node: Node) -> str:
    text = getattr(node, "text", None) or node.type
    return " ".join(text.split()) if "\n" in text else text     # one line per decision
