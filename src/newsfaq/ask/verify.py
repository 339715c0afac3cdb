"""Verify an answer before giving it: the statement it implies, checked by the audit.

The question and its candidate answer become the statement they imply ("Who is Austria's
interior minister?" + "Hitler" -> "Hitler is Austria's interior minister."); the audit's checks
(:func:`newsfaq.audit.checks.check_claim`: content words, figures, dates, names, who did what,
negation, modality, attribution) read it against the answer's sentence. Their findings and
support, with the question's focus words found in the sentence (as such, or for plain content
words by meaning: :func:`meaning_features`), whether the question's predicate is there, how
well the sentence answers the question by the relevance model (:func:`relevance_features`), and
the span scorer's margin, are the features of a logistic model whose output is ``Answer.score``: the
probability that the answer is right; why/how questions have weights of their own for a few of
them. Its weights (``newsfaq/data/ask_verify.json``) were fitted by ``bench/ask_squad2.py --part
tune --fit ... --readers 5`` on the TUNE part of SQuAD 2.0 half-dev together with the reader
questions of the news pages that may be tuned on (counted five times); the abstention threshold
on those reader questions alone (``bench/ask_readers.py --sweep``).

A statement with a contradiction (the sentence says the opposite, another figure, another
doer) is never given, whatever its score.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from newsfaq.ask.retrieval import plain_lemmas
from newsfaq.audit.checks import check_claim, reference_date
from newsfaq.audit.pipeline import lexical_support
from newsfaq.text.statement import statement

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from newsfaq.ask.qanalysis import QuestionAnalysis
    from newsfaq.audit.align import Aligner
    from newsfaq.text.nlp import Analysis

__all__ = [
    "VERIFY_THRESHOLD",
    "VERIFY_WEIGHTS",
    "Verification",
    "aligner_for",
    "answer_lead",
    "confidence",
    "meaning_features",
    "relevance_features",
    "sentence_relevance",
    "statement",
    "type_buried",
    "verify_features",
]

_NEGATIONS = frozenset({"not", "n't", "never", "no", "none", "nobody", "nothing", "neither"})


@dataclass(frozen=True)
class Verification:
    """The checks of one answer: features for the confidence model and a hard veto."""

    features: dict[str, float]
    contradicted: bool


def aligner_for(analysis: Analysis) -> Aligner:
    """The audit's aligner of the article (built once, kept on the analysis)."""
    from newsfaq.audit.align import Aligner

    return analysis.derived("ask_aligner", Aligner)


def _sentence_words(analysis: Analysis, si: int) -> frozenset[str]:
    """Lowercase words and lemmas of sentence ``si`` (every sentence's built once per analysis:
    each candidate answer of each question reads them)."""

    def build(an: Analysis) -> list[frozenset[str]]:
        return [
            frozenset({t.lower_ for t in s.span} | {t.lemma_.lower() for t in s.span})
            for s in an.sentences
        ]

    return analysis.derived("ask_sentence_words", build)[si]


def _near_words(analysis: Analysis, si: int) -> frozenset[str]:
    """Words and lemmas of sentence ``si`` and the one before it (a pronoun's antecedent)."""
    here = _sentence_words(analysis, si)
    return here | _sentence_words(analysis, si - 1) if si > 0 else here


def _doc_words(analysis: Analysis) -> set[str]:
    """Lowercase words and lemmas of the whole article (built once, kept on the analysis)."""

    def build(an: Analysis) -> set[str]:
        return {t.lower_ for t in an.doc} | {t.lemma_.lower() for t in an.doc}

    return analysis.derived("ask_words", build)


def _asked_words(q: QuestionAnalysis) -> list[str]:
    """The question's focus words without the words of its wh-phrase: the noun naming the kind of
    answer ("what *company*") and the measure of "how long", "how old", "how many" ..."""
    measure = q.wh.split()[1] if q.wh and q.wh.startswith("how ") else None
    return [
        w for w in q.focus if not (w == q.focus_noun and q.wh in {"what", "which"}) and w != measure
    ]


