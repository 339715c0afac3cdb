"""Audit: a derived text (rewrite, summary, FAQ) checked claim by claim against its original.

Modules: ``claims`` (splitting the derived text into claims), ``align`` (each claim's evidence
sentences), ``checks`` (the rule checks: figures, dates, names, negation, modality, attribution,
relations, content), ``pipeline`` (verdicts, scores and the :func:`audit` entry point).

Layer 2: may import the core modules, ``ingest`` and ``text``; never ``ask``, ``explain``,
``render``, ``corpus``, ``web`` or ``cli``.
"""

from newsfaq.audit.pipeline import audit, audit_analysis

__all__ = ["audit", "audit_analysis"]
