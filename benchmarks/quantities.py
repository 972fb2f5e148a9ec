"""Throughput and memory of claimcheck.parse_quantities on a ~1 MB news corpus.

    python benchmarks/quantities.py [--size 1000000] [--quantulum-slice 50000]

Prints characters per second for claimcheck, for quantulum3 (timed on a slice and scaled, as it
is slow) and for a bare ``re.finditer(r"\\d+")`` scan, their ratios, and the peak memory
(tracemalloc) of claimcheck's streaming scan at 1x and 4x the corpus size.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from claimcheck import parse_quantities
from claimcheck._quantities import iter_quantities
from corpus import corpus


def best_of(run: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` timings of ``run``, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best


def bare_scan(text: str) -> int:
    return sum(1 for _ in re.finditer(r"\d+", text))


def peak_memory(text: str) -> int:
    """Peak bytes allocated while streaming the quantities of ``text`` (the text itself excluded)."""
    tracemalloc.start()
    for _ in iter_quantities(text):
        pass
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000)
    ap.add_argument("--quantulum-slice", type=int, default=50_000)
    a = ap.parse_args(argv)
    text = corpus(a.size)
    parse_quantities(text[:1000])  # load and compile the lexicon outside the timing
    ours = best_of(lambda: parse_quantities(text))
    bare = best_of(lambda: bare_scan(text))
    found = len(parse_quantities(text))
    print(f"corpus: {len(text):,} characters, {found:,} quantities")
    print(f"claimcheck     {len(text) / ours:14,.0f} chars/s  ({ours:.3f} s)")
    print(f"bare \\d+ scan  {len(text) / bare:14,.0f} chars/s  ({bare:.3f} s)")
    print(f"cost vs bare scan: {ours / bare:.1f}x")
    try:
        from quantulum3 import parser as q3
    except ImportError:
        print("quantulum3 not installed: skipped")
    else:
        piece = text[: a.quantulum_slice]
        q3.parse(piece[:200])
        q3_time = best_of(lambda: q3.parse(piece), repeat=1) * len(text) / len(piece)
        print(f"quantulum3     {len(text) / q3_time:14,.0f} chars/s  (timed on {len(piece):,} chars, scaled)")
        print(f"claimcheck throughput vs quantulum3: {q3_time / ours:.0f}x")
    one, four = peak_memory(text), peak_memory(corpus(4 * a.size))
    print(f"peak memory streaming: {one / 1e3:,.0f} kB at 1x, {four / 1e3:,.0f} kB at 4x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
