"""Claim frames from the dependency tree: what a figure counts, which fact it states, who says so.

A frame is read off the parse of the figure's sentence (:mod:`claimcheck._parse`) by a few
named helpers, one rule each:

* :func:`counted_noun` — the noun the figure modifies ("20 North *Koreans*"), else the noun
  after "of" ("hundreds of *people*", "12 of *them*"), else a noun coordinated with the
  figure's own ("212 passengers and 9 *crew*").
* :func:`fact_word` — walk up from the figure to the first verb or adjective. A content word
  names the fact; a light one ("were on board", "remain missing", "leaving 150 unaccounted for",
  "the toll stood at 61") hands over to its complement, else to the figure's own noun
  ("survivors", "bodies"), else to its subject ("turnout was 1.84 million").
* :func:`speaker` — the subject of the reporting verb above the figure, "according to X",
  "X told reporters"; "X, a spokesman for Y" is Y. A speaker that holds a figure is no speaker.
* :func:`markers` — negation, hedges, a year on the event ("a 1999 quake"), a clause hanging off
  a year ("since 1996, when 230 died"), a span ("since 2014", "so far"), an earlier figure
  ("initially"), a part ("12 of them", "including 3 crew"), a role ("on board").

Words that steer these rules are data: ``slots.txt`` (the facts and their word families) and
``frame_words.txt`` (light and reporting verbs, hedges, vehicles).
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator

import attrs

from ._lexicon import Lexicon
from ._parse import ParsedSentence
from ._records import Quantity
from ._units import dimension_of

__all__ = ["Frame", "frame_of", "slot_of"]

_NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
_CLAUSAL = frozenset({"VERB", "AUX", "ADJ"})
_COMPLEMENTS = frozenset({"attr", "acomp", "oprd", "xcomp"})
_NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "attr"})
_ANAPHORS = frozenset({"them", "those", "these", "whom", "which", "they"})
_SPEAKER_CUT = frozenset({"relcl", "acl", "punct", "appos", "cc", "advcl", "prep"})
_DETERMINERS = frozenset({"the", "a", "an"})


@attrs.frozen
class Frame:
    """What the tree says of one figure.

    ``slot`` names the fact (``dead``, ``aboard``, ``magnitude`` or a content lemma), ``counted``
    the counted or measured thing as written and ``counted_span`` its offsets, ``role`` a group
    the counted people hold inside the fact ("on board"), ``source`` the speaker as written and
    ``source_span`` its offsets; ``occurrence`` is ``""`` for the story's own event, a year for
    an earlier one, ``"earlier"`` or ``"span"``; ``markers`` lists ``part``, ``earlier``,
    ``update``, ``other``, ``of_them``; ``slot_span`` locates the word that named the fact;
    ``source_pronoun`` says the speaker is a pronoun ("they said"), to be resolved by the claim
    stage to the speaker named before.
    """

    slot: str | None
    slot_span: tuple[int, int] | None
    counted: str | None
    counted_span: tuple[int, int] | None
    role: str | None
    source: str | None
    source_span: tuple[int, int] | None
    negated: bool
    hedged: bool
    occurrence: str
    markers: tuple[str, ...]
    object: str | None = None
    object_span: tuple[int, int] | None = None
    source_pronoun: bool = False


@attrs.frozen
class _Words:
    slots: dict[str, str]  # lemma -> slot
    event_nouns: dict[str, str]  # "rally" -> participants (event_nouns.txt)
    calendar: frozenset[str]  # day and month names: never a place
    roles: dict[str, frozenset[str]]  # role -> lemmas
    tallies: frozenset[str]
    measures: frozenset[str]  # what a word beside a figure measures ("8km deep"): measure slots, not tallies


def _build(lexicon: Lexicon) -> _Words:
    slots: dict[str, str] = {}
    tallies, measures = set(), set()
    for row in lexicon.table("slots"):
        for word in row["words"].split():
            slots.setdefault(word.lower(), row["slot"])
        slots.setdefault(row["slot"], row["slot"])
        if row.get("tally") == "yes":
            tallies.add(row["slot"])
        elif row.get("measure") == "yes":
            measures.add(row["slot"])
    roles: dict[str, set[str]] = {}
    for row in lexicon.table("frame_words"):
        roles.setdefault(row["role"], set()).add(row["lemma"].lower())
    event_nouns = {row["phrase"]: row["predicate"] for row in lexicon.table("event_nouns")}
    calendar = frozenset(row["word"].lower() for row in lexicon.table("calendar"))
    return _Words(slots, event_nouns, calendar, {k: frozenset(v) for k, v in roles.items()}, frozenset(tallies),
                  frozenset(measures))


def words(lexicon: Lexicon) -> _Words:
    """The compiled frame vocabulary of ``lexicon``."""
    return lexicon.compiled("frames.words", _build)


def _lemma(token) -> str:
    return token.lemma_.lower().strip("-") or token.lower_


def slot_of(lemma: str, lexicon: Lexicon | None = None) -> str | None:
    """The slot a lemma names, if ``slots.txt`` lists it.

    >>> slot_of("repatriate"), slot_of("perish"), slot_of("magnitude"), slot_of("stroll")
    ('deported', 'dead', 'magnitude', None)
    """
    return words(lexicon or Lexicon.default()).slots.get(lemma.lower())


@attrs.frozen
class _Marks:
    """Token indices of the words a frame looks for anywhere in its sentence, found once."""

    according: tuple[int, ...]  # "according" (to X)
    part: tuple[int, ...]  # "alone" as an adverb ("in two districts of Paktika alone")
    span: tuple[int, ...]  # the "far" of "so far", "thus far"; the "date" of "to date"
    hedged_heads: frozenset[int]  # tokens with a hedge word among their children
    modal_heads: frozenset[int]  # tokens with a hedge word as their aux or advmod ("could reach")
    other_heads: frozenset[int]  # tokens with "other"/"another" among their children


def _marks(parsed: ParsedSentence, w: _Words) -> _Marks:
    found = parsed.notes.get("frames.marks")
    if found is None:
        doc = parsed.doc
        found = parsed.notes["frames.marks"] = _Marks(
            according=tuple(t.i for t in doc if t.lower_ == "according"),
            part=tuple(t.i for t in doc if t.dep_ == "advmod" and _is(t, "part", w)),
            span=tuple(b.i for a, b in itertools.pairwise(doc)
                       if (a.lower_ in {"so", "thus"} and b.lower_ == "far") or (a.lower_, b.lower_) == ("to", "date")),
            hedged_heads=frozenset(t.head.i for t in doc if t.head.i != t.i and _is(t, "hedge", w)),
            modal_heads=frozenset(t.head.i for t in doc if t.head.i != t.i and t.dep_ in {"aux", "advmod"}
                                  and _is(t, "hedge", w)),
            other_heads=frozenset(t.head.i for t in doc if t.head.i != t.i and _is(t, "other", w)),
        )
    return found


def _tokens_in(parsed: ParsedSentence, span: tuple[int, int]):
    """The tokens whose words start inside the document offsets ``span``."""
    first, last = bisect.bisect_left(parsed.starts, span[0]), bisect.bisect_left(parsed.starts, span[1])
    return parsed.doc[first:last]


def _within(token, indices: tuple[int, ...]) -> bool:
    """Whether one of ``indices`` lies in ``token``'s subtree (its edges bound it)."""
    return any(token.left_edge.i <= k <= token.right_edge.i for k in indices)


