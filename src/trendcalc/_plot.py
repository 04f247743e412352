"""Charts of counts per period (the ``plot`` extra: matplotlib).

This module draws from plain values (labels and counts); it imports no other trendcalc
module that could import it back, so the dependency runs one way: ``_series`` and
``_table`` call into ``_plot``, never the reverse.
"""

from __future__ import annotations

import itertools
import textwrap
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trendcalc._changes import change
from trendcalc._errors import TrendcalcError
from trendcalc._report import _visible, _wrap

if TYPE_CHECKING:  # pragma: no cover
    from trendcalc._periods import Period
    from trendcalc._series import CountSeries
    from trendcalc._story import StoryReport

__all__ = ["plot_series", "plot_table", "story_chart", "story_figure"]

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
    return _bars(list(series.periods), list(series.counts), ax, title)


def _bars(periods: list[Period], counts: list[int], ax: Any, title: str | None) -> Any:
    if ax is None:
        figure = _matplotlib_figure()(figsize=(max(4.0, 0.9 * len(counts) + 2), 4.0))
        ax = figure.subplots()
    labels = [p.label for p in periods]
    positions = range(len(labels))
    bars = ax.bar(positions, counts, color=_BAR, width=0.65)
    ax.bar_label(bars, labels=[f"{c:,}" for c in counts], padding=3, color=_TEXT)
    ax.set_xticks(
        list(positions),
        labels,
        rotation=0 if len(labels) <= 4 else 45,
        ha="center" if len(labels) <= 4 else "right",
    )
    ax.set_ylabel("count")
    if len(labels) == 1:
        ax.set_xlim(-1.5, 1.5)  # keep a lone bar bar-shaped
    ax.set_ylim(0, max(max(counts), 1) * 1.18)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    heading = title or ""
    if len(counts) >= 2:
        described = change(counts[0], counts[-1]).describe(0)
        heading = f"{heading}\n{described}" if heading else described
    if heading:
        lines = ("\n".join(_wrap(_plain(line), width=40)) for line in heading.split("\n"))
        ax.set_title("\n".join(lines), fontsize=10)
    return ax


def _plain(text: str) -> str:
    """Story text for a chart: shown as written, never read as mathematics (``$x$``)."""
    return _visible(text).replace("$", r"\$")


#: The chart formats, by the file's suffix.
CHART_FORMATS = ("png", "svg", "pdf")


