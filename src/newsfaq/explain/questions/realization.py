"""Realization: turn a question plan (clause head, wh-phrase, what to remove) into a question
string (subject-aux inversion, do-support, pronoun resolution, compression, tidying).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsfaq.ask.qanalysis import WH_WORDS
from newsfaq.explain.questions.syntax import (
    _AUX_DEPS,
    _DISCOURSE,
    _DROP_CHILD_DEPS,
    _PRONOUNS,
    _SUBJ,
    _TIME_UNITS,
    Resolver,
    _aux,
    _join,
    _lower_first,
    _plural_subject,
    _same_np,
    _side_ids,
    _singular_finite,
    _singular_subject,
    _sub,
    _subject,
    _subtree_ids,
    _tense_tag,
    clause_head,
    noun_phrase,
    verb_form,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass
class _Plan:
    """What to remove, what to put in front, and how to rewrite one clause."""

    head: Token
    wh: str
    remove: set[int]
    subject_question: bool = False
    overrides: dict[int, str] = field(default_factory=dict)
    suffix: str = ""
    budget: int = 0
    adverbial: bool = False
    # the noun a participle clause modifies, which the question makes its subject
    carrier: Token | None = None


def _other_conjunct_ids(head: Token, keep: set[int]) -> set[int]:
    """A verb coordinated with the complement that holds the answer, with its "and": "When is
    work scheduled to begin [in March 2026]?" without "and to be completed by 2030"."""
    out: set[int] = set()
    for x in head.children:
        if x.dep_ != "xcomp" or not {t.i for t in x.subtree} & keep:
            continue
        conjs = [
            c
            for c in x.children
            if c.dep_ == "conj"
            and c.pos_ in {"VERB", "AUX"}
            and not {t.i for t in c.subtree} & keep
        ]
        for c in conjs:
            out |= {t.i for t in c.subtree}
        if conjs:
            out |= {c.i for c in x.children if c.dep_ == "cc" and c.i < conjs[0].i}
    return out


def _clause_tokens(head: Token, keep: set[int], adverbial: bool = False) -> list[Token]:
    """Tokens of the clause headed by ``head``, without side clauses and leading adjuncts.

    ``adverbial`` keeps an adverbial clause that follows the verb ("occurs [when ...]").
    """
    subj = [c for c in head.children if c.dep_ in _SUBJ]
    subj_i = subj[0].left_edge.i if subj else head.i
    subj_end = subj[0].right_edge.i if subj else head.i
    drop: set[int] = set()
    fronted: list[Token] = []
    for c in head.children:
        sub = {t.i for t in c.subtree}
        if sub & keep:
            continue
        if _movable_front_adjunct(c, subj_i) or (
            subj_end < c.i < head.i and _movable_front_adjunct(c, head.i)
        ):
            # "The city on Wednesday announced ..." -> "... did the city announce on Wednesday?"
            fronted.extend(_sub(c))
            drop |= sub
            nxt = c.doc[c.right_edge.i + 1] if c.right_edge.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.text == "," and nxt.head.i == head.i:
                drop.add(nxt.i)
            continue
        if (
            c.dep_ in _DROP_CHILD_DEPS
            or (c.dep_ == "aux" and c.tag_ == "TO" and not subj)
            or (
                c.dep_ == "prep"
                and any(
                    g.dep_ == "pcomp" and any(s.dep_ == "nsubj" for s in g.children)
                    for g in c.children
                )
            )
            or (c.dep_ == "advcl" and (c.i < head.i or not adverbial))
            or (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})
            or (c.dep_ in {"advmod"} and c.lower_ in _DISCOURSE)
            or _comparison(c)
            or (c.i < subj_i and c.dep_ in {"prep", "npadvmod", "advmod", "punct", "ccomp"})
            or (
                c.i > subj_i
                and c.left_edge.i > 0
                and c.doc[c.left_edge.i - 1].text == ","
                and (
                    c.dep_ in {"npadvmod", "advmod", "appos", "dep", "oprd", "prep", "acomp"}
                    or (
                        c.dep_ == "dobj"
                        and any(d.dep_ == "dobj" and d.i < c.i for d in head.children)
                    )
                )
                and not c.lower_.startswith("accord")
            )
        ) or c.dep_ == "conj":
            drop |= sub
    drop |= _side_ids(head, keep)
    drop |= _other_conjunct_ids(head, keep)
    toks = [t for t in _sub(head) if t.i not in drop and not t.is_space]
    while toks and toks[0].dep_ == "punct" and toks[0].i not in keep:
        toks.pop(0)
    while toks and toks[-1].dep_ == "punct" and toks[-1].i not in keep:
        toks.pop()
    return toks + fronted


