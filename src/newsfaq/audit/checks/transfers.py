"""Transfer checks: who gives what to whom, read through verbs of either direction.

"X lends Y to Z", "Z borrows Y from X", "Y on loan from X" and "X provides Y" all name X as the
source of Y. A claim whose source of a thing is the original's recipient of it, or whose
recipient is the original's source, has the transfer turned round ("the county lending its
aircraft to Lorne Province" where the original's aircraft are "on loan from Lorne Province"),
whatever verbs the two texts use. A sale moves two things: the goods from seller to buyer and
the price from buyer to seller ("X bought the site from Y for £7.5m": Y hands over the site, X
pays Y £7.5m). A party the claim names by the article's description of it is read through the
article's party table (:mod:`newsfaq.text.parties`).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from newsfaq.audit.align import norm_word
from newsfaq.audit.checks.common import CheckResult, Finding, _quote, _tokens_of, noun_words
from newsfaq.text.facts import SPEECH_VERBS
from newsfaq.text.nlp import Sentence
from newsfaq.text.numbers import find_numbers
from newsfaq.text.parties import claim_party, party_noun, party_table

__all__ = ["Transfer", "check_transfer", "same_deal", "same_side", "transfers"]

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from newsfaq.text.parties import PartyTable

# the doer hands the thing over ("lends", "provides"); "to X" or a dative is who gets it
_GIVE = frozenset({
    "lend", "loan", "give", "provide", "supply", "sell", "donate", "hand", "transfer",
    "grant", "send", "deliver", "contribute", "pay", "award", "write",
})  # fmt: skip
# verbs of putting money into something ("put £15 million into the fund", "invested £2m in
# the club"): a transfer only when the object is a sum; "into" / "in" is who gets it
_INVEST = frozenset({"put", "invest", "pour", "plough", "sink", "inject"})
# lengths of time, which "for" gives with a payment ("for 15 years") besides what it is for
_PERIODS = frozenset({"year", "month", "week", "day", "hour", "decade", "period", "term"})
# verbs of "X pays Y £N", whose recipient stands between the verb and the sum
_DOUBLE_OBJECT = frozenset({"pay", "give", "lend", "grant", "award"})
# the doer gets the thing ("borrows", "buys", "faces a challenge from X"); "from X" is who hands
# it over
_TAKE = frozenset({
    "borrow", "buy", "receive", "get", "obtain", "acquire", "purchase", "accept", "hire",
    "face", "secure", "win", "raise", "collect",
})  # fmt: skip
# the doer asks to be paid a sum "from X" ("the council is seeking £410,000 from the firm"): a
# transfer only when the thing is money
_TAKE_MONEY = frozenset({"seek", "demand", "claim", "recover"})
# what one who "faces" it pays, not gets ("patients face charges up to 40 per cent higher")
_PAYABLE = frozenset({
    "charge", "fee", "fine", "bill", "cost", "tax", "levy", "penalty", "price", "rent",
    "rise", "increase", "hike",
})  # fmt: skip
# the doer takes a sum from its object ("fined the firm £42,000", "charged residents £30")
_CHARGE = frozenset({"fine", "charge", "bill"})
_CHARGED = frozenset({"fined", "fines", "fining", "charged", "charges", "billed", "bills"})
# what a payment covers, whose holder gets the money ("pay part of Brightfield's legal costs")
_OWED_NOUNS = frozenset({"cost", "bill", "fee", "wage", "salary", "debt", "expense", "pension"})
# verbs of a sale: what the seller hands over is the object; a sum "for" it is the price, which
# goes the other way ("kit hired by the organisers for £1,250": the organisers pay it)
_SALE = frozenset({"sell", "buy", "purchase", "acquire", "hire"})
# either way round, by the preposition: "lease X from Y" takes, "lease X to Y" gives
_EITHER = frozenset({"lease", "rent", "charter"})
# nouns of a transfer whose "from" phrase is the source ("on loan from X", "a gift from X")
_FROM_NOUNS = frozenset({"loan", "gift", "donation", "grant", "lease", "delivery"})
# payments named by who makes them ("a council subsidy", "the government's grant")
_PAID_NOUNS = frozenset({"subsidy", "grant", "donation", "payment", "loan", "bailout"})
# movements: "from X" is where the mover leaves, "to X" (or "at"/"in" after "arrive") where
# it goes ("moved from Ashcombe to Kolvik" against "arrived from Kolvik")
_MOVE = frozenset({
    "move", "arrive", "come", "go", "travel", "relocate", "return", "fly", "sail", "migrate",
})  # fmt: skip
_PARTY_POS = frozenset({"PROPN", "NOUN"})
_CURRENCY = frozenset({"£", "$", "€", "¥"})
# a sum's multiplier the tokenizer splits off ("£2.4m", "£18bn", "£4.8k")
_MULTIPLIERS = frozenset({"m", "bn", "k", "million", "billion", "thousand"})
_RELATIVES = frozenset({"who", "which", "that", "whom"})


@dataclass(frozen=True)
class Transfer:
    """One transfer a sentence states: the words of its source, recipient and thing (each may
    be empty when the sentence does not name it)."""

    source: frozenset[str]
    recipient: frozenset[str]
    thing: frozenset[str]
    source_text: str
    recipient_text: str
    phrase: str
    move: bool = False  # a movement: its "thing" is the mover, who may go unnamed
    # the head words of the source and recipient phrases, to read them through the article's
    # party table ("the consultancy" for Brennock)
    source_head: Token | None = field(default=None, compare=False)
    recipient_head: Token | None = field(default=None, compare=False)


def _words(tok: Token | None, cut: set[int] | frozenset[int] = frozenset()) -> frozenset[str]:
    """The party or thing words of a noun phrase (nouns and names, no pronoun, no figure),
    without the clauses it carries and the tokens ``cut``."""
    if tok is None or tok.pos_ == "PRON":
        return frozenset()
    cut = cut | _clauses_of(tok)
    if not cut:
        return noun_words(tok)
    return frozenset(
        norm_word(t.lemma_) for t in tok.subtree if t.i not in cut and t.pos_ in _PARTY_POS
    )


def _clauses_of(tok: Token) -> set[int]:
    """The tokens of the clauses a noun phrase carries ("Kestrel Homes, which has agreed to pay
    the council ..."): what they say is no part of the party or thing."""
    return {t.i for c in tok.children if c.dep_ in {"relcl", "acl", "advcl"} for t in c.subtree}


def _text(tok: Token | None) -> str:
    if tok is None:
        return ""
    words = [t for t in sorted(tok.subtree, key=lambda t: t.i) if t.dep_ != "case"]
    return " ".join(t.text for t in words)


def _pobj(verb: Token, preps: set[str]) -> Token | None:
    for prep in verb.children:
        if prep.dep_ in {"prep", "dative"} and prep.lower_ in preps:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return obj
    return None


def _from_party(verb: Token, objects: list[Token]) -> Token | None:
    """Who hands over what a verb of taking takes: "from X" on the verb, or on its object
    where the parse hangs it there ("won the contract from the port authority")."""
    found = _pobj(verb, {"from"})
    if found is not None:
        return found
    on_objects = (_pobj(obj, {"from"}) for obj in objects)
    return next((p for p in on_objects if p is not None and p.pos_ in _PARTY_POS), None)


def _doer(verb: Token) -> Token | None:
    """The subject of the verb, the agent of its passive, or the subject of the clause it
    hangs on ("the county lending" parses the county as the subject of "lending" or of the
    clause's head)."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None:
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        if agent is not None:
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None)
    if subj is None and verb.dep_ == "xcomp":
        # "led the council to pay", "ordered the firm to pay": the object of the verb it
        # hangs on does it
        subj = next(
            (
                c
                for c in verb.head.children
                if c.dep_ == "dobj" and c.i < verb.i and c.pos_ != "PRON"
            ),
            None,
        )
    if subj is None and verb.dep_ in {"xcomp", "conj"}:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None and verb.dep_ == "xcomp":
        # "the council could be ordered to pay": the passive subject of the verb it hangs on
        subj = next((c for c in verb.head.children if c.dep_ == "nsubjpass"), None)
    if (
        subj is not None
        and subj.lower_ in _RELATIVES
        and verb.dep_ == "relcl"
        and verb.head.pos_ in _PARTY_POS
    ):
        subj = verb.head  # "Northvale Borough Council, which put £15 million into it"
    return subj


def _thing(verb: Token) -> Token | None:
    """What changes hands: the object, the passive subject, or the subject of the verb a
    passive infinitive hangs on ("the brewery has agreed to be sold")."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.lower_ in _RELATIVES and verb.dep_ == "relcl":
        return verb.head  # "deposits that X had paid to Y": the noun the clause describes
    if obj is None:
        obj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if obj is None and passive and verb.dep_ == "xcomp":
        obj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if (
        obj is None
        and verb.dep_ == "relcl"
        and any(c.dep_ == "nsubj" and c.lower_ not in _RELATIVES for c in verb.children)
    ):
        obj = verb.head  # "the £84,000 the college received": the noun the clause describes
    return obj


def _money(tok: Token | None) -> frozenset[str]:
    """The sum a phrase states, as one thing word ("£1.2 million" -> "money:1200000 GBP"), so
    two texts paying the same sum pay the same thing; empty for a phrase of no sum."""
    if (
        tok is not None
        and tok.pos_ == "NOUN"
        and not tok.ent_type_
        and any(c.dep_ in {"nummod", "compound"} and c.like_num for c in tok.children)
    ):
        # "a £5,000 biosecurity grant", "£1.2m": the sum that counts the thing
        found = find_numbers(tok.doc[tok.left_edge.i : tok.i + 1].text)
        if found and found[-1].kind == "money":
            return frozenset({f"money:{found[-1].normalized}"})
    if tok is None or not (tok.like_num or tok.ent_type_ == "MONEY"):
        return frozenset()
    left, right = tok.left_edge.i, tok.right_edge.i
    if tok.i - left > 4:
        left = tok.i - 4  # the sum's own words, not a clause hung on it
    if left > 0 and tok.doc[left - 1].text in _CURRENCY:
        left -= 1  # "£7.5m" whose "£" the parse hung on the "m"
    found = find_numbers(tok.doc[left : _sum_end(tok)].text)
    if not found or found[-1].kind != "money" or right < tok.i:
        return frozenset()
    return frozenset({f"money:{found[-1].normalized}"})


def _sum_end(tok: Token) -> int:
    """Where a sum whose figure is ``tok`` ends: after its multiplier when the parse made
    that a word of its own ("£2.4m" with "m" read as a verb)."""
    end = tok.i + 1
    return end + 1 if end < len(tok.doc) and tok.doc[end].lower_ in _MULTIPLIERS else end


# money named by what it makes good, sought "from" the one who pays it ("claim damages from X")
_AMENDS_NOUNS = frozenset({"damages", "compensation", "refund", "reimbursement", "costs"})


def _owed(thing: Token | None) -> bool:
    """A thing sought that is money by its name ("damages", "compensation")."""
    return thing is not None and thing.lower_ in _AMENDS_NOUNS


def _objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ == "dobj"]


