"""Verdicts on published claims, implied counts, qualifiers and claims in words."""

from __future__ import annotations

import contextlib
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import trendcalc as tc
from tests.strategies import MODES, modes

# -- the Lincolnshire story (../shared/seed) and the NSPCC release behind it


def test_170_over_two_years_holds() -> None:
    v = tc.check_total([58, 112], "170")
    assert v.consistent
    assert v.computed == 170
    assert v.holds_under == MODES
    assert v.explanation == "58 + 112 = 170, as published."


def test_lincolnshire_fall_of_48_percent() -> None:
    v = tc.check_change(112, 58, "-48%")
    assert v.consistent
    assert v.computed == Fraction(-675, 14)
    assert v.computed_rounded == Decimal(-48)


def test_44_percent_to_3903_implies_a_previous_figure_of_2702_to_2719() -> None:
    assert tc.implied_before(3903, "44") == range(2702, 2720)
    assert tc.implied_before(3903, "44%") == range(2702, 2720)


def test_15_a_day_does_not_fit_3903_in_365_days() -> None:
    v = tc.check_daily_rate(3903, "2016/17", "15")
    assert not v.consistent
    assert v.holds_under == ()
    assert v.computed == Fraction(3903, 365)
    assert v.computed_rounded == Decimal(11)
    assert v.implied == range(5293, 5658)
    assert "15 a day over 2016/17 needs 5,293 to 5,657 offences" in v.explanation


def test_nspcc_figures_44_percent_holds_only_if_truncated_and_15_a_day_holds() -> None:
    v = tc.check_change(3903, 5653, "44%")
    assert not v.consistent
    assert v.holds_under == ("down", "floor")
    assert v.computed_rounded == Decimal(45)
    assert "holds only if the figure was truncated or rounded down" in v.explanation
    assert tc.check_change(3903, 5653, "44%", mode="down").consistent
    assert tc.check_daily_rate(5653, "2016/17", "15").consistent


# -- properties


@given(b=st.integers(1, 10**6), a=st.integers(0, 10**6), places=st.integers(0, 2), mode=modes)
def test_a_change_claim_built_from_the_exact_value_holds_and_one_unit_off_does_not(
    b: int, a: int, places: int, mode: str
) -> None:
    r = tc.change(b, a).rounded(places, mode=mode)  # type: ignore[arg-type]
    assert tc.check_change(b, a, str(r), mode=mode).consistent  # type: ignore[arg-type]
    unit = Decimal(1).scaleb(-places)
    for off in (r - unit, r + unit):
        assert not tc.check_change(b, a, str(off), mode=mode).consistent  # type: ignore[arg-type]


@given(
    count=st.integers(0, 10**6), places=st.integers(0, 3), mode=modes, year=st.integers(2000, 2030)
)
def test_a_daily_rate_claim_built_from_the_exact_value_holds(
    count: int, places: int, mode: str, year: int
) -> None:
    period = tc.financial_year(year)
    r = tc.daily_rate(count, period).rounded(places, mode=mode)  # type: ignore[arg-type]
    v = tc.check_daily_rate(count, period, str(r), mode=mode)  # type: ignore[arg-type]
    assert v.consistent
    assert count in v.implied  # type: ignore[operator]
    unit = Decimal(1).scaleb(-places)
    if r - unit >= 0:
        assert not tc.check_daily_rate(count, period, str(r - unit), mode=mode).consistent  # type: ignore[arg-type]
    assert not tc.check_daily_rate(count, period, str(r + unit), mode=mode).consistent  # type: ignore[arg-type]


@given(
    count=st.integers(0, 10**5),
    population=st.integers(1, 10**7),
    places=st.integers(0, 3),
    mode=modes,
)
def test_a_population_rate_claim_built_from_the_exact_value_holds(
    count: int, population: int, places: int, mode: str
) -> None:
    r = tc.population_rate(count, population).rounded(places, mode=mode)  # type: ignore[arg-type]
    assert tc.check_population_rate(count, population, str(r), mode=mode).consistent  # type: ignore[arg-type]
    unit = Decimal(1).scaleb(-places)
    assert not tc.check_population_rate(count, population, str(r + unit), mode=mode).consistent  # type: ignore[arg-type]


