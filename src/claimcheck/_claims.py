"""Claims from documents: what a figure counts, what happened, where, when, according to whom.

For every sentence outside the site furniture, each figure of a claimable kind (counts of
people or things, money, percentages, fractions, ages, measures) becomes a :class:`Claim`;
years, dates, clock times, ordinals and durations do not. The counted
thing is the noun phrase after the figure; the event is the lexicon phrase (``events.txt``)
of the clause the counted thing belongs to; attribution, negation, hedging and scope come from
``cues.txt``; time from :mod:`claimcheck._timeref`. Rows of fact boxes ("2001 - 583" under a
heading, above "Source: NIS") are claims too, with the heading as the counted thing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from itertools import accumulate

import attrs

from ._lexicon import Lexicon
from ._phrases import PhraseMatcher
from ._qgrammar import grammar
from ._quantities import DEFAULT_TOLERANCE, change_before, iter_quantities
from ._records import Claim, Document, Quantity, Span
from ._sentences import document_sentences
from ._timeref import nearest_time, time_mentions, time_words

__all__ = ["CLAIM_KINDS", "extract", "normalise_phrase"]

CLAIM_KINDS = frozenset({"count", "money", "percent", "fraction", "age", "measure"})
_TOKEN = re.compile(r"(\w++(?:[-'’]\w++)*+|[^\w\s])")  # one group: re.split keeps the tokens
_AUX = frozenset(
    "have has had having are is was were be been being will would could can may might must did do "
    "does shall should".split()
)
_NP_STOP = frozenset(
    "who whom which that whose and or but nor in at on from to into with by for as after before "
    "since during than while when where because if though although about around over under near "
    "via inside outside across through between among against toward towards despite without "
    "within not also now then still already".split()
) | _AUX
_DETERMINERS = frozenset(
    "the a an its their his her our your this that these those some".split()
)
_LEAD_SKIP = frozenset(
    "to into in at from for inside across toward towards past onto through".split()
)
_OBJECT_LEAD = _LEAD_SKIP | _DETERMINERS
_LETTERS = re.compile(r"[a-z]+")
_QUOTES = frozenset("“”\"'‘’")
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i"])
_CLAUSE_OPENERS = frozenset(["when", "after", "before", "because", "where", "which", "while", "since", "until"])
_MAX_NP = 6


class _Words:
    """A sentence's tokens as parallel lists: their text, lower case and document offsets.

    Built with C-level calls only (a split and running sums of lengths): tokenising claim
    sentences is the hottest loop of extraction, and a Python object per token made it
    cost a tenth of all extraction.
    """

    __slots__ = ("end", "lower", "start", "text")

    def __init__(self, sentence: str, offset: int) -> None:
        parts = _TOKEN.split(sentence)  # white space, token, white space, token, ..., white space
        bounds = list(accumulate(map(len, parts), initial=offset))
        self.text: list[str] = parts[1::2]
        self.lower: list[str] = list(map(str.lower, self.text))
        n = len(self.text)
        self.start: list[int] = bounds[1 : 2 * n : 2]
        self.end: list[int] = bounds[2 : 2 * n + 1 : 2]

    def __len__(self) -> int:
        return len(self.text)

    def is_word(self, i: int) -> bool:
        """Whether token ``i`` is a word or number (not punctuation)."""
        return self.text[i][0].isalnum()

    def capitalised(self, i: int) -> bool:
        """Whether token ``i`` starts with a capital letter."""
        return self.text[i][0].isupper()


@attrs.frozen
class _Lexicons:
    events: PhraseMatcher
    cues: PhraseMatcher
    aliases: dict[str, str]
    categories: dict[str, str]
    calendar: frozenset[str]
    verbs: frozenset[str]
    default_subjects: dict[str, str]
    event_nouns: dict[str, str]
    first_words: frozenset[str]  # the words an event phrase or a cue can start with
    change_verbs: frozenset[str]  # "rose", "fell" ... before "from X to Y"


def _build(lexicon: Lexicon) -> _Lexicons:
    aliases: dict[str, str] = {}
    categories: dict[str, str] = {}
    for row in lexicon.table("things"):
        aliases[row["alias"]] = row["canonical"]
        if row.get("category"):
            categories[row["canonical"] or row["alias"]] = row["category"]
            categories[row["alias"]] = row["category"]
    events = PhraseMatcher((r["phrase"], r["predicate"]) for r in lexicon.table("events"))
    # Verbs and relative pronouns end noun phrases (the ``verbs`` set below); the claim reads the rest.
    read = [r for r in lexicon.table("cues") if r["type"] not in {"verb", "relative"}]
    cues = PhraseMatcher(_merged(read, "phrase", "type"))
    return _Lexicons(
        events=events,
        cues=cues,
        first_words=events.first_words | cues.first_words,
        change_verbs=grammar(lexicon).change_verbs,
        aliases=aliases,
        categories=categories,
        calendar=frozenset(r["word"].lower() for r in lexicon.table("calendar")),
        verbs=frozenset(r["phrase"] for r in lexicon.table("cues") if r["type"] == "verb"),
        default_subjects={r["phrase"]: r["subject"] for r in lexicon.table("events") if r.get("subject")},
        event_nouns={r["phrase"]: r["predicate"] for r in lexicon.table("event_nouns")},
    )


def _merged(rows: Sequence[Mapping[str, str]], key: str, value: str) -> list[tuple[str, str]]:
    """One entry per phrase, its values joined with commas (a phrase may be a hedge and a verb of saying)."""
    merged: dict[str, list[str]] = {}
    for row in rows:
        merged.setdefault(row[key], []).append(row[value])
    return [(phrase, ",".join(values)) for phrase, values in merged.items()]


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


def _index_after(words: _Words, position: int) -> int:
    """Index of the first word that starts at or after ``position``."""
    return bisect.bisect_left(words.start, position)


def _noun_phrase(words: _Words, i: int, lex: _Lexicons, starts: frozenset[int],
                 allow_of: bool = False) -> tuple[int, int]:
    """Word range ``[i, j)`` of the noun phrase starting at ``i`` (possibly empty)."""
    j = i
    took_of = False
    end = min(len(words), i + _MAX_NP)
    while j < end:
        token, lower = words.text[j], words.lower[j]
        if token == "." and j > i and len(words.text[j - 1]) <= 2 and words.capitalised(j - 1):
            j += 1  # "N. Korean", "Ms. Kang"
            continue
        if not token[0].isalnum() or token.isdigit():
            break
        if allow_of and not took_of and lower == "of" and j > i:
            took_of = True
            j += 1
            continue
        capitalised = token[0].isupper()
        if lower in _NP_STOP or j in starts or lower in lex.verbs or (capitalised and lower in lex.calendar):
            break
        if not capitalised and lower.endswith(("ing", "ed")) and j > i:
            break
        j += 1
    while j > i and (words.lower[j - 1] in _DETERMINERS or words.lower[j - 1] == "of"):
        j -= 1
    return i, j


def _phrase_text(text: str, words: _Words, i: int, j: int, base: int) -> str | None:
    if j <= i:
        return None
    start = i
    while start < j and words.lower[start] in _DETERMINERS:
        start += 1
    if start >= j:
        return None
    return text[words.start[start] - base: words.end[j - 1] - base]


def _subject_range(words: _Words, quantity: Quantity, lex: _Lexicons,
                   starts: frozenset[int]) -> tuple[int, int]:
    i = _index_after(words, quantity.end)
    if i < len(words) and words.lower[i] == "of":
        i += 1
        if i < len(words) and words.lower[i] in {"the", "them", "those", "these"}:
            i += 1
    return _noun_phrase(words, i, lex, starts)


def _is_verbish(words: _Words, k: int, starts: frozenset[int]) -> bool:
    lower = words.lower[k]
    return lower in _AUX or k in starts or (not words.capitalised(k) and lower.endswith(("ed", "ing")))


def _main_clause_start(words: _Words, np_end: int, starts: frozenset[int]) -> int | None:
    """Where the main clause resumes after a relative or participle clause on the subject."""
    if np_end >= len(words):
        return None
    first = words.lower[np_end]
    if first in {"who", "which", "that", "whom"}:
        k = np_end + 1
    elif not words.capitalised(np_end) and first.endswith("ing"):
        k = np_end
    else:
        return None
    while k < len(words) and _is_verbish(words, k, starts):
        k += 1
    for j in range(k + 1, len(words)):
        lower, previous = words.lower[j], words.lower[j - 1]
        if previous in {"to", "and", "or", "by", "of", "for", "not"}:
            continue
        if lower in _AUX or (j in starts and not lower.endswith("ing")):
            return j
    return None


def _choose_event(
    words: _Words, events: list[tuple[int, int, str]], q_index: int, np_end: int, starts: frozenset[int]
) -> tuple[int, int, str] | None:
    for event in reversed(events):  # "killed 86 people", "repatriated about 600": the figure is its object
        if event[1] <= q_index and not any(map(words.is_word, range(event[1], q_index))):
            return event
    main = _main_clause_start(words, np_end, starts)
    if main is not None:
        for event in events:
            if event[0] >= main:
                return event
    after = [e for e in events if e[0] >= np_end]
    if after:
        return after[0]
    before = [e for e in events if e[1] <= q_index]
    return before[-1] if before else None


def _object_range(words: _Words, start: int, skip: tuple[int, int], lex: _Lexicons,
                  starts: frozenset[int]) -> tuple[int, int]:
    i = start
    if skip[0] <= i < skip[1] or (i < len(words) and i == skip[0]):
        i = skip[1]
    while i < len(words) and (words.lower[i] in _OBJECT_LEAD or words.text[i] in _QUOTES):
        i += 1
    if skip[0] <= i < skip[1]:
        i = skip[1]
        while i < len(words) and words.lower[i] in _OBJECT_LEAD:
            i += 1
    return _noun_phrase(words, i, lex, frozenset(), allow_of=True)


def _speaker_before(words: _Words, k: int) -> tuple[int, int] | None:
    """Words of the speaker ending just before the saying verb at ``k``."""
    j = k
    while j > 0 and (words.lower[j - 1] in _AUX or words.lower[j - 1].endswith("ly")):
        j -= 1
    if j > 0 and words.text[j - 1] == ",":
        for back in range(j - 2, max(j - 16, -1), -1):
            if words.text[back] == ",":
                j = back
                break
        else:
            return None
    i = j
    while i > 0 and j - i < 8:
        if not words.is_word(i - 1) and words.text[i - 1] != ".":
            break
        if words.lower[i - 1] in {"that", "and", "but", "when", "after", "because", "as", "while", "comes"}:
            break
        i -= 1
    return (i, j) if i < j else None


def _speaker_after(words: _Words, k: int) -> tuple[int, int] | None:
    i = k
    j = i
    while j < len(words) and j - i < 8 and (words.is_word(j) or words.text[j] == "."):
        if words.lower[j] in {"that", "in", "on", "to", "who"} and j > i:
            break
        j += 1
    return (i, j) if j > i else None


def _valid_speaker(words: _Words, span: tuple[int, int]) -> bool:
    content = [words.lower[k] for k in range(*span) if words.is_word(k) and words.lower[k] not in _DETERMINERS]
    return bool(content) and content[0] not in {"there", "it", "this"}


@attrs.define
class _Context:
    """What extraction remembers from sentence to sentence in one document."""

    last_speaker: str | None = None
    last_subject: str | None = None
    first_claim_seen: bool = False


def _attribution(
    text: str, base: int, words: _Words, cues: list[tuple[int, int, str]], q_index: int, ctx: _Context
) -> tuple[str | None, tuple[int, int] | None]:
    """Who the sentence says gave the figure, and where the speaker's words stand (if named here)."""
    best: tuple[int, str, tuple[int, int] | None] | None = None
    openers: list[int] | None = None
    for i, j, kind in cues:
        span: tuple[int, int] | None = None
        if kind == "source" and j <= q_index + 8:
            span = _speaker_after(words, j)
        elif kind == "said":
            if openers is None:
                openers = [k for k, lower in enumerate(words.lower) if lower in _CLAUSE_OPENERS]
            if i < q_index and _opener_between(openers, j, q_index):
                continue
            if i > q_index:
                span = _speaker_after(words, j) if i > 0 and words.text[i - 1] == "," and (
                    j < len(words) and words.capitalised(j)) else _speaker_before(words, i)
            else:
                span = _speaker_before(words, i)
        if span is None or not _valid_speaker(words, span):
            continue
        speaker = _phrase_text(text, words, span[0], span[1], base)
        if speaker is None:
            continue
        where: tuple[int, int] | None = (words.start[span[0]], words.end[span[1] - 1])
        if speaker.lower() in _PRONOUNS:
            speaker, where = ctx.last_speaker, None
            if speaker is None:
                continue
        distance = abs(i - q_index)
        if best is None or distance < best[0]:
            best = (distance, speaker, where)
    if best is None:
        return None, None
    ctx.last_speaker = best[1]
    return best[1], best[2]