def _sum_of(verb: Token, objects: list[Token], thing: Token | None) -> Token | None:
    """The sum a verb transfers: a money object, a money thing ("the £84,000 the college
    received", "£5m was paid to the club"), or a sum of its clause the parse hung elsewhere."""
    sum_obj = next((o for o in objects if _money(o)), None)
    if sum_obj is None and _money(thing):
        sum_obj = thing
    lemma = verb.lemma_.lower()
    if sum_obj is None and lemma not in _EITHER and not (lemma in _SALE and thing is not None):
        sum_obj = _clause_sum(verb)  # (a sale's "for £1.1m" is the price, not what is sold)
    return sum_obj


def _recipient(
    verb: Token, objects: list[Token], sum_obj: Token | None, thing: Token | None
) -> Token | None:
    """Who gets what a verb of giving gives: "to X", a dative, the party object before the
    sum ("pay the council £46.5 million"), the passive subject of a sum ("the theatre has been
    awarded £612,000"), or whose costs are paid."""
    recipient = _pobj(verb, {"to"}) or next(
        (c for c in verb.children if c.dep_ == "dative" and c.pos_ in _PARTY_POS), None
    )
    if recipient is None and verb.lemma_.lower() in _INVEST:
        recipient = _pobj(verb, {"into", "in"})  # "put £15 million into the fund"
    if recipient is None and verb.lemma_.lower() in _SALE:
        # "sold the plot to developer Halcrest" with "to" hung on the plot
        on_objects = (_pobj(obj, {"to"}) for obj in objects)
        recipient = next((p for p in on_objects if p is not None and p.pos_ in _PARTY_POS), None)
    if recipient is None and sum_obj is not None:
        recipient = next((o for o in objects if o.i < sum_obj.i and _beside(o, sum_obj)), None)
    if (
        sum_obj is not None
        and sum_obj.dep_ == "dobj"
        and any(c.dep_ == "auxpass" for c in verb.children)
    ):
        recipient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if recipient is None and thing is not None:
        recipient = _holder(thing)
    return recipient


