"""The registry of claim kinds: one entry per kind, read by story files, the CLI, JSON and docs.

How to add a claim kind
-----------------------
A kind is one module in ``src/trendcalc/_claims/`` (``total.py``, ``change.py``, ...).

1. Write the public check function, ``check_<kind>(...) -> Verdict``, with a numpydoc
   docstring and runnable Examples. Build its :class:`~trendcalc.Verdict` with
   :func:`~trendcalc._claims.verdict.figure_verdict` (a published number) or
   :func:`~trendcalc._claims.verdict.words_verdict` (a claim in words), giving them
   ``holds(mode) -> bool`` and ``accepted_for(mode) -> Interval`` (usually
   :func:`~trendcalc._claims.verdict.figure_accepts`); they test every rounding mode and
   word the explanation. Read counts with :func:`~trendcalc._claims.inputs.counts_range`
   and the published figure with :func:`~trendcalc._claims.inputs.reported_figure`.
2. Write ``_from_story(check: StoryCheck) -> Verdict | Unchecked``: it calls the check
   function with the story's counts (``check.count("from").count``,
   ``check.count_list("counts")``, ``check.claim.options[...]``) and
   ``check.qualifier``/``check.words_qualifier`` and ``check.mode``.
3. At the end of the module, register the kind::

       KIND = register(
           ClaimKind(
               name="difference",                  # kind = "difference" in story files
               function=check_difference,          # public; listed in the docs table
               inputs=(FROM, TO),                  # keys naming counts, in order
               check=_from_story,
               inputs_doc='``from = "a"``, ``to = "b"``',
               figure_doc='the difference, ``"9,908"``',
           )
       )

   A kind judged by a reading (strict or editorial) sets ``readings=True`` and passes
   ``check.reading`` on; it then builds its verdict with
   :func:`~trendcalc._claims.verdict.judge` over
   :func:`~trendcalc._claims.verdict.figure_readers`, so ``holds_readings`` and the
   words ("it holds if 9,000 is rounded to the nearest thousand") come for free. A kind
   comparing counts sets ``compares=True``: counts of different areas or offences are
   then flagged.

   Other story-file keys of the kind (``per``, ``series``, ...) go in ``options`` and are
   read by ``read_options(fields: ClaimFields) -> Mapping``: report problems with
   ``fields.problem(key, message)``, read figures with ``fields.figure(key)``; the
   mapping it returns becomes ``StoryClaim.options`` (``population_rate`` instead fills
   the older ``per`` and ``population`` fields; see ``legacy_fields``). A figure given
   in words needs ``read_words(figure, qualifier_or_None)``, which raises
   ``TrendcalcError`` on words it cannot read.
4. Import the module in ``src/trendcalc/_claims/__init__.py`` (the import order is the
   order of kinds in messages and docs), export the function from
   ``src/trendcalc/__init__.py`` and list it in ``docs/api.rst``.

That is all: :func:`~trendcalc.load_story` checks the keys, figure and count names from
the declaration, :func:`~trendcalc.check_story` calls ``check``, the report and JSON
(``src/trendcalc/_report.py``) show the verdict (``computed_cell`` and ``json_fields``
may adjust the computed column and add JSON keys), and the table of kinds on the Story
files page (``.. trendcalc-claim-kinds::``, rendered by :func:`kinds_rst`) lists it.
``tests/test_claim_kinds.py`` checks every registered kind is wired in.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from trendcalc._claims.qualifiers import Qualifier, Reading
from trendcalc._claims.verdict import Verdict
from trendcalc._errors import TrendcalcError
from trendcalc._figures import Figure, parse_count, parse_qualified_count
from trendcalc._limits import MAX_COUNT, MAX_NUMBER_LENGTH, MAX_PLACES, MIN_PLACES, brief

if TYPE_CHECKING:  # pragma: no cover
    from trendcalc._story import ClaimResult, StoryClaim, StoryCount
    from trendcalc._story_blocks import StorySeries, StoryTable
    from trendcalc._validate import Mode

__all__ = [
    "COUNT",
    "COUNTS",
    "FROM",
    "KINDS",
    "TO",
    "UNKNOWN",
    "ClaimFields",
    "ClaimKind",
    "CountInput",
    "Problems",
    "StoryCheck",
    "Unchecked",
    "claim_kind",
    "figure_of",
    "kind_names",
    "kinds_rst",
    "mismatch_note",
    "register",
    "short_int",
    "words_read_when_checked",
]

#: The count name a claim gives for a count the story does not give.
UNKNOWN = "unknown"


@attrs.frozen
class CountInput:
    """A story-file key of a claim that names a count (or, with ``many``, a list of them).

    ``needs`` completes the message for a missing key: "a change claim needs <needs>".
    ``unknown_ok`` lets the key be ``"unknown"`` (the claim is then not checked).
    """

    key: str
    needs: str
    many: bool = False
    unknown_ok: bool = False


FROM = CountInput("from", 'from = "<count name>" (the earlier count)')
TO = CountInput("to", 'to = "<count name>" (the later count)')
COUNT = CountInput("count", 'count = "<count name>"')
COUNTS = CountInput("counts", "counts = [...], the names of the counts it adds up", many=True)


@attrs.frozen
class Unchecked:
    """What a kind returns for a claim it cannot check, saying what would make it hold."""

    explanation: str
    implied: range | None = None

    @classmethod
    def because(cls, error: TrendcalcError) -> Unchecked:
        """The claim cannot be checked for the reason ``error`` gives, as a sentence."""
        text = str(error)
        return cls(f"{text[:1].upper()}{text[1:]}.")


class Problems:
    """The problems found in a story file, each with its location."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        """Note a problem at ``where`` (``"claims[2].figure"``)."""
        self.items.append(f"{where}: {message}")


def figure_of(
    value: object, where: str, problems: Problems, *, rounded_to: object = None
) -> Figure | None:
    """Read a count or figure from a story file, noting a problem at ``where`` if it is bad.

    ``rounded_to`` is the story file's key (1000, 100, ..., 1, 0.1, 0.01, ...); messages
    name it, never the ``places`` of the Python functions.
    """
    places = None
    if rounded_to is not None:
        places = _places_of(rounded_to)
        if places is None:
            problems.add(
                where.rsplit(".", 1)[0] + ".rounded_to",
                f"must be 1, 10, 100, 1000, ... or 0.1, 0.01, ... (a power of ten from "
                f"1e{-MAX_PLACES} to 1e{-MIN_PLACES}; got {_short(rounded_to)})",
            )
            return None
    if isinstance(value, bool) or not isinstance(value, int | str):
        problems.add(where, f'must be a whole number or text such as "3,903" (got {_short(value)})')
        return None
    if isinstance(value, int) and value > MAX_COUNT:  # also keeps a huge number out of messages
        problems.add(where, f"must be at most {MAX_COUNT:,} (got {short_int(value)})")
        return None
    if isinstance(value, str) and len(value.strip()) > MAX_NUMBER_LENGTH:
        problems.add(
            where,
            f"is {len(value.strip()):,} characters long; a number has at most "
            f"{MAX_NUMBER_LENGTH:,} (got {value.strip()[:20]!r}...)",
        )
        return None
    try:
        figure = parse_count(value, places=places)
        if figure.value > MAX_COUNT:
            problems.add(where, f"must be at most {MAX_COUNT:,} (got {brief(figure.text)})")
            return None
        return figure
    except TrendcalcError as e:
        # a count with a qualifier ("almost five million"): kept as printed; the claim
        # checkers read the qualifier from its text (see inputs.qualified_count)
        if isinstance(value, str):
            try:
                read = parse_qualified_count(value, places=places)
            except TrendcalcError:
                pass
            else:
                if read.qualifier != "exact":
                    f = read.figure
                    return Figure(read.text, f.value, f.places, True)
        message = str(e)
        key = where.rsplit(".", 1)[-1]
        if key.isidentifier() and key != "count":  # a population: name it
            message = message.replace("count must", f"{key} must", 1)
        problems.add(where, _story_words(message, rounded_to_allowed=where.endswith(".count")))
        return None


def _short(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"  # as the story file spells it
    return short_int(value) if isinstance(value, int) else repr(value)[:80]


def short_int(value: int) -> str:
    """``repr(value)``, or its length in digits when that is long (Python refuses to write
    out more than ``sys.get_int_max_str_digits()`` digits)."""
    if value.bit_length() <= 200:
        return repr(value)
    digits = math.floor(value.bit_length() * math.log10(2))
    return f"a number about {digits:,} digits long"


def _places_of(rounded_to: object) -> int | None:
    """The decimal places of a story file's ``rounded_to`` (1000 is -3, 0.1 is 1), or None."""
    if isinstance(rounded_to, bool) or not isinstance(rounded_to, int | float):
        return None
    if isinstance(rounded_to, int) and not 0 < rounded_to <= MAX_COUNT:
        return None
    try:
        unit = Decimal(repr(rounded_to)).normalize()  # 0.1 as written, not as a binary float
    except ArithmeticError:  # nan, inf
        return None
    sign, digits, exponent = unit.as_tuple()
    if sign or digits != (1,) or not isinstance(exponent, int):
        return None
    if not MIN_PLACES <= -exponent <= MAX_PLACES:
        return None
    return -exponent


