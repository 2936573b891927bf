"""link: place functions in text, globals in data, and build the pc tables.

Go counterpart: cmd/link (text layout from 0x401000 on linux/amd64, the
function table and pcdata that runtime/symtab.go reads) and the nosplit
check of cmd/link/internal/ld/stackcheck.go.

Assembling each function's Python module, link also simplifies the blocks
(see _process_block) and copies small pure entry blocks into their call
sites, with the caller's continuation after their return (_block_module):
fewer dispatches per Go call, the same memory and registers at every exit.

Besides the user's functions, two runtime functions are laid out as Go's
linker would have them: `runtime.goexit` (the return address at the top of
every goroutine stack) and `runtime.main` (the main goroutine's function: it
runs the package initializer `main.init`, then `main.main`, then exits).
The functions of the runtime's background goroutines (runtime/background.py)
get table entries with Go 1.19's code sizes and call sites, but no blocks:
they are only ever seen parked.
"""

from __future__ import annotations

import re

from ..errors import CompileError
from ..profiles import PTR_SIZE, Profile
from ..runtime.background import link_codes as background_codes
from ..runtime.proc import RUNTIME_CALL_FRAME
from ..runtime.symtab import CallSite, FuncInfo, Program
from .. import types as T
from ..stdlib.registry import GoFunc
from .declarations import closing_brace_line
from .symbols import FuncSym, Program as Checked
from .universe import BLOCKING
from .codegen import BLOCK_PROLOGUE, FRAME_SET, VIEW_NAMES, FuncCode, generate_function
from .parse import Node

TEXT_BASE = 0x401000          # start of .text on linux/amd64
BLOCK_PC_STEP = 16            # pc distance between blocks of one function
FUNC_ALIGN = 32
DATA_ALIGN = 0x1000
RUNTIME_MAIN_FRAME = 8        # runtime.main's frame in the model: just the saved BP
TYPE_DESC_SIZE = 48           # bytes of read-only data per type descriptor (Go's _type is 48)

# Lines of Go 1.19's runtime sources that tracebacks of the model's runtime frames show.
RUNTIME_POSITIONS = {
    "runtime.main": ("runtime/proc.go", 250),
    "runtime.main.init": ("runtime/proc.go", 235),
    "runtime.goexit": ("runtime/asm_amd64.s", 1594),
    "runtime.gopanic": ("runtime/panic.go", 890),
    "runtime.gopanic.opendefer": ("runtime/panic.go", 884),
    "runtime.callreturn": ("runtime/asm_amd64.s", 1594),
    "runtime.errorString.Error": ("runtime/error.go", 85),
    "fmt.(*wrapError).Unwrap": ("fmt/errors.go", 62),
}


