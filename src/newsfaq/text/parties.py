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

The second table holds the article's acts between parties (:func:`party_acts`): for each verb,
the parties that do its act and those that undergo it, read the same way from an active or a
passive clause, a relative clause ("Halverson, which runs the hall"; "Ashgrove, the
consultancy the council hired"), a participle ("a firm hired by the council"), a second verb
that shares its subject, and a verb of intent's complement ("agreed to pay"). The audit reads
a rewrite's clause the same way (:func:`participants`, :func:`claim_party`) and compares.
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
    "ANY_BODY",
    "BOTH_SIDES",
    "COMPANY_SUFFIXES",
    "TIE_NOUNS",
    "Act",
    "Party",
    "PartyTable",
    "act_lemma",
    "claim_parties",
    "claim_party",
    "controller",
    "direction_of",
    "other_party",
    "participants",
    "party_acts",
    "party_noun",
    "party_table",
    "same_party",
    "tie_of",
]

_NAME_LABELS = frozenset({"PERSON", "ORG", "PRODUCT", "FAC", "NORP"})
COMPANY_SUFFIXES = frozenset({"ltd", "limited", "plc", "inc", "llc", "llp", "co", "corp"})
"""Words that close a company's name ("Kestrel Airport Ltd"): "the airport" is its noun."""
ANY_BODY = frozenset({"group", "organisation", "organization", "body"})
"""Nouns for any organisation ("the county body" for the county's bowls association)."""
_BUSINESS = frozenset({"company", "firm", "business", "group", "organisation", "organization"})
"""Nouns that say only that something is a body: "the company" is the body most talked of."""
_BODY_NOUNS = _BUSINESS | frozenset({
    "startup", "start-up", "retailer", "chain", "bank", "lender", "insurer", "airline",
    "operator", "supplier", "manufacturer", "maker", "developer", "charity", "trust", "council",
    "authority", "agency", "regulator", "club", "union", "association", "society", "board",
    "institute", "foundation", "consultancy", "contractor", "publisher", "broadcaster",
    "committee", "commission", "panel", "department", "ministry", "government", "cabinet",
    "tribunal", "federation", "cooperative", "co-operative", "partnership", "alliance",
    "league", "college", "university", "school", "hospital", "hospice", "museum", "theatre",
    "orchestra", "choir", "team",
})  # fmt: skip
"""Nouns that describe a body, not a person: a party described so is a body."""
_PUBLIC_NOUNS = frozenset({
    "council", "authority", "trust", "charity", "association", "society", "club", "union",
    "agency", "regulator", "department", "ministry", "government", "committee", "commission",
    "panel", "tribunal", "school", "college", "university", "hospital", "hospice", "museum",
    "inspectorate", "police", "estate", "foundation", "federation", "league", "choir",
})  # fmt: skip
"""Nouns of bodies that are not businesses: "The company said ..." opening the sentence after
one that names a trust is not the trust."""
_COMMERCIAL = _BUSINESS | frozenset({
    "startup", "start-up", "retailer", "chain", "bank", "lender", "insurer", "airline",
    "operator", "supplier", "manufacturer", "maker", "developer", "consultancy", "contractor",
    "publisher", "broadcaster", "builder", "housebuilder", "brewery", "agent", "agents",
})  # fmt: skip
"""Nouns of businesses: a body described so is what "the company" most likely stands for."""


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

    def unnamed_body(self, tok: Token) -> bool:
        """The token heads a body the article never names: a body noun other than the bare
        "company" or "firm" ("the council" where no party's name or description holds
        "council"), so it is none of the named parties."""
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or lemma not in _BODY_NOUNS or lemma in _BUSINESS:
            return False
        return not any(lemma in p.names or lemma in p.nouns for p in self.parties)


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
            # the same name, a short form of it ("Brightfold" for "Brightfold Ltd"), or a
            # person's surname ("Sobczak" for "Irena Sobczak")
            if (
                set(words) <= p.names
                or (len(words) > 1 and words[-1] in p.names and label == "PERSON")
                or (label == "ORG" and p.names < set(words) and set(p.labels) == {"ORG"})
            ):
                # (and a body's full name after a short form: "FlexPoint" in a headline,
                # "FlexPoint Fitness" in the text)
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
        if t.i in at_token or t.pos_ != "PROPN" or not t.is_alpha:
            continue
        # a name the tagger gives another label there ("Verhelst" read as a place): the one
        # party of that name
        holders = [k for k, p in enumerate(parties) if _key(t.text) in p.names]
        if len(holders) == 1:
            at_token[t.i] = holders[0]
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
    of_thing = _of_named_thing(parties, noun)
    if of_thing is not None:
        return of_thing  # "the operator of the Kelsport to Harrow Island ferry": Bluewake Ferries
    opening = _opening_body(parties, noun)
    if opening is None:
        opening = _lead_body(parties, noun)
    if opening is not None:
        return opening
    if lemma in _BUSINESS:
        bodies = [(k, p) for k, p in before if p.body]
        if bodies:
            counts = [sum(1 for s, _ in p.mentions if s < noun.i) for _, p in bodies]
            best = max(counts)
            tied = [kp for kp, n in zip(bodies, counts, strict=True) if n == best]
            # of bodies named as often, the one the article calls a business ("The company also
            # hired ..." after developer Highfold Renewables, a campaign group and an estate)
            firms = [k for k, p in tied if p.nouns & _COMMERCIAL or p.names & COMPANY_SUFFIXES]
            if len(tied) == 1:
                return tied[0][0]
            if len(firms) == 1:
                return firms[0]
    return None


