"""Rates: offences per day of a period, and per head of population."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from trendcalc._changes import Change, format_count
from trendcalc._errors import TrendcalcError, UndefinedResultError
from trendcalc._limits import brief
from trendcalc._periods import Period, as_period
from trendcalc._rounding import round_fraction, round_int
from trendcalc._validate import Mode, check_count, check_int, check_mode, check_places_arg

if TYPE_CHECKING:  # pragma: no cover
    from trendcalc._stats import PoissonInterval

__all__ = ["PopulationRate", "Rate", "daily_rate", "population_rate"]

_MICROSECONDS_PER_DAY = 86_400 * 10**6


def _to_count(value: object) -> int:
    return check_count(value, name="count")


def _to_period(value: object) -> Period:
    return as_period(value, name="period")


def _to_population(value: object) -> int:
    return check_int(value, name="population", minimum=1)


def _to_per(value: object) -> int:
    return check_int(value, name="per", minimum=1)


@attrs.frozen
class Rate:
    """A count over a period, per day (see :func:`daily_rate`).

    Parameters
    ----------
    count : int
        Offences in the period.
    period : Period
        The period counted.

    See Also
    --------
    daily_rate : makes one.
    check_daily_rate : whether a published daily rate fits it.
    poisson_interval : how precisely the rate is known.

    Examples
    --------
    >>> import trendcalc as tc
    >>> r = tc.daily_rate(3903, "2016/17")
    >>> r.days, r.per_day
    (365, Fraction(3903, 365))
    >>> r.rounded(2)
    Decimal('10.69')
    >>> r.every()
    datetime.timedelta(seconds=8079, microseconds=938509)
    >>> r.describe()
    '3,903 in 2016/17 (365 days): 10.7 a day, one every 2 h 14 min 40 s'
    """

    count: int = attrs.field(converter=_to_count)
    period: Period = attrs.field(converter=_to_period)

    @property
    def days(self) -> int:
        """Days in the period."""
        return self.period.days

    @property
    def per_day(self) -> Fraction:
        """The exact mean count per day, ``count / days``."""
        return Fraction(self.count, self.days)

    @property
    def per_hour(self) -> Fraction:
        """The exact mean count per hour, ``count / (24 * days)``."""
        return Fraction(self.count, 24 * self.days)

    def rounded(self, places: int = 1, *, mode: Mode = "half_up") -> Decimal:
        """The count per day rounded to ``places`` decimals by ``mode``."""
        mode = check_mode(mode)
        return round_fraction(self.per_day, check_places_arg(places), mode)

    def every(self) -> dt.timedelta:
        """The mean gap between offences, ``days / count``, to the nearest microsecond.

        Raises
        ------
        UndefinedResultError
            If the count is zero: with no offences there is no gap between them.
        """
        if self.count == 0:
            raise UndefinedResultError(
                f"no offences in {self.period.label}: there is no mean gap between offences"
            )
        micro = round_int(self.days * _MICROSECONDS_PER_DAY, self.count, "half_up")
        return dt.timedelta(microseconds=micro)

    def change_to(self, other: Rate) -> Change:
        """The change in the count per day from this rate to ``other``.

        Use it to compare periods of different length, such as a 366-day year with a
        365-day one: the change per day can differ from the change in the counts.

        Examples
        --------
        >>> import trendcalc as tc
        >>> a, b = tc.daily_rate(7300, "2015/16"), tc.daily_rate(7300, "2016/17")
        >>> tc.change(a.count, b.count).describe(1)
        'unchanged at 7,300'
        >>> a.change_to(b).describe(2)
        'up 0.27% (from 19.95 to 20.00)'
        """
        if not isinstance(other, Rate):
            raise TrendcalcError(
                f"other must be a Rate (got {type(other).__name__} {brief(other)})"
            )
        return Change(self.per_day, other.per_day)

    def interval(self, level: float = 0.95, *, method: str = "exact") -> PoissonInterval:
        """A confidence interval for the rate per day, taking the count as Poisson.

        Needs scipy (``pip install 'trendcalc[stats]'``); see :func:`poisson_interval`.

        Examples
        --------
        >>> import trendcalc as tc
        >>> ci = tc.daily_rate(3903, "2016/17").interval()
        >>> round(ci.lower, 2), round(ci.upper, 2)
        (10.36, 11.03)
        """
        from trendcalc._stats import poisson_interval

        return poisson_interval(self.count, exposure=self.days, level=level, method=method)  # type: ignore[arg-type]

    def describe(self, places: int = 1, *, mode: Mode = "half_up") -> str:
        """The rate in words, with the mean gap between offences."""
        text = (
            f"{format_count(self.count)} in {self.period.label} ({self.days:,} days): "
            f"{self.rounded(places, mode=mode):,} a day"
        )
        if self.count == 0:
            return text
        return f"{text}, one every {format_gap(self.every())}"


def format_gap(gap: dt.timedelta) -> str:
    """A gap to the nearest second, in days, hours, minutes and seconds."""
    seconds = round_int(gap // dt.timedelta(microseconds=1), 10**6, "half_up")
    parts = []
    for unit, size in (("d", 86_400), ("h", 3_600), ("min", 60), ("s", 1)):
        amount, seconds = divmod(seconds, size)
        if amount:
            parts.append(f"{amount} {unit}")
    return " ".join(parts) or "less than 0.5 s"


def daily_rate(count: int, period: Period | str) -> Rate:
    """The mean number of offences a day over a period.

    Parameters
    ----------
    count : int
        Offences in the period, a non-negative int.
    period : Period or str
        The period, or its label (read by :func:`parse_period`).

    Returns
    -------
    Rate

    Raises
    ------
    TrendcalcError
        If ``count`` is not a non-negative int or ``period`` cannot be read.

    See Also
    --------
    Rate : the result.
    population_rate : a count per people instead of per day.
    check_daily_rate : whether a published daily rate fits.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.daily_rate(3903, "2016/17").rounded(1)
    Decimal('10.7')
    >>> tc.daily_rate(3903, "2015/16").rounded(1)  # a leap year
    Decimal('10.7')
    >>> str(tc.daily_rate(3903, "2016/17").every())
    '2:14:39.938509'
    """
    return Rate(count, as_period(period, name="period"))


@attrs.frozen
class PopulationRate:
    """A count per ``per`` people (see :func:`population_rate`).

    Attributes
    ----------
    count : int
        The count.
    population : int
        The people it is among.
    per : int
        The rate is per this many people (1,000 unless given).

    See Also
    --------
    population_rate : makes one.
    check_population_rate : whether a published rate fits it.

    Examples
    --------
    >>> import trendcalc as tc
    >>> r = tc.population_rate(58, 751_200)
    >>> r.value
    Fraction(145, 1878)
    >>> r.rounded(3)
    Decimal('0.077')
    >>> r.describe(2)
    '58 per 751,200 people: 0.08 per 1,000'
    """

    count: int = attrs.field(converter=_to_count)
    population: int = attrs.field(converter=_to_population)
    per: int = attrs.field(default=1000, converter=_to_per)

    @property
    def value(self) -> Fraction:
        """The exact rate, ``count * per / population``."""
        return Fraction(self.count * self.per, self.population)

    def rounded(self, places: int = 1, *, mode: Mode = "half_up") -> Decimal:
        """The rate rounded to ``places`` decimals by ``mode``."""
        mode = check_mode(mode)
        return round_fraction(self.value, check_places_arg(places), mode)

    def interval(self, level: float = 0.95, *, method: str = "exact") -> PoissonInterval:
        """A confidence interval for the rate per ``per`` people, taking the count as Poisson.

        Needs scipy (``pip install 'trendcalc[stats]'``); see :func:`poisson_interval`.

        Examples
        --------
        >>> import trendcalc as tc
        >>> ci = tc.population_rate(58, 751_200).interval()
        >>> round(ci.lower, 3), round(ci.upper, 3)
        (0.059, 0.1)
        """
        from trendcalc._stats import poisson_interval

        exposure = Fraction(self.population, self.per)
        return poisson_interval(self.count, exposure=exposure, level=level, method=method)  # type: ignore[arg-type]

    def describe(self, places: int = 1, *, mode: Mode = "half_up") -> str:
        """The rate in words."""
        return (
            f"{format_count(self.count)} per {format_count(self.population)} people: "
            f"{self.rounded(places, mode=mode):,} per {self.per:,}"
        )


def population_rate(count: int, population: int, *, per: int = 1000) -> PopulationRate:
    """The number of offences per ``per`` people.

    Parameters
    ----------
    count : int
        Offences, a non-negative int.
    population : int
        People in the area, a positive int.
    per : int, default 1000
        The base of the rate: 1000 for "per 1,000 people", 100_000 for "per 100,000".

    Returns
    -------
    PopulationRate

    Raises
    ------
    TrendcalcError
        If an argument is not an int in its range.

    See Also
    --------
    PopulationRate : the result.
    daily_rate : a count per day instead of per people.
    check_population_rate : whether a published rate fits.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.population_rate(3903, 11_700_000, per=100_000).rounded(1)
    Decimal('33.4')
    """
    return PopulationRate(count, population, per)
