"""Tables of counts per period and group: build from long data, analyse every group at once.

A :class:`CountTable` holds counts for periods (rows) by groups (columns), as police forces
by months. It is built by :func:`~trendcalc.count_events` from records, or by
:meth:`CountTable.from_frame` from data already aggregated (one row per period, group and
count, as official open data is published). Every analysis runs over all groups at once,
exactly, with numpy; cells that were not supplied stay missing instead of becoming 0.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

import attrs
import numpy as np
from numpy.typing import NDArray

from trendcalc._errors import PeriodError, SeriesError, TrendcalcError
from trendcalc._frames import (
    _LABEL_KINDS,
    Backend,
    Group,
    Label,
    _build_frame,
    _check_backend,
    _checked_total,
    _count_values,
    _exact_sum,
    _factorize,
    _frame_columns,
    _frozen_array,
    _group_text,
    _key_columns,
    _key_names,
    _labels_of,
    _month_end,
    _month_index,
    _mul,
    _need,
    _read_period,
    _shown,
    _sorted_codes,
    _span,
    _sum_cells,
    _trusted_period,
    _year_label,
    parse_labels,
)
from trendcalc._limits import MAX_COUNT, brief, check_places
from trendcalc._periods import (
    _MONTHS_IN,
    Period,
    as_period,
)
from trendcalc._series import _RESAMPLE_KINDS, CountSeries, _check_consecutive, _target_of
from trendcalc._table_results import (
    Coverage,
    Ranking,
    TableChanges,
    TableValues,
)
from trendcalc._validate import Mode, check_count, check_int

if TYPE_CHECKING:  # pragma: no cover
    from trendcalc._stats import Comparison


__all__ = ["CountTable", "Coverage", "Ranking", "TableChanges", "TableValues"]

ResampleKind = Literal["month", "quarter", "financial_quarter", "calendar_year", "financial_year"]
LabelKind = Literal[
    "month", "quarter", "financial_quarter", "calendar_year", "financial_year", "year_ending"
]

_INT64_MAX = np.iinfo(np.int64).max


# ----------------------------------------------------------------------------- checks


def _check_groups(groups: Sequence[Group]) -> tuple[Group, ...]:
    if isinstance(groups, str | bytes) or not isinstance(groups, Iterable):
        raise TrendcalcError(
            "groups must be a sequence of labels, such as ['Kent', 'Essex'] or (None,) for a "
            f"table without groups (got {type(groups).__name__} {brief(groups)})"
        )
    labels = tuple(groups)
    if labels in ((None,), ()):
        return labels
    if all(isinstance(g, tuple) for g in labels):
        widths = {len(g) for g in labels}  # type: ignore[arg-type]
        if len(widths) != 1 or 0 in widths:
            raise TrendcalcError(
                f"groups given as tuples must all have the same length (got {_shown(labels)})"
            )
        for j in range(widths.pop()):
            _check_kinds([g[j] for g in labels], f"position {j} of the group tuples")  # type: ignore[index]
    else:
        _check_kinds(labels, "groups")
    if list(labels) != sorted(set(labels)):  # type: ignore[type-var]
        raise TrendcalcError("groups must be unique and sorted")
    return labels


def _check_kinds(labels: Sequence[object], what: str) -> None:
    kinds = {type(g) for g in labels}
    if not (kinds <= {str} or kinds <= {int}):
        raise TrendcalcError(
            f"{what} must be labels all of one kind, all str or all int (or (None,) for a "
            f"table without groups) (got {_shown(labels)})"
        )


def _check_keys(keys: object) -> tuple[str, ...] | None:
    if keys is None:
        return None
    if isinstance(keys, str) or not isinstance(keys, Sequence):
        raise TrendcalcError(
            f"keys must be a tuple of key column names, such as ('force', 'offence') (got "
            f"{type(keys).__name__} {keys!r})"
        )
    names = tuple(keys)
    if not names or not all(isinstance(k, str) and k for k in names):
        raise TrendcalcError(f"keys must be non-empty text names (got {brief(names)})")
    if len(set(names)) != len(names):
        raise TrendcalcError(f"keys must not repeat a name (got {brief(names)})")
    reserved = {"period", "start", "end", "days", "count"} & set(names)
    if reserved:
        raise TrendcalcError(
            f"keys must not use the names of the exported columns {sorted(reserved)}; rename "
            "the key column"
        )
    return names


def _to_periods(values: Sequence[Period | str]) -> tuple[Period, ...]:
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise SeriesError(
            f"periods must be a sequence of Periods or labels (got {type(values).__name__})"
        )
    return tuple(
        as_period(p, name=f"periods[{i}]") if isinstance(p, str) else p
        for i, p in enumerate(values)
    )


def _check_periods(periods: tuple[Period, ...]) -> int:
    """Check the rows; return the step between them in months (0 for consecutive ranges).

    Periods must tile time (consecutive), or be ``year_ending`` periods one or three
    months apart: the overlapping rolling totals that :meth:`CountTable.rolling_total`
    makes and bulletins publish.
    """
    if not periods:
        raise SeriesError("periods must hold at least one period (got none)")
    for i, p in enumerate(periods):
        if not isinstance(p, Period):
            raise PeriodError(f"periods[{i}] must be a Period (got {type(p).__name__})")
    first = periods[0]
    step = _MONTHS_IN.get(first.kind, 0)
    if first.kind == "year_ending" and len(periods) > 1:
        gap = _month_index(periods[1].end) - _month_index(first.end)
        if gap in (1, 3):
            step = gap
    one_day = dt.timedelta(days=1)
    ok = all(p.kind == first.kind and p.fy_start_month == first.fy_start_month for p in periods)
    if ok and step in (1, 3) and first.kind == "year_ending":
        ends = [_month_index(p.end) for p in periods]
        ok = all(b - a == step for a, b in itertools.pairwise(ends))
        if not ok:
            raise SeriesError(
                f"rolling year-ending periods must be {step} month(s) apart throughout, in "
                f"order (got {_shown([p.label for p in periods])})"
            )
        return step
    if ok:
        ok = all(
            b.start == a.end + one_day and (b.kind != "range" or b.days == a.days)
            for a, b in itertools.pairwise(periods)
        )
    if not ok:
        _check_consecutive(periods)  # raises with the precise message
    return step


def _month_start(index: int) -> dt.date:
    y, m = divmod(index, 12)
    return dt.date(y, m + 1, 1)


def _year_ending(end_index: int) -> Period:
    return _trusted_period(_month_start(end_index - 11), _month_end(end_index), "year_ending")


def _check_column_sums(counts: NDArray[np.int64], what: str) -> None:
    """Refuse if a column of ``counts`` adds up beyond int64, naming the bound."""
    if counts.size and int(counts.max()) * counts.shape[0] > MAX_COUNT:
        sums = counts.astype(object).sum(axis=0)
        if max(int(x) for x in np.atleast_1d(sums)) > MAX_COUNT:
            raise TrendcalcError(
                f"{what} would exceed the largest count trendcalc holds in a table, "
                f"{MAX_COUNT:,} (2**63 - 1); work with the counts as Python ints "
                "(CountSeries) instead"
            )


# ----------------------------------------------------------------------------- the table


@attrs.frozen(eq=False)
class CountTable:
    """Counts of events per period and group, with every event accounted for.

    Build one with :func:`count_events` (from records), :meth:`from_frame` (from
    aggregated long data), :meth:`zero`, or by adding tables together. For tables
    counted from records nothing is dropped: ``counts.sum() + before.sum() + after.sum() +
    missing.sum()`` is the number of events counted, always.

    Parameters
    ----------
    periods : sequence of Period
        Consecutive periods of one kind: the rows. (Also ``year_ending`` periods one or
        three months apart: rolling totals, as :meth:`rolling_total` makes.)
    groups : sequence of str or int, or of tuples
        The group labels, sorted: the columns. A table without groups has one group,
        ``None``. With several key columns each label is a tuple, one value per key.
    counts : array_like of int, shape (periods, groups)
        Events per period and group, whole numbers from 0 to 2**63 - 1 (floats, bools and
        text are refused). Stored as a read-only int64 array.
    before, after, missing : array_like of int, shape (groups,)
        Per group, the events dated before the first period, after the last, and with no
        date.
    keys : tuple of str, optional
        Keyword only. The names of the key columns: one name, or one per position of the
        tuple labels. None (the default) is one unnamed key, exported as ``group``.
    supplied : array_like of bool, shape (periods, groups), optional
        Keyword only. Which cells the data supplied; None (the default) means all of them.
        A cell not supplied is *missing*, not zero: it must hold 0 in ``counts``, and
        totals, changes and rates over it are refused or marked missing, never taken as
        0 (pass ``fill=0`` where a missing cell truly means none).

    Raises
    ------
    TrendcalcError
        If the periods are not consecutive, the labels are not sorted and of one kind, or
        an array has the wrong shape or holds anything but counts.

    See Also
    --------
    count_events : Count records into a table.
    CountTable.from_frame : Build a table from aggregated long data.

    Examples
    --------
    >>> import datetime, trendcalc as tc
    >>> dates = [datetime.date(2016, 3, 31), datetime.date(2016, 4, 1), None]
    >>> t = tc.count_events(dates, ["2016/17", "2017/18"], groups=["Lincs", "Lincs", "Kent"])
    >>> t.groups
    ('Kent', 'Lincs')
    >>> t.counts.tolist(), t.before.tolist(), t.missing.tolist()
    ([[0, 1], [0, 0]], [0, 1], [1, 0])
    """

    periods: tuple[Period, ...] = attrs.field(converter=_to_periods)
    groups: tuple[Group, ...] = attrs.field(converter=_check_groups)
    counts: NDArray[np.int64] = attrs.field()
    before: NDArray[np.int64] = attrs.field()
    after: NDArray[np.int64] = attrs.field()
    missing: NDArray[np.int64] = attrs.field()
    keys: tuple[str, ...] | None = attrs.field(default=None, kw_only=True, converter=_check_keys)
    supplied: NDArray[np.bool_] | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        _check_periods(self.periods)
        shape = (len(self.periods), len(self.groups))
        object.__setattr__(self, "counts", _frozen_array(self.counts, "counts", shape))
        for name in ("before", "after", "missing"):
            value = _frozen_array(getattr(self, name), name, (len(self.groups),))
            object.__setattr__(self, name, value)
        width = 1
        if self.groups and isinstance(self.groups[0], tuple):
            width = len(self.groups[0])
        if self.keys is not None and self.groups and len(self.keys) != width:
            raise TrendcalcError(
                f"keys must name each position of the group labels: {width} name(s) for labels "
                f"such as {self.groups[0]!r} (got keys={brief(self.keys)})"
            )
        if self.keys is None and width > 1:
            raise TrendcalcError(
                f"a table whose group labels are tuples needs keys=, one name per position "
                f"(labels such as {self.groups[0]!r})"
            )
        if self.supplied is not None:
            mask = np.asarray(self.supplied)
            if mask.dtype != np.bool_ or mask.shape != shape:
                raise TrendcalcError(
                    f"supplied must be a bool array of shape {shape} (got {mask.dtype} "
                    f"{mask.shape})"
                )
            if mask.all():
                object.__setattr__(self, "supplied", None)
            else:
                if self.counts[~mask].any():
                    raise TrendcalcError(
                        "counts must be 0 in every cell that was not supplied (see supplied=); "
                        "a cell not supplied has no count"
                    )
                mask = np.array(mask, dtype=bool, copy=True)
                mask.setflags(write=False)
                object.__setattr__(self, "supplied", mask)

    # -- construction

    @classmethod
    def zero(
        cls,
        periods: Sequence[Period | str],
        groups: Sequence[Group] = (None,),
        *,
        keys: tuple[str, ...] | None = None,
    ) -> CountTable:
        """A table of zeros: the identity for :meth:`merge`.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.CountTable.zero(tc.period_range("2015/16", "2016/17"), ["a", "b"]).counts.tolist()
        [[0, 0], [0, 0]]
        """
        ps = tuple(as_period(p, name=f"periods[{i}]") for i, p in enumerate(periods))
        g = len(tuple(groups))
        zeros = np.zeros(g, dtype=np.int64)
        return cls(
            ps,
            tuple(groups),
            np.zeros((len(ps), g), dtype=np.int64),
            zeros,
            zeros,
            zeros,
            keys=keys,
        )

    @classmethod
    def from_frame(
        cls,
        frame: object,
        *,
        period: str | tuple[str, str] = "period",
        count: str = "count",
        groups: str | Sequence[str] | None = None,
        kind: LabelKind | None = None,
        fy_start_month: int = 4,
        fill: int | None = None,
    ) -> CountTable:
        """Build a table from aggregated long data: one row per period, group(s) and count.

        Parameters
        ----------
        frame : pandas.DataFrame, polars.DataFrame, pyarrow.Table or dict of columns
            The long data. No library is needed beyond the one the frame comes from.
        period : str or (str, str), default "period"
            The column of period labels (``"2016/17"``, ``"March 2016"``, ``"2016-03"``
            with ``kind="month"``, ``"year ending March 2017"``...) or of dates (with
            ``kind``: each date stands for the period of that kind holding it). Two names,
            such as ``("Financial Year", "Financial Quarter")``, join a year label and a
            quarter number 1-4: ``"2016/17"`` and ``2`` make ``"2016/17 Q2"`` (a financial
            quarter); ``"2016"`` and ``2`` make ``"2016 Q2"``; a year written ``"2011-12"``
            there is the financial year 2011/12. Each distinct label is read once.
        count : str, default "count"
            The column of counts: whole non-negative numbers. A null count makes its cell
            missing.
        groups : str or sequence of str, optional
            Zero or more key columns. With one, the group labels are its values; with
            several, tuples of values. The default (None) takes every column except the
            period, count, ``start``, ``end`` and ``days`` columns, which reads back a frame
            written by :meth:`to_frame`; pass ``()`` for a table without groups.
        kind : {"month", "quarter", "financial_quarter", "calendar_year", \
"financial_year", "year_ending"}, optional
            What the period labels are. Needed for dates (also dates written as text,
            ``"2016-03-01"``), and for labels written ``"2011-12"``: December 2011 with
            ``"month"``, 2011/12 with ``"financial_year"`` (otherwise refused as
            ambiguous). A label of another kind is read as this kind when it covers
            exactly the days of one such period: ``"Apr 2016 to Mar 2017"`` or ``"year
            ending March 2017"`` with ``"financial_year"`` is 2016/17.
        fy_start_month : int, default 4
            The first month of financial years in labels that do not say.
        fill : int, optional
            A count for cells with no row. By default such cells are *missing*
            (:meth:`coverage` lists them), never 0; ``fill=0`` says that no row means none.

        Returns
        -------
        CountTable
            Periods from the earliest label to the latest, with no gap; groups sorted.
            Several rows for one cell (the open data has one row per offence code) are
            summed. ``before``, ``after`` and ``missing`` are zero: aggregated data has no
            events outside its periods.

        Raises
        ------
        TrendcalcError
            If a column is absent, a label cannot be read or is of the wrong kind, counts
            are not whole non-negative numbers, or labels are missing.

        See Also
        --------
        CountTable.to_frame : The inverse: a tidy frame from a table.
        count_events : Count records (one row per offence) instead.

        Examples
        --------
        >>> import trendcalc as tc
        >>> data = {
        ...     "Financial Year": ["2016/17", "2016/17", "2016/17", "2017/18"],
        ...     "Financial Quarter": [1, 1, 2, 1],
        ...     "Force Name": ["Kent", "Kent", "Essex", "Kent"],
        ...     "Number of Offences": [10, 5, 7, 12],
        ... }
        >>> t = tc.CountTable.from_frame(
        ...     data, period=("Financial Year", "Financial Quarter"),
        ...     count="Number of Offences", groups="Force Name")
        >>> [p.label for p in t.periods]
        ['2016/17 Q1', '2016/17 Q2', '2016/17 Q3', '2016/17 Q4', '2017/18 Q1']
        >>> t.groups, t.counts[0].tolist()
        (('Essex', 'Kent'), [0, 15])
        >>> t.coverage().describe()
        '7 of 10 cells not supplied: Essex in 2016/17 Q1, Kent in 2016/17 Q2, Essex in 2016/17 Q3, ...'
        """
        fill = None if fill is None else check_count(fill, name="fill")
        fy = check_int(fy_start_month, name="fy_start_month")
        if not isinstance(period, str | tuple | list):
            raise TrendcalcError(
                f"period must be a column name, or two: a year column and a quarter column "
                f"(got {type(period).__name__} {brief(period)})"
            )
        if groups is not None and not isinstance(groups, str | tuple | list):
            raise TrendcalcError(
                f"groups must be a column name or a list of them (got {type(groups).__name__} "
                f"{groups!r})"
            )
        period_names = (period,) if isinstance(period, str) else tuple(period)
        if not 1 <= len(period_names) <= 2 or not all(isinstance(n, str) for n in period_names):
            raise TrendcalcError(
                "period must be a column name, or two: a year column and a quarter column "
                f"(got {brief(period)})"
            )
        if not isinstance(count, str):
            raise TrendcalcError(f"count must be a column name (got {brief(count)})")
        if groups is not None:
            key_names = (groups,) if isinstance(groups, str) else tuple(groups)
            if not all(isinstance(n, str) for n in key_names):
                raise TrendcalcError(f"groups must be column names (got {brief(groups)})")
            columns, _, rows = _frame_columns(frame, [*period_names, count, *key_names])
        else:
            _, available, _ = _frame_columns(frame, [*period_names, count])
            skip = {*period_names, count, "start", "end", "days"}
            key_names = tuple(c for c in available if c not in skip)
            columns, _, rows = _frame_columns(frame, [*period_names, count, *key_names])
        values, nulls = _count_values(columns[count], count)
        # periods: each distinct label (or year-and-quarter pair) is read once
        codes, uniques = _factorize(columns[period_names[0]], period_names[0])
        if len(period_names) == 2:
            q_codes, q_uniques = _factorize(columns[period_names[1]], period_names[1])
            quarters = [_quarter_number(q, period_names[1]) for q in q_uniques]
            pair, codes = _dense_unique(codes * len(q_uniques) + q_codes)
            years = [_year_label(y, fy) for y in uniques]  # each year label once
            found = [
                _quarter_of(years[c // len(q_uniques)], quarters[c % len(q_uniques)], kind)
                for c in pair.tolist()
            ]
        else:
            found = parse_labels(list(uniques), kind=kind, fy_start_month=fy)
        if rows == 0:
            raise TrendcalcError("frame has no rows: a table needs at least one period")
        span = [(p.start, p.end) for p in found]
        first = found[min(range(len(found)), key=span.__getitem__)]
        last = found[max(range(len(found)), key=span.__getitem__)]
        kinds = {(p.kind, p.fy_start_month) for p in found}
        if len(kinds) > 1:
            raise PeriodError(
                f"the period column mixes kinds of period ({sorted(k for k, _ in kinds)}); a "
                "table holds one kind"
            )
        periods = _fill_periods(first, last, found)
        index = {(p.start, p.end): i for i, p in enumerate(periods)}
        try:
            found_rows = [index[(p.start, p.end)] for p in found]
        except KeyError:
            raise PeriodError(
                "the period labels do not fit one series of periods (year-ending labels must "
                "be evenly spaced)"
            ) from None
        row_of = np.array(found_rows, dtype=np.int64)[codes]
        # groups: each key column factorised, then the combinations found
        if key_names:
            combined = np.zeros(rows, dtype=np.int64)
            per_key: list[list[Label]] = []
            for name in key_names:
                k_codes, k_uniques = _factorize(columns[name], name, labels=True)
                k_codes, k_labels = _sorted_codes(k_codes, _labels_of(k_uniques, name))
                combined = combined * max(len(k_labels), 1) + k_codes
                per_key.append(k_labels)
            used, col_of = _dense_unique(combined)
            group_labels: list[Group] = []
            for c in used.tolist():
                parts = []
                for labels_k in reversed(per_key):
                    c, r = divmod(c, len(labels_k))
                    parts.append(labels_k[r])
                parts.reverse()
                group_labels.append(tuple(parts) if len(parts) > 1 else parts[0])
            keys: tuple[str, ...] | None = key_names
            if key_names == ("group",):
                keys = None
        else:
            col_of = np.zeros(rows, dtype=np.int64)
            group_labels = [None]
            keys = None
        g = len(group_labels)
        cells = row_of * g + col_of
        size = len(periods) * g
        counts = _sum_cells(cells, values, size).reshape(len(periods), g)
        supplied = np.bincount(cells, minlength=size).reshape(len(periods), g) > 0
        if nulls is not None:
            supplied[np.unravel_index(cells[nulls], supplied.shape)] = False
            counts[~supplied] = 0
        if fill is not None:
            counts[~supplied] = fill
            supplied[:] = True
        zeros = np.zeros(g, dtype=np.int64)
        return cls(
            periods,
            group_labels,
            counts,
            zeros,
            zeros,
            zeros,
            keys=keys,
            supplied=None if supplied.all() else supplied,
        )

    # -- reading

    @property
    def n_events(self) -> int:
        """Every event counted: in the periods, before, after, or without a date (exact).

        A Python int, never wrapped, however large the counts.

        Raises
        ------
        TrendcalcError
            If a cell was not supplied: the events are then not known (missing is not
            zero; ``table.fill(0).n_events`` counts such cells as none).

        See Also
        --------
        CountTable.totals : The events in the periods, per group.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.CountTable(["2016/17"], ["a", "b"], [[2**62, 2**62]], [1, 0], [0, 0], [0, 0]).n_events
        9223372036854775809
        """
        self._refuse_missing(slice(None), None, "the number of events")
        return sum(_exact_sum(a) for a in (self.counts, self.before, self.after, self.missing))

    @property
    def mask(self) -> NDArray[np.bool_]:
        """Which cells were supplied, as a read-only bool array (all True when complete).

        See Also
        --------
        CountTable.coverage : The missing cells, named.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable.from_frame({"period": ["2016/17", "2017/18"], "count": [3, None]})
        >>> t.mask.tolist(), t.is_complete
        ([[True], [False]], False)
        """
        if self.supplied is not None:
            return self.supplied
        full = np.ones(self.counts.shape, dtype=bool)
        full.setflags(write=False)
        return full

    @property
    def is_complete(self) -> bool:
        """Whether every cell was supplied.

        See Also
        --------
        CountTable.mask : Which cells were supplied.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.CountTable(["2016/17"], ["a"], [[3]], [0], [0], [0]).is_complete
        True
        """
        return self.supplied is None

    @property
    def is_rolling(self) -> bool:
        """Whether the periods are overlapping rolling totals (see :meth:`rolling_total`).

        See Also
        --------
        CountTable.rolling_total : Makes such a table.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2016 Q1", "2017 Q1"), ["a"], [[1]] * 5,
        ...                   [0], [0], [0])
        >>> t.is_rolling, t.rolling_total(4).is_rolling
        (False, True)
        """
        return len(self.periods) > 1 and self.periods[0].end >= self.periods[1].start

    def coverage(self) -> Coverage:
        """Which cells the data supplied, and which are missing.

        Returns
        -------
        Coverage
            The number of cells, how many were supplied, and the missing ones as
            ``(group, period)`` pairs, in period order.

        See Also
        --------
        CountTable.fill : Make missing cells a count, when none truly means zero.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable.from_frame(
        ...     {"period": ["2016/17", "2017/18", "2016/17"], "group": ["a", "a", "b"],
        ...      "count": [3, 4, 5]})
        >>> c = t.coverage()
        >>> c.cells, c.supplied, c.gaps
        (4, 3, (('b', parse_period('2017/18')),))
        >>> c.describe()
        '1 of 4 cells not supplied: b in 2017/18'
        """
        mask = self.mask
        rows, cols = np.nonzero(~mask)
        gaps = tuple((self.groups[j], self.periods[i]) for i, j in zip(rows, cols, strict=True))
        return Coverage(int(mask.size), int(mask.sum()), gaps)

    def fill(self, value: int = 0) -> CountTable:
        """The table with every missing cell given the count ``value`` (an explicit choice).

        See Also
        --------
        CountTable.coverage : Which cells are missing.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable.from_frame(
        ...     {"period": ["2016/17", "2017/18", "2016/17"], "group": ["a", "a", "b"],
        ...      "count": [3, 4, 5]})
        >>> t.fill(0).counts.tolist(), t.fill(0).is_complete
        ([[3, 5], [4, 0]], True)
        """
        value = check_count(value, name="fill")
        if self.supplied is None:
            return self
        counts = np.array(self.counts)
        counts[~self.supplied] = value
        return attrs.evolve(self, counts=counts, supplied=None)

    def _label(self, group: Group) -> str:
        return _group_text(group)

    def _refuse_missing(
        self, rows: slice | Sequence[int], cols: Sequence[int] | None, what: str
    ) -> None:
        """Refuse ``what`` if any of those cells is missing, naming the first."""
        if self.supplied is None:
            return
        sub = self.supplied[rows] if cols is None else self.supplied[rows][:, list(cols)]
        if sub.all():
            return
        r, c = (int(x[0]) for x in np.nonzero(~sub))
        row_ids = list(range(len(self.periods)))[rows] if isinstance(rows, slice) else list(rows)
        col_ids = list(range(len(self.groups))) if cols is None else list(cols)
        group, period = self.groups[col_ids[c]], self.periods[row_ids[r]]
        n = int((~sub).sum())
        whose = "" if group is None else f" of {self._label(group)}"
        raise TrendcalcError(
            f"cannot compute {what}: the count{whose} in {period.label} was "
            f"not supplied ({n} missing cell{'s' if n > 1 else ''} in all); missing is not "
            "zero: pass fill=0 if no data means none, or choose periods that are complete "
            "(table.coverage() lists the gaps)"
        )

    def _group_index(self, group: Group) -> int:
        try:
            return self.groups.index(group)
        except ValueError:
            shown = ", ".join(repr(g) for g in self.groups[:10])
            raise TrendcalcError(
                f"group {group!r} is not in the table; its groups are {shown}"
                f"{'...' if len(self.groups) > 10 else ''}"
            ) from None

    def _period_index(self, value: object, name: str) -> int:
        period = _read_period(self.periods, value, name)
        try:
            return self.periods.index(period)
        except ValueError:
            raise SeriesError(
                f"{name}={period.label!r} is not in the table, which covers {_span(self.periods)}"
            ) from None

    def _span_rows(self, first: object, last: object) -> tuple[int, int]:
        i = 0 if first is None else self._period_index(first, "first")
        j = len(self.periods) - 1 if last is None else self._period_index(last, "last")
        if j < i:
            raise SeriesError(
                f"last must not be before first (got first={self.periods[i].label!r}, "
                f"last={self.periods[j].label!r})"
            )
        return i, j

    def series(self, group: Group = None) -> CountSeries:
        """The counts of one group (or, with ``None``, of all groups) as a :class:`CountSeries`.

        With several keys, ``group`` is a tuple such as ``("Kent", "Burglary")``.

        Examples
        --------
        >>> import numpy as np, trendcalc as tc
        >>> dates = np.array(["2015-06-01", "2016-06-01", "2016-07-01"], dtype="datetime64[D]")
        >>> tc.count_events(dates, "2015/16 to 2016/17").series().as_dict()
        {'2015/16': 1, '2016/17': 2}
        """
        if self.is_rolling:
            raise SeriesError(
                "a CountSeries holds periods that tile time, but this table's periods are "
                "overlapping rolling totals; read them with table.counts, to_frame() or "
                "changes()"
            )
        if group is None and self.groups != (None,):
            self._refuse_missing(slice(None), None, "the series of all groups")
            column = self.counts.sum(axis=1)
        else:
            j = self._group_index(group)
            self._refuse_missing(slice(None), [j], f"the series of {self._label(group)}")
            column = self.counts[:, j]
        return CountSeries(self.periods, [int(c) for c in column])

    def total(
        self,
        group: Group = None,
        first: Period | str | None = None,
        last: Period | str | None = None,
        *,
        fill: int | None = None,
    ) -> int:
        """Events in the periods from ``first`` to ``last``, for one group or (None) all.

        Raises
        ------
        TrendcalcError
            If a cell in the span is missing (unless ``fill`` is given), or the periods
            overlap (rolling totals: adding them would count events twice).

        See Also
        --------
        CountTable.totals : The total of every group at once.

        Examples
        --------
        >>> import numpy as np, trendcalc as tc
        >>> days = np.array(["2015-06-01", "2016-06-01", "2016-07-01"], dtype="datetime64[D]")
        >>> t = tc.count_events(days, "2015/16 to 2016/17")
        >>> t.total(), t.total(None, "2016/17")
        (3, 2)
        """
        totals = self.totals(first, last, fill=fill)
        if group is None and self.groups != (None,):
            return sum(totals.values())
        return totals[self.groups[self._group_index(group)]]

    def totals(
        self,
        first: Period | str | None = None,
        last: Period | str | None = None,
        *,
        fill: int | None = None,
    ) -> dict[Group, int]:
        """The total of each group over the periods from ``first`` to ``last`` (both included).

        Parameters
        ----------
        first, last : Period or str, optional
            The span (default: every period).
        fill : int, optional
            A count for missing cells; by default a missing cell in the span is refused.

        Returns
        -------
        dict
            ``{group: total}``, exact Python ints, in the order of the groups.

        Raises
        ------
        TrendcalcError
            If a cell in the span is missing, or the periods are overlapping rolling totals.

        See Also
        --------
        CountTable.total : One group's total.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2017/18"), ["a", "b"],
        ...                   [[1, 2], [3, 4], [5, 6]], [0, 0], [0, 0], [0, 0])
        >>> t.totals(), t.totals("2016/17")
        ({'a': 9, 'b': 12}, {'a': 8, 'b': 10})
        """
        table = self if fill is None else self.fill(fill)
        if table.is_rolling:
            raise SeriesError(
                "cannot total overlapping rolling periods: each event would be counted in "
                "several of them; total the table the rolling totals came from"
            )
        i, j = table._span_rows(first, last)
        table._refuse_missing(slice(i, j + 1), None, "the totals")
        block = table.counts[i : j + 1]
        if block.size and int(block.max()) * block.shape[0] > MAX_COUNT:
            sums = [int(x) for x in block.astype(object).sum(axis=0)]
        else:
            sums = [int(x) for x in block.sum(axis=0)]
        return dict(zip(table.groups, sums, strict=True))

    def select(self, where: Mapping[str, object] | None = None, /, **by: object) -> CountTable:
        """The table of the groups whose keys match: one value, or a list of values, per key.

        Keys are named as in ``keys`` (``"group"`` for a table with one unnamed key);
        names that are not Python identifiers go in the mapping ``where``. Fixing every key
        but one leaves a table with plain labels, keyed by the remaining one.

        Raises
        ------
        TrendcalcError
            If a key is unknown, or no group matches.

        See Also
        --------
        CountTable.series : One group's counts as a series.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable.from_frame(
        ...     {"period": ["2016/17"] * 4, "force": ["Kent", "Kent", "Essex", "Essex"],
        ...      "offence": ["Burglary", "Robbery"] * 2, "count": [5, 2, 7, 1]},
        ...     groups=["force", "offence"])
        >>> t.groups
        (('Essex', 'Burglary'), ('Essex', 'Robbery'), ('Kent', 'Burglary'), ('Kent', 'Robbery'))
        >>> kent = t.select(force="Kent")
        >>> kent.keys, kent.groups, kent.counts.tolist()
        (('offence',), ('Burglary', 'Robbery'), [[5, 2]])
        >>> t.series(("Essex", "Robbery")).as_dict()
        {'2016/17': 1}
        """
        wanted = dict(where or {})
        wanted.update(by)
        names = self.keys or ("group",)
        if self.groups == (None,):
            raise TrendcalcError("select needs a table with groups; this one has none")
        unknown = [k for k in wanted if k not in names]
        if unknown:
            raise TrendcalcError(f"select: unknown key {unknown[0]!r}; the keys are {names!r}")
        wide = len(names) > 1
        keep = []
        for j, g in enumerate(self.groups):
            parts = g if wide else (g,)
            assert isinstance(parts, tuple)
            ok = True
            for k, v in wanted.items():
                value = parts[names.index(k)]
                allowed = v if isinstance(v, list | tuple | set | frozenset) else (v,)
                if value not in allowed:
                    ok = False
                    break
            if ok:
                keep.append(j)
        if not keep:
            raise TrendcalcError(f"select: no group matches {wanted!r}")
        fixed = [k for k, v in wanted.items() if not isinstance(v, list | tuple | set | frozenset)]
        rest = [i for i, k in enumerate(names) if k not in fixed]
        labels: list[Any] = []
        for j in keep:
            g = self.groups[j]
            parts = g if wide else (g,)
            assert isinstance(parts, tuple)
            if wide and len(rest) == 1:
                labels.append(parts[rest[0]])
            elif wide and rest:
                labels.append(tuple(parts[i] for i in rest))
            else:
                labels.append(g)
        keys = self.keys
        if wide and rest:
            keys = tuple(names[i] for i in rest)
        elif wide:  # every key fixed: one group, keep its full label
            rest = list(range(len(names)))
        order = sorted(range(len(keep)), key=lambda i: labels[i])
        cols = [keep[i] for i in order]
        mask = None if self.supplied is None else self.supplied[:, cols]
        return CountTable(
            self.periods,
            [labels[i] for i in order],
            self.counts[:, cols],
            self.before[cols],
            self.after[cols],
            self.missing[cols],
            keys=keys,
            supplied=mask,
        )

    # -- combining

    def merge(self, other: CountTable) -> CountTable:
        """Add two tables counted from different parts of the same data.

        Groups are aligned (the result has every group of either, sorted); the periods
        must be the same. A cell is missing in the sum if it is missing in either table
        for a group both tables have.

        Raises
        ------
        TrendcalcError
            If the periods differ, one table has groups and the other not, the keys
            differ, or a sum would exceed the largest count (2**63 - 1).

        Examples
        --------
        >>> import numpy as np, trendcalc as tc
        >>> days = np.array(["2016-05-01", "2017-05-01"], dtype="datetime64[D]")
        >>> a = tc.count_events(days[:1], "2016/17 to 2017/18", groups=["x"])
        >>> b = tc.count_events(days[1:], "2016/17 to 2017/18", groups=["y"])
        >>> (a + b).counts.tolist()
        [[1, 0], [0, 1]]
        """
        if not isinstance(other, CountTable):
            raise TrendcalcError(f"other must be a CountTable (got {type(other).__name__})")
        if other.periods != self.periods:
            raise SeriesError(
                "cannot merge tables counted over different periods: "
                f"{_span(self.periods)} against {_span(other.periods)}; count both over the "
                "same periods"
            )
        if self.keys != other.keys and self.groups and other.groups:
            raise TrendcalcError(
                f"cannot merge tables with different keys ({self.keys!r} and {other.keys!r})"
            )
        keys = self.keys if self.groups else other.keys
        if self.groups == other.groups:
            for name in ("counts", "before", "after", "missing"):
                _checked_total([getattr(self, name), getattr(other, name)], f"merging {name}")
            mask = None
            if self.supplied is not None or other.supplied is not None:
                mask = self.mask & other.mask
            counts = self.counts + other.counts
            if mask is not None:
                counts[~mask] = 0
            return CountTable(
                self.periods,
                self.groups,
                counts,
                self.before + other.before,
                self.after + other.after,
                self.missing + other.missing,
                keys=keys,
                supplied=mask,
            )
        if (None,) in (self.groups, other.groups):
            raise TrendcalcError(
                "cannot merge a table without groups with one that has groups; count both "
                "with groups, or neither"
            )
        labels = _check_groups(sorted(set(self.groups) | set(other.groups)))  # type: ignore[type-var]
        index = {g: i for i, g in enumerate(labels)}
        counts = np.zeros((len(self.periods), len(labels)), dtype=np.int64)
        edges = np.zeros((3, len(labels)), dtype=np.int64)
        mask = np.ones(counts.shape, dtype=bool)
        for table in (self, other):
            cols = [index[g] for g in table.groups]
            _checked_total([counts[:, cols], table.counts], "merging counts")
            counts[:, cols] += table.counts
            edges[:, cols] += np.stack([table.before, table.after, table.missing])
            mask[:, cols] &= table.mask
        counts[~mask] = 0
        return CountTable(
            self.periods,
            labels,
            counts,
            edges[0],
            edges[1],
            edges[2],
            keys=keys,
            supplied=None if mask.all() else mask,
        )

    def __add__(self, other: CountTable) -> CountTable:
        return self.merge(other)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, CountTable):
            return NotImplemented
        return (
            self.periods == other.periods
            and self.groups == other.groups
            and self.keys == other.keys
            and np.array_equal(self.counts, other.counts)
            and np.array_equal(self.before, other.before)
            and np.array_equal(self.after, other.after)
            and np.array_equal(self.missing, other.missing)
            and np.array_equal(self.mask, other.mask)
        )

    __hash__ = None  # type: ignore[assignment]

    def resample(
        self,
        kind: ResampleKind,
        *,
        fy_start_month: int = 4,
        incomplete: Literal["raise", "drop"] = "raise",
        fill: int | None = None,
    ) -> CountTable:
        """Add the counts up into longer periods, as :meth:`CountSeries.resample` does.

        With ``incomplete="drop"``, the events of a dropped period at the start move to
        ``before`` and those at the end to ``after``, so nothing is lost. A longer period
        with a missing cell in it is missing in the result (``fill=0`` fills first). Time
        grows linearly with the number of periods.

        Examples
        --------
        >>> import numpy as np, trendcalc as tc
        >>> days = np.array(["2016-04-01", "2016-12-31", "2017-03-31"], dtype="datetime64[D]")
        >>> months = tc.count_events(days, "April 2016 to March 2017")
        >>> months.resample("financial_year").counts.tolist()
        [[3]]
        """
        if not isinstance(kind, str) or kind not in _RESAMPLE_KINDS:
            valid = ", ".join(repr(k) for k in _RESAMPLE_KINDS)
            raise SeriesError(f"kind must be one of {valid} (got {brief(kind)})")
        if not isinstance(incomplete, str) or incomplete not in ("raise", "drop"):
            raise SeriesError(f"incomplete must be 'raise' or 'drop' (got {brief(incomplete)})")
        table = self if fill is None else self.fill(fill)
        if table.is_rolling:
            raise SeriesError(
                "cannot resample overlapping rolling periods; resample the table they came from"
            )
        from trendcalc._periods import _check_start_month

        fy = _check_start_month(fy_start_month, name="fy_start_month")
        periods = table.periods
        starts, _bounds, targets = _targets(periods, kind, fy)
        # runs of source periods with the same target
        n = len(periods)
        first_t, last_t = targets[0], targets[-1]
        keep = list(range(len(targets)))
        partial_first = periods[starts[0]].start != first_t.start
        partial_last = periods[n - 1].end != last_t.end
        for flag, t, side in ((partial_first, first_t, 0), (partial_last, last_t, -1)):
            if not flag:
                continue
            if incomplete == "raise":
                s = starts[side]
                e = starts[side + 1] - 1 if side == 0 and len(starts) > 1 else n - 1
                if side == 0 and len(starts) == 1:
                    e = n - 1
                raise SeriesError(
                    f"{t.label!r} is only partly covered (the table has {periods[s].start} to "
                    f"{periods[e].end} of {t.start} to {t.end}); pass incomplete='drop' to "
                    "leave incomplete periods out"
                )
            if keep and keep[side] in keep:
                keep.remove(keep[side])
        if not keep:
            raise SeriesError(
                f"no {kind} is completely covered by the table, which runs from "
                f"{periods[0].start} to {periods[-1].end}"
            )
        _check_column_sums(table.counts, "a resampled count")
        sums = np.add.reduceat(table.counts, starts, axis=0)
        mask = np.logical_and.reduceat(table.mask, starts, axis=0)
        lo, hi = keep[0], keep[-1]
        before = table.before + table.counts[: starts[lo]].sum(axis=0)
        end_row = starts[hi + 1] if hi + 1 < len(starts) else n
        after = table.after + table.counts[end_row:].sum(axis=0)
        out_mask = mask[lo : hi + 1]
        counts = np.where(out_mask, sums[lo : hi + 1], 0)
        return CountTable(
            targets[lo : hi + 1],
            table.groups,
            counts,
            before,
            after,
            table.missing,
            keys=table.keys,
            supplied=None if out_mask.all() else out_mask,
        )

    # -- analysis, every group at once

    def rolling_total(self, window: int) -> CountTable:
        """Rolling year totals: ``window`` consecutive periods adding up to twelve months.

        Parameters
        ----------
        window : int
            12 for months, 4 for quarters (calendar or financial).

        Returns
        -------
        CountTable
            One row per position, ``len(periods) - window + 1`` in all, whose periods are
            ``year_ending`` periods ("year ending March 2017") one period apart: the
            overlapping rolling totals bulletins publish. A window with a missing cell is
            missing. ``before``, ``after`` and ``missing`` are carried over.

        Raises
        ------
        TrendcalcError
            If the periods are not months or quarters, the window does not make a year, or
            it is longer than the table.

        See Also
        --------
        CountSeries.rolling_total : Totals over spans of any length, for one series.

        Examples
        --------
        >>> import trendcalc as tc
        >>> months = tc.period_range("April 2016", "June 2017")
        >>> t = tc.CountTable(months, ["a"], [[1]] * 15, [0], [0], [0])
        >>> r = t.rolling_total(12)
        >>> [p.label for p in r.periods]
        ['year ending March 2017', 'year ending April 2017', 'year ending May 2017', 'year ending June 2017']
        >>> r.counts[:, 0].tolist()
        [12, 12, 12, 12]
        """
        window = check_int(window, name="window", minimum=1)
        first = self.periods[0]
        if self.is_rolling or first.kind not in ("month", "quarter", "financial_quarter"):
            raise SeriesError(
                "rolling_total needs a table of months or quarters (got periods of kind "
                f"{first.kind!r}{', already rolling' if self.is_rolling else ''})"
            )
        months = _MONTHS_IN[first.kind]
        if window * months != 12:
            raise SeriesError(
                f"window must make a year: 12 for months, 4 for quarters (got {window} "
                f"{first.kind}s); for other spans use CountSeries.rolling_total"
            )
        n = len(self.periods)
        if window > n:
            raise SeriesError(f"window must be at most the number of periods {n} (got {window})")
        _check_column_sums(self.counts, "a rolling total")
        csum = np.zeros((n + 1, len(self.groups)), dtype=np.int64)
        np.cumsum(self.counts, axis=0, out=csum[1:])
        totals = csum[window:] - csum[:-window]
        supplied = None
        if self.supplied is not None:
            gaps = np.zeros((n + 1, len(self.groups)), dtype=np.int64)
            np.cumsum(~self.supplied, axis=0, out=gaps[1:])
            supplied = (gaps[window:] - gaps[:-window]) == 0
            totals[~supplied] = 0
        end0 = _month_index(self.periods[window - 1].end)
        periods = [_year_ending(end0 + months * k) for k in range(n - window + 1)]
        return CountTable(
            periods,
            self.groups,
            totals,
            self.before,
            self.after,
            self.missing,
            keys=self.keys,
            supplied=supplied,
        )

    def changes(
        self,
        first: Period | str | None = None,
        last: Period | str | None = None,
        *,
        lag: int | None = None,
        fill: int | None = None,
    ) -> TableChanges:
        """The change of every group: from ``first`` to ``last``, or period on period.

        Parameters
        ----------
        first, last : Period or str, optional
            Compare these two periods (default: the first and the last).
        lag : int, optional
            Instead, compare every period with the one ``lag`` rows before it (1: each on
            the previous; 12 on monthly rolling totals: each on the same month a year
            before). Not with ``first`` or ``last``.
        fill : int, optional
            A count for missing cells; by default a change involving one is marked missing.

        Returns
        -------
        TableChanges
            The exact counts before and after, per row and group.

        See Also
        --------
        CountTable.pct_change : Percentage changes, rounded by a named rule.
        change : One exact change.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2017/18"), ["a", "b"],
        ...                   [[112, 10], [58, 0], [60, 5]], [0, 0], [0, 0], [0, 0])
        >>> ch = t.changes()
        >>> ch.change("a").describe(), ch.change("b").describe()
        ('down 46% (from 112 to 60)', 'down 50% (from 10 to 5)')
        >>> t.changes(lag=1).absolute.tolist()
        [[-54, -10], [2, 5]]
        """
        table = self if fill is None else self.fill(fill)
        if lag is not None:
            if first is not None or last is not None:
                raise TrendcalcError("changes: give lag, or first and last, not both")
            lag = check_int(lag, name="lag", minimum=1)
            n = len(table.periods)
            if lag >= n:
                raise SeriesError(f"lag must be less than the number of periods {n} (got {lag})")
            mask = table.mask
            return TableChanges(
                table.periods[lag:],
                table.periods[:-lag],
                table.groups,
                table.counts[:-lag],
                table.counts[lag:],
                mask[:-lag] & mask[lag:],
                keys=table.keys,
            )
        i, j = table._span_rows(first, last)
        mask = table.mask
        return TableChanges(
            (table.periods[j],),
            (table.periods[i],),
            table.groups,
            table.counts[i : i + 1],
            table.counts[j : j + 1],
            mask[i : i + 1] & mask[j : j + 1],
            keys=table.keys,
        )

    def pct_change(
        self,
        first: Period | str | None = None,
        last: Period | str | None = None,
        *,
        lag: int | None = None,
        places: int | None = None,
        mode: Mode = "half_up",
        fill: int | None = None,
    ) -> TableValues:
        """Percentage changes of every group, exact, or rounded by a named rule.

        ``table.pct_change(...)`` is ``table.changes(...).pct_change(places, mode=mode)``:
        see :meth:`changes` for ``first``, ``last``, ``lag`` and ``fill``.

        Returns
        -------
        TableValues
            Exact percentages (Fractions), or with ``places`` the correctly rounded
            decimals; undefined where the earlier count is 0 (never inf), missing where a
            cell was not supplied.

        See Also
        --------
        pct_change : The same for bare arrays.
        CountTable.changes : The counts behind the changes.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2016/17"), ["a", "b", "c"],
        ...                   [[112, 8, 0], [58, 9, 4]], [0] * 3, [0] * 3, [0] * 3)
        >>> p = t.pct_change(places=1)
        >>> p.to_numpy().tolist()
        [[-48.2, 12.5, nan]]
        >>> p.value("2016/17", "b"), p.value("2016/17", "c")
        (Decimal('12.5'), None)
        """
        return self.changes(first, last, lag=lag, fill=fill).pct_change(places, mode=mode)

    def rates(
        self,
        population: object,
        per: int = 1000,
        *,
        places: int | None = None,
        mode: Mode = "half_up",
        column: str = "population",
        fill: int | None = None,
    ) -> TableValues:
        """Counts per ``per`` people, for every period and group.

        Parameters
        ----------
        population : mapping or frame
            ``{group: population}`` (one population for every period), ``{group: {period:
            population}}``, or a frame (pandas, polars, pyarrow, dict of columns) with the
            table's key columns (``group`` for an unnamed key), the ``column`` of
            populations and optionally a ``period`` column. The table uses exactly the
            population you give for each period; it never picks one. (For financial years
            the ONS and Home Office use the mid-year estimate of the year the financial
            year starts in: mid-2016 for 2016/17.)
        per : int, default 1000
            Per how many people.
        places : int, optional
            Round each rate to this many decimals by ``mode``; exact Fractions otherwise.
        column : str, default "population"
            The population column of a frame.
        fill : int, optional
            A count for missing cells; by default their rates are marked missing.

        Returns
        -------
        TableValues

        Raises
        ------
        TrendcalcError
            If a group or period has no population, a frame gives one group (in one
            period) two different populations, or a population is not a positive int.

        See Also
        --------
        population_rate : One rate.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2016/17"), ["Kent", "Lincs"],
        ...                   [[1850, 512], [1902, 540]], [0, 0], [0, 0], [0, 0])
        >>> r = t.rates({"Kent": 1_846_500, "Lincs": 751_200}, places=2)
        >>> r.to_numpy().tolist()
        [[1.0, 0.68], [1.03, 0.72]]
        >>> t.rates({"Kent": 1_846_500, "Lincs": 751_200}).value("2016/17", "Lincs")
        Fraction(225, 313)
        """
        table = self if fill is None else self.fill(fill)
        per = check_int(per, name="per", minimum=1)
        pop = _population_array(table, population, column)
        num = _mul(table.counts, per)
        den = pop
        return TableValues(
            "rate",
            table.periods,
            table.groups,
            num,
            den,
            table.mask.copy(),
            table.mask.copy(),
            keys=table.keys,
        )._maybe_round(places, mode)

    def shares(self, places: int = 1, *, fill: int | None = None) -> TableValues:
        """Each group's percentage share of each period's total, adding up to exactly 100.

        Every period is rounded as :func:`shares` does (largest remainder: cut down to
        ``places`` decimals, then the units still missing go to the shares that lost the
        most; ties to the larger count, then the earlier group), vectorised over periods.

        Returns
        -------
        TableValues
            The rounded shares. A period with a missing cell has no shares (its total is
            unknown: marked missing); a period whose total is 0 has none either (undefined).

        See Also
        --------
        shares : The same for one list of counts.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2016/17"), ["a", "b", "c"],
        ...                   [[1, 1, 1], [58, 3845, 0]], [0] * 3, [0] * 3, [0] * 3)
        >>> t.shares(places=0).to_numpy().tolist()
        [[34.0, 33.0, 33.0], [1.0, 99.0, 0.0]]
        >>> sum(t.shares(places=1).decimals()[1])
        Decimal('100.0')
        """
        table = self if fill is None else self.fill(fill)
        places = check_int(places, name="places", minimum=0)
        check_places(places)
        units, defined = _largest_remainder(table.counts, places)
        row_ok: NDArray[np.bool_] = np.asarray(table.mask.all(axis=1))
        missing = np.repeat(row_ok[:, None], len(table.groups), axis=1)
        defined = defined & missing
        num = np.where(defined, units, 0)
        den = np.full(num.shape, 10**places, dtype=np.int64)
        return TableValues(
            "share",
            table.periods,
            table.groups,
            num,
            den,
            defined,
            missing,
            keys=table.keys,
            places=places,
        )

    def ranks(
        self,
        period: Period | str | None = None,
        *,
        by: Literal["count", "rate", "change"] = "count",
        population: object = None,
        per: int = 1000,
        base: Period | str | None = None,
        descending: bool = True,
        fill: int | None = None,
    ) -> Ranking:
        """Rank the groups in one period by count, rate or change, with ties explicit.

        Parameters
        ----------
        period : Period or str, optional
            The period ranked (default: the last).
        by : {"count", "rate", "change"}
            What to rank by: the count, the rate per ``per`` people (needs ``population``,
            as :meth:`rates` takes it), or the exact percentage change from ``base``
            (default: the period before ``period``).
        descending : bool, default True
            Rank 1 is the highest value.

        Returns
        -------
        Ranking
            Groups in rank order. Tied groups share the lower rank number ("standard
            competition" ranking: 1, 2, 2, 4) and are flagged as tied; groups with no
            percentage change (zero base) come last, unranked.

        Raises
        ------
        TrendcalcError
            If a cell needed is missing (unless ``fill`` is given).

        See Also
        --------
        CountTable.shares : Each group's share of the total.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2016/17"), ["a", "b", "c", "d"],
        ...                   [[5, 6, 7, 0], [9, 7, 9, 1]], [0] * 4, [0] * 4, [0] * 4)
        >>> t.ranks().labels()
        ('=1 a', '=1 c', '3 b', '4 d')
        >>> [(r.group, r.rank) for r in t.ranks(by="change")]
        [('a', 1), ('c', 2), ('b', 3), ('d', None)]
        """
        if not isinstance(by, str) or by not in ("count", "rate", "change"):
            raise TrendcalcError(f"by must be 'count', 'rate' or 'change' (got {brief(by)})")
        if not isinstance(descending, bool):
            raise TrendcalcError(f"descending must be True or False (got {brief(descending)})")
        table = self if fill is None else self.fill(fill)
        i = len(table.periods) - 1 if period is None else table._period_index(period, "period")
        values: list[int | Fraction | None]
        base_period = None
        if by == "count":
            table._refuse_missing([i], None, "the ranks")
            values = [int(c) for c in table.counts[i]]
        elif by == "rate":
            if population is None:
                raise TrendcalcError("ranks by='rate' needs population= (as rates() takes it)")
            table._refuse_missing([i], None, "the ranks")
            pop = _population_array(table, population, "population")
            values = [
                Fraction(int(c) * per, int(p)) for c, p in zip(table.counts[i], pop[i], strict=True)
            ]
        else:
            b = i - 1 if base is None else table._period_index(base, "base")
            if b < 0:
                raise SeriesError("ranks by='change' needs a period before the one ranked")
            base_period = table.periods[b]
            table._refuse_missing([b, i], None, "the ranks")
            values = [
                None if int(x) == 0 else Fraction(100 * (int(y) - int(x)), int(x))
                for x, y in zip(table.counts[b], table.counts[i], strict=True)
            ]
        ranking = Ranking.of(table.periods[i], by, table.groups, values, descending, base_period)
        return attrs.evolve(ranking, keys=table.keys)

    def compare(
        self,
        first: Period | str | None = None,
        last: Period | str | None = None,
        *,
        method: str = "exact",
        alternative: str = "two-sided",
        level: float = 0.95,
        fill: int | None = None,
    ) -> dict[Group, Comparison]:
        """Whether each group's change from ``first`` to ``last`` is more than Poisson noise.

        Each group is compared by :func:`compare_counts` as rates per day, so a 366-day
        year is weighed fairly against a 365-day one. Needs scipy
        (``pip install 'trendcalc[stats]'``).

        Raises
        ------
        TrendcalcError
            If a cell compared is missing (unless ``fill`` is given).

        See Also
        --------
        compare_counts : One comparison.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("2015/16", "2016/17"), ["a", "b"],
        ...                   [[112, 16], [58, 25]], [0, 0], [0, 0], [0, 0])
        >>> found = t.compare()
        >>> found["a"].p_value < 0.001, found["b"].p_value > 0.05
        (True, True)
        >>> found["a"].exposure_before, found["a"].exposure_after
        (366.0, 365.0)
        """
        from trendcalc._stats import compare_counts

        table = self if fill is None else self.fill(fill)
        i, j = table._span_rows(first, last)
        table._refuse_missing([i, j], None, "the comparisons")
        out: dict[Group, Comparison] = {}
        for k, g in enumerate(table.groups):
            out[g] = compare_counts(
                int(table.counts[i, k]),
                int(table.counts[j, k]),
                exposure_before=table.periods[i].days,
                exposure_after=table.periods[j].days,
                method=method,  # type: ignore[arg-type]
                alternative=alternative,  # type: ignore[arg-type]
                level=level,
            )
        return out

    # -- export

    def _key_names(self) -> tuple[str, ...]:
        return _key_names(self.groups, self.keys)

    def _key_columns(self, cols: NDArray[np.intp]) -> dict[str, Any]:
        return _key_columns(self.groups, self.keys, cols)

    def to_frame(
        self,
        backend: Backend = "pandas",
        *,
        layout: Literal["long", "wide", "edges"] = "long",
    ) -> Any:
        """The table as a tidy frame: pandas, polars or pyarrow.

        Parameters
        ----------
        backend : {"pandas", "polars", "pyarrow"}
            The library of the frame (installed separately).
        layout : {"long", "wide", "edges"}
            ``"long"`` (the default): one row per supplied cell, with columns ``period``
            (the label, as an ordered categorical so it sorts in time order), ``start``,
            ``end``, ``days``, one column per key (``group`` for an unnamed key; none for a
            table without groups) and ``count``. Missing cells have no row, so
            :meth:`from_frame` reads the frame back to this table. ``"wide"``: one row per
            period, one column per group (joined by ``" | "`` for several keys, except in
            pandas, which gets a MultiIndex), missing cells null. ``"edges"``: one row per
            group with ``before``, ``after`` and ``missing``.

        Returns
        -------
        pandas.DataFrame, polars.DataFrame or pyarrow.Table

        Raises
        ------
        TrendcalcError
            If the backend is unknown or not installed (``pip install 'trendcalc[pandas]'``).

        See Also
        --------
        CountTable.from_frame : Read such a frame back.

        Examples
        --------
        >>> import trendcalc as tc
        >>> t = tc.CountTable(tc.period_range("November 2010", "December 2010"),
        ...                   ["Kent", "Lincs"], [[3, 1], [4, 0]], [0, 0], [0, 0], [0, 0])
        >>> frame = t.to_frame()
        >>> frame[["period", "days", "group", "count"]]
                   period  days  group  count
        0   November 2010    30   Kent      3
        1   November 2010    30  Lincs      1
        2   December 2010    31   Kent      4
        3   December 2010    31  Lincs      0
        >>> tc.CountTable.from_frame(frame) == t
        True
        >>> t.to_frame(layout="wide")
                       Kent  Lincs
        period
        November 2010     3      1
        December 2010     4      0
        """
        _check_backend(backend)
        if not isinstance(layout, str) or layout not in ("long", "wide", "edges"):
            raise TrendcalcError(f"layout must be 'long', 'wide' or 'edges' (got {brief(layout)})")
        if layout == "edges":
            cols = np.arange(len(self.groups))
            data = self._key_columns(cols)
            data.update(
                before=self.before.copy(), after=self.after.copy(), missing=self.missing.copy()
            )
            return _build_frame(backend, data, None)
        if layout == "wide":
            return self._wide(backend)
        rows, cols = np.nonzero(self.mask)
        labels = [p.label for p in self.periods]
        starts = np.array([p.start for p in self.periods], dtype="datetime64[D]")
        ends = np.array([p.end for p in self.periods], dtype="datetime64[D]")
        days = np.array([p.days for p in self.periods], dtype=np.int64)
        data = {
            "period": (rows, labels),
            "start": starts[rows],
            "end": ends[rows],
            "days": days[rows],
        }
        data.update(self._key_columns(cols))
        data["count"] = self.counts[rows, cols]
        return _build_frame(backend, data, "period")

    def _wide(self, backend: str) -> Any:
        labels = [p.label for p in self.periods]
        names = self._key_names()
        if backend == "pandas":
            pd = _need("pandas")
            index = pd.CategoricalIndex(labels, categories=labels, ordered=True, name="period")
            if self.groups == (None,):
                columns: Any = pd.Index(["count"])
            elif len(names) > 1:
                columns = pd.MultiIndex.from_tuples(self.groups, names=list(names))
            else:
                columns = pd.Index(list(self.groups), name=names[0] if self.keys else None)
            frame = pd.DataFrame(np.array(self.counts), index=index, columns=columns)
            if self.supplied is not None:
                frame = frame.astype("Int64").mask(~self.supplied)
            return frame
        heads = (
            ["count"]
            if self.groups == (None,)
            else [
                " | ".join(str(x) for x in g) if isinstance(g, tuple) else str(g)
                for g in self.groups
            ]
        )
        data: dict[str, Any] = {"period": (np.arange(len(labels)), labels)}
        for j, head in enumerate(heads):
            column = self.counts[:, j]
            if self.supplied is not None and not self.supplied[:, j].all():
                data[head] = [
                    int(c) if ok else None
                    for c, ok in zip(column, self.supplied[:, j], strict=True)
                ]
            else:
                data[head] = column.copy()
        return _build_frame(backend, data, "period")

    def to_pandas(self) -> Any:
        """The counts as a pandas DataFrame: one row per period label, one column per group.

        Needs pandas (``pip install 'trendcalc[pandas]'``). Kept for compatibility:
        :meth:`to_frame` is the tidy export (long by default).
        """
        pd = _need("pandas", "to_pandas")
        columns = ["count"] if self.groups == (None,) else list(self.groups)
        index = pd.Index([p.label for p in self.periods], name="period")
        frame = pd.DataFrame(np.array(self.counts), index=index, columns=columns)
        if self.supplied is not None:
            frame = frame.astype("Int64").mask(~self.supplied)
        return frame

    def to_polars(self) -> Any:
        """The counts as a polars DataFrame: a ``period`` column, then one column per group.

        Needs polars (``pip install 'trendcalc[polars]'``). Group labels become column
        names, so they are written as text. Kept for compatibility: :meth:`to_frame` is
        the tidy export.
        """
        pl = _need("polars", "to_polars")
        data: dict[str, Any] = {"period": [p.label for p in self.periods]}
        names = ["count"] if self.groups == (None,) else [self._label(g) for g in self.groups]
        for j, name in enumerate(names):
            if self.supplied is not None and not self.supplied[:, j].all():
                data[name] = [
                    int(c) if ok else None
                    for c, ok in zip(self.counts[:, j], self.supplied[:, j], strict=True)
                ]
            else:
                data[name] = self.counts[:, j]
        return pl.DataFrame(data)

    def _repr_html_(self) -> str:
        """The table as HTML, for notebooks and the docs: periods by groups."""
        heads = ["count"] if self.groups == (None,) else [self._label(g) for g in self.groups]
        cols = list(range(len(heads)))
        more_cols = len(cols) > 12
        if more_cols:
            cols = cols[:12]
        rows = list(range(len(self.periods)))
        cut = len(rows) > 24
        if cut:
            rows = [*rows[:10], -1, *rows[-10:]]
        mask = self.mask
        caption = (
            f"CountTable: {len(self.periods)} {self.periods[0].kind.replace('_', ' ')} "
            f"period{'s' if len(self.periods) != 1 else ''} ({self.periods[0].label} to "
            f"{self.periods[-1].label}) by {len(self.groups)} group"
            f"{'s' if len(self.groups) != 1 else ''}"
        )
        gaps = int((~mask).sum())
        if gaps:
            caption += f"; {gaps:,} cell{'s' if gaps != 1 else ''} not supplied (shown as –)"
        out = [
            '<table class="trendcalc-table">',
            f"<caption>{html.escape(caption)}</caption>",
            "<thead><tr><th>period</th>",
        ]
        out += [f'<th style="text-align:right">{html.escape(heads[j])}</th>' for j in cols]
        if more_cols:
            out.append(f"<th>… {len(heads) - 12} more</th>")
        out.append("</tr></thead><tbody>")
        for i in rows:
            if i < 0:
                out.append(f'<tr><td colspan="{len(cols) + 1 + more_cols}">…</td></tr>')
                continue
            cells = [f"{int(self.counts[i, j]):,}" if mask[i, j] else "–" for j in cols]
            out.append(
                f"<tr><th>{html.escape(self.periods[i].label)}</th>"
                + "".join(f'<td style="text-align:right">{c}</td>' for c in cells)
                + ("<td></td>" if more_cols else "")
                + "</tr>"
            )
        out.append("</tbody></table>")
        return "".join(out)

    # -- charts

    def plot(
        self,
        groups: Sequence[Group] | None = None,
        *,
        ax: Any = None,
        kind: Literal["line", "bar"] | None = None,
        title: str | None = None,
    ) -> Any:
        """Draw several groups over the periods: lines, or grouped bars for a few periods.

        Needs matplotlib (``pip install 'trendcalc[plot]'``). The figure (9 by 4.5 inches,
        whatever the number of periods) is not attached to pyplot; counts carry
        thousands separators, period labels are thinned to fit, and the layout keeps every
        label and the title inside the figure. Missing cells are gaps in the lines.

        Parameters
        ----------
        groups : sequence, optional
            The groups to draw (default: all, up to ten; pass them for more).
        ax : matplotlib.axes.Axes, optional
            Where to draw; a new figure is made if not given.
        kind : {"line", "bar"}, optional
            Default: lines for more than 12 periods, grouped bars otherwise.
        title : str, optional
            The chart title.

        Returns
        -------
        matplotlib.axes.Axes

        See Also
        --------
        CountSeries.plot : A bar chart of one series, with its change.

        Examples
        --------
        >>> import trendcalc as tc
        >>> months = tc.period_range("April 2010", "March 2020")
        >>> t = tc.CountTable(months, ["Kent", "Lincs"], [[1500 + i, 400] for i in range(120)],
        ...                   [0, 0], [0, 0], [0, 0])
        >>> ax = t.plot(title="Offences per month")
        >>> ax.figure.get_size_inches().tolist()
        [9.0, 4.5]
        >>> ax.get_yticklabels()[-1].get_text()
        '1,800'
        """
        from trendcalc._plot import plot_table

        if groups is None:
            chosen = list(range(len(self.groups)))
            if len(chosen) > 10:
                raise TrendcalcError(
                    f"the table has {len(chosen)} groups: pass groups=[...] to choose up to "
                    "ten or so for one readable chart"
                )
        else:
            if isinstance(groups, str) or not isinstance(groups, Sequence):
                raise TrendcalcError(f"groups must be a list of group labels (got {brief(groups)})")
            chosen = [self._group_index(g) for g in groups]
        if kind is None:
            kind = "line" if len(self.periods) > 12 else "bar"
        if not isinstance(kind, str) or kind not in ("line", "bar"):
            raise TrendcalcError(f"kind must be 'line' or 'bar' (got {brief(kind)})")
        mask = self.mask
        lines = []
        for j in chosen:
            values = [
                int(c) if ok else None for c, ok in zip(self.counts[:, j], mask[:, j], strict=True)
            ]
            lines.append((self._label(self.groups[j]), values))
        return plot_table([p.label for p in self.periods], lines, ax=ax, kind=kind, title=title)


# ----------------------------------------------------------------------------- helpers


def _quarter_number(value: object, name: str) -> int:
    if isinstance(value, float | np.floating) and float(value).is_integer():
        value = int(value)  # 1.0: pandas stores whole numbers so when a column has a gap
    text = str(value).strip().upper()
    if text.startswith("Q"):
        text = text[1:]
    if isinstance(value, bool) or text not in ("1", "2", "3", "4"):
        raise TrendcalcError(
            f"column {name!r} must hold quarter numbers 1 to 4 (got {brief(value)})"
        )
    return int(text)


def _fill_periods(first: Period, last: Period, found: Sequence[Period]) -> list[Period]:
    """Every period from ``first`` to ``last``: consecutive, or rolling year-ending ones."""
    if first.kind == "year_ending" and len(found) > 1:
        ends = sorted({_month_index(p.end) for p in found})
        step = min(b - a for a, b in itertools.pairwise(ends))
        if step in (1, 3):
            if any((e - ends[0]) % step for e in ends):
                raise PeriodError(
                    "the year-ending labels are not evenly spaced one or three months apart"
                )
            return [_year_ending(e) for e in range(ends[0], ends[-1] + 1, step)]
    if first.kind == "range":
        out = [first]
        while out[-1].end < last.end:
            out.append(out[-1].next())
        return out
    step = _MONTHS_IN[first.kind]
    start, stop = _month_index(first.start), _month_index(last.start)
    return [
        _trusted_period(_month_start(m), _month_end(m + step - 1), first.kind, first.fy_start_month)
        for m in range(start, stop + 1, step)
    ]


def _dense_unique(values: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """Sorted distinct values and each value's index among them, in linear time when dense."""
    if values.size and int(values.min()) >= 0 and int(values.max()) < 4 * values.size + 1024:
        present = np.bincount(values) > 0
        ids = np.cumsum(present) - 1
        return np.flatnonzero(present).astype(np.int64), ids[values].astype(np.int64)
    used, inverse = np.unique(values, return_inverse=True)
    return used.astype(np.int64), inverse.astype(np.int64).ravel()


