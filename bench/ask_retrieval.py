"""Sentence retrieval of ``newsfaq ask`` on the reader questions of the TUNE news pages.

For every answerable reader question (factual, why/how) of the pages ``bench/pages.py`` does not
hold out, the gold answers (``answer_spans`` offsets into the page's reference text, see
``bench/ask_readers.py``) are located in the text ingested from the page's HTML (the text
``ask`` reads; the gold text found anywhere in it, whitespace normalised, case kept). A sentence
holds the answer when it covers at least half of the characters of one gold occurrence.
Questions whose gold answer cannot be found in the ingested text are counted apart.

Reported per kind: recall@1 and recall@3 (a sentence holding the answer among the first 1 / 3
sentences :func:`newsfaq.ask.retrieval.rank_sentences` gives), and recall@10 of plain BM25.
Held-out pages are never read.

    .venv/bin/python bench/ask_retrieval.py
    .venv/bin/python bench/ask_retrieval.py --misses 20   # print 20 misses (tune pages only)
    .venv/bin/python bench/ask_retrieval.py --fit src/newsfaq/data/ask_rerank.json

``--fit`` fits the re-ranker of :mod:`newsfaq.ask.rerank` (a softmax over each question's pool of
sentences, the gold-holding ones the target, L2 penalty) on these questions, prints its recall
by leave-pages-out cross-validation (5 folds of pages: each page ranked by weights fitted
without it) next to BM25's, and saves the weights fitted on all of them.
"""

# ruff: noqa: E402  (thread limits must be set before numpy and spaCy are imported)
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np

from ask_readers import QUESTIONS, _pages
from newsfaq.ask.qanalysis import QuestionAnalysis, analyze_questions
from newsfaq.ask.rerank import pool, rerank, sentence_features
from newsfaq.ask.retrieval import Index, build_index, query_weights, rank_sentences
from newsfaq.text.nlp import Analysis

ANSWERABLE = ("factual", "why_how")


@dataclass
class RetrievalItem:
    """One answerable tune question with its page and the sentences holding its answer."""

    page: int
    kind: str
    question: QuestionAnalysis
    analysis: Analysis
    index: Index
    gold: frozenset[int]
    """Indices of the sentences that hold a gold answer (empty: not found in the text)."""


def _occurrences(text: str, gold: str) -> list[tuple[int, int]]:
    """Character ranges of ``gold`` in ``text`` (any whitespace between its words)."""
    words = gold.split()
    if not words:
        return []
    pattern = r"\s+".join(re.escape(w) for w in words)
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def gold_sentences(analysis: Analysis, golds: list[str]) -> frozenset[int]:
    """Sentences covering at least half of one occurrence of a gold answer."""
    text = analysis.article.text
    out: set[int] = set()
    for gold in golds:
        for start, end in _occurrences(text, gold):
            for s in analysis.sentences:
                overlap = min(end, s.end) - max(start, s.start)
                if overlap > 0 and 2 * overlap >= end - start:
                    out.add(s.id)
    return frozenset(out)


def items(questions: Path = QUESTIONS) -> Iterator[RetrievalItem]:
    """Every answerable reader question of the tune pages (pages that parse)."""
    for page, (_, qs, golds, analysis) in enumerate(_pages(questions, parts=("other",))):
        if analysis is None:
            continue
        index = build_index(analysis)
        kept = [(q, g) for q, g in zip(qs, golds, strict=True) if q["kind"] in ANSWERABLE]
        parsed = analyze_questions([q["q"] for q, _ in kept])
        for (q, g), qa in zip(kept, parsed, strict=True):
            yield RetrievalItem(page, q["kind"], qa, analysis, index, gold_sentences(analysis, g))


def bm25_order(item: RetrievalItem) -> list[int]:
    """Every non-furniture sentence by plain BM25, best first."""
    scores, _ = rank_sentences(item.index, query_weights(item.question))
    ranked = sorted(range(len(scores)), key=lambda i: -scores[i])
    return [i for i in ranked if not item.index.furniture[i]]


def shipped_order(item: RetrievalItem) -> list[int]:
    """The sentences ``ask`` retrieves (:func:`newsfaq.ask.rerank.rerank`), best first."""
    return rerank(item.analysis, item.index, item.question)[1]


Group = tuple[int, str, frozenset[int], list[int], list[int], list[dict[str, float]]]
"""(page, kind, gold sentences, plain BM25 order, the re-ranked pool, each pool sentence's
features)."""


def groups(rows: list[RetrievalItem]) -> list[Group]:
    """The re-ranker's pool and features of every question whose gold answer was found."""
    out: list[Group] = []
    for item in rows:
        if not item.gold:
            continue
        scores, _ = rank_sentences(item.index, query_weights(item.question))
        cands = pool(item.index, scores)
        feats = [
            sentence_features(item.analysis, item.index, item.question, scores, si) for si in cands
        ]
        out.append((item.page, item.kind, item.gold, bm25_order(item), cands, feats))
    return out


