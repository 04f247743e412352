"""Tables of counts per period and group: build from long data, analyse every group at once.

A :class:`CountTable` holds counts for periods (rows) by groups (columns), as police forces
by months. It is built by :func:`~trendcalc.count_events` from records, or by
:meth:`CountTable.from_frame` from data already aggregated (one row per period, group and
count, as official open data is published). Every analysis runs over all groups at once,
exactly, with numpy; cells that were not supplied stay missing instead of becoming 0.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import itertools
import math
import numbers
import re
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Literal

import attrs
import numpy as np
from numpy.typing import NDArray

from trendcalc._changes import Change
from trendcalc._errors import AmbiguousPeriodError, PeriodError, SeriesError, TrendcalcError
from trendcalc._labels import is_missing, may_mix_kinds
from trendcalc._limits import MAX_COUNT, brief, check_places
from trendcalc._periods import (
    _MONTHS_IN,
    Period,
    as_period,
    parse_period,
    year_ending,
)
from trendcalc._rounding import decimal_from_units, round_int
from trendcalc._series import _RESAMPLE_KINDS, CountSeries, _check_consecutive, _target_of
from trendcalc._validate import Mode, check_count, check_int, check_mode, float_counts_hint

if TYPE_CHECKING:  # pragma: no cover
    from decimal import Decimal

    from trendcalc._stats import Comparison

__all__ = ["CountTable", "Coverage", "Ranking", "TableChanges", "TableValues"]

Label = str | int
Group = str | int | tuple[str | int, ...] | None
Backend = Literal["pandas", "polars", "pyarrow"]
ResampleKind = Literal["month", "quarter", "financial_quarter", "calendar_year", "financial_year"]
LabelKind = Literal[
    "month", "quarter", "financial_quarter", "calendar_year", "financial_year", "year_ending"
]

_INT64_MAX = np.iinfo(np.int64).max
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


def _month_index(d: dt.date) -> int:
    return d.year * 12 + d.month - 1


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


def _trusted_period(start: dt.date, end: dt.date, kind: str, fy: int | None = None) -> Period:
    """A Period computed by trendcalc's own arithmetic, made without re-validating it."""
    p = object.__new__(Period)
    for name, value in (("start", start), ("end", end), ("kind", kind), ("fy_start_month", fy)):
        object.__setattr__(p, name, value)
    return p


def _month_end(index: int) -> dt.date:
    y, m = divmod(index, 12)
    return dt.date(y, m + 1, calendar.monthrange(y, m + 1)[1])


def _month_start(index: int) -> dt.date:
    y, m = divmod(index, 12)
    return dt.date(y, m + 1, 1)


def _year_ending(end_index: int) -> Period:
    return _trusted_period(_month_start(end_index - 11), _month_end(end_index), "year_ending")


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


def _mul(counts: NDArray[np.int64], factor: int) -> NDArray[Any]:
    """``counts * factor`` exactly: int64 when it fits, Python ints otherwise."""
    if counts.size and max(-int(counts.min()), int(counts.max())) * factor > MAX_COUNT:
        return counts.astype(object) * factor
    return counts * factor


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
