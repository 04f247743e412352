"""Counting records into periods: one row per offence in, a table of period counts out."""

from __future__ import annotations

import datetime as dt
import math
import numbers
from collections.abc import Sequence
from typing import Any

import attrs
import numpy as np
from numpy.typing import NDArray

from trendcalc._errors import PeriodError, TrendcalcError
from trendcalc._periods import Period, as_period, period_range
from trendcalc._series import _check_consecutive
from trendcalc._table import CountTable, Group, _check_groups

__all__ = ["CountTable", "count_events"]

_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_NAT = np.iinfo(np.int64).min
_INT64_MAX = np.iinfo(np.int64).max
_CHUNK = 1 << 15  # events per block: keeps the temporaries in cache

# ----------------------------------------------------------------------------- inputs


def _as_periods(periods: object) -> tuple[Period, ...]:
    if isinstance(periods, str):
        first, sep, last = periods.partition(" to ")
        if not sep:
            raise PeriodError(
                f"periods as text must read 'FIRST to LAST', such as '2010/11 to 2023/24' "
                f"(got {periods!r})"
            )
        return tuple(period_range(first.strip(), last.strip()))
    if isinstance(periods, Sequence) and len(periods) > 0:
        ps = tuple(as_period(p, name=f"periods[{i}]") for i, p in enumerate(periods))
        _check_consecutive(ps)
        return ps
    raise PeriodError(
        "periods must be a non-empty sequence of consecutive Periods or labels, or text "
        f"such as '2010/11 to 2023/24' (got {type(periods).__name__} {periods!r})"
    )


def _module(obj: object) -> str:
    return type(obj).__module__.split(".")[0]


def _days_from_numpy(arr: NDArray[Any], name: str) -> NDArray[np.int64]:
    if arr.dtype.kind == "M":
        if arr.dtype != np.dtype("datetime64[D]"):
            arr = arr.astype("datetime64[D]")  # floors, so times keep their own date
        return np.ascontiguousarray(arr).view(np.int64).ravel()
    if arr.dtype.kind == "O":
        return _days_from_objects(arr.ravel().tolist(), name)
    raise TrendcalcError(
        f"{name} must hold dates: a numpy datetime64 array, dates or datetimes "
        f"(got an array of {arr.dtype})"
    )


def _days_from_objects(values: Sequence[object], name: str) -> NDArray[np.int64]:
    out = np.empty(len(values), dtype=np.int64)
    for i, v in enumerate(values):
        if v is None or (isinstance(v, float) and math.isnan(v)) or v != v:  # NaT != NaT
            out[i] = _NAT
        elif isinstance(v, dt.datetime):
            out[i] = v.date().toordinal() - _EPOCH_ORDINAL  # its own (wall-clock) date
        elif isinstance(v, dt.date):
            out[i] = v.toordinal() - _EPOCH_ORDINAL
        elif isinstance(v, np.datetime64):
            out[i] = v.astype("datetime64[D]").view(np.int64)
        else:
            raise TrendcalcError(
                f"{name} must hold dates, datetimes or None (got {type(v).__name__} {v!r} at "
                f"index {i})"
            )
    return out


