"""What tables and their results share: period labels read as a table reads them, and
frames read from and written to pandas, polars and pyarrow.

A period column is parsed once per distinct label; a label of another kind that covers
the same days finds its period. Frames are read column by column without a hard
dependency on any frame library, and written with whichever the caller names.
"""

from __future__ import annotations

import calendar
import datetime as dt
import numbers
import re
from collections.abc import Mapping, Sequence
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray

from trendcalc._errors import AmbiguousPeriodError, PeriodError, SeriesError, TrendcalcError
from trendcalc._labels import is_missing, may_mix_kinds
from trendcalc._limits import MAX_COUNT, brief
from trendcalc._periods import (
    _MONTHS_IN,
    Period,
    as_period,
    parse_period,
    year_ending,
)
from trendcalc._series import _target_of
from trendcalc._validate import float_counts_hint

Label = str | int
Group = str | int | tuple[str | int, ...] | None
Backend = Literal["pandas", "polars", "pyarrow"]
_FLOAT_EXACT = 2**53
_BACKENDS = ("pandas", "polars", "pyarrow")
_LABEL_KINDS = tuple(_MONTHS_IN)  # the kinds of period made of whole months


# ----------------------------------------------------------------------------- checks


def _shown(values: Sequence[object], limit: int = 5) -> str:
    return ", ".join(repr(v) for v in values[:limit]) + (", ..." if len(values) > limit else "")


def _frozen_array(values: object, name: str, shape: tuple[int, ...]) -> NDArray[np.int64]:
    """``values`` as a read-only int64 array of counts, refusing anything but whole numbers."""
    try:
        arr = values if isinstance(values, np.ndarray) else np.asarray(values)
    except (ValueError, TypeError):
        raise TrendcalcError(
            f"{name} must be an array of integer counts of shape {shape} (got a ragged or "
            f"unreadable {type(values).__name__})"
        ) from None
    kind = arr.dtype.kind
    if arr.size == 0 and kind == "f":  # numpy reads an empty list as float64
        arr = arr.astype(np.int64)
        kind = "i"
    if kind == "b":
        raise TrendcalcError(f"{name} must hold integer counts, not bools (got dtype bool)")
    if kind == "u":
        if arr.size and int(arr.max()) > MAX_COUNT:
            raise TrendcalcError(
                f"{name} must hold counts of at most {MAX_COUNT:,} (2**63 - 1) (got "
                f"{int(arr.max()):,})"
            )
        kind = "i"
    elif kind == "O":
        flat = arr.ravel().tolist()
        for i, v in enumerate(flat):
            if isinstance(v, bool | np.bool_) or not isinstance(v, numbers.Integral):
                raise TrendcalcError(
                    f"{name} must hold integer counts (got {type(v).__name__} {brief(v)} at flat "
                    f"index {i})"
                )
            if not 0 <= int(v) <= MAX_COUNT:
                raise TrendcalcError(
                    f"{name} must hold counts from 0 to {MAX_COUNT:,} (2**63 - 1) (got {v} at "
                    f"flat index {i})"
                )
        arr = np.array([int(v) for v in flat], dtype=np.int64).reshape(arr.shape)
        kind = "i"
    elif kind != "i":
        hint = float_counts_hint(arr) if kind == "f" else ""
        raise TrendcalcError(
            f"{name} must be an array of integer counts (got dtype {arr.dtype}){hint}"
        )
    arr = np.array(arr, dtype=np.int64, copy=True)
    if arr.shape != shape:
        raise TrendcalcError(f"{name} must have shape {shape} (got {arr.shape})")
    if arr.size and int(arr.min()) < 0:
        raise TrendcalcError(f"{name} must hold non-negative counts (got {int(arr.min())})")
    arr.setflags(write=False)
    return arr


