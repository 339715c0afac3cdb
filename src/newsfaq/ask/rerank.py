"""Re-ranking of retrieved sentences for ``newsfaq ask``: which sentence holds the answer.

BM25 (:mod:`newsfaq.ask.retrieval`) finds the sentences that share the question's words; the
answer is often in another one: the sentence after the one naming the subject ("Indian Corn
Candleholder ..." then "Place a candle ..."), a long lead sentence BM25's length norm
penalises, the one sentence of several that holds a figure of the asked type, or one saying the
question's words differently. The first :data:`POOL` sentences by BM25, and the sentence after
each of the first :data:`NEXT_OF` of them, are re-scored by a logistic model over the features
of :func:`sentence_features` (weights ``newsfaq/data/ask_rerank.json``, fitted by
``bench/ask_retrieval.py --fit`` on the reader questions of the tune news pages); the other
sentences keep their BM25 order behind them.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from newsfaq.ask.qanalysis import QuestionAnalysis
from newsfaq.ask.retrieval import (
    TOP_SENTENCES,
    Index,
    bm25,
    coverage,
    plain_lemmas,
    query_weights,
)

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from newsfaq.text.nlp import Analysis

__all__ = [
    "NEXT_OF",
    "POOL",
    "RERANK_WEIGHTS",
    "SentenceInfo",
    "pool",
    "ranked_pool",
    "rerank",
    "sentence_features",
    "sentence_info",
]

POOL = 10
"""How many of the best BM25 sentences are re-scored."""
NEXT_OF = 3
"""The sentence after each of this many best BM25 sentences is re-scored too."""

_TYPE_ENTS: dict[str, frozenset[str]] = {
    "date": frozenset({"DATE", "TIME"}),
    "number": frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}),
    "money": frozenset({"MONEY"}),
    "percent": frozenset({"PERCENT"}),
}
"""Entity labels a sentence answering a question of each expected type holds: figures and
dates only (a "who" answer is as often "the state" or "the council" as a named person)."""
_REASON = frozenset(
    {"because", "since", "due", "so", "reason", "cause", "caused", "led", "order", "result"}
)
_MANNER = frozenset({"by", "through", "via", "using", "use", "how", "way", "step", "then"})
_CLOSE = 0.7
"""Word-vector similarity at which a question word counts as said in other words."""


@dataclass(frozen=True)
class SentenceInfo:
    """What the re-ranker reads of one sentence, whatever the question (kept on the index)."""

    words: frozenset[str]
    """Content lemmas and lowercase words."""
    plain: npt.NDArray[np.float32] | None
    """Unit word vectors of its plain content words (no names, figures, stop words), one a row."""
    labels: frozenset[str]
    """Its entity labels."""
    n_tokens: int
    asks: bool
    """It is a question ("What is genetic testing?")."""


def sentence_info(analysis: Analysis, index: Index, si: int) -> SentenceInfo:
    """The :class:`SentenceInfo` of sentence ``si``, computed once per index."""
    cached = index.sentence_info.get(si)
    if cached is not None:
        return cached
    sent = analysis.sentences[si].span
    words = {lm for t in sent if (lm := index.lemma_of[t.i]) is not None} | {t.lower_ for t in sent}
    info = SentenceInfo(
        words=frozenset(words),
        plain=_unit_rows(sorted(plain_lemmas(sent))),
        labels=frozenset(t.ent_type_ for t in sent if t.ent_type_),
        n_tokens=sum(1 for t in sent if not t.is_punct and not t.is_space),
        asks=sent.text.rstrip().endswith("?"),
    )
    index.sentence_info[si] = info
    return info


def _unit_rows(words: list[str]) -> npt.NDArray[np.float32] | None:
    """Unit vectors of the known ``words``, one a row (None when none is known)."""
    if not words:
        return None
    import numpy as np

    from newsfaq.text.wordvec import word_vectors

    vectors = word_vectors()
    rows = [v for w in words if (v := vectors.vector(w)) is not None]
    return np.stack(rows) if rows else None


def _meaning_share(q: QuestionAnalysis, info: SentenceInfo) -> float:
    """Share of the question's plain content words (no names, figures, capitalised words) that
    are missing from the sentence but have a close word among its plain words (GloVe,
    :data:`_CLOSE`)."""
    asked = [w for w in q.focus if w.isalpha() and w not in q.proper]
    missing = [w for w in asked if w not in info.words]
    if not asked or not missing or info.plain is None:
        return 0.0
    from newsfaq.text.wordvec import word_vectors

    vectors = word_vectors()
    close = 0
    for w in missing:
        v = vectors.vector(w)
        close += v is not None and float((info.plain @ v).max()) >= _CLOSE
    return close / len(asked)


def _entity_share(q: QuestionAnalysis, text: str) -> float:
    """Share of the question's named entities whose text is in ``text`` (case ignored)."""
    if not q.entities:
        return 0.0
    low = text.lower()
    return sum(ent.lower() in low for ent, _ in q.entities) / len(q.entities)


