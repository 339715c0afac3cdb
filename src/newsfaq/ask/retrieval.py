"""Sentence retrieval for ``newsfaq ask``: BM25 over content lemmas, and focus-word coverage.

A sentence whose subject is a pronoun also indexes the previous sentence at half weight; the
question's verb brings a few synonyms at half weight.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsfaq.ask.qanalysis import QuestionAnalysis, content_lemma

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

    from newsfaq.ask.rerank import SentenceInfo
    from newsfaq.text.nlp import Analysis

__all__ = [
    "SYNONYMS",
    "TOP_SENTENCES",
    "Index",
    "bm25",
    "build_index",
    "coverage",
    "is_furniture",
    "plain_lemmas",
    "query_weights",
    "rank_sentences",
]

TOP_SENTENCES = 3

SYNONYMS: dict[str, tuple[str, ...]] = {
    "die": ("death", "dead", "kill", "killed", "casualty", "lose"),
    "kill": ("die", "death", "dead", "casualty"),
    "say": ("state", "tell", "claim", "announce", "report", "according"),
    "buy": ("acquire", "purchase"),
    "sell": ("sale", "sold"),
    "start": ("begin", "launch", "found", "establish"),
    "begin": ("start", "launch"),
    "end": ("finish", "conclude", "close"),
    "found": ("establish", "create", "start"),
    "create": ("found", "establish", "make", "build"),
    "build": ("construct", "create"),
    "win": ("victory", "beat", "defeat"),
    "lose": ("defeat", "loss"),
    "pay": ("cost", "spend", "fund"),
    "cost": ("pay", "price", "spend"),
    "estimate": ("approximately", "about", "around", "say"),
    "recruit": ("recruitment", "enlist", "mobilization"),
    "increase": ("rise", "grow", "raise"),
    "decrease": ("fall", "drop", "cut", "decline"),
    "born": ("birth",),
    "lead": ("leader", "head"),
    "elect": ("election", "vote"),
    "attack": ("strike", "assault"),
}


@dataclass
class Index:
    """Per-article retrieval index: content lemmas and BM25 statistics of each sentence."""

    terms: list[dict[str, float]]
    lengths: list[float]
    idf: dict[str, float]
    avgdl: float
    lemma_of: list[str | None]
    """Content lemma of every token of the doc (None for stop words and punctuation)."""
    furniture: list[bool]
    """Whether each sentence is page furniture (never an answer's sentence)."""
    reranked: dict[str, tuple[list[float], list[int]]] = field(default_factory=dict)
    """Per question text: the re-ranked retrieval (:func:`newsfaq.ask.rerank.rerank`), kept so
    that the answer's steps share it."""
    sentence_info: dict[int, SentenceInfo] = field(default_factory=dict)
    """Per sentence: what the re-ranker reads of it (:func:`newsfaq.ask.rerank.sentence_info`)."""


def build_index(analysis: Analysis) -> Index:
    """Build the retrieval index of an article.

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> len(build_index(analyze(from_text("Rain fell. Roads closed."))).terms)
    2

    Index every sentence: its own lemmas plus, for pronoun subjects, the previous sentence's."""
    lemma_of: list[str | None] = [content_lemma(t) for t in analysis.doc]
    own: list[Counter[str]] = []
    for sent in analysis.sentences:
        own.append(Counter(lemma for t in sent.span if (lemma := lemma_of[t.i]) is not None))
    terms: list[dict[str, float]] = []
    for i, sent in enumerate(analysis.sentences):
        counts: dict[str, float] = {w: float(c) for w, c in own[i].items()}
        if i > 0 and any(t.pos_ == "PRON" and t.dep_.startswith("nsubj") for t in sent.span):
            for lemma, c in own[i - 1].items():
                counts[lemma] = counts.get(lemma, 0.0) + 0.5 * c
        terms.append(counts)
    n = max(len(terms), 1)
    df: Counter[str] = Counter()
    for own_counts in own:
        df.update(own_counts.keys())
    idf = {w: math.log(1.0 + (n - d + 0.5) / (d + 0.5)) for w, d in df.items()}
    lengths = [float(sum(c.values())) for c in own]
    avgdl = (sum(lengths) / n) or 1.0
    furniture = [
        is_furniture(_line_of(analysis.article.text, s.start, s.end)) for s in analysis.sentences
    ]
    return Index(
        terms=terms,
        lengths=lengths,
        idf=idf,
        avgdl=avgdl,
        lemma_of=lemma_of,
        furniture=furniture,
    )


def query_weights(q: QuestionAnalysis) -> dict[str, float]:
    """Lemmas to look for: focus words (proper nouns count double) and verb synonyms at half."""
    weights = {w: (2.0 if w in q.proper else 1.0) for w in q.focus}
    for word in q.focus:
        for syn in SYNONYMS.get(word, ()):
            weights.setdefault(syn, 0.5)
    return weights


def bm25(
    index: Index, i: int, weights: dict[str, float], k1: float = 1.2, b: float = 0.75
) -> float:
    """BM25 of sentence ``i`` for the weighted query."""
    counts = index.terms[i]
    norm = k1 * (1 - b + b * index.lengths[i] / index.avgdl)
    score = 0.0
    for word, weight in weights.items():
        tf = counts.get(word, 0)
        if tf:
            score += weight * index.idf.get(word, 0.1) * tf * (k1 + 1) / (tf + norm)
    return score


def coverage(lemmas: set[str], q: QuestionAnalysis) -> float:
    """Weighted share of the question's focus words found in ``lemmas`` (synonyms count half)."""
    total = 0.0
    found = 0.0
    for word in q.focus:
        weight = 2.0 if word in q.proper else 1.0
        total += weight
        if word in lemmas:
            found += weight
        elif any(s in lemmas for s in SYNONYMS.get(word, ())):
            found += 0.5 * weight
    return found / total if total else 0.0


_PLAIN_POS = frozenset({"NOUN", "VERB", "ADJ", "ADV"})


def plain_lemmas(tokens: Iterable[Token]) -> set[str]:
    """Lowercase lemmas of the plain content words among ``tokens``: alphabetic, no stop word,
    no part of a named entity, figure or date; what a question word may be matched with by
    meaning (static word vectors put Monday next to Tuesday, so names and figures never are)."""
    return {
        t.lemma_.lower()
        for t in tokens
        if t.is_alpha and not t.is_stop and not t.ent_type_ and t.pos_ in _PLAIN_POS
    }


def rank_sentences(index: Index, weights: dict[str, float]) -> tuple[list[float], list[int]]:
    """BM25 score of every sentence, and the :data:`TOP_SENTENCES` best sentences, best first
    (page furniture left out)."""
    scores = [bm25(index, i, weights) for i in range(len(index.terms))]
    ranked = sorted(range(len(scores)), key=lambda i: -scores[i])
    order = [i for i in ranked if not index.furniture[i]][:TOP_SENTENCES]
    return scores, order


_WIDGET = re.compile(
    r"(?:\b([A-Z][\w.'-]+(?: [A-Z][\w.'-]+)+)\1)"  # link widget: "Ilhan OmarIlhan Omar"
    r"|\bMORE\s*$|\((?:AP|Getty|Reuters|AFP) Photo|\bGetty Images\b|\bPhoto(?:graph)?: "
    r"|\bImage: "
)
"""Furniture inside a sentence: a link widget, a "MORE" link, a photo credit."""
_LEAD = re.compile(
    r"^\s*(?:(?:RELATED|READ MORE|Read more|See also|Click here|Sign up for|Subscribe to|"
    r"Advertisement|ADVERTISEMENT|Follow us)\b|(?:Related|Photo|Image|Caption|Video|Watch|"
    r"Listen)\s*:)"
)
"""Furniture a line starts with: related stories, sign-up boxes, captions."""


def _line_of(text: str, start: int, end: int) -> str:
    """The whole line(s) of ``text`` that characters ``start:end`` lie on."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    return text[lo : hi if hi >= 0 else len(text)]


def is_furniture(text: str) -> bool:
    """Whether a sentence is page furniture: a link widget, a related-story line, a caption.

    >>> is_furniture("Ilhan OmarIlhan Omar MORE"), is_furniture("Omar spoke on Tuesday.")
    (True, False)
    """
    return _WIDGET.search(text) is not None or _LEAD.search(text) is not None
