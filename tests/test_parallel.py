"""Parallel and streaming extraction: the same claims, ids and report for any number of jobs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import Lexicon, _parallel, check, load, make_document
from claimcheck._cli import main
from claimcheck._parallel import extract_all, iter_claims, iter_documents, resolve_jobs
from claimcheck._render import claim_dict, render_json
from claimcheck.testing import articles

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture
def small_chunks(monkeypatch):
    """Chunks of two documents, so that a few seed copies spread over both workers."""
    monkeypatch.setattr(_parallel, "_CHUNK_DOCUMENTS", 2)


def test_extract_all_two_jobs_gives_the_ids_of_one_job(small_chunks):
    documents = load([SEEDS, SEEDS])
    serial = extract_all(documents, jobs=1)
    assert extract_all(documents, jobs=2) == serial
    assert [c.id for c in serial] == [f"c{n}" for n in range(1, len(serial) + 1)]


def test_check_with_two_jobs_renders_the_same_bytes(small_chunks):
    assert render_json(check([SEEDS, SEEDS], jobs=2)) == render_json(check([SEEDS, SEEDS], jobs=1))


def test_iter_claims_streams_the_claims_of_extract_all(small_chunks):
    documents = load(SEEDS)
    assert list(iter_claims(iter(documents), jobs=2)) == extract_all(documents, jobs=1)
    assert list(iter_claims(iter(documents))) == extract_all(documents, jobs=1)


@settings(max_examples=5)
@given(generated=st.lists(articles(), min_size=2, max_size=6))
def test_generated_articles_give_one_report_for_any_jobs(generated):
    documents = [make_document(a.text, id=f"d{n}", path=f"a{n}.txt") for n, a in enumerate(generated, start=1)]
    original = _parallel._CHUNK_DOCUMENTS
    _parallel._CHUNK_DOCUMENTS = 1
    try:
        assert render_json(check(documents, jobs=2)) == render_json(check(documents, jobs=1))
    finally:
        _parallel._CHUNK_DOCUMENTS = original


def test_resolve_jobs():
    assert resolve_jobs(3) == 3
    assert resolve_jobs(None, chars=10) == 1
    assert resolve_jobs(0, chars=10**9) >= 1
    with pytest.raises(ValueError):
        resolve_jobs(-1)


def _corpus(tmp_path: Path) -> Path:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    lines = [json.dumps({"text": t, "id": "same"}) for t in texts[:2]]
    lines += ["", "{not json", json.dumps({"title": "no text"}), json.dumps({"text": "  "})]
    lines += [json.dumps({"text": t, "outlet": "Wire"}) for t in texts[2:]]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_iter_documents_reads_json_lines_as_load_does(tmp_path):
    path = _corpus(tmp_path)
    inputs = [path, SEEDS / "000_3674a3f804e997c2.txt", tmp_path / "missing.txt"]
    assert list(iter_documents(inputs, on_error="record")) == load(inputs, on_error="record")


def test_iter_documents_raises_as_load_does(tmp_path):
    with pytest.raises(ValueError, match="malformed JSON"):
        list(iter_documents(_corpus(tmp_path)))


def test_cli_extract_jsonl_streams_the_claims_of_check(tmp_path, capsys):
    path = _corpus(tmp_path)
    out = tmp_path / "claims.jsonl"
    assert main(["extract", "--format", "jsonl", "--jobs", "2", "-o", str(out), str(path)]) == 2  # bad lines
    assert "malformed JSON" in capsys.readouterr().err
    expected = [claim_dict(c) for c in check(path).claims]
    assert [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] == expected


def test_cli_check_with_two_jobs(tmp_path, small_chunks):
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    assert main(["check", "--format", "json", "-o", str(one), str(SEEDS), str(SEEDS)]) == 0
    assert main(["check", "--format", "json", "--jobs", "2", "-o", str(two), str(SEEDS), str(SEEDS)]) == 0
    assert one.read_bytes() == two.read_bytes()


def test_cli_dask_engine_needs_a_scheduler(capsys):
    with pytest.raises(SystemExit):
        main(["check", "--engine", "dask", str(SEEDS)])
    assert "--scheduler" in capsys.readouterr().err


def test_workers_read_with_the_lexicon_given(small_chunks):
    text = "Published: 2002-03-14\n\nAt least 20 North Koreans clambered into the Spanish embassy."
    documents = [make_document(text, id=f"d{n}") for n in range(6)]
    assert {c.predicate for c in extract_all(documents, jobs=2)} == {"clamber"}  # a content lemma is its own slot
    lexicon = Lexicon.default().with_rows("events", [{"phrase": "clambered into", "predicate": "enter"}])
    assert {c.predicate for c in extract_all(documents, jobs=2, lexicon=lexicon)} == {"enter"}
    assert extract_all(documents, jobs=2, lexicon=lexicon) == extract_all(documents, jobs=1, lexicon=lexicon)


def test_three_jobs_give_the_claims_of_one(small_chunks):
    documents = load([SEEDS, SEEDS, SEEDS])
    assert extract_all(documents, jobs=3) == extract_all(documents, jobs=1)