def _transfer(verb: Token) -> Transfer | None:
    """The transfer a verb states, or None for a verb of no transfer."""
    lemma = verb.lemma_.lower()
    objects = _objects(verb)
    thing = _thing(verb)
    if lemma in _SALE and thing is None:
        return None  # "no hut has ever sold for more than £78,500": the subject is what is sold
    sum_obj = _sum_of(verb, objects, thing)
    payee: Token | None = None
    paid_for = _pobj(verb, {"for"}) if lemma == "pay" and sum_obj is None else None
    if paid_for is not None and not paid_for.ent_type_ and paid_for.lemma_.lower() not in _PERIODS:
        # "pay the firm for the replacement": the firm gets paid, the replacement is what for
        # ("pay fees 12% higher for 15 years": the fees are what is paid)
        if thing is not None and thing.dep_ == "dobj" and party_noun(thing):
            payee = thing
        if thing is None or payee is not None:
            thing = paid_for
    # (the tagger's lemma of "fined" may be "fin")
    charged = (lemma in _CHARGE or verb.lower_ in _CHARGED) and sum_obj is not None
    withheld = _withheld(verb)
    if withheld:
        gives = True  # the one who holds it back owes it to the one it is held "from"
    elif lemma in _EITHER:
        gives = _pobj(verb, {"to"}) is not None and _pobj(verb, {"from"}) is None
    elif charged:
        gives = False  # "the council fined the firm £42,000": the firm pays the council
    elif lemma in _GIVE and lemma != "pay" and _a_penalty(sum_obj or thing):
        return None  # "delivered its judgment: a fine of £3.4 million": imposed, not paid
    elif lemma in _GIVE or (lemma in _INVEST and sum_obj is not None):
        gives = True
    elif lemma == "face" and thing is not None and norm_word(thing.lemma_) in _PAYABLE:
        return None  # a charge one faces is one one pays: no thing handed to the doer
    elif lemma in _TAKE or (lemma in _TAKE_MONEY and (sum_obj is not None or _owed(thing))):
        gives = False
    else:
        return None
    doer = _doer(verb)
    hung = _hung_agent(verb)
    if hung is not None:
        doer = hung  # "is paid to Westlink by the authority", the agent hung on Westlink
    elif any(c.dep_ == "auxpass" for c in verb.children) and not any(
        c.dep_ == "agent" for c in verb.children
    ):
        doer = None  # "the buses were leased": no doer named
    if sum_obj is not None:
        thing = sum_obj
    if gives and sum_obj is None and lemma in _DOUBLE_OBJECT:
        linear = _linear_payment(verb, doer)
        if linear is not None:
            return linear
    if withheld:
        source, recipient = doer, _withheld_from(verb)
    elif gives:
        source, recipient = doer, payee or _recipient(verb, objects, sum_obj, thing)
    elif charged:
        source = next((o for o in objects if o is not sum_obj and o.pos_ in _PARTY_POS), None)
        recipient = doer
    else:
        source, recipient = _from_party(verb, objects), doer
    frame = _frame(verb, source, recipient, thing, sums=_money(sum_obj))
    if lemma == "write" and not frame.thing:
        frame = replace(frame, thing=frozenset({"letter"}))  # "had written to the council"
    if hung is not None and recipient is not None and hung.head.head.i == recipient.i:
        cut = {t.i for t in hung.head.subtree}  # the "by" phrase is no part of the recipient
        words = [t for t in recipient.subtree if t.i not in cut]
        frame = replace(
            frame,
            recipient=frozenset(norm_word(t.lemma_) for t in words if t.pos_ in _PARTY_POS),
            recipient_text=" ".join(t.text for t in words if t.dep_ != "punct"),
        )
    if recipient is not None and sum_obj is not None and sum_obj.head.i == recipient.i:
        # the sum hung on the party as an apposition: the party is the words before it
        cut = {t.i for t in sum_obj.subtree}
        words = [t for t in recipient.subtree if t.i not in cut]
        frame = replace(
            frame,
            recipient=frozenset(norm_word(t.lemma_) for t in words if t.pos_ in _PARTY_POS),
            recipient_text=" ".join(t.text for t in words if t.dep_ != "punct"),
        )
    return frame


