"""proc: the world a program runs in: G, M, P and the scheduler.

Go counterpart: src/runtime/proc.go (schedinit, newproc/newproc1,
goexit0, gfput/gfget, runqput, findrunnable, schedule, execute, park_m,
goready, gopreempt_m, procresize, stopTheWorld, sysmon's retake, checkdead),
Go 1.19.

World is schedinit's result and the scheduler: it makes the process
(rt0.py: the binary, the main thread's stack, m0 with its g0 and gsignal),
one P per GOMAXPROCS, the main goroutine (a 2 KB heap stack holding a fake
call from runtime.goexit into runtime.main, exactly as newproc1 builds it:
4 words reserved below hi, then the return address), the sysmon M (newm,
runtime.main's first act) and the runtime's own goroutines (background.py).
Its components model the rest of the runtime, each in its own module:
stacks (stack.py), channels (chan.py), the collector (mgc.py), panics
(deferpanic.py), timers (timers.py), semaphores and sync (sema.py), the
thread stack model (threadstacks.py), calls from the runtime into Go
(reflectcall.py) and the statistics (stats.py).

The scheduler is Go's in miniature: GOMAXPROCS Ps (default: the model
machine's CPUs, --cpus, 1 unless asked), each with a local run queue, a
runnext slot, dead Gs kept with their stacks for reuse (gfput/gfget) and a
stack cache; a global run queue; gopark/goready; work stealing by idle Ps;
runtime.GOMAXPROCS resizing allp (procresize); an M (with its own g0)
started for each P when it first has work; and a sysmon that asks a
goroutine running for too long on its P to yield by poisoning its
stackguard0 with stackPreempt.  Every status change goes through
casgstatus (runtime2.py's transition table).  Deliberate difference: the
Ps do not run at the same time; the host runs them one after another, a
slice of PROC_SLICE_STEPS each, switching only where every value is in
memory (between blocks), so everything stays on one host thread and
deterministic: the same program and options give the same schedule.
"""

from __future__ import annotations

import random
import time
from collections import deque

from ..errors import HostLimit
from ..machine.memory import AddressSpace
from ..profiles import (FORCE_PREEMPT_STEPS, MAX_PROCS_HOST, NS_PER_STEP, PROC_SLICE_STEPS,
                        G0_GC_FRAMES, GFREE_LOCAL_MAX, MAX_STACK_DEFAULT, PTR_SIZE,
                        STACK_PREEMPT, STACKGUARD1_USER)
from . import rt0
from .chan import Channels
from .hashmap import Maps
from .deferpanic import Panics
from .iface import Ifaces
from .mgc import Collector
from .background import (after_gc as background_after_gc, gc_bg_mark_start_workers,
                         start_background_goroutines, wanted as background_wanted)
from .reflectcall import RUNTIME_CALL_FRAME, ReflectCall   # noqa: F401 (compiler/link.py reads it here)
from .sema import Sema
from .slice import Slices
from .stats import GStats, Stats
from .string import Strings
from .panic import GoFatal
from .mheap import MHeap
from .runtime2 import G, Gstatus, M, P
from .stack import StackEngine
from .stackalloc import Stack, StackAllocator, new_stackcache
from .threadstacks import NEWPROC_RESERVED, ThreadStacks
from .timers import Timers

SELECT_SEED = 1                        # seed of select's random poll order
NO_SLICE = 1 << 62                     # one P: the host never moves on
FIRST_USER_GOID = 5                    # after the runtime's own goroutines 2, 3 and 4


