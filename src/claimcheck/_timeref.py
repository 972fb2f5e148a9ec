"""When a claim happened: time expressions in a sentence, resolved against the document's date.

Dates and years come from the quantity engine (``kind`` ``date``/``year`` with ``iso``); this
module adds the relative expressions news writes ("last June", "Thursday", "this year",
"earlier this month", "yesterday") and resolves them against the publication date. Results
are ISO dates or partial dates: ``2002-03-14``, ``2001-06``, ``2001``, or ``--10-09`` when
the text gives a day and month but nothing fixes the year.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from itertools import accumulate

from ._lexicon import Lexicon
from ._records import Quantity

__all__ = [
    "month_number", "nearest_time", "parse_iso_date", "resolve_when", "time_mentions", "time_words",
    "times_compatible",
]

_WORD = re.compile(r"([A-Za-z]+)")  # one group: re.split keeps the words
_MONTH_DAY = re.compile(r"--(\d{2})-(\d{2})")


@functools.lru_cache(maxsize=4096)  # every sentence of an article asks for the same date
def parse_iso_date(value: str | None) -> dt.date | None:
    """The full date in an ISO string such as ``2002-03-14`` (``None`` if it is partial)."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def month_number(word: str, lexicon: Lexicon | None = None) -> int | None:
    """The month a name or abbreviation stands for ("June", "Sept.") or ``None``.

    >>> month_number("Sept."), month_number("Thursday")
    (9, None)
    """
    entry = (lexicon or Lexicon.default()).compiled("timeref.calendar", _calendar).get(word.lower().rstrip("."))
    return entry[1] if entry and entry[0] == "month" else None


def _calendar(lexicon: Lexicon) -> dict[str, tuple[str, int]]:
    table = {}
    for row in lexicon.table("calendar"):
        table[row["word"].lower().rstrip(".")] = (row["type"], int(row["number"]))
    return table


def _month_back(published: dt.date, month: int, strictly: bool) -> str:
    year = published.year if (month < published.month or (month == published.month and not strictly)) else (
        published.year - 1
    )
    return f"{year:04d}-{month:02d}"


def _weekday_back(published: dt.date, weekday: int, strictly: bool) -> str:
    days = (published.weekday() - weekday) % 7
    if days == 0 and strictly:
        days = 7
    return (published - dt.timedelta(days=days)).isoformat()


def _relative(words: Sequence[tuple[str, int]], i: int, published: dt.date | None,
              calendar: dict[str, tuple[str, int]]) -> str | None:
    """The time that the expression ending at word ``i`` names, if it names one."""
    word = words[i][0]
    lower = word.lower()
    before = words[i - 1][0].lower() if i > 0 else ""
    if published is None:
        return None
    if lower == "year" and before in {"this", "last", "next"}:
        return f"{published.year + {'this': 0, 'last': -1, 'next': 1}[before]:04d}"
    if lower == "month" and before in {"this", "last"}:
        first = published.replace(day=1)
        if before == "last":
            first = (first - dt.timedelta(days=1)).replace(day=1)
        return f"{first.year:04d}-{first.month:02d}"
    if lower in {"today", "tonight"}:
        return published.isoformat()
    if lower == "yesterday":
        return (published - dt.timedelta(days=1)).isoformat()
    entry = calendar.get(lower)
    if entry is None or not word[0].isupper():
        return None
    kind, number = entry
    if kind == "weekday" and len(lower) > 3:
        return _weekday_back(published, number, strictly=before == "last")
    if kind == "month" and len(lower) > 3 and lower != "may":
        return _month_back(published, number, strictly=before == "last")
    return None


def _explicit(quantity: Quantity, published: dt.date | None) -> str | None:
    iso = quantity.iso
    if not iso:
        return None
    if iso.startswith("--") and published is not None:
        match = _MONTH_DAY.fullmatch(iso)
        if match:
            month, day = int(match.group(1)), int(match.group(2))
            year = published.year
            try:
                if dt.date(year, month, day) > published + dt.timedelta(days=2):
                    year -= 1
                return dt.date(year, month, day).isoformat()
            except ValueError:
                return iso
    return iso


_SAYING = frozenset("said says told announced reported added confirmed stated claimed".split())


