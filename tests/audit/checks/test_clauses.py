"""Added clauses: an event the original never reports, tacked onto a claim that says the rest."""

from __future__ import annotations

from pathlib import Path

from newsfaq.audit.verdict import by_rule
from tests.audit.checks.support import aligner_of, checks, result_of

ARTICLES = Path(__file__).resolve().parents[2] / "articles"

_ORIGINAL = (
    "The council approved the budget for the Eastbank library on Monday. The library will "
    "reopen in May after repairs to its roof, and its opening hours will be extended."
)


def test_an_added_event_is_unsupported_by_rule() -> None:
    al = aligner_of(_ORIGINAL)
    claim = (
        "The council approved the budget for the Eastbank library on Monday, and the mayor "
        "promised free parking for volunteers."
    )
    result = result_of(al, claim)
    assert [f.check for f in result.findings if f.check == "clauses"] == ["clauses"]
    assert "free parking" in next(f.reason for f in result.findings if f.check == "clauses")
    assert by_rule(result)


def test_a_reworded_clause_of_the_original_is_no_added_event() -> None:
    al = aligner_of(_ORIGINAL)
    claim = (
        "The library will reopen in May once its roof has been repaired, and it will stay "
        "open for longer hours."
    )
    assert "clauses" not in checks(al, claim)


def test_a_condition_reworded_is_no_added_event() -> None:
    al = aligner_of(
        "The council will vote on the budget in March. If it is approved, the money will pay "
        "for three temporary road crews from April."
    )
    claim = "If the budget gets the nod, that cash is expected to fund three crews from April."
    assert "clauses" not in checks(al, claim)
    added = "The cash will fund three crews from April, and the mayor promised free parking."
    assert checks(al, added).get("clauses") == "unsupported"


def test_an_added_circumstance_is_unsupported_by_rule() -> None:
    al = aligner_of(_ORIGINAL)
    claim = (
        "The council approved the budget for the Eastbank library on Monday with the help of "
        "lottery grants."
    )
    result = result_of(al, claim)
    reasons = [f.reason for f in result.findings if f.check == "clauses"]
    assert len(reasons) == 1 and "lottery grants" in reasons[0], reasons
    assert by_rule(result)


def test_a_circumstance_of_the_original_is_no_addition() -> None:
    al = aligner_of(_ORIGINAL)
    for claim in (
        "The library will reopen in May after repairs to its roof.",
        "The council approved the library budget at its meeting on Monday.",
    ):
        assert "clauses" not in checks(al, claim), claim


def test_a_record_the_original_never_claims_is_unsupported() -> None:
    al = aligner_of(
        "Brightmart shares fell 2.4 percent on Wednesday morning. Residents may return on "
        "Wednesday at the earliest. It was the biggest recall in the chain's history."
    )
    found = checks(al, "Brightmart shares dropped 2.4 percent on Wednesday, their steepest fall.")
    assert found.get("clauses") == "unsupported"
    for claim in (
        "Residents may go back on Wednesday at the earliest.",
        "It was the largest recall in the chain's history.",
    ):
        assert "clauses" not in checks(al, claim), claim


def test_the_plain_adjective_does_not_grant_its_superlative() -> None:
    al = aligner_of(
        "The ministry announced a large bonus scheme worth 85 million florins. Quillmesh, a "
        "growing software firm, doubled its revenue."
    )
    found = checks(al, "The scheme, worth 85 million florins, is the largest in the country.")
    assert found.get("clauses") == "unsupported"
    # a superlative adverb grading a participle is a record too
    found = checks(al, "Quillmesh, one of the fastest-growing software firms, doubled its revenue.")
    assert found.get("clauses") == "unsupported"
    assert "clauses" not in checks(al, "The ministry announced a large bonus scheme.")


def test_a_superlative_picking_out_a_class_is_no_record() -> None:
    """ "the shortest stays" names the tier the original gives as "up to two hours"; "the
    biggest rises since 2008" still claims a record."""
    al = aligner_of("A stay of up to two hours will cost £3.50 instead of £2.50, 40 per cent more.")
    assert "clauses" not in checks(al, "That is a 40 per cent increase on the shortest stays.")
    found = checks(al, "That is one of the biggest rises since the car park opened.")
    assert found.get("clauses") == "unsupported", found


def test_a_superlative_for_the_original_s_own_is_no_invented_record() -> None:
    al = aligner_of("Journeys on weekday mornings grew fastest, rising by 26 percent.")
    assert "clauses" not in checks(al, "Weekday mornings saw the biggest jump, up 26 percent.")


