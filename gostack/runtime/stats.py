"""stats: stack statistics per goroutine and in total (--stats-json).

Go counterpart: the stack figures of runtime.MemStats (mstats.go:
StackInuse, StackSys) and of the runtime's debug counters; the
per-goroutine figures have no Go counterpart (Go keeps no history of a
goroutine's stack), they are what gostack exists to show.

Totals count what the stack machinery did (grows, shrinks, copies, bytes
copied, pointers adjusted, preemptions, the peak of StackInuse, and with
segmented stacks the segments made and freed); each goroutine (each thread
in the thread model) has a GStats.  `report` freezes it all, with the
memory map and the system stacks, into the plain dict that --stats-json
writes and api.RunResult.stats holds.
"""

from __future__ import annotations

from ..machine.thread import committed_bytes
from .runtime2 import Gstatus


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


class Stats:
    """The world's totals and the GStats of the program's goroutines."""

    def __init__(self, world):
        self.world = world
        self.totals = {"goroutines_created": 0, "grows": 0, "shrinks": 0, "bytes_copied": 0,
                       "preemptions": 0, "stack_inuse_peak": 0, "stack_inuse_final": 0,
                       "copies": 0, "pointers_adjusted": 0, "p_turns": 0}
        self.gstats: list = []         # one GStats per goroutine created

    def count(self, name: str, n: int = 1):
        self.totals[name] = self.totals.get(name, 0) + n

    def note_inuse(self):
        inuse = self.world.stackalloc.stack_inuse
        if inuse > self.totals["stack_inuse_peak"]:
            self.totals["stack_inuse_peak"] = inuse

    def note_copy(self, g, new, used, frames, adjusted, reason):
        """A copystack of g's stack: its GStats and the totals."""
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

    def report(self, exit_code: int) -> dict:
        """The --stats-json document at exit."""
        world = self.world
        for g in world.allgs:
            if g.stack is not None and g.status != Gstatus.DEAD:
                g.stats.final_stack = g.stack.size
                g.stats.note_thread(g, world.thread_model)
        self.totals["stack_inuse_final"] = world.stackalloc.stack_inuse
        mem = world.stackalloc.memstats()
        return {
            "profile": world.profile.name,
            "stack_model": world.opts.stack_model,
            "thread_stack": world.opts.thread_stack if world.thread_model else None,
            "exit_code": exit_code,
            "steps": world.steps,
            "cpus": world.ncpu,
            "gomaxprocs": len(world.allp),
            "goroutines": [st.as_dict() for st in self.gstats],
            "totals": dict(self.totals),
            "memstats": {"StackInuse": mem["StackInuse"], "StackSys": mem["StackSys"],
                         "HeapAlloc": world.mheap.heap_alloc,
                         "HeapObjects": world.mheap.heap_objects},
            "maps": world.aspace.maps_text(),
            "layout": world.layout.describe(),
            "system_stacks": self.system_stacks(),
            "system_goroutines": [{"id": g.goid, "wait_reason": g.waitreason,
                                   "func": world.program.findfunc(g.startpc).name,
                                   "stack_lo": g.stack.lo, "stack_hi": g.stack.hi,
                                   "size": g.stack.size, "used": g.stack.hi - g.sp}
                                  for g in world.allgs if g.system and g.status != Gstatus.DEAD],
        }

    def system_stacks(self) -> list:
        """Each M's g0 and gsignal: bounds, stackguard1, peak use (g0: lowest SP reached)."""
        out = []
        for m in self.world.allm:
            for role in ("g0", "gsignal"):
                g = getattr(m, role)
                if g is None:
                    continue
                out.append({"m": m.id, "tid": m.tid, "role": role, "lo": g.stack.lo,
                            "hi": g.stack.hi, "size": g.stack.size,
                            "stackguard1": g.stackguard1,
                            "peak_used": g.stack.hi - g.lowsp})
        return out
