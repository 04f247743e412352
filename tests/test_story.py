"""Story files: loading, validation with locations, and checking every claim."""

from __future__ import annotations

import contextlib
import json
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc

EXAMPLES = resources.files("trendcalc").joinpath("examples")
LINCOLNSHIRE = EXAMPLES.joinpath("lincolnshire-2017.toml").read_text("utf-8")


def test_the_example_story_gives_the_expected_verdict_on_every_claim() -> None:
    report = tc.check_story(tc.example_story())
    statuses = [r.status for r in report.results]
    assert statuses == ["holds", "holds", "unchecked", "does not hold", "does not hold", "holds"]
    total, fall, national, daily, nspcc, nspcc_daily = report.results
    assert total.verdict is not None
    assert total.verdict.computed == 170
    assert fall.verdict is not None
    assert str(fall.verdict.computed_rounded) == "-48"
    assert national.implied == range(2702, 2720)
    assert "between 2,702 and 2,719" in national.explanation
    assert daily.implied == range(5293, 5658)
    assert nspcc.verdict is not None
    assert nspcc.verdict.holds_under == ("down", "floor")
    assert "holds only if the figure was truncated" in nspcc.explanation
    assert nspcc_daily.verdict is not None
    assert str(nspcc_daily.verdict.computed_rounded) == "15"
    assert not report.all_hold


def test_judging_by_truncation_makes_the_nspcc_44_percent_hold() -> None:
    report = tc.check_story(tc.example_story(), mode="down")
    assert report.results[4].status == "holds"


@pytest.mark.parametrize(
    ("name", "statuses"),
    [
        ("northshire-rates.toml", ["holds", "holds", "does not hold", "holds"]),
        ("eastborough-monthly.toml", ["holds", "holds", "holds", "holds"]),
    ],
)
def test_the_other_shipped_examples(name: str, statuses: list[str]) -> None:
    story = tc.load_story(Path(str(EXAMPLES.joinpath(name))))
    assert [r.status for r in tc.check_story(story).results] == statuses


def test_the_repository_examples_folder_links_to_the_shipped_stories() -> None:
    root = Path(__file__).resolve().parent.parent / "examples"
    for name in ("lincolnshire-2017.toml", "northshire-rates.toml", "eastborough-monthly.toml"):
        assert (root / name).read_text("utf-8") == EXAMPLES.joinpath(name).read_text("utf-8")
        tc.load_story(root / name)


BROKEN = """
title = "A broken story"
mode = "bankers"
colour = "blue"

[counts.a]
area = "Here"
period = "2016/18"
count = 5

[counts.b]
period = "2016/17"
count = -3

[counts.c]
period = "2016/17"
count = "42, 265"

[counts.d]
period = "2016/17"
count = 7

[[claims]]
kind = "total"
counts = ["d", "zz"]
figure = "12"

[[claims]]
kind = "change"
from = "d"
figure = "44%"

[[claims]]
kind = "bogus"

[[claims]]
kind = "daily_rate"
count = "d"
figure = "ten"
qualifer = "about"

[[claims]]
kind = "population_rate"
count = "d"
figure = "1"

[[claims]]
kind = "ratio"
from = "unknown"
to = "d"
figure = "doubled"

[[claims]]
kind = "ratio"
from = "d"
to = "d"
figure = "soared"

[[claims]]
kind = "frequency"
count = "d"
figure = "almost one every hour"

[[claims]]
kind = "frequency"
count = "d"
figure = ""

[[claims]]
kind = "ratio"
from = "d"
to = "d"
figure = 2
"""


def test_every_problem_is_reported_with_its_location() -> None:
    with pytest.raises(tc.StoryError) as info:
        tc.load_story(BROKEN, name="broken.toml")
    problems = info.value.problems
    expected = [
        "colour: unknown key",
        "mode: must be one of 'half_up'",
        "counts.a.period: unknown period '2016/18': the years of a financial year label must be consecutive",
        "counts.b.count: count must not be negative",
        "counts.c.count: figure must be a number as printed",
        "claims[1].counts: no count is named 'zz'; the counts are: d",
        'claims[2].to: missing; a change claim needs to = "<count name>"',
        "claims[3].kind: must be one of 'total', 'change'",
        "claims[4].qualifer: unknown key",
        "claims[4].figure: must be a number as printed",
        "claims[5].population: missing; give population = ... here or in counts.d",
        "claims[6].from: no count is named 'unknown'",
        "claims[7].figure: claim 'soared' is not a change in words trendcalc knows",
        "claims[8].figure: claim 'almost one every hour': 'almost' is not used with 'every' claims",
        "claims[9].figure: claim '' is not a frequency trendcalc knows",
        "claims[10].figure: claim '2' is not a change in words trendcalc knows",
    ]
    for item in expected:
        assert any(p.startswith(item) for p in problems), (item, problems)
    assert str(info.value).startswith("broken.toml has ")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("title = ", "not valid TOML"),
        ('title = "x"', "claims: missing; add at least one [[claims]] table"),
        ('title = "x"\nclaims = 5', "claims: must be a list of [[claims]] tables"),
        ('title = "x"\nclaims = []', "claims: empty; add at least one [[claims]] table"),
        (
            'title = "x"\ncounts = 5\n[[claims]]\nkind = "total"\ncounts = []\nfigure = "1"',
            "counts: must be a table",
        ),
        (
            'title = 5\n[[claims]]\nkind = "total"\ncounts = []\nfigure = "1"',
            "title: must be text in quotes",
        ),
        (
            'title = "x"\n[counts.unknown]\nperiod = "2016"\ncount = 1\n[[claims]]\nkind="total"\ncounts=["unknown"]\nfigure="1"',
            "'unknown' is kept for claims",
        ),
    ],
)
def test_malformed_files_are_refused_with_a_location(text: str, message: str) -> None:
    with pytest.raises(tc.StoryError, match=message.replace("[", r"\[").replace("]", r"\]")):
        tc.load_story(text)


