"""abi: the one table of runtime operations compiled code calls.

Go counterpart: the contract between cmd/compile and the runtime, which Go
keeps in cmd/compile/internal/typecheck/_builtin/runtime.go (the runtime
functions the compiler may call, with their signatures) and in the runtime
packages' exported functions.  Here it is one declared table, OPS: each
entry is one name that the generated Python calls (CHANSEND, MAKESLICE,
MORESTACK, ...), its Go counterpart, whether it may park the goroutine, and
its implementation: a binder that takes the world and returns what the
blocks call.  An entry with a signature is Go-visible: programs call it by
its Go name (time.Sleep, sync.(*Mutex).Lock; a method's receiver pointer
is its first parameter).

Everything else is derived from OPS: the executor's namespace
(vm/bind.py), the checker's runtime package members, METHODS and BLOCKING,
and codegen's RUNTIME_CALLS.  Adding a runtime operation is one entry here;
for example the line

    op("NUMCGOCALL", "runtime.NumCgoCall", lambda world: lambda g: 0, sig([], [T.INT64]))

makes runtime.NumCgoCall a function Go programs can call: the checker
finds it in package runtime, codegen emits NUMCGOCALL(g), the executor
binds it.  (An operation the compiler calls on its own, like CHANSEND, is
also written where codegen emits it: that is its use, not a declaration.)

The standard library is declared in one place too, its registry
(stdlib/registry.py: each function with its Go signature and Python
implementation, registered by @gofunc in its package module).  Compiled
code reaches all of it through one operation, PKGCALL, which dispatches on
the function's qualified name; PACKAGES below merges the registry's
packages with the runtime's Go-visible operations for the checker.

Deliberate differences: arithmetic that amd64 does in one instruction
(IDIVQ with its divide check, CVTTSD2SQ) is an operation here too
(runtime/arith.py), and so are loads and stores through pointers (LD_q,
ST_q, one per memoryview format), which Go compiles to MOVs.
"""

from __future__ import annotations

import struct
from functools import partial
from dataclasses import dataclass
from typing import Callable, Optional

from . import types as T
from .errors import ProgramExit
from .profiles import STACK_PREEMPT
from .runtime import arith
from .runtime import panic as P
from .runtime import printfmt
from .runtime.errors import RuntimeThrow
from .runtime.hashmap import equal, normalize
from .runtime.rt0 import morestack, morestackc
from .runtime.slice import slicecheck
from .runtime.stack import Switch
from .runtime.string import encode_rune
from .stdlib import PACKAGES as STDLIB, GoFunc, PkgVar
from .stdlib import callconv
from .stdlib.runtime_pkg import MEMSTATS
from .stdlib.sync_pkg import MUTEX, RWMUTEX, WAITGROUP
from .stdlib.time_pkg import DURATION, TIME

# Every LOOP_CHECK_EVERY iterations a native loop inside a block calls LOOPCHECK.
LOOP_CHECK_EVERY = 1 << 16


@dataclass(frozen=True)
class Op:
    """One runtime operation: what blocks call by `name`."""

    name: str                               # the name in the generated Python: CHANSEND
    go: str                                 # Go's counterpart: runtime.chansend1
    bind: Callable                          # world -> the value the blocks call
    sig: Optional[T.Signature] = None       # Go-visible: the Go signature of `go`
    parks: bool = False                     # may park g (or move its stack): ends a block

    @property
    def visible(self) -> bool:
        return self.sig is not None


OPS: list[Op] = []


def op(name: str, go: str, bind: Callable, sig: Optional[T.Signature] = None, parks: bool = False):
    OPS.append(Op(name, go, bind, sig, parks))


def sig(params, results=()) -> T.Signature:
    return T.Signature(list(params), list(results))


# ---------------------------------------------------------------- the implementations' glue
#
# A parking operation is called as OP(g, args..., cont, cont_pc): it returns
# `cont` (the next block) when done, else parks g at cont_pc and returns the
# switcher, which the dispatch loop calls next.

_SWITCH = Switch()


