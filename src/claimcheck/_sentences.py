"""Sentences: where they start and end in a document's text, outside its site furniture.

A blank line always ends a sentence. A single line break ends one too, unless the line reads
as a hard-wrapped piece of a paragraph (no closing punctuation, and the next line goes on in
lower case or the line is long). Inside a line, ``.``, ``!`` or ``?`` (with closing quotes)
before a capital, digit or quote ends a sentence, except after an abbreviation
(``data/abbreviations.txt``) or an initial ("N. Korean"). Linear in the length of the text.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ._lexicon import Lexicon
from ._records import Document

__all__ = ["document_sentences", "split_sentences"]

_LINE = re.compile(r"[^\n]*\n?")
# Possessive runs that start only at the first mark of a run: linear even on "......".
_END = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s++[\"'“‘(\[]?[A-Z0-9])")
_NEXT_WORD = re.compile(r"\s*+[\"'“‘(\[]?([A-Za-z]+)")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ":", ")")
_WRAP_LENGTH = 40
_WRAPPED_WIDTH = 100
# No sentence is longer than this: a run-on "sentence" of a megabyte (a page with no full stops)
# is cut at clause or word boundaries, so that per-sentence work downstream stays bounded and
# the whole pipeline linear. News sentences are far shorter (the seeds' longest: ~300 chars).
MAX_SENTENCE = 1500
_BREAKS = ("; ", ", ", " ")


def _abbreviations(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(row["word"] for row in lexicon.table("abbreviations"))


def _closing(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    """Abbreviations that may close a sentence, and the words that then start the next one."""
    return (frozenset(row["word"] for row in lexicon.table("abbreviations") if row.get("ends") == "yes"),
            frozenset(row["word"] for row in lexicon.table("sentence_starters")))


def _ends_with_abbreviation(line: str, abbreviations: frozenset[str]) -> bool:
    match = _WORD_BEFORE.search(line, max(0, len(line) - 20))
    word = match.group(1) if match and line.endswith(".") else ""
    core = word[:-1]
    return bool(core) and (core in abbreviations or core.rstrip(".") in abbreviations
                           or (len(core) == 1 and core.isupper()))


def _segments(text: str, start: int, end: int, abbreviations: frozenset[str]) -> list[tuple[int, int]]:
    """Stretches of text between sentence-ending line breaks.

    Text counts as hard-wrapped when no line is longer than ``_WRAPPED_WIDTH``; only then does a
    long line without closing punctuation run on into a next line that starts with a capital.
    """
    if text.find("\n", start, end) < 0:
        return [(start, end)] if text[start:end].strip() else []  # one line: one segment
    lines = []
    for match in _LINE.finditer(text, start, end):
        if match.start() == match.end():
            break
        content = match.group().rstrip("\r\n")
        lines.append((match.start(), match.start() + len(content), content))
    width = max((len(content.rstrip()) for _, _, content in lines), default=0)
    long_line = max(_WRAP_LENGTH, int(width * 0.7)) if width <= _WRAPPED_WIDTH else None
    segments: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for k, (s, e, content) in enumerate(lines):
        if not content.strip():
            if current:
                segments.append(current)
            current = None
            continue
        current = (current[0], e) if current else (s, e)
        following = lines[k + 1][2].lstrip() if k + 1 < len(lines) else ""
        stripped = content.rstrip()
        runs_on = following[:1].islower() or (long_line is not None and len(stripped) >= long_line)
        wrapped = bool(following) and (
            (runs_on and not stripped.endswith(_TERMINAL))
            or ((runs_on or following[:1].isdigit()) and _ends_with_abbreviation(stripped, abbreviations)))
        if not wrapped:
            segments.append(current)
            current = None
    if current:
        segments.append(current)
    return segments


def _trimmed(text: str, s: int, e: int) -> tuple[int, int] | None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return (s, e) if e > s else None


def _paragraphs_around(text: str, start: int, end: int, touching: Sequence[int]) -> list[tuple[int, int]]:
    """The blank-line-delimited paragraphs of ``text[start:end]`` that hold an offset of ``touching``."""
    ranges: list[tuple[int, int]] = []
    k = bisect.bisect_left(touching, start)
    while k < len(touching) and touching[k] < end:
        position = touching[k]
        before = text.rfind("\n\n", start, position)
        after = text.find("\n\n", position, end)
        para = (start if before < 0 else before + 2, end if after < 0 else after)
        ranges.append(para)
        k = bisect.bisect_left(touching, para[1], k + 1)
    return ranges


def split_sentences(text: str, start: int = 0, end: int | None = None, *,
                    lexicon: Lexicon | None = None, touching: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text[start:end]``, trimmed of white space.

    With ``touching`` (sorted offsets), only the line-structure segments that hold one of
    those offsets are split: what a caller needs when it only wants the sentences of figures.

    >>> text = 'Ms. Kang says 15 N. Koreans left. "They have all left," she said.\\nSee also'
    >>> [text[s:e] for s, e in split_sentences(text)]
    ['Ms. Kang says 15 N. Koreans left.', '"They have all left," she said.', 'See also']
    """
    end = len(text) if end is None else end
    lexicon = lexicon or Lexicon.default()
    abbreviations = lexicon.compiled("sentences.abbreviations", _abbreviations)
    closing, starters = lexicon.compiled("sentences.closing", _closing)
    if touching is not None:
        spans = []
        for para_start, para_end in _paragraphs_around(text, start, end, touching):
            spans.extend(split_sentences(text, para_start, para_end, lexicon=lexicon))
        return spans
    spans: list[tuple[int, int]] = []
    for seg_start, seg_end in _segments(text, start, end, abbreviations):
        begin = seg_start
        for match in _END.finditer(text, seg_start, seg_end):
            before = _WORD_BEFORE.search(text, max(begin, match.start() - 20), match.start())
            word = before.group(1) if before else ""
            core = word.rstrip(".")
            if match.group().startswith(".") and (
                    word in abbreviations or core in abbreviations or (len(word) == 1 and word.isupper())):
                following = _NEXT_WORD.match(text, match.end(), seg_end)
                if not (core in closing and following and following.group(1) in starters):
                    continue
            _append(spans, text, begin, match.end())
            begin = match.end()
        _append(spans, text, begin, seg_end)
    return spans


