"""Verdicts from intervals: agree, compatible or conflict, with reasons a journalist can read.

Two claims about one fact *agree* when they state the same figure, are *compatible* when
their intervals overlap (both can be true) and *conflict* when no value satisfies both. A count
is never negative, so an open lower side is read as 0 for counts. Approximate figures carry the
interval the quantity engine gave them (``tolerance``, 10 % by default).
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence

from ._records import Claim, Number, Quantity
from ._units import conversion

__all__ = [
    "Interval",
    "consensus",
    "describe",
    "describe_interval",
    "explain",
    "in_unit",
    "intersect",
    "interval_of",
    "is_flagged",
    "relation",
    "source_of",
]

NONNEGATIVE_KINDS = frozenset({"count", "money", "age", "measure"})
Interval = tuple[float, bool, float, bool]  # low, low inclusive, high, high inclusive


def interval_of(quantity: Quantity, kind: str | None = None) -> Interval:
    """The quantity's interval with open sides as infinities (counts start at 0).

    >>> from claimcheck import parse_quantities
    >>> interval_of(parse_quantities("up to 300,000")[0], "count")
    (0, True, 300000, True)
    """
    low = -math.inf if quantity.low is None else quantity.low
    high = math.inf if quantity.high is None else quantity.high
    low_inclusive, high_inclusive = quantity.low_inclusive, quantity.high_inclusive
    if (kind or quantity.kind) in NONNEGATIVE_KINDS and low < 0:
        low, low_inclusive = 0, True
    return (low, low_inclusive, high, high_inclusive)


def intersect(a: Interval, b: Interval) -> Interval | None:
    """The intersection of two intervals, or ``None`` when they are disjoint.

    >>> intersect((20, True, math.inf, True), (25, True, 25, True))
    (25, True, 25, True)
    >>> intersect((500, False, math.inf, True), (270, True, 330, True)) is None
    True
    """
    if a[0] > b[0] or (a[0] == b[0] and not a[1]):
        low, low_inclusive = a[0], a[1]
    else:
        low, low_inclusive = b[0], b[1]
    if a[2] < b[2] or (a[2] == b[2] and not a[3]):
        high, high_inclusive = a[2], a[3]
    else:
        high, high_inclusive = b[2], b[3]
    if low > high or (low == high and not (low_inclusive and high_inclusive)):
        return None
    return (low, low_inclusive, high, high_inclusive)


def _same_figure(a: Quantity, b: Quantity) -> bool:
    point_like = {"exact", "approximate"}
    if a.stated is not None and a.stated == b.stated and {a.qualifier, b.qualifier} <= point_like:
        return True
    return (a.low, a.high, a.low_inclusive, a.high_inclusive, a.qualifier) == (
        b.low, b.high, b.low_inclusive, b.high_inclusive, b.qualifier)


def _decimals(quantity: Quantity) -> int:
    written = _NUMERAL.search(quantity.text)
    return len(written.group(1) or "") if written else 0


_NUMERAL = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def in_unit(claim: Claim, unit: str | None) -> tuple[Interval, float]:
    """The claim's interval written in ``unit`` (a measure of another unit of its dimension is
    converted) and half its written precision there ("8km": 0.5 km; "5.2 miles": 0.05 mi).

    >>> from claimcheck import extract, make_document
    >>> [claim] = extract(make_document("The quake struck at a depth of 5 miles."))
    >>> interval, slack = in_unit(claim, "km")
    >>> round(interval[0], 2), round(slack, 3)
    (8.05, 0.805)
    """
    interval = interval_of(claim.quantity, claim.kind)
    convert = conversion(claim.quantity.unit, unit) if claim.quantity.unit != unit else None
    half_step = 0.5 * 10 ** -_decimals(claim.quantity)
    if convert is None:
        return interval, half_step
    low, high = sorted((convert(interval[0]), convert(interval[2])))
    return (low, interval[1], high, interval[3]), half_step * abs(convert.scale)


def _widened(interval: Interval, slack: float, point: bool) -> Interval:
    return (interval[0] - slack, True, interval[2] + slack, True) if point else interval


def _across_units(a: Claim, b: Claim) -> str:
    """Two measures in units of one dimension, compared in ``a``'s unit at written precision."""
    unit = a.quantity.unit
    (ia, sa), (ib, sb) = in_unit(a, unit), in_unit(b, unit)
    point_like = {"exact", "approximate"}
    pa = a.quantity.qualifier in point_like and ia[0] == ia[2]
    pb = b.quantity.qualifier in point_like and ib[0] == ib[2]
    if pa and pb and abs(ia[0] - ib[0]) <= max(sa, sb):
        return "agree"  # "5 miles" and "8km": one figure, rounded in another unit
    if intersect(_widened(ia, sa, pa), _widened(ib, sb, pb)) is None:
        return "conflict"
    return "compatible"


def relation(a: Claim, b: Claim) -> str:
    """``agree``, ``compatible`` or ``conflict`` for two claims taken to be about one fact."""
    if a.quantity.unit != b.quantity.unit and conversion(b.quantity.unit, a.quantity.unit) is not None:
        return _across_units(a, b)
    if _same_figure(a.quantity, b.quantity):
        return "agree"
    if intersect(interval_of(a.quantity, a.kind), interval_of(b.quantity, b.kind)) is None:
        return "conflict"
    return "compatible"


