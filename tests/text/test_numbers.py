"""Number and quantity parsing and normalization (newsfaq.text.numbers)."""

from __future__ import annotations

import pytest

from newsfaq.text.numbers import (
    as_ratio,
    canonical,
    find_numbers,
    format_number,
    numbers_agree,
    parse_number,
    parse_quantity,
    qualifier_class,
    split_qualifier,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("120,000", 120_000.0),
        ("120k", 120_000.0),
        ("1.2 million", 1_200_000.0),
        ("$2.4 billion", 2_400_000_000.0),
        ("£5m", 5_000_000.0),
        ("$2.4bn", 2_400_000_000.0),
        ("33%", 33.0),
        ("5.3 percent", 5.3),
        ("5.3 per cent", 5.3),
        ("fifteen", 15.0),
        ("twenty-one", 21.0),
        ("two hundred and five", 205.0),
        ("a million", 1_000_000.0),
        ("two dozen", 24.0),
        ("one-third", 1 / 3),
        ("a third", 1 / 3),
        ("two-thirds", 2 / 3),
        ("half", 0.5),
        ("a quarter", 0.25),
        ("1/3", 1 / 3),
        ("0.8", 0.8),
        ("ten percent", 10.0),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("between six and nine further jobs", [6.0, 9.0]),
        ("sixty and seventy", [60.0, 70.0]),
        ("one hundred and five people", [105.0]),
        ("for two-and-twenty years", [22.0]),
    ],
)
def test_and_joins_number_words_only_after_hundred(text: str, values: list[float]) -> None:
    """ "six and nine" is two numbers (a range's ends), not fifteen."""
    assert [m.value for m in find_numbers(text)] == values


@pytest.mark.parametrize(
    ("text", "normalized", "kind"),
    [
        ("approximately 120,000 soldiers", "120000", "number"),
        ("only one-third of their target", "1/3", "fraction"),
        ("about a third of the company's sales", "1/3", "fraction"),
        ("Revenue climbed 5.3 percent", "5.3%", "percent"),
        ("$2.9 billion", "2900000000 USD", "money"),
        ("US$3.5bn", "3500000000 USD", "money"),
        ("€40", "40 EUR", "money"),
        ("growth of 3 to 4 percent", "3-4%", "percent"),
        ("$5-6 million", "5000000-6000000 USD", "money"),
        ("$1.46 a share", "1.46 USD", "money"),
        ("a loan of 30 million euros", "30000000 EUR", "money"),
        ("a 30 million euro loan", "30000000 EUR", "money"),
        ("a grant of two point three million dollars", "2300000 USD", "money"),
        ("thirty-one point four degrees", "31.4", "number"),
        ("about two and a half degrees", "2.5", "number"),
        ("it weighs 5 pounds", "5", "number"),
    ],
)
def test_normalized_and_kind(text: str, normalized: str, kind: str) -> None:
    mention = parse_quantity(text)
    assert mention is not None
    assert mention.normalized == normalized
    assert mention.kind == kind


def test_offsets_index_the_text() -> None:
    text = "US officials estimated that approximately 120,000 soldiers died; one-third of them"
    found = find_numbers(text)
    assert [m.text for m in found] == ["120,000", "one-third"]
    for m in found:
        assert text[m.start : m.end] == m.text


def test_several_numbers_in_order_without_overlap() -> None:
    found = find_numbers("15 soldiers per week from each of the republic's 36 districts")
    assert [(m.text, m.value) for m in found] == [("15", 15.0), ("36", 36.0)]


@pytest.mark.parametrize(
    "text",
    [
        "the 2019-20 season",  # a season, not a range or a score
        "in the 12th minute",  # ordinal
        "COVID-19",  # part of a name
        "the 1990s",  # a decade (dates handle it)
        "a fourth listed his daughter",  # pronoun, not a fraction
        "after half-time",  # compound, not a fraction
    ],
)
def test_not_numbers(text: str) -> None:
    assert find_numbers(text) == []


def test_a_score_or_vote_is_its_two_counts_not_a_range() -> None:
    found = find_numbers("The board voted 7-2 on Monday; the club won 3-2 on Saturday.")
    assert [(m.text, m.value, m.high) for m in found] == [
        ("7", 7.0, None),
        ("2", 2.0, None),
        ("3", 3.0, None),
        ("2", 2.0, None),
    ]


def test_falling_values_are_two_numbers_not_a_range() -> None:
    assert [m.value for m in find_numbers("fell from 12 to 9 people")] == [12.0, 9.0]


