"""The registry of claim kinds: every kind is wired into the loader, the API and the docs."""

from __future__ import annotations

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
