"""Counting records into periods: one row per offence in, a table of period counts out."""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import math
import numbers
import os
import re
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from trendcalc._errors import PeriodError, TrendcalcError
from trendcalc._frames import Group, _module
from trendcalc._labels import is_missing as _is_missing
from trendcalc._labels import label as _label
from trendcalc._labels import refuse_other_labels as _refuse_other_labels
from trendcalc._limits import MAX_LABEL_LENGTH, brief
from trendcalc._periods import Period, as_period, parse_period, period_range
from trendcalc._series import _check_consecutive
from trendcalc._table import CountTable

__all__ = ["CountTable", "count_events"]

_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
_NAT = np.iinfo(np.int64).min
_INT64_MAX = np.iinfo(np.int64).max
_CHUNK = 1 << 17  # events per block: keeps the temporaries in cache, with few calls
_TEXT_DATES = (
    "; convert text such as '2016-04-01' to dates first (pandas.to_datetime, polars "
    ".str.to_date(), datetime.date.fromisoformat), and for month labels such as '2016-03' "
    "pass kind='month'"
)

# ----------------------------------------------------------------------------- inputs


def _as_periods(periods: object) -> tuple[Period, ...]:
    if isinstance(periods, Period):
        return (periods,)
    if isinstance(periods, str):
        first, sep, last = periods.partition(" to ")
        if not sep:
            try:
                return (as_period(periods, name="periods"),)
            except PeriodError as e:
                raise PeriodError(
                    f"periods must be one period label such as '2016/17', or text "
                    f"'FIRST to LAST' such as '2010/11 to 2023/24': {e}"
                ) from None
        return tuple(period_range(first.strip(), last.strip()))
    if isinstance(periods, Sequence) and len(periods) > 0:
        ps = tuple(as_period(p, name=f"periods[{i}]") for i, p in enumerate(periods))
        _check_consecutive(ps)
        return ps
    raise PeriodError(
        "periods must be a non-empty sequence of consecutive Periods or labels, one period, "
        f"or text such as '2010/11 to 2023/24' (got {type(periods).__name__} {brief(periods)})"
    )


# units of numpy datetime64 finer than a day, and how many of each make one day
_PER_DAY = {
    "h": 24,
    "m": 24 * 60,
    "s": 86_400,
    "ms": 86_400 * 10**3,
    "us": 86_400 * 10**6,
    "ns": 86_400 * 10**9,
    "ps": 86_400 * 10**12,
    "fs": 86_400 * 10**15,
    "as": 86_400 * 10**18,
}


