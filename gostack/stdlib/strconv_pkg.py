"""strconv: Itoa, Atoi, Format*, Parse*, Quote*, Unquote*, Append*, IsPrint.

The conversions themselves are gostack/stdlib/strconv.py; errors are
*strconv.NumError values (below) or the package's ErrSyntax and ErrRange.
"""

from __future__ import annotations

from .. import types as T
from . import strconv as sc
from .callconv import Iface, append_bytes
from .errors_pkg import new_error
from .registry import PACKAGES, gofunc, named_struct, pkgvar, typename

S, I = T.STRING, T.INT


# *strconv.NumError is a heap struct with Go's exported fields Func, Num and
# Err.  Deliberate difference: it has two leading hidden fields, the finished
# message (so the runtime's Error method, which returns the string its
# receiver points at, serves it) and Err again at offset 16 (where the
# runtime's Unwrap method reads), so it is 64 bytes, not Go's 48.
NUMERROR = named_struct("strconv", "NumError", [("msg", S), ("err", T.ERROR), ("Func", S), ("Num", S),
                                                ("Err", T.ERROR)])
typename("strconv", "NumError", NUMERROR)
NUMERROR_NAME = "*strconv.NumError"


def _numerror_method(name, results, impl):
    gofunc("strconv", f"(*NumError).{name}", [T.Pointer(NUMERROR)], results)(impl)
    methods = PACKAGES["strconv"].setdefault("#methods", {}).setdefault(NUMERROR, {})
    methods[name] = PACKAGES["strconv"][f"(*NumError).{name}"]


_numerror_method("Error", [S], lambda w, e: w.strings.bytes_at(e))
_numerror_method("Unwrap", [T.ERROR], lambda w, e: Iface(w.aspace.load(e + 16, "q"), w.aspace.load(e + 24, "q")))


def _sentinel(world, name: str, text: bytes):
    """A package's error variable: one value (one pointer) for the whole run."""
    errs = world.__dict__.setdefault("std_errors", {})
    if name not in errs:
        errs[name] = err = new_error(world, text)
        world.collector.pin(err.data)
    return errs[name]


pkgvar("strconv", "ErrSyntax", T.ERROR)(lambda w: _sentinel(w, "strconv.ErrSyntax", sc.ERR_SYNTAX.text))
pkgvar("strconv", "ErrRange", T.ERROR)(lambda w: _sentinel(w, "strconv.ErrRange", sc.ERR_RANGE.text))


def _numerror_type(world) -> int:
    """The descriptor of *strconv.NumError: the program's own if it names the
    type (so x.(*strconv.NumError) matches), made with the runtime's Error and
    Unwrap methods."""
    ifaces = world.ifaces
    for info in ifaces.types.values():
        if info.runtime_error == NUMERROR_NAME:
            return info.addr
    mine = next((info for info in ifaces.types.values()
                 if isinstance(info.type, T.Pointer) and info.type.elem is NUMERROR), None)
    if mine is None:
        mine = ifaces.types[ifaces.runtime_type(NUMERROR_NAME, unwrap=True)]
        mine.type = T.Pointer(NUMERROR)
    mine.runtime_error = NUMERROR_NAME
    mine.methods.update(Error=world.program.runtime_error_pc, Unwrap=world.program.wrap_error_unwrap_pc)
    return mine.addr


def _error_value(world, err):
    if err is sc.ERR_SYNTAX:
        return _sentinel(world, "strconv.ErrSyntax", err.text)
    if err is sc.ERR_RANGE:
        return _sentinel(world, "strconv.ErrRange", err.text)
    return new_error(world, err.error())


def num_error(world, err):
    if err is None:
        return None
    if not isinstance(err, sc.NumError):
        return new_error(world, err.error() if hasattr(err, "error") else str(err).encode())
    box = world.malloc(NUMERROR.size, NUMERROR_NAME, NUMERROR.ptr_offsets())
    inner = _error_value(world, err.err)
    fields = {f.name: f.offset for f in NUMERROR.underlying.fields}
    for name, text in (("msg", err.error()), ("Func", err.func.encode()), ("Num", err.num)):
        world.strings.set(box + fields[name], world.strings.new(text))
    for name in ("err", "Err"):
        world.aspace.store(box + fields[name], "q", inner.tab)
        world.aspace.store(box + fields[name] + 8, "q", inner.data)
    return Iface(_numerror_type(world), box)


