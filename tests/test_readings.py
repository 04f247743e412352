"""Readings (strict, editorial) in stories and the command line; unchecked changes."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from tests.test_cli import example, run
from trendcalc._claims.qualifiers import editorial_interval, qualified_interval, round_places

ROOT = Path(__file__).resolve().parent.parent
WESTSHIRE = ROOT / "examples" / "westshire-knives.toml"


def test_the_westshire_example_in_both_readings() -> None:
    story = tc.load_story(WESTSHIRE)
    assert story.reading == "strict"
    strict = [r.status for r in tc.check_story(story).results]
    assert strict == [
        "holds", "does not hold", "holds", "holds", "holds", "does not hold", "holds",
    ]  # fmt: skip
    # the claim with its own reading keeps it; the others are read editorially
    editorial = tc.check_story(story, reading="editorial")
    assert editorial.reading == "editorial"
    assert [r.status for r in editorial.results] == strict


def test_the_repository_examples_folder_links_to_the_westshire_story() -> None:
    assert WESTSHIRE.read_text("utf-8") == (
        ROOT / "src" / "trendcalc" / "examples" / "westshire-knives.toml"
    ).read_text("utf-8")


def test_a_bad_reading_is_a_story_problem() -> None:
    with pytest.raises(tc.StoryError, match="reading: must be one of 'strict', 'editorial'"):
        tc.load_story('title = "t"\nreading = "loose"\n[[claims]]\nkind = "total"\n')


def test_a_reading_key_on_a_kind_that_ignores_readings_is_unknown() -> None:
    with pytest.raises(tc.StoryError, match=r"claims\[1\].reading: unknown key"):
        tc.load_story(
            'title = "t"\n[counts]\na = { period = "2016", count = 1 }\n'
            '[[claims]]\nkind = "total"\ncounts = ["a"]\nfigure = "1"\nreading = "strict"\n'
        )


def test_check_story_refuses_an_unknown_reading() -> None:
    with pytest.raises(tc.TrendcalcError, match="reading must be one of"):
        tc.check_story(tc.example_story(), reading="loose")  # type: ignore[arg-type]


def test_the_command_line_reading_option_and_json_keys() -> None:
    strict = json.loads(run("check", str(WESTSHIRE), "--format", "json").stdout)
    editorial = json.loads(
        run("check", str(WESTSHIRE), "--format", "json", "--reading", "editorial").stdout
    )
    assert strict["reading"] == "strict"
    assert editorial["reading"] == "editorial"
    assert strict["claims"][2]["reading"] == "editorial"  # the claim's own reading
    assert strict["claims"][0]["holds_readings"] == ["strict", "editorial"]
    assert (
        "reading"
        not in json.loads(run("check", "--example", "--format", "json").stdout)["claims"][0]
    )
    assert run("check", example("lincolnshire-2017.toml"), "--reading", "bad").returncode == 2


def test_a_change_to_a_rounded_later_count_gives_the_earlier_counts_it_allows() -> None:
    story = tc.load_story(
        """
title = "t"
[counts]
later = { area = "Kent", period = "2016/17", count = "34,700", rounded_to = 100 }
[[claims]]
kind = "change"
from = "unknown"
to = "later"
figure = "13%"
"""
    )
    result = tc.check_story(story).results[0]
    assert result.status == "unchecked"
    # brute force: every earlier count b with some later a in [34,650, 34,749] and
    # 100 (a - b) / b rounding half up to 13
    fits = [
        b
        for b in range(30_000, 31_500)
        if any(
            Fraction(25, 2) <= Fraction(100 * (a - b), b) < Fraction(27, 2)
            for a in (34_650, 34_749)
        )
    ]
    assert result.implied == range(fits[0], fits[-1] + 1)


def test_a_change_with_no_counts_says_what_counts_would_make_it_hold() -> None:
    story = tc.load_story(
        """
title = "t"
[[claims]]
says = "West Midlands up 13%"
kind = "change"
from = "unknown"
to = "unknown"
figure = "13%"
"""
    )
    result = tc.check_story(story).results[0]
    assert result.status == "unchecked"
    assert "at least 1.125 and below 1.135" in result.explanation
    assert "for every 1,000 earlier offences, 1,125 to 1,134 later" in result.explanation


@given(st.integers(1, 10**9))
def test_round_places_are_exactly_the_trailing_zeros(n: int) -> None:
    zeros = len(str(n)) - len(str(n).rstrip("0"))
    assert round_places(Fraction(n), 0) == tuple(range(-1, -zeros - 1, -1))


@given(
    st.fractions(min_value=-1000, max_value=1000),
    st.integers(-2, 3),
    st.sampled_from(["exact", "about", "around", "almost", "nearly", "more than", "up to"]),
)
def test_the_editorial_reading_contains_the_strict_one(
    value: Fraction, places: int, qualifier: str
) -> None:
    strict = qualified_interval(value, places, qualifier, "half_up")  # type: ignore[arg-type]
    wide = editorial_interval(value, strict, qualifier)  # type: ignore[arg-type]
    for end in (strict.lower, strict.upper):
        if end is None:
            continue
        # every end the strict reading includes, the editorial one includes too
        if strict.contains(end):
            assert wide.contains(end)
    if qualifier in ("almost", "nearly") and value > 0:
        assert not wide.contains(value)  # never past the figure
        assert wide.contains(value * Fraction(9, 10))


def test_a_count_with_a_qualifier_is_an_input_with_its_interval() -> None:
    v = tc.check_change("almost five million", "5.2 million", "10%")
    # "almost five million" is 4,000,000 up to 4,999,999 (five million to the nearest
    # million, less than one unit short): parse_qualified_count's reading
    allowed = tc.parse_qualified_count("almost five million").counts()
    assert isinstance(v.computed, tc.Interval)
    assert v.computed.upper == Fraction(100 * 5_249_999, allowed.start) - 100
    assert v.consistent
    with pytest.raises(tc.TrendcalcError, match="no upper limit"):
        tc.check_total(["more than 1.1 million"], "2 million")


def test_a_story_count_with_a_qualifier_keeps_it() -> None:
    story = tc.load_story(
        """
title = "t"
[counts]
a = { period = "2019", count = "almost five million" }
b = { period = "2020", count = "5,100,000" }
[[claims]]
kind = "change"
from = "a"
to = "b"
figure = "2%"
"""
    )
    assert story.counts["a"].count.text == "almost five million"
    result = tc.check_story(story).results[0]
    assert result.status == "holds"
    assert "almost five million (4,000,000 to 4,999,999)" in result.explanation
