"""`gostack demo`: the four screens run real programs; their key figures are checked.

The figures are derived from the layout, not recorded: 1 KB frames on an
8 MiB thread stack fault after about 8 MiB / frame-size frames; the same
recursion on a goroutine doubles from 2 KB to the first power of two that
holds 20,000 such frames; 10,000 parked goroutines hold 2 KB each while
10,000 threads reserve 8 MiB each; a spinning goroutine is preempted through
stackguard0 = stackPreempt.
"""

import pytest

from gostack import cli
from gostack.demo import DEPTH, MANY, SPIN, Demo
from gostack.profiles import OS_PAGE_SIZE, RLIMIT_STACK_DEFAULT, STACK_PREEMPT


@pytest.fixture(scope="module")
def demo():
    d = Demo()
    screens = list(d.story())
    assert len(screens) == 4
    return d


def test_thread_screen_faults_on_the_guard_page(demo):
    t = demo.figures["thread"]
    assert t["exit_code"] == 139
    frame = 1024 + 8 * 8          # the array plus a few words of spills, return pc and BP
    assert RLIMIT_STACK_DEFAULT // (frame + 256) < t["depth"] < RLIMIT_STACK_DEFAULT // 1024
    assert t["reserved"] == RLIMIT_STACK_DEFAULT
    assert t["stack_lo"] - OS_PAGE_SIZE <= t["fault_addr"] < t["stack_lo"]


def test_goroutine_screen_lists_each_doubling_copy(demo):
    g = demo.figures["goroutine"]
    assert g["exit_code"] == 0 and g["stderr"] == f"depth {DEPTH}\n"
    assert g["initial"] == 2048
    sizes = [2048 << k for k in range(len(g["copies"]) + 1)]
    assert g["copies"] == list(zip(sizes, sizes[1:]))
    assert g["final"] >= DEPTH * 1024 > g["final"] // 2


def test_many_screen_sets_stackinuse_beside_reserved_thread_stacks(demo):
    go, th = demo.figures["many"]["goroutine"], demo.figures["many"]["thread"]
    assert go["printed"].startswith(f"goroutines: {MANY + 1} ")
    assert go["stacks"] == th["stacks"] == MANY + 1
    assert MANY * 2048 <= go["stack_inuse"] < MANY * 2048 * 1.1
    assert th["reserved"] >= MANY * RLIMIT_STACK_DEFAULT
    assert th["committed"] < th["reserved"] // 100
    assert go["reserved"] == go["committed"] == (MANY + 1) * 2048


def test_preempt_screen_shows_stackpreempt_in_stackguard0(demo):
    p = demo.figures["preempt"]
    assert p["exit_code"] == 0 and p["stderr"].endswith(f"{2 * SPIN}\n")
    assert p["preempts"] >= 2 and p["guards"] == [STACK_PREEMPT]
    assert p["goroutines"] == [5, 6]


def test_demo_command_prints_four_screens_and_writes_html(tmp_path, capsys):
    report = tmp_path / "demo.html"
    assert cli.main(["demo", "--html", str(report)]) == 0
    out = capsys.readouterr().out
    for title in ("1. A thread", "2. A goroutine", "3. 10,000 goroutines", "4. Preemption"):
        assert title in out
    assert "Segmentation fault" in out and "0xfffffffffffffade" in out
    text = report.read_text()
    assert 'id="stack-picture"' in text and 'id="timeline"' in text
