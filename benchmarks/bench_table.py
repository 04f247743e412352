"""Benchmark: table-wide analysis and from_frame against the pandas code they replace.

Run: ``python benchmarks/bench_table.py [--repeat 7] [--rows 30000]``

* ``rolling_total(12)`` on 43 forces by 120 months, against ``DataFrame.rolling(12).sum()``;
* ``pct_change`` of every force on the month before, rounded to one decimal, against
  ``(100 * DataFrame.pct_change()).round(1)``;
* ``CountTable.from_frame`` on an open-data-style long table (financial year, quarter,
  force, offence group, one row per offence code), against the ``pivot_table`` it
  replaces;
* ``resample("financial_year")`` of 12,000 and 120,000 monthly periods, to show the
  time grows linearly.

Each tool gets its natural input, built before timing; the best of ``--repeat`` runs is
reported. trendcalc's results are checked against pandas' before timing.
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from _timing import best_of

import trendcalc as tc

FORCES = [f"Force {i:02d}" for i in range(43)]


def monthly(seed: int = 1) -> tuple[tc.CountTable, object]:
    import pandas as pd

    rng = np.random.default_rng(seed)
    months = tc.period_range("April 2010", "March 2020")
    counts = rng.integers(200, 20_000, (len(months), len(FORCES)))
    zeros = [0] * len(FORCES)
    table = tc.CountTable(months, FORCES, counts, zeros, zeros, zeros, keys=("force",))
    frame = pd.DataFrame(
        counts, index=pd.PeriodIndex([p.start for p in months], freq="M"), columns=FORCES
    )
    return table, frame


def open_data(rows: int, seed: int = 2) -> object:
    import pandas as pd

    rng = np.random.default_rng(seed)
    years = [f"{y}/{(y + 1) % 100:02d}" for y in range(2012, 2024)]
    groups = [
        "Burglary",
        "Robbery",
        "Theft offences",
        "Violence against the person",
        "Criminal damage and arson",
        "Drug offences",
        "Public order offences",
    ]
    return pd.DataFrame(
        {
            "Financial Year": rng.choice(years, rows),
            "Financial Quarter": rng.integers(1, 5, rows),
            "Force Name": rng.choice(FORCES, rows),
            "Offence Description": rng.choice(["description"], rows),
            "Offence Group": rng.choice(groups, rows),
            "Offence Code": rng.integers(1, 200, rows).astype(str),
            "Number of Offences": rng.integers(0, 400, rows),
        }
    )


def row(name: str, seconds: float, base: float) -> str:
    return f"{name:<58} {seconds * 1000:9.3f} ms  {seconds / base:6.2f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--rows", type=int, default=30_000)
    args = parser.parse_args()
    import pandas as pd

    print(f"Python {platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}")
    table, frame = monthly()

    # rolling year totals
    ours = table.rolling_total(12)
    theirs = frame.rolling(12).sum().iloc[11:]  # type: ignore[attr-defined]
    assert np.array_equal(ours.counts, theirs.to_numpy().astype(np.int64))
    t_pd = best_of(args.repeat, lambda: frame.rolling(12).sum())  # type: ignore[attr-defined]
    t_tc = best_of(args.repeat, lambda: table.rolling_total(12))
    print("\nrolling 12-month totals, 43 forces x 120 months")
    print(row("pandas DataFrame.rolling(12).sum()", t_pd, t_pd))
    print(row("trendcalc CountTable.rolling_total(12)", t_tc, t_pd))

    # percentage change on the month before, one decimal
    ours_pct = table.pct_change(lag=1, places=1).to_numpy()
    theirs_pct = (100 * frame.pct_change()).round(1).to_numpy()[1:]  # type: ignore[attr-defined]
    differ = int((ours_pct != theirs_pct).sum())
    t_pd = best_of(args.repeat, lambda: (100 * frame.pct_change()).round(1))  # type: ignore[attr-defined]
    t_tc = best_of(args.repeat, lambda: table.pct_change(lag=1, places=1).to_numpy())
    print("\npercentage change on the month before, 1 decimal, 43 x 119")
    print(row("pandas (100 * DataFrame.pct_change()).round(1)", t_pd, t_pd))
    print(row("trendcalc pct_change(lag=1, places=1).to_numpy()", t_tc, t_pd))
    print(f"  figures that differ (pandas rounds binary floats half to even): {differ}")

    # from_frame on open-data-style rows
    df = open_data(args.rows)
    kw = {
        "period": ("Financial Year", "Financial Quarter"),
        "count": "Number of Offences",
        "groups": "Force Name",
    }
    built = tc.CountTable.from_frame(df, **kw)  # type: ignore[arg-type]
    pivot = df.pivot_table(  # type: ignore[attr-defined]
        index=["Financial Year", "Financial Quarter"],
        columns="Force Name",
        values="Number of Offences",
        aggfunc="sum",
    )
    assert np.array_equal(built.mask, pivot.notna().to_numpy())
    assert np.array_equal(built.fill(0).counts, pivot.fillna(0).to_numpy().astype(np.int64))
    t_pd = best_of(
        args.repeat,
        lambda: df.pivot_table(  # type: ignore[attr-defined]
            index=["Financial Year", "Financial Quarter"],
            columns="Force Name",
            values="Number of Offences",
            aggfunc="sum",
        ),
    )
    t_gb = best_of(
        args.repeat,
        lambda: (
            df.groupby(  # type: ignore[attr-defined]
                ["Financial Year", "Financial Quarter", "Force Name"]
            )["Number of Offences"]
            .sum()
            .unstack()
        ),
    )
    t_tc = best_of(args.repeat, lambda: tc.CountTable.from_frame(df, **kw))  # type: ignore[arg-type]
    print(f"\n{args.rows:,} open-data rows to a quarters x forces table")
    print(row("pandas pivot_table(..., aggfunc='sum')", t_pd, t_pd))
    print(row("pandas groupby(...).sum().unstack()", t_gb, t_pd))
    print(row("trendcalc CountTable.from_frame", t_tc, t_pd))

    # resample grows linearly
    print("\nresample('financial_year') of many monthly periods, 2 groups")
    for years in (1_000, 9_899):
        months = tc.period_range("April 0100", f"March {100 + years:04d}")
        z = [0, 0]
        big = tc.CountTable(months, ["a", "b"], np.ones((len(months), 2), dtype=np.int64), z, z, z)
        t = best_of(max(1, args.repeat // 3), lambda big=big: big.resample("financial_year"))
        print(f"{len(months):>9,} months: {t:7.3f} s  ({t / len(months) * 1e6:.2f} us per month)")


if __name__ == "__main__":
    main()
