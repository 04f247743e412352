"""Rounding by a named rule, and the reverse: which true values a published figure allows."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, TypeVar, overload

import attrs
import numpy as np

from trendcalc._errors import TrendcalcError
from trendcalc._limits import MAX_DIGITS, brief, check_decimal_size, check_digits, check_length
from trendcalc._validate import (
    Mode,
    check_count,
    check_int,
    check_mode,
    check_places_arg,
    to_fraction,
)

__all__ = [
    "Interval",
    "round_significant",
    "round_value",
    "shares",
    "unround",
]

K = TypeVar("K")


def round_int(numerator: int, denominator: int, mode: Mode) -> int:
    """Round ``numerator / denominator`` (``denominator > 0``) to an integer by ``mode``."""
    floor, rem = divmod(numerator, denominator)
    if rem == 0:
        return floor
    positive = numerator > 0
    if mode == "floor":
        return floor
    if mode == "ceiling":
        return floor + 1
    if mode == "down":
        return floor if positive else floor + 1
    if mode == "up":
        return floor + 1 if positive else floor
    other = denominator - rem  # distance to floor + 1, in units of 1/denominator
    if rem < other:
        return floor
    if rem > other:
        return floor + 1
    # an exact tie between floor and floor + 1
    if mode == "half_up":
        return floor + 1 if positive else floor
    if mode == "half_down":
        return floor if positive else floor + 1
    return floor if floor % 2 == 0 else floor + 1  # half_even


_FORMAT_TYPES = frozenset("eEfFgGn%")


class PlainDecimal(Decimal):
    """A :class:`~decimal.Decimal` that prints as a published figure: never in exponent form.

    ``Decimal("5E-7")`` prints as ``5E-7``; a figure rounded to seven places prints as
    ``0.0000005``. ``str``, ``format`` (with no presentation type, such as ``f"{x:,}"``)
    and ``repr`` show every digit; arithmetic on it gives plain Decimals, and it compares,
    hashes and pickles as the Decimal it equals.
    """

    __slots__ = ()

    def __str__(self) -> str:
        return Decimal.__format__(self, "f")

    def __repr__(self) -> str:
        return f"Decimal('{self}')"

    def __format__(self, spec: str, *args: Any) -> str:
        if not spec or spec[-1] not in _FORMAT_TYPES:
            spec += "f"
        return Decimal.__format__(self, spec, *args)


def plain(value: Decimal) -> Decimal:
    """``value`` as a :class:`PlainDecimal`, which never prints in exponent form."""
    return value if isinstance(value, PlainDecimal) else PlainDecimal(value)


def decimal_from_units(units: int, places: int) -> Decimal:
    """The exact :class:`~decimal.Decimal` ``units * 10**-places``, showing ``places`` decimals.

    Built from a digit tuple, so no context precision can round it; it prints without an
    exponent (see :class:`PlainDecimal`).
    """
    if places <= 0:
        return PlainDecimal(units * 10**-places)
    digits = tuple(int(c) for c in str(abs(units)))
    return PlainDecimal((1 if units < 0 else 0, digits, -places))


#: Largest ``abs(places)`` the private rounding core accepts. Public ``places`` arguments are
#: bounded far more tightly (``MIN_PLACES..MAX_PLACES``); precisions derived from a value,
#: such as for significant figures of a tiny number, can need more.
_MAX_CORE_PLACES = 2 * MAX_DIGITS


def _check_core_places(places: int) -> None:
    if not -_MAX_CORE_PLACES <= places <= _MAX_CORE_PLACES:
        raise TrendcalcError(
            f"cannot round to {places:,} decimal places: at most {_MAX_CORE_PLACES} either "
            "side of the point are supported"
        )


def round_fraction(x: Fraction, places: int, mode: Mode) -> Decimal:
    """Round an exact value to ``places`` decimal places (private core of :func:`round_value`)."""
    _check_core_places(places)
    if places >= 0:
        units = round_int(x.numerator * 10**places, x.denominator, mode)
    else:
        units = round_int(x.numerator, x.denominator * 10**-places, mode)
    return decimal_from_units(units, places)


def round_value(x: object, places: int = 0, *, mode: Mode = "half_up") -> Decimal:
    """Round ``x`` to ``places`` decimal places by a named rounding mode.

    The value is read exactly and rounded once, so the result is the figure a careful person
    would publish. The default, ``"half_up"``, rounds halves away from zero as Excel's
    ``ROUND`` and official statistics do (Python's :func:`round` and :func:`numpy.round`
    round halves to even instead).

    Parameters
    ----------
    x : int, Fraction, Decimal, str or float
        The value. A float is read as its shortest repr, the digits Python prints for it, so
        ``2.675`` means exactly 2.675 and not the binary number just below it. A str must be a
        plain decimal number such as ``"2.675"`` or ``"-48"``.
    places : int, default 0
        Decimal places to keep, from -18 to 18 (see :doc:`/limits`). Negative values round
        to tens (-1), hundreds (-2), and so on.
    mode : {"half_up", "half_even", "half_down", "up", "down", "ceiling", "floor"}
        The rounding rule, with the meaning of the :mod:`decimal` module's ``ROUND_*``
        constant of the same name: ``"up"`` is away from zero, ``"down"`` toward zero.

    Returns
    -------
    Decimal
        The rounded value, with exactly ``places`` digits after the point (none when
        ``places <= 0``), so it prints as it will be published. A result of zero is never
        negative.

    Raises
    ------
    TrendcalcError
        If ``x`` is not a finite number or is beyond the size limits, ``places`` is not an
        int from -18 to 18, or ``mode`` is unknown.

    See Also
    --------
    round_significant : round to significant figures.
    unround : the values that round to a published figure.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.round_value(2.675, 2)
    Decimal('2.68')
    >>> tc.round_value("2.5"), tc.round_value("2.5", mode="half_even")
    (Decimal('3'), Decimal('2'))
    >>> tc.round_value(10.7, 2)
    Decimal('10.70')
    >>> tc.round_value(3903, -2)
    Decimal('3900')
    >>> from fractions import Fraction
    >>> tc.round_value(Fraction(-54, 112) * 100, 1)
    Decimal('-48.2')
    """
    mode = check_mode(mode)
    places = check_places_arg(places)
    return round_fraction(to_fraction(x, name="x"), places, mode)


def _leading_exponent(x: Fraction) -> int:
    """The ``e`` with ``10**e <= abs(x) < 10**(e + 1)`` for a non-zero ``x``."""
    ax = abs(x)
    # the bit lengths put e within a step or two of the answer (and never print a long
    # int); settle it exactly
    e = int((ax.numerator.bit_length() - ax.denominator.bit_length()) * 0.30103)
    while Fraction(10) ** e > ax:
        e -= 1
    while Fraction(10) ** (e + 1) <= ax:
        e += 1
    return e


def round_significant(x: object, figures: int, *, mode: Mode = "half_up") -> Decimal:
    """Round ``x`` to a number of significant figures by a named rounding mode.

    Parameters
    ----------
    x : int, Fraction, Decimal, str or float
        The value, read exactly as in :func:`round_value`.
    figures : int
        Significant figures to keep, at least 1.
    mode : {"half_up", "half_even", "half_down", "up", "down", "ceiling", "floor"}
        The rounding rule (see :func:`round_value`).

    Returns
    -------
    Decimal
        The rounded value. Digits after the point are kept up to the last significant one;
        a value rounded to fewer figures than it has integer digits is shown with zeros
        (``3903`` to 2 figures is ``3900``). Zero rounds to ``Decimal('0')``.

    Raises
    ------
    TrendcalcError
        If ``x`` is not a finite number, ``figures`` is not a positive int, or ``mode`` is
        unknown.

    See Also
    --------
    round_value : round to decimal places.
    unround : the values that round to a published figure.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.round_significant(3903, 2)
    Decimal('3900')
    >>> tc.round_significant("0.0012345", 3)
    Decimal('0.00123')
    >>> tc.round_significant(9.96, 2)
    Decimal('10')
    """
    mode = check_mode(mode)
    figures = check_int(figures, name="figures", minimum=1)
    if figures > MAX_DIGITS:
        raise TrendcalcError(
            f"figures must be at most {MAX_DIGITS} (got {figures:,}): trendcalc reads no "
            "number of more digits than that"
        )
    value = to_fraction(x, name="x")
    if value == 0:
        return Decimal(0)
    places = figures - 1 - _leading_exponent(value)
    result = round_fraction(value, places, mode)
    if result != 0 and _leading_exponent(Fraction(result)) > _leading_exponent(value):
        # rounding carried into a new leading digit (9.96 -> 10.0): drop one place
        result = round_fraction(value, places - 1, mode)
    return result


def format_exact(x: Fraction) -> str:
    """Show an exact value as a terminating decimal where it is one, else as a fraction."""
    d = x.denominator
    while d % 2 == 0:
        d //= 2
    while d % 5 == 0:
        d //= 5
    if d != 1:
        return str(x)
    places = 0
    while (x * 10**places).denominator != 1:
        places += 1
    return str(decimal_from_units(int(x * 10**places), places))


def _to_end(value: object, name: str) -> Fraction | None:
    return None if value is None else to_fraction(value, name=name)


def _to_lower(value: object) -> Fraction | None:
    return _to_end(value, "lower")


def _to_upper(value: object) -> Fraction | None:
    return _to_end(value, "upper")


@attrs.frozen
class Interval:
    """A range of exact values, each end open or closed, or unbounded.

    :func:`unround` returns one to say which true values a published figure allows; a
    claim such as "more than 40%" allows an interval with no upper end.

    Parameters
    ----------
    lower, upper : Fraction or None
        The ends, ``lower <= upper``; None for no limit on that side (such an end is
        always open).
    lower_closed, upper_closed : bool
        Whether each end belongs to the interval.

    See Also
    --------
    unround : makes one from a published figure.

    Examples
    --------
    >>> import trendcalc as tc
    >>> interval = tc.unround("44")
    >>> print(interval)
    [43.5, 44.5)
    >>> interval.contains("43.5"), interval.contains("44.5")
    (True, False)
    >>> "44.49" in interval
    True
    >>> print(tc.Interval(40, None, lower_closed=False))
    (40, no limit)
    """

    lower: Fraction | None = attrs.field(converter=_to_lower)
    upper: Fraction | None = attrs.field(converter=_to_upper)
    lower_closed: bool = True
    upper_closed: bool = True

    def __attrs_post_init__(self) -> None:
        for name in ("lower_closed", "upper_closed"):
            flag = getattr(self, name)
            if not isinstance(flag, bool | np.bool_):
                raise TrendcalcError(
                    f"{name} must be True or False (got {type(flag).__name__} {brief(flag)})"
                )
            object.__setattr__(self, name, bool(flag))
        # an unbounded end holds no end point
        if self.lower is None:
            object.__setattr__(self, "lower_closed", False)
        if self.upper is None:
            object.__setattr__(self, "upper_closed", False)
        if self.lower is None or self.upper is None:
            return
        if self.lower > self.upper:
            raise TrendcalcError(
                f"lower must not exceed upper (got lower={self.lower}, upper={self.upper})"
            )
        if self.lower == self.upper and not (self.lower_closed and self.upper_closed):
            raise TrendcalcError(
                "an interval whose ends are equal must be closed at both ends, or it is empty "
                f"(got {self.lower} with lower_closed={self.lower_closed}, "
                f"upper_closed={self.upper_closed})"
            )

    def contains(self, x: object) -> bool:
        """Whether the exact value ``x`` lies in the interval.

        ``x`` is read as in :func:`round_value`: a float by its shortest repr.
        """
        value = to_fraction(x, name="x")
        return self._above_lower(value) and self._below_upper(value)

    def _above_lower(self, value: Fraction) -> bool:
        if self.lower is None:
            return True
        return value > self.lower or (self.lower_closed and value == self.lower)

    def _below_upper(self, value: Fraction) -> bool:
        if self.upper is None:
            return True
        return value < self.upper or (self.upper_closed and value == self.upper)

    def __contains__(self, x: object) -> bool:
        return self.contains(x)

    @property
    def width(self) -> Fraction | None:
        """``upper - lower``, or None when an end is unbounded."""
        if self.lower is None or self.upper is None:
            return None
        return self.upper - self.lower

    def __str__(self) -> str:
        left = "[" if self.lower_closed else "("
        right = "]" if self.upper_closed else ")"
        low = "no limit" if self.lower is None else format_exact(self.lower)
        high = "no limit" if self.upper is None else format_exact(self.upper)
        return f"{left}{low}, {high}{right}"


_FIGURE = re.compile(
    r"(?P<sign>[+\-\u2212]?)(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?"
    r"(?:\s*(?P<scale>thousand|k|million|mn|m|billion|bn)\b|(?P<pct>%))?",
    re.IGNORECASE,
)
_SCALES = {"thousand": 3, "k": 3, "million": 6, "mn": 6, "m": 6, "billion": 9, "bn": 9}


def read_figure(reported: object, *, name: str = "reported") -> tuple[Fraction, int, bool]:
    """Read a published figure: its exact value, its precision, and whether it was scaled.

    The precision is in decimal places of the value (``"10.70"`` gives 2, ``"3,903"`` 0,
    ``"6.7 million"`` -5). Accepts a sign (``+``, ``-`` or the typographic minus), digits
    grouped by commas in threes, and either a trailing ``%`` or a scale word (``thousand``
    or ``k``, ``million``, ``mn`` or ``m``, ``billion`` or ``bn``). An int is whole units;
    a Decimal keeps its exponent.
    """
    if isinstance(reported, bool | np.bool_):
        raise TrendcalcError(
            f"{name} must be a published figure, not a bool (got {brief(reported)})"
        )
    if isinstance(reported, int):
        return Fraction(check_digits(reported, name=name)), 0, False
    if isinstance(reported, Decimal):
        if not reported.is_finite():
            raise TrendcalcError(f"{name} must be a finite number (got {brief(reported)})")
        exponent = check_decimal_size(reported, name=name).as_tuple().exponent
        assert isinstance(exponent, int)
        return Fraction(reported), -exponent, False
    if isinstance(reported, float):
        raise TrendcalcError(
            f"{name} must be text such as '10.70', an int or a Decimal, not a float (got "
            f"{reported!r}): a float cannot say how many digits were published"
        )
    if not isinstance(reported, str):
        raise TrendcalcError(
            f"{name} must be a published figure as text, an int or a Decimal (got "
            f"{type(reported).__name__} {brief(reported)})"
        )
    m = _FIGURE.fullmatch(check_length(reported, name=name).strip())
    if m is None:
        raise TrendcalcError(
            f"{name} must be a number as printed, such as '44', '-48', '10.70', '3,903', "
            f"'44%' or '6.7 million', with commas only between groups of three digits "
            f"(got {brief(reported)})"
        )
    frac = m["frac"] or ""
    digits = m["int"].replace(",", "") + frac
    scale = _SCALES[m["scale"].lower()] if m["scale"] else 0
    value = Fraction(int(digits) * 10**scale, 10 ** len(frac))
    if m["sign"] in ("-", "\u2212"):
        value = -value
    return value, len(frac) - scale, scale != 0


def unround(reported: object, *, mode: Mode = "half_up", places: int | None = None) -> Interval:
    """The exact set of true values that round to a published figure.

    Parameters
    ----------
    reported : str, int or Decimal
        The figure as published. Its precision is read from the text, so trailing zeros
        matter: ``"44"`` was rounded to whole numbers, ``"10.70"`` to two places, and
        ``"6.7 million"`` to the nearest 100,000. Commas between groups of three digits, a
        sign, and a trailing ``%`` or scale word (``thousand``, ``k``, ``million``, ``m``,
        ``billion``, ``bn``) are allowed. Text may also carry a qualifier and words:
        ``"nearly 20%"``, ``"10 per cent"``, ``"almost five million"`` (the values the
        qualifier allows), ``"one in four"`` or ``"almost half"`` (the percentages the
        proportion allows) and ``"twice"`` or ``"nearly five times"`` (the ratios); see
        the Qualifiers page of the docs.
    mode : {"half_up", "half_even", "half_down", "up", "down", "ceiling", "floor"}
        The rule the publisher rounded by. ``"down"`` covers truncation.
    places : int, optional
        Override the precision read from the text, for a figure published to the nearest
        thousand (``unround("391,000", places=-3)``) or with its trailing zeros dropped;
        from -18 to 18.

    Returns
    -------
    Interval
        Exactly the values ``x`` for which ``round_value(x, places, mode=mode)`` equals the
        figure.

    Raises
    ------
    TrendcalcError
        If the figure cannot be read, is not a whole number of its units when ``places``
        is given, or ``mode`` is unknown.

    See Also
    --------
    Interval : the result.
    round_value : the rounding it undoes.
    parse_figure : a published figure with its scale word and rounding.

    Examples
    --------
    >>> import trendcalc as tc
    >>> print(tc.unround("44"))
    [43.5, 44.5)
    >>> print(tc.unround("-48"))
    (-48.5, -47.5]
    >>> print(tc.unround("44%", mode="down"))
    [44, 45)
    >>> print(tc.unround("10.70"))
    [10.695, 10.705)
    >>> print(tc.unround("391,000", places=-3))
    [390500, 391500)
    >>> print(tc.unround("6.7 million"))
    [6650000, 6750000)
    >>> print(tc.unround("nearly 20%"))
    [19, 20)
    >>> print(tc.unround("one in four"))
    (200/9, 200/7]
    """
    if isinstance(reported, str):  # qualifiers and words: "nearly 20%", "one in four"
        from trendcalc._figures import read_qualified

        words = read_qualified(reported, mode=mode, places=places)
        if words is not None:
            return words
    mode = check_mode(mode)
    value, read_places, _ = read_figure(reported)
    if places is None:
        places = read_places
    else:
        places = check_places_arg(places)
        if (value * Fraction(10) ** places).denominator != 1:
            raise TrendcalcError(
                f"places={places} does not fit reported={reported!r}: the figure is not a "
                f"whole number of units of {format_exact(Fraction(10) ** -places)}"
            )
    return rounding_interval(value, places, mode)


def rounding_interval(value: Fraction, places: int, mode: Mode) -> Interval:
    """The exact values that round to ``value`` at ``places`` decimals by ``mode``.

    ``value`` must be a whole number of units of ``10**-places`` (private core of
    :func:`unround`).
    """
    unit = Fraction(10) ** -places
    half = unit / 2
    sign = (value > 0) - (value < 0)
    if mode == "half_up":
        return Interval(value - half, value + half, sign > 0, sign < 0)
    if mode == "half_down":
        return Interval(value - half, value + half, sign <= 0, sign >= 0)
    if mode == "half_even":
        even = (value / unit) % 2 == 0
        return Interval(value - half, value + half, even, even)
    if mode == "floor":
        return Interval(value, value + unit, True, False)
    if mode == "ceiling":
        return Interval(value - unit, value, False, True)
    if mode == "down":
        if sign > 0:
            return Interval(value, value + unit, True, False)
        if sign < 0:
            return Interval(value - unit, value, False, True)
        return Interval(-unit, unit, False, False)
    # mode == "up": away from zero
    if sign > 0:
        return Interval(value - unit, value, False, True)
    if sign < 0:
        return Interval(value, value + unit, True, False)
    return Interval(0, 0, True, True)


@overload
def shares(counts: Mapping[K, int], places: int = 0) -> dict[K, Decimal]: ...
@overload
def shares(counts: Sequence[int], places: int = 0) -> tuple[Decimal, ...]: ...
def shares(
    counts: Mapping[K, int] | Sequence[int], places: int = 0
) -> dict[K, Decimal] | tuple[Decimal, ...]:
    """Percentage shares of a total, rounded so that they add up to exactly 100.

    Rounding each share on its own can make a published table add up to 99 or 101. This
    uses the largest-remainder (Hamilton) method: every share is first cut down to
    ``places`` decimals, then the units still missing from 100 go, one each, to the shares
    that lost the most. Ties go to the larger count, then to the earlier item.

    Parameters
    ----------
    counts : sequence of int, or mapping to int
        Non-negative counts, at least one of them positive.
    places : int, default 0
        Decimal places of each share, from 0 to 18.

    Returns
    -------
    tuple of Decimal, or dict
        The shares in the order given (a dict with the same keys for a mapping), each with
        ``places`` decimals, adding up to exactly 100. Each share is within one unit of its
        exact value.

    Raises
    ------
    TrendcalcError
        If a count is negative or not an int, all counts are zero, or ``places`` is negative.

    See Also
    --------
    round_value : round one value.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.shares([1, 1, 1])
    (Decimal('34'), Decimal('33'), Decimal('33'))
    >>> tc.shares({"Lincolnshire": 58, "rest of England and Wales": 3845}, places=1)
    {'Lincolnshire': Decimal('1.5'), 'rest of England and Wales': Decimal('98.5')}
    """
    places = check_places_arg(check_int(places, name="places", minimum=0))
    if isinstance(counts, Mapping):
        keys: list[K] | None = list(counts)
        values = [check_count(counts[k], name=f"counts[{k!r}]") for k in counts]
    elif isinstance(counts, str | bytes) or not isinstance(counts, Sequence):
        raise TrendcalcError(
            f"counts must be a sequence or mapping of counts (got {type(counts).__name__})"
        )
    else:
        keys = None
        values = [check_count(c, name=f"counts[{i}]") for i, c in enumerate(counts)]
    total = sum(values)
    if total == 0:
        raise TrendcalcError(
            f"counts must include a positive count: shares of a total of zero are undefined "
            f"(got {list(values)})"
        )
    whole = 100 * 10**places
    floors = []
    remainders = []
    for c in values:
        q, r = divmod(c * whole, total)
        floors.append(q)
        remainders.append(r)
    missing = whole - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (-remainders[i], -values[i], i))
    for i in order[:missing]:
        floors[i] += 1
    result = tuple(decimal_from_units(u, places) for u in floors)
    if keys is None:
        return result
    return dict(zip(keys, result, strict=True))


def scaled(interval: Interval, factor: Fraction, shift: Fraction = Fraction(0)) -> Interval:
    """``interval * factor + shift`` for a positive factor."""

    def move(x: Fraction | None) -> Fraction | None:
        return None if x is None else x * factor + shift

    return Interval(
        move(interval.lower), move(interval.upper), interval.lower_closed, interval.upper_closed
    )


def percent_to_ratio(interval: Interval) -> Interval:
    """Percentage changes to ratios ``after / before``: ``1 + p / 100``."""
    return scaled(interval, Fraction(1, 100), Fraction(1))
