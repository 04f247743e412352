"""Story-file blocks of many counts: ``[series.NAME]`` (one count per period) and
``[table.NAME]`` (one count per group, for one or more periods).

Rank, record and streak claims refer to these blocks by name. A value may be a count
(``58``, ``"3,903"``, ``"6.7 million"``) or ``"missing"``; a period left out of a series is
missing too. Missing is never read as zero: a claim that needs a missing count says it
cannot be checked.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from trendcalc._claims.registry import Problems, figure_of
from trendcalc._errors import TrendcalcError
from trendcalc._figures import Figure
from trendcalc._limits import MAX_SERIES_LENGTH, brief
from trendcalc._periods import Period, parse_period

__all__ = ["MISSING", "StorySeries", "StoryTable", "read_series_blocks", "read_table_blocks"]

#: How a story file marks a count it does not have.
MISSING = "missing"

_SERIES_KEYS = {"area", "offence", "unit", "rounded_to", "counts", "note"}
_TABLE_KEYS = {
    "period", "periods", "offence", "unit", "groups", "rounded_to", "counts", "populations",
    "note",
}  # fmt: skip


@attrs.frozen
class StorySeries:
    """A ``[series.NAME]`` block of a story file: one count per consecutive period.

    Read by :func:`~trendcalc.load_story`; rank, record and streak claims name it.

    Parameters
    ----------
    name : str
        The block's name (``burglary`` in ``[series.burglary]``).
    periods : tuple of Period
        Every period from the first given to the last, without a gap.
    counts : tuple of Figure or None
        One count per period; None where it is missing (marked ``"missing"``, or a
        period left out). Missing is never zero.
    area, offence, unit, note : str
        As given (empty when not).

    See Also
    --------
    StoryTable : counts of several groups.
    check_record, check_streak : the claims checked against a series.

    Examples
    --------
    >>> import trendcalc as tc
    >>> story = tc.load_story('''
    ... title = "Burglaries"
    ... [series.burglary]
    ... area = "Northshire"
    ... counts = { "2015/16" = 2910, "2016/17" = "3,050", "2018/19" = 2990 }
    ... [[claims]]
    ... kind = "streak"
    ... series = "burglary"
    ... figure = "fell for the second year running"
    ... ''')
    >>> series = story.series["burglary"]
    >>> series.as_dict()
    {'2015/16': '2910', '2016/17': '3,050', '2017/18': None, '2018/19': '2990'}
    >>> tc.check_story(story).results[0].status
    'unchecked'
    """

    name: str
    periods: tuple[Period, ...]
    counts: tuple[Figure | None, ...]
    area: str = ""
    offence: str = ""
    unit: str = ""
    note: str = ""

    @property
    def label(self) -> str:
        """What the series counts, for the words of a verdict (``"Northshire burglary"``)."""
        return " ".join(part for part in (self.area, self.offence) if part) or self.name

    def as_dict(self) -> dict[str, str | None]:
        """``{period label: count as given, or None}``, in order."""
        return {
            p.label: None if c is None else c.text
            for p, c in zip(self.periods, self.counts, strict=True)
        }


@attrs.frozen
class StoryTable:
    """A ``[table.NAME]`` block of a story file: counts of several groups for some periods.

    Read by :func:`~trendcalc.load_story`; rank claims name it.

    Parameters
    ----------
    name : str
        The block's name (``forces`` in ``[table.forces]``).
    periods : tuple of Period
        The periods of the counts, as given (``period`` gives one).
    counts : mapping of str to tuple of Figure or None
        Each group (a force, an area, an offence) to one count per period; None where
        it is missing. Missing is never zero.
    populations : mapping of str to Figure
        Groups to their population, for rates per head (empty when not given).
    offence, unit, note : str
        As given (empty when not).
    noun : str
        What the groups are, for the words of a verdict (``groups = "forces"``).

    See Also
    --------
    StorySeries : counts of one area over many periods.
    check_rank : the claim checked against a table.

    Examples
    --------
    >>> import trendcalc as tc
    >>> story = tc.load_story('''
    ... title = "Knife crime by force"
    ... [table.forces]
    ... periods = ["2021/22", "2022/23"]
    ... groups = "forces"
    ... counts = { Kent = [410, 520], Essex = [600, 580], Surrey = [150, "missing"] }
    ... [[claims]]
    ... kind = "rank"
    ... table = "forces"
    ... group = "Kent"
    ... period = "2021/22"
    ... figure = "second highest"
    ... ''')
    >>> table = story.tables["forces"]
    >>> table.groups
    ('Kent', 'Essex', 'Surrey')
    >>> table.column("2022/23")["Surrey"] is None
    True
    >>> tc.check_story(story).results[0].status
    'holds'
    """

    name: str
    periods: tuple[Period, ...]
    counts: Mapping[str, tuple[Figure | None, ...]]
    populations: Mapping[str, Figure] = attrs.field(factory=dict)
    offence: str = ""
    unit: str = ""
    noun: str = "groups"
    note: str = ""

    @property
    def groups(self) -> tuple[str, ...]:
        """The groups, in the order given."""
        return tuple(self.counts)

    def index(self, period: str | Period) -> int:
        """The position of ``period`` (a label or Period) in ``periods``.

        Raises
        ------
        TrendcalcError
            If the table has no such period.
        """
        wanted = period if isinstance(period, Period) else parse_period(period)
        if wanted not in self.periods:
            given = ", ".join(repr(p.label) for p in self.periods)
            raise TrendcalcError(
                f"period {wanted.label!r} is not in the table {self.name!r}, which gives {given}"
            )
        return self.periods.index(wanted)

    def column(self, period: str | Period) -> dict[str, Figure | None]:
        """``{group: count or None}`` for one period of the table."""
        i = self.index(period)
        return {group: values[i] for group, values in self.counts.items()}


def _text(entry: Mapping[str, Any], key: str, where: str, problems: Problems) -> str:
    value = entry.get(key, "")
    if not isinstance(value, str):
        problems.add(f"{where}.{key}", f"must be text in quotes (got {brief(value)})")
        return ""
    return value


def _unknown(entry: Mapping[str, Any], allowed: set[str], where: str, problems: Problems) -> None:
    for key in entry:
        if key not in allowed:
            expected = ", ".join(sorted(allowed))
            problems.add(f"{where}.{key}", f"unknown key; expected one of {expected}")


def _value(value: object, where: str, problems: Problems, rounded_to: object) -> Figure | None:
    if value == MISSING:
        return None
    return figure_of(value, where, problems, rounded_to=rounded_to)


def _period(value: object, where: str, problems: Problems) -> Period | None:
    if not isinstance(value, str):
        problems.add(where, f'must be a period in quotes such as "2016/17" (got {brief(value)})')
        return None
    try:
        return parse_period(value)
    except TrendcalcError as e:
        problems.add(where, str(e))
        return None


def _blocks(raw: object, block: str, problems: Problems) -> dict[str, Mapping[str, Any]]:
    if not isinstance(raw, dict):
        problems.add(block, f"must be tables such as [{block}.NAME]")
        return {}
    found: dict[str, Mapping[str, Any]] = {}
    for name, entry in raw.items():
        if not isinstance(entry, dict):
            problems.add(f"{block}.{name}", f"must be a table such as [{block}.{name}]")
        else:
            found[name] = entry
    return found


def read_series_blocks(raw: object, problems: Problems) -> dict[str, StorySeries]:
    """Read the ``[series.NAME]`` blocks of a story file, noting problems with their place."""
    result: dict[str, StorySeries] = {}
    for name, entry in _blocks(raw, "series", problems).items():
        where = f"series.{name}"
        before = len(problems.items)
        _unknown(entry, _SERIES_KEYS, where, problems)
        texts = {k: _text(entry, k, where, problems) for k in ("area", "offence", "unit", "note")}
        counts = entry.get("counts")
        if not isinstance(counts, dict) or not counts:
            problems.add(
                f"{where}.counts",
                "missing or empty; give a count for each period, e.g. "
                'counts = { "2015/16" = 112, "2016/17" = 58 }',
            )
            continue
        given: dict[Period, Figure | None] = {}
        for label, value in counts.items():
            at = f'{where}.counts."{label}"'
            period = _period(label, at, problems)
            figure = _value(value, at, problems, entry.get("rounded_to"))
            if period is None:
                continue
            if period in given:
                problems.add(at, f"names the period {period.label!r} a second time")
            given[period] = figure
        if len(problems.items) > before:
            continue
        periods = _fill(sorted(given), f"{where}.counts", problems)
        if periods is not None:
            figures = tuple(given.get(p) for p in periods)
            result[name] = StorySeries(name, periods, figures, **texts)
    return result


def _fill(periods: list[Period], where: str, problems: Problems) -> tuple[Period, ...] | None:
    """Every period from the first to the last (those not given are missing)."""
    first = periods[0]
    for p in periods[1:]:
        if (p.kind, p.fy_start_month) != (first.kind, first.fy_start_month):
            problems.add(
                where,
                f"periods must all be of one kind: {first.label!r} is a {first.kind} but "
                f"{p.label!r} is a {p.kind}",
            )
            return None
    filled = [first]
    for p in periods[1:]:
        while filled[-1] < p:
            if len(filled) >= MAX_SERIES_LENGTH:
                problems.add(
                    where,
                    f"spans more than {MAX_SERIES_LENGTH:,} periods from {first.label!r} to "
                    f"{periods[-1].label!r}",
                )
                return None
            filled.append(filled[-1].next())
        if filled[-1] != p:
            problems.add(
                where,
                f"{p.label!r} does not follow on from {first.label!r} in whole periods "
                f"(the periods around it are {filled[-2].label!r} and {filled[-1].label!r})",
            )
            return None
    return tuple(filled)


def read_table_blocks(raw: object, problems: Problems) -> dict[str, StoryTable]:
    """Read the ``[table.NAME]`` blocks of a story file, noting problems with their place."""
    result: dict[str, StoryTable] = {}
    for name, entry in _blocks(raw, "table", problems).items():
        where = f"table.{name}"
        before = len(problems.items)
        _unknown(entry, _TABLE_KEYS, where, problems)
        texts = {k: _text(entry, k, where, problems) for k in ("offence", "unit", "note")}
        noun = _text(entry, "groups", where, problems) or "groups"
        periods = _table_periods(entry, where, problems)
        counts = entry.get("counts")
        if not isinstance(counts, dict) or not counts:
            problems.add(
                f"{where}.counts",
                "missing or empty; give a count for each group, e.g. "
                "counts = { Kent = 410, Essex = 600 }",
            )
            continue
        if len(counts) > MAX_SERIES_LENGTH:
            problems.add(f"{where}.counts", f"has more than {MAX_SERIES_LENGTH:,} groups")
            continue
        rows: dict[str, tuple[Figure | None, ...]] = {}
        several = "periods" in entry
        for group, value in counts.items():
            at = f'{where}.counts."{group}"'
            if periods is None:
                continue
            if several:
                if not isinstance(value, list) or len(value) != len(periods):
                    problems.add(
                        at,
                        f"must be a list of {len(periods)} counts, one for each of periods "
                        f"(got {brief(value)})",
                    )
                    continue
                rows[group] = tuple(
                    _value(v, f"{at}[{i}]", problems, entry.get("rounded_to"))
                    for i, v in enumerate(value, start=1)
                )
            else:
                rows[group] = (_value(value, at, problems, entry.get("rounded_to")),)
        populations = _populations(entry.get("populations"), counts, where, problems)
        if len(problems.items) > before or periods is None:
            continue
        result[name] = StoryTable(name, periods, rows, populations, noun=noun, **texts)
    return result


def _table_periods(
    entry: Mapping[str, Any], where: str, problems: Problems
) -> tuple[Period, ...] | None:
    if ("period" in entry) == ("periods" in entry):
        problems.add(
            where,
            'give either period = "2022/23" (one count per group) or periods = '
            '["2021/22", "2022/23"] (a list of counts per group)',
        )
        return None
    if "period" in entry:
        period = _period(entry["period"], f"{where}.period", problems)
        return None if period is None else (period,)
    raw = entry["periods"]
    if not isinstance(raw, list) or not raw:
        problems.add(
            f"{where}.periods",
            f'must be a list of periods such as ["2021/22", "2022/23"] (got {brief(raw)})',
        )
        return None
    periods = [_period(p, f"{where}.periods[{i}]", problems) for i, p in enumerate(raw, start=1)]
    if any(p is None for p in periods):
        return None
    if len(set(periods)) != len(periods):
        problems.add(f"{where}.periods", "names a period twice")
        return None
    return tuple(p for p in periods if p is not None)


def _populations(
    raw: object, counts: Mapping[str, object], where: str, problems: Problems
) -> dict[str, Figure]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.add(f"{where}.populations", "must be a table of group = population")
        return {}
    found: dict[str, Figure] = {}
    for group, value in raw.items():
        at = f'{where}.populations."{group}"'
        if group not in counts:
            problems.add(at, f"no group {group!r} in counts")
            continue
        figure = figure_of(value, at, problems)
        if figure is not None and figure.value == 0:
            problems.add(at, "must be positive")
        elif figure is not None:
            found[group] = figure
    return found
