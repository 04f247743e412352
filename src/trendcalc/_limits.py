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

#: Largest count accepted anywhere (a count must also fit numpy's int64 when held in arrays).
MAX_COUNT = 2**63 - 1

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


#: Longest free text in a story file: a title, source, url, claim wording or note (characters).
MAX_TEXT_LENGTH = 10_000
