"""Rounding by named modes, unrounding published figures, and shares that add to 100."""

from __future__ import annotations

import decimal
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from tests.strategies import MODES, decimals, fractions, modes, places

DECIMAL_MODE = {
    "half_up": decimal.ROUND_HALF_UP,
    "half_even": decimal.ROUND_HALF_EVEN,
    "half_down": decimal.ROUND_HALF_DOWN,
    "up": decimal.ROUND_UP,
    "down": decimal.ROUND_DOWN,
    "ceiling": decimal.ROUND_CEILING,
    "floor": decimal.ROUND_FLOOR,
}
BIG = decimal.Context(prec=500)


def oracle(x: Decimal, p: int, mode: str) -> Decimal:
    """Round with the decimal module itself."""
    return x.quantize(Decimal(1).scaleb(-p), rounding=DECIMAL_MODE[mode], context=BIG)


# -- round_value: examples


def test_float_is_read_as_its_shortest_repr() -> None:
    assert tc.round_value(2.675, 2) == Decimal("2.68")
    assert round(2.675, 2) == 2.67  # what Python itself does with the binary value


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        # the table in the decimal module's documentation, one column per mode
        ("2.5", {"half_up": 3, "half_even": 2, "half_down": 2, "up": 3, "down": 2, "ceiling": 3, "floor": 2}),
        ("-2.5", {"half_up": -3, "half_even": -2, "half_down": -2, "up": -3, "down": -2, "ceiling": -2, "floor": -3}),
        ("3.5", {"half_up": 4, "half_even": 4, "half_down": 3, "up": 4, "down": 3, "ceiling": 4, "floor": 3}),
        ("2.4", {"half_up": 2, "half_even": 2, "half_down": 2, "up": 3, "down": 2, "ceiling": 3, "floor": 2}),
        ("-2.6", {"half_up": -3, "half_even": -3, "half_down": -3, "up": -3, "down": -2, "ceiling": -2, "floor": -3}),
    ],
)  # fmt: skip
def test_each_mode_on_halves_and_non_halves(x: str, expected: dict[str, int]) -> None:
    for mode, value in expected.items():
        assert tc.round_value(x, mode=mode) == value, mode


def test_default_mode_is_half_away_from_zero_like_excel() -> None:
    assert tc.round_value("0.5") == 1
    assert tc.round_value("-0.5") == -1
    assert tc.round_value("44.5") == 45


def test_result_prints_with_the_requested_places() -> None:
    assert str(tc.round_value(10.7, 2)) == "10.70"
    assert str(tc.round_value(Fraction(3903, 365), 2)) == "10.69"
    assert str(tc.round_value(0, 3)) == "0.000"


def test_negative_places_round_to_tens_and_hundreds() -> None:
    assert str(tc.round_value(3903, -1)) == "3900"
    assert str(tc.round_value(3905, -1)) == "3910"
    assert str(tc.round_value(3950, -2)) == "4000"
    assert str(tc.round_value(-3950, -2)) == "-4000"


def test_zero_result_is_never_negative() -> None:
    assert str(tc.round_value("-0.001", 2)) == "0.00"
    assert str(tc.round_value("-0.4")) == "0"


def test_exact_fraction_input() -> None:
    assert tc.round_value(Fraction(1, 3), 3) == Decimal("0.333")
    assert tc.round_value(Fraction(2, 3), 3) == Decimal("0.667")
    assert tc.round_value(Fraction(-675, 14), 1) == Decimal("-48.2")


def test_large_values_are_not_cut_by_decimal_context_precision() -> None:
    x = 10**40 + 1
    assert tc.round_value(x, 2) == Decimal(x)
    assert str(tc.round_value(Fraction(x, 10), 1)) == str(x)[:-1] + ".1"


@pytest.mark.parametrize(
    "bad", [float("nan"), float("inf"), Decimal("NaN"), "abc", "1,000", True, None, [1]]
)
def test_round_value_refuses_non_numbers(bad: object) -> None:
    with pytest.raises(tc.TrendcalcError, match="x must be"):
        tc.round_value(bad)


def test_round_value_refuses_unknown_mode_listing_the_valid_ones() -> None:
    with pytest.raises(
        tc.TrendcalcError, match=r"mode must be one of 'half_up'.*\(got 'HALF_UP'\)"
    ):
        tc.round_value(1, mode="HALF_UP")  # type: ignore[arg-type]


def test_round_value_refuses_non_int_places() -> None:
    with pytest.raises(tc.TrendcalcError, match=r"places must be an integer \(got float 1.0\)"):
        tc.round_value(1, 1.0)  # type: ignore[arg-type]


# -- round_value: properties with the decimal module as oracle


@given(x=decimals, p=places, mode=modes)
def test_round_value_agrees_with_decimal_quantize(x: Decimal, p: int, mode: str) -> None:
    result = tc.round_value(x, p, mode=mode)  # type: ignore[arg-type]
    assert result == oracle(x, p, mode)
    if p >= 0:
        assert result.as_tuple().exponent == -p