_DESCRIBING_NOUNS = _BODY_NOUNS | frozenset(_AGENT_NOUNS.values())
"""Nouns a description of a body is headed by: "the trust", "the operator", "the owner"."""


def _of_named_thing(parties: list[Party], noun: Token) -> int | None:
    """The one body whose name holds the thing a description is "of" ("the operator of the
    ferry" for Bluewake Ferries, "the owner of the pier" for the Saltmouth Pier Company), by the
    common noun of that thing; None when no body, or more than one, has it in its name."""
    if noun.lemma_.lower() not in _DESCRIBING_NOUNS:
        return None
    things = {
        w.lemma_.lower()
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ in {"of", "to"}  # "of the Kelsport to ... ferry"
        for w in prep.subtree
        if w.pos_ == "NOUN"
    }
    if not things:
        return None
    holders = [
        k for k, p in enumerate(parties) if p.body and any(_singular(n) in things for n in p.names)
    ]
    return holders[0] if len(holders) == 1 else None


def _singular(word: str) -> str:
    """A name word as its common noun ("ferries" -> "ferry", "piers" -> "pier")."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _opening_body(parties: list[Party], noun: Token) -> int | None:
    """ "The charity said ..." opening the sentence after one that names a single body (the
    Coastal Rescue Trust): that body, described by what it is."""
    sent = noun.sent
    if noun.lemma_.lower() not in _BODY_NOUNS or noun.i - sent.start > 1 or sent.start == 0:
        return None
    named = _bodies_named_in(parties, noun.doc[sent.start - 1].sent)
    if noun.lemma_.lower() in _BUSINESS:
        named = {k for k in named if not parties[k].nouns & _PUBLIC_NOUNS}  # a trust is no company
    return named.pop() if len(named) == 1 else None


def _bodies_named_in(parties: list[Party], sent: SpacySpan) -> set[int]:
    """The bodies (their indices) a sentence names."""
    return {
        k
        for k, p in enumerate(parties)
        if p.body and any(sent.start <= s < sent.end for s, _ in p.mentions)
    }


_LEAD_VERBS = frozenset({"say", "announce", "confirm", "report", "warn", "reveal"})
"""Verbs a news lead credits its report to ("..., the charity said on Monday")."""


def _lead_body(parties: list[Party], noun: Token) -> int | None:
    """ "..., the charity that runs the waterway said" (a lead's credit) before the article
    names any body, followed by a sentence that names a single one (the Inland Waterways
    Trust): that body, described first by what it is. The body then counts as described so
    (``Party.nouns``)."""
    if noun.lemma_.lower() not in _BODY_NOUNS or any(
        p.body and p.first() < noun.i for p in parties
    ):
        return None
    if noun.dep_ != "nsubj" or noun.head.lemma_.lower() not in _LEAD_VERBS:
        return None  # "The council withheld a payment. Halvorsen's director said ...": no lead
    sent = noun.sent
    if sent.end >= len(noun.doc):
        return None
    named = _bodies_named_in(parties, noun.doc[sent.end].sent)
    if len(named) != 1:
        return None
    k = named.pop()
    parties[k].nouns.add(noun.lemma_.lower())
    return k


def party_table(doc: Doc) -> PartyTable:
    """The parties of ``doc``, built once per parse (kept in ``doc.user_data``)."""
    table = doc.user_data.get("newsfaq.parties")
    if not isinstance(table, PartyTable):
        table = _build(doc)
        doc.user_data["newsfaq.parties"] = table
    return table


_ALSO = {"authority": "council"}
"""Nouns that stand for a body described by another noun when the article describes none by
them: "the authority" for the council (a local authority)."""
_SHORT = {"co-op": "cooperative", "co-ops": "cooperative", "co-operative": "cooperative"}
"""Nouns written short (which the tagger may read as names) and the noun they stand for."""


def _claim_parties(
    phrase: Sequence[Token], table: PartyTable, sentence: SpacySpan, *, every: bool = False
) -> list[Party]:
    """The parties of the original a rewrite's phrase may stand for: by its names, else (a
    description, "the company", "the startup") by its head noun: the party the original's
    ``sentence`` calls so, or the one party the article describes so (with ``every``, each
    party it describes so)."""
    if phrase[-1].dep_ != "poss" and any(t.dep_ == "poss" and t.pos_ == "PROPN" for t in phrase):
        return []  # "Halvorsen Data's managing director" is a person of that body, not it
    words = set(_name_words([t for t in phrase if t.pos_ == "PROPN" and t.lower_ not in _SHORT]))
    if words:
        return table.named(words)
    nouns = [
        t
        for t in phrase
        # (a lower-case word the tagger reads as a name, "the bowls association", is a noun)
        if (t.pos_ == "NOUN" or t.lower_ in _SHORT or (t.pos_ == "PROPN" and t.text.islower()))
        and t.dep_ not in {"compound", "poss"}
    ]
    if not nouns or any(t.dep_ == "poss" and t.pos_ != "PRON" for t in phrase):
        return []  # "Veltra's head of service" is another party than Veltra
    lemma = _SHORT.get(nouns[-1].lower_, nouns[-1].lemma_.lower())

    def called(noun: str) -> dict[int, Party]:
        """The parties the original's sentence calls by ``noun``."""
        return {
            id(p): p
            for t in sentence
            if t.lemma_.lower() == noun and (p := table.at(t.i)) is not None
        }

    here = called(lemma) or (called(_ALSO[lemma]) if lemma in _ALSO else {})
    if len(here) == 1:
        return list(here.values())  # "said the firm was cooperating": the firm of the sentence
    found = table.described(lemma) or table.described(_ALSO.get(lemma, lemma))
    return found if len(found) == 1 or every else []


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


