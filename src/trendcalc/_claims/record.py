"""Records: "the highest since records began in 2002/03", "the highest for seven years",
"the biggest rise in six years", checked against a series."""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any, Literal

import attrs

from trendcalc._claims.inputs import CountLike
from trendcalc._claims.registry import (
    ClaimFields,
    ClaimKind,
    StoryCheck,
    Unchecked,
    register,
    words_read_when_checked,
)
from trendcalc._claims.standing import (
    Bounds,
    Direction,
    bounds_of,
    change_bounds,
    check_choice,
    check_words,
    describe,
    read_series,
    uncertain,
)
from trendcalc._claims.verdict import Verdict, holding_modes
from trendcalc._claims.words import NUMBER, number_word
from trendcalc._errors import TrendcalcError
from trendcalc._limits import MAX_SERIES_LENGTH, brief
from trendcalc._periods import Period, as_period
from trendcalc._rounding import Interval
from trendcalc._series import CountSeries
from trendcalc._validate import Mode, check_int, check_mode

__all__ = ["check_record", "periods_a_year", "read_record_words"]

RecordBy = Literal["count", "change", "percent_change"]
_BYS = ("count", "change", "percent_change")
_HIGH = r"highest|most|biggest|largest|greatest|record high"
_LOW = r"lowest|fewest|smallest|least|record low"
_UP = r"rises?|increases?|jumps?|growth"
_DOWN = r"drops?|falls?|decreases?|declines?|reductions?"
_PERIODS_A_YEAR = {"month": 12, "quarter": 4, "financial_quarter": 4, "calendar_year": 1,
                   "financial_year": 1, "year_ending": 1}  # fmt: skip


def periods_a_year(period: Period) -> int:
    """How many periods of this kind make a year (12 for months); raise for a ``range``."""
    if period.kind not in _PERIODS_A_YEAR:
        raise TrendcalcError(
            f"years cannot be counted in periods such as {period.label!r}; give since = "
            "the period instead"
        )
    return _PERIODS_A_YEAR[period.kind]


def read_record_words(claim: object, qualifier: object = None) -> dict[str, Any]:
    """Read a record in words into the fields of :func:`check_record`.

    Examples
    --------
    >>> from trendcalc._claims.record import read_record_words
    >>> read_record_words("the highest since records began in 2002/03")
    {'direction': 'highest', 'records_began': '2002/03'}
    >>> read_record_words("the biggest rise in six years")
    {'direction': 'highest', 'by': 'change', 'movement': 'rise', 'years': 6}
    >>> read_record_words("lowest on record")
    {'direction': 'lowest', 'records_began': True}
    """
    text = check_words(claim)
    if qualifier not in (None, "exact"):
        raise TrendcalcError(f"a record claim takes no qualifier (got {brief(qualifier)})")
    original = " ".join(str(claim).split())
    spec: dict[str, Any] = {}
    big = re.search(rf"\b({_HIGH})\b", text)
    small = re.search(rf"\b({_LOW})\b", text)
    up = re.search(rf"\b({_UP})\b", text)
    down = re.search(rf"\b({_DOWN})\b", text)
    if big or small:
        spec["direction"] = "highest" if bool(big) == bool(up or not down) else "lowest"
    if up or down:
        spec["by"] = "percent_change" if re.search(r"percent|per cent|%", text) else "change"
        spec["movement"] = "rise" if up else "fall"
    if m := re.search(r"since records began(?: in (?P<p>.+?))?[.,;]?$", original, re.I):
        spec["records_began"] = m["p"].strip() if m["p"] else True
    elif re.search(r"\bon record\b|\bever recorded\b|\bsince records began\b", text):
        spec["records_began"] = True
    elif m := re.search(r"\bsince (?P<p>.+?)[.,;]?$", original, re.I):
        spec["since"] = re.sub(r"^the\s+", "", m["p"].strip(), flags=re.I)
    elif m := re.search(
        rf"\b(?:for|in|over) (?:(?:the|a) )?(?:(?:last|past) )?(?P<n>{NUMBER}) years?\b", text
    ):
        spec["years"] = int(number_word(m["n"], str(claim)).value)
    elif re.search(r"\b(?:for|in) a decade\b", text):
        spec["years"] = 10
    if "direction" not in spec or not ({"since", "years", "records_began"} & set(spec)):
        raise TrendcalcError(
            f"claim {claim!r} is not a record trendcalc reads: use e.g. 'the highest since "
            "2009/10', 'the highest for seven years', 'the lowest on record', 'the biggest "
            "rise in six years', or give direction and since, years or records_began"
        )
    order = ("direction", "by", "movement", "since", "years", "records_began")
    return {key: spec[key] for key in order if key in spec}


