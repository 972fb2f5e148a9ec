"""Sums inside one article: parts that should add up to a stated total.

Two shapes of parts are recognised: counts joined in one sentence ("13 men and 12 women"),
and a count followed by "N others" / "N more" in the next sentences ("21 ... Two others").
Their total is the nearest earlier count of people in the same article that is not itself a
part. Parts that add up to it *agree*; parts that exceed it *conflict*; parts that fall short
are reported only when they split the whole (men and women, adults and children), as a
conflict, since otherwise the article may simply not list everyone.
"""

from __future__ import annotations

from collections.abc import Sequence

from ._records import Claim, SumCheck

__all__ = ["check_sums"]

_PERSON = frozenset({"person", "generic_person"})
_EXHAUSTIVE = (frozenset({"man", "woman"}), frozenset({"adult", "child"}), frozenset({"boy", "girl"}))
_JOINERS = frozenset({"and", ",", "and,", "as well as", "plus"})


def _exact(claim: Claim) -> bool:
    return claim.kind == "count" and claim.quantity.is_point and claim.quantity.stated is not None


def _coordinated(a: Claim, b: Claim, text: str) -> bool:
    if a.sentence_start != b.sentence_start or a.category not in _PERSON or b.category not in _PERSON:
        return False
    between = text[a.end:b.start]
    subject = a.subject or ""
    rest = between.strip()
    if subject and rest.startswith(subject):
        rest = rest[len(subject):].strip()
    return rest.lower() in _JOINERS


def _part_groups(claims: Sequence[Claim], text: str) -> list[list[Claim]]:
    groups: list[list[Claim]] = []
    i = 0
    while i < len(claims):
        group = [claims[i]]
        while i + 1 < len(claims) and _exact(claims[i + 1]) and _coordinated(group[-1], claims[i + 1], text):
            group.append(claims[i + 1])
            i += 1
        if len(group) > 1 and all(map(_exact, group)):
            groups.append(group)
        elif (claims[i].subject or "").lower() in {"others", "more"} and i > 0 and _exact(claims[i]):
            previous = claims[i - 1]
            if _exact(previous) and claims[i].sentence_start - previous.sentence_end < 400:
                groups.append([previous, claims[i]])
        i += 1
    return groups


def _total_for(parts: list[Claim], claims: Sequence[Claim]) -> Claim | None:
    first = parts[0]
    earlier = [c for c in claims if c.end <= first.start and c not in parts and _exact(c)
               and c.category in _PERSON and "exclusive" not in c.scope]
    return earlier[-1] if earlier else None


def check_sums(claims: Sequence[Claim], text: str) -> list[SumCheck]:
    """Sum checks for one document's claims (in text order) over its text."""
    checks = []
    for parts in _part_groups(claims, text):
        total = _total_for(parts, claims)
        if total is None:
            continue
        added = sum(p.quantity.stated for p in parts)  # type: ignore[misc]
        stated = total.quantity.stated
        heads = frozenset(p.subject_key.split()[-1] for p in parts if p.subject_key)
        figures = " + ".join(str(p.quantity.stated) for p in parts)
        if added == stated:
            verdict, why = "agree", f"{figures} = {added}, the total given ('{total.quantity.text}')"
        elif added > stated or heads in _EXHAUSTIVE:  # type: ignore[operator]
            verdict, why = "conflict", f"{figures} = {added}, but the total given is {stated}"
        else:
            continue
        checks.append(SumCheck(parts=tuple(p.id for p in parts), total=total.id, relation=verdict,
                               explanation=why))
    return checks
