"""Dump every FAQ candidate that survives the filters on tune pages, for rating and training.

For each of the first ``--pages`` tune pages (``bench/pages.py tune()``; never held-out pages),
run the FAQ with every candidate sent through the round trip, and write

- ``OUT/NAME.candidates.md``: the numbered Q/A items a rater sees (the survivors, best first);
- ``OUT/NAME.candidates.jsonl``: the same items with their features (for the ranker);

and print the share of candidates rejected by each filter and the round-trip agreement rate.
Raters write ``OUT/NAME.labels.json``: ``{"page", "items": [{"n", "q_ok", "a_ok"}]}``.

    .venv/bin/python bench/faq_candidates.py --pages 12 --out bench/ratings/candidates-tune
    .venv/bin/python bench/faq_candidates.py --pages 12 --stats-only
    .venv/bin/python bench/faq_candidates.py --pages 67 \
        --out bench/ratings/candidates-tune-s12 \
        --unlabelled-in bench/ratings/candidates-tune \
        --unlabelled-in bench/ratings/candidates-tune-s7
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages

OUT = Path(__file__).resolve().parent / "ratings" / "candidates-tune"


def _labelled(dirs: list[Path]) -> set[tuple[str, str, str]]:
    """(page, question, answer) of every candidate already rated in ``dirs``."""
    seen = set()
    for d in dirs:
        for labels in d.glob("*.labels.json"):
            page = labels.name.removesuffix(".labels.json")
            rows = (d / f"{page}.candidates.jsonl").open(encoding="utf-8")
            seen |= {(page, r["question"], r["answer"]) for r in map(json.loads, rows)}
    return seen


def _page(
    name: str, out: Path | None, totals: Counter[str], seen: set[tuple[str, str, str]]
) -> None:
    from newsfaq.explain.faq import run_faq
    from newsfaq.explain.questions.filters import ROUND_TRIP_F1
    from newsfaq.ingest.loader import from_html
    from newsfaq.text.facts import extract_facts
    from newsfaq.text.nlp import analyze

    analysis = analyze(from_html(pages.html(name), source=name))
    facts = list(analysis.derived("facts", extract_facts))
    run = run_faq(analysis, facts, n=8, check_all=True)
    survivors = [s for s in run.checked if s.rejected is None]
    totals.update(run.rejected)
    late = {"vague", "broken", "unreadable", "round-trip"}
    totals["generated"] += len(run.checked) + sum(
        v for k, v in run.rejected.items() if k not in late
    )
    totals["checked"] += sum(1 for s in run.checked if s.round_trip is not None)
    totals["agreed"] += sum(
        1 for s in run.checked if s.round_trip is not None and s.round_trip >= ROUND_TRIP_F1
    )
    totals["survivors"] += len(survivors)
    if out is None:
        return
    if (out / f"{name}.labels.json").exists():
        print(f"{name}: labelled already, its candidate files are kept", file=sys.stderr)
        return
    if seen:
        text = analysis.article.text
        survivors = [
            s
            for s in survivors
            if (name, s.cand.question, text[s.cand.answer_start : s.cand.answer_end]) not in seen
        ]
    lines = [f"# FAQ candidates for page {name}", ""]
    rows = []
    for n, s in enumerate(survivors, 1):
        answer = analysis.article.text[s.cand.answer_start : s.cand.answer_end]
        lines += [f"{n}. **Q:** {s.cand.question}", f"   **A:** {answer}", ""]
        rows.append(
            {
                "page": name,
                "n": n,
                "question": s.cand.question,
                "answer": answer,
                "kind": s.cand.kind,
                "sentence": s.sid,
                "score": round(s.score, 4),
                "features": {k: round(v, 4) for k, v in s.features.items()},
            }
        )
    (out / f"{name}.candidates.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (out / f"{name}.candidates.jsonl").open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{name}: {len(survivors)} candidates", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=12, help="the first N tune pages")
    ap.add_argument("--skip", type=int, default=0, help="skip the first K tune pages")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--stats-only", action="store_true", help="print the filter shares only")
    ap.add_argument(
        "--unlabelled-in",
        type=Path,
        action="append",
        default=[],
        help="write only the survivors no labels file in this folder rates yet (repeatable)",
    )
    args = ap.parse_args()
    out = None if args.stats_only else args.out
    if out is not None:
        out.mkdir(parents=True, exist_ok=True)
    from newsfaq.explain.questions.filters import REASONS

    totals: Counter[str] = Counter()
    from newsfaq.errors import NewsfaqError

    seen = _labelled(args.unlabelled_in)
    for name in pages.tune()[args.skip : args.skip + args.pages]:
        try:
            _page(name, out, totals, seen)
        except NewsfaqError as e:  # a page with no article text: counted, not fatal
            print(f"{name}: skipped: {e}", file=sys.stderr)
            totals["failed"] += 1
    gen = max(totals["generated"], 1)
    print(f"pages {args.pages}, candidates generated {totals['generated']}")
    for reason in REASONS:
        print(f"  rejected {reason:11} {totals[reason]:5} ({100 * totals[reason] / gen:.1f}%)")
    print(f"  survivors {totals['survivors']} ({100 * totals['survivors'] / gen:.1f}%)")
    agree = totals["agreed"] / max(totals["checked"], 1)
    print(f"round-trip agreement {100 * agree:.1f}% of {totals['checked']} asked back")


if __name__ == "__main__":
    main()
