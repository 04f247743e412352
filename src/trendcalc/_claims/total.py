"""Totals: "170 offences over the last two years" against the counts it adds up."""

from __future__ import annotations

from collections.abc import Sequence

from trendcalc._claims.inputs import (
    CountLike,
    counts_range,
    describe_input,
    ratio_hits,
    reported_figure,
)
from trendcalc._claims.qualifiers import Qualifier, check_qualifier
from trendcalc._claims.registry import COUNTS, ClaimKind, StoryCheck, register
from trendcalc._claims.verdict import Verdict, figure_accepts, figure_verdict
from trendcalc._errors import TrendcalcError
from trendcalc._figures import Figure
from trendcalc._limits import brief
from trendcalc._rounding import Interval
from trendcalc._validate import Mode, check_mode

__all__ = ["check_total"]


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

    See Also
    --------
    Verdict : what it returns, with the explanation.
    check_change, check_daily_rate, check_population_rate, check_ratio, check_frequency : the other kinds of claim.
    check_story : checks every claim of a story file at once.

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
            f"parts must be a non-empty sequence of counts (got {type(parts).__name__} {brief(parts)})"
        )
    figure = reported_figure(reported)

    def total_range(m: Mode) -> tuple[range, list[tuple[range, Figure]]]:
        inputs = [counts_range(p, f"parts[{i}]", m) for i, p in enumerate(parts)]
        return range(sum(r.start for r, _ in inputs), sum(r[-1] for r, _ in inputs) + 1), inputs

    accepted_for = figure_accepts(figure, qualifier)

    def holds(m: Mode) -> bool:
        return ratio_hits(total_range(m)[0], range(1, 2), accepted_for(m))

    total, inputs = total_range(mode)
    terms = " + ".join(describe_input(f, r) for r, f in inputs)
    if len(total) == 1:
        computed: int | Interval = total.start
        lead = f"{terms} = {total.start:,}"
    else:
        computed = Interval(total.start, total[-1])
        lead = f"{terms} is between {total.start:,} and {total[-1]:,}"
    return figure_verdict(
        claim="total",
        reported=figure,
        shown=figure.text,
        qualifier=qualifier,
        mode=mode,
        holds=holds,
        accepted_for=accepted_for,
        computed=computed,
        lead=lead,
        unit="",
    )


def _from_story(check: StoryCheck) -> Verdict:
    parts = [c.count for c in check.count_list("counts")]
    return check_total(parts, check.claim.figure, qualifier=check.qualifier, mode=check.mode)


KIND = register(
    ClaimKind(
        name="total",
        function=check_total,
        inputs=(COUNTS,),
        check=_from_story,
        inputs_doc='``counts = ["a", "b", ...]``',
        figure_doc='the total, ``"170"``',
    )
)
