"""Period phrases from stories and bulletins, the form registry, and the limits of time."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from trendcalc._limits import MAX_LABEL_LENGTH
from trendcalc._periods import PERIOD_FORMS

from .strategies import months_written, periods, phrase_years, word_fragments

DOCS = Path(__file__).resolve().parent.parent / "docs"


def _docs_rows() -> list[tuple[str, str, dt.date, dt.date]]:
    """The rows of the label table on the Periods page: label, kind, first and last day."""
    text = (DOCS / "periods.rst").read_text(encoding="utf-8")
    rows = []
    pattern = r"^``(?P<label>[^`]+)``\s+(?P<kind>[a-z_]+)\s+(?P<a>\d+ \w{3} \d{4}) - (?P<b>\d+ \w{3} \d{4})$"
    for m in re.finditer(pattern, text, re.MULTILINE):
        a = dt.datetime.strptime(m["a"], "%d %b %Y").date()
        b = dt.datetime.strptime(m["b"], "%d %b %Y").date()
        rows.append((m["label"], m["kind"], a, b))
    return rows


def test_the_docs_table_lists_every_registered_form() -> None:
    documented = {label for label, *_ in _docs_rows()}
    examples = {e for form in PERIOD_FORMS for e in form.examples}
    assert examples <= documented, sorted(examples - documented)


@pytest.mark.parametrize(("label", "kind", "start", "end"), _docs_rows())
def test_every_label_in_the_docs_table_reads_as_documented(
    label: str, kind: str, start: dt.date, end: dt.date
) -> None:
    p = tc.parse_period(label)
    assert (p.kind, p.start, p.end) == (kind, start, end)


@pytest.mark.parametrize("example", [e for form in PERIOD_FORMS for e in form.examples])
def test_every_registered_example_reads_back_from_its_label(example: str) -> None:
    p = tc.parse_period(example)
    assert tc.parse_period(p.label) == p
    assert tc.parse_period(example.upper()) == tc.parse_period("  " + example.lower() + " ")


def test_the_docs_table_is_not_empty() -> None:
    assert len(_docs_rows()) >= 20


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("12 months to June 2019", tc.year_ending(2019, 6)),
        ("the 12 months to June 2019", tc.year_ending(2019, 6)),
        ("twelve months ending June 2019", tc.year_ending(2019, 6)),
        ("the year to March 2016", tc.year_ending(2016, 3)),
        ("year ended March 2016", tc.year_ending(2016, 3)),
        ("year ending 31 March 2022", tc.year_ending(2022, 3)),
        ("year ending 31st March 2022", tc.year_ending(2022, 3)),
        ("year ending 29 February 2024", tc.year_ending(2024, 2)),
        ("April to June 2012", tc.quarter(2012, 2)),
        ("April-June 2012", tc.quarter(2012, 2)),
        ("Apr \u2013 Jun 2012", tc.quarter(2012, 2)),
        ("from April to June 2012", tc.quarter(2012, 2)),
        ("between April and June 2012", tc.quarter(2012, 2)),
        ("January to December 2012", tc.calendar_year(2012)),
        ("March to March 2012", tc.month(2012, 3)),
        ("1 April to 5 October 2009", tc.date_range(dt.date(2009, 4, 1), dt.date(2009, 10, 5))),
        ("1 to 5 October 2009", tc.date_range(dt.date(2009, 10, 1), dt.date(2009, 10, 5))),
        (
            "1 November to 5 January 2010",
            tc.date_range(dt.date(2009, 11, 1), dt.date(2010, 1, 5)),
        ),
        (
            "from 1 April 2009 to 5 October 2010",
            tc.date_range(dt.date(2009, 4, 1), dt.date(2010, 10, 5)),
        ),
        (
            "year ending 5 April 2022",
            tc.date_range(dt.date(2021, 4, 6), dt.date(2022, 4, 5)),
        ),
    ],
)
def test_phrases_read_to_the_period_they_name(phrase: str, expected: tc.Period) -> None:
    assert tc.parse_period(phrase) == expected


@pytest.mark.parametrize(
    ("phrase", "message"),
    [
        ("2011-12", "ambiguous period"),
        ("June 2012 to April 2012", "end before they start"),
        ("5 October to 1 April 2009 ", None),  # read as from 5 October 2008: fine, see below
        ("1 April 2010 to 5 October 2009", "ends before it starts"),
        ("31 April to 5 May 2012", "April 2012 has no day 31"),
        ("year ending 30 February 2020", "February 2020 has no day 30"),
        ("year ending 31 Smarch 2020", "'smarch' is not a month name"),
        ("year ending March 2017 (starting July)", "goes only after a financial year"),
        ("year ending 5 April 0001", "before the dates can represent"),
        ("year ending March 0001", "outside the years 1 to 9999"),
    ],
)
def test_bad_phrases_are_refused_saying_why(phrase: str, message: str | None) -> None:
    if message is None:
        assert tc.parse_period(phrase).start == dt.date(2008, 10, 5)
        return
    with pytest.raises(tc.PeriodError, match=re.escape(message)):
        tc.parse_period(phrase)


@given(months_written, phrase_years, st.sampled_from(
    ["12 months to {m} {y}", "the year to {m} {y}", "year ending {m} {y}",
     "the twelve months ending {m} {y}", "year ending {d} {m} {y}", "Year  Ended {d}th {m} {y}"]
))  # fmt: skip
def test_a_year_ending_phrase_reads_as_year_ending(
    month: tuple[int, str], year: int, template: str
) -> None:
    number, name = month
    last_day = calendar.monthrange(year, number)[1]
    phrase = template.format(m=name, y=f"{year:04d}", d=last_day)
    assert tc.parse_period(phrase) == tc.year_ending(year, number)


@given(st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_a_year_ending_any_day_is_the_days_since_that_date_a_year_before(day: dt.date) -> None:
    p = tc.parse_period(f"year ending {day.day} {calendar.month_name[day.month]} {day.year:04d}")
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        assert p == tc.year_ending(day.year, day.month)
    else:
        assert p == tc.date_range(day.replace(year=day.year - 1) + dt.timedelta(days=1), day)
        assert p.days in (365, 366)


@given(months_written, months_written, phrase_years, st.sampled_from(["{a} to {b} {y}",
       "{a}-{b} {y}", "between {a} and {b} {y}", "from {a} to {b} {y}"]))  # fmt: skip
def test_a_run_of_months_is_the_months_from_first_to_last(
    first: tuple[int, str], last: tuple[int, str], year: int, template: str
) -> None:
    (m1, a), (m2, b) = first, last
    p = tc.parse_period(template.format(a=a, b=b, y=f"{year:04d}"))
    start_year = year if m1 <= m2 else year - 1
    start = dt.date(start_year, m1, 1)
    end = dt.date(year, m2, calendar.monthrange(year, m2)[1])
    assert (p.start, p.end) == (start, end)
    months = (year * 12 + m2) - (start_year * 12 + m1) + 1
    if months == 1:
        assert p == tc.month(year, m2)
    elif months == 3 and m1 in (1, 4, 7, 10):
        assert p == tc.quarter(year, (m1 + 2) // 3)
    elif months == 12 and m1 == 1:
        assert p == tc.calendar_year(year)
    else:
        assert p == tc.date_range(start, end)


@given(
    st.dates(min_value=dt.date(2, 1, 1), max_value=dt.date(9999, 12, 31)),
    st.integers(min_value=0, max_value=700),
    st.booleans(),
)
def test_a_run_of_days_is_the_range_from_first_to_last(
    first: dt.date, length: int, first_year_given: bool
) -> None:
    last = min(first + dt.timedelta(days=length), dt.date(9999, 12, 31))
    a = f"{first.day} {calendar.month_name[first.month]}"
    if first_year_given or first.year != last.year:
        a += f" {first.year:04d}"
    phrase = f"{a} to {last.day} {calendar.month_name[last.month]} {last.year:04d}"
    assert tc.parse_period(phrase) == tc.date_range(first, last)


@given(st.lists(word_fragments, max_size=8).map(" ".join))
def test_phrase_like_junk_raises_only_period_error(text: str) -> None:
    try:
        p = tc.parse_period(text)
    except tc.PeriodError:
        return
    assert tc.parse_period(p.label) == p


def test_a_label_longer_than_the_limit_is_refused() -> None:
    text = "year ending March 2017" + " " * MAX_LABEL_LENGTH
    with pytest.raises(tc.PeriodError, match="at most 1,000 are accepted"):
        tc.parse_period(text)
    assert tc.parse_period(text[:MAX_LABEL_LENGTH]) == tc.year_ending(2017, 3)


def test_shifting_a_range_beyond_all_dates_is_a_period_error() -> None:
    with pytest.raises(tc.PeriodError, match="a number of 101 digits"):
        tc.parse_period("2016-01-01/2016-01-02").shift(10**100)


def test_the_year_1_has_no_previous_year() -> None:
    year_one = tc.parse_period("0001")
    assert (year_one.start, year_one.end) == (dt.date(1, 1, 1), dt.date(1, 12, 31))
    with pytest.raises(tc.PeriodError, match="the years 1 to 9999"):
        year_one.previous()
    with pytest.raises(tc.PeriodError, match="the years 1 to 9999"):
        tc.calendar_year(9999).next()


_MONTHS = {"month": 1, "quarter": 3, "financial_quarter": 3}


@given(periods(), st.one_of(st.integers(-(10**6), 10**6), st.integers(), st.just(10**100)))
def test_shift_refuses_exactly_the_shifts_that_leave_the_dates(p: tc.Period, n: int) -> None:
    if p.kind == "range":
        first = p.start.toordinal() + n * p.days
        last = p.end.toordinal() + n * p.days
        fits = first >= 1 and last <= dt.date.max.toordinal()
    else:
        months = _MONTHS.get(p.kind, 12)
        first_month = p.start.year * 12 + p.start.month - 1 + n * months
        last_month = p.end.year * 12 + p.end.month - 1 + n * months
        fits = first_month // 12 >= 1 and last_month // 12 <= 9999
    if not fits:
        with pytest.raises(tc.PeriodError, match="the years 1 to 9999"):
            p.shift(n)
        return
    q = p.shift(n)
    assert q.kind == p.kind
    assert q.shift(-n) == p
