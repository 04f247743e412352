"""Exact changes, percentage changes of arrays, and compound growth."""

from __future__ import annotations

import decimal
import math
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import trendcalc as tc
from tests.strategies import MODES, counts, modes

# -- change


def test_change_from_112_to_58() -> None:
    c = tc.change(112, 58)
    assert c.absolute == -54
    assert c.ratio == Fraction(58, 112)
    assert c.percent == Fraction(-5400, 112)
    assert c.direction == "down"
    assert c.rounded() == Decimal(-48)
    assert c.rounded(1) == Decimal("-48.2")
    assert c.describe() == "down 48% (from 112 to 58)"


def test_change_directions() -> None:
    assert tc.change(3903, 5653).direction == "up"
    assert tc.change(5, 5).direction == "unchanged"
    assert tc.change(5, 5).percent == 0
    assert tc.change(0, 0).direction == "unchanged"


def test_change_from_zero_has_no_percentage_and_never_infinity() -> None:
    c = tc.change(0, 12)
    assert c.percent is None
    assert c.ratio is None
    assert c.absolute == 12
    assert "no percentage change can be given" in c.describe()
    with pytest.raises(tc.UndefinedResultError, match="a change from 0 to 12 has no percentage"):
        c.rounded()


def test_change_to_zero_is_minus_100_percent() -> None:
    assert tc.change(7, 0).rounded() == -100
    assert tc.change(7, 0).describe() == "down 100% (from 7 to 0)"


def test_change_of_exact_rates() -> None:
    c = tc.change(Fraction(112, 366), Fraction(58, 365))
    assert c.percent == (Fraction(58, 365) / Fraction(112, 366) - 1) * 100
    assert c.describe(1) == "down 48.1% (from 0.31 to 0.16)"


def test_describe_small_changes_in_words() -> None:
    assert tc.change(1000, 1001).describe() == "up less than 1% (from 1,000 to 1,001)"
    assert tc.change(1000, 1001).describe(1) == "up 0.1% (from 1,000 to 1,001)"
    assert tc.change(100000, 100001).describe(2) == "up less than 0.01% (from 100,000 to 100,001)"


