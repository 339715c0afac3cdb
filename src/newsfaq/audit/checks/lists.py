"""Lists: a member added to, or swapped into, a list the original gives.

A rewrite that keeps a list ("eczema, asthma and digestive problems"; "HMS Dragon, HMS Enterprise
and HMS Portland") is matched with the list of its evidence that shares at least two members with
it (two pairs of names: one member). A member of the claim's list that none of the original's
members matches is a change:
- swapped in, when the original's list has a member the claim does not name anywhere (the
  original lists "HMS Richmond", the claim "HMS Portland"): ``contradicted``;
- added, when the original's list has no such member, the article never uses the word and it
  is an item of the same kind as a listed one by word vectors (the original lists eczema and
  digestive problems, the claim adds asthma): ``unsupported``.
Members are matched by their head word and its name words, so a list reordered or cut short is
no change, and a member reworded with another head ("digestive issues") is compared only when
its head is a name (a swapped common noun is more often a paraphrase).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfaq.audit.align import Aligner, norm_word
from newsfaq.audit.checks.common import CheckResult, Finding, _quote
from newsfaq.text.nlp import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = ["check_lists", "list_members"]

_NOMINAL = frozenset({"NOUN", "PROPN"})
_MIN_SHARED = 2


@dataclass(frozen=True)
class Member:
    """One member of a coordinated list of nouns."""

    head: str
    """Lemma of its head noun, normalised."""
    names: frozenset[str]
    """Its proper-noun words, normalised (empty for a common noun)."""
    text: str

    @property
    def named(self) -> bool:
        return bool(self.names)

    def matches(self, other: Member) -> bool:
        """The same head word, or names of which one has all the other's words ("Calloway
        Heights" and the original's "Heights neighbourhoods")."""
        if self.head == other.head:
            return True
        return (
            self.named and other.named and (self.names <= other.names or other.names <= self.names)
        )


def _member(tok: Token) -> Member:
    words = [c for c in tok.lefts if c.dep_ in {"compound", "amod", "nmod"}] + [tok]
    names = frozenset(norm_word(t.text) for t in words if t.pos_ == "PROPN")
    text = tok.doc[min(t.i for t in words) : tok.i + 1].text
    head = tok.lower_ if tok.pos_ == "PROPN" else tok.lemma_.lower()
    return Member(norm_word(head), names, text)


def _member_before(tok: Token, span: SpacySpan) -> Token | None:
    """The noun right before ``tok``'s phrase and a comma, object of a verb or preposition."""
    i = tok.left_edge.i - 1
    if i <= span.start or span.doc[i].text != ",":
        return None
    prev = span.doc[i - 1]
    return prev if prev.pos_ in _NOMINAL and prev.dep_ in {"pobj", "dobj"} else None


def list_members(span: SpacySpan) -> list[list[Member]]:
    """The coordinated lists of nouns in ``span`` (three members or two), each in order."""
    out: list[list[Member]] = []
    for tok in span:
        if tok.pos_ not in _NOMINAL:
            continue
        if tok.dep_ == "conj" and tok.head.pos_ in _NOMINAL:
            continue  # a member of the chain its first member starts
        chain = [tok]
        if tok.dep_ == "conj":
            # "on resurfacing, new lighting and ...": the parse hung the second member on the
            # verb; the noun before the comma is the first
            before = _member_before(tok, span)
            if before is None:
                continue
            chain = [before, tok]
        frontier = [tok]
        while frontier:
            nxt = [
                c for t in frontier for c in t.children if c.dep_ == "conj" and c.pos_ in _NOMINAL
            ]
            chain += nxt
            frontier = nxt
        if len(chain) >= 2 and not _one_name(chain):
            out.append([_member(t) for t in sorted(chain, key=lambda t: t.i)])
    return out


def _one_name(chain: list[Token]) -> bool:
    """The "members" are words of one name: one entity of the tagger's, or proper nouns
    joined by a possessive ("the Lecturers' and Tutors' Union")."""
    first, last = min(t.i for t in chain), max(t.i for t in chain)
    doc = chain[0].doc
    if doc[first].ent_type_ and all(doc[i].ent_iob_ == "I" for i in range(first + 1, last + 1)):
        return True
    between = doc[first : last + 1]
    return all(t.pos_ == "PROPN" for t in chain) and any(
        t.tag_ == "POS" or (t.dep_ == "case" and t.text in {"'", "’"}) for t in between
    )


