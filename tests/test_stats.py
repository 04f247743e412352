"""Poisson comparisons and intervals, checked against published reference values.

References: ../shared/reference/poisson.md (scipy, statsmodels and ptools documentation
and tests, Wheeler's blog) and statsmodels itself, an implementation trendcalc does not
use, as an oracle.
"""

from __future__ import annotations

import math
import sys
import warnings
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats as scipy_stats
from statsmodels.stats.proportion import binom_test as sm_binom_test
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.rates import etest_poisson_2indep as sm_etest
from statsmodels.stats.rates import test_poisson_2indep as sm_test_poisson_2indep

import trendcalc as tc
from tests import strategies as st_
from trendcalc._limits import (
    MAX_COUNT,
    MAX_EXACT_TOTAL,
    MAX_EXPOSURE,
    MAX_EXPOSURE_RATIO,
    MAX_MINLIKE_TOTAL,
    MIN_EXPOSURE,
)

# -- the published reference values


def test_etest_reference_0_vs_3_per_100() -> None:
    c = tc.compare_counts(0, 3, exposure_before=100, exposure_after=100, method="etest")
    assert round(c.p_value, 4) == 0.0884
    assert c.statistic == pytest.approx(1.7320508075688772, rel=1e-12)  # positive: a rise


def test_etest_reference_6_vs_2_is_symmetric() -> None:
    forward = tc.compare_counts(6, 2, method="etest")
    backward = tc.compare_counts(2, 6, method="etest")
    assert round(forward.p_value, 4) == round(backward.p_value, 4) == 0.1749


def test_etest_reference_20_vs_10() -> None:
    assert tc.compare_counts(20, 10, method="etest").p_value == pytest.approx(0.069, abs=0.001)


def test_etest_with_unequal_exposures_uses_the_unpooled_statistic() -> None:
    # reference note: k1=4, n1=20 against k2=3, n2=100; the unpooled variance is
    # k1/n1**2 + k2/n2**2, and the statistic is the later rate less the earlier
    c = tc.compare_counts(4, 3, exposure_before=20, exposure_after=100, method="etest")
    expected = (3 / 100 - 4 / 20) / math.sqrt(4 / 20**2 + 3 / 100**2)
    assert c.statistic == pytest.approx(expected, rel=1e-12)
    assert 0.25 < c.p_value < 0.35  # scipy gives 0.2978; the pooled statistic differs


def test_exact_poisson_interval_reference() -> None:
    ci = tc.poisson_interval(15, exposure=400, method="exact")
    assert ci.lower == pytest.approx(0.0209884653319583, rel=1e-12)
    assert ci.upper == pytest.approx(0.0618505471787146, rel=1e-12)


def test_score_poisson_interval_reference() -> None:
    ci = tc.poisson_interval(15, exposure=400, method="score")
    assert ci.lower == pytest.approx(0.0227264749053794, rel=1e-12)
    assert ci.upper == pytest.approx(0.0618771721463559, rel=1e-12)


def test_one_sample_exact_test_reference() -> None:
    assert tc.poisson_test(15, 0.05, exposure=400).p_value == pytest.approx(
        0.313026269279486, rel=1e-12
    )


def test_wdd_reference_from_ptools_at_90_percent() -> None:
    r = tc.wdd((20, 10), (20, 20), level=0.90)
    assert r.estimate == -10
    assert r.se == pytest.approx(8.366600, abs=1e-6)
    assert r.z == pytest.approx(-1.195229, abs=1e-6)
    assert r.lower == pytest.approx(-23.761833, abs=1e-6)
    assert r.upper == pytest.approx(3.761833, abs=1e-6)


def test_wdd_default_level_is_95_percent_and_displacement_areas_add_in() -> None:
    r = tc.wdd((20, 10), (20, 20))
    assert r.level == 0.95
    assert r.upper - r.estimate == pytest.approx(1.959963984540054 * math.sqrt(70))
    d = tc.wdd((20, 10), (20, 20), displacement=(15, 18), control_displacement=(10, 10))
    assert d.estimate == -10 + 3
    assert d.se == pytest.approx(math.sqrt(70 + 15 + 18 + 20))


def test_poisson_z_reference() -> None:
    assert tc.poisson_z(16, 25) == 2.0


# -- against statsmodels


def _statsmodels(count1: int, exposure1: float, count2: int, exposure2: float, method: str) -> Any:
    with warnings.catch_warnings():  # statsmodels divides by a zero count in its own code
        warnings.simplefilter("ignore", RuntimeWarning)
        return sm_test_poisson_2indep(count1, exposure1, count2, exposure2, method=method)


CASES = [
    (112, 58, 366, 365),
    (16, 25, 1, 1),
    (0, 7, 1, 1),
    (9, 0, 2, 3),
    (4, 3, 20, 100),
    (250, 310, 1, 1.5),
]


@pytest.mark.parametrize(("before", "after", "e1", "e2"), CASES)
def test_minlike_test_agrees_with_statsmodels(
    before: int, after: int, e1: float, e2: float
) -> None:
    # statsmodels' "exact-cond" (like R's poisson.test) takes the minimum-likelihood
    # two-sided p-value; trendcalc's default "exact" is the central one (issue 10, item 9)
    ours = tc.compare_counts(before, after, exposure_before=e1, exposure_after=e2, method="minlike")
    theirs = _statsmodels(after, e2, before, e1, "exact-cond")
    assert ours.p_value == pytest.approx(theirs.pvalue, rel=1e-9)


