#!/usr/bin/env python3
"""Record golden outputs for tests/programs/*.go from real Go.

This script documents how the goldens were produced; the test suite never
needs it, nor real Go.  Goldens were recorded with Go 1.19 from the Debian
package ``golang-1.19-go`` (``/usr/lib/go-1.19/bin/go``).

For each ``tests/programs/NAME.go`` (or each NAME / path given on the command
line) it copies the file into a fresh temporary directory, keeping its name,
runs ``go build -o prog NAME.go`` there (GOPATH mode: GO111MODULE=off, no
GOFLAGS, GOCACHE in a temporary directory, GOTOOLCHAIN unset, CGO_ENABLED=0),
runs the built binary (not ``go run``, which rewrites exit codes) with no
arguments, a 60 s timeout and GOTRACEBACK/GODEBUG unset, and writes
``NAME.stdout``, ``NAME.stderr`` and ``NAME.exit`` (the integer exit status
and a newline) next to the ``.go`` file.  A process killed by signal N is
recorded as 128+N, as a shell would.

Usage:  python3 tools/record_goldens.py [--go PATH] [NAME|PATH.go ...]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "tests", "programs")
DEFAULT_GO = "/usr/lib/go-1.19/bin/go"
RUN_TIMEOUT = 60


def find_go(explicit):
    for cand in (explicit, os.environ.get("GO"), DEFAULT_GO, shutil.which("go")):
        if cand and os.path.exists(cand):
            return cand
    sys.exit("record_goldens: cannot find a go binary (install golang-1.19-go)")


def base_env(cache):
    env = dict(os.environ)
    for k in ("GOFLAGS", "GOTOOLCHAIN", "GOTRACEBACK", "GODEBUG", "GOROOT",
              "GOPATH", "GOMAXPROCS", "GOGC"):
        env.pop(k, None)
    env["GO111MODULE"] = "off"
    env["GOCACHE"] = cache
    env["CGO_ENABLED"] = "0"
    return env


def resolve(arg):
    if arg.endswith(".go"):
        return os.path.abspath(arg)
    return os.path.join(PROGRAMS, arg + ".go")


def record(go, src):
    name = os.path.basename(src)
    stem = src[:-3]
    with tempfile.TemporaryDirectory(prefix="golden-") as tmp:
        cache = os.path.join(tmp, "gocache")
        os.mkdir(cache)
        work = os.path.join(tmp, "src")
        os.mkdir(work)
        shutil.copyfile(src, os.path.join(work, name))
        env = base_env(cache)
        env["GOPATH"] = os.path.join(tmp, "gopath")
        b = subprocess.run([go, "build", "-o", "prog", name], cwd=work, env=env,
                           capture_output=True)
        if b.returncode != 0:
            sys.stderr.write("%s: build failed\n%s" % (name, b.stderr.decode()))
            return False
        run_env = base_env(cache)
        try:
            r = subprocess.run([os.path.join(work, "prog")], cwd=work,
                               env=run_env, capture_output=True,
                               timeout=RUN_TIMEOUT, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            sys.stderr.write("%s: timed out after %d s\n" % (name, RUN_TIMEOUT))
            return False
        code = r.returncode if r.returncode >= 0 else 128 - r.returncode
    with open(stem + ".stdout", "wb") as f:
        f.write(r.stdout)
    with open(stem + ".stderr", "wb") as f:
        f.write(r.stderr)
    with open(stem + ".exit", "w") as f:
        f.write("%d\n" % code)
    print("%-24s exit %d  stdout %d B  stderr %d B"
          % (name, code, len(r.stdout), len(r.stderr)))
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--go", help="go binary (default %s)" % DEFAULT_GO)
    ap.add_argument("programs", nargs="*")
    a = ap.parse_args()
    go = find_go(a.go)
    if a.programs:
        srcs = [resolve(p) for p in a.programs]
    else:
        srcs = sorted(os.path.join(PROGRAMS, f) for f in os.listdir(PROGRAMS)
                      if f.endswith(".go"))
    ok = True
    for src in srcs:
        ok = record(go, src) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