@given(parts=st.lists(st.integers(0, 10**6), min_size=1, max_size=6))
def test_a_total_holds_exactly_when_it_is_the_sum(parts: list[int]) -> None:
    assert tc.check_total(parts, str(sum(parts))).consistent
    assert not tc.check_total(parts, str(sum(parts) + 1)).consistent


@given(after=st.integers(0, 400), percent=st.integers(-90, 300), mode=modes)
def test_implied_before_holds_exactly_the_counts_whose_claim_holds(
    after: int, percent: int, mode: str
) -> None:
    implied = tc.implied_before(after, str(percent), mode=mode)  # type: ignore[arg-type]
    accepted = tc.unround(str(percent), mode=mode)  # type: ignore[arg-type]
    brute = [b for b in range(1, 11 * after + 50) if accepted.contains(tc.change(b, after).percent)]
    assert list(implied) == brute


@given(rate=st.integers(0, 300), places=st.integers(0, 1), mode=modes)
def test_implied_count_holds_exactly_the_counts_whose_rate_rounds_to_the_figure(
    rate: int, places: int, mode: str
) -> None:
    figure = str(Decimal(rate).scaleb(-places))
    implied = tc.implied_count(figure, "2016", mode=mode)  # type: ignore[arg-type]
    accepted = tc.unround(figure, mode=mode)  # type: ignore[arg-type]
    days = tc.parse_period("2016").days
    top = (rate + 1) * days // 10**places + 400
    brute = [c for c in range(top) if accepted.contains(Fraction(c, days))]
    assert list(implied) == brute


def test_implied_before_without_an_end_is_refused() -> None:
    with pytest.raises(
        tc.UndefinedResultError, match="every earlier count fits a change to 0 of -100"
    ):
        tc.implied_before(0, "-100")
    with pytest.raises(tc.UndefinedResultError, match="the answer has no end"):
        tc.implied_before(5, "-100")
    assert tc.implied_before(0, "-50") == range(1, 1)


# -- rounded counts


def test_a_change_published_from_rounded_counts_is_checked_over_every_count_they_allow() -> None:
    before = tc.parse_count("60,000", places=-3)
    after = tc.parse_count("391,000", places=-3)
    v = tc.check_change(before, after, "550%")
    assert v.consistent
    assert isinstance(v.computed, tc.Interval)
    assert "60,000 (59,500 to 60,499)" in v.explanation
    # the same figures read as exact counts would flag a true claim
    assert not tc.check_change(60000, 391000, "550%").consistent


def test_scaled_counts_stand_for_a_range() -> None:
    assert tc.check_total(["6.7 million", "2.5m"], "9.2 million").consistent
    v = tc.check_population_rate(3903, "56.3 million", "6.9", per=100_000)
    assert v.consistent
    assert v.implied is None  # the population is not exact


# -- qualifiers


@pytest.mark.parametrize(
    ("qualifier", "inside", "outside"),
    [
        ("exact", ["14.5", "15.49"], ["14.49", "15.5"]),
        ("about", ["14", "16"], ["13.99", "16.01"]),
        ("around", ["14", "16"], ["13.99", "16.01"]),
        ("more than", ["15.01", "1000"], ["15", "14"]),
        ("at least", ["15", "1000"], ["14.99"]),
        ("fewer than", ["14.99", "0"], ["15"]),
        ("less than", ["14.99"], ["15"]),
        ("up to", ["15", "0"], ["15.01"]),
        ("almost", ["14", "14.99"], ["13.99", "15"]),
        ("nearly", ["14", "14.99"], ["13.99", "15"]),
    ],
)
def test_each_qualifier_accepts_what_its_documentation_says(
    qualifier: str, inside: list[str], outside: list[str]
) -> None:
    v = tc.check_daily_rate(15 * 365, "2016/17", "15", qualifier=qualifier)  # type: ignore[arg-type]
    for x in inside:
        assert v.accepted.contains(x), (qualifier, x)
    for x in outside:
        assert not v.accepted.contains(x), (qualifier, x)