def _story_words(message: str, *, rounded_to_allowed: bool) -> str:
    """A message of the Python functions, in the words of a story file: ``places=-3`` is
    ``rounded_to = 1000`` (where the file has no ``rounded_to`` key, the hint goes)."""
    if not rounded_to_allowed:
        message = re.sub(r"; if it was rounded, say to what, e\.g\. places=[^;]*", "", message)

    def unit(match: re.Match[str]) -> str:
        places = int(match[1])
        shown = f"{10**-places}" if places <= 0 else f"0.{'0' * (places - 1)}1"
        return f"rounded_to = {shown}"

    return re.sub(r"places=(-?\d+)", unit, message)


@attrs.frozen
class ClaimFields:
    """A claim's table in a story file, handed to a kind's ``read_options``.

    ``raw`` is the table as read from TOML, ``where`` its location (``"claims[3]"``),
    ``inputs`` the count names already read (key to name, or tuple of names), ``counts``
    the story's counts by name; ``series`` and ``tables`` the story's ``[series.NAME]``
    and ``[table.NAME]`` blocks by name.
    """

    raw: Mapping[str, Any]
    where: str
    inputs: Mapping[str, str | tuple[str, ...]]
    counts: Mapping[str, StoryCount]
    problems: Problems
    series: Mapping[str, StorySeries] = attrs.field(factory=dict)
    tables: Mapping[str, StoryTable] = attrs.field(factory=dict)

    def problem(self, key: str, message: str) -> None:
        """Note a problem with the claim's ``key``."""
        self.problems.add(f"{self.where}.{key}", message)

    def words_problem(self, error: Exception, keys: Iterable[str]) -> None:
        """Note what reading the claim's words beside its options raised: at the option
        the message names first (``"length must be ..."``), else at ``figure``."""
        message = str(error)
        for key in keys:
            if message.startswith(f"{key} ") and key in self.raw:
                self.problem(key, message.removeprefix(f"{key} "))
                return
        self.problem("figure", message)

    def figure(self, key: str) -> Figure | None:
        """Read the claim's ``key`` as a count or figure (None, with a problem, if bad)."""
        return figure_of(self.raw[key], f"{self.where}.{key}", self.problems)


