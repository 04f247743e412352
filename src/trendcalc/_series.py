"""Counts over consecutive periods: totals, changes, rates, rolling totals and resampling."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

import attrs

from trendcalc._changes import Change
from trendcalc._errors import SeriesError, TrendcalcError
from trendcalc._limits import brief
from trendcalc._periods import (
    Period,
    _check_start_month,
    _fy_start_year,
    as_period,
    calendar_year,
    date_range,
    financial_quarter,
    financial_year,
    month,
    quarter,
)
from trendcalc._rates import Rate
from trendcalc._validate import check_count, check_int

if TYPE_CHECKING:  # pragma: no cover
    from trendcalc._stats import Comparison

__all__ = ["CountSeries", "SpanTotal"]

ResampleKind = Literal["month", "quarter", "financial_quarter", "calendar_year", "financial_year"]
_RESAMPLE_KINDS = ("month", "quarter", "financial_quarter", "calendar_year", "financial_year")


@attrs.frozen
class SpanTotal:
    """The total count over a span of consecutive periods (see :meth:`CountSeries.rolling_total`).

    Attributes
    ----------
    first, last : Period
        The first and the last period of the span.
    total : int
        The sum of the counts of every period from ``first`` to ``last``.

    See Also
    --------
    CountSeries.rolling_total : makes them.
    CountSeries.total : one total.

    Examples
    --------
    >>> import trendcalc as tc
    >>> s = tc.CountSeries.from_mapping({"2015/16": 112, "2016/17": 58})
    >>> span = s.rolling_total(2)[0]
    >>> span.label, span.total, span.days
    ('2015/16 to 2016/17', 170, 731)
    """

    first: Period
    last: Period
    total: int

    @property
    def label(self) -> str:
        """``"<first> to <last>"``, as a story writes the span."""
        return f"{self.first.label} to {self.last.label}"

    @property
    def period(self) -> Period:
        """The days the span covers, as a ``"range"`` period."""
        return date_range(self.first.start, self.last.end)

    @property
    def days(self) -> int:
        """Days in the span."""
        return self.period.days


def _check_consecutive(periods: Sequence[Period]) -> None:
    first = periods[0]
    for i, (a, b) in enumerate(itertools.pairwise(periods), start=1):
        if (b.kind, b.fy_start_month) != (first.kind, first.fy_start_month):
            raise SeriesError(
                f"periods must all be of one kind: periods[0] {first.label!r} is a {first.kind} "
                f"but periods[{i}] {b.label!r} is a {b.kind}"
            )
        expected = a.next()
        if b == expected:
            continue
        if b == a:
            raise SeriesError(f"periods must not repeat: {a.label!r} appears twice")
        if a.start < b.start <= a.end:
            raise SeriesError(
                f"periods must not overlap: {a.label!r} and {b.label!r} share the days "
                f"{b.start} to {min(a.end, b.end)}, so their counts cannot be added or compared "
                "as a series. Rolling totals such as year-ending figures a quarter apart belong "
                "in a CountTable: build them from the months or quarters with "
                "CountTable.rolling_total(12) (or 4), or read published ones with "
                "CountTable.from_frame(..., kind='year_ending')"
            )
        if b.start <= a.end:
            raise SeriesError(
                f"periods must be in order: {a.label!r} is followed by {b.label!r}, which does "
                "not come after it; sort them, or use CountSeries.from_mapping"
            )
        raise SeriesError(
            f"periods must be consecutive: {a.label!r} is followed by {b.label!r}, but the next "
            f"period is {expected.label!r}"
        )


def _convert_periods(values: object) -> tuple[Period, ...]:
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise SeriesError(
            f"periods must be a sequence of Periods or labels (got {type(values).__name__})"
        )
    return tuple(as_period(p, name=f"periods[{i}]") for i, p in enumerate(values))


def _convert_counts(values: object) -> tuple[int, ...]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise SeriesError(f"counts must be a sequence of counts (got {type(values).__name__})")
    return tuple(check_count(c, name=f"counts[{i}]") for i, c in enumerate(values))


@attrs.frozen
class CountSeries:
    """Counts over consecutive periods of one kind, such as financial years or months.

    Parameters
    ----------
    periods : sequence of Period or str
        Consecutive periods of one kind, in order, with no gaps or repeats.
    counts : sequence of int
        One non-negative count per period.

    Raises
    ------
    SeriesError
        If the periods have gaps, repeats, mixed kinds or are out of order, the lengths
        differ, or the series is empty.
    TrendcalcError
        If a count is negative, a bool or not an int.

    See Also
    --------
    count_events : counts records into periods.
    period_range : the periods of a series.
    change : the change between two counts.

    Examples
    --------
    >>> import trendcalc as tc
    >>> s = tc.CountSeries.from_mapping({"2015/16": 112, "2016/17": 58})
    >>> s.total()
    170
    >>> s.change().describe()
    'down 48% (from 112 to 58)'
    >>> s["2016/17"]
    58
    """

    periods: tuple[Period, ...] = attrs.field(converter=_convert_periods)
    counts: tuple[int, ...] = attrs.field(converter=_convert_counts)

    def __attrs_post_init__(self) -> None:
        if not self.periods:
            raise SeriesError("periods must hold at least one period (got none)")
        if len(self.periods) != len(self.counts):
            raise SeriesError(
                f"periods and counts must have the same length (got {len(self.periods)} "
                f"periods and {len(self.counts)} counts)"
            )
        _check_consecutive(self.periods)

    @classmethod
    def from_mapping(
        cls, mapping: Mapping[Period | str, int], *, fy_start_month: int = 4
    ) -> CountSeries:
        """Build a series from ``{period: count}``, in any order.

        Parameters
        ----------
        mapping : mapping of Period or str to int
            Periods (or labels, read by :func:`parse_period`) and their counts.
        fy_start_month : int, default 4
            Passed to :func:`parse_period` for labels.

        Raises
        ------
        SeriesError
            If two keys are the same period, or the periods are not consecutive.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.CountSeries.from_mapping({"2016/17": 58, "2015/16": 112}).counts
        (112, 58)
        """
        if not isinstance(mapping, Mapping):
            raise SeriesError(f"mapping must be a mapping (got {type(mapping).__name__})")
        seen: dict[Period, object] = {}
        pairs = []
        for key, count in mapping.items():
            period = as_period(key, name=f"key {key!r}", fy_start_month=fy_start_month)
            if period in seen:
                raise SeriesError(
                    f"mapping must not name a period twice: {seen[period]!r} and {key!r} are "
                    f"both {period.label!r}"
                )
            seen[period] = key
            pairs.append((period, check_count(count, name=f"mapping[{key!r}]")))
        pairs.sort(key=lambda pc: pc[0])
        return cls([p for p, _ in pairs], [c for _, c in pairs])

    # -- access

    def __len__(self) -> int:
        return len(self.periods)

    def __getitem__(self, period: Period | str) -> int:
        return self.counts[self._index(period, "period")]

    def items(self) -> Iterator[tuple[Period, int]]:
        """The ``(period, count)`` pairs, in order."""
        return zip(self.periods, self.counts, strict=True)

    def as_dict(self) -> dict[str, int]:
        """``{label: count}``, in order.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.CountSeries(["2015/16", "2016/17"], [112, 58]).as_dict()
        {'2015/16': 112, '2016/17': 58}
        """
        return {p.label: c for p, c in self.items()}

    @property
    def kind(self) -> str:
        """The kind of every period in the series."""
        return self.periods[0].kind

    def _index(self, period: object, name: str) -> int:
        fy = self.periods[0].fy_start_month or 4
        p = as_period(period, name=name, fy_start_month=fy)
        try:
            return self.periods.index(p)
        except ValueError:
            raise SeriesError(
                f"{name}={p.label!r} is not in the series, which covers "
                f"{self.periods[0].label!r} to {self.periods[-1].label!r}"
            ) from None

    def _span(self, first: object, last: object) -> tuple[int, int]:
        i = 0 if first is None else self._index(first, "first")
        j = len(self) - 1 if last is None else self._index(last, "last")
        if j < i:
            raise SeriesError(
                f"last must not be before first (got first={self.periods[i].label!r}, "
                f"last={self.periods[j].label!r})"
            )
        return i, j

    # -- arithmetic

    def total(self, first: Period | str | None = None, last: Period | str | None = None) -> int:
        """The total count from ``first`` to ``last``, both included (default: all).

        Examples
        --------
        >>> import trendcalc as tc
        >>> s = tc.CountSeries.from_mapping({"2014/15": 90, "2015/16": 112, "2016/17": 58})
        >>> s.total(), s.total("2015/16"), s.total("2014/15", "2015/16")
        (260, 170, 202)
        """
        i, j = self._span(first, last)
        return sum(self.counts[i : j + 1])

    def change(
        self,
        first: Period | str | None = None,
        last: Period | str | None = None,
        *,
        per_day: bool = False,
    ) -> Change:
        """The change from the count of ``first`` to that of ``last`` (default: the ends).

        With ``per_day=True`` the change is in the counts per day, which matters when the
        periods differ in length (a 366-day year against a 365-day one).

        Examples
        --------
        >>> import trendcalc as tc
        >>> s = tc.CountSeries.from_mapping({"2015/16": 7300, "2016/17": 7300})
        >>> s.change().describe(2), s.change(per_day=True).describe(2)
        ('unchanged at 7,300', 'up 0.27% (from 19.95 to 20.00)')
        """
        i, j = self._span(first, last)
        if not isinstance(per_day, bool):
            raise TrendcalcError(f"per_day must be True or False (got {brief(per_day)})")
        if per_day:
            rates = self.daily_rates()
            return rates[i].change_to(rates[j])
        return Change(self.counts[i], self.counts[j])

    def changes(self) -> tuple[Change, ...]:
        """The change from each period to the next (one fewer than the periods).

        Examples
        --------
        >>> import trendcalc as tc
        >>> s = tc.CountSeries.from_mapping({"2014/15": 90, "2015/16": 112, "2016/17": 58})
        >>> [c.describe() for c in s.changes()]
        ['up 24% (from 90 to 112)', 'down 48% (from 112 to 58)']
        """
        return tuple(Change(a, b) for a, b in zip(self.counts, self.counts[1:], strict=False))

    def daily_rates(self) -> tuple[Rate, ...]:
        """The count per day of each period.

        Examples
        --------
        >>> import trendcalc as tc
        >>> s = tc.CountSeries.from_mapping({"2015/16": 112, "2016/17": 58})
        >>> [str(r.rounded(3)) for r in s.daily_rates()]
        ['0.306', '0.159']
        """
        return tuple(Rate(c, p) for p, c in self.items())

    def rolling_total(self, window: int) -> tuple[SpanTotal, ...]:
        """Totals over every run of ``window`` consecutive periods.

        Parameters
        ----------
        window : int
            Periods in each total, from 1 to the length of the series.

        Returns
        -------
        tuple of SpanTotal
            One per position, ``len(self) - window + 1`` in all.

        Examples
        --------
        >>> import trendcalc as tc
        >>> s = tc.CountSeries.from_mapping({"2014/15": 90, "2015/16": 112, "2016/17": 58})
        >>> [(t.label, t.total) for t in s.rolling_total(2)]
        [('2014/15 to 2015/16', 202), ('2015/16 to 2016/17', 170)]
        """
        window = check_int(window, name="window", minimum=1)
        if window > len(self):
            raise SeriesError(
                f"window must be at most the series length {len(self)} (got {window})"
            )
        running = sum(self.counts[:window])
        result = [SpanTotal(self.periods[0], self.periods[window - 1], running)]
        for k in range(window, len(self)):
            running += self.counts[k] - self.counts[k - window]
            result.append(SpanTotal(self.periods[k - window + 1], self.periods[k], running))
        return tuple(result)

    def resample(
        self,
        kind: ResampleKind,
        *,
        fy_start_month: int = 4,
        incomplete: Literal["raise", "drop"] = "raise",
    ) -> CountSeries:
        """Add the counts up into longer periods: months into quarters or years, and so on.

        Parameters
        ----------
        kind : {"month", "quarter", "financial_quarter", "calendar_year", "financial_year"}
            The kind of the new periods. Each period of the series must lie inside one of
            them (quarters add up into financial years starting in April, but not into
            ones starting in May).
        fy_start_month : int, default 4
            The first month of the financial year, for the financial kinds.
        incomplete : {"raise", "drop"}, default "raise"
            What to do with a new period at either end that the series only partly covers:
            refuse (the default, so no partial total passes for a whole one) or leave it out.

        Returns
        -------
        CountSeries

        Raises
        ------
        SeriesError
            If a period does not fit in one new period, or a new period is incomplete and
            ``incomplete="raise"``, or nothing is left after dropping.

        Examples
        --------
        >>> import trendcalc as tc
        >>> months = tc.period_range("April 2016", "March 2017")
        >>> s = tc.CountSeries(months, [5] * 12)
        >>> s.resample("financial_year").as_dict()
        {'2016/17': 60}
        >>> s.resample("quarter").as_dict()
        {'2016 Q2': 15, '2016 Q3': 15, '2016 Q4': 15, '2017 Q1': 15}
        >>> later = tc.CountSeries(months[1:], [5] * 11)  # from May 2016
        >>> later.resample("quarter", incomplete="drop").as_dict()
        {'2016 Q3': 15, '2016 Q4': 15, '2017 Q1': 15}
        """
        if not isinstance(kind, str) or kind not in _RESAMPLE_KINDS:
            valid = ", ".join(repr(k) for k in _RESAMPLE_KINDS)
            raise SeriesError(f"kind must be one of {valid} (got {brief(kind)})")
        if not isinstance(incomplete, str) or incomplete not in ("raise", "drop"):
            raise SeriesError(f"incomplete must be 'raise' or 'drop' (got {brief(incomplete)})")
        fy = _check_start_month(fy_start_month, name="fy_start_month")
        groups: list[tuple[Period, Period, Period, int]] = []  # target, first, last, total
        for p, c in self.items():
            target = _target_of(p, kind, fy)
            if p.end > target.end:
                raise SeriesError(
                    f"cannot resample to {kind}: {p.label!r} ({p.start} to {p.end}) does not fit "
                    f"inside one {kind} ({target.label!r} ends {target.end})"
                )
            if groups and groups[-1][0] == target:
                t, first, _, total = groups[-1]
                groups[-1] = (t, first, p, total + c)
            else:
                groups.append((target, p, p, c))
        periods, counts = [], []
        for target, first, last, total in groups:
            if first.start != target.start or last.end != target.end:
                if incomplete == "drop":
                    continue
                raise SeriesError(
                    f"{target.label!r} is only partly covered (the series has {first.start} to "
                    f"{last.end} of {target.start} to {target.end}); pass incomplete='drop' to "
                    "leave incomplete periods out"
                )
            periods.append(target)
            counts.append(total)
        if not periods:
            raise SeriesError(
                f"no {kind} is completely covered by the series, which runs from "
                f"{self.periods[0].start} to {self.periods[-1].end}"
            )
        return CountSeries(periods, counts)

    def compare(
        self,
        first: Period | str | None = None,
        last: Period | str | None = None,
        *,
        method: str = "exact",
        alternative: str = "two-sided",
        level: float = 0.95,
    ) -> Comparison:
        """Whether the change from ``first`` to ``last`` is more than Poisson noise.

        The counts are compared as rates per day, so a 366-day year is weighed against a
        365-day one fairly. Needs scipy (``pip install 'trendcalc[stats]'``); see
        :func:`compare_counts` for the methods.

        Examples
        --------
        >>> import trendcalc as tc
        >>> s = tc.CountSeries.from_mapping({"2015/16": 112, "2016/17": 58})
        >>> c = s.compare()
        >>> c.exposure_before, c.exposure_after, c.p_value < 0.001
        (366.0, 365.0, True)
        """
        from trendcalc._stats import compare_counts

        i, j = self._span(first, last)
        return compare_counts(
            self.counts[i],
            self.counts[j],
            exposure_before=self.periods[i].days,
            exposure_after=self.periods[j].days,
            method=method,  # type: ignore[arg-type]
            alternative=alternative,  # type: ignore[arg-type]
            level=level,
        )

    def plot(self, ax: Any = None, *, title: str | None = None) -> Any:
        """Draw the series as a bar chart, labelled with the periods and the change.

        Needs matplotlib (``pip install 'trendcalc[plot]'``). The figure is not attached to
        pyplot, so nothing global changes; pass ``ax`` to draw into your own figure.

        Returns
        -------
        matplotlib.axes.Axes
        """
        from trendcalc._plot import plot_series

        return plot_series(self, ax, title=title)


def _target_of(p: Period, kind: str, fy: int) -> Period:
    d = p.start
    if kind == "month":
        return month(d.year, d.month)
    if kind == "quarter":
        return quarter(d.year, (d.month - 1) // 3 + 1)
    if kind == "calendar_year":
        return calendar_year(d.year)
    start_year = _fy_start_year(d, fy)
    if kind == "financial_year":
        return financial_year(start_year, start_month=fy)
    return financial_quarter(start_year, (d.month - fy) % 12 // 3 + 1, start_month=fy)
