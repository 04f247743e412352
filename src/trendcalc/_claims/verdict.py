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

from trendcalc._claims.qualifiers import Qualifier, qualified_interval
from trendcalc._figures import Figure
from trendcalc._rounding import Interval, round_fraction
from trendcalc._validate import MODES, Mode

__all__ = [
    "MODE_WORDS",
    "Verdict",
    "computed_text",
    "figure_accepts",
    "figure_verdict",
    "holding_modes",
    "modes_phrase",
    "range_text",
    "rounded_computed",
    "show",
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
) -> Verdict:
    """Assemble the verdict on a published number: test every mode, then word the explanation.

    ``holds(m)`` says whether the claim holds when the figures were rounded by ``m``, and
    ``accepted_for(m)`` gives the true values the published figure then allows (usually
    :func:`figure_accepts`). ``shown`` is the published claim as a reader would quote it
    (``"44%"``, ``"15 a day"``); ``lead`` the start of the explanation, saying what was
    computed; ``tail`` is added when the claim does not hold; ``places`` is the precision
    ``computed`` is rounded to (by default the figure's own).
    """
    holds_under = holding_modes(holds)
    consistent = mode in holds_under
    exact_value = Fraction(computed) if isinstance(computed, int) else computed
    rounded = rounded_computed(exact_value, reported.places if places is None else places, mode)
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
        sentence += f"; {shown} holds only if the figure was {modes_phrase(holds_under)}"
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
    )


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
) -> Verdict:
    """Assemble the verdict on a claim in words ("nearly doubled", "one every 10 minutes").

    The explanation is ``"<lead>, which fits <fits>."`` (or "does not fit"), unless
    ``explanation`` gives the whole sentence (when nothing could be computed). Nothing is
    rounded: ``computed_rounded`` is None.
    """
    holds_under = holding_modes(holds)
    consistent = mode in holds_under
    if explanation is None:
        explanation = f"{lead}, which {'fits' if consistent else 'does not fit'} {fits}."
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
    )


def computed_text(computed: Fraction | Interval, places: int, unit: str) -> str:
    if isinstance(computed, Interval):
        assert computed.lower is not None
        assert computed.upper is not None
        return (
            f"between {show(computed.lower, places)}{unit} and {show(computed.upper, places)}{unit}"
        )
    return f"{show(computed, places)}{unit}"


def range_text(r: range, noun: str) -> str:
    if not r:
        return f"no whole number of {noun}"
    if len(r) == 1:
        return f"{r.start:,} {noun}"
    return f"{r.start:,} to {r[-1]:,} {noun}"
