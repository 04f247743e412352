"""The worked example the project grew from: the Lincolnshire story of June 2017.

"58 cyber-related child sex offences in 2016/17 ... 112 offences for the previous 12 months
... 170 ... over the last two years ... nationally risen 44% ... 3,903 ... an average of 15
cyber offences a day." (../shared/seed/lincolnshire-2017-story.txt)
"""

from __future__ import annotations

from decimal import Decimal

import trendcalc as tc

SERIES = tc.CountSeries.from_mapping({"2015/16": 112, "2016/17": 58})


def test_the_two_year_total_is_170() -> None:
    assert SERIES.total() == 58 + 112 == 170


def test_lincolnshire_fell_48_percent_which_the_story_never_says() -> None:
    c = SERIES.change()
    assert c.absolute == -54
    assert c.rounded(1) == Decimal("-48.2")
    assert c.describe() == "down 48% (from 112 to 58)"


def test_the_previous_12_months_are_the_leap_year_2015_16() -> None:
    assert SERIES.periods[0].previous().label == "2014/15"
    assert [p.days for p in SERIES.periods] == [366, 365]


def test_15_a_day_does_not_fit_3903_in_a_365_day_year() -> None:
    rate = tc.daily_rate(3903, "2016/17")
    assert rate.rounded(1) == Decimal("10.7")
    assert rate.rounded(0) != 15
    # what 15 a day (as published, whole numbers) would need over 365 days
    accepted = tc.unround("15")
    assert accepted.contains(tc.daily_rate(5293, "2016/17").per_day)
    assert not accepted.contains(tc.daily_rate(5292, "2016/17").per_day)
    assert accepted.contains(tc.daily_rate(5657, "2016/17").per_day)
    assert not accepted.contains(tc.daily_rate(5658, "2016/17").per_day)


def test_the_nspcc_release_figure_fits_15_a_day_and_44_percent_only_if_truncated() -> None:
    # the NSPCC release behind the story: 5,653 in 2016/17 against 3,903 in 2015/16
    national = tc.change(3903, 5653)
    assert national.rounded(2) == Decimal("44.84")
    assert national.rounded() == 45
    assert national.rounded(mode="down") == 44
    assert tc.daily_rate(5653, "2016/17").rounded(0) == 15


def test_44_percent_to_3903_means_a_previous_figure_of_2702_to_2719() -> None:
    accepted = tc.unround("44")
    fits = [b for b in range(2600, 2800) if accepted.contains(tc.change(b, 3903).percent)]
    assert (fits[0], fits[-1]) == (2702, 2719)
    assert fits == list(range(2702, 2720))
