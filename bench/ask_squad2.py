"""Benchmark ``newsfaq ask`` on SQuAD 2.0 half-dev: answering *or abstaining*, official v2 metric.

Reads ``../shared/data/squad-v2.0-half/dev-v2.0-half.json.zip`` in place (never copied): 16
articles, 6,078 questions, 3,168 of them unanswerable from their paragraph. Each paragraph is
the article the question is asked about.

Split (fixed, by article): the articles are taken in file order; the article at index i goes to
the TUNE part when i is even and to the HELD-OUT part when i is odd (8 articles each). Thresholds
and any other choice are fitted on TUNE only (``--part tune --sweep``); figures to report are the
HELD-OUT ones (``--part heldout``, the default).

Metric: the official SQuAD v2 evaluation, re-implemented from its definition: an abstention is
the empty prediction; a question without gold answers has the gold ``""`` (right only when the
system abstains); EM and F1 are the max over gold answers after SQuAD normalization. Reported:
overall EM/F1, HasAns EM/F1 and NoAns accuracy (= NoAns EM = NoAns F1). Always abstaining
scores the NoAns share of the part.

Speed: questions per CPU second of this single-threaded process, with the paragraphs already
parsed: question parse + retrieval index + answer (the paragraph parse is reported apart).

    .venv/bin/python bench/ask_squad2.py                      # HELD-OUT, all questions
    .venv/bin/python bench/ask_squad2.py --part tune --sweep  # TUNE: figures per threshold
    .venv/bin/python bench/ask_squad2.py --limit 2000         # first 2,000 questions of the part
    .venv/bin/python bench/ask_squad2.py --part tune --fit src/newsfaq/data/ask_verify.json \\
        --readers 5   # with the tune reader questions of news pages, each counted 5 times
"""

# ruff: noqa: E402  (thread limits must be set before numpy and spaCy are imported)
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np

from ask_readers import TuneRow, tune_rows, tune_threshold
from ask_squad import exact, f1_score, read_squad
from fitting import Row, fit_logistic
from newsfaq.ask import answer as ask_mod
from newsfaq.ask.qanalysis import analyze_questions
from newsfaq.ask.verify import confidence
from newsfaq.models import Answer, Article
from newsfaq.text.nlp import Analysis, analyze, get_nlp

DATA = Path(__file__).resolve().parents[2] / "shared/data/squad-v2.0-half/dev-v2.0-half.json.zip"
SWEEP = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass
class Item:
    """One question with its paragraph; ``answers`` is empty for an unanswerable question."""

    article: int
    paragraph: int
    question: str
    answers: list[str]


def load(path: Path) -> tuple[list[str], list[Item]]:
    """Paragraph texts and the questions, in file order."""
    data = read_squad(path)
    contexts: list[str] = []
    items: list[Item] = []
    for a, art in enumerate(data["data"]):
        for para in art["paragraphs"]:
            pi = len(contexts)
            contexts.append(para["context"])
            for qa in para["qas"]:
                golds = [] if qa.get("is_impossible") else [x["text"] for x in qa["answers"]]
                items.append(Item(a, pi, qa["question"], [g for g in golds if g.strip()]))
    return contexts, items


def in_part(article: int, part: str) -> bool:
    """The fixed split: even article index = TUNE, odd = HELD-OUT."""
    if part == "both":
        return True
    return (article % 2 == 0) == (part == "tune")


def v2_scores(pred: str, answers: list[str]) -> tuple[float, float]:
    """Official SQuAD v2 EM and F1 of one prediction ("" = abstention)."""
    golds = answers or [""]
    if not pred:
        hit = float(not answers)
        return hit, hit
    if not answers:
        return 0.0, 0.0
    return max(exact(pred, g) for g in golds), max(f1_score(pred, g) for g in golds)


def summary(items: list[Item], preds: list[str]) -> dict[str, float]:
    """Overall EM/F1, HasAns EM/F1, NoAns accuracy and answer shares, in percent."""
    em_f1 = [v2_scores(p, it.answers) for it, p in zip(items, preds, strict=True)]
    has = [k for k, it in enumerate(items) if it.answers]
    no = [k for k, it in enumerate(items) if not it.answers]

    def mean(ks: list[int], j: int) -> float:
        return round(100 * sum(em_f1[k][j] for k in ks) / max(len(ks), 1), 2)

    ks = list(range(len(items)))
    return {
        "n": len(items),
        "EM": mean(ks, 0),
        "F1": mean(ks, 1),
        "HasAns_n": len(has),
        "HasAns_EM": mean(has, 0),
        "HasAns_F1": mean(has, 1),
        "NoAns_n": len(no),
        "NoAns_acc": mean(no, 0),
        "answered_HasAns": round(100 * sum(bool(preds[k]) for k in has) / max(len(has), 1), 2),
        "always_abstain_F1": round(100 * len(no) / max(len(items), 1), 2),
    }


