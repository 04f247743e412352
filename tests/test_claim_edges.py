"""Claim checks at their edges: zero gaps and rates, huge rounded counts, implied counts."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from tests.strategies import intervals, small_ranges
from trendcalc._claims.inputs import ratio_hits


def _inside(x: Fraction, target: tc.Interval) -> bool:
    if target.lower is not None and (
        x < target.lower or (x == target.lower and not target.lower_closed)
    ):
        return False
    return target.upper is None or x < target.upper or (x == target.upper and target.upper_closed)


def _brute_ratio_hits(num: range, den: range, target: tc.Interval) -> bool:
    return any(_inside(Fraction(a, b), target) for b in den if b > 0 for a in num)


@given(small_ranges(), small_ranges(), intervals())
def test_ratio_hits_agrees_with_trying_every_pair(
    num: range, den: range, target: tc.Interval
) -> None:
    assert ratio_hits(num, den, target) is _brute_ratio_hits(num, den, target)


@given(st.integers(1, 10**30), st.integers(1, 10**30), intervals())
def test_ratio_hits_on_huge_ranges_agrees_with_a_witness_or_the_hull(
    start: int, length: int, target: tc.Interval
) -> None:
    # a pair of range ends is a witness that it holds; the hull of all ratios bounds it
    num = range(start, start + length)
    den = range(length, length + start)
    hits = ratio_hits(num, den, target)
    ends = [Fraction(a, b) for a in (num.start, num[-1]) for b in (den.start, den[-1])]
    if any(_inside(x, target) for x in ends):
        assert hits
    low, high = min(ends), max(ends)  # every ratio lies from low to high, both reached
    below = target.upper is not None and (
        target.upper < low or (target.upper == low and not target.upper_closed)
    )
    above = target.lower is not None and (
        target.lower > high or (target.lower == high and not target.lower_closed)
    )
    if below or above:
        assert not hits


def test_a_halving_claim_on_billions_is_checked_without_a_loop() -> None:
    # 10**8 possible earlier counts: a loop over them took minutes
    verdict = tc.check_ratio("6.7 billion", 3_712_499_450, "halved")
    assert verdict.consistent  # 3,712,499,450 / 6,749,999,999 is just under 0.55
    assert not tc.check_ratio("6.7 billion", 3_712_500_000, "halved").consistent
    assert tc.check_ratio("6.7 billion", "3.4 billion", "nearly halved").consistent


def test_a_rate_among_a_rounded_population_of_billions() -> None:
    assert tc.check_population_rate(7_000_000, "8.1 billion", "0.86").consistent
    assert not tc.check_population_rate(7_000_000, "8.1 billion", "0.88").consistent


@pytest.mark.parametrize(
    ("claim", "words"),
    [
        ("more than one every 0 minutes", "gap between offences must be more than zero"),
        ("one every 0 minutes", "gap between offences must be more than zero"),
        ("about one every 0.0 hours", "gap between offences must be more than zero"),
        ("fewer than one every 0 seconds", "gap between offences must be more than zero"),
        ("0 every 5 minutes", "number of offences must be more than zero"),
    ],
)
def test_a_zero_gap_or_count_in_an_every_claim_is_refused_clearly(claim: str, words: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=words):
        tc.check_frequency(58, "2016/17", claim)


def test_a_zero_gap_in_a_story_is_a_located_problem() -> None:
    with pytest.raises(tc.StoryError) as info:
        tc.load_story(
            'title = "x"\n[counts]\na = { period = "2016/17", count = 58 }\n'
            '[[claims]]\nkind = "frequency"\ncount = "a"\nfigure = "one every 0 minutes"\n'
        )
    assert info.value.problems[0].startswith("claims[1].figure: claim 'one every 0 minutes'")


@given(
    st.integers(0, 10**6),
    st.sampled_from(["one", "0", "1", "2", "0.5", "ten"]),
    st.sampled_from(["0", "0.0", "1", "0.5", "10", ""]),
    st.sampled_from(["", "more than ", "about ", "fewer than ", "at least ", "up to "]),
    st.sampled_from(["minute", "hour", "day"]),
    st.sampled_from(["half_up", "up", "down", "ceiling", "floor"]),
)
def test_every_claims_give_a_verdict_or_a_clear_error(
    count: int, n: str, gap: str, qualifier: str, unit: str, mode: tc.Mode
) -> None:
    claim = f"{qualifier}{n} every {gap} {unit}s".replace("  ", " ")
    if gap in ("0", "0.0") or (n == "0" and gap):
        with pytest.raises(tc.TrendcalcError, match="must be more than zero"):
            tc.check_frequency(count, "2016/17", claim, mode=mode)
    else:
        assert isinstance(tc.check_frequency(count, "2016/17", claim, mode=mode).consistent, bool)


@pytest.mark.parametrize("qualifier", ["fewer than", "less than", "almost"])
def test_a_daily_rate_below_zero_fits_no_count_and_says_why(qualifier: tc.Qualifier) -> None:
    verdict = tc.check_daily_rate(58, "2016/17", "0", qualifier=qualifier)
    assert not verdict.consistent
    assert verdict.implied == range(0, 0)
    assert f"no count fits {qualifier} 0 a day, as a rate is never below zero" in (
        verdict.explanation
    )
    assert not tc.check_daily_rate(0, "2016/17", "0", qualifier=qualifier).consistent
    assert tc.implied_count("0", "2016/17", qualifier=qualifier) == range(0, 0)


def test_a_population_rate_below_zero_fits_no_count_and_says_why() -> None:
    verdict = tc.check_population_rate(5, 1000, "0", qualifier="fewer than")
    assert not verdict.consistent
    assert verdict.implied == range(0, 0)
    assert "as a rate is never below zero" in verdict.explanation


def test_up_to_zero_a_day_still_allows_no_offences() -> None:
    assert tc.check_daily_rate(0, "2016/17", "0", qualifier="up to").consistent
    assert tc.implied_count("0", "2016/17", qualifier="up to") == range(0, 1)
