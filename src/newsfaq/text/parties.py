"""The parties an article names, built once per parse: who is who, by every name and noun.

A party is a person or a body the article names ("Brightfold", "Irena Sobczak"), with the
words of every name it goes by (a surname, a short form) and the common nouns the article
describes it by: an apposition ("Brightfold, a Manchester-based startup"; "the resort's
operator, Carnmore Leisure") or a title before the name ("former national champion Irena
Sobczak", "bus operator Carrowline"), what a relative clause says it does ("Carnmore Leisure,
which runs the resort": its operator), the object of an attack ("the victim"), and the last
word of its name ("the unit" for "the National Bee Unit"). A definite description of the
article ("the company", "the unit", "the resort's operator") is resolved to a party: the one
last named before it that the article describes by that noun, else (a lead's "the operator of
the mine said") the first named after it so described, else, for a noun that only says "a
business" ("the company", "the firm"), the body named most often before it.

The audit reads the table to tell whether a rewrite's "Brightfold said" and the original's
"the company said" are one party (:func:`same_party`), instead of comparing the two phrases'
words. It is the first step of the article entity table of docs/design.md.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

from newsfaq.text.facts import NAME_TITLES, TITLES

__all__ = [
    "COMPANY_SUFFIXES",
    "Party",
    "PartyTable",
    "other_party",
    "party_table",
    "same_party",
]

_NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "FAC", "NORP"})
COMPANY_SUFFIXES = frozenset({"ltd", "limited", "plc", "inc", "llc", "llp", "co", "corp"})
"""Words that close a company's name ("Kestrel Airport Ltd"): "the airport" is its noun."""
_BUSINESS = frozenset({"company", "firm", "business", "group", "organisation", "organization"})
"""Nouns that say only that something is a body: "the company" is the body most talked of."""
_BODY_NOUNS = _BUSINESS | frozenset({
    "startup", "start-up", "retailer", "chain", "bank", "lender", "insurer", "airline",
    "operator", "supplier", "manufacturer", "maker", "developer", "charity", "trust", "council",
    "authority", "agency", "regulator", "club", "union", "association", "society", "board",
    "institute", "foundation", "consultancy", "contractor", "publisher", "broadcaster",
})  # fmt: skip
"""Nouns that describe a body, not a person: a party described so is a body."""


def _key(text: str) -> str:
    """A word as the table keeps it: lower case, no accents, no possessive ending."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return text[:-2] if text.endswith("'s") else text


@dataclass
class Party:
    """One person or body of the article: its name words, descriptor nouns and mentions."""

    names: set[str]
    nouns: set[str] = field(default_factory=set)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    labels: Counter[str] = field(default_factory=Counter)

    @property
    def body(self) -> bool:
        """Read as an organisation: tagged so more than anything else, or described so."""
        if self.nouns & _BODY_NOUNS:
            return True
        return bool(self.labels) and self.labels.most_common(1)[0][0] == "ORG"

    def first(self) -> int:
        return self.mentions[0][0] if self.mentions else 0


@dataclass
class PartyTable:
    """The parties of one article and, by token index, which party a phrase of it stands for."""

    parties: list[Party]
    at_token: dict[int, int]

    def at(self, i: int) -> Party | None:
        """The party the original's token ``i`` names or (a definite description) stands for."""
        k = self.at_token.get(i)
        return self.parties[k] if k is not None else None

    def named(self, words: set[str]) -> list[Party]:
        """Parties whose names hold all of ``words`` (name words, as :func:`_key` gives them)."""
        return [p for p in self.parties if words and words <= p.names]

    def described(self, noun: str) -> list[Party]:
        """Parties the article describes by ``noun`` or whose name ends in it."""
        return [p for p in self.parties if noun in p.nouns]


def _name_words(tokens: Sequence[Token] | SpacySpan) -> list[str]:
    return [
        _key(t.text)
        for t in tokens
        if t.is_alpha
        and t.pos_ != "DET"
        and _key(t.text) not in NAME_TITLES
        and t.text[:1].isupper()
    ]


