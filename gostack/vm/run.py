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

import bisect
import dis
import struct
import sys
import traceback as pytraceback
from functools import partial

from ..errors import EXIT_GO_PANIC, EXIT_HOST_LIMIT, EXIT_SIGSEGV, HostLimit
from ..machine.thread import segfault_line
from ..machine.memory import Fault
from ..profiles import GOROOT, MIN_LEGAL_POINTER, STACK_PREEMPT, TRACEBACK_MAX_FRAMES, get_profile
from ..runtime import panic as P
from ..runtime import printfmt
from ..compiler.codegen import LOOP_CHECK_EVERY, round_float32
from ..runtime.deferpanic import FatalPanic
from ..stdlib import PACKAGES as STDLIB, GoFunc, PkgVar
from ..stdlib import abi as stdlib_abi
from ..runtime.errors import RuntimeThrow
from ..runtime.hashmap import equal, normalize
from ..runtime.slice import slicecheck
from ..runtime.string import encode_rune
from ..runtime.proc import World
from ..runtime.rt0 import SystemStackOnUserStack, morestack, morestackc
from ..runtime.stack import StackOverflow, Switch
from ..runtime.traceback import gentraceback, print_goroutine
from ..runtime.symtab import Program

CHUNK = 4096
STD_FUNCS = {m.qualname: m for members in STDLIB.values() for m in members.values() if isinstance(m, GoFunc)}
STD_VARS = {m.qualname: m for members in STDLIB.values() for m in members.values() if isinstance(m, PkgVar)}
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
    except HostLimit as limit:
        return _host_failure(opts, limit.message)
    blocks = bind(program, world)
    code, host_error = execute(world, blocks)
    stats = world.stats.report(code)
    mappings = [(m.lo, m.hi, m.perm, m.name) for m in world.aspace.mappings()]
    return RunResult("".join(world.stdout_parts), "".join(world.stderr_parts), code, stats,
                     host_error, mappings)


def _host_failure(opts, message):
    from ..api import RunResult
    if opts.on_stderr:
        opts.on_stderr(message + "\n")
    return RunResult("", message + "\n", EXIT_HOST_LIMIT, {}, message)


# ---------------------------------------------------------------- the loop


