"""Where a value stands among others: shared by rank, record and streak claims.

A value is held as its bounds ``(least, greatest)``, exact Fractions: a count printed in
full has equal bounds, a rounded one ("6.7 million") the least and greatest whole counts
that round to it, a rate or change the least and greatest value its counts allow. A missing
value is None, never zero. Comparisons are three-valued: True, False, or None when the
bounds (or a missing value) leave the answer open; a claim whose verdict turns on an open
comparison is not judged (:class:`~trendcalc.UndefinedResultError`, "cannot be checked").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Literal

from trendcalc._claims.inputs import CountLike, counts_range
from trendcalc._claims.verdict import show
from trendcalc._errors import TrendcalcError, UndefinedResultError
from trendcalc._limits import MAX_LABEL_LENGTH, MAX_SERIES_LENGTH, brief
from trendcalc._periods import Period, as_period
from trendcalc._series import CountSeries
from trendcalc._validate import Mode

__all__ = [
    "ORDINAL_WORDS",
    "Bounds",
    "By",
    "Direction",
    "above",
    "at_least",
    "bounds_of",
    "change_bounds",
    "check_choice",
    "check_words",
    "describe",
    "ordinal",
    "ordinal_word",
    "orient",
    "rate_bounds",
    "read_series",
    "uncertain",
]

Bounds = tuple[Fraction, Fraction]
Direction = Literal["highest", "lowest"]
By = Literal["count", "rate", "change", "percent_change"]

_ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
)  # fmt: skip
#: "third" -> 3, for reading claims in words.
ORDINAL_WORDS = {w: i for i, w in enumerate(_ORDINALS, start=1)}


def ordinal(n: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``, ..., ``11th``, ``21st``."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def ordinal_word(n: int) -> str:
    """``second`` for 2, up to ``twentieth``; beyond that ``21st``."""
    return _ORDINALS[n - 1] if 1 <= n <= len(_ORDINALS) else ordinal(n)


def check_choice(value: object, name: str, choices: Sequence[str]) -> str:
    """Return ``value`` if it is one of ``choices``, else raise naming them."""
    if isinstance(value, str) and value in choices:
        return value
    valid = ", ".join(repr(c) for c in choices)
    raise TrendcalcError(f"{name} must be one of {valid} (got {brief(value)})")


def check_words(claim: object) -> str:
    """A claim in words, trimmed and lower-cased, or raise if it is not text."""
    if not isinstance(claim, str):
        raise TrendcalcError(f"claim must be the words of the story, as text (got {brief(claim)})")
    if len(claim) > MAX_LABEL_LENGTH:
        raise TrendcalcError(
            f"claim is {len(claim):,} characters long; at most {MAX_LABEL_LENGTH:,} are accepted"
        )
    return " ".join(claim.lower().replace("-", " ").split())


def bounds_of(value: CountLike | None, name: str, mode: Mode) -> Bounds | None:
    """The least and greatest whole count ``value`` stands for; None when missing."""
    if value is None:
        return None
    counts, figure = counts_range(value, name, mode)
    if not counts:
        raise TrendcalcError(
            f"{name} must stand for some whole count, but no whole count rounds to {figure.text!r}"
        )
    return Fraction(counts.start), Fraction(counts[-1])


def orient(b: Bounds | None, direction: Direction) -> Bounds | None:
    """Bounds turned so that "better" is always higher (negated for ``"lowest"``)."""
    if b is None or direction == "highest":
        return b
    return -b[1], -b[0]


def above(a: Bounds | None, b: Bounds | None) -> bool | None:
    """Whether ``a > b``: True, False, or None when the bounds leave it open."""
    if a is None or b is None:
        return None
    if a[0] > b[1]:
        return True
    if a[1] <= b[0]:
        return False
    return None


def at_least(a: Bounds | None, b: Bounds | None) -> bool | None:
    """Whether ``a >= b``: True, False, or None when the bounds leave it open."""
    if a is None or b is None:
        return None
    if a[0] >= b[1]:
        return True
    if a[1] < b[0]:
        return False
    return None


def count_above(a: Bounds | None, b: Bounds | None, *, or_equal: bool = False) -> bool | None:
    """Whether count ``a > b`` (``a >= b`` with ``or_equal``); None when open.

    None is a count not supplied: never taken as 0, but it is some count of 0 or more.
    So a count of 0 is known not to be above a missing one, and a missing count is known
    to be at least a count of 0; every other comparison with a missing count stays open.
    """
    if a is not None and b is not None:
        return at_least(a, b) if or_equal else above(a, b)
    if or_equal and a is None and b is not None and b[1] <= 0:
        return True
    if not or_equal and b is None and a is not None and a[1] <= 0:
        return False
    return None


def rate_bounds(count: Bounds, population: Bounds, per: int) -> Bounds:
    """The least and greatest ``count / population * per``."""
    return count[0] / population[1] * per, count[1] / population[0] * per


def change_bounds(
    earlier: Bounds | None, later: Bounds | None, percent: bool, name: str
) -> Bounds | None:
    """The least and greatest change (or percentage change) from ``earlier`` to ``later``;
    None when either is missing. An earlier count that may be 0 leaves no percentage
    change, whatever the later count is."""
    if percent and earlier is not None and earlier[0] == 0:
        raise UndefinedResultError(
            f"{name} has no percentage change: its earlier count may be zero"
        )
    if earlier is None or later is None:
        return None
    if not percent:
        return later[0] - earlier[1], later[1] - earlier[0]
    return 100 * later[0] / earlier[1] - 100, 100 * later[1] / earlier[0] - 100


def describe(b: Bounds | None, unit: str = "", *, signed: bool = False) -> str:
    """A value for the words of a verdict: ``3,903``, ``+12.50%``, ``6,650,000 to 6,749,999``."""
    if b is None:
        return "missing"

    def one(x: Fraction) -> str:
        text = show(x, 0)
        return ("+" + text if signed and x > 0 else text) + unit

    return one(b[0]) if b[0] == b[1] else f"{one(b[0])} to {one(b[1])}"


def uncertain(claim: str, reasons: Sequence[str]) -> UndefinedResultError:
    """The error for a claim whose verdict turns on missing or too coarsely rounded values."""
    return UndefinedResultError(f"cannot check {claim!r}: " + "; ".join(reasons))


def read_series(
    series: Mapping[Period | str, CountLike | None] | CountSeries,
) -> tuple[tuple[Period, ...], tuple[CountLike | None, ...]]:
    """The periods and counts of a series, every period from the first to the last.

    A mapping may leave periods out or give None: those counts are missing, never zero.
    """
    if isinstance(series, CountSeries):
        return series.periods, tuple(series.counts)
    if not isinstance(series, Mapping) or not series:
        raise TrendcalcError(
            "series must be a CountSeries or a non-empty mapping of period to count, e.g. "
            f"{{'2015/16': 112, '2016/17': 58}} (got {type(series).__name__} {brief(series)})"
        )
    given: dict[Period, CountLike | None] = {}
    for key, value in series.items():
        period = as_period(key, name=f"series key {key!r}")
        if period in given:
            raise TrendcalcError(f"series names the period {period.label!r} twice")
        given[period] = value
    periods = sorted(given)
    first = periods[0]
    for p in periods:
        if (p.kind, p.fy_start_month) != (first.kind, first.fy_start_month):
            raise TrendcalcError(
                f"series periods must all be of one kind: {first.label!r} is a {first.kind} "
                f"but {p.label!r} is a {p.kind}"
            )
    filled = [first]
    for p in periods[1:]:
        while filled[-1] < p:
            if len(filled) >= MAX_SERIES_LENGTH:
                raise TrendcalcError(
                    f"series spans more than {MAX_SERIES_LENGTH:,} periods "
                    f"({first.label!r} to {periods[-1].label!r})"
                )
            filled.append(filled[-1].next())
        if filled[-1] != p:
            raise TrendcalcError(
                f"series period {p.label!r} does not follow on from {first.label!r} in whole "
                "periods"
            )
    return tuple(filled), tuple(given.get(p) for p in filled)
