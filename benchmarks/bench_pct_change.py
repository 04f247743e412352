"""Exactly rounded percentage changes of 10 million count pairs, against the alternatives.

Run: ``python benchmarks/bench_pct_change.py [--n 10000000] [--places 1]``

Compares, in one run on the same data:

* ``numpy`` - ``numpy.round(100 * (after - before) / before, places)``: fast, but rounds
  a binary float half to even, so published figures stop matching;
* ``trendcalc`` - ``trendcalc.pct_change(before, after, places=places)``: exact, half away
  from zero (the default mode), equal element by element to the scalar ``change().rounded()``;
* ``decimal`` - a Python loop with :mod:`decimal` ``quantize(ROUND_HALF_UP)``: exact, the
  obvious correct way. It is timed on a sample and scaled per element, since the full run
  would take minutes.

Each time is the best of ``--repeat`` runs. The ratios are what the docs report.
"""

from __future__ import annotations

import argparse
import platform
from decimal import ROUND_HALF_UP, Decimal

import numpy as np
from _timing import best_of  # benchmarks/_timing.py, beside this script

import trendcalc as tc


def decimal_loop(before: np.ndarray, after: np.ndarray, places: int) -> list[Decimal | None]:
    quantum = Decimal(1).scaleb(-places)
    out: list[Decimal | None] = []
    for b, a in zip(before.tolist(), after.tolist(), strict=True):
        if b == 0:
            out.append(None)
        else:
            out.append((Decimal(100 * (a - b)) / Decimal(b)).quantize(quantum, ROUND_HALF_UP))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000_000, help="count pairs (default 10M)")
    parser.add_argument("--places", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sample", type=int, default=200_000, help="pairs for the decimal loop")
    args = parser.parse_args()

    rng = np.random.default_rng(2017)
    before = rng.integers(0, 5_000, size=args.n, dtype=np.int64)
    after = rng.integers(0, 5_000, size=args.n, dtype=np.int64)

    def numpy_float() -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.round(100 * (after - before) / before, args.places)

    def exact() -> np.ndarray:
        return tc.pct_change(before, after, places=args.places)

    t_float = best_of(args.repeat, numpy_float)
    t_exact = best_of(args.repeat, exact)
    sample_b, sample_a = before[: args.sample], after[: args.sample]
    t_decimal_sample = best_of(1, lambda: decimal_loop(sample_b, sample_a, args.places))
    t_decimal = t_decimal_sample * args.n / args.sample

    # how often the float route publishes a different figure from the exact one
    exact_values = exact()
    float_values = numpy_float()
    defined = before != 0
    differ = int(np.count_nonzero(exact_values[defined] != float_values[defined]))

    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} "
        f"{platform.python_version()}, numpy {np.__version__}"
    )
    print(f"pairs: {args.n:,}, places: {args.places}, best of {args.repeat}")
    print()
    print(f"{'method':<34} {'seconds':>9} {'ns/pair':>8} {'vs numpy':>9}")
    rows = [
        ("numpy.round on float percentages", t_float),
        ("trendcalc.pct_change (exact)", t_exact),
        (f"decimal loop (scaled from {args.sample:,})", t_decimal),
    ]
    for name, t in rows:
        print(f"{name:<34} {t:>9.3f} {t / args.n * 1e9:>8.1f} {t / t_float:>8.2f}x")
    print()
    print(
        f"exact rounding costs {t_exact / t_float:.2f}x the float version "
        f"and is {t_decimal / t_exact:.0f}x faster than the decimal loop"
    )
    print(
        f"the float route publishes a different figure for {differ:,} of "
        f"{int(defined.sum()):,} pairs ({differ / defined.sum():.3%})"
    )


if __name__ == "__main__":
    main()