_RELATIVE = frozenset({"who", "whom", "which", "that"})
_MEMBER_NOUNS = frozenset({
    "director", "board", "staff", "officer", "official", "spokesperson", "spokesman",
    "spokeswoman", "manager", "executive", "employee", "worker", "trustee", "member",
    "engineer", "team", "lawyer", "solicitor", "inspector", "chief", "chair", "chairman",
    "chairwoman", "head", "leader", "management",
})  # fmt: skip
"""Nouns for people who act for a body: "the company's directors" act as the company; "its
owner", "its supplier" are other parties."""


def controller(verb: Token) -> Token | None:
    """Who does an act a verb of intent or effort governs ("was considering suing", "has
    agreed to pay", "plans to sue"): the governing verb's subject, for an active complement
    with no subject of its own."""
    if verb.dep_ != "xcomp" or verb.head == verb or verb.head.pos_ not in {"VERB", "AUX"}:
        return None
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return None
    if any(c.dep_ == "dobj" for c in verb.head.children):
        return None  # "asked the firm to pay": the object does it
    return next((c for c in verb.head.children if c.dep_ == "nsubj"), None)


def _named(noun: Token) -> Token:
    """The name a noun stands for in apposition: "Ashgrove Environmental, the consultancy" and
    "the accountancy firm, Harrow & Lyle" are the named party."""
    if noun.pos_ == "PROPN":
        return noun
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return noun.head
    if not any(c.dep_ == "cc" for c in noun.children):
        # "its largest customer, catalogue retailer Dunmore & Pike": an apposition the
        # parser reads as a coordination without "and"
        comma = [c for c in noun.children if c.dep_ == "conj" and c.pos_ == "PROPN"]
        if comma and noun.doc[comma[0].left_edge.i - 1].text == ",":
            return comma[0]
    return next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), noun)


