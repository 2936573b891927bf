#!/usr/bin/env python3
"""Record gc's escape diagnostics and frame headers beside each golden program.

This script documents how the ``NAME.gc-m`` and ``NAME.gc-S`` files were
produced; the test suite never needs it, nor real Go.  They were recorded
with Go 1.19 from the Debian package ``golang-1.19-go``
(``/usr/lib/go-1.19/bin/go``, linux/amd64).

For each ``tests/programs/**/NAME.go`` (or each path given on the command
line) it copies the file into a fresh temporary directory and runs
``go build -gcflags='-m -l -S' -o prog NAME.go`` there (GOPATH mode as in
record_goldens.py: GO111MODULE=off, no GOFLAGS, CGO_ENABLED=0; one GOCACHE
for the whole run, so the standard library is compiled once).  From the
compiler's output it writes:

* ``NAME.gc-m``: the escape-analysis diagnostics of ``-m -l`` (inlining
  off), one a line, in gc's order, with gc's ``./`` prefix dropped
  (``escape1.go:12:2: moved to heap: c``);
* ``NAME.gc-S``: the ``STEXT`` header line of every ``main.*`` function,
  in gc's order (``main.grow STEXT size=229 args=0x10 locals=0xa8 funcid=0x0
  align=0x0``).

A program gc refuses to build gets neither file (a compile-error golden).

Usage:  python3 tools/record_gc.py [--go PATH] [PATH.go ...]
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

from record_goldens import PROGRAMS, base_env, find_go, DEFAULT_GO

DIAG = re.compile(r"^\./(?P<file>[^:]+\.go):(?P<line>\d+):(?P<col>\d+): (?P<msg>.*)$")
STEXT = re.compile(r"^main\.\S+ STEXT\b")


def all_programs():
    out = []
    for dirpath, _dirs, files in os.walk(PROGRAMS):
        out.extend(os.path.join(dirpath, f) for f in files if f.endswith(".go"))
    return sorted(out)


def split_output(text: str, name: str):
    """gc's combined -m and -S output -> (diagnostic lines, STEXT header lines)."""
    diags, headers = [], []
    for line in text.splitlines():
        m = DIAG.match(line)
        if m and m.group("file") == name:
            diags.append(line[2:])
        elif STEXT.match(line):
            headers.append(line)
    return diags, headers


def record(go, src, cache):
    name = os.path.basename(src)
    stem = src[:-3]
    with tempfile.TemporaryDirectory(prefix="gc-") as tmp:
        shutil.copyfile(src, os.path.join(tmp, name))
        env = base_env(cache)
        env["GOPATH"] = os.path.join(tmp, "gopath")
        b = subprocess.run([go, "build", "-gcflags=-m -l -S", "-o", "prog", name],
                           cwd=tmp, env=env, capture_output=True)
    if b.returncode != 0:
        sys.stderr.write("%s: build failed (no gc files)\n" % name)
        return False
    diags, headers = split_output(b.stdout.decode() + b.stderr.decode(), name)
    with open(stem + ".gc-m", "w") as f:
        f.write("".join(d + "\n" for d in diags))
    with open(stem + ".gc-S", "w") as f:
        f.write("".join(h + "\n" for h in headers))
    print("%-28s %3d diagnostics  %3d functions" % (name, len(diags), len(headers)))
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--go", help="go binary (default %s)" % DEFAULT_GO)
    ap.add_argument("programs", nargs="*")
    a = ap.parse_args()
    go = find_go(a.go)
    srcs = [os.path.abspath(p) for p in a.programs] or all_programs()
    ok = True
    with tempfile.TemporaryDirectory(prefix="gc-cache-") as cache:
        for src in srcs:
            ok = record(go, src, cache) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
