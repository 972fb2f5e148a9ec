"""claimcheck: numeric claims in news articles, linked across sources and checked for conflicts.

The pipeline, stage by stage: :func:`load` / :func:`make_document` read articles into
:class:`Document` records; :func:`parse_quantities` finds every figure as a :class:`Quantity`
interval; :func:`extract` turns figures into :class:`Claim` records; :func:`check` links
claims about the same fact and judges them, returning a :class:`Report`.
"""

from importlib.metadata import PackageNotFoundError, version

from ._check import Report, check
from ._claims import extract
from ._documents import load, make_document
from ._errors import ClaimcheckError, DecodeError, FormatError, InputError, LexiconError, OptionError
from ._lexicon import Lexicon, read_table
from ._parallel import extract_all, iter_claims, iter_documents
from ._quantities import DEFAULT_TOLERANCE, parse_quantities
from ._records import Claim, Cluster, Document, Link, Quantity, Span, SumCheck
from ._sentences import split_sentences

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
    "OptionError",
    "Quantity",
    "Report",
    "Span",
    "SumCheck",
    "__version__",
    "check",
    "extract",
    "extract_all",
    "iter_claims",
    "iter_documents",
    "load",
    "make_document",
    "parse_quantities",
    "read_table",
    "split_sentences",
]
