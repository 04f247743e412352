"""Numbers, percentages, proportions and multiples in the words reporters use.

One reader per idea, shared by every function that accepts published figures:

* :func:`split_percent`: every spelling of "per cent" (``%``, ``" %"``, ``per cent``,
  ``percent``, ``pc``, ``pct``);
* :func:`numeral`: a whole number in words (``"twenty-five"``, ``"five million"``);
* :func:`split_qualifier` and :func:`qualified_interval`: the word in front of a figure
  ("almost", "more than", ...) and the true values it allows;
* :func:`parse_proportion`: a part of a whole ("a third", "one in four", "34%");
* :func:`parse_multiple`: a change as a multiple or a fraction ("doubled", "one and a half
  times", "rose by almost half").
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Literal, get_args

import attrs

from trendcalc._errors import TrendcalcError
from trendcalc._limits import MAX_LABEL_LENGTH, MAX_NUMBER_LENGTH, brief, check_length
from trendcalc._rounding import (
    Interval,
    percent_to_ratio,
    read_figure,
    rounding_interval,
    scaled,
)
from trendcalc._validate import Mode, check_mode

__all__ = ["Multiple", "Proportion", "parse_multiple", "parse_proportion"]

Qualifier = Literal[
    "exact",
    "about",
    "around",
    "more than",
    "at least",
    "fewer than",
    "less than",
    "almost",
    "nearly",
    "up to",
]
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)

#: The words read as each qualifier, longest first when matched.
QUALIFIER_WORDS: dict[str, Qualifier] = {
    "more than": "more than",
    "over": "more than",
    "just over": "more than",
    "well over": "more than",
    "above": "more than",
    "in excess of": "more than",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "almost": "almost",
    "nearly": "nearly",
    "about": "about",
    "around": "around",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "close to": "about",
    "fewer than": "fewer than",
    "less than": "less than",
    "under": "less than",
    "just under": "less than",
    "below": "less than",
    "up to": "up to",
    "at most": "up to",
    "no more than": "up to",
}
_QUALIFIER_PREFIX = re.compile(
    r"(?P<q>" + "|".join(sorted(QUALIFIER_WORDS, key=len, reverse=True)) + r")\s+(?P<rest>.*)"
)


def check_qualifier(qualifier: object) -> Qualifier:
    """Return ``qualifier`` if it is one trendcalc knows, else raise listing them."""
    if isinstance(qualifier, str):
        q = " ".join(qualifier.lower().split())
        if q in QUALIFIERS:
            return q  # type: ignore[return-value]
    valid = ", ".join(repr(q) for q in QUALIFIERS)
    raise TrendcalcError(f"qualifier must be one of {valid} (got {brief(qualifier)})")


def qualified_interval(value: Fraction, places: int, qualifier: Qualifier, mode: Mode) -> Interval:
    """The true values a figure allows, given the word in front of it.

    ``value`` is the published figure and ``places`` its precision; one unit is
    ``10**-places``. The meaning is the one the claim checkers have always used (see the
    Qualifiers page of the docs):

    ============================  =========================================================
    qualifier                     true values accepted
    ============================  =========================================================
    exact                         those that round to the figure by ``mode``
    about, around                 within one unit of the figure, ends included
    more than                     above the figure
    at least                      the figure or above
    fewer than, less than         below the figure
    up to                         the figure or below
    almost, nearly                below the figure by less than one unit, or equal to it
                                  less one unit: "almost 15" is 14 up to (not including) 15
    ============================  =========================================================
    """
    unit = Fraction(10) ** -places
    if qualifier == "exact":
        if (value / unit).denominator == 1:
            return rounding_interval(value, places, mode)
        # a figure off the grid (a third is 33.33...%): within half a unit either way
        return Interval(value - unit / 2, value + unit / 2)
    if qualifier in ("about", "around"):
        return Interval(value - unit, value + unit)
    if qualifier == "more than":
        return Interval(value, None, lower_closed=False)
    if qualifier == "at least":
        return Interval(value, None)
    if qualifier in ("fewer than", "less than"):
        return Interval(None, value, upper_closed=False)
    if qualifier == "up to":
        return Interval(None, value)
    return Interval(value - unit, value, lower_closed=True, upper_closed=False)  # almost


def _negated(interval: Interval) -> Interval:
    def neg(x: Fraction | None) -> Fraction | None:
        return None if x is None else -x

    return Interval(
        neg(interval.upper), neg(interval.lower), interval.upper_closed, interval.lower_closed
    )


def _size_interval(
    size: Fraction, places: int, qualifier: Qualifier, mode: Mode, *, falling: bool
) -> Interval:
    """The signed values allowed by a qualified *size* of a change ("fell by almost half").

    The qualifier bounds the size: "fell by almost half" is a fall a little smaller than
    half, "more than halved" a fall larger than half. An exact figure keeps the rounding
    of the signed value, as the claim checkers always did.
    """
    if not falling:
        return qualified_interval(size, places, qualifier, mode)
    if qualifier == "exact":
        return qualified_interval(-size, places, qualifier, mode)
    return _negated(qualified_interval(size, places, qualifier, mode))


# ----------------------------------------------------------------------------- plain text


def normalize(text: object, *, name: str, example: str) -> str:
    """Lower-case ``text`` with single spaces, and hyphens between letters as spaces."""
    if not isinstance(text, str):
        raise TrendcalcError(f"{name} must be words such as {example!r} (got {brief(text)})")
    check_length(text, name=name, limit=MAX_LABEL_LENGTH)
    words = " ".join(text.lower().replace("\u2011", "-").split())
    return re.sub(r"(?<=[a-z])\s*-\s*(?=[a-z])", " ", words)


def split_qualifier(
    words: str, qualifier: Qualifier | None = None, *, text: str = ""
) -> tuple[Qualifier, str]:
    """Take a qualifier off the front of normalized ``words``; an explicit one must agree.

    Returns the qualifier (``"exact"`` when there is none) and the words after it.
    """
    m = _QUALIFIER_PREFIX.fullmatch(words)
    found: Qualifier | None = None
    if m is not None:
        found = QUALIFIER_WORDS[m["q"]]
        words = m["rest"]
    if qualifier is not None:
        qualifier = check_qualifier(qualifier)
        if found is not None and found != qualifier:
            raise TrendcalcError(
                f"claim {text or words!r} says {found!r} but qualifier={qualifier!r}; give "
                "one of them"
            )
        return qualifier, words
    return found or "exact", words


_PERCENT = re.compile(
    r"(?P<number>.*?\S)\s*(?:%|(?<![a-z])(?:per\s?cent|per-cent|pct|pc)\.?)", re.IGNORECASE
)


def split_percent(text: str) -> tuple[str, bool]:
    """The number part of a percentage, and whether the text was one.

    Every spelling of a percentage goes through here: ``"10%"``, ``"10 %"``, ``"10 per
    cent"``, ``"10 percent"``, ``"10 per-cent"``, ``"10pc"``, ``"10 pct"``. The suffix may
    not be glued to a word (``"tenpc"`` is not a percentage).
    """
    m = _PERCENT.fullmatch(text.strip())
    if m is None or "%" in m["number"]:
        return text.strip(), False
    return m["number"], True


_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
_SCALE_WORDS = ("thousand", "million", "billion")


def _below_thousand(tokens: list[str]) -> int | None:
    """A number from 1 to 999 in words ("a hundred and five"), or None."""
    value = 0
    i = 0
    if len(tokens) >= 2 and tokens[1] == "hundred" and tokens[0] in ("a", "one", *_ONES):
        hundreds = 1 if tokens[0] == "a" else _ONES[tokens[0]]
        if not 1 <= hundreds <= 9:
            return None
        value = 100 * hundreds
        i = 2
        if i < len(tokens) and tokens[i] == "and":
            i += 1
            if i == len(tokens):
                return None
    rest = tokens[i:]
    if not rest:
        return value or None
    if len(rest) == 1 and rest[0] in _ONES:
        tail = _ONES[rest[0]]
    elif len(rest) == 1 and rest[0] in _TENS:
        tail = _TENS[rest[0]]
    elif len(rest) == 2 and rest[0] in _TENS and rest[1] in _ONES and 1 <= _ONES[rest[1]] <= 9:
        tail = _TENS[rest[0]] + _ONES[rest[1]]
    else:
        return None
    if value and tail == 0:
        return None
    return value + tail


def numeral(words: str) -> str | None:
    """A whole number written in words, as the figure it stands for, else None.

    ``"twenty-five"`` is ``"25"``, ``"a hundred and five"`` ``"105"``, ``"five million"``
    ``"5 million"`` (read like ``"5 million"``: to the nearest million), ``"a thousand"``
    ``"1 thousand"``. ``words`` must be normalized (lower case, single spaces, hyphens
    between letters as spaces).
    """
    tokens = words.split()
    scale = None
    if tokens and tokens[-1] in _SCALE_WORDS:
        scale = tokens.pop()
        if tokens == ["a"] or tokens == ["an"]:
            tokens = ["one"]
    if not tokens or (tokens == ["zero"] and scale):
        return None
    if tokens == ["zero"]:
        return "0"
    value = _below_thousand(tokens)
    if value is None:
        return None
    return f"{value} {scale}" if scale else str(value)


@attrs.frozen
class _Number:
    value: Fraction
    places: int
    scaled: bool


def read_number(words: str, *, article: bool = False) -> _Number | None:
    """A non-negative number as printed or in words (no percentage), else None.

    ``words`` must be normalized (see :func:`normalize`). With ``article=True``, ``"a"``
    and ``"an"`` are read as one ("a crime every seven seconds").
    """
    if article and words in ("a", "an"):
        words = "one"
    if len(words) > MAX_NUMBER_LENGTH or not words:
        return None
    for candidate in (words, numeral(words)):
        if candidate is None:
            continue
        try:
            value, places, scaled = read_figure(candidate)
        except TrendcalcError:
            continue
        if value < 0 or candidate.endswith("%"):
            return None
        return _Number(value, places, scaled)
    return None


# ----------------------------------------------------------------------------- proportions

_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "twentieth": 20, "twentieths": 20, "hundredth": 100,
    "hundredths": 100,
}  # fmt: skip

ProportionForm = Literal["fraction", "in", "percent"]


@attrs.frozen
class Proportion:
    """A part of a whole, as a story words it: "a third", "one in four", "34%".

    Build one with :func:`parse_proportion`.

    Parameters
    ----------
    text : str
        The words as given.
    qualifier : str
        The word in front (``"exact"`` when there is none), one of :data:`Qualifier`.
    value : Fraction
        The exact proportion named: ``Fraction(1, 4)`` for "one in four", ``Fraction(17,
        50)`` for "34%".
    phrase : str
        The words naming it, without the qualifier and any words after it.
    form : {"fraction", "in", "percent"}
        How it was written: a fraction in words ("two fifths", "half"), "M in N" ("one in
        four", "one out of every 10"), or a percentage ("34%", "34 per cent").
    places : int
        The precision the strict reading uses: 0 (whole percentage points) for a
        fraction in words, the precision of ``N`` for "M in N", and the printed
        precision, in percentage points, of a percentage.

    Examples
    --------
    >>> import trendcalc as tc
    >>> p = tc.parse_proportion("more than one in three")
    >>> p.qualifier, p.value, p.percent
    ('more than', Fraction(1, 3), Fraction(100, 3))
    >>> print(tc.parse_proportion("a quarter").interval())
    [0.245, 0.255)
    """

    text: str
    qualifier: Qualifier
    value: Fraction
    phrase: str
    form: ProportionForm
    places: int

    @property
    def percent(self) -> Fraction:
        """The proportion as an exact percentage (``value * 100``)."""
        return self.value * 100

    def interval(self, mode: Mode = "half_up") -> Interval:
        """The proportions (0 to 1) the words allow, read strictly.

        ======================  ===========================================================
        form                    strict reading
        ======================  ===========================================================
        fraction ("a third")    the percentage it names, at whole percentage points, with
                                the qualifier as for a published figure: "a third" is
                                32.83...% to 33.83...%, "almost half" 49% up to 50%
        "M in N"                ``N`` is a figure read at its own precision: "one in four"
                                is one in 3.5 up to one in 4.5 (by ``mode``), "about one
                                in four" one in 3 to one in 5, "almost one in four" one in
                                more than 4 up to one in 5 (just under a quarter); "more
                                than", "at least", "fewer than", "less than" and "up to"
                                bound the proportion ``M / N`` itself
        percentage ("34%")      the figure at its own precision, as for
                                :func:`~trendcalc.unround`
        ======================  ===========================================================
        """
        mode = check_mode(mode)
        if self.form != "in":
            return scaled(
                qualified_interval(self.percent, self.places, self.qualifier, mode),
                Fraction(1, 100),
            )
        if self.qualifier not in ("exact", "about", "around", "almost", "nearly"):
            return qualified_interval(self.value, 0, self.qualifier, mode)
        read = _read_in(self.phrase)
        assert read is not None
        part, whole = read[0], read[1]
        unit = Fraction(10) ** -self.places
        if self.qualifier in ("almost", "nearly"):  # just under M / N: N a little larger
            return Interval(part / (whole + unit), part / whole, True, False)
        among = qualified_interval(whole, self.places, self.qualifier, mode)
        assert among.lower is not None
        assert among.upper is not None
        upper = None if among.lower <= 0 else part / among.lower
        return Interval(part / among.upper, upper, among.upper_closed, among.lower_closed)


_IN = re.compile(r"(?P<m>.+?)\s+(?:in|out of)(?:\s+every)?\s+(?P<n>.+)")


def _read_in(words: str) -> tuple[Fraction, Fraction, str, int] | None:
    """ "M in N [noun ...]": the part M, the whole N, the phrase, and the precision of N."""
    m = _IN.fullmatch(words)
    if m is None:
        return None
    part = read_number(m["m"], article=True)
    if part is None:
        return None
    tokens = m["n"].split()
    for k in range(len(tokens), 0, -1):  # the longest run of words that is a number
        whole = read_number(" ".join(tokens[:k]))
        if whole is not None:
            break
    else:
        return None
    if whole.value == 0 or part.value > whole.value:
        raise TrendcalcError(
            f"{words!r} is not a part of a whole: the part must be at most the whole, which "
            "must be above zero"
        )
    connector = words[m.end("m") : m.start("n")]
    phrase = f"{m['m']}{connector}{' '.join(tokens[:k])}"
    return part.value, whole.value, phrase, whole.places


def _read_fraction_words(words: str) -> tuple[Fraction, str] | None:
    """ "a third", "two fifths", "half" (with "of ..." after): the fraction and phrase."""
    tokens = words.split()
    if "of" in tokens:
        tokens = tokens[: tokens.index("of")]
    if not tokens or tokens[-1] not in _DENOMINATORS:
        return None
    denominator = _DENOMINATORS[tokens[-1]]
    if len(tokens) == 1:
        if denominator != 2:
            return None  # "third" alone is not English
        return Fraction(1, 2), "half"
    count = "one" if tokens[:-1] in (["a"], ["an"]) else " ".join(tokens[:-1])
    numerator = read_number(count)
    if numerator is None or numerator.value.denominator != 1 or numerator.places != 0:
        return None
    return numerator.value / denominator, " ".join(tokens)


def _read_percent(words: str) -> tuple[Fraction, str, int] | None:
    """ "34%", "34 per cent" (with "of ..." after): the percentage, phrase and places."""
    head = re.split(r"\s+of\b", words, maxsplit=1)[0]
    number, is_percent = split_percent(head)
    if not is_percent:
        return None
    read = read_number(number)
    if read is None or read.scaled:
        return None
    return read.value, head, read.places


def parse_proportion(text: str, *, qualifier: Qualifier | None = None) -> Proportion:
    """Read a part of a whole as a story words it.

    Parameters
    ----------
    text : str
        The words, with a qualifier in front or not (see :func:`parse_multiple` for the
        qualifier words). Understood:

        ======================================================  ===============  ========
        words                                                   value            form
        ======================================================  ===============  ========
        ``half``, ``a half``, ``one half``, ``half of``         1/2              fraction
        ``a third``, ``one third``, ``one-third``               1/3              fraction
        ``two thirds``, ``a quarter``, ``three quarters``       2/3, 1/4, 3/4    fraction
        ``a fifth``, ``two fifths``, ``a tenth``                1/5, 2/5, 1/10   fraction
        ``one in four``, ``1 in 4``, ``one in four victims``    1/4              in
        ``one out of every 10``, ``three in 10``                1/10, 3/10       in
        ``one in a hundred``                                    1/100            in
        ``34%``, ``34 per cent``, ``34pc``, ``34% of``          17/50            percent
        ======================================================  ===============  ========

        Words after ``of`` (``"a third of all offences"``) and after the whole of "M in N"
        (``"one in four victims"``) are ignored.
    qualifier : str, optional
        A qualifier given apart from the words; it must agree with one in them.

    Returns
    -------
    Proportion

    Raises
    ------
    TrendcalcError
        If the words are not a proportion, or name more than the whole (``"five in
        four"``, ``"120%"``).

    See Also
    --------
    parse_multiple : a change as a multiple or a fraction.
    unround : reads these words too, as a percentage.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.parse_proportion("one in four").value
    Fraction(1, 4)
    >>> p = tc.parse_proportion("almost half")
    >>> p.qualifier, p.value, p.form
    ('almost', Fraction(1, 2), 'fraction')
    >>> print(p.interval())
    [0.49, 0.5)
    >>> tc.parse_proportion("34 per cent of").value
    Fraction(17, 50)
    """
    words = normalize(text, name="proportion", example="one in four")
    q, rest = split_qualifier(words, qualifier, text=str(text))
    read_in = _read_in(rest)
    if read_in is not None:
        part, whole, phrase, places = read_in
        return Proportion(text.strip(), q, part / whole, phrase, "in", places)
    fraction = _read_fraction_words(rest)
    if fraction is not None:
        value, phrase = fraction
        form: ProportionForm = "fraction"
        places = 0
    else:
        percent = _read_percent(rest)
        if percent is None:
            raise TrendcalcError(
                f"proportion {text!r} is not a part of a whole trendcalc knows: use e.g. "
                "'half', 'a third', 'three quarters', 'two fifths', 'one in four', 'three "
                "in 10' or '34%', with a qualifier such as 'almost' or 'more than' in front "
                "if needed"
            )
        pct, phrase, places = percent
        value, form = pct / 100, "percent"
    if value > 1:
        raise TrendcalcError(
            f"proportion {text!r} is more than the whole; a part of a whole is at most 1 (100%)"
        )
    return Proportion(text.strip(), q, value, phrase, form, places)


# ----------------------------------------------------------------------------- multiples

_MULTIPLE_WORDS: dict[str, Fraction] = {
    "doubled": Fraction(2),
    "double": Fraction(2),
    "tripled": Fraction(3),
    "triple": Fraction(3),
    "trebled": Fraction(3),
    "treble": Fraction(3),
    "quadrupled": Fraction(4),
    "quadruple": Fraction(4),
    "halved": Fraction(1, 2),
}
_UP_WORDS = ("rose", "risen", "rise", "rising", "up", "increased", "increase", "increasing",
             "grew", "grown", "climbed", "jumped", "soared")  # fmt: skip
_DOWN_WORDS = ("fell", "fallen", "fall", "falling", "down", "dropped", "drop", "decreased",
               "decrease", "cut", "declined", "decline", "reduced")  # fmt: skip
_VERB = re.compile(r"(?P<verb>" + "|".join(_UP_WORDS + _DOWN_WORDS) + r")(?:\s+by)?\s+(?P<rest>.+)")
_TIMES = re.compile(
    r"(?P<n>.+?)(?P<half>\s+and\s+an?\s+half)?\s*(?:times|-?\s*fold)(?P<tail>\s.*)?"
)

MultipleForm = Literal["multiple", "fraction", "percent"]


@attrs.frozen
class Multiple:
    """A change told as a multiple or a fraction: "doubled", "three times", "fell by half".

    Build one with :func:`parse_multiple`.

    Parameters
    ----------
    text : str
        The words as given.
    qualifier : str
        The word in front (``"exact"`` when there is none), one of :data:`Qualifier`.
    value : Fraction
        The exact ratio *after / before* named: 2 for "doubled", 3/2 for "one and a half
        times", 4/3 for "rose by a third", 1/2 for "halved" and "fell by half".
    phrase : str
        The words naming it, without the qualifier.
    form : {"multiple", "fraction", "percent"}
        A multiple ("doubled", "twice", "4.6 times", "3-fold"), a fraction of the earlier
        count added or taken away ("rose by a third", "fell by almost half"), or such a
        change as a percentage ("rose by 20 per cent").
    places : int
        The precision the strict reading uses: a multiple is a ratio read to one decimal
        place (or more if printed with more); a fraction a change in whole percentage
        points; a percentage its printed precision.
    falling : bool
        Whether the words describe a fall ("halved", "fell by a quarter"). A qualifier
        then bounds the *size* of the fall.

    Examples
    --------
    >>> import trendcalc as tc
    >>> m = tc.parse_multiple("nearly five times")
    >>> m.qualifier, m.value
    ('nearly', Fraction(5, 1))
    >>> print(m.interval())
    [4.9, 5)
    >>> print(tc.parse_multiple("fell by almost half").interval())
    (0.5, 0.51]
    """

    text: str
    qualifier: Qualifier
    value: Fraction
    phrase: str
    form: MultipleForm
    places: int
    falling: bool

    @property
    def change(self) -> Fraction:
        """The change as an exact percentage: 100 for "doubled", -50 for "halved"."""
        return 100 * (self.value - 1)

    def interval(self, mode: Mode = "half_up") -> Interval:
        """The ratios *after / before* the words allow, read strictly.

        A multiple is a ratio published to ``places`` decimals: "doubled" is 1.95 up to
        2.05, "nearly doubled" 1.9 up to 2, "more than doubled" above 2. A fraction or
        percentage is the change published to ``places`` in percentage points: "rose by a
        third" is within half a point of +33.33...%, "rose by almost half" +49% up to
        +50%. For a fall, the qualifier bounds its size: "nearly halved" is a ratio above
        0.5 up to 0.6, "more than halved" a ratio below 0.5, "fell by almost half" a fall
        of more than 49% and less than 50%.
        """
        mode = check_mode(mode)
        if self.form == "multiple":
            if not self.falling:
                return qualified_interval(self.value, self.places, self.qualifier, mode)
            if self.qualifier == "exact":
                return qualified_interval(self.value, self.places, "exact", mode)
            # a fall: the qualifier bounds its size ("nearly halved" is a ratio above 0.5)
            return _negated(qualified_interval(-self.value, self.places, self.qualifier, mode))
        size = abs(self.change)
        changes = _size_interval(size, self.places, self.qualifier, mode, falling=self.falling)
        return percent_to_ratio(changes)


def _multiple_words(words: str) -> tuple[Fraction, str, int] | None:
    """ "doubled", "twice", "three times", "one and a half times", "3-fold"."""
    first = words.split(" ", 1)[0]
    if first in _MULTIPLE_WORDS:
        return _MULTIPLE_WORDS[first], first, 1
    if first == "twice":
        return Fraction(2), "twice", 1
    m = _TIMES.fullmatch(words)
    if m is None:
        return None
    n = read_number(m["n"])
    if n is None:
        return None
    value = n.value + (Fraction(1, 2) if m["half"] else 0)
    phrase = words[: m.start("tail")] if m["tail"] else words
    return value, phrase, 1 if m["half"] else max(1, n.places)


def parse_multiple(text: str, *, qualifier: Qualifier | None = None) -> Multiple:
    """Read a change told as a multiple or a fraction of the earlier count.

    Parameters
    ----------
    text : str
        The words. Understood, with a qualifier in front or not:

        * multiples: ``doubled``, ``tripled`` (``trebled``), ``quadrupled``, ``halved``,
          ``twice``, ``three times``, ``4.6 times``, ``one and a half times``, ``3-fold``,
          followed by any words (``"twice as many"``);
        * a fraction added or taken away: ``a third``, ``rose by a quarter``, ``fell by
          half``, ``down two thirds``, ``increased by almost half`` (a qualifier may
          follow the verb). Without a verb of rising or falling, a rise is meant;
        * a percentage added or taken away: ``rose by 20 per cent``, ``down 10%``.

        The qualifier words are: "more than", "over", "just over", "well over",
        "above", "in excess of" (more than); "at least", "no fewer than", "no less than"
        (at least); "almost"; "nearly"; "about", "roughly", "approximately", "some",
        "close to" (about); "around"; "fewer than"; "less than", "under", "just under",
        "below" (less than); "up to", "at most", "no more than" (up to).
    qualifier : str, optional
        A qualifier given apart from the words; it must agree with one in them.

    Returns
    -------
    Multiple

    Raises
    ------
    TrendcalcError
        If the words are not a multiple or a fraction trendcalc knows.

    See Also
    --------
    parse_proportion : a part of a whole.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.parse_multiple("one and a half times").value
    Fraction(3, 2)
    >>> m = tc.parse_multiple("rose by almost half")
    >>> m.qualifier, m.value, m.form, m.change
    ('almost', Fraction(3, 2), 'fraction', Fraction(50, 1))
    >>> tc.parse_multiple("halved").falling
    True
    """
    words = normalize(text, name="claim", example="doubled")
    q, rest = split_qualifier(words, qualifier, text=str(text))
    falling = False
    said = rest  # the words after the qualifier in front
    verb = _VERB.fullmatch(rest)
    if verb is not None:
        falling = verb["verb"] in _DOWN_WORDS
        inner_q, rest = split_qualifier(verb["rest"], text=str(text))
        if inner_q != "exact":
            if q != "exact" and q != inner_q:
                raise TrendcalcError(
                    f"claim {text!r} has two different qualifiers, {q!r} and {inner_q!r}; give one"
                )
            q = inner_q
    else:
        multiple = _multiple_words(rest)
        if multiple is not None:
            value, phrase, places = multiple
            return Multiple(text.strip(), q, value, phrase, "multiple", places, value < 1)
    fraction = _read_fraction_words(rest)
    if fraction is not None:
        size, phrase = fraction
        form: MultipleForm = "fraction"
        places = 0
    else:
        percent = _read_percent(rest)
        if percent is None:
            raise TrendcalcError(
                f"claim {text!r} is not a change in words trendcalc knows: use e.g. "
                "'doubled', 'nearly doubled', 'four times', 'one and a half times', "
                "'halved', 'a third', 'rose by a quarter', 'fell by almost half'"
            )
        pct, phrase, places = percent
        size, form = pct / 100, "percent"
    if verb is not None:  # "rose by almost half": the verb, "by", and the fraction
        phrase = f"{said[: verb.start('rest')]}{phrase}"
    if falling and size > 1:
        raise TrendcalcError(
            f"claim {text!r} is a fall of more than the whole; a count cannot fall by more "
            "than 100%"
        )
    return Multiple(
        text.strip(), q, 1 - size if falling else 1 + size, phrase, form, places, falling
    )
