"""Story files: the counts a story relies on and the claims it makes, checked in one go."""

from __future__ import annotations

import re
import reprlib
import sys
import tomllib
from collections.abc import Mapping, Set
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import attrs

from trendcalc._claims import QUALIFIERS, Verdict
from trendcalc._claims.inputs import reported_figure
from trendcalc._claims.qualifiers import READINGS, Reading
from trendcalc._claims.registry import (
    KINDS,
    UNKNOWN,
    ClaimFields,
    ClaimKind,
    Problems,
    StoryCheck,
    Unchecked,
    claim_kind,
    figure_of,
    mismatch_note,
    short_int,
)
from trendcalc._errors import TrendcalcError
from trendcalc._figures import Figure
from trendcalc._limits import MAX_LABEL_LENGTH, MAX_NUMBER_LENGTH, MAX_TEXT_LENGTH, brief
from trendcalc._periods import Period, parse_period
from trendcalc._story_blocks import (
    StorySeries,
    StoryTable,
    read_series_blocks,
    read_table_blocks,
)
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

_STORY_KEYS = {"title", "source", "url", "mode", "reading", "counts", "series", "table", "claims"}
_COUNT_KEYS = {"area", "period", "count", "rounded_to", "population", "note", "offence", "unit"}
# keys every claim may have; each kind adds its inputs and options (see _claims/registry.py)
_CLAIM_COMMON = {"kind", "says", "figure", "qualifier", "mode", "note"}


class StoryError(TrendcalcError):
    """A story file with problems; ``problems`` lists each with its location.

    Attributes
    ----------
    problems : list of str
        Each problem, starting with where it is: ``"claims[2].figure: ..."``.

    See Also
    --------
    load_story : reads a story file and raises it.
    TrendcalcError : the root of every trendcalc error.

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
    """A count a story relies on: its area, period and value (see :func:`load_story`).

    Attributes
    ----------
    name : str
        Its name in the story file (``[counts.lincs_2016]``), by which claims refer to it.
    area : str
        Where it was counted; empty when the file gives none.
    period : Period
        The period it covers.
    count : Figure
        The count as published, with its rounding when the file gives ``rounded_to``.
    population : Figure or None
        The population it is among, for ``population_rate`` claims.
    note : str
        The file's note on it, if any.

    See Also
    --------
    Story : holds the counts by name.
    parse_count : reads a count as printed, as the story file's ``count`` is read.

    Examples
    --------
    >>> import trendcalc as tc
    >>> count = tc.example_story().counts["lincs_2016"]
    >>> count.label
    'Lincolnshire, 2016/17'
    >>> count.count.value, count.period.days
    (Fraction(58, 1), 365)
    """

    name: str
    area: str
    period: Period
    count: Figure
    population: Figure | None = None
    note: str = ""
    #: What was counted ("burglary"), when the story says; a change between counts of
    #: different offences is flagged in the verdict.
    offence: str = ""
    #: What one count is ("offences", "households", "people"), used in the words.
    unit: str = ""

    @property
    def label(self) -> str:
        """``"<area>, <period>"``."""
        return f"{self.area}, {self.period.label}" if self.area else self.period.label


@attrs.frozen
class StoryClaim:
    """A claim a story makes (see :func:`load_story`).

    Attributes
    ----------
    number : int
        Its place among the story's claims, from 1 (``claims[1]`` in messages).
    kind : str
        The kind of claim: ``"total"``, ``"change"``, ... (the Story files page lists them).
    says : str
        The words of the story, as the file quotes them.
    figure : str
        The published figure, or the words, as printed: ``"44%"``, ``"nearly doubled"``.
    qualifier : str
        The word in front of the figure (``"exact"`` when there is none).
    mode : str or None
        The claim's own rounding mode, or None to use the story's.
    inputs : Mapping
        Each input (``"from"``, ``"to"``, ``"count"``, ``"counts"``) to the count names it
        refers to, or to ``"unknown"``.
    per : int
        For ``population_rate`` claims: the rate is per this many people (default 1000).
    population : Figure or None
        For ``population_rate`` claims: the population, when the claim gives it.
    note : str
        The file's note on the claim, if any.
    options : Mapping
        The other keys a kind of claim reads (empty for the kinds above).

    See Also
    --------
    Story : holds the claims in order.
    ClaimResult : a claim with its verdict.

    Examples
    --------
    >>> import trendcalc as tc
    >>> claim = tc.example_story().claims[1]
    >>> claim.kind, claim.figure, claim.inputs
    ('change', '-48%', {'from': 'lincs_2015', 'to': 'lincs_2016'})
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
    options: Mapping[str, Any] = attrs.field(factory=dict)
    #: The claim's own ``reading`` (``"strict"`` or ``"editorial"``), or None for the story's.
    reading: Reading | None = None


