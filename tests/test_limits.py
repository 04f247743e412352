"""The input policy (src/trendcalc/_limits.py, docs/limits.rst) and the core fixes of issue 10."""

from __future__ import annotations

import decimal
import pickle
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from trendcalc import _limits

from .strategies import counts, decimals, modes

ALL_SIGNALS = [
    decimal.Clamped,
    decimal.DivisionByZero,
    decimal.Inexact,
    decimal.InvalidOperation,
    decimal.Overflow,
    decimal.Rounded,
    decimal.Subnormal,
    decimal.Underflow,
    decimal.FloatOperation,
]

# -- places: one documented range everywhere --------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda places: tc.round_value(1, places),
        lambda places: tc.round_value(2.5, places),
        lambda places: tc.shares([1, 2], places=places),
        lambda places: tc.unround("44", places=places),
        lambda places: tc.parse_figure("44", places=places),
        lambda places: tc.change(3903, 5653).rounded(places),
        lambda places: tc.change(3903, 5653).describe(places),
        lambda places: tc.cagr(100, 121, 2).rounded(places),
        lambda places: tc.daily_rate(3903, "2016/17").rounded(places),
        lambda places: tc.population_rate(58, 751_200).rounded(places),
        lambda places: tc.pct_change([3903], [5653], places=places),
    ],
)
@pytest.mark.parametrize("places", [5000, 10**30, -(10**8), 10**5, 100_000_000, -19, 19])
def test_places_beyond_the_documented_range_are_refused_by_name(call: object, places: int) -> None:
    with pytest.raises(tc.TrendcalcError, match="places"):
        call(places)  # type: ignore[operator]


@pytest.mark.parametrize("places", [_limits.MIN_PLACES, _limits.MAX_PLACES])
def test_the_ends_of_the_places_range_are_accepted(places: int) -> None:
    expected = Fraction(2, 3)  # the oracle: round by hand with Fraction arithmetic
    scale = Fraction(10) ** places
    floor = (expected * scale).numerator // (expected * scale).denominator
    units = floor + 1 if expected * scale - floor >= Fraction(1, 2) else floor
    assert Fraction(tc.round_value(Fraction(2, 3), places)) == units / scale


def test_the_places_range_is_minus_18_to_18() -> None:
    assert (_limits.MIN_PLACES, _limits.MAX_PLACES) == (-18, 18)


# -- sizes: the longest number, the most digits ---------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: tc.parse_figure("1" * 4400),
        lambda: tc.round_value("1" * 10_000_000),
        lambda: tc.unround("9" * 10_000_000 + "%"),
        lambda: tc.round_value(10**5000),
        lambda: tc.round_value(Decimal("1E-999999999")),
        lambda: tc.round_value(Decimal("1E+999999999")),
        lambda: tc.round_value(Fraction(1, 10**500)),
        lambda: tc.round_value("1e9999"),
        lambda: tc.change(10**5000, 1),
        lambda: tc.unround(Decimal("1E-999999999")),
        lambda: tc.round_significant(1, 10**9),
    ],
)
def test_numbers_beyond_the_size_limits_are_refused_with_the_limit(call: object) -> None:
    with pytest.raises(tc.TrendcalcError, match=r"at most (100|400|1,000)\b"):
        call()  # type: ignore[operator]


def test_the_digit_limit_is_exact() -> None:
    largest = 10**_limits.MAX_DIGITS - 1
    assert tc.round_value(largest) == largest
    with pytest.raises(tc.TrendcalcError, match="at most 400 digits"):
        tc.round_value(largest + 1)
    text = "1" * _limits.MAX_NUMBER_LENGTH
    assert tc.round_value(text) == int(text)
    with pytest.raises(tc.TrendcalcError, match="at most 100 are accepted"):
        tc.round_value(text + "1")


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_every_finite_float_is_within_the_limits(x: float) -> None:
    # the docs promise that the limits never refuse a float
    assert tc.round_value(x, 2) == Decimal(repr(x)).quantize(
        Decimal("0.01"), rounding=decimal.ROUND_HALF_UP, context=decimal.Context(prec=1000)
    )


