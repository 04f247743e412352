"""Inputs of a claim: counts that may be rounded, the published figure, and exact ratios."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from fractions import Fraction

from trendcalc._errors import TrendcalcError, UndefinedResultError
from trendcalc._figures import (
    Figure,
    QualifiedFigure,
    _after_qualifier,
    integer_bounds,
    parse_count,
    parse_figure,
    parse_qualified_count,
)
from trendcalc._limits import MAX_LABEL_LENGTH, brief, check_length
from trendcalc._rounding import Interval, format_exact, percent_to_ratio, scaled
from trendcalc._validate import Mode
from trendcalc._words import Qualifier, qualified_interval, split_qualifier

__all__ = [
    "CountLike",
    "change_accepts",
    "counts_range",
    "describe_input",
    "fall_with_qualifier",
    "hull",
    "implied_counts",
    "is_decimal",
    "overlaps",
    "percent_text",
    "percent_to_ratio",
    "qualified_count",
    "ratio_hits",
    "read_change_figure",
    "reported_figure",
    "said_change",
    "scaled",
]

CountLike = int | str | Figure | QualifiedFigure


def ratio_hits(num: range, den: range, target: Interval) -> bool:
    """Whether some whole ``a`` in ``num`` and ``b > 0`` in ``den`` have ``a / b`` in ``target``.

    Worked out arithmetically, in time independent of the lengths of the ranges: for each
    ``b``, the ``a`` that fit form one run of whole numbers, so a pair exists when some
    ``b`` leaves that run non-empty. The ends of the run within ``num`` bound ``b`` to a
    range; within it, the number of whole ``a`` with ``a / b`` in ``target`` summed over
    ``b`` is a sum of floors, taken in O(log) steps by :func:`_floor_sum`.
    """
    den = range(max(den.start, 1), den.stop)
    if not num or not den:
        return False
    lower, upper = target.lower, target.upper
    if (
        lower is not None
        and upper is not None
        and (
            lower > upper or (lower == upper and not (target.lower_closed and target.upper_closed))
        )
    ):
        return False
    a_min, a_max = num.start, num[-1]
    b_min, b_max = den.start, den[-1]
    # a_min <= a for some a <= upper * b, and lower * b <= a for some a <= a_max
    if upper is not None:
        b_min, b_max = _solve(upper, a_min, target.upper_closed, b_min, b_max, at_least=True)
    if lower is not None:
        b_min, b_max = _solve(lower, a_max, target.lower_closed, b_min, b_max, at_least=False)
    if b_min > b_max:
        return False
    if lower is None or upper is None:
        return True  # a half-line always holds whole numbers
    n = b_max - b_min + 1
    # per b: the largest whole a at or under upper * b, and the smallest at or over lower * b
    highs = (
        _floor_sum_of(upper, b_min, n)
        if target.upper_closed
        else (-_floor_sum_of(-upper, b_min, n) - n)
    )
    lows = (
        -_floor_sum_of(-lower, b_min, n)
        if target.lower_closed
        else (_floor_sum_of(lower, b_min, n) + n)
    )
    return highs - lows + n > 0  # each term (high - low + 1) is at least 0


def _solve(
    slope: Fraction, a: int, closed: bool, b_min: int, b_max: int, *, at_least: bool
) -> tuple[int, int]:
    """Narrow ``b_min..b_max`` to the ``b`` with ``slope * b >= a`` (``at_least``) or
    ``slope * b <= a`` (otherwise); strictly when not ``closed``."""
    if slope == 0:
        # slope * b is 0 for every b
        holds = (a <= 0 if at_least else a >= 0) if closed else (a < 0 if at_least else a > 0)
        return (b_min, b_max) if holds else (1, 0)
    edge = Fraction(a) / slope  # slope * b compared with a is b compared with edge
    rising = (slope > 0) == at_least  # then b >= edge, else b <= edge
    if rising:
        first = math.ceil(edge) if closed else math.floor(edge) + 1
        return max(b_min, first), b_max
    last = math.floor(edge) if closed else math.ceil(edge) - 1
    return b_min, min(b_max, last)


def _floor_sum_of(slope: Fraction, start: int, n: int) -> int:
    """``sum(floor(slope * b) for b in range(start, start + n))``."""
    p, q = slope.numerator, slope.denominator
    return _floor_sum(n, q, p, p * start)


def _floor_sum(n: int, m: int, a: int, b: int) -> int:
    """``sum((a * i + b) // m for i in range(n))`` for ``m > 0``, in O(log) steps."""
    total = 0
    while True:
        # make 0 <= a < m and 0 <= b < m, taking out the whole parts
        qa, a = divmod(a, m)
        qb, b = divmod(b, m)
        total += qa * n * (n - 1) // 2 + qb * n
        y_max = a * n + b
        if y_max < m:
            return total
        # count lattice points under the line by swapping the axes
        n, b, m, a = y_max // m, y_max % m, a, m


def overlaps(a: Interval, b: Interval) -> bool:
    """Whether two intervals share a point."""

    def below(x: Interval, y: Interval) -> bool:  # all of x lies before all of y
        if x.upper is None or y.lower is None:
            return False
        return x.upper < y.lower or (x.upper == y.lower and not (x.upper_closed and y.lower_closed))

    return not below(a, b) and not below(b, a)


def hull(lower: Fraction, upper: Fraction) -> Fraction | Interval:
    return lower if lower == upper else Interval(lower, upper)


def qualified_count(value: object) -> QualifiedFigure | None:
    """``value`` as a count with a qualifier ("almost five million"), or None if it has none.

    A :class:`~trendcalc.QualifiedFigure`, text with a qualifier in front, or a
    :class:`~trendcalc.Figure` whose text has one (as a story file reads such a count).
    """
    if isinstance(value, QualifiedFigure):
        return value
    text = value.text if isinstance(value, Figure) else value
    if not isinstance(text, str) or _after_qualifier(text) == text.strip():
        return None
    try:
        read = parse_qualified_count(text)
    except TrendcalcError:
        return None
    return None if read.qualifier == "exact" else read


def counts_range(value: object, name: str, mode: Mode) -> tuple[range, Figure]:
    """The whole counts an input may be, and the figure it was read from.

    A count with a qualifier ("almost five million", "more than 1.1 million") stands for
    the whole counts its qualifier allows (see :class:`~trendcalc.QualifiedFigure`).
    """
    qualified = qualified_count(value)
    if qualified is not None:
        try:
            counts = qualified.counts(mode)
        except TrendcalcError as e:
            raise TrendcalcError(f"{name}: {e}") from None
        if not counts:
            raise TrendcalcError(
                f"{name}: {qualified.text!r} allows no whole count (a count is never below 0)"
            )
        f = qualified.figure
        return counts, Figure(qualified.text, f.value, f.places, True)
    try:
        figure = parse_count(value)
    except TrendcalcError as e:
        message = str(e).replace("count must", f"{name} must", 1)
        raise TrendcalcError(message.replace("figure must", f"{name} must", 1)) from None
    counts = figure.counts(mode)
    if not counts:
        raise TrendcalcError(
            f"{name} must be a whole count, but {figure.text} (to {figure.places} decimal "
            f"place{'s' if figure.places != 1 else ''}) is {format_exact(figure.value)}, which no "
            "whole count rounds to; give the count in full, or for rates with decimals use "
            "check_rate_change"
        )
    return counts, figure


def is_decimal(value: object) -> bool:
    """Whether ``value`` is a rounded figure with decimals that no whole count matches."""
    try:
        figure = parse_count(value)
    except TrendcalcError:
        return False
    return figure.rounded and figure.value.denominator != 1


def check_noun(noun: object) -> str:
    """A claim's noun (``"offences"``, ``"forces"``): text of at most
    :data:`~trendcalc._limits.MAX_LABEL_LENGTH` characters."""
    if not isinstance(noun, str):
        raise TrendcalcError(
            f"noun must be text such as 'offences' (got {type(noun).__name__} {brief(noun)})"
        )
    return check_length(noun, name="noun", limit=MAX_LABEL_LENGTH)


def describe_input(figure: Figure, counts: range) -> str:
    if not figure.rounded and figure.value.denominator == 1 and figure.value == counts.start:
        return f"{int(figure.value):,}"
    return f"{figure.text} ({counts.start:,} to {counts[-1]:,})"


def reported_figure(reported: object, name: str = "reported") -> Figure:
    """A published figure, or an error naming ``name``; a qualifier written in front of
    the number ("more than 10%") is pointed at the ``qualifier`` argument."""
    try:
        return parse_figure(reported)
    except TrendcalcError as e:
        message = str(e).replace("figure must", f"{name} must", 1)
        if isinstance(reported, str) and "parse_qualified_count" in message:
            qualifier, rest = split_qualifier(" ".join(reported.lower().split()))
            if qualifier != "exact" and rest:
                message = message.split("; for a count with a qualifier in front")[0]
                message += f"; pass qualifier={qualifier!r} and {name}={rest!r}"
        raise TrendcalcError(message) from None


_UP = r"up|rose|risen|rise|increased|increase|grew|climbed|jumped|higher"
_DOWN = r"down|fell|fallen|fall|dropped|drop|decreased|decrease|declined|lower|cut"
_CHANGE_WORDS = re.compile(  # "up to 10%" is a qualifier, "fell to 10%" a level: neither
    rf"(?:an?\s+)?(?P<verb>{_UP}|{_DOWN})(?!\s+to\b)(?:\s+(?:by|of))?\s+(?P<figure>.+)",
    re.IGNORECASE,
)


def _change_words(text: str) -> tuple[int, re.Match[str]] | None:
    """For a change in words (``"down 10%"``), its sign and the match (the figure after
    the verb is ``m["figure"]``); None for anything else."""
    m = _CHANGE_WORDS.fullmatch(text.strip())
    if m is None:
        return None
    return (-1 if re.fullmatch(_DOWN, m["verb"], re.IGNORECASE) else 1), m


def read_change_figure(reported: object, name: str = "reported") -> Figure:
    """A published percentage change as people write it: ``"5.2%"``, ``"-3%"``,
    ``"up 5.2%"``, ``"fell by 3 per cent"``, ``"a fall of 3%"``.

    A verb of falling makes the figure negative; the text stays as published.
    """
    if not isinstance(reported, str) or (words := _change_words(reported)) is None:
        return reported_figure(reported, name)
    sign, m = words
    inner = m["figure"]
    qualifier, rest = split_qualifier(" ".join(inner.lower().split()))
    if qualifier != "exact" and rest:  # "fell by nearly 10%": the qualifier goes apart
        said = reported.strip()[: m.start("figure")] + rest
        raise TrendcalcError(
            f"{name} {reported.strip()!r} has a qualifier inside; pass "
            f"qualifier={qualifier!r} and {name}={said!r}"
        )
    figure = reported_figure(inner, name)
    if figure.value < 0:
        raise TrendcalcError(
            f"{name} {reported!r} has both a verb and a sign; give one of them, e.g. 'down 3%'"
        )
    return Figure(reported.strip(), sign * figure.value, figure.places, figure.rounded)


def percent_text(reported: object) -> str:
    """A published change as a signed percentage for the words of a verdict: ``"-3%"``
    for ``"down 3%"`` or ``"-3"``; ``"-3 per cent"`` stays as written."""
    text = str(reported).strip()
    if (words := _change_words(text)) is not None:
        sign, m = words
        text = ("-" if sign < 0 else "+") + m["figure"].strip().lstrip("+")
    return text if parse_figure(text).percent else f"{text}%"


def _is_fall_in_words(text: str) -> bool:
    words = _change_words(text)
    return words is not None and words[0] < 0


def said_change(text: str, qualifier: str) -> str:
    """A published change with its qualifier, as a verdict says it: ``"44%"``, ``"more
    than 44%"``; a fall in words keeps the qualifier on its size: ``"a fall of more than
    10%"`` for ``"down 10%"`` with ``"more than"``."""
    signed = percent_text(text)
    if qualifier == "exact":
        return signed
    if _is_fall_in_words(text):
        return f"a fall of {qualifier} {signed.removeprefix('-')}"
    return f"{qualifier} {signed}"


def change_accepts(figure: Figure, qualifier: Qualifier) -> Callable[[Mode], Interval]:
    """The percentage changes a published change allows, under each rounding mode.

    The qualifier bounds the figure as written; for a fall in words it bounds the size
    of the fall, as reporters mean it: "down more than 10%" is a change below -10%,
    "down almost 10%" one a little above it.
    """

    def accepted_for(mode: Mode) -> Interval:
        if not fall_with_qualifier(figure, qualifier):
            return qualified_interval(figure.value, figure.places, qualifier, mode)
        size = qualified_interval(-figure.value, figure.places, qualifier, mode)
        return Interval(
            None if size.upper is None else -size.upper,
            None if size.lower is None else -size.lower,
            size.upper_closed,
            size.lower_closed,
        )

    return accepted_for


def fall_with_qualifier(figure: Figure, qualifier: str) -> bool:
    """Whether ``figure`` is a fall in words with a qualifier on its size."""
    return qualifier != "exact" and _is_fall_in_words(figure.text)


def implied_counts(per_unit: Interval, units: Fraction, text: str, qualifier: str) -> range:
    """Whole counts ``c >= 0`` with ``c / units`` in ``per_unit``."""
    if per_unit.upper is None:
        raise UndefinedResultError(
            f"every large enough count fits '{qualifier} {text}': the answer has no end"
        )
    bounds = scaled(per_unit, units)
    if bounds.lower is None:
        bounds = Interval(0, bounds.upper, True, bounds.upper_closed)
    assert bounds.upper is not None
    if bounds.upper < 0:
        return range(0, 0)
    lo, hi = integer_bounds(bounds)
    lo = max(lo, 0)
    return range(lo, max(hi + 1, lo))
