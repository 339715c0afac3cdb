"""Answer-aware mode: ask about a given answer span, with fallbacks when no transformation
applies.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from newsfaq.explain.questions.candidates import _answer_tokens
from newsfaq.explain.questions.realization import (
    _FUNCTION_WORDS,
    _clause_tokens,
    _compress,
    _finish,
    _Plan,
    _realize,
)
from newsfaq.explain.questions.syntax import (
    _PIED_PREPS,
    _SUBJ,
    _WHEN_PREPS,
    Resolver,
    _aux,
    _is_personal,
    _join,
    _lower_first,
    _span_root,
    _sub,
    _subject,
    _subtree_ids,
    _tense_tag,
    clause_head,
)
from newsfaq.explain.questions.transforms import question_for_span
from newsfaq.explain.questions.whchoice import _answer_wh
from newsfaq.models import QAKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["ask_in_doc"]


def _inverted_fallback(
    root: Token, ans_ids: set[int], wh: str, resolver: Resolver | None, budget: int
) -> str | None:
    """Last resort with inversion: take the answer out of its clause, invert, do-support."""
    head = clause_head(root)
    if head.i in ans_ids or head.pos_ not in {"VERB", "AUX"}:
        return None
    subj = _subject(head)
    if not subj or {t.i for t in subj} & ans_ids:
        return None
    if not ans_ids <= {t.i for t in head.subtree}:
        return None
    remove = set(ans_ids)
    if root.dep_ == "ccomp" and root.pos_ in {"VERB", "AUX"}:
        # most of a reported clause: "believed that [X-rays were waves] in plasma" asks
        # "What did he believe?", not about the words the answer leaves behind
        remove |= _subtree_ids(root)
    plan = _Plan(head=head, wh=wh, remove=remove, budget=budget)
    return _realize(plan, resolver)


def _echo_question(sent: Span, ans_ids: set[int], wh: str, budget: int = 0) -> str | None:
    """Last resort: the wh-word, then the answer's clause with the answer taken out."""
    toks = [t for t in sent if not t.is_space]
    root = _span_root([sent.doc[i] for i in sorted(ans_ids)])
    head = clause_head(root)
    if budget and head.i not in ans_ids:
        toks = _compress(_clause_tokens(head, ans_ids), head, ans_ids, budget)
    while toks and toks[-1].is_punct:
        toks.pop()
    if not any(t.i in ans_ids for t in toks):
        return None
    pieces: list[tuple[str, str]] = [(wh, " ")]
    last = -2
    for t in toks:
        if t.i not in ans_ids:
            if last >= 0 and t.i != last + 1 and not pieces[-1][1] and not t.is_punct:
                pieces[-1] = (pieces[-1][0], " ")
            pieces.append((_lower_first(t, t.text), t.whitespace_))
            last = t.i
    return _finish(_join(pieces))


_EVENT_MARKS = {"if", "when", "after", "before", "once", "until"}


def _happened_question(root: Token, ans_ids: set[int]) -> str | None:
    """A whole clause is the answer: "What happened" with the time, place or condition the
    answer leaves out ("In 1901, [Marconi sent a signal]" -> "What happened in 1901?")."""
    if root.pos_ not in {"VERB", "AUX"} or not any(
        c.dep_ in _SUBJ and c.i in ans_ids for c in root.children
    ):
        return None
    phrases: list[str] = []
    for c in root.children:
        ids = _subtree_ids(c)
        if ids & ans_ids:
            continue
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        dated = any(t.ent_type_ in {"DATE", "TIME", "GPE", "LOC"} for t in c.subtree)
        if (c.dep_ == "prep" and dated and c.lower_ in _PIED_PREPS) or (
            c.dep_ == "advcl" and marks & _EVENT_MARKS
        ):
            toks = [t for t in _sub(c) if not t.is_space]
            phrases.append(_join([(_lower_first(t, t.text), t.whitespace_) for t in toks]))
    if not phrases:
        return None
    tag = _tense_tag(root)
    perfect = tag != "VBD" and any(a.lemma_ == "have" for a in _aux(root))
    verb = "has happened" if perfect else "happened" if tag == "VBD" else "happens"
    return _finish(f"What {verb} {' '.join(phrases)}")


