"""The records a :class:`~trendcalc.CountTable` analysis returns: which cells were
supplied (:class:`Coverage`), exact figures per period and group (:class:`TableValues`),
changes of every group (:class:`TableChanges`) and rankings with ties explicit
(:class:`Rank`, :class:`Ranking`)."""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np
from numpy.typing import NDArray

from trendcalc._changes import Change
from trendcalc._errors import SeriesError, TrendcalcError
from trendcalc._frames import (
    _FLOAT_EXACT,
    Backend,
    Group,
    _build_frame,
    _check_backend,
    _group_text,
    _key_columns,
    _mul,
    _need,
    _read_period,
    _span,
)
from trendcalc._limits import MAX_COUNT, brief, check_places
from trendcalc._periods import (
    Period,
)
from trendcalc._rounding import decimal_from_units, round_int
from trendcalc._validate import Mode, check_int, check_mode

if TYPE_CHECKING:  # pragma: no cover
    from decimal import Decimal


__all__ = ["Coverage", "Rank", "Ranking", "TableChanges", "TableValues"]


# ----------------------------------------------------------------------------- results


@attrs.frozen
class Coverage:
    """Which cells of a :class:`CountTable` the data supplied (see :meth:`CountTable.coverage`).

    Parameters
    ----------
    cells : int
        Periods times groups.
    supplied : int
        Cells with a count.
    gaps : tuple of (group, Period)
        The missing cells, in period order, then group order.

    Examples
    --------
    >>> import trendcalc as tc
    >>> t = tc.CountTable(["2016/17"], ["a"], [[3]], [0], [0], [0])
    >>> t.coverage().describe()
    'all 1 cells supplied'
    """

    cells: int
    supplied: int
    gaps: tuple[tuple[Group, Period], ...]

    def describe(self, limit: int = 3) -> str:
        """One line: how many cells are missing, and the first ``limit`` of them.

        See Also
        --------
        CountTable.coverage : Makes this record.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable.from_frame({"period": ["2016/17", "2018/19"], "count": [3, 4]})
        >>> t.coverage().describe()
        '1 of 3 cells not supplied: 2017/18'
        """
        if not self.gaps:
            return f"all {self.cells:,} cells supplied"

        shown = ", ".join(
            p.label if g is None else f"{_group_text(g)} in {p.label}" for g, p in self.gaps[:limit]
        )
        more = ", ..." if len(self.gaps) > limit else ""
        return f"{len(self.gaps):,} of {self.cells:,} cells not supplied: {shown}{more}"


def _as_tuple(values: Sequence[Any]) -> tuple[Any, ...]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise TrendcalcError(
            f"periods and groups of a table's results must be sequences (got "
            f"{type(values).__name__} {brief(values)})"
        )
    return tuple(values)


def _check_cells(record: object, names: Sequence[str], shape: tuple[int, ...], kinds: str) -> None:
    """Check and freeze ``record``'s per-cell arrays: ``shape``, of dtype kinds ``kinds``.

    ``kinds`` is ``"b"`` for bool, ``"iu"`` for integers (an object array of Python ints,
    which exact arithmetic may need, is accepted too).
    """
    for name in names:
        value = getattr(record, name)
        try:
            arr = np.array(value, copy=True)
        except (TypeError, ValueError) as e:  # ragged or unreadable
            raise TrendcalcError(f"{name} must be an array of shape {shape} ({e})") from None
        ints = arr.dtype == object and all(
            isinstance(v, int) and not isinstance(v, bool) for v in arr.flat
        )
        if arr.shape != shape or not (arr.dtype.kind in kinds or ("i" in kinds and ints)):
            raise TrendcalcError(
                f"{name} must be an array of shape {shape} holding "
                f"{'bools' if kinds == 'b' else 'integers'} (got {arr.dtype} {arr.shape})"
            )
        arr.setflags(write=False)
        object.__setattr__(record, name, arr)


def _check_periods_of(record: object, names: Sequence[str]) -> None:
    for name in names:
        for i, p in enumerate(getattr(record, name)):
            if not isinstance(p, Period):
                raise TrendcalcError(
                    f"{name}[{i}] must be a Period (got {type(p).__name__} {brief(p)})"
                )


