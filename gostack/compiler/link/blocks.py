"""blocks: link's passes over each function's blocks, down to its Python module.

Go counterpart: the assembler's last steps (cmd/internal/obj: resolving
branch targets and symbol addresses) plus peephole work gc does earlier.
process_block resolves emit.py's tokens to pcs, block functions and rodata
addresses, loads the stack views a block uses after its prologue, and
simplifies the frame set-up; block_module writes a function's blocks as
Python, copying small pure entry blocks into their call sites
(inlinable_entries) with the caller's continuation after their return:
fewer dispatches per Go call, the same memory and registers at every exit.
"""

from __future__ import annotations

import re

from ...runtime.symtab import FuncInfo
from ..codegen.emit import FRAME_SET
from ..codegen.memory import VIEW_NAMES


BLOCK_PC_STEP = 16            # pc distance between blocks of one function
_TOKEN = re.compile(r"@(B(\d+)|J(\d+)|F:([^@]+)|P:([^@]+)|R(\d+)|ENTRY|SELF)@")
_CALL = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\(")
# The line of a block's prologue that sets i, the q-view index of SP.
_INDEX_SET = re.compile(r"(^|; )i = (g\.si\b|s0 >> 3$|\(sp - g\.base\) >> 3$)")
OLD_PROLOGUE = "s0 = sp - g.base; i = s0 >> 3"    # (link's own runtime blocks)
_VIEW_USE = re.compile(r"\b(" + "|".join(VIEW_NAMES.values()) + r")\[")

INLINE_MAX_LINES = 40      # larger entry blocks are not copied into their call sites
# Calls a block copied into another may make: pure W64, and the prologue's own
# MORESTACK/FORCEMOVE, which find everything they need in g and memory.
INLINE_CALLS = {"W64", "MORESTACK", "FORCEMOVE"}
_CALL_EXIT = re.compile(r"return @F:([^@]+)@$")


def process_block(info: FuncInfo, block: list, entries: dict, rodata_base: int) -> list:
    """One block's body as (indent, python text, go line, callee) lines: tokens
    resolved, the stack views and index bases it uses loaded after its prologue,
    the frame set-up simplified.  callee names the function a `return @F:f@` line
    calls (a call site where f's entry block may be copied), else None."""

    def resolve(match):
        if match.group(2) is not None:
            return hex(info.entry + BLOCK_PC_STEP * int(match.group(2)))
        if match.group(3) is not None:
            return block_name(info.entry + BLOCK_PC_STEP * int(match.group(3)))
        if match.group(4) is not None:
            return block_name(entries[match.group(4)])
        if match.group(5) is not None:
            return hex(entries[match.group(5)])
        if match.group(6) is not None:
            return hex(rodata_base + int(match.group(6)))
        if match.group(1) == "SELF":
            return block_name(info.entry)
        return hex(info.entry)

    body = [(ind, _TOKEN.sub(resolve, text), line) for ind, text, line in block]
    callees = {k: m.group(1) for k, (_, text, _) in enumerate(block) if (m := _CALL_EXIT.match(text))}
    text_all = "\n".join(t for _, t, _ in body)
    views = sorted(set(_VIEW_USE.findall(text_all)))
    extra = [f"{v} = g.{v}" for v in views]
    old_style = OLD_PROLOGUE in text_all          # runtime blocks written with the address form
    if not old_style and _SP_USE.search(text_all):
        extra.insert(0, "sp = g.base + (i << 3)")    # the frame's SP as an address, where used
    if not old_style and re.search(r"\bs0\b", text_all):
        extra.append("s0 = i << 3")
    if "j4" in text_all:
        extra.append("j4 = i << 1")
    if "j2" in text_all:
        extra.append("j2 = i << 2")
    if "_k" in text_all:
        extra.append("_k = 0")
    if old_style and not re.search(r"\bs0\b", text_all.replace(OLD_PROLOGUE, "")):
        body = [(ind, t.replace(OLD_PROLOGUE, "i = (sp - g.base) >> 3"), line)
                for ind, t, line in body]
    body = [(ind, text, line, callees.get(k)) for k, (ind, text, line) in enumerate(body)]
    if not old_style:
        jumps = any("@J" in text for _, text, _ in block)
        body = _drop_unobserved_frame_set(body, jumps)
        if not jumps:
            body = _sink_frame_link(body)
        body = _index_from_entry_sp(body)
    out = []
    inserted = False
    for ind, text, line, callee in body:
        out.append((ind, text, line, callee))
        if not inserted and ind == 1 and _INDEX_SET.search(text):
            out.extend((1, e, line, None) for e in extra)
            inserted = True
    return out


def inlinable_entries(processed: dict) -> dict:
    """Entry blocks that may be copied into their call sites: name -> body lines.

    A call then runs the callee's entry block in the caller's block, saving a
    dispatch.  Nothing changes in memory or in g: the caller has pushed the
    return pc and set SP; the copy runs the prologue check (retrying the real
    entry block after morestack), saves BP and leaves by a call or a return
    through memory, as the entry block itself would.  Only blocks that cannot
    fault, panic or call the runtime are copied, so no traceback ever starts
    inside a copy, and only those that never jump within their function.
    """
    inline = {}
    for name, blocks in processed.items():
        entry = blocks[0] if blocks else []
        texts = [text for _, text, _, _ in entry]
        if not entry or len(entry) > INLINE_MAX_LINES or FRAME_SET in texts \
                or any(OLD_PROLOGUE in t or "i = (sp - g.base)" in t for t in texts):
            continue
        if set(_CALL.findall("\n".join(texts))) - INLINE_CALLS:
            continue
        if not any(_INDEX_SET.search(t) for t in texts):
            continue
        inline[name] = entry
    return inline


_PUSH_PC = re.compile(r"q\[i(?: [+-] \d+)?\] = (0x[0-9a-f]+)$")
_RETURN_THROUGH = re.compile(r"return BLK\[(q\[[^\]]+\])\]$")


def block_module(info: FuncInfo, blocks: list, inline: dict):
    """Python source of one function's blocks, and python line -> Go line.

    A call to a function in `inline` continues with a copy of its entry block
    (whose lines map to the call's Go line).  Where that copy returns, the
    return pc it reads from memory is compared with the one the call pushed:
    if they agree (they do unless something rewrote the stack), a pure
    continuation block of this function runs on in the same Python call,
    saving a second dispatch; otherwise the dispatch loop takes the return."""
    out, lines = [], {}
    first = info.entry
    pure = {first + BLOCK_PC_STEP * k: body for k, body in enumerate(blocks)
            if k and body and len(body) <= INLINE_MAX_LINES
            and not set(_CALL.findall("\n".join(e[1] for e in body))) - {"W64"}}

    def emit(ind, text, line):
        out.append("    " * ind + text)
        lines[len(out)] = line

    def emit_body(body, shift, speculate):
        pushed = None
        for ind, text, line, callee in body:
            m = _PUSH_PC.match(text)
            if m:
                pushed = int(m.group(1), 16)
            copy = inline.get(callee) if callee is not None else None
            if copy is None:
                emit(ind + shift, text, line)
                continue
            cont = pure.get(pushed) if speculate else None
            for cind, ctext, _, _ in copy:
                at = ind + shift + cind - 1
                r = _RETURN_THROUGH.match(ctext) if cont is not None else None
                if r is None:
                    emit(at, ctext, line)
                    continue
                emit(at, f"_r = {r.group(1)}", line)
                emit(at, f"if _r == {pushed:#x}:", line)
                emit_body(cont, at, False)
                emit(at, "return BLK[_r]", line)

    for k, body in enumerate(blocks):
        out.append(f"def {block_name(first + BLOCK_PC_STEP * k)}(g):")
        lines[len(out)] = body[0][2] if body else info.decl_line
        emit_body(body, 0, True)
        if not body:
            out.append("    pass")
    return "\n".join(out) + "\n", lines


def _drop_unobserved_frame_set(body: list, jumps: bool) -> list:
    """Leave out the entry block's register update after the prologue (FRAME_SET) when
    nothing before the block's exits can look at g.sp: no runtime call (which may
    scan or move the stack, or panic and unwind it) and no load through a pointer
    (which may fault).  The only calls left are W64 (pure) and, before FRAME_SET, the
    prologue's own MORESTACK/FORCEMOVE.  Its exits must all be calls and returns,
    which set both registers themselves: a jump continues in this frame."""
    texts = [entry[1] for entry in body]
    if jumps or FRAME_SET not in texts:
        return body
    rest = "\n".join(texts[texts.index(FRAME_SET) + 1:])
    if set(_CALL.findall(rest)) - {"W64"}:
        return body
    return [entry for entry in body if entry[1] != FRAME_SET]


_SP_USE = re.compile(r"(?<![\w.])sp\b")
_ENTRY_CHECK = re.compile(r"if g\.si( - \d+)? <= g\.sgi: ")
_FRAME_INDEX = re.compile(r"i = g\.si - (\d+)$")
_INDEX_USE = re.compile(r"(?<![\w.])i\b(?: ([+-]) (\d+)\b)?")
# What may stand before and after `i` or `i +/- K` for it to be a whole operand of
# a sum (so that changing K keeps the value): no operator binding tighter than +.
_OPERAND_BEFORE = re.compile(r"(^|[=(\[,:]|\breturn|\bif|\belse|\band|\bor|\bnot|[<>=!]=|[<>]| [+])\s*$")
_OPERAND_AFTER = re.compile(r"^\s*($|[)\],:;]|[<>=!]=|[<>](?![<>])|(and|or|if|else)\b|[+-] )")


def _index_from_entry_sp(body: list) -> list:
    """In an entry block, index the frame from the entry SP: `i = g.si` instead of
    `i = g.si - F`, with F added into every constant offset of i after it (the
    return pc is then q[i]).  One subtraction less per call; the same words.
    Left alone where i is not a whole operand of a sum, where the block derives
    other index bases or the address SP from i, or holds a string literal."""
    at = next((k for k, entry in enumerate(body)
               if entry[0] == 1 and _FRAME_INDEX.match(entry[1])), None)
    if at is None:
        return body
    rest = body[at + 1:]
    for _, text, *_ in rest:
        if "'" in text or '"' in text or _SP_USE.search(text) or re.search(r"\b(s0|j4|j2)\b", text):
            return body
        for m in _INDEX_USE.finditer(text):
            if not (_OPERAND_BEFORE.search(text[:m.start()]) and _OPERAND_AFTER.match(text[m.end():])):
                return body
    frame_words = int(_FRAME_INDEX.match(body[at][1]).group(1))

    def shift(match):
        off = 0 if match.group(1) is None else int(match.group(2)) * (1 if match.group(1) == "+" else -1)
        off -= frame_words
        return "i" if off == 0 else f"i {'+' if off > 0 else '-'} {abs(off)}"

    ind, _, line, callee = body[at]
    head = body[:at] + [(ind, "i = g.si", line, callee)]
    check = body[at - 1] if at else None
    if check is not None and check[0] == 1 and _ENTRY_CHECK.match(check[1]):
        # read g.si once: the prologue check can use the index too
        head = body[:at - 1] + [head[-1], (1, check[1].replace("g.si", "i", 1), *check[2:])]
    return head + [(ind, _INDEX_USE.sub(shift, text), *more) for ind, text, *more in rest]


_FRAME_LINK = re.compile(r"g\.bp = g\.base \+ \(\(i( [+-] \d+)?\) << 3\)$")


def _sink_frame_link(body: list) -> list:
    """In an entry block that nothing can observe before it exits (FRAME_SET dropped),
    set BP to this frame only on the paths that call out of it.

    The saved BP is stored in the frame as always; the BP register is unobservable
    inside such a block, so a path that returns (and would restore BP from the
    saved copy) need not link it at all.  Left alone unless every exit is a direct
    call or a return through memory and nothing else reads g.bp.
    """
    texts = [entry[1] for entry in body]
    if FRAME_SET in texts or "_bp = g.bp" not in texts:
        return body
    start = texts.index("_bp = g.bp")
    link = next((k for k in range(start, len(body)) if body[k][0] == 1 and _FRAME_LINK.match(texts[k])), None)
    if link is None:
        return body
    for k in range(link + 1, len(body)):
        text, callee = texts[k], body[k][3]
        if "g.bp" in text and text != "g.bp = _bp":
            return body
        if "return " in text and callee is None and not text.startswith("return BLK[q["):
            return body
    out = body[:link]
    for k in range(link + 1, len(body)):
        ind, text, line, callee = body[k]
        if text == "g.bp = _bp":
            continue                     # this path never changed BP
        if callee is not None:
            out.append((ind, texts[link], line, None))
        out.append(body[k])
    saved = texts.index("_bp = g.bp")
    if sum(("_bp" in entry[1]) for entry in out) == 2 and out[saved + 1][1].endswith("] = _bp"):
        ind, text, *more = out[saved + 1]       # _bp only carried the value into the frame
        out[saved:saved + 2] = [(ind, text[:-len("_bp")] + "g.bp", *more)]
    return out


def block_name(pc: int) -> str:
    return f"b_{pc:x}"