class CompileContext:
    """What code generation asks about the whole program."""

    def __init__(self, checked: Checked, profile: Profile, debug: dict, thread_model: bool = False):
        self.checked = checked
        self.profile = profile
        # Fixed thread stacks: no split checks (as C), a guard-page probe instead.
        self.thread_model = thread_model
        self.forcemove = bool(debug.get("stackforcemove")) and not thread_model
        self.zeroing: dict = {}
        self.zeros: set = set()
        self._has_call: dict = {}
        self._native: dict = {}
        self._closing: dict = {}
        self.rodata = bytearray()            # string literals, funcvals (and later type data)
        self.funcval_patches: list = []      # (rodata offset, function) filled in at layout
        self.type_descs: list = []           # (rodata offset, type)
        self._rodata_offsets: dict = {}

    def rodata_token(self, data: bytes) -> str:
        """A token for the address of these bytes in read-only data (deduplicated).

        Empty strings point at the start of rodata, as Go's point at runtime.zerobase.
        """
        if not data:
            return "@R0@"
        off = self._rodata_offsets.get(data)
        if off is None:
            off = self._rodata_offsets[data] = len(self.rodata) + PTR_SIZE
            self.rodata += data
        return f"@R{off}@"

    def type_desc_token(self, t: T.Type) -> str:
        """The address of t's type descriptor in read-only data (one per distinct type)."""
        key = ("type", id(t) if isinstance(t, T.Named) else str(t))
        off = self._rodata_offsets.get(key)
        if off is None:
            off = self._rodata_offsets[key] = len(self.rodata) + PTR_SIZE
            self.rodata += bytes(TYPE_DESC_SIZE)
            self.type_descs.append((off, t))
        return f"@R{off}@"

    def funcval_token(self, qualname: str) -> str:
        """The address of a top-level function's static funcval (one word: its pc)."""
        off = self._rodata_offsets.get(("funcval", qualname))
        if off is None:
            off = self._rodata_offsets[("funcval", qualname)] = len(self.rodata) + PTR_SIZE
            self.rodata += bytes(PTR_SIZE)
            self.funcval_patches.append((off, qualname))
        return f"@R{off}@"

    @staticmethod
    def eq_desc(t: T.Type):
        """How the runtime compares two values of t (and hashes them as map keys)."""
        return _eq_desc(t)

    def has_call(self, node: Node) -> bool:
        """Does this subtree contain a safepoint: a call, or a runtime op that may park?"""
        key = id(node)
        if key not in self._has_call:
            self._has_call[key] = _is_safepoint(node) or any(self.has_call(c) for c in node.children)
        return self._has_call[key]

    def has_loop(self, node: Node) -> bool:
        """Does this statement contain a for loop (not counting function literals)?"""
        return node.type == "for_statement" or any(
            self.has_loop(c) for c in node.children if c.type != "func_literal")

    def nativable(self, node: Node) -> bool:
        """Can this statement run as structured Python inside one block?"""
        key = id(node)
        if key not in self._native:
            self._native[key] = not self.has_call(node) and _branches_native(node, [])
        return self._native[key]

    def frame_needs_zeroing(self, fn: FuncSym) -> bool:
        return self.zeroing.get(fn, False)

    def closing_line(self, fn: FuncSym) -> int:
        return closing_brace_line(self.checked.source.text, fn.decl.get("body").pos.line)

    @staticmethod
    def type_token(t: T.Type) -> str:
        u = t.under
        named = isinstance(t, T.Named)
        return repr((u.kind if isinstance(u, T.Basic) else "other", str(t), named))


def _eq_desc(t: T.Type):
    """A nested tuple: ("s",) string, ("f",) float64, ("i",) interface, ("b", n) raw
    bytes, ("t", ((off, desc), ...), size) a struct or array laid out field by field."""
    u = t.under
    if isinstance(u, T.Basic) and u.kind == "string":
        return ("s",)
    if isinstance(u, T.Basic) and u.kind == "float":
        return ("f",)
    if isinstance(u, T.Interface):
        return ("i",)
    if isinstance(u, T.Struct):
        return ("t", tuple((f.offset, _eq_desc(f.type)) for f in u.fields), u.size)
    if isinstance(u, T.Array):
        inner = _eq_desc(u.elem)
        if inner == ("b", u.elem.size):     # raw bytes throughout: one run ([1<<27]byte is common)
            return ("b", u.size)
        return ("t", tuple((k * u.elem.size, inner) for k in range(u.length)), u.size)
    return ("b", u.size)


def _is_safepoint(node: Node) -> bool:
    callee = getattr(node, "callee", None)
    if node.type == "call_expression":
        return isinstance(callee, (FuncSym, GoFunc)) or (callee is not None and callee.qualname in BLOCKING) \
            or getattr(node, "func_value", None) is not None or getattr(node, "iface_call", None) is not None
    return (node.type in ("send_statement", "select_statement") or getattr(node, "recv", False)
            or getattr(node, "range_chan", None) is not None)


def _branches_native(node: Node, enclosing: list) -> bool:
    kind = node.type
    if kind in ("break_statement", "continue_statement"):
        if node.children:                       # labeled
            return False
        if kind == "break_statement":
            for outer in reversed(enclosing):
                if outer in ("for_statement", "expression_switch_statement"):
                    return outer != "expression_switch_statement"
        return True
    if kind in ("fallthrough_statement", "type_switch_statement", "goto_statement"):
        return False
    if kind == "labeled_statement" and getattr(node, "goto_target", False):
        return False                         # a goto target starts a block
    inner = enclosing + [kind] if kind in ("for_statement", "expression_switch_statement") else enclosing
    return all(_branches_native(c, inner) for c in node.children)


