"""Hypothesis strategies for testing pipelines built on claimcheck (needs ``hypothesis``).

    >>> from hypothesis import given
    >>> from claimcheck.testing import figure_phrases
    >>> @given(figure_phrases())
    ... def test_figures_parse(phrase):
    ...     assert phrase.interval_of(claimcheck.parse_quantities(phrase.text)[0]) == phrase.interval

* :func:`quantities` — ``Quantity`` records of every qualifier with consistent intervals;
* :func:`figure_phrases` — a figure written as news writes it (digits, words, separators,
  qualifiers) with the interval it must parse to;
* :func:`claims` — ``Claim`` records around such quantities;
* :func:`articles` — news-style articles (dateline, site furniture, attributions) with
  planted claims whose quotes, intervals and counted things are known;
* :func:`source_sets` — several articles about one planted event whose figures ``agree``,
  are ``compatible`` or ``conflict``, plus distractor facts, with the expected findings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

try:
    from hypothesis import strategies as st
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError("claimcheck.testing needs hypothesis: pip install 'claimcheck[testing]'") from exc

from ._records import Claim, Quantity

__all__ = [
    "Article",
    "FigurePhrase",
    "PlantedClaim",
    "SourceSet",
    "articles",
    "claims",
    "figure_phrases",
    "number_to_words",
    "quantities",
    "source_sets",
]

_ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
         "sixteen seventeen eighteen nineteen").split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**9, "billion"), (10**6, "million"), (1000, "thousand"))


def number_to_words(n: int, *, hyphen: bool = True, use_and: bool = True) -> str:
    """English words for a whole number from 0 to 10**12 - 1.

    >>> number_to_words(342), number_to_words(23, hyphen=False)
    ('three hundred and forty-two', 'twenty three')
    """
    if n < 0 or n >= 10**12:
        raise ValueError("number_to_words covers 0 to 10**12 - 1")
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + (("-" if hyphen else " ") + _ONES[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        head = f"{_ONES[hundreds]} hundred"
        return head + ((" and " if use_and else " ") + number_to_words(rest, hyphen=hyphen) if rest else "")
    for scale, name in _SCALES:
        if n >= scale:
            high, rest = divmod(n, scale)
            head = f"{number_to_words(high, hyphen=hyphen, use_and=use_and)} {name}"
            if not rest:
                return head
            joiner = " and " if use_and and rest < 100 else " "
            return head + joiner + number_to_words(rest, hyphen=hyphen, use_and=use_and)
    raise AssertionError("unreachable")


Interval = tuple[float | None, float | None, bool, bool]


@attrs.frozen
class FigurePhrase:
    """A figure as written, and what it must parse to."""

    text: str
    interval: Interval
    stated: float | None
    qualifier: str

    @staticmethod
    def interval_of(quantity: Quantity) -> Interval:
        """A parsed quantity's interval, in the form ``interval`` is given."""
        return (quantity.low, quantity.high, quantity.low_inclusive, quantity.high_inclusive)


# qualifier words, the qualifier name, and the interval they give a figure v
_BOUNDS = {
    "at least": ("at_least", lambda v: (v, None, True, True)),
    "no fewer than": ("at_least", lambda v: (v, None, True, True)),
    "more than": ("more_than", lambda v: (v, None, False, True)),
    "over": ("more_than", lambda v: (v, None, False, True)),
    "in excess of": ("more_than", lambda v: (v, None, False, True)),
    "fewer than": ("less_than", lambda v: (None, v, True, False)),
    "less than": ("less_than", lambda v: (None, v, True, False)),
    "up to": ("at_most", lambda v: (None, v, True, True)),
    "no more than": ("at_most", lambda v: (None, v, True, True)),
    "at most": ("at_most", lambda v: (None, v, True, True)),
}


def _written(draw: st.DrawFn, value: int) -> str:
    style = draw(st.sampled_from(["digits", "separated", "words"]))
    if style == "words" and value < 10**6:
        return number_to_words(value, hyphen=draw(st.booleans()))
    if style == "separated":
        return f"{value:,}"
    return str(value)


@st.composite
def figure_phrases(draw: st.DrawFn, max_value: int = 10**6) -> FigurePhrase:
    """A figure written with or without a bound qualifier, and the interval it must parse to."""
    value = draw(st.integers(2, max_value))
    written = _written(draw, value)
    qualifier = draw(st.sampled_from([None, *sorted(_BOUNDS)]))
    if qualifier is None:
        return FigurePhrase(written, (value, value, True, True), value, "exact")
    name, rule = _BOUNDS[qualifier]
    return FigurePhrase(f"{qualifier} {written}", rule(value), value, name)


