"""Rank the facts of an article and mark the few a reader needs first as key facts.

:func:`newsfaq.text.facts.extract_facts` finds every figure, date, quote, role and attribution; an
800-word report easily has forty. :func:`mark_key_facts` keeps all of them (a fact-checker wants
every figure) and sets ``key=True`` on the top ones, which the renderers show first. A fact
ranks high when its sentence is a key point or comes early, when it is a figure the article
derives or states with a unit that matters (money, percentages), when it says who someone is, or
when it quotes someone not quoted yet; it ranks low when it repeats what another fact of the same
sentence already says, or is a vague date ("next year"). At most two key facts come from one
sentence, one quote from each speaker and figures fill at most half of the places, so that the
key facts cover the article.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from newsfaq import settings
from newsfaq.models import Fact, KeyPoint

__all__ = ["fact_salience", "mark_key_facts"]

_KIND_WEIGHT = {
    "derived": 3.0,
    "quantity": 2.0,
    "role": 1.5,
    "quote": 1.5,
    "attribution": 1.0,
    "date": 1.0,
}
_SALIENT_UNITS = frozenset({"dollars", "euros", "pounds", "percent", "yen", "yuan", "rupees"})
_TIME_UNITS = frozenset({"days", "weeks", "months", "years", "decades", "hours", "minutes"})
_PER_SENTENCE = 2


def _sentence(fact: Fact) -> int:
    return fact.evidence[0].sentence_id if fact.evidence else -1


def fact_salience(
    fact: Fact, *, key_sentences: set[int], n_sentences: int, others: Sequence[Fact] = ()
) -> float:
    """How much a reader needs ``fact`` (higher first); ``others`` are the article's facts.

    >>> from newsfaq.models import Span
    >>> ev = [Span(sentence_id=0, start=0, end=12, text="$5 million x")]
    >>> money = Fact(kind="quantity", text="$5 million", unit="dollars", evidence=ev)
    >>> vague = Fact(kind="date", text="next year", normalized="2026", evidence=ev)
    >>> s = lambda f: fact_salience(f, key_sentences={0}, n_sentences=10)
    >>> s(money) > s(vague)
    True
    """
    sid = _sentence(fact)
    score = _KIND_WEIGHT.get(fact.kind, 1.0)
    if sid in key_sentences:
        score += 1.5
    score += 1.0 - min(sid, n_sentences) / max(n_sentences, 1)
    if fact.kind == "quantity" and fact.unit in _SALIENT_UNITS:
        score += 0.5
    if fact.kind == "quantity" and fact.unit in _TIME_UNITS:
        score -= 0.5  # "two years after", "for 36 hours": context more often than news
    if fact.kind == "date" and not any(ch.isdigit() for ch in fact.text):
        score -= 1.0
    if fact.kind == "attribution" and any(
        o is not fact and o.kind != "attribution" and _sentence(o) == sid and o.attributed_to
        for o in others
    ):
        score -= 1.5  # a figure or quote of the same sentence already carries the source
    return score


def mark_key_facts(
    facts: Sequence[Fact],
    key_points: Sequence[KeyPoint],
    *,
    n_sentences: int,
    limit: int = settings.DEFAULT_KEY_FACTS,
) -> list[Fact]:
    """The same facts in the same order, the ``limit`` most salient ones with ``key=True``.

    >>> from newsfaq.models import Span
    >>> ev = lambda i: [Span(sentence_id=i, start=0, end=1, text="x")]
    >>> facts = [Fact(kind="date", text=f"day {i}", evidence=ev(i)) for i in range(5)]
    >>> [f.key for f in mark_key_facts(facts, [], n_sentences=5, limit=2)]
    [True, True, False, False, False]
    """
    key_sentences = {s.sentence_id for kp in key_points for s in kp.evidence}
    ranked = sorted(
        range(len(facts)),
        key=lambda i: (
            -fact_salience(
                facts[i], key_sentences=key_sentences, n_sentences=n_sentences, others=facts
            )
        ),
    )
    chosen: set[int] = set()
    per_sentence: Counter[int] = Counter()
    per_kind: Counter[str] = Counter()
    max_figures = max(1, (limit + 1) // 2)
    speakers: set[str] = set()
    for i in ranked:
        if len(chosen) >= limit:
            break
        fact = facts[i]
        sid = _sentence(fact)
        if per_sentence[sid] >= _PER_SENTENCE:
            continue
        if fact.kind == "quantity" and per_kind["quantity"] >= max_figures:
            continue
        if fact.kind == "quote":
            speaker = (fact.attributed_to or "").lower()
            if speaker in speakers:
                continue
            speakers.add(speaker)
        chosen.add(i)
        per_sentence[sid] += 1
        per_kind[fact.kind] += 1
    return [f.model_copy(update={"key": i in chosen}) for i, f in enumerate(facts)]
