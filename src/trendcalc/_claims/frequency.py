"""How often, in words: "one every 10 minutes", "six an hour", "15 a day"."""

from __future__ import annotations

import re
from fractions import Fraction

from trendcalc._claims.inputs import (
    CountLike,
    counts_range,
    describe_input,
    hull,
    ratio_hits,
    scaled,
)
from trendcalc._claims.qualifiers import Qualifier, qualified_interval
from trendcalc._claims.registry import COUNT, ClaimKind, StoryCheck, register
from trendcalc._claims.verdict import Verdict, computed_text, interval_ends, words_verdict
from trendcalc._claims.words import NUMBER, number_word, split_qualifier
from trendcalc._errors import TrendcalcError
from trendcalc._figures import Figure
from trendcalc._limits import brief
from trendcalc._periods import Period, as_period
from trendcalc._rates import Rate, format_gap
from trendcalc._rounding import Interval, round_fraction
from trendcalc._validate import Mode, check_mode

__all__ = ["check_frequency", "read_frequency_words"]

_UNITS_PER_DAY = {
    "second": Fraction(86_400),
    "minute": Fraction(1_440),
    "hour": Fraction(24),
    "day": Fraction(1),
    "week": Fraction(1, 7),
}


def read_frequency_words(
    claim: object, qualifier: Qualifier | None
) -> tuple[Qualifier, Figure, Figure | None, str]:
    """Read how often, in words: the qualifier, the number of offences, the gap between
    them when the claim gives one ("one every 10 minutes"), and the unit of time."""
    if not isinstance(claim, str):
        raise TrendcalcError(f"claim must be words such as 'six an hour' (got {brief(claim)})")
    text = re.sub(r"^(?:an?\s+)?average\s+of\s+", "", " ".join(claim.lower().split()))
    q, words = split_qualifier(text, qualifier)
    words = re.sub(r"^(?:an?\s+)?average\s+of\s+", "", words)
    units = "second|minute|hour|day|week"
    gap = re.fullmatch(
        rf"(?P<n>{NUMBER})(?:\s+[a-z' ]+?)?\s+every\s+(?:(?P<m>{NUMBER})\s+)?(?P<u>{units})s?",
        words,
    )
    rate = re.fullmatch(
        rf"(?P<n>{NUMBER})(?:\s+[a-z' ]+?)?\s+(?:a|an|per|each)\s+(?P<u>{units})", words
    )
    match = gap if gap is not None else rate
    if match is None:
        raise TrendcalcError(
            f"claim {claim!r} is not a frequency trendcalc knows: use e.g. 'one every 10 "
            "minutes', 'six an hour', 'a crime every seven seconds', '15 a day'"
        )
    n = number_word(match["n"], claim)
    gap_figure = None
    if gap is not None:
        if gap["m"]:
            gap_figure = number_word(gap["m"], claim)
        elif n.value == 1:  # "one every hour": a gap of 1 hour ("six every hour" is a rate)
            gap_figure = Figure("1", Fraction(1), 0, False)
    if gap_figure is not None and (gap_figure.value == 0 or n.value == 0):
        which = "gap between offences" if gap_figure.value == 0 else "number of offences"
        raise TrendcalcError(
            f"claim {claim!r}: the {which} must be more than zero in an 'every' claim "
            f"(got {match['m'] if gap_figure.value == 0 else match['n']}); write e.g. 'one every "
            f"10 {match['u']}s', or '0 per {match['u']}' for none at all"
        )
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

    See Also
    --------
    Verdict : what it returns, with the explanation.
    check_total, check_change, check_daily_rate, check_population_rate, check_ratio : the other kinds of claim.
    check_story : checks every claim of a story file at once.

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
        counts = counts_range(count, "count", m)[0]
        return ratio_hits(counts, range(p.days, p.days + 1), scaled(accepted_for(m), per_day))

    counts, fig = counts_range(count, "count", mode)
    computed = hull(
        Fraction(counts.start) / (p.days * per_day), Fraction(counts[-1]) / (p.days * per_day)
    )
    article = "an" if unit == "hour" else "a"
    shown_rate = computed_text(computed, max(n.places, 0), f" {article} {unit}")
    described = shown_rate
    if isinstance(computed, Fraction) and computed > 0:
        gap_text = format_gap(Rate(counts.start, p).every())
        if gap_figure is not None:
            # the accepted gaps' ends, in seconds: never show the gap across one of them
            seconds = 86_400 / per_day
            ends = [n.value / r * seconds for r in interval_ends(accepted_for(mode)) if r > 0]
            gap_text = _gap_text(Fraction(p.days * 86_400, counts.start), ends) or gap_text
        described = (
            f"one every {gap_text}"
            if gap_figure is not None
            else f"{shown_rate} (one every {gap_text})"
        )
    lead = f"{describe_input(fig, counts)} in {p.label} ({p.days:,} days) is {described}"
    said = claim.strip()
    return words_verdict(
        claim="frequency",
        said=said,
        qualifier=q,
        mode=mode,
        holds=holds,
        accepted_for=accepted_for,
        computed=computed,
        lead=lead,
        fits=said,
        unit=f" {article} {unit}",
    )


def _gap_text(gap: Fraction, bounds: list[Fraction]) -> str | None:
    """The gap in d, h, min and s, with decimals of a second where the whole second would
    put it on the wrong side of (or on) one of ``bounds``; None if to the second is fine."""

    def rounded(places: int) -> Fraction:
        return Fraction(round_fraction(gap, places, "half_up"))

    def honest(x: Fraction) -> bool:
        return all((x > b) - (x < b) == (gap > b) - (gap < b) for b in bounds)

    if honest(rounded(0)):
        return None
    places = 1
    while places < 9 and not honest(rounded(places)):
        places += 1
    value = rounded(places)
    parts = []
    whole = int(value)
    for unit, size in (("d", 86_400), ("h", 3_600), ("min", 60)):
        amount, whole = divmod(whole, size)
        if amount:
            parts.append(f"{amount} {unit}")
    secs = value - (int(value) - whole)
    parts.append(f"{round_fraction(secs, places, 'half_up')} s")
    return " ".join(parts)


def _from_story(check: StoryCheck) -> Verdict:
    c = check.count("count")
    return check_frequency(
        c.count, c.period, check.claim.figure, mode=check.mode, qualifier=check.words_qualifier
    )


KIND = register(
    ClaimKind(
        name="frequency",
        function=check_frequency,
        inputs=(COUNT,),
        check=_from_story,
        read_words=read_frequency_words,
        inputs_doc='``count = "a"``',
        figure_doc='words such as ``"one every 10 minutes"``',
    )
)
