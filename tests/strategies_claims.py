"""Hypothesis strategies for claims and intervals (shared by the verdict and linking tests)."""

from __future__ import annotations

from hypothesis import strategies as st

from claimcheck import Claim, Quantity

QUALIFIERS = ("exact", "at_least", "more_than", "at_most", "less_than", "approximate", "range", "vague")


@st.composite
def quantities(draw, kind: str = "count") -> Quantity:
    """A count-like quantity with any qualifier and a consistent interval."""
    qualifier = draw(st.sampled_from(QUALIFIERS))
    value = draw(st.integers(0, 10_000))
    other = draw(st.integers(0, 10_000))
    low, high = min(value, other), max(value, other)
    shapes = {
        "exact": (value, value, True, True, value),
        "at_least": (value, None, True, True, value),
        "more_than": (value, None, False, True, value),
        "at_most": (None, value, True, True, value),
        "less_than": (None, value + 1, True, False, value + 1),
        "approximate": (value * 0.9, value * 1.1, True, True, value),
        "range": (low, high, True, True, None),
        "vague": (low, high + 1, True, False, None),
    }
    lo, hi, lo_inc, hi_inc, stated = shapes[qualifier]
    text = f"{qualifier} {value}"
    return Quantity(low=lo, high=hi, low_inclusive=lo_inc, high_inclusive=hi_inc, stated=stated,
                    qualifier=qualifier, kind=kind, unit=None, start=0, end=len(text), text=text)


def make_claim(quantity: Quantity, claim_id: str = "c1", document: str = "d1", **fields) -> Claim:
    """A claim around a quantity, with neutral defaults for everything else."""
    values = dict(id=claim_id, document=document, quantity=quantity, kind=quantity.kind, subject="people",
                  subject_key="people", category="generic_person", predicate="kill", verb="killed", object=None,
                  object_key="", when=None, according_to=None, negated=False, hedged=False, scope=(),
                  sentence=quantity.text, sentence_start=0, sentence_end=len(quantity.text))
    values.update(fields)
    return Claim(**values)


@st.composite
def claims(draw, claim_id: str = "c1", document: str | None = None) -> Claim:
    """A claim with a random count quantity and a random source."""
    doc = document or draw(st.sampled_from(["d1", "d2", "d3"]))
    speaker = draw(st.sampled_from([None, "police", "the Red Cross"]))
    return make_claim(draw(quantities()), claim_id, doc, according_to=speaker)
