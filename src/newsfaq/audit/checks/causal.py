"""Cause and effect: a claim that turns round the direction the original gives.

"The soup business shrank because shoppers switched to store brands" rewritten as "Shoppers kept
switching to store brands because the soup business shrank" keeps every word and every figure;
only the direction of the explanation is reversed, and the checks of words, figures and names
pass it. Both texts are read for cause-effect pairs (an effect clause and its "because" clause,
a "because of" / "due to" / "thanks to" phrase and the clause it modifies, the subject and the
complement of a causal verb such as "let", "cause", "lead to", "keep"). When the claim's cause
is mostly the original's effect and the claim's effect mostly the original's cause (each by
half or more of its content words, and more than it matches its own side), the claim
contradicts the original.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsfaq.audit.align import content_tokens, derivation_key
from newsfaq.audit.checks.common import CheckResult, Finding, _quote

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from newsfaq.text.nlp import Sentence

__all__ = ["CROSS_SHARE", "causal_pairs", "check_causal"]

CROSS_SHARE = 0.5
"""Share of a side's content words found on the other side of the original's pair."""

_MIN_WORDS = 2
_CAUSAL_VERBS = frozenset(
    {"cause", "lead", "let", "make", "keep", "drive", "force", "prompt", "trigger", "spark"}
)
_CAUSAL_PREPS = {("because", "of"), ("due", "to"), ("thanks", "to"), ("owing", "to")}
_EFFECT_DEPS = frozenset({"dobj", "xcomp", "ccomp", "prep", "acomp", "oprd"})

Pair = tuple[list["Token"], list["Token"]]


def _clause(head: Token, without: set[int]) -> list[Token]:
    """The clause of ``head`` without the tokens in ``without`` and its coordinated clauses."""
    skip = {t.i for c in head.children if c.dep_ in {"conj", "cc"} for t in c.subtree}
    return [t for t in head.subtree if t.i not in without and t.i not in skip]


def _because_pair(tok: Token) -> Pair | None:
    """(cause, effect) of "E because C" / "because C, E"."""
    if tok.dep_ != "advcl" or not any(
        c.dep_ == "mark" and c.lower_ == "because" for c in tok.children
    ):
        return None
    cause = list(tok.subtree)
    return cause, _clause(tok.head, {t.i for t in cause})


def _prep_pair(tok: Token) -> Pair | None:
    """(cause, effect) of "E because of / due to / thanks to C"."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or (tok.lower_, doc[tok.i + 1].lower_) not in _CAUSAL_PREPS:
        return None
    if tok.dep_ not in {"prep", "advmod", "amod"} or tok.head.pos_ not in {"VERB", "AUX"}:
        return None
    cause = list(tok.subtree)
    return cause, _clause(tok.head, {t.i for t in cause})


def _verb_pair(tok: Token) -> Pair | None:
    """(cause, effect) of "C lets / causes / leads to / keeps E"."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _CAUSAL_VERBS:
        return None
    subj = [c for c in tok.children if c.dep_ == "nsubj"]
    effect = [t for c in tok.children if c.dep_ in _EFFECT_DEPS for t in c.subtree]
    if len(subj) != 1 or not effect:
        return None
    return list(subj[0].subtree), effect


def causal_pairs(span: Iterable[Token]) -> list[Pair]:
    """Every (cause tokens, effect tokens) pair a sentence states."""
    out = []
    for tok in span:
        pair = _because_pair(tok) or _prep_pair(tok) or _verb_pair(tok)
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
    """Share of ``side``'s content words that ``other`` holds (by lemma or derivation)."""
    words = _content(side)
    if len(words) < _MIN_WORDS:
        return 0.0
    return sum(1 for t in words if _word_keys(t) & other) / len(words)


def check_causal(claim: SpacySpan, evidence: Sequence[Sentence], out: CheckResult) -> None:
    """Report a claim whose cause is the original's effect and whose effect its cause."""
    pairs = causal_pairs(claim)
    if not pairs:
        return
    for sent in evidence:
        for o_cause, o_effect in causal_pairs(sent.span):
            oc, oe = _keys(o_cause), _keys(o_effect)
            for cause, effect in pairs:
                c_to_e, c_to_c = _share(cause, oe), _share(cause, oc)
                e_to_c, e_to_e = _share(effect, oc), _share(effect, oe)
                if min(c_to_e, e_to_c) < CROSS_SHARE or c_to_e <= c_to_c or e_to_c <= e_to_e:
                    continue
                said = " ".join(t.text for t in o_cause if t.dep_ not in {"mark", "prep"})
                out.findings.append(
                    Finding(
                        "causal",
                        "contradicted",
                        f"cause and effect reversed: in the original the cause is {_quote(said)}",
                    )
                )
                return
