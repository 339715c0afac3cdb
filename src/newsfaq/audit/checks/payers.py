"""Payers: who pays for what, where the original never ties the two.

A rewrite adds a payer to a true sentence in the article's own words: "the roof repairs, which
will be paid for by the Riverways Trust grant", where the article names the grant and the roof
repairs but never together; "temporary homes nearby, paid for by the Hollin Housing
Foundation", where the foundation pays for the building work. Every word is the original's, so
the checks of words pass it. A claim's payment (:func:`payments`: "X pays for Y", "X funds Y",
"Y, paid for by / with / out of X", a grant or budget that "covers" Y) whose payer and thing
paid for the original both names, but in no sentence together nor in two next to each other,
ties two of its facts that it does not tie (``unsupported``, by rule). A payer or thing the
original never names is left to the other checks (a new name, new content words), and one named
by a word that names nothing in particular ("the cost", "the rest", "it") is not judged; nor is
a thing whose sentence gives a sum or speaks of paying ("new lighting will cost £40,000"), as
the original may say who pays through "the cost" in a sentence that does not name the thing
(without that guard the check flagged 3 faithful held-out sentences, in aggregate, for 1 catch).
Payer and thing are matched as written (the word or its lemma), not in near forms.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfaq.audit.align import Aligner, norm_word
from newsfaq.audit.checks.common import CheckResult, Finding, _quote

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["Payment", "check_payers", "payments"]

_PAY_FOR = frozenset({"pay"})
"""Verbs whose thing paid for follows "for" ("pay for the repairs")."""
_FUND = frozenset({"fund", "finance", "bankroll", "underwrite"})
"""Verbs whose object is the thing paid for ("fund the repairs")."""
_COVER = frozenset({"cover", "meet"})
"""Verbs that name a payment only when their subject is money ("the grant will cover ...")."""
_MONEY_NOUNS = frozenset({
    "grant", "fund", "budget", "saving", "money", "insurance", "insurer", "loan", "levy",
    "donation", "award", "income", "proceeds", "reserve", "deposit", "crowdfunder", "appeal",
    "sponsorship", "subsidy", "fee", "compensation", "payout", "bequest", "legacy",
})  # fmt: skip
_SOURCE_PREPS = frozenset({"by", "with", "from", "out", "through"})
_VAGUE = frozenset({
    "cost", "bill", "rest", "remainder", "balance", "share", "part", "total", "sum", "amount",
    "work", "scheme", "project", "plan", "it", "this", "that", "which", "they", "them", "what",
    "everything", "most", "some", "all", "card", "cash", "cheque", "instalment", "pair", "lot",
})  # fmt: skip
"""Heads that name no particular payer or thing paid for ("the cost", "the rest", "by card")."""
_COUNTED = frozenset({"MONEY", "PERCENT", "CARDINAL", "QUANTITY", "DATE", "TIME"})


@dataclass(frozen=True)
class Payment:
    """One payment a sentence states: the verb, who or what pays, and what is paid for."""

    verb: Token
    payer: Token
    item: Token


def _antecedent(tok: Token) -> Token:
    """A relative pronoun stands for the noun its clause describes ("repairs, which ...")."""
    if tok.lower_ in {"which", "that", "who"} and tok.head.dep_ == "relcl":
        return tok.head.head
    return tok


def _pobjs(verb: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the verb's prepositions in ``preps`` ("out of" read through its "of")."""
    out = []
    for c in verb.children:
        if c.dep_ not in {"prep", "agent"} or c.lower_ not in preps:
            continue
        for g in c.children:
            if g.dep_ == "pobj":
                out.append(g)
            elif g.dep_ == "prep" and g.lower_ == "of":  # "out of the grant"
                out.extend(x for x in g.children if x.dep_ == "pobj")
    return out


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in {"acl", "relcl", "advcl"}
    )


def _passive_payment(verb: Token) -> tuple[Token | None, Token | None]:
    """(payer, item) of "Y is paid for by X", "Y, paid for with X", "Y, which will be funded
    from X"."""
    sources = _pobjs(verb, _SOURCE_PREPS)
    payer = sources[0] if sources else None
    subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if subj:
        item: Token | None = subj[0]
    elif verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        item = verb.head  # "soil tests, paid for by the district council"
    elif verb.dep_ == "advcl":
        # "will be offered temporary homes nearby, paid for by X": the participle describes
        # what the clause's verb acts on
        acted = sorted(
            (c for c in verb.head.children if c.dep_ in {"dobj", "nsubjpass"}),
            key=lambda c: c.dep_ != "dobj",
        )
        item = acted[0] if acted else None
    else:
        item = None
    return payer, item


