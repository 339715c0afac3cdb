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
        ("How old is the bridge?", "age"),
        ("How many years did he serve?", "count_time"),
        ("In which month will rates rise?", "month"),
        ("Which city hosts the final?", "gpe"),
        ("Which actor played the detective?", "person_name"),
        ("What were the names of the two officers?", "person_name"),
        ("Which aid organisation sent the doctors?", "org_name"),
        ("What fell off the writer's car?", None),
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


AGES = "Wein, 89, gave around $3 million to the seven classrooms built in 1990."


@pytest.mark.parametrize(
    ("constraint", "sentence", "words", "allowed"),
    [
        ("age", AGES, "89", True),
        ("age", AGES, "around $3 million", False),
        ("age", AGES, "the seven classrooms", False),
        ("age", AGES, "1990", False),
        ("count", AGES, "1990", False),
        ("count_time", AGES, "1990", True),
        ("month", "The fair opens in June 2026 in Leeds.", "June 2026", True),
        ("month", "The fair opens in June 2026 in Leeds.", "Leeds", False),
        ("gpe", "The fair opens in June 2026 in Leeds.", "Leeds", True),
        ("person_name", "Ann Cole, a British nurse, flew to Leeds.", "Leeds", False),
        ("person_name", "Ann Cole, a British nurse, flew to Leeds.", "Ann Cole", True),
        ("org_name", "Ann Cole, a British nurse, flew to Leeds.", "British", False),
        (
            "agent",
            "He and his research centre control the patent.",
            "He and his research centre",
            False,
        ),
    ],
)
def test_a_named_kind_an_age_or_a_year_is_what_the_question_asks(
    constraint: str, sentence: str, words: str, allowed: bool
) -> None:
    assert type_allows(constraint, _span(sentence, words)) is allowed


def test_who_said_it_is_not_who_did_it() -> None:
    from newsfaq.ask.scoring import candidates
    from newsfaq.ingest.loader import from_text
    from newsfaq.text.nlp import analyze

    analysis = analyze(
        from_text(
            "A surfer was bitten by a shark on Sunday. Ranger Robert Colligan said the attack "
            "happened at 11 a.m. near the pier."
        )
    )

    def spans(question: str) -> set[str]:
        found, _ = candidates(analysis, analyze_question(question))
        return {analysis.doc[c.start : c.end].text for c in found}

    assert not any("Colligan" in s for s in spans("Who was attacked by the shark?"))
    assert any("Colligan" in s for s in spans("Who said the attack happened at 11 a.m.?"))
