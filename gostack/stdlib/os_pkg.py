"""os: Exit, Args, Stdout and Stderr (the files fmt.Fprint* writes to)."""

from __future__ import annotations

import os.path

from .. import types as T
from ..errors import ProgramExit
from .callconv import Slice
from .registry import gofunc, named_struct, pkgvar, typename

FILE = named_struct("os", "File", [("fd", T.INT)])
FILE_PTR = T.Pointer(FILE)
typename("os", "File", FILE)


def fd_of(world, ptr: int) -> int:
    """The file descriptor of an *os.File (its fd field)."""
    return world.aspace.load(ptr, "q") if ptr else 1


def std_file(world, fd: int) -> int:
    files = world.__dict__.setdefault("std_files", {})
    if fd not in files:
        addr = world.malloc(8, "os.File", ())
        world.collector.pin(addr)
        world.aspace.store(addr, "q", fd)
        files[fd] = addr
    return files[fd]


@pkgvar("os", "Stdout", FILE_PTR)
def stdout(world):
    return std_file(world, 1)


@pkgvar("os", "Stderr", FILE_PTR)
def stderr(world):
    return std_file(world, 2)


@pkgvar("os", "Args", T.Slice(T.STRING))
def args(world):
    """os.Args: the program's name only (gostack runs programs with no arguments)."""
    name = os.path.basename(world.program.source_path)
    name = name[:-3] if name.endswith(".go") else name
    header = world.malloc(16, "os.Args", (0,))
    world.strings.set(header, world.strings.new(name.encode()))
    return Slice(header, 1, 1)


@gofunc("os", "Exit", [T.INT], [])
def exit_(world, code):
    raise ProgramExit(code & 0xFF)


def write_fd(world, fd: int, data: bytes):
    text = data.decode("utf-8", "surrogateescape")
    (world.write_stderr if fd == 2 else world.write_stdout)(text)
    return len(data), None


def file_method(name, params, results):
    def register(impl):
        from .registry import PACKAGES
        gofunc("os", f"(*File).{name}", [FILE_PTR] + params, results)(impl)
        PACKAGES["os"].setdefault("#methods", {}).setdefault(FILE, {})[name] = PACKAGES["os"][f"(*File).{name}"]
        return impl
    return register


@file_method("WriteString", [T.STRING], [T.INT, T.ERROR])
def file_write_string(world, f, s):
    return write_fd(world, fd_of(world, f), s)


@file_method("Write", [T.Slice(T.UINT8)], [T.INT, T.ERROR])
def file_write(world, f, b):
    return write_fd(world, fd_of(world, f), world.aspace.read(b.ptr, b.len) if b.len else b"")
