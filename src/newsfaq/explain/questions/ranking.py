"""Ranking: the features of an FAQ candidate and the score that orders candidates.

The hand-set score (:func:`hand_score`: sentence importance x question kind x transformation
weight, answer informativeness, key-fact overlap) orders candidates when no learned model is
shipped. The learned model (:class:`Ranker`, a logistic regression over :func:`features`,
weights in ``newsfaq/data/faq_ranker.json`` with their provenance) gives the probability that
a rater accepts the item; the FAQ keeps only candidates above its threshold.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from newsfaq.explain.questions.candidates import Candidate
from newsfaq.models import Fact, QAKind

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["KINDS", "Ranker", "features", "hand_score", "ranker"]

KINDS: tuple[QAKind, ...] = (
    "who", "what", "when", "where", "why", "how_many", "how_much", "who_is", "said",
    "what_if", "other",
)  # fmt: skip
_KIND_WEIGHT: dict[QAKind, float] = {
    "how_many": 1.3,
    "how_much": 1.3,
    "what_if": 1.3,
    "who_is": 1.2,
    "said": 1.2,
    "why": 1.2,
    "when": 1.0,
    "where": 1.0,
    "who": 1.0,
    "what": 0.9,
    "other": 0.8,
}


def _fact_bonus(c: Candidate, facts: list[Fact]) -> float:
    """Prefer candidates whose answer overlaps a key fact's evidence."""
    bonus = 0.0
    for f in facts:
        for span in f.evidence:
            if span.start < c.answer_end and c.answer_start < span.end:
                bonus = max(bonus, 0.3 if f.kind in {"quantity", "attribution", "role"} else 0.15)
    return bonus


def _answer_info(c: Candidate) -> float:
    """Informativeness of the answer (entities, numbers, moderate length) minus question sprawl."""
    span = c.sent.doc[c.tok_start : c.tok_end]
    ents = sum(1 for t in span if t.ent_iob_ == "B")
    nums = sum(1 for t in span if t.like_num)
    n = len([t for t in span if t.is_alpha])
    length = 0.2 if n <= 20 else 0.0
    sprawl = max(len(c.question.split()) - 16, 0) * 0.02
    return 0.1 * min(ents, 2) + 0.1 * min(nums, 1) + length - sprawl


def hand_score(c: Candidate, importance: float, facts: list[Fact]) -> float:
    """The hand-set score: importance x kind x transformation weight, plus answer bonuses."""
    return (
        importance * _KIND_WEIGHT.get(c.kind, 0.8) * c.weight
        + _answer_info(c)
        + _fact_bonus(c, facts)
    )


_STOP = {
    "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "the", "a", "an", "of", "to", "in", "on", "for",
    "at", "by", "with", "and", "or", "be", "been", "that", "this", "its", "their", "his", "her",
}  # fmt: skip
_POINTING = {"this", "these", "that", "those", "its", "their", "his", "her", "our", "my", "such"}


def _answer_root(toks: list[Token]) -> Token | None:
    return min(toks, key=lambda t: len(list(t.ancestors))) if toks else None


def features(
    c: Candidate, importance: float, sid: int, n_sents: int, facts: list[Fact]
) -> dict[str, float]:
    """The ranker's features of one candidate (all available before the round trip)."""
    toks = [t for t in c.sent.doc[c.tok_start : c.tok_end] if not t.is_space]
    root = _answer_root(toks)
    words = c.question.rstrip("?").split()
    ents = {t.ent_type_ for t in toks if t.ent_type_}
    f = {
        "bias": 1.0,
        "importance": importance,
        "position": sid / max(n_sents - 1, 1),
        "lead": float(sid < 3),
        "weight": c.weight,
        "fact": _fact_bonus(c, facts),
        "q_words": min(len(words), 30) / 10,
        "a_words": math.log1p(len(c.answer.split())),
        "q_names": min(sum(1 for w in words[1:] if w[:1].isupper()), 3) / 3,
        "q_digits": float(any(ch.isdigit() for ch in c.question)),
        "q_comma": float("," in c.question),
        "according": float("according to" in c.question),
        "subject_q": float(root is not None and root.dep_ in {"nsubj", "nsubjpass"}),
        "a_person": float("PERSON" in ents),
        "a_org": float(bool(ents & {"ORG", "NORP"})),
        "a_place": float(bool(ents & {"GPE", "LOC", "FAC"})),
        "a_time": float(bool(ents & {"DATE", "TIME"})),
        "a_amount": float(bool(ents & {"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})),
        "a_pointing": float(bool(toks) and toks[0].lower_ in _POINTING),
        "a_verb": float(any(t.pos_ == "VERB" for t in toks)),
        "a_propn": float(root is not None and root.pos_ == "PROPN"),
        "s_quote": float(any(t.text in {'"', "“", "”"} for t in c.sent)),
    }
    f["kind_" + c.kind] = 1.0
    # long sources make long, copied questions: the commonest "garbled" ones
    s_words = sum(1 for t in c.sent if t.is_alpha)
    f["s_words"] = math.log1p(s_words)
    f["q_share"] = min(len(words) / max(s_words, 1), 1.5)
    f["a_plain"] = float(not ents and not any(t.like_num for t in toks))
    f["what_subject"] = f["subject_q"] * float(c.kind == "what")
    f["what_object"] = (1.0 - f["subject_q"]) * float(c.kind == "what")
    f["who_person"] = float(c.question.startswith("Who") and bool(ents & {"PERSON"}))
    content = [w for w in words[1:] if w.lower() not in _STOP and w[:1].isalpha()]
    f["q_content"] = min(len(content), 12) / 10
    return f


@dataclass(frozen=True)
class Ranker:
    """Logistic regression over :func:`features`: P(a rater accepts the item)."""

    weights: dict[str, float]
    threshold: float

    def prob(self, feats: dict[str, float]) -> float:
        z = sum(self.weights.get(k, 0.0) * v for k, v in feats.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


@functools.cache
def ranker() -> Ranker | None:
    """The shipped learned ranker, or None when ``faq_ranker.json`` is absent."""
    path = resources.files("newsfaq").joinpath("data", "faq_ranker.json")
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Ranker(weights=dict(data["weights"]), threshold=float(data["threshold"]))
