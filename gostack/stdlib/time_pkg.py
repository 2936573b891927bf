"""time: Duration's methods, Time on the model's virtual clock, ParseDuration (Go 1.19).

Go counterpart: src/time/time.go and format.go.  time.Sleep and time.After
are runtime operations (gostack/abi.py); this module declares Duration,
Time and the unit constants and adds what programs print and measure with.

The clock.  time.Now() reads the world's virtual clock (it advances with the
work done and jumps when every goroutine sleeps), so a run is deterministic:
the wall clock starts at 2009-11-10 23:00:00 UTC (the Go playground's fixed
time) and the monotonic reading at 0 when the program starts, and
time.Since measures virtual time.  A Time keeps Go's own encoding in its
{wall, ext, loc} words: with the monotonic bit set, wall holds 33 bits of
seconds since 1885 and 30 bits of nanoseconds and ext the monotonic
nanoseconds; without it, ext holds seconds since year 1.  Every Time is UTC
(loc is nil); Format and time zones are not provided.
"""

from __future__ import annotations

import datetime

from .. import types as T
from .errors_pkg import new_error
from .registry import const, gofunc, named_struct, std_method, typename

NANOSECOND, MICROSECOND, MILLISECOND = 1, 1000, 1000_000
SECOND, MINUTE, HOUR = 1000_000_000, 60 * 1000_000_000, 3600 * 1000_000_000
# time.Duration and time.Time keep Go 1.19's representation (Time: 24 bytes).
DURATION = T.Named("Duration", T.INT64, pkg="time")
TIME = named_struct("time", "Time", [("wall", T.UINT64), ("ext", T.INT64), ("loc", T.UINTPTR)])
typename("time", "Duration", DURATION)
typename("time", "Time", TIME)
for _name, _value in (("Nanosecond", NANOSECOND), ("Microsecond", MICROSECOND),
                      ("Millisecond", MILLISECOND), ("Second", SECOND), ("Minute", MINUTE),
                      ("Hour", HOUR)):
    const("time", _name, DURATION, _value)
