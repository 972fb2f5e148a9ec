"""Per-field accuracy of claim frames against the frame gold.

    python benchmarks/frames.py            # both gold files, one row per field
    python benchmarks/frames.py -v         # and every miss

Gold: ``tests/data/frame_gold.tsv`` (every figure of ``../shared/realnews``, by file and
offset) and ``tests/data/frame_sentences.tsv`` (sentences of our own, one row per figure).
Fields: the claim is found (or, for a ``-`` row, not made), its slot, counted thing, source,
occurrence and part marker. A field is scored over the gold rows that are claims and whose
claim was found, so frame errors are told apart from missed figures.
"""

from __future__ import annotations

import argparse
import csv
import pathlib
import re
import sys
from collections import Counter

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import claimcheck  # noqa: E402
from claimcheck._claims import normalise_phrase  # noqa: E402

REALNEWS = ROOT.parent / "shared" / "realnews"
DATA = ROOT / "tests" / "data"
FIELDS = ("slot", "counted", "source", "occurrence", "part")


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def _clean(text: str | None) -> str:
    words = (text or "").lower().replace("’", "'").strip(" .,;:\"'").split()
    while words and words[0] in {"the", "a", "an"}:
        words = words[1:]
    return " ".join(words)


def _counted_ok(gold: str, claim: claimcheck.Claim) -> bool:
    if gold.startswith("from:"):
        return gold[5:].lower() in (claim.subject or "").lower()
    if not gold:
        return not claim.subject
    ours = {_singular(word) for word in re.findall(r"[a-z]+", (claim.subject or "").lower())}
    ours |= set(claim.subject_key.split())
    parts = [normalise_phrase(part).split()[-1:] for part in gold.split("+")]
    return bool(ours) and all(part and _singular(part[0]) in ours for part in parts)


def _singular(word: str) -> str:
    """As written, singular: the rule of the normaliser, plus "-men" and "-is" demonyms."""
    if word.endswith("men"):
        return word[:-3] + "man"
    if word.endswith("ais"):
        return word[:-1]
    return normalise_phrase(word) or word


def _same_speaker(ours: str | None, gold: str) -> bool:
    """One speaker: the same words, or the same name with or without its title ("Mr. Kenyatta")."""
    a, b = _clean(ours), _clean(gold)
    return a == b or bool(a and b and a.split()[-1] == b.split()[-1])


def _occurrence_ok(gold: str, claim: claimcheck.Claim) -> bool:
    if gold == "earlier":
        return claim.occurrence == "earlier" or "earlier" in claim.markers or "superseded" in claim.scope
    if gold == "forecast":
        return claim.hedged
    if gold and gold[:4].isdigit():
        return claim.occurrence[:4] == gold[:4]
    return claim.occurrence == gold if gold in {"", "span"} else claim.occurrence not in {""}


def judge(row: dict[str, str], claim: claimcheck.Claim) -> dict[str, bool]:
    """Which fields of ``claim`` match the gold ``row``."""
    return {
        "slot": claim.predicate == row["slot"],
        "counted": _counted_ok(row["counted"], claim),
        "source": _same_speaker(claim.according_to, row["source"]),
        "occurrence": _occurrence_ok(row["occurrence"], claim),
        "part": ("part" in claim.markers) == (row["part"] == "part"),
    }


def _realnews_pairs():
    claims_of: dict[str, list[claimcheck.Claim]] = {}
    for row in _rows("frame_gold.tsv"):
        if row["file"] not in claims_of:
            [document] = claimcheck.load(REALNEWS / row["file"])
            claims_of[row["file"]] = claimcheck.extract(document)
        start, end = int(row["start"]), int(row["end"])
        found = [c for c in claims_of[row["file"]] if c.start < end and start < c.end]
        yield f"{row['file']}@{start}", row, (found[0] if found else None)


def _sentence_pairs():
    for row in _rows("frame_sentences.tsv"):
        figure, _, nth = row["figure"].partition("#")
        sentence = row["sentence"]
        at = -1
        for _ in range(int(nth or 1)):
            at = sentence.find(figure, at + 1)
        document = claimcheck.make_document(sentence)
        end = at + len(figure)
        found = [c for c in claimcheck.extract(document) if c.start < end and at < c.end] if at >= 0 else []
        yield f"{sentence[:60]} [{row['figure']}]", row, (found[0] if found else None)


def score(pairs, verbose: bool) -> tuple[Counter, Counter]:
    """Right and judged counts per field (``found`` for claims, ``quiet`` for no-claim rows)."""
    right: Counter = Counter()
    judged: Counter = Counter()
    for label, row, claim in pairs:
        if row["slot"] == "-":
            judged["quiet"] += 1
            right["quiet"] += claim is None
            if claim is not None and verbose:
                print(f"  claim from a non-claim: {label}")
            continue
        judged["found"] += 1
        if claim is None:
            if verbose:
                print(f"  not found: {label}")
            continue
        right["found"] += 1
        for field, ok in judge(row, claim).items():
            judged[field] += 1
            right[field] += ok
            if not ok and verbose:
                ours = {"slot": claim.predicate, "counted": claim.subject, "source": claim.according_to,
                        "occurrence": claim.occurrence or claim.markers, "part": claim.markers}[field]
                print(f"  {field}: want {row[field]!r}, got {ours!r}: {label}")
    return right, judged


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args()
    results = {"realnews": score(_realnews_pairs(), args.verbose),
               "own sentences": score(_sentence_pairs(), args.verbose)}
    print(f"{'field':12}" + "".join(f"{name:>22}" for name in results))
    for field in ("found", "quiet", *FIELDS):
        cells = []
        for right, judged in results.values():
            n = judged[field]
            cells.append(f"{right[field]:5}/{n:<5} {right[field] / n:6.1%}" if n else f"{'—':>16}")
        print(f"{field:12}" + "".join(f"{cell:>22}" for cell in cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