@attrs.frozen
class StoryCheck:
    """A claim of a story, with what is needed to check it; handed to a kind's ``check``.

    ``series`` and ``tables`` are the story's ``[series.NAME]`` and ``[table.NAME]``
    blocks by name (see ``series_named`` and ``table_named``).
    """

    claim: StoryClaim
    counts: Mapping[str, StoryCount]
    mode: Mode
    #: The reading to judge by: the claim's own ``reading``, else the story's (or the
    #: command line's), else ``"strict"``.
    reading: Reading = "strict"

    series: Mapping[str, StorySeries] = attrs.field(factory=dict, kw_only=True)
    tables: Mapping[str, StoryTable] = attrs.field(factory=dict, kw_only=True)

    def series_named(self, key: str = "series") -> StorySeries:
        """The ``[series.NAME]`` block named by the claim's option ``key``."""
        return self.series[str(self.claim.options[key])]

    def table_named(self, key: str = "table") -> StoryTable:
        """The ``[table.NAME]`` block named by the claim's option ``key``."""
        return self.tables[str(self.claim.options[key])]

    def count(self, key: str) -> StoryCount:
        """The count named by the claim's ``key`` (``"from"``, ``"count"``, ...)."""
        return self.counts[str(self.claim.inputs[key])]

    def count_list(self, key: str) -> list[StoryCount]:
        """The counts named by a list key (``"counts"``)."""
        return [self.counts[name] for name in self.claim.inputs[key]]

    def is_unknown(self, key: str) -> bool:
        """Whether the claim gives ``"unknown"`` for ``key``."""
        return self.claim.inputs.get(key) == UNKNOWN

    @property
    def qualifier(self) -> Qualifier:
        """The claim's qualifier (``"exact"`` when none is given)."""
        return self.claim.qualifier  # type: ignore[return-value]

    @property
    def words_qualifier(self) -> Qualifier | None:
        """The qualifier for a claim in words: None when none was given apart from the words."""
        return None if self.claim.qualifier == "exact" else self.qualifier


