"""proc: the world a program runs in (schedinit, m0, g0, the main goroutine).

Go counterpart: src/runtime/proc.go (schedinit, mcommoninit, malg, newproc1,
runtime.main) and the process start in asm_amd64.s (rt0_go), Go 1.19.

At start the process has (machine/layout.py): text and bss mapped from the
binary, the vDSO, the main thread's OS stack at the top of the address
space (RLIMIT_STACK, 8 MiB), m0 whose g0 runs on the top 64 KB of that OS
stack, m0's gsignal with a 32 KB stack from the heap, one P with its stack
cache, and the main goroutine: a 2 KB heap stack holding a fake call from
runtime.goexit into runtime.main, exactly as newproc1 builds it (4 words
reserved below hi, then the return address).  Then, as runtime.main does
first, newm makes the sysmon M: its g0 (8 KB, 16 KB from Go 1.22) and
gsignal come from the heap, and the g0 stack is what clone gets as the new
thread's stack.  Runtime work that Go does on g0 (newstack) runs through
`systemstack`, which pushes Go's frames for it onto g0's memory.

In the thread stack model (`--stack-model thread`) there is no Go runtime
underneath, as for a C program: no g0 or gsignal; main runs on the main
thread's stack and every other goroutine is a thread that pthread_create
(machine/thread.py) gives a fixed stack with a guard page.

The scheduler is Go's in miniature: GOMAXPROCS Ps (default: the model
machine's CPUs, --cpus, 1 unless asked), each with a local run queue, a
runnext slot, dead Gs kept with their stacks for reuse (gfput/gfget) and a
stack cache; a global run queue; gopark/goready; work stealing by idle Ps;
runtime.GOMAXPROCS resizing allp as procresize does; an M (with its own g0)
started for each P when it first has work; a virtual clock for time.Sleep;
and a sysmon that asks a goroutine running for too long on its P to yield by
poisoning its stackguard0 with stackPreempt.  Deliberate difference: the Ps
do not run at the same time; the host runs them one after another, a slice
of PROC_SLICE_STEPS each, switching only where every value is in memory
(between blocks), so everything stays on one host thread and deterministic:
the same program and options give the same schedule.
"""

from __future__ import annotations

import heapq
import random
import time
from collections import deque

from ..errors import HostLimit
from ..machine.layout import STACK_TOP, ProcessLayout, binary_name, page_round
from ..machine.memory import AddressSpace, Fault
from ..machine.thread import GO_CLONE_FLAGS, PTHREAD_CLONE_FLAGS, Kernel, committed_bytes
from ..profiles import (FORCE_PREEMPT_STEPS, MAX_PROCS_HOST, NS_PER_STEP, PROC_SLICE_STEPS, G0_GC_FRAMES, G0_MSTART_FRAMES,
                        G0_NEWSTACK_FRAMES,
                        G0_STACK_M0, GFREE_LOCAL_MAX, GSIGNAL_STACK, MAX_STACK_DEFAULT,
                        OS_PAGE_SIZE, PTR_SIZE, RLIMIT_STACK_DEFAULT, STACK_PREEMPT,
                        STACKGUARD1_USER)
from .errors import RuntimeThrow
from .chan import Channels
from .hashmap import Maps
from .deferpanic import Panics
from .iface import Ifaces
from .mgc import Collector
from .background import (after_gc as background_after_gc, gc_bg_mark_start_workers,
                         start_background_goroutines, wanted as background_wanted)
from .slice import Slices
from .string import Strings
from .panic import GoFatal, GoPanic
from .mheap import MHeap
from .runtime2 import G, Gstatus, M, P
from .stack import StackEngine
from .stackalloc import Stack, StackAllocator, new_stackcache

MAIN_STACK_TOP = STACK_TOP             # top of the main thread's stack (ASLR off)
MORESTACKC_THROW = "attempt to execute system stack code on user stack"
# What Go 1.19 prints above the failing function (runtime/panic.go, runtime/stack.go).
MORESTACKC_FRAMES = (("runtime.throw", "{0x0?, 0x0?}", "runtime/panic.go", 1047, 0x5D, 0x30),
                     ("runtime.morestackc", "", "runtime/stack.go", 1437, 0x1F, 0x20))
