"""Ingest: text, Markdown, HTML, stdin, charsets, credit lines, appended FAQs, bad input."""

from __future__ import annotations

import io
import sys
import textwrap
from pathlib import Path

import pytest

from newsfaq.errors import (
    BinaryInputError,
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    NewsfaqError,
    NoArticleTextError,
    NotEnglishError,
    SourceNotFoundError,
)
from newsfaq.ingest.loader import (
    decode_bytes,
    from_bytes,
    from_html,
    from_text,
    load,
    looks_like_html,
    normalize_text,
    paragraph_offsets,
    parse_header,
    split_appended_faq,
    split_credit_line,
)
from newsfaq.models import Article, ArticleMeta

P1 = (
    "The city council of Elmford voted on Tuesday night to approve a new budget that raises "
    "spending on schools by four percent and cuts road maintenance by two percent."
)
P2 = (
    "Mayor Linda Osei said the budget was a compromise. Opponents said it would leave potholes "
    "unfilled for another year and promised to fight it at the next election."
)
P3 = (
    "The budget takes effect on July 1, and the council will review it again in January, "
    "according to the city's finance office."
)

INLINE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Council approves new bridge | The Riverside Gazette</title>
<meta property="og:site_name" content="The Riverside Gazette">
<meta name="author" content="Jane Porter">
<meta property="article:published_time" content="2024-03-14T09:00:00Z">
<link rel="canonical" href="https://gazette.example.com/news/bridge">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/sports">Sports</a></li>
<li><a href="/weather">Weather</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. Accept all cookies.</div>
<article>
<h1>Council approves new bridge</h1>
<p>The Riverside city council voted 7 to 2 on Wednesday to approve a new pedestrian bridge
across the Elm River, ending a debate that lasted more than three years.</p>
<p>The bridge will cost about $4.2 million and is expected to open in the spring of 2026,
according to the city's public works department.</p>
<p>"This connects two neighbourhoods that have been cut off from each other for decades,"
said council member Rosa Delgado, who proposed the plan.</p>
</article>
<footer><p>Copyright 2024 The Riverside Gazette. All rights reserved.</p>
<p>Subscribe to our newsletter</p></footer>
</body></html>
"""


def assert_paragraphs_valid(article: Article) -> None:
    """Paragraph offsets cover every non-blank line of the text, each one exactly."""
    text = article.text
    assert article.paragraphs == paragraph_offsets(text)
    assert article.paragraphs, "no paragraphs"
    lines = [line for line in text.split("\n") if line.strip()]
    assert [text[s:e] for s, e in article.paragraphs] == lines
    for start, end in article.paragraphs:
        assert 0 <= start < end <= len(text)


# --- the shared example -------------------------------------------------------------------


def test_shared_example_credit_faq_and_body(example_path: Path) -> None:
    article = load(example_path)
    assert article.credit_line == "Original Article: Business Insider"
    assert "Business Insider" in article.credit_line
    assert article.meta.site == "Business Insider"
    assert article.meta.language == "en"
    assert article.meta.source == str(example_path)

    appended = article.appended_text
    assert appended is not None
    questions = [line for line in appended.split("\n") if line.endswith("?")]
    assert questions == [
        "Why is Russia struggling to meet its recruitment quotas?",
        "What are the consequences if Russia fails to meet its recruitment targets?",
        "How many Russian soldiers have died in the conflict?",
    ]
    raw = example_path.read_text(encoding="utf-8")
    assert appended in raw  # verbatim
    for question in questions:
        assert question not in article.text
    assert "repercussions for both local officials and the Kremlin" not in article.text
    assert "Business Insider" not in article.text
    assert article.text.endswith("the increasing strain on Russian forces.")
    assert article.text.startswith("A recently leaked video has shed light")
    assert len(article.paragraphs) == 6
    assert_paragraphs_valid(article)


def test_shared_example_via_str_path_is_raw_text_but_same_body(example_path: Path) -> None:
    # a str that is not a URL or "-" is raw text: the same content gives the same article
    raw = example_path.read_text(encoding="utf-8")
    article = load(raw)
    assert article.text == load(example_path).text
    assert article.meta.site == "Business Insider"
    assert article.meta.source is None


# --- the project's test articles ---------------------------------------------------------


ENGLISH_ARTICLES = [
    "politics.txt",
    "business.txt",
    "science.txt",
    "sports.txt",
    "court.txt",
    "obituary.txt",
    "brief.txt",
    "feature.txt",
    "plain_no_meta.txt",
    "with_faq.txt",
    "news_page.html",
]


@pytest.mark.parametrize("name", ENGLISH_ARTICLES)
def test_every_test_article_loads_with_valid_paragraphs(articles_dir: Path, name: str) -> None:
    path = articles_dir / name
    if not path.exists():
        pytest.fail(f"missing test article {path}")
    article = load(path)
    assert article.meta.language == "en"
    assert (article.appended_text is not None) == (name == "with_faq.txt")
    assert article.text == article.text.strip()
    assert "\r" not in article.text and "\n\n\n" not in article.text
    assert all(line == line.rstrip() for line in article.text.split("\n"))
    assert_paragraphs_valid(article)


def test_header_of_test_article(articles_dir: Path) -> None:
    article = load(articles_dir / "politics.txt")
    meta = article.meta
    assert meta.title == "Lowland Assembly Passes Rail Funding Bill After Marathon Session"
    assert meta.author == "Daniel Verhoeven"
    assert meta.date == "2025-03-07"
    assert meta.site == "Northgate Ledger"
    assert meta.url == "https://example.com/politics/2025/03/07/lowland-assembly-rail-bill"
    assert article.text.startswith("The Lowland Regional Assembly approved")
    assert "Title:" not in article.text and "Author:" not in article.text


def test_header_parsing_inline() -> None:
    text = (
        "Title: Elmford passes budget\nAuthor: Sam Lee\nDate: November 20, 2023\n"
        "Site: Elmford Herald\nURL: https://example.com/budget\n\n" + P1 + "\n\n" + P2
    )
    article = from_text(text)
    assert article.meta == ArticleMeta(
        title="Elmford passes budget",
        author="Sam Lee",
        date="2023-11-20",
        site="Elmford Herald",
        url="https://example.com/budget",
        language="en",
    )
    assert article.text == P1 + "\n\n" + P2
    assert_paragraphs_valid(article)


def test_header_needs_known_keys_and_blank_line() -> None:
    assert parse_header("Note: this is not a header\n\nBody.") == (
        {},
        "Note: this is not a header\n\nBody.",
    )
    no_blank = "Title: No blank line after it\nThe body starts here."
    assert parse_header(no_blank) == ({}, no_blank)
    assert parse_header("Title: Only a header\nAuthor: Ann Cole") == (
        {"title": "Only a header", "author": "Ann Cole"},
        "",
    )
    found, body = parse_header("Date: 2024-01-05T10:00:00Z\nBy: Ann Cole\n\nBody text.")
    assert found == {"date": "2024-01-05", "author": "Ann Cole"}
    assert body == "Body text."


def test_byline_line_becomes_author() -> None:
    article = from_text("By Ann Cole and Bo Li\n\n" + P1)
    assert article.meta.author == "Ann Cole and Bo Li"
    assert article.text == P1
    # "By Friday" is an adverbial, not a byline
    kept = from_text("By Friday\n\n" + P1)
    assert kept.meta.author is None
    assert kept.text.startswith("By Friday\n")


def test_explicit_meta_wins_over_header() -> None:
    article = from_text("Title: From header\n\n" + P1, ArticleMeta(title="Given"))
    assert article.meta.title == "Given"
    assert article.text == P1


def test_with_faq_test_article(articles_dir: Path) -> None:
    article = load(articles_dir / "with_faq.txt")
    assert article.credit_line == "Originally published by The Harbor Times"
    assert article.meta.site == "The Harbor Times"
    assert article.appended_text is not None
    assert article.appended_text.startswith("Frequently Asked Questions")
    assert article.appended_text.count("?") == 3
    assert "Frequently Asked Questions" not in article.text
    assert "?" not in article.text.split("\n")[-1]
    assert "Harbor Times" not in article.text


def test_plain_article_with_source_credit(articles_dir: Path) -> None:
    article = load(articles_dir / "plain_no_meta.txt")
    assert article.credit_line == "Source: Riverside Gazette"
    assert article.meta.site == "Riverside Gazette"
    assert article.meta.title is None
    assert article.appended_text is None
    assert not article.text.endswith("Riverside Gazette")


def test_news_page_html(articles_dir: Path) -> None:
    path = articles_dir / "news_page.html"
    article = load(path)
    meta = article.meta
    assert meta.title == "Oakridge opens first new fire station in 30 years"
    assert meta.author == "Samuel Adeyemi"
    assert meta.date == "2025-09-12"
    assert meta.site == "Oakridge Evening Post"
    assert meta.url == "https://example.com/local/2025/09/12/oakridge-eastside-fire-station"
    text = article.text
    assert text.startswith("Oakridge opened its first new fire station in three decades")
    assert "cost $14.6 million" in text
    assert '"This is a good start, but it is only a start," she said.' in text
    assert text.rstrip().endswith("from 10 a.m. to 3 p.m.")
    for boilerplate in (
        "We use cookies",
        "Cookie settings",
        "Most read",
        "Water main break",
        "All rights reserved",
        "Subscribe",
        "Related stories",
        "Get the Morning Briefing",
        "Share on Facebook",
        "Advertisement",
    ):
        assert boilerplate not in text, boilerplate
    assert_paragraphs_valid(article)
    assert len(article.paragraphs) == 9


def test_inline_html_with_boilerplate() -> None:
    article = from_html(INLINE_PAGE, source="inline.html")
    assert article.meta.title == "Council approves new bridge"
    assert article.meta.author == "Jane Porter"
    assert article.meta.date == "2024-03-14"
    assert article.meta.site == "The Riverside Gazette"
    assert article.meta.url == "https://gazette.example.com/news/bridge"
    assert article.text.split("\n")[0].startswith("The Riverside city council voted 7 to 2")
    assert "said council member Rosa Delgado" in article.text
    for boilerplate in ("Home", "Weather", "cookies", "Copyright", "Subscribe"):
        assert boilerplate not in article.text
    assert len(article.paragraphs) == 3
    assert_paragraphs_valid(article)


def test_raw_html_string_and_html_bytes_are_sniffed(tmp_path: Path) -> None:
    assert looks_like_html(INLINE_PAGE)
    assert load(INLINE_PAGE).meta.title == "Council approves new bridge"
    page = tmp_path / "page.txt"  # wrong extension: sniffed from the content
    page.write_text(INLINE_PAGE, encoding="utf-8")
    assert load(page).meta.site == "The Riverside Gazette"
    article = from_bytes(INLINE_PAGE.encode(), source="x", content_type="text/html")
    assert len(article.paragraphs) == 3


# --- credit lines and appended FAQ blocks ------------------------------------------------


@pytest.mark.parametrize(
    ("line", "site", "url"),
    [
        ("Original Article: Business Insider", "Business Insider", None),
        ("Original article: Business Insider", "Business Insider", None),
        ("Source: Reuters", "Reuters", None),
        ("Originally published by The Harbor Times", "The Harbor Times", None),
        ("Originally published by The Conversation on March 3, 2023", "The Conversation", None),
        (
            "This article was originally published on The Conversation. Read the original article.",
            "The Conversation",
            None,
        ),
        ("Credit: Associated Press", "Associated Press", None),
        (
            "Source: https://www.example.com/news/2023/11/story",
            "example.com",
            "https://www.example.com/news/2023/11/story",
        ),
    ],
)
def test_credit_lines(line: str, site: str, url: str | None) -> None:
    article = from_text(P1 + "\n" + P2 + "\n" + line)
    assert article.credit_line == line
    assert article.meta.site == site
    assert article.meta.url == url
    assert article.text == P1 + "\n" + P2


def test_credit_line_does_not_override_known_site() -> None:
    article = from_text("Site: Elmford Herald\n\n" + P1 + "\nSource: Reuters")
    assert article.meta.site == "Elmford Herald"
    assert article.credit_line == "Source: Reuters"


def test_ordinary_last_paragraph_is_not_a_credit() -> None:
    body, credit, site, url = split_credit_line(P1 + "\n" + P2)
    assert (body, credit, site, url) == (P1 + "\n" + P2, None, None, None)


def test_faq_block_with_heading_and_qa_prefixes() -> None:
    faq = (
        "FAQ\n"
        "Q: When does the budget take effect?\n"
        "A: On July 1.\n"
        "Q: Who approved it?\n"
        "A: The city council of Elmford.\n"
        "It voted on Tuesday night."
    )
    article = from_text("\n".join([P1, P2, P3, faq, "Source: Elmford Herald"]))
    assert article.appended_text == faq
    assert article.text == "\n".join([P1, P2, P3])
    assert article.credit_line == "Source: Elmford Herald"


def test_credit_line_before_faq_block() -> None:
    faq = "Why did the council vote?\nTo fund schools.\nWhen?\nOn Tuesday."
    article = from_text("\n".join([P1, P2, "Source: Elmford Herald", faq]))
    assert article.appended_text == faq
    assert article.credit_line == "Source: Elmford Herald"
    assert article.text == P1 + "\n" + P2


def test_body_questions_are_kept() -> None:
    question = "Will the new budget be enough to fix the roads?"
    # a question paragraph in the middle of the article
    middle = "\n".join([P1, question, P2, P3, P1])
    assert split_appended_faq(middle) == (middle, None)
    # a single question and answer at the end is not an FAQ block
    single = "\n".join([P1, P2, question, "Officials said it was too early to tell."])
    assert split_appended_faq(single) == (single, None)
    # a question paragraph followed by a long stretch of body text
    long_tail = "\n".join([P1, "Why now?", P2, P3, P1, P2, P3])
    assert split_appended_faq(long_tail) == (long_tail, None)
    # a paragraph that contains a question but goes on is not a question line
    mixed = "\n".join([P1, "Why now? The mayor said the timing was right.", P2])
    assert split_appended_faq(mixed) == (mixed, None)
    # a document that is only questions and answers is not split to nothing
    only_faq = "What happened?\nA vote.\nWhen?\nTuesday."
    assert split_appended_faq(only_faq) == (only_faq, None)
    article = from_text(middle)
    assert article.appended_text is None
    assert question in article.text


# --- normalization ------------------------------------------------------------------------


def test_normalization_newlines_spaces_blank_lines_nfc() -> None:
    decomposed = "Jose\u0301 Mu\u0308ller"  # e + combining acute, u + combining diaeresis
    raw = f"  \r\n\r\n{decomposed} said on Monday that the vote was fair.   \r\n\r\n\r\n"
    raw += f"\r\n{P2}\t\r\n"
    article = from_text(raw)
    assert article.text == f"José Müller said on Monday that the vote was fair.\n\n{P2}"
    assert normalize_text("a\rb\u2028c") == "a\nb\nc"
    assert_paragraphs_valid(article)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    wrapped = "\n\n".join(textwrap.fill(p, 70) for p in (P1, P2, P3))
    assert wrapped.count("\n") > 6
    article = from_text(wrapped)
    assert article.text == "\n\n".join((P1, P2, P3))
    assert len(article.paragraphs) == 3


def test_one_paragraph_per_line_is_not_joined() -> None:
    text = "\n".join((P1, P2, P3))
    assert from_text(text).text == text


def test_markdown_file(tmp_path: Path) -> None:
    md = tmp_path / "story.md"
    md.write_text(
        "# Elmford passes its budget\n\n"
        "By Sam Lee\n\n"
        "The **city council** of [Elmford](https://example.com/elmford) voted on Tuesday to "
        "approve a new budget.\n\n"
        "## Reaction\n\n"
        "- Mayor Linda Osei said the budget was a *compromise* reached after long talks.\n"
        "- Opponents said it would leave `potholes` unfilled for another year.\n\n"
        "> The budget takes effect on July 1, officials said.\n",
        encoding="utf-8",
    )
    article = load(md)
    assert article.meta.title == "Elmford passes its budget"
    assert article.meta.author == "Sam Lee"
    assert article.text.split("\n") == [
        "The city council of Elmford voted on Tuesday to approve a new budget.",
        "",
        "Reaction",
        "",
        "Mayor Linda Osei said the budget was a compromise reached after long talks.",
        "Opponents said it would leave potholes unfilled for another year.",
        "",
        "The budget takes effect on July 1, officials said.",
    ]
    assert_paragraphs_valid(article)


def test_markdown_raw_text_is_sniffed() -> None:
    article = load("# Budget passes\n\nThe **council** of [Elmford](https://example.com) voted.")
    assert article.meta.title == "Budget passes"
    assert article.text == "The council of Elmford voted."
    plain = "Prices rose 3% in May [corrected], officials said on Tuesday in Elmford."
    assert load(plain).text == plain


# --- sources: Article, stdin, from_text compatibility ------------------------------------


def test_article_is_returned_as_is() -> None:
    article = from_text(P1)
    assert load(article) is article


def test_from_text_keeps_simple_signature() -> None:
    article = from_text("Rain fell. Roads closed.")
    assert article.text == "Rain fell. Roads closed."
    assert article.paragraphs == [(0, 24)]
    article = from_text(P1, ArticleMeta(title="Budget"))
    assert article.meta.title == "Budget"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    """Give the process a real byte stream as standard input."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, ("Title: From stdin\n\n" + P1 + "\n" + P2).encode("cp1252"))
    article = load("-")
    assert article.meta.title == "From stdin"
    assert article.meta.source == "-"
    assert article.text == P1 + "\n" + P2