MIN_DURATION, MAX_DURATION = -(1 << 63), (1 << 63) - 1
SECONDS_PER_DAY = 86400
HAS_MONOTONIC = 1 << 63
NSEC_BITS = 30
WALL_SEC_BITS = 33
YEAR1_TO_1885 = (1884 * 365 + 1884 // 4 - 1884 // 100 + 1884 // 400) * SECONDS_PER_DAY
YEAR1_TO_UNIX = (1969 * 365 + 1969 // 4 - 1969 // 100 + 1969 // 400) * SECONDS_PER_DAY
MODEL_EPOCH_UNIX = 1257894000            # 2009-11-10 23:00:00 UTC: where the model's clock starts
UNITS = {b"ns": NANOSECOND, b"us": MICROSECOND, "µs".encode(): MICROSECOND,
         "μs".encode(): MICROSECOND, b"ms": MILLISECOND, b"s": SECOND, b"m": MINUTE, b"h": HOUR}
D, F64, I64 = DURATION, T.FLOAT64, T.INT64


# ------------------------------------------------------------ Duration

def duration_string(d: int) -> bytes:
    """72h3m0.5s, 1.5s, 12ms, 1.2µs, 0s: Go's shortest unit-suffixed form."""
    if d == 0:
        return b"0s"
    u = abs(d)
    if u < SECOND:
        for limit, unit, digits in ((MICROSECOND, "ns", 0), (MILLISECOND, "µs", 3),
                                    (SECOND, "ms", 6)):
            if u < limit:
                text = fraction(u, digits) + unit
                break
    else:
        seconds = fraction(u % MINUTE, 9) + "s"
        minutes, hours = u // MINUTE % 60, u // HOUR
        if hours:
            text = f"{hours}h{minutes}m{seconds}"
        elif minutes:
            text = f"{minutes}m{seconds}"
        else:
            text = seconds
    return (("-" if d < 0 else "") + text).encode()


def fraction(v: int, digits: int) -> str:
    """v / 10**digits in decimal, without trailing zeros (nor a bare point)."""
    whole, rest = divmod(v, 10 ** digits)
    decimals = str(rest).rjust(digits, "0").rstrip("0") if digits else ""
    return f"{whole}.{decimals}" if decimals else str(whole)


def go_rem(a: int, b: int) -> int:
    """Go's %: truncated division, the sign of the dividend."""
    r = abs(a) % abs(b)
    return -r if a < 0 else r


def truncate(d: int, m: int) -> int:
    return d if m <= 0 else d - go_rem(d, m)


def round_duration(d: int, m: int) -> int:
    """d rounded to a multiple of m, halfway away from zero, saturating."""
    if m <= 0:
        return d
    r = abs(go_rem(d, m))
    if d < 0:
        if r + r < m:
            return d + r
        return max(d - m + r, MIN_DURATION)
    if r + r < m:
        return d - r
    return min(d + m - r, MAX_DURATION)


def as_float(d: int, unit: int) -> float:
    whole, rest = int(d / unit), go_rem(d, unit)
    return float(whole) + float(rest) / unit


std_method("time", D, "String", [], [T.STRING], value_recv=True)(lambda w, d: duration_string(d))
std_method("time", D, "Nanoseconds", [], [I64], value_recv=True)(lambda w, d: d)
std_method("time", D, "Microseconds", [], [I64], value_recv=True)(lambda w, d: int(d / MICROSECOND))
std_method("time", D, "Milliseconds", [], [I64], value_recv=True)(lambda w, d: int(d / MILLISECOND))
std_method("time", D, "Seconds", [], [F64], value_recv=True)(lambda w, d: as_float(d, SECOND))
std_method("time", D, "Minutes", [], [F64], value_recv=True)(lambda w, d: as_float(d, MINUTE))
std_method("time", D, "Hours", [], [F64], value_recv=True)(lambda w, d: as_float(d, HOUR))
std_method("time", D, "Truncate", [D], [D], value_recv=True)(lambda w, d, m: truncate(d, m))
std_method("time", D, "Round", [D], [D], value_recv=True)(lambda w, d, m: round_duration(d, m))
std_method("time", D, "Abs", [], [D], value_recv=True)(
    lambda w, d: MAX_DURATION if d == MIN_DURATION else abs(d))


@gofunc("time", "ParseDuration", [T.STRING], [D, T.ERROR])
def parse_duration(world, text: bytes):
    try:
        return parse(text), None
    except DurationError as err:
        return 0, new_error(world, err.message)


class DurationError(Exception):
    def __init__(self, message: bytes):
        super().__init__(message)
        self.message = message


def parse(text: bytes) -> int:
    """[-+]?([0-9]*(\\.[0-9]*)?[a-z]+)+ as Go reads it, exactly, to the nanosecond."""
    quoted = b'"' + text + b'"'
    invalid = DurationError(b"time: invalid duration " + quoted)
    s, neg = text, False
    if s[:1] in (b"-", b"+"):
        neg, s = s[:1] == b"-", s[1:]
    if s == b"0":
        return 0
    if not s:
        raise invalid
    total = 0
    while s:
        whole, s = _digits(s)
        frac = b""
        if s[:1] == b".":
            frac, s = _digits(s[1:])
        if not whole and not frac:
            raise invalid
        unit_end = next((k for k, c in enumerate(s) if c == ord(".") or 48 <= c <= 57), len(s))
        unit, s = s[:unit_end], s[unit_end:]
        if not unit:
            raise DurationError(b"time: missing unit in duration " + quoted)
        if unit not in UNITS:
            raise DurationError(b'time: unknown unit "' + unit + b'" in duration ' + quoted)
        scale = UNITS[unit]
        value = int(whole or b"0") * scale
        if frac:
            value += int(frac) * scale // 10 ** len(frac)
        total += value
        if total > 1 << 63:
            raise invalid
    if total > MAX_DURATION and not neg:
        raise invalid
    return -total if neg else total


def _digits(s: bytes):
    k = 0
    while k < len(s) and 48 <= s[k] <= 57:
        k += 1
    return s[:k], s[k:]


# ------------------------------------------------------------ Time

class Clock:
    """A Time's fields, decoded: seconds since year 1, nanoseconds, monotonic (or None)."""

    def __init__(self, abs_sec: int, nsec: int, mono=None):
        self.abs_sec, self.nsec, self.mono = abs_sec, nsec, mono

    @classmethod
    def load(cls, world, addr: int) -> "Clock":
        wall, ext = world.aspace.load(addr, "Q"), world.aspace.load(addr + 8, "q")
        nsec = wall & ((1 << NSEC_BITS) - 1)
        if wall & HAS_MONOTONIC:
            sec = (wall >> NSEC_BITS) & ((1 << WALL_SEC_BITS) - 1)
            return cls(YEAR1_TO_1885 + sec, nsec, ext)
        return cls(ext, nsec)

    def store(self, world, addr: int):
        if self.mono is not None and 0 <= self.abs_sec - YEAR1_TO_1885 < 1 << WALL_SEC_BITS:
            wall = HAS_MONOTONIC | ((self.abs_sec - YEAR1_TO_1885) << NSEC_BITS) | self.nsec
            ext = self.mono
        else:
            wall, ext = self.nsec, self.abs_sec
        world.aspace.store(addr, "Q", wall)
        world.aspace.store(addr + 8, "q", ext)
        world.aspace.store(addr + 16, "Q", 0)        # loc: UTC

    def wall_ns(self) -> int:
        return self.abs_sec * SECOND + self.nsec

    def unix(self) -> int:
        return self.abs_sec - YEAR1_TO_UNIX

    def unix_nano(self) -> int:
        return self.unix() * SECOND + self.nsec

    def is_zero(self) -> bool:
        return self.abs_sec == 0 and self.nsec == 0

    def plus(self, d: int) -> "Clock":
        total = self.wall_ns() + d
        mono = self.mono + d if self.mono is not None else None
        return Clock(total // SECOND, total % SECOND, mono)


def new_time(world, clock: Clock) -> int:
    """A Time result: built in a heap temporary that callconv copies into the result slot."""
    addr = world.malloc(TIME.size, "time.Time", ())
    clock.store(world, addr)
    return addr


def now(world) -> Clock:
    wall = MODEL_EPOCH_UNIX * SECOND + world.timers.now
    return Clock(YEAR1_TO_UNIX + wall // SECOND, wall % SECOND, world.timers.now)


def sub(t: Clock, u: Clock) -> int:
    if t.mono is not None and u.mono is not None:
        d = t.mono - u.mono
    else:
        d = t.wall_ns() - u.wall_ns()
    return max(MIN_DURATION, min(MAX_DURATION, d))


def compare(t: Clock, u: Clock) -> int:
    if t.mono is not None and u.mono is not None:
        a, b = t.mono, u.mono
    else:
        a, b = t.wall_ns(), u.wall_ns()
    return (a > b) - (a < b)


def time_string(t: Clock) -> bytes:
    """2009-11-10 23:00:00.5 +0000 UTC m=+0.500000001 (Go's String layout)."""
    date = datetime.datetime(1, 1, 1) + datetime.timedelta(seconds=t.abs_sec)
    text = (f"{date.year:04d}-{date.month:02d}-{date.day:02d} "
            f"{date.hour:02d}:{date.minute:02d}:{date.second:02d}")
    if t.nsec:
        text += "." + str(t.nsec).rjust(9, "0").rstrip("0")
    text += " +0000 UTC"
    if t.mono is not None:
        sign = "-" if t.mono < 0 else "+"
        text += f" m={sign}{abs(t.mono) // SECOND}.{abs(t.mono) % SECOND:09d}"
    return text.encode()


TP = TIME
gofunc("time", "Now", [], [TP])(lambda w: new_time(w, now(w)))
gofunc("time", "Since", [TP], [D])(lambda w, t: sub(now(w), Clock.load(w, t)))
gofunc("time", "Until", [TP], [D])(lambda w, t: sub(Clock.load(w, t), now(w)))
gofunc("time", "Unix", [I64, I64], [TP])(
    lambda w, sec, nsec: new_time(w, Clock(YEAR1_TO_UNIX + sec, 0).plus(nsec)))
std_method("time", TP, "Sub", [TP], [D], value_recv=True)(
    lambda w, t, u: sub(Clock.load(w, t), Clock.load(w, u)))
std_method("time", TP, "Add", [D], [TP], value_recv=True)(
    lambda w, t, d: new_time(w, Clock.load(w, t).plus(d)))
std_method("time", TP, "Before", [TP], [T.BOOL], value_recv=True)(
    lambda w, t, u: compare(Clock.load(w, t), Clock.load(w, u)) < 0)
std_method("time", TP, "After", [TP], [T.BOOL], value_recv=True)(
    lambda w, t, u: compare(Clock.load(w, t), Clock.load(w, u)) > 0)
std_method("time", TP, "Equal", [TP], [T.BOOL], value_recv=True)(
    lambda w, t, u: compare(Clock.load(w, t), Clock.load(w, u)) == 0)
std_method("time", TP, "IsZero", [], [T.BOOL], value_recv=True)(
    lambda w, t: Clock.load(w, t).is_zero())
std_method("time", TP, "Unix", [], [I64], value_recv=True)(lambda w, t: Clock.load(w, t).unix())
std_method("time", TP, "UnixNano", [], [I64], value_recv=True)(
    lambda w, t: Clock.load(w, t).unix_nano())
std_method("time", TP, "UnixMilli", [], [I64], value_recv=True)(
    lambda w, t: Clock.load(w, t).unix_nano() // MILLISECOND)
std_method("time", TP, "String", [], [T.STRING], value_recv=True)(
    lambda w, t: time_string(Clock.load(w, t)))
std_method("time", TP, "UTC", [], [TP], value_recv=True)(lambda w, t: new_time(w, Clock.load(w, t)))