def _is(token, role: str, w: _Words) -> bool:
    return _lemma(token) in w.roles.get(role, ()) or token.lower_ in w.roles.get(role, ())


# --- the counted thing --------------------------------------------------------------------------


def _of_object(token):
    """The object of an "of" phrase on ``token`` ("hundreds of people": people)."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def counted_noun(parsed: ParsedSentence, index: int):
    """The token naming what the figure at ``index`` counts, or ``None``."""
    figure = parsed.doc[index]
    head = figure.head
    if figure.dep_ in {"nummod", "quantmod", "amod", "compound", "nmod", "det"} and head.i != index and \
            head.pos_ in _NOMINAL | {"ADJ"}:
        return head
    found = _of_object(figure)
    if found is not None:
        return found
    return None


def _phrase_bounds(token, of: bool = False) -> tuple[int, int]:
    """Token range of a noun phrase without its clauses, appositions and trailing phrases
    (but for an "of" phrase when ``of`` is set: "the offices of the United Nations")."""
    left = token.i
    for child in token.lefts:
        if child.dep_ in _SPEAKER_CUT or child.dep_ == "nummod":
            continue
        left = min(left, child.left_edge.i)
    right = token.i
    for child in token.rights:
        if child.dep_ in {"compound", "flat"} or (of and child.dep_ == "prep" and child.lower_ == "of"):
            right = max(right, child.right_edge.i)
    return left, right


def _text(parsed: ParsedSentence, text: str, first: int, last: int) -> tuple[str, tuple[int, int]]:
    doc = parsed.doc
    while first <= last and (doc[first].lower_ in _DETERMINERS or doc[first].is_punct or
                             (doc[first].dep_ == "poss" and doc[first].pos_ == "PRON") or
                             doc[first].i in parsed.figures):
        first += 1
    while last >= first and doc[last].is_punct:
        last -= 1
    if last < first:
        return "", (parsed.starts[0], parsed.starts[0])
    span = parsed.offsets(first, last)
    return " ".join(text[span[0]:span[1]].split()), span


# --- the fact -----------------------------------------------------------------------------------


def _clause_word(token):
    """The first verb or adjective above ``token`` (``token`` itself if it is one)."""
    current = token
    for _ in range(12):
        nominal_adjective = current.pos_ == "ADJ" and current.dep_ in _NOMINAL_DEPS  # "seven French were"
        if current.pos_ in _CLAUSAL and current.dep_ not in {"amod", "compound"} and not nominal_adjective \
                and current.is_alpha:
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _nationality(token) -> bool:
    """A demonym complement ("41 were Ardanian", "12 Britons"): a group, never a fact."""
    return token.text[:1].isupper() and token.pos_ in {"ADJ", "PROPN", "NOUN"}


def _fronted_group(verb, figure, w: _Words):
    """ "Of the dead, ...", "Among the injured were ...": the phrase before the clause names its fact."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "among"} and child.i < verb.i and \
                not (child.left_edge.i <= figure.i <= child.right_edge.i):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            slot = _noun_slot(pobj, w) if pobj is not None else None
            if slot:
                return slot, pobj
    return None