def _focus_found(analysis: Analysis, q: QuestionAnalysis, si: int) -> dict[str, float]:
    """Share of the question's focus words (and of its names and figures) in the sentence, and
    the focus words the whole article lacks (a question about something it never mentions)."""
    here = _sentence_words(analysis, si)
    near = _near_words(analysis, si)
    everywhere = _doc_words(analysis)
    focus = _asked_words(q) or ["\u2205"]
    proper = [w for w in focus if w in q.proper]
    missing = [w for w in focus if w not in here]
    missing_near = [w for w in focus if w not in near]
    absent = [w for w in focus if w not in everywhere]
    return {
        "focus_in_sentence": 1.0 - len(missing) / len(focus),
        "focus_near": 1.0 - len(missing_near) / len(focus),
        "proper_missing": float(sum(w not in near for w in proper)),
        "all_found": 1.0 if not missing_near else 0.0,
        "missing_1": 1.0 if len(missing_near) == 1 else 0.0,
        "missing_2plus": 1.0 if len(missing_near) >= 2 else 0.0,
        "absent_1": 1.0 if len(absent) == 1 else 0.0,
        "absent_2plus": 1.0 if len(absent) >= 2 else 0.0,
        "absent_proper": float(sum(w not in everywhere for w in proper)),
        "absent_share": len(absent) / len(focus),
    }


def _negation_mismatch(analysis: Analysis, question: str, si: int) -> float:
    """1.0 when exactly one of the question and the sentence is negated."""
    q_neg = any(w in _NEGATIONS for w in re.findall(r"[a-z']+", question.lower()))
    s_neg = any(t.lower_ in _NEGATIONS for t in analysis.sentences[si].span)
    return 1.0 if q_neg != s_neg else 0.0


def verify_features(
    analysis: Analysis,
    q: QuestionAnalysis,
    answer: str,
    si: int,
    span_scores: list[float],
    cover: float,
    span_features: dict[str, float],
    idf: dict[str, float],
) -> Verification:
    """Check the statement of ``answer`` (from sentence ``si``) and gather the model features."""
    from newsfaq.text.nlp import parse

    claim = parse(statement(q.text, answer, q.doc, lead=answer_lead(analysis, answer, si)))[:]
    aligner = aligner_for(analysis)
    reference = analysis.derived("ask_reference", lambda an: reference_date(aligner_for(an)))
    result = check_claim(claim, [analysis.sentences[si]], aligner, reference=reference)
    unsupported = sum(f.severity == "unsupported" for f in result.findings)
    contradicted = sum(f.severity == "contradicted" for f in result.findings)
    ordered = sorted(span_scores, reverse=True)
    margin = ordered[0] - ordered[1] if len(ordered) > 1 else 5.0
    z = sum(math.exp(s - ordered[0]) for s in ordered)
    f: dict[str, float] = {
        "bias": 1.0,
        "cover": cover,
        "a_unsupported": float(min(unsupported, 3)),
        "a_contradicted": float(min(contradicted, 3)),
        "a_coverage": result.coverage,
        "a_relations": result.relations,
        "a_trigrams": result.trigrams,
        "a_lexical": lexical_support(result),
        "s_margin": min(margin, 5.0) / 5.0,
        "s_prob": 1.0 / z,
        "negation_mismatch": _negation_mismatch(analysis, q.text, si),
        f"type:{q.expected_type}": 1.0,
    }
    f.update(_focus_found(analysis, q, si))
    for finding in result.findings:
        key = f"check:{finding.check}"
        f[key] = f.get(key, 0.0) + 1.0
    for name in _CANDIDATE_FEATURES:
        f["c_" + name] = span_features.get(name, 0.0)
    f["missing_idf"] = _missing_idf(analysis, q, si, idf)
    f.update(meaning_features(analysis, q, si))
    f.update(relevance_features(analysis, q, si))
    f["answer_is_sentence"] = _is_sentence(analysis, answer, si)
    f["type_buried"] = type_buried(analysis, q, answer, si)
    if q.expected_type in {"reason", "manner"}:
        for name in _WHY_HOW_FEATURES:
            f["wh_" + name] = f.get(name, 0.0)
    return Verification(features=f, contradicted=contradicted > 0)


