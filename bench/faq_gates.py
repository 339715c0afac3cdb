"""Precision of each readability gate on blind-labelled FAQ candidates of tune pages.

For every labelled candidate (``bench/ratings/candidates-tune`` and ``candidates-tune-s7``)
that today's filters still generate, reparse the question and apply each gate of
``newsfaq.explain.questions.readability.GATES``. Prints, per gate, how many labelled candidates
it rejects, how many of those raters found unacceptable (precision), how many acceptable ones
it loses, and its marginal effect after the gates listed before it.

    .venv/bin/python bench/faq_gates.py        # -v: the acceptable items each gate loses
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages
from train_faq_ranker import RATING_DIRS, _rows_in


def _labelled(ratings: Path, name: str) -> list[tuple[Any, bool, str]]:
    """(Scored candidate, acceptable, failure) of one page's labelled survivors."""
    import json

    from newsfaq.explain.faq import run_faq
    from newsfaq.ingest.loader import from_html
    from newsfaq.text.facts import extract_facts
    from newsfaq.text.nlp import analyze

    analysis = analyze(from_html(pages.html(name), source=name))
    facts = list(analysis.derived("facts", extract_facts))
    run = run_faq(analysis, facts, n=8, check_all=True)
    text = analysis.article.text
    by_qa = {
        (s.cand.question, text[s.cand.answer_start : s.cand.answer_end]): s
        for s in run.checked
        if s.rejected in {None, "unreadable"}  # the gates are measured, not applied
    }
    labels = json.loads((ratings / f"{name}.labels.json").read_text(encoding="utf-8"))
    fail = {it["n"]: it.get("failure") for it in labels["items"]}
    cands = {
        r["n"]: r
        for r in map(json.loads, (ratings / f"{name}.candidates.jsonl").open(encoding="utf-8"))
    }
    out = []
    for n, r in zip(sorted(fail), _rows_in(ratings, name), strict=True):
        s = by_qa.get((r["question"], r["answer"]))
        assert cands[n]["question"] == r["question"]
        if s is not None:
            out.append((s, r["y"], fail[n] or "ok"))
    return out


Row = tuple[Any, bool, str]


def _report(rows: list[Row], docs: list[Any], verbose: bool) -> None:
    """Per gate: rejected, precision, acceptable lost, alone and after the gates above."""
    from newsfaq.explain.questions.readability import GATES

    alive = [True] * len(rows)
    for name, gate in GATES.items():
        hit = [i for i, (row, d) in enumerate(zip(rows, docs, strict=True)) if gate(d, row[0].cand)]
        lost = [i for i in hit if rows[i][1]]
        new = [i for i in hit if alive[i]]
        new_lost = [i for i in new if rows[i][1]]
        prec = 100 * (len(hit) - len(lost)) / max(len(hit), 1)
        print(
            f"{name:16s} rejects {len(hit):3d}, {prec:5.1f}% unacceptable, loses {len(lost):2d} "
            f"acceptable; after the gates above: rejects {len(new):3d}, loses {len(new_lost):2d}"
        )
        if verbose:
            for i in lost + [i for i in hit if not rows[i][1]][:4]:
                s, y, f = rows[i]
                mark = "OK " if y else "   "
                print(f"    {mark}{f[:12]:12s} {s.cand.question} -> {s.cand.answer[:40]}")
        for i in hit:
            alive[i] = False
    left = [i for i in range(len(rows)) if alive[i]]
    good = sum(1 for i in left if rows[i][1])
    share = 100 * good / max(len(left), 1)
    print(f"survive all gates: {len(left)}, acceptable {good} ({share:.0f}%)")


def main() -> None:
    from newsfaq.text.nlp import get_nlp

    pairs = [
        (ratings, p.name.removesuffix(".labels.json"))
        for ratings in RATING_DIRS
        for p in sorted(ratings.glob("*.labels.json"))
    ]
    held_out = set(pages.held_out())
    assert not held_out & {n for _, n in pairs}, "labels of held-out pages must never be used"
    rows = [row for ratings, name in pairs for row in _labelled(ratings, name)]
    docs = list(get_nlp().pipe([s.cand.question for s, _, _ in rows]))
    bad = sum(1 for _, y, _ in rows if not y)
    print(f"labelled survivors {len(rows)}, unacceptable {bad} ({100 * bad / len(rows):.0f}%)")
    _report(rows, docs, "-v" in sys.argv)


if __name__ == "__main__":
    main()
