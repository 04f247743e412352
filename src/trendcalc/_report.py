"""Story reports: the verdicts of :func:`~trendcalc.check_story` as a table, Markdown or JSON.

Used by ``trendcalc check``; a kind of claim may adjust its "computed" cell and add JSON
keys through its registry entry (``computed_cell``, ``json_fields``).
"""

from __future__ import annotations

import json
import os
import re
import textwrap
import unicodedata
from collections.abc import Callable
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
        out.write(_json_text(report_json(report)) + "\n")
    elif format == "markdown":
        out.write(report_markdown(report))
    else:
        colour = out.isatty() and "NO_COLOR" not in os.environ
        out.write(report_table(report, colour=colour))


def _json_text(document: object) -> str:
    """JSON with letters as they are but every control or invisible format character
    escaped (``json`` escapes only U+0000 to U+001F when ``ensure_ascii`` is off)."""
    # such characters stand only inside strings: JSON syntax is ASCII
    text = json.dumps(document, indent=2, ensure_ascii=False)
    return _NOT_ASCII.sub(lambda m: m[0].translate(_JSON_SAFE), text)


def _unsafe(char: str) -> bool:
    return _CONTROLS.match(char) is not None or unicodedata.category(char) == "Cf"


class _Table(dict[int, str]):
    """A ``str.translate`` table worked out for each character the first time it is met
    (``str.translate`` runs in C; looking every character up in Python is far slower)."""

    def __init__(self, replace: Callable[[str], str | None]) -> None:
        super().__init__()
        self.replace = replace

    def __missing__(self, code: int) -> str:
        char = chr(code)
        shown = self.replace(char)
        self[code] = char if shown is None else shown
        return self[code]


_NOT_ASCII = re.compile(r"[^\x00-\x7e]+")  # json escapes U+0000 to U+001F itself
# ensure_ascii's escape: \uXXXX, a pair of them beyond U+FFFF
_JSON_SAFE = _Table(lambda c: json.dumps(c)[1:-1] if _unsafe(c) else None)


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


# characters a terminal or a browser may act on rather than show: C0 and C1 controls,
# invisible format characters (bidirectional overrides), line separators and surrogates
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufff9-\ufffb]")
_OTHER = re.compile(r"[^\x20-\x7e]+")  # only these need a closer look
_LAYOUT = re.compile(r"[\t\n\r\x0b\x0c]")


