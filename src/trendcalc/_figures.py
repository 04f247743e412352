"""Published figures as printed: '3,903', '6.7 million', '44%', '10 per cent', 'five million'."""

from __future__ import annotations

import re
from fractions import Fraction

import attrs

from trendcalc._errors import TrendcalcError
from trendcalc._limits import MAX_LABEL_LENGTH, MAX_NUMBER_LENGTH, brief, check_length
from trendcalc._rounding import Interval, format_exact, read_figure, rounding_interval
from trendcalc._validate import Mode, check_mode, check_places_arg
from trendcalc._words import (
    QUALIFIER_WORDS,
    Qualifier,
    check_qualifier,
    normalize,
    numeral,
    parse_multiple,
    parse_proportion,
    qualified_interval,
    read_number,
    split_percent,
    split_qualifier,
)

__all__ = ["Figure", "QualifiedFigure", "parse_count", "parse_figure", "parse_qualified_count"]


@attrs.frozen
class Figure:
    """A number as it was printed, with the precision it was printed to.

    Build one with :func:`parse_figure` (any figure) or :func:`parse_count` (a count).

    Parameters
    ----------
    text : str
        The figure as printed.
    value : Fraction
        Its exact value (``"6.7 million"`` is 6,700,000).
    places : int
        Its precision in decimal places: 2 for ``"10.70"``, 0 for ``"3,903"``, -5 for
        ``"6.7 million"`` (to the nearest 100,000).
    rounded : bool
        Whether, as a count, it stands for a range of true counts: True for a scaled
        figure (``"6.7 million"``) or one given a rounding (``parse_count("391,000",
        places=-3)``); False for a count printed in full (``"3,903"``).

    See Also
    --------
    parse_figure : makes one from published text.
    parse_count : the same, for counts.
    unround : the values a rounded figure allows.

    Examples
    --------
    >>> import trendcalc as tc
    >>> f = tc.parse_figure("6.7 million")
    >>> f.value, f.places, f.rounded
    (Fraction(6700000, 1), -5, True)
    >>> print(f.interval())
    [6650000, 6750000)
    >>> tc.parse_count("391,000", places=-3).counts()
    range(390500, 391500)
    """

    text: str
    value: Fraction
    places: int
    rounded: bool

    @property
    def percent(self) -> bool:
        """Whether the figure was printed as a percentage (``"44%"``, ``"10 per cent"``)."""
        return split_percent(self.text)[1]

    def interval(self, mode: Mode = "half_up") -> Interval:
        """The true values that round to this figure by ``mode`` (see :func:`unround`)."""
        return rounding_interval(self.value, self.places, check_mode(mode))

    def counts(self, mode: Mode = "half_up") -> range:
        """The whole counts this figure may stand for.

        A count printed in full stands for itself; a rounded one for every whole number
        that rounds to it by ``mode``.
        """
        if not self.rounded:
            if self.value.denominator != 1 or self.value < 0:
                raise TrendcalcError(
                    f"count must be a non-negative whole number (got {brief(self.text)})"
                )
            return range(int(self.value), int(self.value) + 1)
        lo, hi = integer_bounds(self.interval(mode))
        return range(max(lo, 0), hi + 1)

    def __str__(self) -> str:
        return self.text


