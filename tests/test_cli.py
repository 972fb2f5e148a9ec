"""The command line through its real entry point: subcommands, formats, options, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

import claimcheck

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, input=stdin,
                          cwd=ROOT, timeout=120, env={"PATH": "/usr/bin:/bin", "NO_COLOR": "1"})


@pytest.fixture(scope="module")
def seed_json() -> dict:
    done = run("check", "--format", "json", str(SEEDS))
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_json_report_follows_the_contract(seed_json):
    assert seed_json["format"] == "claimcheck/1"
    assert [Path(d["path"]).name for d in seed_json["documents"]] == sorted(p.name for p in SEEDS.glob("*.txt"))
    texts = {d["id"]: (ROOT / d["path"]).read_text(encoding="utf-8") if not Path(d["path"]).is_absolute()
             else Path(d["path"]).read_text(encoding="utf-8") for d in seed_json["documents"]}
    for claim in seed_json["claims"]:
        assert texts[claim["document"]][claim["start"]:claim["end"]] == claim["quantity"]["text"]
        assert set(claim["quantity"]) >= {"low", "high", "low_inclusive", "high_inclusive", "stated", "qualifier",
                                          "text"}
    ids = {c["id"] for c in seed_json["claims"]}
    for link in seed_json["links"]:
        assert link["a"] in ids and link["b"] in ids
        assert link["relation"] in {"agree", "compatible", "conflict"} and 0 <= link["score"] <= 1
        assert link["explanation"]


def test_json_output_is_byte_identical_across_runs(seed_json):
    again = run("check", "--format", "json", str(SEEDS))
    assert json.loads(again.stdout) == seed_json
    assert again.stdout == run("check", "--format", "json", str(SEEDS)).stdout


def test_text_report_shows_the_discrepancies_and_a_summary():
    done = run("check", str(SEEDS))
    assert done.returncode == 0
    out = done.stdout.decode()
    assert "Twenty-five" in out and "about 600" in out and "more than 500" in out
    assert "documents" in out.splitlines()[-1] and "discrepancies" in out.splitlines()[-1]
    assert "\033[" not in out


def test_markdown_report():
    done = run("check", "--format", "markdown", str(SEEDS))
    assert done.returncode == 0 and done.stdout.decode().startswith("# claimcheck report")


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "table"])
def test_extract_formats(fmt):
    done = run("extract", "--format", fmt, str(SEEDS / "004_28c7a14b6817f64f.txt"))
    assert done.returncode == 0
    out = done.stdout.decode()
    assert "about 600" in out or "600" in out


@pytest.mark.parametrize("suffix", [".graphml", ".gexf", ".json", ".dot"])
def test_graph_formats(tmp_path, suffix):
    target = tmp_path / f"claims{suffix}"
    done = run("graph", str(SEEDS), "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert target.stat().st_size > 0
    if suffix == ".graphml":
        graph = nx.read_graphml(target)
        kinds = {data["type"] for _, _, data in graph.edges(data=True)}
        assert kinds == {"reports", "according_to", "same_fact"}


def test_fail_on_levels():
    assert run("check", "--fail-on", "discrepancy", str(SEEDS)).returncode == 1
    assert run("check", "--fail-on", "never", str(SEEDS)).returncode == 0


def test_missing_input_is_one_clear_line_and_exit_2(tmp_path):
    done = run("check", str(tmp_path / "nope.txt"), str(SEEDS / "004_28c7a14b6817f64f.txt"))
    assert done.returncode == 2
    errors = done.stderr.decode().strip().splitlines()
    assert len(errors) == 1 and "nope.txt" in errors[0] and "Traceback" not in done.stderr.decode()
    assert "Font Size" not in done.stdout.decode()


def test_bad_usage_exits_2():
    assert run("check").returncode == 2
    assert run("frobnicate", "x").returncode == 2


def test_standard_input_and_version():
    text = "Published: 14 March 2002\n\nAt least 20 North Koreans stormed the Spanish embassy.\n"
    done = run("extract", "--format", "jsonl", "-", stdin=text.encode())
    assert done.returncode == 0 and json.loads(done.stdout.splitlines()[0])["quantity"]["text"] == "At least 20"
    assert run("--version").stdout.decode().startswith("claimcheck ")


def test_progress_bar_draws_for_long_runs_only(monkeypatch, capsys):
    from claimcheck._cli import _ProgressBar

    bar = _ProgressBar()
    for done in range(1, 6):
        bar(done, 5)
    assert capsys.readouterr().err == ""  # a short run: silent
    for done in range(1, 41):
        bar(done, 40)
    err = capsys.readouterr().err
    assert "40/40 documents" in err and err.endswith("\n") and "#" * _ProgressBar.WIDTH in err


def test_no_progress_bar_when_standard_error_is_not_a_terminal():
    done = run("check", str(SEEDS))
    assert done.stderr == b""


def test_options_reach_the_library(tmp_path):
    text = ("Rescuers said about 100 people were evacuated from the Kessel plant.\n\n"
            "Police said 115 people were evacuated from the Kessel plant.\n")
    article = tmp_path / "a.txt"
    article.write_text(text, encoding="utf-8")
    other = tmp_path / "b.txt"
    other.write_text(text.replace("about 100", "120").replace("115", "95"), encoding="utf-8")

    def relations(*options):
        done = run("check", "--format", "json", *options, str(article), str(other))
        assert done.returncode == 0, done.stderr
        return sorted(link["relation"] for link in json.loads(done.stdout)["links"])

    wide, narrow = relations("--tolerance", "0.2"), relations("--tolerance", "0.01")
    assert wide.count("conflict") < narrow.count("conflict")
    strict = [link.relation for link in claimcheck.check([article, other], min_score=1.0).links]
    assert relations("--min-score", "1") == sorted(strict)
    done = run("check", "--format", "json", "--published", "2024-05-01", "--outlet", "Desk", str(article))
    [document] = json.loads(done.stdout)["documents"]
    assert (document["published"], document["outlet"]) == ("2024-05-01", "Desk")


def test_output_file_quiet_and_html(tmp_path):
    target = tmp_path / "report.html"
    done = run("check", "--format", "html", "-o", str(target), str(SEEDS))
    assert done.returncode == 0 and done.stdout == b""
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    quiet = run("check", "-q", str(SEEDS))
    assert quiet.returncode == 0 and quiet.stdout == b""
