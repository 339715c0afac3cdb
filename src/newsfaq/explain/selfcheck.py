"""Self-audit of an explainer before it is shown: drop what its evidence does not support.

Every item already cites the sentences it comes from, so alignment is free: the audit's checks
run here at token level, without parsing the article again:

1. structure: the evidence spans index the article and contain the item's text;
2. FAQ questions: every content word, name and number of the question is in the evidence (or,
   for words, elsewhere in the article); no negation or certainty ("will", "must") the
   evidence lacks; no exactness the evidence does not give;
3. time: nothing calls a date "upcoming" or "next" when the article is dated after it;
4. derived facts: the figure is the product, sum or difference of the stated figures it cites.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from newsfaq.audit.align import WordIndex
from newsfaq.audit.checks import CERTAIN_MODALS, FUTURE_WORDS, HEDGE_MODALS, date_parts
from newsfaq.models import Explainer, Fact, KeyPoint, QAItem, Span
from newsfaq.text.numbers import YEARS_IN, NumberMention, find_numbers, numbers_agree

__all__ = ["check_fact", "check_key_point", "check_qa", "drop_unsupported"]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d[\d,.]*")
_NEGATION = frozenset({"not", "n't", "never", "no", "nobody", "nothing", "none", "neither"})
_QUESTION_WORDS = frozenset(
    [
        "what",
        "who",
        "whom",
        "whose",
        "which",
        "when",
        "where",
        "why",
        "how",
        "many",
        "much",
        "does",
        "do",
        "did",
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "be",
        "been",
        "being",
        "will",
        "would",
        "can",
        "could",
        "should",
        "may",
        "might",
        "shall",
        "must",
        "happen",
        "happens",
        "happened",
        "happening",
        "mean",
        "means",
        "percentage",
        "article",
        "story",
        "report",
        "about",
        "this",
        "that",
        "these",
        "those",
        "there",
        "their",
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "and",
        "or",
        "if",
        "as",
        "it",
        "its",
        "into",
        "than",
        "then",
        "so",
        "prompt",
        "prompted",
        "prompts",
        "say",
        "says",
        "said",
        "tell",
        "told",
        "role",
        "job",
        "title",
        "position",
        "kind",
        "type",
        "known",
        "according",
        "else",
        "also",
        "other",
        "others",
        "one",
        "ones",
        "something",
        "someone",
        "anything",
        "anyone",
        "do",
        "doing",
        "done",
    ]
)


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def _valid(spans: list[Span], article_text: str, title: str | None = None) -> bool:
    """Every span indexes what it says it indexes: the body, or the headline (``title``)."""

    def indexes(s: Span) -> bool:
        source = (title or "") if s.source == "title" else article_text
        return 0 <= s.start < s.end <= len(source) and source[s.start : s.end] == s.text

    return bool(spans) and all(indexes(s) for s in spans)


def _contained(text: str, spans: list[Span]) -> bool:
    """Whitespace-insensitive containment (a quote may span several evidence sentences)."""
    squeeze = re.compile(r"\s+")
    return squeeze.sub("", _norm(text)) in squeeze.sub("", _norm("".join(s.text for s in spans)))


@lru_cache(maxsize=8192)
def _forms(word: str) -> tuple[str, ...]:
    """A word and its light stems (plural, tense, possessive) for token-level matching."""
    w = word.lower().replace("’", "'")
    out = {w, w.removesuffix("'s")}
    for suffix in ("ies", "es", "s", "ed", "d", "ing"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            out.add(w[: -len(suffix)])
            if suffix == "ies":
                out.add(w[:-3] + "y")
    return tuple(out)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


# Common irregular verbs (base, past, participle): generated questions use the base form with
# do-support ("did sales fall?") where the article has "fell". Regular forms are covered by stems.
_IRREGULAR = """be was been; become became become; begin began begun; break broke broken;
bring brought brought; build built built; buy bought bought; catch caught caught;
choose chose chosen; come came come; cost cost cost; cut cut cut; deal dealt dealt; do did done;
draw drew drawn; drink drank drunk; drive drove driven; eat ate eaten; fall fell fallen;
feel felt felt; fight fought fought; find found found; fly flew flown; forget forgot forgotten;
freeze froze frozen; get got gotten; give gave given; go went gone; grow grew grown;
hang hung hung; have had had; hear heard heard; hide hid hidden; hit hit hit; hold held held;
hurt hurt hurt; keep kept kept; know knew known; lay laid laid; lead led led; leave left left;
lend lent lent; let let let; lie lay lain; lose lost lost; make made made; mean meant meant;
meet met met; pay paid paid; put put put; quit quit quit; read read read; ride rode ridden;
ring rang rung; rise rose risen; run ran run; say said said; see saw seen; seek sought sought;
sell sold sold; send sent sent; set set set; shake shook shaken; shoot shot shot;
show showed shown; shut shut shut; sing sang sung; sink sank sunk; sit sat sat; sleep slept slept;
speak spoke spoken; spend spent spent; stand stood stood; steal stole stolen; strike struck struck;
swear swore sworn; swim swam swum; take took taken; teach taught taught; tear tore torn;
tell told told; think thought thought; throw threw thrown; understand understood understood;
wake woke woken; wear wore worn; win won won; withdraw withdrew withdrawn; write wrote written"""
_VERB_FORMS: dict[str, frozenset[str]] = {}
for _entry in _IRREGULAR.replace("\n", " ").split(";"):
    _forms_of = frozenset(_entry.split())
    for _form in _forms_of:
        _VERB_FORMS[_form] = _VERB_FORMS.get(_form, frozenset()) | _forms_of


def _variants(word: str) -> set[str]:
    """Other forms of an irregular verb ("fall" -> "fell", "fallen")."""
    return {word, *_VERB_FORMS.get(word, ())}


class _Vocab:
    """Word forms of a text for token-level lookup (stems, paraphrases), built lazily."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._index: WordIndex | None = None

    def index(self) -> WordIndex:
        """The word index of the text."""
        if self._index is None:
            index = WordIndex()
            for w in _words(self.text):
                index.add_all(_forms(w))
            self._index = index
        return self._index

    def has(self, word: str) -> bool:
        """True when the word (a stem, inflection or paraphrase of it) occurs in the text."""
        index = self.index()
        if any(index.has_word(f) for f in _forms(word)):
            return True
        return any(index.has_word(v) for v in _variants(word.lower()))


