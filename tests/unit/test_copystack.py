"""Unit tests for gostack.runtime.stack: copystack, adjustframes, newstack, shrinkstack.

Each test builds a goroutine stack by hand, word by word, with the layout the
compiler's code uses (gostack/runtime/symtab.py):

    hi - 32 .. hi      newproc's reserved words (the first function's args)
    hi - 40            return pc into runtime.goexit
    ...                main.main's frame: locals, saved BP at SP+F-8
    entry SP           return pc into main.main (a call site)
    SP+8 ...           the callee's args, in main.main's outgoing area

and then drives the engine the way morestack, a forced move, a preemption
request or the GC's shrink would.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from gostack.machine.memory import AddressSpace, Fault
from gostack.profiles import (MAX_STACK_DEFAULT, PTR_SIZE, STACK_FORCE_MOVE, STACK_PREEMPT,
                              get_profile)
from gostack.runtime.errors import RuntimeThrow
from gostack.runtime.mheap import MHeap
from gostack.runtime.runtime2 import G, Gstatus, P
from gostack.runtime.stack import StackEngine, StackOverflow
from gostack.runtime.stackalloc import StackAllocator, new_stackcache
from gostack.runtime.symtab import CallSite, FuncInfo, Program

KB = 1024
TEXT = 0x401000
HEAP_PTR = 0x7F0000001000           # a pointer that is not into any stack
RESERVED = 32                       # newproc1's words below stack.hi


class Knobs:
    def __init__(self, debug):
        self.debug = debug

    def __getattr__(self, name):
        return bool(self.debug.get(name, 0))


class FakeWorld:
    """What StackEngine needs from a World; copies are recorded as dicts."""

    def __init__(self, program, profile, debug=None, max_stack=MAX_STACK_DEFAULT):
        self.program, self.profile = program, profile
        self.debug = dict(debug or {})
        self.max_stack = max_stack
        self.aspace = AddressSpace()
        self.mheap = MHeap(self.aspace, profile)
        self.stackalloc = StackAllocator(self.aspace, self.mheap, profile, Knobs(self.debug))
        self.p = P(0, new_stackcache(profile))
        self.counts, self.copies, self.events = {}, [], []
        self.opts = SimpleNamespace(on_event=self.events.append)

    def emit(self, event, **fields):
        self.events.append({"event": event, **fields})

    def has_runnable(self):
        return False              # a lone goroutine: preemption requests are dropped

    def count(self, name, n=1):
        self.counts[name] = self.counts.get(name, 0) + n

    def note_copy(self, g, old, new, used, delta, frames, adjusted, reason, sudogs=0):
        self.copies.append(dict(reason=reason, old=old.size, new=new.size, used=used, delta=delta,
                                frames=frames, adjusted=adjusted))


def func(name, k, frame, arg_ptrs=(), local_ptrs=(), sites=None):
    """FuncInfo k (0x100 apart) and its call sites {ret_pc: live_ptrs}."""
    entry = TEXT + 0x100 * k
    info = FuncInfo(name, entry=entry, end=entry + 0x100, frame_size=frame,
                    arg_ptrs=list(arg_ptrs), local_ptrs=list(local_ptrs))
    info.site = entry + 16                      # its (first) call site's return pc
    return info, {ret: CallSite(ret, info, 1, tuple(live)) for ret, live in (sites or {}).items()}


class Machine:
    """A program (goexit, main.main, main.f, main.h, main.leaf, main.nomap) and one goroutine."""

    def __init__(self, profile="go1.10", debug=None, max_stack=MAX_STACK_DEFAULT,
                 stack_size=None, big_frame=40000, main_frame=64):
        self.profile = get_profile(profile)
        self.goexit, _ = func("runtime.goexit", 0, 0)
        # main.main: 32 bytes of outgoing args, then locals; pointer slots at 32, 40 and 48,
        # of which 48 is dead at its call site
        self.main, s1 = func("main.main", 1, main_frame, local_ptrs=(32, 40, 48),
                             sites={TEXT + 0x110: (32, 40) if main_frame >= 56 else ()})
        # main.f(p *T, n int): frame 48, one pointer local at 32
        self.f, s2 = func("main.f", 2, 48, arg_ptrs=(0,), local_ptrs=(32,),
                          sites={TEXT + 0x210: (32,)})
        self.h, _ = func("main.h", 3, 64, arg_ptrs=(0, 8), local_ptrs=(16, 24))
        self.big, _ = func("main.big", 4, big_frame)
        self.leaf, _ = func("main.leaf", 5, 0)
        # main.nomap: its call site has no entry in program.callsites
        self.nomap, _ = func("main.nomap", 6, 48, local_ptrs=(32,))
        funcs = [self.goexit, self.main, self.f, self.h, self.big, self.leaf, self.nomap]
        self.program = Program(funcs=funcs, blocks={}, callsites={**s1, **s2}, block_lines={},
                               block_func={}, goexit_pc=self.goexit.entry,
                               main_entry=self.main.entry)
        self.world = FakeWorld(self.program, self.profile, debug, max_stack)
        self.aspace = self.world.aspace
        self.engine = StackEngine(self.world)
        g = self.g = G(1)
        self.engine.install(g, stack_size or self.profile.stack_min)
        g.sp = g.stack.hi - RESERVED
        g.stktopsp = g.sp
        g.status = Gstatus.RUNNING
        self.call(self.main, self.goexit.entry)

    # -- the generated code's part --------------------------------------------------

    def load(self, addr):
        return self.aspace.load(addr, "q")

    def store(self, addr, value):
        self.aspace.store(addr, "q", value)

    def call(self, fn, ret_pc, args=()):
        """Write args at SP.., CALL: fn is now at its entry (g.pc = fn.entry)."""
        g = self.g
        for k, value in enumerate(args):
            self.store(g.sp + 8 * k, value)
        g.sp -= PTR_SIZE
        self.store(g.sp, ret_pc)
        g.pc = fn.entry

    def enter(self, fn):
        """The rest of fn's prologue: allocate the frame, save BP."""
        g = self.g
        frame = fn.frame_size
        if frame:
            g.sp -= frame
            self.store(g.sp + frame - PTR_SIZE, g.bp)
            g.bp = g.sp + frame - PTR_SIZE

    def grow(self, fn):
        """morestack at fn's entry until its frame fits (the prologue re-checks)."""
        p = self.profile
        while self.g.sp - max(fn.frame_size - p.stack_small, 0) <= self.g.stackguard0:
            self.engine.morestack(self.g, fn.entry)

    # -- reading back ------------------------------------------------------------------

    def words(self, lo, hi):
        return [self.load(a) for a in range(lo, hi, PTR_SIZE)]

    @property
    def used(self):
        return self.g.stack.hi - self.g.sp


