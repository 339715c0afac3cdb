"""Story grouping at scale, on a synthetic corpus built from real news documents.

Corpus (nothing is written to the repository; third-party text is read in place):
- originals: SummaC validation documents (../shared/data/summac-val, 1,069 unique news articles),
  each given a header (site, date) in ``--headed`` of the cases;
- copies made by tests/corpus/storygen.py: near-verbatim, reworded sentence by sentence,
  shortened, with an appended FAQ and a credit line, with facts changed (1-5 per original);
- singletons: SQuAD paragraphs (Wikipedia, read from the zip in place), pseudo-articles spliced
  from six sentences of six SummaC documents (each sentence used once), and past those
  pseudo-articles of 300 words drawn from the SummaC word frequencies, up to ``--n`` articles.

Reports: pairwise precision and recall of the grouping, the original identified where a credit
line, a date or containment points to it, "unknown" where nothing does, fingerprint / grouping /
origin throughput, candidate pairs, band-key bytes per article and peak RSS.

    PYTHONPATH=src python bench/stories.py --n 10000 --workers 2
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import resource
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.corpus.storygen import KINDS, labelled_corpus, make_copy  # noqa: E402

from newsfaq.corpus.fingerprint import TextItem  # noqa: E402
from newsfaq.corpus.grouping import group  # noqa: E402
from newsfaq.corpus.origin import MemberDoc, find_original  # noqa: E402
from newsfaq.corpus.stories import fingerprint_items  # noqa: E402
from newsfaq.errors import NewsfaqError  # noqa: E402
from newsfaq.ingest.loader import from_text  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def real_documents() -> list[str]:
    """The unique SummaC documents; the same article in another tokenization (lower-cased,
    spaced punctuation) counts once."""
    docs: dict[str, str] = {}
    for name in ("factcc", "polytope", "summeval", "xsumfaith"):
        rows = json.loads((DATA / "summac-val" / f"{name}.json").read_text())
        for r in rows.values():
            key = re.sub(r"[^a-z0-9]", "", r["document"].lower())[:120]
            docs.setdefault(key, r["document"])
    return sorted(docs.values())


def squad_paragraphs() -> list[str]:
    out: list[str] = []
    with zipfile.ZipFile(DATA / "squad-v1.1" / "dev-v1.1.json.zip") as z:
        data = json.loads(z.read(z.namelist()[0]))
    for art in data["data"]:
        out.extend(p["context"] for p in art["paragraphs"])
    return sorted(set(out))


def build(n: int, headed: float, seed: int) -> tuple[dict[str, str], dict[str, str], set[str]]:
    """Texts by id, the true story of each id, and the stories where something points."""
    rng = random.Random(seed)
    texts: dict[str, str] = {}
    label: dict[str, str] = {}
    pointed: set[str] = set()
    for k, doc in enumerate(real_documents()):
        body = doc.replace("\n", "\n\n")
        sid = f"o{k}"
        has_head = rng.random() < headed
        site = f"Outlet {k}"
        original = f"Site: {site}\nDate: 2024-05-{1 + k % 20:02d}\n\n{body}" if has_head else body
        texts[sid], label[sid] = original, sid
        kinds = rng.sample(KINDS, rng.randint(1, 5))
        for j, kind in enumerate(kinds):
            cid = f"{sid}-{kind}"
            texts[cid] = make_copy(
                original, kind, seed=k * 10 + j, site=f"Farm {rng.randint(0, 999)}"
            )
            label[cid] = sid
        # what can point: the FAQ copy's credit line and the near copy's later date need the
        # original's header; containment needs a shortened copy and no near-verbatim copy
        # (which holds the shortened part as fully as the original: only a date or a credit
        # line can tell those two apart)
        if (has_head and ({"faq", "near"} & set(kinds))) or (
            "shortened" in kinds and (has_head or "near" not in kinds)
        ):
            pointed.add(sid)
    fillers = squad_paragraphs() + _spliced(rng) + _sampled(rng, n)
    i = 0
    while len(texts) < n:
        texts[f"f{i}"], label[f"f{i}"] = fillers[i], f"f{i}"
        i += 1
    return texts, label, pointed


def _spliced(rng: random.Random) -> list[str]:
    """Pseudo-articles of six sentences of six SummaC documents, each sentence used once."""
    pool = [s for d in real_documents() for s in re.split(r"(?<=[.!?])\s+", d) if 40 < len(s) < 300]
    rng.shuffle(pool)
    return [" ".join(pool[i : i + 6]) for i in range(0, len(pool) - 5, 6)]


def _sampled(rng: random.Random, n: int) -> list[str]:
    """Background pseudo-articles past the real text: 300 words drawn from the word
    frequencies of the SummaC documents (news vocabulary without shared passages), in
    sentences of 20 words."""
    counts = Counter(w for d in real_documents() for w in d.split())
    words, weights = zip(*counts.items(), strict=True)
    cum = list(itertools.accumulate(weights))
    out = []
    for _ in range(n):
        drawn = rng.choices(words, cum_weights=cum, k=300)
        out.append(" ".join(" ".join(drawn[j : j + 20]) + "." for j in range(0, 300, 20)))
    return out


def pairwise(stories: list[list[str]], label: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall from the contingency counts (no pair enumeration)."""

    def pairs(c: int) -> int:
        return c * (c - 1) // 2

    found = sum(pairs(len(s)) for s in stories)
    truth = sum(pairs(c) for c in Counter(label.values()).values())
    tp = sum(pairs(c) for s in stories for c in Counter(label[m] for m in s).values())
    return tp / max(found, 1), tp / max(truth, 1)


