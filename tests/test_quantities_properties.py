"""Property-based tests of parse_quantities (strategies in tests/strategies.py)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import Quantity, _quantities, parse_quantities
from claimcheck._quantities import iter_quantities
from strategies import grouped_numerals, qualified_figures, qualified_number_forms, scientific_numerals, spelled_numbers


def _valid(text: str) -> None:
    found = parse_quantities(text)
    last = 0
    for q in found:
        assert 0 <= last <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        last = q.end


@given(spelled_numbers())
def test_numbers_in_words_parse_back(case):
    n, words = case
    found = parse_quantities(f"Officials said {words} people were counted.")
    assert [q.stated for q in found] == [n], words


@given(grouped_numerals())
def test_grouped_numerals_parse_back(case):
    n, digits = case
    found = [q for q in parse_quantities(f"They counted {digits} ballots.") if q.kind in ("count", "year")]
    assert [q.stated for q in found] == [n], digits


@given(qualified_figures())
def test_qualifiers_state_their_interval(case):
    phrase, rule, v = case
    (q,) = parse_quantities(f"Police said {phrase} {v:,} people marched.")
    assert q.stated == v
    inside = {
        "at_least": True, "more_than": False, "at_most": True, "less_than": False,
        "approximate": True, "nearly": False, "just_over": False,
    }[rule]
    assert q.contains(v) is inside
    if rule in ("at_least", "more_than"):
        assert q.high is None and q.contains(v * 2)
    if rule in ("at_most", "less_than"):
        assert q.low is None and q.contains(v / 2)
    if rule == "nearly":
        assert q.contains(v * 0.95) and not q.contains(v * 1.01)
    if rule == "just_over":
        assert q.contains(v * 1.05) and not q.contains(v * 0.99)
    if rule == "approximate":
        assert q.contains(v * 0.95) and q.contains(v * 1.05)


@given(st.text())
def test_any_text_gives_valid_quantities(text):
    _valid(text)


@given(st.text(alphabet="0123456789 ,.-–/:%$£½abkmnotrhe", max_size=80))
def test_figure_like_noise_gives_valid_quantities(text):
    _valid(text)


def test_a_hundred_thousand_digits():
    _valid("7" * 100_000)
    _valid("1," * 50_000)


def test_ten_thousand_qualifiers():
    text = "more than " * 10_000 + "500 people"
    found = parse_quantities(text)
    _valid(text)
    assert found[-1].stated == 500 and found[-1].qualifier == "more_than"


def test_many_number_words_in_a_row():
    _valid("one two three four five six seven eight nine ten " * 2000)
    _valid("twenty " * 20_000)


@given(st.lists(st.sampled_from(["20 left.", "3 min read", "About 600 were deported. ", "\n", "Home | 2002"]),
                max_size=12), st.data())
def test_skipped_spans_hold_no_figure_and_the_rest_is_read_alike(pieces, data):
    text = "".join(pieces)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4)))
    skip = list(zip(cuts[::2], cuts[1::2], strict=False))
    found = list(iter_quantities(text, skip=skip))
    assert not any(a <= q.start < b for q in found for a, b in skip)
    everything = parse_quantities(text)
    assert list(iter_quantities(text)) == everything
    outside = [q for q in everything if not any(a <= q.start < b or q.start < a < q.end for a, b in skip)]
    assert set(outside) <= set(found)


@given(st.integers(1, 999), st.integers(2, 1000), st.sampled_from(["in", "out of"]))
def test_a_part_of_a_whole_is_a_proportion(part, whole, joiner):
    found = parse_quantities(f"Officials said {part:,} {joiner} {whole:,} residents had left.")
    if part < whole or (part == whole and joiner == "out of"):  # "ten out of ten", not "two in two"
        (q,) = found
        assert (q.kind, q.qualifier) == ("fraction", "exact") and math.isclose(q.stated, part / whole)
    else:
        assert [q.kind for q in found] == ["count", "count"]


@given(st.integers(1, 10**6), st.integers(0, 10**5), st.sampled_from(["plus or minus", "±", "+/-"]))
def test_a_margin_makes_the_interval_around_the_figure(value, margin, words):
    (q,) = parse_quantities(f"The survey put it at {value:,} {words} {margin:,} people.")
    assert (q.stated, q.low, q.high, q.qualifier) == (value, value - margin, value + margin, "approximate")
    assert q.contains(value) and not q.contains(value + margin + 1)


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.sampled_from(["rose", "fell", "climbed", "dropped sharply"]))
def test_a_change_states_two_figures_not_a_range(before, after, verb):
    found = parse_quantities(f"The number {verb} from {before:,} to {after:,} last year.")
    assert [(q.kind, q.stated) for q in found if q.kind == "count"] == [("count", before), ("count", after)]


_PIECES = ["Sept. 12", "a week", "about 600", "22,24,26", "twenty-one", "on 23 May,", "(0200 GMT)", "½", "3 min read",
           "www.example.com/2002/06/23", "rose from 12 to 30", "between $5m and $10m", "one in five adults.", "\n"]


@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.integers(8, 64))
def test_chunks_of_any_size_read_the_same_figures(pieces, size):
    text = " ".join(pieces)
    whole = parse_quantities(text)
    original = _quantities._CHUNK
    _quantities._CHUNK = size
    try:
        assert parse_quantities(text) == whole
    finally:
        _quantities._CHUNK = original


# --- scientific notation and empty intervals (issue 18) -------------------------------------------

@pytest.mark.parametrize(("written", "value"), [("0.00001e5", 1), ("9999999999999999e1", 9999999999999999e1),
                                                ("0.0001 x 10^-3", 1e-7), ("1.5e3", 1500)])
def test_scientific_mantissa_already_in_exponent_form_regression(written, value):
    (q,) = parse_quantities(written)
    assert (q.text, q.stated, q.low, q.high) == (written, value, value, value)


@pytest.mark.parametrize("text", [".1.5e3", ".3.8x107n", "(.25e3 cells)", ".1 000e3"])
def test_a_stray_point_before_scientific_notation_regression(text):
    _valid(text)  # found by benchmarks/fuzz.py: the mantissa '.1.5' is no decimal


@given(scientific_numerals())
def test_scientific_notation_reads_its_value(case):
    written, value = case
    text = f"The lab counted {written} cells."
    (q,) = [q for q in parse_quantities(text) if q.kind == "count"]
    assert q.text == written and q.stated == value and q.low == q.high == value and q.qualifier == "exact"


def _not_empty(q: Quantity) -> bool:
    if q.low is None or q.high is None:
        return True
    return q.low < q.high or (q.low == q.high and q.low_inclusive and q.high_inclusive)


@pytest.mark.parametrize("text", ["nearly 0", "a little over 0", "almost zero", "just under 0%", "just over $0"])
def test_nearly_zero_is_the_point_zero_regression(text):
    (q,) = parse_quantities(text)
    assert (q.low, q.high, q.low_inclusive, q.high_inclusive, q.qualifier) == (0, 0, True, True, "approximate")
    assert q.contains(0)


def test_a_qualifier_with_no_tolerance_states_the_point_regression():
    (q,) = parse_quantities("nearly 500 people", tolerance=0)
    assert (q.low, q.high, q.low_inclusive, q.high_inclusive) == (500, 500, True, True)


@given(qualified_number_forms(), st.sampled_from(["", " people", " per cent", " km"]),
       st.sampled_from([0.0, 0.1, 1e-20, 0.999]))
def test_no_quantity_is_an_empty_interval(form, tail, tolerance):
    for q in parse_quantities(f"Officials said {form}{tail} on Monday.", tolerance=tolerance):
        assert _not_empty(q), q
