"""Claims: what each figure counts, the event, place, time and source; and the properties every
extraction keeps (never raises, offsets slice the figure's words, every document answers)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import check, extract, load, make_document

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def seed_claims():
    claims = {}
    for document in load(sorted(SEEDS.glob("*.txt"))):
        for claim in extract(document):
            claims[(Path(document.path).name[:3], claim.quantity.text)] = claim
    return claims


@pytest.mark.parametrize(("key", "subject", "predicate", "obj", "when", "according_to"), [
    (("000", "Twenty-three"), "North Koreans", "leave", "China", "2002-06-23", None),
    (("000", "21"), "asylum-seekers", "enter", "South Korean visa office", "2002-05-23", None),
    (("002", "At least 20"), "North Koreans", "enter", "Spanish Embassy", "2002-03-14", None),
    (("002", "two dozen"), "North Koreans", "enter", "embassy", "2002-03-14", None),
    (("003", "Twenty-five"), "North Koreans", "enter", "Spanish embassy", "2002-03-14", None),
    (("003", "seven"), "North Koreans", "enter", "Beijing offices of the United Nations refugee agency",
     "2001-06", None),
    (("002", "seven"), "North Koreans", "enter", "United Nations office", "2001", None),
    (("004", "about 600"), "North Koreans", "deported", None, "--10-09", "South Korean daily Chosun Ilbo"),
    (("004", "more than 500"), "North Koreans", "deported", "home country", None, "Human Rights Watch"),
    (("004", "approximately 2,000"), "North Korean defectors", "hold", "China", None, "Elizabeth Salmon"),
    (("001", "15"), "North Koreans", "leave", "Beijing", "2002-09-11", "German embassy official"),
    (("001", "tens of thousands"), "North Koreans", "displaced", "neighboring China", None, "Ms. Kang"),
])
def test_seed_claims_have_their_frame(seed_claims, key, subject, predicate, obj, when, according_to):
    claim = seed_claims[key]
    assert (claim.subject, claim.predicate, claim.object, claim.when, claim.according_to) == (
        subject, predicate, obj, when, according_to)


def test_scope_and_hedges_are_marked(seed_claims):
    assert "exclusive" in seed_claims[("001", "about 21")].scope          # "another group of about 21"
    assert "exclusive" in seed_claims[("000", "At least 38")].scope       # "... in other foreign embassies"
    assert seed_claims[("004", "approximately 2,000")].hedged             # "has estimated that"
    assert not seed_claims[("003", "Twenty-five")].hedged


def test_ages_and_fact_boxes():
    [document] = load(SEEDS / "003_6b8b1bf036f0e2c5.txt")
    claims = {c.quantity.text: c for c in extract(document)}
    [age] = [c for c in claims.values() if c.kind == "age"]
    assert "14 to 52" in age.quantity.text and (age.quantity.low, age.quantity.high) == (14, 52)
    box = [c for c in claims.values() if c.according_to == "NIS"]
    assert [(c.quantity.stated, c.when) for c in box] == [(583, "2001"), (312, "2000"), (148, "1999")]


@pytest.mark.parametrize(("text", "negated", "hedged"), [
    ("Published: 2023-05-01\n\nThe army denied that 40 people had been arrested on Monday.", True, False),
    ("Published: 2023-05-01\n\nPolice said 300 people were not arrested, as first reported.", True, False),
    ("Published: 2023-05-01\n\nUp to 30 miners may have been trapped, the company said.", False, True),
    ("Published: 2023-05-01\n\nRescuers said 30 miners were trapped underground.", False, False),
])
def test_negation_and_hedging(text, negated, hedged):
    [claim] = extract(make_document(text))
    assert (claim.negated, claim.hedged) == (negated, hedged)


def test_relative_times_resolve_against_the_article_date():
    text = ("Published: 14 March 2002\n\nChina says two dozen North Koreans burst into an embassy on Thursday.\n\n"
            "Last June, a family of seven walked into a UN office. Last year 80 sought asylum.\n")
    whens = {c.quantity.text: c.when for c in extract(make_document(text))}
    assert whens == {"two dozen": "2002-03-14", "seven": "2001-06", "80": "2001"}


def test_no_claims_from_furniture_but_from_the_headline():
    text = ("Home | World | Sport\n30 Koreans Allowed to Leave - 2002-09-11\n3 min read\n100% Font Size\n\n"
            "More than 30 North Korean asylum seekers have been allowed to leave China.\n\n"
            "See also:\n20 Jun 02 | Asia-Pacific\n")
    claims = extract(make_document(text))
    assert [c.quantity.text for c in claims] == ["30", "More than 30"]  # the headline states a fact too
    assert claims[0].predicate == claims[1].predicate == "leave"


@given(st.text(max_size=400))
def test_extraction_never_raises_and_offsets_slice_the_figure(text):
    document = make_document(text)
    for claim in extract(document):
        assert document.text[claim.start:claim.end] == claim.quantity.text
        assert claim.sentence == document.text[claim.sentence_start:claim.sentence_end]
        assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end


@given(st.lists(st.text(max_size=200), max_size=4))
def test_every_document_in_answers_in_the_report(texts):
    documents = [make_document(t, id=f"d{i}", path=f"t{i}.txt") for i, t in enumerate(texts)]
    report = check(documents)
    assert [d.path for d in report.documents] == [d.path for d in documents]
    assert {c.document for c in report.claims} <= {d.id for d in report.documents}


def test_spans_locate_the_claims_words():
    [document] = load(SEEDS / "004_28c7a14b6817f64f.txt")
    checked = 0
    for claim in extract(document):
        spans = {span.label: document.text[span.start:span.end] for span in claim.spans}
        assert spans["figure"] == claim.quantity.text
        if claim.verb:
            assert spans["verb"] == claim.verb
        if "source" in spans:
            assert spans["source"].endswith(claim.according_to)
            checked += 1
        if claim.subject and "subject" in spans:
            assert spans["subject"].endswith(claim.subject)
    assert checked >= 3


def test_the_earlier_figure_of_a_change_is_superseded():
    doc = make_document("Published: 2002-03-14\n\nThe death toll rose sharply from 12 to 30 on Thursday, police said.")
    claims = {c.quantity.text: c for c in extract(doc)}
    assert claims["12"].scope == ("superseded",) and claims["30"].scope == ()
    assert claims["30"].predicate == claims["12"].predicate == "dead"
    other = make_document("Published: 2002-03-14\n\nThirty people were killed in Thursday's attack, police said.")
    linked = {frozenset((link.a, link.b)) for link in check([doc, other]).links}
    ids = {c.quantity.text: c.id for c in check([doc, other]).claims}
    assert linked == {frozenset((ids["30"], ids["Thirty"]))}


@pytest.mark.parametrize("sentence", [
    "The toll rose from 12 to 30 on Thursday.",
    "The toll climbed from 12 on Monday to 30, police said.",
    "The toll rose from 12 people to 30.",
    "The toll rose to 30 from 12.",
    "The toll rose by 150 per cent from 12 to 30.",
])
def test_every_way_of_writing_a_change_supersedes_the_earlier_figure(sentence):
    doc = make_document(f"Published: 2002-03-14\n\n{sentence}")
    scopes = {c.quantity.text: c.scope for c in extract(doc)}
    assert scopes["12"] == ("superseded",) and scopes["30"] == ()



def test_a_fresh_lexicon_builds_its_claim_tables_before_its_grammar_regression_deadlock():
    import threading

    from claimcheck import Lexicon

    lexicon = Lexicon.default().with_rows("events", [{"phrase": "clambered into", "predicate": "enter"}])
    doc = make_document("Published: 2002-03-14\n\nAt least 20 North Koreans clambered into the embassy.")
    found: list = []
    worker = threading.Thread(target=lambda: found.extend(extract(doc, lexicon=lexicon)), daemon=True)
    worker.start()
    worker.join(timeout=30)  # a nested build under a plain lock used to wait for ever
    assert not worker.is_alive() and [c.predicate for c in found] == ["enter"]
