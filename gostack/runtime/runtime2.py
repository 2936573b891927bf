"""runtime2: the structures G, M, P and Gobuf, with Go's field names.

Go counterpart: src/runtime/runtime2.go (Go 1.19).

A G's first fields are those the compiler and the stack code know:
`stack.lo`/`stack.hi` (the stack is exactly [lo, hi), growing down from
hi), `stackguard0` (what every prologue compares SP with: lo + StackGuard,
or a poison such as stackPreempt), `stackguard1` (~0 on user goroutines).

Deliberate difference, for speed: while a G runs, its SP and BP registers
*are* `g.sp`/`g.bp` (the generated blocks use `g.si`, below, and `g.bp`); while it
does not run, the same fields are its saved `sched.sp`/`sched.bp`.  Only one
goroutine runs at a time in the model, so one copy serves both roles, and
`g.sched` is a view onto them.  The G also caches the memoryviews of its
current stack (q, u8, ...) so blocks can index stack memory directly; they
are replaced together with `stack` by `set_stack`.

SP is held as `si`, its index in the q view (`sp = base + 8 * si`; SP is
always a multiple of 8), and `stackguard0` has its index too, `sgi`.  The
blocks compute with these small ints: an address is a two-digit int in
CPython and every operation on one allocates.  The runtime uses the
properties `sp` and `stackguard0`, which convert; `set_stack` keeps SP's
address when `base` changes.
"""

from __future__ import annotations

from collections import deque

from enum import IntEnum

from ..machine.memory import Mapping
from .stackalloc import Stack


class Gstatus(IntEnum):
    """Goroutine states.  Who owns the stack is what stack copying rests on."""

    IDLE = 0         # just allocated, not yet initialized
    RUNNABLE = 1     # on a run queue; not running user code; stack owned by nobody running
    RUNNING = 2      # running user code on an M with a P; the G owns its stack
    SYSCALL = 3      # in a system call; stack must not move
    WAITING = 4      # parked (channel, sleep); stack owned by whoever readies it, may be scanned
    DEAD = 6         # exited or unused; may have a stack to reuse
    COPYSTACK = 8    # its stack is being moved by newstack/copystack


_TRANSITIONS = {
    (Gstatus.IDLE, Gstatus.RUNNABLE), (Gstatus.DEAD, Gstatus.RUNNABLE),
    (Gstatus.RUNNABLE, Gstatus.RUNNING), (Gstatus.RUNNING, Gstatus.RUNNABLE),
    (Gstatus.RUNNING, Gstatus.WAITING), (Gstatus.WAITING, Gstatus.RUNNABLE),
    (Gstatus.RUNNING, Gstatus.COPYSTACK), (Gstatus.COPYSTACK, Gstatus.RUNNING),
    (Gstatus.RUNNING, Gstatus.DEAD), (Gstatus.RUNNING, Gstatus.SYSCALL),
    (Gstatus.SYSCALL, Gstatus.RUNNING), (Gstatus.IDLE, Gstatus.DEAD),
}


class BadStatus(Exception):
    pass


VIEW_ATTRS = {"q": "q", "uq": "Q", "i32": "i", "u32": "I", "i16": "h", "u16": "H",
              "i8": "b", "u8": "B", "f64": "d", "f32": "f"}


LAZY_VIEWS = tuple(name for name in VIEW_ATTRS if name != "q")


