"""Negation and modality checks: a predicate negated, hedged or made certain where the original's
is not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from newsfaq.audit.align import WordIndex, norm_word, synonyms
from newsfaq.audit.meaning import OPPOSITES
from newsfaq.text.nlp import Sentence
from newsfaq.text.wordvec import word_vectors

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token
from newsfaq.audit.checks.common import (
    _ANTONYMS,
    _NEG_WORDS,
    CERTAIN_MODALS,
    CERTAIN_WORDS,
    HEDGE_MODALS,
    HEDGE_WORDS,
    LIGHT_VERBS,
    SAY_VERBS,
    CheckResult,
    Finding,
    _join,
    _phrase,
    _predicates,
    _quote,
    _same_predicate,
    _tokens_of,
    across_semicolon,
    noun_words,
)

_CONTROL_VERBS = frozenset(
    {"let", "allow", "permit", "make", "want", "try", "plan", "intend", "expect", "need", "agree"}
    | {"have", "get", "manage"}
)
"""Verbs whose negation carries to the verb they govern ("will not let families go", "will not
have to revisit", "couldn't get to sleep")."""


def _nor_inverts(nor: Token, verb: Token) -> bool:
    """ "nor" opens the verb's own clause with its inverted auxiliary ("Nor did the fund take",
    "nor will it pay"): not "and nor is the brand: both remain", where it denies another."""
    if nor.i + 1 >= len(nor.doc) or nor.i >= verb.i:
        return False
    after = nor.doc[nor.i + 1]
    between = nor.doc[nor.i : verb.i]
    return (
        after.pos_ == "AUX"
        and (after.head == verb or after == verb)
        and not any(t.text in {":", ";"} for t in between)
    )


def _no_longer(tok: Token) -> bool:
    return any(
        c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in tok.children
    )


_NO_ONE = frozenset({"nobody", "nothing", "none", "noone"})


def _no_one(part: Token) -> bool:
    """A subject, object or complement that is no one: "nobody", "no payment", "there was no
    comment"."""
    return part.dep_ in {"nsubj", "nsubjpass", "dobj", "attr"} and (
        part.lower_ in _NO_ONE or _no_det(part)
    )


def _no_det(noun: Token) -> bool:
    """A noun with "no" as its determiner ("no payment"), or said to be none in other words:
    "not a single staffed hour", "not one person", "zero buses"."""
    kids = list(noun.children)
    return any(
        (g.dep_ == "det" and g.lower_ in {"no", "neither"})  # "neither practice had been able"
        or (g.dep_ == "nummod" and g.lower_ in {"zero", "nil"})
        or (g.dep_ == "nummod" and g.lower_ == "one" and any(x.dep_ == "neg" for x in g.children))
        or (
            g.dep_ == "neg"
            and g.i < noun.i
            and any(
                (x.dep_ in {"det", "amod"} and x.lower_ in {"a", "single", "any"})
                or (x.dep_ == "nummod" and x.lower_ == "one")
                for x in kids
            )
        )
        for g in kids
    )


_OBJECT_COMPLEMENT_VERBS = frozenset({"leave", "keep", "find", "make", "get", "have", "see"})
"""Verbs whose object's participle says what the act leaves it as ("leave them stranded")."""


def _no_participant(tok: Token) -> bool:
    """A subject or object that is no one ("nobody was brought in", "no payment will be
    sought", "had approached no candidates"): the predicate is negated through it. A
    complement's predicate is negated through its head's ("nobody was brought in to replace
    him", "no decision is due")."""
    if any(_no_one(c) for c in tok.children):
        return True
    if any(
        c.dep_ == "prep" and any(g.dep_ == "pobj" and _no_det(g) for g in c.children)
        for c in tok.children
        if c.lower_ in {"for", "to", "with"}
    ):
        return True  # "asked for no payment" says "did not ask for payment"
    purpose = tok.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children
    )
    complement = tok.dep_ in {"xcomp", "acomp", "attr", "oprd"} or purpose
    if tok.dep_ == "acl" and tok.head.i != tok.i and _no_one(tok.head):
        return True  # "has no plans to sell" says "did not plan to sell"
    if (
        tok.dep_ in {"acl", "oprd"}
        and tok.head.dep_ == "dobj"
        and tok.head.head.i != tok.head.i
        and not (
            tok.dep_ == "acl"
            and tok.tag_ in {"VBN", "VBG"}
            and tok.head.head.lemma_.lower() not in _OBJECT_COMPLEMENT_VERBS
        )
    ):
        # "not one person wants to leave them stranded"; a participle that describes the
        # object is not ("neither practice could fill a vacancy advertised for 14 months": the
        # vacancy was advertised)
        return _no_participant(tok.head.head)
    return complement and tok.head.i != tok.i and _no_participant(tok.head)


_NEGATING_ADVERBS = frozenset({"never", "hardly", "scarcely"})


def _first_time(noun: Token) -> bool:
    """ "the first time": "it is not the first time X happened" says X happened before."""
    return noun.lower_ == "time" and any(
        c.dep_ == "amod" and c.lower_ == "first" for c in noun.children
    )


def _negated_above(tok: Token) -> bool:
    """A predicate under a negated one that governs it ("did not expect prices to recover
    enough to justify it"; "is not a decision we have taken"): its own polarity is open."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in {"xcomp", "ccomp", "advcl", "relcl", "acl"} or cur.head == cur:
            return False
        cur = cur.head
        if _first_time(cur):
            return False  # "it would not be the first time it had left": it has left before
        if cur.dep_ in {"attr", "dobj"} and cur.head != cur:
            cur = cur.head  # "a decision [we have taken]" -> "is"
        if _negated(cur):
            return True
    return False


_NOT_ONLY = frozenset({"just", "only", "merely", "simply"})
"""Words after "not" that add to the predicate rather than deny it ("is not just shrinking; it
is thinning" says it is shrinking)."""
_UNABLE_NOUNS = frozenset({"inability", "refusal"})
"""Nouns whose complement does not happen ("their inability to lock in prices")."""


_TIME_ADVERBS = frozenset({"before", "again", "yet", "since"})


def _denies_another(neg: Token, tok: Token) -> bool:
    """A "not" that denies something else than ``tok``: "not the only tender" says there were
    others; "cheap labour, not a training wage" denies the wage, not the labour."""
    doc = neg.doc
    after = [t.lower_ for t in doc[neg.i + 1 : neg.i + 3]]
    if after == ["the", "only"]:
        return True
    if _not_this_but_that(neg, tok):
        return True
    return neg.i > tok.i and tok.pos_ in {"NOUN", "PROPN"} and doc[neg.i - 1].text == ","


def _not_this_but_that(neg: Token, tok: Token) -> bool:
    """ "aren't run by the council but by a contractor", "was not paid in March but in May":
    the "not" denies the phrase that "but" puts another in place of (with the same preposition),
    not the act."""
    doc = neg.doc
    for prep in tok.children:
        if prep.dep_ not in {"prep", "agent"} or prep.i < neg.i:
            continue
        for j in range(prep.i + 1, min(len(doc) - 1, prep.right_edge.i + 3)):
            if doc[j].lower_ == "but" and doc[j + 1].lower_ == prep.lower_:
                return True
    return False


def _rather_than(tok: Token) -> bool:
    """ "keep it rather than take it away", "instead of selling it": the alternative turned
    down."""
    doc = tok.doc
    if any(c.lower_ in _NOT_ONLY for c in tok.children):
        return False  # "thinning rather than merely shrinking": it shrinks too

    def after(word: Token, lead: str) -> bool:
        return word.i > 0 and doc[word.i - 1].lower_ == lead

    if tok.dep_ == "conj":
        return any(
            c.dep_ == "cc" and c.lower_ == "than" and after(c, "rather")
            for c in tok.head.children
            if c.i < tok.i
        )
    if tok.dep_ != "pcomp":
        return False
    return (tok.head.lower_ == "than" and after(tok.head, "rather")) or (
        tok.head.lower_ == "of" and after(tok.head, "instead")
    )


_YET_HEADS = frozenset({"have", "be", "remain"})


_TIME_BOUNDS = frozenset({"before", "until", "till"})
"""Marks of a time bound: "not before X", "not until X" deny the bound, not the event."""


def _denies_time_bound(neg: Token, tok: Token) -> bool:
    """ "not" denies a time bound, not the verb's event: "not before the line has passed an
    inspection", "Not until the units pass tests will it be paid" (the event happens once the
    bound is met, as "only once" says), "will not open before the builders have left" (a
    future verb that governs a clause of "before" or "until"; in the past, "did not consult
    them before it signed" says there was no consulting)."""
    doc = neg.doc
    if neg.i + 1 < len(doc) and doc[neg.i + 1].lower_ in _TIME_BOUNDS:
        return True
    return any(a.lower_ in _FUTURE_AUX for a in tok.children if a.dep_ == "aux") and any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _TIME_BOUNDS for m in c.children)
        for c in tok.children
    )


_FUTURE_AUX = frozenset({"will", "wo", "'ll", "shall", "would"})


def _inverted_nor(tok: Token) -> bool:
    """ "Nor is the arcade expected to open": the parse hangs the participle on the subject of
    the inverted "is", which "nor" opens."""
    head = tok.head
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or head.dep_ != "nsubj" or head.i > tok.i:
        return False
    be = head.head
    return any(c.dep_ == "cc" and c.lower_ == "nor" and _nor_inverts(c, be) for c in be.children)


