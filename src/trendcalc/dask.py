"""Counting records too large for one machine's memory, with Dask (the ``dask`` extra).

Each partition is counted by the same kernel as :func:`trendcalc.count_events`, and the
partial :class:`~trendcalc.CountTable` objects are merged in a tree. Point Dask at an
existing cluster the usual way, by creating a client first; the work then runs there::

    from dask.distributed import Client
    import dask.dataframe as dd
    import trendcalc.dask

    client = Client("tcp://scheduler-address:8786")
    records = dd.read_csv("police-uk/*/*-street.csv", usecols=["Month", "Falls within"])
    table = trendcalc.dask.count_events(records["Month"], "2016/17 to 2023/24",
                                        groups=records["Falls within"], kind="month")

Only the small partial tables travel between workers: a table is ``periods x groups``
int64 values (about 60 KB for 14 years of months by 43 forces), whatever the number of
records. :doc:`/scale-out` has the whole recipe.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, Literal

from trendcalc._counting import _KINDS, CountTable, _as_periods, _count_all
from trendcalc._errors import TrendcalcError
from trendcalc._limits import brief
from trendcalc._periods import Period

__all__ = ["count_events"]


def _dask() -> Any:
    try:
        import dask
    except ImportError:
        raise TrendcalcError(
            "trendcalc.dask needs dask: install it with pip install 'trendcalc[dask]'"
        ) from None
    return dask


def _partitions(column: Any, name: str) -> list[Any]:
    """The partitions of a dask Series or 1-D dask Array, as delayed objects."""
    module = type(column).__module__
    if module.startswith("dask.array") or type(column).__name__ == "Array":
        if getattr(column, "ndim", None) != 1:
            raise TrendcalcError(
                f"{name} must be a one-dimensional dask array (got {brief(column)})"
            )
        return list(column.to_delayed().ravel())
    if module.startswith("dask") and hasattr(column, "to_delayed"):
        return list(column.to_delayed())
    raise TrendcalcError(
        f"{name} must be a dask Series (a dataframe column) or a dask array "
        f"(got {type(column).__name__}); for data in memory use trendcalc.count_events"
    )


def _count_part(
    dates: Any, groups: Any, periods: tuple[Period, ...], kind: Literal["date", "month"]
) -> CountTable:
    return _count_all(dates, periods, groups, kind, threads=1)


def _merge(*tables: CountTable) -> CountTable:
    return functools.reduce(CountTable.merge, tables)


def _key_columns(groups: Any) -> list[Any] | None:
    """The key columns of ``groups=[col1, col2]`` or of a dask DataFrame; None for one column."""
    if type(groups).__name__ == "DataFrame" and type(groups).__module__.startswith("dask"):
        return [groups[c] for c in groups.columns]
    if isinstance(groups, list | tuple):
        return list(groups)
    return None


def _aligned_parts(dates: Any, column: Any, name: str, n_parts: int) -> list[Any]:
    parts = _partitions(column, name)
    if len(parts) != n_parts:
        raise TrendcalcError(
            f"{name} must be partitioned like dates: {n_parts} partitions of dates but "
            f"{len(parts)} of {name}"
        )
    same_chunks = getattr(dates, "chunks", None) == getattr(column, "chunks", None)
    same_divisions = getattr(dates, "divisions", None) == getattr(column, "divisions", None)
    if not (same_chunks and same_divisions):
        raise TrendcalcError(
            f"{name} must be partitioned like dates (the same chunks, or columns of the "
            "same dataframe)"
        )
    return parts


def count_events(
    dates: Any,
    periods: Sequence[Period | str] | Period | str,
    *,
    groups: Any = None,
    kind: Literal["date", "month"] = "date",
    split_every: int = 8,
    compute: bool = True,
) -> Any:
    """Count events held in a Dask collection into periods (and groups).

    Parameters
    ----------
    dates : dask Series or 1-D dask Array
        One date (or, with ``kind="month"``, one month) per event, as
        :func:`trendcalc.count_events` accepts in each partition.
    periods : Period or str, or sequence of Period or str
        As in :func:`trendcalc.count_events`.
    groups : dask Series or 1-D dask Array, or list of them, or dask DataFrame, optional
        One label per event, partitioned like ``dates`` (two columns of one dataframe
        are). Several key columns make tuple labels, as in
        :func:`trendcalc.count_events`.
    kind : {"date", "month"}, default "date"
        As in :func:`trendcalc.count_events`: ``"month"`` reads month labels such as
        police.uk's ``"2016-03"``.
    split_every : int, default 8
        How many partial tables each merge step adds together.
    compute : bool, default True
        Return the :class:`~trendcalc.CountTable`; with False, a ``dask.delayed`` object
        that computes it.

    Returns
    -------
    CountTable or dask.delayed.Delayed
        The same table as counting all the data in memory would give.

    Raises
    ------
    TrendcalcError
        If dask is not installed, the inputs are not dask collections, or the partitions
        of ``dates`` and ``groups`` do not line up; when computed, anything
        :func:`trendcalc.count_events` refuses in a partition.

    See Also
    --------
    trendcalc.count_events : the same, for data in memory.

    Examples
    --------
    >>> import dask, dask.dataframe as dd, pandas as pd, trendcalc.dask
    >>> frame = pd.DataFrame({"Month": ["2016-03", "2016-04", "2016-04", "2017-03"],
    ...                       "Falls within": ["Kent", "Kent", "Essex", "Kent"]})
    >>> records = dd.from_pandas(frame, npartitions=2)
    >>> with dask.config.set(scheduler="synchronous"):
    ...     t = trendcalc.dask.count_events(records["Month"], "2016/17",
    ...                                     groups=records["Falls within"], kind="month")
    >>> t.groups, t.counts.tolist(), t.before.tolist()
    (('Essex', 'Kent'), [[1, 2]], [0, 1])
    """
    dask = _dask()
    ps = _as_periods(periods)
    if kind not in _KINDS:
        raise TrendcalcError(f"kind must be 'date' or 'month' (got {brief(kind)})")
    if isinstance(split_every, bool) or not isinstance(split_every, int) or split_every < 2:
        raise TrendcalcError(
            f"split_every must be an integer of at least 2 (got {brief(split_every)})"
        )
    date_parts = _partitions(dates, "dates")
    if not date_parts:
        raise TrendcalcError("dates has no partitions")
    n = len(date_parts)
    columns = None if groups is None else _key_columns(groups)
    group_parts: list[Any]
    if groups is None:
        group_parts = [None] * n
    elif columns is None:
        group_parts = _aligned_parts(dates, groups, "groups", n)
    else:
        if not columns:
            raise TrendcalcError("groups must hold at least one key column (got none)")
        by_column = [_aligned_parts(dates, c, f"groups[{i}]", n) for i, c in enumerate(columns)]
        group_parts = [list(parts) for parts in zip(*by_column, strict=True)]
    count = dask.delayed(_count_part, pure=True)
    merge = dask.delayed(_merge, pure=True)
    level = [count(d, g, ps, kind) for d, g in zip(date_parts, group_parts, strict=True)]
    while len(level) > 1:
        level = [merge(*level[i : i + split_every]) for i in range(0, len(level), split_every)]
    return level[0].compute() if compute else level[0]
