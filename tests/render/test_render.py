"""Renderers: JSON round trip, schema.org JSON-LD, escaped self-contained HTML, Markdown."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsfaq import explain
from newsfaq.errors import NewsfaqError
from newsfaq.models import Explainer
from newsfaq.render.explainer import render, to_html, to_json, to_jsonld, to_markdown

HOSTILE = (
    "Title: <script>window.pwned=1</script>\n\n"
    "The town council of Elmford voted 7 to 2 on Monday to close the <script>alert(1)</script> "
    "old bridge, the mayor said. Engineers found <img src=x onerror=alert(2)> cracks in 14 of "
    "its 20 support beams, according to a report published in May.\n"
)


@pytest.fixture(scope="module")
def demo() -> Explainer:
    return explain(Path(__file__).resolve().parents[2] / "examples" / "demo-article.txt")


class _ArticleText(HTMLParser):
    """Collects the text of #article and the tags seen."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.text: list[str] = []
        self.tags: list[str] = []
        self.evidence: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]
        a = dict(attrs)
        if a.get("id") == "article":
            self.depth = 1
        elif self.depth:
            self.depth += 1
        if a.get("data-ev"):
            self.evidence.append(a["data-ev"] or "")

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


def test_json_round_trip_carries_the_text(demo: Explainer) -> None:
    doc = json.loads(to_json(demo))
    assert doc["schema_version"] == demo.schema_version
    assert doc["article"]["text"] == demo.article.text
    assert Explainer.model_validate_json(to_json(demo)) == demo


def test_jsonld_is_a_faqpage(demo: Explainer) -> None:
    doc = json.loads(to_jsonld(demo))
    assert doc["@context"] == "https://schema.org"
    assert doc["@type"] == "FAQPage"
    assert len(doc["mainEntity"]) == len(demo.faq)
    for entity, qa in zip(doc["mainEntity"], demo.faq, strict=True):
        assert entity["@type"] == "Question"
        assert entity["name"] == qa.question
        assert entity["acceptedAnswer"] == {"@type": "Answer", "text": qa.answer}
    assert doc["isBasedOn"]["url"] == demo.article.meta.url


def test_markdown_lists_every_item_with_citations(demo: Explainer) -> None:
    md = to_markdown(demo)
    for qa in demo.faq:
        assert f"**{qa.question}**" in md
    for kp in demo.key_points:
        assert kp.text in md
    body_cited = sum(all(s.source == "text" for s in qa.evidence) for qa in demo.faq)
    assert md.count("[s") >= body_cited + len(demo.key_points)
    # the overview answered by the headline cites it as such, not as a sentence of the body
    headline = [qa for qa in demo.faq if any(s.source == "title" for s in qa.evidence)]
    assert [qa.kind for qa in headline] == ["overview"]
    assert md.count("Source [headline]") == 1
    assert demo.credit is not None and demo.credit in md


def test_html_shows_the_article_and_cites_offsets(demo: Explainer) -> None:
    page = to_html(demo)
    parser = _ArticleText()
    parser.feed(page)
    assert "".join(parser.text) == demo.article.text
    spans = {f"{s.start}-{s.end}" for qa in demo.faq for s in qa.evidence if s.source == "text"}
    cited = {r for ev in parser.evidence for r in ev.split(",") if r}
    assert spans and spans <= cited
    # a headline span is not highlighted in the body: its offsets index the title
    title_spans = [s for qa in demo.faq for s in qa.evidence if s.source == "title"]
    assert title_spans and all(f"{s.start}-{s.end}" not in cited for s in title_spans)
    assert "http://" not in page.split("<body>")[1].replace(demo.article.meta.url or "@", "")


def test_html_escapes_hostile_article_text() -> None:
    ex = explain(HOSTILE)
    page = to_html(ex)
    parser = _ArticleText()
    parser.feed(page)
    assert parser.tags.count("script") == 1, "only the page's own script"
    assert "img" not in parser.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not [a for a in parser.attributes if a.startswith("on")], "no event handler attributes"
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "<script>window.pwned" not in page


def test_render_dispatch_and_unknown_format(demo: Explainer) -> None:
    assert render(demo, "md") == to_markdown(demo)
    assert render(demo, "jsonld") == to_jsonld(demo)
    with pytest.raises(NewsfaqError, match="unknown format"):
        render(demo, "pdf")


def test_key_facts_come_first_and_no_fact_is_lost(demo: Explainer) -> None:
    key = [f for f in demo.facts if f.key]
    more = [f for f in demo.facts if not f.key]
    assert key and more
    md = to_markdown(demo)
    head, tail = md.split("## More facts from the article")
    assert "## Key facts" in head
    for f in key:
        assert f"| {f.text} |" in head.split("## Key facts")[1]
    for f in more:
        assert f"| {f.text} |" in tail.split("## FAQ")[0]
    page = to_html(demo)
    assert f"{len(more)} more facts from the article" in page
    assert page.count('<tr class="item') == len(demo.facts)


def test_fact_details_read_the_same_in_markdown_and_html(demo: Explainer) -> None:
    from newsfaq.render.explainer import fact_details

    html = to_html(demo)
    md = to_markdown(demo)
    figures = [f for f in demo.facts if f.value is not None and f.value >= 1_000_000]
    assert figures, "the demo article states amounts in millions"
    for f in figures:
        details = "; ".join(fact_details(f))
        assert "million" in details and f"{f.value:g}" not in details  # 180 million, not 1.8e+08
        assert details in md
        assert details in html.replace("&#39;", "'")