def synthesize_init(checked: Checked) -> FuncSym | None:
    """main.init: the package initializer, assigning globals in dependency order."""
    init_funcs = getattr(checked, "init_funcs", [])
    if not checked.global_inits and not init_funcs:
        checked.init_func = None
        return None
    stmts = []
    for targets, values in checked.global_inits:
        lefts = []
        for v in targets:
            ident = Node("identifier", v.pos, v.name)
            ident.sym, ident.ty = v, (v.type if v.name != "_" else None)
            lefts.append(ident)
        pos = values[0].pos
        stmt = Node("assignment_statement", pos, op="=",
                    fields={"left": [Node("expression_list", pos, children=lefts)],
                            "right": [Node("expression_list", pos, children=list(values))]})
        stmt.children = [stmt.fields["left"][0], stmt.fields["right"][0]]
        stmts.append(stmt)
    for fn in init_funcs:                   # then each func init(), in source order
        pos = fn.decl.pos
        args = Node("argument_list", pos)
        call = Node("call_expression", pos, fields={"function": [Node("identifier", pos, "init")],
                                                    "arguments": [args]})
        call.children = [call.fields["function"][0], args]
        call.callee, call.ty = fn, T.Tuple([])
        stmts.append(Node("expression_statement", pos, children=[call]))
    pos = stmts[0].pos
    body = Node("block", pos, children=[Node("statement_list", pos, children=stmts)])
    fn = checked.init_func
    fn.decl = Node("function_declaration", pos, fields={"body": [body]})
    _collect_calls(body, fn)
    return fn


def _collect_calls(node: Node, fn: FuncSym):
    if node.type == "call_expression":
        callee = getattr(node, "callee", None)
        if isinstance(callee, FuncSym):
            fn.calls.add(callee)
            fn.has_calls = True
        elif getattr(node, "builtin", None) in ("println", "print", "panic") or callee is not None:
            fn.has_calls = True
    for c in node.children:
        _collect_calls(c, fn)


def layout_globals(checked: Checked) -> int:
    offset = 0
    for v in checked.globals:
        offset = T.align_up(offset, max(v.type.align, 1))
        v.offset = offset
        offset += max(v.type.size, 0)
    return T.align_up(max(offset, PTR_SIZE), PTR_SIZE)


def link(checked: Checked, profile: Profile, debug: dict, thread_model: bool = False) -> Program:
    ctx = CompileContext(checked, profile, debug, thread_model)
    data_size = layout_globals(checked)
    funcs = list(checked.funcs)
    init = checked.init_func
    if init is not None:
        funcs.append(init)
    codes = []
    for fn in funcs:
        first_pass = generate_function(ctx, fn)
        codes.append(first_pass)
    nosplit_check(codes, profile)
    return assemble(codes, ctx, checked, init is not None, data_size)


def nosplit_check(codes: list, profile: Profile):
    """The linker's check that chains of NOSPLIT functions fit in StackLimit."""
    by_name = {c.name: c for c in codes}
    limit = profile.nosplit_limit

    def worst(code, seen):
        if not code.nosplit:
            return 0          # a splittable callee needs only room for its morestack call
        best = code.frame_size
        for callee in code.fn.calls:
            sub = by_name[callee.qualname]
            if sub.name in seen:
                continue
            best = max(best, code.frame_size + PTR_SIZE + worst(sub, seen | {sub.name}))
        return best

    for code in codes:
        if code.nosplit and "go:nosplit" in code.fn.directives:
            used = worst(code, {code.name})
            if used > limit:
                raise CompileError(code.fn.decl.pos, f"{code.name}: nosplit stack over {limit} byte limit")


