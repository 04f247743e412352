"""Poisson comparisons and intervals, checked against published reference values.

References: ../shared/reference/poisson.md (scipy, statsmodels and ptools documentation
and tests, Wheeler's blog) and statsmodels itself, an implementation trendcalc does not
use, as an oracle.
"""

from __future__ import annotations

import math
import warnings
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from statsmodels.stats.proportion import proportion_confint
from statsmodels.stats.rates import test_poisson_2indep as sm_test_poisson_2indep

import trendcalc as tc

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
