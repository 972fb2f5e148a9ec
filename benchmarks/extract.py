"""Claims per second and characters per second on a ~1 MB corpus built from seeds/.

    python benchmarks/extract.py [MEGABYTES]

Runs `extract` (documents to claims, everything included) and the bare quantity engine on the
same documents (best of five interleaved runs each), and prints both throughputs and their
ratio. Target: extraction keeps at least half the throughput of the bare quantity engine.
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


def main(megabytes: float) -> None:
    documents = seed_documents(megabytes)
    chars = sum(len(d.text) for d in documents)
    figures, engine, claims, full = _best_of_both(
        lambda: sum(len(parse_quantities(d.text)) for d in documents),
        lambda: _cold() + sum(len(extract(d)) for d in documents),
    )
    print(f"corpus: {len(documents)} documents, {chars:,} characters")
    print(f"quantity engine: {figures:,} figures in {engine:.2f} s = {chars / engine:,.0f} chars/s")
    print(f"extract:         {claims:,} claims in {full:.2f} s = {chars / full:,.0f} chars/s, "
          f"{claims / full:,.0f} claims/s")
    print(f"extract keeps {engine / full:.1%} of the engine's throughput (target: at least 50%)")


if __name__ == "__main__":
    main(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)
