"""The quantity engine: every figure in a text, as an interval with its qualifier and kind.

One precompiled anchor pattern finds the spots where a figure may start (digits, number words,
vague amounts, month names before a day); around each anchor a few small readers look back for
qualifiers, currency signs and range openers, read the figure, and look ahead for multipliers,
units, trailing qualifiers and a second figure that closes a range. Each anchor costs a bounded
amount of work, so the whole scan is linear in the length of the text.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence
from decimal import Context, Decimal

import attrs

from ._errors import OptionError
from ._lexicon import Lexicon
from ._numerals import fraction_context, next_token, numeral_value, read_words, vulgar_value
from ._qgrammar import SP, VULGAR, Grammar, grammar, norm
from ._records import Quantity

__all__ = ["DEFAULT_TOLERANCE", "iter_quantities", "parse_quantities"]

DEFAULT_TOLERANCE = 0.1
_CHUNK = 1 << 14  # characters lower-cased at a time when looking for number words
_AHEAD = 400  # characters a figure may span from its anchor
_BEHIND = 48  # characters looked at before a figure for cues

_A = re.ASCII
_EXACT = Context(prec=100)  # exact for any numeral the engine reads (at most 40 digits)
_DATE_GATE = frozenset("-–/:. \t\u00a0\u2009\u202faApPsnrt(")
_DIGITS = re.compile(r"[0-9]+")
# Where a chunk of the text may end: a line break, or white space after a digit or closing
# punctuation. No anchor spans one ("Sept. 12" and "a week" hold white space after a letter or
# a full stop).
_CUT = re.compile(r"\n|(?<=[0-9,;:!?)\]\"'”’])\s")
_ISO = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?!\d)", _A)
_YEAR_MONTH = re.compile(r"(\d{4})-(\d\d)(?![\d-])", _A)
_YEAR_SPAN = re.compile(r"(1[5-9]\d\d|20\d\d)[-–/](\d\d)(?!\d)", _A)
_MERIDIEM = r"([AaPp])(?:\.[Mm]\.?|[Mm]\b)"
_CLOCK = re.compile(rf"([01]?\d|2[0-4]):([0-5]\d)(?::[0-5]\d)?(?!\d)(?:{SP}?{_MERIDIEM})?")
_AMPM = re.compile(rf"(1[0-2]|0?\d)(?:[.:]([0-5]\d))?{SP}?{_MERIDIEM}")
_HHMM = re.compile(
    rf"([01]\d|2[0-3])([0-5]\d)(?={SP}*(?:GMT|UTC|BST|hrs\b|hours\b|local\b)|{SP}*\({SP}*\d{{4}}{SP}*(?:GMT|UTC|BST))"
)
_MDY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)(?![\d/])", _A)
_SPACED = re.compile(r"\d{1,3}(?:[ \u00a0\u2009\u202f]\d{3})+(?:\.\d+)?(?!\d|[.,]\d)", _A)
_PHONE = re.compile(r"(?P<us>\d{3}-\d{3}-\d{4}(?![\d-]))|\d{1,4}(?:-\d{2,4}){2,}(?:/\d{2,4})?(?![\d-])", _A)
_RUN = re.compile(r"\d+(?:[.,]\d+)*", _A)
_SCI = re.compile(r"[eE]([+-]?\d{1,3})(?![\w.])|[ ]?[x×][ ]?10[ ]?\^?[ ]?([-−+]?\d{1,3})(?!\d)")
# '1.1^23', '2^-3', '-1.1^--23' (signs multiply out), '8x2^10' (a factor times a power).
_POWER = re.compile(r"(?:[ ]?[x×][ ]?(\d{1,6}(?:\.\d{1,6})?)[ ]?)?\^([-+−]{0,3})(\d{1,3})(?!\d)")
_FRAC = re.compile(r"/(\d{1,6})(?![\d/])", _A)
_MIXED = re.compile(rf"{SP}+(\d{{1,3}})/(\d{{1,3}})(?![\d/])")
_ORD_SUFFIX = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)
_JOIN = re.compile(  # a range may run across one line break: 'between 40 and\n90'
    rf"(?:-(?={SP}+(?:to|through)\b))?{SP}*\n?{SP}*(?P<j>[-–—~]|(?:to|through|thru|or|and)(?![A-Za-z])){SP}*\n?{SP}*",
    re.IGNORECASE,
)
_MAGNITUDE_MARK = re.compile(rf"(?<![A-Za-z])M{SP}?\Z")  # seismology's 'M 7.7'
_ARTICLE = re.compile(rf"(?<![A-Za-z])(?:an?|half{SP}+an?){SP}+\Z", re.IGNORECASE)
_PREV_WORD = re.compile(rf"([A-Za-z]+){SP}+\Z")
_NEXT_WORD = re.compile(rf"{SP}+([A-Za-z]+)")
_PAIR_GAP = re.compile(rf"{SP}*(?:,{SP}*)?(?:(?:and|but){SP}+)?\Z", re.IGNORECASE)
_OR_EQUAL = {"less_than": "at_most", "more_than": "at_least", "well_over": "at_least"}
_ART_WORD = re.compile(rf"(an?){SP}+([A-Za-z]+)\b", re.IGNORECASE)
_RATIO = re.compile(rf"{SP}+(?P<w>over|in(?:{SP}+every)?|out{SP}+of(?:{SP}+every)?){SP}+", re.IGNORECASE)
_LAST_WORD = re.compile(r"[A-Za-z]+\Z")
_CLAUSE_WORDS = frozenset(["that", "and", "but", "while", "whereas", "or", "than", "say", "says", "said", "only"])
_END_OF_PHRASE = re.compile(rf"{SP}*(?:[.,;:!?)]|\Z)")
_NOT_PLURAL = frozenset(
    ["was", "is", "has", "his", "its", "this", "as", "us", "yes", "thus", "plus", "less", "gas", "bus"]
)


@attrs.define
class _Fig:
    """A figure as read, before cues and context make it a :class:`Quantity`."""

    start: int
    end: int
    value: float
    kind: str = "count"
    unit: str | None = None
    iso: str | None = None
    rule: str | None = None
    mult: float = 1.0
    plain: bool = False
    vague: dict | None = None
    per: str | None = None  # a rate's second unit: "$350 per kg" is USD per kg


def _date_patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    mp = grammar(lex).month_pattern
    day_month = re.compile(
        rf"(\d{{1,2}})(?:st|nd|rd|th)?(?:{SP}+of)?{SP}+(?P<mon>{mp})\.?(?![a-z])"
        rf"(?:,?{SP}+(?P<y>\d{{4}}(?!\d)|'?\d\d(?={SP}*(?:\Z|[|\n\r,.;)]))))?",
        _A,
    )
    month_day = re.compile(
        rf"(?P<mon>{mp})\.?{SP}+(?:(?P<y1>1[5-9]\d\d|20\d\d)(?!\d)|(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d:]|[.,]\d)"
        rf"(?:,?{SP}+(?P<y>\d{{4}})(?!\d))?)",
        _A,
    )
    return day_month, month_day


def _iso(year: str | None, month: int, day: int | None = None) -> str:
    if year is not None:
        y = year.lstrip("'")
        y = ("20" if int(y) < 50 else "19") + y if len(y) == 2 else y
        return f"{y}-{month:02d}" + (f"-{day:02d}" if day else "")
    return f"--{month:02d}-{day:02d}"


def _read_dates(text: str, p: int, limit: int, lex: Lexicon, g: Grammar, run_end: int) -> _Fig | None:
    """Dates, clock times and year spans that start with the digit run ``[p, run_end)``."""
    c = text[run_end : run_end + 1]
    if c in _DATE_GATE:
        return _read_dates_gated(text, p, limit, lex, g, run_end, c)
    return None


def _read_dates_gated(text: str, p: int, limit: int, lex: Lexicon, g: Grammar, run_end: int, c: str) -> _Fig | None:
    if c in "-–/" and (fig := _read_dashed(text, p, limit)):
        return fig
    if c == ":" and (m := _CLOCK.match(text, p, limit)):
        return _Fig(p, m.end(), float(m[1]), "time", iso=_clock(int(m[1]), int(m[2]), m[3]))
    if c in ".: \u00a0aApP" and (m := _AMPM.match(text, p, limit)):
        return _Fig(p, m.end(), float(m[1]), "time", iso=_clock(int(m[1]), int(m[2] or 0), m[3]))
    if run_end - p == 4 and (m := _HHMM.match(text, p, limit)):
        return _Fig(p, m.end(), float(m.group()), "time", iso=f"{m[1]}:{m[2]}")
    if c in " \t\u00a0\u2009\u202fsnrt" and run_end - p <= 2:
        day_month, _ = lex.compiled("claimcheck._quantities.dates", _date_patterns)
        if (m := day_month.match(text, p, limit)) and 1 <= int(m[1]) <= 31:
            month = g.months[m["mon"].lower()]
            return _Fig(p, m.end(), float(m[1]), "date", iso=_iso(m["y"], month, int(m[1])))
    return None


def _read_dashed(text: str, p: int, limit: int) -> _Fig | None:
    """'2002-09-11', '1995-01', '2013-14', '5/17/2018'."""
    if (m := _ISO.match(text, p, limit)) and 1 <= int(m[2]) <= 12 and 1 <= int(m[3]) <= 31:
        return _Fig(p, m.end(), float(m[1]), "date", iso=m.group())
    if m := _YEAR_MONTH.match(text, p, limit):
        y, mm = int(m[1]), int(m[2])
        if 1 <= mm <= 12 and 1500 <= y <= 2100:
            return _Fig(p, m.end(), float(y), "date", iso=f"{y}-{mm:02d}")
    if (m := _YEAR_SPAN.match(text, p, limit)) and int(m[2]) == (int(m[1]) + 1) % 100:
        return _Fig(p, m.end(), float(m[1]), "year", iso=f"{m[1]}/{int(m[1]) + 1}")
    if m := _MDY.match(text, p, limit):
        a, b = int(m[1]), int(m[2])
        month, day = (a, b) if a <= 12 else (b, a)
        if 1 <= month <= 12 and 1 <= day <= 31:
            return _Fig(p, m.end(), float(a), "date", iso=_iso(m[3], month, day))
    return None


def _clock(hour: int, minute: int, half: str | None) -> str:
    if half and half.lower() == "p" and hour < 12:
        hour += 12
    elif half and half.lower() == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}"


def _read_month_first(text: str, p: int, limit: int, lex: Lexicon, g: Grammar) -> _Fig | None:
    """'October 9', 'June 23, 2002', 'March 2002'."""
    _, month_day = lex.compiled("claimcheck._quantities.dates", _date_patterns)
    m = month_day.match(text, p, limit)
    if m is None:
        return None
    month = g.months[m["mon"].lower()]
    if m["y1"]:
        return _Fig(p, m.end(), float(m["y1"]), "date", iso=f"{m['y1']}-{month:02d}")
    day = int(m["d"])
    if not 1 <= day <= 31:
        return None
    return _Fig(p, m.end(), float(day), "date", iso=_iso(m["y"], month, day))


def _read_digits(
    text: str, p: int, limit: int, g: Grammar, lex: Lexicon, money: bool, run_end: int
) -> list[_Fig]:
    """A figure written with digits at ``p``; several for lists ('22,24,26')."""
    if p >= 2 and text[p - 1] in ",." and text[p - 2].isdigit():
        run = _RUN.match(text, p, limit)  # the rest of a numeral too long to read: no figure of its own
        return [_Fig(p, run.end() if run else p, 0.0, "skip")]
    if _attached(text, p):
        run = _RUN.match(text, p, limit)
        return [_Fig(p, run.end() if run else p, 0.0, "skip")]
    if idiom := g.idioms.match(text, p, limit):
        return [_Fig(p, idiom.end(), 0.0, "skip")]  # '24/7', '9/11': names, not figures
    if fig := _read_dates(text, p, limit, lex, g, run_end):
        return [fig]
    phone = text[run_end : run_end + 1] == "-" and _PHONE.match(text, p, limit)
    if phone and (text[p - 1 : p] == "+" or phone["us"]):
        return [_Fig(p, phone.end(), 0.0, "skip")]  # '+1-222-2222-2222', '555-123-4567': a phone number
    start = p
    if p > 0 and text[p - 1] == "." and (p == 1 or text[p - 2] in " \t\n(") and not money:
        start = p - 1
    m = _SPACED.match(text, p, limit) or _RUN.match(text, p, limit)
    raw = m.group()
    value = numeral_value(raw)
    if value is None:
        return []
    if isinstance(value, list):
        return [_Fig(p + a, p + b, v, plain=True) for v, a, b in value]
    if start < p:
        value = float("0." + raw) if raw.isdigit() else value
    end = m.end()
    plain = raw.isdigit() and start == p
    if plain and (o := _ORD_SUFFIX.match(text, end, limit)):
        return [_Fig(p, o.end(), value, "ordinal")]
    fig = _Fig(start, end, value, plain=plain)
    _numeral_suffixes(text, fig, raw, limit, g, money)
    if fig.value is None or not math.isfinite(fig.value) or (
        fig.end < len(text) and text[fig.end].isalpha() and not _unit_follows(text, fig, g)
        and not (fig.plain and text[fig.end] == "s" and raw.endswith("0"))
    ):
        fig.kind = "skip"
    return [fig]


def _attached(text: str, p: int) -> bool:
    """Digits glued to a name or formula ('A380', 'MH-17', 'km^2', 'J1149.5+6663'): not a figure."""
    if p == 0:
        return False
    before = text[p - 1]
    if before.isalpha() or before in "^_" or (before == "+" and text[p - 2 : p - 1].isalnum()):
        return True
    return p > 1 and text[p - 2].isalpha() and (before == "−" or (before == "-" and _capitalised(text, p - 2)))


def _capitalised(text: str, i: int) -> bool:
    """Whether the word ending at ``i`` has a capital letter ('Covid', 'F', 'MH'): a name, not a prefix."""
    j = i
    while j >= 0 and i - j < 12 and text[j].isalpha():
        if text[j].isupper():
            return True
        j -= 1
    return False


def _unit_follows(text: str, fig: _Fig, g: Grammar) -> bool:
    u = g.unit_after.match(text, fig.end, min(len(text), fig.end + 40))
    return u is not None and (u["u"] in g.units or norm(u["u"]) in g.units)


def _numeral_suffixes(text: str, fig: _Fig, raw: str, limit: int, g: Grammar, money: bool) -> None:
    """Exponents, fractions, multipliers and scale words after a numeral (in place)."""
    end = fig.end
    if (s := _SCI.match(text, end, limit)) and "," not in raw:
        exp = int((s[1] or s[2]).replace("−", "-"))
        point = "." if fig.start < end - len(raw) and raw.isdigit() else ""  # '.5e3', as the value was read
        fig.value, fig.end, fig.plain = _scaled(point + raw, exp), s.end(), False
        return
    if (s := _POWER.match(text, end, limit)) and "," not in raw:
        exponent = int(s[3]) * (-1) ** (s[2].count("-") + s[2].count("−"))
        fig.end, fig.plain = s.end(), False
        try:
            fig.value = float(fig.value * float(s[1]) ** exponent if s[1] else fig.value ** exponent)
        except (OverflowError, ZeroDivisionError):
            fig.value = None  # type: ignore[assignment]
        return
    if raw.isdigit() and (f := _FRAC.match(text, end, limit)):
        den = int(f[1])
        if den and fig.value < den:
            fig.value, fig.end, fig.plain, fig.kind = fig.value / den, f.end(), False, "fraction"
        elif not den:
            fig.end, fig.value = f.end(), None  # type: ignore[assignment]
        return
    if raw.isdigit() and (f := _MIXED.match(text, end, limit)) and 0 < int(f[1]) < int(f[2]):
        fig.value, fig.end, fig.plain = fig.value + int(f[1]) / int(f[2]), f.end(), False
        return
    if end < limit and (v := vulgar_value(text[end])) is not None:
        fig.value, fig.end, fig.plain = fig.value + v, end + 1, False
        return
    if _multiply(text, fig, limit, g, money, words=False):
        return
    tok = next_token(text, end, limit)
    if tok and g.words.cardinal.get(tok[0], (0, ""))[1] in ("hundred", "scale"):
        r = read_words(text, end, limit, g.words, start_value=fig.value, start_role="digits")
        if r is not None and r.end > end:
            fig.mult = r.value / fig.value if fig.value else 1.0
            fig.value, fig.end, fig.plain = r.value, r.end, False


def _scaled(mantissa: str, exponent: int) -> float:
    """The numeral ``mantissa`` ('0.00001', '.5', '1 000') times ten to ``exponent``, correctly rounded.

    >>> _scaled("0.00001", 5), _scaled("9999999999999999", 1) == 9999999999999999e1
    (1.0, True)
    """
    digits = Decimal("".join(ch for ch in mantissa if ch.isdigit() or ch == "."))
    return float(digits.scaleb(exponent, _EXACT))


def _multiply(text: str, fig: _Fig, limit: int, g: Grammar, money: bool, *, words: bool, tail: float = 0.0) -> bool:
    """Apply a multiplier after the figure ('10k', '$3m', 'two dozen'); True if one applied.

    A counting word multiplies only the ``tail`` the last "and" added, when there is one:
    "three hundred and two dozen" is 300 + 24.
    """
    m = g.multiplier.match(text, fig.end, limit)
    if m is None:
        return False
    form = m["m"]
    info = g.multipliers.get(form) or g.multipliers.get(form.lower())
    if info is None:
        return False
    value, _exact, context, qualifier, joined = info
    money_only = context == "money"
    if money_only and not money:
        # "1.2m people", "30m barrels": a bare 'm' is a million before a plural noun, else metres.
        money = _plural_follows(text, m.end(), g)
    if (joined and m["g"]) or (money_only and not money) or (words and not (form.isalpha() and len(form) > 2)):
        return False
    if context == "small" and fig.value >= 1000:
        return False  # 'in 2015 dozens died': a year, then a vague amount
    fig.value = fig.value - tail + tail * value if tail and value < 100 else fig.value * value
    fig.end, fig.mult, fig.plain = m.end(), value, False
    if qualifier:
        fig.rule = qualifier
    return True


def _plural_follows(text: str, pos: int, g: Grammar) -> bool:
    """Whether the next word is a plural noun ('people', 'refugees')."""
    nxt = _NEXT_WORD.match(text, pos)
    if nxt is None:
        return False
    w = nxt[1]
    lw = w.lower()
    if lw[:-1] in g.words.cardinal or lw in g.words.cardinal or lw == "dozens":
        return False  # 'in 2015 thousands fled': a figure follows, not a counted noun
    return lw in g.plural_nouns or (
        w.islower() and len(w) > 3 and w.endswith("s") and not w.endswith("ss") and lw not in _NOT_PLURAL
    )


def _read_word_figure(text: str, p: int, floor: int, limit: int, g: Grammar) -> _Fig | None:
    """A figure written in words at ``p`` (or a vague amount, or 'a week')."""
    if g.idioms.match(text, p, limit):
        return None  # 'a first class seat', 'second-hand cars'
    if text[p] in "aA" and (d := _ART_WORD.match(text, p, limit)):
        found = g.article_units.get(f"{d[1].lower()} {d[2].lower()}")
        return _Fig(p, d.end(), 1.0, found[0], unit=found[1]) if found else None
    art = _ARTICLE.search(text, max(floor, p - 12), p)
    for at in ((art.start(), p) if art else (p,)):
        if (v := g.vague.match(text, at, limit)) is not None:
            row = g.vague_rows.get(norm(v.group()))
            if row is not None:
                return _Fig(at, v.end(), float(row["stated"] or 0), vague=dict(row))
    word = text[p : p + 12].split(None, 1)[0].lower().rstrip(".,;:!?")
    nw = g.words
    role = nw.cardinal.get(word, nw.ordinal.get(word, (0, "")))[1]
    if word in ("dozen", "dozens") and art:
        half = art.group().lower().startswith("half")
        fig = _Fig(art.start(), art.end(), 0.5 if half else 1.0)
        fig.end = art.end() - len(art.group()) + len(art.group().rstrip())
        return fig if _multiply(text, fig, limit, g, False, words=True) else None
    if art and not art.group().lower().startswith("half") and (
        role in ("hundred", "scale", "fraction")
        or (role == "ordinal" and nw.ordinal[word][0] >= 3 and fraction_context(text, p + len(word), limit))
    ):
        a_end = art.start() + len(art.group().split()[0])
        r = read_words(text, a_end, limit, nw, start_value=1.0, start_role="unit")
        start = art.start()
    else:
        r = None
        tens = nw.cardinal.get(word.split("-")[0], (0, ""))[1] == "ten"
        if art and tens and not art.group().lower().startswith("half"):
            # 'a twenty-first' standing alone is a fraction (1/21); 'a twenty-first century' is not.
            a_end = art.start() + len(art.group().split()[0])
            r = read_words(text, a_end, limit, nw, start_value=1.0, start_role="unit")
            r = r if r is not None and r.kind == "fraction" and fraction_context(text, r.end, limit) else None
        start = art.start() if r is not None else p
        r = r or read_words(text, p, limit, nw)
    if r is None or _pronoun(text, p, r, floor, g, word):
        return None
    fig = _Fig(start, r.end, r.value, r.kind)
    if r.kind == "fraction" and (a := _ARTICLE_AFTER.match(text, r.end, limit)):
        probe = _Fig(start, a.end(), r.value)
        if _multiply(text, probe, limit, g, False, words=True):
            return probe
    if r.kind == "fraction" and (u := _OF_A_UNIT.match(text, r.end, limit)):
        found = g.article_units.get(f"{u['a'].lower()} {u['w'].lower()}")
        if found is not None:  # 'half a mile', 'a quarter of an hour': that part of one unit
            return _Fig(start, u.end(), r.value, found[0], unit=found[1])
    if r.kind == "count":
        _multiply(text, fig, limit, g, False, words=True, tail=r.tail)
    return fig


_QUESTION = re.compile(rf"(?<![A-Za-z])(?:how|what){SP}+\Z", re.IGNORECASE)
_NEXT_TOKEN = re.compile(rf"{SP}+([A-Za-z0-9]+)")
_THE_BEFORE = re.compile(rf"(?<![A-Za-z])the{SP}+\Z", re.IGNORECASE)
_THE = re.compile(rf"the{SP}+", re.IGNORECASE)
_UNIT_ENDS_PHRASE = re.compile(  # after a unit word that is also a verb: the phrase goes on as a unit's would
    rf"{SP}*(?:[.,;:!?)(\[–—-]|\Z|(?:in|of|for|per|a|an|to|from|on|at|by|and|or|each|worth|were|was|is|are)\b)",
    re.IGNORECASE)
_TIME_AGO = re.compile(rf"{SP}+(?:ago|earlier|before|later|after|previously)\b", re.IGNORECASE)
_PER = re.compile(rf"{SP}*per{SP}+|/|{SP}+(?P<a>an?){SP}+", re.IGNORECASE)
_PLUS_MINUS = re.compile(rf"{SP}*(?:±|\+/-|\+/−|plus{SP}+or{SP}+minus){SP}*", re.IGNORECASE)
_WORD_AT_END = {word: re.compile(rf"(?<![A-Za-z]){word}(?:{SP}+the)?{SP}*,?{SP}*\Z", re.IGNORECASE)
                for word in ("from", "to")}
_OF_A_UNIT = re.compile(rf"{SP}+(?:of{SP}+)?(?P<a>an?){SP}+(?P<w>[A-Za-z]+)\b", re.IGNORECASE)
_ARTICLE_AFTER = re.compile(rf"{SP}+an?(?=[ \t])", re.IGNORECASE)


def _pronoun(text: str, p: int, r: object, floor: int, g: Grammar, word: str) -> bool:
    """'that one', 'the first one', 'a second' are not figures."""
    if getattr(r, "end", 0) != p + len(word) or word not in ("one", "second"):
        return False
    prev = _PREV_WORD.search(text, max(0, p - 20), p)
    prev_word = prev[1].lower() if prev else ""
    if word == "second":
        return prev_word in ("a", "per", "every", "split")
    return prev_word in g.pronoun_det or prev_word in g.words.ordinal


def _behind(text: str, start: int, floor: int, g: Grammar) -> tuple[int, dict[str, tuple[str, str]]]:
    """Cues just before a figure: qualifier, currency or age cue, range opener, sign."""
    cues: dict[str, tuple[str, str]] = {}
    s = start
    for _ in range(4):
        lo = max(floor, s - _BEHIND)
        window = text[lo:s][::-1]
        m = g.before.match(window)
        if m is None or (m.end() == len(window) and lo > 0 and text[lo - 1].isalnum()):
            break
        phrase = window[: m.end()][::-1].strip(" \t\u00a0\u2009\u202f")
        cue = g.before_cues.get(phrase) or g.before_cues.get(norm(phrase))
        if cue is None:
            break
        slot = cue[0] if cue[1] != "minus" else "sign"
        if slot in cues:
            break
        if phrase.lower() == "about" and _QUESTION.search(text, max(0, s - m.end() - 8), s - m.end()):
            break  # 'how about 2?', 'what about 30?': a question, not an approximation
        # An opener remembers where the figure's words began without it, in case no range follows.
        cues[slot] = (cue[1], str(s) if slot == "opener" else cue[2])
        s = s - m.end()
    return s, cues


def _without_opener(start: int, cues: dict[str, tuple[str, str]]) -> int:
    """Drop a range opener ('from', 'between') and the cues before it; the new start offset."""
    if "opener" not in cues:
        return start
    keys = list(cues)
    for key in keys[keys.index("opener") :]:
        value = cues.pop(key)
        if key == "opener":
            start = int(value[1])
    return start



def _negative_sign(text: str, start: int, floor: int) -> int | None:
    """Offset of a minus sign that makes the numeral at ``start`` negative."""
    i = start - 1
    spaced = i >= floor and text[i] == " "
    if spaced:
        i -= 1
    if i < floor or text[i] not in "-−":
        return None
    if spaced and i > floor and text[i - 1] in " \t":
        return None  # 'ROME - Two hundred people': a dash between words, no minus sign
    j = i - 1
    if j < 0:
        return i
    if text[j] not in " \t\n([=:;,<>$£€¥":
        return None
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and (text[j].isdigit() or text[j] in "%)"):
        return None
    return i


def _interval(rule: str | None, v: float, t: float) -> tuple[float | None, float | None, bool, bool, str]:
    """The interval a qualifier rule states for figure ``v`` with tolerance ``t``; never empty.

    Where the rule leaves no width ('nearly 0', 'just over 0', a tolerance of 0) it states the point.

    >>> _interval("nearly", 0.0, 0.1), _interval("nearly", 10.0, 0.1)
    ((0.0, 0.0, True, True, 'approximate'), (9.0, 10.0, True, False, 'approximate'))
    """
    lo, hi, li, hi_inc, qualifier = _rule_interval(rule, v, t)
    if lo is not None and hi is not None and not (lo < hi or (li and hi_inc)):
        return v, v, True, True, qualifier
    return lo, hi, li, hi_inc, qualifier


def _rule_interval(rule: str | None, v: float, t: float) -> tuple[float | None, float | None, bool, bool, str]:
    if rule == "at_least":
        return v, None, True, True, "at_least"
    if rule in ("more_than", "well_over"):
        return v, None, False, True, "more_than"
    if rule == "at_most":
        return None, v, True, True, "at_most"
    if rule == "less_than":
        return None, v, True, False, "less_than"
    lo, hi = sorted((v * (1 - t), v * (1 + t)))
    if rule == "approximate":
        return lo, hi, True, True, "approximate"
    if rule == "nearly":
        return lo, v, True, False, "approximate"
    if rule == "just_over":
        return v, hi, False, True, "approximate"
    if rule == "odd":
        step = 10.0 ** math.floor(math.log10(abs(v))) if v else 1.0
        return v, v + step, False, False, "approximate"
    return v, v, True, True, "exact"


class _Scan:
    """One pass over a text; ``run`` yields quantities in order."""

    def __init__(self, text: str, lex: Lexicon, tolerance: float, skip: Sequence[tuple[int, int]] = ()) -> None:
        self.text, self.lex, self.t = text, lex, tolerance
        self.g = grammar(lex)
        self.floor = 0
        self.skip = sorted(skip)
        self._cues: tuple[int, int, tuple[int, dict[str, tuple[str, str]]]] = (-1, -1, (0, {}))

    def behind(self, start: int) -> tuple[int, dict[str, tuple[str, str]]]:
        """Cues before ``start`` (cached for the last position asked)."""
        at, floor, found = self._cues
        if (at, floor) != (start, self.floor):
            found = _behind(self.text, start, self.floor, self.g)
            self._cues = (start, self.floor, found)
        return found[0], dict(found[1])

    def run(self) -> Iterator[Quantity]:
        skip, k = self.skip, 0
        for start, end, kind in self.anchors():
            while k < len(skip) and skip[k][0] <= start:
                self.floor = max(self.floor, skip[k][1])  # no figure reaches into a skipped span
                k += 1
            if start < self.floor:
                continue
            found = self.at_anchor(kind, start, end)
            for q in found:
                yield q
                self.floor = q.end
            if not found and kind != "w":  # a word that makes no figure ("few") may be a cue's
                self.floor = max(self.floor, end)

    def anchors(self) -> Iterator[tuple[int, int, str]]:
        """Candidate spots in order: digit runs, number words, months before a day, others.

        The text is read in chunks of about ``_CHUNK`` characters (see :meth:`chunks`): each
        chunk's anchors are found by a few C-level scans and sorted together, which costs less
        than merging the streams one by one, and memory stays flat in the length of the text.
        """
        text, g = self.text, self.g
        vulgar = any(char in text for char in VULGAR)  # rare: a fast look first
        urls = "://" in text or "www." in text
        for c0, c1 in self.chunks():
            found = [(m.start(), m.end(), "d") for m in _DIGITS.finditer(text, c0, c1)]
            found += self.word_anchors(c0, c1)
            found += [(m.start(), m.end(), "mo") for m in g.months_re.finditer(text, c0, c1)
                      if not m.start() or not text[m.start() - 1].isalpha()]
            if vulgar:
                found += [(m.start(), m.end(), "v") for m in g.vulgar.finditer(text, c0, c1)]
            if urls:
                found += [(m.start(), m.end(), "url") for m in g.url.finditer(text, c0, c1)]
            found.sort()
            yield from found

    def chunks(self) -> Iterator[tuple[int, int]]:
        """``(start, end)`` pieces of the text of about ``_CHUNK`` characters, cut where no anchor lies."""
        text, c0, n = self.text, 0, len(self.text)
        while c0 < n:
            c1 = min(n, c0 + _CHUNK)
            if c1 < n:
                c1 = _cut(text, c1)
            yield c0, c1
            c0 = c1

    def word_anchors(self, c0: int, c1: int) -> list[tuple[int, int, str]]:
        """Number words in ``text[c0:c1]``, matched in lower case (fast ASCII matching)."""
        text, g = self.text, self.g
        low = text[c0:c1].lower()
        if len(low) == c1 - c0:
            return [(c0 + m.start(), c0 + m.end(), "w") for m in g.words_lower.finditer(low)]
        return [(m.start(), m.end(), "w") for m in g.words_any.finditer(text, c0, c1)]

    def core(self, kind: str | None, p: int, end: int, money: bool) -> list[_Fig]:
        text, g, limit = self.text, self.g, min(len(self.text), p + _AHEAD)
        if kind == "d":
            return _read_digits(text, p, limit, g, self.lex, money, end)
        if kind == "v":
            return [_Fig(p, p + 1, vulgar_value(text[p]) or 0.0, "fraction")]
        if kind == "mo":
            fig = _read_month_first(text, p, limit, self.lex, g)
            return [fig] if fig else []
        fig = _read_word_figure(text, p, self.floor, limit, g)
        return [fig] if fig else []

    def at_anchor(self, kind: str, p: int, end: int) -> list[Quantity]:
        text = self.text
        if kind == "url":
            self.floor = end
            return []  # its digits are no figures
        money = kind == "d" and p > 0 and not text[p - 1].isalnum() and "unit" in self.behind(p)[1]
        figs = self.core(kind, p, end, money)
        if not figs:
            return []
        if figs[0].kind == "skip":
            self.floor = max(self.floor, figs[0].end, end)
            return []
        if len(figs) > 1:
            return [self.quantity(f, f.start, f.end, {}) for f in figs]
        return self.contextualise(figs[0])

    def ratio(self, fig: _Fig, start: int, limit: int) -> bool:
        """'one in three', 'nine out of ten voters', '1 over 20': a proportion (in place).

        'out of' makes a proportion when the part is no larger than the whole. 'in' needs a
        smaller part and one of: a whole of 10, 100 or 1,000 ('nine in 10 say'), a word for a
        population after it (``number_cues.txt``: 'two in three voters'), or the figure opening
        its clause ('Two in three said', 'found that one in five ...'): after a verb, 'killed 5 in
        12 attacks' and 'arrested two in five raids' are counts. Neither when the whole is a year
        or carries a unit ('five in 2019', 'two in 10 days'). 'over' only when nothing is counted
        after it ('1 over 20', not 'one over 20 miles'). ``start`` is where the figure's words
        begin, qualifiers included.
        """
        text = self.text
        m = _RATIO.match(text, fig.end, limit)
        if m is None or fig.kind != "count" or fig.unit or fig.vague:
            return False
        nxt = self.g.anchor.match(text, m.end(), limit)
        if nxt is None or nxt.lastgroup not in ("d", "w"):
            return False
        figs = self.core(nxt.lastgroup, nxt.start(), nxt.end(), False)
        if len(figs) != 1 or figs[0].kind != "count" or not figs[0].value or figs[0].vague:
            return False
        whole, word = figs[0], m["w"].lower()
        if word == "over":
            if not _END_OF_PHRASE.match(text, whole.end):
                return False
        elif _unit_follows(text, whole, self.g) or _year_like(whole):
            return False
        elif word.startswith("out"):
            if not 0 <= fig.value <= whole.value:
                return False
        elif not (0 <= fig.value < whole.value and (
                whole.value in (10, 100, 1000) or self.population_after(whole.end) or self.opens_clause(start))):
            return False
        fig.value, fig.end, fig.kind, fig.plain = fig.value / whole.value, whole.end, "fraction", False
        return True

    def population_after(self, end: int) -> bool:
        """After 'two in three': a word for a population ('voters', 'adults') or 'of'."""
        nxt = _NEXT_WORD.match(self.text, end)
        return nxt is not None and (nxt[1].lower() in self.g.population or nxt[1].lower() == "of")

    def opens_clause(self, start: int) -> bool:
        """Whether the words at ``start`` begin a clause: after nothing, punctuation, or 'that'."""
        head = self.text[max(0, start - 24) : start].rstrip()
        if not head or not head[-1].isalpha():
            return True  # the start of the text, or after punctuation or a quote
        word = _LAST_WORD.search(head)
        return word is not None and word.group().lower() in _CLAUSE_WORDS

    def contextualise(self, fig: _Fig) -> list[Quantity]:
        text = self.text
        limit = min(len(text), fig.end + _AHEAD)
        sign = _negative_sign(text, fig.start, self.floor) if fig.kind not in ("date", "time") else None
        if sign is not None:
            fig.value, fig.start = -fig.value, sign
        start, cues = self.behind(fig.start)
        if sign is not None:
            cues.pop("sign", None)
        if "sign" in cues:
            fig.value = -fig.value
        if "qualifier" not in cues and text[start - 1 : start] in ("<", ">", "="):
            return []  # a garbled comparison ("=>30", "<>30"): no figure we can state
        if "unit" not in cues and self.ratio(fig, start, limit):
            self.qualifier_after(fig, cues, limit)  # 'one in five or more'
            return [self.quantity(fig, start, fig.end, cues)]
        if fig.kind == "ordinal" and "opener" in cues and (rng := self.range_end(fig, cues, limit)) is not None:
            return [rng]  # 'between the tenth and the fifteenth', 'from 3rd to 5th'
        if fig.kind == "ordinal" and not cues and (bound := self.ordinal_bound(fig)) is not None:
            return [bound]
        if fig.vague:  # 'several hundred years', 'a few km', 'several thousand euros'; no age, no time
            self.unit_after(fig, limit, kinds=("duration", "measure", "money"))
        if fig.kind in ("date", "time", "ordinal") or fig.vague:
            return [self.quantity(fig, fig.start if fig.kind != "ordinal" else _without_opener(start, cues),
                                  fig.end, {})]
        self.unit_after(fig, limit)
        if fig.unit or "unit" in cues:
            self.rate_after(fig, limit)
        about = cues.keys() <= {"unit", "qualifier"} and cues.get("qualifier", ("approximate",))[0] == "approximate"
        if about and (within := self.plus_minus(fig, cues, limit)) is not None:
            return [within]  # 'about 45% plus or minus 3 points': the margin states the interval
        if not self.qualifier_after(fig, cues, limit) and (rng := self.range_end(fig, cues, limit)) is not None:
            return [rng]
        start = _without_opener(start, cues)
        self.classify(fig, cues)
        return [self.quantity(fig, start, fig.end, cues)]

    def qualifier_after(self, fig: _Fig, cues: dict[str, tuple[str, str]], limit: int) -> bool:
        """'500 or more', '500+', '20-odd', '(less than 5000) or equal': take the qualifier after the
        figure into ``cues`` (in place); False when none follows."""
        post = self.g.after_qualifier.match(self.text, fig.end, limit)
        if post is None or fig.kind == "time":
            return False
        rule = self.g.after_rules.get(norm(post["q"]))
        if rule and rule[0] == "or_equal":
            before = cues.get("qualifier", ("", ""))[0]
            if before in _OR_EQUAL:
                cues["qualifier"] = (_OR_EQUAL[before], "")
                fig.end = post.end()
        elif rule and not (post["q"] == "odd" and not fig.plain):
            cues["qualifier"] = (rule[0], rule[1])
            fig.end = post.end()
        return True

    def ordinal_bound(self, fig: _Fig) -> Quantity | None:
        """'higher than the tenth', 'lower than the 15th': a comparison ending in 'than' bounds a rank."""
        text = self.text
        the = _THE_BEFORE.search(text, max(self.floor, fig.start - 8), fig.start)
        if the is None:
            return None
        nxt = _NEXT_TOKEN.match(text, fig.end)
        if nxt is not None and nxt[1].lower() not in ("but", "and", "or"):
            return None  # 'more than the first two games': the rank qualifies a noun, not the comparison
        start, cues = self.behind(the.start())
        rule = cues.get("qualifier", ("", ""))[0]
        if len(cues) != 1 or rule not in _OR_EQUAL.keys() | {"at_least", "at_most"}:
            return None
        if not text[start : the.start()].rstrip().lower().endswith("than"):
            return None  # 'over the first half', 'under the third' are not ranks compared
        lo, hi, li, hi_inc, qualifier = _interval(rule, fig.value, self.t)
        return self.make(start, fig.end, lo, hi, li, hi_inc, fig.value, qualifier, "ordinal", None, None)

    def unit_after(self, fig: _Fig, limit: int, kinds: tuple[str, ...] | None = None) -> None:
        """The unit written after the figure ('5 km', '40%', '10 years'), of one of ``kinds`` if given (in place)."""
        u = self.g.unit_after.match(self.text, fig.end, limit)
        if u is None:
            return
        form = u["u"]
        info = self.g.units.get(form) or self.g.units.get(norm(form))
        if info is None or (kinds is not None and info[0] not in kinds):
            return
        if form.lower() in self.g.verb_units and not _UNIT_ENDS_PHRASE.match(self.text, u.end(), limit):
            return  # 'Five won medals': a verb with its object, not 5 won (KRW)
        if info[0] == "time":
            if fig.plain and len(self.text[fig.start : fig.end]) == 4:
                hh, mm = divmod(int(fig.value), 100)
                if hh < 24 and mm < 60:
                    fig.kind, fig.iso, fig.end = "time", f"{hh:02d}:{mm:02d}", fig.end
            return
        fig.kind, fig.unit, fig.end, fig.plain = info[0], info[1], u.end(), False

    def rate_after(self, fig: _Fig, limit: int) -> None:
        """'$350 per kg', '120 km/h', '$80 a barrel', '£9 an hour': the second unit of a rate (in place)."""
        m = _PER.match(self.text, fig.end, limit)
        u = self.g.unit_after.match(self.text, m.end(), limit) if m else None
        if u is None or (m["a"] and not (u["u"].isalpha() and len(u["u"]) > 2)):
            return  # after 'a'/'an' only a unit word: '$80 a barrel', not '$5 a m...'
        if m["a"] and _TIME_AGO.match(self.text, u.end(), limit):
            return  # '$1 billion a year ago', '2.5% a month earlier': a time, not a rate
        info = self.g.units.get(u["u"]) or self.g.units.get(norm(u["u"]))
        if info is not None and info[0] in ("measure", "duration"):
            fig.per, fig.end = self.g.rate_symbols.get(info[1], info[1]), u.end()

    def range_end(self, a: _Fig, cues: dict[str, tuple[str, str]], limit: int) -> Quantity | None:
        """'14 to 52', 'between 20 and 25', '20-25', 'two or three' — or None."""
        text = self.text
        j = _JOIN.match(text, a.end, limit)
        if j is None:
            return None
        joiner = j["j"].lower()
        opener = cues.get("opener", ("", ""))[0]
        if joiner in ("and", "&") and opener != "between":
            return None
        # 'the toll rose from 12 to 30': a figure before and one after, not a range
        change = opener == "from" and change_before(text, int(cues["opener"][1]), "from", self.g.change_verbs)
        at, negative = j.end(), False
        if "unit" in cues and (sign := self.g.money_sign.match(text, at, limit)):
            form = sign.group()
            if self.g.money_signs.get(form, self.g.money_signs.get(form.lower())) == cues["unit"][1]:
                at = sign.end()  # 'between $5m and $10m', '$5-$10'
                while at < limit and text[at] in " \t\u00a0":
                    at += 1
        if text[at : at + 1] in "-−":
            # '-18 °C to -34 °C': a negative second figure only after a negative first one.
            if a.value >= 0 or joiner in "-–—~" or not text[at + 1 : at + 2].isdigit():
                return None
            at, negative = at + 1, True
        if a.kind == "ordinal" and (the := _THE.match(text, at, limit)):
            at = the.end()
        nxt = self.g.anchor.match(text, at, limit)
        if nxt is None or nxt.lastgroup not in ("d", "w") or (joiner in "-–—~" and nxt.lastgroup != "d"):
            return None
        money = "unit" in cues
        figs = self.core(nxt.lastgroup, nxt.start(), nxt.end(), money)
        ordinal = a.kind == "ordinal"
        if len(figs) != 1 or figs[0].vague or (figs[0].kind == "ordinal") != ordinal or (
            not ordinal and figs[0].kind not in ("count", "fraction")
        ):
            return None
        b = figs[0]
        if negative:
            b.value = -b.value
            if b.value < a.value:  # written by magnitude: the colder end second
                a.value, b.value = b.value, a.value
        if joiner == "or" and not (a.kind == b.kind and 0 <= a.value < b.value <= 2 * a.value + 1):
            return None
        if re.match(r"[-–/]\d", text[b.end : b.end + 2]):
            return None
        self.unit_after(b, min(len(text), b.end + _AHEAD))
        if a.per or b.unit or "unit" in cues:
            self.rate_after(b, min(len(text), b.end + _AHEAD))
        if change:
            _share_unit(a, b)
            return None
        if _year_like(a) and not _year_like(b):
            return None  # 'from 2 million in 2000 to 3 million': a year, then a figure
        if (a.unit and b.unit and a.unit != b.unit) or (a.per and b.per and a.per != b.per):
            return None
        if a.mult == 1 and b.mult > 1 and a.value * b.mult < b.value:
            a.value *= b.mult
        if not a.value < b.value:
            return None
        if joiner in "-–—" and _MAGNITUDE_MARK.search(text, max(0, a.start - 3), a.start):
            return None  # 'M 7.7 - 113 km NW of Bela': a magnitude, then the distance
        kind, unit = a.kind, a.unit
        if kind in ("count", "fraction") and b.kind not in ("count", "fraction"):
            kind, unit = b.kind, b.unit
        if a.plain and b.plain and all(1500 <= v <= 2100 for v in (a.value, b.value)):
            probe = _Fig(b.start, b.end, b.value, plain=True)
            self.classify(probe, {})
            kind = probe.kind if probe.kind == "year" else kind
        kind, unit = self.cue_kind(kind, unit, cues)
        start, _ = _behind(text, a.start, self.floor, self.g)
        return self.make(start, b.end, a.value, b.value, True, True, None, "range", kind, _rate(unit, a.per or b.per),
                         None)

    def plus_minus(self, fig: _Fig, cues: dict[str, tuple[str, str]], limit: int) -> Quantity | None:
        """'45% plus or minus 3 points', '9.83e-3 ± 1e-5 km/s2': the interval within the margin."""
        text = self.text
        m = _PLUS_MINUS.match(text, fig.end, limit)
        if m is None or fig.kind not in ("count", "fraction", "percent", "money", "measure"):
            return None
        nxt = self.g.anchor.match(text, m.end(), limit)
        if nxt is None or nxt.lastgroup not in ("d", "w"):
            return None
        figs = self.core(nxt.lastgroup, nxt.start(), nxt.end(), False)
        if len(figs) != 1 or figs[0].kind not in ("count", "fraction") or figs[0].vague or figs[0].value < 0:
            return None
        margin = figs[0]
        self.unit_after(margin, min(len(text), margin.end + _AHEAD))
        if fig.unit and margin.unit and margin.unit != fig.unit and margin.kind != "percent":
            return None
        kind, unit = self.cue_kind(*((fig.kind, fig.unit) if fig.unit else (margin.kind, margin.unit)), cues)
        start, _ = _behind(text, fig.start, self.floor, self.g)
        low, high = fig.value - margin.value, fig.value + margin.value
        return self.make(start, margin.end, low, high, True, True, fig.value, "approximate", kind, unit, None)

    def cue_kind(self, kind: str, unit: str | None, cues: dict[str, tuple[str, str]]) -> tuple[str, str | None]:
        if "unit" in cues and kind in ("count", "fraction"):
            return cues["unit"]
        return kind, unit

    def classify(self, fig: _Fig, cues: dict[str, tuple[str, str]]) -> None:
        """Make a bare four-digit figure a year, and apply currency and age cues."""
        fig.kind, fig.unit = self.cue_kind(fig.kind, fig.unit, cues)
        if fig.kind != "count" or not fig.plain or "qualifier" in cues or fig.end - fig.start != 4:
            return
        if not 1500 <= fig.value <= 2100:
            return
        text = self.text
        if fig.end < len(text) and text[fig.end] == "s":
            fig.kind, fig.iso, fig.end = "year", f"{int(fig.value)}s", fig.end + 1
            return
        if _plural_follows(text, fig.end, self.g):
            return
        fig.kind, fig.iso = "year", str(int(fig.value))

    def quantity(self, fig: _Fig, start: int, end: int, cues: dict[str, tuple[str, str]]) -> Quantity:
        if fig.vague:
            row = fig.vague
            if row["stated"]:
                lo, hi, li, hi_inc, _ = _interval("approximate", fig.value, self.t)
                return self.make(start, end, lo, hi, li, hi_inc, fig.value, "approximate", fig.kind, fig.unit, None)
            bounds = row["bounds"] or "[)"
            high = float(row["high"]) if row["high"] else None
            return self.make(start, end, float(row["low"]), high, bounds[0] == "[", bounds[1] == "]", None,
                             "vague", fig.kind, fig.unit, None)
        if fig.kind in ("date", "time", "year", "ordinal"):
            return self.make(start, end, fig.value, fig.value, True, True, fig.value, "exact", fig.kind,
                             fig.unit, fig.iso)
        rule, factor = cues.get("qualifier", (fig.rule, ""))
        t = float(factor) if factor else self.t
        lo, hi, li, hi_inc, qualifier = _interval(rule, fig.value, t)
        return self.make(start, end, lo, hi, li, hi_inc, fig.value, qualifier, fig.kind, _rate(fig.unit, fig.per),
                         fig.iso)

    def make(self, start: int, end: int, low: float | None, high: float | None, li: bool, hi: bool,
             stated: float | None, qualifier: str, kind: str, unit: str | None, iso: str | None) -> Quantity:
        if kind == "percent":
            unit = unit or "percent"
        return Quantity(low=low, high=high, low_inclusive=li, high_inclusive=hi, stated=stated,
                        qualifier=qualifier, kind=kind, unit=unit, start=start, end=end,
                        text=self.text[start:end], iso=iso)


def change_before(text: str, position: int, word: str, change_verbs: frozenset[str]) -> bool:
    """Whether ``word`` ("from" or "to") ends just before ``position``, with a word of change
    ('rose', 'fell sharply', 'rose by 12 per cent') among the six words before it.

    >>> change_before("The toll rose sharply from 12 to 30", 26, "from", frozenset({"rose"}))
    True
    """
    window = text[max(0, position - 80) : position]  # past an earlier figure too
    m = _WORD_AT_END[word].search(window)
    if m is None:
        return False
    before = window[: m.start()].split()[-6:]
    return any(w.lower().strip(",;:") in change_verbs for w in before)


def _year_like(fig: _Fig) -> bool:
    """A plain four-digit figure that may be a year (1500 to 2100)."""
    return fig.plain and fig.end - fig.start == 4 and 1500 <= fig.value <= 2100


def _share_unit(before: _Fig, after: _Fig) -> None:
    """'rose from 12 to 30 degrees', 'grew from 20 to 25 million': the earlier figure of a change
    is in the later one's unit and scale when it states none (in place)."""
    if before.mult == 1 and after.mult > 1 and after.value / 10 <= before.value * after.mult <= after.value * 10:
        before.value *= after.mult
        before.mult = after.mult
    if before.kind in ("count", "fraction") and not before.unit and after.kind not in ("count", "fraction"):
        before.kind, before.unit = after.kind, after.unit
    before.per = before.per or after.per


