"""Reader questions: questions readers ask of a news story, written by us, answered from it.

The transformation engine turns article sentences into questions, so it asks what a sentence
happens to say, in the sentence's own words (blind raters found about a third of its questions
publishable). These questions go the other way: a fixed question a reader asks with only a
name filled in, grammatical by construction, and the phrase that answers it found by rule:

- "What is <organisation / product / law>?" answered by the apposition that defines it
  ("Editas, a genome-editing startup in Cambridge");
- "What does <ACRONYM> stand for?" answered by the words it abbreviates, when the article
  uses the acronym again.

Tried and dropped (session 10, blind tune rating in ``bench/ratings/2026-12-05-s10-reader-tune``):
"What happens next?" answered by the most central sentence about what will happen (1 of 8
acceptable: "vague question" wherever the story is not an event with a next step) and "How did
<name> respond?" answered by a denial or rejection (0 of 2: the question does not say to what).
A reader's question needs its topic in it, which a fixed frame cannot supply.

Every answer is article text at its offsets; the candidates go through the same cheap filters
and round trip as the others (``Candidate.templated`` marks them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsfaq.explain.questions.candidates import Candidate
from newsfaq.explain.questions.syntax import Resolver
from newsfaq.explain.questions.templates import NAME, make_candidate, person_noun
from newsfaq.models import QAKind
from newsfaq.text.nlp import defined_acronyms, proper_name

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from newsfaq.text.nlp import Analysis

__all__ = ["reader_candidates"]

_DEFINED = {"ORG", "PRODUCT", "LAW", "EVENT", "FAC", "WORK_OF_ART"}
_MAX_NAME = 6
_MAX_DEFINITION = 20
# nouns with a person's suffix that name a business ("a maker of garden tools")
_COMPANY_NOUNS = {
    "maker", "manufacturer", "provider", "operator", "retailer", "carrier", "developer",
    "publisher", "producer", "distributor", "lender", "insurer", "broker", "supplier",
    "owner", "processor", "exporter", "importer", "builder", "contractor", "investor",
}  # fmt: skip


def _name_of(ent: SpacySpan) -> str | None:
    """The entity as a question names it ("the Food and Drug Administration"), or None."""
    if not 1 <= len(ent) <= _MAX_NAME or not NAME.match(ent.text.replace(" & ", " ")):
        return None
    if ent[0].lower_ == "the":
        return "the " + ent[1:].text if len(ent) > 1 else None
    if ent.start > 0:
        before = ent.doc[ent.start - 1]
        if before.lower_ == "the" and before.head.i == ent.root.i:
            return f"the {ent.text}"
    return ent.text


def _set_off(doc: Doc, start: int, end: int) -> bool:
    """The phrase doc[start:end] is set off by a comma before it and a comma, dash, or the
    sentence end after it."""
    before = doc[start - 1].text if start > 0 else ""
    if end >= len(doc):
        return before == ","
    return before == "," and (doc[end].text in {",", ".", ";", "—", "–", ")"} or doc[end].is_space)


def _definition(ent: SpacySpan) -> SpacySpan | None:
    """The apposition that defines an organisation or product ("Editas, a startup in ..."),
    or None. Not "X is a ...": on tune pages that was an opinion as often as a definition
    ("Google is a top stock to consider buying")."""
    root = ent.root
    doc = ent.doc
    for c in root.children:
        if c.dep_ != "appos" or c.i < ent.end or c.pos_ != "NOUN":
            continue
        start, end = c.left_edge.i, c.right_edge.i + 1
        phrase = doc[start:end]
        if doc[start].lower_ in {"a", "an"} and _set_off(doc, start, end):
            return phrase
    return None


def _person(ent: SpacySpan, resolver: Resolver) -> bool:
    """The small tagger's organisation is a person the article names elsewhere."""
    last = ent[-1].text
    return last in resolver.surnames or any(
        e.label_ == "PERSON" and e[-1].text == last for e in ent.doc.ents
    )


def _trim(phrase: SpacySpan) -> SpacySpan:
    """The phrase without trailing punctuation."""
    end = phrase.end
    while end > phrase.start and (phrase.doc[end - 1].is_punct or phrase.doc[end - 1].is_space):
        end -= 1
    return phrase.doc[phrase.start : end]


def _named(tok: Token) -> SpacySpan | None:
    """The name ``tok`` heads (an organisation, product or law, or an untagged proper noun)."""
    for ent in tok.doc.ents:
        if ent.root.i == tok.i:
            return ent if ent.label_ in _DEFINED else None
    if tok.pos_ != "PROPN" or tok.ent_type_:
        return None
    return proper_name(tok)


def _title_cut(name: SpacySpan) -> bool:
    """The name may have lost its first word to the sentence opening ("In Bloom, a Georgian
    drama ...": the tagger reads "In" as a preposition)."""
    if name.start == 0:
        return False
    before = name.doc[name.start - 1]
    return bool(before.is_sent_start) and before.text[:1].isupper() and before.lower_ != "the"


def _definitions(analysis: Analysis, resolver: Resolver) -> list[Candidate]:
    """ "What is X?" for the first defined mention of each organisation, product or law."""
    doc = analysis.doc
    out: list[Candidate] = []
    seen: set[str] = set()
    for tok in doc:
        if not any(c.dep_ == "appos" for c in tok.children) or tok.i in resolver.quoted:
            continue
        ent = _named(tok)
        if ent is not None and _title_cut(ent):
            continue
        name = _name_of(ent) if ent is not None else None
        found = _definition(ent) if ent is not None and name else None
        if ent is None or name is None or found is None or name.lower() in seen:
            continue
        phrase = _trim(found)
        head = phrase.root.lemma_.lower()
        if _person(ent, resolver) or (person_noun(phrase) and head not in _COMPANY_NOUNS):
            continue  # a person: "Who is X?" asks that
        if not 2 <= len(phrase) <= _MAX_DEFINITION or any(t.i in resolver.quoted for t in phrase):
            continue
        seen.add(name.lower())
        out.extend(_asked(analysis, f"What is {name}?", "what_is", phrase))
    return out


def _asked(analysis: Analysis, question: str, kind: QAKind, answer: SpacySpan) -> list[Candidate]:
    """The candidate asking ``question``, answered by ``answer`` in its sentence (none if the
    answer cuts a token)."""
    sent = analysis.sentence_at(answer.start_char).span
    made = make_candidate(analysis.doc, question, kind, answer.start_char, answer.end_char, sent)
    return [made] if made is not None else []


def _acronyms(analysis: Analysis) -> list[Candidate]:
    """ "What does NYAG stand for?" answered by "New York Attorney General" when the article
    writes "the New York Attorney General (NYAG)" and uses NYAG again."""
    doc = analysis.doc
    out: list[Candidate] = []
    seen: set[str] = set()
    for t, span in defined_acronyms(doc):
        if t.text in seen or not any(x.text == t.text for x in doc[t.i + 2 :]):
            continue  # asked already, or never used again: nothing to look up
        seen.add(t.text)
        out.extend(_asked(analysis, f"What does {t.text} stand for?", "stands_for", span))
    return out


def reader_candidates(analysis: Analysis, resolver: Resolver) -> list[Candidate]:
    """Every reader question the article answers cleanly."""
    return [*_definitions(analysis, resolver), *_acronyms(analysis)]
