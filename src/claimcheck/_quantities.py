"""The quantity engine: every figure in a text, as an interval with its qualifier and kind."""

from __future__ import annotations

from ._lexicon import Lexicon
from ._records import Quantity

__all__ = ["DEFAULT_TOLERANCE", "parse_quantities"]

DEFAULT_TOLERANCE = 0.1


def parse_quantities(
    text: str, *, lexicon: Lexicon | None = None, tolerance: float = DEFAULT_TOLERANCE
) -> list[Quantity]:
    """Every figure in ``text``, in order of appearance (stub: being written)."""
    return []
