"""The statement a question and its answer imply ("Who is Austria's interior minister?" +
"Hitler" -> "Hitler is Austria's interior minister."): what ``ask`` verifies before it answers
and what the audit checks of an FAQ answer that names who did something.

The question is read by its word order, not by its parse alone: the small English model often
misparses questions (a verb after "did" tagged as a noun, "did Calder Mills sell at"). A question
whose wh-phrase is followed by a subject and an inverted auxiliary ("did Calder Mills sell at",
"is the bridge expected to reopen") is turned back into word order: the subject first, then the
auxiliary ("Calder Mills did sell at £4.10.": "do" keeps the tense without inflecting the
verb). A wh-phrase that asks for the thing acted on goes after the verb (after a left-behind
preposition when there is one: "did sell at £4.10"); one that asks for a time,
place, reason or manner goes at the end, after the preposition the article puts before the
answer ("did move its office to Leeds"). "Who/What is X?" becomes "<answer> is X.".
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["statement", "wh_phrase"]

_WH_WORDS = frozenset({"who", "whom", "whose", "what", "which", "when", "where", "why", "how"})
_DO = frozenset({"do", "does", "did"})
_BE = frozenset({"is", "are", "was", "were", "am", "'s", "'re"})
_HAVE = frozenset({"has", "have", "had"})
_MODALS = frozenset(
    {"will", "would", "can", "could", "shall", "should", "may", "might", "must", "'ll", "'d"}
)
_AUXILIARIES = _BE | _HAVE | _MODALS | _DO
_NEGATIONS = frozenset({"not", "n't", "never"})
_CLAUSE_STARTS = frozenset(
    {
        "when",
        "while",
        "after",
        "before",
        "if",
        "because",
        "since",
        "that",
        "who",
        "which",
        "where",
        "as",
        "until",
        "whose",
        "whom",
    }
)
_NOUNISH = frozenset({"DET", "PROPN", "NOUN", "NUM", "ADJ", "PRON", "PART", "CCONJ"})


def wh_phrase(doc: Doc) -> list[Token] | None:
    """Tokens of the question's wh-phrase ("who", "what team", "how many robots", "how old")."""
    wh = next((t for t in doc if t.lower_ in _WH_WORDS), None)
    if wh is None:
        return None
    top = wh
    while top.head.i > top.i and top.dep_ in {"det", "advmod", "amod", "npadvmod"}:
        head = top.head
        between = doc[top.i + 1 : head.i]
        if head.pos_ not in {"NOUN", "PROPN", "ADJ", "ADV", "NUM"} or any(
            t.head.i != head.i or t.dep_ not in {"compound", "amod", "nummod"} for t in between
        ):
            break
        top = head
    words = [t for t in top.subtree if t.i >= wh.i and not t.is_punct]
    end = wh.i
    for t in words:
        if t.i != end:
            break
        end += 1
    return [doc[k] for k in range(wh.i, end)]


def _nominal(phrase: list[Token]) -> bool:
    """The wh-phrase asks for a person or thing ("who", "what price", "how many robots"), not
    for a time, place, reason, manner or degree ("when", "how long")."""
    first = phrase[0].lower_
    if first in {"who", "whom", "whose", "what", "which"}:
        return True
    return first == "how" and len(phrase) > 1 and phrase[1].lower_ in {"many", "much"}


def _verbal(tok: Token) -> bool:
    """A verb form that follows an auxiliary ("expected", "getting", "won")."""
    return tok.tag_ in {"VB", "VBN", "VBG", "VBD"} and tok.pos_ in {"VERB", "AUX"}


def _bare_verb(tok: Token) -> bool:
    """A lowercase word English uses as a verb in its base form ("trade", "close"), whatever
    the tagger made of it (the English pipeline's own list of verb lemmas)."""
    return tok.text.islower() and tok.lower_ in _verb_lemmas()


@lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[str]:
    from newsfaq.text.nlp import get_nlp

    tables = get_nlp().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    return frozenset(tables.get_table("lemma_index")["verb"])


