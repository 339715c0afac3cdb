"""Milliseconds per article: the whole explain vs the spaCy parse alone, on one core.

Run: .venv/bin/python bench/speed.py [--repeat 5]

Articles: the project's own test articles and demo article (different lengths), plus
concatenations of them to reach about 1,000 and 2,000 words. The parse is the floor: target
explain <= 1.5x parse, and under 0.5 s for a 1,000-word article.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from newsfaq.explain.pipeline import explain_analysis
from newsfaq.ingest.loader import load
from newsfaq.models import Article
from newsfaq.text.nlp import analyze, get_nlp

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["brief", "plain_no_meta", "science", "sports", "politics", "court", "feature"]


def corpus() -> list[tuple[str, Article]]:
    """The benchmark articles, shortest first."""
    arts = [(n, load(ROOT / "tests" / "articles" / f"{n}.txt")) for n in NAMES]
    arts.append(("demo", load(ROOT / "examples" / "demo-article.txt")))
    by_name = dict(arts)
    for target, parts in (
        (1000, ["politics", "court", "science"]),
        (2000, ["feature", "politics", "business", "court"]),
    ):
        text = "\n".join(
            (by_name[p] if p in by_name else load(ROOT / "tests" / "articles" / f"{p}.txt")).text
            for p in parts
        )
        arts.append((f"~{target} words", Article(text=text, paragraphs=[])))
    return sorted(arts, key=lambda a: len(a[1].text.split()))


def timed_pair(first: object, second: object, repeat: int) -> tuple[float, float]:
    """Median wall times of ``first()`` and ``second()`` in ms, run in turn ``repeat`` times, so
    that a machine slowing down or speeding up during the run weighs on both alike."""
    runs: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for fn, out in ((first, runs[0]), (second, runs[1])):
            t = time.perf_counter()
            fn()  # type: ignore[operator]
            out.append((time.perf_counter() - t) * 1000)
    return statistics.median(runs[0]), statistics.median(runs[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    nlp = get_nlp()
    rows = []
    for name, article in corpus():
        article = article if article.paragraphs else load(article.text)
        nlp(article.text)  # warm caches
        parse_ms, explain_ms = timed_pair(
            lambda a=article: nlp(a.text),
            lambda a=article: explain_analysis(analyze(a)),
            args.repeat,
        )
        rows.append((name, len(article.text.split()), parse_ms, explain_ms))
    print("| article | words | spaCy parse ms | whole explain ms | ratio |")
    print("|---|---:|---:|---:|---:|")
    for name, words, p, e in rows:
        print(f"| {name} | {words} | {p:.1f} | {e:.1f} | {e / p:.2f} |")
    total_p = sum(r[2] for r in rows)
    total_e = sum(r[3] for r in rows)
    print(
        f"| **all** | {sum(r[1] for r in rows)} | {total_p:.1f} | {total_e:.1f} | "
        f"{total_e / total_p:.2f} |"
    )


if __name__ == "__main__":
    main()
