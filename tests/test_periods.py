"""Periods: parsing labels, constructors, stepping, tiling and ordering."""

from __future__ import annotations

import datetime as dt
import itertools

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from tests.strategies import periods, start_months, years

D = dt.date


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2016/17", D(2016, 4, 1), D(2017, 3, 31), "financial_year"),
        ("2016-17", D(2016, 4, 1), D(2017, 3, 31), "financial_year"),
        ("FY2016/17", D(2016, 4, 1), D(2017, 3, 31), "financial_year"),
        ("fy 2016-17", D(2016, 4, 1), D(2017, 3, 31), "financial_year"),
        ("2016/2017", D(2016, 4, 1), D(2017, 3, 31), "financial_year"),
        ("1999/00", D(1999, 4, 1), D(2000, 3, 31), "financial_year"),
        ("2016/17 Q1", D(2016, 4, 1), D(2016, 6, 30), "financial_quarter"),
        ("2016/17 Q4", D(2017, 1, 1), D(2017, 3, 31), "financial_quarter"),
        ("2016", D(2016, 1, 1), D(2016, 12, 31), "calendar_year"),
        ("2016 Q1", D(2016, 1, 1), D(2016, 3, 31), "quarter"),
        ("2016-Q1", D(2016, 1, 1), D(2016, 3, 31), "quarter"),
        ("Q4 2016", D(2016, 10, 1), D(2016, 12, 31), "quarter"),
        ("2016-03", D(2016, 3, 1), D(2016, 3, 31), "month"),
        ("2016-02", D(2016, 2, 1), D(2016, 2, 29), "month"),
        ("March 2016", D(2016, 3, 1), D(2016, 3, 31), "month"),
        ("Mar 2016", D(2016, 3, 1), D(2016, 3, 31), "month"),
        ("  mar   2016 ", D(2016, 3, 1), D(2016, 3, 31), "month"),
        ("Sept 2016", D(2016, 9, 1), D(2016, 9, 30), "month"),
        ("year ending March 2017", D(2016, 4, 1), D(2017, 3, 31), "year_ending"),
        ("year ending June 2023", D(2022, 7, 1), D(2023, 6, 30), "year_ending"),
        ("Year Ending Dec 2020", D(2020, 1, 1), D(2020, 12, 31), "year_ending"),
        ("2015-04-01/2017-03-31", D(2015, 4, 1), D(2017, 3, 31), "range"),
        ("2016-02-29/2016-02-29", D(2016, 2, 29), D(2016, 2, 29), "range"),
        ("2016/17 (starting July)", D(2016, 7, 1), D(2017, 6, 30), "financial_year"),
    ],
)
def test_parse_period_accepts_the_documented_forms(
    text: str, start: dt.date, end: dt.date, kind: str
) -> None:
    p = tc.parse_period(text)
    assert (p.start, p.end, p.kind) == (start, end, kind)


def test_days_in_the_lincolnshire_years() -> None:
    assert tc.parse_period("2015/16").days == 366
    assert tc.parse_period("2016/17").days == 365


def test_fy_start_month_applies_to_financial_labels_only() -> None:
    p = tc.parse_period("2022/23", fy_start_month=7)
    assert (p.start, p.end) == (D(2022, 7, 1), D(2023, 6, 30))
    assert tc.parse_period("2022", fy_start_month=7) == tc.calendar_year(2022)
    us = tc.parse_period("2023/24 Q1", fy_start_month=10)
    assert (us.start, us.end) == (D(2023, 10, 1), D(2023, 12, 31))


def test_explicit_starting_month_overrides_fy_start_month() -> None:
    assert tc.parse_period("2016/17 (starting July)", fy_start_month=10).start == D(2016, 7, 1)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "2016/18",
            "unknown period '2016/18': the years of a financial year label must be consecutive, e.g. '2016/17'",
        ),
        (
            "2011-12",
            "ambiguous period '2011-12': it may be the financial year 2011/12 or December 2011",
        ),
        ("2016 Q5", "unknown period '2016 Q5': expected one of"),
        ("Smarch 2016", "'smarch' is not a month name"),
        ("2016-02-30/2016-03-01", "unknown period '2016-02-30/2016-03-01'"),
        ("2017-01-01/2016-01-01", "the range ends before it starts"),
        ("2016 (starting July)", "goes only after a financial year"),
        ("2016/17 (starting January)", "calendar year"),
        ("0000", "outside the years 1 to 9999"),
        ("9999/00", "outside the years 1 to 9999"),
        ("", "unknown period '': expected one of"),
    ],
)
def test_parse_period_refuses_bad_labels_with_a_clear_message(text: str, message: str) -> None:
    with pytest.raises(tc.PeriodError) as info:
        tc.parse_period(text)
    assert message in str(info.value)


