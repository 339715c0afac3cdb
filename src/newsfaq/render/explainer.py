"""Render an :class:`~newsfaq.models.Explainer` as Markdown, JSON, HTML or schema.org JSON-LD."""

from __future__ import annotations

import itertools
import json
from typing import Any, Literal

from jinja2 import Environment, PackageLoader, select_autoescape

from newsfaq.errors import NewsfaqError
from newsfaq.ingest.loader import http_url
from newsfaq.models import Explainer, Fact, Span
from newsfaq.render.markdown import md_text
from newsfaq.text.numbers import format_number

__all__ = [
    "FORMATS",
    "fact_details",
    "render",
    "script_safe_json",
    "to_html",
    "to_json",
    "to_jsonld",
    "to_markdown",
]

Format = Literal["md", "json", "html", "jsonld"]
FORMATS: tuple[str, ...] = ("md", "json", "html", "jsonld")

_env = Environment(
    loader=PackageLoader("newsfaq.render", "templates"),
    autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(explainer: Explainer, fmt: str = "md") -> str:
    """Render ``explainer`` in format ``fmt`` (``md``, ``json``, ``html`` or ``jsonld``).

    >>> from newsfaq.explain.pipeline import explain
    >>> import json
    >>> page = render(explain("The bridge reopened on Monday after repairs."), "jsonld")
    >>> json.loads(page)["@type"]
    'FAQPage'
    """
    if fmt == "md":
        return to_markdown(explainer)
    if fmt == "json":
        return to_json(explainer)
    if fmt == "html":
        return to_html(explainer)
    if fmt == "jsonld":
        return to_jsonld(explainer)
    raise NewsfaqError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


def to_json(explainer: Explainer) -> str:
    """The full model as JSON (schema: ``newsfaq schema``)."""
    return explainer.model_dump_json(indent=2)


def to_jsonld(explainer: Explainer) -> str:
    """schema.org ``FAQPage`` with ``mainEntity`` Questions and their ``acceptedAnswer``."""
    meta = explainer.article.meta
    doc: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "mainEntity": [
            {
                "@type": "Question",
                "name": qa.question,
                "acceptedAnswer": {"@type": "Answer", "text": qa.answer},
            }
            for qa in explainer.faq
        ],
    }
    based_on: dict[str, Any] = {"@type": "NewsArticle"}
    if meta.title:
        based_on["headline"] = meta.title
    if http_url(meta.url):
        based_on["url"] = meta.url
    if meta.author:
        based_on["author"] = {"@type": "Person", "name": meta.author}
    if meta.date:
        based_on["datePublished"] = meta.date
    if meta.site:
        based_on["publisher"] = {"@type": "Organization", "name": meta.site}
    if len(based_on) > 1:
        doc["isBasedOn"] = based_on
    return script_safe_json(doc)


