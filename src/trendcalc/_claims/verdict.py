"""The verdict on a claim, and the sentence that explains it.

Every kind builds its :class:`Verdict` here. :func:`figure_accepts` gives the true values a
published figure allows under each rounding mode, :func:`holding_modes` the modes under which
a claim holds, and :func:`figure_verdict` (a published number) or :func:`words_verdict` (a
claim in words) assemble the verdict and word its explanation, so that "holds only if the
figure was truncated" and the like are said the same way for every kind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from trendcalc._claims.qualifiers import (
    EDITORIAL_TOLERANCE,
    READINGS,
    Qualifier,
    Reading,
    editorial_interval,
    place_name,
    qualified_interval,
    round_places,
)
from trendcalc._figures import Figure
from trendcalc._rounding import Interval, format_exact, round_fraction
from trendcalc._validate import MODES, Mode

__all__ = [
    "MODE_WORDS",
    "Judged",
    "Reader",
    "Verdict",
    "computed_text",
    "figure_accepts",
    "figure_readers",
    "figure_verdict",
    "holding_modes",
    "interval_ends",
    "interval_words",
    "judge",
    "modes_phrase",
    "range_text",
    "readings_sentence",
    "rounded_computed",
    "show",
    "show_beside",
    "words_verdict",
]

MODE_WORDS = {
    "half_up": "rounded half up",
    "half_even": "rounded half to even",
    "half_down": "rounded half down",
    "up": "rounded away from zero",
    "down": "truncated",
    "ceiling": "rounded up",
    "floor": "rounded down",
}


def show(x: Fraction, places: int) -> str:
    """A computed value shown with two more decimals than the figure it is checked against."""
    if x.denominator == 1:
        return f"{int(x):,}"
    return f"{round_fraction(x, max(places, 0) + 2, 'half_up'):,}"


def rounded_computed(
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


def modes_phrase(modes: Sequence[str]) -> str:
    words = [MODE_WORDS[m] for m in modes]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


@attrs.frozen
class Verdict:
    """Whether a published figure fits the figures it was computed from.

    Parameters
    ----------
    claim : str
        The kind of claim, as named in story files: ``"total"``, ``"change"``,
        ``"daily_rate"``, ``"population_rate"``, ``"ratio"``, ``"frequency"``, ... (the
        table of kinds on the Story files page lists them all).
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
    reading : str
        The reading the verdict was asked for: ``"strict"`` (the default) or
        ``"editorial"`` (see the Qualifiers page).
    holds_readings : tuple of str
        The readings under which the claim holds (with ``mode``), like ``holds_under``
        for rounding modes: ``("strict", "editorial")``, ``("editorial",)`` or ``()``.

    See Also
    --------
    check_total, check_change, check_daily_rate, check_population_rate, check_ratio, check_frequency : the checks that return one.
    ClaimResult : a verdict on a claim of a story file, in a StoryReport.

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
    reading: str = "strict"
    holds_readings: tuple[str, ...] = ()


@attrs.frozen
class Reader:
    """One way to read a published figure: the values it allows, and the words saying so.

    ``note`` is empty for the figure as printed, else completes "holds ...": ``"if 55,000
    is rounded to the nearest thousand"``.
    """

    accepted_for: Callable[[Mode], Interval]
    note: str = ""


@attrs.frozen
class Judged:
    """A claim tested under every reading and mode (see :func:`judge`)."""

    reading: Reading
    holds: Callable[[Mode], bool]
    accepted_for: Callable[[Mode], Interval]
    holds_readings: tuple[str, ...]
    note: str
    editorial_note: str


def figure_readers(
    value: Fraction,
    places: int,
    qualifier: Qualifier,
    text: str,
    *,
    strict_for: Callable[[Mode], Interval] | None = None,
    round_figure: bool = False,
) -> dict[str, tuple[Reader, ...]]:
    """The readers of a figure under each reading, tried in order.

    ``strict_for(mode)`` gives the values the strict reading allows (by default
    :func:`qualified_interval` of ``value`` at ``places``). The editorial reading widens
    "about", "around", "almost" and "nearly" (:func:`editorial_interval`) and, with
    ``round_figure``, reads an exact round figure as possibly rounded to each of its
    trailing zeros (:func:`round_places`), finest first.
    """
    if strict_for is None:

        def strict_for(m: Mode) -> Interval:
            return qualified_interval(value, places, qualifier, m)

    strict = Reader(strict_for)
    editorial: list[Reader] = [strict]
    if qualifier == "exact" and round_figure:
        for p in round_places(value, places):

            def at(m: Mode, p: int = p) -> Interval:
                return qualified_interval(value, p, "exact", m)

            editorial.append(Reader(at, f"if {text} is rounded to {place_name(p)}"))
    elif qualifier in ("about", "around", "almost", "nearly"):
        share = f"{EDITORIAL_TOLERANCE * 100}%"
        side = "either way" if qualifier in ("about", "around") else "short of it"
        assert strict_for is not None
        strict_of = strict_for

        def wide(m: Mode) -> Interval:
            return editorial_interval(value, strict_of(m), qualifier)

        editorial.append(
            Reader(wide, f"if '{qualifier}' allows {share} of {text} {side}, as editors read it")
        )
    return {"strict": (strict,), "editorial": tuple(editorial)}


