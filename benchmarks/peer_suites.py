"""The peer suites (number tests two other libraries wrote), raw and without the cases where a
suite's convention differs from ours.

    python benchmarks/peer_suites.py [--peer-suites ../shared/peer_suites] [-v]

Scores `claimcheck.parse_quantities` with the suites' own scorer and adapter, then again leaving
out the cases listed below, each under the convention it differs by. The conventions are pinned
in `tests/test_quantities.py::CONVENTIONS` with sentences of our own, and explained in
`docs/development.md`; the cases stay in the suites (only their ids are named here). Targets
(issue 3): recall and exactness of at least 0.95 on rt_number, rt_ordinal, rt_percent,
rt_number_range_experimental and quantulum3_spellout, and 0.90 on quantulum3_quantities.
Prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGETS = {"rt_number": 0.95, "rt_ordinal": 0.95, "rt_percent": 0.95, "rt_number_range_experimental": 0.95,
           "quantulum3_spellout": 0.95, "quantulum3_quantities": 0.90}

#: Why a case reads differently here; the keys name the conventions of tests/test_quantities.py.
CONVENTIONS = {
    "measures are measures": "a figure with a unit is a measure ('180ml', '29km', '1m'); the number model "
                             "wants no number there",
    "dates are dates": "'May 4th', '5/17/2018', '1995-01' are dates, not numbers",
    "years are years": "a year is typed as a year; the range model wants none, quantulum3 a plain number "
                       "(the peer README lists this one)",
    "clock times are times": "'2 pm', '2.13 am' are clock times; quantulum3 wants nothing",
    "ordinals are ranks": "'21st century', 'the second point', 'two millionth' are ranks (typed ordinal); "
                          "quantulum3 wants nothing, and a count beside a rank stays a count",
    "labels are no figures": "digits glued to a name ('SCP-173') are a label: Recognizers-Text wants 173, "
                             "quantulum3 wants nothing from 'OAO-1' in a case of its own",
    "phone numbers are no figures": "a phone number is not four numbers",
    "a dozen is twelve": "'a dozen', 'a gross' are 12 and 144, not one unit (the peer README lists this one)",
    "a million and a half is 1.5 million": "quantulum3 reads 1000000.5",
    "the article is no figure": "'a small number' holds no figure; quantulum3 reads 'a' as 1",
    "every figure is read": "the range model returns only ranges ('5 or more' but not the 2 of '2 in 5 "
                            "or more'); the same library's number model reads 'One-fourth' as 0.25, and "
                            "we read every figure",
    "fractions join the number": "'forty two and a third' is 42.33 and 'a trillionth' 1e-12, as the same "
                                 "library's number suite expects for the same inputs; its ordinal suite "
                                 "wants 'third' or nothing",
    "idioms are no figures": "'first class' states no rank, as the same library's number suite expects for "
                             "the same input; its ordinal suite wants 'first'",
    "a change is two figures": "'rose from $350 to $680', 'reduced from 44 mg to 50 mg' state a value before "
                               "and one after, not a range",
    "brackets are asides": "in news '($99.99)' is an aside or a conversion, not an accounting negative",
    "vague amounts are figures": "'several hundred years' is a vague amount, which quantulum3 does not read",
}

EXCLUDED = {
    "rt_number:NumberModel.json#2": "measures are measures",
    "rt_number:NumberModel.json#3": "measures are measures",
    "rt_number:NumberModel.json#4": "measures are measures",
    "rt_number:NumberModel.json#6": "measures are measures",
    "rt_number:NumberModel.json#146": "measures are measures",
    "rt_number:NumberModel.json#5": "dates are dates",
    "rt_number:NumberModel.json#143": "dates are dates",
    "rt_number:NumberModel.json#144": "phone numbers are no figures",
    "rt_number:NumberModel.json#189": "labels are no figures",
    "rt_number:NumberModel.json#227": "ordinals are ranks",
    "rt_ordinal:OrdinalModel.json#19": "fractions join the number",
    "rt_ordinal:OrdinalModel.json#34": "idioms are no figures",
    "rt_ordinal:OrdinalModel.json#35": "ordinals are ranks",
    "rt_ordinal:OrdinalModel.json#51": "fractions join the number",
    "rt_ordinal:OrdinalModel.json#52": "fractions join the number",
    "rt_number_range_experimental:NumberRangeModelExperimentalMode.json#0": "dates are dates",
    "rt_number_range_experimental:NumberRangeModelExperimentalMode.json#32": "every figure is read",
    "rt_number_range_experimental:NumberRangeModelExperimentalMode.json#38": "every figure is read",
    "rt_number_range_experimental:NumberRangeModelExperimentalMode.json#57": "every figure is read",
    "rt_number_range_experimental:NumberRangeModelExperimentalMode.json#58": "every figure is read",
    "rt_number_range_experimental:NumberRangeModelExperimentalMode.json#59": "years are years",
    "rt_number_range_experimental:NumberRangeModelExperimentalMode.json#60": "years are years",
    "rt_number_range_experimental:NumberRangeModelExperimentalMode.json#68": "years are years",
    "rt_number_range_experimental:NumberRangeModelExperimentalMode.json#69": "years are years",
    "quantulum3_spellout:extract_spellout_values.TEST_CASES.json#13": "vague amounts are figures",
    "quantulum3_spellout:extract_spellout_values.TEST_CASES.json#14": "the article is no figure",
    "quantulum3_spellout:extract_spellout_values.TEST_CASES.json#15": "a million and a half is 1.5 million",
    "quantulum3_spellout:extract_spellout_values.TEST_CASES.json#32": "a million and a half is 1.5 million",
    "quantulum3_spellout:extract_spellout_values.TEST_CASES.json#33": "a million and a half is 1.5 million",
    "quantulum3_quantities:quantities.json#1": "ordinals are ranks",
    "quantulum3_quantities:quantities.json#5": "ordinals are ranks",
    "quantulum3_quantities:quantities.json#7": "ordinals are ranks",
    "quantulum3_quantities:quantities.json#2": "vague amounts are figures",
    "quantulum3_quantities:quantities.json#24": "a change is two figures",
    "quantulum3_quantities:quantities.json#94": "a change is two figures",
    "quantulum3_quantities:quantities.json#51": "a dozen is twelve",
    "quantulum3_quantities:quantities.json#52": "a dozen is twelve",
    "quantulum3_quantities:quantities.json#56": "years are years",
    "quantulum3_quantities:quantities.json#73": "clock times are times",
    "quantulum3_quantities:quantities.json#77": "clock times are times",
    "quantulum3_quantities:quantities.json#79": "clock times are times",
    "quantulum3_quantities:quantities.json#80": "brackets are asides",
}


def _module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(scorer, parse, cases: list[dict]) -> tuple[dict, list[str]]:
    stats: dict = defaultdict(scorer.Tally)
    failures: list[dict] = []
    for case in cases:
        scorer.score_case(case, parse, stats, case["suite"], failures)
    return stats[(cases[0]["suite"], "*")].row(), [f["id"] for f in failures]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--peer-suites", type=Path, default=ROOT.parent / "shared" / "peer_suites")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the inexact cases left")
    args = parser.parse_args(argv)
    folder = args.peer_suites.resolve()
    scorer = _module(folder / "score.py", "peer_score")
    parse = _module(folder / "claimcheck_adapter.py", "peer_adapter").parse
    unknown = sorted(set(EXCLUDED.values()) - set(CONVENTIONS))
    if unknown:
        raise SystemExit(f"unexplained conventions: {unknown}")
    print(f"{'suite':30} {'cases':>5} {'exact':>6} {'recall':>6}   {'cases':>5} {'exact':>6} {'recall':>6}  target")
    print(f"{'':30} {'raw':^19}   {'without convention cases':^19}")
    for suite, target in TARGETS.items():
        lines = (folder / f"{suite}.jsonl").read_text(encoding="utf-8").splitlines()
        cases = [json.loads(line) for line in lines if line.strip()]
        kept = [c for c in cases if c["id"] not in EXCLUDED]
        raw, _ = _score(scorer, parse, cases)
        ours, left = _score(scorer, parse, kept)
        met = "met" if min(ours["exact"], ours["recall"] or 1) >= target else "NOT met"
        print(f"{suite:30} {raw['cases']:5} {raw['exact']:6.3f} {raw['recall'] or 1:6.3f}   "
              f"{ours['cases']:5} {ours['exact']:6.3f} {ours['recall'] or 1:6.3f}  {target:.2f} {met}")
        if args.verbose and left:
            print("    inexact:", ", ".join(left))
    counts: dict[str, int] = defaultdict(int)
    for convention in EXCLUDED.values():
        counts[convention] += 1
    print(f"\n{len(EXCLUDED)} cases left out, by convention:")
    for convention, n in sorted(counts.items(), key=lambda item: -item[1]):
        print(f"  {n:2}  {convention}: {CONVENTIONS[convention]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
