"""Explanations that never mislead (issue 9)."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from trendcalc._claims.verdict import computed_text
from trendcalc._rounding import Interval


def test_the_gap_is_never_shown_on_the_wrong_side_of_the_boundary() -> None:
    # 55,507 in 2015/16: the mean gap is 569.7 s, just under the 570 s (9 min 30 s) that
    # "one every 10 minutes" needs; to the second it would read 9 min 30 s
    v = tc.check_frequency(55_507, "2015/16", "one every 10 minutes")
    assert not v.consistent
    assert "one every 9 min 29.7 s" in v.explanation
    assert Fraction(366 * 86_400, 55_507) < 570


def test_a_range_whose_ends_look_the_same_gets_more_digits() -> None:
    text = computed_text(Interval(Fraction(15_001, 100_000), Fraction(15_004, 100_000)), 0, "")
    assert text == "between 0.15001 and 0.15004"


@given(st.fractions(min_value=0, max_value=10**6), st.fractions(min_value=0, max_value=10**6))
def test_range_ends_that_differ_never_look_the_same(a: Fraction, b: Fraction) -> None:
    low, high = min(a, b), max(a, b)
    if low == high:
        return
    text = computed_text(Interval(low, high), 0, "")
    first, second = text.removeprefix("between ").split(" and ")
    # twelve extra digits separate any two values of this size that differ by more
    # than 10**-14; hypothesis fractions can be closer, when the ends may match
    if high - low > Fraction(1, 10**13):
        assert first != second


@given(st.integers(1, 10**6), st.integers(1, 3))
def test_a_value_is_never_shown_on_the_other_side_of_a_bound(n: int, places: int) -> None:
    bound = Fraction(n, 10**places)
    x = bound - Fraction(1, 10 ** (places + 3))  # just under the bound
    shown = Fraction(computed_text(x, places - 2, "", bounds=[bound]).replace(",", ""))
    assert shown < bound


def test_the_computed_column_uses_the_explanations_precision() -> None:
    from trendcalc._report import report_table

    story = tc.load_story(
        """
title = "t"
[counts]
a = { period = "2016", count = 3190, population = 731600 }
[[claims]]
kind = "population_rate"
count = "a"
figure = "5.1"
"""
    )
    table = report_table(tc.check_story(story))
    assert "4.360/1,000" in table
    assert "is 4.360 per 1,000" in table.replace("\n    ", " ")


def test_the_qualifier_stays_in_the_words_of_what_is_needed() -> None:
    v = tc.check_change(100, 121, "20%", qualifier="nearly")
    assert "nearly 20% to 121 needs an earlier count of" in v.explanation


def test_claims_in_words_say_when_they_hold_only_if_truncated() -> None:
    v = tc.check_frequency(3_903 * 24 + 20, "2016/17", "ten an hour", mode="half_up")
    assert not v.consistent
    assert v.holds_under
    assert "holds only if the figures were" in v.explanation


def test_counts_of_different_areas_or_offences_are_flagged() -> None:
    story = tc.load_story(
        """
title = "t"
[counts]
a = { area = "Kent", period = "2016", count = 100, offence = "burglary", unit = "households" }
b = { area = "Essex", period = "2017", count = 110, offence = "burglary" }
[[claims]]
kind = "change"
from = "a"
to = "b"
figure = "10%"
[[claims]]
kind = "total"
counts = ["a", "b"]
figure = "210"
"""
    )
    change, total = tc.check_story(story).results
    assert change.explanation.endswith(
        "Note: the counts compared are of different areas (Kent, Essex)."
    )
    assert change.verdict is not None
    assert change.verdict.explanation == change.explanation
    assert "Note" not in total.explanation  # a total adds areas up on purpose
    assert story.counts["a"].unit == "households"


def test_the_unit_of_a_count_is_used_in_the_words() -> None:
    story = tc.load_story(
        """
title = "t"
[counts]
a = { period = "2016", count = 100, unit = "households" }
b = { period = "2017", count = 90, unit = "households" }
[[claims]]
kind = "difference"
from = "a"
to = "b"
figure = "10 fewer"
[[claims]]
kind = "share"
part = "b"
whole = "a"
figure = "nine in ten"
"""
    )
    difference, share = tc.check_story(story).results
    assert difference.explanation == "From 100 to 90 is a fall of 10 households, as published."
    assert share.explanation.startswith("90 of 100 households is 90%")


def test_a_percentage_in_words_is_shown_as_published_once() -> None:
    v = tc.check_change(3903, 3000, "-10 per cent")
    assert not v.consistent
    assert "not the published -10 per cent;" in v.explanation
    assert "per cent%" not in v.explanation
    assert "-10 per cent to 3,000 needs an earlier count of 3,315 to 3,351" in v.explanation
    # a bare number is a percentage in a change claim, shown with its sign
    assert "not the published -10%;" in tc.check_change(3903, 3000, "-10").explanation


def test_a_range_whose_ends_round_alike_is_shown_once() -> None:
    # rates printed to one decimal: the change lies between 1.81% and 1.86%, which both
    # round to 2% at the published precision (none)
    v = tc.check_rate_change("380.8", "387.8", "10 per cent")
    assert "which rounds to 2%, not the published 10 per cent" in v.explanation
    assert "2% to 2%" not in v.explanation
