"""claimcheck.testing's strategies, and the properties the library meets on what they write:
planted conflicts are found, agreements and compatible figures are not called conflicts,
distractors are never flagged, verdicts do not depend on document order, output is
deterministic, and a document that says nothing new changes no verdict."""

from __future__ import annotations

from hypothesis import event, given, settings, target
from hypothesis import strategies as st

import claimcheck
from claimcheck import check, make_document, parse_quantities
from claimcheck.testing import FigurePhrase, articles, figure_phrases, number_to_words, source_sets


def _docs(texts, order=None):
    order = order or range(len(texts))
    return [make_document(texts[i], id=f"d{i + 1}", path=f"article{i + 1}.txt") for i in order]


def _findings(report):
    """Links by content (article and figure), independent of ids."""
    def key(claim_id):
        claim = report.claim(claim_id)
        return (report.document(claim.document).path, claim.start)
    return sorted((tuple(sorted((key(link.a), key(link.b)))), link.relation, link.flag) for link in report.links)


@given(figure_phrases())
def test_a_rendered_figure_parses_back_to_its_interval(phrase: FigurePhrase):
    event(phrase.qualifier)
    parsed = parse_quantities(f"Officials said {phrase.text} people were evacuated.")
    assert [FigurePhrase.interval_of(q) for q in parsed] == [phrase.interval]


@given(st.integers(0, 10**12 - 1))
def test_number_to_words_round_trips(n):
    assert [q.stated for q in parse_quantities(number_to_words(n))] == [n]


@settings(max_examples=25)
@given(source_sets())
def test_planted_relations_are_found_and_distractors_stay_quiet(source_set):
    event(source_set.relation)
    target(len(source_set.texts), label="articles")
    report = check(_docs(source_set.texts))
    about_event = [link for link in report.links
                   if source_set.event in report.claim(link.a).sentence]
    relations = {link.relation for link in about_event}
    n = len(source_set.texts)
    if source_set.relation == "conflict":
        assert "conflict" in relations and all(link.flag for link in about_event if link.relation == "conflict")
    else:
        assert "conflict" not in relations
    assert len(about_event) == n * (n - 1) // 2
    for link in report.links:
        sentences = report.claim(link.a).sentence + report.claim(link.b).sentence
        assert not any(place in sentences for place in source_set.distractors), link


@settings(max_examples=15)
@given(source_sets(), st.randoms())
def test_document_order_never_changes_the_findings(source_set, rng):
    order = list(range(len(source_set.texts)))
    rng.shuffle(order)
    assert _findings(check(_docs(source_set.texts, order))) == _findings(check(_docs(source_set.texts)))


@settings(max_examples=10)
@given(source_sets())
def test_same_input_same_bytes(source_set):
    from claimcheck._render import render_json

    assert render_json(check(_docs(source_set.texts))) == render_json(check(_docs(source_set.texts)))


@settings(max_examples=15)
@given(source_sets(), articles())
def test_an_unrelated_document_changes_no_existing_verdict(source_set, extra):
    before = _findings(check(_docs(source_set.texts)))
    after = _findings(check(_docs([*source_set.texts, extra.text])))
    paths = {f"article{i + 1}.txt" for i in range(len(source_set.texts))}
    kept = [f for f in after if {f[0][0][0], f[0][1][0]} <= paths]
    assert kept == before


@settings(max_examples=25)
@given(articles())
def test_planted_claims_are_extracted(article):
    event(f"{len(article.claims)} claims")
    document = make_document(article.text, id="d1")
    found = claimcheck.extract(document)
    for planted in article.claims:
        at = document.text.index(planted.quote)
        matching = [c for c in found if at <= c.start < at + len(planted.quote)]
        assert matching, planted
        claim = matching[0]
        assert FigurePhrase.interval_of(claim.quantity) == planted.interval
        assert claim.predicate == planted.predicate
        assert claim.subject == planted.subject