def assemble(codes: list, ctx: CompileContext, checked: Checked, has_init: bool, data_size: int) -> Program:
    runtime_codes = [_goexit_code(), _runtime_main_code(ctx, has_init), _single_block_code(
        "runtime.gopanic", "return PANICRETURN(g)"), _single_block_code(
        "runtime.gopanic.opendefer", "return PANICRETURN(g)"), _single_block_code(
        "runtime.callreturn", "return CALLRETURN(g)"), _runtime_error_method_code(),
        _field_method_code("fmt.(*wrapError).Unwrap", 16, 16)] + background_codes()
    ordered = runtime_codes + codes
    pc = TEXT_BASE
    infos = []
    for code in ordered:
        info = FuncInfo(name=code["name"] if isinstance(code, dict) else code.name)
        info.entry = pc
        nblocks = len(code["blocks"]) if isinstance(code, dict) else len(code.blocks)
        info.end = pc + (code["text_size"] if isinstance(code, dict) and "text_size" in code
                         else BLOCK_PC_STEP * nblocks)
        pc = (info.end + FUNC_ALIGN - 1) // FUNC_ALIGN * FUNC_ALIGN
        infos.append(info)
    entries = {info.name: info.entry for info in infos}
    rodata_base = (pc + DATA_ALIGN - 1) // DATA_ALIGN * DATA_ALIGN + DATA_ALIGN
    rodata = bytearray(PTR_SIZE) + ctx.rodata       # offset 0: the empty string's bytes
    for off, qualname in ctx.funcval_patches:
        rodata[off:off + PTR_SIZE] = entries[qualname].to_bytes(PTR_SIZE, "little")
    rodata = bytes(rodata)
    data_base = (rodata_base + len(rodata) + DATA_ALIGN - 1) // DATA_ALIGN * DATA_ALIGN + DATA_ALIGN
    sources, callsites, block_func, line_maps = {}, {}, {}, {}
    path = checked.source.path
    processed = {}
    for code, info in zip(ordered, infos):
        if isinstance(code, dict):
            _fill_runtime_info(info, code)
            blocks = code["blocks"]
            sites = code["callsites"]
        else:
            _fill_info(info, code, path)
            blocks = [[(ind, text, line) for ind, text, line in b.lines] for b in code.blocks]
            sites = [(c.block, c.line, c.live_ptrs, c.callee) for c in code.callsites]
        processed[info.name] = [_process_block(info, block, entries, rodata_base) for block in blocks]
        for k in range(len(blocks)):
            block_func[info.entry + BLOCK_PC_STEP * k] = info
        for block, line, live, callee in sites:
            ret = info.entry + BLOCK_PC_STEP * block
            callsites[ret] = CallSite(ret, info, line, tuple(live), callee)
        for site in code.get("sites", ()) if isinstance(code, dict) else ():
            ret = info.entry + site.offset
            callsites[ret] = CallSite(ret, info, site.line, (), site.callee, site.inlined)
    inline = _inlinable_entries(processed)
    for info in infos:
        src, lines = _block_module(info, processed[info.name], inline)
        sources[info.name] = src
        line_maps[f"<go {info.name}>"] = lines
    program = Program(funcs=infos, blocks={}, callsites=callsites, block_lines=line_maps,
                      block_func=block_func, goexit_pc=entries["runtime.goexit"],
                      main_entry=entries["runtime.main"], data_base=data_base, data_size=data_size,
                      text_base=TEXT_BASE, text_end=pc, source_path=path, sources=sources)
    program.zeros = sorted(ctx.zeros)
    program.rodata_base, program.rodata = rodata_base, rodata
    program.panic_return_pc = entries["runtime.gopanic"]
    program.open_defer_return_pc = entries["runtime.gopanic.opendefer"]
    program.runtime_call_return_pc = entries["runtime.callreturn"]
    program.runtime_error_pc = entries["runtime.errorString.Error"]
    program.wrap_error_unwrap_pc = entries["fmt.(*wrapError).Unwrap"]
    program.method_entries = {key: {name: entries[q] for name, q in table.items() if q in entries}
                              for key, table in getattr(checked, "method_tables", {}).items()}
    program.type_table = _type_table(ctx, checked, rodata_base, entries)
    program.imports = sorted(pkg.path for pkg in getattr(checked, "packages", {}).values())
    program.global_ptrs = [v.offset + p for v in checked.globals for p in v.type.ptr_offsets()]
    program.code_objects = {name: compile(src, f"<go {name}>", "exec") for name, src in sources.items()}
    return program


def _type_table(ctx, checked, rodata_base, entries) -> dict:
    """addr -> TypeInfo for every type descriptor the code refers to."""
    from ..runtime.iface import TypeInfo
    from .methodsets import pointer_shaped, type_key as _type_key
    tables = getattr(checked, "method_tables", {})
    out = {}
    for off, t in ctx.type_descs:
        methods = {name: entries[q] for name, q in tables.get(_type_key(t), {}).items() if q in entries}
        addr = rodata_base + off
        out[addr] = TypeInfo(addr, t, str(t), t.size, pointer_shaped(t), _eq_desc(t), T.comparable(t), methods)
    return out


