"""Published figures as printed: '3,903', '6.7 million', '44%', and the values they stand for."""

from __future__ import annotations

from fractions import Fraction

import attrs

from trendcalc._errors import TrendcalcError
from trendcalc._rounding import Interval, format_exact, read_figure, unround
from trendcalc._validate import Mode, check_mode, check_places_arg

__all__ = ["Figure", "parse_count", "parse_figure"]


@attrs.frozen
class Figure:
    """A number as it was printed, with the precision it was printed to.

    Build one with :func:`parse_figure` (any figure) or :func:`parse_count` (a count).

    Parameters
    ----------
    text : str
        The figure as printed.
    value : Fraction
        Its exact value (``"6.7 million"`` is 6,700,000).
    places : int
        Its precision in decimal places: 2 for ``"10.70"``, 0 for ``"3,903"``, -5 for
        ``"6.7 million"`` (to the nearest 100,000).
    rounded : bool
        Whether, as a count, it stands for a range of true counts: True for a scaled
        figure (``"6.7 million"``) or one given a rounding (``parse_count("391,000",
        places=-3)``); False for a count printed in full (``"3,903"``).

    Examples
    --------
    >>> import trendcalc as tc
    >>> f = tc.parse_figure("6.7 million")
    >>> f.value, f.places, f.rounded
    (Fraction(6700000, 1), -5, True)
    >>> print(f.interval())
    [6650000, 6750000)
    >>> tc.parse_count("391,000", places=-3).counts()
    range(390500, 391500)
    """

    text: str
    value: Fraction
    places: int
    rounded: bool

    def interval(self, mode: Mode = "half_up") -> Interval:
        """The true values that round to this figure by ``mode`` (see :func:`unround`)."""
        return unround(self.text, mode=check_mode(mode), places=self.places)

    def counts(self, mode: Mode = "half_up") -> range:
        """The whole counts this figure may stand for.

        A count printed in full stands for itself; a rounded one for every whole number
        that rounds to it by ``mode``.
        """
        if not self.rounded:
            if self.value.denominator != 1 or self.value < 0:
                raise TrendcalcError(
                    f"count must be a non-negative whole number (got {self.text!r})"
                )
            return range(int(self.value), int(self.value) + 1)
        lo, hi = integer_bounds(self.interval(mode))
        return range(max(lo, 0), hi + 1)

    def __str__(self) -> str:
        return self.text


def integer_bounds(interval: Interval) -> tuple[int, int]:
    """The least and greatest integers in a bounded interval (``lo > hi`` when none)."""
    if interval.lower is None or interval.upper is None:
        raise TrendcalcError(f"the interval {interval} has no limit, so holds endless counts")
    low, high = interval.lower, interval.upper
    lo = -((-low.numerator) // low.denominator)  # ceil
    if not interval.lower_closed and lo == low:
        lo += 1
    hi = high.numerator // high.denominator  # floor
    if not interval.upper_closed and hi == high:
        hi -= 1
    return lo, hi


def parse_figure(text: object, *, places: int | None = None) -> Figure:
    """Read a figure as printed: ``"3,903"``, ``"10.70"``, ``"44%"``, ``"6.7 million"``.

    Parameters
    ----------
    text : str, int or Decimal
        The figure. Commas must separate groups of exactly three digits, so
        ``"42, 265"`` and ``"22,6400"`` are refused rather than guessed at. A trailing
        ``%``, or a scale word (``thousand`` or ``k``, ``million``, ``mn`` or ``m``,
        ``billion`` or ``bn``), is allowed.
    places : int, optional
        The precision it was rounded to, when the text does not show it: ``-3`` for a
        figure given to the nearest thousand. Such a figure is marked ``rounded``.

    Returns
    -------
    Figure

    Raises
    ------
    TrendcalcError
        If the text is not a figure, or is not a whole number of units of ``places``.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.parse_figure("2.5m").value
    Fraction(2500000, 1)
    >>> tc.parse_figure("22,6400")
    Traceback (most recent call last):
    ...
    trendcalc.TrendcalcError: figure must be a number as printed, such as '44', '-48', '10.70', '3,903', '44%' or '6.7 million', with commas only between groups of three digits (got '22,6400')
    """
    value, read_places, scaled = read_figure(text, name="figure")
    shown = text if isinstance(text, str) else str(text)
    if places is None:
        return Figure(shown.strip(), value, read_places, scaled)
    places = check_places_arg(places)
    if (value * Fraction(10) ** places).denominator != 1:
        raise TrendcalcError(
            f"places={places} does not fit the figure {shown!r}: it is not a whole number of "
            f"units of {format_exact(Fraction(10) ** -places)}"
        )
    return Figure(shown.strip(), value, places, True)


def parse_count(text: object, *, places: int | None = None) -> Figure:
    """Read a count as printed: a whole number, or a rounded one such as ``"6.7 million"``.

    Parameters
    ----------
    text : int, str or Figure
        The count. An int or a full count such as ``"3,903"`` is exact; a scaled figure
        (``"6.7 million"``, ``"45k"``) is rounded at its precision.
    places : int, optional
        The rounding of a count whose text does not show it: ``parse_count("391,000",
        places=-3)`` is any count from 390,500 to 391,499.

    Raises
    ------
    TrendcalcError
        If the text is not a figure, is negative, or is not whole when exact.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.parse_count("3,903").counts()
    range(3903, 3904)
    >>> len(tc.parse_count("6.7 million").counts())
    100000
    """
    if isinstance(text, Figure):
        figure = text if places is None else parse_figure(text.text, places=places)
    elif isinstance(text, bool) or not isinstance(text, int | str):
        raise TrendcalcError(
            f"count must be an int or a count as printed, such as '3,903' or '6.7 million' "
            f"(got {type(text).__name__} {text!r})"
        )
    else:
        figure = parse_figure(text, places=places)
    if figure.value < 0:
        raise TrendcalcError(f"count must not be negative (got {figure.text!r})")
    if not figure.rounded and figure.value.denominator != 1:
        raise TrendcalcError(
            f"count must be a whole number (got {figure.text!r}); if it was rounded, say to "
            "what, e.g. places=-3 for the nearest thousand"
        )
    if str(figure.text).endswith("%"):
        raise TrendcalcError(f"count must not be a percentage (got {figure.text!r})")
    return figure
