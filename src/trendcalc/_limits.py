"""The input policy: every bound trendcalc puts on what it accepts (private).

One place for every limit, so that the docs' "Limits" page, the checks and the tests agree.
A value beyond a limit is refused with a :class:`~trendcalc.TrendcalcError` that names the
argument, the limit and the value received; it is never truncated, wrapped or slow.

All :mod:`decimal` work inside trendcalc runs in :func:`decimal_context`, never in the
caller's context, so a caller's ``decimal.localcontext(prec=3)`` cannot change a result and
trendcalc never sets flags in the caller's context.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterator
from contextlib import contextmanager

from trendcalc._errors import TrendcalcError

#: Smallest and largest ``places`` accepted wherever a value is rounded to decimal places
#: (negative places round to tens, hundreds, ...). Published figures never need more.
MIN_PLACES = -18
MAX_PLACES = 18

#: Longest text read as one number or figure (characters, after trimming).
MAX_NUMBER_LENGTH = 100

#: Longest text read as one period label, qualifier phrase or claim wording (characters).
MAX_LABEL_LENGTH = 1000

#: Largest count held in arrays and tables (numpy's int64). Scalar functions such as
#: :func:`~trendcalc.change` take larger Python ints, up to :data:`MAX_DIGITS` digits.
MAX_COUNT = 2**63 - 1

#: Most decimal digits in a number trendcalc computes with exactly: an int, the numerator or
#: denominator of a Fraction, a Decimal's digits and exponent. Every finite float fits
#: (the largest has 309 digits, the smallest needs 324 after the point); so does any number
#: of :data:`MAX_NUMBER_LENGTH` characters. Python refuses to print ints of more than 4,300
#: digits, and arithmetic on far longer numbers is slow: this bound keeps both away.
MAX_DIGITS = 400

_MAX_MAGNITUDE = 10**MAX_DIGITS
_LOG10_2 = 0.30102999566398120

#: Precision of trendcalc's own decimal context: far more digits than any published figure.
DECIMAL_PRECISION = 60

_CONTEXT = decimal.Context(
    prec=DECIMAL_PRECISION,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=-999_999,
    Emax=999_999,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)


def context() -> decimal.Context:
    """A fresh copy of trendcalc's decimal context (flags cleared)."""
    return _CONTEXT.copy()


@contextmanager
def decimal_context() -> Iterator[decimal.Context]:
    """Run a block in trendcalc's own decimal context, leaving the caller's untouched."""
    with decimal.localcontext(_CONTEXT.copy()) as ctx:
        yield ctx


def check_digits(value: int, *, name: str) -> int:
    """Return ``value`` if it has at most :data:`MAX_DIGITS` digits, else raise naming the limit.

    Never converts a long int to text, so it is safe (and quick) for any int.
    """
    if value.bit_length() > 1300 and abs(value) >= _MAX_MAGNITUDE:
        digits = int(value.bit_length() * _LOG10_2) + 1
        raise TrendcalcError(
            f"{name} is too long: it has about {digits:,} digits, and trendcalc accepts numbers "
            f"of at most {MAX_DIGITS} digits"
        )
    return value


def check_decimal_size(value: decimal.Decimal, *, name: str) -> decimal.Decimal:
    """Return a finite ``value`` if it is exact in :data:`MAX_DIGITS` digits before and after
    the point, else raise naming the limit."""
    _, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    before = len(digits) + exponent  # digits before the point (may be <= 0)
    if before > MAX_DIGITS or -exponent > MAX_DIGITS:
        raise TrendcalcError(
            f"{name} is too long: written out it needs more than {MAX_DIGITS} digits "
            f"{'before' if before > MAX_DIGITS else 'after'} the point, and trendcalc accepts "
            f"at most {MAX_DIGITS} (got a Decimal of {len(digits):,} digits with exponent "
            f"{exponent:,})"
        )
    return value


def brief(value: object, limit: int = 60) -> str:
    """``repr(value)`` for a message, cut to about ``limit`` characters.

    A message quotes what it received, but a 10 MB string or a 5,000-digit int is not
    worth quoting whole (and Python refuses to print such an int).
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 1000:
        return f"an int of about {int(value.bit_length() * _LOG10_2) + 1:,} digits"
    if isinstance(value, str | bytes) and len(value) > limit:
        return f"{value[:limit]!r}... ({len(value):,} characters)"
    try:
        text = repr(value)
    except ValueError:  # pragma: no cover - a repr that refuses, e.g. an int inside
        text = f"<{type(value).__name__}>"
    return text if len(text) <= limit else f"{text[:limit]}..."


def check_places(places: int, *, name: str = "places") -> int:
    """Return ``places`` if it lies in ``MIN_PLACES..MAX_PLACES``, else raise naming the bound.

    ``places`` must already be an ``int`` (see :func:`trendcalc._validate.check_int`).
    """
    if not MIN_PLACES <= places <= MAX_PLACES:
        raise TrendcalcError(
            f"{name} must be from {MIN_PLACES} to {MAX_PLACES} (got {places}); "
            "published figures never carry more decimal places than that"
        )
    return places


def check_length(text: str, *, name: str, limit: int = MAX_NUMBER_LENGTH) -> str:
    """Return ``text`` if it has at most ``limit`` characters, else raise naming the limit."""
    if len(text) > limit:
        raise TrendcalcError(
            f"{name} is {len(text):,} characters long; at most {limit:,} are accepted "
            f"(got {text[:20]!r}...)"
        )
    return text


#: Smallest and largest exposure (days, people, ...) and null rate accepted by the statistics
#: (:func:`~trendcalc.compare_counts`, :func:`~trendcalc.poisson_interval`,
#: :func:`~trendcalc.poisson_test`): the range of normal floats, so that each is reported as a
#: float without losing precision. Two exposures enter every result only through their exact ratio.
MIN_EXPOSURE = 2.2250738585072014e-308
MAX_EXPOSURE = 1.7976931348623157e308

#: Largest ratio between the two exposures of :func:`~trendcalc.compare_counts`, either way round.
#: Real periods and populations never differ by anything near this; within it, every share,
#: ratio and statistic the tests compute stays well inside the range of floats.
MAX_EXPOSURE_RATIO = 10**100

#: Largest total of two counts for the exact conditional tests and intervals of
#: :func:`~trendcalc.compare_counts` (methods "exact" and "etest"): beyond it scipy's binomial
#: and beta functions lose accuracy. The score method accepts any counts up to ``MAX_COUNT``.
MAX_EXACT_TOTAL = 10**12

#: Largest total of two counts for the "minlike" method of :func:`~trendcalc.compare_counts`,
#: whose interval is found by walking the points where the minimum-likelihood test changes.
MAX_MINLIKE_TOTAL = 100_000

#: Most periods a series of a story file spans, from its first period to its last (gaps
#: included), and most groups a table of a story file holds.
MAX_SERIES_LENGTH = 10_000

#: Longest free text in a story file: a title, source, url, claim wording or note (characters).
MAX_TEXT_LENGTH = 10_000
