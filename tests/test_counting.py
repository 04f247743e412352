"""Counting records into periods: conservation, a pure-Python oracle, merges, containers."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc

FY = tc.period_range("2015/16", "2017/18")
D = dt.date


def reference(
    dates: list[dt.date | None], periods: list[tc.Period], groups: list[object]
) -> dict[str, Counter[object]]:
    """The obvious Python loop."""
    out: dict[str, Counter[object]] = {k: Counter() for k in ("before", "after", "missing")}
    for d, g in zip(dates, groups, strict=True):
        if d is None:
            out["missing"][g] += 1
        elif d < periods[0].start:
            out["before"][g] += 1
        elif d > periods[-1].end:
            out["after"][g] += 1
        else:
            (p,) = [p for p in periods if p.contains(d)]
            out.setdefault(p.label, Counter())[g] += 1
    return out


maybe_dates = st.lists(
    st.one_of(st.none(), st.dates(min_value=D(2014, 1, 1), max_value=D(2019, 12, 31))), max_size=60
)


@st.composite
def events(draw: st.DrawFn) -> tuple[list[dt.date | None], list[str]]:
    dates = draw(maybe_dates)
    groups = draw(
        st.lists(
            st.sampled_from(["Kent", "Lincs", "Essex"]), min_size=len(dates), max_size=len(dates)
        )
    )
    return dates, groups


@given(events())
def test_counting_equals_a_pure_python_reference_and_loses_nothing(
    data: tuple[list[dt.date | None], list[str]],
) -> None:
    dates, groups = data
    table = tc.count_events(dates, FY, groups=groups)
    expected = reference(dates, FY, groups)
    assert table.groups == tuple(sorted(set(groups)))
    for j, g in enumerate(table.groups):
        for i, p in enumerate(table.periods):
            assert table.counts[i, j] == expected.get(p.label, Counter())[g]
        assert table.before[j] == expected["before"][g]
        assert table.after[j] == expected["after"][g]
        assert table.missing[j] == expected["missing"][g]
    # conservation: every event is somewhere
    assert int(
        table.counts.sum() + table.before.sum() + table.after.sum() + table.missing.sum()
    ) == len(dates)
    assert table.n_events == len(dates)


@given(events(), st.data())
def test_counting_a_concatenation_equals_merging_the_counts_of_its_parts(
    data: tuple[list[dt.date | None], list[str]], draw: st.DataObject
) -> None:
    dates, groups = data
    cut1 = draw.draw(st.integers(0, len(dates)))
    cut2 = draw.draw(st.integers(cut1, len(dates)))
    parts = [
        tc.count_events(dates[a:b], FY, groups=groups[a:b])
        for a, b in ((0, cut1), (cut1, cut2), (cut2, len(dates)))
    ]
    whole = tc.count_events(dates, FY, groups=groups)
    a, b, c = parts
    assert (a + b) + c == whole
    assert a + (b + c) == whole  # associative
    assert b + a == a + b  # commutative
    zero = tc.CountTable.zero(FY, ())
    assert a + zero == a
    assert zero + a == a


def test_boundaries_and_leap_days_land_in_the_right_period() -> None:
    dates = [
        D(2016, 3, 31),
        D(2016, 4, 1),
        D(2016, 2, 29),
        D(2015, 4, 1),
        D(2018, 3, 31),
        D(2018, 4, 1),
        D(2015, 3, 31),
    ]
    t = tc.count_events(dates, FY)
    assert t.series().as_dict() == {"2015/16": 3, "2016/17": 1, "2017/18": 1}
    assert (t.before.tolist(), t.after.tolist()) == ([1], [1])


def test_times_count_on_their_own_date_and_timezones_on_their_wall_clock_date() -> None:
    late = dt.datetime(2016, 3, 31, 23, 59, 59)
    aware = dt.datetime(
        2016, 4, 1, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )  # 31 March in UTC
    t = tc.count_events([late, aware], FY)
    assert t.counts[:, 0].tolist() == [1, 1, 0]
    s = pd.Series(pd.to_datetime(["2016-04-01 00:30"]).tz_localize("Europe/London"))
    assert tc.count_events(s, FY).counts[:, 0].tolist() == [0, 1, 0]
    ns = np.array(["2016-03-31T23:59:59.999999999"], dtype="datetime64[ns]")
    assert tc.count_events(ns, FY).counts[:, 0].tolist() == [1, 0, 0]
    before_1970 = np.array(["1969-12-31T23:00"], dtype="datetime64[m]")
    t1969 = tc.count_events(before_1970, tc.period_range("1969", "1970"))
    assert t1969.counts[:, 0].tolist() == [1, 0]


DATES = [D(2015, 6, 1), None, D(2016, 4, 1), D(2017, 12, 25), D(2019, 1, 1), D(2014, 1, 1)]
LABELS = ["b", "a", "b", "c", "a", "c"]


@pytest.mark.parametrize(
    "dates",
    [
        DATES,
        tuple(DATES),
        np.array(
            [np.datetime64(d) if d else np.datetime64("NaT") for d in DATES], dtype="datetime64[D]"
        ),
        np.array(
            [np.datetime64(d) if d else np.datetime64("NaT") for d in DATES], dtype="datetime64[ns]"
        ),
        [dt.datetime(d.year, d.month, d.day, 12) if d else None for d in DATES],
        pd.Series(pd.to_datetime(DATES)),
        pd.Index(pd.to_datetime(DATES)),
        pl.Series(DATES, dtype=pl.Date),
        pl.Series([dt.datetime(d.year, d.month, d.day) if d else None for d in DATES]),
        pa.array(DATES, type=pa.date32()),
        pa.chunked_array([DATES[:3], DATES[3:]], type=pa.date32()),
        pa.array(
            [dt.datetime(d.year, d.month, d.day) if d else None for d in DATES],
            type=pa.timestamp("us", tz="UTC"),
        ),
    ],
    ids=lambda x: type(x).__name__,
)
@pytest.mark.parametrize(
    "groups",
    [
        LABELS,
        np.array(LABELS),
        np.array(LABELS, dtype=object),
        pd.Series(LABELS),
        pd.Series(LABELS, dtype="category"),
        pl.Series(LABELS),
        pa.array(LABELS),
    ],
    ids=lambda x: type(x).__name__ + str(getattr(x, "dtype", "")),
)
def test_every_container_gives_the_same_table(dates: object, groups: object) -> None:
    expected = tc.count_events(DATES, FY, groups=LABELS)
    assert tc.count_events(dates, FY, groups=groups) == expected
    assert expected.groups == ("a", "b", "c")
    assert expected.missing.tolist() == [1, 0, 0]


@given(st.lists(st.integers(-5, 60), min_size=1, max_size=50))
def test_integer_groups_in_any_form_give_the_same_table(codes: list[int]) -> None:
    dates = [D(2016, 5, 1)] * len(codes)
    expected = tc.count_events(dates, FY, groups=codes)
    assert expected.groups == tuple(sorted(set(codes)))
    for form in (
        np.array(codes, dtype=np.int64),
        np.array(codes, dtype=np.int16),
        pd.Series(codes),
        pl.Series(codes),
        pa.array(codes),
    ):
        assert tc.count_events(dates, FY, groups=form) == expected


def test_sparse_integer_groups() -> None:
    t = tc.count_events([D(2016, 5, 1)] * 3, FY, groups=[10**12, 5, 10**12])
    assert t.groups == (5, 10**12)
    assert t.counts[1].tolist() == [1, 2]


def test_periods_as_text_with_bounds() -> None:
    t = tc.count_events([D(2016, 5, 1)], "2010/11 to 2023/24")
    assert len(t.periods) == 14
    assert t.periods[0].label == "2010/11"


def test_counting_into_years_equals_counting_into_months_then_resampling() -> None:
    rng = random.Random(7)
    start = D(2014, 1, 1).toordinal()
    dates = [D.fromordinal(start + rng.randrange(0, 6 * 365)) for _ in range(3000)]
    groups = [rng.choice(["x", "y"]) for _ in dates]
    years = tc.count_events(dates, "2015/16 to 2017/18", groups=groups)
    months = tc.count_events(dates, "April 2015 to March 2018", groups=groups)
    assert months.resample("financial_year") == years
    quarters = tc.count_events(dates, "2015/16 Q1 to 2017/18 Q4", groups=groups)
    assert quarters.resample("financial_year") == years
    assert months.resample("financial_quarter") == quarters


def test_dropping_incomplete_periods_moves_their_events_to_before_and_after() -> None:
    dates = [D(2015, 5, 1), D(2016, 5, 1), D(2017, 5, 1)]
    months = tc.count_events(dates, "May 2015 to May 2017")
    years = months.resample("financial_year", incomplete="drop")
    assert [p.label for p in years.periods] == ["2016/17"]
    assert (years.before.tolist(), years.counts.tolist(), years.after.tolist()) == ([1], [[1]], [1])
    assert years.n_events == 3


def test_series_total_and_exports() -> None:
    t = tc.count_events(DATES, FY, groups=LABELS)
    assert t.series("b").as_dict() == {"2015/16": 1, "2016/17": 1, "2017/18": 0}
    assert t.series().total() == t.total() == 3
    frame = t.to_pandas()
    assert list(frame.columns) == ["a", "b", "c"]
    assert frame.loc["2016/17", "b"] == 1
    polars_frame = t.to_polars()
    assert polars_frame.columns == ["period", "a", "b", "c"]
    assert polars_frame["c"].to_list() == [0, 0, 1]
    with pytest.raises(tc.TrendcalcError, match="group 'z' is not in the table"):
        t.series("z")


def test_counts_are_read_only() -> None:
    t = tc.count_events(DATES, FY)
    with pytest.raises(ValueError, match="read-only"):
        t.counts[0, 0] = 5


def test_inputs_are_not_changed() -> None:
    days = np.array(["2016-05-01", "NaT"], dtype="datetime64[D]")
    codes = np.array([3, 4])
    tc.count_events(days, FY, groups=codes)
    assert days.astype(str).tolist() == ["2016-05-01", "NaT"]
    assert codes.tolist() == [3, 4]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: tc.count_events(DATES, FY, groups=LABELS[:2]),
            "groups must have one label per event: 6 dates but 2 labels",
        ),
        (
            lambda: tc.count_events(["2016-05-01"], FY),
            r"dates must hold dates, datetimes or None \(got str '2016-05-01' at index 0\)",
        ),
        (lambda: tc.count_events(np.array([1, 2]), FY), "dates must hold dates"),
        (lambda: tc.count_events("2016-05-01", FY), "dates must be a numpy datetime64 array"),
        (lambda: tc.count_events(DATES, ["2015/16", "2017/18"]), "periods must be consecutive"),
        (lambda: tc.count_events(DATES, "2015/16"), "periods as text must read 'FIRST to LAST'"),
        (lambda: tc.count_events(DATES, []), "periods must be a non-empty sequence"),
        (
            lambda: tc.count_events(DATES, FY, groups=[1, "a", 1, 1, 1, 1]),
            "groups must be all str or all int",
        ),
        (
            lambda: tc.count_events(DATES, FY, groups=["a", None, "a", "a", "a", "a"]),
            "groups must not be missing",
        ),
        (
            lambda: tc.count_events(DATES, FY, groups=pd.Series(["a", None, "a", "a", "a", "a"])),
            "groups must not be missing",
        ),
        (
            lambda: tc.count_events(DATES, FY, groups=[1.5] * 6),
            r"groups must be str or int labels \(got float\)",
        ),
        (
            lambda: tc.count_events(DATES, FY, groups=np.array([1.5] * 6)),
            r"groups must be labels, str or int \(got an array of float64\)",
        ),
        (
            lambda: tc.count_events(pl.Series([1, 2]), FY),
            "dates must be a polars Date or Datetime series",
        ),
        (
            lambda: tc.count_events(DATES, FY) + tc.count_events(DATES, "2015/16 to 2016/17"),
            "cannot merge tables counted over different periods",
        ),
        (
            lambda: tc.count_events(DATES, FY) + tc.count_events(DATES, FY, groups=LABELS),
            "cannot merge a table without groups",
        ),
    ],
)
def test_bad_input_is_refused_naming_the_argument(call: object, message: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        call()  # type: ignore[operator]


def test_large_array_matches_numpy_reference() -> None:
    rng = np.random.default_rng(3)
    days = np.datetime64("2010-01-01") + rng.integers(-400, 15 * 365, 300_000)
    days[rng.integers(0, days.size, 50)] = np.datetime64("NaT")
    codes = rng.integers(0, 43, days.size)
    periods = tc.period_range("2010/11", "2023/24")
    t = tc.count_events(days, periods, groups=codes)
    edges = np.array(
        [p.start for p in periods] + [periods[-1].end + dt.timedelta(days=1)], dtype="datetime64[D]"
    )
    valid = ~np.isnat(days)
    index = np.searchsorted(edges, days[valid], side="right") - 1
    expected = np.zeros((len(periods), 43), dtype=np.int64)
    inside = (index >= 0) & (index < len(periods))
    np.add.at(expected, (index[inside], codes[valid][inside]), 1)
    assert np.array_equal(t.counts, expected)
    assert t.missing.sum() == (~valid).sum()
    assert t.n_events == days.size


@pytest.mark.parametrize("periods", ["1965 to 1966", "1970 to 1971", "2015/16 to 2017/18"])
def test_extreme_day_numbers_and_nat_never_wrap_into_the_wrong_side(periods: str) -> None:
    # day numbers near the ends of int64 are no real dates, but must still land on their side
    lowest, highest = np.iinfo(np.int64).min + 1, np.iinfo(np.int64).max
    days = np.array(
        [lowest, lowest + 5, highest, highest - 5, np.iinfo(np.int64).min, 0], dtype=np.int64
    )
    table = tc.count_events(days.view("datetime64[D]"), periods, groups=[1, 2, 1, 2, 1, 2])
    first, last = (tc.parse_period(p) for p in periods.split(" to "))
    zero = dt.date(1970, 1, 1)
    assert table.missing.tolist() == [1, 0]
    assert table.before.tolist() == [1, 1 + (zero < first.start)]
    assert table.after.tolist() == [1, 1 + (zero > last.end)]
    assert int(table.counts.sum()) == int(first.start <= zero <= last.end)
    assert table.n_events == 6
