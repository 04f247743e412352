"""Checking published claims: totals, changes, rates, ratios in words, and how often."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Literal, get_args

import attrs

from trendcalc._errors import TrendcalcError, UndefinedResultError
from trendcalc._figures import Figure, integer_bounds, parse_count, parse_figure
from trendcalc._periods import Period, as_period
from trendcalc._rates import Rate, format_gap
from trendcalc._rounding import Interval, round_fraction, rounding_interval
from trendcalc._validate import MODES, Mode, check_int, check_mode

__all__ = [
    "QUALIFIERS",
    "Qualifier",
    "Verdict",
    "check_change",
    "check_daily_rate",
    "check_frequency",
    "check_population_rate",
    "check_ratio",
    "check_total",
    "implied_before",
    "implied_count",
]

Qualifier = Literal[
    "exact",
    "about",
    "around",
    "more than",
    "at least",
    "fewer than",
    "less than",
    "almost",
    "nearly",
    "up to",
]
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)

CountLike = int | str | Figure

_MODE_WORDS = {
    "half_up": "rounded half up",
    "half_even": "rounded half to even",
    "half_down": "rounded half down",
    "up": "rounded away from zero",
    "down": "truncated",
    "ceiling": "rounded up",
    "floor": "rounded down",
}


def check_qualifier(qualifier: object) -> Qualifier:
    """Return ``qualifier`` if it is one trendcalc knows, else raise listing them."""
    if isinstance(qualifier, str):
        q = " ".join(qualifier.lower().split())
        if q in QUALIFIERS:
            return q  # type: ignore[return-value]
    valid = ", ".join(repr(q) for q in QUALIFIERS)
    raise TrendcalcError(f"qualifier must be one of {valid} (got {qualifier!r})")


def qualified_interval(value: Fraction, places: int, qualifier: Qualifier, mode: Mode) -> Interval:
    """The true values a figure allows, given the word in front of it.

    ``value`` is the published figure and ``places`` its precision; one unit is
    ``10**-places``.

    ============================  =========================================================
    qualifier                     true values accepted
    ============================  =========================================================
    exact                         those that round to the figure by ``mode``
    about, around                 within one unit of the figure, ends included
    more than                     above the figure
    at least                      the figure or above
    fewer than, less than         below the figure
    up to                         the figure or below
    almost, nearly                below the figure by less than one unit, or equal to it
                                  less one unit: "almost 15" is 14 up to (not including) 15
    ============================  =========================================================
    """
    unit = Fraction(10) ** -places
    if qualifier == "exact":
        if (value / unit).denominator == 1:
            return rounding_interval(value, places, mode)
        # a figure off the grid (a third is 33.33...%): within half a unit either way
        return Interval(value - unit / 2, value + unit / 2)
    if qualifier in ("about", "around"):
        return Interval(value - unit, value + unit)
    if qualifier == "more than":
        return Interval(value, None, lower_closed=False)
    if qualifier == "at least":
        return Interval(value, None)
    if qualifier in ("fewer than", "less than"):
        return Interval(None, value, upper_closed=False)
    if qualifier == "up to":
        return Interval(None, value)
    return Interval(value - unit, value, lower_closed=True, upper_closed=False)  # almost


def _scaled(interval: Interval, factor: Fraction, shift: Fraction = Fraction(0)) -> Interval:
    """``interval * factor + shift`` for a positive factor."""

    def move(x: Fraction | None) -> Fraction | None:
        return None if x is None else x * factor + shift

    return Interval(
        move(interval.lower), move(interval.upper), interval.lower_closed, interval.upper_closed
    )


def _ratio_hits(num: range, den: range, target: Interval) -> bool:
    """Whether some whole ``a`` in ``num`` and ``b > 0`` in ``den`` have ``a / b`` in ``target``."""
    den = range(max(den.start, 1), den.stop)
    if not num or not den:
        return False
    a_min, a_max = num.start, num[-1]
    # quick rejection on the hull of the ratios
    if not _overlaps(Interval(Fraction(a_min, den[-1]), Fraction(a_max, den.start)), target):
        return False
    for b in den:
        lo, hi = a_min, a_max
        if target.lower is not None:
            bound = target.lower * b
            lo = max(lo, -((-bound.numerator) // bound.denominator))
            if not target.lower_closed and lo == bound:
                lo += 1
        if target.upper is not None:
            bound = target.upper * b
            hi = min(hi, bound.numerator // bound.denominator)
            if not target.upper_closed and hi == bound:
                hi -= 1
        if lo <= hi:
            return True
    return False


def _overlaps(a: Interval, b: Interval) -> bool:
    """Whether two intervals share a point."""

    def below(x: Interval, y: Interval) -> bool:  # all of x lies before all of y
        if x.upper is None or y.lower is None:
            return False
        return x.upper < y.lower or (x.upper == y.lower and not (x.upper_closed and y.lower_closed))

    return not below(a, b) and not below(b, a)


def _hull(lower: Fraction, upper: Fraction) -> Fraction | Interval:
    return lower if lower == upper else Interval(lower, upper)


def _show(x: Fraction, places: int) -> str:
    """A computed value shown with two more decimals than the figure it is checked against."""
    if x.denominator == 1:
        return f"{int(x):,}"
    return f"{round_fraction(x, max(places, 0) + 2, 'half_up'):,}"


def _rounded(
    computed: Fraction | Interval | None, places: int, mode: Mode
) -> Decimal | tuple[Decimal, Decimal] | None:
    if computed is None:
        return None
    if isinstance(computed, Interval):
        assert computed.lower is not None
        assert computed.upper is not None
        return (
            round_fraction(computed.lower, places, mode),
            round_fraction(computed.upper, places, mode),
        )
    return round_fraction(computed, places, mode)


def _modes_phrase(modes: Sequence[str]) -> str:
    words = [_MODE_WORDS[m] for m in modes]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


@attrs.frozen
class Verdict:
    """Whether a published figure fits the figures it was computed from.

    Parameters
    ----------
    claim : str
        The kind of claim: ``"total"``, ``"change"``, ``"daily_rate"``,
        ``"population_rate"``, ``"ratio"`` or ``"frequency"``.
    reported : str
        The published figure, as given.
    qualifier : str
        The word in front of it (``"exact"`` when there is none).
    mode : str
        The rounding mode the verdict was asked for.
    consistent : bool
        Whether the figure fits under ``mode`` (and the qualifier).
    holds_under : tuple of str
        Every rounding mode under which it fits, so "holds only if truncated" can be said.
    computed : int, Fraction, Interval or None
        The exact value computed from the inputs; an Interval of the values they allow when
        an input is itself rounded; None when there is no value (a change from zero).
    computed_rounded : Decimal, tuple of Decimal, or None
        ``computed`` rounded to the published precision by ``mode`` (both ends for an
        Interval).
    accepted : Interval
        The true values the published figure allows.
    explanation : str
        One plain-English sentence saying what was found.
    implied : range or None
        Where relevant, the whole counts the published figure allows for the unknown or
        doubtful input (the earlier count of a change, the count behind a rate).
    unit : str
        How the figure is read: ``"%"``, ``" a day"``, ``" per 1,000"``, ``"x"``, ...

    Examples
    --------
    >>> import trendcalc as tc
    >>> v = tc.check_change(3903, 5653, "44%")
    >>> v.consistent, v.holds_under
    (False, ('down', 'floor'))
    >>> v.explanation
    'From 3,903 to 5,653 is a change of 44.84%, which rounds to 45%, not the published 44%; 44% holds only if the figure was truncated or rounded down; 44% to 5,653 needs an earlier count of 3,913 to 3,939.'
    """

    claim: str
    reported: str
    qualifier: str
    mode: str
    consistent: bool
    holds_under: tuple[str, ...]
    computed: int | Fraction | Interval | None
    computed_rounded: Decimal | tuple[Decimal, Decimal] | None
    accepted: Interval
    explanation: str
    implied: range | None = None
    unit: str = ""


def _verdict(
    *,
    claim: str,
    reported: Figure,
    shown: str,
    qualifier: Qualifier,
    mode: Mode,
    holds: Callable[[Mode], bool],
    accepted: Interval,
    computed: int | Fraction | Interval | None,
    lead: str,
    unit: str,
    implied: range | None = None,
    tail: str = "",
    places: int | None = None,
) -> Verdict:
    """Assemble a verdict: test every mode, then word the explanation.

    ``shown`` is the published claim as a reader would quote it (``"44%"``,
    ``"15 a day"``); ``places`` the precision ``computed`` is rounded to (by default the
    figure's own).
    """
    holds_under = tuple(m for m in MODES if holds(m))  # type: ignore[arg-type]
    consistent = mode in holds_under
    exact_value = Fraction(computed) if isinstance(computed, int) else computed
    rounded = _rounded(exact_value, reported.places if places is None else places, mode)
    if computed is None:
        sentence = lead
    elif qualifier != "exact" or rounded is None:
        said = shown if qualifier == "exact" else f"{qualifier} {shown}"
        sentence = f"{lead}, which {'fits' if consistent else 'does not fit'} '{said}'"
    elif isinstance(rounded, tuple):
        low, high = (f"{r:,}{unit}" for r in rounded)
        if consistent:
            sentence = f"{lead}, which allows the published {shown}"
        else:
            sentence = f"{lead}, which rounds to {low} to {high}, not the published {shown}"
    elif exact_value is not None and Fraction(rounded) == exact_value:
        sentence = f"{lead}, {'as published' if consistent else f'not the published {shown}'}"
    else:
        rounded_text = f"{rounded:,}{unit}"
        if consistent:
            sentence = f"{lead}, which rounds to {rounded_text}, as published"
        else:
            sentence = f"{lead}, which rounds to {rounded_text}, not the published {shown}"
    if not consistent and holds_under and qualifier == "exact" and computed is not None:
        sentence += f"; {shown} holds only if the figure was {_modes_phrase(holds_under)}"
    if not consistent:
        sentence += tail
    return Verdict(
        claim=claim,
        reported=reported.text,
        qualifier=qualifier,
        mode=mode,
        consistent=consistent,
        holds_under=holds_under,
        computed=computed,
        computed_rounded=rounded,
        accepted=accepted,
        explanation=sentence + ".",
        implied=implied,
        unit=unit,
    )


def _counts_range(value: object, name: str, mode: Mode) -> tuple[range, Figure]:
    """The whole counts an input may be, and the figure it was read from."""
    try:
        figure = parse_count(value)
    except TrendcalcError as e:
        message = str(e).replace("count must", f"{name} must", 1)
        raise TrendcalcError(message.replace("figure must", f"{name} must", 1)) from None
    return figure.counts(mode), figure


def _describe_input(figure: Figure, counts: range) -> str:
    if not figure.rounded:
        return f"{int(figure.value):,}"
    return f"{figure.text} ({counts.start:,} to {counts[-1]:,})"


def _reported(reported: object, name: str = "reported") -> Figure:
    try:
        return parse_figure(reported)
    except TrendcalcError as e:
        raise TrendcalcError(str(e).replace("figure must", f"{name} must", 1)) from None


def _computed_text(computed: Fraction | Interval, places: int, unit: str) -> str:
    if isinstance(computed, Interval):
        assert computed.lower is not None
        assert computed.upper is not None
        return (
            f"between {_show(computed.lower, places)}{unit} and "
            f"{_show(computed.upper, places)}{unit}"
        )
    return f"{_show(computed, places)}{unit}"


def _range_text(r: range, noun: str) -> str:
    if not r:
        return f"no whole number of {noun}"
    if len(r) == 1:
        return f"{r.start:,} {noun}"
    return f"{r.start:,} to {r[-1]:,} {noun}"


# ----------------------------------------------------------------------------- totals


def check_total(
    parts: Sequence[CountLike],
    reported: str | int,
    *,
    qualifier: Qualifier = "exact",
    mode: Mode = "half_up",
) -> Verdict:
    """Check a published total against the counts it adds up.

    Parameters
    ----------
    parts : sequence of int, str or Figure
        The counts. Text is read by :func:`parse_count`: ``"3,903"`` is exact, while a
        scaled count such as ``"6.7 million"`` stands for every count that rounds to it.
    reported : str or int
        The published total, as printed.
    qualifier : str, default "exact"
        The word in front of the figure: ``"exact"``, ``"about"``, ``"around"``,
        ``"more than"``, ``"at least"``, ``"fewer than"``, ``"less than"``,
        ``"almost"``, ``"nearly"`` or ``"up to"`` (see the qualifiers page of the docs).
    mode : str, default "half_up"
        How the published figures were rounded.

    Returns
    -------
    Verdict

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.check_total([58, 112], "170").explanation
    '58 + 112 = 170, as published.'
    >>> tc.check_total([58, 112], "180").consistent
    False
    >>> tc.check_total(["6.7 million", "2.5m"], "9.2 million").consistent
    True
    """
    mode = check_mode(mode)
    qualifier = check_qualifier(qualifier)
    if isinstance(parts, str) or not isinstance(parts, Sequence) or not parts:
        raise TrendcalcError(
            f"parts must be a non-empty sequence of counts (got {type(parts).__name__} {parts!r})"
        )
    figure = _reported(reported)

    def total_range(m: Mode) -> tuple[range, list[tuple[range, Figure]]]:
        inputs = [_counts_range(p, f"parts[{i}]", m) for i, p in enumerate(parts)]
        return range(sum(r.start for r, _ in inputs), sum(r[-1] for r, _ in inputs) + 1), inputs

    def accepted_for(m: Mode) -> Interval:
        return qualified_interval(figure.value, figure.places, qualifier, m)

    def holds(m: Mode) -> bool:
        return _ratio_hits(total_range(m)[0], range(1, 2), accepted_for(m))

    total, inputs = total_range(mode)
    terms = " + ".join(_describe_input(f, r) for r, f in inputs)
    if len(total) == 1:
        computed: int | Interval = total.start
        lead = f"{terms} = {total.start:,}"
    else:
        computed = Interval(total.start, total[-1])
        lead = f"{terms} is between {total.start:,} and {total[-1]:,}"
    return _verdict(
        claim="total",
        reported=figure,
        shown=figure.text,
        qualifier=qualifier,
        mode=mode,
        holds=holds,
        accepted=accepted_for(mode),
        computed=computed,
        lead=lead,
        unit="",
    )


# ----------------------------------------------------------------------------- changes


def _percent_to_ratio(interval: Interval) -> Interval:
    """Percentage changes to ratios ``after / before``: ``1 + p / 100``."""
    return _scaled(interval, Fraction(1, 100), Fraction(1))


def check_change(
    before: CountLike,
    after: CountLike,
    reported: str | int,
    *,
    mode: Mode = "half_up",
    qualifier: Qualifier = "exact",
) -> Verdict:
    """Check a published percentage change against the two counts.

    Parameters
    ----------
    before, after : int, str or Figure
        The earlier and later counts (text read by :func:`parse_count`, so
        ``"391,000"`` with ``parse_count(..., places=-3)`` or ``"6.7 million"`` stand for
        every count that rounds to them, and the verdict says so).
    reported : str or int
        The published percentage: ``"44"``, ``"44%"``, ``"+44%"``, ``"-48"``. A fall is
        negative. Its precision is read from the text.
    mode : str, default "half_up"
        How the published figures were rounded.
    qualifier : str, default "exact"
        The word in front of the figure (see :func:`check_total`).

    Returns
    -------
    Verdict
        ``implied`` holds the earlier counts that would make the figure fit, when the
        later count is exact.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.check_change(112, 58, "-48").consistent
    True
    >>> v = tc.check_change(3903, 5653, "44%")
    >>> v.consistent, v.holds_under, v.computed_rounded
    (False, ('down', 'floor'), Decimal('45'))
    >>> tc.check_change(0, 12, "100%").explanation
    'From 0 to 12 has no percentage change: the earlier count is zero, so no percentage can be published.'
    """
    mode = check_mode(mode)
    qualifier = check_qualifier(qualifier)
    figure = _reported(reported)
    shown = figure.text if figure.text.endswith("%") else f"{figure.text}%"

    def accepted_for(m: Mode) -> Interval:
        return qualified_interval(figure.value, figure.places, qualifier, m)

    def ranges(m: Mode) -> tuple[range, range]:
        return (
            _counts_range(before, "before", m)[0],
            _counts_range(after, "after", m)[0],
        )

    def holds(m: Mode) -> bool:
        b, a = ranges(m)
        return _ratio_hits(a, b, _percent_to_ratio(accepted_for(m)))

    b_range, b_fig = _counts_range(before, "before", mode)
    a_range, a_fig = _counts_range(after, "after", mode)
    lead = f"From {_describe_input(b_fig, b_range)} to {_describe_input(a_fig, a_range)}"
    positive = range(max(b_range.start, 1), b_range.stop)
    if not positive:
        return _verdict(
            claim="change",
            reported=figure,
            shown=shown,
            qualifier=qualifier,
            mode=mode,
            holds=lambda m: False,
            accepted=accepted_for(mode),
            computed=None,
            lead=f"{lead} has no percentage change: the earlier count is zero, so no "
            "percentage can be published",
            unit="%",
        )
    low = Fraction(100 * a_range.start, positive[-1]) - 100
    high = Fraction(100 * a_range[-1], positive.start) - 100
    computed = _hull(low, high)
    implied = None
    tail = ""
    if len(a_range) == 1 and qualifier in ("exact", "about", "around", "almost", "nearly"):
        try:
            implied = implied_before(a_range.start, figure.text, mode=mode, qualifier=qualifier)
        except UndefinedResultError:
            implied = None
        if implied is not None:
            tail = f"; {shown} to {a_range.start:,} needs an earlier count of " + _range_text(
                implied, "offences"
            ).replace(" offences", "")
    return _verdict(
        claim="change",
        reported=figure,
        shown=shown,
        qualifier=qualifier,
        mode=mode,
        holds=holds,
        accepted=accepted_for(mode),
        computed=computed,
        lead=f"{lead} is a change of {_computed_text(computed, figure.places, '%')}",
        unit="%",
        implied=implied,
        tail=tail,
    )


def implied_before(
    after: int,
    reported_pct: str | int,
    *,
    mode: Mode = "half_up",
    qualifier: Qualifier = "exact",
) -> range:
    """The earlier counts that, changing to ``after``, give the published percentage.

    Solves for the number a story leaves out: "up 44% to 3,903" allows an earlier count
    of 2,702 to 2,719 only.

    Parameters
    ----------
    after : int
        The later count.
    reported_pct : str or int
        The published percentage change, such as ``"44"`` or ``"-48%"``.
    mode : str, default "half_up"
        How the percentage was rounded.
    qualifier : str, default "exact"
        The word in front of it; one that leaves no upper limit on the earlier count
        (such as "fewer than" for a fall) is refused.

    Returns
    -------
    range
        Every whole earlier count (at least 1) that fits; empty when none does.

    Raises
    ------
    UndefinedResultError
        If every earlier count above some value fits (a change to zero of "-100%"), so the
        answer has no end.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.implied_before(3903, "44")
    range(2702, 2720)
    >>> tc.implied_before(58, "-48%")
    range(111, 113)
    """
    mode = check_mode(mode)
    qualifier = check_qualifier(qualifier)
    after = check_int(after, name="after", minimum=0)
    figure = _reported(reported_pct, "reported_pct")
    ratio = _percent_to_ratio(qualified_interval(figure.value, figure.places, qualifier, mode))
    # after / b in ratio  <=>  b in after / ratio (ends swap)
    if after == 0:
        if ratio.contains(0):
            raise UndefinedResultError(
                f"every earlier count fits a change to 0 of {figure.text}: the answer has no end"
            )
        return range(1, 1)
    if ratio.upper is not None and ratio.upper <= 0:
        return range(1, 1)
    if ratio.lower is None or ratio.lower <= 0:
        raise UndefinedResultError(
            f"every large enough earlier count fits a change to {after:,} of "
            f"{'' if qualifier == 'exact' else qualifier + ' '}{figure.text}: the answer has no end"
        )
    low = Fraction(after) / ratio.upper if ratio.upper is not None else Fraction(0)
    bounds = Interval(
        low,
        Fraction(after) / ratio.lower,
        lower_closed=ratio.upper_closed and ratio.upper is not None,
        upper_closed=ratio.lower_closed,
    )
    lo, hi = integer_bounds(bounds)
    lo = max(lo, 1)
    return range(lo, max(hi + 1, lo))


# ----------------------------------------------------------------------------- rates


def implied_count(
    reported_daily_rate: str | int,
    period: Period | str,
    *,
    mode: Mode = "half_up",
    qualifier: Qualifier = "exact",
) -> range:
    """The whole counts over ``period`` whose daily rate gives the published figure.

    Parameters
    ----------
    reported_daily_rate : str or int
        The published rate per day, such as ``"15"`` or ``"10.7"``.
    period : Period or str
        The period the rate is over.
    mode, qualifier : str
        As in :func:`check_daily_rate`. A qualifier that leaves no upper limit (such as
        "more than") is refused.

    Returns
    -------
    range
        Every count that fits; empty when none does.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.implied_count("15", "2016/17")
    range(5293, 5658)
    >>> tc.implied_count("10.7", "2016/17")
    range(3888, 3924)
    """
    mode = check_mode(mode)
    qualifier = check_qualifier(qualifier)
    p = as_period(period, name="period")
    figure = _reported(reported_daily_rate, "reported_daily_rate")
    accepted = qualified_interval(figure.value, figure.places, qualifier, mode)
    return _implied_counts(accepted, Fraction(p.days), figure.text, qualifier)


def _implied_counts(per_unit: Interval, units: Fraction, text: str, qualifier: str) -> range:
    """Whole counts ``c >= 0`` with ``c / units`` in ``per_unit``."""
    if per_unit.upper is None:
        raise UndefinedResultError(
            f"every large enough count fits '{qualifier} {text}': the answer has no end"
        )
    scaled = _scaled(per_unit, units)
    if scaled.lower is None:
        scaled = Interval(0, scaled.upper, True, scaled.upper_closed)
    assert scaled.upper is not None
    if scaled.upper < 0:
        return range(0, 0)
    lo, hi = integer_bounds(scaled)
    lo = max(lo, 0)
    return range(lo, max(hi + 1, lo))


def check_daily_rate(
    count: CountLike,
    period: Period | str,
    reported: str | int,
    *,
    mode: Mode = "half_up",
    qualifier: Qualifier = "exact",
) -> Verdict:
    """Check a published "so many a day" against the count and the days in its period.

    Parameters
    ----------
    count : int, str or Figure
        The count over the period (text read by :func:`parse_count`).
    period : Period or str
        The period, or its label; its exact number of days is used (366 in a leap year).
    reported : str or int
        The published rate per day, such as ``"15"``.
    mode, qualifier : str
        As in :func:`check_total`.

    Returns
    -------
    Verdict
        ``implied`` holds the counts over the period that the published rate allows.

    Examples
    --------
    >>> import trendcalc as tc
    >>> v = tc.check_daily_rate(3903, "2016/17", "15")
    >>> v.consistent, v.implied
    (False, range(5293, 5658))
    >>> v.explanation
    '3,903 in 2016/17 (365 days) is 10.69 a day, which rounds to 11 a day, not the published 15 a day; 15 a day over 2016/17 needs 5,293 to 5,657 offences.'
    """
    mode = check_mode(mode)
    qualifier = check_qualifier(qualifier)
    p = as_period(period, name="period")
    figure = _reported(reported)
    days = range(p.days, p.days + 1)

    def accepted_for(m: Mode) -> Interval:
        return qualified_interval(figure.value, figure.places, qualifier, m)

    def holds(m: Mode) -> bool:
        return _ratio_hits(_counts_range(count, "count", m)[0], days, accepted_for(m))

    counts, fig = _counts_range(count, "count", mode)
    computed = _hull(Fraction(counts.start, p.days), Fraction(counts[-1], p.days))
    lead = (
        f"{_describe_input(fig, counts)} in {p.label} ({p.days:,} days) is "
        f"{_computed_text(computed, figure.places, ' a day')}"
    )
    implied = None
    tail = ""
    if accepted_for(mode).upper is not None:
        implied = _implied_counts(accepted_for(mode), Fraction(p.days), figure.text, qualifier)
        said = figure.text if qualifier == "exact" else f"{qualifier} {figure.text}"
        tail = f"; {said} a day over {p.label} needs {_range_text(implied, 'offences')}"
    return _verdict(
        claim="daily_rate",
        reported=figure,
        shown=f"{figure.text} a day",
        qualifier=qualifier,
        mode=mode,
        holds=holds,
        accepted=accepted_for(mode),
        computed=computed,
        lead=lead,
        unit=" a day",
        implied=implied,
        tail=tail,
    )


def check_population_rate(
    count: CountLike,
    population: CountLike,
    reported: str | int,
    *,
    per: int = 1000,
    mode: Mode = "half_up",
    qualifier: Qualifier = "exact",
) -> Verdict:
    """Check a published rate per ``per`` people against the count and the population.

    Parameters
    ----------
    count : int, str or Figure
        The count (text read by :func:`parse_count`).
    population : int, str or Figure
        The population; a rounded one such as ``"6.7 million"`` stands for every
        population that rounds to it.
    reported : str or int
        The published rate, such as ``"0.8"``.
    per : int, default 1000
        The base of the rate.
    mode, qualifier : str
        As in :func:`check_total`.

    Returns
    -------
    Verdict
        ``implied`` holds the counts the published rate allows when the population is
        exact.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.check_population_rate(58, 751_200, "0.08").consistent
    True
    >>> tc.check_population_rate(3903, "56.3 million", "6.9", per=100_000).explanation
    '3,903 among 56.3 million (56,250,000 to 56,349,999) people is between 6.926 per 100,000 and 6.939 per 100,000, which allows the published 6.9 per 100,000.'
    """
    mode = check_mode(mode)
    qualifier = check_qualifier(qualifier)
    per = check_int(per, name="per", minimum=1)
    figure = _reported(reported)
    unit = f" per {per:,}"

    def accepted_for(m: Mode) -> Interval:
        return qualified_interval(figure.value, figure.places, qualifier, m)

    def holds(m: Mode) -> bool:
        c = _counts_range(count, "count", m)[0]
        pop = _counts_range(population, "population", m)[0]
        return _ratio_hits(c, pop, _scaled(accepted_for(m), Fraction(1, per)))

    counts, c_fig = _counts_range(count, "count", mode)
    pops, p_fig = _counts_range(population, "population", mode)
    if not range(max(pops.start, 1), pops.stop):
        raise TrendcalcError(f"population must be positive (got {p_fig.text!r})")
    pos = range(max(pops.start, 1), pops.stop)
    computed = _hull(Fraction(counts.start * per, pos[-1]), Fraction(counts[-1] * per, pos.start))
    implied = None
    tail = ""
    if len(pos) == 1 and accepted_for(mode).upper is not None:
        implied = _implied_counts(
            accepted_for(mode), Fraction(pos.start, per), figure.text, qualifier
        )
        tail = f"; {figure.text}{unit} needs {_range_text(implied, 'offences')}"
    lead = (
        f"{_describe_input(c_fig, counts)} among {_describe_input(p_fig, pops)} people is "
        f"{_computed_text(computed, figure.places, unit)}"
    )
    return _verdict(
        claim="population_rate",
        reported=figure,
        shown=f"{figure.text}{unit}",
        qualifier=qualifier,
        mode=mode,
        holds=holds,
        accepted=accepted_for(mode),
        computed=computed,
        lead=lead,
        unit=unit,
        implied=implied,
        tail=tail,
    )


# ----------------------------------------------------------------------------- claims in words

_QUALIFIER_WORDS = {
    "more than": "more than",
    "over": "more than",
    "at least": "at least",
    "almost": "almost",
    "nearly": "nearly",
    "about": "about",
    "around": "around",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "fewer than": "fewer than",
    "less than": "less than",
    "under": "less than",
    "up to": "up to",
}
_QUALIFIER_PREFIX = re.compile(
    r"^(?P<q>" + "|".join(sorted(_QUALIFIER_WORDS, key=len, reverse=True)) + r")\s+(?P<rest>.*)$"
)
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}  # fmt: skip
_NUMBER = r"(?:[0-9][0-9,]*(?:\.[0-9]+)?|" + "|".join(_NUMBER_WORDS) + r")"
_MULTIPLE_WORDS: dict[str, Fraction] = {
    "doubled": Fraction(2),
    "tripled": Fraction(3),
    "trebled": Fraction(3),
    "quadrupled": Fraction(4),
    "halved": Fraction(1, 2),
}
_FRACTION_WORDS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "tenth": 10}
_UP_WORDS = ("rose", "risen", "rise", "up", "increased", "increase", "grew", "grown", "climbed")
_DOWN_WORDS = ("fell", "fallen", "fall", "down", "dropped", "drop", "decreased", "decrease",
               "cut", "declined", "decline")  # fmt: skip
_UNITS_PER_DAY = {
    "second": Fraction(86_400),
    "minute": Fraction(1_440),
    "hour": Fraction(24),
    "day": Fraction(1),
    "week": Fraction(1, 7),
}


def _split_qualifier(text: str, qualifier: Qualifier | None) -> tuple[Qualifier, str]:
    """Take a qualifier off the front of a claim in words; an explicit one must agree."""
    words = " ".join(text.lower().replace("-", " ").split())
    m = _QUALIFIER_PREFIX.match(words)
    found: Qualifier | None = None
    if m is not None:
        found = _QUALIFIER_WORDS[m["q"]]  # type: ignore[assignment]
        words = m["rest"]
    if qualifier is not None:
        qualifier = check_qualifier(qualifier)
        if found is not None and found != qualifier:
            raise TrendcalcError(
                f"claim {text!r} says {found!r} but qualifier={qualifier!r}; give one of them"
            )
        return qualifier, words
    return found or "exact", words


def _number(word: str, text: str) -> Figure:
    if word in _NUMBER_WORDS:
        return Figure(word, Fraction(_NUMBER_WORDS[word]), 0, False)
    try:
        return parse_figure(word)
    except TrendcalcError:
        raise TrendcalcError(f"claim {text!r}: {word!r} is not a number") from None


def read_ratio_words(
    claim: object, qualifier: Qualifier | None
) -> tuple[Qualifier, Fraction, bool]:
    """Read a change in words: its qualifier, its target, and whether that is a multiple.

    The target is a ratio ``after / before`` for a multiple ("doubled": 2), else a
    percentage change ("fell by a quarter": -25).
    """
    if not isinstance(claim, str):
        raise TrendcalcError(f"claim must be words such as 'doubled' (got {claim!r})")
    q, words = _split_qualifier(claim, qualifier)
    if words in _MULTIPLE_WORDS:
        return q, _MULTIPLE_WORDS[words], True
    if words.startswith("twice"):
        return q, Fraction(2), True
    if m := re.fullmatch(rf"(?P<n>{_NUMBER})\s*(?:times|fold)(?:\s.*)?", words):
        return q, _number(m["n"], claim).value, True
    m = re.fullmatch(
        r"(?:(?P<verb>" + "|".join(_UP_WORDS + _DOWN_WORDS) + r")\s+)?(?:by\s+)?"
        r"(?:(?P<n>a|one|two|three|four|nine)\s+)?"
        r"(?P<f>half|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)",
        words,
    )
    if m is None:
        raise TrendcalcError(
            f"claim {claim!r} is not a change in words trendcalc knows: use e.g. 'doubled', "
            "'nearly doubled', 'four times', 'halved', 'a third', 'rose by a quarter', "
            "'fell by half'"
        )
    fraction = Fraction(_NUMBER_WORDS[m["n"] or "one"], _FRACTION_WORDS[m["f"].rstrip("s")])
    return q, 100 * fraction * (-1 if m["verb"] in _DOWN_WORDS else 1), False


def check_ratio(
    before: CountLike,
    after: CountLike,
    claim: str,
    *,
    qualifier: Qualifier | None = None,
    mode: Mode = "half_up",
) -> Verdict:
    """Check a change told in words: "doubled", "nearly doubled", "more than a third".

    Two kinds of wording are understood, with a qualifier in front or not ("more than",
    "over", "at least", "almost", "nearly", "about", "around", "roughly", "fewer than",
    "less than", "under", "up to"):

    * a multiple of the earlier count: ``"doubled"``, ``"tripled"``, ``"quadrupled"``,
      ``"halved"``, ``"twice"``, ``"four times"``, ``"4 times as many"``, ``"3-fold"``. The
      ratio ``after / before`` is read as a figure to one decimal place: "doubled" is a
      ratio that rounds to 2.0 (1.95 up to 2.05), "nearly doubled" is 1.9 up to 2, "more
      than doubled" is above 2.
    * a fraction of the earlier count added or taken away: ``"a third"``, ``"rose by a
      quarter"``, ``"fell by half"``, ``"down two thirds"``. The percentage change is read
      as a figure in whole percentage points: "a third" is within half a point of
      33.33...%, "more than a third" is above 33.33...%. Without a verb of rising or
      falling, a rise is meant.

    Parameters
    ----------
    before, after : int, str or Figure
        The counts (text read by :func:`parse_count`).
    claim : str
        The words, such as ``"almost four times"``.
    qualifier : str, optional
        A qualifier given apart from the words; it must agree with one in them.
    mode : str, default "half_up"
        How rounded input counts were rounded.

    Returns
    -------
    Verdict

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.check_ratio(16, 31, "nearly doubled").consistent
    True
    >>> tc.check_ratio(16, 36, "more than doubled").consistent
    True
    >>> tc.check_ratio(90, 121, "more than a third").explanation
    "From 90 to 121 is a change of 34.44%, which fits 'more than a third'."
    >>> tc.check_ratio(112, 58, "halved").explanation
    'From 112 to 58 is 0.518 times as many, which fits halved (a ratio of 0.45 to 0.55).'
    """
    mode = check_mode(mode)
    q, target, is_multiple = read_ratio_words(claim, qualifier)
    said = claim.strip()
    places = 1 if is_multiple else 0  # a ratio to one decimal, or whole percentage points
    to_ratio: Callable[[Interval], Interval] = (lambda i: i) if is_multiple else _percent_to_ratio

    def accepted_for(m: Mode) -> Interval:
        return qualified_interval(target, places, q, m)

    def holds(m: Mode) -> bool:
        b = _counts_range(before, "before", m)[0]
        a = _counts_range(after, "after", m)[0]
        return _ratio_hits(a, b, to_ratio(accepted_for(m)))

    b_range, b_fig = _counts_range(before, "before", mode)
    a_range, a_fig = _counts_range(after, "after", mode)
    lead = f"From {_describe_input(b_fig, b_range)} to {_describe_input(a_fig, a_range)}"
    accepted = accepted_for(mode)
    positive = range(max(b_range.start, 1), b_range.stop)
    computed: Fraction | Interval | None = None
    if not positive:
        sentence = f"{lead} is no multiple and no fraction: the earlier count is zero."
    else:
        low = Fraction(a_range.start, positive[-1])
        high = Fraction(a_range[-1], positive.start)
        if is_multiple:
            computed = _hull(low, high)
            lead += f" is {_computed_text(computed, 1, ' times as many')}"
            fits_text = f"{said} (ratios {accepted})"
            if q == "exact" and accepted.lower is not None and accepted.upper is not None:
                fits_text = (
                    f"{said} (a ratio of {round_fraction(accepted.lower, 2, 'half_up')} to "
                    f"{round_fraction(accepted.upper, 2, 'half_up')})"
                )
        else:
            computed = _hull(100 * low - 100, 100 * high - 100)
            lead += f" is a change of {_computed_text(computed, 0, '%')}"
            fits_text = f"'{said}'"
    holds_under = tuple(m for m in MODES if positive and holds(m))  # type: ignore[arg-type]
    consistent = mode in holds_under
    if positive:
        sentence = f"{lead}, which {'fits' if consistent else 'does not fit'} {fits_text}."
    return Verdict(
        claim="ratio",
        reported=said,
        qualifier=q,
        mode=mode,
        consistent=consistent,
        holds_under=holds_under,
        computed=computed,
        computed_rounded=None,
        accepted=accepted,
        explanation=sentence,
        unit="x" if is_multiple else "%",
    )


def read_frequency_words(
    claim: object, qualifier: Qualifier | None
) -> tuple[Qualifier, Figure, Figure | None, str]:
    """Read how often, in words: the qualifier, the number of offences, the gap between
    them when the claim gives one ("one every 10 minutes"), and the unit of time."""
    if not isinstance(claim, str):
        raise TrendcalcError(f"claim must be words such as 'six an hour' (got {claim!r})")
    text = re.sub(r"^(?:an?\s+)?average\s+of\s+", "", " ".join(claim.lower().split()))
    q, words = _split_qualifier(text, qualifier)
    words = re.sub(r"^(?:an?\s+)?average\s+of\s+", "", words)
    units = "second|minute|hour|day|week"
    gap = re.fullmatch(
        rf"(?P<n>{_NUMBER})(?:\s+[a-z' ]+?)?\s+every\s+(?:(?P<m>{_NUMBER})\s+)?(?P<u>{units})s?",
        words,
    )
    rate = re.fullmatch(
        rf"(?P<n>{_NUMBER})(?:\s+[a-z' ]+?)?\s+(?:a|an|per|each)\s+(?P<u>{units})", words
    )
    match = gap if gap is not None else rate
    if match is None:
        raise TrendcalcError(
            f"claim {claim!r} is not a frequency trendcalc knows: use e.g. 'one every 10 "
            "minutes', 'six an hour', 'a crime every seven seconds', '15 a day'"
        )
    n = _number(match["n"], claim)
    gap_figure = None
    if gap is not None:
        if gap["m"]:
            gap_figure = _number(gap["m"], claim)
        elif n.value == 1:  # "one every hour": a gap of 1 hour ("six every hour" is a rate)
            gap_figure = Figure("1", Fraction(1), 0, False)
    if gap_figure is not None and q in ("almost", "nearly"):
        raise TrendcalcError(
            f"claim {claim!r}: {q!r} is not used with 'every' claims, being unclear which "
            "number it qualifies; check the rate instead, e.g. 'almost six an hour'"
        )
    return q, n, gap_figure, match["u"]


def check_frequency(
    count: CountLike,
    period: Period | str,
    claim: str,
    *,
    qualifier: Qualifier | None = None,
    mode: Mode = "half_up",
) -> Verdict:
    """Check how often offences happen, told in words: "one every 10 minutes", "six an hour".

    Two forms are understood, with any words between the number and the time (``"a crime
    every seven seconds"``, ``"15 cyber offences a day"``) and an optional qualifier in
    front:

    * a rate per unit of time: ``"N a|an|per|each|every <unit>"``, where the unit is a
      second, minute, hour, day or week. The published number is read at its own
      precision, as in :func:`check_daily_rate`: "six an hour" is 5.5 up to 6.5 an hour.
    * a mean gap between offences: ``"N every M <units>"`` (``"one every 10 minutes"``).
      The published number is the gap ``M``, read at its own precision: "one every 10
      minutes" is a mean gap of 9.5 up to 10.5 minutes. "About" widens the gap by one unit
      either way; "more than", "at least", "fewer than", "less than" and "up to" bound the
      rate ``N / M`` ("more than one every 10 minutes" is a gap below 10 minutes).
      "Almost" and "nearly" are refused here, being unclear about which number they
      qualify.

    Parameters
    ----------
    count : int, str or Figure
        The count over the period.
    period : Period or str
        The period, or its label.
    claim : str
        The words.
    qualifier : str, optional
        A qualifier given apart from the words; it must agree with one in them.
    mode : str, default "half_up"
        How the published figures were rounded.

    Returns
    -------
    Verdict
        ``computed`` is the exact count per unit of time named in the claim.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.check_frequency(3903, "2016/17", "an average of 15 cyber offences a day").consistent
    False
    >>> tc.check_frequency(3903, "2016/17", "one every two hours").explanation
    '3,903 in 2016/17 (365 days) is one every 2 h 14 min 40 s, which fits one every two hours.'
    >>> tc.check_frequency(5_000_000, "2016", "a crime every seven seconds").consistent
    False
    """
    mode = check_mode(mode)
    p = as_period(period, name="period")
    q, n, gap_figure, unit = read_frequency_words(claim, qualifier)
    per_day = _UNITS_PER_DAY[unit]

    def accepted_for(m: Mode) -> Interval:
        """Accepted counts per unit of time."""
        if gap_figure is None:
            return qualified_interval(n.value, n.places, q, m)
        if q in ("exact", "about", "around"):
            gaps = qualified_interval(gap_figure.value, gap_figure.places, q, m)
            assert gaps.lower is not None
            assert gaps.upper is not None
            upper = None if gaps.lower == 0 else n.value / gaps.lower
            return Interval(n.value / gaps.upper, upper, gaps.upper_closed, gaps.lower_closed)
        return qualified_interval(n.value / gap_figure.value, 0, q, m)

    def holds(m: Mode) -> bool:
        counts = _counts_range(count, "count", m)[0]
        return _ratio_hits(counts, range(p.days, p.days + 1), _scaled(accepted_for(m), per_day))

    counts, fig = _counts_range(count, "count", mode)
    computed = _hull(
        Fraction(counts.start) / (p.days * per_day), Fraction(counts[-1]) / (p.days * per_day)
    )
    article = "an" if unit == "hour" else "a"
    shown_rate = _computed_text(computed, max(n.places, 0), f" {article} {unit}")
    described = shown_rate
    if isinstance(computed, Fraction) and computed > 0:
        gap_text = format_gap(Rate(counts.start, p).every())
        described = (
            f"one every {gap_text}"
            if gap_figure is not None
            else f"{shown_rate} (one every {gap_text})"
        )
    lead = f"{_describe_input(fig, counts)} in {p.label} ({p.days:,} days) is {described}"
    said = claim.strip()
    consistent_modes = tuple(m for m in MODES if holds(m))  # type: ignore[arg-type]
    consistent = mode in consistent_modes
    return Verdict(
        claim="frequency",
        reported=said,
        qualifier=q,
        mode=mode,
        consistent=consistent,
        holds_under=consistent_modes,
        computed=computed,
        computed_rounded=None,
        accepted=accepted_for(mode),
        explanation=f"{lead}, which {'fits' if consistent else 'does not fit'} {said}.",
        implied=None,
        unit=f" {article} {unit}",
    )
