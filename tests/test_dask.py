"""Counting with Dask on a real distributed LocalCluster of worker processes."""

from __future__ import annotations

from pathlib import Path

import dask.array as da
import dask.dataframe as dd
import numpy as np
import pandas as pd
import pytest
from distributed import Client, LocalCluster

import trendcalc as tc
import trendcalc.dask


@pytest.fixture(scope="module")
def client() -> Client:
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def _data() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(11)
    days = np.datetime64("2010-04-01") + rng.integers(-30, 14 * 365 + 30, 200_000)
    days[rng.integers(0, days.size, 20)] = np.datetime64("NaT")
    forces = np.array([f"force {i:02d}" for i in range(43)])[rng.integers(0, 43, days.size)]
    return days.astype("datetime64[D]"), forces


def test_dask_dataframe_columns_give_the_in_memory_table(client: Client) -> None:
    days, forces = _data()
    expected = tc.count_events(days, "2010/11 to 2023/24", groups=forces)
    frame = dd.from_pandas(pd.DataFrame({"date": days, "force": forces}), npartitions=12)
    table = trendcalc.dask.count_events(
        frame["date"], "2010/11 to 2023/24", groups=frame["force"], split_every=3
    )
    assert table == expected
    assert table.n_events == days.size
    assert len(client.scheduler_info()["workers"]) == 2


def test_dask_arrays_give_the_in_memory_table(client: Client) -> None:
    days, _ = _data()
    codes = np.arange(days.size) % 7
    expected = tc.count_events(days, "April 2010 to March 2024", groups=codes)
    table = trendcalc.dask.count_events(
        da.from_array(days, chunks=30_000),
        "April 2010 to March 2024",
        groups=da.from_array(codes, chunks=30_000),
    )
    assert table == expected


def test_delayed_result_and_bad_input(client: Client) -> None:
    days, _ = _data()
    lazy = trendcalc.dask.count_events(
        da.from_array(days, chunks=50_000), "2010/11 to 2023/24", compute=False
    )
    assert lazy.compute() == tc.count_events(days, "2010/11 to 2023/24")
    with pytest.raises(tc.TrendcalcError, match="groups must be partitioned like dates"):
        trendcalc.dask.count_events(
            da.from_array(days, chunks=50_000),
            "2010/11 to 2023/24",
            groups=da.from_array(days, chunks=40_000),
        )
    with pytest.raises(tc.TrendcalcError, match=r"for data in memory use trendcalc\.count_events"):
        trendcalc.dask.count_events(days, "2010/11 to 2023/24")


SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "data" / "police-uk"
POLICE_UK_COLUMNS = [
    "Crime ID",
    "Month",
    "Reported by",
    "Falls within",
    "Longitude",
    "Latitude",
    "Location",
    "LSOA code",
    "LSOA name",
    "Crime type",
    "Last outcome category",
    "Context",
]


def _read_in_memory(folder: Path) -> pd.DataFrame:
    return pd.concat(
        [pd.read_csv(p) for p in sorted(folder.glob("*/*-street.csv"))], ignore_index=True
    )


def test_the_sample_police_uk_files_have_the_real_layout() -> None:
    files = sorted(SAMPLE.glob("*/*-street.csv"))
    assert len(files) == 6
    assert sum(p.stat().st_size for p in files) < 20_000  # a few KB
    for p in files:
        frame = pd.read_csv(p)
        assert list(frame.columns) == POLICE_UK_COLUMNS
        assert set(frame["Month"]) == {p.parent.name}
    assert "made up" in (SAMPLE / "README.md").read_text()


