"""Claims from documents: what a figure counts, which fact it states, when, according to whom.

For every sentence outside the site furniture (headlines included), each figure of a claimable
kind (counts of people or things, money, percentages, fractions, ages, measures) becomes a
:class:`Claim`; years, dates, clock times, ordinals and durations do not. The sentences that
hold such figures are parsed (:mod:`claimcheck._parse`) and each figure's frame is read off the
tree (:mod:`claimcheck._frames`): the counted thing, the fact's slot (``slots.txt``; event
phrases of ``events.txt`` name theirs), the source, negation, hedges, the occurrence and the
markers of parts and earlier figures. Time comes from :mod:`claimcheck._timeref`. Rows of fact
boxes ("2001 - 583" under a heading, above "Source: NIS") are claims too, with the heading as
the counted thing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from ._frames import Frame, frame_of
from ._lexicon import Lexicon
from ._parse import ParsedSentence, parse_sentences
from ._phrases import PhraseMatcher
from ._qgrammar import grammar
from ._quantities import DEFAULT_TOLERANCE, change_before, iter_quantities
from ._records import Claim, Document, Quantity, Span
from ._sentences import document_sentences
from ._timeref import nearest_time, parse_iso_date, time_mentions, time_words

__all__ = ["CLAIM_KINDS", "extract", "normalise_phrase"]

CLAIM_KINDS = frozenset({"count", "money", "percent", "fraction", "age", "measure"})
_DETERMINERS = frozenset("the a an its their his her our your this that these those some".split())
_LETTERS = re.compile(r"[a-z]+")
_PERSON = frozenset({"person", "generic_person"})
_EARLIER_DAYS = 60  # a dated claim this long before its story is another occurrence


@attrs.frozen
class _Lexicons:
    events: PhraseMatcher
    aliases: dict[str, str]
    categories: dict[str, str]
    change_verbs: frozenset[str]  # "rose", "fell" ... before "from X to Y"


def _build(lexicon: Lexicon) -> _Lexicons:
    aliases: dict[str, str] = {}
    categories: dict[str, str] = {}
    for row in lexicon.table("things"):
        aliases[row["alias"]] = row["canonical"]
        if row.get("category"):
            categories[row["canonical"] or row["alias"]] = row["category"]
            categories[row["alias"]] = row["category"]
    return _Lexicons(
        events=PhraseMatcher((r["phrase"], r["predicate"]) for r in lexicon.table("events")),
        change_verbs=grammar(lexicon).change_verbs,
        aliases=aliases,
        categories=categories,
    )


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalise_phrase(text: str | None, lexicon: Lexicon | None = None) -> str:
    """The comparable form of a noun phrase: lower case, aliases applied, singular, no articles.

    >>> normalise_phrase("N. Korean asylum-seekers")
    'north korean asylum seeker'
    >>> normalise_phrase("the Beijing offices of the United Nations")
    'beijing office of united nations'
    """
    if not text:
        return ""
    lexicon = lexicon or Lexicon.default()
    memo = lexicon.compiled("claims.normalised", lambda _: {})
    found = memo.get(text)
    if found is None:
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        found = memo[text] = _normalise(text, lexicon.compiled("claims.lexicons", _build))
    return found


_MEMO_LIMIT = 100_000  # noun phrases repeat (subjects, places): their normal forms are kept


def _normalise(text: str, lex: _Lexicons) -> str:
    words = re.findall(r"[a-z0-9]+\.?", text.lower().replace("-", " ").replace("’", "'"))
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = f"{words[i].rstrip('.')} {words[i + 1].rstrip('.')}" if i + 1 < len(words) else None
        if pair and pair in lex.aliases:
            out.append(lex.aliases[pair])
            i += 2
            continue
        word = words[i]
        if word not in lex.aliases:
            word = word.rstrip(".")
        if word in lex.aliases:
            out.append(lex.aliases[word])
        elif word not in _DETERMINERS and word != "s":
            out.append(_singular(word))
        i += 1
    return " ".join(w for w in out if w)


def _category(subject: str | None, key: str, lex: _Lexicons) -> str:
    if not subject:
        return "unknown"
    words = key.split()
    for n in (2, 1):
        if len(words) >= n and " ".join(words[-n:]) in lex.categories:
            return lex.categories[" ".join(words[-n:])]
    head = subject.split()[-1]
    if head[:1].isupper() and head.lower().endswith(("ans", "ese", "is", "ians", "ish")):
        return "person"
    return "unknown"


@attrs.define
class _Context:
    """What extraction remembers from sentence to sentence in one document."""

    last_speaker: str | None = None
    last_subject: str | None = None
    first_claim_seen: bool = False


_CHANGE_GAP = re.compile(r"(?:[\s,]+[A-Za-z]+){0,3}?[\s,]+to\s*", re.IGNORECASE)
_BOX_ROW = re.compile(r"\d{4}\s*[-–—:]\s*\d[\d,.]*")


def _box_heading_and_source(document: Document, start: int, end: int) -> tuple[str | None, str | None]:
    """For a fact-box row, the heading line above the rows and the "Source:" line below them."""
    text = document.text
    window = 12  # lines looked at above and below the row: the cost does not grow with the text
    top = start
    for _ in range(window + 1):
        top = text.rfind("\n", 0, top - 1) if top > 0 else -1
        if top < 0:
            break
    lines_before = text[top + 1:start].rstrip("\n").split("\n")
    bottom = end
    for _ in range(window):
        bottom = text.find("\n", bottom + 1)
        if bottom < 0:
            bottom = len(text)
            break
    heading = None
    for line in reversed(lines_before[-window:]):
        stripped = line.strip()
        if stripped and not _BOX_ROW.fullmatch(stripped):
            heading = stripped
            break
    source = None
    for line in text[end:bottom].split("\n")[:window]:
        stripped = line.strip()
        if stripped.lower().startswith("source:"):
            source = stripped.split(":", 1)[1].strip() or None
            break
        if stripped and not _BOX_ROW.fullmatch(stripped):
            break
    return heading, source


def _box_claims(document: Document, sentence: tuple[int, int], quantities: Sequence[Quantity],
                lex: _Lexicons, lexicon: Lexicon) -> list[dict] | None:
    if len(quantities) != 2 or quantities[0].kind != "year":
        return None
    start, end = sentence
    if not _BOX_ROW.fullmatch(document.text[start:end].strip()):
        return None
    heading, source = _box_heading_and_source(document, start, end)
    events = lex.events.find((heading or "").lower().split())
    return [{
        "quantity": quantities[1], "subject": heading, "predicate": events[0][2] if events else None,
        "verb": None, "object": None, "when": quantities[0].iso, "according_to": source,
        "negated": False, "hedged": False, "scope": (),
    }]


def _phrase_predicates(parsed: ParsedSentence, lex: _Lexicons) -> dict[int, str]:
    """Token index -> predicate of the ``events.txt`` phrase covering it ("forced their way into")."""
    lowers = [token.lower_ for token in parsed.doc]
    found: dict[int, str] = {}
    for i, j, predicate in lex.events.find(lowers):
        for k in range(i, j):
            found.setdefault(k, predicate)
    return found


def _named_number(parsed: ParsedSentence, quantity: Quantity) -> bool:
    """A number that is part of a name ("Flight 214", "a Boeing 777", "Section 12"): no count.

    The figure is a bare integer right after a capitalised noun that it attaches to in the tree.
    """
    index = parsed.token_of(quantity)
    if index is None or index == 0 or quantity.kind != "count" or not quantity.text.isdigit():
        return False
    before, figure = parsed.doc[index - 1], parsed.doc[index]
    attached = figure.head.i == before.i or before.head.i == index
    return attached and before.text[:1].isupper() and before.pos_ in {"PROPN", "NOUN"} and before.is_alpha


def _times(document: Document, span: tuple[int, int], quantities: Sequence[Quantity], lexicon: Lexicon):
    text = document.text[span[0]:span[1]]
    lowers = text.lower()
    timely = time_words(lexicon)  # also inside tokens: "mid-June", "last week's"
    words = _LETTERS.findall(lowers)
    scan = not timely.isdisjoint(words)
    if not scan and not any(q.kind in ("date", "year") for q in quantities):
        return []
    return time_mentions(text, span[0], quantities, document.published, lexicon, scan_words=scan)


def _sentence_claims(document: Document, parsed: ParsedSentence, quantities: Sequence[Quantity],
                     lex: _Lexicons, lexicon: Lexicon, ctx: _Context) -> list[dict]:
    phrases = _phrase_predicates(parsed, lex)
    story_year = (document.published or "")[:4] or None
    times = _times(document, parsed.span, quantities, lexicon)
    out: list[dict] = []
    for quantity in quantities:
        if quantity.kind not in CLAIM_KINDS or _named_number(parsed, quantity):
            continue
        frame = frame_of(parsed, document.text, quantity, story_year=story_year, lexicon=lexicon,
                         phrases=phrases)
        out.append(_claim_fields(document, quantity, quantities, frame, out, lex, ctx, times))
    return out


def _claim_fields(document: Document, quantity: Quantity, quantities: Sequence[Quantity], frame: Frame,
                  earlier: list[dict], lex: _Lexicons, ctx: _Context, times) -> dict:
    subject = frame.counted
    previous = next((e for e in reversed(earlier) if e["quantity"].kind == quantity.kind), None)
    inherited = False
    if subject is None and previous is not None:
        subject, inherited = previous["subject"], True  # "Twelve workers were killed and 30 were hurt"
    if subject is None and quantity.kind == "count":
        subject, inherited = ctx.last_subject, True  # "Twelve were treated in hospital": the people named before
    predicate = frame.slot
    if predicate is None and previous is not None:
        predicate = previous["predicate"]  # "police said 40 joined, while organisers put the figure at 200"
    source = frame.source
    if source is not None and frame.source_pronoun:
        source = ctx.last_speaker
    elif source is not None:
        ctx.last_speaker = source
    spans = [Span(quantity.start, quantity.end, "figure")]
    for label, span in (("subject", frame.counted_span), ("verb", frame.slot_span),
                        ("object", frame.object_span), ("source", frame.source_span)):
        if span is not None and span[1] > span[0]:
            spans.append(Span(*span, label))
    scope = set()
    if "other" in frame.markers:
        scope.add("exclusive")
    if frame.occurrence == "span":
        scope.add("cumulative")
    if _superseded(document.text, quantity, quantities, lex):
        scope.add("superseded")
    anchor = frame.slot_span[0] if frame.slot_span else quantity.start
    verb = document.text[frame.slot_span[0]:frame.slot_span[1]] if frame.slot_span else None
    return {
        "quantity": quantity, "subject": subject, "predicate": predicate, "verb": verb,
        "object": frame.object, "when": nearest_time(times, anchor), "according_to": source,
        "spans": tuple(sorted(spans, key=lambda span: span.start)),
        "negated": frame.negated, "hedged": frame.hedged, "scope": tuple(sorted(scope)),
        "occurrence": frame.occurrence, "role": frame.role,
        "markers": tuple(sorted({*frame.markers, *(["inherited"] if inherited else [])})),
    }


def _superseded(text: str, quantity: Quantity, quantities: Sequence[Quantity], lex: _Lexicons) -> bool:
    """The earlier figure of a change, replaced by the other: the 12 of 'the toll rose from 12 to
    30', 'fell sharply from 12 to 30', 'rose 12% from $20m to $22m' and 'rose to 30 from 12'."""
    if not change_before(text, quantity.start, "from", lex.change_verbs):
        return False
    for other in quantities:
        if other.kind != quantity.kind:
            continue
        if quantity.end < other.start < quantity.end + 48 and _CHANGE_GAP.fullmatch(text, quantity.end, other.start):
            return True  # '... from 12 to 30', '... from 12 people to 30', '... from 12 on Monday to 30'
        if other.end <= quantity.start and text[other.end:quantity.start].strip(" ,").lower() == "from":
            return change_before(text, other.start, "to", lex.change_verbs)  # 'rose to 30, from 12'
    return False