def relevance_features(analysis: Analysis, q: QuestionAnalysis, si: int) -> dict[str, float]:
    """How well the answer's sentence answers the question by the relevance model
    (:mod:`newsfaq.text.relevance`), which reads the question and the sentence together:
    ``relevance``, its score scaled by 1/10 (about -1.1 to 1.1). (Weighing it against the best
    of the retrieved sentences as well added nothing on the tune reader questions and cost
    three more pairs a question.)"""
    return {"relevance": sentence_relevance(analysis, q.text, [si])[si] / 10.0}


def sentence_relevance(
    analysis: Analysis, question: str, sentences: Sequence[int]
) -> dict[int, float]:
    """Relevance of each of these sentences to the question, each pair scored once per analysis
    (the why/how sentence choice and the verifier read the same pairs)."""
    from newsfaq.text.relevance import relevance

    known: dict[tuple[str, int], float] = analysis.derived("ask_relevance", lambda an: {})
    todo = [si for si in dict.fromkeys(sentences) if (question, si) not in known]
    texts = [analysis.sentences[si].span.text for si in todo]
    for si, value in zip(todo, relevance(question, texts), strict=True):
        known[(question, si)] = value
    return {si: known[(question, si)] for si in sentences}


def answer_lead(analysis: Analysis, answer: str, si: int) -> str:
    """The preposition the sentence puts right before the answer ("to" of "moved the
    office to Leeds"), for a statement that asks when, where or how long."""
    span = _answer_tokens(analysis, answer, si)
    sent = analysis.sentences[si].span
    if span is None:
        return ""
    before = [t for t in analysis.doc[sent.start : span.start] if not t.is_space]
    return before[-1].lower_ if before and before[-1].pos_ == "ADP" else ""


def _answer_tokens(analysis: Analysis, answer: str, si: int) -> SpacySpan | None:
    """The tokens of the answer's first occurrence in sentence ``si`` (None when it is not
    there)."""
    sent = analysis.sentences[si].span
    at = sent.text.find(answer)
    if at < 0:
        return None
    start = sent.start_char + at
    span = analysis.doc.char_span(start, start + len(answer), alignment_mode="expand")
    return span if span is not None and len(span) else None


_CANDIDATE_FEATURES = (
    "tokdist",
    "depdist",
    "type_match",
    "child_of_qverb",
    "child_of_match",
    "qoverlap",
    "win3",
    "no_match",
    "sent_bm25",
    "sent_rank0",
)
"""Features of the chosen span (:mod:`newsfaq.ask.scoring`) the confidence model also reads."""


def _missing_idf(analysis: Analysis, q: QuestionAnalysis, si: int, idf: dict[str, float]) -> float:
    """IDF-weighted share of the question's focus words missing from the sentence (and the one
    before): a rare word of the question that the answer's sentence lacks weighs most."""
    near = _near_words(analysis, si)
    weights = {w: idf.get(w, 3.0) for w in _asked_words(q)}
    total = sum(weights.values())
    return sum(v for w, v in weights.items() if w not in near) / total if total else 0.0


_WHY_HOW_FEATURES = (
    "meaning_cover",
    "meaning_far",
    "missing_idf",
    "focus_near",
    "c_sent_bm25",
    "a_coverage",
    "verb_found",
)
"""Features that get a weight of their own for why/how questions, whose answer is a clause or a
sentence (the span scorer's features say little about it)."""

_CLOSE = 0.7
"""Word-vector similarity at which a question word counts as said in other words."""
_FAR = 0.5
"""Similarity below which a question word has no counterpart in the sentence at all."""


def _plain_words(analysis: Analysis, si: int) -> list[str]:
    """Plain content lemmas (:func:`~newsfaq.ask.retrieval.plain_lemmas`) of sentence ``si`` and
    the one before: what a question word may be matched with by meaning."""
    words: set[str] = set()
    for k in (si - 1, si):
        if k >= 0:
            words |= plain_lemmas(analysis.sentences[k].span)
    return sorted(words)


