"""Rate-change claims, and figures with decimals given where counts are expected."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from tests.strategies import positive_counts


def test_the_murder_rate_up_5_2_percent_is_really_1_84_percent() -> None:
    v = tc.check_rate_change("380.8", "387.8", "5.2%")
    assert not v.consistent
    assert isinstance(v.computed, tc.Interval)
    # every pair of rates that round to 380.8 and 387.8 changes by 1.81% to 1.87%
    assert v.computed.lower == Fraction(38775, 38085) * 100 - 100
    assert v.computed.upper == Fraction(38785, 38075) * 100 - 100
    assert tc.check_rate_change("380.8", "387.8", "1.8%").consistent
    assert tc.check_rate_change("380.8", "387.8", "up 1.8%").consistent
    assert not tc.check_rate_change("380.8", "387.8", "down 1.8%").consistent


def test_rates_from_counts_and_populations_are_exact() -> None:
    v = tc.check_rate_change(3_903, 5_653, "44%", populations=[751_200, 758_000])
    assert v.computed == Fraction(5_653 * 751_200, 3_903 * 758_000) * 100 - 100
    assert v.consistent


def test_rates_per_day_use_the_days_of_each_period() -> None:
    v = tc.check_rate_change(3_903, 3_903, "0.27%", periods=["2015/16", "2016/17"])
    assert v.computed == Fraction(366, 365) * 100 - 100
    assert v.consistent


def test_populations_and_periods_together_are_refused() -> None:
    with pytest.raises(tc.TrendcalcError, match="not both"):
        tc.check_rate_change(1, 2, "1%", populations=[1, 2], periods=["2015", "2016"])


def test_check_change_of_decimal_figures_reads_them_as_rates_not_an_index_error() -> None:
    v = tc.check_change(
        tc.parse_count("380.8", places=1), tc.parse_count("387.8", places=1), "5.2%"
    )
    assert v.claim == "change"
    assert not v.consistent
    assert v.computed_rounded == (tc.parse_figure("1.8").value, tc.parse_figure("1.9").value)


@pytest.mark.parametrize(
    "call",
    [
        lambda: tc.check_total(["1.2345k"], "1235"),
        lambda: tc.check_daily_rate(tc.parse_count("380.8", places=1), "2016/17", "1"),
    ],
)
def test_a_decimal_where_a_whole_count_is_needed_is_a_clear_error(call: object) -> None:
    with pytest.raises(tc.TrendcalcError, match="which no whole count rounds to"):
        call()  # type: ignore[operator]


def test_a_story_file_rate_change_with_rates_as_printed() -> None:
    story = tc.load_story(
        """
title = "t"
[[claims]]
kind = "rate_change"
says = "the murder rate rose 5.2%"
rates = ["380.8", "387.8"]
figure = "5.2%"
"""
    )
    result = tc.check_story(story).results[0]
    assert result.status == "does not hold"
    assert "per 100,000" in result.explanation


def test_a_story_file_rate_change_needs_rates_or_counts() -> None:
    with pytest.raises(tc.StoryError, match="rate_change claim needs rates"):
        tc.load_story('title = "t"\n[[claims]]\nkind = "rate_change"\nfigure = "5%"\n')


@given(positive_counts, positive_counts, positive_counts, positive_counts)
def test_a_rate_change_built_from_its_exact_value_holds_and_one_point_off_fails(
    b: int, a: int, pb: int, pa: int
) -> None:
    exact = Fraction(a * pb, b * pa) * 100 - 100
    whole = round(exact)  # Python rounds half to even: the mode we ask for
    assert tc.check_rate_change(
        b, a, f"{whole}%", populations=[pb, pa], mode="half_even"
    ).consistent
    assert not tc.check_rate_change(
        b, a, f"{whole + 1}%", populations=[pb, pa], mode="half_even"
    ).consistent


@given(st.integers(1, 9999), st.integers(1, 9999))
def test_rates_as_printed_hold_for_some_true_rates_exactly_when_the_hull_allows(
    b10: int, a10: int
) -> None:
    before, after = f"{b10 // 10}.{b10 % 10}", f"{a10 // 10}.{a10 % 10}"
    # the extreme true rates: (a10 +- 0.5) / (b10 -+ 0.5), half up: low end in, high end out
    low = Fraction(2 * a10 - 1, 2 * b10 + 1) * 100 - 100
    v = tc.check_rate_change(before, after, "0%", mode="half_up")
    assert v.consistent == (
        low < Fraction(1, 2) and Fraction(2 * a10 + 1, 2 * b10 - 1) * 100 - 100 >= Fraction(-1, 2)
    )


def test_an_earlier_rate_that_may_be_zero_is_refused_not_a_crash() -> None:
    # "0" as published allows a rate from 0 up to 0.5: the change has no upper bound
    for before in (0, "0", "0.0"):
        with pytest.raises(tc.TrendcalcError, match="may be zero"):
            tc.check_rate_change(before=before, after="1.5", reported="44%")