def _chain_end(rest: list[Token], j: int) -> int:
    """The last of the verb forms that follow one another from ``j`` ("been found")."""
    while j + 1 < len(rest) and _verbal(rest[j + 1]):
        j += 1
    return j


def _main_verb_at(rest: list[Token], do_support: bool) -> int | None:
    """Index in ``rest`` (``rest[0]`` is the auxiliary) of the main verb after the subject.

    After an auxiliary, the first verb form after at least one subject word ("is Varden
    reportedly buying"). After "do", the first lowercase verb the tagger found, else the first
    word English uses as a bare verb after a name or noun (the small model tags "trade" in "did
    Calder Mills sell at" a noun), else the last noun before a preposition."""
    first = 1
    while first < len(rest) and rest[first].lower_ in _NEGATIONS:
        first += 1
    later = range(first + 1, len(rest))
    if not do_support:
        for j in later:
            if _verbal(rest[j]):
                return _chain_end(rest, j)
            if rest[j].pos_ not in _NOUNISH | {"ADV", "ADP"} and rest[j].lower_ not in {"'s", "-"}:
                return None
        return None
    for j in later:
        if rest[j].pos_ in {"VERB", "AUX"} and rest[j].text.islower():
            return j
    for j in later:
        if _bare_verb(rest[j]) and rest[j - 1].pos_ not in {"DET", "ADJ", "ADP"}:
            return j
    for j in later:
        if rest[j].pos_ == "ADP" and rest[j - 1].pos_ in {"NOUN", "PROPN"} and j - 1 > first:
            return j - 1
    return None


def _object_slot(rest: list[Token], verb_at: int) -> int:
    """Index in ``rest`` before which an object answer goes: after a preposition left without
    its object ("trade at"), else right after the verb and the verbs it leads to ("agree to
    pay", "expected to bring")."""
    for j in range(verb_at + 1, len(rest)):
        t = rest[j]
        nxt = rest[j + 1] if j + 1 < len(rest) else None
        if t.pos_ == "ADP" and (nxt is None or nxt.pos_ in {"ADP", "PUNCT"}):
            return j + 1
    j = verb_at + 1
    while j + 1 < len(rest) and rest[j].lower_ == "to" and rest[j + 1].pos_ in {"VERB", "AUX"}:
        j += 2
    return j


def _copula_only(rest: list[Token]) -> bool:
    """The "be" after the wh-phrase is the main verb ("Who was finance chief when ...?"),
    not an auxiliary of a later verb ("Which match are Leeds and Hull playing in?")."""
    for t in rest[1:]:
        if t.lower_ in _CLAUSE_STARTS or t.is_punct:
            return True
        if _verbal(t) and t.tag_ in {"VBN", "VBG", "VBD"}:
            return False  # a participle, or one the small model read as a past tense
    return True


def _subject_question(rest: list[Token]) -> bool:
    """The auxiliary after the wh-phrase leads straight to its verb: the wh-phrase is the
    subject ("How many stocks were set to close higher?", "Who has not paid?")."""
    for t in rest[1:]:
        if t.lower_ in _NEGATIONS or t.pos_ == "ADV":
            continue
        return _verbal(t)
    return False


