"""Audit a derived text (rewrite, summary, FAQ) against its original, claim by claim.

Each claim gets a verdict (``supported``, ``unsupported``, ``contradicted``), a consistency score
in [0, 1] (1 = stated word for word; paraphrases score lower, each finding much lower), readable
reasons and the evidence sentences of the original.
"""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from newsfaq.audit.align import Aligner
from newsfaq.audit.checks import CheckResult, Finding, check_claim, reference_date
from newsfaq.audit.claims import not_claims, split_claims, truecase
from newsfaq.errors import InputError
from newsfaq.ingest.loader import load, looks_like_html
from newsfaq.models import Article, AuditReport, Claim, NotAudited, Verdict
from newsfaq.text.nlp import Analysis, analyze, parse

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = [
    "SUPPORT_THRESHOLD",
    "NothingToAuditError",
    "audit",
    "audit_analysis",
    "claim_score",
    "lexical_support",
]

SUPPORT_THRESHOLD = 0.35
"""Claims without findings whose :func:`lexical_support` is below this are ``unsupported``.

A floor for claims the original barely supports, not a paraphrase detector: at 0.5 it flagged
faithful abstractive summaries more often than unfaithful ones (XSumFaith), while the one-change
rewrites it might catch are caught by the specific checks (bench/audit_swaps.py: no change)."""


class NothingToAuditError(InputError):
    """No derived text was given and the article has no appended FAQ block to audit."""

    kind = "nothing_to_audit"


def _load_derived(derived: str | Path | Article, *, allow_private: bool) -> str:
    """The derived text: raw strings are used as given; files, URLs, stdin and HTML are loaded."""
    if (
        isinstance(derived, str)
        and derived != "-"
        and not re.match(r"^\s*https?://\S+\s*$", derived, re.IGNORECASE)
        and not looks_like_html(derived)
    ):
        if not derived.strip():
            raise InputError("the derived text is empty")
        return derived
    article = load(derived, allow_private=allow_private)
    return "\n".join(p for p in (article.text, article.appended_text) if p)


def audit(
    original: str | Path | Article,
    derived: str | Path | Article | None = None,
    *,
    allow_private: bool = False,
) -> AuditReport:
    """Audit ``derived`` against ``original``; without ``derived``, the original's appended FAQ.

    Each argument is a :class:`pathlib.Path`, an http(s) URL, ``"-"`` (stdin), raw text or an
    :class:`~newsfaq.models.Article`.

    >>> r = audit("The council approved the plan on Monday, Mayor Ann Lee said.",
    ...           "The council rejected the plan on Tuesday.")
    >>> [c.verdict for c in r.claims]
    ['contradicted']
    """
    article = load(original, allow_private=allow_private)
    if derived is None:
        if not article.appended_text or not article.appended_text.strip():
            source = article.meta.source or "the article"
            raise NothingToAuditError(
                f"{source} has no appended FAQ or derived block to audit; "
                "give the derived text as a second argument"
            )
        text = article.appended_text
    else:
        text = _load_derived(derived, allow_private=allow_private)
    return audit_analysis(analyze(article), text)


def lexical_support(result: CheckResult) -> float:
    """How much of the claim the original states, in [0, 1]: content words found (in the
    evidence, in the whole original), word relations kept, wording kept; no penalties.

    >>> from newsfaq.audit.checks import CheckResult
    >>> r = CheckResult(coverage=0.5, doc_coverage=1.0, relations=0.0, trigrams=0.0)
    >>> round(lexical_support(r), 4)
    0.3713
    """
    lexical = 0.65 * result.coverage + 0.35 * result.doc_coverage
    return max(0.0, min(1.0, 0.55 * lexical + 0.3 * result.relations + 0.15 * result.trigrams))


