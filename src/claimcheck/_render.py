"""Reports as JSON (the ``claimcheck/1`` contract of docs/json.md), plain text and Markdown."""

from __future__ import annotations

import json
from collections.abc import Iterable

from ._check import Report
from ._records import Claim, Document, Quantity

__all__ = ["FORMAT", "claim_dict", "render_json", "render_markdown", "render_text", "report_dict"]

FORMAT = "claimcheck/1"


def _quantity_dict(q: Quantity) -> dict:
    return {"low": q.low, "high": q.high, "low_inclusive": q.low_inclusive, "high_inclusive": q.high_inclusive,
            "stated": q.stated, "qualifier": q.qualifier, "text": q.text, "kind": q.kind, "unit": q.unit}


def claim_dict(claim: Claim) -> dict:
    """One claim as the JSON report writes it."""
    return {
        "id": claim.id, "document": claim.document, "start": claim.start, "end": claim.end,
        "sentence": claim.sentence, "quantity": _quantity_dict(claim.quantity), "kind": claim.kind,
        "subject": claim.subject, "predicate": claim.predicate, "verb": claim.verb, "object": claim.object,
        "when": claim.when, "according_to": claim.according_to, "negated": claim.negated,
        "hedged": claim.hedged, "scope": list(claim.scope),
        "spans": [{"label": span.label, "start": span.start, "end": span.end} for span in claim.spans],
    }


def _document_dict(document: Document, claims: int) -> dict:
    out = {"id": document.id, "path": document.path, "title": document.title, "published": document.published,
           "outlet": document.outlet, "url": document.url, "encoding": document.encoding, "claims": claims}
    if document.error:
        out["error"] = document.error
    return out


def report_dict(report: Report) -> dict:
    """The whole report as plain data, in the ``claimcheck/1`` layout."""
    counts: dict[str, int] = {}
    for claim in report.claims:
        counts[claim.document] = counts.get(claim.document, 0) + 1
    return {
        "format": FORMAT,
        "documents": [_document_dict(d, counts.get(d.id, 0)) for d in report.documents],
        "claims": [claim_dict(c) for c in report.claims],
        "links": [{"a": link.a, "b": link.b, "relation": link.relation, "flag": link.flag, "score": link.score,
                   "explanation": link.explanation,
                   "evidence": [{"term": term, "weight": weight} for term, weight in link.evidence]}
                  for link in report.links],
        "clusters": [{"id": c.id, "claims": list(c.claims), "consensus": {
            "low": c.low, "high": c.high, "low_inclusive": c.low_inclusive, "high_inclusive": c.high_inclusive},
            "outliers": list(c.outliers), "summary": c.summary,
            "statements": [{"id": f"{c.id}.s{n}", "representative": rep, "claims": list(members)}
                           for n, (rep, members) in enumerate(c.statements, start=1)]} for c in report.clusters],
        "sums": [{"parts": list(s.parts), "total": s.total, "relation": s.relation, "explanation": s.explanation}
                 for s in report.sums],
        "summary": summary_counts(report),
    }


def summary_counts(report: Report) -> dict[str, int]:
    """Documents, claims, links, conflicts, discrepancies and unreadable inputs, counted."""
    return {"documents": len(report.documents), "claims": len(report.claims), "links": len(report.links),
            "conflicts": len(report.conflicts), "discrepancies": len(report.findings),
            "errors": sum(1 for d in report.documents if d.error)}


def render_json(report: Report) -> str:
    """The JSON report: deterministic bytes for the same inputs."""
    return json.dumps(report_dict(report), indent=1, ensure_ascii=False) + "\n"


def _who(report: Report, claim: Claim) -> str:
    document = report.document(claim.document)
    where = _short(document.outlet or document.title or document.path or document.id)
    return f"{claim.according_to}, in {where}" if claim.according_to else where


