"""The cross-check on a Dask cluster: ``pip install 'claimcheck[dask]'``.

Documents become a ``dask.bag``; each partition's claims are extracted on the workers;
the claims come back to the client and are numbered in input order; they are grouped by
blocking key, and each block's candidate pairs are scored on the workers; the client clusters
the pairs and builds the report with the same function as the local engine, so the report
(ids, order, ``render_json`` bytes) is the same. See ``docs/scale.md``.

Usage, against a running scheduler (the tests use a ``LocalCluster``)::

    import claimcheck.dask
    report = claimcheck.dask.check("seeds/", scheduler="tcp://10.0.0.5:8786")
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence

import attrs

try:
    import dask.bag as db
    from distributed import Client
except ImportError as exc:  # pragma: no cover - depends on the installed extras
    raise ImportError("claimcheck.dask needs Dask: pip install 'claimcheck[dask]'") from exc

from ._check import Input, Report, _as_documents, build_report
from ._claims import extract
from ._lexicon import Lexicon
from ._linking import _LEAD, DEFAULT_MIN_SCORE, Candidate, candidate_pairs, fact_blocks
from ._parallel import _pack, _portable, _unpack
from ._quantities import DEFAULT_TOLERANCE
from ._records import Claim, Document

__all__ = ["check"]

_PARTITION_CHARS = 2_000_000
_LEXICONS: dict[int, Lexicon] = {}


def _lexicon(tables: dict | None) -> Lexicon:
    if tables is None:
        return Lexicon.default()
    key = id(tables)
    if key not in _LEXICONS:
        _LEXICONS.clear()
        _LEXICONS[key] = Lexicon(tables)
    return _LEXICONS[key]


def _extract_partition(documents: Iterable[Document], tolerance: float, tables: dict | None) -> list[list[tuple]]:
    lexicon = _lexicon(tables)
    return [[_pack(c) for c in extract(document, lexicon=lexicon, tolerance=tolerance)] for document in documents]


def _score_blocks(blocks: Iterable[tuple[list[tuple[str, tuple]], list[tuple[str, str | None]]]], min_score: float,
                  tables: dict | None) -> list[list[tuple]]:
    """Each block's candidate pairs (as tuples), from its packed claims and their documents' dates."""
    lexicon = _lexicon(tables)
    found = []
    for rows, dates in blocks:
        claims = [_unpack(row, claim_id, "") for claim_id, row in rows]  # scoring reads no sentence
        documents = [Document(id=d, text=lead, published=published) for d, published, lead in dates]
        found.append([attrs.astuple(c, recurse=False)
                      for c in candidate_pairs(claims, documents, min_score=min_score, lexicon=lexicon)])
    return found


def _scattered_bag(client: Client, items: Sequence, partitions: int) -> tuple[db.Bag, list]:
    """A bag over ``items`` whose partitions are sent to the workers once, not put in the task graph;
    the futures must be held until the bag is computed (the scheduler forgets data no one holds)."""
    size = -(-len(items) // max(1, min(partitions, len(items))))
    futures = client.scatter([list(items[k:k + size]) for k in range(0, len(items), size)])
    return db.from_delayed(futures), futures


def _client(scheduler: object) -> tuple[Client, bool]:
    """The client to use, and whether this call made it (and so must close it)."""
    if isinstance(scheduler, Client):
        return scheduler, False
    if scheduler is None:
        try:
            from distributed import get_client

            return get_client(), False
        except ValueError:
            raise ValueError("no Dask scheduler: give scheduler=ADDRESS or a distributed.Client, "
                             "or create a Client first") from None
    return Client(str(scheduler)), True


def _partitions(documents: Sequence[Document], workers: int) -> int:
    chars = sum(len(d.text) for d in documents)
    return max(1, min(len(documents), max(2 * workers, chars // _PARTITION_CHARS)))


def check(
    inputs: Input | Iterable[Input],
    *,
    scheduler: object = None,
    min_score: float = DEFAULT_MIN_SCORE,
    tolerance: float = DEFAULT_TOLERANCE,
    lexicon: Lexicon | None = None,
    on_error: str = "record",
    published: str | None = None,
    outlet: str | None = None,
) -> Report:
    """:func:`claimcheck.check` on a Dask cluster; the same :class:`~claimcheck.Report`.

    ``scheduler`` is a scheduler address (``"tcp://host:8786"``), a ``distributed.Client``,
    or ``None`` for the current client. Paths are read on the client (so ids are assigned as
    locally); extraction runs per bag partition and scoring per blocking key on the workers;
    clustering and the report are built on the client. The other options are those of
    :func:`claimcheck.check`.
    """
    metadata = {k: v for k, v in {"published": published, "outlet": outlet}.items() if v is not None}
    documents = _as_documents(inputs, on_error, metadata)
    tables = _portable(lexicon)
    client, owned = _client(scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        per_document: list[list[tuple]] = []
        if documents:
            bag, held = _scattered_bag(client, documents, _partitions(documents, workers))
            per_document = bag.map_partitions(_extract_partition, tolerance, tables).compute(scheduler=client)
            del held
        numbers = itertools.count(1)
        claims = [_unpack(row, f"c{next(numbers)}", document.text)
                  for document, rows in zip(documents, per_document, strict=True) for row in rows]
        candidates = _linked(claims, documents, client, workers, min_score, tables)
    finally:
        if owned:
            client.close()
    return build_report(documents, claims, candidates)


def _linked(claims: Sequence[Claim], documents: Sequence[Document], client: Client, workers: int,
            min_score: float, tables: dict | None) -> list[Candidate]:
    """Candidate pairs, one task per group of blocks, in the order ``candidate_pairs`` gives them."""
    leads = {d.id: (d.published, d.text[:_LEAD]) for d in documents}  # what report days are read from
    work = []
    for _, indices in sorted(fact_blocks(claims, documents, _lexicon(tables)).items(), key=lambda item: repr(item[0])):
        members = [claims[k] for k in indices]
        if len(members) > 1:
            owners = dict.fromkeys(c.document for c in members)
            work.append(([(c.id, _pack(c)) for c in members], [(d, *leads[d]) for d in owners]))
    if not work:
        return []
    bag, held = _scattered_bag(client, work, 4 * workers)
    found = bag.map_partitions(_score_blocks, min_score, tables).compute(scheduler=client)
    del held
    return [Candidate(*row) for block in found for row in block]
