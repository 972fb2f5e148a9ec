"""Same-fact linking: blocking, the score's terms, exclusions and complete-linkage clusters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck import Quantity
from claimcheck._claims import normalise_phrase
from claimcheck._linking import Candidate, candidate_pairs, cluster_candidates
from strategies import make_claim


def figure(value: int) -> Quantity:
    text = str(value)
    return Quantity(low=value, high=value, low_inclusive=True, high_inclusive=True, stated=value,
                    qualifier="exact", kind="count", unit=None, start=0, end=len(text), text=text)


def claim(claim_id, document, value=25, subject="North Koreans", predicate="enter", obj="Spanish embassy",
          when="2002-03-14", **fields):
    return make_claim(figure(value), claim_id, document, subject=subject, subject_key=normalise_phrase(subject),
                      category=fields.pop("category", "person"), predicate=predicate, object=obj,
                      object_key=normalise_phrase(obj), when=when, **fields)


def pairs(claims):
    return {frozenset((c.a, c.b)) for c in candidate_pairs(claims)}


def test_same_event_thing_place_and_time_link_with_a_high_score():
    found = candidate_pairs([claim("a", "d1", 20), claim("b", "d2", 25, subject="N. Korean asylum-seekers")])
    assert len(found) == 1 and found[0].score >= 0.9
    terms = " ".join(term for term, _ in found[0].evidence)
    assert "same fact" in terms and "counted group" in terms and "times meet" in terms


def test_different_predicates_never_link():
    assert not pairs([claim("a", "d1", predicate="deported"), claim("b", "d2", predicate="hold")])


def test_different_named_places_and_facilities_keep_claims_apart():
    assert not pairs([claim("a", "d1"), claim("b", "d2", obj="Canadian embassy")])
    assert not pairs([claim("a", "d1", obj="South Korean visa office"),
                      claim("b", "d2", obj="South Korean embassy")])
    assert pairs([claim("a", "d1", obj="embassy"), claim("b", "d2", obj="Spanish Embassy")])


def test_times_that_cannot_meet_keep_claims_apart():
    assert not pairs([claim("a", "d1", when="2002-06-23"), claim("b", "d2", when="2002-09-11")])
    assert pairs([claim("a", "d1", when="2001"), claim("b", "d2", when="2001-06")])


def test_scope_negation_and_kind_exclude_links():
    base = claim("a", "d1")
    assert not pairs([base, claim("b", "d1", scope=("exclusive",))])  # "another group" in the same article
    assert pairs([base, claim("b", "d2", scope=("exclusive",))])  # another article may mean the same group
    assert not pairs([base, claim("b", "d2", negated=True)])
    assert not pairs([base, claim("b", "d2", scope=("cumulative",))])
    assert not pairs([base, claim("b", "d2", subject="provinces", category="place")])
    assert not pairs([base, claim("b", "d2", scope=("superseded",))])  # the 12 of "rose from 12 to 30"


def test_counts_of_different_things_do_not_link():
    assert not pairs([claim("a", "d1", subject="men"), claim("b", "d2", subject="North Koreans")])


def test_complete_linkage_does_not_chain_through_a_shared_neighbour():
    candidates = [Candidate("a", "b", 0.9, ()), Candidate("b", "c", 0.85, ())]
    assert cluster_candidates(candidates, str) == [["a", "b"]]
    candidates.append(Candidate("a", "c", 0.7, ()))
    assert cluster_candidates(candidates, str) == [["a", "b", "c"]]


@given(st.permutations(range(6)))
def test_links_do_not_depend_on_input_order(order):
    claims = [claim("a", "d1", 20), claim("b", "d2", 25), claim("c", "d3", 24, obj="embassy"),
              claim("d", "d1", 7, obj="United Nations office", when="2001"),
              claim("e", "d2", 7, obj="Beijing offices of the United Nations refugee agency", when="2001-06"),
              claim("f", "d3", 600, predicate="deported", obj=None, when=None)]
    shuffled = [claims[i] for i in order]
    expected = pairs(claims)
    assert pairs(shuffled) == expected
    key = {c.id: c.id for c in claims}.__getitem__
    assert cluster_candidates(candidate_pairs(shuffled), key) == cluster_candidates(candidate_pairs(claims), key)


def test_an_estimate_of_the_final_toll_is_judged_across_report_days():
    """Counts of a running tally on two days are two moments; an estimate ("could reach") is not."""
    from claimcheck import make_document

    documents = [make_document(f"Published: 2021-05-0{day}\n\nx", id=f"d{n}") for n, day in ((1, 4), (2, 7))]

    def toll(claim_id, document, value, hedged):
        return make_claim(figure(value), claim_id, document, predicate="dead", when=None, hedged=hedged,
                          sentence=f"The toll could reach {value}." if hedged else f"The toll reached {value}.")
    counts = [toll("a", "d1", 400, False), toll("b", "d2", 900, False)]
    assert candidate_pairs(counts, documents) == []
    estimate = [toll("a", "d1", 3000, True), toll("b", "d2", 900, False)]
    assert {frozenset((c.a, c.b)) for c in candidate_pairs(estimate, documents)} == {frozenset(("a", "b"))}
