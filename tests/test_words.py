"""Words reporters use: percent spellings, numbers, proportions, multiples, qualifiers."""

from __future__ import annotations

import contextlib
import re
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from trendcalc import _claims
from trendcalc._figures import read_difference
from trendcalc._limits import MAX_LABEL_LENGTH
from trendcalc._rounding import rounding_interval
from trendcalc._words import (
    QUALIFIER_WORDS,
    QUALIFIERS,
    normalize,
    numeral,
    qualified_interval,
    read_number,
    split_percent,
)

from .strategies import MODES, decimals, modes, number_in_words, word_fragments

PERCENT_SPELLINGS = ("%", " %", " per cent", " percent", " per-cent", "pc", " pc", " pct",
                     " PER CENT", " Per Cent.", "percent")  # fmt: skip

# ----------------------------------------------------------------------------- percentages


@pytest.mark.parametrize("spelling", PERCENT_SPELLINGS)
def test_every_percent_spelling_reads_as_the_percent_sign(spelling: str) -> None:
    for figure in ("10", "18", "-7.8", "0.50", "+44"):
        words = tc.parse_figure(figure + spelling)
        sign = tc.parse_figure(figure + "%")
        assert (words.value, words.places, words.rounded) == (sign.value, sign.places, False)
        assert words.percent
        assert str(words) == figure + spelling.rstrip()


@given(decimals, st.sampled_from(PERCENT_SPELLINGS), modes)
def test_unround_reads_a_spelled_percentage_as_the_percent_sign(
    x: Decimal, spelling: str, mode: str
) -> None:
    text = f"{x:f}"
    assert tc.unround(text + spelling, mode=mode) == tc.unround(text + "%", mode=mode)  # type: ignore[arg-type]
    assert tc.parse_figure(text + spelling).interval(mode) == tc.unround(text, mode=mode)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["tenpc", "10 per", "10 cent", "44%%", "%", "per cent", "10 pcs"])
def test_near_misses_are_not_percentages(text: str) -> None:
    with pytest.raises(tc.TrendcalcError, match="figure must be a number as printed"):
        tc.parse_figure(text)


def test_a_count_may_not_be_a_spelled_percentage() -> None:
    with pytest.raises(tc.TrendcalcError, match="count must not be a percentage"):
        tc.parse_count("10 per cent")


def test_split_percent_keeps_the_number_as_printed() -> None:
    assert split_percent(" 10 per cent ") == ("10", True)
    assert split_percent("3,903") == ("3,903", False)


def test_a_figure_with_a_qualifier_points_to_the_qualified_reader() -> None:
    with pytest.raises(tc.TrendcalcError, match="use parse_qualified_count"):
        tc.parse_count("almost 5 million")


# ----------------------------------------------------------------------------- numbers in words


@given(st.integers(0, 999))
def test_whole_numbers_in_words_read_as_their_digits(n: int) -> None:
    assert numeral(normalize(number_in_words(n), name="n", example="one")) == str(n)


@given(st.integers(1, 999), st.sampled_from(["thousand", "million", "billion"]))
def test_a_number_in_words_with_a_scale_reads_like_the_digits(n: int, scale: str) -> None:
    q = tc.parse_qualified_count(f"nearly {number_in_words(n)} {scale}")
    digits = tc.parse_count(f"{n} {scale}")
    assert q.qualifier == "nearly"
    assert (q.figure.value, q.figure.places, q.figure.rounded) == (
        digits.value,
        digits.places,
        True,
    )


@pytest.mark.parametrize("text", ["twenty zero", "hundred", "one hundred and", "ten ten", "a"])
def test_malformed_numbers_in_words_are_not_numbers(text: str) -> None:
    assert numeral(text) is None


def test_an_article_is_one_only_when_asked() -> None:
    assert read_number("a") is None
    a = read_number("an", article=True)
    assert a is not None
    assert (a.value, a.places) == (1, 0)


def test_a_bare_number_in_words_is_still_refused_as_a_figure() -> None:
    # a word in a figure field is refused rather than guessed at
    with pytest.raises(tc.TrendcalcError, match="must be a number as printed"):
        tc.parse_figure("ten")
    with pytest.raises(tc.TrendcalcError, match="reported must be a number as printed"):
        tc.unround("five million")


# ----------------------------------------------------------------------------- qualifiers


