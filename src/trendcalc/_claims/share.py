"""Shares: "one in four", "a third", "34% of", a part of a whole, both counts given."""

from __future__ import annotations

import re
from fractions import Fraction

from trendcalc._claims.inputs import CountLike, counts_range, describe_input, hull, ratio_hits
from trendcalc._claims.qualifiers import (
    Qualifier,
    Reading,
    check_qualifier,
    check_reading,
    editorial_interval,
)
from trendcalc._claims.registry import ClaimKind, CountInput, StoryCheck, register
from trendcalc._claims.verdict import (
    Reader,
    Verdict,
    computed_text,
    judge,
    words_verdict,
)
from trendcalc._errors import TrendcalcError
from trendcalc._rounding import Interval, round_fraction
from trendcalc._validate import Mode, check_mode
from trendcalc._words import Proportion, parse_proportion

__all__ = ["check_share", "read_share_words"]

PART = CountInput("part", 'part = "<count name>" (the part, e.g. offences involving a knife)')
WHOLE = CountInput("whole", 'whole = "<count name>" (the whole it is a part of)')

# "40% involved a knife": the percentage, then any words
_PERCENT_HEAD = re.compile(
    r"(?P<head>.*?(?:%|(?<![a-z])(?:per\s?cent|percent|pct|pc)\b))(?:\s+.*)?", re.IGNORECASE
)


def read_share_words(text: object, qualifier: Qualifier | None = None) -> Proportion:
    """Read a share as a story words it: ``"one in four"``, ``"a third"``, ``"34% of"``.

    The words are read by :func:`~trendcalc.parse_proportion`; words after a percentage
    (``"40% involved a knife"``) are ignored, and a bare number (``"34"``) is read as a
    percentage.
    """
    if isinstance(text, int) and not isinstance(text, bool):
        text = f"{text}%"
    if not isinstance(text, str):
        raise TrendcalcError(f"figure must be words such as 'one in four' (got {text!r})")
    try:
        return parse_proportion(text, qualifier=qualifier)
    except TrendcalcError as first:
        m = _PERCENT_HEAD.fullmatch(text.strip())
        candidates = [m["head"]] if m is not None else []
        if re.fullmatch(r"\s*[0-9][0-9.,]*\s*", text):
            candidates.append(f"{text.strip()}%")
        for candidate in candidates:
            try:
                read = parse_proportion(candidate, qualifier=qualifier)
            except TrendcalcError:
                continue
            return Proportion(text.strip(), read.qualifier, read.value, read.phrase, read.form,
                              read.places)  # fmt: skip
        raise first from None


def _percent(interval: Interval) -> Interval:
    def pct(x: Fraction | None) -> Fraction | None:
        return None if x is None else 100 * x

    return Interval(
        pct(interval.lower), pct(interval.upper), interval.lower_closed, interval.upper_closed
    )


def _pct_text(x: Fraction | None) -> str:
    return "no limit" if x is None else f"{round_fraction(x, 2, 'half_up').normalize():f}%"


