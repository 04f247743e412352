"""Story files: [series.NAME] and [table.NAME] blocks, and the rank, record and streak claims
that use them."""

from __future__ import annotations

import contextlib
from fractions import Fraction
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from trendcalc._report import report_json, report_markdown

EXAMPLE = resources.files("trendcalc").joinpath("examples/westmarch-knife-crime.toml")
EXAMPLE_TEXT = EXAMPLE.read_text("utf-8")


def _problems(text: str) -> list[str]:
    with pytest.raises(tc.StoryError) as info:
        tc.load_story(text)
    return info.value.problems


def test_the_shipped_example_gives_the_expected_verdicts() -> None:
    report = tc.check_story(tc.load_story(Path(str(EXAMPLE))))
    assert [r.status for r in report.results] == [
        "holds", "does not hold", "holds", "holds", "holds", "holds",
    ]  # fmt: skip
    record, began, second, rise, rate, streak = report.results
    assert record.verdict is not None
    assert record.verdict.computed == 7
    assert "highest since 2010/11 (1,020)" in began.explanation
    assert "ahead of it: Eastport (1,530)" in second.explanation
    assert "Fenland (+92)" in rise.explanation
    assert "Fenland (1.75 per 1,000)" in rate.explanation
    assert "a streak of 4" in streak.explanation


def test_the_repository_examples_folder_links_to_the_new_example() -> None:
    root = Path(__file__).resolve().parent.parent / "examples"
    assert (root / "westmarch-knife-crime.toml").read_text("utf-8") == EXAMPLE_TEXT


def test_series_and_table_blocks_are_read() -> None:
    story = tc.load_story(EXAMPLE_TEXT)
    knives = story.series["westmarch_knives"]
    assert [p.label for p in knives.periods][:2] == ["2010/11", "2011/12"]
    assert knives.counts[0] is not None
    assert knives.counts[0].value == 1020
    assert knives.label == "Westmarch knife crime"
    table = story.tables["forces"]
    assert table.groups[:2] == ("Eastport", "Westmarch")
    assert table.noun == "forces"
    column = table.column("2017/18")
    assert column["Fenland"] is not None
    assert column["Fenland"].value == 702
    assert table.populations["Dalesford"].value == 512_300


def test_series_periods_are_sorted_and_gaps_are_missing() -> None:
    story = tc.load_story(
        'title = "t"\n[series.s]\ncounts = { "2017/18" = 3, "2015/16" = "1,000", '
        '"2016/17" = "missing", "2019/20" = "2.5m" }\n'
        '[[claims]]\nkind = "streak"\nseries = "s"\nfigure = "rose for the first year"\n'
    )
    assert story.series["s"].as_dict() == {
        "2015/16": "1,000", "2016/17": None, "2017/18": "3", "2018/19": None, "2019/20": "2.5m",
    }  # fmt: skip
    result = tc.check_story(story).results[0]
    assert result.status == "unchecked"
    assert result.explanation == (
        # 2018/19 below 3, or from 3 to 2.5m; 2016/17 then below 3 or not
        "Cannot check 'rose for the first year': the streak of rises in s to 2019/20 can be "
        "0, 1, 2 or 3 years, as 2016/17 and 2018/19 are missing."
    )


def test_a_rounded_to_applies_to_every_count_of_a_series() -> None:
    story = tc.load_story(
        'title = "t"\n[series.s]\nrounded_to = 1000\ncounts = { "2015/16" = "391,000" }\n'
        '[[claims]]\nkind = "record"\nseries = "s"\nfigure = "the highest on record"\n'
    )
    figure = story.series["s"].counts[0]
    assert figure is not None
    assert figure.counts() == range(390_500, 391_500)


BAD_BLOCKS = """
title = "Bad blocks"
[series.a]
counts = { "2016/18" = 5, "2017/18" = -3 }
colour = "red"
[series.b]
counts = { "2016/17" = 5, "2017" = 6 }
[series.c]
area = 5
[table.t]
period = "2016/17"
periods = ["2016/17"]
counts = { Kent = 5 }
[table.u]
periods = ["2016/17", "2017/18"]
counts = { Kent = [5], Essex = [1, "42, 265"] }
populations = { Surrey = 100, Essex = 0 }
[[claims]]
kind = "rank"
table = "nowhere"
group = "Kent"
figure = "the highest"
[[claims]]
kind = "streak"
series = "c"
figure = "rose"
"""


def test_block_problems_are_located() -> None:
    problems = _problems(BAD_BLOCKS)
    expected = [
        'series.a.counts."2016/18": unknown period',
        'series.a.counts."2017/18": count must not be negative',
        "series.a.colour: unknown key",
        "series.b.counts: periods must all be of one kind",
        "series.c.area: must be text in quotes (got 5)",
        "series.c.counts: missing or empty",
        "table.t: give either period",
        'table.u.counts."Kent": must be a list of 2 counts',
        'table.u.counts."Essex"[2]: figure must be a number as printed',
        "table.u.populations.\"Surrey\": no group 'Surrey' in counts",
        'table.u.populations."Essex": must be positive',
        "claims[1].table: must name a [table.NAME] block of the story (got 'nowhere'); the tables are: none",
        "claims[2].series: must name a [series.NAME] block",
    ]
    for start in expected:
        assert any(p.startswith(start) for p in problems), (start, problems)


