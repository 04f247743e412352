"""Checking published claims, one module per kind of claim (see ``registry.py``).

Importing this package registers every kind, in the order below; that order is the order
of kinds in messages and in the docs.
"""

# isort: off
# Each kind registers itself when imported: this is the order of kinds in messages and docs.
# A new kind adds its module here.
from trendcalc._claims import total as total
from trendcalc._claims import change as change
from trendcalc._claims import daily_rate as daily_rate
from trendcalc._claims import population_rate as population_rate
from trendcalc._claims import ratio as ratio
from trendcalc._claims import frequency as frequency
from trendcalc._claims import difference as difference
from trendcalc._claims import share as share
from trendcalc._claims import rate_change as rate_change
from trendcalc._claims import rank as rank
from trendcalc._claims import record as record
from trendcalc._claims import streak as streak

# isort: on
from trendcalc._claims.change import check_change, implied_before
from trendcalc._claims.daily_rate import check_daily_rate, implied_count
from trendcalc._claims.difference import check_difference
from trendcalc._claims.frequency import check_frequency, read_frequency_words
from trendcalc._claims.population_rate import check_population_rate
from trendcalc._claims.qualifiers import QUALIFIERS, Qualifier, check_qualifier, qualified_interval
from trendcalc._claims.rank import check_rank
from trendcalc._claims.rate_change import check_rate_change
from trendcalc._claims.ratio import check_ratio, read_ratio_words
from trendcalc._claims.record import check_record
from trendcalc._claims.registry import KINDS, ClaimKind, claim_kind, kind_names, register
from trendcalc._claims.share import check_share, check_shares
from trendcalc._claims.streak import check_streak
from trendcalc._claims.total import check_total
from trendcalc._claims.verdict import Verdict

__all__ = [
    "KINDS",
    "QUALIFIERS",
    "ClaimKind",
    "Qualifier",
    "Verdict",
    "change",
    "check_change",
    "check_daily_rate",
    "check_difference",
    "check_frequency",
    "check_population_rate",
    "check_qualifier",
    "check_rank",
    "check_rate_change",
    "check_ratio",
    "check_record",
    "check_share",
    "check_shares",
    "check_streak",
    "check_total",
    "claim_kind",
    "daily_rate",
    "difference",
    "frequency",
    "implied_before",
    "implied_count",
    "kind_names",
    "population_rate",
    "qualified_interval",
    "rank",
    "rate_change",
    "ratio",
    "read_frequency_words",
    "read_ratio_words",
    "record",
    "register",
    "share",
    "streak",
    "total",
]
