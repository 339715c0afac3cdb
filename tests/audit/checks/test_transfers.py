"""Unit tests of the transfer checks (who gives what to whom, through verbs of either way)."""

from __future__ import annotations

from newsfaq.audit.checks.transfers import transfers
from newsfaq.text.nlp import parse
from tests.audit.checks.support import aligner_of, by_rule_findings


def test_either_way_verbs_name_the_same_source() -> None:
    lent = next(transfers(parse("Harwick Council lent six buses to Westway Coaches.")[:]))
    borrowed = next(transfers(parse("Westway Coaches borrowed six buses from Harwick Council.")[:]))
    assert lent.source == borrowed.source == {"harwick", "council"}
    assert lent.recipient == borrowed.recipient
    assert "westway" in lent.recipient
    leased_to = next(transfers(parse("The council leased the depot to Westway.")[:]))
    leased_from = next(transfers(parse("Westway leased the depot from the council.")[:]))
    assert leased_to.source == leased_from.source == {"council"}


def test_a_loan_turned_round_is_found_whatever_the_verbs() -> None:
    al = aligner_of(
        "About 260 firefighters are working on the blaze, supported by two water-bombing "
        "aircraft on loan from the neighbouring Lorne Province."
    )
    wrong = "The county is lending its own aircraft to neighbouring Lorne Province."
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found
    fair = "Two water-bombing planes were borrowed from neighbouring Lorne Province."
    assert not by_rule_findings(al, fair, "roles")[0]


def test_a_provider_made_the_borrower_is_found() -> None:
    al = aligner_of(
        "Brackenford District Council voted to fund a trial of night buses. The operator, "
        "Westway Coaches, has agreed to provide six buses."
    )
    wrong = "Westway Coaches, the operator, has agreed to lease six buses from the council."
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found
    fair = "Westway Coaches, the operator, will supply six buses."
    assert not by_rule_findings(al, fair, "roles")[0]
