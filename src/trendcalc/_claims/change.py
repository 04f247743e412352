"""Changes: "up 44%" against the earlier and later counts, and the earlier counts it implies."""

from __future__ import annotations

from fractions import Fraction

import attrs

from trendcalc._claims.inputs import (
    CountLike,
    change_accepts,
    counts_range,
    describe_input,
    fall_with_qualifier,
    hull,
    is_decimal,
    percent_text,
    percent_to_ratio,
    ratio_hits,
    read_change_figure,
    said_change,
)
from trendcalc._claims.qualifiers import Qualifier, check_qualifier
from trendcalc._claims.registry import FROM, TO, ClaimKind, StoryCheck, Unchecked, register
from trendcalc._claims.verdict import (
    Verdict,
    computed_text,
    figure_verdict,
    interval_ends,
    interval_words,
    range_text,
)
from trendcalc._errors import TrendcalcError, UndefinedResultError
from trendcalc._figures import Figure, QualifiedFigure, integer_bounds
from trendcalc._rounding import Interval
from trendcalc._validate import Mode, check_int, check_mode

__all__ = ["check_change", "implied_before"]


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
        The published percentage: ``"44"``, ``"44%"``, ``"+44%"``, ``"-48"``, or in words,
        ``"down 48%"``, ``"fell by 48 per cent"``, ``"a rise of 44%"``. A fall is negative.
        Its precision is read from the text.
    mode : str, default "half_up"
        How the published figures were rounded.
    qualifier : str, default "exact"
        The word in front of the figure (see :func:`check_total`).

    Returns
    -------
    Verdict
        ``implied`` holds the earlier counts that would make the figure fit, when the
        later count is exact.

    See Also
    --------
    Verdict : what it returns, with the explanation.
    check_total, check_daily_rate, check_population_rate, check_ratio, check_frequency : the other kinds of claim.
    check_story : checks every claim of a story file at once.

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
    figure = read_change_figure(reported)
    shown = percent_text(figure.text)
    if fall_with_qualifier(figure, qualifier):  # the qualifier bounds the size of the fall
        shown = f"'{said_change(figure.text, qualifier)}'"
    if is_decimal(before) or is_decimal(after):
        # figures with decimals that no whole count rounds to: rates, changed as rates
        from trendcalc._claims.rate_change import rate_change_verdict

        return rate_change_verdict(
            _as_text(before), _as_text(after), reported, mode=mode, qualifier=qualifier,
            claim="change", per_words=False,
        )  # fmt: skip

    accepted_for = change_accepts(figure, qualifier)

    def ranges(m: Mode) -> tuple[range, range]:
        return (
            counts_range(before, "before", m)[0],
            counts_range(after, "after", m)[0],
        )

    def holds(m: Mode) -> bool:
        b, a = ranges(m)
        return ratio_hits(a, b, percent_to_ratio(accepted_for(m)))

    b_range, b_fig = counts_range(before, "before", mode)
    a_range, a_fig = counts_range(after, "after", mode)
    lead = f"From {describe_input(b_fig, b_range)} to {describe_input(a_fig, a_range)}"
    positive = range(max(b_range.start, 1), b_range.stop)
    if not positive:
        return figure_verdict(
            claim="change",
            reported=figure,
            shown=shown,
            qualifier=qualifier,
            mode=mode,
            holds=lambda m: False,
            accepted_for=accepted_for,
            computed=None,
            lead=f"{lead} has no percentage change: the earlier count is zero, so no "
            "percentage can be published",
            unit="%",
        )
    low = Fraction(100 * a_range.start, positive[-1]) - 100
    high = Fraction(100 * a_range[-1], positive.start) - 100
    computed = hull(low, high)
    implied = None
    tail = ""
    if len(a_range) == 1 and qualifier in ("exact", "about", "around", "almost", "nearly"):
        try:
            implied = implied_before(a_range.start, figure.text, mode=mode, qualifier=qualifier)
        except UndefinedResultError:
            implied = None
        if implied is not None:
            said = said_change(figure.text, qualifier)
            tail = f"; {said} to {a_range.start:,} needs an earlier count of " + range_text(
                implied, "offences"
            ).replace(" offences", "")
    return figure_verdict(
        claim="change",
        reported=figure,
        shown=shown,
        qualifier=qualifier,
        mode=mode,
        holds=holds,
        accepted_for=accepted_for,
        computed=computed,
        lead=f"{lead} is a change of {computed_text(computed, figure.places, '%', bounds=interval_ends(accepted_for(mode)))}",
        unit="%",
        implied=implied,
        tail=tail,
    )