@attrs.frozen
class Story:
    """A story file, read and checked for mistakes (see :func:`load_story`).

    Attributes
    ----------
    title : str
        The story's headline.
    source : str
        Where it was published; empty when the file gives none.
    url : str
        Its address; empty when the file gives none.
    mode : str
        The rounding mode its figures are judged by (``"half_up"`` unless the file says).
    counts : Mapping of str to StoryCount
        The counts it relies on, by name.
    claims : tuple of StoryClaim
        Its claims, in the order of the file.
    reading : str
        How qualifiers and round figures are read: ``"strict"`` or ``"editorial"``.
    series : Mapping of str to StorySeries
        Its ``[series.NAME]`` blocks, by name.
    tables : Mapping of str to StoryTable
        Its ``[table.NAME]`` blocks, by name.

    See Also
    --------
    load_story : reads one from a file or text.
    check_story : checks every claim.
    StoryCount, StoryClaim : what it holds.

    Examples
    --------
    >>> import trendcalc as tc
    >>> story = tc.example_story()
    >>> story.mode, len(story.claims)
    ('half_up', 6)
    >>> list(story.counts)[:2]
    ['lincs_2016', 'lincs_2015']
    """

    title: str
    source: str
    url: str
    mode: Mode
    counts: Mapping[str, StoryCount]
    claims: tuple[StoryClaim, ...]
    #: How qualifiers and round figures are read: ``"strict"`` (the default) or
    #: ``"editorial"`` (see the Qualifiers page).
    reading: Reading = "strict"
    series: Mapping[str, StorySeries] = attrs.field(factory=dict, kw_only=True)
    tables: Mapping[str, StoryTable] = attrs.field(factory=dict, kw_only=True)


@attrs.frozen
class ClaimResult:
    """One claim of a story with its verdict.

    Attributes
    ----------
    claim : StoryClaim
        The claim, as the file gives it.
    status : str
        ``"holds"``, ``"does not hold"``, or ``"unchecked"`` when an input is
        ``"unknown"``.
    verdict : Verdict or None
        The verdict; None when the claim is unchecked.
    implied : range or None
        The whole counts the published figure allows for the missing or doubtful count
        (what an unknown earlier count would have to be), where there is one.
    explanation : str
        One plain-English sentence saying what was found.

    See Also
    --------
    StoryReport : holds one for each claim.
    Verdict : the verdict of a checked claim.

    Examples
    --------
    >>> import trendcalc as tc
    >>> result = tc.check_story(tc.example_story()).results[2]
    >>> result.status, result.verdict, result.implied
    ('unchecked', None, range(2702, 2720))
    >>> result.explanation
    'The earlier count is not given; a change of 44% to 3,903 (England and Wales, 2016/17) holds only if it was between 2,702 and 2,719.'
    """

    claim: StoryClaim
    status: ClaimStatus
    verdict: Verdict | None
    implied: range | None
    explanation: str


@attrs.frozen
class StoryReport:
    """The verdicts on every claim of a story (see :func:`check_story`).

    Attributes
    ----------
    story : Story
        The story checked.
    mode : str
        The rounding mode it was judged by (a claim's own ``mode`` overrides it).
    results : tuple of ClaimResult
        One for each claim, in the order of the story.

    See Also
    --------
    check_story : makes one.
    ClaimResult : the verdict on one claim.

    Examples
    --------
    >>> import trendcalc as tc
    >>> report = tc.check_story(tc.example_story())
    >>> report.mode, len(report.results), report.all_hold
    ('half_up', 6, False)
    """

    story: Story
    mode: Mode
    results: tuple[ClaimResult, ...]
    reading: Reading = "strict"

    @property
    def all_hold(self) -> bool:
        """Whether no claim was found not to hold (unchecked claims do not count)."""
        return all(r.status != "does not hold" for r in self.results)