def _word_slot(token, w: _Words, phrases: dict[int, str]) -> str:
    """The slot a word names: its event phrase's predicate, its row in ``slots.txt``, or its lemma."""
    predicate = phrases.get(token.i)
    if predicate and predicate != "*":
        return w.slots.get(predicate, predicate)
    return w.slots.get(_lemma(token)) or w.slots.get(token.lower_) or _lemma(token)


def _complement_slot(verb, skip: set[int], w: _Words, phrases: dict[int, str]):
    """The slot of a light verb's complement: "on board", "missing", "unaccounted for"."""
    for child in verb.children:
        if child.i in skip:
            continue
        if child.dep_ in _COMPLEMENTS and not _nationality(child):
            slot = _word_slot(child, w, phrases)
            if slot and (slot != _lemma(child) or child.pos_ in {"VERB", "ADJ"}) and not _light(child, w):
                return slot, child
        if child.dep_ == "prep":
            slot = _prep_slot(child, w)
            if slot:
                return slot, child
            if child.lower_ == "among" and child.i > verb.i:  # "two of the crew were among the survivors"
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                slot = _noun_slot(pobj, w) if pobj is not None else None
                if slot:
                    return slot, pobj
    return None, None


def _prep_slot(prep, w: _Words) -> str | None:
    """ "on board", "aboard", "on the flight": the people are aboard; "in diameter", "in height":
    what the figure measures."""
    if prep.lower_ == "aboard":
        return "aboard"
    if prep.lower_ == "in":
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        slot = w.slots.get(_lemma(pobj)) if pobj is not None else None
        if slot in w.measures:
            return slot
    if prep.lower_ in {"on", "onboard"}:
        for child in prep.children:
            if child.dep_ == "pobj" and (child.lower_ == "board" or _is(child, "vehicle", w)):
                return "aboard"
    return None


def _noun_slot(noun, w: _Words) -> str | None:
    """The slot a noun names ("survivors", "bodies", "death toll"), looking through "number of"."""
    if noun is None:
        return None
    if _is(noun, "count_noun", w):
        inner = _of_object(noun)
        if inner is not None:
            found = _noun_slot(inner, w)
            if found:
                return found
    slot = w.slots.get(_lemma(noun)) or w.slots.get(noun.lower_)
    if slot:
        return slot
    for child in noun.children:
        if child.dep_ in {"compound", "amod"}:
            slot = w.slots.get(_lemma(child))
            if slot:
                return slot
    return None


def _subject_of(verb):
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child
    return None