def claim_score(result: CheckResult) -> float:
    """Consistency score in [0, 1]: a product of independent evidence factors.

    sqrt(share of content words found in the evidence) x (0.25 + 0.75 x share of word trigrams
    kept) x (0.75 + 0.25 x share of word relations kept), halved for each finding that the
    original does not support and quartered for each contradiction. It ranks claims (higher is
    safer); the verdict itself comes from the findings and :func:`lexical_support`.

    >>> from newsfaq.audit.checks import CheckResult
    >>> claim_score(CheckResult(coverage=1.0, doc_coverage=1.0))
    1.0
    """
    found = math.sqrt(max(0.0, result.coverage))
    score = found * (0.25 + 0.75 * result.trigrams) * (0.75 + 0.25 * result.relations)
    for f in result.findings:
        score *= 0.25 if f.severity == "contradicted" else 0.5
    return max(0.0, min(1.0, score))


REWORDED_TRIGRAMS = 0.5
"""A supported claim that keeps less than this share of its word trigrams is noted "reworded":
its content is found, in other words."""

_CHECK_ORDER = (
    "numbers",
    "dates",
    "entities",
    "negation",
    "roles",
    "attribution",
    "modality",
    "temporal",
    "pronouns",
    "content",
)


def _decisive_first(finding: Finding) -> tuple[int, int]:
    """Sort key of findings: contradictions first, then checked content before wording."""
    order = (
        _CHECK_ORDER.index(finding.check) if finding.check in _CHECK_ORDER else len(_CHECK_ORDER)
    )
    return (finding.severity != "contradicted", order)


def _aligner_for(analysis: Analysis) -> tuple[Aligner, tuple[date | None, str]]:
    """The analysis' aligner and reference date, built once and kept on the analysis."""

    def build(an: Analysis) -> tuple[Aligner, tuple[date | None, str]]:
        aligner = Aligner(an)
        return aligner, reference_date(aligner)

    return analysis.derived("aligner", build)


def audit_analysis(
    analysis: Analysis, derived_text: str, *, derived_doc: Doc | None = None
) -> AuditReport:
    """Audit ``derived_text`` against an already parsed original (no re-parse of the original).

    ``derived_doc``, if given, is the parse of ``derived_text`` (or of ``truecase(derived_text,
    analysis.doc)``, which is what is parsed otherwise); it lets callers batch with ``nlp.pipe``.

    >>> from newsfaq.ingest.loader import from_text
    >>> a = analyze(from_text("Officials said 40 people were hurt."))
    >>> audit_analysis(a, "Officials said 40 people were hurt.").summary["supported"]
    1
    """
    doc = derived_doc
    if doc is None:
        doc = parse(truecase(derived_text, analysis.doc))
    aligner, reference = _aligner_for(analysis)
    questions: dict[str, Doc] = {}
    claims: list[Claim] = []
    for cs in split_claims(derived_text, doc):
        qdoc = None
        if cs.question:
            qdoc = questions.get(cs.question)
            if qdoc is None:
                qdoc = questions[cs.question] = parse(cs.question)
        qspan = qdoc[:] if qdoc is not None else None
        alignment = aligner.align(cs.span, qspan)
        result = check_claim(
            cs.span, alignment.sentences, aligner, question=qspan, reference=reference
        )
        score = claim_score(result)
        verdict: Verdict = "supported"
        reasons = [f.reason for f in sorted(result.findings, key=_decisive_first)]
        if any(f.severity == "contradicted" for f in result.findings):
            verdict = "contradicted"
        elif result.findings:
            verdict = "unsupported"
        elif lexical_support(result) < SUPPORT_THRESHOLD:
            verdict = "unsupported"
            reasons.append(
                f"weak evidence: only {round(100 * result.coverage)}% of its content words are "
                "in the closest sentences of the original"
            )
        if verdict == "supported":
            lead = "reworded" if result.trigrams < REWORDED_TRIGRAMS else "the evidence states it"
            reasons = [lead, *result.notes]
        claims.append(
            Claim(
                text=cs.text,
                start=cs.start,
                end=cs.end,
                question=cs.question,
                verdict=verdict,
                score=round(score, 4),
                reasons=reasons,
                evidence=[analysis.sentence_span(s) for s in alignment.sentences],
            )
        )
    skipped = [
        NotAudited(start=n.start, end=n.end, text=n.text, kind=n.kind)
        for n in not_claims(derived_text)
    ]
    return AuditReport(
        article=analysis.article, derived_text=derived_text, claims=claims, not_audited=skipped
    )
