"""Benchmark ``newsfaq ask`` on questions written by a reader who saw only the articles.

Question files: ``bench/data/reader_questions/*.json`` (``{"page", "questions": [{"q", "kind":
factual | why_how | unanswerable, "answer_spans": [[start, end], ...]}]}``, offsets into
``../shared/data/news-pages/text/NAME.txt``, read in place; see that folder's README). The
article asked about is the page's HTML, ``../shared/data/news-pages/html/NAME.html.gz``, read in
place and ingested as a user's saved page would be (:func:`newsfaq.ingest.loader.from_html`).

Nothing of ``newsfaq ask`` was tuned on these questions, and this script prints only aggregate
figures (never per-question outputs), separately for the pages ``bench/pages.py`` holds out and
for the others. Pages whose HTML gives no article text (``newsfaq ask`` stops with an error)
are counted apart and left out of the figures.

Right: an answerable question gets an answer whose token F1 (SQuAD normalization) with one of
the gold answers is >= 0.5; an unanswerable one gets "The article does not say." A false answer
is an answer given that is not right (to any kind of question).

    .venv/bin/python bench/ask_readers.py
    .venv/bin/python bench/ask_readers.py --sweep     # figures at every abstention threshold
    .venv/bin/python bench/ask_readers.py --tune-only # only the pages that may be tuned on

``--sweep`` answers every question once with no threshold, then prints the figures each threshold
would give, for the pages that may be tuned on (``other``) and the held-out ones, and the
threshold chosen on ``other`` alone: the lowest one at which false answers are at most 10% of the
questions and at least 85% of the unanswerable ones are abstained on (the issue's targets), so
that as many questions as possible get an answer within them.
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
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from ask_squad import f1_score
from newsfaq.ask.answer import FACT_SCORE, answer_verified, ask_many, build_index
from newsfaq.ask.qanalysis import analyze_questions
from newsfaq.errors import NewsfaqError
from newsfaq.ingest.loader import from_html
from newsfaq.models import Answer
from newsfaq.text.nlp import Analysis, analyze
from pages import held_out, html, reference_text

QUESTIONS = Path(__file__).resolve().parent / "data" / "reader_questions"
KINDS = ("factual", "why_how", "unanswerable")


def right(answer: Answer, kind: str, golds: list[str]) -> bool:
    """Whether the answer is right for a question of this kind (see the module docstring)."""
    if kind == "unanswerable":
        return not answer.answerable
    if not answer.answerable or not golds:
        return False
    return max(f1_score(answer.text or "", g) for g in golds) >= 0.5


def main() -> None:
    """Run the benchmark (see the module docstring)."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--questions", type=Path, default=QUESTIONS)
    ap.add_argument("--sweep", action="store_true", help="figures at every threshold")
    ap.add_argument("--tune-only", action="store_true", help="skip the held-out pages")
    args = ap.parse_args()
    if args.sweep:
        sweep(args.questions)
        return

    results: dict[str, list[tuple[str, bool, bool]]] = {"held_out": [], "other": []}
    cpu = 0.0
    failed: list[int] = []  # questions of pages whose HTML gives no article text
    pages = {"held_out": 0, "other": 0}
    parts = ("other",) if args.tune_only else ("held_out", "other")
    for part, qs, golds, analysis in _pages(args.questions, parts):
        pages[part] += 1
        if analysis is None:
            failed.append(len(qs))
            continue
        t = time.process_time()
        answers = ask_many(analysis, [q["q"] for q in qs])
        cpu += time.process_time() - t
        for q, gold, a in zip(qs, golds, answers, strict=True):
            results[part].append((q["kind"], right(a, q["kind"], gold), a.answerable))
    n_all = sum(len(r) for r in results.values())
    out: dict[str, object] = {part: figures(r, pages[part]) for part, r in results.items()}
    out["all"] = figures([x for r in results.values() for x in r], sum(pages.values()))
    out["pages_not_ingested"] = {"pages": len(failed), "questions": sum(failed)}
    out["questions_per_cpu_second_article_parsed"] = round(n_all / max(cpu, 1e-9), 1)
    print(json.dumps(out, indent=2))


