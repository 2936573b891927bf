"""The compiler: parse -> check -> escape -> codegen -> link (see each module)."""

from ..profiles import get_profile
from .check import check_program
from .escape import analyze
from .link import link, synthesize_init
from .parse import parse_source


def compile_source(text: str, path: str, opts):
    source = parse_source(text, path)
    checked = check_program(source)
    synthesize_init(checked)
    analyze(checked)
    program = link(checked, get_profile(opts.profile), opts.debug or {},
                   thread_model=opts.stack_model == "thread")
    program.profile_name = opts.profile
    return program
