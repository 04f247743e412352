"""Difference claims: "up by 9,908", "4,901 more", "118 fewer", with readings."""

from __future__ import annotations

import pytest
from hypothesis import given

import trendcalc as tc
from tests.strategies import readings, small_counts


@pytest.mark.parametrize(
    ("before", "after", "said"),
    [
        (45_093, 55_001, "up by 9,908"),
        (45_093, 55_001, "9,908 more"),
        (45_093, 55_001, "+9,908"),
        (0, 458_021, "an extra 458,021"),
        (1_000, 10_000, "an increase of 9,000"),
        (5_653, 5_535, "118 fewer"),
        (5_653, 5_535, "-118"),
        (5_653, 5_535, "a fall of 118"),
        (5_653, 5_535, "down by 118"),
        (5_653, 5_535, "118"),
    ],
)
def test_published_differences_hold(before: int, after: int, said: str) -> None:
    assert tc.check_difference(before, after, said).consistent


def test_the_wrong_direction_does_not_hold() -> None:
    v = tc.check_difference(5_653, 5_535, "118 more")
    assert not v.consistent
    assert "a fall of 118" in v.explanation


def test_a_round_figure_holds_in_the_editorial_reading_only_and_says_to_what() -> None:
    strict = tc.check_difference(45_093, 54_400, "an increase of 9,000")
    assert not strict.consistent
    assert strict.holds_readings == ("editorial",)
    assert "if 9,000 is rounded to the nearest thousand" in strict.explanation
    editorial = tc.check_difference(45_093, 54_400, "an increase of 9,000", reading="editorial")
    assert editorial.consistent
    assert editorial.reading == "editorial"
    # the finest rounding that makes it hold is named: 9,010 is not 9,000 to the nearest ten
    v = tc.check_difference(0, 9_040, "9,000", reading="editorial")
    assert v.consistent
    assert "the nearest hundred" in v.explanation


def test_a_difference_beyond_the_coarsest_rounding_fails_in_both_readings() -> None:
    v = tc.check_difference(0, 9_500, "9,000", reading="editorial")
    assert not v.consistent
    assert v.holds_readings == ()


def test_rounded_counts_give_a_range_of_differences() -> None:
    v = tc.check_difference("6.7 million", "6.8 million", "an extra 100,000")
    assert v.consistent
    assert v.computed == tc.Interval(1, 199_999)


def test_qualified_differences_read_the_qualifier() -> None:
    assert tc.check_difference(100, 110, "almost 11 more").consistent
    assert not tc.check_difference(100, 111, "almost 11 more").consistent
    assert tc.check_difference(100, 200, "more than 99 more").consistent


def test_unreadable_differences_raise_trendcalc_error() -> None:
    with pytest.raises(tc.TrendcalcError, match="not a difference"):
        tc.check_difference(1, 2, "a lot more")
    with pytest.raises(tc.TrendcalcError, match="reading must be one of"):
        tc.check_difference(1, 2, "1", reading="loose")  # type: ignore[arg-type]


@given(small_counts, small_counts, readings)
def test_the_exact_difference_always_holds(before: int, after: int, reading: str) -> None:
    d = after - before
    said = f"{abs(d):,} more" if d >= 0 else f"{abs(d):,} fewer"
    assert tc.check_difference(before, after, said, reading=reading).consistent  # type: ignore[arg-type]


@given(small_counts, small_counts)
def test_one_unit_off_fails_unless_a_round_figure_is_read_editorially(
    before: int, after: int
) -> None:
    d = after - before
    off = abs(d) + 1
    said = f"{off:,} more" if d >= 0 else f"{off:,} fewer"
    assert not tc.check_difference(before, after, said).consistent
    editorial = tc.check_difference(before, after, said, reading="editorial")
    # the editorial reading accepts it exactly when a rounding of the figure to its
    # trailing zeros covers the true difference (brute force over the precisions)
    zeros = len(str(off)) - len(str(off).rstrip("0"))
    expected = any(
        abs(abs(d) - off) * 2 < 10**k or (abs(d) - off) * 2 == -(10**k) for k in range(1, zeros + 1)
    )
    assert editorial.consistent == expected


def test_a_story_file_difference_with_an_unknown_earlier_count_gives_it() -> None:
    story = tc.load_story(
        """
title = "t"
[counts]
later = { area = "Kent", period = "2016/17", count = 55001 }
[[claims]]
kind = "difference"
from = "unknown"
to = "later"
figure = "up by 9,908"
"""
    )
    result = tc.check_story(story).results[0]
    assert result.status == "unchecked"
    assert result.implied == range(45_093, 45_094)