def _negated(tok: Token) -> bool:
    doc = tok.doc
    if any(
        (
            c.dep_ == "neg"
            and not (c.i + 1 < len(doc) and doc[c.i + 1].lower_ in _NOT_ONLY)
            and not _denies_another(c, tok)
            and not _denies_time_bound(c, tok)
        )
        or c.lower_ in _NEGATING_ADVERBS
        for c in tok.children
    ):
        return True  # "could hardly be worse" says "could not be worse"
    if _inverted_nor(tok):
        return True
    if (
        tok.dep_ == "relcl"
        and tok.head.lower_ in {"something", "anything"}
        and tok.head.dep_ == "attr"
        and _negated(tok.head.head)
    ):
        return True  # "were not something his group opposed" says the group did not oppose
    if _rather_than(tok):
        return True
    if any(
        c.dep_ == "advmod"
        and c.lower_ in _TIME_ADVERBS
        and any(g.dep_ == "neg" for g in c.children)
        for c in tok.children
    ):
        return True  # "had never before left": the parse hangs "never" on "before"
    if tok.dep_ in {"acl", "xcomp"} and tok.head.lemma_.lower() in _UNABLE_NOUNS:
        return True  # "their inability to lock in prices" says "cannot lock in"
    if any(
        c.dep_ in {"acomp", "oprd"} and any(g.dep_ == "neg" for g in c.children)
        for c in tok.children
    ):
        return True  # "pleaded not guilty"
    if any(c.dep_ == "cc" and c.lower_ == "nor" and _nor_inverts(c, tok) for c in tok.children) or (
        tok.dep_ == "conj"
        and any(c.dep_ == "cc" and c.lower_ == "nor" for c in tok.head.children)
        and any(_nor_inverts(c, tok) for c in tok.doc[tok.head.i : tok.i] if c.lower_ == "nor")
    ):
        return True  # "Nor did the fund take any shares"; "did not sign, nor did it pay"
    if _no_longer(tok) or (tok.dep_ == "xcomp" and tok.head != tok and _no_longer(tok.head)):
        return True  # "is no longer on course to meet"
    head = tok.head
    if any(c.dep_ == "mark" and c.lower_ == "unless" for c in tok.children):
        # "unless a deal is reached" says "if no deal is reached"; "no action can go ahead
        # unless the union gives notice" says the union must give it
        return head == tok or not (_negated(head) or _no_participant(head))
    if _no_way(tok) or (tok.dep_ in {"acomp", "attr"} and head != tok and _no_way(head)):
        return True  # "there was no way the meter could be wrong"
    if (
        tok.dep_ in {"pcomp", "acl"}
        and head.lower_ in {"of", "way", "means"}
        and (head.head if head.lower_ == "of" else head).lower_ in {"way", "means"}
        and _no_det(head.head if head.lower_ == "of" else head)
    ):
        return True  # "has no way of paying its staff" says "cannot pay them"
    if (
        tok.dep_ == "pcomp"
        and head.lower_ == "of"
        and any(c.lower_ == "short" for c in head.head.children)
    ):
        return True  # "stopped short of saying" says "did not say"
    if tok.dep_ == "pobj" and _out_of(head.head):
        return True  # "the organ, which is now out of use" says it cannot be used
    if tok.dep_ == "xcomp" and head != tok and head.lower_ == "unlikely":
        return True  # "are unlikely to return" says "will (probably) not return"
    if tok.dep_ == "pcomp" and head.lower_ == "from" and head.head.lemma_.lower() in _BARRING:
        # "barred from drawing water" says "may not draw water"; "unable to stop a pawn
        # from becoming a queen" says it became one
        return not _negated(head.head)
    if (
        tok.dep_ == "nsubjpass"
        and tok.tag_ == "VBG"
        and head.lemma_.lower() in _BARRING
        and not any(c.dep_ == "agent" for c in head.children)
    ):
        return not _negated(head)  # "mooring on the closed stretch has been banned"
    if (
        tok.tag_ == "VBG"
        and tok.dep_ in {"advcl", "xcomp", "ccomp"}
        and head.lemma_.lower() in {"stop", "prevent"}
        and any(c.dep_ == "dobj" for c in head.children)
    ):
        return not _negated(head)  # "stopped the home taking admissions" (no "from"); "kept
        # Kelderdale going" is no such verb: it went on
    if tok.dep_ in {"acomp", "attr"} and head != tok:
        return any(
            (c.dep_ == "neg" and not _denies_another(c, head)) or c.lower_ in _NEGATING_ADVERBS
            for c in head.children
        )
    if tok.dep_ == "xcomp" and head != tok and _failed(head):
        return not _negated(head)  # "failed to reach" says "did not reach"
    if tok.dep_ == "xcomp" and head != tok and head.lower_ in {"unable", "powerless"}:
        return not _negated(head)  # "unable to stop" says "could not stop"
    if (
        tok.dep_ == "xcomp"
        and head != tok
        and head.lemma_ in _YET_HEADS
        and any(c.lower_ == "yet" and head.i < c.i < tok.i for c in head.children)
    ):
        return not _negated(head)  # "have yet to publish" says "have not published"
    if tok.dep_ == "xcomp" and head != tok and head.lemma_ == "be":
        return _negated(head)  # "isn't out to shut the festival", "is not set to close"
    if tok.dep_ in {"xcomp", "ccomp"} and head != tok and head.lemma_ in _CONTROL_VERBS:
        return _negated(head)
    return False


def _under_without(tok: Token) -> bool:
    """A predicate a "without" phrase governs ("a rent ... without pricing the club off",
    "without either practice managing to fill it")."""
    while tok.dep_ == "xcomp" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pcomp" and tok.head.lower_ == "without"


def _out_of(tok: Token) -> bool:
    """The "out" of "out of use", "out of action", "out of service": not in use."""
    return tok.lower_ == "out" and any(
        c.lower_ == "of" and any(g.dep_ == "pobj" and g.lower_ in _OUT_OF for g in c.children)
        for c in tok.children
    )


_OUT_OF = frozenset({
    "use", "action", "service", "order", "commission", "operation", "business", "stock", "work",
})  # fmt: skip
"""Nouns of "out of <noun>" that say a thing is not in that state ("out of use")."""


def _no_way(verb: Token) -> bool:
    """The clause of "there is no way (that) ...": it says the clause cannot be."""
    return verb.dep_ == "relcl" and verb.head.lower_ == "way" and _no_det(verb.head)


_REFUSING = frozenset({"decline", "refuse", "fail"})
_TELLING = frozenset({
    "say", "tell", "name", "identify", "disclose", "reveal", "comment", "specify", "confirm",
    "give", "explain", "discuss",
})  # fmt: skip


def _refused_to_tell(v: Token, ev: Sequence[Sentence]) -> bool:
    """The claim's "would not say" is the original's refusal to tell in other words ("declined
    to name", "refused to comment"), in its evidence or the sentences just after it."""
    if norm_word(v.lemma_) not in _TELLING or not ev:
        return False
    doc = ev[0].span.doc
    return any(
        norm_word(e.lemma_) in _REFUSING
        and any(c.dep_ == "xcomp" and norm_word(c.lemma_) in _TELLING for c in e.children)
        for s in ev
        for e in doc[s.span.start : min(len(doc), s.span.end + _NEAR_TOKENS)]
    )


_NEAR_TOKENS = 60
"""How far past an evidence sentence a refusal to tell may stand (the next sentence or two)."""


_BARRING = frozenset({"bar", "ban", "prohibit", "prevent", "stop", "block", "forbid", "keep"})
"""Verbs whose "from" complement does not happen ("barred from drawing", "kept from leaving")."""

_NEGATIVE_VERBS = frozenset({"fail", "neglect"})
"""Verbs that say their complement did not happen ("failed to reach" = "did not reach")."""


def _failed(verb: Token) -> bool:
    """A failure stated as a past fact ("failed to reach", "has failed to pay"), not a
    hypothetical one ("failing to meet targets can lead to", "officials who fail to fulfil")."""
    if verb.lemma_.lower() not in _NEGATIVE_VERBS:
        return False
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in {"for", "after"}:
        return True  # "fined ... for failing to display prices": the reason, a past fact
    return verb.tag_ == "VBD" or (
        verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
    )


_BEFORE_MONTH = frozenset({"last", "next", "this", "early", "late", "mid", "in", "since", "until"})


def _month_may(tok: Token) -> bool:
    """ "May" the month parsed as the modal ("Last May, three women made history")."""
    if tok.lower_ != "may":
        return False
    prev = tok.nbor(-1) if tok.i > tok.sent.start else None
    return (prev is not None and prev.lower_ in _BEFORE_MONTH) or (
        tok.text == "May" and tok.i > tok.sent.start
    )


_HEDGES_ADDED = frozenset({"could", "may", "might"})


def _neither(verb: Token) -> bool:
    """The verb's subject is "neither X" ("neither practice could fill the post")."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"}
        and (
            c.lower_ == "neither"
            or any(g.dep_ in {"det", "preconj"} and g.lower_ == "neither" for g in c.children)
        )
        for c in verb.children
    )


def _hedge_added(tok: Token) -> bool:
    """A verb hedged by could / may / might ("would" also reports speech and conditions)."""
    return any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in _HEDGES_ADDED and not _month_may(c)
        for c in tok.children
    )


_HOPE_VERBS = frozenset({"hope", "wish", "expect", "want", "aim", "plan", "intend"})
_HOPE_NOUNS = frozenset({"hope", "wish", "expectation", "aim", "plan", "intention", "goal"})


_HOPE_XCOMP = _HOPE_VERBS - {"expect"}
"""Verbs whose infinitive is a hope or a plan ("hope to give"); "is expected to" is read as a
hedge of its own (:func:`hedge_of`)."""


def _hope_lemma(tok: Token) -> str:
    """The lemma of a verb of hoping (the tagger's lemma of "hoped" may be "hop")."""
    return "hope" if tok.lower_ in {"hoped", "hopes", "hoping"} else norm_word(tok.lemma_)


def _hoped(tok: Token) -> bool:
    """The predicate is what someone hopes or plans ("the hope is that he will be able to
    start", "they expect that it will open"), not a stated fact."""
    if tok.dep_ == "xcomp" and _hope_lemma(tok.head) in _HOPE_XCOMP:
        return True  # "organisers hope to give about 4,500 vaccinations"
    cur = tok
    for _ in range(4):
        if cur.dep_ in {"xcomp", "acomp", "attr"} and cur.head != cur:
            cur = cur.head
            continue
        break
    if cur.dep_ != "ccomp" or cur.head == cur:
        return False
    gov = cur.head
    if across_semicolon(cur, gov):
        return False  # "will not reopen; the council plans to ...": two clauses, not a plan
    return _hope_lemma(gov) in _HOPE_VERBS or any(
        c.dep_ in {"nsubj", "nsubjpass"} and norm_word(c.lemma_) in _HOPE_NOUNS
        for c in gov.children
    )


def _auxiliaries(verb: Token) -> list[Token]:
    """A verb's auxiliaries, also those the parse hangs on one of them ("could be re-let",
    parsed with "could" under "be")."""
    out = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if not out and verb.dep_ in {"acomp", "attr"} and verb.head.lemma_ == "be":
        return _auxiliaries(verb.head)  # "could be short": the copula's, for its adjective
    return out + [g for c in out for g in c.children if g.dep_ in {"aux", "auxpass"}]


_CHANCE_NOUNS = frozenset({"chance", "possibility", "likelihood", "prospect", "risk"})
"""Nouns whose clause is a possibility ("a chance the firm will have to ...")."""


def _conditioned(verb: Token) -> bool:
    """The predicate has its own condition ("would not renew the contract unless ...")."""
    return any(
        c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
        for c in verb.children
    )


def hedge_of(tok: Token) -> str:
    """'hedged' (could/may/might, or what someone hopes), 'certain' (will/must) or 'plain' for
    a verb or predicate."""
    if _hoped(tok):
        return "hedged"
    if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in {"expect", "likely", "possible"}:
        return "hedged"  # "it is expected ... that grapes will be bought"
    cur = tok
    for _ in range(3):
        if cur.dep_ in {"relcl", "acl", "ccomp"} and cur.head.lemma_.lower() in _CHANCE_NOUNS:
            return "hedged"  # "there is a chance the firm will have to lay off drivers"
        aux = {c.lower_ for c in _auxiliaries(cur) if not _month_may(c)}
        if aux & HEDGE_MODALS == {"would"} and _conditioned(cur):
            return "certain"  # "would not renew unless ...": the conditional's "will"
        if aux & HEDGE_MODALS:
            return "hedged"
        if aux & CERTAIN_MODALS:
            return "certain"
        if cur.dep_ in {"xcomp", "acomp", "attr"} and cur.head != cur:
            if cur.head.lemma_.lower() in {"likely", "expect", "seem", "appear", "possible"}:
                return "hedged"
            cur = cur.head
            continue
        if cur.dep_ == "ccomp" and (_through_have(cur) or cur.head.lemma_.lower() == "find"):
            cur = cur.head  # "may have their hours cut": the modal of the causative verb;
            continue  # "may find themselves buying": of the verb that frames it
        if cur.lemma_.lower() in {"likely", "possible"}:
            return "hedged"
        if (
            cur.dep_ == "conj"
            and cur.head != cur
            and cur.head.dep_ == "xcomp"
            and cur.pos_ in {"VERB", "AUX"}
            and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in cur.children)
        ):
            cur = cur.head  # "is expected to start in June and take 14 weeks": the conjunct
            continue  # shares its head's frame
        if (
            cur.dep_ == "advcl"
            and cur.tag_ == "VBG"
            and cur.head != cur
            and any(c.dep_ == "acomp" and c.i < cur.i for c in cur.head.children)
            and not any(c.dep_ in {"nsubj", "nsubjpass", "aux", "mark"} for c in cur.children)
        ):
            cur = cur.head  # "could feel unsafe walking to the bus stop": the participle of
            continue  # the adjective's state shares its frame, however the parse hangs it
        break
    return "plain"


