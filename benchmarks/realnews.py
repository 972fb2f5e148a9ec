"""Score claimcheck on every event of ``../shared/realnews`` with the shared scorer.

    python benchmarks/realnews.py            # one row per event, then the totals
    python benchmarks/realnews.py -v EVENT   # the scorer's misses for one event

Prints, per event: pairs linked and with the right relation, gold conflicts found, links
flagged, and false alarms on distractors. Reads the development set in place.
"""

from __future__ import annotations

import argparse
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "tools" / "score.py"
EVENTS = SHARED / "realnews"
COLUMNS = ("pairs_linked", "pairs_right", "pairs", "conflicts_found", "conflicts", "flagged_links",
           "false_alarms", "distractors")


def score(event: pathlib.Path, verbose: bool = False) -> dict:
    """The scorer's measures for one event folder."""
    claimcheck = f"{sys.executable} -m claimcheck"
    cmd = [sys.executable, str(SCORER), "--gold", str(event / "gold.json"), "--docs", str(event),
           "--claimcheck", claimcheck, "--json"]
    run = subprocess.run(cmd, capture_output=True, text=True, check=False)
    measures = json.loads(run.stdout)
    if verbose:
        for miss in measures["misses"]:
            print("  -", miss)
    return measures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("events", nargs="*", help="event folder names (default: all)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each miss")
    args = parser.parse_args()
    folders = [EVENTS / e for e in args.events] or sorted(p for p in EVENTS.iterdir() if (p / "gold.json").exists())
    totals = dict.fromkeys(COLUMNS, 0)
    print(f"{'event':40} linked right/pairs conflicts flagged false-alarms")
    for folder in folders:
        m = score(folder, args.verbose)
        for key in COLUMNS:
            totals[key] += m[key]
        print(f"{folder.name:40} {m['pairs_linked']:6} {m['pairs_right']:5}/{m['pairs']:<5} "
              f"{m['conflicts_found']:4}/{m['conflicts']:<4} {m['flagged_links']:7} "
              f"{m['false_alarms']:5}/{m['distractors']}")
    t = totals
    print(f"{'total':40} {t['pairs_linked']:6} {t['pairs_right']:5}/{t['pairs']:<5} "
          f"{t['conflicts_found']:4}/{t['conflicts']:<4} {t['flagged_links']:7} "
          f"{t['false_alarms']:5}/{t['distractors']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
