"""fmt: Print*, Sprint*, Fprint* and Errorf over gostack/runtime/fmt.py.

Every operand arrives as an interface{} (the variadic ...any slice); its
dynamic value is decoded (stdlib/reflect.py), Error/String methods are run
in Go first, then the text is formatted and written to the goroutine's
stdout (fd 1) or stderr (fd 2), or returned as a new string.
"""

from __future__ import annotations

from ..compiler import types as T
from ..runtime import fmt as gofmt
from .abi import Iface
from .errors_pkg import new_error, wrap_error
from .os_pkg import FILE_PTR, fd_of
from .reflect import Decoder
from .registry import gofunc, typename

STRINGER = T.Named("Stringer", T.Interface({"String": T.Signature([], [T.STRING])}), pkg="fmt")
typename("fmt", "Stringer", STRINGER)

ANY_SLICE = T.Slice(T.ANY)
INT_ERROR = [T.INT, T.ERROR]


def operands(world, args):
    """Decode the ...any slice; a generator (method calls), returning GoValues."""
    dec = Decoder(world)
    values = []
    for k in range(args.len):
        addr = args.ptr + 16 * k
        values.append(dec.iface(world.aspace.load(addr, "q"), world.aspace.load(addr + 8, "q")))
    yield from dec.run_methods()
    return values


def write(world, fd: int, data: bytes):
    text = data.decode("utf-8", "surrogateescape")
    (world.write_stderr if fd == 2 else world.write_stdout)(text)
    return len(data), None


def _printer(name, fd_param, formatter, with_format):
    params = ([FILE_PTR] if fd_param else []) + ([T.STRING] if with_format else []) + [ANY_SLICE]

    def impl(world, *args):
        fd = fd_of(args[0]) if fd_param else 1
        fmt_string = args[-2] if with_format else None
        values = yield from operands(world, args[-1])
        data = formatter(fmt_string, values) if with_format else formatter(values)
        return write(world, fd, data)
    gofunc("fmt", name, params, INT_ERROR, variadic=True)(impl)


def _sprinter(name, formatter, with_format):
    params = ([T.STRING] if with_format else []) + [ANY_SLICE]

    def impl(world, *args):
        values = yield from operands(world, args[-1])
        return formatter(args[0], values) if with_format else formatter(values)
    gofunc("fmt", name, params, [T.STRING], variadic=True)(impl)


for _name, _fn, _f in (("Println", gofmt.sprintln, False), ("Print", gofmt.sprint, False),
                       ("Printf", gofmt.sprintf, True)):
    _printer(_name, False, _fn, _f)
for _name, _fn, _f in (("Fprintln", gofmt.sprintln, False), ("Fprint", gofmt.sprint, False),
                       ("Fprintf", gofmt.sprintf, True)):
    _printer(_name, True, _fn, _f)
for _name, _fn, _f in (("Sprintln", gofmt.sprintln, False), ("Sprint", gofmt.sprint, False),
                       ("Sprintf", gofmt.sprintf, True)):
    _sprinter(_name, _fn, _f)


@gofunc("fmt", "Errorf", [T.STRING, ANY_SLICE], [T.ERROR], variadic=True)
def errorf(world, format_, args):
    values = yield from operands(world, args)
    text, wrapped = gofmt.errorf(format_, values)
    if wrapped is None:
        return new_error(world, text)
    addr = args.ptr + 16 * wrapped
    inner = Iface(world.aspace.load(addr, "q"), world.aspace.load(addr + 8, "q"))
    return wrap_error(world, text, inner)
