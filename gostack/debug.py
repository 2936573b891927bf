"""debug: the GODEBUG-style knobs of `--debug`, in one table.

Go counterpart: runtime1.go's dbgvars (GODEBUG) and the compile-time switches
of stack.go (stackDebug, stackPoisonCopy, stackFaultOnFree, stackNoCache) and
debug.go's mayMoreStackMove.  In gostack they are run-time knobs.
"""

KNOBS = {
    "stackforcemove": "N: move the stack to a same-size new one at every N-th prologue check "
                      "(1: every check, as Go's mayMoreStackMove)",
    "stackpoisoncopy": "1: fill a stack with 0xfd once it has been copied away (stackPoisonCopy)",
    "stackfaultonfree": "1: keep freed stacks reserved PROT_NONE, so a stale access faults as a "
                        "guard hit and the range is never reused (stackFaultOnFree)",
    "stacknocache": "1: bypass the per-P stack caches (stackNoCache)",
    "checkinv": "1: check the runtime invariants after every executed block",
    "stackdebug": "0..4: log copystack (1), stackalloc/stackfree (2) on stderr (stackDebug)",
    "gcshrinkstackoff": "1: never shrink stacks (GODEBUG gcshrinkstackoff)",
    "asyncpreemptoff": "1: no asynchronous preemption in go1.19 (GODEBUG asyncpreemptoff)",
}


def unknown_knobs(debug: dict) -> list:
    return sorted(name for name in debug if name not in KNOBS)
