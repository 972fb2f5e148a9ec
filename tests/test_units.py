"""Measures in other units of one dimension: converted before they are judged, at written precision."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import Quantity, check, make_document
from claimcheck._units import conversion, dimension_of
from claimcheck._verdicts import explain, relation
from strategies import make_claim

LENGTHS = ["km", "mi", "m", "ft"]


def measure(value: float, unit: str, qualifier: str = "exact", tolerance: float = 0.1) -> Quantity:
    text = f"{value:g} {unit}"
    low, high = (value * (1 - tolerance), value * (1 + tolerance)) if qualifier == "approximate" else (value, value)
    return Quantity(low=low, high=high, low_inclusive=True, high_inclusive=True, stated=value, qualifier=qualifier,
                    kind="measure", unit=unit, start=0, end=len(text), text=text)


def claim(value: float, unit: str, claim_id: str, qualifier: str = "exact"):
    return make_claim(measure(value, unit, qualifier), claim_id, f"d-{claim_id}", predicate="depth")


def test_units_of_one_dimension_share_it_and_others_do_not():
    assert dimension_of("km") == dimension_of("mi") == dimension_of("ft")
    assert dimension_of("kg") == dimension_of("lb") != dimension_of("km")
    assert dimension_of("deg") == "deg"  # degrees of angle or of heat: never converted
    assert conversion("km", "kg") is None
    assert round(conversion("degF", "degC")(212), 6) == 100


@pytest.mark.parametrize(("a", "b", "expected"), [
    (claim(5, "mi", "a"), claim(8, "km", "b"), "agree"),                       # one figure, rounded
    (claim(120, "mi", "a"), claim(190, "km", "b", "approximate"), "compatible"),
    (claim(150, "mi", "a"), claim(190, "km", "b", "approximate"), "conflict"),
    (claim(10, "km", "a"), claim(6.2, "mi", "b"), "agree"),
    (claim(10, "km", "a"), claim(12, "mi", "b"), "conflict"),
])
def test_measures_in_other_units_are_judged_in_one(a, b, expected):
    assert relation(a, b) == expected


def test_the_explanation_says_how_one_unit_reads_in_the_other():
    a, b = claim(8, "km", "a"), claim(5, "mi", "b")
    assert "5 mi is 8.0 km: the same figure in another unit" in explain(a, b, "agree", False)


@given(st.floats(0.1, 1e5), st.sampled_from(LENGTHS), st.floats(0.1, 1e5), st.sampled_from(LENGTHS),
       st.sampled_from(["exact", "approximate"]))
def test_a_verdict_across_units_does_not_depend_on_the_order(va, ua, vb, ub, qualifier):
    a, b = claim(round(va, 1), ua, "a"), claim(round(vb, 1), ub, "b", qualifier)
    assert relation(a, b) == relation(b, a)


@given(st.floats(0.1, 1e5), st.sampled_from(LENGTHS), st.sampled_from(LENGTHS))
def test_a_figure_agrees_with_itself_written_in_another_unit(value, unit, other):
    exact = round(value, 1)
    converted = round(conversion(unit, other)(exact), 3)
    assert relation(claim(exact, unit, "a"), claim(converted, other, "b")) == "agree"


def test_a_depth_in_miles_links_with_one_in_kilometres():
    texts = ["Published: 2021-05-04\n\nThe quake struck at a depth of 5 miles, the survey said.",
             "Published: 2021-05-04\n\nThe quake was 12km deep, the national agency said."]
    report = check([make_document(text, id=f"d{n}") for n, text in enumerate(texts)])
    [link] = report.links
    assert link.relation == "conflict" and link.flag
    assert "12km is 7.5 mi. No value" in link.explanation or "5 miles is 8.0 km. No value" in link.explanation