def fact_word(parsed: ParsedSentence, index: int, noun, w: _Words,
              phrases: dict[int, str] | None = None) -> tuple[str | None, object | None]:
    """The fact the figure at ``index`` states and the token that names it.

    ``phrases`` maps token indices to the predicate of an event phrase covering them
    (``events.txt``: "forced their way into" is *enter*).
    """
    figure = parsed.doc[index]
    start = noun if noun is not None and noun.i != index else figure
    measured = _measure_slot(parsed, index, w)
    if measured is not None:
        return measured
    described = next((c for c in figure.children if c.dep_ in {"amod", "acomp"} and c.i > index
                      and w.slots.get(_lemma(c)) in _PERSON_SLOTS), None)
    if described is not None:  # "about 2,000 to 2,500 dead"
        return w.slots[_lemma(described)], described
    fronted = next((t for t in start.ancestors if t.dep_ == "prep" and t.lower_ in {"of", "among"}
                    and t.head.pos_ in _CLAUSAL and t.i < t.head.i), None)
    if fronted is not None:  # "Of the 307 people (291 passengers and 16 crew) on board, two died"
        aboard = any(_prep_slot(t, w) == "aboard" or t.lower_ in {"aboard", "onboard"} for t in fronted.subtree)
        if aboard:
            return "aboard", fronted
        own = _noun_slot(start, w) if start.i != figure.i else None
        return (own, start) if own else (None, None)
    if start.head.lower_ == "with" and _role(start, None, w) == "aboard":
        return "aboard", start.head  # "a bus with 41 pilgrims aboard"
    if start.head.lower_ in {"including", "include"} and start.head.head.i != start.head.i:
        start = start.head.head  # "Nineteen people died, including three crew": the part shares the fact
        skip_part = True
    else:
        skip_part = False
    participle = next((c for c in start.children if c.dep_ in {"acl", "amod"} and c.pos_ == "VERB"
                       and c.tag_ == "VBN" and c.i > start.i), None)
    if participle is not None and start.i != figure.i:
        return _content_slot(participle, w, phrases or {}), participle  # "1,500 others injured"
    verb = _clause_word(start.head if start.i != figure.i or figure.dep_ == "conj" or skip_part else start)
    skip = {figure.i, start.i}
    while verb is not None:
        light = _light(verb, w)
        saying = _is(verb, "reporting", w) or _is(verb, "hedge", w)
        if saying or light:
            slot, word = _complement_slot(verb, skip, w, phrases or {})  # "were on board", "confirmed dead"
            if slot:
                return slot, word
            fronted = _fronted_group(verb, figure, w)  # "Of the 164 passengers, 41 were Ardanian"
            if fronted is not None:
                return fronted
        if not light and not saying:
            return _content_slot(verb, w, phrases or {}), verb
        if light:
            for candidate in (start if start.i != figure.i else None, _object_of(verb, skip), _subject_of(verb)):
                if (candidate is not None and candidate.i not in skip | {figure.i}) or candidate is start:
                    slot = _noun_slot(candidate, w) if candidate is not None else None
                    if slot:
                        return slot, candidate
            if _role(start, verb, w) == "aboard":
                return "aboard", start  # "there were 31 Italians on the flight"
        if verb.dep_ in {"xcomp", "ccomp", "conj"} and verb.head.i != verb.i and not saying:
            verb = _clause_word(verb.head)
            continue
        break
    own = _noun_slot(start, w) if start.i != figure.i else None
    if own:
        return own, start
    return None, None


def _content_slot(verb, w: _Words, phrases: dict[int, str]) -> str:
    """The slot of a content verb: its event phrase's predicate, "take part", or its lemma."""
    predicate = phrases.get(verb.i)
    if predicate and predicate != "*":
        return w.slots.get(predicate, predicate)
    lemma = _lemma(verb)
    for child in verb.children:
        if child.dep_ in {"dobj", "prt"}:
            slot = w.slots.get(f"{lemma}_{_lemma(child)}")
            if slot:
                return slot
        event = w.event_nouns.get(_lemma(child)) if child.dep_ in {"dobj", "pobj", "prep"} else None
        if event:  # "joined a rally", "took part in the march"
            return w.slots.get(event, event)
        if child.dep_ == "prep":
            inner = next((c for c in child.children if c.dep_ == "pobj"), None)
            event = w.event_nouns.get(_lemma(inner)) if inner is not None else None
            if event and lemma in {"take", "join"}:
                return w.slots.get(event, event)
    return w.slots.get(lemma) or w.slots.get(verb.lower_) or lemma


def _object_of(verb, skip: set[int]):
    for child in verb.children:
        if child.dep_ == "dobj" and child.i not in skip:
            return child
    return None


_THING_SLOTS = frozenset({"dead", "injured"})
_PERSON_SLOTS = frozenset({"dead", "injured", "missing", "rescued", "detained", "displaced", "deported"})
_THING_NOUNS = frozenset({"body", "death", "fatality", "injury", "corpse", "casualty"})
_DIRECTIONS = frozenset(
    "north south east west northeast northwest southeast southwest ne nw se sw n s e w nne nnw ene ese "
    "sse ssw wnw wsw northern southern eastern western".split())


def _place_after(doc, index: int):
    """The "from"/"of" after a length and its direction: "140 miles from", "69 km north of",
    "70 km to the east of"."""
    k = index + 1
    while k < len(doc) and k - index <= 4 and (doc[k].lower_ in _DIRECTIONS or doc[k].lower_ in {"to", "the"}):
        k += 1
    if k < len(doc) and (doc[k].lower_ == "from" or (doc[k].lower_ == "of" and k > index + 1)):
        return doc[k]
    return None