# ----------------------------------------------------------------------------- loading


def _text(value: object, where: str, problems: Problems, *, required: bool = True) -> str:
    if value is None:
        if required:
            problems.add(where, "missing; give it as text in quotes")
        return ""
    if not isinstance(value, str):
        problems.add(where, f"must be text in quotes (got {_shown(value)})")
        return ""
    if len(value) > MAX_TEXT_LENGTH:
        problems.add(
            where,
            f"is {len(value):,} characters long; at most {MAX_TEXT_LENGTH:,} are accepted "
            f"(got {_shown(value)})",
        )
        return ""
    return value


def _unknown_keys(
    table: Mapping[str, Any], allowed: set[str], where: str, problems: Problems
) -> None:
    for key in table:
        if key not in allowed:
            expected = ", ".join(sorted(allowed))
            problems.add(
                f"{where}.{key}" if where else key, f"unknown key; expected one of {expected}"
            )


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

    See Also
    --------
    check_story : checks the claims of the story read.
    example_story : a story ready to try.
    Story : what it returns.

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
    if name is not None and not isinstance(name, str):
        raise TrendcalcError(
            f"name must be text, what to call the story in messages (got "
            f"{type(name).__name__} {brief(name)})"
        )
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
            f"source must be a path or the TOML text (got {type(source).__name__} {brief(source)})"
        )
    data = _parse_toml(text, label)
    problems = Problems()
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


def _parse_toml(text: str, label: str) -> dict[str, Any]:
    """The TOML document, or a StoryError saying what is wrong with it and where.

    A byte-order mark before it (Windows editors save UTF-8 so) is not part of it."""
    try:
        return tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as e:
        raise StoryError([f"not valid TOML: {e}"], label) from None
    except RecursionError:
        raise StoryError(
            ["not valid TOML here: arrays or tables are nested too deeply to read"], label
        ) from None
    except ValueError:  # an integer too long for Python to read (sys.get_int_max_str_digits)
        raise StoryError([_long_number(text)], label) from None


# a run of digits past Python's limit on reading them (``sys.get_int_max_str_digits``)
_DIGITS = max(sys.get_int_max_str_digits(), MAX_NUMBER_LENGTH)
_LONG_NUMBER = re.compile(rf"(?:0[xob])?[0-9a-fA-F_]{{{_DIGITS},}}")


def _long_number(text: str) -> str:
    """Where a whole number too long to read is, as a problem naming the limit."""
    for number, line in enumerate(text.splitlines(), start=1):
        match = _LONG_NUMBER.search(line)
        if match is not None:
            key = line.split("=", 1)[0].strip() if "=" in line else ""
            where = f"line {number}" + (f" ({key[:40]} = ...)" if key else "")
            return (
                f"{where}: a number {len(match[0]):,} digits long; numbers in a story have "
                f"at most {MAX_NUMBER_LENGTH:,} characters"
            )
    return f"numbers in a story have at most {MAX_NUMBER_LENGTH:,} characters"


def _shown(value: object) -> str:
    """``repr(value)``, shortened for a message: long text and deep nesting are cut."""
    return _REPR.repr(value)


class _ShortRepr(reprlib.Repr):
    def repr_int(self, x: int, level: int) -> str:
        return short_int(x)

    def repr_bool(self, x: bool, level: int) -> str:
        return "true" if x else "false"  # as the story file spells it


_REPR = _ShortRepr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxdict = 3, 6, 6
_REPR.maxstring = _REPR.maxother = _REPR.maxlong = 60