def test_an_ambiguous_label_has_an_error_of_its_own() -> None:
    with pytest.raises(tc.AmbiguousPeriodError) as info:
        tc.parse_period("2011-12")
    assert isinstance(info.value, tc.PeriodError)
    assert type(info.value).__module__ == "trendcalc"  # tracebacks show the public name
    # a label that is only unknown is not ambiguous
    for text in ("2016/18", "2011-13"):
        with pytest.raises(tc.PeriodError) as info:
            tc.parse_period(text)
        assert not isinstance(info.value, tc.AmbiguousPeriodError)
    # a month column written the same way is refused by the same error, naming kind=
    with pytest.raises(tc.AmbiguousPeriodError, match="pass kind='month'"):
        tc.CountTable.from_frame(
            {"Month": ["2011-11", "2011-12"], "n": [1, 2]}, period="Month", count="n"
        )


def test_parse_period_names_the_accepted_forms() -> None:
    with pytest.raises(
        tc.PeriodError, match=r"'2016/17 Q1' \(financial quarter\).*'year ending March 2017'"
    ):
        tc.parse_period("last year")


def test_parse_period_refuses_non_text() -> None:
    with pytest.raises(
        tc.PeriodError, match=r"text must be a period label \(str\) \(got int 2016\)"
    ):
        tc.parse_period(2016)  # type: ignore[arg-type]


@given(st.text())
def test_parse_period_raises_only_period_error_on_arbitrary_text(text: str) -> None:
    try:
        p = tc.parse_period(text)
    except tc.PeriodError:
        return
    assert tc.parse_period(p.label) == p


@given(periods())
def test_labels_round_trip(p: tc.Period) -> None:
    assert tc.parse_period(p.label) == p
    assert eval(repr(p), {"parse_period": tc.parse_period}) == p


@given(periods(), st.integers(-30, 30))
def test_consecutive_periods_tile_time_and_their_days_add_up(p: tc.Period, n: int) -> None:
    run = [p.shift(k) for k in range(min(0, n), max(0, n) + 1)]
    for a, b in itertools.pairwise(run):
        assert b.start == a.end + dt.timedelta(days=1)
        assert a.kind == b.kind
        assert a.fy_start_month == b.fy_start_month
    assert sum(q.days for q in run) == (run[-1].end - run[0].start).days + 1


@given(periods(), st.integers(-20, 20), st.integers(-20, 20))
def test_shift_composes(p: tc.Period, a: int, b: int) -> None:
    assert p.shift(a).shift(b) == p.shift(a + b)
    assert p.next().previous() == p
    assert p.shift(0) == p


@given(periods())
def test_contains_exactly_the_days_from_start_to_end(p: tc.Period) -> None:
    one = dt.timedelta(days=1)
    assert p.contains(p.start)
    assert p.contains(p.end)
    assert not p.contains(p.start - one)
    assert not p.contains(p.end + one)
    assert p.contains(dt.datetime.combine(p.end, dt.time(23, 59)))


@given(st.lists(periods(), min_size=2, max_size=10))
def test_periods_are_ordered_by_start(ps: list[tc.Period]) -> None:
    starts = [p.start for p in sorted(ps)]
    assert starts == sorted(starts)


@given(y=years)
def test_financial_years_agree_with_pandas_fiscal_periods(y: int) -> None:
    fy = tc.financial_year(y)
    pd_period = pd.Period(str(y + 1), freq="Y-MAR")  # pandas names a fiscal year by its end
    assert fy.start == pd_period.start_time.date()
    assert fy.end == pd_period.end_time.date()
    assert fy.days == (pd_period.end_time.normalize() - pd_period.start_time).days + 1


@given(y=years, start_month=start_months)
def test_other_financial_year_starts_agree_with_pandas(y: int, start_month: int) -> None:
    end_month = (
        "JAN",
        "FEB",
        "MAR",
        "APR",
        "MAY",
        "JUN",
        "JUL",
        "AUG",
        "SEP",
        "OCT",
        "NOV",
        "DEC",
    )[start_month - 2]
    fy = tc.financial_year(y, start_month=start_month)
    pd_period = pd.Period(str(y + 1), freq=f"Y-{end_month}")
    assert (fy.start, fy.end) == (pd_period.start_time.date(), pd_period.end_time.date())


@given(y=years, q=st.integers(1, 4))
def test_financial_quarters_agree_with_pandas(y: int, q: int) -> None:
    fq = tc.financial_quarter(y, q)
    pd_period = pd.Period(f"{y + 1}Q{q}", freq="Q-MAR")
    assert (fq.start, fq.end) == (pd_period.start_time.date(), pd_period.end_time.date())


def test_year_ending_march_covers_the_same_days_as_the_financial_year_but_is_its_own_kind() -> None:
    ye, fy = tc.year_ending(2017, 3), tc.financial_year(2016)
    assert (ye.start, ye.end) == (fy.start, fy.end)
    assert ye != fy
    assert ye.label == "year ending March 2017"