def judge(
    readers: dict[str, tuple[Reader, ...]],
    hits: Callable[[Mode, Interval], bool],
    reading: Reading,
    mode: Mode,
) -> Judged:
    """Test a claim under each reading: ``hits(mode, accepted)`` says whether it fits.

    The claim holds under a reading when one of its readers accepts a value the inputs
    allow. ``note`` is the note of the reader that made it hold under ``reading``;
    ``editorial_note`` that of the editorial reader that holds when the claim fails under
    the chosen (strict) reading, so the verdict can say what would make it hold.
    """

    def first(r: str, m: Mode) -> Reader | None:
        return next((x for x in readers[r] if hits(m, x.accepted_for(m))), None)

    chosen = first(reading, mode)
    holds_readings = tuple(r for r in READINGS if first(r, mode) is not None)
    editorial_note = ""
    if chosen is None and reading == "strict":
        found = first("editorial", mode)
        editorial_note = "" if found is None else found.note
    accepted = chosen if chosen is not None else readers[reading][-1]
    return Judged(
        reading=reading,
        holds=lambda m: first(reading, m) is not None,
        accepted_for=accepted.accepted_for,
        holds_readings=holds_readings,
        note="" if chosen is None else chosen.note,
        editorial_note=editorial_note,
    )


def readings_sentence(judged: Judged | None, consistent: bool) -> str:
    """What the readings add to an explanation: a note when one made the claim hold."""
    if judged is None:
        return ""
    if consistent and judged.note:
        return f"; it holds {judged.note}"
    if not consistent and judged.editorial_note:
        return f"; it holds in the editorial reading, {judged.editorial_note}"
    return ""


def figure_accepts(figure: Figure, qualifier: Qualifier) -> Callable[[Mode], Interval]:
    """The true values ``figure`` allows, with ``qualifier`` in front, under each mode."""

    def accepted_for(m: Mode) -> Interval:
        return qualified_interval(figure.value, figure.places, qualifier, m)

    return accepted_for


def holding_modes(holds: Callable[[Mode], bool]) -> tuple[str, ...]:
    """The rounding modes, in the order of ``MODES``, under which ``holds`` is true."""
    return tuple(m for m in MODES if holds(m))  # type: ignore[arg-type]


def figure_verdict(
    *,
    claim: str,
    reported: Figure,
    shown: str,
    qualifier: Qualifier,
    mode: Mode,
    holds: Callable[[Mode], bool],
    accepted_for: Callable[[Mode], Interval],
    computed: int | Fraction | Interval | None,
    lead: str,
    unit: str,
    implied: range | None = None,
    tail: str = "",
    places: int | None = None,
    judged: Judged | None = None,
) -> Verdict:
    """Assemble the verdict on a published number: test every mode, then word the explanation.

    ``holds(m)`` says whether the claim holds when the figures were rounded by ``m``, and
    ``accepted_for(m)`` gives the true values the published figure then allows (usually
    :func:`figure_accepts`). ``shown`` is the published claim as a reader would quote it
    (``"44%"``, ``"15 a day"``); ``lead`` the start of the explanation, saying what was
    computed; ``tail`` is added when the claim does not hold; ``places`` is the precision
    ``computed`` is rounded to (by default the figure's own). ``judged`` (from
    :func:`judge`), when given, replaces ``holds`` and ``accepted_for`` and adds the
    readings under which the claim holds.
    """
    if judged is not None:
        holds, accepted_for = judged.holds, judged.accepted_for
    holds_under = holding_modes(holds)
    consistent = mode in holds_under
    exact_value = Fraction(computed) if isinstance(computed, int) else computed
    rounded = rounded_computed(exact_value, reported.places if places is None else places, mode)
    if computed is None or (consistent and judged is not None and judged.note):
        sentence = lead  # the readings sentence says how it holds
    elif qualifier != "exact" or rounded is None:
        # a kind that quotes the whole claim (qualifier included) gives it in quotes
        said = shown if qualifier == "exact" or shown.startswith("'") else f"{qualifier} {shown}"
        said = said if said.startswith("'") else f"'{said}'"
        sentence = f"{lead}, which {'fits' if consistent else 'does not fit'} {said}"
    elif isinstance(rounded, tuple):
        low, high = (f"{r:,}{unit}" for r in rounded)
        both = low if low == high else f"{low} to {high}"  # the ends may round alike
        if consistent:
            sentence = f"{lead}, which allows the published {shown}"
        else:
            sentence = f"{lead}, which rounds to {both}, not the published {shown}"
    elif exact_value is not None and Fraction(rounded) == exact_value:
        sentence = f"{lead}, {'as published' if consistent else f'not the published {shown}'}"
    else:
        rounded_text = f"{rounded:,}{unit}"
        if consistent:
            sentence = f"{lead}, which rounds to {rounded_text}, as published"
        else:
            sentence = f"{lead}, which rounds to {rounded_text}, not the published {shown}"
    if not consistent and holds_under and qualifier == "exact" and computed is not None:
        sentence += f"; {shown} holds only if the figure was {modes_phrase(holds_under)}"
    sentence += readings_sentence(judged, consistent)
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
        accepted=accepted_for(mode),
        explanation=sentence + ".",
        implied=implied,
        unit=unit,
        reading="strict" if judged is None else judged.reading,
        holds_readings=_holds_readings(judged, consistent),
    )


