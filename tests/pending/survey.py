#!/usr/bin/env python3
"""Run gostack on every pending program and write README.md and features.txt.

The programs under tests/pending/ (lang/ and others/) have goldens recorded
from real Go 1.19 by tools/record_goldens.py, but gostack does not run most of
them yet, so they live outside tests/programs/ (which the test suite
collects).  This script is how tests/pending/README.md and features.txt are
produced; the test suite never runs it.

For each NAME.go it runs `python -m gostack run NAME.go` from the repository
root (20 s timeout) and compares stdout and the exit code exactly with
NAME.stdout / NAME.exit, and stderr after the test runner's own masking
(tests/test_programs.py: mask, drop_go_background_goroutines).  A program
"passes" when stdout and exit match; the stderr column is reported separately.
For a failing program it keeps the first line gostack wrote to stderr (the
`FILE:LINE:COL: unsupported: ...` line for a compile-time refusal).

gostack stops at the first unsupported construct, so the first error names
only the first blocker.  To rank what the failing programs need, it also
scans each program's syntax tree (tree-sitter-go, as gostack's parser does)
for constructs and imports, keeps those that the surveyed gostack refuses
(each construct is probed with a minimal program, imports are checked against
gostack's package table), and counts the package members (fmt.Printf,
strings.Split, ...) and fmt verbs the programs use.

To survey another gostack tree (say the main branch exported with git
archive into a temporary directory), copy tests/pending there, run it there
with GOSTACK_REV set to that commit, and copy README.md, features.txt and
survey.json back.

Usage (from the repository root):
    python tests/pending/survey.py [--jobs N] [--from-json] [NAME.go ...]
With NAME.go arguments it only prints those programs' rows.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

import tree_sitter_go
from tree_sitter import Language, Parser

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tests"))
from test_programs import drop_go_background_goroutines, mask  # noqa: E402

TIMEOUT = 20
PARSER = Parser(Language(tree_sitter_go.language()))

# Each feature the scan looks for, with a minimal program that uses it (and
# nothing else gostack might lack): a feature counts as refused when gostack
# rejects its probe, so the ranking follows whatever gostack tree is surveyed.
PROBES = {
    "methods": "type T int\n\nfunc (t T) M() int { return int(t) }\n\nfunc main() { println(T(1).M()) }",
    "interfaces": "func main() {\n\tvar x interface{} = 1\n\tprintln(x != nil)\n}",
    "function literals": "func main() {\n\tf := func() int { return 1 }\n\tprintln(f())\n}",
    "function values": "func g() int { return 1 }\n\nfunc main() {\n\tvar f func() int = g\n\tprintln(f())\n}",
    "slices": "func main() {\n\ts := []int{1}\n\tprintln(len(s))\n}",
    "maps": "func main() {\n\tm := map[int]int{}\n\tm[1] = 2\n\tprintln(m[1])\n}",
    "variadic functions": "func f(xs ...int) int { return len(xs) }\n\nfunc main() { println(f(1, 2)) }",
    "defer": "func main() {\n\tdefer println(1)\n}",
    "goto": "func main() {\n\tgoto L\nL:\n\tprintln(1)\n}",
    "type switches": "func main() {\n\tvar x interface{} = 1\n\tswitch x.(type) {\n\tcase int:\n\t\tprintln(1)\n\t}\n}",
    "type assertions": "func main() {\n\tvar x interface{} = 1\n\tprintln(x.(int))\n}",
    "generics": "func F[T any](x T) T { return x }\n\nfunc main() { println(F(1)) }",
    "type aliases": "type A = int\n\nfunc main() {\n\tvar a A = 1\n\tprintln(a)\n}",
    "complex numbers": "func main() {\n\tc := 1 + 2i\n\tprintln(real(c))\n}",
    "embedded fields": "type B struct{ x int }\ntype T struct{ B }\n\nfunc main() {\n\tvar t T\n\tprintln(t.x)\n}",
    "init functions": "func init() { println(1) }\n\nfunc main() {}",
    "local type declarations": "func main() {\n\ttype T struct{ x int }\n\tprintln(T{1}.x)\n}",
    "recover": "func main() { println(recover() == nil) }",
    "go with a function literal": "func main() {\n\tgo func() {}()\n\tprintln(1)\n}",
    "float32": "func main() {\n\tvar f float32 = 1.5\n\tprintln(f)\n}",
    "complex128": "func main() {\n\tvar c complex128\n\tprintln(real(c))\n}",
    "complex64": "func main() {\n\tvar c complex64\n\tprintln(real(c))\n}",
}


def refused_features():
    """Probe the surveyed gostack: which PROBES it rejects, which imports it accepts."""
    refused = set()
    with tempfile.TemporaryDirectory(prefix="probe-") as tmp:
        for name, body in PROBES.items():
            path = os.path.join(tmp, "probe.go")
            with open(path, "w") as f:
                f.write("package main\n\n" + body + "\n")
            r = subprocess.run([sys.executable, "-m", "gostack", "run", path], cwd=ROOT,
                               capture_output=True, text=True, timeout=TIMEOUT)
            if r.returncode != 0 and ("unsupported" in r.stderr or "undefined" in r.stderr):
                refused.add(name)
    r = subprocess.run([sys.executable, "-c", "from gostack.compiler.universe import PACKAGES; "
                        "print(' '.join(sorted(PACKAGES)))"], cwd=ROOT,
                       capture_output=True, text=True, check=True)
    return refused, set(r.stdout.split())


# tree-sitter node type -> the name gostack uses in its `unsupported:` line.
NODE_FEATURES = {
    "method_declaration": "methods",
    "interface_type": "interfaces",
    "func_literal": "function literals",
    "function_type": "function values",
    "slice_type": "slices",
    "slice_expression": "slices",
    "map_type": "maps",
    "variadic_parameter_declaration": "variadic functions",
    "variadic_argument": "variadic functions",
    "defer_statement": "defer",
    "goto_statement": "goto",
    "type_switch_statement": "type switches",
    "type_assertion_expression": "type assertions",
    "type_parameter_list": "generics",
    "type_arguments": "generics",
    "type_alias": "type aliases",
    "imaginary_literal": "complex numbers",
}

VERB = re.compile(r"%[-+# 0]*(?:\[\d+\])?(?:\*|\d+)?(?:\.(?:\*|\d+)?)?(?:\[\d+\])?([a-zA-Z%])")
FORMAT_FUNCS = {"Printf", "Sprintf", "Errorf", "Fprintf"}


def gostack_rev():
    """The gostack commit surveyed: $GOSTACK_REV (for an exported tree) or git's HEAD."""
    if os.environ.get("GOSTACK_REV"):
        return os.environ["GOSTACK_REV"]
    try:
        return subprocess.run(["git", "-C", ROOT, "log", "-1", "--format=%h (%s)"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def programs(args):
    if args:
        return [os.path.abspath(a) for a in args]
    out = []
    for sub in ("lang", "others"):
        d = os.path.join(HERE, sub)
        out += sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".go"))
    return out


