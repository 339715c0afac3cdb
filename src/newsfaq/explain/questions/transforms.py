"""Transformations: ask the question whose answer is a given span of a parsed sentence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsfaq.explain.questions.realization import (
    _carrier_subject,
    _finish,
    _participle_carrier,
    _participle_on_path,
    _Plan,
    _realize,
)
from newsfaq.explain.questions.syntax import (
    _CLAUSE_DEPS,
    _NAME_ENTS,
    _OBJECT_FORM,
    _REPORTING,
    _SUBJ,
    Resolver,
    _attribution,
    _aux,
    _is_person,
    _join,
    _lower_first,
    _past_tense,
    _resolve,
    _side_ids,
    _singular_finite,
    _span_root,
    _sub,
    _subject,
    _subtree_ids,
    _third_singular,
    clause_head,
    noun_phrase,
)
from newsfaq.explain.questions.whchoice import (
    _adjunct_wh,
    _answer_wh,
    _Done,
    _is_duration,
    _noun_wh,
    _numeric_wh,
    _relation_wh,
    _stranded_modifiers,
    _subject_head_and_list,
    _Target,
)
from newsfaq.models import QAKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["question_for_span"]


def question_for_span(
    sent: Span,
    start: int,
    end: int,
    resolver: Resolver | None = None,
    *,
    attribution: bool = True,
    strict: bool = True,
    budget: int = 0,
    adverbial: bool = False,
    participle: bool = False,
) -> tuple[str, QAKind] | None:
    """Ask the question whose answer is tokens ``start:end`` (doc indices) of ``sent``.

    Returns the question and its kind, or None when no transformation applies. ``budget``
    (words) compresses the clause; ``adverbial`` keeps an adverbial clause after its verb;
    ``participle`` asks within the participle clause that holds the answer, with the noun it
    modifies as its subject ("a bridge built in [1900]" -> "When was the bridge built?").

    >>> from newsfaq.text.nlp import parse
    >>> doc = parse("The Kremlin aims to avoid unpopular policy moves.")
    >>> question_for_span(next(doc.sents), 5, 8)
    ('What does the Kremlin aim to avoid?', 'what')
    """
    ans = _trimmed_answer(sent.doc, start, end)
    if not ans:
        return None
    root = _span_root(ans)
    ans_ids = {t.i for t in ans}
    # a determiner left outside the answer goes with it ("the [BBC]")
    ans_ids |= {c.i for t in ans for c in t.children if c.dep_ in {"det", "predet"} and c.i < t.i}
    if not strict:
        special = _special_question(root, ans, ans_ids, resolver)
        if special is not None:
            return special
    wh, kind = _answer_wh(ans, root, resolver)
    t = _Target(ans=ans, root=root, ans_ids=ans_ids, wh=wh, kind=kind, strict=strict)
    done = _choose_wh(t, resolver, budget)
    if done is not None:
        return done.value
    head = _question_head(t, participle)
    if head is None:
        return None
    plan = _subject_plan(t, head, resolver, budget=budget, adverbial=adverbial)
    if isinstance(plan, _Done):
        return plan.value
    if attribution:
        _attribute(plan, head, resolver)
    q = _realize(plan, resolver)
    if q is None:
        return None
    return q, t.kind


def _trimmed_answer(doc: Doc, start: int, end: int) -> list[Token]:
    """The answer's tokens without spaces and edge punctuation."""
    ans = [t for t in doc[start:end] if not t.is_space]
    while ans and ans[-1].is_punct:
        ans.pop()
    while ans and ans[0].is_punct:
        ans.pop(0)
    return ans


def _special_question(
    root: Token, ans: list[Token], ans_ids: set[int], resolver: Resolver | None
) -> tuple[str, QAKind] | None:
    """Answer-aware shortcuts: a definition ("What is X?") or a passive agent made active."""
    defined = _definition_question(root, ans, ans_ids, resolver)
    if defined is not None:
        return defined
    if root.dep_ == "pobj" and root.head.dep_ == "agent":
        return _passive_to_active(root, ans_ids, resolver)
    return None