def test_stdin_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"  \n")
    with pytest.raises(EmptyInputError):
        load("-")
    _stdin(monkeypatch, P1.encode())
    with pytest.raises(InputTooLargeError, match="standard input"):
        load("-", max_bytes=50)


# --- charsets -----------------------------------------------------------------------------

ACCENTED = (
    "José Müller and François Brûlé met Zoë Ñúñez in Málaga on Monday to sign the "
    "€50 million port deal, a “historic” step for the region, they said."
)


def test_cp1252_file_with_accented_names(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(("Title: Port deal signed\n\n" + ACCENTED + "\n" + P1).encode("cp1252"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    article = load(path)
    assert article.text == ACCENTED + "\n" + P1
    assert article.meta.title == "Port deal signed"


def test_latin1_file_with_accented_names(tmp_path: Path) -> None:
    text = "José Müller met François Brûlé and Zoë Ñúñez at the café in Málaga on Monday."
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    assert load(path).text == text


def test_declared_charsets_and_boms() -> None:
    html = (
        '<html><head><meta charset="iso-8859-1"><title>Café</title></head><body><article>'
        f"<p>{ACCENTED.replace('€', 'EUR ').replace('“', '').replace('”', '')}</p>"
        "</article></body></html>"
    )
    article = from_bytes(html.encode("latin-1"), source="page.html")
    assert "José Müller and François Brûlé met Zoë Ñúñez in Málaga" in article.text
    assert decode_bytes(ACCENTED.encode("utf-16")) == ACCENTED
    assert decode_bytes(ACCENTED.encode("utf-8-sig")) == ACCENTED
    assert decode_bytes("Müller".encode("cp1252"), content_type="text/plain; charset=cp1252") == (
        "Müller"
    )


# --- bad input: every case gets its own error class and a one-line message ---------------


def _one_line(err: NewsfaqError) -> None:
    message = str(err)
    assert message and "\n" not in message and "Traceback" not in message


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SourceNotFoundError, match="no such file") as info:
        load(tmp_path / "nope.txt")
    _one_line(info.value)


def test_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a directory") as info:
        load(tmp_path)
    assert not isinstance(info.value, SourceNotFoundError)
    _one_line(info.value)


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n"])
def test_empty_and_whitespace_only_files(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyInputError) as info:
        load(path)
    _one_line(info.value)


@pytest.mark.parametrize("text", ["", "  \n\n \t "])
def test_empty_and_whitespace_only_text(text: str) -> None:
    with pytest.raises(EmptyInputError):
        load(text)


def test_header_only_is_empty() -> None:
    with pytest.raises(EmptyInputError):
        from_text("Title: Nothing else\nAuthor: Nobody\n\n   ")


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + bytes(range(256)), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "gzip"),
        (b"text then a NUL\x00 byte and more text", "NUL"),
        (bytes(range(1, 9)) * 40 + b" some words", "control characters"),
    ],
)
def test_binary_input(tmp_path: Path, data: bytes, match: str) -> None:
    path = tmp_path / "file.txt"
    path.write_bytes(data)
    with pytest.raises(BinaryInputError, match=match) as info:
        load(path)
    _one_line(info.value)


