"""Is the change real? Poisson tests and intervals for counts (the ``stats`` extra: scipy).

scipy is imported only when one of these functions runs, so the core stays free of it.
Unlike the rest of trendcalc, the results are floats: p-values and interval ends are
continuous quantities computed by scipy's special functions.
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Literal

import attrs

from trendcalc._changes import change, format_count
from trendcalc._errors import TrendcalcError
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

CompareMethod = Literal["exact", "etest", "score"]
IntervalMethod = Literal["exact", "score"]
Alternative = Literal["two-sided", "larger", "smaller"]

#: Above this many offences in all, the E-test is replaced by its normal approximation
#: (the score test), which it matches to about four significant figures there; scipy's
#: E-test sums over a grid whose size grows with the counts.
ETEST_LIMIT = 200_000


def _scipy_stats() -> Any:
    try:
        from scipy import stats
    except ImportError:
        raise TrendcalcError(
            "statistical tests need scipy: install it with pip install 'trendcalc[stats]'"
        ) from None
    return stats


def _check_exposure(value: object, name: str) -> float:
    if isinstance(value, bool):
        raise TrendcalcError(f"{name} must be a positive number, not a bool (got {value!r})")
    exact = to_fraction(value, name=name)
    if exact <= 0:
        raise TrendcalcError(
            f"{name} must be positive: the time or population the count is over (got {value!r})"
        )
    result = float(exact)
    if result == 0 or not math.isfinite(result):
        raise TrendcalcError(f"{name} is too small or too large for a float (got {value!r})")
    return result


def _check_level(level: object) -> float:
    if isinstance(level, bool) or not isinstance(level, int | float | Fraction):
        raise TrendcalcError(
            f"level must be a number between 0 and 1, such as 0.95 (got {level!r})"
        )
    value = float(level)
    if not 0 < value < 1:
        raise TrendcalcError(f"level must be between 0 and 1, such as 0.95 (got {level!r})")
    return value


def _check_choice(value: object, name: str, choices: tuple[str, ...]) -> str:
    if value not in choices:
        valid = ", ".join(repr(c) for c in choices)
        raise TrendcalcError(f"{name} must be one of {valid} (got {value!r})")
    return str(value)


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
        """The interval in words.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.poisson_interval(15, exposure=400).describe(4)
        '0.0375 (95% interval 0.0210 to 0.0619, exact)'
        """
        places = check_int(places, name="places", minimum=0)
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
        The count, 0 or more.
    exposure : number, default 1
        What the count is over: days, people, or 1 for the count itself. Positive.
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

    See Also
    --------
    PoissonInterval : the result.
    poisson_test : test a count against a given rate.

    Examples
    --------
    >>> import trendcalc as tc
    >>> ci = tc.poisson_interval(15, exposure=400)
    >>> round(ci.lower, 6), round(ci.upper, 6)
    (0.020988, 0.061851)
    >>> round(tc.poisson_interval(0).upper, 4)
    3.6889
    """
    count = check_count(count)
    exp = _check_exposure(exposure, "exposure")
    alpha = 1 - _check_level(level)
    method = _check_choice(method, "method", ("exact", "score"))  # type: ignore[assignment]
    stats = _scipy_stats()
    if method == "exact":
        lower = 0.0 if count == 0 else float(stats.chi2.ppf(alpha / 2, 2 * count)) / 2
        upper = float(stats.chi2.ppf(1 - alpha / 2, 2 * count + 2)) / 2
    else:
        z = float(stats.norm.ppf(1 - alpha / 2))
        centre = count + z * z / 2
        half = z * math.sqrt(count + z * z / 4)
        lower, upper = max(centre - half, 0.0), centre + half
    return PoissonInterval(count, exp, level, method, count / exp, lower / exp, upper / exp)


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
    >>> t = tc.poisson_test(15, 0.02, exposure=400)  # 8 expected, 15 seen
    >>> round(t.p_value, 4)
    0.0345
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
    at 1.

    Parameters
    ----------
    count : int
        The observed count.
    rate : number
        The rate under test, per unit of exposure.
    exposure : number, default 1
        What the count is over.
    alternative : {"two-sided", "larger", "smaller"}
        ``"larger"`` asks whether the true rate is above ``rate``.

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
    count = check_count(count)
    exp = _check_exposure(exposure, "exposure")
    null = _check_exposure(rate, "rate")
    alternative = _check_choice(alternative, "alternative", ("two-sided", "larger", "smaller"))  # type: ignore[assignment]
    stats = _scipy_stats()
    mean = null * exp
    below = float(stats.poisson.cdf(count, mean))
    above = float(stats.poisson.sf(count - 1, mean))
    if alternative == "larger":
        p = above
    elif alternative == "smaller":
        p = below
    else:
        p = min(1.0, 2 * min(below, above))
    return PoissonTest(count, exp, null, alternative, p)