@st.composite
def quantities(draw: st.DrawFn, kind: str = "count") -> Quantity:
    """A quantity of any qualifier, with an interval consistent with it."""
    qualifier = draw(st.sampled_from(["exact", "at_least", "more_than", "at_most", "less_than", "approximate",
                                      "range", "vague"]))
    value = draw(st.integers(1, 10_000))
    other = draw(st.integers(1, 10_000))
    low, high = min(value, other), max(value, other)
    shapes = {
        "exact": (value, value, True, True, value),
        "at_least": (value, None, True, True, value),
        "more_than": (value, None, False, True, value),
        "at_most": (None, value, True, True, value),
        "less_than": (None, value, True, False, value),
        "approximate": (value * 0.9, value * 1.1, True, True, value),
        "range": (low, high, True, True, None),
        "vague": (low, high + 1, True, False, None),
    }
    lo, hi, lo_inc, hi_inc, stated = shapes[qualifier]
    text = f"{qualifier.replace('_', ' ')} {value}"
    return Quantity(low=lo, high=hi, low_inclusive=lo_inc, high_inclusive=hi_inc, stated=stated,
                    qualifier=qualifier, kind=kind, unit=None, start=0, end=len(text), text=text)


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    """A claim around a random quantity, from one of a few documents and speakers."""
    quantity = draw(quantities())
    subject = draw(st.sampled_from(["people", "protesters", "migrants", "workers"]))
    return Claim(id=draw(st.sampled_from(["c1", "c2", "c3"])), document=draw(st.sampled_from(["d1", "d2"])),
                 quantity=quantity, kind="count", subject=subject, subject_key=subject.rstrip("s"),
                 category="person", predicate=draw(st.sampled_from(["dead", "injured", "detained"])), verb=None,
                 object=None, object_key="", when=None,
                 according_to=draw(st.sampled_from([None, "police", "organisers"])), negated=False, hedged=False,
                 scope=(), sentence=quantity.text, sentence_start=0, sentence_end=len(quantity.text))


@attrs.frozen
class PlantedClaim:
    """A claim written into a generated article: its sentence, interval and counted thing."""

    quote: str
    figure: str
    interval: Interval
    stated: float | None
    subject: str
    predicate: str
    according_to: str | None


@attrs.frozen
class Article:
    """A generated news article, its metadata and the claims planted in it."""

    text: str
    published: str
    outlet: str
    claims: tuple[PlantedClaim, ...]


_EVENTS = {  # predicate: (past-tense verb phrases, object preposition)
    "dead": (["were killed in", "died in", "lost their lives in"], "the {place}"),
    "injured": (["were injured in", "were wounded in", "were hurt in"], "the {place}"),
    "detained": (["were arrested at", "were detained at"], "the {place}"),
    "displaced": (["were evacuated from", "were moved out of"], "the {place}"),
}
_PLACES = ["harbour fire", "Marrow Street collapse", "Kestrel mine blast", "Lindqvist factory fire",
           "Ostend bus crash", "Harwell stadium crush"]
_SUBJECTS = ["people", "workers", "passengers", "residents", "miners", "fans"]
_SPEAKERS = ["police", "the fire service", "the health ministry", "hospital officials", "the Red Cross"]
_OUTLETS = ["The Daily Ledger", "Northern Wire", "Coastal Herald", "Metro Bulletin"]
_FURNITURE = ["Share this article", "3 min read", "100% Font Size", "Most read", "Sign up for our newsletter"]
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def _sentence(figure: str, subject: str, verb: str, place: str, day: str, speaker: str | None,
              capital: bool) -> str:
    figure = figure[0].upper() + figure[1:] if capital else figure
    said = f", {speaker} said" if speaker else ""
    return f"{figure} {subject} {verb} the {place} on {day}{said}."


