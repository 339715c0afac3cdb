"""On real pages: do the first FAQ answer and the key points come from the article text?

Explains every page of ``../shared/data/news-pages`` that has a reference text (143 of 145;
``--usable``: only the pages ``bench/pages.py all_pages()`` keeps, 150 words or more; real HTML,
read in place) and checks each output against the page's reference article text:
the share of first FAQ answers (the gist) and of key points found in it (whitespace and quote
marks normalised). A first answer that quotes the page's headline (``source="title"``; the
reference text has no headline) counts as from the article, and is counted apart. Boilerplate
(sponsor notes, sidebars, captions, newsletter lines) is not in the reference text, so a miss is
mostly boilerplate. Only aggregate figures are printed;
``--show`` lists the misses of tune pages (never of held-out pages).

    .venv/bin/python bench/faq_pages.py [--limit N] [--show] [--usable | --tune]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pages


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=0, help="the first N pages only")
    ap.add_argument("--show", action="store_true", help="list the misses of tune pages")
    ap.add_argument("--usable", action="store_true", help="only pages of 150 words or more")
    ap.add_argument("--tune", action="store_true", help="only the usable tune pages")
    args = ap.parse_args()

    import newsfaq
    from newsfaq.errors import NewsfaqError
    from newsfaq.ingest.loader import from_html

    if args.tune:
        names = pages.tune()
    elif args.usable:
        names = pages.all_pages()
    else:
        html = sorted(p.name.removesuffix(".html.gz") for p in (pages.DATA / "html").glob("*.gz"))
        names = [n for n in html if (pages.DATA / "text" / f"{n}.txt").exists()]
    if args.limit:
        names = names[: args.limit]
    tune = set(pages.tune())
    first_ok = first_n = first_head = kp_ok = kp_n = items = failed = 0
    t0 = time.perf_counter()
    for name in names:
        ref = _norm(pages.reference_text(name))
        try:
            ex = newsfaq.explain(from_html(pages.html(name), source=name))
        except NewsfaqError:
            failed += 1
            continue
        items += len(ex.faq)
        if ex.faq:
            first_n += 1
            headline = any(s.source == "title" for s in ex.faq[0].evidence)
            first_head += headline
            hit = headline or _norm(ex.faq[0].answer) in ref
            first_ok += hit
            if args.show and not hit and name in tune:
                print(f"{name}: first answer not in the article: {ex.faq[0].answer[:120]}")
        for kp in ex.key_points:
            kp_n += 1
            hit = _norm(kp.text) in ref
            kp_ok += hit
            if args.show and not hit and name in tune:
                print(f"{name}: key point not in the article: {kp.text[:120]}")
    secs = time.perf_counter() - t0
    print(f"pages {len(names)} (explain failed on {failed}), {secs:.0f} s")
    print(
        f"first FAQ answer from the article text: {first_ok}/{first_n} "
        f"({100 * first_ok / max(first_n, 1):.1f}%; the page's headline on {first_head})"
    )
    print(
        f"key points from the article text:       {kp_ok}/{kp_n} "
        f"({100 * kp_ok / max(kp_n, 1):.1f}%)"
    )
    print(f"FAQ items per page (gist included):     {items / max(first_n, 1):.2f}")


if __name__ == "__main__":
    main()