def _descriptors(root: Token, start: int) -> set[str]:
    """Common nouns that describe the name headed by ``root`` (starting at token ``start``)."""
    out: set[str] = set()
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            out.add(c.lemma_.lower())  # "Brightfold, a Manchester-based startup"
        if c.dep_ in {"compound", "amod"} and c.i < start and c.pos_ == "NOUN":
            out.add(c.lemma_.lower())  # "bus operator Carrowline", "champion Irena Sobczak"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        out.add(root.head.lemma_.lower())  # "the resort's operator, Carnmore Leisure"
    verb = root.head
    if root.dep_ in {"dobj", "nsubjpass", "npadvmod"} and (
        verb.lemma_.lower() in _HARM_VERBS or verb.lower_ in {"bit", "bitten"}
    ):
        out.add("victim")  # "the dog bit Northway Post worker Claire Imbert"
    for c in root.children:
        # "Carnmore Leisure, which runs the resort": its operator
        if c.dep_ == "relcl" and any(s.dep_ == "nsubj" and s.tag_ == "WDT" for s in c.children):
            agent = _AGENT_NOUNS.get(c.lemma_.lower())
            if agent is not None and any(o.dep_ == "dobj" for o in c.children):
                out.add(agent)
    return out


_HARM_VERBS = frozenset({
    "attack", "bite", "injure", "kill", "rob", "assault", "stab", "shoot", "hit", "strike",
    "defraud", "scam", "burgle", "mug", "maul", "wound",
})  # fmt: skip
"""Verbs whose object the article may call "the victim"."""

_AGENT_NOUNS = {
    "run": "operator", "operate": "operator", "own": "owner", "manage": "manager",
    "employ": "employer", "supply": "supplier", "make": "maker", "build": "builder",
    "develop": "developer", "publish": "publisher", "organise": "organiser",
    "organize": "organiser", "represent": "representative", "lead": "leader",
}  # fmt: skip
"""The noun for the one who does a verb's act to an object ("which runs the resort": the
resort's operator)."""


