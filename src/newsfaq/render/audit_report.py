"""Render an :class:`~newsfaq.models.AuditReport` as Markdown, JSON or a self-contained page."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, select_autoescape

from newsfaq.errors import NewsfaqError
from newsfaq.models import AuditReport, Claim
from newsfaq.render.markdown import md_text

__all__ = ["AUDIT_FORMATS", "render_audit", "to_html", "to_json", "to_markdown"]

AUDIT_FORMATS: tuple[str, ...] = ("md", "json", "html")
_MARK = {"supported": "✅", "unsupported": "⚠️", "contradicted": "❌"}

_env = Environment(
    loader=PackageLoader("newsfaq.render", "templates"),
    autoescape=select_autoescape(["html", "j2"], default_for_string=True, default=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render_audit(report: AuditReport, fmt: str = "md") -> str:
    """Render ``report`` as ``md``, ``json`` or ``html``.

    >>> from newsfaq.audit.pipeline import audit
    >>> r = audit("Officials said 40 people were hurt.", "Officials said 40 people were hurt.")
    >>> render_audit(r, "md").splitlines()[0]
    '# Audit against the original'
    """
    if fmt == "md":
        return to_markdown(report)
    if fmt == "json":
        return to_json(report)
    if fmt == "html":
        return to_html(report)
    raise NewsfaqError(f"unknown format {fmt!r}; choose one of {', '.join(AUDIT_FORMATS)}")


def to_json(report: AuditReport) -> str:
    """The full report as JSON (claims with verdict, score, reasons and evidence spans)."""
    return report.model_dump_json(indent=2)


def _title(report: AuditReport) -> str:
    meta = report.article.meta
    return meta.title or meta.source or meta.url or "the original"


def _one_line(text: str) -> str:
    """Whitespace collapsed and HTML escaped: article-derived text for the Markdown report."""
    return md_text(" ".join(text.split()))


def to_markdown(report: AuditReport) -> str:
    """The derived text claim by claim, each marked with its verdict, reasons and evidence."""
    s = report.summary
    title = _title(report)
    lines = [
        "# Audit against the original",
        "",
        f"Original: {_one_line(title)}" if title != "the original" else "Original: (text)",
        "",
        f"**{len(report.claims)} claim{'' if len(report.claims) == 1 else 's'}:** "
        f"{s['supported']} supported, "
        f"{s['unsupported']} unsupported, {s['contradicted']} contradicted.",
        "",
    ]
    question: str | None = None
    for n, claim in enumerate(report.claims, start=1):
        if claim.question and claim.question != question:
            question = claim.question
            lines += [f"### Q: {_one_line(question)}", ""]
        lines.append(
            f"{n}. {_MARK[claim.verdict]} **{claim.verdict}** (score {claim.score:.2f}): "
            f"{_one_line(claim.text)}"
        )
        for reason in claim.reasons:
            lines.append(f"   - {_one_line(reason)}")
        for span in claim.evidence:
            lines.append(f"   - evidence (sentence {span.sentence_id}): “{_one_line(span.text)}”")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


@dataclass(frozen=True)
class _Segment:
    text: str
    ref: int | None


def _segments(text: str, ranges: list[tuple[int, int, int]]) -> list[_Segment]:
    """Cut ``text`` into plain and referenced segments from (start, end, ref) ranges."""
    out: list[_Segment] = []
    pos = 0
    for start, end, ref in sorted(ranges):
        if start < pos or end <= start:
            continue
        if start > pos:
            out.append(_Segment(text[pos:start], None))
        out.append(_Segment(text[start:end], ref))
        pos = end
    if pos < len(text):
        out.append(_Segment(text[pos:], None))
    return out


def _evidence_ids(claim: Claim) -> str:
    return " ".join(f"s{span.sentence_id}" for span in claim.evidence)


def to_html(report: AuditReport) -> str:
    """A self-contained page: derived text beside the original, coloured per verdict; clicking
    a claim highlights its evidence in the original (inline CSS and JS, no external resources)."""
    sentence_ranges: dict[int, tuple[int, int]] = {}
    for claim in report.claims:
        for span in claim.evidence:
            sentence_ranges.setdefault(span.sentence_id, (span.start, span.end))
    original = _segments(
        report.article.text, [(a, b, sid) for sid, (a, b) in sentence_ranges.items()]
    )
    derived = _segments(
        report.derived_text, [(c.start, c.end, i) for i, c in enumerate(report.claims)]
    )
    template = _env.get_template("audit.html.j2")
    return template.render(
        report=report,
        title=_title(report),
        summary=report.summary,
        original=original,
        derived=derived,
        claims=report.claims,
        evidence_ids=[_evidence_ids(c) for c in report.claims],
        marks=_MARK,
    )
