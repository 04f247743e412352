"""Check the figures of the Lincolnshire story (June 2017) with trendcalc.

Run: ``python examples/lincolnshire.py``

"58 cyber-related child sex offences in 2016/17 ... 112 offences for the previous 12
months ... 170 ... over the last two years ... nationally risen 44% ... 3,903 ... an
average of 15 cyber offences a day."
"""

from __future__ import annotations

import trendcalc as tc


def main() -> None:
    local = tc.CountSeries.from_mapping({"2015/16": 112, "2016/17": 58})
    print("Lincolnshire")
    for period, count in local.items():
        print(f"  {period.label}: {count:>4} offences over {period.days} days")
    print(f"  total over the two years: {local.total()} (the story says 170)")
    print(f"  change: {local.change().describe(1)}")
    print(f"  change per day, allowing for the leap year: {local.change(per_day=True).describe(1)}")

    print("\nEngland and Wales")
    rate = tc.daily_rate(3903, "2016/17")
    print(f"  {rate.describe()}  (the story says 15 a day)")
    fifteen = tc.unround("15")
    needed = [n for n in range(5000, 6000) if fifteen.contains(tc.daily_rate(n, "2016/17").per_day)]
    print(f"  '15 a day' over 2016/17 needs {needed[0]:,} to {needed[-1]:,} offences")
    percent = tc.unround("44")
    fits = [b for b in range(2000, 3903) if percent.contains(tc.change(b, 3903).percent)]
    print(f"  'up 44%' to 3,903 needs a previous figure of {fits[0]:,} to {fits[-1]:,}")

    national = tc.change(3903, 5653)
    print("\nThe NSPCC release: 3,903 in 2015/16, 5,653 in 2016/17")
    print(f"  {national.describe(2)}")
    print(f"  rounded half up: {national.rounded()}%; truncated: {national.rounded(mode='down')}%")
    print(f"  {tc.daily_rate(5653, '2016/17').describe()}")


if __name__ == "__main__":
    main()