def _member(aid: str, a: Any) -> MemberDoc:
    meta = a.meta
    return MemberDoc(
        aid,
        a.text,
        meta.title,
        meta.site,
        meta.url,
        meta.date,
        a.credit_line,
        bool(a.appended_text),
    )


def own_corpus() -> None:
    """The labelled corpus of our own articles (tests/articles): P/R and originals."""
    texts, label = labelled_corpus(ROOT / "tests" / "articles")
    articles = {k: from_text(v, check_language=False) for k, v in texts.items()}
    fps = fingerprint_items((TextItem(k, a.text, "en") for k, a in articles.items()), 1)
    stories = [[fps[i].id for i in s] for s in group(fps).stories]
    precision, recall = pairwise(stories, label)
    right = sum(
        find_original([_member(m, articles[m]) for m in s]).original == label[s[0]]
        for s in stories
        if len(s) > 1
    )
    multi = sum(len(s) > 1 for s in stories)
    print(
        f"own labelled corpus: {len(texts)} articles, {len(set(label.values()))} stories; "
        f"pairwise precision {precision:.4f}, recall {recall:.4f}; original right {right}/{multi}"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--headed", type=float, default=0.7)
    ap.add_argument("--seed", type=int, default=15)
    args = ap.parse_args()
    own_corpus()
    t = time.perf_counter()
    texts, label, pointed = build(args.n, args.headed, args.seed)
    articles = {}
    for k, v in list(texts.items()):
        try:
            articles[k] = from_text(v, check_language=False)
        except NewsfaqError:  # a pseudo-article ingest refuses: not part of the corpus
            del texts[k], label[k]
    print(f"corpus: {len(texts)} articles built in {time.perf_counter() - t:.1f} s")
    t0 = time.perf_counter()
    items = (TextItem(k, a.text, "en") for k, a in articles.items())
    fps = fingerprint_items(items, args.workers)
    t1 = time.perf_counter()
    grouping = group(fps)
    t2 = time.perf_counter()
    stories = [[fps[i].id for i in s] for s in grouping.stories]
    precision, recall = pairwise(stories, label)
    right = unknown_ok = n_pointed = n_silent = 0
    for s in stories:
        if len(s) < 2:
            continue
        truth = Counter(label[m] for m in s).most_common(1)[0][0]
        if truth not in texts or len(s) < 2:
            continue
        origin = find_original([_member(m, articles[m]) for m in s])
        if truth in pointed:
            n_pointed += 1
            right += origin.original == truth
        else:
            n_silent += 1
            unknown_ok += origin.original is None or origin.original == truth
    t3 = time.perf_counter()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    bands = len(fps[0].bands) if fps else 0
    terms = sum(len(fp.term_ids) for fp in fps) / max(len(fps), 1)
    print(f"pairwise precision {precision:.4f}, recall {recall:.4f}")
    share = right / max(n_pointed, 1)
    print(f"original right where something points: {right}/{n_pointed} = {share:.1%}")
    print(f"no guess where nothing points (unknown or right): {unknown_ok}/{n_silent}")
    print(
        f"fingerprint {t1 - t0:.1f} s ({len(fps) / (t1 - t0):.0f} articles/s, "
        f"{args.workers} workers); "
        f"grouping {t2 - t1:.1f} s ({grouping.candidates} candidate pairs, "
        f"{len(grouping.similarity)} confirmed); origins {t3 - t2:.1f} s"
    )
    print(
        f"band keys {bands * 8} bytes/article = {bands * 8:.0f} MB per million; term vectors "
        f"{terms * 8:.0f} bytes/article = {terms * 8:.0f} MB per million; peak RSS {rss:.0f} MB"
    )


if __name__ == "__main__":
    main()
