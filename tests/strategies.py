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