def _with_conjuncts(heads: list[Token]) -> list[Token]:
    """The heads and the nouns coordinated with them ("hired X and Y"), not the second half of
    one name ("Harrow & Lyle")."""
    out = list(heads)
    for h in heads:
        out += [c for c in h.children if c.dep_ == "conj" and c.ent_iob_ != "I"]
    return out


def _relative_slots(verb: Token, doers: list[Token], undergoers: list[Token]) -> None:
    """Fill the slot a relative clause's noun takes: "Halverson, which runs the hall" (doer),
    "Severn Vale Water, which the council hired" and "a consultancy the council hired"
    (undergoer, the second with no relative word)."""
    head = verb.head
    rel_doer = [d for d in doers if d.lower_ in _RELATIVE]
    rel_undergoer = [u for u in undergoers if u.lower_ in _RELATIVE]
    if rel_doer:
        doers[:] = [head]
    elif rel_undergoer:
        undergoers[:] = [head]
    elif (
        doers
        and not undergoers
        and not any(c.dep_ == "prep" and not list(c.children) for c in verb.children)
        and not any(c.dep_ in {"ccomp", "xcomp", "attr", "acomp"} for c in verb.children)
    ):
        undergoers[:] = [head]  # a contact clause: "the consultancy the council hired"


def _misread_contact(verb: Token) -> tuple[Token, Token] | None:
    """The subject and the noun of a contact clause the parser misread ("the consultancy the
    council hired" as "the council [that was] hired", or with "the council" in apposition
    to "the consultancy" and "hired" on the consultancy): no "by" phrase, no comma between
    the two nouns."""
    if verb.tag_ != "VBN" or any(c.dep_ in {"agent", "auxpass"} for c in verb.children):
        return None
    noun = verb.head
    doc = noun.doc
    inner = next(
        (
            c
            for c in noun.children
            if c.dep_ == "appos" and noun.i < c.i < verb.i and not doc[c.left_edge.i - 1].is_punct
        ),
        None,
    )
    if inner is not None:
        return inner, noun
    start = noun.left_edge.i
    if start == 0 or not any(c.dep_ == "det" for c in noun.children):
        return None
    prev = doc[start - 1]
    if prev.pos_ not in {"NOUN", "PROPN"} or not prev.is_ancestor(noun):
        return None
    return noun, prev


_REPORTING = frozenset({"say", "add", "confirm", "state", "announce", "explain", "insist"})


def _its_speaker(it: Token) -> Token | None:
    """The body whose statement an "it" doer of a relative clause stands in: "The university
    said the building, which it owns, could be sold" (the university owns it; the "it" of a
    relative clause is not the noun the clause describes). The nearest reporting verb above
    the pronoun, and its subject a body by its name or noun."""
    if it.dep_ != "nsubj" or it.head.dep_ != "relcl":
        return None
    for verb in it.ancestors:
        if verb.pos_ == "VERB" and verb.lemma_ in _REPORTING:
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is None or not (subj.ent_type_ == "ORG" or subj.lemma_.lower() in _BODY_NOUNS):
                return None
            return subj
    return None


def _a_sum(tok: Token) -> bool:
    """A figure the parse made an object ("took the supplier to court over £6,200"): a sum or
    count, no party."""
    return tok.pos_ == "NUM" or (tok.like_num and not tok.is_alpha)


