"""Counting records into periods: conservation, a pure-Python oracle, merges, containers."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from collections import Counter
from collections.abc import Iterator
from unittest import mock

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest
from hypothesis import given, settings
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
        (
            lambda: tc.count_events(DATES, "2015/17"),
            "periods must be one period label such as '2016/17', or text 'FIRST to LAST'",
        ),
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


# ----------------------------------------------------------------------------- one period

from tests import strategies as sts  # noqa: E402


def test_a_single_period_as_a_label_or_a_period() -> None:
    dates = [D(2016, 3, 31), D(2016, 4, 1), D(2017, 3, 31), D(2017, 4, 1)]
    for periods in ("2016/17", tc.parse_period("2016/17"), ["2016/17"]):
        t = tc.count_events(dates, periods)
        assert [p.label for p in t.periods] == ["2016/17"]
        assert (t.counts.tolist(), t.before.tolist(), t.after.tolist()) == ([[2]], [1], [1])


# ----------------------------------------------------------------------------- several keys


@st.composite
def keyed_events(draw: st.DrawFn) -> tuple[list[dt.date | None], list[str], list[str], list[int]]:
    dates = draw(sts.event_dates)
    n = len(dates)
    force = draw(st.lists(sts.forces, min_size=n, max_size=n))
    offence = draw(st.lists(sts.offences, min_size=n, max_size=n))
    year = draw(st.lists(st.integers(-3, 3), min_size=n, max_size=n))
    return dates, force, offence, year


@given(keyed_events())
def test_several_keys_equal_counting_each_combination_on_its_own(
    data: tuple[list[dt.date | None], list[str], list[str], list[int]],
) -> None:
    dates, force, offence, year = data
    table = tc.count_events(dates, FY, groups=[force, offence, year])
    combos = sorted(set(zip(force, offence, year, strict=True)))
    assert table.groups == tuple(combos)
    assert table.keys == ("group_1", "group_2", "group_3")
    for j, combo in enumerate(combos):
        mine = [
            d for d, *key in zip(dates, force, offence, year, strict=True) if tuple(key) == combo
        ]
        alone = tc.count_events(mine, FY)
        assert table.counts[:, j].tolist() == alone.counts[:, 0].tolist()
        assert table.before[j] == alone.before[0]
        assert table.after[j] == alone.after[0]
        assert table.missing[j] == alone.missing[0]
    assert table.n_events == len(dates)  # every event conserved


@given(keyed_events())
def test_several_keys_in_any_container_give_the_same_table(
    data: tuple[list[dt.date | None], list[str], list[str], list[int]],
) -> None:
    dates, force, offence, year = data
    expected = tc.count_events(dates, FY, groups=[force, offence, year])
    frame = pd.DataFrame({"force": force, "offence": offence, "year": year})
    named = tc.count_events(dates, FY, groups=frame)
    assert named.keys == ("force", "offence", "year")
    assert named.groups == expected.groups
    assert np.array_equal(named.counts, expected.counts)
    forms = [
        [pd.Series(force, dtype="category"), pl.Series(offence), np.array(year, dtype=np.int16)],
        [pa.array(force).dictionary_encode(), pd.Series(offence, dtype="str"), pl.Series(year)],
        [np.array(force), pl.Series(offence).cast(pl.Categorical), pa.array(year)],
    ]
    for columns in forms:
        t = tc.count_events(dates, FY, groups=columns)
        assert t.groups == expected.groups
        assert np.array_equal(t.counts, expected.counts)
        assert np.array_equal(t.missing, expected.missing)
    polars_frame = tc.count_events(dates, FY, groups=pl.DataFrame(frame))
    assert polars_frame == named


def test_key_names_come_from_the_columns() -> None:
    dates = [D(2016, 5, 1), D(2016, 6, 1), None]
    force = pd.Series(["Kent", "Kent", "Essex"], name="Falls within")
    crime = pl.Series("Crime type", ["Burglary", "Robbery", "Burglary"])
    t = tc.count_events(dates, FY, groups=[force, crime])
    assert t.keys == ("Falls within", "Crime type")
    assert t.groups == (("Essex", "Burglary"), ("Kent", "Burglary"), ("Kent", "Robbery"))
    assert t.counts[1].tolist() == [0, 1, 1]
    assert t.missing.tolist() == [1, 0, 0]
    assert t.series(("Kent", "Robbery")).as_dict() == {"2015/16": 0, "2016/17": 1, "2017/18": 0}
    unnamed = tc.count_events(dates, FY, groups=[force.to_list(), pa.array(crime.to_list())])
    assert unnamed.keys == ("group_1", "group_2")
    same_name = tc.count_events(dates, FY, groups=[force, force.rename("Falls within")])
    assert same_name.keys == ("Falls within", "group_2")


def test_one_key_column_in_a_list_gives_one_tuples() -> None:
    t = tc.count_events([D(2016, 5, 1)], FY, groups=[pd.Series(["Kent"], name="force")])
    assert (t.keys, t.groups) == (("force",), (("Kent",),))


def test_keyed_tables_merge_resample_and_refuse_other_keys() -> None:
    dates = [D(2015, 5, 1), D(2016, 5, 1), D(2017, 5, 1)]
    force, crime = ["a", "b", "a"], ["x", "x", "y"]
    whole = tc.count_events(dates, "April 2015 to March 2018", groups=[force, crime])
    parts = [
        tc.count_events(
            dates[i : i + 1],
            "April 2015 to March 2018",
            groups=[force[i : i + 1], crime[i : i + 1]],
        )
        for i in range(3)
    ]
    assert parts[0] + parts[1] + parts[2] == whole
    empty = tc.count_events([], "April 2015 to March 2018", groups=[[], []])
    assert (empty.groups, empty.keys) == ((), ("group_1", "group_2"))
    assert whole + empty == whole
    assert whole + tc.CountTable.zero(whole.periods, ()) == whole
    years = whole.resample("financial_year")
    assert years.keys == whole.keys
    assert years == tc.count_events(dates, FY, groups=[force, crime])
    other = tc.count_events(
        dates, "April 2015 to March 2018", groups=[pd.Series(force, name="f"), crime]
    )
    with pytest.raises(tc.TrendcalcError, match="cannot merge tables with different keys"):
        whole + other


def test_count_table_keys_are_checked() -> None:
    ps = tc.period_range("2015/16", "2016/17")
    z = np.zeros(2, dtype=np.int64)
    counts = np.ones((2, 2), dtype=np.int64)
    t = tc.CountTable(ps, [("a", 1), ("b", 1)], counts, z, z, z, keys=("force", "year"))
    assert t.keys == ("force", "year")
    assert tc.CountTable.zero(ps, [("a", 1)], keys=("force", "year")).keys == ("force", "year")
    assert tc.CountTable(ps, ["a", "b"], counts, z, z, z).keys is None
    named = tc.CountTable(ps, ["a", "b"], counts, z, z, z, keys=("force",))  # one named key
    assert named.keys == ("force",)
    assert named.groups == ("a", "b")
    bad = [
        ({"groups": [("a", 1), ("b", 1)], "keys": None}, "tuples needs keys="),
        (
            {"groups": [("a", 1), ("b", 1)], "keys": ("force",)},
            r"keys must name each position of the group labels: 2 name\(s\)",
        ),
        ({"groups": [("a", 1), ("b", 1)], "keys": ("f", "f")}, "keys must not repeat a name"),
        ({"groups": [("a", 1), ("b", 1)], "keys": ("f", "")}, "keys must be non-empty text"),
        (
            {"groups": [("a", 1), ("b", "x")], "keys": ("f", "y")},
            "position 1 of the group tuples must be labels all of one kind",
        ),
        ({"groups": [("b", 1), ("a", 1)], "keys": ("f", "y")}, "groups must be unique and sorted"),
    ]
    for kwargs, message in bad:
        with pytest.raises(tc.TrendcalcError, match=message):
            tc.CountTable(ps, kwargs["groups"], counts, z, z, z, keys=kwargs["keys"])


@pytest.mark.parametrize(
    ("groups", "message"),
    [
        ([["a", "b"], ["x"]], r"groups\[1\] must have one label per event: 2 dates but 1 labels"),
        ([["a", "b"], ["x", None]], r"groups\[1\] must not be missing"),
        (
            [["a", "b"], [1, "x"]],
            r"groups must be all str or all int, not a mix|groups\[1\] must be all str or all int",
        ),
        (
            [np.array(["a", "b"], dtype=object), np.array([1, "x"], dtype=object)],
            r"groups\[1\] must be all str or all int",
        ),
        ([["a", "b"], [1.5, 2.5]], r"groups\[1\] must be str or int labels"),
    ],
)
def test_bad_key_columns_are_refused_naming_the_column(groups: object, message: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        tc.count_events([D(2016, 5, 1), D(2016, 6, 1)], FY, groups=groups)


# ----------------------------------------------------------------------------- months


def _first_days(months: list[str | None]) -> list[dt.date | None]:
    return [None if m is None else D(int(m[:4]), int(m[5:]), 1) for m in months]


month_labels = st.lists(
    st.one_of(
        st.none(),
        st.builds(lambda y, m: f"{y}-{m:02d}", st.integers(2012, 2018), st.integers(1, 12)),
    ),
    max_size=60,
)


@given(month_labels, sts.month_periods(), st.lists(sts.forces, min_size=60, max_size=60))
def test_month_labels_count_as_the_first_day_of_their_month(
    months: list[str | None], periods: list[tc.Period], force: list[str]
) -> None:
    groups = force[: len(months)]
    expected = tc.count_events(_first_days(months), periods, groups=groups)
    assert tc.count_events(months, periods, groups=groups, kind="month") == expected
    for form in (
        np.array(months, dtype=object),
        pd.Series(months, dtype="str"),
        pd.Series(months, dtype="category"),
        pl.Series(months, dtype=pl.String),
        pl.Series(months, dtype=pl.String).cast(pl.Categorical),
        pa.array(months, type=pa.string()),
        pa.array(months, type=pa.large_string()).dictionary_encode(),
    ):
        assert tc.count_events(form, periods, groups=groups, kind="month") == expected
    if None not in months and months:
        assert tc.count_events(np.array(months), periods, groups=groups, kind="month") == expected


@pytest.mark.parametrize("shuffle", [False, True], ids=["in runs", "shuffled"])
@pytest.mark.parametrize(
    "container",
    [
        lambda v: pa.array(v),
        lambda v: pa.chunked_array([v[:50_000], v[50_000:]], type=pa.large_string()),
        lambda v: pd.Series(v, dtype="str"),
        lambda v: pl.Series(v),
        lambda v: np.array(v),
    ],
    ids=["pyarrow", "chunked", "pandas", "polars", "numpy"],
)
def test_long_month_and_force_columns_take_the_fast_paths_and_agree(
    shuffle: bool, container: object
) -> None:
    rng = np.random.default_rng(8)
    n = 100_000
    months = np.array([f"{y}-{m:02d}" for y in (2015, 2016, 2017) for m in range(1, 13)])
    forces = np.array(
        ["Kent Police", "Essex Police", "Metropolitan Police Service", "Surrey Police"]
    )
    mi, fi = rng.integers(0, months.size, n), rng.integers(0, forces.size, n)
    order = np.lexsort((fi, mi))
    mi, fi = mi[order], fi[order]
    if shuffle:
        perm = rng.permutation(n)
        mi, fi = mi[perm], fi[perm]
    month_text, force_text = months[mi].tolist(), forces[fi].tolist()
    month_text[5] = "2015-1O"  # a letter O, not a zero: no month
    slow_months = month_text[:5] + month_text[6:]
    slow_forces = force_text[:5] + force_text[6:]
    periods = "April 2015 to March 2017"
    expected = tc.count_events(
        _first_days(slow_months), periods, groups=np.array(slow_forces, dtype=object)
    )
    fast = tc.count_events(
        container(slow_months),
        periods,
        groups=container(slow_forces),
        kind="month",  # type: ignore[operator]
    )
    assert fast == expected
    # reference: pandas
    frame = pd.DataFrame({"m": slow_months, "f": slow_forces})
    inside = frame[(frame.m >= "2015-04") & (frame.m <= "2017-03")]
    sizes = inside.groupby(["f", "m"]).size()
    j = fast.groups.index("Kent Police")
    assert (
        fast.counts[[p.label for p in fast.periods].index("May 2016"), j]
        == sizes[("Kent Police", "2016-05")]
    )
    with pytest.raises(tc.TrendcalcError, match=r"got '2015-1O' at index 5\)"):
        tc.count_events(container(month_text), periods, groups=container(force_text), kind="month")  # type: ignore[operator]


def test_months_before_and_after_the_periods_go_to_before_and_after() -> None:
    months = ["2011-12", "2012-01", "2012-12", "2013-01", None]
    t = tc.count_events(months, "2012", kind="month")
    assert (t.before.tolist(), t.counts.tolist(), t.after.tolist(), t.missing.tolist()) == (
        [1],
        [[2]],
        [1],
        [1],
    )
    assert tc.count_events(["2011-12"], "December 2011", kind="month").counts.tolist() == [[1]]
    named = tc.count_events(["March 2016", "Mar 2016", D(2016, 3, 9)], "March 2016", kind="month")
    assert named.counts.tolist() == [[3]]


def test_dates_with_kind_month_count_by_their_month() -> None:
    days = np.array(["2016-03-31", "2016-04-01", "NaT"], dtype="datetime64[D]")
    t = tc.count_events(days, "2016/17", kind="month")
    assert (t.before.tolist(), t.counts.tolist(), t.missing.tolist()) == ([1], [[1]], [1])
    with pytest.raises(
        tc.TrendcalcError, match=r"the month '2016-04' .* is not wholly inside one period"
    ):
        tc.count_events(["2016-04"], [tc.date_range(D(2016, 4, 1), D(2016, 4, 15))], kind="month")


@pytest.mark.parametrize(
    ("months", "periods", "message"),
    [
        (
            ["2016-03", "2016-04"],
            "2016-03-15/2016-04-30",
            r"the month '2016-03' \(at index 0\) is not wholly inside one period: it begins before the first period \('2016-03-15/2016-04-30'\) and ends in period '2016-03-15/2016-04-30'",
        ),
        (
            ["2016-04", "2016-05"],
            ["2016-04-01/2016-05-10", "2016-05-11/2016-06-19"],
            r"the month '2016-05' \(at index 1\) is not wholly inside one period: it begins in period '2016-04-01/2016-05-10' and ends in period '2016-05-11/2016-06-19'",
        ),
        (
            ["2016-13"],
            "2016/17",
            r"dates must hold months when kind='month', such as '2016-03' or 'March 2016' \(got '2016-13' at index 0\)",
        ),
        (["2016-04-01"], "2016/17", r"got '2016-04-01' at index 0"),
        (["2016/17"], "2016/17", r"got '2016/17' at index 0"),
        ([201604], "2016/17", r"got 201604 at index 0"),
        (
            np.array([201604]),
            "2016/17",
            "dates must hold month labels such as '2016-03' or dates when kind='month' ",
        ),
        ([1.5], "2016/17", r"got 1.5 at index 0"),
    ],
)
def test_bad_months_are_refused_naming_the_month_and_the_period(
    months: list[object], periods: object, message: str
) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        tc.count_events(months, periods, kind="month")


def test_kind_is_checked_and_text_dates_say_how_to_read_months() -> None:
    with pytest.raises(tc.TrendcalcError, match=r"kind must be 'date' or 'month' \(got 'months'\)"):
        tc.count_events([D(2016, 5, 1)], FY, kind="months")  # type: ignore[arg-type]
    for dates in (
        ["2016-03"],
        pl.Series(["2016-03"]),
        pa.array(["2016-03"]),
        np.array(["2016-03"]),
        pd.Series(["2016-03"], dtype="string[pyarrow]"),
        pd.Series(["2016-03"], dtype=object),
    ):
        # text dates: say how to convert them, and how to read month labels
        with pytest.raises(tc.TrendcalcError, match=r"to_datetime.*kind='month'"):
            tc.count_events(dates, FY)
    with pytest.raises(tc.TrendcalcError, match="got a pandas column of text"):
        tc.count_events(pd.Series(["2016-04-01"], dtype="string[pyarrow]"), FY)


# ----------------------------------------------------------------------------- fast paths


labels_strategy = st.lists(
    st.sampled_from(["Kent", "Essex", "Lincolnshire", "City of London"]), max_size=40
)


@given(labels_strategy)
def test_categorical_and_text_columns_equal_python_labels(labels: list[str]) -> None:
    dates = [D(2016, 5, 1) if i % 3 else None for i in range(len(labels))]
    expected = tc.count_events(dates, FY, groups=labels)
    for form in (
        pd.Series(labels, dtype="category"),
        pd.Categorical(
            labels, categories=["Unused", "Kent", "Essex", "Lincolnshire", "City of London"]
        ),
        pd.Series(labels, dtype="str"),
        pd.Series(labels, dtype=pd.ArrowDtype(pa.string())),
        pl.Series(labels, dtype=pl.String),
        pl.Series(labels, dtype=pl.String).cast(pl.Categorical),
        pl.Series(
            labels, dtype=pl.Enum(["Unused", "Kent", "Essex", "Lincolnshire", "City of London"])
        ),
        pa.array(labels, type=pa.string()).dictionary_encode(),
        pa.chunked_array(
            [
                pa.array(labels[:3], type=pa.string()).dictionary_encode(),
                pa.array(labels[3:], type=pa.string()).dictionary_encode(),
            ]
        ),
        np.array(labels, dtype="U20"),
    ):
        assert tc.count_events(dates, FY, groups=form) == expected


def test_unused_categories_are_not_columns() -> None:
    groups = pd.Categorical(["b", "b"], categories=["a", "b", "c"])
    assert tc.count_events([D(2016, 5, 1)] * 2, FY, groups=groups).groups == ("b",)


def test_missing_labels_in_categorical_and_text_columns_are_refused() -> None:
    for groups in (
        pd.Series(["a", None], dtype="category"),
        pd.Series(["a", None], dtype="str"),
        pl.Series(["a", None]).cast(pl.Categorical),
        pl.Series(["a", None]),
        pa.array(["a", None]),
        pa.array(["a", None]).dictionary_encode(),
        np.array(["a", None], dtype=object),
    ):
        with pytest.raises(tc.TrendcalcError, match="groups must not be missing"):
            tc.count_events([D(2016, 5, 1)] * 2, FY, groups=groups)


# ----------------------------------------------------------------------------- issue 10


def test_nanosecond_timestamps_near_the_minimum_land_in_before() -> None:
    t = tc.count_events(pd.Series([pd.Timestamp.min]), "April 2262 to March 2263")
    assert (t.before.tolist(), int(t.counts.sum())) == ([1], 0)
    ns = np.array([np.iinfo(np.int64).min + 1, np.iinfo(np.int64).max], dtype=np.int64).view(
        "datetime64[ns]"
    )
    t2 = tc.count_events(ns, "1677 to 2262")
    assert (t2.counts[0, 0], t2.counts[-1, 0], t2.n_events) == (1, 1, 2)


@pytest.mark.parametrize(
    "unit", ["h", "m", "s", "ms", "us", "ns", "ps", "fs", "as", "7h", "W", "M", "Y", "3D"]
)
def test_every_datetime64_unit_floors_to_its_own_day(unit: str) -> None:
    info = np.iinfo(np.int64)
    raw = np.array(
        [info.min + 1, info.min + 2, -1, 0, 1, 5_000, info.max - 1, info.max, info.min],
        dtype=np.int64,
    )
    values = raw.view(f"datetime64[{unit}]")
    table = tc.count_events(values, "1969 to 1970")
    # oracle: exact day numbers in Python integers
    step_unit, step = np.datetime_data(values.dtype)
    per_day = {
        "h": 24,
        "m": 1440,
        "s": 86_400,
        "ms": 86_400_000,
        "us": 86_400 * 10**6,
        "ns": 86_400 * 10**9,
        "ps": 86_400 * 10**12,
        "fs": 86_400 * 10**15,
        "as": 86_400 * 10**18,
    }
    expected = Counter()
    for v in raw.tolist()[:-1]:
        if step_unit in per_day:
            day = v * step // per_day[step_unit]
        elif step_unit == "D":
            day = v * step
        elif step_unit == "W":
            day = v * 7
        else:
            months = v if step_unit == "M" else v * 12
            year, month = divmod(months, 12)
            day = (
                10**12 * (1 if year > 0 else -1)
                if abs(year) > 10**6
                else (D(1970, 1, 1).toordinal() if False else None)
            )
            if day is None:
                day = (year * 12 + month) * 31  # sign and order are enough here: far from 1969-1970
                if -24 <= year * 12 + month < 24:
                    day = (dt.date(1970 + year, month + 1, 1) - D(1970, 1, 1)).days
        if day < -365:
            expected["before"] += 1
        elif day > 364:
            expected["after"] += 1
        else:
            expected["1969" if day < 0 else "1970"] += 1
    assert table.before[0] == expected["before"]
    assert table.after[0] == expected["after"]
    assert table.counts[:, 0].tolist() == [expected["1969"], expected["1970"]]
    assert table.missing.tolist() == [1]


def test_uint64_groups() -> None:
    dates = [D(2016, 5, 1)] * 3
    for groups in (
        np.array([1, 2, 2], dtype=np.uint64),
        pl.Series([1, 2, 2], dtype=pl.UInt64),
        pa.array([1, 2, 2], type=pa.uint64()),
        pd.Series([1, 2, 2], dtype="uint64"),
    ):
        t = tc.count_events(dates, FY, groups=groups)
        assert (t.groups, t.counts[1].tolist()) == ((1, 2), [1, 2])
    huge = tc.count_events(dates, FY, groups=np.array([2**64 - 1, 0, 2**64 - 1], dtype=np.uint64))
    assert (huge.groups, huge.counts[1].tolist()) == ((0, 2**64 - 1), [1, 2])


def test_object_arrays_mixing_str_and_int_are_refused() -> None:
    with pytest.raises(
        tc.TrendcalcError, match=r"groups must be all str or all int, not a mix \(got int, str\)"
    ):
        tc.count_events([D(2016, 5, 1)] * 2, FY, groups=np.array(["a", 1], dtype=object))
    with pytest.raises(tc.TrendcalcError, match="not a mix"):
        tc.count_events([D(2016, 5, 1)] * 2, FY, groups=pd.Series(["a", 1], dtype=object))


@pytest.mark.parametrize(
    ("labels", "shown"),
    [([1, 1, True], "True"), ([1, 1.0, 1], "float 1.0"), (["a", "a", b"a"], "bytes b'a'")],
)
def test_object_labels_equal_to_an_int_or_str_are_refused_not_merged(
    labels: list[object], shown: str
) -> None:
    dates = [D(2016, 5, 1)] * 3
    for column in (np.array(labels, dtype=object), pd.Series(labels, dtype=object)):
        with pytest.raises(tc.TrendcalcError, match=f"groups must be str or int labels.*{shown}"):
            tc.count_events(dates, FY, groups=column)
        with counted_in_pieces(3), pytest.raises(tc.TrendcalcError, match=shown):
            tc.count_events(_datetime64(dates), FY, groups=column)


def test_arrow_dates_with_nulls_and_pandas_na_are_missing() -> None:
    arrow = pd.Series([D(2016, 5, 1), None], dtype=pd.ArrowDtype(pa.date32()))
    stamps = pd.Series([dt.datetime(2016, 5, 1), None], dtype=pd.ArrowDtype(pa.timestamp("ns")))
    for dates in (
        arrow,
        stamps,
        pd.Series([D(2016, 5, 1), pd.NA]),
        [D(2016, 5, 1), pd.NA],
        pd.Series([pd.Timestamp("2016-05-01"), pd.NaT]),
    ):
        t = tc.count_events(dates, FY)
        assert (t.counts[:, 0].tolist(), t.missing.tolist()) == ([0, 1, 0], [1])


@pytest.mark.parametrize("spread", [10**8, 10**12, 2**62])
def test_sparse_integer_labels_are_factorised_not_spread_out(spread: int) -> None:
    for groups in (
        [1, -spread, 1],
        np.array([1, -spread, 1]),
        pd.Series([1, -spread, 1]),
        pl.Series([1, -spread, 1]),
    ):
        t = tc.count_events([D(2016, 5, 1)] * 3, FY, groups=groups)
        assert (t.groups, t.counts[1].tolist()) == ((-spread, 1), [1, 2])


@settings(max_examples=25)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                [
                    "",
                    "a",
                    "ab",
                    "abcdefg",
                    "abcdefgh",
                    "abcdefgX",
                    "abcdXfgh",
                    "Xbcdefghijklmnop",
                    "abcdefghijklmnoX",
                    "abcdefghijklmnop",
                ]
            ),
            st.integers(1, 9000),
        ),
        min_size=1,
        max_size=40,
    ),
    st.sampled_from(["string", "large_string", "chunked"]),
)
def test_text_in_runs_is_factorised_exactly(runs: list[tuple[str, int]], form: str) -> None:
    values = np.repeat(np.array([v for v, _ in runs], dtype=object), [k for _, k in runs])
    if values.size < 70_000:  # the run-by-run route needs long columns
        values = np.concatenate([values, np.full(70_000 - values.size, "tail", dtype=object)])
    text = values.tolist()
    if form == "chunked":
        column = pa.chunked_array([text[:30_000], text[30_000:]], type=pa.string())
    else:
        column = pa.array(text, type=getattr(pa, form)())
    dates = np.full(len(text), np.datetime64("2016-05-01"))
    table = tc.count_events(dates, FY, groups=column)
    expected = Counter(text)
    assert table.groups == tuple(sorted(expected))
    assert table.counts[1].tolist() == [expected[g] for g in table.groups]
    months = pa.array(["2016-05" if v.startswith("a") else "2017-05" for v in text])
    by_month = tc.count_events(months, FY, groups=column, kind="month")
    assert by_month == tc.count_events(
        np.array(months.to_pylist()), FY, groups=np.array(text, dtype=object), kind="month"
    )


def test_sliced_arrow_text_is_read_from_its_own_offset() -> None:
    rng = np.random.default_rng(4)
    months = np.array(["2016-04", "2016-05", "2016-06", "2017-01"])[
        np.sort(rng.integers(0, 4, 80_000))
    ]
    forces = np.array(["Kent Police", "Essex Police", "Surrey Police"])[rng.integers(0, 3, 80_000)]
    for shuffle in (False, True):
        order = rng.permutation(months.size) if shuffle else np.arange(months.size)
        m, f = months[order].tolist(), np.sort(forces).tolist() if not shuffle else forces.tolist()
        column_m, column_f = pa.array(["junk"] * 7 + m).slice(7), pa.array(["x"] * 3 + f).slice(3)
        expected = tc.count_events(
            np.array(m, dtype=object), FY, groups=np.array(f, dtype=object), kind="month"
        )
        assert tc.count_events(column_m, FY, groups=column_f, kind="month") == expected
        assert (
            tc.count_events(column_m, FY, groups=column_f.dictionary_encode(), kind="month")
            == expected
        )


# ----------------------------------------------------------------------------- in pieces


@contextlib.contextmanager
def counted_in_pieces(k: int, *, runs: bool = False) -> Iterator[list[int]]:
    """Count in ``k`` pieces on ``k`` threads, however few the events (and, unless
    ``runs``, whether or not text comes in runs); yields the sizes of the pieces each call
    counted (so a test can see the pieces were used)."""
    import trendcalc._counting as counting

    sizes: list[int] = []
    count_one = counting._count_events

    def spy(dates: object, *args: object) -> tc.CountTable:
        sizes.append(len(dates))  # type: ignore[arg-type]
        return count_one(dates, *args)  # type: ignore[arg-type]

    with (
        mock.patch.object(counting, "_PIECE_EVENTS", 1),
        mock.patch.object(counting, "_threads", return_value=k),
        mock.patch.object(counting, "_count_events", spy),
        contextlib.ExitStack() as stack,
    ):
        if not runs:
            stack.enter_context(mock.patch.object(counting, "_looks_like_runs", return_value=False))
        yield sizes


def _datetime64(dates: list[dt.date | None]) -> np.ndarray:
    return np.array([d if d else "NaT" for d in dates], dtype="datetime64[D]")


@given(events(), st.integers(2, 5))
def test_counting_in_pieces_on_threads_gives_the_one_piece_table(
    data: tuple[list[dt.date | None], list[str]], k: int
) -> None:
    dates, groups = data
    expected = tc.count_events(dates, FY, groups=groups)  # Python lists: one piece
    ungrouped = tc.count_events(dates, FY)
    forms = [
        (_datetime64(dates), np.array(groups)),
        (pd.Series(_datetime64(dates)), pd.Series(groups, dtype="category")),
        (pl.Series(dates, dtype=pl.Date), pl.Series(groups)),
        (pa.array(dates, type=pa.date32()), pa.array(groups)),
        (_datetime64(dates), pd.Series(groups, dtype="str")),
    ]
    for d, g in forms:
        with counted_in_pieces(k) as sizes:
            assert tc.count_events(d, FY, groups=g) == expected
            assert tc.count_events(d, FY) == ungrouped
        assert len(sizes) == 2 * max(1, min(k, len(dates)))  # pieces, once there are two events
        assert sum(sizes) == 2 * len(dates)


@given(keyed_events(), st.integers(2, 4))
def test_several_keys_in_pieces_give_the_one_piece_table(
    data: tuple[list[dt.date | None], list[str], list[str], list[int]], k: int
) -> None:
    dates, force, offence, year = data
    expected = tc.count_events(dates, FY, groups=[force, offence, year])
    frame = pd.DataFrame({"force": force, "offence": offence, "year": year})
    with counted_in_pieces(k) as sizes:
        columns = [pd.Series(force, dtype="category"), pl.Series(offence), pa.array(year)]
        assert tc.count_events(_datetime64(dates), FY, groups=columns) == expected
        named = tc.count_events(pd.Series(_datetime64(dates)), FY, groups=frame)
        assert named.keys == ("force", "offence", "year")
        assert (named.groups, named.counts.tolist()) == (expected.groups, expected.counts.tolist())
        assert tc.count_events(pl.Series(dates, dtype=pl.Date), FY, groups=pl.DataFrame(frame)) == (
            named
        )
    assert len(sizes) == 3 * max(1, min(k, len(dates)))
    assert sum(sizes) == 3 * len(dates)


@given(month_labels, st.integers(2, 4))
def test_month_labels_in_pieces_give_the_one_piece_table(months: list[str | None], k: int) -> None:
    forces = [f"force {i % 3}" for i in range(len(months))]
    expected = tc.count_events(months, FY, groups=forces, kind="month")
    with counted_in_pieces(k):
        for form in (pa.array, pl.Series, lambda v: pd.Series(v, dtype="str")):
            column = form(months)  # type: ignore[operator]
            assert tc.count_events(column, FY, groups=form(forces), kind="month") == expected  # type: ignore[operator]


def test_errors_in_a_piece_name_the_event_as_counting_in_one_piece_does() -> None:
    months = ["2016-05"] * 9 + ["2016-1O"] + ["2017-01"] * 2  # a letter O in the last piece
    forces = ["Kent"] * 12
    with counted_in_pieces(3), pytest.raises(tc.TrendcalcError, match=r"'2016-1O' at index 9\)"):
        tc.count_events(pa.array(months), FY, groups=pa.array(forces), kind="month")
    dates = _datetime64([D(2016, 5, 1)] * 6)
    with counted_in_pieces(3):
        # each piece has labels of one kind; together they mix int and str
        mixed = np.array([1, 1, 1, 1, "a", "a"], dtype=object)
        with pytest.raises(tc.TrendcalcError, match="groups must be all str or all int"):
            tc.count_events(dates, FY, groups=mixed)
        with pytest.raises(tc.TrendcalcError, match=r"groups\[0\] must be all str or all int"):
            tc.count_events(dates, FY, groups=[mixed, np.array(["x"] * 6)])
        with pytest.raises(tc.TrendcalcError, match="groups must not be missing"):
            tc.count_events(dates, FY, groups=pa.array(["a"] * 5 + [None]))
        with pytest.raises(tc.TrendcalcError, match="6 dates but 5 labels"):
            tc.count_events(dates, FY, groups=np.array(["a"] * 5))
    with pytest.raises(tc.TrendcalcError, match="dates must hold dates"):  # dates are read first
        tc.count_events(["x"] * 6, FY, groups=["a", None, "a", "a", "a", "a"])


@pytest.mark.parametrize(
    "form", [pa.array, pl.Series, lambda v: pd.Series(v, dtype="str")], ids=["pa", "pl", "pd"]
)
def test_text_in_long_runs_is_counted_whole_and_shuffled_text_in_pieces(form: object) -> None:
    rng = np.random.default_rng(5)
    n = 80_000  # long enough to be read run by run
    months = np.repeat(["2016-05", "2016-06", "2017-02", "2015-01"], n // 4)
    forces = np.tile(
        np.repeat(["Kent", "Essex", "Metropolitan Police Service"], [9, 1, 10]), n // 20
    )
    for order in (np.arange(n), rng.permutation(n)):
        m, f = months[order].tolist(), forces[order].tolist()
        expected = tc.count_events(m, FY, groups=f, kind="month")
        with counted_in_pieces(2, runs=True) as sizes:
            got = tc.count_events(form(m), FY, groups=form(f), kind="month")  # type: ignore[operator]
        assert got == expected
        assert sizes == ([n] if order[1] == 1 else [n // 2, n // 2])


@pytest.mark.skipif(not hasattr(pa, "string_view"), reason="pyarrow without string_view")
def test_string_view_months_and_labels_are_read_exactly() -> None:
    months = ["2016-05", "2017-01", None, "2016-12", "2015-02", "2016-05"]
    forces = ["Metropolitan Police Service", "Kent", "Kent", "Avon and Somerset", "Kent", "Kent"]
    expected = tc.count_events(months, FY, groups=forces, kind="month")
    view = pa.array(["junk", *months], type=pa.string_view()).slice(1)  # read from its offset
    labels = pa.array(["junk", "junk", *forces], type=pa.string_view()).slice(2)
    assert tc.count_events(view, FY, groups=labels, kind="month") == expected
    full = [m or "2016-06" for m in months]  # no nulls: the bytes are read in place
    assert tc.count_events(pa.array(full, type=pa.string_view()), FY, kind="month") == (
        tc.count_events(full, FY, kind="month")
    )
    longer = ["March 2016", "2016-05", "2016-05"]  # not all seven characters long
    assert tc.count_events(pa.array(longer, type=pa.string_view()), FY, kind="month") == (
        tc.count_events(longer, FY, kind="month")
    )
    with pytest.raises(tc.TrendcalcError, match=r"'2016_05' at index 1\)"):
        tc.count_events(pa.array(["2016-05", "2016_05"], type=pa.string_view()), FY, kind="month")


seven_byte_text = st.text(
    alphabet=st.sampled_from("0123456789-é\x00 Ab"), min_size=1, max_size=7
).filter(lambda v: len(v.encode()) == 7)


@settings(max_examples=50)
@given(
    st.lists(seven_byte_text, min_size=1, max_size=400, unique=True),
    st.lists(st.integers(0, 399), min_size=1, max_size=3000),
    st.sampled_from(["string", "large_string", "string_view", "chunked", "sliced", "exact"]),
)
def test_seven_byte_text_is_coded_exactly_from_its_bytes(
    distinct: list[str], picks: list[int], form: str
) -> None:
    import trendcalc._counting as counting

    values = [distinct[i % len(distinct)] for i in picks]
    if form == "chunked":
        half = len(values) // 2
        column = pa.chunked_array([values[:half], values[half:]], type=pa.string())
    elif form == "sliced":
        column = pa.array(["2016-01", *values, "2016-02"], type=pa.large_string())[1:-1]
    elif form == "exact":  # the data buffer ends with the last value: no byte to spare
        data = "".join(values).encode()
        offsets = np.arange(0, len(data) + 1, 7, dtype=np.int32)
        column = pa.Array.from_buffers(
            pa.string(), len(values), [None, pa.py_buffer(offsets), pa.py_buffer(data)]
        )
    else:
        column = pa.array(values, type=getattr(pa, form)())
    found = counting._arrow_month_codes(column)
    assert found is not None
    assert found.values is not None
    assert [found.values[c] for c in found.codes.tolist()] == values
    assert sorted(found.values) == sorted(set(values))  # every value once


def test_seven_byte_text_that_is_not_all_seven_bytes_or_too_varied_is_factorised() -> None:
    import trendcalc._counting as counting

    assert counting._arrow_month_codes(pa.array(["2016-01", "2016-1"])) is None
    assert counting._arrow_month_codes(pa.array(["2016-01", None])) is None
    many = [f"{i:07d}" for i in range(counting._MAX_SEVEN + 1)]
    assert counting._arrow_month_codes(pa.array(many)) is None
    late = ["2016-05"] * 70_000 + ["2016-06", "2016-1O"]  # new values after the first block
    found = counting._arrow_month_codes(pa.array(late))
    assert found is not None
    assert found.values is not None
    assert [found.values[c] for c in found.codes[-3:].tolist()] == late[-3:]
    months = pa.array(["2016-05", "2016-é5", "2016\x0005"])  # seven bytes each, not months
    with pytest.raises(tc.TrendcalcError, match=r"got '2016-é5' at index 1\)"):
        tc.count_events(months, FY, kind="month")


@pytest.mark.parametrize("spread", ["consecutive", "centuries"])
def test_many_months_and_typos_are_coded_exactly_without_giving_up(spread: str) -> None:
    import trendcalc._counting as counting

    rng = np.random.default_rng(11)
    if spread == "consecutive":
        months = [f"{2000 + i // 12}-{i % 12 + 1:02d}" for i in range(180)]
        months += ["2O16-05", "2016-5 ", "201-605", "2016-13"]  # typos, seven bytes each
    else:
        slots = rng.choice(400 * 12, 300, replace=False)
        months = [f"{1800 + int(s) // 12}-{int(s) % 12 + 1:02d}" for s in slots]
    values = [months[i] for i in rng.integers(0, len(months), 200_000)]
    found = counting._arrow_month_codes(pa.array(values))
    assert found is not None
    assert found.values is not None
    assert [found.values[c] for c in found.codes.tolist()] == values


def test_a_piece_that_fails_in_any_way_gives_the_error_of_counting_in_one_piece() -> None:
    dates = np.array([D(2016, 5, 1)] * 4 + ["x", D(2016, 5, 1)], dtype=object)
    groups = pd.Series([["a"], "b", "b", "b", "b", "b"], dtype=object)  # a list: unhashable
    with counted_in_pieces(3), pytest.raises(tc.TrendcalcError, match=r"'x' at index 4"):
        tc.count_events(dates, FY, groups=groups)


def test_a_dictionary_that_repeats_a_value_counts_it_once_by_every_route() -> None:
    dup = pa.DictionaryArray.from_arrays(pa.array([0, 0, 1, 1], pa.int32()), pa.array(["a", "a"]))
    dates = _datetime64([D(2016, 5, 1)] * 4)
    expected = tc.count_events(dates, FY, groups=["a"] * 4)
    assert tc.count_events(dates, FY, groups=dup) == expected
    assert tc.count_events(dates, FY, groups=pa.chunked_array([dup[:2], dup[2:]])) == expected
    with counted_in_pieces(2):
        assert tc.count_events(dates, FY, groups=dup) == expected


def test_arrow_labels_that_cannot_be_coded_are_refused_naming_the_column() -> None:
    import decimal

    dates = _datetime64([D(2016, 5, 1)] * 2)
    for column in (
        pa.array([decimal.Decimal("1.5")] * 2, pa.decimal64(3, 1)),
        pa.array([[1], [2]]),
    ):
        with pytest.raises(tc.TrendcalcError, match="groups must be str or int labels"):
            tc.count_events(dates, FY, groups=column)
        with pytest.raises(tc.TrendcalcError, match=r"groups\[1\] must be str or int labels"):
            tc.count_events(dates, FY, groups=[["x", "y"], column])


def test_a_dask_collection_is_refused_without_being_computed() -> None:
    import dask.array as da

    days = da.from_array(_datetime64([D(2016, 5, 1)] * 10), chunks=5)
    unknown = days[days > np.datetime64("2016-01-01")]  # its length is not known
    for column in (days, unknown):
        with pytest.raises(tc.TrendcalcError, match=r"use trendcalc\.dask"):
            tc.count_events(column, FY)


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"cpu.max": "200000 100000\n"}, 2),
        ({"cpu.max": "150000 100000\n"}, 2),  # a part of a processor still needs a thread
        ({"cpu.max": "50000 100000\n"}, 1),
        ({"cpu.max": "max 100000\n"}, None),
        ({"cpu/cpu.cfs_quota_us": "400000\n", "cpu/cpu.cfs_period_us": "100000\n"}, 4),
        ({"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
        ({"cpu.max": "garbage"}, None),
        ({"cpu/cpu.cfs_quota_us": "x\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
        ({"cpu/cpu.cfs_quota_us": "100000\n", "cpu/cpu.cfs_period_us": "0\n"}, None),
        ({}, None),
    ],
)
def test_a_container_cpu_quota_limits_the_threads(
    tmp_path: object, files: dict[str, str], expected: int | None
) -> None:
    # a container limited to 2 CPUs on a big host sees every core in its affinity
    import pathlib

    import trendcalc._counting as counting

    root = pathlib.Path(str(tmp_path))
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    assert counting._cpu_quota(str(root)) == expected
    with (
        mock.patch.object(counting, "_cpu_quota", return_value=expected),
        mock.patch.object(counting.os, "sched_getaffinity", return_value=set(range(64))),
    ):
        assert counting._threads() == (8 if expected is None else min(expected, 8))
