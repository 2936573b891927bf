"""reflectcall: the runtime calling Go code on a goroutine's stack.

Go counterpart: reflectcall (asm_amd64.s, with its CALLFN frames) and the
way gopanic calls a deferred function or preprintpanics calls Error and
String: the runtime pushes a frame of its own and calls into compiled code,
which returns into the runtime.  Go 1.19.

Below g's SP the runtime pushes a frame: a return address into the caller
(resume_pc, a call site, so stack walks pass through) and RUNTIME_CALL_FRAME
bytes holding the callee's arguments and results.  The callee returns to
ret_pc, or to the call-return block, which hands the results to
then(g, results).  The host keeps only SP distances: the stack may move
while the callee runs.

Deliberate differences: one fixed frame size (32 bytes) for every such
call, as the model's runtime calls pass at most four words.
"""

from __future__ import annotations

from ..profiles import PTR_SIZE

RUNTIME_CALL_FRAME = 32                 # bytes of a runtime frame calling Go (args + results)


class ReflectCall:
    """Calls from the runtime into Go for one world (its memory, its blocks)."""

    def __init__(self, world):
        self.world = world
        self.aspace = world.aspace

    def call_go(self, g, entry_pc: int, args: bytes, ctxt: int = 0, ret_pc: int = 0,
                result_size: int = 0, then=None, resume_pc: int = 0):
        """Call a Go function from the runtime on g's stack; returns the block to run."""
        assert len(args) + result_size <= RUNTIME_CALL_FRAME
        aspace = self.aspace
        aspace.store(g.sp - PTR_SIZE, "q", resume_pc)
        frame_sp = g.sp - PTR_SIZE - RUNTIME_CALL_FRAME
        if args:
            aspace.write(frame_sp, args)
        if not ret_pc:
            ret_pc = self.world.program.runtime_call_return_pc
            g.calls.append((then, -(-len(args) // PTR_SIZE) * PTR_SIZE, result_size))
        aspace.store(frame_sp - PTR_SIZE, "q", ret_pc)
        g.sp = frame_sp - PTR_SIZE
        g.ctxt = ctxt
        blocks = self.world.blocks
        return blocks[aspace.load(entry_pc, "q")] if entry_pc < 0 else blocks[entry_pc]

    def pop_runtime_frame(self, g) -> int:
        """After the callee returned (SP at the runtime frame): pop it; the frame's SP."""
        frame_sp = g.sp
        g.sp = frame_sp + RUNTIME_CALL_FRAME + PTR_SIZE
        return frame_sp

    def runtime_call_return(self, g):
        """The call-return block: the results to then(g, results)."""
        then, params, result_size = g.calls.pop()
        results = self.aspace.read(g.sp + params, result_size) if result_size else b""
        self.pop_runtime_frame(g)
        return then(g, results)
