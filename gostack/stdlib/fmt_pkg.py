"""fmt: Print*, Sprint*, Fprint* and Errorf over gostack/stdlib/fmt.py.

Every operand arrives as an interface{} (the variadic ...any slice); its
dynamic value is decoded (stdlib/reflect.py), Error/String methods are run
in Go first, then the text is formatted and written to the goroutine's
stdout (fd 1) or stderr (fd 2), or returned as a new string.
"""

from __future__ import annotations

from .. import types as T
from . import fmt as gofmt
from .callconv import Iface
from .errors_pkg import new_error, wrap_error
from .callconv import GoCall
from .io_pkg import WRITER
from .os_pkg import fd_of, write_fd
from .strings_pkg import builder_append
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


def write_to(world, w, data: bytes):
    """Write data to an io.Writer: a file, a strings.Builder, or any Write method (in Go)."""
    if w is None:
        return write_fd(world, 1, data)
    info = world.ifaces.types.get(w.tab) if w.tab else None
    name = info.name if info is not None else ""
    if name == "*os.File":
        return write_fd(world, fd_of(world, w.data), data)
    if name == "*strings.Builder":
        builder_append(world, w.data, data)
        return len(data), None
    if info is None:
        world.aspace.load(0, "q")           # a nil io.Writer: nil dereference
    buf = world.malloc(max(len(data), 1), "[]byte", ())
    if data:
        world.aspace.write(buf, data)
    args = w.data.to_bytes(8, "little", signed=True) + buf.to_bytes(8, "little", signed=True) \
        + len(data).to_bytes(8, "little") + len(data).to_bytes(8, "little")
    res = yield GoCall(info.methods["Write"], args, 24)
    n = int.from_bytes(res[:8], "little", signed=True)
    err = Iface(int.from_bytes(res[8:16], "little", signed=True), int.from_bytes(res[16:24], "little", signed=True))
    return n, (None if err.is_nil else err)


def _write(world, w, data):
    out = write_to(world, w, data)
    if hasattr(out, "send"):
        return (yield from out)
    return out


def _printer(name, fd_param, formatter, with_format):
    params = ([WRITER] if fd_param else []) + ([T.STRING] if with_format else []) + [ANY_SLICE]

    def impl(world, *args):
        fmt_string = args[-2] if with_format else None
        values = yield from operands(world, args[-1])
        data = formatter(fmt_string, values) if with_format else formatter(values)
        return (yield from _write(world, args[0] if fd_param else None, data))
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