def script_safe_json(doc: Any) -> str:
    r"""JSON with ``<``, ``>`` and ``&`` written as ``\u003c``, ``\u003e``, ``\u0026``: the same
    data, but safe inside an HTML ``<script>`` element (no ``</script>`` breaks out).

    >>> print(script_safe_json({"a": "</script>&"}))
    {
      "a": "\u003c/script\u003e\u0026"
    }
    """
    text = json.dumps(doc, indent=2, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _cite(spans: list[Span]) -> str:
    """Compact citation: sentence numbers and character ranges ("headline" for the headline)."""
    return "; ".join(
        "headline" if s.source == "title" else f"s{s.sentence_id + 1} @{s.start}–{s.end}"
        for s in spans
    )


def _body(spans: list[Span]) -> list[Span]:
    """The spans that index the article body (those a reader can highlight in it)."""
    return [s for s in spans if s.source == "text"]


def _md_escape_cell(text: str) -> str:
    return md_text(text).replace("|", "\\|").replace("\n", " ")


def fact_details(f: Fact) -> list[str]:
    """What a fact table shows beside the fact: value, unit, rate, qualifier, date, source,
    role and, for a derived figure, how it was computed (the same in Markdown and HTML)."""
    return [
        x
        for x in (
            f"value {format_number(f.value)}" if f.value is not None else None,
            f"unit {f.unit}" if f.unit else None,
            f"per {f.per}" if f.per else None,
            f.qualifier,
            f"= {f.normalized}" if f.normalized and f.kind == "date" else None,
            f"according to {f.attributed_to}" if f.attributed_to else None,
            f"{f.entity}: {f.role}" if f.entity and f.role else None,
            f"derived: {f.derivation}" if f.derivation else None,
        )
        if x
    ]


def _facts_table(facts: list[Fact]) -> list[str]:
    """Markdown table rows of facts, with their details and evidence."""
    lines = ["| kind | fact | details | evidence |", "|---|---|---|---|"]
    for f in facts:
        details = fact_details(f)
        kind = "derived (not stated)" if f.derived else f.kind
        lines.append(
            f"| {kind} | {_md_escape_cell(f.text)} | {_md_escape_cell('; '.join(details))} "
            f"| {_cite(f.evidence)} |"
        )
    return lines


def to_markdown(explainer: Explainer) -> str:
    """A readable explainer: key points, key facts, FAQ, credit; each item cites its evidence."""
    meta = explainer.article.meta
    lines: list[str] = [f"# Explainer: {md_text(meta.title)}" if meta.title else "# Explainer", ""]
    if explainer.credit:
        lines += [f"*{md_text(explainer.credit)}*", ""]
    lines += ["## Key points", ""]
    for kp in explainer.key_points:
        lines.append(f"- {md_text(kp.text)} [{_cite(kp.evidence)}]")
    key = [f for f in explainer.facts if f.key]
    more = [f for f in explainer.facts if not f.key]
    if not key:  # facts from an explainer made before key facts were marked
        key, more = more, []
    lines += ["", "## Key facts", ""]
    lines += _facts_table(key) if key else ["(none found)"]
    if more:
        lines += ["", "## More facts from the article", ""]
        lines += _facts_table(more)
    lines += ["", "## FAQ", ""]
    for qa in explainer.faq:
        lines += [f"**{md_text(qa.question)}**", "", md_text(qa.answer), ""]
        quoted = md_text(" … ".join(s.text for s in qa.evidence))
        lines += [f"> Source [{_cite(qa.evidence)}]: {quoted}", ""]
    if explainer.warnings:
        lines += ["## Warnings", ""] + [f"- {md_text(w)}" for w in explainer.warnings] + [""]
    return "\n".join(lines).rstrip() + "\n"


def _segments(text: str, spans: list[Span]) -> list[tuple[int, int, str]]:
    """Cut ``text`` at every evidence boundary so each span is a run of whole segments."""
    cuts = {0, len(text)}
    for s in spans:
        cuts.update((s.start, s.end))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    return [(a, b, text[a:b]) for a, b in itertools.pairwise(points) if b > a]


def to_html(explainer: Explainer) -> str:
    """One self-contained page; hovering or clicking an item highlights its evidence."""
    spans = [s for qa in explainer.faq for s in qa.evidence]
    spans += [s for kp in explainer.key_points for s in kp.evidence]
    spans += [s for f in explainer.facts for s in f.evidence]
    template = _env.get_template("explainer.html.j2")

    def ev(items: list[Span]) -> str:
        return ",".join(f"{s.start}-{s.end}" for s in _body(items))

    key = [f for f in explainer.facts if f.key]
    more = [f for f in explainer.facts if not f.key]
    if not key:
        key, more = more, []
    return template.render(
        ex=explainer,
        key_facts=key,
        more_facts=more,
        meta=explainer.article.meta,
        segments=_segments(explainer.article.text, _body(spans)),
        ev=ev,
        cite=_cite,
        details=fact_details,
    )
