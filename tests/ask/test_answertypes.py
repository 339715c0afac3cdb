"""Answer-type constraints on candidate answers (real spaCy parse)."""

from __future__ import annotations

import pytest

from newsfaq.ask.answertypes import answer_constraint, is_portion, span_head, type_allows
from newsfaq.ask.qanalysis import analyze_question
from newsfaq.text.nlp import parse


@pytest.mark.parametrize(
    ("question", "constraint"),
    [
        ("How many people live in Leeds?", "count"),
        ("How many miles is the route?", "count_measure"),
        ("How many dollars did it cost?", "count_or_money"),
        ("How long will the work take?", "duration"),
        ("How old is the bridge?", "measure"),
        ("When will the work begin?", "time"),
        ("Who approved the plan?", "agent"),
        ("What did the council approve?", None),
    ],
)
def test_constraint_of_a_question(question: str, constraint: str | None) -> None:
    assert answer_constraint(analyze_question(question)) == constraint


def _span(sentence: str, words: str) -> list:
    doc = parse(sentence)
    start = sentence.index(words)
    span = doc.char_span(start, start + len(words), alignment_mode="expand")
    assert span is not None
    return list(span)


SENTENCE = (
    "The city spent $180 million over three years on 4,000 new homes, and work ends next year, "
    "officials said."
)


@pytest.mark.parametrize(
    ("constraint", "words", "allowed"),
    [
        ("count", "$180 million", False),
        ("count", "4,000 new homes", True),
        ("count_or_money", "$180 million", True),
        ("duration", "three years", True),
        ("duration", "next year", False),
        ("time", "next year", True),
        ("agent", "$180 million", False),
        ("agent", "officials", True),
    ],
)
def test_spans_an_answer_type_allows(constraint: str, words: str, allowed: bool) -> None:
    assert type_allows(constraint, _span(SENTENCE, words)) is allowed


def test_a_share_restated_as_an_amount_is_a_portion_of_the_whole() -> None:
    sentence = "The state will cover 60 percent of the cost, or $18 million, officials said."
    head = span_head(_span(sentence, "$18 million"))
    assert is_portion(head, analyze_question("How much will the bridge cost?"))
    assert not is_portion(head, analyze_question("What share of the cost will the state pay?"))
