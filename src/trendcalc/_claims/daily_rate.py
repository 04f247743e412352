"""Daily rates: "15 a day" against the count and the days of its period."""

from __future__ import annotations

from fractions import Fraction

from trendcalc._claims.inputs import (
    CountLike,
    counts_range,
    describe_input,
    hull,
    implied_counts,
    ratio_hits,
    reported_figure,
)
from trendcalc._claims.qualifiers import Qualifier, check_qualifier, qualified_interval
from trendcalc._claims.registry import COUNT, ClaimKind, StoryCheck, register
from trendcalc._claims.verdict import (
    Verdict,
    computed_text,
    figure_accepts,
    figure_verdict,
    interval_ends,
    range_text,
)
from trendcalc._figures import Figure
from trendcalc._periods import Period, as_period
from trendcalc._rounding import Interval
from trendcalc._validate import Mode, check_mode

__all__ = ["check_daily_rate", "implied_count"]


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

    See Also
    --------
    check_daily_rate : checks the rate when the count is known.
    implied_before : the earlier counts behind a published change.

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
    figure = reported_figure(reported_daily_rate, "reported_daily_rate")
    accepted = qualified_interval(figure.value, figure.places, qualifier, mode)
    if below_zero(accepted):
        return range(0, 0)
    return implied_counts(accepted, Fraction(p.days), figure.text, qualifier)


def below_zero(accepted: Interval) -> bool:
    """Whether a qualified rate allows only values below zero ("fewer than 0")."""
    upper = accepted.upper
    return upper is not None and (upper < 0 or (upper == 0 and not accepted.upper_closed))


def implied_by_rate(
    accepted: Interval,
    units: Fraction | None,
    figure: Figure,
    qualifier: str,
    unit: str,
    over: str = "",
) -> tuple[range | None, str]:
    """The whole counts a published rate allows over ``units`` (days, or thousands of
    people; None when there is no single number of them), and the words for the
    verdict's tail: ``"; 15 a day over 2016/17 needs 5,293 to 5,657 offences"``, where
    ``unit`` is ``" a day"`` and ``over`` is ``" over 2016/17"``."""
    said = figure.text if qualifier == "exact" else f"{qualifier} {figure.text}"
    if below_zero(accepted):
        return range(0, 0), f"; no count fits {said}{unit}, as a rate is never below zero"
    if units is None or accepted.upper is None:
        return None, ""
    implied = implied_counts(accepted, units, figure.text, qualifier)
    return implied, f"; {said}{unit}{over} needs {range_text(implied, 'offences')}"


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

    See Also
    --------
    Verdict : what it returns, with the explanation.
    check_total, check_change, check_population_rate, check_ratio, check_frequency : the other kinds of claim.
    check_story : checks every claim of a story file at once.

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
    figure = reported_figure(reported)
    days = range(p.days, p.days + 1)

    accepted_for = figure_accepts(figure, qualifier)

    def holds(m: Mode) -> bool:
        return ratio_hits(counts_range(count, "count", m)[0], days, accepted_for(m))

    counts, fig = counts_range(count, "count", mode)
    computed = hull(Fraction(counts.start, p.days), Fraction(counts[-1], p.days))
    lead = (
        f"{describe_input(fig, counts)} in {p.label} ({p.days:,} days) is "
        f"{computed_text(computed, figure.places, ' a day', bounds=interval_ends(accepted_for(mode)))}"
    )
    implied, tail = implied_by_rate(
        accepted_for(mode), Fraction(p.days), figure, qualifier, " a day", f" over {p.label}"
    )
    return figure_verdict(
        claim="daily_rate",
        reported=figure,
        shown=f"{figure.text} a day",
        qualifier=qualifier,
        mode=mode,
        holds=holds,
        accepted_for=accepted_for,
        computed=computed,
        lead=lead,
        unit=" a day",
        implied=implied,
        tail=tail,
    )


def _from_story(check: StoryCheck) -> Verdict:
    c = check.count("count")
    return check_daily_rate(
        c.count, c.period, check.claim.figure, qualifier=check.qualifier, mode=check.mode
    )


KIND = register(
    ClaimKind(
        name="daily_rate",
        function=check_daily_rate,
        inputs=(COUNT,),
        check=_from_story,
        inputs_doc='``count = "a"`` (its period gives the days)',
        figure_doc='so many a day, ``"15"``',
    )
)