# ---------------------------------------------------------------- copystack


def test_copystack_moves_the_used_bytes_to_the_same_distance_below_the_new_hi():
    m = Machine()
    m.enter(m.main)
    for off in (0, 8, 16, 24, 48):                   # scalars (32 and 40 hold pointers), most
        m.store(m.g.sp + off, m.g.sp + off if off % 16 else 0x1234 + off)   # like stack addresses
    m.call(m.leaf, m.main.site)
    old, used = m.g.stack, m.used
    before = m.words(m.g.sp, old.hi)
    m.engine.copystack(m.g, 4 * KB)
    new = m.g.stack
    assert new.size == 4 * KB and new.hi != old.hi
    assert m.g.sp == new.hi - used
    assert m.words(m.g.sp, new.hi) == before         # no live pointer and main's saved BP is 0
    assert m.g.stktopsp == new.hi - RESERVED
    assert m.g.stackguard0 == new.lo + m.profile.stack_guard
    assert (m.g.base, m.g.mapping.lo, m.g.mapping.hi) == (new.lo, new.lo, new.hi)


def test_only_words_the_stack_maps_name_are_adjusted_and_scalars_with_the_same_value_are_not():
    m = Machine()
    m.enter(m.main)
    sp = m.g.sp
    target = sp + 48                                  # a local of main.main
    m.store(sp + 32, target)                          # live pointer at the call site
    m.store(sp + 48, target)                          # a scalar (uintptr) with the same value
    m.call(m.f, m.main.site, args=[target, target])   # f(p *T, n uintptr): only p is a pointer
    old = m.g.stack
    m.engine.copystack(m.g, 4 * KB)
    delta = m.g.stack.hi - old.hi
    sp += delta
    assert m.load(sp + 32) == target + delta
    assert m.load(sp + 48) == target
    assert m.load(sp + 0) == target + delta           # f's pointer argument
    assert m.load(sp + 8) == target                   # f's scalar argument
    assert m.world.copies[-1]["adjusted"] == 2


