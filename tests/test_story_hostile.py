"""Story files that are hostile or odd: every problem is a located StoryError, never a crash."""

from __future__ import annotations

import io
import json
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import trendcalc as tc
from trendcalc._limits import MAX_COUNT, MAX_NUMBER_LENGTH, MAX_TEXT_LENGTH
from trendcalc._report import write_report

SHIPPED = [
    resources.files("trendcalc").joinpath("examples", name).read_text("utf-8")
    for name in ("lincolnshire-2017.toml", "northshire-rates.toml", "eastborough-monthly.toml")
]

COUNTS = '[counts]\na = { period = "2016/17", count = 58 }\n'
TOTAL = '[[claims]]\nkind = "total"\ncounts = ["a"]\nfigure = "58"\n'


def problems_of(text: str) -> list[str]:
    with pytest.raises(tc.StoryError) as info:
        tc.load_story(text)
    return info.value.problems


def test_a_population_of_zero_on_a_claim_is_located() -> None:
    problems = problems_of(
        'title = "x"\n' + COUNTS + '[[claims]]\nkind = "population_rate"\ncount = "a"\n'
        'figure = "1"\npopulation = 0\n'
    )
    assert problems == ["claims[1].population: must be positive (got 0)"]


def test_a_story_nested_too_deeply_is_a_story_error() -> None:
    depth = 100_000
    problems = problems_of('title = "x"\nx = ' + "[" * depth + "]" * depth + "\n")
    assert problems == ["not valid TOML here: arrays or tables are nested too deeply to read"]


@pytest.mark.parametrize("source", ["\x00", "story\x00.toml"])
def test_a_nul_in_a_file_name_is_a_story_error(source: str) -> None:
    (problem,) = problems_of(source)
    assert problem.startswith("cannot read the file:")


@pytest.mark.parametrize("digits", [5000, 100_000])
def test_a_number_too_long_for_python_is_a_located_problem_naming_the_limit(
    digits: int,
) -> None:
    text = 'title = "x"\n' + COUNTS.replace("58", "9" * digits) + TOTAL
    (problem,) = problems_of(text)
    assert problem.startswith(f"line 3 (a = ...): a number {digits:,} digits long")
    assert f"at most {MAX_NUMBER_LENGTH:,} characters" in problem


def test_a_long_but_readable_number_is_refused_as_a_count() -> None:
    text = 'title = "x"\n' + COUNTS.replace("58", "9" * 400) + TOTAL
    (problem,) = problems_of(text)
    assert problem.startswith("counts.a.count:")
    assert problem.startswith(f"counts.a.count: must be at most {MAX_COUNT:,} (got a number about")


@pytest.mark.parametrize("key", ["title", "source", "url"])
def test_text_fields_are_bounded(key: str) -> None:
    long = "x" * 10_000_000
    text = ('title = "x"\n' if key != "title" else "") + f'{key} = "{long}"\n' + COUNTS + TOTAL
    (problem,) = problems_of(text)
    assert problem.startswith(
        f"{key}: is 10,000,000 characters long; at most {MAX_TEXT_LENGTH:,} are accepted"
    )
    assert len(problem) < 300
    tc.load_story(text.replace(long, "x" * MAX_TEXT_LENGTH))  # the limit itself is fine


def test_claim_text_is_bounded_too() -> None:
    says = "y" * (MAX_TEXT_LENGTH + 1)
    (problem,) = problems_of('title = "x"\n' + COUNTS + TOTAL + f'says = "{says}"\n')
    assert problem.startswith("claims[1].says: is 10,001 characters long")
    (problem,) = problems_of('title = "x"\n' + COUNTS + TOTAL.replace('"58"', f'"{says}"'))
    assert problem.startswith("claims[1].figure: is 10,001 characters long")


def test_messages_show_a_short_form_of_a_huge_or_deep_value() -> None:
    value = "[" * 50 + "1" + "]" * 50
    (problem,) = problems_of(f"title = {value}\n" + COUNTS + TOTAL)
    assert problem.startswith("title: must be text in quotes (got [[[[...]]]])")
    (problem,) = problems_of("title = [" + "1, " * 100_000 + "]\n" + COUNTS + TOTAL)
    assert problem == "title: must be text in quotes (got [1, 1, 1, 1, 1, 1, ...])"


# -- issue 9: messages in the words of the file


@pytest.mark.parametrize(
    ("count", "rounded_to", "message"),
    [
        ('"5,500"', 10000, "rounded_to = 10000 does not fit the figure '5,500'"),
        ('"5.5"', 1, "rounded_to = 1 does not fit the figure '5.5'"),
        ('"5.55"', 0.1, "rounded_to = 0.1 does not fit the figure '5.55'"),
        ('"5.5"', None, "e.g. rounded_to = 1000 for the nearest thousand"),
    ],
)
def test_messages_about_counts_name_the_files_keys(
    count: str, rounded_to: float | None, message: str
) -> None:
    extra = "" if rounded_to is None else f", rounded_to = {rounded_to}"
    text = f'title = "x"\n[counts]\na = {{ period = "2016", count = {count}{extra} }}\n' + TOTAL
    (problem,) = problems_of(text)
    assert message in problem
    assert "places" not in problem
    assert "reported" not in problem


def test_a_population_message_names_the_population() -> None:
    text = 'title = "x"\n[counts]\na = { period = "2016", count = 5, population = "5.5" }\n'
    (problem,) = problems_of(text + TOTAL.replace('"58"', '"5"'))
    assert problem == "counts.a.population: population must be a whole number (got '5.5')"


