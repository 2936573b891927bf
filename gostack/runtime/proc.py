"""proc: the world a program runs in (schedinit, m0, g0, the main goroutine).

Go counterpart: src/runtime/proc.go (schedinit, mcommoninit, malg, newproc1,
runtime.main) and the process start in asm_amd64.s (rt0_go), Go 1.19.

At start the process has: text and data mapped from the binary, the main
thread's OS stack at the top of the address space (RLIMIT_STACK, 8 MiB),
m0 whose g0 runs on the top 64 KB of that OS stack, m0's gsignal with a
32 KB stack from the heap, one P with its stack cache, and the main
goroutine: a 2 KB heap stack holding a fake call from runtime.goexit into
runtime.main, exactly as newproc1 builds it (4 words reserved below hi,
then the return address).

The scheduler is Go's in miniature: one P with a local run queue and a
runnext slot, a global run queue, gopark/goready, dead Gs kept with their
stacks for reuse (gfput/gfget), a virtual clock for time.Sleep, and a sysmon
that asks a goroutine running for too long to yield by poisoning its
stackguard0 with stackPreempt.  Everything runs on one host thread and is
deterministic: the same program and options give the same schedule.
"""

from __future__ import annotations

import heapq
import random
import time
from collections import deque

from ..errors import HostLimit
from ..machine.memory import AddressSpace
from ..profiles import (FORCE_PREEMPT_STEPS, NS_PER_STEP, G0_STACK_M0, GFREE_LOCAL_MAX, GSIGNAL_STACK,
                        MAX_STACK_DEFAULT, OS_PAGE_SIZE, PTR_SIZE, RLIMIT_STACK_DEFAULT,
                        STACK_PREEMPT, STACKGUARD1_USER)
from ..machine.thread import ThreadStacks, committed_bytes
from .chan import Channels
from .mgc import Collector
from .panic import GoFatal, GoPanic
from .mheap import MHeap
from .runtime2 import G, Gstatus, M, P
from .stack import StackEngine
from .stackalloc import Stack, StackAllocator, new_stackcache

MAIN_STACK_TOP = 0x7FFFFFFFF000        # top of the main thread's stack (ASLR off)
NEWPROC_RESERVED = 4 * PTR_SIZE        # newproc1 leaves 4 words below stack.hi
# A goroutine parked in WaitGroup.Wait is inside Go's sync package, whose frames
# a traceback shows above the caller's (Go 1.19 file positions); in the model
# that code is the runtime's, so these frames are printed, not executed.
WAITGROUP_WAIT_FRAMES = (("sync.runtime_Semacquire", "runtime/sema.go", 62),
                         ("sync.(*WaitGroup).Wait", "sync/waitgroup.go", 139))
