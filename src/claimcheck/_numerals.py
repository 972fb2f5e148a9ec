"""Reading one number at a position: digit strings and English number words.

Everything here works on ``(text, pos, limit)`` and returns ``(value, end, ...)`` or ``None``;
nothing scans past ``limit``, so the caller bounds the work done per figure. The vocabulary
comes from the lexicon tables ``number_words`` and ``ordinal_words``.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping

import attrs

__all__ = [
    "NumberWords",
    "Reading",
    "fraction_context",
    "next_token",
    "numeral_value",
    "read_words",
    "trie_pattern",
    "vulgar_value",
]



def trie_pattern(words: Iterable[str]) -> str:
    """A prefix-factored regex alternation for ``words`` (longest alternatives first).

    >>> trie_pattern(["ten", "tens", "two"])
    't(?:en(?:s)?|wo)'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _render(trie)


def _render(node: Mapping) -> str:
    parts = [re.escape(c) + _render(child) for c, child in sorted(node.items()) if c]
    if not parts:
        return ""
    body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
    if "" in node:
        return f"(?:{body})?" if len(parts) == 1 else body + "?"
    return body


def numeral_value(digits: str) -> list[tuple[float, int, int]] | float | None:
    """The value of a digit string with separators, or the numbers of a list.

    Returns a number for one figure (``"300,000"``, ``"1.111,11"``, ``"12,34,567"``), a list of
    ``(value, start, end)`` for lists and dotted groups (``"22,24,26,31"``, ``"192.168.1.2"``),
    or ``None`` when the digits are too long to be a figure.

    >>> numeral_value("300,000"), numeral_value("1.111,11"), numeral_value("5,00")
    (300000.0, 1111.11, 5.0)
    >>> numeral_value("22,24,26")
    [(22.0, 0, 2), (24.0, 3, 5), (26.0, 6, 8)]
    """
    plain = digits.replace("\u00a0", "").replace("\u2009", "").replace("\u202f", "").replace(" ", "")
    if len(plain) > 40:
        return None
    if "," not in plain and plain.count(".") <= 1:
        return float(plain)
    if _US.fullmatch(plain) or _INDIAN.fullmatch(plain):
        return float(plain.replace(",", ""))
    if _EURO.fullmatch(plain):
        return float(plain.replace(".", "").replace(",", "."))
    if _DECIMAL_COMMA.fullmatch(plain):
        return float(plain.replace(",", "."))
    out = []
    for m in re.finditer(r"\d+(?:\.\d+)?" if "," in plain else r"\d+", digits):
        out.append((float(m.group()), m.start(), m.end()))
    return out


