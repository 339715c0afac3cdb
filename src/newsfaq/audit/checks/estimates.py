"""Whose figure: estimates credited to their sources.

News often gives one quantity by two sources ("Police estimated that about 40,000 people
marched, while organisers put the figure at 95,000"). A claim that credits each figure to the
other source ("95,000 marched by the police's estimate; organisers counted 40,000") keeps every
figure and every source of the original, so the figure and attribution checks pass it; only
reading which source gives which figure finds the exchange.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfaq.audit.align import norm_word
from newsfaq.audit.checks.common import (
    SAY_VERBS,
    CheckResult,
    Finding,
    _quote,
    _tokens_of,
    across_semicolon,
    figure_token,
)
from newsfaq.text.nlp import Sentence
from newsfaq.text.numbers import find_numbers, numbers_agree

__all__ = ["Estimate", "check_estimate_sources", "estimates"]

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from newsfaq.text.numbers import NumberMention

# verbs that give a figure as their subject's count or estimate ("organisers counted 40,000",
# "put the figure at 95,000", "reckon"), besides the reporting verbs
_COUNT_VERBS = frozenset({"count", "put", "reckon", "calculate", "record", "tally", "number"})
# nouns of "by X's estimate", "on the police's count"
_ESTIMATE_NOUNS = frozenset({"estimate", "count", "reckoning", "figure", "tally", "calculation"})


@dataclass(frozen=True)
class Estimate:
    """A figure of a sentence and the words of the source it is credited to."""

    mention: NumberMention
    source: frozenset[str]
    source_text: str


def _source_words(head: Token) -> tuple[frozenset[str], str]:
    words = [t for t in head.subtree if t.dep_ != "case"]
    names = frozenset(norm_word(t.lemma_) for t in words if t.pos_ in {"NOUN", "PROPN"})
    return names, " ".join(t.text for t in words)


def _by_estimate(verb: Token) -> Token | None:
    """ "by the police's estimate", "on the organisers' count": the estimate's holder."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"by", "on", "in"}:
            continue
        if across_semicolon(prep, verb):
            continue  # the parse hung the phrase on the next clause
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in _ESTIMATE_NOUNS:
                holder = next((c for c in noun.children if c.dep_ == "poss"), None)
                if holder is not None and holder.pos_ in {"NOUN", "PROPN"}:
                    return holder
    return None


def _according_to(verb: Token) -> Token | None:
    for t in verb.children:
        if t.lower_ == "according":
            for prep in t.children:
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.pos_ in {"NOUN", "PROPN"}:
                    return obj
    return None


def _source_of(tok: Token) -> Token | None:
    """The party a figure is credited to: the subject of the nearest reporting or counting verb
    above it, or a "by X's estimate" / "according to X" phrase on a verb above it."""
    verb = tok
    while True:
        if verb.pos_ in {"VERB", "AUX"}:
            lemma = verb.lemma_.lower()
            if lemma in SAY_VERBS or lemma in _COUNT_VERBS:
                subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.pos_ in {"NOUN", "PROPN"}:
                    return subj
            holder = _by_estimate(verb) or _according_to(verb)
            if holder is not None:
                return holder
            if lemma in SAY_VERBS or lemma in _COUNT_VERBS:
                return None
        if verb.head.i == verb.i:
            return None
        verb = verb.head


_YEAR = re.compile(r"(?:19|20)\d\d")


def estimates(span: SpacySpan | Sequence[Token]) -> Iterator[Estimate]:
    """Every figure of the tokens credited to a source (counts of 100 and more, amounts and
    percentages: small numbers are seldom estimates)."""
    tokens = list(span)
    if not tokens:
        return
    inside = {t.i for t in tokens}
    for sent in {t.sent.start: t.sent for t in tokens}.values():
        for m in find_numbers(sent.text):
            if m.kind not in {"number", "money", "percent"} or (
                m.kind == "number" and (m.value < 100 or _YEAR.fullmatch(m.text))
            ):
                continue  # (a year, "since 2019", is when, no estimate)
            tok = figure_token(sent, m.start, m.end)
            if tok is None or tok.i not in inside:
                continue
            source = _source_of(tok)
            if source is None:
                continue
            words, text = _source_words(source)
            if words:
                yield Estimate(m, words, text)


def _rival(a: NumberMention, b: NumberMention) -> bool:
    """Two figures that may be two sources' estimates of one quantity: of one kind, within a
    factor of ten of each other (40,000 against 95,000; not 48,000 tonnes against a third)."""
    if a.kind != b.kind or a.currency != b.currency or a.value <= 0 or b.value <= 0:
        return False
    return max(a.value, b.value) / min(a.value, b.value) <= 10


_OTHERS = frozenset({"other", "others"})


def _same_source(a: Estimate, b: Estimate) -> bool:
    """Two sources that share a word, or both "the others" ("other households" for
    "others")."""
    others = [_OTHERS & set(re.findall(r"[a-z]+", e.source_text.lower())) for e in (a, b)]
    return bool(a.source & b.source) or all(others)


def check_estimate_sources(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """A figure the claim credits to one source that the original credits to another source,
    which the original credits with another figure (see the module's doc)."""
    mine = list(estimates(claim))
    if not mine:
        return
    theirs = list(estimates(_tokens_of(ev)))
    for m in mine:
        same = [o for o in theirs if numbers_agree(m.mention, o.mention)]
        if not same or any(_same_source(o, m) for o in same):
            continue
        other = same[0]
        own = next(
            (
                o
                for o in theirs
                if o.source & m.source
                and not numbers_agree(m.mention, o.mention)
                and _rival(m.mention, o.mention)
            ),
            None,
        )
        if own is None:
            continue
        out.findings.append(
            Finding(
                "attribution",
                "contradicted",
                f"whose figure: the claim credits {_quote(m.mention.text)} to "
                f"{_quote(m.source_text)}; the original credits it to "
                f"{_quote(other.source_text)} and gives {_quote(own.mention.text)} as the "
                f"figure of {_quote(own.source_text)}",
                counterpart=True,
            )
        )
        return
