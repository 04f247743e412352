"""The ``trendcalc`` command: check a story's figures, and small everyday calculators."""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import sys
import textwrap
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any, NoReturn, TextIO

import attrs

from trendcalc import __version__
from trendcalc._changes import change, format_count
from trendcalc._errors import TrendcalcError
from trendcalc._figures import integer_bounds
from trendcalc._limits import MAX_PLACES, brief
from trendcalc._periods import parse_period
from trendcalc._plot import chart_format
from trendcalc._rates import daily_rate, population_rate
from trendcalc._report import report_json as report_json
from trendcalc._report import report_markdown as report_markdown
from trendcalc._report import report_table as report_table
from trendcalc._report import write_chart, write_report
from trendcalc._rounding import (
    format_exact,
    read_figure,
    round_fraction,
    rounding_interval,
    unround,
)
from trendcalc._story import (
    Story,
    check_story,
    example_story,
    load_story,
)
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


class _UsageError(Exception):
    """Bad command-line arguments: one line for standard error (private)."""


# A word that starts with a minus and a digit is a negative figure, never an option:
# ``trendcalc unround -7.8%`` needs no ``--``.
_NEGATIVE_FIGURE = re.compile(r"[-\u2212]\.?[0-9]")


class _Parser(argparse.ArgumentParser):
    """argparse with one-line errors, and negative figures read as arguments."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: error: {message} (see {self.prog} --help)")

    def _print_message(self, message: str, file: Any = None) -> None:
        # argparse ignores a failed write of --help or --version; let main() report it
        if message:
            (file or sys.stderr).write(message)

    def _parse_optional(self, arg_string: str) -> Any:
        if _NEGATIVE_FIGURE.match(arg_string):
            return None  # a positional argument
        return super()._parse_optional(arg_string)


def _whole(text: str) -> int:
    """An option's whole number, written with ASCII digits (``int()`` would take ``'١٢'``)."""
    if not re.fullmatch(r"[+-]?[0-9]{1,20}", text.strip()):
        raise argparse.ArgumentTypeError(
            f"must be a whole number such as 1 or -2 (got {brief(text)})"
        )
    return int(text)


def _chart_path(text: str) -> str:
    if not text.strip() or "\x00" in text:
        raise argparse.ArgumentTypeError(
            f"needs a file name, such as counts.png (got {brief(text)})"
        )
    try:
        chart_format(text)
    except TrendcalcError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return text


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
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
              cat story.toml | trendcalc check -
            """),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    source = check.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "story", nargs="?", metavar="STORY.toml", help="the story file, or - for standard input"
    )
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
    check.add_argument(
        "--chart",
        metavar="FILE.png",
        type=_chart_path,
        help="also draw the counts as a bar chart (.png, .svg or .pdf, by the file's suffix)",
    )

    ch = commands.add_parser(
        "change",
        help="the change from one count (or rate) to another",
        description=(
            "The exact change from BEFORE to AFTER: counts such as 3,903 or 2.9 million, or "
            "rates such as 380.8 (a number with decimals is read as a rate)."
        ),
        epilog="examples:\n  trendcalc change 112 58 --places 1\n  trendcalc change 380.8 387.8 --places 2",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ch.add_argument("before", help="the earlier count or rate")
    ch.add_argument("after", help="the later count or rate")
    ch.add_argument(
        "--places", type=_whole, default=0, help="decimals of the percentage (default 0)"
    )
    ch.add_argument(
        "--mode", choices=MODES, default="half_up", help="rounding mode (default half_up)"
    )

    rate = commands.add_parser(
        "rate",
        help="offences a day over a period (or per head)",
        description=(
            "The count per day over a period (--period), per head of a population "
            "(--population), or both."
        ),
        epilog=(
            "examples:\n  trendcalc rate 3903 --period 2016/17\n"
            "  trendcalc rate 58 --period 2016/17 --population 751200 --per 1000\n"
            "  trendcalc rate 2.9m --population 59.6m --per 100000"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    rate.add_argument("count", help="offences, such as 3903, 3,903 or 2.9 million")
    rate.add_argument("--period", help='the period, e.g. "2016/17"')
    rate.add_argument("--places", type=_whole, default=1, help="decimals (default 1)")
    rate.add_argument(
        "--mode", choices=MODES, default="half_up", help="rounding mode (default half_up)"
    )
    rate.add_argument("--population", help="people in the area, such as 751,200 or 11.7m")
    rate.add_argument("--per", default="1000", help="rate per this many people (default 1000)")

    period = commands.add_parser(
        "period",
        help="the days a period label covers",
        description="Read a period label and show the days it covers.",
        epilog='examples:\n  trendcalc period "year ending March 2023"\n  trendcalc period 2016/17',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    period.add_argument("label")
    period.add_argument(
        "--fy-start-month",
        type=_whole,
        default=4,
        help="first month of financial years (default 4)",
    )

    un = commands.add_parser(
        "unround",
        help="the true values a published figure stands for",
        description="The exact true values that round to a published figure.",
        epilog=(
            "examples:\n  trendcalc unround 44%\n  trendcalc unround 10.70 --mode down\n"
            "  trendcalc unround -7.8%"
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    un.add_argument("figure")
    un.add_argument(
        "--mode", choices=MODES, default="half_up", help="rounding mode (default half_up)"
    )
    un.add_argument("--places", type=_whole, help="the precision, when the text does not show it")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``trendcalc`` command; return its exit status.

    Every failure, whether bad arguments, bad input (any :class:`TrendcalcError`), a file
    that cannot be read or written, or output closed early (``| head``), is exit status 2
    with one line on standard error, never a traceback.
    """
    out = sys.stdout
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit as e:  # --help and --version print, then exit 0
            if out is not None:
                out.flush()
            return e.code if isinstance(e.code, int) else 2
        if out is None:
            raise _UsageError("trendcalc: error: standard output is closed")
        status = _COMMANDS[args.command](args, out)
        out.flush()  # a full disk or a closed pipe shows here, not at exit
        return status
    except _UsageError as e:
        return _fail(str(e))
    except TrendcalcError as e:
        return _fail(f"trendcalc: error: {_one_line(str(e))}")
    except BrokenPipeError:
        _quiet(out)
        return _fail("trendcalc: error: the output was closed before it was all written")
    except OSError as e:
        if e.filename is None:  # writing the output failed
            _quiet(out)
            return _fail(f"trendcalc: error: cannot write the output: {e.strerror or e}")
        return _fail(f"trendcalc: error: {_one_line(str(e))}")