def _comparison(c: Token) -> bool:
    """ "(well) up from $4.8 billion", "down from 5 percent", "compared with last year": the
    figure's earlier value, which a question does not ask about."""
    if c.dep_ in {"advmod", "npadvmod"} and c.lower_ in {"up", "down"}:
        return any(g.dep_ == "prep" and g.lower_ == "from" for g in c.children)
    return c.dep_ in {"prep", "advcl"} and c.lower_ in {"compared", "compare"}


def _movable_front_adjunct(c: Token, subj_i: int) -> bool:
    """A short time or place phrase before the subject, which the question keeps at its end."""
    if c.i >= subj_i or c.dep_ not in {"prep", "npadvmod"} or c.lower_ in _DISCOURSE:
        return False
    sub = _sub(c)
    if len(sub) > 6 or any(t.pos_ in {"VERB", "AUX", "PRON"} for t in sub):
        return False
    return any(t.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "EVENT"} for t in sub)


_ADJUNCT_DEPS = {"prep", "npadvmod", "advmod", "advcl", "dative", "agent"}


def _clause_verbs(head: Token, present: set[int]) -> list[Token]:
    """``head`` and the verbs of the complement clauses it keeps (ccomp, xcomp, and so on)."""
    out = [head]
    for v in out:
        out.extend(
            c
            for c in v.children
            if c.i in present and c.pos_ in {"VERB", "AUX"} and c.dep_ in {"ccomp", "xcomp"}
        )
    return out


def _predicate_prep(verb: Token, present: set[int]) -> int:
    """The prepositional phrase that is a copula's predicate ("was [among the best]"), or -1.

    Without it the question would ask nothing: "What was?".
    """
    complements = {"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "dative"}
    if verb.lemma_ != "be" or any(c.dep_ in complements and c.i in present for c in verb.children):
        return -1
    preps = [c for c in verb.rights if c.dep_ == "prep" and c.i in present]
    return preps[0].i if preps else -1


def _compress(toks: list[Token], head: Token, keep: set[int], budget: int) -> list[Token]:
    """Drop adjuncts, then the later members of lists, then NP modifiers, farthest from the
    answer first, to budget."""
    present = {t.i for t in toks}
    doc = head.doc
    center = sum(keep) / len(keep) if keep else head.i
    groups: list[list[set[int]]] = [[], []]
    for verb in _clause_verbs(head, present):
        predicate = _predicate_prep(verb, present - keep)
        for c in verb.children:
            if c.i == predicate:
                continue
            if c.dep_ in _ADJUNCT_DEPS or (
                verb.i != head.i and c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
            ):
                groups[0].append({t.i for t in c.subtree})
    for t in toks:
        if t.dep_ in {"acl", "relcl", "appos"} or (
            t.dep_ == "prep" and t.head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}
        ):
            groups[1].append({x.i for x in t.subtree})
    # before NP modifiers, the later members of a list: "the Caucasus, North Africa and the
    # Horn" (a modifier narrows its noun; a list member only adds a parallel one)
    groups.insert(
        1,
        [
            _conjunct_ids(t)
            for t in toks
            if t.dep_ == "conj"
            and t.pos_ in _NOMINAL
            and t.head.pos_ in _NOMINAL
            and t.head.dep_ not in {"compound", "amod", "nmod", "npadvmod"}
            and _clean_list(t)
        ],
    )
    for group in groups:
        group.sort(key=lambda ids: -abs(sum(ids) / len(ids) - center))
        for ids in group:
            if len(present - keep) <= budget:
                return [t for t in toks if t.i in present]
            if ids & keep or not ids & present or head.i in ids:
                continue
            # a preposition is kept with its object: drop the whole phrase at once
            present -= ids
            # tidy a comma left dangling before the removed phrase
            j = min(ids) - 1
            if j >= 0 and doc[j].text == "," and j in present:
                present.discard(j)
    return [t for t in toks if t.i in present]