def meaning_features(analysis: Analysis, q: QuestionAnalysis, si: int) -> dict[str, float]:
    """Question-to-evidence matching by word meaning (:mod:`newsfaq.text.wordvec`).

    Only the question's plain content words missing from the sentence are matched by meaning
    (names, figures and capitalised words never: static vectors put Monday next to Tuesday):
    ``meaning_cover`` is the share of the asked words found as such or by a close word,
    ``meaning_far`` how many have nothing close in the sentence, ``verb_found`` whether the
    question's predicate (its verb lemma or a close word) is in the sentence.
    """
    from newsfaq.text.wordvec import word_vectors

    near = _near_words(analysis, si)
    asked = _asked_words(q)
    plain = [w for w in asked if w.isalpha() and w not in q.proper]
    missing = [w for w in plain if w not in near]
    found = len(asked) - len([w for w in asked if w not in near])
    verb = q.verb
    verb_missing = verb is not None and verb not in near
    vectors = word_vectors() if missing or verb_missing else None
    candidates = _plain_words(analysis, si) if vectors is not None else []
    far = 0
    close = 0.0
    for w in missing:
        best = vectors.best_match(w, candidates) if vectors is not None else None
        sim = best[1] if best is not None else 0.0
        close += 1.0 if sim >= _CLOSE else 0.0
        far += sim < _FAR
    verb_found = 1.0
    if verb_missing and vectors is not None and verb is not None:
        best = vectors.best_match(verb, candidates)
        verb_found = 1.0 if best is not None and best[1] >= _CLOSE else 0.0
    return {
        "meaning_cover": (found + close) / len(asked) if asked else 1.0,
        "meaning_far": float(min(far, 3)),
        "verb_found": verb_found,
        "verb_missing": 1.0 - verb_found,
    }


_FIGURE_TYPES = frozenset({"number", "money", "percent", "date"})
_FIGURE_LABELS = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"})


def type_buried(analysis: Analysis, q: QuestionAnalysis, answer: str, si: int) -> float:
    """1.0 when a figure question ("how many", "how much", "when" ...) gets an answer whose figure
    is not what the answer is about: neither the head of the answer nor a word right under it
    ("despite him passing away 10 years ago" for "How many victims ...?")."""
    if q.expected_type not in _FIGURE_TYPES:
        return 0.0
    span = _answer_tokens(analysis, answer, si)
    if span is None:
        return 0.0
    from newsfaq.ask.answertypes import span_head

    head = span_head(list(span))
    return 0.0 if any(_is_figure(t) for t in (head, *head.children)) else 1.0


def _is_figure(tok: Token) -> bool:
    """A number, or a word of a date, time, amount or quantity."""
    return tok.like_num or tok.ent_type_ in _FIGURE_LABELS or any(c.isdigit() for c in tok.text)


def _is_sentence(analysis: Analysis, answer: str, si: int) -> float:
    """1.0 when the answer is (nearly) its whole sentence (a why/how answer)."""
    sent = analysis.sentences[si].span.text.strip()
    return 1.0 if len(answer) >= 0.9 * len(sent) else 0.0


def _load() -> tuple[dict[str, float], float]:
    """Weights and threshold of the confidence model (none when the file is missing)."""
    try:
        raw = resources.files("newsfaq").joinpath("data", "ask_verify.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return {}, 0.5
    data = json.loads(raw)
    return {str(k): float(v) for k, v in data["weights"].items()}, float(data["threshold"])


VERIFY_WEIGHTS, VERIFY_THRESHOLD = _load()


def confidence(features: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """Probability that the answer is right: logistic model over the verification features.

    >>> round(confidence({"bias": 1.0}, {"bias": 0.0}), 2)
    0.5
    """
    w = VERIFY_WEIGHTS if weights is None else weights
    z = sum(w.get(k, 0.0) * v for k, v in features.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
