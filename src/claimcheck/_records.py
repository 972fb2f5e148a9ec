"""The immutable records that flow between claimcheck's stages."""

from __future__ import annotations

import math

import attrs

__all__ = ["Claim", "Cluster", "Document", "Link", "Quantity", "Span", "SumCheck"]

Number = int | float
_INT_LIMIT = 2.0**63


def _num(value: Number | None) -> Number | None:
    """Keep integral figures as ``int`` (reports print ``23``, not ``23.0``); infinity is ``None``."""
    if type(value) is not float:
        return value
    if not math.isfinite(value):
        return None
    return int(value) if value.is_integer() and -_INT_LIMIT < value < _INT_LIMIT else value


@attrs.frozen
class Quantity:
    """A figure found in text, as an interval of the values it allows.

    ``low``/``high`` are the bounds; ``None`` means that side is open (no bound): "more than
    500" is ``low=500, high=None, low_inclusive=False``. The parser reports the interval the words
    state; knowledge such as "a count is never negative" is applied later, by the verdicts.
    ``stated`` is the figure as written (``600`` for "about 600", ``24`` for "two dozen"), or
    ``None`` where the words give no single figure (ranges, "tens of thousands").
    ``qualifier`` names the interval rule: ``exact``, ``at_least``, ``more_than``, ``at_most``,
    ``less_than``, ``approximate``, ``range``, ``vague``. ``kind`` says what the figure is:
    ``count``, ``money``, ``percent``, ``fraction``, ``ordinal``, ``year``, ``date``, ``time``,
    ``age``, ``duration``, ``measure`` (a proportion, "one in five", is the fraction 0.2). ``unit``
    is what it measures where the text says (``"USD"``, ``"percent"``, ``"km"``, ``"years"``, or a
    rate such as ``"USD/kg"``). ``start``/``end`` are offsets into the text
    parsed, ``text`` the figure's own words (``text == source[start:end]``). ``iso`` carries the
    normalised form of dates, years and clock times (``"2002-05-23"``, ``"--05-23"``, ``"16:37"``).

    >>> q = Quantity(low=500, high=None, low_inclusive=False, high_inclusive=True, stated=500,
    ...              qualifier="more_than", kind="count", unit=None, start=0, end=13,
    ...              text="more than 500")
    >>> q.contains(501), q.contains(500)
    (True, False)
    """

    low: Number | None = attrs.field(converter=_num)
    high: Number | None = attrs.field(converter=_num)
    low_inclusive: bool
    high_inclusive: bool
    stated: Number | None = attrs.field(converter=_num)
    qualifier: str
    kind: str
    unit: str | None
    start: int
    end: int
    text: str
    iso: str | None = None

    def contains(self, value: float) -> bool:
        """Whether ``value`` lies inside the interval."""
        if self.low is not None and (value < self.low or (value == self.low and not self.low_inclusive)):
            return False
        return not (
            self.high is not None and (value > self.high or (value == self.high and not self.high_inclusive))
        )

    @property
    def is_point(self) -> bool:
        """True when the interval holds exactly one value."""
        return self.low is not None and self.low == self.high


@attrs.frozen
class Span:
    """A labelled stretch ``[start, end)`` of a document's text (site furniture, a caption...)."""

    start: int
    end: int
    label: str


@attrs.frozen
class Document:
    """An article as read: its text exactly as decoded, its metadata, and its site furniture.

    ``published`` is an ISO date or partial date (``"2002-03-14"``, ``"2002"``) or ``None``.
    ``furniture`` lists the spans that are page furniture (menus, link lists, widgets); claims
    are never taken from them. ``error`` is set, and ``text`` empty, when the input could not be
    read; such a document still appears in every report.
    """

    id: str
    text: str
    path: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None
    encoding: str | None = None
    furniture: tuple[Span, ...] = ()
    error: str | None = None


@attrs.frozen
class Claim:
    """A figure with what it counts, what happened, where, when and according to whom.

    ``start``/``end`` locate the figure's words in the document's text. ``subject`` is the
    counted thing as written ("N. Korean asylum-seekers") and ``subject_key`` its normal form
    ("north korean asylum seeker"); ``category`` sorts it (``person``, ``place``, ...).
    ``predicate`` is the canonical event (``enter``, ``return``...) and ``verb`` the words used.
    ``when`` is an ISO date or partial date resolved against the document's date;
    ``when_inferred`` says it is the publication date of an article whose lead names no
    time (the news of the day), so it is compared with a few days' slack. ``scope``
    holds markers such as ``exclusive`` ("another group"), ``cumulative`` ("so far") and
    ``superseded`` (the earlier figure of a change: the 12 of "rose from 12 to 30").
    ``predicate`` is the fact's *slot* (``dead``, ``aboard``, ``magnitude``... from ``slots.txt``,
    or a content lemma). ``occurrence`` is ``""`` for the story's own event, else a year
    (``"1996"``: "since 1996, when 230 died"), ``"earlier"`` or ``"span"`` (a tally over a span);
    ``role`` a role of the counted people inside the fact (``aboard``: "all 90 on board were
    killed"; ``from``: a distance's place); ``markers`` lists ``part`` ("12 of them"),
    ``earlier`` ("initially"), ``of_them``, ``other``, ``inherited`` (the counted thing was taken
    from an earlier figure).
    """

    id: str
    document: str
    quantity: Quantity
    kind: str
    subject: str | None
    subject_key: str
    category: str
    predicate: str | None
    verb: str | None
    object: str | None
    object_key: str
    when: str | None
    according_to: str | None
    negated: bool
    hedged: bool
    scope: tuple[str, ...]
    sentence: str
    sentence_start: int
    sentence_end: int
    when_inferred: bool = False
    spans: tuple[Span, ...] = ()
    occurrence: str = ""
    role: str | None = None
    markers: tuple[str, ...] = ()

    @property
    def start(self) -> int:
        """Offset of the figure's first character in the document."""
        return self.quantity.start

    @property
    def end(self) -> int:
        """Offset just past the figure's last character in the document."""
        return self.quantity.end


@attrs.frozen
class Link:
    """Two claims judged to be about the same fact, with the verdict and its reasons.

    ``relation`` is ``agree``, ``compatible`` or ``conflict``; ``flag`` marks a discrepancy
    between sources; ``score`` in [0, 1] is the confidence that both speak of one fact, and
    ``evidence`` lists the terms it adds up from.
    """

    a: str
    b: str
    relation: str
    flag: bool
    score: float
    explanation: str
    evidence: tuple[tuple[str, float], ...] = ()


@attrs.frozen
class Cluster:
    """Claims about one fact, with the interval all compatible claims allow together.

    ``statements`` groups the claims that make the same statement (the same figure from the same
    voice): each is ``(representative, members)``; links join representatives only.
    """

    id: str
    claims: tuple[str, ...]
    low: Number | None
    high: Number | None
    low_inclusive: bool
    high_inclusive: bool
    outliers: tuple[str, ...]
    summary: str
    statements: tuple[tuple[str, tuple[str, ...]], ...] = ()


@attrs.frozen
class SumCheck:
    """Parts inside one article checked against the total they should add up to."""

    parts: tuple[str, ...]
    total: str
    relation: str
    explanation: str