@given(
    decimals.filter(lambda d: d.as_tuple().exponent >= -6),
    st.sampled_from(QUALIFIERS),
    modes,
)
def test_qualified_interval_keeps_the_documented_meanings(
    x: Decimal, qualifier: str, mode: str
) -> None:
    places = -int(x.as_tuple().exponent)  # type: ignore[operator]
    v, unit = Fraction(x), Fraction(10) ** -places
    got = qualified_interval(v, places, qualifier, mode)  # type: ignore[arg-type]
    if qualifier == "exact":  # the values that round to the figure: unround's answer
        assert got == tc.unround(f"{x:f}", mode=mode)  # type: ignore[arg-type]
        return
    tiny = unit / 1000
    within = {"about": ([v - unit, v, v + unit], [v - unit - tiny, v + unit + tiny])}
    within["around"] = within["about"]
    within["more than"] = ([v + tiny, v + 10**9], [v, v - tiny])
    within["at least"] = ([v, v + 10**9], [v - tiny])
    within["fewer than"] = ([v - tiny, v - 10**9], [v, v + tiny])
    within["less than"] = within["fewer than"]
    within["up to"] = ([v, v - 10**9], [v + tiny])
    within["almost"] = ([v - unit, v - tiny], [v, v - unit - tiny])
    within["nearly"] = within["almost"]
    inside, outside = within[qualifier]
    assert all(p in got for p in inside), (got, inside)
    assert not any(p in got for p in outside), (got, outside)


def test_the_claim_checkers_read_every_qualifier_word() -> None:
    # one table of qualifier words, for the words reader and the claim kinds alike
    for words, qualifier in QUALIFIER_WORDS.items():
        assert _claims.words.split_qualifier(f"{words} 5", None) == (qualifier, "5")
        assert _claims.words.split_qualifier(f"{words.upper()}  5", None) == (qualifier, "5")
    assert set(QUALIFIER_WORDS.values()) <= set(QUALIFIERS)


@pytest.mark.parametrize(
    ("text", "qualifier", "value", "places"),
    [
        ("almost five million", "almost", 5_000_000, -6),
        ("more than 1.1 million", "more than", 1_100_000, -5),
        ("nearly 20,000", "nearly", 20_000, 0),
        ("over 1,000", "more than", 1000, 0),
        ("Just under 500", "less than", 500, 0),
        ("some 2.5m", "about", 2_500_000, -5),
        ("no fewer than twenty-two", "at least", 22, 0),
        ("3,903", "exact", 3903, 0),
        ("a million", "exact", 1_000_000, -6),
    ],
)
def test_counts_with_qualifiers(text: str, qualifier: str, value: int, places: int) -> None:
    q = tc.parse_qualified_count(text)
    assert (q.qualifier, q.figure.value, q.figure.places) == (qualifier, value, places)
    assert str(q) == text


@given(
    st.integers(0, 10**9),
    st.sampled_from(sorted(QUALIFIER_WORDS)),
    st.sampled_from(MODES),
)
def test_a_qualified_count_allows_what_its_qualifier_allows(n: int, words: str, mode: str) -> None:
    q = tc.parse_qualified_count(f"{words} {n:,}")
    assert q.qualifier == QUALIFIER_WORDS[words]
    assert q.interval(mode) == qualified_interval(Fraction(n), 0, q.qualifier, mode)  # type: ignore[arg-type]
    if q.interval(mode).upper is None:
        with pytest.raises(tc.TrendcalcError, match="no upper limit"):
            q.counts(mode)  # type: ignore[arg-type]
    else:
        counts = q.counts(mode)  # type: ignore[arg-type]
        # brute force: every whole count near n is in the range exactly when in the interval
        for c in range(max(n - 3, 0), n + 4):
            assert (c in counts) == q.interval(mode).contains(c)


def test_an_explicit_qualifier_must_agree_with_the_words() -> None:
    assert tc.parse_qualified_count("20,000", qualifier="nearly").qualifier == "nearly"
    with pytest.raises(tc.TrendcalcError, match="says 'almost' but qualifier='more than'"):
        tc.parse_proportion("almost half", qualifier="more than")


# ----------------------------------------------------------------------------- proportions

