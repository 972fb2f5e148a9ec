"""Extraction over many documents: in worker processes, and as a stream in bounded memory.

Extraction is independent per document, so it parallelises by chunks of documents over a
:class:`concurrent.futures.ProcessPoolExecutor`. Claim ids are renumbered in input order
(``c1``, ``c2``... across all documents), so the result is the same for any number of jobs.
:func:`iter_documents` and :func:`iter_claims` read JSON Lines line by line and keep only a
bounded number of chunks in flight, so a corpus larger than memory flows through.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import multiprocessing
import operator
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import attrs

from ._claims import extract, extract_numbered
from ._documents import MAX_BYTES, _expand, _jsonl_documents, _read, numbered, utf8_encoding
from ._errors import InputError
from ._lexicon import Lexicon
from ._quantities import DEFAULT_TOLERANCE
from ._records import Claim, Document, Quantity, Span

__all__ = ["AUTO_PARALLEL_CHARS", "extract_all", "iter_claims", "iter_documents", "resolve_jobs"]

#: With ``jobs=None``, inputs shorter than this (in characters) are extracted in-process:
#: starting worker processes costs more than it saves.
AUTO_PARALLEL_CHARS = 1_000_000
_CHUNK_CHARS = 200_000
_CHUNK_DOCUMENTS = 256


def resolve_jobs(jobs: int | None, chars: int | None = None) -> int:
    """The number of worker processes to use: ``None`` or ``0`` means every core, but one for
    small inputs (``chars`` under :data:`AUTO_PARALLEL_CHARS`) and inside daemonic processes
    (Dask workers, pool workers), which may not start children.

    >>> resolve_jobs(1), resolve_jobs(None, chars=10)
    (1, 1)
    """
    if jobs is not None and jobs < 0:
        raise ValueError("jobs must be a positive number, or 0/None for every core")
    if multiprocessing.current_process().daemon:
        return 1
    if jobs:
        return jobs
    if chars is not None and chars < AUTO_PARALLEL_CHARS:
        return 1
    return os.cpu_count() or 1


# --- worker side ------------------------------------------------------------------------------

_WORKER_LEXICON: Lexicon | None = None


def _portable(lexicon: Lexicon | None) -> dict | None:
    """What a worker needs to rebuild the lexicon (a Lexicon holds a lock and cannot be pickled)."""
    if lexicon is None or lexicon is Lexicon.default():
        return None
    return dict(lexicon.tables)


def _init_worker(tables: dict | None) -> None:
    global _WORKER_LEXICON
    gc.freeze()  # what the worker inherited from its parent is never collected nor touched (copy-on-write)
    _WORKER_LEXICON = Lexicon(tables) if tables is not None else Lexicon.default()


#: What crosses a process boundary for a claim: its fields in order but those the receiver rebuilds
#: from the document (the claim's id, its sentence, its figure's words), spans as plain tuples.
#: Strings sliced from the document are most of a claim's bytes, and records cost more to
#: unpickle than tuples: the parent, which unpacks every claim, is the bottleneck on few cores.
_CLAIM_FIELDS = tuple(f.name for f in attrs.fields(Claim) if f.name not in {"id", "sentence"})
_QUANTITY_FIELDS = tuple(f.name for f in attrs.fields(Quantity) if f.name != "text")
_FIGURE = _QUANTITY_FIELDS.index("start"), _QUANTITY_FIELDS.index("end")
_FIGURE_TEXT = [f.name for f in attrs.fields(Quantity)].index("text")  # where the words go back in
_SENTENCE = _CLAIM_FIELDS.index("sentence_start"), _CLAIM_FIELDS.index("sentence_end")
_SENTENCE_TEXT = [f.name for f in attrs.fields(Claim)].index("sentence") - 1  # after the id
_QUANTITY, _SPANS = _CLAIM_FIELDS.index("quantity"), _CLAIM_FIELDS.index("spans")


_claim_values = operator.attrgetter(*_CLAIM_FIELDS)
_quantity_values = operator.attrgetter(*_QUANTITY_FIELDS)
_span_values = operator.attrgetter("start", "end", "label")


def _pack(claim: Claim) -> tuple:
    """A claim as a tuple of plain values, without what :func:`_unpack` can slice from the document."""
    row = list(_claim_values(claim))
    row[_QUANTITY] = _quantity_values(claim.quantity)
    row[_SPANS] = tuple(map(_span_values, claim.spans))
    return tuple(row)


def _unpack(row: tuple, claim_id: str, text: str) -> Claim:
    """The claim :func:`_pack` made ``row`` of, with id ``claim_id``; ``text`` is its document's text
    (``""`` gives a claim without its sentence and figure words, for work that reads neither).
    Positional arguments throughout: this runs once per claim in the parent process."""
    values = list(row)
    figure = values[_QUANTITY]
    words = text[figure[_FIGURE[0]] : figure[_FIGURE[1]]]
    values[_QUANTITY] = Quantity(*figure[:_FIGURE_TEXT], words, *figure[_FIGURE_TEXT:])
    values[_SPANS] = tuple(itertools.starmap(Span, values[_SPANS]))
    sentence = text[values[_SENTENCE[0]] : values[_SENTENCE[1]]]
    return Claim(claim_id, *values[:_SENTENCE_TEXT], sentence, *values[_SENTENCE_TEXT:])


def _extract_chunk(documents: Sequence[Document], tolerance: float) -> list[list[tuple]]:
    """A worker's task: each document's claims, packed, with the lexicon the worker started with."""
    lexicon = _WORKER_LEXICON or Lexicon.default()
    return [[_pack(c) for c in extract(document, lexicon=lexicon, tolerance=tolerance)] for document in documents]


def _chunks(documents: Iterable[Document]) -> Iterator[list[Document]]:
    chunk: list[Document] = []
    chars = 0
    for document in documents:
        chunk.append(document)
        chars += len(document.text)
        if chars >= _CHUNK_CHARS or len(chunk) >= _CHUNK_DOCUMENTS:
            yield chunk
            chunk, chars = [], 0
    if chunk:
        yield chunk


def _claims(documents: Iterable[Document], jobs: int, lexicon: Lexicon | None, tolerance: float,
            progress: Callable[[int], None] | None = None) -> Iterator[Claim]:
    """Every document's claims, ids ``c1``, ``c2``... in input order; ``progress(done)`` after each document."""
    here = lexicon or Lexicon.default()
    number, done = 1, 0
    for chunk, rows in _chunk_results(documents, jobs, lexicon, tolerance):
        for k, document in enumerate(chunk):
            if rows is None:
                claims = extract_numbered(document, number, lexicon=here, tolerance=tolerance)
            else:
                claims = [_unpack(row, f"c{number + n}", document.text) for n, row in enumerate(rows[k])]
            number += len(claims)
            yield from claims
            done += 1
            if progress is not None:
                progress(done)


