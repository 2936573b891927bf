"""log: the standard logger (Print*, Fatal*, Panic*, SetFlags, SetPrefix).

Go counterpart: package log's std Logger writing to os.Stderr.  Each line is
the prefix, the date and time the flags ask for (local time, as Go's), the
message formatted by fmt's rules, and a newline if the message lacks one.
Fatal* then exit with status 1; Panic* panic with the message.
Deliberate difference: Lshortfile and Llongfile add no file:line (the model
has no Caller for standard-library code).
"""

from __future__ import annotations

import datetime

from .. import types as T
from ..errors import ProgramExit
from ..runtime.panic import GoPanic
from . import fmt as gofmt
from .fmt_pkg import ANY_SLICE, operands
from .os_pkg import write_fd
from .registry import const, gofunc

FLAGS = {"Ldate": 1, "Ltime": 2, "Lmicroseconds": 4, "Llongfile": 8, "Lshortfile": 16,
         "LUTC": 32, "Lmsgprefix": 64, "LstdFlags": 3}
STDERR = 2
FATAL_EXIT = 1

for _name, _value in FLAGS.items():
    const("log", _name, T.UNTYPED_INT, _value)


def _state(world) -> dict:
    return world.__dict__.setdefault("log_state", {"flags": FLAGS["LstdFlags"], "prefix": b""})


def header(flags: int, now: datetime.datetime) -> bytes:
    out = ""
    if flags & FLAGS["LUTC"]:
        now = now.astimezone(datetime.timezone.utc)
    if flags & FLAGS["Ldate"]:
        out += now.strftime("%Y/%m/%d ")
    if flags & (FLAGS["Ltime"] | FLAGS["Lmicroseconds"]):
        out += now.strftime("%H:%M:%S")
        if flags & FLAGS["Lmicroseconds"]:
            out += f".{now.microsecond:06d}"
        out += " "
    return out.encode()


def line(world, msg: bytes) -> bytes:
    st = _state(world)
    prefix, flags = st["prefix"], st["flags"]
    head = header(flags, datetime.datetime.now().astimezone())
    head = head + prefix if flags & FLAGS["Lmsgprefix"] else prefix + head
    return head + msg + (b"" if msg.endswith(b"\n") else b"\n")


def _output(world, msg: bytes, then: str):
    write_fd(world, STDERR, line(world, msg))
    if then == "fatal":
        raise ProgramExit(FATAL_EXIT)
    if then == "panic":
        raise GoPanic(msg.decode("utf-8", "surrogateescape"))


def _logger(name, formatter, with_format, then):
    params = ([T.STRING] if with_format else []) + [ANY_SLICE]

    def impl(world, *args):
        values = yield from operands(world, args[-1])
        msg = formatter(args[0], values) if with_format else formatter(values)
        _output(world, msg, then)
    gofunc("log", name, params, [], variadic=True)(impl)


for _kind, _then in (("Print", None), ("Fatal", "fatal"), ("Panic", "panic")):
    _logger(_kind, gofmt.sprint, False, _then)
    _logger(_kind + "f", gofmt.sprintf, True, _then)
    _logger(_kind + "ln", gofmt.sprintln, False, _then)

gofunc("log", "Flags", [], [T.INT])(lambda w: _state(w)["flags"])
gofunc("log", "SetFlags", [T.INT], [])(lambda w, f: _state(w).update(flags=f))
gofunc("log", "Prefix", [], [T.STRING])(lambda w: _state(w)["prefix"])
gofunc("log", "SetPrefix", [T.STRING], [])(lambda w, p: _state(w).update(prefix=p))