def switcher(g):
    """Returned by an op that parked g: raised from one frame deep, a reused instance."""
    raise _SWITCH.with_traceback(None)


def parked(g, cont_pc):
    g.pc = cont_pc
    return switcher


def may_park(park):
    """park(g, arg) -> done: continue with `cont`, or leave g parked at `cont_pc`."""
    def call(g, arg, cont, cont_pc):
        g.pc = cont_pc
        return cont if park(g, arg) else parked(g, cont_pc)
    return call


def may_park2(park):
    """park(g, a, b) -> done, for the channel operations (chansend(ch, elem),
    chanrecv(ch, elem), selectgo(cases, has_default)): continue or park."""
    def call(g, a, b, cont, cont_pc):
        g.pc = cont_pc
        return cont if park(g, a, b) else parked(g, cont_pc)
    return call


def gosched(world):
    def call(g, cont, cont_pc):
        world.gosched(g)
        return parked(g, cont_pc)
    return call


def gcollect(world):
    def call(g, cont, cont_pc):
        g.pc = cont_pc            # g is at a safepoint: its stack can be scanned and moved
        world.gc()
        return cont
    return call


def goexitcall(world):
    def call(g, cont, cont_pc):
        """runtime.Goexit: end this goroutine.  Unlike Go's, its deferred calls
        are dropped, not run (goexit clears g.defer)."""
        if world.stacks.segments is not None:
            world.stacks.segments.unwindstack(g)   # back to its first segment, as goexit0 did
        world.goexit0(g)
        return parked(g, cont_pc)
    return call


def goexit(world):
    def call(g):
        """A goroutine's function returned (goexit1); main's ends the program."""
        if g is world.main_g:
            raise ProgramExit(0)
        world.goexit0(g)
        raise Switch()
    return call


def newproc(world):
    def call(g, entry_pc, args_addr, size, creator, line, fv=0):
        """go f(args): a funcval fv gives the entry pc and becomes the new G's context."""
        if fv:
            entry_pc = world.aspace.load(fv, "q")
        newg = world.newproc(entry_pc, world.aspace.read(args_addr, size), (creator, line))
        newg.ctxt = fv
    return call


def loopcheck(world):
    def call(g, k) -> int:
        """A native loop's periodic check: count its iterations (host limits, sysmon, the
        clock); nonzero asks the outermost loop to stop at its head (codegen.loop_check)."""
        counted = k - world.loop_resume if k > world.loop_resume else k
        world.tick(counted)
        if world.rotating or (g.preempt and world.async_preemption):
            world.loop_resume = LOOP_CHECK_EVERY - 1     # check again at the next iteration
        else:
            world.loop_resume = 0
        return world.loop_resume
    return call


def loopstop(world):
    def call(g, head, head_pc):
        """The outermost native loop stopped at its head with its registers in memory:
        an async preemption there, or the host turning to another P."""
        world.loop_resume = 0
        g.pc = head_pc
        if g.preempt and world.async_preemption:
            world.async_preempt(g, head_pc)
        return switcher
    return call


def readmemstats(world):
    def call(g, addr):
        world.stop_the_world()              # ReadMemStats stops the world, as in Go
        mem = world.stackalloc.memstats()
        heap = world.mheap
        values = {"StackInuse": mem["StackInuse"], "StackSys": mem["StackSys"],
                  "HeapAlloc": heap.heap_alloc, "HeapObjects": heap.heap_objects,
                  "HeapInuse": heap.heap_inuse, "HeapSys": heap.heap_sys, "Alloc": heap.heap_alloc}
        values["Sys"] = values["HeapSys"] + values["StackSys"]
        values["NumGC"] = world.collector.numgc
        values["Mallocs"] = heap.heap_objects
        world.aspace.fill(addr, MEMSTATS.size, 0)
        for field in MEMSTATS.under.fields:
            if field.name in values:
                world.aspace.store(addr + field.offset, "I" if field.type.size == 4 else "Q",
                                   values[field.name])
    return call


def _words(data: bytes) -> list:
    return [int.from_bytes(data[k:k + 8], "little", signed=True) for k in range(0, len(data), 8)]


