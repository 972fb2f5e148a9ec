"""Hypothesis strategies for claims and intervals (shared by the verdict and linking tests)."""

from __future__ import annotations

from hypothesis import strategies as st

from claimcheck import Claim, Quantity
from claimcheck.testing import quantities

__all__ = ["claims", "make_claim", "quantities"]

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
