"""Tests of splitting a derived text into claims."""

from __future__ import annotations

from newsfaq.audit.claims import not_claims, qa_blocks, split_claims


def test_sentences_and_clauses_with_own_subject_are_split() -> None:
    text = "The mayor spoke while protesters marched outside. She left early but he stayed."
    claims = split_claims(text)
    assert [c.text for c in claims] == [
        "The mayor spoke",
        "protesters marched outside.",
        "She left early",
        "he stayed.",
    ]
    for c in claims:
        assert text[c.start : c.end] == c.text
        assert c.question is None


def test_shared_subject_coordination_is_one_claim() -> None:
    claims = split_claims("The council met on Monday and approved the budget.")
    assert [c.text for c in claims] == ["The council met on Monday and approved the budget."]


def test_percent_sign_is_kept_at_clause_end() -> None:
    claims = split_claims("Sales rose 15%, and profit fell.")
    assert claims[0].text == "Sales rose 15%"


def test_faq_answers_carry_their_question() -> None:
    text = (
        "Intro sentence about the plan.\n"
        "## Why did the council act?\n"
        "Because buses were late. Riders complained.\n"
        "Q: How much does it cost? A: About $4 million.\n"
    )
    claims = split_claims(text)
    by_text = {c.text: c.question for c in claims}
    assert by_text["Intro sentence about the plan."] is None
    assert by_text["Because buses were late."] == "Why did the council act?"
    assert by_text["Riders complained."] == "Why did the council act?"
    assert by_text["About $4 million."] == "How much does it cost?"
    assert not any(c.text.endswith("?") for c in claims)


def test_qa_blocks_offsets() -> None:
    text = "Why now?\nBecause of rain."
    assert qa_blocks(text) == [("Why now?", 9, 25)]
    assert text[9:25] == "Because of rain."


def test_paragraph_ending_in_a_question_keeps_its_claims() -> None:
    claims = split_claims("The mayor resigned on Monday. Why did she go? Nobody knows.")
    assert [c.text for c in claims] == ["The mayor resigned on Monday.", "Nobody knows."]
    assert all(c.question is None for c in claims)


def test_escaped_quotes_are_read_as_quotes() -> None:
    from newsfaq.audit.claims import truecase
    from newsfaq.text.nlp import parse

    reference = parse("Mayor Anna Lee's plan was approved on Monday.")
    text = "anna lee\\'s plan was approved, a\\b test said."
    cased = truecase(text, reference)
    assert len(cased) == len(text)
    assert cased.startswith("Anna Lee 's plan") and "a\\b" in cased
    assert [t.text for t in parse(cased)][:3] == ["Anna", "Lee", "'s"]


def test_lines_that_state_nothing_are_not_claims() -> None:
    text = (
        "Council Backs New Bus Routes\n\n"
        "By Ann Lee and Tom Ray\n"
        "The council voted 7-2 on Tuesday to approve new bus routes.\n"
        "Frequently Asked Questions\n"
        "What did the council approve?\n"
        "New bus routes.\n"
        "The plan adds twelve electric buses and could cut commute times for riders across the\n"
        "Original Article: The Riverton Post"
    )
    found = {n.text: n.kind for n in not_claims(text)}
    assert found == {
        "Council Backs New Bus Routes": "heading",
        "By Ann Lee and Tom Ray": "byline",
        "Frequently Asked Questions": "faq_heading",
        "The plan adds twelve electric buses and could cut commute times for riders across the": (
            "fragment"
        ),
        "Original Article: The Riverton Post": "credit",
    }
    claims = [c.text for c in split_claims(text)]
    assert claims == [
        "The council voted 7-2 on Tuesday to approve new bus routes.",
        "New bus routes.",
    ]
    # a text of one line is audited as it is
    assert not_claims("Council Backs New Bus Routes") == []


def test_a_short_subhead_among_sentences_is_a_heading() -> None:
    text = (
        "Court Rules on Harbour Dispute\n\n"
        "The court ruled for the harbour board on Monday.\n"
        "Further proceedings\n"
        "A hearing on costs is set for June.\n"
    )
    assert {n.text: n.kind for n in not_claims(text)} == {
        "Court Rules on Harbour Dispute": "heading",
        "Further proceedings": "heading",
    }
    assert "Further proceedings" not in [c.text for c in split_claims(text)]
    # with a figure it states something; among lines without stops it is not a title
    figure = "Ruling Day\nThe court ruled.\nCosts of 4 million\nA hearing follows."
    assert [n.text for n in not_claims(figure)] == ["Ruling Day"]
    no_stops = "Ruling Day\nThe court ruled\nFurther proceedings\nA hearing follows"
    assert [n.text for n in not_claims(no_stops)] == ["Ruling Day"]