@pytest.mark.parametrize(("before", "after", "e1", "e2"), CASES)
def test_score_test_agrees_with_statsmodels(before: int, after: int, e1: float, e2: float) -> None:
    ours = tc.compare_counts(before, after, exposure_before=e1, exposure_after=e2, method="score")
    theirs = _statsmodels(after, e2, before, e1, "score")
    assert ours.statistic == pytest.approx(theirs.statistic, rel=1e-9)
    assert ours.p_value == pytest.approx(theirs.pvalue, rel=1e-9)


@pytest.mark.parametrize(("before", "after", "e1", "e2"), CASES)
@pytest.mark.parametrize(("method", "theirs"), [("exact", "beta"), ("score", "wilson")])
def test_ratio_intervals_agree_with_statsmodels_proportion_intervals(
    before: int, after: int, e1: float, e2: float, method: str, theirs: str
) -> None:
    c = tc.compare_counts(before, after, exposure_before=e1, exposure_after=e2, method=method)  # type: ignore[arg-type]
    p_lo, p_hi = proportion_confint(after, before + after, alpha=0.05, method=theirs)
    expected_lower = p_lo / (1 - p_lo) * e1 / e2
    assert c.lower == pytest.approx(expected_lower, rel=1e-9, abs=1e-12)
    if p_hi >= 1 - 1e-15:
        assert c.upper is None
    else:
        assert c.upper == pytest.approx(p_hi / (1 - p_hi) * e1 / e2, rel=1e-9)


# -- zeros, large counts, tiny exposures


def test_both_zero_is_no_evidence_of_change() -> None:
    for method in ("exact", "etest", "score"):
        c = tc.compare_counts(0, 0, method=method)  # type: ignore[arg-type]
        assert c.p_value == 1.0
        assert c.rate_ratio is None
        assert c.lower is None
        assert c.upper is None
        assert c.describe() == "no offences in either period: there is no change to test"


def test_from_zero_has_no_ratio_and_no_upper_limit() -> None:
    c = tc.compare_counts(0, 9)
    assert c.rate_ratio is None
    assert c.upper is None
    assert c.lower is not None
    assert c.lower > 0
    assert c.p_value < 0.01
    assert c.describe().startswith("up from 0 to 9")


def test_to_zero_has_a_ratio_of_zero() -> None:
    c = tc.compare_counts(9, 0)
    assert c.rate_ratio == 0
    assert c.lower == 0
    assert c.upper is not None


def test_millions_of_offences_are_fast_and_finite() -> None:
    for method in ("exact", "etest", "score"):
        c = tc.compare_counts(3_000_000, 3_004_000, method=method)  # type: ignore[arg-type]
        assert 0 < c.p_value < 1
        assert c.lower is not None
        assert c.upper is not None
        assert c.lower < c.rate_ratio < c.upper  # type: ignore[operator]
    assert "normal approximation" in tc.compare_counts(3_000_000, 3_004_000, method="etest").note


def test_etest_and_its_approximation_agree_at_the_switch() -> None:
    below = tc.compare_counts(49_500, 50_400, method="etest")
    assert below.note == ""
    assert below.p_value == pytest.approx(
        tc.compare_counts(49_500, 50_400, method="score").p_value, rel=2e-3
    )


