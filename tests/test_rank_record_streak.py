"""Rank, record and streak claims: brute-force oracles, ties, and missing counts."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import trendcalc as tc
from tests.strategies import financial_years, group_counts, yearly_counts

FORCES = {"Met": 14577, "City of London": 2210, "Kent": 2210, "Essex": 1980, "Surrey": 950}

# ----------------------------------------------------------------------------- rank


def test_a_tie_is_named_and_shares_the_position() -> None:
    v = tc.check_rank(FORCES, "Kent", "second highest", noun="forces")
    assert v.consistent
    assert v.computed == 2
    assert "joint 2nd highest of 5 forces by count, with City of London (2,210)" in v.explanation


def test_second_only_to_a_group_that_is_not_first_does_not_hold() -> None:
    v = tc.check_rank(FORCES, "Kent", "second only to City of London")
    assert not v.consistent
    assert "ahead of it: Met (14,577)" in v.explanation


def test_second_only_to_names_the_group_ahead_case_and_article_aside() -> None:
    assert tc.check_rank(FORCES, "Kent", "second only to the met").consistent


def test_the_highest_of_any_force() -> None:
    assert tc.check_rank(FORCES, "Met", "the highest of any force").consistent
    assert not tc.check_rank(FORCES, "Kent", "the highest of any force").consistent


def test_among_the_three_highest() -> None:
    assert tc.check_rank(FORCES, "Essex", "among the four highest").consistent
    v = tc.check_rank(FORCES, "Essex", "among the three highest")
    assert not v.consistent
    assert v.computed == 4
    assert v.accepted == tc.Interval(1, 3)


def test_the_lowest_is_first_from_the_bottom() -> None:
    v = tc.check_rank(FORCES, "Surrey", "the lowest")
    assert v.consistent
    assert v.explanation.startswith("Surrey (950) is the lowest of 5 groups by count")


def test_rates_rank_by_count_per_head() -> None:
    counts = {"A": 100, "B": 900, "C": 50}
    populations = {"A": 1_000, "B": 100_000, "C": 400}
    # rates per head: A 1/10, B 9/1000, C 1/8: C is highest, then A, then B
    assert tc.check_rank(counts, "C", "the highest rate", populations=populations).consistent
    v = tc.check_rank(counts, "A", "second highest rate", populations=populations, per=100_000)
    assert v.consistent
    assert "A (10,000 per 100,000)" in v.explanation


def test_the_biggest_drop_ranks_changes_and_must_be_a_fall() -> None:
    earlier = {"Met": 14000, "City of London": 2500, "Kent": 2000, "Essex": 1900, "Surrey": 900}
    v = tc.check_rank(FORCES, "City of London", "the biggest drop of the 5 forces", earlier=earlier)
    assert v.consistent
    assert "City of London (-290)" in v.explanation
    rises = {group: count - 300 for group, count in FORCES.items()}
    rises["Surrey"] = FORCES["Surrey"] - 1  # every force rose; Surrey the least
    v = tc.check_rank(FORCES, "Surrey", "the biggest drop", earlier=rises)
    assert not v.consistent
    assert "not a fall" in v.explanation


def test_percentage_changes_rank_by_ratio() -> None:
    earlier = {"A": 100, "B": 1000}
    later = {"A": 150, "B": 1400}  # +50% and +40%: A has the bigger percentage rise
    assert tc.check_rank(later, "A", "the biggest percentage rise", earlier=earlier).consistent
    assert tc.check_rank(later, "B", "the biggest rise", earlier=earlier).consistent


def test_fields_settle_a_claim_whose_words_are_not_read() -> None:
    v = tc.check_rank(FORCES, "Kent", "Kent was near the top", among=3)
    assert v.consistent
    with pytest.raises(tc.TrendcalcError, match="not a rank trendcalc reads"):
        tc.check_rank(FORCES, "Kent", "Kent was near the top")


def test_fields_must_agree_with_the_words() -> None:
    with pytest.raises(tc.TrendcalcError, match="says position 2 but position=3"):
        tc.check_rank(FORCES, "Kent", "second highest", position=3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"position": 1, "among": 2}, "not both"),
        ({}, "not neither"),
        ({"position": 0}, "position must be"),
        ({"position": 1, "by": "size"}, "by must be one of"),
        ({"position": 1, "direction": "up"}, "direction must be one of"),
        ({"position": 1, "out_of": 43}, "ranks among 43 groups but 5 are given"),
        ({"position": 1, "by": "rate"}, "needs populations"),
        ({"position": 1, "by": "change"}, "needs earlier"),
        ({"behind": ["Nowhere"]}, "not among the counts"),
    ],
)
def test_bad_rank_arguments_are_refused(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(tc.TrendcalcError, match=message):
        tc.check_rank(FORCES, "Kent", **kwargs)  # type: ignore[arg-type]


def test_an_unknown_group_is_refused() -> None:
    with pytest.raises(tc.TrendcalcError, match="'Wessex' is not among the counts"):
        tc.check_rank(FORCES, "Wessex", "the highest")


def test_a_missing_count_of_another_group_is_not_zero() -> None:
    with pytest.raises(tc.UndefinedResultError, match="Surrey is missing"):
        tc.check_rank({**FORCES, "Surrey": None}, "Essex", "the lowest")


def test_rounded_counts_too_close_to_order_are_not_judged() -> None:
    counts = {"A": "6.7 million", "B": "6.7 million", "C": 5}
    with pytest.raises(tc.UndefinedResultError, match="too close to tell"):
        tc.check_rank(counts, "A", "the highest")
    # ... but far enough apart they are
    counts = {"A": "6.7 million", "B": "6.9 million", "C": 5}
    assert tc.check_rank(counts, "A", "second highest").consistent


def _brute_position(values: dict[str, int], group: str, highest: bool) -> int:
    ordered = sorted(values.values(), reverse=highest)
    return ordered.index(values[group]) + 1  # first place holding the group's value


@given(group_counts, st.data())
def test_rank_agrees_with_sorting_including_ties(
    values: dict[str, int], data: st.DataObject
) -> None:
    group = data.draw(st.sampled_from(sorted(values)))
    direction = data.draw(st.sampled_from(["highest", "lowest"]))
    claimed = data.draw(st.integers(1, len(values) + 1))
    among = data.draw(st.booleans())
    real = _brute_position(values, group, direction == "highest")
    if among:
        v = tc.check_rank(values, group, among=claimed, direction=direction)  # type: ignore[arg-type]
        assert v.consistent == (real <= claimed)
    else:
        v = tc.check_rank(values, group, position=claimed, direction=direction)  # type: ignore[arg-type]
        assert v.consistent == (real == claimed)
    assert v.computed == real
    assert len(v.holds_under) == (7 if v.consistent else 0)  # exact counts: every mode or none
    ties = [g for g in values if g != group and values[g] == values[group]]
    if ties:
        assert "joint" in v.explanation
        assert all(f"{t} ({values[t]:,})" in v.explanation for t in ties)
    else:
        assert "joint" not in v.explanation


@given(group_counts, st.data())
def test_rank_of_a_missing_count_is_never_judged_as_zero(
    values: dict[str, int], data: st.DataObject
) -> None:
    assume(len(values) > 1)  # another group's count is the one missing
    group = data.draw(st.sampled_from(sorted(values)))
    other = data.draw(st.sampled_from(sorted(set(values) - {group})))
    claim = data.draw(st.sampled_from(["among", "position"]))
    claimed = {claim: data.draw(st.integers(1, len(values)))}
    direction = data.draw(st.sampled_from(["highest", "lowest"]))
    gapped: dict[str, int | None] = {**values, other: None}
    # the missing count filled with every value that can matter: 0, a count above all the
    # others, and each other count and its neighbours (ties and near ties)
    fillers = {0, 10**6} | {v + d for v in values.values() for d in (-1, 0, 1) if v + d >= 0}
    filled = {
        tc.check_rank({**values, other: f}, group, direction=direction, **claimed).consistent  # type: ignore[arg-type]
        for f in fillers
    }
    try:
        v = tc.check_rank(gapped, group, direction=direction, **claimed)  # type: ignore[arg-type]
    except tc.UndefinedResultError:
        assert filled == {True, False}  # undefined only when the missing count decides
        return
    assert filled == {v.consistent}  # whatever the missing count is, the same verdict


def _rank(
    later: dict[str, int | None], earlier: dict[str, int | None], **kw: object
) -> bool | None:
    try:
        return tc.check_rank(later, earlier=earlier, **kw).consistent  # type: ignore[arg-type]
    except tc.UndefinedResultError:
        return None


@given(group_counts, st.data())
def test_rank_by_change_beside_a_missing_count_agrees_with_every_filling(
    later: dict[str, int], data: st.DataObject
) -> None:
    assume(len(later) > 1)
    earlier: dict[str, int | None] = {g: data.draw(st.integers(0, 6)) for g in sorted(later)}
    group = data.draw(st.sampled_from(sorted(later)))
    other = data.draw(st.sampled_from(sorted(set(later) - {group})))
    side = data.draw(st.sampled_from(["earlier", "later"]))
    options = {
        "group": group,
        "by": data.draw(st.sampled_from(["change", "percent_change"])),
        "direction": data.draw(st.sampled_from(["highest", "lowest"])),
        "position": data.draw(st.integers(1, len(later))),
    }
    gapped_later: dict[str, int | None] = dict(later)
    gapped_earlier = dict(earlier)
    (gapped_earlier if side == "earlier" else gapped_later)[other] = None
    # the missing count filled with every value that can matter: every change of the
    # others lies within -6..max(later), so 0 to 40 and a huge count try every order
    filled = set()
    for f in [*range(41), 10**6]:
        filled_later, filled_earlier = dict(gapped_later), dict(gapped_earlier)
        (filled_earlier if side == "earlier" else filled_later)[other] = f
        filled.add(_rank(filled_later, filled_earlier, **options))
    verdict = _rank(gapped_later, gapped_earlier, **options)
    if verdict is None:
        assert len(filled) > 1 or filled == {None}  # open only when the count decides
    else:
        assert filled == {verdict}  # whatever the missing count is, the same verdict


def test_rank_by_change_beside_a_missing_count_that_cannot_matter() -> None:
    # B's earlier count is missing, so its change is at most +120; C's is +910
    later = {"A": 150, "B": 120, "C": 1000, "D": 0}
    earlier: dict[str, int | None] = {"A": 100, "B": None, "C": 90, "D": 50}
    v = tc.check_rank(later, "C", "the biggest rise", earlier=earlier)
    assert v.consistent
    assert v.computed == 1
    # a missing later count leaves the change open above: C may be beaten
    with pytest.raises(tc.UndefinedResultError, match="B is missing"):
        tc.check_rank({**later, "B": None}, "C", "the biggest rise", earlier={**earlier, "B": 5})
    # and a percentage change from a missing count may not exist at all
    with pytest.raises(tc.UndefinedResultError, match="B may have no percentage change"):
        tc.check_rank(later, "C", "the biggest percentage rise", earlier=earlier)


def test_a_missing_count_is_never_below_a_lowest_of_zero() -> None:
    # Fenland's count was not supplied, but no count is below 0: Eastport is the lowest
    # (joint lowest at worst), whatever Fenland's count is
    counts = {"Eastport": 0, "Westmarch": 12, "Fenland": None}
    v = tc.check_rank(counts, "Eastport", position=1, direction="lowest")
    assert v.consistent
    assert v.computed == 1
    # the highest still turns on the missing count
    with pytest.raises(tc.UndefinedResultError, match="Fenland is missing"):
        tc.check_rank(counts, "Westmarch", position=1, direction="highest")


# ----------------------------------------------------------------------------- record

KNIVES = financial_years([47500, 42100, 37900, 31200, 33100, 34200, 41200, 45500], first=2009)


def test_the_highest_for_seven_years() -> None:
    v = tc.check_record(KNIVES, "the highest for seven years")
    assert v.consistent
    assert v.computed == 7
    assert not tc.check_record(KNIVES, "the highest for eight years").consistent


def test_the_record_says_how_far_back_it_really_goes() -> None:
    v = tc.check_record(KNIVES, "the highest since 2014/15")
    assert v.consistent  # true, if modest: it goes back further
    assert "is the highest since 2009/10 (47,500), 7 years earlier" in v.explanation


def test_highest_since_records_began_needs_every_period() -> None:
    v = tc.check_record(KNIVES, "the highest since records began in 2009/10")
    assert not v.consistent
    assert v.computed == 7
    assert tc.check_record(KNIVES, "the highest since records began in 2010/11").consistent
    assert not tc.check_record(KNIVES, "the highest on record").consistent


def test_an_equal_count_breaks_a_record() -> None:
    series = financial_years([50, 40, 50])
    v = tc.check_record(series, "the highest since 2001/02")
    assert v.consistent
    assert not tc.check_record(series, "the highest on record").consistent
    assert "the highest since 2001/02 (50), 2 years earlier" in v.explanation


def test_the_lowest_for_some_years() -> None:
    series = financial_years([10, 30, 20, 15])
    assert tc.check_record(series, "the lowest for two years").consistent
    assert tc.check_record(series, "the lowest for three years").consistent
    assert not tc.check_record(series, "the lowest for four years").consistent


def test_the_biggest_rise_in_six_years_compares_changes() -> None:
    v = tc.check_record(KNIVES, "the biggest rise in six years", period="2015/16")
    assert v.consistent
    # the rise to 2016/17 (+4,300) is smaller than the one before it (+7,000)
    assert not tc.check_record(KNIVES, "the biggest rise in six years").consistent


def test_the_biggest_fall_must_be_a_fall() -> None:
    series = financial_years([100, 90, 95])
    v = tc.check_record(series, "the biggest fall in two years")
    assert not v.consistent
    assert "not a fall" in v.explanation


def test_a_record_before_the_series_starts_cannot_be_checked() -> None:
    with pytest.raises(tc.UndefinedResultError, match="the series starts in 2009/10"):
        tc.check_record(
            financial_years([1, 2, 3], first=2009), "the highest since records began in 2002/03"
        )
    # ... unless the series already shows it does not hold
    assert not tc.check_record(KNIVES, "the highest for twelve years").consistent


def test_a_missing_count_in_the_window_is_not_zero() -> None:
    series = {**KNIVES, "2012/13": None}
    with pytest.raises(tc.UndefinedResultError, match="2012/13 is missing"):
        tc.check_record(series, "the lowest for five years", period="2013/14")
    # a missing count outside the window does not matter
    assert tc.check_record(series, "the highest for two years").consistent


def test_a_period_left_out_of_a_mapping_is_missing() -> None:
    series = {"2001/02": 5, "2003/04": 9}
    with pytest.raises(tc.UndefinedResultError, match="2002/03 is missing"):
        tc.check_record(series, "the highest on record")


def test_a_count_series_is_accepted() -> None:
    s = tc.CountSeries.from_mapping({"2014/15": 90, "2015/16": 112, "2016/17": 58, "2017/18": 40})
    assert tc.check_record(s, "the lowest on record").consistent
    assert tc.check_streak(s, "fell for the second year running").consistent


def _brute_reach(values: list[int], t: int) -> int | None:
    for j in range(t - 1, -1, -1):
        if values[j] >= values[t]:
            return t - j
    return None


@given(yearly_counts, st.integers(1, 14))
def test_record_agrees_with_a_brute_force_scan(values: list[int], years: int) -> None:
    assume(len(values) >= 2)
    series = financial_years(values)
    t = len(values) - 1
    window = values[max(t - years + 1, 0) : t]
    beaten = any(w >= values[t] for w in window)
    reaches_before = t - years + 1 < 0
    try:
        v = tc.check_record(series, years=years, direction="highest")
    except tc.UndefinedResultError:
        assert reaches_before
        assert not beaten
        return
    assert v.consistent == (not beaten)
    assert v.computed == _brute_reach(values, t)


@given(yearly_counts, st.integers(0, 11))
def test_records_on_record_agree_with_a_brute_force_scan(values: list[int], t: int) -> None:
    assume(0 < t < len(values))
    period = f"{2001 + t}/{(2002 + t) % 100:02d}"
    v = tc.check_record(
        financial_years(values), period=period, records_began=True, direction="lowest"
    )
    assert v.consistent == all(values[j] > values[t] for j in range(t))


# ----------------------------------------------------------------------------- streak

THEFTS = financial_years([5210, 5400, 5120, 4480, 4390], first=2017)


def test_fell_for_the_third_year_running() -> None:
    v = tc.check_streak(THEFTS, "fell for the third year running")
    assert v.consistent
    assert v.computed == 3
    assert "after rising from 5,210 in 2017/18: a streak of 3" in v.explanation


def test_a_longer_or_shorter_streak_does_not_fit_an_exact_claim() -> None:
    assert not tc.check_streak(THEFTS, "fell for the second year running").consistent
    assert not tc.check_streak(THEFTS, "fell for the fourth year running").consistent
    assert tc.check_streak(THEFTS, "fell for at least two years in a row").consistent
    assert tc.check_streak(
        THEFTS, "fell for the second year running", qualifier="at least"
    ).consistent


def test_an_unchanged_count_breaks_a_streak() -> None:
    series = financial_years([9, 8, 8, 7])
    v = tc.check_streak(series, "fell for the second year running")
    assert not v.consistent
    assert "after unchanged at 8 in 2002/03" in v.explanation


def test_no_move_at_all_is_said() -> None:
    v = tc.check_streak(THEFTS, "rose for the first year", direction="rise")
    assert not v.consistent
    assert v.explanation.startswith("The count did not rise in 2021/22: it fell (4,480 in 2020/21")


def test_a_streak_reaching_the_start_of_the_series_cannot_be_checked_exactly() -> None:
    series = financial_years([9, 8, 7])
    with pytest.raises(tc.UndefinedResultError, match="the series starts in 2001/02"):
        tc.check_streak(series, "fell for the second year running")
    assert tc.check_streak(series, "fell for at least two years running").consistent
    assert not tc.check_streak(series, "fell for the first year").consistent  # at least 2


def test_an_18th_consecutive_year_needs_a_direction() -> None:
    series = financial_years([5, *range(30, 11, -1)], first=1990)  # a rise, then 18 falls
    with pytest.raises(tc.TrendcalcError, match="direction = 'rise' or 'fall'"):
        tc.check_streak(series, "an 18th consecutive year")
    v = tc.check_streak(series, "an 18th consecutive year", direction="fall")
    assert (v.consistent, v.computed) == (True, 18)
    v = tc.check_streak(series, "an 18th consecutive year", direction="fall", period="2008/09")
    assert (v.consistent, v.computed) == (False, 17)


def test_a_missing_count_inside_a_streak_is_not_zero() -> None:
    series = {**THEFTS, "2019/20": None}
    with pytest.raises(tc.UndefinedResultError, match="2019/20 is missing"):
        tc.check_streak(series, "fell for the third year running")


def _brute_streak(values: list[int], falling: bool) -> tuple[int, bool]:
    k = 0
    for i in range(len(values) - 1, 0, -1):
        moved = values[i] < values[i - 1] if falling else values[i] > values[i - 1]
        if not moved:
            return k, True
        k += 1
    return k, False  # reached the start: may be longer


@given(yearly_counts, st.integers(1, 12), st.sampled_from(["rise", "fall"]))
def test_streak_agrees_with_a_loop_over_the_series(
    values: list[int], length: int, direction: str
) -> None:
    real, known = _brute_streak(values, direction == "fall")
    try:
        v = tc.check_streak(financial_years(values), length=length, direction=direction)  # type: ignore[arg-type]
    except tc.UndefinedResultError:
        assert not known
        assert length >= real
        return
    assert v.consistent == (real == length)
    assert known or real > length


def _verdicts(
    series: list[int | None], length: int, qualifier: str, way: str, record_way: str
) -> tuple[bool | None, bool | None]:
    """Whether a streak (``length`` periods of ``way``) and a record (``record_way`` over
    ``length`` years) hold for a yearly series; None where undefined."""
    out: list[bool | None] = []
    for check in (
        lambda: tc.check_streak(
            financial_years(series),
            length=length,
            direction=way,  # type: ignore[arg-type]
            qualifier=qualifier,  # type: ignore[arg-type]
        ),
        lambda: tc.check_record(financial_years(series), years=length, direction=record_way),  # type: ignore[arg-type]
    ):
        try:
            out.append(check().consistent)
        except tc.UndefinedResultError:
            out.append(None)
    return out[0], out[1]


def _agree(verdicts: tuple[bool | None, ...], filled: list[tuple[bool | None, ...]]) -> None:
    """A verdict holds for every filling of the missing counts, and there is one whenever
    they all agree."""
    for k, verdict in enumerate(verdicts):
        found = {f[k] for f in filled}
        if verdict is not None:
            assert found == {verdict}
        else:
            assert len(found) > 1 or found == {None}


@given(yearly_counts, st.data())
def test_a_verdict_with_a_missing_count_holds_whatever_the_count(
    values: list[int], data: st.DataObject
) -> None:
    assume(len(values) >= 2)
    gap = data.draw(st.integers(0, len(values) - 1))
    checks = (
        data.draw(st.integers(1, 4)),
        "exact",
        data.draw(st.sampled_from(["rise", "fall"])),
        data.draw(st.sampled_from(["highest", "lowest"])),
    )
    # the missing count filled with every value that can matter: the extremes, and each
    # other count and its neighbours (ties and near ties)
    fillers = sorted({0, 10**6} | {v + d for v in values for d in (-1, 0, 1) if v + d >= 0})
    _agree(
        _verdicts([*values[:gap], None, *values[gap + 1 :]], *checks),
        [_verdicts([*values[:gap], f, *values[gap + 1 :]], *checks) for f in fillers],
    )


@given(
    st.lists(st.one_of(st.none(), st.integers(0, 4)), min_size=2, max_size=6).filter(
        lambda v: 1 <= v.count(None) <= 2
    ),
    st.integers(1, 4),
    st.sampled_from(["exact", "at least", "more than"]),
    st.sampled_from(["rise", "fall"]),
    st.sampled_from(["highest", "lowest"]),
)
def test_verdicts_with_missing_counts_agree_with_every_filling(
    gapped: list[int | None], length: int, qualifier: str, way: str, record_way: str
) -> None:
    # small counts, so that filling each missing count with 0 to 6 tries every order
    # the missing counts can take among the others and each other
    gaps = [i for i, v in enumerate(gapped) if v is None]
    filled = []
    for fill in itertools.product(range(7), repeat=len(gaps)):
        series = list(gapped)
        for i, v in zip(gaps, fill, strict=True):
            series[i] = v
        filled.append(_verdicts(series, length, qualifier, way, record_way))
    _agree(_verdicts(gapped, length, qualifier, way, record_way), filled)


def _record(series: list[int | None], **options: object) -> bool | None:
    try:
        return tc.check_record(financial_years(series), **options).consistent  # type: ignore[arg-type]
    except tc.UndefinedResultError:
        return None


@given(
    st.lists(st.one_of(st.none(), st.integers(0, 3)), min_size=3, max_size=6).filter(
        lambda v: 1 <= v.count(None) <= 2
    ),
    st.sampled_from(["change", "percent_change"]),
    st.sampled_from(["highest", "lowest"]),
    st.integers(1, 4),
    st.sampled_from([None, "rise", "fall"]),
)
def test_records_by_change_beside_missing_counts_agree_with_every_filling(
    gapped: list[int | None], by: str, direction: str, years: int, movement: str | None
) -> None:
    # A missing count enters two changes, as one count. Counts of 0 to 3 make every
    # change -3 to 3 (every percentage -100% to 200%, or none from 0), so filling each
    # missing count with 0 to 10, or with a count far above all of them, tries every
    # order the changes can take.
    options: dict[str, object] = {"by": by, "years": min(years, len(gapped) - 2)}
    if movement is None:
        options["direction"] = direction
    else:  # "the biggest fall" is the lowest change, and must also be a fall
        percentage = " percentage" if by == "percent_change" else ""
        n = options["years"]
        options["claim"] = f"the biggest{percentage} {movement} in {n} year{'s' * (n != 1)}"
    gaps = [i for i, v in enumerate(gapped) if v is None]
    filled = set()
    for fill in itertools.product([*range(11), 10**6], repeat=len(gaps)):
        series = list(gapped)
        for i, v in zip(gaps, fill, strict=True):
            series[i] = v
        filled.add(_record(series, **options))
    verdict = _record(gapped, **options)
    if verdict is not None:
        assert filled == {verdict}  # whatever the missing counts are, the same verdict
    if filled == {True}:
        assert verdict is True  # a claim that holds for every filling is judged to hold


@given(yearly_counts)
def test_counts_as_printed_give_the_same_verdicts(values: list[int]) -> None:
    printed = [f"{v:,}" for v in values]
    for length in (1, 2):
        try:
            a = tc.check_streak(financial_years(values), length=length, direction="rise")
        except tc.UndefinedResultError:
            with pytest.raises(tc.UndefinedResultError):
                tc.check_streak(financial_years(printed), length=length, direction="rise")
            continue
        b = tc.check_streak(financial_years(printed), length=length, direction="rise")
        assert (a.consistent, a.computed) == (b.consistent, b.computed)


@given(group_counts, st.data())
def test_rank_by_change_agrees_with_sorting_the_changes(
    later: dict[str, int], data: st.DataObject
) -> None:
    earlier = {g: data.draw(st.integers(0, 6)) for g in sorted(later)}
    group = data.draw(st.sampled_from(sorted(later)))
    claimed = data.draw(st.integers(1, len(later)))
    direction = data.draw(st.sampled_from(["highest", "lowest"]))
    changes = {g: later[g] - earlier[g] for g in later}
    real = _brute_position(changes, group, direction == "highest")
    v = tc.check_rank(
        later, group, position=claimed, by="change", earlier=earlier, direction=direction
    )  # type: ignore[arg-type]
    assert (v.computed, v.consistent) == (real, real == claimed)


def _tens(values: list[int]) -> list[tc.Figure]:
    """Counts published to the nearest ten: each stands for ten whole counts (five at 0)."""
    return [tc.parse_count(str(v * 10), places=-1) for v in values]


@given(st.lists(st.integers(0, 30), min_size=2, max_size=6), st.data())
def test_a_rank_on_rounded_counts_holds_for_every_count_they_stand_for(
    raw: list[int], data: st.DataObject
) -> None:
    groups = {f"g{i}": f for i, f in enumerate(_tens(raw))}
    among = data.draw(st.integers(1, len(raw)))
    try:
        v = tc.check_rank(groups, "g0", among=among)
    except tc.UndefinedResultError:
        return
    exact = {g: data.draw(st.sampled_from(f.counts())) for g, f in groups.items()}
    assert tc.check_rank(exact, "g0", among=among).consistent == v.consistent


@given(st.lists(st.integers(0, 30), min_size=2, max_size=8), st.integers(1, 4), st.data())
def test_a_streak_or_record_on_rounded_counts_holds_for_every_count_they_stand_for(
    raw: list[int], length: int, data: st.DataObject
) -> None:
    figures = _tens(raw)
    exact = [data.draw(st.sampled_from(f.counts())) for f in figures]
    try:
        streak: tc.Verdict | None = tc.check_streak(
            financial_years(figures), length=length, direction="rise"
        )
    except tc.UndefinedResultError:
        streak = None
    if streak is not None:
        again = tc.check_streak(financial_years(exact), length=length, direction="rise")
        assert again.consistent == streak.consistent
    try:
        record: tc.Verdict | None = tc.check_record(
            financial_years(figures), years=length, direction="lowest"
        )
    except tc.UndefinedResultError:
        record = None
    if record is not None:
        again = tc.check_record(financial_years(exact), years=length, direction="lowest")
        assert again.consistent == record.consistent


def test_a_place_in_the_fields_must_agree_with_the_words() -> None:
    with pytest.raises(tc.TrendcalcError, match="says among 3 but the fields say position=2"):
        tc.check_rank(FORCES, "Kent", "among the three highest", position=2)


def test_a_streak_in_months_is_not_checked_against_years() -> None:
    with pytest.raises(
        tc.TrendcalcError, match="counts months, but the series runs in periods such as '2021/22'"
    ):
        tc.check_streak(THEFTS, "fell for the 10th consecutive month")
    months = {f"2023-{m:02d}": 100 - m for m in range(1, 13)}
    months["2023-01"] = 1  # a rise into February, then ten falls
    v = tc.check_streak(months, "fell for the 10th consecutive month")
    assert (v.consistent, v.computed) == (True, 10)


@pytest.mark.parametrize(
    ("words", "length"),
    [
        ("rose for a fifth consecutive year", 5),
        ("up for the third year in a row", 3),
        ("the third consecutive annual rise", 3),
        ("rose for three years running", 3),
    ],
)
def test_streak_wordings(words: str, length: int) -> None:
    series = financial_years([9, *range(1, 8)])  # a fall, then seven rises
    assert tc.check_streak(
        series, words, period=f"{2001 + length + 1}/{(2002 + length + 1) % 100:02d}"
    ).consistent


def test_rank_record_and_streak_refuse_a_claim_that_is_not_text() -> None:
    # the options say all the words would, but the claim must still be text
    series = {"2010": 3, "2011": 5}
    for check in (
        lambda: tc.check_record(series, 123, direction="highest", years=2),  # type: ignore[arg-type]
        lambda: tc.check_streak(series, 123, length=1, direction="rise"),  # type: ignore[arg-type]
        lambda: tc.check_rank({"a": 1, "b": 2}, "a", 123, position=2),  # type: ignore[arg-type]
    ):
        with pytest.raises(tc.TrendcalcError, match=r"claim must be the words .* \(got 123\)"):
            check()


def test_a_reason_names_the_count_that_is_missing() -> None:
    # the change in 2012 is open because the count of 2011 is missing, not 2012's
    with pytest.raises(tc.UndefinedResultError, match=r": 2011 is missing$"):
        tc.check_record(
            {"2010": 3, "2011": None, "2012": 5, "2013": 1}, "the biggest fall in 3 years",
            by="change",
        )  # fmt: skip


def test_record_options_that_contradict_the_words_are_refused() -> None:
    series = {"2010": 3, "2011": 5, "2012": 2, "2013": 1}
    with pytest.raises(
        tc.TrendcalcError,
        match="says direction 'lowest' but direction='highest'; give one of them",
    ):
        tc.check_record(series, "the biggest fall in 2 years", direction="highest")
    # an option that says what the words say, a period written another way included
    series["2012"] = 4  # changes +2, -1, -3: the fall to 2013 is the biggest on record
    v = tc.check_record(series, "the biggest fall since 2011", direction="lowest", since="2011")
    assert (v.consistent, v.computed) == (True, None)


@pytest.mark.parametrize(
    ("series", "by", "claim", "consistent", "computed", "explained"),
    [
        # 3 to 0 is a fall whatever the missing count before 3 is, but whether it is the
        # biggest turns on that count (3 - x, a bigger fall when x > 6)
        ({"2011": None, "2012": 3, "2013": 0}, "change", "the biggest fall in 1 year",
         True, tc.Interval(1, None), "since 2012 or earlier (2011 is missing)"),
        # 0 after the missing count: a fall or nothing, never a rise as big as +6; the
        # change into the missing count (x - 4) can be, so the reach stays open there
        ({"2010": 1, "2011": 4, "2012": None, "2013": 0, "2014": 6}, "change",
         "the biggest rise in 2 years", True, tc.Interval(2, None),
         "is the biggest rise since 2012 or earlier (2012 is missing)"),
        # the claimed change itself open (0 - x): never a rise, so no record of rises,
        # and the words must not say it holds
        ({"2010": 5, "2011": None, "2012": 0}, "change", "the biggest rise in 2 years", False,
         tc.Interval(1, None), "(missing) is the highest since 2011 or earlier (2011 is "
         "missing), and is not a rise"),
        # a percentage change from a missing count may have no percentage at all; one out
        # of the claim's reach does not matter
        ({"2010": 0, "2011": 5, "2012": 6, "2013": 9}, "percent_change",
         "the biggest percentage rise in 2 years", True, tc.Interval(2, None),
         "(2011 has no percentage change: its earlier count is 0)"),
    ],
)  # fmt: skip
def test_record_by_change_beside_missing_counts(
    series: dict[str, int | None],
    by: str,
    claim: str,
    consistent: bool,
    computed: object,
    explained: str,
) -> None:
    v = tc.check_record(series, claim, by=by)  # type: ignore[arg-type]
    assert (v.consistent, v.computed) == (consistent, computed)
    assert explained in v.explanation


@pytest.mark.parametrize(
    ("series", "claim", "consistent", "computed", "explained"),
    [
        # the claimed count itself missing: a record only where nothing is compared with it
        ({"2010": 3, "2011": 5, "2012": None}, "the highest since 2011", True, tc.Interval(1, None),
         "2012 (missing) is compared by the claim with no earlier count"),
        ({"2010": 3, "2011": 0, "2012": None}, "the lowest since 2011", True, tc.Interval(1, 1),
         "2012 (missing) is compared by the claim with no earlier count"),
        ({"2010": 3, "2011": 0, "2012": None}, "the lowest on record", False, tc.Interval(1, 1),
         "2012 (missing) is not the lowest: no count is below the 0 in 2011"),
        # a missing count before it leaves the reach open, up to the count that ties or beats it
        ({"2010": 1, "2011": None, "2012": 1}, "the highest on record", False, tc.Interval(1, 2),
         "2012 (1) is the highest since 2011 or earlier (2011 is missing), back to 2010 at most (1)"),
        ({"2009": 9, "2010": 5, "2011": None, "2012": 6}, "the highest since 2011", True,
         tc.Interval(1, 3), "back to 2009 at most (9)"),
        ({"2010": 1, "2011": 2, "2012": 3}, "the highest on record", True, None,
         "2012 (3) is the highest on record"),
    ],
)  # fmt: skip
def test_record_reach_and_words_beside_missing_counts(
    series: dict[str, int | None], claim: str, consistent: bool, computed: object, explained: str
) -> None:
    v = tc.check_record(series, claim)
    assert (v.consistent, v.computed) == (consistent, computed)
    assert explained in v.explanation


def test_a_streak_verdict_beside_a_missing_count_says_the_lengths_it_can_have() -> None:
    # 0 before the gap: the gap is above 0, so the streak to 2013 is 1 or 2, never 3
    v = tc.check_streak(
        {"2010": 0, "2011": None, "2012": 2, "2013": 1}, "fell for the third year running"
    )
    assert (v.consistent, v.computed) == (False, tc.Interval(1, 2))
    assert "(the streak can be 1 or 2 years, as 2011 is missing)" in v.explanation
    with pytest.raises(
        tc.UndefinedResultError, match=r"can be 1, 2, or 3 or more years, as 2011 is missing"
    ):
        tc.check_streak(
            {"2010": 9, "2011": None, "2012": 2, "2013": 1},
            length=2,
            direction="fall",
            qualifier="at least",
        )


@pytest.mark.parametrize(
    ("words", "length", "qualifier"),
    [
        ("fell for no fewer than three years in a row", 3, "at least"),
        ("fell for at least 3 consecutive years", 3, "at least"),
        ("fell for over two years in a row", 2, "more than"),
        ("fell for in excess of two years in a row", 2, "more than"),
        ("fell for at least 1 year", 1, "at least"),
        ("fell for at least one year", 1, "at least"),
        # a qualifier of another figure is not the streak's
        ("rose above 5,000 for the third year running", 3, "exact"),
        ("rose over 5,000 for the third year running", 3, "exact"),
    ],
)
def test_streak_words_read_every_way_of_saying_a_longer_streak_fits(
    words: str, length: int, qualifier: str
) -> None:
    from trendcalc._claims.streak import read_streak_words

    spec = read_streak_words(words)
    assert (spec["length"], spec["qualifier"]) == (length, qualifier)


def test_a_rank_beside_a_missing_count_that_may_equal_it_says_so() -> None:
    v = tc.check_rank({"A": 0, "B": None, "C": 5}, "A", "the lowest")
    assert v.consistent
    assert "A (0) is the lowest of 3 groups by count, or joint lowest if B is 0 too" in (
        v.explanation
    )
    # the reason names what is missing: here the earlier count, not the count
    with pytest.raises(tc.UndefinedResultError, match="the earlier count of Essex is missing"):
        tc.check_rank(
            {"Kent": 500, "Essex": 100}, "Essex", position=1, direction="lowest", by="change",
            earlier={"Kent": 10, "Essex": None},
        )  # fmt: skip
