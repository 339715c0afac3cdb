"""Decoding damaged bytes: a UTF-8 file with a few bad bytes is read as UTF-8, with a warning."""

from __future__ import annotations

from newsfaq.ingest.loader import from_bytes

BODY = (
    "The council’s “green bridge” plan — costing €4 million — was approved on Monday, "
    "officials said. Residents of Øster Street, Málaga Road and Zürich Lane had asked for it. "
) * 4


def test_mostly_utf8_with_a_few_bad_bytes_is_read_as_utf8_with_a_warning() -> None:
    data = b"Title: The \xe2\x80\x9cgreen bridge\xe2\x80\x9d vote\n\n" + BODY.encode()
    data = data.replace(b"approved", b"appr\xffoved", 1).replace(b"asked", b"as\xe9ked", 1)
    article = from_bytes(data, source="damaged.txt")
    assert article.meta.title == "The “green bridge” vote"
    assert "council’s “green bridge” plan — costing €4 million" in article.text
    assert "â€" not in article.text  # no cp1252 mojibake
    assert "appr\ufffdoved" in article.text
    assert article.warnings == [
        "the input is UTF-8 with 2 invalid byte sequence(s), replaced by U+FFFD"
    ]


def test_cp1252_files_are_still_read_as_cp1252() -> None:
    data = ("Title: Caf\u00e9 prices\n\n" + "Caf\u00e9 owners in Lyon raised prices. " * 5).encode(
        "cp1252"
    )
    article = from_bytes(data, source="legacy.txt")
    assert article.meta.title == "Café prices" and article.warnings == []


def test_the_warning_reaches_the_explainer() -> None:
    from newsfaq.explain.pipeline import explain

    data = BODY.encode().replace(b"approved", b"appr\xffoved", 1)
    ex = explain(from_bytes(data, source="damaged.txt"))
    assert any("invalid byte sequence" in w for w in ex.warnings)
