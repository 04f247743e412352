"""Shares: "one in four", "a third", "34% of", a part of a whole, both counts given."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from trendcalc._claims.inputs import (
    CountLike,
    check_noun,
    counts_range,
    describe_input,
    hull,
    overlaps,
    ratio_hits,
)
from trendcalc._claims.qualifiers import (
    READINGS,
    Qualifier,
    Reading,
    check_qualifier,
    check_reading,
    editorial_interval,
)
from trendcalc._claims.registry import ClaimFields, ClaimKind, CountInput, StoryCheck, register
from trendcalc._claims.verdict import (
    Reader,
    Verdict,
    computed_text,
    holding_modes,
    judge,
    show,
    words_verdict,
)
from trendcalc._errors import TrendcalcError
from trendcalc._limits import brief, check_digits
from trendcalc._rounding import Interval, format_exact
from trendcalc._validate import Mode, check_mode
from trendcalc._words import Proportion, parse_proportion

__all__ = ["check_share", "check_shares", "read_share_words", "read_shares_words"]

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
        text = f"{check_digits(text, name='figure')}%"
    if not isinstance(text, str):
        raise TrendcalcError(f"figure must be words such as 'one in four' (got {brief(text)})")
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


def check_share(
    part: CountLike,
    whole: CountLike,
    reported: str | int,
    *,
    mode: Mode = "half_up",
    qualifier: Qualifier | None = None,
    reading: Reading = "strict",
    noun: str = "",
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
    noun : str, optional
        What one count is (``"offences"``, ``"households"``), for the words: "22,110 of
        48,290 offences". A story file takes it from the whole's ``unit``.

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
    noun = check_noun(noun)
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
    lead = f"{describe_input(p_fig, p_range)} of {describe_input(w_fig, w_range)} {noun}".rstrip()
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
        lead += f" (one in {show(100 / computed, 0)})"
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
        noun=check.count("whole").unit,
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


# ----------------------------------------------------------------------------- breakdowns

_SEPARATOR = re.compile(r"\s*;\s*|,\s+")


def read_shares_words(text: object, qualifier: Qualifier | None = None) -> list[Proportion]:
    """Several shares, one per part: ``"40%, 35%, 25%"`` or ``"a half; a third; a sixth"``.

    Shares are separated by a semicolon, or by a comma and a space (so ``"1,520"`` is one
    number); each is read by :func:`read_share_words`.
    """
    if not isinstance(text, str):
        raise TrendcalcError(f"figure must be shares such as '40%, 35%, 25%' (got {brief(text)})")
    pieces = [p for p in _SEPARATOR.split(text.strip()) if p]
    if not pieces:
        raise TrendcalcError(f"figure must be shares such as '40%, 35%, 25%' (got {brief(text)})")
    return [read_share_words(p, qualifier) for p in pieces]


def check_shares(
    parts: Sequence[CountLike],
    reported: str | Sequence[str],
    *,
    whole: CountLike | None = None,
    mode: Mode = "half_up",
    reading: Reading = "strict",
) -> Verdict:
    """Check a published breakdown: the share of each part of a whole ("40%, 35%, 25%").

    Parameters
    ----------
    parts : sequence of int, str or Figure
        The counts of the parts, in the order of the shares.
    reported : str or sequence of str
        The published shares, one per part: ``["40%", "35%", "25%"]`` or ``"40%, 35%,
        25%"`` (see :func:`check_share` for the words understood).
    whole : int, str or Figure, optional
        The count the shares are of; by default the sum of the parts (a breakdown that
        should add up to 100%).
    mode : str, default "half_up"
        How the published figures were rounded.
    reading : {"strict", "editorial"}, default "strict"
        As in :func:`check_share`.

    Returns
    -------
    Verdict
        ``consistent`` when every share fits its part; ``computed`` is the exact total of
        the parts as a percentage of the whole (100 for a breakdown of the sum) and
        ``accepted`` the totals the published shares allow together, so published
        percentages adding up to 99% or 101% are explained by rounding, or not.

    Raises
    ------
    TrendcalcError
        If the number of shares differs from the number of parts, or a part or share
        cannot be read.

    See Also
    --------
    check_share : one part of a whole.
    shares : split a total into rounded shares that add up.

    Examples
    --------
    >>> import trendcalc as tc
    >>> v = tc.check_shares([1_520, 1_330, 950], "40%, 35%, 25%")
    >>> v.consistent
    True
    >>> v = tc.check_shares([1_516, 1_327, 957], ["40%", "35%", "26%"])
    >>> v.consistent
    False
    >>> v.explanation
    'Of 3,800: 1,516 is 39.89%, which fits 40%; 1,327 is 34.92%, which fits 35%; 957 is 25.18%, which does not fit 26%. The published shares add up to 101%, which rounding allows (99.5% up to 102.5%).'
    """
    mode = check_mode(mode)
    reading = check_reading(reading)
    if isinstance(parts, str) or not isinstance(parts, Sequence) or not parts:
        raise TrendcalcError(
            f"parts must be a non-empty sequence of counts (got {type(parts).__name__} {brief(parts)})"
        )
    if isinstance(reported, str):
        texts = [s.text for s in read_shares_words(reported)]
    elif isinstance(reported, Sequence) and all(isinstance(r, str) for r in reported):
        texts = list(reported)
    else:
        raise TrendcalcError(
            f'reported must be text such as "40%, 35%, 25%" or a sequence of such texts '
            f"(got {type(reported).__name__} {brief(reported)})"
        )
    if len(texts) != len(parts):
        raise TrendcalcError(
            f"reported must give one share per part: {len(parts)} parts but {len(texts)} "
            f"shares ({texts!r})"
        )
    read = [read_share_words(t) for t in texts]
    counts = [counts_range(p, f"parts[{i}]", mode) for i, p in enumerate(parts)]
    if whole is None:
        whole_range = range(sum(r.start for r, _ in counts), sum(r[-1] for r, _ in counts) + 1)
        if len(whole_range) != 1:
            raise TrendcalcError(
                "parts must be exact counts when the whole is their sum; give whole = ... "
                "for rounded parts"
            )
        whole_value: CountLike = whole_range.start
        whole_text = f"{whole_range.start:,}"
    else:
        whole_range, whole_fig = counts_range(whole, "whole", mode)
        whole_value = whole
        whole_text = describe_input(whole_fig, whole_range)

    def verdicts(m: Mode) -> list[Verdict]:
        return [
            check_share(p, whole_value, t, mode=m, reading=reading)
            for p, t in zip(parts, texts, strict=True)
        ]

    def holds(m: Mode) -> bool:
        return all(v.consistent for v in verdicts(m))

    chosen = verdicts(mode)
    pieces = []
    for (r, fig), v, share in zip(counts, chosen, read, strict=True):
        value = describe_input(fig, r)
        computed = Fraction(v.computed) if isinstance(v.computed, int) else v.computed
        shown = "-" if computed is None else computed_text(computed, max(share.places, 0), "%")
        pieces.append(
            f"{value} is {shown}, which {'fits' if v.consistent else 'does not fit'} {share.text}"
        )
    sentence = f"Of {whole_text}: " + "; ".join(pieces) + "."
    total = Fraction(0)
    accepted_lower = Fraction(0)
    accepted_upper = Fraction(0)
    bounded = True
    for share in read:
        iv = _percent(share.interval(mode))
        if iv.lower is None or iv.upper is None:
            bounded = False
            break
        accepted_lower += iv.lower
        accepted_upper += iv.upper
        total += share.percent
    positive = range(max(whole_range.start, 1), whole_range.stop)
    true_total: Fraction | Interval | None = None
    if positive:
        parts_low = sum(r.start for r, _ in counts)
        parts_high = sum(r[-1] for r, _ in counts)
        true_total = hull(
            Fraction(100 * parts_low, positive[-1]), Fraction(100 * parts_high, positive.start)
        )
    accepted = (
        Interval(accepted_lower, accepted_upper, True, False) if bounded else Interval(None, None)
    )
    if bounded and all(s.form == "percent" for s in read):
        published = format_exact(total)
        fits = true_total is not None and (
            accepted.contains(true_total)
            if isinstance(true_total, Fraction)
            else overlaps(accepted, true_total)
        )
        sentence += (
            f" The published shares add up to {published}%, which rounding "
            f"{'allows' if fits else 'cannot explain'} ({format_exact(accepted_lower)}% up to "
            f"{format_exact(accepted_upper)}%)."
        )
    holds_under = holding_modes(holds)
    consistent = mode in holds_under
    holds_readings = tuple(
        r
        for r in READINGS
        if all(
            check_share(p, whole_value, t, mode=mode, reading=r).consistent  # type: ignore[arg-type]
            for p, t in zip(parts, texts, strict=True)
        )
    )
    return Verdict(
        claim="shares",
        reported=", ".join(texts),
        qualifier="exact",
        mode=mode,
        consistent=consistent,
        holds_under=holds_under,
        computed=true_total,
        computed_rounded=None,
        accepted=accepted,
        explanation=sentence,
        unit="%",
        reading=reading,
        holds_readings=holds_readings,
    )


def _read_shares_options(fields: ClaimFields) -> Mapping[str, Any]:
    """``whole``: the count the shares are of (default: the sum of the counts)."""
    name = fields.raw.get("whole")
    if name is None:
        return {"whole": None}
    if not isinstance(name, str) or name not in fields.counts:
        known = ", ".join(sorted(fields.counts)) or "none"
        fields.problem("whole", f"no count is named {name!r}; the counts are: {known}")
        return {}
    parts = fields.inputs.get("counts", ())
    figure = fields.raw.get("figure")
    if isinstance(figure, str) and isinstance(parts, tuple):
        try:
            n = len(read_shares_words(figure))
        except TrendcalcError:
            n = len(parts)
        if n != len(parts):
            fields.problem("figure", f"must give one share per count: {len(parts)} counts")
    return {"whole": name}


def _shares_from_story(check: StoryCheck) -> Verdict:
    name = check.claim.options.get("whole")
    return check_shares(
        [c.count for c in check.count_list("counts")],
        check.claim.figure,
        whole=None if name is None else check.counts[name].count,
        mode=check.mode,
        reading=check.reading,
    )


SHARES_KIND = register(
    ClaimKind(
        name="shares",
        function=check_shares,
        inputs=(CountInput("counts", "counts = [...], the names of the parts", many=True),),
        check=_shares_from_story,
        options=("whole",),
        read_options=_read_shares_options,
        readings=True,
        read_words=read_shares_words,
        inputs_doc='``counts = ["a", "b", ...]`` (the parts); ``whole = "c"`` (default: their sum)',
        figure_doc='one share per count, ``"40%, 35%, 25%"``',
    )
)