@pytest.mark.parametrize(
    ("rounded_to", "places"), [(0.1, 1), (0.01, 2), (1e-3, 3), (1, 0), (1000, -3), (1e3, -3)]
)
def test_rounded_to_takes_decimal_powers_of_ten(rounded_to: float, places: int) -> None:
    text = (
        f'title = "x"\n[counts]\na = {{ period = "2016", count = "5.000", '
        f"rounded_to = {rounded_to} }}\n" + TOTAL.replace('"58"', '"5"')
    )
    if places < 0:
        text = text.replace('"5.000"', '"5,000"').replace('"5"', '"5,000"')
    story = tc.load_story(text)
    assert story.counts["a"].count.places == places
    assert story.counts["a"].count.rounded


@pytest.mark.parametrize("rounded_to", [0.2, 50, -10, 0, "10", "nan", "inf", 1e-19, 1e19])
def test_rounded_to_must_be_a_power_of_ten_in_range(rounded_to: object) -> None:
    value = rounded_to if rounded_to in ("nan", "inf") else repr(rounded_to).replace("'", '"')
    text = f'title = "x"\n[counts]\na = {{ period = "2016", count = 5, rounded_to = {value} }}\n'
    (problem,) = problems_of(text + TOTAL)
    assert problem.startswith("counts.a.rounded_to: must be 1, 10, 100, 1000, ... or 0.1, 0.01")


def test_a_bad_count_does_not_also_make_its_claims_name_no_count() -> None:
    text = (
        'title = "x"\n[counts]\na = { period = "2016", count = -5 }\n'
        'b = { period = "2017/18/19", count = 5 }\n'
        '[[claims]]\nkind = "change"\nfrom = "a"\nto = "b"\nfigure = "5%"\n'
        '[[claims]]\nkind = "total"\ncounts = ["a", "b", "c"]\nfigure = "5"\n'
    )
    problems = problems_of(text)
    assert problems[0].startswith("counts.a.count: count must not be negative")
    assert problems[1].startswith("counts.b.period: ")
    assert problems[2:] == ["claims[2].counts: no count is named 'c'; the counts are: none"]


def test_the_story_files_page_states_the_limits_the_loader_uses() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs" / "story-files.rst").read_text("utf-8")
    text = " ".join(page.split())
    assert f"may be up to {MAX_TEXT_LENGTH:,} characters long" in text
    assert f"a number up to {MAX_NUMBER_LENGTH:,} characters" in text
    assert f"a count up to {MAX_COUNT:,}" in text


HOSTILE_TEXT = st.sampled_from(
    [
        "\u001b[2J",
        "<img src=x onerror=alert(1)>",
        "$x^$",
        "\u202e",
        "\x00",
        "| * _ [a](b) `c`",
        "9" * 5000,
        "one every 0 minutes",
        "fewer than 0",
    ]
)


@settings(max_examples=60)
@given(st.sampled_from(SHIPPED), st.data())
def test_stories_with_hostile_text_load_check_and_report_or_give_story_errors(
    example: str, data: st.DataObject
) -> None:
    lines = example.splitlines()
    for _ in range(data.draw(st.integers(1, 3))):
        i = data.draw(st.sampled_from(range(len(lines))))
        if "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            text = data.draw(HOSTILE_TEXT)
            raw = data.draw(st.booleans())
            lines[i] = f"{key}= {text}" if raw else f"{key}= {json.dumps(text)}"
    try:
        story = tc.load_story("\n".join(lines) + "\n")
    except tc.StoryError:
        return
    report = tc.check_story(story)
    for format in ("table", "markdown", "json"):
        out = io.StringIO()
        write_report(report, format, out)
        assert "\x1b" not in out.getvalue()
        assert "<img" not in out.getvalue() or format != "markdown"


BIG = "0x" + "f" * 5000  # 6,020 decimal digits: more than Python writes out


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (f"title = {BIG}", "title: must be text in quotes (got a number about 6,020 digits"),
        (f"title = [1, {BIG}]", "title: must be text in quotes (got [1, a number about 6,020"),
        (
            f'title = "x"\n[counts]\na = {{ period = "2016", count = {BIG} }}',
            "counts.a.count: must be at most 9,223,372,036,854,775,807 (got a number about",
        ),
        (
            f'title = "x"\n[counts]\na = {{ period = "2016", count = 5, rounded_to = {BIG} }}',
            "counts.a.rounded_to: must be 1, 10, 100",
        ),
        (
            f'title = "x"\n[[claims]]\nkind = "total"\ncounts = ["a"]\nfigure = {BIG}',
            "claims[1].figure: must be text",
        ),
        (
            f'title = "x"\n[counts]\na = {{ period = "2016", count = 5 }}\n[[claims]]\n'
            f'kind = "population_rate"\ncount = "a"\nper = {BIG}\nfigure = "5"\npopulation = 9',
            "claims[1].per: must be a whole number from 1 to 9,223,372,036,854,775,807",
        ),
    ],
)
def test_numbers_too_long_to_write_out_are_described_by_their_length(
    text: str, problem: str
) -> None:
    problems = problems_of(text + "\n")
    assert any(p.startswith(problem) for p in problems), problems


def test_a_huge_per_is_refused_in_python_too() -> None:
    with pytest.raises(tc.TrendcalcError, match="per must be at most"):
        tc.check_population_rate(5, 1000, "1", per=10**30)
    with pytest.raises(tc.TrendcalcError, match="per is too long: it has about 5,001 digits"):
        tc.check_population_rate(5, 1000, "1", per=10**5000)


def test_a_count_written_as_very_long_text_is_refused_by_its_length() -> None:
    text = 'title = "x"\n' + COUNTS.replace("58", '"' + "9" * 5000 + '"') + TOTAL
    (problem,) = problems_of(text)
    assert problem == (
        f"counts.a.count: is 5,000 characters long; a number has at most "
        f"{MAX_NUMBER_LENGTH:,} (got '99999999999999999999'...)"
    )
