"""Article text made safe for Markdown: no raw HTML (``<script>``, ``<img onerror>``) gets through.

Markdown renderers pass inline HTML through, so article-derived text is written with ``<`` and
``>`` as ``&lt;`` and ``&gt;``, and an ``&`` that would start a character reference as ``&amp;``
(a plain "AT&T" stays as it is). The rendered text reads exactly like the article.
"""

from __future__ import annotations

import re

__all__ = ["md_text"]

_ENTITY_START = re.compile(r"&(?=#|[A-Za-z][A-Za-z0-9]*;)")


def md_text(text: str) -> str:
    """``text`` with HTML markup escaped for Markdown output.

    >>> md_text('Found <img src=x onerror=alert(2)> & cracks &lt;')
    'Found &lt;img src=x onerror=alert(2)&gt; & cracks &amp;lt;'
    """
    text = _ENTITY_START.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;")
