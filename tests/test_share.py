"""Share claims: "one in four", "a third", "34% of", a part of a whole."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import trendcalc as tc
from tests.strategies import positive_counts


@pytest.mark.parametrize(
    ("part", "whole", "said"),
    [
        (250, 1_000, "one in four"),
        (340, 1_000, "more than one in three"),
        (333, 1_000, "a third"),
        (340, 1_000, "34% of"),
        (760, 1_000, "more than three quarters"),
        (1_520, 3_800, "40% involved a knife"),
        (34, 100, "34"),
    ],
)
def test_published_shares_hold(part: int, whole: int, said: str) -> None:
    assert tc.check_share(part, whole, said).consistent


@pytest.mark.parametrize(
    ("part", "whole", "said"),
    [
        (200, 1_000, "one in four"),
        (330, 1_000, "more than one in three"),
        (350, 1_000, "a third"),
        (349, 1_000, "34% of"),
        (750, 1_000, "more than three quarters"),
    ],
)
def test_wrong_shares_do_not_hold(part: int, whole: int, said: str) -> None:
    assert not tc.check_share(part, whole, said).consistent


def test_the_editorial_reading_accepts_almost_half_for_45_79_percent() -> None:
    strict = tc.check_share(4_579, 10_000, "almost half")
    assert not strict.consistent
    assert strict.holds_readings == ("editorial",)
    assert tc.check_share(4_579, 10_000, "almost half", reading="editorial").consistent
    # 17.96% is more than 10% short of a fifth: not "nearly a fifth" in either reading
    assert tc.check_share(1_796, 10_000, "nearly a fifth", reading="editorial").holds_readings == ()


def test_the_part_must_not_exceed_the_whole() -> None:
    with pytest.raises(tc.TrendcalcError, match="part must be at most the whole"):
        tc.check_share(5, 4, "one in four")


def test_a_zero_whole_has_no_share() -> None:
    v = tc.check_share(0, 0, "one in four")
    assert not v.consistent
    assert v.computed is None


def test_a_story_file_share_claim() -> None:
    story = tc.load_story(
        """
title = "t"
reading = "editorial"
[counts]
knife = { area = "London", period = "2019", count = 4579 }
all = { area = "London", period = "2019", count = 10000 }
[[claims]]
kind = "share"
part = "knife"
whole = "all"
figure = "almost half"
[[claims]]
kind = "share"
part = "knife"
whole = "all"
figure = "almost half"
reading = "strict"
"""
    )
    assert [r.status for r in tc.check_story(story).results] == ["holds", "does not hold"]
    assert [r.status for r in tc.check_story(story, reading="strict").results] == [
        "does not hold",
        "does not hold",
    ]


@given(positive_counts, st.integers(1, 10**6))
def test_a_share_built_from_its_exact_percentage_always_holds(whole: int, part_seed: int) -> None:
    part = part_seed % (whole + 1)
    pct = Fraction(100 * part, whole)
    # the percentage printed to two decimals by the decimal module, rounded half up
    printed = (Decimal(pct.numerator) / Decimal(pct.denominator)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    assert tc.check_share(part, whole, f"{printed}%").consistent


@given(st.integers(2, 20), st.integers(1, 50))
def test_m_in_n_built_exactly_holds_and_one_more_in_the_part_fails(n: int, k: int) -> None:
    whole = n * k
    assert tc.check_share(k, whole, f"one in {n}").consistent
    # one more offence in the part: k + 1 in n * k, a share of (k + 1) / (n k); it fits
    # "one in n" strictly exactly when n k / (k + 1) still rounds to n (brute force)
    ratio = Fraction(whole, k + 1)
    assume(k + 1 <= whole)
    expected = n - Fraction(1, 2) <= ratio < n + Fraction(1, 2)
    assert tc.check_share(k + 1, whole, f"one in {n}").consistent == expected


def test_a_breakdown_holds_when_every_share_fits_its_part() -> None:
    v = tc.check_shares([1_520, 1_330, 950], "40%, 35%, 25%")
    assert v.consistent
    assert v.computed == 100
    assert v.holds_readings == ("strict", "editorial")


def test_a_breakdown_names_the_share_that_does_not_fit() -> None:
    v = tc.check_shares([1_516, 1_327, 957], ["40%", "35%", "26%"])
    assert not v.consistent
    assert "957 is 25.18%, which does not fit 26%" in v.explanation


def test_published_shares_that_rounding_cannot_explain_are_said_so() -> None:
    # 30%, 30%, 30% of parts that make up the whole: at most 91.5%, never 100%
    v = tc.check_shares([1, 1, 1], "30%, 30%, 30%")
    assert not v.consistent
    assert "which rounding cannot explain" in v.explanation


def test_a_breakdown_needs_one_share_per_part() -> None:
    with pytest.raises(tc.TrendcalcError, match="one share per part"):
        tc.check_shares([1, 2], "50%")


def test_a_story_file_breakdown_of_a_named_whole() -> None:
    story = tc.load_story(
        """
title = "t"
[counts]
knife = { period = "2019", count = 400 }
gun = { period = "2019", count = 100 }
all = { period = "2019", count = 1000 }
[[claims]]
kind = "shares"
counts = ["knife", "gun"]
whole = "all"
figure = "40%; one in ten"
"""
    )
    result = tc.check_story(story).results[0]
    assert result.status == "holds"
    assert result.explanation.startswith("Of 1,000: 400 is 40")


@given(st.lists(st.integers(0, 10**5), min_size=1, max_size=6))
def test_a_breakdown_built_from_its_exact_shares_always_holds(parts: list[int]) -> None:
    total = sum(parts)
    assume(total > 0)
    shares = []
    for part in parts:
        pct = Fraction(100 * part, total)
        printed = (Decimal(pct.numerator) / Decimal(pct.denominator)).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
        shares.append(f"{printed}%")
    assert tc.check_shares(parts, shares).consistent