@given(
    x=st.floats(allow_nan=False, allow_infinity=False, width=64, min_value=-1e12, max_value=1e12),
    p=places,
    mode=modes,
)
def test_round_value_of_float_rounds_its_repr(x: float, p: int, mode: str) -> None:
    assert tc.round_value(x, p, mode=mode) == oracle(Decimal(repr(x)), p, mode)  # type: ignore[arg-type]


@given(x=fractions, p=places, mode=modes)
def test_rounding_moves_at_most_one_unit_and_half_modes_at_most_half(
    x: Fraction, p: int, mode: str
) -> None:
    unit = Fraction(10) ** -p
    moved = abs(Fraction(tc.round_value(x, p, mode=mode)) - x)  # type: ignore[arg-type]
    assert moved <= (unit / 2 if mode.startswith("half") else unit)
    if mode == "floor":
        assert Fraction(tc.round_value(x, p, mode=mode)) <= x  # type: ignore[arg-type]
    if mode == "ceiling":
        assert Fraction(tc.round_value(x, p, mode=mode)) >= x  # type: ignore[arg-type]


@given(x=fractions, p=places, mode=modes)
def test_rounding_is_idempotent(x: Fraction, p: int, mode: str) -> None:
    once = tc.round_value(x, p, mode=mode)  # type: ignore[arg-type]
    assert tc.round_value(once, p, mode=mode) == once  # type: ignore[arg-type]


@given(x=fractions, p=places, mode=modes)
def test_fraction_rounding_agrees_with_decimal_at_high_precision(
    x: Fraction, p: int, mode: str
) -> None:
    # 500 correct digits decide the rounding: a fraction with a denominator up to 10**6 is
    # either exactly on a tie (and then terminating, so divided exactly) or at least
    # 1/(2 * 10**6) units away from one.
    approx = BIG.divide(Decimal(x.numerator), Decimal(x.denominator))
    assert tc.round_value(x, p, mode=mode) == oracle(approx, p, mode)  # type: ignore[arg-type]


@given(x=decimals.filter(lambda d: d != 0), figures=st.integers(1, 12), mode=modes)
def test_round_significant_agrees_with_decimal_context(x: Decimal, figures: int, mode: str) -> None:
    expected = decimal.Context(prec=figures, rounding=DECIMAL_MODE[mode]).plus(x)
    assert tc.round_significant(x, figures, mode=mode) == expected  # type: ignore[arg-type]


def test_round_significant_examples() -> None:
    assert str(tc.round_significant(3903, 2)) == "3900"
    assert str(tc.round_significant(3903, 1)) == "4000"
    assert str(tc.round_significant("0.0012345", 3)) == "0.00123"
    assert str(tc.round_significant("9.96", 2)) == "10"
    assert str(tc.round_significant("0.0999", 2)) == "0.10"
    assert tc.round_significant(0, 3) == 0


def test_round_significant_refuses_zero_figures() -> None:
    with pytest.raises(
        tc.TrendcalcError, match=r"figures must be an integer of at least 1 \(got 0\)"
    ):
        tc.round_significant(5, 0)


# -- unround


def test_unround_reads_precision_from_the_text() -> None:
    assert str(tc.unround("44")) == "[43.5, 44.5)"
    assert str(tc.unround("10.70")) == "[10.695, 10.705)"
    assert str(tc.unround("10.7")) == "[10.65, 10.75)"
    assert str(tc.unround("3,903")) == "[3902.5, 3903.5)"


def test_unround_sign_percent_and_typographic_minus() -> None:
    assert tc.unround("-48") == tc.unround("\u221248") == tc.unround("-48%")
    assert str(tc.unround("-48")) == "(-48.5, -47.5]"
    assert tc.unround("+44%") == tc.unround("44")


def test_unround_truncation_and_other_modes() -> None:
    assert str(tc.unround("44", mode="down")) == "[44, 45)"
    assert str(tc.unround("-44", mode="down")) == "(-45, -44]"
    assert str(tc.unround("0", mode="down")) == "(-1, 1)"
    assert str(tc.unround("44", mode="up")) == "(43, 44]"
    assert str(tc.unround("0", mode="up")) == "[0, 0]"
    assert str(tc.unround("44", mode="half_even")) == "[43.5, 44.5]"
    assert str(tc.unround("43", mode="half_even")) == "(42.5, 43.5)"
    assert str(tc.unround("44", mode="floor")) == "[44, 45)"
    assert str(tc.unround("44", mode="ceiling")) == "(43, 44]"


def test_unround_with_places_for_figures_to_the_nearest_thousand() -> None:
    assert str(tc.unround("391,000", places=-3)) == "[390500, 391500)"
    with pytest.raises(tc.TrendcalcError, match="places=-3 does not fit reported='391,500'"):
        tc.unround("391,500", places=-3)