def test_a_multiple_the_original_never_gives_is_an_invented_comparison() -> None:
    al = aligner_of(
        "The repairs are expected to cost 6.2 million crowns and could take up to 11 weeks. "
        "Fares rose from 3 dollars to 6 dollars. The two sides met twice in May."
    )
    found = checks(
        al, "The repairs will cost 6.2 million crowns, nearly double the first estimate."
    )
    assert found.get("clauses") == "unsupported"
    # a multiple the original's figures give, and "twice" as a count, are no comparison
    assert "clauses" not in checks(al, "Fares doubled, from 3 dollars to 6 dollars.")
    assert "clauses" not in checks(al, "The two sides met twice in May.")


def test_a_record_the_original_never_mentions_is_unsupported() -> None:
    al = aligner_of(
        "The company ran 41 routes, which carried 18.6 million passengers last year. According "
        "to documents seen by the Courier, the repair was postponed in January."
    )
    found = checks(al, "Its 41 routes carried 18.6 million passengers last year, a record.")
    assert found.get("clauses") == "unsupported"
    for claim in (
        "According to records seen by the Courier, the repair was postponed in January.",
        "The company recorded 18.6 million passengers on its 41 routes last year.",
    ):
        assert "clauses" not in checks(al, claim), claim


def test_a_clause_that_retells_a_figure_of_the_original_is_no_added_event() -> None:
    al = aligner_of(
        "Vacancies rose to 4,730 this year, 18 percent more than a year earlier. There were "
        "4,010 empty posts the year before, the survey found."
    )
    start = "That is 18 percent more than the year before, when "
    assert "clauses" not in checks(al, start + "the number of empty posts stood at 4,010.")
    # a clause without the original's figures is still judged on its words
    invented = checks(al, start + "the shortage forced clinics to close wards.")
    assert invented.get("clauses"), invented


def test_a_phrase_framing_the_rewrite_is_no_added_circumstance() -> None:
    al = aligner_of(_ORIGINAL)
    for claim in (
        "In this week's community round-up, the council approved the budget for the Eastbank "
        "library on Monday.",
        "According to the article the poster linked, the council approved the budget for the "
        "Eastbank library on Monday.",
        "The library, for the information of readers, will reopen in May after repairs to its "
        "roof.",
    ):
        assert "clauses" not in checks(al, claim), claim
    added = (
        "In this week's round-up, the library will reopen in May with the help of lottery grants."
    )
    assert checks(al, added).get("clauses") == "unsupported"


def test_a_first_the_original_never_claims_is_a_record() -> None:
    al = aligner_of(
        "The regulator has fined Northway Rail £3.4 million. Northway has run services in the "
        "valley since 2018."
    )
    claim = (
        "Northway has run services in the valley since 2018, and this is the first time it "
        "has been fined."
    )
    reasons = [f.reason for f in result_of(al, claim).findings if f.check == "clauses"]
    assert reasons and "the first time" in reasons[0], reasons
    al = aligner_of(
        "The regulator has fined Northway Rail £3.4 million, its first fine since it began "
        "running services in 2018."
    )
    assert "clauses" not in checks(al, claim)


def test_for_the_record_claims_no_record() -> None:
    al = aligner_of("No spectators have been hurt at the ground, the club said.")
    assert "clauses" not in checks(
        al, "For the record, no spectators have been hurt at the ground."
    )
    assert checks(al, "It was a record crowd at the ground, the club said.")


def test_a_gloss_in_brackets_reports_nothing() -> None:
    al = aligner_of((ARTICLES / "more24" / "dairy_cooperative_price_cut.txt").read_text())
    claim = (
        "Farmers were told by the co-op at a meeting in Bradbury on Wednesday that its standard "
        "price would drop from 41ppl to 39ppl ({}), a fall of just under 5%."
    )
    assert "clauses" not in checks(al, claim.format("that's pence per litre"))
    assert checks(al, claim.format("after supermarket buyers cut their orders")).get("clauses")


def test_a_multiple_the_figures_give() -> None:
    al = aligner_of(
        "The bakery will close after its annual energy bill rose from £14,000 to £41,500. "
        "According to the union, 31 apprentices left the scheme in 2025, up from 14 the year "
        "before."
    )
    bill = "Its annual bill went from £14,000 to £41,500, close to {} times as much."
    assert "clauses" not in checks(al, bill.format("three"))
    assert "numbers" not in checks(al, bill.format("three"))
    assert checks(al, bill.format("five")).get("clauses")
    left = "The union's figures show 31 apprentices quitting in 2025, {} the 14 who left in 2024."
    assert "clauses" not in checks(al, left.format("more than twice"))
    assert checks(al, left.format("three times")).get("clauses")


