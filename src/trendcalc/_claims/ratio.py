"""Changes in words: "doubled", "nearly four times", "fell by a third"."""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction

from trendcalc._claims.inputs import (
    CountLike,
    counts_range,
    describe_input,
    hull,
    percent_to_ratio,
    ratio_hits,
)
from trendcalc._claims.qualifiers import Qualifier, qualified_interval
from trendcalc._claims.registry import FROM, TO, ClaimKind, StoryCheck, register
from trendcalc._claims.verdict import Verdict, computed_text, words_verdict
from trendcalc._errors import TrendcalcError
from trendcalc._limits import brief
from trendcalc._rounding import Interval, round_fraction
from trendcalc._validate import Mode, check_mode
from trendcalc._words import parse_multiple

__all__ = ["check_ratio", "read_ratio_words"]


def read_ratio_words(
    claim: object, qualifier: Qualifier | None
) -> tuple[Qualifier, Fraction, bool]:
    """Read a change in words: its qualifier, its target, and whether that is a multiple.

    The target is a ratio ``after / before`` for a multiple ("doubled": 2), else a
    percentage change ("fell by a quarter": -25). The words are read by
    :func:`~trendcalc.parse_multiple`, the one reader of changes in words.
    """
    if not isinstance(claim, str):
        raise TrendcalcError(f"claim must be words such as 'doubled' (got {brief(claim)})")
    m = parse_multiple(claim, qualifier=qualifier)
    if m.form == "multiple":
        return m.qualifier, m.value, True
    return m.qualifier, m.change, False


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

    See Also
    --------
    Verdict : what it returns, with the explanation.
    check_total, check_change, check_daily_rate, check_population_rate, check_frequency : the other kinds of claim.
    check_story : checks every claim of a story file at once.

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
    to_ratio: Callable[[Interval], Interval] = (lambda i: i) if is_multiple else percent_to_ratio

    def accepted_for(m: Mode) -> Interval:
        return qualified_interval(target, places, q, m)

    def holds(m: Mode) -> bool:
        b = counts_range(before, "before", m)[0]
        a = counts_range(after, "after", m)[0]
        return ratio_hits(a, b, to_ratio(accepted_for(m)))

    b_range, b_fig = counts_range(before, "before", mode)
    a_range, a_fig = counts_range(after, "after", mode)
    lead = f"From {describe_input(b_fig, b_range)} to {describe_input(a_fig, a_range)}"
    accepted = accepted_for(mode)
    positive = range(max(b_range.start, 1), b_range.stop)
    if not positive:
        return words_verdict(
            claim="ratio",
            said=said,
            qualifier=q,
            mode=mode,
            holds=lambda m: False,
            accepted_for=accepted_for,
            computed=None,
            lead=lead,
            fits="",
            unit="x" if is_multiple else "%",
            explanation=f"{lead} is no multiple and no fraction: the earlier count is zero.",
        )
    low = Fraction(a_range.start, positive[-1])
    high = Fraction(a_range[-1], positive.start)
    if is_multiple:
        computed = hull(low, high)
        lead += f" is {computed_text(computed, 1, ' times as many')}"
        fits_text = f"{said} (ratios {accepted})"
        if q == "exact" and accepted.lower is not None and accepted.upper is not None:
            fits_text = (
                f"{said} (a ratio of {round_fraction(accepted.lower, 2, 'half_up')} to "
                f"{round_fraction(accepted.upper, 2, 'half_up')})"
            )
    else:
        computed = hull(100 * low - 100, 100 * high - 100)
        lead += f" is a change of {computed_text(computed, 0, '%')}"
        fits_text = f"'{said}'"
    return words_verdict(
        claim="ratio",
        said=said,
        qualifier=q,
        mode=mode,
        holds=holds,
        accepted_for=accepted_for,
        computed=computed,
        lead=lead,
        fits=fits_text,
        unit="x" if is_multiple else "%",
    )


def _from_story(check: StoryCheck) -> Verdict:
    return check_ratio(
        check.count("from").count,
        check.count("to").count,
        check.claim.figure,
        mode=check.mode,
        qualifier=check.words_qualifier,
    )


KIND = register(
    ClaimKind(
        name="ratio",
        function=check_ratio,
        inputs=(FROM, TO),
        check=_from_story,
        compares=True,
        read_words=read_ratio_words,
        inputs_doc='``from = "a"``, ``to = "b"``',
        figure_doc='words such as ``"nearly doubled"``',
    )
)
