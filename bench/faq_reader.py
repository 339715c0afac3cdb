"""Reader questions on tune pages: what ``questions/reader.py`` asks, for a blind rating.

``list`` writes every reader question of every tune page (``bench/pages.py tune()``; never a
held-out page) to ``bench/ratings/LABEL/items.md`` (what a rater sees: page, question, answer)
and ``items.json`` (the same with each item's kind). A blind rater writes ``labels.json``::

    {"rater": "...", "items": [{"n": 1, "page": "...", "q_ok": true, "a_ok": true,
                                "failure": null, "note": ""}]}

``summarize`` prints items acceptable (question and answer ok) by kind.

    .venv/bin/python bench/faq_reader.py list --label 2026-12-05-s10-reader-tune
    .venv/bin/python bench/faq_reader.py summarize --label 2026-12-05-s10-reader-tune
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages

RATINGS = Path(__file__).resolve().parent / "ratings"


def _items() -> list[dict[str, str]]:
    from newsfaq.errors import NewsfaqError
    from newsfaq.explain.questions.reader import reader_candidates
    from newsfaq.explain.questions.syntax import Resolver
    from newsfaq.ingest.loader import from_html
    from newsfaq.text.nlp import analyze

    out = []
    for name in pages.tune():
        try:
            a = analyze(from_html(pages.html(name), source=name))
        except NewsfaqError:
            continue
        if not a.sentences:
            continue
        for c in reader_candidates(a, Resolver(a.doc)):
            out.append({"page": name, "kind": c.kind, "question": c.question, "answer": c.answer})
    return out


def write_list(label: str) -> None:
    out = RATINGS / label
    out.mkdir(parents=True, exist_ok=True)
    items = [{"n": n, **it} for n, it in enumerate(_items(), 1)]
    lines = ["# Candidate FAQ items to rate (tune pages)", ""]
    for it in items:
        lines += [f"## Item {it['n']} — page {it['page']}", ""]
        lines += [f"**Q:** {it['question']}", f"**A:** {it['answer']}", ""]
    (out / "items.md").write_text("\n".join(lines), encoding="utf-8")
    (out / "items.json").write_text(json.dumps(items, indent=1), encoding="utf-8")
    print(f"{len(items)} items on {len({it['page'] for it in items})} pages -> {out}")


def summarize(label: str) -> None:
    folder = RATINGS / label
    items = {it["n"]: it for it in json.loads((folder / "items.json").read_text("utf-8"))}
    labels = json.loads((folder / "labels.json").read_text("utf-8"))["items"]
    ok: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for lab in labels:
        kind = items[lab["n"]]["kind"]
        total[kind] += 1
        ok[kind] += bool(lab["q_ok"] and lab["a_ok"])
    print("| kind | items | acceptable |\n|---|---|---|")
    for kind in sorted(total):
        print(f"| {kind} | {total[kind]} | {ok[kind]} |")
    print(f"| all | {sum(total.values())} | {sum(ok.values())} |")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    for cmd in ("list", "summarize"):
        sub.add_parser(cmd).add_argument("--label", required=True)
    args = ap.parse_args()
    if args.cmd == "list":
        write_list(args.label)
    else:
        summarize(args.label)


if __name__ == "__main__":
    main()