def execute(world: World, blocks: dict):
    g = world.main_g            # (World made it the running G of P0)
    f = blocks[g.pc]
    checkinv = bool(world.debug.get("checkinv"))
    async_preemption = world.async_preemption
    tracing = world.tracing
    if tracing:
        world.chunk_position = lambda: _dispatch_position(world, _execute_lasti())
    # The chunk's iterator is kept where an event can see how far it got.  A switch
    # does not start a new chunk: the turn it cuts short counts as 8 blocks, so
    # the steps (and the clock, sysmon and host limits) advance however often
    # goroutines switch, the same with or without events.
    world.chunk = turns = iter(range(CHUNK // 8))
    try:
        try:
            while True:
                try:
                    if checkinv:
                        while True:
                            f = f(g)
                            world.tick(1)
                            check_invariants(world, g)
                            if (g.preempt and async_preemption or world.rotating) \
                                    and stop_between_blocks(world, g, f, async_preemption):
                                raise Switch()
                    while True:
                        for _ in turns:                   # unrolled: the loop itself costs per turn
                            f = f(g); f = f(g); f = f(g); f = f(g)
                            f = f(g); f = f(g); f = f(g); f = f(g)
                        world.tick(CHUNK)
                        world.chunk = turns = iter(range(CHUNK // 8))
                        if (g.preempt and async_preemption or world.rotating) \
                                and stop_between_blocks(world, g, f, async_preemption):
                            raise Switch()
                except Switch:
                    if tracing:
                        world.lost_steps += _cut_turn(sys.exc_info()[2].tb_lasti)
                    g = world.schedule()
                    f = blocks[g.pc]
                    if g.resume_panic is not None:
                        err, g.resume_panic = g.resume_panic, None
                        nxt = start_panic(world, g, err, g.pc, None)
                        f = nxt
                except P.GoPanic as err:
                    # (the next block is not assigned by a call: see _dispatch_slots)
                    if tracing:
                        world.lost_steps += _cut_turn(sys.exc_info()[2].tb_lasti)
                    nxt = start_panic(world, g, err, _pc(world, g, f), sys.exc_info()[2])
                    f = nxt
                except Fault as fault:
                    pc = _pc(world, g, f)
                    if not is_nil_deref(world, g, fault):
                        raise
                    code = 2 if fault.kind == "protection" else 1
                    if tracing:
                        world.lost_steps += _cut_turn(sys.exc_info()[2].tb_lasti)
                    nxt = start_panic(world, g, P.nil_deref(fault.addr, pc, code), pc, sys.exc_info()[2])
                    f = nxt
                except KeyError as missing:
                    raise RuntimeThrow(f"unexpected return pc {missing.args[0]:#x}") from None
        except BaseException:
            # The run ends inside a chunk: credit the blocks of that partial chunk, so
            # that the events of the crash report carry the exact step.
            if tracing:
                world.lost_steps += _dispatch_position(world, sys.exc_info()[2].tb_lasti)
                world.chunk = None
            raise
    except ProgramExit as done:
        return done.code, None
    except FatalPanic as fatal:
        report_panic(world, g, fatal)
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
    except SystemStackOnUserStack as throw:
        report_morestackc(world, g, throw)
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


def stop_between_blocks(world, g, f, async_preemption) -> bool:
    """Between blocks every value is in memory: g may stop here for an async
    preemption (Go 1.14+) or while the host runs the other Ps (multi-P)."""
    pc = world.block_pc.get(f)
    if pc is None:
        return False            # g has just parked: the switch is already under way
    if g.preempt and async_preemption:
        world.async_preempt(g, pc)
    else:
        g.pc = pc
    return True


def _loopcheck(world, g, k) -> int:
    """A native loop's periodic check: count its iterations (host limits, sysmon, the
    clock); nonzero asks the outermost loop to stop at its head (codegen.loop_check)."""
    counted = k - world.loop_resume if k > world.loop_resume else k
    world.tick(counted)
    if world.rotating or (g.preempt and world.async_preemption):
        world.loop_resume = LOOP_CHECK_EVERY - 1     # check again at the next iteration
    else:
        world.loop_resume = 0
    return world.loop_resume


def _loopstop(world, g, head_pc):
    """The outermost native loop stopped at its head with its registers in memory:
    an async preemption there, or the host turning to another P."""
    world.loop_resume = 0
    g.pc = head_pc
    if g.preempt and world.async_preemption:
        world.async_preempt(g, head_pc)
    return world.switcher


def start_panic(world, g, err, pc, tb):
    """gopanic on g: note where it panicked (for the traceback), run the defers."""
    line = innermost_go_line(world, tb) if tb is not None else None
    if isinstance(err, P.UserPanic):
        return world.panics.gopanic(g, None, err.tab, err.data, pc, line)
    return world.panics.gopanic(g, err, pc=pc, line=line)


# ---------------------------------------------------------------- exact step numbers
#
# world.steps advances once per CHUNK blocks (and per batch of loop iterations),
# which keeps the dispatch loop free of counting.  An event still gets the exact
# step: the dispatch call that is running (the bytecode offset execute's frame
# is at) and the turn of the chunk's iterator say how many blocks of the current
# chunk have completed.  This costs only when events are subscribed.

def _dispatch_slots():
    """Bytecode ranges of execute's `f = f(g)` calls (starts, ends), found once."""
    global DISPATCH_SLOTS
    if DISPATCH_SLOTS is not None:
        return DISPATCH_SLOTS
    instrs = list(dis.get_instructions(execute))
    calls = [(k, ins) for k, ins in enumerate(instrs) if ins.opname.startswith("CALL")
             and k + 1 < len(instrs) and instrs[k + 1].opname == "STORE_FAST"
             and instrs[k + 1].argval == "f"]
    if len(calls) != 9:                 # the checkinv call, then the unrolled eight
        raise RuntimeError(f"execute has {len(calls)} dispatch calls, expected 9")
    starts, ends = [], []
    for k, ins in calls:
        starts.append(ins.offset)
        ends.append(instrs[k + 1].offset)
    DISPATCH_SLOTS = starts, ends
    return DISPATCH_SLOTS


def _cut_turn(lasti) -> int:
    """The correction when a switch or panic at offset lasti cuts a turn short: the
    chunk will count that turn as 8 blocks, of which only those before it ran."""
    starts, ends = _dispatch_slots()
    k = bisect.bisect_right(starts, lasti) - 1
    if k <= 0 or lasti >= ends[k]:
        return 0            # the checkinv loop (ticks every block) or between chunks
    return (k - 1) - 8


def _execute_lasti():
    """The bytecode offset of the execute frame below the caller (None: not running)."""
    frame = sys._getframe(2)
    code = execute.__code__
    while frame is not None and frame.f_code is not code:
        frame = frame.f_back
    return None if frame is None else frame.f_lasti


def _dispatch_position(world, lasti) -> int:
    """Blocks completed in the current chunk when execute is at offset lasti.

    Outside a dispatch (switching goroutines, or between chunks) every turn
    the chunk has begun counts whole: _cut_turn corrected the one cut short.
    """
    if lasti is None or world.chunk is None:
        return 0
    left = world.chunk.__length_hint__()
    starts, ends = _dispatch_slots()
    k = bisect.bisect_right(starts, lasti) - 1
    if k == 0 and lasti < ends[0]:
        return 0            # the checkinv loop: it ticks every block
    if k < 0 or lasti >= ends[k]:
        return 0 if left == 0 else (CHUNK // 8 - left) * 8    # (0: the chunk is ticked)
    turn = CHUNK // 8 - 1 - left
    return turn * 8 + (k - 1)


def _pc(world, g, f) -> int:
    """The pc of the failing block (a resumed goroutine's panic: its resume pc)."""
    pc = world.block_pc.get(f)
    return pc if pc is not None else g.pc


def check_invariants(world: World, g):
    """Everything DESIGN.md section 2 promises, checked after a step."""
    stk = g.stack
    if not stk.lo <= g.sp <= stk.hi:
        raise RuntimeThrow(f"sp {g.sp:#x} outside stack [{stk.lo:#x}, {stk.hi:#x})")
    if g.sgi != (g.stackguard0 - g.base) >> 3:
        raise RuntimeThrow(f"sgi {g.sgi} is not the index of stackguard0 {g.stackguard0:#x}")
    guard = stk.lo + world.profile.stack_guard
    if g.stackguard0 not in (guard, STACK_PREEMPT):
        raise RuntimeThrow(f"stackguard0 {g.stackguard0:#x} != lo + StackGuard {guard:#x}")
    if world.p.curg is not g or world.m.p is not world.p:
        raise RuntimeThrow(f"g{g.goid} is not the running G of the current P and M")
    if len(world.allp) > 1:
        ms = [p.m for p in world.allp if p.m is not None]
        if len(set(map(id, ms))) != len(ms) or any(m.p is None for m in ms):
            raise RuntimeThrow("an M is attached to two Ps, or a P's M is idle")
    if world.stackalloc.stack_inuse != world.mheap.stack_inuse:
        raise RuntimeThrow("StackInuse differs from the sum of stack spans")
    if g.bp and not stk.lo <= g.bp < stk.hi:
        segments = world.stacks.segments      # a caller's frame may sit in an older segment
        if segments is None or not segments.in_segments(g, g.bp):
            raise RuntimeThrow(f"bp {g.bp:#x} outside the stack")


DISPATCH_SLOTS = None      # found on the first traced run (a run without events never needs it)


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
    for fmt, name in (("q", "q"), ("Q", "uq"), ("f", "f32"), ("i", "i32"), ("I", "u32"), ("h", "i16"),
                      ("H", "u16"), ("b", "i8"), ("B", "u8"), ("d", "f64")):
        ns[f"G{name}"] = getattr(world.data, fmt)
        ns[f"LD_{fmt}"] = (lambda f: lambda a: load(a, f))(fmt)
        ns[f"ST_{fmt}"] = (lambda f: lambda a, v: store(a, f, v))(fmt)
    for n in getattr(world.program, "zeros", []):
        ns[f"Z{n}"] = bytes(n)
    ns.update(
        MORESTACK=partial(morestack, world),
        MORESTACKC=partial(morestackc, world),
        FORCEMOVE=stacks.forcemove,
        LOOPCHECK=lambda g, k: _loopcheck(world, g, k),
        LOOPSTOP=lambda g, head, head_pc: _loopstop(world, g, head_pc),
        MALLOC=lambda size, name, ptrs=(): _malloc(world, size, name, ptrs),
        MOVE=aspace.copy,
        FILL=lambda a, n: aspace.fill(a, n, 0),
        RD=aspace.read,
        PRINT=lambda newline, parts: world.write_stderr(
            printfmt.println_text(parts) if newline else printfmt.print_text(parts)),
        P_INT=printfmt.format_int, P_UINT=printfmt.format_uint, P_FLOAT=printfmt.format_float,
        P_BOOL=printfmt.format_bool, P_PTR=printfmt.format_pointer,
        P_SLICE=_print_slice, P_IFACE=_print_iface,
        SLICE2ARRAYPTR=_slice_to_array_pointer,
        W64=_wrap64, F32=round_float32, IDIV=_idiv, IMOD=_imod, FDIV=_fdiv, SHL=_shl, SHR=_shr, F2I=_f2i,
        PANIC_INDEX=_panic_index,
        GOPANIC=lambda g, addr: _raise(P.UserPanic(load(addr, "q"), load(addr + 8, "q"))),
        RECOVER=world.panics.gorecover,
        PANICRETURN=world.panics.panic_return,
        CALLRETURN=world.reflectcall.runtime_call_return,
        READMEMSTATS=lambda g, addr: _readmemstats(world, addr),
        LOWWATER=world.threads.lowwater,
        **scheduler_ops(world),
        SETMAXSTACK=lambda g, n: stacks.set_max_stack(n),
        EXIT=_exit,
        **data_ops(world),
    )
    return ns


def data_ops(world: World) -> dict:
    """Strings, slices and maps: runtime/string.go, slice.go and map.go."""
    strings, slices, maps, ifaces = world.strings, world.slices, world.maps, world.ifaces
    aspace = world.aspace

    def packkey(value, fmt):
        return struct.pack("<" + fmt, value)

    return dict(
        SB=strings.bytes_at, SETSTR=strings.set, NEWSTR=strings.new,
        PSTR=lambda data: data.decode("utf-8", "surrogateescape"),
        INTSTRING=lambda r: strings.new(encode_rune(r)),
        BYTESTOSTR=strings.from_bytes, RUNESTOSTR=strings.from_runes,
        STRTOBYTES=strings.to_bytes_slice, STRTORUNES=strings.to_runes_slice,
        DECODERUNE=strings.decoderune,
        SLICECHECK=slicecheck, MAKESLICE=slices.makeslice, GROW=slices.grow,
        APPENDN=slices.append_n, SLICECOPY=slices.copy,
        MAKEMAP=maps.makemap, MAPACCESS=maps.access, MAPASSIGN=maps.assign,
        MAPDELETE=maps.delete, MAPLEN=maps.length, MAPITERINIT=maps.iterinit,
        MAPITERNEXT=maps.iternext, PACKKEY=packkey,
        MAPKEY=lambda addr, desc: normalize(aspace, addr, desc, ifaces.types, hashing=True),
        MEMEQ=lambda a, b, desc: equal(aspace, a, b, desc, ifaces.types),
        IMETHOD=ifaces.method, ASSERT_TYPE=ifaces.assert_type, IFACE_ASSERT=ifaces.assert_iface,
        IFACE_CAN=ifaces.can_assert,
        PKGCALL=lambda g, name, cont: stdlib_abi.call(world, g, STD_FUNCS[name], cont),
        PKGVAR=lambda name, dst: stdlib_abi.write(world, STD_VARS[name].type, dst,
                                                  STD_VARS[name].produce(world)),
    )


def scheduler_ops(world: World) -> dict:
    """Runtime ops that may park: each returns `cont` when done, else switches away."""
    chans = world.chans

    switch = Switch()

    def switcher(g):
        # Returned by an op that parked g: the dispatch loop calls it next, and the
        # exception (raised from one frame deep, a reused instance) leaves the loop.
        raise switch.with_traceback(None)
    world.switcher = switcher

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
        world.goexit0(g)
        return parked(g, cont_pc)

    def newproc(g, entry_pc, args_addr, size, creator, line, fv=0):
        """go f(args): a funcval fv gives the entry pc and becomes the new G's context."""
        if fv:
            entry_pc = world.aspace.load(fv, "q")
        newg = world.newproc(entry_pc, world.aspace.read(args_addr, size), (creator, line))
        newg.ctxt = fv

    def goexit(g):
        if g is world.main_g:
            raise ProgramExit(0)
        world.goexit0(g)
        raise Switch()

    return dict(CHANSEND=chansend, CHANRECV=chanrecv, CLOSECHAN=lambda g, ch: chans.closechan(ch),
                MAKECHAN=lambda g, size, n, ptrs=(): chans.makechan(size, n, ptrs),
                CHANLEN=chans.chanlen, CHANCAP=chans.chancap,
                GOSCHED=gosched, GCOLLECT=gcollect, SLEEP=may_park(world.timers.sleep),
                NUMGOROUTINE=lambda g: len(world.live_goroutines()),
                WGADD=lambda g, addr, n: world.sema.wg_add(addr, n),
                WGDONE=lambda g, addr: world.sema.wg_add(addr, -1),
                WGWAIT=may_park(world.sema.wg_wait), MUTEXLOCK=may_park(world.sema.mutex_lock),
                MUTEXUNLOCK=lambda g, addr: world.sema.mutex_unlock(addr),
                NEWPROC=newproc, GOEXIT=goexit, SELECTGO=selectgo, GOEXITCALL=goexitcall,
                TIMEAFTER=lambda g, d: world.timers.after(d), RWLOCK=may_park(world.sema.rw_lock), RWRLOCK=may_park(world.sema.rw_rlock),
                RWUNLOCK=lambda g, addr: world.sema.rw_unlock(addr),
                RWRUNLOCK=lambda g, addr: world.sema.rw_runlock(addr))


def _words(data: bytes) -> list:
    return [int.from_bytes(data[k:k + 8], "little", signed=True) for k in range(0, len(data), 8)]


def _slice_to_array_pointer(header: bytes, n: int) -> int:
    """(*[n]T)(s): the slice's array, if it has at least n elements (Go 1.17+)."""
    ptr, length, _cap = _words(header)
    if length < n:
        raise P.GoPanic(f"cannot convert slice with length {length} to pointer to array with length {n}",
                        runtime_error=True)
    return ptr


def _print_slice(header: bytes) -> str:
    """println of a slice: [len/cap]0xptr (Go's printslice)."""
    ptr, length, cap = _words(header)
    return f"[{length}/{cap}]{printfmt.format_pointer(ptr)}"


def _print_iface(value: bytes) -> str:
    """println of an interface: (0xtype,0xdata) (Go's printeface)."""
    tab, data = _words(value)
    return f"({printfmt.format_pointer(tab)},{printfmt.format_pointer(data)})"


def _raise(exc):
    raise exc


def _malloc(world, size, name, ptrs):
    return world.malloc(size, name, ptrs)


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
    world.stop_the_world()              # ReadMemStats stops the world, as in Go
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
        out.append(tracebackothers(world, None))
    else:
        out.append("\n" + user_traceback(world, g, g.pc, None))
    world.write_stderr("".join(out))


def tracebackothers(world: World, me, level: int = 1) -> str:
    """Every other goroutine, in allgs order (creation order, as Go keeps them).

    level 2 (a runtime throw: GOTRACEBACK=system) adds the runtime's own
    goroutines (runtime/background.py) and prints runtime frames with their
    fp, sp and pc; level 1 (fatal errors such as a deadlock, runtime.Stack)
    leaves both out.
    """
    out = []
    system = level >= 2
    for gp in world.live_goroutines(system=system):
        if gp is not me:
            out.append("\n" + user_traceback(world, gp, gp.pc, None, with_regs=system,
                                              show_runtime=system, status=_status(gp)))
    return "".join(out)


def _status(g) -> str:
    if g.waitreason:
        return g.waitreason
    return {1: "runnable", 2: "running"}.get(int(g.status), "waiting")


def is_nil_deref(world, g, fault) -> bool:
    """A fault below the first page is Go's nil dereference panic (not a thread's guard)."""
    return fault.addr < MIN_LEGAL_POINTER and not world.thread_model


def report_panic(world: World, g, fatal):
    p = fatal.panic
    world.write_stderr(fatal.header() + "\n" + user_traceback(world, g, p.pc or g.pc, p.line))


def report_fault(world: World, g, pc: int, fault: Fault, tb):
    line = innermost_go_line(world, tb)
    world.emit("fault", g=g.goid, addr=fault.addr, kind=fault.kind, write=fault.write,
               mapping=fault.name, pc=pc, stack_lo=g.stack.lo, stack_hi=g.stack.hi)
    if world.thread_model and fault.addr < g.stack.lo and g.stack.lo - fault.addr < (1 << 30):
        # A fixed stack ran into its guard page: the process dies as a C program does.
        g.stats.note_thread(g, True)
        frames = gentraceback(world.program, _load_word(world), g.pc if pc is None else pc, g.sp, True)
        g.stats.max_depth = sum(1 for fr in frames if fr.func.name != "runtime.goexit")
        world.write_stderr(segfault_line(g.tid, fault.addr, g.stack.lo, g.stack.hi))
        raise ProgramExit(EXIT_SIGSEGV)
    code = 2 if fault.kind == "protection" else 1
    if fault.addr < MIN_LEGAL_POINTER:
        err = P.nil_deref(fault.addr, pc, code)
        world.write_stderr(err.header() + "\n" + user_traceback(world, g, pc, line))
        return
    world.write_stderr(f"unexpected fault address {fault.addr:#x}\nfatal error: fault\n"
                       f"[signal SIGSEGV: segmentation violation code={code:#x} addr={fault.addr:#x} "
                       f"pc={pc:#x}]\n\n" + user_traceback(world, g, pc, line, with_regs=True)
                       + tracebackothers(world, g, level=2))      # throw("fault"): all, system


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
    out.append(tracebackothers(world, g, level=2))         # throw: GOTRACEBACK=system
    world.write_stderr("".join(out))


def report_morestackc(world: World, g, throw):
    """morestackc threw on g's own stack: its frames and throw's sit below the failing
    function's entry SP; the traceback shows them, with fp/sp/pc, as Go 1.19 does."""
    out = [f"fatal error: {throw.msg}\n\ngoroutine {g.goid} [running]:\n"]
    lines = []
    fp = g.sp
    for name, args, path, line, off, size in reversed(throw.frames):
        sp = fp - size
        pc = world.program.text_base + 0x100 + off
        lines.append(f"{name}({args})\n\t{GOROOT}/src/{path}:{line} +{off:#x} fp={fp:#x} "
                     f"sp={sp:#x} pc={pc:#x}\n")
        fp = sp
    out.extend(reversed(lines))
    frames = list(gentraceback(world.program, _load_word(world), g.pc, g.sp, True,
                               limit=TRACEBACK_MAX_FRAMES + 3))
    text = print_goroutine(world.program, g, frames, _load_word(world), None, "running",
                           world.program.source_path, GOROOT, True, True)
    out.append(text.split("\n", 1)[1])          # its header line was printed above
    out.append(tracebackothers(world, g, level=2))
    world.write_stderr("".join(out))