def _days(dates: object) -> NDArray[np.int64]:
    """Day numbers (days since 1970-01-01) of every event; missing dates are int64 min."""
    name = "dates"
    module = _module(dates)
    if module == "pandas":
        values: Any = dates
        dtype = getattr(values, "dtype", None)
        if getattr(dtype, "tz", None) is not None:  # the date as recorded in its own timezone
            values = (
                values.dt.tz_localize(None) if hasattr(values, "dt") else values.tz_localize(None)
            )
        if getattr(values.dtype, "kind", "O") == "M":
            return _days_from_numpy(values.to_numpy(), name)
        return _days_from_objects(values.tolist(), name)
    if module == "polars":
        import polars as pl

        series: Any = dates
        if series.dtype == pl.Date:
            return _days_from_numpy(series.to_numpy(), name)
        if isinstance(series.dtype, pl.Datetime):
            if series.dtype.time_zone is not None:
                series = series.dt.replace_time_zone(None)
            return _days_from_numpy(series.to_numpy(), name)
        raise TrendcalcError(
            f"{name} must be a polars Date or Datetime series (got {series.dtype})"
        )
    if module == "pyarrow":
        import pyarrow as pa
        import pyarrow.compute as pc

        arr: Any = dates
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks()
        if pa.types.is_timestamp(arr.type) and arr.type.tz is not None:
            arr = pc.local_timestamp(arr)
        if not (pa.types.is_date(arr.type) or pa.types.is_timestamp(arr.type)):
            raise TrendcalcError(
                f"{name} must be a pyarrow date or timestamp array (got {arr.type})"
            )
        return _days_from_numpy(arr.to_numpy(zero_copy_only=False), name)
    if isinstance(dates, np.ndarray):
        return _days_from_numpy(dates, name)
    if isinstance(dates, str | bytes) or not isinstance(dates, Sequence):
        raise TrendcalcError(
            f"{name} must be a numpy datetime64 array, a sequence of dates, or a pandas, "
            f"polars or pyarrow column (got {type(dates).__name__})"
        )
    return _days_from_objects(dates, name)


@attrs.frozen
class _Codes:
    """Group codes per event: label ``labels[code - offset]``, or for dense integer labels
    (``labels`` None) the label ``code`` itself, columns ``offset`` to ``offset + width``."""

    codes: NDArray[Any] | None
    labels: tuple[Group, ...] | None
    offset: int = 0


def _codes(groups: object, n: int, rows: int) -> _Codes:
    """Group codes per event and their labels (sorted), or dense integer codes as they are."""
    if groups is None:
        return _Codes(None, (None,))
    name = "groups"
    module = _module(groups)
    if module == "pyarrow":
        import pyarrow as pa

        arr: Any = groups
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks()
        if arr.null_count:
            raise TrendcalcError(f"{name} must not be missing (got {arr.null_count} nulls)")
        encoded = arr.dictionary_encode()
        return _sorted_codes(
            encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64),
            encoded.dictionary.to_pylist(),
        )
    if module == "pandas":
        import pandas as pd

        values: Any = groups
        if isinstance(values.dtype, pd.CategoricalDtype):
            cat = values.cat if hasattr(values, "cat") else values
            codes = np.asarray(cat.codes, dtype=np.int64)
            if codes.size and codes.min() < 0:
                raise TrendcalcError(f"{name} must not be missing (got NaN)")
            return _sorted_codes(codes, list(cat.categories))
        if values.isna().any():
            raise TrendcalcError(f"{name} must not be missing (got NaN or None)")
        codes, uniques = pd.factorize(values, sort=False)
        return _sorted_codes(codes.astype(np.int64), list(uniques))
    if module == "polars":
        values = groups
        if values.null_count():
            raise TrendcalcError(f"{name} must not be missing (got {values.null_count()} nulls)")
        return _codes_from_numpy(values.to_numpy(), rows)
    if isinstance(groups, str | bytes) or not isinstance(groups, Sequence | np.ndarray):
        raise TrendcalcError(
            f"{name} must be one label per event: a sequence, numpy array, or pandas, polars "
            f"or pyarrow column (got {type(groups).__name__})"
        )
    if len(groups) == 0:
        return _Codes(np.zeros(0, dtype=np.int64), ())
    if not isinstance(groups, np.ndarray):  # numpy would quietly turn [1, "a"] into text
        kinds = {type(g) for g in groups}
        if None.__class__ in kinds:
            raise TrendcalcError("groups must not be missing (got None)")
        is_int = [
            issubclass(k, numbers.Integral) and not issubclass(k, bool | np.bool_) for k in kinds
        ]
        is_str = [issubclass(k, str) for k in kinds]
        shown = ", ".join(sorted(k.__name__ for k in kinds))
        if not all(a or b for a, b in zip(is_int, is_str, strict=True)):
            raise TrendcalcError(f"groups must be str or int labels (got {shown})")
        if not (all(is_int) or all(is_str)):
            raise TrendcalcError(f"groups must be all str or all int, not a mix (got {shown})")
        return _codes_from_numpy(np.asarray(groups, dtype=object if str in kinds else None), rows)
    return _codes_from_numpy(groups, rows)


