"""How well the FAQ's first item ("What is this article about?") picks the gist, on tune pages.

``generate`` writes, for the first 30 tune pages of ``bench/pages.py``, the first ten sentences
that can state a gist (``selection.is_gist_candidate``), numbered, to
``bench/ratings/gist-tune/NAME.candidates.md``; a blind rater who sees only those and the page's
reference text writes ``NAME.labels.json`` (``{"page", "good": [numbers], "best": number|null}``).
``evaluate`` counts the pages where today's choice (``selection.gist_sentence``), the lead, and
variants of its window and lead bias pick a sentence the rater marked good.

    .venv/bin/python bench/gist_eval.py generate
    .venv/bin/python bench/gist_eval.py evaluate
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages
from newsfaq.errors import NewsfaqError
from newsfaq.explain.keypoints import sentence_scores
from newsfaq.explain.questions.filters import dateline_end
from newsfaq.explain.questions.selection import gist_sentence, is_gist_candidate
from newsfaq.ingest.loader import from_html
from newsfaq.text.nlp import Analysis, Sentence, analyze

OUT = Path(__file__).resolve().parent / "ratings" / "gist-tune"


def _candidates(name: str) -> tuple[Analysis, list[Sentence]] | None:
    try:
        analysis = analyze(from_html(pages.html(name)))
    except NewsfaqError:
        return None
    return analysis, [s for s in analysis.sentences if is_gist_candidate(s)][:10]


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


def evaluate() -> None:
    rows = []
    for path in sorted(OUT.glob("*.labels.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        got = _candidates(label["page"])
        if got is None or not label["good"]:
            continue
        analysis, cands = got
        scores = sentence_scores(analysis)
        ids = [s.id for s in cands]
        chosen = gist_sentence(analysis).id
        today = ids.index(chosen) + 1 if chosen in ids else 0
        rows.append((set(label["good"]), [scores[i] for i in ids], today))
    print(f"pages where some candidate states the gist: {len(rows)}")
    print(f"today's choice good: {sum(t in g for g, _, t in rows)}")
    print(f"the lead good: {sum(1 in g for g, _, _ in rows)}")
    for window in (3, 4, 6, 8, 10):
        hits = [sum(_choose(s, window, d) in g for g, s, _ in rows) for d in (0, 0.04, 0.08, 0.2)]
        print(f"window {window}, lead bias 0 / 0.04 / 0.08 / 0.2: {hits}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("cmd", choices=("generate", "evaluate"))
    if ap.parse_args().cmd == "generate":
        generate()
    else:
        evaluate()