@pytest.mark.parametrize("where, moves", [
    ("heap", False), ("nil", False), ("one past hi", False), ("below lo", False),
    ("lo", True), ("hi - 8", True),
])
def test_a_pointer_word_moves_exactly_when_it_points_into_the_old_stack(where, moves):
    m = Machine()
    m.enter(m.main)
    stk = m.g.stack
    value = {"heap": HEAP_PTR, "nil": 0, "one past hi": stk.hi, "below lo": stk.lo - 8,
             "lo": stk.lo, "hi - 8": stk.hi - 8}[where]
    m.store(m.g.sp + 40, value)
    m.call(m.leaf, m.main.site)
    sp_off = m.used
    m.engine.copystack(m.g, 4 * KB)
    delta = m.g.stack.hi - stk.hi
    assert m.load(m.g.stack.hi - sp_off + 8 + 40) == value + (delta if moves else 0)


def test_saved_frame_pointers_and_g_bp_follow_the_copy_but_the_outermost_zero_bp_stays_zero():
    m = Machine()
    m.enter(m.main)
    main_bp = m.g.bp
    m.call(m.f, m.main.site, args=[0])
    m.enter(m.f)
    f_sp, f_bp = m.g.sp, m.g.bp
    m.call(m.h, m.f.site, args=[0, 0])
    old = m.g.stack
    m.engine.copystack(m.g, 8 * KB)
    delta = m.g.stack.hi - old.hi
    assert m.g.bp == f_bp + delta
    assert m.load(f_sp + delta + 48 - 8) == main_bp + delta     # f's saved BP
    assert m.load(main_bp + delta) == 0                          # main.main's saved BP
    assert m.world.copies[-1]["frames"] == 4                     # h (at entry), f, main, goexit


def test_a_pointer_slot_dead_at_the_call_site_is_not_adjusted():
    m = Machine()
    m.enter(m.main)
    sp = m.g.sp
    m.store(sp + 40, sp + 16)
    m.store(sp + 48, sp + 16)                         # in local_ptrs, but not live at main.site
    m.call(m.leaf, m.main.site)
    assert 48 in m.main.local_ptrs and 48 not in m.program.callsites[m.main.site].live_ptrs
    m.engine.copystack(m.g, 4 * KB)
    delta = m.world.copies[-1]["delta"]
    assert m.load(sp + delta + 40) == sp + 16 + delta
    assert m.load(sp + delta + 48) == sp + 16


def test_a_suspended_frames_pointer_args_are_adjusted_through_its_own_arg_ptrs():
    m = Machine()
    m.enter(m.main)
    main_sp = m.g.sp
    m.call(m.f, m.main.site, args=[main_sp + 40, main_sp + 40])
    m.enter(m.f)
    m.call(m.leaf, m.f.site)                          # f is suspended, leaf at entry
    m.engine.copystack(m.g, 4 * KB)
    delta = m.world.copies[-1]["delta"]
    assert m.load(main_sp + delta) == main_sp + 40 + delta      # f's p *T
    assert m.load(main_sp + delta + 8) == main_sp + 40          # f's n uintptr


