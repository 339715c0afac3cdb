"""Candidate answer spans of ``newsfaq ask`` and the linear scorer that ranks them.

Candidates are built in the best retrieved sentences: named entities, noun chunks, parse
subtrees (phrases and clauses); spans of an impossible type are dropped before scoring
(:mod:`newsfaq.ask.answertypes`). Each candidate gets features (type match, token and dependency
distance to the question's words in the sentence, word overlap, sentence score, ...) that the
weights of ``newsfaq/data/ask_weights.json`` combine (``bench/ask_squad.py --train``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfaq.ask.answertypes import answer_constraint, is_portion, span_head, type_allows
from newsfaq.ask.qanalysis import WH_WORDS, QuestionAnalysis
from newsfaq.ask.rerank import rerank
from newsfaq.ask.retrieval import (
    SYNONYMS,
    TOP_SENTENCES,
    Index,
    build_index,
    coverage,
    query_weights,
)
from newsfaq.text.nlp import noun_chunk_ranges

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from newsfaq.text.nlp import Analysis

__all__ = [
    "MAX_SPAN_TOKENS",
    "TYPE_LABELS",
    "WEIGHTS",
    "Candidate",
    "candidates",
    "question_subjects",
    "score",
    "sentence_cover",
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

MAX_SPAN_TOKENS = 14

_NOT_OWN_SUBJECT = frozenset({"person", "org", "place", "thing", "definition", "date", "number"})
"""Types whose answer is never the question's own subject ("the house where Hitler was born" for
"What will the house be turned into?")."""

TYPE_LABELS: dict[str, dict[str, float]] = {
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
    """Candidate token ranges of a sentence with their origin (ent, chunk, tree, tok).

    They depend on the sentence only, so they are kept on the doc for the next question."""
    doc = sent.doc
    cache: dict[tuple[int, int], dict[tuple[int, int], str]] = doc.user_data.setdefault(
        "newsfaq.ask.spans", {}
    )
    key = (sent.start, sent.end)
    found = cache.get(key)
    if found is None:
        found = cache[key] = _sentence_spans(sent)
    return found


def _sentence_spans(sent: SpacySpan) -> dict[tuple[int, int], str]:
    """Candidate token ranges of a sentence (see :func:`_raw_spans`)."""
    spans: dict[tuple[int, int], str] = {}
    s0, s1 = sent.start, sent.end
    for ent in sent.ents:
        spans[_trim(sent, ent.start, ent.end)] = "ent"
    for c0, c1 in noun_chunk_ranges(sent.doc):
        if c0 >= s0 and c1 <= s1:
            spans.setdefault(_trim(sent, c0, c1), "chunk")
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


@dataclass
class _SentenceContext:
    """What every candidate of one retrieved sentence shares: matches, tree paths, entity labels."""

    sent: SpacySpan
    index: int
    match_set: set[int]
    matches: list[int]
    paths: dict[int, list[int]]
    ent_label: dict[int, str]
    verb_matches: set[int]
    base: dict[str, float]
    according: list[tuple[int, int]]


def sentence_cover(analysis: Analysis, index: Index, si: int, q: QuestionAnalysis) -> float:
    """Coverage of the question's focus words by sentence ``si`` (or it and the one before)."""
    lemma_of = index.lemma_of
    sent = analysis.sentences[si].span
    sent_lemmas = {lm for t in sent if (lm := lemma_of[t.i]) is not None}
    sent_words = sent_lemmas | {t.lower_ for t in sent}
    cover = coverage(sent_words, q)
    if si > 0:
        prev = analysis.sentences[si - 1].span
        prev_words = {lm for t in prev if (lm := lemma_of[t.i]) is not None}
        cover = max(cover, 0.85 * coverage(sent_words | prev_words, q))
    return cover


def _sentence_context(
    analysis: Analysis,
    index: Index,
    q: QuestionAnalysis,
    qwords: set[str],
    si: int,
    base: dict[str, float],
) -> _SentenceContext:
    """The shared facts of sentence ``si`` for scoring its candidate spans."""
    lemma_of = index.lemma_of
    sent = analysis.sentences[si].span
    matches = [t.i for t in sent if lemma_of[t.i] in qwords or t.lower_ in qwords]
    verb_matches = {
        t.i
        for t in sent
        if t.pos_ in {"VERB", "AUX"}
        and q.verb is not None
        and (t.lemma_.lower() == q.verb or t.lemma_.lower() in SYNONYMS.get(q.verb, ()))
    }
    according = _according_ranges(sent) if q.expected_type not in {"person", "org"} else []
    return _SentenceContext(
        sent=sent,
        index=si,
        match_set=set(matches),
        matches=matches,
        paths=_depth_and_ancestors(sent),
        ent_label={t.i: t.ent_type_ for t in sent if t.ent_type_},
        verb_matches=verb_matches,
        base=base,
        according=according,
    )


