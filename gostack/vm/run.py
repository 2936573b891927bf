"""run: the executor's dispatch loop.

Go counterpart: none (this is the CPU).  The loop is

    pc = blocks[pc](g)

a block runs Go code between safepoints and returns the next pc; calls and
returns go through return addresses in stack memory, so the loop needs no
call stack of its own and a 10^8-frame Go stack costs the host nothing.
Every CHUNK dispatches (and every LOOP_CHECK_EVERY iterations of a loop
inside a block) the host limits are checked.

The blocks' namespace of runtime operations is bind.py's (from the table in
gostack/abi.py); what a dying program prints is crash.py's.
"""

from __future__ import annotations

import sys

from ..errors import EXIT_GO_PANIC, EXIT_HOST_LIMIT, HostLimit, ProgramExit
from ..machine.memory import Fault
from ..profiles import STACK_PREEMPT
from ..runtime import panic as P
from ..runtime.deferpanic import FatalPanic
from ..runtime.errors import RuntimeThrow
from ..runtime.proc import World
from ..runtime.rt0 import SystemStackOnUserStack
from ..runtime.stack import StackOverflow, Switch
from .bind import bind
from .crash import (innermost_go_line, is_nil_deref, report_fatal, report_fault, report_morestackc,
                    report_overflow, report_panic)

__all__ = ["CHUNK", "bind", "execute"]

CHUNK = 4096
TURNS = CHUNK // 8          # a chunk is TURNS turns of 8 dispatches


# ---------------------------------------------------------------- the loop


def execute(world: World, blocks: dict):
    g = world.main_g            # (World made it the running G of P0)
    f = blocks[g.pc]
    checkinv = bool(world.debug.get("checkinv"))
    async_preemption = world.async_preemption
    tracing = world.tracing and not checkinv      # (checkinv ticks every block: exact already)
    at = Turn()
    if tracing:
        world.chunk_position = lambda: chunk_position(world, at)
    # The chunk's iterator is kept where an event can see how far it got.  A switch
    # does not start a new chunk: the turn it cuts short counts as 8 blocks, so
    # the steps (and the clock, sysmon and host limits) advance however often
    # goroutines switch, the same with or without events.
    world.chunk = turns = iter(range(TURNS))
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
                    if tracing:
                        # The same turns and ticks as below, not unrolled: at.slot says
                        # which dispatch of the turn is running (see chunk_position).
                        while True:
                            for _ in turns:
                                for at.slot in EIGHT:
                                    f = f(g)
                            at.slot = WHOLE
                            world.tick(CHUNK)
                            world.chunk = turns = iter(range(TURNS))
                            if (g.preempt and async_preemption or world.rotating) \
                                    and stop_between_blocks(world, g, f, async_preemption):
                                raise Switch()
                    while True:
                        for _ in turns:                   # unrolled: the loop itself costs per turn
                            f = f(g); f = f(g); f = f(g); f = f(g)
                            f = f(g); f = f(g); f = f(g); f = f(g)
                        world.tick(CHUNK)
                        world.chunk = turns = iter(range(TURNS))
                        if (g.preempt and async_preemption or world.rotating) \
                                and stop_between_blocks(world, g, f, async_preemption):
                            raise Switch()
                except Switch:
                    if tracing:
                        world.lost_steps += at.cut()
                    g = world.schedule()
                    f = blocks[g.pc]
                    if g.resume_panic is not None:
                        err, g.resume_panic = g.resume_panic, None
                        nxt = start_panic(world, g, err, g.pc, None)
                        f = nxt
                except P.GoPanic as err:
                    # (the next block is not assigned by a call: the panicking one has none)
                    if tracing:
                        world.lost_steps += at.cut()
                    nxt = start_panic(world, g, err, _pc(world, g, f), sys.exc_info()[2])
                    f = nxt
                except Fault as fault:
                    pc = _pc(world, g, f)
                    if not is_nil_deref(world, g, fault):
                        raise
                    code = 2 if fault.kind == "protection" else 1
                    if tracing:
                        world.lost_steps += at.cut()
                    nxt = start_panic(world, g, P.nil_deref(fault.addr, pc, code), pc, sys.exc_info()[2])
                    f = nxt
        except BaseException:
            # The run ends inside a chunk: credit the blocks of that partial chunk, so
            # that the events of the crash report carry the exact step.
            if tracing:
                world.lost_steps += chunk_position(world, at)
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


# ---------------------------------------------------------------- exact step numbers
#
# world.steps advances once per CHUNK blocks (and per batch of loop iterations),
# which keeps the dispatch loop free of counting.  An event still gets the exact
# step: when events are subscribed the loop runs its turns not unrolled, with the
# dispatch of the turn in at.slot, and the chunk's iterator says how many turns
# have begun.  A run without events never looks at either.

EIGHT = range(8)
WHOLE = 8                   # at.slot between dispatches: every begun turn counts whole


class Turn:
    """Which dispatch of the current turn is running (WHOLE: none)."""

    __slots__ = ("slot",)

    def __init__(self):
        self.slot = WHOLE

    def cut(self) -> int:
        """The correction when a switch or panic cuts the running turn short: the
        chunk will count that turn as 8 blocks, of which only those before it ran."""
        slot, self.slot = self.slot, WHOLE
        return 0 if slot == WHOLE else slot - 8


def chunk_position(world, at: Turn) -> int:
    """Blocks completed in the current chunk.

    Outside a dispatch (switching goroutines, or between chunks) every turn
    the chunk has begun counts whole: Turn.cut corrected the one cut short.
    """
    if world.chunk is None:
        return 0
    left = world.chunk.__length_hint__()
    if at.slot == WHOLE:
        return 0 if left == 0 else (TURNS - left) * 8    # (0: the chunk is ticked)
    return (TURNS - 1 - left) * 8 + at.slot


# ---------------------------------------------------------------- between blocks


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


def start_panic(world, g, err, pc, tb):
    """gopanic on g: note where it panicked (for the traceback), run the defers."""
    line = innermost_go_line(world, tb) if tb is not None else None
    if isinstance(err, P.UserPanic):
        return world.panics.gopanic(g, None, err.tab, err.data, pc, line)
    return world.panics.gopanic(g, err, pc=pc, line=line)


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
