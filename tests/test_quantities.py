"""Table-driven tests of parse_quantities: tests/data/phrases.tsv and the seed articles."""

from __future__ import annotations

import itertools
import math
from pathlib import Path

import pytest

from claimcheck import Lexicon, Quantity, parse_quantities

DATA = Path(__file__).parent / "data"
SEEDS = Path(__file__).parents[1] / "seeds"


def _num(cell: str) -> float | None:
    return None if cell == "-" else float(cell)


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def _phrase_cases() -> tuple[list, list]:
    cases, negatives = [], []
    for number, line in enumerate(DATA.joinpath("phrases.tsv").read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "!nocount":
            negatives.append(pytest.param(cells[1].replace("\\n", "\n"), id=f"L{number}"))
            continue
        cells += [""] * (9 - len(cells))
        cells[0] = cells[0].replace("\\n", "\n")
        cases.append(pytest.param(*cells, id=f"L{number}:{cells[1][:30]}"))
    return cases, negatives


CASES, NEGATIVES = _phrase_cases()


def test_the_table_is_large_enough():
    assert len(CASES) >= 300


@pytest.mark.parametrize(
    ("sentence", "figure", "kind", "qualifier", "low", "high", "bounds", "stated", "extra"), CASES
)
def test_phrase(sentence, figure, kind, qualifier, low, high, bounds, stated, extra):
    found = parse_quantities(sentence)
    matching = [q for q in found if q.text == figure]
    assert len(matching) == 1, [(q.text, q.kind) for q in found]
    q = matching[0]
    assert (q.kind, q.qualifier) == (kind, qualifier)
    if bounds != "*":
        assert _close(q.low, _num(low)) and _close(q.high, _num(high)), (q.low, q.high)
        assert (q.low_inclusive, q.high_inclusive) == (bounds[0] == "[", bounds[1] == "]")
        assert _close(q.stated, _num(stated))
    for item in filter(None, extra.split(",")):
        key, value = item.split("=", 1)
        assert getattr(q, key) == value


@pytest.mark.parametrize("sentence", NEGATIVES)
def test_no_count_in(sentence):
    assert [q.text for q in parse_quantities(sentence) if q.kind == "count"] == []


def _seed_rows() -> tuple[list, list]:
    claims, negatives = [], []
    for line in DATA.joinpath("seed_claims.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "!nocount":
            negatives.append(pytest.param(cells[1], cells[2], id=cells[2][:30]))
        else:
            claims.append(pytest.param(*cells, id=f"{cells[0][:3]}:{cells[1][:30]}:{cells[3]}"))
    return claims, negatives


SEED_CLAIMS, SEED_NEGATIVES = _seed_rows()


def _in_quote(name: str, quote: str) -> list[Quantity]:
    text = SEEDS.joinpath(name).read_text(encoding="utf-8")
    at = text.index(quote)
    return [q for q in parse_quantities(text) if at <= q.start and q.end <= at + len(quote) + 8]


def _seed_match(q: Quantity, rule: str, low: float | None, high: float | None, li: bool, hi: bool) -> bool:
    if rule == "count":
        return _close(q.low, low) and _close(q.high, high) and q.low_inclusive and q.high_inclusive
    if rule == "approximate":
        return q.stated == low and q.contains(low)
    if rule == "vague":
        return q.low is not None and q.high is not None and q.low < high and q.high > low and not q.is_point
    if rule == "upper":
        return (q.low is None or q.low == 0) and _close(q.high, high) and q.high_inclusive == hi
    if rule == "lower":
        return _close(q.low, low) and q.high is None and q.low_inclusive == li
    return _close(q.low, low) and _close(q.high, high) and (q.low_inclusive, q.high_inclusive) == (li, hi)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not in this checkout")
@pytest.mark.parametrize(("name", "quote", "rule", "low", "high", "li", "hi"), SEED_CLAIMS)
def test_seed_claim(name, quote, rule, low, high, li, hi):
    found = _in_quote(name, quote)
    assert any(_seed_match(q, rule, _num(low), _num(high), li == "1", hi == "1") for q in found), found


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles not in this checkout")
@pytest.mark.parametrize(("name", "quote"), SEED_NEGATIVES)
def test_seed_not_a_count(name, quote):
    assert [q.text for q in _in_quote(name, quote) if q.kind == "count"] == []


def test_offsets_are_code_points_into_the_input():
    text = "Über 😀 « more than 500 » et 23 mai — two dozen"
    for q in parse_quantities(text):
        assert text[q.start : q.end] == q.text


def test_tolerance_is_configurable():
    (q,) = parse_quantities("about 600", tolerance=0.2)
    assert (q.low, q.high) == (480, 720)


def test_a_user_lexicon_extends_the_vocabulary():
    lex = Lexicon.default().with_rows("vague_quantities", [
        {"phrase": "a smattering of", "low": "2", "high": "8", "bounds": "[]", "stated": "", "qualifier": "vague"}
    ])
    assert [(q.low, q.high) for q in parse_quantities("a smattering of protesters", lexicon=lex)] == [(2, 8)]
    lex = lex.with_rows("number_words", [{"word": "zwei", "value": "2", "role": "unit"}])
    assert [q.stated for q in parse_quantities("zwei people", lexicon=lex)] == [2]


def test_qualifier_rows_may_carry_their_own_tolerance():
    lex = Lexicon.default().with_rows("qualifiers", [
        {"phrase": "in the region of", "position": "before", "rule": "approximate", "factor": "0.25"}
    ])
    (q,) = parse_quantities("in the region of 400 troops", lexicon=lex)
    assert (q.low, q.high, q.qualifier) == (300, 500, "approximate")


def test_figures_do_not_overlap_and_come_in_order():
    text = "between 20 and 25, 20-25 and more than 30 and less than 40; 1,2,3 and two or three"
    found = parse_quantities(text)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_pronoun_one_is_not_a_figure_but_one_person_is():
    assert parse_quantities("Which one is it?") == []
    assert [q.stated for q in parse_quantities("Only one person was hurt.")] == [1]


def test_hyphen_joins_a_range_only_upwards_regression_fact_box():
    found = parse_quantities("2001 - 583")
    assert [(q.text, q.kind) for q in found] == [("2001", "year"), ("583", "count")]


def test_long_digit_runs_are_not_figures_but_do_not_crash():
    assert parse_quantities("1" * 5000) == []


# Where the peer suites (../shared/peer_suites) read a figure differently, our news reading stands;
# benchmarks/peer_suites.py names each suite case that differs by one of these conventions.
# Each entry: convention, our own sentence, and what we read in it: (kind, words, stated figure).
CONVENTIONS = [
    ("dates are dates", "The talks resumed on 5/17/2018 in Geneva.", [("date", "5/17/2018", 5)]),
    ("dates are dates", "Exports for 1995-01 were revised.", [("date", "1995-01", 1995)]),
    ("years are years", "Fewer than 3000 applied in 2009.", [("count", "Fewer than 3000", 3000),
                                                            ("year", "2009", 2009)]),
    ("clock times are times", "The shelling stopped at 2 pm.", [("time", "2 pm", 2)]),
    ("ordinals are ranks", "The first two ships docked at noon.", [("ordinal", "first", 1), ("count", "two", 2)]),
    ("ordinals are ranks", "The 21st-century port handles 40 ships.", [("ordinal", "21st", 21), ("count", "40", 40)]),
    ("ordinals are ranks", "He was the two millionth visitor.", [("ordinal", "two millionth", 2_000_000)]),
    ("measures are measures", "Each child got a 180ml bottle.", [("measure", "180ml", 180)]),
    ("measures are measures", "The wall is 1m high.", [("measure", "1m", 1)]),
    ("labels are no figures", "Flight MH-17 and the OAO-2 probe were lost.", []),
    ("phone numbers are no figures", "Call +44-207-946-0958 for details.", []),
    ("a dozen is twelve", "Police seized a dozen rifles.", [("count", "a dozen", 12)]),
    ("a million and a half is 1.5 million", "A million and a half people voted.",
     [("count", "A million and a half", 1_500_000)]),
    ("the article is no figure", "Zero is a small number of cases.", [("count", "Zero", 0)]),
    ("fractions join the number", "It weighed forty two and a third kilos.",
     [("measure", "forty two and a third kilos", 42 + 1 / 3)]),
    ("fractions join the number", "The error was a trillionth of a second.", [("fraction", "a trillionth", 1e-12)]),
    ("idioms are no figures", "She flew first class to Geneva.", []),
    ("a change is two figures", "Rents rose from $350 to $680.", [("money", "$350", 350), ("money", "$680", 680)]),
    ("brackets are asides", "The firm lost $9m ($7m in 2001).", [("money", "$9m", 9e6), ("money", "$7m", 7e6),
                                                                 ("year", "2001", 2001)]),
    ("vague amounts are figures", "The ruins stood for several hundred years.",
     [("duration", "several hundred years", None)]),
    ("proportions are fractions", "One in three voters stayed home.", [("fraction", "One in three", 1 / 3)]),
    ("every figure is read", "The score was 200 or more than 190.", [("count", "200", 200),
                                                                      ("count", "more than 190", 190)]),
]


@pytest.mark.parametrize(("convention", "text", "expected"), CONVENTIONS, ids=[f"{c[0]}: {c[1]}" for c in CONVENTIONS])
def test_conventions_that_differ_from_peer_suites(convention, text, expected):
    got = [(q.kind, q.text, q.stated) for q in parse_quantities(text)]
    assert len(got) == len(expected), got
    for (kind, words, stated), (want_kind, want_words, want) in zip(got, expected, strict=True):
        assert (kind, words) == (want_kind, want_words)
        assert (stated is None and want is None) or math.isclose(stated, want)


def test_up_to_is_open_below_regression_upper_bound():
    (q,) = parse_quantities("up to 300,000 North Korean refugees")
    assert (q.low, q.high, q.high_inclusive, q.qualifier) == (None, 300000, True, "at_most")


def test_a_third_country_is_not_a_fraction_regression():
    assert [(q.text, q.kind) for q in parse_quantities("via a third country")] == [("third", "ordinal")]


def test_url_digits_are_not_figures_regression_link_lists():
    assert parse_quantities("see https://www.test.com/search?q=30%25%2020%") == []


@pytest.mark.parametrize(("text", "words", "low", "high"), [
    ("the toll could reach as high as 4,000", "as high as 4,000", None, 4000),
    ("as few as 30 people turned up", "as few as 30", 30, None),
    ("tickets cost as little as $5", "as little as $5", 5, None),
])
def test_as_high_as_and_as_few_as_are_bounds(text, words, low, high):
    """A word that makes no figure ("few") still belongs to the qualifier before the next one."""
    (q,) = parse_quantities(text)
    assert (q.text, q.low, q.high) == (words, low, high)