@attrs.frozen
class _Spec:
    direction: Direction
    by: RecordBy
    since: Period | None
    years: int | None
    records_began: Period | bool | None
    movement: str | None
    said: str


def _spec(claim: str | None, fields: Mapping[str, Any], fy: int) -> _Spec:
    if claim is not None:  # text, even where the options say all the words would
        check_words(claim)
    given = {k: v for k, v in fields.items() if v is not None}
    words: dict[str, Any] = {}
    if claim is not None:
        try:
            words = read_record_words(claim)
        except TrendcalcError:
            if "direction" not in given or not ({"since", "years", "records_began"} & set(given)):
                raise
    for key, value in words.items():
        if key in given and not _same(given[key], value, fy):
            raise TrendcalcError(
                f"claim {claim!r} says {key} {value!r} but {key}={given[key]!r}; give one of them"
            )
    merged = {**words, **given}
    reach = [k for k in ("since", "years", "records_began") if k in merged]
    if len(reach) != 1:
        raise TrendcalcError(
            "give one of since (a period), years (a number) or records_began (a period, or "
            f"true for the whole series) (got {', '.join(reach) or 'none'})"
        )
    direction = check_choice(merged.get("direction", "highest"), "direction", ("highest", "lowest"))
    by = check_choice(merged.get("by", "count"), "by", _BYS)
    since = (
        None
        if "since" not in merged
        else as_period(merged["since"], name="since", fy_start_month=fy)
    )
    years = None if "years" not in merged else check_int(merged["years"], name="years", minimum=1)
    began = merged.get("records_began")
    if began is not None and began is not True:
        if began is False:
            raise TrendcalcError("records_began must be a period or true (got false)")
        began = as_period(began, name="records_began", fy_start_month=fy)
    said = claim.strip() if claim is not None else f"the {direction} {by.replace('_', ' ')}"
    return _Spec(direction, by, since, years, began, words.get("movement"), said)  # type: ignore[arg-type]


def _same(given: object, said: object, fy: int) -> bool:
    """Whether an option says what the words say: the same text, or the same period."""
    if str(given) == str(said):
        return True
    label = _period_text(given, fy)
    return label is not None and label == _period_text(said, fy)


def _period_text(value: object, fy: int) -> str | None:
    try:
        return as_period(value, fy_start_month=fy).label
    except TrendcalcError:
        return None


def offset(periods: tuple[Period, ...], period: Period, name: str) -> int:
    """The index of ``period`` in ``periods``, negative for one before the series."""
    first = periods[0]
    if (period.kind, period.fy_start_month) != (first.kind, first.fy_start_month):
        raise TrendcalcError(
            f"{name} {period.label!r} is not a period of the series, which runs in "
            f"periods such as {first.label!r}"
        )
    if period in periods:
        return periods.index(period)
    if period > periods[-1]:
        raise TrendcalcError(
            f"{name} {period.label!r} is after the series, which ends in {periods[-1].label!r}"
        )
    step, p = 0, first
    while p > period:
        step -= 1
        p = p.previous()
        if -step > MAX_SERIES_LENGTH:
            raise TrendcalcError(f"{name} {period.label!r} is too long before the series")
    if p != period:
        raise TrendcalcError(f"{name} {period.label!r} does not line up with the series periods")
    return step


