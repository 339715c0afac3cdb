"""Ingest: turn a file, URL, stdin, raw text or HTML into an :class:`~newsfaq.models.Article`.

The steps, in order (each one a small function below):

1. read the bytes (file, stdin, URL via :mod:`newsfaq.ingest.fetch`) under a size cap;
2. refuse binary data (magic numbers, NUL bytes, control characters);
3. decode: byte-order mark, declared charset (HTTP header, HTML ``<meta>``), UTF-8,
   then charset-normalizer (preferring cp1252 when it reads as well as the best guess);
4. HTML goes through trafilatura (main text one paragraph per line, metadata); text gets
   its ``Title:/Author:/Date:/Site:/URL:`` header parsed, Markdown markup removed and
   hard-wrapped lines joined;
5. normalize: mojibake repaired (ftfy), newlines to ``\\n``, NFC, no trailing spaces, one
   blank line at most;
6. split off a trailing credit line and an appended FAQ block (neither is evidence);
7. refuse empty text and text that is not English.
"""

from __future__ import annotations

import functools
import re
import sys
import unicodedata
from datetime import datetime
from html import unescape as _unescape_html
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import ftfy

from newsfaq import settings
from newsfaq.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    NoArticleTextError,
    NotEnglishError,
)
from newsfaq.ingest.files import read_regular
from newsfaq.models import Article, ArticleMeta

__all__ = [
    "decode_bytes",
    "detect_language",
    "from_bytes",
    "from_html",
    "from_string",
    "from_text",
    "http_url",
    "load",
    "looks_like_html",
    "normalize_text",
    "paragraph_offsets",
    "parse_header",
    "split_appended_faq",
    "split_credit_line",
]

HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})

_BINARY_MAGIC: tuple[bytes, ...] = (
    b"\x89PNG\r\n\x1a\n",
    b"%PDF-",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\x1f\x8b",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"BM",
    b"II*\x00",
    b"MM\x00*",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"fLaC",
    b"\x7fELF",
    b"\xca\xfe\xba\xbe",
    b"SQLite format 3\x00",
    b"7z\xbc\xaf\x27\x1c",
    b"Rar!\x1a\x07",
    b"\xfd7zXZ\x00",
    b"BZh",
    b"\x28\xb5\x2f\xfd",
    b"\x00asm",
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
    b"wOFF",
    b"wOF2",
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v\x1b")
_BINARY_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
_MAX_CONTROL_RATIO = 0.05
_MAX_WESTERN_MESS = 0.2
_MIN_UTF8_SHARE = 0.95
"""Bytes that are not valid UTF-8 are still read as UTF-8 (bad sequences replaced, a warning
given) when at least this share of their non-ASCII sequences is valid UTF-8 ..."""
_MIN_UTF8_SEQUENCES = 10
"""... and there are at least this many valid ones."""
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
"""C0/C1 controls (bar tab and newlines) and lone surrogates, dropped from text."""
_LANGUAGE_ID_CHARS = 2500
_UNSPACED_SCRIPT = re.compile(
    r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f\uf900-\ufaff]"
)

_LANGUAGE_NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan",
    "cs": "Czech", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek",
    "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque", "fa": "Persian",
    "fi": "Finnish", "fr": "French", "ga": "Irish", "gl": "Galician", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "is": "Icelandic",
    "it": "Italian", "ja": "Japanese", "ko": "Korean", "la": "Latin", "lb": "Luxembourgish",
    "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian", "ms": "Malay", "mt": "Maltese",
    "nb": "Norwegian", "nl": "Dutch", "nn": "Norwegian", "no": "Norwegian", "pl": "Polish",
    "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil",
    "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu",
    "vi": "Vietnamese", "zh": "Chinese",
}  # fmt: skip
_ENGLISH_LIKE = frozenset({"en", "pcm", "sco", "jam", "bcl"})
"""Labels the language identifier gives English news text (names, figures, pidgin-like)."""

_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%B %d, %Y",
    "%b %d, %Y",
    "%b. %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%A, %B %d, %Y",
    "%a, %d %b %Y",
    "%d.%m.%Y",
)
_HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "author": "author",
    "authors": "author",
    "by": "author",
    "byline": "author",
    "date": "date",
    "published": "date",
    "site": "site",
    "publisher": "site",
    "publication": "site",
    "url": "url",
    "link": "url",
}
# First words that make a "By ..." line an adverbial ("By Friday"), not a byline.
# fmt: off
_NOT_NAMES = frozenset((
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our",
    "my", "your", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "tomorrow", "tonight", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december", "then", "now", "noon",
    "midnight",
))
# fmt: on
_HEADER_LINE = re.compile(r"^([A-Za-z]+)[ \t]*:[ \t]*(.*?)[ \t]*$")
_BYLINE = re.compile(
    r"^by\s+([A-Z][\w.'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w.'’-]*){0,6})$", re.IGNORECASE
)

