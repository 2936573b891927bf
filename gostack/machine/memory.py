"""memory: the 64-bit address space every goroutine stack and heap object lives in.

Go counterpart: none in src/runtime; this is the hardware and the kernel
below it (mmap, munmap, PROT_NONE guard pages, SIGSEGV), as Go 1.19 sees
them on linux/amd64.

An AddressSpace is a sorted set of non-overlapping Mappings, each a
half-open range [lo, hi) with permissions and a name, as one line of
/proc/self/maps shows it:

    00400000-00452000 r-xp 00000000 00:00 0                                  hello
    c000000000-c000008000 rw-p 00000000 00:00 0                              stack
    c000008000-c00000a000 ---p 00000000 00:00 0 
    7ffffff00000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]

(byte for byte the kernel's format: at least 8 hex digits, the name at
column 73, a trailing space after the inode when there is no name; the
offset, device and inode of file mappings are not modelled: always 0.)

Every byte of a mapping is real: `buf` holds exactly hi - lo bytes, and typed
memoryviews over it (q, Q, i, I, h, H, b, B, d) let the executor read and
write words by index, `m.q[(addr - m.lo) >> 3]`, without going through this
module at all.  `load`/`store` are the simple, checked way in; `find` caches
the last mapping it returned, since accesses cluster.

Invariants:
  - mappings never overlap; lo and size are multiples of 8 (the word);
  - an access outside every mapping raises Fault(kind="unmapped"), one to a
    PROT_NONE mapping (perm "---p", guard pages) Fault(kind="guard"), a store
    to a mapping without "w" Fault(kind="protection");
  - memory is zero when mapped, and its contents survive only as long as
    the mapping: unmap and map again gives zeros.

Where it deliberately differs from Linux:
  - granularity is the 8-byte word, not the 4 KiB page, so a 2 KiB goroutine
    stack can be mapped and unmapped on its own and a use after free faults
    at once (Go's stackFaultOnFree, our default: DESIGN.md invariant 3);
  - adjacent mappings with equal permissions are not merged;
  - x86 has no write-only pages, so any mapping that is not PROT_NONE is
    readable;
  - big mappings are backed by an anonymous host mmap rather than a
    bytearray, so that, as in a real process, untouched pages of a 1 GB
    stack cost no host memory.
"""

from __future__ import annotations

import mmap
import struct
from bisect import bisect_right, insort

from gostack.profiles import PTR_SIZE

# Typed views every Mapping carries: struct code -> log2(item size).
VIEW_SHIFTS = {"q": 3, "Q": 3, "d": 3, "f": 2, "i": 2, "I": 2, "h": 1, "H": 1, "b": 0, "B": 0}

# Host detail: the struct code each view is cast with.  The q view (int64) is
# cast as "n" (ssize_t): on the 64-bit hosts gostack runs on, the same 8 bytes
# and the same range, but CPython converts an int of two or more digits (every
# address) with PyLong_AsSsize_t's short loop where "q" goes through
# _PyLong_AsByteArray, which made storing a saved frame pointer twice as slow.
HOST_FORMAT = {"q": "n"} if struct.calcsize("n") == 8 else {}

# Host detail, not a Go constant: mappings at least this big are backed by an
# anonymous mmap (lazily zero pages) instead of a bytearray (memset at once).
HOST_MMAP_THRESHOLD = 1 << 20

FAULT_KINDS = ("unmapped", "guard", "protection")

MAPS_NAME_COLUMN = 73     # show_map_vma pads to 25 + 6 * sizeof(void *) - 1, then a space

# Host detail: copies up to this size slice the buffers directly (a temporary
# copy is cheaper than making views); larger ones go through memoryviews.
SMALL_COPY = 4096


class Fault(Exception):
    """A memory access the hardware refuses: what becomes SIGSEGV."""

    def __init__(self, addr: int, write: bool, kind: str, name: str = ""):
        assert kind in FAULT_KINDS, kind
        self.addr = addr
        self.write = write
        self.kind = kind
        self.name = name
        super().__init__(addr, write, kind, name)

    def __str__(self) -> str:
        access = "write" if self.write else "read"
        where = {"unmapped": "unmapped address",
                 "guard": "guard page (PROT_NONE)",
                 "protection": "read-only mapping"}[self.kind]
        named = f" {self.name}" if self.name else ""
        return f"fault: {access} at {self.addr:#x}: {where}{named}"


def _new_buffer(size: int):
    if size >= HOST_MMAP_THRESHOLD:
        return mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    return bytearray(size)