@pytest.mark.parametrize(
    "bad", ["42, 265", "22,6400", "1,00", "4 4", "", "44%%", "ten", "1e3", 4.4, True, None]
)
def test_unround_refuses_malformed_figures(bad: object) -> None:
    with pytest.raises(tc.TrendcalcError, match="reported must be"):
        tc.unround(bad)


def test_unround_accepts_int_and_decimal() -> None:
    assert tc.unround(44) == tc.unround("44")
    assert tc.unround(Decimal("10.70")) == tc.unround("10.70")


@st.composite
def reported_and_candidate(draw: st.DrawFn) -> tuple[Decimal, int, Fraction]:
    p = draw(st.integers(-3, 4))
    units = draw(st.integers(-(10**6), 10**6))
    reported = Decimal(units).scaleb(-p) if p > 0 else Decimal(units * 10**-p)
    unit = Fraction(10) ** -p
    # candidates on and around every boundary: quarter units, plus a random nudge
    step = draw(st.integers(-7, 7))
    nudge = draw(st.sampled_from([Fraction(0), Fraction(1, 10**9), Fraction(-1, 10**9)]))
    return reported, p, Fraction(reported) + unit * Fraction(step, 4) + nudge * unit


@given(case=reported_and_candidate(), mode=modes)
def test_unround_holds_exactly_the_values_that_round_to_the_figure(
    case: tuple[Decimal, int, Fraction], mode: str
) -> None:
    reported, p, x = case
    interval = tc.unround(reported, mode=mode, places=p)  # type: ignore[arg-type]
    assert interval.contains(x) == (tc.round_value(x, p, mode=mode) == reported)  # type: ignore[arg-type]


def test_interval_refuses_reversed_or_empty_ends() -> None:
    with pytest.raises(tc.TrendcalcError, match="lower must not exceed upper"):
        tc.Interval(2, 1)
    with pytest.raises(tc.TrendcalcError, match="closed at both ends"):
        tc.Interval(1, 1, lower_closed=False)


def test_interval_width_and_membership() -> None:
    i = tc.Interval(Fraction(1, 2), 2, lower_closed=False, upper_closed=True)
    assert i.width == Fraction(3, 2)
    assert 2 in i
    assert "0.5" not in i
    assert str(i) == "(0.5, 2]"
    assert str(tc.Interval(Fraction(1, 3), 1)) == "[1/3, 1]"


# -- shares


def test_shares_add_up_to_exactly_100() -> None:
    assert tc.shares([1, 1, 1]) == (Decimal(34), Decimal(33), Decimal(33))
    assert sum(tc.shares([1, 1, 1], places=1)) == 100
    assert tc.shares([58, 112]) == (Decimal(34), Decimal(66))


def test_shares_of_a_mapping_keep_the_keys() -> None:
    assert tc.shares({"a": 1, "b": 3}) == {"a": Decimal(25), "b": Decimal(75)}


def test_shares_ties_go_to_the_larger_count_then_the_earlier_item() -> None:
    # exact shares 12.5, 12.5, 37.5, 37.5: two units to hand out, remainders all tie
    assert tc.shares([1, 1, 3, 3]) == (Decimal(12), Decimal(12), Decimal(38), Decimal(38))
    assert tc.shares([1, 1]) == (Decimal(50), Decimal(50))
    assert tc.shares([1, 1, 1, 1, 1, 1, 1, 1]) == (Decimal(13),) * 4 + (Decimal(12),) * 4


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ([0, 0], "shares of a total of zero are undefined"),
        ([1, -1], r"counts\[1\] must be a non-negative integer \(got -1\)"),
        ([1, True], r"counts\[1\] must be an integer, not a bool"),
        ("12", "counts must be a sequence or mapping"),
    ],
)
def test_shares_refuses_bad_counts(counts: object, message: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        tc.shares(counts)  # type: ignore[call-overload]


@given(
    counts=st.lists(st.integers(0, 10**6), min_size=1, max_size=30).filter(any), p=st.integers(0, 3)
)
def test_shares_always_add_to_100_and_stay_within_one_unit(counts: list[int], p: int) -> None:
    result = tc.shares(counts, places=p)
    assert sum(result) == 100
    total = sum(counts)
    unit = Fraction(10) ** -p
    for count, share in zip(counts, result, strict=True):
        assert share.as_tuple().exponent == -p
        assert abs(Fraction(share) - Fraction(100 * count, total)) < unit
        if count == 0:
            assert share == 0


def test_modes_constant_lists_every_mode() -> None:
    assert set(MODES) == {"half_up", "half_even", "half_down", "up", "down", "ceiling", "floor"}


@given(st.text())
def test_unround_raises_only_trendcalc_error_on_arbitrary_text(text: str) -> None:
    try:
        interval = tc.unround(text)
    except tc.TrendcalcError:
        return
    assert interval.lower < interval.upper


@given(st.text())
def test_round_value_raises_only_trendcalc_error_on_arbitrary_text(text: str) -> None:
    try:
        tc.round_value(text, 2)
    except tc.TrendcalcError:
        return
