"""Unit tests of the check of payers: who pays for what, where the original never ties the two."""

from __future__ import annotations

import pytest

from newsfaq.audit.checks.payers import payments
from newsfaq.text.nlp import parse
from tests.audit.checks.support import aligner_of, by_rule_findings, checks

_CLUB = (
    "The rowing club's boathouse roof was damaged in the February storms. "
    "No date has been set for the roof repairs. "
    "The club hopes to reopen the boathouse in June. "
    "Its members have raised £8,000 towards new boats. "
    "The Riverways Trust has offered the club a grant of £20,000. "
    "The grant will pay for a new pontoon and safety launches."
)


@pytest.mark.parametrize(
    ("claim", "payer", "item"),
    [
        ("The Riverways Trust grant will pay for the roof repairs.", "grant", "repair"),
        ("The roof repairs will be paid for by the Riverways Trust grant.", "grant", "repair"),
        ("The roof repairs, paid for by the grant, will start soon.", "grant", "repair"),
        ("The repairs, which will be funded from the grant, will start soon.", "grant", "repair"),
        ("The trust is funding the pontoon.", "trust", "pontoon"),
        ("Rowers will be offered boats, paid for by the grant.", "grant", "boat"),
        ("The grant will cover the pontoon.", "grant", "pontoon"),
    ],
)
def test_payments_are_read_in_either_voice(claim: str, payer: str, item: str) -> None:
    [p] = payments(parse(claim))
    assert (p.payer.lemma_.lower(), p.item.lemma_.lower()) == (payer, item)


@pytest.mark.parametrize(
    "claim",
    [
        "The work will cost £40,000.",
        "People paid £1,900 on average for a pair of aids.",  # a vague thing paid for
        "About 95 hectares will be covered by panels.",  # "cover" with no money
        "The club has funding for 41 rowers.",  # a noun, not a payment
        "The grant will cover the rest.",
    ],
)
def test_what_is_no_particular_payment_is_not_read(claim: str) -> None:
    assert payments(parse(claim)) == []


def test_a_payer_the_original_names_only_apart_from_the_thing_is_unsupported() -> None:
    """The grant and the roof repairs are both in the original, never together."""
    al = aligner_of(_CLUB)
    claim = "No date has been set for the roof repairs, which will be paid for by the grant."
    found, flagged = by_rule_findings(al, claim, "payers")
    assert [f.severity for f in found] == ["unsupported"]
    assert "grant" in found[0].reason and "roof repairs" in found[0].reason
    assert flagged  # a rule decides, not the model


@pytest.mark.parametrize(
    "claim",
    [
        "The new pontoon will be paid for by the Riverways Trust grant.",  # the original's tie
        "The grant is to fund safety launches and a pontoon.",
        "The roof repairs will be paid for by the insurers.",  # a payer it never names
    ],
)
def test_a_payment_the_original_states_or_cannot_judge_is_no_finding(claim: str) -> None:
    assert "payers" not in checks(aligner_of(_CLUB), claim)


def test_a_payer_named_in_the_sentence_next_to_the_thing_is_no_finding() -> None:
    """Two sentences next to each other may tie the payer to the thing ("The trust offered a
    grant. It will pay for the repairs.")."""
    al = aligner_of(
        "The Riverways Trust has offered the club a grant of £20,000. "
        "It will go towards the roof repairs. The club hopes to reopen in June."
    )
    assert "payers" not in checks(al, "The roof repairs will be paid for by the grant.")


def test_a_thing_whose_sentence_speaks_of_money_is_not_judged() -> None:
    """ "New lighting will cost £40,000": the original may say who meets "the cost" in a
    sentence that does not name the lighting."""
    al = aligner_of(
        "The council has agreed a plan for the park. Work starts in May. "
        "New lighting will cost £40,000. The paths will be resurfaced in the summer. "
        "A cafe will open in the old lodge. The council said it would meet the cost."
    )
    assert "payers" not in checks(al, "The council will pay for the new lighting.")
