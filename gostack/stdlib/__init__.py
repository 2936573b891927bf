"""stdlib: the parts of Go's standard library that programs commonly use.

Go counterpart: the packages fmt, strings, strconv, errors, sort, math, os,
unicode, unicode/utf8, flag, log, path, math/bits and container/heap, list
and ring of Go 1.19, and runtime's stack readers (Caller, Callers,
CallersFrames, FuncForPC, Stack), implemented in Python over the model's
memory (the functions of runtime, sync and time that the runtime itself
implements are operations of gostack/abi.py's table).

Each function is registered with its Go signature (`gofunc`).  A call is a
real call site: the arguments are laid out in the caller's outgoing area
as for a Go call, the implementation reads them there, writes its results
there, and the caller resumes at the next block.  An implementation that
must run Go code (sort.Slice's less, a String method for fmt) is a
generator: it yields a call request, the runtime runs that Go function on
the goroutine's stack (World.call_go) and sends the results back in.

Deliberate difference: these functions do not have Go frames of their own,
so a traceback through one (a panic inside a String method called by fmt)
shows the runtime's call frame instead of fmt's.
"""

from .registry import PACKAGES, GoFunc, PkgVar
# Importing each package module registers its functions in PACKAGES.
from . import errors_pkg, flag_pkg, io_pkg, fmt_pkg, math_pkg, os_pkg, sort_pkg, strconv_pkg
from . import strings_pkg, sync_pkg, unicode_pkg
from . import bits_pkg, container_pkg, heap_pkg, log_pkg, path_pkg, runtime_pkg, time_pkg

__all__ = ["PACKAGES", "GoFunc", "PkgVar", "errors_pkg", "flag_pkg", "io_pkg", "fmt_pkg", "math_pkg",
           "os_pkg", "sort_pkg", "strconv_pkg", "strings_pkg", "sync_pkg", "unicode_pkg",
           "bits_pkg", "container_pkg", "heap_pkg", "log_pkg", "path_pkg", "runtime_pkg", "time_pkg"]
