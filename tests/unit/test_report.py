"""The reports: events folded by the Recorder, the HTML report, and a real browser.

The stack picture must be to scale: the lines for stack.hi, SP, stackguard0,
the StackSmall allowance and stack.lo sit at heights proportional to their
addresses.  The browser test renders the report in headless Chromium (skipped
where /usr/bin/chromium is absent) and finds the labelled stack picture and
the timeline in the DOM it built, and a non-blank screenshot.
"""

import json
import os
import re
import struct
import subprocess
import zlib

import pytest

from gostack import cli
from gostack.api import run_source
from gostack.profiles import get_profile
from gostack.report import html
from gostack.report.snapshot import Recorder, Snapshot
from gostack.report.terminal import ProgressLine

CHROMIUM = "/usr/bin/chromium"

PROGRAM = """package main

import "runtime"

func deep(n int) int {
	var pad [8]int
	pad[0] = n
	if n == 0 {
		return 0
	}
	return deep(n-1) + pad[0] - n + 1
}

func worker(in chan int, out chan int) {
	for v := range in {
		out <- v + deep(v)
	}
}

func main() {
	in := make(chan int)
	out := make(chan int)
	go worker(in, out)
	go worker(in, out)
	s := 0
	for i := 0; i < 20; i++ {
		in <- i * 40
		s += <-out
	}
	close(in)
	println(s, deep(1500))
	runtime.GC()
}
"""


def record(source=PROGRAM, **options):
    profile = get_profile(options.get("profile", "go1.10"))
    rec = Recorder(profile.stack_guard)
    result = run_source(source, "report.go", on_event=rec, **options)
    return result, rec, profile


def test_events_fold_to_the_totals_of_the_stats():
    result, rec, _ = record()
    assert result.exit_code == 0
    totals = rec.totals()
    for key in ("goroutines_created", "grows", "shrinks", "copies", "bytes_copied"):
        assert totals[key] == result.stats["totals"][key], key
    assert totals["shrinks"] >= 1 and totals["grows"] >= 5
    # A copy holds both stacks for a moment: the events see that peak too.
    assert totals["stack_inuse_peak"] >= result.stats["totals"]["stack_inuse_peak"]
    life = rec.busiest()
    assert life.g == 1 and life.max_size == max(g["max_stack"] for g in result.stats["goroutines"])
    sizes = [size for _, size in life.sizes]
    assert sizes[0] == 2048 and max(sizes) == life.max_size


def test_stack_picture_is_to_scale():
    profile = get_profile("go1.10")
    lo, size, used = 0xC000010000, 4096, 1200
    snap = Snapshot(1, 7, lo, lo + size, lo + size - used, lo + profile.stack_guard, "grow")
    svg = html.stack_svg(snap, profile, True)
    ys = {}
    for label in ("stack.hi", "SP", "stackguard0", "StackSmall", "stack.lo"):
        # Each mark is a horizontal line followed by its leader and its label.
        m = re.search(r'<line x1="[\d.]+" y1="([\d.]+)"[^>]*/>\s*<polyline[^>]*/>\s*'
                      r'<text[^>]*>' + re.escape(label), svg)
        assert m, label
        ys[label] = float(m.group(1))
    px = (ys["stack.lo"] - ys["stack.hi"]) / size          # pixels per byte
    assert px > 0
    assert ys["stack.lo"] - ys["SP"] == pytest.approx((size - used) * px, abs=0.02)
    assert ys["stack.lo"] - ys["stackguard0"] == pytest.approx(profile.stack_guard * px, abs=0.02)
    assert ys["stackguard0"] - ys["StackSmall"] == pytest.approx(-profile.stack_small * px,
                                                                 abs=0.02)


def test_html_report_is_self_contained(tmp_path):
    src = tmp_path / "report.go"
    src.write_text(PROGRAM)
    out = tmp_path / "report.html"
    assert cli.main(["run", "--html", str(out), str(src)]) == 0
    text = out.read_text()
    assert text.startswith("<!DOCTYPE html>")
    without_ns = text.replace('xmlns="http://www.w3.org/2000/svg"', "")
    # Inline script and data only: nothing is fetched (the page's own links are fragments).
    without_ns = without_ns.replace('href="#"', "")
    for needle in ("http:", "https:", "src=", "href=", "url(", "@import", "<script src",
                   "fetch(", "XMLHttpRequest"):
        assert needle not in without_ns
    for ident in ("address-space", "stack-picture", "timeline", "stackinuse"):
        assert f'id="{ident}"' in text
    assert "Go heap arena" in text and "goroutine 1" in text and "▼" in text


