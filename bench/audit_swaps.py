"""Benchmark how well the audit catches one-fact changes that recombine what an article says.

Rewrites usually go wrong by recombining the article's own material: the wrong person, figure or
date in a sentence, a dropped or added negation, a quote credited to someone else. For every
sentence of the project's own articles (``tests/articles/*.txt`` except ``non_english.txt`` and
files that fail to load, plus ``examples/demo-article.txt``; all written for the project) this
makes variants that change exactly one thing, using only material from the same article:

- ``entity``: one PERSON / ORG / GPE mention replaced by another entity of the same label named
  elsewhere in the article (different text, neither a substring of the other);
- ``number``: one CARDINAL / QUANTITY / MONEY / PERCENT mention replaced by one of the same label
  from another sentence whose value differs;
- ``date``: one DATE mention replaced by another DATE of the article;
- ``negation``: "not" after the first auxiliary or modal of the main verb (or of the reported
  clause of a speech verb), or "did not" + lemma for a simple past main verb with a subject
  before it; other sentences are skipped;
- ``speaker``: the PERSON subject of a speech verb (said, told, ...) replaced by another PERSON
  of the article.

The unchanged sentence is the control (it should be ``supported``). Replacements are chosen
deterministically (the nearest sentence first), at most ``--cap`` variants per sentence and
type. A variant is caught when one of its claims gets a verdict other than ``supported``; it is
caught for the right reason when a reason of a non-supported claim names the swapped-in text (or,
for negation, is about negation or opposite meaning; for the speaker, about attribution). Prints a
Markdown table and the time per variant; a few missed variants per type go to stderr.

    .venv/bin/python bench/audit_swaps.py [--cap 2] [--misses 3] [--json variants.json]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from newsfaq.audit.claims import truecase
from newsfaq.audit.pipeline import audit_analysis
from newsfaq.errors import NewsfaqError
from newsfaq.ingest.loader import load
from newsfaq.models import AuditReport
from newsfaq.text.nlp import Analysis, Sentence, analyze, get_nlp
from newsfaq.text.numbers import numbers_agree, parse_quantity

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

KINDS = ("entity", "number", "date", "negation", "speaker")
ENTITY_LABELS = ("PERSON", "ORG", "GPE")
NUMBER_LABELS = ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
SPEECH_VERBS = frozenset(
    {
        "say",
        "tell",
        "add",
        "announce",
        "state",
        "explain",
        "warn",
        "note",
        "write",
        "claim",
        "insist",
        "argue",
        "confirm",
        "deny",
        "reply",
        "admit",
        "acknowledge",
        "predict",
        "testify",
        "recall",
        "estimate",
    }
)
NEGATION_REASON = re.compile(r"\bnegat|opposite meaning|“[^”]*\b(?:not|n't|never)\b[^”]*”", re.I)
ATTRIBUTION_REASON = re.compile(r"^attribution\b|\bcredit", re.I)
Edit = tuple[int, int, str, str]
"""A swap: article character offsets of the mention, the text put in, the label or date form."""


@dataclass
class Variant:
    """One changed (or, for the control, unchanged) sentence of an article."""

    article: str
    kind: str
    sentence_id: int
    original: str
    text: str
    swapped_in: str = ""
    detail: str = ""
    caught: bool = False
    right_reason: bool = False
    verdicts: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def article_paths(root: Path) -> list[Path]:
    """The project's own English articles, in a fixed order."""
    paths = sorted(
        p for p in (root / "tests/articles").glob("*.txt") if p.name != "non_english.txt"
    )
    return [*paths, root / "examples/demo-article.txt"]


def overlaps(a: str, b: str) -> bool:
    """True when one text is (case-insensitively) the same as, or inside, the other."""
    a, b = a.lower(), b.lower()
    return a in b or b in a


def sentence_ents(sentence: Sentence, labels: tuple[str, ...]) -> list[SpacySpan]:
    """The entity mentions of these labels inside one sentence."""
    return [e for e in sentence.span.ents if e.label_ in labels]


