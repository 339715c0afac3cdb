"""The question for one answer span: wh-word choice, inversion, do-support, islands."""

from __future__ import annotations

import pytest

from newsfaq.explain.questions.syntax import _lower_first
from newsfaq.text.nlp import parse
from tests.explain.questions.helpers import _ask, _cands


@pytest.mark.parametrize(
    ("text", "answer", "question", "kind"),
    [
        # subject questions take a singular verb
        (
            "Rising costs create problems for farmers.",
            "Rising costs",
            "What creates problems for farmers?",
            "what",
        ),
        # do-support in each tense
        ("The mayor opened the bridge.", "the bridge", "What did the mayor open?", "what"),
        ("The mayor opens the bridge.", "the bridge", "What does the mayor open?", "what"),
        ("The mayors open bridges.", "bridges", "What do the mayors open?", "what"),
        # auxiliaries and copulas invert
        (
            "The team has won three titles.",
            "three",
            "How many titles has the team won?",
            "how_many",
        ),
        (
            "The river is the longest in Europe.",
            "the longest in Europe",
            "What is the river?",
            "what",
        ),
        ("The vote will take place on Sunday.", "Sunday", "When will the vote take place?", "when"),
        # money and percentages
        (
            "The company raised $5 million.",
            "$5 million",
            "How much did the company raise?",
            "how_much",
        ),
        (
            "Sales rose 12 percent in June.",
            "12 percent",
            "What percentage did sales rise in June?",
            "how_much",
        ),
        # causes
        (
            "The match was cancelled because the pitch was flooded.",
            "the pitch was flooded",
            "Why was the match cancelled?",
            "why",
        ),
    ],
)
def test_question_for_span(text: str, answer: str, question: str, kind: str) -> None:
    assert _ask(text, answer) == (question, kind)


def test_attribution_is_kept_or_left_out() -> None:
    text = "Officials said that 40 people died in the flood."
    assert _ask(text, "40") == (
        "How many people died in the flood, according to officials?",
        "how_many",
    )
    assert _ask(text, "40", attribution=False) == ("How many people died in the flood?", "how_many")


def test_appositive_answer_gives_who_is() -> None:
    text = "Dmitry Medvedev, deputy chairman of the council, spoke on Monday."
    assert _ask(text, "deputy chairman of the council") == ("Who is Dmitry Medvedev?", "who_is")


def test_he_resolved_to_previous_person() -> None:
    text = "Alexander Avdonin leads recruitment. He called for more soldiers."
    assert _ask(text, "more soldiers") == ("Who did Avdonin call for?", "who")


def test_relative_clause_subject_replaced_by_its_noun() -> None:
    text = "The Broncos, who defeated the Panthers, won the title."
    assert _ask(text, "the Panthers") == ("Who did the Broncos defeat?", "who")


def test_island_refused_in_strict_mode() -> None:
    text = "The video shows concern over the casualty rates among troops."
    assert _ask(text, "troops") is None
    loose = _ask(text, "troops", strict=False)
    assert loose is not None and loose[0].endswith("?")


def test_answer_in_leading_adjunct_is_refused() -> None:
    text = "Despite appearances suggesting an improvement, the general remains worried."
    assert _ask(text, "an improvement") is None


@pytest.mark.parametrize(
    ("text", "answer", "expected"),
    [
        (
            "The county maintains about 310 kilometres of gravel road.",
            "about 310",
            "How many kilometres of gravel road does the county maintain?",
        ),
        (
            "The plant burned 2,000 tonnes of coal in May.",
            "2,000",
            "How many tonnes of coal did the plant burn in May?",
        ),
    ],
)
def test_how_many_keeps_what_is_measured(text: str, answer: str, expected: str) -> None:
    got = _ask(text, answer)
    assert got is not None and got[0] == expected, got


def test_an_organisation_that_acts_is_asked_who() -> None:
    q = _ask("The SEC filed separate civil charges against the former chief executive.", "The SEC")
    assert q is not None and q[0].startswith("Who filed"), q


def test_a_sentence_initial_common_word_is_lower_cased_inside_the_question() -> None:
    text = "Set in New York City in 1981, the drama follows an immigrant."
    questions = [q for q, _ in _cands(text)]
    assert "When was the drama set in New York City?" in questions, questions
    doc = parse("Star defensive tackle Ndamukong Suh drew the ire of the Packers on Sunday.")
    assert _lower_first(doc[0], "Star") == "star"
    doc = parse("Luther forwarded the theses to Rome.")
    assert _lower_first(doc[0], "Luther") == "Luther"


def test_a_sum_of_money_before_a_noun_is_no_count_and_a_mid_adjunct_moves_to_the_end() -> None:
    text = "The city of Dunmore on Wednesday announced a $180 million programme to build dams."
    questions = {q: a for q, a in _cands(text)}
    assert not any(q.startswith(("How many", "What programme")) for q in questions), questions
    assert "What did the city of Dunmore announce on Wednesday?" in questions, questions
    counted = {q: a for q, a in _cands("The council approved 12 new homes on Monday.")}
    assert counted.get("How many new homes did the council approve on Monday?") == "12"


@pytest.mark.parametrize(
    ("text", "answer", "question"),
    [
        (
            "A surfer survived being attacked and dragged underwater by a shark off the coast"
            " on Sunday.",
            "Sunday",
            "When was a surfer dragged underwater by a shark off the coast?",
        ),
        (
            "Set in New York City in 1981, the film follows an immigrant.",
            "1981",
            "When was the film set in New York City?",
        ),
        (
            "Built in 1900 and restored in 1995, the bridge carries 4,000 cars a day.",
            "1995",
            "When was the bridge restored?",
        ),
        (
            "Two surveyors measured the bridge in 1995.",
            "1995",
            "When did two surveyors measure the bridge?",
        ),
    ],
)
def test_a_participle_without_its_auxiliary_is_asked_in_the_passive(
    text: str, answer: str, question: str
) -> None:
    asked = _ask(text, answer)
    assert asked is not None
    assert asked[0] == question