_NOMINAL = {"NOUN", "PROPN", "NUM"}


def _clean_list(conj: Token) -> bool:
    """Every member of the list ``conj`` belongs to follows a comma or a conjunction; a member
    glued to the word before ("wine and food festival") is a misread compound."""
    doc = conj.doc
    top = conj
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    return all(
        doc[t.left_edge.i - 1].is_punct or doc[t.left_edge.i - 1].dep_ in {"cc", "preconj"}
        for t in top.subtree
        if t.dep_ == "conj"
    )


def _conjunct_ids(conj: Token) -> set[int]:
    """A later member of a list with the comma or "and" that joins it to the one before."""
    ids = _subtree_ids(conj)
    doc = conj.doc
    j = conj.left_edge.i - 1
    while j > conj.head.i and (
        doc[j].is_punct or doc[j].dep_ in {"cc", "preconj"} or doc[j].lower_ in {"as", "well"}
    ):
        ids.add(j)
        j -= 1
    return ids


@dataclass
class _Draft:
    """A question being linearised: its clause tokens, subject, word overrides and pieces."""

    plan: _Plan
    toks: list[Token]
    subj: list[Token]
    asides: set[int]
    overrides: dict[int, str]
    pieces: list[tuple[str, str]] = field(default_factory=list)

    @property
    def subj_ids(self) -> set[int]:
        return {t.i for t in self.subj}

    @property
    def own_subject(self) -> bool:
        return bool(self.subj_ids & {t.i for t in self.plan.head.subtree})


def _realize(plan: _Plan, resolver: Resolver | None) -> str | None:
    """Apply subject-aux inversion / do-support and linearise the question."""
    draft = _draft(plan)
    if draft is None:
        return None
    _resolve_pronouns(draft, resolver)
    _relative_subjects(draft)
    if _leftover_wh(draft):
        return None  # a relative or interrogative word would be left inside the question
    draft.pieces.append((plan.wh, " "))
    ok = _subject_question_words(draft) if plan.subject_question else _inverted_words(draft)
    if not ok:
        return None
    text = _join(draft.pieces)
    if plan.suffix and plan.suffix.split(" ", 2)[-1].lower() not in text.lower():
        text = _join([(text, ""), (", " + plan.suffix, "")])
    if not text:
        return None
    text = _drop_unclosed(text)
    if not text:
        return None
    return _finish(text)


def _draft(plan: _Plan) -> _Draft | None:
    """The clause's tokens (asides and examples out, compressed) and its subject."""
    head = plan.head
    keep = set(plan.remove)
    toks = _clause_tokens(head, keep, plan.adverbial)
    subj = _subject(head) if plan.carrier is None else _carrier_subject(plan.carrier, head)
    # a bracketed aside never goes into a question: "the Football Conference (NFC) champion"
    asides = _asides(list(toks) + (subj or []), keep) | _examples(list(toks) + (subj or []), keep)
    toks = [t for t in toks if t.i not in asides]
    if plan.budget:
        toks = _compress(toks, head, keep, plan.budget)
    if subj is None:
        return None
    overrides = dict(plan.overrides)
    for t in [*toks, *subj]:
        if (
            t.dep_ == "det"
            and t.lower_ in _DEICTIC_DETS
            and t.i not in overrides
            and t.ent_type_ not in {"DATE", "TIME"}  # "this week" is a date
            and t.head.lemma_.lower() not in _TIME_NOUNS
        ):
            # a stand-alone question has no "this" to point at: "this process" -> "the process"
            overrides[t.i] = "the"
    return _Draft(plan=plan, toks=toks, subj=subj, asides=asides, overrides=overrides)


def _pronoun_name(t: Token, resolver: Resolver | None) -> tuple[str | None, bool]:
    """The antecedent of a pronoun (None if unknown) and whether it is singular."""
    low = t.lower_
    if resolver is None:
        return None, True
    if low in {"he", "she", "him", "her", "his"}:
        return resolver.person(t), True
    if low in {"they", "their"}:
        found = resolver.group(t)
        return found if found is not None else (None, True)
    if low in {"it", "its"} and resolver.resolve_it and t.dep_ != "expl":
        return resolver.thing(t), True
    return None, True