def _as_text(value: CountLike) -> str | int:
    """A figure as its text, so that a whole count given with places reads as a rate."""
    return value.text if isinstance(value, Figure | QualifiedFigure) else value


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
        The published percentage change, such as ``"44"``, ``"-48%"`` or ``"down 48%"``.
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

    See Also
    --------
    check_change : checks the change when both counts are known.
    implied_count : the counts behind a published daily rate.

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
    figure = read_change_figure(reported_pct, "reported_pct")
    ratio = percent_to_ratio(change_accepts(figure, qualifier)(mode))
    # after / b in ratio  <=>  b in after / ratio (ends swap)
    if after == 0:
        if ratio.contains(0):
            raise UndefinedResultError(
                f"every earlier count fits a change to 0 of {said_change(figure.text, qualifier)}: "
                "the answer has no end"
            )
        return range(1, 1)
    if ratio.upper is not None and ratio.upper <= 0:
        return range(1, 1)
    if ratio.lower is None or ratio.lower <= 0:
        raise UndefinedResultError(
            f"every large enough earlier count fits a change to {after:,} of "
            f"{said_change(figure.text, qualifier)}: the answer has no end"
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


def _from_story(check: StoryCheck) -> Verdict | Unchecked:
    if check.is_unknown("to"):
        return _no_counts(check)
    if check.is_unknown("from"):
        return _unchecked(check)
    after = check.count("to")
    return check_change(
        check.count("from").count,
        after.count,
        check.claim.figure,
        qualifier=check.qualifier,
        mode=check.mode,
    )


def _unchecked(check: StoryCheck) -> Unchecked:
    """A change whose earlier count the story does not give: the earlier counts it needs."""
    claim, after = check.claim, check.count("to")
    if after.count.rounded:
        return _unchecked_rounded(check)
    try:
        implied = implied_before(
            int(after.count.value), claim.figure, mode=check.mode, qualifier=check.qualifier
        )
    except TrendcalcError as e:
        return Unchecked(f"The earlier count is not given; {e}.")
    said = said_change(claim.figure, claim.qualifier)
    if implied:
        span = (
            f"{implied.start:,}"
            if implied.stop - implied.start == 1
            else f"between {implied.start:,} and {implied[-1]:,}"
        )
        text = (
            f"The earlier count is not given; a change of {said} to {int(after.count.value):,} "
            f"({after.label}) holds only if it was {span}."
        )
    else:
        text = (
            "The earlier count is not given, and no whole earlier count gives "
            f"{said} to {int(after.count.value):,}."
        )
    return Unchecked(text, implied)


def _unchecked_rounded(check: StoryCheck) -> Unchecked:
    """The earlier counts a change to a rounded later count allows ("34,700", to 100)."""
    claim, after = check.claim, check.count("to")
    said = said_change(claim.figure, claim.qualifier)
    later = after.count.counts(check.mode)
    try:
        first = implied_before(
            later.start, claim.figure, mode=check.mode, qualifier=check.qualifier
        )
        last = implied_before(later[-1], claim.figure, mode=check.mode, qualifier=check.qualifier)
    except TrendcalcError as e:
        return Unchecked(f"The earlier count is not given; {e}.")
    if not first and not last:
        return Unchecked(
            f"The earlier count is not given, and no whole earlier count gives {said} to "
            f"{after.count.text} ({later.start:,} to {later[-1]:,})."
        )
    starts = [r.start for r in (first, last) if r]
    ends = [r[-1] for r in (first, last) if r]
    implied = range(min(starts), max(ends) + 1)
    return Unchecked(
        f"The earlier count is not given, and {after.count.text} ({after.label}) is rounded "
        f"({later.start:,} to {later[-1]:,}); a change of {said} to it holds only if the "
        f"earlier count was between {implied.start:,} and {implied[-1]:,}.",
        implied,
    )


def _no_counts(check: StoryCheck) -> Unchecked:
    """A change given with no counts at all: the counts that would make it hold."""
    claim = check.claim
    said = said_change(claim.figure, claim.qualifier)
    if not check.is_unknown("from"):
        before = check.count("from")
        return Unchecked(
            f"The later count is not given; a change of {said} from {before.count.text} "
            f"({before.label}) can be checked once it is."
        )
    read = read_change_figure(claim.figure)
    accepted = percent_to_ratio(change_accepts(read, check.qualifier)(check.mode))
    per = 1000
    try:
        later = implied_counts_for(per, accepted)
    except TrendcalcError:
        later = None
    example = (
        ""
        if later is None
        else f"; for every {per:,} earlier offences, {range_text(later, 'later').removesuffix(' later')} later"
        if later
        else f"; no whole count per {per:,} earlier offences fits"
    )
    return Unchecked(
        f"No counts are given, so {said} cannot be checked: it holds for counts whose "
        f"ratio later / earlier is {interval_words(accepted)}{example}."
    )


def implied_counts_for(before: int, ratio: Interval) -> range:
    """Whole later counts ``a`` with ``a / before`` in ``ratio`` (bounded above)."""
    if ratio.upper is None:
        raise TrendcalcError("the change has no upper limit")
    lower = ratio.lower if ratio.lower is not None and ratio.lower > 0 else Fraction(0)
    lo, hi = integer_bounds(
        Interval(lower * before, ratio.upper * before, ratio.lower_closed, ratio.upper_closed)
    )
    return range(max(lo, 0), max(hi + 1, lo, 0))


KIND = register(
    ClaimKind(
        name="change",
        function=check_change,
        inputs=(attrs.evolve(FROM, unknown_ok=True), attrs.evolve(TO, unknown_ok=True)),
        check=_from_story,
        compares=True,
        inputs_doc='``from = "a"``, ``to = "b"``; ``from = "unknown"`` when the story does '
        'not give the earlier count, and ``to = "unknown"`` too when it gives no count',
        figure_doc='the percentage change, ``"44%"``; a fall is negative, ``"-48%"``, or in '
        'words, ``"down 48%"``',
        read_words=lambda figure, qualifier: read_change_figure(figure),
        figure_example='"-48%" or "down 48%"',
    )
)
