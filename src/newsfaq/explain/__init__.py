"""Explain: an article in, a sourced explainer out (key points, key facts, FAQ, credit line).

Modules: ``keypoints`` (sentence salience and key points), ``keyfacts`` (which facts are key),
``questions`` (the question transformation engine), ``faq`` (overgenerate, filter, rank, select),
``selfcheck`` (the audit applied to our own output), ``pipeline`` (the :func:`explain` entry point).

Layer 4: may import the core modules, ``ingest``, ``text``, ``audit`` and ``ask``; never
``render``, ``corpus``, ``web`` or ``cli``.
"""

from newsfaq.explain.pipeline import explain, explain_analysis

__all__ = ["explain", "explain_analysis"]
