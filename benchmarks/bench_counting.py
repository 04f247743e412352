"""Counting 10 million offence records into financial years and months, against the
tools an analyst would otherwise pick, in one run.

Run: ``python benchmarks/bench_counting.py [--n 10000000] [--repeat 3] [--big 100000000]``

Workload: event dates spread uniformly over 2010-04-01 to 2024-03-31 with 43 groups (the
police forces of England and Wales), as integer force codes. Each tool gets its natural
input, built before timing: a numpy ``datetime64[D]`` array and an int64 code array for
trendcalc and bincount, a pandas Series of ``datetime64[ns]`` and a code Series for pandas,
a polars DataFrame with a Date column for polars. Timed, best of ``--repeat``:

* ``numpy.bincount`` over the 10 million group codes: the floor;
* trendcalc ``count_events`` into the 14 financial years 2010/11 to 2023/24 (and into the
  168 months), with every out-of-range and missing date accounted for;
* pandas ``groupby([dates.dt.to_period("Y-MAR"), group]).size()`` (and ``"M"``);
* polars ``group_by`` on a derived financial-year column (and a month column).

pandas is timed once per query, as its runs take long enough to be stable.

Also: trendcalc from ``datetime64[ns]`` input and from string labels (a factorisation
first), peak extra memory with tracemalloc, and time for 1, 10 and 100 million events
(the last counted in chunks of 10 million and merged).

Group columns as analysts hold them, each against the same count with the numpy integer
codes (the goal: within 1.5 times), timed in turns with it: a pandas Categorical, a
polars Categorical, a pyarrow dictionary array (all read by their codes), and polars and
pandas text columns (read one distinct value at a time; the rows are in random order, so
no runs help).
"""

from __future__ import annotations

import argparse
import platform
import time
import tracemalloc
from collections.abc import Callable

import numpy as np
from _timing import best_of, best_of_each  # benchmarks/_timing.py, beside this script

import trendcalc as tc


