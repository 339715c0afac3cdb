"""Templated FAQ candidates on tune pages: how many are generated, survive, and are chosen.

For each tune page (``bench/pages.py tune()``; never held-out pages) run the FAQ once with every
candidate checked (reparse and round trip) and once as shipped, and print

- templated candidates generated, passing the cheap filters, surviving the reparse and the
  round trip (by template kind);
- FAQ items per page and the share of final items (besides the gist) that are templated;
- with ``--show N``: N surviving templated questions with their answers, to read.

``--bonus B`` overrides the rank bonus of templated candidates (to choose it on tune pages).

    .venv/bin/python bench/faq_templates.py [--limit N] [--show 30] [--bonus 0.1]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages

if TYPE_CHECKING:
    from newsfaq.explain.questions.candidates import Scored


def _gate(s: Scored) -> str:
    """The readability gate that rejected a candidate."""
    from newsfaq.explain.questions.readability import unreadable
    from newsfaq.text.nlp import get_nlp

    return unreadable(get_nlp()(s.cand.question), s.cand) or "?"


def _page(name: str, totals: Counter[str], shown: list[tuple[str, str, str]]) -> None:
    from newsfaq.errors import NewsfaqError
    from newsfaq.explain import faq
    from newsfaq.explain.questions.templates import template_candidates
    from newsfaq.ingest.loader import from_html
    from newsfaq.text.facts import extract_facts
    from newsfaq.text.nlp import analyze

    try:
        analysis = analyze(from_html(pages.html(name), source=name))
    except NewsfaqError:
        return
    if not analysis.sentences:
        return
    facts = list(analysis.derived("facts", extract_facts))
    made = template_candidates(analysis, facts)
    totals["generated"] += len(made)
    totals.update("generated " + c.kind for c in made)
    run = faq.run_faq(analysis, facts, n=8, check_all=True)
    templ = [s for s in run.checked if s.cand.templated]
    totals["cheap ok"] += len(templ)
    alive = [s for s in templ if s.rejected is None]
    totals["survived"] += len(alive)
    totals.update("survived " + s.cand.kind for s in alive)
    totals.update("rejected " + (s.rejected or "") for s in templ if s.rejected)
    totals.update("gate " + _gate(s) for s in templ if s.rejected == "unreadable")
    text = analysis.article.text
    shown += [(name, s.cand.question, text[s.cand.answer_start : s.cand.answer_end]) for s in alive]
    items = faq.run_faq(analysis, facts, n=8).items
    totals["pages"] += 1
    totals["items"] += len(items)
    totals["questions"] += len(items) - 1
    kinds = {s.cand.question: s.cand.kind for s in templ}
    chosen = [kinds[q.question] for q in items[1:] if q.question in kinds]
    totals["templated items"] += len(chosen)
    totals.update("chosen " + k for k in chosen)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="the first N tune pages only")
    ap.add_argument("--show", type=int, default=0, help="print N surviving templated questions")
    ap.add_argument("--bonus", type=float, default=None, help="rank bonus of templated items")
    ap.add_argument("--quote-bonus", type=float, default=None, help="the same for quotes")
    args = ap.parse_args()
    from newsfaq.explain import faq

    if args.bonus is not None:
        faq.TEMPLATE_BONUS = args.bonus
    if args.quote_bonus is not None:
        faq.QUOTE_TEMPLATE_BONUS = args.quote_bonus
    names = pages.tune()[: args.limit or None]
    totals: Counter[str] = Counter()
    shown: list[tuple[str, str, str]] = []
    for name in names:
        _page(name, totals, shown)
    gen = max(totals["generated"], 1)
    print(
        f"tune pages {totals['pages']}, bonus {faq.TEMPLATE_BONUS}, "
        f"quote bonus {faq.QUOTE_TEMPLATE_BONUS}"
    )
    print(f"templated generated {totals['generated']}, pass cheap filters {totals['cheap ok']}")
    print(
        f"survive reparse + round trip: {totals['survived']} "
        f"({100 * totals['survived'] / gen:.1f}%)"
    )
    for key in sorted(
        k
        for k in totals
        if k.startswith(("generated ", "survived ", "rejected ", "gate ", "chosen "))
    ):
        print(f"  {key}: {totals[key]}")
    print(f"FAQ items per page (gist included): {totals['items'] / max(totals['pages'], 1):.2f}")
    share = totals["templated items"] / max(totals["questions"], 1)
    print(
        f"templated share of items besides the gist: {totals['templated items']}/"
        f"{totals['questions']} ({100 * share:.1f}%)"
    )
    for name, q, a in random.Random(7).sample(shown, min(args.show, len(shown))):
        print(f"[{name}] {q}\n    -> {a[:160]}")


if __name__ == "__main__":
    main()