def _chunk_results(documents: Iterable[Document], jobs: int, lexicon: Lexicon | None,
                   tolerance: float) -> Iterator[tuple[list[Document], list[list[tuple]] | None]]:
    """Chunks of documents in input order, each with its claims' rows from a worker process, or
    with ``None`` when there is one job and the caller extracts in this process.

    This process only hands out chunks and unpacks rows: when it also extracted chunks of its
    own, its pool's feeding thread waited on the GIL and the workers idled (1.5x on 2 cores,
    against 1.7x for workers alone).
    """
    if jobs <= 1:
        for chunk in _chunks(documents):
            yield chunk, None
        return
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(_portable(lexicon),)) as pool:
        pending: deque[tuple[list[Document], Future[list[list[tuple]]]]] = deque()
        for chunk in _chunks(documents):
            pending.append((chunk, pool.submit(_extract_chunk, chunk, tolerance)))
            if len(pending) >= 2 * jobs:  # a bounded window: memory does not grow with the input
                done, future = pending.popleft()
                yield done, future.result()
        for done, future in pending:
            yield done, future.result()


# --- public -----------------------------------------------------------------------------------

def extract_all(
    documents: Sequence[Document],
    jobs: int | None = None,
    *,
    lexicon: Lexicon | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
    progress: Callable[[int, int], None] | None = None,
) -> list[Claim]:
    """The claims of all documents, ids ``c1``, ``c2``... in input order, the same for any ``jobs``.

    ``progress(done, total)`` is called as documents are done (for a progress bar).

    ``jobs`` is the number of worker processes (``None``/``0``: every core when the input is
    large enough to gain from it, see :func:`resolve_jobs`). Linear in the input; the work is
    spread over the processes in chunks of documents.

    >>> from claimcheck import make_document
    >>> docs = [make_document("Published: 2002-03-14\\n\\n25 people were killed in the fire.", id=f"d{n}")
    ...         for n in (1, 2)]
    >>> [(c.id, c.document) for c in extract_all(docs, jobs=1)]
    [('c1', 'd1'), ('c2', 'd2')]
    """
    jobs = resolve_jobs(jobs, sum(len(d.text) for d in documents))
    total = len(documents)
    with collection_paused():
        return list(_claims(documents, jobs, lexicon, tolerance,
                            None if progress is None else (lambda done: progress(done, total))))


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while many records pile up (restored after).

    Claims, quantities and spans hold no reference cycles, so the collector has nothing to
    find among them; yet each collection of the oldest generation walks every one built so far,
    which made building the claims list cost twice what building the claims did.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()