class Mapping:
    """One mapped range [lo, hi): its permissions, name and bytes.

    `buf` is None for a PROT_NONE mapping (guard page or reservation); then
    every typed view is None too.
    """

    __slots__ = ("lo", "hi", "perm", "name", "buf", "writable", "_views")

    def __init__(self, lo: int, hi: int, perm: str = "rw-p", name: str = ""):
        self.lo = lo
        self.hi = hi
        self.perm = perm
        self.name = name
        self.writable = "w" in perm
        self.buf = None if perm.startswith("---") else _new_buffer(hi - lo)
        self._views = {}

    def view(self, fmt: str):
        """The typed view fmt, made on first use (a memoryview costs ~180 bytes)."""
        view = self._views.get(fmt)
        if view is None and self.buf is not None:
            view = self._views[fmt] = memoryview(self.buf).cast(HOST_FORMAT.get(fmt, fmt))
        return view

    @property
    def size(self) -> int:
        return self.hi - self.lo

    @property
    def is_guard(self) -> bool:
        return self.buf is None

    def __contains__(self, addr: int) -> bool:
        return self.lo <= addr < self.hi

    def __repr__(self) -> str:
        return f"Mapping({self.lo:#x}-{self.hi:#x} {self.perm} {self.name!r})"

    def maps_line(self) -> str:
        """One line as Linux's show_map_vma prints it: the name, if any, at column 73."""
        line = f"{self.lo:08x}-{self.hi:08x} {self.perm} 00000000 00:00 0 "
        return f"{line:<{MAPS_NAME_COLUMN - 1}} {self.name}" if self.name else line


# Stands in for "no cached mapping": contains no address.
_NO_MAPPING = Mapping(0, 0, "---p", "")


def _view_property(fmt: str):
    def get(self):
        view = self._views.get(fmt)
        return view if view is not None else self.view(fmt)
    return property(get)


for _fmt in VIEW_SHIFTS:
    setattr(Mapping, _fmt, _view_property(_fmt))