def integer_bounds(interval: Interval) -> tuple[int, int]:
    """The least and greatest integers in a bounded interval (``lo > hi`` when none)."""
    if interval.lower is None or interval.upper is None:
        raise TrendcalcError(f"the interval {interval} has no limit, so holds endless counts")
    low, high = interval.lower, interval.upper
    lo = -((-low.numerator) // low.denominator)  # ceil
    if not interval.lower_closed and lo == low:
        lo += 1
    hi = high.numerator // high.denominator  # floor
    if not interval.upper_closed and hi == high:
        hi -= 1
    return lo, hi


_NOT_A_FIGURE = (
    "{name} must be a number as printed, such as '44', '-48', '10.70', '3,903', '44%' or "
    "'6.7 million', with commas only between groups of three digits (got {text})"
)


def read_figure_text(text: object, *, name: str = "figure") -> tuple[Fraction, int, bool, bool]:
    """Read a figure in digits: its value, places, whether scaled, whether a percentage.

    The one reader of published figures: a percentage in any spelling is split off by
    :func:`trendcalc._words.split_percent`, and the digits read by
    :func:`trendcalc._rounding.read_figure`. Numbers in words are not read here (a word
    in a figure field is refused rather than guessed at); the word readers
    (:func:`parse_qualified_count`, :func:`parse_proportion`, ...) read them.
    """
    if not isinstance(text, str):
        value, places, scaled = read_figure(text, name=name)
        return value, places, scaled, False
    check_length(text.strip(), name=name, limit=MAX_NUMBER_LENGTH)
    number, percent = split_percent(text)
    try:
        value, places, scaled = read_figure(number, name=name)
    except TrendcalcError:
        message = _NOT_A_FIGURE.format(name=name, text=brief(text.strip()))
        if _after_qualifier(text) != text.strip():
            message += "; for a count with a qualifier in front, use parse_qualified_count"
        raise TrendcalcError(message) from None
    if percent and scaled:
        raise TrendcalcError(
            f"{name} must not have both a scale word and a percent sign (got {text})"
        )
    return value, places, scaled, percent


def _digits(text: str, *, name: str) -> str:
    """``text`` with a whole number in words written in digits ("five million": "5 million")."""
    number, percent = split_percent(text)
    if len(number) > MAX_NUMBER_LENGTH:
        return text
    sign = "-" if number.startswith(("-", "\u2212")) else ""
    spelled = numeral(normalize(number.lstrip("+-\u2212").strip(), name=name, example="five"))
    if spelled is None:
        return text
    return sign + spelled + ("%" if percent else "")


def parse_figure(text: object, *, places: int | None = None) -> Figure:
    """Read a figure as printed: ``"3,903"``, ``"10.70"``, ``"44%"``, ``"6.7 million"``.

    Parameters
    ----------
    text : str, int or Decimal
        The figure. Commas must separate groups of exactly three digits, so
        ``"42, 265"`` and ``"22,6400"`` are refused rather than guessed at. A percentage
        may be written ``44%``, ``44 %``, ``44 per cent``, ``44 percent``, ``44pc`` or
        ``44 pct``. A scale word (``thousand`` or ``k``, ``million``, ``mn`` or ``m``,
        ``billion`` or ``bn``) is allowed. Numbers in words are refused here (see
        :func:`parse_qualified_count`).
    places : int, optional
        The precision it was rounded to, when the text does not show it: ``-3`` for a
        figure given to the nearest thousand. Such a figure is marked ``rounded``.

    Returns
    -------
    Figure

    Raises
    ------
    TrendcalcError
        If the text is not a figure, or is not a whole number of units of ``places``.
        A figure with a qualifier in front (``"almost 5 million"``) is refused: read it
        with :func:`parse_qualified_count`.

    See Also
    --------
    Figure : the result.
    parse_count : a figure that must be a whole count.
    parse_qualified_count : a count with a qualifier, such as ``"almost five million"``.
    unround : the values a rounded figure allows.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.parse_figure("2.5m").value
    Fraction(2500000, 1)
    >>> f = tc.parse_figure("18 per cent")
    >>> f.value, f.places, f.percent
    (Fraction(18, 1), 0, True)
    >>> tc.parse_figure("22,6400")
    Traceback (most recent call last):
    ...
    trendcalc.TrendcalcError: figure must be a number as printed, such as '44', '-48', '10.70', '3,903', '44%' or '6.7 million', with commas only between groups of three digits (got '22,6400')
    """
    value, read_places, scaled, _ = read_figure_text(text, name="figure")
    shown = text if isinstance(text, str) else str(text)
    if places is None:
        return Figure(shown.strip(), value, read_places, scaled)
    places = check_places_arg(places)
    if (value * Fraction(10) ** places).denominator != 1:
        raise TrendcalcError(
            f"places={places} does not fit the figure {shown!r}: it is not a whole number of "
            f"units of {format_exact(Fraction(10) ** -places)}"
        )
    return Figure(shown.strip(), value, places, True)


def parse_count(text: object, *, places: int | None = None) -> Figure:
    """Read a count as printed: a whole number, or a rounded one such as ``"6.7 million"``.

    Parameters
    ----------
    text : int, str or Figure
        The count. An int or a full count such as ``"3,903"`` is exact; a scaled figure
        (``"6.7 million"``, ``"45k"``) is rounded at its precision.
    places : int, optional
        The rounding of a count whose text does not show it: ``parse_count("391,000",
        places=-3)`` is any count from 390,500 to 391,499.

    Raises
    ------
    TrendcalcError
        If the text is not a figure, is negative, or is not whole when exact.

    See Also
    --------
    parse_figure : any figure, not only counts.
    Figure : the result.

    Examples
    --------
    >>> import trendcalc as tc
    >>> tc.parse_count("3,903").counts()
    range(3903, 3904)
    >>> len(tc.parse_count("6.7 million").counts())
    100000
    """
    if isinstance(text, Figure):
        figure = text if places is None else parse_figure(text.text, places=places)
    elif isinstance(text, bool) or not isinstance(text, int | str):
        raise TrendcalcError(
            f"count must be an int or a count as printed, such as '3,903' or '6.7 million' "
            f"(got {type(text).__name__} {brief(text)})"
        )
    else:
        figure = parse_figure(text, places=places)
    if figure.value < 0:
        raise TrendcalcError(f"count must not be negative (got {brief(figure.text)})")
    if not figure.rounded and figure.value.denominator != 1:
        raise TrendcalcError(
            f"count must be a whole number (got {brief(figure.text)}); if it was rounded, say to "
            "what, e.g. places=-3 for the nearest thousand"
        )
    if figure.percent:
        raise TrendcalcError(f"count must not be a percentage (got {brief(figure.text)})")
    return figure


@attrs.frozen
class QualifiedFigure:
    """A figure with the word in front of it: "almost five million", "more than 1.1 million".

    Build one with :func:`parse_qualified_count`.

    Parameters
    ----------
    text : str
        The words as given.
    qualifier : str
        The word in front, one of :data:`Qualifier` (``"exact"`` when there is none).
    figure : Figure
        The figure after it, read by :func:`parse_count`.

    Examples
    --------
    >>> import trendcalc as tc
    >>> q = tc.parse_qualified_count("nearly 20,000")
    >>> q.qualifier, q.figure.value
    ('nearly', Fraction(20000, 1))
    >>> print(q.interval())
    [19999, 20000)
    >>> q.counts()
    range(19999, 20000)
    """

    text: str
    qualifier: Qualifier
    figure: Figure

    def interval(self, mode: Mode = "half_up") -> Interval:
        """The true values the qualified figure allows (see the Qualifiers page)."""
        return qualified_interval(
            self.figure.value, self.figure.places, self.qualifier, check_mode(mode)
        )

    def counts(self, mode: Mode = "half_up") -> range:
        """The whole counts the qualified figure allows.

        Raises
        ------
        TrendcalcError
            If the qualifier leaves no upper limit ("more than 1.1 million").
        """
        if self.qualifier == "exact":
            return self.figure.counts(mode)
        interval = self.interval(mode)
        if interval.upper is None:
            raise TrendcalcError(
                f"{self.text!r} has no upper limit, so it allows endless counts; only a "
                "lower limit can be used"
            )
        if interval.upper < 0 or (interval.upper == 0 and not interval.upper_closed):
            return range(0, 0)  # "fewer than 0": no count at all
        if interval.lower is None or interval.lower < 0:
            interval = Interval(0, interval.upper, True, interval.upper_closed)
        lo, hi = integer_bounds(interval)
        return range(lo, max(hi + 1, lo))

    def __str__(self) -> str:
        return self.text


def parse_qualified_count(
    text: object, *, places: int | None = None, qualifier: Qualifier | None = None
) -> QualifiedFigure:
    """Read a count with a qualifier in front: ``"almost five million"``, ``"over 1,000"``.

    Parameters
    ----------
    text : int, str or Figure
        The count, with a qualifier in front or not. The figure is read by
        :func:`parse_count`, after a whole number in words is written in digits
        (``"five million"`` is read as ``"5 million"``, to the nearest million;
        ``"twenty"`` as ``"20"``); the qualifier words are those of
        :func:`parse_multiple`.
    places : int, optional
        The rounding of the figure when its text does not show it, as in
        :func:`parse_count`.
    qualifier : str, optional
        A qualifier given apart from the text; it must agree with one in it.

    Returns
    -------
    QualifiedFigure
        With ``qualifier`` ``"exact"`` when the text has none.

    Raises
    ------
    TrendcalcError
        If the figure is not a count.

    See Also
    --------
    parse_count : a count without a qualifier.

    Examples
    --------
    >>> import trendcalc as tc
    >>> q = tc.parse_qualified_count("almost five million")
    >>> q.qualifier, q.figure.value, q.figure.places
    ('almost', Fraction(5000000, 1), -6)
    >>> print(tc.parse_qualified_count("more than 1.1 million").interval())
    (1100000, no limit)
    """
    if not isinstance(text, str):
        q = "exact" if qualifier is None else check_qualifier(qualifier)
        figure = parse_count(text, places=places)
        return QualifiedFigure(figure.text, q, figure)
    words = normalize(text, name="count", example="almost five million")
    q, _ = split_qualifier(words, qualifier, text=text)
    figure = parse_count(_digits(_after_qualifier(text), name="count"), places=places)
    return QualifiedFigure(text.strip(), q, figure)


def _after_qualifier(text: str) -> str:
    """``text`` without the qualifier's words in front, keeping the figure as printed."""
    stripped = text.strip()
    words = stripped.split()
    for k in range(1, min(len(words), 3) + 1):
        head = " ".join(words[:k]).lower()
        if head in QUALIFIER_WORDS:
            rest = stripped.split(None, k)
            return rest[k] if len(rest) > k else ""
    return stripped


def read_qualified(
    reported: str, *, mode: Mode = "half_up", places: int | None = None
) -> Interval | None:
    """The true values a qualified figure or words allow, for :func:`~trendcalc.unround`.

    None when ``reported`` is a figure that the digit reader reads as it is (``"44%"``,
    ``"6.7 million"``), so :func:`~trendcalc.unround` goes on as before. Otherwise:

    * a figure with a qualifier in front, or a percentage spelled out (``"nearly 20%"``,
      ``"10 per cent"``, ``"almost five million"``): the values the qualifier allows
      around the figure at its precision (see :func:`qualified_interval`); the number is
      read in words only after a qualifier;
    * a proportion in words (``"one in four"``, ``"almost half"``): the *percentages* it
      allows, read as :meth:`Proportion.interval` does;
    * a multiple (``"twice"``, ``"nearly five times"``): the ratios it allows, read as
      :meth:`Multiple.interval` does.
    """
    mode = check_mode(mode)
    check_length(reported.strip(), name="reported", limit=MAX_LABEL_LENGTH)
    try:
        read_figure(reported)
    except TrendcalcError:
        pass
    else:
        return None
    words = normalize(reported, name="reported", example="nearly 20%")
    q, _ = split_qualifier(words)
    # words for the number only after a qualifier: a bare "ten" is refused, as by parse_figure
    figure_text = _digits(_after_qualifier(reported), name="reported") if q != "exact" else reported
    try:
        figure = parse_figure(figure_text, places=places)
    except TrendcalcError as e:
        figure_error = str(e).replace("figure must", "reported must", 1)
    else:
        return qualified_interval(figure.value, figure.places, q, mode)
    for reader in (parse_proportion, parse_multiple):
        try:
            read = reader(reported)
        except TrendcalcError:
            continue
        if places is not None:
            raise TrendcalcError(
                f"places applies only to a figure, not to words such as {reported!r}"
            )
        interval = read.interval(mode)
        if reader is parse_proportion:
            interval = _percent_of(interval)
        return interval
    raise TrendcalcError(
        f"{figure_error}; or words such as 'nearly 20%', 'one in four', 'almost half' or 'twice'"
    )


def _percent_of(interval: Interval) -> Interval:
    def pct(x: Fraction | None) -> Fraction | None:
        return None if x is None else 100 * x

    return Interval(
        pct(interval.lower), pct(interval.upper), interval.lower_closed, interval.upper_closed
    )


# ----------------------------------------------------------------------------- differences

_MORE_UP = ("more", "higher", "extra", "additional", "further")
_MORE_DOWN = ("fewer", "less", "lower")
_VERBS_UP = ("up", "rose", "risen", "increased", "grew", "grown", "climbed", "jumped")
_VERBS_DOWN = ("down", "fell", "fallen", "decreased", "dropped", "declined", "cut", "reduced")
_NOUNS_UP = ("increase", "rise", "jump")
_NOUNS_DOWN = ("decrease", "fall", "drop", "reduction", "decline")
_DIFFERENCE_FORMS = (
    re.compile(r"(?P<dir>" + "|".join(_VERBS_UP + _VERBS_DOWN) + r")(?:\s+by)?\s+(?P<body>.+)"),
    re.compile(
        r"(?:an?\s+)?(?P<dir>" + "|".join(_NOUNS_UP + _NOUNS_DOWN) + r")\s+of\s+(?P<body>.+)"
    ),
    re.compile(r"(?:an?\s+)?(?P<dir>extra|additional|further)\s+(?P<body>.+)"),
    re.compile(r"(?P<body>.+?)\s+(?P<dir>" + "|".join(_MORE_UP + _MORE_DOWN) + r")(?:\s.*)?"),
)
_PERCENT_WORDS = re.compile(r"%|\bper\s?cent\b|\bpercent\b|\bpct\b|[0-9]\s*pc\b")


@attrs.frozen
class DifferenceWords:
    """A difference between two counts in words: "up by 9,908", "118 fewer" (private).

    ``figure`` is the size of the difference as printed; ``falling`` says whether it is a
    fall. A qualifier and the rounding apply to the size: "nearly 5,000 fewer" is a fall of
    4,000 up to (not including) 5,000.
    """

    text: str
    qualifier: Qualifier
    figure: Figure
    falling: bool
    phrase: str

    @property
    def value(self) -> Fraction:
        """The signed difference, later count minus earlier."""
        return -self.figure.value if self.falling else self.figure.value

    def interval(self, mode: Mode = "half_up") -> Interval:
        """The signed differences the words allow."""
        size = qualified_interval(
            self.figure.value, self.figure.places, self.qualifier, check_mode(mode)
        )
        if not self.falling:
            return size
        return Interval(
            None if size.upper is None else -size.upper,
            None if size.lower is None else -size.lower,
            size.upper_closed,
            size.lower_closed,
        )


def read_difference(text: object, *, qualifier: Qualifier | None = None) -> DifferenceWords:
    """Read a difference between counts in words (private, for the difference claims).

    Understood, with a qualifier in front or after the verb: ``"up by 9,908"``, ``"rose
    by almost 10,000"``, ``"4,901 more"``, ``"118 fewer offences"``, ``"an extra
    458,021"``, ``"an increase of 9,000"``, ``"a fall of nearly five thousand"``. A
    percentage (``"up 10%"``) is refused: that is a change, for :func:`check_change`.
    """
    words = normalize(text, name="claim", example="up by 9,908")
    q, rest = split_qualifier(words, qualifier, text=str(text))
    for form in _DIFFERENCE_FORMS:
        m = form.fullmatch(rest)
        if m is None:
            continue
        falling = m["dir"] in _MORE_DOWN + _VERBS_DOWN + _NOUNS_DOWN
        if _PERCENT_WORDS.search(m["body"]):
            raise TrendcalcError(
                f"claim {text!r} is a percentage change, not a difference between counts: "
                "check it as a change"
            )
        inner, body = split_qualifier(m["body"], text=str(text))
        if inner != "exact":
            if q not in ("exact", inner):
                raise TrendcalcError(
                    f"claim {text!r} has two different qualifiers, {q!r} and {inner!r}; give one"
                )
            q = inner
        tokens = body.split()
        for k in range(len(tokens), 0, -1):  # the longest run of words that is a number
            number = " ".join(tokens[:k])
            if read_number(number) is None:
                continue
            figure = parse_count(_digits(number, name="claim"))
            return DifferenceWords(str(text).strip(), q, figure, falling, rest)
    raise TrendcalcError(
        f"claim {text!r} is not a difference in words trendcalc knows: use e.g. 'up by "
        "9,908', '4,901 more', '118 fewer', 'an extra 458,021' or 'an increase of 9,000'"
    )