_CREDIT_PATTERNS = (
    re.compile(
        r"^(?:original(?:ly)?\s+(?:article|story|source|post)|source|sources|credit|credits"
        r"|via|from|reprinted from|republished from)\s*[:\-–—]\s*(?P<rest>.+)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^originally\s+(?:published|appeared|posted|ran)\s+(?:by|on|in|at)\s+(?P<rest>.+)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:this|the)\s+(?:article|story|piece|report|post)\s+(?:was\s+|is\s+|has\s+been\s+)?"
        r"(?:originally\s+|first\s+)?(?:published|appeared|posted|republished|reprinted)"
        r"(?:\s+(?:with\s+permission|originally))?\s+(?:by|on|in|at|from)\s+(?P<rest>.+)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^read\s+the\s+(?:original|full)\s+(?:article|story)\s+(?:at|on)\s+(?P<rest>.+)$",
        re.IGNORECASE,
    ),
)
_CREDIT_MAX_WORDS = 30
_SITE_MAX_WORDS = 7
_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
_MONTHS = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"  # short or long
_SITE_TAIL = re.compile(
    rf"(?:,?\s+(?:on|in)\s+(?:{_MONTHS}|\d).*|,\s*(?:{_MONTHS}|\d).*"
    r"|\.\s+(?:Read|See|Click|Republished|Used|Reproduced|Copyright)\b.*)$",
    re.IGNORECASE,
)

_FAQ_HEADING = re.compile(
    r"^(?:#{1,6}\s*)?[*_]{0,2}\s*(?:FAQs?|Frequently\s+asked\s+questions|Questions\s+and\s+answers"
    r"|Q\s*&\s*A|Q\s+and\s+A|Common\s+questions|People\s+also\s+ask|Key\s+questions)"
    r"(?:\s*\([^)]*\))?\s*[*_]{0,2}\s*:?$",
    re.IGNORECASE,
)
_QUESTION_PREFIX = re.compile(
    r"^(?:#{1,6}\s*|[*_]{1,2}|(?:Q|Question)\s*\d*\s*[:.)]\s*|\d{1,2}\s*[.)]\s*)+", re.IGNORECASE
)
_INNER_SENTENCE_END = re.compile(r"[.!?][\"'”’)]?\s+[\"“'‘(]?[A-Z]")
_FAQ_MAX_QUESTION_WORDS = 35
_FAQ_MAX_ANSWER_LINES = 4

