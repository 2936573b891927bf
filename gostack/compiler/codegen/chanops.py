"""chanops: go statements, channel operations, select, and runtime calls that may park.

Go counterpart: walk's lowering of OGO (newproc), OSEND/ORECV (chansend1,
chanrecv1/2), OSELECT (selectgo), OCLOSE and range over a channel, and the
calls of runtime functions (time.Sleep, sync.Mutex.Lock, WaitGroup.Wait, ...).
An operation that may park the goroutine ends its block (park_point): the
runtime op gets the continuation's block and pc, and either returns into it
at once or parks g with its pc saved, as gopark does.  Values are passed
through frame temps, as Go passes them through sudog.elem.

The runtime's Go-visible operations (RUNTIME_CALLS, BLOCKING, RuntimeFunc) are
derived from the one table, gostack/abi.py; this is the one place codegen
looks them up.
"""

from __future__ import annotations

from ... import types as T
from ...abi import RUNTIME_CALLS
from ..symbols import RuntimeFunc
from ..universe import BLOCKING
from .calls import call_args
from .control import LoopCtx
from .emit import CallSiteCode
from .frame import Loc, ParamLayout
from ..parse import Node


SELECT_SEND, SELECT_RECV = 0, 1       # select case kinds, as runtime/chan.py reads them


