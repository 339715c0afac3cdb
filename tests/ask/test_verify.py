"""``newsfaq ask`` verifies before answering: statements, type rules, why/how clauses, furniture."""

from __future__ import annotations

import pytest

from newsfaq.ask.answer import answer_question, answer_verified, ask_many
from newsfaq.ask.qanalysis import analyze_question
from newsfaq.ask.retrieval import is_furniture
from newsfaq.ask.verify import (
    meaning_features,
    relevance_features,
    sentence_relevance,
    statement,
    type_buried,
)
from newsfaq.ingest.loader import from_text
from newsfaq.models import DOES_NOT_SAY, Answer
from newsfaq.text.nlp import Analysis, analyze

HOUSE = (
    "Austria will turn the house where Adolf Hitler was born into a police station, the "
    "interior minister, Wolfgang Sobotka, said on Tuesday. Sobotka, 55, said the building "
    "would be remodelled by an architect. The government seized the house in July because its "
    "owner refused to sell it.\n"
    "Ilhan OmarIlhan Omar MORE\n"
    "Related: Trump says the wall will be built"
)


@pytest.fixture(scope="module")
def house() -> Analysis:
    """A short article written for these tests, with a link widget and a related-story line."""
    return analyze(from_text(HOUSE))


@pytest.mark.parametrize(
    ("question", "answer", "expected"),
    [
        ("Who is Austria's interior minister?", "Hitler", "Hitler is Austria's interior minister."),
        ("How many robots does Acme make?", "40", "Acme does make 40 robots."),
        ("When was Acme founded?", "in 1999", "Acme was founded in 1999."),
        ("In what country is Normandy located?", "France", "Normandy is located in France."),
        ("Why did stocks fall?", "because oil fell", "stocks did fall because oil fell."),
        # "do" kept beside its verb (it keeps the tense), even one the small model tags a noun
        ("What price did Calder Mills sell at?", "£4.10", "Calder Mills did sell at £4.10."),
        (
            "At what level did the index close that day?",
            "about 210",
            "the index did close at about 210 that day.",
        ),
        (
            "How many ferries did Pellow Lines buy in 2021?",
            "six",
            "Pellow Lines did buy six ferries in 2021.",
        ),
        # an inverted auxiliary put back after the subject, the object after the verb chain
        (
            "Which engine is Varden reportedly buying from Osk?",
            "the K4",
            "Varden is reportedly buying the K4 from Osk.",
        ),
        (
            "How much did the council agree to pay in damages?",
            "£40,000",
            "the council did agree to pay £40,000 in damages.",
        ),
        (
            "In what share of hives have mites been found?",
            "about a third",
            "mites have been found in about a third.",
        ),
        # "be" as the main verb: the answer is what the question's subject is
        (
            "Who was finance chief when the audit began?",
            "Ada Lowe",
            "Ada Lowe was finance chief when the audit began.",
        ),
        ("How long was the bridge shut?", "nine days", "the bridge was shut nine days."),
        # the wh-phrase as subject, after an auxiliary that leads to its verb
        ("How many trains were cancelled on Monday?", "14", "14 trains were cancelled on Monday."),
    ],
)
def test_statement_of_question_and_answer(question: str, answer: str, expected: str) -> None:
    q = analyze_question(question)
    assert statement(question, answer, q.doc) == expected


@pytest.mark.parametrize(
    ("question", "answer", "lead", "expected"),
    [
        (
            "Where did the firm move its office?",
            "Leeds",
            "to",
            "the firm did move its office to Leeds.",
        ),
        (
            "How long was the mayor in office?",
            "six years",
            "for",
            "the mayor was in office for six years.",
        ),
        ("When did the mill close?", "in 1998", "in", "the mill did close in 1998."),
        ("Where is Pellow Lines based?", "Truro", "", "Pellow Lines is based Truro."),
    ],
)
def test_statement_takes_the_articles_preposition(
    question: str, answer: str, lead: str, expected: str
) -> None:
    """A when/where/how-long answer keeps the preposition the article puts before it."""
    q = analyze_question(question)
    assert statement(question, answer, q.doc, lead=lead) == expected


def test_interior_minister_is_the_named_minister(house: Analysis) -> None:
    ans = answer_question(house, "Who is Austria's interior minister?")
    assert ans.answerable and ans.text is not None, ans
    assert "Sobotka" in ans.text and "Hitler" not in ans.text


def test_never_the_questions_own_subject(house: Analysis) -> None:
    ans = answer_question(house, "What will the house be turned into?", threshold=-1.0)
    assert ans.answerable and ans.text is not None, ans
    assert "police station" in ans.text
    assert "house" not in ans.text


def test_money_question_needs_an_amount(house: Analysis) -> None:
    ans = answer_question(house, "How much did the house cost?")
    assert not ans.answerable, ans
    assert ans.text == DOES_NOT_SAY


