"""panic: Go panics, runtime errors and fatal errors, printed as Go 1.19 prints them.

Go counterpart: src/runtime/panic.go (gopanic, printpanics, throw, fatal),
error.go (runtime.Error texts), signal_unix.go (sigpanic).

This module holds the failure values and their headers; running the
deferred calls, recover and printing a panic chain live in deferpanic.py.
An unrecovered panic ends the program: `panic: <value>` lines (with
` [recovered]` on a re-panicked one), the signal line for faults, a blank
line, the panicking goroutine's traceback, exit 2.
"""

from __future__ import annotations

from . import printfmt


class GoPanic(Exception):
    """A Go panic raised by the program or by a runtime check."""

    def __init__(self, text: str, runtime_error: bool = False, signal: str = ""):
        super().__init__(text)
        self.text = text
        self.runtime_error = runtime_error
        self.signal = signal

    def header_text(self) -> str:
        """The value's text as printpanicval shows it (Error() of a runtime error)."""
        return ("runtime error: " if self.runtime_error else "") + self.text

    def header(self) -> str:
        prefix = "runtime error: " if self.runtime_error else ""
        out = f"panic: {prefix}{self.text}\n"
        if self.signal:
            out += self.signal + "\n"
        return out


class GoFatal(Exception):
    """A fatal error or throw: `fatal error: <msg>`; not recoverable."""

    def __init__(self, msg: str, all_goroutines: bool = False, traceback: bool = True):
        super().__init__(msg)
        self.msg = msg
        self.all_goroutines = all_goroutines
        self.traceback = traceback


def index_error(i: int, n: int) -> GoPanic:
    if i < 0:                       # Go's boundsError prints no length for a negative index
        return GoPanic(f"index out of range [{i}]", runtime_error=True)
    return GoPanic(f"index out of range [{i}] with length {n}", runtime_error=True)


def divide_error() -> GoPanic:
    return GoPanic("integer divide by zero", runtime_error=True)


def shift_error() -> GoPanic:
    return GoPanic("negative shift amount", runtime_error=True)


def nil_deref(addr: int, pc: int, code: int) -> GoPanic:
    signal = f"[signal SIGSEGV: segmentation violation code={code:#x} addr={addr:#x} pc={pc:#x}]"
    return GoPanic("invalid memory address or nil pointer dereference", runtime_error=True,
                   signal=signal)


class UserPanic(GoPanic):
    """panic(v): v as the two words of an interface{}."""

    def __init__(self, tab: int, data: int):
        super().__init__("")
        self.tab, self.data = tab, data


def panic_value(value, token) -> GoPanic:
    """panic(v) for a basic value: Go prints the value, named types as T(v)."""
    kind, type_name, named = token
    if kind == "string":
        text = value
    elif kind == "bool":
        text = printfmt.format_bool(value)
    elif kind == "float":
        text = printfmt.format_float(value)
    elif kind == "uint":
        text = printfmt.format_uint(value)
    else:
        text = printfmt.format_int(value)
    if named:
        text = f'{type_name}("{text}")' if kind == "string" else f"{type_name}({text})"
    elif kind == "string":
        pass
    return GoPanic(text)
