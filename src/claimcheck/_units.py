"""Measures in one unit: which units share a dimension, and a figure's values in another unit.

The units are the ``measure`` rows of ``units.txt``; how they convert is the pint library's
(its unit registry, loaded once, on the first measure claim; each unit's dimension and each
pair's conversion are worked out once). A unit pint does not
know, or one marked ``-`` (degrees: of angle or of heat), is a dimension of its own and is
compared only with itself.
"""

from __future__ import annotations

import functools
import math

import attrs

from ._lexicon import Lexicon

__all__ = ["Conversion", "conversion", "dimension_of"]


@attrs.frozen
class Conversion:
    """How a value of one unit is written in another: ``conversion(value)`` is
    ``value * scale + offset`` (an offset for temperatures); infinities stay infinite."""

    scale: float
    offset: float = 0.0

    def __call__(self, value: float) -> float:
        if math.isinf(value):
            return value
        return value * self.scale + self.offset


_IDENTITY = Conversion(1.0)


def _pint_names(lexicon: Lexicon) -> dict[str, str]:
    names: dict[str, str] = {}
    for row in lexicon.table("units"):
        if row["kind"] == "measure":
            given = row.get("pint", "")
            if given or row["unit"] not in names:
                names[row["unit"]] = given or row["unit"]
    return names


@functools.cache
def _registry():
    import pint

    return pint.UnitRegistry(cache_folder=None)


@functools.lru_cache(maxsize=512)
def _pint_unit(name: str):
    if not name or name == "-":
        return None
    try:
        return _registry().parse_units(name)
    except Exception:  # pint raises several kinds for a name it does not know
        return None


@functools.lru_cache(maxsize=512)
def _base_units(name: str) -> str | None:
    parsed = _pint_unit(name)
    return None if parsed is None else str(_registry().Quantity(1, parsed).to_base_units().units)


@functools.lru_cache(maxsize=4096)
def _between(source: str, target: str) -> Conversion | None:
    """The conversion between two pint names, worked out once per pair."""
    a, b = _pint_unit(source), _pint_unit(target)
    if a is None or b is None or _base_units(source) != _base_units(target):
        return None
    quantity = _registry().Quantity
    zero = quantity(0.0, a).to(b).magnitude
    one = quantity(1.0, a).to(b).magnitude
    return Conversion(one - zero, zero)


def dimension_of(unit: str | None, lexicon: Lexicon | None = None) -> str | None:
    """The dimension a measure's unit belongs to, as its base units ("meter" for km and mi);
    the unit itself where it does not convert.

    >>> dimension_of("km") == dimension_of("mi"), dimension_of("km") == dimension_of("kg")
    (True, False)
    """
    if unit is None:
        return None
    names = (lexicon or Lexicon.default()).compiled("units.pint", _pint_names)
    return _base_units(names.get(unit, "")) or unit


def conversion(source: str | None, target: str | None, lexicon: Lexicon | None = None) -> Conversion | None:
    """How values in ``source`` are written in ``target``, or ``None`` for units of different
    dimensions.

    >>> round(conversion("mi", "km")(5), 2)
    8.05
    """
    if source == target:
        return _IDENTITY
    names = (lexicon or Lexicon.default()).compiled("units.pint", _pint_names)
    return _between(names.get(source or "", ""), names.get(target or "", ""))
