"""The trendcalc command, run through its real entry points."""

from __future__ import annotations

import json
import shlex
import struct
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

import trendcalc as tc
from trendcalc import _cli

EXAMPLES = resources.files("trendcalc").joinpath("examples")
SCRIPT = Path(sys.executable).parent / "trendcalc"


def run(*args: str, entry: str = "module") -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "trendcalc"] if entry == "module" else [str(SCRIPT)]
    return subprocess.run(
        [*command, *args], capture_output=True, text=True, timeout=120, check=False
    )


def example(name: str) -> str:
    return str(EXAMPLES.joinpath(name))


def test_the_console_script_is_installed() -> None:
    assert SCRIPT.exists(), f"pip install should put the trendcalc command at {SCRIPT}"


@pytest.mark.parametrize("entry", ["module", "script"])
def test_check_example_reports_every_claim_and_exits_1(entry: str) -> None:
    result = run("check", "--example", entry=entry)
    assert result.returncode == 1, result.stderr
    assert "Of 6 claims: 3 hold, 2 do not, 1 cannot be checked." in result.stdout
    assert "does not hold" in result.stdout


def test_table_fits_an_80_column_terminal_and_has_no_colour_when_piped() -> None:
    out = run("check", "--example").stdout
    assert all(len(line) <= 80 for line in out.splitlines())
    assert "\033[" not in out


def test_table_colours_verdicts_for_a_terminal() -> None:
    report = tc.check_story(tc.example_story())
    coloured = _cli.report_table(report, colour=True)
    assert "\033[32mholds\033[0m" in coloured
    assert "\033[31;1mdoes not hold\033[0m" in coloured


def test_exit_0_when_every_claim_holds() -> None:
    assert run("check", example("eastborough-monthly.toml")).returncode == 0


def test_json_output_is_stable_and_complete() -> None:
    result = run("check", "--example", "--format", "json")
    assert result.returncode == 1
    doc = json.loads(result.stdout)
    assert doc["format"] == 1
    assert doc["summary"] == {"claims": 6, "hold": 3, "do_not_hold": 2, "unchecked": 1}
    first = doc["claims"][0]
    assert set(first) == {
        "number", "kind", "says", "figure", "qualifier", "mode", "status", "consistent",
        "holds_under", "computed", "computed_rounded", "unit", "accepted", "implied", "explanation",
    }  # fmt: skip
    assert first["computed"] == "170"
    assert first["accepted"] == {
        "lower": "169.5",
        "upper": "170.5",
        "lower_closed": True,
        "upper_closed": False,
    }
    assert doc["claims"][2]["status"] == "unchecked"
    assert doc["claims"][2]["implied"] == {"first": 2702, "last": 2719}
    assert doc["claims"][3]["computed"] == "3903/365"
    assert doc["claims"][4]["holds_under"] == ["down", "floor"]


def test_markdown_output() -> None:
    out = run("check", "--example", "--format", "markdown").stdout
    assert "| # | claim | published | computed | verdict | explanation |" in out
    assert out.startswith("## Sexual predators")


def test_mode_option_changes_the_verdict() -> None:
    result = run("check", "--example", "--mode", "down", "--format", "json")
    assert json.loads(result.stdout)["claims"][4]["status"] == "holds"


def test_bad_story_file_exits_2_and_names_the_problem(tmp_path: Path) -> None:
    story = tmp_path / "bad.toml"
    story.write_text(
        'title = "x"\n[[claims]]\nkind = "daily_rate"\ncount = "nope"\nfigure = "15"\n'
    )
    result = run("check", str(story))
    assert result.returncode == 2
    assert "claims[1].count: no count is named 'nope'" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_and_bad_arguments_exit_2(tmp_path: Path) -> None:
    assert run("check", str(tmp_path / "missing.toml")).returncode == 2
    assert run("check").returncode == 2
    assert run("check", "--example", "--format", "xml").returncode == 2
    # "1.5" used to be refused here; issue 9 makes a number with decimals a rate
    assert run("change", "22,6400", "2").returncode == 2
    assert run("period", "2016/18").returncode == 2


def test_chart_is_a_png_of_sensible_size(tmp_path: Path) -> None:
    chart = tmp_path / "chart.png"
    result = run("check", "--example", "--chart", str(chart))
    assert result.returncode == 1
    data = chart.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert 600 <= width <= 3000
    assert 300 <= height <= 2000
    assert len(data) > 10_000


def test_series_plot_returns_axes() -> None:
    s = tc.CountSeries.from_mapping({"2015/16": 112, "2016/17": 58})
    ax = s.plot(title="Lincolnshire")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["2015/16", "2016/17"]
    assert "down 48% (from 112 to 58)" in ax.get_title()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ["change", "112", "58"],
            ["down 48% (from 112 to 58)", "absolute: -54", "exactly -675/14"],
        ),
        (["change", "0", "12"], ["no percentage change can be given"]),
        (
            ["rate", "3903", "--period", "2016/17"],
            ["10.7 a day, one every 2 h 14 min 40 s", "exactly 3903/365"],
        ),
        (
            ["rate", "58", "--period", "2016/17", "--population", "751,200"],
            ["per head: 58 per 751,200 people: 0.1 per 1,000"],
        ),
        (
            ["period", "year ending March 2023"],
            ["Friday 1 April 2022 to Friday 31 March 2023, 365 days", "kind:     year_ending"],
        ),
        (["unround", "44%"], ["[43.5, 44.5)"]),
        (["unround", "10.70", "--mode", "down"], ["[10.7, 10.71)"]),
    ],
)
def test_calculators(args: list[str], expected: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 0, result.stderr
    for text in expected:
        assert text in result.stdout


@pytest.mark.parametrize("command", ["check", "change", "rate", "period", "unround"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = run(command, "--help")
    assert result.returncode == 0
    assert "example" in result.stdout


def test_main_help_and_version() -> None:
    assert "trendcalc check --example" in run("--help").stdout
    assert run("--version").stdout.strip() == f"trendcalc {tc.__version__}"


def _console_examples(path: Path) -> list[tuple[str, str]]:
    """The ``$ trendcalc ...`` commands in a docs page and the output shown under each."""
    examples: list[tuple[str, str]] = []
    command, output = None, []  # type: ignore[var-annotated]
    in_block = False
    for line in path.read_text("utf-8").splitlines():
        if line.startswith(".. code-block:: console"):
            in_block = True
            continue
        if in_block and line and not line.startswith("   "):
            in_block = False
        if not in_block:
            continue
        text = line[3:]
        if text.startswith("$ "):
            if command is not None:
                examples.append((command, "\n".join(output).strip("\n")))
            command, output = text[2:], []
        elif command is not None:
            output.append(text)
    if command is not None:
        examples.append((command, "\n".join(output).strip("\n")))
    return examples


DOCS = Path(__file__).resolve().parent.parent / "docs"


@pytest.mark.parametrize("page", ["checking-a-story.rst", "cli.rst"])
def test_console_output_shown_in_the_docs_is_what_the_command_prints(page: str) -> None:
    checked = 0
    for command, shown in _console_examples(DOCS / page):
        if (
            not shown
            or "STORY.toml" in command
            or "story.toml" in command
            or "broken.toml" in command
        ):
            continue  # a usage line, or a file the reader makes
        args = command.split(" ", 1)[1]
        result = run(*shlex.split(args))
        assert result.stdout.rstrip("\n") == shown, command
        checked += 1
    assert checked >= 1