def test_binary_raw_text_refused() -> None:
    with pytest.raises(BinaryInputError):
        load("abc\x00\x01\x02\x03\x04\x05\x06\x07\x08")


@pytest.mark.parametrize(
    "data",
    [bytes(range(0x80, 0x100)) * 4, b"\x81\x8d\x8f\x90\x9d" * 20],
    ids=["high-bytes", "undefined-cp1252"],
)
def test_undecodable_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "garbled.txt"
    path.write_bytes(data)
    with pytest.raises(DecodeError) as info:
        load(path)
    _one_line(info.value)


def test_html_without_article_text(articles_dir: Path) -> None:
    with pytest.raises(NoArticleTextError) as info:
        load(articles_dir / "no_text.html")
    _one_line(info.value)
    with pytest.raises(NoArticleTextError):
        from_html("<html><body><nav><a href='/'>Home</a></nav></body></html>")


def test_german_text(articles_dir: Path) -> None:
    with pytest.raises(NotEnglishError) as info:
        load(articles_dir / "non_english.txt")
    assert info.value.language == "de"
    assert "the article is in German (de); newsfaq handles English only" in str(info.value)
    _one_line(info.value)


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        (
            "Le conseil municipal a approuvé mardi un nouveau budget qui augmente les dépenses "
            "pour les écoles de quatre pour cent, selon la mairie.",
            "fr",
            "French",
        ),
        (
            "El ayuntamiento aprobó el martes un nuevo presupuesto que aumenta el gasto en las "
            "escuelas un cuatro por ciento, según fuentes municipales.",
            "es",
            "Spanish",
        ),
        ("北京市政府周一宣布，将在明年投入五十亿元用于改善城市公共交通系统。", "zh", "Chinese"),
    ],
)
def test_other_languages(text: str, code: str, name: str) -> None:
    with pytest.raises(NotEnglishError, match=rf"in {name} \({code}\)"):
        load(text)


