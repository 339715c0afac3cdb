"""Answer-aware question generation on SQuAD v1.1 dev: BLEU-4, ROUGE-L, empties, speed.

For each question, take the sentence of its paragraph that contains the (first) answer start,
ask the rule-based engine for the question whose answer is that span, and compare it with the
human question. Each paragraph is parsed once (``nlp.pipe``); sentences come from that parse.

Metrics (both lowercased):
- BLEU-4: ``sacrebleu.corpus_bleu`` with ``tokenize="13a"`` and ``lowercase=True``.
- ROUGE-L: ``rouge_score`` ``rougeL`` F-measure (its default tokenizer: lowercase, split on
  non-alphanumerics), averaged over all items.
- the nlg-eval convention that published figures use (Du et al. 2017, NQG, t5 QG papers):
  lowercased tokens with punctuation as separate tokens, corpus BLEU-4 over those tokens, and
  ROUGE-L F with beta = 1.2 (LCS precision and recall per item, averaged).
Empty outputs are scored as empty strings (counted, not skipped). The error table counts the
fallbacks (a question about the phrase around an answer that cannot move; an inverted clause
with the answer taken out; the wh-word + the clause without the answer) and the wh-words that
differ from the human question. ``--cache FILE`` keeps the parse of every dev paragraph in a
spaCy DocBin so that tuning runs skip parsing (timings then exclude the parse).

Usage::

    .venv/bin/python bench/qg_squad.py --limit 1000 --seed 13
    .venv/bin/python bench/qg_squad.py            # the full dev set (10,570 questions)
    .venv/bin/python bench/qg_squad.py --limit 2000 --seed 7 --cache /tmp/squad_dev.spacy
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "squad-v1.1" / "dev-v1.1.json.zip"


@dataclass
class Item:
    """One SQuAD question with its paragraph and first answer."""

    pid: int
    question: str
    answer: str
    start: int


def load(path: Path) -> tuple[list[str], list[Item]]:
    """Read the zipped SQuAD JSON in place: paragraphs and question items."""
    with zipfile.ZipFile(path) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".json"))
        data = json.loads(zf.read(name))
    paragraphs: list[str] = []
    items: list[Item] = []
    for article in data["data"]:
        for para in article["paragraphs"]:
            pid = len(paragraphs)
            paragraphs.append(para["context"])
            for qa in para["qas"]:
                ans = qa["answers"][0]
                items.append(Item(pid, qa["question"], ans["text"], ans["answer_start"]))
    return paragraphs, items


_NLG_TOKEN = re.compile(r"\w+|[^\w\s]")


def nlg_tokens(text: str) -> list[str]:
    """nlg-eval tokens: lowercased words, each punctuation mark a token of its own."""
    return _NLG_TOKEN.findall(text.lower())


def _lcs(a: list[str], b: list[str]) -> int:
    prev = [0] * (len(b) + 1)
    for x in a:
        cur = [0]
        for j, y in enumerate(b):
            cur.append(prev[j] + 1 if x == y else max(prev[j + 1], cur[j]))
        prev = cur
    return prev[-1]


def rouge_l_nlgeval(ref: str, hyp: str, beta: float = 1.2) -> float:
    """ROUGE-L F of one item as nlg-eval computes it (beta 1.2 weighs recall)."""
    r, h = nlg_tokens(ref), nlg_tokens(hyp)
    if not r or not h:
        return 0.0
    lcs = _lcs(h, r)
    if lcs == 0:
        return 0.0
    prec, rec = lcs / len(h), lcs / len(r)
    return ((1 + beta**2) * prec * rec) / (rec + beta**2 * prec)


def first_word(text: str) -> str:
    """Lowercased first word (the wh-word of most questions)."""
    words = text.lower().split()
    return words[0] if words else "<empty>"


def _parse(
    nlp: Any, paragraphs: list[str], needed: list[int], cache: Path | None
) -> dict[int, Any]:
    """Parse the needed paragraphs once; with ``cache``, store/reuse every paragraph's parse."""
    if cache is None:
        return dict(
            zip(needed, nlp.pipe((paragraphs[i] for i in needed), batch_size=64), strict=True)
        )
    from spacy.tokens import DocBin

    if not cache.exists():
        bin_ = DocBin(store_user_data=False)
        for doc in nlp.pipe(paragraphs, batch_size=64):
            bin_.add(doc)
        bin_.to_disk(cache)
    all_docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    if len(all_docs) != len(paragraphs):
        raise SystemExit(f"cache {cache} does not match the data: delete it")
    return {i: all_docs[i] for i in needed}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures and the error table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument("--limit", type=int, default=0, help="sample N questions (0 = all)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--examples", type=int, default=0, help="print N sample outputs")
    ap.add_argument("--out", type=Path, default=None, help="write per-item JSONL here")
    ap.add_argument(
        "--cache", type=Path, default=None, help="reuse parsed paragraphs (spaCy DocBin) from here"
    )
    args = ap.parse_args(argv)

    import sacrebleu
    from rouge_score import rouge_scorer  # type: ignore[import-untyped]

    from newsfaq.explain.questions import Resolver, ask_in_doc
    from newsfaq.text.nlp import get_nlp

    paragraphs, items = load(args.data)
    if args.limit and args.limit < len(items):
        items = random.Random(args.seed).sample(items, args.limit)
    needed = sorted({it.pid for it in items})
    nlp = get_nlp()

    t0 = time.perf_counter()
    docs = _parse(nlp, paragraphs, needed, args.cache)
    t_parse = time.perf_counter() - t0

    hyps: list[str] = []
    refs: list[str] = []
    empty_by_dep: Counter[str] = Counter()
    wh_pairs: Counter[tuple[str, str]] = Counter()
    rows: list[dict[str, str]] = []
    resolvers: dict[int, Resolver] = {}
    fallback: Counter[str] = Counter()
    t0 = time.perf_counter()
    for it in items:
        doc = docs[it.pid]
        resolver = resolvers.get(it.pid)
        if resolver is None:
            resolver = resolvers[it.pid] = Resolver(doc)
        q, reason = ask_in_doc(doc, it.start, it.start + len(it.answer), resolver)
        hyps.append(q or "")
        refs.append(it.question)
        if not q:
            empty_by_dep[reason] += 1
        elif reason:
            fallback[reason] += 1
        elif first_word(q) != first_word(it.question):
            wh_pairs[(first_word(q), first_word(it.question))] += 1
        rows.append(
            {"answer": it.answer, "human": it.question, "generated": q or "", "how": reason}
        )
    t_gen = time.perf_counter() - t0

    bleu = sacrebleu.corpus_bleu(hyps, [refs], lowercase=True, tokenize="13a")
    scorer = rouge_scorer.RougeScorer(["rougeL"])
    rouge_l = sum(scorer.score(r, h)["rougeL"].fmeasure for r, h in zip(refs, hyps, strict=True))
    n = len(items)
    empties = sum(1 for h in hyps if not h)
    print(f"items                 {n}")
    print(f"BLEU-4 (sacrebleu 13a, lowercased)  {bleu.score:.2f}")
    print(f"ROUGE-L F (rouge-score, avg)        {100 * rouge_l / n:.2f}")
    nlg_bleu = sacrebleu.corpus_bleu(
        [" ".join(nlg_tokens(h)) for h in hyps],
        [[" ".join(nlg_tokens(r)) for r in refs]],
        tokenize="none",
        force=True,
    )
    nlg_rouge = sum(rouge_l_nlgeval(r, h) for r, h in zip(refs, hyps, strict=True)) / n
    print(f"BLEU-4 (nlg-eval convention)        {nlg_bleu.score:.2f}")
    print(f"ROUGE-L F beta 1.2 (nlg-eval)       {100 * nlg_rouge:.2f}")
    print(f"empty                 {empties} ({100 * empties / n:.2f}%)")
    n_fb = fallback["inverted"] + fallback["in-place"]
    print(f"fallback              {n_fb} ({100 * n_fb / n:.2f}%: inverted or in-place)")
    glen = sum(len(h.split()) for h in hyps if h) / max(n - empties, 1)
    hlen = sum(len(r.split()) for r in refs) / max(n, 1)
    print(f"mean length (words)   generated {glen:.1f}, human {hlen:.1f}")
    print(f"parse                 {t_parse:.1f} s ({len(needed)} paragraphs)")
    print(f"generation            {t_gen:.2f} s, {n / max(t_gen, 1e-9):.0f} questions/s")
    print(f"end to end            {n / (t_parse + t_gen):.0f} questions/s")
    print("\nerror kinds (count):")
    print(f"  {'kind':48} count")
    for reason, count in empty_by_dep.most_common(8):
        print(f"  {'empty: ' + reason:48} {count}")
    labels = {
        "widened": "widened: asked about the phrase around it",
        "inverted": "fallback: answer taken out, clause inverted",
        "in-place": "fallback: wh-word + clause without the answer",
    }
    for reason, label in labels.items():
        print(f"  {label:48} {fallback[reason]}")
    mismatch = sum(wh_pairs.values())
    print(f"  {'wh-word differs from the human question':48} {mismatch}")
    for (ours, human), count in wh_pairs.most_common(10):
        print(f"  {f'    ours {ours!r} vs human {human!r}':48} {count}")
    if args.examples:
        print("\nsamples:")
        for row in rows[: args.examples]:
            print(f"  A: {row['answer']}\n  H: {row['human']}\n  G: {row['generated']}\n")
    if args.out:
        with args.out.open("w", encoding="utf-8") as fh:
            for row in rows:
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
