"""Rendering: explainers (``explainer``: Markdown, JSON, HTML, JSON-LD) and audit reports
(``audit_report``) for people and programs; Jinja templates in ``templates/``; ``markdown``
escapes HTML in article text written to Markdown.

Layer 4: may import the core modules, ``ingest``, ``text``, ``audit`` and ``ask``; never
``explain``, ``corpus``, ``web`` or ``cli`` (it renders models, it does not compute them).
"""
