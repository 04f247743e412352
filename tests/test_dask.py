"""Counting with Dask on a real distributed LocalCluster of worker processes."""

from __future__ import annotations

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
