"""Same-fact linking on the frame: which claims, across sources, state one fact.

1. **Fact keys.** A claim's key is its dimension (kind, and unit for measures), its slot (the
   fact: ``dead``, ``aboard``, ``magnitude``...) and its occurrence (the story's own event, an
   earlier one named by a year, a tally over a span). Claims are grouped on the key (linear in
   the claims); only claims of one group are compared. Running tallies (``slots.txt``) reported
   on two known different days (:func:`report_day`) are two moments, never one fact.
   Negated claims, earlier figures of a change and parts ("12 of
   them") stand apart from totals.
2. **Statements.** Inside a group, claims that make the same statement (the same figure from
   the same voice) are one statement; only statements are compared, so a story repeated a
   thousand times costs what it costs once.
3. **Checks on a pair.** The counted groups must meet (the same head noun, or "people" against
   a plain noun for people; named groups such as nationalities only themselves), named places
   or objects must not differ, explicit times must meet, and two statements of one sentence
   and one voice are never a pair. The score adds the evidence: slot 0.4, counted group 0.3
   (0.15 when one side names none), time 0.2, place 0.1. A pair whose key is incomplete (no
   counted group on either side) stays a possible match and never a flag.
4. **Clustering.** Pairs at or above ``min_score`` are merged best first with complete
   linkage: two groups join only if *every* cross pair is itself a candidate.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import defaultdict, deque
from collections.abc import Callable, Hashable, Iterator, Sequence

import attrs
from rapidfuzz import fuzz

from ._claims import normalise_phrase
from ._lexicon import Lexicon
from ._records import Claim, Document
from ._timeref import parse_iso_date, times_compatible
from ._units import dimension_of
from ._verdicts import source_of

__all__ = ["DEFAULT_MIN_SCORE", "Candidate", "candidate_pairs", "cluster_candidates", "fact_blocks", "report_day",
           "statements"]

DEFAULT_MIN_SCORE = 0.6
STORY_DAYS = 200  # a lasting state (a refugee crisis) may be reported for months
EVENT_DAYS = 30  # an event: reports of it follow within weeks
_PERSON = frozenset({"person", "generic_person"})


@attrs.frozen
class Candidate:
    """A scored pair of claims that may be about one fact; ``complete`` when both keys are whole."""

    a: str
    b: str
    score: float
    evidence: tuple[tuple[str, float], ...]
    complete: bool = True


@attrs.frozen
class _SlotKinds:
    """The slots of ``slots.txt`` by kind: running tallies, lasting states, measures."""

    tallies: frozenset[str]
    lasting: frozenset[str]
    measures: frozenset[str]


def _slot_kinds(lexicon: Lexicon) -> _SlotKinds:
    rows = lexicon.table("slots")
    return _SlotKinds(*(frozenset(r["slot"] for r in rows if r.get(column) == "yes")
                        for column in ("tally", "lasting", "measure")))


@attrs.frozen
class _Weekdays:
    """The weekdays' full names (Monday first, from ``calendar.txt``) and a pattern that finds them
    with what marks one as past ("after Tuesday", "Tuesday's")."""

    names: tuple[str, ...]
    pattern: re.Pattern[str]


def _weekday_names(lexicon: Lexicon) -> _Weekdays:
    longest: dict[int, str] = {}
    for row in lexicon.table("calendar"):
        if row["type"] == "weekday":
            number, word = int(row["number"]), row["word"].lower()
            longest[number] = max(longest.get(number, ""), word, key=len)
    names = tuple(longest[n] for n in sorted(longest))
    pattern = re.compile(rf"(?P<before>(?:after|since|last) )?\b(?P<day>{'|'.join(names)})\b(?P<possessive>'s)?")
    return _Weekdays(names, pattern)


_LEAD = 900


def report_day(document: Document, lexicon: Lexicon | None = None) -> tuple[int | None, frozenset[str]]:
    """When a document reports: its date (as an ordinal) and the weekdays it names.

    The weekdays are the date's own, else those its lead names ("early Sunday"); a follow-up
    names the day of the event and its own. Two reports of a running tally are known to be of
    different days when their dates differ, or when they name no weekday in common.
    """
    weekdays = (lexicon or Lexicon.default()).compiled("linking.weekdays", _weekday_names)
    day = parse_iso_date(document.published)
    if day:
        return day.toordinal(), frozenset({weekdays.names[day.weekday()]})
    return None, _weekdays(document.text[:_LEAD], weekdays)


def _said_days(sentence: str, weekdays: _Weekdays) -> frozenset[str]:
    """The weekdays a sentence names, as plain names ("Tuesday's quake" is of Tuesday)."""
    return frozenset(found["day"] for found in weekdays.pattern.finditer(sentence.lower()))


def _weekdays(text: str, weekdays: _Weekdays) -> frozenset[str]:
    """The weekdays ``text`` names; one named as past ("Tuesday's violence", "after Tuesday") is
    ``"after tuesday"``: the text was written later."""
    named = set()
    for found in weekdays.pattern.finditer(text.lower().replace("’", "'")):
        named.add(f"after {found['day']}" if found["possessive"] or found["before"] else found["day"])
    return frozenset(named)


def _other_days(a: Claim, b: Claim, fa: _Features, fb: _Features) -> bool:
    """Whether two reports of a running tally are known to be of different moments.

    Their documents' dates differ; or both sentences name weekdays and share none ("reached 1,774
    on Tuesday" / "On Wednesday, ... 2,275"); or two undated documents' leads name other
    weekdays ("after Tuesday's violence" is not "on Tuesday"), or a dated one's weekday is not
    among an undated one's. A sentence repeated word for word is one report (a copy).
    """
    if " ".join(a.sentence.split()) == " ".join(b.sentence.split()):
        return False
    (day_a, lead_a), (day_b, lead_b) = fa.reported, fb.reported
    if day_a is not None and day_b is not None and day_a != day_b:
        return True
    said_a, said_b = fa.said_days, fb.said_days
    if said_a and said_b and not said_a & said_b:
        return True
    if day_a is None and day_b is None:  # two undated leads that name other days
        return bool(lead_a and lead_b) and lead_a != lead_b
    return bool(lead_a and lead_b) and not lead_a & lead_b  # one dated (its weekday), one undated


def _fact_key(claim: Claim) -> Hashable | None:
    """The key claims about one fact share, or ``None`` for a claim that is never linked."""
    if claim.predicate is None or claim.negated or claim.category == "anaphor" or "superseded" in claim.scope:
        return None
    unit = claim.quantity.unit
    dimension = (claim.kind, dimension_of(unit) if claim.kind == "measure" else unit if claim.kind == "money" else None)
    part = "part" in claim.markers
    added = "additional" in claim.markers  # "two more members": never the same people as a total
    return (dimension, claim.predicate, claim.occurrence, part, added, "cumulative" in claim.scope, claim.role)


@attrs.frozen
class _Features:
    """What linking needs of a claim, computed once."""

    group: str | None
    named: bool
    generic: bool
    facilities: frozenset[str]
    propers: frozenset[str]
    reported: tuple[int | None, frozenset[str]]
    said_days: frozenset[str]
    voice: tuple[str, str]


def _group_word(claim: Claim, lexicon: Lexicon) -> tuple[str | None, bool, bool]:
    """The counted group's head (its family where ``things.txt`` names one), named, generic."""
    if not claim.subject_key:
        return None, False, False
    groups = lexicon.compiled("linking.groups", _groups)
    categories = lexicon.compiled("linking.categories", _categories)
    words = claim.subject_key.split()
    head = words[-1]
    named = bool(claim.subject) and claim.subject.split()[-1][:1].isupper()
    if categories.get(head) == "generic_person":
        return "people", False, True
    return groups.get(head, head), named, False


