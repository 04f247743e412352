"""The story chart drawn into a given figure (as the docs do) or a new one (as the CLI does)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from matplotlib.figure import Figure

import trendcalc as tc
from trendcalc._plot import story_chart, story_figure


def _lincolnshire_panels(figure: Figure) -> list[str]:
    return [ax.get_title().split("\n")[0] for ax in figure.axes if ax.get_visible()]


def test_story_figure_draws_one_panel_per_area_into_the_given_figure() -> None:
    report = tc.check_story(tc.example_story())
    given = Figure()
    drawn = story_figure(report, given)
    assert drawn is given
    areas = {count.area for count in report.story.counts.values()}
    assert sorted(_lincolnshire_panels(drawn)) == sorted(areas)


def test_story_figure_without_a_figure_makes_one_like_the_cli(tmp_path: Path) -> None:
    report = tc.check_story(tc.example_story())
    drawn = story_figure(report)
    path = story_chart(report, tmp_path / "counts.png")
    assert path.read_bytes().startswith(b"\x89PNG")
    assert tuple(drawn.get_size_inches()) == tuple(story_figure(report, Figure()).get_size_inches())


def _story(counts: str, title: str = "Two offences") -> tc.StoryReport:
    return tc.check_story(
        tc.load_story(
            f'title = "{title}"\n{counts}\n'
            '[[claims]]\nkind = "total"\ncounts = ["knife"]\nfigure = "3,400"\n'
        )
    )


def _panels(figure: Figure) -> list[tuple[str, list[str]]]:
    """Each visible panel's title line and its bars' labels."""
    return [
        (ax.get_title().split("\n")[0], [t.get_text() for t in ax.get_xticklabels()])
        for ax in figure.axes
        if ax.get_visible()
    ]


def test_counts_of_different_offences_never_share_a_panel() -> None:
    counts = (
        '[counts.knife]\narea = "Southshire"\noffence = "knife crime"\nperiod = "2015/16"\n'
        "count = 3_400\n"
        '[counts.burglary]\narea = "Southshire"\noffence = "burglary"\nperiod = "2016/17"\n'
        "count = 14_000\n"
    )
    panels = _panels(story_figure(_story(counts), Figure()))
    assert sorted(panels) == [
        ("Southshire, burglary", ["2016/17"]),
        ("Southshire, knife crime", ["2015/16"]),
    ]


def test_one_period_counted_twice_draws_both_counts() -> None:
    counts = (
        '[counts.knife]\narea = "Southshire"\nperiod = "2015/16"\ncount = 3_400\n'
        '[counts.again]\narea = "Southshire"\nperiod = "2015/16"\ncount = 3_500\n'
    )
    figure = story_figure(_story(counts), Figure())
    assert _panels(figure) == [("Southshire", ["2015/16"]), ("Southshire", ["2015/16"])]
    heights = sorted(p.get_height() for ax in figure.axes for p in ax.patches)
    assert heights == [3400, 3500]  # neither count is lost


def test_the_chart_format_follows_the_file_suffix(tmp_path: Path) -> None:
    report = tc.check_story(tc.example_story())
    assert story_chart(report, tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
    assert b"<svg" in story_chart(report, tmp_path / "c.SVG").read_bytes()
    with pytest.raises(tc.TrendcalcError, match=r"must end in \.png, \.svg or \.pdf"):
        story_chart(report, tmp_path / "c.xyz")
    assert not (tmp_path / "c.xyz").exists()


def test_a_character_the_font_lacks_draws_without_a_warning(tmp_path: Path) -> None:
    counts = '[counts.knife]\narea = "Southshire"\nperiod = "2015/16"\ncount = 3_400\n'
    report = _story(counts, title="Knife crime \U0001f52a up")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the command line's stderr holds one line at most
        story_chart(report, tmp_path / "c.png")


def test_panels_of_different_units_say_which() -> None:
    counts = (
        '[counts.knife]\narea = "Kent"\nunit = "offences"\nperiod = "2015/16"\ncount = 3_400\n'
        '[counts.homes]\narea = "Kent"\nunit = "households"\nperiod = "2016/17"\ncount = 900\n'
    )
    titles = sorted(title for title, _ in _panels(story_figure(_story(counts), Figure())))
    assert titles == ["Kent (households)", "Kent (offences)"]
