"""errors: positions and the kinds of failure gostack distinguishes.

Three failure kinds, kept apart as the Go runtime keeps them (HACKING.md):
a compile error (exit 1, `FILE:LINE:COL: message`), what the Go program
itself does wrong (panics and fatal errors: printed by the runtime as Go
prints them, exit 2) and host limits of the Python model (exit 3, one line).
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_COMPILE = 1
EXIT_GO_PANIC = 2
EXIT_USAGE = 2
EXIT_HOST_LIMIT = 3
EXIT_SIGSEGV = 139


@dataclass(frozen=True)
class Pos:
    path: str
    line: int
    col: int

    def __str__(self):
        return f"{self.path}:{self.line}:{self.col}"


class CompileError(Exception):
    """A program the gc compiler would reject, or one outside gostack's subset."""

    def __init__(self, pos: Pos, message: str):
        super().__init__(f"{pos}: {message}")
        self.pos = pos
        self.message = message


class Unsupported(CompileError):
    def __init__(self, pos: Pos, what: str):
        super().__init__(pos, f"unsupported: {what}")


class HostLimit(Exception):
    """The model ran into a limit of the host (time, steps, memory), not Go's."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ProgramExit(Exception):
    """The process exits with code (main returned, os.Exit, log.Fatal): Go's runtime.exit."""

    def __init__(self, code: int):
        super().__init__(code)
        self.code = code