NEWPROC_RESERVED = 4 * PTR_SIZE        # newproc1 leaves 4 words below stack.hi
RUNTIME_CALL_FRAME = 32                 # bytes of a runtime frame calling Go (args + results)
# A goroutine parked in WaitGroup.Wait is inside Go's sync package, whose frames
# a traceback shows above the caller's (Go 1.19 file positions); in the model
# that code is the runtime's, so these frames are printed, not executed.
WAITGROUP_WAIT_FRAMES = (("sync.runtime_Semacquire", "runtime/sema.go", 62),
                         ("sync.(*WaitGroup).Wait", "sync/waitgroup.go", 139))
SELECT_SEED = 1                        # seed of select's random poll order
TIME_SIZE = 24                         # time.Time on amd64 (wall, ext, loc)
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
        self.max_stack = opts.max_stack if opts.max_stack is not None else MAX_STACK_DEFAULT
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
        self.totals = {"goroutines_created": 0, "grows": 0, "shrinks": 0, "bytes_copied": 0,
                       "preemptions": 0, "stack_inuse_peak": 0, "stack_inuse_final": 0,
                       "copies": 0, "pointers_adjusted": 0, "p_turns": 0}
        self.allgs = []            # every G ever made (a dead G is reused by gfget)
        self.gstats = []           # one GStats per goroutine created
        self.stderr_parts: list[str] = []
        self.stdout_parts: list[str] = []
        self.map_binary()
        self.map_main_thread_stack()
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
        self.timers: list = []
        self.timer_seq = 0
        self.now = 0                       # virtual nanoseconds (time.Sleep)
        self.sema_waiters: dict = {}       # address of a sync object -> deque of G
        self.rwmutexes: dict = {}          # address of a sync.RWMutex -> RWState
        self.rng = random.Random(SELECT_SEED)   # select's poll order: deterministic runs
        self.starting_stack = profile.fixed_stack
        self.numgc = 0
        self.next_goid = 1
        self.on_g0 = False                 # running runtime work on m0.g0 (systemstack)
        self.m0 = self.mcommoninit()
        self.main_g = self.newproc(program.main_entry)
        if not self.thread_model:
            self.newm("runtime.sysmon")    # runtime.main's first act, before main.main
        self.p.runnext = None
        # then the runtime's init and gcenable start goroutines 2-4 (background.py)
        self.gc_workers: list = []         # the GC's mark workers, made by the first cycle
        self.background = start_background_goroutines(self)
        self.execute(self.main_g)

    # ------------------------------------------------------------ process layout

    def map_binary(self):
        """execve: the text and bss segments (machine/layout.py), and the vDSO."""
        rlimit = self.opts.thread_stack if self.thread_model else RLIMIT_STACK_DEFAULT
        self.layout = ProcessLayout(self.aspace, rlimit)
        prog = self.program
        self.data = self.layout.exec_binary(binary_name(prog.source_path), prog.text_end,
                                            prog.data_base, prog.data_size)
        self.layout.exec_vdso()
        rodata = getattr(prog, "rodata", b"")
        if rodata:
            ro = self.aspace.map(prog.rodata_base, page_round(len(rodata)), "rw-p",
                                 binary_name(prog.source_path))
            ro.B[:len(rodata)] = rodata
            ro.perm, ro.writable = "r--p", False

    def map_main_thread_stack(self):
        """The main thread's stack: RLIMIT_STACK (in the thread model, --thread-stack)."""
        self.main_stack = self.layout.exec_stack()
        self.kernel = Kernel(self.aspace, self.layout, self.program.goexit_pc)
        self.main_task = self.kernel.exec_main_thread(self.main_stack)

    def mcommoninit(self) -> M:
        """m0: g0 carved from the top of the main thread's OS stack, gsignal from the heap.

        In the thread model there is no Go runtime below the program, as in a
        C program: main runs on the main thread's stack itself, with no g0.
        """
        m0 = M(0)
        m0.tid = self.main_task.tid
        m0.p, self.p.m = self.p, m0
        self.m = m0                        # the M the host is running now
        self.allm = [m0]
        if self.thread_model:
            return m0
        g0 = G(0)
        hi = MAIN_STACK_TOP - OS_PAGE_SIZE          # below argv, envp and auxv
        lo = hi - G0_STACK_M0
        g0.set_stack(Stack(lo, hi), self.main_stack, self.profile.stack_guard)
        self.system_g(g0, G0_MSTART_FRAMES)
        m0.g0 = g0
        m0.gsignal = self.malg(GSIGNAL_STACK)
        return m0

    def malg(self, size: int, sched_frames=()) -> G:
        """A system G (g0 or gsignal) with a size-byte stack from the Go heap."""
        g = G(0)
        self.stacks.install(g, size)
        self.system_g(g, sched_frames)
        return g

    def system_g(self, g: G, sched_frames):
        """g0 and gsignal: stackguard1 = lo + StackGuard, so system-stack code may run there.

        A g0's saved SP (where systemstack switches to) is below the frames of
        mstart that stay on it for the thread's life."""
        g.stackguard1 = g.stack.lo + self.profile.stack_guard
        g.sp = g.stack.hi - sum(size + PTR_SIZE for size in sched_frames)
        g.lowsp = g.sp

    def newm(self, fn: str) -> M:
        """allocm + newosproc: an M whose g0 stack, from the Go heap, is the thread's only stack.

        runtime.main starts sysmon this way in every Go program; the model's
        sysmon is host code (World.sysmon) that runs on this M's behalf.
        """
        mp = M(len(self.allm))
        mp.g0 = self.malg(self.profile.g0_stack, G0_MSTART_FRAMES)
        mp.gsignal = self.malg(GSIGNAL_STACK)
        task = self.kernel.sys_clone(GO_CLONE_FLAGS, mp.g0.stack.hi, entry=0)
        self.note_inuse()
        mp.tid = task.tid
        mp.startfn = fn
        self.allm.append(mp)
        return mp

    def systemstack(self, frames, fn, *args):
        """Run fn(*args) on the M's g0, with Go's frames for that work pushed on g0's stack.

        The frames (sizes in bytes below each return address) are written as
        a frame-pointer chain into g0's memory, so the system stack's use is
        real memory: its lowest SP is g0's peak, its pages are touched.
        """
        g0 = self.m.g0
        if g0 is None or self.on_g0:
            return fn(*args)                # already on the system stack: just call fn
        saved = g0.sp
        sp, bp = saved, 0
        for size in frames:
            sp -= PTR_SIZE + size           # return address, then the frame
            if sp < g0.stackguard0:
                raise RuntimeThrow("morestack on g0")
            self.aspace.store(sp + size - PTR_SIZE, "q", bp)
            bp = sp + size - PTR_SIZE
        g0.lowsp = min(g0.lowsp, sp)
        g0.sp = sp
        self.on_g0 = True
        try:
            return fn(*args)
        finally:
            g0.sp = saved
            self.on_g0 = False

    def morestack(self, g: G, entry_pc: int):
        """runtime.morestack: switch to g0 and run newstack there."""
        return self.systemstack(G0_NEWSTACK_FRAMES, self.stacks.morestack, g, entry_pc)

    def morestackc(self, g: G, entry_pc: int):
        """A //go:systemstack function's prologue failed its stackguard1 check: on a user
        goroutine (stackguard1 = ~0) that always happens, and Go throws."""
        g.pc = entry_pc
        raise SystemStackOnUserStack(MORESTACKC_THROW)

    def newproc(self, entry_pc: int, args: bytes = b"", creator=None, system: bool = False) -> G:
        """newproc1: a G with a stack and a fake call from goexit into entry_pc.

        As Go did before the register ABI, the arguments are copied to the
        top of the new stack, where the function expects its caller's frame.
        In the thread model every goroutine but main is a thread made by
        pthread_create (start_thread).  A system goroutine (background.py) is
        not queued: its maker parks it in the frames it writes.
        """
        self.stack_owner = self.next_goid      # for the stackalloc events of its stack
        if self.thread_model and self.allgs:
            return self.start_thread(entry_pc, args, creator)
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
        """The rest of newproc1: an id, stats, the run queue (not for system goroutines)."""
        stk = g.stack
        if g.goid == 0:
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
        g.status = Gstatus.RUNNABLE
        g.lowsp = g.sp
        g.stats = GStats(g.goid, stk.size)
        g.stats.tid = g.tid
        self.note_inuse()
        if system:              # the runtime's own: not in the program's goroutine stats
            return g
        self.gstats.append(g.stats)
        self.totals["goroutines_created"] += 1
        self.runqput(g, next=True)
        self.emit("gostart", g=g.goid, stack_lo=stk.lo, stack_hi=stk.hi)
        return g

    # ------------------------------------------------------------ threads (thread model)

    def start_thread(self, entry_pc: int, args: bytes, creator) -> G:
        """`go f(args)` as pthread_create: a fixed stack with a guard page, the call
        frame of f laid out on it (as newproc1 does), and clone starting the thread at f."""
        lo, hi = self.kernel.allocate_stack(self.opts.thread_stack)
        sp = hi - NEWPROC_RESERVED - len(args)
        if args:
            self.aspace.write(sp, args)
        sp -= PTR_SIZE
        self.aspace.store(sp, "q", self.program.goexit_pc)     # f returns into the thread's exit
        task = self.kernel.sys_clone(PTHREAD_CLONE_FLAGS, sp, entry=entry_pc)
        self.emit("thread_create", g=self.stack_owner, tid=task.tid, stack_lo=lo, stack_hi=hi,
                  guard=OS_PAGE_SIZE)
        return self.thread_g(task, creator)

    def clone(self, fn, child_stack: int, flags: int, arg: int = 0) -> int:
        """glibc's clone(fn, child_stack, flags, arg) with fn a compiled Go function
        (name or entry pc) taking one word; returns the new thread's tid."""
        if isinstance(fn, str):
            fn = next((f.entry for f in self.program.funcs if f.name == fn), 0)
        task = self.kernel.clone(fn, child_stack, flags, arg)
        return self.thread_g(task, ("clone", 0)).tid

    def thread_g(self, task, creator) -> G:
        """The G that runs a task: the model's one CPU runs threads as Go runs goroutines."""
        g = G(0)
        g.set_stack(Stack(task.lo, task.hi), task.mapping, self.profile.stack_guard)
        g.tid = task.tid
        g.sp = task.sp
        g.stktopsp = task.sp + PTR_SIZE
        g.pc = task.pc
        return self.ready_new_g(g, creator)

    def lowwater(self, g: G, addr: int):
        """A frame reached a new low on a fixed stack: below lo it touches the guard."""
        if addr < g.stack.lo:
            self.aspace.store(addr, "q", 0)     # faults: guard page or unmapped gap
            # Memory below the stack's mapping that is accessible: Linux would let the
            # frame overwrite it (a stack clash); the model cannot run a frame that
            # straddles two mappings, so it stops at the boundary instead.
            raise Fault(addr, True, "guard", "below the stack mapping (stack clash)")
        g.lowsp = addr

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
        g.status = Gstatus.WAITING
        g.waitreason = reason
        if self.opts.on_event is not None:
            self.emit("gopark", g=g.goid, reason=reason)

    def goready(self, g: G):
        g.status = Gstatus.RUNNABLE
        g.waitreason = ""
        g.param = None
        self.runqput(g, next=True)
        if self.opts.on_event is not None:
            self.emit("goready", g=g.goid)

    def has_runnable(self) -> bool:
        return bool(self.globrunq) or any(p.has_work() for p in self.allp)

    def gosched(self, g: G):
        """Gosched and preemption: g goes to the back of the global run queue."""
        g.status = Gstatus.RUNNABLE
        self.globrunq.append(g)

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
        self.gosched(g)

    def goexit(self, g: G):
        g.status = Gstatus.DEAD
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
            if self.timers:
                self.fire_timers()
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
            self.totals["p_turns"] += 1
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
            m = self.newm("runtime.mstart")
        m.p, p.m = p, m

    def execute(self, g: G):
        p = self.p
        g.status = Gstatus.RUNNING
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
        return old

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

    # ------------------------------------------------------------ time.Sleep on a virtual clock

    def sleep(self, g: G, duration: int) -> bool:
        if duration <= 0:
            return True
        self.add_timer(duration, g)
        self.gopark(g, "sleep")
        return False

    def after(self, duration: int) -> int:
        """time.After: a 1-buffered channel that gets the time when the timer fires."""
        ch = self.chans.makechan(TIME_SIZE, 1)
        self.add_timer(max(duration, 0), ch)
        return ch

    def add_timer(self, duration: int, what):
        self.timer_seq += 1
        heapq.heappush(self.timers, (self.now + duration, self.timer_seq, what))

    def fire_timers(self):
        """Nothing can run: advance the virtual clock to the next timer and fire it."""
        self.now = max(self.now, self.timers[0][0])
        while self.timers and self.timers[0][0] <= self.now:
            what = heapq.heappop(self.timers)[2]
            if isinstance(what, G):
                self.goready(what)
            else:
                self.send_time(what)

    def send_time(self, ch: int):
        c = self.chans.hchan(ch)
        if c.recvq:
            sg = c.recvq.popleft()
            self.chans.write(sg.elem, bytes(TIME_SIZE))
            self.chans.finish(sg, True)
        elif len(c.buf) < c.dataqsiz:
            c.buf.append(bytes(TIME_SIZE))

    # ------------------------------------------------------------ sync: WaitGroup and Mutex

    def wg_add(self, addr: int, delta: int):
        state = self.aspace.load(addr, "Q")
        counter, waiters = (state >> 32) + delta, state & 0xFFFFFFFF
        if counter < 0:
            raise GoPanic("sync: negative WaitGroup counter")
        if counter == 0 and waiters:
            for g in self.sema_waiters.pop(addr, ()):
                self.goready(g)
            waiters = 0
        self.aspace.store(addr, "Q", (counter << 32) | waiters)

    def wg_wait(self, g: G, addr: int) -> bool:
        state = self.aspace.load(addr, "Q")
        if state >> 32 == 0:
            return True
        self.aspace.store(addr, "Q", state + 1)
        self.sema_waiters.setdefault(addr, deque()).append(g)
        self.gopark(g, "semacquire")
        g.param = WAITGROUP_WAIT_FRAMES
        return False

    def mutex_lock(self, g: G, addr: int) -> bool:
        if self.aspace.load(addr, "i") == 0:
            self.aspace.store(addr, "i", 1)
            return True
        self.sema_waiters.setdefault(addr, deque()).append(g)
        self.gopark(g, "sync.Mutex.Lock")
        return False

    def mutex_unlock(self, addr: int):
        if self.aspace.load(addr, "i") == 0:
            raise GoFatal("sync: unlock of unlocked mutex")
        waiters = self.sema_waiters.get(addr)
        if waiters:
            self.goready(waiters.popleft())     # hand the lock over; it stays locked
        else:
            self.aspace.store(addr, "i", 0)

    def rw(self, addr: int) -> "RWState":
        return self.rwmutexes.setdefault(addr, RWState())

    def rw_rlock(self, g: G, addr: int) -> bool:
        st = self.rw(addr)
        if not st.writer and not st.writers_waiting:
            st.readers += 1
            return True
        st.readers_waiting.append(g)
        self.gopark(g, "sync.RWMutex.RLock")
        return False

    def rw_runlock(self, addr: int):
        st = self.rw(addr)
        if st.readers <= 0:
            raise GoFatal("sync: RUnlock of unlocked RWMutex")
        st.readers -= 1
        if st.readers == 0 and st.writers_waiting:
            st.writer = True
            self.goready(st.writers_waiting.popleft())

    def rw_lock(self, g: G, addr: int) -> bool:
        st = self.rw(addr)
        if not st.writer and st.readers == 0:
            st.writer = True
            return True
        st.writers_waiting.append(g)
        self.gopark(g, "sync.RWMutex.Lock")
        return False

    def rw_unlock(self, addr: int):
        st = self.rw(addr)
        if not st.writer:
            raise GoFatal("sync: Unlock of unlocked RWMutex")
        st.writer = False
        if st.readers_waiting:
            while st.readers_waiting:
                st.readers += 1
                self.goready(st.readers_waiting.popleft())
        elif st.writers_waiting:
            st.writer = True
            self.goready(st.writers_waiting.popleft())

    # ------------------------------------------------------------ GC: stack scan and shrink

    def gc(self):
        """runtime.GC(): a full cycle (mgc.py): mark, sweep, scan and shrink stacks, on g0.

        gcStart first makes the mark workers a P lacks; the cycle then wakes
        the background sweeper and scavenger (background.py)."""
        gc_bg_mark_start_workers(self)
        self.systemstack(G0_GC_FRAMES, self.collector.gc)
        self.numgc = self.collector.numgc
        background_after_gc(self)

    def free_dead_stacks(self):
        """markrootFreeGStacks: dead Gs on the global free list give up their stacks."""
        for g in self.gfree_global:
            if g.stack is not None:
                self.stack_owner = g.goid
                self.stacks.stackalloc.stackfree(g.stack, self.p)
                g.stack = None
        self.stack_owner = None

    def adaptive_start(self, scanned: int, total: int) -> int:
        """Go 1.19: the average scanned stack plus StackGuard, as a power of two."""
        if not scanned:
            return self.profile.fixed_stack
        avg = total // scanned + self.profile.stack_guard
        size = self.profile.fixed_stack
        while size < avg and size < self.max_stack:
            size *= 2
        return size

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

    def count(self, name: str, n: int = 1):
        self.totals[name] = self.totals.get(name, 0) + n

    def note_inuse(self):
        inuse = self.stackalloc.stack_inuse
        if inuse > self.totals["stack_inuse_peak"]:
            self.totals["stack_inuse_peak"] = inuse

    def note_copy(self, g, old, new, used, delta, frames, adjusted, reason, sudogs=0):
        st = g.stats
        st.copies += 1
        st.bytes_copied += used
        st.final_stack = new.size
        st.max_stack = max(st.max_stack, new.size)
        st.max_depth = max(st.max_depth, frames - 1)
        if reason == "grow":
            st.grows += 1
            self.totals["grows"] += 1
        elif reason == "shrink":
            st.shrinks += 1
            self.totals["shrinks"] += 1
        self.totals["bytes_copied"] += used
        self.totals["copies"] += 1
        self.totals["pointers_adjusted"] += adjusted
        self.note_inuse()
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
        self.now += steps * self.ns_per_step    # the virtual clock also runs with the work done
        if self.timers and self.timers[0][0] <= self.now:
            self.fire_timers()
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

    def call_go(self, g, entry_pc: int, args: bytes, ctxt: int = 0, ret_pc: int = 0,
                result_size: int = 0, then=None, resume_pc: int = 0):
        """Call a Go function from the runtime on g's stack; returns the block to run.

        Below g's SP the runtime pushes a frame of its own, as Go's gopanic or
        reflectcall have one: a return address into the caller (resume_pc, a
        call site, so stack walks pass through) and RUNTIME_CALL_FRAME bytes
        holding the callee's arguments and results.  The callee returns to
        ret_pc, or to the call-return block, which hands the results to
        then(g, results).  The host keeps only SP distances: the stack may move.
        """
        assert len(args) + result_size <= RUNTIME_CALL_FRAME
        self.aspace.store(g.sp - PTR_SIZE, "q", resume_pc)
        frame_sp = g.sp - PTR_SIZE - RUNTIME_CALL_FRAME
        if args:
            self.aspace.write(frame_sp, args)
        if not ret_pc:
            ret_pc = self.program.runtime_call_return_pc
            g.calls.append((then, -(-len(args) // PTR_SIZE) * PTR_SIZE, result_size))
        self.aspace.store(frame_sp - PTR_SIZE, "q", ret_pc)
        g.sp = frame_sp - PTR_SIZE
        g.ctxt = ctxt
        return self.blocks[self.aspace.load(entry_pc, "q")] if entry_pc < 0 else self.blocks[entry_pc]

    def pop_runtime_frame(self, g) -> int:
        """After the callee returned (SP at the runtime frame): pop it; the frame's SP."""
        frame_sp = g.sp
        g.sp = frame_sp + RUNTIME_CALL_FRAME + PTR_SIZE
        return frame_sp

    def runtime_call_return(self, g):
        then, params, result_size = g.calls.pop()
        results = self.aspace.read(g.sp + params, result_size) if result_size else b""
        self.pop_runtime_frame(g)
        return then(g, results)

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

    # ------------------------------------------------------------ statistics

    def stats(self, exit_code: int) -> dict:
        for g in self.allgs:
            if g.stack is not None and g.status != Gstatus.DEAD:
                g.stats.final_stack = g.stack.size
                g.stats.note_thread(g, self.thread_model)
        self.totals["stack_inuse_final"] = self.stackalloc.stack_inuse
        mem = self.stackalloc.memstats()
        return {
            "profile": self.profile.name,
            "stack_model": self.opts.stack_model,
            "thread_stack": self.opts.thread_stack if self.thread_model else None,
            "exit_code": exit_code,
            "steps": self.steps,
            "cpus": self.ncpu,
            "gomaxprocs": len(self.allp),
            "goroutines": [st.as_dict() for st in self.gstats],
            "totals": dict(self.totals),
            "memstats": {"StackInuse": mem["StackInuse"], "StackSys": mem["StackSys"],
                         "HeapAlloc": self.mheap.heap_alloc, "HeapObjects": self.mheap.heap_objects},
            "maps": self.aspace.maps_text(),
            "layout": self.layout.describe(),
            "system_stacks": self.system_stacks(),
            "system_goroutines": [{"id": g.goid, "wait_reason": g.waitreason,
                                   "func": self.program.findfunc(g.startpc).name,
                                   "stack_lo": g.stack.lo, "stack_hi": g.stack.hi,
                                   "size": g.stack.size, "used": g.stack.hi - g.sp}
                                  for g in self.allgs if g.system and g.status != Gstatus.DEAD],
        }

    def system_stacks(self) -> list:
        """Each M's g0 and gsignal: bounds, stackguard1, peak use (g0: lowest SP reached)."""
        out = []
        for m in self.allm:
            for role in ("g0", "gsignal"):
                g = getattr(m, role)
                if g is None:
                    continue
                out.append({"m": m.id, "tid": m.tid, "role": role, "lo": g.stack.lo,
                            "hi": g.stack.hi, "size": g.stack.size,
                            "stackguard1": g.stackguard1,
                            "peak_used": g.stack.hi - g.lowsp})
        return out


def check_procs(n: int) -> int:
    if n > MAX_PROCS_HOST:
        raise HostLimit(f"gostack: host limit: GOMAXPROCS {n} is more than {MAX_PROCS_HOST} Ps")
    return n


class SystemStackOnUserStack(Exception):
    """morestackc's throw: reported with the runtime frames Go shows (vm/run.py)."""

    frames = MORESTACKC_FRAMES

    def __init__(self, msg: str):
        super().__init__(msg)
        self.msg = msg


class RWState:
    """A sync.RWMutex's state, kept at object level by its address."""

    def __init__(self):
        self.readers = 0
        self.writer = False
        self.readers_waiting: deque = deque()
        self.writers_waiting: deque = deque()


class GStats:
    """Per-goroutine (per-thread) stack statistics (the --stats-json "goroutines" entries).

    reserved: address space held for the stack; committed: memory actually
    used for it (thread model: 4 KiB pages touched; goroutines: the whole heap
    stack, which the allocator hands out committed); peak_stack: the most stack
    bytes the goroutine or thread used (thread: hi - lowest SP; goroutine: the
    largest stack it needed).  tid: the OS thread in the thread model.
    """

    __slots__ = ("id", "initial_stack", "max_stack", "final_stack", "grows", "shrinks",
                 "bytes_copied", "max_depth", "copies", "reserved", "committed", "peak_stack",
                 "tid")

    def __init__(self, goid: int, size: int):
        self.id = goid
        self.initial_stack = self.max_stack = self.final_stack = size
        self.grows = self.shrinks = self.bytes_copied = self.copies = 0
        self.max_depth = 1
        self.reserved = self.committed = size
        self.peak_stack = 0
        self.tid = 0

    def note_thread(self, g, thread_model: bool):
        """Reserved: the whole stack; committed: pages touched (thread) or the stack (heap)."""
        if thread_model:
            self.reserved = g.stack.size
            self.committed = committed_bytes(g.stack.hi, g.lowsp)
            self.peak_stack = g.stack.hi - g.lowsp
        else:
            self.reserved = self.committed = g.stack.size
            self.peak_stack = self.max_stack

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


class _Knobs:
    """The allocator reads debug knobs as attributes."""

    def __init__(self, debug: dict):
        self.debug = debug

    def __getattr__(self, name):
        return bool(self.debug.get(name, 0))