class World:
    """One running program: memory, heap, stacks, M/P/G, statistics."""

    def __init__(self, program, profile, opts):
        self.program = program
        self.profile = profile
        self.opts = opts
        self.debug = dict(opts.debug or {})
        self.thread_model = opts.stack_model == "thread"
        self.stackdebug = int(self.debug.get("stackdebug", 0) or 0)   # Go's stackDebug levels
        self.max_stack = opts.max_stack if opts.max_stack is not None else \
            profile.max_stack or MAX_STACK_DEFAULT       # (--max-stack, else --set MaxStack)
        self.aspace = AddressSpace()
        self.steps = 0
        # Events: the executor keeps steps exact for them (vm/run.py) only when
        # someone listens; lost_steps are blocks of chunks cut short by a switch.
        self.tracing = opts.on_event is not None
        self.lost_steps = 0
        self.chunk = None
        self.chunk_position = lambda: 0
        self.curg = None
        self.stack_owner = None    # goid a stack is allocated or freed for, when not curg's
        self.started = time.monotonic()
        self.stats = Stats(self)
        self.allgs = []            # every G ever made (a dead G is reused by gfget)
        self.stderr_parts: list[str] = []
        self.stdout_parts: list[str] = []
        rt0.execve(self)
        self.mheap = MHeap(self.aspace, profile)
        self.stackalloc = StackAllocator(self.aspace, self.mheap, profile, _Knobs(self.debug),
                                         self._allocator_event)
        self.ncpu = opts.cpus
        self.allp = [P(k, new_stackcache(profile))
                     for k in range(check_procs(opts.gomaxprocs or opts.cpus))]
        self.p = self.allp[0]              # the P the host is running now
        self.rotating = False              # the host moves on to the next P (multi-P)
        self.async_preemption = profile.async_preemption and not self.debug.get("asyncpreemptoff")
        self.loop_resume = 0               # a native loop's count after a pending check (vm/run.py)
        self.ns_per_step = NS_PER_STEP
        self.stacks = StackEngine(self)
        self.chans = Channels(self)
        self.collector = Collector(self)
        self.strings = Strings(self)
        self.slices = Slices(self)
        self.maps = Maps(self)
        self.ifaces = Ifaces(self, getattr(program, "type_table", {}))
        self.panics = Panics(self)
        self.globrunq: deque = deque()
        self.gfree_global: list = []
        self.midle: list = []              # Ms without a P (after GOMAXPROCS shrank)
        self.timers = Timers(self)
        self.sema = Sema(self)
        self.threads = ThreadStacks(self)
        self.reflectcall = ReflectCall(self)
        self.rng = random.Random(SELECT_SEED)   # select's poll order: deterministic runs
        self.starting_stack = profile.fixed_stack
        self.numgc = 0
        self.next_goid = 1
        self.on_g0 = False                 # running runtime work on m0.g0 (systemstack)
        self.m0 = rt0.mcommoninit(self)
        self.main_g = self.newproc(program.main_entry)
        if not self.thread_model:
            rt0.newm(self, "runtime.sysmon")    # runtime.main's first act, before main.main
        self.p.runnext = None
        # then the runtime's init and gcenable start goroutines 2-4 (background.py)
        self.gc_workers: list = []         # the GC's mark workers, made by the first cycle
        self.background = start_background_goroutines(self)
        self.execute(self.main_g)

    # ------------------------------------------------------------ goroutines (newproc1)

    def newproc(self, entry_pc: int, args: bytes = b"", creator=None, system: bool = False) -> G:
        """runtime.newproc (a `go` statement): newproc1 makes the G, runqput queues it.

        A system goroutine (background.py) is not queued: its maker parks it
        in the frames it writes.
        """
        g = self.newproc1(entry_pc, args, creator, system)
        if not system:
            self.gostart(g)
        return g

    def gostart(self, g: G):
        """The end of newproc: a new G goes to runnext."""
        self.runqput(g, next=True)
        self.emit("gostart", g=g.goid, stack_lo=g.stack.lo, stack_hi=g.stack.hi)

    def newproc1(self, entry_pc: int, args: bytes, creator, system: bool) -> G:
        """A G with a stack and a fake call from goexit into entry_pc.

        As Go did before the register ABI, the arguments are copied to the
        top of the new stack, where the function expects its caller's frame.
        In the thread model every goroutine but main is a thread made by
        pthread_create (threadstacks.py).
        """
        self.stack_owner = self.next_goid      # for the stackalloc events of its stack
        if self.thread_model and self.allgs:
            return self.threads.start_thread(entry_pc, args, creator)
        g = self.gfget() if not self.thread_model else None
        if g is None:
            g = G(0)
            if self.thread_model:       # the main goroutine: the main thread, on [stack]
                g.set_stack(Stack(self.main_stack.lo, self.main_stack.hi), self.main_stack,
                            self.profile.stack_guard)
                g.tid = self.main_task.tid
                self.emit("thread_create", g=self.stack_owner, tid=g.tid, stack_lo=self.main_stack.lo,
                          stack_hi=self.main_stack.hi, guard=0)
            else:
                self.stacks.install(g, self.profile.stack_min)
        self.stack_owner = None
        stk = g.stack
        g.sp = stk.hi - NEWPROC_RESERVED - len(args)
        if args:
            self.aspace.write(g.sp, args)
        g.stktopsp = g.sp
        g.sp -= PTR_SIZE
        self.aspace.store(g.sp, "q", self.program.goexit_pc)
        g.pc = entry_pc
        return self.ready_new_g(g, creator, system)

    def ready_new_g(self, g: G, creator, system: bool = False) -> G:
        """The rest of newproc1: an id, stats, status runnable (not yet queued)."""
        stk = g.stack
        if g.goid == 0:
            g.casgstatus(Gstatus.IDLE, Gstatus.DEAD)      # allgadd: a new G is dead first
            self.allgs.append(g)
        g.goid = self.next_goid
        self.next_goid += 1
        if self.next_goid == 2 and not background_wanted(self):
            # Where the model does not make the runtime's goroutines 2-4 (thread
            # model, go1.2-go1.4), their ids stay taken, so that the first `go`
            # statement makes goroutine 5 as in the Go 1.19 goldens.
            self.next_goid = FIRST_USER_GOID
        g.system = system
        g.stackguard1 = STACKGUARD1_USER
        g.bp = 0
        g.startpc = g.pc
        g.creator = creator
        g.waiting = []
        g.resume_panic = None
        g.forcemove = self.stacks.force_period > 0
        g.casgstatus(Gstatus.DEAD, Gstatus.RUNNABLE)
        g.lowsp = g.sp
        g.stats = GStats(g.goid, stk.size)
        g.stats.tid = g.tid
        self.note_inuse()
        if system:              # the runtime's own: not in the program's goroutine stats
            return g
        self.stats.gstats.append(g.stats)
        self.stats.totals["goroutines_created"] += 1
        return g

    # ------------------------------------------------------------ dead Gs (gfput / gfget)

    def gfput(self, g: G):
        """A dead G keeps its stack for reuse unless the size is not the starting size."""
        if g.stack.size != self.starting_stack:
            self.stacks.stackalloc.stackfree(g.stack, self.p)
            g.stack = None
        local = self.p.gfree
        local.append(g)
        if len(local) >= GFREE_LOCAL_MAX:
            while len(local) > GFREE_LOCAL_MAX // 2:
                self.gfree_global.append(local.pop())

    def gfget(self):
        local = self.p.gfree
        if not local and self.gfree_global:
            while self.gfree_global and len(local) < GFREE_LOCAL_MAX // 2:
                local.append(self.gfree_global.pop())
        if not local:
            return None
        g = local.pop()
        if g.stack is not None and g.stack.size != self.starting_stack:
            self.stacks.stackalloc.stackfree(g.stack, self.p)
            g.stack = None
        if g.stack is None:
            self.stacks.install(g, self.starting_stack)
        else:
            g.set_stack(g.stack, g.mapping, self.profile.stack_guard)
        return g

    # ------------------------------------------------------------ scheduling

    def runqput(self, g: G, next: bool = False):
        p = self.p
        if next:
            old, p.runnext = p.runnext, g
            if old is not None:
                p.runq.append(old)
        else:
            p.runq.append(g)
        if len(self.allp) > 1:
            self.wakep()

    def wakep(self):
        """New work and an idle P: Go wakes an M to steal it.  Here the current P's
        slice ends, so the host turns to the idle P at the next chunk."""
        if any(q.curg is None and not q.has_work() for q in self.allp):
            self.p.slice_end = min(self.p.slice_end, self.p.ran)

    def gopark(self, g: G, reason: str):
        """g stops running until goready: it records why, and park_m parks it."""
        g.waitreason = reason
        self.park_m(g)

    def park_m(self, g: G):
        g.casgstatus(Gstatus.RUNNING, Gstatus.WAITING)
        if self.opts.on_event is not None:
            self.emit("gopark", g=g.goid, reason=g.waitreason)

    def goready(self, g: G):
        g.casgstatus(Gstatus.WAITING, Gstatus.RUNNABLE)
        g.waitreason = ""
        g.param = None
        self.runqput(g, next=True)
        if self.opts.on_event is not None:
            self.emit("goready", g=g.goid)

    def has_runnable(self) -> bool:
        return bool(self.globrunq) or any(p.has_work() for p in self.allp)

    def gosched(self, g: G):
        """goschedImpl (runtime.Gosched, preemption): g to the back of the global run queue."""
        g.casgstatus(Gstatus.RUNNING, Gstatus.RUNNABLE)
        self.globrunq.append(g)

    def gopreempt_m(self, g: G):
        """A preemption request honoured (newstack's stackPreempt, asyncPreempt)."""
        self.gosched(g)

    def async_preempt(self, g: G, pc: int):
        """Go 1.14+: stop g between two blocks (asyncPreempt), back of the global queue.

        Its innermost frame is stopped at an arbitrary pc, scanned with the
        function's full pointer map; as in Go, its stack is not shrunk until
        it runs again.
        """
        g.pc = pc
        g.preempt = False
        g.stackguard0 = g.stack.lo + self.profile.stack_guard
        g.async_safe = True
        self.count("preemptions")
        self.emit("preempt", g=g.goid, kind="async")
        self.gopreempt_m(g)

    def goexit0(self, g: G):
        """g returned from its function (or called runtime.Goexit): dead, its G kept for reuse."""
        g.casgstatus(Gstatus.RUNNING, Gstatus.DEAD)
        g.defer, g.panic, g.calls, g.ctxt = 0, None, [], 0
        g.stats.final_stack = g.stack.size
        g.stats.note_thread(g, self.thread_model)
        self.emit("goexit", g=g.goid)
        if g is not self.main_g and not self.thread_model:
            self.gfput(g)

    def schedule(self) -> G:
        """The M's schedule(): the G that runs next, on this P or (multi-P) the next one.

        The current G has parked, yielded or exited, or (self.rotating) the
        host is moving on to the next P while it keeps running on its own.
        A P looks for work (runnext, local queue, global queue, stealing);
        with several Ps the host runs them one after another, a time slice
        each; when no P finds any, the virtual clock jumps to the next timer,
        and without timers the program is deadlocked.
        """
        if self.mheap.heap_alloc >= self.collector.next_gc:
            self.gc()               # every goroutine is at a safepoint now: a paced cycle
        p, g = self.p, self.curg
        rotated, self.rotating = self.rotating, False
        tried = None
        if rotated and g.status == Gstatus.RUNNING:
            g.async_safe = True     # stopped between blocks, like an async preemption
        else:
            p.curg = None
            if p.ran < p.slice_end:         # (always, with one P)
                g = self.findrunnable(p)
                if g is not None:
                    self.execute(g)
                    return g
                tried = p
        return self.run_next_p(tried)

    def run_next_p(self, tried=None) -> G:
        """Run the next P, from the one after the current one round to it, that has
        a G or finds one (`tried`: a P that has just looked, and found nothing)."""
        while True:
            n = len(self.allp)
            for k in range(1, n + 1):
                p = self.allp[(self.p.id + k) % n]
                if p is tried:
                    continue
                g = p.curg
                if g is None:
                    g = self.findrunnable(p)
                    if g is None:
                        continue
                    self.acquirep(p)
                    self.execute(g)
                else:
                    self.acquirep(p)
                    self.resume(g)
                return g
            tried = None
            if self.timers.pending():
                self.timers.fire()
                continue
            raise self.deadlock()

    def findrunnable(self, p: P):
        p.schedtick += 1
        if p.schedtick % 61 == 0 and self.globrunq:
            return self.globrunq.popleft()      # fairness, as Go checks every 61 ticks
        if p.runnext is not None:
            g, p.runnext = p.runnext, None
            return g
        if p.runq:
            return p.runq.popleft()
        if self.globrunq:
            return self.globrunq.popleft()
        return self.runqsteal(p)

    def runqsteal(self, p: P):
        """An idle P takes half of another P's local queue (its runnext if that is all)."""
        n = len(self.allp)
        for k in range(1, n):
            victim = self.allp[(p.id + k) % n]
            if victim.runq:
                take = (len(victim.runq) + 1) // 2
                stolen = [victim.runq.popleft() for _ in range(take)]
                p.runq.extend(stolen[1:])
                return stolen[0]
            if victim.runnext is not None and victim.curg is not None:
                g, victim.runnext = victim.runnext, None
                return g
        return None

    def acquirep(self, p: P):
        """The host turns to P p and the M that runs it (started on first use)."""
        if p.m is None:
            self.startm(p)
        if p is not self.p:
            self.stats.totals["p_turns"] += 1
        self.p, self.m = p, p.m
        busy = sum(1 for q in self.allp if q.curg is not None) or 1
        self.ns_per_step = NS_PER_STEP // busy      # the Ps run in parallel: time passes once
        p.slice_end = p.ran + PROC_SLICE_STEPS if len(self.allp) > 1 else NO_SLICE

    def startm(self, p: P):
        """An M for P p: an idle one, else a new thread (newm).  In the thread model
        there is no Go runtime: the M is just a CPU, the threads bring their stacks."""
        if self.midle:
            m = self.midle.pop()
        elif self.thread_model:
            m = M(len(self.allm))
            self.allm.append(m)
        else:
            m = rt0.newm(self, "runtime.mstart")
        m.p, p.m = p, m

    def execute(self, g: G):
        p = self.p
        g.casgstatus(Gstatus.RUNNABLE, Gstatus.RUNNING)
        g.preempt = False
        g.async_safe = False
        g.stackguard0 = g.stack.lo + self.profile.stack_guard
        g.m = self.m
        self.loop_resume = 0
        self.curg = self.m.curg = p.curg = g
        p.preempt_at = p.ran + FORCE_PREEMPT_STEPS
        if self.opts.on_event is not None:
            self.emit("execute", g=g.goid, p=p.id, m=self.m.id, resumed=False)

    def resume(self, g: G):
        """A G the host left running on its P (multi-P): it goes on where it stopped."""
        g.async_safe = False
        self.loop_resume = 0
        self.curg = self.m.curg = g
        if self.opts.on_event is not None:
            self.emit("execute", g=g.goid, p=self.p.id, m=self.m.id, resumed=True)

    def rotate_due(self) -> bool:
        """Multi-P: the current P's slice is over and another P has, or may find, work."""
        p = self.p
        if p.ran < p.slice_end or len(self.allp) == 1:
            return False
        if any(q.curg is not None or q.has_work() for q in self.allp if q is not p):
            return True
        return p.has_work() or bool(self.globrunq)

    # ------------------------------------------------------------ GOMAXPROCS (procresize)

    def gomaxprocs(self, n: int) -> int:
        """runtime.GOMAXPROCS: stop the world, resize allp, start the world; the old value."""
        old = len(self.allp)
        if n <= 0 or n == old:
            return old
        check_procs(n)
        self.emit("procresize", g=self.curg.goid, old=old, new=n, p=self.p.id)
        self.stop_the_world()
        self.procresize(n)
        return old

    def procresize(self, n: int):
        """allp grows to n Ps (each with a stack cache) or shrinks, its Gs handed back."""
        old = len(self.allp)
        for k in range(old, n):
            self.allp.append(P(k, new_stackcache(self.profile)))
        for p in self.allp[n:]:
            self.destroyp(p)
        del self.allp[n:]
        if self.p.id >= n:                  # the caller's P is gone: its M takes P0
            p0 = self.allp[0]
            if p0.m is not None:
                p0.m.p = None
                self.midle.append(p0.m)
            self.m.p, p0.m = p0, self.m
            self.p.curg = None
            self.p = p0
            p0.curg = self.curg
            p0.preempt_at = p0.ran + FORCE_PREEMPT_STEPS
        for p in self.allp:
            p.slice_end = p.ran + PROC_SLICE_STEPS if n > 1 else NO_SLICE

    def stop_the_world(self):
        """stopTheWorld: the goroutines running on the other Ps are preempted (at the
        block boundary where the host left them) and queue on the global run queue."""
        for p in self.allp:
            g = p.curg
            if p is not self.p and g is not None:
                p.curg = None
                g.async_safe = True
                self.gosched(g)

    def destroyp(self, p: P):
        """A P beyond the new GOMAXPROCS hands its Gs, dead Gs and stack cache back."""
        if p.runnext is not None:
            self.globrunq.appendleft(p.runnext)
            p.runnext = None
        while p.runq:
            self.globrunq.appendleft(p.runq.popleft())
        self.gfree_global.extend(p.gfree)
        p.gfree = []
        self.stackalloc.stackcache_clear(p)
        if p.m is not None:
            if p.m is not self.m:           # (the caller's M goes on, with P0)
                self.midle.append(p.m)
            p.m.p = None
            p.m = None

    def deadlock(self) -> GoFatal:
        """checkdead: nothing can run.  System goroutines do not count; if no other
        goroutine is left waiting (main called runtime.Goexit), Go says so."""
        if not self.live_goroutines():
            return GoFatal("no goroutines (main called runtime.Goexit) - deadlock!", traceback=False)
        return GoFatal("all goroutines are asleep - deadlock!", all_goroutines=True)

    def live_goroutines(self, system: bool = False) -> list:
        """Goroutines not dead, in allgs order; the runtime's own only if `system`
        (NumGoroutine, the deadlock check and runtime.Stack leave them out)."""
        return [g for g in self.allgs if g.status != Gstatus.DEAD and (system or not g.system)]

    # ------------------------------------------------------------ GC: stack scan and shrink

    def gc(self):
        """runtime.GC(): a full cycle (mgc.py): mark, sweep, scan and shrink stacks, on g0.

        gcStart first makes the mark workers a P lacks; the cycle then wakes
        the background sweeper and scavenger (background.py)."""
        gc_bg_mark_start_workers(self)
        rt0.systemstack(self, G0_GC_FRAMES, self.collector.gc)
        self.numgc = self.collector.numgc
        background_after_gc(self)

    # ------------------------------------------------------------ preemption (sysmon)

    def sysmon(self):
        """A goroutine that ran a whole time slice on its P gets stackguard0 = stackPreempt."""
        p = self.p
        if p.ran >= p.preempt_at and (p.has_work() or self.globrunq):
            g = self.curg
            g.preempt = True
            g.stackguard0 = STACK_PREEMPT
            p.preempt_at = p.ran + FORCE_PREEMPT_STEPS

    # ------------------------------------------------------------ accounting

    # count, note_inuse and note_copy are what the stack code (stack.py,
    # segmented.py) reports to its world; the figures are kept in stats.py.

    def count(self, name: str, n: int = 1):
        self.stats.count(name, n)

    def note_inuse(self):
        self.stats.note_inuse()

    def note_copy(self, g, old, new, used, delta, frames, adjusted, reason, sudogs=0):
        """A copystack finished: statistics, the memory limit, stackDebug, the event."""
        self.stats.note_copy(g, new, used, frames, adjusted, reason)
        self.check_memory()
        if self.stackdebug >= 1:
            self.write_stderr(f"copystack gp=g{g.goid} [{old.lo:#x} {old.hi - used:#x} {old.hi:#x}]"
                              f" -> [{new.lo:#x} {new.hi - used:#x} {new.hi:#x}]/{new.size}\n")
        self.emit("copystack", g=g.goid, reason=reason, old_lo=old.lo, old_hi=old.hi,
                  new_lo=new.lo, new_hi=new.hi, used=used, delta=delta, frames=frames,
                  pointers_adjusted=adjusted, sudogs_adjusted=sudogs,
                  stack_inuse=self.stackalloc.stack_inuse,
                  **(self.stacks.last_walk.fields() if self.stacks.last_walk else {}))

    def step(self) -> int:
        """The exact step count now: blocks dispatched plus loop iterations counted."""
        return self.steps + self.lost_steps + self.chunk_position()

    def emit(self, event: str, **fields):
        """One event (README: "Events"): its name, the goroutine (or None), the step."""
        if self.opts.on_event is not None:
            record = {"event": event, "g": None, "step": self.step()}
            record.update(fields)
            self.opts.on_event(record)

    def _allocator_event(self, name, **fields):
        if self.stackdebug >= 2:
            self.write_stderr(f"{name} {fields.get('size')} [{fields.get('lo', 0):#x}, "
                              f"{fields.get('hi', 0):#x}) from {fields.get('source')}\n")
        owner = self.stack_owner
        if owner is None and self.curg is not None:
            owner = self.curg.goid
        size = fields["size"]
        small = self.stackalloc.is_small(size)
        self.emit(name, g=owner, **fields, order=self.stackalloc.order(size) if small else None,
                  large=not small, stack_inuse=self.mheap.stack_inuse)

    # ------------------------------------------------------------ host limits

    def tick(self, steps: int):
        self.steps += steps
        p = self.p
        p.ran += steps
        timers = self.timers
        timers.now += steps * self.ns_per_step  # the virtual clock also runs with the work done
        if timers.due():
            timers.fire()
        if p.ran >= p.preempt_at:
            self.sysmon()
        if p.ran >= p.slice_end and not self.rotating:
            self.rotating = self.rotate_due()
        opts = self.opts
        if opts.max_steps is not None and self.steps > opts.max_steps:
            raise HostLimit(f"gostack: host limit: more than {opts.max_steps} steps (--max-steps)")
        if opts.timeout is not None and time.monotonic() - self.started > opts.timeout:
            raise HostLimit(f"gostack: host limit: timeout after {opts.timeout:g}s (--timeout)")

    def check_memory(self):
        limit = self.opts.memory_limit
        if limit is not None:
            used = self.stackalloc.stack_inuse + self.mheap.heap_inuse
            if used > limit:
                raise HostLimit(f"gostack: host limit: model memory {used} bytes exceeds "
                                f"--memory-limit {limit}")

    def malloc(self, size: int, name: str, ptrs) -> int:
        """mallocgc: a zeroed heap object, registered with the collector."""
        addr = self.mheap.mallocgc(size, name)
        self.collector.note_alloc(addr, ptrs)
        self.check_memory()
        return addr

    # ------------------------------------------------------------ output

    def write_stderr(self, text: str):
        if self.opts.on_stderr is not None:
            self.opts.on_stderr(text)
        self.stderr_parts.append(text)

    def write_stdout(self, text: str):
        if self.opts.on_stdout is not None:
            self.opts.on_stdout(text)
        self.stdout_parts.append(text)


def check_procs(n: int) -> int:
    if n > MAX_PROCS_HOST:
        raise HostLimit(f"gostack: host limit: GOMAXPROCS {n} is more than {MAX_PROCS_HOST} Ps")
    return n


class _Knobs:
    """The allocator reads debug knobs as attributes."""

    def __init__(self, debug: dict):
        self.debug = debug

    def __getattr__(self, name):
        return bool(self.debug.get(name, 0))


