"""Every subcommand with hostile arguments: exit 0, 1 or 2, one line on error, no traceback.

Most runs call ``main`` in-process with captured streams (quick); a few run the real
command to see pipes closed early, a full disk and a closed standard output.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest

from trendcalc import _cli

from .test_hostile import KNOWN_FOREIGN

EXAMPLE = resources.files("trendcalc").joinpath("examples", "lincolnshire-2017.toml")

#: Hostile words for any argument or option of the command line.
HOSTILE_WORDS = [
    "",
    " ",
    "-",
    "--",
    "-1",
    "-7.8%",
    "0",
    "00",
    "nan",
    "inf",
    "-inf",
    "1e999999",
    "1" * 4400,
    "9" * 1_000_000,
    "22,6400",
    "1,2,3",
    "١٢",
    "۱۲۳",
    "５",
    "²",
    "\u00a05\u2003",
    "\u200b5",
    "5\u202f000",
    "\x00",
    "\u001b[2J",
    "<img src=x onerror=alert(1)>",
    "2.9 million",
    "6.7m",
    "6.7 billion",
    "380.8",
    "44%",
    "-0",
    "2016/18",
    "0001",
    "9999",
    "2016/17",
    "--places",
    "--help-me",
    "100000000",
    "-100000000",
    str(10**40),
    "a=b.toml",
    "/nonexistent/dir/story.toml",
    "/dev/null",
    "/",
]


#: A plausible value for each argument, by its name, so one hostile word reaches deep code.
CLI_PLAUSIBLE = {
    "before": "112",
    "after": "58",
    "count": "58",
    "period": "2016/17",
    "population": "751,200",
    "per": "1000",
    "places": "1",
    "mode": "down",
    "label": "2016/17",
    "fy_start_month": "4",
    "figure": "44%",
    "story": str(EXAMPLE),
    "format": "json",
    "chart": None,  # writes a file: tested on its own below
}


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = _cli._parser()
    (commands,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(commands.choices)


def _commands() -> Iterator[list[str]]:
    """Every subcommand, read from the parser, with a hostile word in each argument in turn."""
    for word in HOSTILE_WORDS:
        yield [word]
    for name, sub in _subcommands().items():
        positionals = [a for a in sub._actions if not a.option_strings]
        options = [
            a
            for a in sub._actions
            if a.option_strings and a.nargs != 0 and CLI_PLAUSIBLE.get(a.dest, "") is not None
        ]
        base = [CLI_PLAUSIBLE.get(a.dest, "1") for a in positionals]
        for word in HOSTILE_WORDS:
            for i in range(len(positionals)):
                yield [name, *base[:i], word, *base[i + 1 :]]
            for option in options:
                yield [name, *base, option.option_strings[-1], word]


def test_the_hostile_commands_cover_every_subcommand_and_option() -> None:
    argvs = list(_commands())
    for name, sub in _subcommands().items():
        for action in sub._actions:
            if action.option_strings and action.nargs != 0 and action.dest != "chart":
                assert any(a[0] == name and action.option_strings[-1] in a for a in argvs), (
                    name,
                    action.dest,
                )
    assert {a[0] for a in argvs} >= {"check", "change", "rate", "period", "unround"}


def run_main(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, stdin: str = ""
) -> tuple[int, str, str]:
    """Run ``main(argv)`` in-process; return its status, standard output and error."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr, sys.stdin
    sys.stdout, sys.stderr, sys.stdin = out, err, io.StringIO(stdin)
    try:
        status = _cli.main(argv)
    except Exception as e:
        if ("trendcalc " + argv[0], type(e).__name__) in KNOWN_FOREIGN:
            pytest.xfail(f"known, fixed on another branch: {type(e).__name__}")
        raise
    finally:
        sys.stdout, sys.stderr, sys.stdin = saved
    return status, out.getvalue(), err.getvalue()


def _judge(argv: list[str], status: int, err: str) -> None:
    shown = [a if len(a) < 40 else a[:37] + "..." for a in argv]
    assert status in (0, 1, 2), (shown, status)
    assert "Traceback" not in err, (shown, err)
    if status == 2:
        lines = err.splitlines()
        assert len(lines) == 1, (shown, err[:500])
        assert lines[0].startswith("trendcalc"), (shown, err[:500])


