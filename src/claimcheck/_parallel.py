"""Extraction over many documents: in worker processes, and as a stream in bounded memory.

Extraction is independent per document, so it parallelises by chunks of documents over a
:class:`concurrent.futures.ProcessPoolExecutor`. Claim ids are renumbered in input order
(``c1``, ``c2``... across all documents), so the result is the same for any number of jobs.
:func:`iter_documents` and :func:`iter_claims` read JSON Lines line by line and keep only a
bounded number of chunks in flight, so a corpus larger than memory flows through.
"""

from __future__ import annotations

import functools
import itertools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

import attrs

from ._claims import extract
from ._documents import MAX_BYTES, _expand, _jsonl_documents, _read, numbered
from ._errors import InputError
from ._lexicon import Lexicon
from ._quantities import DEFAULT_TOLERANCE
from ._records import Claim, Document, Quantity

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
    _WORKER_LEXICON = Lexicon(tables) if tables is not None else Lexicon.default()


@functools.cache
def _fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in attrs.fields(cls) if f.init)


def _pack(claim: Claim) -> tuple:
    """A claim as plain tuples: they cross a process boundary at half the cost of attrs records."""
    return tuple(tuple(getattr(claim.quantity, n) for n in _fields(Quantity)) if n == "quantity"
                 else getattr(claim, n) for n in _fields(Claim))


def _unpack(row: tuple, claim_id: str) -> Claim:
    values = dict(zip(_fields(Claim), row, strict=True))
    values["quantity"] = Quantity(**dict(zip(_fields(Quantity), values["quantity"], strict=True)))
    values["id"] = claim_id
    return Claim(**values)


def _extract_chunk(documents: Sequence[Document], tolerance: float) -> list[list[tuple]]:
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


def _renumbered(per_document: Iterable[list[Claim] | list[tuple]], counter: Iterator[int]) -> Iterator[Claim]:
    for claims in per_document:
        for claim in claims:
            if isinstance(claim, tuple):
                yield _unpack(claim, f"c{next(counter)}")
            else:
                yield attrs.evolve(claim, id=f"c{next(counter)}")


def _extracted(documents: Iterable[Document], jobs: int, lexicon: Lexicon | None,
               tolerance: float) -> Iterator[list[Claim] | list[tuple]]:
    """Each document's claims (ids not yet renumbered; packed when from a worker), in input order."""
    if jobs <= 1:
        for document in documents:
            yield extract(document, lexicon=lexicon, tolerance=tolerance)
        return
    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(_portable(lexicon),)) as pool:
        pending: list[Future[list[list[tuple]]]] = []
        for chunk in _chunks(documents):
            pending.append(pool.submit(_extract_chunk, chunk, tolerance))
            if len(pending) >= 2 * jobs:  # a bounded window: memory does not grow with the input
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


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
    per_document = _extracted(documents, jobs, lexicon, tolerance)
    if progress is not None:
        per_document = _counted(per_document, len(documents), progress)
    return list(_renumbered(per_document, itertools.count(1)))


def _counted(items: Iterable[list], total: int, progress: Callable[[int, int], None]) -> Iterator[list]:
    for done, item in enumerate(items, start=1):
        progress(done, total)
        yield item


def iter_documents(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]],
    *,
    on_error: str = "raise",
    published: str | None = None,
    outlet: str | None = None,
    lexicon: Lexicon | None = None,
) -> Iterator[Document]:
    """Documents one by one, as :func:`claimcheck.load` reads them (same ids, order, errors),
    but JSON Lines files (``.jsonl``, ``.ndjson``, UTF-8) are read a line at a time, so memory
    does not grow with the file (only the set of ids used so far is kept)."""
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
    """A JSON Lines file line by line, each line judged by the rules of ``load``."""
    try:
        handle = open(path, encoding="utf-8-sig", errors="strict")  # noqa: SIM115 - closed below
    except OSError as exc:
        yield InputError(path, exc.strerror or "cannot be read")
        return
    with handle:
        number, found = 0, False
        try:
            for number, line in enumerate(handle, start=1):
                if len(line) > MAX_BYTES:
                    yield InputError(f"{path}:{number}", "line too long")
                    continue
                found = found or bool(line.strip())
                for item in _jsonl_documents(path, line, meta, lexicon, "utf-8"):
                    if isinstance(item, InputError):
                        yield type(item)(f"{path}:{number}", item.reason)
                    else:
                        yield attrs.evolve(item, path=f"{path}:{number}")
        except UnicodeDecodeError:
            yield InputError(f"{path}:{number + 1}", "not UTF-8 (JSON Lines is read as UTF-8)")
            return
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
    yield from _renumbered(_extracted(documents, jobs, lexicon, tolerance), itertools.count(1))