def test_qualifier_is_read_at_the_figures_own_precision() -> None:
    assert str(tc.check_daily_rate(1, "2016", "15.0", qualifier="almost").accepted) == "[14.9, 15)"
    assert (
        str(tc.check_total([1], "6.7 million", qualifier="about").accepted) == "[6600000, 6800000]"
    )


def test_unknown_qualifier_is_refused() -> None:
    with pytest.raises(tc.TrendcalcError, match="qualifier must be one of 'exact', 'about'"):
        tc.check_total([1], "1", qualifier="roughly")  # type: ignore[arg-type]


# -- claims in words


@pytest.mark.parametrize(
    ("before", "after", "claim", "holds"),
    [
        (100, 200, "doubled", True),
        (100, 196, "doubled", True),
        (100, 194, "doubled", False),
        (100, 190, "nearly doubled", True),
        (100, 200, "nearly doubled", False),
        (100, 201, "more than doubled", True),
        (100, 200, "more than doubled", False),
        (100, 395, "almost four times", True),
        (100, 300, "three times as many", True),
        (100, 300, "3-fold", True),
        (100, 200, "twice as many", True),
        (112, 58, "halved", True),
        (100, 133, "a third", True),
        (100, 134, "a third", False),
        (100, 132, "rose by a third", False),
        (100, 140, "more than a third", True),
        (100, 75, "fell by a quarter", True),
        (100, 75, "a quarter", False),
        (100, 50, "down by half", True),
        (100, 200, "over twice", False),
    ],
)
def test_ratio_claims_in_words(before: int, after: int, claim: str, holds: bool) -> None:
    assert tc.check_ratio(before, after, claim).consistent is holds