def test_a_return_pc_without_a_call_site_falls_back_to_the_functions_local_ptrs():
    m = Machine()
    m.enter(m.main)
    m.call(m.nomap, m.main.site)
    m.enter(m.nomap)
    sp = m.g.sp
    m.store(sp + 32, sp + 40)
    m.call(m.leaf, m.nomap.entry + 16)                # not in program.callsites
    assert m.nomap.entry + 16 not in m.program.callsites
    m.engine.copystack(m.g, 4 * KB)
    delta = m.world.copies[-1]["delta"]
    assert m.load(sp + delta + 32) == sp + 40 + delta


def test_the_frame_stopped_at_entry_has_only_its_args_adjusted_and_nothing_below_sp_is_copied():
    m = Machine()
    m.enter(m.main)
    local = m.g.sp + 40
    m.call(m.h, m.main.site, args=[local, HEAP_PTR])
    # garbage below SP where h's frame will go, including its "pointer" slots
    for off in range(8, 72, 8):
        m.store(m.g.sp - off, local)
    old = m.g.stack
    m.engine.copystack(m.g, 4 * KB)
    delta = m.g.stack.hi - old.hi
    assert m.load(m.g.sp + 8) == local + delta
    assert m.load(m.g.sp + 16) == HEAP_PTR
    assert m.words(m.g.stack.lo, m.g.sp) == [0] * ((m.g.sp - m.g.stack.lo) // 8)


@pytest.mark.parametrize("debug, kind", [({}, "unmapped"), ({"stackpoisoncopy": 1}, "unmapped"),
                                         ({"stackfaultonfree": 1}, "guard"),
                                         ({"stackpoisoncopy": 1, "stackfaultonfree": 1}, "guard")])
def test_the_old_stack_faults_after_a_copy(debug, kind):
    m = Machine(debug=debug)
    old = m.g.stack
    m.engine.copystack(m.g, 4 * KB)
    for addr in (old.lo, m.g.sp - m.g.stack.hi + old.hi, old.hi - 8):
        with pytest.raises(Fault) as info:
            m.load(addr)
        assert info.value.kind == kind


def test_the_old_stack_goes_back_to_the_allocator_and_stack_inuse_counts_spans():
    m = Machine()
    for size in (4 * KB, 8 * KB, 64 * KB, 2 * KB):
        m.engine.copystack(m.g, size)
        spans = [s for s in m.world.mheap.spans() if s.state == "stack"]
        assert m.world.stackalloc.stack_inuse == sum(s.size for s in spans)
    assert m.world.stackalloc.counts["stackfree"] == {"cache": 3, "pool": 0, "span": 1, "large": 0}


# ---------------------------------------------------------------- newstack: growth


def test_go1_10_grows_by_strict_doubling_2K_4K_8K_16K():
    m = Machine("go1.10", main_frame=256)
    m.enter(m.main)
    for _ in range(40):                               # main.main recursing
        m.call(m.main, m.main.site)
        m.grow(m.main)
        m.enter(m.main)
    sizes = [c["new"] for c in m.world.copies]
    assert sizes[:3] == [4 * KB, 8 * KB, 16 * KB]
    assert all(b == 2 * a for a, b in zip([2 * KB] + sizes, sizes))
    assert {c["reason"] for c in m.world.copies} == {"grow"}


def test_go1_19_a_40000_byte_frame_on_a_2K_stack_grows_straight_to_64K():
    m = Machine("go1.19")
    m.engine.morestack(m.g, m.big.entry)              # main.big's check fails at its entry
    assert [c["new"] for c in m.world.copies] == [64 * KB]
    assert m.g.sp - (40000 - m.profile.stack_small) > m.g.stackguard0   # the check now passes


def test_go1_10_needs_five_doublings_for_the_same_frame():
    m = Machine("go1.10")
    m.grow(m.big)
    assert [c["new"] for c in m.world.copies] == [4 * KB, 8 * KB, 16 * KB, 32 * KB, 64 * KB]


def test_growth_emits_a_morestack_event_and_counts_no_preemption():
    m = Machine("go1.10")
    m.engine.morestack(m.g, m.big.entry)
    assert m.world.events[0]["event"] == "morestack"
    assert m.world.events[0]["func"] == "main.big"
    assert "preemptions" not in m.world.counts


def test_a_forced_move_keeps_the_size_changes_the_address_and_is_not_a_grow():
    m = Machine("go1.19")
    old = m.g.stack
    m.g.stackguard0 = STACK_FORCE_MOVE
    m.engine.morestack(m.g, m.main.entry)
    assert m.g.stack.size == old.size and m.g.stack.lo != old.lo
    assert m.world.copies[-1]["reason"] == "forcemove"
    assert m.g.stackguard0 == m.g.stack.lo + m.profile.stack_guard


def test_stackforcemove_n_moves_the_stack_at_every_nth_check():
    m = Machine("go1.10", debug={"stackforcemove": 3})
    for _ in range(9):
        m.engine.forcemove(m.g, m.main.entry)
    assert [c["reason"] for c in m.world.copies] == ["forcemove"] * 3
    assert m.g.stack.size == 2 * KB


def test_a_preemption_request_is_dropped_without_a_copy_and_the_guard_is_restored():
    m = Machine("go1.10")
    old = m.g.stack
    m.g.stackguard0 = STACK_PREEMPT
    m.engine.morestack(m.g, m.main.entry)
    assert m.world.copies == [] and m.g.stack == old
    assert m.world.counts["preemptions"] == 1
    assert m.g.stackguard0 == old.lo + m.profile.stack_guard


def test_newstack_returns_the_goroutine_to_running():
    m = Machine("go1.10")
    m.engine.morestack(m.g, m.big.entry)
    assert m.g.status == Gstatus.RUNNING


def test_an_unknown_return_pc_in_the_walk_throws():
    m = Machine("go1.10")
    m.store(m.g.sp, 0xDEAD)                           # main.main's return address, corrupted
    with pytest.raises(RuntimeThrow, match="unknown pc 0xdead in stack walk"):
        m.engine.morestack(m.g, m.big.entry)


# ---------------------------------------------------------------- newstack: overflow


def test_go1_10_allows_exactly_max_stack_and_refuses_to_grow_past_it():
    m = Machine("go1.10", max_stack=1 << 20, stack_size=512 * KB)
    m.engine.morestack(m.g, m.big.entry)
    assert m.g.stack.size == 1 << 20                   # exactly the limit is allowed
    stk, sp = m.g.stack, m.g.sp
    with pytest.raises(StackOverflow) as info:
        m.engine.morestack(m.g, m.big.entry)
    err = info.value
    assert (err.limit, err.sp, err.lo, err.hi) == (1 << 20, sp - PTR_SIZE, stk.lo, stk.hi)
    assert str(err) == "stack overflow"
    assert m.g.stack == stk and m.g.sp == sp and m.load(sp) == m.goexit.entry


def test_go1_19_reports_the_2e9_ceiling_when_max_stack_is_above_it():
    m = Machine("go1.19", max_stack=8 << 30, big_frame=1_500_000_000)
    with pytest.raises(StackOverflow) as info:
        m.engine.morestack(m.g, m.big.entry)           # doubling until it fits: 2 GiB > 2e9
    assert info.value.limit == 2_000_000_000
    assert m.world.copies == []


def test_go1_19_reports_max_stack_when_it_is_below_the_ceiling():
    m = Machine("go1.19", max_stack=1 << 20, big_frame=1_500_000_000)
    with pytest.raises(StackOverflow) as info:
        m.engine.morestack(m.g, m.big.entry)
    assert info.value.limit == 1 << 20


def test_set_max_stack_returns_the_old_limit():
    m = Machine("go1.10")
    assert m.engine.set_max_stack(1 << 20) == MAX_STACK_DEFAULT
    assert m.engine.maxstacksize == 1 << 20


# ---------------------------------------------------------------- shrinkstack


def stopped_at_entry(profile, stack_size, used):
    """A goroutine on a stack_size stack whose callee is at entry with hi - SP == used."""
    if used == RESERVED + PTR_SIZE:                   # main.main itself, at its entry
        return Machine(profile, stack_size=stack_size)
    m = Machine(profile, stack_size=stack_size, main_frame=used - 48)
    m.enter(m.main)
    m.call(m.leaf, m.main.site)
    assert m.used == used
    return m


@pytest.mark.parametrize("profile, size, used, shrinks", [
    # Go 1.19, StackLimit 800: an 8K stack shrinks when hi - sp < 1248
    ("go1.19", 8 * KB, 1240, True), ("go1.19", 8 * KB, 1248, False),
    # a 4K stack when hi - sp < 224
    ("go1.19", 4 * KB, 216, True), ("go1.19", 4 * KB, 224, False),
    # Go 1.10, StackLimit 752: 8K when hi - sp < 1296
    ("go1.10", 8 * KB, 1288, True), ("go1.10", 8 * KB, 1296, False),
    # Go 1.4, StackLimit 384: 8K when hi - sp < 1664
    ("go1.4", 8 * KB, 1656, True), ("go1.4", 8 * KB, 1664, False),
    # 2K never shrinks, however little it uses
    ("go1.19", 2 * KB, 40, False), ("go1.10", 2 * KB, 40, False),
])
def test_shrinkstack_halves_a_stack_using_less_than_a_quarter_counting_stack_limit(profile, size, used, shrinks):
    m = stopped_at_entry(profile, size, used)
    words = m.words(m.g.sp, m.g.stack.hi)
    assert m.engine.shrinkstack(m.g) is shrinks
    assert m.g.stack.size == (size // 2 if shrinks else size)
    assert [c["reason"] for c in m.world.copies] == (["shrink"] if shrinks else [])
    assert m.used == used
    assert m.words(m.g.sp, m.g.stack.hi) == words    # no pointers here; main's saved BP is 0
    if used > RESERVED + PTR_SIZE:
        assert m.g.bp == m.g.stack.hi - used + 8 + m.main.frame_size - 8


def test_shrinkstack_halves_only_once_per_call():
    m = Machine("go1.19", stack_size=64 * KB)
    assert m.engine.shrinkstack(m.g)
    assert m.g.stack.size == 32 * KB


def test_gcshrinkstackoff_turns_shrinking_off():
    m = Machine("go1.19", debug={"gcshrinkstackoff": 1}, stack_size=64 * KB)
    assert not m.engine.shrinkstack(m.g)
    assert m.g.stack.size == 64 * KB


# ---------------------------------------------------------------- where Go is subtle


def test_a_forced_move_does_not_swallow_a_pending_preemption_request():
    m = Machine("go1.10", debug={"stackforcemove": 1})
    m.g.stackguard0 = STACK_PREEMPT
    m.engine.forcemove(m.g, m.main.entry)
    assert m.g.stackguard0 == STACK_PREEMPT            # the prologue check will still fail
    m.engine.morestack(m.g, m.main.entry)
    assert m.world.counts.get("preemptions") == 1


def test_newstack_throws_split_stack_overflow_when_the_morestack_call_lands_below_lo():
    m = stopped_at_entry("go1.10", 2 * KB, 2 * KB)    # entry SP == stack.lo
    assert m.g.sp == m.g.stack.lo
    try:
        m.engine.morestack(m.g, m.leaf.entry)
    except RuntimeThrow as throw:
        assert throw.msg == "runtime: split stack overflow"
    else:
        raise AssertionError("newstack grew a stack whose morestack call overflowed it")
