"""``newsfaq trace PAGE --corpus DIR``: a page's story, its likely original, and what it changed.

1. Fingerprint the page and look it up in the corpus's ``stories-index.npz`` (written by
   ``newsfaq stories``): the articles sharing an LSH band key with it are its candidates, kept
   when their TF-IDF cosine passes the grouping threshold. The best match's story is the page's.
2. The original: the story's original when ``newsfaq stories`` found one; otherwise origin-finding
   re-run over the story's members plus the page (a credit line on the page naming a member's
   site is enough).
3. The audit of the page (body and appended FAQ) against that original, and the omissions: the
   original's key facts whose figures or content words the page does not carry.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from newsfaq.corpus.fingerprint import TextItem, content_terms, fingerprint
from newsfaq.corpus.grouping import MIN_COSINE, TermIndex, cosine_of
from newsfaq.corpus.origin import MemberDoc, containment, find_original
from newsfaq.corpus.store import DB_NAME, EXPLAINERS_NAME, read_jsonl
from newsfaq.corpus.stories import INDEX_NAME, load_index, load_members, member_doc
from newsfaq.errors import SourceNotFoundError
from newsfaq.models import Article, AuditReport

__all__ = ["PAGE_ID", "TraceResult", "find_story", "trace", "trace_markdown"]

PAGE_ID = "(this page)"


@dataclass
class TraceResult:
    """The answer of ``newsfaq trace`` for one page."""

    page: str
    story_id: str | None
    members: list[dict[str, Any]]
    status: str
    original: dict[str, Any] | None
    external_source: str | None
    reasons: list[str]
    audit: AuditReport | None = None
    changed: list[dict[str, Any]] = field(default_factory=list)
    invented: list[dict[str, Any]] = field(default_factory=list)
    omissions: list[dict[str, Any]] = field(default_factory=list)
    tree: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (the audit as its own JSON)."""
        return {
            "page": self.page,
            "story_id": self.story_id,
            "members": self.members,
            "status": self.status,
            "original": self.original,
            "external_source": self.external_source,
            "reasons": self.reasons,
            "changed": self.changed,
            "invented": self.invented,
            "omissions": self.omissions,
            "tree": self.tree,
            "audit": self.audit.model_dump(mode="json") if self.audit else None,
        }


def find_story(article: Article, corpus: Path) -> tuple[str | None, list[tuple[str, float]]]:
    """The story of a page in a corpus, and the corpus articles it matches (best first)."""
    index_path = corpus / INDEX_NAME
    if not index_path.is_file():
        raise SourceNotFoundError(
            "no story index in the corpus folder (run `newsfaq stories` first)", source=str(corpus)
        )
    fps = load_index(index_path)
    page = fingerprint(TextItem(PAGE_ID, article.text, article.meta.language or "en"))
    keys = np.stack([fp.bands for fp in fps]) if fps else np.zeros((0, 0), dtype=np.uint64)
    candidates = [int(i) for i in np.flatnonzero(np.isin(keys, page.bands).any(axis=1))]
    index = TermIndex.build(fps)
    pv = index.vector_of(page)
    scored = sorted(
        (
            (fps[i].id, cosine_of(page.term_ids, pv, fps[i].term_ids, index.vector(i)))
            for i in candidates
        ),
        key=lambda x: -x[1],
    )
    matches = [(aid, sim) for aid, sim in scored if sim >= MIN_COSINE]
    if not matches:
        return None, []
    conn = sqlite3.connect(f"file:{corpus / DB_NAME}?mode=ro", uri=True)
    try:
        row = conn.execute(
            "SELECT story_id FROM story_members WHERE article_id = ?", (matches[0][0],)
        ).fetchone()
    finally:
        conn.close()
    return (str(row[0]) if row else None), matches


def _story_rows(corpus: Path, story: str) -> tuple[list[str], tuple[Any, ...] | None]:
    conn = sqlite3.connect(f"file:{corpus / DB_NAME}?mode=ro", uri=True)
    try:
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT article_id FROM story_members WHERE story_id = ? ORDER BY article_id",
                (story,),
            )
        ]
        row = conn.execute(
            "SELECT status, original_id, external_source, reasons FROM stories WHERE id = ?",
            (story,),
        ).fetchone()
    finally:
        conn.close()
    return ids, row


def _page_doc(article: Article) -> MemberDoc:
    meta = article.meta
    return MemberDoc(
        id=PAGE_ID,
        text=article.text,
        title=meta.title,
        site=meta.site,
        url=meta.url,
        date=meta.date,
        credit_line=article.credit_line,
        has_faq=bool(article.appended_text),
    )


