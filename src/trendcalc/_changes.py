"""Changes between two counts: absolute, ratio and percentage, exactly; growth rates."""

from __future__ import annotations

import decimal
import numbers
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

import attrs
import numpy as np
from numpy.typing import ArrayLike, NDArray

from trendcalc._errors import TrendcalcError, UndefinedResultError
from trendcalc._limits import brief, decimal_context
from trendcalc._rounding import decimal_from_units, format_exact, plain, round_fraction
from trendcalc._validate import (
    Mode,
    check_mode,
    check_places_arg,
    float_counts_hint,
    to_exact_count,
    to_fraction,
)

__all__ = ["Change", "GrowthRate", "cagr", "change", "pct_change"]

Direction = Literal["up", "down", "unchanged"]


def format_count(x: int | Fraction) -> str:
    """A count as a story prints it: ``3,903``; a Fraction (a rate) to two decimals."""
    if isinstance(x, int):
        return f"{x:,}"
    rounded = round_fraction(x, 2, "half_up")
    return f"{rounded:,}"


def _to_before(value: object) -> int | Fraction:
    return to_exact_count(value, name="before")


def _to_after(value: object) -> int | Fraction:
    return to_exact_count(value, name="after")


@attrs.frozen
class Change:
    """The change from one count (or exact rate) to another.

    Every derived value is exact; round with :meth:`rounded` or describe with
    :meth:`describe`. A change from zero has no ratio and no percentage: those attributes
    are None, and :meth:`rounded` raises :class:`UndefinedResultError`; nothing here
    ever returns ``inf`` or divides by zero.

    Parameters
    ----------
    before, after : int or Fraction
        The earlier and later values, non-negative.

    See Also
    --------
    change : makes one.
    compare_counts : whether the change could be chance.
    check_change : whether a published percentage fits it.

    Examples
    --------
    >>> import trendcalc as tc
    >>> c = tc.change(112, 58)
    >>> c.absolute, c.direction
    (-54, 'down')
    >>> c.percent
    Fraction(-675, 14)
    >>> c.rounded(1)
    Decimal('-48.2')
    >>> c.describe()
    'down 48% (from 112 to 58)'
    """

    before: int | Fraction = attrs.field(converter=_to_before)
    after: int | Fraction = attrs.field(converter=_to_after)

    @property
    def absolute(self) -> int | Fraction:
        """``after - before``."""
        return self.after - self.before

    @property
    def ratio(self) -> Fraction | None:
        """``after / before``, or None when ``before`` is zero."""
        if self.before == 0:
            return None
        return Fraction(self.after) / self.before

    @property
    def percent(self) -> Fraction | None:
        """The percentage change, ``100 * (after - before) / before``; None from zero."""
        if self.before == 0:
            return None
        return Fraction(100 * (self.after - self.before)) / self.before

    @property
    def direction(self) -> Direction:
        """``"up"``, ``"down"`` or ``"unchanged"``."""
        if self.after > self.before:
            return "up"
        if self.after < self.before:
            return "down"
        return "unchanged"

    def rounded(self, places: int = 0, *, mode: Mode = "half_up") -> Decimal:
        """The percentage change rounded to ``places`` decimals by ``mode``.

        Raises
        ------
        UndefinedResultError
            If ``before`` is zero: a change from zero has no percentage.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.change(3903, 5653).rounded(2)
        Decimal('44.84')
        >>> tc.change(3903, 5653).rounded(mode="down")
        Decimal('44')
        """
        mode = check_mode(mode)
        places = check_places_arg(places)
        percent = self.percent
        if percent is None:
            raise UndefinedResultError(
                f"a change from {format_count(self.before)} to {format_count(self.after)} has "
                "no percentage: the earlier count is zero"
            )
        return round_fraction(percent, places, mode)

    def describe(self, places: int = 0, *, mode: Mode = "half_up") -> str:
        """The change in words, as a story would put it.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.change(3903, 5653).describe(1)
        'up 44.8% (from 3,903 to 5,653)'
        >>> tc.change(0, 12).describe()
        'up from 0 to 12 (no percentage change can be given: the earlier count is zero)'
        >>> tc.change(58, 58).describe()
        'unchanged at 58'
        >>> tc.change(1000, 1001).describe()
        'up less than 1% (from 1,000 to 1,001)'
        >>> tc.change(100, 140).describe(-1)  # to the nearest 10%
        'up 40% (from 100 to 140)'
        >>> tc.change(100, 104).describe(-1)
        'up less than 10% (from 100 to 104)'
        """
        mode = check_mode(mode)
        places = check_places_arg(places)
        before, after = format_count(self.before), format_count(self.after)
        if self.direction == "unchanged":
            return f"unchanged at {after}"
        if self.before == 0:
            return (
                f"up from {before} to {after} (no percentage change can be given: the earlier "
                "count is zero)"
            )
        size = plain(self.rounded(places, mode=mode).copy_abs())
        if size == 0:
            # whatever the mode, a change that rounds to 0 is smaller than one unit
            unit = decimal_from_units(1, places)
            return f"{self.direction} less than {unit:,}% (from {before} to {after})"
        return f"{self.direction} {size:,}% (from {before} to {after})"


