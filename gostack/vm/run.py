"""run: the executor: bind the compiled blocks to a world and dispatch them.

Go counterpart: none (this is the CPU).  The loop is

    pc = blocks[pc](g)

a block runs Go code between safepoints and returns the next pc; calls and
returns go through return addresses in stack memory, so the loop needs no
call stack of its own and a 10^8-frame Go stack costs the host nothing.
Every CHUNK dispatches (and every 65536 iterations of a loop inside a
block) the host limits are checked.

The runtime services blocks call (morestack, print, panics, loads through
pointers, heap allocation) are bound into the blocks' namespace here, once
per run: they are closures over the world.
"""

from __future__ import annotations

import sys
import traceback as pytraceback

from ..errors import EXIT_GO_PANIC, EXIT_HOST_LIMIT, EXIT_SIGSEGV, HostLimit
from ..machine.thread import segfault_line
from ..machine.memory import Fault
from ..profiles import MIN_LEGAL_POINTER, STACK_PREEMPT, TRACEBACK_MAX_FRAMES, get_profile
from ..runtime import panic as P
from ..runtime import printfmt
from ..runtime.errors import RuntimeThrow
from ..runtime.proc import World
from ..runtime.stack import StackOverflow, Switch
from ..runtime.traceback import gentraceback, print_goroutine
from .code import Program

CHUNK = 4096
GOROOT = "/usr/local/go"
MASK64 = (1 << 64) - 1


class ProgramExit(Exception):
    def __init__(self, code: int):
        super().__init__(code)
        self.code = code


def run_program(program: Program, opts):
    from ..api import RunResult
    profile = get_profile(opts.profile)
    try:
        world = World(program, profile, opts)
    except MemoryError:
        return _host_failure(opts, "gostack: host limit: out of host memory")
    blocks = bind(program, world)
    code, host_error = execute(world, blocks)
    stats = world.stats(code)
    return RunResult("".join(world.stdout_parts), "".join(world.stderr_parts), code, stats, host_error)


def _host_failure(opts, message):
    from ..api import RunResult
    if opts.on_stderr:
        opts.on_stderr(message + "\n")
    return RunResult("", message + "\n", EXIT_HOST_LIMIT, {}, message)


# ---------------------------------------------------------------- the loop