def _one_line(text: str) -> str:
    """A message on one line: a list of problems (a StoryError) joined by semicolons."""
    head, *rest = [line.strip() for line in text.splitlines() if line.strip()] or [""]
    return f"{head} {'; '.join(rest)}" if rest else head


def _fail(message: str) -> int:
    """Print one line on standard error (if it is open) and return exit status 2."""
    err = sys.stderr
    if err is not None:
        with contextlib.suppress(OSError, ValueError):
            print(message, file=err, flush=True)
    return 2


def _quiet(out: TextIO | None) -> None:
    """Point the process's standard output at the null device after a failed write.

    Python flushes standard output at exit; without this, the write that just failed
    would fail again there and print a traceback. Only the real standard output is
    redirected: a stream a caller passed in is left alone.
    """
    real = sys.__stdout__
    if out is None or real is None or out is not real:
        return
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, real.fileno())
        os.close(devnull)


# ----------------------------------------------------------------------------- calculators


@attrs.frozen
class _Number:
    """A number from the command line, read as the library reads a published figure."""

    text: str
    value: int | Fraction  # an int for a count, a Fraction for a rate
    low: Fraction | None  # the true values a rounded figure stands for, or None
    high: Fraction | None
    note: str | None


def _count_or_rate(text: str, *, name: str, rate: bool = True) -> _Number:
    """Read a count (``3,903``, ``2.9 million``) or, with decimals, a rate (``380.8``)."""
    value, places, scaled = read_figure(text, name=name)
    shown = text.strip()
    if shown.endswith("%"):
        raise TrendcalcError(
            f"{name} must be a count or a rate, not a percentage (got {brief(shown)})"
        )
    if value < 0:
        raise TrendcalcError(f"{name} must not be negative (got {brief(shown)})")
    if places > 0 or value.denominator != 1:
        if not rate:
            raise TrendcalcError(f"{name} must be a whole number (got {brief(shown)})")
        bounds = rounding_interval(value, places, "half_up")
        return _Number(shown, value, bounds.lower, bounds.upper, None)
    if not scaled:
        return _Number(shown, int(value), None, None, None)
    low, high = integer_bounds(rounding_interval(value, places, "half_up"))
    low = max(low, 0)
    note = (
        f"{shown} is rounded to the nearest {10**-places:,}: it stands for any count from "
        f"{low:,} to {high:,} (rounded half_up); {int(value):,} is used here"
    )
    return _Number(shown, int(value), Fraction(low), Fraction(high), note)


def _change(args: argparse.Namespace, out: TextIO) -> int:
    before = _count_or_rate(args.before, name="before")
    after = _count_or_rate(args.after, name="after")
    as_rates = isinstance(before.value, Fraction) or isinstance(after.value, Fraction)
    c = (
        change(Fraction(before.value), Fraction(after.value))
        if as_rates
        else change(before.value, after.value)
    )
    print(c.describe(args.places, mode=args.mode), file=out)
    print(f"absolute: {'+' if c.absolute > 0 else ''}{format_count(c.absolute)}", file=out)
    if c.percent is not None:
        exact = format_exact(c.percent)
        print(
            f"percent:  {c.rounded(args.places, mode=args.mode):,}% ({args.mode}; exactly {exact})",
            file=out,
        )
        assert c.ratio is not None
        print(
            f"ratio:    {round_fraction(c.ratio, 3, 'half_up')} (exactly {format_exact(c.ratio)})",
            file=out,
        )
    if as_rates:
        print(
            f"note:     {before.text} and {after.text} are read as rates (such as offences per "
            "100,000 people), as a number with decimals is not a count",
            file=out,
        )
    for number in (before, after):
        if number.note:
            print(f"note:     {number.note}", file=out)
    if before.low is not None or after.low is not None:
        print(f"note:     {_change_range(before, after, args.places)}", file=out)
    return 0