def _measure_slot(parsed: ParsedSentence, index: int, w: _Words):
    """Measures name what they measure: "a magnitude 7.2 quake", "a depth of 12km", "8km deep",
    "140 miles from the capital", "69 km north of Awaran"."""
    figure = parsed.doc[index]
    if index > 0 and parsed.doc[index - 1].text == "M" and _is(parsed.doc[index - 1], "magnitude_mark", w):
        return "magnitude", parsed.doc[index - 1]  # "M 7.7", "the M7.1 earthquake"
    if figure.dep_ == "pobj" and figure.head.lower_ == "of" and figure.head.head.i != figure.head.i:
        governor = figure.head.head
        slot = _noun_slot(governor, w)
        if slot in w.measures or (slot in _THING_SLOTS and _lemma(governor) in _THING_NOUNS):
            return slot, governor  # "a depth of 12km", "the bodies of 39 people"
    of = _of_object(figure)
    if of is not None:
        slot = _noun_slot(of, w)
        if slot and (slot in _PERSON_SLOTS or parsed.figures[index].kind in {"percent", "fraction"}):
            return slot, of  # "eleven of the injured", "54.2% of the vote"
    for other in parsed.doc[max(0, index - 2): index + 3]:  # a word beside the figure, in its tree
        slot = w.slots.get(_lemma(other))
        if other.i == index or slot not in w.measures or not (
                other.head.i in {figure.head.i, index} or other.i == figure.head.i):
            continue
        if other.i < index and other.pos_ != "NOUN" and not other.text.endswith("-"):
            continue  # "as high as 10,000" is a bound, not a height
        return slot, other
    for child in figure.children:  # "was 400 kilometres in diameter"
        if child.dep_ == "prep" and child.lower_ == "in" and (slot := _prep_slot(child, w)) in w.measures:
            return slot, child
    if parsed.figures[index].kind == "measure":
        place = _place_after(parsed.doc, index)
        if place is not None:
            return "distance", place
        clause = figure.head.head if figure.dep_ == "pobj" else figure.head
        if _is(clause, "ascend", w) and dimension_of(parsed.figures[index].unit) == dimension_of("m"):
            return "height", clause  # "the plume rose to 58 kilometers"
    return None


def phrases_of(token) -> dict[int, str]:
    """The event phrases of ``token``'s sentence, as :func:`frame_of` was given them."""
    return token.doc.user_data.get("claimcheck.phrases", {})


def _figures_of(token) -> frozenset[int]:
    return token.doc.user_data.get("claimcheck.figures", frozenset())


def _light(verb, w: _Words) -> bool:
    """A light verb hands the fact to its complement; one that names a slot too ("leave") is
    light only with a complement ("leaving 150 unaccounted for", not "left China")."""
    if not _is(verb, "light", w):
        return False
    subject = _subject_of(verb)
    figure_is_subject = subject is not None and any(t.i in _figures_of(verb) for t in subject.subtree)
    if verb.i in phrases_of(verb) and not _has_complement(verb) and figure_is_subject:
        return False  # "19 asylum seekers reached the island", not "the toll reached 61": an event phrase
    return _lemma(verb) not in w.slots or _has_complement(verb)


def _has_complement(verb) -> bool:
    return any(child.dep_ in _COMPLEMENTS for child in verb.children)


def _figure_under_subject(verb, token) -> bool:
    """Whether ``token`` lies in the subject of ``verb`` ("300 were feared dead, officials estimated")."""
    subject = _subject_of(verb)
    return subject is not None and subject.left_edge.i <= token.i <= subject.right_edge.i


# --- the source ---------------------------------------------------------------------------------


def _ancestors_and_self(token) -> Iterator:
    yield token
    yield from token.ancestors


_SUBORDINATORS = frozenset({"when", "after", "before", "because", "while", "since", "until"})
_SPEAKER_HOPS = 3  # clause words from the figure up to its reporting verb, that verb included


