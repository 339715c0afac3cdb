"""Audit a derived text (rewrite, summary, FAQ) against its original, claim by claim.

Each claim gets a verdict (``supported``, ``unsupported``, ``contradicted``), the score that
verdict rests on (:mod:`newsfaq.audit.verdict`: 1 - the fitted probability that the claim is not
faithful; 0 for a contradiction), readable reasons (the decisive one first) and the evidence
sentences of the original.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from newsfaq.audit.align import Aligner, Alignment
from newsfaq.audit.checks import CheckResult, Finding, check_claim, reference_date
from newsfaq.audit.claims import ClaimSpan, not_claims, split_claims, truecase
from newsfaq.audit.verdict import claim_score, judge, lexical_support
from newsfaq.errors import InputError
from newsfaq.ingest.loader import load, looks_like_html
from newsfaq.models import Article, AuditReport, Claim, NotAudited
from newsfaq.text.nlp import Analysis, analyze, parse
from newsfaq.text.statement import statement, wh_phrase

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "NothingToAuditError",
    "audit",
    "audit_analysis",
    "checked_claims",
    "claim_score",
    "lexical_support",
]


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


@dataclass(frozen=True)
class Checked:
    """One claim of a derived text with its evidence and the results of every check."""

    claim: ClaimSpan
    alignment: Alignment
    result: CheckResult


def checked_claims(
    analysis: Analysis, derived_text: str, *, derived_doc: Doc | None = None
) -> list[Checked]:
    """Split ``derived_text`` into claims, align each with the original and run every check."""
    doc = derived_doc
    if doc is None:
        doc = parse(truecase(derived_text, analysis.doc))
    aligner, reference = _aligner_for(analysis)
    questions: dict[str, Doc] = {}
    out: list[Checked] = []
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
        if qdoc is not None and cs.question and _names_the_doer(qdoc, cs.span):
            _check_as_statement(cs, cs.question, qdoc, aligner, reference, result)
        out.append(Checked(cs, alignment, result))
    return out


_STATEMENT_CHECKS = frozenset({"attribution", "roles", "relations", "entities"})
"""What an FAQ answer that names who did it is checked for, read as the statement it makes
with its question: who said it, who did it, to whom, and under which name."""


def _names_the_doer(qdoc: Doc, answer: SpacySpan) -> bool:
    """A "Who ...?" question asking for its subject, answered by a noun phrase ("Who said the
    decision had not been easy?" - "Arnold Petrakis, the group's spokesman.")."""
    phrase = wh_phrase(qdoc)
    if phrase is None or phrase[0].lower_ != "who" or len(phrase) != 1:
        return False
    if phrase[0].dep_ not in {"nsubj", "nsubjpass"}:
        return False
    return answer.root.pos_ in {"NOUN", "PROPN"} and len(answer) <= _DOER_TOKENS


_DOER_TOKENS = 20


def _check_as_statement(
    cs: ClaimSpan,
    question: str,
    qdoc: Doc,
    aligner: Aligner,
    reference: tuple[date | None, str] | None,
    result: CheckResult,
) -> None:
    """Add what the statement the question and the answer make ("Arnold Petrakis, the group's
    spokesman, said the decision had not been easy.") is found to get wrong about who."""
    said = statement(question, cs.text.rstrip(" ."), qdoc)
    span = parse(said)[:]
    found = check_claim(span, aligner.align(span).sentences, aligner, reference=reference)
    known = {f.reason for f in result.findings}
    # only what concerns the answer: the question's own wording is the writer's, not a claim
    asked = {t.lower_ for t in qdoc}
    words = {t.text for t in cs.span if t.is_alpha and not t.is_stop and t.lower_ not in asked}
    result.findings.extend(
        f
        for f in found.findings
        if f.check in _STATEMENT_CHECKS
        and f.reason not in known
        and any(w in f.reason for w in words)
    )


def audit_analysis(
    analysis: Analysis, derived_text: str, *, derived_doc: Doc | None = None
) -> AuditReport:
    """Audit ``derived_text`` against an already parsed original (no re-parse of the original).

    ``derived_doc``, if given, is the parse of ``derived_text`` (or of ``truecase(derived_text,
    analysis.doc)``, which is what is parsed otherwise); it lets callers batch with ``nlp.pipe``.
    Each claim's verdict comes from :func:`newsfaq.audit.verdict.judge`.

    >>> from newsfaq.ingest.loader import from_text
    >>> a = analyze(from_text("Officials said 40 people were hurt."))
    >>> audit_analysis(a, "Officials said 40 people were hurt.").summary["supported"]
    1
    """
    claims: list[Claim] = []
    for c in checked_claims(analysis, derived_text, derived_doc=derived_doc):
        ordered = sorted(c.result.findings, key=_decisive_first)
        j = judge(c.result, ordered, answer=c.claim.question is not None, in_faq=c.claim.in_faq)
        claims.append(
            Claim(
                text=c.claim.text,
                start=c.claim.start,
                end=c.claim.end,
                question=c.claim.question,
                verdict=j.verdict,
                score=j.score,
                reasons=j.reasons,
                evidence=[analysis.sentence_span(s) for s in c.alignment.sentences],
            )
        )
    skipped = [
        NotAudited(start=n.start, end=n.end, text=n.text, kind=n.kind)
        for n in not_claims(derived_text)
    ]
    return AuditReport(
        article=analysis.article, derived_text=derived_text, claims=claims, not_audited=skipped
    )