def test_every_subcommand_survives_hostile_arguments(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)  # a hostile word may name a file; keep it here
    checked = 0
    for argv in _commands():
        status, _, err = run_main(argv, monkeypatch)
        _judge(argv, status, err)
        checked += 1
    assert checked >= 19 * len(HOSTILE_WORDS)


@pytest.mark.parametrize(
    "chart", ["", " ", "\x00", "/nonexistent/dir/chart.png", "/", "chart.png", "chart.xyz", "c.PDF"]
)
def test_chart_paths(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, chart: str) -> None:
    monkeypatch.chdir(tmp_path)
    status, _, err = run_main(["check", "--example", "--chart", chart], monkeypatch)
    _judge(["check", "--chart", chart], status, err)
    if chart.strip() in ("", "\x00", "/", "chart.xyz"):
        assert status == 2
        assert "chart" in err


def test_an_empty_chart_name_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, err = run_main(["check", "--example", "--chart", ""], monkeypatch)
    assert status == 2
    assert out == ""
    assert "argument --chart: needs a file name" in err


@pytest.mark.parametrize(
    "stdin",
    [
        "",
        "\x00",
        "title = \n",
        'title = "x"\n',
        "[[claims]]\n" * 1000,
        "a = " + "[" * 100_000 + "]" * 100_000 + "\n",
        'title = "x"\n[counts]\na = { period = "2016", count = ' + "9" * 5000 + " }\n",
        EXAMPLE.read_text("utf-8"),
    ],
)
def test_check_reads_hostile_stories_from_standard_input(
    monkeypatch: pytest.MonkeyPatch, stdin: str
) -> None:
    status, _, err = run_main(["check", "-"], monkeypatch, stdin=stdin)
    _judge(["check", "-"], status, err)


def test_check_dash_reads_the_story_from_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, _ = run_main(["check", "-"], monkeypatch, stdin=EXAMPLE.read_text("utf-8"))
    assert status == 1
    assert "Of 6 claims: 3 hold, 2 do not, 1 cannot be checked." in out


def test_a_story_file_name_with_an_equals_sign_is_a_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    status, _, err = run_main(["check", "a=b.toml"], monkeypatch)
    assert status == 2
    assert "cannot read the file" in err
    assert "TOML" not in err
    (tmp_path / "a=b.toml").write_text(EXAMPLE.read_text("utf-8"), encoding="utf-8")
    status, out, _ = run_main(["check", "a=b.toml"], monkeypatch)
    assert status == 1
    assert "Of 6 claims" in out