def _escape_char(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _visible(text: str) -> str:
    """Story text made safe for a terminal: line breaks and tabs become spaces, and every
    other control or invisible format character is shown as an escape (``\\x1b``)."""
    return _OTHER.sub(lambda m: m[0].translate(_VISIBLE), text)


def _visible_char(char: str) -> str | None:
    if _LAYOUT.match(char):
        return " "
    return _escape_char(char) if _unsafe(char) else None


_VISIBLE = _Table(_visible_char)


class _Piece(str):
    """A piece of a word too long for a line; ``more`` when the word goes on after it."""

    more: bool


def _piece(text: str, more: bool) -> _Piece:
    piece = _Piece(text)
    piece.more = more
    return piece


class _LinearWrapper(textwrap.TextWrapper):
    """``textwrap.TextWrapper`` in linear time, giving the same lines.

    ``textwrap`` copies the rest of a word too long for a line once for every line it
    fills, which is quadratic. Here such a word is cut into pieces first, and the piece
    being broken is joined with the next ones only until it is longer than two lines, so
    each line costs a bounded copy; ``textwrap`` looks no further than one line ahead,
    so it breaks the lines where it would have.
    """

    def _split_chunks(self, text: str) -> list[str]:
        chunks = super()._split_chunks(text)
        size = 2 * self.width + 1
        if all(len(c) <= size for c in chunks):
            return chunks
        out: list[str] = []
        for chunk in chunks:
            if len(chunk) <= size:
                out.append(chunk)
                continue
            starts = range(0, len(chunk), size)
            out += [_piece(chunk[i : i + size], i + size < len(chunk)) for i in starts]
        return out

    def _handle_long_word(
        self, reversed_chunks: list[str], cur_line: list[str], cur_len: int, width: int
    ) -> None:
        self._join(reversed_chunks)
        rest = reversed_chunks[-1]
        super()._handle_long_word(reversed_chunks, cur_line, cur_len, width)
        if isinstance(rest, _Piece) and reversed_chunks and reversed_chunks[-1] is not rest:
            reversed_chunks[-1] = _piece(reversed_chunks[-1], rest.more)
            self._join(reversed_chunks)

    def _join(self, reversed_chunks: list[str]) -> None:
        """Join the piece at hand with the next ones until it is longer than two lines."""
        while (
            isinstance(top := reversed_chunks[-1], _Piece)
            and top.more
            and len(top) <= 2 * self.width + 1
        ):
            after = reversed_chunks.pop(-2)
            assert isinstance(after, _Piece)
            reversed_chunks[-1] = _piece(top + after, after.more)


def _wrap(text: str, indent: str = "", width: int = WIDTH) -> list[str]:
    """``textwrap.wrap(text, width)`` with ``indent``, in time linear in ``text``."""
    return _LinearWrapper(width, initial_indent=indent, subsequent_indent=indent).wrap(text)


def report_table(report: StoryReport, *, colour: bool = False) -> str:
    """The verdicts as a table for an 80-column terminal (see ``trendcalc check``)."""
    lines = _wrap(_visible(report.story.title))
    if report.story.source:
        lines += _wrap(_visible(report.story.source))
    lines.append(f"Rounding judged as {report.mode}.")
    lines.append("")
    widths = (3, 30, 10, 16, 13)
    header = ("#", "claim", "published", "computed", "verdict")
    lines.append(" ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip())
    lines.append(" ".join("-" * w for w in widths))
    for r in report.results:
        c = r.claim
        cells = (str(c.number), c.says or c.kind, c.figure, _computed_cell(r), r.status)
        row = [_fit(_visible(cell), w).ljust(w) for cell, w in zip(cells, widths, strict=True)]
        if colour:
            code = _STATUS_COLOURS[r.status]
            row[-1] = f"\033[{code}m{row[-1].rstrip()}\033[0m"
        lines.append(" ".join(row).rstrip())
        lines += _wrap(_visible(r.explanation), "    ")
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


_MD_ACTIVE = re.compile(r"([\\`*_\[\]|~])")  # inline markup; cells hold no blocks
_MD_BLOCK = re.compile(r"(?:[#+=-]|\d+(?=[.)]))")  # what starts a heading or list
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _markdown_char(char: str) -> str | None:
    shown = _visible_char(char)
    if shown is not None:
        return _MD_ACTIVE.sub(r"\\\1", shown)  # the backslash of \x1b is escaped too
    return _HTML.get(char) or (f"\\{char}" if _MD_ACTIVE.match(char) else None)


_MARKDOWN = _Table(_markdown_char)


def _md(text: str) -> str:
    """Story text for a Markdown table cell or line: controls shown as escapes, HTML
    escaped as entities, and every character Markdown acts on escaped with a backslash."""
    return text.translate(_MARKDOWN).strip()


def _md_line(text: str) -> str:
    """Story text as a Markdown paragraph of its own: as :func:`_md`, and not read as a
    heading or a list."""
    text = _md(text)
    match = _MD_BLOCK.match(text)
    if match is None:
        return text
    if match[0].isdigit():  # "1. ..." : escape the point
        return f"{match[0]}\\{text[match.end() :]}"
    return f"\\{text}"


def report_markdown(report: StoryReport) -> str:
    """The verdicts as a Markdown table (see ``trendcalc check --format markdown``)."""
    lines = [f"## {_md(report.story.title)}", ""]
    if report.story.source:
        lines += [_md_line(report.story.source), ""]
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
