"""The words in front of a published figure, the true values each allows, and readings.

Two readings of the words (see the Qualifiers page of the docs):

* ``"strict"`` (the default): a figure means the values that round to it, and a qualifier
  moves by at most one unit of the figure's precision (:func:`qualified_interval`);
* ``"editorial"``: as an editor reads them. "about" and "around" allow 10% of the figure
  either way, "almost" and "nearly" up to 10% below it (never above), and a round figure
  (``"55,000"``) may be rounded to its trailing zeros (:func:`editorial_interval`,
  :func:`round_places`). Bounds ("more than", "at least", "fewer than", "less than", "up
  to") keep their strict meaning in both readings.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Literal, get_args

from trendcalc._errors import TrendcalcError
from trendcalc._limits import brief
from trendcalc._rounding import Interval

# the words in front of a figure and the strict meaning of each are the word readers'
# (_words.py), shared with parse_qualified_count and unround
from trendcalc._words import QUALIFIERS, Qualifier, check_qualifier, qualified_interval

__all__ = [
    "EDITORIAL_TOLERANCE",
    "PLACE_NAMES",
    "QUALIFIERS",
    "READINGS",
    "Qualifier",
    "Reading",
    "check_qualifier",
    "check_reading",
    "editorial_interval",
    "place_name",
    "qualified_interval",
    "round_places",
]

Reading = Literal["strict", "editorial"]
READINGS: tuple[str, ...] = get_args(Reading)

#: How far from the figure the editorial reading lets "about", "around" (either way),
#: "almost" and "nearly" (below only) go, as a share of the figure.
EDITORIAL_TOLERANCE = Fraction(1, 10)


def check_reading(reading: object) -> Reading:
    """Return ``reading`` if it is ``"strict"`` or ``"editorial"``, else raise listing them."""
    if isinstance(reading, str) and reading in READINGS:
        return reading  # type: ignore[return-value]
    valid = ", ".join(repr(r) for r in READINGS)
    raise TrendcalcError(
        f"reading must be one of {valid} (got {brief(reading)}); 'strict' is the default"
    )


def editorial_interval(value: Fraction, strict: Interval, qualifier: Qualifier) -> Interval:
    """The values the editorial reading allows, given the strict ones ``strict``.

    "about" and "around" allow :data:`EDITORIAL_TOLERANCE` of ``value`` either way;
    "almost" and "nearly" as much on the side the strict reading lies (below the figure,
    or above it for the size of a fall read as a negative number), never past the figure.
    Every other qualifier keeps ``strict``. The result always contains ``strict``.
    """
    slack = abs(value) * EDITORIAL_TOLERANCE
    if slack == 0:
        return strict
    if qualifier in ("about", "around"):
        wide = Interval(value - slack, value + slack)
    elif qualifier in ("almost", "nearly"):
        if strict.lower is not None and strict.lower == value:  # just above (a fall)
            wide = Interval(value, value + slack, strict.lower_closed, True)
        else:
            wide = Interval(value - slack, value, True, strict.upper_closed)
    else:
        return strict
    return _hull(strict, wide)


def _hull(a: Interval, b: Interval) -> Interval:
    """The smallest interval holding both (both bounded below and above)."""
    assert a.lower is not None
    assert a.upper is not None
    assert b.lower is not None
    assert b.upper is not None
    if a.lower < b.lower:
        lower, lower_closed = a.lower, a.lower_closed
    elif b.lower < a.lower:
        lower, lower_closed = b.lower, b.lower_closed
    else:
        lower, lower_closed = a.lower, a.lower_closed or b.lower_closed
    if a.upper > b.upper:
        upper, upper_closed = a.upper, a.upper_closed
    elif b.upper > a.upper:
        upper, upper_closed = b.upper, b.upper_closed
    else:
        upper, upper_closed = a.upper, a.upper_closed or b.upper_closed
    return Interval(lower, upper, lower_closed, upper_closed)


def round_places(value: Fraction, places: int) -> tuple[int, ...]:
    """The precisions a round figure may have been rounded to, finest first.

    A whole figure printed to ``places <= 0`` with trailing zeros may have been rounded to
    any of them: ``"55,000"`` to the nearest ten, hundred or thousand, so this gives
    ``(-1, -2, -3)``. Empty for a figure with no trailing zeros, a fraction, or zero.

    Examples
    --------
    >>> from fractions import Fraction
    >>> from trendcalc._claims.qualifiers import round_places
    >>> round_places(Fraction(55000), 0)
    (-1, -2, -3)
    >>> round_places(Fraction(170), 0), round_places(Fraction(3903), 0)
    ((-1,), ())
    """
    if value.denominator != 1 or value == 0 or places > 0:
        return ()
    n = abs(value.numerator)
    out: list[int] = []
    p = places
    while n % 10 ** (-(p - 1)) == 0:
        p -= 1
        out.append(p)
    return tuple(out)


#: Names of the precisions of round figures, for the words of a verdict.
PLACE_NAMES = {
    -1: "ten",
    -2: "hundred",
    -3: "thousand",
    -4: "ten thousand",
    -5: "hundred thousand",
    -6: "million",
    -7: "ten million",
    -8: "hundred million",
    -9: "billion",
}


def place_name(places: int) -> str:
    """The words for a precision: the nearest thousand for ``places=-3``."""
    name = PLACE_NAMES.get(places)
    return f"the nearest {name}" if name else f"the nearest {10**-places:,}"
