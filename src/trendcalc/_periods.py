"""Periods of time: financial and calendar years, quarters, months, years ending a month, ranges."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal, get_args

import attrs

from trendcalc._errors import PeriodError
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
        raise PeriodError(
            f"the period would start in {year:04d}-{month:02d}, outside the years 1 to 9999 "
            "that dates can represent"
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
                    f"{name} must be a datetime.date (got {type(value).__name__} {value!r})"
                )
        if self.kind not in KINDS:
            valid = ", ".join(repr(k) for k in KINDS)
            raise PeriodError(f"kind must be one of {valid} (got {self.kind!r})")
        if self.end < self.start:
            raise PeriodError(
                f"end must not be before start (got start={self.start}, end={self.end})"
            )
        if self.kind in FINANCIAL_KINDS:
            _check_start_month(self.fy_start_month, name="fy_start_month")
        elif self.fy_start_month is not None:
            raise PeriodError(
                f"fy_start_month must be None for a {self.kind} period "
                f"(got {self.fy_start_month!r})"
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
                f"(got {type(date).__name__} {date!r})"
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
        if self.kind == "range":
            delta = dt.timedelta(days=self.days * n)
            try:
                return Period(self.start + delta, self.end + delta, "range")
            except OverflowError:
                raise PeriodError(
                    f"shifting {self.label!r} by {n} leaves the years 1 to 9999"
                ) from None
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
            f"first and last must be of the same kind (got {a.label!r}, a {a.kind}, and "
            f"{b.label!r}, a {b.kind})"
        )
    if b.start < a.start:
        raise PeriodError(
            f"last must not be before first (got first={a.label!r}, last={b.label!r})"
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

_FORMS = (
    "'2016/17', '2016-17' or 'FY2016/17' (financial year), '2016/17 Q1' (financial quarter), "
    "'2016' (calendar year), '2016 Q1' or '2016-Q1' (quarter), '2016-03', 'March 2016' or "
    "'Mar 2016' (month), 'year ending March 2017', or '2015-04-01/2017-03-31' (range of days)"
)

_SUFFIX = re.compile(r"^(?P<body>.*?)\s*\(\s*starting\s+(?P<month>[a-z]+)\s*\)$")
_FY = re.compile(
    r"(?P<fy>fy\s*)?(?P<y1>[0-9]{4})\s*(?P<sep>[/-])\s*(?P<y2>[0-9]{2}|[0-9]{4})"
    r"(?:\s+q(?P<q>[1-4])|\s*-\s*q(?P<q2>[1-4]))?"
)
_YEAR = re.compile(r"[0-9]{4}")
_QUARTER = re.compile(r"(?P<y>[0-9]{4})\s*-?\s*q(?P<q>[1-4])|q(?P<q2>[1-4])\s+(?P<y2>[0-9]{4})")
_MONTH_NAME = re.compile(r"(?P<name>[a-z]+)\.?\s+(?P<y>[0-9]{4})")
_YEAR_ENDING = re.compile(r"(?:year\s+ending|year\s+to|ye)\s+(?P<name>[a-z]+)\.?\s+(?P<y>[0-9]{4})")
_RANGE = re.compile(r"(?P<a>[0-9]{4}-[0-9]{2}-[0-9]{2})\s*/\s*(?P<b>[0-9]{4}-[0-9]{2}-[0-9]{2})")


def _month_number(name: str, text: str) -> int:
    number = _MONTH_NAMES.get(name)
    if number is None:
        raise PeriodError(
            f"unknown period {text!r}: {name!r} is not a month name; use e.g. 'March' or 'Mar'"
        )
    return number


def _parse_fy(m: re.Match[str], text: str, fy_start_month: int, explicit: bool) -> Period | None:
    y1 = int(m["y1"])
    y2_text = m["y2"]
    q = m["q"] or m["q2"]
    y2 = int(y2_text)
    consecutive = (y2 == (y1 + 1) % 100) if len(y2_text) == 2 else (y2 == y1 + 1)
    if m["sep"] == "-" and len(y2_text) == 2 and not m["fy"] and not q and not explicit:
        is_month = 1 <= y2 <= 12
        if is_month and consecutive:
            name = calendar.month_name[y2]
            raise PeriodError(
                f"ambiguous period {text!r}: it may be the financial year {y1}/{y2_text} or "
                f"{name} {y1}; write '{y1}/{y2_text}' or '{name} {y1}'"
            )
        if is_month:
            return None  # a month such as '2016-03'
    if not consecutive:
        raise PeriodError(
            f"unknown period {text!r}: the years of a financial year label must be "
            f"consecutive, e.g. '2016/17'"
        )
    if q:
        return financial_quarter(y1, int(q), start_month=fy_start_month)
    return financial_year(y1, start_month=fy_start_month)


def parse_period(text: str, *, fy_start_month: int = 4) -> Period:
    """Read a period label as analysts and bulletins write it.

    Parameters
    ----------
    text : str
        The label. Case and extra spaces do not matter. Accepted forms:

        ==========================================  =====================================
        form                                        period
        ==========================================  =====================================
        ``2016/17``, ``2016-17``, ``FY2016/17``     financial year from 1 April 2016
        ``1999/00``                                 financial year from 1 April 1999
        ``2016/17 Q1``                              financial quarter: April to June 2016
        ``2016``                                    calendar year
        ``2016 Q1``, ``2016-Q1``, ``Q1 2016``       calendar quarter: January to March
        ``2016-03``, ``March 2016``, ``Mar 2016``   month
        ``year ending March 2017``                  April 2016 to March 2017
        ``2015-04-01/2017-03-31``                   the days between, both included
        ==========================================  =====================================

        A financial label may end in ``(starting July)`` to name its first month; that is
        how :attr:`Period.label` writes financial periods that do not start in April.
        ``YYYY-MM`` where ``MM`` is both a month and the next year (``2011-12``) is refused
        as ambiguous.
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
    """
    if isinstance(text, Period):
        return text
    if not isinstance(text, str):
        raise PeriodError(f"text must be a period label (str) (got {type(text).__name__} {text!r})")
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
    try:
        m = _FY.fullmatch(s)
        if m is not None:
            period = _parse_fy(m, text, fy_start_month, explicit)
            if period is not None:
                return period
        if explicit:
            raise PeriodError(
                f"unknown period {text!r}: '(starting ...)' goes only after a financial year "
                "or financial quarter, e.g. '2016/17 (starting July)'"
            )
        if _YEAR.fullmatch(s):
            return calendar_year(int(s))
        if (m := _QUARTER.fullmatch(s)) is not None:
            return quarter(int(m["y"] or m["y2"]), int(m["q"] or m["q2"]))
        if (m := re.fullmatch(r"([0-9]{4})-([0-9]{2})", s)) is not None:
            return month(int(m[1]), int(m[2]))
        if (m := _YEAR_ENDING.fullmatch(s)) is not None:
            return year_ending(int(m["y"]), _month_number(m["name"], text))
        if (m := _MONTH_NAME.fullmatch(s)) is not None:
            return month(int(m["y"]), _month_number(m["name"], text))
        if (m := _RANGE.fullmatch(s)) is not None:
            try:
                a = dt.date.fromisoformat(m["a"])
                b = dt.date.fromisoformat(m["b"])
            except ValueError as e:
                raise PeriodError(f"unknown period {text!r}: {e}") from None
            if b < a:
                raise PeriodError(
                    f"unknown period {text!r}: the range ends before it starts; write the "
                    "earlier day first"
                )
            return date_range(a, b)
    except PeriodError as e:
        if str(e).startswith(("unknown period", "ambiguous period")):
            raise
        raise PeriodError(f"unknown period {text!r}: {e}") from None
    raise PeriodError(f"unknown period {text!r}: expected one of {_FORMS}")


def as_period(value: object, *, name: str = "period", fy_start_month: int = 4) -> Period:
    """Return ``value`` as a Period, parsing a label; refuse anything else naming ``name``."""
    if isinstance(value, Period):
        return value
    if isinstance(value, str):
        return parse_period(value, fy_start_month=fy_start_month)
    raise PeriodError(
        f"{name} must be a Period or a period label such as '2016/17' "
        f"(got {type(value).__name__} {value!r})"
    )
