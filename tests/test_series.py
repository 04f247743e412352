"""Count series: totals, changes, rolling totals and resampling."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from tests.strategies import counts, periods


@st.composite
def series(draw: st.DrawFn, min_size: int = 1) -> tc.CountSeries:
    first = draw(periods())
    n = draw(st.integers(min_size, 24))
    return tc.CountSeries(
        [first.shift(k) for k in range(n)], draw(st.lists(counts, min_size=n, max_size=n))
    )


def test_lincolnshire_two_year_total() -> None:
    s = tc.CountSeries.from_mapping({"2015/16": 112, "2016/17": 58})
    assert s.total() == 170
    assert s.kind == "financial_year"
    assert len(s) == 2
    assert s["2015/16"] == 112
    assert s[tc.financial_year(2016)] == 58
    assert [(p.label, c) for p, c in s.items()] == [("2015/16", 112), ("2016/17", 58)]


def test_from_mapping_sorts_and_accepts_periods_and_labels() -> None:
    s = tc.CountSeries.from_mapping({tc.financial_year(2016): 58, "2015-16": 112})
    assert s.as_dict() == {"2015/16": 112, "2016/17": 58}


def test_from_mapping_reads_labels_with_the_financial_year_start() -> None:
    s = tc.CountSeries.from_mapping({"2016/17": 1}, fy_start_month=7)
    assert s.periods[0].fy_start_month == 7
    assert s["2016/17"] == 1  # labels are read with the series' own start month


def test_total_over_spans() -> None:
    s = tc.CountSeries.from_mapping({"2014/15": 90, "2015/16": 112, "2016/17": 58})
    assert s.total("2015/16") == 170
    assert s.total(last="2015/16") == 202
    assert s.total("2015/16", "2015/16") == 112


@given(s=series(), data=st.data())
def test_totals_equal_the_sum_of_their_parts(s: tc.CountSeries, data: st.DataObject) -> None:
    i = data.draw(st.integers(0, len(s) - 1))
    j = data.draw(st.integers(i, len(s) - 1))
    assert s.total(s.periods[i], s.periods[j]) == sum(s.counts[i : j + 1])
    if i > 0:
        assert s.total(s.periods[0], s.periods[i - 1]) + s.total(s.periods[i]) == s.total()


@given(s=series(), data=st.data())
def test_rolling_totals_match_direct_sums(s: tc.CountSeries, data: st.DataObject) -> None:
    window = data.draw(st.integers(1, len(s)))
    spans = s.rolling_total(window)
    assert len(spans) == len(s) - window + 1
    for k, span in enumerate(spans):
        assert span.total == sum(s.counts[k : k + window])
        assert (span.first, span.last) == (s.periods[k], s.periods[k + window - 1])
        assert span.days == sum(p.days for p in s.periods[k : k + window])


def test_rolling_total_labels_and_window_checks() -> None:
    s = tc.CountSeries.from_mapping({"2015/16": 112, "2016/17": 58})
    (span,) = s.rolling_total(2)
    assert (span.label, span.total, span.period.label) == (
        "2015/16 to 2016/17",
        170,
        "2015-04-01/2017-03-31",
    )
    with pytest.raises(
        tc.SeriesError, match=r"window must be at most the series length 2 \(got 3\)"
    ):
        s.rolling_total(3)
    with pytest.raises(
        tc.TrendcalcError, match=r"window must be an integer of at least 1 \(got 0\)"
    ):
        s.rolling_total(0)


def test_change_and_changes() -> None:
    s = tc.CountSeries.from_mapping({"2014/15": 90, "2015/16": 112, "2016/17": 58})
    assert s.change() == tc.change(90, 58)
    assert s.change("2015/16") == tc.change(112, 58)
    assert s.changes() == (tc.change(90, 112), tc.change(112, 58))
    with pytest.raises(tc.SeriesError, match="last must not be before first"):
        s.change("2016/17", "2014/15")


def test_change_per_day_differs_from_count_change_across_a_leap_year() -> None:
    s = tc.CountSeries.from_mapping({"2015/16": 112, "2016/17": 58})
    counted = s.change()
    per_day = s.change(per_day=True)
    assert counted.rounded(2) == tc.round_value(-5400 / 112, 2)
    assert (
        per_day.percent
        == (tc.daily_rate(58, "2016/17").per_day / tc.daily_rate(112, "2015/16").per_day - 1) * 100
    )
    assert per_day.rounded(2) != counted.rounded(2)
    with pytest.raises(tc.TrendcalcError, match="per_day must be True or False"):
        s.change(per_day=1)  # type: ignore[arg-type]


def test_daily_rates() -> None:
    s = tc.CountSeries.from_mapping({"2015/16": 112, "2016/17": 58})
    assert s.daily_rates() == (tc.daily_rate(112, "2015/16"), tc.daily_rate(58, "2016/17"))


@pytest.mark.parametrize(
    ("periods_", "counts_", "message"),
    [
        (
            ["2014/15", "2016/17"],
            [1, 2],
            "periods must be consecutive: '2014/15' is followed by '2016/17', but the next period is '2015/16'",
        ),
        (["2015/16", "2015/16"], [1, 2], "periods must not repeat: '2015/16' appears twice"),
        (["2016/17", "2015/16"], [1, 2], "periods must be in order"),
        (["2015/16", "2016 Q1"], [1, 2], "periods must all be of one kind"),
        (["2015/16", "2016/17 (starting July)"], [1, 2], "periods must all be of one kind"),
        (["2015/16"], [1, 2], "periods and counts must have the same length"),
        ([], [], "periods must hold at least one period"),
        (["2015/16"], [-1], "counts[0] must be a non-negative integer (got -1)"),
        (["2015/16"], [True], "counts[0] must be an integer, not a bool"),
        (["2015/16"], [1.5], "counts[0] must be an integer"),
        (["2015/16"], 5, "counts must be a sequence of counts"),
        ("2015/16", [1], "periods must be a sequence of Periods or labels"),
        (["2016/18"], [1], "unknown period '2016/18'"),
    ],
)
def test_bad_series_are_refused(periods_: object, counts_: object, message: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=re.escape(message)):
        tc.CountSeries(periods_, counts_)  # type: ignore[arg-type]


def test_from_mapping_refuses_the_same_period_twice() -> None:
    with pytest.raises(tc.SeriesError, match="'2016/17' and 'FY2016/17' are both '2016/17'"):
        tc.CountSeries.from_mapping({"2016/17": 1, "FY2016/17": 2})


def test_lookup_of_a_period_not_in_the_series() -> None:
    s = tc.CountSeries.from_mapping({"2015/16": 112, "2016/17": 58})
    with pytest.raises(
        tc.SeriesError,
        match="first='2013/14' is not in the series, which covers '2015/16' to '2016/17'",
    ):
        s.total("2013/14")


# -- resample


def test_months_into_financial_years_and_quarters() -> None:
    months = tc.period_range("April 2015", "March 2017")
    s = tc.CountSeries(months, list(range(24)))
    fy = s.resample("financial_year")
    assert fy.as_dict() == {"2015/16": sum(range(12)), "2016/17": sum(range(12, 24))}
    fq = s.resample("financial_quarter")
    assert fq.periods[0].label == "2015/16 Q1"
    assert fq.counts[0] == 0 + 1 + 2
    assert fq.resample("financial_year") == fy


def test_resample_refuses_incomplete_target_periods_unless_asked_to_drop() -> None:
    s = tc.CountSeries(tc.period_range("May 2015", "March 2017"), [1] * 23)
    with pytest.raises(
        tc.SeriesError, match=r"'2015/16' is only partly covered .* pass incomplete='drop'"
    ):
        s.resample("financial_year")
    assert s.resample("financial_year", incomplete="drop").as_dict() == {"2016/17": 12}
    with pytest.raises(tc.SeriesError, match="no calendar_year is completely covered"):
        tc.CountSeries(["May 2016"], [1]).resample("calendar_year", incomplete="drop")


def test_resample_refuses_periods_that_straddle_the_target() -> None:
    quarters = tc.CountSeries(tc.period_range("2016 Q1", "2016 Q4"), [1, 2, 3, 4])
    with pytest.raises(
        tc.SeriesError, match=r"'2016 Q2' .* does not fit inside one financial_year"
    ):
        quarters.resample("financial_year", fy_start_month=5)
    assert quarters.resample("calendar_year").as_dict() == {"2016": 10}


def test_resample_refuses_unknown_kinds_and_options() -> None:
    s = tc.CountSeries(["March 2016"], [1])
    with pytest.raises(tc.SeriesError, match="kind must be one of 'month', 'quarter'"):
        s.resample("year")  # type: ignore[arg-type]
    with pytest.raises(tc.SeriesError, match="incomplete must be 'raise' or 'drop'"):
        s.resample("month", incomplete="keep")  # type: ignore[arg-type]


@given(
    start=st.integers(2000 * 12, 2030 * 12),
    n=st.integers(1, 60),
    data=st.data(),
    target=st.sampled_from(["quarter", "financial_quarter", "calendar_year", "financial_year"]),
)
def test_resampling_months_conserves_every_count(
    start: int, n: int, data: st.DataObject, target: str
) -> None:
    first = tc.month(start // 12, start % 12 + 1)
    months = [first.shift(k) for k in range(n)]
    values = data.draw(st.lists(counts, min_size=n, max_size=n))
    s = tc.CountSeries(months, values)
    try:
        out = s.resample(target, incomplete="drop")  # type: ignore[arg-type]
    except tc.SeriesError:
        return  # no complete target period in a short series
    covered = [c for p, c in s.items() if any(q.contains(p.start) for q in out.periods)]
    assert out.total() == sum(covered)
    for q, total in out.items():
        assert total == sum(c for p, c in s.items() if q.contains(p.start))


@given(start_year=st.integers(2000, 2030), years=st.integers(1, 5), data=st.data())
def test_months_to_quarters_to_years_equals_months_to_years(
    start_year: int, years: int, data: st.DataObject
) -> None:
    months = tc.period_range(tc.month(start_year, 4), tc.month(start_year + years, 3))
    s = tc.CountSeries(
        months, data.draw(st.lists(counts, min_size=len(months), max_size=len(months)))
    )
    direct = s.resample("financial_year")
    assert s.resample("quarter").resample("financial_year") == direct
    assert s.resample("financial_quarter").resample("financial_year") == direct
