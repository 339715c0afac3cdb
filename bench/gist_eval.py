"""How well the FAQ's first item ("What is this article about?") picks the gist, on tune pages.

``generate`` writes, for the first 30 tune pages of ``bench/pages.py``, the first ten sentences
that can state a gist (``selection.is_gist_candidate``), numbered, to
``bench/ratings/gist-tune/NAME.candidates.md``; a blind rater who sees only those and the page's
reference text writes ``NAME.labels.json`` (``{"page", "good": [numbers], "best": number|null}``).
``evaluate`` counts the pages where today's choice (``selection.gist_sentence``), the lead, and
variants of its window and lead bias pick a sentence the rater marked good. ``learn`` fits a
chooser on the labels (a softmax over each page's candidates, logistic in its features:
centrality, position, lead, overlap with the title, length, a name, a figure) and counts its
hits leaving one page out, against today's rule.

    .venv/bin/python bench/gist_eval.py generate
    .venv/bin/python bench/gist_eval.py evaluate
    .venv/bin/python bench/gist_eval.py learn

``headline-generate`` writes, for every tune page with a headline, three answers to "What is
this article about?" in a seeded order (A/B/C): today's sentence, the headline
(``newsfaq.ingest.headline``), and both; blind raters mark each (states the gist, publishable as
is) and pick the best (``bench/ratings/gist-headline-tune/NAME.labels.json``);
``headline-summarize`` counts them per kind of answer with ``key.json``.

    .venv/bin/python bench/gist_eval.py headline-generate
    .venv/bin/python bench/gist_eval.py headline-summarize
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages
from newsfaq.errors import NewsfaqError
from newsfaq.explain.keypoints import sentence_scores
from newsfaq.explain.questions.filters import dateline_end
from newsfaq.explain.questions.selection import gist_sentence, is_gist_candidate
from newsfaq.ingest.headline import headline_span
from newsfaq.ingest.loader import from_html
from newsfaq.text.nlp import Analysis, Sentence, analyze

OUT = Path(__file__).resolve().parent / "ratings" / "gist-tune"


def _candidates(name: str) -> tuple[Analysis, list[Sentence]] | None:
    try:
        analysis = analyze(from_html(pages.html(name)))
    except NewsfaqError:
        return None
    return analysis, [s for s in analysis.sentences if is_gist_candidate(s, analysis)][:10]


def generate() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name in pages.tune()[:30]:
        got = _candidates(name)
        if got is None or len(got[1]) < 2:
            continue
        lines = [f"# Gist candidates for page {name}", ""]
        for i, s in enumerate(got[1], 1):
            text = s.text.strip()
            lines.append(f"{i}. {text[dateline_end(text) :]}")
        (OUT / f"{name}.candidates.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _choose(scores: list[float], window: int, decay: float) -> int:
    ok = range(min(window, len(scores)))
    return max(ok, key=lambda i: (scores[i] * (1.0 - decay * i), -i)) + 1


def _labelled() -> Iterator[tuple[list[int], Analysis, list[Sentence], int]]:
    """Each labelled tune page with a good candidate: its good candidates (1-based), analysis,
    candidate sentences and the 0-based position of today's choice among them (-1: not there)."""
    for path in sorted(OUT.glob("*.labels.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        got = _candidates(label["page"])
        if got is None or not label["good"]:
            continue
        analysis, cands = got
        ids = [s.id for s in cands]
        chosen = gist_sentence(analysis).id
        yield label["good"], analysis, cands, ids.index(chosen) if chosen in ids else -1


def evaluate() -> None:
    rows = []
    for good, analysis, cands, today in _labelled():
        scores = sentence_scores(analysis)
        rows.append((set(good), [scores[s.id] for s in cands], today + 1))
    print(f"pages where some candidate states the gist: {len(rows)}")
    print(f"today's choice good: {sum(t in g for g, _, t in rows)}")
    print(f"the lead good: {sum(1 in g for g, _, _ in rows)}")
    for window in (3, 4, 6, 8, 10):
        hits = [sum(_choose(s, window, d) in g for g, s, _ in rows) for d in (0, 0.04, 0.08, 0.2)]
        print(f"window {window}, lead bias 0 / 0.04 / 0.08 / 0.2: {hits}")


_STOP = {
    "the", "a", "an", "of", "to", "in", "on", "for", "at", "by", "with", "and", "or", "is",
    "are", "was", "were", "be", "been", "it", "its", "this", "that", "as", "from", "has",
    "have", "had", "will", "would",
}  # fmt: skip
_FEATURES = ("centrality", "position", "lead", "title", "length", "name", "figure")


def _content(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOP and len(w) > 2}


def _page_matrix(analysis: Analysis, cands: list[Sentence]) -> np.ndarray:
    """One row of :data:`_FEATURES` per gist candidate."""
    scores = sentence_scores(analysis)
    top = max(scores[s.id] for s in cands) or 1.0
    title = _content(analysis.article.meta.title or "")
    rows = []
    for k, s in enumerate(cands):
        words = _content(s.text)
        ents = {t.ent_type_ for t in s.span if t.ent_type_}
        rows.append([
            scores[s.id] / top, k / 10, float(k == 0), len(words & title) / max(len(title), 1),
            min(len(words), 40) / 40, float(bool(ents & {"PERSON", "ORG", "GPE"})),
            float(any(ch.isdigit() for ch in s.text)),
        ])  # fmt: skip
    return np.array(rows)


Page = tuple[np.ndarray, list[int], int]  # features, good candidates (0-based), today's choice


def _fit_softmax(train: list[Page], l2: float, steps: int = 2000) -> np.ndarray:
    w = np.zeros(len(_FEATURES))
    for _ in range(steps):
        grad = l2 * w
        for x, good, _ in train:
            z = x @ w
            p = np.exp(z - z.max())
            p /= p.sum()
            target = np.zeros(len(p))
            target[good] = 1.0 / len(good)
            grad += x.T @ (p - target)
        w -= 0.05 * grad / len(train)
    return w


def learn() -> None:
    """Leave-one-page-out hits of a learned chooser against today's rule."""
    data: list[Page] = [
        (_page_matrix(analysis, cands), [g - 1 for g in good], today)
        for good, analysis, cands, today in _labelled()
    ]
    print(f"pages {len(data)}; today's rule good on {sum(t in g for _, g, t in data)}")
    for l2 in (0.3, 1.0, 3.0):
        hits = 0
        for i, (x, good, _) in enumerate(data):
            w = _fit_softmax(data[:i] + data[i + 1 :], l2)
            hits += int(int(np.argmax(x @ w)) in good)
        print(f"learned chooser ({', '.join(_FEATURES)}), L2 {l2}: good on {hits} (left out)")


HEADLINE = OUT.parent / "gist-headline-tune"


def _options(name: str) -> dict[str, str] | None:
    """The three gist answers compared blind: the sentence rule, the headline, both."""
    try:
        article = from_html(pages.html(name))
        analysis = analyze(article)
    except NewsfaqError:
        return None
    span = headline_span(article.meta)
    if span is None or article.meta.title is None:
        return None
    head = article.meta.title[span[0] : span[1]]
    sent = gist_sentence(analysis).text.strip()
    sent = sent[dateline_end(sent) :]
    joiner = " " if head.endswith((".", "!", "?")) else ". "
    return {"sentence": sent, "headline": head, "both": head + joiner + sent}


def headline_generate() -> None:
    """Write the blind A/B/C options for every tune page, in a seeded order, and the key."""
    HEADLINE.mkdir(parents=True, exist_ok=True)
    rng = random.Random(7)
    key: dict[str, list[str]] = {}
    for name in pages.tune():
        opts = _options(name)
        if opts is None:
            continue
        order = list(opts)
        rng.shuffle(order)
        key[name] = order
        lines = [f"# Gist answers for page {name}", "", 'Question: "What is this article about?"']
        for letter, kind in zip("ABC", order, strict=True):
            lines += ["", f"{letter}. {opts[kind]}"]
        (HEADLINE / f"{name}.options.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (HEADLINE / "key.json").write_text(json.dumps(key, indent=1) + "\n", encoding="utf-8")


def headline_summarize() -> None:
    """Per kind of answer: pages where it states the gist, is publishable, is the rater's best."""
    key = json.loads((HEADLINE / "key.json").read_text(encoding="utf-8"))
    gist: dict[str, int] = {}
    publishable: dict[str, int] = {}
    best: dict[str, int] = {}
    n = 0
    for path in sorted(HEADLINE.glob("*.labels.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        order = key[label["page"]]
        n += 1
        for letter, kind in zip("ABC", order, strict=True):
            opt = label["options"][letter]
            gist[kind] = gist.get(kind, 0) + bool(opt["gist"])
            publishable[kind] = publishable.get(kind, 0) + bool(opt["publishable"])
        kind = order["ABC".index(label["best"])]
        best[kind] = best.get(kind, 0) + 1
    print(f"{n} tune pages rated")
    print("| answer | states the gist | publishable as is | rater's best |")
    print("|---|---:|---:|---:|")
    for kind in ("sentence", "headline", "both"):
        print(
            f"| {kind} | {gist.get(kind, 0)} | {publishable.get(kind, 0)} | {best.get(kind, 0)} |"
        )


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "cmd",
        choices=("generate", "evaluate", "learn", "headline-generate", "headline-summarize"),
    )
    {
        "generate": generate,
        "evaluate": evaluate,
        "learn": learn,
        "headline-generate": headline_generate,
        "headline-summarize": headline_summarize,
    }[ap.parse_args().cmd]()