def test_claim_fields_are_checked_when_loading() -> None:
    problems = _problems(
        EXAMPLE_TEXT
        + '\n[[claims]]\nkind = "rank"\ntable = "forces"\ngroup = "Wessex"\nfigure = "the highest"\n'
        + '\n[[claims]]\nkind = "rank"\ntable = "forces"\ngroup = "Fenland"\nfigure = "near the top"\n'
        + '\n[[claims]]\nkind = "record"\nseries = "westmarch_knives"\nfigure = "a high"\n'
        + '\n[[claims]]\nkind = "streak"\nseries = "westmarch_knives"\nfigure = "a 3rd year"\n'
        + '\n[[claims]]\nkind = "rank"\ntable = "forces"\ngroup = "Fenland"\nfigure = "the highest"\nqualifier = "about"\n'
        + '\n[[claims]]\nkind = "streak"\nseries = "westmarch_knives"\nperiod = "2030/31"\nfigure = "rose for the 2nd year"\n'
    )
    assert problems[0].startswith("claims[7].group: must be one of the groups of table 'forces'")
    assert problems[1].startswith("claims[8].figure: claim 'near the top' is not a rank")
    assert problems[2].startswith("claims[9].figure: claim 'a high' is not a record")
    assert problems[3].startswith("claims[10].figure: say whether the series rose or fell")
    assert problems[4] == "claims[11].qualifier: a rank claim takes no qualifier (got 'about')"
    assert problems[5].startswith("claims[12].period: '2030/31' is not in the series")


def test_a_missing_figure_names_the_kind_of_words_wanted() -> None:
    problems = _problems('title = "t"\n[[claims]]\nkind = "rank"\n')
    assert (
        'claims[1].figure: missing; give the published figure as the words, e.g. "second highest"'
        in problems
    )


def test_rank_with_a_missing_count_is_unchecked_not_zero() -> None:
    story = tc.load_story(
        'title = "t"\n[table.t]\nperiod = "2022/23"\ncounts = { A = 5, B = "missing", C = 1 }\n'
        '[[claims]]\nkind = "rank"\ntable = "t"\ngroup = "C"\nfigure = "the lowest"\n'
    )
    result = tc.check_story(story).results[0]
    assert result.status == "unchecked"
    assert result.explanation == "Cannot check 'the lowest': C is 1; B is missing."


def test_rank_by_change_uses_the_period_before_unless_told() -> None:
    table = '[table.t]\nperiods = ["2020/21", "2021/22", "2022/23"]\ncounts = { A = [1, 9, 10], B = [5, 5, 11] }\n'
    claim = '[[claims]]\nkind = "rank"\ntable = "t"\ngroup = "%s"\nfigure = "the biggest rise"\n%s'
    story = tc.load_story(
        'title = "t"\n' + table + claim % ("B", "") + claim % ("A", 'compared_with = "2020/21"\n')
    )
    first, second = tc.check_story(story).results
    assert (first.status, first.claim.options["compared_with"]) == ("holds", "2021/22")
    assert (second.status, second.claim.options["compared_with"]) == ("holds", "2020/21")
    assert "A (+9)" in second.explanation


def test_the_report_and_json_show_the_standing() -> None:
    report = tc.check_story(tc.load_story(EXAMPLE_TEXT))
    markdown = report_markdown(report)
    assert "| 2nd |" in markdown
    assert "| 4 running |" in markdown
    claims = report_json(report)["claims"]
    assert claims[2]["kind"] == "rank"
    assert claims[2]["computed"] == "2"
    assert claims[2]["accepted"]["lower"] == "2"
    assert claims[5]["holds_under"] == list(
        tc.check_story(report.story).results[5].verdict.holds_under
    )  # type: ignore[union-attr]


def test_the_cli_checks_the_example(capsys: pytest.CaptureFixture[str]) -> None:
    from trendcalc._cli import main

    assert main(["check", str(EXAMPLE), "--format", "json"]) == 1
    assert '"kind": "streak"' in capsys.readouterr().out


def test_rates_in_a_table_are_exact() -> None:
    story = tc.load_story(EXAMPLE_TEXT)
    table = story.tables["forces"]
    column = table.column("2017/18")
    rates = {
        g: Fraction(f.value) / table.populations[g].value
        for g, f in column.items()
        if f is not None
    }
    ordered = sorted(rates, key=rates.__getitem__, reverse=True)
    assert ordered.index("Northshire") + 1 == 2


values = st.one_of(
    st.integers(-5, 10**6),
    st.text(max_size=8),
    st.just("missing"),
    st.lists(st.integers(0, 9), max_size=3),
)


@given(st.data())
def test_the_loader_raises_only_story_errors_on_mutated_blocks(data: st.DataObject) -> None:
    lines = EXAMPLE_TEXT.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.sampled_from(range(len(lines))))
        action = data.draw(st.sampled_from(["delete", "value", "raw"]))
        if action == "delete":
            del lines[i]
        elif action == "value" and "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            value = data.draw(values)
            lines[i] = (
                f"{key}= {value!r}".replace("'", '"')
                if not isinstance(value, list)
                else f"{key}= {value}"
            )
        else:
            lines[i] = data.draw(st.text(max_size=20))
        if not lines:
            break
    story = None
    with contextlib.suppress(tc.TrendcalcError):
        story = tc.load_story("\n".join(lines) + "\n")
    if story is not None:
        tc.check_story(story)  # a story that loads can always be checked


def test_the_report_says_joint_for_a_tie_even_with_of_in_the_name() -> None:
    story = tc.load_story(
        'title = "t"\n[table.t]\nperiod = "2022/23"\ncounts = { "City of London" = 5, Kent = 5, Met = 9 }\n'
        '[[claims]]\nkind = "rank"\ntable = "t"\ngroup = "City of London"\nfigure = "second highest"\n'
    )
    assert "| joint 2nd |" in report_markdown(tc.check_story(story))