SELECT_SEED = 1                        # seed of select's random poll order
TIME_SIZE = 24                         # time.Time on amd64 (wall, ext, loc)
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
                       "copies": 0, "pointers_adjusted": 0}
        self.allgs = []            # every G ever made (a dead G is reused by gfget)
        self.gstats = []           # one GStats per goroutine created
        self.stderr_parts: list[str] = []
        self.stdout_parts: list[str] = []
        self.map_binary()
        self.map_main_thread_stack()
        self.mheap = MHeap(self.aspace, profile)
        self.stackalloc = StackAllocator(self.aspace, self.mheap, profile, _Knobs(self.debug),
                                         self._allocator_event)
        self.p = P(0, new_stackcache(profile))
        self.stacks = StackEngine(self)
        self.chans = Channels(self)
        self.collector = Collector(self)
        self.runnext = None
        self.runq: deque = deque()
        self.globrunq: deque = deque()
        self.gfree_local: list = []
        self.gfree_global: list = []
        self.timers: list = []
        self.timer_seq = 0
        self.now = 0                       # virtual nanoseconds (time.Sleep)
        self.sema_waiters: dict = {}       # address of a sync object -> deque of G
        self.rwmutexes: dict = {}          # address of a sync.RWMutex -> RWState
        self.rng = random.Random(SELECT_SEED)   # select's poll order: deterministic runs
        self.schedtick = 0
        self.preempt_at = FORCE_PREEMPT_STEPS
        self.starting_stack = profile.fixed_stack
        self.numgc = 0
        self.next_goid = 1
        self.m0 = self.mcommoninit()
        self.main_g = self.newproc(program.main_entry)
        self.runnext = None
        self.curg = self.main_g

    # ------------------------------------------------------------ process layout

    def map_binary(self):
        prog = self.program
        name = prog.source_path
        self.aspace.map(prog.text_base, _page_round(prog.text_end - prog.text_base), "r-xp", name)
        self.data = self.aspace.map(prog.data_base, _page_round(prog.data_size), "rw-p", name)

    def map_main_thread_stack(self):
        size = self.opts.thread_stack if self.thread_model else RLIMIT_STACK_DEFAULT
        lo = MAIN_STACK_TOP - size
        self.main_stack = self.aspace.map(lo, size, "rw-p", "[stack]")
        if self.thread_model:
            self.threads = ThreadStacks(self.aspace, self.opts.thread_stack)

    def mcommoninit(self) -> M:
        m0 = M(0)
        g0 = G(0)
        hi = MAIN_STACK_TOP - OS_PAGE_SIZE
        lo = hi - G0_STACK_M0
        from .stackalloc import Stack
        g0.stack = Stack(lo, hi)
        g0.stackguard0 = g0.stackguard1 = lo + self.profile.stack_guard
        g0.sp = hi
        m0.g0 = g0
        gsignal = G(-1)
        self.stacks.install(gsignal, GSIGNAL_STACK)
        gsignal.stackguard1 = gsignal.stack.lo + self.profile.stack_guard
        m0.gsignal = gsignal
        m0.p = self.p
        return m0

    def newproc(self, entry_pc: int, args: bytes = b"", creator=None) -> G:
        """newproc1: a G with a stack and a fake call from goexit into entry_pc.

        As Go did before the register ABI, the arguments are copied to the
        top of the new stack, where the function expects its caller's frame.
        """
        self.stack_owner = self.next_goid
        g = self.gfget() if not self.thread_model else None
        if g is None:
            g = G(0)
            stk = self.thread_stack(g) if self.thread_model else \
                self.stacks.install(g, self.profile.stack_min)
        else:
            stk = g.stack
        self.stack_owner = None
        if g.goid == 0:
            self.allgs.append(g)
        g.goid = self.next_goid
        # Go 1.19 starts forcegchelper, bgsweep and bgscavenge (goroutines 2-4)
        # before main.main; the model does not run them (yet), but keeps their
        # ids, so the first `go` statement makes goroutine 5, as in Go.
        self.next_goid = self.next_goid + 1 if self.next_goid != 1 else FIRST_USER_GOID
        g.stackguard1 = STACKGUARD1_USER
        g.sp = stk.hi - NEWPROC_RESERVED - len(args)
        if args:
            self.aspace.write(g.sp, args)
        g.stktopsp = g.sp
        g.sp -= PTR_SIZE
        self.aspace.store(g.sp, "q", self.program.goexit_pc)
        g.bp = 0
        g.pc = entry_pc
        g.startpc = entry_pc
        g.creator = creator
        g.waiting = []
        g.resume_panic = None
        g.forcemove = self.stacks.force_period > 0
        g.status = Gstatus.RUNNABLE
        g.lowsp = g.sp
        g.stats = GStats(g.goid, stk.size)
        self.gstats.append(g.stats)
        self.totals["goroutines_created"] += 1
        g.m = self.m0
        self.runqput(g, next=True)
        self.note_inuse()
        self.emit("gostart", g=g.goid, stack_lo=stk.lo, stack_hi=stk.hi)
        return g

    def thread_stack(self, g: G):
        """Thread model: the main goroutine gets the main thread's stack, others a
        pthread stack (fixed size, guard page below)."""
        if not self.allgs:
            lo, hi, mapping = self.main_stack.lo, self.main_stack.hi, self.main_stack
        else:
            lo, hi, mapping = self.threads.pthread_stack(len(self.allgs) + 1)
        stk = Stack(lo, hi)
        g.set_stack(stk, mapping, self.profile.stack_guard)
        self.emit("thread_create", g=self.stack_owner, tid=len(self.allgs) + 1, stack_lo=lo,
                  stack_hi=hi, guard=OS_PAGE_SIZE if self.allgs else 0)
        return stk

    def lowwater(self, g: G, addr: int):
        """A frame reached a new low on a fixed stack: below lo it touches the guard."""
        if addr < g.stack.lo:
            self.aspace.store(addr, "q", 0)     # faults: guard page or unmapped gap
        g.lowsp = addr

    # ------------------------------------------------------------ dead Gs (gfput / gfget)

    def gfput(self, g: G):
        """A dead G keeps its stack for reuse unless the size is not the starting size."""
        if g.stack.size != self.starting_stack:
            self.stacks.stackalloc.stackfree(g.stack, self.p)
            g.stack = None
        self.gfree_local.append(g)
        if len(self.gfree_local) >= GFREE_LOCAL_MAX:
            while len(self.gfree_local) > GFREE_LOCAL_MAX // 2:
                self.gfree_global.append(self.gfree_local.pop())

    def gfget(self):
        if not self.gfree_local and self.gfree_global:
            while self.gfree_global and len(self.gfree_local) < GFREE_LOCAL_MAX // 2:
                self.gfree_local.append(self.gfree_global.pop())
        if not self.gfree_local:
            return None
        g = self.gfree_local.pop()
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
        if next:
            old, self.runnext = self.runnext, g
            if old is not None:
                self.runq.append(old)
        else:
            self.runq.append(g)

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
        return bool(self.runnext or self.runq or self.globrunq)

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
        g.stats.final_stack = g.stack.size
        g.stats.note_thread(g, self.thread_model)
        self.emit("goexit", g=g.goid)
        if g is not self.main_g and not self.thread_model:
            self.gfput(g)

    def schedule(self) -> G:
        """Find the next goroutine to run (runnext, local, global, timers), or die."""
        if self.mheap.heap_alloc >= self.collector.next_gc:
            self.gc()               # every goroutine is at a safepoint now: a paced cycle
        while True:
            g = self.findrunnable()
            if g is not None:
                self.execute(g)
                return g
            if self.timers:
                self.fire_timers()
                continue
            raise self.deadlock()

    def findrunnable(self):
        self.schedtick += 1
        if self.schedtick % 61 == 0 and self.globrunq:
            return self.globrunq.popleft()      # fairness, as Go checks every 61 ticks
        if self.runnext is not None:
            g, self.runnext = self.runnext, None
            return g
        if self.runq:
            return self.runq.popleft()
        if self.globrunq:
            return self.globrunq.popleft()
        return None

    def execute(self, g: G):
        g.status = Gstatus.RUNNING
        g.preempt = False
        g.async_safe = False
        g.stackguard0 = g.stack.lo + self.profile.stack_guard
        self.curg = self.m0.curg = g
        self.preempt_at = self.steps + FORCE_PREEMPT_STEPS

    def deadlock(self) -> GoFatal:
        if self.main_g.status == Gstatus.DEAD:
            return GoFatal("no goroutines (main called runtime.Goexit) - deadlock!", traceback=False)
        return GoFatal("all goroutines are asleep - deadlock!", all_goroutines=True)

    def live_goroutines(self) -> list:
        return [g for g in self.allgs if g.status != Gstatus.DEAD]

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
        """runtime.GC(): a full cycle (mgc.py): mark, sweep, scan and shrink stacks."""
        self.collector.gc()
        self.numgc = self.collector.numgc

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
        """A goroutine that ran a whole time slice gets stackguard0 = stackPreempt."""
        g = self.curg
        if self.steps >= self.preempt_at and (self.runnext or self.runq or self.globrunq):
            g.preempt = True
            g.stackguard0 = STACK_PREEMPT
            self.preempt_at = self.steps + FORCE_PREEMPT_STEPS

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
                  stack_inuse=self.stackalloc.stack_inuse)

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
        self.now += steps * NS_PER_STEP        # the virtual clock also runs with the work done
        if self.timers and self.timers[0][0] <= self.now:
            self.fire_timers()
        if self.steps >= self.preempt_at:
            self.sysmon()
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
            "goroutines": [st.as_dict() for st in self.gstats],
            "totals": dict(self.totals),
            "memstats": {"StackInuse": mem["StackInuse"], "StackSys": mem["StackSys"],
                         "HeapAlloc": self.mheap.heap_alloc, "HeapObjects": self.mheap.heap_objects},
            "maps": self.aspace.maps_text(),
        }