def nearest_first(sentence: Sentence, analysis: Analysis) -> list[Sentence]:
    """The article's sentences, nearest to ``sentence`` first (earlier first on a tie)."""
    return sorted(analysis.sentences, key=lambda s: (abs(s.id - sentence.id), s.id))


def replace(sentence: Sentence, start: int, end: int, new: str) -> str:
    """``sentence.text`` with article characters [start, end) replaced by ``new``."""
    a, b = start - sentence.start, end - sentence.start
    if a == 0:
        new = new[:1].upper() + new[1:]
    elif new.startswith("The "):
        new = "the " + new[4:]
    return sentence.text[:a] + new + sentence.text[b:]


def label_of(analysis: Analysis) -> dict[str, str]:
    """Each mention text's most frequent entity label in the article (first seen on a tie)."""
    counts: dict[str, Counter[str]] = {}
    for ent in analysis.doc.ents:
        counts.setdefault(bare(ent.text), Counter())[ent.label_] += 1
    return {text: c.most_common(1)[0][0] for text, c in counts.items()}


def bare(text: str) -> str:
    """A mention's text without surrounding space and a trailing possessive."""
    return re.sub(r"['’]s$", "", text.strip())


def mention_range(ent: SpacySpan, text: str) -> tuple[int, int]:
    """Character offsets of a mention in the article ``text``, with a currency sign the tagger
    left out ("$" of "$68.40") and without a trailing possessive ("Rhosmor's" -> "Rhosmor")."""
    start, end = ent.start_char, ent.end_char
    if start and text[start - 1] in "$£€¥":
        start -= 1
    return start, start + len(bare(text[start:end]))


def is_name(ent: SpacySpan, sentence: Sentence, analysis: Analysis) -> bool:
    """False for a lone capitalised sentence-initial PERSON / ORG / GPE word that the article
    also writes in lower case ("Frozen meals ..."): the tagger's usual false name."""
    return not (
        ent.label_ in ENTITY_LABELS
        and len(ent) == 1
        and mention_range(ent, analysis.article.text)[0] == sentence.start
        and ent.text.lower() in analysis.derived("bench_swaps_lowercase", lowercase_words)
    )


def as_inserted(ent: SpacySpan, sentence: Sentence, article_text: str) -> str:
    """The mention's text as it would read inside a sentence (sentence-initial "Two" -> "two")."""
    start, end = mention_range(ent, article_text)
    text = article_text[start:end]
    if start == sentence.start and ent[0].pos_ != "PROPN" and not text[:2].isupper():
        text = text[:1].lower() + text[1:]
    return text


MONTHS = frozenset(
    {
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    }
)
WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
_DURATION = re.compile(
    r"\b(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"several|few|\w+ty|\w+teen)\s+(?:day|week|month|year|decade|century|hour|minute)s?\b"
)


def date_form(text: str) -> str | None:
    """The form of a DATE mention; dates are only swapped for dates of the same form. None for
    mentions that are not points or spans of time (ages, bare numbers, "quarterly", "21-year-old").
    """
    low = text.lower().strip()
    words = set(re.findall(r"[a-z]+", low))
    if re.fullmatch(r"\d{1,3}", low) or "-" in low or (text.strip().isalpha() and text.islower()):
        return None
    if words & {"old", "age", "aged"}:
        return None
    span_of_time = bool(_DURATION.search(low)) or bool(words & {"to", "and", "until", "through"})
    if words & MONTHS and not span_of_time:
        return "calendar date"
    if words & WEEKDAYS and not span_of_time:
        return "weekday"
    if re.fullmatch(r"(?:the )?\d{4}s?", low):
        return "year"
    if _DURATION.search(low) and not words & {"ago", "earlier", "later", "before", "after"}:
        return "duration"
    return "relative"


