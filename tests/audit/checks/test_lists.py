"""Unit tests of the check of lists: a member added to, or swapped into, the original's list."""

from __future__ import annotations

import pytest

from newsfaq.audit.checks.lists import list_members
from newsfaq.text.nlp import parse
from tests.audit.checks.support import aligner_of, by_rule_findings, checks

_HEALTH = (
    "Babies given the drug are at greater risk of eczema and digestive problems, "
    "the study found. The ferries Skarv, Tind and Ravn were taken out of service in June. "
    "The Lofoten route is served by the ferry Orm."
)


def test_lists_are_read_in_order() -> None:
    lists = list_members(parse("The ferries Skarv, Tind and Ravn stopped.")[:])
    assert [[m.head for m in members] for members in lists] == [["skarv", "tind", "ravn"]]


def test_an_item_added_to_the_list_is_unsupported() -> None:
    al = aligner_of(_HEALTH)
    claim = "Babies given the drug are at greater risk of eczema, asthma and digestive problems."
    lists, flagged = by_rule_findings(al, claim, "lists")
    assert [f.severity for f in lists] == ["unsupported"]
    assert "asthma" in lists[0].reason
    assert flagged  # checkable content: a rule decides, not the model


_ORCHARD = (
    "The blight killed 40 apple, quince and plum trees last summer. The trust cleared the site "
    "in the autumn. Volunteers will dig the beds in March. The new trees will be delivered in "
    "April. Among the varieties to be planted are Conference pears, Bramley apples and a local "
    "russet."
)


def test_an_item_the_original_names_only_far_from_the_list_is_added() -> None:
    """ "quinces" added to the varieties to be planted, where the original names quince only
    among the trees the blight killed, four sentences before the list."""
    al = aligner_of(_ORCHARD)
    claim = "Among the varieties to be planted are Conference pears, quinces and Bramley apples."
    lists, flagged = by_rule_findings(al, claim, "lists")
    assert [f.severity for f in lists] == ["unsupported"]
    assert "quinces" in lists[0].reason
    assert flagged


def test_an_item_the_original_names_beside_the_list_is_no_addition() -> None:
    """The original's next sentence names the item: the claim may join it to the list."""
    al = aligner_of(_ORCHARD + " Two quince trees will also go in by the gate.")
    claim = "Among the varieties to be planted are Conference pears, quinces and Bramley apples."
    assert "lists" not in checks(al, claim)


def test_a_noun_that_names_the_listed_names_is_no_added_item() -> None:
    """ "Both vessels, the MV Corran Bay and the MV Islay Star": "vessels" names the ships, though
    the original uses the word only far from its list."""
    al = aligner_of(
        "The authority suspended the ferry company's licence after finding faults on both of "
        "its vessels. The suspension took effect at midnight on Tuesday. Inspectors who boarded "
        "the MV Corran Bay and the MV Islay Star on 3 March found that 14 life rafts were out "
        "of date."
    )
    claim = (
        "Both vessels, the MV Corran Bay and the MV Islay Star, were boarded by inspectors "
        "on 3 March."
    )
    assert "lists" not in checks(al, claim)


def test_a_named_item_swapped_into_the_list_contradicts() -> None:
    al = aligner_of(_HEALTH)
    claim = "The ferries Skarv, Tind and Orm were taken out of service in June."
    lists, _ = by_rule_findings(al, claim, "lists")
    assert [f.severity for f in lists] == ["contradicted"]
    assert "Ravn" in lists[0].reason and "Orm" in lists[0].reason


@pytest.mark.parametrize(
    "claim",
    [
        "The ferries Ravn, Skarv and Tind were taken out of service in June.",  # reordered
        "The ferries Skarv and Tind were taken out of service in June.",  # cut short
        "Babies given the drug are at greater risk of digestive problems and eczema.",
    ],
)
def test_a_list_reordered_or_cut_short_is_no_change(claim: str) -> None:
    assert "lists" not in checks(aligner_of(_HEALTH), claim)


def test_a_word_that_is_no_item_of_the_kind_is_not_an_added_member() -> None:
    """ "helping" read as a third member of "fuel and food" is a parse, not an invented item."""
    al = aligner_of("Inflation fell to 3.1 percent in May as fuel and food got cheaper.")
    claim = "Inflation fell to 3.1 percent in May, with cheaper fuel and food helping."
    assert "lists" not in checks(al, claim)


def test_one_name_of_a_pair_swapped_for_another_is_contradicted() -> None:
    al = aligner_of(
        "The tram turned from Canal Street into Market Square. Replacement buses run between "
        "Central Station and Harrow Lane."
    )
    claim = "Replacement buses run between Central Station and Canal Street."
    assert checks(al, claim).get("lists") == "contradicted"
    assert "lists" not in checks(
        al, "Replacement buses run between Harrow Lane and Central Station."
    )


def test_a_name_with_the_words_of_the_original_s_member_matches() -> None:
    al = aligner_of(
        "Most new stations will be placed in the Eastmere and Calloway Heights neighbourhoods. "
        "The line runs between Central Station and Harrow Lane."
    )
    assert "lists" not in checks(
        al, "Most new stations are headed for Eastmere and Calloway Heights."
    )
    assert checks(al, "The line runs between Central Station and Canal Street.").get("lists")


def test_a_common_noun_added_to_a_list_the_parse_hung_on_the_verb() -> None:
    al = aligner_of(
        "He said the company would spend 22 million dollars on resurfacing and new lighting over "
        "the next three years."
    )
    added = (
        "He says they'll spend 22 million dollars on resurfacing, new lighting and a second toll "
        "plaza."
    )
    assert checks(al, added).get("lists")
    assert "lists" not in checks(
        al, "He says they'll spend 22 million dollars on resurfacing and new lighting."
    )


def test_a_name_joined_by_possessives_is_no_list() -> None:
    from tests.audit.checks.support import aligner_of, checks

    al = aligner_of(
        "Lecturers at Kestrel Ridge College will be balloted on strike action, the Lecturers' "
        "and Tutors' Union (LTU) announced on Tuesday."
    )
    assert "lists" not in checks(
        al, "The Lecturers' and Tutors' Union (LTU) made the announcement."
    )