def participants(verb: Token) -> tuple[list[Token], list[Token]]:
    """The heads of the phrases that do ``verb``'s act and that undergo it, pronouns left out
    (whom they stand for is not read here), relative words replaced by their noun and nouns in
    apposition by the name ("police arrested the driver", "the driver was arrested by police",
    "Halverson, which runs the hall", "the consultancy the council hired", "a firm hired by the
    council", "the council hired X and paid Y", "the council agreed to pay Y")."""
    doers: list[Token] = []
    undergoers: list[Token] = []
    for c in verb.children:
        if c.dep_ == "nsubj":
            doers.append(c)
        elif c.dep_ in {"dobj", "nsubjpass", "dative"} and not _a_sum(c):
            undergoers.append(c)
        elif c.dep_ == "agent":
            doers += [p for p in c.children if p.dep_ == "pobj"]
    if any(c.dep_ == "dative" for c in undergoers):
        undergoers = [c for c in undergoers if c.dep_ == "dative"]  # "fined Tollard £3,000"
    if verb.dep_ == "relcl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        _relative_slots(verb, doers, undergoers)
    elif verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN"}:
        contact = _misread_contact(verb)
        if contact is not None:
            doers, undergoers = [contact[0]], [contact[1]]
        elif verb.tag_ == "VBN" and not undergoers:
            undergoers.append(verb.head)  # "a firm hired by the council"
        elif verb.tag_ == "VBG" and not doers:
            doers.append(verb.head)  # "the firm running the hall"
    if not doers and verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        first = verb.head
        if any(c.dep_ == "nsubj" for c in first.children) and not any(
            c.dep_ == "auxpass" for c in verb.children
        ):
            # "the council hired X and paid Y"; "Priya Castellano, who runs two shops and is
            # leading the group"
            doers = participants(first)[0]
    if not doers:
        ctrl = controller(verb)
        if ctrl is not None:
            doers.append(ctrl)
    if (
        not doers
        and verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and verb.head.pos_ == "VERB"
        and not any(c.dep_ == "mark" for c in verb.children)
    ):
        # "the cadets will share the building, subletting two bays to the club": the
        # participle's doer is the subject of the verb it hangs on
        doers += [c for c in verb.head.children if c.dep_ == "nsubj"]
    doers = [_its_speaker(t) or t if t.lower_ == "it" else t for t in doers]
    doers = list(dict.fromkeys(_named(t) for t in _with_conjuncts(doers) if t.pos_ != "PRON"))
    undergoers = list(
        dict.fromkeys(_named(t) for t in _with_conjuncts(undergoers) if t.pos_ != "PRON")
    )
    return doers, undergoers


TIE_NOUNS = frozenset({
    "contract", "deal", "sponsorship", "agreement", "partnership", "lease", "overdraft",
    "facility", "loan", "licence", "license", "arrangement", "franchise", "relationship",
    "membership", "subscription", "tenancy", "alliance",
})  # fmt: skip
"""Nouns for a tie between two parties, which either side may end."""