def _opener_between(openers: Sequence[int], start: int, end: int) -> bool:
    """Whether a clause opener ("when", "after"...) stands at a word index in ``[start, end)``."""
    k = bisect.bisect_left(openers, start)
    return k < len(openers) and openers[k] < end


# Between the two figures of a change: "to", after at most three words ("from 12 people to 30",
# "from 12 on Monday to 30").
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
    events = lex.events.find(_Words(heading or "", 0).lower)
    return [{
        "quantity": quantities[1], "subject": heading, "predicate": events[0][2] if events else None,
        "verb": None, "object": None, "when": quantities[0].iso, "according_to": source,
        "negated": False, "hedged": False, "scope": (),
    }]


def _title_line(document: Document) -> tuple[int, int] | None:
    if not document.title:
        return None
    head = document.text[:4000]
    at = head.find(document.title)
    if at < 0:
        return None
    line_start = head.rfind("\n", 0, at) + 1
    line_end = document.text.find("\n", at)
    return line_start, (line_end if line_end >= 0 else len(document.text))


def _sentence_claims(
    document: Document, sentence: tuple[int, int], quantities: Sequence[Quantity], lex: _Lexicons,
    lexicon: Lexicon, ctx: _Context,
) -> list[dict]:
    boxed = _box_claims(document, sentence, quantities, lex, lexicon)
    if boxed is not None:
        return boxed
    start, end = sentence
    text = document.text[start:end]
    words = _Words(text, start)
    lowers = words.lower
    openers = [k for k, word in enumerate(lowers) if word in lex.first_words]
    events = lex.events.find(lowers, openers)
    starts = frozenset(e[0] for e in events)
    cues = [(i, j, kind) for i, j, kinds in lex.cues.find(lowers, openers) for kind in kinds.split(",")]
    sentence_scope = {kind for _, _, kind in cues if kind in {"exclusive", "cumulative"}}
    timely = time_words(lexicon)  # also inside tokens: "mid-June", "last week's"
    scan = not timely.isdisjoint(lowers) or (
        any(mark in text for mark in "'’-") and not timely.isdisjoint(_LETTERS.findall(text.lower())))
    dated = scan or any(q.kind in ("date", "year") for q in quantities)
    times = time_mentions(text, start, quantities, document.published, lexicon, scan_words=scan) if dated else []
    out: list[dict] = []
    for quantity in quantities:
        if quantity.kind not in CLAIM_KINDS:
            continue
        q_index = _index_after(words, quantity.start)
        np_start, np_end = _subject_range(words, quantity, lex, starts)
        subject = _phrase_text(text, words, np_start, np_end, start) or _group_noun(words, q_index)
        if subject is None and out and out[-1]["quantity"].kind == quantity.kind:
            subject = out[-1]["subject"]  # "Twelve workers were killed and 30 were hurt"
        if subject is None and quantity.kind == "count" and _bare(words, q_index, np_end):
            subject = ctx.last_subject  # "Twelve were treated in hospital": the people named before
        event = _choose_event(words, events, q_index, np_end, starts)
        obj = None
        predicate = event[2] if event else None
        verb = text[words.start[event[0]] - start: words.end[event[1] - 1] - start] if event else None
        if event is not None:
            o_start, o_end = _object_range(words, event[1], (q_index, np_end), lex, starts)
            obj = _phrase_text(text, words, o_start, o_end, start)
            if predicate == "*":  # "took part in the march": the event is named by its object
                predicate = _event_noun(obj, lex)
                if predicate is None and out and out[-1]["quantity"].kind == quantity.kind:
                    predicate = out[-1]["predicate"]  # "... and that 6,000 turned out on Sunday"
            if subject is None and verb is not None:
                subject = lex.default_subjects.get(verb.lower())
        elif out and out[-1]["quantity"].kind == quantity.kind and out[-1]["predicate"]:
            previous = out[-1]  # "police said 40 joined ..., while organisers put the figure at 200"
            predicate, verb, obj = previous["predicate"], previous["verb"], previous["object"]
        anchor = words.start[event[0]] if event else quantity.start
        local = {kind for i, _, kind in cues if _near(i, q_index, event)}
        according_to, source_span = _attribution(text, start, words, cues, q_index, ctx)
        spans = [Span(quantity.start, quantity.end, "figure")]
        if np_end > np_start:
            spans.append(Span(words.start[np_start], words.end[np_end - 1], "subject"))
        if event is not None:
            spans.append(Span(words.start[event[0]], words.end[event[1] - 1], "verb"))
            if obj is not None and o_end > o_start:
                spans.append(Span(words.start[o_start], words.end[o_end - 1], "object"))
        if source_span is not None:
            spans.append(Span(*source_span, "source"))
        out.append({
            "quantity": quantity, "subject": subject, "predicate": predicate, "verb": verb,
            "object": obj,
            "when": nearest_time(times, anchor),
            "according_to": according_to, "spans": tuple(sorted(spans, key=lambda span: span.start)),
            "negated": "negation" in local or _denied(words, cues, q_index),
            "hedged": "hedge" in local or any(kind == "hedge" and i < q_index for i, _, kind in cues),
            "scope": tuple(sorted(sentence_scope | ({"superseded"} if _superseded(
                document.text, quantity, quantities, lex) else set()))),
        })
    return out


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


