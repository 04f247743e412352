"""Rate changes: "the murder rate rose 5.2%", from 380.8 to 387.8 per 100,000."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

from trendcalc._claims.inputs import (
    CountLike,
    counts_range,
    fall_with_qualifier,
    overlaps,
    percent_text,
    percent_to_ratio,
    read_change_figure,
)
from trendcalc._claims.qualifiers import Qualifier, Reading, check_qualifier, check_reading
from trendcalc._claims.registry import (
    UNKNOWN,
    ClaimFields,
    ClaimKind,
    StoryCheck,
    register,
)
from trendcalc._claims.verdict import (
    Verdict,
    computed_text,
    figure_readers,
    figure_verdict,
    judge,
    show,
)
from trendcalc._errors import TrendcalcError
from trendcalc._figures import Figure, parse_figure
from trendcalc._limits import brief
from trendcalc._periods import Period, as_period
from trendcalc._rounding import Interval
from trendcalc._validate import Mode, check_int, check_mode

__all__ = ["check_rate_change", "rate_change_verdict", "read_rate_change"]


def read_rate_change(text: object) -> Figure:
    """The percentage change a claim publishes: ``"5.2%"``, ``"-3%"``, ``"up 5.2%"``.

    A verb of falling (``"down 3%"``, ``"fell by 3 per cent"``) makes the figure negative.
    """
    return read_change_figure(text)


def _read_figure(reported: object, qualifier: Qualifier | None) -> Figure:
    """The published change, refusing a qualifier on a fall in words: the readings bound
    the signed figure, where a reporter's "down more than 10%" bounds the fall's size."""
    figure = read_rate_change(reported)
    if qualifier is not None and fall_with_qualifier(figure, qualifier):
        raise TrendcalcError(
            f"a qualifier on a fall in words ({qualifier!r} with {figure.text!r}) is not read "
            "for a rate change; give the fall as a signed figure, such as "
            f"{percent_text(figure.text)!r}, whose qualifier bounds the signed change"
        )
    return figure


def _rate_interval(value: CountLike, name: str, mode: Mode) -> tuple[Interval, Figure]:
    """A rate as printed: every value that rounds to it (a rate is always rounded)."""
    if isinstance(value, Figure):
        figure = value
    else:
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise TrendcalcError(
                f"{name} must be a rate as printed, such as '380.8' (got {brief(value)})"
            )
        try:
            figure = parse_figure(value)
        except TrendcalcError as e:
            raise TrendcalcError(str(e).replace("figure must", f"{name} must", 1)) from None
    if figure.value < 0 or figure.percent:
        raise TrendcalcError(f"{name} must be a rate such as '380.8' (got {brief(figure.text)})")
    return figure.interval(mode), figure


def _ratio(after: Interval, before: Interval) -> Interval:
    """Every ``a / b`` for ``a`` in ``after`` and ``b`` in ``before`` (both positive)."""
    assert after.lower is not None
    assert after.upper is not None
    assert before.lower is not None
    assert before.upper is not None
    lower = after.lower / before.upper
    lower_closed = after.lower_closed and before.upper_closed
    if before.lower > 0:
        upper: Fraction | None = after.upper / before.lower
        upper_closed = after.upper_closed and before.lower_closed
    else:
        upper, upper_closed = None, False
    return Interval(lower, upper, lower_closed, upper_closed)


def _count_interval(value: CountLike, name: str, mode: Mode) -> tuple[Interval, str]:
    counts, figure = counts_range(value, name, mode)
    text = f"{counts.start:,}" if counts.stop - counts.start == 1 else f"{figure.text}"
    return Interval(counts.start, counts[-1]), text


def check_rate_change(
    before: CountLike,
    after: CountLike,
    reported: str | int,
    *,
    populations: Sequence[CountLike] | None = None,
    periods: Sequence[Period | str] | None = None,
    per: int = 100_000,
    mode: Mode = "half_up",
    qualifier: Qualifier = "exact",
    reading: Reading = "strict",
) -> Verdict:
    """Check a published change between two rates: a murder rate "up 5.2%".

    The rates are given directly, as printed with their decimals (``"380.8"``), and each
    stands for every value that rounds to it; or they are computed exactly from counts
    and the populations (per ``per`` people) or periods (per day) they are rates of.

    Parameters
    ----------
    before, after : int, str or Figure
        The earlier and later rates as printed (``"380.8"``, ``"387.8"``); or, with
        ``populations`` or ``periods``, the counts (read by :func:`parse_count`).
    reported : str or int
        The published percentage change of the rate: ``"5.2%"``, ``"-3%"``, ``"up
        5.2%"``, ``"fell by 3 per cent"``.
    populations : pair of int, str or Figure, optional
        The populations of the two counts, for rates per ``per`` people.
    periods : pair of Period or str, optional
        The periods of the two counts, for rates per day (their exact days are used).
    per : int, default 100000
        The base of the rates per head, used in the words only (it cancels in the change).
    mode : str, default "half_up"
        How the published figures (and the rates, when given directly) were rounded.
    qualifier : str, default "exact"
        The word in front of the figure (see :func:`check_total`).
    reading : {"strict", "editorial"}, default "strict"
        See the Qualifiers page: the editorial reading lets "about" and "nearly" allow 10%.

    Returns
    -------
    Verdict
        ``computed`` is the exact percentage change of the rate, an Interval when the
        rates are rounded.

    Raises
    ------
    TrendcalcError
        If a rate, count, population or period cannot be read, both ``populations`` and
        ``periods`` are given, or the earlier rate is zero.

    See Also
    --------
    check_change : the change between two counts.
    check_population_rate : one rate against its count and population.

    Examples
    --------
    >>> import trendcalc as tc
    >>> v = tc.check_rate_change("380.8", "387.8", "5.2%")
    >>> v.consistent
    False
    >>> v.explanation
    'From 380.8 (380.75 to 380.85) to 387.8 (387.75 to 387.85) per 100,000 is a change of between 1.812% and 1.865%, which rounds to 1.8% to 1.9%, not the published 5.2%; 5.2% from 380.8 needs a later rate of between 400.359 and 400.845.'
    >>> tc.check_rate_change(3_903, 5_653, "44%", populations=[751_200, 758_000]).explanation
    'From 3,903 among 751,200 (519.57 per 100,000) to 5,653 among 758,000 (745.78 per 100,000) is a change of 43.54%, which rounds to 44%, as published.'
    >>> tc.check_rate_change(3_903, 3_903, "0.27%", periods=["2015/16", "2016/17"]).consistent
    True
    """
    return rate_change_verdict(
        before, after, reported, populations=populations, periods=periods, per=per,
        mode=mode, qualifier=qualifier, reading=reading,
    )  # fmt: skip


def rate_change_verdict(
    before: CountLike,
    after: CountLike,
    reported: str | int,
    *,
    populations: Sequence[CountLike] | None = None,
    periods: Sequence[Period | str] | None = None,
    per: int = 100_000,
    mode: Mode = "half_up",
    qualifier: Qualifier = "exact",
    reading: Reading = "strict",
    claim: str = "rate_change",
    per_words: bool = True,
) -> Verdict:
    """:func:`check_rate_change`, also for :func:`check_change` of decimal figures.

    ``claim`` names the kind in the verdict; without ``per_words`` rates given directly
    are not said to be "per 100,000".
    """
    mode = check_mode(mode)
    qualifier = check_qualifier(qualifier)
    reading = check_reading(reading)
    per = check_int(per, name="per", minimum=1)
    figure = _read_figure(reported, qualifier)
    shown = percent_text(figure.text)
    if populations is not None and periods is not None:
        raise TrendcalcError(
            "give populations (rates per head) or periods (rates per day), not both"
        )
    bases = populations if populations is not None else periods
    if bases is not None and (
        isinstance(bases, str) or not isinstance(bases, Sequence) or len(bases) != 2
    ):
        raise TrendcalcError(
            f"{'populations' if populations is not None else 'periods'} must be a pair, one "
            f"for each count (got {brief(bases)})"
        )

    def rates(m: Mode) -> tuple[Interval, Interval, str]:
        if populations is not None:
            b, b_text = _count_interval(before, "before", m)
            a, a_text = _count_interval(after, "after", m)
            pb, pb_text = _count_interval(populations[0], "populations[0]", m)
            pa, pa_text = _count_interval(populations[1], "populations[1]", m)
            if pb.lower == 0 or pa.lower == 0:
                raise TrendcalcError("populations must be positive")
            rb = _scale(_ratio(b, pb), Fraction(per))
            ra = _scale(_ratio(a, pa), Fraction(per))
            words = (
                f"From {b_text} among {pb_text} ({_rate_text(rb)} per {per:,}) to {a_text} "
                f"among {pa_text} ({_rate_text(ra)} per {per:,})"
            )
            return rb, ra, words
        if periods is not None:
            b, b_text = _count_interval(before, "before", m)
            a, a_text = _count_interval(after, "after", m)
            p0 = as_period(periods[0], name="periods[0]")
            p1 = as_period(periods[1], name="periods[1]")
            rb = _scale(b, Fraction(1, p0.days))
            ra = _scale(a, Fraction(1, p1.days))
            words = (
                f"From {b_text} in {p0.label} ({p0.days} days, {_rate_text(rb)} a day) to "
                f"{a_text} in {p1.label} ({p1.days} days, {_rate_text(ra)} a day)"
            )
            return rb, ra, words
        rb, fb = _rate_interval(before, "before", m)
        ra, fa = _rate_interval(after, "after", m)
        words = (
            f"From {fb.text} ({_rate_text(rb, fb.places + 1)}) to {fa.text} "
            f"({_rate_text(ra, fa.places + 1)})" + (f" per {per:,}" if per_words else "")
        )
        return rb, ra, words

    def hits(m: Mode, accepted: Interval) -> bool:
        rb, ra, _ = rates(m)
        if rb.upper is not None and rb.upper <= 0:
            return False
        return overlaps(_ratio(ra, rb), percent_to_ratio(accepted))

    readers = figure_readers(figure.value, figure.places, qualifier, shown)
    judged = judge(readers, hits, reading, mode)
    rb, ra, lead = rates(mode)
    if rb.upper is not None and rb.upper <= 0:
        raise TrendcalcError("the earlier rate is zero, so no percentage change can be published")
    ratio = _ratio(ra, rb)
    if ratio.upper is None:  # the earlier rate may be zero: the change has no upper bound
        raise TrendcalcError(
            "the earlier rate may be zero (as published it allows 0), so the percentage "
            "change has no upper bound and cannot be checked; give the counts behind the rates"
        )
    assert ratio.lower is not None
    low, high = 100 * ratio.lower - 100, 100 * ratio.upper - 100
    computed: Fraction | Interval = low if low == high else Interval(low, high)
    lead += f" is a change of {computed_text(computed, figure.places, '%')}"
    tail = ""
    accepted = percent_to_ratio(judged.accepted_for(mode))
    if (
        populations is None
        and periods is None
        and accepted.lower is not None
        and accepted.upper is not None
    ):
        assert rb.lower is not None
        assert rb.upper is not None
        needs = Interval(rb.lower * accepted.lower, rb.upper * accepted.upper)
        fb = _rate_interval(before, "before", mode)[1]
        fa = _rate_interval(after, "after", mode)[1]
        tail = (
            f"; {shown} from {fb.text} needs a later rate of {computed_text(needs, fa.places, '')}"
        )
    return figure_verdict(
        claim=claim,
        reported=figure,
        shown=shown,
        qualifier=qualifier,
        mode=mode,
        holds=judged.holds,
        accepted_for=judged.accepted_for,
        computed=computed,
        lead=lead,
        unit="%",
        tail=tail,
        judged=judged,
    )


def _scale(interval: Interval, factor: Fraction) -> Interval:
    def move(x: Fraction | None) -> Fraction | None:
        return None if x is None else x * factor

    return Interval(
        move(interval.lower), move(interval.upper), interval.lower_closed, interval.upper_closed
    )


def _rate_text(rate: Interval, places: int = 2) -> str:
    assert rate.lower is not None
    assert rate.upper is not None
    if rate.lower == rate.upper:
        return computed_text(rate.lower, places - 2, "")
    return f"{show(rate.lower, places - 2)} to {show(rate.upper, places - 2)}"


def _read_options(fields: ClaimFields) -> Mapping[str, Any]:
    """``rates = ["380.8", "387.8"]`` as printed, or ``from``/``to`` counts with a ``basis``."""
    raw = fields.raw
    raw_per = raw.get("per", 100_000)
    per = 100_000
    if isinstance(raw_per, bool) or not isinstance(raw_per, int) or raw_per < 1:
        fields.problem(
            "per", f"must be a positive whole number such as 100000 (got {brief(raw_per)})"
        )
    else:
        per = raw_per
    if "rates" in raw:
        rates = raw["rates"]
        for key in ("from", "to", "basis"):
            if key in raw:
                fields.problem(key, "give rates = [...] or from/to counts, not both")
        if (
            not isinstance(rates, list)
            or len(rates) != 2
            or not all(isinstance(r, str | int) and not isinstance(r, bool) for r in rates)
        ):
            fields.problem(
                "rates",
                f'must be the two rates as printed, e.g. ["380.8", "387.8"] (got {brief(rates)})',
            )
            return {}
        texts = tuple(str(r) for r in rates)
        for i, text in enumerate(texts):
            try:
                _rate_interval(text, "rate", "half_up")
            except TrendcalcError as e:
                fields.problem(f"rates[{i}]", str(e).replace("rate must", "must", 1))
        return {"rates": texts, "per": per}
    names: dict[str, str] = {}
    for key in ("from", "to"):
        name = raw.get(key)
        if name is None:
            fields.problem(
                key,
                'missing; a rate_change claim needs rates = ["380.8", "387.8"], or from and '
                "to naming counts",
            )
        elif not isinstance(name, str) or name not in fields.counts or name == UNKNOWN:
            known = ", ".join(sorted(fields.counts)) or "none"
            fields.problem(key, f"no count is named {name!r}; the counts are: {known}")
        else:
            names[key] = name
    basis = raw.get("basis", "population")
    if basis not in ("population", "day"):
        fields.problem(
            "basis",
            "must be 'population' (rates per head from the counts' populations) or 'day' "
            f"(rates per day over the counts' periods) (got {brief(basis)})",
        )
    elif basis == "population":
        for key, name in names.items():
            if fields.counts[name].population is None:
                fields.problem(key, f"counts.{name} needs a population for basis = 'population'")
    return {"names": names, "basis": basis, "per": per}


def _from_story(check: StoryCheck) -> Verdict:
    options = check.claim.options
    per = options.get("per", 100_000)
    common: dict[str, Any] = {
        "mode": check.mode, "qualifier": check.qualifier, "reading": check.reading
    }  # fmt: skip
    if "rates" in options:
        before, after = options["rates"]
        return check_rate_change(before, after, check.claim.figure, per=per, **common)
    b = check.counts[options["names"]["from"]]
    a = check.counts[options["names"]["to"]]
    if options["basis"] == "day":
        return check_rate_change(
            b.count, a.count, check.claim.figure, periods=[b.period, a.period], **common
        )
    assert b.population is not None
    assert a.population is not None
    return check_rate_change(
        b.count, a.count, check.claim.figure, populations=[b.population, a.population],
        per=per, **common,
    )  # fmt: skip


KIND = register(
    ClaimKind(
        name="rate_change",
        function=check_rate_change,
        inputs=(),
        check=_from_story,
        options=("rates", "from", "to", "per", "basis"),
        read_options=_read_options,
        readings=True,
        compares=True,
        read_words=_read_figure,
        inputs_doc='``rates = ["380.8", "387.8"]`` as printed; or ``from = "a"``, ``to = '
        '"b"`` with ``basis = "population"`` (the default: the counts\' populations, '
        '``per = 100000``) or ``basis = "day"``',
        figure_doc='the change of the rate, ``"5.2%"``, ``"-3%"``',
    )
)
