"""Unit tests for gostack.cli, with a stand-in for the executor.

`run_file` is replaced by a fake that streams some output, emits events and
returns a RunResult, so these tests check only what the command line does
with options and results.  The real runs are in tests/test_bad_input.py.
"""

import json

import pytest

import gostack.cli as cli
from gostack.api import RunResult

STATS = {
    "profile": "go1.10", "stack_model": "goroutine", "exit_code": 0,
    "goroutines": [{"id": 1, "initial_stack": 2048, "max_stack": 33554432,
                    "final_stack": 33554432, "grows": 14, "shrinks": 0,
                    "bytes_copied": 16775168, "max_depth": 100001}],
    "totals": {"goroutines_created": 1, "grows": 14, "shrinks": 0,
               "bytes_copied": 16775168, "preemptions": 0,
               "stack_inuse_peak": 33587200, "stack_inuse_final": 32768},
    "memstats": {"StackInuse": 32768, "StackSys": 32768},
}


@pytest.fixture
def program(tmp_path):
    path = tmp_path / "prog.go"
    path.write_text("package main\n\nfunc main() {}\n")
    return str(path)


@pytest.fixture
def fake_run(monkeypatch):
    """Replace the executor; `calls` records the options each run got."""
    calls = []

    def run_file(path, **options):
        calls.append(dict(options, path=path))
        options["on_stdout"]("out\n")
        options["on_stderr"]("err\n")
        if options["on_event"]:
            options["on_event"]({"event": "grow", "goid": 1, "old": 2048, "new": 4096})
        return RunResult("out\n", "err\n", fake_run.exit_code, fake_run.stats)

    fake_run.exit_code, fake_run.stats = 0, dict(STATS)
    monkeypatch.setattr(cli, "run_file", run_file)
    fake_run.calls = calls
    return fake_run


@pytest.mark.parametrize("text, size", [
    ("2048", 2048), ("8K", 8192), ("64KiB", 65536), ("8M", 8 << 20), ("8MiB", 8 << 20),
    ("1G", 1 << 30), ("1GiB", 1 << 30), ("1GB", 1_000_000_000), ("2KB", 2000),
    ("8m", 8 << 20), ("512B", 512),
])
def test_parse_size_accepts_binary_and_decimal_suffixes(text, size):
    assert cli.parse_size(text) == size


@pytest.mark.parametrize("text", ["", "M", "8X", "-1", "1.5M", "8 MBs"])
def test_parse_size_rejects_what_it_cannot_read(text):
    with pytest.raises(Exception):
        cli.parse_size(text)


def test_parse_debug_reads_knobs_godebug_style():
    assert cli.parse_debug("stackforcemove=1, stackdebug=3,") == {
        "stackforcemove": 1, "stackdebug": 3}


@pytest.mark.parametrize("text", ["stackforcemove", "a=b", "=1"])
def test_parse_debug_rejects_items_without_an_integer_value(text):
    with pytest.raises(Exception):
        cli.parse_debug(text)


def test_run_passes_every_option_to_the_executor(fake_run, program):
    code = cli.main(["run", "--profile", "go1.19", "--stack-model", "thread",
                     "--thread-stack", "64K", "--max-stack", "1MB", "--timeout", "2.5",
                     "--max-steps", "1000", "--memory-limit", "1G",
                     "--debug", "stackforcemove=1", "--debug", "checkinv=1,stackdebug=2",
                     program])
    assert code == 0
    (call,) = fake_run.calls
    assert call["path"] == program
    assert {k: call[k] for k in ("profile", "stack_model", "thread_stack", "max_stack",
                                 "timeout", "max_steps", "memory_limit", "debug")} == {
        "profile": "go1.19", "stack_model": "thread", "thread_stack": 65536,
        "max_stack": 1_000_000, "timeout": 2.5, "max_steps": 1000,
        "memory_limit": 1 << 30,
        "debug": {"stackforcemove": 1, "checkinv": 1, "stackdebug": 2}}
    assert call["on_event"] is None          # no --trace: the runtime need not build events


def test_run_defaults_are_the_documented_ones(fake_run, program):
    cli.main(["run", program])
    (call,) = fake_run.calls
    assert (call["profile"], call["stack_model"], call["thread_stack"], call["max_stack"]) == (
        "go1.10", "goroutine", 8 << 20, None)