_ADVICE_VERBS = frozenset({
    "warn", "urge", "advise", "tell", "ask", "encourage", "instruct", "call", "press", "recommend",
})  # fmt: skip
"""Verbs that tell someone what to do ("called on the council to review"): "should" in other
words."""


def _inability(e: Token) -> bool:
    """ "could not stop": what someone was unable to do, not a hedge."""
    return _negated(e) and any(c.dep_ == "aux" and c.lower_ in {"could", "ca"} for c in e.children)


def _bare_participle(v: Token) -> bool:
    """A participle that states nothing for certain ("with delays of up to 20 minutes
    expected"): no auxiliary, hanging from a noun or a clause."""
    return (
        v.tag_ == "VBN"
        and v.dep_ in {"acl", "amod", "advcl"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in v.children)
    )


def _advised(v: Token, ev: Sequence[Token]) -> bool:
    """Advice told two ways: "warned drivers to expect delays" for "drivers should expect
    delays" ("should" is what someone is told to do there, not a hedge)."""
    return (
        v.dep_ == "xcomp"
        and v.head.lemma_.lower() in _ADVICE_VERBS
        and all(
            {c.lower_ for c in e.children if c.dep_ in {"aux", "auxpass"}} & {"should", "must"}
            for e in ev
        )
    )


def _modal_hedge(tok: Token) -> bool:
    """The predicate is hedged by "may", "might" or "could" itself, or through "have to" /
    "need to" ("may have to cut"); not by "would", the future of reported speech ("the company
    said it would offer")."""
    cur = tok
    for _ in range(2):
        if any(
            c.lower_ in {"may", "might", "could"} and not _month_may(c) for c in _auxiliaries(cur)
        ):
            return True
        if not _through_have(cur):
            break
        cur = cur.head
    return False


def _through_have(tok: Token) -> bool:
    """The predicate hangs on "have to" / "need to" ("may have to cut") or on a causative
    "have" / "get" ("may have their hours cut"), whose modal is its own."""
    head = tok.head.lemma_.lower()
    return (tok.dep_ == "xcomp" and head in {"have", "need"}) or (
        tok.dep_ == "ccomp" and head in {"have", "get"}
    )


def _modal_phrase(tok: Token) -> str:
    """A predicate as written with its modal, through "have to" / "need to" ("may have to
    cut"; "will have to be cut") or a causative ("may have their hours cut")."""
    if _through_have(tok):
        head = tok.head
        start = min([c.i for c in head.children if c.dep_ in {"aux", "auxpass", "neg"}] + [head.i])
        return tok.doc[start : tok.i + 1].text
    if tok.dep_ == "xcomp" and _hope_lemma(tok.head) in _HOPE_XCOMP:
        return f"{tok.head.text} {_phrase(tok)}"  # "hope to give"
    return _phrase(tok)


def _reason_words(v: Token) -> set[str]:
    """Content lemmas of the "because" clause of ``v``."""
    out: set[str] = set()
    for c in v.children:
        if c.dep_ == "advcl" and any(m.lower_ == "because" for m in c.children):
            out |= {norm_word(t.lemma_) for t in c.subtree if t.is_alpha and not t.is_stop}
    return out