def _event_noun(obj: str | None, lex: _Lexicons) -> str | None:
    """The predicate an event noun stands for ("march" -> protest), from the object's words."""
    for word in reversed(normalise_phrase(obj).split()):
        if word in lex.event_nouns:
            return lex.event_nouns[word]
    return None


def _group_noun(words: _Words, q_index: int) -> str | None:
    """"a family of five": the group noun before "of" stands for the counted thing."""
    if q_index >= 2 and words.lower[q_index - 1] == "of" and words.is_word(q_index - 2):
        noun = words.lower[q_index - 2]
        if noun not in _DETERMINERS and noun not in _NP_STOP and not noun.isdigit():
            return words.text[q_index - 2]
    return None


def _bare(words: _Words, q_index: int, np_end: int) -> bool:
    """A figure standing for people already named: "Twelve were ...", "A dozen of them ..."."""
    following = words.lower[np_end] if np_end < len(words) else ""
    after_of = np_end >= 2 and words.lower[np_end - 1] in {"them", "those", "these"}
    return after_of or following in _AUX


def _near(cue: int, q_index: int, event: tuple[int, int, str] | None) -> bool:
    """A negation or hedge bears on the claim when it stands just before the figure or the verb."""
    if 0 <= q_index - cue <= 3:
        return True
    return event is not None and 0 <= event[0] - cue <= 3


