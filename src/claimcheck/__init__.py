"""claimcheck: numeric claims in news articles, linked across sources and checked for conflicts."""

from importlib.metadata import PackageNotFoundError, version

from ._errors import ClaimcheckError, DecodeError, FormatError, InputError, LexiconError
from ._lexicon import Lexicon, read_table
from ._quantities import DEFAULT_TOLERANCE, parse_quantities
from ._records import Claim, Cluster, Document, Link, Quantity, Span, SumCheck

try:
    __version__ = version("claimcheck")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.0.0"

__all__ = [
    "DEFAULT_TOLERANCE",
    "Claim",
    "ClaimcheckError",
    "Cluster",
    "DecodeError",
    "Document",
    "FormatError",
    "InputError",
    "Lexicon",
    "LexiconError",
    "Link",
    "Quantity",
    "Span",
    "SumCheck",
    "__version__",
    "parse_quantities",
    "read_table",
]
