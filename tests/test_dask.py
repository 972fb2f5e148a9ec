"""The Dask engine gives the local engine's report, on a LocalCluster of two worker processes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings

from claimcheck import check, make_document
from claimcheck._cli import main
from claimcheck._render import render_json
from claimcheck.testing import source_sets

distributed = pytest.importorskip("distributed")
claimcheck_dask = pytest.importorskip("claimcheck.dask")

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def client():
    options = {"n_workers": 2, "processes": True, "threads_per_worker": 1, "dashboard_address": None}
    with distributed.LocalCluster(**options) as cluster, distributed.Client(cluster) as dask_client:
        yield dask_client


def _findings(report):
    return [(link.a, link.b, link.relation, link.flag, link.score) for link in report.links]


def test_seeds_give_the_same_report_bytes(client):
    local = check(SEEDS)
    remote = claimcheck_dask.check(SEEDS, scheduler=client)
    assert _findings(remote) == _findings(local)
    assert render_json(remote) == render_json(local)


def test_check_engine_dask_is_the_dask_engine(client):
    assert render_json(check(SEEDS, engine="dask", scheduler=client)) == render_json(check(SEEDS))


def test_no_documents(client):
    assert claimcheck_dask.check([], scheduler=client).claims == ()


@settings(max_examples=4)
@given(sets=source_sets())
def test_generated_sets_give_the_same_findings(client, sets):
    documents = [make_document(text, id=f"d{n}", path=f"a{n}.txt") for n, text in enumerate(sets.texts, start=1)]
    local, remote = check(documents), claimcheck_dask.check(documents, scheduler=client)
    assert _findings(remote) == _findings(local)
    assert [link.relation for link in remote.findings] == [link.relation for link in local.findings]


def test_cli_engine_dask(client, tmp_path):
    local, remote = tmp_path / "local.json", tmp_path / "dask.json"
    assert main(["check", "--format", "json", "-o", str(local), str(SEEDS)]) == 0
    address = client.scheduler.address
    assert main(["check", "--format", "json", "--engine", "dask", "--scheduler", address, "-o", str(remote),
                 str(SEEDS)]) == 0
    assert remote.read_bytes() == local.read_bytes()