def _cut(text: str, c1: int) -> int:
    """Where to end a chunk meant to end near ``c1``: the first safe place from there on
    (``_CUT``), or the end of the text when there is none (no anchor is ever cut in two)."""
    ahead = _CUT.search(text, c1)
    return ahead.start() if ahead is not None else len(text)


def _rate(unit: str | None, per: str | None) -> str | None:
    """'USD' per 'kg' is 'USD/kg'."""
    return f"{unit}/{per}" if unit and per else unit


def _merge_bounds(text: str, quantities: Iterator[Quantity]) -> Iterator[Quantity]:
    """Join 'more than 20 and less than 35' (a lower and an upper bound) into one range."""
    pending: Quantity | None = None
    for q in quantities:
        if pending is not None:
            merged = _merged(text, pending, q)
            if merged is not None:
                yield merged
                pending = None
                continue
            yield pending
        pending = q
    if pending is not None:
        yield pending


def _merged(text: str, a: Quantity, b: Quantity) -> Quantity | None:
    lower, upper = (a, b) if a.high is None else (b, a)
    if not (lower.high is None and lower.low is not None and upper.low is None and upper.high is not None):
        return None
    if lower.low >= upper.high or not _PAIR_GAP.match(text, a.end, b.start):  # type: ignore[operator]
        return None
    return Quantity(low=lower.low, high=upper.high, low_inclusive=lower.low_inclusive,
                    high_inclusive=upper.high_inclusive, stated=None, qualifier="range", kind=a.kind,
                    unit=a.unit or b.unit, start=a.start, end=b.end, text=text[a.start : b.end])


