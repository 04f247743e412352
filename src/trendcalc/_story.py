"""Story files: the counts a story relies on and the claims it makes, checked in one go."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import attrs

from trendcalc._claims import (
    QUALIFIERS,
    Verdict,
    check_change,
    check_daily_rate,
    check_frequency,
    check_population_rate,
    check_ratio,
    check_total,
    implied_before,
    read_frequency_words,
    read_ratio_words,
)
from trendcalc._errors import TrendcalcError
from trendcalc._figures import Figure, parse_count, parse_figure
from trendcalc._periods import Period, parse_period
from trendcalc._validate import MODES, Mode

__all__ = [
    "ClaimResult",
    "Story",
    "StoryClaim",
    "StoryCount",
    "StoryError",
    "StoryReport",
    "check_story",
    "example_story",
    "load_story",
]

ClaimStatus = Literal["holds", "does not hold", "unchecked"]

CLAIM_KINDS = ("total", "change", "daily_rate", "population_rate", "ratio", "frequency")
UNKNOWN = "unknown"

_STORY_KEYS = {"title", "source", "url", "mode", "counts", "claims"}
_COUNT_KEYS = {"area", "period", "count", "rounded_to", "population", "note"}
# keys every claim may have, then the inputs each kind needs (required, optional)
_CLAIM_COMMON = {"kind", "says", "figure", "qualifier", "mode", "note"}
_CLAIM_INPUTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "total": (("counts",), ()),
    "change": (("from", "to"), ()),
    "daily_rate": (("count",), ()),
    "population_rate": (("count",), ("population", "per")),
    "ratio": (("from", "to"), ()),
    "frequency": (("count",), ()),
}


class StoryError(TrendcalcError):
    """A story file with problems; ``problems`` lists each with its location.

    Examples
    --------
    >>> import trendcalc as tc
    >>> try:
    ...     tc.load_story('title = "x"\\n[[claims]]\\nkind = "total"\\nfigure = "5"\\n')
    ... except tc.StoryError as e:
    ...     print(e.problems[0])
    claims[1].counts: missing; a total claim needs counts = [...], the names of the counts it adds up
    """

    def __init__(self, problems: list[str], source: str = "story") -> None:
        self.problems = problems
        listed = "\n".join(f"  {p}" for p in problems)
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{source} has {len(problems)} {noun}:\n{listed}")


StoryError.__module__ = "trendcalc"


@attrs.frozen
class StoryCount:
    """A count a story relies on: its area, period and value (see :func:`load_story`)."""

    name: str
    area: str
    period: Period
    count: Figure
    population: Figure | None = None
    note: str = ""

    @property
    def label(self) -> str:
        """``"<area>, <period>"``."""
        return f"{self.area}, {self.period.label}" if self.area else self.period.label


@attrs.frozen
class StoryClaim:
    """A claim a story makes (see :func:`load_story`).

    ``inputs`` maps each input (``"from"``, ``"to"``, ``"count"``, ``"counts"``,
    ``"population"``) to the count names it refers to, or to ``"unknown"``.
    """

    number: int
    kind: str
    says: str
    figure: str
    qualifier: str
    mode: Mode | None
    inputs: Mapping[str, str | tuple[str, ...]]
    per: int = 1000
    population: Figure | None = None
    note: str = ""


@attrs.frozen
class Story:
    """A story file, read and checked for mistakes (see :func:`load_story`)."""

    title: str
    source: str
    url: str
    mode: Mode
    counts: Mapping[str, StoryCount]
    claims: tuple[StoryClaim, ...]


@attrs.frozen
class ClaimResult:
    """One claim of a story with its verdict.

    ``status`` is ``"holds"``, ``"does not hold"``, or ``"unchecked"`` when an input is
    ``"unknown"``; then ``implied`` says what the missing count would have to be.
    """

    claim: StoryClaim
    status: ClaimStatus
    verdict: Verdict | None
    implied: range | None
    explanation: str


@attrs.frozen
class StoryReport:
    """The verdicts on every claim of a story (see :func:`check_story`)."""

    story: Story
    mode: Mode
    results: tuple[ClaimResult, ...]

    @property
    def all_hold(self) -> bool:
        """Whether no claim was found not to hold (unchecked claims do not count)."""
        return all(r.status != "does not hold" for r in self.results)


# ----------------------------------------------------------------------------- loading


class _Problems:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}: {message}")


def _text(value: object, where: str, problems: _Problems, *, required: bool = True) -> str:
    if value is None:
        if required:
            problems.add(where, "missing; give it as text in quotes")
        return ""
    if not isinstance(value, str):
        problems.add(where, f"must be text in quotes (got {value!r})")
        return ""
    return value


def _unknown_keys(
    table: Mapping[str, Any], allowed: set[str], where: str, problems: _Problems
) -> None:
    for key in table:
        if key not in allowed:
            expected = ", ".join(sorted(allowed))
            problems.add(
                f"{where}.{key}" if where else key, f"unknown key; expected one of {expected}"
            )


def _figure_of(
    value: object, where: str, problems: _Problems, *, rounded_to: object = None
) -> Figure | None:
    places = None
    if rounded_to is not None:
        if (
            isinstance(rounded_to, bool)
            or not isinstance(rounded_to, int)
            or rounded_to < 1
            or (str(rounded_to).rstrip("0") != "1")
        ):
            problems.add(
                where.rsplit(".", 1)[0] + ".rounded_to",
                f"must be 1, 10, 100, 1000, ... (got {rounded_to!r})",
            )
            return None
        places = -(len(str(rounded_to)) - 1)
    if isinstance(value, bool) or not isinstance(value, int | str):
        problems.add(where, f'must be a whole number or text such as "3,903" (got {value!r})')
        return None
    try:
        return parse_count(value, places=places)
    except TrendcalcError as e:
        problems.add(where, str(e))
        return None


def load_story(source: str | Path, *, name: str | None = None) -> Story:
    """Read a story file (TOML) and check it for mistakes.

    Parameters
    ----------
    source : str or pathlib.Path
        A path to the file, or the TOML text itself. A str holding a newline is text; a
        single line is a path, unless it holds an ``=`` and names no existing file.
    name : str, optional
        What to call the source in messages (default: the file name, or "story").

    Returns
    -------
    Story

    Raises
    ------
    StoryError
        Listing every problem with its location, such as
        ``claims[2].period: unknown period '2016/18' ...``. Claims are numbered from 1.

    Examples
    --------
    >>> import trendcalc as tc
    >>> story = tc.load_story('''
    ... title = "Two years of offences"
    ... [counts]
    ... before = { area = "Lincolnshire", period = "2015/16", count = 112 }
    ... after = { area = "Lincolnshire", period = "2016/17", count = 58 }
    ... [[claims]]
    ... says = "170 over the last two years"
    ... kind = "total"
    ... counts = ["before", "after"]
    ... figure = "170"
    ... ''')
    >>> tc.check_story(story).results[0].status
    'holds'
    """
    if isinstance(source, Path) or (
        isinstance(source, str)
        and "\n" not in source
        and ("=" not in source or _names_a_file(source))
    ):
        path = Path(source)
        label = name or path.name
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, ValueError) as e:  # ValueError: not UTF-8, or a NUL in the name
            raise StoryError([f"cannot read the file: {e}"], label) from None
    elif isinstance(source, str):
        text, label = source, name or "story"
    else:
        raise TrendcalcError(
            f"source must be a path or the TOML text (got {type(source).__name__} {source!r})"
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise StoryError([f"not valid TOML: {e}"], label) from None
    problems = _Problems()
    story = _read_story(data, problems)
    if problems.items or story is None:
        raise StoryError(problems.items, label)
    return story


def _names_a_file(source: str) -> bool:
    """Whether one line of text names an existing file (``a=b.toml`` is a file name)."""
    try:
        return Path(source).is_file()
    except (OSError, ValueError):  # a name too long for the system, or holding a NUL
        return False


def _read_story(data: Mapping[str, Any], problems: _Problems) -> Story | None:
    _unknown_keys(data, _STORY_KEYS, "", problems)
    title = _text(data.get("title"), "title", problems)
    source = _text(data.get("source"), "source", problems, required=False)
    url = _text(data.get("url"), "url", problems, required=False)
    mode = data.get("mode", "half_up")
    if mode not in MODES:
        problems.add("mode", f"must be one of {', '.join(repr(m) for m in MODES)} (got {mode!r})")
        mode = "half_up"
    counts = _read_counts(data.get("counts", {}), problems)
    raw_claims = data.get("claims")
    claims: list[StoryClaim] = []
    if raw_claims is None:
        problems.add("claims", "missing; add at least one [[claims]] table")
    elif not isinstance(raw_claims, list) or not all(isinstance(c, dict) for c in raw_claims):
        problems.add("claims", "must be a list of [[claims]] tables")
    else:
        for number, raw in enumerate(raw_claims, start=1):
            claim = _read_claim(raw, number, counts, problems)
            if claim is not None:
                claims.append(claim)
    if problems.items:
        return None
    return Story(title, source, url, mode, counts, tuple(claims))


def _read_counts(raw: object, problems: _Problems) -> dict[str, StoryCount]:
    counts: dict[str, StoryCount] = {}
    if not isinstance(raw, dict):
        problems.add("counts", "must be a table of named counts, e.g. [counts.lincs_2016]")
        return counts
    for name, entry in raw.items():
        where = f"counts.{name}"
        if name == UNKNOWN:
            problems.add(
                where, f"'{UNKNOWN}' is kept for claims whose count is not given; rename it"
            )
            continue
        if not isinstance(entry, dict):
            problems.add(where, "must be a table with area, period and count")
            continue
        _unknown_keys(entry, _COUNT_KEYS, where, problems)
        area = _text(entry.get("area", ""), f"{where}.area", problems, required=False)
        note = _text(entry.get("note", ""), f"{where}.note", problems, required=False)
        period: Period | None = None
        raw_period = entry.get("period")
        if raw_period is None:
            problems.add(f"{where}.period", 'missing; give the period such as "2016/17"')
        elif not isinstance(raw_period, str):
            problems.add(f"{where}.period", f'must be text such as "2016/17" (got {raw_period!r})')
        else:
            try:
                period = parse_period(raw_period)
            except TrendcalcError as e:
                problems.add(f"{where}.period", str(e))
        if "count" not in entry:
            problems.add(f"{where}.count", "missing; give the count, e.g. count = 58")
            count = None
        else:
            count = _figure_of(
                entry["count"], f"{where}.count", problems, rounded_to=entry.get("rounded_to")
            )
        population = None
        if "population" in entry:
            population = _figure_of(entry["population"], f"{where}.population", problems)
            if population is not None and population.value == 0:
                problems.add(f"{where}.population", "must be positive")
                population = None
        if period is not None and count is not None:
            counts[name] = StoryCount(name, area, period, count, population, note)
    return counts


def _read_claim(
    raw: Mapping[str, Any], number: int, counts: Mapping[str, StoryCount], problems: _Problems
) -> StoryClaim | None:
    where = f"claims[{number}]"
    before = len(problems.items)
    kind = raw.get("kind")
    if kind not in CLAIM_KINDS:
        expected = ", ".join(repr(k) for k in CLAIM_KINDS)
        problems.add(f"{where}.kind", f"must be one of {expected} (got {kind!r})")
        return None
    required, optional = _CLAIM_INPUTS[kind]
    _unknown_keys(raw, _CLAIM_COMMON | set(required) | set(optional), where, problems)
    says = _text(raw.get("says", ""), f"{where}.says", problems, required=False)
    note = _text(raw.get("note", ""), f"{where}.note", problems, required=False)
    figure = raw.get("figure")
    if isinstance(figure, int) and not isinstance(figure, bool):
        figure = str(figure)
    figure_read = isinstance(figure, str)
    if not isinstance(figure, str):
        hint = (
            'the words, e.g. "nearly doubled"'
            if kind in ("ratio", "frequency")
            else 'text, e.g. "44%"'
        )
        problems.add(
            f"{where}.figure",
            f"must be {hint} (got {figure!r})"
            if figure is not None
            else f"missing; give the published figure as {hint}",
        )
        figure = ""
    elif kind not in ("ratio", "frequency"):
        try:
            parse_figure(figure)
        except TrendcalcError as e:
            problems.add(f"{where}.figure", str(e).replace("figure must", "must", 1))
    qualifier = raw.get("qualifier", "exact")
    if qualifier not in QUALIFIERS:
        problems.add(
            f"{where}.qualifier",
            f"must be one of {', '.join(repr(q) for q in QUALIFIERS)} (got {qualifier!r})",
        )
    if figure_read and kind in ("ratio", "frequency") and qualifier in QUALIFIERS:
        read_words = read_ratio_words if kind == "ratio" else read_frequency_words
        try:
            read_words(figure, None if qualifier == "exact" else qualifier)
        except TrendcalcError as e:
            problems.add(f"{where}.figure", str(e))
    mode = raw.get("mode")
    if mode is not None and mode not in MODES:
        problems.add(
            f"{where}.mode", f"must be one of {', '.join(repr(m) for m in MODES)} (got {mode!r})"
        )
    inputs: dict[str, str | tuple[str, ...]] = {}
    for key in required:
        value = raw.get(key)
        if value is None:
            problems.add(f"{where}.{key}", _missing_input(kind, key))
        elif key == "counts":
            if (
                not isinstance(value, list)
                or not value
                or not all(isinstance(v, str) for v in value)
            ):
                problems.add(
                    f"{where}.counts",
                    f'must be a list of count names, e.g. ["a", "b"] (got {value!r})',
                )
            else:
                for v in value:
                    _check_name(v, f"{where}.counts", counts, problems, allow_unknown=False)
                inputs[key] = tuple(value)
        elif not isinstance(value, str):
            problems.add(f"{where}.{key}", f"must be the name of a count in quotes (got {value!r})")
        else:
            _check_name(
                value,
                f"{where}.{key}",
                counts,
                problems,
                allow_unknown=kind == "change" and key == "from",
            )
            inputs[key] = value
    per = 1000
    population = None
    if kind == "population_rate":
        raw_per = raw.get("per", 1000)
        if isinstance(raw_per, bool) or not isinstance(raw_per, int) or raw_per < 1:
            problems.add(
                f"{where}.per", f"must be a positive whole number such as 1000 (got {raw_per!r})"
            )
        else:
            per = raw_per
        if "population" in raw:
            population = _figure_of(raw["population"], f"{where}.population", problems)
        elif (
            isinstance(inputs.get("count"), str)
            and inputs["count"] in counts
            and counts[str(inputs["count"])].population is None
        ):
            problems.add(
                f"{where}.population",
                f"missing; give population = ... here or in counts.{inputs['count']}",
            )
    if len(problems.items) > before:
        return None
    return StoryClaim(number, kind, says, figure, qualifier, mode, inputs, per, population, note)


def _missing_input(kind: str, key: str) -> str:
    hints = {
        "counts": (
            f"missing; a {kind} claim needs counts = [...], the names of the counts it adds up"
        ),
        "from": f'missing; a {kind} claim needs from = "<count name>" (the earlier count)',
        "to": f'missing; a {kind} claim needs to = "<count name>" (the later count)',
        "count": f'missing; a {kind} claim needs count = "<count name>"',
    }
    return hints[key]


def _check_name(
    name: str,
    where: str,
    counts: Mapping[str, StoryCount],
    problems: _Problems,
    *,
    allow_unknown: bool,
) -> None:
    if name == UNKNOWN and allow_unknown:
        return
    if name not in counts:
        known = ", ".join(sorted(counts)) or "none"
        extra = f", or '{UNKNOWN}' when the story does not give it" if allow_unknown else ""
        problems.add(where, f"no count is named {name!r}; the counts are: {known}{extra}")


# ----------------------------------------------------------------------------- checking


def check_story(story: Story, *, mode: Mode | None = None) -> StoryReport:
    """Check every claim of a story.

    Parameters
    ----------
    story : Story
        As read by :func:`load_story`.
    mode : str, optional
        The rounding mode to judge by, overriding the story's own ``mode`` (a claim's own
        ``mode`` overrides both).

    Returns
    -------
    StoryReport

    Examples
    --------
    >>> import trendcalc as tc
    >>> report = tc.check_story(tc.example_story())
    >>> [r.status for r in report.results]
    ['holds', 'holds', 'unchecked', 'does not hold', 'does not hold', 'holds']
    >>> report.all_hold
    False
    """
    if not isinstance(story, Story):
        raise TrendcalcError(f"story must be a Story from load_story (got {type(story).__name__})")
    chosen: Mode = mode if mode is not None else story.mode
    if chosen not in MODES:
        raise TrendcalcError(
            f"mode must be one of {', '.join(repr(m) for m in MODES)} (got {chosen!r})"
        )
    return StoryReport(story, chosen, tuple(_check_claim(story, c, chosen) for c in story.claims))


def _check_claim(story: Story, claim: StoryClaim, default_mode: Mode) -> ClaimResult:
    mode: Mode = claim.mode or default_mode
    q: Any = claim.qualifier
    counts = story.counts

    def count(key: str) -> StoryCount:
        return counts[str(claim.inputs[key])]

    verdict: Verdict
    if claim.kind == "total":
        parts = [counts[n].count for n in claim.inputs["counts"]]
        verdict = check_total(parts, claim.figure, qualifier=q, mode=mode)
    elif claim.kind == "change":
        after = count("to")
        if claim.inputs["from"] == UNKNOWN:
            return _unchecked_change(claim, after, mode)
        verdict = check_change(
            count("from").count, after.count, claim.figure, qualifier=q, mode=mode
        )
    elif claim.kind == "daily_rate":
        c = count("count")
        verdict = check_daily_rate(c.count, c.period, claim.figure, qualifier=q, mode=mode)
    elif claim.kind == "population_rate":
        c = count("count")
        population = claim.population or c.population
        assert population is not None
        verdict = check_population_rate(
            c.count, population, claim.figure, per=claim.per, qualifier=q, mode=mode
        )
    elif claim.kind == "ratio":
        verdict = check_ratio(
            count("from").count,
            count("to").count,
            claim.figure,
            mode=mode,
            qualifier=None if q == "exact" else q,
        )
    else:
        c = count("count")
        verdict = check_frequency(
            c.count, c.period, claim.figure, mode=mode, qualifier=None if q == "exact" else q
        )
    status: ClaimStatus = "holds" if verdict.consistent else "does not hold"
    return ClaimResult(claim, status, verdict, verdict.implied, verdict.explanation)


def _unchecked_change(claim: StoryClaim, after: StoryCount, mode: Mode) -> ClaimResult:
    figure = claim.figure if claim.figure.endswith("%") else f"{claim.figure}%"
    if after.count.rounded:
        text = (
            f"The earlier count is not given, and {after.label} is rounded, so {figure} "
            "cannot be checked."
        )
        return ClaimResult(claim, "unchecked", None, None, text)
    try:
        implied = implied_before(
            int(after.count.value),
            claim.figure,
            mode=mode,
            qualifier=claim.qualifier,  # type: ignore[arg-type]
        )
    except TrendcalcError as e:
        return ClaimResult(claim, "unchecked", None, None, f"The earlier count is not given; {e}.")
    said = figure if claim.qualifier == "exact" else f"{claim.qualifier} {figure}"
    if implied:
        span = (
            f"{implied.start:,}"
            if len(implied) == 1
            else f"between {implied.start:,} and {implied[-1]:,}"
        )
        text = (
            f"The earlier count is not given; a change of {said} to {int(after.count.value):,} "
            f"({after.label}) holds only if it was {span}."
        )
    else:
        text = (
            "The earlier count is not given, and no whole earlier count gives "
            f"{said} to {int(after.count.value):,}."
        )
    return ClaimResult(claim, "unchecked", None, implied, text)


def example_story() -> Story:
    """The built-in example: the Lincolnshire story of June 2017, every figure in it.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.example_story().title
    'Sexual predators commit 170 online offences against children in Lincolnshire since 2015'
    """
    text = (
        resources.files("trendcalc").joinpath("examples/lincolnshire-2017.toml").read_text("utf-8")
    )
    return load_story(text, name="lincolnshire-2017.toml")