def chart_format(path: str | Path) -> str:
    """The format a chart file's suffix asks for (``"png"``); refuse any other suffix."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in CHART_FORMATS:
        endings = [f".{f}" for f in CHART_FORMATS]
        raise TrendcalcError(
            f"a chart file must end in {', '.join(endings[:-1])} or {endings[-1]} "
            f"(got {str(path)!r})"
        )
    return suffix


def story_chart(report: StoryReport, path: str | Path) -> Path:
    """Save one bar chart per area and offence of a story's counts, as PNG, SVG or PDF
    by the suffix of ``path``.

    Counts of the same area, offence, unit and kind of period are drawn together in
    period order, with the change from the first to the last; a rounded count is drawn at
    its printed value. Counts of different offences or units never share a panel.

    Returns
    -------
    pathlib.Path
        Where the chart was written.
    """
    out = Path(path)
    suffix = chart_format(out)
    figure = story_figure(report)
    try:
        with warnings.catch_warnings():  # a character the font lacks is drawn as a box
            warnings.filterwarnings("ignore", "Glyph .* missing", UserWarning)
            figure.savefig(out, format=suffix, dpi=100)
    except OSError as e:
        raise TrendcalcError(f"cannot write the chart to {str(out)!r}: {e}") from None
    return out


def story_figure(report: StoryReport, figure: Any = None) -> Any:
    """Draw one bar chart per area and offence of a story's counts into ``figure``, and
    return it.

    Counts of the same area, offence, unit and kind of period are drawn together in
    period order, with the change from the first to the last; a rounded count is drawn at
    its printed value. Counts of different offences or units never share a panel.
    A new figure (not attached to pyplot) is made if ``figure`` is not given; a given one
    is resized to fit the panels.
    """
    # counts of one area, offence, unit and kind of period share a panel; never others
    groups: dict[tuple[str, str, str, str], dict[Period, list[int]]] = {}
    for count in report.story.counts.values():
        key = (count.area, count.offence, count.unit, count.period.kind)
        groups.setdefault(key, {}).setdefault(count.period, []).append(int(count.count.value))
    panels: list[tuple[str, list[Period], list[int]]] = []
    for (area, offence, unit, _), values in groups.items():
        title = ", ".join(part for part in (area, offence) if part) or "counts"
        title += f" ({unit})" if unit else ""  # panels of other units say which
        ordered = sorted(values)
        if all(len(values[p]) == 1 for p in ordered) and all(
            a.next() == b for a, b in itertools.pairwise(ordered)
        ):
            panels.append((title, ordered, [values[p][0] for p in ordered]))
        else:  # not consecutive, or one period counted twice: each count on its own
            panels.extend((title, [p], [c]) for p in ordered for c in values[p])
    if not panels:
        raise TrendcalcError("the story has no counts to chart")
    columns = min(3, len(panels))
    rows = (len(panels) + columns - 1) // columns
    width = max(4.5 * columns, 0.55 * max(len(c) for _, _, c in panels) + 2)
    size = (width, 3.8 * rows + 0.8)
    if figure is None:
        figure = _matplotlib_figure()(figsize=size, layout="constrained")
    else:
        figure.set_size_inches(*size)
        figure.set_layout_engine("constrained")
    axes = figure.subplots(rows, columns, squeeze=False)
    for ax, (area, periods, counts) in zip(axes.flat, panels, strict=False):
        _bars(periods, counts, ax, area)
    for ax in list(axes.flat)[len(panels) :]:
        ax.set_visible(False)
    title = "\n".join(_wrap(_plain(report.story.title), width=90))
    figure.suptitle(title, fontsize=12, fontweight="bold")
    return figure


_LINE_COLOURS = (
    "#3b6ea8",
    "#d9822b",
    "#3c9d5d",
    "#b8423a",
    "#7d5ba6",
    "#8c6d31",
    "#d46aa8",
    "#6b6b6b",
    "#a6a635",
    "#2fa4b5",
)


def plot_table(
    labels: list[str],
    lines: list[tuple[str, list[int | None]]],
    *,
    ax: Any = None,
    kind: str = "line",
    title: str | None = None,
) -> Any:
    """Draw several groups over the periods ``labels``: lines, or grouped bars.

    ``lines`` holds ``(name, counts)`` per group, None for a missing cell (a gap, never
    0). The figure is 9 by 4.5 inches whatever the number of periods: period labels are
    thinned to about a dozen, counts get thousands separators, and a constrained layout
    keeps every label, the legend and the title inside the figure.
    """
    if ax is None:
        figure = _matplotlib_figure()(figsize=(9.0, 4.5), layout="constrained")
        ax = figure.subplots()
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    n = len(labels)
    positions = list(range(n))
    if kind == "bar":
        width = 0.8 / max(len(lines), 1)
        for k, (name, values) in enumerate(lines):
            xs = [i + (k - (len(lines) - 1) / 2) * width for i in positions]
            heights = [0 if v is None else v for v in values]
            bars = ax.bar(
                xs,
                heights,
                width=width * 0.95,
                label=name,
                color=_LINE_COLOURS[k % len(_LINE_COLOURS)],
            )
            for bar, v in zip(bars, values, strict=True):
                if v is None:  # a missing cell: no bar, and say so
                    bar.set_visible(False)
                    ax.annotate(
                        "n/a",
                        (bar.get_x() + bar.get_width() / 2, 0),
                        ha="center",
                        va="bottom",
                        fontsize=7,
                        color=_TEXT,
                    )
    else:
        for k, (name, values) in enumerate(lines):
            ys = [float("nan") if v is None else v for v in values]
            ax.plot(
                positions,
                ys,
                label=name,
                color=_LINE_COLOURS[k % len(_LINE_COLOURS)],
                linewidth=1.6,
                marker="o" if n <= 24 else None,
                markersize=3,
            )
    step = max(1, -(-n // 12))  # about a dozen period labels, however many periods
    shown = positions[::step]
    ax.set_xticks(
        shown,
        [labels[i] for i in shown],
        rotation=30 if n > 6 else 0,
        ha="right" if n > 6 else "center",
        fontsize=8,
    )
    ax.yaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.set_ylabel("count")
    ax.set_ylim(bottom=0)
    ax.margins(x=0.01)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    if len(lines) > 1:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    if title:
        ax.set_title("\n".join(textwrap.wrap(title, 80)), fontsize=10)
    return ax