def slice_to_array_pointer(header: bytes, n: int) -> int:
    """(*[n]T)(s): the slice's array, if it has at least n elements (Go 1.17+)."""
    ptr, length, _cap = _words(header)
    if length < n:
        raise P.GoPanic(f"cannot convert slice with length {length} to pointer to array with length {n}",
                        runtime_error=True)
    return ptr


def print_slice(header: bytes) -> str:
    """println of a slice: [len/cap]0xptr (Go's printslice)."""
    ptr, length, cap = _words(header)
    return f"[{length}/{cap}]{printfmt.format_pointer(ptr)}"


def print_iface(value: bytes) -> str:
    """println of an interface: (0xtype,0xdata) (Go's printeface)."""
    tab, data = _words(value)
    return f"({printfmt.format_pointer(tab)},{printfmt.format_pointer(data)})"


def gopanic(world):
    load = world.aspace.load

    def call(g, addr):
        raise P.UserPanic(load(addr, "q"), load(addr + 8, "q"))
    return call


def panic_index(i, n):
    raise P.index_error(i, n)


def exit_(g, code):
    raise ProgramExit(code)


def print_(world):
    def call(newline, parts):
        world.write_stderr(printfmt.println_text(parts) if newline else printfmt.print_text(parts))
    return call


def packkey(value, fmt):
    return struct.pack("<" + fmt, value)


# Standard-library functions and variables by qualified name (PKGCALL, PKGVAR).
STD_FUNCS = {m.qualname: m for members in STDLIB.values() for m in members.values() if isinstance(m, GoFunc)}
STD_VARS = {m.qualname: m for members in STDLIB.values() for m in members.values() if isinstance(m, PkgVar)}


def pkgcall(world):
    def call(g, name, cont):
        return callconv.call(world, g, STD_FUNCS[name], cont)
    return call


def pkgvar(world):
    def call(name, dst):
        var = STD_VARS[name]
        callconv.write(world, var.type, dst, var.produce(world))
    return call


class BlockTable(dict):
    """pc -> block.  A return through a pc that is no block's is a corrupt return
    address: the runtime throws, as Go's gentraceback does ("unexpected return pc");
    any other missing key stays a KeyError (a bug in the model)."""

    __slots__ = ()

    def __missing__(self, pc):
        raise RuntimeThrow(f"unexpected return pc {pc:#x}")


def _const(value):
    return lambda world: value


# ---------------------------------------------------------------- the table

# Registers and memory: the data segment's views, loads and stores through pointers.
op("STACK_PREEMPT", "runtime.stackPreempt", _const(STACK_PREEMPT))
op("BLK", "the text segment (pc -> block; vm/bind.py fills it)", lambda world: BlockTable())
op("DATA", "runtime.firstmoduledata.data", lambda world: world.data.lo)
VIEWS = (("q", "q"), ("Q", "uq"), ("f", "f32"), ("i", "i32"), ("I", "u32"), ("h", "i16"),
         ("H", "u16"), ("b", "i8"), ("B", "u8"), ("d", "f64"))
for _fmt, _view in VIEWS:
    op(f"G{_view}", "a MOV of a global (the data segment as a memoryview)",
       lambda world, fmt=_fmt: getattr(world.data, fmt))
    op(f"LD_{_fmt}", "a MOV load through a pointer",
       lambda world, fmt=_fmt: (lambda load: lambda a: load(a, fmt))(world.aspace.load))
    op(f"ST_{_fmt}", "a MOV store through a pointer",
       lambda world, fmt=_fmt: (lambda store: lambda a, v: store(a, fmt, v))(world.aspace.store))
op("MOVE", "runtime.memmove", lambda world: world.aspace.copy)
op("FILL", "runtime.memclrNoHeapPointers", lambda world: (lambda fill: lambda a, n: fill(a, n, 0))(world.aspace.fill))
op("RD", "a block copy's load (MOVUPS)", lambda world: world.aspace.read)

