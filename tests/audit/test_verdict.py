"""The verdict of a claim: rules for checked mismatches, the shipped model for the rest."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from newsfaq.audit.checks import CheckResult, Finding
from newsfaq.audit.pipeline import audit
from newsfaq.audit.verdict import (
    COVERED,
    VerdictModel,
    by_rule,
    claim_features,
    finding_kind,
    judge,
    load_model,
)

ORIGINAL = (
    "The Harwick council approved a 2 million pound plan for a new library on Monday, council "
    "leader Ines Barrow said.\n"
    "Work could begin in the spring, and the library is expected to open in 2027.\n"
    "Opposition councillor Tom Reyes said the money should have gone to road repairs."
)


def _result(*findings: Finding, trigrams: float = 0.2, content_words: int = 8) -> CheckResult:
    return CheckResult(
        findings=list(findings),
        coverage=0.9,
        doc_coverage=0.9,
        relations=0.8,
        trigrams=trigrams,
        content_words=content_words,
    )


STRICT = VerdictModel({"bias": -4.0}, 0.5)
"""A model that never flags on its own: whatever is flagged under it, a rule flagged."""


@pytest.mark.parametrize(
    ("finding", "verdict"),
    [
        (Finding("numbers", "contradicted", "the claim gives “3”"), "contradicted"),
        (Finding("entities", "unsupported", "the claim names “Leeds”"), "unsupported"),
        (Finding("dates", "unsupported", "the original never mentions “Friday”"), "unsupported"),
        (
            Finding("attribution", "unsupported", "attribution: ...", counterpart=True),
            "unsupported",
        ),
        (Finding("content", "unsupported", "not in the original: “deal”"), "supported"),
        (Finding("attribution", "unsupported", "attribution: the original does not"), "supported"),
    ],
)
def test_rules_decide_checked_mismatches(finding: Finding, verdict: str) -> None:
    j = judge(_result(finding), [finding], answer=False, model=STRICT)
    assert j.verdict == verdict, j
    assert by_rule(_result(finding)) == (verdict != "supported")
    if verdict == "supported":
        assert j.reasons[-1] == f"not decisive: {finding.reason}"
        assert j.score > 0.5
    else:
        assert j.reasons == [finding.reason]
        assert j.score < 0.5


def test_any_finding_on_a_claim_that_keeps_the_wording_is_decisive() -> None:
    f = Finding("negation", "unsupported", "negation: the claim says “did”; no denial")
    assert by_rule(_result(f, trigrams=0.8))
    assert not by_rule(_result(f, trigrams=0.2))


def test_a_finding_that_may_be_wording_is_weighed_on_kept_wording() -> None:
    # a parse's reading of the speaker, or of what a figure counts, is noise more often than a
    # change when the sentence is the original's: the model weighs it
    said = Finding("attribution", "unsupported", "attribution: ... not credit", wording=True)
    assert not by_rule(_result(said, trigrams=0.8))
    other = Finding("attribution", "unsupported", "attribution: the claim credits “the board”")
    assert by_rule(_result(other, trigrams=0.8))
    four = Finding(
        "numbers",
        "unsupported",
        "the claim gives “four branches”; the original gives the figure only in “four facing”",
        wording=True,
    )
    assert not by_rule(_result(four, trigrams=0.8))
    moved = Finding("numbers", "unsupported", "the original gives “1921” about something else")
    assert by_rule(_result(moved, trigrams=0.8))
    named = Finding("attribution", "unsupported", "attribution: ...", counterpart=True)
    assert by_rule(_result(named, trigrams=0.8))
    removed = Finding(
        "attribution",
        "unsupported",
        "attribution removed: the original gives this as what “The union” says",
    )
    assert by_rule(_result(removed, trigrams=0.8))


def test_a_new_word_in_a_sentence_that_keeps_the_wording_is_weighed_not_ruled() -> None:
    # a body sentence copied with a word of colour added goes to the model; an answer does not
    f = Finding("content", "unsupported", "not in the original: “overshadowed”")
    assert not by_rule(_result(f, trigrams=0.8))
    assert by_rule(_result(f, trigrams=0.8), answer=True)
    assert judge(_result(f, trigrams=0.8), [f], answer=False, model=STRICT).verdict == "supported"
    j = judge(_result(f, trigrams=0.8), [f], answer=True, model=STRICT)
    assert j.verdict == "unsupported"


def test_model_threshold_flags_weak_claims_and_score_is_what_the_verdict_uses() -> None:
    model = VerdictModel({"bias": -2.0, "check:content": 3.0, "answer": 1.0}, 0.6, 0.7)
    f = Finding("content", "unsupported", "not in the original: “invented”")
    body = judge(_result(f), [f], answer=False, model=model)
    answer = judge(_result(f), [f], answer=True, model=model)
    assert body.verdict == "unsupported" and body.reasons == [f.reason]  # P = 0.73 >= 0.6
    assert answer.verdict == "unsupported"  # P = 0.88 >= 0.7
    assert body.score == pytest.approx(1 - model.p_error({"bias": 1.0, "check:content": 1.0}), 1e-3)
    plain = judge(_result(), [], answer=True, model=model)
    assert plain.verdict == "supported" and plain.score > 0.5


def test_features_name_the_findings_and_new_words() -> None:
    f = Finding("modality", "unsupported", "certainty: the original says “could”")
    r = _result(f, content_words=3)
    r.new_words = ["NOUN", "NOUN", "VERB"]
    r.new_share = 0.3
    feats = claim_features(r, answer=True)
    assert feats["check:modality"] == 1.0
    assert feats[f"kind:{finding_kind(f)}"] == 1.0 and finding_kind(f) == "modality:certainty"
    assert feats["new_nouns"] == pytest.approx(2 / 3) and feats["new_verbs"] == pytest.approx(1 / 3)
    assert feats["answer"] == 1.0 and feats["short"] == 1.0 and feats["n_unsupported"] == 1.0


def test_shipped_model_has_provenance_and_thresholds() -> None:
    raw = json.loads(
        resources.files("newsfaq").joinpath("data", "audit_verdict.json").read_text("utf-8")
    )
    assert "bench/audit_verdict.py" in raw["about"] and raw["files"] and raw["rows"] > 100
    model = load_model()
    assert 0.0 < model.threshold < 1.0 and model.answer_threshold is not None
    assert set(model.weights) >= {"bias", "coverage", "check:content"}


def test_audit_on_a_reworded_and_an_edited_claim() -> None:
    report = audit(
        ORIGINAL,
        "The council in Harwick gave the green light to a new library costing 2 million pounds, "
        "according to council leader Ines Barrow.\n"
        "Council leader Ines Barrow said the money should have gone to road repairs.",
    )
    reworded, edited = report.claims
    assert reworded.verdict == "supported", reworded.reasons
    assert edited.verdict != "supported", edited.reasons
    assert reworded.score > edited.score


def test_an_answer_outside_the_faq_block_is_judged_with_the_body_threshold() -> None:
    model = VerdictModel({"bias": 0.0}, threshold=0.9, answer_threshold=0.1)  # P(error) 0.5
    result = CheckResult(coverage=1.0, doc_coverage=1.0)
    assert judge(result, [], answer=True, model=model).verdict == "unsupported"
    assert judge(result, [], answer=True, model=model, in_faq=False).verdict == "supported"
    assert judge(result, [], answer=False, model=model).verdict == "supported"


def test_a_body_claim_the_original_mostly_lacks_is_held_to_the_lower_line() -> None:
    model = VerdictModel({"bias": 0.0}, threshold=0.9, uncovered_threshold=0.4)  # P(error) 0.5
    covered = CheckResult(coverage=1.0, doc_coverage=COVERED)
    uncovered = CheckResult(coverage=0.2, doc_coverage=COVERED - 0.01)
    assert judge(covered, [], answer=False, model=model).verdict == "supported"
    assert judge(uncovered, [], answer=False, model=model).verdict == "unsupported"
    # an FAQ answer keeps its own line, covered or not
    assert model.line(answer=True, covered=False) == 0.9
    assert VerdictModel({}, 0.9, 0.2, 0.4).line(answer=True, covered=False) == 0.2


DELI = (
    "Harbour Street Deli will open a café with 40 covers next spring, along with a cheese "
    "counter and 18 parking spaces, its owner, Nadia Kerr, said on Monday. The conversion of the "
    "former bank is costing £410,000."
)


def test_shipped_lines_pass_a_paraphrase_and_flag_an_invented_sentence() -> None:
    # the scheme is the conversion and "seating 40" its 40 covers: reworded, not changed (the
    # model weighs it at P about 0.69, over the old single line of 0.65)
    reworded = audit(
        DELI,
        "The £410,000 scheme takes in a café seating 40, a cheese counter and 18 parking spaces.",
    ).claims
    assert [c.verdict for c in reworded] == ["supported"], [c.reasons for c in reworded]
    # nothing of it is in the original: flagged on the model's lower line for such claims
    invented = audit(DELI, "A fire destroyed the bakery's delivery vans last winter.").claims
    assert [c.verdict for c in invented] == ["unsupported"], [c.reasons for c in invented]
    model = load_model()
    assert model.uncovered_threshold is not None and model.uncovered_threshold < model.threshold
