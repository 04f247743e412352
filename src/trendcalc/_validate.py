"""Argument checks shared by every module (private)."""

from __future__ import annotations

import math
import numbers
import re
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, get_args

import numpy as np
from numpy.typing import NDArray

from trendcalc._errors import TrendcalcError
from trendcalc._limits import brief, check_decimal_size, check_digits, check_length, check_places

_PLAIN_NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,4})?")

Mode = Literal["half_up", "half_even", "half_down", "up", "down", "ceiling", "floor"]
"""The rounding modes, named as in :mod:`decimal` (``ROUND_HALF_UP`` is ``"half_up"``)."""

MODES: tuple[str, ...] = get_args(Mode)

Number = int | Fraction | Decimal | float | str
"""Anything trendcalc reads as an exact number."""


def check_mode(mode: object, *, name: str = "mode") -> Mode:
    """Return ``mode`` if it is a rounding mode, else raise naming the valid ones."""
    if isinstance(mode, str) and mode in MODES:
        return mode  # type: ignore[return-value]
    valid = ", ".join(repr(m) for m in MODES)
    raise TrendcalcError(f"{name} must be one of {valid} (got {brief(mode)})")


def check_int(value: object, *, name: str, minimum: int | None = None) -> int:
    """Return ``value`` as a Python int; bools, floats and text are refused."""
    if isinstance(value, bool | np.bool_):
        raise TrendcalcError(f"{name} must be an integer, not a bool (got {brief(value)})")
    if not isinstance(value, numbers.Integral) or isinstance(value, np.timedelta64):
        hint = ""
        if isinstance(value, float | np.floating) and math.isfinite(value) and value == int(value):
            hint = f"; pass int({value!r}) if the value is a whole number"
        raise TrendcalcError(
            f"{name} must be an integer (got {type(value).__name__} {brief(value)}){hint}"
        )
    result = check_digits(int(value), name=name)
    if minimum is not None and result < minimum:
        if minimum == 0:
            raise TrendcalcError(f"{name} must be a non-negative integer (got {result})")
        raise TrendcalcError(f"{name} must be an integer of at least {minimum} (got {result})")
    return result


def check_places_arg(value: object, *, name: str = "places") -> int:
    """Return ``value`` if it is an int within ``MIN_PLACES..MAX_PLACES`` (see ``_limits``)."""
    return check_places(check_int(value, name=name), name=name)


def check_count(value: object, *, name: str = "count") -> int:
    """Return ``value`` if it is a count: a non-negative whole number."""
    return check_int(value, name=name, minimum=0)


def to_fraction(value: object, *, name: str) -> Fraction:
    """Read ``value`` as an exact :class:`~fractions.Fraction`.

    A float is read as its shortest repr (``2.675`` is exactly 2675/1000), because that is
    the number the user typed or saw printed; a str must be a plain decimal number.
    """
    if isinstance(value, bool | np.bool_):
        raise TrendcalcError(f"{name} must be a number, not a bool (got {brief(value)})")
    if isinstance(value, np.timedelta64 | np.datetime64):  # numpy calls them integers
        raise TrendcalcError(f"{name} must be a number, not a {type(value).__name__}")
    if isinstance(value, numbers.Integral):
        return Fraction(check_digits(int(value), name=name))
    if isinstance(value, Fraction):
        check_digits(value.numerator, name=name)
        check_digits(value.denominator, name=name)
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise TrendcalcError(f"{name} must be a finite number (got {brief(value)})")
        return Fraction(check_decimal_size(value, name=name))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise TrendcalcError(f"{name} must be a finite number (got {brief(value)})")
        return Fraction(Decimal(repr(float(value))))  # np.float64's repr names its type
    if isinstance(value, np.floating):
        # the shortest repr of the value in its own precision: np.float32(2.675) is 2.675
        if not np.isfinite(value):
            raise TrendcalcError(f"{name} must be a finite number (got {brief(value)})")
        shortest = Decimal(np.format_float_scientific(value, unique=True))
        return Fraction(check_decimal_size(shortest, name=name))
    if isinstance(value, str):
        text = check_length(value, name=name).strip()
        d = Decimal(text) if _PLAIN_NUMBER.fullmatch(text) else None
        if d is None:
            raise TrendcalcError(
                f"{name} must be a plain decimal number such as '10.70' or '-48' "
                f"(got {brief(value)})"
            )
        return Fraction(check_decimal_size(d, name=name))
    if isinstance(value, numbers.Rational):
        numerator = check_digits(int(value.numerator), name=name)
        denominator = check_digits(int(value.denominator), name=name)
        if denominator == 0:  # pragma: no cover - a Rational's denominator is positive
            raise TrendcalcError(f"{name} has a zero denominator (got {brief(value)})")
        return Fraction(numerator, denominator)
    raise TrendcalcError(
        f"{name} must be an int, Fraction, Decimal, float or str (got {type(value).__name__} "
        f"{brief(value)})"
    )


def to_exact_count(value: object, *, name: str) -> int | Fraction:
    """Read a non-negative count that may be a Fraction (for rates per day and the like)."""
    if isinstance(value, Fraction):
        value = to_fraction(value, name=name)
        if value < 0:
            raise TrendcalcError(f"{name} must be non-negative (got {value})")
        return value
    if isinstance(value, Decimal | float | np.floating | str):
        if isinstance(value, str):  # text such as "2.5", or "nan" and "inf"
            finite = value.strip().lower().lstrip("+-") not in ("nan", "inf", "infinity")
        else:
            finite = value.is_finite() if isinstance(value, Decimal) else bool(np.isfinite(value))
        hint = (
            f"pass Fraction({brief(value)}) to use an exact non-integer value"
            if finite
            else "a count must be finite (NaN usually marks a missing count, which is no count)"
        )
        raise TrendcalcError(
            f"{name} must be a non-negative int or Fraction (got {type(value).__name__} "
            f"{brief(value)}); {hint}"
        )
    return check_count(value, name=name)


def float_counts_hint(arr: NDArray[Any]) -> str:
    """What to say of a float array given as counts: where it holds a missing value (NaN,
    as pandas and polars turn a null in an integer column into), or how to convert it."""
    missing = np.isnan(arr)
    if missing.any():
        where = np.unravel_index(int(np.argmax(missing)), arr.shape)
        at = where[0] if arr.ndim == 1 else tuple(int(i) for i in where)
        return (
            f"; it holds a missing value (NaN or null) at index {at}: a missing count is "
            "not 0, so drop it, or fill it only if no data means none"
        )
    return "; counts are whole numbers: check them and convert with .astype('int64')"