def speaker(parsed: ParsedSentence, text: str, index: int, w: _Words):
    """``(source text, offsets, is a pronoun)`` of who gives the figure at ``index``, or ``None``.

    The reporting verb must govern the figure's clause closely: "China says it is trying to
    negotiate a crisis sparked when two dozen burst into an embassy" gives China no figure.
    """
    figure = parsed.doc[index]
    hops = 0
    for node in _ancestors_and_self(figure):
        for child in node.children:
            if child.lower_ == "according":
                found = _according_to(parsed, text, child)
                if found:
                    return found
        if node.pos_ in _CLAUSAL and node.i != index:
            hops += 1
            if hops > _SPEAKER_HOPS:
                return None
        if _is(node, "reporting", w) and node.i != index:
            subject = _subject_of(node)
            if subject is not None and not (subject.left_edge.i <= index <= subject.right_edge.i):
                found = _speaker_phrase(parsed, text, subject)
                if found:
                    return found
        if node.dep_ == "advcl" and any(c.lower_ in _SUBORDINATORS for c in node.children):
            return None  # "... a crisis sparked when two dozen burst in": background, not what was said
    for k in _marks(parsed, w).according:  # "..., according to X" hung elsewhere still names its source
        token = parsed.doc[k]
        if not (token.left_edge.i <= index <= token.right_edge.i):
            return _according_to(parsed, text, token)
    return None


def _according_to(parsed: ParsedSentence, text: str, according):
    for child in according.subtree:
        if child.dep_ == "pobj":
            return _speaker_phrase(parsed, text, child)
    return None


def _speaker_phrase(parsed: ParsedSentence, text: str, head):
    """The speaker's words: the noun phrase, or Y of "X, a spokesman for Y"."""
    for child in head.children:
        if child.dep_ == "appos":
            for grandchild in child.children:
                if grandchild.dep_ == "prep" and grandchild.lower_ in {"for", "of", "at", "with"}:
                    for pobj in grandchild.children:
                        if pobj.dep_ == "pobj":
                            return _speaker_phrase(parsed, text, pobj)
    if head.pos_ not in _NOMINAL | {"PRON"}:
        return None  # "with many fearing the toll could top 10,000": no one is named
    first, last = _phrase_bounds(head)
    if any(k in parsed.figures for k in range(first, last + 1)):
        return None
    for k in range(first, last + 1):  # "<script>evil()</script> organisers": the words after the junk
        if parsed.doc[k].is_punct or parsed.doc[k].pos_ in {"SYM", "X"}:
            first = k + 1
    words, span = _text(parsed, text, first, last)
    if not words or not any(ch.isalpha() for ch in words):
        return None
    return words, span, first == last and parsed.doc[first].pos_ == "PRON"


# --- markers ------------------------------------------------------------------------------------


def _year_of(parsed: ParsedSentence, token) -> str | None:
    quantity = parsed.figures.get(token.i)
    if quantity is not None and quantity.kind in {"year", "date"} and quantity.iso:
        return quantity.iso[:4] if quantity.iso[:4].isdigit() else None
    return None


def _occurrence(parsed: ParsedSentence, fact, noun, story_year: str | None, w: _Words) -> tuple[str, set[str]]:
    """The occurrence and its markers, found once per fact and noun of a sentence (many figures of
    one list share them)."""
    key = ("frames.occurrence", fact.i if fact is not None else None, noun.i if noun is not None else None)
    if key not in parsed.notes:
        parsed.notes[key] = _find_occurrence(parsed, fact, noun, story_year, w)
    occurrence, markers = parsed.notes[key]
    return occurrence, set(markers)


def _find_occurrence(parsed: ParsedSentence, fact, noun, story_year: str | None, w: _Words) -> tuple[str, set[str]]:
    markers: set[str] = set()
    anchor = fact if fact is not None else noun
    if anchor is None:
        return "", markers
    for node in [anchor, *itertools.islice(anchor.ancestors, 3)]:
        year = _year_of(parsed, node)
        if year and year != story_year:
            return year, markers  # "since 1996, when 230 people died"
        if node is not anchor and anchor.dep_ == "relcl":
            for child in node.children:  # "an M6.1 event, which killed 6, occurred ... in July of 1990"
                if child.dep_ == "prep":
                    for inner in child.subtree:
                        year = _year_of(parsed, inner)
                        if year and story_year and year < story_year:
                            return year, markers
    for node in (anchor, _subject_of(anchor) if anchor.pos_ in _CLAUSAL else None, noun):
        if node is None:
            continue
        for child in node.subtree if node is not anchor else node.children:
            if child.dep_ in {"nummod", "compound", "amod", "npadvmod", "pobj", "poss"}:
                year = _year_of(parsed, child)
                if year and year != story_year and child.head.lower_ not in {"since"}:
                    return year, markers  # "a 1999 quake killed 2,400", "killed 40 in 1999"
    if _within(anchor, _marks(parsed, w).span):
        return "span", markers  # "so far this year", "to date"
    for child in anchor.children:
        lower = child.lower_
        if child.dep_ == "prep" and lower == "since":
            return "span", markers
        if child.dep_ == "prep" and lower in {"in", "over", "during"}:
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None and any(c.lower_ in {"past", "last"} for c in pobj.children):
                return "span", markers
        if _is(child, "earlier", w) and child.dep_ == "advmod":
            markers.add("earlier")
    return "", markers


