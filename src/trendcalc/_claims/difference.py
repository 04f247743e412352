"""Differences: "up by 9,908", "4,901 more", "118 fewer" against the two counts."""

from __future__ import annotations

from typing import Literal

import attrs

from trendcalc._claims.inputs import CountLike, check_noun, counts_range, describe_input, ratio_hits
from trendcalc._claims.qualifiers import Qualifier, Reading, check_qualifier, check_reading
from trendcalc._claims.registry import (
    FROM,
    TO,
    ClaimKind,
    StoryCheck,
    Unchecked,
    register,
)
from trendcalc._claims.verdict import Verdict, figure_readers, figure_verdict, judge, range_text
from trendcalc._errors import TrendcalcError
from trendcalc._figures import Figure, integer_bounds, parse_qualified_count, read_difference
from trendcalc._limits import check_digits
from trendcalc._rounding import Interval
from trendcalc._validate import Mode, check_mode
from trendcalc._words import normalize

__all__ = ["DifferenceWords", "check_difference", "read_difference_words"]

Direction = Literal["up", "down", "either"]


@attrs.frozen
class DifferenceWords:
    """A difference as a story words it: its qualifier, size and direction.

    ``size`` is the figure read from the words (never negative); ``direction`` is
    ``"up"``, ``"down"`` or ``"either"`` (a bare figure such as ``"9,908"``, whose sign is
    not given).
    """

    text: str
    qualifier: Qualifier
    size: Figure
    direction: Direction

    @property
    def shown(self) -> str:
        """How a verdict quotes the claim: words in quotes, a figure as it is."""
        return f"'{self.text}'" if any(c.isalpha() for c in self.text) else self.text


def read_difference_words(text: object, qualifier: Qualifier | None = None) -> DifferenceWords:
    """Read a difference: ``"up by 9,908"``, ``"4,901 more"``, ``"an extra 458,021"``.

    Words (``"up by"``, ``"rose by"``, ``"an increase of"``, ``"a fall of"``, ``"an
    extra"``, ``"4,901 more"``, ``"118 fewer offences"``, with a qualifier in front or after
    the verb, the number in figures or words) are read by the words reader
    (``trendcalc._figures.read_difference``). A signed figure (``"+9,908"``, ``"-118"``)
    gives the direction by its sign; a bare figure (``"9,908"``, ``"almost 10,000"``) the
    size of the difference only.
    """
    if isinstance(text, int) and not isinstance(text, bool):
        text = str(check_digits(text, name="figure"))
    words = normalize(text, name="figure", example="4,901 more")
    direction: Direction = "either"
    if words.startswith(("+", "-", "\u2212")):
        direction = "up" if words[0] == "+" else "down"
        words = words[1:].strip()
    try:
        read = parse_qualified_count(words, qualifier=qualifier)
    except TrendcalcError as figure_error:
        if direction != "either":
            raise TrendcalcError(
                f"figure {text!r} is not a difference trendcalc knows ({figure_error})"
            ) from None
        said = read_difference(text, qualifier=qualifier)
        return DifferenceWords(
            str(text).strip(), said.qualifier, said.figure, "down" if said.falling else "up"
        )
    return DifferenceWords(str(text).strip(), read.qualifier, read.figure, direction)