def _active_payment(verb: Token) -> tuple[Token | None, Token | None]:
    """(payer, item) of "X pays for Y", "X funds Y", "the grant covers Y"."""
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    lemma = norm_word(verb.lemma_)
    if lemma in _PAY_FOR:
        things = _pobjs(verb, frozenset({"for"}))
    else:
        things = [c for c in verb.children if c.dep_ == "dobj"]
    return (subj[0] if subj else None), (things[0] if things else None)


def payments(span: Iterable[Token]) -> list[Payment]:
    """Every payment of ``span`` whose payer and thing paid for are nouns that name something
    in particular."""
    out = []
    for verb in span:
        lemma = norm_word(verb.lemma_)
        if verb.pos_ != "VERB" or lemma not in _PAY_FOR | _FUND | _COVER:
            continue
        if verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children):
            continue  # "funding for 41 GPs", "paying customers"
        payer, item = _passive_payment(verb) if _passive(verb) else _active_payment(verb)
        if payer is None or item is None:
            continue
        payer, item = _antecedent(payer), _antecedent(item)
        if lemma in _COVER and norm_word(payer.lemma_) not in _MONEY_NOUNS:
            continue  # "covered by panels", "the council will meet residents"
        if all(_particular(t) for t in (payer, item)):
            out.append(Payment(verb, payer, item))
    return out


def _particular(tok: Token) -> bool:
    return (
        tok.pos_ in {"NOUN", "PROPN"}
        and norm_word(tok.lemma_) not in _VAGUE
        and tok.ent_type_ not in _COUNTED
    )


def _keys(tok: Token) -> list[str]:
    """The phrase's head and its compound words ("Riverways Trust grant": grant, riverways,
    trust), head first."""
    compounds = [c for c in tok.children if c.dep_ == "compound" and c.pos_ in {"NOUN", "PROPN"}]
    words = [tok, *compounds]
    return [norm_word(t.lemma_.lower()) for t in words]


def _sentences_naming(keys: list[str], aligner: Aligner) -> set[int] | None:
    """Ids of the original's sentences that name the phrase (its head, and a compound word
    when it has one the original uses); None when the original never names its head."""
    head, extra = keys[0], keys[1:]
    words = [index.words for index in aligner.sentence_index]  # as written, no near forms
    with_head = {i for i, w in enumerate(words) if head in w}
    if not with_head:
        return None
    used = [k for k in extra if any(k in w for w in words)]
    if not used:
        return with_head
    return {i for i in with_head if any(k in words[i] for k in used)} or with_head


def check_payers(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """Record a payment of the claim whose payer and thing paid for the original names only
    apart (in no sentence together nor in two next to each other), where no sentence that
    names the thing speaks of money."""
    found = payments(claim)
    if not found:
        return
    for p in found:
        payers = _sentences_naming(_keys(p.payer), aligner)
        items = _sentences_naming(_keys(p.item), aligner)
        if payers is None or items is None:
            continue
        if any(abs(i - j) <= 1 for i in payers for j in items):
            continue
        if any(_speaks_of_money(aligner.sentences[i].span) for i in items):
            continue  # "the lighting will cost £40,000": who meets "the cost" may be told apart
        out.findings.append(
            Finding(
                "payers",
                "unsupported",
                f"who pays: the original never says {_quote(_phrase(p.payer))} pays for "
                f"{_quote(_phrase(p.item))}",
            )
        )
        return


_MONEY_WORDS = _PAY_FOR | _FUND | _COVER | _MONEY_NOUNS | {"cost", "bill", "price", "funding"}


def _speaks_of_money(span: Iterable[Token]) -> bool:
    """The sentence gives a sum or speaks of paying: the original may say who pays for its
    thing in another sentence through a word such as "the cost" or "the money"."""
    return any(t.ent_type_ == "MONEY" or norm_word(t.lemma_.lower()) in _MONEY_WORDS for t in span)


def _phrase(tok: Token) -> str:
    """The noun with its modifiers before it ("the Riverways Trust grant")."""
    left = [t for t in tok.lefts if t.dep_ in {"compound", "amod", "poss", "det", "nummod"}]
    start = min([t.left_edge.i for t in left] + [tok.i])
    return tok.doc[start : tok.i + 1].text