def _article_date(explainer: Explainer) -> dt.date | None:
    value = explainer.article.meta.date
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def _temporal_problem(text: str, published: dt.date | None) -> str | None:
    """A date called upcoming/next although the article is dated after it."""
    if published is None:
        return None
    words = {w.lower() for w in _words(text)}
    if not words & FUTURE_WORDS:
        return None
    for part in date_parts(text):
        last = part.last_day()
        if last is not None and last < published:
            return f"calls {part.text} upcoming but the article is dated {published.isoformat()}"
    return None


def check_qa(
    qa: QAItem, article_text: str, published: dt.date | None = None, title: str | None = None
) -> list[str]:
    """Reasons the FAQ item is not supported by its evidence (empty when it is).

    Evidence may quote the headline (``title``) as well as the body (``article_text``).

    >>> from newsfaq.models import Span
    >>> ev = [Span(sentence_id=0, start=0, end=27, text="The mayor could resign soon")]
    >>> check_qa(QAItem(question="Will the mayor resign?", answer="The mayor could resign soon",
    ...                 kind="what", evidence=ev, score=1.0), "The mayor could resign soon")
    ['the question says “will”; the evidence only says “could”']
    """
    if not _valid(qa.evidence, article_text, title):
        return ["evidence spans do not index the article"]
    if not _contained(qa.answer, qa.evidence):
        return ["the answer is not in its evidence"]
    evidence = " ".join(s.text for s in qa.evidence)
    ev_vocab = _Vocab(evidence)
    art_vocab = _Vocab(article_text)
    reasons: list[str] = []
    q_words = _words(qa.question)
    missing = [
        w
        for w in q_words
        if not w[0].isdigit()
        and w.lower() not in _QUESTION_WORDS
        and not ev_vocab.has(w)
        and not art_vocab.has(w)
    ]
    if missing:
        reasons.append(f"the question adds words not in the article: {', '.join(missing[:4])}")
    ev_numbers = find_numbers(evidence)
    for m in find_numbers(qa.question):
        if not any(numbers_agree(m, e, approximate=True) for e in ev_numbers):
            reasons.append(f"the question gives {m.text}, which its evidence does not")
    q_lower = {w.lower().replace("’", "'") for w in q_words}
    ev_lower = {w.lower().replace("’", "'") for w in _words(evidence)}
    if q_lower & _NEGATION and not ev_lower & _NEGATION and "n't" not in evidence.lower():
        reasons.append("the question is negated; its evidence is not")
    certain = q_lower & CERTAIN_MODALS
    if certain and not ev_lower & CERTAIN_MODALS and ev_lower & HEDGE_MODALS:
        hedge = sorted(ev_lower & HEDGE_MODALS)[0]
        reasons.append(
            f"the question says “{sorted(certain)[0]}”; the evidence only says “{hedge}”"
        )
    for text in (qa.question, qa.answer):
        problem = _temporal_problem(text, published)
        if problem:
            reasons.append(problem)
    return reasons


