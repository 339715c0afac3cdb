"""Question templates over the article's facts: each template's question and its evidence
offsets on our own test articles, the pieces it refuses, and templated items in the FAQ."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfaq.explain.faq import run_faq
from newsfaq.explain.questions.filters import not_asked
from newsfaq.explain.questions.templates import template_candidates
from newsfaq.ingest.loader import from_text
from newsfaq.text.facts import extract_facts
from newsfaq.text.nlp import Analysis, analyze

ARTICLES = Path(__file__).resolve().parents[1] / "articles"


@pytest.fixture(scope="module")
def analyses() -> dict[str, Analysis]:
    names = (
        "politics.txt", "science.txt", "sports.txt", "court.txt", "obituary.txt",
        "tram_vote.txt", "plain_no_meta.txt", "business.txt", "feature.txt",
    )  # fmt: skip
    return {n: analyze(from_text((ARTICLES / n).read_text(encoding="utf-8"))) for n in names}


def _templated(analysis: Analysis) -> dict[str, tuple[str, int, int]]:
    facts = extract_facts(analysis)
    return {
        c.question: (c.answer, c.answer_start, c.answer_end)
        for c in template_candidates(analysis, facts)
    }


def _check(analysis: Analysis, question: str, answer: str) -> None:
    """The template asks ``question``, answered by ``answer`` at its offsets in the article."""
    got = _templated(analysis)
    assert question in got, sorted(got)
    text = analysis.article.text
    ans, start, end = got[question]
    assert ans == answer
    assert (start, end) == (text.index(answer), text.index(answer) + len(answer))
    assert text[start:end] == answer


def test_role_template(analyses: dict[str, Analysis]) -> None:
    _check(analyses["politics.txt"], "Who is Helena Marsk?", "the regional transport minister")
    _check(
        analyses["science.txt"], "Who is Anders Holm?", "a glaciologist at the University of Tromsø"
    )


def test_role_template_refuses_pointing_roles(analyses: dict[str, Analysis]) -> None:
    # "Their leader, Ingrid Solheim", "Her son, Michael Whitfield": the role points elsewhere
    assert "Who is Ingrid Solheim?" not in _templated(analyses["politics.txt"])
    assert "Who is Michael Whitfield?" not in _templated(analyses["obituary.txt"])


def test_quote_template(analyses: dict[str, Analysis]) -> None:
    _check(
        analyses["science.txt"],
        "What did Anders Holm say about the glacier?",
        '"The front of the glacier retreated by almost 3 kilometres in ten years."',
    )


def test_quote_template_refuses_general_topics(analyses: dict[str, Analysis]) -> None:
    # "... without reliable water for months," and "... for the rest of his life."
    asked = _templated(analyses["court.txt"])
    assert not any(q.endswith(("about months?", "about the rest?")) for q in asked), asked


def test_how_many_subject_template(analyses: dict[str, Analysis]) -> None:
    _check(
        analyses["court.txt"],
        "How many neighbourhoods went without reliable water for months?",
        "Two neighbourhoods",
    )


def test_how_many_object_template(analyses: dict[str, Analysis]) -> None:
    # "Kovac made two substitutions at the break": the verb re-inflected after "did"
    _check(
        analyses["sports.txt"],
        "How many substitutions did Harbour City manager Elena Kovac make at the break?",
        "two substitutions",
    )


def test_when_did_template(analyses: dict[str, Analysis]) -> None:
    # a past event verb with its object; the date without its preposition
    tram = analyses["tram_vote.txt"]
    _check(
        tram,
        "When did the Harbor City council approve the new tram line?",
        "Monday, March 3, 2025",
    )
    _check(tram, "When did Mayor Lena Ortiz sign the construction contract?", "February")


def test_when_will_template(analyses: dict[str, Analysis]) -> None:
    # "will", "is scheduled to" and "is to" ask about the future
    tram = analyses["tram_vote.txt"]
    _check(tram, "When will the line open?", "June 2026")
    _check(tram, "When will the transport board publish the timetable?", "September")
    _check(analyses["plain_no_meta.txt"], "When will the extended hours begin?", "April 1, 2025")


def test_when_template_refusals(analyses: dict[str, Analysis]) -> None:
    def when(name: str) -> list[str]:
        return [q for q in _templated(analyses[name]) if q.startswith("When ")]

    # "Critics said on Tuesday": a reporting verb, not the event
    assert not any("critics" in q.lower() for q in when("tram_vote.txt"))
    # "Her husband, the architect James Whitfield, died in 2016": the subject points elsewhere
    assert when("obituary.txt") == []
    # "was convicted in April" (passive), "a distribution centre ... that opened in August"
    # (relative clause), "Since March 1, 2025, it has not come" (a "since" date, a pronoun)
    assert when("court.txt") == []
    assert when("business.txt") == []
    assert when("feature.txt") == []


def test_templated_items_reach_the_faq(analyses: dict[str, Analysis]) -> None:
    analysis = analyses["feature.txt"]
    run = run_faq(analysis, extract_facts(analysis))
    templated = {s.cand.question for s in run.checked if s.cand.templated and s.rejected is None}
    chosen = [q for q in run.items if q.question in templated]
    # Anna Hughes is named in many sentences of the feature: a reader asks who she is
    assert any(q.question == "Who is Anna Hughes?" for q in chosen), [q.question for q in chosen]
    text = analysis.article.text
    for q in chosen:
        ev = q.evidence[0]
        assert q.answer in text[ev.start : ev.end]


def test_who_is_a_person_named_in_passing_is_not_asked(analyses: dict[str, Analysis]) -> None:
    """Anders Holm, a glaciologist quoted in two sentences of the science story, gets a role
    question from the templates, but readers do not ask it (blind tune ratings)."""
    analysis = analyses["science.txt"]
    role = template_candidates(analysis, extract_facts(analysis))
    holm = [c for c in role if c.question == "Who is Anders Holm?"]
    assert holm and all(not_asked(c, analysis) for c in holm)
    run = run_faq(analysis, extract_facts(analysis))
    assert run.rejected["not-asked"] > 0
    assert all(q.kind not in {"who", "who_is"} for q in run.items), [q.question for q in run.items]
