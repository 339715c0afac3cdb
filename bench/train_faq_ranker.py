"""Train the FAQ ranker (logistic regression) on blind rubric labels of tune-page candidates.

Inputs, in ``bench/ratings/candidates-tune/``: ``NAME.candidates.jsonl`` (the items raters saw,
written by ``bench/faq_candidates.py``) and ``NAME.labels.json`` (``{"page", "items": [{"n",
"q_ok", "a_ok"}]}``, written by blind raters). Every page is re-run with today's code; each
labelled item is matched to today's candidate by its question and answer text and gets today's
features (``newsfaq.explain.questions.ranking.features``). The label is item-ok (q_ok and a_ok).

Reports leave-one-page-out figures (AUC; share of acceptable items among those the model would
keep, against the hand-set order) and, with ``--save``, fits on all pages and writes the weights,
the threshold and their provenance to ``src/newsfaq/data/faq_ranker.json``.

    .venv/bin/python bench/train_faq_ranker.py            # cross-validation only
    .venv/bin/python bench/train_faq_ranker.py --save
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages

RATINGS = Path(__file__).resolve().parent / "ratings" / "candidates-tune"
# the second labelled set: every survivor of today's filters on 37 more tune pages (session 7)
RATINGS_S7 = RATINGS.with_name("candidates-tune-s7")
# the third: survivors of session 12 whose text no earlier label rates (21 tune pages, 93 items)
RATINGS_S12 = RATINGS.with_name("candidates-tune-s12")
RATING_DIRS = (RATINGS, RATINGS_S7, RATINGS_S12)
OUT = Path(__file__).resolve().parents[1] / "src" / "newsfaq" / "data" / "faq_ranker.json"
L2 = 3.0  # chosen by leave-one-page-out AUC among 0.3, 1, 3, 10
# With the readability gates, CV: 74 kept, 38% acceptable; 0.25: 67 kept, 42%. A refit saved at
# 0.25 drops the shared example's "Who is" and "call for" items when it has no key facts, and at
# 0.2 lengthens the test articles' FAQs (up to 8 items): the shipped weights (fitted before the
# gates) and this threshold are kept.
# Session 7 refit on both labelled sets (501 candidates still generated, 56 tune pages; new
# features "s_words", "q_share"): leave-one-page-out AUC 0.678 (the session 4
# weights score 0.659 on the new labels alone). Keeping the top 7 per page above 0.35 with at
# least one keeps 39-44% acceptable, against 31-34% for 0.2 with at least two, but drops good
# items with the bad (the shared example keeps only 2 questions, losing "What did Avdonin call
# for?" and "Who is Alexander Avdonin?"): no threshold reaches a precision an editor would
# trust, so coverage decides and 0.2 (at least two) stays. The refit at 0.2 was not shipped
# either: the same precision as the session 4 weights (34%), and it reorders the shared
# example's items so that "What did Avdonin call for?" no longer makes the FAQ.
THRESHOLD = 0.2
KEEP = 7  # at most this many items per page besides the gist


def _rows(name: str) -> list[dict[str, Any]]:
    """Labelled items of one page (from every labelled set): question, answer, label."""
    out = []
    for ratings in RATING_DIRS:
        if (ratings / f"{name}.labels.json").exists():
            out += _rows_in(ratings, name)
    return out


def _rows_in(ratings: Path, name: str) -> list[dict[str, Any]]:
    labels = json.loads((ratings / f"{name}.labels.json").read_text(encoding="utf-8"))
    by_n = {
        r["n"]: r
        for r in map(json.loads, (ratings / f"{name}.candidates.jsonl").open(encoding="utf-8"))
    }
    out = []
    for it in labels["items"]:
        r = by_n[it["n"]]
        ok = bool(it["q_ok"] and it["a_ok"])
        out.append({"question": r["question"], "answer": r["answer"], "y": ok})
    return out


def _features(name: str) -> dict[tuple[str, str], dict[str, float]]:
    """Today's features of every candidate of a page that passes today's filters."""
    from newsfaq.explain.faq import run_faq
    from newsfaq.ingest.loader import from_html
    from newsfaq.text.facts import extract_facts
    from newsfaq.text.nlp import analyze

    analysis = analyze(from_html(pages.html(name), source=name))
    facts = list(analysis.derived("facts", extract_facts))
    run = run_faq(analysis, facts, n=8, check_all=True)
    text = analysis.article.text
    return {
        (s.cand.question, text[s.cand.answer_start : s.cand.answer_end]): s.features
        for s in run.checked
        if s.rejected is None
    }


def _fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 3000) -> np.ndarray:
    """L2-regularised logistic regression by gradient descent (the bias is not penalised)."""
    w = np.zeros(x.shape[1])
    lr = 0.5
    pen = np.full(x.shape[1], l2)
    pen[0] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + pen * w / len(y)
        w -= lr * grad
    return w


def _auc(scores: list[float], labels: list[bool]) -> float:
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    if not pos or not neg:
        return float("nan")
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / (len(pos) * len(neg))


def _kept(scores: list[float], labels: list[bool], threshold: float) -> tuple[int, int]:
    """(acceptable, kept) among the top KEEP items scoring at least ``threshold``."""
    order = sorted(range(len(scores)), key=lambda i: -scores[i])[:KEEP]
    kept = [i for i in order if scores[i] >= threshold]
    return sum(labels[i] for i in kept), len(kept)


Row = tuple[dict[str, float], bool, float]  # features, item acceptable, hand-set score


def _load(names: list[str]) -> tuple[dict[str, list[Row]], int]:
    """Labelled rows of every page with today's features; how many are no longer generated."""
    data: dict[str, list[Row]] = {}
    missing = 0
    for name in names:
        feats = _features(name)
        rows = []
        for r in _rows(name):
            f = feats.get((r["question"], r["answer"]))
            if f is None:
                missing += 1  # filtered out by today's code
                continue
            rows.append((f, r["y"], f.get("hand", 0.0)))
        data[name] = rows
        print(f"{name}: {len(rows)} labelled candidates", file=sys.stderr)
    return data, missing