def _holds_readings(judged: Judged | None, consistent: bool) -> tuple[str, ...]:
    if judged is not None:
        return judged.holds_readings
    return ("strict",) if consistent else ()


def words_verdict(
    *,
    claim: str,
    said: str,
    qualifier: Qualifier,
    mode: Mode,
    holds: Callable[[Mode], bool],
    accepted_for: Callable[[Mode], Interval],
    computed: Fraction | Interval | None,
    lead: str,
    fits: str,
    unit: str,
    explanation: str | None = None,
    judged: Judged | None = None,
) -> Verdict:
    """Assemble the verdict on a claim in words ("nearly doubled", "one every 10 minutes").

    The explanation is ``"<lead>, which fits <fits>."`` (or "does not fit"), unless
    ``explanation`` gives the whole sentence (when nothing could be computed). Nothing is
    rounded: ``computed_rounded`` is None. ``judged`` is as for :func:`figure_verdict`.
    """
    if judged is not None:
        holds, accepted_for = judged.holds, judged.accepted_for
    holds_under = holding_modes(holds)
    consistent = mode in holds_under
    if explanation is None:
        only_if = ""
        if not consistent and holds_under and computed is not None:
            only_if = f"; it holds only if the figures were {modes_phrase(holds_under)}"
        explanation = (
            f"{lead}, which {'fits' if consistent else 'does not fit'} {fits}"
            f"{only_if}{readings_sentence(judged, consistent)}."
        )
    return Verdict(
        claim=claim,
        reported=said,
        qualifier=qualifier,
        mode=mode,
        consistent=consistent,
        holds_under=holds_under,
        computed=computed,
        computed_rounded=None,
        accepted=accepted_for(mode),
        explanation=explanation,
        implied=None,
        unit=unit,
        reading="strict" if judged is None else judged.reading,
        holds_readings=_holds_readings(judged, consistent),
    )


def computed_text(
    computed: Fraction | Interval, places: int, unit: str, *, bounds: Sequence[Fraction] = ()
) -> str:
    """A computed value (or range) in words, never misleading.

    Shown with two more decimals than the figure (:func:`show`), and more where needed:
    the two ends of a range never look the same, and a value is never shown on the other
    side of one of ``bounds`` (the ends of the values a published figure allows) than it
    really is, nor on it when it is not.
    """
    if isinstance(computed, Interval):
        assert computed.lower is not None
        assert computed.upper is not None
        low, high = computed.lower, computed.upper
        p = places
        while low != high and show(low, p) == show(high, p) and p < places + MAX_EXTRA_DIGITS:
            p += 1
        return (
            f"between {show_beside(low, p, bounds)}{unit} and {show_beside(high, p, bounds)}{unit}"
        )
    return f"{show_beside(computed, places, bounds)}{unit}"


#: At most this many digits are added to a shown value to keep it honest.
MAX_EXTRA_DIGITS = 12


def interval_ends(interval: Interval) -> tuple[Fraction, ...]:
    """The finite ends of an interval, as ``bounds`` for :func:`computed_text`."""
    return tuple(x for x in (interval.lower, interval.upper) if x is not None)


def show_beside(x: Fraction, places: int, bounds: Sequence[Fraction]) -> str:
    """:func:`show`, with digits added until ``x`` is shown on its own side of each bound."""
    p = places
    while p < places + MAX_EXTRA_DIGITS and not _same_side(x, p, bounds):
        p += 1
    return show(x, p)


def _same_side(x: Fraction, places: int, bounds: Sequence[Fraction]) -> bool:
    if x.denominator == 1:
        return True
    shown = Fraction(round_fraction(x, max(places, 0) + 2, "half_up"))
    return all((shown > b) - (shown < b) == (x > b) - (x < b) for b in bounds)


def interval_words(interval: Interval) -> str:
    """An interval in words: "at least 1.125 and below 1.135", "above 2"."""
    parts = []
    if interval.lower is not None:
        word = "at least" if interval.lower_closed else "above"
        parts.append(f"{word} {format_exact(interval.lower)}")
    if interval.upper is not None:
        word = "at most" if interval.upper_closed else "below"
        parts.append(f"{word} {format_exact(interval.upper)}")
    return " and ".join(parts) or "any value"


def range_text(r: range, noun: str) -> str:
    if not r:
        return f"no whole number of {noun}"
    if r.stop - r.start == 1:  # len() overflows for a huge range
        return f"{r.start:,} {noun}"
    return f"{r.start:,} to {r[-1]:,} {noun}"