def question_subjects(q: QuestionAnalysis) -> frozenset[str]:
    """Lemmas of the question's own subjects ("house" in "What will the house be turned
    into?"), not its wh-words."""
    if q.doc is None:
        return frozenset()
    return frozenset(
        t.lemma_.lower()
        for t in q.doc
        if t.dep_ in {"nsubj", "nsubjpass"} and t.lower_ not in WH_WORDS and t.pos_ != "PRON"
    )


def _inside_own_subject(head: Token, subjects: frozenset[str]) -> bool:
    """Whether the span is the question's own subject: headed by it, or inside a relative
    clause of it ("Hitler" in "the house where Adolf Hitler was born")."""
    if head.lemma_.lower() in subjects:
        return True
    for anc in head.ancestors:
        if anc.dep_ == "relcl":
            return anc.head.lemma_.lower() in subjects
    return False


def _admissible(
    ctx: _SentenceContext,
    q: QuestionAnalysis,
    lemma_of: list[str | None],
    qwords: set[str],
    constraint: str | None,
    span: tuple[int, int],
    subjects: frozenset[str],
) -> tuple[list[Token], float] | None:
    """The span's tokens and share of question words, or None when it cannot be an answer.

    Not an answer: a source phrase ("according to ..."), only question words, no content word
    and no figure, an impossible type, the question's own subject (or a part of its relative
    clause), or a share of the asked-for whole."""
    start, end = span
    if any(lo <= start and end <= hi for lo, hi in ctx.according):
        return None
    doc = ctx.sent.doc
    toks = [doc[k] for k in range(start, end)]
    content = [lemma_of[t.i] or t.lower_ for t in toks if not t.is_punct]
    content_words = [w for t, w in zip(toks, content, strict=False) if lemma_of[t.i] is not None]
    in_q = [w for w in content_words if w in qwords]
    if content_words and len(in_q) == len(content_words):
        return None
    if not content_words and not any(t.like_num for t in toks):
        return None
    if constraint is not None and not type_allows(constraint, toks):
        return None
    if q.expected_type in _NOT_OWN_SUBJECT and _inside_own_subject(span_head(toks), subjects):
        return None
    if constraint in {"agent", "person_name"} and _only_the_source(span_head(toks), q):
        return None
    if q.expected_type == "money" and is_portion(span_head(toks), q):
        return None
    return toks, len(in_q) / max(len(content_words), 1)


_SAYING = frozenset({"say", "tell", "state", "add", "explain", "note", "announce", "confirm"})


def _only_the_source(head: Token, q: QuestionAnalysis) -> bool:
    """The span is who said the sentence ("Robert Colligan said the attack happened ...") and
    the question asks who did something else ("Who was the surfer attacked by the shark?")."""
    if head.dep_ != "nsubj" or head.head.lemma_.lower() not in _SAYING:
        return False
    if q.verb in _SAYING or q.verb in {"speak", "warn", "write", "report"}:
        return False
    return any(c.dep_ in {"ccomp", "parataxis"} for c in head.head.children)


def _position_features(
    ctx: _SentenceContext, f: dict[str, float], start: int, end: int, head: Token
) -> list[int]:
    """Distances to the question's words in the sentence; returns the matches outside the span."""
    outside = [m for m in ctx.matches if m < start or m >= end]
    if outside:
        d = min(start - m if m < start else m - end + 1 for m in outside)
        f["tokdist"] = 1.0 / (1.0 + d)
        f["tokdist_raw"] = min(d, 20) / 20.0
        dd = min(_tree_distance(ctx.paths, head.i, m) for m in outside)
        f["depdist"] = 1.0 / (1.0 + dd)
        f["left_of_match"] = 1.0 if end <= min(outside) else 0.0
        f["right_of_match"] = 1.0 if start > max(outside) else 0.0
    else:
        f["no_match"] = 1.0
    if head.head.i in ctx.verb_matches:
        f["child_of_qverb"] = 1.0
    if head.head.i in outside:
        f["child_of_match"] = 1.0
    return outside


def _type_features(
    ctx: _SentenceContext,
    q: QuestionAnalysis,
    f: dict[str, float],
    toks: list[Token],
    head: Token,
    origin: str,
) -> None:
    """Entity-type agreement with the expected type, and the head's part of speech and relation."""
    etype = q.expected_type
    labels = TYPE_LABELS.get(etype, {})
    if q.focus_noun is not None and (
        head.lemma_.lower() == q.focus_noun or head.head.lemma_.lower() == q.focus_noun
    ):
        f["focus_noun"] = 1.0
    lab = ctx.ent_label.get(head.i, "")
    exact = origin == "ent"
    inside = {ctx.ent_label[t.i] for t in toks if t.i in ctx.ent_label}
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
    f[f"len:{etype}:{min(len(toks), 8)}"] = 1.0
    wh = q.wh or "none"
    f[f"wh:{wh}:{lab if exact else 'none'}"] = 1.0
    if q.focus_noun in _GENERIC_FOCUS_NOUNS and labels == {}:
        f[f"fn:{q.focus_noun}:{lab if exact else head.pos_}"] = 1.0