def _widened_question(
    sent: Span, root: Token, resolver: Resolver | None, budget: int
) -> str | None:
    """Ask about the smallest movable phrase around an answer that cannot move on its own.

    "a portion of [air] is consumed" -> "What is consumed?" (the answer sits in an island).
    """
    t = root
    for _ in range(4):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in {"VERB", "AUX"}:
            return None
        if t.dep_ in _SUBJ | {"dobj", "pobj", "attr", "oprd", "dative"} and t.pos_ in {
            "NOUN",
            "PROPN",
            "PRON",
            "NUM",
        }:
            res = question_for_span(
                sent,
                t.left_edge.i,
                t.right_edge.i + 1,
                resolver,
                attribution=False,
                strict=False,
                budget=budget,
            )
            if res is not None:
                return _keep_answer_type(res, root, resolver)
    return None


def _keep_answer_type(
    res: tuple[str, QAKind], root: Token, resolver: Resolver | None
) -> str | None:
    """A question about the phrase around the answer, with the answer's own wh-word.

    "the leadership of [Jean Ribault]" still asks "Who"; "in the course of the war of [1920]"
    asks "When"; a number wh-word does not ask about a name ("42% of [UK] teachers").
    """
    q, kind = res
    if kind == "what" and q.startswith("What ") and _is_personal(root, resolver):
        return "Who " + q[5:]
    if root.ent_type_ in {"DATE", "TIME"} and kind == "where" and q.startswith("Where "):
        return "When " + q[6:]
    if root.ent_type_ in {"DATE", "TIME"} and kind in {"what", "who"}:
        m = re.match(r"(\w+) (?:what|whom) ", q)
        if m and m.group(1).lower() in _WHEN_PREPS | {"during"}:
            return "When " + q[m.end() :]
    if kind in {"how_many", "how_much"} and not root.like_num:
        return None
    return q


def _thin(question: str, sent: Span) -> bool:
    """The question keeps too little of its sentence: no content word but the verb ("Who
    stated?"), or a single common word ("What was the belief?"); a name alone is enough
    ("What is DECnet?")."""
    content = {w for w in re.findall(r"[\w'-]+", question.lower()) if w not in _FUNCTION_WORDS}
    if len(content) > 2:
        return False
    pos = {t.lower_: t.pos_ for t in sent if t.lower_ in content}
    if all(pos.get(w) in {"VERB", "AUX"} for w in content):
        return True
    return len(content) < 2 and not any(pos.get(w) == "PROPN" for w in content)


def ask_in_doc(
    doc: Doc, start: int, end: int, resolver: Resolver | None = None, *, budget: int = 14
) -> tuple[str | None, str]:
    """Answer-aware mode over a parsed doc: ask about characters ``start:end``.

    Tries the syntactic transformations (islands allowed, no attribution suffix); then asks
    about the smallest movable phrase around the answer ("widened"); then takes the answer
    out of its clause with inversion and do-support ("inverted"); then, as a last resort, the
    wh-word before the clause with the answer removed ("in-place"). Returns (question or
    None, how): ``how`` is "" for a transformed question, one of the fallback names above, or
    the reason when nothing was produced.

    >>> from newsfaq.text.nlp import parse
    >>> ask_in_doc(parse("The bridge was built in Lisbon."), 24, 30)
    ('Where was the bridge built?', '')
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None, "answer not on token boundaries"
    sent = span[0].sent
    if span[-1].i >= sent.end:
        span = doc[span.start : sent.end]
    if resolver is not None:
        resolver.resolve_it = True
        resolver.topic_fallback = True
    ask = functools.partial(
        question_for_span, sent, span.start, span.end, resolver, attribution=False, strict=False
    )
    res = ask(budget=budget)
    if budget and (res is None or _thin(res[0], sent)):
        # too little kept ("Who stated?"): a looser budget and the adverbial clause
        res = ask(budget=budget + budget // 2, adverbial=True) or res
    if res is not None:
        return res[0], ""
    # the answer sits in a participle clause: ask within it ("a bridge built in [1900]")
    participle = ask(budget=budget, participle=True)
    if participle is not None and not _thin(participle[0], sent):
        return participle[0], ""
    ans = _answer_tokens(span, strict=False)
    if not ans:
        return None, "answer is punctuation"
    root = _span_root(ans)
    happened = _happened_question(root, {t.i for t in ans})
    if happened is not None:
        return happened, ""
    wider = _widened_question(sent, root, resolver, budget)
    if wider is not None:
        return wider, "widened"
    wh, _ = _answer_wh(ans, root, resolver)
    inverted = _inverted_fallback(root, {t.i for t in ans}, wh, resolver, budget)
    if inverted is not None:
        return inverted, "inverted"
    q = _echo_question(sent, {t.i for t in ans}, wh, budget)
    if q is None:
        return None, f"no clause for answer ({root.dep_})"
    return q, "in-place"
