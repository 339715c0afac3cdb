"""Assertions shared by the tests: every item is grounded in valid evidence."""

from __future__ import annotations

import re

from newsfaq.models import Explainer, Span


def norm(text: str) -> str:
    """Collapse whitespace and unify quotes for containment checks."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def assert_span_valid(span: Span, article_text: str) -> None:
    """The span's offsets index the article and its text is what they index."""
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
            assert_span_valid(span, text)
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