_US = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_INDIAN = re.compile(r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?")
_EURO = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")


@attrs.frozen
class NumberWords:
    """Number and ordinal words compiled from a lexicon: ``word -> (value, role)``."""

    cardinal: Mapping[str, tuple[float, str]]
    ordinal: Mapping[str, tuple[float, str]]

    @classmethod
    def from_tables(cls, cardinal: Iterable[Mapping[str, str]], ordinal: Iterable[Mapping[str, str]]) -> NumberWords:
        """Build from the rows of ``number_words`` and ``ordinal_words``."""
        return cls(
            {r["word"].lower(): (float(r["value"]), r["role"]) for r in cardinal},
            {r["word"].lower(): (float(r["value"]), r["role"]) for r in ordinal},
        )


@attrs.frozen
class Reading:
    """A number read from words: its value, end offset, and what it turned out to be."""

    value: float
    end: int
    kind: str  # "count" | "fraction" | "ordinal"
    words: int
    tail: float = 0.0  # what the last "and" added ("three hundred and two": 2), for "... two dozen"


_TOKEN = re.compile(r"[A-Za-z]+|\d+(?:\.\d+)?|&")
_BETWEEN = re.compile(r"(?<![A-Za-z])between[ \t\u00a0]+\Z", re.IGNORECASE)
# Between two number words: spaces, a hyphen (with or without spaces around it), or a comma.
_GAP = re.compile(r"[ \t\u00a0]*-[ \t\u00a0]*|[ \t\u00a0]+|,[ \t\u00a0]+")
_VULGAR = {c: unicodedata.numeric(c) for c in "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"}


class _State:
    __slots__ = ("anded", "before_and", "cur", "end", "last", "scale", "total", "words")

    def __init__(self, total: float, cur: float, last: str, end: int, scale: float) -> None:
        self.total, self.cur, self.last, self.end, self.scale = total, cur, last, end, scale
        self.words = 0
        self.anded = False
        self.before_and = 0.0

    @property
    def value(self) -> float:
        return self.total + self.cur


def next_token(text: str, pos: int, limit: int) -> tuple[str, int, int] | None:
    """The next token after a gap: (lowered token, start, end)."""
    gap = _GAP.match(text, pos, limit)
    if gap is None:
        return None
    m = _TOKEN.match(text, gap.end(), limit)
    if m is None:
        return None
    return m.group().lower(), m.start(), m.end()


def read_words(
    text: str, pos: int, limit: int, nw: NumberWords, *, start_value: float | None = None,
    start_role: str = "unit",
) -> Reading | None:
    """Read an English number written in words starting at ``pos``.

    ``start_value`` seeds the reading with a figure already read (a numeral, or 1 for "a"),
    whose role is ``start_role``. Stops at the first word that cannot continue the number.

    >>> nw = NumberWords.from_tables([{"word": "two", "value": "2", "role": "unit"},
    ...     {"word": "hundred", "value": "100", "role": "hundred"}], [])
    >>> read_words("two hundred and two", 0, 19, nw).value
    202.0
    """
    st = _State(0.0, 0.0, "", pos, math.inf)
    i = pos
    if start_value is not None:
        st.cur, st.last, st.words = start_value, start_role, 1
    else:
        m = _TOKEN.match(text, pos, limit)
        if m is None:
            return None
        word = m.group().lower()
        entry = nw.cardinal.get(word)
        if entry is None:
            return _lone_ordinal_or_fraction(text, m, limit, nw)
        if not _apply(st, entry, m.end()):
            return None
        st.words = 1
    i = st.end
    while True:
        tok = next_token(text, i, limit)
        if tok is None:
            break
        word, t0, t1 = tok
        gap = text[i:t0]
        if gap.strip() == ",":
            entry = nw.cardinal.get(word)
            if st.last != "scale" or entry is None or entry[1] == "scale" or not _hundreds_follow(text, t1, limit, nw):
                break
            if not _apply(st, entry, t1):
                break
            st.words += 1
            i = st.end
            continue
        if word in ("and", "&"):
            if _after_and(text, t1, limit, nw, st):
                i = st.end
                continue
            nxt = next_token(text, t1, limit)
            entry = None if nxt is None else _entry(nxt[0], nw)
            if st.last not in ("hundred", "scale") and not _tens_and_unit(text, pos, limit, nw, st, nxt, entry):
                break  # 'five and six' are two figures
            if entry is None and nxt is not None and nw.ordinal.get(nxt[0], (0, ""))[1] == "ordinal":
                # 'the one hundred and fifth anniversary'
                value = nw.ordinal[nxt[0]][0]
                if value < 100 and (st.last == "hundred" or value < st.scale):
                    return Reading(st.value + value, nxt[2], "ordinal", st.words + 1)
                break
            if entry is None or entry[1] in ("hundred", "scale") or _starts_new_number(text, nxt[2], limit, nw, st):
                break
            st.before_and = st.value
            if not _apply(st, entry, nxt[2]):
                break
            st.words += 1
            st.anded = True
            i = st.end
            continue
        if "-" in gap and st.last != "ten" and word not in nw.ordinal:
            break
        entry = _entry(word, nw)
        if entry is None and st.last in ("unit", "teen", "ten") and (plural := _plural_scale(word, nw)):
            if _apply(st, plural, t1):  # 'five hundreds': the plural ends the number
                st.words += 1
            break
        if entry is not None:
            if not _apply(st, entry, t1):
                if entry[1] == "ten" and st.last in ("unit", "teen", "ten") and not st.total:
                    frac = _compound_fraction(text, t0, limit, nw, st)
                    if frac is not None:
                        return frac
                if st.value == 1 and st.words == 1 and st.last == "unit":
                    frac = _one_over_ordinal(text, t0, limit, nw)
                    if frac is not None:
                        return frac
                break
            st.words += 1
            i = st.end
            continue
        if word in nw.ordinal:
            got = _ordinal_after(st, nw.ordinal[word], t1, text, limit, nw, hyphen="-" in gap)
            if got is not None:
                return got
            break
        if word == "point" and st.last in ("unit", "teen", "ten", "hundred", "scale", "digits"):
            dec = _decimals(text, t1, limit, nw)
            if dec is not None:
                digits, end = dec
                st.cur += float("0." + digits)
                st.end = end
                st.last = "point"
                i = end
            break
        break
    return Reading(st.value, st.end, "count", st.words, st.value - st.before_and if st.anded else 0.0)


def _compound_fraction(text: str, pos: int, limit: int, nw: NumberWords, st: _State) -> Reading | None:
    """'one twenty-fifth', 'three twenty-firsts': a numerator over a compound ordinal."""
    m = _TOKEN.match(text, pos, limit)
    tok = next_token(text, m.end(), limit) if m else None
    if m is None or tok is None or tok[0] not in nw.ordinal:
        return None
    value, role = nw.ordinal[tok[0]]
    if value >= 10 or role == "fraction" or (role == "plural") != (st.value != 1):
        return None
    den = nw.cardinal[m.group().lower()][0] + value
    return Reading(st.value / den, tok[2], "fraction", st.words + 2)


def _one_over_ordinal(text: str, pos: int, limit: int, nw: NumberWords) -> Reading | None:
    """'one one hundred fifth' (1/105): 'one' before a whole ordinal number standing as a denominator."""
    r = read_words(text, pos, limit, nw)
    if r is None or r.kind != "ordinal" or r.value < 3 or not fraction_context(text, r.end, limit):
        return None
    return Reading(1 / r.value, r.end, "fraction", r.words + 1)


def fraction_context(text: str, end: int, limit: int) -> bool:
    """After 'one third': 'of', a scale or the end of the phrase make it a fraction ('a third country' is not)."""
    i = end
    while i < limit and text[i] in " \t\u00a0":
        i += 1
    if i == end and text[i : i + 1] == "-" and text[i + 1 : i + 2].isalpha():
        return False  # 'a third-party candidate', 'a twenty-first-century economy'
    if i >= limit or not text[i].isalnum():
        return True
    tok = next_token(text, end, limit)
    return tok is not None and tok[0] in ("of", "million", "billion", "thousand", "hundred")


def _starts_new_number(text: str, pos: int, limit: int, nw: NumberWords, st: _State) -> bool:
    """After '3 hundred and 2': a closing 'hundred' (or scale no smaller than the last) makes a new number.

    '3 hundred and 2 hundred' is two figures; 'hundred and five hundred and six' counts on, so
    when more number words follow the second 'hundred' the first reading stands.
    """
    tok = next_token(text, pos, limit)
    if tok is None:
        return False
    value, role = nw.cardinal.get(tok[0], (0, ""))
    if not ((role == "hundred" and st.last == "hundred") or (role == "scale" and value >= st.scale)):
        return False
    after = next_token(text, tok[2], limit)
    return after is None or (after[0] not in ("and", "&") and _entry(after[0], nw) is None)


def _tens_and_unit(text: str, pos: int, limit: int, nw: NumberWords, st: _State,
                   nxt: tuple[str, int, int] | None, entry: tuple[float, str] | None) -> bool:
    """'twenty and three' is 23; not 'between twenty and five', nor 'twenty and three hundred'."""
    return (st.last == "ten" and nxt is not None and entry is not None and entry[1] == "unit"
            and nxt[0][0].isalpha() and not _scale_follows(text, nxt[2], limit, nw)
            and not _BETWEEN.search(text, max(0, pos - 12), pos))


def _scale_follows(text: str, pos: int, limit: int, nw: NumberWords) -> bool:
    """Whether 'hundred', 'thousand'... is the next word ('three hundred' after 'twenty and')."""
    tok = next_token(text, pos, limit)
    return tok is not None and nw.cardinal.get(tok[0], (0, ""))[1] in ("hundred", "scale")


def _hundreds_follow(text: str, pos: int, limit: int, nw: NumberWords) -> bool:
    """After 'three million, two': does a 'hundred' come next (so the comma continues the number)?"""
    tok = next_token(text, pos, limit)
    return tok is not None and nw.cardinal.get(tok[0], (0, ""))[1] == "hundred"


def _plural_scale(word: str, nw: NumberWords) -> tuple[float, str] | None:
    """'hundreds', 'thousands' after a number in words ('five hundreds'); not after digits, where
    'in 2015 thousands fled' starts a new figure."""
    entry = nw.cardinal.get(word[:-1]) if word.endswith("s") else None
    return entry if entry is not None and entry[1] in ("hundred", "scale") else None


def _entry(word: str, nw: NumberWords) -> tuple[float, str] | None:
    if word[0].isdigit():
        return (float(word), "digits") if "." not in word else None
    return nw.cardinal.get(word)


def _apply(st: _State, entry: tuple[float, str], end: int) -> bool:
    """Add one number word to the state; False if it cannot continue the number."""
    value, role = entry
    last = st.last
    if value == 0 and last in ("hundred", "scale"):
        return False  # nobody says "three hundred and zero": the zero is a figure of its own
    if role == "digits":
        if not (last == "" or (last == "hundred" and value < 100) or (last == "scale" and value < 1000)):
            return False
        st.cur += value
    elif role == "unit":
        if last in ("unit", "teen", "digits", "point") or (last == "ten" and st.cur % 10):
            return False
        st.cur += value
    elif role in ("teen", "ten"):
        if last in ("unit", "teen", "ten", "digits", "point"):
            return False
        st.cur += value
    elif role == "hundred":
        if last in ("hundred", "point") or (st.cur >= 100 and not (last == "" or (last == "digits" and st.words <= 1))):
            return False
        st.cur = (st.cur or 1) * value
    else:  # scale
        if value >= st.scale and st.cur == 0 and st.total:
            st.total *= value
        elif value >= st.scale:
            return False
        else:
            st.total += (st.cur or (0 if st.total else 1)) * value
            st.scale = value
        st.cur = 0
    st.last = "scale" if role == "scale" else role
    st.end = end
    return True


def _after_and(text: str, pos: int, limit: int, nw: NumberWords, st: _State) -> bool:
    """'and a half', 'and three quarters' (+ an optional scale) after a number."""
    frac = read_fraction(text, pos, limit, nw)
    if frac is None or frac[0] >= 1:
        return False  # 'a hundred and thirty fifths' is 130/5, not 100 + 30/5
    value, end = frac
    nxt = next_token(text, end, limit)
    if nxt is not None and nw.cardinal.get(nxt[0], (0, ""))[1] == "scale":
        scale = nw.cardinal[nxt[0]][0]
        if scale < st.scale:
            if st.cur and st.scale == math.inf:
                st.total, st.cur = (st.cur + value) * scale, 0
            else:
                st.total, st.cur = st.total + st.cur + value * scale, 0
            st.scale, st.last, st.end = scale, "scale", nxt[2]
            return True
    if st.last == "scale" and not st.cur:
        st.total += value * st.scale
    else:
        st.cur += value
    st.end, st.last = end, "point"
    return True


def read_fraction(text: str, pos: int, limit: int, nw: NumberWords) -> tuple[float, int] | None:
    """A fraction in words after a gap at ``pos``: 'a half', 'one third', 'three quarters'."""
    tok = next_token(text, pos, limit)
    if tok is None:
        return None
    word, _, end = tok
    if word in ("a", "an", "one"):
        num = 1.0
    elif word in nw.cardinal and nw.cardinal[word][1] in ("unit", "teen", "ten"):
        num = nw.cardinal[word][0]
        if nw.cardinal[word][1] == "ten":
            more = next_token(text, end, limit)
            if more and nw.cardinal.get(more[0], (0, ""))[1] == "unit":
                num += nw.cardinal[more[0]][0]
                end = more[2]
    else:
        return None
    den = next_token(text, end, limit)
    if den is None or den[0] not in nw.ordinal:
        return None
    value, role = nw.ordinal[den[0]]
    if (role == "ordinal" and num != 1) or (role == "plural" and num == 1 and word != "one") or value < 2:
        return None
    return num / value, den[2]


def _lone_ordinal_or_fraction(text: str, m: re.Match[str], limit: int, nw: NumberWords) -> Reading | None:
    """A number that starts with an ordinal or fraction word: 'first', 'half', 'quarter million'."""
    word = m.group().lower()
    entry = nw.ordinal.get(word)
    if entry is None:
        return None
    value, role = entry
    if role == "ordinal":
        return Reading(value, m.end(), "ordinal", 1)
    if role != "fraction":
        return None
    frac = 1 / value
    nxt = next_token(text, m.end(), limit)
    if nxt and nxt[0] in ("a", "an"):
        after = next_token(text, nxt[2], limit)
        if after and nw.cardinal.get(after[0], (0, ""))[1] in ("scale", "hundred"):
            return Reading(frac * nw.cardinal[after[0]][0], after[2], "count", 3)
    if nxt and nw.cardinal.get(nxt[0], (0, ""))[1] in ("scale", "hundred"):
        return Reading(frac * nw.cardinal[nxt[0]][0], nxt[2], "count", 2)
    return Reading(frac, m.end(), "fraction", 1)


def _ordinal_after(
    st: _State, entry: tuple[float, str], end: int, text: str, limit: int, nw: NumberWords, *, hyphen: bool = False
) -> Reading | None:
    """An ordinal or denominator word after a number: 'twenty-fifth', 'one eighth', 'two thirds'.

    'one-fourth' (hyphenated) is a fraction wherever it stands; 'one fourth' only before 'of',
    a scale or the end of the phrase.
    """
    value, role = entry
    whole = st.value
    if value < 2 and role != "ordinal":
        return None
    singular = role == "ordinal" and whole == 1 and st.words == 1
    if singular and not (hyphen and value >= 3) and not fraction_context(text, end, limit):
        return None
    if (hyphen or not st.anded) and role == "plural" and value < 10 and st.last == "ten" and st.value > st.cur % 100:
        # 'one hundred thirty-fifths' is 100/35: the tens and the ordinal make one denominator,
        # unless an 'and' joined the tens to the number ('one hundred and thirty fifths' = 130/5).
        ten = st.cur % 100
        return Reading((st.value - ten) / (ten + value), end, "fraction", st.words + 1)
    if role in ("plural", "fraction") or singular:
        if role == "fraction" and whole != 1:
            return None
        frac = whole / value
        nxt = next_token(text, end, limit)
        if nxt and nxt[0] == "of":
            art = next_token(text, nxt[2], limit)
            if art and art[0] in ("a", "an"):
                sc = next_token(text, art[2], limit)
                if sc and nw.cardinal.get(sc[0], (0, ""))[1] == "scale":
                    return Reading(frac * nw.cardinal[sc[0]][0], sc[2], "count", st.words + 4)
        if nxt and nw.cardinal.get(nxt[0], (0, ""))[1] == "scale" and role != "ordinal":
            return Reading(frac * nw.cardinal[nxt[0]][0], nxt[2], "count", st.words + 2)
        return Reading(frac, end, "fraction", st.words + 1)
    if role != "ordinal" or st.last in ("point", "digits"):
        return None
    if value < 10 and st.last == "unit":
        return None
    if value < 100 and st.last in ("teen",):
        return None
    if value >= 100 and st.last not in ("unit", "teen", "ten", "hundred"):
        return None
    if value >= 100:
        return Reading(whole * value, end, "ordinal", st.words + 1)
    return Reading(whole + value, end, "ordinal", st.words + 1)


def _decimals(text: str, pos: int, limit: int, nw: NumberWords) -> tuple[str, int] | None:
    """Digits spoken after 'point': 'zero three' -> '03', 'seventy-one' -> '71'."""
    digits, end, i = "", pos, pos
    while True:
        tok = next_token(text, i, limit)
        if tok is None or tok[0] not in nw.cardinal:
            break
        value, role = nw.cardinal[tok[0]]
        if role == "unit":
            digits += str(int(value))
        elif role in ("teen", "ten"):
            digits += str(int(value))
            if role == "ten":
                more = next_token(text, tok[2], limit)
                if more and nw.cardinal.get(more[0], (0, ""))[1] == "unit":
                    digits = digits[:-1] + str(int(nw.cardinal[more[0]][0]))
                    tok = more
        else:
            break
        i = end = tok[2]
    return (digits, end) if digits else None


def vulgar_value(char: str) -> float | None:
    """The value of a vulgar-fraction character such as '½'."""
    return _VULGAR.get(char)