def _bounds(
    counts: tuple[CountLike | None, ...], mode: Mode, labels: list[str]
) -> list[Bounds | None]:
    return [bounds_of(c, f"series[{labels[i]!r}]", mode) for i, c in enumerate(counts)]


def _values(bounds: list[Bounds | None], by: RecordBy, labels: list[str]) -> list[Bounds | None]:
    """The least and greatest each value (count or change) of the counts' ``bounds`` can
    be, for the words; None where it is missing, or is a percentage change that may have
    none."""
    if by == "count":
        return bounds
    return [None] + [
        None
        if _undefined(bounds, i, by)
        else change_bounds(bounds[i - 1], bounds[i], by == "percent_change", labels[i])
        for i in range(1, len(bounds))
    ]


def _undefined(counts: list[Bounds | None], k: int, by: RecordBy) -> bool:
    """Whether the value at ``k`` is a percentage change that may have no percentage:
    its earlier count may be 0, or is missing (and so may be 0)."""
    before = counts[k - 1]
    return by == "percent_change" and (before is None or before[0] == 0)


def _no_percentage(counts: list[Bounds | None], k: int, labels: list[str]) -> str:
    before = counts[k - 1]
    if before is None:
        return f"{labels[k]} may have no percentage change: {labels[k - 1]} is missing"
    zero = "is 0" if before[1] == 0 else "may be zero"
    return f"{labels[k]} has no percentage change: its earlier count {zero}"


def _missing(counts: list[Bounds | None], k: int, by: RecordBy, labels: list[str]) -> str:
    """The missing counts behind the value at ``k``: "2011 is missing" (for the change
    in 2012, the count of 2011 or 2012), "2011 and 2012 are missing"."""
    gone = [labels[j] for j in ((k,) if by == "count" else (k - 1, k)) if counts[j] is None]
    return f"{' and '.join(gone)} {'is' if len(gone) == 1 else 'are'} missing"


def _spread(
    counts: list[Bounds | None], t: int, i: int | None, by: RecordBy
) -> tuple[Fraction | None, Fraction | None] | None:
    """The least and greatest ``value(t) - value(i)`` (``value(t)`` alone for ``i`` None),
    over every whole count each rounded or missing count can be, taken together.

    A value is a count, a change or a percentage change of ``counts``; a count shared by
    both values (``i = t - 1``) is one count, not two. A missing count is some count of 0
    or more, so an end can be unbounded: None. The difference grows or shrinks steadily
    with each count, so its least and greatest lie where each count is at one end of
    what it can be. The whole is None when a missing count is the base of a percentage
    change, or a count that may be 0 is (the change may then have no percentage at all).
    """
    effect: dict[int, int] = {}  # +1 where the difference grows with the count, -1 shrinks
    for k, sign in ((t, 1), (i, -1)):
        if k is None:
            continue
        effect[k] = sign
        if by != "count":  # the count before is the one subtracted, or the base
            effect[k - 1] = -sign  # (k - 1 is never t, and i = t - 1 agrees: -1 both times)
            if _undefined(counts, k, by):
                return None

    def value(at: dict[int, Fraction], k: int) -> Fraction:
        if by == "count":
            return at[k]
        if by == "change":
            return at[k] - at[k - 1]
        return 100 * at[k] / at[k - 1] - 100

    def end(greatest: bool) -> Fraction | None:
        at: dict[int, Fraction] = {}
        for k, sign in effect.items():
            up = (sign > 0) == greatest
            bounds = counts[k]
            if bounds is None:
                if up:
                    return None  # the missing count can be as large as you like
                at[k] = Fraction(0)
            else:
                at[k] = bounds[1] if up else bounds[0]
        return value(at, t) - (value(at, i) if i is not None else 0)

    return end(False), end(True)


