"""Same-fact linking: which claims, across sources, speak of one fact.

1. **Blocking.** Claims are grouped by kind, canonical predicate and sort of counted thing;
   only claims in one block are compared, so cost grows with the block sizes, not with all
   pairs. Claims with no event, negated claims and the earlier figure of a change ("rose from
   12 to 30") are never linked; a running total ("so far
   this year") is linked only to running totals; a claim whose scope sets it apart ("another group", "other
   embassies", "two others") is never linked to a claim of its own article.
2. **Scoring.** A candidate pair earns a score in [0, 1] from evidence a reader would use:
   the same event (0.3), the same counted thing (0.3 x rapidfuzz token-set similarity of
   the normalised heads, computed block-wide with ``process.cdist``), the same place or object
   (0.2 x similarity; 0.1 when one side names none), and compatible times (0.2; 0.1 when
   unknown). Different named places, two specific objects with little in common ("the harbour
   fire", "the Kestrel mine blast"), different kinds of facility, different groups of people
   ("men" and "women"), or times that cannot meet rule a pair out; so does a dated claim
   against an undated one whose article appeared more than a week away from that date.
3. **Clustering.** Pairs at or above ``min_score`` are merged best first with complete
   linkage: two groups join only if *every* cross pair is itself a candidate, so one shared
   neighbour cannot chain unrelated claims. Claims of one cluster are linked pairwise.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence

import attrs
from rapidfuzz import fuzz, process

from ._claims import normalise_phrase
from ._lexicon import Lexicon
from ._records import Claim, Document
from ._timeref import parse_iso_date, times_compatible

__all__ = ["DEFAULT_MIN_SCORE", "Candidate", "candidate_pairs", "cluster_candidates"]

DEFAULT_MIN_SCORE = 0.6
WINDOW_DAYS = 400
FOLLOW_UP_DAYS = 7
_MAX_BLOCK = 3000
_PERSON = frozenset({"person", "generic_person"})


@attrs.frozen
class Candidate:
    """A scored pair of claims that may be about one fact."""

    a: str
    b: str
    score: float
    evidence: tuple[tuple[str, float], ...]


def _block_key(claim: Claim) -> Hashable | None:
    if claim.predicate is None or claim.negated or claim.category == "anaphor" or "superseded" in claim.scope:
        return None
    group = "person" if claim.category in _PERSON else claim.category
    return (claim.kind, claim.predicate, group, "cumulative" in claim.scope)


@attrs.frozen
class _Features:
    """What linking needs of a claim, computed once: object facilities and names, time window."""

    facilities: frozenset[str]
    propers: frozenset[str]
    group: str | None
    window: tuple[int, int]
    specific: bool


_FAR = 10**7


def _window(claim: Claim, published: dt.date | None) -> tuple[int, int]:
    """The days (as ordinals) a claim's time can fall on; undated claims get their article's year."""
    when = claim.when or ""
    day = parse_iso_date(when)
    if day:
        slack = FOLLOW_UP_DAYS if claim.when_inferred else 0
        return day.toordinal() - slack, day.toordinal() + slack
    if len(when) in (4, 7) and when[:4].isdigit():
        year, month = int(when[:4]), int(when[5:7]) if len(when) == 7 else 0
        first = dt.date(year, month or 1, 1)
        last = dt.date(year + (month == 12 or not month), (month % 12) + 1 if month else 1, 1) - dt.timedelta(1)
        return first.toordinal(), last.toordinal()
    if published:
        return published.toordinal() - WINDOW_DAYS, published.toordinal() + FOLLOW_UP_DAYS
    return -_FAR, _FAR


def _features(claim: Claim, lexicon: Lexicon, published: dt.date | None) -> _Features:
    categories = lexicon.compiled("linking.categories", _categories)
    facilities = frozenset(w for w in claim.object_key.split() if categories.get(w) == "facility")
    propers = set()
    for word in (claim.object or "").replace("-", " ").split():
        key = normalise_phrase(word.removesuffix("'s").removesuffix("’s"), lexicon)
        if word[:1].isupper() and key and categories.get(key) not in {"facility", "place", "calendar"}:
            propers.update(key.split())
    groups = lexicon.compiled("linking.groups", _groups)
    event_nouns = lexicon.compiled("linking.event_nouns", lambda lx: {r["phrase"] for r in lx.table("event_nouns")})
    words = claim.object_key.split()
    specific = bool(words) and words[-1] not in event_nouns and (bool(propers) or len(words) >= 2)
    return _Features(facilities, frozenset(propers), _group_of(claim.subject_key, groups),
                     _window(claim, published), specific)


def _categories(lexicon: Lexicon) -> dict[str, str]:
    table: dict[str, str] = {row["word"].lower(): "calendar" for row in lexicon.table("calendar")}
    for row in lexicon.table("things"):
        if row.get("category"):
            table[row["canonical"] or row["alias"]] = row["category"]
    return table


def _groups(lexicon: Lexicon) -> dict[str, str]:
    return {row["canonical"] or row["alias"]: row["group"] for row in lexicon.table("things") if row.get("group")}


def _group_of(key: str, groups: dict[str, str]) -> str | None:
    words = key.split()
    for n in (2, 1):
        if len(words) >= n and " ".join(words[-n:]) in groups:
            return groups[" ".join(words[-n:])]
    return None


def _time_term(a: Claim, b: Claim, published: dict[str, dt.date | None]) -> tuple[str, float] | None:
    compatible = times_compatible(a.when, b.when)
    if compatible is False and (a.when_inferred or b.when_inferred):
        day_a, day_b = parse_iso_date(a.when), parse_iso_date(b.when)
        compatible = bool(day_a and day_b and abs((day_a - day_b).days) <= FOLLOW_UP_DAYS)
    if compatible is False:
        return None
    if compatible:
        return (f"times meet ({a.when} / {b.when})", 0.2)
    pa, pb = published.get(a.document), published.get(b.document)
    if a.when is None and b.when is None:
        if pa and pb and abs((pa - pb).days) > WINDOW_DAYS:
            return None
        return ("time unknown on both sides", 0.1)
    dated, undated_published = (a, pb) if a.when else (b, pa)
    day = parse_iso_date(dated.when)
    if day and undated_published and abs((day - undated_published).days) > FOLLOW_UP_DAYS:
        return None
    return ("time unknown on one side", 0.1)


def _object_term(a: Claim, b: Claim, fa: _Features, fb: _Features) -> tuple[str, float] | None:
    if not a.object_key or not b.object_key:
        return ("place named on one side only", 0.1)
    if (fa.facilities and fb.facilities and not fa.facilities & fb.facilities) or (
            fa.propers and fb.propers and not fa.propers & fb.propers):
        return None
    similarity = fuzz.token_set_ratio(a.object_key, b.object_key) / 100
    if similarity < 0.3 and fa.specific and fb.specific:
        return None  # "the harbour fire" and "the Kestrel mine blast": two named events
    return (f"same place or object ({similarity:.0%}: '{a.object}' / '{b.object}')", round(0.2 * similarity, 4))


def _subject_term(a: Claim, b: Claim, similarity: float, fa: _Features, fb: _Features) -> tuple[str, float] | None:
    group_a, group_b = fa.group, fb.group
    if group_a and group_b:
        if group_a != group_b:
            return None
        similarity = max(similarity, 0.9)  # "migrants" and "asylum seekers": words for the same people
    if a.category in _PERSON and b.category in _PERSON and "generic_person" in {a.category, b.category}:
        similarity = max(similarity, 0.8)
    if similarity < 0.5:
        return None
    return (f"same counted thing ({similarity:.0%}: '{a.subject}' / '{b.subject}')", round(0.3 * similarity, 4))


def _score(a: Claim, b: Claim, subject_similarity: float, fa: _Features, fb: _Features,
           published: dict[str, dt.date | None]) -> Candidate | None:
    if a.document == b.document and (
            (a.start < b.end and b.start < a.end) or "exclusive" in a.scope or "exclusive" in b.scope
            or (a.sentence_start == b.sentence_start and a.according_to == b.according_to)):
        return None
    terms = [(f"same event: {a.predicate} ('{a.verb}' / '{b.verb}')", 0.3)]
    for term in (_subject_term(a, b, subject_similarity, fa, fb), _object_term(a, b, fa, fb),
                 _time_term(a, b, published)):
        if term is None:
            return None
        terms.append(term)
    score = round(min(1.0, sum(weight for _, weight in terms)), 4)
    return Candidate(a.id, b.id, score, tuple(terms))


def _overlapping(block: list[int], windows: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pairs of claims (indices) whose time windows overlap: a sweep over the windows' starts."""
    order = sorted(block, key=lambda k: windows[k])
    pairs: list[tuple[int, int]] = []
    active: list[int] = []
    for k in order:
        start = windows[k][0]
        active = [j for j in active if windows[j][1] >= start]
        pairs.extend((j, k) for j in active)
        active.append(k)
    return pairs