def test_progress_line_shows_only_on_a_terminal_and_follows_events():
    from io import StringIO
    from rich.console import Console
    plain = ProgressLine(Console(file=StringIO()), "x.go", delay=0)
    with plain:
        pass
    assert not plain.shown
    buf = StringIO()
    line = ProgressLine(Console(file=buf, force_terminal=True, width=200), "x.go", delay=0)
    with line:
        line({"event": "gostart", "g": 1, "step": 5, "stack_lo": 0, "stack_hi": 2048})
        line({"event": "copystack", "g": 1, "step": 99, "reason": "grow", "stack_inuse": 8192})
        assert "1 goroutines, 1 grows, 0 shrinks, StackInuse 8 KiB, last event at step 99" \
            in line.text()
        assert _eventually(lambda: line.shown)
        line.output()                 # the program writes: the line goes away first
        assert not line.shown
        assert _eventually(lambda: line.shown)      # and comes back when it is quiet
    assert not line.shown and "x.go" in buf.getvalue()


def _eventually(condition, seconds=10.0) -> bool:
    import time
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.02)
    return False


def _png_pixels_vary(path) -> bool:
    """Decode the PNG's image data enough to see that it is not one flat colour."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    raw = zlib.decompress(idat)
    return len(set(raw[:2_000_000])) > 50


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="needs Debian's chromium")
def test_report_renders_in_headless_chromium(tmp_path):
    src = tmp_path / "report.go"
    src.write_text(PROGRAM)
    page = tmp_path / "report.html"
    assert cli.main(["run", "--html", str(page), str(src)]) == 0
    shot = tmp_path / "shot.png"
    common = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
              "--no-first-run", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}",
              "--window-size=1150,2400"]
    dom = subprocess.run(common + ["--dump-dom", page.as_uri()], capture_output=True,
                         text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    body = dom.stdout
    picture = re.search(r'<svg id="stack-picture".*?</svg>', body, re.S)
    assert picture, body[:2000]
    for label in ("stack.hi", "SP, ", "stackguard0 = lo+880", "StackSmall: guard-128", "stack.lo"):
        assert label in picture.group(0), label
    timeline = re.search(r'<svg id="timeline".*?</svg>', body, re.S)
    assert timeline and "goroutine 1" in timeline.group(0)
    assert 'class="mark grow"' in timeline.group(0) and 'class="mark shrink"' in timeline.group(0)
    shot_run = subprocess.run(common + [f"--screenshot={shot}", page.as_uri()],
                              capture_output=True, text=True, timeout=120)
    assert shot_run.returncode == 0 and shot.exists(), shot_run.stderr[-2000:]
    width, height = struct.unpack(">II", shot.read_bytes()[16:24])
    assert (width, height) == (1150, 2400)
    assert _png_pixels_vary(shot)


def test_stats_json_and_trace_come_from_one_run(tmp_path):
    src = tmp_path / "report.go"
    src.write_text(PROGRAM)
    trace, stats = tmp_path / "t.jsonl", tmp_path / "s.json"
    assert cli.main(["run", "--trace", str(trace), "--stats-json", str(stats), str(src)]) == 0
    events = [json.loads(line) for line in trace.read_text().splitlines()]
    rec = Recorder(get_profile("go1.10").stack_guard)
    for e in events:
        rec(e)
    summary = json.loads(stats.read_text())
    for key in ("grows", "shrinks", "bytes_copied", "goroutines_created"):
        assert rec.totals()[key] == summary["totals"][key]
    assert [g["id"] for g in summary["goroutines"]] == sorted(rec.lives)


def test_thread_model_report_draws_the_fault_without_a_guard(tmp_path):
    src = tmp_path / "deep.go"
    src.write_text(PROGRAM.replace("deep(1500)", "deep(100000000)"))
    page = tmp_path / "thread.html"
    code = cli.main(["run", "--stack-model", "thread", "--thread-stack", "64K",
                     "--html", str(page), str(src)])
    assert code == 139
    text = page.read_text()
    picture = re.search(r'<svg id="stack-picture".*?</svg>', text, re.S).group(0)
    assert "64 KB thread stack" in picture and "stackguard0" not in picture
    assert "SP, 65,536 B used" in picture
    assert "fault: " in text


def test_a_program_that_does_not_compile_gets_a_one_line_report(tmp_path):
    src = tmp_path / "bad.go"
    src.write_text("package main\n\nfunc main() { x }\n")
    page = tmp_path / "bad.html"
    assert cli.main(["run", "--html", str(page), str(src)]) == 1
    assert "undefined: x" in page.read_text() and "did not run" in page.read_text()


# ------------------------------------------------------------------ issue 17: labels and moments

MAPPINGS = [(0x400000, 0x403000, "r-xp", "/tmp/deep"), (0x404000, 0x405000, "r--p", "/tmp/deep"),
            (0x406000, 0x407000, "rw-p", ""), (0xC000000000, 0xC000008000, "rw-p", "stack"),
            (0x7FFFF7FF9000, 0x7FFFF7FFD000, "r--p", "[vvar]"),
            (0x7FFFF7FFD000, 0x7FFFF7FFF000, "r-xp", "[vdso]"),
            (0x7FFFFF7FF000, 0x7FFFFFFFF000, "rw-p", "[stack]"),
            (0xFFFFFFFFFF600000, 0xFFFFFFFFFF601000, "--xp", "[vsyscall]")]


def test_address_space_labels_each_mapping_for_what_it_is():
    from gostack.report import addrspace
    kinds = [addrspace.classify(lo, perm, name) for lo, _, perm, name in MAPPINGS]
    assert kinds == ["text", "rodata", "data", "gstack", "kernel", "kernel", "stack", "kernel"]
    svg = addrspace.address_space_svg(MAPPINGS, [(0xC000000000, 0xC000008000, 1)])
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert not any("thread stack" in t for t in labels)        # no threads in this process
    assert not any(t.startswith("mmap area") for t in labels)
    assert "rodata (read-only data): deep (4 KB)" in labels and "data and bss (4 KB)" in labels
    assert "[vdso] [vvar]: kernel pages (24 KB)" in labels
    gaps = [t for t in labels if "gap" in t or "not addressable" in t]
    assert not any("16777088" in t or t.endswith(" 0 B") for t in gaps), gaps
    assert any(t.startswith("not addressable: 16.0 EB") for t in gaps), gaps
    assert len(gaps) == 6          # vdso/vvar are adjacent: no break between them


def test_size_text_is_never_negative_or_absurd():
    from gostack.report.draw import size_text
    assert size_text(2048) == "2 KB" and size_text(0) == "0 B"
    assert size_text((1 << 64) - (1 << 47)) == "16.0 EB"
    assert "negative" in size_text(-4096)


def test_address_space_is_drawn_at_the_peak_with_the_big_stacks():
    result, rec, profile = record(PROGRAM)
    page = html.render("t", result.stats, rec, result.mappings, profile)
    peak = max(rec.inuse, key=lambda sv: sv[1])[0]
    assert f"At step {peak:,}, the peak of StackInuse" in page
    live = html.live_stacks(rec, peak)
    space = re.search(r'<svg id="address-space".*?</svg>', page, re.S).group(0)
    biggest = max(hi - lo for lo, hi, _ in live)
    assert biggest == rec.lives[1].max_size          # g1's largest stack is live at the peak
    assert space.count('class="gstack"') == len(live)


def test_largest_moment_is_the_deepest_sp():
    rec = Recorder(880)
    rec({"event": "gostart", "g": 1, "step": 0, "stack_lo": 0x1000, "stack_hi": 0x1800})
    rec({"event": "morestack", "g": 1, "step": 5, "func": "f", "frame_size": 64, "sp": 0x1010,
         "guard": 0x1370, "lo": 0x1000, "hi": 0x1800, "decision": "grow"})
    rec({"event": "copystack", "g": 1, "step": 6, "reason": "grow", "old_lo": 0x1000,
         "old_hi": 0x1800, "new_lo": 0x2000, "new_hi": 0x3000, "used": 0x7f0, "delta": 0x1800,
         "frames": 3, "pointers_adjusted": 0, "sudogs_adjusted": 0, "stack_inuse": 0})
    rec({"event": "copystack", "g": 1, "step": 9, "reason": "shrink", "old_lo": 0x2000,
         "old_hi": 0x3000, "new_lo": 0x4000, "new_hi": 0x4800, "used": 0x40, "delta": 0x1800,
         "frames": 1, "pointers_adjusted": 0, "sudogs_adjusted": 0, "stack_inuse": 0})
    deepest = rec.lives[1].deepest
    assert deepest.step == 6 and deepest.used == 0x7f0      # not the moment after the last copy


def test_thread_model_report_draws_the_thread_that_used_most(tmp_path):
    source = """package main

