"""Verdicts from intervals: properties every relation must have, and the user's examples."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import Quantity
from claimcheck._verdicts import consensus, explain, intersect, interval_of, is_flagged, relation
from strategies import claims, make_claim, quantities


def q(low, high, qualifier="exact", stated=None, low_inclusive=True, high_inclusive=True, text="x"):
    return Quantity(low=low, high=high, low_inclusive=low_inclusive, high_inclusive=high_inclusive,
                    stated=stated, qualifier=qualifier, kind="count", unit=None, start=0, end=len(text), text=text)


@given(claims("a"), claims("b"))
def test_relation_is_symmetric(a, b):
    assert relation(a, b) == relation(b, a)
    assert is_flagged(a, b, relation(a, b)) == is_flagged(b, a, relation(b, a))


@given(claims())
def test_a_claim_agrees_with_itself(a):
    assert relation(a, a) == "agree"


@given(quantities(), quantities())
def test_disjoint_intervals_conflict_and_overlapping_ones_never_do(qa, qb):
    a, b = make_claim(qa, "a"), make_claim(qb, "b")
    overlap = intersect(interval_of(qa), interval_of(qb))
    if overlap is None:
        assert relation(a, b) == "conflict"
    else:
        assert relation(a, b) != "conflict"


@given(quantities(), quantities())
def test_conflicts_are_always_flagged(qa, qb):
    a, b = make_claim(qa, "a"), make_claim(qb, "b")
    if relation(a, b) == "conflict":
        assert is_flagged(a, b, "conflict")


@given(st.lists(quantities(), min_size=1, max_size=6))
def test_consensus_is_allowed_by_every_member(qs):
    members = [make_claim(x, f"c{i}") for i, x in enumerate(qs)]
    agreed, outliers = consensus(members)
    assert agreed is not None
    for claim in members:
        if claim.id not in outliers:
            assert intersect(interval_of(claim.quantity), agreed) is not None
    assert len(outliers) < len(members)


@pytest.mark.parametrize(("a", "b", "expected"), [
    (q(20, None, "at_least", 20), q(25, 25, stated=25), "compatible"),            # at least 20 / 25
    (q(540, 660, "approximate", 600), q(500, None, "more_than", 500, False), "compatible"),
    (q(21.6, 26.4, "approximate", 24), q(25, 25, stated=25), "compatible"),      # two dozen / 25
    (q(12, 12, stated=12), q(15, 15, stated=15), "conflict"),                      # 12 vs 15 killed
    (q(500, None, "more_than", 500, False), q(270, 330, "approximate", 300), "conflict"),
    (q(10000, 100000, "vague", high_inclusive=False), q(None, 300000, "at_most", 300000), "compatible"),
    (q(7, 7, stated=7), q(7, 7, stated=7), "agree"),
    (q(540, 660, "approximate", 600), q(600, 600, stated=600), "agree"),
    (q(None, 50, "less_than", 50, high_inclusive=False), q(150, None, "at_least", 150), "conflict"),
])
def test_relations_on_news_figures(a, b, expected):
    assert relation(make_claim(a, "a"), make_claim(b, "b")) == expected


def test_counts_are_never_negative():
    assert interval_of(q(None, 300, "at_most", 300))[:2] == (0, True)


def test_flag_needs_different_sources_and_figures_that_are_not_merely_vague():
    a = make_claim(q(20, None, "at_least", 20), "a", "d1")
    b = make_claim(q(25, 25, stated=25), "b", "d2")
    same_doc = make_claim(q(25, 25, stated=25), "b", "d1")
    other_speaker = make_claim(q(25, 25, stated=25), "b", "d1", according_to="Human Rights Watch")
    vague = make_claim(q(10000, 100000, "vague", high_inclusive=False), "v", "d2")
    bound = make_claim(q(None, 300000, "at_most", 300000), "u", "d3")
    assert is_flagged(a, b, "compatible")
    assert not is_flagged(a, same_doc, "compatible")
    assert is_flagged(a, other_speaker, "compatible")
    assert not is_flagged(vague, bound, "compatible")


def test_explanation_gives_both_figures_sources_and_reasoning():
    a = make_claim(q(540, 660, "approximate", 600, text="about 600"), "a", "d1", according_to="Chosun Ilbo")
    b = make_claim(q(500, None, "more_than", 500, False, text="more than 500"), "b", "d1",
                   according_to="Human Rights Watch")
    text = explain(a, b, "compatible", True, {"d1": "Al Arabiya"})
    for part in ("'about 600'", "'more than 500'", "Chosun Ilbo", "Human Rights Watch", "Both can be true",
                 "figures differ"):
        assert part in text
    conflict = explain(a, make_claim(q(300, 300, stated=300, text="300"), "c"), "conflict", True)
    assert "both cannot be true" in conflict


def test_consensus_of_the_spanish_embassy_figures_is_25():
    members = [make_claim(q(20, None, "at_least", 20), "a"), make_claim(q(21.6, 26.4, "approximate", 24), "b"),
               make_claim(q(25, 25, stated=25), "c")]
    agreed, outliers = consensus(members)
    assert agreed == (25, True, 25, True) and outliers == ()


def test_consensus_names_the_outlier():
    members = [make_claim(q(12, 12, stated=12), "a"), make_claim(q(12, 12, stated=12), "b"),
               make_claim(q(15, 15, stated=15), "c")]
    agreed, outliers = consensus(members)
    assert agreed == (12, True, 12, True) and outliers == ("c",)
    assert math.isinf(interval_of(q(1, None, "at_least", 1))[2])
