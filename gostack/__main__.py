"""python -m gostack: the same as the `gostack` command."""

from .cli import main

raise SystemExit(main())