_DENSE_CELLS = 4_000_000  # count integer labels in place while the table stays this small


def _codes_from_numpy(arr: NDArray[Any], rows: int) -> _Codes:
    if arr.ndim != 1:
        raise TrendcalcError(
            f"groups must be one label per event, one-dimensional (got shape {arr.shape})"
        )
    if arr.dtype.kind in "iu":
        if arr.size == 0:
            return _Codes(arr.astype(np.int64), ())
        high = int(arr.max())
        if high >= 0 and (high + 1) * rows <= _DENSE_CELLS:
            # count by the labels themselves; the kernel refuses a label below 0 (checking
            # each block as it goes) and count_events then counts again from the least
            return _Codes(arr, None, 0)
        low = int(arr.min())
        if (high - low + 1) * rows <= _DENSE_CELLS:
            return _Codes(arr, None, low)
        labels, inverse = np.unique(arr, return_inverse=True)
        return _Codes(inverse.astype(np.int64), tuple(int(v) for v in labels))
    if arr.dtype.kind == "U" and arr.size:
        found = _factorize_text(arr)
        if found is not None:
            return found
    if arr.dtype.kind in "UO":
        try:
            import pandas as pd
        except ImportError:  # pragma: no cover - pandas is optional
            pd = None
        if pd is not None:
            codes, uniques = pd.factorize(arr, sort=False)
            if (codes < 0).any():
                raise TrendcalcError("groups must not be missing (got None or NaN)")
            return _sorted_codes(codes.astype(np.int64), list(uniques))
        labels, inverse = np.unique(arr, return_inverse=True)
        return _sorted_codes(inverse.astype(np.int64), list(labels))
    raise TrendcalcError(f"groups must be labels, str or int (got an array of {arr.dtype})")


_FNV_PRIME = np.uint64(1099511628211)


