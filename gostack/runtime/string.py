"""string: Go strings in memory: headers, new strings, conversions, runes.

Go counterpart: src/runtime/string.go (concatstrings, slicebytetostring,
stringtoslicebyte, stringtoslicerune, slicerunetostring, intstring) and
utf8.go (decoderune, encoderune), Go 1.19.

A string value is a 16-byte header {data pointer, length} wherever the
value lives (a frame slot, a struct field, a heap object); its bytes are
immutable.  Literals point into the binary's read-only data; every string
made at run time gets a fresh, pointer-free ("noscan") heap object, as
`rawstring` does.  The collector keeps that object alive through the header's
data word, which the stack maps and pointer maps list.

Deliberate differences: Go keeps short results of non-escaping conversions
and concatenations in a 32-byte buffer on the stack (tmpBuf); gostack always
allocates, which changes HeapAlloc but no output.  A one-byte string made by
a conversion does not point into Go's staticuint64s table.
"""

from __future__ import annotations

from ..profiles import PTR_SIZE
from .slice import roundupsize

RUNE_ERROR = 0xFFFD
TMP_BUF_LEN = 32          # tmpBufSize: elements of a conversion's buffer in the caller's frame
MAX_RUNE = 0x10FFFF


def decode_rune(data: bytes, i: int) -> tuple[int, int]:
    """(rune, width) of the UTF-8 sequence at data[i]: Go's decoderune.

    An invalid or truncated sequence decodes as (RuneError, 1), so ranging
    over a string advances one byte past every bad byte, as Go does.
    """
    b0 = data[i]
    if b0 < 0x80:
        return b0, 1
    n = len(data) - i
    for width, lead_min, lead_mask, low in ((2, 0xC2, 0x1F, 0x80), (3, 0xE0, 0x0F, 0x800),
                                            (4, 0xF0, 0x07, 0x10000)):
        if b0 < lead_min or (width < 4 and b0 >= (0xE0 if width == 2 else 0xF0)):
            continue
        if width == 4 and b0 > 0xF4:
            break
        if n < width:
            return RUNE_ERROR, 1
        r = b0 & lead_mask
        for k in range(1, width):
            c = data[i + k]
            if c & 0xC0 != 0x80:
                return RUNE_ERROR, 1
            r = (r << 6) | (c & 0x3F)
        if r < low or r > MAX_RUNE or 0xD800 <= r <= 0xDFFF:
            return RUNE_ERROR, 1
        return r, width
    return RUNE_ERROR, 1


def encode_rune(r: int) -> bytes:
    """The UTF-8 of rune r; invalid runes (surrogates, > MaxRune) become U+FFFD."""
    if r < 0 or r > MAX_RUNE or 0xD800 <= r <= 0xDFFF:
        r = RUNE_ERROR
    return chr(r).encode()


def runes_of(data: bytes) -> list[int]:
    out, i = [], 0
    while i < len(data):
        r, w = decode_rune(data, i)
        out.append(r)
        i += w
    return out


class Strings:
    """The string operations blocks call, over one world's memory and heap."""

    def __init__(self, world):
        self.world = world
        self.aspace = world.aspace

    def header(self, addr: int) -> tuple[int, int]:
        load = self.aspace.load
        return load(addr, "q"), load(addr + PTR_SIZE, "q")

    def bytes_at(self, addr: int) -> bytes:
        """The contents of the string whose header is at addr."""
        ptr, n = self.header(addr)
        return self.aspace.read(ptr, n) if n else b""

    def bytes_at_header(self, header: bytes) -> bytes:
        """The contents of a string given its 16-byte header."""
        ptr = int.from_bytes(header[:8], "little", signed=True)
        n = int.from_bytes(header[8:16], "little", signed=True)
        return self.aspace.read(ptr, n) if n else b""

    def new(self, data: bytes) -> tuple[int, int]:
        """rawstring: a fresh heap object holding data; (pointer, length)."""
        if not data:
            return 0, 0
        ptr = self.world.malloc(len(data), "string", ())
        self.aspace.write(ptr, data)
        return ptr, len(data)

    def set(self, dst: int, ptr_len: tuple[int, int]) -> None:
        store = self.aspace.store
        store(dst, "q", ptr_len[0])
        store(dst + PTR_SIZE, "q", ptr_len[1])

    def to_bytes_slice(self, dst: int, data: bytes, tmpbuf: int = 0) -> None:
        """[]byte(s): the caller's tmpBuf if it fits, else a new array (size-class cap)."""
        self._to_slice(dst, data, 1, "B", tmpbuf, "[]byte")

    def to_runes_slice(self, dst: int, data: bytes, tmpbuf: int = 0) -> None:
        self._to_slice(dst, runes_of(data), 4, "i", tmpbuf, "[]rune")

    def _to_slice(self, dst, items, size, fmt, tmpbuf, name):
        n = len(items)
        if tmpbuf and n <= TMP_BUF_LEN:
            ptr, cap = tmpbuf, TMP_BUF_LEN
            self.aspace.fill(ptr, TMP_BUF_LEN * size, 0)
        elif n:
            cap = roundupsize(n * size) // size
            ptr = self.world.malloc(cap * size, name, ())
        else:
            ptr, cap = 0, 0
        if size == 1:
            if n:
                self.aspace.write(ptr, items)
        else:
            for k, r in enumerate(items):
                self.aspace.store(ptr + size * k, fmt, r)
        self._slice_header(dst, ptr, n, cap)

    def _slice_header(self, dst, ptr, length, cap):
        store = self.aspace.store
        store(dst, "q", ptr)
        store(dst + PTR_SIZE, "q", length)
        store(dst + 2 * PTR_SIZE, "q", cap)

    def from_runes(self, ptr: int, n: int) -> tuple[int, int]:
        data = b"".join(encode_rune(self.aspace.load(ptr + 4 * k, "i")) for k in range(n))
        return self.new(data)

    def from_bytes(self, ptr: int, n: int) -> tuple[int, int]:
        return self.new(self.aspace.read(ptr, n) if n else b"")

    def decoderune(self, ptr: int, i: int, n: int) -> int:
        """The rune at byte i of a string of n bytes, packed as (width << 32) | rune."""
        window = self.aspace.read(ptr + i, min(4, n - i))
        r, w = decode_rune(window, 0)
        return (w << 32) | r
