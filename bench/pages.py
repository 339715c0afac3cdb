"""The fixed split of ``../shared/data/news-pages`` into pages we may tune on and held-out pages.

The split was drawn once, by seed, before anyone looked at the pages' outputs: the pages are
sorted by name and shuffled with ``random.Random(SEED)``; pages whose reference article text has
fewer than ``MIN_WORDS`` words (slideshows, stubs) are left out of both parts. The first
``N_HELD_OUT`` pages of the shuffle are held out: no rule, weight or threshold is set by reading
their outputs; they serve only for blind ratings (FAQ rubric) and reader questions (ask). Every
other page may be used for tuning.

    .venv/bin/python bench/pages.py            # list both parts
"""

from __future__ import annotations

import gzip
import random
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared/data/news-pages"
SEED = 20261204
N_HELD_OUT = 30
MIN_WORDS = 150


def _usable(name: str, data: Path = DATA) -> bool:
    text = data / "text" / f"{name}.txt"
    return (
        text.exists()
        and len(text.read_text(encoding="utf-8", errors="replace").split()) >= MIN_WORDS
    )


def all_pages(data: Path = DATA) -> list[str]:
    """Every usable page name (``cnn.com1``), in the seeded order."""
    names = sorted(p.name.removesuffix(".html.gz") for p in (data / "html").glob("*.html.gz"))
    random.Random(SEED).shuffle(names)
    return [n for n in names if _usable(n, data)]


def held_out(data: Path = DATA) -> list[str]:
    """Pages never used for tuning (blind ratings and reader questions only)."""
    return all_pages(data)[:N_HELD_OUT]


def tune(data: Path = DATA) -> list[str]:
    """Pages we may read outputs of while developing."""
    return all_pages(data)[N_HELD_OUT:]


def html(name: str, data: Path = DATA) -> str:
    """The page's HTML (read in place, never copied)."""
    with gzip.open(
        data / "html" / f"{name}.html.gz", "rt", encoding="utf-8", errors="replace"
    ) as f:
        return f.read()


def reference_text(name: str, data: Path = DATA) -> str:
    """The page's reference article text."""
    return (data / "text" / f"{name}.txt").read_text(encoding="utf-8", errors="replace")


if __name__ == "__main__":
    print("held out:", " ".join(held_out()))
    print("tune:", " ".join(tune()))