def test_short_text_is_not_language_checked() -> None:
    # under MIN_WORDS_FOR_LANGUAGE_ID words, no guess is made (names and figures mislead it)
    assert load("Bayern München 2, Borussia Dortmund 1.").text.startswith("Bayern")


def test_too_large(tmp_path: Path, articles_dir: Path) -> None:
    with pytest.raises(InputTooLargeError, match="over the limit of 1000 bytes") as info:
        load(articles_dir / "feature.txt", max_bytes=1000)
    _one_line(info.value)
    with pytest.raises(InputTooLargeError):
        load(P1 * 10, max_bytes=500)
    with pytest.raises(InputTooLargeError):
        from_bytes(P1.encode(), source="x", max_bytes=10)
    assert load(P1, max_bytes=len(P1.encode())).text == P1


def test_text_starting_like_a_file_signature_is_text() -> None:
    """Signatures made of letters ("ID3", "RIFF") only count when binary bytes follow."""
    from newsfaq.ingest.loader import from_bytes

    text = b"ID3 tags were added to the archive, the developers said in a statement on Tuesday."
    assert from_bytes(text, source="t").text.startswith("ID3 tags")
    with pytest.raises(BinaryInputError):
        from_bytes(b"ID3\x04\x00\x00\x00\x00\x00#TSSE\x00\x00\x00" + bytes(200), source="t")