def _round_units(num: NDArray[Any], den: NDArray[Any], places: int, mode: Mode) -> NDArray[Any]:
    """``num / den`` rounded to ``places`` decimals by ``mode``, in units of ``10**-places``."""
    from trendcalc._changes import _round_units_int64

    scale_n = 10 ** max(places, 0)
    scale_d = 10 ** max(-places, 0)
    if num.dtype != object and den.dtype != object and num.size:
        high = max(int(np.abs(num).max()) * scale_n, int(den.max()) * scale_d)
        if high <= MAX_COUNT:
            n = num.astype(np.int64) * scale_n
            d = np.where(den > 0, den, 1).astype(np.int64) * scale_d
            return _round_units_int64(n, d, mode)
    flat = [
        round_int(int(a) * scale_n, int(b) * scale_d, mode) if int(b) > 0 else 0
        for a, b in zip(num.ravel().tolist(), den.ravel().tolist(), strict=True)
    ]
    out = np.array(flat, dtype=object).reshape(num.shape)
    if all(abs(v) <= MAX_COUNT for v in flat):
        return out.astype(np.int64)
    return out


@attrs.frozen(eq=False)
class TableValues:
    """Exact figures per period and group from a :class:`CountTable`: rates, shares, changes.

    Each cell is the exact fraction ``numerators / denominators``; after rounding (``places``
    is set) it is a decimal with ``places`` decimals. A cell is undefined where the
    figure does not exist (a percentage change from 0) and missing where the data were
    not supplied; both read as None (and NaN in :meth:`to_numpy`), never as 0 or inf.

    Parameters
    ----------
    name : str
        What the figures are (``"pct_change"``, ``"rate"``, ``"share"``): the value column
        of :meth:`to_frame`.
    periods, groups : tuple
        The rows and columns.
    numerators, denominators : numpy.ndarray
        The exact values, as integer arrays (Python ints in object arrays when large).
    defined : numpy.ndarray of bool
        Where a figure exists.
    supplied : numpy.ndarray of bool
        Where the cells it depends on were supplied.
    keys : tuple of str, optional
        The key names, as in :class:`CountTable`.
    places : int, optional
        The decimals the figures were rounded to; None when exact.
    base : tuple of Period, optional
        For changes, the earlier period of each row.

    Examples
    --------
    >>> import trendcalc as tc
    >>> t = tc.CountTable(["2016/17"], ["a", "b"], [[1, 2]], [0, 0], [0, 0], [0, 0])
    >>> v = t.shares(places=1)
    >>> v.value("2016/17", "b"), v.as_dict()
    (Decimal('66.7'), {'a': Decimal('33.3'), 'b': Decimal('66.7')})
    """

    name: str
    periods: tuple[Period, ...] = attrs.field(converter=_as_tuple)
    groups: tuple[Group, ...] = attrs.field(converter=_as_tuple)
    numerators: NDArray[Any]
    denominators: NDArray[Any]
    defined: NDArray[np.bool_]
    supplied: NDArray[np.bool_]
    keys: tuple[str, ...] | None = attrs.field(default=None, kw_only=True)
    places: int | None = attrs.field(default=None, kw_only=True)
    base: tuple[Period, ...] | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_periods_of(self, ("periods",))
        shape = (len(self.periods), len(self.groups))
        _check_cells(self, ("numerators", "denominators"), shape, "iu")
        _check_cells(self, ("defined", "supplied"), shape, "b")
        defined = self.defined & self.supplied
        defined.setflags(write=False)
        object.__setattr__(self, "defined", defined)

    def _maybe_round(self, places: int | None, mode: Mode) -> TableValues:
        return self if places is None else self.rounded(places, mode=mode)

    def rounded(self, places: int = 0, *, mode: Mode = "half_up") -> TableValues:
        """Every figure rounded to ``places`` decimals by ``mode``, exactly (integer arithmetic).

        See Also
        --------
        round_value : One value.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2016/17"), ["a"], [[8], [9]],
        ...                   [0], [0], [0])
        >>> t.pct_change().rounded(0).value("2016/17", "a")
        Decimal('13')
        >>> t.pct_change().rounded(0, mode="half_even").value("2016/17", "a")
        Decimal('12')
        """
        places = check_places(check_int(places, name="places"))
        mode = check_mode(mode)
        if self.places is not None:
            if places >= self.places:
                return self
            raise TrendcalcError(
                f"these figures are already rounded to {self.places} places; rounding them again "
                f"to {places} would round twice: round the exact figures (ask without places, "
                "then call rounded) instead"
            )
        units = _round_units(self.numerators, self.denominators, places, mode)
        units = np.where(self.defined, units, 0)
        if places >= 0:
            num, den = units, np.full(units.shape, 10**places, dtype=np.int64)
        else:
            num, den = _mul(np.asarray(units), 10**-places), np.ones(units.shape, dtype=np.int64)
        return attrs.evolve(self, numerators=num, denominators=den, places=places)

    def _cell(self, i: int, j: int) -> Fraction | Decimal | None:
        if not self.defined[i, j]:
            return None
        n, d = int(self.numerators[i, j]), int(self.denominators[i, j])
        if self.places is None:
            return Fraction(n, d)
        units = n * 10 ** max(self.places, 0) // d // 10 ** max(-self.places, 0)
        return decimal_from_units(units, self.places)

    def _index(self, period: object, group: Group) -> tuple[int, int]:
        if not isinstance(period, Period | str):
            raise TrendcalcError(f"period must be a Period or label (got {brief(period)})")
        p = _read_period(self.periods, period, "period")
        if p not in self.periods:
            raise SeriesError(f"period {p.label!r} is not in these figures ({_span(self.periods)})")
        if group not in self.groups:
            raise TrendcalcError(f"group {group!r} is not in these figures")
        return self.periods.index(p), self.groups.index(group)

    def value(self, period: Period | str, group: Group = None) -> Fraction | Decimal | None:
        """One figure: a Fraction (exact), a Decimal (rounded), or None (undefined or missing).

        See Also
        --------
        TableValues.as_dict : One period's figures for every group.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(["2016/17"], ["a", "b"], [[1, 2]], [0, 0], [0, 0], [0, 0])
        >>> t.shares(places=0).value("2016/17", "a")
        Decimal('33')
        """
        i, j = self._index(period, group)
        return self._cell(i, j)

    def decimals(self) -> list[list[Decimal | Fraction | None]]:
        """Every figure, row by row: Decimals when rounded, Fractions when exact, None if absent.

        See Also
        --------
        TableValues.to_numpy : The same as floats.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2016/17"), ["a", "b"],
        ...                   [[3, 0], [4, 2]], [0, 0], [0, 0], [0, 0])
        >>> t.pct_change().decimals()
        [[Fraction(100, 3), None]]
        """
        return [
            [self._cell(i, j) for j in range(len(self.groups))] for i in range(len(self.periods))
        ]

    def as_dict(self, period: Period | str | None = None) -> dict[Group, Fraction | Decimal | None]:
        """``{group: figure}`` for one period (default: the last).

        See Also
        --------
        TableValues.value : One figure.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(["2016/17"], ["a", "b"], [[1, 3]], [0, 0], [0, 0], [0, 0])
        >>> t.shares(places=0).as_dict()
        {'a': Decimal('25'), 'b': Decimal('75')}
        """
        p = self.periods[-1] if period is None else period
        return {g: self.value(p, g) for g in self.groups}

    def to_numpy(self) -> NDArray[np.float64]:
        """The figures as floats (periods by groups), NaN where undefined or missing.

        Each rounded figure is the float nearest its exact decimal, as
        :func:`pct_change` gives.

        See Also
        --------
        TableValues.decimals : The exact figures.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2016/17"), ["a", "b"],
        ...                   [[3, 0], [4, 2]], [0, 0], [0, 0], [0, 0])
        >>> t.pct_change(places=2).to_numpy().tolist()
        [[33.33, nan]]
        """
        num, den = self.numerators, self.denominators
        safe = np.where(self.defined, den, 1)
        large = num.dtype == object or den.dtype == object
        if not large and num.size:
            large = max(int(np.abs(num).max()), int(safe.max())) >= _FLOAT_EXACT
        if large:
            flat = [
                float(Fraction(int(a), int(b)))
                for a, b in zip(num.ravel().tolist(), safe.ravel().tolist(), strict=True)
            ]
            out = np.array(flat, dtype=np.float64).reshape(num.shape)
        else:
            out = num / safe
        out = out + 0.0  # -0.0 becomes 0.0
        out[~self.defined] = np.nan
        return out

    def to_frame(self, backend: Backend = "pandas") -> Any:
        """Long tidy frame: period (ordered), [base], keys, the figure as a float (null if absent).

        Rows whose cells were not supplied are left out, as in :meth:`CountTable.to_frame`;
        undefined figures (a change from 0) are null.

        See Also
        --------
        CountTable.to_frame : The counts as a frame.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2016/17"), ["a", "b"],
        ...                   [[8, 0], [9, 3]], [0, 0], [0, 0], [0, 0])
        >>> t.pct_change(places=1).to_frame()
            period     base group  pct_change
        0  2016/17  2015/16     a        12.5
        1  2016/17  2015/16     b         NaN
        """
        _check_backend(backend)
        rows, cols = np.nonzero(self.supplied)
        data: dict[str, Any] = {"period": (rows, [p.label for p in self.periods])}
        if self.base is not None:
            data["base"] = [self.base[i].label for i in rows.tolist()]
        data.update(_key_columns(self.groups, self.keys, cols))
        values = self.to_numpy()[rows, cols]
        if backend == "pandas":
            data[self.name] = values
        else:
            data[self.name] = [None if math.isnan(v) else float(v) for v in values.tolist()]
        return _build_frame(backend, data, "period")

    def _repr_html_(self) -> str:
        heads = ["value"] if self.groups == (None,) else [_group_text(g) for g in self.groups]
        out = [
            '<table class="trendcalc-table">',
            f"<caption>{html.escape(self.name)}</caption><thead><tr><th>period</th>",
            *[f'<th style="text-align:right">{html.escape(h)}</th>' for h in heads[:12]],
            "</tr></thead><tbody>",
        ]
        for i, p in enumerate(self.periods[:40]):
            cells = []
            for j in range(min(len(heads), 12)):
                v = self._cell(i, j)
                cells.append(
                    "–" if v is None else (f"{v:,}" if self.places is not None else str(v))
                )
            out.append(
                f"<tr><th>{html.escape(p.label)}</th>"
                + "".join(f'<td style="text-align:right">{c}</td>' for c in cells)
                + "</tr>"
            )
        out.append("</tbody></table>")
        return "".join(out)


