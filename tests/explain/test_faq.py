"""FAQ generation: acceptance on the shared example, grounding and form on every test article."""

from __future__ import annotations

import importlib
import re
from pathlib import Path
from typing import Any

import pytest

from newsfaq.explain import faq
from newsfaq.explain.faq import OVERVIEW, ask_for, generate_faq, is_well_formed, run_faq
from newsfaq.explain.questions import sentence_candidates
from newsfaq.explain.questions.candidates import Candidate, Scored
from newsfaq.ingest.loader import from_text, load
from newsfaq.models import Explainer, QAItem
from newsfaq.text.facts import extract_facts
from newsfaq.text.nlp import Analysis, analyze
from tests.helpers import assert_grounded, norm

_PRONOUN = re.compile(r"\b(he|she|him|her|they|them|it)\b", re.IGNORECASE)
_SPEAKER = re.compile(r"\b(I|we|We|you|You|our|Our|my|My)\b")


@pytest.fixture(scope="module")
def example(example_path: Path) -> tuple[Analysis, list[QAItem]]:
    """The shared rewrite-with-FAQ page, loaded with its appended FAQ split off."""
    article = load(example_path)
    assert "Why is Russia struggling" not in article.text
    analysis = analyze(article)
    return analysis, generate_faq(analysis, extract_facts(analysis), n=8)


def _grounded(analysis: Analysis, faq: list[QAItem]) -> None:
    assert_grounded(Explainer(article=analysis.article, faq=faq))


def _well_formed(faq: list[QAItem]) -> None:
    for qa in faq:
        assert is_well_formed(qa.question), qa.question
        assert qa.question.endswith("?") and qa.question[0].isupper(), qa.question
        assert not _SPEAKER.search(qa.question), qa.question
        if qa.kind != "what_if":
            assert norm(qa.answer).lower() not in norm(qa.question).lower(), qa
        # subject pronouns never appear in a question (they are resolved or the item dropped)
        assert not re.search(r"\b(he|she|they|it)\b", qa.question, re.IGNORECASE), qa.question


def test_example_has_enough_grounded_items(example: tuple[Analysis, list[QAItem]]) -> None:
    analysis, faq = example
    assert len(faq) >= 5  # the transformed object question is left out since session 19
    assert faq[0].question == OVERVIEW and faq[0].kind == "overview"
    assert faq[0].answer.startswith("A recently leaked video has shed light")
    _grounded(analysis, faq)
    _well_formed(faq)
    assert len({qa.question for qa in faq}) == len(faq)
    # the items cover different sentences
    assert len({qa.evidence[0].sentence_id for qa in faq}) == len(faq)


def test_example_how_many_keeps_attribution(example: tuple[Analysis, list[QAItem]]) -> None:
    _, faq = example
    hits = [qa for qa in faq if qa.kind == "how_many" and "approximately 120,000" in qa.answer]
    assert hits, [qa.question for qa in faq]
    q = hits[0].question
    assert q.startswith("How many Russian soldiers have died")
    assert q.endswith("according to US officials?")


def test_example_call_for(example: tuple[Analysis, list[QAItem]]) -> None:
    _, faq = example
    hits = [qa for qa in faq if "Avdonin" in qa.question and "call for" in qa.question]
    assert hits, [qa.question for qa in faq]
    assert hits[0].question == "What did Avdonin call for?"
    assert hits[0].answer.startswith("the deployment of 15 soldiers per week")


def test_example_what_if_quota(example: tuple[Analysis, list[QAItem]]) -> None:
    _, faq = example
    hits = [qa for qa in faq if qa.kind == "what_if"]
    assert hits, [qa.question for qa in faq]
    assert hits[0].question == "What happens if the region fails to fulfill the quota?"
    # the consequence the condition leads to, not "Avdonin also warns of potential repercussions"
    assert "trouble with the Kremlin" in hits[0].answer
    assert "repercussions" not in hits[0].answer