# ----------------------------------------------------------------------------- two counts


def poisson_z(before: int, after: int) -> float:
    """Wheeler's Poisson z-score for a change in counts: ``2 * (sqrt(after) - sqrt(before))``.

    A quick screen: beyond about plus or minus 2 the change is unlikely to be noise. It
    needs no scipy.

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
    before = check_count(before, name="before")
    after = check_count(after, name="after")
    return 2 * (math.sqrt(after) - math.sqrt(before))


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
        the exact test, which has none.
    note : str
        Anything the reader should know about how the answer was reached.

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

    def describe(self) -> str:
        """One sentence for a story.

        Examples
        --------
        >>> import trendcalc as tc
        >>> tc.compare_counts(112, 58).describe()
        'down 48% (from 112 to 58); a fall this large is very unlikely to be chance, p < 0.001'
        >>> tc.compare_counts(16, 25).describe()
        'up 56% (from 16 to 25); a rise this large could well be chance, p = 0.21'
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
        size = (
            "a rise"
            if self.after * self.exposure_before > self.before * self.exposure_after
            else "a fall"
        )
        p = self.p_value
        if p < 0.001:
            verdict, shown = "is very unlikely to be chance", "p < 0.001"
        elif p < 0.05:
            verdict, shown = "is unlikely to be chance", f"p = {_p(p)}"
        else:
            verdict, shown = "could well be chance", f"p = {_p(p)}"
        return f"{what}; {size} this large {verdict}, {shown}"