@attrs.frozen(eq=False)
class TableChanges:
    """Exact changes of every group of a :class:`CountTable` (see :meth:`CountTable.changes`).

    Parameters
    ----------
    periods : tuple of Period
        The later period of each row.
    base : tuple of Period
        The earlier period of each row.
    groups : tuple
        The columns.
    before, after : numpy.ndarray of int64
        The counts compared, rows by groups.
    supplied : numpy.ndarray of bool
        Where both counts were supplied.
    keys : tuple of str, optional
        The key names, as in :class:`CountTable`.

    Examples
    --------
    >>> import trendcalc as tc
    >>> t = tc.CountTable(tc.period_range("2015/16", "2016/17"), ["a"], [[112], [58]],
    ...                   [0], [0], [0])
    >>> t.changes().change("a").describe()
    'down 48% (from 112 to 58)'
    """

    periods: tuple[Period, ...] = attrs.field(converter=_as_tuple)
    base: tuple[Period, ...] = attrs.field(converter=_as_tuple)
    groups: tuple[Group, ...] = attrs.field(converter=_as_tuple)
    before: NDArray[np.int64]
    after: NDArray[np.int64]
    supplied: NDArray[np.bool_]
    keys: tuple[str, ...] | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_periods_of(self, ("periods", "base"))
        if len(self.base) != len(self.periods):
            raise TrendcalcError(
                f"base must give one period per row: {len(self.periods)} periods but "
                f"{len(self.base)} base periods"
            )
        shape = (len(self.periods), len(self.groups))
        _check_cells(self, ("before", "after"), shape, "iu")
        _check_cells(self, ("supplied",), shape, "b")

    @property
    def absolute(self) -> NDArray[np.int64]:
        """``after - before``, rows by groups (0 where a count is missing).

        See Also
        --------
        TableChanges.pct_change : The changes in per cent.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2016/17"), ["a", "b"],
        ...                   [[3, 0], [4, 2]], [0, 0], [0, 0], [0, 0])
        >>> t.changes().absolute.tolist()
        [[1, 2]]
        """
        return np.where(self.supplied, self.after - self.before, 0)

    def change(self, group: Group = None, period: Period | str | None = None) -> Change:
        """One group's exact :class:`Change` (in the last row unless ``period`` is given).

        Raises
        ------
        TrendcalcError
            If either count was not supplied.

        See Also
        --------
        change : The same from two counts.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2017/18"), ["a"], [[3], [4], [6]],
        ...                   [0], [0], [0])
        >>> t.changes(lag=1).change("a", "2016/17").describe()
        'up 33% (from 3 to 4)'
        """
        if group not in self.groups:
            raise TrendcalcError(f"group {group!r} is not in these changes")
        j = self.groups.index(group)
        if period is None:
            i = len(self.periods) - 1
        else:
            p = _read_period(self.periods, period, "period")
            if p not in self.periods:
                raise SeriesError(f"period {p.label!r} is not a row of these changes")
            i = self.periods.index(p)
        if not self.supplied[i, j]:
            raise TrendcalcError(
                f"cannot compute the change of {group!r} from {self.base[i].label} to "
                f"{self.periods[i].label}: a count was not supplied; missing is not zero"
            )
        return Change(int(self.before[i, j]), int(self.after[i, j]))

    def pct_change(self, places: int | None = None, *, mode: Mode = "half_up") -> TableValues:
        """The percentage changes: exact, or rounded to ``places`` decimals by ``mode``.

        Each rounded figure equals ``change(before, after).rounded(places, mode=mode)``;
        a change from 0 is undefined (None, NaN as a float), never inf.

        See Also
        --------
        CountTable.pct_change : The same, from the table.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2016/17"), ["a"], [[3903], [5653]],
        ...                   [0], [0], [0])
        >>> t.changes().pct_change(1).value("2016/17", "a")
        Decimal('44.8')
        """
        mode = check_mode(mode)
        if places is not None:
            places = check_places(check_int(places, name="places"))
        num = _mul(self.after - self.before, 100) if self.before.size else self.before
        defined = self.before > 0
        values = TableValues(
            "pct_change",
            self.periods,
            self.groups,
            num,
            np.where(defined, self.before, 1),
            defined,
            self.supplied,
            keys=self.keys,
            base=self.base,
        )
        return values._maybe_round(places, mode)

    def to_frame(self, backend: Backend = "pandas") -> Any:
        """Long tidy frame: period, base, keys, before, after, change (exact ints).

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2016/17"), ["a"], [[112], [58]],
        ...                   [0], [0], [0])
        >>> t.changes().to_frame()
            period     base group  before  after  change
        0  2016/17  2015/16     a     112     58     -54
        """
        _check_backend(backend)
        rows, cols = np.nonzero(self.supplied)
        data: dict[str, Any] = {
            "period": (rows, [p.label for p in self.periods]),
            "base": [self.base[i].label for i in rows.tolist()],
        }
        data.update(_key_columns(self.groups, self.keys, cols))
        data["before"] = self.before[rows, cols]
        data["after"] = self.after[rows, cols]
        data["change"] = self.after[rows, cols] - self.before[rows, cols]
        return _build_frame(backend, data, "period")