def _month_index(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


def _trusted_period(start: dt.date, end: dt.date, kind: str, fy: int | None = None) -> Period:
    """A Period computed by trendcalc's own arithmetic, made without re-validating it."""
    p = object.__new__(Period)
    for name, value in (("start", start), ("end", end), ("kind", kind), ("fy_start_month", fy)):
        object.__setattr__(p, name, value)
    return p


def _month_end(index: int) -> dt.date:
    y, m = divmod(index, 12)
    return dt.date(y, m + 1, calendar.monthrange(y, m + 1)[1])


def _span(periods: Sequence[Period]) -> str:
    return f"{periods[0].label!r} to {periods[-1].label!r} ({len(periods)} {periods[0].kind})"


def _checked_total(arrays: Sequence[NDArray[np.int64]], what: str) -> None:
    """Refuse a sum of counts that would not fit in int64, naming the bound."""
    bound = sum(int(a.max()) if a.size else 0 for a in arrays)
    if bound > MAX_COUNT:
        exact = sum(np.asarray(a, dtype=object) for a in arrays)
        if np.asarray(exact).size and int(np.max(exact)) > MAX_COUNT:
            raise TrendcalcError(
                f"{what} would exceed the largest count trendcalc holds in a table, "
                f"{MAX_COUNT:,} (2**63 - 1); work with the counts as Python ints "
                "(CountSeries) instead"
            )


def _exact_sum(arr: NDArray[np.int64]) -> int:
    if not arr.size:
        return 0
    if int(arr.max()) * arr.size <= MAX_COUNT:
        return int(arr.sum())
    return int(arr.astype(object).sum())


# ----------------------------------------------------------------------------- labels


_MONTH_TEXT = re.compile(r"\s*([0-9]{4})\s*-\s*([0-9]{1,2})\s*")
_ISO_DATE = re.compile(r"\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*")


def parse_labels(
    labels: Sequence[object], *, kind: str | None = None, fy_start_month: int = 4
) -> list[Period]:
    """Read distinct period labels (or dates, with ``kind``) once each (private helper).

    ``kind="month"`` reads ``"2011-12"`` as December 2011; other kinds check that each
    label is of that kind. Dates (``datetime.date``, ``datetime64``, pandas Timestamps) are
    read as the period of ``kind`` that holds them.
    """
    if kind is not None and (not isinstance(kind, str) or kind not in _LABEL_KINDS):
        valid = ", ".join(repr(k) for k in _LABEL_KINDS)
        raise TrendcalcError(f"kind must be None or one of {valid} (got {brief(kind)})")
    out = []
    for label in labels:
        out.append(_parse_label(label, kind, fy_start_month))
    return out


def _read_period(periods: Sequence[Period], value: object, name: str) -> Period:
    """A period as a table of ``periods`` names its own: a label read as the table's kind
    (so "2011-12" is December 2011 in a monthly table), a Period, or whatever
    :func:`as_period` takes."""
    if isinstance(value, Period):
        return _same_days(periods, value)
    p = periods[0]
    if isinstance(value, str):
        kind = p.kind if p.kind in _LABEL_KINDS else None
        if kind:
            try:  # a label of another kind for the same days is read as this kind
                return _parse_label(value, kind, p.fy_start_month or 4)
            except PeriodError as e:
                try:  # a period, but of days no period of this kind covers
                    other = as_period(value, name=name, fy_start_month=p.fy_start_month or 4)
                except PeriodError:
                    raise e from None
                raise SeriesError(
                    f"{name}={other.label!r} is not in the table, which covers {_span(periods)}"
                ) from None
        return _same_days(periods, as_period(value, name=name))
    return _same_days(periods, as_period(value, name=name, fy_start_month=p.fy_start_month or 4))


def _same_days(periods: Sequence[Period], period: Period) -> Period:
    """The period of ``periods`` covering exactly the days of ``period`` (so "2016/17",
    "year ending March 2017" and "Apr 2016 to Mar 2017" find each other), or ``period``."""
    if period in periods:
        return period
    for p in periods:
        if p.start == period.start and p.end == period.end:
            return p
    return period


def _year_label(label: object, fy: int) -> Period:
    """A label of a year column beside a quarter column: "2011-12" there can only be the
    financial year 2011/12, never December 2011."""
    try:
        return _parse_label(label, None, fy)
    except AmbiguousPeriodError:
        return _parse_label(label, "financial_year", fy)


def _parse_label(label: object, kind: str | None, fy: int) -> Period:
    if isinstance(label, Period):
        p = label
    elif isinstance(label, np.datetime64 | dt.date):
        if isinstance(label, np.datetime64):
            if np.isnat(label):
                raise PeriodError("a period column must not hold missing dates (got NaT)")
            label = label.astype("datetime64[D]").item()
        assert isinstance(label, dt.date)
        day = label.date() if isinstance(label, dt.datetime) else label
        if kind is None or kind == "year_ending":
            raise PeriodError(
                f"a period column of dates needs kind= to say which period holds each date, "
                f"such as kind='month' (got the date {day})"
            )
        month_period = _trusted_period(
            dt.date(day.year, day.month, 1), _month_end(_month_index(day)), "month"
        )
        return _target_of(month_period, kind, fy)
    elif isinstance(label, bool | np.bool_):
        raise PeriodError(f"a period label must be text, such as '2016/17' (got {brief(label)})")
    elif isinstance(label, numbers.Integral):
        p = parse_period(str(int(label)), fy_start_month=fy)
    elif isinstance(label, str):
        if _ISO_DATE.fullmatch(label):  # a date written as text: the period holding it
            try:
                day = dt.date.fromisoformat(label.strip())
            except ValueError:
                raise PeriodError(f"unknown date {label!r}: no such day") from None
            return _parse_label(day, kind, fy)
        if kind == "month" and (m := _MONTH_TEXT.fullmatch(label)) is not None:
            y, mo = int(m[1]), int(m[2])
            if not 1 <= mo <= 12:
                raise PeriodError(f"unknown month {label!r}: the month must be 01 to 12")
            p = _trusted_period(dt.date(y, mo, 1), _month_end(y * 12 + mo - 1), "month")
        else:
            try:
                p = parse_period(label, fy_start_month=fy)
            except AmbiguousPeriodError as e:
                if kind == "financial_year":  # "2011-12" in a column of financial years
                    return _parse_label(label.replace("-", "/", 1), kind, fy)
                if kind is None:
                    raise AmbiguousPeriodError(
                        f"{e}; if the column holds months, pass kind='month' (financial "
                        "years: kind='financial_year')"
                    ) from None
                raise
    else:
        raise PeriodError(
            f"a period label must be text such as '2016/17', or a date with kind= (got "
            f"{type(label).__name__} {label!r})"
        )
    if kind is not None and p.kind != kind:
        same = _of_kind(p, kind, fy)
        if same is None:
            raise PeriodError(
                f"period label {str(label)!r} is a {p.kind}, but kind={kind!r} was given"
            )
        return same
    return p


def _of_kind(p: Period, kind: str, fy: int) -> Period | None:
    """The period of ``kind`` for exactly the days of ``p`` (so "Apr 2016 to Mar 2017" or
    "year ending March 2017" in a column of financial years is 2016/17), or None."""
    if p.start.day != 1:
        return None
    q = year_ending(p.end.year, p.end.month) if kind == "year_ending" else _target_of(p, kind, fy)
    return q if (q.start, q.end) == (p.start, p.end) else None


# ----------------------------------------------------------------------------- frames in


def _module(obj: object) -> str:
    return type(obj).__module__.split(".")[0]


def _group_text(group: Group) -> str:
    """A group as the words say it: a tuple of keys joined by commas."""
    if isinstance(group, tuple):
        return ", ".join(str(g) for g in group)
    return str(group) if group is not None else "all groups"


def _key_names(groups: Sequence[Group], keys: tuple[str, ...] | None) -> tuple[str, ...]:
    """The names of the key columns of a frame of these groups (none without groups)."""
    if tuple(groups) == (None,):
        return ()
    return keys or ("group",)


def _key_columns(
    groups: Sequence[Group], keys: tuple[str, ...] | None, cols: NDArray[np.intp]
) -> dict[str, Any]:
    """One column per key, holding the labels of the groups at ``cols``."""
    names = _key_names(groups, keys)
    out: dict[str, Any] = {}
    for k, name in enumerate(names):
        if len(names) > 1:
            values = [groups[j][k] for j in cols.tolist()]
        else:
            values = [groups[j] for j in cols.tolist()]
        out[name] = _label_array(values)
    return out


def _check_backend(backend: object) -> None:
    if not isinstance(backend, str) or backend not in _BACKENDS:
        raise TrendcalcError(
            f"backend must be 'pandas', 'polars' or 'pyarrow' (got {brief(backend)})"
        )


def _frame_columns(frame: object, names: Sequence[str]) -> tuple[dict[str, Any], list[str], int]:
    """The named columns of a frame (pandas, polars, pyarrow or a dict of columns)."""
    module = _module(frame)
    if isinstance(frame, Mapping):
        available = [str(k) for k in frame]
    elif module == "pandas" and hasattr(frame, "columns") and hasattr(frame, "iloc"):
        available = [str(c) for c in frame.columns]
    elif module == "polars" and hasattr(frame, "collect") and not hasattr(frame, "height"):
        raise TrendcalcError("frame is a polars LazyFrame: call .collect() on it first")
    elif module == "polars" and hasattr(frame, "columns"):
        available = list(frame.columns)
    elif module == "pyarrow" and hasattr(frame, "column_names"):
        available = list(frame.column_names)
    else:
        raise TrendcalcError(
            "frame must be a pandas, polars or pyarrow table, or a dict of columns (got "
            f"{type(frame).__name__})"
        )
    absent = [n for n in names if n not in available]
    if absent:
        raise TrendcalcError(
            f"frame has no column {absent[0]!r}; its columns are {_shown(available, 12)}"
        )
    columns = {n: frame[n] for n in names}  # type: ignore[index]
    lengths = {len(c) for c in columns.values()}
    if len(lengths) > 1:
        raise TrendcalcError(f"the columns of frame must have one length (got {sorted(lengths)})")
    return columns, available, lengths.pop() if lengths else 0


def _plain(value: object) -> object:
    if isinstance(value, np.datetime64):
        return value if np.isnat(value) else value.astype("datetime64[D]").item()
    if isinstance(value, np.generic):
        return value.item()
    return value


def _factorize(
    column: Any, name: str, *, labels: bool = False
) -> tuple[NDArray[np.int64], list[object]]:
    """Codes (0..k-1, in order of first appearance) and the distinct values of a column."""
    module = _module(column)
    if module == "pyarrow":
        import pyarrow as pa

        arr = column
        if isinstance(arr, pa.ChunkedArray):
            arr = pa.concat_arrays(arr.chunks) if arr.num_chunks != 1 else arr.chunk(0)
        if arr.null_count:
            raise TrendcalcError(
                f"column {name!r} must not be missing (got {arr.null_count} nulls)"
            )
        if pa.types.is_dictionary(arr.type):
            arr = arr.cast(arr.type.value_type)
        encoded = arr.dictionary_encode()
        codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
        return codes, encoded.dictionary.to_pylist()
    if module == "polars":
        if column.null_count():
            raise TrendcalcError(
                f"column {name!r} must not be missing (got {column.null_count()} nulls)"
            )
        try:
            arrow = column.to_arrow()
        except ImportError:  # pragma: no cover - pyarrow is optional
            arrow = None
        if arrow is not None:
            return _factorize(arrow, name)  # arrow's dictionary encoding is the quickest
        values: Any = column.to_numpy()
    elif module == "pandas":
        values = column
    else:  # a Python sequence is kept as its objects: numpy would turn [1, "a"] into text
        values = column if isinstance(column, np.ndarray) else _objects(column)
        if values.dtype.kind == "O" and any(v is None for v in values.tolist()):
            raise TrendcalcError(f"column {name!r} must not be missing (got None)")
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is optional
        arr = np.asarray(values)
        uniques, inverse = np.unique(arr, return_inverse=True)
        return inverse.astype(np.int64).ravel(), [_plain(u) for u in uniques]
    if labels and getattr(values, "dtype", None) == np.dtype(object) and may_mix_kinds(values):
        _labels_of([v for v in values.tolist() if not is_missing(v)], name)
    codes, uniques = pd.factorize(values, sort=False)
    if codes.size and int(codes.min()) < 0:
        raise TrendcalcError(f"column {name!r} must not be missing (got NaN or None)")
    found = [_plain(u) for u in uniques]
    found = [u.to_pydatetime() if isinstance(u, pd.Timestamp) else u for u in found]
    return np.asarray(codes, dtype=np.int64), found


def _objects(column: Any) -> NDArray[np.object_]:
    values = list(column)
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


def _count_values(column: Any, name: str) -> tuple[NDArray[np.int64], NDArray[np.bool_] | None]:
    """A count column as int64, and where it is null (None when it never is)."""
    module = _module(column)
    if module == "pandas":
        na = np.asarray(column.isna(), dtype=bool)
        kind = getattr(column.dtype, "kind", "O")
        if kind in "iu":
            raw: Any = (column.fillna(0) if na.any() else column).to_numpy()
        elif kind == "f":
            raw = column.to_numpy(dtype=np.float64, na_value=0.0)
        else:
            raw = column.to_numpy(dtype=object)
    elif module == "polars":
        na = column.is_null().to_numpy()
        raw = column.fill_null(0).to_numpy()
    elif module == "pyarrow":
        na = column.is_null().to_numpy(zero_copy_only=False)
        raw = column.fill_null(0).to_numpy()
        if isinstance(raw, np.ndarray) is False:  # pragma: no cover - defensive
            raw = np.asarray(raw)
    else:
        raw = column if isinstance(column, np.ndarray) else np.asarray(column)
        if raw.dtype.kind == "f" and not isinstance(column, np.ndarray):
            given = np.asarray(column, dtype=object)  # numpy reads ints past int64 as floats
            if not any(isinstance(v, float | np.floating) for v in given.ravel().tolist()):
                raw = given
        if raw.dtype.kind == "O":
            na = np.array([v is None for v in raw.tolist()], dtype=bool)
            if na.any():
                raw = np.where(na, 0, raw)
        elif raw.dtype.kind == "f":
            na = np.isnan(raw)
        else:
            na = np.zeros(raw.shape, dtype=bool)
    arr = np.asarray(raw)
    kind = arr.dtype.kind
    if kind == "b":
        raise TrendcalcError(f"column {name!r} must hold integer counts, not bools")
    if kind == "f":
        arr = np.where(na, 0.0, arr)
        bad = ~np.isfinite(arr) | (arr != np.floor(arr)) | (arr < 0)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise TrendcalcError(
                f"column {name!r} must hold whole, non-negative counts (got {arr[i]!r} in row {i})"
            )
        if arr.size and float(arr.max()) >= _FLOAT_EXACT:
            raise TrendcalcError(
                f"column {name!r} holds counts as floats of 2**53 or more, which may have been "
                "rounded already; read the column as integers"
            )
        arr = arr.astype(np.int64)
    elif kind == "O" or kind in "iu":
        arr = _frozen_array(arr, f"column {name!r}", arr.shape)
    else:
        raise TrendcalcError(
            f"column {name!r} must hold integer counts (got dtype {arr.dtype}); convert it "
            "with pandas.to_numeric or .cast(pl.Int64)"
        )
    if arr.size and int(arr.min()) < 0:
        i = int(np.argmin(arr))
        raise TrendcalcError(
            f"column {name!r} must hold non-negative counts (got {arr[i]} in row {i})"
        )
    return arr, (na if na.any() else None)


def _labels_of(uniques: list[object], name: str) -> list[Label]:
    out: list[Label] = []
    for u in uniques:
        if isinstance(u, bool):
            raise TrendcalcError(
                f"column {name!r} must hold text or integer labels (got {brief(u)})"
            )
        if isinstance(u, str):
            out.append(u)
        elif isinstance(u, numbers.Integral):
            out.append(int(u))
        else:
            raise TrendcalcError(
                f"column {name!r} must hold text or integer labels (got {type(u).__name__} {brief(u)})"
            )
    kinds = {type(v) for v in out}
    if len(kinds) > 1:
        raise TrendcalcError(
            f"column {name!r} must hold labels of one kind, all text or all integers"
        )
    return out


def _sorted_codes(
    codes: NDArray[np.int64], labels: list[Any]
) -> tuple[NDArray[np.int64], list[Any]]:
    order = sorted(range(len(labels)), key=lambda i: labels[i])
    rank = np.empty(len(labels), dtype=np.int64)
    rank[order] = np.arange(len(labels))
    return rank[codes] if codes.size else codes, [labels[i] for i in order]


def _sum_cells(cells: NDArray[np.int64], counts: NDArray[np.int64], size: int) -> NDArray[np.int64]:
    """Exact sums of ``counts`` by cell."""
    if not counts.size:
        return np.zeros(size, dtype=np.int64)
    if int(counts.max()) * counts.size < _FLOAT_EXACT:  # float sums are exact here
        return np.bincount(cells, weights=counts, minlength=size).astype(np.int64)
    _checked_total([np.array([_exact_sum(counts)])], "the sum of the count column")
    out = np.zeros(size, dtype=np.int64)
    np.add.at(out, cells, counts)
    return out


# ----------------------------------------------------------------------------- frames out


def _mul(counts: NDArray[np.int64], factor: int) -> NDArray[Any]:
    """``counts * factor`` exactly: int64 when it fits, Python ints otherwise."""
    if counts.size and max(-int(counts.min()), int(counts.max())) * factor > MAX_COUNT:
        return counts.astype(object) * factor
    return counts * factor


def _label_array(values: list[Any]) -> Any:
    if values and isinstance(values[0], int):
        return np.array(values, dtype=np.int64)
    return values


def _need(module: str, what: str = "to_frame") -> Any:
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError:
        raise TrendcalcError(
            f"{what} needs {module}: pip install 'trendcalc[{module}]'"
            if module != "pyarrow"
            else f"{what} needs pyarrow: pip install pyarrow"
        ) from None


def _build_frame(backend: str, data: dict[str, Any], categorical: str | None) -> Any:
    """A frame from columns; ``data[categorical]`` is ``(codes, ordered labels)``."""
    if backend == "pandas":
        pd = _need("pandas")
        cols: dict[str, Any] = {}
        for name, values in data.items():
            if name == categorical:
                codes, labels = values
                cols[name] = pd.Categorical.from_codes(codes, categories=labels, ordered=True)
            else:
                cols[name] = values
        return pd.DataFrame(cols)
    if backend == "polars":
        pl = _need("polars")
        series = []
        for name, values in data.items():
            if name == categorical:
                codes, labels = values
                series.append(
                    pl.Series(name, [labels[c] for c in codes.tolist()], dtype=pl.Enum(labels))
                )
            else:
                series.append(pl.Series(name, values))
        return pl.DataFrame(series)
    pa = _need("pyarrow")
    arrays = {}
    for name, values in data.items():
        if name == categorical:
            codes, labels = values
            arrays[name] = pa.DictionaryArray.from_arrays(
                pa.array(codes, type=pa.int32()), pa.array(labels, type=pa.string()), ordered=True
            )
        else:
            arrays[name] = pa.array(values)
    return pa.table(arrays)
