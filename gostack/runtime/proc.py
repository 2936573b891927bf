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

Only goroutine 1 exists until issue 4 brings `go` statements and the
scheduler; the structures are already Go's so that they can.
"""

from __future__ import annotations

import time

from ..errors import HostLimit
from ..machine.memory import AddressSpace
from ..profiles import (G0_STACK_M0, GSIGNAL_STACK, OS_PAGE_SIZE, PTR_SIZE, RLIMIT_STACK_DEFAULT,
                        MAX_STACK_DEFAULT)
from .mheap import MHeap
from .runtime2 import G, Gstatus, M, P
from .stack import StackEngine
from .stackalloc import StackAllocator, new_stackcache

MAIN_STACK_TOP = 0x7FFFFFFFF000        # top of the main thread's stack (ASLR off)
NEWPROC_RESERVED = 4 * PTR_SIZE        # newproc1 leaves 4 words below stack.hi


class World:
    """One running program: memory, heap, stacks, M/P/G, statistics."""

    def __init__(self, program, profile, opts):
        self.program = program
        self.profile = profile
        self.opts = opts
        self.debug = dict(opts.debug or {})
        self.stackdebug = int(self.debug.get("stackdebug", 0) or 0)   # Go's stackDebug levels
        self.max_stack = opts.max_stack if opts.max_stack is not None else MAX_STACK_DEFAULT
        self.aspace = AddressSpace()
        self.steps = 0
        self.started = time.monotonic()
        self.totals = {"goroutines_created": 0, "grows": 0, "shrinks": 0, "bytes_copied": 0,
                       "preemptions": 0, "stack_inuse_peak": 0, "stack_inuse_final": 0,
                       "copies": 0, "pointers_adjusted": 0}
        self.goroutines = []
        self.stderr_parts: list[str] = []
        self.stdout_parts: list[str] = []
        self.map_binary()
        self.map_main_thread_stack()
        self.mheap = MHeap(self.aspace, profile)
        self.stackalloc = StackAllocator(self.aspace, self.mheap, profile, _Knobs(self.debug),
                                         self._allocator_event)
        self.p = P(0, new_stackcache(profile))
        self.stacks = StackEngine(self)
        self.m0 = self.mcommoninit()
        self.main_g = self.newproc(program.main_entry)

    # ------------------------------------------------------------ process layout

    def map_binary(self):
        prog = self.program
        name = prog.source_path
        self.aspace.map(prog.text_base, _page_round(prog.text_end - prog.text_base), "r-xp", name)
        self.data = self.aspace.map(prog.data_base, _page_round(prog.data_size), "rw-p", name)

    def map_main_thread_stack(self):
        lo = MAIN_STACK_TOP - RLIMIT_STACK_DEFAULT
        self.main_stack = self.aspace.map(lo, RLIMIT_STACK_DEFAULT, "rw-p", "[stack]")

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

    def newproc(self, entry_pc: int) -> G:
        """newproc1: a G with a fresh stack and a fake call from goexit into entry_pc."""
        g = G(len(self.goroutines) + 1)
        stk = self.stacks.install(g, self.profile.stack_min)
        from ..profiles import STACKGUARD1_USER
        g.stackguard1 = STACKGUARD1_USER
        g.sp = stk.hi - NEWPROC_RESERVED
        g.stktopsp = g.sp
        g.sp -= PTR_SIZE
        self.aspace.store(g.sp, "q", self.program.goexit_pc)
        g.pc = entry_pc
        g.startpc = entry_pc
        g.forcemove = self.stacks.force_period > 0
        g.status = Gstatus.RUNNABLE
        g.stats = {"id": g.goid, "initial_stack": stk.size, "max_stack": stk.size,
                   "final_stack": stk.size, "grows": 0, "shrinks": 0, "bytes_copied": 0,
                   "max_depth": 1, "copies": 0}
        self.goroutines.append(g)
        self.totals["goroutines_created"] += 1
        self.m0.curg = g
        g.m = self.m0
        self.note_inuse()
        self.emit("gostart", g=g.goid, stack_lo=stk.lo, stack_hi=stk.hi)
        return g

    # ------------------------------------------------------------ accounting

    def count(self, name: str, n: int = 1):
        self.totals[name] = self.totals.get(name, 0) + n

    def note_inuse(self):
        inuse = self.stackalloc.stack_inuse
        if inuse > self.totals["stack_inuse_peak"]:
            self.totals["stack_inuse_peak"] = inuse

    def note_copy(self, g, old, new, used, delta, frames, adjusted, reason):
        st = g.stats
        st["copies"] += 1
        st["bytes_copied"] += used
        st["final_stack"] = new.size
        st["max_stack"] = max(st["max_stack"], new.size)
        st["max_depth"] = max(st["max_depth"], frames - 1)
        if reason == "grow":
            st["grows"] += 1
            self.totals["grows"] += 1
        elif reason == "shrink":
            st["shrinks"] += 1
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
                  pointers_adjusted=adjusted)

    def emit(self, event: str, **fields):
        if self.opts.on_event is not None:
            record = {"event": event, "step": self.steps}
            record.update(fields)
            self.opts.on_event(record)

    def _allocator_event(self, name, **fields):
        if self.stackdebug >= 2:
            self.write_stderr(f"{name} {fields.get('size')} [{fields.get('lo', 0):#x}, "
                              f"{fields.get('hi', 0):#x}) from {fields.get('source')}\n")
        self.emit(name, **fields)

    # ------------------------------------------------------------ host limits

    def tick(self, steps: int):
        self.steps += steps
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
        for g in self.goroutines:
            g.stats["final_stack"] = g.stack.size
        self.totals["stack_inuse_final"] = self.stackalloc.stack_inuse
        mem = self.stackalloc.memstats()
        return {
            "profile": self.profile.name,
            "stack_model": self.opts.stack_model,
            "exit_code": exit_code,
            "steps": self.steps,
            "goroutines": [dict(g.stats) for g in self.goroutines],
            "totals": dict(self.totals),
            "memstats": {"StackInuse": mem["StackInuse"], "StackSys": mem["StackSys"],
                         "HeapAlloc": self.mheap.heap_alloc, "HeapObjects": self.mheap.heap_objects},
            "maps": self.aspace.maps_text(),
        }


class _Knobs:
    """The allocator reads debug knobs as attributes."""

    def __init__(self, debug: dict):
        self.debug = debug

    def __getattr__(self, name):
        return bool(self.debug.get(name, 0))


def _page_round(n: int) -> int:
    return max(OS_PAGE_SIZE, (n + OS_PAGE_SIZE - 1) // OS_PAGE_SIZE * OS_PAGE_SIZE)