def iter_documents(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    on_error: str = "raise",
    published: str | None = None,
    outlet: str | None = None,
    lexicon: Lexicon | None = None,
) -> Iterator[Document]:
    """Documents one by one, as :func:`claimcheck.load` reads them (same ids, order, errors),
    but JSON Lines files (``.jsonl``, ``.ndjson``) in UTF-8 are read a line at a time, so memory
    does not grow with the file (only the set of ids used so far is kept); one in another
    encoding is read whole, as ``load`` reads it."""
    if on_error not in {"raise", "record"}:
        raise ValueError("on_error must be 'raise' or 'record'")
    lexicon = lexicon or Lexicon.default()
    meta = {k: v for k, v in {"published": published, "outlet": outlet}.items() if v}

    def items() -> Iterator[Document | InputError]:
        for path in _expand(paths):
            if Path(path).suffix.lower() in {".jsonl", ".ndjson"} and os.path.isfile(path):
                yield from _jsonl_stream(path, meta, lexicon)
            else:
                yield from _read(path, meta, MAX_BYTES, lexicon)

    yield from numbered(items(), on_error)  # the same ids and errors as ``load``


def _jsonl_stream(path: str, meta: dict, lexicon: Lexicon) -> Iterator[Document | InputError]:
    """A UTF-8 JSON Lines file line by line, each line judged by the rules of ``load``; a file in
    another encoding (UTF-16, cp1252...) is read whole and decoded as ``load`` decodes it."""
    encoding = utf8_encoding(path)
    if encoding is None:
        yield from _read(path, meta, MAX_BYTES, lexicon)
        return
    try:
        handle = open(path, encoding=encoding, errors="replace", newline="\n")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield InputError(path, exc.strerror or "cannot be read")
        return
    with handle:
        found = False
        for number, line in enumerate(handle, start=1):
            if len(line) > MAX_BYTES:
                yield InputError(f"{path}:{number}", "line too long")
                continue
            found = found or bool(line.strip())
            for item in _jsonl_documents(path, line, meta, lexicon, encoding):
                if isinstance(item, InputError):
                    yield type(item)(f"{path}:{number}", item.reason)
                else:
                    yield attrs.evolve(item, path=f"{path}:{number}")
        if not found:
            yield InputError(path, "empty")


def iter_claims(
    documents: Iterable[Document],
    jobs: int | None = None,
    *,
    lexicon: Lexicon | None = None,
    tolerance: float = DEFAULT_TOLERANCE,
) -> Iterator[Claim]:
    """Claims as a stream, ids in input order as :func:`extract_all` gives them; at most a few
    chunks of documents are held at once. With ``jobs=None`` every core is used once the input
    proves larger than :data:`AUTO_PARALLEL_CHARS`; smaller inputs are extracted in-process."""
    documents = iter(documents)
    if not jobs:
        head: list[Document] = []
        chars = 0
        for document in documents:
            head.append(document)
            chars += len(document.text)
            if chars >= AUTO_PARALLEL_CHARS:
                break
        jobs = resolve_jobs(jobs, chars)
        documents = itertools.chain(head, documents)
    jobs = resolve_jobs(jobs)
    yield from _claims(documents, jobs, lexicon, tolerance)
