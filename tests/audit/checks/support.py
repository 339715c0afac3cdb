"""Helpers of the rule-check tests: run check_claim on one claim and read its findings."""

from __future__ import annotations

from newsfaq.audit.align import Aligner
from newsfaq.audit.checks import check_claim
from newsfaq.audit.checks.common import CheckResult, Finding
from newsfaq.ingest.loader import paragraph_offsets
from newsfaq.models import Article
from newsfaq.text.nlp import analyze, parse


def checks(aligner: Aligner, claim: str) -> dict[str, str]:
    """The severity of each check that found a problem with ``claim``."""
    span = parse(claim)[:]
    result = check_claim(span, aligner.align(span).sentences, aligner)
    return {f.check: f.severity for f in result.findings}


def number_reasons(text: str, claim: str) -> list[str]:
    """The number findings' reasons of ``claim`` checked against the one-paragraph ``text``."""
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text))))
    span = parse(claim)[:]
    result = check_claim(span, al.align(span).sentences, al)
    return [f.reason for f in result.findings if f.check == "numbers"]


def aligner_of(text: str) -> Aligner:
    """An aligner over ``text`` as a one-paragraph article without metadata."""
    return Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text))))


def result_of(al: Aligner, claim: str) -> CheckResult:
    """Every check's result for ``claim`` aligned against ``al``'s article."""
    span = parse(claim)[:]
    return check_claim(span, al.align(span).sentences, al)


def by_rule_findings(al: Aligner, claim: str, check: str) -> tuple[list[Finding], bool]:
    """The findings of one ``check`` for ``claim``, and whether the verdict flags the claim by
    rule (a contradiction or a counterpart finding), not by the fitted model."""
    from newsfaq.audit.verdict import by_rule

    result = result_of(al, claim)
    return [f for f in result.findings if f.check == check], by_rule(result)


def findings_of(al: Aligner, claim: str) -> list[tuple[str, str, str]]:
    """(check, severity, reason) of every finding of ``claim``."""
    span = parse(claim)[:]
    return [
        (f.check, f.severity, f.reason)
        for f in check_claim(span, al.align(span).sentences, al).findings
    ]