def tie_of(verb: Token) -> tuple[Token, list[Token]] | None:
    """The tie a verb acts on and the other parties of it, named by the phrase: "ended its
    contract with Calloway" and "withdrew its sponsorship from the club" (the party after
    "with" or "from"), "dropped Holloway's sponsorship" (its owner), "whose contract Calloway
    ended" (the noun "whose" stands for), "pulled the plug on the contract"; None when the
    verb acts on no tie."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    for obj in list(objects):
        if obj.lemma_.lower() == "plug":  # "pulled the plug on X"
            objects += [p for c in obj.children if c.lower_ == "on" for p in c.children]
            objects += [p for c in verb.children if c.lower_ == "on" for p in c.children]
    tie = next((o for o in objects if o.lemma_.lower() in TIE_NOUNS), None)
    if tie is None:
        return None
    others: list[Token] = []
    for prep in [*tie.children, *verb.children]:
        if prep.dep_ == "prep" and prep.lower_ in {"with", "from"}:
            others += [p for p in prep.children if p.dep_ == "pobj" and p.pos_ != "PRON"]
    for poss in tie.children:
        if poss.dep_ != "poss":
            continue
        if poss.lower_ == "whose" and verb.dep_ == "relcl":
            others.append(verb.head)
        elif poss.pos_ != "PRON":
            others.append(poss)
    return tie, [_named(t) for t in others]


_LEGAL_NOUNS = frozenset({
    "claim", "case", "action", "lawsuit", "suit", "proceedings", "challenge", "complaint",
})  # fmt: skip
_LEGAL_VERBS = frozenset({"file", "bring", "launch", "lodge", "issue", "start", "begin"})
_GIVING = {
    "lease": "lease", "let": "lease", "rent": "lease", "sublet": "lease", "sell": "sell",
    "pay": "pay", "lend": "lend", "loan": "lend", "give": "give", "hand": "give",
    "transfer": "give", "donate": "give", "award": "give", "grant": "give",
}  # fmt: skip
"""Verbs of giving (to whom: "leases the tower to the trust") by the kind of act."""
_TAKING = {"lease": "lease", "rent": "lease", "sublet": "lease", "buy": "sell", "borrow": "lend"}
"""Verbs of taking (from whom: "rents the tower from the board") by the kind they are the
other side of: the subject receives, the "from" party gives."""


BOTH_SIDES = frozenset(_GIVING) & frozenset(_TAKING)
"""Verbs both sides of one act do: the landlord leases a building to the tenant, the tenant
leases it from the landlord ("lease", "rent", "sublet")."""

_DIRECTED = frozenset({"sue", "take", *_LEGAL_VERBS, *_GIVING, *_TAKING})
"""Every verb :func:`direction_of` reads."""


_PARTY_ENTS = frozenset({"ORG", "PERSON", "GPE", "NORP"})
"""Entity types of a party to an act."""


_PERSON_SUFFIXES = ("er", "or", "ist", "ant", "ent", "ian")
"""Endings of nouns for one who does something ("buyer", "resident", "consultant")."""


def party_noun(tok: Token) -> bool:
    """The noun may name a party to an act: a name, a body ("the council", "the trust") or one
    who does something ("the buyer", "residents"); not a thing counted ("3,100 fines")."""
    if tok.ent_type_ in _PARTY_ENTS or tok.pos_ == "PROPN":
        return True
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or any(c.dep_ == "nummod" for c in tok.children):
        return False
    return lemma in _BODY_NOUNS or lemma.endswith(_PERSON_SUFFIXES)


def _pobjs(verb: Token, prep: str) -> list[Token]:
    return [
        p
        for c in verb.children
        if c.dep_ in {"prep", "dative"} and c.lower_ == prep
        for p in c.children
        if p.dep_ == "pobj" and p.pos_ != "PRON"
    ]


def direction_of(verb: Token) -> tuple[str, list[Token], list[Token]] | None:
    """An act that goes from one party to another, with its kind and its two sides, read alike
    in its other wordings: "sued X", "took X to court", "filed a claim against X" (kind "sue",
    from the claimant to X); "leases the tower to the trust" and "the trust rents the tower
    from the board" (kind "lease", from the board to the trust); "sold ... to", "bought ...
    from"; "paid ... to", "gave ... to". None for another act."""
    lemma = verb.lemma_.lower()
    if lemma not in _DIRECTED:
        return None
    doers, undergoers = participants(verb)
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma == "sue":
        return "sue", doers, undergoers
    if lemma == "take" and any(p.lemma_.lower() == "court" for p in _pobjs(verb, "to")):
        return "sue", doers, undergoers  # "took the council to court"
    if lemma in _LEGAL_VERBS and any(o.lemma_.lower() in _LEGAL_NOUNS for o in objects):
        against = [
            p
            for o in [*objects, verb]
            for c in o.children
            if c.dep_ == "prep" and c.lower_ == "against"
            for p in c.children
            if p.dep_ == "pobj" and p.pos_ != "PRON"
        ]
        return ("sue", doers, [_named(t) for t in against]) if against else None
    if lemma in _GIVING:
        to = _pobjs(verb, "to") or [c for c in verb.children if c.dep_ == "dative"]
        if to:
            return _GIVING[lemma], doers, [_named(t) for t in to]
    if lemma in _TAKING:
        # "from X" on the verb, or on its object where the parse hangs it there ("to buy the
        # pier from the Saltmouth Pier Company"), when it names a party
        givers = _pobjs(verb, "from") or [
            p for o in objects for p in _pobjs(o, "from") if p.ent_type_ in _PARTY_ENTS
        ]
        if givers:
            return _TAKING[lemma], [_named(t) for t in givers], doers
    return None


def _member_of(noun: Token) -> Token | None:
    """The owner of a member noun ("the company's directors": the company)."""
    if noun.lemma_.lower() not in _MEMBER_NOUNS:
        return None
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)


def _party_index(tok: Token, table: PartyTable) -> int | None:
    """The party (its index in the table) an original's phrase headed by ``tok`` stands for."""
    k = table.at_token.get(tok.i)
    if k is None:
        owner = _member_of(tok)
        k = table.at_token.get(owner.i) if owner is not None else None
    return k


