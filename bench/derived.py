"""List every derived figure (``kind == "derived"``) that fact extraction finds in a corpus of
real news articles, for a precision review by reading.

Derived figures are the riskiest facts newsfaq emits (the article never states them), so each one
is printed with its inputs, its arithmetic and its evidence sentences; a reviewer marks each one
right or wrong. Also counts those the explain self-check would drop. By default it reads the
unique documents of the SummaC validation cut in place (CNN/DailyMail and XSum news).

    .venv/bin/python bench/derived.py [--data ../shared/data/summac-val] [--limit N] > derived.txt
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from newsfaq.explain.selfcheck import check_fact
from newsfaq.ingest.loader import paragraph_offsets
from newsfaq.models import Article
from newsfaq.text.facts import extract_facts
from newsfaq.text.nlp import analyze, get_nlp

SETS = ("factcc", "polytope", "summeval", "xsumfaith")


def main() -> int:
    """Print the derived figures as Markdown, and a summary line on stderr."""
    here = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=here.parent / "shared/data/summac-val")
    parser.add_argument("--limit", type=int, default=None, help="documents to read (sorted)")
    args = parser.parse_args()

    docs: set[str] = set()
    for name in SETS:
        rows = json.loads((args.data / f"{name}.json").read_text(encoding="utf-8")).values()
        docs.update(r["document"] for r in rows)
    texts = sorted(docs)[: args.limit]
    nlp = get_nlp()
    t0 = time.perf_counter()
    found = dropped = 0
    for i, (text, doc) in enumerate(zip(texts, nlp.pipe(texts, batch_size=32), strict=True)):
        analysis = analyze(Article(text=text, paragraphs=paragraph_offsets(text)), doc=doc)
        for fact in extract_facts(analysis):
            if fact.kind != "derived":
                continue
            found += 1
            problems = check_fact(fact, text)
            dropped += bool(problems)
            evidence = " … ".join(" ".join(e.text.split()) for e in fact.evidence)
            print(f"- doc {i}: **{fact.text}** = {fact.derivation} (from {fact.derived_from})")
            if problems:
                print(f"  - self-check drops it: {problems}")
            print(f"  - evidence: {evidence[:600]}")
    print(
        f"{len(texts)} documents, {found} derived figures, {dropped} dropped by the self-check, "
        f"{time.perf_counter() - t0:.0f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
