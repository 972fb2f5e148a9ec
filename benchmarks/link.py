"""Time and memory to link 1k, 10k and 100k synthetic claims with planted same-fact groups.

    python benchmarks/link.py            # 1k, 10k, 100k
    python benchmarks/link.py 1000 5000  # chosen sizes

Prints, per size: seconds, peak traced memory, candidate pairs, clusters, the share of planted
groups recovered whole, and at the end the growth exponent (slope of log time on log size).
Target: 100k claims in under 60 s on one core, exponent under 1.2.
"""

from __future__ import annotations

import math
import random
import sys
import time
import tracemalloc

from claimcheck import Claim, Quantity
from claimcheck._claims import normalise_phrase
from claimcheck._linking import candidate_pairs, cluster_candidates

PREDICATES = ["enter", "leave", "return", "flee", "kill", "injure", "arrest", "evacuate", "rescue", "hold",
              "release", "missing", "displace", "protest", "attend", "strike", "seek_asylum"]
NATIONS = ["Syrian", "Afghan", "Sudanese", "Eritrean", "Haitian", "Yemeni", "Kurdish", "Rohingya", "Malian",
           "Libyan", "Somali", "Iraqi", "Venezuelan", "Ukrainian", "Chadian", "Nigerien", "Congolese", "Burmese"]
NOUNS = ["migrants", "refugees", "workers", "miners", "students", "protesters", "passengers", "villagers",
         "soldiers", "civilians", "children", "prisoners", "fishermen", "pilgrims", "farmers"]
PLACES = ["embassy", "consulate", "border post", "camp", "harbour", "mine", "factory", "square", "stadium",
          "prison", "school", "hospital", "bridge", "market", "station"]
CITIES = ["Aleppo", "Kabul", "Khartoum", "Asmara", "Port-au-Prince", "Sanaa", "Erbil", "Sittwe", "Bamako",
          "Tripoli", "Mogadishu", "Mosul", "Caracas", "Kharkiv", "Ndjamena", "Niamey", "Goma", "Yangon"]


def _quantity(value: int) -> Quantity:
    text = str(value)
    return Quantity(low=value, high=value, low_inclusive=True, high_inclusive=True, stated=value,
                    qualifier="exact", kind="count", unit=None, start=0, end=len(text), text=text)


def synthetic_claims(n: int, seed: int = 7) -> tuple[list[Claim], int]:
    """``n`` claims in planted groups of 2-4 reports of one fact; returns them and the group count."""
    rng = random.Random(seed)
    claims: list[Claim] = []
    groups = 0
    while len(claims) < n:
        groups += 1
        subject = f"{rng.choice(NATIONS)} {rng.choice(NOUNS)}"
        place = f"{rng.choice(CITIES)} {rng.choice(PLACES)}"
        day = f"20{rng.randint(15, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        predicate = rng.choice(PREDICATES)
        value = rng.randint(2, 900)
        for _ in range(rng.randint(2, 4)):
            k = len(claims) + 1
            claims.append(Claim(
                id=f"c{k}", document=f"d{k}", quantity=_quantity(value + rng.choice([0, 0, 1, 3])), kind="count",
                subject=subject, subject_key=normalise_phrase(subject), category="person", predicate=predicate,
                verb=predicate, object=place, object_key=normalise_phrase(place), when=day, according_to=None,
                negated=False, hedged=False, scope=(), sentence="", sentence_start=0, sentence_end=0))
    return claims[:n], groups


def _planted(claims: list[Claim]) -> set[frozenset[str]]:
    groups: dict[tuple, set[str]] = {}
    for claim in claims:
        groups.setdefault((claim.subject, claim.object, claim.when, claim.predicate), set()).add(claim.id)
    return {frozenset(g) for g in groups.values() if len(g) > 1}


def run(n: int) -> tuple[float, float, int, int, float]:
    claims, _ = synthetic_claims(n)
    tracemalloc.start()
    started = time.perf_counter()
    candidates = candidate_pairs(claims)
    clusters = cluster_candidates(candidates, lambda cid: int(cid[1:]))
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    planted = _planted(claims)
    recovered = len(planted & {frozenset(c) for c in clusters}) / max(1, len(planted))
    return seconds, peak, len(candidates), len(clusters), recovered


def main(sizes: list[int]) -> None:
    print(f"{'claims':>8} {'seconds':>9} {'peak MiB':>9} {'pairs':>8} {'clusters':>9} {'planted whole':>14}")
    timings = []
    for n in sizes:
        seconds, peak, pairs, clusters, recovered = run(n)
        timings.append((n, seconds))
        print(f"{n:>8} {seconds:>9.2f} {peak:>9.1f} {pairs:>8} {clusters:>9} {recovered:>14.1%}")
    if len(timings) >= 2:
        (n0, t0), (n1, t1) = timings[0], timings[-1]
        print(f"growth exponent {math.log(t1 / t0) / math.log(n1 / n0):.2f} (from {n0} to {n1} claims)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000, 10000, 100000])
