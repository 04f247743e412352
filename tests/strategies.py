"""Hypothesis strategies shared by the tests."""

from __future__ import annotations

import datetime
import typing
from decimal import Decimal
from fractions import Fraction

from hypothesis import strategies as st

import trendcalc as tc

MODES = ("half_up", "half_even", "half_down", "up", "down", "ceiling", "floor")

modes = st.sampled_from(MODES)
counts = st.integers(min_value=0, max_value=10**7)
places = st.integers(min_value=-3, max_value=6)

#: exact decimals with up to 12 digits after the point, of either sign
decimals = st.builds(
    lambda units, exponent: Decimal(units).scaleb(-exponent),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.integers(min_value=0, max_value=12),
)

#: exact rationals, many of them not terminating decimals
fractions = st.builds(
    Fraction,
    st.integers(min_value=-(10**12), max_value=10**12),
    st.integers(min_value=1, max_value=10**6),
)

years = st.integers(min_value=1800, max_value=2200)
start_months = st.integers(min_value=2, max_value=12)


@st.composite
def periods(draw: st.DrawFn) -> tc.Period:
    """A period of any kind, including a range of days."""
    kind = draw(st.sampled_from(typing.get_args(tc.PeriodKind)))
    y = draw(years)
    if kind == "month":
        return tc.month(y, draw(st.integers(1, 12)))
    if kind == "quarter":
        return tc.quarter(y, draw(st.integers(1, 4)))
    if kind == "calendar_year":
        return tc.calendar_year(y)
    if kind == "financial_year":
        return tc.financial_year(y, start_month=draw(start_months))
    if kind == "financial_quarter":
        return tc.financial_quarter(y, draw(st.integers(1, 4)), start_month=draw(start_months))
    if kind == "year_ending":
        return tc.year_ending(y, draw(st.integers(1, 12)))
    start = draw(st.dates(min_value=datetime.date(1800, 1, 1), max_value=datetime.date(2200, 1, 1)))
    length = draw(st.integers(min_value=1, max_value=800))
    return tc.date_range(start, start + datetime.timedelta(days=length - 1))


# ----------------------------------------------------------------------------- words and phrases

import calendar as _calendar  # noqa: E402

#: a month number with a way of writing its name: full, abbreviated, or any case
months_written = st.integers(1, 12).flatmap(
    lambda m: st.tuples(
        st.just(m),
        st.sampled_from(
            [
                _calendar.month_name[m],
                _calendar.month_abbr[m],
                _calendar.month_name[m].upper(),
                _calendar.month_name[m].lower(),
            ]
        ),
    )
)