def _features(claim: Claim, lexicon: Lexicon, reported: tuple[int | None, frozenset[str]]) -> _Features:
    categories = lexicon.compiled("linking.categories", _categories)
    facilities = frozenset(w for w in claim.object_key.split() if categories.get(w) == "facility")
    propers = set()
    for word in (claim.object or "").replace("-", " ").split():
        key = normalise_phrase(word.removesuffix("'s").removesuffix("’s"), lexicon)
        if word[:1].isupper() and key and categories.get(key) not in {"facility", "place", "calendar"}:
            propers.update(key.split())
    group, named, generic = _group_word(claim, lexicon)
    said_days = _said_days(claim.sentence, lexicon.compiled("linking.weekdays", _weekday_names))
    return _Features(group, named, generic, facilities, frozenset(propers), reported, said_days, source_of(claim))


def _categories(lexicon: Lexicon) -> dict[str, str]:
    table: dict[str, str] = {row["word"].lower(): "calendar" for row in lexicon.table("calendar")}
    for row in lexicon.table("things"):
        if row.get("category"):
            table[row["canonical"] or row["alias"]] = row["category"]
    return table


def _groups(lexicon: Lexicon) -> dict[str, str]:
    return {row["canonical"] or row["alias"]: row["group"] for row in lexicon.table("things") if row.get("group")}


def _group_term(a: Claim, b: Claim, fa: _Features, fb: _Features) -> tuple[str, float] | None:
    if fa.group is None or fb.group is None:
        return ("counted thing named on one side only", 0.15)
    if fa.group == fb.group:
        return (f"same counted group: {fa.group} ('{a.subject}' / '{b.subject}')", 0.3)
    words_a, words_b = set(a.subject_key.split()), set(b.subject_key.split())
    if "and" not in words_a | words_b and (words_a <= words_b or words_b <= words_a):
        return (f"one counted group named more closely ('{a.subject}' / '{b.subject}')", 0.25)
    plain_people = (fa.generic and not fb.named and not fb.generic) or (fb.generic and not fa.named and not fa.generic)
    if plain_people and a.document != b.document and (a.category in _PERSON or b.category in _PERSON):
        # inside one article "37 guards" beside "40 people" is a part of the whole
        return (f"people and '{b.subject if fa.generic else a.subject}': the same people", 0.25)
    return None