def test_run_streams_output_once_and_exits_with_the_program_code(fake_run, program, capsys):
    fake_run.exit_code = 2
    assert cli.main(["run", program]) == 2
    assert capsys.readouterr() == ("out\n", "err\n")


def test_run_writes_output_the_executor_returned_without_streaming(monkeypatch, program, capsys):
    monkeypatch.setattr(cli, "run_file", lambda path, **o: RunResult("a\n", "b\n", 0, {}))
    assert cli.main(["run", program]) == 0
    assert capsys.readouterr() == ("a\n", "b\n")


def test_trace_writes_one_json_event_per_line(fake_run, program, tmp_path):
    trace = tmp_path / "trace.jsonl"
    cli.main(["run", "--trace", str(trace), program])
    lines = trace.read_text().splitlines()
    assert [json.loads(line) for line in lines] == [
        {"event": "grow", "goid": 1, "old": 2048, "new": 4096}]


def test_stats_json_writes_the_stats_dict(fake_run, program, tmp_path):
    out = tmp_path / "stats.json"
    cli.main(["run", "--stats-json", str(out), program])
    assert json.loads(out.read_text()) == STATS


def test_stats_prints_a_summary_on_stderr_after_the_output(fake_run, program, capsys):
    cli.main(["run", "--stats", program])
    out, err = capsys.readouterr()
    assert out == "out\n"
    assert err.startswith("err\n")
    summary = err[len("err\n"):]
    for text in ("goroutine stacks", "2 KiB", "32 MiB", "16,775,168", "100,001", "totals",
                 "memstats", "StackInuse", "32 KiB"):
        assert text in summary


def test_maps_prints_the_maps_text_when_the_run_has_one(fake_run, program, capsys):
    fake_run.stats = dict(STATS, maps="c000000000-c004000000 rw-p arena")
    cli.main(["run", "--maps", program])
    assert capsys.readouterr().err == "err\nc000000000-c004000000 rw-p arena\n"


def test_missing_file_is_reported_as_go_does(capsys, tmp_path):
    missing = str(tmp_path / "nope.go")
    assert cli.main(["run", missing]) == 1
    assert capsys.readouterr().err == f"gostack: open {missing}: no such file or directory\n"


def test_an_internal_error_is_one_line_with_a_hint(monkeypatch, program, capsys):
    def broken(path, **options):
        raise KeyError("frame")
    monkeypatch.setattr(cli, "run_file", broken)
    monkeypatch.delenv(cli.TRACEBACK_ENV, raising=False)
    assert cli.main(["run", program]) == 3
    err = capsys.readouterr().err
    assert err.splitlines() == [
        "gostack: internal error: KeyError: 'frame'",
        "gostack: rerun with GOSTACK_TRACEBACK=1 for the Python traceback"]


def test_gostack_traceback_lets_the_exception_through(monkeypatch, program):
    def broken(path, **options):
        raise KeyError("frame")
    monkeypatch.setattr(cli, "run_file", broken)
    monkeypatch.setenv(cli.TRACEBACK_ENV, "1")
    with pytest.raises(KeyError):
        cli.main(["run", program])


@pytest.mark.parametrize("argv", [
    [], ["run"], ["run", "--profile", "go0.1", "x.go"], ["run", "--max-steps", "0", "x.go"],
    ["run", "--debug", "stackforcemove", "x.go"], ["frobnicate"],
])
def test_usage_errors_exit_2(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2


def test_compare_refuses_an_unknown_profile(tmp_path, capsys):
    source = tmp_path / "x.go"
    source.write_text("package main\nfunc main() {}\n")
    assert cli.main(["compare", str(source), "--profiles", "go1.1"]) == 2
    assert "unknown profile 'go1.1'" in capsys.readouterr().err


@pytest.mark.parametrize("n, text", [(100, "100"), (2048, "2 KiB"), (33554432, "32 MiB"),
                                     (1_000_000_000, "1,000,000,000"), (3 << 30, "3 GiB"),
                                     (16775168, "16,775,168")])
def test_format_size(n, text):
    assert cli.format_size(n) == text