def test_a_story_error_is_one_line(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    story = tmp_path / "bad.toml"
    story.write_text('title = 5\n[[claims]]\nkind = "total"\nfigure = "x"\ncounts = []\n')
    status, _, err = run_main(["check", str(story)], monkeypatch)
    assert status == 2
    assert len(err.splitlines()) == 1
    assert "title: must be text in quotes" in err
    assert "; claims[1]" in err


# -- the calculators' numbers are the library's ------------------------------------------


@pytest.mark.parametrize("word", ["22,6400", "1,2,3", "١٢", "²", "５", "1_000"])
def test_calculators_refuse_numbers_the_library_refuses(
    monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    from trendcalc import TrendcalcError, parse_figure

    with pytest.raises(TrendcalcError):
        parse_figure(word)  # the oracle: the library's own reading
    status, out, err = run_main(["change", word, "5"], monkeypatch)
    assert status == 2
    assert out == ""
    assert "before must be a number as printed" in err


def test_a_change_between_decimals_is_a_change_between_rates(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    status, out, _ = run_main(["change", "380.8", "387.8", "--places", "2"], monkeypatch)
    assert status == 0
    # the oracle: 100 * (387.8 - 380.8) / 380.8 = 1.838...%, by hand
    assert out.splitlines()[0] == "up 1.84% (from 380.80 to 387.80)"
    assert "read as rates" in out


def test_scaled_counts_say_what_they_stand_for(monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, _ = run_main(["change", "2.9 million", "6.7m"], monkeypatch)
    assert status == 0
    assert out.splitlines()[0] == "up 131% (from 2,900,000 to 6,700,000)"
    assert "2.9 million is rounded to the nearest 100,000" in out
    assert "from 2,850,000 to 2,949,999" in out
    # the widest change the ranges allow: 6,749,999 / 2,850,000 and 6,650,000 / 2,949,999
    assert "the change is from 125.42% to 136.85%" in out


def test_negative_figures_need_no_double_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, _ = run_main(["unround", "-7.8%"], monkeypatch)
    assert status == 0
    assert out == "-7.8% (half_up) stands for any true value in (-7.85, -7.75]\n"
    status, out, _ = run_main(["unround", "-7.8%", "--mode", "down"], monkeypatch)
    assert status == 0
    assert "(-7.9, -7.8]" in out


def test_rate_per_head_needs_no_period(monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, _ = run_main(["rate", "58", "--population", "751,200"], monkeypatch)
    assert status == 0
    assert out == "per head: 58 per 751,200 people: 0.1 per 1,000\n"
    status, _, err = run_main(["rate", "58"], monkeypatch)
    assert status == 2
    assert "--period" in err


def test_describe_with_negative_places_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    status, out, _ = run_main(["change", "100", "140", "--places", "-2"], monkeypatch)
    assert status == 0
    assert out.splitlines()[0] == "up less than 100% (from 100 to 140)"


@pytest.mark.parametrize("places", ["100000000", "-19", "19"])
def test_places_out_of_range_on_the_command_line(
    monkeypatch: pytest.MonkeyPatch, places: str
) -> None:
    for argv in (
        ["change", "1", "2", "--places", places],
        ["rate", "1", "--period", "2016", "--places", places],
        ["unround", "44", "--places", places],
    ):
        status, out, err = run_main(argv, monkeypatch)
        assert status == 2
        assert out == ""
        assert "places must be from -18 to 18" in err


def test_period_0001_prints_nothing_it_must_take_back(monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, err = run_main(["period", "0001"], monkeypatch)
    assert status == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith("0001: Monday 1 January 1 to Monday 31 December 1")
    assert lines[2].startswith("previous: none (")
    assert lines[3] == "next:     0002 (365 days)"


def test_help_and_version_return_their_status(monkeypatch: pytest.MonkeyPatch) -> None:
    status, out, _ = run_main(["--version"], monkeypatch)
    assert status == 0
    assert out.startswith("trendcalc ")
    status, _, err = run_main([], monkeypatch)
    assert status == 2
    assert len(err.splitlines()) == 1


# -- the real command: pipes, a full disk, a closed standard output ---------------------

COMMAND = [sys.executable, "-m", "trendcalc"]


def _closed_pipe(*args: str) -> subprocess.CompletedProcess[bytes]:
    """Run with standard output a pipe whose reader has already gone (as with ``| true``)."""
    read, write = os.pipe()
    os.close(read)
    try:
        return subprocess.run(
            [*COMMAND, *args], stdout=write, stderr=subprocess.PIPE, timeout=120, check=False
        )
    finally:
        os.close(write)


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--example", "--format", "json"],
        ["period", "2016/17"],
        ["change", "112", "58"],
        ["--help"],
    ],
)
def test_a_closed_pipe_is_exit_2_and_one_line(args: list[str]) -> None:
    result = _closed_pipe(*args)
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert err.splitlines() == ["trendcalc: error: the output was closed before it was all written"]


def test_head_reading_one_line_never_sees_a_traceback() -> None:
    process = subprocess.Popen(
        [*COMMAND, "check", "--example", "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()
    err = process.stderr.read().decode()
    process.stderr.close()
    status = process.wait(timeout=120)
    assert first == b"{\n"
    assert status in (1, 2)  # 1 if everything fitted in the pipe before it closed
    assert "Traceback" not in err
    assert len(err.splitlines()) <= 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
def test_a_full_disk_is_exit_2_and_one_line() -> None:
    with open("/dev/full", "wb") as full:
        result = subprocess.run(
            [*COMMAND, "period", "2016/17"],
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert err.splitlines() == [
        "trendcalc: error: cannot write the output: No space left on device"
    ]


def test_a_closed_standard_output_is_exit_2_and_one_line() -> None:
    result = subprocess.run(
        [*COMMAND, "period", "2016/17"],
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.close(1),  # a child with no standard output
    )
    err = result.stderr.decode()
    assert result.returncode == 2, err
    assert err.splitlines() == ["trendcalc: error: standard output is closed"]


def test_check_dash_reads_standard_input_in_a_real_process() -> None:
    result = subprocess.run(
        [*COMMAND, "check", "-", "--format", "json"],
        input=EXAMPLE.read_bytes(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert b'"claims": 6' in result.stdout