def _place_term(a: Claim, b: Claim, fa: _Features, fb: _Features) -> tuple[str, float] | None:
    if not a.object_key or not b.object_key:
        return ("place named on one side only", 0.05)
    if (fa.facilities and fb.facilities and not fa.facilities & fb.facilities) or (
            fa.propers and fb.propers and not fa.propers & fb.propers):
        return None
    similarity = fuzz.token_set_ratio(a.object_key, b.object_key) / 100
    return (f"same place or object ({similarity:.0%}: '{a.object}' / '{b.object}')", round(0.1 * similarity, 4))


def _time_term(a: Claim, b: Claim, published: dict[str, dt.date | None], kinds: _SlotKinds
               ) -> tuple[str, float] | None:
    """Explicit times must meet; an undated claim is anchored to its story's date."""
    explicit_a = a.when if not a.when_inferred else None
    explicit_b = b.when if not b.when_inferred else None
    if explicit_a and explicit_b and a.predicate not in kinds.measures:  # a magnitude has no moment of its own
        return (f"times meet ({a.when} / {b.when})", 0.2) if times_compatible(explicit_a, explicit_b) else None
    pa, pb = published.get(a.document), published.get(b.document)
    anchor_a = parse_iso_date(explicit_a) or pa
    anchor_b = parse_iso_date(explicit_b) or pb
    window = STORY_DAYS if a.predicate in kinds.lasting else EVENT_DAYS
    if anchor_a and anchor_b and abs((anchor_a - anchor_b).days) > window:
        return None  # two occurrences: events weeks apart, or states months apart
    return ("same story's time", 0.2)


def _score(a: Claim, b: Claim, fa: _Features, fb: _Features, published: dict[str, dt.date | None],
           kinds: _SlotKinds) -> Candidate | None:
    if a.document == b.document and (
            (a.start < b.end and b.start < a.end) or "exclusive" in a.scope or "exclusive" in b.scope
            or (a.sentence_start == b.sentence_start and fa.voice == fb.voice)):
        return None
    if a.predicate in kinds.tallies and not (a.hedged or b.hedged) and _other_days(a, b, fa, fb):
        return None  # a toll reported on two days: two moments of one count, not a discrepancy
        # (an estimate of the final toll, "could reach 10,000", is judged against later counts)
    terms = [(f"same fact: {a.predicate} ('{a.verb}' / '{b.verb}')", 0.4)]
    for term in (_group_term(a, b, fa, fb), _place_term(a, b, fa, fb), _time_term(a, b, published, kinds)):
        if term is None:
            return None
        terms.append(term)
    complete = (fa.group is not None and fb.group is not None) or a.predicate in kinds.measures
    score = round(min(1.0, sum(weight for _, weight in terms)), 4)
    return Candidate(a.id, b.id, score, tuple(terms), complete)


def _statement_key(claim: Claim, voice: tuple[str, str]) -> Hashable:
    q = claim.quantity
    return (q.low, q.high, q.low_inclusive, q.high_inclusive, q.qualifier, q.unit, voice,
            claim.subject_key, claim.object_key, claim.when)


def statements(claims: Sequence[Claim], lexicon: Lexicon | None = None) -> dict[str, tuple[str, ...]]:
    """Representative claim id -> the ids of the claims that make the same statement as it.

    Claims state the same thing when their fact keys, figures, voices (document and speaker),
    counted things, places and times are equal; the first in input order represents them.
    """
    lexicon = lexicon or Lexicon.default()
    groups: dict[Hashable, list[str]] = {}
    for claim in claims:
        key = _fact_key(claim)
        if key is None:
            continue
        groups.setdefault((key, _statement_key(claim, source_of(claim))), []).append(claim.id)
    return {members[0]: tuple(members) for members in groups.values()}


def fact_blocks(claims: Sequence[Claim], documents: Sequence[Document] = (),
                lexicon: Lexicon | None = None) -> dict[Hashable, list[int]]:
    """Fact key -> indices of the statement representatives (:func:`statements`) that share it."""
    lexicon = lexicon or Lexicon.default()
    representatives = set(statements(claims, lexicon))
    blocks: dict[Hashable, list[int]] = defaultdict(list)
    for k, claim in enumerate(claims):
        if claim.id in representatives:
            key = _fact_key(claim)
            if key is not None:
                blocks[key].append(k)
    return blocks