def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    text = 'title = "x"\n[counts.a]\nperiod = "2016/17"\ncount = 5\n[[claims]]\n'
    text += 'kind = "total"\ncounts = ["a"]\nfigure = "5"\n'
    path = tmp_path / "story.toml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))  # as Windows Notepad saves
    assert tc.load_story(path) == tc.load_story(text)


def test_a_qualifier_written_into_the_figure_is_pointed_at_the_qualifier_key() -> None:
    text = (
        'title = "x"\n[counts.a]\nperiod = "2015/16"\ncount = 3\n'
        '[counts.b]\nperiod = "2016/17"\ncount = 5\n'
        '[[claims]]\nkind = "change"\nfrom = "a"\nto = "b"\nfigure = "More than 10%"\n'
        '[[claims]]\nkind = "daily_rate"\ncount = "b"\nfigure = "about 0.3"\n'
    )
    with pytest.raises(tc.StoryError) as info:
        tc.load_story(text)
    problems = info.value.problems
    assert problems[0].startswith("claims[1].figure: must be a number as printed")
    assert problems[0].endswith('; write qualifier = "more than" and figure = "10%"')
    assert problems[1].endswith('; write qualifier = "about" and figure = "0.3"')
    assert not any("parse_qualified_count" in p or "reported must" in p for p in problems)


def test_a_bad_option_of_a_claim_in_words_is_reported_at_its_key() -> None:
    text = (
        'title = "x"\n[series.s]\ncounts = { "2015/16" = 3, "2016/17" = 2 }\n'
        '[[claims]]\nkind = "streak"\nseries = "s"\nfigure = "a fall"\n'
        'direction = "fall"\nlength = 0\n'
        '[[claims]]\nkind = "streak"\nseries = "s"\n'
        'figure = "fell for the second year running"\nlength = 3\n'
    )
    with pytest.raises(tc.StoryError) as info:
        tc.load_story(text)
    assert info.value.problems == [
        "claims[1].length: must be an integer of at least 1 (got 0)",
        # a clash between the words and an option is the figure's, as the words say more
        "claims[2].figure: claim 'fell for the second year running' says length 2 but "
        "length=3; give one of them",
    ]


def test_a_named_count_marked_missing_is_pointed_at_what_can_be_missing() -> None:
    text = (
        'title = "x"\n[counts.a]\nperiod = "2016/17"\ncount = "missing"\n'
        '[[claims]]\nkind = "total"\ncounts = ["a"]\nfigure = "5"\n'
    )
    with pytest.raises(tc.StoryError) as info:
        tc.load_story(text)
    assert info.value.problems[0].startswith("counts.a.count: a named count must be given")
    assert 'from = "unknown"' in info.value.problems[0]


def test_a_missing_file_is_a_story_error() -> None:
    with pytest.raises(tc.StoryError, match="cannot read the file"):
        tc.load_story(Path("/nonexistent/story.toml"))


def test_rounded_counts_in_a_story() -> None:
    story = tc.load_story(
        """
title = "Rounded"
[counts]
before = { period = "2015", count = "60,000", rounded_to = 1000 }
after = { period = "2016", count = "391,000", rounded_to = 1000 }
[[claims]]
kind = "change"
from = "before"
to = "after"
figure = "550%"
"""
    )
    (result,) = tc.check_story(story).results
    assert result.status == "holds"
    assert "(59,500 to 60,499)" in result.explanation


def test_rounded_to_must_be_a_power_of_ten() -> None:
    with pytest.raises(tc.StoryError, match=r"counts.a.rounded_to: must be 1, 10, 100, 1000"):
        tc.load_story(
            'title="x"\n[counts]\na = { period = "2015", count = 5, rounded_to = 50 }\n[[claims]]\nkind="total"\ncounts=["a"]\nfigure="5"'
        )


# -- the loader raises nothing but TrendcalcError


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"


scalars = st.one_of(
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
    st.sampled_from(
        ["2016/17", "2015/16", "3,903", "44%", "total", "change", "daily_rate", "a", "b", "unknown"]
    ),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4)
    ),
    max_leaves=12,
)
keys = st.sampled_from(
    [
        "title",
        "source",
        "mode",
        "counts",
        "claims",
        "kind",
        "figure",
        "period",
        "count",
        "from",
        "to",
        "x",
    ]
)


@given(st.dictionaries(keys, values, max_size=6))
def test_the_loader_raises_only_story_errors_on_random_documents(
    document: dict[str, object],
) -> None:
    text = "\n".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in document.items())
    with contextlib.suppress(tc.TrendcalcError):
        tc.load_story(text + "\n")


SHIPPED = [
    EXAMPLES.joinpath(name).read_text("utf-8")
    for name in ("lincolnshire-2017.toml", "northshire-rates.toml", "eastborough-monthly.toml")
]


@given(st.sampled_from(SHIPPED), st.data())
def test_the_loader_raises_only_story_errors_on_mutated_examples(
    example: str, data: st.DataObject
) -> None:
    lines = example.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.sampled_from(range(len(lines))))  # uniform: claims sit at the end
        action = data.draw(st.sampled_from(["delete", "value", "raw"]))
        if action == "delete":
            del lines[i]
        elif action == "value" and "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            lines[i] = f"{key}= {_toml_value(data.draw(values))}"
        else:
            lines[i] = data.draw(st.text(max_size=20))
        if not lines:
            break
    try:
        story = tc.load_story("\n".join(lines) + "\n")
    except tc.TrendcalcError:
        return
    tc.check_story(story)  # a story that loads can always be checked