def test_example_who_is(example: tuple[Analysis, list[QAItem]]) -> None:
    _, faq = example
    who = {qa.question: qa.answer for qa in faq if qa.kind == "who_is"}
    assert who, [qa.question for qa in faq]
    assert who.get("Who is Dmitry Medvedev?", who.get("Who is Alexander Avdonin?"))
    if "Who is Dmitry Medvedev?" in who:
        assert who["Who is Dmitry Medvedev?"] == "deputy chairman of Russia’s Security Council"


def test_example_without_facts_keeps_the_key_items(
    example: tuple[Analysis, list[QAItem]],
) -> None:
    analysis, _ = example
    faq = generate_faq(analysis, [], n=8)
    kinds = {qa.kind for qa in faq}
    assert {"who_is", "said"} <= kinds, [qa.question for qa in faq]
    assert "What did Avdonin call for?" in [qa.question for qa in faq]
    _grounded(analysis, faq)


def test_example_scores_and_n(example: tuple[Analysis, list[QAItem]]) -> None:
    analysis, faq = example
    assert all(0.0 <= qa.score <= 1.0 for qa in faq)
    # the gist, the central question, then the others best first
    assert [qa.score for qa in faq[2:]] == sorted((qa.score for qa in faq[2:]), reverse=True)
    assert 3 <= len(generate_faq(analysis, [], n=4)) <= 4  # n is an upper bound
    assert len(generate_faq(analysis, [], n=1)) == 1


def _article_paths(articles_dir: Path) -> list[Path]:
    paths = sorted(p for p in articles_dir.glob("*.txt") if p.name != "non_english.txt")
    assert len(paths) >= 8, paths
    return paths


def test_every_test_article(articles_dir: Path) -> None:
    kinds: set[str] = set()
    for path in _article_paths(articles_dir):
        analysis = analyze(load(path))
        faq = generate_faq(analysis, extract_facts(analysis), n=8)
        assert faq and faq[0].kind == "overview", path
        if len(analysis.sentences) >= 6:
            # fewer items rather than weak ones (none under the ranker's threshold since
            # session 10), yet each of these plain news texts has at least two good ones
            assert len(faq) >= 3, (path, [qa.question for qa in faq])
        _grounded(analysis, faq)
        _well_formed(faq)
        kinds |= {qa.kind for qa in faq}
    # "said" is not among them: the only one was "What did Meridian Foods say on Wednesday?",
    # a statement with no topic the readability gates leave out (the shared example keeps
    # its topical "What did Avdonin call for?")
    assert {"how_many", "how_much", "who_is", "what_if", "when", "why"} <= kinds