def _resolve_pronouns(d: _Draft, resolver: Resolver | None) -> None:
    """Pronoun subjects and possessives: resolve (or leave for the dangling-pronoun filter)."""
    subj_ids = d.subj_ids
    placed: set[str] = set()  # names the question already says, in words or by a resolution
    ordered = sorted(list(d.toks) + ([] if d.own_subject else d.subj), key=lambda x: x.i)
    for t in ordered:
        if t.i in d.plan.remove or t.i in d.overrides:
            continue
        if t.tag_ not in {"PRP", "PRP$"} or t.lower_ not in _PRONOUNS:
            continue
        name, singular = _pronoun_name(t, resolver)
        if name is None:
            continue  # left for the dangling-pronoun filter
        if t.tag_ == "PRP$" and t.i not in subj_ids and _same_np(name, d.subj):
            continue  # "Harvard ended its program": the subject is its antecedent
        if t.i not in subj_ids and name in placed:
            continue  # "When did Moon give birth to her daughter?", not "to Moon's daughter"
        if t.i in subj_ids:
            placed.add(name)
        if t.tag_ == "PRP$" or t.lower_ == "his":
            name = name + "'s"
        d.overrides[t.i] = name
        if singular and t.dep_ in {"nsubj", "nsubjpass"} and t.head.tag_ == "VBP":
            d.overrides[t.head.i] = _singular_finite(t.head)


def _relative_subjects(d: _Draft) -> None:
    """Relative pronoun subjects: the noun the clause modifies."""
    subj_ids = d.subj_ids
    for t in d.subj:
        if (
            t.tag_ in {"WDT", "WP"}
            and t.dep_ in _SUBJ
            and t.head.dep_ == "relcl"
            and t.head.i not in subj_ids
        ):
            d.overrides[t.i] = noun_phrase(t.head.head)


def _leftover_wh(d: _Draft) -> bool:
    head = d.plan.head
    return any(
        t.tag_ in {"WDT", "WP", "WP$"} and t.i not in d.overrides and t.i not in d.plan.remove
        for t in d.toks
        if t.head.i == head.i or t.head.head.i == head.i
    )


def _emit(d: _Draft, seq: Iterable[Token], skip: set[int]) -> None:
    """Append the kept tokens of ``seq`` (with their overrides) to the question's pieces."""
    pieces = d.pieces
    last = -2
    kept = [t for t in seq if t.i not in d.plan.remove and t.i not in skip]
    stranded = _stranded_commas(kept)
    for t in kept:
        if t.i in stranded:
            continue
        text = d.overrides.get(t.i, t.text)
        if t.i not in d.overrides:
            text = _lower_first(t, text)
        if last >= 0 and t.i != last + 1 and not pieces[-1][1] and not t.is_punct:
            pieces[-1] = (pieces[-1][0], " ")  # a token was taken out between these two
        pieces.append((text, t.whitespace_ or ""))
        last = t.i


def _subject_question_words(d: _Draft) -> bool:
    """A subject question: the wh-word stands where the subject was ("Who won the vote?")."""
    head, plan, overrides = d.plan.head, d.plan, d.overrides
    finite = _aux(head)
    target = finite[0] if finite else head
    if target.tag_ not in {"VBD", "VBZ", "VBP", "MD"}:
        return False
    plural_attr = head.lemma_ == "be" and any(
        c.dep_ == "attr" and c.tag_ in {"NNS", "NNPS"} for c in head.children
    )
    if (
        (target.tag_ == "VBP" or target.lower_ == "were")
        and target.i not in overrides
        and plan.wh in {"who", "what"}
        and not plural_attr
    ):
        overrides[target.i] = _singular_finite(target)
    if not d.own_subject:
        return False
    _emit(d, d.toks, set())
    return True


_CONTRACTED = {"'s": "is", "’s": "is", "'re": "are", "’re": "are", "'ve": "have", "’ve": "have"}
_CONTRACTED |= {"'ll": "will", "’ll": "will"}