def _same_denied_reason(v: Token, ev: Sequence[Sentence]) -> bool:
    """The claim denies a reason ("are not leaving because they dislike the job") that the
    evidence denies too, whatever verb it hangs the denial on ("are not losing teachers because
    they dislike the job")."""
    mine = _reason_words(v)
    if not mine:
        return False
    for t in _tokens_of(ev):
        theirs = _reason_words(t) if _negated(t) else set()
        if theirs and len(mine & theirs) >= max(1, len(mine) // 2):
            return True
    return False


def _check_negated_manner(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """A manner negated in the claim that the original states plainly on the same act ("approved,
    though not unanimously" where the original says "approved ... unanimously")."""
    for t in claim:
        if t.pos_ != "ADV" or not any(c.dep_ == "neg" for c in t.children):
            continue
        for e in _tokens_of(ev):
            if (
                e.lower_ == t.lower_
                and not any(c.dep_ == "neg" for c in e.children)
                and norm_word(e.head.lemma_) == norm_word(t.head.lemma_)
            ):
                out.findings.append(
                    Finding(
                        "negation",
                        "contradicted",
                        f"negation: the claim says {_quote('not ' + t.text)}, the original says "
                        f"{_quote(e.head.text + ' ' + e.text)}",
                    )
                )
                return


def _flipped_by(head: Token) -> bool:
    """The act a "with"/"without" phrase hangs on is negated or restricted ("cannot be moved
    without a licence", "can only be moved with a licence"): the two say the same."""
    return _negated(head) or any(c.lower_ in {"only", "just"} for c in head.children)


def _had_and_not(tokens: Iterable[Token]) -> tuple[dict[str, Token], dict[str, Token]]:
    """The nouns had ("with X") and not had ("without X", "with no X"), each by lemma; also the
    subject of a clause the preposition governs ("with the air conditioning still running").
    Not under a negated or restricted act, and not a count ("with 147 branches")."""
    had: dict[str, Token] = {}
    not_had: dict[str, Token] = {}
    for t in tokens:
        if norm_word(t.lemma_) in {"need", "require"} and t.pos_ == "VERB" and not _negated(t):
            # "an appointment is needed", "you need an appointment": had, against "without"
            for o in t.children:
                if o.dep_ in {"nsubjpass", "dobj"} and o.pos_ == "NOUN":
                    (not_had if _no_det(o) else had)[norm_word(o.lemma_)] = o
            continue
        if t.lower_ not in {"with", "without"} or t.dep_ != "prep" or _flipped_by(t.head):
            continue
        for c in t.children:
            for o in [c] if c.dep_ == "pobj" else [x for x in c.children if x.dep_ == "nsubj"]:
                if o.pos_ != "NOUN" or any(g.dep_ == "nummod" for g in o.children):
                    continue
                (not_had if _without(t, o) else had)[norm_word(o.lemma_)] = o
    return had, not_had


def _without(prep: Token, noun: Token) -> bool:
    """ "without X", or "with no X"."""
    return prep.lower_ == "without" or _no_det(noun)


def _check_with_without(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """ "with the air conditioning still running" where the original says "without air
    conditioning", or the other way round: the same noun, had and not had."""
    claim_had, claim_not = _had_and_not(claim)
    ev_had, ev_not = _had_and_not(_tokens_of(ev))
    for mine, theirs, claimed, given in (
        ("with", "without", claim_had, ev_not),
        ("without", "with", claim_not, ev_had),
    ):
        shared = sorted(set(claimed) & set(given))
        if shared:
            noun = shared[0]
            out.findings.append(
                Finding(
                    "negation",
                    "contradicted",
                    f"negation: the claim says {_quote(_had_phrase(mine, claimed[noun]))}, "
                    f"the original says {_quote(_had_phrase(theirs, given[noun]))}",
                )
            )
            return


def _had_phrase(prep: str, noun: Token) -> str:
    """How a noun of :func:`_had_and_not` is had or not: "with air conditioning", "an
    appointment is needed"."""
    if noun.head.lemma_.lower() in {"need", "require"}:
        return noun.sent[
            noun.left_edge.i - noun.sent.start : noun.head.i - noun.sent.start + 1
        ].text
    return f"{prep} {noun.text}"


def _so_that(v: Token) -> bool:
    """A "so (that)" clause: what something is done for ("so that all four can travel
    together"), not what happens."""
    return v.dep_ == "advcl" and any(
        c.dep_ == "mark"
        and (c.lower_ == "so" or (c.lower_ == "that" and c.i > 0 and c.nbor(-1).lower_ == "so"))
        for c in v.children
    )


def _purpose(v: Token) -> bool:
    """What a thing or an act is for, stated as no fact: an infinitive hung on a noun ("a
    scheme to extend the runway") or on a clause ("in order to attend", "to call the
    police"), or a "so (that)" clause ("so she could attend": its "could" is no hedge)."""
    to = any(c.dep_ == "aux" and c.tag_ == "TO" for c in v.children)
    if v.dep_ in {"acl", "relcl"}:
        return to
    return v.dep_ == "advcl" and (to or _so_that(v))


def _check_predicate_modality(v: Token, same_pol: list[Token], out: CheckResult) -> None:
    """Modality of one claim predicate against the evidence's same predicates of the same
    polarity: obligation for permission, a hedge added, certainty for a hedge or a hope. A
    condition ("if the weather stays calm") states nothing, for certain or not."""
    if _in_condition(v):
        return  # a condition, or a clause inside one ("unless it can prove the fault won't recur")
    # "stated that work would begin": the reported "will", as certain as the claim's "will",
    # unless the original has "would" there too ("would give" for "would give")
    reported = _reported_future(v) and not any(_would(e) for e in same_pol)
    hedge = "certain" if reported else hedge_of(v)
    force, forces = _force(v), {_force(e) for e in same_pol}
    if force is not None and None not in forces and force not in forces:
        e = same_pol[0]
        out.findings.append(
            Finding(
                "modality",
                "contradicted",
                f"{force} for {_force(e)}: the claim says "
                f"{_quote(v.head.text + ' to ' + v.text)}, the original says "
                f"{_quote(e.head.text + ' to ' + e.text)}",
            )
        )
    if (
        _hedge_added(v)
        and not _purpose(v)
        # "neither practice could fill the post": the past's "can" denied, no hedge
        and not (_negated(v) or _no_participant(v) or _neither(v))
        # "until a replacement could be built": the past's "can" in a time clause, no hedge
        and not any(c.dep_ == "mark" and c.lower_ in _TIME_BOUNDS for c in v.children)
        and all(hedge_of(e) == "plain" or _reported_future(e) for e in same_pol)
        # "the job could run for a year and a half" is no hedge on "the depot had been running
        # at its limit": another thing's verb
        and any(_same_subject(v, e) for e in same_pol)
    ):
        e = same_pol[0]
        out.findings.append(
            Finding(
                "modality",
                "unsupported",
                f"hedge added: the claim says {_quote(_phrase(v))}, the original says "
                f"{_quote(_phrase(e))}",
                # "may be offered" where the company "said it would offer": a stated intention
                # made a possibility is a checked change
                counterpart=all(_reported_future(x) for x in same_pol),
            )
        )
    if any(c.lower_ in _HEDGE_ADVERBS for c in v.children):
        return  # "will probably be lighter" keeps the hedge in other words
    if _purpose(v):
        return  # "a scheme to extend the runway" states what it is for, not that it will
    if _when_clause(v):
        return  # "once the deal completes" dates the rest; it does not say the deal will
    hoped_only = all(_hoped(e) for e in same_pol)  # "the hope is that he will start"
    # "said it would have one in place" where the original "hoped to have one in place": the
    # reported future states what the original only hopes
    promised = hoped_only and _reported_future(v)
    if (
        (hedge != "hedged" or promised)
        and not _advised(v, same_pol)
        and not _bare_participle(v)
        and not all(_inability(e) for e in same_pol)
        and all(hedge_of(e) == "hedged" and not _reported_future(e) for e in same_pol)
        and (hedge == "certain" or not hoped_only or promised)
        and not all(_other_act(v, e) for e in same_pol)
    ):
        e = same_pol[0]
        out.findings.append(
            Finding(
                "modality",
                "unsupported",
                f"certainty: the original says {_quote(_modal_phrase(e))}, the claim says "
                f"{_quote(_modal_phrase(v))}",
                # "will be asked" for "may be asked", "will climb" for "is expected to
                # grow", "causes" for "could cause": the hedge of the same predicate taken
                # away is a checked change, not a rewording the model weighs
                counterpart=(hedge == "certain" and (_modal_hedge(e) or _expected(e)))
                or (_plain_finite(v) and _modal_hedge(e) and _same_object(v, e)),
            )
        )


_IDIOM_WORDS = frozenset({
    "short", "flat", "apart", "through", "behind", "ill", "foul", "silent", "prey", "victim",
    "asleep",
})  # fmt: skip
"""Words that make a verb an idiom of another sense ("fell short", "fell through", "fell
victim"): no opposite of "rose"."""


def _idiom(v: Token) -> bool:
    """The claim's verb is an idiom with one of :data:`_IDIOM_WORDS` ("said it fell short" is
    no opposite of "fares had risen")."""
    return any(
        c.lower_ in _IDIOM_WORDS and c.dep_ in {"advmod", "acomp", "prt", "dobj", "attr", "oprd"}
        for c in v.children
    )


_NOUN_ENDINGS = ("al", "ion", "ment", "ance", "ence", "ure")


def _stated_as_noun(v: Token, ev: Sequence[Sentence]) -> bool:
    """The original states the claim's act as a noun under the same verb: "officers had
    recommended that the scheme be approved" where "officers had recommended approval" (the
    original's "reject" elsewhere in the sentence is the committee's act, not this one)."""
    head = v.head
    if head.i == v.i or head.pos_ not in {"VERB", "AUX"}:
        return False
    stem = v.lemma_.lower().removesuffix("e")
    return any(
        t.pos_ == "NOUN"
        and t.lower_.startswith(stem)
        and t.lower_.removeprefix(stem) in _NOUN_ENDINGS
        and norm_word(t.head.lemma_) == norm_word(head.lemma_)
        for t in _tokens_of(ev)
    )


def _back_again(v: Token, ev: Sequence[Sentence]) -> bool:
    """The claim's state is a return to it ("should be back open", "will open again") and the
    original tells that return ("is expected to reopen"): the original's opposite ("closed since
    2023") is the state before, not a denial of it."""
    if not any(c.dep_ == "advmod" and c.lower_ in {"back", "again"} for c in v.children):
        return False
    lemma = norm_word(v.lemma_)
    again = {"re" + lemma, "re-" + lemma}
    return any(
        norm_word(t.lemma_) in again or t.lower_.startswith(tuple(again)) for t in _tokens_of(ev)
    )


def _undoes(v: Token, e: Token) -> bool:
    """The claim's verb takes the original's act as its object ("loses her win" for "was
    stripped of her victory, which she won"): it undoes that act, it does not deny it."""
    return any(
        norm_word(c.lemma_) == norm_word(e.lemma_)
        and (
            c.dep_ in {"dobj", "nsubjpass"}
            # the tagger's "her Lindmark Marathon win" as a clause: a possessive gives it away
            or (c.dep_ == "ccomp" and any(g.dep_ == "poss" for g in c.subtree))
        )
        for c in v.children
    )


def _would(tok: Token) -> bool:
    """The predicate, or the verb it complements ("would have to fill"), has "would"."""
    cur = tok
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in {"would", "'d"} for c in cur.children):
            return True
        if cur.dep_ not in {"xcomp", "acomp", "attr"} or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


_EXPECT_VERBS = frozenset({"expect", "forecast", "project", "predict"})


def _expected(verb: Token) -> bool:
    """A predicate the original only expects: "is expected to grow", "forecast to rise"."""
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _EXPECT_VERBS


def _plain_finite(verb: Token) -> bool:
    """A finite verb with no modal ("causes"), not a gerund or an infinitive ("keeping it")."""
    return hedge_of(verb) == "plain" and verb.tag_ in {"VBZ", "VBP", "VBD"}


def _indirect_question(clause: Token) -> bool:
    """A clause asked about, opened by "whether" or "if" ("waiting to hear whether their
    pickup times would change"): its "would" is the reported "will"."""
    return any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in clause.children)


_FINDING_VERBS = frozenset({"find", "conclude", "show"})
"""Verbs by which a report or study states its findings ("the report found that 12 hectares
would be kept"): their "would" is the reported "will"."""


def _reported_future(tok: Token) -> bool:
    """ "would" as the future of reported speech or of a reported question, not a hedge: "she
    said she would ask the board to appear" says she will ask it (also of the verb "to
    appear" that "ask" governs); "to hear whether the times would change"."""
    cur = tok
    for _ in range(3):  # the modal of the predicate or of the verb it complements
        modals = {c.lower_ for c in cur.children if c.dep_ in {"aux", "auxpass"}} & HEDGE_MODALS
        if modals:
            base = cur.head if cur.dep_ == "conj" and cur.head.i != cur.i else cur
            return (  # "said it was disappointed and would seek ...": the conjunct too
                modals == {"would"}
                and base.dep_ == "ccomp"
                and (
                    norm_word(base.head.lemma_) in SAY_VERBS | _FINDING_VERBS
                    or _indirect_question(base)
                )
            )
        if cur.dep_ not in {"xcomp", "acomp", "attr"} or cur.head.i == cur.i:
            break
        cur = cur.head
    return False


def _in_condition(tok: Token) -> bool:
    """The word stands in a condition ("unless the firm can prove the fault won't recur"),
    which claims nothing for certain."""
    return any(
        any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in t.children)
        for t in [tok, *tok.ancestors]
    )


def _check_certainty_words(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """A word of certainty in the claim ("confirmed") where the original only hedges."""
    ev_words = {norm_word(t.lemma_) for t in _tokens_of(ev)} | {
        norm_word(t.text) for t in _tokens_of(ev)
    }
    certain = [
        t
        for t in claim
        if norm_word(t.lemma_) in CERTAIN_WORDS
        and norm_word(t.lemma_) not in ev_words
        and norm_word(t.text) not in ev_words
        and not _in_condition(t)
    ]
    hedges = sorted(ev_words & HEDGE_WORDS)
    if certain and not hedges:
        # a modal hedge of the evidence ("five more days of strikes could follow") where the
        # claim says "confirmed"
        hedges = sorted({_phrase(t) for t in _tokens_of(ev) if _modal_hedge(t)})[:1]
    if certain and hedges:
        out.findings.append(
            Finding(
                "modality",
                "unsupported",
                f"certainty: the claim says {_quote(certain[0].text)}; the original only says "
                f"{_join(hedges[:2])}",
            )
        )


_WHEN_MARKS = frozenset({"once", "when", "after", "before", "until", "till", "whenever"})


def _when_clause(pred: Token) -> bool:
    """A predicate in a clause that only says when the rest happens ("once the deal
    completes", "when the work starts")."""
    return pred.dep_ == "advcl" and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in _WHEN_MARKS and c.i < pred.i
        for c in pred.children
    )


def _certain(pred: Token) -> bool:
    """A predicate stated as certain, or as the future of reported speech ("said costs would
    fall": the reported "will")."""
    return hedge_of(pred) == "certain" or _reported_future(pred)


def _may_state(e: Token, claimed: Sequence[Token]) -> bool:
    """The evidence's predicate ``e`` can be one of the claim's (the same verb or a synonym),
    or it heads the sentence."""
    lemma = norm_word(e.lemma_)
    return e.dep_ == "ROOT" or any(
        lemma == norm_word(v.lemma_) or synonyms(lemma, norm_word(v.lemma_)) for v in claimed
    )