def _read_story(data: Mapping[str, Any], problems: Problems) -> Story | None:
    _unknown_keys(data, _STORY_KEYS, "", problems)
    title = _text(data.get("title"), "title", problems)
    source = _text(data.get("source"), "source", problems, required=False)
    url = _text(data.get("url"), "url", problems, required=False)
    mode = data.get("mode", "half_up")
    if mode not in MODES:
        problems.add(
            "mode", f"must be one of {', '.join(repr(m) for m in MODES)} (got {_shown(mode)})"
        )
        mode = "half_up"
    reading = _read_reading(data.get("reading", "strict"), "reading", problems) or "strict"
    counts = _read_counts(data.get("counts", {}), problems)
    series = read_series_blocks(data.get("series", {}), problems)
    tables = read_table_blocks(data.get("table", {}), problems)
    # counts with problems of their own: a claim naming one is not wrong as well
    broken = (
        {n for n in data.get("counts", {}) if n not in counts}
        if isinstance(data.get("counts"), dict)
        else set()
    )
    raw_claims = data.get("claims")
    claims: list[StoryClaim] = []
    if raw_claims is None:
        problems.add("claims", "missing; add at least one [[claims]] table")
    elif not isinstance(raw_claims, list) or not all(isinstance(c, dict) for c in raw_claims):
        problems.add("claims", "must be a list of [[claims]] tables")
    elif not raw_claims:  # a story with nothing to check must not pass a check
        problems.add("claims", "empty; add at least one [[claims]] table")
    else:
        for number, raw in enumerate(raw_claims, start=1):
            claim = _read_claim(
                raw, number, counts, problems, series=series, tables=tables, broken=broken
            )
            if claim is not None:
                claims.append(claim)
    if problems.items:
        return None
    return Story(
        title, source, url, mode, counts, tuple(claims), reading, series=series, tables=tables
    )


def _read_reading(value: object, where: str, problems: Problems) -> Reading | None:
    if value is None:
        return None
    if value not in READINGS:
        problems.add(
            where, f"must be one of {', '.join(repr(r) for r in READINGS)} (got {brief(value)})"
        )
        return None
    return value  # type: ignore[return-value]


def _read_counts(raw: object, problems: Problems) -> dict[str, StoryCount]:
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
        offence = _text(entry.get("offence", ""), f"{where}.offence", problems, required=False)
        unit = _text(entry.get("unit", ""), f"{where}.unit", problems, required=False)
        period: Period | None = None
        raw_period = entry.get("period")
        if raw_period is None:
            problems.add(f"{where}.period", 'missing; give the period such as "2016/17"')
        elif not isinstance(raw_period, str):
            problems.add(
                f"{where}.period", f'must be text such as "2016/17" (got {_shown(raw_period)})'
            )
        else:
            try:
                period = parse_period(raw_period)
            except TrendcalcError as e:
                problems.add(f"{where}.period", str(e))
        if "count" not in entry:
            problems.add(f"{where}.count", "missing; give the count, e.g. count = 58")
            count = None
        elif isinstance(entry["count"], str) and entry["count"].strip().lower() == "missing":
            problems.add(
                f"{where}.count",
                "a named count must be given; for a count the story leaves out, name none "
                'and write from = "unknown" (or to) in the claim, or mark it "missing" in '
                "a [series.NAME] or [table.NAME] block",
            )
            count = None
        else:
            count = figure_of(
                entry["count"], f"{where}.count", problems, rounded_to=entry.get("rounded_to")
            )
        population = None
        if "population" in entry:
            population = figure_of(entry["population"], f"{where}.population", problems)
            if population is not None and population.value == 0:
                problems.add(f"{where}.population", "must be positive")
                population = None
        if period is not None and count is not None:
            counts[name] = StoryCount(name, area, period, count, population, note, offence, unit)
    return counts


