"""bind: load a program's blocks into a namespace of runtime operations.

Go counterpart: the linker's relocations against runtime symbols, done at
load time.  The generated Python names every runtime service it calls
(CHANSEND, MORESTACK, LD_q, ...); each name is an entry of gostack/abi.py,
bound here once per run to a closure over the world.  Nothing is declared
here: a new operation is an entry of the table.
"""

from __future__ import annotations

from ..abi import OPS
from ..runtime.symtab import Program


def namespace(world) -> dict:
    """The blocks' globals: every operation of the table, bound to this world."""
    ns = {"__builtins__": __builtins__}
    for o in OPS:
        ns[o.name] = o.bind(world)
    for n in getattr(world.program, "zeros", []):       # the program's zero constants
        ns[f"Z{n}"] = bytes(n)
    return ns


def bind(program: Program, world) -> dict:
    """Execute the program's code objects in one namespace; the blocks by pc."""
    ns = namespace(world)
    for code in program.code_objects.values():
        exec(code, ns)
    blocks = ns["BLK"]
    for name, value in ns.items():
        if name.startswith("b_") and callable(value):
            blocks[int(name[2:], 16)] = value
    if world.stacks.segments is not None:     # segmented stacks return through lessstack
        blocks[world.stacks.segments.lessstack_pc] = world.stacks.segments.lessstack
    world.blocks = blocks
    world.block_pc = {f: pc for pc, f in blocks.items()}
    return blocks
