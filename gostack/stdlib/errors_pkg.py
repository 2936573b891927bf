"""errors: New, Is, As, Unwrap; and the error values fmt.Errorf makes.

errors.New returns a *errors.errorString and fmt.Errorf a *fmt.wrapError
(with %w) as in Go: heap objects whose first field is the message, with
type descriptors the runtime makes (their Error and Unwrap methods are the
runtime's own functions, so Go code can call them through the interface).
"""

from __future__ import annotations

from .. import types as T
from ..runtime.hashmap import normalize
from ..runtime.panic import GoPanic
from .callconv import GoCall, Iface
from .registry import gofunc

ERRORSTRING = "*errors.errorString"
WRAPERROR = "*fmt.wrapError"


def new_error(world, text: bytes) -> Iface:
    box = world.malloc(16, ERRORSTRING, (0,))
    world.strings.set(box, world.strings.new(text))
    return Iface(world.ifaces.runtime_type(ERRORSTRING), box)


def wrap_error(world, text: bytes, inner: Iface) -> Iface:
    box = world.malloc(32, WRAPERROR, (0, 24))
    world.strings.set(box, world.strings.new(text))
    world.aspace.store(box + 16, "q", inner.tab)
    world.aspace.store(box + 24, "q", inner.data)
    return Iface(world.ifaces.runtime_type(WRAPERROR, unwrap=True), box)


@gofunc("errors", "New", [T.STRING], [T.ERROR])
def errors_new(world, text):
    return new_error(world, text)


def unwrap(world, err: Iface):
    """err's Unwrap() (a generator: a user Unwrap method is Go code), or a nil Iface."""
    if err.is_nil:
        return Iface(0, 0)
    info = world.ifaces.types[err.tab]
    if info.runtime_error == WRAPERROR:
        load = world.aspace.load
        return Iface(load(err.data + 16, "q"), load(err.data + 24, "q"))
    entry = info.methods.get("Unwrap")
    if entry is None:
        return Iface(0, 0)
    res = yield GoCall(entry, err.data.to_bytes(8, "little", signed=True), 16)
    return Iface(int.from_bytes(res[:8], "little", signed=True), int.from_bytes(res[8:], "little", signed=True))


@gofunc("errors", "Unwrap", [T.ERROR], [T.ERROR])
def errors_unwrap(world, err):
    return (yield from unwrap(world, err))


@gofunc("errors", "Is", [T.ERROR, T.ERROR], [T.BOOL])
def errors_is(world, err, target):
    if err.is_nil or target.is_nil:
        return err.is_nil and target.is_nil
    types = world.ifaces.types
    want = _key(world, target)
    while not err.is_nil:
        if types[err.tab].comparable and _key(world, err) == want:
            return True
        is_method = types[err.tab].methods.get("Is")
        if is_method is not None:          # a custom Is(target error) bool, in Go
            args = err.data.to_bytes(8, "little", signed=True) + target.tab.to_bytes(8, "little", signed=True) \
                + target.data.to_bytes(8, "little", signed=True)
            res = yield GoCall(is_method, args, 8)
            if res[0]:
                return True
        err = yield from unwrap(world, err)
    return False


def _key(world, v: Iface):
    box = world.malloc(16, "errors key", ())
    world.aspace.store(box, "q", v.tab)
    world.aspace.store(box + 8, "q", v.data)
    return normalize(world.aspace, box, ("i",), world.ifaces.types)


@gofunc("errors", "As", [T.ERROR, T.ANY], [T.BOOL])
def errors_as(world, err, target):
    if target.is_nil:
        raise GoPanic("errors: target cannot be nil")
    tinfo = world.ifaces.types[target.tab]
    if tinfo.type is None or not isinstance(tinfo.type.under, T.Pointer) or target.data == 0:
        raise GoPanic("errors: target must be a non-nil pointer")
    elem = tinfo.type.under.elem
    while not err.is_nil:
        info = world.ifaces.types[err.tab]
        if isinstance(elem.under, T.Interface):
            if all(name in info.methods for name in elem.under.methods):
                world.aspace.store(target.data, "q", err.tab)
                world.aspace.store(target.data + 8, "q", err.data)
                return True
        elif info.type is not None and (info.type is elem or T.identical(info.type, elem)):
            if info.direct:
                world.aspace.store(target.data, "q", err.data)
            else:
                world.aspace.copy(target.data, err.data, elem.size)
            return True
        err = yield from unwrap(world, err)
    return False