def parse_paragraphs(contexts: list[str], paras: list[int]) -> tuple[dict[int, Analysis], float]:
    """Analyses of the paragraphs (one batched parse) and its wall time."""
    nlp = get_nlp()
    t = time.perf_counter()
    docs = list(nlp.pipe([contexts[p] for p in paras], batch_size=64))
    analyses = {
        p: analyze(Article(text=contexts[p], paragraphs=[(0, len(contexts[p]))]), doc)
        for p, doc in zip(paras, docs, strict=True)
    }
    return analyses, time.perf_counter() - t


def _label(v: ask_mod.Verified, item: Item) -> float:
    """1.0 when the best answer is right (token F1 >= 0.5 with a gold answer), else 0.0."""
    pred = v.answer.text or ""
    return float(bool(item.answers) and max(f1_score(pred, g) for g in item.answers) >= 0.5)


_POSITIVE = frozenset(
    [
        "a_coverage",
        "a_relations",
        "a_trigrams",
        "a_lexical",
        "s_margin",
        "s_prob",
        "focus_in_sentence",
        "focus_near",
        "all_found",
        "cover",
        "c_tokdist",
        "c_depdist",
        "c_type_match",
        "c_child_of_qverb",
        "c_child_of_match",
        "c_win3",
        "c_sent_bm25",
        "c_sent_rank0",
        "meaning_cover",
        "verb_found",
        "relevance",
    ]
)
_NEGATIVE = frozenset(
    [
        "meaning_far",
        "verb_missing",
        "type_buried",
        "a_unsupported",
        "a_contradicted",
        "proper_missing",
        "missing_1",
        "missing_2plus",
        "absent_1",
        "absent_2plus",
        "absent_proper",
        "absent_share",
        "missing_idf",
        "negation_mismatch",
        "c_qoverlap",
        "c_no_match",
    ]
)


def _sign(name: str) -> int:
    """The sign a verifier weight is held to: evidence for the answer counts for it, findings and
    missing words against it (so that what the model learns carries over from SQuAD's
    adversarial questions to news); the bias and the answer types are free. A why/how copy
    (``wh_...``) is held to the sign of its feature."""
    name = name.removeprefix("wh_")
    if name in _POSITIVE:
        return 1
    if name in _NEGATIVE or name.startswith("check:"):
        return -1
    return 0


def fit_weights(rows: list[Row]) -> dict[str, float]:
    """Logistic regression with the sign constraints of :func:`_sign` (weighted rows)."""
    return fit_logistic(rows, sign=_sign)


def _reader_score(row: TuneRow, weights: dict[str, float]) -> float:
    """The score ``ask`` gives this reader question's answer with these weights."""
    c = 0.0 if row.contradicted else confidence(row.features, weights)
    return max(c, ask_mod.FACT_SCORE) if row.direct else c


def reader_threshold(squad: list[Row], readers: list[TuneRow], weight: float, k: int = 5) -> float:
    """The threshold chosen on the tune reader questions, each page scored by a verifier fitted
    without it (k folds of pages; SQuAD TUNE always in), so that the choice does not read scores
    fitted on the same questions (:func:`ask_readers.tune_threshold`)."""
    scores = [0.0] * len(readers)
    pages = sorted({r.page for r in readers})
    for fold in range(k):
        out = {p for i, p in enumerate(pages) if i % k == fold}
        train = [(r.features, float(r.right), weight) for r in readers if r.page not in out]
        weights = fit_weights(squad + train)
        for i, r in enumerate(readers):
            if r.page in out:
                scores[i] = _reader_score(r, weights)
    chosen = tune_threshold(readers, scores)
    return 0.5 if chosen is None else chosen


