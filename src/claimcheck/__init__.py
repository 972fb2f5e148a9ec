"""claimcheck: numeric claims in news articles, linked across sources and checked for conflicts."""

from importlib.metadata import PackageNotFoundError, version

from ._errors import ClaimcheckError, DecodeError, FormatError, InputError, LexiconError
from ._lexicon import Lexicon, read_table
from ._quantities import DEFAULT_TOLERANCE, parse_quantities
from ._records import Document, Quantity, Span

try:
    __version__ = version("claimcheck")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "DEFAULT_TOLERANCE",
    "ClaimcheckError",
    "DecodeError",
    "Document",
    "FormatError",
    "InputError",
    "Lexicon",
    "LexiconError",
    "Quantity",
    "Span",
    "__version__",
    "parse_quantities",
    "read_table",
]
