"""Property tests: the stack engine alone (no compiler) keeps every invariant of
DESIGN.md section 2 across random calls, returns, forced moves, preemption
requests, shrinks, huge frames and unrelated stack allocations.

A harness plays the generated code's part exactly as the compiler's contract
says (gostack/runtime/symtab.py, compiler/codegen/frame.py prologue/epilogue):

  call f from the frame at SP:   args at SP+0.., return pc at SP-8, SP -= 8;
                                 prologue check (three forms by frame size),
                                 morestack(g, f.entry) and re-check until it passes;
                                 SP -= F; saved BP at SP+F-8; g.bp = SP+F-8
  return:                        g.bp = [SP+F-8]; SP += F + 8

Synthetic functions have random frame sizes (0, tiny leaves, callers up to and
past StackBig), random pointer arguments, random pointer locals and call sites
whose stack maps (live_ptrs) are random subsets of them.  Every pointer is
tracked by what it means: (frame index, offset in that frame), or a fixed
value outside the stack.  Frames are tracked as distances below stack.hi,
which no copy changes.  After every step:

  - every live pointer slot and pointer argument still points at the same
    logical slot; pointers outside the stack are unchanged; scalar words that
    merely look like stack addresses are unchanged;
  - every return address and saved-BP link is right, and so is g.bp;
  - stack.lo <= g.sp < stack.hi, stackguard0 == lo + StackGuard, stktopsp == hi - 32;
  - other stacks from the same allocator are untouched and never overlap it;
    StackInuse equals the bytes of the spans in state "stack".

Each copy is checked as it happens: grow sizes (strict doubling, or Go 1.15+
doubling until the frame fits), same-size forced moves, halving shrinks by
the 1/4 rule, the frame and pointer counts it reports, and the old range
being unmapped afterwards.

The engine is always entered with the innermost function at its entry
(morestack, a forced move, or shrinkstack just before a prologue check):
adjustframes starts every walk with at_entry=True, and the model calls
shrinkstack nowhere else today.  A goroutine parked at a call site is not
something the engine supports yet, so it is not tested here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, Phase, event, example, given, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from gostack.machine.memory import AddressSpace, Fault
from gostack.profiles import (STACK_POISON_MIN, MAX_STACK_DEFAULT, PTR_SIZE, STACK_FORCE_MOVE, STACK_PREEMPT,
                              STACKGUARD1_USER, get_profile)
from gostack.runtime.mheap import MHeap
from gostack.runtime.runtime2 import G, Gstatus, P
from gostack.runtime.stack import StackEngine, StackOverflow
from gostack.runtime.stackalloc import StackAllocator, new_stackcache
from gostack.runtime.symtab import CallSite, FuncInfo, Program

TEXT_BASE = 0x401000
FUNC_SPACING = 0x100
NEWPROC_RESERVED = 32          # newproc1 leaves 4 words below stack.hi
OUT = 32                       # every caller's outgoing-argument area (4 words)
MAX_ARGS = OUT // PTR_SIZE
MAX_DEPTH = 24
SITES_PER_FUNC = 3
# Pointers that do not point into any goroutine stack: the copy must leave them alone.
OUTSIDE = (0x7F0000001000, 0x7FFFFFFFE000, 0xC000000000 - 8, TEXT_BASE + 0x10)


# ---------------------------------------------------------------- the world


class Knobs:
    """The allocator reads debug knobs as attributes (as World's _Knobs does)."""

    def __init__(self, debug):
        self.debug = debug

    def __getattr__(self, name):
        return bool(self.debug.get(name, 0))


@dataclass
class Copy:
    reason: str
    old: tuple
    new: tuple
    used: int
    delta: int
    frames: int
    adjusted: int


class FakeWorld:
    """What StackEngine needs from a World (program, profile, aspace, stackalloc,
    debug, max_stack, p, count, note_copy, opts.on_event, emit) and a record of
    every copy."""

    def __init__(self, program, profile, debug=None, max_stack=MAX_STACK_DEFAULT):
        self.program = program
        self.profile = profile
        self.debug = dict(debug or {})
        self.max_stack = max_stack
        self.aspace = AddressSpace()
        self.mheap = MHeap(self.aspace, profile)
        self.stackalloc = StackAllocator(self.aspace, self.mheap, profile, Knobs(self.debug))
        self.p = P(0, new_stackcache(profile))
        self.counts = {}
        self.copies: list[Copy] = []
        self.events = []
        self.opts = SimpleNamespace(on_event=self.events.append)

    def emit(self, event, **fields):
        self.opts.on_event({"event": event, **fields})

    def has_runnable(self):
        return False              # a lone goroutine: preemption requests are dropped

    def count(self, name, n=1):
        self.counts[name] = self.counts.get(name, 0) + n

    def note_copy(self, g, old, new, used, delta, frames, adjusted, reason, sudogs=0):
        # The old stack is gone by now: any access to it faults.
        for addr in (old.lo, old.hi - PTR_SIZE):
            with pytest.raises(Fault):
                self.aspace.load(addr, "q")
        self.copies.append(Copy(reason, (old.lo, old.hi), (new.lo, new.hi), used, delta,
                                frames, adjusted))


# ---------------------------------------------------------------- synthetic programs


@dataclass
class Fn:
    info: FuncInfo
    nargs: int
    out: int                        # bytes of outgoing args it can pass (0: calls nothing with args)
    can_call: bool
    locals_lo: int                  # first byte of its locals (above the outgoing area)
    sites: list = field(default_factory=list)
    scalar_slot: int | None = None  # a non-pointer local that will hold a stack-like address

    @property
    def frame(self) -> int:
        return self.info.frame_size


FRAME_SIZES = st.one_of(
    st.just(0),                                                   # frameless leaf
    st.integers(2, 5).map(lambda w: 8 * w),                       # tiny leaves, 16..40
    st.sampled_from([48, 120, 128, 136, 4096, 4104]),             # around StackSmall/StackBig
    st.integers(6, 512).map(lambda w: 8 * w),                     # callers up to StackBig
    st.integers(513, 5000).map(lambda w: 8 * w),                  # huge frames
)


@st.composite
def fn_specs(draw, frame_sizes=FRAME_SIZES):
    frame = draw(frame_sizes)
    nargs = draw(st.integers(0, MAX_ARGS))
    arg_ptrs = sorted(draw(st.sets(st.integers(0, MAX_ARGS - 1), max_size=MAX_ARGS)) & set(range(nargs)))
    framed_caller = frame >= OUT + 2 * PTR_SIZE
    locals_lo = OUT if framed_caller else 0
    nlocals = max(0, (frame - PTR_SIZE - locals_lo) // PTR_SIZE)
    ptr_slots = draw(st.lists(st.integers(0, nlocals - 1), unique=True, max_size=6)) if nlocals else []
    live = [draw(st.lists(st.booleans(), min_size=len(ptr_slots), max_size=len(ptr_slots)))
            for _ in range(SITES_PER_FUNC)]
    return dict(frame=frame, nargs=nargs, arg_ptrs=[8 * a for a in arg_ptrs],
                locals_lo=locals_lo, nlocals=nlocals,
                ptrs=[locals_lo + 8 * s for s in ptr_slots], live=live,
                framed_caller=framed_caller)


CALLER_FRAMES = st.one_of(st.sampled_from([48, 128, 136, 4096, 4104]),
                          st.integers(6, 512).map(lambda w: 8 * w))
HUGE_FRAMES = st.integers(513, 5000).map(lambda w: 8 * w)
PROGRAM_SPECS = st.tuples(fn_specs(CALLER_FRAMES), fn_specs(CALLER_FRAMES), fn_specs(HUGE_FRAMES),
                          st.lists(fn_specs(), min_size=1, max_size=5)
                          ).map(lambda t: [t[0], t[1], t[2], *t[3]])


def build_program(specs):
    """runtime.goexit plus one function per spec, 0x100 apart, with call sites entry+16*k."""
    goexit = FuncInfo("runtime.goexit", entry=TEXT_BASE, end=TEXT_BASE + FUNC_SPACING)
    infos, fns, callsites = [goexit], [], {}
    for k, spec in enumerate(specs):
        entry = TEXT_BASE + FUNC_SPACING * (k + 1)
        info = FuncInfo(f"main.f{k}", entry=entry, end=entry + FUNC_SPACING,
                        frame_size=spec["frame"], args_size=8 * spec["nargs"],
                        params_size=8 * spec["nargs"], arg_ptrs=spec["arg_ptrs"],
                        local_ptrs=sorted(spec["ptrs"]))
        fn = Fn(info, spec["nargs"], out=OUT if spec["framed_caller"] else 0,
                can_call=spec["framed_caller"] or spec["frame"] == 0,
                locals_lo=spec["locals_lo"])
        for s, mask in enumerate(spec["live"]):
            ret = entry + 16 * (s + 1)
            live = tuple(sorted(off for off, on in zip(spec["ptrs"], mask) if on))
            site = CallSite(ret, info, s + 1, live)
            callsites[ret] = site
            fn.sites.append(site)
        scalars = [spec["locals_lo"] + 8 * w for w in range(spec["nlocals"])
                   if spec["locals_lo"] + 8 * w not in spec["ptrs"]]
        fn.scalar_slot = scalars[0] if scalars else None
        infos.append(info)
        fns.append(fn)
    program = Program(funcs=infos, blocks={}, callsites=callsites, block_lines={},
                      block_func={}, goexit_pc=goexit.entry, main_entry=fns[0].info.entry)
    return program, fns


# ---------------------------------------------------------------- the generated code's part


def prologue_check_fails(profile, frame: int, sp: int, guard: int) -> bool:
    """The prologue's comparison, in the form codegen.frame.emit_stack_check picks for frame."""
    small = profile.stack_small
    if frame <= small:
        return sp <= guard
    if frame <= profile.stack_big:
        return sp - (frame - small) <= guard
    if profile.huge_frame_carry_check:
        return sp < frame - small or sp - (frame - small) <= guard
    return guard == STACK_PREEMPT or sp + profile.stack_guard - guard <= frame + profile.stack_guard - small


def grow_size_ok(profile, old: int, new: int, used: int, frame: int) -> bool:
    """Go <= 1.14 doubles; Go 1.15+ doubles at least once, then until the frame fits, no further."""
    if not profile.grow_until_fits:
        return new == 2 * old
    needed = frame + profile.stack_guard
    fits = new - used >= needed
    minimal = new == 2 * old or new // 2 - used < needed
    return new > old and new & (new - 1) == 0 and fits and minimal


@dataclass
class Frame:
    fn: Fn
    sp_off: int                      # stack.hi - SP once its frame is allocated
    args: dict                       # arg offset from argp -> target
    site: CallSite | None = None     # the call it is suspended at (None: running)
    slots: dict = field(default_factory=dict)     # live pointer offset from SP -> target
    scalars: dict = field(default_factory=dict)   # non-pointer offset from SP -> raw value


class Goroutine:
    """One goroutine on a StackEngine, driven as generated code drives it."""

    def __init__(self, profile_name, specs, debug=None, max_stack=MAX_STACK_DEFAULT,
                 stack_size=None):
        self.profile = get_profile(profile_name)
        self.program, self.fns = build_program(specs)
        self.world = FakeWorld(self.program, self.profile, debug, max_stack)
        self.engine = StackEngine(self.world)
        g = self.g = G(1)
        self.engine.install(g, stack_size or self.profile.stack_min)
        g.stackguard1 = STACKGUARD1_USER
        g.sp = g.stack.hi - NEWPROC_RESERVED
        g.stktopsp = g.sp
        g.status = Gstatus.RUNNING
        self.frames: list[Frame] = []
        self.entry_frame: Frame | None = None     # a callee stopped at its entry
        self.grows = 0

    # -- addresses ----------------------------------------------------------

    @property
    def hi(self):
        return self.g.stack.hi

    def sp_of(self, k: int) -> int:
        return self.hi - self.frames[k].sp_off

    def argp_of(self, k: int) -> int:
        return self.sp_of(k) + self.frames[k].fn.frame + PTR_SIZE

    def resolve(self, target) -> int:
        if target[0] == "stack":
            _, j, off = target
            return self.sp_of(j) + off
        return target[1]

    def bp_below(self, k: int) -> int:
        """What frame k saved as BP: the BP slot of the nearest framed caller, or 0."""
        for j in range(k - 1, -1, -1):
            frame = self.frames[j].fn.frame
            if frame:
                return self.sp_of(j) + frame - PTR_SIZE
        return 0

    def load(self, addr):
        return self.world.aspace.load(addr, "q")

    def store(self, addr, value):
        self.world.aspace.store(addr, "q", value)

    # -- what may be called ---------------------------------------------------

    def can_call(self) -> bool:
        top_can_call = not self.frames or self.frames[-1].fn.can_call
        return len(self.frames) < MAX_DEPTH and top_can_call and bool(self.callees())

    def callees(self):
        room = self.frames[-1].fn.out if self.frames else OUT
        return [f for f in self.fns if 8 * f.nargs <= room]

    # -- call and return --------------------------------------------------------

    def call(self, fn: Fn, site_index: int, how: str, pick):
        """Call fn from the running frame (or from goexit's fake frame).

        pick(upto) returns a pointer target among frames 0..upto, outside, or nil.
        how: "plain", "forcemove", "preempt" or "shrink" (at fn's entry).
        """
        self.enter(fn, site_index, pick)
        self.prologue(fn, how)
        self.allocate_frame(fn)

    def enter(self, fn: Fn, site_index: int, pick):
        """The caller's half: live pointers stored, args written, CALL (fn is now at entry)."""
        g = self.g
        sp = g.sp
        if self.frames:
            caller = self.frames[-1]
            caller.site = site = caller.fn.sites[site_index % len(caller.fn.sites)]
            ret_pc = site.ret_pc
            caller.slots = {off: pick(len(self.frames) - 1) for off in site.live_ptrs}
            for off, target in caller.slots.items():
                self.store(sp + off, self.resolve(target))
        else:
            ret_pc = self.program.goexit_pc
        args = {}
        for off in range(0, 8 * fn.nargs, 8):
            # A scalar argument gets a value that looks like a stack address: it must not move.
            args[off] = pick(len(self.frames) - 1) if off in fn.info.arg_ptrs else ("raw", sp + off)
            self.store(sp + off, self.resolve(args[off]))
        g.sp = sp - PTR_SIZE                       # CALL
        self.store(g.sp, ret_pc)
        self.entry_frame = Frame(fn, -1, args)     # at entry: only its args are on the stack

    def allocate_frame(self, fn: Fn):
        """The callee's prologue after its check: SUBQ $F, SP; save BP; then a scalar local."""
        g = self.g
        args, self.entry_frame = self.entry_frame.args, None
        frame = fn.frame
        if frame:
            g.sp -= frame
            self.store(g.sp + frame - PTR_SIZE, g.bp)
            g.bp = g.sp + frame - PTR_SIZE
        new = Frame(fn, self.hi - g.sp, args)
        if fn.scalar_slot is not None:
            new.scalars[fn.scalar_slot] = g.sp
            self.store(g.sp + fn.scalar_slot, g.sp)
        self.frames.append(new)

    def prologue(self, fn: Fn, how: str):
        g, engine, profile = self.g, self.engine, self.profile
        entry = fn.info.entry
        if how == "forcemove":
            g.stackguard0 = STACK_FORCE_MOVE
        elif how == "preempt":
            g.stackguard0 = STACK_PREEMPT
        elif how == "shrink":
            self.shrink_at_entry(fn)
        if engine.force_period:                    # codegen: if g.forcemove: sp = FORCEMOVE(g, entry)
            if g.stackguard0 >= STACK_POISON_MIN:
                # A pending request goes first (mayMoreStackMove): no move now.
                lo, guard = g.stack.lo, g.stackguard0
                engine.forcemove(g, entry)
                assert (g.stack.lo, g.stackguard0) == (lo, guard)
            else:
                before = self.snapshot()
                engine.forcemove(g, entry)
                self.check_engine_step(before, STACK_FORCE_MOVE, fn)
        for _ in range(64):
            if not prologue_check_fails(profile, fn.frame, g.sp, g.stackguard0):
                return
            before = self.snapshot()
            guard = g.stackguard0
            engine.morestack(g, entry)
            assert g.pc == entry
            self.check_engine_step(before, guard, fn)
            if guard not in (STACK_PREEMPT, STACK_FORCE_MOVE) and profile.grow_until_fits:
                assert not prologue_check_fails(profile, fn.frame, g.sp, g.stackguard0), \
                    "Go 1.15+ grows once, enough for the frame"
        raise AssertionError("the prologue check never passed")

    def shrink_at_entry(self, fn: Fn):
        g, profile = self.g, self.profile
        g.pc = fn.info.entry
        size, used = g.stack.hi - g.stack.lo, g.stack.hi - g.sp
        counted = used + (profile.stack_limit if profile.shrink_adds_stack_limit else 0)
        expected = size // 2 >= profile.fixed_stack and counted < size // 4
        before = self.snapshot()
        assert self.engine.shrinkstack(g) is expected
        copies = self.world.copies[before[1]:]
        if expected:
            assert [c.reason for c in copies] == ["shrink"]
            assert g.stack.hi - g.stack.lo == size // 2
            self.check_copy(copies[0], before)
        else:
            assert copies == [] and (g.stack.lo, g.stack.hi) == before[0]

    def ret(self):
        g = self.g
        top = self.frames.pop()
        frame, sp = top.fn.frame, g.sp
        if frame:
            g.bp = self.load(sp + frame - PTR_SIZE)
        ret_pc = self.load(sp + frame)
        g.sp = sp + frame + PTR_SIZE
        if self.frames:
            caller = self.frames[-1]
            assert ret_pc == caller.site.ret_pc
            caller.site, caller.slots = None, {}
        else:
            assert ret_pc == self.program.goexit_pc

    # -- checking each engine step ------------------------------------------------

    def snapshot(self):
        g = self.g
        return ((g.stack.lo, g.stack.hi), len(self.world.copies),
                self.world.counts.get("preemptions", 0), g.sp)

    def check_engine_step(self, before, guard, fn: Fn):
        (lo, hi), ncopies, npreempt, sp = before
        g, profile = self.g, self.profile
        copies = self.world.copies[ncopies:]
        assert g.stackguard0 == g.stack.lo + profile.stack_guard
        if guard == STACK_PREEMPT:
            assert copies == [] and (g.stack.lo, g.stack.hi) == (lo, hi) and g.sp == sp
            assert self.world.counts["preemptions"] == npreempt + 1
            return
        assert len(copies) == 1
        c = copies[0]
        size, new = hi - lo, g.stack.hi - g.stack.lo
        if guard == STACK_FORCE_MOVE:
            assert c.reason == "forcemove" and new == size and g.stack.lo != lo
        else:
            assert c.reason == "grow"
            assert grow_size_ok(profile, size, new, hi - sp, fn.frame), (size, new, hi - sp, fn.frame)
            self.grows += 1
        self.check_copy(c, before)

    def check_copy(self, c: Copy, before):
        (lo, hi), _, _, sp = before
        g = self.g
        assert c.old == (lo, hi) and c.new == (g.stack.lo, g.stack.hi)
        assert c.used == hi - sp and c.delta == g.stack.hi - hi
        assert g.stack.hi - g.sp == c.used
        # goexit + every suspended frame + the one at entry
        assert c.frames == len(self.frames) + 2
        assert c.adjusted == self.expected_adjusted()

    def expected_adjusted(self) -> int:
        """Words the copy must rewrite: stack pointers in live slots and pointer
        args (the frame at entry included), and every saved BP that is not 0."""
        n = 0
        for k, fr in enumerate(self.frames + [self.entry_frame]):
            n += sum(1 for t in fr.slots.values() if t[0] == "stack")
            n += sum(1 for off, t in fr.args.items()
                     if t[0] == "stack" and off in fr.fn.info.arg_ptrs)
            if k < len(self.frames) and fr.fn.frame and self.bp_below(k):
                n += 1
        return n

    # -- invariants ----------------------------------------------------------------

    def check_frames(self):
        g = self.g
        top_sp = self.sp_of(-1) if self.frames else self.hi - NEWPROC_RESERVED
        if self.entry_frame is None:
            assert g.sp == top_sp
        else:
            assert g.sp == top_sp - PTR_SIZE
            caller_ret = self.frames[-1].site.ret_pc if self.frames else self.program.goexit_pc
            assert self.load(g.sp) == caller_ret, "return pc of the frame at entry"
            for off, target in self.entry_frame.args.items():
                assert self.load(top_sp + off) == self.resolve(target), f"entry arg {off} -> {target}"
        for k, fr in enumerate(self.frames):
            sp, frame = self.sp_of(k), fr.fn.frame
            caller_ret = self.frames[k - 1].site.ret_pc if k else self.program.goexit_pc
            assert self.load(sp + frame) == caller_ret, f"return pc of frame {k}"
            if frame:
                assert self.load(sp + frame - PTR_SIZE) == self.bp_below(k), f"saved BP of frame {k}"
            for off, target in fr.slots.items():
                assert self.load(sp + off) == self.resolve(target), f"frame {k} slot {off} -> {target}"
            argp = self.argp_of(k)
            for off, target in fr.args.items():
                assert self.load(argp + off) == self.resolve(target), f"frame {k} arg {off} -> {target}"
            for off, value in fr.scalars.items():
                assert self.load(sp + off) == value, f"frame {k} scalar {off} changed"
        assert g.bp == self.bp_below(len(self.frames))

    def check_registers(self):
        g, stk = self.g, self.g.stack
        assert stk.lo <= g.sp < stk.hi
        assert g.stackguard0 == stk.lo + self.profile.stack_guard
        assert g.stackguard1 == STACKGUARD1_USER
        assert g.stktopsp == stk.hi - NEWPROC_RESERVED
        assert g.base == stk.lo and g.mapping.lo == stk.lo and g.mapping.hi == stk.hi
        assert g.status == Gstatus.RUNNING


def pointer_targets(data, gor: Goroutine):
    """A pick(upto) for Goroutine.call drawing from hypothesis."""
    def pick(upto):
        framed = [j for j in range(upto + 1) if gor.frames[j].fn.frame]
        kind = data.draw(st.sampled_from(["stack", "stack", "stack", "outside", "nil"]))
        if kind == "stack" and framed:
            j = data.draw(st.sampled_from(framed))
            off = 8 * data.draw(st.integers(0, gor.frames[j].fn.frame // 8 - 1))
            return ("stack", j, off)
        if kind == "outside":
            return ("raw", data.draw(st.sampled_from(OUTSIDE)))
        return ("raw", 0)
    return pick


# ---------------------------------------------------------------- the state machine


HOW = st.sampled_from(["plain", "plain", "plain", "forcemove", "preempt", "shrink"])


class StackEngineMachine(RuleBasedStateMachine):
    PROFILE = "go1.10"
    DEBUG: dict = {}

    @initialize(specs=PROGRAM_SPECS)
    def start_a_goroutine(self, specs):
        self.gor = Goroutine(self.PROFILE, specs, self.DEBUG)
        self.sa = self.gor.world.stackalloc
        self.extra = []                 # (stack, sentinel) of other goroutines' stacks

    # Rules have no preconditions (hypothesis would have to retry its rule draws);
    # a rule that cannot apply in the current state does nothing.

    CALL_ARGS = dict(which=st.integers(0, 63), site=st.integers(0, SITES_PER_FUNC - 1), how=HOW,
                     data=st.data())

    def _call(self, fn_of, site, how, data):
        gor = self.gor
        if not gor.can_call():
            return
        gor.call(fn_of(gor.callees()), site, how, pointer_targets(data, gor))
        event(f"reached depth {len(gor.frames) // 8 * 8}+")
        event(f"reached a {gor.g.stack.size // 1024} KiB stack")

    # Calls are three rules of six, so that stacks get deep and grow.

    @rule(**CALL_ARGS)
    def call(self, which, site, how, data):
        self._call(lambda callees: callees[which % len(callees)], site, how, data)

    @rule(**CALL_ARGS)
    def call_a_caller(self, which, site, how, data):
        def pick(callees):
            callers = [f for f in callees if f.can_call] or callees
            return callers[which % len(callers)]
        self._call(pick, site, how, data)

    @rule(**CALL_ARGS)
    def call_the_huge_frame(self, which, site, how, data):
        huge = self.gor.fns[2]
        self._call(lambda callees: huge if huge in callees else callees[which % len(callees)],
                   site, how, data)

    @rule()
    def ret(self):
        if self.gor.frames:
            self.gor.ret()

    @rule(depth=st.integers(0, 4), which=st.integers(0, 63), site=st.integers(0, SITES_PER_FUNC - 1),
          data=st.data())
    def unwind_then_call_with_a_shrink_at_entry(self, depth, which, site, data):
        """What the GC would do to a deep stack that has returned: halve it if it may."""
        while len(self.gor.frames) > depth:
            self.gor.ret()
        self._call(lambda callees: callees[which % len(callees)], site, "shrink", data)

    @rule(log2=st.integers(11, 16), i=st.integers(0, 63), on_p=st.booleans(), free=st.booleans())
    def allocate_or_free_another_stack(self, log2, i, on_p, free):
        p = self.gor.world.p if on_p else None
        if free and self.extra:
            stk, _ = self.extra.pop(i % len(self.extra))
            self.sa.stackfree(stk, p)
            return
        stk = self.sa.stackalloc(1 << log2, p)
        sentinel = 0x5EED0000 + i
        self.gor.store(stk.lo, sentinel)
        self.gor.store(stk.hi - 8, sentinel)
        self.extra.append((stk, sentinel))

    def teardown(self):
        if not hasattr(self, "gor"):
            return
        copies = self.gor.world.copies
        for reason in ("grow", "forcemove", "shrink"):
            n = sum(1 for c in copies if c.reason == reason)
            event(f"{reason}: {'none' if n == 0 else '1-3' if n < 4 else '4+'}")

    @invariant()
    def every_frame_pointer_and_link_means_what_it_meant(self):
        self.gor.check_frames()

    @invariant()
    def sp_is_inside_the_stack_and_the_guard_is_lo_plus_stackguard(self):
        self.gor.check_registers()

    @invariant()
    def other_stacks_are_untouched_and_nothing_overlaps(self):
        g = self.gor.g
        ranges = sorted([(g.stack.lo, g.stack.hi)] + [(s.lo, s.hi) for s, _ in self.extra])
        for (_, a_hi), (b_lo, _) in zip(ranges, ranges[1:]):
            assert a_hi <= b_lo
        for stk, sentinel in self.extra:
            m = self.gor.world.aspace.mapping_at(stk.lo)
            assert (m.lo, m.hi, m.name) == (stk.lo, stk.hi, "stack")
            assert self.gor.load(stk.lo) == sentinel and self.gor.load(stk.hi - 8) == sentinel

    @invariant()
    def stack_inuse_is_the_sum_of_stack_spans(self):
        mheap = self.gor.world.mheap
        spans = [s for s in mheap.spans() if s.state == "stack"]
        assert self.sa.stack_inuse == sum(s.size for s in spans)
        g = self.gor.g
        span = mheap.find_span(g.stack.lo)
        assert span is not None and span.state == "stack" and g.stack.hi <= span.limit


def machine_test(profile, **debug):
    machine = type(f"StackEngineMachine_{profile}", (StackEngineMachine,),
                   {"PROFILE": profile, "DEBUG": debug})
    case = machine.TestCase
    # No explain phase: it re-runs a failing machine hundreds of times for little gain.
    case.settings = settings(max_examples=150, stateful_step_count=50, deadline=None,
                             phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    return case


TestRandomCallsReturnsAndMovesKeepTheStackIntactOnGo1_4 = machine_test("go1.4")
TestRandomCallsReturnsAndMovesKeepTheStackIntactOnGo1_10 = machine_test("go1.10")
TestRandomCallsReturnsAndMovesKeepTheStackIntactOnGo1_19 = machine_test("go1.19")
TestRandomCallsReturnsAndMovesKeepTheStackIntactOnGo1_10WithPoisonedOldStacks = machine_test(
    "go1.10", stackpoisoncopy=1)
TestRandomCallsReturnsAndMovesKeepTheStackIntactOnGo1_19WithPoisonedFaultingOldStacks = machine_test(
    "go1.19", stackpoisoncopy=1, stackfaultonfree=1)
TestRandomCallsReturnsAndMovesKeepTheStackIntactOnGo1_10MovingAtEveryCheckWithoutCaches = machine_test(
    "go1.10", stackforcemove=1, stacknocache=1)


# ---------------------------------------------------------------- single properties


PROFILE_NAMES = st.sampled_from(["go1.4", "go1.10", "go1.19"])
NIL = lambda upto: ("raw", 0)                                   # noqa: E731


def spec(frame, nargs=0, arg_ptrs=()):
    """A function without pointer locals (frame >= 48 can call others)."""
    caller = frame >= OUT + 2 * PTR_SIZE
    return dict(frame=frame, nargs=nargs, arg_ptrs=list(arg_ptrs), locals_lo=OUT if caller else 0,
                nlocals=0, ptrs=[], live=[[]] * SITES_PER_FUNC, framed_caller=caller)


def passes_check(profile, frame: int, size: int, used: int) -> bool:
    """Would fn's prologue pass on a stack of size bytes whose entry SP is hi - used?"""
    lo = 0xC000000000
    return not prologue_check_fails(profile, frame, lo + size - used, lo + profile.stack_guard)


@settings(max_examples=40, deadline=None)
@given(profile=PROFILE_NAMES, frame=st.integers(2, 5000).map(lambda w: 8 * w), depth=st.integers(0, 6))
def test_a_failed_check_grows_the_stack_to_the_first_size_its_release_allows(profile, frame, depth):
    gor = Goroutine(profile, [spec(256), spec(frame)])
    caller, callee = gor.fns
    for _ in range(depth):
        gor.call(caller, 0, "plain", NIL)
    size, grows = gor.g.stack.size, gor.grows
    gor.enter(callee, 0, NIL)
    used = gor.g.stack.hi - gor.g.sp
    gor.prologue(callee, "plain")
    final = gor.g.stack.size
    assert passes_check(gor.profile, frame, final, used)
    if final > size and not gor.profile.grow_until_fits:
        assert final & (final - 1) == 0 and not passes_check(gor.profile, frame, final // 2, used)
    if gor.profile.grow_until_fits:
        assert gor.grows - grows <= 1
    gor.allocate_frame(callee)
    gor.check_frames()
    gor.check_registers()


@settings(max_examples=30, deadline=None)
@given(profile=PROFILE_NAMES, max_log2=st.integers(12, 16), frame=st.integers(6, 120).map(lambda w: 8 * w))
def test_growth_past_max_stack_raises_stack_overflow_and_leaves_the_stack_as_it_was(profile, max_log2, frame):
    max_stack = (1 << max_log2) + frame           # not a power of two: the test is newsize > max
    gor = Goroutine(profile, [spec(frame)], max_stack=max_stack)
    with pytest.raises(StackOverflow) as info:
        for _ in range(100_000):
            gor.call(gor.fns[0], 0, "plain", NIL)
    g, err = gor.g, info.value
    assert (err.limit, err.sp, err.lo, err.hi) == (max_stack, g.sp - PTR_SIZE, g.stack.lo, g.stack.hi)
    assert g.stack.size == 1 << max_log2          # the largest power of two allowed
    assert g.status == Gstatus.RUNNING
    gor.check_frames()                            # the refused callee is still at its entry
    gor.check_registers()


@settings(max_examples=60, deadline=None)
@given(profile=PROFILE_NAMES, size_log2=st.integers(11, 16), used=st.integers(6, 4160).map(lambda w: 8 * w))
@example(profile="go1.10", size_log2=13, used=2048 - 752)     # the boundaries: not shrunk...
@example(profile="go1.19", size_log2=13, used=2048 - 800)
@example(profile="go1.4", size_log2=12, used=1024 - 384)
@example(profile="go1.19", size_log2=13, used=2048 - 808)     # ...and one word less: shrunk
def test_shrinkstack_halves_exactly_when_used_plus_stack_limit_is_under_a_quarter(profile, size_log2, used):
    size = 1 << size_log2
    # used = hi - SP at the callee's entry = 48 + the caller's frame (goexit's 32 reserved
    # bytes, two return addresses, and the caller's BP slot inside its frame)
    used = min(used, size // 4 + 64, size - 1024)
    gor = Goroutine(profile, [spec(used - 48), spec(16)], stack_size=size)
    gor.call(gor.fns[0], 0, "plain", NIL)
    gor.enter(gor.fns[1], 0, NIL)
    g, prof = gor.g, gor.profile
    assert g.stack.hi - g.sp == used and gor.world.copies == []
    shrinks = size // 2 >= 2048 and used + prof.stack_limit < size // 4
    gor.shrink_at_entry(gor.fns[1])               # asserts the result, the size and the copy
    assert g.stack.size == (size // 2 if shrinks else size)
    gor.check_frames()
    gor.check_registers()
