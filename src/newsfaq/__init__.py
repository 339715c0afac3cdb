"""newsfaq: sourced explainers for news articles, and an auditor for texts derived from them.

>>> import newsfaq
>>> ex = newsfaq.explain("The museum reopened on Saturday after a $4 million renovation, "
...                      "the city said. About 3,000 visitors came on the first day.")
>>> all(item.evidence for item in ex.faq)
True

Public API: :func:`explain`, :func:`audit`, :func:`ask`, :func:`load`, the models in
:mod:`newsfaq.models` and the errors in :mod:`newsfaq.errors`. The spaCy pipeline loads on
first use.
"""

from __future__ import annotations

# The subpackages explain, audit and ask share their names with the functions they export:
# import each subpackage first, then bind the function, so ``newsfaq.explain`` is the function.
from newsfaq.ask.answer import ask
from newsfaq.audit.pipeline import audit
from newsfaq.errors import InputError, NewsfaqError
from newsfaq.explain.pipeline import explain
from newsfaq.ingest.loader import load
from newsfaq.models import (
    Answer,
    Article,
    ArticleMeta,
    AuditReport,
    Claim,
    Explainer,
    Fact,
    KeyPoint,
    QAItem,
    Span,
)
from newsfaq.settings import SCHEMA_VERSION

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_VERSION",
    "Answer",
    "Article",
    "ArticleMeta",
    "AuditReport",
    "Claim",
    "Explainer",
    "Fact",
    "InputError",
    "KeyPoint",
    "NewsfaqError",
    "QAItem",
    "Span",
    "__version__",
    "ask",
    "audit",
    "explain",
    "load",
]
