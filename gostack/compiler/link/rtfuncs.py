"""rtfuncs: the runtime functions link lays out beside the program's own.

Go counterpart: the functions of package runtime that every Go binary links
and that tracebacks show: `runtime.goexit` (asm_amd64.s: the return address
at the top of every goroutine stack), `runtime.main` (proc.go: the main
goroutine's function: it runs the package initializer `main.init`, then
`main.main`, then exits), gopanic's and the runtime-call return points, and
the Error/Unwrap methods of the runtime's error values.  Each is given as a
dict of hand-written blocks in emit.py's form.  The functions of the runtime's
background goroutines (runtime/background.py) get table entries with Go
1.19's code sizes and call sites, but no blocks: they are only ever seen parked.
"""

from __future__ import annotations

from ...runtime.background import link_codes as background_codes
from ...runtime.proc import RUNTIME_CALL_FRAME
from .context import CompileContext
from ..codegen.emit import BLOCK_PROLOGUE


RUNTIME_MAIN_FRAME = 8        # runtime.main's frame in the model: just the saved BP
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


def runtime_codes(ctx: CompileContext, has_init: bool) -> list:
    """The runtime's functions, in the order link places them before the program's."""
    return [_goexit_code(), _runtime_main_code(ctx, has_init), _single_block_code(
        "runtime.gopanic", "return PANICRETURN(g)"), _single_block_code(
        "runtime.gopanic.opendefer", "return PANICRETURN(g)"), _single_block_code(
        "runtime.callreturn", "return CALLRETURN(g)"), _runtime_error_method_code(),
        _field_method_code("fmt.(*wrapError).Unwrap", 16, 16)] + background_codes()


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