def test_an_act_done_twice_and_a_multiple_in_other_words_are_no_new_comparison() -> None:
    al = aligner_of(
        "Visitors were charged twice for parking, and some customers were billed up to three "
        "times their normal amount."
    )
    for fair in (
        "Visitors were double-charged for parking.",
        "Some customers were billed up to triple their normal amount.",
    ):
        assert "clauses" not in checks(al, fair), fair
    found = checks(al, "Some customers were billed up to four times their normal amount.")
    assert found.get("clauses") == "unsupported", found
    al = aligner_of("The school was rated 'requires improvement', its second such grade in a row.")
    assert "clauses" not in checks(al, "The school was given that grade twice in a row.")


def test_a_multiple_of_two_counts_in_words_or_said_as_twice_that() -> None:
    al = aligner_of(
        "She asked for the board to include two tenant members, up from one at present. The "
        "office had expected 400 letters; the total was almost twice that."
    )
    assert "clauses" not in checks(
        al, "She wants two tenant members on the board, double the one it has."
    )
    assert "clauses" not in checks(al, "The final total was almost double that.")
    found = checks(al, "The final total was almost triple the 400 expected.")
    assert found.get("clauses") or found.get("numbers"), found


def test_a_part_of_the_day_the_original_gives_by_the_clock() -> None:
    """ "late at night", "in the small hours" for "until 10.45pm", "at 4am": no new event."""
    text = (
        "Councillors voted at a meeting that ran until 10.45pm. Residents said they are woken "
        "at 4am by squealing wheels."
    )
    al = aligner_of(text)
    assert "clauses" not in checks(al, "Councillors voted at a meeting that ran late at night.")
    claim = "Residents said they objected to being woken in the small hours by squealing wheels."
    assert "clauses" not in checks(al, claim)


def test_a_part_of_the_day_the_original_gives_in_one_word() -> None:
    """ "charged during the day" for "the daytime flat fare": no new event; new things are
    still reported."""
    al = aligner_of(
        "A night bus will run until 3am, the operator said. A single fare on it will cost £2.50, "
        "the same as the daytime flat fare. Drivers will not take cash."
    )
    claim = "Fares are a flat £2.50 for a single, matching the flat fare charged during the day."
    assert "clauses" not in checks(al, claim)
    invented = "Fares are a flat £2.50 for a single, matching the fee charged by rival taxi firms."
    assert set(checks(al, invented).values()) == {"unsupported"}


def test_a_loss_is_the_losing_the_original_tells() -> None:
    """ "likened its loss to losing one of the members" for "Losing it feels like losing a
    member": no new event; "blamed its loss on arson by rival singers" still is one."""
    al = aligner_of(
        'The choir chairman, Gareth Pryce, said the group had lost its banner. "We have sung '
        'in that hall every Tuesday for 58 years. Losing it feels like losing a member," he '
        "said."
    )
    kept = (
        "The chairman recalled that the choir had sung in the hall every Tuesday for 58 years, "
        "and likened its loss to losing one of the members."
    )
    assert "clauses" not in checks(al, kept)
    added = kept.replace(
        "likened its loss to losing one of the members", "blamed its loss on arson by rival singers"
    )
    assert checks(al, added).get("clauses") == "unsupported"


def test_a_body_named_by_what_it_is_and_a_length_of_time_are_no_new_event() -> None:
    """ "the county body will only pay out once ..." for a grant "payable once ..." of the
    county association; "could last as long as two and a half years" for "up to 30 months"
    (the figures compare lengths of time)."""
    al = aligner_of(
        "The Wessex County Bowls Association has awarded the club a grant, payable once the "
        "merger is registered with the association. Construction could take up to 30 months, "
        "the committee said."
    )
    body = (
        "The club has a grant, though the county body will only pay out once the merger is "
        "registered."
    )
    assert "clauses" not in checks(al, body)
    length = "The committee said work is due and could last as long as two and a half years."
    assert "clauses" not in checks(al, length)
    added = checks(al, "The club has a grant, and the association will repaint the clubhouse roof.")
    assert added.get("clauses") == "unsupported", added
    # a length of time whose number the original never uses anchors nothing
    tenure = checks(
        al, "The grant was awarded by the association, which spent twelve years restoring greens."
    )
    assert tenure.get("clauses") == "unsupported", tenure