def ent_candidates(
    sentence: Sentence, analysis: Analysis, labels: tuple[str, ...], *, other_sentence: bool
) -> dict[str, list[str]]:
    """Per label, distinct mention texts of the article to swap in, nearest sentence first.

    Left out: texts that overlap a mention of these labels in the sentence itself (no
    sub/superstrings, no name the sentence already has), with ``other_sentence`` every mention of
    the sentence itself, texts more often tagged with another label, and false names.
    """
    own = [e.text for e in sentence_ents(sentence, labels)]
    majority = analysis.derived("bench_swaps_labels", label_of)
    found: dict[str, list[str]] = {label: [] for label in labels}
    for other in nearest_first(sentence, analysis):
        if other_sentence and other.id == sentence.id:
            continue
        for ent in sentence_ents(other, labels):
            text = as_inserted(ent, other, analysis.article.text)
            if (
                not text
                or majority.get(bare(ent.text)) != ent.label_
                or not is_name(ent, other, analysis)
                or any(overlaps(text, o) for o in own)
            ):
                continue
            if not any(overlaps(text, t) for t in found[ent.label_]):
                found[ent.label_].append(text)
    return found


def lowercase_words(analysis: Analysis) -> set[str]:
    """Every word the article writes in lower case."""
    return {t.text for t in analysis.doc if t.text.islower()}


def different_value(a: str, b: str) -> bool:
    """True when two number mentions state different figures (by value when both parse)."""
    ma, mb = parse_quantity(a), parse_quantity(b)
    if ma is None or mb is None:
        return a.strip().lower() != b.strip().lower()
    return not numbers_agree(ma, mb)


def interleave(options: list[list[Edit]], cap: int) -> list[Edit]:
    """Up to ``cap`` swaps, spread over the mentions: each mention's first option, then seconds."""
    out: list[Edit] = []
    depth = 0
    while len(out) < cap and any(depth < len(o) for o in options):
        for opts in options:
            if depth < len(opts) and len(out) < cap:
                out.append(opts[depth])
        depth += 1
    return out


def swap_variants(
    name: str, sentence: Sentence, analysis: Analysis, kind: str, cap: int
) -> list[Variant]:
    """Entity, number or date swaps of one sentence."""
    labels = {"entity": ENTITY_LABELS, "number": NUMBER_LABELS, "date": ("DATE",)}[kind]
    cands = ent_candidates(sentence, analysis, labels, other_sentence=kind != "entity")
    options: list[list[Edit]] = []
    for ent in sentence_ents(sentence, labels):
        if not is_name(ent, sentence, analysis):
            continue
        pool = cands[ent.label_]
        if kind == "number":
            pool = [c for c in pool if different_value(ent.text, c)]
        elif kind == "date":
            form = date_form(ent.text)
            pool = [c for c in pool if form is not None and date_form(c) == form]
        detail = (date_form(ent.text) or "") if kind == "date" else ent.label_
        options.append([(*mention_range(ent, analysis.article.text), c, detail) for c in pool])
    return [
        Variant(name, kind, sentence.id, sentence.text, replace(sentence, a, b, new), new, detail)
        for a, b, new, detail in interleave(options, cap)
    ]


def _subject_before(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < verb.i for c in verb.children)


def negate(verb: Token) -> tuple[int, int, str] | None:
    """The edit that negates ``verb`` (article character offsets and new text), or None."""
    negated = any(c.dep_ == "neg" for c in verb.children) or any(
        t.lower_ in ("not", "n't", "never") for t in verb.doc[max(verb.i - 2, 0) : verb.i + 2]
    )
    if negated or verb.pos_ not in ("VERB", "AUX") or not _subject_before(verb):
        return None
    auxes = [
        c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i and c.tag_ != "TO"
    ]
    if auxes:
        first = min(auxes, key=lambda t: t.i)
        end = first.idx + len(first.text)
        return end, end, " not"
    if verb.pos_ == "AUX" and verb.tag_ in ("VBD", "VBZ", "VBP", "MD"):
        end = verb.idx + len(verb.text)
        return end, end, " not"
    if verb.pos_ == "VERB" and verb.tag_ == "VBD" and verb.lemma_.isalpha():
        return verb.idx, verb.idx + len(verb.text), f"did not {verb.lemma_.lower()}"
    return None