def _quarter_of(year: Period, q: int, kind: str | None) -> Period:
    """Quarter ``q`` of a financial or calendar year."""
    if year.kind == "financial_year":
        target = "financial_quarter"
    elif year.kind == "calendar_year":
        target = "quarter"
    else:
        raise PeriodError(
            f"a year column with a quarter column must hold financial or calendar years, such "
            f"as '2016/17' or '2016' (got {brief(year.label)}, a {year.kind})"
        )
    if kind is not None and kind != target:
        raise PeriodError(f"year {year.label!r} with quarter {q} is a {target}, not a {kind}")
    m = _month_index(year.start) + 3 * (q - 1)
    return _trusted_period(_month_start(m), _month_end(m + 2), target, year.fy_start_month)


def _targets(
    periods: Sequence[Period], kind: str, fy: int
) -> tuple[list[int], NDArray[np.intp], list[Period]]:
    """Where each run of periods with the same target starts, and the targets."""
    starts: list[int] = []
    targets: list[Period] = []
    whole_months = periods[0].kind != "range"
    size = 12 if kind in ("calendar_year", "financial_year") else 3 if "quarter" in kind else 1
    shift = (fy - 1) if kind.startswith("financial") else 0
    prev = None
    for i, p in enumerate(periods):
        if whole_months:
            m0 = _month_index(p.start)
            key = (m0 - shift) // size
            end_index = key * size + shift + size - 1
            if _month_index(p.end) > end_index:
                target = _target_of(p, kind, fy)
                raise SeriesError(
                    f"cannot resample to {kind}: {p.label!r} ({p.start} to {p.end}) does not "
                    f"fit inside one {kind} ({target.label!r} ends {target.end})"
                )
            if key != prev:
                starts.append(i)
                targets.append(_target_of(p, kind, fy))
                prev = key
        else:
            target = _target_of(p, kind, fy)
            if p.end > target.end:
                raise SeriesError(
                    f"cannot resample to {kind}: {p.label!r} ({p.start} to {p.end}) does not "
                    f"fit inside one {kind} ({target.label!r} ends {target.end})"
                )
            if not targets or targets[-1] != target:
                starts.append(i)
                targets.append(target)
    return starts, np.array(starts, dtype=np.intp), targets