class AddressSpace:
    """The process's virtual memory: map, unmap, find, load and store."""

    def __init__(self):
        self._starts: list[int] = []          # sorted mapping starts
        self._by_start: dict[int, Mapping] = {}
        self._last: Mapping = _NO_MAPPING     # last accessible mapping found

    # -- mapping and unmapping ----------------------------------------------

    def map(self, lo: int, size: int, perm: str = "rw-p", name: str = "") -> Mapping:
        """Map [lo, lo+size) zero-filled; ValueError if misaligned or overlapping."""
        self._check_range(lo, size)
        if len(perm) != 4:
            raise ValueError(f"bad permissions {perm!r}")
        self._check_free(lo, lo + size)
        m = Mapping(lo, lo + size, perm, name)
        insort(self._starts, lo)
        self._by_start[lo] = m
        return m

    def map_guard(self, lo: int, size: int, name: str = "") -> Mapping:
        """Map a PROT_NONE range: every access to it faults with kind "guard"."""
        return self.map(lo, size, "---p", name)

    def unmap(self, lo: int, size: int | None = None) -> None:
        """Remove the mapping starting at lo, or (with size) every byte of
        [lo, lo+size), splitting mappings that straddle its ends, as munmap does.
        """
        if size is None:
            if lo not in self._by_start:
                raise ValueError(f"no mapping starts at {lo:#x}")
            self._remove(self._by_start[lo])
            return
        self._check_range(lo, size)
        for m in self._overlapping(lo, lo + size):
            self._remove(m)
            self._keep_piece(m, m.lo, lo)
            self._keep_piece(m, lo + size, m.hi)

    def _keep_piece(self, old: Mapping, lo: int, hi: int) -> None:
        if lo >= hi or not (old.lo <= lo and hi <= old.hi):
            return
        piece = self.map(lo, hi - lo, old.perm, old.name)
        if old.buf is not None:
            piece.B[:] = old.B[lo - old.lo:hi - old.lo]

    def _remove(self, m: Mapping) -> None:
        del self._by_start[m.lo]
        self._starts.pop(bisect_right(self._starts, m.lo) - 1)
        if self._last is m:
            self._last = _NO_MAPPING

    @staticmethod
    def _check_range(lo: int, size: int) -> None:
        if size <= 0 or lo < 0 or lo % PTR_SIZE or size % PTR_SIZE:
            raise ValueError(f"bad range {lo:#x} size {size:#x}: "
                             f"lo and size must be positive multiples of {PTR_SIZE}")

    def _check_free(self, lo: int, hi: int) -> None:
        clash = self._overlapping(lo, hi)
        if clash:
            raise ValueError(f"[{lo:#x}, {hi:#x}) overlaps {clash[0]!r}")

    def _overlapping(self, lo: int, hi: int) -> list[Mapping]:
        i = max(bisect_right(self._starts, lo) - 1, 0)
        found = []
        while i < len(self._starts) and self._starts[i] < hi:
            m = self._by_start[self._starts[i]]
            if m.hi > lo:
                found.append(m)
            i += 1
        return found

    # -- lookup -------------------------------------------------------------

    def mapping_at(self, addr: int) -> Mapping | None:
        """The mapping containing addr, guard or not; None if unmapped."""
        i = bisect_right(self._starts, addr) - 1
        if i < 0:
            return None
        m = self._by_start[self._starts[i]]
        return m if addr < m.hi else None

    def find(self, addr: int, write: bool = False) -> Mapping:
        """The accessible mapping containing addr, or Fault (unmapped or guard)."""
        m = self._last
        if m.lo <= addr < m.hi:
            return m
        m = self.mapping_at(addr)
        if m is None:
            raise Fault(addr, write, "unmapped")
        if m.buf is None:
            raise Fault(addr, write, "guard", m.name)
        self._last = m
        return m

    def _find_writable(self, addr: int) -> Mapping:
        m = self.find(addr, write=True)
        if not m.writable:
            raise Fault(addr, True, "protection", m.name)
        return m

    def mappings(self) -> list[Mapping]:
        return [self._by_start[lo] for lo in self._starts]

    def maps_text(self) -> str:
        """The address space as /proc/self/maps would print it."""
        return "".join(m.maps_line() + "\n" for m in self.mappings())

    # -- typed access -------------------------------------------------------

    def load(self, addr: int, fmt: str):
        """The value of type fmt ('q', 'Q', 'i', ... 'd') stored at addr."""
        m = self._last
        if not m.lo <= addr < m.hi:
            m = self.find(addr)
        shift = VIEW_SHIFTS[fmt]
        off = addr - m.lo
        if off & ((1 << shift) - 1):
            return struct.unpack("<" + fmt, self.read(addr, 1 << shift))[0]
        return getattr(m, fmt)[off >> shift]

    def store(self, addr: int, fmt: str, value) -> None:
        """Store value as type fmt at addr; value must be in range for fmt."""
        m = self._last
        if not (m.lo <= addr < m.hi and m.writable):
            m = self._find_writable(addr)
        shift = VIEW_SHIFTS[fmt]
        off = addr - m.lo
        if off & ((1 << shift) - 1):
            self.write(addr, struct.pack("<" + fmt, value))
            return
        getattr(m, fmt)[off >> shift] = value

    # -- bulk access (may cross mappings that touch) ------------------------

    def _pieces(self, addr: int, n: int, write: bool):
        """(mapping, offset, length) for each mapping [addr, addr+n) touches;
        faults at the first inaccessible byte before yielding anything."""
        pieces = []
        end = addr + n
        while addr < end:
            m = self._find_writable(addr) if write else self.find(addr)
            off = addr - m.lo
            length = min(end, m.hi) - addr
            pieces.append((m, off, length))
            addr += length
        return pieces

    def read(self, addr: int, n: int) -> bytes:
        if n <= 0:
            return b""
        m = self.find(addr)
        if addr + n <= m.hi:                    # the common case: one mapping
            return bytes(m.buf[addr - m.lo:addr - m.lo + n])
        return b"".join(m.B[off:off + k].tobytes() for m, off, k in self._pieces(addr, n, False))

    def write(self, addr: int, data) -> None:
        n = len(data)
        m = self._last
        if m.lo <= addr and addr + n <= m.hi and m.writable:
            m.buf[addr - m.lo:addr - m.lo + n] = data
            return
        data = memoryview(data).cast("B")
        done = 0
        for m, off, k in self._pieces(addr, len(data), True):
            m.B[off:off + k] = data[done:done + k]
            done += k

    def copy(self, dst: int, src: int, n: int) -> None:
        """memmove(dst, src, n): overlapping ranges are copied correctly."""
        if n <= 0:
            return
        s = self.find(src)
        d = self._find_writable(dst)
        if src + n <= s.hi and dst + n <= d.hi:
            so, do = src - s.lo, dst - d.lo
            if n <= SMALL_COPY:
                d.buf[do:do + n] = s.buf[so:so + n]      # a small slice: no views needed
            else:
                d.B[do:do + n] = s.B[so:so + n]          # views: no temporary copy of MBs
            return
        self.write(dst, self.read(src, n))

    def fill(self, addr: int, n: int, byte: int) -> None:
        """memset(addr, byte, n)."""
        if n <= 0:
            return
        pieces = self._pieces(addr, n, True)
        for m, off, k in pieces:
            m.B[off:off + k] = bytes(k) if byte == 0 else bytes((byte,)) * k
