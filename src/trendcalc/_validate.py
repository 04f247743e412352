"""Argument checks shared by every module (private)."""

from __future__ import annotations

import math
import numbers
import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Literal, get_args

import numpy as np

from trendcalc._errors import TrendcalcError

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
    raise TrendcalcError(f"{name} must be one of {valid} (got {mode!r})")


def check_int(value: object, *, name: str, minimum: int | None = None) -> int:
    """Return ``value`` as a Python int; bools, floats and text are refused."""
    if isinstance(value, bool | np.bool_):
        raise TrendcalcError(f"{name} must be an integer, not a bool (got {value!r})")
    if not isinstance(value, numbers.Integral):
        hint = ""
        if isinstance(value, float | np.floating) and math.isfinite(value) and value == int(value):
            hint = f"; pass int({value!r}) if the value is a whole number"
        raise TrendcalcError(
            f"{name} must be an integer (got {type(value).__name__} {value!r}){hint}"
        )
    result = int(value)
    if minimum is not None and result < minimum:
        if minimum == 0:
            raise TrendcalcError(f"{name} must be a non-negative integer (got {result})")
        raise TrendcalcError(f"{name} must be an integer of at least {minimum} (got {result})")
    return result


def check_count(value: object, *, name: str = "count") -> int:
    """Return ``value`` if it is a count: a non-negative whole number."""
    return check_int(value, name=name, minimum=0)


def to_fraction(value: object, *, name: str) -> Fraction:
    """Read ``value`` as an exact :class:`~fractions.Fraction`.

    A float is read as its shortest repr (``2.675`` is exactly 2675/1000), because that is
    the number the user typed or saw printed; a str must be a plain decimal number.
    """
    if isinstance(value, bool | np.bool_):
        raise TrendcalcError(f"{name} must be a number, not a bool (got {value!r})")
    if isinstance(value, numbers.Integral):
        return Fraction(int(value))
    if isinstance(value, Fraction):
        return value
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise TrendcalcError(f"{name} must be a finite number (got {value!r})")
        return Fraction(value)
    if isinstance(value, float | np.floating):
        f = float(value)
        if not math.isfinite(f):
            raise TrendcalcError(f"{name} must be a finite number (got {f!r})")
        return Fraction(Decimal(repr(f)))
    if isinstance(value, str):
        text = value.strip()
        try:
            d = Decimal(text) if _PLAIN_NUMBER.fullmatch(text) else None
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid numbers
            d = None
        if d is None:
            raise TrendcalcError(
                f"{name} must be a plain decimal number such as '10.70' or '-48' (got {value!r})"
            )
        return Fraction(d)
    if isinstance(value, numbers.Rational):
        return Fraction(int(value.numerator), int(value.denominator))
    raise TrendcalcError(
        f"{name} must be an int, Fraction, Decimal, float or str (got {type(value).__name__} "
        f"{value!r})"
    )


def to_exact_count(value: object, *, name: str) -> int | Fraction:
    """Read a non-negative count that may be a Fraction (for rates per day and the like)."""
    if isinstance(value, Fraction):
        if value < 0:
            raise TrendcalcError(f"{name} must be non-negative (got {value})")
        return value
    if isinstance(value, Decimal | float | np.floating | str):
        raise TrendcalcError(
            f"{name} must be a non-negative int or Fraction (got {type(value).__name__} "
            f"{value!r}); pass Fraction({value!r}) to use an exact non-integer value"
        )
    return check_count(value, name=name)
