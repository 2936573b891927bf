"""io: the Writer interface (what fmt.Fprint* writes to) and EOF."""

from __future__ import annotations

from .. import types as T
from .registry import typename

WRITER = T.Named("Writer", T.Interface({"Write": T.Signature([T.Slice(T.UINT8)], [T.INT, T.ERROR])}),
                 pkg="io")
typename("io", "Writer", WRITER)