_ORDINALS = {2: ("half", "halves"), 3: ("third", "thirds"), 4: ("quarter", "quarters"),
             5: ("fifth", "fifths"), 6: ("sixth", "sixths"), 8: ("eighth", "eighths"),
             10: ("tenth", "tenths"), 100: ("hundredth", "hundredths")}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "qualifier", "value", "form"),
    [
        ("half", "exact", Fraction(1, 2), "fraction"),
        ("a half", "exact", Fraction(1, 2), "fraction"),
        ("almost half", "almost", Fraction(1, 2), "fraction"),
        ("a third", "exact", Fraction(1, 3), "fraction"),
        ("one-third", "exact", Fraction(1, 3), "fraction"),
        ("a quarter", "exact", Fraction(1, 4), "fraction"),
        ("three quarters", "exact", Fraction(3, 4), "fraction"),
        ("more than three quarters", "more than", Fraction(3, 4), "fraction"),
        ("a fifth", "exact", Fraction(1, 5), "fraction"),
        ("nearly a fifth", "nearly", Fraction(1, 5), "fraction"),
        ("two fifths", "exact", Fraction(2, 5), "fraction"),
        ("half of all offences", "exact", Fraction(1, 2), "fraction"),
        ("one in four", "exact", Fraction(1, 4), "in"),
        ("One-in-four", "exact", Fraction(1, 4), "in"),
        ("one in three", "exact", Fraction(1, 3), "in"),
        ("more than one in three", "more than", Fraction(1, 3), "in"),
        ("one in four victims", "exact", Fraction(1, 4), "in"),
        ("one out of every 10", "exact", Fraction(1, 10), "in"),
        ("nine in ten", "exact", Fraction(9, 10), "in"),
        ("one in a hundred", "exact", Fraction(1, 100), "in"),
        ("34% of", "exact", Fraction(34, 100), "percent"),
        ("40 per cent", "exact", Fraction(40, 100), "percent"),
        ("over 12.5pc of them", "more than", Fraction(125, 1000), "percent"),
    ],
)
def test_proportions_in_words(text: str, qualifier: str, value: Fraction, form: str) -> None:
    p = tc.parse_proportion(text)
    assert (p.qualifier, p.value, p.form) == (qualifier, value, form)


@given(st.integers(1, 99), st.integers(1, 99), st.booleans(), st.booleans())
def test_m_in_n_reads_as_m_over_n(m: int, n: int, m_words: bool, n_words: bool) -> None:
    m, n = min(m, n), max(m, n)
    a = number_in_words(m) if m_words else str(m)
    b = number_in_words(n) if n_words else str(n)
    p = tc.parse_proportion(f"{a} in {b}")
    assert (p.value, p.form, p.places) == (Fraction(m, n), "in", 0)


@given(st.sampled_from(sorted(_ORDINALS)), st.integers(1, 19))
def test_fractions_in_words_read_as_their_value(denominator: int, numerator: int) -> None:
    if numerator > denominator:
        numerator = denominator
    word = _ORDINALS[denominator][numerator != 1]
    count = "a" if numerator == 1 else number_in_words(numerator)
    p = tc.parse_proportion(f"{count} {word}")
    assert (p.value, p.form) == (Fraction(numerator, denominator), "fraction")


@pytest.mark.parametrize("text", ["five in four", "one in zero", "five quarters", "120%"])
def test_more_than_the_whole_is_refused(text: str) -> None:
    with pytest.raises(tc.TrendcalcError, match="whole"):
        tc.parse_proportion(text)


@given(
    st.integers(1, 9),
    st.integers(1, 200),
    st.fractions(min_value=0, max_value=1).filter(lambda s: s > 0),
    modes,
)
def test_one_in_n_allows_the_shares_whose_n_rounds_to_the_figure(
    m: int, n: int, share: Fraction, mode: str
) -> None:
    # oracle: "M in N" holds when M / share, the whole it implies, rounds to N
    if m > n:
        return
    interval = tc.parse_proportion(f"{m} in {n}").interval(mode)  # type: ignore[arg-type]
    implied_whole = m / share
    assert interval.contains(share) == (tc.round_value(implied_whole, 0, mode=mode) == n)  # type: ignore[arg-type]


@given(st.integers(1, 50), st.fractions(min_value=0, max_value=1).filter(lambda s: s > 0))
def test_almost_one_in_n_is_just_under_the_share(n: int, share: Fraction) -> None:
    interval = tc.parse_proportion(f"almost one in {n}").interval()
    assert interval.contains(share) == (Fraction(1, n + 1) <= share < Fraction(1, n))