def extract(
    document: Document,
    *,
    lexicon: Lexicon | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> list[Claim]:
    """The claims in a document, in text order; none for a document that could not be read.

    >>> from claimcheck import make_document
    >>> doc = make_document("Published: 14 March 2002\\n\\nAt least 20 North Koreans stormed "
    ...                     "the Spanish embassy on Thursday, police said.")
    >>> [(c.quantity.text, c.subject, c.predicate, c.object, c.when, c.according_to)
    ...  for c in extract(doc)]
    [('At least 20', 'North Koreans', 'enter', 'Spanish embassy', '2002-03-14', 'police')]
    """
    return extract_numbered(document, 1, lexicon=lexicon or Lexicon.default(), tolerance=tolerance)


def extract_numbered(document: Document, first: int, *, lexicon: Lexicon, tolerance: float) -> list[Claim]:
    """:func:`extract` with claim ids counted from ``c{first}`` (for callers numbering many documents)."""
    if document.error or not document.text:
        return []
    lex = lexicon.compiled("claims.lexicons", _build)
    furniture = [(span.start, span.end) for span in document.furniture]  # claims never come from it
    quantities = list(iter_quantities(document.text, lexicon=lexicon, tolerance=tolerance, skip=furniture))
    ctx = _Context()
    claims: list[Claim] = []
    to_parse: list[tuple[tuple[int, int], list[Quantity]]] = []
    boxed: dict[tuple[int, int], list[dict]] = {}
    q = 0
    touching = [quantity.start for quantity in quantities if quantity.kind in CLAIM_KINDS]
    for sentence in document_sentences(document, lexicon, touching=touching):
        while q < len(quantities) and quantities[q].start < sentence[0]:
            q += 1
        inside = []
        while q < len(quantities) and quantities[q].end <= sentence[1]:
            inside.append(quantities[q])
            q += 1
        if not any(quantity.kind in CLAIM_KINDS for quantity in inside):
            continue
        box = _box_claims(document, sentence, inside, lex, lexicon)
        if box is not None:
            boxed[sentence] = box
        to_parse.append((sentence, inside))
    parsed_all = {p.span: p for p in parse_sentences(document.text, [(s, i) for s, i in to_parse if s not in boxed])}
    for sentence, inside in to_parse:
        found_claims = boxed.get(sentence)
        if found_claims is None:
            found_claims = _sentence_claims(document, parsed_all[sentence], inside, lex, lexicon, ctx)
        subject_set = False
        for found in found_claims:
            if not ctx.first_claim_seen and found["when"] is None and found["quantity"].kind == "count":
                found["when"], found["when_inferred"] = document.published, document.published is not None
            claims.append(_make_claim(document, sentence, found, first + len(claims), lex, lexicon))
            if not subject_set and claims[-1].category in _PERSON and claims[-1].kind == "count" and \
                    "inherited" not in claims[-1].markers:
                ctx.last_subject, subject_set = claims[-1].subject, True  # the head of the sentence's people
        ctx.first_claim_seen = ctx.first_claim_seen or bool(claims)
    return _earlier_occurrences(claims, document)


def _earlier_occurrences(claims: list[Claim], document: Document) -> list[Claim]:
    """A claim dated in an earlier year than its story ("the 1906 quake") is another occurrence.

    The story's year is the document's, else the latest year its claims are dated in: news
    compares its event with earlier ones, rarely with later ones.
    """
    published = parse_iso_date(document.published)
    years = [int(c.when[:4]) for c in claims if c.when and c.when[:4].isdigit() and not c.when_inferred]
    story = published.year if published else max(years, default=None)
    if story is None:
        return claims

    def earlier(claim: Claim) -> bool:
        if claim.occurrence or claim.when_inferred or not claim.when or not claim.when[:4].isdigit():
            return False
        day = parse_iso_date(claim.when)
        if published and day:  # "on Friday" in a paper of 1 January is last week, not last year
            return (published - day).days > _EARLIER_DAYS
        return int(claim.when[:4]) < story

    return [attrs.evolve(c, occurrence=c.when[:4]) if earlier(c) else c for c in claims]


def _make_claim(document: Document, sentence: tuple[int, int], found: dict, n: int,
                lex: _Lexicons, lexicon: Lexicon) -> Claim:
    quantity: Quantity = found["quantity"]
    subject_key = normalise_phrase(found["subject"], lexicon)
    return Claim(
        id=f"c{n}",
        document=document.id,
        quantity=quantity,
        kind=quantity.kind,
        subject=found["subject"],
        subject_key=subject_key,
        category=_category(found["subject"], subject_key, lex),
        predicate=found["predicate"],
        verb=found["verb"],
        object=found["object"],
        object_key=normalise_phrase(found["object"], lexicon),
        when=found["when"],
        according_to=found["according_to"],
        negated=found["negated"],
        hedged=found["hedged"],
        scope=found["scope"],
        sentence=document.text[sentence[0]:sentence[1]],
        sentence_start=sentence[0],
        sentence_end=sentence[1],
        when_inferred=found.get("when_inferred", False),
        spans=found.get("spans", (Span(quantity.start, quantity.end, "figure"),)),
        occurrence=found.get("occurrence", ""),
        role=found.get("role"),
        markers=found.get("markers", ()),
    )