def _read_claim(
    raw: Mapping[str, Any],
    number: int,
    counts: Mapping[str, StoryCount],
    problems: Problems,
    *,
    series: Mapping[str, StorySeries] | None = None,
    tables: Mapping[str, StoryTable] | None = None,
    broken: Set[str] = frozenset(),
) -> StoryClaim | None:
    where = f"claims[{number}]"
    before = len(problems.items)
    kind = claim_kind(raw.get("kind"))
    if kind is None:
        expected = ", ".join(repr(k) for k in KINDS)
        if "kind" not in raw:
            problems.add(f"{where}.kind", f"missing; give one of {expected}")
        else:
            problems.add(f"{where}.kind", f"must be one of {expected} (got {_shown(raw['kind'])})")
        return None
    allowed = _CLAIM_COMMON | {i.key for i in kind.inputs} | set(kind.options)
    if kind.readings:
        allowed |= {"reading"}
    _unknown_keys(raw, allowed, where, problems)
    says = _text(raw.get("says", ""), f"{where}.says", problems, required=False)
    note = _text(raw.get("note", ""), f"{where}.note", problems, required=False)
    figure = _read_figure(raw, kind, where, problems)
    mode = raw.get("mode")
    if mode is not None and mode not in MODES:
        problems.add(
            f"{where}.mode",
            f"must be one of {', '.join(repr(m) for m in MODES)} (got {_shown(mode)})",
        )
    reading = _read_reading(raw.get("reading"), f"{where}.reading", problems)
    inputs = _read_inputs(raw, kind, where, counts, problems, broken=broken)
    options: Mapping[str, Any] = {}
    if kind.read_options is not None:
        options = kind.read_options(
            ClaimFields(raw, where, inputs, counts, problems, series or {}, tables or {})
        )
    if len(problems.items) > before:
        return None
    qualifier = raw.get("qualifier", "exact")
    if kind.legacy_fields:
        return StoryClaim(
            number,
            kind.name,
            says,
            figure,
            qualifier,
            mode,
            inputs,
            note=note,
            reading=reading,
            **options,
        )
    return StoryClaim(
        number,
        kind.name,
        says,
        figure,
        qualifier,
        mode,
        inputs,
        note=note,
        options=options,
        reading=reading,
    )


def _read_figure(raw: Mapping[str, Any], kind: ClaimKind, where: str, problems: Problems) -> str:
    """The claim's ``figure`` (and its ``qualifier``), checked as the kind reads them."""
    figure = raw.get("figure")
    if isinstance(figure, int) and not isinstance(figure, bool):
        # a number too long to write out stays an int: refused below, by its length
        figure = str(figure) if figure.bit_length() <= 1000 else figure
    figure_read = isinstance(figure, str)
    if not isinstance(figure, str):
        hint = kind.figure_hint
        problems.add(
            f"{where}.figure",
            f"must be {hint} (got {_shown(figure)})"
            if figure is not None
            else f"missing; give the published figure as {hint}",
        )
        figure = ""
    elif len(figure) > MAX_LABEL_LENGTH:
        problems.add(
            f"{where}.figure",
            f"is {len(figure):,} characters long; at most {MAX_LABEL_LENGTH:,} are accepted",
        )
        figure, figure_read = "", False
    elif kind.read_words is None:
        try:
            reported_figure(figure, "figure")
        except TrendcalcError as e:
            problems.add(f"{where}.figure", _figure_problem(e))
    qualifier = raw.get("qualifier", "exact")
    if qualifier not in QUALIFIERS:
        problems.add(
            f"{where}.qualifier",
            f"must be one of {', '.join(repr(q) for q in QUALIFIERS)} (got {_shown(qualifier)})",
        )
    if figure_read and kind.read_words is not None and qualifier in QUALIFIERS:
        try:
            kind.read_words(figure, None if qualifier == "exact" else qualifier)
        except TrendcalcError as e:
            problems.add(f"{where}.figure", _figure_problem(e))
    return figure


def _figure_problem(error: TrendcalcError) -> str:
    """What is wrong with a claim's figure, in the story file's terms: the advice to a
    Python caller to pass ``qualifier=`` ("more than 10%") names the file's keys."""
    message = re.sub(r"^(?:figure|reported) (must|'.*' has)", r"\1", str(error))
    python = re.search(r"; pass qualifier='([^']*)' and \w+='([^']*)'$", message)
    if python is None:
        return message
    return message[: python.start()] + (
        f'; write qualifier = "{python[1]}" and figure = "{python[2]}"'
    )


def _read_inputs(
    raw: Mapping[str, Any],
    kind: ClaimKind,
    where: str,
    counts: Mapping[str, StoryCount],
    problems: Problems,
    *,
    broken: Set[str] = frozenset(),
) -> dict[str, str | tuple[str, ...]]:
    """The names of the counts a claim refers to, each checked against the story's counts."""
    inputs: dict[str, str | tuple[str, ...]] = {}
    for spec in kind.inputs:
        key = spec.key
        value = raw.get(key)
        if value is None:
            problems.add(f"{where}.{key}", f"missing; a {kind.name} claim needs {spec.needs}")
        elif spec.many:
            if (
                not isinstance(value, list)
                or not value
                or not all(isinstance(v, str) for v in value)
            ):
                problems.add(
                    f"{where}.{key}",
                    f'must be a list of count names, e.g. ["a", "b"] (got {_shown(value)})',
                )
            else:
                for v in value:
                    _check_name(
                        v, f"{where}.{key}", counts, problems, allow_unknown=False, broken=broken
                    )
                inputs[key] = tuple(value)
        elif not isinstance(value, str):
            problems.add(
                f"{where}.{key}", f"must be the name of a count in quotes (got {_shown(value)})"
            )
        else:
            _check_name(
                value,
                f"{where}.{key}",
                counts,
                problems,
                allow_unknown=spec.unknown_ok,
                broken=broken,
            )
            inputs[key] = value
    return inputs


