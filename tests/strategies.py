"""Hypothesis strategies shared by claimcheck's tests: numbers and figures as news writes them,
and claims around them (``quantities`` comes from ``claimcheck.testing``)."""

from __future__ import annotations

from hypothesis import strategies as st

from claimcheck import Claim, Quantity
from claimcheck.testing import quantities

__all__ = [
    "NUMBER_FORMS",
    "QUALIFIER_RULES",
    "claims",
    "grouped_numerals",
    "integers_below_a_trillion",
    "make_claim",
    "qualified_figures",
    "qualified_number_forms",
    "quantities",
    "scientific_numerals",
    "spelled_numbers",
]

integers_below_a_trillion = st.integers(min_value=0, max_value=10**12 - 1)

#: Qualifier words and the interval rule they state (see claimcheck/data/qualifiers.txt).
QUALIFIER_RULES: dict[str, str] = {
    "at least": "at_least",
    "no fewer than": "at_least",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "well over": "more_than",
    "fewer than": "less_than",
    "less than": "less_than",
    "under": "less_than",
    "below": "less_than",
    "up to": "at_most",
    "at most": "at_most",
    "no more than": "at_most",
    "as many as": "at_most",
    "about": "approximate",
    "around": "approximate",
    "approximately": "approximate",
    "roughly": "approximate",
    "some": "approximate",
    "an estimated": "approximate",
    "nearly": "nearly",
    "almost": "nearly",
    "just under": "nearly",
    "just over": "just_over",
    "close to": "approximate",
}


@st.composite
def spelled_numbers(draw: st.DrawFn) -> tuple[int, str]:
    """An integer below 10**12 and its English words (inflect), with or without 'and' and hyphens."""
    import inflect

    n = draw(integers_below_a_trillion)
    engine = inflect.engine()
    words = engine.number_to_words(n, andword=draw(st.sampled_from(["and", ""])))
    words = str(words).replace(",", "")
    if draw(st.booleans()):
        words = words.replace("-", " ")
    return n, " ".join(words.split())


@st.composite
def grouped_numerals(draw: st.DrawFn) -> tuple[int, str]:
    """An integer and its digits with thousands separators (comma, space, NBSP or thin space)."""
    n = draw(integers_below_a_trillion)
    sep = draw(st.sampled_from([",", " ", "\u00a0", "\u202f", ""]))
    return n, f"{n:,}".replace(",", sep)


@st.composite
def qualified_figures(draw: st.DrawFn) -> tuple[str, str, int]:
    """A qualifier phrase, its rule and a figure it qualifies."""
    phrase = draw(st.sampled_from(sorted(QUALIFIER_RULES)))
    value = draw(st.integers(min_value=1, max_value=10**9))
    return phrase, QUALIFIER_RULES[phrase], value


_EXPONENTS = ("{m}e{e}", "{m}E{e}", "{m}e+{e}", "{m} x 10^{e}", "{m}×10^{e}", "{m} × 10^{e}")


@st.composite
def scientific_numerals(draw: st.DrawFn) -> tuple[str, float]:
    """A figure in scientific notation ('0.00001e5', '.5E3', '9999999999999999 x 10^-2') and its value."""
    whole = draw(st.text("0123456789", max_size=16))
    fraction = draw(st.text("0123456789", min_size=0 if whole else 1, max_size=12))
    mantissa = whole + ("." + fraction if fraction else "")
    exponent = draw(st.integers(-30, 30))
    form = draw(st.sampled_from(_EXPONENTS))
    written = form.format(m=mantissa, e=exponent)
    if exponent < 0 and "^" in form:
        written = written.replace("^-", draw(st.sampled_from(["^-", "^−"])))
    return written.replace("e+-", "e-"), float(f"{mantissa}e{exponent}")


#: Figures written every way the qualifiers meet them: zero and signs included.
NUMBER_FORMS = ("0", "0.0", "zero", "nil", "0%", "$0", "-0", "0.5", "1", "-1", "10", "12.5%", "500", "5e-324",
                "1e-320", "1.7e308", "two", "twenty")


@st.composite
def qualified_number_forms(draw: st.DrawFn) -> str:
    """A qualifier of the default lexicon (before or after) around one of :data:`NUMBER_FORMS`."""
    from claimcheck import Lexicon

    rows = Lexicon.default().table("qualifiers")
    row = draw(st.sampled_from(rows))
    number = draw(st.sampled_from(NUMBER_FORMS))
    if row["position"] == "before":
        return f"{row['phrase']} {number}"
    return number + draw(st.sampled_from(["", " "])) + row["phrase"]


def make_claim(quantity: Quantity, claim_id: str = "c1", document: str = "d1", **fields) -> Claim:
    """A claim around a quantity, with neutral defaults for everything else."""
    values = dict(id=claim_id, document=document, quantity=quantity, kind=quantity.kind, subject="people",
                  subject_key="people", category="generic_person", predicate="dead", verb="killed", object=None,
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