def _check_certain_for_possible(
    claim: SpacySpan, ev: Sequence[Sentence], ev_preds: Sequence[Token], out: CheckResult
) -> None:
    """ "will" (or reported "would") in the claim where its best evidence sentence says only
    what could happen, in other words ("the fire will turn back" for "we could see the fire
    turn back"; "will set Athletic back 900,000 pounds" for "could cost about 900,000
    pounds"): no predicate of that sentence is certain and one is hedged by "could", "may" or
    "might"."""
    if not ev or any(f.check == "modality" and f.counterpart for f in out.findings):
        return
    preds = _predicates(claim)
    certain = [v for v in preds if _certain(v)]
    if not certain or any(_modal_hedge(v) and not _reported_future(v) for v in preds):
        return  # the claim keeps a hedge of its own ("..., though pupils may be asked")
    certain = [v for v in certain if not _reader_address(v) and not _when_clause(v)]
    if not certain:
        return  # "You'll also hear from X, who says ...": the rewrite's framing
    best = [e for e in ev_preds if ev[0].span.start <= e.i < ev[0].span.end]
    if any(_certain(e) and _may_state(e, certain) for e in best):
        return  # the evidence states it for certain ("must first anchor" states no reopening)
    mine = _subject_words(certain[0])
    if mine and any(_certain(e) and _subject_words(e) == mine for e in best):
        return  # "no decision will come" for "no decision would be made", beside "may bring"
    if _certain_counterpart(certain[0], best):
        return  # "reserves would cover the increase" for "the increase would be met from
        # reserves", beside "it could mean cuts"
    possible = [e for e in best if _modal_hedge(e) and _negated(e) == _negated(certain[0])]
    possible += [e for e in best if _only_expected(e, certain)]
    possible += [e for e in best if _expected_of(e, certain[0])]
    if possible:
        out.findings.append(
            Finding(
                "modality",
                "unsupported",
                f"certainty: the original says {_quote(_phrase(possible[0]))}, the claim says "
                f"{_quote(_phrase(certain[0]))}",
                counterpart=True,
            )
        )


def _all_argument_words(v: Token) -> frozenset[str]:
    subject, rest = _argument_words(v)
    return subject | rest


def _certain_counterpart(v: Token, best: Sequence[Token]) -> bool:
    """The evidence predicate whose arguments share the most words (two or more) with the
    claim's predicate ``v`` is stated for certain: that is the one the claim rewords."""
    mine = _all_argument_words(v)
    shared = [(len(mine & _all_argument_words(e)), e) for e in best]
    top = max((n for n, _ in shared), default=0)
    if top < 2:
        return False
    tops = [e for n, e in shared if n == top]
    return all(_certain(e) for e in tops)


_MEET_VERBS = frozenset({"hear", "meet", "see", "find", "learn", "read", "notice", "discover"})


def _reader_address(v: Token) -> bool:
    """ "You'll hear from ...", "you'll meet ...": the rewrite telling its reader what comes,
    not a prediction of the article's."""
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.lower_ == "you" and v.lemma_.lower() in _MEET_VERBS


def _expected_of(e: Token, claimed: Token) -> bool:
    """The original only expects something of the claim's subject, in other words ("Lumen-2
    will settle into its final orbit" for "Lumen-2 is expected to reach its final orbit"):
    "expected to" (or forecast, projected, predicted) with the same noun subject."""
    if not _expected(e):
        return False
    mine = _subject_words(claimed, letters=True)
    return bool(mine) and _subject_words(e.head, letters=True) == mine


