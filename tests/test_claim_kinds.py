"""The registry of claim kinds: every kind is wired into the loader, the API and the docs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

import trendcalc as tc
from trendcalc._claims.registry import KINDS, kinds_rst, register

DOCS = Path(__file__).resolve().parent.parent / "docs"
KIND_NAMES = list(KINDS)


def test_the_kinds_of_today_are_registered_in_order() -> None:
    assert KIND_NAMES[:6] == [
        "total", "change", "daily_rate", "population_rate", "ratio", "frequency",
    ]  # fmt: skip


@pytest.mark.parametrize("name", KIND_NAMES)
def test_every_kind_has_a_public_documented_check_function(name: str) -> None:
    function = KINDS[name].function
    assert function.__name__ == f"check_{name}"
    assert getattr(tc, function.__name__) is function
    assert function.__name__ in tc.__all__
    assert f"   {function.__name__}\n" in (DOCS / "api.rst").read_text("utf-8")
    assert function.__doc__ is not None
    assert "Examples" in function.__doc__


@pytest.mark.parametrize("name", KIND_NAMES)
def test_every_kind_is_in_the_docs_table(name: str) -> None:
    table = kinds_rst()
    assert f"* - ``{name}``" in table
    assert f":func:`~trendcalc.check_{name}`" in table


@pytest.mark.parametrize("name", KIND_NAMES)
def test_the_loader_names_every_kind_when_the_kind_is_wrong(name: str) -> None:
    with pytest.raises(tc.StoryError) as info:
        tc.load_story('title = "x"\n[[claims]]\nkind = "nonsense"\nfigure = "1"\n')
    assert repr(name) in info.value.problems[0]


@pytest.mark.parametrize("name", KIND_NAMES)
def test_the_loader_asks_for_each_missing_count_input(name: str) -> None:
    with pytest.raises(tc.StoryError) as info:
        tc.load_story(f'title = "x"\n[[claims]]\nkind = "{name}"\nfigure = "1"\n')
    for spec in KINDS[name].inputs:
        assert f"claims[1].{spec.key}: missing; a {name} claim needs {spec.needs}" in (
            info.value.problems
        )


def test_a_kind_cannot_be_registered_twice() -> None:
    kind = KINDS["total"]
    with pytest.raises(tc.TrendcalcError, match="already registered"):
        register(attrs.evolve(kind))
    assert KINDS["total"] is kind


# A kind declared outside the package, as a phase-2 module would declare it, shows that the
# loader, check_story, the report, JSON and the docs table all come from the registry.


def check_gap(before: int, after: int, reported: str, *, mode: tc.Mode = "half_up") -> tc.Verdict:
    """The count ``after - before`` against a published figure (a toy kind for tests)."""
    from trendcalc._claims.inputs import reported_figure
    from trendcalc._claims.verdict import figure_accepts, figure_verdict

    figure = reported_figure(reported)
    accepted_for = figure_accepts(figure, "exact")
    return figure_verdict(
        claim="gap",
        reported=figure,
        shown=figure.text,
        qualifier="exact",
        mode=mode,
        holds=lambda m: accepted_for(m).contains(after - before),
        accepted_for=accepted_for,
        computed=after - before,
        lead=f"{after:,} - {before:,} = {after - before:,}",
        unit="",
    )


@pytest.fixture
def gap_kind() -> Iterator[None]:
    from trendcalc._claims.registry import FROM, TO, ClaimFields, ClaimKind, StoryCheck

    def read_options(fields: ClaimFields) -> dict[str, object]:
        side = fields.raw.get("side", "later")
        if side not in ("earlier", "later"):
            fields.problem("side", f"must be 'earlier' or 'later' (got {side!r})")
        return {"side": side}

    def from_story(check: StoryCheck) -> tc.Verdict:
        before, after = check.count("from").count.value, check.count("to").count.value
        return check_gap(int(before), int(after), check.claim.figure, mode=check.mode)

    register(
        ClaimKind(
            name="gap",
            function=check_gap,
            inputs=(FROM, TO),
            check=from_story,
            options=("side",),
            read_options=read_options,
            computed_cell=lambda r: f"gap of {r.verdict.computed}" if r.verdict else "-",
            json_fields=lambda r: {"side": r.claim.options["side"]},
            inputs_doc='``from = "a"``, ``to = "b"``',
            figure_doc='the gap, ``"54"``',
        )
    )
    yield
    del KINDS["gap"]


GAP_STORY = """
title = "Gaps"
[counts]
a = { period = "2015/16", count = 112 }
b = { period = "2016/17", count = 58 }
[[claims]]
kind = "gap"
from = "b"
to = "a"
figure = "54"
side = "%s"
"""


@pytest.mark.usefixtures("gap_kind")
def test_a_registered_kind_reaches_the_loader_the_report_json_and_docs() -> None:
    from trendcalc._report import report_json, report_markdown

    report = tc.check_story(tc.load_story(GAP_STORY % "earlier"))
    (result,) = report.results
    assert result.status == "holds"
    assert result.claim.options == {"side": "earlier"}
    assert result.explanation == "112 - 58 = 54, as published."
    assert "| gap of 54 |" in report_markdown(report)
    claim = report_json(report)["claims"][0]
    assert (claim["kind"], claim["side"], claim["computed"]) == ("gap", "earlier", "54")
    assert "* - ``gap``" in kinds_rst()


@pytest.mark.usefixtures("gap_kind")
def test_a_registered_kind_reports_problems_with_its_own_keys() -> None:
    with pytest.raises(tc.StoryError) as info:
        tc.load_story(GAP_STORY % "sideways" + 'colour = "red"\n')
    assert info.value.problems == [
        "claims[1].colour: unknown key; expected one of figure, from, kind, mode, note, "
        "qualifier, says, side, to",
        "claims[1].side: must be 'earlier' or 'later' (got 'sideways')",
    ]
