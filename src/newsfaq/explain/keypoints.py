"""Key points: extractive, ranked by importance, returned in document order."""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter

from newsfaq.explain.questions.filters import dateline_end, junk_body
from newsfaq.models import KeyPoint, Span
from newsfaq.text.nlp import Analysis, Sentence

__all__ = ["select_key_points", "sentence_scores"]

_CONTENT_POS = {"NOUN", "PROPN", "VERB", "NUM", "ADJ"}


_NEEDS_CONTEXT_OPENERS = frozenset(
    {"but", "and", "so", "also", "however", "still", "yet", "instead", "besides", "plus"}
)
_ANAPHORS = frozenset({"it", "this", "that", "these", "those", "they", "he", "she", "him", "her"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# a list marker, or a label of up to five words closed by a colon ("Go Easy on Styling: ",
# "December 28, 2014: "), before the sentence proper; a label's lowercase words are only
# small function words (so "The council said: ..." is no label)
_LIST_MARKER = re.compile(r"[-–—•*]\s+")
_LABEL = re.compile(r"((?:[\w’'.,&-]+\s+){0,4}[\w’'.&-]+):\s+(?=[A-Z“\"])")
_LABEL_SMALL = frozenset({"a", "an", "the", "of", "on", "in", "for", "to", "and", "at", "with"})


def _label_end(text: str, pos: int = 0) -> int:
    """The end of a label opening ``text`` at ``pos`` ("Go Easy on Styling: "), or 0."""
    m = _LABEL.match(text, pos)
    if m is None:
        return 0
    words = m.group(1).split()
    if not all(w[0].isupper() or w[0].isdigit() or w in _LABEL_SMALL for w in words):
        return 0
    return m.end() if words[0][0].isupper() or words[0][0].isdigit() else 0


def _speaker_label(text: str) -> bool:
    """An interview line opened by its speaker's one-word name ("Joe: One of the biggest
    things ..."): cut the label and the reader does not know who speaks."""
    end = _label_end(text)
    return bool(end) and len(text[:end].split()) == 1


def _lead_end(text: str) -> int:
    """Characters before the sentence proper: a dateline, a list marker, a label."""
    skip = dateline_end(text)
    m = _LIST_MARKER.match(text, skip)
    skip = m.end() if m else skip
    end = _label_end(text, skip)
    return end if end and end < len(text) - 10 else skip


def _states(sentence: Sentence) -> bool:
    """The sentence has a finite verb, or is an instruction ("Mash with milk, ...")."""
    root = sentence.span.root
    return root.tag_ == "VB" or any(t.tag_ in _FINITE for t in sentence.span)


def _title_case(sentence: Sentence) -> bool:
    """A headline or link title ("Analysts Aren't Feeling Great About Commodities In 2015"):
    four or more words of four letters or more, nearly all capitalised."""
    long = [t for t in sentence.span if t.is_alpha and len(t) >= 4]
    return len(long) >= 4 and sum(t.text[0].isupper() for t in long) >= 0.8 * len(long)


def _is_candidate(sentence: Sentence, analysis: Analysis) -> bool:
    """A sentence that can stand alone as a key point.

    Not: short sentences, questions, lines ending in a colon, captions and titles (no finite
    verb, or title case), interview lines opened by a speaker's name, sentences opening with a
    connective ("Instead, ..."), and sentences whose main clause's subject is a bare pronoun or
    demonstrative ("that would amount to ...", "He said ..."): their meaning lives in the
    sentence before.
    """
    words = [t for t in sentence.span if t.is_alpha]
    if len(words) < 6 or sentence.text.rstrip().endswith(("?", ":")):
        return False  # a question, or a line that introduces what follows it
    if junk_body(analysis, sentence.text):
        return False  # bylines, captions, sponsor and newsletter lines, links
    if not _states(sentence) or _title_case(sentence):
        return False  # a caption, a price line, a headline or link title: no statement
    if _speaker_label(sentence.text):
        return False
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
    """A key point: the sentence without a leading dateline ("LONDON (Reuters) - "), list
    marker ("- ") or label ("Go Easy on Styling: ")."""
    skip = _lead_end(s.text)
    if not skip:
        return KeyPoint(text=s.text, evidence=[analysis.sentence_span(s)], score=score)
    start = s.start + skip
    text = analysis.article.text[start : s.end]
    span = Span(sentence_id=s.id, start=start, end=s.end, text=text)
    return KeyPoint(text=text, evidence=[span], score=score)
