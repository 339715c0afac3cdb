"""Answer a reader's question from the article, or say that the article does not say.

Steps (one parse of the article, shared by every question):

1. analyse the question (:mod:`newsfaq.ask.qanalysis`): wh-word, expected type, focus lemmas;
2. retrieve sentences with BM25 over content lemmas (a sentence whose subject is a pronoun also
   indexes the previous sentence at half weight; the question's verb brings a few synonyms);
3. build candidate spans in the best sentences: named entities, noun chunks, parse subtrees
   (phrases and clauses); spans of an impossible type are dropped before scoring (a "how many"
   answer states a count and is not a money amount, a "how long" answer states a number or a
   length of time, a "when" answer a time, a "who" answer is not a bare figure; an amount stated
   as a share of the asked-for whole, "60 percent of the cost, or $108 million", is not the
   cost); when no candidate is left, the answer is the abstention;
4. score each candidate with a linear model over features: type match, token and dependency
   distance to the question's words in the sentence, word overlap, sentence score, ...; spans
   made only of question words are never candidates;
5. abstain when the question's focus words are not covered well enough by the article
   (``answerable=False``, "The article does not say.").

The weights of step 4 (``newsfaq/data/ask_weights.json``) were fitted with
``bench/ask_squad.py --train`` on one half of the SQuAD v1.1 dev articles; figures are reported
on the other half. ``Answer.score`` is the confidence of step 5: the weighted share of the
question's focus words found in the answer's sentence (or it and the sentence before).
:data:`ABSTAIN_THRESHOLD` was tuned on the same half so that at least 97% of questions paired
with a paragraph of another article abstain.

Attribution: the answer text is always a contiguous substring of the article. When the answer
is a claim and an ``according to ...`` phrase follows it directly (only a comma between), the
span is extended to include it; otherwise the source of the claim ("US officials estimated") is
added as a second evidence span, and the answer's ``sentence`` contains it. ``evidence[0]`` is
always the answer's sentence.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsfaq.ask.answertypes import answer_constraint, is_portion, span_head, type_allows
from newsfaq.ask.qanalysis import (
    QuestionAnalysis,
    analyze_question,
    analyze_questions,
    content_lemma,
)
from newsfaq.models import Answer, Article, Fact, Span
from newsfaq.text.facts import SPEECH_VERBS, extract_facts

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from newsfaq.text.nlp import Analysis

__all__ = [
    "ABSTAIN_THRESHOLD",
    "DOES_NOT_SAY",
    "Candidate",
    "Index",
    "answer_parsed",
    "answer_question",
    "ask",
    "ask_many",
    "build_index",
    "candidates",
]

# fmt: off
_GENERIC_FOCUS_NOUNS = frozenset((
    "kind", "type", "sort", "form", "name", "title", "term", "word", "number", "amount", "part",
    "example", "way", "method", "reason", "cause", "effect", "result", "purpose", "goal", "aim",
    "role", "position", "level", "point", "source", "process", "event", "problem", "condition",
    "material", "shape", "size", "colour", "color", "language", "series", "group", "period",
    "style", "feature", "function", "status", "rank", "work",
))
# fmt: on
"""Focus nouns ("what *kind* of ...") that name a kind of answer rather than a topic: only these
get span-scorer features of their own, so the fitted weights carry no topic of the data set."""

DOES_NOT_SAY = "The article does not say."

ABSTAIN_THRESHOLD = 0.25
"""Answers whose confidence is below this are abstentions (tuned by bench/ask_squad.py)."""

TOP_SENTENCES = 3
MAX_SPAN_TOKENS = 14

SYNONYMS: dict[str, tuple[str, ...]] = {
    "die": ("death", "dead", "kill", "killed", "casualty", "lose"),
    "kill": ("die", "death", "dead", "casualty"),
    "say": ("state", "tell", "claim", "announce", "report", "according"),
    "buy": ("acquire", "purchase"),
    "sell": ("sale", "sold"),
    "start": ("begin", "launch", "found", "establish"),
    "begin": ("start", "launch"),
    "end": ("finish", "conclude", "close"),
    "found": ("establish", "create", "start"),
    "create": ("found", "establish", "make", "build"),
    "build": ("construct", "create"),
    "win": ("victory", "beat", "defeat"),
    "lose": ("defeat", "loss"),
    "pay": ("cost", "spend", "fund"),
    "cost": ("pay", "price", "spend"),
    "estimate": ("approximately", "about", "around", "say"),
    "recruit": ("recruitment", "enlist", "mobilization"),
    "increase": ("rise", "grow", "raise"),
    "decrease": ("fall", "drop", "cut", "decline"),
    "born": ("birth",),
    "lead": ("leader", "head"),
    "elect": ("election", "vote"),
    "attack": ("strike", "assault"),
}

_REPORTING_VERBS = frozenset(
    [
        "say",
        "estimate",
        "report",
        "claim",
        "tell",
        "announce",
        "believe",
        "state",
        "add",
        "note",
        "warn",
        "according",
        "suggest",
        "argue",
        "write",
        "confirm",
    ]
)

_TYPE_LABELS: dict[str, dict[str, float]] = {
    "person": {"PERSON": 1.0, "NORP": 0.4, "ORG": 0.4},
    "org": {"ORG": 1.0, "NORP": 0.5, "PERSON": 0.3, "GPE": 0.3},
    "place": {"GPE": 1.0, "LOC": 1.0, "FAC": 1.0, "ORG": 0.3, "NORP": 0.3},
    "date": {"DATE": 1.0, "TIME": 0.7, "CARDINAL": 0.3},
    "number": {
        "CARDINAL": 1.0,
        "QUANTITY": 1.0,
        "MONEY": 0.6,
        "PERCENT": 0.6,
        "DATE": 0.4,
        "TIME": 0.4,
        "ORDINAL": 0.4,
    },
    "money": {"MONEY": 1.0, "CARDINAL": 0.5},
    "percent": {"PERCENT": 1.0, "CARDINAL": 0.3},
}
_DEPS = frozenset(
    [
        "nsubj",
        "nsubjpass",
        "dobj",
        "pobj",
        "attr",
        "appos",
        "conj",
        "compound",
        "amod",
        "npadvmod",
        "advmod",
        "advcl",
        "xcomp",
        "ccomp",
        "relcl",
        "acl",
        "prep",
        "nummod",
        "poss",
        "dative",
        "oprd",
        "agent",
        "pcomp",
        "ROOT",
    ]
)
_FIRST_WORDS = frozenset(
    [
        "because",
        "due",
        "since",
        "as",
        "to",
        "by",
        "in",
        "on",
        "at",
        "from",
        "for",
        "with",
        "through",
        "after",
        "before",
        "during",
        "when",
        "while",
        "so",
        "that",
        "which",
        "who",
        "a",
        "an",
        "the",
    ]
)


@dataclass(frozen=True)
class Candidate:
    """A candidate answer: tokens ``start:end`` (exclusive) of the doc, in sentence ``sentence``."""

    start: int
    end: int
    sentence: int
    features: dict[str, float]


@dataclass
class Index:
    """Per-article retrieval index: content lemmas and BM25 statistics of each sentence."""

    terms: list[dict[str, float]]
    lengths: list[float]
    idf: dict[str, float]
    avgdl: float
    lemma_of: list[str | None]
    """Content lemma of every token of the doc (None for stop words and punctuation)."""


def build_index(analysis: Analysis) -> Index:
    """Build the retrieval index of an article.

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> len(build_index(analyze(from_text("Rain fell. Roads closed."))).terms)
    2

    Index every sentence: its own lemmas plus, for pronoun subjects, the previous sentence's."""
    lemma_of: list[str | None] = [content_lemma(t) for t in analysis.doc]
    own: list[Counter[str]] = []
    for sent in analysis.sentences:
        own.append(Counter(lemma for t in sent.span if (lemma := lemma_of[t.i]) is not None))
    terms: list[dict[str, float]] = []
    for i, sent in enumerate(analysis.sentences):
        counts: dict[str, float] = {w: float(c) for w, c in own[i].items()}
        if i > 0 and any(t.pos_ == "PRON" and t.dep_.startswith("nsubj") for t in sent.span):
            for lemma, c in own[i - 1].items():
                counts[lemma] = counts.get(lemma, 0.0) + 0.5 * c
        terms.append(counts)
    n = max(len(terms), 1)
    df: Counter[str] = Counter()
    for own_counts in own:
        df.update(own_counts.keys())
    idf = {w: math.log(1.0 + (n - d + 0.5) / (d + 0.5)) for w, d in df.items()}
    lengths = [float(sum(c.values())) for c in own]
    avgdl = (sum(lengths) / n) or 1.0
    return Index(terms=terms, lengths=lengths, idf=idf, avgdl=avgdl, lemma_of=lemma_of)


