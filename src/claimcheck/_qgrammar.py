"""The quantity grammar compiled from a lexicon: anchor, cue and unit patterns, and rule tables.

Built once per :class:`~claimcheck.Lexicon` (through ``Lexicon.compiled``). Every pattern is
either a prefix-factored alternation of literal words or a fixed shape with bounded repeats, so
no pattern can backtrack catastrophically; the engine only ever applies them at one position or
over a short window.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from ._lexicon import Lexicon
from ._numerals import NumberWords, trie_pattern

__all__ = ["SP", "VULGAR", "Grammar", "grammar", "norm"]

SP = "[ \\t\\u00a0\\u2009\\u202f]"
VULGAR = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"


def _norm(phrase: str) -> str:
    return " ".join(phrase.split()).lower()


@attrs.frozen
class Grammar:
    """Everything the engine needs from a lexicon, compiled."""

    words: NumberWords
    anchor: re.Pattern[str]
    words_lower: re.Pattern[str]
    words_any: re.Pattern[str]
    months_re: re.Pattern[str]
    vulgar: re.Pattern[str]
    url: re.Pattern[str]
    before: re.Pattern[str]
    before_cues: Mapping[str, tuple[str, str, str]]  # phrase -> (type, rule/kind, unit/factor)
    after_qualifier: re.Pattern[str]
    after_rules: Mapping[str, tuple[str, str]]
    unit_after: re.Pattern[str]
    units: Mapping[str, tuple[str, str]]
    multiplier: re.Pattern[str]
    multipliers: Mapping[str, tuple[float, bool, str, str, bool]]  # value, exact, context, qual, joined
    vague: re.Pattern[str]
    vague_rows: Mapping[str, Mapping[str, str]]
    article_units: Mapping[str, tuple[str, str]]  # "a week" -> ("duration", "weeks")
    months: Mapping[str, int]
    month_pattern: str
    pronoun_det: frozenset[str]
    plural_nouns: frozenset[str]
    idioms: re.Pattern[str]  # number words that state no figure ("first class", "second-hand")
    change_verbs: frozenset[str]  # "rose from 12 to 30": two figures, not a range
    population: frozenset[str]  # "two in three voters": a proportion of people
    verb_units: frozenset[str]  # unit words that are also verbs ("won"): a unit only where no object follows
    rate_symbols: Mapping[str, str]  # a unit -> its symbol as a rate's second unit ("hours" -> "h")
    money_sign: re.Pattern[str]  # a currency sign or code before a figure ("$", "US$", "Rs")
    money_signs: Mapping[str, str]  # the sign as matched (lower case unless exact) -> unit


def _alternation(rows: list[tuple[str, bool]]) -> str:
    """A regex alternation of ``(form, exact_case)`` rows where one space stands for any run of
    spaces: prefix-factored (far faster than a flat list; the longest form wins along each
    prefix), the case-insensitive forms first, then the exact-case ones."""
    def spaced(forms: set[str]) -> str:
        return trie_pattern(sorted(forms)).replace(re.escape(" "), SP + "+")

    any_case = {form.lower() for form, exact in rows if not exact}
    exact_case = {form for form, exact in rows if exact}
    parts = ([f"(?:{spaced(any_case)})"] if any_case else []) + ([f"(?-i:{spaced(exact_case)})"] if exact_case else [])
    return "|".join(parts) or "(?!)"


def _before(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, tuple[str, str, str]]]:
    cues: dict[str, tuple[str, str, str]] = {}
    rows: list[tuple[str, bool]] = []
    for r in lex.table("qualifiers"):
        if r["position"] == "before":
            cues[_norm(r["phrase"])] = ("qualifier", r["rule"], r.get("factor", ""))
            rows.append((r["phrase"], False))
    for r in lex.table("units"):
        if r["position"] == "before":
            exact = r.get("case") == "exact"
            cues[r["form"] if exact else _norm(r["form"])] = ("unit", r["kind"], r["unit"])
            rows.append((r["form"], exact))
    openers = (("from", "from"), ("between", "between"), ("from the", "from"), ("between the", "between"),
               ("minus", "minus"), ("negative", "minus"))
    for word, kind in openers:
        cues[word] = ("opener", kind, "")
        rows.append((word, False))
    # Matched against the reversed text before a figure, so one anchored match finds the cue.
    words = _alternation([(f[::-1], e) for f, e in rows if f[:1].isalnum()])
    signs = _alternation([(f[::-1], e) for f, e in rows if not f[:1].isalnum()])
    pattern = re.compile(f"{SP}*(?:(?:{words})(?![\\w])|(?:{signs})(?![<>=~]))", re.IGNORECASE)
    return pattern, cues


def _units(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    units: dict[str, tuple[str, str]] = {}
    rows = []
    for r in lex.table("units"):
        if r["position"] == "after":
            exact = r.get("case") == "exact"
            units[r["form"] if exact else _norm(r["form"])] = (r["kind"], r["unit"])
            rows.append((r["form"], exact))
    return re.compile(f"(?:{SP}{{0,2}}|-)(?P<u>{_alternation(rows)})(?![A-Za-z0-9])", re.IGNORECASE), units


def _multipliers(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, tuple[float, bool, str, str, bool]]]:
    info: dict[str, tuple[float, bool, str, str, bool]] = {}
    rows = []
    for r in lex.table("multipliers"):
        exact = r["case"] == "exact"
        key = r["form"] if exact else r["form"].lower()
        info[key] = (float(r["value"]), exact, r["context"] or "any", r.get("qualifier", ""),
                     r.get("joined") == "yes")
        rows.append((r["form"], exact))
    body = _alternation(rows)
    return re.compile(f"(?P<g>{SP}{{0,2}})(?P<m>{body})(?![A-Za-z0-9])", re.IGNORECASE), info


def article_units(lex: Lexicon) -> dict[str, tuple[str, str]]:
    """'a week', 'an hour', 'a gallon' -> (kind, unit): "a" or "an" and a singular unit word state one
    of it. Every singular duration word does; other units where their row says ``article = yes``.
    Both articles are keyed for every word ("a euro", "an hour"): the text decides which it uses."""
    out = {}
    for r in lex.table("units"):
        form = r["form"].lower()
        if r["position"] != "after" or not form.isalpha():
            continue
        if (r["kind"] == "duration" and not form.endswith("s")) or r.get("article") == "yes":
            out["a " + form] = out["an " + form] = (r["kind"], r["unit"])
    return out


def _word_anchor(lex: Lexicon, nw: NumberWords) -> str:
    words = set(nw.cardinal) | set(nw.ordinal) | {"dozen", "dozens"} | set(article_units(lex))
    for r in lex.table("vague_quantities"):
        words.add(_norm(r["phrase"]).split()[1 if r["phrase"].lower().startswith("a ") else 0])
    return trie_pattern(sorted(w for w in words if w.replace(" ", "").isalpha()))


def _anchor(lex: Lexicon, nw: NumberWords, month_pattern: str) -> re.Pattern[str]:
    words = set(nw.cardinal) | set(nw.ordinal) | {"dozen", "dozens"}
    for r in lex.table("vague_quantities"):
        words.add(_norm(r["phrase"]).split()[1 if r["phrase"].lower().startswith("a ") else 0])
    words.discard("")
    word_alt = trie_pattern(sorted(w for w in words if w.isalpha()))
    return re.compile(
        f"(?P<url>(?:https?://|www\\.)[^\\s]+)|(?P<d>[0-9]+)|(?P<v>[{VULGAR}])|(?P<mo>(?<![A-Za-z])(?:{month_pattern})\\.?{SP}+(?=\\d))"
        f"|(?P<w>(?<![A-Za-z])(?i:{word_alt})(?![A-Za-z]))"
    )


def build(lex: Lexicon) -> Grammar:
    """Compile the grammar for ``lex``."""
    nw = NumberWords.from_tables(lex.table("number_words"), lex.table("ordinal_words"))
    before, before_cues = _before(lex)
    after_rows, after_rules = [], {}
    for r in lex.table("qualifiers"):
        if r["position"] == "after":
            after_rules[_norm(r["phrase"])] = (r["rule"], r.get("factor", ""))
            after_rows.append((r["phrase"], False))
    # Not when a figure follows: "200 or greater than 190", "5000 or equal to 6000".
    not_before_figure = f"(?!{SP}+(?:than|to){SP}+[0-9A-Za-z])(?!{SP}+[0-9])"
    after = re.compile(
        f"(?:{SP}*)(?P<q>{_alternation(after_rows)})(?![A-Za-z0-9]){not_before_figure}", re.IGNORECASE
    )
    unit_after, units = _units(lex)
    multiplier, multipliers = _multipliers(lex)
    vague_rows = {_norm(r["phrase"]): r for r in lex.table("vague_quantities")}
    vague = re.compile(f"(?:{_alternation([(phrase, False) for phrase in vague_rows])})(?![A-Za-z])", re.IGNORECASE)
    months = {r["word"].lower(): int(r["number"]) for r in lex.table("calendar") if r["type"] == "month"}
    month_pattern = trie_pattern(sorted(m.capitalize() for m in months))
    cues = lex.table("number_cues")
    money_before = [r for r in lex.table("units") if r["position"] == "before" and r["kind"] == "money"]
    signs = [(r["form"], r.get("case") == "exact") for r in money_before]
    return Grammar(
        words=nw,
        anchor=_anchor(lex, nw, month_pattern),
        words_lower=re.compile(f"\\b(?:{_word_anchor(lex, nw)})\\b", re.ASCII),
        words_any=re.compile(f"(?<![A-Za-z])(?:{_word_anchor(lex, nw)})(?![A-Za-z])", re.IGNORECASE),
        months_re=re.compile(f"(?:{month_pattern})\\.?{SP}+(?=[0-9])"),
        vulgar=re.compile(f"[{VULGAR}]"),
        url=re.compile(r"(?:https?://|www\.)[^\s]+"),
        before=before,
        before_cues=before_cues,
        after_qualifier=after,
        after_rules=after_rules,
        unit_after=unit_after,
        units=units,
        multiplier=multiplier,
        multipliers=multipliers,
        vague=vague,
        vague_rows=vague_rows,
        article_units=article_units(lex),
        months=months,
        month_pattern=month_pattern,
        pronoun_det=frozenset(r["word"].lower() for r in cues if r["role"] == "pronoun_det"),
        plural_nouns=frozenset(r["word"].lower() for r in cues if r["role"] == "plural_noun"),
        change_verbs=frozenset(r["word"].lower() for r in cues if r["role"] == "change_verb"),
        rate_symbols={r["unit"]: r["rate"] for r in lex.table("units") if r.get("rate")},
        verb_units=frozenset(r["word"].lower() for r in cues if r["role"] == "verb_unit"),
        population=frozenset(r["word"].lower() for r in cues if r["role"] in ("population", "plural_noun")),
        money_sign=re.compile(_alternation(signs), re.IGNORECASE),
        money_signs={(r["form"] if r.get("case") == "exact" else r["form"].lower()): r["unit"] for r in money_before},
        idioms=re.compile(f"(?:{_alternation([(r['phrase'], False) for r in lex.table('number_idioms')])})"
                          "(?![A-Za-z0-9/])", re.IGNORECASE),
    )


def grammar(lex: Lexicon) -> Grammar:
    """The grammar of ``lex``, compiled once and cached on the lexicon."""
    return lex.compiled("claimcheck._qgrammar", build)


def norm(phrase: str) -> str:
    """A phrase as the rule tables key it: lower case, single spaces."""
    return _norm(phrase)