def _quote(claim: Claim, mark: tuple[str, str], width: int | None = None) -> str:
    """The claim's sentence with its figure marked; cut to about ``width`` characters around it."""
    sentence = claim.sentence.replace("\n", " ")
    i, j = claim.start - claim.sentence_start, claim.end - claim.sentence_start
    before, figure, after = sentence[:i], sentence[i:j], sentence[j:]
    if width and len(sentence) > width:
        room = max(20, (width - len(figure)) // 2)
        if len(before) > room:
            before = "…" + before[len(before) - room:].split(" ", 1)[-1]
        if len(after) > room:
            after = after[:room].rsplit(" ", 1)[0] + "…"
    return f"{before}{mark[0]}{figure}{mark[1]}{after}"


def _short(text: str, width: int = 48) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def _fact_groups(report: Report) -> Iterable[tuple[str, list]]:
    by_claim = {}
    for cluster in report.clusters:
        for claim_id in cluster.claims:
            by_claim[claim_id] = cluster
    groups: dict[str, list] = {}
    for link in report.findings:
        groups.setdefault(by_claim[link.a].id, []).append(link)
    clusters = {c.id: c for c in report.clusters}
    return [(clusters[cid], links) for cid, links in groups.items()]


def render_text(report: Report, *, color: bool = False) -> str:
    """A readable report: findings grouped by fact, conflicts first, then a summary line."""
    bold, red, yellow, reset = ("\033[1m", "\033[31m", "\033[33m", "\033[0m") if color else ("",) * 4
    figure = (bold, reset) if color else ("«", "»")
    lines: list[str] = []
    groups = sorted(_fact_groups(report), key=lambda g: all(link.relation != "conflict" for link in g[1]))
    for cluster, links in groups:
        first = report.claim(cluster.claims[0])
        lines.append(f"{bold}Fact: {first.subject or 'figure'} {first.verb or first.predicate or ''}"
                     f" {first.object or ''}".rstrip() + reset)
        for link in links:
            colour = red if link.relation == "conflict" else yellow
            lines.append(f"  {colour}{link.relation.upper()}{reset} (score {link.score:.2f})")
            for claim in (report.claim(link.a), report.claim(link.b)):
                lines.append(f"    [{_who(report, claim)}] {_quote(claim, figure, 150)}")
            lines.append(f"    {link.explanation}")
        lines.append(f"  Consensus: {cluster.summary}")
        lines.append("")
    for check in report.sums:
        parts = " + ".join(report.claim(p).quantity.text for p in check.parts)
        lines.append(f"Sum ({check.relation}): {parts} vs '{report.claim(check.total).quantity.text}': "
                     f"{check.explanation}")
    for document in report.documents:
        if document.error:
            lines.append(f"Unreadable: {document.path or document.id}: {document.error}")
    counts = summary_counts(report)
    lines.append(f"{counts['documents']} documents, {counts['claims']} claims, {counts['links']} links, "
                 f"{counts['conflicts']} conflicts, {counts['discrepancies']} discrepancies")
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").replace("<", "&lt;").replace(">", "&gt;")


def render_markdown(report: Report) -> str:
    """A Markdown report that reads well on GitHub."""
    counts = summary_counts(report)
    out = ["# claimcheck report", "",
           f"{counts['documents']} documents · {counts['claims']} claims · {counts['links']} links · "
           f"**{counts['conflicts']} conflicts** · **{counts['discrepancies']} discrepancies**", ""]
    groups = sorted(_fact_groups(report), key=lambda g: all(link.relation != "conflict" for link in g[1]))
    if groups:
        out += ["## Findings", ""]
    for cluster, links in groups:
        first = report.claim(cluster.claims[0])
        out += [f"### {_md(first.subject or 'figure')} — {_md(first.verb or first.predicate or '')}", ""]
        for link in links:
            out.append(f"- **{link.relation}** (score {link.score:.2f}): {_md(link.explanation)}")
            for claim in (report.claim(link.a), report.claim(link.b)):
                out.append(f"  - *{_md(_who(report, claim))}*: {_md(_quote(claim, ('**', '**')))}")
        out += ["", f"Consensus: {_md(cluster.summary)}", ""]
    out += ["## Sources", "", "| id | title | outlet | published | claims |", "|---|---|---|---|---|"]
    counts_by_doc: dict[str, int] = {}
    for claim in report.claims:
        counts_by_doc[claim.document] = counts_by_doc.get(claim.document, 0) + 1
    for d in report.documents:
        title = _md(d.title or d.path or "") + (f" (error: {_md(d.error)})" if d.error else "")
        out.append(f"| {d.id} | {title} | {_md(d.outlet or '')} | {d.published or ''} | "
                   f"{counts_by_doc.get(d.id, 0)} |")
    return "\n".join(out) + "\n"