def test_year_ending_steps_a_year_at_a_time() -> None:
    assert tc.parse_period("year ending March 2017").next().label == "year ending March 2018"


def test_range_steps_by_its_own_length() -> None:
    r = tc.parse_period("2016-01-01/2016-01-10")
    assert r.next().label == "2016-01-11/2016-01-20"
    assert r.previous().label == "2015-12-22/2015-12-31"


def test_labels() -> None:
    assert tc.month(2016, 3).label == "March 2016"
    assert tc.quarter(2016, 2).label == "2016 Q2"
    assert tc.financial_quarter(2016, 2).label == "2016/17 Q2"
    assert tc.financial_quarter(2016, 2, start_month=7).label == "2016/17 Q2 (starting July)"
    assert tc.financial_year(1999).label == "1999/00"
    assert str(tc.calendar_year(2016)) == "2016"
    assert repr(tc.financial_year(2016)) == "parse_period('2016/17')"


def test_period_range_is_inclusive() -> None:
    assert [p.label for p in tc.period_range("2014/15", "2016/17")] == [
        "2014/15",
        "2015/16",
        "2016/17",
    ]
    assert tc.period_range("2016 Q1", "2016 Q1") == [tc.quarter(2016, 1)]
    assert len(tc.period_range(tc.month(2010, 4), tc.month(2024, 3))) == 168


@pytest.mark.parametrize(
    ("first", "last", "message"),
    [
        ("2016/17", "2016", "first and last must be of the same kind"),
        ("2016/17", "2015/16", "last must not be before first"),
        ("2016-01-01/2016-01-10", "2016-01-05/2016-01-14", "is not reached by stepping from first"),
    ],
)
def test_period_range_refuses(first: str, last: str, message: str) -> None:
    with pytest.raises(tc.PeriodError, match=message):
        tc.period_range(first, last)


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda: tc.financial_year(2016, start_month=1),
            "start_month=1 makes the financial year the calendar year",
        ),
        (
            lambda: tc.financial_year(2016, start_month=13),
            r"start_month must be a month number from 2 to 12 \(got 13\)",
        ),
        (lambda: tc.quarter(2016, 0), r"q must be a quarter number from 1 to 4 \(got 0\)"),
        (lambda: tc.month(2016, 13), r"m must be a month number from 1 to 12 \(got 13\)"),
        (lambda: tc.year_ending(2016, 0), r"month must be a month number from 1 to 12 \(got 0\)"),
        (lambda: tc.calendar_year(True), "year must be an integer, not a bool"),
        (lambda: tc.calendar_year("2016"), r"year must be an integer \(got str '2016'\)"),
        (lambda: tc.date_range(D(2016, 2, 1), D(2016, 1, 1)), "end must not be before start"),
        (
            lambda: tc.Period(D(2016, 4, 2), D(2017, 3, 31), "financial_year", 4),
            "is not the first day of a financial_year",
        ),
        (
            lambda: tc.Period(D(2016, 4, 1), D(2017, 4, 30), "financial_year", 4),
            "ends on 2017-03-31",
        ),
        (
            lambda: tc.Period(D(2016, 2, 1), D(2016, 4, 30), "quarter"),
            "is not the first day of a quarter",
        ),
        (
            lambda: tc.Period(D(2016, 4, 1), D(2017, 3, 31), "financial_year"),
            "fy_start_month must be an integer",
        ),
        (
            lambda: tc.Period(D(2016, 1, 1), D(2016, 12, 31), "calendar_year", 4),
            "fy_start_month must be None",
        ),
        (lambda: tc.Period(D(2016, 1, 1), D(2016, 12, 31), "year"), "kind must be one of"),
        (
            lambda: tc.Period(dt.datetime(2016, 1, 1), D(2016, 12, 31), "range"),
            "start must be a datetime.date",
        ),
        (lambda: tc.calendar_year(9999).next(), "outside the years 1 to 9999"),
        (
            lambda: tc.date_range(D(9999, 12, 1), D(9999, 12, 31)).next(),
            "leaves the years 1 to 9999",
        ),
        (lambda: tc.month(2016, 1).contains("2016-01-05"), "date must be a datetime.date"),
    ],
)
def test_constructors_refuse_bad_arguments(make: object, message: str) -> None:
    # a PeriodError for periods that cannot be; a plain TrendcalcError for a wrong type
    with pytest.raises(tc.TrendcalcError, match=message):
        make()  # type: ignore[operator]


def test_periods_are_frozen_and_hashable() -> None:
    p = tc.financial_year(2016)
    with pytest.raises(AttributeError):
        p.start = D(2000, 1, 1)  # type: ignore[misc]
    assert {p, tc.parse_period("2016/17")} == {p}