def test_why_answer_is_the_clause(house: Analysis) -> None:
    ans = answer_question(house, "Why did the government seize the house?")
    assert ans.answerable, ans
    assert ans.text == "because its owner refused to sell it"


def test_page_furniture_is_never_an_answer(house: Analysis) -> None:
    for ans in ask_many(house, ["Who is Ilhan Omar?", "What does Trump say about the wall?"]):
        assert "OmarIlhan" not in (ans.text or "") and "MORE" not in (ans.text or ""), ans
        assert "Trump says" not in (ans.sentence or ""), ans


def test_furniture_lines() -> None:
    assert is_furniture("Ilhan OmarIlhan Omar MORE")
    assert is_furniture("Related: Trump says the wall will be built")
    assert is_furniture("(AP Photo/Jane Doe)")
    assert not is_furniture("Follow the money, he said.")
    assert not is_furniture("Omar spoke on Tuesday.")


def test_unrelated_question_abstains_with_one_shape(house: Analysis) -> None:
    ans = answer_question(house, "Who won the Eurovision song contest?")
    assert not ans.answerable
    data = ans.model_dump(mode="json")
    assert data["answerable"] is False and data["text"] == DOES_NOT_SAY
    assert data["evidence"] == []


def test_abstention_text_is_fixed_whatever_is_passed() -> None:
    ans = Answer(question="Why?", text="something", answerable=False)
    assert ans.text == DOES_NOT_SAY
    assert Answer.model_validate(ans.model_dump(mode="json")) == ans


def test_score_orders_right_above_wrong(house: Analysis) -> None:
    right = answer_question(house, "How old is Sobotka?", threshold=-1.0)
    wrong = answer_question(house, "How old is the architect?", threshold=-1.0)
    assert right.text == "55", right
    assert right.score > wrong.score


LAWMAKERS = "Legislators rejected the plan on Tuesday. Jones praised the budget."


@pytest.fixture(scope="module")
def lawmakers() -> Analysis:
    """Two sentences whose words differ from the questions' (written for these tests)."""
    return analyze(from_text(LAWMAKERS))


def test_meaning_matches_a_word_said_otherwise(lawmakers: Analysis) -> None:
    # "lawmakers" is not in the sentence, "legislators" is: found by meaning
    f = meaning_features(lawmakers, analyze_question("Why did lawmakers reject the plan?"), 0)
    assert f["meaning_cover"] == 1.0 and f["meaning_far"] == 0.0 and f["verb_found"] == 1.0


def test_meaning_never_matches_a_name(lawmakers: Analysis) -> None:
    # Smith and Jones are close in the vectors; a name is never matched by meaning
    smith = meaning_features(lawmakers, analyze_question("Why did Smith praise the budget?"), 1)
    jones = meaning_features(lawmakers, analyze_question("Why did Jones praise the budget?"), 1)
    assert jones["meaning_cover"] == 1.0
    assert smith["meaning_cover"] < 1.0


def test_meaning_misses_the_predicate(lawmakers: Analysis) -> None:
    f = meaning_features(lawmakers, analyze_question("Why did Jones praise the budget?"), 0)
    assert f["verb_found"] == 0.0 and f["verb_missing"] == 1.0 and f["meaning_far"] >= 1.0


def test_figure_buried_in_a_clause_is_flagged() -> None:
    a = analyze(
        from_text(
            "Ten victims came forward despite him passing away 10 years ago. It opened in May."
        )
    )
    q = analyze_question("How many victims came forward?")
    assert type_buried(a, q, "despite him passing away 10 years ago", 0) == 1.0
    assert type_buried(a, q, "Ten", 0) == 0.0
    assert type_buried(a, analyze_question("When did it open?"), "in May", 1) == 0.0
    # not a figure question: never flagged
    assert (
        type_buried(a, analyze_question("Why did victims come forward?"), "despite him", 0) == 0.0
    )


def test_relevance_ranks_the_answering_sentence_first(house: Analysis) -> None:
    # "How old is Sobotka?": sentence 1 ("Sobotka, 55, said ...") answers, sentences 0 and 2 not
    q = analyze_question("How old is Sobotka?")
    scores = sentence_relevance(house, q.text, [0, 1, 2])
    assert max(scores, key=scores.__getitem__) == 1
    assert relevance_features(house, q, 1) == {"relevance": scores[1] / 10.0}
    other = relevance_features(house, analyze_question("What did the bridge cost?"), 1)
    assert other["relevance"] < scores[1] / 10.0


def test_the_verifier_reads_the_relevance_of_the_answers_sentence(house: Analysis) -> None:
    verified = answer_verified(house, analyze_question("How old is Sobotka?"), threshold=-1.0)
    assert verified.verification is not None
    assert verified.verification.features["relevance"] > 0.0