class G:
    __slots__ = ("goid", "stack", "_stackguard0", "sgi", "stackguard1", "si", "bp", "pc",
                 "base", "q", "_views", "status", "m", "waitreason", "stktopsp",
                 "preempt", "forcemove", "startpc", "stats", "mapping",
                 "waiting", "recvok", "resume_panic", "creator", "param", "selected",
                 "async_safe", "lowsp", "tid", "ctxt", "defer", "panic", "calls", "system")

    def __init__(self, goid: int):
        self.goid = goid
        self.stack = Stack(0, 0)
        self._stackguard0 = 0
        self.sgi = 0
        self.stackguard1 = 0
        self.si = 0
        self.bp = 0
        self.pc = 0
        self.base = 0
        self.q = None
        self._views = {}
        self.status = Gstatus.IDLE
        self.m = None
        self.waitreason = ""
        self.stktopsp = 0
        self.preempt = False
        self.forcemove = False
        self.startpc = 0
        self.stats = None
        self.mapping = None
        self.waiting = []          # sudogs this G is parked on (their elem may point into its stack)
        self.recvok = True         # the ok of the last receive (Go passes it through gp.param)
        self.resume_panic = None   # a panic to raise when the G next runs (send on a closed chan)
        self.creator = None        # (function, line) of the go statement; a runtime
                                   # creator adds (file, pc offset)
        self.param = None
        self.selected = -1         # the case a select chose (-1: default)
        self.async_safe = False    # stopped at an async safe point: the stack must not move
        self.lowsp = 0             # thread model, g0: the lowest SP reached (committed pages)
        self.tid = 0               # thread model: the OS thread (task) running this G
        self.ctxt = 0              # the context register: the closure of the function being entered
        self.defer = 0             # the newest defer record (g._defer)
        self.panic = None          # the newest panic (g._panic)
        self.calls = []            # calls the runtime made on this stack, awaiting their return
        self.system = False        # a runtime goroutine (isSystemGoroutine): background.py

    def set_stack(self, stack: Stack, mapping: Mapping, stack_guard: int):
        """Install a stack: bounds, guard and the views blocks index."""
        sp = self.sp
        self.stack = stack
        self.mapping = mapping
        self.base = stack.lo
        self.stackguard0 = stack.lo + stack_guard
        self.q = mapping.q
        self._views = {}
        self.sp = sp

    @property
    def sp(self) -> int:
        """The SP register (the saved sched.sp while g is not running)."""
        return self.base + (self.si << 3)

    @sp.setter
    def sp(self, value: int):
        if value & 7:
            raise ValueError(f"SP {value:#x} is not a multiple of 8")
        self.si = (value - self.base) >> 3

    @property
    def stackguard0(self) -> int:
        return self._stackguard0

    @stackguard0.setter
    def stackguard0(self, value: int):
        # SP <= stackguard0 exactly when si <= sgi (SP is a multiple of 8; a poison
        # such as stackPreempt gives an index larger than any SP's).
        self._stackguard0 = value
        self.sgi = (value - self.base) >> 3



    @property
    def sched(self):
        return Gobuf(self.sp, self.pc, self.bp)

    def casgstatus(self, old: Gstatus, new: Gstatus):
        if self.status != old or (old, new) not in _TRANSITIONS:
            raise BadStatus(f"casgstatus: bad transition {self.status.name} ({old.name}) -> {new.name}")
        self.status = new

    def __repr__(self):
        return f"G{self.goid}[{self.stack.lo:#x}, {self.stack.hi:#x}) sp={self.sp:#x}"


def _lazy_view(name: str, fmt: str):
    """A stack view other than q, made when a block first asks for it.

    (A property rather than __getattr__: a class with __getattr__ loses
    CPython 3.11's fast attribute access for every field, g.sp included.)
    """
    def get(self):
        view = self._views.get(name)
        if view is None:
            view = self._views[name] = getattr(self.mapping, fmt)
        return view
    return property(get)


for _name in LAZY_VIEWS:
    setattr(G, _name, _lazy_view(_name, VIEW_ATTRS[_name]))


class Gobuf:
    __slots__ = ("sp", "pc", "bp")

    def __init__(self, sp, pc, bp):
        self.sp, self.pc, self.bp = sp, pc, bp


class P:
    """A processor: the right to run Go code, with its own run queue, dead Gs and
    stack cache (mcache.stackcache).  gomaxprocs Ps exist; each runs one G at a time
    on the M that holds it."""

    def __init__(self, id: int, stackcache):
        self.id = id
        self.stackcache = stackcache
        self.runnext = None        # the G readied last: runs next, inheriting the time slice
        self.runq: deque = deque()
        self.gfree: list = []      # dead Gs kept for reuse (gfput/gfget)
        self.m = None              # the M running this P
        self.curg = None           # the G running on this P (None: idle)
        self.schedtick = 0
        self.ran = 0               # steps executed on this P
        self.preempt_at = 0        # sysmon's deadline for curg, in this P's steps
        self.slice_end = 1 << 62   # when the host moves on to the next P (multi-P only)

    def has_work(self) -> bool:
        return self.runnext is not None or bool(self.runq)

    def __repr__(self):
        return f"P{self.id}"


class M:
    """An OS thread: g0 is its scheduling stack, curg the user goroutine it runs."""

    def __init__(self, id: int):
        self.id = id
        self.g0 = None
        self.gsignal = None
        self.curg = None
        self.p = None
        self.morebuf = None
        self.tid = 0               # the OS thread (machine/thread.py Task) this M is
        self.startfn = ""          # what newm started it for (runtime.sysmon)