def check_difference(
    before: CountLike,
    after: CountLike,
    reported: str | int,
    *,
    mode: Mode = "half_up",
    qualifier: Qualifier | None = None,
    reading: Reading = "strict",
    noun: str = "",
) -> Verdict:
    """Check a published difference between two counts: "up by 9,908", "118 fewer".

    Parameters
    ----------
    before, after : int, str or Figure
        The earlier and later counts (text read by :func:`parse_count`; a rounded count
        stands for every count that rounds to it).
    reported : str or int
        The difference as published, in figures or words: ``"9,908"``,
        ``"+9,908"``, ``"up by 9,908"``, ``"4,901 more"``, ``"an extra 458,021"``, ``"an
        increase of 9,000"``, ``"118 fewer"``, ``"almost 5,000 more"``. A direction, when
        given, must agree with the counts; a bare figure is the size of the difference.
    mode : str, default "half_up"
        How the published figures were rounded.
    qualifier : str, optional
        A qualifier given apart from the words; it must agree with one in them.
    reading : {"strict", "editorial"}, default "strict"
        How to read the figure: strictly as printed, or as an editor would, where a round
        figure (``"9,000"``) may be rounded to its trailing zeros and "about" or "nearly"
        allow 10% (see the Qualifiers page).
    noun : str, optional
        What one count is (``"offences"``, ``"households"``), for the words: "a rise of
        9,908 households". A story file takes it from the later count's ``unit``.

    Returns
    -------
    Verdict
        ``computed`` is the difference in the claimed direction (``after - before`` for
        a rise, ``before - after`` for a fall); ``holds_readings`` the readings under
        which it holds; ``implied`` the earlier counts that fit, when the later count is
        exact.

    Raises
    ------
    TrendcalcError
        If a count or the figure cannot be read.

    See Also
    --------
    check_change : the same two counts, as a percentage change.
    check_total : counts added up.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.check_difference(45_093, 55_001, "up by 9,908").explanation
    'From 45,093 to 55,001 is a rise of 9,908, as published.'
    >>> tc.check_difference(5_653, 5_535, "118 fewer").consistent
    True
    >>> v = tc.check_difference(45_093, 54_400, "an increase of 9,000")
    >>> v.consistent, v.holds_readings
    (False, ('editorial',))
    >>> v.explanation
    "From 45,093 to 54,400 is a rise of 9,307, not the published 'an increase of 9,000'; it holds in the editorial reading, if 9,000 is rounded to the nearest thousand; 'an increase of 9,000' to 54,400 needs an earlier count of 45,400."
    >>> tc.check_difference(45_093, 54_400, "an increase of 9,000", reading="editorial").explanation
    'From 45,093 to 54,400 is a rise of 9,307; it holds if 9,000 is rounded to the nearest thousand.'
    """
    mode = check_mode(mode)
    reading = check_reading(reading)
    noun = check_noun(noun)
    if qualifier is not None:
        qualifier = check_qualifier(qualifier)
    said = read_difference_words(reported, qualifier)
    q, figure = said.qualifier, said.size

    def sizes(m: Mode) -> list[range]:
        b = counts_range(before, "before", m)[0]
        a = counts_range(after, "after", m)[0]
        up = range(a.start - b[-1], a[-1] - b.start + 1)
        down = range(b.start - a[-1], b[-1] - a.start + 1)
        return {"up": [up], "down": [down], "either": [up, down]}[said.direction]

    def hits(m: Mode, accepted: Interval) -> bool:
        return any(ratio_hits(s, range(1, 2), accepted) for s in sizes(m))

    readers = figure_readers(figure.value, figure.places, q, figure.text, round_figure=True)
    judged = judge(readers, hits, reading, mode)
    b_range, b_fig = counts_range(before, "before", mode)
    a_range, a_fig = counts_range(after, "after", mode)
    low, high = a_range.start - b_range[-1], a_range[-1] - b_range.start
    lead = f"From {describe_input(b_fig, b_range)} to {describe_input(a_fig, a_range)} is "
    if low == high:
        of = f"{abs(low):,} {noun}".rstrip()
        lead += "no change" if low == 0 else f"a {'rise' if low > 0 else 'fall'} of {of}"
    else:
        lead += f"a change of {low:+,} to {high:+,}"
    if said.direction == "down" or (said.direction == "either" and high < 0):
        low, high = -high, -low
    computed: int | Interval = low if low == high else Interval(low, high)
    implied = None
    tail = ""
    accepted = judged.accepted_for(mode)
    if len(a_range) == 1 and said.direction != "either" and accepted.upper is not None:
        lo, hi = integer_bounds(
            Interval(
                accepted.lower if accepted.lower is not None else 0,
                accepted.upper,
                accepted.lower_closed,
                accepted.upper_closed,
            )
        )
        after_count = a_range.start
        if said.direction == "up":
            implied = range(max(after_count - hi, 0), max(after_count - max(lo, 0) + 1, 0))
        else:
            implied = range(after_count + max(lo, 0), after_count + hi + 1)
        tail = f"; {said.shown} to {after_count:,} needs an earlier count of " + range_text(
            implied, "x"
        ).removesuffix(" x")
    return figure_verdict(
        claim="difference",
        reported=Figure(said.text, figure.value, figure.places, figure.rounded),
        shown=said.shown,
        qualifier=q,
        mode=mode,
        holds=judged.holds,
        accepted_for=judged.accepted_for,
        computed=computed,
        lead=lead,
        unit="",
        implied=implied,
        tail=tail,
        judged=judged,
    )


def _from_story(check: StoryCheck) -> Verdict | Unchecked:
    if check.is_unknown("from"):
        return _unchecked(check)
    return check_difference(
        check.count("from").count,
        check.count("to").count,
        check.claim.figure,
        qualifier=check.words_qualifier,
        mode=check.mode,
        reading=check.reading,
        noun=check.count("to").unit,
    )


def _unchecked(check: StoryCheck) -> Unchecked:
    """A difference whose earlier count is not given: the earlier counts it needs."""
    after = check.count("to")
    said = read_difference_words(check.claim.figure, check.words_qualifier)
    if said.direction == "either":
        return Unchecked(
            f"The earlier count is not given, and '{said.text}' does not say whether it is a "
            "rise or a fall, so it cannot be checked."
        )
    a = after.count.counts(check.mode)
    size = said.size.counts(check.mode) if said.qualifier == "exact" else None
    if size is None:
        return Unchecked(
            f"The earlier count is not given, so '{said.text}' cannot be checked against "
            f"{after.label}."
        )
    if said.direction == "up":
        lo, hi = a.start - size[-1], a[-1] - size.start
    else:
        lo, hi = a.start + size.start, a[-1] + size[-1]
    implied = range(max(lo, 0), max(hi + 1, 0))
    return Unchecked(
        f"The earlier count is not given; {said.shown} to {after.count.text} "
        f"({after.label}) needs an earlier count of {range_text(implied, 'x').removesuffix(' x')}.",
        implied,
    )


KIND = register(
    ClaimKind(
        name="difference",
        function=check_difference,
        inputs=(attrs.evolve(FROM, unknown_ok=True), TO),
        check=_from_story,
        readings=True,
        compares=True,
        read_words=read_difference_words,
        inputs_doc='``from = "a"``, ``to = "b"``; ``from = "unknown"`` when the story does '
        "not give the earlier count",
        figure_doc='the difference as written, ``"up by 9,908"``, ``"118 fewer"``, '
        '``"an extra 458,021"``',
    )
)
