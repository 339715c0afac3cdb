"""Helpers shared by the question engine tests."""

from __future__ import annotations

from newsfaq.explain.questions import (
    Resolver,
    ask_in_doc,
    question_for_span,
    sentence_candidates,
)
from newsfaq.text.nlp import parse


def _ask(text: str, answer: str, **kw: bool) -> tuple[str, str] | None:
    doc = parse(text)
    start = text.index(answer)
    span = doc.char_span(start, start + len(answer), alignment_mode="expand")
    assert span is not None
    return question_for_span(span[0].sent, span.start, span.end, Resolver(doc), **kw)


def _ask_doc(text: str, answer: str) -> str | None:
    doc = parse(text)
    start = text.index(answer)
    return ask_in_doc(doc, start, start + len(answer), Resolver(doc))[0]


def _cands(text: str) -> list[tuple[str, str]]:
    """(question, answer) for every candidate of every sentence of ``text``."""
    doc = parse(text)
    resolver = Resolver(doc)
    out: list[tuple[str, str]] = []
    for sent in doc.sents:
        for c in sentence_candidates(sent, resolver):
            assert doc.text[c.answer_start : c.answer_end] == c.answer
            out.append((c.question, c.answer))
    return out


_DANGLING = {"$", "£", "€", ",", "or", "and", "but", "of", "to", "in", "the", "a", "an"}


def _by_question(text: str) -> dict[str, tuple[str, str]]:
    doc = parse(text)
    cands = sentence_candidates(next(doc.sents), Resolver(doc))
    for c in cands:
        assert doc.text[c.answer_start : c.answer_end] == c.answer
    return {c.question: (c.kind, c.answer) for c in cands}
