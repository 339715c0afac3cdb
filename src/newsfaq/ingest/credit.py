"""The credit line of the original: site, title, author, date, URL, whichever are known."""

from __future__ import annotations

from newsfaq.models import ArticleMeta

__all__ = ["credit_line"]


def credit_line(meta: ArticleMeta, found: str | None = None) -> str | None:
    """Compose the credit line from metadata; fall back to the credit line found in the text.

    >>> credit_line(ArticleMeta(site="The Daily Planet", title="Bridge reopens",
    ...                         author="Lois Lane", date="2024-05-02"))
    'Original article: "Bridge reopens" by Lois Lane, The Daily Planet, 2024-05-02'
    """
    parts: list[str] = []
    head = f'"{meta.title}"' if meta.title else ""
    if meta.author:
        head = f"{head} by {meta.author}" if head else f"by {meta.author}"
    if head:
        parts.append(head)
    for value in (meta.site, meta.date, meta.url):
        if value and value not in parts:
            parts.append(value)
    if not parts:
        return found
    return "Original article: " + ", ".join(parts)
