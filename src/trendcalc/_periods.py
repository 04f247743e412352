"""Periods of time: financial and calendar years, quarters, months, years ending a month, ranges."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from typing import Literal, get_args

import attrs

from trendcalc._errors import AmbiguousPeriodError, PeriodError, TrendcalcError
from trendcalc._limits import MAX_LABEL_LENGTH, brief, check_length
from trendcalc._validate import check_int

__all__ = [
    "Period",
    "PeriodKind",
    "calendar_year",
    "date_range",
    "financial_quarter",
    "financial_year",
    "month",
    "parse_period",
    "period_range",
    "quarter",
    "year_ending",
]

PeriodKind = Literal[
    "month",
    "quarter",
    "financial_quarter",
    "calendar_year",
    "financial_year",
    "year_ending",
    "range",
]
"""The kinds of :class:`Period`."""

KINDS: tuple[str, ...] = get_args(PeriodKind)
FINANCIAL_KINDS = ("financial_year", "financial_quarter")

# months in one period of each kind built from whole months
_MONTHS_IN = {
    "month": 1,
    "quarter": 3,
    "financial_quarter": 3,
    "calendar_year": 12,
    "financial_year": 12,
    "year_ending": 12,
}

_MONTH_NAMES = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_NAMES.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH_NAMES["sept"] = 9


def _month_start(year: int, month: int) -> dt.date:
    try:
        return dt.date(year, month, 1)
    except (ValueError, OverflowError):
        when = f"{year:04d}-{month:02d}"
        if abs(year) >= 10**6:
            when = f"a year of {len(str(abs(year)))} digits"
        raise PeriodError(
            f"the period would start in {when}, outside the years 1 to 9999 that dates can "
            "represent"
        ) from None


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + n
    return index // 12, index % 12 + 1


def _month_span(year: int, month: int, months: int) -> tuple[dt.date, dt.date]:
    """First day of ``year-month`` and the last day of the ``months``-th month from it."""
    start = _month_start(year, month)
    end_year, end_month = _add_months(year, month, months - 1)
    _month_start(end_year, end_month)  # range check
    return start, dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def _fy_start_year(start: dt.date, fy_start_month: int) -> int:
    """The calendar year in which the financial year holding ``start`` begins."""
    return start.year if start.month >= fy_start_month else start.year - 1


def _check_start_month(start_month: object, *, name: str = "start_month") -> int:
    value = check_int(start_month, name=name)
    if value == 1:
        raise PeriodError(
            f"{name}=1 makes the financial year the calendar year: use calendar_year(year) "
            "or a label such as '2016'"
        )
    if not 2 <= value <= 12:
        raise PeriodError(f"{name} must be a month number from 2 to 12 (got {value})")
    return value


def _fy_label(start_year: int, fy_start_month: int) -> str:
    return f"{start_year:04d}/{(start_year + 1) % 100:02d}"


def _starting_suffix(fy_start_month: int) -> str:
    return "" if fy_start_month == 4 else f" (starting {calendar.month_name[fy_start_month]})"


@attrs.frozen(order=True, repr=False)
class Period:
    """A span of whole days, with a kind and a label.

    Build periods with :func:`parse_period` or the constructors (:func:`financial_year`,
    :func:`calendar_year`, :func:`quarter`, :func:`financial_quarter`, :func:`month`,
    :func:`year_ending`, :func:`date_range`) rather than by hand. Periods are immutable,
    hashable and ordered by ``start`` (then ``end``).

    Parameters
    ----------
    start : datetime.date
        The first day included.
    end : datetime.date
        The last day included (not the day after).
    kind : {"month", "quarter", "financial_quarter", "calendar_year", "financial_year", \
"year_ending", "range"}
        What sort of period this is. All kinds but ``"range"`` are whole months, aligned as
        their names say; ``"range"`` is any span of days.
    fy_start_month : int or None
        For ``"financial_year"`` and ``"financial_quarter"``, the month the financial year
        starts in (4 for the UK's April); None for every other kind.

    Raises
    ------
    PeriodError
        If ``start`` and ``end`` do not make a period of that kind.

    See Also
    --------
    parse_period : a period from its label.
    period_range : consecutive periods.
    CountSeries : counts over consecutive periods.

    Examples
    --------
    >>> import trendcalc as tc
    >>> fy = tc.parse_period("2016/17")
    >>> fy.start, fy.end, fy.days
    (datetime.date(2016, 4, 1), datetime.date(2017, 3, 31), 365)
    >>> fy.previous().label, fy.previous().days
    ('2015/16', 366)
    >>> fy.kind
    'financial_year'
    >>> import datetime
    >>> fy.contains(datetime.date(2017, 3, 31))
    True
    """

    start: dt.date
    end: dt.date
    kind: PeriodKind
    fy_start_month: int | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("start", "end"):
            value = getattr(self, name)
            if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
                raise PeriodError(
                    f"{name} must be a datetime.date (got {type(value).__name__} {brief(value)})"
                )
        if not isinstance(self.kind, str) or self.kind not in KINDS:
            valid = ", ".join(repr(k) for k in KINDS)
            raise PeriodError(f"kind must be one of {valid} (got {brief(self.kind)})")
        if self.end < self.start:
            raise PeriodError(
                f"end must not be before start (got start={self.start}, end={self.end})"
            )
        if self.kind in FINANCIAL_KINDS:
            _check_start_month(self.fy_start_month, name="fy_start_month")
        elif self.fy_start_month is not None:
            raise PeriodError(
                f"fy_start_month must be None for a {self.kind} period "
                f"(got {brief(self.fy_start_month)})"
            )
        if self.kind == "range":
            return
        if self.start.day != 1 or not self._aligned():
            raise PeriodError(f"start={self.start} is not the first day of a {self.kind}")
        _, expected_end = _month_span(self.start.year, self.start.month, _MONTHS_IN[self.kind])
        if self.end != expected_end:
            raise PeriodError(
                f"a {self.kind} starting {self.start} ends on {expected_end} (got end={self.end})"
            )

    def _aligned(self) -> bool:
        m = self.start.month
        if self.kind == "quarter":
            return m in (1, 4, 7, 10)
        if self.kind == "calendar_year":
            return m == 1
        if self.kind == "financial_year":
            return m == self.fy_start_month
        if self.kind == "financial_quarter":
            assert self.fy_start_month is not None
            return (m - self.fy_start_month) % 3 == 0
        return True  # month, year_ending

    @property
    def days(self) -> int:
        """Number of days in the period, both ends included."""
        return (self.end - self.start).days + 1

    @property
    def label(self) -> str:
        """The period as people write it; :func:`parse_period` reads it back to this period."""
        s = self.start
        if self.kind == "month":
            return f"{calendar.month_name[s.month]} {s.year:04d}"
        if self.kind == "quarter":
            return f"{s.year:04d} Q{(s.month - 1) // 3 + 1}"
        if self.kind == "calendar_year":
            return f"{s.year:04d}"
        if self.kind == "year_ending":
            return f"year ending {calendar.month_name[self.end.month]} {self.end.year:04d}"
        if self.kind == "range":
            return f"{s.isoformat()}/{self.end.isoformat()}"
        fy = self.fy_start_month
        assert fy is not None
        base = _fy_label(_fy_start_year(s, fy), fy)
        if self.kind == "financial_quarter":
            base += f" Q{(s.month - fy) % 12 // 3 + 1}"
        return base + _starting_suffix(fy)

    def contains(self, date: dt.date) -> bool:
        """Whether ``date`` falls within the period (a datetime counts by its date).

        Examples
        --------
        >>> import datetime, trendcalc as tc
        >>> tc.parse_period("2016/17").contains(datetime.date(2016, 3, 31))
        False
        """
        if isinstance(date, dt.datetime):
            date = date.date()
        elif not isinstance(date, dt.date):
            raise PeriodError(
                f"date must be a datetime.date or datetime.datetime "
                f"(got {type(date).__name__} {brief(date)})"
            )
        return self.start <= date <= self.end

    def shift(self, n: int) -> Period:
        """The period ``n`` steps later (earlier for negative ``n``), of the same kind.

        A step is one period: the periods ``p.shift(0)``, ``p.shift(1)``, ... tile time with
        no gap and no overlap. For ``"year_ending"`` a step is twelve months (the year ending
        March 2017 is followed by the year ending March 2018); for ``"range"`` it is the
        range's own number of days.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.parse_period("2016/17").shift(-2).label
        '2014/15'
        >>> tc.parse_period("year ending June 2023").shift(1).label
        'year ending June 2024'
        """
        n = check_int(n, name="n")
        shown = f"{n:,}" if abs(n) < 10**15 else f"a number of {len(str(abs(n)))} digits"
        problem = PeriodError(
            f"shifting {self.label!r} by {shown} leaves the years 1 to 9999 that dates can "
            "represent"
        )
        # dates span fewer than 10,000 years: refuse a longer jump before doing arithmetic
        size = self.days if self.kind == "range" else _MONTHS_IN[self.kind]
        if abs(n) * size > 10_000 * (366 if self.kind == "range" else 12):
            raise problem
        if self.kind == "range":
            try:
                delta = dt.timedelta(days=self.days * n)
                return Period(self.start + delta, self.end + delta, "range")
            except OverflowError:
                raise problem from None
        step = _MONTHS_IN[self.kind]
        y, m = _add_months(self.start.year, self.start.month, n * step)
        start, end = _month_span(y, m, step)
        return Period(start, end, self.kind, self.fy_start_month)

    def next(self) -> Period:
        """The period just after this one, of the same kind (``shift(1)``)."""
        return self.shift(1)

    def previous(self) -> Period:
        """The period just before this one, of the same kind (``shift(-1)``)."""
        return self.shift(-1)

    def __str__(self) -> str:
        return self.label

    def __repr__(self) -> str:
        return f"parse_period({self.label!r})"


# ----------------------------------------------------------------------------- constructors


def financial_year(start_year: int, *, start_month: int = 4) -> Period:
    """The financial year that starts on the first day of ``start_month`` in ``start_year``.

    Parameters
    ----------
    start_year : int
        The calendar year the financial year starts in (2016 for "2016/17").
    start_month : int, default 4
        The month it starts in: 4 (April) for the UK, 7 for Australia, 10 for the US federal
        year. Any month from 2 to 12.

    See Also
    --------
    financial_quarter : a quarter of a financial year.
    parse_period : the same from a label such as '2016/17'.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.financial_year(2016)
    parse_period('2016/17')
    >>> fy = tc.financial_year(2022, start_month=7)
    >>> fy.label, fy.start, fy.end
    ('2022/23 (starting July)', datetime.date(2022, 7, 1), datetime.date(2023, 6, 30))
    """
    start_month = _check_start_month(start_month)
    start, end = _month_span(check_int(start_year, name="start_year"), start_month, 12)
    return Period(start, end, "financial_year", start_month)


def financial_quarter(start_year: int, q: int, *, start_month: int = 4) -> Period:
    """Quarter ``q`` (1 to 4) of the financial year starting in ``start_year``.

    See Also
    --------
    financial_year : the whole year.
    quarter : a calendar quarter.

    Examples
    --------
    >>> import trendcalc as tc
    >>> p = tc.financial_quarter(2016, 4)
    >>> p.label, p.start, p.end
    ('2016/17 Q4', datetime.date(2017, 1, 1), datetime.date(2017, 3, 31))
    """
    start_month = _check_start_month(start_month)
    q = _check_quarter(q)
    y, m = _add_months(check_int(start_year, name="start_year"), start_month, 3 * (q - 1))
    start, end = _month_span(y, m, 3)
    return Period(start, end, "financial_quarter", start_month)


def calendar_year(year: int) -> Period:
    """The calendar year ``year``, 1 January to 31 December.

    See Also
    --------
    financial_year : April to March.
    year_ending : twelve months to the end of a month.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.calendar_year(2016).days
    366
    """
    start, end = _month_span(check_int(year, name="year"), 1, 12)
    return Period(start, end, "calendar_year")


def _check_quarter(q: object) -> int:
    value = check_int(q, name="q")
    if not 1 <= value <= 4:
        raise PeriodError(f"q must be a quarter number from 1 to 4 (got {value})")
    return value


def _check_month(m: object, name: str = "m") -> int:
    value = check_int(m, name=name)
    if not 1 <= value <= 12:
        raise PeriodError(f"{name} must be a month number from 1 to 12 (got {value})")
    return value


def quarter(year: int, q: int) -> Period:
    """Calendar quarter ``q`` (1 to 4) of ``year``: Q1 is January to March.

    See Also
    --------
    financial_quarter : a quarter of a financial year.
    month : one month.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.quarter(2016, 1).days
    91
    """
    q = _check_quarter(q)
    start, end = _month_span(check_int(year, name="year"), 3 * q - 2, 3)
    return Period(start, end, "quarter")


def month(year: int, m: int) -> Period:
    """Month ``m`` (1 to 12) of ``year``.

    See Also
    --------
    quarter : three months.
    period_range : consecutive months between two.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.month(2016, 2).label, tc.month(2016, 2).days
    ('February 2016', 29)
    """
    start, end = _month_span(check_int(year, name="year"), _check_month(m), 1)
    return Period(start, end, "month")


def year_ending(year: int, month: int) -> Period:
    """The twelve months ending with ``month`` of ``year``, as official bulletins say.

    "Year ending March 2017" is April 2016 to March 2017; "year ending June 2023" is July
    2022 to June 2023.

    See Also
    --------
    financial_year : April to March, labelled '2016/17'.
    calendar_year : January to December.

    Examples
    --------
    >>> import trendcalc as tc
    >>> p = tc.year_ending(2023, 6)
    >>> p.label, p.start, p.end
    ('year ending June 2023', datetime.date(2022, 7, 1), datetime.date(2023, 6, 30))
    """
    month = _check_month(month, name="month")
    y, m = _add_months(check_int(year, name="year"), month, -11)
    start, end = _month_span(y, m, 12)
    return Period(start, end, "year_ending")


def date_range(start: dt.date, end: dt.date) -> Period:
    """The days from ``start`` to ``end``, both included, as a ``"range"`` period.

    See Also
    --------
    Period : the result.
    parse_period : a period from its label.

    Examples
    --------
    >>> import datetime, trendcalc as tc
    >>> p = tc.date_range(datetime.date(2015, 4, 1), datetime.date(2017, 3, 31))
    >>> p.label, p.days
    ('2015-04-01/2017-03-31', 731)
    """
    return Period(start, end, "range")


def period_range(
    first: Period | str, last: Period | str, *, fy_start_month: int = 4
) -> list[Period]:
    """Every period from ``first`` to ``last``, both included, one after another.

    Parameters
    ----------
    first, last : Period or str
        Periods of the same kind (labels are read by :func:`parse_period`), with ``last``
        one of the periods that follow ``first`` step by step.
    fy_start_month : int, default 4
        Passed to :func:`parse_period` for labels.

    Raises
    ------
    PeriodError
        If the kinds differ, ``last`` is before ``first``, or ``last`` is not reached by
        stepping from ``first``.

    See Also
    --------
    parse_period : one period from its label.
    CountSeries : counts over consecutive periods.

    Examples
    --------
    >>> import trendcalc as tc
    >>> [p.label for p in tc.period_range("2014/15", "2016/17")]
    ['2014/15', '2015/16', '2016/17']
    """
    a = as_period(first, name="first", fy_start_month=fy_start_month)
    b = as_period(last, name="last", fy_start_month=fy_start_month)
    if (a.kind, a.fy_start_month) != (b.kind, b.fy_start_month):
        raise PeriodError(
            f"first and last must be of the same kind (got {brief(a.label)}, a {a.kind}, and "
            f"{b.label!r}, a {b.kind})"
        )
    if b.start < a.start:
        raise PeriodError(
            f"last must not be before first (got first={brief(a.label)}, last={b.label!r})"
        )
    result = [a]
    while result[-1].end < b.end:
        result.append(result[-1].next())
    if result[-1] != b:
        raise PeriodError(
            f"last={b.label!r} is not reached by stepping from first={a.label!r}: the periods "
            f"go {result[-2].label!r}, {result[-1].label!r}"
        )
    return result


# ----------------------------------------------------------------------------- parsing

_SUFFIX = re.compile(r"^(?P<body>.*?)\s*\(\s*starting\s+(?P<month>[a-z]+)\s*\)$")
_DAY = r"(?P<{}>[0-9]{{1,2}})(?:st|nd|rd|th)?"
_NAME = r"(?P<{}>[a-z]+)\.?"
_TO = r"\s*(?:to|until|through|-|\u2013|\u2014)\s*"


def _month_number(name: str, text: str) -> int:
    number = _MONTH_NAMES.get(name)
    if number is None:
        raise PeriodError(
            f"unknown period {text!r}: {name!r} is not a month name; use e.g. 'March' or 'Mar'"
        )
    return number


def _date(year: int, month_number: int, day: int, text: str) -> dt.date:
    try:
        return dt.date(year, month_number, day)
    except ValueError:
        raise PeriodError(
            f"unknown period {text!r}: {calendar.month_name[month_number]} {year:04d} has no "
            f"day {day}"
        ) from None


@attrs.frozen
class _Reading:
    """What :func:`parse_period` knows while reading one label."""

    text: str  # as given, for messages
    fy_start_month: int
    explicit: bool  # the label ended in "(starting <month>)"


def _parse_fy(m: re.Match[str], r: _Reading) -> Period | None:
    y1 = int(m["y1"])
    y2_text = m["y2"]
    q = m["q"] or m["q2"]
    y2 = int(y2_text)
    consecutive = (y2 == (y1 + 1) % 100) if len(y2_text) == 2 else (y2 == y1 + 1)
    said_fy = m["fy"] or m["fy2"]  # "FY2011-12", "the 2011-12 financial year"
    if m["sep"] == "-" and len(y2_text) == 2 and not said_fy and not q and not r.explicit:
        is_month = 1 <= y2 <= 12
        if is_month and consecutive:
            name = calendar.month_name[y2]
            raise AmbiguousPeriodError(
                f"ambiguous period {r.text!r}: it may be the financial year {y1}/{y2_text} or "
                f"{name} {y1}; write '{y1}/{y2_text}' or '{name} {y1}'"
            )
        if is_month:
            return None  # a month such as '2016-03'
    if not consecutive:
        raise PeriodError(
            f"unknown period {r.text!r}: the years of a financial year label must be "
            f"consecutive, e.g. '2016/17'"
        )
    if q:
        return financial_quarter(y1, int(q), start_month=r.fy_start_month)
    return financial_year(y1, start_month=r.fy_start_month)


def _year_ending_phrase(m: re.Match[str], r: _Reading) -> Period:
    year = int(m["y"])
    number = _month_number(m["name"], r.text)
    if "d" not in m.re.groupindex:
        return year_ending(year, number)
    last = _date(year, number, int(m["d"]), r.text)
    if last.day == calendar.monthrange(year, number)[1]:
        return year_ending(year, number)
    # a year ending mid-month (the UK tax year ends on 5 April): the days since the same date
    # a year before, that date excluded (such a date is never 29 February: that is a month end)
    if year == 1:
        raise PeriodError("the year would start in the year 0, before the dates can represent")
    return date_range(last.replace(year=year - 1) + dt.timedelta(days=1), last)


def _months_phrase(m: re.Match[str], r: _Reading) -> Period:
    first = _month_number(m["m1"], r.text)
    last = _month_number(m["m2"], r.text)
    last_year = int(m["y2"])
    if m["y1"] is not None:
        first_year = int(m["y1"])
    else:  # "November to January 2013" starts in November 2012
        first_year = last_year if first <= last else last_year - 1
    months = (last_year * 12 + last) - (first_year * 12 + first) + 1
    if months < 1:
        raise PeriodError(
            f"unknown period {r.text!r}: the months end before they start; write the earlier "
            "month first"
        )
    if months == 1:
        return month(first_year, first)
    if months == 3 and first in (1, 4, 7, 10):
        return quarter(first_year, (first + 2) // 3)
    if months == 12 and first == 1:
        return calendar_year(first_year)
    start, end = _month_span(first_year, first, months)
    return date_range(start, end)


def _days_phrase(m: re.Match[str], r: _Reading) -> Period:
    last_month = _month_number(m["m2"], r.text)
    last_year = int(m["y2"])
    last = _date(last_year, last_month, int(m["d2"]), r.text)
    first_month = last_month if m["m1"] is None else _month_number(m["m1"], r.text)
    first_day = int(m["d1"])
    if m["y1"] is not None:
        first_year = int(m["y1"])
    else:  # "1 November to 5 January 2010" starts in 2009
        first_year = (
            last_year if (first_month, first_day) <= (last_month, last.day) else (last_year - 1)
        )
    first = _date(first_year, first_month, first_day, r.text)
    if last < first:
        raise PeriodError(
            f"unknown period {r.text!r}: the range ends before it starts; write the earlier "
            "day first"
        )
    return date_range(first, last)


def _iso_range(m: re.Match[str], r: _Reading) -> Period:
    try:
        a = dt.date.fromisoformat(m["a"])
        b = dt.date.fromisoformat(m["b"])
    except ValueError as e:
        raise PeriodError(f"unknown period {r.text!r}: {e}") from None
    if b < a:
        raise PeriodError(
            f"unknown period {r.text!r}: the range ends before it starts; write the "
            "earlier day first"
        )
    return date_range(a, b)


@attrs.frozen
class PeriodForm:
    """One way of writing a period: a pattern, how to build the period, and its docs row.

    :func:`parse_period` tries the forms of :data:`PERIOD_FORMS` in order; a new phrase is
    added by registering one form there (and the test of the docs table then asks for its
    row on the Periods page).
    """

    pattern: re.Pattern[str]  # matched in full against the lower-cased, space-collapsed label
    build: Callable[[re.Match[str], _Reading], Period | None]  # None: not this form after all
    examples: tuple[str, ...]  # labels as written in the docs table
    meaning: str  # the "period" column of the table in parse_period's docstring
    summary: str  # how the error for an unknown label lists this form
    financial: bool = False  # may be followed by "(starting <month>)"


PERIOD_FORMS: tuple[PeriodForm, ...] = (
    PeriodForm(
        re.compile(
            r"(?:(?P<fy>fy\s*|(?:the\s+)?financial\s+year\s+)|the\s+(?=.*financial\s+year$))?"
            r"(?P<y1>[0-9]{4})\s*(?P<sep>[/-])\s*(?P<y2>[0-9]{2}|[0-9]{4})"
            r"(?:\s+q(?P<q>[1-4])|\s*-\s*q(?P<q2>[1-4]))?(?P<fy2>\s+financial\s+year)?"
        ),
        _parse_fy,
        (
            "2016/17",
            "2016-17",
            "FY2016/17",
            "financial year 2016/17",
            "the 2016-17 financial year",
            "1999/00",
            "2016/17 Q1",
        ),
        "financial year, or quarter of one",
        "'2016/17', '2016-17', 'FY2016/17' or 'financial year 2016/17' (financial year), "
        "'2016/17 Q1' (financial quarter)",
        financial=True,
    ),
    PeriodForm(
        re.compile(r"[0-9]{4}"),
        lambda m, r: calendar_year(int(m[0])),
        ("2016",),
        "calendar year",
        "'2016' (calendar year)",
    ),
    PeriodForm(
        re.compile(r"(?P<y>[0-9]{4})\s*-?\s*q(?P<q>[1-4])|q(?P<q2>[1-4])\s+(?P<y2>[0-9]{4})"),
        lambda m, r: quarter(int(m["y"] or m["y2"]), int(m["q"] or m["q2"])),
        ("2016 Q1", "2016-Q1", "Q1 2016"),
        "calendar quarter",
        "'2016 Q1' or '2016-Q1' (quarter)",
    ),
    PeriodForm(
        re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{2})"),
        lambda m, r: month(int(m["y"]), int(m["m"])),
        ("2016-03",),
        "month",
        "'2016-03'",
    ),
    PeriodForm(
        re.compile(
            r"(?:the\s+)?(?:(?:year|12\s+months|twelve\s+months)\s+(?:ending|ended|to)|ye)\s+"
            + _NAME.format("name")
            + r"\s+(?P<y>[0-9]{4})"
        ),
        _year_ending_phrase,
        ("year ending March 2017", "the year to March 2017", "12 months to March 2017"),
        "the twelve months ending with that month",
        "'year ending March 2017' or '12 months to March 2017'",
    ),
    PeriodForm(
        re.compile(
            r"(?:the\s+)?(?:year|12\s+months|twelve\s+months)\s+(?:ending|ended|to)\s+"
            + _DAY.format("d")
            + r"\s+"
            + _NAME.format("name")
            + r"\s+(?P<y>[0-9]{4})"
        ),
        _year_ending_phrase,
        ("year ending 31 March 2017", "year ending 5 April 2017"),
        "the year ending that day: twelve whole months when it is a month's last day",
        "'year ending 31 March 2017'",
    ),
    PeriodForm(
        re.compile(_NAME.format("m1") + r"\s+(?P<y>[0-9]{4})"),
        lambda m, r: month(int(m["y"]), _month_number(m["m1"], r.text)),
        ("March 2016", "Mar 2016"),
        "month",
        "'March 2016' or 'Mar 2016' (month)",
    ),
    PeriodForm(
        re.compile(
            r"(?:from\s+)?"
            + _NAME.format("m1")
            + r"(?:\s+(?P<y1>[0-9]{4}))?"
            + _TO
            + _NAME.format("m2")
            + r"\s+(?P<y2>[0-9]{4})"
        ),
        _months_phrase,
        ("April to June 2016", "April to September 2016", "November 2016 to January 2017"),
        "whole months: a month, quarter or calendar year when they make one, else a range",
        "'April to June 2016' (months)",
    ),
    PeriodForm(
        re.compile(
            r"between\s+"
            + _NAME.format("m1")
            + r"(?:\s+(?P<y1>[0-9]{4}))?\s+and\s+"
            + _NAME.format("m2")
            + r"\s+(?P<y2>[0-9]{4})"
        ),
        _months_phrase,
        ("between April and June 2016",),
        "as 'April to June 2016'",
        "'between April and June 2016'",
    ),
    PeriodForm(
        re.compile(
            r"(?:from\s+)?"
            + _DAY.format("d1")
            + r"(?:\s+"
            + _NAME.format("m1")
            + r")?"
            + r"(?:\s+(?P<y1>[0-9]{4}))?"
            + _TO
            + _DAY.format("d2")
            + r"\s+"
            + _NAME.format("m2")
            + r"\s+(?P<y2>[0-9]{4})"
        ),
        _days_phrase,
        ("1 April to 5 October 2016", "1 April 2015 to 31 March 2017"),
        "the days between, both included",
        "'1 April to 5 October 2016'",
    ),
    PeriodForm(
        re.compile(r"(?P<a>[0-9]{4}-[0-9]{2}-[0-9]{2})\s*/\s*(?P<b>[0-9]{4}-[0-9]{2}-[0-9]{2})"),
        _iso_range,
        ("2015-04-01/2017-03-31",),
        "the days between, both included",
        "'2015-04-01/2017-03-31' (range of days)",
    ),
)
"""Every label form :func:`parse_period` reads, tried in this order."""


def parse_period(text: str, *, fy_start_month: int = 4) -> Period:
    """Read a period label as analysts and bulletins write it.

    Parameters
    ----------
    text : str
        The label. Case and extra spaces do not matter. Accepted forms:

        ============================================  ===================================
        form                                          period
        ============================================  ===================================
        ``2016/17``, ``2016-17``, ``FY2016/17``       financial year from 1 April 2016
        ``financial year 2016/17``                    the same
        ``the 2016-17 financial year``                the same
        ``1999/00``                                   financial year from 1 April 1999
        ``2016/17 Q1``                                financial quarter: April to June 2016
        ``2016``                                      calendar year
        ``2016 Q1``, ``2016-Q1``, ``Q1 2016``         calendar quarter: January to March
        ``2016-03``, ``March 2016``, ``Mar 2016``     month
        ``year ending March 2017``                    April 2016 to March 2017
        ``the year to March 2017``                    the same
        ``12 months to March 2017``                   the same
        ``year ending 31 March 2017``                 the same
        ``year ending 5 April 2017``                  6 April 2016 to 5 April 2017 (days)
        ``April to June 2016``                        the quarter 2016 Q2
        ``April to September 2016``                   those months, as a range of days
        ``1 April to 5 October 2016``                 the days between, both included
        ``2015-04-01/2017-03-31``                     the days between, both included
        ============================================  ===================================

        A financial label may end in ``(starting July)`` to name its first month; that is
        how :attr:`Period.label` writes financial periods that do not start in April.
        ``YYYY-MM`` where ``MM`` is both a month and the next year (``2011-12``) is refused
        as ambiguous. A run of whole months is the month, calendar quarter or calendar
        year it makes, if any, else a ``"range"``. The Periods page of the docs lists every
        form (its table is checked against the forms this function reads).
    fy_start_month : int, default 4
        The month financial years start in, for labels that do not say.

    Returns
    -------
    Period

    Raises
    ------
    PeriodError
        If the text is not one of the forms, naming the text and the forms accepted.

    See Also
    --------
    Period : the result.
    period_range : consecutive periods between two labels.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.parse_period("2016/17").days, tc.parse_period("2015-16").days
    (365, 366)
    >>> p = tc.parse_period("year ending June 2023")
    >>> p.start, p.end
    (datetime.date(2022, 7, 1), datetime.date(2023, 6, 30))
    >>> tc.parse_period("2016/17 Q1").end
    datetime.date(2016, 6, 30)
    >>> tc.parse_period("2016/17", fy_start_month=7).label
    '2016/17 (starting July)'
    >>> tc.parse_period("12 months to June 2019").label
    'year ending June 2019'
    >>> tc.parse_period("April to June 2012").label
    '2012 Q2'
    >>> tc.parse_period("1 April to 5 October 2009").days
    188
    """
    if isinstance(text, Period):
        return text
    if not isinstance(text, str):
        raise PeriodError(
            f"text must be a period label (str) (got {type(text).__name__} {brief(text)})"
        )
    try:
        check_length(text, name="period label", limit=MAX_LABEL_LENGTH)
    except TrendcalcError as e:
        raise PeriodError(str(e)) from None
    fy_start_month = _check_start_month(fy_start_month, name="fy_start_month")
    s = " ".join(text.strip().lower().split())
    explicit = False
    suffix = _SUFFIX.fullmatch(s)
    if suffix is not None:
        s = suffix["body"]
        fy_start_month = _check_start_month(
            _month_number(suffix["month"], text), name="the starting month"
        )
        explicit = True
    reading = _Reading(text, fy_start_month, explicit)
    try:
        for form in PERIOD_FORMS:
            if explicit and not form.financial:
                continue
            m = form.pattern.fullmatch(s)
            if m is not None and (period := form.build(m, reading)) is not None:
                return period
    except PeriodError as e:
        if str(e).startswith(("unknown period", "ambiguous period")):
            raise
        raise PeriodError(f"unknown period {text!r}: {e}") from None
    if explicit:
        raise PeriodError(
            f"unknown period {text!r}: '(starting ...)' goes only after a financial year "
            "or financial quarter, e.g. '2016/17 (starting July)'"
        )
    raise PeriodError(f"unknown period {text!r}: expected one of {_forms_text()}")


def _forms_text() -> str:
    summaries = [form.summary for form in PERIOD_FORMS]
    return ", ".join(summaries[:-1]) + ", or " + summaries[-1]


def as_period(value: object, *, name: str = "period", fy_start_month: int = 4) -> Period:
    """Return ``value`` as a Period, parsing a label; refuse anything else naming ``name``."""
    if isinstance(value, Period):
        return value
    if isinstance(value, str):
        return parse_period(value, fy_start_month=fy_start_month)
    raise PeriodError(
        f"{name} must be a Period or a period label such as '2016/17' "
        f"(got {type(value).__name__} {brief(value)})"
    )
