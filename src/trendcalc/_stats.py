"""Is the change real? Poisson tests and intervals for counts (the ``stats`` extra: scipy).

scipy is imported only when one of these functions runs, so the core stays free of it.
Unlike the rest of trendcalc, the results are floats: p-values and interval ends are
continuous quantities computed by scipy's special functions. Exposures are read exactly
(as fractions) and two exposures enter a comparison only through their exact ratio, so
that exposures of 1e-200 or 1e308 days give the same answers as 1 day.
"""

from __future__ import annotations

import math
import numbers
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

import attrs
import numpy as np

from trendcalc._changes import change, format_count
from trendcalc._errors import TrendcalcError
from trendcalc._limits import (
    MAX_COUNT,
    MAX_EXACT_TOTAL,
    MAX_EXPOSURE,
    MAX_EXPOSURE_RATIO,
    MAX_MINLIKE_TOTAL,
    MIN_EXPOSURE,
    brief,
    check_places,
)
from trendcalc._validate import check_count, check_int, to_fraction

__all__ = [
    "Comparison",
    "PoissonInterval",
    "PoissonTest",
    "WDDResult",
    "compare_counts",
    "poisson_interval",
    "poisson_test",
    "poisson_z",
    "wdd",
]

CompareMethod = Literal["exact", "etest", "score", "minlike"]
IntervalMethod = Literal["exact", "score"]
Alternative = Literal["two-sided", "larger", "smaller"]

_METHODS = ("exact", "etest", "score", "minlike")
_ALTERNATIVES = ("two-sided", "larger", "smaller")

#: Above this many offences in all, the E-test is replaced by its normal approximation
#: (the score test), which it matches to about four significant figures there (the grid
#: of outcomes the E-test sums over grows with the counts).
ETEST_LIMIT = 200_000

#: scipy's (and R's) tolerance in the minimum-likelihood test: an outcome counts as no
#: more likely than the one observed if its probability is at most this factor above it.
_MINLIKE_TOLERANCE = 1 + 1e-7


def _scipy() -> tuple[Any, Any]:
    """scipy.stats and scipy.special, or an error naming the extra to install."""
    try:
        from scipy import special, stats
    except ImportError:
        raise TrendcalcError(
            "statistical tests need scipy: install it with pip install 'trendcalc[stats]'"
        ) from None
    return stats, special


def _scipy_stats() -> Any:
    return _scipy()[0]


def _show(value: object) -> str:
    """``repr(value)`` for a message, shortened, and safe for integers of any size."""
    try:
        text = repr(value)
    except ValueError:  # an int beyond Python's int-to-str digit limit
        if isinstance(value, int):
            return f"an integer of about {int(value.bit_length() * math.log10(2)) + 1:,} digits"
        return f"a {type(value).__name__} too long to show"
    return text if len(text) <= 60 else f"{text[:40]}...({len(text):,} characters)"


def _count(value: object, name: str = "count") -> int:
    """A count from 0 to ``MAX_COUNT``, refusing bools, floats and text."""
    if isinstance(value, numbers.Integral) and not isinstance(value, bool | np.timedelta64):
        number = int(value)
        if number < 0:
            raise TrendcalcError(f"{name} must be a non-negative integer (got {_show(number)})")
        if number > MAX_COUNT:
            raise TrendcalcError(
                f"{name} must be at most {MAX_COUNT:,} (MAX_COUNT, 2**63 - 1) "
                f"(got {_show(number)}): no count of offences is that large"
            )
    return check_count(value, name=name)


def _check_exposure(
    value: object, name: str, what: str = "the time or population the count is over"
) -> Fraction:
    """An exposure (or a rate) read exactly: positive, from ``MIN_EXPOSURE`` to ``MAX_EXPOSURE``."""
    if isinstance(value, bool | np.bool_):
        raise TrendcalcError(f"{name} must be a positive number, not a bool (got {brief(value)})")
    if isinstance(value, Decimal) and value.is_finite() and value and abs(value.adjusted()) > 400:
        raise TrendcalcError(
            f"{name} must be from {MIN_EXPOSURE!r} to {MAX_EXPOSURE!r} "
            f"(MIN_EXPOSURE to MAX_EXPOSURE) (got {_show(value)})"
        )
    exact = to_fraction(value, name=name)
    if exact <= 0:
        raise TrendcalcError(f"{name} must be positive: {what} (got {_show(value)})")
    if not MIN_EXPOSURE <= exact <= MAX_EXPOSURE:
        raise TrendcalcError(
            f"{name} must be from {MIN_EXPOSURE!r} to {MAX_EXPOSURE!r} "
            f"(MIN_EXPOSURE to MAX_EXPOSURE, the range of floats) (got {_show(value)}); "
            "give it in other units (thousands of people, years rather than seconds)"
        )
    return exact


def _check_level(level: object) -> float:
    if isinstance(level, bool | np.bool_ | np.timedelta64) or not isinstance(
        level, numbers.Real | Decimal
    ):
        raise TrendcalcError(
            f"level must be a number between 0 and 1, such as 0.95 (got {_show(level)})"
        )
    try:
        value = float(level)
    except (OverflowError, ValueError):
        value = math.nan
    if not 0 < value < 1:
        raise TrendcalcError(f"level must be between 0 and 1, such as 0.95 (got {_show(level)})")
    return value


