"""Key points: extractive, ranked by importance, returned in document order."""

from __future__ import annotations

import bisect
import math
from collections import Counter

from newsfaq.explain.questions.filters import dateline_end, junk_body
from newsfaq.models import KeyPoint, Span
from newsfaq.text.nlp import Analysis, Sentence

__all__ = ["select_key_points", "sentence_scores"]

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "NUM", "ADJ"}


_NEEDS_CONTEXT_OPENERS = frozenset({"but", "and", "so", "also", "however", "still", "yet"})
_ANAPHORS = frozenset({"it", "this", "that", "these", "those", "they", "he", "she", "him", "her"})


def _is_candidate(sentence: Sentence, analysis: Analysis) -> bool:
    """A sentence that can stand alone as a key point.

    Not: short sentences, questions, sentences opening with a connective, and sentences whose
    main clause's subject is a bare pronoun or demonstrative ("that would amount to ...",
    "He said ..."): their meaning lives in the sentence before.
    """
    words = [t for t in sentence.span if t.is_alpha]
    if len(words) < 6 or sentence.text.rstrip().endswith("?"):
        return False
    if junk_body(analysis, sentence.text):
        return False  # bylines, captions, sponsor and newsletter lines, links
    if sentence.id == 0:
        return True
    if sentence.span[0].lower_ in _NEEDS_CONTEXT_OPENERS:
        return False
    root = sentence.span.root
    subjects = [t for t in root.children if t.dep_ in ("nsubj", "nsubjpass", "expl")]
    return not any(t.lower_ in _ANAPHORS and not list(t.children) for t in subjects)


_NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_NUMBER_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE"})


def _entity_counts(analysis: Analysis) -> list[tuple[int, int]]:
    """(names, numbers) per sentence, from one pass over the document's entities (a sentence's
    ``Span.ents`` walks all of them again, which is quadratic on long articles)."""
    starts = [s.span.start for s in analysis.sentences]
    counts = [[0, 0] for _ in starts]
    for ent in analysis.doc.ents:
        k = bisect.bisect_right(starts, ent.start) - 1
        if k < 0 or ent.end > analysis.sentences[k].span.end:
            continue
        if ent.label_ in _NAME_LABELS:
            counts[k][0] += 1
        elif ent.label_ in _NUMBER_LABELS:
            counts[k][1] += 1
    return [(a, b) for a, b in counts]


def sentence_scores(analysis: Analysis) -> list[float]:
    """Importance of each sentence: centrality of its lemmas, position, entities, numbers.

    Computed once per analysis (key points and the FAQ both rank sentences with it).
    """
    return analysis.derived("sentence_scores", _sentence_scores)


def _sentence_scores(analysis: Analysis) -> list[float]:
    bags: list[Counter[str]] = []
    for s in analysis.sentences:
        bags.append(
            Counter(t.lemma_.lower() for t in s.span if t.pos_ in _CONTENT_POS and not t.is_stop)
        )
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = max(len(bags), 1)
    total: Counter[str] = Counter()
    for bag in bags:
        total.update(bag)
    scores: list[float] = []
    entities = _entity_counts(analysis)
    for s, bag in zip(analysis.sentences, bags, strict=True):
        if not bag:
            scores.append(0.0)
            continue
        # centrality: how much of the article's recurring vocabulary the sentence carries
        central = sum(math.log1p(total[w] - 1) * math.log(1 + n / df[w]) for w in bag) / math.sqrt(
            len(bag)
        )
        position = 1.0 / (1.0 + 0.35 * s.id) + (0.3 if s.paragraph == 0 else 0.0)
        ents, nums = entities[s.id]
        scores.append(central + 2.0 * position + 0.25 * min(ents, 4) + 0.3 * min(nums, 3))
    return scores


def select_key_points(analysis: Analysis, k: int = 4) -> list[KeyPoint]:
    """Pick the ``k`` most important stand-alone sentences, avoiding near-repeats, in text order.

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> a = analyze(from_text("The mayor resigned on Friday after a long inquiry into spending. "
    ...                       "She denied wrongdoing. The council will pick a successor in May."))
    >>> [p.text for p in select_key_points(a, k=2)]  # doctest: +NORMALIZE_WHITESPACE
    ['The mayor resigned on Friday after a long inquiry into spending.',
     'The council will pick a successor in May.']
    """
    scores = sentence_scores(analysis)
    ranked = sorted(
        (s for s in analysis.sentences if _is_candidate(s, analysis)),
        key=lambda s: scores[s.id],
        reverse=True,
    )
    chosen: list[Sentence] = []
    chosen_words: list[set[str]] = []
    for s in ranked:
        words = {t.lemma_.lower() for t in s.span if t.is_alpha and not t.is_stop}
        if any(len(words & w) / max(len(words | w), 1) > 0.5 for w in chosen_words):
            continue
        chosen.append(s)
        chosen_words.append(words)
        if len(chosen) == k:
            break
    top = max((scores[s.id] for s in chosen), default=1.0) or 1.0
    return [
        _key_point(analysis, s, round(scores[s.id] / top, 4))
        for s in sorted(chosen, key=lambda s: s.id)
    ]


def _key_point(analysis: Analysis, s: Sentence, score: float) -> KeyPoint:
    """A key point: the sentence without a leading dateline ("LONDON (Reuters) - ")."""
    skip = dateline_end(s.text)
    if not skip:
        return KeyPoint(text=s.text, evidence=[analysis.sentence_span(s)], score=score)
    start = s.start + skip
    text = analysis.article.text[start : s.end]
    span = Span(sentence_id=s.id, start=start, end=s.end, text=text)
    return KeyPoint(text=text, evidence=[span], score=score)