def execute(world: World, blocks: dict):
    g = world.main_g
    world.execute(g)
    f = blocks[g.pc]
    checkinv = bool(world.debug.get("checkinv"))
    async_preemption = world.profile.async_preemption and not world.debug.get("asyncpreemptoff")
    try:
        while True:
            try:
                if checkinv:
                    while True:
                        f = f(g)
                        world.tick(1)
                        check_invariants(world, g)
                        if g.preempt and async_preemption:
                            world.async_preempt(g, world.block_pc[f])
                            raise Switch()
                while True:
                    for _ in range(CHUNK // 8):       # unrolled: the loop itself costs per turn
                        f = f(g); f = f(g); f = f(g); f = f(g)
                        f = f(g); f = f(g); f = f(g); f = f(g)
                    world.tick(CHUNK)
                    if g.preempt and async_preemption:
                        # Between blocks every value is in memory: an async safe point.
                        world.async_preempt(g, world.block_pc[f])
                        raise Switch()
            except Switch:
                g = world.schedule()
                f = blocks[g.pc]
                if g.resume_panic is not None:
                    err, g.resume_panic = g.resume_panic, None
                    raise err
            except KeyError as missing:
                raise RuntimeThrow(f"unexpected return pc {missing.args[0]:#x}") from None
    except ProgramExit as done:
        return done.code, None
    except P.GoPanic as err:
        report_panic(world, g, _pc(world, g, f), err, sys.exc_info()[2])
        return EXIT_GO_PANIC, None
    except Fault as fault:
        try:
            report_fault(world, g, _pc(world, g, f), fault, sys.exc_info()[2])
        except ProgramExit as died:
            return died.code, None
        return EXIT_GO_PANIC, None
    except StackOverflow as overflow:
        report_overflow(world, g, overflow)
        return EXIT_GO_PANIC, None
    except P.GoFatal as fatal:
        report_fatal(world, g, fatal)
        return EXIT_GO_PANIC, None
    except HostLimit as limit:
        world.write_stderr(limit.message + "\n")
        return EXIT_HOST_LIMIT, limit.message
    except MemoryError:
        message = "gostack: host limit: out of host memory"
        world.write_stderr(message + "\n")
        return EXIT_HOST_LIMIT, message
    except RuntimeThrow as throw:
        world.write_stderr(f"fatal error: {throw.msg}\n\ngostack: this is a bug in the model; "
                           f"rerun with --debug checkinv=1 to find it\n")
        return EXIT_HOST_LIMIT, f"model invariant broken: {throw.msg}"


def _pc(world, g, f) -> int:
    """The pc of the failing block (a resumed goroutine's panic: its resume pc)."""
    pc = world.block_pc.get(f)
    return pc if pc is not None else g.pc


def check_invariants(world: World, g):
    """Everything DESIGN.md section 2 promises, checked after a step."""
    stk = g.stack
    if not stk.lo <= g.sp <= stk.hi:
        raise RuntimeThrow(f"sp {g.sp:#x} outside stack [{stk.lo:#x}, {stk.hi:#x})")
    guard = stk.lo + world.profile.stack_guard
    if g.stackguard0 not in (guard, STACK_PREEMPT):
        raise RuntimeThrow(f"stackguard0 {g.stackguard0:#x} != lo + StackGuard {guard:#x}")
    if world.stackalloc.stack_inuse != world.mheap.stack_inuse:
        raise RuntimeThrow("StackInuse differs from the sum of stack spans")
    if g.bp and not stk.lo <= g.bp < stk.hi:
        segments = world.stacks.segments      # a caller's frame may sit in an older segment
        if segments is None or not segments.in_segments(g, g.bp):
            raise RuntimeThrow(f"bp {g.bp:#x} outside the stack")


# ---------------------------------------------------------------- binding


def bind(program: Program, world: World) -> dict:
    ns = runtime_namespace(world)
    for code in program.code_objects.values():
        exec(code, ns)
    blocks = ns["BLK"]
    for name, value in ns.items():
        if name.startswith("b_") and callable(value):
            blocks[int(name[2:], 16)] = value
    if world.stacks.segments is not None:     # segmented stacks return through lessstack
        blocks[world.stacks.segments.lessstack_pc] = world.stacks.segments.lessstack
    world.blocks = blocks
    world.block_pc = {f: pc for pc, f in blocks.items()}
    return blocks


def runtime_namespace(world: World) -> dict:
    aspace = world.aspace
    load, store = aspace.load, aspace.store
    stacks = world.stacks
    ns = {"__builtins__": __builtins__, "STACK_PREEMPT": STACK_PREEMPT, "BLK": {},
          "DATA": world.data.lo}
    for fmt, name in (("q", "q"), ("Q", "uq"), ("i", "i32"), ("I", "u32"), ("h", "i16"),
                      ("H", "u16"), ("b", "i8"), ("B", "u8"), ("d", "f64")):
        ns[f"G{name}"] = getattr(world.data, fmt)
        ns[f"LD_{fmt}"] = (lambda f: lambda a: load(a, f))(fmt)
        ns[f"ST_{fmt}"] = (lambda f: lambda a, v: store(a, f, v))(fmt)
    for n in getattr(world.program, "zeros", []):
        ns[f"Z{n}"] = bytes(n)
    ns.update(
        MORESTACK=stacks.morestack,
        FORCEMOVE=stacks.forcemove,
        LOOPCHECK=lambda g, k: world.tick(k) or 0,
        MALLOC=lambda size, name, ptrs=(): _malloc(world, size, name, ptrs),
        MOVE=aspace.copy,
        FILL=lambda a, n: aspace.fill(a, n, 0),
        RD=aspace.read,
        PRINT=lambda newline, parts: world.write_stderr(
            printfmt.println_text(parts) if newline else printfmt.print_text(parts)),
        P_INT=printfmt.format_int, P_UINT=printfmt.format_uint, P_FLOAT=printfmt.format_float,
        P_BOOL=printfmt.format_bool, P_PTR=printfmt.format_pointer,
        W64=_wrap64, IDIV=_idiv, IMOD=_imod, FDIV=_fdiv, SHL=_shl, SHR=_shr, F2I=_f2i,
        PANIC_INDEX=_panic_index,
        GOPANIC=lambda value, token: _raise(P.panic_value(value, token)),
        READMEMSTATS=lambda g, addr: _readmemstats(world, addr),
        LOWWATER=world.lowwater,
        **scheduler_ops(world),
        SETMAXSTACK=lambda g, n: stacks.set_max_stack(n),
        EXIT=_exit,
    )
    return ns


def scheduler_ops(world: World) -> dict:
    """Runtime ops that may park: each returns `cont` when done, else switches away."""
    chans = world.chans

    switch = Switch()

    def switcher(g):
        # Returned by an op that parked g: the dispatch loop calls it next, and the
        # exception (raised from one frame deep, a reused instance) leaves the loop.
        raise switch.with_traceback(None)

    def parked(g, cont_pc):
        g.pc = cont_pc
        return switcher

    def chansend(g, ch, elem, cont, cont_pc):
        g.pc = cont_pc
        return cont if chans.chansend(g, ch, elem) else parked(g, cont_pc)

    def chanrecv(g, ch, elem, cont, cont_pc):
        g.pc = cont_pc
        return cont if chans.chanrecv(g, ch, elem) else parked(g, cont_pc)

    def gosched(g, cont, cont_pc):
        world.gosched(g)
        return parked(g, cont_pc)

    def gcollect(g, cont, cont_pc):
        g.pc = cont_pc            # g is at a safepoint: its stack can be scanned and moved
        world.gc()
        return cont

    def may_park(op):
        """Wrap op(g, arg) -> done: continue with `cont`, or park g at `cont_pc`."""
        def wrapper(g, arg, cont, cont_pc):
            g.pc = cont_pc
            return cont if op(g, arg) else parked(g, cont_pc)
        return wrapper

    def selectgo(g, cases, has_default, cont, cont_pc):
        g.pc = cont_pc
        return cont if chans.selectgo(g, cases, has_default) else parked(g, cont_pc)

    def goexitcall(g, cont, cont_pc):
        """runtime.Goexit: end this goroutine (no deferred calls exist yet)."""
        if world.stacks.segments is not None:
            world.stacks.segments.unwindstack(g)   # back to its first segment, as goexit0 did
        world.goexit(g)
        return parked(g, cont_pc)

    def newproc(g, entry_pc, args_addr, size, creator, line):
        world.newproc(entry_pc, world.aspace.read(args_addr, size), (creator, line))

    def goexit(g):
        if g is world.main_g:
            raise ProgramExit(0)
        world.goexit(g)
        raise Switch()

    return dict(CHANSEND=chansend, CHANRECV=chanrecv, CLOSECHAN=lambda g, ch: chans.closechan(ch),
                MAKECHAN=lambda g, size, n, ptrs=(): chans.makechan(size, n, ptrs),
                CHANLEN=chans.chanlen, CHANCAP=chans.chancap,
                GOSCHED=gosched, GCOLLECT=gcollect, SLEEP=may_park(world.sleep),
                NUMGOROUTINE=lambda g: len(world.live_goroutines()),
                WGADD=lambda g, addr, n: world.wg_add(addr, n),
                WGDONE=lambda g, addr: world.wg_add(addr, -1),
                WGWAIT=may_park(world.wg_wait), MUTEXLOCK=may_park(world.mutex_lock),
                MUTEXUNLOCK=lambda g, addr: world.mutex_unlock(addr),
                NEWPROC=newproc, GOEXIT=goexit, SELECTGO=selectgo, GOEXITCALL=goexitcall,
                TIMEAFTER=lambda g, d: world.after(d), RWLOCK=may_park(world.rw_lock), RWRLOCK=may_park(world.rw_rlock),
                RWUNLOCK=lambda g, addr: world.rw_unlock(addr),
                RWRUNLOCK=lambda g, addr: world.rw_runlock(addr))


def _raise(exc):
    raise exc


def _malloc(world, size, name, ptrs):
    addr = world.mheap.mallocgc(size, name)
    world.collector.note_alloc(addr, ptrs)
    world.check_memory()
    return addr


def _wrap64(v):
    v &= MASK64
    return v - (1 << 64) if v >> 63 else v


def _idiv(a, b):
    if b == 0:
        raise P.divide_error()
    q = abs(a) // abs(b)
    return q if (a < 0) == (b < 0) else -q


def _imod(a, b):
    if b == 0:
        raise P.divide_error()
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def _fdiv(a, b):
    if b == 0.0:
        if a != a or a == 0.0:
            return float("nan")
        negative = (a < 0) != (str(b).startswith("-"))
        return float("-inf") if negative else float("inf")
    return a / b


def _shl(a, count, bits, signed, signed_count):
    if signed_count and count < 0:
        raise P.shift_error()
    if count >= bits:
        return 0
    v = (a << count) & ((1 << bits) - 1)
    if signed and v >> (bits - 1):
        v -= 1 << bits
    return v


def _shr(a, count, signed_count):
    if signed_count and count < 0:
        raise P.shift_error()
    return a >> min(count, 64)


def _f2i(v, bits, signed):
    if v != v or v in (float("inf"), float("-inf")):
        return -(1 << (bits - 1)) if signed else 0
    n = int(v)
    mask = (1 << bits) - 1
    n &= mask
    if signed and n >> (bits - 1):
        n -= 1 << bits
    return n


def _panic_index(i, n):
    raise P.index_error(i, n)


def _exit(g, code):
    raise ProgramExit(code)


MEMSTATS_FIELDS = ("StackInuse", "StackSys", "HeapAlloc", "HeapObjects", "HeapInuse", "HeapSys")


def _readmemstats(world, addr):
    from ..compiler.check import MEMSTATS
    mem = world.stackalloc.memstats()
    values = {"StackInuse": mem["StackInuse"], "StackSys": mem["StackSys"],
              "HeapAlloc": world.mheap.heap_alloc, "HeapObjects": world.mheap.heap_objects,
              "HeapInuse": world.mheap.heap_inuse, "HeapSys": world.mheap.heap_sys,
              "Alloc": world.mheap.heap_alloc}
    values["Sys"] = values["HeapSys"] + values["StackSys"]
    values["NumGC"] = world.collector.numgc
    values["Mallocs"] = world.mheap.heap_objects
    world.aspace.fill(addr, MEMSTATS.size, 0)
    for field in MEMSTATS.under.fields:
        if field.name in values:
            world.aspace.store(addr + field.offset, "I" if field.type.size == 4 else "Q",
                               values[field.name])


# ---------------------------------------------------------------- crash reports


def innermost_go_line(world: World, tb) -> int | None:
    """The Go line the failing block was running, from the host traceback."""
    line = None
    for frame, lineno in pytraceback.walk_tb(tb):
        table = world.program.block_lines.get(frame.f_code.co_filename)
        if table is not None:
            line = table.get(lineno, line)
    return line


def _load_word(world):
    return lambda a: world.aspace.load(a, "q")


def _segment_walk(world: World, g) -> dict:
    """What gentraceback needs to cross segment boundaries (segmented stacks only)."""
    if world.stacks.segments is None:
        return {}
    return {"stack_hi": g.stack.hi, "stack_top": world.profile.stack_top}


def user_traceback(world: World, g, pc: int, line, with_regs=False, show_runtime=False,
                   status="running") -> str:
    f = world.program.findfunc(pc)
    at_entry = status != "running" and f is not None and f.entry == pc
    frames = list(gentraceback(world.program, _load_word(world), pc, g.sp, at_entry,
                               limit=TRACEBACK_MAX_FRAMES + 3, **_segment_walk(world, g)))
    return print_goroutine(world.program, g, frames, _load_word(world), line, status,
                           world.program.source_path, GOROOT, show_runtime, with_regs)


def report_fatal(world: World, g, fatal: P.GoFatal):
    """fatal(): the user's fault, not recoverable; a deadlock dumps every goroutine."""
    out = [f"fatal error: {fatal.msg}\n"]
    if not fatal.traceback:
        pass
    elif fatal.all_goroutines:
        for gp in world.live_goroutines():
            out.append("\n" + user_traceback(world, gp, gp.pc, None, status=_status(gp)))
    else:
        out.append("\n" + user_traceback(world, g, g.pc, None))
    world.write_stderr("".join(out))


def _status(g) -> str:
    if g.waitreason:
        return g.waitreason
    return {1: "runnable", 2: "running"}.get(int(g.status), "waiting")


def report_panic(world: World, g, pc: int, err: P.GoPanic, tb):
    line = innermost_go_line(world, tb)
    world.write_stderr(err.header() + "\n" + user_traceback(world, g, pc, line))


def report_fault(world: World, g, pc: int, fault: Fault, tb):
    line = innermost_go_line(world, tb)
    if world.thread_model and fault.addr < g.stack.lo and g.stack.lo - fault.addr < (1 << 30):
        # A fixed stack ran into its guard page: the process dies as a C program does.
        g.stats.note_thread(g, True)
        frames = gentraceback(world.program, _load_word(world), g.pc if pc is None else pc, g.sp, True)
        g.stats.max_depth = sum(1 for fr in frames if fr.func.name != "runtime.goexit")
        world.write_stderr(segfault_line(g.goid, fault.addr, g.stack.lo, g.stack.hi))
        raise ProgramExit(EXIT_SIGSEGV)
    code = 2 if fault.kind == "protection" else 1
    if fault.addr < MIN_LEGAL_POINTER:
        err = P.nil_deref(fault.addr, pc, code)
        world.write_stderr(err.header() + "\n" + user_traceback(world, g, pc, line))
        return
    world.write_stderr(f"unexpected fault address {fault.addr:#x}\nfatal error: fault\n"
                       f"[signal SIGSEGV: segmentation violation code={code:#x} addr={fault.addr:#x} "
                       f"pc={pc:#x}]\n\n" + user_traceback(world, g, pc, line, with_regs=True))


# Go 1.19's runtime frames on g0 when newstack throws (panic.go, stack.go, asm_amd64.s).
OVERFLOW_G0_FRAMES = (("runtime.throw", "{0x0?, 0x0?}", "runtime/panic.go", 1047, 0x5D, 0x30),
                      ("runtime.newstack", "", "runtime/stack.go", 1103, 0x5CC, 0x1B8),
                      ("runtime.morestack", "", "runtime/asm_amd64.s", 570, 0x8B, 0x8))


def report_overflow(world: World, g, ov: StackOverflow):
    out = [f"runtime: goroutine stack exceeds {ov.limit}-byte limit\n"]
    if world.profile.overflow_sp_line:
        out.append(f"runtime: sp={ov.sp:#x} stack=[{ov.lo:#x}, {ov.hi:#x}]\n")
    out.append("fatal error: stack overflow\n\nruntime stack:\n")
    sp = world.m0.g0.stack.hi - 0x1F0
    for name, args, path, line, off, size in OVERFLOW_G0_FRAMES:
        fp = sp + size
        pc = world.program.text_base + 0x100 + off
        out.append(f"{name}({args})\n\t{GOROOT}/src/{path}:{line} +{off:#x} fp={fp:#x} sp={sp:#x} pc={pc:#x}\n")
        sp = fp
    out.append("\n")
    frames = list(gentraceback(world.program, _load_word(world), g.pc, g.sp, True,
                               limit=TRACEBACK_MAX_FRAMES + 3, **_segment_walk(world, g)))
    out.append(print_goroutine(world.program, g, frames, _load_word(world), None, "running",
                               world.program.source_path, GOROOT, True, True))
    world.write_stderr("".join(out))