def test_police_uk_csv_folder_on_the_cluster_equals_the_in_memory_table(client: Client) -> None:
    records = dd.read_csv(str(SAMPLE / "*" / "*-street.csv"))
    assert records.npartitions == 6
    memory = _read_in_memory(SAMPLE)
    periods = "November 2011 to January 2012"
    expected = tc.count_events(
        memory["Month"], periods, groups=memory["Falls within"], kind="month"
    )
    table = trendcalc.dask.count_events(
        records["Month"], periods, groups=records["Falls within"], kind="month", split_every=2
    )
    assert table == expected
    assert table.groups == ("Eastborough Police", "Northshire Police")
    # oracle: pandas, straight from the files
    sizes = memory.groupby(["Month", "Falls within"]).size()
    assert table.counts.tolist() == [
        [int(sizes.get((m, g), 0)) for g in table.groups] for m in ("2011-11", "2011-12", "2012-01")
    ]
    by_type = trendcalc.dask.count_events(
        records["Month"],
        "2011/12",
        groups=[records["Falls within"], records["Crime type"]],
        kind="month",
    )
    assert by_type == tc.count_events(
        memory["Month"],
        "2011/12",
        groups=[memory["Falls within"], memory["Crime type"]],
        kind="month",
    )
    assert by_type.keys == ("Falls within", "Crime type")
    assert by_type.n_events == len(memory)


def test_many_monthly_files_on_the_cluster_equal_the_in_memory_table(
    client: Client, tmp_path: Path
) -> None:
    rng = np.random.default_rng(5)
    forces = ["Kent Police", "Essex Police", "Metropolitan Police Service"]
    crimes = ["Burglary", "Robbery", "Shoplifting", "Anti-social behaviour"]
    for year in (2016, 2017):
        for m in range(1, 13):
            month = f"{year}-{m:02d}"
            (tmp_path / month).mkdir()
            for force in forces:
                n = int(rng.integers(50, 400))
                frame = pd.DataFrame({c: [""] * n for c in POLICE_UK_COLUMNS})
                frame["Month"] = month
                frame["Reported by"] = frame["Falls within"] = force
                frame["Crime type"] = rng.choice(crimes, n)
                slug = force.split()[0].lower()
                frame.to_csv(tmp_path / month / f"{month}-{slug}-street.csv", index=False)
    records = dd.read_csv(
        str(tmp_path / "*" / "*-street.csv"), dtype={"Context": "str", "Crime ID": "str"}
    )
    memory = _read_in_memory(tmp_path)
    for periods in ("2016/17", "January 2016 to December 2017", "2016 Q2 to 2017 Q3"):
        expected = tc.count_events(
            memory["Month"], periods, groups=memory["Falls within"], kind="month"
        )
        table = trendcalc.dask.count_events(
            records["Month"], periods, groups=records["Falls within"], kind="month"
        )
        assert table == expected
        assert table.n_events == len(memory)
    frame_groups = trendcalc.dask.count_events(
        records["Month"], "2016/17", groups=records[["Falls within", "Crime type"]], kind="month"
    )
    assert frame_groups.groups == tuple(
        sorted(set(zip(memory["Falls within"], memory["Crime type"], strict=True)))
    )


def test_uint64_and_month_errors_through_dask(client: Client) -> None:
    days, _ = _data()
    codes = (np.arange(days.size) % 5).astype(np.uint64) * np.uint64(2**62)
    frame = dd.from_pandas(pd.DataFrame({"date": days, "code": codes}), npartitions=4)
    table = trendcalc.dask.count_events(frame["date"], "2010/11 to 2023/24", groups=frame["code"])
    assert table == tc.count_events(days, "2010/11 to 2023/24", groups=codes)
    assert table.groups == (0, 2**62, 2**63, 3 * 2**62)  # beyond int64, exactly
    months = dd.from_pandas(pd.DataFrame({"m": ["2016-03", "2016-3x"]}), npartitions=2)
    with pytest.raises(tc.TrendcalcError, match="dates must hold months when kind='month'"):
        trendcalc.dask.count_events(months["m"], "2016/17", kind="month")
    with pytest.raises(tc.TrendcalcError, match="kind must be 'date' or 'month'"):
        trendcalc.dask.count_events(months["m"], "2016/17", kind="day")  # type: ignore[arg-type]
