"""Story reports: the verdicts of :func:`~trendcalc.check_story` as a table, Markdown or JSON.

Used by ``trendcalc check``; a kind of claim may adjust its "computed" cell and add JSON
keys through its registry entry (``computed_cell``, ``json_fields``).
"""

from __future__ import annotations

import json
import os
import textwrap
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal, TextIO

from trendcalc import __version__
from trendcalc._claims import Verdict
from trendcalc._claims.registry import KINDS
from trendcalc._claims.verdict import computed_text
from trendcalc._errors import TrendcalcError
from trendcalc._figures import parse_figure
from trendcalc._rounding import Interval, format_exact
from trendcalc._story import ClaimResult, StoryReport

__all__ = [
    "JSON_FORMAT_VERSION",
    "WIDTH",
    "report_json",
    "report_markdown",
    "report_table",
    "write_chart",
    "write_report",
]

JSON_FORMAT_VERSION = 1
WIDTH = 80


def write_report(
    report: StoryReport, format: Literal["table", "markdown", "json"], out: TextIO
) -> None:
    """Write ``report`` to ``out`` as ``trendcalc check --format`` asks.

    The table is coloured when ``out`` is a terminal and ``NO_COLOR`` is not set.
    """
    if format == "json":
        json.dump(report_json(report), out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif format == "markdown":
        out.write(report_markdown(report))
    else:
        colour = out.isatty() and "NO_COLOR" not in os.environ
        out.write(report_table(report, colour=colour))


def write_chart(report: StoryReport, path: str | Path) -> Path:
    """Draw the counts of ``report`` as a bar chart (the ``plot`` extra); return the file."""
    from trendcalc._plot import story_chart

    return story_chart(report, path)


def _computed_cell(result: ClaimResult) -> str:
    v = result.verdict
    kind = KINDS.get(result.claim.kind)
    if kind is not None and kind.computed_cell is not None:
        return kind.computed_cell(result)
    if v is None or v.computed is None:
        return "-"
    # the precision of the explanation: two more decimals than the published figure
    try:
        places = max(parse_figure(v.reported).places, 0)
    except TrendcalcError:
        places = 0
    if isinstance(v.computed, Interval):
        text = computed_text(v.computed, places, "").removeprefix("between ")
        return f"{text.replace(' and ', ' to ')}{_short_unit(v)}"
    return f"{computed_text(Fraction(v.computed), places, '')}{_short_unit(v)}"


def _short_unit(v: Verdict) -> str:
    unit = v.unit
    if unit.startswith(" per "):
        return "/" + unit.removeprefix(" per ")
    if unit.startswith((" a ", " an ")):
        return "/" + unit.split()[-1]
    return unit


_STATUS_COLOURS = {"holds": "32", "does not hold": "31;1", "unchecked": "33"}


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def report_table(report: StoryReport, *, colour: bool = False) -> str:
    """The verdicts as a table for an 80-column terminal (see ``trendcalc check``)."""
    lines = [*textwrap.wrap(report.story.title, WIDTH)]
    if report.story.source:
        lines += textwrap.wrap(report.story.source, WIDTH)
    lines.append(f"Rounding judged as {report.mode}.")
    lines.append("")
    widths = (3, 30, 10, 16, 13)
    header = ("#", "claim", "published", "computed", "verdict")
    lines.append(" ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    lines.append(" ".join("-" * w for w in widths))
    for r in report.results:
        c = r.claim
        cells = (str(c.number), c.says or c.kind, c.figure, _computed_cell(r), r.status)
        row = [_fit(cell, w).ljust(w) for cell, w in zip(cells, widths, strict=True)]
        if colour:
            code = _STATUS_COLOURS[r.status]
            row[-1] = f"\033[{code}m{row[-1].rstrip()}\033[0m"
        lines.append(" ".join(row).rstrip())
        lines += textwrap.wrap(
            r.explanation, WIDTH, initial_indent="    ", subsequent_indent="    "
        )
    lines += ["", _summary_sentence(report) + "."]
    return "\n".join(lines) + "\n"


def _summary(report: StoryReport) -> dict[str, int]:
    counts = {"holds": 0, "does not hold": 0, "unchecked": 0}
    for r in report.results:
        counts[r.status] += 1
    return counts


def _summary_sentence(report: StoryReport) -> str:
    counts = _summary(report)
    claims = "claim" if len(report.results) == 1 else "claims"
    return (
        f"Of {len(report.results)} {claims}: {counts['holds']} "
        f"{'holds' if counts['holds'] == 1 else 'hold'}, {counts['does not hold']} "
        f"{'does' if counts['does not hold'] == 1 else 'do'} not, {counts['unchecked']} "
        "cannot be checked"
    )


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def report_markdown(report: StoryReport) -> str:
    """The verdicts as a Markdown table (see ``trendcalc check --format markdown``)."""
    lines = [f"## {_md(report.story.title)}", ""]
    if report.story.source:
        lines += [_md(report.story.source), ""]
    lines += [
        "| # | claim | published | computed | verdict | explanation |",
        "|---|---|---|---|---|---|",
    ]
    for r in report.results:
        c = r.claim
        lines.append(
            f"| {c.number} | {_md(c.says or c.kind)} | {_md(c.figure)} | {_md(_computed_cell(r))} "
            f"| {r.status} | {_md(r.explanation)} |"
        )
    lines += ["", f"{_summary_sentence(report)} (rounding judged as {report.mode})."]
    return "\n".join(lines) + "\n"


def _interval_json(interval: Interval) -> dict[str, Any]:
    return {
        "lower": None if interval.lower is None else format_exact(interval.lower),
        "upper": None if interval.upper is None else format_exact(interval.upper),
        "lower_closed": interval.lower_closed,
        "upper_closed": interval.upper_closed,
    }


def _value_json(value: object) -> Any:
    if value is None:
        return None
    if isinstance(value, Interval):
        return _interval_json(value)
    if isinstance(value, tuple):
        return [str(v) for v in value]
    if isinstance(value, int | Fraction):
        return format_exact(Fraction(value))
    return str(value)


def report_json(report: StoryReport) -> dict[str, Any]:
    """The verdicts as the stable JSON document of ``trendcalc check --format json``."""
    claims = []
    for r in report.results:
        c, v = r.claim, r.verdict
        claims.append(
            {
                "number": c.number,
                "kind": c.kind,
                "says": c.says,
                "figure": c.figure,
                "qualifier": c.qualifier,
                "mode": v.mode if v is not None else (c.mode or report.mode),
                "status": r.status,
                "consistent": None if v is None else v.consistent,
                "holds_under": None if v is None else list(v.holds_under),
                "computed": None if v is None else _value_json(v.computed),
                "computed_rounded": None if v is None else _value_json(v.computed_rounded),
                "unit": None if v is None else v.unit.strip(),
                "accepted": None if v is None else _interval_json(v.accepted),
                "implied": None
                if r.implied is None
                else {
                    "first": r.implied.start if r.implied else None,
                    "last": r.implied[-1] if r.implied else None,
                },
                "explanation": r.explanation,
            }
        )
        kind = KINDS.get(c.kind)
        if kind is not None and kind.readings:  # kinds judged by a reading say which
            claims[-1]["reading"] = v.reading if v is not None else report.reading
            claims[-1]["holds_readings"] = None if v is None else list(v.holds_readings)
        if kind is not None and kind.json_fields is not None:
            claims[-1].update(kind.json_fields(r))
    counts = _summary(report)
    return {
        "format": JSON_FORMAT_VERSION,
        "trendcalc": __version__,
        "story": {
            "title": report.story.title,
            "source": report.story.source,
            "url": report.story.url,
        },
        "mode": report.mode,
        "reading": report.reading,
        "summary": {
            "claims": len(report.results),
            "hold": counts["holds"],
            "do_not_hold": counts["does not hold"],
            "unchecked": counts["unchecked"],
        },
        "claims": claims,
    }