def test_tiny_exposures() -> None:
    c = tc.compare_counts(3, 9, exposure_before=1e-9, exposure_after=1e-9)
    assert c.rate_ratio == pytest.approx(3.0)
    ci = tc.poisson_interval(3, exposure=1e-9)
    assert math.isfinite(ci.upper)


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: tc.compare_counts(-1, 3), "before must be a non-negative integer"),
        (lambda: tc.compare_counts(1, 3, exposure_before=0), "exposure_before must be positive"),
        (lambda: tc.compare_counts(1, 3, level=1.5), "level must be between 0 and 1"),
        (
            lambda: tc.compare_counts(1, 3, method="z"),
            "method must be one of 'exact', 'etest', 'score'",
        ),
        (lambda: tc.compare_counts(1, 3, alternative="greater"), "alternative must be one of"),
        (lambda: tc.poisson_interval(3, exposure=-2), "exposure must be positive"),
        (lambda: tc.poisson_interval(3, method="wald"), "method must be one of 'exact', 'score'"),
        (lambda: tc.wdd((1, 2), (3,)), r"control must be a pair of counts"),
        (lambda: tc.wdd((1, 2), (3, 4), displacement=(1, 1)), "give both or neither"),
        (lambda: tc.poisson_z(1.5, 2), "before must be an integer"),
    ],
)
def test_bad_input_is_refused(call: object, message: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        call()  # type: ignore[operator]


# -- properties


@given(
    before=st.integers(0, 500),
    after=st.integers(0, 500),
    e1=st.sampled_from([1, 2, 365, 366]),
    e2=st.sampled_from([1, 3, 365, 366]),
    method=st.sampled_from(["exact", "score", "etest"]),
)
def test_p_values_are_probabilities_and_intervals_hold_the_ratio(
    before: int, after: int, e1: int, e2: int, method: str
) -> None:
    c = tc.compare_counts(before, after, exposure_before=e1, exposure_after=e2, method=method)  # type: ignore[arg-type]
    assert 0 <= c.p_value <= 1
    if c.rate_ratio is not None:
        assert c.lower is not None
        assert c.lower <= c.rate_ratio * (1 + 1e-12)
        assert c.upper is None or c.rate_ratio <= c.upper * (1 + 1e-12)


@given(
    before=st.integers(0, 300),
    after=st.integers(0, 300),
    method=st.sampled_from(["exact", "score"]),
)
def test_swapping_the_periods_keeps_the_two_sided_p_value(
    before: int, after: int, method: str
) -> None:
    forward = tc.compare_counts(before, after, method=method)  # type: ignore[arg-type]
    backward = tc.compare_counts(after, before, method=method)  # type: ignore[arg-type]
    assert forward.p_value == pytest.approx(backward.p_value, rel=1e-9)


def test_one_sided_alternatives() -> None:
    rise = tc.compare_counts(16, 25, alternative="larger")
    fall = tc.compare_counts(16, 25, alternative="smaller")
    assert rise.p_value < 0.5 < fall.p_value


def test_rates_and_series_offer_the_same_intervals_and_comparisons() -> None:
    r = tc.daily_rate(3903, "2016/17")
    assert r.interval() == tc.poisson_interval(3903, exposure=365)
    p = tc.population_rate(58, 751_200)
    ci = p.interval(method="score")
    assert ci.estimate == pytest.approx(float(p.value))
    s = tc.CountSeries.from_mapping({"2015/16": 112, "2016/17": 58})
    assert s.compare() == tc.compare_counts(112, 58, exposure_before=366, exposure_after=365)


def test_describe_sentences() -> None:
    assert tc.compare_counts(112, 58).describe() == (
        "down 48% (from 112 to 58); a fall this large is very unlikely to be chance, p < 0.001"
    )
    assert tc.compare_counts(16, 25).describe().endswith("could well be chance, p = 0.21")
    assert (
        tc.compare_counts(100, 130).describe().endswith("is unlikely to be chance, p = 0.069")
        is False
    )


# -- issue 10: exposures enter only through their exact ratio (item 8)


def _exact(value: object) -> Fraction:
    """An exposure as trendcalc reads it: a float is the decimal its repr spells."""
    return value if isinstance(value, Fraction) else Fraction(str(value))


def _same_result(one: tc.Comparison, other: tc.Comparison) -> bool:
    """Equal in everything but the exposures themselves."""
    fields = ("before", "after", "method", "alternative", "level", "rate_ratio", "lower")
    more = ("upper", "p_value", "statistic", "note", "direction")
    return all(getattr(one, f) == getattr(other, f) for f in fields + more)


@pytest.mark.parametrize("method", ["exact", "etest", "score", "minlike"])
@pytest.mark.parametrize("exposure", [1e308, 1e200, 1e-200, 1e-300, "1e-307", Fraction(1, 10**300)])
def test_huge_and_tiny_equal_exposures_change_nothing(method: str, exposure: object) -> None:
    scaled = tc.compare_counts(
        5, 6, exposure_before=exposure, exposure_after=exposure, method=method
    )  # type: ignore[arg-type]
    plain = tc.compare_counts(5, 6, method=method)  # type: ignore[arg-type]
    assert _same_result(scaled, plain)


def test_score_p_value_with_exposures_of_1e308_is_the_textbook_one() -> None:
    # issue 10 item 8: 0.0 was reported; z = (6 - 5) / sqrt(11), p = erfc(|z| / sqrt 2)
    c = tc.compare_counts(5, 6, exposure_before=1e308, exposure_after=1e308, method="score")
    assert c.statistic == pytest.approx(1 / math.sqrt(11), rel=1e-14)
    assert c.p_value == pytest.approx(math.erfc(1 / math.sqrt(22)), rel=1e-12)
    assert round(c.p_value, 3) == 0.763
    e200 = tc.compare_counts(5, 6, exposure_before=1e200, exposure_after=1e200, method="score")
    assert e200.p_value == c.p_value


def test_unequal_huge_exposures_use_their_exact_ratio() -> None:
    # 1e300 and 2e300 days: the later share under equal rates is exactly 2/3
    c = tc.compare_counts(3, 9, exposure_before=1e300, exposure_after=2e300)
    n, q = 12, Fraction(2, 3)
    below = sum(math.comb(n, j) * q**j * (1 - q) ** (n - j) for j in range(10))
    above = sum(math.comb(n, j) * q**j * (1 - q) ** (n - j) for j in range(9, n + 1))
    assert c.p_value == pytest.approx(float(min(1, 2 * min(below, above))), rel=1e-12)
    assert c.rate_ratio == pytest.approx(1.5, rel=1e-15)


@given(
    before=st_.stats_counts,
    after=st_.stats_counts,
    exposure=st_.stats_exposures,
    ratio=st.sampled_from(
        [Fraction(1), Fraction(365, 366), Fraction(3), Fraction(1, 1000), Fraction(7, 2)]
    ),
    scale=st_.stats_scales,
    method=st_.stats_methods,
)
@settings(max_examples=60)
def test_scaling_both_exposures_changes_nothing(
    before: int, after: int, exposure: object, ratio: Fraction, scale: Fraction, method: str
) -> None:
    e1 = _exact(exposure)
    e2 = e1 * ratio
    assume(all(MIN_EXPOSURE <= e * scale <= MAX_EXPOSURE for e in (e1, e2)))
    assume(MIN_EXPOSURE <= e2 <= MAX_EXPOSURE)
    plain = tc.compare_counts(
        before, after, exposure_before=exposure, exposure_after=e2, method=method
    )  # type: ignore[arg-type]
    scaled = tc.compare_counts(
        before,
        after,
        exposure_before=e1 * scale,
        exposure_after=e2 * scale,
        method=method,  # type: ignore[arg-type]
    )
    assert _same_result(plain, scaled)


# -- issue 10 item 9: the p-value and the interval agree


def _excludes_one(c: tc.Comparison) -> bool:
    return (c.lower is not None and c.lower > 1) or (c.upper is not None and c.upper < 1)


def _check_agreement(c: tc.Comparison) -> None:
    alpha = 1 - c.level
    if abs(c.p_value - alpha) > 1e-9:  # exactly on the boundary neither answer is wrong
        assert (c.p_value < alpha) == _excludes_one(c), c


GRID_EXPOSURES = [(1, 1), (366, 365), (1, 3), (Fraction(7, 3), Fraction(1, 2)), (100, 1)]


@pytest.mark.parametrize("method", ["exact", "score", "minlike"])
@pytest.mark.parametrize(("e1", "e2"), GRID_EXPOSURES)
def test_p_below_alpha_iff_interval_excludes_one_over_a_grid(
    method: str, e1: object, e2: object
) -> None:
    for before in range(0, 16):
        for after in range(0, 16):
            if before + after == 0:
                continue
            for level in (0.95,) if method == "minlike" else (0.9, 0.95, 0.99):  # minlike is slower
                _check_agreement(
                    tc.compare_counts(
                        before,
                        after,
                        exposure_before=e1,
                        exposure_after=e2,
                        method=method,
                        level=level,
                    )  # type: ignore[arg-type]
                )


@given(
    before=st.integers(0, 400),
    after=st.integers(0, 400),
    e1=st_.stats_exposures,
    ratio=st.fractions(min_value=Fraction(1, 50), max_value=50).filter(lambda f: f > 0),
    method=st.sampled_from(["exact", "score", "minlike"]),
    level=st_.stats_levels,
)
@settings(max_examples=80)
def test_p_below_alpha_iff_interval_excludes_one(
    before: int, after: int, e1: object, ratio: Fraction, method: str, level: float
) -> None:
    assume(before + after > 0)
    e2 = _exact(e1) * ratio
    assume(MIN_EXPOSURE <= e2 <= MAX_EXPOSURE)
    c = tc.compare_counts(
        before, after, exposure_before=e1, exposure_after=e2, method=method, level=level
    )  # type: ignore[arg-type]
    _check_agreement(c)


def test_issue_example_no_longer_contradicts_itself() -> None:
    # 0 offences in 2015/16 (366 days), 5 in 2016/17 (365 days): the later share under
    # equal rates is 365/731, and the central p-value is twice P(X = 5)
    s = tc.CountSeries.from_mapping({"2015/16": 0, "2016/17": 5})
    c = s.compare()
    share = Fraction(365, 731)
    assert c.p_value == pytest.approx(float(2 * share**5), rel=1e-12)
    assert c.p_value > 0.05
    assert c.lower is not None
    assert c.lower < 1
    assert c.upper is None
    assert c.describe().endswith("a rise this large could well be chance, p = 0.062")
    # the minimum-likelihood test, by name: P(X = 5) alone (0 is the likelier outcome)
    m = s.compare(method="minlike")
    assert m.p_value == pytest.approx(float(share**5), rel=1e-9)
    assert m.lower is not None
    assert m.lower > 1
    assert m.describe().endswith("a rise this large is unlikely to be chance, p = 0.031")


@pytest.mark.parametrize(("before", "after", "e1", "e2"), CASES)
def test_central_exact_p_value_against_exact_binomial_sums(
    before: int, after: int, e1: float, e2: float
) -> None:
    c = tc.compare_counts(before, after, exposure_before=e1, exposure_after=e2)
    n, q = before + after, _exact(e2) / (_exact(e1) + _exact(e2))
    pmf = [math.comb(n, j) * q**j * (1 - q) ** (n - j) for j in range(n + 1)]
    below, above = sum(pmf[: after + 1]), sum(pmf[after:])
    assert c.p_value == pytest.approx(float(min(1, 2 * min(below, above))), rel=1e-10)
    assert tc.compare_counts(
        before, after, exposure_before=e1, exposure_after=e2, alternative="larger"
    ).p_value == pytest.approx(float(above), rel=1e-10)
    assert tc.compare_counts(
        before, after, exposure_before=e1, exposure_after=e2, alternative="smaller"
    ).p_value == pytest.approx(float(below), rel=1e-10)


@pytest.mark.parametrize(
    ("before", "after", "e1", "e2"),
    [(3, 17, 1, 1), (17, 3, 1, 1), (10, 12, 1, 1), (4, 9, 2, 3), (30, 12, 366, 365)],
)
def test_minlike_interval_agrees_with_statsmodels_inversion_of_binom_test(
    before: int, after: int, e1: float, e2: float
) -> None:
    c = tc.compare_counts(before, after, exposure_before=e1, exposure_after=e2, method="minlike")
    p_lo, p_hi = proportion_confint(after, before + after, alpha=0.05, method="binom_test")
    assert c.lower == pytest.approx(p_lo / (1 - p_lo) * e1 / e2, rel=1e-6)
    assert c.upper == pytest.approx(p_hi / (1 - p_hi) * e1 / e2, rel=1e-6)


def test_minlike_interval_from_all_one_side() -> None:
    # 5 of 5: the test stops rejecting once 0 becomes no more likely than 5 (share 1/2,
    # within scipy's tolerance of 1e-7), so the lower end of the ratio is 1
    c = tc.compare_counts(0, 5, method="minlike")
    assert c.lower == pytest.approx(1, rel=1e-7)
    assert c.upper is None
    assert c.p_value == pytest.approx(1 / 16, rel=1e-12)


@given(
    before=st.integers(0, 200),
    after=st.integers(0, 200),
    method=st_.stats_methods,
    e1=st.sampled_from([1, 366, Fraction(1, 3)]),
    e2=st.sampled_from([1, 365, 7]),
)
@settings(max_examples=60)
def test_swapping_periods_inverts_the_interval(
    before: int, after: int, method: str, e1: object, e2: object
) -> None:
    forward = tc.compare_counts(before, after, exposure_before=e1, exposure_after=e2, method=method)  # type: ignore[arg-type]
    backward = tc.compare_counts(
        after, before, exposure_before=e2, exposure_after=e1, method=method
    )  # type: ignore[arg-type]
    assert forward.p_value == pytest.approx(backward.p_value, rel=1e-9, abs=1e-300)
    if before and after:
        assert forward.lower == pytest.approx(1 / backward.upper, rel=1e-9)  # type: ignore[operator]
        assert forward.upper == pytest.approx(1 / backward.lower, rel=1e-9)  # type: ignore[operator]


@given(
    before=st.integers(0, 10**6),
    after=st.integers(0, 10**6),
    method=st_.stats_methods,
    alternative=st.sampled_from(["two-sided", "larger", "smaller"]),
    e1=st_.stats_exposures,
)
@settings(max_examples=60)
def test_p_values_are_probabilities_for_all_methods(
    before: int, after: int, method: str, alternative: str, e1: object
) -> None:
    assume(method != "minlike" or before + after <= 100_000)
    e2 = _exact(e1) * 366
    assume(e2 <= MAX_EXPOSURE)
    c = tc.compare_counts(
        before, after, exposure_before=e1, exposure_after=e2, method=method, alternative=alternative
    )  # type: ignore[arg-type]
    assert 0 <= c.p_value <= 1


def test_etest_notes_when_its_p_value_and_the_exact_interval_disagree() -> None:
    c = tc.compare_counts(0, 5, exposure_before=366, exposure_after=365, method="etest")
    assert c.p_value < 0.05
    assert c.lower is not None
    assert c.lower < 1
    assert "exact interval includes 1: the E-test is more powerful" in c.note
    assert tc.compare_counts(112, 58, method="etest").note == ""
    weak = tc.compare_counts(4, 3, exposure_before=20, exposure_after=100, method="etest")
    assert weak.p_value > 0.05
    assert weak.upper is not None
    assert weak.upper < 1
    assert "exact interval excludes 1: the E-test is weak when the exposures" in weak.note


# -- issue 10 item 10: equal counts are neither a rise nor a fall


@pytest.mark.parametrize("method", ["exact", "etest", "score", "minlike"])
def test_equal_rates_are_no_change(method: str) -> None:
    c = tc.compare_counts(50, 50, method=method)  # type: ignore[arg-type]
    assert c.direction == "none"
    assert c.p_value == pytest.approx(1.0)
    assert c.describe() == "unchanged at 50; there is no change to test"
    same_rate = tc.compare_counts(
        2, 4, exposure_before=Fraction(1, 3), exposure_after=Fraction(2, 3), method=method
    )  # type: ignore[arg-type]
    assert same_rate.direction == "none"
    assert same_rate.describe().endswith("; there is no change to test")
    assert "fall" not in same_rate.describe()
    assert "rise" not in same_rate.describe()


def test_rise_and_fall_are_decided_exactly() -> None:
    assert tc.compare_counts(365, 366, exposure_before=365, exposure_after=366).direction == "none"
    assert tc.compare_counts(365, 367, exposure_before=365, exposure_after=366).direction == "rise"
    assert tc.compare_counts(365, 365, exposure_before=365, exposure_after=366).direction == "fall"


# -- issue 10: huge, tiny and hostile input gives a TrendcalcError or a correct result


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: tc.poisson_interval(2**63),
            r"count must be at most 9,223,372,036,854,775,807 \(MAX_COUNT",
        ),
        (lambda: tc.compare_counts(2**63, 5), "before must be at most"),
        (
            lambda: tc.compare_counts(5, -(10**5000)),
            "after must be a non-negative integer .got an integer of about 5,001 digits",
        ),
        (lambda: tc.poisson_z(10**400, 1), "before must be at most"),
        (lambda: tc.poisson_test(2**63, 1), "count must be at most"),
        (lambda: tc.wdd((10**400, 1), (1, 1)), r"treated\[0\] must be at most"),
        (lambda: tc.wdd((1, 1), (1, True)), r"control\[1\] must be an integer, not a bool"),
        (lambda: tc.wdd((1, 1), (1, 1), level=float("nan")), "level must be between 0 and 1"),
        (lambda: tc.wdd((1, 1), (1, 1), level=True), "level must be a number"),
        (
            lambda: tc.poisson_interval(5, exposure="1e400"),
            "exposure is too long: written out it needs more than 400 digits",
        ),
        (
            lambda: tc.poisson_interval(5, exposure=Fraction(1, 10**400)),
            "exposure is too long: it has about 401 digits",
        ),
        (
            lambda: tc.poisson_interval(5, exposure=Decimal("1e-999999999")),
            "MIN_EXPOSURE to MAX_EXPOSURE",
        ),
        (lambda: tc.poisson_interval(5, exposure=10**5000), "exposure is too long: it has about 5,001 digits"),
        (lambda: tc.poisson_interval(5, exposure=float("inf")), "exposure must be a finite number"),
        (
            lambda: tc.poisson_interval(5, exposure=Decimal("NaN")),
            "exposure must be a finite number",
        ),
        (
            lambda: tc.poisson_interval(5, exposure=np.True_),
            "exposure must be a positive number, not a bool",
        ),
        (
            lambda: tc.poisson_interval(10**18, exposure=1e-300),
            "per unit of exposure .* beyond the range of floats",
        ),
        (
            lambda: tc.poisson_interval(5, exposure=1e300, level=0.5).describe(10**9),
            "places must be from",
        ),
        (lambda: tc.poisson_test(5, 1e-320), "rate must be from"),
        (lambda: tc.poisson_test(5, True), "rate must be a positive number, not a bool"),
        (lambda: tc.poisson_test(5, 1, alternative=None), "alternative must be one of"),
        (
            lambda: tc.compare_counts(5, 6, exposure_before=1, exposure_after=1e101),
            "MAX_EXPOSURE_RATIO",
        ),
        (
            lambda: tc.compare_counts(5, 6, exposure_before=1e-200, exposure_after=1e-99),
            "MAX_EXPOSURE_RATIO",
        ),
        (
            lambda: tc.compare_counts(10**12, 1),
            "method 'exact' takes at most 1,000,000,000,000 offences in all .MAX_EXACT_TOTAL",
        ),
        (lambda: tc.compare_counts(10**12, 1, method="etest"), "MAX_EXACT_TOTAL"),
        (lambda: tc.compare_counts(50_000, 50_001, method="minlike"), "MAX_MINLIKE_TOTAL"),
        (lambda: tc.compare_counts(1, 1, level="0.9"), "level must be a number"),
        (
            lambda: tc.compare_counts(1, 1, level=Fraction(1, 10**400)),
            "level must be between 0 and 1",
        ),
        (lambda: tc.compare_counts(1, 1, method=["exact"]), "method must be one of"),
    ],
)
def test_hostile_input_is_refused_with_a_message(call: object, message: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        call()  # type: ignore[operator]


def test_the_limits_are_the_ones_in_limits() -> None:
    assert sys.float_info.min == MIN_EXPOSURE
    assert sys.float_info.max == MAX_EXPOSURE
    assert MAX_EXPOSURE_RATIO == 10**100
    assert MAX_EXACT_TOTAL == 10**12
    assert MAX_MINLIKE_TOTAL == 100_000
    # at the limits themselves, results are computed
    assert tc.compare_counts(
        1, 2, exposure_before=1, exposure_after=10**100
    ).rate_ratio == pytest.approx(2e-100)
    assert (
        tc.compare_counts(
            1, 2, exposure_before=MIN_EXPOSURE, exposure_after=MIN_EXPOSURE
        ).rate_ratio
        == 2.0
    )
    assert 0 < tc.compare_counts(50_000, 50_000, method="minlike").lower < 1  # type: ignore[operator]


def test_tiny_exposures_of_1e_200() -> None:
    ci = tc.poisson_interval(5, exposure=1e-200)
    plain = tc.poisson_interval(5)
    assert ci.lower == pytest.approx(plain.lower * 1e200, rel=1e-14)
    assert ci.upper == pytest.approx(plain.upper * 1e200, rel=1e-14)
    assert ci.estimate == 5e200
    c = tc.compare_counts(3, 9, exposure_before=1e-200, exposure_after=1e-200)
    assert _same_result(c, tc.compare_counts(3, 9))


def test_the_largest_count_has_a_correct_interval() -> None:
    # far out, the exact (Garwood) interval is the normal one to about 1e-9
    n = MAX_COUNT
    for method in ("exact", "score"):
        ci = tc.poisson_interval(n, method=method)  # type: ignore[arg-type]
        half = 1.959963984540054 * math.sqrt(n)
        assert ci.lower == pytest.approx(n - half, rel=1e-9)
        assert ci.upper == pytest.approx(n + half, rel=1e-9)
    assert tc.poisson_test(n, n).p_value == pytest.approx(1.0, abs=1e-6)


def test_huge_counts_with_the_score_method_against_a_decimal_oracle() -> None:
    before, after = 2**62, 2**62 + 2**33
    c = tc.compare_counts(before, after, method="score")
    with localcontext(prec=50):
        z = Decimal(after - before) / Decimal(before + after).sqrt()
    assert c.statistic == pytest.approx(float(z), rel=1e-12)
    assert c.p_value == pytest.approx(math.erfc(float(z) / math.sqrt(2)), rel=1e-9)
    assert c.rate_ratio == pytest.approx(float(Fraction(after, before)), rel=1e-15)
    assert c.lower < c.rate_ratio < c.upper  # type: ignore[operator]


def test_exact_test_at_its_limit_is_close_to_the_normal_one() -> None:
    before, after = 5 * 10**11 - 10**6, 5 * 10**11  # about 1.4 standard errors apart
    exact = tc.compare_counts(before, after)
    score = tc.compare_counts(before, after, method="score")
    assert exact.p_value == pytest.approx(score.p_value, rel=1e-3)
    assert exact.lower == pytest.approx(score.lower, rel=1e-9)
    assert exact.upper == pytest.approx(score.upper, rel=1e-9)


def test_poisson_z_without_cancellation() -> None:
    assert tc.poisson_z(MAX_COUNT - 1, MAX_COUNT) == pytest.approx(
        1 / math.sqrt(MAX_COUNT), rel=1e-12
    )
    assert tc.poisson_z(7, 7) == 0.0
    assert tc.poisson_z(0, 9) == 6.0


def test_poisson_test_with_means_beyond_floats() -> None:
    # expected count 1e600: nothing as small as 5 is plausible
    assert tc.poisson_test(5, 1e300, exposure=1e300).p_value == 0.0
    assert tc.poisson_test(5, 1e300, exposure=1e300, alternative="smaller").p_value == 0.0
    assert tc.poisson_test(5, 1e300, exposure=1e300, alternative="larger").p_value == 1.0
    # expected count 1e-600: a count of 0 fits, a count of 1 does not
    assert tc.poisson_test(0, 1e-300, exposure=1e-300).p_value == 1.0
    assert tc.poisson_test(1, 1e-300, exposure=1e-300, alternative="larger").p_value == 0.0


@given(
    value=st.one_of(
        st.none(),
        st.booleans(),
        st.floats(),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.text(max_size=20),
        st.decimals(),
        st.fractions(),
        st.just(np.float32(2.5)),
        st.just(np.int64(-3)),
        st.just(np.uint64(2**64 - 1)),
    )
)
@settings(max_examples=200)
def test_every_stats_function_raises_only_trendcalc_errors(value: object) -> None:
    calls = [
        lambda: tc.compare_counts(value, 3),  # type: ignore[arg-type]
        lambda: tc.compare_counts(3, 4, exposure_after=value, method="score"),  # type: ignore[arg-type]
        lambda: tc.compare_counts(3, 4, exposure_before=value),  # type: ignore[arg-type]
        lambda: tc.compare_counts(3, 4, level=value),  # type: ignore[arg-type]
        lambda: tc.poisson_interval(value),  # type: ignore[arg-type]
        lambda: tc.poisson_interval(3, exposure=value),  # type: ignore[arg-type]
        lambda: tc.poisson_test(3, value),  # type: ignore[arg-type]
        lambda: tc.poisson_test(3, 1, exposure=value),  # type: ignore[arg-type]
        lambda: tc.poisson_z(value, 3),  # type: ignore[arg-type]
        lambda: tc.wdd((value, 1), (1, 1)),  # type: ignore[arg-type]
        lambda: tc.wdd((1, 1), (1, 1), level=value),  # type: ignore[arg-type]
    ]
    for call in calls:
        try:
            result = call()
        except tc.TrendcalcError:
            continue
        for name in ("p_value", "lower", "upper", "estimate"):
            got = getattr(result, name, None)
            assert got is None or math.isfinite(got)


# -- the R and statsmodels equivalents the docs name


@pytest.mark.parametrize(("before", "after", "e1", "e2"), CASES)
def test_exact_is_twice_the_smaller_of_statsmodels_one_sided_binom_tests(
    before: int, after: int, e1: float, e2: float
) -> None:
    share = e2 / (e1 + e2)
    larger = sm_binom_test(after, before + after, prop=share, alternative="larger")
    smaller = sm_binom_test(after, before + after, prop=share, alternative="smaller")
    c = tc.compare_counts(before, after, exposure_before=e1, exposure_after=e2)
    assert c.p_value == pytest.approx(min(1.0, 2 * min(larger, smaller)), rel=1e-9)


@pytest.mark.parametrize(("before", "after", "e1", "e2"), CASES)
def test_etest_agrees_with_statsmodels_wald_etest(
    before: int, after: int, e1: float, e2: float
) -> None:
    c = tc.compare_counts(before, after, exposure_before=e1, exposure_after=e2, method="etest")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        theirs = sm_etest(after, e2, before, e1, method="wald")
    assert c.p_value == pytest.approx(theirs[1], rel=1e-4)


def _etest_oracle(k1: int, n1: Fraction, k2: int, n2: Fraction, alternative: str) -> float:
    """The E-test summed over scipy's whole grid, each outcome compared in exact arithmetic."""
    pooled = (k1 + k2) / (n1 + n2)
    m1, m2 = float(n1 * pooled), float(n2 * pooled)
    lo1, hi1 = scipy_stats.poisson.ppf([1e-10, 1 - 1e-16], m1)
    lo2, hi2 = scipy_stats.poisson.ppf([1e-10, 1 - 1e-16], m2)

    def squared_and_sign(x1: int, x2: int) -> tuple[Fraction, int]:
        top = x1 / n1 - x2 / n2
        return top * top / (x1 / n1**2 + x2 / n2**2), (top > 0) - (top < 0)

    t0, s0 = squared_and_sign(k1, k2)
    pmf1 = {
        x: float(p)
        for x, p in zip(
            range(int(lo1), int(hi1) + 1),
            scipy_stats.poisson.pmf(np.arange(lo1, hi1 + 1), m1),
            strict=True,
        )
    }
    pmf2 = {
        x: float(p)
        for x, p in zip(
            range(int(lo2), int(hi2) + 1),
            scipy_stats.poisson.pmf(np.arange(lo2, hi2 + 1), m2),
            strict=True,
        )
    }
    total = 0.0
    for x1 in pmf1:
        for x2 in pmf2:
            if x1 == x2 == 0:
                continue
            t, s = squared_and_sign(x1, x2)
            if alternative == "two-sided":
                extreme = t >= t0
            else:  # "greater": T >= T0
                signed, signed0 = s * t, s0 * t0  # T |T| is increasing in T
                extreme = signed >= signed0 if alternative == "greater" else signed <= signed0
            if extreme:
                total += pmf1[x1] * pmf2[x2]
    return total


@given(
    before=st.integers(0, 25),
    after=st.integers(0, 25),
    e1=st.sampled_from([Fraction(1), Fraction(2), Fraction(366), Fraction(1, 4), Fraction(100)]),
    e2=st.sampled_from([Fraction(1), Fraction(3), Fraction(365), Fraction(1, 2), Fraction(20)]),
    scale=st.sampled_from([Fraction(1), Fraction(1, 365), Fraction(10**50)]),
    alternative=st.sampled_from(["two-sided", "larger", "smaller"]),
)
@settings(max_examples=40)
def test_etest_equals_an_exact_sum_over_scipys_grid(
    before: int, after: int, e1: Fraction, e2: Fraction, scale: Fraction, alternative: str
) -> None:
    # trendcalc finds where the statistic crosses the observed value on scipy's grid
    # instead of summing the whole grid (seconds at 100,000 offences), and decides exact
    # ties exactly, so that scaling both exposures changes nothing
    assume(before + after > 0)
    c = tc.compare_counts(
        before,
        after,
        exposure_before=e1 * scale,
        exposure_after=e2 * scale,
        method="etest",
        alternative=alternative,
    )  # type: ignore[arg-type]
    scipy_alternative = {"two-sided": "two-sided", "larger": "greater", "smaller": "less"}[
        alternative
    ]
    assert c.p_value == pytest.approx(
        min(1.0, _etest_oracle(after, e2, before, e1, scipy_alternative)), rel=1e-9, abs=1e-9
    )


@pytest.mark.parametrize(
    ("before", "after", "e1", "e2"), [*CASES, (135, 392, 100, 365), (40, 60, 3, 7)]
)
def test_etest_statistic_and_p_value_match_scipy_away_from_ties(
    before: int, after: int, e1: float, e2: float
) -> None:
    c = tc.compare_counts(before, after, exposure_before=e1, exposure_after=e2, method="etest")
    theirs = scipy_stats.poisson_means_test(after, e2, before, e1)
    assert c.statistic == pytest.approx(float(theirs.statistic), rel=1e-12)
    # scipy rounds ties either way; its sum here is over the raw exposures
    assert c.p_value == pytest.approx(float(theirs.pvalue), rel=2e-3)


def test_etest_at_100000_offences_is_quick_enough_to_use() -> None:
    # symmetric counts: the statistic is 0 and every outcome is as extreme
    c = tc.compare_counts(50_000, 50_000, method="etest")
    assert c.note == ""
    assert c.p_value == pytest.approx(1.0, abs=1e-9)


@given(
    before=st.integers(0, 40), after=st.integers(0, 40), level=st.sampled_from([0.9, 0.95, 0.99])
)
@settings(max_examples=40)
def test_minlike_interval_is_the_hull_of_the_ratios_scipys_binomtest_does_not_reject(
    before: int, after: int, level: float
) -> None:
    assume(before + after > 0)
    n, alpha = before + after, 1 - level
    c = tc.compare_counts(before, after, method="minlike", level=level)

    def p_at(odds: float) -> float:  # with equal exposures the ratio is the odds of the share
        return float(scipy_stats.binomtest(after, n, odds / (1 + odds)).pvalue)

    # just inside each end the test does not reject; just outside it does
    if after > 0:
        assert c.lower is not None
        assert p_at(c.lower * (1 + 1e-7)) > alpha
        assert p_at(c.lower * (1 - 1e-7)) <= alpha
    else:
        assert c.lower == 0
    if before > 0:
        assert c.upper is not None
        assert p_at(c.upper * (1 - 1e-7)) > alpha
        assert p_at(c.upper * (1 + 1e-7)) <= alpha
    else:
        assert c.upper is None
    # and every ratio on a grid that the test does not reject lies inside
    for odds in np.geomspace(1e-3, 1e3, 61):
        if p_at(float(odds)) > alpha:
            assert c.lower <= odds  # type: ignore[operator]
            assert c.upper is None or odds <= c.upper