def _check_name(
    name: str,
    where: str,
    counts: Mapping[str, StoryCount],
    problems: Problems,
    *,
    allow_unknown: bool,
    broken: Set[str] = frozenset(),
) -> None:
    if (name == UNKNOWN and allow_unknown) or name in broken:
        return  # a broken count has its own problem already
    if name not in counts:
        known = ", ".join(sorted(counts)) or "none"
        extra = f", or '{UNKNOWN}' when the story does not give it" if allow_unknown else ""
        problems.add(where, f"no count is named {_shown(name)}; the counts are: {known}{extra}")


# ----------------------------------------------------------------------------- checking


def check_story(
    story: Story, *, mode: Mode | None = None, reading: Reading | None = None
) -> StoryReport:
    """Check every claim of a story.

    Parameters
    ----------
    story : Story
        As read by :func:`load_story`.
    mode : str, optional
        The rounding mode to judge by, overriding the story's own ``mode`` (a claim's own
        ``mode`` overrides both).
    reading : {"strict", "editorial"}, optional
        How to read qualifiers and round figures, overriding the story's own ``reading``
        (default ``"strict"``; a claim's own ``reading`` overrides both). See the
        Qualifiers page.

    Returns
    -------
    StoryReport

    See Also
    --------
    load_story : reads a story file.
    StoryReport, ClaimResult : what it returns.
    check_total, check_change : the checks it runs, one for each kind of claim.

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
    if not isinstance(chosen, str) or chosen not in MODES:
        raise TrendcalcError(
            f"mode must be one of {', '.join(repr(m) for m in MODES)} (got {brief(chosen)})"
        )
    if reading is not None and (not isinstance(reading, str) or reading not in READINGS):
        raise TrendcalcError(
            f"reading must be one of {', '.join(repr(r) for r in READINGS)} (got {brief(reading)})"
        )
    read: Reading = reading if reading is not None else story.reading
    results = tuple(_check_claim(story, c, chosen, read) for c in story.claims)
    return StoryReport(story, chosen, results, read)


def _check_claim(
    story: Story, claim: StoryClaim, default_mode: Mode, default_reading: Reading = "strict"
) -> ClaimResult:
    mode: Mode = claim.mode or default_mode
    reading: Reading = claim.reading or default_reading
    kind = KINDS[claim.kind]
    check = StoryCheck(claim, story.counts, mode, reading, series=story.series, tables=story.tables)
    outcome = kind.check(check)
    if kind.compares:
        outcome = _flag_mismatch(claim, story, outcome)
    if isinstance(outcome, Unchecked):
        return ClaimResult(claim, "unchecked", None, outcome.implied, outcome.explanation)
    status: ClaimStatus = "holds" if outcome.consistent else "does not hold"
    return ClaimResult(claim, status, outcome, outcome.implied, outcome.explanation)


def _flag_mismatch(
    claim: StoryClaim, story: Story, outcome: Verdict | Unchecked
) -> Verdict | Unchecked:
    """Add to the explanation when the counts compared differ in area or offence."""
    names: list[str] = []
    for value in list(claim.inputs.values()) + list(claim.options.get("names", {}).values()):
        for name in (value,) if isinstance(value, str) else value:
            if name in story.counts:
                names.append(name)
    note = mismatch_note([story.counts[n] for n in names])
    if not note:
        return outcome
    return attrs.evolve(outcome, explanation=outcome.explanation + note)


def example_story() -> Story:
    """The built-in example: the Lincolnshire story of June 2017, every figure in it.

    Returns
    -------
    Story

    See Also
    --------
    load_story : reads a story file of your own.
    check_story : checks it.

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