def check_share(
    part: CountLike,
    whole: CountLike,
    reported: str | int,
    *,
    mode: Mode = "half_up",
    qualifier: Qualifier | None = None,
    reading: Reading = "strict",
) -> Verdict:
    """Check a published share of a whole: "one in four", "a third", "34% of".

    Parameters
    ----------
    part, whole : int, str or Figure
        The counts: the part (offences involving a knife) and the whole it is part of
        (all offences). Text is read by :func:`parse_count`.
    reported : str or int
        The share as published, read by :func:`parse_proportion`: ``"one in four"``,
        ``"more than one in three"``, ``"a third"``, ``"more than three quarters"``,
        ``"34%"``, ``"34% of"``, ``"40% involved a knife"`` (words after a percentage are
        ignored); a bare number is a percentage.
    mode : str, default "half_up"
        How the published figures were rounded.
    qualifier : str, optional
        A qualifier given apart from the words; it must agree with one in them.
    reading : {"strict", "editorial"}, default "strict"
        Strict: the share as :meth:`Proportion.interval` reads it ("a third" is within
        half a percentage point of 33.33...%). Editorial: "about" and "around" allow 10%
        of the share either way, "almost" and "nearly" 10% below it (see the Qualifiers
        page).

    Returns
    -------
    Verdict
        ``computed`` is the share as an exact percentage (an Interval when a count is
        rounded), ``accepted`` the percentages the words allow.

    Raises
    ------
    TrendcalcError
        If the words are not a share, or the part is larger than the whole.

    See Also
    --------
    parse_proportion : how the words are read.
    check_ratio : a change told as a multiple or a fraction.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.check_share(58, 170, "one in three").explanation
    "58 of 170 is 34.12% (one in 2.93), which fits 'one in three'."
    >>> tc.check_share(1_520, 3_800, "40% involved a knife").consistent
    True
    >>> v = tc.check_share(1_796, 10_000, "nearly a fifth")
    >>> v.consistent, v.holds_readings
    (False, ())
    >>> tc.check_share(4_579, 10_000, "almost half", reading="editorial").explanation
    "4,579 of 10,000 is 45.79% (one in 2.18), which fits 'almost half'; it holds if 'almost' allows 10% of half short of it, as editors read it."
    """
    mode = check_mode(mode)
    reading = check_reading(reading)
    if qualifier is not None:
        qualifier = check_qualifier(qualifier)
    share = read_share_words(reported, qualifier)
    said = share.text

    def strict_for(m: Mode) -> Interval:
        return _percent(share.interval(m))

    def wide(m: Mode) -> Interval:
        return editorial_interval(share.percent, strict_for(m), share.qualifier)

    readers: dict[str, tuple[Reader, ...]] = {"strict": (Reader(strict_for),)}
    if share.qualifier in ("about", "around", "almost", "nearly"):
        side = "either way" if share.qualifier in ("about", "around") else "short of it"
        readers["editorial"] = (
            Reader(strict_for),
            Reader(
                wide,
                f"if '{share.qualifier}' allows 10% of {share.phrase} {side}, as editors read it",
            ),
        )
    else:
        readers["editorial"] = readers["strict"]

    def hits(m: Mode, accepted: Interval) -> bool:
        p = counts_range(part, "part", m)[0]
        w = counts_range(whole, "whole", m)[0]
        return ratio_hits(p, w, _scale(accepted, Fraction(1, 100)))

    judged = judge(readers, hits, reading, mode)
    p_range, p_fig = counts_range(part, "part", mode)
    w_range, w_fig = counts_range(whole, "whole", mode)
    if p_range.start > w_range[-1]:
        raise TrendcalcError(
            f"part must be at most the whole (got {p_fig.text} of {w_fig.text}); check that "
            "the counts are given the right way round"
        )
    lead = f"{describe_input(p_fig, p_range)} of {describe_input(w_fig, w_range)}"
    positive = range(max(w_range.start, 1), w_range.stop)
    if not positive:
        return words_verdict(
            claim="share",
            said=said,
            qualifier=share.qualifier,
            mode=mode,
            holds=lambda m: False,
            accepted_for=strict_for,
            computed=None,
            lead=lead,
            fits="",
            unit="%",
            explanation=f"{lead} has no share: the whole is zero.",
        )
    low = Fraction(100 * p_range.start, positive[-1])
    high = Fraction(100 * min(p_range[-1], positive[-1]), positive.start)
    computed = hull(low, high)
    places = max(share.places, 0) if share.form == "percent" else 0
    lead += f" is {computed_text(computed, places, '%')}"
    if isinstance(computed, Fraction) and computed > 0:
        lead += f" (one in {round_fraction(100 / computed, 2, 'half_up')})"
    return words_verdict(
        claim="share",
        said=said,
        qualifier=share.qualifier,
        mode=mode,
        holds=judged.holds,
        accepted_for=judged.accepted_for,
        computed=computed,
        lead=lead,
        fits=f"'{said}'",
        unit="%",
        judged=judged,
    )


def _scale(interval: Interval, factor: Fraction) -> Interval:
    def move(x: Fraction | None) -> Fraction | None:
        return None if x is None else x * factor

    return Interval(
        move(interval.lower), move(interval.upper), interval.lower_closed, interval.upper_closed
    )


def _from_story(check: StoryCheck) -> Verdict:
    return check_share(
        check.count("part").count,
        check.count("whole").count,
        check.claim.figure,
        qualifier=check.words_qualifier,
        mode=check.mode,
        reading=check.reading,
    )


KIND = register(
    ClaimKind(
        name="share",
        function=check_share,
        inputs=(PART, WHOLE),
        check=_from_story,
        readings=True,
        read_words=read_share_words,
        inputs_doc='``part = "a"``, ``whole = "b"``',
        figure_doc='the share in words, ``"one in four"``, ``"a third"``, ``"34% of"``, '
        '``"40% involved a knife"``',
    )
)
