"""Reading gold files (the format of ``data/seed_gold.json``) against a claimcheck report.

A claim *is at* a quote when its figure's span lies inside an occurrence of the quote in its
document's text. The helpers here say which report claims and links sit at the gold's quotes.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

from claimcheck import Report

TOLERANCE = 1e-6


def _num(x):
    return None if x is None or (isinstance(x, float) and math.isinf(x)) else float(x)


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))


def figure_matches(gold: dict, quantity) -> bool:
    """Whether a quantity gives the gold claim's interval, read by the gold's kind."""
    low, high, stated = _num(quantity.low), _num(quantity.high), _num(quantity.stated)
    kind = gold.get("kind", "count")
    glow, ghigh = _num(gold["low"]), _num(gold["high"])
    if kind == "count":
        return _same(low, glow) and _same(high, ghigh) and (
            glow is None or gold["low_inclusive"] == quantity.low_inclusive or _same(low, high))
    if kind == "approximate":
        return stated is not None and _same(stated, glow) and (low is None or low <= glow) and (
            high is None or high >= glow)
    if kind == "vague":
        return low is not None and not _same(low, high) and (high is None or high > glow) and (
            low < (ghigh if ghigh is not None else math.inf))
    low_ok = _same(low, glow) or (glow == 0 and low is None)
    inclusive_ok = (glow in (None, 0) or quantity.low_inclusive == gold["low_inclusive"]) and (
        ghigh is None or quantity.high_inclusive == gold["high_inclusive"])
    return low_ok and _same(high, ghigh) and inclusive_ok


class GoldView:
    """A report seen through a gold file: quotes to claims, and claim pairs to links."""

    def __init__(self, report: Report, name_of: dict[str, str]) -> None:
        self.report = report
        self.texts = {name_of[d.id]: d.text for d in report.documents if d.id in name_of}
        self.doc_name = {d.id: name_of.get(d.id) for d in report.documents}
        self.links = {frozenset((link.a, link.b)): link for link in report.links}

    def at(self, ref: dict, required: bool = True) -> list:
        text = self.texts[ref["file"]]
        spans, i = [], text.find(ref["quote"])
        while i >= 0:
            spans.append((i, i + len(ref["quote"])))
            i = text.find(ref["quote"], i + 1)
        assert spans or not required, f"quote not in {ref['file']}: {ref['quote']!r}"
        return [c for c in self.report.claims if self.doc_name[c.document] == ref["file"]
                and any(s <= c.start and c.end <= e for s, e in spans)]

    def links_between(self, a: dict, b: dict) -> list:
        found = []
        for ca in self.at(a):
            for cb in self.at(b):
                link = self.links.get(frozenset((ca.id, cb.id)))
                if link is not None and ca.id != cb.id:
                    found.append(link)
        return found


def gold_names(report: Report, folder: Path, names: Iterable[str]) -> dict[str, str]:
    """Document id to the gold's file key (``name`` or ``name.jsonl:LINE``)."""
    wanted = set(names)
    out = {}
    for document in report.documents:
        path = document.path or ""
        for name in wanted:
            if path == str(folder / name) or path.endswith("/" + name) or path == name:
                out[document.id] = name
    return out
