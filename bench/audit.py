"""Benchmark the audit checker on the SummaC validation cut (../shared/data/summac-val).

Each row is a document, a claim (a summary) and a label (1 = consistent). A summary's score is
the lowest consistency score (``audit.pipeline.claim_score``) of its claims: one bad claim makes
the summary inconsistent. We report balanced accuracy per set with the threshold chosen on one
half and measured on the other (both ways, averaged; the fixed split of seed 13 and the mean over
20 random splits, which is less noisy on these small sets), ROC AUC (no threshold), with
leave-one-dataset-out thresholds (one
threshold fitted on the other three sets), the default checker's own decision (consistent when
every claim's verdict is ``supported``; no threshold fitted), the mean over the four sets, and
the time per claim.

    .venv/bin/python bench/audit.py [--data ../shared/data/summac-val] [--limit N]
"""

from __future__ import annotations

import argparse
import bisect
import json
import random
import statistics
import sys
import time
from pathlib import Path

from newsfaq.audit.claims import truecase
from newsfaq.audit.pipeline import audit_analysis
from newsfaq.ingest.loader import paragraph_offsets
from newsfaq.models import Article
from newsfaq.text.nlp import analyze, get_nlp

SETS = ("factcc", "polytope", "summeval", "xsumfaith")
PUBLISHED_ZS = {"factcc": 0.838, "polytope": 0.620, "summeval": 0.787, "xsumfaith": 0.584}