def change(before: int | Fraction, after: int | Fraction) -> Change:
    """The exact change from ``before`` to ``after``.

    Parameters
    ----------
    before, after : int or Fraction
        Non-negative counts, or exact rates such as :attr:`Rate.per_day` to compare periods
        of different length. Bools, floats, NaN and negative values are refused.

    Returns
    -------
    Change

    Raises
    ------
    TrendcalcError
        If either value is not a non-negative int or Fraction.

    See Also
    --------
    Change : the result, with its ratio, percentage and description.
    pct_change : percentage changes of whole arrays, rounded.
    check_change : whether a published percentage fits a change.
    compare_counts : whether the change could be chance.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.change(112, 58).rounded(1)
    Decimal('-48.2')
    >>> tc.change(0, 5).percent is None
    True
    """
    return Change(before, after)


@attrs.frozen
class GrowthRate:
    """A compound annual growth rate (see :func:`cagr`).

    The rate is a root and usually irrational, so unlike the rest of trendcalc it is not
    exact: it is held as a :class:`~decimal.Decimal` correct to 50 significant digits,
    far more than any rounding for publication needs.

    Attributes
    ----------
    first, last : int or Fraction
        The values at the start and the end.
    years : int or Fraction
        The years between them.
    percent : Decimal
        The rate in percent a year, to 50 significant digits.

    See Also
    --------
    cagr : makes one.
    Change : the change between two counts.

    Examples
    --------
    >>> import trendcalc as tc
    >>> g = tc.cagr(100, 121, 2)
    >>> g.percent
    Decimal('10')
    >>> g.rounded(1)
    Decimal('10.0')
    """

    first: int | Fraction
    last: int | Fraction
    years: int | Fraction
    percent: Decimal

    def rounded(self, places: int = 0, *, mode: Mode = "half_up") -> Decimal:
        """The rate in percent a year, rounded to ``places`` decimals by ``mode``."""
        mode = check_mode(mode)
        places = check_places_arg(places)
        return round_fraction(to_fraction(self.percent, name="percent"), places, mode)

    def describe(self, places: int = 1, *, mode: Mode = "half_up") -> str:
        """The rate in words.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.cagr(3903, 5653, 1).describe()
        'up 44.8% a year on average over 1 year (from 3,903 to 5,653)'
        """
        size = self.rounded(places, mode=mode)
        word = "up" if size > 0 else "down" if size < 0 else "unchanged,"
        years = format_count(self.years)
        unit = "year" if self.years == 1 else "years"
        return (
            f"{word} {plain(size.copy_abs()):,}% a year on average over {years} {unit} "
            f"(from {format_count(self.first)} to {format_count(self.last)})"
        )


def _growth_percent(ratio: Fraction, n: Fraction, ctx: decimal.Context) -> Decimal:
    """``100 * (ratio ** (1 / n) - 1)`` to 50 significant digits, in trendcalc's context."""
    base = ctx.divide(Decimal(ratio.numerator), Decimal(ratio.denominator))
    if ratio == 0:
        factor = Decimal(0)
    elif n == 1:
        factor = base
    else:
        exponent = ctx.divide(Decimal(n.denominator), Decimal(n.numerator))
        factor = ctx.power(base, exponent)
    percent = ctx.multiply(ctx.subtract(factor, Decimal(1)), Decimal(100))
    digits50 = ctx.copy()
    digits50.prec = 50
    # round to 50 digits, then drop trailing zeros, so an exact root shows as it is (10, not
    # 10.000...); a PlainDecimal never prints in exponent form
    return plain(digits50.normalize(digits50.plus(percent)))