def test_a_file_name_given_as_a_string_is_read_as_a_file(
    articles_dir: Path, tmp_path: Path
) -> None:
    """`explain("article.txt")` reads the file instead of explaining the words "article.txt"."""
    from newsfaq.ingest.loader import load

    brief = articles_dir / "brief.txt"
    assert load(str(brief)).text == load(brief).text
    with pytest.raises(SourceNotFoundError):
        load(str(tmp_path / "missing-article.txt"))


def test_mojibake_is_repaired_before_anything_reads_the_text(tmp_path: Path) -> None:
    # UTF-8 read as cp1252 once, as scraped corpora often store it
    body = "The £300m plant will employ 35 people, the café owner said — in Zoë's words."
    broken = body.encode("utf-8").decode("cp1252")
    assert "Â£300m" in broken and broken != body
    path = tmp_path / "broken.txt"
    path.write_text(broken, encoding="utf-8")
    article = load(path)
    assert article.text == body
    from newsfaq.text.facts import extract_facts
    from newsfaq.text.nlp import analyze

    money = [f for f in extract_facts(analyze(article)) if f.unit == "pounds"]
    assert [f.value for f in money] == [300_000_000]
    # correct text, curly quotes and all, is left as it is
    fine = "“We’re ready,” said Zoë Brandt, who paid £5 — about €6."
    assert from_text(fine).text == fine