def _omissions(original: dict[str, Any], page: Article) -> list[dict[str, Any]]:
    """The original's key facts the page does not carry (figure missing, or most words)."""
    page_terms, _, page_figures = content_terms(page.text + "\n" + (page.appended_text or ""))
    out: list[dict[str, Any]] = []
    for fact in original["explainer"].get("facts", []):
        if not fact.get("key"):
            continue
        terms, _, figures = content_terms(fact["text"])
        if figures and not figures <= page_figures:
            missing = sorted(figures - page_figures)
            out.append(
                {"fact": fact["text"], "why": f"figure {', '.join(missing)} not in the page"}
            )
        elif not figures and containment(dict(terms), dict(page_terms)) < 0.5:
            out.append({"fact": fact["text"], "why": "most of its words are not in the page"})
    return out


def trace(page: Article, corpus: Path) -> TraceResult:
    """Trace one page through a corpus written by ``newsfaq batch`` and ``newsfaq stories``."""
    corpus = Path(corpus).expanduser()
    story, matches = find_story(page, corpus)
    name = page.meta.source or page.meta.title or PAGE_ID
    if story is None:
        return TraceResult(
            name, None, [], "unknown", None, None, ["no article of the corpus tells the same story"]
        )
    ids, row = _story_rows(corpus, story)
    docs = load_members(corpus / EXPLAINERS_NAME, set(ids))
    members_docs = [*(docs[i] for i in ids if i in docs), _page_doc(page)]
    origin = find_original(members_docs)
    status, original_id, external, reasons = (
        origin.status,
        origin.original,
        origin.external,
        list(origin.reasons),
    )
    if original_id == PAGE_ID and row is not None and row[1]:
        status, original_id, external = row[0], row[1], row[2]
        reasons = [*json.loads(row[3]), *reasons]
    sims = dict(matches)
    members = [
        {
            "id": i,
            "similarity": round(sims.get(i, 0.0), 3),
            "title": docs[i].title if i in docs else None,
        }
        for i in ids
    ]
    result = TraceResult(name, story, members, status, None, external, reasons)
    result.tree = origin.tree({d.id: d.title or d.id for d in members_docs})
    if original_id and original_id != PAGE_ID:
        _audit_against(result, corpus, original_id, page)
    elif original_id == PAGE_ID:
        result.status = "page"
        result.reasons.append("the page itself looks like the original of its story")
    return result


def _audit_against(result: TraceResult, corpus: Path, original_id: str, page: Article) -> None:
    """Fill the original, the audit of the page against it, and the omissions."""
    from newsfaq.audit.pipeline import audit_analysis
    from newsfaq.models import Explainer
    from newsfaq.text.nlp import analyze

    obj = next(o for o in read_jsonl(corpus / EXPLAINERS_NAME) if str(o["id"]) == original_id)
    doc = member_doc(obj)
    result.original = {
        "id": doc.id,
        "title": doc.title,
        "site": doc.site,
        "url": doc.url,
        "date": doc.date,
    }
    original = Explainer.model_validate(obj["explainer"]).article
    derived = "\n".join(p for p in (page.text, page.appended_text) if p)
    report = audit_analysis(analyze(original), derived)
    result.audit = report
    for claim in report.claims:
        item = {"claim": claim.text, "question": claim.question, "reasons": claim.reasons}
        if claim.verdict == "contradicted":
            result.changed.append(item)
        elif claim.verdict == "unsupported":
            result.invented.append(item)
    result.omissions = _omissions(obj, page)


def trace_markdown(result: TraceResult) -> str:
    """The trace as Markdown for people."""
    out = [f"# Trace of {result.page}", ""]
    if result.story_id is None:
        return "\n".join([*out, "No article of the corpus tells the same story."])
    out.append(f"Story `{result.story_id}` ({len(result.members)} articles in the corpus):")
    out += [
        f"- {m['id']}"
        + (f" — {m['title']}" if m["title"] else "")
        + f" (similarity {m['similarity']:.2f})"
        for m in result.members
    ]
    out.append("")
    if result.original:
        o = result.original
        out.append(
            f"**Likely original:** {o['title'] or o['id']} ({o['site'] or o['url'] or o['id']}"
            + (f", {o['date']}" if o["date"] else "")
            + ")"
        )
    elif result.external_source:
        out.append(f"**Original:** {result.external_source} (not in the corpus)")
    else:
        out.append(f"**Original:** {result.status}")
    out += ["", "Why:"] + [f"- {r}" for r in result.reasons]
    if result.tree.get("cites"):
        out += ["", "The original cites: " + ", ".join(result.tree["cites"])]
    for title, items in (
        ("Changed (contradicted by the original)", result.changed),
        ("Invented (not in the original)", result.invented),
    ):
        out += ["", f"## {title}: {len(items)}"]
        for it in items:
            q = f"[FAQ: {it['question']}] " if it["question"] else ""
            out.append(f"- {q}{it['claim']}")
            out += [f"    - {r}" for r in it["reasons"]]
    out += ["", f"## Left out (key facts of the original): {len(result.omissions)}"]
    out += [f"- {o['fact']} ({o['why']})" for o in result.omissions]
    return "\n".join(out)