def negation_variants(name: str, sentence: Sentence, cap: int) -> list[Variant]:
    """Negate the main verb and, under a speech verb, the head of the reported clause."""
    root = sentence.span.root
    targets = [root]
    if root.lemma_.lower() in SPEECH_VERBS:
        targets += [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
    out: list[Variant] = []
    for verb in targets:
        edit = negate(verb)
        if edit is not None and len(out) < cap:
            a, b, new = edit
            where = "main verb" if verb.i == root.i else "reported clause"
            text = replace(sentence, a, b, new)
            out.append(Variant(name, "negation", sentence.id, sentence.text, text, "", where))
    return out


def speaker_variants(name: str, sentence: Sentence, analysis: Analysis, cap: int) -> list[Variant]:
    """Replace the PERSON subject of a speech verb with another PERSON of the article."""
    persons = ent_candidates(sentence, analysis, ("PERSON",), other_sentence=False)["PERSON"]
    options: list[list[Edit]] = []
    for verb in sentence.span:
        if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ != "VERB":
            continue
        for subj in verb.children:
            if subj.dep_ != "nsubj" or subj.ent_type_ != "PERSON":
                continue
            ent = next(e for e in sentence.span.ents if e.start <= subj.i < e.end)
            span = mention_range(ent, analysis.article.text)
            options.append([(*span, p, "PERSON") for p in persons])
    return [
        Variant(name, "speaker", sentence.id, sentence.text, replace(sentence, a, b, new), new)
        for a, b, new, _ in interleave(options, cap)
    ]


def variants_of(name: str, analysis: Analysis, cap: int) -> Iterator[Variant]:
    """The control and every variant of every sentence of one article."""
    for sentence in analysis.sentences:
        yield Variant(name, "control", sentence.id, sentence.text, sentence.text)
        for kind in ("entity", "number", "date"):
            yield from swap_variants(name, sentence, analysis, kind, cap)
        yield from negation_variants(name, sentence, cap)
        yield from speaker_variants(name, sentence, analysis, cap)


def judge(variant: Variant, report: AuditReport) -> None:
    """Record the verdicts and whether (and why) the variant was caught."""
    variant.verdicts = [c.verdict for c in report.claims]
    bad = [c for c in report.claims if c.verdict != "supported"]
    variant.caught = bool(bad)
    variant.reasons = [r for c in bad for r in c.reasons]
    variant.notes = [r for c in report.claims if c.verdict == "supported" for r in c.reasons]
    if variant.kind == "negation":
        variant.right_reason = any(NEGATION_REASON.search(r) for r in variant.reasons)
        return
    markers = [variant.swapped_in.lower()]
    if variant.kind in ("number", "date"):
        mention = parse_quantity(variant.swapped_in)
        if mention is not None:
            markers.append(mention.text.lower())
    variant.right_reason = any(m and m in r.lower() for r in variant.reasons for m in markers) or (
        variant.kind == "speaker" and any(ATTRIBUTION_REASON.search(r) for r in variant.reasons)
    )


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.1f}" if d else "–"


