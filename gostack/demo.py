"""demo: the story of the two stack designs, told by running built-in Go programs.

Go counterpart: none.  `gostack demo` compiles and runs the programs below
for real (nothing is canned) and tells what happened in four screens:

  1. a thread with a fixed 8 MB stack runs a recursion of 1 KB frames: it
     hits the guard page below its stack and the process dies (SIGSEGV);
  2. the same recursion on a goroutine: a 2 KB stack that newstack doubles
     by copying, every copy listed from the run's events;
  3. 10,000 goroutines next to 10,000 threads: StackInuse against the
     address space the threads reserve and the pages they touch;
  4. preemption through stackguard0: sysmon poisons a spinning goroutine's
     stackguard0 with stackPreempt, and its next prologue check fails into
     morestack, which yields instead of growing.

`story()` yields rich renderables screen by screen (cli.py prints them, as
the only module that prints) and records the key figures in `figures`,
which tests check.  Everything runs with the default profile (go1.10:
cooperative preemption, strict doubling).
"""

from __future__ import annotations

from rich import box
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .api import collect_events
from .profiles import DEFAULT_PROFILE, OS_PAGE_SIZE, RLIMIT_STACK_DEFAULT, STACK_PREEMPT, \
    get_profile

DEPTH = 20_000                # 1 KB frames: 20 MB of stack, more than a thread's 8 MB
MANY = 10_000                 # goroutines (or threads) in screen 3
SPIN = 60_000                 # calls each spinner makes (several time slices)

RECURSION = f"""package main

// Each call keeps a 1 KB array on the stack.
func down(n int) int {{
	var pad [128]int
	pad[n%128] = n
	if n == 0 {{
		return 0
	}}
	return down(n-1) + pad[n%128] - n + 1
}}

func main() {{
	println("depth", down({DEPTH}))
}}
"""

MANY_PARKED = f"""package main

import "runtime"

func park(c chan int) {{
	<-c
}}

func main() {{
	c := make(chan int)
	for i := 0; i < {MANY}; i++ {{
		go park(c)
	}}
	runtime.Gosched()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	println("goroutines:", runtime.NumGoroutine(), "StackInuse:", m.StackInuse)
}}
"""

SPINNERS = f"""package main

// A leaf with a frame under StackSmall would be NOSPLIT (no check to fail):
// this one keeps 256 bytes on the stack, so its prologue checks stackguard0.
func add(x int) int {{
	var pad [32]int
	pad[x%32] = x
	return pad[x%32] + 1
}}

// Spins without ever blocking: only preemption lets the other one run.
func spin(id int, done chan int) {{
	x := 0
	for i := 0; i < {SPIN}; i++ {{
		x = add(x)
	}}
	println("spinner", id, "done")
	done <- x
}}

func main() {{
	done := make(chan int)
	go spin(1, done)
	go spin(2, done)
	println(<-done + <-done)
}}
"""


def _mb(n: int) -> str:
    if n >= 1 << 30:
        return f"{n / (1 << 30):,.1f} GB"
    if n >= 1 << 20:
        return f"{n / (1 << 20):,.1f} MB"
    if n >= 1 << 10:
        return f"{n / (1 << 10):,.0f} KB"
    return f"{n} B"


