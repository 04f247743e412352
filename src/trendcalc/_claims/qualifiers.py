"""The words in front of a published figure, and the true values each allows."""

from __future__ import annotations

from fractions import Fraction
from typing import Literal, get_args

from trendcalc._errors import TrendcalcError
from trendcalc._rounding import Interval, rounding_interval
from trendcalc._validate import Mode

__all__ = ["QUALIFIERS", "Qualifier", "check_qualifier", "qualified_interval"]

Qualifier = Literal[
    "exact",
    "about",
    "around",
    "more than",
    "at least",
    "fewer than",
    "less than",
    "almost",
    "nearly",
    "up to",
]
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)


def check_qualifier(qualifier: object) -> Qualifier:
    """Return ``qualifier`` if it is one trendcalc knows, else raise listing them."""
    if isinstance(qualifier, str):
        q = " ".join(qualifier.lower().split())
        if q in QUALIFIERS:
            return q  # type: ignore[return-value]
    valid = ", ".join(repr(q) for q in QUALIFIERS)
    raise TrendcalcError(f"qualifier must be one of {valid} (got {qualifier!r})")


def qualified_interval(value: Fraction, places: int, qualifier: Qualifier, mode: Mode) -> Interval:
    """The true values a figure allows, given the word in front of it.

    ``value`` is the published figure and ``places`` its precision; one unit is
    ``10**-places``.

    ============================  =========================================================
    qualifier                     true values accepted
    ============================  =========================================================
    exact                         those that round to the figure by ``mode``
    about, around                 within one unit of the figure, ends included
    more than                     above the figure
    at least                      the figure or above
    fewer than, less than         below the figure
    up to                         the figure or below
    almost, nearly                below the figure by less than one unit, or equal to it
                                  less one unit: "almost 15" is 14 up to (not including) 15
    ============================  =========================================================
    """
    unit = Fraction(10) ** -places
    if qualifier == "exact":
        if (value / unit).denominator == 1:
            return rounding_interval(value, places, mode)
        # a figure off the grid (a third is 33.33...%): within half a unit either way
        return Interval(value - unit / 2, value + unit / 2)
    if qualifier in ("about", "around"):
        return Interval(value - unit, value + unit)
    if qualifier == "more than":
        return Interval(value, None, lower_closed=False)
    if qualifier == "at least":
        return Interval(value, None)
    if qualifier in ("fewer than", "less than"):
        return Interval(None, value, upper_closed=False)
    if qualifier == "up to":
        return Interval(None, value)
    return Interval(value - unit, value, lower_closed=True, upper_closed=False)  # almost