_SAME_KIND = 0.6
"""Word-vector similarity of an added member's head to a listed one's at which it is another
item of the same kind ("asthma" beside "eczema" 0.68; "helping" beside "food" 0.56 is a parse
of "with cheaper fuel and food helping", not a list member)."""


def _same_kind(member: Member, listed: list[Member]) -> bool:
    from newsfaq.text.wordvec import word_vectors

    vectors = word_vectors()
    sims = [vectors.similarity(member.head, e.head) for e in listed]
    return max((s for s in sims if s is not None), default=0.0) >= _SAME_KIND


def _plain_noun(member: Member, claim: SpacySpan) -> bool:
    """The member is a common noun, not a verb form the parse put in the list ("helping")."""
    toks = [t for t in claim if norm_word(t.lemma_.lower()) == member.head and t.pos_ == "NOUN"]
    return any(not t.text.lower().endswith("ing") for t in toks)


def _named_in(member: Member, text: str) -> bool:
    """Whether ``text`` has the head word of ``member`` (case and accents ignored)."""
    return member.head in {norm_word(w.lower()) for w in re.findall(r"[\w'’-]+", text)}


def _added(
    member: Member,
    listed: list[Member],
    sid: int,
    claim: SpacySpan,
    evidence: Sequence[Sentence],
    aligner: Aligner,
) -> bool:
    """A common noun the claim adds to the original's list: a word the original never uses,
    of the same kind as a listed item (or plainly a noun); or a word it uses only away from
    the list (:func:`_far_from_list`), when it is of the same kind as a listed item ("quinces"
    beside pears and apples, not "vessels" that names the listed ships)."""
    unnamed = [e for e in listed if not e.named]
    if not aligner.doc_index.has_word(member.head):
        return _same_kind(member, unnamed) or _plain_noun(member, claim)
    return _same_kind(member, listed) and _far_from_list(member, sid, evidence, aligner)


def _far_from_list(
    member: Member, sid: int, evidence: Sequence[Sentence], aligner: Aligner
) -> bool:
    """The original uses the member's word only away from the list: in no evidence sentence
    and in no sentence next to the list's ("quinces" added to the varieties to be planted,
    where the original names quince among the trees the blight killed, eleven sentences
    before)."""
    n = len(aligner.sentences)
    near = {s.id for s in evidence} | {i for i in (sid - 1, sid, sid + 1) if 0 <= i < n}
    return not any(member.head in aligner.sentence_index[i].words for i in near)


def _needed(members: list[Member], listed: list[Member]) -> int:
    """Members the claim's list must share with the original's to be the same list: two; one
    for two pairs of names ("between Central Station and Canal Street" for the original's
    "between Central Station and Harrow Lane")."""
    pairs = len(members) == 2 and len(listed) == 2
    return 1 if pairs and all(m.named for m in [*members, *listed]) else _MIN_SHARED


def check_lists(
    claim: SpacySpan, evidence: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    """Record a list member the claim adds to, or swaps into, a list of its evidence."""
    claim_lists = [m for m in list_members(claim) if len(m) >= _MIN_SHARED]
    if not claim_lists:
        return
    ev_lists = [(s.id, m) for s in evidence for m in list_members(s.span)]
    for members in claim_lists:
        sid, best = max(
            ev_lists,
            key=lambda ev: sum(any(m.matches(e) for e in ev[1]) for m in members),
            default=(-1, None),
        )
        if best is None or sum(any(m.matches(e) for e in best) for m in members) < _needed(
            members, best
        ):
            continue
        extra = [m for m in members if not any(m.matches(e) for e in best)]
        left = [
            e
            for e in best
            if not any(e.matches(m) for m in members) and e.named and not _named_in(e, claim.text)
        ]
        for m in extra:
            if m.named and left:
                out.findings.append(
                    Finding(
                        "lists",
                        "contradicted",
                        f"the original's list has {_quote(left[0].text)} where the claim has "
                        f"{_quote(m.text)}",
                        counterpart=True,
                    )
                )
            elif not m.named and _added(m, best, sid, claim, evidence, aligner):
                out.findings.append(
                    Finding(
                        "lists",
                        "unsupported",
                        f"{_quote(m.text)} is not in the original's list "
                        f"({', '.join(e.text for e in best)})",
                    )
                )