def _query_weights(q: QuestionAnalysis) -> dict[str, float]:
    """Lemmas to look for: focus words (proper nouns count double) and verb synonyms at half."""
    weights = {w: (2.0 if w in q.proper else 1.0) for w in q.focus}
    for word in q.focus:
        for syn in SYNONYMS.get(word, ()):
            weights.setdefault(syn, 0.5)
    return weights


def _bm25(
    index: Index, i: int, weights: dict[str, float], k1: float = 1.2, b: float = 0.75
) -> float:
    """BM25 of sentence ``i`` for the weighted query."""
    counts = index.terms[i]
    norm = k1 * (1 - b + b * index.lengths[i] / index.avgdl)
    score = 0.0
    for word, weight in weights.items():
        tf = counts.get(word, 0)
        if tf:
            score += weight * index.idf.get(word, 0.1) * tf * (k1 + 1) / (tf + norm)
    return score


def _coverage(lemmas: set[str], q: QuestionAnalysis) -> float:
    """Weighted share of the question's focus words found in ``lemmas`` (synonyms count half)."""
    total = 0.0
    found = 0.0
    for word in q.focus:
        weight = 2.0 if word in q.proper else 1.0
        total += weight
        if word in lemmas:
            found += weight
        elif any(s in lemmas for s in SYNONYMS.get(word, ())):
            found += 0.5 * weight
    return found / total if total else 0.0