# Stacks: the prologue's calls and the model's stack statistics.
op("MORESTACK", "runtime.morestack", lambda world: partial(morestack, world))
op("MORESTACKC", "runtime.morestackc", lambda world: partial(morestackc, world))
op("FORCEMOVE", "runtime.newstack (GODEBUG stackforcemove: copy at every call)",
   lambda world: world.stacks.forcemove)
op("LOWWATER", "none (the thread model's stack commit: a guard-page touch)", lambda world: world.threads.lowwater)
op("LOOPCHECK", "runtime.sysmon/retake's view of a running loop (its back edge)", loopcheck)
op("LOOPSTOP", "runtime.asyncPreempt at a loop head", loopstop)

# Arithmetic (runtime/arith.py).
op("W64", "64-bit wraparound (a register)", _const(arith.wrap64))
op("F32", "CVTSD2SS (round to float32)", _const(arith.round_float32))
op("IDIV", "IDIVQ, runtime.panicdivide", _const(arith.idiv))
op("IMOD", "IDIVQ's remainder, runtime.panicdivide", _const(arith.imod))
op("FDIV", "DIVSD", _const(arith.fdiv))
op("SHL", "SHLQ, runtime.panicshift", _const(arith.shl))
op("SHR", "SARQ/SHRQ, runtime.panicshift", _const(arith.shr))
op("F2I", "CVTTSD2SQ", _const(arith.f2i))

# print and println (runtime/print.go).
op("PRINT", "runtime.printlock ... runtime.printunlock", print_)
op("P_INT", "runtime.printint", _const(printfmt.format_int))
op("P_UINT", "runtime.printuint", _const(printfmt.format_uint))
op("P_FLOAT", "runtime.printfloat", _const(printfmt.format_float))
op("P_BOOL", "runtime.printbool", _const(printfmt.format_bool))
op("P_PTR", "runtime.printpointer", _const(printfmt.format_pointer))
op("P_SLICE", "runtime.printslice", _const(print_slice))
op("P_IFACE", "runtime.printeface", _const(print_iface))
op("PSTR", "runtime.printstring", _const(lambda data: data.decode("utf-8", "surrogateescape")))

# Panics, defers and the process (runtime/panic.go, proc.go).
op("PANIC_INDEX", "runtime.panicIndex", _const(panic_index))
op("SLICE2ARRAYPTR", "runtime.panicSliceConvert", _const(slice_to_array_pointer))
op("GOPANIC", "runtime.gopanic", gopanic)
op("RECOVER", "runtime.gorecover", lambda world: world.panics.gorecover)
op("PANICRETURN", "runtime.gopanic (a deferred call returned)", lambda world: world.panics.panic_return)
op("CALLRETURN", "runtime.reflectcall (the Go function it called returned)",
   lambda world: world.reflectcall.runtime_call_return)
op("EXIT", "runtime.exit", _const(exit_))
op("GOEXIT", "runtime.goexit1", goexit)
op("NEWPROC", "runtime.newproc", newproc)
op("MALLOC", "runtime.mallocgc", lambda world: lambda size, name, ptrs=(): world.malloc(size, name, ptrs))

# Channels and select (runtime/chan.go, select.go).
op("MAKECHAN", "runtime.makechan",
   lambda world: (lambda chans: lambda g, size, n, ptrs=(): chans.makechan(size, n, ptrs))(world.chans))
op("CHANSEND", "runtime.chansend1", lambda world: may_park2(world.chans.chansend), parks=True)
op("CHANRECV", "runtime.chanrecv1, runtime.chanrecv2", lambda world: may_park2(world.chans.chanrecv),
   parks=True)
op("CLOSECHAN", "runtime.closechan", lambda world: (lambda chans: lambda g, ch: chans.closechan(ch))(world.chans))
op("CHANLEN", "runtime.chanlen", lambda world: world.chans.chanlen)
op("CHANCAP", "runtime.chancap", lambda world: world.chans.chancap)
op("SELECTGO", "runtime.selectgo", lambda world: may_park2(world.chans.selectgo), parks=True)

