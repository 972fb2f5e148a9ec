"""Report formats: HTML escaping and self-containment, Markdown, the graph and its exports."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest

from claimcheck import check, make_document
from claimcheck._graph import write_graph
from claimcheck._html_report import render_html
from claimcheck._render import render_markdown, render_text

HOSTILE = ('Published: 2023-10-12\n\n<script>alert(1)</script> "><img src=x onerror=alert(2)> '
           "Witnesses said 20 protesters stormed the town hall on Thursday, police said. <b>Live</b>\n")
HOSTILE_B = ("Published: 2023-10-12\n\nMore than 300 protesters stormed the town hall on Thursday, "
             "<script>evil()</script> organisers said.\n")


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@pytest.fixture(scope="module")
def hostile_report():
    return check([make_document(HOSTILE, id="d1", path="a.txt"), make_document(HOSTILE_B, id="d2", path="b.txt")])


def test_html_escapes_article_text(hostile_report):
    page = render_html(hostile_report)
    parser = _Collector()
    parser.feed(page)
    tags = {tag for tag, _ in parser.tags}
    assert "script" not in tags and "img" not in tags
    assert not any(name.startswith("on") for _, attrs in parser.tags for name in attrs)
    assert "&lt;script&gt;" in page


def test_html_is_self_contained(hostile_report):
    page = render_html(hostile_report)
    parser = _Collector()
    parser.feed(page)
    for _, attrs in parser.tags:
        for name in ("src", "href"):
            assert name not in attrs or not str(attrs[name]).startswith(("http", "//"))
    assert "<svg" in page and "Sources" in page


def test_hostile_articles_still_conflict(hostile_report):
    relations = {(hostile_report.claim(link.a).quantity.text, hostile_report.claim(link.b).quantity.text):
                 link.relation for link in hostile_report.links}
    assert relations[("20", "More than 300")] == "conflict"
    assert "CONFLICT" in render_text(hostile_report)
    assert "**conflict**" in render_markdown(hostile_report)


def test_graph_has_typed_nodes_and_edges_and_round_trips(tmp_path: Path, hostile_report):
    graph = hostile_report.graph
    assert {data["type"] for _, data in graph.nodes(data=True)} == {"document", "claim", "source"}
    target = tmp_path / "g.graphml"
    write_graph(graph, target)
    back = nx.read_graphml(target)
    assert set(back.nodes) == set(graph.nodes) and back.number_of_edges() == graph.number_of_edges()
    same_fact = [d for _, _, d in back.edges(data=True) if d["type"] == "same_fact"]
    assert same_fact and same_fact[0]["relation"] == "conflict"