@dataclass(frozen=True)
class Act:
    """One verb of the article with the parties that do and undergo its act; ``open_doer`` /
    ``open_undergoer``: a participant the table does not resolve (or none at all)."""

    verb: int
    lemma: str
    doers: frozenset[int]
    undergoers: frozenset[int]
    open_doer: bool
    open_undergoer: bool
    tie: str = ""
    """The tie the act is on ("contract"), if any (:func:`tie_of`)."""
    kind: str = ""
    """The kind of an act that goes from one party to another (:func:`direction_of`)."""
    givers: frozenset[int] = frozenset()
    """The parties it goes from ("the board" of "the board leases the tower to the trust")."""
    receivers: frozenset[int] = frozenset()
    """The parties it goes to."""
    open_way: bool = False
    """A side of that act the table does not resolve (or none given)."""
    counterparts: frozenset[int] = frozenset()
    """The other parties of that tie the article names with it."""


_HIRING = {("bring", "in"): "hire", ("take", "on"): "hire"}
"""Phrasal verbs that say "hire" ("brought in the auditor", "took the firm on")."""
_HIRE_VERBS = frozenset({"contract", "engage", "commission", "employ", "recruit"})
"""Verbs of taking someone on for work, read as "hire" (an act of the same kind)."""


def act_lemma(verb: Token) -> str:
    """The word an act is compared by: its lemma, or "hire" for the ways of saying it
    ("has been brought in by", "took the firm on", "contracted", "engaged")."""
    lemma = _key(verb.lemma_)
    if lemma in _HIRE_VERBS and any(c.dep_ in {"dobj", "nsubjpass"} for c in verb.children):
        return "hire"
    for c in verb.children:
        if c.dep_ == "prt" and (lemma, c.lower_) in _HIRING:
            return _HIRING[(lemma, c.lower_)]
    return lemma


def party_acts(doc: Doc) -> list[Act]:
    """The acts of ``doc`` between its parties, built once per parse."""
    cached = doc.user_data.get("newsfaq.acts")
    if isinstance(cached, list):
        return cached
    table = party_table(doc)
    acts: list[Act] = []
    for verb in doc:
        if verb.pos_ != "VERB":
            continue
        doers, undergoers = participants(verb)
        d = [_party_index(t, table) for t in doers]
        u = [_party_index(t, table) for t in undergoers]
        tie = tie_of(verb)
        o = [_party_index(t, table) for t in tie[1]] if tie is not None else []
        way = direction_of(verb)
        g = [_party_index(t, table) for t in way[1]] if way is not None else []
        r = [_party_index(t, table) for t in way[2]] if way is not None else []
        acts.append(
            Act(
                verb=verb.i,
                lemma=act_lemma(verb),
                doers=frozenset(k for k in d if k is not None),
                undergoers=frozenset(k for k in u if k is not None),
                open_doer=not d or None in d,
                open_undergoer=not u or None in u,
                tie=tie[0].lemma_.lower() if tie is not None else "",
                counterparts=frozenset(k for k in o if k is not None),
                kind=way[0] if way is not None else "",
                open_way=not g or not r or None in g or None in r,
                givers=frozenset(k for k in g if k is not None),
                receivers=frozenset(k for k in r if k is not None),
            )
        )
    doc.user_data["newsfaq.acts"] = acts
    return acts


def _phrase_of(head: Token) -> list[Token]:
    """The name or noun phrase a head word closes (its compounds, determiner and possessor)."""
    left = [
        c
        for c in head.children
        if c.i < head.i and c.dep_ in {"compound", "det", "poss", "amod", "flat"}
    ]
    return sorted([*left, head], key=lambda t: t.i)


def claim_parties(head: Token, table: PartyTable, sentence: SpacySpan) -> list[int]:
    """The original's parties (their indices) a rewrite's phrase headed by ``head`` may stand
    for, read against the original's ``sentence``: "the museum" where the article has the
    Westmere Maritime Museum and the Friends of Westmere Museum is either; a member noun ("the
    company's directors") is its owner's."""
    owner = _member_of(head)
    phrase = _phrase_of(owner if owner is not None else head)
    found = _claim_parties(phrase, table, sentence, every=True)
    return [k for k, p in enumerate(table.parties) if any(p is f for f in found)]


def claim_party(head: Token, table: PartyTable, sentence: SpacySpan) -> int | None:
    """The original's party (its index) a rewrite's phrase headed by ``head`` stands for (see
    :func:`claim_parties`); None when it stands for none or for more than one."""
    found = claim_parties(head, table, sentence)
    return found[0] if len(found) == 1 else None