def cagr(first: int | Fraction, last: int | Fraction, years: int | Fraction) -> GrowthRate:
    """The compound annual growth rate from ``first`` to ``last`` over ``years`` years.

    The rate ``r`` with ``first * (1 + r) ** years == last``, in percent.

    Parameters
    ----------
    first, last : int or Fraction
        Non-negative values; ``first`` must be positive.
    years : int or Fraction
        The time between them, in years; positive.

    Returns
    -------
    GrowthRate

    Raises
    ------
    UndefinedResultError
        If ``first`` is zero: growth from zero has no rate.
    TrendcalcError
        If an argument is not of the kind described.

    See Also
    --------
    GrowthRate : the result.
    change : the change from first to last, exactly.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.cagr(112, 58, 1).rounded(1)
    Decimal('-48.2')
    >>> tc.cagr(1000, 2000, 5).rounded(2)
    Decimal('14.87')
    """
    a = to_exact_count(first, name="first")
    b = to_exact_count(last, name="last")
    if isinstance(years, bool) or not isinstance(years, int | Fraction):
        raise TrendcalcError(
            f"years must be a positive int or Fraction (got {type(years).__name__} {brief(years)})"
        )
    n = to_fraction(years, name="years")
    if n <= 0:
        raise TrendcalcError(f"years must be positive (got {years})")
    if a == 0:
        raise UndefinedResultError(
            f"growth from 0 to {format_count(b)} has no rate: the first value is zero"
        )
    ratio = Fraction(b) / a
    with decimal_context() as ctx:
        try:
            percent = _growth_percent(ratio, n, ctx)
        except decimal.Overflow:
            raise TrendcalcError(
                f"the growth rate from {format_count(a)} to {format_count(b)} over "
                f"{format_exact(n)} years is too large to compute: in percent it has more than "
                f"{ctx.Emax:,} digits"
            ) from None
    return GrowthRate(a, b, n.numerator if n.denominator == 1 else n, percent)


# ----------------------------------------------------------------------------- vectorised

_INT64_MAX = np.iinfo(np.int64).max
_FLOAT_MAX = Fraction(np.finfo(np.float64).max)
_FLOAT_EXACT = 2**53  # integers below this are exact in float64
_FLOAT_SAFE = 2**52  # |n| below this lets one float division round exactly (_pct_float_block)
_CHUNK = 1 << 15  # elements per block: keeps the temporaries in cache


def _as_count_array(values: object, *, name: str) -> NDArray[Any]:
    """``values`` as an int64 array of counts, or an object array of Python ints if too large."""
    if isinstance(values, list | tuple):
        arr = _list_as_array(values, name=name)
    else:
        try:
            arr = np.asarray(values)
        except (ValueError, TypeError):
            raise TrendcalcError(
                f"{name} must be an array of integer counts (got {type(values).__name__})"
            ) from None
    kind = arr.dtype.kind
    if kind == "b":
        raise TrendcalcError(f"{name} must hold integer counts, not bools (got dtype bool)")
    if kind == "u":
        if arr.size and int(arr.max()) > _INT64_MAX:
            arr = arr.astype(object)
            kind = "O"
        else:
            arr = arr.astype(np.int64)
            kind = "i"
    if kind == "i":
        arr = arr.astype(np.int64, copy=False)
        if arr.size and int(arr.min()) < 0:
            index = np.unravel_index(int(np.argmin(arr)), arr.shape)
            raise TrendcalcError(
                f"{name} must hold non-negative counts (got {int(arr[index])} at index "
                f"{index if arr.ndim != 1 else index[0]})"
            )
        return arr
    if kind == "O":
        flat = arr.ravel()
        for i, v in enumerate(flat):
            if isinstance(v, bool | np.bool_):
                raise TrendcalcError(
                    f"{name} must hold integer counts, not bools (got {brief(v)} at flat index {i})"
                )
            if not isinstance(v, numbers.Integral) or isinstance(v, np.timedelta64):
                raise TrendcalcError(
                    f"{name} must hold integer counts (got {type(v).__name__} {brief(v)} at flat "
                    f"index {i})"
                )
            if v < 0:
                raise TrendcalcError(
                    f"{name} must hold non-negative counts (got {brief(v)} at flat index {i})"
                )
        return arr
    hint = float_counts_hint(arr) if kind == "f" else ""
    raise TrendcalcError(f"{name} must be an array of integer counts (got dtype {arr.dtype}){hint}")