@attrs.frozen
class Rank:
    """One group's place in a :class:`Ranking`.

    Parameters
    ----------
    group : str, int or tuple
        The group.
    rank : int or None
        Its rank (tied groups share the lower number); None when it has no value.
    tied : bool
        Whether another group has the same value.
    value : int, Fraction or None
        What was ranked: the count, the exact rate or the exact percentage change.

    Examples
    --------
    >>> import trendcalc as tc
    >>> t = tc.CountTable(["2016/17"], ["a", "b"], [[4, 9]], [0, 0], [0, 0], [0, 0])
    >>> t.ranks().entries[0]
    Rank(group='b', rank=1, tied=False, value=9)
    """

    group: Group
    rank: int | None
    tied: bool
    value: int | Fraction | None

    @property
    def label(self) -> str:
        """The rank as a table prints it: ``"3"``, ``"=2"`` when tied, ``"-"`` unranked.

        See Also
        --------
        Ranking.labels : Every entry's label.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.Rank("Kent", 2, True, 40).label
        '=2'
        """
        if self.rank is None:
            return "-"
        return f"={self.rank}" if self.tied else str(self.rank)


@attrs.frozen
class Ranking:
    """Groups ranked in one period, ties explicit (see :meth:`CountTable.ranks`).

    Parameters
    ----------
    period : Period
        The period ranked.
    by : str
        ``"count"``, ``"rate"`` or ``"change"``.
    entries : tuple of Rank
        In rank order; groups with no value (a change from 0) last, with rank None.
    base : Period, optional
        For ``by="change"``, the period compared with.
    keys : tuple of str, optional
        The key names of the table ranked (the columns of :meth:`to_frame`).

    Examples
    --------
    >>> import trendcalc as tc
    >>> t = tc.CountTable(["2016/17"], ["a", "b", "c"], [[4, 9, 4]], [0] * 3, [0] * 3, [0] * 3)
    >>> r = t.ranks()
    >>> [(e.group, e.rank, e.tied) for e in r]
    [('b', 1, False), ('a', 2, True), ('c', 2, True)]
    """

    period: Period
    by: str
    entries: tuple[Rank, ...]
    base: Period | None = None
    keys: tuple[str, ...] | None = attrs.field(default=None, kw_only=True)

    @classmethod
    def of(
        cls,
        period: Period,
        by: str,
        groups: Sequence[Group],
        values: Sequence[int | Fraction | None],
        descending: bool,
        base: Period | None = None,
    ) -> Ranking:
        """Rank ``values`` (standard competition ranking: 1, 2, 2, 4); None is unranked.

        See Also
        --------
        CountTable.ranks : Ranks the groups of a table.

        Examples
        --------
        >>> import trendcalc as tc
        >>> p = tc.parse_period("2016/17")
        >>> tc.Ranking.of(p, "count", ["a", "b", "c", "d"], [5, 9, 5, None], True).labels()
        ('1 b', '=2 a', '=2 c', '- d')
        """
        ranked = [k for k, v in enumerate(values) if v is not None]
        sign = -1 if descending else 1
        ranked.sort(key=lambda k: (sign * values[k], k))  # type: ignore[operator]
        entries = []
        first = 0  # where the run of equal values that ``pos`` is in begins
        for pos, k in enumerate(ranked):
            v = values[k]
            if pos > 0 and values[ranked[pos - 1]] != v:
                first = pos
            tied = pos > first or (pos + 1 < len(ranked) and values[ranked[pos + 1]] == v)
            entries.append(Rank(groups[k], first + 1, tied, v))
        entries += [Rank(groups[k], None, False, None) for k, v in enumerate(values) if v is None]
        return cls(period, by, tuple(entries), base)

    def __iter__(self) -> Any:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def labels(self) -> tuple[str, ...]:
        """``"<rank> <group>"`` for each entry, ``"=2"`` marking a tie.

        See Also
        --------
        Rank.label : One entry's rank.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(["2016/17"], ["a", "b"], [[4, 4]], [0, 0], [0, 0], [0, 0])
        >>> t.ranks().labels()
        ('=1 a', '=1 b')
        """
        return tuple(f"{e.label} {_group_text(e.group)}" for e in self.entries)

    def to_frame(self, backend: Backend = "pandas") -> Any:
        """Long frame: the key column(s), rank (null if unranked), tied, and the value ranked.

        Counts are integers; rates and changes are floats (exact ones are in
        ``entries``).

        See Also
        --------
        CountTable.ranks : Makes the ranking.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(["2016/17"], ["a", "b"], [[4, 9]], [0, 0], [0, 0], [0, 0])
        >>> t.ranks().to_frame()
          group  rank   tied  count
        0     b     1  False      9
        1     a     2  False      4
        """
        _check_backend(backend)
        groups = tuple(e.group for e in self.entries)
        data: dict[str, Any] = {}
        if groups:
            data.update(_key_columns(groups, self.keys, np.arange(len(groups), dtype=np.intp)))
        ranks = [e.rank for e in self.entries]
        values: list[Any] = [
            None if e.value is None else (e.value if self.by == "count" else float(e.value))
            for e in self.entries
        ]
        if backend == "pandas":
            pd = _need("pandas")
            data["rank"] = pd.array(ranks, dtype="Int64")
            data["tied"] = [e.tied for e in self.entries]
            data[self.by] = pd.array(values, dtype="Int64" if self.by == "count" else "Float64")
            return pd.DataFrame(data)
        data["rank"] = ranks
        data["tied"] = [e.tied for e in self.entries]
        data[self.by] = values
        return _build_frame(backend, data, None)
