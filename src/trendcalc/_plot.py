"""Bar charts of counts per period (the ``plot`` extra: matplotlib)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from trendcalc._errors import TrendcalcError
from trendcalc._report import _visible, _wrap

if TYPE_CHECKING:  # pragma: no cover
    from trendcalc._series import CountSeries
    from trendcalc._story import StoryReport

__all__ = ["plot_series", "story_chart", "story_figure"]

_BAR = "#3b6ea8"
_TEXT = "#222222"


def _matplotlib_figure() -> Any:
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise TrendcalcError(
            "charts need matplotlib: install it with pip install 'trendcalc[plot]'"
        ) from None
    return Figure


def plot_series(series: CountSeries, ax: Any = None, *, title: str | None = None) -> Any:
    """Draw a series as a bar chart: one labelled bar per period, and the overall change.

    Parameters
    ----------
    series : CountSeries
        The counts to draw.
    ax : matplotlib.axes.Axes, optional
        Where to draw; a new figure (not attached to pyplot) is made if not given.
    title : str, optional
        The chart title; the change from the first period to the last is put under it.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TrendcalcError
        If matplotlib is not installed (``pip install 'trendcalc[plot]'``).
    """
    if ax is None:
        figure = _matplotlib_figure()(figsize=(max(4.0, 0.9 * len(series) + 2), 4.0))
        ax = figure.subplots()
    labels = [p.label for p in series.periods]
    positions = range(len(labels))
    bars = ax.bar(positions, series.counts, color=_BAR, width=0.65)
    ax.bar_label(bars, labels=[f"{c:,}" for c in series.counts], padding=3, color=_TEXT)
    ax.set_xticks(
        list(positions),
        labels,
        rotation=0 if len(labels) <= 4 else 45,
        ha="center" if len(labels) <= 4 else "right",
    )
    ax.set_ylabel("count")
    if len(labels) == 1:
        ax.set_xlim(-1.5, 1.5)  # keep a lone bar bar-shaped
    ax.set_ylim(0, max(max(series.counts), 1) * 1.18)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    heading = title or ""
    if len(series) >= 2:
        change = series.change().describe(0)
        heading = f"{heading}\n{change}" if heading else change
    if heading:
        lines = ("\n".join(_wrap(_plain(line), width=40)) for line in heading.split("\n"))
        ax.set_title("\n".join(lines), fontsize=10)
    return ax


def _plain(text: str) -> str:
    """Story text for a chart: shown as written, never read as mathematics (``$x$``)."""
    return _visible(text).replace("$", r"\$")


def story_chart(report: StoryReport, path: str | Path) -> Path:
    """Save a PNG with one bar chart per area of a story's counts (see :func:`story_figure`).

    Returns
    -------
    pathlib.Path
        Where the chart was written.
    """
    figure = story_figure(report)
    out = Path(path)
    try:
        figure.savefig(out, format="png", dpi=100)
    except OSError as e:
        raise TrendcalcError(f"cannot write the chart to {str(out)!r}: {e}") from None
    return out


def story_figure(report: StoryReport, figure: Any = None) -> Any:
    """Draw one bar chart per area of a story's counts into ``figure``, and return it.

    Counts of the same area and kind of period are drawn together in period order, with
    the change from the first to the last; a rounded count is drawn at its printed value.
    A new figure (not attached to pyplot) is made if ``figure`` is not given; a given one
    is resized to fit the panels.
    """
    from trendcalc._series import CountSeries

    groups: dict[tuple[str, str], dict[Any, int]] = {}
    for count in report.story.counts.values():
        key = (count.area or "counts", count.period.kind)
        groups.setdefault(key, {})[count.period] = int(count.count.value)
    panels: list[tuple[str, CountSeries]] = []
    for (area, _), values in groups.items():
        ordered = sorted(values)
        try:
            series = CountSeries(ordered, [values[p] for p in ordered])
        except TrendcalcError:
            # not consecutive: draw each period on its own
            for p in ordered:
                panels.append((area, CountSeries([p], [values[p]])))
            continue
        panels.append((area, series))
    if not panels:
        raise TrendcalcError("the story has no counts to chart")
    columns = min(3, len(panels))
    rows = (len(panels) + columns - 1) // columns
    width = max(4.5 * columns, 0.55 * max(len(s) for _, s in panels) + 2)
    size = (width, 3.8 * rows + 0.8)
    if figure is None:
        figure = _matplotlib_figure()(figsize=size, layout="constrained")
    else:
        figure.set_size_inches(*size)
        figure.set_layout_engine("constrained")
    axes = figure.subplots(rows, columns, squeeze=False)
    for ax, (area, series) in zip(axes.flat, panels, strict=False):
        plot_series(series, ax, title=area)
    for ax in list(axes.flat)[len(panels) :]:
        ax.set_visible(False)
    title = "\n".join(_wrap(_plain(report.story.title), width=90))
    figure.suptitle(title, fontsize=12, fontweight="bold")
    return figure
