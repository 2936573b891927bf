"""The executor's loop: a corrupt return pc throws, any other KeyError is a bug that surfaces."""

import pytest

from gostack.api import load_source
from gostack.errors import EXIT_HOST_LIMIT
from gostack.vm.run import bind, execute

HELLO = 'package main\n\nfunc main() {\n\tprintln("hi")\n}\n'


def loaded():
    process = load_source(HELLO)
    world = process.world
    return world, bind(process.program, world)


def test_a_return_to_a_pc_that_is_no_block_throws_unexpected_return_pc():
    world, blocks = loaded()
    blocks[world.main_g.pc] = lambda g: blocks[0xDEAD]        # as `return BLK[q[...]]` does
    code, host_error = execute(world, blocks)
    assert code == EXIT_HOST_LIMIT
    assert host_error == "model invariant broken: unexpected return pc 0xdead"
    assert "".join(world.stderr_parts).startswith("fatal error: unexpected return pc 0xdead\n")


def test_a_key_error_inside_a_block_is_not_taken_for_a_return_pc():
    world, blocks = loaded()

    def buggy(g):
        return {}["missing"]
    blocks[world.main_g.pc] = buggy
    with pytest.raises(KeyError, match="missing"):
        execute(world, blocks)


def test_a_plain_run_still_runs():
    world, blocks = loaded()
    assert execute(world, blocks) == (0, None)
    assert "".join(world.stderr_parts) == "hi\n"
