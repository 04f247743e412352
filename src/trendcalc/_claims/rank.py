"""Ranks: "the highest of any force", "second only to City of London", "among the three
highest rates", "the biggest drop of the 43 forces", checked against every group."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from trendcalc._claims.inputs import CountLike, check_noun
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
    By,
    Direction,
    above,
    bounds_of,
    change_bounds,
    check_choice,
    check_words,
    describe,
    ordinal,
    orient,
    rate_bounds,
    uncertain,
)
from trendcalc._claims.verdict import Verdict, holding_modes
from trendcalc._claims.words import NUMBER, number_word
from trendcalc._errors import TrendcalcError, UndefinedResultError
from trendcalc._limits import brief
from trendcalc._rounding import Interval
from trendcalc._validate import Mode, check_int, check_mode

__all__ = ["check_rank", "read_rank_words"]

_BYS = ("count", "rate", "change", "percent_change")
_DIRECTIONS = ("highest", "lowest")
_HIGH = r"highest|most|biggest|largest|greatest"
_LOW = r"lowest|fewest|smallest|least"
_UP = r"rises?|increases?|jumps?|rose|growth"
_DOWN = r"drops?|falls?|fell|decreases?|declines?|reductions?|cuts?"
_ORDINAL = r"(?:" + "|".join(ORDINAL_WORDS) + r"|\d+(?:st|nd|rd|th))"


def _ordinal_value(word: str) -> int:
    return ORDINAL_WORDS[word] if word in ORDINAL_WORDS else int(word[:-2])


def read_rank_words(claim: object, qualifier: object = None) -> dict[str, Any]:
    """Read a rank in words into the fields of :func:`check_rank`.

    Returns the fields the words settle: ``position``, ``among``, ``direction``,
    ``by``, ``behind`` and ``out_of``.

    Examples
    --------
    >>> from trendcalc._claims.rank import read_rank_words
    >>> read_rank_words("the biggest drop of the 43 forces")
    {'position': 1, 'direction': 'lowest', 'by': 'change', 'movement': 'fall', 'out_of': 43}
    >>> read_rank_words("among the three highest rates")
    {'among': 3, 'direction': 'highest', 'by': 'rate'}
    >>> read_rank_words("second only to City of London")
    {'position': 2, 'behind': ('City of London',), 'direction': 'highest'}
    """
    text = check_words(claim)
    if qualifier not in (None, "exact"):
        raise TrendcalcError(f"a rank claim takes no qualifier (got {brief(qualifier)})")
    spec: dict[str, Any] = {}
    original = " ".join(str(claim).replace("-", " ").split())
    if m := re.search(r"\b(?:(?:second|2nd) only to|behind only) (?P<x>.+)$", original, re.I):
        name = re.sub(r"\s+(?:of|in|among|across)\s+(?:the|all|any|england)\b.*$", "", m["x"])
        spec["position"] = 2
        spec["behind"] = (name.strip(" ,.'\""),)
        text = text[: m.start()] + text[m.end() :]
    elif m := re.search(
        rf"\b(?:among|one of|in) the (?:(?P<tb>top|bottom) )?(?P<n>{NUMBER})\b", text
    ):
        spec["among"] = int(number_word(m["n"], str(claim)).value)
        if m["tb"]:
            spec["direction"] = "highest" if m["tb"] == "top" else "lowest"
        text = text[: m.start()] + text[m.end() :]
    elif m := re.search(rf"\b(?P<o>{_ORDINAL}) (?:{_HIGH}|{_LOW})\b", text):
        spec["position"] = _ordinal_value(m["o"])
    if m := re.search(rf"\b(?:out )?of (?:the |all )?(?P<n>{NUMBER}) [a-z]", text):
        spec["out_of"] = int(number_word(m["n"], str(claim)).value)
        text = text[: m.start()] + text[m.end() - 1 :]
    big = re.search(rf"\b({_HIGH})\b", text)
    small = re.search(rf"\b({_LOW})\b", text)
    up = re.search(rf"\b({_UP})\b", text)
    down = re.search(rf"\b({_DOWN})\b", text)
    if big or small:
        if up or down:
            spec["direction"] = "highest" if bool(big) == bool(up) else "lowest"
        else:
            spec["direction"] = "highest" if big else "lowest"
    elif "behind" in spec:
        spec["direction"] = "highest"
    if up or down:
        spec["movement"] = "rise" if up else "fall"
        spec["by"] = "percent_change" if re.search(r"percent|per cent|%", text) else "change"
    elif re.search(r"\brates?\b", text):
        spec["by"] = "rate"
    if (
        "position" not in spec
        and "among" not in spec
        and re.search(rf"\bthe (?:{_HIGH}|{_LOW})\b", text)
    ):
        spec["position"] = 1
    if "position" not in spec and "among" not in spec:
        raise TrendcalcError(
            f"claim {claim!r} is not a rank trendcalc reads: use e.g. 'the highest', 'second "
            "highest', 'second only to Kent', 'among the three highest rates', 'the biggest "
            "drop of the 43 forces', or give position = ... or among = ..."
        )
    order = ("position", "among", "behind", "direction", "by", "movement", "out_of")
    return {key: spec[key] for key in order if key in spec}


@attrs.frozen
class _Spec:
    position: int | None
    among: int | None
    behind: tuple[str, ...] | None
    direction: Direction
    by: By
    out_of: int | None
    said: str
    movement: str | None = None  # "rise" or "fall", when the words say so


def _spec(claim: str | None, fields: Mapping[str, Any]) -> _Spec:
    if claim is not None:  # text, even where the options say all the words would
        check_words(claim)
    given = {k: v for k, v in fields.items() if v is not None}
    words: dict[str, Any] = {}
    if claim is not None:
        try:
            words = read_rank_words(claim)
        except TrendcalcError:
            if "position" not in given and "among" not in given and "behind" not in given:
                raise
    for key, value in words.items():
        if (
            key in given
            and given[key] != value
            and not (key == "behind" and _same(value, given[key]))
        ):
            raise TrendcalcError(
                f"claim {claim!r} says {key} {value!r} but {key}={given[key]!r}; give one of them"
            )
    said_place, given_place = _place(words), _place(given)
    if said_place is not None and given_place is not None and said_place != given_place:
        raise TrendcalcError(
            f"claim {claim!r} says {said_place[0]} {said_place[1]} but the fields say "
            f"{given_place[0]}={given_place[1]}; give one of them"
        )
    if given_place is not None:
        # the fields say where the group stands; the words only add what they leave open
        words = {k: v for k, v in words.items() if k not in ("position", "among", "behind")}
    merged = {**words, **given}
    behind = merged.get("behind")
    if behind is not None:
        if isinstance(behind, str) or not isinstance(behind, Sequence) or not behind:
            raise TrendcalcError(f"behind must be a list of group names (got {brief(behind)})")
        behind = tuple(str(b) for b in behind)
        merged.setdefault("position", len(behind) + 1)
        if merged["position"] != len(behind) + 1:
            raise TrendcalcError(
                f"behind names {len(behind)} groups, so the position is {len(behind) + 1} "
                f"(got position={merged['position']!r})"
            )
    position = merged.get("position")
    among = merged.get("among")
    if (position is None) == (among is None):
        raise TrendcalcError(
            "give either position (1 for the highest, 2 for second, ...) or among (3 for "
            f"'among the three highest'), not {'both' if position is not None else 'neither'}"
        )
    if position is not None:
        position = check_int(position, name="position", minimum=1)
    if among is not None:
        among = check_int(among, name="among", minimum=1)
    out_of = merged.get("out_of")
    if out_of is not None:
        out_of = check_int(out_of, name="out_of", minimum=1)
    direction = check_choice(merged.get("direction", "highest"), "direction", _DIRECTIONS)
    by = check_choice(merged.get("by", "count"), "by", _BYS)
    if claim is None:
        place = f"{ordinal(position)}" if position is not None else f"among the top {among}"
        said = f"{place} {direction} by {by.replace('_', ' ')}"
    else:
        said = claim.strip()
    movement = words.get("movement")
    return _Spec(position, among, behind, direction, by, out_of, said, movement)  # type: ignore[arg-type]


def _place(fields: Mapping[str, Any]) -> tuple[str, object] | None:
    """Where the fields (or words) put the group: ("among", 3) or ("position", 2)."""
    if "among" in fields:
        return "among", fields["among"]
    behind = fields.get("behind")
    if isinstance(behind, Sequence) and not isinstance(behind, str):
        return "position", len(behind) + 1
    if "position" in fields:
        return "position", fields["position"]
    return None


def _same(a: Sequence[str], b: object) -> bool:
    if isinstance(b, str) or not isinstance(b, Sequence):
        return False
    return [x.casefold() for x in a] == [str(x).casefold() for x in b]


#: The least and greatest a value can be; None at an end that is unbounded (a missing
#: count is some count of 0 or more, with no upper limit).
Spread = tuple[Fraction | None, Fraction | None]


def _values(
    counts: Mapping[str, CountLike | None],
    by: By,
    populations: Mapping[str, CountLike] | None,
    earlier: Mapping[str, CountLike | None] | None,
    per: int,
    mode: Mode,
) -> tuple[dict[str, Bounds | None], dict[str, Spread | None]]:
    """Each group's value (count, rate or change), for the words (None when it is
    missing), and what it can be, for comparing. A percentage change from a count that
    may be 0 (a missing one included) does not exist: the claim cannot be checked."""
    values: dict[str, Bounds | None] = {}
    spreads: dict[str, Spread | None] = {}
    for group, value in counts.items():
        count = bounds_of(value, f"counts[{group!r}]", mode)
        least: Spread = (Fraction(0), None) if count is None else count
        if by == "rate":
            assert populations is not None
            if group not in populations:
                raise TrendcalcError(
                    f"populations must give every group for by='rate' (no population for {group!r})"
                )
            pop = bounds_of(populations[group], f"populations[{group!r}]", mode)
            if pop is None or pop[0] == 0:
                raise TrendcalcError(f"populations[{group!r}] must be positive")
            values[group] = None if count is None else rate_bounds(count, pop, per)
            spreads[group] = values[group] or (Fraction(0), None)
        elif by in ("change", "percent_change"):
            assert earlier is not None
            if group not in earlier:
                raise TrendcalcError(
                    f"earlier must give every group for by={by!r} (no earlier count for {group!r})"
                )
            before = bounds_of(earlier[group], f"earlier[{group!r}]", mode)
            if by == "percent_change" and before is None:  # as a base that may be 0
                raise UndefinedResultError(
                    f"{group} may have no percentage change: its earlier count is missing"
                )
            values[group] = change_bounds(before, count, by == "percent_change", group)
            if values[group] is not None:
                spreads[group] = values[group]
            elif by == "percent_change":  # from a known base to a missing count: -100% up
                spreads[group] = (Fraction(-100), None)
            else:  # a missing count on either side leaves that end open
                b: Spread = (Fraction(0), None) if before is None else before
                spreads[group] = (
                    None if b[1] is None or least[0] is None else least[0] - b[1],
                    None if least[1] is None or b[0] is None else least[1] - b[0],
                )
        else:
            values[group] = count
            spreads[group] = least
    return values, spreads


def _ahead(theirs: Spread | None, mine: Spread | None, direction: Direction) -> bool | None:
    """Whether ``theirs`` is strictly higher (``"highest"``) or lower than ``mine``,
    whatever each is within its spread; None when that is open."""
    if theirs is None or mine is None:
        return None
    if direction == "lowest":  # lower is better: turn both round
        theirs = (_neg(theirs[1]), _neg(theirs[0]))
        mine = (_neg(mine[1]), _neg(mine[0]))
    if theirs[0] is not None and mine[1] is not None and theirs[0] > mine[1]:
        return True
    if theirs[1] is not None and mine[0] is not None and theirs[1] <= mine[0]:
        return False
    return None


def _neg(x: Fraction | None) -> Fraction | None:
    return None if x is None else -x


@attrs.frozen
class _Standing:
    best: int
    worst: int
    ties: tuple[str, ...]
    ahead: tuple[str, ...]  # groups certainly ahead
    open_: tuple[str, ...]  # groups whose order against the group is open
    may_tie: tuple[str, ...] = ()  # groups never ahead that may equal it (a missing count)


def _standing(
    values: Mapping[str, Bounds | None],
    spreads: Mapping[str, Spread | None],
    group: str,
    direction: Direction,
) -> _Standing:
    """Where ``group`` stands: the groups certainly ahead of it, and those that may be.

    A missing count is some count of 0 or more: it is never below a count of 0, so it is
    never ahead of a lowest of 0, and a change from or to it is open at one end only.
    """
    ahead, open_, ties, may_tie = [], [], [], []
    mine = values[group]
    for other, value in values.items():
        if other == group:
            continue
        is_above = _ahead(spreads[other], spreads[group], direction)
        if is_above is True:
            ahead.append(other)
        elif is_above is None:
            open_.append(other)
        elif mine is not None and value == mine and mine[0] == mine[1]:
            ties.append(other)
        elif mine is not None and mine[0] == mine[1] and _within(mine[0], spreads[other]):
            may_tie.append(other)
    best = 1 + len(ahead)
    return _Standing(
        best, best + len(open_), tuple(ties), tuple(ahead), tuple(open_), tuple(may_tie)
    )


def _within(x: Fraction, spread: Spread | None) -> bool:
    """Whether ``x`` is a value ``spread`` allows."""
    return (
        spread is not None
        and (spread[0] is None or spread[0] <= x)
        and (spread[1] is None or x <= spread[1])
    )


def _verdict_holds(spec: _Spec, s: _Standing) -> bool | None:
    """Whether the claim holds: None when the open comparisons decide it."""
    if spec.among is not None:
        return True if s.worst <= spec.among else False if s.best > spec.among else None
    assert spec.position is not None
    if s.best == s.worst:
        if spec.behind is not None and set(spec.behind) != set(s.ahead):
            return False
        return s.best == spec.position
    if not s.best <= spec.position <= s.worst:
        return False
    return None


def _unit(by: By, per: int) -> str:
    return {"count": "", "rate": f" per {per:,}", "change": "", "percent_change": "%"}[by]


def check_rank(
    counts: Mapping[str, CountLike | None],
    group: str,
    claim: str | None = None,
    *,
    position: int | None = None,
    among: int | None = None,
    behind: Sequence[str] | None = None,
    direction: Direction | None = None,
    by: By | None = None,
    populations: Mapping[str, CountLike] | None = None,
    earlier: Mapping[str, CountLike | None] | None = None,
    out_of: int | None = None,
    per: int = 1000,
    noun: str = "groups",
    mode: Mode = "half_up",
) -> Verdict:
    """Check where a group stands among others: "second highest", "the biggest drop".

    The groups are ranked by their counts, their rates per head, or their changes from
    ``earlier``; a group's position is one more than the number of groups strictly ahead
    of it, so groups with equal values share a position, and the verdict names them
    ("joint 2nd with Essex"). A claim of a position holds for a group sharing it.

    Parameters
    ----------
    counts : mapping of str to int, str, Figure or None
        Every group's count (``{"Kent": 410, "Essex": "600"}``); None for a count that
        is missing. A rounded count (``"6.7 million"``) stands for every count that
        rounds to it.
    group : str
        The group the claim is about.
    claim : str, optional
        The words of the story, read when they are clear: ``"the highest of any force"``,
        ``"second highest"``, ``"second only to City of London"``, ``"among the three
        highest rates"``, ``"the biggest drop of the 43 forces"``. Fields given below must
        agree with the words, and settle the claim when the words cannot be read.
    position : int, optional
        The position claimed: 1 for the highest (or lowest), 2 for second, ...
    among : int, optional
        For "among the three highest": the group is claimed to be in the top ``among``.
    behind : sequence of str, optional
        The groups claimed to be ahead ("second only to City of London":
        ``["City of London"]``); implies ``position = len(behind) + 1``.
    direction : {"highest", "lowest"}, optional
        Which end counts as first (default ``"highest"``; "the biggest drop" is the
        ``"lowest"`` change).
    by : {"count", "rate", "change", "percent_change"}, optional
        What is ranked (default ``"count"``): the counts, the rates ``count / population``
        (needs ``populations``), or the change from ``earlier`` (needs ``earlier``).
    populations : mapping of str to count, optional
        Every group's population, for ``by="rate"``.
    earlier : mapping of str to count or None, optional
        Every group's earlier count, for ``by="change"`` and ``by="percent_change"``.
    out_of : int, optional
        The number of groups the claim ranks among ("of the 43 forces"); it must be
        the number of groups given.
    per : int, default 1000
        Rates are shown per this many people (the ranking does not depend on it).
    noun : str, default "groups"
        What the groups are, for the words ("forces").
    mode : str, default "half_up"
        How rounded counts were rounded.

    Returns
    -------
    Verdict
        ``computed`` is the group's position, ``accepted`` the positions the claim
        allows, ``holds_under`` the rounding modes under which it holds.

    Raises
    ------
    TrendcalcError
        If the group is not among the counts, fields are missing or disagree with the
        words, or ``out_of`` is not the number of groups.
    UndefinedResultError
        If the verdict turns on a missing count, or on counts rounded too coarsely to
        tell which is higher ("cannot check ...").

    See Also
    --------
    check_record : the highest (or lowest) of a series since some period.
    check_streak : rises or falls several periods running.

    Examples
    --------
    >>> import trendcalc as tc
    >>> forces = {"Met": 14577, "City of London": 2210, "Kent": 2210, "Essex": 1980}
    >>> v = tc.check_rank(forces, "Kent", "second only to the Met", noun="forces")
    >>> v.consistent, v.computed
    (True, 2)
    >>> v.explanation
    "Kent (2,210) is joint 2nd highest of 4 forces by count, with City of London (2,210); ahead of it: Met (14,577); which fits 'second only to the Met'."
    >>> tc.check_rank(forces, "Essex", "the lowest of any force").consistent
    True
    >>> tc.check_rank(forces, "Essex", position=2, direction="lowest").explanation
    'Essex (1,980) is the lowest of 4 groups by count, which does not fit 2nd lowest by count.'
    """
    mode = check_mode(mode)
    noun = check_noun(noun)
    per = check_int(per, name="per", minimum=1)
    if not isinstance(counts, Mapping) or not counts:
        raise TrendcalcError(
            f"counts must be a non-empty mapping of group to count (got {type(counts).__name__})"
        )
    try:
        present = group in counts
    except TypeError:  # unhashable: a list, a dict, ...
        raise TrendcalcError(
            f"group must be a label such as 'Kent' (got {type(group).__name__} {brief(group)})"
        ) from None
    if not present:
        known = ", ".join(brief(g) for g in list(counts)[:10])
        raise TrendcalcError(f"group {brief(group)} is not among the counts, which give {known}")
    spec = _spec(
        claim,
        {"position": position, "among": among, "behind": behind, "direction": direction,
         "by": by, "out_of": out_of},
    )  # fmt: skip
    if spec.by == "rate" and populations is None:
        raise TrendcalcError("by='rate' needs populations: every group's population")
    if spec.by in ("change", "percent_change") and earlier is None:
        raise TrendcalcError(f"by={spec.by!r} needs earlier: every group's earlier count")
    if spec.out_of is not None and spec.out_of != len(counts):
        raise TrendcalcError(
            f"the claim ranks among {spec.out_of} {noun} but {len(counts)} are given; give "
            f"all {spec.out_of}"
        )
    if spec.behind is not None:
        names = {g.casefold(): g for g in counts}
        for b in spec.behind:
            if b.casefold() not in names and b.casefold().removeprefix("the ") not in names:
                raise TrendcalcError(f"behind names {b!r}, which is not among the counts")
        spec = attrs.evolve(
            spec,
            behind=tuple(
                names.get(b.casefold(), names.get(b.casefold().removeprefix("the "), b))
                for b in spec.behind
            ),
        )

    def judge(m: Mode) -> tuple[bool | None, _Standing, dict[str, Bounds | None]]:
        values, spreads = _values(counts, spec.by, populations, earlier, per, m)
        s = _standing(values, spreads, group, spec.direction)
        return _verdict_holds(spec, s), s, values

    def moved(m: Mode) -> bool | None:
        value = _values({group: counts[group]}, spec.by, populations, earlier, per, m)[0][group]
        zero = (Fraction(0), Fraction(0))
        return above(value, zero) if spec.movement == "rise" else above(zero, value)

    def holds(m: Mode) -> bool | None:
        result = judge(m)[0]
        if spec.movement is None or spec.by not in ("change", "percent_change") or result is False:
            return result
        return result if moved(m) is True else False if moved(m) is False else None

    result, s, values = judge(mode)
    result = holds(mode)
    if values[group] is None:
        whose = "count" if counts[group] is None else "earlier count"
        raise uncertain(spec.said, [f"the {whose} of {group} is missing"])
    if result is None:
        reasons = [
            f"{o} is missing"
            if values[o] is None
            else f"{o} ({describe(values[o], _unit(spec.by, per))}) is too close to tell which is higher"
            for o in s.open_
        ]
        if not reasons:
            reasons = [f"it may or may not be a {spec.movement}"]
        raise uncertain(
            spec.said, [f"{group} is {describe(values[group], _unit(spec.by, per))}", *reasons]
        )
    holds_under = holding_modes(lambda m: holds(m) is True)
    unit = _unit(spec.by, per)
    signed = spec.by in ("change", "percent_change")
    place = (
        f"the {spec.direction}"
        if s.best == 1 and not s.ties
        else f"{'joint ' if s.ties else ''}{ordinal(s.best)} {spec.direction}"
    )
    what = {
        "count": "count",
        "rate": "rate",
        "change": "change",
        "percent_change": "percentage change",
    }[spec.by]
    text = (
        f"{group} ({describe(values[group], unit, signed=signed)}) is {place} of "
        f"{len(counts)} {noun} by {what}"
    )
    if s.ties:
        text += ", with " + ", ".join(
            f"{t} ({describe(values[t], unit, signed=signed)})" for t in s.ties
        )
    if s.may_tie:  # a missing count that may equal it makes it joint
        tying = ", ".join(s.may_tie)
        joint = f"joint {ordinal(s.best) + ' ' if s.best > 1 else ''}{spec.direction}"
        text += (
            f", or {joint} if {tying} {'is' if len(s.may_tie) == 1 else 'are'} "
            f"{describe(values[group], unit, signed=signed)} too"
        )
    if s.ahead:
        shown = sorted(  # the furthest ahead first; a missing count certainly ahead goes last
            s.ahead,
            key=lambda g: (values[g] is not None, orient(values[g], spec.direction) or ()),
            reverse=True,
        )
        listed = ", ".join(f"{g} ({describe(values[g], unit, signed=signed)})" for g in shown[:3])
        more = f" and {len(shown) - 3} more" if len(shown) > 3 else ""
        text += f"; ahead of it: {listed}{more};"
    consistent = mode in holds_under
    if (
        spec.movement is not None
        and spec.by in ("change", "percent_change")
        and moved(mode) is False
    ):
        text += f" ({'not a rise' if spec.movement == 'rise' else 'not a fall'})"
    explanation = f"{text}{'' if text.endswith(';') else ','} which {'fits' if consistent else 'does not fit'} "
    explanation += f"'{spec.said}'." if claim is not None else f"{spec.said}."
    accepted = (
        Interval(1, spec.among)
        if spec.among is not None
        else Interval(spec.position, spec.position)
    )
    return Verdict(
        claim="rank",
        reported=spec.said,
        qualifier="exact",
        mode=mode,
        consistent=consistent,
        holds_under=holds_under,
        computed=s.best,
        computed_rounded=None,
        accepted=accepted,
        explanation=explanation,
        unit="",
    )


_FIELDS = ("table", "group", "period", "compared_with", "by", "direction", "position",
           "among", "behind", "out_of", "per")  # fmt: skip


def _read_options(fields: ClaimFields) -> dict[str, Any]:
    raw = fields.raw
    options: dict[str, Any] = {}
    if raw.get("qualifier", "exact") != "exact":
        fields.problem("qualifier", f"a rank claim takes no qualifier (got {raw['qualifier']!r})")
    name = raw.get("table")
    if not isinstance(name, str) or name not in fields.tables:
        known = ", ".join(sorted(fields.tables)) or "none"
        fields.problem(
            "table",
            f"must name a [table.NAME] block of the story (got {brief(name)}); the tables are: {known}",
        )
        return options
    table = fields.tables[name]
    options["table"] = name
    group = raw.get("group")
    if not isinstance(group, str) or group not in table.counts:
        fields.problem("group", f"must be one of the groups of table {name!r} (got {brief(group)})")
    options["group"] = group
    for key in ("period", "compared_with"):
        if key in raw:
            try:
                options[key] = table.periods[
                    table.index(raw[key] if isinstance(raw[key], str) else "?")
                ].label
            except TrendcalcError as e:
                fields.problem(key, str(e))
    for key in ("by", "direction", "position", "among", "behind", "out_of", "per"):
        if key in raw:
            options[key] = raw[key]
    try:
        spec = _spec(
            fields.raw.get("figure") if isinstance(fields.raw.get("figure"), str) else None,
            {
                k: options.get(k)
                for k in ("position", "among", "behind", "direction", "by", "out_of")
            },
        )
    except TrendcalcError as e:
        fields.words_problem(e, _FIELDS)
        return options
    later = table.index(options.get("period", table.periods[-1].label))
    if spec.by in ("change", "percent_change"):
        if "compared_with" in options:
            earlier = table.index(options["compared_with"])
        elif later == 0:
            fields.problem(
                "compared_with",
                f'a change needs an earlier period than {table.periods[later].label!r}; give compared_with = "..."',
            )
            return options
        else:
            earlier = later - 1
        options["compared_with"] = table.periods[earlier].label
    if spec.by == "rate" and set(table.populations) != set(table.counts):
        fields.problem("by", f"ranking by rate needs populations for every group of table {name!r}")
    options["period"] = table.periods[later].label
    return options


def _from_story(check: StoryCheck) -> Verdict | Unchecked:
    table = check.table_named()
    o = check.claim.options
    later = table.column(o["period"])
    earlier = table.column(o["compared_with"]) if "compared_with" in o else None
    try:
        return check_rank(
            later,
            o["group"],
            check.claim.figure,
            position=o.get("position"),
            among=o.get("among"),
            behind=o.get("behind"),
            direction=o.get("direction"),
            by=o.get("by"),
            populations=table.populations if table.populations else None,
            earlier=earlier,
            out_of=o.get("out_of"),
            per=o.get("per", 1000),
            noun=table.noun,
            mode=check.mode,
        )
    except TrendcalcError as e:
        return Unchecked.because(e)


def _computed_cell(result: Any) -> str:
    v = result.verdict
    if v is None:
        return "-"
    joint = "joint " if ") is joint " in v.explanation else ""
    return f"{joint}{ordinal(int(v.computed))}"


KIND = register(
    ClaimKind(
        name="rank",
        function=check_rank,
        inputs=(),
        check=_from_story,
        read_words=words_read_when_checked,
        options=_FIELDS,
        read_options=_read_options,
        computed_cell=_computed_cell,
        inputs_doc='``table = "t"``, ``group = "Kent"``; optional ``period``, ``by``, '
        "``direction``, ``position``, ``among``, ``behind``, ``out_of``",
        figure_doc='words such as ``"second only to City of London"``',
        figure_example='"second highest"',
    )
)