class _Words:
    """Pieces of the statement, spaced as the question spaced them."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def tokens(self, toks: list[Token]) -> _Words:
        if toks:
            self.parts.append("".join(t.text_with_ws for t in toks[:-1]) + toks[-1].text)
        return self

    def text(self, text: str) -> _Words:
        if text:
            self.parts.append(text)
        return self

    def sentence(self) -> str:
        return " ".join(p.strip() for p in self.parts if p.strip()).strip() + "."


def statement(question: str, answer: str, doc: Doc | None = None, *, lead: str = "") -> str:
    """The statement a question and its answer imply: the wh-phrase replaced by the answer.

    ``lead``: the preposition the article puts before the answer ("to" Leeds), used when the
    question asks for a time, place, reason or manner and has no preposition of its own.

    >>> statement("Who is Austria's interior minister?", "Hitler")
    "Hitler is Austria's interior minister."
    >>> statement("How many robots does Acme make?", "40")
    'Acme does make 40 robots.'
    >>> statement("When was Acme founded?", "in 1999")
    'Acme was founded in 1999.'
    >>> statement("Where did the company move its office?", "Leeds", lead="to")
    'the company did move its office to Leeds.'
    """
    if doc is None:
        from newsfaq.text.nlp import parse

        doc = parse(question)
    phrase = wh_phrase(doc)
    words = [t for t in doc if not (t.is_punct and t.i == len(doc) - 1)]
    if phrase is None:
        return f"{question.rstrip('?').strip()} {answer}."
    rest = [t for t in words if t.i > phrase[-1].i]
    pre = [t for t in words if t.i < phrase[0].i]
    prep = ""
    if pre and pre[-1].pos_ == "ADP" and pre[-1].i == phrase[0].i - 1:
        prep = pre.pop().lower_
    nominal = _nominal(phrase)
    counted = [t for t in phrase[2:] if phrase[1].lower_ == "many" and t.pos_ in {"NOUN", "PROPN"}]
    answer_words = {w.lower().strip(".,") for w in answer.split()}
    if counted and counted[-1].lower_ in answer_words:
        counted = []
    filled = " ".join(p for p in (prep, answer, " ".join(t.text for t in counted)) if p)
    if not nominal and lead and not prep and answer.split()[0].lower() != lead.lower():
        filled = f"{lead} {answer}"
    out = _Words().tokens(pre)
    aux = rest[0] if rest else None
    if aux is None or aux.lower_ not in _AUXILIARIES or (nominal and _subject_question(rest)):
        # the wh-phrase is the subject ("Who founded Acme?"), or a form we cannot turn
        if nominal or not rest:
            return out.text(filled).tokens(rest).sentence()
        return out.tokens(rest).text(filled).sentence()
    if aux.lower_ in _BE and nominal and _copula_only(rest):
        return out.text(filled).tokens(rest).sentence()
    verb_at = _main_verb_at(rest, aux.lower_ in _DO)
    if verb_at is None:
        if nominal:
            return out.text(filled).tokens(rest).sentence()
        # "How long was the mayor in office?": the subject, "be", what follows, the answer
        clause = next(
            (j for j in range(1, len(rest)) if rest[j].lower_ in _CLAUSE_STARTS), len(rest)
        )
        end = next((j for j in range(2, clause) if rest[j].pos_ == "ADP"), clause)
        out.tokens(rest[1:end]).tokens([aux]).tokens(rest[end:clause]).text(filled)
        return out.tokens(rest[clause:]).sentence()
    between = rest[1:verb_at]
    negated = [t for t in between if t.lower_ in _NEGATIONS]
    subject = [t for t in between if t.lower_ not in _NEGATIONS]
    adverbs: list[Token] = []
    while subject and subject[-1].pos_ == "ADV":
        adverbs.insert(0, subject.pop())
    verbs = [t for t in subject if _verbal(t)]
    if verbs:
        # "been" of "have driver mutations been found": the chain after the subject
        cut = subject.index(verbs[0])
        subject, adverbs = subject[:cut], [*subject[cut:], *adverbs]
    verb = rest[verb_at]
    prefix: list[Token] = []
    if len(subject) > 1 and subject[-1].text in {"-", "‐"} and not subject[-2].whitespace_:
        subject, prefix = subject[:-2], subject[-2:]  # "test-fly": one verb
    # "do" stays beside its verb ("Calder Mills did sell at £4.10."): it keeps the tense
    out.tokens(subject).tokens([aux, *negated, *adverbs]).tokens([*prefix, verb])
    after = rest[verb_at + 1 :]
    if nominal:
        slot = _object_slot(rest, verb_at) - verb_at - 1
        return out.tokens(after[:slot]).text(filled).tokens(after[slot:]).sentence()
    return out.tokens(after).text(filled).sentence()
