"""Answer a reader's question from the article, or say that the article does not say.

Steps (one parse of the article, shared by every question; retrieval in
:mod:`newsfaq.ask.retrieval`, candidates and their scorer in :mod:`newsfaq.ask.scoring`):

1. analyse the question (:mod:`newsfaq.ask.qanalysis`): wh-word, expected type, focus lemmas;
2. retrieve sentences with BM25 over content lemmas (a sentence whose subject is a pronoun also
   indexes the previous sentence at half weight; the question's verb brings a few synonyms);
3. build candidate spans in the best sentences: named entities, noun chunks, parse subtrees
   (phrases and clauses); spans of an impossible type are dropped before scoring (a "how many"
   answer states a count and is not a money amount, a "how long" answer states a number or a
   length of time, a "when" answer a time, a "who" answer is not a bare figure; an amount stated
   as a share of the asked-for whole, "60 percent of the cost, or $108 million", is not the
   cost); when no candidate is left, the answer is the abstention;
4. score each candidate with a linear model over features: type match, token and dependency
   distance to the question's words in the sentence, word overlap, sentence score, ...; spans
   made only of question words are never candidates;
5. abstain when the question's focus words are not covered well enough by the article
   (``answerable=False``, "The article does not say.").

The weights of step 4 (``newsfaq/data/ask_weights.json``) were fitted with
``bench/ask_squad.py --train`` on one half of the SQuAD v1.1 dev articles; figures are reported
on the other half. ``Answer.score`` is the confidence of step 5: the weighted share of the
question's focus words found in the answer's sentence (or it and the sentence before).
:data:`ABSTAIN_THRESHOLD` was tuned on the same half so that at least 97% of questions paired
with a paragraph of another article abstain.

Attribution: the answer text is always a contiguous substring of the article. When the answer
is a claim and an ``according to ...`` phrase follows it directly (only a comma between), the
span is extended to include it; otherwise the source of the claim ("US officials estimated") is
added as a second evidence span, and the answer's ``sentence`` contains it. ``evidence[0]`` is
always the answer's sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from newsfaq.ask.answertypes import span_head
from newsfaq.ask.qanalysis import (
    QuestionAnalysis,
    analyze_question,
    analyze_questions,
    content_lemma,
)
from newsfaq.ask.retrieval import Index, build_index
from newsfaq.ask.scoring import TYPE_LABELS, WEIGHTS, Candidate, candidates, score
from newsfaq.models import Answer, Article, Fact, Span
from newsfaq.text.facts import SPEECH_VERBS, extract_facts

if TYPE_CHECKING:
    from newsfaq.text.nlp import Analysis

__all__ = [
    "ABSTAIN_THRESHOLD",
    "DOES_NOT_SAY",
    "WEIGHTS",
    "Candidate",
    "Index",
    "answer_parsed",
    "answer_question",
    "ask",
    "ask_many",
    "build_index",
    "candidates",
]

DOES_NOT_SAY = "The article does not say."

ABSTAIN_THRESHOLD = 0.25
"""Answers whose confidence is below this are abstentions (tuned by bench/ask_squad.py)."""

_REPORTING_VERBS = frozenset(
    [
        "say",
        "estimate",
        "report",
        "claim",
        "tell",
        "announce",
        "believe",
        "state",
        "add",
        "note",
        "warn",
        "according",
        "suggest",
        "argue",
        "write",
        "confirm",
    ]
)


def _confidence(cover: float) -> float:
    """Confidence that the article answers the question: its weighted coverage of the focus words.

    Coverage separates related from unrelated article/question pairs far better than the span
    score does (the span scorer only ranks spans within one question).
    """
    return max(0.0, min(1.0, cover))


def _attribution(
    analysis: Analysis, sentence: int, start: int, end: int
) -> tuple[tuple[int, int] | None, bool]:
    """Token range of the claim's source in the sentence, and whether it directly follows."""
    sent = analysis.sentences[sentence].span
    doc = analysis.doc
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "to":
            lo, hi = tok.i, max(tok.right_edge.i + 1, tok.i + 2)
            for child in doc[tok.i + 1].children:
                hi = max(hi, child.right_edge.i + 1)
            hi = min(hi, sent.end)
            between = doc[end:lo]
            follows = (
                lo >= end and all(t.is_punct or t.is_space for t in between) and (lo - end <= 2)
            )
            return (lo, hi), follows
    head = span_head([doc[k] for k in range(start, end)])
    for anc in head.ancestors:
        if anc.lemma_.lower() in _REPORTING_VERBS:
            subj = [c for c in anc.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subj and not (start <= subj[0].i < end):
                lo = subj[0].left_edge.i
                return (lo, anc.i + 1), False
    return None, False


def _snap_to_entity(
    analysis: Analysis, q: QuestionAnalysis, start: int, end: int
) -> tuple[int, int]:
    """Widen a span lying strictly inside an entity of exactly the expected type to that entity."""
    labels = {k for k, v in TYPE_LABELS.get(q.expected_type, {}).items() if v >= 1.0}
    if not labels:
        return start, end
    for ent in analysis.doc[start:end].sent.ents:
        if (
            ent.label_ in labels
            and ent.start <= start
            and end <= ent.end
            and ((ent.start, ent.end) != (start, end))
        ):
            return ent.start, ent.end
    return start, end


_OPEN_CLOSE = {"“": "”", "‘": "’", '"': '"', "(": ")", "[": "]"}


def _balance_quotes(analysis: Analysis, start: int, end: int) -> tuple[int, int]:
    """Extend (or trim) doc tokens ``start:end`` so that quotes and brackets are balanced."""
    doc = analysis.doc
    for opener, closer in _OPEN_CLOSE.items():
        text = doc[start:end].text
        opens = text.count(opener) if opener != closer else text.count(opener) % 2
        closes = text.count(closer) if opener != closer else 0
        if opens > closes:
            if end < len(doc) and doc[end].text == closer:
                end += 1
            elif doc[start].text == opener and end - start > 1:
                start += 1
        elif closes > opens and opener != closer:
            if start > 0 and doc[start - 1].text == opener:
                start -= 1
            elif doc[end - 1].text == closer and end - start > 1:
                end -= 1
    return start, end


def _token_span(analysis: Analysis, start: int, end: int) -> Span:
    """Evidence span over doc tokens ``start:end``."""
    doc = analysis.doc
    return analysis.span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text))