func down(n int) int {
	var pad [64]int
	pad[n%64] = n
	if n == 0 {
		return 0
	}
	return down(n-1) + pad[n%64] - n + 1
}

func main() {
	done := make(chan int)
	go func() { done <- down(3000) }()
	println(<-done)
}
"""
    result, rec, profile = record(source, stack_model="thread")
    assert result.exit_code == 0
    used = {g["id"]: g["peak_stack"] for g in result.stats["goroutines"]}
    busiest = rec.busiest(result.stats)
    assert busiest.g != 1 and used[busiest.g] == max(used.values())
    page = html.render("t", result.stats, rec, result.mappings, profile)
    picture = re.search(r'<svg id="stack-picture".*?</svg>', page, re.S).group(0)
    assert f"SP, {used[busiest.g]:,} B used" in picture


def test_lanes_are_never_silently_capped():
    rec = Recorder(880)
    for g in range(1, 201):
        rec({"event": "gostart", "g": g, "step": g, "stack_lo": g << 16, "stack_hi": (g << 16) + 2048})
    for g in range(1, 13):
        rec({"event": "copystack", "g": g, "step": 500 + g, "reason": "grow",
             "old_lo": g << 16, "old_hi": (g << 16) + 2048, "new_lo": g << 20,
             "new_hi": (g << 20) + 4096, "used": 100, "delta": 0, "frames": 2,
             "pointers_adjusted": 0, "sudogs_adjusted": 0, "stack_inuse": 0})
    groups = html.lane_groups(rec)
    assert sum(len(members) for _, members in groups) == 200
    assert ("188 goroutines: never moved 2 KB", ) == tuple(label for label, m in groups
                                                          if len(m) > 1 and "never" in label)
    svg = html.timelines_svg(rec)
    assert "12 goroutines: grew to 4 KB" in svg and "188 goroutines: never moved 2 KB" in svg
    assert "more than 60 lanes" in html._lane_notes(rec)[0]


def test_captions_are_not_clipped():
    css = (html._template("page.css"))
    assert "overflow-wrap: anywhere" in css and "width: 252px" not in css


def test_compare_reads_at_100_columns_and_run_help_lists_every_knob(tmp_path, capsys):
    from gostack.debug import KNOBS
    src = tmp_path / "report.go"
    src.write_text(PROGRAM)
    assert cli.main(["compare", str(src), "--profiles", "go1.2,go1.19",
                     "--stack-model", "goroutine,thread"]) == 0
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 100
    assert len([line for line in out.splitlines() if line.strip().startswith("go1.")]) == 4
    help_text = cli.build_parser()._subparsers._group_actions[0].choices["run"].format_help()
    for knob in KNOBS:
        assert knob + "=" in help_text.replace("\n", " ").replace("  ", " "), knob


def test_a_preempted_moment_says_stackpreempt():
    from gostack.profiles import STACK_PREEMPT
    profile = get_profile("go1.10")
    lo = 0xC000010000
    snap = Snapshot(1, 7, lo, lo + 2048, lo + 1500, STACK_PREEMPT, "preempt", "morestack")
    svg = html.stack_svg(snap, profile, True)
    assert "StackPreempt" in svg and "stackguard0 = lo+880" in svg