def _pages(
    questions: Path, parts: tuple[str, ...] = ("held_out", "other")
) -> Iterator[tuple[str, list[dict[str, Any]], list[list[str]], Analysis | None]]:
    """Per page with questions: its part (held_out / other), the questions, each question's
    gold answers read from the reference text, and the parsed page (None when its HTML gives
    no article text)."""
    held = set(held_out())
    for path in sorted(questions.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        part = "held_out" if data["page"] in held else "other"
        qs = [q for q in data["questions"] if q.get("kind") in KINDS]
        if not qs or part not in parts:
            continue
        text = reference_text(data["page"])
        golds = [
            [text[s:e] for s, e in q.get("answer_spans", [])] + q.get("answers", []) for q in qs
        ]
        try:
            analysis: Analysis | None = analyze(from_html(html(data["page"])))
        except NewsfaqError:
            analysis = None
        yield part, qs, golds, analysis


@dataclass(frozen=True)
class TuneRow:
    """One reader question of a tune page, answered with no threshold, for fitting the verifier."""

    page: int
    kind: str
    features: dict[str, float]
    right: bool
    """The answer is right (never for an unanswerable question)."""
    contradicted: bool
    direct: bool
    """Read from the article's facts (its score is at least ``FACT_SCORE``, see answer.py)."""


def tune_rows(questions: Path = QUESTIONS) -> list[TuneRow]:
    """Every verified question of the pages that may be tuned on (never the held-out ones): what
    ``ask_squad2.py --fit --readers`` adds to SQuAD 2.0 TUNE."""
    rows: list[TuneRow] = []
    for page, (_, qs, golds, analysis) in enumerate(_pages(questions, parts=("other",))):
        if analysis is None:
            continue
        index = build_index(analysis)
        for q, gold, qa in zip(qs, golds, analyze_questions([q["q"] for q in qs]), strict=True):
            v = answer_verified(analysis, qa, index, threshold=-1.0)
            if v.verification is None:
                continue
            ok = q["kind"] != "unanswerable" and right(v.answer, q["kind"], gold)
            direct = v.answer.score >= FACT_SCORE and not v.verification.features["a_unsupported"]
            rows.append(
                TuneRow(
                    page,
                    q["kind"],
                    v.verification.features,
                    ok,
                    v.verification.contradicted,
                    direct,
                )
            )
    return rows


def tune_threshold(rows: list[TuneRow], scores: list[float]) -> float | None:
    """The lowest threshold (0.01 steps) at which, on these rows, false answers are at most 10%
    of the questions and at least 85% of the unanswerable ones are abstained on."""
    for t in [round(0.01 * i, 2) for i in range(0, 96)]:
        marks = [
            (r.kind, (s < t) if r.kind == "unanswerable" else (s >= t and r.right), s >= t)
            for r, s in zip(rows, scores, strict=True)
        ]
        f = figures(marks, 0)
        if (
            f["false_answers_percent_of_questions"] <= 10  # type: ignore[operator]
            and f["unanswerable"]["abstained_percent"] >= 85  # type: ignore[index]
        ):
            return t
    return None


def _scored(questions: Path) -> dict[str, list[tuple[str, bool, float]]]:
    """(kind, right if answered, score) of every question, answered with no threshold."""
    rows: dict[str, list[tuple[str, bool, float]]] = {"held_out": [], "other": []}
    for part, qs, golds, analysis in _pages(questions):
        if analysis is None:
            continue
        answers = ask_many(analysis, [q["q"] for q in qs], threshold=-1.0)
        for q, gold, a in zip(qs, golds, answers, strict=True):
            score = a.score if a.answerable else -1.0
            correct = q["kind"] != "unanswerable" and right(a, q["kind"], gold)
            rows[part].append((q["kind"], correct, score))
    return rows


def _at(rows: list[tuple[str, bool, float]], t: float) -> list[tuple[str, bool, bool]]:
    """(kind, right, answered) of each question when answers below ``t`` abstain."""
    out = []
    for kind, correct, score in rows:
        answered = score >= t
        ok = (not answered) if kind == "unanswerable" else (answered and correct)
        out.append((kind, ok, answered))
    return out


def sweep(questions: Path) -> None:
    """Print the figures per threshold and the threshold chosen on the tunable pages."""
    rows = _scored(questions)
    grid = [round(0.01 * i, 2) for i in range(0, 71)]
    chosen = None
    for t in grid:
        line = {part: figures(_at(r, t), 0) for part, r in rows.items()}
        other = line["other"]
        ok = (
            other["false_answers_percent_of_questions"] <= 10  # type: ignore[operator]
            and other["unanswerable"]["abstained_percent"] >= 85  # type: ignore[index]
        )
        if ok and chosen is None:
            chosen = t
        brief = {
            part: (
                f"factual {f['factual']['right_percent']}% why/how {f['why_how']['right_percent']}%"
                f" abstained {f['unanswerable']['abstained_percent']}%"
                f" false {f['false_answers_percent_of_questions']}%"
            )
            for part, f in line.items()
        }
        if round(100 * t) % 5 == 0 or t == chosen:
            print(f"t={t:.2f}  other: {brief['other']}  |  held out: {brief['held_out']}")
    print(f"chosen on the other pages: {chosen}")


def figures(rows: list[tuple[str, bool, bool]], pages: int) -> dict[str, object]:
    """Aggregate figures of (kind, right, answered) rows."""
    out: dict[str, object] = {"pages": pages, "questions": len(rows)}
    for kind in KINDS:
        oks = [ok for k, ok, _ in rows if k == kind]
        label = "abstained" if kind == "unanswerable" else "right"
        out[kind] = {"n": len(oks), f"{label}_percent": round(100 * sum(oks) / max(len(oks), 1), 1)}
    given = [ok for _, ok, answered in rows if answered]
    wrong = sum(not ok for ok in given)
    out["answers_given"] = len(given)
    out["false_answers_percent_of_questions"] = round(100 * wrong / max(len(rows), 1), 1)
    out["false_answers_percent_of_answers_given"] = round(100 * wrong / max(len(given), 1), 1)
    return out


if __name__ == "__main__":
    main()