def _moved_auxiliary(d: _Draft) -> tuple[str, Token | None]:
    """The finite word moved before the subject, and the token it comes from (if any)."""
    head, plan, overrides = d.plan.head, d.plan, d.overrides
    auxes = _aux(head)
    if auxes:
        finite_tok = auxes[0]
        moved = overrides.get(finite_tok.i, finite_tok.lower_)
        if moved in {"'s", "’s"}:
            return ("is" if finite_tok.lemma_ == "be" else "has"), finite_tok
        return _CONTRACTED.get(moved, moved), finite_tok
    if head.lemma_ == "be" and head.tag_ in {"VBD", "VBZ", "VBP"}:
        moved = overrides.get(head.i, head.lower_)
        return ("is" if moved in {"'s", "’s"} else moved), head
    if plan.carrier is not None:
        moved = _carrier_finite(plan.carrier, head, dated=plan.wh.endswith("when"))
        if head.tag_ == "VBG":
            overrides[head.i] = plan.overrides.get(head.i, head.lemma_)
        det = [c for c in plan.carrier.children if c.dep_ == "det" and c.lower_ in {"a", "an"}]
        if det:
            overrides[det[0].i] = "the"  # "a festival called X" -> "was the festival called"
        return moved, None
    return _do_support(d), None


def _do_support(d: _Draft) -> str:
    """did / does / do (or was / is / are for "be") for a clause without an auxiliary."""
    head, plan, overrides = d.plan.head, d.plan, d.overrides
    tag = head.tag_ if head.tag_ in {"VBD", "VBZ", "VBP"} else _tense_tag(head)
    if head.i in overrides and head.i not in plan.overrides and tag == "VBP":
        tag = "VBZ"  # a pronoun subject resolved to a singular name
    moved = {"VBD": "did", "VBZ": "does", "VBP": "do"}[tag]
    if not d.own_subject and tag == "VBP" and _singular_subject(d.subj, overrides):
        moved = "does"
    elif moved == "does" and _plural_subject(d.subj, overrides):
        moved = "do"
    if _bare_passive(head) and head.i not in plan.overrides:
        plural = _plural_subject(d.subj, overrides)
        if tag == "VBD":
            return "were" if plural else "was"
        return "are" if plural else "is"
    if head.lemma_ == "be" and head.i not in plan.overrides:
        # no do-support for "be": "Tesla was to be a consultant" -> "What was Tesla?"
        moved = {"did": "was", "does": "is", "do": "are"}[moved]
        overrides[head.i] = ""
    else:
        lemma = head.lemma_ if head.pos_ == "PROPN" else head.lemma_.lower()
        overrides[head.i] = plan.overrides.get(head.i, lemma)  # "Set in 1981, ..." -> "set"
    return moved


def _bare_passive(head: Token) -> bool:
    """A past participle with no auxiliary, no active subject and no object: a reduced passive
    ("Set in New York in 1981, the film ..."), or the second verb of a passive pair ("survived
    being attacked and dragged underwater by a shark", "Built in 1900 and restored in 1995"),
    which shares the first verb's passive. Asked with "was", not "did" ("When did a surfer drag
    underwater by a shark?", "When did the bridge restore?")."""
    if head.lemma_ in {"be", "have"} or any(c.dep_ in _SUBJ | _AUX_DEPS for c in head.children):
        return False
    if head.dep_ == "conj" and head.tag_ in {"VBD", "VBN"}:
        first = head.head
        passive = first.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in first.children)
        if passive or _bare_passive(first):
            return verb_form(head, "VBN").lower() == head.lower_
    return (
        head.tag_ == "VBN"
        and (head.dep_ in {"acl", "advcl"} or any(c.dep_ == "agent" for c in head.children))
        and not any(c.dep_ in {"dobj", "dative", "mark"} for c in head.children)
    )


def _subject_words(d: _Draft) -> list[tuple[str, str]]:
    """The subject's words after the moved auxiliary (compressed clauses left out)."""
    plan = d.plan
    pieces: list[tuple[str, str]] = []
    kept = {t.i for t in d.toks}
    clauses = {x.i for t in d.subj if t.dep_ in {"relcl", "acl", "appos"} for x in t.subtree}
    own_subject = d.own_subject
    prev: Token | None = None
    for t in d.subj:
        if t.i in plan.remove or t.i in d.asides:
            continue
        if plan.budget and own_subject and t.i not in kept and t.i in clauses:
            continue  # a clause in the subject, compressed away
        if prev is not None and t.i != prev.i + 1 and not (t.is_punct or prev.is_punct):
            pieces[-1] = (pieces[-1][0], " ")  # a gap: keep a space
        prev = t
        if t.i in d.overrides:
            pieces.append((d.overrides[t.i], t.whitespace_ or " "))
        else:
            pieces.append((_lower_first(t, t.text), t.whitespace_ or ""))
    if pieces:
        pieces[-1] = (pieces[-1][0], " ")
    return pieces


