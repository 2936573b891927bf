"""context: what code generation asks about the whole program (CompileContext).

Go counterpart: the package-level state gc's back end consults while compiling
one function: read-only data symbols (string data, static funcvals, type
descriptors: cmd/compile's staticdata and reflectdata), whether a statement
has a safepoint (a call), the zeroing of frames with pointer slots.  Codegen
writes addresses of read-only data as `@R<offset>@` tokens; link places
rodata after text and fills them in.

Deliberate difference: a statement without calls may run as native Python
control flow inside one block (nativable); gc always lowers to basic blocks.
"""

from __future__ import annotations

from ...profiles import PTR_SIZE, Profile
from ... import types as T
from ...stdlib.registry import GoFunc
from ..check.declarations import closing_brace_line
from ..symbols import FuncSym, Program as Checked
from ..universe import BLOCKING
from ..parse import Node


TYPE_DESC_SIZE = 48           # bytes of read-only data per type descriptor (Go's _type is 48)


class CompileContext:
    """What code generation asks about the whole program."""

    def __init__(self, checked: Checked, profile: Profile, debug: dict, thread_model: bool = False):
        self.checked = checked
        self.profile = profile
        # Fixed thread stacks: no split checks (as C), a guard-page probe instead.
        self.thread_model = thread_model
        self.forcemove = bool(debug.get("stackforcemove")) and not thread_model
        self.zeroing: dict = {}
        self.zeros: set = set()
        self._has_call: dict = {}
        self._native: dict = {}
        self._closing: dict = {}
        self.rodata = bytearray()            # string literals, funcvals (and later type data)
        self.funcval_patches: list = []      # (rodata offset, function) filled in at layout
        self.type_descs: list = []           # (rodata offset, type)
        self._rodata_offsets: dict = {}

    def rodata_token(self, data: bytes) -> str:
        """A token for the address of these bytes in read-only data (deduplicated).

        Empty strings point at the start of rodata, as Go's point at runtime.zerobase.
        """
        if not data:
            return "@R0@"
        off = self._rodata_offsets.get(data)
        if off is None:
            off = self._rodata_offsets[data] = len(self.rodata) + PTR_SIZE
            self.rodata += data
        return f"@R{off}@"

    def type_desc_token(self, t: T.Type) -> str:
        """The address of t's type descriptor in read-only data (one per distinct type)."""
        key = ("type", id(t) if isinstance(t, T.Named) else str(t))
        off = self._rodata_offsets.get(key)
        if off is None:
            off = self._rodata_offsets[key] = len(self.rodata) + PTR_SIZE
            self.rodata += bytes(TYPE_DESC_SIZE)
            self.type_descs.append((off, t))
        return f"@R{off}@"

    def funcval_token(self, qualname: str) -> str:
        """The address of a top-level function's static funcval (one word: its pc)."""
        off = self._rodata_offsets.get(("funcval", qualname))
        if off is None:
            off = self._rodata_offsets[("funcval", qualname)] = len(self.rodata) + PTR_SIZE
            self.rodata += bytes(PTR_SIZE)
            self.funcval_patches.append((off, qualname))
        return f"@R{off}@"

    @staticmethod
    def eq_desc(t: T.Type):
        """How the runtime compares two values of t (and hashes them as map keys)."""
        return equality_desc(t)

    def has_call(self, node: Node) -> bool:
        """Does this subtree contain a safepoint: a call, or a runtime op that may park?"""
        key = id(node)
        if key not in self._has_call:
            self._has_call[key] = _is_safepoint(node) or any(self.has_call(c) for c in node.children)
        return self._has_call[key]

    def has_loop(self, node: Node) -> bool:
        """Does this statement contain a for loop (not counting function literals)?"""
        return node.type == "for_statement" or any(
            self.has_loop(c) for c in node.children if c.type != "func_literal")

    def nativable(self, node: Node) -> bool:
        """Can this statement run as structured Python inside one block?"""
        key = id(node)
        if key not in self._native:
            self._native[key] = not self.has_call(node) and _branches_native(node, [])
        return self._native[key]

    def frame_needs_zeroing(self, fn: FuncSym) -> bool:
        return self.zeroing.get(fn, False)

    def closing_line(self, fn: FuncSym) -> int:
        return closing_brace_line(self.checked.source.text, fn.decl.get("body").pos.line)

    @staticmethod
    def type_token(t: T.Type) -> str:
        u = t.under
        named = isinstance(t, T.Named)
        return repr((u.kind if isinstance(u, T.Basic) else "other", str(t), named))


def equality_desc(t: T.Type):
    """A nested tuple: ("s",) string, ("f",) float64, ("i",) interface, ("b", n) raw
    bytes, ("t", ((off, desc), ...), size) a struct or array laid out field by field."""
    u = t.under
    if isinstance(u, T.Basic) and u.kind == "string":
        return ("s",)
    if isinstance(u, T.Basic) and u.kind == "float":
        return ("f",)
    if isinstance(u, T.Interface):
        return ("i",)
    if isinstance(u, T.Struct):
        return ("t", tuple((f.offset, equality_desc(f.type)) for f in u.fields), u.size)
    if isinstance(u, T.Array):
        inner = equality_desc(u.elem)
        if inner == ("b", u.elem.size):     # raw bytes throughout: one run ([1<<27]byte is common)
            return ("b", u.size)
        return ("t", tuple((k * u.elem.size, inner) for k in range(u.length)), u.size)
    return ("b", u.size)


def _is_safepoint(node: Node) -> bool:
    callee = node.callee
    if node.type == "call_expression":
        return isinstance(callee, (FuncSym, GoFunc)) or (callee is not None and callee.qualname in BLOCKING) \
            or node.func_value is not None or node.iface_call is not None
    return (node.type in ("send_statement", "select_statement") or node.recv
            or node.range_chan is not None)


def _branches_native(node: Node, enclosing: list) -> bool:
    kind = node.type
    if kind in ("break_statement", "continue_statement"):
        if node.children:                       # labeled
            return False
        if kind == "break_statement":
            for outer in reversed(enclosing):
                if outer in ("for_statement", "expression_switch_statement"):
                    return outer != "expression_switch_statement"
        return True
    if kind in ("fallthrough_statement", "type_switch_statement", "goto_statement"):
        return False
    if kind == "labeled_statement" and node.goto_target:
        return False                         # a goto target starts a block
    inner = enclosing + [kind] if kind in ("for_statement", "expression_switch_statement") else enclosing
    return all(_branches_native(c, inner) for c in node.children)