def fit(
    items: list[Item],
    verified: list[ask_mod.Verified],
    out: Path,
    readers: list[TuneRow] | None = None,
    reader_weight: float = 1.0,
) -> float:
    """Fit the logistic verifier and its threshold on these (TUNE) questions; write ``out``.

    Without ``readers`` the threshold is the one with the best v2 F1 among those that abstain on
    >= 85% of the unanswerable questions (the best v2 F1 overall when none does). With the tune
    reader questions of news pages (each counted ``reader_weight`` times in the fit) it is
    chosen on them, page-fold cross-validated (:func:`reader_threshold`)."""
    squad = [
        (v.verification.features, _label(v, it), 1.0)
        for v, it in zip(verified, items, strict=True)
        if v.verification is not None
    ]
    extra = [(r.features, float(r.right), reader_weight) for r in readers or []]
    tmp: dict[str, object] = {"weights": fit_weights(squad + extra), "threshold": 0.5}
    out.write_text(json.dumps(tmp, indent=1) + "\n", encoding="utf-8")
    if readers:
        thr = reader_threshold(squad, readers, reader_weight)
    else:
        thr = _squad_threshold(items, rescored(verified, out))
    tmp["threshold"] = thr
    out.write_text(json.dumps(tmp, indent=1) + "\n", encoding="utf-8")
    n = len(squad) + len(extra)
    print(f"verifier fitted on {n} questions; threshold {thr}", file=sys.stderr)
    return thr


def _squad_threshold(items: list[Item], answers: list[Answer]) -> float:
    """Best v2 F1 among thresholds abstaining on >= 85% of unanswerable questions."""
    best: tuple[tuple[bool, float], float] | None = None
    for t in np.arange(0.05, 0.96, 0.01):
        preds = [a.text or "" if a.answerable and a.score >= t else "" for a in answers]
        s = summary(items, preds)
        key = (s["NoAns_acc"] >= 85.0, s["F1"])
        if best is None or key > best[0]:
            best = (key, round(float(t), 2))
    return best[1] if best else 0.5


def rescored(verified: list[ask_mod.Verified], path: Path) -> list[Answer]:
    """The answers re-scored with the verifier weights in ``path``."""
    weights = {str(k): float(v) for k, v in json.loads(path.read_text("utf-8"))["weights"].items()}
    out: list[Answer] = []
    for v in verified:
        a = v.answer
        if v.verification is not None:
            c = 0.0 if v.verification.contradicted else confidence(v.verification.features, weights)
            a = a.model_copy(update={"score": round(c, 4)})
        out.append(a)
    return out


def main() -> None:
    """Run the benchmark (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--part", choices=("heldout", "tune", "both"), default="heldout")
    ap.add_argument("--limit", type=int, default=0, help="first N questions of the part (0 = all)")
    ap.add_argument("--sweep", action="store_true", help="figures at each score threshold")
    ap.add_argument(
        "--readers",
        type=float,
        default=0.0,
        help="with --fit: add the tune reader questions of news pages, each counted this often",
    )
    ap.add_argument(
        "--fit", type=Path, default=None, help="fit the verifier on TUNE, write its JSON here"
    )
    args = ap.parse_args()

    contexts, items = load(args.data)
    sel = [it for it in items if in_part(it.article, args.part)]
    if args.limit:
        sel = sel[: args.limit]
    paras = sorted({it.paragraph for it in sel})
    analyses, parse_s = parse_paragraphs(contexts, paras)

    c0 = time.process_time()
    indexes = {p: ask_mod.build_index(analyses[p]) for p in paras}
    questions = analyze_questions([it.question for it in sel])
    verified = [
        ask_mod.answer_verified(analyses[it.paragraph], q, indexes[it.paragraph], threshold=-1.0)
        for it, q in zip(sel, questions, strict=True)
    ]
    cpu = time.process_time() - c0
    answers = [v.answer for v in verified]
    thr = ask_mod.ABSTAIN_THRESHOLD
    if args.fit:
        if args.part != "tune":
            sys.exit("--fit only on --part tune")
        readers = tune_rows() if args.readers > 0 else None
        thr = fit(sel, verified, args.fit, readers, args.readers)
        answers = rescored(verified, args.fit)

    def preds_at(t: float) -> list[str]:
        return [a.text or "" if a.answerable and a.score >= t else "" for a in answers]

    out: dict[str, object] = {
        "part": args.part,
        "articles": len({it.article for it in sel}),
        "paragraphs": len(paras),
        "threshold_shipped": thr,
        "at_shipped_threshold": summary(sel, preds_at(thr)),
        "never_abstaining_when_a_candidate_exists": summary(sel, preds_at(-1.0)),
    }
    if args.sweep:
        out["sweep"] = {str(t): summary(sel, preds_at(t)) for t in SWEEP}
    out["seconds"] = {"paragraph_parse_wall": round(parse_s, 2), "answer_cpu": round(cpu, 2)}
    out["questions_per_cpu_second_article_parsed"] = round(len(sel) / max(cpu, 1e-9), 1)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