@attrs.frozen
class ClaimKind:
    """One kind of claim, as declared by its module (see the module docstring).

    Attributes
    ----------
    name
        The ``kind`` in story files and JSON (``"change"``).
    function
        The public check function (``check_change``), named in the docs table.
    inputs
        The keys naming counts, in the order they are read and reported.
    check
        ``check(StoryCheck) -> Verdict | Unchecked``: check a claim of a story.
    inputs_doc, figure_doc
        reStructuredText for the table of kinds on the Story files page.
    read_words
        For a figure given in words: ``read_words(figure, qualifier or None)`` reads it,
        raising ``TrendcalcError`` if it cannot (used to check story files when loading).
        None for a published number, read by :func:`~trendcalc.parse_figure`.
    options
        Other story-file keys the kind accepts.
    read_options
        ``read_options(ClaimFields) -> Mapping``: read ``options``; the result becomes
        ``StoryClaim.options``, or, with ``legacy_fields``, keyword arguments of
        :class:`~trendcalc.StoryClaim` (``per``, ``population``).
    computed_cell
        ``computed_cell(ClaimResult) -> str``: the "computed" column of the report table
        and Markdown, when the default (the computed value, its unit) does not suit.
    json_fields
        ``json_fields(ClaimResult) -> Mapping``: extra keys of the claim in JSON output
        (document them on the command-line page).
    figure_example
        How the figure of this kind looks, for messages (``'"second highest"'``);
        by default a published number or, with ``read_words``, words such as
        "nearly doubled".
    readings
        Whether the kind judges by :attr:`StoryCheck.reading` (``"strict"`` or
        ``"editorial"``); such a kind also accepts a ``reading`` key on each claim.
    compares
        Whether the kind compares counts (a change, a difference): the verdict then flags
        counts of different areas or offences.
    """

    name: str
    function: Callable[..., Verdict]
    inputs: tuple[CountInput, ...]
    check: Callable[[StoryCheck], Verdict | Unchecked]
    inputs_doc: str
    figure_doc: str
    read_words: Callable[[str, Qualifier | None], object] | None = None
    options: tuple[str, ...] = ()
    read_options: Callable[[ClaimFields], Mapping[str, Any]] | None = None
    legacy_fields: bool = False
    computed_cell: Callable[[ClaimResult], str] | None = None
    json_fields: Callable[[ClaimResult], Mapping[str, Any]] | None = None
    figure_example: str | None = None
    readings: bool = False
    compares: bool = False

    @property
    def figure_hint(self) -> str:
        """How the ``figure`` key should look, for messages."""
        if self.figure_example is not None:
            return f"the words, e.g. {self.figure_example}"
        if self.read_words is not None:
            return 'the words, e.g. "nearly doubled"'
        return 'text, e.g. "44%"'


def words_read_when_checked(figure: str, qualifier: Qualifier | None) -> None:
    """``read_words`` of a kind whose figure is words read only beside the claim's other
    keys (a rank, a record, a streak): nothing can be read at loading time."""


#: Every claim kind by story-file name, in the order they were registered.
KINDS: dict[str, ClaimKind] = {}


def register(kind: ClaimKind) -> ClaimKind:
    """Add ``kind`` to :data:`KINDS` and return it; a name may be registered once."""
    if kind.name in KINDS:
        raise TrendcalcError(f"claim kind {kind.name!r} is already registered")
    KINDS[kind.name] = kind
    return kind


def kind_names() -> tuple[str, ...]:
    """The story-file names of every kind, in registration order."""
    return tuple(KINDS)


def claim_kind(name: object) -> ClaimKind | None:
    """The kind named ``name``, or None."""
    return KINDS.get(name) if isinstance(name, str) else None


def kinds_rst() -> str:
    """The table of kinds for the Story files page, as reStructuredText.

    Examples
    --------
    >>> from trendcalc._claims.registry import kinds_rst
    >>> print(kinds_rst().splitlines()[8])
       * - ``total``
    """
    lines = [
        ".. list-table::",
        "   :header-rows: 1",
        "   :widths: 16 34 30 20",
        "",
        "   * - kind",
        "     - inputs",
        "     - figure",
        "     - in Python",
    ]
    for kind in KINDS.values():
        lines += [
            f"   * - ``{kind.name}``",
            f"     - {kind.inputs_doc}",
            f"     - {kind.figure_doc}",
            f"     - :func:`~trendcalc.{kind.function.__name__}`",
        ]
    return "\n".join(lines) + "\n"


def mismatch_note(counts: list[StoryCount]) -> str:
    """A sentence flagging counts of different areas or offences, or ``""``.

    Examples
    --------
    >>> import trendcalc as tc
    >>> from trendcalc._claims.registry import mismatch_note
    >>> a = tc.load_story('''
    ... title = "t"
    ... [counts]
    ... a = { area = "Kent", period = "2016", count = 1, offence = "burglary" }
    ... b = { area = "Essex", period = "2017", count = 2, offence = "robbery" }
    ... [[claims]]
    ... kind = "total"
    ... counts = ["a"]
    ... figure = "1"
    ... ''').counts
    >>> mismatch_note([a["a"], a["b"]])
    ' Note: the counts compared are of different areas (Kent, Essex) and different offences (burglary, robbery).'
    """
    notes = []
    for field, noun in (("area", "areas"), ("offence", "offences")):
        values = list(dict.fromkeys(getattr(c, field) for c in counts if getattr(c, field)))
        if len(values) > 1:
            notes.append(f"different {noun} ({', '.join(values)})")
    if not notes:
        return ""
    return f" Note: the counts compared are of {' and '.join(notes)}."
