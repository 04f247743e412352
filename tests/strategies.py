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


# -- statistics (compare_counts and friends)

#: small counts, where the exact tests differ most from their approximations
stats_counts = st.integers(min_value=0, max_value=60)

#: exposures of every kind trendcalc reads exactly: days, populations, fractions, floats,
#: decimal strings, from far below 1 to far above
stats_exposures = st.one_of(
    st.integers(min_value=1, max_value=10**9),
    st.fractions(min_value=Fraction(1, 10**6), max_value=10**6).filter(lambda f: f > 0),
    st.floats(min_value=1e-30, max_value=1e30, allow_nan=False, allow_infinity=False),
    st.sampled_from(["1e-200", "365.25", "1e200", "0.001"]),
)

#: a factor both exposures can be multiplied by, from 1e-250 to 1e250
stats_scales = st.one_of(
    st.builds(lambda e: Fraction(10) ** e, st.integers(min_value=-250, max_value=250)),
    st.fractions(min_value=Fraction(1, 1000), max_value=1000).filter(lambda f: f > 0),
)

stats_methods = st.sampled_from(["exact", "etest", "score", "minlike"])
stats_levels = st.sampled_from([0.8, 0.9, 0.95, 0.99, 0.999])
