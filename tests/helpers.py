"""Assertions shared by the tests: every item is grounded in valid evidence."""

from __future__ import annotations

import re

from newsfaq.models import Explainer, Span


def norm(text: str) -> str:
    """Collapse whitespace and unify quotes for containment checks."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def assert_span_valid(span: Span, article_text: str, title: str | None = None) -> None:
    """The span's offsets index the article and its text is what they index.

    A span of the headline (``source="title"``) is allowed only where ``title`` is given, and
    indexes it instead of the body.
    """
    if span.source == "title":
        assert title is not None, f"a headline span where only the body may be cited: {span}"
        assert span.sentence_id == -1, span
        article_text = title
    assert 0 <= span.start < span.end <= len(article_text), span
    assert article_text[span.start : span.end] == span.text, span


def assert_grounded(ex: Explainer) -> None:
    """Every FAQ item, key point and fact has valid evidence that contains its text."""
    text = ex.article.text
    for item_text in [q.answer for q in ex.faq] + [k.text for k in ex.key_points]:
        assert item_text == item_text.strip() and item_text, repr(item_text)
    for fact in ex.facts:
        assert fact.text == fact.text.strip() and fact.text, fact
    for qa in ex.faq:
        assert qa.evidence, qa
        for span in qa.evidence:
            # only the overview may answer with the headline
            assert_span_valid(span, text, ex.article.meta.title if qa.kind == "overview" else None)
        evidence = norm(" ".join(s.text for s in qa.evidence))
        assert norm(qa.answer) in evidence, (qa.answer, evidence)
    for kp in ex.key_points:
        assert kp.evidence, kp
        for span in kp.evidence:
            assert_span_valid(span, text)
        assert norm(kp.text) in norm(" ".join(s.text for s in kp.evidence)), kp
    for fact in ex.facts:
        assert fact.evidence, fact
        for span in fact.evidence:
            assert_span_valid(span, text)
        evidence = norm(" ".join(s.text for s in fact.evidence))
        if fact.derived:
            assert fact.derived_from, fact
            for stated in fact.derived_from:
                assert norm(stated) in evidence, (stated, evidence)
        else:
            assert norm(fact.text) in evidence, (fact.text, evidence)