def run_one(path):
    stem = path[:-3]
    want_out = open(stem + ".stdout", encoding="utf-8", errors="replace").read()
    want_err = open(stem + ".stderr", encoding="utf-8", errors="replace").read()
    want_exit = int(open(stem + ".exit").read())
    try:
        r = subprocess.run([sys.executable, "-m", "gostack", "run", path], cwd=ROOT,
                           capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
        out = r.stdout.decode("utf-8", "replace")
        err = r.stderr.decode("utf-8", "replace")
        code = r.returncode
        timed_out = False
    except subprocess.TimeoutExpired:
        out, err, code, timed_out = "", "", None, True
    stdout_ok = out == want_out
    exit_ok = code == want_exit
    stderr_ok = mask(err) == mask(drop_go_background_goroutines(want_err))
    first = ""
    if timed_out:
        first = "timeout after %d s" % TIMEOUT
    elif not (stdout_ok and exit_ok):
        lines = [ln for ln in err.splitlines() if ln.strip()]
        first = lines[0] if lines else ""
        first = first.replace(path, os.path.basename(path))
        if not first:
            first = "exit %s (want %d), stdout %s" % (code, want_exit,
                                                     "matches" if stdout_ok else "differs")
        elif stdout_ok is False and code == want_exit:
            first = "stdout differs; stderr: " + first
    return {"path": os.path.relpath(path, HERE), "pass": stdout_ok and exit_ok,
            "stdout_ok": stdout_ok, "exit_ok": exit_ok, "stderr_ok": stderr_ok,
            "exit": code, "want_exit": want_exit, "first_error": first}


def scan(path):
    """Constructs gostack refuses, imports, package members and fmt verbs used."""
    src = open(path, "rb").read()
    tree = PARSER.parse(src)
    feats, imports, members, verbs = set(), set(), collections.Counter(), collections.Counter()
    pkgnames = {}

    def text(n):
        return src[n.start_byte:n.end_byte].decode("utf-8", "replace")

    def walk(n, depth_in_func):
        t = n.type
        if t in NODE_FEATURES:
            feats.add(NODE_FEATURES[t])
        if t == "import_spec":
            p = text(n.child_by_field_name("path")).strip('"`')
            imports.add(p)
            pkgnames[p.rsplit("/", 1)[-1]] = p
        if t in ("type_identifier", "identifier") and text(n) in ("float32", "complex64", "complex128"):
            feats.add(text(n))
        if t == "field_declaration" and n.child_by_field_name("name") is None:
            feats.add("embedded fields")
        if t == "function_declaration" and text(n.child_by_field_name("name")) == "init":
            feats.add("init functions")
        if t == "type_declaration" and depth_in_func:
            feats.add("local type declarations")
        if t == "call_expression":
            fn = n.child_by_field_name("function")
            if fn is not None and fn.type == "identifier" and text(fn) == "recover":
                feats.add("recover")
            if fn is not None and fn.type == "selector_expression":
                operand = fn.child_by_field_name("operand")
                field = fn.child_by_field_name("field")
                if operand is not None and operand.type == "identifier" and \
                        text(operand) == "fmt" and text(field) in FORMAT_FUNCS:
                    args = n.child_by_field_name("arguments")
                    for a in args.named_children if args else []:
                        if a.type == "interpreted_string_literal":
                            for v in VERB.findall(text(a)):
                                if v != "%":
                                    verbs["%" + v] += 1
        if t == "selector_expression":
            operand = n.child_by_field_name("operand")
            if operand is not None and operand.type == "identifier":
                members[(text(operand), text(n.child_by_field_name("field")))] += 1
        if t == "go_statement":
            call = n.named_children[0] if n.named_children else None
            fn = call.child_by_field_name("function") if call is not None else None
            if fn is not None and fn.type == "func_literal":
                feats.add("go with a function literal")
        inner = depth_in_func or t in ("function_declaration", "method_declaration",
                                       "func_literal")
        for c in n.children:
            walk(c, inner)

    walk(tree.root_node, False)
    for p in imports:
        feats.add("package " + p)
    used = sorted("%s.%s" % (pkgnames[o], f) for (o, f) in members if o in pkgnames)
    return {"features": sorted(feats), "imports": sorted(imports), "members": used,
            "verbs": sorted(verbs)}


# Programs by others whose own first comment does not say what they do.
COVERS = {
    "bench_fasta.go": "The Benchmarks Game fasta program: DNA sequences made by repeating a "
                      "string and by weighted random choice with a linear congruential "
                      "generator, 60 columns per line.",
    "gotest_nilptr2.go": "Nil pointer dereferences of many forms (fields, array elements, "
                         "slices through nil pointers), each recovered in a deferred closure.",
}


def header(path):
    """The program's description: its own comment block (lang/) or source line and
    first descriptive comment block (others/)."""
    lines = open(path, encoding="utf-8").read().splitlines()
    source = ""
    if lines and lines[0].startswith("// Source:"):
        source = lines[0][len("// Source:"):].strip()
    base = os.path.basename(path)
    if base in COVERS:
        return source, COVERS[base]
    m = re.search(r"src/(\S+)/example\w*_test\.go.*calls the example functions \(([^)]*)\)", source)
    if m:
        return source, "Examples of package %s: %s." % (m.group(1), m.group(2))
    blocks, cur = [], []
    skip = re.compile(r"//\s*(run|Copyright|Use of this source|license that can|Source:|"
                      r"\+build|go:build|Output:|Unordered output:)")
    for ln in lines[1 if source else 0:]:
        s = ln.strip()
        if s.startswith("//") and not s.startswith("//go:"):
            if skip.match(s):
                if cur:
                    blocks.append(cur)
                    cur = []
                continue
            cur.append(s[2:].strip())
        else:
            if cur:
                blocks.append(cur)
                cur = []
            if s.startswith(("func ", "type ", "var ", "const ")):
                break
    if cur:
        blocks.append(cur)
    desc = " ".join(blocks[0]) if blocks else ""
    return source, desc.replace("|", "\\|")


def cell(r):
    if r["pass"]:
        return "yes" + ("" if r["stderr_ok"] else " (stderr differs)")
    return "no: `%s`" % r["first_error"].replace("`", "'").replace("|", "\\|")


INTRO = """# Pending golden programs

Programs that gostack does not run correctly yet, with goldens recorded from
real Go 1.19. They live here, not in `tests/programs/`, because the test runner
collects everything under `tests/programs/`; when gostack runs one correctly,
move `NAME.go`, `NAME.stdout`, `NAME.stderr` and `NAME.exit` into
`tests/programs/` (the names do not clash with the existing ones).

- `lang/`: programs written for gostack, one feature each (strings, slices,
  maps, methods, interfaces, closures, defer/panic/recover, fmt verbs, the
  packages issue 3 lists), one program per runtime panic text (exit 2), the
  stack-interaction programs (`stack_*`: deferred closures, panics, slices of
  stack arrays, closures and method values that live across stack copies;
  `stackln_*` are the same programs printing with println instead of fmt, so
  they can run before fmt is importable) and `generics*` (which gostack must report as unsupported; their goldens are Go's
  output anyway).
- `others/`: programs written by others, all from the Go 1.19 distribution
  (BSD-style license, see `others/LICENSE-go.txt`): `gotest_*` are Go's own
  `test/` programs (self-checking: most print nothing and panic on a wrong
  result), `example_*` are the standard library's example files turned into
  programs (package renamed to main, a main calling the examples appended),
  `bench_*` are the Benchmarks Game programs from Go's go1 benchmark set with a
  main and flag defaults added. The first line of each file names its source
  and any change. Not here: Go by Example programs (the search tool that
  holds them marks their code as not to be committed) and the Benchmarks
  Game's n-body and spectral-norm (no copy in the Go distribution).

Goldens: `python3 tools/record_goldens.py tests/pending/DIR/NAME.go` (a built
binary, run with no arguments; see `tests/programs/README.md`). Every program
was recorded twice and gave the same stdout and exit code both times, and the
same stderr after the test runner's masking, with one exception:
`lang/panic_goroutine1` names the panicking goroutine `goroutine 19` or
`goroutine 7` (8 runs: 6 and 2), the goroutine-id effect described in
`tests/programs/goroutines/README.md` for `go_panic1`; the golden has 19. No
program prints a real address on stdout (`%p` is used only on nil values);
`lang/panic_struct1` prints one on stderr (`panic: (main.T) 0xc000...`), which
the runner's mask hides.

The gostack column is produced by `tests/pending/survey.py` (run from the
repository root with the worktree's gostack, 20 s timeout per program): `yes`
when stdout and the exit code match the golden exactly, otherwise the first
line gostack printed on stderr. `features.txt` ranks what the failing programs
need.
"""


def write_readme(results, meta, rev):
    by = {r["path"]: r for r in results}
    out = [INTRO, "Surveyed gostack: %s.\n" % rev]
    for sub, title in (("lang", "Feature programs (lang/)"), ("others", "Programs by others (others/)")):
        rs = [r for r in results if r["path"].startswith(sub + "/")]
        npass = sum(r["pass"] for r in rs)
        out.append("## %s\n\n%d programs, %d run with identical stdout and exit code in gostack today.\n"
                   % (title, len(rs), npass))
        if sub == "lang":
            out.append("| program | exit | covers | gostack |\n|---|---|---|---|")
        else:
            out.append("| program | exit | source | covers | gostack |\n|---|---|---|---|---|")
        for r in rs:
            name = os.path.basename(r["path"])[:-3]
            source, desc = meta[r["path"]]
            if sub == "lang":
                out.append("| `%s` | %d | %s | %s |" % (name, r["want_exit"], desc, cell(by[r["path"]])))
            else:
                src = re.sub(r"\s*\(/usr/lib/go-1.19/[^)]*\)", "", source)
                src = src.replace("Go 1.19 distribution, ", "").replace(
                    ", BSD-style license, Copyright The Go Authors (see LICENSE-go.txt).", ";")
                src = src.replace("; Unchanged apart from this line.", " (unchanged)")
                out.append("| `%s` | %d | %s | %s | %s |" % (name, r["want_exit"], src.replace("|", "\\|"),
                                                           desc, cell(by[r["path"]])))
        out.append("")
    with open(os.path.join(HERE, "README.md"), "w") as f:
        f.write("\n".join(out))


def write_features(results, scans, rev, refused, accepted):
    failing = [r for r in results if not r["pass"]]
    for sc in scans.values():
        sc["features"] = [f for f in sc["features"] if
                          (f[len("package "):] not in accepted if f.startswith("package ")
                           else f in refused)]
    first = collections.Counter()
    for r in failing:
        m = re.search(r"unsupported: (.*)$", r["first_error"])
        key = "unsupported: " + m.group(1) if m else re.sub(r"^\S+\.go:\d+(:\d+)?: ", "", r["first_error"])
        first[key] += 1
    need = collections.Counter()
    for r in failing:
        for f in scans[r["path"]]["features"]:
            need[f] += 1
    members = collections.Counter()
    verbs = collections.Counter()
    for r in results:
        for m in scans[r["path"]]["members"]:
            members[m] += 1
        for v in scans[r["path"]]["verbs"]:
            verbs[v] += 1
    n, nf = len(results), len(failing)
    lines = ["What the pending programs need, generated by tests/pending/survey.py",
             "(gostack %s)." % rev,
             "%d programs, %d fail in gostack today (stdout or exit code differ)." % (n, nf), "",
             "1. Features gostack refuses, ranked by the number of failing programs that",
             "   use them (static scan of each program's syntax tree; a program counts once",
             "   per feature; a construct counts when gostack rejects a minimal program",
             "   using it, 'package X' when gostack does not accept the import; string",
             "   indexing, slicing, concatenation and range over strings need types, so",
             "   the scan does not count them: list 2 shows where gostack stops on them):", ""]
    for f, c in sorted(need.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append("%5d  %s" % (c, f))
    lines += ["", "   Probed and accepted by this gostack (not counted above): %s."
              % ", ".join(sorted(set(PROBES) - refused)),
              "   Imports it accepts: %s." % ", ".join(sorted(accepted))]
    lines += ["", "2. The first error gostack prints today (it stops at the first blocker):", ""]
    for f, c in sorted(first.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append("%5d  %s" % (c, f))
    lines += ["", "3. Package members used, by number of programs (all pending programs):", ""]
    for f, c in sorted(members.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append("%5d  %s" % (c, f))
    lines += ["", "4. fmt verbs in constant format strings of Printf/Sprintf/Errorf/Fprintf,",
              "   by number of programs:", ""]
    for f, c in sorted(verbs.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append("%5d  %s" % (c, f))
    lines += ["", "5. Failing programs by how many features of list 1 they need (fewest first:",
              "   the programs each step of work would bring within reach):", ""]
    for r in sorted(failing, key=lambda r: (len(scans[r["path"]]["features"]), r["path"])):
        fs = scans[r["path"]]["features"]
        lines.append("%3d  %-40s %s" % (len(fs), r["path"], ", ".join(fs) or
                                        "(none found by the scan; first error: %s)" % r["first_error"]))
    with open(os.path.join(HERE, "features.txt"), "w") as fh:
        fh.write("\n".join(lines) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--from-json", action="store_true",
                    help="rewrite README.md and features.txt from survey.json without running gostack")
    ap.add_argument("programs", nargs="*")
    a = ap.parse_args()
    paths = programs(a.programs)
    if a.from_json:
        with open(os.path.join(HERE, "survey.json")) as f:
            saved = json.load(f)
        results, rev = saved["results"], saved["gostack"]
        refused, accepted = set(saved["refused"]), set(saved["accepted_imports"])
    else:
        rev = gostack_rev()
        refused, accepted = refused_features()
        with ThreadPoolExecutor(max_workers=a.jobs) as ex:
            results = list(ex.map(run_one, paths))
    for r in results:
        print("%-40s %s" % (r["path"], cell(r)))
    if a.programs:
        return 0
    meta = {os.path.relpath(p, HERE): header(p) for p in paths}
    scans = {os.path.relpath(p, HERE): scan(p) for p in paths}
    with open(os.path.join(HERE, "survey.json"), "w") as f:
        json.dump({"gostack": rev, "results": results, "scans": scans,
                   "refused": sorted(refused), "accepted_imports": sorted(accepted)},
                  f, indent=1, sort_keys=True)
    write_readme(results, meta, rev)
    write_features(results, scans, rev, refused, accepted)
    print("%d programs, %d pass" % (len(results), sum(r["pass"] for r in results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
