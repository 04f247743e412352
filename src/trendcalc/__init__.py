"""trendcalc: exact offence-trend arithmetic.

Counts, changes, rates and totals behind crime-statistics stories, computed exactly and
rounded by an explicit rule. See https://trendcalc.readthedocs.io (or ``docs/``) for the
guide; every public name below has a docstring with a runnable example.
"""

from trendcalc._changes import Change, GrowthRate, cagr, change, pct_change
from trendcalc._errors import PeriodError, SeriesError, TrendcalcError, UndefinedResultError
from trendcalc._periods import (
    Period,
    PeriodKind,
    calendar_year,
    date_range,
    financial_quarter,
    financial_year,
    month,
    parse_period,
    period_range,
    quarter,
    year_ending,
)
from trendcalc._rates import PopulationRate, Rate, daily_rate, population_rate
from trendcalc._rounding import Interval, round_significant, round_value, shares, unround
from trendcalc._series import CountSeries, SpanTotal
from trendcalc._validate import Mode

__version__ = "0.1.0"

__all__ = [
    "Change",
    "CountSeries",
    "GrowthRate",
    "Interval",
    "Mode",
    "Period",
    "PeriodError",
    "PeriodKind",
    "PopulationRate",
    "Rate",
    "SeriesError",
    "SpanTotal",
    "TrendcalcError",
    "UndefinedResultError",
    "__version__",
    "cagr",
    "calendar_year",
    "change",
    "daily_rate",
    "date_range",
    "financial_quarter",
    "financial_year",
    "month",
    "parse_period",
    "pct_change",
    "period_range",
    "population_rate",
    "quarter",
    "round_significant",
    "round_value",
    "shares",
    "unround",
    "year_ending",
]