def test_a_message_quotes_a_long_value_briefly() -> None:
    with pytest.raises(tc.TrendcalcError) as info:
        tc.round_value(1, mode="x" * 10_000_000)
    assert len(str(info.value)) < 300


# -- item 1: describe with negative places ----------------------------------------------


def test_describe_with_negative_places_says_less_than_one_unit_of_them() -> None:
    assert tc.change(100, 140).describe(-2) == "up less than 100% (from 100 to 140)"
    assert tc.change(100, 104).describe(-1) == "up less than 10% (from 100 to 104)"
    assert tc.change(100, 160).describe(-2) == "up 100% (from 100 to 160)"


@given(counts.filter(bool), counts, st.integers(-3, 8), modes)
def test_less_than_in_a_description_is_true(
    before: int, after: int, places: int, mode: str
) -> None:
    text = tc.change(before, after).describe(places, mode=mode)  # type: ignore[arg-type]
    if "less than" in text:
        unit = Fraction(text.split("less than ")[1].split("%")[0].replace(",", ""))
        assert abs(Fraction(100 * (after - before), before)) < unit
        assert unit == Fraction(10) ** -places


# -- item 2: trendcalc's own decimal context -------------------------------------------


def _under_hostile_context(call: object) -> tuple[object, decimal.Context]:
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        ctx.Emax = 10
        ctx.Emin = -10
        ctx.rounding = decimal.ROUND_FLOOR
        ctx.traps = dict.fromkeys(ALL_SIGNALS, False)
        ctx.clear_flags()
        result = call()  # type: ignore[operator]
        return result, ctx


@pytest.mark.parametrize(
    "call",
    [
        lambda: tc.change(3903, 5653).describe(2),
        lambda: tc.change(5, 10**40).describe(),
        lambda: tc.change(10**9, 10**9 + 1).describe(8),
        lambda: tc.cagr(1, 2000, 1).describe(),
        lambda: tc.cagr(3903, 5653, 3).describe(4),
        lambda: tc.cagr(1, 10**30, 1).describe(),
        lambda: tc.round_value("2.675", 2),
        lambda: tc.round_significant(3903, 2),
        lambda: tc.daily_rate(3903, "2016/17").describe(3),
        lambda: tc.population_rate(58, 751_200).describe(2),
        lambda: str(tc.unround("10.70")),
        lambda: tc.shares([1, 1, 1], places=2),
    ],
)
def test_results_ignore_the_callers_decimal_context_and_set_no_flags(call: object) -> None:
    expected = call()  # type: ignore[operator]
    result, ctx = _under_hostile_context(call)
    assert result == expected
    assert not any(ctx.flags[s] for s in ALL_SIGNALS), ctx.flags


def test_a_change_of_forty_digits_is_described_in_full() -> None:
    text = tc.change(5, 10**40).describe()
    exact = (10**40 - 5) * 100 // 5  # the oracle: a whole percentage, by integer arithmetic
    assert text == f"up {exact:,}% (from 5 to {10**40:,})"
    assert "E" not in text


def test_cagr_under_a_low_caller_precision() -> None:
    result, _ = _under_hostile_context(lambda: tc.cagr(1, 2000, 1))
    assert result.percent == 199_900  # type: ignore[attr-defined]


def test_cagr_of_huge_growth_is_exact_to_its_digits() -> None:
    assert tc.cagr(1, 10**30, 1).percent == 10**32 - 100
    assert "E" not in tc.cagr(1, 10**30, 1).describe()


def test_cagr_too_large_to_compute_is_a_trendcalc_error() -> None:
    with pytest.raises(tc.TrendcalcError, match="too large to compute"):
        tc.cagr(1, 10, Fraction(1, 10**7))


@given(st.integers(1, 10**6), st.integers(0, 10**6), st.integers(1, 50))
def test_cagr_agrees_with_a_high_precision_oracle(first: int, last: int, years: int) -> None:
    with decimal.localcontext(decimal.Context(prec=120)) as ctx:
        ratio = ctx.divide(Decimal(last), Decimal(first))
        root = ctx.power(ratio, ctx.divide(Decimal(1), Decimal(years))) if last else Decimal(0)
        oracle = (root - 1) * 100
    got = tc.cagr(first, last, years).percent
    assert abs(Fraction(got) - Fraction(oracle)) <= abs(Fraction(oracle)) * Fraction(
        1, 10**48
    ) + Fraction(1, 10**45)