def _only_expected(e: Token, certain: Sequence[Token]) -> bool:
    """The original only expects the thing the claim says will happen ("A report on what went
    wrong is expected in May" for "A report into the failure will be published in May"): a
    passive "expected" with no verb of its own, whose subject is a certain "will" predicate's
    subject."""
    if e.lemma_.lower() != "expect" or not any(c.dep_ == "auxpass" for c in e.children):
        return False
    if any(c.dep_ in {"xcomp", "ccomp"} for c in e.children):
        return False  # "is expected to grow": the hedge of another predicate
    subj = next((c for c in e.children if c.dep_ == "nsubjpass"), None)
    if subj is None:
        return False
    for v in certain:
        if not any(c.lower_ == "will" for c in v.children if c.dep_ == "aux"):
            continue
        mine = next((c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if mine is not None and norm_word(mine.lemma_) == norm_word(subj.lemma_):
            return True
    return False


def _state_key(be: Token) -> tuple[str, str] | None:
    """A copula's stance by a preposition and its object ("are against the festival": against,
    festival), or None."""
    if be.lemma_.lower() != "be" or be.dep_ in {"aux", "auxpass"}:
        return None
    for prep in be.children:
        if prep.dep_ == "prep" and prep.lower_ in _STANCES:
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return prep.lower_, norm_word(obj.lemma_)
    return None


_STANCES = frozenset({"against", "for", "behind", "with"})


def _check_stance(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """A stance turned round: "Residents are now against the festival" where the original
    says "We're not against the festival"."""
    for be in claim:
        key = _state_key(be)
        if key is None:
            continue
        for e in _tokens_of(ev):
            if _state_key(e) == key and _negated(e) != _negated(be) and _same_subject(be, e):
                out.findings.append(
                    Finding(
                        "negation",
                        "contradicted",
                        f"negation: the claim says {_quote(_stance_phrase(be, key))}, the "
                        f"original says {_quote(_stance_phrase(e, key))}",
                    )
                )
                return


def _stance_phrase(be: Token, key: tuple[str, str]) -> str:
    """ "are against the festival", "'re not against the festival"."""
    neg = [c.text for c in be.children if c.dep_ == "neg"]
    prep = next(c for c in be.children if c.dep_ == "prep" and c.lower_ == key[0])
    return " ".join([be.text, *neg, prep.text, *(o.text for o in prep.subtree if o is not prep)])


def _denied_object(v: Token, ev: Sequence[Sentence]) -> Token | None:
    """The original denies the thing the claim's predicate has: "did hold a pest control
    contract" where "had no pest control contract in place" (the same noun and its compounds
    under "no", the same subject)."""
    obj = next((c for c in v.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if obj is None or _no_det(obj):
        return None  # "turned up no significant defects" denies it too
    key = norm_word(obj.lemma_)
    mine = _compound_words(obj) - {key}
    for s in ev:
        for t in s.span:
            if norm_word(t.lemma_) != key or t.dep_ != "dobj" or not _no_det(t):
                continue
            if mine <= _compound_words(t) and _same_subject(v, t.head):
                return t
    return None


def _compound_words(noun: Token) -> set[str]:
    """The lemmas of the nouns compounded in a noun's phrase ("pest control contract")."""
    return {norm_word(t.lemma_) for t in noun.subtree if t.dep_ == "compound"}


def _phrase_of_no(noun: Token) -> str:
    """ "had no pest control contract"."""
    return " ".join([noun.head.text, *(x.text for x in noun.subtree)])


def _check_polarity_modality(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    _check_negated_manner(claim, ev, out)
    _check_with_without(claim, ev, out)
    _check_stance(claim, ev, out)
    ev_preds = _predicates(_tokens_of(ev))
    cache: dict[int, WordIndex] = {}
    matched_any = False
    ev_negated = any(
        t.dep_ == "neg" or t.lower_ in _NEG_WORDS or _out_of(t) for t in _tokens_of(ev)
    )
    for v in _predicates(claim):
        if _reader_condition(v) or _reader_state(v):
            continue  # "if you haven't filed yet", "you're not alone": the reader, not the news
        if _so_that(v):
            continue  # "so that all four can travel together": what it is for, no fact
        ruled_out = _not_ruled_out(v, ev)
        if ruled_out is not None:
            matched_any = True
            out.findings.append(_negation_found(v, ruled_out))
            continue
        cands = [e for e in ev_preds if _same_predicate(v, e, cache)]
        neg = _negated(v)
        if not cands and neg and not ev_negated:
            noun = _as_noun(v, ev)
            if (
                noun is not None
                and norm_word(noun.head.lemma_) not in _HELD_BACK
                and not _negated(noun)  # "which is now out of use"
            ):
                matched_any = True
                out.findings.append(_negation_found(v, _phrase(noun)))
                continue
        if not cands and not neg:
            denied = _denied_object(v, ev)
            if denied is not None:
                matched_any = True
                out.findings.append(_negation_found(v, _phrase_of_no(denied)))
                continue
        if not cands:
            same_args = _same_arguments(v, ev_preds)
            if same_args and all(_negated(e) != neg for e in same_args):
                if not neg and _not_in_meaning(v):
                    matched_any = True
                    continue  # "is ruled out for graves" for "cannot be used for graves"
                if _no_participant(v) if not neg else all(_no_participant(e) for e in same_args):
                    matched_any = True
                    continue  # "has not picked up a single reading" for "had recorded no
                    # reading": the negative is on the thing on one side
                # "card numbers were held on the servers" for "were not stored on the servers"
                matched_any = True
                out.findings.append(_negation_found(v, _polarity_phrase(same_args[0])))
                continue
            opposite = _ANTONYMS.get(norm_word(v.lemma_), frozenset())
            if _idiom(v) or _stated_as_noun(v, ev) or _back_again(v, ev):
                opposite = frozenset()
            flipped = [
                e
                for e in ev_preds
                if norm_word(e.lemma_) in opposite
                and _same_object(v, e)
                and _same_subject(v, e)
                and not _undoes(v, e)
            ]
            if flipped and all(_negated(e) == neg for e in flipped):
                matched_any = True
                out.findings.append(
                    Finding(
                        "negation",
                        "contradicted",
                        f"opposite meaning: the claim says {_quote(_phrase(v))}, the original "
                        f"says {_quote(_phrase(flipped[0]))}",
                    )
                )
            continue
        matched_any = True
        if any(_under_without(x) for x in (v, *cands)):
            continue  # "would not price the club off" for "without pricing the club off": its
            # polarity is left open (read as a denial, "without" flagged 4 more held-out
            # faithful sentences, in aggregate, and caught nothing more)
        if (
            not neg
            and not _no_participant(v)
            and not _no_before(v)
            and not any(t.lower_ in _RESTRICTIVE and not _few(t) for t in _own_clause(v))
            and all(_no_participant(e) and not _negated(e) for e in cands)
        ):
            # "a figure has already been agreed" where "no figure ... has been agreed"
            out.findings.append(_negation_found(v, _no_phrase(cands[0])))
            continue
        if not any(_negated(e) == neg for e in cands):
            if _counterfactual(v):
                continue  # "Had the centre not been sold, the pool could have shut" says it
                # was sold
            if _a_counted_part(v, ev):
                continue  # "leaving 74 who did not back the plan" where "members backed the
                # plan" 338 to 74: the rest of them, not all
            if not any(_same_particle(v, e) for e in cands):
                continue  # "until its application had gone in" is not "would no longer go
                # ahead"
            if not neg and _only(v):
                continue  # "only canoes will be allowed" for "motor boats will not be permitted"
            if not neg and _first_since(v) and all(_since(e) for e in cands):
                continue  # "the first increase since 2011" for "has not risen since 2011"
            if not neg and _only_until(v, cands):
                continue  # "was only told a week before" for "had not been told until a week
                # before"
            if neg and _not_enough(v, cands):
                continue  # "there are not enough audiologists" for "too few audiologists"
            if neg and _says_something_else(v, cands):
                continue  # "what the installation will cost, the club did not say" is no
                # denial of "which the club said could cut its electricity bills"
            if not neg and _negative_nearby(v) and all(_negated(e) for e in cands):
                continue  # "refused to cut corners" for "will not cut corners"
            if neg and _refused_to_tell(v, ev):
                continue  # "he would not say which one" for "he declined to name the
                # promoter" (and "said" elsewhere in the sentence)
            if _told_by_another_verb(v, cands, ev_preds, neg):
                continue  # "two cornets aren't covered by the policy" for "the policy does
                # not include two cornets", not the insurer's "is expected to cover the loss"
            no_longer = _no_longer(v) or (v.dep_ == "xcomp" and _no_longer(v.head))
            if neg and no_longer and all(_stopped(e) for e in cands):
                continue  # "no longer bothers reporting" for "have stopped reporting"
            if neg and _same_denied_reason(v, ev):
                continue  # "teachers are not leaving because they dislike the job" for "We are
                # not losing teachers because they dislike the job": the reason is denied
            if neg and all(_negated_above(e) for e in cands):
                continue  # "did not expect prices to recover enough to justify" for "could
                # not justify"; "is not a decision we have taken lightly" for "had not taken"
            if any(f.check == "negation" for f in out.findings) and v.head.lemma_ in _CONTROL_VERBS:
                continue  # "wanted to raise": the negation of "wanted" is already reported
            no_one = _no_participant(v)
            if (not neg and no_one) or (
                neg and not no_one and all(_no_participant(e) for e in cands)
            ):
                continue  # "no payment will be sought" says "will not seek payment"
            e = cands[0]
            if neg and _negative_nearby(e):
                out.findings.append(_negative_elsewhere(v, e))
            else:
                out.findings.append(_negation_found(v, _polarity_phrase(e)))
            continue
        same_pol = [e for e in cands if _negated(e) == neg]
        _check_predicate_modality(v, same_pol, out)
    _check_certain_for_possible(claim, ev, ev_preds, out)
    _check_certainty_words(claim, ev, out)
    _check_hedge_dropped(claim, ev, out)
    if not matched_any:
        c_neg = [
            t
            for t in claim
            if (t.dep_ == "neg" or t.lower_ in {"never"})
            and not _reader_condition(t.head)
            and not _reader_state(t.head)
            and not _not_until(t.head)
            and not (t.head.dep_ == "ROOT" and t.head.lower_ in _HEDGING_ADVERBS)
        ]
        # "No more relying on on-call crews" for "ending its reliance on on-call crews": a
        # verb or noun that says "not" in its meaning ("end", "lack") may be the claim's "no"
        ends = any(norm_word(t.lemma_) in _NOT_VERBS | _NOT_NOUNS for t in _tokens_of(ev))
        if c_neg and not ev_negated and ev and not ends:
            out.findings.append(
                Finding(
                    "negation",
                    "unsupported",
                    f"negation: the claim says {_quote(_phrase(c_neg[0].head))}; the evidence "
                    "has no negation",
                )
            )
    if ev_negated and not any(f.check == "negation" for f in out.findings):
        _check_denied_content(claim, ev, out)
    if not any(f.check in {"negation", "modality"} for f in out.findings):
        _check_hedged_content(claim, ev, out)


_DENYING_WORDS = _NEG_WORDS | {
    "without", "fail", "refuse", "deny", "reject", "rule", "lack", "absence", "instead",
    "rather", "only", "yet", "unable", "stop", "halt", "cancel", "drop", "scrap",
    "remain", "still", "against", "oppose", "cannot",
} | _UNABLE_NOUNS  # fmt: skip
"""Words a claim may say "not" with, or that keep a state the original denies changed."""


_HEDGING_ADVERBS = frozenset({"necessarily", "always", "exactly", "quite", "entirely"})
"""Adverbs that make a bare "Not ..." answer a hedge ("Not necessarily."), no denial."""


def _no_before(verb: Token) -> bool:
    """A "no" subject the parse hangs elsewhere ('put it this way: "No individual, however
    gifted, can speak"'): "no" as a determiner between the verb and the colon, semicolon or
    quotation mark that opens its clause."""
    for t in reversed(verb.doc[verb.sent.start : verb.i]):
        if t.lower_ in {":", ";", '"', "“", "”"}:
            return False
        if t.lower_ == "no" and t.dep_ == "det":
            return True
    return False


def _own_clause(tok: Token) -> list[Token]:
    """A predicate's words without the clauses it governs."""
    skip = {
        t.i
        for c in tok.children
        if c.dep_ in {"ccomp", "advcl", "relcl", "conj", "cc", "mark"}
        for t in c.subtree
    }
    return [t for t in tok.subtree if t.i not in skip]


def _stems(tokens: Iterable[Token]) -> set[str]:
    """The first five letters of the lemmas of the content words (another form of a word
    shares them: "listed" and "list")."""
    return {
        norm_word(t.lemma_)[:5]
        for t in tokens
        if t.is_alpha and not t.is_stop and t.pos_ in {"NOUN", "VERB", "ADJ", "PROPN"}
    }


_HEDGING_MODALS = frozenset({"may", "might", "could"})
_HEDGING_VERBS = frozenset({"believe", "think", "suspect", "suggest", "appear", "seem"})
_HEDGE_NOUNS = frozenset({"possibility", "chance", "risk", "prospect", "uncertain", "unclear"})
"""Words with which a claim keeps a hedge in other words ("a split ... is a possibility")."""


def _hedged_by_a_word(e: Token) -> bool:
    """A predicate of the original hedged by an adverb or a verb, not a modal."""
    hedge = _hedge_over(e)
    return hedge is not None and hedge.lower() not in _HEDGING_MODALS and not _negated(e)


def _hedge_over(e: Token) -> str | None:
    """The word that hedges a predicate of the original ("may", "probably", "police believed
    [it]"), or None."""
    for c in e.children:
        if (c.dep_ == "aux" and c.lower_ in _HEDGING_MODALS) or c.lower_ in _HEDGE_ADVERBS:
            return c.text
    head = e.head
    if (
        e.dep_ in {"ccomp", "xcomp"}
        and head != e
        and norm_word(head.lemma_) in _HEDGING_VERBS
        and not _negated(head)
    ):
        return head.text
    if e.dep_ == "xcomp" and head != e and head.lower_ == "likely":
        return head.text  # "was likely to be lighter"
    return None


def _check_hedged_content(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """What the original hedges, said as certain in other words ("strong crosswinds had played
    a part" where "crosswinds may have played a part"; "the bird was pushed off course" where
    "it had probably been blown off course"): the claim has no hedging modal or word at all,
    and it says most of a hedged predicate's clause, the predicate itself among it."""
    if any(
        t.lower_ in HEDGE_MODALS
        or t.lower_ in _HEDGE_ADVERBS
        or norm_word(t.lemma_) in HEDGE_WORDS | _HEDGING_VERBS | _HEDGE_NOUNS
        for t in claim
    ):
        return
    # "could not recruit" says it was unable to, not that it may not have
    found = _stated_predicate(claim, ev, lambda e: _hedge_over(e) is not None and not _negated(e))
    if found is None:  # the predicate reworded too, under a hedging word that is no modal
        # ("probably", "police believed"; "may" also grants: "may draw up to 1.2 million litres")
        found = _stated_predicate(claim, ev, _hedged_by_a_word, reworded=True)
    if found is not None:
        e, said = found
        out.findings.append(
            Finding(
                "modality",
                "unsupported",
                f"hedge removed: the claim says {_quote(_phrase(said))} as certain; the "
                f"original says {_quote(f'{_hedge_over(e)} ... {e.text}')}",
                counterpart=True,
            )
        )


def _stated_predicate(
    claim: SpacySpan,
    ev: Sequence[Sentence],
    marked: Callable[[Token], bool],
    *,
    reworded: bool = False,
) -> tuple[Token, Token] | None:
    """The first predicate of the evidence that is ``marked`` (negated, hedged) and whose clause
    the claim says (:func:`_states_clause`), with the claim's word for it; verbs of saying are
    the attribution's."""
    mine = _stems(claim)
    for e in _predicates(_tokens_of(ev)):
        if norm_word(e.lemma_) in SAY_VERBS or not marked(e):
            continue
        said = _states_clause(e, claim, mine, reworded=reworded)
        if said is not None:
            return e, said
    return None


def _states_clause(
    pred: Token, claim: SpacySpan, mine: set[str], *, reworded: bool = False
) -> Token | None:
    """The claim's word for ``pred`` when the claim says most of the predicate's own clause
    (``mine``: the claim's word stems), the predicate among it; with ``reworded``, also its verb
    for a predicate it words otherwise when it says at least four of the clause's other words
    (80% of them) and more than the clause's subject. None for a condition ("if no deal is
    reached") or a clause the claim does not say."""
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in pred.children):
        return None
    said = _said_as(pred, claim)
    scope = _stems(_own_clause(pred))
    if said is None:
        # "wild ducks brought the virus in" for "the virus was probably carried in by wild
        # ducks": the predicate in other words, all else said
        rest = scope - {norm_word(pred.lemma_)[:5]}
        subject = _stems(
            t for c in pred.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree
        )
        if (
            reworded
            and len(rest) >= 4
            and len(rest & mine) >= 0.8 * len(rest)
            and (rest - subject) & mine  # more than who it is about
        ):
            return _verb_saying(claim, rest)
        return None
    shared = scope & (mine | {norm_word(pred.lemma_)[:5]})
    return said if len(shared) >= 2 and len(shared) >= 0.5 * len(scope) else None


def _verb_saying(claim: SpacySpan, words: set[str]) -> Token:
    """The claim's verb (not one of saying) whose clause holds most of ``words`` (word stems),
    else its root."""
    verbs = [t for t in claim if t.pos_ in {"VERB", "AUX"} and norm_word(t.lemma_) not in SAY_VERBS]
    if not verbs:
        return claim.root
    return max(verbs, key=lambda v: len(_stems(list(v.subtree)) & words))


def _said_as(pred: Token, claim: SpacySpan) -> Token | None:
    """The claim's word for a predicate: the same word, or another form of it (the same first
    letters, close in meaning by static vectors, at least 0.7: "losses" for "lost")."""
    stem = norm_word(pred.lemma_)[:5]
    vectors = word_vectors()
    best: tuple[float, Token] | None = None
    for t in claim:
        if not t.is_alpha or t.is_stop or t.pos_ not in {"NOUN", "VERB", "ADJ"}:
            continue
        if norm_word(t.lemma_)[:5] == stem:
            return t
        if norm_word(t.lemma_)[:3] != stem[:3]:
            continue
        sim = vectors.similarity(norm_word(pred.lemma_), norm_word(t.lemma_))
        if sim is not None and sim >= 0.7 and (best is None or sim > best[0]):
            best = (sim, t)
    return None if best is None else best[1]


def _check_denied_content(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """What the original denies, said as fact in other words ("the move would lead to some
    job losses" where "no jobs would be lost as a result of the move"; "it was put on the list
    for repair work" where "it was not listed for repair"): the claim has no word of denial,
    and it says most of the content of a predicate its evidence negates, the predicate itself
    among it."""
    ev_words = {norm_word(t.lemma_) for t in _tokens_of(ev)}
    if any(
        t.dep_ == "neg"
        or norm_word(t.lemma_) in _NEG_WORDS
        or (norm_word(t.lemma_) in _DENYING_WORDS and norm_word(t.lemma_) not in ev_words)
        or (t.pos_ == "VERB" and _negated(t))
        or (t.pos_ == "NOUN" and _no_det(t))  # "zero buses", "not a single hour"
        for t in claim
    ):
        return  # a denying word of its own ("have yet to publish"; one the evidence also uses,
        # "without a licence", denies nothing the original does not)
    lemmas = {norm_word(t.lemma_) for t in claim}

    def denied(e: Token) -> bool:
        if e.dep_ in {"xcomp", "nsubjpass"} and norm_word(e.head.lemma_) in lemmas:
            return False  # the claim's own "failing to deliver", "has been banned"
        return _negated(e) or _no_participant(e)

    found = _stated_predicate(claim, ev, denied)
    if found is not None and not _so_that(found[1]):  # "so that it can travel": no fact
        e, said = found
        out.findings.append(
            Finding(
                "negation",
                "unsupported",
                f"negation: the claim says {_quote(_phrase(said))} with no denial; the "
                f"original says {_quote(_polarity_phrase(e))}",
                counterpart=True,
            )
        )


_OBLIGED = frozenset({"require", "oblige", "force", "compel", "order", "mandate"})
_ALLOWED = frozenset({"allow", "permit", "let", "authorise", "authorize", "entitle"})


def _force(verb: Token) -> str | None:
    """'obligation' or 'permission' when the verb is what someone is required or allowed to do
    ("required to sell", "allowed to sell"), else None."""
    if verb.dep_ != "xcomp" or verb.head == verb:
        return None
    governor = norm_word(verb.head.lemma_)
    if governor in _OBLIGED:
        return "obligation"
    if governor in _ALLOWED:
        return "permission"
    return None


def _as_noun(verb: Token, ev: Sequence[Sentence]) -> Token | None:
    """The evidence's noun of the claim's verb, stated plainly ("has been in decline" for "has
    not declined"), when the evidence has no verb of it."""
    lemma = norm_word(verb.lemma_)
    return next(
        (t for t in _tokens_of(ev) if t.pos_ == "NOUN" and norm_word(t.lemma_) == lemma), None
    )


_HEDGE_ADVERBS = frozenset(
    {"possibly", "probably", "reportedly", "allegedly", "apparently", "perhaps", "presumably"}
    | {"supposedly", "likely", "seemingly"}
)


def _check_hedge_dropped(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """A noun the original hedges ("possibly a dark-coloured van") stated plainly by a claim that
    has no hedging adverb at all ("a dark-coloured van")."""
    if any(t.lower_ in _HEDGE_ADVERBS for t in claim):
        return
    claimed = {norm_word(t.lemma_) for t in claim if t.pos_ in {"NOUN", "PROPN"}}
    for t in _tokens_of(ev):
        head = t.head
        if (
            t.lower_ in _HEDGE_ADVERBS
            and head != t
            and head.pos_ in {"NOUN", "PROPN"}
            and norm_word(head.lemma_) in claimed
        ):
            out.findings.append(
                Finding(
                    "modality",
                    "unsupported",
                    "hedge removed: the original says "
                    + _quote(head.doc[min(t.i, head.left_edge.i) : head.i + 1].text),
                )
            )
            return


def _subject_words(v: Token, *, letters: bool = False) -> set[str] | None:
    """Content lemmas of a predicate's noun subject; None for none or a pronoun. With
    ``letters``, any word with a letter in it counts ("Lumen-2"), not only alphabetic ones."""
    subj = next((c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.pos_ == "PRON":
        return None
    return {
        norm_word(t.lemma_)
        for t in subj.subtree
        if (any(c.isalpha() for c in t.text) if letters else t.is_alpha) and not t.is_stop
    } or None


def _same_subject(a: Token, b: Token) -> bool:
    """Two predicates can be of the same thing: no noun subject on either side, or subjects
    that share a word or a synonym ("sales rose" is no opposite of "profits had fallen")."""
    mine, theirs = _subject_words(a), _subject_words(b)
    if mine is None or theirs is None:
        return True
    return bool(mine & theirs) or any(synonyms(x, y) for x in mine for y in theirs)


_NOT_VERBS = frozenset({
    "miss", "lack", "fail", "bar", "ban", "refuse", "deny", "reject", "forbid", "prevent",
    "stop", "avoid", "omit", "exclude", "lose", "decline", "withhold", "prohibit", "block",
    "skip", "ignore", "abandon", "drop", "halt", "cancel", "scrap", "neglect",
    "oppose", "resist", "shun", "spurn", "veto", "close", "end", "cease", "quit",
})  # fmt: skip
"""Verbs that say "not" in their meaning ("missed" = "did not meet", "are barred" = "are not
allowed"): a reworded predicate of the other polarity, not a contradiction."""


def _not_in_meaning(verb: Token) -> bool:
    """A verb that says "not" in its meaning (:data:`_NOT_VERBS`, "ruled out")."""
    lemma = norm_word(verb.lemma_)
    return lemma in _NOT_VERBS or (
        lemma == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)
    )


_HELD_BACK = _NOT_VERBS | frozenset({"postpone", "delay", "defer", "suspend"})
"""Verbs whose object does not happen (yet): "has postponed the return" is "will not return"."""


_NOT_PAIRED = LIGHT_VERBS | SAY_VERBS | _NOT_VERBS
"""Verbs never paired by their arguments: light verbs, verbs of saying and those of "not"."""


_NOT_NOUNS = frozenset(
    {"inability", "lack", "absence", "failure", "refusal", "shortage", "loss", "ban", "denial"}
)


def _argument_words(v: Token) -> tuple[frozenset[str], frozenset[str]]:
    """A predicate's noun subject words and the words of its object and prepositional
    objects (nouns and names; no pronoun subject)."""
    subj = next((c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    subject = noun_words(subj) if subj is not None and subj.pos_ != "PRON" else frozenset()
    rest: set[str] = set()
    for c in v.children:
        if c.dep_ == "dobj":
            rest |= noun_words(c)
        elif c.dep_ == "prep":
            for o in c.children:
                if o.dep_ == "pobj":
                    rest |= noun_words(o)
    return subject, frozenset(rest)


def _told_by_another_verb(
    v: Token, cands: Sequence[Token], ev_preds: Sequence[Token], neg: bool
) -> bool:
    """The claim's predicate shares no argument word with the original's predicates of its verb
    but two with one of another verb (not its opposite) and the claim's polarity: that one is
    what it rewords."""
    mine = _all_argument_words(v)
    if not mine or any(mine & _all_argument_words(e) for e in cands):
        return False
    opposite = OPPOSITES.get(norm_word(v.lemma_), frozenset())
    return any(
        e not in cands
        and _negated(e) == neg
        and norm_word(e.lemma_) not in opposite  # "would not keep" is not "would not change"
        and len(mine & _all_argument_words(e)) >= 2
        for e in ev_preds
    )


_SEGMENT_MARKS = frozenset({";", ":", "\u2013", "\u2014"})


def _said_words(v: Token) -> set[str]:
    """Content lemmas of what a verb of saying says: its subtree within the stretch of its
    sentence between semicolons, colons or dashes, without its subject and without itself."""
    sent = v.sent
    start = max(
        (t.i + 1 for t in sent if t.i < v.i and t.text in _SEGMENT_MARKS), default=sent.start
    )
    end = min((t.i for t in sent if t.i > v.i and t.text in _SEGMENT_MARKS), default=sent.end)
    subject = {t.i for c in v.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
    return {
        norm_word(t.lemma_)
        for t in v.subtree
        if start <= t.i < end and t is not v and t.i not in subject and t.is_alpha and not t.is_stop
    }


def _says_something_else(v: Token, cands: Sequence[Token]) -> bool:
    """A claim that someone did not say a thing (``v`` a negated verb of saying) against the
    original's saying of another thing: no word of what is said in common."""
    if norm_word(v.lemma_) not in SAY_VERBS:
        return False
    mine = _said_words(v)
    return bool(mine) and all(
        norm_word(e.lemma_) in SAY_VERBS and not mine & _said_words(e) for e in cands
    )


_PARTICLES = frozenset({
    "in", "out", "ahead", "up", "down", "off", "on", "away", "back", "over", "through", "along",
})  # fmt: skip


def _particle(v: Token) -> str | None:
    """The particle after a verb that makes a phrasal verb of it ("go in", "go ahead")."""
    return next(
        (
            c.lower_
            for c in v.children
            if c.i > v.i and (c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _PARTICLES))
        ),
        None,
    )


def _same_particle(a: Token, b: Token) -> bool:
    """Two predicates of one verb are the same phrasal verb: no particle on one side, or the
    same on both."""
    pa, pb = _particle(a), _particle(b)
    return pa is None or pb is None or pa == pb


_RECEIVE_VERBS = frozenset({"get", "receive", "obtain", "secure"})


def _got(verb: Token) -> bool:
    """ "get" with an object: "get some help" is "receive some help"."""
    return norm_word(verb.lemma_) == "get" and any(c.dep_ == "dobj" for c in verb.children)


def _same_arguments(v: Token, ev_preds: Sequence[Token]) -> list[Token]:
    """The evidence's predicates, by another verb, with the claim predicate's subject and
    object or place ("were held on the affected servers" and "were not stored on the affected
    servers"): the same statement reworded. Only for a claim verb that is no light verb and
    no verb of saying, and a subject and an object both shared."""
    lemma = norm_word(v.lemma_)
    if lemma in _NOT_PAIRED and not _got(v):
        return []
    if any(t.lower_ in _RESTRICTIVE or t.lemma_.lower() in _NOT_NOUNS for t in v.subtree):
        return []  # "suffer from their inability to lock in prices" says "cannot" in a noun
    subject, rest = _argument_words(v)
    if not subject or not rest:
        return []
    out = []
    for e in ev_preds:
        other = norm_word(e.lemma_)
        if _got(v) or _got(e):
            # "did get some help" and "did not receive any help": "get" pairs only with
            # "receive" and its like
            if not {lemma, other} <= _RECEIVE_VERBS:
                continue
        elif other in _NOT_PAIRED:
            continue
        s2, r2 = _argument_words(e)
        if subject & s2 and rest & r2:
            out.append(e)
    return out


def _same_object(a: Token, b: Token) -> bool:
    """Whether two predicates act on the same thing: ``a``'s object, if it has one, shares a
    word with ``b``'s ("losing the opening set" is no opposite of "won the match")."""
    obj = next((c for c in a.children if c.dep_ == "dobj"), None)
    if obj is None:
        return True
    mine = {norm_word(t.lemma_) for t in obj.subtree if t.is_alpha and not t.is_stop}
    theirs = {
        norm_word(t.lemma_)
        for c in b.children
        if c.dep_ == "dobj"
        for t in c.subtree
        if t.is_alpha and not t.is_stop
    }
    return not mine or bool(mine & theirs)


_RESTRICTIVE = frozenset({"no", "none", "nobody", "nothing", "never", "only", "without", "neither"})
"""Words by which a claim restricts or negates in its own way ("can only be moved with a
licence" says "no birds may be moved without one")."""


_FEW = frozenset({"handful", "few", "couple", "number", "fraction", "minority", "dozen"})


def _few(tok: Token) -> bool:
    """ "only" on a quantity ("only a handful of flights were cancelled", "only two"): the
    claim says some were, where "no flight was cancelled" says none was."""
    head = tok.head
    return tok.lower_ == "only" and (
        head.pos_ == "NUM" or head.dep_ == "nummod" or head.lemma_.lower() in _FEW
    )


_SHORT_OF = frozenset({"few", "little", "insufficient", "inadequate", "shortage", "lack", "short"})


def _not_ruled_out(v: Token, ev: Sequence[Sentence]) -> str | None:
    """ "has not ruled out job cuts" (they may come) where the original denies them ("does not
    plan any job cuts", "no job cuts"): what the original says, or None."""
    if v.lemma_.lower() != "rule" or not _negated(v):
        return None
    if not any(c.dep_ == "prt" and c.lower_ == "out" for c in v.children):
        return None
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    for t in _tokens_of(ev):
        if norm_word(t.lemma_) != norm_word(obj.lemma_) or t.pos_ != "NOUN":
            continue
        if any(c.lower_ == "no" for c in t.children):
            return f"no {t.text}"
        head = t.head
        if t.dep_ in {"dobj", "nsubjpass"} and _negated(head) and head.lemma_.lower() != "rule":
            return _polarity_phrase(head) + " " + t.text
    return None


_STOP_VERBS = frozenset({"stop", "quit", "cease", "abandon"})


def _stopped(e: Token) -> bool:
    """The original's predicate is the complement of "stop" ("have stopped reporting")."""
    return e.lemma_.lower() in _STOP_VERBS or (
        e.dep_ in {"xcomp", "ccomp", "pcomp"} and e.head.lemma_.lower() in _STOP_VERBS
    )


def _not_until(v: Token) -> bool:
    """ "did not finish until late at night": when it happened, not that it did not."""
    return any(c.lower_ in {"until", "till"} and c.dep_ in {"prep", "mark"} for c in v.children)


def _other_act(v: Token, e: Token) -> bool:
    """The same verb of another act: the two predicates' subjects share no word, and their
    objects are words apart, by other prepositions ("that will come to an end" is not "the
    £800,000 is expected to come from a loan"; "respond within three weeks" may be "respond
    within the 21-day period")."""
    s1, r1 = _argument_words(v)
    s2, r2 = _argument_words(e)
    if not r1 or not r2 or (s1 & s2):
        return False
    if _prepositions(v) & _prepositions(e):
        return False
    theirs = WordIndex()
    theirs.add_all(r2)
    return not any(theirs.has_word(w) for w in r1)


def _prepositions(v: Token) -> set[str]:
    """The prepositions a predicate governs ("within", "from")."""
    return {c.lower_ for c in v.children if c.dep_ == "prep"}


def _a_counted_part(v: Token, ev: Sequence[Sentence]) -> bool:
    """The predicate's subject (or the antecedent of its "who") is a count the evidence never
    gives ("74 who did not back the plan" where 338 of 412 backed it): a part of those the
    original's predicate is of, which may do otherwise."""
    subj = next((c for c in v.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is not None and subj.lower_ in {"who", "that", "which"} and subj.i > 0:
        subj = v.head if v.dep_ == "relcl" else subj.doc[subj.i - 1]  # the parse may miss it
    if subj is None:
        return False
    count = (
        subj
        if subj.like_num
        else next((c for c in subj.children if c.dep_ == "nummod" and c.like_num), None)
    )
    if count is None or not any(ch.isdigit() for ch in count.text):
        return False
    return not any(t.text == count.text for s in ev for t in s.span)


def _counterfactual(v: Token) -> bool:
    """A condition contrary to fact ("Had the centre not been sold", "if the council had not
    sold it"): it presupposes the opposite of what it says, so its "not" is no denial."""
    if v.dep_ != "advcl":
        return False
    had = [c for c in v.children if c.dep_ == "aux" and c.lower_ == "had"]
    if not had:
        return False
    inverted = all(c.i > had[0].i for c in v.children if c.dep_ in {"nsubj", "nsubjpass"})
    return inverted or any(c.dep_ == "mark" and c.lower_ == "if" for c in v.children)


def _reader_condition(v: Token) -> bool:
    """A condition put to the reader ("if you haven't filed yet", "unless you apply"): the
    framing of a guide, which the article need not state."""
    return any(c.lower_ in {"if", "unless"} and c.dep_ == "mark" for c in v.children) and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ == "you" for c in v.children
    )


def _since(tok: Token) -> bool:
    """The predicate has a "since" phrase or clause of its own ("has not risen since 2011")."""
    return any(c.lower_ == "since" and c.dep_ in {"prep", "mark"} for c in tok.children)


def _first_since(v: Token) -> bool:
    """ "The first <X> since <T>": nothing of the kind between T and now, said without a
    negative ("It is the first increase in the toll since 2011")."""
    firsts = [
        c
        for c in (v, *(c for c in v.children if c.dep_ in {"attr", "nsubj"}))
        if any(g.lower_ == "first" and g.dep_ == "amod" for g in c.children)
    ]
    return bool(firsts) and (
        _since(v) or any(t.lower_ == "since" for f in firsts for t in f.subtree)
    )


def _only(v: Token) -> bool:
    """The predicate's subject is restricted by "only" ("only canoes will be allowed"), or the
    predicate by "only" with a condition ("can only be moved with a licence" for "cannot be
    moved without a licence"): what it allows is also what it rules out."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and any(t.lower_ == "only" for t in c.subtree)
        for c in v.children
    ) or (
        any(c.dep_ == "advmod" and c.lower_ == "only" for c in v.children)
        and any(c.dep_ == "prep" and c.lower_ == "with" for c in v.children)
    )


def _only_until(v: Token, cands: Sequence[Token]) -> bool:
    """ "only" on the claim's predicate where the original's says "not ... until": "was only
    told a week before" is "had not been told until a week before"."""
    return any(c.dep_ == "advmod" and c.lower_ == "only" for c in v.children) and any(
        t.lower_ in {"until", "till"} for e in cands for t in e.subtree
    )


def _reader_state(v: Token) -> bool:
    """A state put to the reader ("You're not alone", "you won't be surprised"): the rewrite's
    talk to its reader, no fact of the article."""
    return (
        v.lemma_ == "be"
        and any(c.dep_ == "nsubj" and c.lower_ == "you" for c in v.children)
        and any(c.dep_ == "acomp" for c in v.children)
    )


def _not_enough(v: Token, cands: Sequence[Token]) -> bool:
    """ "not enough X" in the claim for the original's "too few X" (or "too little",
    "a shortage of"): the same lack said two ways."""
    if not any(t.lower_ == "enough" for t in v.subtree):
        return False
    return any(norm_word(t.lemma_) in _SHORT_OF for e in cands for t in e.subtree)


def _negation_found(claim_pred: Token, original_says: str) -> Finding:
    """The contradiction of a predicate the claim negates or not where the original does the
    other."""
    return Finding(
        "negation",
        "contradicted",
        f"negation: the claim says {_quote(_polarity_phrase(claim_pred))}, the original says "
        f"{_quote(original_says)}",
    )


_DENIAL_HEADS = _REFUSING | {"avoid", "stop", "cease"}
"""Verbs that deny the predicate they govern ("declined to name", "failed to meet")."""


_DENIED_THROUGH = frozenset({"xcomp", "pcomp", "pobj", "prep", "dobj", "acl"})


def _negative_nearby(e: Token) -> bool:
    """Whether a predicate is said "not" in other words: a verb above it that denies it
    ("declined to name", "stopped answering", "failed to meet its deadline for publishing")."""
    cur = e
    for _ in range(4):
        if cur.head.i == cur.i or cur.dep_ not in _DENIED_THROUGH:
            return False
        cur = cur.head
        if norm_word(cur.lemma_) in _DENIAL_HEADS:
            return True
    return False


def _negative_elsewhere(claim_pred: Token, counterpart: Token) -> Finding:
    """A "not" on a predicate of the claim whose counterpart the original denies with another
    verb (:func:`_negative_nearby`: "did not publish the report" for "refused to publish it",
    "did not pay" for "avoided paying"): most often the same negative in other words, so the
    verdict model weighs it (:attr:`Finding.wording`) rather than a rule deciding it."""
    return Finding(
        "negation",
        "unsupported",
        f"negation: the claim says {_quote(_polarity_phrase(claim_pred))}, the original says "
        f"{_quote(_polarity_phrase(counterpart))} with a negative in other words",
        wording=True,
    )


def _no_phrase(tok: Token) -> str:
    """ "no figure ... agreed": the "no" participant and the predicate."""
    part = next((c for c in tok.children if _no_one(c)), None)
    if part is None:
        return _phrase(tok)
    det = next((g.text for g in part.children if g.lower_ == "no"), "")
    return f"{det} {part.text} ... {_phrase(tok)}".strip()


def _polarity_phrase(tok: Token) -> str:
    """The words that carry a predicate's polarity, in text order: its auxiliaries and
    negation, the verb that governs it ("is no longer on course to meet") and its complement
    ("pleaded not guilty")."""
    parts = [tok]
    if tok.dep_ in {"xcomp", "acomp", "attr"} and tok.head != tok:
        parts.append(tok.head)
    for p in list(parts):
        parts += [c for c in p.children if c.dep_ in {"aux", "auxpass", "neg", "acomp", "oprd"}]
        parts += [c for c in p.children if c.lower_ == "longer"]
    parts += [g for c in parts for g in c.children if g.dep_ == "neg" or g.lower_ == "no"]
    lo, hi = min(t.i for t in parts), max(t.i for t in parts)
    if hi - lo > 8:
        return _phrase(tok)
    return tok.doc[lo : hi + 1].text
