"""Renderers under hostile article text: no markup or script escapes from any output format."""

from __future__ import annotations

import json

import pytest

from newsfaq import explain
from newsfaq.ingest.loader import load
from newsfaq.models import ArticleMeta, Explainer
from newsfaq.render.explainer import render, to_jsonld

HOSTILE = (
    "Title: </script><script>alert(1)</script>\n"
    "URL: javascript:alert(document.cookie)\n\n"
    "The town council of Elmford voted 7 to 2 on Monday to close the </script><script>alert(1)"
    "</script> old bridge, the mayor said. Engineers found <img src=x onerror=alert(2)> cracks in "
    "14 of its 20 support beams & more, according to a report published in May.\n"
)


@pytest.fixture(scope="module")
def hostile() -> Explainer:
    return explain(HOSTILE)


def test_jsonld_cannot_break_out_of_a_script_element(hostile: Explainer) -> None:
    page = to_jsonld(hostile)
    assert "<" not in page and ">" not in page and "&" not in page
    doc = json.loads(page)
    assert doc["isBasedOn"]["headline"] == "</script><script>alert(1)</script>"
    assert "url" not in doc["isBasedOn"]


def test_only_http_urls_are_emitted() -> None:
    article = load(HOSTILE)
    assert article.meta.url is None  # the header's javascript: URL is not kept
    ok = load("URL: https://example.org/bridge\n\n" + HOSTILE.split("\n\n", 1)[1])
    assert ok.meta.url == "https://example.org/bridge"


def test_jsonld_drops_a_non_http_url_given_in_python(hostile: Explainer) -> None:
    meta = ArticleMeta(title="Bridge", url="javascript:alert(1)")
    ex = hostile.model_copy(update={"article": hostile.article.model_copy(update={"meta": meta})})
    assert "url" not in json.loads(render(ex, "jsonld"))["isBasedOn"]


def test_markdown_passes_no_raw_html(hostile: Explainer) -> None:
    md = render(hostile, "md")
    assert "<" not in md and ">" not in md.replace("\n> ", "\n")
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in md
    assert "onerror" in hostile.article.text and "&lt;img src=x onerror=alert(2)&gt;" in md


def test_audit_markdown_passes_no_raw_html() -> None:
    from newsfaq.audit.pipeline import audit
    from newsfaq.render.audit_report import render_audit

    original = HOSTILE.split("\n\n", 1)[1]
    derived = "Engineers found <img src=x onerror=alert(2)> cracks in 14 of its 20 beams."
    md = render_audit(audit(original, derived), "md")
    assert "<img" not in md and "<script" not in md
    assert "&lt;img src=x onerror=alert(2)&gt;" in md