def _factorize_text(arr: NDArray[np.str_]) -> _Codes | None:
    """Factorise fixed-width text by a 64-bit hash of its characters, then verify.

    Hashing the characters block by block and factorising the integers is far quicker
    than sorting or hashing millions of strings. Every event's text is then compared with
    its group's label, so a hash collision is caught (and None returned, for the exact
    but slower route) rather than merging two groups.
    """
    n, width = arr.size, arr.dtype.itemsize // 4
    chars = np.ascontiguousarray(arr).view(np.uint32).reshape(n, width)
    hashes = np.empty(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for lo in range(0, n, _CHUNK):
            block = chars[lo : lo + _CHUNK]
            h = np.full(block.shape[0], 14695981039346656037, dtype=np.uint64)
            for j in range(width):
                h ^= block[:, j]
                h *= _FNV_PRIME
            hashes[lo : lo + _CHUNK] = h
    distinct, codes = (
        np.unique(hashes, return_inverse=True) if n < 50_000 else _factorize_ints(hashes)
    )
    first = np.empty(len(distinct), dtype=np.int64)
    first[codes[::-1]] = np.arange(n - 1, -1, -1)
    labels = arr[first]
    for lo in range(0, n, _CHUNK):  # verify: no two texts share a hash
        if not np.array_equal(arr[lo : lo + _CHUNK], labels[codes[lo : lo + _CHUNK]]):
            return None
    return _sorted_codes(codes.astype(np.int64), [str(x) for x in labels])


def _factorize_ints(values: NDArray[np.uint64]) -> tuple[NDArray[np.uint64], NDArray[np.intp]]:
    """Distinct values and codes, by pandas' hash table when pandas is there."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is optional
        distinct, inverse = np.unique(values, return_inverse=True)
        return distinct, inverse
    codes, distinct = pd.factorize(values, sort=False)
    return np.asarray(distinct), codes


def _sorted_codes(codes: NDArray[np.int64], uniques: list[Any]) -> _Codes:
    labels: list[Group] = []
    for u in uniques:
        if isinstance(u, bool | np.bool_) or u is None:
            raise TrendcalcError(f"groups must be str or int labels (got {u!r})")
        if isinstance(u, str):
            labels.append(str(u))
        elif isinstance(u, numbers.Integral):
            labels.append(int(u))
        elif isinstance(u, float) and math.isnan(u):
            raise TrendcalcError("groups must not be missing (got NaN)")
        else:
            raise TrendcalcError(f"groups must be str or int labels (got {type(u).__name__} {u!r})")
    order = sorted(range(len(labels)), key=lambda i: labels[i])  # type: ignore[arg-type,return-value]
    try:
        sorted_labels = _check_groups([labels[i] for i in order]) if labels else ()
    except TrendcalcError:
        raise TrendcalcError("groups must be all str or all int, not a mix") from None
    rank = np.empty(len(labels), dtype=np.int64)
    rank[order] = np.arange(len(labels))
    return _Codes(rank[codes], sorted_labels)


# ----------------------------------------------------------------------------- counting


def _lookup(periods: Sequence[Period]) -> tuple[int, NDArray[np.intp]]:
    """The first day number, and a table from day offset (+1) to row: before, periods, after."""
    start = periods[0].start.toordinal() - _EPOCH_ORDINAL
    ndays = periods[-1].end.toordinal() - periods[0].start.toordinal() + 1
    p = len(periods)
    table = np.empty(ndays + 2, dtype=np.intp)
    table[0] = p  # before
    table[-1] = p + 1  # after
    offset = 1
    for i, period in enumerate(periods):
        table[offset : offset + period.days] = i
        offset += period.days
    return start, table


class _LabelBelowOffset(Exception):
    """A group label below the kernel's offset: count again with a lower one."""


def count_kernel(
    days: NDArray[np.int64],
    codes: NDArray[Any] | None,
    periods: Sequence[Period],
    n_groups: int,
    offset: int = 0,
) -> NDArray[np.int64]:
    """Counts as rows (periods..., before, after, missing) by ``n_groups`` columns.

    Event ``i`` goes to column ``codes[i] - offset`` (column 0 without codes).

    Each block of days is shifted so the first period's first day is 1 and looked up in a
    table whose ends stand for "before" and "after": ``np.take(..., mode="clip")`` sends
    every earlier day to the first entry and every later one to the last. Shifting can
    wrap only for day numbers within ``start`` of the int64 minimum, which is NaT (no date)
    and otherwise no real date; those events are found afterwards, only if "before" or
    "after" holds anything, and moved to "missing" (NaT) or counted again exactly.
    """
    start, table = _lookup(periods)
    rows = len(periods) + 2
    base = start - 1
    cells = table.astype(np.int64) * n_groups  # the first cell of each day's row
    total = np.zeros(rows * n_groups, dtype=np.int64)
    chunk = min(_CHUNK, max(days.size, 1))
    block = np.empty(chunk, dtype=np.int64)
    cell = np.empty(chunk, dtype=np.int64)
    with np.errstate(over="ignore"):
        for lo in range(0, days.size, chunk):
            d = days[lo : lo + chunk]
            b, c = block[: d.size], cell[: d.size]
            np.subtract(d, base, out=b)
            np.take(cells, b, out=c, mode="clip")
            if codes is not None:
                part = codes[lo : lo + chunk]
                if part.min() < offset:
                    raise _LabelBelowOffset
                c += part
                if offset:
                    c -= offset
            total += np.bincount(c, minlength=rows * n_groups)
    result = np.zeros((rows + 1, n_groups), dtype=np.int64)
    result[:rows] = total.reshape(rows, n_groups)
    if result[rows - 2 :].any():
        _fix_wrapped(result, days, codes, offset, base, n_groups)
    return result


def _fix_wrapped(
    result: NDArray[np.int64],
    days: NDArray[np.int64],
    codes: NDArray[Any] | None,
    offset: int,
    base: int,
    n_groups: int,
) -> None:
    """Move NaT to "missing", and days whose shift wrapped around int64 to their side."""
    before, after, missing = result.shape[0] - 3, result.shape[0] - 2, result.shape[0] - 1
    if base > 0:  # day - base fell below the int64 minimum: wrapped high, clipped to "after"
        wrapped, landed, home = days < _NAT + base, after, before
    elif base < 0:  # day - base rose above the int64 maximum: wrapped low, into "before"
        wrapped, landed, home = days > _INT64_MAX + base, before, after
    else:
        wrapped, landed, home = np.zeros(days.shape, dtype=bool), before, before
    nat = days == _NAT
    moved = wrapped | nat
    if not moved.any():
        return

    def columns(mask: NDArray[np.bool_]) -> NDArray[np.int64]:
        if codes is None:
            return np.zeros(int(mask.sum()), dtype=np.int64)
        return codes[mask].astype(np.int64) - offset

    # NaT that did not wrap was clipped into "before"
    np.subtract.at(result[landed], columns(wrapped), 1)
    np.subtract.at(result[before], columns(nat & ~wrapped), 1)
    np.add.at(result[missing], columns(nat), 1)
    np.add.at(result[home], columns(wrapped & ~nat), 1)


def count_events(dates: object, periods: object, *, groups: object = None) -> CountTable:
    """Count events into periods (and groups), fast and with nothing dropped.

    Parameters
    ----------
    dates : array or column of dates
        One per event: a numpy ``datetime64`` array of any unit, a sequence of
        ``datetime.date`` or ``datetime.datetime`` (None for no date), a pandas Series
        or Index, a polars Series, or a pyarrow array. Order does not matter. A time of
        day counts on its own date; a timezone-aware time counts on its date as recorded
        in its own timezone (the wall-clock date), without conversion.
    periods : sequence of Period or str, or str
        Consecutive periods of one kind (labels are read by :func:`parse_period`), or
        text ``"FIRST to LAST"`` such as ``"2010/11 to 2023/24"`` for every period
        between.
    groups : optional, one label per event
        str or int labels (all of one kind), in any of the containers ``dates`` may be.
        Columns of the table are the labels seen, sorted.

    Returns
    -------
    CountTable
        Events dated before the first period go to ``before``, after the last to
        ``after``, and events with no date (None, NaT, NaN, null) to ``missing``.

    Raises
    ------
    TrendcalcError
        If dates are not dates, ``groups`` has a different length, labels are mixed or
        missing, or the periods are not consecutive.

    Examples
    --------
    >>> import numpy as np, trendcalc as tc
    >>> dates = np.array(["2016-03-31", "2016-04-01", "2017-03-31", "NaT"], dtype="datetime64[D]")
    >>> t = tc.count_events(dates, "2016/17 to 2017/18", groups=[5, 5, 7, 7])
    >>> t.groups, t.counts.tolist()
    ((5, 7), [[1, 1], [0, 0]])
    >>> t.before.tolist(), t.after.tolist(), t.missing.tolist(), t.n_events
    ([1, 0], [0, 0], [0, 1], 4)
    """
    ps = _as_periods(periods)
    days = _days(dates)
    found = _codes(groups, days.size, len(ps) + 3)
    if found.codes is not None and found.codes.size != days.size:
        raise TrendcalcError(
            f"groups must have one label per event: {days.size:,} dates but "
            f"{found.codes.size:,} labels"
        )
    if found.labels is None:  # dense integer labels: count in place, keep the columns used
        assert found.codes is not None
        codes, offset = found.codes, found.offset
        try:
            result = count_kernel(days, codes, ps, int(codes.max()) - offset + 1, offset)
        except _LabelBelowOffset:  # a negative label: count from the least one
            offset = int(codes.min())
            result = count_kernel(days, codes, ps, int(codes.max()) - offset + 1, offset)
        used = np.flatnonzero(result.sum(axis=0))
        result = result[:, used]
        labels: tuple[Group, ...] = tuple(int(v) + offset for v in used)
    elif not found.labels and found.codes is not None:  # no events, with groups
        return CountTable.zero(ps, ())
    else:
        labels = found.labels
        result = count_kernel(days, found.codes, ps, len(labels))
    p = len(ps)
    return CountTable(ps, labels, result[:p], result[p], result[p + 1], result[p + 2])
