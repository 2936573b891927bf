"""layout: a Linux x86-64 process address space, as execve lays it out.

Go counterpart: none; this is the kernel's ELF loader (fs/binfmt_elf.c),
mm/util.c (mmap_base, top-down mmap) and the stack setup of execve, for a
statically linked, non-PIE executable such as a Go binary, with address
space randomization off (`setarch -R`), so that every address is the same
on every run.

    0x000000400000  text    r-xp  the binary's first LOAD segment (ELF header, .text)
    data_base       bss     rw-p  the program's globals (anonymous: see below)
    start_brk               heap (brk) starts at the page after bss; Go never calls brk
    0x00c000000000  arenas  rw-p  Go's heap: spans and goroutine stacks (runtime/mheap.py)
    ...                           the mmap area, filled top-down from mmap_base:
    mmap_base - 24K [vvar]  r--p  [vdso] r-xp above it; then thread stacks (thread.py)
                                  the stack gap: max(128 MiB, RLIMIT_STACK + 1 MiB)
    TASK_SIZE - rlimit      [stack] rw-p  the main thread's stack, growing down
    0x7ffffffff000  TASK_SIZE     the top of user space
    0xffffffffff600000 [vsyscall] --xp

This is what real Go 1.19 shows for its own /proc/self/maps under
`setarch -R` (recorded on this machine: text at 0x400000, [stack] ending at
0x7ffffffff000, [vdso] ending at 0x7ffff7fff000 = TASK_SIZE - 128 MiB).

Deliberate differences, each because the model has nothing to put there:
  - no .rodata segment (Go keeps type data and the pclntab there; the
    model's function table lives in the host), so the page between text
    and bss is unmapped;
  - the globals are one anonymous rw-p mapping: the model's binary has no
    initialised .data bytes (main.init stores every initial value), and
    Linux maps a writable segment without file bytes as anonymous memory;
  - the main thread's [stack] is mapped at its full RLIMIT_STACK size at
    once; Linux grows the mapping page by page up to that limit.  The
    committed part (pages touched) is what thread.py counts;
  - [vvar] is the 4-page form of Linux 5.x (6.x kernels split it in two).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..profiles import OS_PAGE_SIZE, RLIMIT_STACK_DEFAULT

TASK_SIZE = 0x7FFFFFFFF000            # top of user space with 4-level paging (47 bits, minus a page)
ELF_BASE = 0x400000                   # a non-PIE x86-64 executable's first LOAD segment
STACK_TOP = TASK_SIZE                 # the main thread's stack ends here (no randomization)
STACK_GUARD_GAP = 256 * OS_PAGE_SIZE  # stack_guard_gap: nothing may be mapped this close below [stack]
MMAP_MIN_GAP = 128 << 20              # mmap_base keeps at least this much room for the stack
VVAR_PAGES = 4
VDSO_PAGES = 2
VSYSCALL_ADDR = 0xFFFFFFFFFF600000    # the legacy vsyscall page (fixed, outside user space)


def page_round(n: int) -> int:
    return (n + OS_PAGE_SIZE - 1) // OS_PAGE_SIZE * OS_PAGE_SIZE


def mmap_base(rlimit_stack: int) -> int:
    """Where top-down mmap starts: below the stack's maximum size plus the guard gap."""
    gap = rlimit_stack + STACK_GUARD_GAP
    gap = min(max(gap, MMAP_MIN_GAP), TASK_SIZE // 6 * 5)
    return (TASK_SIZE - gap) // OS_PAGE_SIZE * OS_PAGE_SIZE


def binary_name(source_path: str) -> str:
    """`go build hello.go` writes the binary `hello`: the name the maps show."""
    return source_path[:-3] if source_path.endswith(".go") else source_path


@dataclass
class Region:
    """One region of the layout, mapped or not (the brk heap is empty in Go)."""

    name: str
    lo: int
    hi: int
    perm: str
    note: str = ""

    def as_dict(self) -> dict:
        return {"name": self.name, "lo": self.lo, "hi": self.hi, "perm": self.perm,
                "size": self.hi - self.lo, "note": self.note}


class ProcessLayout:
    """The address space of one process: execve's mappings plus a top-down mmap area."""

    def __init__(self, aspace, rlimit_stack: int = RLIMIT_STACK_DEFAULT):
        self.aspace = aspace
        self.rlimit_stack = rlimit_stack
        self.mmap_base = mmap_base(rlimit_stack)
        self.mmap_top = self.mmap_base       # the next top-down mmap ends here
        self.regions: list[Region] = []

    # ------------------------------------------------------------ execve

    def exec_binary(self, name: str, text_end: int, data_base: int, data_size: int):
        """Map the text and bss segments; brk starts after bss.  Returns the bss mapping."""
        text = self.aspace.map(ELF_BASE, page_round(text_end) - ELF_BASE, "r-xp", name)
        self.regions.append(Region("text", text.lo, text.hi, text.perm, ".text, from the file"))
        bss = self.aspace.map(data_base, page_round(max(data_size, 1)), "rw-p", "")
        self.regions.append(Region("bss", bss.lo, bss.hi, bss.perm, "the program's globals"))
        self.start_brk = bss.hi
        self.regions.append(Region("heap (brk)", bss.hi, bss.hi, "rw-p",
                                   "empty: Go's heap is its arenas, it never calls brk"))
        return bss

    def exec_stack(self):
        """The main thread's stack: RLIMIT_STACK bytes ending at STACK_TOP."""
        stack = self.aspace.map(STACK_TOP - self.rlimit_stack, self.rlimit_stack, "rw-p", "[stack]")
        self.regions.append(Region("stack", stack.lo, stack.hi, stack.perm,
                                   f"main thread, RLIMIT_STACK {self.rlimit_stack}"))
        return stack

    def exec_vdso(self):
        """The kernel's vDSO (code) above its vvar data pages: the mmap area's first mapping."""
        lo = self.mmap_top - (VVAR_PAGES + VDSO_PAGES) * OS_PAGE_SIZE
        vdso_lo = lo + VVAR_PAGES * OS_PAGE_SIZE
        self.aspace.map(lo, vdso_lo - lo, "r--p", "[vvar]")
        self.aspace.map(vdso_lo, self.mmap_top - vdso_lo, "r-xp", "[vdso]")
        self.regions.append(Region("vdso", lo, self.mmap_top, "r--p/r-xp",
                                   "[vvar] data pages, then the [vdso] code"))
        self.mmap_top = lo
        vsyscall = self.aspace.map(VSYSCALL_ADDR, OS_PAGE_SIZE, "--xp", "[vsyscall]")
        self.regions.append(Region("vsyscall", vsyscall.lo, vsyscall.hi, vsyscall.perm, "legacy"))

    # ------------------------------------------------------------ mmap

    def mmap_range(self, size: int) -> int:
        """mmap(NULL, size, ...)'s choice: the highest free range below the last (top-down).

        Returns the low address; the caller maps the range (one or more mappings)."""
        self.mmap_top -= page_round(size)
        return self.mmap_top

    # ------------------------------------------------------------ showing it

    def describe(self) -> list[dict]:
        """The regions in address order, with the mmap area and the stack gap."""
        regions = list(self.regions)
        vdso_lo = self.mmap_base - (VVAR_PAGES + VDSO_PAGES) * OS_PAGE_SIZE
        regions.append(Region("mmap area", self.mmap_top, vdso_lo, "",
                              "top-down below the vDSO: thread stacks"))
        stack_lo = STACK_TOP - self.rlimit_stack
        regions.append(Region("stack gap", self.mmap_base, stack_lo, "",
                              "room for the main stack to grow, kept unmapped"))
        return [r.as_dict() for r in sorted(regions, key=lambda r: (r.lo, r.hi))]

    def maps_text(self) -> str:
        return self.aspace.maps_text()
