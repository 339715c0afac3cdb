"""Readability gates on the reparsed question (each with a case it rejects and one it keeps)."""

from __future__ import annotations

from collections import Counter

import pytest

from newsfaq.ask.answer import build_index
from newsfaq.explain.questions.candidates import Candidate, Scored
from newsfaq.explain.questions.filters import check
from newsfaq.explain.questions.readability import GATES, MAX_TOKENS, unreadable
from newsfaq.ingest.loader import from_text
from newsfaq.models import QAKind
from newsfaq.text.nlp import analyze, get_nlp, parse


def _cand(sentence: str, answer: str, question: str, kind: QAKind = "what") -> Candidate:
    doc = parse(sentence)
    start = sentence.index(answer)
    span = doc.char_span(start, start + len(answer), alignment_mode="expand")
    assert span is not None
    return Candidate(
        question=question,
        kind=kind,
        answer_start=start,
        answer_end=start + len(answer),
        sent=next(doc.sents),
        answer=answer,
        tok_start=span.start,
        tok_end=span.end,
    )


def _gates(c: Candidate) -> set[str]:
    qdoc = get_nlp()(c.question)
    return {name for name, gate in GATES.items() if gate(qdoc, c)}


_COUNCIL = "The council approved the new budget for the Eastbank library on Monday."


@pytest.mark.parametrize(
    ("gate", "sentence", "answer", "question", "kind"),
    [
        ("unknown word", "Zhang cofounded Editas Medicine in 2013.", "Editas Medicine",
         "What did Zhang cofounde?", "what"),
        ("count of one", "One of the shots is closer.", "One",
         "How many of the shots are closer?", "how_many"),
        ("debris", "Keanu Reeves shoots his way through a nightclub/bathhouse.", "Keanu Reeves",
         "Who shoots his way through a nightclub/bathhouse?", "who"),
        ("bare pronoun", "Eve joins them onstage at the Palace.", "Eve",
         "Who joins them onstage at the Palace?", "who"),
        ("pointing answer", "Dave valiantly attempts to swallow his pride at the party.",
         "his pride", "What does Dave valiantly attempt to swallow?", "what"),
        ("thing subject", "Other medications are being studied in clinical trials.",
         "Other medications", "What is being studied in clinical trials?", "what"),
        ("nameless", "Treatments stop the growth of the cancer in most patients.",
         "the growth of the cancer", "What do treatments stop in most patients?", "what"),
        ("nameless", "Eve seems to forget her problems at the party.", "Eve",
         "Who seems to forget the problems at the party?", "who"),
        ("name as term", "Hachette, the publisher, settled with Amazon.", "the publisher",
         "What is Hachette?", "who_is"),
        ("dateline word", "WASHINGTON — NASA will receive $18 billion for 2015.", "$18 billion",
         "How much will NASA receive for 2015 above the request WASHINGTON?", "how_much"),
        ("say, no topic", "Meridian Foods said on Wednesday that its profit rose sharply.",
         "its profit rose sharply", "What did Meridian Foods say on Wednesday?", "said"),
        ("restated", "Keith insisted that the new scheme was meant to stretch teenagers in school.",
         "the new scheme was meant to stretch teenagers in school", "What did Keith insist?",
         "said"),
        ("dangling end", "The stock's 52-week high is $29.43, the exchange said.", "29.43",
         "How much is the stock's 52-week high $?", "how_much"),
        ("dangling end", "Here are our top five picks for the winter season.", "five",
         "How many top picks are?", "how_many"),
        ("subject answer", "The year 2014 closed with a focus on the oil price.", "The year 2014",
         "How long closed with a focus on the oil price?", "when"),
    ],
)  # fmt: skip
def test_gate_rejects(gate: str, sentence: str, answer: str, question: str, kind: QAKind) -> None:
    assert gate in _gates(_cand(sentence, answer, question, kind))


@pytest.mark.parametrize(
    ("sentence", "answer", "question", "kind"),
    [
        (_COUNCIL, "Monday", "When did the council approve the new budget?", "when"),
        ("She called for a freeze on hiring until the end of the year.",
         "a freeze on hiring until the end of the year", "What did Lopez call for?", "said"),
        ("Hall had almost given up his search for a moon of Mars.", "Hall",
         "Who had almost given up his search for a moon of Mars?", "who"),
        ("Hachette had waged a bruising battle with Amazon.", "Hachette",
         "What had waged a bruising battle with Amazon?", "what"),
        ("Whitfield chose engineering because she wanted to build things.",
         "she wanted to build things", "Why did Whitfield choose engineering?", "why"),
        ("Seth Rogen appears in “Sunday School” as a replacement.", "Seth Rogen",
         "Who appears in “Sunday School” as a replacement?", "who"),
        ("Margaret Thatcher attempted to put off the introduction of GCSEs.", "Margaret Thatcher",
         "Who attempted to put off the introduction of GCSEs?", "who"),
    ],
)  # fmt: skip
def test_readable_questions_pass(sentence: str, answer: str, question: str, kind: QAKind) -> None:
    assert _gates(_cand(sentence, answer, question, kind)) == set()


def test_too_long_counts_words_before_the_attribution() -> None:
    words = " ".join(["word"] * (MAX_TOKENS - 8))
    sentence = f"About 120,000 soldiers have died since {words}, according to US officials."
    short = f"How many soldiers have died since {words}, according to US officials?"
    long = f"How many soldiers have died since {words} and {words}?"
    assert "too long" not in _gates(_cand(sentence, "About 120,000", short, "how_many"))
    assert "too long" in _gates(_cand(sentence, "About 120,000", long, "how_many"))


def test_unreadable_names_the_first_gate_and_respects_the_selection() -> None:
    c = _cand(_COUNCIL, "Monday", "When did it approve the new budget?", "when")
    qdoc = get_nlp()(c.question)
    assert unreadable(qdoc, c) == "bare pronoun"
    assert unreadable(qdoc, c, ("nameless",)) is None


def test_check_counts_unreadable_questions() -> None:
    analysis = analyze(from_text(_COUNCIL + " The vote was close."))
    sent = analysis.sentences[0].span
    start = analysis.article.text.index("Monday")
    toks = analysis.doc.char_span(start, start + 6)
    assert toks is not None
    bad = Candidate(
        question="When did it approve the new budget?",
        kind="when",
        answer_start=start,
        answer_end=start + 6,
        sent=sent,
        answer="Monday",
        tok_start=toks.start,
        tok_end=toks.end,
    )
    batch = [Scored(bad, 0, 1.0)]
    rejected: Counter[str] = Counter()
    check(analysis, batch, build_index(analysis), rejected)
    assert batch[0].rejected == "unreadable"
    assert rejected == Counter({"unreadable": 1})