def _choose_wh(t: _Target, resolver: Resolver | None, budget: int) -> _Done | None:
    """The wh-choice steps, in order; a step may end the question early."""
    if t.root.pos_ in {"NOUN", "PROPN"} and t.root.i in t.ans_ids:
        _stranded_modifiers(t)
    t.remove = set(t.ans_ids)
    t.cover = _subtree_ids(t.root) | t.ans_ids
    # 1. the answer is (part of) a clause's subject
    _subject_head_and_list(t)
    done = _noun_wh(t, resolver)
    if done is not None:
        return done
    _numeric_wh(t, resolver)
    _relation_wh(t)
    adjunct = _adjunct_wh(t.root) if not t.strict and t.root.i in t.ans_ids else None
    if adjunct is not None:
        # "(because) the pitch was flooded" -> "Why ...?"; "using heavy trucks" -> "How ...?"
        t.wh, t.kind = adjunct
        t.remove = _subtree_ids(t.root) | t.ans_ids
        t.cover = t.remove
    elif (
        not t.strict and t.root.pos_ in {"VERB", "AUX"} and t.root.dep_ in _CLAUSE_DEPS | {"xcomp"}
    ):
        return _Done(_vp_question(t.root, t.ans_ids, resolver, budget))
    return None


def _question_head(t: _Target, participle: bool) -> Token | None:
    """The head of the clause the question is made of, or None when it cannot be asked."""
    head = clause_head(t.root)
    if participle:
        head = _participle_on_path(t.root, head) or head
        if _participle_carrier(head) is None:
            return None
    if head.i in t.ans_ids or head.i in t.remove:
        return None
    if t.strict and t.kind in {"when", "where"} and head.lemma_.lower() in _REPORTING:
        return None
    if t.strict and t.kind == "when" and _is_duration(t.ans):
        return None  # "for ten years" does not answer "When ...?"
    if (
        t.kind == "why"
        and head.lemma_ == "be"
        and not any(
            c.dep_ in {"acomp", "attr", "prep"} and c.i not in t.remove for c in head.children
        )
    ):
        return None
    return head


def _subject_plan(
    t: _Target, head: Token, resolver: Resolver | None, *, budget: int, adverbial: bool
) -> _Plan | _Done:
    """The question plan, once the clause's subject is known (or the final answer)."""
    subj = _subject(head)
    carrier = _participle_carrier(head) if subj is None and not t.strict else None
    if carrier is not None:
        subj = _carrier_subject(carrier, head)
    if subj is None:
        return _Done(
            _inverted_copula(t.root, head, t.remove, t.wh, t.kind) if not t.strict else None
        )
    if not _answer_movable(t, head, subj, carrier):
        return _Done(None)
    plan = _Plan(
        head=head, wh=t.wh, remove=t.remove, budget=budget, adverbial=adverbial, carrier=carrier
    )
    return plan if _subject_question(t, plan, head, subj) else _Done(None)


def _answer_movable(t: _Target, head: Token, subj: list[Token], carrier: Token | None) -> bool:
    """The answer is not inside a side participle clause or a leading adjunct (an island)."""
    subj_ids = {x.i for x in subj}
    subj_start = min(subj_ids) if subj_ids else head.i
    side_participle = _participle_on_path(t.root, head) if carrier is None else None
    if side_participle is not None and side_participle.i in _side_ids(side_participle.head):
        return False  # "the bridge, [built in 1900], ...": asked within the participle clause
    for c in head.children:
        sub = _subtree_ids(c)
        if c.i < subj_start and sub & t.remove and not sub <= t.remove:
            return False  # the answer sits inside a leading adjunct
    return not (t.strict and not _extractable(t.root, head))


def _subject_question(t: _Target, plan: _Plan, head: Token, subj: list[Token]) -> bool:
    """Mark a subject question (the answer heads the subject); False when it cannot be asked."""
    subj_ids = {x.i for x in subj}
    remove, root = t.remove, t.root
    subj_heads = {x.i for x in subj if x.dep_ in _SUBJ or x.i == subj[0].head.i}
    pp_in_subject = (
        not t.strict
        and t.kind in {"when", "where"}
        and remove <= subj_ids
        and not remove & subj_heads
    )
    if pp_in_subject:
        return True
    if t.cover & subj_ids and root.dep_ in _SUBJ | {"pobj", "compound", "amod", "nummod"}:
        if not ({x.i for x in head.doc[head.i].subtree} & subj_ids):
            return False
        # subject question: remove the whole subject when the answer heads it
        plan.subject_question = True
        plan.remove = remove | (subj_ids if root.dep_ in _SUBJ else set())
        return root.dep_ in _SUBJ
    return not subj_ids & remove


def _attribute(plan: _Plan, head: Token, resolver: Resolver | None) -> None:
    """Keep the source of a reported claim: "..., according to US officials?"."""
    subj = _subject(head) if plan.carrier is None else _carrier_subject(plan.carrier, head)
    src = _attribution(head, resolver)
    subj_text = " ".join(x.text for x in subj or [])
    if src and src.lower() not in subj_text.lower() and subj_text.lower() not in src.lower():
        plan.suffix = f"according to {src}"