@pytest.mark.parametrize(
    ("count", "period", "claim", "holds"),
    [
        (52_560, "2015", "one every 10 minutes", True),
        (52_560, "2015", "six an hour", True),
        (52_560, "2015", "144 a day", True),
        (52_560, "2015", "more than one every 11 minutes", True),
        (52_560, "2015", "more than one every 10 minutes", False),
        (52_560, "2015", "a crime every seven seconds", False),
        (4_505_143, "2015", "a crime every seven seconds", True),
        (3903, "2016/17", "an average of 15 cyber offences a day", False),
        (5653, "2016/17", "an average of 15 cyber offences a day", True),
        (8760, "2015", "one every hour", True),
        (8760, "2015", "about one every 2 hours", True),
    ],
)
def test_frequency_claims_in_words(count: int, period: str, claim: str, holds: bool) -> None:
    assert tc.check_frequency(count, period, claim).consistent is holds


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: tc.check_ratio(1, 2, "soared"), "is not a change in words trendcalc knows"),
        (
            lambda: tc.check_ratio(1, 2, "exploded by a third"),
            "is not a change in words trendcalc knows",
        ),
        (
            lambda: tc.check_ratio(1, 2, "more than doubled", qualifier="almost"),
            "says 'more than' but qualifier='almost'",
        ),
        (lambda: tc.check_frequency(1, "2016", "lots"), "is not a frequency trendcalc knows"),
        (
            lambda: tc.check_frequency(1, "2016", "almost one every hour"),
            "'almost' is not used with 'every' claims",
        ),
        (lambda: tc.check_change(1, 2, "42, 265"), "reported must be a number as printed"),
        (lambda: tc.check_change(-1, 2, "5"), "before must not be negative"),
        (lambda: tc.check_change(1.5, 2, "5"), "before must be an int or a count as printed"),
        (lambda: tc.check_change("22,6400", 2, "5"), "before must be a number as printed"),
        (lambda: tc.check_total([], "5"), "parts must be a non-empty sequence of counts"),
        (lambda: tc.check_total("58", "5"), "parts must be a non-empty sequence of counts"),
        (lambda: tc.check_daily_rate(1, "2016/18", "5"), "unknown period '2016/18'"),
        (lambda: tc.check_population_rate(1, 0, "5"), "population must be positive"),
        (lambda: tc.parse_count("3.5"), "count must be a whole number"),
        (lambda: tc.parse_count("44%"), "count must not be a percentage"),
    ],
)
def test_bad_claims_raise_clear_errors(call: object, message: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        call()  # type: ignore[operator]


def test_a_change_from_zero_never_holds_and_says_why() -> None:
    v = tc.check_change(0, 12, "100%")
    assert not v.consistent
    assert v.computed is None
    assert "the earlier count is zero" in v.explanation


@given(text=st.text(max_size=30))
def test_checks_raise_only_trendcalc_error_on_arbitrary_figures(text: str) -> None:
    for call in (
        lambda: tc.check_change(3, 4, text),
        lambda: tc.check_total([1, 2], text),
        lambda: tc.check_daily_rate(3, "2016", text),
        lambda: tc.check_ratio(3, 4, text),
        lambda: tc.check_frequency(3, "2016", text),
        lambda: tc.parse_count(text),
    ):
        with contextlib.suppress(tc.TrendcalcError):
            call()


def test_verdict_is_frozen() -> None:
    v = tc.check_total([1], "1")
    with pytest.raises(AttributeError):
        v.consistent = False  # type: ignore[misc]


@given(
    st.integers(1, 10_000),
    st.integers(0, 10_000),
    st.integers(0, 99),
    st.sampled_from(["down {}%", "fell by {} per cent", "a fall of {}%", "dropped {}%"]),
    st.sampled_from(["up {}%", "rose by {} per cent", "a rise of {}%", "increased {}%"]),
)
def test_a_change_in_words_is_judged_as_its_signed_figure(
    before: int, after: int, pct: int, fall: str, rise: str
) -> None:
    for words, signed in ((fall.format(pct), f"-{pct}%"), (rise.format(pct), f"{pct}%")):
        a = tc.check_change(before, after, words)
        b = tc.check_change(before, after, signed)
        assert (a.consistent, a.holds_under, a.computed) == (
            b.consistent,
            b.holds_under,
            b.computed,
        )
        assert a.reported == words  # the verdict keeps the words as published


def test_a_change_in_words_in_a_story_file_and_its_implied_counts() -> None:
    story = tc.load_story(
        'title = "x"\n[counts.a]\nperiod = "2015/16"\ncount = 112\n'
        '[counts.b]\nperiod = "2016/17"\ncount = 58\n'
        '[[claims]]\nkind = "change"\nfrom = "a"\nto = "b"\nfigure = "down 48%"\n'
        '[[claims]]\nkind = "change"\nfrom = "unknown"\nto = "b"\nfigure = "fell by 48 per cent"\n'
    )
    held, unchecked = tc.check_story(story).results
    assert held.status == "holds"
    assert unchecked.status == "unchecked"
    # 58 is 48% below 111 or 112 (rounded half up): -47.7% and -48.2%
    assert "a change of -48 per cent to 58 (2016/17) holds only if it was between 111 and 112" in (
        unchecked.explanation
    )
    assert tc.implied_before(58, "down 48%") == range(111, 113)
    with pytest.raises(tc.TrendcalcError, match="has both a verb and a sign"):
        tc.check_change(112, 58, "down -48%")


def test_a_qualifier_or_a_level_is_not_read_as_a_change_in_words() -> None:
    # "up to 10%" is the qualifier "up to", never a rise of "to 10%"
    with pytest.raises(tc.TrendcalcError, match=r"pass qualifier='up to' and reported='10%'$"):
        tc.check_change(100, 90, "up to 10%")
    assert tc.check_change(100, 90, "10%", qualifier="up to").consistent  # -10% is up to 10%
    # "fell to 10%" names a level, not a change: refused, not read as a fall of 10%
    with pytest.raises(tc.TrendcalcError, match=r"\(got 'fell to 10%'\)"):
        tc.check_change(100, 90, "fell to 10%")
    with pytest.raises(tc.TrendcalcError, match=r"pass qualifier='about' and reported='15'$"):
        tc.check_daily_rate(3903, "2016/17", "about 15")


@given(
    st.integers(1, 10_000),
    st.integers(0, 10_000),
    st.integers(0, 99),
    st.sampled_from(["more than", "at least", "fewer than", "almost", "about", "up to"]),
    st.sampled_from(["down {}%", "a fall of {} per cent", "fell by {}%"]),
)
def test_a_qualifier_on_a_fall_in_words_bounds_the_size_of_the_fall(
    before: int, after: int, pct: int, qualifier: str, words: str
) -> None:
    from trendcalc._words import qualified_interval

    size = -(Fraction(100 * after, before) - 100)  # how far it fell, in percent
    allowed = qualified_interval(Fraction(pct), 0, qualifier, "half_up")  # type: ignore[arg-type]
    v = tc.check_change(before, after, words.format(pct), qualifier=qualifier)  # type: ignore[arg-type]
    assert v.consistent == allowed.contains(size)
    # a rise in words with a qualifier is the signed figure with it
    rise = tc.check_change(before, after, f"up {pct}%", qualifier=qualifier)  # type: ignore[arg-type]
    assert (
        rise.consistent == tc.check_change(before, after, f"{pct}%", qualifier=qualifier).consistent
    )  # type: ignore[arg-type]


def test_a_fall_in_words_with_a_qualifier_reads_as_reporters_mean_it() -> None:
    # "down more than 10%": a fall larger than 10%, never "more than -10%"
    assert not tc.check_change(100, 91, "down 10%", qualifier="more than").consistent
    v = tc.check_change(100, 89, "down 10%", qualifier="more than")
    assert v.consistent
    assert "fits 'a fall of more than 10%'" in v.explanation
    assert tc.check_change(100, 91, "down 10%", qualifier="almost").consistent
    # a rate change cannot yet take one, and says how to write it instead
    with pytest.raises(tc.TrendcalcError, match="give the fall as a signed figure, such as '-10%'"):
        tc.check_rate_change("10.0", "9.0", "down 10%", qualifier="more than")
    # a sign after the verb is read once: "up +10%" is +10%
    assert tc.check_rate_change("10.0", "11.0", "up +10%").consistent


def test_a_qualifier_inside_a_change_in_words_is_pointed_at_the_qualifier_key() -> None:
    with pytest.raises(
        tc.TrendcalcError, match=r"pass qualifier='nearly' and reported='fell by 10%'$"
    ):
        tc.check_change(100, 91, "fell by nearly 10%")
    assert tc.check_change(100, 91, "fell by 10%", qualifier="nearly").consistent
    story = (
        'title = "x"\n[counts.a]\nperiod = "2016/17"\ncount = 100\npopulation = 1000\n'
        '[counts.b]\nperiod = "2017/18"\ncount = 91\npopulation = 1000\n'
        '[[claims]]\nkind = "change"\nfrom = "a"\nto = "b"\nfigure = "fell by nearly 10%"\n'
        '[[claims]]\nkind = "rate_change"\nfrom = "a"\nto = "b"\nfigure = "down 10%"\n'
        'qualifier = "more than"\n'
    )
    with pytest.raises(tc.StoryError) as info:
        tc.load_story(story)  # refused when loading, never in the middle of a check
    assert info.value.problems == [
        "claims[1].figure: 'fell by nearly 10%' has a qualifier inside; write qualifier = "
        '"nearly" and figure = "fell by 10%"',
        "claims[2].figure: a qualifier on a fall in words ('more than' with 'down 10%') is "
        "not read for a rate change; give the fall as a signed figure, such as '-10%', whose "
        "qualifier bounds the signed change",
    ]