def fit_rerank(train: list[Group], l2: float = 1e-2, steps: int = 2000) -> dict[str, float]:
    """Softmax over each question's pool (target: its gold-holding sentences, equally)."""
    names = sorted({k for g in train for f in g[5] for k in f})
    mats = []
    for _, _, gold, _, cands, feats in train:
        target = np.array([1.0 if si in gold else 0.0 for si in cands])
        if target.sum() == 0 or target.sum() == len(cands):
            continue
        x = np.array([[f.get(k, 0.0) for k in names] for f in feats])
        mats.append((x, target / target.sum()))
    w = np.zeros(len(names))
    m = np.zeros(len(names))
    v = np.zeros(len(names))
    for step in range(1, steps + 1):
        grad = l2 * w
        for x, t in mats:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            grad += x.T @ (p - t) / len(mats)
        m = 0.9 * m + 0.1 * grad
        v = 0.999 * v + 0.001 * grad**2
        w -= 0.05 * (m / (1 - 0.9**step)) / (np.sqrt(v / (1 - 0.999**step)) + 1e-8)
    return {k: round(float(x), 4) for k, x in zip(names, w, strict=True)}


def _order(group: Group, weights: dict[str, float]) -> list[int]:
    """The pool by the re-ranker's score with these weights, best first."""
    _, _, _, _, cands, feats = group
    value = [sum(weights.get(k, 0.0) * x for k, x in f.items()) for f in feats]
    return [cands[i] for i in sorted(range(len(cands)), key=lambda i: (-value[i], cands[i]))]


def cross_validate(rows: list[Group], k: int = 5) -> list[tuple[str, frozenset[int], list[int]]]:
    """Each question ranked by weights fitted without its page (``k`` folds of pages)."""
    pages = sorted({g[0] for g in rows})
    out: list[tuple[str, frozenset[int], list[int]]] = []
    for fold in range(k):
        held = {p for i, p in enumerate(pages) if i % k == fold}
        weights = fit_rerank([g for g in rows if g[0] not in held])
        out += [(g[1], g[2], _order(g, weights)) for g in rows if g[0] in held]
    return out


def fit(rows: list[RetrievalItem], path: Path) -> None:
    """Print BM25 vs cross-validated re-ranker recall and save the weights fitted on all."""
    data = groups(rows)
    plain = [(g[1], g[2], g[3]) for g in data]
    cv = cross_validate(data)
    out = {
        "questions": len(data),
        "bm25": {"at_1": recall(plain, 1), "at_3": recall(plain, 3)},
        "rerank_cross_validated": {"at_1": recall(cv, 1), "at_3": recall(cv, 3)},
    }
    print(json.dumps(out, indent=2))
    weights = fit_rerank(data)
    provenance = (
        "bench/ask_retrieval.py --fit: softmax over each question's pool of sentences, "
        f"{len(data)} answerable reader questions of the tune news pages (bench/pages.py tune())"
    )
    payload = {"weights": weights, "provenance": provenance}
    path.write_text(json.dumps(payload, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(json.dumps(weights, indent=1))


def recall(rows: list[tuple[str, frozenset[int], list[int]]], k: int) -> dict[str, float]:
    """Recall@k per kind: a sentence holding the answer among the first ``k``."""
    out: dict[str, float] = {}
    for kind in ANSWERABLE:
        hits = [bool(set(order[:k]) & gold) for kd, gold, order in rows if kd == kind]
        out[kind] = round(100 * sum(hits) / max(len(hits), 1), 1)
    return out


def main() -> None:
    """Print recall@1/@3 of the shipped retrieval (and @10 of BM25) on tune questions."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--questions", type=Path, default=QUESTIONS)
    ap.add_argument("--misses", type=int, default=0, help="print this many recall@3 misses")
    ap.add_argument("--fit", type=Path, help="fit the re-ranker and save its weights here")
    args = ap.parse_args()
    if args.fit is not None:
        fit(list(items(args.questions)), args.fit)
        return
    shipped: list[tuple[str, frozenset[int], list[int]]] = []
    plain: list[tuple[str, frozenset[int], list[int]]] = []
    not_found = {kind: 0 for kind in ANSWERABLE}
    shown = 0
    for item in items(args.questions):
        if not item.gold:
            not_found[item.kind] += 1
            continue
        order = shipped_order(item)
        shipped.append((item.kind, item.gold, order))
        plain.append((item.kind, item.gold, bm25_order(item)))
        if shown < args.misses and not set(order[:3]) & item.gold:
            shown += 1
            _print_miss(item, order)
    n = {kind: sum(1 for kd, _, _ in shipped if kd == kind) for kind in ANSWERABLE}
    out = {
        "questions_with_gold_found": n,
        "gold_not_found_in_ingested_text": not_found,
        "recall_at_1": recall(shipped, 1),
        "recall_at_3": recall(shipped, 3),
        "bm25_recall_at_10": recall(plain, 10),
    }
    print(json.dumps(out, indent=2))


def _print_miss(item: RetrievalItem, order: list[int]) -> None:
    """A retrieval miss: the question, the gold sentence(s) and the retrieved ones."""
    sents = item.analysis.sentences
    print(f"\n[{item.kind}] Q: {item.question.text}  focus={item.question.focus}")
    for si in sorted(item.gold):
        print(f"  GOLD {si}: {sents[si].text[:300]!r}")
        if si > 0:
            print(f"    prev {si - 1}: {sents[si - 1].text[:200]!r}")
    for si in order[:3]:
        print(f"  got  {si}: {sents[si].text[:200]!r}")


if __name__ == "__main__":
    main()