def _inverted_copula(
    root: Token, head: Token, remove: set[int], wh: str, kind: QAKind
) -> tuple[str, QAKind] | None:
    """ "To the north is [the old fort]" -> "What is to the north?" (the answer is the subject
    that follows the copula)."""
    if root.dep_ != "attr" or head.lemma_ != "be" or head.tag_ not in {"VBZ", "VBD", "VBP"}:
        return None
    fronted = [c for c in head.children if c.dep_ == "prep" and c.i < head.i]
    if not fronted or _subtree_ids(fronted[0]) & remove:
        return None
    verb = _singular_finite(head) if wh in {"what", "who"} else head.lower_
    phrase = _join(
        [(t.lower_ if t.i == fronted[0].i else t.text, t.whitespace_) for t in _sub(fronted[0])]
    )
    q = _finish(f"{wh} {verb} {phrase}")
    return (q, kind) if q else None


def _passive_to_active(
    agent_obj: Token, ans_ids: set[int], resolver: Resolver | None
) -> tuple[str, QAKind] | None:
    """ "X was built by <answer>" / "X, built by <answer>" -> "Who built X?"."""
    verb = agent_obj.head.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.tag_ != "VBN":
        return None
    wh, kind = _answer_wh([agent_obj.doc[i] for i in sorted(ans_ids)], agent_obj, resolver)
    if wh not in {"who", "what"}:
        return None
    patient: Token | None = None
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            patient = c
    if patient is None and verb.dep_ in {"acl", "relcl"}:
        patient = verb.head
    if patient is None or patient.tag_ in {"PRP", "WDT", "WP"}:
        return None
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    modal = [a for a in auxes if a.tag_ == "MD"]
    if modal:
        form = f"{modal[0].lower_} {verb.lemma_}"
    elif any(a.tag_ in {"VBZ", "VBP"} and a.dep_ == "auxpass" for a in auxes):
        form = _third_singular(verb.lemma_)
    else:
        form = _past_tense(verb)
    agent = agent_obj.head
    skip = {agent.i, patient.i} | {t.i for t in agent.subtree} | {t.i for t in patient.subtree}
    side = _side_ids(verb)
    rest = [
        t
        for c in verb.rights
        if c.i not in skip
        and c.dep_ not in {"punct", "cc", "conj", "advcl", "relcl"}
        and c.left_edge.tag_ not in {"WP", "WDT"}  # a relative clause the parser misread
        for t in _sub(c)
        if t.i not in side
    ]
    obj = noun_phrase(patient)
    tail = _join(
        [
            (
                t.text,
                t.whitespace_ or (" " if k + 1 < len(rest) and rest[k + 1].i != t.i + 1 else ""),
            )
            for k, t in enumerate(rest)
        ]
    )
    q = _finish(f"{wh} {form} {obj} {tail}")
    return (q, kind) if q else None


