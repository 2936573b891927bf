"""The process layout (machine/layout.py) and `gostack run --maps`.

The goldens in tests/layout/ are gostack's own output (see the README there);
every address checked below is derived from the layout's rules, not read
back from the goldens.
"""

import subprocess
import sys
from pathlib import Path

import pytest

import gostack
from gostack.machine.layout import (ELF_BASE, MMAP_MIN_GAP, STACK_GUARD_GAP, STACK_TOP, TASK_SIZE,
                                    VDSO_PAGES, VSYSCALL_ADDR, VVAR_PAGES, mmap_base)
from gostack.machine.thread import GUARD_SIZE
from gostack.profiles import HEAP_ARENA_BASE, OS_PAGE_SIZE, RLIMIT_STACK_DEFAULT

HERE = Path(__file__).parent / "layout"
HELLO = (HERE / "hello.go").read_text()

# Lines real Go 1.19 printed for its own /proc/self/maps under `setarch -R` (Linux x86-64).
REAL_VDSO = "7ffff7ffd000-7ffff7fff000 r-xp 00000000 00:00 0                          [vdso]"
REAL_VSYSCALL = "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]"


def maps(**options):
    result = gostack.run_source(HELLO, "hello.go", **options)
    assert (result.exit_code, result.stderr) == (0, "received 1\n")
    return result.stats["maps"]


def parse(text):
    """[(lo, hi, perm, name)] from /proc/self/maps text."""
    out = []
    for line in text.splitlines():
        lo, hi = (int(x, 16) for x in line.split()[0].split("-"))
        out.append((lo, hi, line.split()[1], line[72:].strip()))
    return out


def test_goroutine_model_maps_match_the_golden():
    assert maps() == (HERE / "hello.maps").read_text()


def test_thread_model_maps_match_the_golden():
    assert maps(stack_model="thread", thread_stack=64 << 10) == \
        (HERE / "hello.thread64k.maps").read_text()


def test_every_region_sits_where_linux_puts_it():
    regions = parse(maps())
    text, rodata, bss = regions[0], regions[1], regions[2]
    assert text[:3] == (ELF_BASE, text[1], "r-xp") and text[3] == "hello"
    assert rodata[2] == "r--p" and rodata[3] == "hello" and rodata[0] > text[1]
    assert bss[2] == "rw-p" and bss[3] == "" and bss[0] > rodata[1]
    stack = next(r for r in regions if r[3] == "[stack]")
    assert (stack[0], stack[1]) == (STACK_TOP - RLIMIT_STACK_DEFAULT, TASK_SIZE)
    base = mmap_base(RLIMIT_STACK_DEFAULT)
    assert base == TASK_SIZE - MMAP_MIN_GAP        # 8 MiB + 1 MiB is below the 128 MiB minimum
    vdso = next(r for r in regions if r[3] == "[vdso]")
    vvar = next(r for r in regions if r[3] == "[vvar]")
    assert vdso[1] == base and vdso[1] - vdso[0] == VDSO_PAGES * OS_PAGE_SIZE
    assert vvar[1] == vdso[0] and vvar[1] - vvar[0] == VVAR_PAGES * OS_PAGE_SIZE
    assert regions[-1][:2] == (VSYSCALL_ADDR, VSYSCALL_ADDR + OS_PAGE_SIZE)
    # Go's arenas: every goroutine stack, system stack and heap span is in them
    arena = [r for r in regions if r[3] in ("stack", "[heap]")]
    assert arena and all(r[0] >= HEAP_ARENA_BASE and r[1] < base for r in arena)
    # m0 gsignal, g1, the runtime's g2-g4 (forcegc, bgsweep, bgscavenge), g5, sysmon g0 + gsignal
    assert len([r for r in arena if r[3] == "stack"]) == 8


def test_lines_are_byte_for_byte_the_kernels_format():
    lines = maps().splitlines()
    assert REAL_VDSO in lines and REAL_VSYSCALL in lines


def test_thread_stacks_go_top_down_below_the_vdso_each_over_a_guard_page():
    regions = parse(maps(stack_model="thread", thread_stack=64 << 10))
    vvar = next(r for r in regions if r[3] == "[vvar]")
    guard = next(r for r in regions if r[3].startswith("[guard thread"))
    stack = next(r for r in regions if r[3].startswith("[stack thread"))
    assert stack[1] == vvar[0] and stack[1] - stack[0] == 64 << 10
    assert (guard[1], guard[1] - guard[0], guard[2]) == (stack[0], GUARD_SIZE, "---p")
    main = next(r for r in regions if r[3] == "[stack]")
    assert (main[0], main[1]) == (STACK_TOP - (64 << 10), TASK_SIZE)     # --thread-stack sets it


def test_a_huge_main_stack_pushes_mmap_base_down():
    size = 1 << 30
    regions = parse(maps(stack_model="thread", thread_stack=size))
    vdso = next(r for r in regions if r[3] == "[vdso]")
    assert vdso[1] == TASK_SIZE - size - STACK_GUARD_GAP == mmap_base(size)


def test_layout_describes_text_bss_brk_mmap_area_gap_and_stack_in_address_order():
    result = gostack.run_source(HELLO, "hello.go")
    names = [r["name"] for r in result.stats["layout"]]
    assert names == ["text", "bss", "heap (brk)", "mmap area", "vdso", "stack gap", "stack",
                     "vsyscall"]
    brk = result.stats["layout"][2]
    assert brk["size"] == 0 and brk["lo"] == result.stats["layout"][1]["hi"]


@pytest.mark.parametrize("model", ["goroutine", "thread"])
def test_cli_maps_goes_to_stderr_after_the_run_and_stdout_is_untouched(model):
    proc = subprocess.run([sys.executable, "-m", "gostack", "run", "--maps", "--stack-model", model,
                           str(HERE / "hello.go")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0
    assert proc.stdout == ""                       # as Go's: println writes to stderr
    err = proc.stderr.splitlines()
    assert err[0] == "received 1"                  # the program's own stderr first
    assert err[1].startswith("00400000-") and err[-1] == REAL_VSYSCALL