def _population_array(table: CountTable, population: object, column: str) -> NDArray[np.int64]:
    """One positive population per cell of ``table``."""
    shape = table.counts.shape
    out = np.zeros(shape, dtype=np.int64)
    if isinstance(population, Mapping) and not _looks_like_columns(population, table, column):
        for j, g in enumerate(table.groups):
            if g not in population:
                raise TrendcalcError(
                    f"population has no entry for group {g!r}; give one for every group"
                )
            value = population[g]
            if isinstance(value, Mapping):
                for i, p in enumerate(table.periods):
                    found = value.get(p, value.get(p.label))
                    if found is None:
                        raise TrendcalcError(
                            f"population of {table._label(g)} has no entry for {p.label}"
                        )
                    out[i, j] = _positive(found, f"population of {table._label(g)} in {p.label}")
            else:
                out[:, j] = _positive(value, f"population of {table._label(g)}")
        return out
    names = list(table._key_names())
    columns, available, rows = _frame_columns(population, [*names, column])
    has_period = "period" in available
    pops, nulls = _count_values(columns[column], column)
    if nulls is not None:
        raise TrendcalcError(f"population column {column!r} must not hold nulls")
    key_values = []
    for name in names:
        codes, uniques = _factorize(columns[name], name, labels=True)
        labels = _labels_of(uniques, name)
        key_values.append([labels[c] for c in codes.tolist()])
    groups_of = (
        [tuple(vals) if len(names) > 1 else vals[0] for vals in zip(*key_values, strict=True)]
        if names
        else [None] * rows
    )
    index = {g: j for j, g in enumerate(table.groups)}
    if has_period:
        pcol, _, _ = _frame_columns(population, ["period"])
        p_codes, p_uniques = _factorize(pcol["period"], "period")
        first = table.periods[0]
        kind = first.kind if first.kind in _LABEL_KINDS else None
        p_found = parse_labels(p_uniques, kind=kind, fy_start_month=first.fy_start_month or 4)
        row_index = {p: i for i, p in enumerate(table.periods)}
        period_rows: list[int | None] = [row_index.get(p) for p in p_found]
    seen = np.zeros(shape, dtype=bool)
    for r in range(rows):
        col = index.get(groups_of[r])
        if col is None:
            continue
        value = _positive(int(pops[r]), f"population of {table._label(groups_of[r])}")
        if has_period:
            row = period_rows[int(p_codes[r])]
            if row is None:
                continue
            cells: slice | int = row
        else:
            cells = slice(None)
        have = out[cells, col]
        if np.any(seen[cells, col] & (have != value)):  # two rows for one cell disagree
            other = int(np.max(have))
            where = f" in {table.periods[cells].label}" if isinstance(cells, int) else ""
            fix = (
                "give one population per group and period"
                if has_period
                else "give one row per group, or the periods in a column named 'period'"
            )
            raise TrendcalcError(
                f"population gives {table._label(groups_of[r])}{where} twice ({other:,} and "
                f"{value:,}); {fix}"
            )
        out[cells, col] = value
        seen[cells, col] = True
    if not seen.all():
        i, j = (int(x[0]) for x in np.nonzero(~seen))
        raise TrendcalcError(
            f"population has no entry for {table._label(table.groups[j])} in "
            f"{table.periods[i].label}; give one for every group (and period)"
        )
    return out


