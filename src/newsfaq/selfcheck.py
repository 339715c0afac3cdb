"""Self-check of an explainer before it is shown: drop what its evidence does not support."""

from __future__ import annotations

import re

from newsfaq.models import Explainer, Span

__all__ = ["drop_unsupported"]


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _valid(spans: list[Span], article_text: str) -> bool:
    return bool(spans) and all(
        0 <= s.start < s.end <= len(article_text) and article_text[s.start : s.end] == s.text
        for s in spans
    )


def _contained(text: str, spans: list[Span]) -> bool:
    return _norm(text) in _norm(" ".join(s.text for s in spans))


def drop_unsupported(explainer: Explainer) -> Explainer:
    """Keep only items whose evidence is valid and contains their text; count the rest."""
    text = explainer.article.text
    warnings = list(explainer.warnings)
    faq = [q for q in explainer.faq if _valid(q.evidence, text) and _contained(q.answer, q.evidence)]
    points = [
        k for k in explainer.key_points if _valid(k.evidence, text) and _contained(k.text, k.evidence)
    ]
    facts = [
        f
        for f in explainer.facts
        if _valid(f.evidence, text)
        and (
            all(_contained(x, f.evidence) for x in f.derived_from)
            if f.derived
            else _contained(f.text, f.evidence)
        )
    ]
    for name, before, after in (
        ("FAQ items", explainer.faq, faq),
        ("key points", explainer.key_points, points),
        ("facts", explainer.facts, facts),
    ):
        if len(after) < len(before):
            warnings.append(f"self-check dropped {len(before) - len(after)} {name} without support")
    return explainer.model_copy(
        update={"faq": faq, "key_points": points, "facts": facts, "warnings": warnings}
    )
