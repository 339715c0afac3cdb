"""Question analysis: wh-word, expected answer type, focus words, entities, definition target."""

from __future__ import annotations

import pytest

from newsfaq.ask.qanalysis import ANSWER_TYPES, analyze_question, analyze_questions

CASES = [
    ("Who said the line would cut traffic?", "person"),
    ("Whom did the council appoint?", "person"),
    ("Which company will lead construction?", "org"),
    ("What team won the league in 2019?", "org"),
    ("Where is Northline Builders based?", "place"),
    ("In which city did the talks take place?", "place"),
    ("When did the council approve the tram line?", "date"),
    ("In what year did the bridge open?", "date"),
    ("How many passengers will the line carry a day?", "number"),
    ("How long is the new tram line?", "number"),
    ("How much will the project cost?", "money"),
    ("What percentage of voters backed the plan?", "percent"),
    ("Why did the council delay the vote?", "reason"),
    ("How will engineers reduce the noise?", "manner"),
    ("Who is Dmitry Medvedev?", "definition"),
    ("What is NATO?", "definition"),
    ("What did the council approve?", "thing"),
    ("What was Transocean Partners' new low price?", "money"),
    ("What is the club's capacity?", "number"),
    ("Which celebrity has been reviving the headband?", "person"),
    ("Which relative disapproved most?", "person"),
]


@pytest.mark.parametrize(("question", "expected"), CASES)
def test_expected_type(question: str, expected: str) -> None:
    q = analyze_question(question)
    assert q.expected_type == expected, (question, q)
    assert q.expected_type in ANSWER_TYPES


def test_focus_words_are_content_lemmas_without_wh_or_stop_words() -> None:
    q = analyze_question("How many Russian soldiers have died in the war?")
    assert q.wh == "how many"
    assert q.focus == ("russian", "soldier", "die", "war")
    assert "russian" in q.proper
    assert q.verb == "die"


def test_question_entities_and_definition_target() -> None:
    q = analyze_question("Who is Dmitry Medvedev?")
    assert q.target == "Dmitry Medvedev"
    assert ("Dmitry Medvedev", "PERSON") in q.entities
    assert q.wh == "who"


def test_focus_noun_after_which() -> None:
    q = analyze_question("Which river flows through the city?")
    assert q.focus_noun == "river"
    assert q.expected_type == "place"


def test_batch_matches_single_analysis() -> None:
    questions = [c[0] for c in CASES[:6]]
    assert analyze_questions(questions) == [analyze_question(x) for x in questions]


def test_question_without_wh_word_is_a_thing_question() -> None:
    q = analyze_question("Tell me about the budget")
    assert q.wh is None
    assert q.expected_type == "thing"
    assert "budget" in q.focus


@pytest.mark.parametrize(
    ("question", "wh", "expected"),
    [
        ("When the river floods, what do the residents do?", "what", "thing"),
        ("When the mayor resigned, who replaced her?", "who", "person"),
        ("When the bridge closed, which road did drivers use?", "which", "thing"),
        ("When did the bridge close?", "when", "date"),
        ("Where did the mayor go when the council met?", "where", "place"),
    ],
)
def test_when_opening_a_clause_is_not_the_question_word(
    question: str, wh: str, expected: str
) -> None:
    q = analyze_question(question)
    assert (q.wh, q.expected_type) == (wh, expected), q


def test_focus_noun_of_what_is_the_possessed_noun() -> None:
    assert analyze_question("What is the club's capacity?").focus_noun == "capacity"
    assert analyze_question("What was Transocean Partners' new low price?").focus_noun == "price"
    assert analyze_question("What is the name of the club's owner?").focus_noun == "name"
