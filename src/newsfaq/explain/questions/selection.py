"""Selection: the items a reader sees, in order.

First the gist: the headline (site name and dateline cut off) when the article has one, else the
most central sentence near the top of the article that can state it (never boilerplate, a
question, a quote or a chatty first-person opening; a dateline is cut off); then
the checked candidates, best first, one per evidence sentence, no near-duplicates, and none
that scores too far below the best (fewer items rather than weak ones).
"""

from __future__ import annotations

import re

from newsfaq.explain.keypoints import sentence_scores
from newsfaq.explain.questions.candidates import Scored
from newsfaq.explain.questions.filters import answer_f1, dateline_end, junk_body, norm
from newsfaq.ingest.headline import headline_span
from newsfaq.models import QAItem, Span
from newsfaq.text.nlp import Analysis, Sentence

__all__ = [
    "OVERVIEW",
    "duplicate",
    "full_names_first",
    "gist_item",
    "gist_sentence",
    "is_gist_candidate",
]

OVERVIEW = "What is this article about?"
_GIST_WINDOW = 6
_CHATTY = re.compile(r"^\W*(I|I'm|I've|You|Your|We|My|Our|Let's|Imagine|Picture)\b")
_FIRST_PERSON = re.compile(r"\b(I|me|my|mine|you|your)\b|^\W*(Because of (that|this)|That's)\b")
_CONNECTIVES = {"but", "and", "so", "also", "however", "still", "yet"}
_POINTS_AWAY = re.compile(r"^\W*(?:They|It|This|These|Those|Here|She|He|Her|His)\b(?!-)")


def is_gist_candidate(s: Sentence, analysis: Analysis) -> bool:
    """A sentence that can state an article's gist (and be a key point)."""
    text = s.text.strip()
    body = text[dateline_end(text) :]
    words = [t for t in s.span if t.is_alpha]
    if len(words) < 8 or text.endswith("?") or junk_body(analysis, text):
        return False
    if _CHATTY.match(body) or body[:1] in {'"', "“", "'", "‘"} or _FIRST_PERSON.search(body):
        return False
    if not (body[:1].isupper() or body[:1].isdigit()):
        return False  # a fragment ("this is a fix for ...")
    if not any(t.dep_ in {"nsubj", "nsubjpass"} for t in s.span):
        return False  # a headline or label without a clause ("What Not to Ask a Birth Mom")
    return s.span[0].lower_ not in _CONNECTIVES


def gist_sentence(analysis: Analysis) -> Sentence:
    """The most central of the first sentences that can state the gist (the lead if none)."""
    scores = sentence_scores(analysis)
    ok = [s for s in analysis.sentences if is_gist_candidate(s, analysis)][:_GIST_WINDOW]
    if not ok:
        return analysis.sentences[0]
    # the lead usually states the gist; a later sentence wins only when clearly more central
    return max(ok, key=lambda s: (scores[s.id] * (1.0 - 0.08 * ok.index(s)), -s.id))


def _headline_item(analysis: Analysis) -> QAItem | None:
    """The overview answered by the headline, when the article has one that states something.

    Not a headline that is a question, shorter than three words, or one that opens with a
    pronoun standing for what it does not name ("They're Innocent Looking Enough But Actually
    Quite Dangerous": a tune rater found it states no gist).
    """
    meta = analysis.article.meta
    span = headline_span(meta)
    if span is None or meta.title is None:
        return None
    start, end = span
    text = meta.title[start:end]
    if text.endswith("?") or len(text.split()) < 3 or _POINTS_AWAY.match(text):
        return None
    evidence = Span(sentence_id=-1, start=start, end=end, text=text, source="title")
    return QAItem(question=OVERVIEW, answer=text, kind="overview", evidence=[evidence], score=1.0)


def gist_item(analysis: Analysis) -> QAItem:
    """ "What is this article about?" answered by the headline, or else by the gist sentence.

    Blind raters judged the headline to state the gist on 65 of 66 tune pages, the gist
    sentence on 25 (``bench/gist_eval.py headline-summarize``); the sentence (dateline cut off)
    answers for an article without a usable headline (plain text, a question headline).
    """
    headline = _headline_item(analysis)
    if headline is not None:
        return headline
    s = gist_sentence(analysis)
    text = analysis.article.text
    start = s.start + dateline_end(s.text)
    span = Span(sentence_id=s.id, start=start, end=s.end, text=text[start : s.end])
    return QAItem(question=OVERVIEW, answer=span.text, kind="overview", evidence=[span], score=1.0)


def _similar(a: str, b: str) -> bool:
    wa, wb = set(norm(a).split()), set(norm(b).split())
    return len(wa & wb) / max(len(wa | wb), 1) > 0.5


_MAX_PER_KIND = 3  # "How much ...?" six times over is a table, not an FAQ


def duplicate(s: Scored, chosen: list[Scored], used: set[int]) -> bool:
    """Same evidence sentence as a chosen item, a near-identical question or answer, or a
    fourth question of the same kind."""
    if s.sid in used:
        return True
    if sum(1 for x in chosen if x.cand.kind == s.cand.kind) >= _MAX_PER_KIND:
        return True
    return any(
        _similar(s.cand.question, x.cand.question) or answer_f1(s.cand.answer, x.cand.answer) > 0.6
        for x in chosen
    )


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof"})


def _full_names(analysis: Analysis) -> dict[str, str]:
    """Surname -> the full name the article gives a person by ("Pooley" -> "William Pooley"),
    for surnames only one full name of the article ends in."""
    found: dict[str, set[str]] = {}
    for ent in analysis.doc.ents:
        words = [t.text for t in ent if t.is_alpha and t.lower_ not in _TITLES]
        if ent.label_ != "PERSON" or len(words) < 2 or not all(w[:1].isupper() for w in words):
            continue
        found.setdefault(words[-1], set()).add(" ".join(words))
    return {s: next(iter(names)) for s, names in found.items() if len(names) == 1}


def _named_before(question: str, start: int) -> bool:
    """The surname at ``start`` follows a first name or a title ("Mrs Thatcher", "Hal Finney"),
    not the question's opening word."""
    before = question[:start].split()
    return len(before) > 1 and before[-1][:1].isupper()


def full_names_first(items: list[QAItem], analysis: Analysis) -> list[QAItem]:
    """Name a person in full the first time the FAQ names them ("When was William Pooley
    discharged?", then "Pooley"), as an editor does: a bare surname the box never introduced
    reads as "needs context" to blind raters. Answers are the article's words and stay."""
    names = _full_names(analysis)
    said = " ".join(f"{it.question} {it.answer}" for it in items[:1])
    out = items[:1]
    for it in items[1:]:
        question = it.question
        for surname, full in names.items():
            if full in said or full in question:
                continue
            bare = re.search(rf"(?<![\w’'-]){re.escape(surname)}\b", question)
            if bare is not None and not _named_before(question, bare.start()):
                question = question[: bare.start()] + full + question[bare.end() :]
        out.append(it if question == it.question else it.model_copy(update={"question": question}))
        said += f" {question} {it.answer}"
    return out
