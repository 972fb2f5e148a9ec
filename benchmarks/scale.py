"""Scale: extraction on one core and on all, against quantulum3; end to end on synthetic archives.

    python benchmarks/scale.py                 # everything: extraction, 10k and 100k articles, Dask
    python benchmarks/scale.py extract         # extraction chars/s only
    python benchmarks/scale.py e2e 10000 100000
    python benchmarks/scale.py stream 100000   # extract --format jsonl: streamed, bounded memory
    python benchmarks/scale.py dask 10000

Prints figures and asserts nothing. Targets (issue 8): extraction at least 25x quantulum3 on one
core and near-linear speed-up with cores; 100k articles end to end in under 5 minutes on a
2-core machine, peak memory under 2 GB, growth exponent (slope of log time on log articles)
under 1.1; the Dask engine on a LocalCluster gives the local engine's report.

End to end = ``claimcheck.check(archive_dir, jobs=cores)`` over JSON Lines files of 10k articles
each (the whole pipeline: reading, extraction, linking, verdicts, sums, graph), run in a fresh
process per size so that peak memory (max RSS, including worker processes) is its own.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimcheck._parallel import _chunk_results, extract_all
from claimcheck._quantities import DEFAULT_TOLERANCE
from extract import seed_documents

HERE = Path(__file__).resolve().parent
CORES = os.cpu_count() or 1
PER_FILE = 10_000

_PLACES = ["harbour", "mine", "factory", "stadium", "market", "station", "bridge", "school", "hospital", "prison",
           "camp", "embassy", "square", "depot", "refinery", "warehouse", "tunnel", "dam", "airport", "port"]
_TOWNS = ["Marrow", "Kestrel", "Lindqvist", "Ostend", "Harwell", "Dunmore", "Tarrow", "Brisk", "Calder", "Vessy",
          "Orrin", "Pell", "Quarry", "Ruthin", "Selby", "Tolland", "Umber", "Varne", "Wexley", "Yarrow"]
_EVENTS = {"kill": ["were killed in", "died in"], "injure": ["were injured in", "were hurt in"],
           "arrest": ["were arrested at", "were detained at"], "evacuate": ["were evacuated from"],
           "rescue": ["were rescued from"]}
_SUBJECTS = ["people", "workers", "passengers", "residents", "miners", "fans", "students", "villagers"]
_SPEAKERS = ["police", "the fire service", "the health ministry", "hospital officials", "the Red Cross", "officials"]
_OUTLETS = ["The Daily Ledger", "Northern Wire", "Coastal Herald", "Metro Bulletin", "Evening Post", "Valley Times"]
_FILLER = ("Emergency crews remained at the scene into the evening. Local councillors called for an inquiry "
           "into safety at the site, and a spokesman for the operator declined to comment further. ")


def _article(rng: random.Random, incident: tuple, outlet: str) -> str:
    day, place, predicate, subject, value = incident
    figure = rng.choice([str(value), f"at least {max(1, value - rng.randint(0, 5))}", f"about {value}",
                         f"more than {max(1, value - rng.randint(1, 9))}", str(value + rng.choice([0, 0, 2, 7]))])
    published = day + dt.timedelta(days=rng.choice([0, 0, 1]))
    other = day - dt.timedelta(days=rng.randint(20, 300))
    other_place = f"{rng.choice(_TOWNS)} {rng.choice(_PLACES)}"
    lines = [outlet, f"Published: {published.isoformat()}", "Share this article", "",
             f"{figure[0].upper()}{figure[1:]} {subject} {rng.choice(_EVENTS[predicate])} the {place} on "
             f"{day:%A}, {rng.choice(_SPEAKERS)} said. " + _FILLER,
             f"In a separate incident on {other.day} {other:%B %Y}, {rng.randint(10, 5000)} residents were "
             f"evacuated from the {other_place}, officials said.", "", "Most read", ""]
    return "\n".join(lines)


def write_archive(directory: Path, articles: int, seed: int = 8) -> int:
    """``articles`` synthetic articles in JSON Lines files of 10k: incidents reported by 2-4 outlets."""
    rng = random.Random(seed)
    written, chars, number = 0, 0, 0
    handle = None
    while written < articles:
        day = dt.date(2012, 1, 1) + dt.timedelta(days=rng.randint(0, 12 * 365))
        incident = (day, f"{rng.choice(_TOWNS)} {rng.choice(_PLACES)}", rng.choice(sorted(_EVENTS)),
                    rng.choice(_SUBJECTS), rng.randint(3, 900))
        for outlet in rng.sample(_OUTLETS, rng.randint(2, 4)):
            if written >= articles:
                break
            if written % PER_FILE == 0:
                if handle:
                    handle.close()
                number += 1
                handle = open(directory / f"part{number:04d}.jsonl", "w", encoding="utf-8")  # noqa: SIM115
            text = _article(rng, incident, outlet)
            handle.write(json.dumps({"text": text}) + "\n")
            written += 1
            chars += len(text)
    if handle:
        handle.close()
    return chars


def _peak_mib() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return (own + children) / 1024  # kilobytes on Linux


# --- extraction -----------------------------------------------------------------------------------

def bench_extract(megabytes: float = 4.0) -> None:
    from quantulum3 import parser

    documents = seed_documents(megabytes)
    chars = sum(len(d.text) for d in documents)
    timings = {}
    for jobs in sorted({1, CORES}):
        started = time.perf_counter()
        claims = len(extract_all(documents, jobs=jobs))
        timings[jobs] = time.perf_counter() - started
    sample = "\n\n".join(d.text for d in documents)[:60_000]
    started = time.perf_counter()
    for paragraph in sample.split("\n\n"):
        parser.parse(paragraph)
    quantulum = len(sample) / (time.perf_counter() - started)
    print(f"extraction: {len(documents)} documents, {chars:,} characters, {claims:,} claims")
    print(f"  quantulum3 (figures only, 1 core, {len(sample):,}-char slice): {quantulum:>12,.0f} chars/s")
    for jobs, seconds in timings.items():
        rate = chars / seconds
        print(f"  claimcheck extract, {jobs} core{'s' if jobs > 1 else ' '}:            {rate:>12,.0f} chars/s "
              f"= {rate / quantulum:.0f}x quantulum3, speed-up {timings[1] / seconds:.2f}")
    if CORES > 1:  # the ceiling: the workers' part alone, the parent not rebuilding the claims they send
        started = time.perf_counter()
        sum(len(rows) for _, rows in _chunk_results(documents, CORES, None, DEFAULT_TOLERANCE))
        seconds = time.perf_counter() - started
        print(f"  workers alone ({CORES}), claims left packed:       {chars / seconds:>12,.0f} chars/s, "
              f"speed-up {timings[1] / seconds:.2f} (the parent's share is the rest)")


# --- end to end -----------------------------------------------------------------------------------

def _e2e_child(directory: str, articles: int) -> None:
    import claimcheck

    started = time.perf_counter()
    report = claimcheck.check(directory, jobs=CORES)
    seconds = time.perf_counter() - started
    print(json.dumps({"articles": articles, "seconds": seconds, "peak_mib": _peak_mib(),
                      "documents": len(report.documents), "claims": len(report.claims), "links": len(report.links),
                      "findings": len(report.findings), "clusters": len(report.clusters)}))


def bench_e2e(sizes: list[int]) -> None:
    rows = []
    print(f"end to end, check(archive, jobs={CORES}): {'articles':>8} {'MB':>6} {'seconds':>8} {'peak MiB':>9} "
          f"{'claims':>8} {'links':>8} {'findings':>9}")
    for articles in sizes:
        with tempfile.TemporaryDirectory() as directory:
            chars = write_archive(Path(directory), articles)
            out = subprocess.run([sys.executable, __file__, "_child", directory, str(articles)], check=True,
                                 capture_output=True, text=True, cwd=HERE).stdout
        row = json.loads(out.strip().splitlines()[-1])
        rows.append(row)
        print(f"{'':>38} {articles:>8} {chars / 1e6:>6.0f} {row['seconds']:>8.1f} {row['peak_mib']:>9.0f} "
              f"{row['claims']:>8} {row['links']:>8} {row['findings']:>9}", flush=True)
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        exponent = math.log(b["seconds"] / a["seconds"]) / math.log(b["articles"] / a["articles"])
        print(f"growth exponent {exponent:.2f} (from {a['articles']} to {b['articles']} articles)")


# --- streaming -----------------------------------------------------------------------------------

def bench_stream(articles: int) -> None:
    """``claimcheck extract --format jsonl`` over the archive: claims streamed, memory bounded."""
    with tempfile.TemporaryDirectory() as directory:
        chars = write_archive(Path(directory), articles)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "claimcheck", "extract", "--format", "jsonl", "--jobs", str(CORES),
                        "-o", os.devnull, directory], check=True)
        seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"streamed extract --format jsonl --jobs {CORES}: {articles} articles ({chars / 1e6:.0f} MB) in "
          f"{seconds:.1f} s, largest process peak {peak:.0f} MiB")


# --- Dask -----------------------------------------------------------------------------------------

def bench_dask(articles: int) -> None:
    from distributed import Client, LocalCluster

    import claimcheck
    import claimcheck.dask
    from claimcheck._render import render_json

    with tempfile.TemporaryDirectory() as directory:
        write_archive(Path(directory), articles)
        documents = claimcheck.load(directory)
        started = time.perf_counter()
        local = claimcheck.check(documents, jobs=CORES)
        local_seconds = time.perf_counter() - started
        started = time.perf_counter()
        with LocalCluster(n_workers=CORES, processes=True, threads_per_worker=1, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            up = time.perf_counter() - started
            started = time.perf_counter()
            remote = claimcheck.dask.check(documents, scheduler=client)
            dask_seconds = time.perf_counter() - started
    same = render_json(local) == render_json(remote)
    print(f"Dask LocalCluster ({CORES} worker processes) vs local (jobs={CORES}) on {articles} articles:")
    print(f"  local {local_seconds:.1f} s; dask {dask_seconds:.1f} s (+{up:.1f} s cluster start); "
          f"same report bytes: {same}")


if __name__ == "__main__":
    command, *rest = sys.argv[1:] or ["all"]
    if command == "_child":
        _e2e_child(rest[0], int(rest[1]))
    elif command == "extract":
        bench_extract(float(rest[0]) if rest else 4.0)
    elif command == "e2e":
        bench_e2e([int(a) for a in rest] or [10_000, 100_000])
    elif command == "stream":
        bench_stream(int(rest[0]) if rest else 100_000)
    elif command == "dask":
        bench_dask(int(rest[0]) if rest else 10_000)
    else:
        bench_extract()
        bench_e2e([10_000, 100_000])
        bench_stream(100_000)
        bench_dask(10_000)
