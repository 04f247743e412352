"""The story chart drawn into a given figure (as the docs do) or a new one (as the CLI does)."""

from __future__ import annotations

from pathlib import Path

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
