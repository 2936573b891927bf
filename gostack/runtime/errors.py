"""errors: the runtime's own failure kinds.

Go counterpart: throw() in src/runtime/panic.go (Go 1.19).  A throw means the
runtime found itself broken (in gostack: a model invariant failed), never
that the Go program did something wrong; user-level panics and fatal errors
are reported elsewhere.
"""

from __future__ import annotations


class RuntimeThrow(Exception):
    """throw(msg): an internal runtime error; msg is Go's constant text,
    printed as "fatal error: <msg>"."""

    def __init__(self, msg: str):
        super().__init__(msg)
        self.msg = msg


class StackOverflow(Exception):
    """newstack refused to grow: Go prints two `runtime:` lines and throws."""

    def __init__(self, limit: int, sp: int, lo: int, hi: int):
        super().__init__("stack overflow")
        self.limit, self.sp, self.lo, self.hi = limit, sp, lo, hi


def throw(s: str):
    """runtime.throw: the runtime found itself broken; never returns."""
    raise RuntimeThrow(s)