def candidate_pairs(
    claims: Sequence[Claim],
    documents: Sequence[Document] = (),
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    lexicon: Lexicon | None = None,
) -> list[Candidate]:
    """Scored pairs of claims at or above ``min_score``.

    Complexity: claims are compared only inside their block and only when their time windows
    overlap (a sweep over the windows), so the work grows with the number of claims that could
    be about one fact, not with all pairs. Counted things are compared in one vectorised
    ``rapidfuzz.process.cdist`` call per block.
    """
    lexicon = lexicon or Lexicon.default()
    published = {d.id: parse_iso_date(d.published) for d in documents}
    features = [_features(c, lexicon, published.get(c.document)) for c in claims]
    windows = [f.window for f in features]
    blocks: dict[Hashable, list[int]] = defaultdict(list)
    for k, claim in enumerate(claims):
        key = _block_key(claim)
        if key is not None:
            blocks[key].append(k)
    found: list[Candidate] = []
    for key in sorted(blocks, key=repr):
        pairs = _overlapping(blocks[key], windows)
        if not pairs:
            continue
        members = sorted({k for pair in pairs for k in pair})
        position = {k: n for n, k in enumerate(members)}
        keys = [claims[k].subject_key for k in members]
        matrix = process.cdist(keys, keys, scorer=fuzz.token_set_ratio, dtype="uint8") if len(members) <= _MAX_BLOCK \
            else None
        for i, j in pairs:
            a, b = (claims[i], claims[j]) if i < j else (claims[j], claims[i])
            fa, fb = (features[i], features[j]) if i < j else (features[j], features[i])
            similarity = (float(matrix[position[i], position[j]]) if matrix is not None
                          else fuzz.token_set_ratio(a.subject_key, b.subject_key)) / 100
            candidate = _score(a, b, similarity, fa, fb, published)
            if candidate is not None and candidate.score >= min_score:
                found.append(candidate)
    return found


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