def _part(parsed: ParsedSentence, index: int, noun) -> set[str]:
    figure = parsed.doc[index]
    out: set[str] = set()
    of = _of_object(figure)
    if parsed.figures[index].kind in {"percent", "fraction"}:
        of = None  # "97 percent of the voters": the whole of a share, not a part
    if of is not None and (of.lower_ in _ANAPHORS or any(c.lower_ in {"the", "those", "these"}
                                                        for c in of.children)):
        out.add("part")
    if figure.head.lower_ in {"including", "include"} or (noun is not None and noun.head.lower_ == "including"):
        out.add("part")
    return out


def _negated(fact, figure, w: _Words) -> bool:
    for node in (fact, figure):
        if node is None:
            continue
        if any(child.dep_ == "neg" for child in node.children):
            return True
        if any(_is(anc, "deny", w) for anc in node.ancestors):
            return True
    return False


def _hedged(parsed: ParsedSentence, fact, figure, w: _Words) -> bool:
    """An estimate or a projection: a hedge word on the fact or the figure, above them ("feared
    dead", "officials estimate"), or as a modal or adverb of a clause above ("the toll could
    reach 10,000", "will probably be about 2,000")."""
    marks = _marks(parsed, w)
    for node in (fact, figure):
        if node is None:
            continue
        if node.i in marks.hedged_heads:
            return True
        hops = 0
        for above in _ancestors_and_self(node):
            if _is(above, "hedge", w) or above.i in marks.modal_heads:
                return True
            hops += above.pos_ in _CLAUSAL
            if hops > _SPEAKER_HOPS:
                break  # a hedge further up belongs to another clause's figure
    return False


def _degree(fact, figure, w: _Words) -> str | None:
    """ "13 were critically injured", "22 seriously": the graver part of a fact is a role of its own."""
    for node in (fact, figure):
        if node is not None and any(_is(c, "degree", w) and c.dep_ in {"advmod", "amod"} and c.i in
                                    {node.i - 1, figure.i + 1} for c in node.children):
            return "degree"  # the adverb beside the fact or the figure: not "37 were injured, 22 seriously"
    return None


def _role(noun, fact_token, w: _Words) -> str | None:
    """ "all 90 on board were killed": the dead counted among those aboard."""
    if noun is None:
        return None
    for child in noun.children:
        if child.dep_ == "prep" and _prep_slot(child, w) == "aboard":
            return "aboard"
        if child.dep_ in {"advmod", "amod"} and child.lower_ in {"aboard", "onboard"}:
            return "aboard"
    return None


_TIME_NOUNS = frozenset("night morning evening afternoon day week month year weekend hour time dawn".split())
_PLACE_PREPOSITIONS = frozenset({"into", "in", "at", "to", "from", "inside", "near", "off", "on", "onto", "outside"})


def _object(parsed: ParsedSentence, text: str, fact, skip, phrases: dict[int, str], w: _Words):
    """The place or object of the fact: "into the Spanish embassy", "left China", "took refuge in
    the offices of ..." (the first object after the event phrase, outside the counted phrase)."""
    if fact is None or fact.pos_ not in _CLAUSAL:
        return None
    end = fact.i
    while end + 1 in phrases:
        end += 1
    for token in fact.subtree:
        if token.i <= end or token.dep_ not in {"pobj", "dobj"} or token.i in parsed.figures or token.i in phrases:
            continue  # "seeking refuge in": the phrase's own noun is no place
        if skip.left_edge.i <= token.i <= skip.right_edge.i or token.left_edge.i <= skip.i <= token.right_edge.i:
            continue
        if token.dep_ == "pobj" and token.head.lower_ not in _PLACE_PREPOSITIONS:
            continue
        if _lemma(token) in _TIME_NOUNS or token.lower_ in w.calendar:
            continue
        first, last = _phrase_bounds(token, of=True)
        words, span = _text(parsed, text, first, last)
        if words:
            return words, span
    return None


