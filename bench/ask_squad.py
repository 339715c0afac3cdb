"""Benchmark ``newsfaq ask`` on SQuAD v1.1 dev: EM/F1, answers per second, abstention.

Reads ``../shared/data/squad-v1.1/dev-v1.1.json.zip`` in place (never copied). Articles are split
in two halves by a seeded shuffle: the *tune* half fits the span-scorer weights (``--train``) and
the abstention threshold; every figure is reported on the other (*report*) half.

    .venv/bin/python bench/ask_squad.py --limit 3000 --seed 13
    .venv/bin/python bench/ask_squad.py --train --seed 13      # refit weights, print them

EM and F1 use the official SQuAD normalization (lowercase, strip punctuation and the articles
a/an/the, collapse whitespace), re-implemented here from its definition; max over gold answers.
"""

# ruff: noqa: E402  (thread limits must be set before numpy and spaCy are imported)
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import importlib
import json
import random
import re
import string
import sys
import time
import zipfile
from array import array
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsfaq.ask.qanalysis import QuestionAnalysis, analyze_questions
from newsfaq.models import Article
from newsfaq.text.nlp import Analysis, analyze, get_nlp

ask_mod = importlib.import_module("newsfaq.ask.answer")

DATA = Path(__file__).resolve().parents[2] / "shared/data/squad-v1.1/dev-v1.1.json.zip"
_PUNCT = set(string.punctuation)


def normalize(text: str) -> str:
    """SQuAD normalization: lowercase, drop punctuation, drop a/an/the, collapse whitespace."""
    text = "".join(ch for ch in text.lower() if ch not in _PUNCT)
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split())


def f1_score(pred: str, gold: str) -> float:
    """Token-level F1 between normalized prediction and gold answer."""
    p, g = normalize(pred).split(), normalize(gold).split()
    common = Counter(p) & Counter(g)
    same = sum(common.values())
    if same == 0:
        return 0.0
    precision, recall = same / len(p), same / len(g)
    return 2 * precision * recall / (precision + recall)


def exact(pred: str, gold: str) -> float:
    """1.0 when the normalized strings are equal."""
    return float(normalize(pred) == normalize(gold))


@dataclass
class Item:
    """One question with its paragraph and article."""

    article: int
    paragraph: int
    question: str
    answers: list[str]


def read_squad(path: Path) -> dict[str, Any]:
    """The SQuAD JSON of a zip file, read in place (never unpacked to disk)."""
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".json"))
        data: dict[str, Any] = json.loads(zf.read(name))
    return data


def load(path: Path) -> tuple[list[str], list[int], list[Item]]:
    """Paragraph texts, the article of each paragraph, and the questions."""
    data = read_squad(path)
    contexts: list[str] = []
    article_of: list[int] = []
    items: list[Item] = []
    for a, art in enumerate(data["data"]):
        for para in art["paragraphs"]:
            pi = len(contexts)
            contexts.append(para["context"])
            article_of.append(a)
            for qa in para["qas"]:
                golds = [x["text"] for x in qa["answers"]]
                items.append(Item(a, pi, qa["question"], golds))
    return contexts, article_of, items


def span_text(analysis: Analysis, start: int, end: int) -> str:
    """Text of doc tokens start:end."""
    doc = analysis.doc
    return analysis.article.text[doc[start].idx : doc[end - 1].idx + len(doc[end - 1].text)]


