"""sync's types and sync.Once, and runtime.Stack (Go values the runtime package lacks).

Once.Do(f) calls f, a Go closure, through the runtime's call into Go; `done`
is set before f runs, as Go's deferred store sets it even when f panics.
Deliberate difference: Go holds Once's mutex while f runs, so a second
caller waits for f to finish; here it returns at once (done is already set).
"""

from __future__ import annotations

from .. import types as T
from ..runtime.traceback import tracebackothers, user_traceback
from .callconv import GoCall
from .registry import PACKAGES, gofunc, named_struct, typename

# sync's types keep Go 1.19's sizes.  Their methods (but Once.Do's) are runtime
# operations (gostack/abi.py) that take the receiver pointer first.
WAITGROUP = named_struct("sync", "WaitGroup", [("state1", T.UINT64), ("state2", T.UINT32)])
MUTEX = named_struct("sync", "Mutex", [("state", T.INT32), ("sema", T.UINT32)])
RWMUTEX = named_struct("sync", "RWMutex", [("w", MUTEX), ("writerSem", T.UINT32), ("readerSem", T.UINT32),
                                           ("readerCount", T.INT32), ("readerWait", T.INT32)])
for _name, _type in (("WaitGroup", WAITGROUP), ("Mutex", MUTEX), ("RWMutex", RWMUTEX)):
    typename("sync", _name, _type)
ONCE = named_struct("sync", "Once", [("done", T.UINT32), ("m", T.Array(T.UINT32, 2))])
typename("sync", "Once", ONCE)


@gofunc("sync", "(*Once).Do", [T.Pointer(ONCE), T.Signature([], [])], [])
def once_do(world, once, f):
    if world.aspace.load(once, "I"):
        return
    world.aspace.store(once, "I", 1)
    yield GoCall(world.aspace.load(f, "q"), b"", 0, ctxt=f)


PACKAGES["sync"].setdefault("#methods", {}).setdefault(ONCE, {})["Do"] = PACKAGES["sync"]["(*Once).Do"]


@gofunc("runtime", "Stack", [T.Slice(T.UINT8), T.BOOL], [T.INT])
def stack(world, buf, all_goroutines):
    """runtime.Stack: this goroutine's traceback (and every other one's) into buf."""
    g = world.curg
    text = user_traceback(world, g, world.stdlib_call_pc, None)
    if all_goroutines:
        world.stop_the_world()          # as Go does for all: the others stop (runnable)
        text += tracebackothers(world, g)         # (GOTRACEBACK's default level: no system ones)
    data = text.encode("utf-8", "surrogateescape")[:buf.len]
    if data:
        world.aspace.write(buf.ptr, data)
    return len(data)


@gofunc("runtime", "GOMAXPROCS", [T.INT], [T.INT])
def gomaxprocs(world, n):
    """runtime.GOMAXPROCS: the old number of Ps; n > 0 resizes allp (proc.py procresize)."""
    return world.gomaxprocs(n)


gofunc("runtime", "NumCPU", [], [T.INT])(lambda world: world.ncpu)