def _list_as_array(values: object, *, name: str) -> NDArray[Any]:
    """A list (or other array_like that is not an ndarray) as an array of its elements.

    numpy would quietly read ``[True, 5]`` as ``[1, 5]`` and refuse a ragged list with a
    ValueError of its own; look at the element types first, so a bool, a float or a ragged
    row is refused by name.
    """
    try:
        quick = np.asarray(values)
    except (ValueError, TypeError, OverflowError):
        quick = None
    if quick is not None and quick.ndim == 1 and quick.dtype.kind in "iu":
        # the common case, a flat list of ints: numpy read it; only bools can hide in it
        types = set(map(type, values))  # type: ignore[call-overload]
        if bool not in types and np.bool_ not in types:
            return quick
    try:
        objects = np.array(values, dtype=object)
    except (ValueError, TypeError):
        objects = None
    flat = [] if objects is None else objects.ravel().tolist()
    types = set(map(type, flat))
    if objects is None or list in types or tuple in types:
        raise TrendcalcError(
            f"{name} must be a rectangular array of counts, every row of the same length "
            f"(got {brief(values)})"
        )
    if all(
        t is int or (issubclass(t, np.integer) and not issubclass(t, np.timedelta64)) for t in types
    ):
        if flat and (min(flat) < -_INT64_MAX or max(flat) > _INT64_MAX):
            return objects  # Python ints beyond int64: kept exact
        return np.array(flat, dtype=np.int64).reshape(objects.shape)
    return objects  # checked element by element, with the index of the first bad one


def _round_units_int64(n: NDArray[np.int64], d: NDArray[np.int64], mode: Mode) -> NDArray[Any]:
    """Round ``n / d`` (``d > 0``) to integers by ``mode``, elementwise, without overflow."""
    q, r = np.divmod(n, d)
    if mode == "floor":
        return q
    inexact = r != 0
    if mode == "ceiling":
        bump = inexact
    elif mode == "down":
        bump = inexact & (n < 0)
    elif mode == "up":
        bump = inexact & (n > 0)
    else:
        other = d - r  # distance from n/d up to q + 1, in units of 1/d
        bump = r > other
        tie = r == other
        if mode == "half_up":
            tie &= n > 0
        elif mode == "half_down":
            tie &= n < 0
        else:  # half_even: a tie goes to the even neighbour
            tie &= (q & 1) == 1
        bump |= tie
    q += bump
    return q


def _pct_float_block(
    a: NDArray[np.int64], b: NDArray[np.int64], places: int, mode: Mode, out: NDArray[np.float64]
) -> None:
    """Exact rounding through one float division, for ``|n| < 2**52`` (see below).

    With ``n = 100 * (a - b) * 10**places`` and ``d = b`` (``d = b * 10**-places`` for
    negative places) both exact in float64, IEEE division gives ``q = n / d`` within
    ``|n / d| * 2**-53 < 1 / (2 * d)`` of the truth. A rounding boundary (an integer, or an
    integer plus a half) that the exact value is not on lies at least ``1 / (2 * d)`` from
    it, so ``q`` falls on the same side; a value exactly on a boundary is representable,
    so ``q`` is exact there. Rounding ``q`` by the mode therefore rounds the exact value.
    """
    q = out
    if places >= 0:
        np.multiply(a - b, float(100 * 10**places), out=q)
        np.divide(q, b, out=q)
    else:
        np.multiply(a - b, 100.0, out=q)
        np.divide(q, b * 10**-places, out=q)
    if mode == "half_even":
        np.rint(q, out=q)
    elif mode == "floor":
        np.floor(q, out=q)
    elif mode == "ceiling":
        np.ceil(q, out=q)
    elif mode == "down":
        np.trunc(q, out=q)
    else:
        whole = np.trunc(q)
        np.subtract(q, whole, out=q)  # the fraction, exactly, with the sign of q
        np.abs(q, out=q)
        if mode == "half_up":
            away = q >= 0.5
        elif mode == "half_down":
            away = q > 0.5
        else:  # up: away from zero
            away = q > 0
        np.copysign(away, whole, out=q)  # +-1 where rounding goes away from zero, else +-0
        np.add(whole, q, out=q)
    if places > 0:
        np.divide(q, 10.0**places, out=q)
    elif places < 0:
        np.multiply(q, 10.0**-places, out=q)
    np.add(q, 0.0, out=q)  # -0.0 becomes 0.0, as in round_value
    q[b == 0] = np.nan


def _pct_exact_block(
    a: NDArray[np.int64], b: NDArray[np.int64], places: int, mode: Mode, out: NDArray[np.float64]
) -> None:
    zero = b == 0
    if places >= 0:
        n = (a - b) * (100 * 10**places)
        d = np.where(zero, 1, b)
    else:
        n = (a - b) * 100
        d = np.where(zero, 1, b) * 10**-places
    units = _round_units_int64(n, d, mode)
    if places >= 0:
        np.divide(units, 10.0**places, out=out)
    else:
        np.multiply(units, 10.0**-places, out=out)
    big = np.abs(units) >= _FLOAT_EXACT
    if big.any():
        for i in np.flatnonzero(big):
            out[i] = float(decimal_from_units(int(units[i]), places))
    np.add(out, 0.0, out=out)  # -0.0 becomes 0.0, as in round_value
    out[zero] = np.nan