class ChanGen:
    """FuncGen's goroutines, channels and parking runtime calls."""

    def lowered_call(self, node) -> bool:
        """A call of a builtin or of a runtime function (check.RuntimeFunc): builtin_call's."""
        callee = node.callee
        return bool(node.builtin or isinstance(callee, RuntimeFunc))

    def is_runtime_op(self, callee) -> bool:
        """A runtime function that is one runtime op (RUNTIME_CALLS), called by runtime_call."""
        return callee.qualname in RUNTIME_CALLS

    def park_point(self, op: str, args: str):
        """End the block with a runtime op that may park g; resume in a new block."""
        cont = self.new_block()
        self.callsites.append(CallSiteCode(cont.index, self.line, self.live_ptrs(), op))
        self.emit(f"return {op}(g, {args}{', ' if args else ''}@J{cont.index}@, @B{cont.index}@)")
        self.start(cont)

    def receive(self, node: Node, comma_ok=False) -> list:
        """<-ch: the sender (or the buffer) writes into a frame temp, as into sudog.elem."""
        ch = self.value(node.get("operand"))
        elem_t = node.ty.types[0] if isinstance(node.ty, T.Tuple) else node.ty
        tmp = Loc("sp", self.alloc_temp(elem_t))
        self.park_point("CHANRECV", f"{ch}, sp + {tmp.off}")
        if not comma_ok:
            return [tmp]
        ok = Loc("sp", self.alloc_temp(T.BOOL))
        self.store(ok, T.BOOL, "g.recvok")
        return [tmp, ok]

    def stmt_send_statement(self, node):
        ch = self.value(node.get("channel"))
        if self.ctx.has_call(node.get("value")):
            ch = self.spill(ch, node.get("channel").ty)
        elem_t = node.get("channel").ty.under.elem
        tmp = Loc("sp", self.alloc_temp(elem_t))
        value = node.get("value")
        if elem_t.is_scalar():
            self.store(tmp, elem_t, self.value(value, elem_t))
        else:
            self.copy_addr(f"(sp + {tmp.off})", self.agg_addr(value), elem_t.size)
        self.park_point("CHANSEND", f"{ch}, sp + {tmp.off}")

    def stmt_go_statement(self, node):
        """go f(args): the args are evaluated here and copied to the new stack by newproc."""
        call = node.call
        callee = call.callee
        sig = callee.sig if callee is not None else call.sig
        fv = None
        if callee is None:
            fv = Loc("sp", self.alloc_temp(T.Pointer(T.UINT8)))
            self.store(fv, T.INT, self.value(call.func_value))
        layout = ParamLayout(sig)
        area = self.alloc_temp(_args_struct(sig, layout))
        staged = self.stage_args(call, call_args(call), sig)
        for (kind, val), t, off in zip(staged, sig.params, layout.params):
            self.store_staged(Loc("sp", area + off), t, kind, val)
        entry = f"@P:{callee.qualname}@" if callee is not None else "0"
        closure = f", {self.load(fv, T.INT)}" if fv is not None else ""
        self.emit(f"NEWPROC(g, {entry}, sp + {area}, {layout.args_size}, "
                  f"{self.fn.qualname!r}, {self.line}{closure})")

    def runtime_call(self, node, callee, args):
        name = callee.qualname
        op = RUNTIME_CALLS[name]
        values = self.operand_values(args)
        receiver = node.receiver
        if receiver is not None:
            if isinstance(receiver.ty.under, T.Pointer):
                values.insert(0, self.value(receiver))
            else:
                values.insert(0, self.addr_of_loc(self.loc(receiver)))
        if name in BLOCKING:
            self.park_point(op, ", ".join(values))
            return None
        if callee.sig.results:
            tmp = Loc("sp", self.alloc_temp(callee.sig.results[0]))
            self.store(tmp, callee.sig.results[0], f"{op}(g{''.join(', ' + v for v in values)})")
            return tmp
        self.emit(f"{op}(g{''.join(', ' + v for v in values)})")
        return None

    def stmt_select_statement(self, node):
        """select: evaluate every channel and send value, let selectgo pick, dispatch."""
        self.scopes.append([])
        entries = []
        for kind, comm, case in node.cases:
            if kind == "default":
                entries.append((kind, None, None, comm, case, None))
                continue
            ch_node = comm.get("channel") if kind == "send" else comm.recv.get("operand")
            elem_t = ch_node.ty.under.elem
            ch = Loc("sp", self.alloc_temp(ch_node.ty))
            self.store(ch, ch_node.ty, self.value(ch_node))
            elem = Loc("sp", self.alloc_temp(elem_t))
            if kind == "send":
                value = comm.get("value")
                if elem_t.is_scalar():
                    self.store(elem, elem_t, self.value(value, elem_t))
                else:
                    self.copy_addr(f"(sp + {elem.off})", self.agg_addr(value), elem_t.size)
            entries.append((kind, ch, elem, comm, case, elem_t))
        polled = [e for e in entries if e[0] != "default"]
        cases = "".join(f"({SELECT_SEND if kind == 'send' else SELECT_RECV}, "
                        f"{self.load(ch, T.INT)}, sp + {elem.off}), "
                        for kind, ch, elem, _, _, _ in polled)
        has_default = any(e[0] == "default" for e in entries)
        self.park_point("SELECTGO", f"({cases}), {int(has_default)}")
        bodies = [self.new_block() for _ in entries]
        end = self.new_block()
        self.emit("_s = g.selected")
        index = 0
        for entry, body in zip(entries, bodies):
            if entry[0] == "default":
                self.emit(f"if _s == -1: return @J{body.index}@")
            else:
                self.emit(f"if _s == {index}: return @J{body.index}@")
                index += 1
        self.jump(end)
        ctx = LoopCtx(node.label, "select", False, self.python_loops,
                      break_block=end.index)
        self.loops.append(ctx)
        for (kind, ch, elem, comm, case, elem_t), body in zip(entries, bodies):
            self.start(body)
            self.scopes.append([])
            if kind == "recv":
                self.select_receive_targets(comm, elem, elem_t)
            self.case_body(case)
            self.scopes.pop()
            if not self.cur.closed:
                self.jump(end)
        self.loops.pop()
        self.start(end)
        self.scopes.pop()

    def select_receive_targets(self, comm, elem, elem_t):
        ok = Loc("sp", self.alloc_temp(T.BOOL))
        self.store(ok, T.BOOL, "g.recvok")
        for (how, target), src, t in zip(comm.targets, (elem, ok), (elem_t, T.BOOL)):
            if how == "define":
                if target.name == "_":
                    continue
                self.declare_and_zero(target, zero=False)
                self.copy(self.var_location(target), src, t)
            elif target.ty is not None:
                self.copy(self.lvalue(target), src, t)

    def cfg_range_channel(self, node):
        """for v := range ch: receive until the channel is closed and drained."""
        self.scopes.append([])
        ch_node = node.range_chan
        ch = Loc("sp", self.alloc_temp(ch_node.ty))
        self.store(ch, ch_node.ty, self.value(ch_node))
        elem_t = ch_node.ty.under.elem
        head, exit_block = self.new_block(), self.new_block()
        self.jump(head)
        self.start(head)
        tmp = Loc("sp", self.alloc_temp(elem_t))
        self.park_point("CHANRECV", f"{self.load(ch, ch_node.ty)}, sp + {tmp.off}")
        self.emit(f"if not g.recvok: return @J{exit_block.index}@")
        if node.range_var is not None:
            how, target = node.range_var
            if how == "define":
                if target.name != "_":
                    self.declare_and_zero(target, zero=False)
                    self.copy(self.var_location(target), tmp, elem_t)
            elif target.ty is not None:
                self.copy(self.lvalue(target), tmp, elem_t)
        self.cfg_loop_body(node, exit_block, head)
        self.start(exit_block)
        self.scopes.pop()


def _args_struct(sig: T.Signature, layout: ParamLayout) -> T.Type:
    """The argument area of a call as one value (for go statements)."""
    st = T.Struct([T.Field(f"a{k}", t) for k, t in enumerate(sig.params)])
    st.layout()
    pad = layout.args_size - st.size
    if pad > 0:
        st.fields.append(T.Field("results", T.Array(T.UINT8, pad)))
    st.layout()
    st.size = layout.args_size
    return st
