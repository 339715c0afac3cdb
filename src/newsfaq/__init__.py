"""newsfaq: sourced explainers for news articles, and an auditor for texts derived from them.

>>> import newsfaq
>>> ex = newsfaq.explain("The museum reopened on Saturday after a $4 million renovation, "
...                      "the city said. About 3,000 visitors came on the first day.")
>>> all(item.evidence for item in ex.faq)
True

Public API: :func:`explain`, :func:`audit`, :func:`ask`, :func:`load`, the models in
:mod:`newsfaq.models` and the errors in :mod:`newsfaq.errors`. Heavy modules (spaCy) load on
first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from newsfaq.errors import InputError, NewsfaqError
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

if TYPE_CHECKING:
    from newsfaq.ask import ask
    from newsfaq.audit import audit
    from newsfaq.explain import explain
    from newsfaq.ingest import load

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

_LAZY = {
    "explain": "newsfaq.explain",
    "audit": "newsfaq.audit",
    "ask": "newsfaq.ask",
    "load": "newsfaq.ingest",
}


def __getattr__(name: str) -> Any:
    """Import the pipeline functions on first use, so ``import newsfaq`` stays light."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'newsfaq' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
