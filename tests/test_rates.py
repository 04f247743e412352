"""Daily and population rates, and comparing periods of different length."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from tests.strategies import counts, periods


def test_3903_offences_in_2016_17() -> None:
    r = tc.daily_rate(3903, "2016/17")
    assert r.days == 365
    assert r.per_day == Fraction(3903, 365)
    assert r.rounded(2) == Decimal("10.69")
    assert r.rounded(1) == Decimal("10.7")
    assert r.per_hour == Fraction(3903, 365 * 24)
    # 365 * 86,400 / 3,903 seconds = 8,079.938508839... s
    assert r.every() == dt.timedelta(seconds=8079, microseconds=938509)
    assert r.describe() == "3,903 in 2016/17 (365 days): 10.7 a day, one every 2 h 14 min 40 s"


def test_daily_rate_accepts_a_period_or_a_label() -> None:
    assert tc.daily_rate(58, tc.financial_year(2016)) == tc.daily_rate(58, "2016/17")


def test_zero_count_has_a_rate_but_no_gap() -> None:
    r = tc.daily_rate(0, "2016/17")
    assert r.per_day == 0
    assert r.describe() == "0 in 2016/17 (365 days): 0.0 a day"
    with pytest.raises(
        tc.UndefinedResultError, match="no offences in 2016/17: there is no mean gap"
    ):
        r.every()


def test_leap_year_changes_the_per_day_comparison() -> None:
    # the same count in a 366-day and a 365-day year is a rise per day
    leap, plain = tc.daily_rate(7300, "2015/16"), tc.daily_rate(7300, "2016/17")
    assert tc.change(leap.count, plain.count).direction == "unchanged"
    per_day = leap.change_to(plain)
    assert per_day.percent == Fraction(100, 365)
    assert per_day.direction == "up"
    assert per_day.rounded(2) == Decimal("0.27")


def test_change_to_refuses_a_non_rate() -> None:
    with pytest.raises(tc.TrendcalcError, match="other must be a Rate"):
        tc.daily_rate(1, "2016").change_to(5)  # type: ignore[arg-type]


@given(count=counts.filter(bool), period=periods())
def test_mean_gap_times_count_is_the_period(count: int, period: tc.Period) -> None:
    gap = tc.daily_rate(count, period).every()
    total = gap * count
    assert abs(total - dt.timedelta(days=period.days)) <= dt.timedelta(microseconds=1) * count / 2


@pytest.mark.parametrize(
    ("count", "period", "message"),
    [
        (-1, "2016/17", r"count must be a non-negative integer \(got -1\)"),
        (True, "2016/17", "count must be an integer, not a bool"),
        (3.5, "2016/17", r"count must be an integer \(got float 3.5\)"),
        (3.0, "2016/17", r"pass int\(3.0\) if the value is a whole number"),
        (3, "2016/18", "unknown period '2016/18'"),
        (3, 2016, r"period must be a Period or a period label such as '2016/17' \(got int 2016\)"),
    ],
)
def test_daily_rate_refuses_bad_input(count: object, period: object, message: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        tc.daily_rate(count, period)  # type: ignore[arg-type]


def test_population_rate_per_1000() -> None:
    r = tc.population_rate(58, 751_200)
    assert r.value == Fraction(58_000, 751_200)
    assert r.rounded(3) == Decimal("0.077")
    assert r.per == 1000


def test_population_rate_per_100000() -> None:
    r = tc.population_rate(3903, 11_700_000, per=100_000)
    assert r.value == Fraction(3903 * 100_000, 11_700_000)
    assert r.rounded(1) == Decimal("33.4")
    assert r.describe(1) == "3,903 per 11,700,000 people: 33.4 per 100,000"


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((5, 0), {}, r"population must be an integer of at least 1 \(got 0\)"),
        ((5, 100), {"per": 0}, r"per must be an integer of at least 1 \(got 0\)"),
        ((-5, 100), {}, "count must be a non-negative integer"),
        ((5, 100.0), {}, "population must be an integer"),
    ],
)
def test_population_rate_refuses_bad_input(
    args: tuple[object, ...], kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        tc.population_rate(*args, **kwargs)  # type: ignore[arg-type]


@given(count=counts, population=st.integers(1, 10**8), places=st.integers(0, 4))
def test_population_rate_rounding_is_the_exact_value_rounded(
    count: int, population: int, places: int
) -> None:
    r = tc.population_rate(count, population)
    assert r.rounded(places) == tc.round_value(Fraction(count * 1000, population), places)