def iter_quantities(
    text: str, *, lexicon: Lexicon | None = None, tolerance: float = DEFAULT_TOLERANCE,
    skip: Sequence[tuple[int, int]] = (),
) -> Iterator[Quantity]:
    """Like :func:`parse_quantities`, but yields the quantities one by one (flat memory).

    No figure starts inside a ``skip`` span ``(start, end)`` (site furniture, say), nor takes
    a qualifier from one: the scan passes over them without reading their figures.

    >>> [q.text for q in iter_quantities("3 min read. 20 left.", skip=[(0, 11)])]
    ['20']
    """
    if not 0 <= tolerance < 1:  # also refuses nan: "about 600" would allow any value
        raise OptionError("tolerance", f"{tolerance!r} is outside [0, 1)")
    lex = lexicon if lexicon is not None else Lexicon.default()
    return (q for q in _merge_bounds(text, _Scan(text, lex, tolerance, skip).run()) if not _footnote(text, q))


def _footnote(text: str, quantity: Quantity) -> bool:
    """A reference marker ("killed 49 people.[3]", "[12]"): a small integer alone in square brackets."""
    return (text[quantity.start - 1 : quantity.start] == "[" and text[quantity.end : quantity.end + 1] == "]"
            and quantity.text.isdigit() and len(quantity.text) <= 3)


