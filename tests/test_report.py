"""Story reports: text from a story file is shown safely, and long text wraps in linear time."""

from __future__ import annotations

import io
import json
import textwrap
import unicodedata
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.figure import Figure

import trendcalc as tc
from trendcalc._plot import story_chart, story_figure
from trendcalc._report import WIDTH, _wrap, report_markdown, report_table, write_report

HOSTILE = {
    "title": "Clear \u001b[2J<img src=x onerror=alert(1)> *bold* \u202eevil\u0007",
    "source": "- a list? \u009b31m # # 1. <b>x</b>",
    "says": "\u001b]0;pwned\u0007 <script>x</script> [link](http://e.com) `code` | ~~x~~ \\",
}


def hostile_report() -> tc.StoryReport:
    report = tc.check_story(tc.example_story())
    story = attrs.evolve(report.story, title=HOSTILE["title"], source=HOSTILE["source"])
    first = attrs.evolve(report.results[0].claim, says=HOSTILE["says"])
    results = (attrs.evolve(report.results[0], claim=first), *report.results[1:])
    return attrs.evolve(report, story=attrs.evolve(story, claims=()), results=results)


def _unsafe_chars(text: str) -> list[str]:
    return [c for c in text if c != "\n" and unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")]


def test_the_table_shows_control_characters_as_escapes() -> None:
    out = report_table(hostile_report())
    assert _unsafe_chars(out) == []
    assert "Clear \\x1b[2J<img" in out
    assert "\\u202eevil\\x07" in out
    assert "\\x9b31m" in out
    assert "\\x1b]0;pwned\\x07" in out


def test_colour_codes_are_only_trendcalcs_own() -> None:
    out = report_table(hostile_report(), colour=True)
    assert [c for c in _unsafe_chars(out) if c != "\x1b"] == []
    assert out.count("\x1b") == 2 * len(hostile_report().results)


def test_markdown_escapes_html_and_markdown() -> None:
    out = report_markdown(hostile_report())
    assert _unsafe_chars(out) == []
    assert "<" not in out.replace("&lt;", "")
    assert ">" not in out.replace("&gt;", "")
    assert "## Clear \\\\x1b\\[2J&lt;img src=x onerror=alert(1)&gt; \\*bold\\*" in out
    assert "\n\\- a list? \\\\x9b31m # # 1. &lt;b&gt;x&lt;/b&gt;\n" in out
    assert (
        "| 1 | \\\\x1b\\]0;pwned\\\\x07 &lt;script&gt;x&lt;/script&gt; \\[link\\](http://e.com) "
        "\\`code\\` \\| \\~\\~x\\~\\~ \\\\ |" in out
    )


@pytest.mark.parametrize(("source", "line"), [("1. first", "1\\. first"), ("# no", "\\# no")])
def test_a_markdown_source_line_is_never_a_list_or_heading(source: str, line: str) -> None:
    report = hostile_report()
    report = attrs.evolve(report, story=attrs.evolve(report.story, source=source))
    assert f"\n{line}\n" in report_markdown(report)


def test_json_escapes_every_control_character_and_keeps_the_text() -> None:
    out = io.StringIO()
    write_report(hostile_report(), "json", out)
    text = out.getvalue()
    assert _unsafe_chars(text) == []
    assert "\\u001b[2J" in text
    assert "\\u202e" in text
    assert "\\u009b" in text
    doc = json.loads(text)
    assert doc["story"]["title"] == HOSTILE["title"]
    assert doc["story"]["source"] == HOSTILE["source"]
    assert doc["claims"][0]["says"] == HOSTILE["says"]


def test_json_keeps_letters_from_other_scripts() -> None:
    report = hostile_report()
    report = attrs.evolve(report, story=attrs.evolve(report.story, title="Été 😀 Ωμέγα"))
    out = io.StringIO()
    write_report(report, "json", out)
    assert '"title": "Été 😀 Ωμέγα"' in out.getvalue()


words = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cf", "Cs", "Zl", "Zp")) | st.just("-"),
    max_size=3 * WIDTH,
)


@given(st.lists(words, max_size=12), st.sampled_from(["", "    "]))
def test_wrapping_gives_the_lines_textwrap_gives(parts: list[str], indent: str) -> None:
    text = " ".join(parts)
    assert _wrap(text, indent) == textwrap.wrap(
        text, WIDTH, initial_indent=indent, subsequent_indent=indent
    )


def test_a_ten_megabyte_title_wraps_into_full_lines() -> None:
    # textwrap took minutes on this (it copies the rest of a long word for every line)
    report = hostile_report()
    title = "x" * 10_000_000
    out = report_table(attrs.evolve(report, story=attrs.evolve(report.story, title=title)))
    lines = out.splitlines()
    assert lines[: 10_000_000 // WIDTH] == ["x" * WIDTH] * (10_000_000 // WIDTH)


def test_the_chart_shows_story_text_as_written_never_as_mathematics(tmp_path: Path) -> None:
    report = hostile_report()
    count = report.story.counts["lincs_2016"]
    counts = {**report.story.counts, "lincs_2016": attrs.evolve(count, area="$x^$ \u001b[2J")}
    story = attrs.evolve(report.story, title="Cost $\\frac{$ of \u001b[2J crime", counts=counts)
    report = attrs.evolve(report, story=story)
    figure = story_figure(report, Figure())
    assert figure.get_suptitle() == "Cost \\$\\frac{\\$ of \\x1b[2J crime"
    titles = [ax.get_title() for ax in figure.axes if ax.get_visible()]
    assert "\\$x^\\$ \\x1b[2J" in titles
    story_chart(report, tmp_path / "chart.png")  # mathtext would fail on "$x^$" here
    assert (tmp_path / "chart.png").stat().st_size > 0


@given(
    st.lists(st.text(st.sampled_from("x1-_é"), max_size=600), max_size=4),
    st.sampled_from(["", "    "]),
    st.sampled_from([WIDTH, 40, 7]),
)
def test_long_words_with_hyphens_break_where_textwrap_breaks_them(
    parts: list[str], indent: str, width: int
) -> None:
    text = " ".join(parts)
    assert _wrap(text, indent, width) == textwrap.wrap(
        text, width, initial_indent=indent, subsequent_indent=indent
    )