def pct_change(
    before: ArrayLike,
    after: ArrayLike,
    *,
    places: int | None = None,
    mode: Mode = "half_up",
) -> NDArray[np.float64]:
    """Percentage changes of integer arrays, optionally rounded exactly.

    Parameters
    ----------
    before, after : array_like of int
        Non-negative counts, of the same shape or shapes that broadcast together. Python
        ints beyond int64 are accepted, up to 400 digits (see :doc:`/limits`).
    places : int, optional
        Round each percentage to this many decimals (from -18 to 18). The rounding is
        done on the exact value with integer arithmetic, not by rounding a float, so each
        element equals
        ``float(change(b, a).rounded(places, mode=mode))``: the float nearest to the
        correctly rounded decimal. Without ``places`` the result is the plain float
        ``100 * (after - before) / before``, as fast and as inexact as numpy.
    mode : {"half_up", "half_even", "half_down", "up", "down", "ceiling", "floor"}
        The rounding rule, used only with ``places``.

    Returns
    -------
    numpy.ndarray of float64
        The percentage changes; NaN exactly where ``before == 0``, because a change from
        zero has no percentage. This is the one place trendcalc gives floats by default:
        use :func:`change` for exact values.

    Raises
    ------
    TrendcalcError
        If an array holds non-integers, bools or negative values, the shapes do not
        broadcast, or ``mode`` is unknown.

    See Also
    --------
    change : one change, exact, with its description.
    round_value : the rounding rule, for one value.

    Notes
    -----
    Values whose exact arithmetic would not fit in int64 (counts times ``100 * 10**places``
    beyond about 9.2e18) are computed exactly with Python integers instead: slower, never
    wrapped.

    Examples
    --------
    >>> import numpy as np, trendcalc as tc
    >>> tc.pct_change([112, 3903, 0], [58, 5653, 7], places=1)
    array([-48.2,  44.8,   nan])
    >>> tc.pct_change([8], [9], places=1)  # 12.5 rounds half away from zero
    array([12.5])
    >>> tc.pct_change([200], [201], places=0)
    array([1.])
    >>> tc.pct_change([200], [201], places=0, mode="half_even")
    array([0.])
    """
    mode = check_mode(mode)
    if places is not None:
        places = check_places_arg(places)
    b = _as_count_array(before, name="before")
    a = _as_count_array(after, name="after")
    try:
        b, a = np.broadcast_arrays(b, a)
    except ValueError:
        raise TrendcalcError(
            f"before and after must have shapes that broadcast together (got {b.shape} and "
            f"{a.shape})"
        ) from None
    out = np.empty(a.shape, dtype=np.float64)
    if a.size == 0:
        return out
    if a.dtype == object or b.dtype == object:
        return _pct_python(a, b, places, mode, out)
    if places is None:
        with np.errstate(divide="ignore", invalid="ignore"):
            np.divide((a - b) * 100.0, b, out=out)
        out[b == 0] = np.nan
        return out
    largest = max(int(a.max()), int(b.max()))
    scale = 100 * 10 ** max(places, 0) * 10 ** max(-places, 0)
    if places > 22 or largest * scale > _INT64_MAX:
        return _pct_python(a, b, places, mode, out)
    kernel = _pct_float_block if largest * scale < _FLOAT_SAFE else _pct_exact_block
    flat_a, flat_b, flat_out = a.ravel(), b.ravel(), out.reshape(-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        for start in range(0, flat_a.size, _CHUNK):
            block = slice(start, start + _CHUNK)
            kernel(flat_a[block], flat_b[block], places, mode, flat_out[block])
    return out


def _pct_python(
    a: NDArray[Any], b: NDArray[Any], places: int | None, mode: Mode, out: NDArray[np.float64]
) -> NDArray[np.float64]:
    """The exact path with Python integers, for values too large for int64."""
    flat_out = out.reshape(-1)
    for i, (x, y) in enumerate(zip(b.ravel().tolist(), a.ravel().tolist(), strict=True)):
        if x == 0:
            flat_out[i] = np.nan
            continue
        percent = Fraction(100 * (y - x), x)
        if abs(percent) > _FLOAT_MAX:
            raise TrendcalcError(
                f"the percentage change at flat index {i} is too large for a float (from "
                f"{brief(x)} to {brief(y)}); use change() for its exact value"
            )
        if places is None:
            flat_out[i] = float(percent)
        else:
            flat_out[i] = float(round_fraction(percent, places, mode))
    return out