def _looks_like_columns(population: Mapping[Any, Any], table: CountTable, column: str) -> bool:
    return column in population and column not in table.groups


def _positive(value: object, name: str) -> int:
    v = check_int(value, name=name, minimum=1)
    if v > MAX_COUNT:
        raise TrendcalcError(f"{name} must be at most {MAX_COUNT:,} (got {v:,})")
    return v


def _largest_remainder(
    counts: NDArray[np.int64], places: int
) -> tuple[NDArray[np.int64], NDArray[np.bool_]]:
    """Shares in units of ``10**-places`` per row, by largest remainder, and where defined."""
    whole = 100 * 10**places
    totals = (
        counts.sum(axis=1, dtype=object) if counts.size else np.zeros(counts.shape[0], dtype=object)
    )
    defined_rows = np.array([int(t) > 0 for t in totals], dtype=bool)
    big = counts.size and (
        int(counts.max()) * whole > MAX_COUNT or max(int(t) for t in totals) * whole > MAX_COUNT
    )
    if big:
        units = np.zeros(counts.shape, dtype=np.int64)
        from trendcalc._rounding import shares as _shares

        for i, row in enumerate(counts.tolist()):
            if defined_rows[i]:
                found = _shares([int(c) for c in row], places)
                units[i] = [int(d.scaleb(places)) for d in found]
        return units, np.repeat(defined_rows[:, None], counts.shape[1], axis=1)
    tot = np.array([int(t) for t in totals], dtype=np.int64)
    safe = np.where(tot > 0, tot, 1)[:, None]
    floors, rem = np.divmod(counts * whole, safe)
    short = whole - floors.sum(axis=1)
    n, g = counts.shape
    idx = np.broadcast_to(np.arange(g), (n, g))
    order = np.lexsort((idx, -counts, -rem), axis=-1)
    position = np.empty_like(order)
    np.put_along_axis(position, order, np.broadcast_to(np.arange(g), (n, g)), axis=-1)
    floors += position < short[:, None]
    return floors, np.repeat(defined_rows[:, None], g, axis=1)