def sentence_features(
    analysis: Analysis, index: Index, q: QuestionAnalysis, scores: list[float], si: int
) -> dict[str, float]:
    """Features of sentence ``si`` as the sentence holding the answer to ``q``.

    ``scores`` are the BM25 scores of every sentence for the question."""
    top = max(scores) or 1.0
    info = sentence_info(analysis, index, si)
    wanted = _TYPE_ENTS.get(q.expected_type)
    why_how = q.expected_type == "reason" or (q.expected_type == "manner" and q.wh == "how")
    marks = _REASON if q.expected_type == "reason" else _MANNER
    ents = _entity_share(q, analysis.sentences[si].text)
    prev_text = analysis.sentences[si - 1].text if si > 0 else ""
    return {
        "bias": 1.0,
        "bm25": scores[si] / top,
        "bm25_prev": scores[si - 1] / top if si > 0 else 0.0,
        "cover_own": coverage(set(info.words), q),
        "meaning": _meaning_share(q, info),
        "ents": ents,
        "ents_prev_only": _entity_share(q, prev_text) if ents == 0.0 else 0.0,
        "type_missing": 1.0 if wanted is not None and not (info.labels & wanted) else 0.0,
        "type_present": 1.0 if wanted is not None and info.labels & wanted else 0.0,
        "whyhow_mark": 1.0 if why_how and info.words & marks else 0.0,
        "lead": 1.0 if si == 0 else 0.0,
        "position": si / max(len(analysis.sentences) - 1, 1),
        "log_len": math.log1p(info.n_tokens),
        "short": 1.0 if info.n_tokens < 6 else 0.0,
        "asks": 1.0 if info.asks else 0.0,
    }


def pool(index: Index, scores: list[float]) -> list[int]:
    """The sentences re-scored: the :data:`POOL` best by BM25 and the sentence after each of the
    :data:`NEXT_OF` best (never page furniture), in BM25 order."""
    ranked = [i for i in sorted(range(len(scores)), key=lambda i: -scores[i])]
    ranked = [i for i in ranked if not index.furniture[i]]
    chosen = ranked[:POOL]
    for i in ranked[:NEXT_OF]:
        nxt = i + 1
        if nxt < len(scores) and not index.furniture[nxt] and nxt not in chosen:
            chosen.append(nxt)
    return chosen


def _load() -> dict[str, float]:
    """Weights of the re-ranker (empty when the file is missing: BM25 order is kept)."""
    try:
        raw = resources.files("newsfaq").joinpath("data", "ask_rerank.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return {}
    return {str(k): float(v) for k, v in json.loads(raw)["weights"].items()}


RERANK_WEIGHTS: dict[str, float] = _load()


def rerank(
    analysis: Analysis,
    index: Index,
    q: QuestionAnalysis,
    weights: dict[str, float] | None = None,
    *,
    whole_pool: bool = False,
) -> tuple[list[float], list[int]]:
    """BM25 score of every sentence and the :data:`~newsfaq.ask.retrieval.TOP_SENTENCES` best
    sentences after re-ranking, best first (plain BM25 order when no weights are loaded);
    ``whole_pool``: every sentence of the pool, best first.

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> from newsfaq.ask.qanalysis import analyze_question
    >>> from newsfaq.ask.retrieval import build_index
    >>> a = analyze(from_text("Ann Lee founded Acme. It makes soap."))
    >>> rerank(a, build_index(a), analyze_question("Who founded Acme?"))[1][0]
    0
    """
    key = q.text
    if weights is None and key in index.reranked:
        scores, order = index.reranked[key]
    else:
        w = RERANK_WEIGHTS if weights is None else weights
        qw = query_weights(q)
        scores = [bm25(index, i, qw) for i in range(len(index.terms))]
        order = ranked_pool(analysis, index, q, scores, w)[0]
        if weights is None:
            index.reranked[key] = (scores, order)
    return scores, order if whole_pool else order[:TOP_SENTENCES]


def ranked_pool(
    analysis: Analysis,
    index: Index,
    q: QuestionAnalysis,
    scores: list[float],
    weights: dict[str, float],
) -> tuple[list[int], dict[int, float]]:
    """The pool of :func:`pool` ordered by the re-ranker's score, best first, and the scores."""
    cands = pool(index, scores)
    if not weights or not cands or max(scores) <= 0:
        return cands, {}
    value = {
        si: sum(
            weights.get(k, 0.0) * v
            for k, v in sentence_features(analysis, index, q, scores, si).items()
        )
        for si in cands
    }
    return sorted(cands, key=lambda si: (-value[si], si)), value