#: years whose neighbours are also representable dates
phrase_years = st.integers(min_value=2, max_value=9998)

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]  # fmt: skip
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def number_in_words(n: int) -> str:
    """``n`` (0 to 999) in English words, as a test oracle for the word readers."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _TENS[tens] + ("" if ones == 0 else "-" + _ONES[ones])
    hundreds, rest = divmod(n, 100)
    head = _ONES[hundreds] + " hundred"
    return head if rest == 0 else f"{head} and {number_in_words(rest)}"


#: fragments of the words reporters use, to build near-miss junk for the word readers
word_fragments = st.sampled_from(
    [
        "one", "a", "an", "half", "third", "thirds", "quarter", "quarters", "fifth", "in",
        "out of", "every", "times", "twice", "doubled", "halved", "fold", "-", "and a half",
        "almost", "nearly", "more than", "over", "under", "about", "per cent", "percent",
        "pc", "%", "million", "m", "bn", "thousand", "k", "1.1", "0", "20,000", ",", ".",
        "rose", "fell", "by", "of", "up", "down", " ", "to", "the year", "12 months",
        "year ending", "April", "June", "31", "2019", "between", "and", "hundred", "-3",
    ]
)  # fmt: skip


#: kinds of period a CountTable is commonly built from, with a first period of each
_TABLE_STARTS = {
    "month": "April 2014",
    "quarter": "2014 Q2",
    "financial_quarter": "2014/15 Q1",
    "financial_year": "2010/11",
}


@st.composite
def count_tables(
    draw: st.DrawFn,
    *,
    kinds: tuple[str, ...] = ("month", "quarter", "financial_quarter", "financial_year"),
    min_periods: int = 1,
    max_periods: int = 30,
    missing: bool = True,
    max_count: int = 10**6,
) -> tc.CountTable:
    """A CountTable of 1-5 text groups, some cells possibly not supplied."""
    kind = draw(st.sampled_from(kinds))
    n = draw(st.integers(min_value=min_periods, max_value=max_periods))
    first = tc.parse_period(_TABLE_STARTS[kind]).shift(draw(st.integers(0, 24)))
    periods = [first.shift(i) for i in range(n)]
    names = draw(
        st.lists(st.sampled_from(["Kent", "Essex", "Lincs", "Avon", "Dyfed"]), min_size=1,
                 max_size=5, unique=True)
    )
    groups = sorted(names)
    cells = st.integers(min_value=0, max_value=max_count)
    counts = [[draw(cells) for _ in groups] for _ in periods]
    supplied = None
    if missing and draw(st.booleans()):
        supplied = [[draw(st.integers(0, 9)) > 0 for _ in groups] for _ in periods]
        counts = [[c if ok else 0 for c, ok in zip(row, oks, strict=False)] for row, oks in zip(counts, supplied, strict=False)]
    zeros = [0] * len(groups)
    import numpy as np

    return tc.CountTable(
        periods, groups, counts, zeros, zeros, zeros,
        supplied=None if supplied is None else np.array(supplied, dtype=bool),
    )


# -- statistics (compare_counts and friends)

#: small counts, where the exact tests differ most from their approximations
stats_counts = st.integers(min_value=0, max_value=60)

#: exposures of every kind trendcalc reads exactly: days, populations, fractions, floats,
#: decimal strings, from far below 1 to far above
stats_exposures = st.one_of(
    st.integers(min_value=1, max_value=10**9),
    st.fractions(min_value=Fraction(1, 10**6), max_value=10**6).filter(lambda f: f > 0),
    st.floats(min_value=1e-30, max_value=1e30, allow_nan=False, allow_infinity=False),
    st.sampled_from(["1e-200", "365.25", "1e200", "0.001"]),
)

#: a factor both exposures can be multiplied by, from 1e-250 to 1e250
stats_scales = st.one_of(
    st.builds(lambda e: Fraction(10) ** e, st.integers(min_value=-250, max_value=250)),
    st.fractions(min_value=Fraction(1, 1000), max_value=1000).filter(lambda f: f > 0),
)

stats_methods = st.sampled_from(["exact", "etest", "score", "minlike"])
stats_levels = st.sampled_from([0.8, 0.9, 0.95, 0.99, 0.999])


#: counts of a few groups for rank claims, from a small range so that ties are common
group_counts = st.dictionaries(
    st.sampled_from(["Kent", "Essex", "Surrey", "Met", "City of London", "Dorset", "Devon"]),
    st.integers(min_value=0, max_value=6),
    min_size=1,
    max_size=7,
)

#: yearly counts from 2001/02 on, from a small range so that ties and streaks are common
yearly_counts = st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=12)


def financial_years(values: typing.Sequence[object], first: int = 2001) -> dict[str, object]:
    """``{"2001/02": values[0], "2002/03": values[1], ...}``."""
    return {f"{first + i}/{(first + i + 1) % 100:02d}": v for i, v in enumerate(values)}


#: event dates around the financial years 2015/16 to 2017/18, with missing ones
event_dates = st.lists(
    st.one_of(
        st.none(),
        st.dates(min_value=datetime.date(2014, 1, 1), max_value=datetime.date(2019, 12, 31)),
    ),
    max_size=60,
)

#: a short list of forces and of offences: labels for key columns
forces = st.sampled_from(["Kent", "Lincolnshire", "Essex", "Avon and Somerset"])
offences = st.sampled_from(["Burglary", "Robbery", "Shoplifting"])


@st.composite
def month_periods(draw: st.DrawFn) -> list[tc.Period]:
    """Consecutive periods made of whole months: months, quarters or years of either kind."""
    kind = draw(
        st.sampled_from(
            ["month", "quarter", "financial_quarter", "calendar_year", "financial_year"]
        )
    )
    count = draw(st.integers(1, 8))
    first = {
        "month": tc.month(2015, draw(st.integers(1, 12))),
        "quarter": tc.quarter(2015, draw(st.integers(1, 4))),
        "financial_quarter": tc.financial_quarter(2015, draw(st.integers(1, 4))),
        "calendar_year": tc.calendar_year(2015),
        "financial_year": tc.financial_year(2015, start_month=draw(st.integers(2, 12))),
    }[kind]
    return [first.shift(i) for i in range(count)]


# -- hostile values (tests/test_hostile.py, tests/test_cli_hostile.py) ----------------------

_TEN_MB = 10_000_000


def _numpy_scalars() -> list[object]:
    """A scalar of every numpy dtype, at its edges: 0, 1, the extremes, NaN and infinities."""
    import numpy as np

    values: list[object] = [np.bool_(True), np.bool_(False)]
    for t in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64):
        info = np.iinfo(t)
        values += [t(0), t(1), t(info.max), t(info.min)]
    for t in (np.float16, np.float32, np.float64, np.longdouble):
        finfo = np.finfo(t)
        values += [t(2.675), t(-0.0), t(finfo.max), t(finfo.tiny), t("nan"), t("inf"), t("-inf")]
    values += [
        np.longdouble("1e4000"),
        np.complex64(1 + 2j),
        np.complex128(5),
        np.datetime64("2016-04-01"),
        np.datetime64("NaT"),
        np.timedelta64(5, "D"),
        np.str_("5"),
        np.bytes_(b"5"),
        np.void(b"\x00\x01"),
    ]
    return values


def _hostile_constants() -> list[object]:
    import numpy as np

    return [
        None,
        True,
        False,
        float("nan"),
        float("inf"),
        float("-inf"),
        -0.0,
        1e308,
        5e-324,
        -1,
        0,
        2**63,
        2**64,
        -(2**63) - 1,
        10**40,
        10**400,
        -(10**401),
        10**5000,
        Fraction(1, 10**500),
        Fraction(10**401, 3),
        Decimal("NaN"),
        Decimal("sNaN"),
        Decimal("Infinity"),
        Decimal("-0"),
        Decimal("1E+999999"),
        Decimal("1E-999999999"),
        Decimal("1" * 500),
        "",
        " ",
        "\x00",
        "\u001b[2J",
        "<img src=x onerror=alert(1)>",
        "nan",
        "inf",
        "1e999999",
        "١٢",  # Arabic-Indic digits
        "۱۲۳",  # extended Arabic-Indic digits
        "５",  # a full-width digit
        "²",  # a superscript: str.isdigit() says yes, int() says no
        "\u00a05\u2003",  # no-break and em spaces around a digit
        "\u200b5",  # a zero-width space
        "5\u202f000",  # a narrow no-break space as the thousands separator
        "22,6400",
        "1,2,3",
        "-7.8%",
        "6.7 billion",
        "2016/18",
        "0001",
        "9999",
        "1" * 4400,
        "1" * _TEN_MB,
        " " * _TEN_MB + "5",
        "2016/17" * (_TEN_MB // 7),
        b"5",
        [],
        [True, 5],
        [[1, 2], [3]],
        [None],
        [10**400],
        [-1],
        [1.5],
        (),
        {},
        {"a": True},
        np.array([1.5, np.nan]),
        np.array([], dtype=np.int64),
        np.array([2**63], dtype=np.uint64),
        np.array(["2016-04-01"], dtype="datetime64[ns]"),
        np.array(["a", 1], dtype=object),
        object(),
        *_numpy_scalars(),
    ]


#: Values no trendcalc function should accept without a clear TrendcalcError (or an honest
#: result): bools, None, NaN, infinities, -0.0, huge ints, numpy scalars of every dtype,
#: Decimal NaN, unicode digits, odd spaces, terminal escapes, 10 MB strings, ragged lists.
hostile = st.one_of(
    st.sampled_from(_hostile_constants()),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.integers(min_value=10**395, max_value=10**405),
    st.floats(),
    st.decimals(),
    st.fractions(),
    st.text(max_size=30),
    st.text(alphabet=st.characters(categories=["Nd", "Zs", "No"]), max_size=12),
)


# claims of phase 2A: differences, shares and rate changes
small_counts = st.integers(min_value=0, max_value=10**6)
positive_counts = st.integers(min_value=1, max_value=10**6)
readings = st.sampled_from(("strict", "editorial"))


@st.composite
def small_ranges(draw: st.DrawFn, low: int = -3, high: int = 30) -> range:
    """A short range of whole numbers, possibly empty or reaching below zero."""
    start = draw(st.integers(min_value=low, max_value=high))
    return range(start, start + draw(st.integers(min_value=0, max_value=15)))


@st.composite
def intervals(draw: st.DrawFn) -> tc.Interval:
    """An interval of small rationals, either end open, closed or missing."""
    ends = st.none() | st.builds(
        Fraction, st.integers(min_value=-20, max_value=80), st.integers(min_value=1, max_value=12)
    )
    lower, upper = draw(ends), draw(ends)
    if lower is not None and upper is not None and lower > upper:
        lower, upper = upper, lower
    if lower is not None and lower == upper:
        return tc.Interval(lower, upper)
    return tc.Interval(
        lower,
        upper,
        lower_closed=lower is None or draw(st.booleans()),
        upper_closed=upper is None or draw(st.booleans()),
    )