def _role_answer(analysis: Analysis, q: QuestionAnalysis) -> tuple[Span, Span] | None:
    """For "Who/What is X?": the first role the article gives X (apposition, title, copula).

    Uses the role facts of :mod:`newsfaq.text.facts`; X matches an entity whose words include all of
    X's words, so "Avdonin" finds "Alexander Avdonin, head of military recruitment ...".
    """
    if q.expected_type != "definition" or not q.target:
        return None
    wanted = {w.lower() for w in q.target.split()}
    for fact in _facts(analysis):
        if fact.kind != "role" or not fact.entity or not fact.role:
            continue
        if not wanted <= {w.lower() for w in fact.entity.split()}:
            continue
        evidence = fact.evidence[0]
        offset = evidence.text.find(fact.role)
        if offset < 0:
            continue
        start = evidence.start + offset
        return analysis.span(start, start + len(fact.role)), evidence
    return None


_STATEMENT_VERBS = SPEECH_VERBS - {"ask", "call", "agree", "show"}
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def _facts(analysis: Analysis) -> list[Fact]:
    """The article's facts, extracted once and kept on the analysis."""
    return analysis.derived("facts", extract_facts)


def _statement_answer(analysis: Analysis, q: QuestionAnalysis) -> tuple[Span, Span] | None:
    """For "What did X say (warn, argue, ...)?": what the article reports X saying.

    The speaker's words must all be in the source of an attribution or quote fact ("Rask" finds
    "Councillor Peter Rask"); with more words in the question ("... about the drainage?") the
    statement must share one of them. Reported speech comes before a quote, then text order.
    """
    if q.wh != "what" or q.verb not in _STATEMENT_VERBS:
        return None
    speaker = {
        w.lower() for text, label in q.entities if label in _SPEAKER_LABELS for w in text.split()
    } or set(q.proper)
    if not speaker:
        speaker = set(q.focus) - {q.verb}
    extra = set(q.focus) - speaker - {q.verb}
    if not speaker:
        return None
    best: tuple[tuple[int, bool, int], Fact] | None = None
    for i, fact in enumerate(_facts(analysis)):
        if fact.kind not in {"attribution", "quote"} or not fact.attributed_to:
            continue
        if not speaker <= {w.lower().strip(",.") for w in fact.attributed_to.split()}:
            continue
        sentence = fact.evidence[0]
        words = {
            lemma
            for tok in analysis.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            or ()
            if (lemma := content_lemma(tok))
        }
        key = (len(extra & words), fact.kind == "attribution", -i)
        if best is None or key > best[0]:
            best = (key, fact)
    if best is None or (extra and best[0][0] == 0):
        return None
    fact = best[1]
    evidence = fact.evidence[0]
    offset = evidence.text.find(fact.text)
    if offset < 0:
        return None
    start = evidence.start + offset
    return analysis.span(start, start + len(fact.text)), evidence