def main() -> int:
    """Run the benchmark, print a Markdown table, and list missed variants on stderr."""
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cap", type=int, default=2, help="variants per sentence and type")
    parser.add_argument("--misses", type=int, default=3, help="missed variants shown per type")
    parser.add_argument("--json", type=Path, default=None, help="also write every variant here")
    args = parser.parse_args()

    start = time.perf_counter()
    nlp = get_nlp()
    variants: list[Variant] = []
    t_docs = t_check = c_check = 0.0
    n_articles = 0
    for path in article_paths(root):
        try:
            article = load(path)
        except NewsfaqError as err:
            print(f"skipped {path.name}: {err}", file=sys.stderr)
            continue
        n_articles += 1
        t0 = time.perf_counter()
        analysis = analyze(article)
        t_docs += time.perf_counter() - t0
        mine = list(variants_of(path.name, analysis, args.cap))
        t1, c1 = time.perf_counter(), time.process_time()
        cased = [truecase(v.text, analysis.doc) for v in mine]
        for v, vdoc in zip(mine, nlp.pipe(cased, batch_size=64), strict=True):
            judge(v, audit_analysis(analysis, v.text, derived_doc=vdoc))
        t_check += time.perf_counter() - t1
        c_check += time.process_time() - c1
        variants.extend(mine)

    n_sent = sum(v.kind == "control" for v in variants)
    print(f"{n_articles} articles, {n_sent} sentences, cap {args.cap} per sentence and type\n")
    print(
        "| change | variants | caught | caught % | contradicted % | right reason % "
        "(of variants) | right reason % (of caught) |"
    )
    print("|---|---|---|---|---|---|---|")
    total = caught = right = 0
    for kind in KINDS:
        rows = [v for v in variants if v.kind == kind]
        n_caught = sum(v.caught for v in rows)
        n_right = sum(v.caught and v.right_reason for v in rows)
        n_contra = sum("contradicted" in v.verdicts for v in rows)
        total, caught, right = total + len(rows), caught + n_caught, right + n_right
        print(
            f"| {kind} | {len(rows)} | {n_caught} | {pct(n_caught, len(rows))} "
            f"| {pct(n_contra, len(rows))} | {pct(n_right, len(rows))} | {pct(n_right, n_caught)} |"
        )
    print(
        f"| **all changes** | {total} | {caught} | **{pct(caught, total)}** | | "
        f"{pct(right, total)} | {pct(right, caught)} |"
    )
    controls = [v for v in variants if v.kind == "control"]
    kept = sum(not v.caught for v in controls)
    print(
        f"| control (unchanged sentence) | {len(controls)} | still supported: {kept} "
        f"| **{pct(kept, len(controls))}** supported | | | |"
    )
    print()
    print("| change | by label / form | variants | caught % | right reason % |")
    print("|---|---|---|---|---|")
    for kind in KINDS:
        details = sorted({v.detail for v in variants if v.kind == kind and v.detail})
        for detail in details:
            rows = [v for v in variants if v.kind == kind and v.detail == detail]
            n_caught = sum(v.caught for v in rows)
            n_right = sum(v.caught and v.right_reason for v in rows)
            print(
                f"| {kind} | {detail} | {len(rows)} | {pct(n_caught, len(rows))} "
                f"| {pct(n_right, len(rows))} |"
            )
    print()
    n = max(len(variants), 1)
    print(
        f"audit per variant (incl. control): {1000 * t_check / n:.1f} ms wall clock, "
        f"{1000 * c_check / n:.1f} ms CPU ({len(variants)} audits, {t_check:.1f} s); "
        f"parsing the originals {t_docs:.1f} s; whole run {time.perf_counter() - start:.0f} s"
    )

    for kind in (*KINDS, "control"):
        wrong = [v for v in variants if v.kind == kind and v.caught == (kind == "control")]
        shown: list[Variant] = []
        for v in wrong:  # one per article first, then the rest in order
            if len(shown) < args.misses and v.article not in {s.article for s in shown}:
                shown.append(v)
        shown += [v for v in wrong if v not in shown][: args.misses - len(shown)]
        label = "flagged controls" if kind == "control" else f"missed {kind} variants"
        print(f"\n## {label} ({len(wrong)}; showing {len(shown)})", file=sys.stderr)
        for v in shown:
            print(f"- {v.article} #{v.sentence_id}: {v.text}", file=sys.stderr)
            if kind != "control":
                print(f"  original: {v.original}", file=sys.stderr)
                print(f"  audit: supported; {'; '.join(v.notes[:2])}", file=sys.stderr)
            else:
                print(f"  audit: {v.verdicts}; {'; '.join(v.reasons[:2])}", file=sys.stderr)

    if args.json:
        args.json.write_text(
            json.dumps([asdict(v) for v in variants], indent=1, ensure_ascii=False),
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
