"""The claim graph: documents, sources and claims as nodes; reports, attributions and
same-fact links as edges. Every attribute is a scalar, so GraphML and GEXF can hold it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import networkx as nx

from ._errors import InputError
from ._records import Claim, Document, Link

__all__ = ["build_graph", "write_graph"]


def _scalars(attributes: dict) -> dict:
    return {k: v for k, v in attributes.items() if v is not None}


def build_graph(documents: Sequence[Document], claims: Sequence[Claim], links: Sequence[Link]) -> nx.Graph:
    """A graph with ``doc:``, ``source:`` and ``claim:`` nodes and typed edges.

    Edge ``type`` is ``reports`` (document to claim), ``according_to`` (claim to the
    attributed source) or ``same_fact`` (claim to claim, with ``relation``, ``flag``, ``score``
    and ``explanation``).
    """
    graph = nx.Graph()
    for document in documents:
        graph.add_node(f"doc:{document.id}", **_scalars({
            "type": "document", "label": document.title or document.path or document.id,
            "path": document.path, "published": document.published, "outlet": document.outlet,
            "error": document.error}))
    for claim in claims:
        node = f"claim:{claim.id}"
        graph.add_node(node, **_scalars({
            "type": "claim", "label": f"{claim.quantity.text} {claim.subject or ''}".strip(),
            "figure": claim.quantity.text, "subject": claim.subject, "predicate": claim.predicate,
            "object": claim.object, "when": claim.when, "low": claim.quantity.low,
            "high": claim.quantity.high, "qualifier": claim.quantity.qualifier, "kind": claim.kind}))
        graph.add_edge(f"doc:{claim.document}", node, type="reports")
        if claim.according_to:
            source = f"source:{claim.according_to}"
            graph.add_node(source, type="source", label=claim.according_to)
            graph.add_edge(node, source, type="according_to")
    for link in links:
        graph.add_edge(f"claim:{link.a}", f"claim:{link.b}", type="same_fact", relation=link.relation,
                       flag=link.flag, score=link.score, explanation=link.explanation)
    return graph


_WRITERS = {
    ".graphml": nx.write_graphml,
    ".gexf": nx.write_gexf,
}


def write_graph(graph: nx.Graph, path: str | Path) -> None:
    """Write the graph in the format its file name says: ``.graphml``, ``.gexf``, ``.json``
    (node-link) or ``.dot``. Raises :class:`InputError` for another suffix."""
    import json

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _WRITERS:
        _WRITERS[suffix](graph, path)
    elif suffix == ".json":
        data = nx.node_link_data(graph, edges="links")
        path.write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
    elif suffix == ".dot":
        path.write_text(_to_dot(graph), encoding="utf-8")
    else:
        raise InputError(str(path), "unknown graph format (use .graphml, .gexf, .json or .dot)")


def _quote(value: object) -> str:
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def _to_dot(graph: nx.Graph) -> str:
    lines = ["graph claimcheck {"]
    for node, data in graph.nodes(data=True):
        attrs = ", ".join(f"{k}={_quote(v)}" for k, v in sorted(data.items()))
        lines.append(f"  {_quote(node)} [{attrs}];")
    for a, b, data in graph.edges(data=True):
        attrs = ", ".join(f"{k}={_quote(v)}" for k, v in sorted(data.items()))
        lines.append(f"  {_quote(a)} -- {_quote(b)} [{attrs}];")
    lines.append("}")
    return "\n".join(lines) + "\n"