def answer_parsed(
    analysis: Analysis,
    q: QuestionAnalysis,
    index: Index | None = None,
    *,
    threshold: float = ABSTAIN_THRESHOLD,
    weights: dict[str, float] | None = None,
) -> Answer:
    """Answer an analysed question from an analysed article (the core of every entry point).

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> a = analyze(from_text("Ann Lee founded Acme in 1999."))
    >>> answer_parsed(a, analyze_question("Who founded Acme?")).text
    'Ann Lee'
    """
    if index is None:
        index = build_index(analysis)
    if weights is None:
        weights = WEIGHTS
    cands, cover = candidates(analysis, q, index)
    if not cands:
        return Answer(question=q.text, answerable=False, score=0.0, expected_type=q.expected_type)
    scored = sorted(((score(c.features, weights), k) for k, c in enumerate(cands)), reverse=True)
    best_k = scored[0][1]
    conf = _confidence(cover)
    if conf < threshold:
        return Answer(
            question=q.text, answerable=False, score=round(conf, 4), expected_type=q.expected_type
        )
    direct = _role_answer(analysis, q) or _statement_answer(analysis, q)
    if direct is not None:
        answer_span, sentence_span = direct
        evidence = [sentence_span]
    else:
        answer_span, evidence = _best_span(analysis, q, cands[best_k])
    return Answer(
        question=q.text,
        text=answer_span.text,
        sentence=evidence[0].text,
        evidence=evidence,
        score=round(conf, 4),
        answerable=True,
        expected_type=q.expected_type,
    )


def _best_span(analysis: Analysis, q: QuestionAnalysis, best: Candidate) -> tuple[Span, list[Span]]:
    """The top candidate's answer span (attribution, entity, quotes settled) and evidence."""
    start, end = best.start, best.end
    sentence = analysis.sentences[best.sentence]
    evidence = [analysis.sentence_span(sentence)]
    attr, follows = _attribution(analysis, best.sentence, start, end)
    if attr is not None:
        if follows:
            end = attr[1]
        elif not (attr[0] >= start and attr[1] <= end):
            evidence.append(_token_span(analysis, *attr))
    start, end = _snap_to_entity(analysis, q, start, end)
    start, end = _balance_quotes(analysis, start, end)
    return _token_span(analysis, start, end), evidence


def answer_question(
    analysis: Analysis, question: str, *, threshold: float = ABSTAIN_THRESHOLD
) -> Answer:
    """Answer ``question`` from an already analysed article (no re-parse of the article).

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> a = analyze(from_text("The bridge opened in 1932. It cost $4 million."))
    >>> answer_question(a, "When did the bridge open?").text
    '1932'
    """
    return answer_parsed(analysis, analyze_question(question), threshold=threshold)


def ask_many(
    analysis: Analysis, questions: Sequence[str], *, threshold: float = ABSTAIN_THRESHOLD
) -> list[Answer]:
    """Answer several questions about one analysed article (questions parsed in one batch).

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> a = analyze(from_text("Maria Diaz leads the city council of Leeds."))
    >>> [x.answerable for x in ask_many(a, ["Who leads the council?", "Who won the Oscar?"])]
    [True, False]
    """
    index = build_index(analysis)
    qs = analyze_questions(list(questions))
    return [answer_parsed(analysis, q, index, threshold=threshold) for q in qs]


def ask(source: Path | str | Article, question: str, *, allow_private: bool = False) -> Answer:
    """Load an article (file, URL, raw text or Article) and answer one question from it.

    >>> ans = ask("Ann Lee founded Acme in 1999 in Leeds.", "When was Acme founded?")
    >>> ans.text, ans.answerable
    ('1999', True)
    """
    from newsfaq.text.nlp import analyze

    article = _load(source, allow_private=allow_private)
    return answer_question(analyze(article), question)


def _load(source: Path | str | Article, *, allow_private: bool) -> Article:
    """Load the article with :func:`newsfaq.ingest.loader.load`."""
    from newsfaq.ingest.loader import load

    return load(source, allow_private=allow_private)