class Demo:
    """The four screens; `figures` holds the numbers each screen showed."""

    def __init__(self, profile: str = DEFAULT_PROFILE, on_event=None):
        self.profile = profile
        self.figures: dict = {}
        self.extra = on_event         # an extra subscriber for screen 2's run (--html)
        self.recursion_result = None

    def story(self):
        yield from self.thread_screen()
        yield from self.goroutine_screen()
        yield from self.many_screen()
        yield from self.preempt_screen()

    # ------------------------------------------------------------ 1. a thread

    def thread_screen(self):
        result, events = collect_events(RECURSION, "recursion.go", profile=self.profile,
                                        stack_model="thread",
                                        thread_stack=RLIMIT_STACK_DEFAULT)
        g = result.stats["goroutines"][0]
        fault = next((e for e in events if e["event"] == "fault"), None)
        self.figures["thread"] = {"exit_code": result.exit_code, "depth": g["max_depth"],
                                  "reserved": g["reserved"], "committed": g["committed"],
                                  "fault_addr": fault and fault["addr"],
                                  "stack_lo": fault and fault["stack_lo"]}
        body = Table.grid(padding=(0, 2))
        body.add_column(style="bold")
        body.add_column()
        body.add_row("program", f"down({DEPTH:,}): {DEPTH:,} calls, each with a 1 KB array")
        body.add_row("stack", f"{_mb(g['reserved'])} fixed (ulimit -s 8192), guard page below")
        body.add_row("it printed", Text(result.stderr.strip() or "(nothing)", style="red"))
        body.add_row("exit code", f"{result.exit_code} (128 + SIGSEGV)")
        body.add_row("depth reached", f"{g['max_depth']:,} frames of {DEPTH:,}")
        if fault:
            body.add_row("fault", f"address {fault['addr']:#x}, "
                                  f"{fault['stack_lo'] - fault['addr']} bytes below stack.lo "
                                  f"{fault['stack_lo']:#x}: the guard page")
        body.add_row("memory", f"{_mb(g['reserved'])} reserved, {_mb(g['committed'])} committed "
                               f"(pages touched)")
        yield Panel(body, title="1. A thread: one fixed 8 MB stack", title_align="left",
                    box=box.ROUNDED)

    # ------------------------------------------------------------ 2. a goroutine

    def goroutine_screen(self):
        extra = [self.extra] if self.extra else []
        result, events = collect_events(RECURSION, "recursion.go", profile=self.profile,
                                        on_event=extra)
        self.recursion_result = result
        copies = [e for e in events if e["event"] == "copystack" and e["g"] == 1]
        table = Table(box=box.SIMPLE_HEAD, show_edge=False)
        for heading in ("step", "old stack", "new stack", "bytes copied", "frames",
                        "pointers adjusted", "delta"):
            table.add_column(heading, justify="right")
        for e in copies:
            table.add_row(f"{e['step']:,}", _mb(e["old_hi"] - e["old_lo"]),
                          _mb(e["new_hi"] - e["new_lo"]), f"{e['used']:,}", f"{e['frames']:,}",
                          f"{e['pointers_adjusted']:,}", f"{e['delta']:+#x}")
        start = next(e for e in events if e["event"] == "gostart" and e["g"] == 1)
        final = copies[-1]["new_hi"] - copies[-1]["new_lo"] if copies else 0
        self.figures["goroutine"] = {
            "exit_code": result.exit_code, "stdout": result.stdout, "stderr": result.stderr,
            "initial": start["stack_hi"] - start["stack_lo"], "final": final,
            "copies": [(e["old_hi"] - e["old_lo"], e["new_hi"] - e["new_lo"]) for e in copies]}
        guard = get_profile(self.profile).stack_guard
        intro = Text.assemble(
            ("The same program on a goroutine. ", "bold"),
            f"Its stack starts at {_mb(start['stack_hi'] - start['stack_lo'])} in the Go heap; "
            f"every call compares SP with stackguard0 = stack.lo + {guard}. When the check "
            f"fails, newstack allocates a stack twice as large, copies the used part, adds "
            f"delta to every pointer into the old stack, and frees it:")
        outro = Text(f"It printed {result.stderr.strip()!r} and exited {result.exit_code}: "
                     f"{len(copies)} copies took the stack from "
                     f"{_mb(start['stack_hi'] - start['stack_lo'])} to {_mb(final)}.")
        yield Panel(_group(intro, table, outro),
                    title="2. A goroutine: 2 KB that grows by copying", title_align="left",
                    box=box.ROUNDED)

    # ------------------------------------------------------------ 3. 10,000 of each

    def many_screen(self):
        rows = {}
        for model in ("goroutine", "thread"):
            result, _ = collect_events(MANY_PARKED, "many.go", profile=self.profile,
                                       stack_model=model)
            gs = result.stats["goroutines"]
            rows[model] = {"exit_code": result.exit_code, "printed": result.stderr.strip(),
                           "stacks": len(gs),
                           "stack_inuse": result.stats["memstats"]["StackInuse"],
                           "reserved": sum(g["reserved"] for g in gs),
                           "committed": sum(g["committed"] for g in gs)}
        self.figures["many"] = rows
        table = Table(box=box.SIMPLE_HEAD, show_edge=False)
        for heading in ("", "stacks", "StackInuse", "reserved", "committed",
                        "reserved each", "committed each"):
            table.add_column(heading, justify="right")
        for name, row in (("goroutines", rows["goroutine"]), ("threads", rows["thread"])):
            n = max(row["stacks"], 1)
            table.add_row(name, f"{row['stacks']:,}", _mb(row["stack_inuse"]),
                          _mb(row["reserved"]), _mb(row["committed"]),
                          _mb(row["reserved"] // n), _mb(row["committed"] // n))
        go, th = rows["goroutine"], rows["thread"]
        note = Text(f"Each thread reserves {_mb(RLIMIT_STACK_DEFAULT)} of address space "
                    f"(plus a {OS_PAGE_SIZE}-byte guard page) and commits the pages it touches; "
                    f"each goroutine holds a 2 KB stack from the Go heap, counted in StackInuse "
                    f"(the threads' StackInuse is the runtime's own gsignal stack). "
                    f"The programs printed {go['printed']!r} and {th['printed']!r}.")
        yield Panel(_group(table, note), title=f"3. {MANY:,} goroutines next to {MANY:,} threads",
                    title_align="left", box=box.ROUNDED)

    # ------------------------------------------------------------ 4. preemption

    def preempt_screen(self):
        result, events = collect_events(SPINNERS, "spin.go", profile=self.profile)
        decisions = [e for e in events if e["event"] == "morestack"
                     and e["decision"] == "preempt"]
        switches = [e for e in events if e["event"] == "preempt"]
        self.figures["preempt"] = {"exit_code": result.exit_code, "preempts": len(decisions),
                                   "guards": sorted({e["guard"] for e in decisions}),
                                   "goroutines": sorted({e["g"] for e in decisions}),
                                   "stderr": result.stderr}
        table = Table(box=box.SIMPLE_HEAD, show_edge=False)
        for heading in ("step", "goroutine", "function", "SP", "stackguard0", "decision"):
            table.add_column(heading, justify="right")
        for e in decisions[:6]:
            table.add_row(f"{e['step']:,}", str(e["g"]), e["func"], f"{e['sp']:#x}",
                          f"{e['guard']:#x}", e["decision"])
        intro = Text(f"Two goroutines spin calling add() {SPIN:,} times each. Every "
                     f"time slice sysmon sets the running one's stackguard0 to stackPreempt "
                     f"({STACK_PREEMPT:#x}), larger than any SP, so add()'s prologue check "
                     f"fails and morestack finds a preemption request, not a full stack:")
        outro = Text(f"{len(decisions)} preemptions ({len(switches)} switched to the other "
                     f"goroutine); the program printed "
                     f"{' / '.join(result.stderr.strip().splitlines())!r}.")
        yield Panel(_group(intro, table, outro), title="4. Preemption through stackguard0",
                    title_align="left", box=box.ROUNDED)


def _group(*parts):
    from rich.console import Group
    return Group(*parts)
