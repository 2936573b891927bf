"""Profiles: the stack constants and policies of one Go release each.

Every number the compiler, the runtime or the machine uses about stacks lives
here, once, with its Go name.  Values are linux/amd64 and come from
../shared/reference/go-stack-facts.md (sections 1, 3, 4, 6, 7 and 8; section
10 for go1.2's segmented stacks, cross-checked against Go 1.2's stack.c and
stack.h); where the reference marks a value [unconfirmed] the comment says so.

The default profile is go1.10: StackGuard 880, StackSmall 128, a 2 KB start,
cooperative preemption only.  This is the release whose numbers gostack
explains in its README.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

# Values that are the same in every modelled release.
PTR_SIZE = 8                      # amd64 word
PAGE_SIZE = 8192                  # Go's runtime page (_PageSize), not the OS page
OS_PAGE_SIZE = 4096               # the kernel's page: guard pages, committed memory
HEAP_ARENA_BASE = 0xC000000000    # first arena hint on linux/amd64
HEAP_ARENA_BYTES = 64 << 20       # heapArenaBytes on 64-bit Linux
STACK_CACHE_SIZE = 32768          # _StackCacheSize: per-P cache capacity and pool span size
GOROOT = "/usr/local/go"          # where tracebacks say the runtime's sources are
MIN_LEGAL_POINTER = 4096          # smaller non-zero pointers are "bad pointers"
TRACEBACK_MAX_FRAMES = 100        # frames printed per goroutine before "...additional frames elided..."
STACK_PREEMPT = 0xFFFFFFFFFFFFFADE    # stackPreempt: larger than any SP, the next check fails
STACK_FORCE_MOVE = 0xFFFFFFFFFFFFFEED  # stackForceMove: debug, move to a same-size stack
STACK_POISON_MIN = 0xFFFFFFFFFFFFF000  # stackPoisonMin: every guard poison is at least this
STACKGUARD1_USER = 0xFFFFFFFFFFFFFFFF  # stackguard1 on ordinary goroutines (~0)
MAX_STACK_DEFAULT = 1_000_000_000      # maxstacksize set by runtime.main on 64-bit
CALL_SIZE = 8                     # a CALL pushes the return address
GSIGNAL_STACK = 32768             # gsignal's stack (malg(32*1024))
G0_STACK_M0 = 65536 - 104         # m0.g0: carved from the top of the OS main-thread stack
RLIMIT_STACK_DEFAULT = 8 << 20    # ulimit -s 8192
GFREE_LOCAL_MAX = 64              # a P keeps up to 64 dead Gs (with stacks) before moving half
# sysmon preempts a goroutine after 10 ms (forcePreemptNS); the model counts executed
# blocks instead of time so that schedules are deterministic: about 10 ms of gostack work.
FORCE_PREEMPT_STEPS = 20_000
# Several Ps run one after another on the host thread, each for a slice of this
# many steps (one executor chunk), so that a run stays deterministic.
PROC_SLICE_STEPS = 4096
MAX_PROCS_HOST = 4096             # host limit on Ps (Go has none; each P costs host memory)
NS_PER_STEP = 500                 # virtual nanoseconds per executed block (10 ms / 20,000)
# Go 1.19 runtime frames on g0, bytes below each return address (the SUBQ of each
# function in a linux/amd64 binary, read with `go tool objdump`): g0.sched.sp sits
# below mstart0's frame; newstack's deepest path is newstack -> copystack ->
# gentraceback -> adjustframe.  Issue 5: the system stack's use is real memory.
G0_MSTART_FRAMES = (0x28,)
G0_NEWSTACK_FRAMES = (0x1B0, 0x1B0, 0x368, 0x88)
# A GC cycle's deepest path on g0: gcBgMarkWorker.func2 -> gcDrain -> markroot ->
# markroot.func1 -> scanstack -> gentraceback -> scanframeworker -> scanblock.
G0_GC_FRAMES = (0x48, 0x58, 0x98, 0x48, 0x200, 0x368, 0x60, 0x60)
# Segmented stacks (Go <= 1.2, and 1.3's fallback): the per-M cache of FixedStack
# segments, refilled from and released to a global list in batches (runtime.h).
SEGMENT_CACHE_SIZE = 32           # StackCacheSize: segments one M may hold
SEGMENT_CACHE_BATCH = 16          # StackCacheBatch: segments moved per refill/release


@dataclass(frozen=True)
class Profile:
    """Constants and policies of one Go release (linux/amd64)."""

    name: str
    stacks: str                   # "contiguous" (copying) or "segmented" (runtime/segmented.py)
    stack_min: int                # _StackMin: a new goroutine's stack
    stack_guard: int              # _StackGuard: stackguard0 = lo + stack_guard
    stack_small: int              # _StackSmall: small frames compare SP directly
    stack_big: int = 4096         # _StackBig: larger frames get the underflow-safe check
    stack_system: int = 0         # _StackSystem: 0 on Linux
    num_stack_orders: int = 4     # _NumStackOrders: 2K, 4K, 8K, 16K cached orders
    max_stack_ceiling: int | None = None   # maxstackceiling (added after Go 1.15)
    grow_until_fits: bool = False  # newstack keeps doubling until the frame fits (Go 1.15+)
    overflow_sp_line: bool = False  # "runtime: sp=... stack=[...]" printed (present by Go 1.14)
    huge_frame_carry_check: bool = False  # Go 1.17+ prologue form for frames > StackBig
    shrink_adds_stack_limit: bool = True  # 1/4 rule counts StackLimit as used (not in Go 1.3)
    adaptive_stack_start: bool = False    # Go 1.19: start size from the average scanned stack
    async_preemption: bool = False        # Go 1.14+
    g0_stack: int = 8192          # g0 of runtime-created Ms (16 K from Go 1.22)
    background_goroutines: bool = False   # forcegc, bgsweep, bgscavenge (runtime/background.py)
    stack_extra: int = 0          # StackExtra: segmented only, room beyond the splitting frame
    stack_top: int = 0            # StackTop: segmented only, the Stktop record at a segment's top
    shrink_stacks: bool = True    # the GC halves a stack used below a quarter (the 1/4 rule)
    max_stack: int | None = None  # maxstacksize (None: runtime.main's 1 GB; --max-stack wins)
    base: str = ""                # a derived profile: the release it was made from
    settings: tuple = ()          # ... and its overrides, (("StackMin", "8192"), ...)
    notes: str = ""
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def fixed_stack(self) -> int:
        """_FixedStack: StackMin + StackSystem rounded up to a power of two."""
        n = self.stack_min + self.stack_system
        return 1 << (n - 1).bit_length()

    @property
    def stack_limit(self) -> int:
        """_StackLimit: bytes a chain of NOSPLIT functions may use below the guard."""
        return self.stack_guard - self.stack_system - self.stack_small

    @property
    def nosplit_limit(self) -> int:
        """What the linker allows a NOSPLIT chain (StackLimit minus one CALL)."""
        return self.stack_limit - CALL_SIZE

    @property
    def small_stack_limit(self) -> int:
        """Stacks below this size come from the per-order pools and caches."""
        return self.fixed_stack << self.num_stack_orders

    def with_stack_min(self, stack_min: int) -> "Profile":
        return replace(self, stack_min=stack_min)


PROFILES: dict[str, Profile] = {
    p.name: p
    for p in (
        Profile(
            name="go1.2", stacks="segmented", stack_min=8192, stack_guard=256,
            stack_small=64, stack_extra=2048, stack_top=88,
            notes="segmented stacks: a new segment (at least StackMin 8 KB, else frame + "
                  "args + StackExtra 2 KB) linked on overflow, released by lessstack on "
                  "return; 8 KB segments cached per M; the limit is on the sum of "
                  "segments; StackSmall 64 and StackTop 88 are [unconfirmed] for 1.2 "
                  "(seen in a 1.3-era transcription)",
        ),
        Profile(
            name="go1.3", stacks="contiguous", stack_min=8192, stack_guard=256,
            stack_small=64, shrink_adds_stack_limit=False,
            notes="first copying release; 8 KB start; StackSmall 64 is [unconfirmed] "
                  "(seen only in a 1.3-era transcription); the segment fallback for "
                  "frames without maps is not modelled (every frame has maps)",
        ),
        Profile(
            name="go1.4", stacks="contiguous", stack_min=2048, stack_guard=512,
            stack_small=128,
            notes="contiguous stacks only, 2 KB start, StackGuard 512",
        ),
        Profile(
            name="go1.10", stacks="contiguous", stack_min=2048, stack_guard=880,
            stack_small=128, background_goroutines=True,
            notes="default; StackGuard 880 (first release with 880 [unconfirmed], "
                  "between 1.8 and 1.10); strict doubling; cooperative preemption only",
        ),
        Profile(
            name="go1.19", stacks="contiguous", stack_min=2048, stack_guard=928,
            stack_small=128, max_stack_ceiling=2 * MAX_STACK_DEFAULT,
            grow_until_fits=True, overflow_sp_line=True, huge_frame_carry_check=True,
            adaptive_stack_start=True, async_preemption=True, background_goroutines=True,
            notes="StackGuard 928; newstack doubles until the frame fits; "
                  "maxstackceiling 2e9; adaptive starting stack size",
        ),
    )
}

DEFAULT_PROFILE = "go1.10"


def get_profile(name: str) -> Profile:
    """A release by name; `go1.19+StackMin=8192+adaptive=off` derives one (see derive)."""
    base, *items = name.split(SETTING_SEP)
    try:
        profile = PROFILES[base]
    except KeyError:
        known = ", ".join(PROFILES)
        raise ValueError(f"unknown profile {base!r} (known: {known})") from None
    return derive(profile, dict(parse_setting(item) for item in items)) if items else profile


# ------------------------------------------------------------ stack policy overrides
#
# `--set KEY=VALUE` (gostack run, compare, sweep) derives a profile from a
# release with some of its stack policy changed.  A derived profile is named
# by its base and its settings joined with SETTING_SEP, so that everything
# that takes a profile name (RunOptions.profile, --stats-json's "profile")
# carries the overrides with it and a run stays a plain picklable value.

SETTING_SEP = "+"
_SIZE_UNITS = {"": 1, "k": 1024, "kib": 1024, "m": 1 << 20, "mib": 1 << 20,
               "g": 1 << 30, "gib": 1 << 30, "kb": 1000, "mb": 1000 ** 2, "gb": 1000 ** 3}


def parse_size_value(text: str) -> int:
    """'2048', '2K', '8KiB', '1GB' -> bytes (K/M/G powers of 1024, KB/MB/GB of 1000)."""
    match = re.fullmatch(r"(\d+)\s*([a-z]*)", text.strip().lower())
    if not match or match.group(2) not in _SIZE_UNITS:
        raise ValueError(f"bad size {text!r} (examples: 2048, 8K, 1GB)")
    return int(match.group(1)) * _SIZE_UNITS[match.group(2)]


def _power_of_two(low: int, high: int):
    def convert(text: str) -> int:
        n = parse_size_value(text)
        if n & (n - 1) or not low <= n <= high:
            raise ValueError(f"want a power of two from {low} to {high}, not {text!r}")
        return n
    return convert


def _multiple_of_8(low: int, high: int):
    def convert(text: str) -> int:
        n = parse_size_value(text)
        if n % PTR_SIZE or not low <= n <= high:
            raise ValueError(f"want a multiple of 8 from {low} to {high}, not {text!r}")
        return n
    return convert


def _max_stack(text: str) -> int:
    n = parse_size_value(text)
    if n < 1024:
        raise ValueError(f"want at least 1024 bytes, not {text!r}")
    return n


def _choice(**words):
    def convert(text: str):
        try:
            return words[text.strip().lower()]
        except KeyError:
            raise ValueError(f"want {' or '.join(words)}, not {text!r}") from None
    return convert


# KEY: (Profile field, parser of VALUE, meaning).  Keys are spelled as Go names the
# constant (StackMin, ...) or, for policies with no Go constant, as a plain word.
SETTINGS = {
    "StackMin": ("stack_min", _power_of_two(512, 1 << 20), "a new goroutine's stack (_StackMin)"),
    "StackGuard": ("stack_guard", _multiple_of_8(64, 1 << 16), "stackguard0 = lo + StackGuard"),
    "StackSmall": ("stack_small", _multiple_of_8(0, 4096),
                   "leaf frames below this get no split check; small frames compare SP directly"),
    "MaxStack": ("max_stack", _max_stack, "maxstacksize (debug.SetMaxStack's default)"),
    "growth": ("grow_until_fits", _choice(**{"double": False, "double-until-fits": True}),
               "newstack doubles once, or until the frame fits (Go 1.15+)"),
    "shrink": ("shrink_stacks", _choice(off=False, quarter=True),
               "the GC halves a stack used below a quarter, or never shrinks"),
    "adaptive": ("adaptive_stack_start", _choice(on=True, off=False),
                 "Go 1.19's starting size from the average scanned stack"),
}
_SEGMENTED_ONLY_COPYING = ("growth", "shrink", "adaptive")


def parse_setting(item: str) -> tuple[str, str]:
    """'StackMin=8K' -> ('StackMin', '8K') after checking the key and the value."""
    key, sep, value = item.partition("=")
    key, value = key.strip(), value.strip()
    if not sep or not value:
        raise ValueError(f"bad setting {item!r} (want KEY=VALUE)")
    if key not in SETTINGS:
        raise ValueError(f"unknown setting {key!r} (known: {', '.join(SETTINGS)})")
    try:
        SETTINGS[key][1](value)
    except ValueError as err:
        raise ValueError(f"bad value for {key}: {err}") from None
    return key, value


def derive(profile: Profile, settings: dict[str, str]) -> Profile:
    """profile with settings ({'StackMin': '8192', ...}) applied, checked together."""
    if not settings:
        return profile
    changes = {}
    for key, value in settings.items():
        key, value = parse_setting(f"{key}={value}")
        if profile.stacks == "segmented" and key in _SEGMENTED_ONLY_COPYING:
            raise ValueError(f"{key} does not apply to {profile.name}'s segmented stacks")
        changes[SETTINGS[key][0]] = SETTINGS[key][1](value)
    derived = replace(profile, **changes)
    if derived.stack_small >= derived.stack_guard:
        raise ValueError(f"StackSmall ({derived.stack_small}) must be below StackGuard "
                         f"({derived.stack_guard})")
    if derived.stack_guard >= derived.stack_min:
        raise ValueError(f"StackGuard ({derived.stack_guard}) must be below StackMin "
                         f"({derived.stack_min})")
    base = profile.base or profile.name
    items = tuple(dict(profile.settings, **settings).items())
    name = SETTING_SEP.join([base] + [f"{k}={v}" for k, v in items])
    return replace(derived, name=name, base=base, settings=items)


def profile_name(base: str, settings: dict[str, str]) -> str:
    """The name that get_profile turns back into base with settings (checked now)."""
    return derive(get_profile(base), settings).name
