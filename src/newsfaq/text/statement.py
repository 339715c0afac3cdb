"""The statement a question and its answer imply ("Who is Austria's interior minister?" +
"Hitler" -> "Austria's interior minister is Hitler."): what ``ask`` verifies before it answers
and what the audit checks of an FAQ answer that names who did something."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["statement", "wh_phrase"]

_WH_WORDS = frozenset({"who", "whom", "whose", "what", "which", "when", "where", "why", "how"})


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


def _subject_end(doc: Doc, after: int) -> int:
    """Token index just after the subject that follows index ``after`` (or ``after``)."""
    for t in doc[after:]:
        if t.dep_ in {"nsubj", "nsubjpass", "expl"}:
            return max(x.i for x in t.subtree) + 1
    return after


def statement(question: str, answer: str, doc: Doc | None = None) -> str:
    """The statement a question and its answer imply: the wh-phrase replaced by the answer.

    A fronted wh-phrase that is not the subject moves to the end, "do" is dropped and another
    auxiliary goes back after the subject ("When was Acme founded?" -> "Acme was founded 1999.").

    >>> statement("Who is Austria's interior minister?", "Hitler")
    "Austria's interior minister is Hitler."
    >>> statement("How many robots does Acme make?", "40")
    'Acme make 40 robots.'
    >>> statement("When was Acme founded?", "in 1999")
    'Acme was founded in 1999.'
    """
    if doc is None:
        from newsfaq.text.nlp import parse

        doc = parse(question)
    phrase = wh_phrase(doc)
    words = [t for t in doc if not (t.is_punct and t.i == len(doc) - 1)]
    if phrase is None:
        return f"{question.rstrip('?').strip()} {answer}."
    head = phrase[-1]
    rest = [t for t in words if t.i > head.i]
    pre = [t for t in words if t.i < phrase[0].i]
    prep = ""
    if pre and pre[-1].dep_ == "prep" and pre[-1].i == phrase[0].i - 1:
        prep = pre.pop().lower_ + " "
    subject = head.dep_ in {"nsubj", "nsubjpass"}
    if (
        subject
        or not rest
        or rest[0].dep_ not in {"aux", "auxpass", "ROOT"}
        or rest[0].pos_ != "AUX"
    ):
        out = [t.text_with_ws for t in pre] + [answer + " "] + [t.text_with_ws for t in rest]
        return ("".join(out).strip() + ".").replace(" .", ".")
    aux = rest[0]
    subj_end = _subject_end(doc, aux.i + 1)
    moved: list[str] = []
    for t in rest[1:]:
        moved.append(t.text_with_ws)
        if t.i == subj_end - 1 and aux.lemma_ != "do":
            moved.append(("" if t.whitespace_ else " ") + aux.text + " ")
    if aux.lemma_ != "do" and subj_end <= aux.i + 1:
        moved.insert(0, aux.text + " ")
    kept = [
        t.text
        for t in phrase
        if phrase[0].lower_ == "how" and t.pos_ in {"NOUN", "PROPN"} and t.i > phrase[0].i
    ]
    tail = prep + " ".join([answer, *kept])
    text = "".join(t.text_with_ws for t in pre) + "".join(moved).strip() + " " + tail
    return text.strip() + "."