def _vp_question(
    verb: Token, ans_ids: set[int], resolver: Resolver | None, budget: int
) -> tuple[str, QAKind] | None:
    """The answer is a verb phrase: "What did X do?", or a whole clause: "What happened?"."""
    subj = _subject(verb)
    if subj is None:
        return None
    subj_ids = {t.i for t in subj}
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if subj_ids & ans_ids or passive:
        if not passive:
            return None
        # "X was torn down" -> "What happened to X?"
        subj_text = _join([(_lower_first(t, t.text), t.whitespace_) for t in subj])
        if len(subj) == 1 and subj[0].tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
            subj_text = noun_phrase(verb.head)  # "cells, which [are arranged in stacks]"
        elif len(subj) == 1 and subj[0].lower_ in _OBJECT_FORM:
            name = _resolve(subj[0], resolver)
            subj_text = name if name else _OBJECT_FORM[subj[0].lower_]
        past = any(c.tag_ == "VBD" for c in verb.children if c.dep_ == "auxpass")
        return f"What {'happened' if past else 'happens'} to {subj_text}?", "what"
    remove = {i for i in ans_ids if i != verb.i}
    auxes = _aux(verb)
    do = "do"
    if auxes and auxes[-1].lemma_ == "have":
        do = "done"
    elif auxes and auxes[-1].lemma_ == "be" and verb.tag_ == "VBG":
        do = "doing"
    gov = verb.head
    infinitival = verb.dep_ == "xcomp" or (
        verb.dep_ == "ccomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    )
    if infinitival and gov.pos_ in {"VERB", "AUX"} and gov.i not in ans_ids:
        # "wanted him to [enter the priesthood]" -> "What did X want him to do?"
        plan = _Plan(head=gov, wh="what", remove=remove, budget=budget)
        plan.overrides[verb.i] = "do"
        q = _realize(plan, resolver)
        return (q, "what") if q else None
    plan = _Plan(head=verb, wh="what", remove=remove, budget=budget)
    plan.overrides[verb.i] = do
    objs = [c for c in verb.rights if c.dep_ == "dobj" and c.i not in ans_ids]
    if objs:
        # "captured [the wolf]" -> "What did they do to the wolf?"
        first = objs[0].left_edge
        plan.overrides[first.i] = "to " + _lower_first(first, first.text)
    q = _realize(plan, resolver)
    return (q, "what") if q else None


def _extractable(root: Token, head: Token) -> bool:
    """No island on the path from the answer up to its clause head (no NP-internal clause)."""
    t = root.head
    while t.i != head.i:
        if t.head.i == t.i or t.dep_ not in {"xcomp", "prep", "agent", "dative", "pcomp"}:
            return False
        if t.dep_ in {"prep", "agent", "dative"} and t.head.pos_ not in {"VERB", "AUX"}:
            return False
        t = t.head
    return True


def _definition_question(
    root: Token, ans: Sequence[Token], ans_ids: set[int], resolver: Resolver | None
) -> tuple[str, QAKind] | None:
    """An appositive defines the answer: "[the Emmerich Bridge], the longest bridge in Germany,"
    -> "What is the longest bridge in Germany?"."""
    if root.pos_ not in {"NOUN", "PROPN"}:
        return None
    example = _example_question(root, ans_ids)
    if example is not None:
        return example
    doc = root.doc
    appos = [
        c
        for c in root.rights
        if c.dep_ == "appos" and c.i not in ans_ids and doc[c.left_edge.i - 1].text == ","
    ]
    if not appos or appos[0].pos_ != "NOUN":
        return None
    ap = appos[0]
    toks = [t for t in _sub(ap) if not (t.is_punct and t.i == ap.right_edge.i)]
    if len(toks) > 14 or len(toks) < 2 or any(t.i in ans_ids for t in toks):
        return None
    if any(t.tag_ in {"WDT", "WP", "PRP", "PRP$", "VBZ", "VBP", "VBD"} for t in toks):
        return None
    if toks[0].tag_ in {"VBN", "VBG", "VBD"}:
        return None
    head = clause_head(root)
    past = head.tag_ == "VBD" or any(a.tag_ == "VBD" for a in _aux(head))
    plural = ap.tag_ in {"NNS", "NNPS"}
    verb = ("were" if plural else "was") if past else ("are" if plural else "is")
    wh, _ = _answer_wh(ans, root, resolver)
    w = "Who" if wh == "who" else "What"
    text = _join(
        [(_lower_first(t, t.text) if k == 0 else t.text, t.whitespace_) for k, t in enumerate(toks)]
    )
    if toks[0].pos_ not in {"PROPN"} and toks[0].ent_type_ not in _NAME_ENTS:
        text = text[:1].lower() + text[1:]
    q = _finish(f"{w} {verb} {text}")
    return (q, "who_is" if w == "Who" else "what") if q else None


def _example_question(root: Token, ans_ids: set[int]) -> tuple[str, QAKind] | None:
    """ "drugs such as [cyclosporin]" -> "What is an example of drugs?"; "Who ..." for an
    example of people ("writers such as [X]")."""
    prep = root.head
    if root.dep_ != "pobj" or prep.i in ans_ids:
        return None
    doc = root.doc
    such_as = prep.lower_ == "as" and prep.i > 0 and doc[prep.i - 1].lower_ == "such"
    if not (such_as or prep.lower_ in {"including", "like"}):
        return None
    noun = prep.head
    if noun.pos_ != "NOUN" or noun.i in ans_ids:
        return None
    toks = [
        t
        for t in _sub(noun)
        if t.i < prep.i - (1 if such_as else 0)
        and t.dep_ not in {"det", "poss", "predet", "nummod"}
        and t.tag_ not in {"PRP$", "WDT"}
        and not (t.is_punct and t.text != "-")
    ]
    if not toks or len(toks) > 8 or toks[-1].i != noun.i:
        return None
    text = _join([(t.text if t.pos_ == "PROPN" else t.lower_, t.whitespace_) for t in toks])
    if _is_person(noun):
        return f"Who is an example of {text}?", "who"
    return f"What is an example of {text}?", "what"