def test_generation_never_parses_the_article_again(
    articles_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The FAQ works on the article's one parse: only its own questions are parsed (the
    reparse filter and the round trip); parsing anything else fails this test."""
    faq_mod = importlib.import_module("newsfaq.explain.faq")
    filters_mod = importlib.import_module("newsfaq.explain.questions.filters")
    nlp_mod = importlib.import_module("newsfaq.text.nlp")

    analysis = analyze(load(articles_dir / "feature.txt"))
    real = nlp_mod.get_nlp()
    parsed: list[str] = []

    class QuestionsOnly:
        def pipe(self, texts: list[str]) -> object:
            for t in texts:
                assert t.endswith("?") and len(t.split()) <= 30, t
                parsed.append(t)
            return real.pipe(texts)

    def refuse(*_args: object, **_kw: object) -> None:
        raise AssertionError("generate_faq parsed text again")

    monkeypatch.setattr(nlp_mod, "parse", refuse)
    monkeypatch.setattr(nlp_mod, "get_nlp", refuse)
    monkeypatch.setattr(faq_mod, "get_nlp", refuse)
    monkeypatch.setattr(filters_mod, "get_nlp", QuestionsOnly)
    assert len(generate_faq(analysis, [], n=8)) >= 3
    assert parsed


def test_pronoun_resolved_from_previous_sentence() -> None:
    text = (
        "Maria Lopez, the city's finance director, presented the budget on Monday. "
        "She called for a freeze on hiring until the end of the year."
    )
    analysis = analyze(from_text(text))
    run = run_faq(analysis, [], n=8, check_all=True)
    # the resolved question survives every filter (whether it is shown is the ranker's call)
    survivors = [s.cand.question for s in run.checked if s.rejected is None]
    assert "What did Lopez call for?" in survivors, survivors
    # "Who is Maria Lopez?" is a candidate (the FAQ keeps one item per sentence)
    first = analysis.sentences[0].span
    assert "Who is Maria Lopez?" in [c.question for c in sentence_candidates(first, None)]
    _grounded(analysis, run.items)


def test_unresolvable_pronoun_is_dropped() -> None:
    analysis = analyze(from_text("It rained for 40 days. They built 12 boats in March."))
    faq = generate_faq(analysis, [], n=8)
    for qa in faq[1:]:
        assert not _PRONOUN.search(qa.question), qa.question


def test_short_brief_gets_overview_only_or_more() -> None:
    analysis = analyze(from_text("Storms closed the coastal road on Friday."))
    faq = generate_faq(analysis, [], n=8)
    assert faq[0].question == OVERVIEW
    assert faq[0].answer == "Storms closed the coastal road on Friday."
    _grounded(analysis, faq)


@pytest.mark.parametrize(
    ("sentence", "answer", "expected"),
    [
        (
            "The Kremlin aims to avoid unpopular policy moves.",
            "unpopular policy moves",
            "What does the Kremlin aim to avoid?",
        ),
        (
            "The council approved the budget in March 2024.",
            "March 2024",
            "When did the council approve the budget?",
        ),
        ("Jane Roe founded the company in Leeds.", "Jane Roe", "Who founded the company in Leeds?"),
        ("The bridge was built in Lisbon.", "Lisbon", "Where was the bridge built?"),
        (
            "The firm hired 300 engineers last year.",
            "300",
            "How many engineers did the firm hire last year?",
        ),
    ],
)
def test_ask_for(sentence: str, answer: str, expected: str) -> None:
    assert ask_for(sentence, answer) == expected


def test_ask_for_missing_answer_and_context() -> None:
    assert ask_for("The council met on Monday.", "Tuesday") is None
    context = "Maria Lopez chairs the board. She opened the new library in May."
    q = ask_for("She opened the new library in May.", "the new library", context=context)
    assert q == "What did Lopez open in May?"


def _faq(text: str, n: int = 12) -> list[QAItem]:
    analysis = analyze(from_text(text))
    faq = generate_faq(analysis, extract_facts(analysis), n=n)
    _grounded(analysis, faq)
    _well_formed(faq)
    return faq[1:]


def test_faq_drops_vague_bare_subject_questions() -> None:
    faq = _faq(
        "The Northfield assembly passed the transport bill on Thursday, March 12, by 31 votes "
        "to 20. "
        "The governor has ten days to sign the bill. If the governor returns it to the "
        "assembly, members would need a two-thirds majority to override the objection, a "
        "threshold the government did not reach on Thursday. Supporters said the bill "
        "would add 40 buses to rural routes."
    )
    questions = [qa.question for qa in faq]
    assert questions
    assert "What would members need?" not in questions, questions
    # a relative clause with its object gapped yields no question ("When did X not reach?")
    assert not any("not reach" in q for q in questions), questions


def test_faq_answers_are_clean_constituents() -> None:
    faq = _faq(
        "The national government will cover 60 percent of the cost, or $108 million, under "
        "its climate fund. The court ordered Dalton to repay $4.5 million within a year. "
        '"If the grant is cut next year, this will be the first service we close," the '
        "mayor said. Striker Tomas Veld set up Ole Berg for the first goal in the 58th minute."
    )
    assert faq
    for qa in faq:
        a = qa.answer
        assert a.split()[-1].lower() not in {"$", "or", "and", "of", "the", ","}, qa
        assert not a.endswith((",", "$")), qa
        assert a.count('"') % 2 == 0, qa
        assert not a.endswith("said"), qa
        assert "108 million" not in qa.question, qa
        assert qa.question != "How much did Dalton repay?", qa
        assert " Striker " not in qa.question, qa


_HARBOUR = (
    "The coastal town of Varde on Monday approved a plan to protect its harbour from winter "
    "storms after two floods in three years damaged dozens of shops. "
    "The plan, approved by the town council in a 7-2 vote, includes 4 kilometres of new sea "
    "walls, two tidal gates and a salt marsh designed to soak up storm surges south of the old "
    "port. "
    "The harbour board estimates that if sea levels keep rising, the old port could flood "
    "twice a year by 2040. "
    "The board hired Lena Moss, who ran the flood programme in Esbjerg for a decade. "
    "Work will start in May, the board said."
)


def test_faq_what_if_answer_leaves_out_the_condition() -> None:
    faq = _faq(_HARBOUR, n=30)
    what_if = {qa.question: qa.answer for qa in faq if qa.kind == "what_if"}
    assert what_if == {
        "What happens if sea levels keep rising?": "the old port could flood twice a year by 2040"
    }


def test_faq_drops_long_subject_questions_and_trailing_relative_clauses() -> None:
    faq = _faq(_HARBOUR, n=30)
    assert faq
    for qa in faq:
        assert not qa.question.startswith("What includes"), qa
        assert len(qa.question.split()) <= 20 or len(qa.answer.split()) * 2 >= len(
            qa.question.split()
        ), qa
        assert ", who" not in qa.answer and ", which" not in qa.answer, qa


def test_the_central_why_question_comes_second_whatever_its_rank(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = (
        "Title: Harwick mayor delays tram vote\n\n"
        "Mayor Ann Cole delayed the city's tram vote on Monday because she feared the cost "
        "of the line would rise to 40 million pounds. The vote had been set for March 3. "
        "Councillor Raj Patel, who leads the transport committee, said the delay would cost "
        "the city 2 million pounds. The tram line would link the harbour with the "
        "university. Cole said a new estimate will be ready in April."
    )
    analysis = analyze(from_text(text))
    ranked = faq._scored

    def low_why(c: Candidate, *args: Any) -> Scored:
        s = ranked(c, *args)
        if c.kind == "why":
            s.score = 0.01  # under the ranker's threshold: only the slot can keep it
        return s

    monkeypatch.setattr(faq, "_scored", low_why)
    items = run_faq(analysis, []).items
    assert items[1].question == "Why did Mayor Ann Cole delay the city's tram vote on Monday?"
    assert items[1].answer == "she feared the cost of the line would rise to 40 million pounds"
    assert items[1].evidence
    monkeypatch.setattr(faq, "_central_why", lambda a, p, chosen, *rest: chosen)
    assert not [i for i in run_faq(analysis, []).items if i.kind == "why"]


def test_a_why_question_needs_a_named_subject() -> None:
    text = (
        "Title: A letter in lyrics\n\n"
        "Some genius of a woman has written a break-up letter made of song lyrics because "
        "every single song on the album is about a break-up. The letter was posted on "
        "Monday. It has been shared 40,000 times."
    )
    items = run_faq(analyze(from_text(text)), []).items
    assert not [i for i in items if i.kind == "why"], items


def test_transformed_object_questions_are_left_out(example: tuple[Analysis, list[QAItem]]) -> None:
    """ "What does Avdonin acknowledge?" is generated, counted as "object" and never chosen; the
    templated "What did Avdonin call for?" (kind "said") stays."""
    analysis, faq = example
    run = run_faq(analysis, extract_facts(analysis), n=8, check_all=True)
    assert run.rejected["object"] >= 1
    assert not [qa.question for qa in run.items if qa.kind == "what"]
    assert any(qa.kind == "said" and "call for" in qa.question for qa in faq)