# Strings (runtime/string.go, utf8.go).
op("SB", "runtime.stringStructOf (a string's bytes)", lambda world: world.strings.bytes_at)
op("SETSTR", "a string header's store", lambda world: world.strings.set)
op("NEWSTR", "runtime.rawstring", lambda world: world.strings.new)
op("INTSTRING", "runtime.intstring", lambda world: (lambda new: lambda r: new(encode_rune(r)))(world.strings.new))
op("BYTESTOSTR", "runtime.slicebytetostring", lambda world: world.strings.from_bytes)
op("RUNESTOSTR", "runtime.slicerunetostring", lambda world: world.strings.from_runes)
op("STRTOBYTES", "runtime.stringtoslicebyte", lambda world: world.strings.to_bytes_slice)
op("STRTORUNES", "runtime.stringtoslicerune", lambda world: world.strings.to_runes_slice)
op("DECODERUNE", "runtime.decoderune", lambda world: world.strings.decoderune)

# Slices (runtime/slice.go).
op("SLICECHECK", "runtime.panicSliceAlen and friends", _const(slicecheck))
op("MAKESLICE", "runtime.makeslice", lambda world: world.slices.makeslice)
op("GROW", "runtime.growslice", lambda world: world.slices.grow)
op("APPENDN", "runtime.growslice (append of n elements)", lambda world: world.slices.append_n)
op("SLICECOPY", "runtime.slicecopy", lambda world: world.slices.copy)

# Maps (runtime/map.go, alg.go).
op("MAKEMAP", "runtime.makemap", lambda world: world.maps.makemap)
op("MAPACCESS", "runtime.mapaccess1, runtime.mapaccess2", lambda world: world.maps.access)
op("MAPASSIGN", "runtime.mapassign", lambda world: world.maps.assign)
op("MAPDELETE", "runtime.mapdelete", lambda world: world.maps.delete)
op("MAPLEN", "len(m): the hmap's count", lambda world: world.maps.length)
op("MAPITERINIT", "runtime.mapiterinit", lambda world: world.maps.iterinit)
op("MAPITERNEXT", "runtime.mapiternext", lambda world: world.maps.iternext)
op("PACKKEY", "runtime.memhash's input (a scalar key's bytes)", _const(packkey))
op("MAPKEY", "runtime.typehash (a key's hashed form)",
   lambda world: lambda addr, desc: normalize(world.aspace, addr, desc, world.ifaces.types, hashing=True))
op("MEMEQ", "runtime.memequal, runtime.efaceeq",
   lambda world: lambda a, b, desc: equal(world.aspace, a, b, desc, world.ifaces.types))

# Interfaces (runtime/iface.go).
op("IMETHOD", "itab.fun[i] (an interface method's code)", lambda world: world.ifaces.method)
op("ASSERT_TYPE", "runtime.panicdottypeE", lambda world: world.ifaces.assert_type)
op("IFACE_ASSERT", "runtime.assertE2I", lambda world: world.ifaces.assert_iface)
op("IFACE_CAN", "runtime.assertE2I2", lambda world: world.ifaces.can_assert)

# The standard library (stdlib/registry.py).
op("PKGCALL", "a call of a standard-library function (its Go code)", pkgcall)
op("PKGVAR", "a standard-library package variable's initializer", pkgvar)

# Go-visible: the runtime, time and sync functions programs call by name.
op("GOSCHED", "runtime.Gosched", gosched, sig([]), parks=True)
op("GCOLLECT", "runtime.GC", gcollect, sig([]), parks=True)
op("GOEXITCALL", "runtime.Goexit", goexitcall, sig([]), parks=True)
op("NUMGOROUTINE", "runtime.NumGoroutine",
   lambda world: lambda g: len(world.live_goroutines()), sig([], [T.INT]))
op("READMEMSTATS", "runtime.ReadMemStats", readmemstats, sig([T.Pointer(MEMSTATS)]))
op("SETMAXSTACK", "runtime/debug.SetMaxStack",
   lambda world: (lambda stacks: lambda g, n: stacks.set_max_stack(n))(world.stacks), sig([T.INT], [T.INT]))