def _denied(words: _Words, cues: Sequence[tuple[int, int, str]], q_index: int) -> bool:
    """"X denied that 40 had been arrested": a verb of denial anywhere before the figure."""
    return any(kind == "negation" and i < q_index and words.lower[i].startswith(("denied", "denies", "deny"))
               for i, _, kind in cues)


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
    title = _title_line(document)
    ctx = _Context()
    claims: list[Claim] = []
    q = 0
    touching = [quantity.start for quantity in quantities if quantity.kind in CLAIM_KINDS]
    for sentence in document_sentences(document, lexicon, touching=touching):
        while q < len(quantities) and quantities[q].start < sentence[0]:
            q += 1
        inside = []
        while q < len(quantities) and quantities[q].end <= sentence[1]:
            inside.append(quantities[q])
            q += 1
        if not any(q.kind in CLAIM_KINDS for q in inside) or (title and title[0] <= sentence[0] < title[1]):
            continue
        subject_set = False
        for found in _sentence_claims(document, sentence, inside, lex, lexicon, ctx):
            if not ctx.first_claim_seen and found["when"] is None and found["quantity"].kind == "count":
                found["when"], found["when_inferred"] = document.published, document.published is not None
            claims.append(_make_claim(document, sentence, found, first + len(claims), lex, lexicon))
            if not subject_set and claims[-1].category in {"person", "generic_person"} and claims[-1].kind == "count":
                ctx.last_subject, subject_set = claims[-1].subject, True  # the head of the sentence's people
        ctx.first_claim_seen = ctx.first_claim_seen or bool(claims)
    return claims


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
    )
