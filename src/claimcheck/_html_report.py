"""The HTML report: one self-contained file (no scripts, no fetches), every article text escaped.

Findings sit side by side with the figures highlighted in their sentences; each fact shows its
consensus; a sources table lists every document (with its error, if it could not be read); an
inline SVG draws the claim graph.
"""

from __future__ import annotations

import math
from html import escape

import networkx as nx

from ._check import Report
from ._records import Claim, Link
from ._render import summary_counts

__all__ = ["render_html"]

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#222;padding:0 1em}
h1{font-size:1.6em}h2{margin-top:2em;border-bottom:1px solid #ddd}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em;margin:.6em 0}
.claim{border:1px solid #ccc;border-radius:6px;padding:.6em .8em;background:#fafafa}
.who{font-size:.85em;color:#555;margin-bottom:.3em}
mark{background:#ffe08a;padding:0 .15em;border-radius:3px}
.conflict{border-left:6px solid #c0392b;padding-left:.8em}
.compatible{border-left:6px solid #e6a700;padding-left:.8em}
.agree{border-left:6px solid #2e8b57;padding-left:.8em}
.verdict{font-weight:600;text-transform:uppercase;font-size:.85em}
.why{color:#333;margin:.2em 0 1em}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:.3em .5em;text-align:left}
.error{color:#c0392b}.summary{font-size:1.05em}
"""


def _sentence_html(claim: Claim) -> str:
    sentence = claim.sentence
    i, j = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    return f"{escape(sentence[:i])}<mark>{escape(sentence[i:j])}</mark>{escape(sentence[j:])}"


def _who(report: Report, claim: Claim) -> str:
    document = report.document(claim.document)
    where = document.outlet or document.title or document.path or document.id
    speaker = f"{escape(claim.according_to)}, in " if claim.according_to else ""
    return f"{speaker}{escape(where)}{' · ' + escape(claim.when) if claim.when else ''}"


def _link_html(report: Report, link: Link) -> str:
    cells = "".join(
        f'<div class="claim"><div class="who">{_who(report, c)}</div>{_sentence_html(c)}</div>'
        for c in (report.claim(link.a), report.claim(link.b)))
    return (f'<div class="{escape(link.relation)}"><span class="verdict">{escape(link.relation)}</span> '
            f"· score {link.score:.2f}<div class=\"pair\">{cells}</div>"
            f'<p class="why">{escape(link.explanation)}</p></div>')


def _graph_svg(report: Report, size: int = 560) -> str:
    graph = report.graph
    nodes = sorted(graph.nodes)
    if not nodes:
        return ""
    layout = nx.spring_layout(graph, seed=7, k=1.5 / math.sqrt(len(nodes))) if len(nodes) > 1 else {nodes[0]: (0, 0)}
    margin = 30
    xs = [float(p[0]) for p in layout.values()]
    ys = [float(p[1]) for p in layout.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    where = {node: (margin + (float(layout[node][0]) - min(xs)) / span_x * (size - 2 * margin),
                    margin + (float(layout[node][1]) - min(ys)) / span_y * (size - 2 * margin)) for node in nodes}
    colours = {"document": "#34495e", "source": "#8e44ad", "claim": "#2980b9"}
    edges = {"reports": "#bbb", "according_to": "#c9a0dc", "same_fact": "#e67e22"}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" role="img" '
             f'aria-label="claim graph">']
    for a, b, data in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1])):
        colour = "#c0392b" if data.get("relation") == "conflict" else edges.get(data.get("type"), "#999")
        width = 3 if data.get("type") == "same_fact" else 1
        (x1, y1), (x2, y2) = where[a], where[b]
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{colour}" '
                     f'stroke-width="{width}"/>')
    for node in nodes:
        data = graph.nodes[node]
        x, y = where[node]
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{colours.get(data.get("type"), "#777")}">'
                     f"<title>{escape(str(data.get('label', node)))}</title></circle>")
    parts.append("</svg>")
    legend = ('<p class="legend"><span style="color:#34495e">●</span> document · '
              '<span style="color:#2980b9">●</span> claim · <span style="color:#8e44ad">●</span> source · '
              '<span style="color:#e67e22">━</span> same fact · <span style="color:#c0392b">━</span> conflict</p>')
    return "".join(parts) + legend


def render_html(report: Report) -> str:
    """The whole report as one HTML page; safe to open whatever the articles contain."""
    counts = summary_counts(report)
    by_cluster: dict[str, list[Link]] = {}
    cluster_of = {claim_id: cluster for cluster in report.clusters for claim_id in cluster.claims}
    for link in report.findings:
        by_cluster.setdefault(cluster_of[link.a].id, []).append(link)
    body = [f"<h1>claimcheck report</h1><p class=\"summary\">{counts['documents']} documents · "
            f"{counts['claims']} claims · {counts['links']} links · <b>{counts['conflicts']} conflicts</b> · "
            f"<b>{counts['discrepancies']} discrepancies</b></p>", "<h2>Findings</h2>"]
    clusters = {c.id: c for c in report.clusters}
    ordered = sorted(by_cluster.items(), key=lambda item: all(link.relation != "conflict" for link in item[1]))
    for cluster_id, links in ordered:
        cluster = clusters[cluster_id]
        first = report.claim(cluster.claims[0])
        title = " ".join(x for x in (first.subject, first.verb or first.predicate, first.object) if x)
        body.append(f"<h3>{escape(title)}</h3>")
        body.extend(_link_html(report, link) for link in links)
        body.append(f"<p><b>Consensus:</b> {escape(cluster.summary)}</p>")
    if not by_cluster:
        body.append("<p>No discrepancies between sources.</p>")
    if report.sums:
        body.append("<h2>Sums inside articles</h2><ul>")
        for check in report.sums:
            body.append(f"<li><b>{escape(check.relation)}</b>: {escape(check.explanation)}</li>")
        body.append("</ul>")
    body.append("<h2>Sources</h2><table><tr><th>id</th><th>title</th><th>outlet</th><th>published</th>"
                "<th>claims</th></tr>")
    per_doc: dict[str, int] = {}
    for claim in report.claims:
        per_doc[claim.document] = per_doc.get(claim.document, 0) + 1
    for d in report.documents:
        error = f' <span class="error">({escape(d.error)})</span>' if d.error else ""
        body.append(f"<tr><td>{escape(d.id)}</td><td>{escape(d.title or d.path or '')}{error}</td>"
                    f"<td>{escape(d.outlet or '')}</td><td>{escape(d.published or '')}</td>"
                    f"<td>{per_doc.get(d.id, 0)}</td></tr>")
    body.append("</table><h2>Claim graph</h2>" + _graph_svg(report))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            f"<title>claimcheck report</title><style>{_STYLE}</style></head><body>"
            + "\n".join(body) + "</body></html>\n")
