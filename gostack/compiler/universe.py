"""universe: the predeclared names and the standard packages the runtime implements.

Go counterpart: types2/universe.go (the universe scope: bool, int, true, nil,
len, ...) and, for the packages, the export data the gc compiler reads for
runtime, sync and time.  Difference: gostack has no export data; these tables
declare each member's type, and the functions are the runtime's own (RuntimeFunc),
joined by the packages gostack.stdlib implements (_merge_stdlib).  BLOCKING names
the runtime calls that may park the goroutine.
"""

from __future__ import annotations

from .. import types as T
from .symbols import Builtin, Const, RuntimeFunc, TypeName


MEMSTATS = T.Named("MemStats")
MEMSTATS.underlying = T.Struct([T.Field(n, T.UINT64) for n in (
    "Alloc", "TotalAlloc", "Sys", "Lookups", "Mallocs", "Frees", "HeapAlloc", "HeapSys",
    "HeapIdle", "HeapInuse", "HeapReleased", "HeapObjects", "StackInuse", "StackSys",
    "MSpanInuse", "MSpanSys", "MCacheInuse", "MCacheSys", "BuckHashSys", "GCSys",
    "OtherSys", "NextGC", "LastGC", "PauseTotalNs")] + [T.Field("NumGC", T.UINT32)])
MEMSTATS.underlying.layout()
MEMSTATS.name = "MemStats"
MEMSTATS.pkg = "runtime"

def _runtime_struct(name, fields):
    named = T.Named(name, pkg="sync")
    named.underlying = T.Struct([T.Field(n, t) for n, t in fields])
    named.underlying.layout()
    return named


# sync's types keep Go 1.19's sizes; their methods are the runtime's (RuntimeFunc
# with the receiver pointer as first parameter).
WAITGROUP = _runtime_struct("WaitGroup", [("state1", T.UINT64), ("state2", T.UINT32)])
MUTEX = _runtime_struct("Mutex", [("state", T.INT32), ("sema", T.UINT32)])
RWMUTEX = _runtime_struct("RWMutex", [("w", MUTEX), ("writerSem", T.UINT32), ("readerSem", T.UINT32),
                                      ("readerCount", T.INT32), ("readerWait", T.INT32)])
TIME = _runtime_struct("Time", [("wall", T.UINT64), ("ext", T.INT64), ("loc", T.UINTPTR)])
TIME.pkg = "time"
DURATION = T.Named("Duration", T.INT64, pkg="time")
METHODS = {
    WAITGROUP: {"Add": T.Signature([T.INT], []), "Done": T.Signature([], []),
                "Wait": T.Signature([], [])},
    MUTEX: {"Lock": T.Signature([], []), "Unlock": T.Signature([], [])},
    RWMUTEX: {"Lock": T.Signature([], []), "Unlock": T.Signature([], []),
              "RLock": T.Signature([], []), "RUnlock": T.Signature([], [])},
}
STD_METHODS: dict = {}          # stdlib Named type -> {method name: GoFunc (receiver first)}
# Runtime calls that may park the goroutine: they end a block, like a call.
BLOCKING = {"runtime.Gosched", "runtime.GC", "runtime.Goexit", "time.Sleep",
            "sync.(*WaitGroup).Wait", "sync.(*Mutex).Lock", "sync.(*RWMutex).Lock",
            "sync.(*RWMutex).RLock"}

PACKAGES = {
    "runtime": {
        "MemStats": TypeName("runtime.MemStats", MEMSTATS),
        "ReadMemStats": RuntimeFunc("runtime.ReadMemStats",
                                    T.Signature([T.Pointer(MEMSTATS)], [])),
        "Gosched": RuntimeFunc("runtime.Gosched", T.Signature([], [])),
        "Goexit": RuntimeFunc("runtime.Goexit", T.Signature([], [])),
        "GC": RuntimeFunc("runtime.GC", T.Signature([], [])),
        "NumGoroutine": RuntimeFunc("runtime.NumGoroutine", T.Signature([], [T.INT])),
        "GOARCH": Const("runtime.GOARCH", T.UNTYPED_STRING, "amd64"),
        "GOOS": Const("runtime.GOOS", T.UNTYPED_STRING, "linux"),
        "Compiler": Const("runtime.Compiler", T.UNTYPED_STRING, "gc"),
        "Error": TypeName("runtime.Error", T.Named("Error", T.Interface({
            "Error": T.Signature([], [T.STRING]), "RuntimeError": T.Signature([], [])}), pkg="runtime")),
    },
    "sync": {
        "WaitGroup": TypeName("sync.WaitGroup", WAITGROUP),
        "Mutex": TypeName("sync.Mutex", MUTEX),
        "RWMutex": TypeName("sync.RWMutex", RWMUTEX),
    },
    "time": {
        "Duration": TypeName("time.Duration", DURATION),
        "Sleep": RuntimeFunc("time.Sleep", T.Signature([DURATION], [])),
        "Time": TypeName("time.Time", TIME),
        "After": RuntimeFunc("time.After", T.Signature([DURATION], [T.Chan(TIME, "recv")])),
        "Nanosecond": Const("time.Nanosecond", DURATION, 1),
        "Microsecond": Const("time.Microsecond", DURATION, 1000),
        "Millisecond": Const("time.Millisecond", DURATION, 1000_000),
        "Second": Const("time.Second", DURATION, 1000_000_000),
        "Minute": Const("time.Minute", DURATION, 60 * 1000_000_000),
        "Hour": Const("time.Hour", DURATION, 3600 * 1000_000_000),
    },
    "runtime/debug": {
        "SetMaxStack": RuntimeFunc("runtime/debug.SetMaxStack",
                                   T.Signature([T.INT], [T.INT])),
    },
}

BUILTINS = {n: Builtin(n) for n in ("println", "print", "len", "cap", "new", "panic", "make",
                                     "close", "append", "copy", "delete", "recover")}
CONSTS = {"true": Const("true", T.UNTYPED_BOOL, True),
          "false": Const("false", T.UNTYPED_BOOL, False)}


def _merge_stdlib():
    """The standard packages implemented by gostack.stdlib join the runtime's own."""
    from ..stdlib import PACKAGES as stdlib
    for path, members in stdlib.items():
        for name, member in members.items():
            if name == "#methods":
                for named, table in member.items():
                    STD_METHODS.setdefault(named, {}).update(table)
            elif "(" not in name:
                PACKAGES.setdefault(path, {})[name] = member