def _p(p: float) -> str:
    """A p-value to two significant figures."""
    return f"{float(f'{p:.2g}'):g}"


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
        The earlier and later counts.
    exposure_before, exposure_after : number, default 1
        What each count is over: the days of each period (366 and 365) or the populations,
        so that rates are compared.
    method : {"exact", "etest", "score"}
        ``"exact"`` (the default) is the conditional binomial test: given the total, the
        later count is binomial with the share its exposure implies. It is exact, needs no
        large-sample theory, and stays valid for the small counts common in crime data;
        its interval for the rate ratio is Clopper-Pearson's. ``"etest"`` is the E-test
        of Krishnamoorthy and Thomson (2004) as scipy implements it (statistic with the
        unpooled variance ``k1/n1**2 + k2/n2**2``, null distribution from the pooled
        rate): often more powerful than the exact test; its interval is the exact one.
        ``"score"`` is the score (z) test, whose statistic equals the conditional one,
        ``(k2*n1 - k1*n2) / sqrt((k1 + k2) * n1 * n2)``, with the Wilson score interval.
    alternative : {"two-sided", "larger", "smaller"}
        ``"larger"`` asks whether the later rate is higher.
    level : float, default 0.95
        The confidence level of the two-sided interval for the rate ratio.

    Returns
    -------
    Comparison
        When both counts are zero the p-value is 1 and there is no ratio or interval:
        no offences in either period is no evidence of change. With more than
        200,000 offences in all, ``"etest"`` uses its normal approximation (see
        ``note``).

    See Also
    --------
    Comparison : the result.
    CountSeries.compare : two periods of a series, as rates per day.
    wdd : a treated area against a control area.
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
    """
    before = check_count(before, name="before")
    after = check_count(after, name="after")
    e1 = _check_exposure(exposure_before, "exposure_before")
    e2 = _check_exposure(exposure_after, "exposure_after")
    method = _check_choice(method, "method", ("exact", "etest", "score"))  # type: ignore[assignment]
    alternative = _check_choice(alternative, "alternative", ("two-sided", "larger", "smaller"))  # type: ignore[assignment]
    lvl = _check_level(level)
    stats = _scipy_stats()
    total = before + after
    common = {
        "before": before,
        "after": after,
        "exposure_before": e1,
        "exposure_after": e2,
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
            statistic=None if method == "exact" else 0.0,
            note="no offences in either period",
        )
    scipy_alternative = {"two-sided": "two-sided", "larger": "greater", "smaller": "less"}
    note = ""
    statistic: float | None = None
    z_score = (after * e1 - before * e2) / math.sqrt(total * e1 * e2)
    if method == "exact":
        share = e2 / (e1 + e2)  # the later count's share of the total under equal rates
        test = stats.binomtest(after, total, share, alternative=scipy_alternative[alternative])
        p = float(test.pvalue)
    elif method == "score" or total > ETEST_LIMIT:
        statistic = z_score
        p = _normal_p(stats, z_score, alternative)
        if method == "etest":
            note = (
                f"with {total:,} offences the E-test is computed by its normal approximation "
                "(the score test), which it matches closely at such counts"
            )
    else:
        result = stats.poisson_means_test(
            after, e2, before, e1, alternative=scipy_alternative[alternative]
        )
        statistic, p = float(result.statistic), float(result.pvalue)
    lower, upper = _ratio_interval(
        stats, before, after, e1, e2, lvl, "score" if method == "score" else "exact"
    )
    return Comparison(
        **common,  # type: ignore[arg-type]
        rate_ratio=None if before == 0 else (after / e2) / (before / e1),
        lower=lower,
        upper=upper,
        p_value=min(p, 1.0),
        statistic=statistic,
        note=note,
    )


def _normal_p(stats: Any, z: float, alternative: str) -> float:
    if alternative == "larger":
        return float(stats.norm.sf(z))
    if alternative == "smaller":
        return float(stats.norm.cdf(z))
    return float(2 * stats.norm.sf(abs(z)))


def _ratio_interval(
    stats: Any, before: int, after: int, e1: float, e2: float, level: float, method: str
) -> tuple[float | None, float | None]:
    """Interval for the rate ratio from one for the later count's share of the total."""
    total = before + after
    alpha = 1 - level
    if method == "exact":  # Clopper-Pearson
        p_lo = 0.0 if after == 0 else float(stats.beta.ppf(alpha / 2, after, before + 1))
        p_hi = 1.0 if before == 0 else float(stats.beta.ppf(1 - alpha / 2, after + 1, before))
    else:  # Wilson score
        z = float(stats.norm.ppf(1 - alpha / 2))
        phat = after / total
        centre = (phat + z * z / (2 * total)) / (1 + z * z / total)
        half = (
            z
            * math.sqrt(phat * (1 - phat) / total + z * z / (4 * total * total))
            / (1 + z * z / total)
        )
        p_lo, p_hi = max(centre - half, 0.0), min(centre + half, 1.0)

    def to_ratio(p: float) -> float | None:
        if p >= 1:
            return None
        return p / (1 - p) * e1 / e2

    return to_ratio(p_lo), to_ratio(p_hi)


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
        raise TrendcalcError(f"{name} must be a pair of counts (before, after) (got {value!r})")
    return check_count(value[0], name=f"{name}[0]"), check_count(value[1], name=f"{name}[1]")


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