def _inverted_words(d: _Draft) -> bool:
    """A non-subject question: wh-phrase, moved auxiliary, subject, rest of the clause."""
    if any(t.i in d.plan.remove and t.dep_ in _SUBJ for t in d.subj):
        return False
    moved, finite_tok = _moved_auxiliary(d)
    d.pieces.append((moved, " "))
    d.pieces.extend(_subject_words(d))
    skip = set(d.subj_ids)
    if finite_tok is not None:
        skip.add(finite_tok.i)
    _emit(d, d.toks, skip)
    return True


_DEICTIC_DETS = {"this", "these", "that", "those"}


# nouns that "this" makes a date of ("so far this season")
_TIME_NOUNS = _TIME_UNITS | {
    "season", "time", "morning", "afternoon", "evening", "night", "weekend", "summer",
    "winter", "spring", "autumn", "fall", "term", "era", "period", "quarter", "semester",
}  # fmt: skip


_DANGLING_WORDS = {"and", "or", "but", "nor", "the", "a", "an"}


def _finish(text: str) -> str | None:
    """Tidy a question's residue and end it with "?"; None when no content is left.

    Removes empty quotes and bracketed notes, a comma after the wh-word, and coordinators or
    determiners left dangling at the end once the phrase they introduced was taken out.

    >>> _finish('What did the league stress "", as well as')
    'What did the league stress?'
    >>> _finish("What ), is") is None
    True
    """
    text = re.sub(r"\[[^\[\]]*\]|\[[^\]]*$|\S*\]", "", text)
    text = _drop_unopened(re.sub(r'(""|“”|‘’|\(\s*\))', "", text))
    if not _quote_balance(text):
        text = re.sub(r'\s*["“”]\s*', " ", text)  # a quotation cut in two: no quotes
    text = re.sub(r"^(\w+(?: \w+)?)\s*[,;:]+\s*", r"\1 ", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r",?\s+(?:as well,? as|such as|including)\W*$", "", text)
    words = text.rstrip(" ,;:.!\"“”'‘’-—–?").split()
    while len(words) > 1 and words[-1].strip(",;:") in _DANGLING_WORDS:
        words.pop()
    text = _join([(" ".join(words), "")]).rstrip(" ,;:.!\"“”'‘’-—–")
    if len(words) < 2 or not _content_words(" ".join(words[1:])):
        return None
    return text[0].upper() + text[1:] + "?"


# words that carry no content of their own in a question ("What is it?" asks nothing)
_FUNCTION_WORDS = _PRONOUNS | WH_WORDS | _DANGLING_WORDS | {
    "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done",
    "doing", "has", "have", "had", "having", "will", "would", "can", "could", "may", "might",
    "must", "shall", "should", "this", "that", "these", "those", "there", "here", "of", "in",
    "on", "at", "to", "for", "from", "by", "with", "into", "about", "as", "so", "not", "also",
    "one", "ones", "some", "any", "all", "such", "than", "then", "if", "because", "since",
    "i", "we", "you", "us", "me", "our", "your", "my", "many", "much", "etc", "else",
}  # fmt: skip


def _content_words(text: str) -> int:
    """Words of ``text`` that are not function words ("Who stated?" has one)."""
    return sum(1 for w in re.findall(r"[\w'-]+", text.lower()) if w not in _FUNCTION_WORDS)


def _stranded_commas(toks: Sequence[Token]) -> set[int]:
    """Commas next to a phrase that was taken out ("announced [on Monday], that ...")."""
    out: set[int] = set()
    for k, t in enumerate(toks):
        if t.text != ",":
            continue
        gap_before = k == 0 or toks[k - 1].i != t.i - 1
        gap_after = k == len(toks) - 1 or toks[k + 1].i != t.i + 1
        if gap_before or gap_after:
            out.add(t.i)
    return out


def _drop_unopened(text: str) -> str:
    """Drop closing brackets whose opening one was taken out: "What ), is" -> "What , is"."""
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if not depth:
                continue
            depth -= 1
        out.append(ch)
    return "".join(out)


