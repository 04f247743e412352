"""trendcalc: exact offence-trend arithmetic.

Counts, changes, rates and totals behind crime-statistics stories, computed exactly and
rounded by an explicit rule. The guide is in the repository's ``docs/`` folder (build it
with Sphinx, see ``docs/install.rst``); every public name below has a docstring with a
runnable example.
"""

from trendcalc._changes import Change, GrowthRate, cagr, change, pct_change
from trendcalc._claims import Qualifier as _Qualifier
from trendcalc._claims import (
    Verdict,
    check_change,
    check_daily_rate,
    check_difference,
    check_frequency,
    check_population_rate,
    check_rank,
    check_rate_change,
    check_ratio,
    check_record,
    check_share,
    check_shares,
    check_streak,
    check_total,
    implied_before,
    implied_count,
)
from trendcalc._counting import CountTable, count_events
from trendcalc._errors import (
    AmbiguousPeriodError,
    PeriodError,
    SeriesError,
    TrendcalcError,
    UndefinedResultError,
)
from trendcalc._figures import (
    Figure,
    QualifiedFigure,
    parse_count,
    parse_figure,
    parse_qualified_count,
)
from trendcalc._periods import (
    Period,
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
from trendcalc._periods import PeriodKind as _PeriodKind
from trendcalc._rates import PopulationRate, Rate, daily_rate, population_rate
from trendcalc._rounding import Interval, round_significant, round_value, shares, unround
from trendcalc._series import CountSeries, SpanTotal
from trendcalc._stats import (
    Comparison,
    PoissonInterval,
    PoissonTest,
    WDDResult,
    compare_counts,
    poisson_interval,
    poisson_test,
    poisson_z,
    wdd,
)
from trendcalc._story import (
    ClaimResult,
    Story,
    StoryClaim,
    StoryCount,
    StoryError,
    StoryReport,
    check_story,
    example_story,
    load_story,
)
from trendcalc._story_blocks import StorySeries, StoryTable
from trendcalc._table_results import Coverage, Rank, Ranking, TableChanges, TableValues
from trendcalc._validate import Mode as _Mode
from trendcalc._words import Multiple, Proportion, parse_multiple, parse_proportion

#: The rounding modes, as a ``typing.Literal``: ``"half_up"`` (halves away from zero, as
#: in Excel's ROUND and official statistics; the default everywhere), ``"half_even"``,
#: ``"half_down"``, ``"up"`` (away from zero), ``"down"`` (toward zero, truncation),
#: ``"ceiling"`` and ``"floor"``, each meaning what :mod:`decimal`'s ``ROUND_*`` of the
#: same name means.
Mode = _Mode

#: The kinds of :class:`Period`, as a ``typing.Literal``: ``"month"``, ``"quarter"``,
#: ``"financial_quarter"``, ``"calendar_year"``, ``"financial_year"``, ``"year_ending"``
#: and ``"range"``.
PeriodKind = _PeriodKind

#: The words that may stand in front of a published figure, as a ``typing.Literal``:
#: ``"exact"`` (none), ``"about"``, ``"around"``, ``"more than"``, ``"at least"``,
#: ``"fewer than"``, ``"less than"``, ``"almost"``, ``"nearly"`` and ``"up to"``.
Qualifier = _Qualifier

__version__ = "0.1.0"

__all__ = [
    "AmbiguousPeriodError",
    "Change",
    "ClaimResult",
    "Comparison",
    "CountSeries",
    "CountTable",
    "Coverage",
    "Figure",
    "GrowthRate",
    "Interval",
    "Mode",
    "Multiple",
    "Period",
    "PeriodError",
    "PeriodKind",
    "PoissonInterval",
    "PoissonTest",
    "PopulationRate",
    "Proportion",
    "QualifiedFigure",
    "Qualifier",
    "Rank",
    "Ranking",
    "Rate",
    "SeriesError",
    "SpanTotal",
    "Story",
    "StoryClaim",
    "StoryCount",
    "StoryError",
    "StoryReport",
    "StorySeries",
    "StoryTable",
    "TableChanges",
    "TableValues",
    "TrendcalcError",
    "UndefinedResultError",
    "Verdict",
    "WDDResult",
    "__version__",
    "cagr",
    "calendar_year",
    "change",
    "check_change",
    "check_daily_rate",
    "check_difference",
    "check_frequency",
    "check_population_rate",
    "check_rank",
    "check_rate_change",
    "check_ratio",
    "check_record",
    "check_share",
    "check_shares",
    "check_story",
    "check_streak",
    "check_total",
    "compare_counts",
    "count_events",
    "daily_rate",
    "date_range",
    "example_story",
    "financial_quarter",
    "financial_year",
    "implied_before",
    "implied_count",
    "load_story",
    "month",
    "parse_count",
    "parse_figure",
    "parse_multiple",
    "parse_period",
    "parse_proportion",
    "parse_qualified_count",
    "pct_change",
    "period_range",
    "poisson_interval",
    "poisson_test",
    "poisson_z",
    "population_rate",
    "quarter",
    "round_significant",
    "round_value",
    "shares",
    "unround",
    "wdd",
    "year_ending",
]
