"""The cross-check: documents in, a :class:`Report` of claims, links, clusters and sums out."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Hashable, Iterable, Sequence

import attrs
import networkx as nx

from ._documents import load
from ._graph import build_graph
from ._lexicon import Lexicon
from ._linking import DEFAULT_MIN_SCORE, Candidate, candidate_pairs, cluster_candidates, statements
from ._parallel import extract_all
from ._quantities import DEFAULT_TOLERANCE
from ._records import Claim, Cluster, Document, Link, SumCheck
from ._sums import check_sums
from ._verdicts import consensus, describe_interval, explain, is_flagged, relation

__all__ = ["Report", "check"]

Input = Document | str | os.PathLike[str]


@attrs.frozen(eq=False)
class Report:
    """What a cross-check found: every document, its claims, the same-fact links with their
    verdicts, the clusters with their consensus, the sums checked, and the claim graph."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    links: tuple[Link, ...]
    clusters: tuple[Cluster, ...]
    sums: tuple[SumCheck, ...]
    graph: nx.Graph

    @property
    def findings(self) -> tuple[Link, ...]:
        """The flagged links (discrepancies between sources), conflicts first."""
        flagged = [link for link in self.links if link.flag]
        return tuple(sorted(flagged, key=lambda link: link.relation != "conflict"))

    @property
    def conflicts(self) -> tuple[Link, ...]:
        """The links whose claims cannot both be true."""
        return tuple(link for link in self.links if link.relation == "conflict")

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id."""
        return self._claims_by_id[claim_id]

    def document(self, document_id: str) -> Document:
        """The document with this id."""
        return self._documents_by_id[document_id]

    @property
    def _claims_by_id(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @property
    def _documents_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}


def _as_documents(inputs: Input | Iterable[Input], on_error: str, metadata: dict) -> list[Document]:
    if isinstance(inputs, Document | str | os.PathLike):
        inputs = [inputs]
    documents: list[Document] = []
    paths: list[str | os.PathLike[str]] = []

    def flush() -> None:
        if paths:
            documents.extend(load(list(paths), on_error=on_error, **metadata))
            paths.clear()

    for item in inputs:
        if isinstance(item, Document):
            flush()
            documents.append(item)
        else:
            paths.append(item)
    flush()
    seen: set[str] = set()
    unique = []
    for n, document in enumerate(documents, start=1):
        if document.id in seen:
            document = attrs.evolve(document, id=f"d{n}")
        seen.add(document.id)
        unique.append(document)
    return unique


def _document_key(document: Document) -> tuple[str, str]:
    digest = hashlib.sha1(document.text.encode("utf-8", "surrogatepass")).hexdigest()
    return (document.path or "", digest)


def _links_and_clusters(
    claims: Sequence[Claim], documents: Sequence[Document], candidates: Sequence[Candidate],
    lexicon: Lexicon | None = None,
) -> tuple[list[Link], list[Cluster]]:
    by_id = {c.id: c for c in claims}
    doc_keys = {d.id: _document_key(d) for d in documents}
    titles = {d.id: d.outlet or d.title or d.path or d.id for d in documents}
    members_of = statements(claims, lexicon)

    def order(claim_id: str) -> Hashable:
        claim = by_id[claim_id]
        return (doc_keys[claim.document], claim.start)

    scores = {frozenset((c.a, c.b)): c for c in candidates}
    links: list[Link] = []
    clusters: list[Cluster] = []
    for n, group in enumerate(cluster_candidates(candidates, order), start=1):
        for i, a_id in enumerate(group):
            for b_id in group[i + 1:]:
                a, b = by_id[a_id], by_id[b_id]
                verdict = relation(a, b)
                candidate = scores[frozenset((a_id, b_id))]
                flag = candidate.complete and is_flagged(a, b, verdict)
                links.append(Link(a_id, b_id, verdict, flag, candidate.score,
                                  explain(a, b, verdict, flag, titles), candidate.evidence))
        everyone = sorted((m for rep in group for m in members_of.get(rep, (rep,))), key=order)
        agreed, outliers = consensus([by_id[c] for c in everyone])
        first = by_id[everyone[0]]
        unit = f" {first.quantity.unit}" if agreed and first.kind == "measure" and first.quantity.unit else ""
        summary = (f"{describe_interval(agreed)}{unit} "
                   f"({len(everyone) - len(outliers)} of {len(everyone)} claims allow it)")
        low, low_inclusive, high, high_inclusive = agreed if agreed else (None, False, None, False)
        said = tuple((rep, members_of.get(rep, (rep,))) for rep in group)
        clusters.append(Cluster(f"f{n}", tuple(everyone), low, high, low_inclusive, high_inclusive, outliers,
                                summary, said))
    return links, clusters


def build_report(documents: Sequence[Document], claims: Sequence[Claim], candidates: Sequence[Candidate],
                 lexicon: Lexicon | None = None) -> Report:
    """The :class:`Report` from extracted claims (ids in input order) and their scored candidate
    pairs: clusters, verdicts, sums and graph. Every engine ends here, so all give one report."""
    links, clusters = _links_and_clusters(claims, documents, candidates, lexicon)
    by_document: dict[str, list[Claim]] = {}
    for claim in claims:
        by_document.setdefault(claim.document, []).append(claim)
    sums: list[SumCheck] = []
    for document in documents:
        sums.extend(check_sums(by_document.get(document.id, []), document.text))
    graph = build_graph(documents, claims, links)
    return Report(tuple(documents), tuple(claims), tuple(links), tuple(clusters), tuple(sums), graph)


def check(
    inputs: Input | Iterable[Input],
    *,
    min_score: float = DEFAULT_MIN_SCORE,
    tolerance: float = DEFAULT_TOLERANCE,
    lexicon: Lexicon | None = None,
    on_error: str = "record",
    published: str | None = None,
    outlet: str | None = None,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: object = None,
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Cross-check documents (or paths to them): extract claims, link the same facts, judge them.

    ``min_score`` is the least linking score for two claims to count as one fact;
    ``tolerance`` the relative width given to approximate figures ("about 600" is 540-660 at
    0.1). Unreadable inputs appear in the report with their ``error`` (``on_error="record"``)
    or raise (``"raise"``). ``published``/``outlet`` fill metadata that files lack.
    ``jobs`` worker processes extract claims (``None``: every core for large inputs, see
    ``docs/scale.md``); ``engine="dask"`` runs on a Dask cluster at ``scheduler`` (an address
    or a ``distributed.Client``; see :func:`claimcheck.dask.check`). The report is the same
    whatever the engine and the number of jobs. ``progress(done, total)`` hears of each
    document extracted (local engine).

    >>> report = check("seeds")
    >>> sorted({link.relation for link in report.findings})
    ['compatible', 'conflict']
    """
    if engine == "dask":
        from .dask import check as dask_check

        return dask_check(inputs, scheduler=scheduler, min_score=min_score, tolerance=tolerance, lexicon=lexicon,
                          on_error=on_error, published=published, outlet=outlet)
    if engine != "local":
        raise ValueError("engine must be 'local' or 'dask'")
    metadata = {k: v for k, v in {"published": published, "outlet": outlet}.items() if v is not None}
    documents = _as_documents(inputs, on_error, metadata)
    claims = extract_all(documents, jobs, lexicon=lexicon, tolerance=tolerance, progress=progress)
    candidates = candidate_pairs(claims, documents, min_score=min_score, lexicon=lexicon)
    return build_report(documents, claims, candidates, lexicon)
