"""deferpanic: defer records, gopanic, recover, and the text of unrecovered panics.

Go counterpart: src/runtime/panic.go (deferproc/deferreturn, gopanic,
gorecover, printpanics, printpanicval, preprintpanics) and stack.go's
adjustdefers, Go 1.19.

Defer records live where Go 1.13+ puts them: in the deferring frame (a
frame slot) unless the defer statement is in a loop, when the record is a
heap object.  A record is four words {link, fn, sp, pc}: the next older
record, the deferred closure (every defer is a closure with no arguments,
as Go lowers it since 1.17), the SP of the deferring frame and the pc of
that function's deferreturn block.  `g.defer` points at the newest.
Records on the stack move with it: copystack calls adjustdefers, which
fixes `g.defer` and each record's link, fn and sp (as Go's adjustdefers).

A panic is a host object (Go's _panic lives on the stack of gopanic; its
fields hold no stack pointers here).  gopanic pops the newest record and
calls its closure on top of the panicking frame, with the return address
of `runtime.gopanic`'s continuation block, so the deferred call's frames are
real frames.  When it returns: if it recovered, execution resumes in the
deferring function's deferreturn block at the record's SP (Go's recovery),
otherwise the next record runs.  With no records left the panic is fatal:
`panic: <value>` lines for the whole chain (printpanics), then the
traceback, exit 2.  Error() and String() of a panic value are Go methods;
they are called like the deferred closures, before printing (preprintpanics).
"""

from __future__ import annotations

from .. import types as T
from ..profiles import PTR_SIZE
from . import printfmt
from .panic import GoPanic
from .symtab import CallSite

DEFER_LINK, DEFER_FN, DEFER_SP, DEFER_PC = 0, 8, 16, 24


class PanicRecord:
    """runtime._panic: the value (an interface's two words), and the chain."""

    __slots__ = ("tab", "data", "err", "link", "recovered", "text", "defer_sp", "defer_pc", "aborted",
                 "pc", "line")

    def __init__(self, tab, data, err, link):
        self.tab, self.data, self.err, self.link = tab, data, err, link
        self.recovered = False
        self.aborted = False
        self.text = None               # what printpanicval prints, once known
        self.defer_sp = self.defer_pc = 0
        self.pc, self.line = 0, None       # where it panicked (for the traceback)


def adjustdefers(g, aspace, lo: int, hi: int, delta: int) -> int:
    """Move every stack pointer of the defer chain by delta (after the bytes moved)."""
    adjusted = 0
    if lo <= g.defer < hi:
        g.defer += delta
        adjusted += 1
    d = g.defer
    while d:
        for off in (DEFER_LINK, DEFER_FN, DEFER_SP):
            v = aspace.load(d + off, "q")
            if lo <= v < hi:
                aspace.store(d + off, "q", v + delta)
                adjusted += 1
        d = aspace.load(d + DEFER_LINK, "q")
    p = g.panic
    while p is not None:                 # a running panic remembers its deferring frame's SP
        if lo <= p.defer_sp < hi:
            p.defer_sp += delta
            adjusted += 1
        p = p.link
    return adjusted


def defer_roots(g, aspace):
    """Words the collector must see: heap records and their closures."""
    d = g.defer
    while d:
        yield d
        yield aspace.load(d + DEFER_FN, "q")
        d = aspace.load(d + DEFER_LINK, "q")
    p = g.panic
    while p is not None:
        yield p.data
        p = p.link


def basic_text(info, aspace, data) -> str | None:
    """printpanicval for values of basic kinds (and named ones as T(v)); None otherwise."""
    t = info.type
    u = t.under
    if not isinstance(u, T.Basic):
        return None
    if u.kind == "string":
        ptr, n = aspace.load(data, "q"), aspace.load(data + PTR_SIZE, "q")
        text = aspace.read(ptr, n).decode("utf-8", "surrogateescape") if n else ""
    elif u.kind == "bool":
        text = printfmt.format_bool(aspace.load(data, "B"))
    elif u.kind == "float":
        text = printfmt.format_float(aspace.load(data, "d"))
    else:
        value = aspace.load(data, u.fmt)
        text = printfmt.format_uint(value) if u.kind == "uint" else printfmt.format_int(value)
    if isinstance(t, T.Named):
        return f'{info.name}("{text}")' if u.kind == "string" else f"{info.name}({text})"
    return text