def test_qualifiers() -> None:
    assert split_qualifier("approximately 120,000 soldiers") == (
        "approximately",
        "120,000 soldiers",
    )
    assert split_qualifier("at least 15 percent") == ("at least", "15 percent")
    assert split_qualifier("120,000 soldiers") == (None, "120,000 soldiers")
    assert qualifier_class("about") == "approximate"
    assert qualifier_class("at least") == "at_least"
    assert qualifier_class("up to") == "at_most"
    assert qualifier_class("more than") == "more_than"
    assert qualifier_class(None) == "exact"


def test_numbers_agree() -> None:
    third, pct = find_numbers("one-third and 33 percent")
    assert numbers_agree(third, pct)
    (half,) = find_numbers("half")
    assert not numbers_agree(third, half)
    a, b = find_numbers("120,000 and 120k")
    assert numbers_agree(a, b)
    c, d = find_numbers("120,000 and 125,000")
    assert not numbers_agree(c, d)
    assert numbers_agree(c, d, approximate=True)
    e, f = find_numbers("33 percent and 33 soldiers")
    assert not numbers_agree(e, f)  # a share is not a count
    assert as_ratio(pct) == pytest.approx(0.33)
    assert as_ratio(a) is None


def test_canonical_and_format() -> None:
    assert canonical(120000.0) == "120000"
    assert canonical(5.30) == "5.3"
    assert canonical(2.4e9) == "2400000000"
    assert format_number(540.0) == "540"
    assert format_number(60000.0) == "60,000"
    assert format_number(75_400_000.0) == "75.4 million"
    assert format_number(2.9e9) == "2.9 billion"
    assert format_number(0.8) == "0.8"


@pytest.mark.parametrize(
    ("text", "figure", "value", "kind"),
    [
        ("The club paid £42.5million for the striker.", "£42.5million", 42.5e6, "money"),
        ("a fund of 5million", "5million", 5e6, "number"),
        ("The 6.8-million-pound clinic opens.", "6.8-million", 6.8e6, "number"),
    ],
)
def test_scale_glued_to_the_number(text: str, figure: str, value: float, kind: str) -> None:
    (m,) = find_numbers(text)
    assert (m.text, m.value, m.kind) == (figure, value, kind)
    assert text[m.start : m.end] == m.text


@pytest.mark.parametrize(
    "text",
    ["He scored in the first half.", "The fly-half kicked well.", "At half-time it was 1-0."],
)
def test_half_of_a_match_or_a_position_is_not_a_fraction(text: str) -> None:
    assert not [m for m in find_numbers(text) if m.kind == "fraction"]


def test_half_as_a_share_is_still_a_fraction() -> None:
    (m,) = find_numbers("Half of the staff left.")
    assert m.kind == "fraction" and m.value == 0.5


def test_between_ranges_and_tight_shares() -> None:
    (rng,) = find_numbers("profit growth of between 1 and 3 percent")
    assert (rng.value, rng.high, rng.kind) == (1.0, 3.0, "percent")
    assert [m.value for m in find_numbers("between 2020 and 2024")] == [2020.0, 2024.0]
    a, b = find_numbers("4.5 percent, 5.4 percent")
    assert not numbers_agree(a, b)
    third, pct = find_numbers("a third, 34 percent")
    assert numbers_agree(third, pct)
    (one_to_three,) = find_numbers("1 to 3 percent")
    assert numbers_agree(rng, one_to_three)
    assert not numbers_agree(one_to_three, find_numbers("3 percent")[0])


def test_a_count_of_a_count_is_a_share() -> None:
    shares = {m.text: m.fraction for m in find_numbers("One in three adults; two out of five.")}
    assert shares == {"One in three": (1, 3), "two out of five": (2, 5)}
    assert find_numbers("one vineyard in five")[0].fraction == (1, 5)
    assert [m.kind for m in find_numbers("the first two in 10 minutes")] == ["number", "number"]


def test_pence_after_a_figure_are_money() -> None:
    found = find_numbers("The price falls by 2.1p a litre to 34.4p, and a bag costs 5p.")
    assert [(m.text, m.kind, m.currency) for m in found] == [
        ("2.1p", "money", "GBP"),
        ("34.4p", "money", "GBP"),
        ("5p", "money", "GBP"),
    ]
    assert abs(found[1].value - 0.344) < 1e-9
    assert find_numbers("The meeting starts at 3pm.") == []


def test_a_unit_written_onto_a_figure_ends_it() -> None:
    found = [(m.text, m.value) for m in find_numbers("a 1.2km section, a 1.5kg bag, 50mph")]
    assert found == [("1.2", 1.2), ("1.5", 1.5), ("50", 50.0)]