def _matched(
    counts: list[Bounds | None], i: int, t: int, direction: Direction, by: RecordBy
) -> bool | None:
    """Whether the value at ``i`` equals or beats the value at ``t`` (so that is no record)
    whatever the missing and rounded counts are (True), whatever they are not (False), or
    depending on them (None). A missing count is some count of 0 or more: a missing count
    ties or beats a highest of 0, and a 0 ties or beats a missing lowest."""
    spread = _spread(counts, t, i, by)  # of value(t) - value(i)
    if spread is None:
        return None
    least, greatest = spread
    if direction == "highest":  # beaten when value(t) - value(i) <= 0
        if greatest is not None and greatest <= 0:
            return True
        if least is not None and least > 0:
            return False
    else:  # beaten when value(t) - value(i) >= 0
        if least is not None and least >= 0:
            return True
        if greatest is not None and greatest < 0:
            return False
    return None


def _moved(counts: list[Bounds | None], t: int, by: RecordBy, movement: str) -> bool | None:
    """Whether the change at ``t`` is a rise (or a fall): None when the counts leave it open."""
    spread = _spread(counts, t, None, by)
    if spread is None:
        return None
    least, greatest = spread
    if movement == "fall":  # a fall is a rise of the change turned round
        least, greatest = (
            None if greatest is None else -greatest,
            None if least is None else -least,
        )
    if least is not None and least > 0:
        return True
    if greatest is not None and greatest <= 0:
        return False
    return None


