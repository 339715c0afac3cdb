"""Blind rubric ratings of the FAQ on held-out real pages (``../shared/FAQ-RUBRIC.md``).

``generate`` explains each page's HTML and writes, per page, the output a rater sees
(``bench/ratings/LABEL/NAME.output.md``: key points and the FAQ, numbered, no scores or debug).
Raters see only the article's reference text and that output, and write
``bench/ratings/LABEL/NAME.rating.json``::

    {"page": "cnn.com1", "rater": "...",
     "items": [{"n": 1, "q_ok": true, "a_ok": false, "failure": "wrong span", "note": "..."}],
     "publishable": "yes" | "edits" | "no", "gist_ok": true, "missed": "...",
     "key_points": "good" | "partly" | "poor"}

``summarize`` prints the rubric's report table for a label (Markdown).

    .venv/bin/python bench/faq_rating.py generate --label 2026-12-04-before --first 15
    .venv/bin/python bench/faq_rating.py summarize --label 2026-12-04-before

``generate --tune`` writes a tuning round on the first N tune pages instead. Beside each output,
``NAME.kinds.json`` keeps each item's kind (not shown to raters); ``summarize`` then also counts
items ok by kind.
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


def _output(name: str) -> tuple[str, list[str]]:
    """The text a rater sees, and each FAQ item's kind (kept beside it, not shown)."""
    import newsfaq
    from newsfaq.ingest.loader import from_html

    article = from_html(pages.html(name), source=name)
    ex = newsfaq.explain(article)
    lines = [f"# Explainer output for page {name}", "", "## Key points", ""]
    lines += [f"- {kp.text}" for kp in ex.key_points]
    lines += ["", "## FAQ", ""]
    for i, qa in enumerate(ex.faq, 1):
        headline = any(s.source == "title" for s in qa.evidence)
        note = " *(quoted from the page's headline)*" if headline else ""
        lines += [f"{i}. **Q:** {qa.question}", f"   **A:** {qa.answer}{note}", ""]
    if not ex.faq:
        lines.append("(no FAQ items)")
    return "\n".join(lines) + "\n", [qa.kind for qa in ex.faq]


def generate(label: str, names: list[str]) -> None:
    out = RATINGS / label
    out.mkdir(parents=True, exist_ok=True)
    from newsfaq.errors import NewsfaqError

    for name in names:
        try:
            text, kinds = _output(name)
        except NewsfaqError as err:  # a page the extractor finds no text in: say so, go on
            print(f"skipped {name}: {err}", file=sys.stderr)
            continue
        (out / f"{name}.output.md").write_text(text, encoding="utf-8")
        (out / f"{name}.kinds.json").write_text(json.dumps(kinds) + "\n", encoding="utf-8")
        print(f"wrote {out / name}.output.md", file=sys.stderr)


def summarize(label: str) -> str:
    files = sorted((RATINGS / label).glob("*.rating.json"))
    if not files:
        raise SystemExit(f"no rating files in {RATINGS / label}")
    items = q_ok = a_ok = both = 0
    publish: Counter[str] = Counter()
    kp: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    gist_wrong = []
    by_kind: dict[str, list[int]] = {}
    for f in files:
        r = json.loads(f.read_text(encoding="utf-8"))
        kinds_file = f.with_name(f.name.replace(".rating.json", ".kinds.json"))
        kinds = json.loads(kinds_file.read_text()) if kinds_file.exists() else []
        for i, it in enumerate(r["items"]):
            kind = kinds[i] if i < len(kinds) else "?"
            by_kind.setdefault(kind, []).append(bool(it["q_ok"] and it["a_ok"]))
            items += 1
            q_ok += bool(it["q_ok"])
            a_ok += bool(it["a_ok"])
            both += bool(it["q_ok"] and it["a_ok"])
            if it.get("failure"):
                failures[str(it["failure"]).strip().lower()] += 1
        publish[r["publishable"]] += 1
        kp[r["key_points"]] += 1
        if not r["gist_ok"]:
            gist_wrong.append(r["page"])

    def pct(n: int) -> str:
        return f"{100 * n / items:.0f}%" if items else "n/a"

    rows = [
        f"Label `{label}`: {len(files)} pages, {items} FAQ items.",
        "",
        "| Q-ok | A-ok | Item-ok | publishable (yes / edits / no) | gist wrong "
        "| key points (good / partly / poor) |",
        "|---|---|---|---|---|---|",
        f"| {pct(q_ok)} | {pct(a_ok)} | {pct(both)} | {publish['yes']} / {publish['edits']} / "
        f"{publish['no']} | {len(gist_wrong)} of {len(files)} "
        f"| {kp['good']} / {kp['partly']} / {kp['poor']} |",
        "",
        "Failures: " + ", ".join(f"{k} ({v})" for k, v in failures.most_common()),
    ]
    if gist_wrong:
        rows.append("Gist wrong on: " + ", ".join(gist_wrong))
    if set(by_kind) != {"?"}:
        rows.append(
            "Items ok by kind: "
            + ", ".join(
                f"{k} {sum(v)}/{len(v)}"
                for k, v in sorted(by_kind.items(), key=lambda kv: -len(kv[1]))
            )
        )
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    g = sub.add_parser("generate")
    g.add_argument("--label", required=True)
    g.add_argument("--first", type=int, default=15, help="the first N held-out pages")
    g.add_argument(
        "--tune", action="store_true", help="the first N tune pages instead (a tuning round)"
    )
    g.add_argument(
        "--start", type=int, default=0, help="skip this many pages of the list first (default 0)"
    )
    s = sub.add_parser("summarize")
    s.add_argument("--label", required=True)
    args = ap.parse_args()
    if args.cmd == "generate":
        names = pages.tune() if args.tune else pages.held_out()
        generate(args.label, names[args.start : args.start + args.first])
    else:
        print(summarize(args.label))


if __name__ == "__main__":
    main()
