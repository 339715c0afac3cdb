"""FAQ generation: overgenerate questions over the parse, filter, rank, select a diverse set.

The transformations live in :mod:`newsfaq.explain.questions`; this module turns their
candidates into
grounded :class:`~newsfaq.models.QAItem` objects and offers the answer-aware :func:`ask_for`.
"""

from __future__ import annotations

import re

from newsfaq.explain.keypoints import sentence_scores
from newsfaq.explain.questions import Candidate, Resolver, ask_in_doc, sentence_candidates
from newsfaq.models import Fact, QAItem, QAKind
from newsfaq.text.nlp import Analysis, get_nlp

__all__ = ["ask_for", "generate_faq", "is_well_formed"]

OVERVIEW = "What is this article about?"
_WH_START = {
    "what", "who", "whom", "whose", "which", "when", "where", "why", "how", "is", "are",
    "was", "were", "do", "does", "did", "has", "have", "had", "can", "could", "will",
    "would", "should", "may", "might", "must", "in", "on", "at", "from", "since", "until",
    "during", "after", "before", "for", "by", "to", "with", "under", "over", "into",
    "through", "within", "between", "among", "across", "against",
}  # fmt: skip
_BAD_PRONOUN = re.compile(
    r"\b(he|she|him|her|his|hers|they|them|their|theirs|it|its|himself|herself|themselves)\b",
    re.IGNORECASE,
)
_SPEAKER = re.compile(r"\b(I|[Ww]e|[Uu]s|[Oo]urs?|[Mm][ey]|[Yy]ou|[Yy]ours?|mine)\b")
_KIND_WEIGHT: dict[QAKind, float] = {
    "how_many": 1.3,
    "how_much": 1.3,
    "what_if": 1.3,
    "who_is": 1.2,
    "said": 1.2,
    "why": 1.2,
    "when": 1.0,
    "where": 1.0,
    "who": 1.0,
    "what": 0.9,
    "other": 0.8,
}


def _norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().lower()


def is_well_formed(question: str) -> bool:
    """A question starts with a wh-word or auxiliary, ends with "?", and has 3-30 words.

    >>> is_well_formed("What did Avdonin call for?"), is_well_formed("Avdonin called for")
    (True, False)
    """
    words = question.split()
    if not (3 <= len(words) <= 30) or not question.endswith("?") or question.count("?") != 1:
        return False
    return words[0].lower() in _WH_START and question[0].isupper()


def _dangling_pronoun(question: str) -> bool:
    """A pronoun with no noun before it in the question (its antecedent is missing)."""
    if _SPEAKER.search(question):
        return True
    for m in _BAD_PRONOUN.finditer(question):
        # a subject pronoun always needs an antecedent the reader cannot see
        if m.group(1).lower() in {"he", "she", "they", "it"}:
            return True
        # a possessive or object pronoun may refer to a noun phrase earlier in the question
        before = question[: m.start()].split()
        if not [w for w in before[1:] if w.lower() not in _WH_START and len(w) > 3]:
            return True
    return False


_GENERIC = {
    "members", "people", "officials", "residents", "others", "some", "many", "critics",
    "supporters", "experts", "it", "this", "that", "they", "things", "those", "these",
    "one", "someone", "everyone", "group", "side", "government", "authorities",
}  # fmt: skip


def _vague(question: str, answer: str) -> bool:
    """A short question about a bare generic subject ("What would members need?") with a
    long answer: too vague to read on its own."""
    words = [w.strip("?,.") for w in question.split()]
    content = [w for w in words[1:] if w.lower() not in _WH_START]
    named = any(w[:1].isupper() or any(ch.isdigit() for ch in w) for w in content)
    bare = len(content) <= 2 and not named
    generic = any(w.lower() in _GENERIC for w in content[:1]) and len(content) <= 3
    return (bare or (generic and not named)) and len(answer.split()) > 6


_LONG_QUESTION = 20


def _sprawling(c: Candidate) -> bool:
    """A who/what question of more than ~20 words whose answer is short (under half its
    length): the reader wades through most of the sentence to learn a subject or object.
    Number, time, cause and condition questions keep their long context."""
    q_words = len(c.question.split())
    short = len(c.answer.split()) * 2 < q_words
    return c.kind in {"who", "what", "other"} and q_words > _LONG_QUESTION and short


def _keep(c: Candidate) -> bool:
    """The filter: well-formed, no dangling pronoun, answer not in the question, sane sizes."""
    if not is_well_formed(c.question) or _dangling_pronoun(c.question):
        return False
    q = c.question
    if q.count('"') % 2 or q.count("“") != q.count("”") or q.count("(") != q.count(")"):
        return False
    answer = _norm(c.answer)
    if not answer or len(answer.split()) > 60:
        return False
    if answer.split()[0] in {"whose", "which", "who", "whom", "that", "what", "where", "when"}:
        return False
    if c.kind != "what_if" and answer in _norm(c.question):
        return False
    if c.answer.count('"') % 2 or c.answer.count("“") != c.answer.count("”"):
        return False
    if _vague(c.question, c.answer) or _sprawling(c):
        return False
    return not (c.kind not in {"who_is", "how_many", "how_much", "when"} and len(answer) < 3)


def _fact_bonus(c: Candidate, facts: list[Fact]) -> float:
    """Prefer candidates whose answer overlaps a key fact's evidence."""
    bonus = 0.0
    for f in facts:
        for span in f.evidence:
            if span.start < c.answer_end and c.answer_start < span.end:
                bonus = max(bonus, 0.3 if f.kind in {"quantity", "attribution", "role"} else 0.15)
    return bonus