def train(
    analyses: dict[int, Analysis],
    indexes: dict[int, ask_mod.Index],
    items: list[Item],
    questions: list[QuestionAnalysis],
    epochs: int = 300,
    l2: float = 1e-4,
    min_count: int = 8,
) -> dict[str, float]:
    """Fit the linear span scorer: softmax over each question's candidates, target = best F1."""
    # features seen with fewer than ``min_count`` questions are left out (rare lexical pairs)
    seen: Counter[str] = Counter()
    per_question: list[list[ask_mod.Candidate]] = []
    for item, q in zip(items, questions, strict=True):
        cands, _ = ask_mod.candidates(analyses[item.paragraph], q, indexes[item.paragraph])
        per_question.append(cands)
        seen.update({name for c in cands for name in c.features})
    vocab: dict[str, int] = {}
    rows = array("l")
    cols = array("l")
    vals = array("d")
    group_start: list[int] = []
    target: list[float] = []
    n_rows = 0
    for item, cands in zip(items, per_question, strict=True):
        analysis = analyses[item.paragraph]
        if not cands:
            continue
        f1s = [
            max(f1_score(span_text(analysis, c.start, c.end), g) for g in item.answers)
            for c in cands
        ]
        best = max(f1s)
        if best <= 0:
            continue
        group_start.append(n_rows)
        for c, f in zip(cands, f1s, strict=True):
            for name, value in c.features.items():
                if seen[name] < min_count:
                    continue
                rows.append(n_rows)
                cols.append(vocab.setdefault(name, len(vocab)))
                vals.append(value)
            target.append(1.0 if f == best else 0.0)
            n_rows += 1
    r = np.frombuffer(rows, dtype=np.int64)
    c = np.frombuffer(cols, dtype=np.int64)
    v = np.frombuffer(vals, dtype=np.float64)
    y = np.asarray(target)
    starts = np.asarray(group_start, dtype=np.int64)
    group = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, n_rows)))
    y = y / np.bincount(group, weights=y)[group]
    w = np.zeros(len(vocab))
    m = np.zeros_like(w)
    s = np.zeros_like(w)
    lr, b1, b2 = 0.05, 0.9, 0.999
    n_groups = len(starts)
    for epoch in range(1, epochs + 1):
        z = np.bincount(r, weights=v * w[c], minlength=n_rows)
        zmax = np.maximum.reduceat(z, starts)[group]
        e = np.exp(z - zmax)
        p = e / np.bincount(group, weights=e)[group]
        g_rows = (p - y) / n_groups
        grad = np.bincount(c, weights=v * g_rows[r], minlength=len(w)) + l2 * w
        m = b1 * m + (1 - b1) * grad
        s = b2 * s + (1 - b2) * grad * grad
        w -= lr * (m / (1 - b1**epoch)) / (np.sqrt(s / (1 - b2**epoch)) + 1e-8)
        if epoch % 100 == 0 or epoch == 1:
            loss = -np.sum(y * np.log(p + 1e-12)) / n_groups
            print(f"  epoch {epoch}: loss {loss:.4f}", file=sys.stderr)
    return {name: round(float(w[i]), 3) for name, i in vocab.items() if abs(w[i]) >= 0.01}