def test_the_answer_under_a_question_is_audited_whatever_its_form() -> None:
    text = (
        "Study Results\n\n"
        "Dr. Ilse Marchetti led the study.\n"
        "Frequently Asked Questions\n"
        "Who led the research?\n"
        "Tomas Wrenfield\n"
        "How long did it run?\n"
        "Ten weeks\n"
    )
    assert [n.text for n in not_claims(text)] == ["Study Results", "Frequently Asked Questions"]
    answers = {c.text: c.question for c in split_claims(text) if c.question}
    assert answers == {
        "Tomas Wrenfield": "Who led the research?",
        "Ten weeks": "How long did it run?",
    }


def test_a_lower_cased_summary_of_several_lines_is_audited_whole() -> None:
    text = "she was set to go to trial this week , but prosecutors dropped the\nthe case was closed"
    assert not_claims(text) == []
    assert [c.text for c in split_claims(text)][-1] == "the case was closed"


def test_only_answers_of_the_faq_block_are_in_the_faq() -> None:
    """A body sentence under a question subhead carries the question (the checks read it) but
    is no FAQ answer; after an FAQ heading, or in a text that opens with a question, it is."""
    text = (
        "Ferries resume on Monday.\n\n"
        "How long was the strike?\n\n"
        "The strike lasted two days.\n\n"
        "Frequently Asked Questions\n\n"
        "Who called the strike?\n"
        "The crew union called it."
    )
    claims = {c.text: c for c in split_claims(text)}
    body = claims["The strike lasted two days."]
    assert body.question == "How long was the strike?" and not body.in_faq
    answer = claims["The crew union called it."]
    assert answer.question == "Who called the strike?" and answer.in_faq
    assert not claims["Ferries resume on Monday."].in_faq
    opens = split_claims("Who called the strike?\nThe crew union called it.")
    assert [c.in_faq for c in opens] == [True]


def test_a_numbered_list_marker_is_no_claim() -> None:
    text = (
        "The scheme has 1,650 bikes across 140 stations.\n\nWho Is Paying for It?\n\n4. The "
        "expansion costs 3.4 million dollars.\n\n5. The authority is putting in 2.1 million "
        "dollars.\n\n6. Greenwheel runs the scheme under a contract that lasts until 2029."
    )
    claims = [c.text for c in split_claims(text)]
    assert not any(c[0].isdigit() for c in claims)
    assert "The expansion costs 3.4 million dollars." in claims
    assert "Greenwheel runs the scheme under a contract that lasts until 2029." in claims


def test_a_short_exclamation_is_an_aside_not_a_claim() -> None:
    text = "Fingers crossed! The rink will reopen in 2027! Talk about nerves of steel! Go Ana Ruiz!"
    assert [c.text for c in split_claims(text)] == ["The rink will reopen in 2027!", "Go Ana Ruiz!"]


def test_thread_numbers_and_bold_labels_are_no_claims() -> None:
    text = (
        "11/ The firm closed. 12/ Drivers heard at 6am. **Rescue two:** A crew lifted them.\n"
        "**Key figure:**\nIt cost £4m."
    )
    claims = [c.text for c in split_claims(text)]
    assert claims == [
        "The firm closed.",
        "Drivers heard at 6am.",
        "A crew lifted them.",
        "It cost £4m.",
    ]


def test_a_kicker_before_a_colon_is_no_part_of_the_claim() -> None:
    text = "Only bit of good news in the thread: the inspector said no one was injured."
    assert [c.text for c in split_claims(text)] == ["the inspector said no one was injured."]
    for kept in (
        "He said: the machine held between £20,000 and £35,000.",  # a speaker, not a label
        "The verdict: guilty.",  # no clause after it
        "Six months on: the pool has still not reopened.",  # a figure in it
        "Standard adult single: held at £2.40 until 31 March 2027.",  # the label is its subject
    ):
        assert split_claims(kept)[0].text.startswith(kept.split(":")[0]), kept


def test_a_kicker_with_a_relative_clause_is_still_a_label() -> None:
    text = (
        "Sad news for all who treasure our harbour's history: the trust announced on Tuesday "
        "that it will close its station."
    )
    assert [c.text for c in split_claims(text)] == [
        "the trust announced on Tuesday that it will close its station."
    ]


def test_a_sentence_the_parse_broke_after_a_name_is_mended() -> None:
    text = (
        "Brightwell loses county care contract: what members need to know\n\nBrightwell Home "
        "Care has lost its £4.6m home-care contract with Ashdown County Council. The audit "
        "found that visits were missed."
    )
    claims = [c.text for c in split_claims(text)]
    assert claims[0].startswith("Brightwell Home Care has lost")
    assert claims[1] == "The audit found that visits were missed."
