"""CountTable: building from long data, missing cells, table-wide analysis, export, charts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from tests.strategies import count_tables, modes

pd = pytest.importorskip("pandas")

MONTHS = tc.period_range("April 2016", "March 2019")
FY = tc.period_range("2015/16", "2017/18")


def table(
    counts: list[list[int]], periods: object = FY, groups: object = ("a", "b"), **kw: object
) -> tc.CountTable:
    g = list(groups)  # type: ignore[call-overload]
    z = [0] * len(g)
    return tc.CountTable(periods, g, counts, z, z, z, **kw)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- construction


@pytest.mark.parametrize(
    ("counts", "message"),
    [
        ([[1.7]], "integer counts"),
        ([[1.0]], "integer counts"),
        ([["5"]], "integer counts"),
        ([[True]], "not bools"),
        ([[-1]], "non-negative"),
        ([[2**63]], "at most"),
        ([[2**64]], "from 0 to"),
        ([[1, 2]], "shape"),
    ],
)
def test_counts_that_are_not_whole_numbers_are_refused(counts: object, message: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        tc.CountTable([FY[0]], (None,), counts, [0], [0], [0])


def test_n_events_is_exact_beyond_int64() -> None:
    t = tc.CountTable([FY[0]], ["a", "b"], [[2**62, 2**62]], [2**62, 0], [0, 0], [0, 0])
    assert t.n_events == 3 * 2**62
    assert t.total("a") == 2**62
    with pytest.raises(tc.TrendcalcError, match="2\\*\\*63 - 1"):
        t + t
    with pytest.raises(tc.TrendcalcError, match="2\\*\\*63 - 1"):
        tc.CountTable(MONTHS[:3], ["a"], [[2**62]] * 3, [0], [0], [0]).resample("quarter")
    with pytest.raises(tc.TrendcalcError, match="2\\*\\*63 - 1"):
        tc.CountTable(MONTHS[:12], ["a"], [[2**62]] * 12, [0], [0], [0]).rolling_total(12)


def test_group_tuples_need_keys_and_keys_match_the_tuples() -> None:
    with pytest.raises(tc.TrendcalcError, match="needs keys="):
        table([[1, 2]] * 3, groups=[("a", "x"), ("a", "y")])
    with pytest.raises(tc.TrendcalcError, match="keys must name each position"):
        table([[1, 2]] * 3, groups=[("a", "x"), ("a", "y")], keys=("force",))
    t = table([[1, 2]] * 3, groups=[("a", "x"), ("a", "y")], keys=("force", "offence"))
    assert t.series(("a", "y")).counts == (2, 2, 2)


def test_a_cell_not_supplied_must_hold_zero() -> None:
    with pytest.raises(tc.TrendcalcError, match="must be 0"):
        table([[1, 2]] * 3, supplied=np.array([[True, False]] * 3))


def test_one_key_tables_behave_as_before() -> None:
    t = table([[1, 2], [3, 4], [5, 6]])
    assert t.keys is None
    assert t.is_complete
    assert t.supplied is None
    assert t.total() == 21
    assert t.total("b") == 12
    assert t.to_pandas().loc["2016/17", "b"] == 4
    from trendcalc._counting import CountTable

    assert CountTable is tc.CountTable


# ----------------------------------------------------------------------------- from_frame


def open_data(rows: int = 3000, seed: int = 3) -> pd.DataFrame:
    """Rows in the layout of the Home Office open data table, one per offence code."""
    rng = np.random.default_rng(seed)
    years = ["2015/16", "2016/17", "2017/18"]
    forces = ["Kent", "Essex", "Lincolnshire", "Avon and Somerset"]
    offences = ["Burglary", "Robbery", "Theft"]
    return pd.DataFrame(
        {
            "Financial Year": rng.choice(years, rows),
            "Financial Quarter": rng.integers(1, 5, rows),
            "Force Name": rng.choice(forces, rows),
            "Offence Description": rng.choice(["a", "b"], rows),
            "Offence Group": rng.choice(offences, rows),
            "Offence Code": rng.integers(1, 99, rows).astype(str),
            "Number of Offences": rng.integers(0, 500, rows),
        }
    )


def test_from_frame_equals_the_pandas_pivot_it_replaces() -> None:
    df = open_data()
    t = tc.CountTable.from_frame(
        df,
        period=("Financial Year", "Financial Quarter"),
        count="Number of Offences",
        groups=["Force Name", "Offence Group"],
    )
    pivot = df.pivot_table(
        index=["Financial Year", "Financial Quarter"],
        columns=["Force Name", "Offence Group"],
        values="Number of Offences",
        aggfunc="sum",
    )
    assert [p.label for p in t.periods] == [f"{y} Q{q}" for y, q in pivot.index]
    assert t.keys == ("Force Name", "Offence Group")
    assert list(t.groups) == list(pivot.columns)
    assert t.counts.tolist() == pivot.to_numpy().astype(np.int64).tolist()
    assert t.n_events == int(df["Number of Offences"].sum())


def test_labels_are_read_as_the_kind_asked_for_when_they_cover_its_days() -> None:
    def periods(labels: list[object], kind: str | None) -> list[str]:
        frame = {"p": labels, "count": [1] * len(labels)}
        return [p.label for p in tc.CountTable.from_frame(frame, period="p", kind=kind).periods]  # type: ignore[arg-type]

    # an ONS-style range of months, or a year ending, for the days of a financial year
    assert periods(["Apr 2016 to Mar 2017", "year ending March 2018"], "financial_year") == [
        "2016/17", "2017/18",
    ]  # fmt: skip
    assert periods(["2016/17", "2017/18"], "year_ending") == [
        "year ending March 2017", "year ending March 2018",
    ]  # fmt: skip
    assert periods(["January to March 2016", "April to June 2016"], "quarter") == [
        "2016 Q1",
        "2016 Q2",
    ]
    # dates written as text stand for the period holding them, as dates do
    assert periods(["2016-03-01", "2016-04-15"], "month") == ["March 2016", "April 2016"]
    assert periods(["2016-03-31", "2016-04-01"], "financial_year") == ["2015/16", "2016/17"]
    with pytest.raises(tc.PeriodError, match="needs kind="):
        periods(["2016-03-01"], None)
    with pytest.raises(tc.PeriodError, match="no such day"):
        periods(["2016-02-30"], "month")
    # other days are still refused
    with pytest.raises(tc.PeriodError, match="is a calendar_year, but kind='month'"):
        periods(["2016"], "month")
    with pytest.raises(tc.PeriodError, match="but kind='month'"):  # one day is not a month
        periods(["2016-03-01/2016-03-01"], "month")
    with pytest.raises(tc.PeriodError, match="is a year_ending, but kind='financial_year'"):
        periods(["year ending June 2017"], "financial_year")


def test_quarter_numbers_stored_as_whole_floats_are_read() -> None:
    # pandas stores a column of whole numbers with a gap as floats: 1.0, 2.0
    frame = pd.DataFrame({"FY": ["2016/17", "2016/17"], "Q": [1.0, 2.0], "count": [1, 2]})
    t = tc.CountTable.from_frame(frame, period=("FY", "Q"))
    assert t.periods == tuple(tc.period_range("2016/17 Q1", "2016/17 Q2"))
    for bad, message in (([1.0, 2.5], "quarter numbers 1 to 4"), ([1.0, float("nan")], "missing")):
        with pytest.raises(tc.TrendcalcError, match=message):
            tc.CountTable.from_frame(frame.assign(Q=bad), period=("FY", "Q"))


def test_rank_labels_of_several_keys_read_as_words() -> None:
    t = tc.CountTable.from_frame(
        {
            "period": ["2016/17"] * 3,
            "force": ["A", "A", "B"],
            "type": ["x", "y", "x"],
            "count": [4, 4, 2],
        }
    )
    assert t.ranks().labels() == ("=1 A, x", "=1 A, y", "3 B, x")


def test_financial_years_written_with_a_hyphen_are_read_where_they_can_only_be_years() -> None:
    # "2011-12" alone may be December 2011; as kind="financial_year", or in a year column
    # beside a quarter column, it can only be the financial year 2011/12
    fy = tc.CountTable.from_frame(
        {"p": ["2011-12", "2012-13"], "count": [1, 2]}, period="p", kind="financial_year"
    )
    assert fy.periods == tuple(tc.period_range("2011/12", "2012/13"))
    assert fy.total(first="2011-12", last="2011-12") == 1
    quarters = tc.CountTable.from_frame(
        {"FY": ["2011-12", "2011-12", "2012-13"], "Q": [1, 2, 1], "count": [1, 2, 3]},
        period=("FY", "Q"),
    )
    assert quarters.periods == tuple(tc.period_range("2011/12 Q1", "2012/13 Q1"))
    months = tc.CountTable.from_frame(
        {"p": ["2011-12", "2012-01"], "count": [1, 2]}, period="p", kind="month"
    )
    assert months.periods == tuple(tc.period_range("December 2011", "January 2012"))
    with pytest.raises(tc.PeriodError, match=r"kind='month' .*kind='financial_year'"):
        tc.CountTable.from_frame({"p": ["2011-12", "2012-13"], "count": [1, 2]}, period="p")


@pytest.mark.parametrize("backend", ["pandas", "polars", "pyarrow", "dict"])
def test_from_frame_gives_the_same_table_from_every_library(backend: str) -> None:
    df = open_data(500)
    frame: object = df
    if backend == "polars":
        pl = pytest.importorskip("polars")
        frame = pl.from_pandas(df)
    elif backend == "pyarrow":
        pa = pytest.importorskip("pyarrow")
        frame = pa.Table.from_pandas(df)
    elif backend == "dict":
        frame = {c: df[c].tolist() for c in df.columns}
    kw = {
        "period": ("Financial Year", "Financial Quarter"),
        "count": "Number of Offences",
        "groups": "Force Name",
    }
    assert tc.CountTable.from_frame(frame, **kw) == tc.CountTable.from_frame(df, **kw)  # type: ignore[arg-type]


def test_month_labels_like_2011_12_are_months_with_kind() -> None:
    data = {"Month": ["2011-11", "2011-12", "2012-01"], "count": [1, 2, 3]}
    with pytest.raises(tc.PeriodError, match="kind='month'"):
        tc.CountTable.from_frame(data, period="Month", groups=())
    t = tc.CountTable.from_frame(data, period="Month", groups=(), kind="month")
    assert [p.label for p in t.periods] == ["November 2011", "December 2011", "January 2012"]
    with pytest.raises(tc.PeriodError, match="kind='financial_year'"):
        tc.CountTable.from_frame(
            {"period": ["2016"], "count": [1]}, groups=(), kind="financial_year"
        )


def test_each_distinct_label_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # the module whose parse_labels from_frame really calls (doctest collection may
    # import a twin)
    table_module = tc.CountTable.from_frame.__func__.__globals__  # type: ignore[attr-defined]
    namespace = table_module["parse_labels"].__globals__
    seen: list[object] = []
    real = namespace["_parse_label"]

    def spy(label: object, kind: object, fy: int) -> tc.Period:
        seen.append(label)
        return real(label, kind, fy)  # type: ignore[no-any-return]

    monkeypatch.setitem(namespace, "_parse_label", spy)
    data = {"period": ["2016-03", "2016-04"] * 500, "count": [1] * 1000}
    tc.CountTable.from_frame(data, groups=(), kind="month")
    assert sorted(seen) == ["2016-03", "2016-04"]  # type: ignore[type-var]


def test_period_column_of_dates_needs_kind() -> None:
    days = np.array(["2016-04-01", "2016-05-01", "2017-04-01"], dtype="datetime64[D]")
    data = {"date": days, "count": [1, 2, 3]}
    with pytest.raises(tc.PeriodError, match="kind="):
        tc.CountTable.from_frame(data, period="date", groups=())
    t = tc.CountTable.from_frame(data, period="date", groups=(), kind="financial_year")
    assert t.counts[:, 0].tolist() == [3, 3]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"period": ["2016/17"], "count": [1.5]}, "whole"),
        ({"period": ["2016/17"], "count": ["3"]}, "integer counts"),
        ({"period": ["2016/17"], "count": [-3]}, "non-negative"),
        ({"period": [None], "count": [3]}, "must not be missing"),
        ({"period": ["2016/17"], "count": [3], "group": [None]}, "must not be missing"),
        ({"period": ["2016/17", "2016"], "count": [3, 4]}, "mixes kinds"),
        ({"period": ["2016/17"]}, "no column 'count'"),
        ({"period": ["nonsense"], "count": [1]}, "unknown period"),
        # labels that numpy or pandas would quietly turn into one another
        ({"period": ["2016/17"] * 2, "count": [1, 2], "group": [1, True]}, "got True"),
        ({"period": ["2016/17"] * 2, "count": [1, 2], "group": [1, 1.0]}, "got float 1.0"),
        ({"period": ["2016/17"] * 2, "count": [1, 2], "group": ["a", 1]}, "one kind"),
        ({"period": ["2016/17"] * 2, "count": [1, 2], "group": ["1", 1]}, "one kind"),
        (
            {
                "period": ["2016/17"] * 2,
                "count": [1, 2],
                "group": pd.Series([1, True], dtype=object),
            },
            "got True",
        ),
    ],
)
def test_from_frame_refuses_bad_data_naming_it(data: dict[str, list[object]], message: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        tc.CountTable.from_frame(data)


def test_a_null_count_makes_its_cell_missing() -> None:
    df = pd.DataFrame(
        {"period": ["2016/17", "2017/18"], "count": pd.array([4, None], dtype="Int64")}
    )
    t = tc.CountTable.from_frame(df)
    assert t.mask.tolist() == [[True], [False]]


# ----------------------------------------------------------------------------- missing is not zero


def gappy() -> tc.CountTable:
    frame = {
        "period": ["2015/16", "2016/17", "2017/18", "2015/16", "2017/18"],
        "force": ["Kent", "Kent", "Kent", "Essex", "Essex"],
        "count": [10, 12, 9, 7, 8],
    }
    return tc.CountTable.from_frame(frame)


def test_missing_cells_are_refused_in_totals_naming_group_and_period() -> None:
    t = gappy()
    assert t.coverage().gaps == (("Essex", tc.parse_period("2016/17")),)
    with pytest.raises(tc.TrendcalcError, match="Essex in 2016/17 was not supplied"):
        t.totals()
    with pytest.raises(tc.TrendcalcError, match="Essex in 2016/17"):
        t.total("Essex")
    with pytest.raises(tc.TrendcalcError, match="Essex in 2016/17"):
        t.series("Essex")
    with pytest.raises(tc.TrendcalcError, match="Essex in 2016/17"):
        t.ranks("2016/17")
    with pytest.raises(tc.TrendcalcError, match=r"number of events.*Essex in 2016/17"):
        t.n_events  # noqa: B018
    assert t.fill(0).n_events == 15 + 31
    assert t.totals(fill=0) == {"Essex": 15, "Kent": 31}
    assert t.totals("2017/18") == {"Essex": 8, "Kent": 9}  # the gap is outside the span


def test_missing_cells_stay_missing_through_table_results() -> None:
    t = gappy()
    ch = t.changes(lag=1)
    assert ch.supplied.tolist() == [[False, True], [False, True]]
    with pytest.raises(tc.TrendcalcError, match="not supplied"):
        ch.change("Essex")
    pct = t.pct_change(lag=1, places=1)
    assert np.isnan(pct.to_numpy()[:, 0]).all()
    assert pct.value("2017/18", "Essex") is None
    shares = t.shares()
    assert np.isnan(shares.to_numpy()[1]).all()  # that period's total is unknown
    assert shares.value("2015/16", "Kent") == Decimal("58.8")
    frame = t.to_frame()
    assert len(frame) == 5  # the missing cell has no row
    wide = t.to_frame(layout="wide")
    assert wide["Essex"].isna().tolist() == [False, True, False]


def test_resample_marks_a_year_with_a_missing_quarter_and_drops_partial_years() -> None:
    quarters = tc.period_range("2023/24 Q1", "2024/25 Q2")
    counts = [[5, 1]] * 6
    supplied = np.ones((6, 2), dtype=bool)
    supplied[1, 1] = False
    counts = [
        [c if ok else 0 for c, ok in zip(row, oks, strict=True)]
        for row, oks in zip(counts, supplied, strict=True)
    ]
    t = table(counts, quarters, supplied=supplied)
    with pytest.raises(tc.SeriesError, match="2024/25' is only partly covered"):
        t.resample("financial_year")
    years = t.resample("financial_year", incomplete="drop")
    assert [p.label for p in years.periods] == ["2023/24"]
    assert years.mask.tolist() == [[True, False]]
    assert years.counts.tolist() == [[20, 0]]
    assert years.after.tolist() == [10, 2]
    assert t.resample("financial_year", incomplete="drop", fill=0).counts.tolist() == [[20, 3]]


def test_rolling_window_with_a_missing_month_is_missing() -> None:
    counts = [[1]] * 14
    supplied = np.ones((14, 1), dtype=bool)
    supplied[12] = False
    counts[12] = [0]
    r = table(counts, MONTHS[:14], ["a"], supplied=supplied).rolling_total(12)
    assert r.mask[:, 0].tolist() == [True, False, False]


# ----------------------------------------------------------------------------- analysis


@given(
    count_tables(kinds=("month", "quarter", "financial_quarter"), min_periods=13, max_periods=40)
)
def test_rolling_total_equals_brute_force_window_sums(t: tc.CountTable) -> None:
    window = 12 if t.periods[0].kind == "month" else 4
    r = t.rolling_total(window)
    assert len(r.periods) == len(t.periods) - window + 1
    for k, p in enumerate(r.periods):
        last = t.periods[k + window - 1]
        assert p.kind == "year_ending"
        assert p.end == last.end
        assert p.start == t.periods[k].start
        assert p.label == f"year ending {last.end:%B %Y}"
        for j in range(len(t.groups)):
            window_ok = all(t.mask[k : k + window, j])
            assert bool(r.mask[k, j]) == window_ok
            if window_ok:
                assert r.counts[k, j] == sum(int(c) for c in t.counts[k : k + window, j])


@given(count_tables(min_periods=2, max_periods=15), st.integers(-2, 4), modes, st.integers(1, 3))
def test_vectorised_pct_change_equals_the_scalar_change_per_group(
    t: tc.CountTable, places: int, mode: str, lag: int
) -> None:
    lag = min(lag, len(t.periods) - 1)
    p = t.pct_change(lag=lag, places=places, mode=mode)  # type: ignore[arg-type]
    floats = p.to_numpy()
    for i in range(len(t.periods) - lag):
        for j, g in enumerate(t.groups):
            before, after = int(t.counts[i, j]), int(t.counts[i + lag, j])
            value = p.value(t.periods[i + lag], g)
            if not (t.mask[i, j] and t.mask[i + lag, j]) or before == 0:
                assert value is None
                assert np.isnan(floats[i, j])
                continue
            expected = tc.change(before, after).rounded(places, mode=mode)  # type: ignore[arg-type]
            assert value == expected
            assert floats[i, j] == float(expected)
    exact = t.pct_change()  # first to last, exact
    for j, g in enumerate(t.groups):
        b, a = int(t.counts[0, j]), int(t.counts[-1, j])
        if t.mask[0, j] and t.mask[-1, j] and b:
            assert exact.value(t.periods[-1], g) == tc.change(b, a).percent


@given(count_tables(max_periods=8), st.integers(0, 3))
def test_shares_sum_to_exactly_100_and_match_the_scalar_shares(
    t: tc.CountTable, places: int
) -> None:
    s = t.shares(places)
    rows = s.decimals()
    for i, row in enumerate(rows):
        counts = [int(c) for c in t.counts[i]]
        if not t.mask[i].all() or sum(counts) == 0:
            assert all(v is None for v in row)
            continue
        assert sum(row) == 100  # type: ignore[arg-type]
        assert tuple(row) == tc.shares(counts, places)


@given(count_tables(max_periods=6, max_count=20))
def test_ranks_agree_with_a_brute_force_sort(t: tc.CountTable) -> None:
    i = len(t.periods) - 1
    if not t.mask[i].all():
        with pytest.raises(tc.TrendcalcError, match="not supplied"):
            t.ranks()
        return
    ranking = t.ranks()
    values = {g: int(c) for g, c in zip(t.groups, t.counts[i], strict=True)}
    for entry in ranking:
        higher = sum(1 for v in values.values() if v > values[entry.group])
        assert entry.rank == higher + 1
        assert entry.tied == (list(values.values()).count(values[entry.group]) > 1)
    assert [e.group for e in ranking] == sorted(
        t.groups, key=lambda g: (-values[g], t.groups.index(g))
    )


def test_a_ranking_of_many_ties() -> None:
    # 30,000 areas, most tied at 0 (a small-area table): one pass, standard competition ranks
    values: list[int | None] = [0] * 29_990 + list(range(1, 10)) + [None]
    groups = [f"area {i}" for i in range(len(values))]
    ranking = tc.Ranking.of(tc.parse_period("2016/17"), "count", groups, values, True)
    ranks = [(e.rank, e.tied) for e in ranking]
    assert ranks[:9] == [(r, False) for r in range(1, 10)]
    assert set(ranks[9:-1]) == {(10, True)}
    assert ranks[-1] == (None, False)


def test_ranks_by_rate_and_change() -> None:
    t = table([[100, 50], [110, 40], [0, 0]])
    by_rate = t.ranks("2016/17", by="rate", population={"a": 10_000, "b": 2_000})
    assert [(e.group, e.value) for e in by_rate] == [("b", Fraction(20)), ("a", Fraction(11))]
    by_change = t.ranks("2016/17", by="change")
    assert [(e.group, e.value) for e in by_change] == [("a", Fraction(10)), ("b", Fraction(-20))]
    assert t.ranks(by="change").labels() == ("=1 a", "=1 b")


def test_rates_equal_population_rate_for_every_cell() -> None:
    t = table([[1850, 512], [1902, 540], [2001, 499]])
    pop = {"a": {"2015/16": 1_800_000, "2016/17": 1_846_500, "2017/18": 1_850_000}, "b": 751_200}
    r = t.rates(pop, per=1000, places=2, mode="half_even")
    for i, p in enumerate(t.periods):
        for j, g in enumerate(t.groups):
            people = pop[g] if isinstance(pop[g], int) else pop[g][p.label]  # type: ignore[index]
            expected = tc.population_rate(int(t.counts[i, j]), people, per=1000).rounded(
                2, mode="half_even"
            )  # type: ignore[arg-type]
            assert r.value(p, g) == expected
    frame = pd.DataFrame({"group": ["a", "b"], "population": [1_846_500, 751_200]})
    assert t.rates(frame).value("2016/17", "a") == Fraction(1902 * 1000, 1_846_500)
    with pytest.raises(tc.TrendcalcError, match="no entry for group 'b'"):
        t.rates({"a": 5})
    with pytest.raises(tc.TrendcalcError, match="at least 1"):
        t.rates({"a": 5, "b": 0})


def test_a_population_given_twice_is_refused_unless_the_same() -> None:
    # a frame with two rows for one cell, or populations by period without a column
    # named "period", must not pick one silently
    t = table([[1850, 512], [1902, 540], [2001, 499]])
    frame = pd.DataFrame(
        {
            "group": ["a", "a", "b", "b"],
            "period": ["2015/16", "2015/16", "2015/16", "2016/17"],
            "population": [1_800_000, 100, 751_200, 751_200],
        }
    )
    with pytest.raises(tc.TrendcalcError, match=r"gives a in 2015/16 twice \(1,800,000 and 100\)"):
        t.rates(frame)
    with pytest.raises(tc.TrendcalcError, match="twice"):
        t.ranks(by="rate", population=frame)
    by_year = pd.DataFrame(
        {
            "group": ["a", "a", "b", "b"],
            "Financial Year": ["2015/16", "2016/17", "2015/16", "2016/17"],
            "population": [1_800_000, 1_846_500, 751_200, 751_200],
        }
    )
    with pytest.raises(tc.TrendcalcError, match="column named 'period'"):
        t.rates(by_year)
    # the same population twice changes nothing
    same = pd.DataFrame({"group": ["a", "a", "b"], "population": [1_846_500, 1_846_500, 751_200]})
    assert t.rates(same).decimals() == t.rates({"a": 1_846_500, "b": 751_200}).decimals()


def test_compare_is_the_poisson_comparison_per_group_with_days() -> None:
    pytest.importorskip("scipy")
    t = table([[112, 16], [58, 25], [60, 20]])
    found = t.compare("2015/16", "2016/17")
    for j, g in enumerate(t.groups):
        expected = tc.compare_counts(
            int(t.counts[0, j]), int(t.counts[1, j]), exposure_before=366, exposure_after=365
        )
        assert found[g] == expected


def test_changes_between_named_periods_and_by_lag() -> None:
    t = table([[112, 10], [58, 0], [60, 5]])
    ch = t.changes("2015/16", "2016/17")
    assert ch.change("a") == tc.change(112, 58)
    assert ch.to_frame()["change"].tolist() == [-54, -10]
    with pytest.raises(tc.TrendcalcError, match="not both"):
        t.changes("2015/16", lag=1)
    with pytest.raises(tc.SeriesError, match="last must not be before first"):
        t.changes("2017/18", "2015/16")


def test_every_lookup_reads_a_period_label_as_the_table_does() -> None:
    # "2011-12" is ambiguous alone, but in a monthly table it is December 2011: the
    # total, the changes and their percentages must all read it so, not only some
    months = tc.period_range("October 2010", "March 2012")
    t = table([[i] for i in range(len(months))], months, ["a"])
    december = tc.parse_period("December 2011")
    ch = t.changes(lag=1)
    assert ch.change("a", "2011-12") == ch.change("a", december) == tc.change(13, 14)
    assert t.pct_change(lag=1).value("2011-12", "a") == tc.change(13, 14).percent
    assert t.total("a", first="2011-12", last="2011-12") == 14
    with pytest.raises(tc.SeriesError, match="'2011/12' is not in the table"):
        ch.change("a", "2011/12")
    # a rolling table's periods by any of the ways people write a year ending
    r = t.rolling_total(12)
    rc = r.changes(lag=1)
    for name in (
        "year ending November 2011",
        "the year to November 2011",
        "12 months to November 2011",
    ):
        assert rc.change("a", name) == tc.change(sum(range(1, 13)), sum(range(2, 14)))
    # a label of another kind finds the period with the same days
    years = tc.CountTable(
        tc.period_range("April 2015", "March 2018"), ["a"], [[i] for i in range(36)], [0], [0], [0]
    )
    rolling, fy = years.rolling_total(12), years.resample("financial_year")
    for name in ("2016/17", "Apr 2016 to Mar 2017", "year ending March 2017"):
        assert fy.total("a", first=name, last=name) == sum(range(12, 24))
        assert (
            rolling.pct_change(lag=12).value(name, "a")
            == tc.change(sum(range(12)), sum(range(12, 24))).percent
        )
    with pytest.raises(tc.SeriesError, match="'year ending June 2017' is not in the table"):
        fy.total("a", first="year ending June 2017")


def test_overlapping_rolling_totals_are_refused_by_a_series_and_held_by_a_table() -> None:
    with pytest.raises(tc.SeriesError, match=r"must not overlap.*rolling_total"):
        tc.CountSeries.from_mapping(
            {"year ending March 2017": 93595, "year ending June 2017": 94351}
        )
    t = tc.CountTable.from_frame(
        {
            "period": ["year ending March 2017", "year ending June 2017", "year ending March 2018"],
            "count": [93595, 94351, 99000],
        },
        kind="year_ending",
    )
    assert t.is_rolling
    assert len(t.periods) == 5
    assert t.coverage().supplied == 3
    assert t.changes("year ending March 2017", "year ending March 2018").change().absolute == 5405
    with pytest.raises(tc.SeriesError, match="counted in several"):
        t.totals()
    with pytest.raises(tc.SeriesError, match="overlapping"):
        t.series()


def test_rolling_then_year_on_year_change() -> None:
    counts = [[100 + i] for i in range(36)]
    r = table(counts, MONTHS, ["a"]).rolling_total(12)
    yoy = r.pct_change(lag=12, places=1)
    assert yoy.periods[0].label == "year ending March 2018"
    first = sum(100 + i for i in range(12))
    second = sum(100 + i for i in range(12, 24))
    assert yoy.value("year ending March 2018", "a") == tc.change(first, second).rounded(1)


def test_resample_of_many_months_equals_the_series_resample() -> None:
    months = tc.period_range("January 1900", "December 2099")
    rng = np.random.default_rng(5)
    counts = rng.integers(0, 1000, (len(months), 2))
    t = table(counts.tolist(), months)
    for kind in ("quarter", "calendar_year", "financial_year"):
        got = t.resample(kind, incomplete="drop")  # type: ignore[arg-type]
        want = t.series("a").resample(kind, incomplete="drop")  # type: ignore[arg-type]
        assert got.series("a") == want
        assert got.n_events == t.n_events


def test_select_on_several_keys() -> None:
    df = open_data(400)
    t = tc.CountTable.from_frame(
        df,
        period=("Financial Year", "Financial Quarter"),
        count="Number of Offences",
        groups=["Force Name", "Offence Group"],
        fill=0,
    )
    kent = t.select({"Force Name": "Kent"})
    assert kent.keys == ("Offence Group",)
    for g in kent.groups:
        assert kent.series(g) == t.series(("Kent", g))
    both = t.select({"Force Name": ["Kent", "Essex"], "Offence Group": "Theft"})
    assert both.keys == ("Force Name",)
    assert both.groups == ("Essex", "Kent")
    assert both.series("Essex") == t.series(("Essex", "Theft"))
    with pytest.raises(tc.TrendcalcError, match="unknown key"):
        t.select(force="Kent")


# ----------------------------------------------------------------------------- export


@pytest.mark.parametrize("backend", ["pandas", "polars", "pyarrow"])
@given(t=count_tables(max_periods=12))
def test_to_frame_and_from_frame_round_trip(backend: str, t: tc.CountTable) -> None:
    pytest.importorskip(backend)
    frame = t.to_frame(backend)  # type: ignore[arg-type]
    if not t.mask.any():
        return  # nothing to write
    back = tc.CountTable.from_frame(frame)
    # periods with no supplied cell at either end cannot be told from the frame
    rows = np.flatnonzero(t.mask.any(axis=1))
    lo, hi = int(rows[0]), int(rows[-1])
    cols = np.flatnonzero(t.mask.any(axis=0))
    assert back.periods == t.periods[lo : hi + 1]
    assert back.groups == tuple(t.groups[j] for j in cols)
    assert back.counts.tolist() == t.counts[lo : hi + 1][:, cols].tolist()
    assert back.mask.tolist() == t.mask[lo : hi + 1][:, cols].tolist()


def test_long_frame_sorts_periods_in_time_order_not_alphabetically() -> None:
    months = tc.period_range("November 2010", "February 2011")
    t = table([[1, 2]] * 4, months)
    frame = t.to_frame().sort_values("period")
    assert frame["period"].unique().tolist() == [p.label for p in months]
    pl = pytest.importorskip("polars")
    pframe = t.to_frame("polars").sort("period")
    assert pframe["period"].unique(maintain_order=True).to_list() == [p.label for p in months]
    assert pframe.columns == ["period", "start", "end", "days", "group", "count"]
    assert pframe["start"].dtype == pl.Date
    edges = t.to_frame(layout="edges")
    assert edges.columns.tolist() == ["group", "before", "after", "missing"]


def test_multi_key_round_trip_and_wide_layout() -> None:
    df = open_data(100)
    t = tc.CountTable.from_frame(
        df,
        period=("Financial Year", "Financial Quarter"),
        count="Number of Offences",
        groups=["Force Name", "Offence Group"],
    )
    assert not t.is_complete
    long = t.to_frame()
    assert list(long.columns) == [
        "period",
        "start",
        "end",
        "days",
        "Force Name",
        "Offence Group",
        "count",
    ]
    assert tc.CountTable.from_frame(long) == t
    wide = t.to_frame(layout="wide")
    assert wide.columns.names == ["Force Name", "Offence Group"]
    for i, j in [(0, 0), (3, 5), (7, 11)]:
        cell = wide.loc[t.periods[i].label, t.groups[j]]
        if t.mask[i, j]:
            assert int(cell) == t.counts[i, j]
        else:
            assert pd.isna(cell)


def test_html_escapes_labels_and_shows_missing_cells() -> None:
    t = tc.CountTable.from_frame(
        {"period": ["2016/17", "2017/18"], "group": ["<b>x</b>", "y"], "count": [1234, 5]}
    )
    text = t._repr_html_()
    assert "&lt;b&gt;x&lt;/b&gt;" in text
    assert "<b>x" not in text
    assert "1,234" in text
    assert "–" in text
    assert "2 cells not supplied" in text


# ----------------------------------------------------------------------------- charts


def test_plot_of_120_months_is_a_readable_size_with_separators() -> None:
    pytest.importorskip("matplotlib")
    months = tc.period_range("April 2010", "March 2020")
    counts = [[12000 + 10 * i, 3000] for i in range(120)]
    supplied = np.ones((120, 2), dtype=bool)
    supplied[50, 1] = False
    counts[50][1] = 0
    t = table(counts, months, ["Kent", "Lincolnshire"], supplied=supplied)
    ax = t.plot(title="Offences per month, Kent and Lincolnshire")
    fig = ax.figure
    assert fig.get_size_inches().tolist() == [9.0, 4.5]
    labels = [x.get_text() for x in ax.get_xticklabels()]
    assert 6 <= len(labels) <= 13
    assert all("," in y.get_text() for y in ax.get_yticklabels() if len(y.get_text()) > 3)
    line = ax.get_lines()[1]
    assert np.isnan(line.get_ydata()[50])  # a gap, not a 0
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    box = fig.bbox
    low, high = ax.get_ylim()
    shown = [
        lab
        for lab, y in zip(ax.get_yticklabels(), ax.get_yticks(), strict=True)
        if low <= y <= high
    ]
    for artist in [ax.title, *ax.get_xticklabels(), *shown, ax.get_legend()]:
        extent = artist.get_window_extent(renderer)
        assert extent.x0 >= box.x0 - 1
        assert extent.x1 <= box.x1 + 1
        assert extent.y0 >= box.y0 - 1
        assert extent.y1 <= box.y1 + 1


def test_plot_refuses_too_many_groups_without_a_choice() -> None:
    pytest.importorskip("matplotlib")
    many = [f"g{i:02d}" for i in range(12)]
    t = table([[1] * 12] * 3, FY, many)
    with pytest.raises(tc.TrendcalcError, match="pass groups="):
        t.plot()
    ax = t.plot(groups=many[:3], kind="bar")
    assert len(ax.patches) == 9


def runtime_imports(module: str) -> set[str]:
    """The trendcalc modules a module imports outside ``if TYPE_CHECKING:`` blocks."""
    import ast
    import importlib.util

    spec = importlib.util.find_spec(module)
    assert spec is not None
    assert spec.origin is not None
    with open(spec.origin, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    skipped = {
        id(n)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for n in ast.walk(node)
    }
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and id(node) not in skipped and node.module:
            found.add(node.module)
    return {m for m in found if m.startswith("trendcalc")}


def test_plot_imports_run_one_way() -> None:
    assert "trendcalc._plot" in runtime_imports("trendcalc._series")
    assert "trendcalc._plot" in runtime_imports("trendcalc._table")
    users = {"trendcalc._series", "trendcalc._table", "trendcalc._counting", "trendcalc._story"}
    assert not runtime_imports("trendcalc._plot") & users


def test_dates_of_the_period_columns_are_dates() -> None:
    t = table([[1, 2]] * 3)
    frame = t.to_frame()
    assert frame["start"].iloc[0].date() == dt.date(2015, 4, 1)
    assert frame["days"].tolist() == [366, 366, 365, 365, 365, 365]


# ----------------------------------------------------------------------------- properties of missing cells


@given(count_tables(kinds=("month",), min_periods=12, max_periods=30))
def test_missing_cells_never_become_zero_silently(t: tc.CountTable) -> None:
    if t.is_complete:
        assert t.totals() == {
            g: sum(int(c) for c in t.counts[:, j]) for j, g in enumerate(t.groups)
        }
        return
    with pytest.raises(tc.TrendcalcError, match="not supplied"):
        t.totals()
    with pytest.raises(tc.TrendcalcError, match="not supplied"):
        t.n_events  # noqa: B018
    gaps = {(g, p) for g, p in t.coverage().gaps}
    years = t.resample("quarter", incomplete="drop")
    for i, q in enumerate(years.periods):
        for j, g in enumerate(t.groups):
            inside = {(g, p) for p in t.periods if q.start <= p.start <= q.end}
            assert bool(years.mask[i, j]) == (not inside & gaps)
    frame = t.to_frame()
    assert len(frame) == int(t.mask.sum())
    assert t.fill(0).totals() == {
        g: sum(int(c) for c in t.counts[:, j]) for j, g in enumerate(t.groups)
    }


def test_rounded_figures_are_not_rounded_twice() -> None:
    shares = table([[1, 2]] * 3).shares(places=1)
    assert shares.rounded(2) is shares
    with pytest.raises(tc.TrendcalcError, match="round twice"):
        shares.rounded(0)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"period": 5},
        {"groups": 5},
        {"count": None},
        {"kind": "weekly"},
        {"fill": -1},
        {"fy_start_month": 13},
        {"period": ("period", "count", "group")},
    ],
)
def test_from_frame_bad_arguments_raise_only_trendcalc_errors(kwargs: dict[str, object]) -> None:
    data = {"period": ["2016/17"], "group": ["a"], "count": [1]}
    with pytest.raises(tc.TrendcalcError):
        tc.CountTable.from_frame(data, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("library", ["pandas", "polars", "pyarrow", "numpy"])
def test_period_column_of_datetimes_from_every_library(library: str) -> None:
    stamps = pd.to_datetime(["2016-04-01 10:30", "2016-05-03 00:00", "2017-04-01 23:59"])
    df = pd.DataFrame({"date": stamps, "count": [1, 2, 3]})
    frame: object = df
    if library == "polars":
        frame = pytest.importorskip("polars").from_pandas(df)
    elif library == "pyarrow":
        frame = pytest.importorskip("pyarrow").Table.from_pandas(df)
    elif library == "numpy":
        frame = {"date": stamps.to_numpy(dtype="datetime64[ns]"), "count": [1, 2, 3]}
    t = tc.CountTable.from_frame(frame, period="date", groups=(), kind="financial_year")
    assert [p.label for p in t.periods] == ["2016/17", "2017/18"]
    assert t.counts[:, 0].tolist() == [3, 3]


@given(
    count_tables(kinds=("month", "quarter", "financial_quarter"), missing=False, max_periods=30),
    st.sampled_from(["quarter", "financial_quarter", "calendar_year", "financial_year"]),
    st.sampled_from(["raise", "drop"]),
)
def test_resample_agrees_with_the_series_resample_for_every_group(
    t: tc.CountTable, kind: str, incomplete: str
) -> None:
    problem = None
    try:
        want = [t.series(g).resample(kind, incomplete=incomplete) for g in t.groups]  # type: ignore[arg-type]
    except tc.SeriesError as e:
        problem = str(e)
    if problem is not None:
        with pytest.raises(tc.SeriesError) as refused:
            t.resample(kind, incomplete=incomplete)  # type: ignore[arg-type]
        # the same refusal, in the words of the series (which says "series" for "table")
        assert (
            str(refused.value).split(" (")[0] == problem.replace("series", "table").split(" (")[0]
        )
        return
    got = t.resample(kind, incomplete=incomplete)  # type: ignore[arg-type]
    assert [got.series(g) for g in t.groups] == want
    assert got.n_events == t.n_events  # dropped periods move to before and after


def test_changes_of_huge_counts_stay_exact() -> None:
    t = table([[2**62, 5], [1, 2**62]], FY[:2])
    p = t.pct_change(places=2)
    assert p.value("2016/17", "a") == tc.change(2**62, 1).rounded(2)
    assert p.value("2016/17", "b") == tc.change(5, 2**62).rounded(2)
    assert t.pct_change().value("2016/17", "a") == tc.change(2**62, 1).percent
    assert t.rates({"a": 3, "b": 7}, per=1000, places=1).value(
        "2015/16", "a"
    ) == tc.population_rate(2**62, 3, per=1000).rounded(1)
    assert t.shares(places=3).decimals()[0] == list(tc.shares([2**62, 5], 3))


@given(t=count_tables(max_periods=8, missing=False))
def test_two_key_tables_round_trip_through_every_backend(t: tc.CountTable) -> None:
    labels = sorted((str(g)[0], str(g)) for g in t.groups)
    order = [t.groups.index(g) for _, g in labels]
    z = [0] * len(labels)
    two = tc.CountTable(t.periods, labels, t.counts[:, order], z, z, z, keys=("initial", "force"))
    for backend in ("pandas", "polars", "pyarrow"):
        back = tc.CountTable.from_frame(two.to_frame(backend))  # type: ignore[arg-type]
        assert back == two
        assert back.select(initial=[g[0] for g in labels]).keys == ("initial", "force")