def main() -> None:
    """Run the benchmark (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=0, help="questions to use (0 = all 10,570)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--train", action="store_true", help="fit weights on the tune half, print")
    ap.add_argument("--epochs", type=int, default=300)
    ap.add_argument("--target-abstention", type=float, default=0.97)
    ap.add_argument("--save-weights", type=Path, default=None, help="with --train: write here")
    args = ap.parse_args()

    contexts, article_of, items = load(args.data)
    rng = random.Random(args.seed)
    arts = sorted(set(article_of))
    rng.shuffle(arts)
    tune_arts = set(arts[: len(arts) // 2])
    paras = list(range(len(contexts)))
    rng.shuffle(paras)
    by_para: dict[int, list[Item]] = {}
    for it in items:
        by_para.setdefault(it.paragraph, []).append(it)
    chosen: list[int] = []
    count = 0
    for p in paras:
        chosen.append(p)
        count += len(by_para.get(p, []))
        if args.limit and count >= args.limit:
            break
    chosen.sort()
    sel = [it for p in chosen for it in by_para.get(p, [])]
    # unrelated pairing: a paragraph of another article, chosen among the selected paragraphs
    unrelated: list[int] = []
    for it in sel:
        while True:
            p = chosen[rng.randrange(len(chosen))]
            if article_of[p] != it.article:
                break
        unrelated.append(p)

    nlp = get_nlp()
    nlp.max_length = 2_000_000
    t0, c0 = time.perf_counter(), time.process_time()
    docs = list(nlp.pipe([contexts[p] for p in chosen], batch_size=64))
    parse_s, parse_cpu = time.perf_counter() - t0, time.process_time() - c0
    analyses: dict[int, Analysis] = {}
    indexes: dict[int, ask_mod.Index] = {}
    for p, doc in zip(chosen, docs, strict=True):
        text = contexts[p]
        analyses[p] = analyze(Article(text=text, paragraphs=[(0, len(text))]), doc)
    t1, c1 = time.perf_counter(), time.process_time()
    for p in chosen:
        indexes[p] = ask_mod.build_index(analyses[p])
    index_s = time.perf_counter() - t1

    t2 = time.perf_counter()
    questions = analyze_questions([it.question for it in sel])
    qparse_s = time.perf_counter() - t2
    prep_cpu = time.process_time() - c1  # index + question parse

    tune = [k for k, it in enumerate(sel) if it.article in tune_arts]
    report = [k for k, it in enumerate(sel) if it.article not in tune_arts]
    weights = ask_mod.WEIGHTS
    if args.train:
        t = time.perf_counter()
        weights = train(
            analyses,
            indexes,
            [sel[k] for k in tune],
            [questions[k] for k in tune],
            epochs=args.epochs,
        )
        print(
            f"trained on {len(tune)} questions in {time.perf_counter() - t:.1f}s", file=sys.stderr
        )
        if args.save_weights is not None:
            args.save_weights.write_text(
                json.dumps(dict(sorted(weights.items())), indent=1) + "\n", encoding="utf-8"
            )
            print(f"weights written to {args.save_weights}", file=sys.stderr)

    def run(ks: list[int], paired: list[int] | None) -> tuple[list[float], list[float], float]:
        """EM, F1 (never abstaining) and confidences; with ``paired``, use those paragraphs."""
        ems: list[float] = []
        f1s: list[float] = []
        confs: list[float] = []
        t = time.perf_counter()
        for k in ks:
            it = sel[k]
            p = it.paragraph if paired is None else paired[k]
            ans = ask_mod.answer_parsed(
                analyses[p], questions[k], indexes[p], threshold=-1.0, weights=weights
            )
            pred = ans.text or ""
            ems.append(max(exact(pred, g) for g in it.answers))
            f1s.append(max(f1_score(pred, g) for g in it.answers))
            confs.append(ans.score)
        return ems, f1s, time.perf_counter() - t

    out: dict[str, object] = {"questions": len(sel), "paragraphs": len(chosen), "seed": args.seed}
    c3 = time.process_time()
    ems_all, f1s_all, answer_s = run(list(range(len(sel))), None)
    answer_cpu = time.process_time() - c3
    # confidence of each answer = its score; recompute per split
    conf_true = [
        ask_mod.answer_parsed(
            analyses[sel[k].paragraph],
            questions[k],
            indexes[sel[k].paragraph],
            threshold=-1.0,
            weights=weights,
        ).score
        for k in range(len(sel))
    ]
    conf_unrel = [
        ask_mod.answer_parsed(
            analyses[unrelated[k]],
            questions[k],
            indexes[unrelated[k]],
            threshold=-1.0,
            weights=weights,
        ).score
        for k in range(len(sel))
    ]
    # threshold: smallest value that makes the tune half abstain on >= target of unrelated pairs
    tune_unrel = sorted(conf_unrel[k] for k in tune)
    idx = min(int(np.ceil(args.target_abstention * len(tune_unrel))), len(tune_unrel) - 1)
    threshold = tune_unrel[idx] + 1e-6 if tune_unrel else ask_mod.ABSTAIN_THRESHOLD
    thr_shipped = ask_mod.ABSTAIN_THRESHOLD

    def split_stats(ks: list[int], thr: float) -> dict[str, float]:
        """Figures for one subset of questions at threshold ``thr``."""
        n = max(len(ks), 1)
        em = 100 * sum(ems_all[k] for k in ks) / n
        f1 = 100 * sum(f1s_all[k] for k in ks) / n
        abst_true = sum(conf_true[k] < thr for k in ks) / n
        abst_unrel = sum(conf_unrel[k] < thr for k in ks) / n
        f1_abst = 100 * sum(f1s_all[k] for k in ks if conf_true[k] >= thr) / n
        return {
            "n": len(ks),
            "EM": round(em, 2),
            "F1": round(f1, 2),
            "F1_with_abstentions_as_wrong": round(f1_abst, 2),
            "abstain_unrelated": round(100 * abst_unrel, 2),
            "abstain_true": round(100 * abst_true, 2),
        }

    out["threshold_tuned_on_tune_half"] = round(threshold, 4)
    out["threshold_shipped"] = thr_shipped
    out["tune"] = split_stats(tune, threshold)
    out["report_at_tuned_threshold"] = split_stats(report, threshold)
    out["report_at_shipped_threshold"] = split_stats(report, thr_shipped)
    out["all_at_shipped_threshold"] = split_stats(list(range(len(sel))), thr_shipped)
    out["report_threshold_sweep"] = {
        str(t): {
            k: v
            for k, v in split_stats(report, t).items()
            if k in {"abstain_unrelated", "abstain_true", "F1_with_abstentions_as_wrong"}
        }
        for t in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)
    }
    total = parse_s + index_s + qparse_s + answer_s
    out["seconds"] = {
        "paragraph_parse": round(parse_s, 2),
        "index": round(index_s, 2),
        "question_parse": round(qparse_s, 2),
        "answer": round(answer_s, 2),
    }
    out["answers_per_second_incl_paragraph_parse"] = round(len(sel) / total, 1)
    out["answers_per_second_excl_paragraph_parse"] = round(
        len(sel) / (index_s + qparse_s + answer_s), 1
    )
    # CPU seconds of this (single-threaded) process: the rate on one core, whatever else runs
    out["cpu_seconds"] = {
        "paragraph_parse": round(parse_cpu, 2),
        "index_and_question_parse": round(prep_cpu, 2),
        "answer": round(answer_cpu, 2),
    }
    out["answers_per_cpu_second_incl_paragraph_parse"] = round(
        len(sel) / (parse_cpu + prep_cpu + answer_cpu), 1
    )
    out["answers_per_cpu_second_excl_paragraph_parse"] = round(
        len(sel) / (prep_cpu + answer_cpu), 1
    )
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