@st.composite
def articles(draw: st.DrawFn) -> Article:
    """A news-style article (dateline, furniture, attributions) with one to three planted claims."""
    published = draw(st.dates(dt.date(2015, 1, 1), dt.date(2025, 12, 31)))
    outlet = draw(st.sampled_from(_OUTLETS))
    planted: list[PlantedClaim] = []
    sentences: list[str] = []
    used: set[tuple[str, str]] = set()
    for _ in range(draw(st.integers(1, 3))):
        predicate = draw(st.sampled_from(sorted(_EVENTS)))
        place = draw(st.sampled_from(_PLACES))
        if (predicate, place) in used:
            continue
        used.add((predicate, place))
        phrase = draw(figure_phrases(max_value=5000))
        subject = draw(st.sampled_from(_SUBJECTS))
        verb = draw(st.sampled_from(_EVENTS[predicate][0]))
        speaker = draw(st.sampled_from([None, *_SPEAKERS]))
        day = _WEEKDAYS[published.weekday()]
        sentence = _sentence(phrase.text, subject, verb, place, day, speaker, capital=True)
        sentences.append(sentence)
        planted.append(PlantedClaim(quote=sentence,
                                    figure=phrase.text, interval=phrase.interval, stated=phrase.stated,
                                    subject=subject, predicate=predicate, according_to=speaker))
    furniture = draw(st.lists(st.sampled_from(_FURNITURE), max_size=3, unique=True))
    headline = f"{outlet}: latest on the {planted[0].predicate} reports"
    text = "\n".join([outlet, f"Published: {published.isoformat()}", *furniture, "", headline, "",
                      *sentences, "", "Read more:", f"{published:%d %b %y} | World", ""])
    return Article(text=text, published=published.isoformat(), outlet=outlet, claims=tuple(planted))


@attrs.frozen
class SourceSet:
    """Articles about one planted event, and what a correct cross-check reports about them.

    ``relation`` is the verdict expected between the reports of the event (``agree``,
    ``compatible`` or ``conflict``); ``figures`` are the figures each article gives it, in
    article order; ``distractors`` name a second fact in each article, each a different
    incident on another day, none of which may be linked to the event or to each other.
    """

    texts: tuple[str, ...]
    relation: str
    figures: tuple[str, ...]
    event: str
    distractors: tuple[str, ...]


def _figures_for(draw: st.DrawFn, relation: str, count: int) -> list[str]:
    base = draw(st.integers(10, 900))
    if relation == "agree":
        forms = [str(base), f"{base:,}", number_to_words(base)]
        return [draw(st.sampled_from(forms)) for _ in range(count)]
    if relation == "compatible":  # one exact figure, and bounds that all admit it
        bounds = [f"at least {base - draw(st.integers(1, 9))}", f"more than {base - draw(st.integers(1, 9))}",
                  f"up to {base + draw(st.integers(1, 90))}", f"fewer than {base + draw(st.integers(1, 90))}"]
        return [str(base), *draw(st.permutations(bounds))[: count - 1]]
    values = draw(st.lists(st.integers(10, 900), min_size=count, max_size=count, unique=True))
    return [str(v) for v in values]


@st.composite
def source_sets(draw: st.DrawFn, relation: str | None = None, articles: int | None = None) -> SourceSet:
    """Several articles (from different outlets) about one planted event, plus a distractor fact.

    Every article reports how many people the event killed, each in its own words; the
    figures agree, are compatible, or conflict as ``relation`` says. Every article also says
    how many were evacuated from somewhere else on another day: a distractor.
    """
    relation = relation or draw(st.sampled_from(["agree", "compatible", "conflict"]))
    count = articles or draw(st.integers(2, 4))
    published = draw(st.dates(dt.date(2015, 1, 1), dt.date(2025, 12, 31)))
    place, *others = draw(st.lists(st.sampled_from(_PLACES), min_size=count + 1, max_size=count + 1, unique=True))
    figures = _figures_for(draw, relation, count)
    day = _WEEKDAYS[published.weekday()]
    outlets = draw(st.permutations(_OUTLETS))
    texts = []
    for k, figure in enumerate(figures):
        verb = draw(st.sampled_from(_EVENTS["dead"][0]))
        speaker = draw(st.sampled_from(_SPEAKERS))
        evacuated = draw(st.integers(1000, 9000))
        other_day = (published - dt.timedelta(days=30 * (k + 1))).strftime("%d %B %Y").lstrip("0")
        lines = [outlets[k % len(outlets)], f"Published: {published.isoformat()}", draw(st.sampled_from(_FURNITURE)),
                 "", _sentence(figure, "people", verb, place, day, speaker, capital=True),
                 f"In a separate incident on {other_day}, {evacuated} residents were evacuated from the "
                 f"{others[k]}, officials said.", ""]
        texts.append("\n".join(lines))
    return SourceSet(texts=tuple(texts), relation=relation, figures=tuple(figures), event=place,
                     distractors=tuple(others))


def planted_quotes(article: Article) -> Sequence[str]:
    """The quotes of an article's planted claims, in order."""
    return [c.quote for c in article.claims]