def balanced_accuracy(scores: list[float], labels: list[int], threshold: float) -> float:
    """Mean of the recall on consistent (score >= threshold) and inconsistent rows."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y == 1]
    neg = [s for s, y in zip(scores, labels, strict=True) if y == 0]
    if not pos or not neg:
        return float("nan")
    tpr = sum(s >= threshold for s in pos) / len(pos)
    tnr = sum(s < threshold for s in neg) / len(neg)
    return (tpr + tnr) / 2


def best_threshold(scores: list[float], labels: list[int]) -> float:
    """The threshold that maximises balanced accuracy on these rows."""
    cands = [*sorted(set(scores)), max(scores, default=0.0) + 1e-6]
    return max(cands, key=lambda t: (balanced_accuracy(scores, labels, t), -abs(t - 0.5)))


def best_threshold_multi(groups: list[tuple[list[float], list[int]]]) -> float:
    """Threshold maximising the mean balanced accuracy over several sets."""
    cands = sorted({s for sc, _ in groups for s in sc})
    return max(
        cands,
        key=lambda t: statistics.mean(balanced_accuracy(sc, lb, t) for sc, lb in groups),
    )


def score_set(
    path: Path, limit: int | None
) -> tuple[list[float], list[int], list[bool], int, float, float, float]:
    """Audit every row of one set; return scores, labels, verdicts (all claims supported),
    claims, doc-parse seconds, check seconds (wall clock) and check seconds (CPU time)."""
    rows = list(json.loads(path.read_text(encoding="utf-8")).values())
    if limit:
        random.Random(0).shuffle(rows)
        rows = rows[:limit]
    nlp = get_nlp()
    docs = sorted({r["document"] for r in rows})
    t0 = time.perf_counter()
    parsed = dict(zip(docs, nlp.pipe(docs, batch_size=32), strict=True))
    analyses = {
        d: analyze(Article(text=d, paragraphs=paragraph_offsets(d)), doc=parsed[d]) for d in docs
    }
    t_docs = time.perf_counter() - t0
    t1 = time.perf_counter()
    c1 = time.process_time()
    claims = [r["claim"] for r in rows]
    cased = [truecase(c, analyses[r["document"]].doc) for c, r in zip(claims, rows, strict=True)]
    claim_docs = list(nlp.pipe(cased, batch_size=64))
    scores: list[float] = []
    verdicts: list[bool] = []
    n_claims = 0
    for row, cdoc in zip(rows, claim_docs, strict=True):
        report = audit_analysis(analyses[row["document"]], row["claim"], derived_doc=cdoc)
        n_claims += len(report.claims)
        scores.append(min((c.score for c in report.claims), default=1.0))
        verdicts.append(all(c.verdict == "supported" for c in report.claims))
    t_check = time.perf_counter() - t1
    c_check = time.process_time() - c1
    labels = [int(r["label"]) for r in rows]
    return scores, labels, verdicts, n_claims, t_docs, t_check, c_check


def roc_auc(scores: list[float], labels: list[int]) -> float:
    """Probability that a consistent row scores above an inconsistent one (ties count half)."""
    pos = sorted(s for s, y in zip(scores, labels, strict=True) if y == 1)
    neg = sorted(s for s, y in zip(scores, labels, strict=True) if y == 0)
    if not pos or not neg:
        return float("nan")
    wins = 0.0
    for p in pos:
        wins += bisect.bisect_left(neg, p) + 0.5 * (
            bisect.bisect_right(neg, p) - bisect.bisect_left(neg, p)
        )
    return wins / (len(pos) * len(neg))


def split_ba(scores: list[float], labels: list[int], seed: int) -> float:
    """Balanced accuracy with the threshold fitted on one half, measured on the other (both
    ways, averaged)."""
    a, b = halves(len(labels), seed)
    runs = []
    for fit, test in ((a, b), (b, a)):
        t = best_threshold([scores[i] for i in fit], [labels[i] for i in fit])
        runs.append(balanced_accuracy([scores[i] for i in test], [labels[i] for i in test], t))
    return statistics.mean(runs)


def halves(n: int, seed: int = 13) -> tuple[list[int], list[int]]:
    """A fixed random split of row indices into two halves."""
    idx = list(range(n))
    random.Random(seed).shuffle(idx)
    return idx[: n // 2], idx[n // 2 :]


def main() -> int:
    """Run the benchmark and print a Markdown table."""
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=here.parent / "shared/data/summac-val")
    parser.add_argument("--limit", type=int, default=None, help="rows per set (for a quick run)")
    parser.add_argument("--json", type=Path, default=None, help="also write the scores here")
    args = parser.parse_args()

    results: dict[str, tuple[list[float], list[int]]] = {}
    decisions: dict[str, list[bool]] = {}
    total_claims = 0
    total_docs_s = total_check_s = total_cpu_s = 0.0
    for name in SETS:
        scores, labels, verdicts, n_claims, t_docs, t_check, c_check = score_set(
            args.data / f"{name}.json", args.limit
        )
        results[name] = (scores, labels)
        decisions[name] = verdicts
        total_claims += n_claims
        total_docs_s += t_docs
        total_check_s += t_check
        total_cpu_s += c_check
        print(
            f"{name}: {len(labels)} rows, {n_claims} claims, parse originals {t_docs:.1f} s, "
            f"claims {t_check:.1f} s",
            file=sys.stderr,
        )

    print(
        "| set | rows | half-split BA (seed 13) | half-split BA (mean of 20 splits) | ROC AUC "
        "| leave-one-set-out BA | BA of the verdicts (all claims supported) "
        "| SummaC-ZS (published, test) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    seed13_ba: dict[str, float] = {}
    multi_ba: dict[str, float] = {}
    auc: dict[str, float] = {}
    lodo_ba: dict[str, float] = {}
    fixed_ba: dict[str, float] = {}
    for name in SETS:
        scores, labels = results[name]
        seed13_ba[name] = split_ba(scores, labels, 13)
        multi_ba[name] = statistics.mean(split_ba(scores, labels, seed) for seed in range(20))
        auc[name] = roc_auc(scores, labels)
        others = [results[o] for o in SETS if o != name]
        t = best_threshold_multi(others)
        lodo_ba[name] = balanced_accuracy(scores, labels, t)
        fixed_ba[name] = balanced_accuracy([float(v) for v in decisions[name]], labels, 0.5)
        print(
            f"| {name} | {len(labels)} | {seed13_ba[name]:.3f} | {multi_ba[name]:.3f} "
            f"| {auc[name]:.3f} | {lodo_ba[name]:.3f} "
            f"| {fixed_ba[name]:.3f} | {PUBLISHED_ZS[name]:.3f} |"
        )
    print(
        f"| **mean** | | **{statistics.mean(seed13_ba.values()):.3f}** | "
        f"**{statistics.mean(multi_ba.values()):.3f}** | **{statistics.mean(auc.values()):.3f}** | "
        f"**{statistics.mean(lodo_ba.values()):.3f}** | "
        f"**{statistics.mean(fixed_ba.values()):.3f}** | "
        f"{statistics.mean(PUBLISHED_ZS.values()):.3f} |"
    )
    print()
    print(
        f"claims: {total_claims}; checking (claim parse + align + checks): "
        f"{1000 * total_check_s / max(total_claims, 1):.1f} ms/claim wall clock, "
        f"{1000 * total_cpu_s / max(total_claims, 1):.1f} ms/claim CPU; with the originals' "
        f"parse: {1000 * (total_check_s + total_docs_s) / max(total_claims, 1):.1f} ms/claim"
    )
    if args.json:
        args.json.write_text(
            json.dumps({k: {"scores": v[0], "labels": v[1]} for k, v in results.items()}),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
