"""The ``claimcheck`` command: a thin layer over the library (stub)."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    print("claimcheck: not yet", file=sys.stderr)
    return 2
