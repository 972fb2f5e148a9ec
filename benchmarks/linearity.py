"""Linearity: time for 1x, 10x, 100x the seed corpus and for adversarial inputs of growing size.

    python benchmarks/linearity.py            # every series
    python benchmarks/linearity.py seeds      # the seed corpus only
    python benchmarks/linearity.py quadratic  # issue 18's families through the whole check
    python benchmarks/linearity.py big        # also a real 50 MB file through the command line

Prints a table and the growth exponent of each series (the slope of log time on log size,
least squares); the target is under 1.1. Asserts nothing. Seeds go through ``extract`` per
document (extraction) and through ``claimcheck.check`` (the whole check: linking, verdicts,
sums, graph) on documents built with ``make_document``; the 10x and 100x corpora repeat the
seeds with a different outlet per copy, so that linking has cross-source pairs to judge.
Adversarial series go through ``make_document`` + ``extract``.
"""

from __future__ import annotations

import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import claimcheck
from claimcheck import extract, make_document

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.1


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def _timed(run: Callable[[], object]) -> float:
    best = math.inf
    for _ in range(2 if _quick(run) else 1):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def _quick(run: Callable[[], object]) -> bool:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start < 1.0


def exponent(sizes: list[float], times: list[float]) -> float:
    """Least-squares slope of log(time) on log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-6)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def _report(name: str, unit: str, sizes: list[int], times: list[float]) -> None:
    slope = exponent(sizes, times)
    cells = "  ".join(f"{s:>9,} {unit}: {t:7.3f}s" for s, t in zip(sizes, times, strict=True))
    flag = "ok" if slope < TARGET else "SUPER-LINEAR"
    print(f"{name:<22} {cells}   exponent {slope:4.2f} {flag}", flush=True)


def seeds() -> None:
    texts = _seed_texts()
    for label, whole in (("seeds: extract", False), ("seeds: check", True)):
        sizes, times, outputs = [], [], []
        for factor in (1, 10, 100):
            documents = [make_document(t, outlet=f"Outlet {k}") for k in range(factor) for t in texts]
            chars = sum(len(d.text) for d in documents)
            if whole:
                times.append(_timed(lambda docs=documents: claimcheck.check(docs)))
                outputs.append(len(claimcheck.check(documents).links))
            else:
                times.append(_timed(lambda docs=documents: [extract(d) for d in docs]))
            sizes.append(chars)
        _report(label, "ch", sizes, times)
        if outputs:
            # Every copy restates the same facts, so every claim links with its 99 copies: the
            # links (the output) grow as the square of the corpus, and the check with them.
            _report("  per link", "links", outputs, times)


def one_document() -> None:
    """The seeds concatenated into one long document (how a 50 MB file arrives)."""
    base = "\n\n".join(_seed_texts()) + "\n\n"
    sizes, times = [], []
    for factor in (10, 40, 160):
        document = make_document(base * factor)
        sizes.append(len(document.text))
        times.append(_timed(lambda d=document: extract(d)))
    _report("seeds as one document", "ch", sizes, times)


ADVERSARIAL: dict[str, Callable[[int], tuple[str, bool]]] = {
    # name -> size in characters -> (text, is_html)
    "digits": lambda n: ("7" * n + "\n", False),
    "qualifiers": lambda n: ("more than " * (n // 10) + "500 people died.\n", False),
    "nested html": lambda n: ("<div><b>" * (n // 16) + "<p>40 people died.</p>" + "</b></div>" * (n // 16), True),
    "one huge line": lambda n: ("At least 12 people were killed on Monday, police said, and " * (n // 60), False),
    "many short lines": lambda n: ("Ten died.\n12 hurt\n\n" * (n // 20), False),
    "random words": lambda n: (_random_words(n), False),
    # fact-box rows ("2001 - 500") in a long page: _claims._box_heading_and_source splits the
    # whole text before and after each row, so time grows as rows x length.
    "fact boxes": lambda n: (("Deaths by year\n2001 - 500\n\n" + "The council met again today. " * 20
                              + "\n\n") * (n // 600), False),
}


def _random_words(n: int) -> str:
    import random

    rng = random.Random(7)
    words = ["about", "more", "than", "12", "1,000", "killed", "said", "police", "of", "the", "million", "-",
             "%", "and", "three", "dozen", "fewer", "Monday", ".", "\n"]
    return " ".join(rng.choice(words) for _ in range(n // 5))


def adversarial(sizes: tuple[int, ...] = (10_000, 100_000, 1_000_000)) -> None:
    for name, make in ADVERSARIAL.items():
        times = []
        for n in sizes:
            text, html = make(n)
            times.append(_timed(lambda t=text, h=html: extract(make_document(t, html=h or None))))
        _report(name, "ch", list(sizes), times)


_CITIES = ["Arlen", "Bosk", "Carrow", "Dunmere", "Elst", "Farrow", "Gask", "Holm", "Ister", "Jorva", "Kell",
           "Lusk", "Marn", "Nesk", "Orrin", "Pell", "Quarr", "Rask", "Sorne", "Tully"]


def _fire_article(k: int) -> str:
    """One of many different stories: a fire in another town on another day."""
    day = 1 + k % 28
    month = ["January", "March", "May", "July", "September", "November"][k // 28 % 6]
    city = f"{_CITIES[k % len(_CITIES)]}{'' if k < len(_CITIES) else k // len(_CITIES)}"
    return (f"Published: {2000 + k // 168}-{['01', '03', '05', '07', '09', '11'][k // 28 % 6]}-{day:02d}\n\n"
            f"Fire in {city}\n\nAt least {3 + k % 40} people were killed and {10 + k % 90} injured when a fire "
            f"swept through a warehouse in {city} on {day} {month}, the fire service said.\n")


QUADRATIC: dict[str, tuple[tuple[int, ...], Callable[[int], list]]] = {
    # issue 18's families, through the whole check: name -> (sizes, size -> documents)
    "one sentence repeated": ((500, 2000, 8000),
                              lambda k: [make_document("About 12 people died.\n" * k, id="d1")]),
    "long subject key": ((300, 1000, 4000), lambda n: [
        make_document("A quake injured 54 o" + "1-" * (n // 2) + "1.", id="d1"),
        make_document("A quake injured 54 o" + "1-" * (n // 2) + "1.", id="d2", outlet="Other")]),
    "different fires": ((100, 400, 2000), lambda n: [make_document(_fire_article(k), id=f"d{k}")
                                                    for k in range(n)]),
}


def quadratic() -> None:
    """The check on issue 18's quadratic families: time, links, and the peak memory at the end."""
    for name, (sizes, make) in QUADRATIC.items():
        times, links = [], []
        for n in sizes:
            documents = make(n)
            times.append(_timed(lambda docs=documents: claimcheck.check(docs)))
            links.append(len(claimcheck.check(documents).links))
        _report(name, "n", list(sizes), times)
        print(f"{'':22} links: {links}; peak RSS so far "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB", flush=True)


def big_file(megabytes: int = 50) -> None:
    """A real file of ``megabytes`` MB of article text through ``claimcheck extract`` (CLI)."""
    texts = _seed_texts()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.txt"
        with open(path, "w", encoding="utf-8") as handle:
            written = 0
            while written < megabytes * 2**20:
                for text in texts:
                    handle.write(text + "\n\n")
                    written += len(text) + 2
        start = time.perf_counter()
        result = subprocess.run([sys.executable, "-m", "claimcheck", "extract", "--format", "jsonl", "-q",
                                 str(path)], capture_output=True, text=True)
        took = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"{megabytes} MB file (CLI extract): {took:.1f}s, exit {result.returncode}, "
              f"peak RSS {peak:.0f} MB", flush=True)


def main(argv: list[str]) -> None:
    print(f"claimcheck {claimcheck.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores")
    which = set(argv) or {"seeds", "adversarial", "quadratic"}
    if "seeds" in which:
        seeds()
        one_document()
    if "adversarial" in which:
        adversarial()
    if "quadratic" in which:
        quadratic()
    if "big" in which:
        big_file()


if __name__ == "__main__":
    main(sys.argv[1:])
