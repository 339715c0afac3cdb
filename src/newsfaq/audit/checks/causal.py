"""Cause and effect: a claim that turns round the direction the original gives.

"The soup business shrank because shoppers switched to store brands" rewritten as "Shoppers kept
switching to store brands because the soup business shrank" keeps every word and every figure;
only the direction of the explanation is reversed, and the checks of words, figures and names
pass it. Both texts are read for cause-effect pairs (an effect clause and its "because" clause,
a "because of" / "due to" / "thanks to" phrase and the clause it modifies, the subject and the
complement of a causal verb such as "let", "cause", "lead to", "keep", the object and the "to"
phrase of a verb that ascribes an effect to a cause: "links the decline to the departure").
When the claim's cause is mostly the original's effect and the claim's effect mostly the
original's cause (each by half or more of its content words, and more than it matches its own
side), the claim contradicts the original.

A claim may also give a cause the original does not give for that effect. The original's pairs
are read once per article, and a claim's stated pair (not "make", "keep" or "let", whose
subject may be a doer) is read once and checked (:func:`check_stated_reasons`) for another
reason (:func:`_other_reason`: the original explains the same effect by another cause, and the
claim's cause is a fact of its own elsewhere in it), a link the original does not make
(:func:`_unlinked_reason`: two facts it gives apart, in sentences not next to each other, with
no word that may tie them) and a consequence it does not report (:func:`_added_consequence`);
a reason or purpose made of what it never mentions is :func:`check_added_reason`'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from newsfaq.audit.align import content_tokens, derivation_key, synonyms
from newsfaq.audit.checks.common import SAY_VERBS, CheckResult, Finding, _quote

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from newsfaq.audit.align import Aligner
    from newsfaq.text.nlp import Sentence

__all__ = [
    "CROSS_SHARE",
    "OTHER_SHARE",
    "causal_pairs",
    "check_added_reason",
    "check_causal",
    "check_stated_reasons",
]

CROSS_SHARE = 0.5
"""Share of a side's content words found on the other side of the original's pair."""

OTHER_SHARE = 0.25
"""A claim's reason shares less than this with the reason the original gives for the same
effect: it is another reason."""

_MIN_WORDS = 2
_CAUSAL_VERBS = frozenset(
    {"cause", "lead", "let", "make", "keep", "drive", "force", "prompt", "trigger", "spark"}
)
_CAUSAL_PREPS = {("because", "of"), ("due", "to"), ("thanks", "to"), ("owing", "to")}
_BEFORE_PREPS = frozenset({"after", "following"})
"""Prepositions whose object comes first ("burst its banks following two days of rain")."""
_EFFECT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "prep", "acomp", "oprd"})

Pair = tuple[list["Token"], list["Token"]]


def _clause(head: Token, without: set[int]) -> list[Token]:
    """The clause of ``head`` without the tokens in ``without`` and its coordinated clauses."""
    skip = {t.i for c in head.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
    return [t for t in head.subtree if t.i not in without and t.i not in skip]


def _because_pair(tok: Token) -> Pair | None:
    """(cause, effect) of "E because C" / "because C, E"; also "E after C" (what comes first,
    the cause or the earlier event, is the first side)."""
    if tok.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ in {"because", "after"} for c in tok.children
    ):
        return None
    cause = list(tok.subtree)
    return cause, _clause(tok.head, {t.i for t in cause})


def _prep_pair(tok: Token) -> Pair | None:
    """(cause, effect) of "E because of / due to / thanks to C", and "E after / following C"."""
    doc = tok.doc
    result_of = _result_of(tok)
    if result_of is not None:
        return result_of
    before = tok.lower_ in _BEFORE_PREPS and any(c.dep_ in {"pobj", "dobj"} for c in tok.children)
    if not before and (
        tok.i + 1 >= len(doc) or (tok.lower_, doc[tok.i + 1].lower_) not in _CAUSAL_PREPS
    ):
        return None
    deps = {"prep", "advmod", "amod", "advcl"} if before else {"prep", "advmod", "amod"}
    if tok.dep_ not in deps or tok.head.pos_ not in {"VERB", "AUX"}:
        return None  # "following a fire" may be parsed as a participle clause
    cause = list(tok.subtree)
    return cause, _clause(tok.head, {t.i for t in cause})


def _result_of(tok: Token) -> Pair | None:
    """(cause, effect) of "E as a result of C" / "E as a consequence of C": the parser may hang
    the phrase on a noun of the effect ("include a junction as a result of the fine")."""
    doc = tok.doc
    if tok.lower_ != "as" or tok.dep_ != "prep" or tok.i + 3 >= len(doc):
        return None
    noun, of = doc[tok.i + 2], doc[tok.i + 3]
    if noun.lower_ not in {"result", "consequence"} or of.lower_ != "of" or of.head.i != noun.i:
        return None
    cause = [t for c in of.children if c.dep_ == "pobj" for t in c.subtree]
    verb = _verb_above(tok)
    if not cause or verb is None:
        return None
    return cause, _clause(verb, {t.i for t in tok.subtree})


def _behind_pair(tok: Token) -> Pair | None:
    """(cause, effect) of "C is behind E" / "C lies behind E" ("worries about noise are
    behind the delay")."""
    if tok.lower_ != "behind" or tok.dep_ != "prep" or tok.head.lemma_.lower() not in {"be", "lie"}:
        return None
    subj = [c for c in tok.head.children if c.dep_ in {"nsubj", "csubj"}]
    effect = [t for c in tok.children if c.dep_ == "pobj" for t in c.subtree]
    if len(subj) != 1 or not effect or subj[0].lower_ in _RELATIVES:
        return None
    return list(subj[0].subtree), effect


def _added_to_pair(tok: Token) -> Pair | None:
    """(cause, effect) of "C, which added to / contributed to E": the relative stands for the
    act before it."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in {"add", "contribute"}:
        return None
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    to = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"]
    if len(subj) != 1 or subj[0].lower_ != "which" or not to or tok.dep_ != "relcl":
        return None
    effect = [t for c in to[0].children if c.dep_ == "pobj" for t in c.subtree]
    if not effect:
        return None
    return _before_relative(tok.head, subj[0], {t.i for t in tok.subtree}), effect


def _reason_pair(tok: Token) -> Pair | None:
    """(cause, effect) of "C was the reason (why / that) E": the subject of "be" and the clause
    that hangs on "reason"."""
    if tok.lemma_.lower() != "reason" or tok.dep_ != "attr" or tok.head.lemma_.lower() != "be":
        return None
    subj = [c for c in tok.head.children if c.dep_ in {"nsubj", "csubj"}]
    clause = [c for c in tok.children if c.dep_ in {"relcl", "acl"}]
    if len(subj) != 1 or not clause or subj[0].lower_ in _RELATIVES | {"this", "that", "it"}:
        return None
    effect = [t for t in clause[0].subtree if t.lower_ not in {"why", "that"}]
    return list(subj[0].subtree), effect


# "X links / attributes / traces E to C", "X blames E on C" (and "blames C for E")
_ASCRIBE_VERBS = frozenset({"link", "attribute", "trace", "blame", "tie"})


def _ascribed_pair(tok: Token) -> Pair | None:
    """(cause, effect) of a verb that ascribes an effect to a cause ("the report links the
    decline to the manager's departure": the departure the cause)."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _ASCRIBE_VERBS:
        return None
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    for prep in tok.subtree:
        # the parse may hang "to C" on a word of the object ("links the fall in standards to
        # the departure"): any "to" of the verb's own clause after the object, read by order
        above = _verb_above(prep)
        if prep.dep_ != "prep" or prep.i <= obj.i or above is None or above.i != tok.i:
            continue
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if pobj is None:
            continue
        effect = list(tok.doc[obj.left_edge.i : prep.i])
        if prep.lower_ in {"to", "on"}:
            return list(pobj.subtree), effect
        if prep.lower_ == "for" and tok.lemma_.lower() == "blame":
            return effect, list(pobj.subtree)
    return None


def _verb_above(tok: Token) -> Token | None:
    """The nearest verb that ``tok`` hangs under."""
    head = tok.head
    while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
        head = head.head
    return head if head.pos_ in {"VERB", "AUX"} else None


def _verb_pair(tok: Token) -> Pair | None:
    """(cause, effect) of "C lets / causes / leads to / keeps E"; a relative pronoun subject
    stands for the noun its clause hangs from ("a deficit, which he said had led to E")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _CAUSAL_VERBS:
        return None
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    effect = [t for c in tok.children if c.dep_ in _EFFECT_DEPS for t in c.subtree]
    if len(subj) != 1 or not effect:
        return None
    if subj[0].lower_ in _RELATIVES:
        antecedent = _antecedent(tok)
        if antecedent is None:
            return None
        clause = {t.i for t in tok.subtree} | {t.i for t in _relative_clause(tok).subtree}
        return _before_relative(antecedent, subj[0], clause), effect
    return list(subj[0].subtree), effect


_RELATIVES = frozenset({"which", "that", "who"})


def _relative_clause(tok: Token) -> Token:
    """The relative clause ``tok`` is in (itself, or the clause it is the complement of)."""
    seen = 0
    while tok.dep_ != "relcl" and tok.dep_ in {"ccomp", "xcomp", "conj"} and seen < 4:
        tok = tok.head
        seen += 1
    return tok


def _antecedent(tok: Token) -> Token | None:
    """The noun a relative clause holding ``tok`` modifies, or None."""
    clause = _relative_clause(tok)
    if clause.dep_ != "relcl" or clause.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    return clause.head


def _before_relative(antecedent: Token, pronoun: Token, clause: set[int]) -> list[Token]:
    """What a relative "which" stands for: the words from the verb governing its noun to the
    pronoun ("pointed to [a deficit last season], which ..."; the parser may hang the clause on
    "season"), with the verb when it is an act, not a way of saying ("[work from the bottom],
    which kept ..."), else the noun's own phrase."""
    verb = next((a for a in antecedent.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is not None and verb.i < antecedent.i < pronoun.i:
        # the verb too when it is an act, not a way of saying ("could only work from the
        # bottom, which kept ...")
        first = verb.i if verb.lemma_.lower() not in SAY_VERBS else verb.i + 1
        return [t for t in antecedent.doc[first : pronoun.i] if t.i not in clause]
    return [t for t in antecedent.subtree if t.i not in clause]


_RESULT_MARKS = frozenset({"consequently", "therefore", "thus", "hence"})


def _result_pair(tok: Token) -> Pair | None:
    """(cause, effect) of "C, and as a result E" / "C, and consequently E": the
    second of two coordinated clauses is the effect of the first."""
    if (
        tok.dep_ != "conj"
        or tok.pos_ not in {"VERB", "AUX"}
        or tok.head.pos_ not in {"VERB", "AUX"}
    ):
        return None
    links = [c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
    if not links:
        return None
    # the words between the conjunction and the verb, read as text: the parser often hangs
    # "as a result" on the subject ("[a result vaccination rates]")
    between = " ".join(t.lower_ for t in tok.doc[links[-1].i : tok.i])
    if "as a result" not in between and not any(w in _RESULT_MARKS for w in between.split()):
        return None
    effect = _clause(tok, set())
    return _clause(tok.head, {t.i for t in tok.subtree}), effect


def _why_pair(tok: Token) -> Pair | None:
    """(cause, effect) of "C, which is why E" / "C, which explains why E"."""
    if tok.lower_ != "why" or tok.dep_ != "advmod" or tok.head.dep_ not in {"ccomp", "advcl"}:
        return None
    effect_head = tok.head
    link = effect_head.head
    if link.lemma_.lower() not in {"be", "explain"}:
        return None
    if link.dep_ not in {"relcl", "advcl"}:
        # "The shortage of nurses is why the home relies on agency staff"
        subj = [c for c in link.children if c.dep_ in {"nsubj", "csubj"}]
        if len(subj) != 1 or subj[0].lower_ in _RELATIVES | {"this", "that", "it"}:
            return None
        return list(subj[0].subtree), [t for t in effect_head.subtree if t.i != tok.i]
    if not any(c.dep_ == "nsubj" and c.lower_ == "which" for c in link.children):
        return None
    verb = link.head
    for _ in range(4):  # "work through [the weekend], which is why": up to the clause's verb
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    effect = [t for t in effect_head.subtree if t.i != tok.i]
    return _clause(verb, {t.i for t in link.subtree}), effect


def _so_pair(tok: Token) -> Pair | None:
    """(cause, effect) of "C, so E": the clause marked by "so" (not "so that", a purpose) is
    the effect; the cause is the clause before it, whichever of the two the parser heads."""
    if tok.pos_ not in {"VERB", "AUX"}:
        return None
    marks = [c for c in tok.children if c.lower_ == "so" and c.dep_ in {"mark", "advmod", "cc"}]
    if not marks or (marks[0].i + 1 < len(tok.doc) and tok.doc[marks[0].i + 1].lower_ == "that"):
        return None
    so = marks[0]
    if so.dep_ == "cc":  # "C, so E" read as E coordinated with C
        after = [c for c in tok.children if c.dep_ == "conj" and c.i > so.i]
        if not after:
            return None
        return _clause(tok, {so.i}), [t for t in after[0].subtree]
    before = [c for c in tok.children if c.dep_ in {"ccomp", "advcl", "conj"} and c.i < so.i]
    if before:
        cause = [t for c in before for t in c.subtree]
        skip = {t.i for t in cause} | {so.i}
        return cause, [t for t in _clause(tok, skip) if t.i != so.i]
    if tok.dep_ in {"ccomp", "advcl", "conj"} and tok.head.i < so.i:
        effect = [t for t in tok.subtree if t.i != so.i]
        return _clause(tok.head, {t.i for t in tok.subtree}), effect
    return None


def _participle_pair(tok: Token) -> Pair | None:
    """(cause, effect) of "C, causing / forcing / leading to E": a causal verb in -ing with no
    subject of its own hangs from the clause that is its cause."""
    if tok.tag_ != "VBG" or tok.dep_ != "advcl" or tok.lemma_.lower() not in _CAUSAL_VERBS:
        return None
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
        return None
    effect = [t for c in tok.children if c.dep_ in _EFFECT_DEPS for t in c.subtree]
    if not effect:
        return None
    return _clause(tok.head, {t.i for t in tok.subtree}), effect


_WEAK_CAUSAL = frozenset({"make", "keep", "let"})
"""Causal verbs whose subject may be a doer, not a reason ("the foundation made a beginners'
area a condition")."""


def causal_pairs(span: Iterable[Token], *, stated: bool = False) -> list[Pair]:
    """Every (cause tokens, effect tokens) pair a sentence states; with ``stated``, only the
    pairs a reader takes for a reason (not the subject of "make", "keep" or "let")."""
    out = []
    for tok in span:
        if stated and tok.lemma_.lower() in _WEAK_CAUSAL:
            continue
        pair = (
            _because_pair(tok)
            or _prep_pair(tok)
            or _verb_pair(tok)
            or _ascribed_pair(tok)
            or _result_pair(tok)
            or _why_pair(tok)
            or _so_pair(tok)
            or _participle_pair(tok)
            or _behind_pair(tok)
            or _reason_pair(tok)
            or _added_to_pair(tok)
        )
        if pair is not None:
            out.append(pair)
    return out


def _content(toks: Sequence[Token]) -> list[Token]:
    """The content words of one side, the causal verb itself left out."""
    return [t for t in content_tokens(toks) if t.lemma_.lower() not in _CAUSAL_VERBS]


def _word_keys(tok: Token) -> set[str]:
    """Lemma and derivation key of a word ("melt"/"melting", "close"/"closure")."""
    lemma = tok.lemma_.lower()
    key = derivation_key(lemma)
    return {lemma, key} if key else {lemma}


def _keys(toks: Sequence[Token]) -> set[str]:
    """The keys of every content word of one side of a pair."""
    return {k for t in _content(toks) for k in _word_keys(t)}


def _share(side: Sequence[Token], other: set[str]) -> float:
    """Share of ``side``'s content words that ``other`` holds (by lemma, derivation or a
    synonym of the news paraphrase table: "fast" for "quickly")."""
    words = _content(side)
    if not words:
        return 0.0
    return sum(1 for t in words if _found(_word_keys(t), other)) / len(words)


def _found(keys: set[str], other: set[str]) -> bool:
    return bool(keys & other) or any(synonyms(k, o) for k in keys for o in other)


_LINKS = frozenset({"because", "of", "due", "to", "thanks", "owing", "after", "following", "by"})


def _cause_words(cause: Sequence[Token]) -> str:
    """The cause as written, without the words that link it ("due to", "because")."""
    words = list(cause)
    while words and (words[0].lower_ in _LINKS or words[0].dep_ == "mark"):
        words.pop(0)
    return " ".join(t.text for t in words if not t.is_punct or t.text == "%")


def _first_in_time(cause: Sequence[Token]) -> bool:
    """The side is an earlier event ("after C", "following C"), not a stated cause."""
    return any(t.lower_ in _BEFORE_PREPS and t.dep_ in {"prep", "mark", "advcl"} for t in cause[:2])


def _across(claim: SpacySpan) -> list[Pair]:
    """The pairs of the claim's sentence that the claim is one side of: a sentence split into
    claims at ", and as a result" keeps its cause and effect together."""
    ids = {t.i for t in claim}
    return [
        (cause, effect)
        for cause, effect in causal_pairs(claim.sent)
        if ids & {t.i for t in cause} or ids & {t.i for t in effect}
    ]


def check_causal(claim: SpacySpan, evidence: Sequence[Sentence], out: CheckResult) -> None:
    """Report a claim whose cause is the original's effect and whose effect its cause."""
    pairs = causal_pairs(claim) or _across(claim)
    if not pairs:
        return
    for sent in evidence:
        for o_cause, o_effect in causal_pairs(sent.span):
            oc, oe = _keys(o_cause), _keys(o_effect)
            if any(
                min(_share(cause, oc), _share(effect, oe)) >= CROSS_SHARE for cause, effect in pairs
            ):
                continue  # the claim keeps this pair the right way round; a pair nested in it
                # ("the share would make it unviable because of the cost") is no reversal
            for cause, effect in pairs:
                if len(_content(cause)) + len(_content(effect)) < 2 * _MIN_WORDS - 1:
                    continue  # "the shortage" may be one side when the other says more
                c_to_e, c_to_c = _share(cause, oe), _share(cause, oc)
                e_to_c, e_to_e = _share(effect, oc), _share(effect, oe)
                if min(c_to_e, e_to_c) < CROSS_SHARE or c_to_e <= c_to_c or e_to_c <= e_to_e:
                    continue
                said = _quote(_cause_words(o_cause))
                reason = (
                    f"order of events reversed: in the original {said} comes first"
                    if _first_in_time(o_cause)
                    else f"cause and effect reversed: in the original the cause is {said}"
                )
                out.findings.append(Finding("causal", "contradicted", reason))
                return


def _stated_reason(tok: Token) -> Pair | None:
    """(cause, effect) of a reason stated as such: "E because C", "E because of / due to /
    thanks to / owing to C" (not "after C": an earlier event need be no reason)."""
    if tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "because" for c in tok.children
    ):
        return _because_pair(tok)
    if tok.lower_ in _BEFORE_PREPS:
        return None
    return _prep_pair(tok) or _driven_by(tok)


_DRIVEN = frozenset({"drive", "cause", "prompt", "trigger", "fuel", "spark"})


def _driven_by(tok: Token) -> Pair | None:
    """(cause, effect) of "E, driven largely by C" / "E was caused by C": a causal verb's
    passive participle and its agent."""
    if tok.tag_ != "VBN" or tok.lemma_.lower() not in _DRIVEN:
        return None
    agent = next((c for c in tok.children if c.dep_ == "agent"), None)
    if agent is None:
        return None
    cause = list(agent.subtree)
    if tok.dep_ in {"acl", "advcl", "amod"} and tok.head.i != tok.i:
        # "E, driven by C": the effect is what the participle hangs on, without it
        return cause, _clause(tok.head, {t.i for t in tok.subtree})
    return cause, _clause(tok, {t.i for t in cause})  # "E was caused by C"


_REASON_GIVEN = re.compile(
    r"\b(?:as a (?:result|consequence)|because|due to|owing to|in response to|thanks to)\b",
    re.IGNORECASE,
)
"""Connectives by which the evidence gives a reason the pair reader may not parse."""


def _purpose_pair(tok: Token) -> Pair | None:
    """(purpose, act) of "A, so that P": the purpose is read as a reason the act is given."""
    marks = {c.lower_ for c in tok.children if c.dep_ == "mark"}
    if tok.dep_ != "advcl" or not {"so", "that"} <= marks or tok.head.i == tok.i:
        return None
    purpose = [t for t in tok.subtree if t.lower_ not in {"so", "that"}]
    return purpose, _clause(tok.head, {t.i for t in tok.subtree})


def check_added_reason(
    claim: SpacySpan, evidence: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    """A reason the original does not give: "E because C" whose effect the evidence states,
    whose evidence gives no cause of its own, and whose cause is mostly what the original never
    mentions ("members turned down the offer because it was below inflation" where the
    original gives no reason)."""
    if not evidence or any(f.check == "causal" for f in out.findings):
        return
    if any(causal_pairs(s.span) for s in evidence):
        return  # the original explains something there: the reversal check reads it
    if any(_REASON_GIVEN.search(s.text) for s in evidence):
        return  # "As a result of the incident, the club will ...": a reason, in other words
    ev_keys = {k for s in evidence for k in _keys(list(s.span))}
    for tok in claim:
        purpose = _purpose_pair(tok)
        pair = _stated_reason(tok) or purpose
        if pair is None:
            continue
        cause, effect = pair
        if _share(effect, ev_keys) < CROSS_SHARE:
            continue
        words = [t for t in _content(cause) if t.pos_ in {"NOUN", "PROPN", "VERB", "ADJ"}]
        new = [t for t in words if not aligner.doc_index.has(t)]
        if purpose is pair and not any(t.pos_ in {"NOUN", "PROPN"} for t in new):
            continue  # "so that it can pay for the repairs": a purpose reworded; a new thing
            # ("so that fares would not have to rise") is one the original does not give
        if new and len(new) >= CROSS_SHARE * len(words):  # mostly new, not a reason reworded
            out.findings.append(
                Finding(
                    "causal",
                    "unsupported",
                    f"a reason the original does not give: {_quote(_cause_words(cause))}",
                    counterpart=True,
                )
            )
            return


class _OriginalPair(NamedTuple):
    """A cause-effect pair of the original with the keys of each side's content words."""

    cause: list[Token]
    effect: list[Token]
    cause_keys: set[str]
    effect_keys: set[str]


def _article_pairs(aligner: Aligner) -> list[_OriginalPair]:
    """Every cause-effect pair the original states (not an earlier event "after C": that may
    be no reason), with its keys, read once per article."""
    return aligner.analysis.derived(
        "causal_pairs",
        lambda an: [
            _OriginalPair(c, e, _keys(c), _keys(e))
            for s in an.sentences
            for c, e in causal_pairs(s.span)
            if not _first_in_time(c)
        ],
    )


def check_stated_reasons(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """Check the cause-effect pairs the claim states as reasons (read once) against the
    original's: another reason, a link it does not make, a consequence it does not report."""
    pairs = causal_pairs(claim, stated=True)
    if not pairs:
        return
    _other_reason(pairs, aligner, out)
    _unlinked_reason(pairs, aligner, out)
    _added_consequence(pairs, aligner, out)


def _reasons(pairs: list[Pair], out: CheckResult) -> list[Pair]:
    """The pairs given as reasons (not an earlier event "after C"), each side of at least
    :data:`_MIN_WORDS` content words; none when a causal finding is already made."""
    if any(f.check == "causal" for f in out.findings):
        return []
    return [
        (cause, effect)
        for cause, effect in pairs
        if not _first_in_time(cause)
        and len(_content(cause)) >= _MIN_WORDS
        and len(_content(effect)) >= _MIN_WORDS
    ]


def _other_reason(stated: list[Pair], aligner: Aligner, out: CheckResult) -> None:
    """A reason the original does not give for an effect it explains otherwise: "journeys may
    start later because of the council's ban" where the original says they start later
    "because Fenwick is two miles further out". The claim's effect is the effect of a pair of
    the original (half or more of its content words); the claim's cause shares less than
    :data:`OTHER_SHARE` of its words with that pair's cause, and is not that pair's effect (a
    reversal, :func:`check_causal`)."""
    pairs = _reasons(stated, out)
    if not pairs:
        return
    original = _article_pairs(aligner)
    keys = _sentence_keys(aligner)
    for cause, effect in pairs:
        same_effect = [
            o
            for o in original
            if _share(effect, o.effect_keys) >= CROSS_SHARE and len(_content(o.cause)) >= _MIN_WORDS
        ]
        if not same_effect or any(
            _share(cause, o.cause_keys) >= OTHER_SHARE
            or _share(o.cause, _keys(cause))
            >= CROSS_SHARE  # the claim's reason holds the original's
            or _share(cause, o.effect_keys) >= CROSS_SHARE
            for o in same_effect
        ):
            continue
        if any(_share(cause, o.cause_keys) >= CROSS_SHARE for o in original):
            continue  # the original gives the claim's reason as a reason too ("a shortage of
            # bakers forced the firm to cut hours"): the claim may join two of its pairs
        at, share = _best_sentence(cause, keys)
        if share < CROSS_SHARE or any(
            aligner.analysis.sentence_at(o.effect[0].idx).id == at for o in same_effect
        ):
            continue  # the claim's reason is no fact of its own elsewhere in the original: it
            # may be the original's reason in other words ("a hole in the accounts")
        said = _quote(_cause_words(same_effect[0].cause))
        out.findings.append(
            Finding(
                "causal",
                "unsupported",
                f"another reason: the original gives {said} as the reason",
                counterpart=True,
            )
        )
        return


_LINK_WORDS = frozenset(
    {
        "because", "due", "owing", "result", "consequence", "so", "therefore", "thus", "hence",
        "after", "following", "since", "why", "reason", "lead", "led", "mean", "meant", "force",
        "forced", "cause", "caused", "prompt", "prompted", "trigger", "triggered", "thanks",
        "blame", "blamed", "amid",
    }
)  # fmt: skip
"""Words by which a sentence may tie its fact to another one in ways the pair reader does not
parse ("That meant ...", "This led to ...", "amid ...")."""


def _sentence_keys(aligner: Aligner) -> list[set[str]]:
    """The keys of every content word of each sentence of the original, read once."""
    return aligner.analysis.derived(
        "causal_sentence_keys", lambda an: [_keys(list(s.span)) for s in an.sentences]
    )


def _best_sentence(side: Sequence[Token], keys: list[set[str]]) -> tuple[int, float]:
    shares = [_share(side, k) for k in keys]
    best = max(range(len(shares)), key=shares.__getitem__, default=-1)
    return best, shares[best] if best >= 0 else 0.0


def _unlinked_reason(stated: list[Pair], aligner: Aligner, out: CheckResult) -> None:
    """Two facts the original gives apart, tied by the claim as cause and effect: "two of its
    five dentists left last autumn, which is why the surgery fell short" where the original
    says each in its own sentence and explains neither by the other. Both sides are found
    (half or more of their content words) in two different sentences of the original, no pair
    of the original has the claim's effect as its effect, and neither sentence has a word that
    may tie it to another (:data:`_LINK_WORDS`)."""
    pairs = _reasons(stated, out)
    if not pairs:
        return
    original = _article_pairs(aligner)
    keys = _sentence_keys(aligner)
    for cause, effect in pairs:
        if any(_share(effect, o.effect_keys) >= CROSS_SHARE for o in original):
            continue  # the original explains this effect: _other_reason reads it
        c_at, c_share = _best_sentence(cause, keys)
        e_at, e_share = _best_sentence(effect, keys)
        if min(c_share, e_share) < CROSS_SHARE or abs(c_at - e_at) <= 1:
            continue  # one sentence, or two in a row: the original may join them by their order
            # ("You need not act. Prescriptions will transfer automatically.")
        if _share(effect, keys[c_at]) > OTHER_SHARE or _share(cause, keys[e_at]) > OTHER_SHARE:
            continue  # the cause's sentence says part of the effect too ("lost about 35 million
            # dollars, as the satellite was not insured")
        sents = aligner.sentences
        if any(
            t.lower_ in _LINK_WORDS or t.lemma_.lower() in _LINK_WORDS
            for k in (c_at, e_at)
            for t in sents[k].span
        ):
            continue
        out.findings.append(
            Finding(
                "causal",
                "unsupported",
                "a link the original does not make: it gives "
                f"{_quote(_cause_words(cause))} and {_quote(_cause_words(effect))} apart",
                counterpart=True,
            )
        )
        return


_CONSEQUENCE_MIN = 3
"""Content words an effect needs to be judged a consequence of its own."""


def _result_link(effect: Sequence[Token]) -> bool:
    """The pair is told as a result ("C, and as a result E", "C, so E", "C, which is why E"):
    the effect is the claim's news, not an explanation of a fact it reports."""
    doc = effect[0].doc
    between = " ".join(t.lower_ for t in doc[max(effect[0].i - 4, 0) : effect[0].i + 4])
    return bool(
        re.search(r"\b(?:as a (?:result|consequence)|so|which is why|therefore)\b", between)
    )


def _added_consequence(stated: list[Pair], aligner: Aligner, out: CheckResult) -> None:
    """A consequence the original does not report, told as the result of a fact it does: "her
    takings had halved since the storm, and as a result she no longer opens before ten" where
    the original gives the takings but not the opening hours. The cause is found in a sentence
    of the original (half or more of its content words); the effect, of at least
    :data:`_CONSEQUENCE_MIN` content words, has less than half of them in any one sentence, even
    when each word is somewhere in the article (what :func:`check_added_clauses` reads)."""
    if any(f.check in {"causal", "clauses"} for f in out.findings):
        return
    keys = _sentence_keys(aligner)
    for cause, effect in stated:
        if not cause or not effect or not _result_link(effect):
            continue
        if len(_content(effect)) < _CONSEQUENCE_MIN or len(_content(cause)) < _MIN_WORDS:
            continue
        _, c_share = _best_sentence(cause, keys)
        _, e_share = _best_sentence(effect, keys)
        if c_share < CROSS_SHARE or e_share >= CROSS_SHARE:
            continue
        out.findings.append(
            Finding(
                "clauses",
                "unsupported",
                f"a consequence the original does not report: {_quote(_cause_words(effect))}",
            )
        )
        return