def check_key_point(kp: KeyPoint, article_text: str, published: dt.date | None = None) -> list[str]:
    """Reasons the key point is not supported (empty when it is)."""
    if not _valid(kp.evidence, article_text) or not _contained(kp.text, kp.evidence):
        return ["the key point is not in its evidence"]
    problem = _temporal_problem(kp.text, published)
    return [problem] if problem else []


def check_fact(fact: Fact, article_text: str, published: dt.date | None = None) -> list[str]:
    """Reasons the fact is not supported (empty when it is); derived figures are recomputed."""
    if not _valid(fact.evidence, article_text):
        return ["evidence spans do not index the article"]
    if not fact.derived:
        if not _contained(fact.text, fact.evidence):
            return ["the fact is not in its evidence"]
        problem = _temporal_problem(fact.text, published)
        return [problem] if problem else []
    if not fact.derived_from or not all(_contained(x, fact.evidence) for x in fact.derived_from):
        return ["the stated figures of a derived fact are not in its evidence"]
    if fact.value is None:
        return []
    stated = [_stated_value(x, m) for x in fact.derived_from for m in find_numbers(x)]
    stated += [
        float(YEARS_IN[w])
        for x in fact.derived_from
        if not find_numbers(x)
        for w in re.findall(r"[a-z]+", x.lower())
        if w in YEARS_IN
    ]
    for i, a in enumerate(stated):
        for b in stated[i + 1 :]:
            for v in (a * b, a + b, abs(a - b), a / b if b else 0.0, b / a if a else 0.0):
                if v and abs(v - fact.value) <= 0.005 * abs(v):
                    return []
    if len(stated) == 1 and abs(stated[0] - fact.value) <= 0.005 * abs(stated[0]):
        return []
    return [f"the derived figure {fact.value:g} does not follow from {fact.derived_from}"]


def _stated_value(text: str, m: NumberMention) -> float:
    """A stated figure as a derivation uses it: cents in dollars, a percentage as a ratio."""
    if m.kind == "percent":
        return m.value / 100
    if re.search(r"\bcents?\b", text[m.end : m.end + 8]):
        return m.value / 100
    return m.value


def drop_unsupported(explainer: Explainer) -> Explainer:
    """Keep only items the audit's checks support against their own evidence; count the rest.

    >>> from newsfaq.explain.pipeline import explain
    >>> ex = explain("The bridge reopened on Monday after two years of repairs.")
    >>> drop_unsupported(ex).faq == ex.faq
    True
    """
    text = explainer.article.text
    published = _article_date(explainer)
    warnings = list(explainer.warnings)
    title = explainer.article.meta.title
    faq = [q for q in explainer.faq if not check_qa(q, text, published, title)]
    points = [k for k in explainer.key_points if not check_key_point(k, text, published)]
    facts = [f for f in explainer.facts if not check_fact(f, text, published)]
    for name, before, after in (
        ("FAQ items", explainer.faq, faq),
        ("key points", explainer.key_points, points),
        ("facts", explainer.facts, facts),
    ):
        if len(after) < len(before):
            warnings.append(f"self-check dropped {len(before) - len(after)} {name} without support")
    return explainer.model_copy(
        update={"faq": faq, "key_points": points, "facts": facts, "warnings": warnings}
    )