def _fill_info(info: FuncInfo, code: FuncCode, path: str):
    info.frame_size = code.frame_size
    info.args_size = code.args_size
    info.params_size = code.params_size
    info.arg_ptrs = code.arg_ptrs
    info.param_words = code.param_words
    info.nosplit = code.nosplit
    info.leaf = code.leaf
    info.file = path
    info.decl_line = code.fn.decl.pos.line
    info.out_size = code.out_size
    info.local_ptrs = code.local_ptrs
    info.wrapper = getattr(code.fn, "wrapper", False)
    info.open_coded = getattr(code.fn, "open_coded", False)
    info.autogenerated = getattr(code.fn, "autogenerated", False)


def _fill_runtime_info(info: FuncInfo, code: dict):
    info.frame_size = code["frame_size"]
    if "file" in code:
        info.file, info.decl_line = code["file"], code["decl_line"]
        info.param_words = code["param_words"]
    else:
        info.file, info.decl_line = RUNTIME_POSITIONS[info.name]
    info.runtime = True


_TOKEN = re.compile(r"@(B(\d+)|J(\d+)|F:([^@]+)|P:([^@]+)|R(\d+)|ENTRY|SELF)@")
_CALL = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\(")
# The line of a block's prologue that sets i, the q-view index of SP.
_INDEX_SET = re.compile(r"(^|; )i = (g\.si\b|s0 >> 3$|\(sp - g\.base\) >> 3$)")
OLD_PROLOGUE = "s0 = sp - g.base; i = s0 >> 3"    # (link's own runtime blocks)
_VIEW_USE = re.compile(r"\b(" + "|".join(VIEW_NAMES.values()) + r")\[")


INLINE_MAX_LINES = 40      # larger entry blocks are not copied into their call sites
# Calls a block copied into another may make: pure W64, and the prologue's own
# MORESTACK/FORCEMOVE, which find everything they need in g and memory.
INLINE_CALLS = {"W64", "MORESTACK", "FORCEMOVE"}
_CALL_EXIT = re.compile(r"return @F:([^@]+)@$")


def _process_block(info: FuncInfo, block: list, entries: dict, rodata_base: int) -> list:
    """One block's body as (indent, python text, go line, callee) lines: tokens
    resolved, the stack views and index bases it uses loaded after its prologue,
    the frame set-up simplified.  callee names the function a `return @F:f@` line
    calls (a call site where f's entry block may be copied), else None."""

    def resolve(match):
        if match.group(2) is not None:
            return hex(info.entry + BLOCK_PC_STEP * int(match.group(2)))
        if match.group(3) is not None:
            return block_name(info.entry + BLOCK_PC_STEP * int(match.group(3)))
        if match.group(4) is not None:
            return block_name(entries[match.group(4)])
        if match.group(5) is not None:
            return hex(entries[match.group(5)])
        if match.group(6) is not None:
            return hex(rodata_base + int(match.group(6)))
        if match.group(1) == "SELF":
            return block_name(info.entry)
        return hex(info.entry)

    body = [(ind, _TOKEN.sub(resolve, text), line) for ind, text, line in block]
    callees = {k: m.group(1) for k, (_, text, _) in enumerate(block) if (m := _CALL_EXIT.match(text))}
    text_all = "\n".join(t for _, t, _ in body)
    views = sorted(set(_VIEW_USE.findall(text_all)))
    extra = [f"{v} = g.{v}" for v in views]
    old_style = OLD_PROLOGUE in text_all          # runtime blocks written with the address form
    if not old_style and _SP_USE.search(text_all):
        extra.insert(0, "sp = g.base + (i << 3)")    # the frame's SP as an address, where used
    if not old_style and re.search(r"\bs0\b", text_all):
        extra.append("s0 = i << 3")
    if "j4" in text_all:
        extra.append("j4 = i << 1")
    if "j2" in text_all:
        extra.append("j2 = i << 2")
    if "_k" in text_all:
        extra.append("_k = 0")
    if old_style and not re.search(r"\bs0\b", text_all.replace(OLD_PROLOGUE, "")):
        body = [(ind, t.replace(OLD_PROLOGUE, "i = (sp - g.base) >> 3"), line)
                for ind, t, line in body]
    body = [(ind, text, line, callees.get(k)) for k, (ind, text, line) in enumerate(body)]
    if not old_style:
        jumps = any("@J" in text for _, text, _ in block)
        body = _drop_unobserved_frame_set(body, jumps)
        if not jumps:
            body = _sink_frame_link(body)
        body = _index_from_entry_sp(body)
    out = []
    inserted = False
    for ind, text, line, callee in body:
        out.append((ind, text, line, callee))
        if not inserted and ind == 1 and _INDEX_SET.search(text):
            out.extend((1, e, line, None) for e in extra)
            inserted = True
    return out


def _inlinable_entries(processed: dict) -> dict:
    """Entry blocks that may be copied into their call sites: name -> body lines.

    A call then runs the callee's entry block in the caller's block, saving a
    dispatch.  Nothing changes in memory or in g: the caller has pushed the
    return pc and set SP; the copy runs the prologue check (retrying the real
    entry block after morestack), saves BP and leaves by a call or a return
    through memory, as the entry block itself would.  Only blocks that cannot
    fault, panic or call the runtime are copied, so no traceback ever starts
    inside a copy, and only those that never jump within their function.
    """
    inline = {}
    for name, blocks in processed.items():
        entry = blocks[0] if blocks else []
        texts = [text for _, text, _, _ in entry]
        if not entry or len(entry) > INLINE_MAX_LINES or FRAME_SET in texts \
                or any(OLD_PROLOGUE in t or "i = (sp - g.base)" in t for t in texts):
            continue
        if set(_CALL.findall("\n".join(texts))) - INLINE_CALLS:
            continue
        if not any(_INDEX_SET.search(t) for t in texts):
            continue
        inline[name] = entry
    return inline


_PUSH_PC = re.compile(r"q\[i(?: [+-] \d+)?\] = (0x[0-9a-f]+)$")
_RETURN_THROUGH = re.compile(r"return BLK\[(q\[[^\]]+\])\]$")


def _block_module(info: FuncInfo, blocks: list, inline: dict):
    """Python source of one function's blocks, and python line -> Go line.

    A call to a function in `inline` continues with a copy of its entry block
    (whose lines map to the call's Go line).  Where that copy returns, the
    return pc it reads from memory is compared with the one the call pushed:
    if they agree (they do unless something rewrote the stack), a pure
    continuation block of this function runs on in the same Python call,
    saving a second dispatch; otherwise the dispatch loop takes the return."""
    out, lines = [], {}
    first = info.entry
    pure = {first + BLOCK_PC_STEP * k: body for k, body in enumerate(blocks)
            if k and body and len(body) <= INLINE_MAX_LINES
            and not set(_CALL.findall("\n".join(e[1] for e in body))) - {"W64"}}

    def emit(ind, text, line):
        out.append("    " * ind + text)
        lines[len(out)] = line

    def emit_body(body, shift, speculate):
        pushed = None
        for ind, text, line, callee in body:
            m = _PUSH_PC.match(text)
            if m:
                pushed = int(m.group(1), 16)
            copy = inline.get(callee) if callee is not None else None
            if copy is None:
                emit(ind + shift, text, line)
                continue
            cont = pure.get(pushed) if speculate else None
            for cind, ctext, _, _ in copy:
                at = ind + shift + cind - 1
                r = _RETURN_THROUGH.match(ctext) if cont is not None else None
                if r is None:
                    emit(at, ctext, line)
                    continue
                emit(at, f"_r = {r.group(1)}", line)
                emit(at, f"if _r == {pushed:#x}:", line)
                emit_body(cont, at, False)
                emit(at, "return BLK[_r]", line)

    for k, body in enumerate(blocks):
        out.append(f"def {block_name(first + BLOCK_PC_STEP * k)}(g):")
        lines[len(out)] = body[0][2] if body else info.decl_line
        emit_body(body, 0, True)
        if not body:
            out.append("    pass")
    return "\n".join(out) + "\n", lines


def _drop_unobserved_frame_set(body: list, jumps: bool) -> list:
    """Leave out the entry block's register update after the prologue (FRAME_SET) when
    nothing before the block's exits can look at g.sp: no runtime call (which may
    scan or move the stack, or panic and unwind it) and no load through a pointer
    (which may fault).  The only calls left are W64 (pure) and, before FRAME_SET, the
    prologue's own MORESTACK/FORCEMOVE.  Its exits must all be calls and returns,
    which set both registers themselves: a jump continues in this frame."""
    texts = [entry[1] for entry in body]
    if jumps or FRAME_SET not in texts:
        return body
    rest = "\n".join(texts[texts.index(FRAME_SET) + 1:])
    if set(_CALL.findall(rest)) - {"W64"}:
        return body
    return [entry for entry in body if entry[1] != FRAME_SET]


_SP_USE = re.compile(r"(?<![\w.])sp\b")
_ENTRY_CHECK = re.compile(r"if g\.si( - \d+)? <= g\.sgi: ")
_FRAME_INDEX = re.compile(r"i = g\.si - (\d+)$")
_INDEX_USE = re.compile(r"(?<![\w.])i\b(?: ([+-]) (\d+)\b)?")
# What may stand before and after `i` or `i +/- K` for it to be a whole operand of
# a sum (so that changing K keeps the value): no operator binding tighter than +.
_OPERAND_BEFORE = re.compile(r"(^|[=(\[,:]|\breturn|\bif|\belse|\band|\bor|\bnot|[<>=!]=|[<>]| [+])\s*$")
_OPERAND_AFTER = re.compile(r"^\s*($|[)\],:;]|[<>=!]=|[<>](?![<>])|(and|or|if|else)\b|[+-] )")


def _index_from_entry_sp(body: list) -> list:
    """In an entry block, index the frame from the entry SP: `i = g.si` instead of
    `i = g.si - F`, with F added into every constant offset of i after it (the
    return pc is then q[i]).  One subtraction less per call; the same words.
    Left alone where i is not a whole operand of a sum, where the block derives
    other index bases or the address SP from i, or holds a string literal."""
    at = next((k for k, entry in enumerate(body)
               if entry[0] == 1 and _FRAME_INDEX.match(entry[1])), None)
    if at is None:
        return body
    rest = body[at + 1:]
    for _, text, *_ in rest:
        if "'" in text or '"' in text or _SP_USE.search(text) or re.search(r"\b(s0|j4|j2)\b", text):
            return body
        for m in _INDEX_USE.finditer(text):
            if not (_OPERAND_BEFORE.search(text[:m.start()]) and _OPERAND_AFTER.match(text[m.end():])):
                return body
    frame_words = int(_FRAME_INDEX.match(body[at][1]).group(1))

    def shift(match):
        off = 0 if match.group(1) is None else int(match.group(2)) * (1 if match.group(1) == "+" else -1)
        off -= frame_words
        return "i" if off == 0 else f"i {'+' if off > 0 else '-'} {abs(off)}"

    ind, _, line, callee = body[at]
    head = body[:at] + [(ind, "i = g.si", line, callee)]
    check = body[at - 1] if at else None
    if check is not None and check[0] == 1 and _ENTRY_CHECK.match(check[1]):
        # read g.si once: the prologue check can use the index too
        head = body[:at - 1] + [head[-1], (1, check[1].replace("g.si", "i", 1), *check[2:])]
    return head + [(ind, _INDEX_USE.sub(shift, text), *more) for ind, text, *more in rest]
_FRAME_LINK = re.compile(r"g\.bp = g\.base \+ \(\(i( [+-] \d+)?\) << 3\)$")


def _sink_frame_link(body: list) -> list:
    """In an entry block that nothing can observe before it exits (FRAME_SET dropped),
    set BP to this frame only on the paths that call out of it.

    The saved BP is stored in the frame as always; the BP register is unobservable
    inside such a block, so a path that returns (and would restore BP from the
    saved copy) need not link it at all.  Left alone unless every exit is a direct
    call or a return through memory and nothing else reads g.bp.
    """
    texts = [entry[1] for entry in body]
    if FRAME_SET in texts or "_bp = g.bp" not in texts:
        return body
    start = texts.index("_bp = g.bp")
    link = next((k for k in range(start, len(body)) if body[k][0] == 1 and _FRAME_LINK.match(texts[k])), None)
    if link is None:
        return body
    for k in range(link + 1, len(body)):
        text, callee = texts[k], body[k][3]
        if "g.bp" in text and text != "g.bp = _bp":
            return body
        if "return " in text and callee is None and not text.startswith("return BLK[q["):
            return body
    out = body[:link]
    for k in range(link + 1, len(body)):
        ind, text, line, callee = body[k]
        if text == "g.bp = _bp":
            continue                     # this path never changed BP
        if callee is not None:
            out.append((ind, texts[link], line, None))
        out.append(body[k])
    saved = texts.index("_bp = g.bp")
    if sum(("_bp" in entry[1]) for entry in out) == 2 and out[saved + 1][1].endswith("] = _bp"):
        ind, text, *more = out[saved + 1]       # _bp only carried the value into the frame
        out[saved:saved + 2] = [(ind, text[:-len("_bp")] + "g.bp", *more)]
    return out


def block_name(pc: int) -> str:
    return f"b_{pc:x}"


def _single_block_code(name: str, text: str) -> dict:
    """A runtime function that calls Go code (its frame: World.call_go's) and is
    returned into: one block handing control back to the runtime."""
    line = RUNTIME_POSITIONS[name][1]
    return {"name": name, "frame_size": RUNTIME_CALL_FRAME, "callsites": [],
            "blocks": [[(1, text, line)]]}


def _runtime_error_method_code() -> dict:
    """Error() of the runtime's error values: the receiver points at a string header."""
    return _field_method_code("runtime.errorString.Error", 0, 16)


def _field_method_code(name: str, offset: int, size: int) -> dict:
    """A method of a runtime-made type returning size bytes at receiver + offset."""
    line = RUNTIME_POSITIONS[name][1]
    return {"name": name, "frame_size": 0, "callsites": [], "blocks": [[
        (1, "sp = g.sp", line),
        (1, f"MOVE(sp + 16, LD_q(sp + 8) + {offset}, {size})", line),
        (1, "g.sp = sp + 8", line),
        (1, "return BLK[LD_q(sp)]", line)]]}


def _goexit_code() -> dict:
    line = RUNTIME_POSITIONS["runtime.goexit"][1]
    return {"name": "runtime.goexit", "frame_size": 0, "callsites": [],
            "blocks": [[(1, "return GOEXIT(g)", line)]]}


def _runtime_main_code(ctx: CompileContext, has_init: bool) -> dict:
    """runtime.main: call main.init (if any), then main.main, then exit(0)."""
    frame = RUNTIME_MAIN_FRAME
    main_line = RUNTIME_POSITIONS["runtime.main"][1]
    init_line = RUNTIME_POSITIONS["runtime.main.init"][1]
    entry = [
        (1, "sp = g.sp", main_line),
        (1, (f"if sp - {frame} < g.lowsp: LOWWATER(g, sp - {frame})" if ctx.thread_model else
             "if sp <= g.stackguard0: return MORESTACK(g, @ENTRY@) or @SELF@"), main_line),
        (1, f"sp -= {frame}", main_line),
        (1, "g.sp = sp", main_line),
        (1, "s0 = sp - g.base; i = s0 >> 3", main_line),
        (1, f"q[i + {(frame - 8) // 8}] = g.bp", main_line),
        (1, f"g.bp = sp + {frame - 8}", main_line),
    ]
    blocks = [entry]
    sites = []
    targets = (["main.init"] if has_init else []) + ["main.main"]
    for target in targets:
        line = init_line if target == "main.init" else main_line
        nxt = len(blocks)
        blocks[-1].extend([
            (1, f"q[i - 1] = @B{nxt}@", line),
            (1, "g.sp = sp - 8", line),
            (1, f"return @F:{target}@", line),
        ])
        sites.append((nxt, line, (), target))
        blocks.append([(1, BLOCK_PROLOGUE, line)])
    blocks[-1].append((1, "return EXIT(g, 0)", main_line))
    return {"name": "runtime.main", "frame_size": frame, "callsites": sites, "blocks": blocks}