_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()\s]+|[^()]*\([^()]*\)[^()]*)(?:\s+\"[^\"]*\")?\)")
_MD_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_MD_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_MD_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,})$")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_EM = re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])")
_MD_CODE = re.compile(r"`([^`]+)`")
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?")
_MD_BULLET = re.compile(r"^(\s*)[*+-]\s+")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_HTML_START = re.compile(
    r"\A(?:\ufeff)?\s*(?:<!--.*?-->\s*)*(?:<\?xml[^>]*>\s*)?(?:<!doctype\s+html|<html[\s>])",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(
    r"<(?:p|div|article|section|body|head|h[1-6]|main|span|table|ul|ol|br|meta|title)\b[^>]*>",
    re.IGNORECASE,
)


# --- public API -------------------------------------------------------------------------


def paragraph_offsets(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of each non-blank line of ``text`` (one paragraph per line).

    >>> paragraph_offsets("One.\\n\\nTwo.")
    [(0, 4), (6, 10)]
    """
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def from_text(
    text: str,
    meta: ArticleMeta | None = None,
    *,
    source: str | None = None,
    markdown: bool = False,
    check_language: bool = True,
) -> Article:
    """Build an Article from plain text (or Markdown when ``markdown``).

    Parses a leading ``Title:``/``Author:``/``Date:``/``Site:``/``URL:`` header, normalizes
    whitespace, splits off a trailing credit line and an appended FAQ block, checks that
    the text is English. Fields already set in ``meta`` win over the header's.

    >>> art = from_text("Title: Rain\\n\\nRain fell. Roads closed.\\nSource: The Daily Example")
    >>> art.meta.title, art.text, art.meta.site, art.paragraphs
    ('Rain', 'Rain fell. Roads closed.', 'The Daily Example', [(0, 24)])
    """
    text = normalize_text(text)
    found, text = _parse_front_matter(text) if markdown else ({}, text)
    header, text = parse_header(text)
    found.update({k: v for k, v in header.items() if v})
    text = _unwrap_hard_wrapped(text)
    if markdown:
        md_title, text = _strip_markdown(text)
        if md_title and not found.get("title"):
            found["title"] = md_title
    text = normalize_text(text)
    author, text = _split_byline(text)
    if author and not found.get("author"):
        found["author"] = author
    base = meta or ArticleMeta()
    merged = ArticleMeta(
        **{
            **{k: v for k, v in found.items() if k in ArticleMeta.model_fields},
            **base.model_dump(exclude_none=True),
        }
    )
    if source and not merged.source:
        merged = merged.model_copy(update={"source": source})
    return _finish(text, merged, source=source, check_language=check_language)


def from_html(html: str, *, url: str | None = None, source: str | None = None) -> Article:
    """Extract the main text and metadata of an HTML page with trafilatura.

    Navigation, cookie banners, related links and footers are dropped; the text keeps one
    paragraph per line.

    >>> page = ("<html><head><title>Dam opens</title></head><body><article><p>The new dam "
    ...         "on the Elm River opened on Monday after six years of building work.</p>"
    ...         "</article></body></html>")
    >>> from_html(page).text
    'The new dam on the Elm River opened on Monday after six years of building work.'
    """
    import trafilatura

    where = source or url
    doc: Any = None
    text = ""
    for precise in (True, False):  # 1. precision first; 2. recall when that finds no prose
        try:
            doc = trafilatura.bare_extraction(
                html,
                url=url,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                include_images=False,
                include_links=False,
                deduplicate=False,
                favor_precision=precise,
                favor_recall=not precise,
            )
        except (ValueError, TypeError, AttributeError, LookupError) as exc:
            raise NoArticleTextError(f"the HTML could not be parsed: {exc}", source=where) from None
        text = (getattr(doc, "text", None) or "") if doc is not None else ""
        if _has_prose(text):
            break
    else:
        raise NoArticleTextError("no article text found in the HTML page", source=where)
    title = _clean_field(getattr(doc, "title", None))
    date = _normalize_date(_clean_field(getattr(doc, "date", None)))
    site = _clean_field(getattr(doc, "sitename", None))
    page_url = _clean_field(getattr(doc, "url", None)) or url
    if not site and page_url:
        site = _hostname(page_url)
    meta = ArticleMeta(
        title=title,
        author=_clean_field(getattr(doc, "author", None)),
        date=date,
        site=site,
        url=page_url,
        source=source or url,
    )
    text = normalize_text(text)
    text = _drop_title_line(text, title)
    author, text = _split_byline(text)
    if author and not meta.author:
        meta = meta.model_copy(update={"author": author})
    if not text.strip():
        raise NoArticleTextError("no article text found in the HTML page", source=where)
    return _finish(text, meta, source=where, check_language=True)


def from_bytes(
    data: bytes,
    *,
    source: str | None,
    content_type: str | None = None,
    url: str | None = None,
    max_bytes: int = settings.MAX_INPUT_BYTES,
) -> Article:
    """Build an Article from raw bytes: size, binary and charset checks, then HTML or text.

    ``content_type`` (an HTTP header value) and the extension of ``source`` decide between
    HTML, Markdown and text; otherwise the content is sniffed.

    >>> from_bytes(b"Caf\\xe9 owners in Lyon raised prices on Monday.", source="-").text
    'Café owners in Lyon raised prices on Monday.'
    """
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"the input is {len(data)} bytes, over the limit of {max_bytes} bytes",
            source=source,
        )
    text, warnings = _decode(data, content_type=content_type, source=source)
    kind = _kind(text, content_type=content_type, name=url or source)
    if kind == "html":
        article = from_html(text, url=url, source=source)
    else:
        meta = ArticleMeta(url=url) if url else None
        article = from_text(text, meta, source=source, markdown=kind == "markdown")
    return article.model_copy(update={"warnings": warnings}) if warnings else article


def load(
    source: str | Path | Article,
    *,
    allow_private: bool = False,
    max_bytes: int = settings.MAX_INPUT_BYTES,
    fetch_timeout: float = settings.FETCH_TIMEOUT_S,
) -> Article:
    """Load an article from a path, an http(s) URL, ``"-"`` (stdin), raw text/HTML or an Article.

    ``fetch_timeout`` bounds the whole download of a URL (connection closed when it passes).

    >>> load("Heavy rain closed three roads in Elmford on Tuesday, police said.").text
    'Heavy rain closed three roads in Elmford on Tuesday, police said.'
    """
    if isinstance(source, Article):
        return source
    if isinstance(source, Path):
        return from_bytes(_read_file(source, max_bytes), source=str(source), max_bytes=max_bytes)
    if not isinstance(source, str):
        raise InputError(f"cannot load an article from a {type(source).__name__}")
    if source == "-":
        return from_bytes(_read_stdin(max_bytes), source="-", max_bytes=max_bytes)
    if re.fullmatch(r"https?://\S+", source.strip(), re.IGNORECASE):
        from newsfaq.ingest.fetch import fetch_url

        url = source.strip()
        result = fetch_url(
            url, allow_private=allow_private, max_bytes=max_bytes, timeout=fetch_timeout
        )
        return from_bytes(
            result.content,
            source=url,
            content_type=result.content_type,
            url=result.url,
            max_bytes=max_bytes,
        )
    if _names_a_file(source):
        # "article.txt" is a file name, never an article: read the file (or say it is missing)
        return load(Path(source.strip()).expanduser(), max_bytes=max_bytes)
    return from_string(source, max_bytes=max_bytes)


def from_string(
    text: str,
    *,
    html: bool = False,
    source: str | None = None,
    url: str | None = None,
    max_bytes: int = settings.MAX_INPUT_BYTES,
) -> Article:
    """An article given as a string (the web API's ``text``/``html``, a JSONL field, raw text).

    It takes the path of a file's bytes (:func:`from_bytes`): size cap, binary signatures and
    control characters, decoding, HTML/Markdown sniffing (``html`` forces HTML), language.
    ``url`` is where the article was published (kept only if it is an http(s) URL).

    >>> from_string("\x7fELF\x02\x01\x01 and then some more words of an executable")
    Traceback (most recent call last):
    ...
    newsfaq.errors.BinaryInputError: the input is binary data (executable), not an article
    """
    data = text.encode("utf-8", errors="replace")  # a lone surrogate becomes "?"
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"the text is {len(data)} bytes, over the limit of {max_bytes} bytes", source=source
        )
    content_type = "text/html; charset=utf-8" if html else "text/plain; charset=utf-8"
    article = from_bytes(
        data,
        source=source,
        content_type=content_type,
        url=url if html else None,
        max_bytes=max_bytes,
    )
    page_url = http_url(url)
    if page_url and not html and not article.meta.url:
        article = article.model_copy(
            update={"meta": article.meta.model_copy(update={"url": page_url})}
        )
    return article


def _names_a_file(text: str) -> bool:
    """A one-word string that is an existing file or ends like an article file name."""
    word = text.strip()
    if not word or len(word) > 1024 or any(c.isspace() for c in word):
        return False
    path = Path(word).expanduser()
    suffixes = HTML_SUFFIXES | MARKDOWN_SUFFIXES | {".txt", ".text"}
    return path.suffix.lower() in suffixes or path.is_file()


# --- decoding ---------------------------------------------------------------------------


def decode_bytes(data: bytes, *, content_type: str | None = None, source: str | None = None) -> str:
    """Decode bytes to text, refusing binary data and bytes no charset reads.

    Order: byte-order mark; the charset declared by ``content_type`` or an HTML/XML
    declaration; UTF-8; charset-normalizer's best guess (cp1252 when it reads as well).

    >>> decode_bytes("Zoë".encode("cp1252"))
    'Zoë'
    """
    return _decode(data, content_type=content_type, source=source)[0]


def _decode(data: bytes, *, content_type: str | None, source: str | None) -> tuple[str, list[str]]:
    """:func:`decode_bytes`, plus a warning when invalid UTF-8 bytes were replaced."""
    if not data.strip():
        raise EmptyInputError("the input is empty", source=source)
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                raise DecodeError(f"the bytes are not valid {codec}", source=source) from None
            _check_text_not_binary(text, source=source)
            return text.lstrip("\ufeff"), []
    _check_bytes_not_binary(data, source=source)
    for codec in _declared_charsets(data, content_type):
        try:
            text = data.decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        _check_text_not_binary(text, source=source)
        return text, []
    warnings: list[str] = []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        bad = _invalid_utf8_share(data)
        if bad is not None:
            text = data.decode("utf-8", errors="replace")
            warnings.append(
                f"the input is UTF-8 with {bad} invalid byte sequence(s), replaced by U+FFFD"
            )
        else:
            text = _guess_decode(data, source=source)
    _check_text_not_binary(text, source=source)
    return text, warnings


def _invalid_utf8_share(data: bytes) -> int | None:
    """How many invalid UTF-8 sequences ``data`` holds, when nearly all of its non-ASCII
    sequences are valid UTF-8 (a UTF-8 file with a few bad bytes); None otherwise (another
    charset, e.g. cp1252, whose high bytes almost never form valid UTF-8)."""
    decoded = data.decode("utf-8", errors="replace")
    invalid = decoded.count("\ufffd") - data.count("\ufffd".encode())
    valid = sum(1 for ch in decoded if ord(ch) > 127) - decoded.count("\ufffd")
    if invalid <= 0 or valid < _MIN_UTF8_SEQUENCES:
        return None
    return invalid if valid / (valid + invalid) >= _MIN_UTF8_SHARE else None


def _declared_charsets(data: bytes, content_type: str | None) -> list[str]:
    """Charsets declared by the HTTP content type, then by an HTML meta tag / XML prolog."""
    found: list[str] = []
    if content_type:
        m = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", content_type, re.IGNORECASE)
        if m:
            found.append(m.group(1))
    head = data[:4096]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        declared = pattern.search(head)
        if declared:
            found.append(declared.group(1).decode("ascii", errors="ignore"))
    codecs: list[str] = []
    for name in found:
        codec = _codec_name(name)
        if codec and codec not in codecs:
            codecs.append(codec)
    return codecs


def _codec_name(name: str) -> str | None:
    """Python codec name for a declared charset; latin-1/ascii read as cp1252 (as browsers do)."""
    import codecs

    try:
        codec = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return "cp1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _guess_decode(data: bytes, *, source: str | None) -> str:
    """Decode non-UTF-8 bytes: cp1252 when it reads cleanly (the usual legacy Western
    encoding of English text), else charset-normalizer's best guess if it reads as language."""
    import charset_normalizer
    from charset_normalizer.md import mess_ratio

    try:
        western = data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if float(mess_ratio(western, 1.0)) < _MAX_WESTERN_MESS:
            return western
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError(
            "the bytes could not be decoded as text in any known character set", source=source
        )
    text = str(best)
    letters = [ch for ch in text if ch.isalpha()]
    ascii_share = sum(ch.isascii() for ch in letters) / max(len(letters), 1)
    if float(best.coherence) == 0.0 and ascii_share < 0.5:
        raise DecodeError(
            f"the bytes do not decode to readable text (best guess {best.encoding} reads as noise)",
            source=source,
        )
    return text


def _check_bytes_not_binary(data: bytes, *, source: str | None) -> None:
    """Refuse known binary formats, NUL bytes and a high share of control bytes."""
    for magic in _BINARY_MAGIC:
        if data.startswith(magic) and (magic != b"BZh" or data[3:4].isdigit()):
            if magic == b"BM" and not _looks_binary_bitmap(data):
                continue
            if magic in _WORDLIKE_MAGIC and not _has_control_bytes(data[:64]):
                continue  # "ID3 tags ...", "RIFF ..." : a text that starts like a signature
            raise BinaryInputError(
                f"the input is binary data ({_magic_name(magic)}), not an article", source=source
            )
    sample = data[:65536]
    if b"\x00" in sample:
        raise BinaryInputError("the input is binary data (contains NUL bytes)", source=source)
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > _MAX_CONTROL_RATIO * len(sample):
        raise BinaryInputError(
            "the input is binary data (too many control characters)", source=source
        )


_WORDLIKE_MAGIC = frozenset({b"ID3", b"RIFF", b"OggS", b"fLaC", b"BZh"})


def _has_control_bytes(data: bytes) -> bool:
    """True when ``data`` holds bytes that never occur in text (C0 controls but tab/CR/LF)."""
    return any(b < 9 or 13 < b < 32 or b == 11 or b == 12 for b in data)


def _looks_binary_bitmap(data: bytes) -> bool:
    """A ``BM`` prefix is only a bitmap when its header declares the file size."""
    return len(data) >= 14 and int.from_bytes(data[2:6], "little") == len(data)


def _magic_name(magic: bytes) -> str:
    """A short human name for a binary format signature."""
    names = {
        b"\x89PNG\r\n\x1a\n": "PNG image",
        b"%PDF-": "PDF document",
        b"PK\x03\x04": "ZIP archive",
        b"PK\x05\x06": "ZIP archive",
        b"\x1f\x8b": "gzip data",
        b"GIF87a": "GIF image",
        b"GIF89a": "GIF image",
        b"\xff\xd8\xff": "JPEG image",
        b"\x7fELF": "executable",
    }
    return names.get(magic, "file signature " + repr(magic[:4])[2:-1])


def _check_text_not_binary(text: str, *, source: str | None) -> None:
    """Refuse decoded text made largely of control characters (a binary file in disguise)."""
    sample = text[:65536]
    if "\x00" in sample:
        raise BinaryInputError("the input is binary data (contains NUL characters)", source=source)
    controls = len(_BINARY_CONTROL_CHARS.findall(sample))
    if controls > _MAX_CONTROL_RATIO * max(len(sample), 1):
        raise BinaryInputError(
            "the input is binary data (too many control characters)", source=source
        )


# --- reading ----------------------------------------------------------------------------


def _read_file(path: Path, max_bytes: int) -> bytes:
    """Read a regular file's bytes under the size cap (devices, FIFOs, folders refused)."""
    return read_regular(path.expanduser(), max_bytes)


def _read_stdin(max_bytes: int) -> bytes:
    """Read standard input as bytes, at most ``max_bytes`` of them."""
    stream: Any = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raw = sys.stdin.read(max_bytes + 1)
        data = raw.encode("utf-8", errors="surrogatepass")
    else:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputTooLargeError(
            f"standard input is over the limit of {max_bytes} bytes", source="-"
        )
    return bytes(data)


# --- format sniffing --------------------------------------------------------------------


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML document or a fragment made of HTML tags.

    >>> looks_like_html("<!DOCTYPE html><html><body><p>Hi</p></body></html>")
    True
    >>> looks_like_html("Prices rose 3% <sic> in May.")
    False
    """
    if _HTML_START.match(text):
        return True
    head = text.lstrip()[:4096]
    return head.startswith("<") and len(_HTML_TAGS.findall(head)) >= 2 and "</" in head


def _kind(text: str, *, content_type: str | None, name: str | None) -> str:
    """'html', 'markdown' or 'text' from the content type, the file name, then the content."""
    mime = (content_type or "").split(";", 1)[0].strip().lower()
    suffix = Path(urlsplit(name).path if name and "://" in name else name or "").suffix.lower()
    if mime in ("text/html", "application/xhtml+xml") or suffix in HTML_SUFFIXES:
        return "html" if looks_like_html(text) or "<" in text else "text"
    if mime == "text/markdown" or suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if looks_like_html(text):
        return "html"
    return "markdown" if _looks_like_markdown(text) else "text"


def _looks_like_markdown(text: str) -> bool:
    """A leading ``# heading`` or front matter, or several ``[links](...)``, mean Markdown."""
    head = text.lstrip()[:4096]
    if re.match(r"#{1,3} \S", head) or _FRONT_MATTER.match(head):
        return True
    return len(_MD_LINK.findall(head)) >= 2


# --- text normalization -----------------------------------------------------------------


_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)
"""ftfy repairs mojibake only ("Â£300m", "cafÃ©"); quotes, widths and the rest are kept."""


def normalize_text(text: str) -> str:
    """Mojibake repaired, newlines to ``\\n``, NFC, no trailing spaces, at most one blank line,
    trimmed ends.

    >>> normalize_text("A  \\r\\n\\r\\n\\r\\nB\\u2028C ")
    'A\\n\\nB\\nC'
    >>> normalize_text("The Â£300m plant, said the cafÃ© owner.")
    'The £300m plant, said the café owner.'
    """
    text = ftfy.fix_text(text, _FTFY)
    text = text.replace("\ufeff", "")
    text = re.sub(r"\r\n?|[\u2028\u2029\x85\x0b\x0c]", "\n", text)
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL_CHARS.sub("", text)
    text = re.sub(r"[ \t\u00a0\u3000]+$", "", text, flags=re.MULTILINE)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip("\n").rstrip()


def _unwrap_hard_wrapped(text: str) -> str:
    """Join lines of hard-wrapped paragraphs (blank-line separated, lines cut near a width)."""
    lines = text.split("\n")
    lengths = [len(line) for line in lines if line.strip()]
    if len(lengths) < 3 or "" not in lines:
        return text
    width = max(lengths)
    if width > 100 or width < 40:
        return text
    wrapped = sum(1 for n in lengths if n >= width - 20)
    if wrapped < len(lengths) / 3:
        return text
    out: list[str] = []
    for line in lines:
        prev = out[-1] if out else ""
        joinable = (
            prev.strip()
            and line.strip()
            and len(prev) >= width - 20
            and not _MD_BULLET.match(line)
            and not re.match(r"^\s*(?:\d{1,3}[.)]|#|>|\||```)", line)
            and (not re.search(r"[.!?:;\"”’)]$", prev) or re.match(r"^[a-z0-9(,;]", line.strip()))
        )
        if joinable:
            out[-1] = prev.rstrip() + " " + line.strip()
        else:
            out.append(line)
    return "\n".join(out)


def parse_header(text: str) -> tuple[dict[str, str], str]:
    """Split a leading ``Key: value`` header block (ended by a blank line) from the text.

    Keys: Title, Author (By, Byline), Date (Published), Site (Publisher), URL (Link).
    The date is normalized to ISO 8601 when it can be read.

    >>> parse_header("Title: Rain\\nDate: March 3, 2024\\n\\nRain fell.")
    ({'title': 'Rain', 'date': '2024-03-03'}, 'Rain fell.')
    """
    lines = text.split("\n")
    found: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            if found and i < len(lines) - 1:
                return found, "\n".join(lines[i + 1 :]).lstrip("\n")
            break
        m = _HEADER_LINE.match(line.strip())
        if not m or m.group(1).lower() not in _HEADER_KEYS:
            break
        key = _HEADER_KEYS[m.group(1).lower()]
        value = m.group(2).strip()
        if key == "date":
            value = _normalize_date(value) or value
        if value and key not in found:
            found[key] = value
    else:
        return found, ""  # header lines only: no body
    return {}, text


def _parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Read title/author/date/site/url from a YAML-style ``---`` front-matter block."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    found: dict[str, str] = {}
    for line in m.group(1).split("\n"):
        hm = _HEADER_LINE.match(line.strip())
        if hm and hm.group(1).lower() in _HEADER_KEYS:
            key = _HEADER_KEYS[hm.group(1).lower()]
            value = hm.group(2).strip().strip("\"'")
            if key == "date":
                value = _normalize_date(value) or value
            if value and key not in found:
                found[key] = value
    return found, text[m.end() :]


def _strip_markdown(text: str) -> tuple[str | None, str]:
    """Remove Markdown markup; return the first top-level heading (as title) and the text."""
    text = _HTML_COMMENT.sub("", text)
    lines = text.split("\n")
    out: list[str] = []
    title: str | None = None
    in_code = False
    for line in lines:
        if line.lstrip().startswith(("```", "~~~")):
            in_code = not in_code
            continue
        if in_code:
            out.append(line)
            continue
        if _MD_REF_DEF.match(line):
            continue
        if _MD_SETEXT.match(line) and out and out[-1].strip():
            if title is None and line.strip().startswith("=") and len(out) == 1:
                title = _inline_markdown(out.pop()).strip()
            continue
        if _MD_RULE.match(line):
            out.append("")
            continue
        heading = _MD_HEADING.match(line)
        if heading:
            content = _inline_markdown(heading.group(2)).strip()
            body_started = any(o.strip() for o in out)
            if title is None and heading.group(1) == "#" and not body_started:
                title = content
                continue
            out.append(content)
            continue
        line = _MD_QUOTE.sub("", line)
        line = _MD_BULLET.sub(r"\1", line)
        out.append(_inline_markdown(line))
    return title, "\n".join(out)


def _inline_markdown(line: str) -> str:
    """Images dropped, links to their text, emphasis and code marks removed."""
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_REF_LINK.sub(r"\1", line)
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_EM.sub(r"\2", line)
    return _MD_CODE.sub(r"\1", line)


def _split_byline(text: str) -> tuple[str | None, str]:
    """Split a leading ``By Jane Doe`` line off the text."""
    first, _, rest = text.partition("\n")
    m = _BYLINE.match(first.strip())
    if not m or not rest.strip() or m.group(1).split()[0].lower() in _NOT_NAMES:
        return None, text
    return m.group(1).strip(), rest.lstrip("\n")


def _drop_title_line(text: str, title: str | None) -> str:
    """Drop the first line when it repeats the title (trafilatura keeps the ``<h1>``)."""
    if not title:
        return text
    first, _, rest = text.partition("\n")
    if _squash(first) == _squash(title) and rest.strip():
        return rest.lstrip("\n")
    return text


def _has_prose(text: str) -> bool:
    """True when some line reads like a sentence (six words or more, ending in punctuation)
    and is not a comment policy ("Keep it civil and stay on topic. ... By posting your comment,
    you agree ...": what a precise extraction returns for some pages instead of the article)."""
    return any(
        len(line.split()) >= 6
        and re.search(r"[.!?][\"'”’)]*$", line.strip())
        and not _comment_policy(line)
        for line in text.split("\n")
    )


_COMMENTING = re.compile(r"\b(?:comments?|commenting|posting)\b", re.IGNORECASE)
_POLICY = re.compile(
    r"\b(?:user agreement|terms of (?:use|service)|keep it civil|stay on topic|profanity|"
    r"community guidelines)\b",
    re.IGNORECASE,
)


def _comment_policy(line: str) -> bool:
    """A line of a page's rules for reader comments."""
    return bool(_COMMENTING.search(line) and _POLICY.search(line))


def _squash(text: str) -> str:
    """Lowercase letters and digits only, for loose comparisons."""
    return re.sub(r"\W+", "", text.lower())


# --- credit line and appended FAQ -------------------------------------------------------


def split_credit_line(text: str) -> tuple[str, str | None, str | None, str | None]:
    """Split a trailing credit line off ``text``.

    Returns ``(body, credit_line, site, url)``; site and URL are read from the credit line
    when it names them.

    >>> split_credit_line("Rain fell.\\nOriginal Article: Business Insider")
    ('Rain fell.', 'Original Article: Business Insider', 'Business Insider', None)
    """
    body, sep, last = text.rstrip().rpartition("\n")
    line = last.strip()
    if not sep or not body.strip():
        return text, None, None, None
    inner = line.strip("*_[]() ").lstrip("—–-").strip("*_ ")
    if len(inner.split()) > _CREDIT_MAX_WORDS:
        return text, None, None, None
    for pattern in _CREDIT_PATTERNS:
        m = pattern.match(inner)
        if m:
            site, url = _credit_site(m.group("rest"))
            return body.rstrip(), line, site, url
    return text, None, None, None


def _credit_site(rest: str) -> tuple[str | None, str | None]:
    """The site name and URL a credit line names, when they can be told apart."""
    url_match = _URL.search(rest)
    url = url_match.group(0).rstrip(".,;:") if url_match else None
    name = _URL.sub("", rest).strip()
    name = _SITE_TAIL.sub("", name)
    name = re.sub(r"\s*(?:[(\[][^)\]]*[)\]]|[,;:|–—-])\s*$", "", name).strip()
    name = re.sub(r"^(?:the\s+website\s+|the\s+site\s+)", "", name, flags=re.IGNORECASE)
    name = name.strip(" .,;:|*_\"'“”").strip()
    if not name and url:
        return _hostname(url), url
    if not name or len(name.split()) > _SITE_MAX_WORDS or not re.search(r"[A-Za-z]", name):
        return None, url
    return name, url


def split_appended_faq(text: str) -> tuple[str, str | None]:
    """Split an FAQ block appended to the end of the article off the body.

    The block is two or more question lines (ending in "?"), each followed by one to four
    answer lines, optionally under a heading such as "FAQ". A lone question in the body is
    left alone. Returns ``(body, appended_text)``.

    >>> body, faq = split_appended_faq(
    ...     "Rain fell on Monday.\\nWhy?\\nA storm.\\nWhen?\\nOn Monday.")
    >>> body, faq
    ('Rain fell on Monday.', 'Why?\\nA storm.\\nWhen?\\nOn Monday.')
    """
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    i = len(lines) - 1
    groups = 0
    start: int | None = None
    while i >= 0:
        j = i
        while j >= 0 and not _is_question(lines[j][1]) and not _FAQ_HEADING.match(lines[j][1]):
            if i - j >= _FAQ_MAX_ANSWER_LINES:
                break
            j -= 1
        answers = i - j
        if answers == 0 or j < 0 or not _is_question(lines[j][1]):
            break
        groups += 1
        start = j
        i = j - 1
    if start is None:
        return text, None
    heading = i >= 0 and start == i + 1 and bool(_FAQ_HEADING.match(lines[i][1].strip()))
    if heading:
        start = i
    if groups < (1 if heading else 2) or start == 0:
        return text, None
    offset = lines[start][0]
    return text[:offset].rstrip(), text[offset:].strip()


def _is_question(line: str) -> bool:
    """A one-sentence question line of an FAQ block ("Q: ...?", "**...?**", "1. ...?")."""
    core = _QUESTION_PREFIX.sub("", line.strip()).strip().rstrip("*_ ").strip()
    if not core.endswith("?") or len(core) < 4:
        return False
    if len(core.split()) > _FAQ_MAX_QUESTION_WORDS:
        return False
    return not _INNER_SENTENCE_END.search(core[:-1])


# --- finishing ----------------------------------------------------------------------------


def _finish(text: str, meta: ArticleMeta, *, source: str | None, check_language: bool) -> Article:
    """Split credit line and appended FAQ, check emptiness, size and language, build the Article."""
    text = normalize_text(text)
    if not text:
        raise EmptyInputError("the text is empty (or whitespace only)", source=source)
    body, credit, site, url = split_credit_line(text)
    body, appended = split_appended_faq(body)
    if credit is None and appended is not None:
        body, credit, site, url = split_credit_line(body)
    body = normalize_text(body)
    if not body:
        raise EmptyInputError("the article has no body text", source=source)
    if len(body) > settings.MAX_TEXT_CHARS:
        raise InputTooLargeError(
            f"the article text is {len(body):,} characters, over the limit of "
            f"{settings.MAX_TEXT_CHARS:,}",
            source=source,
        )
    updates: dict[str, str | None] = {}
    if site and not meta.site:
        updates["site"] = site
    if meta.url and http_url(meta.url) is None:
        updates["url"] = None  # "URL: javascript:..." is not a link to the article
    if url and not meta.url:
        updates["url"] = http_url(url)
    if check_language:
        _check_english(body, source=source)
        updates["language"] = "en"
    if updates:
        meta = meta.model_copy(update=updates)
    return Article(
        meta=meta,
        text=body,
        paragraphs=paragraph_offsets(body),
        credit_line=credit,
        appended_text=appended,
    )


def _word_count(text: str) -> int:
    """Words of two letters or more; scripts written without spaces count two characters a word."""
    unspaced = len(_UNSPACED_SCRIPT.findall(text))
    return len(re.findall(r"[^\W\d_]{2,}", _UNSPACED_SCRIPT.sub(" ", text))) + unspaced // 2


@functools.lru_cache(maxsize=1)
def _language_identifier() -> Any:
    """The py3langid identifier with normalized probabilities (loaded once, ~0.7 s)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """The most likely language of ``text`` (ISO 639 code) and its probability."""
    lang, prob = _language_identifier().classify(text[:_LANGUAGE_ID_CHARS])
    return str(lang), float(prob)


def _check_english(text: str, *, source: str | None) -> None:
    """Refuse text the language identifier confidently places in another language."""
    if _word_count(text) < settings.MIN_WORDS_FOR_LANGUAGE_ID:
        return
    lang, prob = detect_language(text)
    if lang in _ENGLISH_LIKE or prob < settings.MIN_ENGLISH_CONFIDENCE:
        return
    name = _LANGUAGE_NAMES.get(lang, lang)
    raise NotEnglishError(
        f"the article is in {name} ({lang}); newsfaq handles English only",
        language=lang,
        source=source,
    )


# --- small helpers ----------------------------------------------------------------------


def _normalize_date(value: str | None) -> str | None:
    """ISO 8601 (YYYY-MM-DD) for common date spellings; None when unreadable."""
    if not value:
        return None
    value = value.strip()
    m = re.match(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", value)
    if m:
        try:
            return datetime.strptime(m.group(1), "%Y-%m-%d").date().isoformat()
        except ValueError:
            return None
    cleaned = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", value).replace("Sept.", "Sep.")
    cleaned = re.sub(r"\s+", " ", cleaned)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def http_url(value: str | None) -> str | None:
    """``value`` if it is an absolute http(s) URL with a host, else None (never emitted).

    >>> http_url("https://example.org/a"), http_url("javascript:alert(1)"), http_url("//x.org")
    ('https://example.org/a', None, None)
    """
    if not value:
        return None
    value = value.strip()
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch.isspace() or ord(ch) < 32 for ch in value):
        return None
    return value


_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _clean_field(value: object) -> str | None:
    """A metadata string with whitespace collapsed and character references left by a page
    that escaped it twice decoded ("Sean Penn &#039;proposes&#039;"), or None when empty.

    >>> _clean_field("Penn &#039;proposes&#039;  to  Theron")
    "Penn 'proposes' to Theron"
    """
    if not isinstance(value, str):
        return None
    for _ in range(2):
        if not _ENTITY.search(value):
            break
        value = _unescape_html(value)
    value = " ".join(value.split())
    return value or None


def _hostname(url: str) -> str | None:
    """The host of ``url`` without a leading ``www.``."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host