def candidate_pairs(
    claims: Sequence[Claim],
    documents: Sequence[Document] = (),
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    lexicon: Lexicon | None = None,
) -> list[Candidate]:
    """Scored pairs of statement representatives (:func:`statements`) at or above ``min_score``.

    Complexity: claims are grouped on their fact key and, inside a group, on their statement;
    only distinct statements of one group whose days can meet are compared (a sweep over their
    days), so the work grows with the number of different things said about one fact at one
    time, not with all pairs of claims.
    """
    lexicon = lexicon or Lexicon.default()
    published = {d.id: parse_iso_date(d.published) for d in documents}
    reported = {d.id: report_day(d, lexicon) for d in documents}
    kinds = lexicon.compiled("linking.slot_kinds", _slot_kinds)
    blocks = fact_blocks(claims, documents, lexicon)
    found: list[Candidate] = []
    for key in sorted(blocks, key=repr):
        members = blocks[key]
        features = {k: _features(claims[k], lexicon, reported.get(claims[k].document, (None, frozenset())))
                    for k in members}
        window = STORY_DAYS if key[1] in kinds.lasting else EVENT_DAYS
        stated_window = window if key[1] in kinds.measures else 1  # stated days must meet (_time_term)
        for i, j in _near_in_time(members, claims, published, window, stated_window):
            candidate = _score(claims[i], claims[j], features[i], features[j], published, kinds)
            if candidate is not None and candidate.score >= min_score:
                found.append(candidate)
    return found


def _anchor(claim: Claim, published: dict[str, dt.date | None]) -> tuple[int, bool] | None:
    """The day a claim is about and whether the text states it; ``None`` when neither it nor its
    document gives a day."""
    day = parse_iso_date(claim.when) if claim.when and not claim.when_inferred else None
    if day:
        return day.toordinal(), True
    day = published.get(claim.document)
    return (day.toordinal(), False) if day else None


def _sweep(days: list[tuple[int, int]], window: int) -> Iterator[tuple[int, int]]:
    """Pairs of ``(day, index)`` items (sorted by day) at most ``window`` days apart."""
    active: deque[tuple[int, int]] = deque()
    for day, k in days:
        while active and active[0][0] < day - window:
            active.popleft()
        for _, j in active:
            yield (j, k) if j < k else (k, j)
        active.append((day, k))


def _near_in_time(members: list[int], claims: Sequence[Claim], published: dict[str, dt.date | None],
                  window: int, stated_window: int) -> Iterator[tuple[int, int]]:
    """Pairs of a block (ascending indices) that can meet in time: sweeps over their days.

    Claims with no day meet every claim; two whose texts state their days meet within
    ``stated_window`` days; the others within ``window``. Many stories of one kind on many days
    cost what their overlaps cost, not all pairs.
    """
    anchors = {k: _anchor(claims[k], published) for k in members}
    undated = [k for k in members if anchors[k] is None]
    stated = sorted((a[0], k) for k, a in anchors.items() if a is not None and a[1])
    implied = sorted((a[0], k) for k, a in anchors.items() if a is not None and not a[1])
    for n, i in enumerate(undated):
        for j in (*undated[n + 1:], *(k for _, k in stated), *(k for _, k in implied)):
            yield (i, j) if i < j else (j, i)
    yield from _sweep(stated, stated_window)
    yield from _sweep(implied, window)
    days = [day for day, _ in stated]
    for day, k in implied:
        for _, j in stated[bisect.bisect_left(days, day - window):bisect.bisect_right(days, day + window)]:
            yield (j, k) if j < k else (k, j)


def cluster_candidates(
    candidates: Sequence[Candidate], order: Callable[[str], Hashable]
) -> list[list[str]]:
    """Complete-linkage clusters of claim ids, best pairs first; ``order`` makes ties stable.

    >>> pairs = [Candidate("a", "b", 0.9, ()), Candidate("b", "c", 0.8, ())]
    >>> cluster_candidates(pairs, str)
    [['a', 'b']]
    """
    score = {frozenset((c.a, c.b)): c.score for c in candidates}
    edges = sorted(candidates, key=lambda c: (-c.score, *sorted((order(c.a), order(c.b)))))
    members: dict[str, list[str]] = {}
    owner: dict[str, str] = {}
    for edge in edges:
        ca, cb = owner.get(edge.a, edge.a), owner.get(edge.b, edge.b)
        if ca == cb:
            continue
        left, right = members.get(ca, [ca]), members.get(cb, [cb])
        if all(frozenset((x, y)) in score for x in left for y in right):
            merged = sorted(left + right, key=order)
            root = merged[0]
            for claim_id in merged:
                owner[claim_id] = root
            members.pop(ca, None)
            members.pop(cb, None)
            members[root] = merged
    return sorted(members.values(), key=lambda group: order(group[0]))
