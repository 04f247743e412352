"""Group labels: what counts as one (a str or an int), and what counts as no value."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from trendcalc._errors import TrendcalcError
from trendcalc._limits import brief


def is_missing(v: object) -> bool:
    """None, NaN, NaT, pd.NA: anything that stands for "no value"."""
    if v is None or type(v).__name__ in ("NAType", "NaTType"):
        return True
    if isinstance(v, float | np.floating):
        return bool(v != v)
    return isinstance(v, np.datetime64 | np.timedelta64) and bool(np.isnat(v))


def label(value: object, name: str) -> str | int:
    """A group label as str or int, or a clear error."""
    if isinstance(value, bool | np.bool_):
        raise TrendcalcError(f"{name} must be str or int labels (got {brief(value)})")
    if is_missing(value):
        raise TrendcalcError(f"{name} must not be missing (got {brief(value)})")
    if isinstance(value, str):
        return str(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    raise TrendcalcError(
        f"{name} must be str or int labels (got {type(value).__name__} {brief(value)})"
    )


def may_mix_kinds(values: Any) -> bool:
    """Whether a column of object labels may hold anything but all ints or all strs, and
    so must be read value by value before it is factorised: factorising takes ``True``,
    ``1.0`` and ``1`` for one value, and would silently make them one group. pandas'
    ``infer_dtype`` clears an all-int or all-str column at C speed."""
    try:
        from pandas.api.types import infer_dtype
    except ImportError:  # pragma: no cover - pandas is optional
        return True
    return infer_dtype(values, skipna=True) not in ("integer", "string", "empty")


def refuse_other_labels(values: Any, name: str) -> None:
    """Refuse object labels that are neither str nor int before they are factorised,
    naming the first (missing values are left for the caller to refuse)."""
    if may_mix_kinds(values):
        for v in values.tolist():
            if not is_missing(v):
                label(v, name)
