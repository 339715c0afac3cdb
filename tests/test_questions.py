"""The transformation engine: wh-word choice, inversion and do-support, resolution, islands."""

from __future__ import annotations

import pytest

from newsfaq.nlp import parse
from newsfaq.questions import Resolver, ask_in_doc, question_for_span, sentence_candidates


def _ask(text: str, answer: str, **kw: bool) -> tuple[str, str] | None:
    doc = parse(text)
    start = text.index(answer)
    span = doc.char_span(start, start + len(answer), alignment_mode="expand")
    assert span is not None
    return question_for_span(span[0].sent, span.start, span.end, Resolver(doc), **kw)


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


def test_sentence_candidates_cover_the_kinds() -> None:
    doc = parse(
        "Officials estimated that approximately 120,000 soldiers have died since the start "
        "of the war, prompting the minister to call for new recruits."
    )
    cands = sentence_candidates(next(doc.sents), Resolver(doc))
    by_q = {c.question: (c.kind, c.answer) for c in cands}
    assert by_q[
        "How many soldiers have died since the start of the war, according to officials?"
    ] == ("how_many", "approximately 120,000")
    assert by_q["What did the minister call for?"] == ("said", "new recruits")
    for c in cands:
        assert doc.text[c.answer_start : c.answer_end] == c.answer
        assert c.question.endswith("?")


def test_what_if_with_group_pronoun() -> None:
    text = (
        "The region has struggled to meet its quota. "
        "The governor warns of repercussions if they fail to fulfill the quota."
    )
    doc = parse(text)
    sents = list(doc.sents)
    cands = sentence_candidates(sents[1], Resolver(doc))
    what_if = [c for c in cands if c.kind == "what_if"]
    assert [c.question for c in what_if] == [
        "What happens if the region fails to fulfill the quota?"
    ]
    assert what_if[0].answer == sents[1].text.strip().rstrip(".")


def _ask_doc(text: str, answer: str) -> str | None:
    doc = parse(text)
    start = text.index(answer)
    return ask_in_doc(doc, start, start + len(answer), Resolver(doc))[0]


@pytest.mark.parametrize(
    ("text", "answer", "question"),
    [
        # passive agent -> active question
        ("The tower was built by the Romans.", "the Romans", "Who built the tower?"),
        (
            "A new gallery, funded by Jane Roe, opened in May.",
            "Jane Roe",
            "Who funded a new gallery?",
        ),
        # a verb-phrase answer
        (
            "The investors eventually forced the founder out.",
            "forced the founder out",
            "What did the investors eventually do?",
        ),
        # a place inside the subject
        (
            "Some workers in Canada have earned more than $100,000.",
            "Canada",
            "Where have some workers earned more than $100,000?",
        ),
        # the appositive stands for its noun phrase in answer-aware mode
        ("His brother, Ariq Böke, challenged the claim.", "Ariq Böke", "Who challenged the claim?"),
    ],
)
def test_answer_aware_transformations(text: str, answer: str, question: str) -> None:
    assert _ask_doc(text, answer) == question


def test_answer_aware_always_asks_something() -> None:
    # no clause to transform: the in-place wh question is the last resort
    q = _ask_doc("Teachers, often in a school or academy.", "academy")
    assert q is not None and q.endswith("?") and "academy" not in q


def test_pronoun_skips_names_inside_quotes() -> None:
    text = (
        "Hallam's lawyer, Caroline Dufresne, had asked for a lighter sentence. "
        '"Mr Hallam has lost his career," she said in court on Friday.'
    )
    doc = parse(text)
    she = next(t for t in doc if t.text == "she")
    assert Resolver(doc).person(she) == "Dufresne"