def _datetime64_days(arr: NDArray[Any]) -> NDArray[np.int64]:
    """Day numbers of a datetime64 array of any unit, flooring times to their own date.

    numpy's own ``astype("datetime64[D]")`` wraps for values within a day of the int64
    minimum (nanoseconds on 1677-09-21 came out in 2262), so units finer than a day are
    floor-divided here, exactly; NaT stays NaT.
    """
    arr = np.ascontiguousarray(arr).ravel()
    unit, step = np.datetime_data(arr.dtype)
    if unit == "D" and step == 1:
        return arr.view(np.int64)
    raw = arr.view(np.int64)
    nat = raw == _NAT
    if unit == "generic":
        if not nat.all():
            raise TrendcalcError("dates must be datetime64 with a unit, such as datetime64[D]")
        return raw.copy()
    if unit in _PER_DAY:
        per = _PER_DAY[unit]
        g = math.gcd(per, step)
        per, step = per // g, step // g  # a day is `per` of this dtype's `step`-long units
        if step == 1:
            if per > _INT64_MAX:  # a day is longer than int64 can count: day -1 or 0
                days = np.where(raw < 0, -1, 0).astype(np.int64)
            else:
                days = np.floor_divide(raw, per)
        else:  # exact in Python integers: rare units such as datetime64[7h]
            days = np.array([v * step // per for v in raw.tolist()], dtype=np.int64)
    else:  # weeks, months, years: far beyond any period once past a million units
        clipped = np.clip(raw, -1_000_000, 1_000_000)
        days = clipped.astype(arr.dtype).astype("datetime64[D]").view(np.int64)
        days = days.copy() if days.base is not None else days
    if nat.any():
        days = np.where(nat, _NAT, days)
    return days


def _days_from_numpy(arr: NDArray[Any], name: str) -> NDArray[np.int64]:
    if arr.dtype.kind == "M":
        return _datetime64_days(arr)
    if arr.dtype.kind == "O":
        return _days_from_objects(arr.ravel().tolist(), name)
    hint = _TEXT_DATES if arr.dtype.kind in "US" else ""
    raise TrendcalcError(
        f"{name} must hold dates: a numpy datetime64 array, dates or datetimes "
        f"(got an array of {arr.dtype}){hint}"
    )


def _days_from_objects(values: Sequence[object], name: str) -> NDArray[np.int64]:
    out = np.empty(len(values), dtype=np.int64)
    for i, v in enumerate(values):
        if _is_missing(v):
            out[i] = _NAT
        elif isinstance(v, dt.datetime):
            out[i] = v.date().toordinal() - _EPOCH_ORDINAL  # its own (wall-clock) date
        elif isinstance(v, dt.date):
            out[i] = v.toordinal() - _EPOCH_ORDINAL
        elif isinstance(v, np.datetime64):
            out[i] = _datetime64_days(np.array([v]))[0]
        else:
            hint = _TEXT_DATES if isinstance(v, str) else ""
            raise TrendcalcError(
                f"{name} must hold dates, datetimes or None (got {type(v).__name__} {brief(v)} at "
                f"index {i}){hint}"
            )
    return out


def _arrow_of(values: Any) -> Any:
    """The pyarrow data behind a pandas column backed by pyarrow, or None."""
    array = getattr(values, "array", values)
    if hasattr(array, "__arrow_array__") and "Arrow" in type(array).__name__:
        return array.__arrow_array__()
    return None


def _days(dates: object) -> NDArray[np.int64]:
    """Day numbers (days since 1970-01-01) of every event; missing dates are int64 min."""
    name = "dates"
    module = _module(dates)
    if module == "pandas":
        values: Any = dates
        arrow = _arrow_of(values)
        if arrow is not None and _is_arrow_text(arrow.type):
            raise TrendcalcError(
                f"{name} must hold dates (got a pandas column of text){_TEXT_DATES}"
            )
        if arrow is not None:
            return _days(arrow)
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
        hint = _TEXT_DATES if series.dtype == pl.String else ""
        raise TrendcalcError(
            f"{name} must be a polars Date or Datetime series (got {series.dtype}){hint}"
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
            hint = _TEXT_DATES if _is_arrow_text(arr.type) else ""
            raise TrendcalcError(
                f"{name} must be a pyarrow date or timestamp array (got {arr.type}){hint}"
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


def _is_arrow_text(t: Any) -> bool:
    import pyarrow as pa

    return bool(pa.types.is_string(t) or pa.types.is_large_string(t) or _is_string_view(t))


def _is_string_view(t: Any) -> bool:
    import pyarrow as pa

    return hasattr(pa.types, "is_string_view") and bool(pa.types.is_string_view(t))


# ----------------------------------------------------------------------------- factorising


class _Codes:
    """One code per event, and what each code stands for.

    ``values`` (in code order, possibly with values no event has, ``None`` for a missing
    value) gives code ``c`` the value ``values[c - offset]``; with ``values`` None the
    codes are dense integer labels, code ``c`` standing for the label ``c`` itself, in
    columns ``offset`` to ``offset + width - 1``. Codes are never below ``offset``, except
    for dense labels, which may hold a label below ``offset``: the kernel checks.

    Codes read as runs (``runs``: the first event of each run, and its code) are expanded
    to one per event only when asked for.
    """

    __slots__ = ("_codes", "offset", "runs", "size", "values", "width")

    def __init__(
        self,
        codes: NDArray[Any] | None,
        width: int,
        values: Sequence[Any] | None,
        offset: int = 0,
        *,
        runs: tuple[NDArray[np.intp], NDArray[Any]] | None = None,
        size: int = 0,
    ) -> None:
        self._codes = codes
        self.width = width
        self.values = values
        self.offset = offset
        self.runs = runs
        self.size = size if codes is None else codes.size

    @property
    def codes(self) -> NDArray[Any]:
        if self._codes is None:
            assert self.runs is not None
            starts, run_codes = self.runs
            self._codes = np.repeat(run_codes, np.diff(np.append(starts, self.size)))
        return self._codes


def _factor_arrow(arr: Any, name: str) -> _Codes:
    """Codes of a pyarrow Array or ChunkedArray, by pyarrow's dictionary encoding."""
    import pyarrow as pa

    t = arr.type
    if pa.types.is_integer(t) and not pa.types.is_dictionary(t):
        if arr.null_count:
            raise TrendcalcError(f"{name} must not be missing (got {arr.null_count} nulls)")
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks()
        return _codes_from_numpy(arr.to_numpy(zero_copy_only=False), name)
    if not pa.types.is_dictionary(t):
        runs = _arrow_text_runs(arr)
        if runs is not None:
            return runs
    chunks = arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]
    encoded = [_encode_chunk(c, name) for c in chunks if len(c)]
    if not encoded:
        return _Codes(np.zeros(0, dtype=np.int64), 0, [])
    if len(encoded) == 1:
        local, codes = encoded[0]
        return _Codes(codes, len(local) + 1, [*local, None])
    index: dict[Any, int] = {}
    out = np.empty(sum(c.size for _, c in encoded), dtype=np.int64)
    at = 0
    for local, codes in encoded:
        remap = np.array([index.setdefault(v, len(index)) for v in [*local, None]], dtype=np.int64)
        np.take(remap, codes, out=out[at : at + codes.size])
        at += codes.size
    return _Codes(out, len(index), list(index))


def _encode_chunk(chunk: Any, name: str) -> tuple[list[Any], NDArray[Any]]:
    """The distinct values of one pyarrow chunk and, per event, the index of its value
    (``len(values)`` for a null)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not pa.types.is_dictionary(chunk.type):
        try:
            chunk = pc.dictionary_encode(chunk)
        except pa.ArrowNotImplementedError:
            if not _is_string_view(chunk.type):
                raise TrendcalcError(
                    f"{name} must be str or int labels (got a pyarrow array of {chunk.type})"
                ) from None
            chunk = pc.dictionary_encode(chunk.cast(pa.large_string()))  # pragma: no cover
    local = chunk.dictionary.to_pylist()
    indices = chunk.indices
    if indices.null_count:
        indices = pc.fill_null(indices, pa.scalar(len(local), indices.type))
    codes = indices.to_numpy(zero_copy_only=False)
    try:
        repeated = len(set(local)) < len(local)
    except TypeError:  # values that cannot be labels: refused by name later
        repeated = False
    if repeated:  # a dictionary array may hold a value twice: one code for it
        index: dict[Any, int] = {}
        remap = [index.setdefault(v, len(index)) for v in local]
        codes = np.array([*remap, len(index)], dtype=np.int64)[codes]
        local = list(index)
    return local, codes


_RUNS_MIN_EVENTS = 1 << 16  # shorter text is dictionary-encoded directly
_RUNS_MAX_SHARE = 64  # give up on runs once there is more than one per this many events
_GLANCE = 4096  # events looked at first, to give up on runs early


def _arrow_text_buffers(chunk: Any) -> tuple[NDArray[Any], NDArray[np.uint8]] | None:
    """Offsets and bytes of a pyarrow string or large_string array without nulls."""
    import pyarrow as pa

    t = chunk.type
    if chunk.null_count or not (pa.types.is_string(t) or pa.types.is_large_string(t)):
        return None
    width = 8 if pa.types.is_large_string(t) else 4
    _, offsets_buf, data_buf = chunk.buffers()
    n = len(chunk)
    offsets = np.frombuffer(
        offsets_buf, dtype=f"<i{width}", count=n + 1, offset=chunk.offset * width
    )
    if data_buf is None:
        return offsets, np.zeros(0, dtype=np.uint8)
    return offsets, np.frombuffer(data_buf, dtype=np.uint8)


def _arrow_text_runs(arr: Any) -> _Codes | None:
    """Codes of pyarrow text that comes in long runs of one value, or None.

    Records read from many files (police.uk publishes one file per force and month) hold
    each file's month and force on every row, so those columns come in long runs.
    Adjacent values are compared by their bytes, exactly: a value equals the one before
    when the lengths agree and every byte does. Between two changes of length, the values
    are compared eight bytes at a time (a word that differs marks the values it touches as
    starting a run; a needless mark only splits a run in two, and both get the same code).
    Only the first value of each run is read. None (dictionary-encode instead) when the
    runs are short.
    """
    import pyarrow as pa

    chunks = arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]
    total = sum(len(c) for c in chunks)
    if total < _RUNS_MIN_EVENTS:
        return None
    index: dict[Any, int] = {}
    all_starts, all_codes = [], []
    done = 0
    for chunk in chunks:
        n = len(chunk)
        if n == 0:
            continue
        found = _arrow_text_buffers(chunk)
        if found is None:
            return None
        offsets, data = found
        first = np.diff(offsets[: _GLANCE + 1])  # a glance first: short runs? give up
        if np.count_nonzero(first[1:] != first[:-1]) * _RUNS_MAX_SHARE > first.size:
            return None
        lengths = np.diff(offsets)
        change = np.flatnonzero(lengths[1:] != lengths[:-1]) + 1
        if change.size * _RUNS_MAX_SHARE > n:
            return None
        new_run = np.zeros(n, dtype=bool)
        new_run[0] = True
        new_run[change] = True
        bounds = [0, *change.tolist(), n]
        for a, b in itertools.pairwise(bounds):
            size = int(lengths[a])
            if b - a < 2 or size == 0:
                continue
            lo, hi = int(offsets[a]), int(offsets[b])
            m = hi - lo - size  # bytes compared: every value but the first with the one before
            probe = min(m, size * _GLANCE)  # first, a glance at the start: short runs? give up
            glance = np.flatnonzero(data[lo + size : lo + size + probe] != data[lo : lo + probe])
            if probe == m:  # the glance saw it all
                new_run[a + 1 + glance // size] = True
                continue
            if np.unique(glance // size).size * _RUNS_MAX_SHARE > probe // size:
                return None
            words = m // 8
            xw = np.frombuffer(data, dtype=np.uint64, count=words, offset=lo + size)
            yw = np.frombuffer(data, dtype=np.uint64, count=words, offset=lo)
            differ = np.flatnonzero(xw != yw) * 8
            if differ.size:  # mark every value the eight bytes of each word touch
                for k in range(0, 8, min(size, 8)):
                    new_run[a + 1 + (differ + k) // size] = True
                new_run[a + 1 + (differ + 7) // size] = True
            tail = np.flatnonzero(
                data[lo + size + words * 8 : hi] != data[lo + words * 8 : hi - size]
            )
            if tail.size:
                new_run[a + 1 + (tail + words * 8) // size] = True
        heads = np.flatnonzero(new_run)
        if heads.size * _RUNS_MAX_SHARE > n:
            return None
        values = chunk.take(pa.array(heads)).to_pylist()
        all_codes.append(np.array([index.setdefault(v, len(index)) for v in values], np.int64))
        all_starts.append(heads + done)
        done += n
    if not all_starts:
        return None
    starts = np.concatenate(all_starts)
    return _Codes(
        None, len(index), list(index), runs=(starts, np.concatenate(all_codes)), size=done
    )


def _factor_pandas(values: Any, name: str, *, labels: bool = True) -> _Codes:
    import pandas as pd

    if isinstance(values.dtype, pd.CategoricalDtype):
        cat = values.cat if hasattr(values, "cat") else values
        codes = np.asarray(cat.codes)
        k = len(cat.categories)
        if codes.size and codes.min() < 0:  # NaN has code -1: give it its own code, k
            codes = np.where(codes < 0, k, codes)
        return _Codes(codes, k + 1, [*cat.categories.tolist(), None])
    arrow = _arrow_of(values)
    if arrow is not None:
        return _factor_arrow(arrow, name)
    if values.dtype.kind in "iu":
        return _codes_from_numpy(values.to_numpy(), name)
    if labels:
        _refuse_other_labels(values, name)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    k = len(uniques)
    if codes.size and codes.min() < 0:
        codes = np.where(codes < 0, k, codes)
    return _Codes(codes, k + 1, [*list(uniques), None])


def _polars_text_runs(series: Any) -> _Codes | None:
    """Codes of a polars String column that comes in long runs, by polars' own run-length
    encoding; None (after a glance at the first values) when the runs are short."""
    n = len(series)
    if n < _RUNS_MIN_EVENTS or series.null_count():
        return None
    if (int(series.head(_GLANCE).rle_id().max()) + 1) * _RUNS_MAX_SHARE > _GLANCE:
        return None
    runs = series.rle()
    if len(runs) * _RUNS_MAX_SHARE > n:
        return None
    lengths = runs.struct.field("len").to_numpy().astype(np.int64)
    starts = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.intp)
    index: dict[Any, int] = {}
    values = runs.struct.field("value").to_list()
    codes = np.array([index.setdefault(v, len(index)) for v in values], dtype=np.int64)
    return _Codes(None, len(index), list(index), runs=(starts, codes), size=n)


def _factor_polars(series: Any, name: str) -> _Codes:
    import polars as pl

    dtype = series.dtype
    if isinstance(dtype, pl.Enum | pl.Categorical):
        physical = series.to_physical()
        categories: Any = dtype.categories
        if isinstance(dtype, pl.Categorical):
            categories = categories.to_series()
        width = len(categories)
        codes = (
            physical.fill_null(width).to_numpy() if physical.null_count() else physical.to_numpy()
        )
        return _Codes(codes, width + 1, _LazyValues(categories))
    if dtype.is_integer():
        if series.null_count():
            raise TrendcalcError(f"{name} must not be missing (got {series.null_count()} nulls)")
        return _codes_from_numpy(series.to_numpy(), name)
    if dtype == pl.String:
        runs = _polars_text_runs(series)
        if runs is not None:
            return runs
    return _factor_arrow(_polars_arrow(series), name)


def _polars_arrow(series: Any) -> Any:
    """A polars Series as pyarrow data, without copying where pyarrow can take polars' own
    layout (text as ``string_view``)."""
    import polars as pl
    import pyarrow as pa

    if hasattr(pl, "CompatLevel") and hasattr(pa.types, "is_string_view"):
        return series.to_arrow(compat_level=pl.CompatLevel.newest())
    return series.to_arrow()  # pragma: no cover - polars before 1.1 or pyarrow before 16


class _LazyValues(Sequence[Any]):
    """Values looked up only for the codes some event has (polars' categories may be many),
    and None (a missing value) after them."""

    def __init__(self, source: Any) -> None:
        self._source = source

    def __len__(self) -> int:
        return len(self._source) + 1

    def __getitem__(self, i: Any) -> Any:
        return None if i == len(self._source) else self._source[i]


def _factor(column: object, name: str, *, labels: bool = True) -> _Codes:
    """Codes for one column of group labels (str or int: ``labels``) or of month labels
    (text, dates or missing values), in any supported container."""
    module = _module(column)
    if module == "pyarrow":
        return _factor_arrow(column, name)
    if module == "pandas":
        return _factor_pandas(column, name, labels=labels)
    if module == "polars":
        return _factor_polars(column, name)
    if isinstance(column, str | bytes) or not isinstance(column, Sequence | np.ndarray):
        raise TrendcalcError(
            f"{name} must be one label per event: a sequence, numpy array, or pandas, polars "
            f"or pyarrow column (got {type(column).__name__})"
        )
    if isinstance(column, np.ndarray):
        return _codes_from_numpy(column, name, labels=labels)
    if len(column) == 0:
        return _Codes(np.zeros(0, dtype=np.int64), 0, [])
    kinds = {type(g) for g in column}  # numpy would quietly turn [1, "a"] into text
    if type(None) in kinds:
        raise TrendcalcError(f"{name} must not be missing (got None)")
    is_int = [
        issubclass(k, numbers.Integral) and not issubclass(k, bool | np.bool_ | np.timedelta64)
        for k in kinds
    ]
    is_str = [issubclass(k, str) for k in kinds]
    shown = ", ".join(sorted(k.__name__ for k in kinds))
    if not all(a or b for a, b in zip(is_int, is_str, strict=True)):
        raise TrendcalcError(f"{name} must be str or int labels (got {shown})")
    if not (all(is_int) or all(is_str)):
        raise TrendcalcError(f"{name} must be all str or all int, not a mix (got {shown})")
    if all(is_int):
        try:
            return _codes_from_numpy(np.asarray(column, dtype=np.int64), name)
        except OverflowError:  # labels beyond int64: factorise them as Python integers
            pass
    return _codes_from_numpy(np.asarray(column, dtype=object), name)


_DENSE_CELLS = 4_000_000  # count integer labels in place while the table stays this small


def _codes_from_numpy(arr: NDArray[Any], name: str, *, labels: bool = True) -> _Codes:
    if arr.ndim != 1:
        raise TrendcalcError(
            f"{name} must be one label per event, one-dimensional (got shape {arr.shape})"
        )
    if arr.size == 0:  # no events: no labels, whatever the dtype
        return _Codes(np.zeros(0, dtype=np.int64), 0, ())
    if arr.dtype.kind in "iu":
        if arr.dtype == np.uint64:
            if int(arr.max()) > _INT64_MAX:
                return _factor_ints(arr)
            arr = arr.view(np.int64)
        high = int(arr.max())
        # count by the labels themselves, from 0; the kernel refuses a label below 0
        # (checking each block as it goes) and count_events then counts from the least
        return _Codes(arr, high + 1, None, 0) if high >= 0 else _dense_from_low(arr)
    if arr.dtype.kind == "U" and arr.size:
        found = _factorize_text(arr)
        if found is not None:
            return found
    if arr.dtype.kind == "O" and labels:
        _refuse_other_labels(arr, name)
    if arr.dtype.kind in "UO":
        return _factor_objects(arr)
    raise TrendcalcError(f"{name} must be labels, str or int (got an array of {arr.dtype})")


def _dense_from_low(arr: NDArray[Any]) -> _Codes:
    low, high = int(arr.min()), int(arr.max())
    return _Codes(arr, high - low + 1, None, low)


def _compact(found: _Codes, n_rows: int) -> _Codes:
    """Codes whose values are far more than the events (polars' shared categories): only
    the values some event has, so the table stays small."""
    if found.values is None or found.width * n_rows <= _DENSE_CELLS or found.width <= found.size:
        return found
    distinct, codes = _factorize_ints(found.codes)
    return _Codes(codes, len(distinct), [found.values[int(d)] for d in distinct.tolist()])


def _factor_ints(arr: NDArray[Any]) -> _Codes:
    distinct, codes = _factorize_ints(arr)
    return _Codes(codes, len(distinct), [int(v) for v in distinct.tolist()])


def _factor_objects(arr: NDArray[Any]) -> _Codes:
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is optional
        index: dict[Any, int] = {}
        codes = np.fromiter(
            (index.setdefault(None if _is_missing(v) else v, len(index)) for v in arr.tolist()),
            dtype=np.int64,
            count=arr.size,
        )
        return _Codes(codes, len(index), list(index))
    codes, uniques = pd.factorize(arr, use_na_sentinel=True)
    k = len(uniques)
    if codes.size and codes.min() < 0:
        codes = np.where(codes < 0, k, codes)
    return _Codes(codes, k + 1, [*list(uniques), None])


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
    return _Codes(codes, len(labels), [str(x) for x in labels])


def _factorize_ints(values: NDArray[Any]) -> tuple[NDArray[Any], NDArray[np.intp]]:
    """Distinct values and codes, by pandas' hash table when pandas is there."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is optional
        distinct, inverse = np.unique(values, return_inverse=True)
        return distinct, inverse.ravel()
    codes, distinct = pd.factorize(values, sort=False)
    return np.asarray(distinct), codes


def _labels_of(found: _Codes, used: NDArray[np.intp], name: str) -> list[Group]:
    """The labels of the used columns, all str or all int."""
    if found.values is None:
        return [int(j) + found.offset for j in used.tolist()]
    labels: list[Group] = [_label(found.values[j], name) for j in used.tolist()]
    kinds = {type(x) for x in labels}
    if len(kinds) > 1:
        shown = ", ".join(sorted(k.__name__ for k in kinds))
        raise TrendcalcError(f"{name} must be all str or all int, not a mix (got {shown})")
    return labels


# ----------------------------------------------------------------------------- group keys


def _is_column(obj: object) -> bool:
    if isinstance(obj, str | bytes | numbers.Number) or obj is None:
        return False
    return isinstance(obj, np.ndarray | list | tuple) or _module(obj) in (
        "pandas",
        "polars",
        "pyarrow",
        "dask",
    )


def _key_columns(groups: object) -> list[tuple[object, str]] | None:
    """The key columns of ``groups=[col1, col2, ...]`` (or a dataframe), with their names;
    None when ``groups`` is one column of labels."""
    module = _module(groups)
    columns: list[tuple[object, object]]
    if module == "pandas" and hasattr(groups, "columns") and hasattr(groups, "iloc"):
        frame: Any = groups
        columns = [(frame.iloc[:, j], frame.columns[j]) for j in range(frame.shape[1])]
    elif module == "polars" and hasattr(groups, "get_columns"):
        columns = [(c, c.name) for c in groups.get_columns()]
    elif module == "pyarrow" and hasattr(groups, "column_names"):
        table: Any = groups
        columns = list(zip(table.columns, table.column_names, strict=True))
    elif isinstance(groups, list | tuple) and groups and all(_is_column(c) for c in groups):
        columns = [(c, getattr(c, "name", None)) for c in groups]
    else:
        return None
    if not columns:
        raise TrendcalcError("groups must hold at least one key column (got none)")
    out: list[tuple[object, str]] = []
    for i, (column, label) in enumerate(columns):
        name = label if isinstance(label, str) and label else f"group_{i + 1}"
        if name in {n for _, n in out}:
            name = f"group_{i + 1}"
        out.append((column, name))
    return out


class _Combined:
    """Several key columns as one code per event, and the tuple of labels each stands for.

    Codes combine like digits (``code1 * width2 + code2``); while that space would make
    too large a table, the combinations seen so far are factorised to a dense code first.
    """

    def __init__(self, parts: list[_Codes], rows: int, name: str) -> None:
        self.name = name
        limit = max(_DENSE_CELLS // rows, 1)
        space: Any = None  # None: the empty tuple; a list: one tuple per code; else (inner, part)
        combined: NDArray[np.int64] | None = None
        width = 1
        for raw in parts:
            part = _as_values(raw, rows)
            codes = part.codes
            if combined is None:
                combined = codes.astype(np.int64, copy=True)
            else:
                if width * part.width > limit:
                    combined, space = self._compress(combined, space)
                    width = len(space)
                combined *= part.width
                combined += codes
            space = (space, part)
            width *= part.width
        assert combined is not None
        if width > limit:
            combined, space = self._compress(combined, space)
            width = len(space)
        self.codes = combined
        self.width = width
        self._space = space

    def _compress(self, combined: NDArray[np.int64], space: Any) -> tuple[NDArray[np.int64], Any]:
        distinct, codes = _factorize_ints(combined)
        labels = [self._decode(space, int(v)) for v in distinct.tolist()]
        return codes.astype(np.int64), labels

    def _decode(self, space: Any, v: int) -> tuple[Any, ...]:
        if space is None:
            return ()
        if isinstance(space, list):
            return space[v]  # type: ignore[no-any-return]
        inner, part = space
        q, r = divmod(v, part.width)
        return (*self._decode(inner, q), part.values[r])

    def labels(self, used: NDArray[np.intp]) -> list[tuple[Group, ...]]:
        out: list[tuple[Group, ...]] = []
        for j in used.tolist():
            raw = self._decode(self._space, j)
            out.append(tuple(_label(x, f"{self.name}[{i}]") for i, x in enumerate(raw)))
        for i in range(len(out[0]) if out else 0):
            kinds = {type(t[i]) for t in out}
            if len(kinds) > 1:
                shown = ", ".join(sorted(k.__name__ for k in kinds))
                raise TrendcalcError(
                    f"{self.name}[{i}] must be all str or all int, not a mix (got {shown})"
                )
        return out


def _as_values(part: _Codes, rows: int) -> _Codes:
    """Codes from 0 with their values: dense integer labels made explicit (or factorised)."""
    if part.values is not None:
        return _compact(part, rows)
    low = part.offset
    if part.codes.size and int(part.codes.min()) < low:
        part = _dense_from_low(part.codes)
        low = part.offset
    if part.width * rows > _DENSE_CELLS:
        return _factor_ints(part.codes)
    codes = part.codes.astype(np.int64) - low if low else part.codes
    return _Codes(codes, part.width, range(low, low + part.width))


# ----------------------------------------------------------------------------- months

_MONTH_SLOTS = 120_000  # months of the years 0000 to 9999, counted from January 0000
_AFTER_SLOT, _MISSING_SLOT, _INVALID_SLOT = _MONTH_SLOTS, _MONTH_SLOTS + 1, _MONTH_SLOTS + 2
_YYYY_MM = re.compile(r"([0-9]{4})-([0-9]{2})")


def _month_slot(value: object) -> int:
    """The slot of one month label (months since January 0000), missing, or invalid."""
    if _is_missing(value):
        return _MISSING_SLOT
    if isinstance(value, str):
        text = value.strip()
        if (m := _YYYY_MM.fullmatch(text)) is not None:
            year, month_ = int(m[1]), int(m[2])
            return year * 12 + month_ - 1 if 1 <= month_ <= 12 else _INVALID_SLOT
        try:
            p = parse_period(text) if len(text) <= MAX_LABEL_LENGTH else None
        except PeriodError:
            return _INVALID_SLOT
        if p is None or p.kind != "month":
            return _INVALID_SLOT
        return p.start.year * 12 + p.start.month - 1
    if isinstance(value, dt.date):  # a date or datetime: its month
        return value.year * 12 + value.month - 1
    if isinstance(value, Period) and value.kind == "month":
        return value.start.year * 12 + value.start.month - 1
    return _INVALID_SLOT


@functools.lru_cache(maxsize=4)
def _month_rows(periods: tuple[Period, ...]) -> NDArray[np.intp]:
    """The row of each month slot: a period, before, after, missing, or (for a month that no
    single row holds whole) invalid. Kept for the last few periods asked for (read only)."""
    p = len(periods)
    start, table = _lookup(periods)
    slots = np.arange(_MONTH_SLOTS, dtype=np.int64) - 1970 * 12
    first = slots.view("datetime64[M]").astype("datetime64[D]").view(np.int64)
    last = (slots + 1).view("datetime64[M]").astype("datetime64[D]").view(np.int64) - 1
    top = table.size - 1
    row_first = table[np.clip(first - (start - 1), 0, top)]
    row_last = table[np.clip(last - (start - 1), 0, top)]
    rows = np.where(row_first == row_last, row_first, p + 3)
    out = np.concatenate([rows, np.array([p + 1, p + 2, p + 3], dtype=rows.dtype)])
    out.setflags(write=False)
    return out


_SEVEN_BYTES = np.uint64((1 << 56) - 1)
_MAX_SEVEN = 1024  # distinct seven-byte values read this way; more are factorised instead
_MULTIPLIERS = tuple(
    np.uint64(m)
    for m in (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)
)


class _SevenByteTable:
    """Codes for seven-byte values held as integers, in the order the values are first
    seen: a lookup table indexed by a multiplicative hash gives most values their code.

    A code read from the table is confirmed by comparing the value stored for that code
    with the value itself. The values that fail (a value not seen before, or one whose
    slot another value took first) are coded exactly through a dictionary, so no value is
    ever given another's code; new values are added and the table is rebuilt.
    """

    def __init__(self) -> None:
        self.index: dict[int, int] = {}  # value -> code
        self.keys = np.zeros(0, dtype=np.uint64)  # value of each code
        self.lut = np.zeros(1, dtype=np.intp)
        self.multiplier = _MULTIPLIERS[0]
        self.shift = np.uint64(63)

    def _rebuild(self) -> None:
        """The lookup table for every value so far: 64 slots a value (4,096 to 65,536),
        with the multiplier that leaves the fewest values without a slot of their own."""
        self.keys = np.fromiter(self.index, dtype=np.uint64, count=len(self.index))
        k = self.keys.size
        bits = min(16, max(12, (64 * k - 1).bit_length()))
        self.shift = np.uint64(64 - bits)
        most = -1
        with np.errstate(over="ignore"):
            for multiplier in _MULTIPLIERS:
                slots = (self.keys * multiplier) >> self.shift
                taken = np.unique(slots).size
                if taken > most:
                    most, self.multiplier, best = taken, multiplier, slots
                if taken == k:
                    break
        self.lut = np.zeros(1 << bits, dtype=np.intp)
        self.lut[best[::-1]] = np.arange(k - 1, -1, -1)  # a shared slot: the first value's

    def codes(self, block: NDArray[np.uint64], out: NDArray[np.intp]) -> bool:
        """The code of every value of ``block``, into ``out``; False once there would be
        more than ``_MAX_SEVEN`` values."""
        if not self.index:  # start from the values of a glance at the first events
            self.index = {v: i for i, v in enumerate(np.unique(block[:_GLANCE]).tolist())}
            if len(self.index) > _MAX_SEVEN:
                return False
            self._rebuild()
        with np.errstate(over="ignore"):
            slots = np.multiply(block, self.multiplier)
        np.right_shift(slots, self.shift, out=slots)
        np.take(self.lut, slots.view(np.intp), out=out)
        wrong = np.flatnonzero(np.take(self.keys, out) != block)
        if wrong.size == 0:
            return True
        values, inverse = np.unique(block[wrong], return_inverse=True)
        codes = []
        size = len(self.index)
        for v in values.tolist():
            codes.append(self.index.setdefault(v, len(self.index)))
        if len(self.index) > _MAX_SEVEN:
            return False
        out[wrong] = np.array(codes, dtype=np.intp)[inverse.ravel()]
        if len(self.index) > size:
            self._rebuild()
        return True

    def values(self) -> list[str]:
        return [int(k).to_bytes(8, "little")[:7].decode() for k in self.keys.tolist()]


def _arrow_month_codes(arr: Any) -> _Codes | None:
    """Codes of pyarrow text whose values are all seven bytes long, such as 'YYYY-MM',
    read from the bytes in place: each value is taken as an integer, and the integers are
    coded by a :class:`_SevenByteTable`. None (factorise instead) if a value is missing
    or of another length, or there are more than a thousand distinct values.
    """
    import pyarrow as pa

    chunks = [c for c in (arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]) if len(c)]
    table = _SevenByteTable()
    codes = np.empty(sum(len(c) for c in chunks), dtype=np.intp)
    block = np.empty(min(codes.size, _CHUNK), dtype=np.uint64)
    done = 0
    for chunk in chunks:
        n = len(chunk)
        found = None if chunk.null_count else _month_bytes(chunk)
        if found is None:
            return None
        data, first, stride = found
        # eight bytes are read for each value: the last value's may end the buffer
        whole = n if data.size >= first + stride * (n - 1) + 8 else n - 1
        for lo in range(0, n, _CHUNK):  # in blocks, so each value's bytes stay in cache
            m = min(_CHUNK, n - lo)
            keys = block[:m]
            inside = max(0, min(m, whole - lo))
            at = first + lo * stride
            np.bitwise_and(
                np.ndarray((inside,), "<u8", data, at, (stride,)), _SEVEN_BYTES, out=keys[:inside]
            )
            if inside < m:  # the last value, read byte by byte
                keys[inside] = int.from_bytes(data[at + inside * stride :][:7].tobytes(), "little")
            if not table.codes(keys, codes[done + lo : done + lo + m]):
                return None
        done += n
    return _Codes(codes, table.keys.size, table.values())


def _month_bytes(chunk: Any) -> tuple[NDArray[np.uint8], int, int] | None:
    """Where the text of a pyarrow chunk of seven-byte values lies: a buffer, the
    position of the first value and the step from one to the next; None unless every
    value is seven bytes long.

    ``string`` and ``large_string`` hold their values end to end, so all are seven long
    when the offsets step by seven. ``string_view`` (polars' text) holds each value of up
    to twelve bytes inside its sixteen-byte view, after its length.
    """
    import pyarrow as pa

    t = chunk.type
    n = len(chunk)
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        width = 8 if pa.types.is_large_string(t) else 4
        _, offsets_buf, data_buf = chunk.buffers()[:3]
        offsets = np.frombuffer(
            offsets_buf, dtype=f"<i{width}", count=n + 1, offset=chunk.offset * width
        )
        first = int(offsets[0])
        if int(offsets[-1]) - first != 7 * n:
            return None
        for lo in range(0, n, _CHUNK):
            if int(np.diff(offsets[lo : lo + _CHUNK + 1]).min()) != 7:
                return None
        return np.frombuffer(data_buf, dtype=np.uint8), first, 7
    if _is_string_view(t):
        views = np.frombuffer(chunk.buffers()[1], dtype=np.uint8)
        lengths = np.ndarray((n,), "<i4", views, chunk.offset * 16, (16,))
        if int(lengths.min()) != 7 or int(lengths.max()) != 7:
            return None
        return views, chunk.offset * 16 + 4, 16
    return None


def _is_datetime_column(dates: object) -> bool:
    module = _module(dates)
    dtype: Any = getattr(dates, "dtype", None)
    if isinstance(dates, np.ndarray):
        return bool(dates.dtype.kind == "M")
    if module == "pandas":
        arrow = _arrow_of(dates)
        if arrow is not None:
            return _is_datetime_column(arrow)
        return bool(getattr(dtype, "kind", "O") == "M")
    if module == "polars":
        return bool(dtype.is_temporal())
    if module == "pyarrow":
        import pyarrow as pa

        t = dates.type  # type: ignore[attr-defined]
        return bool(pa.types.is_date(t) or pa.types.is_timestamp(t))
    return False


def _month_index(dates: object) -> tuple[_Codes, NDArray[np.int64] | None]:
    """Per event, a month slot (as codes without values, and None) or a code and, per
    code, its month slot."""
    if _is_datetime_column(dates):
        days = _days(dates)
        nat = days == _NAT
        months = np.clip(days, -(10**9), 10**9).view("datetime64[D]").astype("datetime64[M]")
        slots = np.clip(months.view(np.int64) + 1970 * 12, 0, _AFTER_SLOT)
        return _Codes(np.where(nat, _MISSING_SLOT, slots), 0, None), None
    module = _module(dates)
    arrow: Any = None
    if module == "pyarrow":
        arrow = dates
    elif module == "pandas":
        arrow = _arrow_of(dates)
    elif module == "polars":
        import polars as pl

    found: _Codes | None = None
    if module == "polars" and dates.dtype == pl.String:  # type: ignore[attr-defined]
        found = _polars_text_runs(dates)
        if found is None:
            arrow = _polars_arrow(dates)
    if arrow is not None:
        found = _arrow_text_runs(arrow)
        if found is None:
            found = _arrow_month_codes(arrow)
    if found is None and isinstance(dates, list | tuple):  # None is a missing month here
        found = _factor_objects(np.asarray(dates, dtype=object))
    elif found is None:
        found = _factor(dates, "dates", labels=False)
    if found.values is None:
        raise TrendcalcError(
            "dates must hold month labels such as '2016-03' or dates when kind='month' "
            "(got integers)"
        )
    values = [_month_slot(found.values[j]) for j in range(found.width)]
    return found, np.array(values, dtype=np.int64)


def _value_at(column: object, i: int) -> object:
    module = _module(column)
    if module == "pandas":
        return column.iloc[i] if hasattr(column, "iloc") else column[i]  # type: ignore[index]
    if module == "pyarrow":
        return column[i].as_py()  # type: ignore[index]
    value = column[i]  # type: ignore[index]
    return value.item() if isinstance(value, np.generic) else value


def _where(row: int, periods: Sequence[Period]) -> str:
    if row < len(periods):
        return f"in period {periods[row].label!r}"
    if row == len(periods):
        return f"before the first period ({periods[0].label!r})"
    return f"after the last period ({periods[-1].label!r})"


def _refuse_month(
    dates: object, index: NDArray[Any], rows: NDArray[np.intp], periods: Sequence[Period]
) -> None:
    """Name the first event whose month is no month, or is split between two rows."""
    p = len(periods)
    at = int(np.argmax(np.take(rows, index, mode="clip") == p + 3))
    value = _value_at(dates, at)
    slot = _month_slot(value)
    if slot == _INVALID_SLOT:
        raise TrendcalcError(
            f"dates must hold months when kind='month', such as '2016-03' or 'March 2016' "
            f"(got {brief(value)} at index {at})"
        )
    first = dt.date(slot // 12, slot % 12 + 1, 1)
    last = (first + dt.timedelta(days=31)).replace(day=1) - dt.timedelta(days=1)
    start, table = _lookup(periods)
    top = table.size - 1

    def row(day: dt.date) -> int:
        return int(table[min(max(day.toordinal() - _EPOCH_ORDINAL - (start - 1), 0), top)])

    raise TrendcalcError(
        f"dates: the month {value!r} (at index {at}) is not wholly inside one period: it "
        f"begins {_where(row(first), periods)} and ends {_where(row(last), periods)}; a "
        "month of records can only be counted into periods "
        "made of whole months (months, quarters, years), so count these periods from dates "
        "instead"
    )


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


def _kernel(
    index: NDArray[Any],
    base: int,
    rows: NDArray[np.intp],
    n_rows: int,
    codes: NDArray[Any] | None,
    width: int,
    offset: int = 0,
    check_low: bool = False,
) -> NDArray[np.int64]:
    """Counts as ``n_rows`` rows by ``width`` columns.

    Event ``i`` goes to row ``rows[index[i] - base]`` (``np.take(..., mode="clip")``, so the
    ends of ``rows`` take everything beyond them) and column ``codes[i] - offset`` (column 0
    without codes). With ``check_low``, a code below ``offset`` raises _LabelBelowOffset.
    The events are taken in blocks whose temporaries stay in the processor's cache.
    """
    cells = rows.astype(np.int64) * width  # the first cell of each row
    total = np.zeros(n_rows * width, dtype=np.int64)
    chunk = min(_CHUNK, max(index.size, 1))
    block = np.empty(chunk, dtype=np.int64)
    cell = np.empty(chunk, dtype=np.int64)
    with np.errstate(over="ignore"):
        for lo in range(0, index.size, chunk):
            d = index[lo : lo + chunk]
            b, c = block[: d.size], cell[: d.size]
            if base:
                np.subtract(d, base, out=b)
                np.take(cells, b, out=c, mode="clip")
            else:
                np.take(cells, d, out=c, mode="clip")
            if codes is not None:
                part = codes[lo : lo + chunk]
                if check_low and part.min() < offset:
                    raise _LabelBelowOffset
                c += part
                if offset:
                    c -= offset
            total += np.bincount(c, minlength=n_rows * width)
    return total.reshape(n_rows, width)


def _fix_wrapped(
    result: NDArray[np.int64],
    days: NDArray[np.int64],
    codes: NDArray[Any] | None,
    offset: int,
    base: int,
    p: int,
) -> None:
    """Move NaT to "missing", and days whose shift wrapped around int64 to their side.

    The kernel shifts day numbers so the first period's first day is 1; the shift can
    wrap only for day numbers within ``base`` of the int64 minimum, which is NaT (no date)
    and otherwise no real date. Those events are found here, only if "before" or "after"
    holds anything, and moved to "missing" (NaT) or to their own side.
    """
    before, after, missing = p, p + 1, p + 2
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


_KINDS = ("date", "month")


def count_events(
    dates: object,
    periods: object,
    *,
    groups: object = None,
    kind: Literal["date", "month"] = "date",
) -> CountTable:
    """Count events into periods (and groups), fast and with nothing dropped.

    Parameters
    ----------
    dates : array or column of dates or months
        One per event: a numpy ``datetime64`` array of any unit, a sequence of
        ``datetime.date`` or ``datetime.datetime`` (None for no date), a pandas Series
        or Index, a polars Series, or a pyarrow array. Order does not matter. A time of
        day counts on its own date; a timezone-aware time counts on its date as recorded
        in its own timezone (the wall-clock date), without conversion.
    periods : Period or str, or sequence of Period or str
        One period (``"2016/17"``), consecutive periods of one kind (labels are read by
        :func:`parse_period`), or text ``"FIRST to LAST"`` such as
        ``"2010/11 to 2023/24"`` for every period between.
    groups : column or list of columns, optional
        str or int labels (all of one kind), in any of the containers ``dates`` may be
        (pandas and polars Categorical and text columns and pyarrow dictionary arrays
        are read one distinct value at a time). Columns of the table are the labels
        seen, sorted (a category no event has is no column). Several key columns,
        ``groups=[force, offence]`` (or a pandas, polars or pyarrow dataframe of them),
        make each label the tuple of one event's keys, such as
        ``("Kent", "Burglary")``; the table's ``keys`` then holds the columns' names (a
        pandas or polars column's name, else ``"group_1"``, ``"group_2"``, ...; a name
        already taken also gives way to ``"group_N"``).
    kind : {"date", "month"}, default "date"
        What ``dates`` holds. With ``"month"``, each value names a month: text such as
        ``"2016-03"`` (the ``Month`` column of police.uk files) or ``"March 2016"``, a
        date or datetime (its month), or a missing value. A month means "some day in
        that month", so every month must lie wholly inside one period (or wholly
        before the first or after the last): count months into months, quarters or
        years, never into periods that split a month. Each distinct text is read once.

    Returns
    -------
    CountTable
        Events dated before the first period go to ``before``, after the last to
        ``after``, and events with no date (None, NaT, NaN, null) to ``missing``.

    Raises
    ------
    TrendcalcError
        If dates are not dates (or months), ``groups`` has a different length, labels
        are mixed or missing, the periods are not consecutive, or with ``kind="month"``
        a month is split between two periods (the error names the month and the
        periods).

    See Also
    --------
    CountTable : the result: counts, before, after and missing, per period and group.
    trendcalc.dask.count_events : the same, for a Dask collection on a cluster.

    Notes
    -----
    Long columns take fast paths: categoricals and dictionary arrays are counted by their
    codes, ``"YYYY-MM"`` text is read from its bytes, and text that comes in long runs (as
    records read file by file do) is read once per run. From a million events on, numpy,
    pandas, polars and pyarrow columns are cut into one piece per processor (up to eight)
    and the pieces are counted on threads and added up; text in long runs is counted
    whole, with the labels read on a second thread. Every path gives the same table, and
    an error names the same event; :doc:`/performance` has the measurements.

    Examples
    --------
    >>> import numpy as np, trendcalc as tc
    >>> dates = np.array(["2016-03-31", "2016-04-01", "2017-03-31", "NaT"], dtype="datetime64[D]")
    >>> t = tc.count_events(dates, "2016/17 to 2017/18", groups=[5, 5, 7, 7])
    >>> t.groups, t.counts.tolist()
    ((5, 7), [[1, 1], [0, 0]])
    >>> t.before.tolist(), t.after.tolist(), t.missing.tolist(), t.n_events
    ([1, 0], [0, 0], [0, 1], 4)

    Month labels, as police.uk publishes them, with two key columns:

    >>> months = ["2016-03", "2016-04", "2016-04", "2017-03"]
    >>> force = ["Kent", "Kent", "Essex", "Kent"]
    >>> crime = ["Burglary", "Robbery", "Burglary", "Burglary"]
    >>> t = tc.count_events(months, "2016/17", groups=[force, crime], kind="month")
    >>> t.keys, t.groups
    (('group_1', 'group_2'), (('Essex', 'Burglary'), ('Kent', 'Burglary'), ('Kent', 'Robbery')))
    >>> t.counts.tolist(), t.before.tolist()
    ([[1, 1, 1]], [0, 1, 0])
    """
    if not isinstance(kind, str) or kind not in _KINDS:
        raise TrendcalcError(f"kind must be 'date' or 'month' (got {brief(kind)})")
    for name, column in (("dates", dates), ("groups", groups)):
        if _module(column) == "dask":
            raise TrendcalcError(
                f"{name} must be in memory (got a dask {type(column).__name__}); for a dask "
                "collection use trendcalc.dask.count_events, which counts it partition by "
                "partition"
            )
    return _count_all(dates, _as_periods(periods), groups, kind, _threads())


def _count_all(
    dates: object, ps: tuple[Period, ...], groups: object, kind: str, threads: int
) -> CountTable:
    """count_events on up to ``threads`` threads (trendcalc.dask asks for one: its
    partitions are already counted side by side)."""
    keys = _key_columns(groups)
    pieces = _pieces(dates, groups, keys, threads)
    if pieces is not None:
        table = _count_pieces(pieces, ps, kind)
        if table is not None:
            return table
    pending: Future[_Codes] | None = None
    pool: ThreadPoolExecutor | None = None
    long = _length(dates) >= 2 * _PIECE_EVENTS
    if threads > 1 and long and keys is None and groups is not None:
        # read the labels on a second thread while the dates are read here
        pool = ThreadPoolExecutor(1, thread_name_prefix="trendcalc-count")
        pending = pool.submit(_factor, groups, "groups")
    try:
        return _count_events(dates, ps, groups, kind, keys, pending)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


_PIECE_EVENTS = 1 << 19  # the fewest events worth a thread of their own


def _threads() -> int:
    """Threads to count with: one per processor this process may run on, up to eight,
    and no more than its container's CPU quota allows."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        n = os.cpu_count() or 1
    quota = _cpu_quota()
    if quota is not None:
        n = min(n, quota)
    return max(1, min(n, 8))


def _cpu_quota(root: str = "/sys/fs/cgroup") -> int | None:
    """The processors a cgroup CPU quota allows (rounded up), or None without a quota.

    A container limited to 2 CPUs on a 64-core host still sees all 64 in its affinity;
    its quota is in ``cpu.max`` (cgroup v2: ``"200000 100000"``, or ``"max 100000"`` for
    none) or in ``cpu/cpu.cfs_quota_us`` and ``cpu/cpu.cfs_period_us`` (cgroup v1: -1 for
    none). Anything unreadable or malformed counts as no quota.
    """
    try:
        with open(os.path.join(root, "cpu.max")) as f:
            quota, period = f.read().split()[:2]
        if quota == "max":
            return None
    except (OSError, ValueError):
        try:
            with open(os.path.join(root, "cpu", "cpu.cfs_quota_us")) as f:
                quota = f.read().strip()
            with open(os.path.join(root, "cpu", "cpu.cfs_period_us")) as f:
                period = f.read().strip()
        except OSError:
            return None
    try:
        q, p = int(quota), int(period)
    except ValueError:
        return None
    if q <= 0 or p <= 0:
        return None
    return -(-q // p)


def _length(column: object) -> int:
    """The length of a numpy, pandas, polars or pyarrow column or a Python sequence, else
    0 (a dask collection is not asked: its length may mean computing it)."""
    if isinstance(column, np.ndarray | Sequence) or _module(column) in _SLICEABLE:
        try:
            return len(column)  # type: ignore[arg-type]
        except TypeError:  # a 0-d array
            return 0
    return 0


def _slice(column: Any, lo: int, hi: int) -> Any:
    """Events ``lo`` to ``hi - 1`` of a numpy, pandas, polars or pyarrow column, without
    copying where the container allows."""
    module = _module(column)
    if module in ("polars", "pyarrow"):
        return column.slice(lo, hi - lo)
    if module == "pandas" and hasattr(column, "iloc"):
        return column.iloc[lo:hi]
    return column[lo:hi]


_Piece = tuple[object, object, list[tuple[object, str]] | None]  # dates, groups, key columns


def _pieces(
    dates: object, groups: object, keys: list[tuple[object, str]] | None, threads: int
) -> list[_Piece] | None:
    """The events cut into one piece per thread, or None when they are too few, there is
    one thread, a column is not a one-dimensional numpy, pandas, polars or pyarrow column
    as long as the dates (Python sequences are read under the interpreter lock, and a
    wrong length is refused by the count in one piece), or a column of text comes in long
    runs (read run by run, it is quicker whole: the work is bound by memory, not by the
    processor, and made of many short steps that threads would take turns at)."""
    n = _length(dates)
    threads = min(threads, n // _PIECE_EVENTS)
    if threads < 2:
        return None
    columns = [dates]
    if keys is not None:
        columns += [c for c, _ in keys]
    elif groups is not None:
        columns.append(groups)
    for column in columns:
        if not (isinstance(column, np.ndarray) or _module(column) in _SLICEABLE):
            return None
        if _length(column) != n or getattr(column, "ndim", 1) != 1:
            return None
    if any(_looks_like_runs(column) for column in columns):
        return None
    bounds = [n * i // threads for i in range(threads + 1)]
    out: list[_Piece] = []
    for lo, hi in itertools.pairwise(bounds):
        piece_keys = None if keys is None else [(_slice(c, lo, hi), k) for c, k in keys]
        piece_groups = None if groups is None or keys is not None else _slice(groups, lo, hi)
        out.append((_slice(dates, lo, hi), piece_groups, piece_keys))
    return out


_SLICEABLE = ("pandas", "polars", "pyarrow")


def _looks_like_runs(column: object) -> bool:
    """Whether a column of text starts with long runs of one value (a glance at its first
    events), as records read file by file do."""
    module = _module(column)
    arrow: Any = column if module == "pyarrow" else None
    if module == "pandas":
        arrow = _arrow_of(column)
    elif module == "polars":
        import polars as pl

        if column.dtype == pl.String:  # type: ignore[attr-defined]
            arrow = column.head(_GLANCE).to_arrow()  # type: ignore[attr-defined]
    if arrow is None or not _is_arrow_text(arrow.type):
        return False
    head = arrow.slice(0, _GLANCE).to_pylist()
    changes = sum(1 for a, b in itertools.pairwise(head) if a != b)
    return changes * _RUNS_MAX_SHARE <= len(head)


def _count_pieces(pieces: list[_Piece], ps: tuple[Period, ...], kind: str) -> CountTable | None:
    """Each piece counted on a thread of its own (numpy and pyarrow let go of the
    interpreter lock for their long loops), and the tables added up; None (count in one
    piece) if a piece raises anything, so that the caller gets the error counting in one
    piece gives, naming the right event, or if the pieces' labels are of different kinds."""

    def count(piece: _Piece) -> CountTable:
        d, g, k = piece
        return _count_events(d, ps, g, kind, k)

    with ThreadPoolExecutor(len(pieces), thread_name_prefix="trendcalc-count") as pool:
        futures = [pool.submit(count, piece) for piece in pieces]
        tables = []
        for future in futures:
            try:
                tables.append(future.result())
            except Exception:  # noqa: BLE001 - counted again in one piece, which raises it
                return None
    return _added(tables)


def _kinds(label: object) -> object:
    return tuple(type(x) for x in label) if isinstance(label, tuple) else type(label)


def _added(tables: list[CountTable]) -> CountTable | None:
    """The sum of tables counted from pieces of the same events (:meth:`CountTable.merge`:
    groups aligned by label, sorted), or None if their labels are of different kinds."""
    if len({_kinds(t.groups[0]) for t in tables if t.groups}) > 1:
        return None
    return functools.reduce(CountTable.merge, tables)


def _count_events(
    dates: object,
    ps: tuple[Period, ...],
    groups: object,
    kind: str,
    keys: list[tuple[object, str]] | None,
    pending: Future[_Codes] | None = None,
) -> CountTable:
    p = len(ps)
    n_rows = p + 4  # the periods, before, after, missing, and (months only) not a month
    dated: _Codes | None = None
    if kind == "date":
        days = _days(dates)
        start, table = _lookup(ps)
        index: NDArray[Any] = days
        base = start - 1
        rows = table
        n = days.size
    else:
        dated, codes_per_slot = _month_index(dates)
        base = 0
        month_rows = _month_rows(ps)
        rows = month_rows if codes_per_slot is None else month_rows[codes_per_slot]
        n = dated.size

    combined: _Combined | None = None
    found: _Codes | None = None
    if keys is not None:
        parts = []
        for i, (column, _) in enumerate(keys):
            part = _factor(column, f"groups[{i}]")
            _check_length(part, n, f"groups[{i}]")
            parts.append(part)
        combined = _Combined(parts, n_rows, "groups")
        found = _Codes(combined.codes, combined.width, ())
    elif groups is not None:
        found = pending.result() if pending is not None else _factor(groups, "groups")
        found = _compact(found, n_rows)
        _check_length(found, n, "groups")
        if found.values is None and found.width * n_rows > _DENSE_CELLS:
            found = _sparse(found, n_rows)

    if dated is not None and dated.runs is not None and (found is None or found.runs is not None):
        result = _count_runs(dated, found, rows, n_rows)
    else:
        if dated is not None:
            index = dated.codes
        result, found = _count(index, base, rows, n_rows, found)
    if kind == "date":
        if result[p : p + 2].any():
            codes = None if found is None else found.codes
            offset = 0 if found is None else found.offset
            _fix_wrapped(result, index, codes, offset, base, p)
    elif result[p + 3].any():
        _refuse_month(dates, dated.codes if dated is not None else index, rows, ps)

    if found is None:
        return CountTable(ps, (None,), result[:p], result[p], result[p + 1], result[p + 2])
    used = np.flatnonzero(result.sum(axis=0))
    labels: list[Any] = (
        combined.labels(used) if combined is not None else _labels_of(found, used, "groups")
    )
    order = sorted(range(len(labels)), key=labels.__getitem__)
    cols = used[order]
    return CountTable(
        ps,
        tuple(labels[i] for i in order),
        result[:p, cols],
        result[p, cols],
        result[p + 1, cols],
        result[p + 2, cols],
        keys=None if keys is None else tuple(name for _, name in keys),
    )


def _count(
    index: NDArray[Any], base: int, rows: NDArray[np.intp], n_rows: int, found: _Codes | None
) -> tuple[NDArray[np.int64], _Codes | None]:
    """The kernel's counts, and the group codes it counted by (dense integer labels found
    to go below the least assumed are counted again from the least, or factorised)."""
    if found is None:
        return _kernel(index, base, rows, n_rows, None, 1), None
    dense = found.values is None
    try:
        counts = _kernel(index, base, rows, n_rows, found.codes, found.width, found.offset, dense)
    except _LabelBelowOffset:
        found = _dense_from_low(found.codes)
        if found.width * n_rows > _DENSE_CELLS:
            found = _sparse(found, n_rows)
        counts = _kernel(index, base, rows, n_rows, found.codes, found.width, found.offset)
    return counts, found


def _count_runs(
    dated: _Codes, found: _Codes | None, rows: NDArray[np.intp], n_rows: int
) -> NDArray[np.int64]:
    """Counts of dates and groups that both come in runs: one addition per run, not per
    event (the runs of the two columns are cut where either changes)."""
    assert dated.runs is not None
    d_starts, d_codes = dated.runs
    width = 1
    if found is None:
        starts, dc, gc = d_starts, d_codes, np.zeros(d_starts.size, dtype=np.int64)
    else:
        assert found.runs is not None
        width = found.width
        g_starts, g_codes = found.runs
        starts = np.union1d(d_starts, g_starts)
        dc = d_codes[np.searchsorted(d_starts, starts, side="right") - 1]
        gc = g_codes[np.searchsorted(g_starts, starts, side="right") - 1]
    lengths = np.diff(np.append(starts, dated.size))
    cells = rows[dc].astype(np.int64) * width + gc
    total = np.zeros(n_rows * width, dtype=np.int64)
    np.add.at(total, cells, lengths)
    return total.reshape(n_rows, width)


def _check_length(found: _Codes, n: int, name: str) -> None:
    if found.size != n:
        raise TrendcalcError(
            f"{name} must have one label per event: {n:,} dates but {found.size:,} labels"
        )


def _sparse(found: _Codes, n_rows: int) -> _Codes:
    """Dense integer labels too far apart to count in place: from the least, or factorised."""
    low = _dense_from_low(found.codes)
    return low if low.width * n_rows <= _DENSE_CELLS else _factor_ints(found.codes)