def _append(spans: list[tuple[int, int]], text: str, s: int, e: int) -> None:
    """Append the trimmed span ``[s, e)``, cut into pieces of at most ``MAX_SENTENCE``."""
    while e - s > MAX_SENTENCE:
        limit = s + MAX_SENTENCE
        cut = -1
        for mark in _BREAKS:
            cut = text.rfind(mark, s + MAX_SENTENCE // 2, limit)
            if cut >= 0:
                cut += len(mark)
                break
        cut = cut if cut > s else limit
        span = _trimmed(text, s, cut)
        if span:
            spans.append(span)
        s = cut
    span = _trimmed(text, s, e)
    if span:
        spans.append(span)


def document_sentences(document: Document, lexicon: Lexicon | None = None,
                       touching: Sequence[int] | None = None) -> list[tuple[int, int]]:
    """The sentences of a document's text outside its site furniture, in order (only those
    around the sorted offsets ``touching``, when given).

    >>> from claimcheck._documents import make_document
    >>> doc = make_document("Home | World | Sport\\nQuake hits city\\n\\nTen died. Dr. Lee said so.\\n")
    >>> [doc.text[s:e] for s, e in document_sentences(doc)]
    ['Quake hits city', 'Ten died.', 'Dr. Lee said so.']
    """
    text = document.text
    gaps: list[tuple[int, int]] = []
    position = 0
    for span in sorted(document.furniture, key=lambda s: s.start):
        if span.start > position:
            gaps.append((position, span.start))
        position = max(position, span.end)
    gaps.append((position, len(text)))
    spans: list[tuple[int, int]] = []
    for start, end in gaps:
        if touching is None or _holds(touching, start, end):
            spans.extend(split_sentences(text, start, end, lexicon=lexicon, touching=touching))
    return spans


def _holds(offsets: Sequence[int], start: int, end: int) -> bool:
    """Whether one of the sorted ``offsets`` lies in ``[start, end)``."""
    k = bisect.bisect_left(offsets, start)
    return k < len(offsets) and offsets[k] < end
