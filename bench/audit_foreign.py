"""Whole invented sentences: does the audit flag a sentence from another story (issue 14)?

The labelled rewrites inject one error into a sentence that otherwise paraphrases the original,
so a rewrite that adds a whole sentence the original never says (an invented quote, an event of
another story) is not among them. Here each original article of the tune sets ``rewrites-more``
… ``rewrites-more29`` is audited against a page made of *foreign* sentences: the faithful body
sentences of the other files of its set (other stories in the same local-news register, so they
share its common words: council, said, million, residents). Each foreign sentence is a unit,
flagged when any claim overlapping it is not ``supported``; the share flagged is the recall of
whole invented sentences. Headings, questions and sentences under eight words are skipped; a
sentence whose every content word is in the original is skipped too (it may say what the
original says).

Tune data only (nothing held out is read). ``--per-article N`` foreign sentences per article
(from different files, in a fixed shuffle, ``random.Random(30)``).

    .venv/bin/python bench/audit_foreign.py [--per-article 6] [--sets more27 more28 ...]
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from spacy.lang.en.stop_words import STOP_WORDS

import newsfaq
from audit_rewrites import ROOT, is_heading, load_set

SEED = 30
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def _content(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if w.lower() not in STOP_WORDS}


def _foreign(docs: list[tuple[dict, str | Path]], k: int, rng: random.Random) -> list[list[str]]:
    """For each file of a set, ``k`` faithful body sentences of the set's other files."""
    pools = []
    for doc, _ in docs:
        sents = [s["text"] for s in doc["faithful"]["sentences"][1:]]
        pools.append(
            [
                s
                for s in sents
                if not is_heading(s) and not s.rstrip().endswith("?") and len(s.split()) >= 8
            ]
        )
    out = []
    for i, (_, original) in enumerate(docs):
        text = original.read_text(encoding="utf-8") if isinstance(original, Path) else original
        words = _content(text)
        others = [j for j in range(len(docs)) if j != i]
        rng.shuffle(others)
        picked: list[str] = []
        for j in others * k:
            cands = [s for s in pools[j] if s not in picked and not _content(s) <= words]
            if cands and len(picked) < k:
                picked.append(rng.choice(cands))
        out.append(picked)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-article", type=int, default=6)
    ap.add_argument(
        "--sets",
        nargs="*",
        default=[f"more{k}" if k > 1 else "more" for k in range(1, 30)],
        help="tune sets (names after rewrites-)",
    )
    args = ap.parse_args()
    rng = random.Random(SEED)
    newsfaq.audit("A warm-up sentence.", "A warm-up sentence.")
    total = flagged = 0
    cpu = time.process_time()
    per_set: list[tuple[str, int, int]] = []
    for name in args.sets:
        data = ROOT / "bench" / "data" / f"rewrites-{name}"
        if not (data / "README.md").exists():
            continue
        docs = load_set(data)
        n_set = f_set = 0
        for (_, original), sents in zip(docs, _foreign(docs, args.per_article, rng), strict=True):
            if not sents:
                continue
            page = "\n\n".join(sents)
            spans, at = [], 0
            for s in sents:
                spans.append((at, at + len(s)))
                at += len(s) + 2
            report = newsfaq.audit(original, page)
            for start, end in spans:
                hit = any(
                    c.verdict != "supported" and c.start < end and c.end > start
                    for c in report.claims
                )
                n_set += 1
                f_set += hit
        per_set.append((name, f_set, n_set))
        total += n_set
        flagged += f_set
    secs = time.process_time() - cpu
    print("| set | foreign sentences | flagged |")
    print("|---|---:|---:|")
    for name, f, n in per_set:
        print(f"| {name} | {n} | {f} ({100 * f / max(n, 1):.1f}%) |")
    print(f"| **all** | {total} | **{flagged} ({100 * flagged / max(total, 1):.1f}%)** |")
    print(f"\nCPU {secs:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