def check_record(
    series: Mapping[Period | str, CountLike | None] | CountSeries,
    claim: str | None = None,
    *,
    period: Period | str | None = None,
    direction: Direction | None = None,
    by: RecordBy | None = None,
    since: Period | str | None = None,
    years: int | None = None,
    records_began: Period | str | bool | None = None,
    label: str = "",
    mode: Mode = "half_up",
) -> Verdict:
    """Check a record: "the highest since 2009/10", "the lowest for seven years".

    A value is the highest since a period when every value after that period, up to
    the one claimed, is lower: an equal value breaks a record. The verdict says how far
    back the record really goes, which may be further than claimed.

    Parameters
    ----------
    series : CountSeries, or mapping of period (or label) to count or None
        The counts, one per period; a period left out, or None, is missing (never zero).
        A rounded count (``"6.7 million"``) stands for every count that rounds to it.
    claim : str, optional
        The words of the story, read when they are clear: ``"the highest since 2009/10"``,
        ``"the highest for seven years"``, ``"the highest since records began in
        2002/03"``, ``"the lowest on record"``, ``"the biggest rise in six years"``.
        Fields given below must agree with the words.
    period : Period or str, optional
        The period claimed to set the record (default: the last of the series).
    direction : {"highest", "lowest"}, optional
        Default ``"highest"``.
    by : {"count", "change", "percent_change"}, optional
        What sets the record: the count (default), or the change from the period before
        ("the biggest rise", which must also be a rise).
    since : Period or str, optional
        "The highest since 2009/10": every value after ``since`` is lower.
    years : int, optional
        "The highest for seven years": every value in the years between is lower (the
        period ``years`` years back is not compared).
    records_began : Period, str or True, optional
        "The highest since records began in 2002/03": every value from that period on is
        lower; True for every period of the series ("on record").
    label : str, optional
        What the series counts, for the words ("Knife crime").
    mode : str, default "half_up"
        How rounded counts were rounded.

    Returns
    -------
    Verdict
        ``computed`` is how many periods back the record goes (None when it is the
        record of the whole series; an Interval when a missing or rounded count leaves
        it open); ``accepted`` the reach the claim needs.

    Raises
    ------
    TrendcalcError
        If fields are missing, disagree with the words, or name periods outside the series.
    UndefinedResultError
        If the verdict turns on a missing count, counts before the series starts, or
        counts rounded too coarsely to tell which is higher ("cannot check ..."), or a
        percentage change in reach may have no percentage (its earlier count may be 0).
        A missing count is some count of 0 or more, taken once in both changes it
        enters: a claim that holds for every such count is judged to hold.

    See Also
    --------
    check_streak : rises or falls several periods running.
    check_rank : where a group stands among others.

    Examples
    --------
    >>> import trendcalc as tc
    >>> knives = {"2009/10": 47500, "2010/11": 42100, "2011/12": 37900, "2012/13": 31200,
    ...           "2013/14": 33100, "2014/15": 34200, "2015/16": 41200, "2016/17": 45500}
    >>> v = tc.check_record(knives, "the highest for seven years", label="Knife crime")
    >>> v.consistent, v.computed
    (True, 7)
    >>> v.explanation
    "Knife crime in 2016/17 (45,500) is the highest since 2009/10 (47,500), 7 years earlier, which fits 'the highest for seven years'."
    >>> tc.check_record(knives, "the highest since records began in 2009/10").explanation
    "2016/17 (45,500) is the highest since 2009/10 (47,500), 7 years earlier, which does not fit 'the highest since records began in 2009/10'."
    >>> tc.check_record(knives, "the biggest rise in six years", period="2015/16").explanation
    "The change in 2015/16 (+7,000) is the biggest rise on record (since 2010/11, the first change in the series), which fits 'the biggest rise in six years'."
    """
    mode = check_mode(mode)
    periods, counts = read_series(series)
    fy = periods[0].fy_start_month or 4
    spec = _spec(
        claim,
        {"direction": direction, "by": by, "since": since, "years": years,
         "records_began": records_began},
        fy,
    )  # fmt: skip
    t = (
        len(periods) - 1
        if period is None
        else offset(periods, as_period(period, name="period", fy_start_month=fy), "period")
    )
    if t < 0:
        raise TrendcalcError(f"period must be in the series, which starts in {periods[0].label!r}")
    labels = [p.label for p in periods]
    first = 0 if spec.by == "count" else 1
    if spec.since is not None:
        start = offset(periods, spec.since, "since") + 1
    elif spec.years is not None:
        start = t - spec.years * periods_a_year(periods[t]) + 1
    elif spec.records_began is True:
        start = first
    else:
        assert isinstance(spec.records_began, Period)
        start = offset(periods, spec.records_began, "records_began") + (
            first if spec.by != "count" else 0
        )
    if start > t:
        raise TrendcalcError(f"the record must reach back before {labels[t]!r}")
    if t < first:
        raise TrendcalcError(f"{labels[t]!r} is the first period, so it has no change")

    def judge(m: Mode) -> tuple[bool | None, list[str]]:
        bounds = _bounds(counts, m, labels)
        plain = _values(bounds, spec.by, labels)
        mine = plain[t]
        if _undefined(bounds, t, spec.by):
            return None, [_no_percentage(bounds, t, labels)]
        reasons = []
        for i in range(start, t):
            if i < first:
                reasons.append(
                    f"the series starts in {labels[0]}, and the claim needs counts back to "
                    f"{periods[0].shift(start - first).label}"
                )
                continue
            beaten = _matched(bounds, i, t, spec.direction, spec.by)
            if beaten is True:
                return False, []
            if beaten is None:
                reasons.append(
                    _missing(bounds, t, spec.by, labels)
                    if mine is None
                    else _no_percentage(bounds, i, labels)
                    if _undefined(bounds, i, spec.by)
                    else _missing(bounds, i, spec.by, labels)
                    if plain[i] is None
                    else f"{labels[i]} is too close to tell"
                )
        if spec.movement is not None:
            moved = _moved(bounds, t, spec.by, spec.movement)
            if moved is False:
                return False, []
            if moved is None:
                reasons.append(f"it may or may not be a {spec.movement}")
        return (None if reasons else True), reasons

    result, reasons = judge(mode)
    if result is None:
        raise uncertain(spec.said, list(dict.fromkeys(reasons)))
    holds_under = holding_modes(lambda m: judge(m)[0] is True)
    count_bounds = _bounds(counts, mode, labels)
    raw_values = _values(count_bounds, spec.by, labels)
    signed = spec.by != "count"
    unit = "%" if spec.by == "percent_change" else ""
    mine_text = describe(raw_values[t], unit, signed=signed)
    if spec.by == "count":
        subject = f"{label + ' in ' if label else ''}{labels[t]} ({mine_text})"
    else:
        subject = (
            f"{'The change in ' + label if label else 'The change'} in {labels[t]} ({mine_text})"
        )
        subject = (
            subject.replace("The change in " + label + " in", "The change in " + label + ", in")
            if label
            else subject
        )
    best: str = spec.direction
    if spec.by != "count":
        if spec.direction == "highest" and _moved(count_bounds, t, spec.by, "rise"):
            best = "biggest percentage rise" if unit else "biggest rise"
        elif spec.direction == "lowest" and _moved(count_bounds, t, spec.by, "fall"):
            best = "biggest percentage fall" if unit else "biggest fall"
    # how far back the record goes: up to the nearest earlier value that ties or beats it;
    # values that may or may not do so leave the reach a range
    mine_missing = raw_values[t] is None
    open_at: int | None = None  # the nearest earlier value that may tie or beat it
    beaten_at: int | None = None  # the nearest that certainly does
    what = "count" if spec.by == "count" else "change"
    for i in range(t - 1, first - 1, -1):
        beaten = _matched(count_bounds, i, t, spec.direction, spec.by)
        if beaten is True:
            beaten_at = i
            break
        if beaten is None and open_at is None:
            open_at = i
    computed: int | Interval | None
    if mine_missing and result and start == t:  # the claim compares it with nothing
        computed = Interval(1, None if beaten_at is None else t - beaten_at)
        found = f"compared by the claim with no earlier {what}, so it holds whatever it is"
    elif mine_missing and not result and beaten_at is not None:  # beaten whatever it is
        computed = Interval(1, t - beaten_at)
        if spec.by == "count":
            found = f"not the {best}: no count is below the 0 in {labels[beaten_at]}"
        else:
            found = (
                f"not the {best}: the change in {labels[beaten_at]} "
                f"({describe(raw_values[beaten_at], unit, signed=signed)}) ties or beats it "
                "whatever the missing count is"
            )
    elif open_at is None and beaten_at is None:
        computed = None
        whence = f"since {labels[first]}, the first {'change' if first else 'period'} in the series"
        found = f"the {best} on record ({whence})"
    elif open_at is None:
        assert beaten_at is not None
        computed = t - beaten_at
        if raw_values[beaten_at] is not None:
            then = describe(raw_values[beaten_at], unit, signed=signed)
        elif spec.by == "count":
            then = "missing, but no count is below 0"
        else:
            then = "missing, but it ties or beats it whatever the missing count is"
        span = _span_words(computed, periods[t])
        found = f"the {best} since {labels[beaten_at]} ({then}), {span} earlier"
    else:
        computed = Interval(t - open_at, None if beaten_at is None else t - beaten_at)
        why = (
            _missing(count_bounds, t, spec.by, labels)
            if mine_missing
            else _no_percentage(count_bounds, open_at, labels)
            if _undefined(count_bounds, open_at, spec.by)
            else _missing(count_bounds, open_at, spec.by, labels)
            if raw_values[open_at] is None
            else f"{labels[open_at]} is too close to tell"
        )
        found = f"the {best} since {labels[open_at]} or earlier ({why})"
        if beaten_at is not None:
            found += (
                f", back to {labels[beaten_at]} at most "
                f"({describe(raw_values[beaten_at], unit, signed=signed)})"
            )
    consistent = mode in holds_under
    movement_note = ""
    if (
        spec.movement is not None
        and spec.by != "count"
        and _moved(count_bounds, t, spec.by, spec.movement) is False
    ):
        movement_note = f", and is not a {spec.movement}"
    explanation = (
        f"{subject[0].upper()}{subject[1:]} is {found}{movement_note}, which "
        f"{'fits' if consistent else 'does not fit'} "
        + (f"'{spec.said}'." if claim is not None else f"{spec.said}.")
    )
    needed = t - start + 1
    return Verdict(
        claim="record",
        reported=spec.said,
        qualifier="exact",
        mode=mode,
        consistent=consistent,
        holds_under=holds_under,
        computed=computed,
        computed_rounded=None,
        accepted=Interval(needed, None),
        explanation=explanation,
        unit="",
    )