def make(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2010-04-01")
    span = int((np.datetime64("2024-03-31") - start).astype(int)) + 1
    days = (start + rng.integers(0, span, n)).astype("datetime64[D]")
    return days, rng.integers(0, 43, n)


def peak_extra_mb(fn: Callable[[], object]) -> float:
    tracemalloc.start()
    tracemalloc.reset_peak()
    base = tracemalloc.get_traced_memory()[0]
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return (peak - base) / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--big", type=int, default=100_000_000, help="events for the scaling row")
    parser.add_argument("--no-pandas", action="store_true")
    parser.add_argument("--no-polars", action="store_true")
    args = parser.parse_args()

    days, codes = make(args.n, 2017)
    years = tc.period_range("2010/11", "2023/24")
    months = tc.period_range("April 2010", "March 2024")
    rows: list[tuple[str, float]] = []

    t_floor = best_of(args.repeat, lambda: np.bincount(codes, minlength=43))
    rows.append(("numpy.bincount of the group codes (floor)", t_floor))
    t_fy = best_of(args.repeat, lambda: tc.count_events(days, years, groups=codes))
    rows.append(("trendcalc count_events, financial years", t_fy))
    t_month = best_of(args.repeat, lambda: tc.count_events(days, months, groups=codes))
    rows.append(("trendcalc count_events, months", t_month))
    ns = days.astype("datetime64[ns]")
    t_ns = best_of(args.repeat, lambda: tc.count_events(ns, years, groups=codes))
    rows.append(("trendcalc, from datetime64[ns]", t_ns))
    names = np.array([f"force {i:02d}" for i in range(43)])[codes]
    t_names = best_of(args.repeat, lambda: tc.count_events(days, years, groups=names))
    rows.append(("trendcalc, str labels (factorised)", t_names))

    group_rows = []
    if not (args.no_pandas or args.no_polars):
        import pandas as pd
        import polars as pl
        import pyarrow as pa

        text = np.array([f"force {i:02d}" for i in range(43)])[codes]
        forms = {
            "pandas Categorical": pd.Series(pd.Categorical.from_codes(codes, np.unique(text))),
            "polars Categorical": pl.Series(text).cast(pl.Categorical),
            "pyarrow dictionary": pa.DictionaryArray.from_arrays(codes, pa.array(np.unique(text))),
            "polars String": pl.Series(text),
            "pandas str (pyarrow)": pd.Series(text, dtype="str"),
        }
        del text
        # in turns with the integer codes, so each form meets the same moments of the machine
        fns = {"numpy int64 codes": lambda: tc.count_events(days, years, groups=codes)}
        for label, column in forms.items():
            fns[label] = lambda c=column: tc.count_events(days, years, groups=c)
        group_rows = list(best_of_each(args.repeat, fns).items())

    t_pandas = t_polars = None
    if not args.no_pandas:
        import pandas as pd

        dates = pd.Series(days.astype("datetime64[ns]"))
        group = pd.Series(codes)
        t_pandas = best_of(1, lambda: group.groupby([dates.dt.to_period("Y-MAR"), group]).size())
        rows.append((f"pandas {pd.__version__} groupby, financial years", t_pandas))
        t_pandas_m = best_of(1, lambda: group.groupby([dates.dt.to_period("M"), group]).size())
        rows.append(("pandas groupby, months", t_pandas_m))
    if not args.no_polars:
        import polars as pl

        frame = pl.DataFrame({"date": days, "group": codes})
        fy = (pl.col("date").dt.year() - (pl.col("date").dt.month() < 4).cast(pl.Int32)).alias("fy")
        month = pl.col("date").dt.truncate("1mo").alias("month")
        t_polars = best_of(args.repeat, lambda: frame.group_by([fy, "group"]).len())
        rows.append((f"polars {pl.__version__} group_by, financial years", t_polars))
        t_polars_m = best_of(args.repeat, lambda: frame.group_by([month, "group"]).len())
        rows.append(("polars group_by, months", t_polars_m))

    memory = peak_extra_mb(lambda: tc.count_events(days, years, groups=codes))

    scaling = []
    for n in sorted({min(1_000_000, args.n), args.n}):
        d, c = (days[:n], codes[:n])
        t_n = best_of(args.repeat, lambda d=d, c=c: tc.count_events(d, years, groups=c))
        scaling.append((n, t_n))
    if args.big:
        total = tc.CountTable.zero(years, tuple(range(43)))
        elapsed = 0.0
        chunk = 10_000_000
        for i, lo in enumerate(range(0, args.big, chunk)):
            d, c = make(min(chunk, args.big - lo), 1000 + i)
            t0 = time.perf_counter()
            total = total + tc.count_events(d, years, groups=c)
            elapsed += time.perf_counter() - t0
        assert total.n_events == args.big
        scaling.append((args.big, elapsed))

    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, numpy {np.__version__}, trendcalc {tc.__version__}"
    )
    print(f"events: {args.n:,}, 43 groups, best of {args.repeat} (pandas: one run)")
    print()
    print(f"{'method':<46} {'seconds':>8} {'vs bincount':>12}")
    for name, t in rows:
        print(f"{name:<46} {t:>8.3f} {t / t_floor:>11.1f}x")
    print()
    print(f"trendcalc (financial years) is {t_fy / t_floor:.1f}x bare bincount", end="")
    if t_pandas:
        print(f", {t_pandas / t_fy:.0f}x faster than pandas", end="")
    if t_polars:
        print(f", {t_polars / t_fy:.1f}x faster than polars", end="")
    print()
    print(
        f"peak extra memory counting {args.n:,} events: {memory:.1f} MiB "
        f"(the input dates alone are {days.nbytes / 2**20:.0f} MiB)"
    )
    if group_rows:
        print()
        print(f"{'group column (financial years)':<46} {'seconds':>8} {'vs int codes':>12}")
        t_codes = group_rows[0][1]
        for name, t in group_rows:
            print(f"{name:<46} {t:>8.3f} {t / t_codes:>11.2f}x")
    print()
    print(f"{'events':>12} {'seconds':>8} {'ns/event':>9}")
    for n, t in scaling:
        print(f"{n:>12,} {t:>8.3f} {t / n * 1e9:>9.2f}")


if __name__ == "__main__":
    main()