@given(st.sampled_from([(1, 2), (1, 4), (3, 4), (1, 5), (2, 5), (1, 10)]), modes)
def test_a_fraction_in_words_is_its_percentage_in_whole_points(
    fraction: tuple[int, int], mode: str
) -> None:
    m, n = fraction
    words = f"{'a' if m == 1 else number_in_words(m)} {_ORDINALS[n][m != 1]}"
    interval = tc.parse_proportion(words).interval(mode)  # type: ignore[arg-type]
    for tenths in range(0, 1001):  # every share in steps of 0.1 percentage points
        share = Fraction(tenths, 1000)
        rounds_to = tc.round_value(100 * share, 0, mode=mode)  # type: ignore[arg-type]
        assert interval.contains(share) == (rounds_to == Fraction(100 * m, n))


# ----------------------------------------------------------------------------- multiples


@pytest.mark.parametrize(
    ("text", "qualifier", "value", "form", "falling"),
    [
        ("twice", "exact", Fraction(2), "multiple", False),
        ("twice as many", "exact", Fraction(2), "multiple", False),
        ("three times", "exact", Fraction(3), "multiple", False),
        ("nearly five times", "nearly", Fraction(5), "multiple", False),
        ("one and a half times", "exact", Fraction(3, 2), "multiple", False),
        ("two and a half times as high", "exact", Fraction(5, 2), "multiple", False),
        ("4.6 times", "exact", Fraction(46, 10), "multiple", False),
        ("3-fold", "exact", Fraction(3), "multiple", False),
        ("doubled", "exact", Fraction(2), "multiple", False),
        ("more than doubled", "more than", Fraction(2), "multiple", False),
        ("tripled", "exact", Fraction(3), "multiple", False),
        ("trebled", "exact", Fraction(3), "multiple", False),
        ("halved", "exact", Fraction(1, 2), "multiple", True),
        ("rose by almost half", "almost", Fraction(3, 2), "fraction", False),
        ("increased by almost half", "almost", Fraction(3, 2), "fraction", False),
        ("almost rose by half", "almost", Fraction(3, 2), "fraction", False),
        ("a fifth", "exact", Fraction(6, 5), "fraction", False),
        ("fell by a quarter", "exact", Fraction(3, 4), "fraction", True),
        ("down two thirds", "exact", Fraction(1, 3), "fraction", True),
        ("up 10 per cent", "exact", Fraction(11, 10), "percent", False),
    ],
)
def test_multiples_in_words(
    text: str, qualifier: str, value: Fraction, form: str, falling: bool
) -> None:
    m = tc.parse_multiple(text)
    assert (m.qualifier, m.value, m.form, m.falling) == (qualifier, value, form, falling)


_EXISTING_RATIO_WORDS = [
    "doubled", "nearly doubled", "more than doubled", "almost four times", "three times as many",
    "3-fold", "twice as many", "halved", "a third", "rose by a third", "more than a third",
    "fell by a quarter", "a quarter", "down by half", "over twice", "quadrupled", "4 times",
    "at least tripled", "about twice", "up to four times", "rose by two thirds",
    "roughly a fifth", "under three times", "nearly nine tenths", "fell by a third",
]  # fmt: skip


@pytest.mark.parametrize("claim", _EXISTING_RATIO_WORDS)
def test_multiples_read_what_the_ratio_checker_reads_with_the_same_value(claim: str) -> None:
    q, target, is_multiple = _claims.read_ratio_words(claim, None)
    m = tc.parse_multiple(claim)
    assert m.qualifier == q
    assert m.value == (target if is_multiple else 1 + target / 100)
    assert (m.form == "multiple") is is_multiple


