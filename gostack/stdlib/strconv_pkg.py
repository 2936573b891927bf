"""strconv: Itoa, Atoi, FormatInt, ParseInt, ParseFloat, FormatFloat, Quote, ParseBool.

The conversions themselves are gostack/runtime/strconv.py; errors are
*strconv.NumError values whose Error() is the runtime's string method.
"""

from __future__ import annotations

from ..compiler import types as T
from ..runtime import strconv as sc
from .abi import append_bytes
from .errors_pkg import new_error
from .registry import gofunc

S, I = T.STRING, T.INT


def num_error(world, err):
    if err is None:
        return None
    value = new_error(world, err.error() if hasattr(err, "error") else str(err).encode())
    value.tab = world.ifaces.runtime_type("*strconv.NumError")
    return value


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
    return value, (new_error(world, b"invalid syntax") if err is not None else None)


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
    return value, multibyte, tail, (new_error(world, b"invalid syntax") if err is not None else None)
