"""gostack: Go's goroutine stack system, executable and visible, in Python.

    >>> import gostack
    >>> result = gostack.run_source(open("examples/deep.go").read(), "deep.go")
    >>> result.exit_code, result.stats["totals"]["grows"]

See README.md for the command line, the profiles and the module map.
"""

from .api import RunOptions, RunResult, run_file, run_source

__version__ = "0.1.0"
__all__ = ["run_file", "run_source", "RunOptions", "RunResult", "__version__"]
