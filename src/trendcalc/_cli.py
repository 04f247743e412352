"""The ``trendcalc`` command: check a story's figures, and small everyday calculators."""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from collections.abc import Sequence
from fractions import Fraction
from typing import Any, TextIO

from trendcalc import __version__
from trendcalc._changes import change
from trendcalc._claims import Verdict
from trendcalc._errors import TrendcalcError
from trendcalc._periods import parse_period
from trendcalc._rates import daily_rate, population_rate
from trendcalc._rounding import Interval, format_exact, round_fraction, unround
from trendcalc._story import (
    ClaimResult,
    StoryReport,
    check_story,
    example_story,
    load_story,
)
from trendcalc._validate import MODES

__all__ = ["main"]

JSON_FORMAT_VERSION = 1
WIDTH = 80

_MAIN_HELP = """\
Exact offence-trend arithmetic: check a story's figures, or work one out.

examples:
  trendcalc check --example                 check the built-in Lincolnshire story
  trendcalc check story.toml --format json  check your own story file
  trendcalc change 112 58                   the change from 112 to 58
  trendcalc rate 3903 --period 2016/17      offences a day over a period
  trendcalc period "year ending March 2023" the days a period covers
  trendcalc unround 44%                     the true values "44%" can stand for
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trendcalc",
        description=_MAIN_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"trendcalc {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    check = commands.add_parser(
        "check",
        help="check every claim of a story file",
        description="Check every claim of a story file (TOML) and say which hold.",
        epilog=textwrap.dedent("""\
            exit status: 0 when every claim holds (or cannot be checked), 1 when any
            does not hold, 2 on bad input.

            examples:
              trendcalc check --example
              trendcalc check story.toml --format markdown --mode down
              trendcalc check story.toml --chart counts.png
            """),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    source = check.add_mutually_exclusive_group(required=True)
    source.add_argument("story", nargs="?", metavar="STORY.toml", help="the story file")
    source.add_argument(
        "--example", action="store_true", help="check the built-in Lincolnshire story"
    )
    check.add_argument(
        "--format",
        choices=("table", "markdown", "json"),
        default="table",
        help="how to print the verdicts (default: table)",
    )
    check.add_argument(
        "--mode", choices=MODES, help="the rounding mode to judge by (default: the story's)"
    )
    check.add_argument("--chart", metavar="FILE.png", help="also draw the counts as a bar chart")

    ch = commands.add_parser(
        "change",
        help="the change from one count to another",
        description="The exact change from BEFORE to AFTER.",
        epilog="example:\n  trendcalc change 112 58 --places 1",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ch.add_argument("before", type=_count_arg("before"))
    ch.add_argument("after", type=_count_arg("after"))
    ch.add_argument("--places", type=int, default=0, help="decimals of the percentage (default 0)")
    ch.add_argument(
        "--mode", choices=MODES, default="half_up", help="rounding mode (default half_up)"
    )

    rate = commands.add_parser(
        "rate",
        help="offences a day over a period (or per head)",
        description="The count per day over a period, and per head when given a population.",
        epilog=(
            "examples:\n  trendcalc rate 3903 --period 2016/17\n"
            "  trendcalc rate 58 --period 2016/17 --population 751200 --per 1000"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rate.add_argument("count", type=_count_arg("count"))
    rate.add_argument("--period", required=True, help='the period, e.g. "2016/17"')
    rate.add_argument("--places", type=int, default=1, help="decimals (default 1)")
    rate.add_argument(
        "--mode", choices=MODES, default="half_up", help="rounding mode (default half_up)"
    )
    rate.add_argument("--population", type=_count_arg("population"), help="people in the area")
    rate.add_argument(
        "--per", type=int, default=1000, help="rate per this many people (default 1000)"
    )

    period = commands.add_parser(
        "period",
        help="the days a period label covers",
        description="Read a period label and show the days it covers.",
        epilog='examples:\n  trendcalc period "year ending March 2023"\n  trendcalc period 2016/17',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    period.add_argument("label")
    period.add_argument(
        "--fy-start-month", type=int, default=4, help="first month of financial years (default 4)"
    )

    un = commands.add_parser(
        "unround",
        help="the true values a published figure stands for",
        description="The exact true values that round to a published figure.",
        epilog="examples:\n  trendcalc unround 44%\n  trendcalc unround 10.70 --mode down",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    un.add_argument("figure")
    un.add_argument(
        "--mode", choices=MODES, default="half_up", help="rounding mode (default half_up)"
    )
    un.add_argument("--places", type=int, help="the precision, when the text does not show it")
    return parser


def _count_arg(name: str) -> Any:
    def convert(text: str) -> int:
        digits = text.replace(",", "").replace("_", "")
        if not digits.isdigit():
            raise argparse.ArgumentTypeError(
                f"{name} must be a whole number such as 3903 or 3,903 (got {text!r})"
            )
        return int(digits)

    return convert


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``trendcalc`` command; return its exit status."""
    args = _parser().parse_args(argv)
    out = sys.stdout
    try:
        if args.command == "check":
            return _check(args, out)
        if args.command == "change":
            return _change(args, out)
        if args.command == "rate":
            return _rate(args, out)
        if args.command == "period":
            return _period(args, out)
        return _unround(args, out)
    except TrendcalcError as e:
        print(f"trendcalc: error: {e}", file=sys.stderr)
        return 2


