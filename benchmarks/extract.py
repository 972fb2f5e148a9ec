"""Claims per second and characters per second on a ~1 MB corpus built from seeds/.

    python benchmarks/extract.py [MEGABYTES]

Runs `extract` (documents to claims, the dependency parse of every claim sentence included)
and the bare quantity engine on the same documents (best of three interleaved runs each), and
quantulum3's ``parse`` on a slice of the same text (it is slow: a tenth of a megabyte is
enough to time it). Target (issue 12): extract on one core at least 8x quantulum3's throughput.
Needs the ``bench`` extra (``pip install -e '.[bench]'``) for quantulum3.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from claimcheck import Lexicon, extract, load, parse_quantities

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def seed_documents(megabytes: float = 1.0) -> list:
    """Copies of the seed documents, enough to hold about ``megabytes`` MB of text."""
    seeds = load(sorted(SEEDS.glob("*.txt")))
    size = sum(len(d.text) for d in seeds)
    copies = max(1, round(megabytes * 1_000_000 / size))
    return [d for _ in range(copies) for d in seeds]


def _cold() -> int:
    """Forget the noun phrases normalised in an earlier run, so each run starts cold."""
    Lexicon.default()._cache.pop("claims.normalised", None)
    return 0


def _timed(run) -> tuple[int, float]:
    started = time.perf_counter()
    result = run()
    return result, time.perf_counter() - started


def _best_of_both(first, second, repeats: int = 5) -> tuple[int, float, int, float]:
    """Each run's result and best time over ``repeats`` interleaved runs (the least disturbed).

    Interleaving puts both under the same conditions when the machine's speed drifts.
    """
    best = [(0, float("inf")), (0, float("inf"))]
    for _ in range(repeats):
        for k, run in enumerate((first, second)):
            result, seconds = _timed(run)
            best[k] = (result, min(best[k][1], seconds))
    return (*best[0], *best[1])


def _quantulum3(documents: list, chars: int = 100_000) -> float | None:
    """quantulum3's characters per second on the first ``chars`` characters of the corpus."""
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    texts, total = [], 0
    for document in documents:
        texts.append(document.text)
        total += len(document.text)
        if total >= chars:
            break
    started = time.perf_counter()
    for text in texts:
        parser.parse(text)
    return total / (time.perf_counter() - started)


def main(megabytes: float) -> None:
    documents = seed_documents(megabytes)
    chars = sum(len(d.text) for d in documents)
    extract(documents[0])  # the parser loads once per process: not part of the throughput
    figures, engine, claims, full = _best_of_both(
        lambda: sum(len(parse_quantities(d.text)) for d in documents),
        lambda: _cold() + sum(len(extract(d)) for d in documents),
        repeats=3,
    )
    print(f"corpus: {len(documents)} documents, {chars:,} characters")
    print(f"quantity engine: {figures:,} figures in {engine:.2f} s = {chars / engine:,.0f} chars/s")
    print(f"extract:         {claims:,} claims in {full:.2f} s = {chars / full:,.0f} chars/s, "
          f"{claims / full:,.0f} claims/s")
    print(f"extract keeps {engine / full:.1%} of the engine's throughput")
    rival = _quantulum3(documents)
    if rival is None:
        print("quantulum3 not installed: pip install -e '.[bench]'")
    else:
        print(f"quantulum3 parse: {rival:,.0f} chars/s; extract is {chars / full / rival:.1f}x quantulum3 "
              f"(target: at least 8x)")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