def _withheld(verb: Token) -> bool:
    """A payment held back ("withheld £95,000 from the firm", "is being held back from X"):
    the doer owes what it holds back to the party it holds it back from."""
    lemma = verb.lemma_.lower()
    return lemma == "withhold" or (lemma == "hold" and _back(verb) is not None)


def _back(verb: Token) -> Token | None:
    """The "back" of "hold back" (a particle, or an adverb the "from" phrase may hang on)."""
    return next(
        (c for c in verb.children if c.dep_ in {"prt", "advmod"} and c.lower_ == "back"), None
    )


def _withheld_from(verb: Token) -> Token | None:
    """Whom a payment is held back from: "from X" on the verb or on its "back"."""
    back = _back(verb)
    return _pobj(verb, {"from"}) or (_pobj(back, {"from"}) if back is not None else None)


_PENALTIES = frozenset({"fine", "penalty", "charge", "levy", "surcharge"})


def _a_penalty(tok: Token | None) -> bool:
    """The thing handed over is a penalty, or a sum of one ("a fine of £3.4 million"): what
    the giver imposes, which the other side pays."""
    for _ in range(4):  # "3.4" -> "million" -> "of" -> "fine"
        if tok is None:
            return False
        if tok.pos_ == "NOUN" and norm_word(tok.lemma_) in _PENALTIES:
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _hung_agent(verb: Token) -> Token | None:
    """The agent of a passive verb of giving that the parse hung on its "to" party ("£38m is
    paid to Westlink by the authority": "by" under "Westlink"), or None."""
    if not any(c.dep_ == "auxpass" for c in verb.children) or any(
        c.dep_ == "agent" for c in verb.children
    ):
        return None
    to = _pobj(verb, {"to"})
    by = (
        next((c for c in to.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        if to
        else None
    )
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _linear_payment(verb: Token, doer: Token | None) -> Transfer | None:
    """ "Pennine paid operator Calder Citylink £1.3 million" read by word order where the parse
    found no sum of the verb (it made "paid" a modifier of "operator", or hung the sum on a
    later clause): the names between the verb and the sum that follows it, with no verb
    between, get the sum; the subject (or the name just before) pays it."""
    sent = verb.sent
    sum_tok = next(
        (
            t
            for t in verb.doc[verb.i + 1 : min(verb.i + 9, sent.end)]
            if t.ent_type_ == "MONEY" and t.like_num and _money(t)
        ),
        None,
    )
    if sum_tok is None:
        return None
    start = sum_tok.i
    while start > verb.i + 1 and verb.doc[start - 1].ent_type_ == "MONEY":
        start -= 1
    if any(t.pos_ in {"VERB", "AUX"} for t in verb.doc[verb.i + 1 : start]):
        return None
    between = [t for t in verb.doc[verb.i + 1 : start] if t.pos_ in _PARTY_POS]
    if doer is None and verb.i > sent.start and verb.doc[verb.i - 1].pos_ == "PROPN":
        doer = verb.doc[verb.i - 1]
    if not between or doer is None or doer.pos_ not in _PARTY_POS:
        return None
    return Transfer(
        _words(doer),
        frozenset(norm_word(t.lemma_) for t in between),
        _money(sum_tok),
        _text(doer),
        " ".join(t.text for t in between),
        " ".join(t.text for t in verb.doc[verb.i : _sum_end(sum_tok)]),
        source_head=doer,
    )


def _clause_sum(verb: Token) -> Token | None:
    """A sum of the verb's own clause the parse hung elsewhere ("paid the consultancy
    £84,000 last autumn" parsed with the sum on "autumn"): the first sum whose heads reach the
    verb before any other verb."""
    for tok in verb.subtree:
        if tok.ent_type_ != "MONEY" or not tok.like_num or not _money(tok):
            continue
        head = tok.head
        while head.i != verb.i and head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
            head = head.head
        if head.i == verb.i:
            return tok
    return None


def _beside(party: Token, sum_tok: Token) -> bool:
    """A party object that stands beside the sum, not one the sum measures ("pay an average
    of £560"); the parse may hang the sum on it as an apposition ("paid its contractor, X,
    an extra £300,000")."""
    if party.pos_ not in _PARTY_POS:
        return False
    return sum_tok.i > party.right_edge.i or (sum_tok.head.i == party.i and sum_tok.dep_ == "appos")


def _holder(thing: Token) -> Token | None:
    """The party whose costs or bill a payment covers ("pay part of Brightfield's legal
    costs"): the money goes to that party's account."""
    for t in thing.subtree:
        if t.lemma_.lower() in _OWED_NOUNS and t.pos_ == "NOUN":
            poss = next((c for c in t.children if c.dep_ == "poss"), None)
            if poss is not None and poss.pos_ in _PARTY_POS:
                return poss
    return None


def _frame(
    verb: Token,
    source: Token | None,
    recipient: Token | None,
    thing: Token | None,
    move: bool = False,
    sums: frozenset[str] = frozenset(),
) -> Transfer:
    """The transfer (or movement) a verb states between these phrases; ``sums`` the sum paid,
    which stands for the thing when the verb pays money."""
    parties = [p for p in (source, recipient) if p is not None]
    cut: set[int] = set()
    if thing is not None and parties:
        # "the plot to developer Halcrest" hung together by the parse: the party is no part
        # of the thing, nor is a sale's price ("the plot ... for £1.1m")
        cut = {t.i for p in parties if thing.is_ancestor(p) for t in p.subtree}
        cut |= {
            t.i
            for c in thing.subtree
            if c.dep_ == "prep" and c.lower_ == "for" and c.i > thing.i
            for t in c.subtree
        }
    thing_words = _words(thing, cut)
    if thing is not None and thing.i == verb.head.i and verb.dep_ == "relcl":
        # "a charity the council hired": the noun, not the clause that describes it
        inner = {t.i for t in verb.subtree}
        thing_words = frozenset(
            norm_word(t.lemma_) for t in thing.subtree if t.i not in inner and t.pos_ in _PARTY_POS
        )
    return Transfer(
        _words(source),
        _words(recipient),
        sums or thing_words,
        _text(source),
        _text(recipient),
        " ".join(t.text for t in verb.subtree)[:80],
        move=move,
        source_head=source,
        recipient_head=recipient,
    )


def _loan_phrase(noun: Token) -> Transfer | None:
    """ "aircraft on loan from X", "a gift from X": X is the source of the noun the phrase
    hangs on."""
    if noun.lower_ not in _FROM_NOUNS and noun.lemma_.lower() not in _FROM_NOUNS:
        return None
    source = _pobj(noun, {"from"})
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if source is None and nxt is not None and nxt.lower_ == "from":
        # the parse may hang "from X" on an earlier noun ("helicopters and aircraft on loan
        # from X"): the words still say where the loan comes from
        source = next((c for c in nxt.children if c.dep_ == "pobj"), None)
    if source is None:
        return None
    holder = noun.head
    if noun.dep_ == "pobj" and holder.dep_ == "prep":
        holder = holder.head  # "aircraft [on [loan from X]]"
    if holder.pos_ not in _PARTY_POS:
        return None
    # the thing is the noun and what precedes it ("two water-bombing aircraft"), not the loan
    before = [t for t in holder.subtree if t.i <= holder.i]
    thing = frozenset(norm_word(t.lemma_) for t in before if t.pos_ in _PARTY_POS)
    phrase = " ".join(t.text for t in before)
    return Transfer(
        _words(source), frozenset(), thing, _text(source), "", phrase, source_head=source
    )


def _movement(verb: Token) -> Transfer | None:
    """ "moved from X to Y", "arrived at Y from X": X the start, Y the end, the subject the
    mover."""
    if verb.lemma_.lower() not in _MOVE:
        return None
    start = _place(_pobj(verb, {"from"}))
    ends = {"to", "into"} | ({"at", "in"} if verb.lemma_.lower() == "arrive" else set())
    end = _place(_pobj(verb, ends))
    if start is None and end is None:
        return None
    return _frame(verb, start, end, _doer(verb), move=True)


def _place(obj: Token | None) -> Token | None:
    """A place or party a movement goes from or to, not a time or a figure ("from 2019")."""
    if obj is None or obj.like_num or obj.ent_type_ in {"DATE", "TIME", "CARDINAL", "MONEY"}:
        return None
    return obj if obj.pos_ in _PARTY_POS else None


def _paid_noun(noun: Token) -> Transfer | None:
    """ "a council subsidy", "the government's grant": the party that pays it."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _PAID_NOUNS:
        return None
    payer = next(
        (c for c in noun.children if c.dep_ in {"compound", "poss"} and c.pos_ in _PARTY_POS),
        None,
    )
    if payer is None:
        return None
    return Transfer(
        _words(payer), frozenset(), frozenset({norm_word(noun.lemma_)}), _text(payer), "", noun.text
    )


def transfers(tokens: Sequence[Token] | SpacySpan) -> Iterator[Transfer]:
    """Every transfer the tokens state, through verbs, loan and payment phrases and
    movements."""
    for t in tokens:
        if t.pos_ in {"VERB", "AUX"}:
            found = _transfer(t) or _movement(t)
        else:
            found = _loan_phrase(t) or _paid_noun(t)
        if found is not None and (found.source or found.recipient):
            yield found
            price = _price(t, found) if t.pos_ == "VERB" else None
            if price is not None:
                yield price


def _price(verb: Token, goods: Transfer) -> Transfer | None:
    """The money a sale's price moves, the other way round from the goods: "sold the site to
    Ardent for £7.5m" and "bought the site from Halvern for £7.5m" both have the buyer paying
    the seller the sum."""
    # (``goods`` came from :func:`_transfer`, which reads no sale without a thing sold)
    if verb.lemma_.lower() not in _SALE or goods.move:
        return None
    sum_tok = _clause_sum(verb)
    if sum_tok is None or goods.thing == _money(sum_tok):
        return None
    return Transfer(
        goods.recipient,
        goods.source,
        _money(sum_tok),
        goods.recipient_text,
        goods.source_text,
        goods.phrase,
        source_head=goods.recipient_head,
        recipient_head=goods.source_head,
    )


def _turned_round(mine: Transfer, theirs: Transfer) -> bool:
    """The claim's source is the original's recipient or its recipient the original's source,
    and no party is on the same side in both. A word the original has on both sides ("the
    Harwick Library Foundation ... has agreed to pay the library") names no side."""
    both = theirs.source & theirs.recipient
    if (mine.recipient & theirs.recipient) - both:
        return False  # the same recipient ("pay off the station's debts" both times)
    if mine.recipient & theirs.thing and mine.thing & theirs.recipient:
        return True  # buyer and bought swapped ("Y agreed to buy X" for "Y is sold to X")
    if mine.thing and theirs.thing and not mine.thing & theirs.thing:
        return False  # another thing changes hands
    if (mine.source & theirs.source) - both:
        return False
    return bool((mine.source & theirs.recipient or mine.recipient & theirs.source) - both)


def check_transfer(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """Who gives to whom turned round, whatever the verbs (see the module's doc)."""
    mine = [t for t in transfers(claim) if t.thing or t.move]
    if not mine:
        return
    theirs = [t for t in transfers(_tokens_of(ev)) if t.thing or t.move]
    for m in mine:
        for o in theirs:
            if m.move == o.move and (_turned_round(m, o) or _parties_turned(m, o)):
                out.findings.append(_finding(m, o))
                return
    for m in mine:
        if any(m.source & o.source and m.thing & o.thing for o in theirs):
            continue  # the original also has the claim's giver hand it over
        for o in theirs:
            if _another_giver(m, o):
                out.findings.append(_another_party(m, o, gives=True))
                return
    for m in mine:
        for o in theirs:
            if _another_recipient(m, o):
                out.findings.append(_another_party(m, o, gives=False))
                return


def _another_party(m: Transfer, o: Transfer, *, gives: bool) -> Finding:
    """Another party of the article on one side of the same transfer: the giver
    (:func:`_another_giver`) or the one who gets it (:func:`_another_recipient`)."""
    mine, theirs = (m.source_text, o.source_text) if gives else (m.recipient_text, o.recipient_text)
    does = "giving" if gives else "getting"
    return Finding(
        "roles",
        "contradicted",
        f"who {'gives' if gives else 'gets'} it: the claim has {_quote(_party_text(mine))} "
        f"{does} it ({_clean(m.phrase)}); the original has {_quote(_party_text(theirs))} "
        f"({_clean(o.phrase)})",
        counterpart=True,
    )


def _party_text(text: str) -> str:
    """A party's words without what the parse hung on it after a comma ("St Aldric 's,
    payable once ...")."""
    return _clean(text.split(" ,")[0])


_ANY_THING = frozenset({"structure", "site", "building", "property", "land", "asset", "business"})
"""Nouns that name any thing sold ("the 1889 structure" for "the 1889 pier")."""


def _another_recipient(mine: Transfer, theirs: Transfer) -> bool:
    """The giver the original names hands the same thing (or a thing named by what it is) to
    another party of the article in the claim ("the pier company sold the structure to the
    lender" where it sold the pier to Bluewater): the claim's recipient is a name the article's
    party table reads as one party, not the original's recipient."""
    if mine.move or theirs.move or not mine.recipient or not theirs.recipient:
        return False
    if not mine.source & theirs.source or mine.recipient & theirs.recipient:
        return False
    if not (mine.thing & theirs.thing or (mine.thing and mine.thing <= _ANY_THING)):
        return False
    head, other = mine.recipient_head, theirs.recipient_head
    if head is None or other is None or head.pos_ != "PROPN":
        return False
    table = party_table(other.doc)
    mine_k = _claimed_party(table, head, other.sent)
    return mine_k is not None and mine_k != _original_party(table, other)


def _another_giver(mine: Transfer, theirs: Transfer) -> bool:
    """The same thing (or the same party paid) is handed over by another party of the article in
    the claim ("Vantage Patrols has been paid by the Friends of Linden Park" where the council
    paid Vantage Patrols): the claim's giver, the doer of its verb, is a name the article's
    party table reads as one party, and the original's giver is another party of the table or a
    body the article never names ("the council"); the recipient, when both name one, is the
    same."""
    if mine.move or theirs.move or not mine.source or not theirs.source:
        return False
    if mine.source & theirs.source or not mine.thing & theirs.thing:
        return False
    if mine.recipient and theirs.recipient and not mine.recipient & theirs.recipient:
        return False
    head, other = mine.source_head, theirs.source_head
    if head is None or other is None or head.pos_ != "PROPN" or not _acting(head):
        return False
    table = party_table(other.doc)
    mine_k = _claimed_party(table, head, other.sent)
    theirs_k = _original_party(table, other)
    if mine_k is None:
        return False
    return mine_k != theirs_k if theirs_k is not None else table.unnamed_body(other)


def _acting(head: Token) -> bool:
    """The phrase is the doer of its own verb: its subject (not that of a verb of saying, "X
    said the company had not given ...") or the agent of a passive ("paid by X"); not a party
    read from "from X" or "to X" (a sale's price, "collect prescriptions from X")."""
    if head.dep_ == "pobj":
        return head.head.dep_ == "agent"
    return head.dep_ == "nsubj" and head.head.lemma_.lower() not in SPEECH_VERBS


def _original_party(table: PartyTable, tok: Token | None) -> int | None:
    """The party (its index in the article's table) the original's phrase headed by ``tok``
    names or stands for."""
    return table.at_token.get(tok.i) if tok is not None else None


def _claimed_party(table: PartyTable, tok: Token | None, sentence: SpacySpan) -> int | None:
    """The article's party a claim's phrase headed by ``tok`` stands for, read beside the
    original's ``sentence`` (:func:`newsfaq.text.parties.claim_party`)."""
    if tok is None or tok.pos_ not in _PARTY_POS:
        return None
    return claim_party(tok, table, sentence)


def _parties_turned(mine: Transfer, theirs: Transfer) -> bool:
    """The same sum or thing changes hands, and the claim's source is the party the original
    makes its recipient (or the other way) when the claim names a party by the article's
    description of it ("the consultancy has paid the council £4,800" where the council paid
    the consultancy Brennock): read through the article's party table, with no party on the
    same side in both."""
    if mine.move or not mine.thing & theirs.thing:
        return False
    if mine.source & theirs.source or mine.recipient & theirs.recipient:
        return False
    heads = [t for t in (theirs.source_head, theirs.recipient_head) if t is not None]
    if not heads:
        return False
    table = party_table(heads[0].doc)
    sentence = heads[0].sent
    src, rec = (
        _original_party(table, theirs.source_head),
        _original_party(table, theirs.recipient_head),
    )
    my_src = _claimed_party(table, mine.source_head, sentence)
    my_rec = _claimed_party(table, mine.recipient_head, sentence)
    if (my_src is not None and my_src == src) or (my_rec is not None and my_rec == rec):
        return False
    return (my_src is not None and my_src == rec) or (my_rec is not None and my_rec == src)


def _finding(m: Transfer, o: Transfer) -> Finding:
    """The turned-round transfer, in the words of the claim and of the original."""
    if m.recipient & o.thing and m.thing & o.recipient:
        return Finding(
            "roles",
            "contradicted",
            f"who gets what turned round: the claim has {_quote(m.recipient_text)} getting "
            f"the other ({_clean(m.phrase)}); the original has {_quote(o.recipient_text)} "
            f"getting it ({_clean(o.phrase)})",
            counterpart=True,
        )
    if m.recipient & o.source:
        said, given = _side(m.recipient_text, True, m.move), _side(o.source_text, False, m.move)
    else:
        said, given = _side(m.source_text, False, m.move), _side(o.recipient_text, True, m.move)
    what = "direction reversed" if m.move else "who gives to whom turned round"
    return Finding(
        "roles",
        "contradicted",
        f"{what}: the claim has {said} ({_clean(m.phrase)}); the original has {given} "
        f"({_clean(o.phrase)})",
        counterpart=True,
    )


def _side(text: str, gets: bool, move: bool) -> str:
    """A party's side in the words of a transfer ("X getting it") or a movement ("X as the
    end")."""
    party = _party_text(text)
    if move:
        return f"{_quote(party)} as the {'end' if gets else 'start'}"
    return f"{_quote(party)} {'getting' if gets else 'giving'} it"


def _clean(text: str) -> str:
    return " ".join(text.split()).replace(" ,", ",").replace(" .", ".")


def _deals(tokens: Sequence[Token] | SpacySpan) -> list[Transfer]:
    return [t for t in transfers(tokens) if t.thing and not t.move]


def same_side(claim: SpacySpan, ev: Sequence[Sentence], party: frozenset[str]) -> bool:
    """The party stands on the same side of the same transfer in the claim and the evidence,
    whatever the verbs ("Calloway agreed to buy the brewery" and "the brewery is to be sold to
    Calloway": the recipient both times), so naming it by another verb is no role swap."""
    theirs = _deals(_tokens_of(ev))
    return any(
        m.thing & o.thing
        and (
            (party & m.source and party & o.source) or (party & m.recipient and party & o.recipient)
        )
        for m in _deals(claim)
        for o in theirs
    )


def same_deal(claim: SpacySpan, tokens: Sequence[Token]) -> bool:
    """The claim and the tokens state the same transfer: the same thing to the same recipient
    or from the same source, not turned round (a figure on it, "for 38 million dollars", is the
    deal's, whichever party each text makes the subject)."""
    theirs = _deals(tokens)
    return any(
        m.thing & o.thing
        and bool(m.source & o.source or m.recipient & o.recipient)
        and not _turned_round(m, o)
        for m in _deals(claim)
        for o in theirs
    )