@pytest.mark.parametrize("claim", _EXISTING_RATIO_WORDS)
@pytest.mark.parametrize("mode", MODES)
def test_multiples_mean_what_the_ratio_checker_means_for_rises_and_exact_falls(
    claim: str, mode: str
) -> None:
    q, target, is_multiple = _claims.read_ratio_words(claim, None)
    m = tc.parse_multiple(claim)
    if m.falling and q != "exact":
        return  # see test_a_qualifier_bounds_the_size_of_a_fall
    places = 1 if is_multiple else 0
    theirs = _claims.qualified_interval(target, places, q, mode)  # type: ignore[arg-type]
    if not is_multiple:
        theirs = _claims.inputs.percent_to_ratio(theirs)
    assert m.interval(mode) == theirs  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("claim", "lower", "upper", "lower_closed", "upper_closed"),
    [
        ("nearly halved", Fraction(1, 2), Fraction(6, 10), False, True),
        ("more than halved", None, Fraction(1, 2), False, False),
        ("fell by almost half", Fraction(1, 2), Fraction(51, 100), False, True),
        ("fell by more than a third", None, Fraction(2, 3), False, False),
        ("fell by at least a quarter", None, Fraction(3, 4), False, True),
        ("rose by almost half", Fraction(149, 100), Fraction(3, 2), True, False),
    ],
)
def test_a_qualifier_bounds_the_size_of_a_fall(
    claim: str,
    lower: Fraction | None,
    upper: Fraction | None,
    lower_closed: bool,
    upper_closed: bool,
) -> None:
    assert tc.parse_multiple(claim).interval() == tc.Interval(
        lower, upper, lower_closed, upper_closed
    )


@given(st.integers(1, 99), st.booleans(), st.sampled_from(["times", "-fold", " fold"]))
def test_n_times_reads_as_n(n: int, words: bool, suffix: str) -> None:
    number = number_in_words(n) if words else str(n)
    sep = "" if suffix.startswith(" ") or suffix.startswith("-") else " "
    m = tc.parse_multiple(f"{number}{sep}{suffix}")
    assert (m.value, m.form, m.places) == (n, "multiple", 1)


# ----------------------------------------------------------------------------- unround


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nearly 20%", "[19, 20)"),
        ("nearly 20 per cent", "[19, 20)"),
        ("more than 40%", "(40, no limit)"),
        ("about 55,000", "[54999, 55001]"),
        ("almost five million", "[4000000, 5000000)"),
        ("one in four", "(200/9, 200/7]"),
        ("a quarter", "[24.5, 25.5)"),
        ("almost half", "[49, 50)"),
        ("more than one in three", "(100/3, no limit)"),
        ("twice", "[1.95, 2.05)"),
        ("nearly five times", "[4.9, 5)"),
        ("10 %", "[9.5, 10.5)"),
    ],
)
def test_unround_reads_qualifiers_and_words(text: str, expected: str) -> None:
    assert str(tc.unround(text)) == expected


@given(decimals, st.sampled_from(sorted(QUALIFIER_WORDS)), modes, st.booleans())
def test_unround_of_a_qualified_figure_is_the_qualified_interval(
    x: Decimal, words: str, mode: str, percent: bool
) -> None:
    text = f"{words} {x:f}{'%' if percent else ''}"
    places = -int(x.as_tuple().exponent)  # type: ignore[operator]
    expected = qualified_interval(Fraction(x), places, QUALIFIER_WORDS[words], mode)  # type: ignore[arg-type]
    assert tc.unround(text, mode=mode) == expected  # type: ignore[arg-type]


@given(decimals, modes)
def test_unround_of_a_plain_figure_is_unchanged(x: Decimal, mode: str) -> None:
    text = f"{x:f}"
    value = Fraction(x)
    places = -int(x.as_tuple().exponent)  # type: ignore[operator]
    assert tc.unround(text, mode=mode) == rounding_interval(value, places, mode)  # type: ignore[arg-type]


def test_unround_refuses_places_for_words() -> None:
    with pytest.raises(tc.TrendcalcError, match="places applies only to a figure"):
        tc.unround("one in four", places=1)
    assert str(tc.unround("nearly 20%", places=1)) == "[19.9, 20)"


# ----------------------------------------------------------------------------- junk

READERS = [
    tc.parse_figure,
    tc.parse_count,
    tc.parse_qualified_count,
    tc.parse_proportion,
    tc.parse_multiple,
    tc.unround,
]


@pytest.mark.parametrize("reader", READERS)
@given(st.one_of(st.text(), st.lists(word_fragments, max_size=8).map(" ".join)))
def test_every_word_reader_raises_only_trendcalc_error_on_arbitrary_text(
    reader: object, text: str
) -> None:
    with contextlib.suppress(tc.TrendcalcError):
        reader(text)  # type: ignore[operator]


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("value", [None, 1.5, b"half", ["half"], True])
def test_every_word_reader_refuses_other_types(reader: object, value: object) -> None:
    with pytest.raises(tc.TrendcalcError):
        reader(value)  # type: ignore[operator]