def _matrix(rows: list[Row], keys: list[str]) -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[f.get(k, 1.0 if k == "bias" else 0.0) for k in keys] for f, _, _ in rows])
    y = np.array([float(yv) for _, yv, _ in rows])
    return x, y


def _cross_validate(data: dict[str, list[Row]], keys: list[str]) -> None:
    """Leave one page out: AUC, and the share of acceptable items the model would keep."""
    per_page: list[tuple[list[float], list[bool], list[float]]] = []
    for name, rows in data.items():
        if not rows:
            continue
        train = [row for other, r in data.items() if other != name for row in r]
        w = _fit(*_matrix(train, keys))
        xt, _ = _matrix(rows, keys)
        probs = [float(v) for v in 1.0 / (1.0 + np.exp(-(xt @ w)))]
        per_page.append((probs, [bool(y) for _, y, _ in rows], [h for _, _, h in rows]))
    scores = [p for pg in per_page for p in pg[0]]
    labels = [y for pg in per_page for y in pg[1]]
    hand = [h for pg in per_page for h in pg[2]]
    print(
        f"leave-one-page-out AUC: model {_auc(scores, labels):.3f}, "
        f"hand-set {_auc(hand, labels):.3f}"
    )
    from newsfaq.explain.questions.ranking import ranker

    shipped = ranker()
    if shipped is not None:  # not cross-validated: fitted on some of these pages
        rows = [row for r in data.values() for row in r]
        probs = [shipped.prob(f) for f, _, _ in rows]
        good, kept = _kept(probs, [bool(y) for _, y, _ in rows], shipped.threshold)
        print(
            f"shipped weights: AUC {_auc(probs, [bool(y) for _, y, _ in rows]):.3f}, keep "
            f"{kept} items at {shipped.threshold}, {100 * good / max(kept, 1):.0f}% acceptable"
        )
    for threshold in (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        good = kept = good_h = kept_h = 0
        for probs, labs, hands in per_page:
            g, k = _kept(probs, labs, threshold)
            gh, kh = _kept(hands, labs, -1e9)
            good, kept, good_h, kept_h = good + g, kept + k, good_h + gh, kept_h + kh
        print(
            f"  threshold {threshold:.2f}: model keeps {kept} items, "
            f"{100 * good / max(kept, 1):.0f}% acceptable; hand-set top {KEEP} per page: "
            f"{kept_h}, {100 * good_h / max(kept_h, 1):.0f}% acceptable"
        )


def _save(data: dict[str, list[Row]], keys: list[str], names: list[str]) -> None:
    rows = [row for r in data.values() for row in r]
    w = _fit(*_matrix(rows, keys))
    model = {
        "provenance": (
            f"Logistic regression (L2 {L2}) fitted by bench/train_faq_ranker.py on "
            f"{len(rows)} FAQ candidates of {len(names)} tune pages of ../shared/data/news-pages "
            f"(bench/pages.py tune(); no held-out page), labelled blind with "
            f"../shared/FAQ-RUBRIC.md (label: item acceptable), "
            f"{datetime.now(UTC).date().isoformat()}. Labels: "
            f"bench/ratings/candidates-tune/*.labels.json, "
            f"bench/ratings/candidates-tune-s7/*.labels.json and "
            f"bench/ratings/candidates-tune-s12/*.labels.json."
        ),
        "pages": names,
        "threshold": THRESHOLD,
        "weights": {k: round(float(v), 5) for k, v in zip(keys, w, strict=True)},
    }
    OUT.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


def _by_kind(data: dict[str, list[Row]]) -> None:
    """Acceptable share by question kind among the items the shipped ranker keeps, at rising
    thresholds: whether its score picks the good items of each kind."""
    from newsfaq.explain.questions.ranking import ranker

    shipped = ranker()
    if shipped is None:
        return
    by: dict[str, list[tuple[float, bool]]] = {}
    for rows in data.values():
        for f, y, _ in rows:
            kind = next((k[5:] for k, v in f.items() if k.startswith("kind_") and v), "other")
            by.setdefault(kind, []).append((shipped.prob(f), bool(y)))
    print("shipped weights, acceptable / kept by kind at P >= 0.2, 0.25, 0.3, 0.35, 0.4:")
    for kind, rows in sorted(by.items(), key=lambda kv: -len(kv[1])):
        cells = []
        for t in (0.2, 0.25, 0.3, 0.35, 0.4):
            kept = [y for p, y in rows if p >= t]
            cells.append(f"{sum(kept)}/{len(kept)}")
        print(f"  {kind:9} all {sum(y for _, y in rows)}/{len(rows)}; " + ", ".join(cells))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", action="store_true", help="fit on all pages and write the model")
    args = ap.parse_args()
    names = sorted(
        {p.name.removesuffix(".labels.json") for d in RATING_DIRS for p in d.glob("*.labels.json")}
    )
    held = set(pages.held_out())
    assert not held & set(names), "labels of held-out pages must never be used"
    data, missing = _load(names)
    # "templated" is not a weight: a templated candidate gets the FAQ's fixed rank bonus
    known = {k for r in data.values() for f, _, _ in r for k in f}
    keys = ["bias", *sorted(known - {"bias", "templated"})]
    n_all = sum(len(r) for r in data.values())
    n_pos = sum(y for r in data.values() for _, y, _ in r)
    print(
        f"pages {len(names)}, labelled candidates {n_all} (acceptable {n_pos}), "
        f"no longer generated {missing}"
    )
    _cross_validate(data, keys)
    _by_kind(data)
    if args.save:
        _save(data, keys, names)


if __name__ == "__main__":
    main()
