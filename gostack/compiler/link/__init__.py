"""link: place functions in text, globals in data, and build the pc tables.

Go counterpart: cmd/link (text layout from 0x401000 on linux/amd64, the
function table and pcdata that runtime/symtab.go reads) and the nosplit
check of cmd/link/internal/ld/stackcheck.go.

link() generates every function (codegen.py, with the CompileContext of
context.py), lays out the runtime's own functions beside them (rtfuncs.py),
places text, rodata and data, fills the function table and call sites, and
turns each function's blocks into a Python module (blocks.py: tokens
resolved, blocks simplified, small entry blocks copied into call sites).
It also synthesizes main.init, the package initializer, from the checked
program's global initializers (synthesize_init).
"""

from __future__ import annotations

from ...errors import CompileError
from ...profiles import PTR_SIZE, Profile
from ...runtime.iface import TypeInfo
from ...runtime.symtab import CallSite, FuncInfo, Program
from ... import types as T
from .blocks import BLOCK_PC_STEP, block_module, inlinable_entries, process_block
from ..check.methodsets import type_key as _type_key, pointer_shaped
from ..symbols import FuncSym, Program as Checked
from ..codegen import FuncCode, generate_function
from .context import CompileContext, equality_desc
from ..parse import Node
from .rtfuncs import RUNTIME_POSITIONS, runtime_codes

TEXT_BASE = 0x401000          # start of .text on linux/amd64
FUNC_ALIGN = 32
DATA_ALIGN = 0x1000


def synthesize_init(checked: Checked) -> FuncSym | None:
    """main.init: the package initializer, assigning globals in dependency order."""
    init_funcs = checked.init_funcs
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
        callee = node.callee
        if isinstance(callee, FuncSym):
            fn.calls.add(callee)
            fn.has_calls = True
        elif node.builtin in ("println", "print", "panic") or callee is not None:
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
    ordered = runtime_codes(ctx, has_init) + codes
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
        processed[info.name] = [process_block(info, block, entries, rodata_base) for block in blocks]
        for k in range(len(blocks)):
            block_func[info.entry + BLOCK_PC_STEP * k] = info
        for block, line, live, callee in sites:
            ret = info.entry + BLOCK_PC_STEP * block
            callsites[ret] = CallSite(ret, info, line, tuple(live), callee)
        for site in code.get("sites", ()) if isinstance(code, dict) else ():
            ret = info.entry + site.offset
            callsites[ret] = CallSite(ret, info, site.line, (), site.callee, site.inlined)
    inline = inlinable_entries(processed)
    for info in infos:
        src, lines = block_module(info, processed[info.name], inline)
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
                              for key, table in checked.method_tables.items()}
    program.type_table = _type_table(ctx, checked, rodata_base, entries)
    program.imports = sorted(pkg.path for pkg in checked.packages.values())
    program.global_ptrs = [v.offset + p for v in checked.globals for p in v.type.ptr_offsets()]
    program.code_objects = {name: compile(src, f"<go {name}>", "exec") for name, src in sources.items()}
    return program


def _type_table(ctx, checked, rodata_base, entries) -> dict:
    """addr -> TypeInfo for every type descriptor the code refers to."""
    tables = checked.method_tables
    out = {}
    for off, t in ctx.type_descs:
        methods = {name: entries[q] for name, q in tables.get(_type_key(t), {}).items() if q in entries}
        addr = rodata_base + off
        out[addr] = TypeInfo(addr, t, str(t), t.size, pointer_shaped(t), equality_desc(t), T.comparable(t), methods)
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
    info.wrapper = code.fn.wrapper
    info.open_coded = code.fn.open_coded
    info.autogenerated = code.fn.autogenerated


def _fill_runtime_info(info: FuncInfo, code: dict):
    info.frame_size = code["frame_size"]
    if "file" in code:
        info.file, info.decl_line = code["file"], code["decl_line"]
        info.param_words = code["param_words"]
    else:
        info.file, info.decl_line = RUNTIME_POSITIONS[info.name]
    info.runtime = True