@pytest.mark.parametrize("reader", [tc.parse_qualified_count, tc.parse_proportion,
                                    tc.parse_multiple, tc.unround])  # fmt: skip
def test_words_longer_than_the_limit_are_refused(reader: object) -> None:
    with pytest.raises(tc.TrendcalcError, match="at most"):
        reader("almost " + "very " * MAX_LABEL_LENGTH + "half")  # type: ignore[operator]


def test_the_qualifiers_page_lists_every_qualifier_word() -> None:
    from pathlib import Path

    page = (Path(__file__).resolve().parent.parent / "docs" / "qualifiers.rst").read_text(
        encoding="utf-8"
    )
    section = page.split("Qualifier words\n")[1].split("Counts with a qualifier\n")[0]
    rows = {}
    for m in re.finditer(r"^(?P<words>[a-z][a-z ,]+?)\s{2,}``(?P<q>[a-z ]+)``$", section, re.M):
        for word in m["words"].split(","):
            rows[word.strip()] = m["q"]
    assert rows == dict(QUALIFIER_WORDS)


# ----------------------------------------------------------------------------- differences


@pytest.mark.parametrize(
    ("text", "qualifier", "value"),
    [
        ("up by 9,908", "exact", 9908),
        ("4,901 more", "exact", 4901),
        ("an extra 458,021", "exact", 458_021),
        ("an increase of 9,000", "exact", 9000),
        ("118 fewer", "exact", -118),
        ("118 fewer offences than in 2015", "exact", -118),
        ("rose by almost 10,000", "almost", 10_000),
        ("nearly 5,000 fewer", "nearly", -5000),
        ("a fall of nearly five thousand", "nearly", -5000),
        ("up by 2.5 million offences", "exact", 2_500_000),
    ],
)
def test_differences_in_words(text: str, qualifier: str, value: int) -> None:
    d = read_difference(text)
    assert (d.qualifier, d.value) == (qualifier, value)


_DIFFERENCE_TEMPLATES = [
    ("up by {q}{n}", False), ("rose {q}{n}", False), ("{q}{n} more", False),
    ("an extra {q}{n}", False), ("an increase of {q}{n}", False), ("fell by {q}{n}", True),
    ("{q}{n} fewer offences", True), ("a drop of {q}{n}", True), ("down {q}{n}", True),
]  # fmt: skip


@given(
    st.integers(0, 10**12),
    st.sampled_from(_DIFFERENCE_TEMPLATES),
    st.sampled_from(["", *sorted(QUALIFIER_WORDS)]),
    modes,
)
def test_a_difference_reads_as_its_signed_size(
    n: int, template: tuple[str, bool], words: str, mode: str
) -> None:
    form, falling = template
    d = read_difference(form.format(q=f"{words} " if words else "", n=f"{n:,}"))
    assert d.value == (-n if falling else n)
    assert d.qualifier == (QUALIFIER_WORDS[words] if words else "exact")
    size = qualified_interval(Fraction(n), 0, d.qualifier, mode)  # type: ignore[arg-type]
    # the qualifier bounds the size: the signed interval is the size's, mirrored for a fall
    for x in range(n - 2, n + 3):
        assert d.interval(mode).contains(-x if falling else x) == size.contains(x)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["up 10%", "down 5 per cent", "more", "fewer than 5", "soared"])
def test_what_is_not_a_difference_is_refused(text: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=r"percentage change|not a difference"):
        read_difference(text)


@given(st.one_of(st.text(), st.lists(word_fragments, max_size=8).map(" ".join)))
def test_the_difference_reader_raises_only_trendcalc_error(text: str) -> None:
    with contextlib.suppress(tc.TrendcalcError):
        read_difference(text)


@pytest.mark.parametrize("reader", [*READERS, read_difference])
@pytest.mark.parametrize(
    "text", ["1" * 4400, "1" * 4400 + " per cent", "nearly " + "9" * 5000, " " * 10**6 + "x"]
)
def test_huge_text_is_refused_briefly_not_with_a_crash(reader: object, text: str) -> None:
    with pytest.raises(tc.TrendcalcError) as info:
        reader(text)  # type: ignore[operator]
    assert len(str(info.value)) < 1000  # the message never repeats the whole input