def _depth_and_ancestors(sent: SpacySpan) -> dict[int, list[int]]:
    """Path from each token to the sentence root (token indices, the token first)."""
    paths: dict[int, list[int]] = {}
    for tok in sent:
        path = [tok.i]
        cur = tok
        while cur.head.i != cur.i and len(path) < 60:
            cur = cur.head
            path.append(cur.i)
        paths[tok.i] = path
    return paths


def _tree_distance(paths: dict[int, list[int]], a: int, b: int) -> int:
    """Number of dependency arcs between tokens ``a`` and ``b`` of one sentence."""
    pa, pb = paths[a], paths[b]
    pos = {t: k for k, t in enumerate(pa)}
    for k, t in enumerate(pb):
        if t in pos:
            return pos[t] + k
    return len(pa) + len(pb)


def _trim(sent: SpacySpan, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation, conjunctions and spaces at the edges of doc tokens ``start:end``."""
    doc = sent.doc
    while start < end and (doc[start].is_punct or doc[start].is_space or doc[start].dep_ == "cc"):
        start += 1
    while end > start and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1
    return start, end


def _raw_spans(sent: SpacySpan) -> dict[tuple[int, int], str]:
    """Candidate token ranges of a sentence with their origin (ent, chunk, tree, tok)."""
    spans: dict[tuple[int, int], str] = {}
    s0, s1 = sent.start, sent.end
    for ent in sent.ents:
        spans[_trim(sent, ent.start, ent.end)] = "ent"
    for chunk in sent.noun_chunks:
        spans.setdefault(_trim(sent, chunk.start, chunk.end), "chunk")
    for tok in sent:
        if tok.is_punct or tok.is_space:
            continue
        lo, hi = max(tok.left_edge.i, s0), min(tok.right_edge.i + 1, s1)
        if hi - lo < (s1 - s0) - 1:
            spans.setdefault(_trim(sent, lo, hi), "tree")
        if tok.pos_ in {"NOUN", "PROPN", "NUM", "ADJ"}:
            spans.setdefault((tok.i, tok.i + 1), "tok")
    return {k: v for k, v in spans.items() if 0 < k[1] - k[0] <= MAX_SPAN_TOKENS}


def _according_ranges(sent: SpacySpan) -> list[tuple[int, int]]:
    """Token ranges of ``according to X`` phrases of a sentence (sources, not answers)."""
    doc = sent.doc
    out: list[tuple[int, int]] = []
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            hi = max([tok.right_edge.i + 1] + [c.right_edge.i + 1 for c in doc[tok.i + 1].children])
            out.append((tok.i, min(hi, sent.end)))
    return out


def candidates(
    analysis: Analysis, q: QuestionAnalysis, index: Index | None = None
) -> tuple[list[Candidate], float]:
    """Candidate answer spans with their features, and the article's coverage of the question.

    Only spans that can answer the question's type are candidates
    (:func:`newsfaq.ask.answertypes.answer_constraint`).

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> a = analyze(from_text("Ann Lee founded Acme in 1999."))
    >>> cands, cover = candidates(a, analyze_question("Who founded Acme?"))
    >>> cover > 0.5 and any(a.doc[c.start:c.end].text == "Ann Lee" for c in cands)
    True
    """
    if index is None:
        index = build_index(analysis)
    weights = _query_weights(q)
    qwords = set(weights)
    doc = analysis.doc
    lemma_of = index.lemma_of
    scores = [_bm25(index, i, weights) for i in range(len(analysis.sentences))]
    if not scores:
        return [], 0.0
    order = sorted(range(len(scores)), key=lambda i: -scores[i])[:TOP_SENTENCES]
    top = scores[order[0]] or 1.0
    etype = q.expected_type
    labels = _TYPE_LABELS.get(etype, {})
    constraint = answer_constraint(q)
    target_lemmas: set[str] = set()
    if q.target:
        target_lemmas = {w.lower() for w in q.target.split()}
    best_cover = 0.0
    nfocus = float(max(len(q.focus), 1))
    out: list[Candidate] = []
    for rank, si in enumerate(order):
        sent = analysis.sentences[si].span
        sent_lemmas = {lm for t in sent if (lm := lemma_of[t.i]) is not None}
        sent_words = sent_lemmas | {t.lower_ for t in sent}
        cover = _coverage(sent_words, q)
        if si > 0:
            prev = analysis.sentences[si - 1].span
            prev_words = {lm for t in prev if (lm := lemma_of[t.i]) is not None}
            cover = max(cover, 0.85 * _coverage(sent_words | prev_words, q))
        best_cover = max(best_cover, cover)
        matches = [t.i for t in sent if lemma_of[t.i] in qwords or t.lower_ in qwords]
        match_set = set(matches)
        paths = _depth_and_ancestors(sent)
        ent_label = {t.i: t.ent_type_ for t in sent if t.ent_type_}
        verb_matches = {
            t.i
            for t in sent
            if t.pos_ in {"VERB", "AUX"}
            and q.verb is not None
            and (t.lemma_.lower() == q.verb or t.lemma_.lower() in SYNONYMS.get(q.verb, ()))
        }
        sent_base = {
            "bias": 1.0,
            "sent_bm25": scores[si] / top,
            "sent_rank0": 1.0 if rank == 0 else 0.0,
            "sent_cover": cover,
        }
        according = _according_ranges(sent) if etype not in {"person", "org"} else []
        for (start, end), origin in _raw_spans(sent).items():
            if any(lo <= start and end <= hi for lo, hi in according):
                continue
            toks = [doc[k] for k in range(start, end)]
            content = [lemma_of[t.i] or t.lower_ for t in toks if not t.is_punct]
            content_words = [
                w for t, w in zip(toks, content, strict=False) if lemma_of[t.i] is not None
            ]
            in_q = [w for w in content_words if w in qwords]
            if content_words and len(in_q) == len(content_words):
                continue
            if not content_words and not any(t.like_num for t in toks):
                continue
            if constraint is not None and not type_allows(constraint, toks):
                continue
            head = span_head(toks)
            if etype == "money" and is_portion(head, q):
                continue
            f = dict(sent_base)
            f["o:" + origin] = 1.0
            n = end - start
            f["len"] = n / 10.0
            f["len1"] = 1.0 if n == 1 else 0.0
            f["len_gt5"] = 1.0 if n > 5 else 0.0
            f["qoverlap"] = len(in_q) / max(len(content_words), 1)
            outside = [m for m in matches if m < start or m >= end]
            if outside:
                d = min(start - m if m < start else m - end + 1 for m in outside)
                f["tokdist"] = 1.0 / (1.0 + d)
                f["tokdist_raw"] = min(d, 20) / 20.0
                dd = min(_tree_distance(paths, head.i, m) for m in outside)
                f["depdist"] = 1.0 / (1.0 + dd)
                f["left_of_match"] = 1.0 if end <= min(outside) else 0.0
                f["right_of_match"] = 1.0 if start > max(outside) else 0.0
            else:
                f["no_match"] = 1.0
            if head.head.i in verb_matches:
                f["child_of_qverb"] = 1.0
            if head.head.i in outside:
                f["child_of_match"] = 1.0
            if q.focus_noun is not None and (
                head.lemma_.lower() == q.focus_noun or head.head.lemma_.lower() == q.focus_noun
            ):
                f["focus_noun"] = 1.0
            lab = ent_label.get(head.i, "")
            exact = origin == "ent"
            inside = {ent_label[t.i] for t in toks if t.i in ent_label}
            f[f"type:{etype}:{lab if exact else 'none'}"] = 1.0
            if labels:
                tm = max((labels.get(x, 0.0) for x in inside), default=0.0)
                f["type_match"] = tm
                f["type_match_exact"] = labels.get(lab, 0.0) if exact else 0.0
                if not inside:
                    f["type_missing"] = 1.0
            for x in inside:
                f[f"typec:{etype}:{x}"] = 1.0
            f[f"pos:{etype}:{head.pos_}"] = 1.0
            dep = head.dep_ if head.dep_ in _DEPS else "other"
            f[f"dep:{etype}:{dep}"] = 1.0
            first = toks[0].lower_
            if first in _FIRST_WORDS:
                f[f"first:{etype}:{first}"] = 1.0
            f[f"len:{etype}:{min(n, 8)}"] = 1.0
            wh = q.wh or "none"
            f[f"wh:{wh}:{lab if exact else 'none'}"] = 1.0
            if q.focus_noun in _GENERIC_FOCUS_NOUNS and labels == {}:
                f[f"fn:{q.focus_noun}:{lab if exact else head.pos_}"] = 1.0
            window = [
                k
                for k in range(max(start - 3, sent.start), min(end + 3, sent.end))
                if (k < start or k >= end) and k in match_set
            ]
            f["win3"] = len(window) / nfocus
            if start > sent.start and doc[start - 1].i in match_set:
                f["adj_left"] = 1.0
            if end < sent.end and doc[end].i in match_set:
                f["adj_right"] = 1.0
            if any(t.text == "," for t in toks):
                f["comma"] = 1.0
            full = start == head.left_edge.i and end >= min(head.right_edge.i + 1, sent.end) - 1
            if (
                etype == "definition"
                and full
                and head.dep_ in {"appos", "attr"}
                and (
                    {(lemma_of[t.i] or t.lower_) for t in head.head.subtree} & target_lemmas
                    or {t.lower_ for t in head.head.subtree} & target_lemmas
                )
            ):
                f["def_appos"] = 1.0
            out.append(Candidate(start=start, end=end, sentence=si, features=f))
    return out, best_cover


# Hand-set weights, used only when the fitted weights file is missing.
_FALLBACK_WEIGHTS: dict[str, float] = {
    "type_match": 2.0,
    "type_match_exact": 1.0,
    "type_missing": -1.0,
    "tokdist": 2.0,
    "depdist": 1.5,
    "qoverlap": -2.0,
    "sent_bm25": 2.0,
    "sent_rank0": 0.5,
    "child_of_qverb": 1.0,
    "child_of_match": 0.5,
    "def_appos": 4.0,
    "o:ent": 0.5,
    "o:chunk": 0.3,
    "len": -0.5,
    "no_match": -1.0,
}


def _load_weights() -> dict[str, float]:
    """Weights of the linear span scorer from ``newsfaq/data/ask_weights.json``.

    The file is written by ``bench/ask_squad.py --train --save-weights`` (a softmax over the
    candidates of each question, fitted on one half of the SQuAD v1.1 dev articles).
    """
    import json
    from importlib import resources

    try:
        raw = resources.files("newsfaq").joinpath("data", "ask_weights.json").read_text("utf-8")
    except (FileNotFoundError, OSError):
        return dict(_FALLBACK_WEIGHTS)
    weights: dict[str, float] = {str(k): float(v) for k, v in json.loads(raw).items()}
    weights["def_appos"] = max(weights.get("def_appos", 0.0), _FALLBACK_WEIGHTS["def_appos"])
    return weights


WEIGHTS: dict[str, float] = _load_weights()


def _score(features: dict[str, float], weights: dict[str, float]) -> float:
    """Linear score of a candidate."""
    return sum(weights.get(k, 0.0) * v for k, v in features.items())


def _confidence(cover: float) -> float:
    """Confidence that the article answers the question: its weighted coverage of the focus words.

    Coverage separates related from unrelated article/question pairs far better than the span
    score does (the span scorer only ranks spans within one question).
    """
    return max(0.0, min(1.0, cover))


def _attribution(
    analysis: Analysis, sentence: int, start: int, end: int
) -> tuple[tuple[int, int] | None, bool]:
    """Token range of the claim's source in the sentence, and whether it directly follows."""
    sent = analysis.sentences[sentence].span
    doc = analysis.doc
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            lo, hi = tok.i, max(tok.right_edge.i + 1, tok.i + 2)
            for child in doc[tok.i + 1].children:
                hi = max(hi, child.right_edge.i + 1)
            hi = min(hi, sent.end)
            between = doc[end:lo]
            follows = (
                lo >= end and all(t.is_punct or t.is_space for t in between) and (lo - end <= 2)
            )
            return (lo, hi), follows
    head = span_head([doc[k] for k in range(start, end)])
    for anc in head.ancestors:
        if anc.lemma_.lower() in _REPORTING_VERBS:
            subj = [c for c in anc.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subj and not (start <= subj[0].i < end):
                lo = subj[0].left_edge.i
                return (lo, anc.i + 1), False
    return None, False


def _snap_to_entity(
    analysis: Analysis, q: QuestionAnalysis, start: int, end: int
) -> tuple[int, int]:
    """Widen a span lying strictly inside an entity of exactly the expected type to that entity."""
    labels = {k for k, v in _TYPE_LABELS.get(q.expected_type, {}).items() if v >= 1.0}
    if not labels:
        return start, end
    for ent in analysis.doc[start:end].sent.ents:
        if (
            ent.label_ in labels
            and ent.start <= start
            and end <= ent.end
            and ((ent.start, ent.end) != (start, end))
        ):
            return ent.start, ent.end
    return start, end


_OPEN_CLOSE = {"“": "”", "‘": "’", '"': '"', "(": ")", "[": "]"}


def _balance_quotes(analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    """Extend (or trim) doc tokens ``start:end`` so that quotes and brackets are balanced."""
    doc = analysis.doc
    for opener, closer in _OPEN_CLOSE.items():
        text = doc[start:end].text
        opens = text.count(opener) if opener != closer else text.count(opener) % 2
        closes = text.count(closer) if opener != closer else 0
        if opens > closes:
            if end < len(doc) and doc[end].text == closer:
                end += 1
            elif doc[start].text == opener and end - start > 1:
                start += 1
        elif closes > opens and opener != closer:
            if start > 0 and doc[start - 1].text == opener:
                start -= 1
            elif doc[end - 1].text == closer and end - start > 1:
                end -= 1
    return start, end


def _token_span(analysis: Analysis, start: int, end: int) -> Span:
    """Evidence span over doc tokens ``start:end``."""
    doc = analysis.doc
    return analysis.span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))


def _role_answer(analysis: Analysis, q: QuestionAnalysis) -> tuple[Span, Span] | None:
    """For "Who/What is X?": the first role the article gives X (apposition, title, copula).

    Uses the role facts of :mod:`newsfaq.text.facts`; X matches an entity whose words include all of
    X's words, so "Avdonin" finds "Alexander Avdonin, head of military recruitment ...".
    """
    if q.expected_type != "definition" or not q.target:
        return None
    wanted = {w.lower() for w in q.target.split()}
    for fact in _facts(analysis):
        if fact.kind != "role" or not fact.entity or not fact.role:
            continue
        if not wanted <= {w.lower() for w in fact.entity.split()}:
            continue
        evidence = fact.evidence[0]
        offset = evidence.text.find(fact.role)
        if offset < 0:
            continue
        start = evidence.start + offset
        return analysis.span(start, start + len(fact.role)), evidence
    return None


_STATEMENT_VERBS = SPEECH_VERBS - {"ask", "call", "agree", "show"}
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _facts(analysis: Analysis) -> list[Fact]:
    """The article's facts, extracted once and kept on the analysis."""
    return analysis.derived("facts", extract_facts)


def _statement_answer(analysis: Analysis, q: QuestionAnalysis) -> tuple[Span, Span] | None:
    """For "What did X say (warn, argue, ...)?": what the article reports X saying.

    The speaker's words must all be in the source of an attribution or quote fact ("Rask" finds
    "Councillor Peter Rask"); with more words in the question ("... about the drainage?") the
    statement must share one of them. Reported speech comes before a quote, then text order.
    """
    if q.wh != "what" or q.verb not in _STATEMENT_VERBS:
        return None
    speaker = {
        w.lower() for text, label in q.entities if label in _SPEAKER_LABELS for w in text.split()
    } or set(q.proper)
    if not speaker:
        speaker = set(q.focus) - {q.verb}
    extra = set(q.focus) - speaker - {q.verb}
    if not speaker:
        return None
    best: tuple[tuple[int, bool, int], Fact] | None = None
    for i, fact in enumerate(_facts(analysis)):
        if fact.kind not in {"attribution", "quote"} or not fact.attributed_to:
            continue
        if not speaker <= {w.lower().strip(",.") for w in fact.attributed_to.split()}:
            continue
        sentence = fact.evidence[0]
        words = {
            lemma
            for tok in analysis.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            or ()
            if (lemma := content_lemma(tok))
        }
        key = (len(extra & words), fact.kind == "attribution", -i)
        if best is None or key > best[0]:
            best = (key, fact)
    if best is None or (extra and best[0][0] == 0):
        return None
    fact = best[1]
    evidence = fact.evidence[0]
    offset = evidence.text.find(fact.text)
    if offset < 0:
        return None
    start = evidence.start + offset
    return analysis.span(start, start + len(fact.text)), evidence


def answer_parsed(
    analysis: Analysis,
    q: QuestionAnalysis,
    index: Index | None = None,
    *,
    threshold: float = ABSTAIN_THRESHOLD,
    weights: dict[str, float] | None = None,
) -> Answer:
    """Answer an analysed question from an analysed article (the core of every entry point).

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> a = analyze(from_text("Ann Lee founded Acme in 1999."))
    >>> answer_parsed(a, analyze_question("Who founded Acme?")).text
    'Ann Lee'
    """
    if index is None:
        index = build_index(analysis)
    if weights is None:
        weights = WEIGHTS
    cands, cover = candidates(analysis, q, index)
    if not cands:
        return Answer(question=q.text, answerable=False, score=0.0, expected_type=q.expected_type)
    scored = sorted(((_score(c.features, weights), k) for k, c in enumerate(cands)), reverse=True)
    best_k = scored[0][1]
    conf = _confidence(cover)
    if conf < threshold:
        return Answer(
            question=q.text, answerable=False, score=round(conf, 4), expected_type=q.expected_type
        )
    direct = _role_answer(analysis, q) or _statement_answer(analysis, q)
    if direct is not None:
        answer_span, sentence_span = direct
        evidence = [sentence_span]
    else:
        answer_span, evidence = _best_span(analysis, q, cands[best_k])
    return Answer(
        question=q.text,
        text=answer_span.text,
        sentence=evidence[0].text,
        evidence=evidence,
        score=round(conf, 4),
        answerable=True,
        expected_type=q.expected_type,
    )


def _best_span(analysis: Analysis, q: QuestionAnalysis, best: Candidate) -> tuple[Span, list[Span]]:
    """The top candidate's answer span (attribution, entity, quotes settled) and evidence."""
    start, end = best.start, best.end
    sentence = analysis.sentences[best.sentence]
    evidence = [analysis.sentence_span(sentence)]
    attr, follows = _attribution(analysis, best.sentence, start, end)
    if attr is not None:
        if follows:
            end = attr[1]
        elif not (attr[0] >= start and attr[1] <= end):
            evidence.append(_token_span(analysis, *attr))
    start, end = _snap_to_entity(analysis, q, start, end)
    start, end = _balance_quotes(analysis, start, end)
    return _token_span(analysis, start, end), evidence


def answer_question(
    analysis: Analysis, question: str, *, threshold: float = ABSTAIN_THRESHOLD
) -> Answer:
    """Answer ``question`` from an already analysed article (no re-parse of the article).

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> a = analyze(from_text("The bridge opened in 1932. It cost $4 million."))
    >>> answer_question(a, "When did the bridge open?").text
    '1932'
    """
    return answer_parsed(analysis, analyze_question(question), threshold=threshold)


def ask_many(
    analysis: Analysis, questions: Sequence[str], *, threshold: float = ABSTAIN_THRESHOLD
) -> list[Answer]:
    """Answer several questions about one analysed article (questions parsed in one batch).

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> a = analyze(from_text("Maria Diaz leads the city council of Leeds."))
    >>> [x.answerable for x in ask_many(a, ["Who leads the council?", "Who won the Oscar?"])]
    [True, False]
    """
    index = build_index(analysis)
    qs = analyze_questions(list(questions))
    return [answer_parsed(analysis, q, index, threshold=threshold) for q in qs]


def ask(source: Path | str | Article, question: str, *, allow_private: bool = False) -> Answer:
    """Load an article (file, URL, raw text or Article) and answer one question from it.

    >>> ans = ask("Ann Lee founded Acme in 1999 in Leeds.", "When was Acme founded?")
    >>> ans.text, ans.answerable
    ('1999', True)
    """
    from newsfaq.text.nlp import analyze

    article = _load(source, allow_private=allow_private)
    return answer_question(analyze(article), question)


def _load(source: Path | str | Article, *, allow_private: bool) -> Article:
    """Load the article with :func:`newsfaq.ingest.loader.load`."""
    from newsfaq.ingest.loader import load

    return load(source, allow_private=allow_private)
