"""Streaks: "fell for the third year running", "an 18th consecutive year of rises"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from fractions import Fraction
from typing import Any, Literal

import attrs

from trendcalc._claims.inputs import CountLike
from trendcalc._claims.qualifiers import check_qualifier
from trendcalc._claims.record import period_noun, read_series_options
from trendcalc._claims.registry import (
    ClaimFields,
    ClaimKind,
    StoryCheck,
    Unchecked,
    register,
    words_read_when_checked,
)
from trendcalc._claims.standing import (
    ORDINAL_WORDS,
    Bounds,
    bounds_of,
    check_choice,
    check_words,
    count_above,
    describe,
    read_series,
    uncertain,
)
from trendcalc._claims.verdict import Verdict, holding_modes
from trendcalc._claims.words import NUMBER, number_word, split_qualifier
from trendcalc._errors import TrendcalcError
from trendcalc._limits import brief
from trendcalc._periods import Period, as_period
from trendcalc._rounding import Interval
from trendcalc._series import CountSeries
from trendcalc._validate import Mode, check_int, check_mode
from trendcalc._words import QUALIFIER_WORDS

__all__ = ["Streak", "check_streak", "read_streak_words", "streak_length"]

Movement = Literal["rise", "fall"]
StreakQualifier = Literal["exact", "at least", "more than"]
_QUALIFIERS = ("exact", "at least", "more than")
_UP = r"rose|rise|rises|risen|rising|up|increased|increase|increases|increasing|grew|grown|climbed"
_DOWN = (
    r"fell|fall|falls|fallen|falling|down|decreased|decrease|decreases|decreasing|dropped|"
    r"drop|drops|declined|decline|declines"
)
_ORDINAL = r"(?:" + "|".join(ORDINAL_WORDS) + r"|\d+(?:st|nd|rd|th))"
_UNIT = r"(?P<unit>year|annual|quarter|month|period)"
_RUNNING = r"(?:(?:consecutive|successive|straight) )?"
_COUNTED = rf"(?P<n>{NUMBER}) {_RUNNING}{_UNIT}s?\b"  # "five years", "3 consecutive quarters"
# a qualifier that lets a longer streak fit ("at least", "no fewer than", "over"...), in
# front of the streak's length: "for over five years", not "rose over 5,000 for ..."
_LONGER = re.compile(
    r"\b(?P<q>"
    + "|".join(
        sorted((w for w, q in QUALIFIER_WORDS.items() if q in _QUALIFIERS), key=len, reverse=True)
    )
    + rf")\s+(?={_COUNTED})"
)


def read_streak_words(claim: object, qualifier: object = None) -> dict[str, Any]:
    """Read a streak in words into the fields of :func:`check_streak`.

    Examples
    --------
    >>> from trendcalc._claims.streak import read_streak_words
    >>> read_streak_words("fell for the third year running")
    {'direction': 'fall', 'length': 3, 'unit': 'year', 'qualifier': 'exact'}
    >>> read_streak_words("an 18th consecutive year")
    {'length': 18, 'unit': 'year', 'qualifier': 'exact'}
    >>> read_streak_words("rose for at least five years in a row")
    {'direction': 'rise', 'length': 5, 'unit': 'year', 'qualifier': 'at least'}
    """
    check_words(claim)
    q, text = split_qualifier(str(claim), None if qualifier in (None, "exact") else qualifier)  # type: ignore[arg-type]
    if m := _LONGER.search(text):
        found = QUALIFIER_WORDS[m["q"]]
        if q not in ("exact", found):
            raise TrendcalcError(f"claim {claim!r} says {found!r} but qualifier={q!r}")
        q = found
        text = text[: m.start()] + text[m.end() :]
    spec: dict[str, Any] = {}
    up = re.search(rf"\b(?:{_UP})\b", text)
    down = re.search(rf"\b(?:{_DOWN})\b", text)
    if up and not down:
        spec["direction"] = "rise"
    elif down and not up:
        spec["direction"] = "fall"
    if m := re.search(rf"\b(?P<o>{_ORDINAL}) {_RUNNING}{_UNIT}", text):
        o = m["o"]
        spec["length"] = ORDINAL_WORDS[o] if o in ORDINAL_WORDS else int(o[:-2])
        unit = m["unit"]
    elif m := re.search(rf"\b{_COUNTED}", text):
        spec["length"] = int(number_word(m["n"], str(claim)).value)
        unit = m["unit"]
    if "length" not in spec:
        raise TrendcalcError(
            f"claim {claim!r} is not a streak trendcalc reads: use e.g. 'fell for the third "
            "year running', 'rose for five years in a row', 'an 18th consecutive year of "
            "falls', or give length and direction"
        )
    if unit != "period":
        spec["unit"] = "year" if unit == "annual" else unit
    spec["qualifier"] = q
    return spec


@attrs.frozen
class Streak:
    """How many periods running a series moved one way, up to a period.

    ``length`` periods certainly moved that way; ``known`` says whether the period before
    the streak is known to break it (False when the series starts, a count is missing, or
    counts are too coarsely rounded to tell: the streak may then be longer). ``reason``
    says why it is not known. ``possible`` holds, when it is not known, every length the
    streak can have whatever the missing or rounded counts are, and whether it can run
    back to the start of the series.
    """

    length: int
    known: bool
    reason: str = ""
    start: int = 0  # index of the first period of the streak's counts
    possible: tuple[frozenset[int], bool] | None = None  # see _lengths; None when known


def streak_length(
    values: list[Bounds | None], t: int, direction: Movement, labels: list[str]
) -> Streak:
    """The streak of ``direction`` ending at index ``t`` (values as least/greatest bounds)."""
    k, i = 0, t
    while i - 1 >= 0:
        a, b = values[i - 1], values[i]
        moved = count_above(b, a) if direction == "rise" else count_above(a, b)
        if moved is True:
            k, i = k + 1, i - 1
            continue
        if moved is False:
            return Streak(k, True, start=i)
        possible = _lengths(values, t, direction)
        lengths, to_start = possible
        reach = 0 if to_start else t - max(lengths | {k})  # the earliest period that matters
        missing = [labels[j] for j in range(reach, t + 1) if values[j] is None]
        if not missing:
            reason = f"{labels[i - 1]} and {labels[i]} are too close to tell which is higher"
        elif len(missing) == 1:
            reason = f"{missing[0]} is missing"
        else:
            reason = f"{', '.join(missing[:-1])} and {missing[-1]} are missing"
        return Streak(k, False, reason, start=i, possible=possible)
    return Streak(k, False, f"the series starts in {labels[0]}", start=0)


def _range(value: Bounds | None) -> tuple[Fraction, Fraction | None]:
    """The counts a value stands for; a missing one is any count of 0 or more."""
    return (Fraction(0), None) if value is None else value


def _lengths(
    values: list[Bounds | None], t: int, direction: Movement
) -> tuple[frozenset[int], bool]:
    """Every length the streak ending at ``t`` can have, over every whole count that each
    value stands for (a missing one: any count of 0 or more), and whether it can run back
    to the series' start (and so perhaps be longer still).

    Walking back, ``lo``/``hi`` bound the counts the run's earliest period can have (a
    fall needs the period before above the least of them, a rise below the greatest;
    ``hi`` None is unbounded); the run can stop there when the period before can fail to
    move into one of them.
    """
    lo, hi = _range(values[t])
    found: set[int] = set()
    for k, i in enumerate(range(t, 0, -1)):
        plo, phi = _range(values[i - 1])
        if direction == "fall":  # the run stops when v[i - 1] <= v[i]
            if hi is None or plo <= hi:
                found.add(k)
            plo = max(plo, lo + 1)
        else:  # a rise stops when v[i - 1] >= v[i]
            if phi is None or phi >= lo:
                found.add(k)
            if hi is not None:
                phi = hi - 1 if phi is None else min(phi, hi - 1)
        if phi is not None and phi < plo:
            return frozenset(found), False
        lo, hi = plo, phi
    return frozenset(found), True


@attrs.frozen
class _Spec:
    direction: Movement
    length: int
    qualifier: StreakQualifier
    said: str
    unit: str | None = None  # "year", "quarter" or "month" when the words say


def _spec(claim: str | None, fields: Mapping[str, Any]) -> _Spec:
    if claim is not None:  # text, even where the options say all the words would
        check_words(claim)
    given = {
        k: v for k, v in fields.items() if v is not None and not (k == "qualifier" and v == "exact")
    }
    words: dict[str, Any] = {}
    if claim is not None:
        try:
            words = read_streak_words(claim, given.get("qualifier"))
        except TrendcalcError:
            if "length" not in given:
                raise
    for key, value in words.items():
        if key in given and given[key] != value:
            raise TrendcalcError(
                f"claim {claim!r} says {key} {value!r} but {key}={given[key]!r}; give one of them"
            )
    merged = {**words, **given}
    if "direction" not in merged:
        raise TrendcalcError(
            "say whether the series rose or fell: direction = 'rise' or 'fall' (the words "
            f"{claim!r} do not say)"
        )
    direction = check_choice(merged["direction"], "direction", ("rise", "fall"))
    length = check_int(merged.get("length"), name="length", minimum=1)
    q = check_qualifier(merged.get("qualifier", "exact"))
    if q not in _QUALIFIERS:
        raise TrendcalcError(
            f"a streak claim takes qualifier 'exact', 'at least' or 'more than' (got {brief(q)})"
        )
    said = (
        claim.strip()
        if claim is not None
        else f"{'rose' if direction == 'rise' else 'fell'} for "
        f"{'' if q == 'exact' else q + ' '}{length} period{'s' if length != 1 else ''} running"
    )
    return _Spec(direction, length, q, said, words.get("unit"))  # type: ignore[arg-type]


def _lengths_text(
    s: Streak, t: int, direction: Movement, label: str, noun: str, period: str
) -> str:
    """The lengths a streak that is not known can have, in words."""
    moves = "rises" if direction == "rise" else "falls"
    return (
        f"the streak of {moves}{' in ' + label if label else ''} to {period} can be "
        f"{_options(s, t)} {noun}s, as {s.reason}"
    )


def _options(s: Streak, t: int) -> str:
    """The lengths a streak that is not known can have: "0, 1 or 2", "1, or 3 or more"
    (a streak back to the series' start is ``t`` long, or longer)."""
    assert s.possible is not None
    lengths, to_start = s.possible
    finite = [str(n) for n in sorted(lengths)]
    if to_start:
        return ", ".join([*finite, f"or {t} or more"]) if finite else f"{t} or more"
    return finite[0] if len(finite) == 1 else f"{', '.join(finite[:-1])} or {finite[-1]}"


def _longest(s: Streak) -> int | None:
    """The longest a streak that is not known can be (None: past the series' start)."""
    if s.possible is None or s.possible[1]:
        return None
    return max(s.possible[0])


def _holds(spec: _Spec, s: Streak) -> bool | None:
    """Whether the claim holds for every length the streak can have; None when it holds
    for some and not others."""
    low = spec.length + (1 if spec.qualifier == "more than" else 0)

    def fits(length: int, or_longer: bool) -> bool | None:
        if spec.qualifier == "exact":
            if or_longer:
                return False if length > spec.length else None
            return length == spec.length
        if length >= low:
            return True
        return None if or_longer else False

    if s.known:
        return fits(s.length, False)
    lengths, to_start = s.possible if s.possible is not None else (frozenset(), True)
    outcomes = {fits(n, False) for n in lengths}
    if to_start:
        outcomes.add(fits(s.start + s.length, True))  # every move from the first period
    return outcomes.pop() if len(outcomes) == 1 else None


def check_streak(
    series: Mapping[Period | str, CountLike | None] | CountSeries,
    claim: str | None = None,
    *,
    period: Period | str | None = None,
    direction: Movement | None = None,
    length: int | None = None,
    qualifier: StreakQualifier = "exact",
    label: str = "",
    mode: Mode = "half_up",
) -> Verdict:
    """Check a streak: "fell for the third year running", "an 18th consecutive year".

    The streak is the number of periods running, up to ``period``, in which the count
    rose (or fell) from the period before; an unchanged count breaks it. "The third year
    running" claims a streak of exactly three; with ``qualifier="at least"`` (or the
    words "at least") a longer one fits too.

    Parameters
    ----------
    series : CountSeries, or mapping of period (or label) to count or None
        The counts, one per period; a period left out, or None, is missing (never zero).
    claim : str, optional
        The words of the story, read when they are clear: ``"fell for the third year
        running"``, ``"rose for five years in a row"``, ``"an 18th consecutive year of
        falls"``. Fields given below must agree with the words.
    period : Period or str, optional
        The last period of the streak (default: the last of the series).
    direction : {"rise", "fall"}, optional
        Which way the series moved, when the words do not say.
    length : int, optional
        The number of periods running claimed.
    qualifier : {"exact", "at least", "more than"}, default "exact"
        Whether a longer streak fits too.
    label : str, optional
        What the series counts, for the words.
    mode : str, default "half_up"
        How rounded counts were rounded.

    Returns
    -------
    Verdict
        ``computed`` is the streak's length (an Interval with no upper end when the
        series cannot say where it began); ``accepted`` the lengths the claim allows.

    Raises
    ------
    TrendcalcError
        If fields are missing, or disagree with the words.
    UndefinedResultError
        If the verdict turns on a missing count, on counts before the series starts, or
        on counts rounded too coarsely to tell which is higher ("cannot check ...").

    See Also
    --------
    check_record : the highest (or lowest) of a series since some period.
    check_rank : where a group stands among others.

    Examples
    --------
    >>> import trendcalc as tc
    >>> thefts = {"2017/18": 5210, "2018/19": 5400, "2019/20": 5120, "2020/21": 4480,
    ...           "2021/22": 4390}
    >>> v = tc.check_streak(thefts, "fell for the third year running", label="Thefts")
    >>> v.consistent, v.computed
    (True, 3)
    >>> v.explanation
    "Thefts fell in each of the 3 years to 2021/22 (5,400 in 2018/19, then 5,120, 4,480, 4,390), after rising from 5,210 in 2017/18: a streak of 3, which fits 'fell for the third year running'."
    >>> tc.check_streak(thefts, "fell for the fourth consecutive year").consistent
    False
    >>> tc.check_streak(thefts, "fell for the second year running", period="2020/21").explanation
    "The count fell in each of the 2 years to 2020/21 (5,400 in 2018/19, then 5,120, 4,480), after rising from 5,210 in 2017/18: a streak of 2, which fits 'fell for the second year running'."
    """
    mode = check_mode(mode)
    periods, counts = read_series(series)
    fy = periods[0].fy_start_month or 4
    spec = _spec(claim, {"direction": direction, "length": length, "qualifier": qualifier})
    t = len(periods) - 1
    if period is not None:
        p = as_period(period, name="period", fy_start_month=fy)
        if p not in periods:
            raise TrendcalcError(
                f"period {p.label!r} is not in the series, which runs from "
                f"{periods[0].label!r} to {periods[-1].label!r}"
            )
        t = periods.index(p)
    labels = [p.label for p in periods]
    if spec.unit is not None and spec.unit != period_noun(periods[t]):
        raise TrendcalcError(
            f"claim {spec.said!r} counts {spec.unit}s, but the series runs in periods such as "
            f"{labels[t]!r}; check a series of {spec.unit}s, or give length and direction"
        )

    def judge(m: Mode) -> tuple[bool | None, Streak, list[Bounds | None]]:
        values = [bounds_of(c, f"series[{labels[i]!r}]", m) for i, c in enumerate(counts)]
        s = streak_length(values, t, spec.direction, labels)
        return _holds(spec, s), s, values

    result, s, values = judge(mode)
    verb = "rose" if spec.direction == "rise" else "fell"
    noun = period_noun(periods[t])
    if result is None:
        raise uncertain(
            spec.said,
            [
                _lengths_text(s, t, spec.direction, label, noun, labels[t])
                if s.possible is not None
                else f"it {verb} {s.length} time{'s' if s.length != 1 else ''} running to "
                f"{labels[t]}, but {s.reason}, so the streak may be longer"
            ],
        )
    holds_under = holding_modes(lambda m: judge(m)[0] is True)
    consistent = mode in holds_under
    who = label or "the count"
    if s.length == 0 and not s.known and s.possible is not None:  # it may not have moved
        text = _lengths_text(s, t, spec.direction, label, noun, labels[t])
    elif s.length == 0:
        before = values[t - 1] if t >= 1 else None
        other = "rose" if spec.direction == "fall" else "fell"
        how = "was unchanged" if before == values[t] else other
        if t >= 1 and (before is None or values[t] is None):  # a missing count beside a 0
            how = "no count is below 0"
        text = (
            f"{who + ' ' if who else ''}did not {'rise' if spec.direction == 'rise' else 'fall'} "
            f"in {labels[t]}: {'' if how.startswith('no ') else 'it '}{how} "
            f"({describe(before)} in {labels[t - 1]}, "
            f"{describe(values[t])} in {labels[t]})"
            if t >= 1
            else f"{labels[t]} is the first period of the series"
        )
    else:
        run = [describe(values[i]) for i in range(s.start, t + 1)]
        if len(run) > 6:
            run = [*run[:2], "...", *run[-2:]]
        when = (
            f"in {labels[t]}"
            if s.length == 1
            else f"in each of the {s.length} {noun}s to {labels[t]}"
        )
        text = (
            f"{who + ' ' if who else ''}{verb} {when} "
            f"({run[0]} in {labels[s.start]}, then {', '.join(run[1:])})"
        )
        if s.known and values[s.start - 1] is None:  # a rise cannot end a run from a 0
            text += (
                f", after a count missing in {labels[s.start - 1]} that cannot be below the "
                f"0 in {labels[s.start]}"
            )
        elif s.known:
            prev, first = values[s.start - 1], values[s.start]
            how = (
                "unchanged at"
                if prev == first
                else ("falling from" if spec.direction == "rise" else "rising from")
            )
            text += f", after {how} {describe(prev)} in {labels[s.start - 1]}"
        elif s.possible is not None:
            text += f" (the streak can be {_options(s, t)} {noun}s, as {s.reason})"
        else:
            text += f" (and perhaps longer: {s.reason})"
        text += f": a streak of {s.length}" if s.known or s.possible is None else ""
    text = text[0].upper() + text[1:]
    explanation = f"{text}, which {'fits' if consistent else 'does not fit'} " + (
        f"'{spec.said}'." if claim is not None else f"{spec.said}."
    )
    accepted = {
        "exact": Interval(spec.length, spec.length),
        "at least": Interval(spec.length, None),
        "more than": Interval(spec.length, None, lower_closed=False),
    }[spec.qualifier]
    return Verdict(
        claim="streak",
        reported=spec.said,
        qualifier=spec.qualifier,
        mode=mode,
        consistent=consistent,
        holds_under=holds_under,
        computed=s.length if s.known else Interval(s.length, _longest(s)),
        computed_rounded=None,
        accepted=accepted,
        explanation=explanation,
        unit="",
    )


_FIELDS = ("series", "period", "direction", "length")


def _read_options(fields: ClaimFields) -> dict[str, Any]:
    options = read_series_options(fields, _FIELDS[1:])
    figure = fields.raw.get("figure")
    qualifier = fields.raw.get("qualifier", "exact")
    try:
        _spec(
            figure if isinstance(figure, str) else None,
            {"direction": options.get("direction"), "length": options.get("length"),
             "qualifier": qualifier},
        )  # fmt: skip
    except TrendcalcError as e:
        fields.words_problem(e, (*_FIELDS, "qualifier"))
    return options


def _from_story(check: StoryCheck) -> Verdict | Unchecked:
    series = check.series_named()
    o = check.claim.options
    try:
        return check_streak(
            dict(zip(series.periods, series.counts, strict=True)),
            check.claim.figure,
            period=o.get("period"),
            direction=o.get("direction"),
            length=o.get("length"),
            qualifier=check.claim.qualifier,  # type: ignore[arg-type]
            label=series.label,
            mode=check.mode,
        )
    except TrendcalcError as e:
        return Unchecked.because(e)


def _computed_cell(result: Any) -> str:
    v = result.verdict
    if v is None:
        return "-"
    if isinstance(v.computed, Interval):
        return f"{v.computed.lower} or more"
    return f"{v.computed} running"


KIND = register(
    ClaimKind(
        name="streak",
        function=check_streak,
        inputs=(),
        check=_from_story,
        read_words=words_read_when_checked,
        options=_FIELDS,
        read_options=_read_options,
        computed_cell=_computed_cell,
        inputs_doc='``series = "s"``; optional ``period``, ``direction``, ``length``',
        figure_doc='words such as ``"fell for the third year running"``',
        figure_example='"fell for the third year running"',
    )
)