def _names(doc: Doc) -> list[tuple[int, int, str, Token]]:
    """Every name of the document: start, end, the tagger's label ("" for a run of proper
    nouns it left out: "Brightfold, a Manchester-based startup") and the name's head word."""
    out = [(e.start, e.end, e.label_, e.root) for e in doc.ents if e.label_ in _NAME_LABELS]
    inside = {i for e in doc.ents for i in range(e.start, e.end)}
    for t in doc:
        if t.pos_ != "PROPN" or t.i in inside:
            continue
        if t.dep_ == "compound" and t.head.pos_ == "PROPN":
            continue  # part of the run its head ends
        run = [c.i for c in t.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        start = min([*run, t.i])
        if not any(i in inside for i in range(start, t.i + 1)):
            out.append((start, t.i + 1, "", t))
    return sorted(out, key=lambda n: n[0])


def _build(doc: Doc) -> PartyTable:
    parties: list[Party] = []
    at_token: dict[int, int] = {}
    for start, end, label, root in _names(doc):
        words = _name_words(doc[start:end])
        if not words:
            continue
        found: int | None = None
        for k, p in enumerate(parties):
            # the same name, a short form of it ("Brightfold" for "Brightfold Ltd"), a longer
            # one, or a person's surname ("Sobczak" for "Irena Sobczak")
            if set(words) <= p.names or (
                len(words) > 1 and words[-1] in p.names and label == "PERSON"
            ):
                found = k
                break
        if found is None:
            parties.append(Party(names=set(words)))
            found = len(parties) - 1
        party = parties[found]
        party.names |= set(words)
        party.mentions.append((start, end))
        if label:
            party.labels[label] += 1
        party.nouns |= _descriptors(root, start)
        # "the unit" for "the National Bee Unit", "the airport" for "Kestrel Airport Ltd"
        party.nouns.add(next((w for w in reversed(words) if w not in COMPANY_SUFFIXES), words[-1]))
        for i in range(start, end):
            at_token[i] = found
    for t in doc:
        if t.i in at_token or t.pos_ != "NOUN" or t.ent_type_:
            continue
        if not any(
            (c.dep_ == "det" and c.lower_ == "the") or (c.dep_ == "poss" and c.lower_ != "their")
            for c in t.children
        ):
            continue  # "the company", "its operator", "the resort's operator"
        resolved = _resolve(parties, t)
        if resolved is not None:
            at_token[t.i] = resolved
    return PartyTable(parties=parties, at_token=at_token)


def _resolve(parties: list[Party], noun: Token) -> int | None:
    """The party a definite description ("the company", "the unit") stands for, or None."""
    lemma = noun.lemma_.lower()
    before = [(k, p) for k, p in enumerate(parties) if p.first() < noun.i]
    described = [(k, p) for k, p in before if lemma in p.nouns]
    if described:
        # the last one named before the description
        last = max(described, key=lambda kp: max(s for s, _ in kp[1].mentions if s < noun.i))
        return last[0]
    later = [k for k, p in enumerate(parties) if lemma in p.nouns and p.first() > noun.i]
    if later:
        return later[0]  # a lead's "the resort's operator said", named further on
    if lemma in _BUSINESS:
        bodies = [(k, p) for k, p in before if p.body]
        if bodies:
            counts = [sum(1 for s, _ in p.mentions if s < noun.i) for _, p in bodies]
            best = max(counts)
            if counts.count(best) == 1:
                return bodies[counts.index(best)][0]
    return None


def party_table(doc: Doc) -> PartyTable:
    """The parties of ``doc``, built once per parse (kept in ``doc.user_data``)."""
    table = doc.user_data.get("newsfaq.parties")
    if not isinstance(table, PartyTable):
        table = _build(doc)
        doc.user_data["newsfaq.parties"] = table
    return table


def _claim_parties(phrase: Sequence[Token], table: PartyTable, sentence: SpacySpan) -> list[Party]:
    """The parties of the original a rewrite's phrase may stand for: by its names, else (a
    description, "the company", "the startup") by its head noun: the party the original's
    ``sentence`` calls so, or the one party the article describes so."""
    if any(t.dep_ == "poss" and t.pos_ == "PROPN" for t in phrase):
        return []  # "Halvorsen Data's managing director" is a person of that body, not it
    words = set(_name_words([t for t in phrase if t.pos_ == "PROPN"]))
    if words:
        return table.named(words)
    nouns = [t for t in phrase if t.pos_ == "NOUN" and t.dep_ not in {"compound", "poss"}]
    if not nouns or any(t.dep_ == "poss" and t.pos_ != "PRON" for t in phrase):
        return []  # "Veltra's head of service" is another party than Veltra
    lemma = nouns[-1].lemma_.lower()
    here = {
        id(p): p for t in sentence if t.lemma_.lower() == lemma and (p := table.at(t.i)) is not None
    }
    if len(here) == 1:
        return list(here.values())  # "said the firm was cooperating": the firm of the sentence
    found = table.described(lemma)
    return found if len(found) == 1 else []


def _spoken_for(phrase: Sequence[Token], table: PartyTable) -> list[Party]:
    """The body a titled speaker speaks for ("Halvorsen's managing director, Pieter
    Lindqvist": Halvorsen)."""
    if not any(t.lemma_.lower() in TITLES for t in phrase):
        return []
    owners = [table.at(t.i) for t in phrase if t.dep_ == "poss" and t.pos_ in {"PROPN", "NOUN"}]
    return [p for p in owners if p is not None and p.body]


def other_party(claim_phrase: Sequence[Token], original_phrase: Sequence[Token]) -> bool:
    """Whether a rewrite's phrase names one party of the original and the original's phrase
    another ("the council" where the original has "The Chamber", the Chamber of Trade)."""
    if not claim_phrase or not original_phrase:
        return False
    table = party_table(original_phrase[0].doc)
    theirs = next((p for t in original_phrase if (p := table.at(t.i)) is not None), None)
    mine = _claim_parties(claim_phrase, table, original_phrase[0].sent)
    return theirs is not None and len(mine) == 1 and mine[0] is not theirs


def same_party(claim_phrase: Sequence[Token], original_phrase: Sequence[Token]) -> bool:
    """Whether a rewrite's phrase and the original's phrase (tokens of the original's parse)
    name one party of the original ("Brightfold" and "the company"; "the startup" and
    "Brightfold"; "the firm" and "Halvorsen's managing director")."""
    if not claim_phrase or not original_phrase:
        return False
    table = party_table(original_phrase[0].doc)
    heads = [
        t
        for t in original_phrase
        if t.dep_ not in {"det", "poss", "case", "amod", "compound", "punct"}
    ]
    theirs = None
    for t in [*heads, *original_phrase]:
        theirs = table.at(t.i)
        if theirs is not None:
            break
    if theirs is None:
        return False
    meant = [theirs, *_spoken_for(original_phrase, table)]
    mine = _claim_parties(claim_phrase, table, original_phrase[0].sent)
    return any(p is q for p in mine for q in meant)