def _counted(parsed: ParsedSentence, text: str, index: int, noun, slot: str | None, fact, w: _Words):
    """The counted or measured thing's words and offsets; a distance counts from its place."""
    if slot == "distance" and fact is not None and fact.pos_ == "ADP":
        place = next((c for c in fact.children if c.dep_ == "pobj"), None)
        if place is not None:
            first, last = _phrase_bounds(place)
            return _text(parsed, text, first, last)
    floor = 0
    if noun is not None and noun.text == "M" and _is(noun, "magnitude_mark", w):
        noun = noun.head if noun.head.i != noun.i and noun.head.pos_ in _NOMINAL else None  # "M 7.1 earthquake"
        floor = index + 1
    if noun is not None and w.slots.get(_lemma(noun)) in w.measures and noun.head.i != noun.i:
        floor, noun = noun.i + 1, noun.head  # "a 7.2-magnitude quake": the quake is measured
    if slot in w.measures and parsed.figures[index].kind != "money" and (noun is None or noun.pos_ not in _NOMINAL):
        clause = _clause_word(fact) if fact is not None else None
        noun = _subject_of(clause) if clause is not None else None
    if noun is None and fact is not None:
        clause = _clause_word(parsed.doc[index])
        noun = next((c for c in clause.children if c.dep_ in _COMPLEMENTS and _nationality(c)), None) \
            if clause is not None and _light(clause, w) else None  # "30 were Chilean"
    if noun is None or noun.pos_ == "PRON":
        return None, None
    first, last = _phrase_bounds(noun)
    first = max(first, floor)
    if first <= index <= last:
        first = index + 1
    words, span = _text(parsed, text, first, last)
    return (words, span) if words else (None, None)


def _clause_chain(token) -> list:
    """``token``'s verb and the verbs above it up to the sentence's root."""
    verb = _clause_word(token) if token is not None else None
    chain = []
    while verb is not None and len(chain) < 6:
        chain.append(verb)
        if verb.head.i == verb.i:
            break
        verb = _clause_word(verb.head)
    return chain


def frame_of(parsed: ParsedSentence, text: str, quantity: Quantity, *, story_year: str | None = None,
             lexicon: Lexicon | None = None, phrases: dict[int, str] | None = None) -> Frame:
    """The frame of ``quantity`` (a figure of ``parsed``) in ``text``, the document's text."""
    w = words(lexicon or Lexicon.default())
    index = parsed.token_of(quantity)
    if index is None:
        return Frame(None, None, None, None, None, None, None, False, False, "", ())
    figure = parsed.doc[index]
    parsed.doc.user_data["claimcheck.phrases"] = phrases or {}
    parsed.doc.user_data["claimcheck.figures"] = frozenset(parsed.figures)
    noun = counted_noun(parsed, index)
    slot, fact = fact_word(parsed, index, noun, w, phrases)
    counted, counted_span = _counted(parsed, text, index, noun, slot, fact, w)
    source = speaker(parsed, text, index, w)
    measured = noun.head if noun is not None and noun.text == "M" and noun.head.i != noun.i else noun
    occurrence, markers = _occurrence(parsed, fact, measured, story_year, w)
    for verb in _clause_chain(fact if fact is not None else figure):
        if any(_is(child, "earlier", w) and child.dep_ == "advmod" for child in verb.children):
            markers.add("earlier")
    markers |= _part(parsed, index, noun)
    if fact is not None and _within(fact, _marks(parsed, w).part):
        markers.add("part")  # "... in two districts of Paktika alone"
    if noun is not None and noun.lower_ in _ANAPHORS:
        markers.add("of_them")
    after = parsed.doc[index + 1] if index + 1 < len(parsed.doc) else None
    if after is not None and _is(after, "additional", w) and after.dep_ in {"amod", "advmod"} and (
            after.head.i == index or (noun is not None and after.head.i == noun.i)):
        markers.add("additional")  # "two more opposition members"
    for holder in (noun, *(noun.ancestors if noun is not None else figure.ancestors)):
        if holder is not None and holder.lower_ == "of":
            continue  # "another group of about 21"
        if holder is None or holder.pos_ not in _NOMINAL:
            break
        if holder.i in _marks(parsed, w).other_heads:
            markers.add("other")  # "another group of about 21 asylum seekers"
    obj = _object(parsed, text, fact, noun if noun is not None else figure, phrases or {}, w)
    if obj is not None and any(_is(t, "other", w) and t.dep_ == "amod" for t in _tokens_in(parsed, obj[1])):
        markers.add("other")  # "... have sought refuge in other foreign embassies"
    return Frame(
        slot=slot,
        slot_span=parsed.offsets(fact.i, fact.i) if fact is not None else None,
        counted=counted,
        counted_span=counted_span,
        role="from" if slot == "distance" and counted else _degree(fact, figure, w) or _role(noun, fact, w),
        source=source[0] if source else None,
        source_span=source[1] if source else None,
        source_pronoun=bool(source) and source[2],
        negated=_negated(fact, figure, w),
        hedged=_hedged(parsed, fact, figure, w),
        occurrence=occurrence,
        markers=tuple(sorted(markers)),
        object=obj[0] if obj else None,
        object_span=obj[1] if obj else None,
    )