class Panics:
    """gopanic and friends over one world."""

    def __init__(self, world):
        self.world = world
        self.aspace = world.aspace

    # ---- starting a panic

    def gopanic(self, g, err: GoPanic, tab: int = 0, data: int = 0, pc: int = 0, line=None):
        """Begin panicking on g: returns the block to run next (a deferred call)."""
        if tab == 0 and err is not None:
            tab, data = self.runtime_error_value(err)
        p = PanicRecord(tab, data, err, g.panic)
        p.pc, p.line = pc, line
        g.panic = p
        return self.run_next_defer(g)

    def runtime_error_value(self, err: GoPanic):
        """A runtime error as an interface value: type runtime.Error, data its text."""
        text = err.header_text()
        ptr, n = self.world.strings.new(text.encode("utf-8", "surrogateescape"))
        box = self.world.malloc(16, "runtime.Error", (0,))
        self.aspace.store(box, "q", ptr)
        self.aspace.store(box + 8, "q", n)
        return self.world.ifaces.runtime_error_type(err), box

    def run_next_defer(self, g):
        d = g.defer
        if not d:
            return self.fatal(g)
        load = self.aspace.load
        p = g.panic
        g.defer = load(d + DEFER_LINK, "q")
        p.defer_sp, p.defer_pc = load(d + DEFER_SP, "q"), load(d + DEFER_PC, "q")
        fv = load(d + DEFER_FN, "q")
        # gopanic's own frame returns into the panicking function (at a call
        # site with the panic's line), so stack walks pass through it.
        program = self.world.program
        open_coded = getattr(program.findfunc(p.defer_pc), "open_coded", False)
        ret_pc = program.open_defer_return_pc if open_coded else program.panic_return_pc
        return self.world.reflectcall.call_go(g, load(fv, "q"), b"", ctxt=fv, ret_pc=ret_pc,
                                  resume_pc=self.panic_site(p))

    def panic_site(self, p) -> int:
        """A pc standing for the panicking statement: a call site with its line."""
        program = self.world.program
        pc = p.pc + 1
        if pc not in program.callsites:
            f = program.findfunc(p.pc)
            program.callsites[pc] = CallSite(pc, f, p.line or f.decl_line, tuple(f.local_ptrs or ()),
                                             "runtime.gopanic")
        return pc

    # ---- a deferred call returned into the panic

    def panic_return(self, g):
        self.world.reflectcall.pop_runtime_frame(g)
        p = g.panic
        if not p.recovered:
            return self.run_next_defer(g)
        g.panic = p.link
        while g.panic is not None and g.panic.aborted:
            g.panic = g.panic.link
        # recovery: resume the deferring function's deferreturn at its SP
        f = self.world.program.findfunc(p.defer_pc)
        g.sp = p.defer_sp
        g.bp = p.defer_sp + f.frame_size - PTR_SIZE if f.frame_size else g.bp
        return self.world.blocks[p.defer_pc]

    def gorecover(self, g, retaddr_slot: int, dst: int) -> None:
        """recover(): the panic's value if called by a deferred call that the panic made."""
        store = self.aspace.store
        p = g.panic
        if p is not None and not p.recovered and self.called_by_panic(retaddr_slot):
            p.recovered = True
            store(dst, "q", p.tab)
            store(dst + 8, "q", p.data)
            return
        store(dst, "q", 0)
        store(dst + 8, "q", 0)

    def called_by_panic(self, retaddr_slot: int) -> bool:
        """Is the frame whose return address is at retaddr_slot the deferred call
        (or is its caller a defer wrapper called by the panic)?"""
        program = self.world.program
        ret = self.aspace.load(retaddr_slot, "q")
        panic_pcs = (program.panic_return_pc, program.open_defer_return_pc)
        if ret in panic_pcs:
            return True
        f = program.findfunc(ret)
        if f is None or not getattr(f, "wrapper", False):
            return False
        caller_ret_slot = retaddr_slot + PTR_SIZE + f.frame_size
        return self.aspace.load(caller_ret_slot, "q") in panic_pcs

    # ---- the end: preprintpanics, printpanics

    def fatal(self, g):
        """No deferred call recovered: print the chain (calling Error/String first)."""
        p = g.panic
        while p is not None:
            if p.text is None:
                method = self.world.ifaces.text_method(p.tab)
                if method is not None:
                    return self.call_text_method(g, p, method)
                p.text = self.value_text(p)
            p = p.link
        raise FatalPanic(g.panic)

    def call_text_method(self, g, p, entry_pc):
        """preprintpanics: v.Error() or v.String(), run on g; the result becomes the text."""
        receiver = p.data.to_bytes(8, "little", signed=True)

        def done(g, results: bytes):
            ptr = int.from_bytes(results[0:8], "little", signed=True)
            n = int.from_bytes(results[8:16], "little", signed=True)
            p.text = self.aspace.read(ptr, n).decode("utf-8", "surrogateescape") if n else ""
            return self.fatal(g)
        return self.world.reflectcall.call_go(g, entry_pc, receiver, result_size=16, then=done,
                                  resume_pc=self.panic_site(g.panic))

    def value_text(self, p) -> str:
        if p.tab == 0:
            return "nil"
        info = self.world.ifaces.types[p.tab]
        if info.runtime_error is not None:
            return info.runtime_error_text(self.aspace, p.data)
        text = basic_text(info, self.aspace, p.data) if not info.direct else None
        if text is not None:
            return text
        return f"({info.name}) {p.data:#x}"


class FatalPanic(Exception):
    """An unrecovered panic: the chain to print (oldest first) and the traceback."""

    def __init__(self, p: PanicRecord):
        super().__init__("panic")
        self.panic = p

    def header(self) -> str:
        chain = []
        p = self.panic
        while p is not None:
            chain.append(p)
            p = p.link
        out = []
        for k, p in enumerate(reversed(chain)):
            if k:
                out.append("\t")
            out.append("panic: " + p.text)
            if p.err is not None and p.err.signal and k == len(chain) - 1:
                pass
            if p.recovered:
                out.append(" [recovered]")
            out.append("\n")
        last = self.panic
        if last.err is not None and last.err.signal:
            out.append(last.err.signal + "\n")
        return "".join(out)