def _drop_unclosed(text: str) -> str:
    """Cut a bracket left unclosed at the end: "a cameo in (as a conductor" -> "a cameo in"."""
    while text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].rstrip(" ,;:")
    return text


def _asides(toks: Sequence[Token], keep: set[int]) -> set[int]:
    """Indices of the bracketed groups among ``toks`` (brackets included) that hold no answer."""
    out: set[int] = set()
    group: set[int] = set()
    depth = 0
    for t in sorted(toks, key=lambda t: t.i):
        if t.text in {"(", "["}:
            depth += 1
        if depth:
            group.add(t.i)
        if t.text in {")", "]"} and depth:
            depth -= 1
            if not depth:
                out |= group if not group & keep else set()
                group = set()
    return out | (group if not group & keep else set())  # a bracket left open at the end


def _examples(toks: Sequence[Token], keep: set[int]) -> set[int]:
    """Indices of example lists that hold no answer: "groups [such as the Taliban]", "cities
    [including Paris]", "animals [like dogs]"; a question names the class, not its examples."""
    out: set[int] = set()
    for t in toks:
        if t.dep_ != "prep":
            continue
        such_as = t.lower_ == "as" and any(c.lower_ == "such" for c in t.children)
        like = t.lower_ == "like" and t.head.pos_ in {"NOUN", "PROPN"}
        if such_as or like or t.lower_ == "including":
            ids = _subtree_ids(t)
            if ids & keep:
                continue
            out |= ids
            doc, left, right = t.doc, min(ids) - 1, max(ids) + 1
            if left >= 0 and doc[left].text == ",":
                out.add(left)  # the commas that set the list off go with it
                if right < len(doc) and doc[right].text == ",":
                    out.add(right)
    return out


def _participle_on_path(root: Token, head: Token) -> Token | None:
    """The innermost participle clause between the answer and its clause head."""
    t = root
    while t.i != head.i and t.head.i != t.i:
        t = t.head
        if _participle_carrier(t) is not None:
            return t
    return None


def _participle_carrier(head: Token) -> Token | None:
    """The understood subject of a subjectless participle clause: the noun it modifies ("a
    bridge [built in 1900]", "engineers [working for a firm]"), or for a gerund after a
    preposition the subject of the verb the preposition belongs to ("after [founding X], he
    ...")."""
    noun = head.head
    if head.dep_ == "pcomp" and head.tag_ == "VBG" and noun.dep_ == "prep":
        subjects = [c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects or any(c.dep_ in _SUBJ | _AUX_DEPS for c in head.children):
            return None
        return subjects[0]
    if (
        head.dep_ != "acl"
        or head.tag_ not in {"VBN", "VBG"}
        or noun.pos_ not in {"NOUN", "PROPN"}
        or noun.i > head.i
        or any(c.dep_ in _SUBJ | _AUX_DEPS for c in head.children)
        or head.lemma_ in {"be", "have"}
        or head.doc[head.left_edge.i - 1].text in {"(", "["}
    ):
        return None
    return noun


def _carrier_subject(noun: Token, head: Token) -> list[Token]:
    """The noun phrase of a participle's carrier (up to the participle clause it holds)."""
    side = _side_ids(noun)
    start = head.left_edge.i if head.dep_ == "acl" else len(noun.doc)
    toks = [t for t in _sub(noun) if t.i < start and t.i not in side and not t.is_space]
    while toks and toks[-1].text in {",", ";", ":", "—", "–"}:
        toks.pop()  # "the façade, built from ..." -> "the façade"
    return toks


def _carrier_finite(noun: Token, head: Token, *, dated: bool = False) -> str:
    """The finite word a participle clause gets in a question, in the tense of the sentence
    (past when it asks for a date: "the library, founded in 1816, is ..." -> "When was ..."):
    passive "was"/"were"/"is"/"are" for a past participle, do-support for a present one."""
    past = dated or _tense_tag(clause_head(noun)) == "VBD"
    plural = noun.tag_ in {"NNS", "NNPS"} or noun.lower_ in {"they", "we", "you", "i"}
    if head.tag_ == "VBN":
        return ("were" if plural else "was") if past else ("are" if plural else "is")
    return "did" if past else ("do" if plural else "does")


def _quote_balance(text: str) -> bool:
    """Straight quotes come in pairs and curly quotes open and close equally."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")
