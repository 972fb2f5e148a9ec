"""The seed articles against their gold (data/seed_gold.json): every claim, pair, flag and sum,
no false alarm on a distractor, no claim from a non-claim. This is score.py --strict, in tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck import check
from gold import GoldView, figure_matches, gold_names

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((ROOT / "tests/data/seed_gold.json").read_text(encoding="utf-8"))
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="module")
def view() -> GoldView:
    report = check([SEEDS / name for name in sorted(GOLD["sources"])])
    return GoldView(report, gold_names(report, SEEDS, GOLD["sources"]))


@pytest.mark.parametrize("gold", GOLD["claims"], ids=lambda g: g["quote"][:40])
def test_claim_is_found_with_its_interval(view, gold):
    found = view.at(gold)
    assert any(figure_matches(gold, c.quantity) for c in found), [c.quantity for c in found]


@pytest.mark.parametrize("pair", GOLD["pairs"], ids=lambda p: p["note"][:40])
def test_pair_is_linked_with_its_relation(view, pair):
    links = view.links_between(pair["a"], pair["b"])
    assert [link.relation for link in links] == [pair["relation"]]
    if pair["must_flag"]:
        assert links[0].flag


@pytest.mark.parametrize("pair", GOLD["distractors"], ids=lambda p: p["note"][:40])
def test_distractor_is_never_flagged(view, pair):
    assert not [link for link in view.links_between(pair["a"], pair["b"])
                if link.flag or link.relation == "conflict"]


@pytest.mark.parametrize("quote", GOLD["not_claims"], ids=lambda n: n["quote"][:30])
def test_non_claim_yields_no_claim(view, quote):
    assert view.at(quote) == []


@pytest.mark.parametrize("arithmetic", GOLD["arithmetic"], ids=lambda a: a["note"])
def test_sum_inside_an_article_is_checked(view, arithmetic):
    total_ids = {c.id for c in view.at(arithmetic["total"])}
    part_ids = {c.id for part in arithmetic["parts"] for c in view.at(part)}
    matching = [s for s in view.report.sums if s.total in total_ids and set(s.parts) <= part_ids]
    assert [s.relation for s in matching] == [arithmetic["relation"]]


@pytest.mark.parametrize("name", sorted(GOLD["sources"]))
def test_metadata_is_found(view, name):
    [document] = [d for d in view.report.documents if view.doc_name[d.id] == name]
    expected = GOLD["sources"][name]
    assert (document.title, document.published, document.outlet) == (
        expected["title"], expected["published"], expected["outlet"])
