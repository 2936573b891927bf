"""vm: the executor (the CPU of the model): bind compiled blocks to a world, dispatch them.

run.py is the dispatch loop, bind.py builds the blocks' namespace from the
table of runtime operations (gostack/abi.py), crash.py prints what Go prints
when a program dies (panic.go's printpanics, the signal handler, throw).
"""