class RWState:
    """A sync.RWMutex's state, kept at object level by its address."""

    def __init__(self):
        self.readers = 0
        self.writer = False
        self.readers_waiting: deque = deque()
        self.writers_waiting: deque = deque()


class GStats:
    """Per-goroutine stack statistics (the --stats-json "goroutines" entries)."""

    __slots__ = ("id", "initial_stack", "max_stack", "final_stack", "grows", "shrinks",
                 "bytes_copied", "max_depth", "copies", "reserved", "committed")

    def __init__(self, goid: int, size: int):
        self.id = goid
        self.initial_stack = self.max_stack = self.final_stack = size
        self.grows = self.shrinks = self.bytes_copied = self.copies = 0
        self.max_depth = 1
        self.reserved = self.committed = size

    def note_thread(self, g, thread_model: bool):
        """Reserved: the whole stack; committed: pages touched (thread) or the stack (heap)."""
        if thread_model:
            self.reserved = g.stack.size
            self.committed = committed_bytes(g.stack.hi, g.lowsp)
        else:
            self.reserved = self.committed = g.stack.size

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


class _Knobs:
    """The allocator reads debug knobs as attributes."""

    def __init__(self, debug: dict):
        self.debug = debug

    def __getattr__(self, name):
        return bool(self.debug.get(name, 0))


def _page_round(n: int) -> int:
    return max(OS_PAGE_SIZE, (n + OS_PAGE_SIZE - 1) // OS_PAGE_SIZE * OS_PAGE_SIZE)