op("SLEEP", "time.Sleep", lambda world: may_park(world.timers.sleep), sig([DURATION]), parks=True)
op("TIMEAFTER", "time.After", lambda world: lambda g, d: world.timers.after(d),
   sig([DURATION], [T.Chan(TIME, "recv")]))
_WG, _MU, _RW = T.Pointer(WAITGROUP), T.Pointer(MUTEX), T.Pointer(RWMUTEX)
op("WGADD", "sync.(*WaitGroup).Add", lambda world: lambda g, addr, n: world.sema.wg_add(addr, n), sig([_WG, T.INT]))
op("WGDONE", "sync.(*WaitGroup).Done", lambda world: lambda g, addr: world.sema.wg_add(addr, -1), sig([_WG]))
op("WGWAIT", "sync.(*WaitGroup).Wait", lambda world: may_park(world.sema.wg_wait), sig([_WG]), parks=True)
op("MUTEXLOCK", "sync.(*Mutex).Lock", lambda world: may_park(world.sema.mutex_lock), sig([_MU]), parks=True)
op("MUTEXUNLOCK", "sync.(*Mutex).Unlock", lambda world: lambda g, addr: world.sema.mutex_unlock(addr), sig([_MU]))
op("RWLOCK", "sync.(*RWMutex).Lock", lambda world: may_park(world.sema.rw_lock), sig([_RW]), parks=True)
op("RWUNLOCK", "sync.(*RWMutex).Unlock", lambda world: lambda g, addr: world.sema.rw_unlock(addr), sig([_RW]))
op("RWRLOCK", "sync.(*RWMutex).RLock", lambda world: may_park(world.sema.rw_rlock), sig([_RW]), parks=True)
op("RWRUNLOCK", "sync.(*RWMutex).RUnlock", lambda world: lambda g, addr: world.sema.rw_runlock(addr), sig([_RW]))


# ---------------------------------------------------------------- derived from the table

TABLE: dict[str, Op] = {o.name: o for o in OPS}
assert len(TABLE) == len(OPS), "two runtime operations with one name"


@dataclass(eq=False)
class RuntimeFunc:
    """The checker's symbol for a Go-visible runtime operation (a method: receiver excluded)."""

    qualname: str
    sig: T.Signature


def _split(qualname: str):
    """("sync", "Mutex", "Lock") for sync.(*Mutex).Lock, ("time", None, "Sleep") for time.Sleep."""
    if ".(*" in qualname:
        path, rest = qualname.split(".(*", 1)
        recv, name = rest.split(").", 1)
        return path, recv, name
    path, name = qualname.rsplit(".", 1)
    return path, None, name


# Codegen: the Go name of a Go-visible operation -> the name blocks call.
RUNTIME_CALLS = {o.go: o.name for o in OPS if o.visible}
# Go-visible operations that may park: a call of one ends a block, like a Go call.
BLOCKING = {o.go for o in OPS if o.visible and o.parks}
# The checker's methods of sync's types: Named -> {method: signature without the receiver}.
METHODS: dict = {}
# The checker's packages: the standard library's members and the runtime's functions.
PACKAGES: dict = {}
# Standard-library methods: Named -> {method: GoFunc (receiver first)}.
STD_METHODS: dict = {}

for _o in OPS:
    if not _o.visible:
        continue
    _path, _recv, _name = _split(_o.go)
    if _recv is None:
        PACKAGES.setdefault(_path, {})[_name] = RuntimeFunc(_o.go, _o.sig)
    else:
        METHODS.setdefault(_o.sig.params[0].elem, {})[_name] = T.Signature(
            _o.sig.params[1:], _o.sig.results, _o.sig.variadic)
for _path, _members in STDLIB.items():
    for _name, _member in _members.items():
        if _name == "#methods":
            for _named, _table in _member.items():
                STD_METHODS.setdefault(_named, {}).update(_table)
        elif "(" not in _name:
            assert _name not in PACKAGES.get(_path, {}), f"{_path}.{_name} declared twice"
            PACKAGES.setdefault(_path, {})[_name] = _member
