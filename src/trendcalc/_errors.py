"""The exceptions trendcalc raises.

Every error derives from :class:`TrendcalcError`, itself a :class:`ValueError`, so
``except ValueError`` keeps working for callers who do not know trendcalc, and
``except trendcalc.TrendcalcError`` catches everything the library raises on purpose.
"""

from __future__ import annotations

__all__ = [
    "AmbiguousPeriodError",
    "PeriodError",
    "SeriesError",
    "TrendcalcError",
    "UndefinedResultError",
]


class TrendcalcError(ValueError):
    """Root of every error trendcalc raises for bad input or an undefined result.

    See Also
    --------
    PeriodError, SeriesError, UndefinedResultError, StoryError : the kinds of error callers may want to catch on their own.

    Examples
    --------
    >>> import trendcalc as tc
    >>> try:
    ...     tc.round_value(1.5, mode="bankers")
    ... except tc.TrendcalcError as e:
    ...     print(e)
    mode must be one of 'half_up', 'half_even', 'half_down', 'up', 'down', 'ceiling', 'floor' (got 'bankers')
    """


class PeriodError(TrendcalcError):
    """A period label that cannot be read, or periods that do not fit together.

    See Also
    --------
    parse_period : the parser that raises it most.
    TrendcalcError : the root of every trendcalc error.

    Examples
    --------
    >>> import trendcalc as tc
    >>> try:
    ...     tc.parse_period("2016/18")
    ... except tc.PeriodError as e:
    ...     print(e)
    unknown period '2016/18': the years of a financial year label must be consecutive, e.g. '2016/17'
    """


class AmbiguousPeriodError(PeriodError):
    """A period label that reads as two periods, such as ``"2011-12"``: the financial year
    2011/12, or December 2011 (ISO 8601).

    trendcalc never picks one reading silently. Catch it to decide for a whole column at
    once: :meth:`CountTable.from_frame` and :func:`count_events` take ``kind="month"``
    or ``kind="financial_year"`` for that.

    See Also
    --------
    PeriodError : every other label that cannot be read.

    Examples
    --------
    >>> import trendcalc as tc
    >>> try:
    ...     tc.parse_period("2011-12")
    ... except tc.AmbiguousPeriodError as e:
    ...     print(e)
    ambiguous period '2011-12': it may be the financial year 2011/12 or December 2011; write '2011/12' or 'December 2011'
    """


class SeriesError(TrendcalcError):
    """A count series whose periods have gaps, duplicates or mixed kinds.

    See Also
    --------
    CountSeries : the class that raises it.
    TrendcalcError : the root of every trendcalc error.

    Examples
    --------
    >>> import trendcalc as tc
    >>> try:
    ...     tc.CountSeries.from_mapping({"2014/15": 90, "2016/17": 58})
    ... except tc.SeriesError as e:
    ...     print(e)
    periods must be consecutive: '2014/15' is followed by '2016/17', but the next period is '2015/16'
    """


class UndefinedResultError(TrendcalcError):
    """A result that does not exist, such as a percentage change from zero.

    trendcalc never answers such a question with ``inf``, ``nan`` or a
    :class:`ZeroDivisionError`; it says in words why there is no answer.

    See Also
    --------
    Change : a change from zero has no percentage.
    TrendcalcError : the root of every trendcalc error.

    Examples
    --------
    >>> import trendcalc as tc
    >>> try:
    ...     tc.change(0, 12).rounded()
    ... except tc.UndefinedResultError as e:
    ...     print(e)
    a change from 0 to 12 has no percentage: the earlier count is zero
    """


# Show the public name in tracebacks: trendcalc.PeriodError, not trendcalc._errors.PeriodError.
for _error in (
    TrendcalcError,
    PeriodError,
    AmbiguousPeriodError,
    SeriesError,
    UndefinedResultError,
):
    _error.__module__ = "trendcalc"
del _error