def test_title_escaped_twice_by_the_page_is_decoded() -> None:
    """A page that escapes its title twice (``&amp;#039;``) gives a title with quotes, not
    character references (raters saw "&#039;" in the FAQ's first answer)."""
    page = INLINE_PAGE.replace(
        "<title>Council approves new bridge | The Riverside Gazette</title>",
        "<title>Council &amp;#039;approves&amp;#039; new bridge | The Riverside Gazette</title>"
        '\n<meta property="og:title" content="Council &amp;amp;#039;approves&amp;amp;#039; '
        'new bridge">',
    )
    meta = from_html(page).meta
    assert meta.title is not None
    assert "&#" not in meta.title and "&amp;" not in meta.title, meta.title
    assert "'approves'" in meta.title, meta.title


def test_a_comment_policy_is_no_article_prose() -> None:
    from newsfaq.ingest.loader import _has_prose

    policy = (
        "Comments are encouraged, but you must follow our User Agreement\n"
        "Keep it civil and stay on topic. No profanity, vulgarity or personal attacks. By "
        "posting your comment, you agree to allow the publisher to republish it."
    )
    assert not _has_prose(policy)
    assert _has_prose(policy + "\nPolice said the man was shot four times near Perris on Sunday.")
    assert _has_prose("The council moderated its plan after residents posted comments online.")