def period_noun(period: Period) -> str:
    """What one of these periods is called: year, quarter, month, or period."""
    try:
        per_year = periods_a_year(period)
    except TrendcalcError:
        return "period"
    return {1: "year", 4: "quarter", 12: "month"}[per_year]


def _span_words(steps: int, period: Period) -> str:
    return f"{steps} {period_noun(period)}{'s' if steps != 1 else ''}"


_FIELDS = ("series", "period", "by", "direction", "since", "years", "records_began")


def read_series_options(fields: ClaimFields, keys: tuple[str, ...]) -> dict[str, Any]:
    """The ``series`` a claim names (checked) and its other ``keys`` as given."""
    raw = fields.raw
    options: dict[str, Any] = {}
    name = raw.get("series")
    if not isinstance(name, str) or name not in fields.series:
        known = ", ".join(sorted(fields.series)) or "none"
        fields.problem(
            "series",
            f"must name a [series.NAME] block of the story (got {brief(name)}); the series are: {known}",
        )
        return options
    options["series"] = name
    for key in keys:
        if key in raw:
            options[key] = raw[key]
    series = fields.series[name]
    if "period" in options:
        try:
            p = as_period(
                options["period"],
                name="period",
                fy_start_month=series.periods[0].fy_start_month or 4,
            )
            if p not in series.periods:
                fields.problem(
                    "period",
                    f"{p.label!r} is not in the series {name!r}, which runs from {series.periods[0].label!r} to {series.periods[-1].label!r}",
                )
            options["period"] = p.label
        except TrendcalcError as e:
            fields.problem("period", str(e))
    return options


