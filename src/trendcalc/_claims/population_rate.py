"""Rates per head: "0.8 per 1,000 people" against the count and the population."""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any

from trendcalc._claims.daily_rate import implied_by_rate
from trendcalc._claims.inputs import (
    CountLike,
    counts_range,
    describe_input,
    hull,
    ratio_hits,
    reported_figure,
    scaled,
)
from trendcalc._claims.qualifiers import Qualifier, check_qualifier
from trendcalc._claims.registry import (
    COUNT,
    ClaimFields,
    ClaimKind,
    StoryCheck,
    register,
    short_int,
)
from trendcalc._claims.verdict import (
    Verdict,
    computed_text,
    figure_accepts,
    figure_verdict,
    interval_ends,
)
from trendcalc._errors import TrendcalcError
from trendcalc._limits import MAX_COUNT, brief
from trendcalc._validate import Mode, check_int, check_mode

__all__ = ["check_population_rate"]


def check_population_rate(
    count: CountLike,
    population: CountLike,
    reported: str | int,
    *,
    per: int = 1000,
    mode: Mode = "half_up",
    qualifier: Qualifier = "exact",
) -> Verdict:
    """Check a published rate per ``per`` people against the count and the population.

    Parameters
    ----------
    count : int, str or Figure
        The count (text read by :func:`parse_count`).
    population : int, str or Figure
        The population; a rounded one such as ``"6.7 million"`` stands for every
        population that rounds to it.
    reported : str or int
        The published rate, such as ``"0.8"``.
    per : int, default 1000
        The base of the rate.
    mode, qualifier : str
        As in :func:`check_total`.

    Returns
    -------
    Verdict
        ``implied`` holds the counts the published rate allows when the population is
        exact.

    See Also
    --------
    Verdict : what it returns, with the explanation.
    check_total, check_change, check_daily_rate, check_ratio, check_frequency : the other kinds of claim.
    check_story : checks every claim of a story file at once.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.check_population_rate(58, 751_200, "0.08").consistent
    True
    >>> tc.check_population_rate(3903, "56.3 million", "6.9", per=100_000).explanation
    '3,903 among 56.3 million (56,250,000 to 56,349,999) people is between 6.926 per 100,000 and 6.939 per 100,000, which allows the published 6.9 per 100,000.'
    """
    mode = check_mode(mode)
    qualifier = check_qualifier(qualifier)
    per = check_int(per, name="per", minimum=1)
    if per > MAX_COUNT:
        raise TrendcalcError(f"per must be at most {MAX_COUNT:,} (got {short_int(per)})")
    figure = reported_figure(reported)
    unit = f" per {per:,}"

    accepted_for = figure_accepts(figure, qualifier)

    def holds(m: Mode) -> bool:
        c = counts_range(count, "count", m)[0]
        pop = counts_range(population, "population", m)[0]
        return ratio_hits(c, pop, scaled(accepted_for(m), Fraction(1, per)))

    counts, c_fig = counts_range(count, "count", mode)
    pops, p_fig = counts_range(population, "population", mode)
    if not range(max(pops.start, 1), pops.stop):
        raise TrendcalcError(f"population must be positive (got {brief(p_fig.text)})")
    pos = range(max(pops.start, 1), pops.stop)
    computed = hull(Fraction(counts.start * per, pos[-1]), Fraction(counts[-1] * per, pos.start))
    implied, tail = implied_by_rate(  # the counts it allows, when the population is known
        accepted_for(mode),
        Fraction(pos.start, per) if len(pos) == 1 else None,
        figure,
        qualifier,
        unit,
    )
    lead = (
        f"{describe_input(c_fig, counts)} among {describe_input(p_fig, pops)} people is "
        f"{computed_text(computed, figure.places, unit, bounds=interval_ends(accepted_for(mode)))}"
    )
    return figure_verdict(
        claim="population_rate",
        reported=figure,
        shown=f"{figure.text}{unit}",
        qualifier=qualifier,
        mode=mode,
        holds=holds,
        accepted_for=accepted_for,
        computed=computed,
        lead=lead,
        unit=unit,
        implied=implied,
        tail=tail,
    )


def _read_options(fields: ClaimFields) -> Mapping[str, Any]:
    """``per`` (default 1000) and ``population`` (here, or on the count)."""
    per = 1000
    population = None
    raw_per = fields.raw.get("per", 1000)
    if isinstance(raw_per, bool) or not isinstance(raw_per, int) or not 1 <= raw_per <= MAX_COUNT:
        shown = short_int(raw_per) if isinstance(raw_per, int) else repr(raw_per)
        fields.problem(
            "per", f"must be a whole number from 1 to {MAX_COUNT:,} such as 1000 (got {shown})"
        )
    else:
        per = raw_per
    name = fields.inputs.get("count")
    if "population" in fields.raw:
        population = fields.figure("population")
        if population is not None and population.value == 0:
            fields.problem("population", "must be positive (got 0)")
            population = None
    elif isinstance(name, str) and name in fields.counts and fields.counts[name].population is None:
        fields.problem("population", f"missing; give population = ... here or in counts.{name}")
    return {"per": per, "population": population}


def _from_story(check: StoryCheck) -> Verdict:
    c = check.count("count")
    population = check.claim.population or c.population
    assert population is not None
    return check_population_rate(
        c.count,
        population,
        check.claim.figure,
        per=check.claim.per,
        qualifier=check.qualifier,
        mode=check.mode,
    )


KIND = register(
    ClaimKind(
        name="population_rate",
        function=check_population_rate,
        inputs=(COUNT,),
        check=_from_story,
        options=("population", "per"),
        read_options=_read_options,
        legacy_fields=True,
        inputs_doc='``count = "a"``; ``per = 1000`` (the default); ``population`` here or '
        "on the count",
        figure_doc='the rate, ``"62"``',
    )
)