def _check_choice(value: object, name: str, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        valid = ", ".join(repr(c) for c in choices)
        raise TrendcalcError(f"{name} must be one of {valid} (got {_show(value)})")
    return value


def _per_exposure(amount: float | int, exposure: Fraction, what: str) -> float:
    """``amount / exposure`` as a float, computed exactly and rounded once."""
    if amount == 0:
        return 0.0
    try:
        result = float(Fraction(amount) / exposure)
    except OverflowError:
        result = math.inf
    if not MIN_EXPOSURE <= result <= MAX_EXPOSURE:
        raise TrendcalcError(
            f"the {what} per unit of exposure ({amount:.6g} / {float(exposure):.6g}) is beyond "
            "the range of floats: give the exposure in other units (per 1,000 people rather "
            "than per person, or per year rather than per second)"
        )
    return result


# ----------------------------------------------------------------------------- one count


@attrs.frozen
class PoissonInterval:
    """A confidence interval for a Poisson rate (see :func:`poisson_interval`).

    ``estimate``, ``lower`` and ``upper`` are rates per unit of exposure (per day for a
    :class:`Rate`, per ``per`` people for a :class:`PopulationRate`).

    Attributes
    ----------
    count : int
        The observed count.
    exposure : float
        What the count is over (days, people per ``per``, or 1).
    level : float
        The confidence level, such as 0.95.
    method : str
        How the interval was computed, such as ``"exact"``.
    estimate : float
        ``count / exposure``.
    lower, upper : float
        The ends of the interval.

    See Also
    --------
    poisson_interval : makes one.
    compare_counts : compares two counts instead of bounding one.

    Examples
    --------
    >>> import trendcalc as tc
    >>> i = tc.poisson_interval(15, exposure=400)
    >>> i.estimate, round(i.lower, 4), round(i.upper, 4)
    (0.0375, 0.021, 0.0619)
    """

    count: int
    exposure: float
    level: float
    method: str
    estimate: float
    lower: float
    upper: float

    def describe(self, places: int = 2) -> str:
        """The interval in words, with ``places`` decimals (0 to ``MAX_PLACES``).

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.poisson_interval(15, exposure=400).describe(4)
        '0.0375 (95% interval 0.0210 to 0.0619, exact)'
        """
        places = check_places(check_int(places, name="places", minimum=0))
        return (
            f"{self.estimate:.{places}f} ({self.level:.0%} interval {self.lower:.{places}f} to "
            f"{self.upper:.{places}f}, {self.method})"
        )


def poisson_interval(
    count: int,
    *,
    exposure: int | float | Fraction = 1,
    level: float = 0.95,
    method: IntervalMethod = "exact",
) -> PoissonInterval:
    """A confidence interval for the rate behind a count, assuming it is Poisson.

    Parameters
    ----------
    count : int
        The count, 0 to ``MAX_COUNT``.
    exposure : number, default 1
        What the count is over: days, people, or 1 for the count itself. Positive, from
        ``MIN_EXPOSURE`` to ``MAX_EXPOSURE`` (the range of floats), read exactly (a str such as ``"1e-9"`` is the decimal it spells).
    level : float, default 0.95
        The confidence level.
    method : {"exact", "score"}
        ``"exact"`` is Garwood's interval from chi-squared quantiles, which never covers
        less than ``level`` (the default: counts in crime data are often small).
        ``"score"`` inverts the score test: shorter, and closer to ``level`` on average.

    Returns
    -------
    PoissonInterval
        A count of zero has a lower end of 0 and a finite upper end.

    Raises
    ------
    TrendcalcError
        For a count, exposure, level or method out of range, or when a rate per unit of
        exposure would be beyond the range of floats (then give the exposure in other units).

    See Also
    --------
    PoissonInterval : the result.
    poisson_test : test a count against a given rate.
    Rate.interval, PopulationRate.interval : the same interval for a rate.

    Examples
    --------
    >>> import trendcalc as tc
    >>> ci = tc.poisson_interval(15, exposure=400)
    >>> round(ci.lower, 6), round(ci.upper, 6)
    (0.020988, 0.061851)
    >>> round(tc.poisson_interval(0).upper, 4)
    3.6889
    """
    count = _count(count)
    exp = _check_exposure(exposure, "exposure")
    lvl = _check_level(level)
    alpha = 1 - lvl
    method = _check_choice(method, "method", ("exact", "score"))  # type: ignore[assignment]
    stats = _scipy_stats()
    if method == "exact":
        lower = 0.0 if count == 0 else float(stats.chi2.ppf(alpha / 2, 2.0 * count)) / 2
        upper = float(stats.chi2.isf(alpha / 2, 2.0 * count + 2)) / 2
    else:
        z = float(stats.norm.isf(alpha / 2))
        centre = count + z * z / 2
        half = z * math.sqrt(count + z * z / 4)
        lower, upper = max(centre - half, 0.0), centre + half
    return PoissonInterval(
        count,
        float(exp),
        lvl,
        method,
        _per_exposure(count, exp, "count"),
        _per_exposure(lower, exp, "lower end"),
        _per_exposure(upper, exp, "upper end"),
    )


@attrs.frozen
class PoissonTest:
    """The result of :func:`poisson_test`.

    Attributes
    ----------
    count : int
        The observed count.
    exposure : float
        What the count is over.
    rate : float
        The rate under test, per unit of exposure.
    alternative : str
        ``"two-sided"``, ``"larger"`` or ``"smaller"``, as asked for.
    p_value : float
        The chance of a count at least this far from ``rate * exposure`` if the rate
        were ``rate``.

    See Also
    --------
    poisson_test : makes one.
    poisson_z : the normal approximation, for large counts.

    Examples
    --------
    >>> import trendcalc as tc
    >>> t = tc.poisson_test(15, 0.05, exposure=400)
    >>> t.rate, t.alternative, round(t.p_value, 3)
    (0.05, 'two-sided', 0.313)
    """

    count: int
    exposure: float
    rate: float
    alternative: str
    p_value: float


def poisson_test(
    count: int,
    rate: int | float | Fraction,
    *,
    exposure: int | float | Fraction = 1,
    alternative: Alternative = "two-sided",
) -> PoissonTest:
    """Exact test of whether a count fits a given rate.

    The two-sided p-value is twice the smaller tail (the "central" exact test), capped
    at 1: R's ``poisson.test`` with one count takes the minimum-likelihood p-value
    instead; statsmodels' ``test_poisson(..., method="exact-c")`` is this one.

    Parameters
    ----------
    count : int
        The observed count, 0 to ``MAX_COUNT``.
    rate : number
        The rate under test, per unit of exposure: positive, from ``MIN_EXPOSURE`` to
        ``MAX_EXPOSURE``.
    exposure : number, default 1
        What the count is over, in the same range. The expected count ``rate * exposure``
        is computed exactly.
    alternative : {"two-sided", "larger", "smaller"}
        ``"larger"`` asks whether the true rate is above ``rate``.

    Returns
    -------
    PoissonTest

    Raises
    ------
    TrendcalcError
        For a count, rate, exposure or alternative out of range.

    See Also
    --------
    PoissonTest : the result.
    poisson_interval : the rates a count is consistent with.
    compare_counts : compare two counts.

    Examples
    --------
    >>> import trendcalc as tc
    >>> round(tc.poisson_test(15, 0.05, exposure=400).p_value, 6)
    0.313026
    """
    count = _count(count)
    exp = _check_exposure(exposure, "exposure")
    null = _check_exposure(rate, "rate", "the rate under test, per unit of exposure")
    alternative = _check_choice(alternative, "alternative", _ALTERNATIVES)  # type: ignore[assignment]
    stats = _scipy_stats()
    mean = null * exp
    if mean > MAX_EXPOSURE:
        # A mean beyond 1e308 is so far above any count (at most MAX_COUNT, about 9.2e18)
        # that the lower tail is 0 and the upper tail 1 to every digit a float holds.
        below, above = 0.0, 1.0
    else:
        m = float(mean)  # may underflow to 0 for a tiny mean: the tails are then 1 and 0
        below = float(stats.poisson.cdf(float(count), m))
        above = float(stats.poisson.sf(float(count) - 1, m))
    if alternative == "larger":
        p = above
    elif alternative == "smaller":
        p = below
    else:
        p = min(1.0, 2 * min(below, above))
    return PoissonTest(count, float(exp), float(null), alternative, p)


# ----------------------------------------------------------------------------- two counts


def poisson_z(before: int, after: int) -> float:
    """Wheeler's Poisson z-score for a change in counts: ``2 * (sqrt(after) - sqrt(before))``.

    A quick screen: beyond about plus or minus 2 the change is unlikely to be noise. It
    needs no scipy. It is computed as ``2 * (after - before) / (sqrt(after) + sqrt(before))``,
    the same number without the cancellation between two large square roots.

    Parameters
    ----------
    before, after : int
        The counts, 0 to ``MAX_COUNT``.

    Returns
    -------
    float
        Positive for a rise; 0 when the counts are equal.

    Raises
    ------
    TrendcalcError
        For a count that is not a whole number from 0 to ``MAX_COUNT``.

    See Also
    --------
    compare_counts : the exact tests, with an interval.
    poisson_test : one count against a given rate.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.poisson_z(16, 25)
    2.0
    """
    before = _count(before, name="before")
    after = _count(after, name="after")
    if before == after:
        return 0.0
    return 2 * (after - before) / (math.sqrt(after) + math.sqrt(before))


@attrs.frozen
class Comparison:
    """The result of :func:`compare_counts`.

    Parameters
    ----------
    before, after : int
        The counts.
    exposure_before, exposure_after : float
        What each count is over.
    method, alternative : str
        As asked for.
    level : float
        The confidence level of the interval.
    rate_ratio : float or None
        ``(after / exposure_after) / (before / exposure_before)``; None when ``before`` is
        zero (no finite ratio).
    lower, upper : float or None
        The two-sided confidence interval of the rate ratio; None for an end with no limit
        (the upper end when ``before`` is zero), both None when both counts are zero.
    p_value : float
        For the hypothesis of equal rates; 1 when both counts are zero.
    statistic : float or None
        The z statistic of the score test or the E-test (positive for a rise); None for
        the exact tests, which have none.
    note : str
        Anything the reader should know about how the answer was reached.
    direction : {"rise", "fall", "none", ""}
        Whether the later rate is above, below or equal to the earlier one, decided
        exactly from the counts and exposures ("" if not known).

    See Also
    --------
    compare_counts : makes one.
    CountSeries.compare : compares two periods of a series as rates per day.
    change : the change itself, exactly.

    Examples
    --------
    >>> import trendcalc as tc
    >>> c = tc.compare_counts(16, 25)
    >>> c.rate_ratio, round(c.p_value, 2), c.method
    (1.5625, 0.21, 'exact')
    >>> c = tc.compare_counts(112, 58)
    >>> c.direction, round(c.rate_ratio, 3), c.statistic is None
    ('fall', 0.518, True)
    """

    before: int
    after: int
    exposure_before: float
    exposure_after: float
    method: str
    alternative: str
    level: float
    rate_ratio: float | None
    lower: float | None
    upper: float | None
    p_value: float
    statistic: float | None
    note: str = ""
    direction: str = ""

    def describe(self) -> str:
        """One sentence for a story.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.compare_counts(112, 58).describe()
        'down 48% (from 112 to 58); a fall this large is very unlikely to be chance, p < 0.001'
        >>> tc.compare_counts(16, 25).describe()
        'up 56% (from 16 to 25); a rise this large could well be chance, p = 0.21'
        >>> tc.compare_counts(50, 50).describe()
        'unchanged at 50; there is no change to test'
        """
        if self.before == 0 and self.after == 0:
            return "no offences in either period: there is no change to test"
        if self.exposure_before == self.exposure_after:
            what = change(self.before, self.after).describe()
        elif self.before == 0:
            what = f"up from 0 to {format_count(self.after)}"
        else:
            rate_before = Fraction(self.before) / Fraction(self.exposure_before)
            rate_after = Fraction(self.after) / Fraction(self.exposure_after)
            what = f"the rate is {change(rate_before, rate_after).describe()}"
        direction = self.direction or _direction(
            self.before, self.after, Fraction(self.exposure_after) / Fraction(self.exposure_before)
        )
        if direction == "none":
            return f"{what}; there is no change to test"
        p = self.p_value
        if p < 0.001:
            verdict, shown = "is very unlikely to be chance", "p < 0.001"
        elif p < 0.05:
            verdict, shown = "is unlikely to be chance", f"p = {_p(p)}"
        else:
            verdict, shown = "could well be chance", f"p = {_p(p)}"
        return f"{what}; a {direction} this large {verdict}, {shown}"


def _p(p: float) -> str:
    """A p-value to two significant figures."""
    return f"{float(f'{p:.2g}'):g}"


def _direction(before: int, after: int, ratio: Fraction) -> str:
    """ "rise", "fall" or "none": the later rate against the earlier, exactly.

    ``ratio`` is ``exposure_after / exposure_before``; the later rate is higher when
    ``after / ratio > before``.
    """
    difference = after - before * ratio
    return "rise" if difference > 0 else "fall" if difference < 0 else "none"


def compare_counts(
    before: int,
    after: int,
    *,
    exposure_before: int | float | Fraction = 1,
    exposure_after: int | float | Fraction = 1,
    method: CompareMethod = "exact",
    alternative: Alternative = "two-sided",
    level: float = 0.95,
) -> Comparison:
    """Whether the change between two counts is more than Poisson noise.

    Parameters
    ----------
    before, after : int
        The earlier and later counts, 0 to ``MAX_COUNT``.
    exposure_before, exposure_after : number, default 1
        What each count is over: the days of each period (366 and 365) or the populations,
        so that rates are compared. Each is read exactly, from ``MIN_EXPOSURE`` to
        ``MAX_EXPOSURE``, and only their exact ratio enters the result, so scaling both by
        the same factor changes nothing; the ratio must be at most ``MAX_EXPOSURE_RATIO``
        (10**100) either way round.
    method : {"exact", "etest", "score", "minlike"}
        ``"exact"`` (the default) is the conditional binomial test: given the total, the
        later count is binomial with the share its exposure implies. Its two-sided
        p-value is the *central* one, twice the smaller tail (capped at 1), and its
        interval for the rate ratio is the Clopper-Pearson one, which inverts exactly
        that test: the p-value is below ``1 - level`` if and only if the interval
        excludes 1. It is exact, needs no large-sample theory, and stays valid for the
        small counts common in crime data. Totals up to ``MAX_EXACT_TOTAL`` (10**12).
        ``"minlike"`` is the same conditional test with the *minimum-likelihood*
        two-sided p-value (the sum of the probabilities of all outcomes no more likely
        than the one observed), as R's ``binom.test`` and ``poisson.test``, scipy's
        ``binomtest`` and statsmodels' ``test_poisson_2indep(method="exact-cond")``
        report it; its interval is the one that inverts the same test (Sterne's; R's
        ``exactci::poisson.exact(tsmethod="minlike")``), the smallest interval holding
        every ratio the test does not reject. Totals up to ``MAX_MINLIKE_TOTAL``
        (100,000).
        ``"etest"`` is the E-test of Krishnamoorthy and Thomson (2004) as scipy
        implements it (statistic with the unpooled variance ``k1/n1**2 + k2/n2**2``,
        null distribution from the pooled rate, summed over scipy's grid of outcomes,
        with outcomes that tie the observed statistic decided exactly): often more
        powerful than the exact test, but weak when the exposures are very unequal;
        its interval is the exact one, and ``note`` says when the two disagree.
        ``"score"`` is the score (z) test, whose statistic equals the conditional one,
        ``(k2*n1 - k1*n2) / sqrt((k1 + k2) * n1 * n2)``, with the Wilson score interval,
        which inverts it; any counts up to ``MAX_COUNT``.
    alternative : {"two-sided", "larger", "smaller"}
        ``"larger"`` asks whether the later rate is higher. The interval is two-sided
        whatever the alternative.
    level : float, default 0.95
        The confidence level of the two-sided interval for the rate ratio.

    Returns
    -------
    Comparison
        When both counts are zero the p-value is 1 and there is no ratio or interval:
        no offences in either period is no evidence of change. With more than
        200,000 offences in all, ``"etest"`` uses its normal approximation (see
        ``note``).

    Raises
    ------
    TrendcalcError
        For a count, exposure, ratio of exposures, method, alternative or level out of
        range, and for a total beyond the method's limit (use ``method="score"``).

    See Also
    --------
    Comparison : the result.
    CountSeries.compare : two periods of a series, as rates per day.
    wdd : a treated area against a control area.
    poisson_z : a quick screen needing no scipy.
    change : the change itself, exactly.

    Notes
    -----
    Every method assumes each count is Poisson: offences occurring independently at a
    steady rate. Police recorded crime is not a random sample, counts are often
    overdispersed (repeat victims, linked offences, recording changes), and a small
    p-value says only that Poisson noise alone is an unlikely explanation.

    Examples
    --------
    >>> import trendcalc as tc
    >>> c = tc.compare_counts(112, 58, exposure_before=366, exposure_after=365)
    >>> round(c.rate_ratio, 3), round(c.lower, 3), round(c.upper, 3)
    (0.519, 0.371, 0.719)
    >>> c.p_value < 0.001
    True

    The central p-value and the minimum-likelihood one can fall on either side of 0.05;
    each agrees with its own interval (a ratio of 1 is inside the first, outside the
    second):

    >>> c = tc.compare_counts(0, 5, exposure_before=366, exposure_after=365)
    >>> round(c.p_value, 3), round(c.lower, 3), c.upper
    (0.062, 0.919, None)
    >>> m = tc.compare_counts(0, 5, exposure_before=366, exposure_after=365, method="minlike")
    >>> round(m.p_value, 3), round(m.lower, 3), m.upper
    (0.031, 1.003, None)
    """
    before = _count(before, name="before")
    after = _count(after, name="after")
    e1 = _check_exposure(exposure_before, "exposure_before")
    e2 = _check_exposure(exposure_after, "exposure_after")
    method = _check_choice(method, "method", _METHODS)  # type: ignore[assignment]
    alternative = _check_choice(alternative, "alternative", _ALTERNATIVES)  # type: ignore[assignment]
    lvl = _check_level(level)
    ratio = e2 / e1  # exposure_after / exposure_before, exactly
    if not 1 <= max(ratio, 1 / ratio) <= MAX_EXPOSURE_RATIO:
        raise TrendcalcError(
            "exposure_after / exposure_before must be from 1e-100 to 1e100 "
            f"(MAX_EXPOSURE_RATIO either way round) (got exposures {_show(exposure_before)} "
            f"and {_show(exposure_after)}): the two counts must be over comparable "
            "times or populations"
        )
    total = before + after
    limit = {"exact": MAX_EXACT_TOTAL, "etest": MAX_EXACT_TOTAL, "minlike": MAX_MINLIKE_TOTAL}
    if method in limit and total > limit[method]:
        raise TrendcalcError(
            f"method {method!r} takes at most {limit[method]:,} offences in all "
            f"({'MAX_MINLIKE_TOTAL' if method == 'minlike' else 'MAX_EXACT_TOTAL'}; "
            f"got {total:,}): use method='score', which is accurate at such counts"
        )
    stats, special = _scipy()
    common = {
        "before": before,
        "after": after,
        "exposure_before": float(e1),
        "exposure_after": float(e2),
        "method": method,
        "alternative": alternative,
        "level": lvl,
    }
    if total == 0:
        return Comparison(
            **common,  # type: ignore[arg-type]
            rate_ratio=None,
            lower=None,
            upper=None,
            p_value=1.0,
            statistic=None if method in ("exact", "minlike") else 0.0,
            note="no offences in either period",
            direction="none",
        )
    # Under equal rates the later count is binomial(total, share_after); both shares are
    # computed exactly, so that whichever is smaller keeps its full precision.
    share_after = ratio / (1 + ratio)
    share_before = 1 - share_after
    alpha = 1 - lvl
    note = ""
    statistic: float | None = None
    if method == "score" or (method == "etest" and total > ETEST_LIMIT):
        statistic = _score_z(before, after, ratio)
        p = _normal_p(stats, statistic, alternative)
        if method == "etest":
            note = (
                f"with {total:,} offences the E-test is computed by its normal approximation "
                "(the score test), which it matches closely at such counts"
            )
    elif method == "etest":
        # The E-test depends on the exposures only through their ratio: pass them
        # scaled so that the larger is 1.
        w1, w2 = (Fraction(1), ratio) if ratio <= 1 else (1 / ratio, Fraction(1))
        scipy_alternative = {"two-sided": "two-sided", "larger": "greater", "smaller": "less"}
        statistic, p = _etest(stats, after, w2, before, w1, scipy_alternative[alternative])
    else:
        below, above = _binomial_tails(special, after, total, share_after, share_before)
        if alternative == "larger":
            p = above
        elif alternative == "smaller":
            p = below
        elif method == "exact":
            p = 2 * min(below, above)
        else:
            p = _minlike_p(stats, after, total, share_after, share_before)
    if method == "score":
        odds = _wilson_odds(stats, before, after, alpha)
    elif method == "minlike":
        odds = _minlike_odds(stats, special, before, after, alpha)
    else:
        odds = _clopper_pearson_odds(special, before, after, alpha)
    lower, upper = (None if o is None else float(Fraction(o) / ratio) for o in odds)
    p = min(p, 1.0)
    if method == "etest" and alternative == "two-sided":
        note = note or _disagreement(p, alpha, lower, upper)
    return Comparison(
        **common,  # type: ignore[arg-type]
        rate_ratio=None if before == 0 else float(Fraction(after, before) / ratio),
        lower=lower,
        upper=upper,
        p_value=p,
        statistic=statistic,
        note=note,
        direction=_direction(before, after, ratio),
    )


def _disagreement(p: float, alpha: float, lower: float | None, upper: float | None) -> str:
    """A note when the E-test's p-value and the exact interval disagree about equal rates."""
    excludes = (lower is not None and lower > 1) or (upper is not None and upper < 1)
    if (p < alpha) == excludes:
        return ""
    if p < alpha:
        why = "the E-test is more powerful than the exact test the interval comes from"
    else:
        why = "the E-test is weak when the exposures are very unequal"
    return (
        f"the E-test's p-value is {'below' if p < alpha else 'above'} {alpha:g} but the "
        f"exact interval {'excludes' if excludes else 'includes'} 1: {why}; "
        "method='exact' gives a p-value that agrees with the interval"
    )


def _etest(
    stats: Any, k1: int, exact1: Fraction, k2: int, exact2: Fraction, alternative: str
) -> tuple[float, float]:
    """scipy's ``poisson_means_test`` (difference 0), in time proportional to one grid side.

    The statistic ``T = (x1/n1 - x2/n2) / sqrt(x1/n1**2 + x2/n2**2)`` falls as ``x2`` grows
    (for ``x1 > 0``), so for each ``x1`` the ``x2`` with ``T`` beyond the observed value
    are a run at one end of scipy's grid: find where each run ends by bisection instead
    of filling in the whole grid. Same grid and the same sum as scipy, with one
    difference: an outcome whose statistic ties the observed one exactly (which floats
    decide by their rounding, differently for exposures scaled by a common factor) is
    decided in exact arithmetic, and counts as at least as extreme.
    """
    n1, n2 = float(exact1), float(exact2)
    pooled = (k1 + k2) / (n1 + n2)
    variance = k1 / (n1**2) + k2 / (n2**2)
    observed = (k1 / n1 - k2 / n2) / math.sqrt(variance)
    mean1, mean2 = n1 * pooled, n2 * pooled
    x1_lb, x1_ub = stats.poisson.ppf([1e-10, 1 - 1e-16], mean1)
    x2_lb, x2_ub = stats.poisson.ppf([1e-10, 1 - 1e-16], mean2)
    x1 = np.arange(x1_lb, x1_ub + 1)
    x2 = np.arange(x2_lb, x2_ub + 1)
    prob1 = stats.poisson.pmf(x1, mean1)
    prob2 = stats.poisson.pmf(x2, mean2)
    head2 = np.concatenate(([0.0], np.cumsum(prob2)))  # sums of prob2[:i]
    tail2 = np.concatenate((np.cumsum(prob2[::-1])[::-1], [0.0]))  # sums of prob2[i:]

    def statistic(a: Any, b: Any) -> Any:
        lmbd1, lmbd2 = a / n1, b / n2
        with np.errstate(invalid="ignore", divide="ignore"):
            return (lmbd1 - lmbd2) / np.sqrt(lmbd1 / n1 + lmbd2 / n2)

    def run_length(predicate: Any) -> Any:
        """For each x1, how many grid x2 from the start satisfy a predicate true on a prefix."""
        lo = np.zeros(x1.shape, dtype=np.int64)  # predicate known true below lo
        hi = np.full(x1.shape, x2.size, dtype=np.int64)  # known false from hi
        while True:
            active = lo < hi
            if not active.any():
                return lo
            mid = (lo + hi) // 2
            ok = predicate(x1, x2[np.minimum(mid, x2.size - 1)])
            lo = np.where(active & ok, mid + 1, lo)
            hi = np.where(active & ~ok, mid, hi)

    # With n1 = P1/Q and n2 = P2/Q, T = N / sqrt(D) * (a positive constant), where
    # N = x1*P2 - x2*P1 and D = x1*P2**2 + x2*P1**2: integers, compared exactly.
    common = exact1.denominator * exact2.denominator
    p1, p2 = int(exact1 * common), int(exact2 * common)
    n0, d0 = k1 * p2 - k2 * p1, k1 * p2 * p2 + k2 * p1 * p1

    def exact_sign(a: int, b: int, sign: int) -> int:
        """The sign of ``T(a, b) - sign * T(k1, k2)``, exactly (``sign`` is 1 or -1)."""
        top, var, top0 = a * p2 - b * p1, a * p2 * p2 + b * p1 * p1, sign * n0
        if (top >= 0) != (top0 >= 0):
            return 1 if top >= 0 else -1
        difference = top * top * d0 - top0 * top0 * var  # |T|**2 - |T0|**2, scaled
        magnitude = (difference > 0) - (difference < 0)
        return magnitude if top >= 0 else -magnitude

    def beyond(a: Any, b: Any, sign: int, at_least: bool) -> Any:
        """``T >= sign * T0`` (or ``<=``), with near-ties decided exactly."""
        t = statistic(a, b)
        limit = sign * observed
        result = t >= limit if at_least else t <= limit
        near = np.abs(t - limit) <= 1e-9 * abs(limit) + 1e-300
        for i in np.flatnonzero(near):
            side = exact_sign(int(a.flat[i]), int(b.flat[i]), sign)
            result.flat[i] = side >= 0 if at_least else side <= 0
        return result

    sign = 1 if alternative != "two-sided" or observed >= 0 else -1  # threshold |T0|
    if alternative == "two-sided" and n0 == 0:  # T0 = 0: every outcome but (0, 0) counts
        both_zero = prob1[0] * prob2[0] if x1[0] == 0 and x2[0] == 0 else 0.0
        return observed, float(np.sum(prob1) * np.sum(prob2) - both_zero)
    total = np.zeros(x1.shape)
    prefix = np.zeros(x1.shape, dtype=np.int64)
    if alternative in ("two-sided", "greater"):
        prefix = run_length(lambda a, b: beyond(a, b, sign, at_least=True))
        total += head2[prefix]
    if alternative in ("two-sided", "less"):
        other = -sign if alternative == "two-sided" else sign
        # T <= limit holds on a suffix: find where it starts (after the prefix, so that
        # a threshold of 0 counts no cell twice)
        start = run_length(lambda a, b: ~beyond(a, b, other, at_least=False))
        total += tail2[np.maximum(start, prefix)]
    zero = x1 == 0  # T(0, 0) is 0/0: scipy's indicator is false there, so sum that row directly
    if zero.any():
        zeros = np.zeros(x2.shape)
        with np.errstate(invalid="ignore"):
            if alternative == "two-sided":
                row = beyond(zeros, x2, sign, at_least=True) | beyond(
                    zeros, x2, -sign, at_least=False
                )
            elif alternative == "less":
                row = beyond(zeros, x2, sign, at_least=False)
            else:
                row = beyond(zeros, x2, sign, at_least=True)
        row &= x2 > 0
        total[zero] = np.sum(prob2[row])
    return observed, float(np.sum(prob1 * total))


def _score_z(before: int, after: int, ratio: Fraction) -> float:
    """The score statistic, ``(after - before * ratio) / sqrt(total * ratio)``, exactly squared."""
    difference = after - before * ratio
    squared = difference * difference / ((before + after) * ratio)
    return math.copysign(math.sqrt(float(squared)), difference)


def _normal_p(stats: Any, z: float, alternative: str) -> float:
    if alternative == "larger":
        return float(stats.norm.sf(z))
    if alternative == "smaller":
        return float(stats.norm.cdf(z))
    return float(2 * stats.norm.sf(abs(z)))


def _binomial_tails(
    special: Any, k: int, n: int, share: Fraction, other: Fraction
) -> tuple[float, float]:
    """``P(X <= k)`` and ``P(X >= k)`` for X binomial(n, share), ``other = 1 - share``.

    scipy's binomial works from the probability of success alone, so a share close to 1
    loses the digits of its complement: work with whichever share is at most 1/2.
    """

    # P(X > j) is the regularised incomplete beta function I_q(j + 1, n - j) (boost's,
    # accurate for any n; scipy's bdtr is not beyond about 10**9)
    def cdf(j: int, q: float) -> float:  # P(X <= j)
        return 0.0 if j < 0 else 1.0 if j >= n else float(special.betaincc(j + 1.0, n - j, q))

    def sf(j: int, q: float) -> float:  # P(X > j)
        return 1.0 if j < 0 else 0.0 if j >= n else float(special.betainc(j + 1.0, n - j, q))

    if share <= other:
        q = float(share)
        return cdf(k, q), sf(k - 1, q)
    q = float(other)
    j = n - k  # the other count: P(X <= k) = P(n - X >= j)
    return sf(j - 1, q), cdf(j, q)


def _minlike_p(stats: Any, k: int, n: int, share: Fraction, other: Fraction) -> float:
    """The two-sided minimum-likelihood p-value of scipy's ``binomtest`` (and R's)."""
    if share <= other:
        return float(stats.binomtest(k, n, float(share)).pvalue)
    return float(stats.binomtest(n - k, n, float(other)).pvalue)


def _clopper_pearson_odds(
    special: Any, before: int, after: int, alpha: float
) -> tuple[float, float | None]:
    """The Clopper-Pearson interval for the later count's share, as odds ``share / (1 - share)``.

    The upper end for ``after`` is the reciprocal of the lower end for ``before``, so
    each end is computed on the side where the beta quantile is small and precise.
    """

    def lower_odds(k: int, other: int) -> float:
        if k == 0:
            return 0.0
        x = float(special.betaincinv(k, other + 1.0, alpha / 2))  # a beta quantile
        if x <= 0.5:
            return x / (1 - x)
        c = float(special.betainccinv(other + 1.0, k, alpha / 2))  # 1 - x, computed directly
        return (1 - c) / c

    below = lower_odds(before, after)
    return lower_odds(after, before), None if below == 0 else 1 / below


def _wilson_odds(stats: Any, before: int, after: int, alpha: float) -> tuple[float, float | None]:
    """The Wilson score interval for the later count's share, as odds."""
    total = before + after
    z = float(stats.norm.isf(alpha / 2))
    z2 = z * z
    scale = 1 + z2 / total

    def centre(k: int) -> float:
        return (k / total + z2 / (2 * total)) / scale

    half = z * math.sqrt(before * after / total**3 + z2 / (4 * total * total)) / scale

    def lower_odds(k: int, other: int) -> float:
        if k == 0:
            return 0.0
        # the lower end for k, over 1 less it (the upper end for the other count)
        return max(centre(k) - half, 0.0) / (centre(other) + half)

    below = lower_odds(before, after)
    return lower_odds(after, before), None if below == 0 else 1 / below


def _minlike_odds(
    stats: Any, special: Any, before: int, after: int, alpha: float
) -> tuple[float, float | None]:
    """The interval that inverts the minimum-likelihood test, as odds of the later share."""
    below = _minlike_lower_logodds(stats, special, before, after + before, alpha)
    upper = None if before == 0 else math.exp(-below)
    return math.exp(_minlike_lower_logodds(stats, special, after, after + before, alpha)), upper


def _minlike_lower_logodds(stats: Any, special: Any, k: int, n: int, alpha: float) -> float:
    """The smallest log-odds ``s`` of the share at which the test of ``k`` in ``n`` gives p > alpha.

    Below the observed share ``k / n`` the outcomes no more likely than ``k`` are all of
    ``k, ..., n`` and a run ``0, ..., y`` of the lowest, where ``y`` grows with the share:
    the outcome ``j < k`` joins the run when the log-odds reach ``t_j``, where
    ``f(j) = f(k) * tolerance``. Between two such points (a piece, with ``y`` fixed) the
    p-value ``P(X >= k) + P(X <= y)`` first falls and then rises (its derivative has the
    sign of ``k f(k) - (y + 1) f(y + 1)``, which increases with the share), so on each
    piece it exceeds ``alpha`` either at the piece's start or after one crossing before
    its end. The first piece where it does holds the answer.
    """
    if k == 0:
        return -math.inf
    j = np.arange(k, dtype=float)
    log_choose = special.gammaln(n + 1.0) - special.gammaln(j + 1) - special.gammaln(n - j + 1)
    log_choose_k = math.lgamma(n + 1.0) - math.lgamma(k + 1.0) - math.lgamma(n - k + 1.0)
    t = (log_choose - log_choose_k - math.log(_MINLIKE_TOLERANCE)) / (k - j)
    top = math.inf if k == n else math.log(k / (n - k))
    t = np.minimum(np.maximum.accumulate(t), top)  # the start of piece j (y = j)

    def tails(s: Any, y: Any) -> tuple[Any, Any, Any]:
        """``P(X >= k)``, ``P(X <= y - 1)`` and ``P(X = y)`` at log-odds ``s``."""
        s, y = np.broadcast_arrays(np.asarray(s, dtype=float), np.asarray(y, dtype=float))
        upper, below, at = (np.empty(s.shape) for _ in range(3))
        low = s <= 0  # share at most 1/2: scipy keeps its digits
        share, other = special.expit(s[low]), special.expit(-s[~low])
        upper[low] = stats.binom.sf(k - 1, n, share)
        below[low] = stats.binom.cdf(y[low] - 1, n, share)
        at[low] = stats.binom.pmf(y[low], n, share)
        upper[~low] = stats.binom.cdf(n - k, n, other)
        below[~low] = stats.binom.sf(n - y[~low], n, other)
        at[~low] = stats.binom.pmf(n - y[~low], n, other)
        return upper, below, at

    upper, below, at = tails(t, j)
    # In order of the share: the end of piece j - 1, then the start of piece j, for each j.
    ends = upper + below
    starts = ends + at
    values = np.empty(2 * k)
    values[0::2], values[1::2] = ends, starts
    found = values > alpha
    if not found.any():  # the last piece ends at k / n, where the p-value is 1
        i, inside = k - 1, True
    else:
        first = int(np.argmax(found))
        i, inside = divmod(first, 2)[0], first % 2 == 0
        if not inside:
            return float(t[i])
    if i == 0 and inside:  # no lower outcome yet: P(X >= k) = alpha, a beta quantile
        return float(special.logit(stats.beta.ppf(alpha, k, n - k + 1)))
    # one crossing inside piece i - 1 (or, if the search found nothing, the last piece)
    run = i - 1 if found.any() else k - 1
    left = float(t[run])
    right = float(t[i]) if found.any() else top

    def p_value(s: float) -> float:
        u, b, a = tails(s, run)
        return float(u[()] + b[()] + a[()]) - alpha

    from scipy.optimize import brentq

    return float(brentq(p_value, left, right, xtol=1e-15))


# ----------------------------------------------------------------------------- WDD


@attrs.frozen
class WDDResult:
    """The weighted displacement difference (see :func:`wdd`).

    Attributes
    ----------
    estimate : int
        The change in the treated area minus the change in the control area (negative:
        the treated area did better).
    se : float
        The standard error of ``estimate``.
    z : float
        ``estimate / se``.
    level : float
        The confidence level of the interval.
    lower, upper : float
        The confidence interval of ``estimate``.
    p_value : float
        For the hypothesis that the areas changed alike.

    See Also
    --------
    wdd : makes one.
    compare_counts : the change in one area on its own.

    Examples
    --------
    >>> import trendcalc as tc
    >>> w = tc.wdd((20, 10), (20, 20))
    >>> w.estimate, round(w.se, 3), round(w.p_value, 2)
    (-10, 8.367, 0.23)
    """

    estimate: int
    se: float
    z: float
    level: float
    lower: float
    upper: float
    p_value: float

    def describe(self) -> str:
        """One sentence for a report.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.wdd((20, 10), (20, 20)).describe()
        'the treated area changed by 10 fewer offences than the control (95% interval -26.4 to 6.4); this could well be chance, p = 0.23'
        """
        amount = abs(self.estimate)
        if self.estimate < 0:
            what = f"the treated area changed by {amount:,} fewer offences than the control"
        elif self.estimate > 0:
            what = f"the treated area changed by {amount:,} more offences than the control"
        else:
            what = "the treated area changed exactly as the control did"
        interval = f"({self.level:.0%} interval {self.lower:.1f} to {self.upper:.1f})"
        if self.p_value < 0.05:
            chance = "this is unlikely to be chance"
        else:
            chance = "this could well be chance"
        shown = "p < 0.001" if self.p_value < 0.001 else f"p = {_p(self.p_value)}"
        return f"{what} {interval}; {chance}, {shown}"


def _pair(value: object, name: str) -> tuple[int, int]:
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise TrendcalcError(
            f"{name} must be a pair of counts (before, after) (got {_show(value)})"
        )
    return _count(value[0], name=f"{name}[0]"), _count(value[1], name=f"{name}[1]")


def wdd(
    treated: tuple[int, int],
    control: tuple[int, int],
    *,
    displacement: tuple[int, int] | None = None,
    control_displacement: tuple[int, int] | None = None,
    level: float = 0.95,
) -> WDDResult:
    """The weighted displacement difference of Wheeler and Ratcliffe (2018).

    For a place-based intervention: the change in the treated area, less the change in a
    control area, plus the change in a displacement (buffer) area less that of its
    control. Negative is a fall relative to the control.

    Parameters
    ----------
    treated, control : (int, int)
        Counts before and after, for the treated area and its control.
    displacement, control_displacement : (int, int), optional
        Counts before and after for a displacement area and its control (both or neither).
    level : float, default 0.95
        The confidence level. (ptools, a common implementation, reports 90%: pass
        ``level=0.90`` to match it.)

    Returns
    -------
    WDDResult
        ``estimate`` is exact; ``se`` is the square root of the sum of all the counts
        (each treated as Poisson), ``z = estimate / se``, and the interval and two-sided
        p-value are normal. All counts zero gives an estimate of 0 with a p-value of 1.

    Raises
    ------
    TrendcalcError
        For a count that is not a whole number from 0 to ``MAX_COUNT``, an area that is
        not a pair, one displacement area without the other, or a level not between 0
        and 1.

    See Also
    --------
    WDDResult : the result.
    compare_counts : the change in one area on its own.

    Examples
    --------
    >>> import trendcalc as tc
    >>> r = tc.wdd((20, 10), (20, 20), level=0.90)
    >>> r.estimate, round(r.se, 6), round(r.z, 6), round(r.lower, 6), round(r.upper, 6)
    (-10, 8.3666, -1.195229, -23.761833, 3.761833)
    """
    t0, t1 = _pair(treated, "treated")
    c0, c1 = _pair(control, "control")
    if (displacement is None) != (control_displacement is None):
        raise TrendcalcError(
            "displacement and control_displacement go together: give both or neither"
        )
    estimate = (t1 - t0) - (c1 - c0)
    variance = t0 + t1 + c0 + c1
    if displacement is not None and control_displacement is not None:
        d0, d1 = _pair(displacement, "displacement")
        cd0, cd1 = _pair(control_displacement, "control_displacement")
        estimate += (d1 - d0) - (cd1 - cd0)
        variance += d0 + d1 + cd0 + cd1
    lvl = _check_level(level)
    stats = _scipy_stats()
    if variance == 0:
        return WDDResult(0, 0.0, 0.0, lvl, 0.0, 0.0, 1.0)
    se = math.sqrt(variance)
    z = estimate / se
    half = float(stats.norm.ppf(1 - (1 - lvl) / 2)) * se
    p = float(2 * stats.norm.sf(abs(z)))
    return WDDResult(estimate, se, z, lvl, estimate - half, estimate + half, p)
