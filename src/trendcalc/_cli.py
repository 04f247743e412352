"""The ``trendcalc`` command: check a story's figures, and small everyday calculators."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Sequence
from typing import Any, TextIO

from trendcalc import __version__
from trendcalc._changes import change
from trendcalc._errors import TrendcalcError
from trendcalc._periods import parse_period
from trendcalc._rates import daily_rate, population_rate
from trendcalc._report import report_json as report_json
from trendcalc._report import report_markdown as report_markdown
from trendcalc._report import report_table as report_table
from trendcalc._report import write_chart, write_report
from trendcalc._rounding import format_exact, round_fraction, unround
from trendcalc._story import check_story, example_story, load_story
from trendcalc._validate import MODES

__all__ = ["main"]

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
    check.add_argument(
        "--reading",
        choices=("strict", "editorial"),
        help="how to read qualifiers and round figures (default: the story's, else strict)",
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
    report = check_story(story, mode=args.mode, reading=args.reading)
    write_report(report, args.format, out)
    if args.chart:
        path = write_chart(report, args.chart)
        print(f"chart written to {path}", file=sys.stderr)
    return 0 if report.all_hold else 1