# -- item 4: numpy floats by their own shortest repr -----------------------------------


def test_a_float32_is_read_by_its_own_shortest_repr() -> None:
    assert tc.round_value(np.float32(2.675), 2) == Decimal("2.68")
    assert tc.round_value(np.float16(0.1), 1) == Decimal("0.1")


@given(st.floats(width=32, allow_nan=False, allow_infinity=False), st.integers(0, 8))
def test_float32_values_round_as_their_printed_digits(x: float, places: int) -> None:
    value = np.float32(x)
    printed = Decimal(str(value))  # numpy prints a float32 by its shortest repr: the oracle
    with decimal.localcontext() as context:
        context.prec = 100
        expected = printed.quantize(Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)
    assert tc.round_value(value, places) == expected
    assert tc.round_value(value, places) == tc.round_value(str(value), places)


# -- item 6: bools in pct_change --------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ([True, 5], [2, 5]),
        ([2, 5], [np.bool_(False), 5]),
        ([[1, True]], [[1, 2]]),
        (np.array([True, False]), [1, 2]),
    ],
)
def test_pct_change_refuses_bools_anywhere(before: object, after: object) -> None:
    with pytest.raises(tc.TrendcalcError, match="not bools"):
        tc.pct_change(before, after)  # type: ignore[arg-type]


def test_pct_change_refuses_ragged_lists_and_out_of_range_places() -> None:
    with pytest.raises(tc.TrendcalcError, match="rectangular"):
        tc.pct_change([[1, 2], [3]], [1, 2])
    with pytest.raises(tc.TrendcalcError, match="places must be from -18 to 18"):
        tc.pct_change([0], [0], places=-19)


# -- exponent notation never appears in a figure ----------------------------------------


def test_tiny_figures_print_without_an_exponent() -> None:
    x = tc.round_value("0.0000005", 7)
    assert str(x) == "0.0000005"
    assert repr(x) == "Decimal('0.0000005')"
    assert f"{x}" == "0.0000005"
    assert f"{x:,}" == "0.0000005"
    assert tc.change(10**9, 10**9 + 1).describe(8) == (
        "up 0.00000010% (from 1,000,000,000 to 1,000,000,001)"
    )
    assert tc.change(10**9, 10**9 + 1).describe(6) == (
        "up less than 0.000001% (from 1,000,000,000 to 1,000,000,001)"
    )
    assert str(tc.unround("0.0000005")) == "[0.00000045, 0.00000055)"


@given(decimals, st.integers(-18, 18), modes)
def test_a_rounded_figure_prints_every_digit_and_reads_back(
    x: Decimal, places: int, mode: str
) -> None:
    result = tc.round_value(x, places, mode=mode)  # type: ignore[arg-type]
    text = str(result)
    assert "E" not in text.upper()
    assert Decimal(text) == result
    after_point = len(text.split(".")[1]) if "." in text else 0
    assert after_point == max(places, 0)


def test_a_plain_decimal_behaves_as_a_decimal() -> None:
    x = tc.round_value("0.0000005", 7)
    assert isinstance(x, Decimal)
    assert x == Decimal("5E-7")
    assert hash(x) == hash(Decimal("5E-7"))
    assert pickle.loads(pickle.dumps(x)) == x
    assert str(pickle.loads(pickle.dumps(x))) == "0.0000005"
    assert x + 1 == Decimal("1.0000005")
    assert format(x, ".2e") == "5.00e-7"


# -- load_story: text or a file name ----------------------------------------------------


def test_a_file_name_with_an_equals_sign_is_read_as_a_file(tmp_path: Path) -> None:
    story = tc.example_story()
    path = tmp_path / "a=b.toml"
    from importlib import resources

    path.write_text(
        resources.files("trendcalc")
        .joinpath("examples", "lincolnshire-2017.toml")
        .read_text("utf-8"),
        encoding="utf-8",
    )
    assert tc.load_story(str(path)).title == story.title


def test_a_nul_in_a_file_name_is_a_story_error() -> None:
    with pytest.raises(tc.StoryError, match="cannot read the file"):
        tc.load_story("\x00")
