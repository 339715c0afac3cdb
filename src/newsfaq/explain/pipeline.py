"""The explain pipeline: article in, sourced :class:`~newsfaq.models.Explainer` out."""

from __future__ import annotations

from pathlib import Path

from newsfaq import settings
from newsfaq.errors import NewsfaqError
from newsfaq.explain.faq import generate_faq
from newsfaq.explain.keyfacts import mark_key_facts
from newsfaq.explain.keypoints import select_key_points
from newsfaq.ingest.credit import credit_line
from newsfaq.ingest.loader import load
from newsfaq.models import Article, Explainer
from newsfaq.text.facts import extract_facts
from newsfaq.text.nlp import Analysis, analyze

__all__ = ["explain", "explain_analysis"]

_SPARE_FAQ_ITEMS = 3


def explain(
    source: str | Path | Article,
    *,
    n: int = settings.DEFAULT_FAQ_ITEMS,
    key_points: int = settings.DEFAULT_KEY_POINTS,
    key_facts: int = settings.DEFAULT_KEY_FACTS,
    allow_private: bool = False,
    max_bytes: int = settings.MAX_INPUT_BYTES,
    self_audit: bool = True,
) -> Explainer:
    """Explain one article: key points, key facts, FAQ and credit line, each item with evidence.

    ``source`` is a :class:`pathlib.Path`, an http(s) URL, raw article text or an
    :class:`Article`. Every fact found is kept; the ``key_facts`` most salient are marked
    ``key``. Raises a :class:`newsfaq.errors.NewsfaqError` for bad input.

    >>> ex = explain("The city council approved a budget of $2 million on Monday. "
    ...              "Mayor Ann Lee said the plan would fund 12 new buses.")
    >>> ex.faq[0].question
    'What is this article about?'
    """
    if not settings.MIN_FAQ_ITEMS <= n <= settings.MAX_FAQ_ITEMS:
        raise NewsfaqError(
            f"n must be between {settings.MIN_FAQ_ITEMS} and {settings.MAX_FAQ_ITEMS}, got {n}"
        )
    article = load(source, allow_private=allow_private, max_bytes=max_bytes)
    return explain_analysis(
        analyze(article), n=n, key_points=key_points, key_facts=key_facts, self_audit=self_audit
    )


def explain_analysis(
    analysis: Analysis,
    *,
    n: int = settings.DEFAULT_FAQ_ITEMS,
    key_points: int = settings.DEFAULT_KEY_POINTS,
    key_facts: int = settings.DEFAULT_KEY_FACTS,
    self_audit: bool = True,
) -> Explainer:
    """Run the explain stages on an already parsed article."""
    facts = list(analysis.derived("facts", extract_facts))  # shared with ask and the audit
    points = select_key_points(analysis, k=key_points)
    # a few spare FAQ items, so that what the self-audit drops is replaced by the next best
    faq = generate_faq(analysis, facts, n=n + _SPARE_FAQ_ITEMS)
    explainer = Explainer(
        article=analysis.article,
        key_points=points,
        facts=facts,
        faq=faq,
        credit=credit_line(analysis.article.meta, analysis.article.credit_line),
        warnings=list(analysis.article.warnings),  # what ingest changed, e.g. bytes replaced
    )
    if self_audit:
        from newsfaq.explain.selfcheck import drop_unsupported

        explainer = drop_unsupported(explainer)
    facts = mark_key_facts(
        explainer.facts,
        explainer.key_points,
        n_sentences=len(analysis.sentences),
        limit=key_facts,
    )
    return explainer.model_copy(update={"faq": explainer.faq[:n], "facts": facts})