def _change_range(before: _Number, after: _Number, places: int) -> str:
    """The range of percentage changes that rounded inputs allow, widened to be safe."""
    b_low = before.low if before.low is not None else Fraction(before.value)
    b_high = before.high if before.high is not None else Fraction(before.value)
    a_low = after.low if after.low is not None else Fraction(after.value)
    a_high = after.high if after.high is not None else Fraction(after.value)
    if b_low <= 0:
        return "the earlier value may be zero, so the true percentage change has no bound"
    shown = min(max(places, 0) + 2, MAX_PLACES)
    least = round_fraction(100 * (a_low - b_high) / b_high, shown, "floor")
    most = round_fraction(100 * (a_high - b_low) / b_low, shown, "ceiling")
    return f"with the true values the rounded figures allow, the change is from {least:,}% to {most:,}%"


def _rate(args: argparse.Namespace, out: TextIO) -> int:
    if args.period is None and args.population is None:
        raise TrendcalcError(
            "rate needs --period (for a rate per day), --population (for a rate per head), or both"
        )
    count = _count_or_rate(args.count, name="count", rate=False)
    assert isinstance(count.value, int)
    notes = [count.note]
    if args.period is not None:
        r = daily_rate(count.value, args.period)
        print(r.describe(args.places, mode=args.mode), file=out)
        shown = min(args.places + 2, MAX_PLACES)
        print(
            f"per day:  {r.rounded(shown, mode=args.mode)} (exactly {format_exact(r.per_day)})",
            file=out,
        )
    if args.population is not None:
        population = _count_or_rate(args.population, name="population", rate=False)
        per = _count_or_rate(args.per, name="per", rate=False)
        assert isinstance(population.value, int)
        assert isinstance(per.value, int)
        p = population_rate(count.value, population.value, per=per.value)
        print(f"per head: {p.describe(args.places, mode=args.mode)}", file=out)
        notes.append(population.note)
    for note in notes:
        if note:
            print(f"note:     {note}", file=out)
    return 0


def _period(args: argparse.Namespace, out: TextIO) -> int:
    p = parse_period(args.label, fy_start_month=args.fy_start_month)
    first = f"{p.start:%A} {p.start.day} {p.start:%B %Y}"
    last = f"{p.end:%A} {p.end.day} {p.end:%B %Y}"
    # work out every line before printing any, so an error never follows half the output
    lines = [f"{p.label}: {first} to {last}, {p.days} days", f"kind:     {p.kind}"]
    for word, step in (("previous", p.previous), ("next", p.next)):
        try:
            other = step()
        except TrendcalcError as e:
            lines.append(f"{word + ':':9} none ({e})")
        else:
            lines.append(f"{word + ':':9} {other.label} ({other.days} days)")
    print("\n".join(lines), file=out)
    return 0


def _unround(args: argparse.Namespace, out: TextIO) -> int:
    interval = unround(args.figure, mode=args.mode, places=args.places)
    print(f"{args.figure.strip()} ({args.mode}) stands for any true value in {interval}", file=out)
    return 0


def _check(args: argparse.Namespace, out: TextIO) -> int:
    story = _story_from(args)
    report = check_story(story, mode=args.mode, reading=args.reading)
    write_report(report, args.format, out)
    if args.chart:
        path = write_chart(report, args.chart)
        print(f"chart written to {path}", file=sys.stderr)
    return 0 if report.all_hold else 1


def _story_from(args: argparse.Namespace) -> Story:
    """The story to check: the built-in example, standard input (``-``) or a file."""
    if args.example:
        return example_story()
    if args.story != "-":
        return load_story(Path(args.story))  # a Path: a name such as a=b.toml is a file
    stdin = sys.stdin
    if stdin is None:
        raise TrendcalcError("cannot read the story from standard input: it is closed")
    data = stdin.buffer.read() if hasattr(stdin, "buffer") else stdin.read().encode("utf-8")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise TrendcalcError(f"the story on standard input is not UTF-8 text ({e})") from None
    # a newline makes load_story read the text as TOML, never as a file name
    return load_story(text + "\n", name="<stdin>")


_COMMANDS = {
    "check": _check,
    "change": _change,
    "rate": _rate,
    "period": _period,
    "unround": _unround,
}
