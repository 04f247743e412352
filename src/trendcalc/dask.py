"""Counting records too large for one machine's memory, with Dask (the ``dask`` extra).

Each partition is counted by the same kernel as :func:`trendcalc.count_events`, and the
partial :class:`~trendcalc.CountTable` objects are merged in a tree. Point Dask at an
existing cluster the usual way, by creating a client first; the work then runs there::

    from dask.distributed import Client
    import dask.dataframe as dd
    import trendcalc.dask

    client = Client("tcp://scheduler-address:8786")
    records = dd.read_parquet("offences/*.parquet", columns=["date", "force"])
    table = trendcalc.dask.count_events(records["date"], "2010/11 to 2023/24",
                                        groups=records["force"])

Only the small partial tables travel between workers: a table is ``periods x groups``
int64 values (about 60 KB for 14 years of months by 43 forces), whatever the number of
records.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from trendcalc._counting import CountTable, _as_periods
from trendcalc._counting import count_events as _count_events
from trendcalc._errors import TrendcalcError
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
            raise TrendcalcError(f"{name} must be a one-dimensional dask array (got {column!r})")
        return list(column.to_delayed().ravel())
    if module.startswith("dask") and hasattr(column, "to_delayed"):
        return list(column.to_delayed())
    raise TrendcalcError(
        f"{name} must be a dask Series (a dataframe column) or a dask array "
        f"(got {type(column).__name__}); for data in memory use trendcalc.count_events"
    )


def _count_part(dates: Any, groups: Any, periods: tuple[Period, ...]) -> CountTable:
    table = _count_events(dates, periods, groups=groups)
    return table


def _merge(*tables: CountTable) -> CountTable:
    result = tables[0]
    for t in tables[1:]:
        result = result.merge(t)
    return result


def count_events(
    dates: Any,
    periods: Sequence[Period | str] | str,
    *,
    groups: Any = None,
    split_every: int = 8,
    compute: bool = True,
) -> Any:
    """Count events held in a Dask collection into periods (and groups).

    Parameters
    ----------
    dates : dask Series or 1-D dask Array
        One date per event, as :func:`trendcalc.count_events` accepts in each partition.
    periods : sequence of Period or str, or str
        As in :func:`trendcalc.count_events`.
    groups : dask Series or 1-D dask Array, optional
        One label per event, partitioned like ``dates`` (two columns of one dataframe are).
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
        of ``dates`` and ``groups`` do not line up.
    """
    dask = _dask()
    ps = _as_periods(periods)
    if isinstance(split_every, bool) or not isinstance(split_every, int) or split_every < 2:
        raise TrendcalcError(f"split_every must be an integer of at least 2 (got {split_every!r})")
    date_parts = _partitions(dates, "dates")
    if groups is None:
        group_parts: list[Any] = [None] * len(date_parts)
    else:
        group_parts = _partitions(groups, "groups")
        if len(group_parts) != len(date_parts):
            raise TrendcalcError(
                f"groups must be partitioned like dates: {len(date_parts)} partitions of "
                f"dates but {len(group_parts)} of groups"
            )
        same_chunks = getattr(dates, "chunks", None) == getattr(groups, "chunks", None)
        same_divisions = getattr(dates, "divisions", None) == getattr(groups, "divisions", None)
        if not (same_chunks and same_divisions):
            raise TrendcalcError(
                "groups must be partitioned like dates (the same chunks, or columns of the "
                "same dataframe)"
            )
    count = dask.delayed(_count_part, pure=True)
    merge = dask.delayed(_merge, pure=True)
    level = [count(d, g, ps) for d, g in zip(date_parts, group_parts, strict=True)]
    if not level:
        raise TrendcalcError("dates has no partitions")
    while len(level) > 1:
        level = [merge(*level[i : i + split_every]) for i in range(0, len(level), split_every)]
    return level[0].compute() if compute else level[0]
