"""Matching lexicon phrases over a sentence's words, in time linear in the number of words.

Phrases are lower-case words separated by spaces. ``word+`` also matches the word's regular
inflections and ``~`` matches a gap of one to four words (see ``data/events.txt``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

__all__ = ["PhraseMatcher", "inflections"]

GAP = "~"
MAX_GAP = 4


def inflections(word: str) -> tuple[str, ...]:
    """The regular forms of a verb: base, -s, -ed, -ing.

    >>> inflections("enter"), inflections("repatriate")
    (('enter', 'enters', 'entered', 'entering'), ('repatriate', 'repatriates', 'repatriated', 'repatriating'))
    """
    if word.endswith("e"):
        return (word, word + "s", word + "d", word[:-1] + "ing")
    return (word, word + "s", word + "ed", word + "ing")


def _expand(phrase: str) -> list[tuple[str, ...]]:
    variants: list[tuple[str, ...]] = [()]
    for word in phrase.split():
        forms = inflections(word[:-1]) if word.endswith("+") else (word,)
        variants = [(*v, form) for v in variants for form in forms]
    return variants


class PhraseMatcher:
    """Finds lexicon phrases in a list of lower-case words; longest match wins at each start.

    >>> m = PhraseMatcher([("pushed past ~ into", "enter"), ("left", "leave")])
    >>> m.find("they pushed past chinese guards and into the embassy".split())
    [(1, 7, 'enter')]
    """

    def __init__(self, entries: Iterable[tuple[str, str]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, value in entries:
            for words in _expand(phrase):
                if words and words[0] != GAP:
                    self._by_first.setdefault(words[0], []).append((words, value))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

    def match_at(self, words: Sequence[str], i: int) -> tuple[int, str] | None:
        """The end index and value of the longest phrase starting at word ``i``, if any."""
        best: tuple[int, str] | None = None
        for pattern, value in self._by_first.get(words[i], ()):
            end = _match(pattern, words, i)
            if end is not None and (best is None or end > best[0]):
                best = (end, value)
        return best

    @property
    def first_words(self) -> frozenset[str]:
        """The words a phrase can start with."""
        return frozenset(self._by_first)

    def find(self, words: Sequence[str], at: Iterable[int] | None = None) -> list[tuple[int, int, str]]:
        """Non-overlapping matches ``(start, end, value)``, left to right.

        ``at`` (ascending word indices) limits the starts tried, for a caller that has found
        the words that can start a phrase (see :attr:`first_words`) for several matchers at once.
        """
        found: list[tuple[int, int, str]] = []
        first = self._by_first
        end = 0
        if at is None:
            at = [k for k, word in enumerate(words) if word in first]  # few words start a phrase
        for i in at:
            if i < end or words[i] not in first:
                continue
            hit = self.match_at(words, i)
            if hit is not None:
                found.append((i, hit[0], hit[1]))
                end = hit[0]
        return found


def _match(pattern: tuple[str, ...], words: Sequence[str], i: int) -> int | None:
    """End index of ``pattern`` matched at ``i`` (gaps take as few words as they can)."""
    position = i
    for k, token in enumerate(pattern):
        if token != GAP:
            if position >= len(words) or words[position] != token:
                return None
            position += 1
            continue
        following = pattern[k + 1] if k + 1 < len(pattern) else None
        for skip in range(1, MAX_GAP + 1):
            if following is None or (position + skip < len(words) and words[position + skip] == following):
                position += skip
                break
        else:
            return None
    return position