def _read_options(fields: ClaimFields) -> dict[str, Any]:
    if fields.raw.get("qualifier", "exact") != "exact":
        fields.problem(
            "qualifier", f"a record claim takes no qualifier (got {fields.raw['qualifier']!r})"
        )
    options = read_series_options(fields, _FIELDS[1:])
    if "series" not in options:
        return options
    series = fields.series[options["series"]]
    figure = fields.raw.get("figure")
    try:
        _spec(
            figure if isinstance(figure, str) else None,
            {k: options.get(k) for k in ("direction", "by", "since", "years", "records_began")},
            series.periods[0].fy_start_month or 4,
        )
    except TrendcalcError as e:
        fields.words_problem(e, _FIELDS)
    return options


def _from_story(check: StoryCheck) -> Verdict | Unchecked:
    series = check.series_named()
    o = check.claim.options
    try:
        return check_record(
            dict(zip(series.periods, series.counts, strict=True)),
            check.claim.figure,
            period=o.get("period"),
            direction=o.get("direction"),
            by=o.get("by"),
            since=o.get("since"),
            years=o.get("years"),
            records_began=o.get("records_began"),
            label=series.label,
            mode=check.mode,
        )
    except TrendcalcError as e:
        return Unchecked.because(e)


def _computed_cell(result: Any) -> str:
    v = result.verdict
    if v is None:
        return "-"
    if v.computed is None:
        return "on record"
    if isinstance(v.computed, Interval):
        low, high = v.computed.lower, v.computed.upper
        return f"{low} or more periods back" if high is None else f"{low} to {high} periods back"
    return f"{v.computed} periods back"


KIND = register(
    ClaimKind(
        name="record",
        function=check_record,
        inputs=(),
        check=_from_story,
        read_words=words_read_when_checked,
        options=_FIELDS,
        read_options=_read_options,
        computed_cell=_computed_cell,
        inputs_doc='``series = "s"``; optional ``period``, ``by``, ``direction``, and '
        "one of ``since``, ``years``, ``records_began``",
        figure_doc='words such as ``"the highest for seven years"``',
        figure_example='"the highest since 2009/10"',
    )
)