def _answer_info(c: Candidate) -> float:
    """Informativeness of the answer (entities, numbers, moderate length) minus question sprawl."""
    span = c.sent.doc[c.tok_start : c.tok_end]
    ents = sum(1 for t in span if t.ent_iob_ == "B")
    nums = sum(1 for t in span if t.like_num)
    n = len([t for t in span if t.is_alpha])
    length = 0.2 if n <= 20 else 0.0
    sprawl = max(len(c.question.split()) - 16, 0) * 0.02
    return 0.1 * min(ents, 2) + 0.1 * min(nums, 1) + length - sprawl


def _similar(a: str, b: str) -> bool:
    wa, wb = set(_norm(a).split()), set(_norm(b).split())
    return len(wa & wb) / max(len(wa | wb), 1) > 0.6


def generate_faq(analysis: Analysis, facts: list[Fact], n: int = 8) -> list[QAItem]:
    """Return up to ``n`` FAQ items, the first an overview answered by the lead.

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> a = analyze(from_text("Officials said that 40 people died in the flood on Monday. "
    ...                       "Jane Roe, the mayor, called for calm."))
    >>> [q.question for q in generate_faq(a, [], n=3)][0]
    'What is this article about?'
    """
    if not analysis.sentences:
        return []
    sents = analysis.sentences
    lead = [sents[0]]
    if len(sents) > 1 and len(sents[0].text.split()) < 18 and sents[1].paragraph == 0:
        lead.append(sents[1])
    text = analysis.article.text
    items = [
        QAItem(
            question=OVERVIEW,
            answer=text[lead[0].start : lead[-1].end],
            kind="overview",
            evidence=[analysis.sentence_span(s) for s in lead],
            score=1.0,
        )
    ]
    if n <= 1:
        return items[:n]
    scores = sentence_scores(analysis)
    top = max(scores) if scores else 1.0
    resolver = Resolver(analysis.doc)
    pool: list[tuple[float, Candidate, int]] = []
    for s in sents:
        if s.text.rstrip().endswith("?") or len(s.span) < 4:
            continue
        importance = scores[s.id] / top if top > 0 else 0.0
        for c in sentence_candidates(s.span, resolver):
            if not _keep(c):
                continue
            score = (
                importance * _KIND_WEIGHT.get(c.kind, 0.8) * c.weight
                + _answer_info(c)
                + _fact_bonus(c, facts)
            )
            pool.append((score, c, s.id))
    pool.sort(key=lambda x: -x[0])
    chosen: list[tuple[float, Candidate, int]] = []
    used_sents: dict[int, int] = {s.id: 1 for s in lead}
    used_kinds: dict[str, int] = {}
    for rounds in (1, 2):
        for score, c, sid in pool:
            if len(chosen) >= n - 1:
                break
            if any(c is x[1] for x in chosen):
                continue
            if used_sents.get(sid, 0) >= rounds:
                continue
            if used_kinds.get(c.kind, 0) >= (2 if rounds == 1 else 3):
                continue
            if any(_similar(c.question, x[1].question) for x in chosen):
                continue
            if any(
                c.answer_start < x[1].answer_end
                and x[1].answer_start < c.answer_end
                and _norm(c.answer) == _norm(x[1].answer)
                for x in chosen
            ):
                continue
            chosen.append((score, c, sid))
            used_sents[sid] = used_sents.get(sid, 0) + 1
            used_kinds[c.kind] = used_kinds.get(c.kind, 0) + 1
    best = max((x[0] for x in chosen), default=1.0) or 1.0
    for score, c, sid in chosen:
        items.append(
            QAItem(
                question=c.question,
                answer=text[c.answer_start : c.answer_end],
                kind=c.kind,
                evidence=[analysis.sentence_span(sents[sid])],
                score=round(min(score / best, 1.0) * 0.99, 4),
            )
        )
    return items


def _find_answer(sentence: str, answer: str) -> tuple[int, int] | None:
    """Character offsets of ``answer`` in ``sentence`` (exact, then case/space-insensitive)."""
    i = sentence.find(answer)
    if i >= 0:
        return i, i + len(answer)
    pattern = r"\s+".join(re.escape(w) for w in answer.split())
    m = re.search(pattern, sentence, re.IGNORECASE) if pattern else None
    return (m.start(), m.end()) if m else None


def ask_for(sentence: str, answer: str, context: str | None = None) -> str | None:
    """Ask the question whose answer is ``answer`` in ``sentence`` (answer-aware mode).

    ``context`` (the paragraph the sentence comes from) lets a pronoun be replaced by its
    antecedent. Uses the same transformation engine as :func:`generate_faq`; when no
    transformation applies, it asks about the phrase around the answer, or inverts the clause
    with the answer taken out, or (last resort) puts the wh-word before the answer's clause
    with the answer taken out. Returns None when the answer is not in the sentence.

    >>> ask_for("The Kremlin aims to avoid unpopular policy moves.", "unpopular policy moves")
    'What does the Kremlin aim to avoid?'
    """
    found = _find_answer(sentence, answer)
    if found is None or not answer.strip():
        return None
    offset = 0
    text = sentence
    if context and sentence in context:
        offset = context.index(sentence)
        text = context
    doc = get_nlp()(text)
    question, _ = ask_in_doc(doc, found[0] + offset, found[1] + offset, Resolver(doc))
    return question
