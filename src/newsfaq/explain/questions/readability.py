"""Readability gates: a realised question a reader would not publish, found by reparsing it.

Each gate looks at the reparsed question (and the candidate it came from) and names one way a
question fails a reader: too long, leftover punctuation debris, more than one clause glued
together, a dangling last word, a pronoun with no antecedent, a word that is not English, an
answer that is a pointer ("her own results") or the whole sentence restated. Which gates run
is chosen on blind labels of tune-page candidates (``bench/faq_gates.py`` prints the share of
the candidates each gate rejects that raters found unacceptable).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from newsfaq.explain.questions.candidates import CLAUSE_KINDS, Candidate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["GATES", "MAX_TOKENS", "unreadable"]

MAX_TOKENS = 20

Gate = Callable[["Doc", Candidate], bool]


def too_long(qdoc: Doc, c: Candidate) -> bool:
    """More than :data:`MAX_TOKENS` words before a closing ", according to X" (the attribution
    the hedge keeps): the reader wades through the sentence."""
    cut = qdoc.text.find(", according to ")
    words = [t for t in qdoc if not t.is_punct and (cut < 0 or t.idx < cut)]
    return len(words) > MAX_TOKENS


_DEBRIS = re.compile(r"[()\[\]{}:;|•/]|[-–—]\s|\s[-–—]|—|^\W")


def debris(qdoc: Doc, c: Candidate) -> bool:
    """Brackets, dashes, slashes, colons or an unpaired quote mark left over from the sentence."""
    text = qdoc.text
    if text.count('"') % 2 or text.count("“") != text.count("”"):
        return True
    return bool(_DEBRIS.search(text.rstrip("?")))


def two_clauses(qdoc: Doc, c: Candidate) -> bool:
    """More than one root, or a clause hung on by no relation (``dep``/``parataxis``)."""
    roots = sum(1 for t in qdoc if t.dep_ == "ROOT")
    return roots > 1 or any(t.dep_ in {"dep", "parataxis"} for t in qdoc)


_END_POS = {"ADP", "DET", "CCONJ", "SCONJ"}


def dangling_end(qdoc: Doc, c: Candidate) -> bool:
    """The last word is a currency sign, a form of "be", a determiner or conjunction, or a
    preposition with no object where the wh-word is the subject ("What cuts to an image of X
    sitting alone in?"); a preposition the wh-word is the object of stays ("What did Lopez
    call for?")."""
    toks = [t for t in qdoc if not t.is_punct]
    if len(toks) <= 3:
        return False
    last = toks[-1]
    if last.tag_ == "$" or last.lemma_ == "be":
        return True  # "How much is the stock's 52-week high $?", "How many top picks are?"
    if last.pos_ not in _END_POS or list(last.children):
        return False
    return last.pos_ != "ADP" or toks[0].dep_ in {"nsubj", "nsubjpass"}


_PRONOUNS = {"he", "she", "it", "they", "them", "him", "her", "his", "its", "their", "theirs"}
_POSSESSIVES = {"his", "her", "its", "their"}


def bare_pronoun(qdoc: Doc, c: Candidate) -> bool:
    """A personal pronoun the reader cannot resolve: a subject or object pronoun ("Who joins
    them onstage?"), or a possessive with neither a name before it nor "who" (whose answer it
    stands for: "Who had given up his search?" reads well)."""
    for t in qdoc:
        if t.lower_ not in _PRONOUNS or t.pos_ != "PRON":
            continue
        if t.lower_ not in _POSSESSIVES or t.dep_ != "poss":
            return True
        named = any(x.pos_ == "PROPN" for x in qdoc[: t.i])
        if not (named or qdoc[0].lower_ in {"who", "how"}):
            return True
    return False


def pointing_answer(qdoc: Doc, c: Candidate) -> bool:
    """A noun-phrase answer starting with a pronoun or possessive ("her own results", "its
    designs"); a clause answer may start with its subject ("Why did Whitfield choose
    engineering?" -> "she wanted to build things ...")."""
    if c.kind in CLAUSE_KINDS:
        return False
    toks = [t for t in c.sent.doc[c.tok_start : c.tok_end] if not t.is_space]
    return bool(toks) and toks[0].lower_ in _PRONOUNS | {"this", "these", "those", "such"}


def restated(qdoc: Doc, c: Candidate) -> bool:
    """The answer is a clause making up most of its sentence: the item restates the sentence
    ("What had Sir Keith insisted?" -> "the new scheme was intended to ..."); a long noun
    phrase ("What did Lopez call for?" -> "a freeze on hiring until ...") stays, and so does a
    templated "What did X say about Y?" answered by the quote itself."""
    if c.templated and c.kind == "said":
        return False
    sent_words = [t for t in c.sent if t.is_alpha]
    ans = [t for t in c.sent.doc[c.tok_start : c.tok_end] if t.is_alpha]
    clause = any(t.tag_ in {"VBD", "VBZ", "VBP", "MD"} for t in ans)  # a finite verb
    return clause and len(sent_words) >= 8 and len(ans) > 0.7 * len(sent_words)


def _named_answer(c: Candidate) -> bool:
    toks = [t for t in c.sent.doc[c.tok_start : c.tok_end] if not t.is_space]
    return any(t.pos_ == "PROPN" or t.like_num for t in toks)


def thing_subject(qdoc: Doc, c: Candidate) -> bool:
    """ "What <verb> ...?" about a thing as subject, answered by a common noun phrase: the
    riskiest transformation ("What is being studied in clinical trials?" -> "Other
    medications"); a named answer ("What had waged a battle with Amazon?" -> Hachette) stays."""
    toks = [t for t in qdoc if not t.is_punct]
    if _named_answer(c):
        return False
    return (
        len(toks) >= 2
        and toks[0].lower_ == "what"
        and toks[0].dep_ in {"nsubj", "nsubjpass"}
        and toks[1].pos_ in {"VERB", "AUX"}
        and c.kind in {"what", "other"}
    )


def nameless(qdoc: Doc, c: Candidate) -> bool:
    """A what-question with no name, number or entity in it or in its answer, or a
    who-question with none in it: it cannot stand on its own ("What do treatments stop?",
    "Who seems to forget her problems?")."""
    if c.kind != "who" and (c.kind not in {"what", "other"} or _named_answer(c)):
        return False
    return not any(
        t.pos_ == "PROPN" or t.like_num or t.ent_type_ or t.text[:1].isupper()
        for t in list(qdoc)[1:]
    )


def name_as_term(qdoc: Doc, c: Candidate) -> bool:
    """ "What is Hachette?": a name asked about as if the article defined it (its appositive
    is a ticker, a place, a neighbour in a list or a role it plays in a sentence)."""
    return c.kind == "who_is" and qdoc[0].lower_ == "what"


def dateline_word(qdoc: Doc, c: Candidate) -> bool:
    """A long all-capitals word ("... original request WASHINGTON?"): a dateline carried over."""
    return any(t.is_alpha and t.is_upper and len(t) >= 7 for t in qdoc)


def unknown_word(qdoc: Doc, c: Candidate) -> bool:
    """A lowercase word English does not have ("What did Zhang cofounde?"): a verb form the
    realisation made up. The vocabulary is the shared word vectors' (400k words)."""
    from newsfaq.text.wordvec import word_vectors

    vocab = word_vectors().index
    return any(t.is_alpha and t.is_lower and len(t) > 2 and t.lower_ not in vocab for t in qdoc)


def count_of_one(qdoc: Doc, c: Candidate) -> bool:
    """ "How many ...?" answered "one": the number was an article word ("one of the shots")."""
    return c.kind == "how_many" and c.answer.strip().lower() in {"one", "a", "an"}


_SAY = {"say", "tell", "add", "write", "announce", "note", "report", "state", "explain", "comment"}
_BARE_DEPS = {"nsubj", "nsubjpass", "aux", "dobj", "punct"}


def _time_phrase(tok: Token) -> bool:
    ents = {t.ent_type_ for t in tok.subtree if t.ent_type_}
    return bool(ents) and ents <= {"DATE", "TIME"}


def say_no_topic(qdoc: Doc, c: Candidate) -> bool:
    """ "What did Meridian Foods say on Wednesday?": a reporting verb with only its speaker
    and a time; the reader learns nothing about what the statement is about."""
    root = next((t for t in qdoc if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_.lower() not in _SAY or qdoc[0].lower_ != "what":
        return False
    for child in root.children:
        if child.dep_ in _BARE_DEPS or child.i == 0:
            continue
        if child.dep_ in {"prep", "npadvmod"} and _time_phrase(child):
            continue
        return False
    return True


def subject_answer(qdoc: Doc, c: Candidate) -> bool:
    """A when/where question whose answer is its sentence's subject ("The year 2014 closed
    with ..." -> "How long closed with ...?"): the question has no subject left."""
    if c.kind not in {"when", "where"} or c.templated or c.tok_end <= c.tok_start:
        return False
    return c.sent.doc[c.tok_start : c.tok_end].root.dep_ in {"nsubj", "nsubjpass", "expl"}


GATES: dict[str, Gate] = {
    "say, no topic": say_no_topic,
    "count of one": count_of_one,
    "unknown word": unknown_word,
    "name as term": name_as_term,
    "dateline word": dateline_word,
    "too long": too_long,
    "debris": debris,
    "two clauses": two_clauses,
    "dangling end": dangling_end,
    "bare pronoun": bare_pronoun,
    "pointing answer": pointing_answer,
    "restated": restated,
    "thing subject": thing_subject,
    "nameless": nameless,
    "subject answer": subject_answer,
}


def unreadable(qdoc: Doc, c: Candidate, gates: tuple[str, ...] | None = None) -> str | None:
    """The name of the first gate the question fails, or None."""
    for name in gates if gates is not None else tuple(GATES):
        if GATES[name](qdoc, c):
            return name
    return None