# ----------------------------------------------------------------------------- calculators


def _change(args: argparse.Namespace, out: TextIO) -> int:
    c = change(args.before, args.after)
    print(c.describe(args.places, mode=args.mode), file=out)
    print(f"absolute: {c.absolute:+,}", file=out)
    if c.percent is not None:
        exact = format_exact(c.percent)
        print(
            f"percent:  {c.rounded(args.places, mode=args.mode)}% ({args.mode}; exactly {exact})",
            file=out,
        )
        assert c.ratio is not None
        print(
            f"ratio:    {round_fraction(c.ratio, 3, 'half_up')} (exactly {format_exact(c.ratio)})",
            file=out,
        )
    return 0


def _rate(args: argparse.Namespace, out: TextIO) -> int:
    r = daily_rate(args.count, args.period)
    print(r.describe(args.places, mode=args.mode), file=out)
    print(
        f"per day:  {r.rounded(args.places + 2, mode=args.mode)} (exactly {format_exact(r.per_day)})",
        file=out,
    )
    if args.population is not None:
        p = population_rate(args.count, args.population, per=args.per)
        print(f"per head: {p.describe(args.places, mode=args.mode)}", file=out)
    return 0


def _period(args: argparse.Namespace, out: TextIO) -> int:
    p = parse_period(args.label, fy_start_month=args.fy_start_month)
    first = f"{p.start:%A} {p.start.day} {p.start:%B %Y}"
    last = f"{p.end:%A} {p.end.day} {p.end:%B %Y}"
    print(f"{p.label}: {first} to {last}, {p.days} days", file=out)
    print(f"kind:     {p.kind}", file=out)
    print(f"previous: {p.previous().label} ({p.previous().days} days)", file=out)
    print(f"next:     {p.next().label} ({p.next().days} days)", file=out)
    return 0


def _unround(args: argparse.Namespace, out: TextIO) -> int:
    interval = unround(args.figure, mode=args.mode, places=args.places)
    print(f"{args.figure} ({args.mode}) stands for any true value in {interval}", file=out)
    return 0


# ----------------------------------------------------------------------------- check


def _check(args: argparse.Namespace, out: TextIO) -> int:
    story = example_story() if args.example else load_story(args.story)
    report = check_story(story, mode=args.mode)
    if args.format == "json":
        json.dump(report_json(report), out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif args.format == "markdown":
        out.write(report_markdown(report))
    else:
        colour = out.isatty() and "NO_COLOR" not in os.environ
        out.write(report_table(report, colour=colour))
    if args.chart:
        from trendcalc._plot import story_chart

        path = story_chart(report, args.chart)
        print(f"chart written to {path}", file=sys.stderr)
    return 0 if report.all_hold else 1


def _computed_cell(result: ClaimResult) -> str:
    v = result.verdict
    if v is None or v.computed is None:
        return "-"
    places = 2
    if isinstance(v.computed, Interval):
        assert v.computed.lower is not None
        assert v.computed.upper is not None
        low = round_fraction(v.computed.lower, places, "half_up")
        high = round_fraction(v.computed.upper, places, "half_up")
        return f"{low:,} to {high:,}{_short_unit(v)}"
    value = Fraction(v.computed)
    shown = (
        f"{int(value):,}"
        if value.denominator == 1
        else f"{round_fraction(value, places, 'half_up'):,}"
    )
    return f"{shown}{_short_unit(v)}"


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
        "summary": {
            "claims": len(report.results),
            "hold": counts["holds"],
            "do_not_hold": counts["does not hold"],
            "unchecked": counts["unchecked"],
        },
        "claims": claims,
    }
