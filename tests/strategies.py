"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import datetime
import typing
from decimal import Decimal
from fractions import Fraction

from hypothesis import strategies as st

import trendcalc as tc

MODES = ("half_up", "half_even", "half_down", "up", "down", "ceiling", "floor")

modes = st.sampled_from(MODES)
counts = st.integers(min_value=0, max_value=10**7)
places = st.integers(min_value=-3, max_value=6)

#: exact decimals with up to 12 digits after the point, of either sign
decimals = st.builds(
    lambda units, exponent: Decimal(units).scaleb(-exponent),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.integers(min_value=0, max_value=12),
)

#: exact rationals, many of them not terminating decimals
fractions = st.builds(
    Fraction,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.integers(min_value=1, max_value=10**6),
)

years = st.integers(min_value=1800, max_value=2200)
start_months = st.integers(min_value=2, max_value=12)


@st.composite
def periods(draw: st.DrawFn) -> tc.Period:
    """A period of any kind, including a range of days."""
    kind = draw(st.sampled_from(typing.get_args(tc.PeriodKind)))
    y = draw(years)
    if kind == "month":
        return tc.month(y, draw(st.integers(1, 12)))
    if kind == "quarter":
        return tc.quarter(y, draw(st.integers(1, 4)))
    if kind == "calendar_year":
        return tc.calendar_year(y)
    if kind == "financial_year":
        return tc.financial_year(y, start_month=draw(start_months))
    if kind == "financial_quarter":
        return tc.financial_quarter(y, draw(st.integers(1, 4)), start_month=draw(start_months))
    if kind == "year_ending":
        return tc.year_ending(y, draw(st.integers(1, 12)))
    start = draw(st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2200, 1, 1)))
    length = draw(st.integers(min_value=1, max_value=800))
    return tc.date_range(start, start + datetime.timedelta(days=length - 1))


@st.composite
def small_ranges(draw: st.DrawFn, low: int = -3, high: int = 30) -> range:
    """A short range of whole numbers, possibly empty or reaching below zero."""
    start = draw(st.integers(min_value=low, max_value=high))
    return range(start, start + draw(st.integers(min_value=0, max_value=15)))


@st.composite
def intervals(draw: st.DrawFn) -> tc.Interval:
    """An interval of small rationals, either end open, closed or missing."""
    ends = st.none() | st.builds(
        Fraction, st.integers(min_value=-20, max_value=80), st.integers(min_value=1, max_value=12)
    )
    lower, upper = draw(ends), draw(ends)
    if lower is not None and upper is not None and lower > upper:
        lower, upper = upper, lower
    if lower is not None and lower == upper:
        return tc.Interval(lower, upper)
    return tc.Interval(
        lower,
        upper,
        lower_closed=lower is None or draw(st.booleans()),
        upper_closed=upper is None or draw(st.booleans()),
    )
