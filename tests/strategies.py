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


# claims of phase 2A: differences, shares and rate changes
small_counts = st.integers(min_value=0, max_value=10**6)
positive_counts = st.integers(min_value=1, max_value=10**6)
readings = st.sampled_from(("strict", "editorial"))