def _when_said(words: Sequence[tuple[str, int]], i: int) -> bool:
    """Whether the time word at ``i`` dates the saying ("said on Friday"), not the event."""
    k = i - 1
    while k >= 0 and words[k][0].lower() in {"on", "late", "early", "last"}:
        k -= 1
    return k >= 0 and k < i - 0 and words[k][0].lower() in _SAYING


def resolve_when(
    sentence: str,
    offset: int,
    quantities: Iterable[Quantity],
    published: str | None,
    anchor: int,
    lexicon: Lexicon | None = None,
) -> str | None:
    """The time a sentence gives for the event nearest ``anchor`` (a document offset).

    ``sentence`` starts at document offset ``offset``; ``quantities`` are the figures the
    engine found in it (dates and years are used). Relative expressions resolve against
    ``published`` (ISO); without it they give ``None``.

    >>> resolve_when("Last June, a family of seven took refuge.", 0, [], "2002-03-14", 20)
    '2001-06'
    >>> resolve_when("Two dozen burst in on Thursday.", 0, [], "2002-03-14", 0)
    '2002-03-14'
    """
    return nearest_time(time_mentions(sentence, offset, quantities, published, lexicon), anchor)


def time_mentions(
    sentence: str, offset: int, quantities: Iterable[Quantity], published: str | None,
    lexicon: Lexicon | None = None, *, scan_words: bool = True,
) -> list[tuple[int, str]]:
    """Every time a sentence names, resolved: ``(document offset, ISO date or partial date)``.

    ``scan_words=False`` skips the relative expressions (for a caller that knows the sentence
    holds no time word; see :func:`time_words`).
    """
    lexicon = lexicon or Lexicon.default()
    calendar = lexicon.compiled("timeref.calendar", _calendar)
    date = parse_iso_date(published)
    found: list[tuple[int, str]] = []
    covered: list[tuple[int, int]] = []
    for quantity in quantities:
        if quantity.kind in {"date", "year"}:
            covered.append((quantity.start - offset, quantity.end - offset))
            iso = _explicit(quantity, date)
            if iso:
                found.append((quantity.start, iso))
    if not scan_words:
        return found
    parts = _WORD.split(sentence)  # other text, word, other text, word, ..., other text
    bounds = list(accumulate(map(len, parts)))  # bounds[2k] is where word k starts
    words = list(zip(parts[1::2], bounds[::2], strict=False))  # (word, offset in the sentence)
    heads = time_words(lexicon)
    lower = _WORD.split(sentence.lower())[1::2]  # one call, not one per word
    if len(lower) != len(words):  # a letter whose lower case is ASCII ("K" Kelvin): word by word
        lower = [word.lower() for word, _ in words]
    for i in [k for k, word in enumerate(lower) if word in heads]:
        if any(s <= words[i][1] < e for s, e in covered):
            continue  # "December" in "31 December 2014" is part of that date
        iso = None if _when_said(words, i) else _relative(words, i, date, calendar)
        if iso:
            found.append((offset + words[i][1], iso))
    return found


def nearest_time(mentions: Sequence[tuple[int, str]], anchor: int) -> str | None:
    """The mention closest to ``anchor`` (ties: the more specific)."""
    if not mentions:
        return None
    return min(mentions, key=lambda m: (abs(m[0] - anchor), -len(m[1])))[1]


_RELATIVE_HEADS = frozenset({"year", "month", "today", "tonight", "yesterday"})


def time_words(lexicon: Lexicon | None = None) -> frozenset[str]:
    """Lower-case words from which a relative time can start (month and day names, "year"...)."""
    return (lexicon or Lexicon.default()).compiled(
        "timeref.time_words", lambda lx: frozenset(_calendar(lx)) | _RELATIVE_HEADS)


def times_compatible(a: str | None, b: str | None) -> bool | None:
    """Whether two ISO (partial) dates can name the same time; ``None`` when either is unknown.

    >>> times_compatible("2001", "2001-06"), times_compatible("2002-06-23", "2002-09-11")
    (True, False)
    >>> times_compatible("--10-09", "2023-10-09")
    True
    """
    if not a or not b:
        return None
    if a.startswith("--") or b.startswith("--"):
        return a[-5:] == b[-5:] if len(a) >= 7 and len(b) >= 7 else True
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter)