def _context_features(
    ctx: _SentenceContext,
    q: QuestionAnalysis,
    f: dict[str, float],
    span: tuple[int, int],
    toks: list[Token],
    head: Token,
    lemma_of: list[str | None],
) -> None:
    """Question words right next to the span, commas, and "X, an appositive" for definitions."""
    start, end = span
    sent = ctx.sent
    doc = sent.doc
    nfocus = float(max(len(q.focus), 1))
    window = [
        k
        for k in range(max(start - 3, sent.start), min(end + 3, sent.end))
        if (k < start or k >= end) and k in ctx.match_set
    ]
    f["win3"] = len(window) / nfocus
    if start > sent.start and doc[start - 1].i in ctx.match_set:
        f["adj_left"] = 1.0
    if end < sent.end and doc[end].i in ctx.match_set:
        f["adj_right"] = 1.0
    if any(t.text == "," for t in toks):
        f["comma"] = 1.0
    full = start == head.left_edge.i and end >= min(head.right_edge.i + 1, sent.end) - 1
    target_lemmas = {w.lower() for w in q.target.split()} if q.target else set()
    if (
        q.expected_type == "definition"
        and full
        and head.dep_ in {"appos", "attr"}
        and (
            {(lemma_of[t.i] or t.lower_) for t in head.head.subtree} & target_lemmas
            or {t.lower_ for t in head.head.subtree} & target_lemmas
        )
    ):
        f["def_appos"] = 1.0


def _span_features(
    ctx: _SentenceContext,
    q: QuestionAnalysis,
    lemma_of: list[str | None],
    span: tuple[int, int],
    origin: str,
    toks: list[Token],
    qoverlap: float,
) -> dict[str, float]:
    """The scorer's features of one admissible span (in a fixed order)."""
    start, end = span
    head = span_head(toks)
    f = dict(ctx.base)
    f["o:" + origin] = 1.0
    n = end - start
    f["len"] = n / 10.0
    f["len1"] = 1.0 if n == 1 else 0.0
    f["len_gt5"] = 1.0 if n > 5 else 0.0
    f["qoverlap"] = qoverlap
    _position_features(ctx, f, start, end, head)
    _type_features(ctx, q, f, toks, head, origin)
    _context_features(ctx, q, f, span, toks, head, lemma_of)
    return f


def candidates(
    analysis: Analysis, q: QuestionAnalysis, index: Index | None = None
) -> tuple[list[Candidate], float]:
    """Candidate answer spans with their features, and the article's coverage of the question.

    Only spans that can answer the question's type are candidates
    (:func:`newsfaq.ask.answertypes.answer_constraint`). They come from the three best
    sentences of the re-ranked pool; a question with such a type constraint reads on down the
    pool, past sentences that hold no span of its type, until three sentences have given one
    ("How old is X?" when the age is in the fourth sentence).

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> from newsfaq.ask.qanalysis import analyze_question
    >>> a = analyze(from_text("Ann Lee founded Acme in 1999."))
    >>> cands, cover = candidates(a, analyze_question("Who founded Acme?"))
    >>> cover > 0.5 and any(a.doc[c.start:c.end].text == "Ann Lee" for c in cands)
    True
    """
    if index is None:
        index = build_index(analysis)
    weights = query_weights(q)
    qwords = set(weights)
    scores, order = rerank(analysis, index, q, whole_pool=True)
    if not scores or not order:
        return [], 0.0
    top = max(scores) or 1.0
    constraint = answer_constraint(q)
    subjects = question_subjects(q)
    best_cover = 0.0
    out: list[Candidate] = []
    used = 0  # sentences that gave a candidate
    for rank, si in enumerate(order):
        if rank >= TOP_SENTENCES and (constraint is None or used >= TOP_SENTENCES):
            break  # a typed question reads on down the pool until three sentences give one
        n_before = len(out)
        cover = sentence_cover(analysis, index, si, q)
        best_cover = max(best_cover, cover)
        base = {
            "bias": 1.0,
            "sent_bm25": scores[si] / top,
            "sent_rank0": 1.0 if rank == 0 else 0.0,
            "sent_cover": cover,
        }
        ctx = _sentence_context(analysis, index, q, qwords, si, base)
        for span, origin in _raw_spans(ctx.sent).items():
            kept = _admissible(ctx, q, index.lemma_of, qwords, constraint, span, subjects)
            if kept is None:
                continue
            toks, qoverlap = kept
            f = _span_features(ctx, q, index.lemma_of, span, origin, toks, qoverlap)
            out.append(Candidate(start=span[0], end=span[1], sentence=si, features=f))
        used += len(out) > n_before
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


def score(features: dict[str, float], weights: dict[str, float]) -> float:
    """Linear score of a candidate."""
    return sum(weights.get(k, 0.0) * v for k, v in features.items())