def test_describe_uses_the_mode() -> None:
    assert tc.change(3903, 5653).describe() == "up 45% (from 3,903 to 5,653)"
    assert tc.change(3903, 5653).describe(mode="down") == "up 44% (from 3,903 to 5,653)"


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        (-1, 5, r"before must be a non-negative integer \(got -1\)"),
        (5, True, "after must be an integer, not a bool"),
        (5.0, 5, r"before must be a non-negative int or Fraction \(got float 5.0\)"),
        (float("nan"), 5, "before must be a non-negative int or Fraction"),
        (Decimal("5"), 5, "pass Fraction"),
        (5, "6", r"after must be a non-negative int or Fraction \(got str '6'\)"),
        (Fraction(-1, 2), 5, r"before must be non-negative \(got -1/2\)"),
    ],
)
def test_change_refuses_bad_values(before: object, after: object, message: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        tc.change(before, after)  # type: ignore[arg-type]


@given(before=counts.filter(bool), after=counts, places=st.integers(0, 4), mode=modes)
def test_rounded_is_the_rounded_exact_percent(
    before: int, after: int, places: int, mode: str
) -> None:
    c = tc.change(before, after)
    assert c.rounded(places, mode=mode) == tc.round_value(
        Fraction(100 * (after - before), before), places, mode=mode
    )  # type: ignore[arg-type]
    assert before * (1 + c.percent / 100) == after  # type: ignore[operator]


# -- pct_change


def test_pct_change_examples() -> None:
    result = tc.pct_change([112, 3903, 0, 0], [58, 5653, 7, 0], places=1)
    assert result.dtype == np.float64
    assert result[:2].tolist() == [-48.2, 44.8]
    assert np.isnan(result[2:]).all()


def test_pct_change_float_path_without_places() -> None:
    result = tc.pct_change(np.array([112, 0]), np.array([58, 3]))
    assert math.isclose(result[0], -5400 / 112, rel_tol=1e-15)
    assert np.isnan(result[1])


def test_pct_change_rounds_halves_exactly_where_floats_fail() -> None:
    # 1 -> 1.00005 is not a count; use counts whose percentage ends in exactly 5
    before = np.array([8, 16, 40, 200, 2000], dtype=np.int64)
    after = np.array([9, 17, 41, 201, 2001], dtype=np.int64)  # 12.5, 6.25, 2.5, 0.5, 0.05 %
    assert tc.pct_change(before, after, places=0).tolist() == [13, 6, 3, 1, 0]
    assert tc.pct_change(before, after, places=0, mode="half_even").tolist() == [12, 6, 2, 0, 0]
    assert tc.pct_change(before, after, places=1).tolist() == [12.5, 6.3, 2.5, 0.5, 0.1]


@st.composite
def count_arrays(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    # small bounds take the float kernel, large ones the int64 kernel (|n| beyond 2**52)
    bound = draw(st.sampled_from([10, 5_000, 10**9, 2**45]))
    n = draw(st.integers(0, 200))
    elements = st.integers(0, bound)
    return draw(hnp.arrays(np.int64, n, elements=elements)), draw(
        hnp.arrays(np.int64, n, elements=elements)
    )


@given(pair=count_arrays(), places=st.integers(-2, 6), mode=modes)
def test_vectorised_pct_change_equals_scalar_change(
    pair: tuple[np.ndarray, np.ndarray], places: int, mode: str
) -> None:
    before, after = pair
    before_copy, after_copy = before.copy(), after.copy()
    result = tc.pct_change(before, after, places=places, mode=mode)  # type: ignore[arg-type]
    for b, a, r in zip(before.tolist(), after.tolist(), result.tolist(), strict=True):
        if b == 0:
            assert math.isnan(r)
        else:
            assert r == float(tc.change(b, a).rounded(places, mode=mode))  # type: ignore[arg-type]
    assert not np.signbit(result[result == 0]).any()  # no negative zeros
    np.testing.assert_array_equal(before, before_copy)  # inputs are not mutated
    np.testing.assert_array_equal(after, after_copy)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("places", [0, 1, 2, 4])
def test_both_int64_kernels_agree_with_the_scalar_change_near_ties(mode: str, places: int) -> None:
    # percentages that sit exactly on, or one count away from, a rounding tie, at sizes on
    # both sides of the float kernel's limit (100 * count * 10**places < 2**52)
    rng = np.random.default_rng(places)
    for size in (10**3, 10**9, 2**52 // (100 * 10**places) + 1, 2**40):
        before = rng.integers(1, size, 2000, dtype=np.int64) * 8
        after = before + before // 8 + rng.integers(-1, 2, 2000)  # 12.5% apart, give or take one
        result = tc.pct_change(before, after, places=places, mode=mode)  # type: ignore[arg-type]
        expected = [
            float(tc.change(b, a).rounded(places, mode=mode))
            for b, a in zip(before.tolist(), after.tolist(), strict=True)
        ]  # type: ignore[arg-type]
        assert result.tolist() == expected


@given(
    before=st.lists(st.integers(0, 2**70), min_size=1, max_size=20),
    data=st.data(),
    places=st.integers(0, 4),
    mode=modes,
)
def test_values_too_large_for_int64_are_exact_not_wrapped(
    before: list[int], data: st.DataObject, places: int, mode: str
) -> None:
    after = data.draw(st.lists(st.integers(0, 2**70), min_size=len(before), max_size=len(before)))
    result = tc.pct_change(before, after, places=places, mode=mode)  # type: ignore[arg-type]
    for b, a, r in zip(before, after, result.tolist(), strict=True):
        expected = math.nan if b == 0 else float(tc.change(b, a).rounded(places, mode=mode))  # type: ignore[arg-type]
        assert r == expected or (math.isnan(r) and math.isnan(expected))


def test_int64_overflow_boundary_switches_to_exact_arithmetic() -> None:
    big = np.array([2**62, 2**62 + 3], dtype=np.int64)
    small = np.array([1, 2**62], dtype=np.int64)
    result = tc.pct_change(small, big, places=2)
    assert result[0] == float(tc.change(1, 2**62).rounded(2))
    assert result[1] == float(tc.change(2**62, 2**62 + 3).rounded(2))
    unsigned = np.array([2**64 - 1], dtype=np.uint64)
    assert tc.pct_change(unsigned, unsigned, places=1).tolist() == [0.0]


def test_pct_change_large_percentages_beyond_2_to_53_units() -> None:
    result = tc.pct_change([1], [10**15], places=3)
    assert result[0] == float(tc.change(1, 10**15).rounded(3))


def test_pct_change_broadcasts_and_keeps_shape() -> None:
    result = tc.pct_change(np.array([[100], [200]]), np.array([[110, 90]]), places=0)
    assert result.shape == (2, 2)
    assert result.tolist() == [[10.0, -10.0], [-45.0, -55.0]]


def test_pct_change_of_empty_arrays() -> None:
    assert tc.pct_change([], [], places=1).shape == (0,)


@pytest.mark.parametrize(
    ("before", "after", "message"),
    [
        (
            np.array([1.0, 2.0]),
            [1, 2],
            r"before must be an array of integer counts \(got dtype float64\); counts are whole numbers",
        ),
        (  # pandas turns a null in an integer column into NaN: say it is missing
            pd.Series([1, None, 3], dtype="Int64"),
            [1, 2, 3],
            r"before .* holds a missing value \(NaN or null\) at index 1: a missing count is not 0",
        ),
        (
            [1, 2, 3],
            pl.Series([1, None, 3]),
            r"after .* holds a missing value \(NaN or null\) at index 1",
        ),
        ([1.0, 2.0], [1, 2], r"before must hold integer counts \(got float 1.0 at flat index 0\)"),
        ([1, 2], [True, False], "after must hold integer counts, not bools"),
        ([1, -2], [1, 2], r"before must hold non-negative counts \(got -2 at index 1\)"),
        ([1, 2], ["a", "b"], r"after must hold integer counts \(got str 'a' at flat index 0\)"),
        (
            [1, 2],
            np.array(["a", "b"]),
            r"after must be an array of integer counts \(got dtype <U1\)",
        ),
        ([1, 2, 3], [1, 2], "before and after must have shapes that broadcast together"),
        ([2**70, -1], [1, 2], r"before must hold non-negative counts \(got -1 at flat index 1\)"),
        ([2**70, 1.5], [1, 2], "before must hold integer counts"),
    ],
)
def test_pct_change_refuses_bad_arrays(before: object, after: object, message: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        tc.pct_change(before, after, places=1)  # type: ignore[arg-type]


# -- cagr

CTX = decimal.Context(prec=80)


def test_cagr_exact_roots_are_exact() -> None:
    assert tc.cagr(100, 121, 2).percent == 10
    assert tc.cagr(1000, 1331, 3).rounded(10) == Decimal("10.0000000000")
    assert tc.cagr(16, 1, 4).percent == -50


def test_cagr_over_one_year_is_the_percentage_change() -> None:
    assert tc.cagr(112, 58, 1).rounded(6) == tc.change(112, 58).rounded(6)


@given(first=st.integers(1, 10**6), last=st.integers(0, 10**6), years=st.integers(1, 30))
def test_cagr_compounds_back_to_the_last_value(first: int, last: int, years: int) -> None:
    g = tc.cagr(first, last, years)
    factor = CTX.add(1, CTX.divide(g.percent, Decimal(100)))
    back = CTX.multiply(Decimal(first), CTX.power(factor, years))
    assert abs(CTX.subtract(back, last)) <= Decimal(10) ** -45 * max(first, last)


def test_cagr_refuses_growth_from_zero_and_bad_years() -> None:
    with pytest.raises(tc.UndefinedResultError, match="growth from 0 to 5 has no rate"):
        tc.cagr(0, 5, 2)
    with pytest.raises(tc.TrendcalcError, match=r"years must be positive \(got 0\)"):
        tc.cagr(1, 5, 0)
    with pytest.raises(tc.TrendcalcError, match="years must be a positive int or Fraction"):
        tc.cagr(1, 5, 2.5)  # type: ignore[arg-type]


def test_cagr_accepts_fractional_years_and_describes() -> None:
    g = tc.cagr(100, 121, Fraction(4))
    assert g.years == 4
    assert g.describe() == "up 4.9% a year on average over 4 years (from 100 to 121)"
    assert (
        tc.cagr(100, 100, 3).describe()
        == "unchanged, 0.0% a year on average over 3 years (from 100 to 100)"
    )