gofunc("strconv", "Itoa", [I], [S])(lambda w, n: sc.itoa(n))
gofunc("strconv", "FormatInt", [T.INT64, I], [S])(lambda w, n, base: sc.format_int(n, base))
gofunc("strconv", "FormatUint", [T.UINT64, I], [S])(lambda w, n, base: sc.format_uint(n, base))
gofunc("strconv", "FormatBool", [T.BOOL], [S])(lambda w, b: sc.format_bool(b))
gofunc("strconv", "FormatFloat", [T.FLOAT64, T.UINT8, I, I], [S])(
    lambda w, f, fmt, prec, bits: sc.format_float(f, chr(fmt), prec, bits))
gofunc("strconv", "Quote", [S], [S])(lambda w, s: sc.quote(s))
gofunc("strconv", "QuoteRune", [T.INT32], [S])(lambda w, r: sc.quote_rune(r))
gofunc("strconv", "QuoteToASCII", [S], [S])(lambda w, s: sc.quote_to_ascii(s))


@gofunc("strconv", "Atoi", [S], [I, T.ERROR])
def atoi(world, s):
    value, err = sc.atoi(s)
    return value, num_error(world, err)


@gofunc("strconv", "ParseInt", [S, I, I], [T.INT64, T.ERROR])
def parse_int(world, s, base, bits):
    value, err = sc.parse_int(s, base, bits)
    return value, num_error(world, err)


@gofunc("strconv", "ParseUint", [S, I, I], [T.UINT64, T.ERROR])
def parse_uint(world, s, base, bits):
    value, err = sc.parse_uint(s, base, bits)
    return value, num_error(world, err)


@gofunc("strconv", "ParseFloat", [S, I], [T.FLOAT64, T.ERROR])
def parse_float(world, s, bits):
    value, err = sc.parse_float(s, bits)
    return value, num_error(world, err)


@gofunc("strconv", "ParseBool", [S], [T.BOOL, T.ERROR])
def parse_bool(world, s):
    value, err = sc.parse_bool(s)
    return value, num_error(world, err)


@gofunc("strconv", "Unquote", [S], [S, T.ERROR])
def unquote(world, s):
    value, err = sc.unquote(s)
    return value, (_error_value(world, err) if err is not None else None)


# The Append* functions: append the formatted bytes to dst, as append would.
BYTES = T.Slice(T.UINT8)


def _appender(name, params, fmt):
    gofunc("strconv", name, [BYTES] + params, [BYTES])(lambda w, dst, *args: append_bytes(w, dst, fmt(*args)))


_appender("AppendInt", [T.INT64, I], sc.format_int)
_appender("AppendUint", [T.UINT64, I], sc.format_uint)
_appender("AppendBool", [T.BOOL], sc.format_bool)
_appender("AppendFloat", [T.FLOAT64, T.UINT8, I, I], lambda f, fmt, prec, bits: sc.format_float(f, chr(fmt), prec, bits))
_appender("AppendQuote", [S], sc.quote)
_appender("AppendQuoteToASCII", [S], sc.quote_to_ascii)
_appender("AppendQuoteToGraphic", [S], sc.quote_to_graphic)
_appender("AppendQuoteRune", [T.INT32], sc.quote_rune)
_appender("AppendQuoteRuneToASCII", [T.INT32], sc.quote_rune_to_ascii)
_appender("AppendQuoteRuneToGraphic", [T.INT32], sc.quote_rune_to_graphic)
gofunc("strconv", "QuoteToGraphic", [S], [S])(lambda w, s: sc.quote_to_graphic(s))
gofunc("strconv", "QuoteRuneToASCII", [T.INT32], [S])(lambda w, r: sc.quote_rune_to_ascii(r))
gofunc("strconv", "QuoteRuneToGraphic", [T.INT32], [S])(lambda w, r: sc.quote_rune_to_graphic(r))
gofunc("strconv", "CanBackquote", [S], [T.BOOL])(lambda w, s: sc.can_backquote(s))
gofunc("strconv", "IsPrint", [T.INT32], [T.BOOL])(lambda w, r: sc.is_print(r))
gofunc("strconv", "IsGraphic", [T.INT32], [T.BOOL])(lambda w, r: sc.is_graphic(r))


@gofunc("strconv", "UnquoteChar", [S, T.UINT8], [T.INT32, T.BOOL, S, T.ERROR])
def unquote_char(world, s, quote):
    value, multibyte, tail, err = sc.unquote_char(s, quote)
    return value, multibyte, tail, (_error_value(world, err) if err is not None else None)