def source_of(claim: Claim) -> tuple[str, str]:
    """Who gives a claim: its document and the attributed speaker ('' for the article itself)."""
    speaker = (claim.according_to or "").lower().removeprefix("the ").strip()
    return claim.document, speaker


def is_flagged(a: Claim, b: Claim, verdict: str) -> bool:
    """A discrepancy between sources: a conflict, or figures that differ between two sources.

    Figures that are only vague ("tens of thousands", "hundreds") are not flagged against a
    figure they allow: nothing precise disagrees.
    """
    if verdict == "conflict":
        return True
    if verdict == "agree" or source_of(a) == source_of(b):
        return False
    return "vague" not in {a.quantity.qualifier, b.quantity.qualifier}


def _fmt(value: Number | float) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{int(value):,}"


def _bounds(interval: Interval) -> str:
    low, low_inclusive, high, high_inclusive = interval
    if math.isinf(high):
        return f"{_fmt(low)} or more" if low_inclusive else f"more than {_fmt(low)}"
    if low <= 0 and low_inclusive and low != high:
        return f"at most {_fmt(high)}" if high_inclusive else f"fewer than {_fmt(high)}"
    if low == high:
        return _fmt(low)
    left = "[" if low_inclusive else "("
    right = "]" if high_inclusive else ")"
    return f"{left}{_fmt(low)}, {_fmt(high)}{right}"


def describe(claim: Claim) -> str:
    """The figure as written and the values it allows: "'at least 20' (20 or more)"."""
    return f"'{claim.quantity.text}' ({_bounds(interval_of(claim.quantity, claim.kind))})"


def _who(claim: Claim, titles: dict[str, str]) -> str:
    where = titles.get(claim.document, claim.document)
    where = where if len(where) <= 48 else where[:47].rsplit(" ", 1)[0] + "…"
    return f"{claim.according_to} (in {where})" if claim.according_to else where


def explain(a: Claim, b: Claim, verdict: str, flagged: bool, titles: dict[str, str] | None = None) -> str:
    """A sentence or two that gives both figures, who said each, and the interval reasoning."""
    titles = titles or {}
    head = f"{_who(a, titles)} gives {describe(a)}; {_who(b, titles)} gives {describe(b)}. "
    unit = a.quantity.unit
    converted = ""
    if b.quantity.unit != unit and conversion(b.quantity.unit, unit) is not None:
        converted = f"{b.quantity.text} is {_bounds_rounded(in_unit(b, unit)[0])} {unit}"
    if verdict == "agree":
        return head + (f"{converted}: the same figure in another unit." if converted else "Both state the same figure.")
    head += f"{converted}. " if converted else ""
    if verdict == "conflict":
        return head + "No value satisfies both: the intervals do not overlap, so both cannot be true."
    both = intersect(in_unit(a, unit)[0], in_unit(b, unit)[0])
    reason = (f"Both can be true (values in {_bounds(both)} satisfy both)" if both is not None
              else "Both can be true at the precision the figures are written in")
    return head + reason + (", but the figures differ." if flagged else ".")


def _bounds_rounded(interval: Interval) -> str:
    low, _, high, _ = interval
    if low == high:
        return f"{low:,.1f}"
    return _bounds(interval)


def consensus(claims: Sequence[Claim]) -> tuple[Interval | None, tuple[str, ...]]:
    """The interval the largest set of mutually compatible claims allows (in the first claim's
    unit), and the claims outside it.

    Candidate points are the interval ends and the midpoints between them; the point inside the
    most intervals (ties: the smallest) picks the members, so one outlier cannot empty the
    consensus of the rest. Clusters are small: this is quadratic in the cluster's size.
    """
    unit = claims[0].quantity.unit if claims else None
    mixed = any(c.quantity.unit != unit for c in claims)  # compared at the precision they are written in
    intervals = [(c.id, _widened(*in_unit(c, unit), mixed and c.quantity.low == c.quantity.high)) for c in claims]
    ends = sorted({v for _, iv in intervals for v in (iv[0], iv[2]) if not math.isinf(v)})
    points = ends + [(x + y) / 2 for x, y in itertools.pairwise(ends)]
    points += [ends[0] - 1, ends[-1] + 1] if ends else [0.0]
    best: tuple[int, float] | None = None
    for point in sorted(points):
        count = sum(1 for _, iv in intervals if _covers(iv, point))
        if count and (best is None or count > best[0]):
            best = (count, point)
    if best is None:
        return None, tuple(c.id for c in claims)
    inside = [(cid, iv) for cid, iv in intervals if _covers(iv, best[1])]
    together = inside[0][1]
    for _, iv in inside[1:]:
        together = intersect(together, iv) or together
    members = {cid for cid, _ in inside}
    return together, tuple(c.id for c in claims if c.id not in members)


def _covers(interval: Interval, value: float) -> bool:
    low, low_inclusive, high, high_inclusive = interval
    above = value > low or (value == low and low_inclusive)
    below = value < high or (value == high and high_inclusive)
    return above and below


def describe_interval(interval: Interval | None) -> str:
    """Words for an interval, as used in cluster summaries."""
    return "no value" if interval is None else _bounds(interval)