def parse_quantities(
    text: str, *, lexicon: Lexicon | None = None, tolerance: float = DEFAULT_TOLERANCE
) -> list[Quantity]:
    """Every figure in ``text``, in order of appearance, as an interval with qualifier and kind.

    Offsets are code points into ``text`` and ``q.text == text[q.start:q.end]``; figures never
    overlap. ``tolerance`` is the relative width of approximations ("about 600" is
    ``[540, 660]`` at the default 0.1); a qualifier row of the lexicon may carry its own.
    ``lexicon`` defaults to :meth:`Lexicon.default`. Never raises on any ``str``; time and memory
    are linear in ``len(text)``.

    >>> [(q.text, q.low, q.high, q.qualifier) for q in parse_quantities("More than 30 left.")]
    [('More than 30', 30, None, 'more_than')]
    >>> q, = parse_quantities("tens of thousands of people")
    >>> q.low, q.high, q.high_inclusive, q.qualifier
    (10000, 100000, False, 'vague')
    >>> [(q.text, q.kind, q.iso) for q in parse_quantities("On 23 May, in 2001, at 16:37 GMT")]
    [('23 May', 'date', '--05-23'), ('2001', 'year', '2001'), ('16:37', 'time', '16:37')]
    >>> q, = parse_quantities("about 600 refugees")
    >>> q.stated, q.low, q.high
    (600, 540, 660)
    """
    return list(iter_quantities(text, lexicon=lexicon, tolerance=tolerance))
