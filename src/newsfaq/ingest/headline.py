"""The article's headline, as a span of its page title, without the site name or a dateline.

A page title often carries the site's name ("Bridge reopens | The Daily Planet", "... - Telegraph",
"...: GQ"), sometimes a dateline ("PERRIS: Woman ordered ...") or a media tag ("[VIDEO]").
``headline_span`` returns the ``(start, end)`` characters of ``ArticleMeta.title`` that are the
headline itself, so that an item citing the headline quotes the title verbatim.

    >>> from newsfaq.models import ArticleMeta
    >>> meta = ArticleMeta(title="Bridge reopens after repairs | The Daily Planet",
    ...                    site="Daily Planet")
    >>> start, end = headline_span(meta)
    >>> meta.title[start:end]
    'Bridge reopens after repairs'
    >>> meta = ArticleMeta(title="Everything to Know Before Buying a Bike: The Q: GQ", site="GQ")
    >>> start, end = headline_span(meta)
    >>> meta.title[start:end]
    'Everything to Know Before Buying a Bike'
    >>> meta = ArticleMeta(title="PERRIS: Woman ordered hit, police say - Press Enterprise")
    >>> start, end = headline_span(meta)
    >>> meta.title[start:end]
    'Woman ordered hit, police say'
"""

from __future__ import annotations

import re

from newsfaq.models import ArticleMeta

__all__ = ["headline_span"]

# " | Site", " - Site", " — Site", " – Site", " :: Site"; a colon only before a short site name
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|·)\s+")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,30}:\s+(?=[A-Z])")
_TRAILING_SITE = re.compile(r":\s+(?P<site>[A-Z][\w.&' ]{0,24})$")
_TRAILING_TAG = re.compile(
    r"\s*[\[(](?:video|photos?|watch|slideshow|gallery|updated?)[\])]\s*$", re.IGNORECASE
)


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _names_site(part: str, site: str | None) -> bool:
    """A title part that is the site's name ("Businessweek" for businessweek.com), or empty."""
    squashed = _squash(part)
    if not squashed:
        return True
    if site:
        name = _squash(re.sub(r"\.(?:com|co\.uk|org|net)$", "", site, flags=re.IGNORECASE))
        if name and (squashed in name or name in squashed) and len(squashed) <= len(name) + 8:
            return True
    return False


def _is_site(part: str, site: str | None) -> bool:
    """A title part that names the site (or is too short to be a headline)."""
    if _names_site(part, site):
        return True
    words = part.split()
    return len(words) <= 3 and not re.search(r"[a-z]{3,}\s+[a-z]{3,}", part)


def headline_span(meta: ArticleMeta) -> tuple[int, int] | None:
    """Characters of ``meta.title`` that are the headline, or ``None`` when there is no title."""
    title = meta.title or ""
    if not title.strip():
        return None
    # the longest part between separators that is not the site's name
    parts: list[tuple[int, int]] = []
    start = 0
    for m in _SEPARATOR.finditer(title):
        parts.append((start, m.start()))
        start = m.end()
    parts.append((start, len(title)))
    if len(parts) == 1:
        # a title with no separator is the headline unless it is the site's own name: a short
        # headline ("Afghanistan's New Millionaires") is not a site label split off by a "|"
        kept = [] if _names_site(title, meta.site) else parts
    else:
        kept = [(a, b) for a, b in parts if not _is_site(title[a:b], meta.site)]
    if not kept:
        return None  # the title is only the site's name
    a, b = max(kept, key=lambda p: p[1] - p[0])
    trailing = _TRAILING_SITE.search(title[a:b])
    if trailing and _is_site(trailing.group("site"), meta.site):
        b = a + trailing.start()
    # a column or section label after the headline: "... Buying a Motorcycle: The Q"
    label = _TRAILING_SITE.search(title[a:b])
    if (
        label
        and len(label.group("site").split()) <= 2
        and len(title[a : a + label.start()].split()) >= 4
    ):
        b = a + label.start()
    tag = _TRAILING_TAG.search(title, a, b)
    if tag:
        b = tag.start()
    dateline = _DATELINE.match(title[a:b])
    if dateline and len(title[a + dateline.end() : b].split()) >= 3:
        a += dateline.end()
    while a < b and title[a].isspace():
        a += 1
    while b > a and title[b - 1].isspace():
        b -= 1
    return (a, b) if b > a else None
