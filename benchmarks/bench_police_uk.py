"""Counting police.uk street-level records per force and month, against pandas and polars,
in one run.

Run: ``python benchmarks/bench_police_uk.py [--n 3000000] [--repeat 3]``

Workload: ``--n`` records laid out as the police.uk archive publishes them: a ``Month``
column of ``"YYYY-MM"`` text (36 months, April 2016 to March 2019) and a ``Falls within``
column with the name of one of 43 forces (sized roughly like the real ones), plus a
``Crime type``. Each tool gets the frame it would read the CSV files into, built before
timing: a pandas DataFrame of text columns (``str``, backed by pyarrow, as
``pandas.read_csv`` gives in pandas 3), a polars DataFrame of ``String`` columns, and a
pyarrow Table. Two row orders:

* **file order**: as read from the archive's files, one file per month and force, so the
  month and the force come in long runs;
* **shuffled**: the same rows in random order (after a sort or a join, say).

Timed, best of ``--repeat`` rounds, each round timing every method once in turn (so all
meet the same moments of a busy machine):

* trendcalc ``count_events(frame["Month"], "April 2016 to March 2019",
  groups=frame["Falls within"], kind="month")`` from each frame (counts per force and
  month, with every record accounted for);
* polars ``frame.group_by(["Falls within", "Month"]).len()``;
* pandas ``frame.groupby(["Falls within", "Month"]).size()``.

The counts are checked against pandas before anything is timed.
"""

from __future__ import annotations

import argparse
import platform

import numpy as np
from _timing import best_of_each  # benchmarks/_timing.py, beside this script

import trendcalc as tc

FORCES = [
    "Avon and Somerset Constabulary", "Bedfordshire Police", "Cambridgeshire Constabulary",
    "Cheshire Constabulary", "City of London Police", "Cleveland Police", "Cumbria Constabulary",
    "Derbyshire Constabulary", "Devon & Cornwall Police", "Dorset Police", "Durham Constabulary",
    "Dyfed-Powys Police", "Essex Police", "Gloucestershire Constabulary",
    "Greater Manchester Police", "Gwent Police", "Hampshire Constabulary",
    "Hertfordshire Constabulary", "Humberside Police", "Kent Police", "Lancashire Constabulary",
    "Leicestershire Police", "Lincolnshire Police", "Merseyside Police",
    "Metropolitan Police Service", "Norfolk Constabulary", "North Wales Police",
    "North Yorkshire Police", "Northamptonshire Police", "Northumbria Police",
    "Nottinghamshire Police", "South Wales Police", "South Yorkshire Police",
    "Staffordshire Police", "Suffolk Constabulary", "Surrey Police", "Sussex Police",
    "Thames Valley Police", "Warwickshire Police", "West Mercia Police",
    "West Midlands Police", "West Yorkshire Police", "Wiltshire Police",
]  # fmt: skip
CRIMES = [
    "Anti-social behaviour", "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs",
    "Other crime", "Other theft", "Possession of weapons", "Public order", "Robbery",
    "Shoplifting", "Theft from the person", "Vehicle crime", "Violence and sexual offences",
]  # fmt: skip
MONTHS = [f"{y}-{m:02d}" for y in (2016, 2017, 2018, 2019) for m in range(1, 13)][3:39]
PERIODS = "April 2016 to March 2019"


def make(n: int, seed: int, shuffle: bool) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    weight = rng.pareto(1.2, len(FORCES)) + 1  # a few large forces, many small ones
    force = rng.choice(len(FORCES), n, p=weight / weight.sum())
    month = rng.integers(0, len(MONTHS), n)
    crime = rng.integers(0, len(CRIMES), n)
    order = rng.permutation(n) if shuffle else np.lexsort((crime, force, month))
    return {
        "Month": np.array(MONTHS)[month[order]],
        "Falls within": np.array(FORCES)[force[order]],
        "Crime type": np.array(CRIMES)[crime[order]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=3_000_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    import pandas as pd
    import polars as pl
    import pyarrow as pa

    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, numpy {np.__version__}, pandas {pd.__version__}, "
        f"polars {pl.__version__}, pyarrow {pa.__version__}, trendcalc {tc.__version__}"
    )
    print(f"records: {args.n:,}, 36 months x 43 forces, best of {args.repeat}")
    for shuffle in (False, True):
        run(args.n, args.repeat, shuffle)


def run(n: int, repeat: int, shuffle: bool) -> None:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    columns = make(n, 2016, shuffle)
    frame_pd = pd.DataFrame({k: pd.array(v, dtype="str") for k, v in columns.items()})
    frame_pl = pl.DataFrame(columns)
    frame_pa = pa.table({k: pa.array(v) for k, v in columns.items()})
    del columns

    def count(frame: object) -> tc.CountTable:
        return tc.count_events(
            frame["Month"],
            PERIODS,
            groups=frame["Falls within"],
            kind="month",  # type: ignore[index]
        )

    # correctness first: trendcalc from each frame against pandas
    sizes = frame_pd.groupby(["Falls within", "Month"]).size()
    for frame in (frame_pd, frame_pl, frame_pa):
        table = count(frame)
        got = {
            (g, p.start.strftime("%Y-%m")): int(table.counts[i, j])
            for j, g in enumerate(table.groups)
            for i, p in enumerate(table.periods)
            if table.counts[i, j]
        }
        assert got == {k: int(v) for k, v in sizes.items()}, "counts differ from pandas"
        assert table.n_events == n

    t = best_of_each(
        repeat,
        {
            "pd": lambda: count(frame_pd),
            "pl": lambda: count(frame_pl),
            "pa": lambda: count(frame_pa),
            "polars": lambda: frame_pl.group_by(["Falls within", "Month"]).len(),
            "pandas": lambda: frame_pd.groupby(["Falls within", "Month"]).size(),
        },
    )
    t_pd, t_pl, t_pa, t_polars, t_pandas = (t[k] for k in ("pd", "pl", "pa", "polars", "pandas"))
    print()
    print("rows shuffled" if shuffle else "rows in file order (month, then force)")
    print(f"{'method':<48} {'seconds':>8} {'vs trendcalc':>13}")
    rows = [
        ("trendcalc count_events, pandas columns", t_pd),
        ("trendcalc count_events, polars columns", t_pl),
        ("trendcalc count_events, pyarrow columns", t_pa),
        ("polars group_by(...).len()", t_polars),
        ("pandas groupby(...).size()", t_pandas),
    ]
    for name, t in rows:
        print(f"{name:<48} {t:>8.3f} {t / t_pd:>12.2f}x")
    print(
        f"trendcalc (pandas columns) is {t_polars / t_pd:.1f}x as fast as polars and "
        f"{t_pandas / t_pd:.1f}x as fast as pandas; from polars columns "
        f"{t_polars / t_pl:.1f}x as fast as polars"
    )


if __name__ == "__main__":
    main()
