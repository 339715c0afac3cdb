"""Answer a reader's question from the article, or say that the article does not say.

Steps (one parse of the article, shared by every question; retrieval in
:mod:`newsfaq.ask.retrieval`, candidates and their scorer in :mod:`newsfaq.ask.scoring`):

1. analyse the question (:mod:`newsfaq.ask.qanalysis`): wh-word, expected type, focus lemmas;
2. retrieve sentences with BM25 over content lemmas (a sentence whose subject is a pronoun also
   indexes the previous sentence at half weight; the question's verb brings a few synonyms);
   page furniture (link widgets, related-story lines, photo credits) is never retrieved; the
   best of them, and the sentence after each of the best three, are re-ranked by a fitted model
   (:mod:`newsfaq.ask.rerank`) and the best three kept;
3. build candidate spans in the best sentences: named entities, noun chunks, parse subtrees
   (phrases and clauses); spans of an impossible type are dropped before scoring (a "how many"
   answer states a count and is not a money amount, a "how much" money answer states an amount,
   a percentage answer a percentage, a "how long" answer a number or a length of time, a "when"
   answer a time, a "who" answer is not a bare figure; no answer is the question's own
   subject, headed by it or in a relative clause of it; an amount stated as a share of the
   asked-for whole, "60 percent of the cost, or $108 million", is not the cost); when no
   candidate is left, the answer is the abstention;
4. score each candidate with a linear model over features: type match, token and dependency
   distance to the question's words in the sentence, word overlap, sentence score, ...; spans
   made only of question words are never candidates; a why/how answer comes from the one of the
   top retrieved sentences that the relevance model (:mod:`newsfaq.text.relevance`) finds
   answers the question best, one with a reason or manner word preferred
   (:func:`why_how_sentence`): the clause that gives the reason or manner, or the whole
   sentence when it has no such clause or a too short one (:func:`why_how_answer`);
5. verify the answer (:mod:`newsfaq.ask.verify`): the statement it implies is checked by the
   audit against its sentence, and the relevance model scores how well that sentence answers
   the question; ``Answer.score`` is the verifier's probability that the answer
   is right, and below :data:`ABSTAIN_THRESHOLD` (or with a contradiction) the answer is the
   abstention (``answerable=False``, "The article does not say.").

The weights of step 4 (``newsfaq/data/ask_weights.json``) were fitted with
``bench/ask_squad.py --train`` on one half of the SQuAD v1.1 dev articles; the verifier of step 5
(``newsfaq/data/ask_verify.json``) with ``bench/ask_squad2.py --fit --readers 5`` on the TUNE
part of SQuAD 2.0 half-dev and the tune reader questions of news pages, its threshold on those
reader questions (``bench/ask_readers.py --sweep``).

Attribution: the answer text is always a contiguous substring of the article. When the answer
is a claim and an ``according to ...`` phrase follows it directly (only a comma between), the
span is extended to include it; otherwise the source of the claim ("US officials estimated") is
added as a second evidence span, and the answer's ``sentence`` contains it. ``evidence[0]`` is
always the answer's sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from newsfaq.ask.answertypes import span_head
from newsfaq.ask.qanalysis import (
    QuestionAnalysis,
    analyze_question,
    analyze_questions,
    content_lemma,
)
from newsfaq.ask.rerank import rerank
from newsfaq.ask.retrieval import Index, build_index
from newsfaq.ask.scoring import TYPE_LABELS, WEIGHTS, Candidate, candidates, score
from newsfaq.ask.verify import (
    VERIFY_THRESHOLD,
    Verification,
    confidence,
    sentence_relevance,
    verify_features,
)
from newsfaq.models import DOES_NOT_SAY, Answer, Article, Fact, Span
from newsfaq.text.facts import SPEECH_VERBS, extract_facts

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan

    from newsfaq.text.nlp import Analysis

__all__ = [
    "ABSTAIN_THRESHOLD",
    "DOES_NOT_SAY",
    "WEIGHTS",
    "Candidate",
    "Index",
    "Verified",
    "answer_parsed",
    "answer_question",
    "answer_verified",
    "ask",
    "ask_many",
    "build_index",
    "candidates",
    "why_how_answer",
    "why_how_sentence",
]


ABSTAIN_THRESHOLD = VERIFY_THRESHOLD
"""Answers whose verified score is below this are abstentions: the verifier's weights are fitted
on the TUNE part of SQuAD 2.0 half-dev with the tune reader questions (bench/ask_squad2.py --fit
--readers 5), the threshold on the reader
questions of the news pages that may be tuned on (bench/ask_readers.py --sweep)."""

FACT_SCORE = 0.8
"""Score of an answer read from the article's facts ("Who is X?" -> the role the article gives
X; "What did X say?" -> what it reports X saying) when the audit finds nothing against it: a
rule, not fitted (SQuAD has too few such questions to calibrate it)."""

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


@dataclass(frozen=True)
class Verified:
    """An answer with the checks that scored it (what ``bench/ask_squad2.py --fit`` reads)."""

    answer: Answer
    verification: Verification | None


def _abstain(q: QuestionAnalysis, score: float = 0.0) -> Answer:
    """The abstention: "The article does not say." with ``answerable=False``."""
    return Answer(
        question=q.text,
        text=DOES_NOT_SAY,
        answerable=False,
        score=round(score, 4),
        expected_type=q.expected_type,
    )


def _given(q: QuestionAnalysis, span: Span, evidence: list[Span], score: float) -> Answer:
    """The answer ``span`` given with its evidence (the first evidence span is its sentence)."""
    return Answer(
        question=q.text,
        text=span.text,
        sentence=evidence[0].text,
        evidence=evidence,
        score=round(score, 4),
        answerable=True,
        expected_type=q.expected_type,
    )


def _sentence_at(analysis: Analysis, char: int) -> int:
    """Index of the sentence holding character ``char`` of the article text."""
    for s in analysis.sentences:
        if s.start <= char < s.end:
            return s.id
    return 0


def answer_verified(
    analysis: Analysis,
    q: QuestionAnalysis,
    index: Index | None = None,
    *,
    threshold: float = ABSTAIN_THRESHOLD,
    weights: dict[str, float] | None = None,
    verify_weights: dict[str, float] | None = None,
    verify: bool = True,
) -> Verified:
    """Answer an analysed question, verify it, and give it only when its score passes.

    ``threshold`` below 0 gives the best answer whatever its score (benchmarks read the score).
    ``verify=False`` skips the verification (and its parse of the statement) and gives the span
    the scorer picks, with score 0.0: for callers that only compare spans, such as the FAQ's
    round trip, whose items are checked by the self-audit anyway.
    """
    if index is None:
        index = build_index(analysis)
    cands, cover = candidates(analysis, q, index)
    if not cands:
        return Verified(_abstain(q), None)
    w = WEIGHTS if weights is None else weights
    span_scores = [score(c.features, w) for c in cands]
    best_k = max(range(len(cands)), key=lambda k: (span_scores[k], k))
    direct = _role_answer(analysis, q) or _statement_answer(analysis, q)
    if direct is not None and index.furniture[_sentence_at(analysis, direct[1].start)]:
        direct = None
    if direct is not None:
        answer_span, sentence_span = direct
        evidence = [sentence_span]
        si = _sentence_at(analysis, sentence_span.start)
    else:
        answer_span, evidence = _best_span(analysis, q, cands[best_k])
        si = cands[best_k].sentence
        if _is_why_how(q):
            si = why_how_sentence(analysis, q, index, si)
            evidence = [analysis.sentence_span(analysis.sentences[si])]
            before = _reason_before(analysis, q, si)
            if before is not None:
                # "Due to this, the UK is reviewing ...": the reason is the sentence before
                evidence = [analysis.sentence_span(analysis.sentences[before]), evidence[0]]
                si = before
        clause = why_how_answer(analysis, q, si)
        if clause is not None:
            answer_span = _token_span(analysis, *clause)
    if not verify:
        return Verified(_given(q, answer_span, evidence, 0.0), None)
    check = verify_features(
        analysis,
        q,
        answer_span.text,
        si,
        span_scores,
        cover,
        cands[best_k].features,
        index.idf,
    )
    conf = 0.0 if check.contradicted else confidence(check.features, verify_weights)
    if direct is not None and not check.contradicted and not check.features["a_unsupported"]:
        conf = max(conf, FACT_SCORE)
    if conf < threshold:
        return Verified(_abstain(q, conf), check)
    return Verified(_given(q, answer_span, evidence, conf), check)


def answer_parsed(
    analysis: Analysis,
    q: QuestionAnalysis,
    index: Index | None = None,
    *,
    threshold: float = ABSTAIN_THRESHOLD,
    weights: dict[str, float] | None = None,
    verify: bool = True,
) -> Answer:
    """Answer an analysed question from an analysed article (the core of every entry point);
    ``verify=False``: the scorer's span without verification (see :func:`answer_verified`).

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> a = analyze(from_text("Ann Lee founded Acme in 1999."))
    >>> answer_parsed(a, analyze_question("Who founded Acme?")).text
    'Ann Lee'
    """
    return answer_verified(
        analysis, q, index, threshold=threshold, weights=weights, verify=verify
    ).answer


_REASON_MARKS = frozenset({"because", "since", "after", "as", "so", "due"})
_MANNER_MARKS = frozenset({"by", "through", "via", "using", "with"})


def _reason_clause(analysis: Analysis, q: QuestionAnalysis, si: int) -> tuple[int, int] | None:
    """For why/how questions: the clause of sentence ``si`` that gives the reason or manner
    ("because ...", "due to ...", "after ...", "so that ..."; "by ...", "through ..."), as
    doc tokens ``start:end``, or None when the sentence has none."""
    if q.expected_type == "reason":
        marks = _REASON_MARKS
    elif q.expected_type == "manner" and q.wh == "how":
        marks = _MANNER_MARKS
    else:
        return None
    sent = analysis.sentences[si].span
    if marks is _REASON_MARKS:
        phrase = _reason_phrase(sent)
        if phrase is not None:
            return phrase
    for tok in sent:
        if tok.lower_ not in marks:
            continue
        if tok.dep_ == "mark" and tok.head.dep_ in {"advcl", "ccomp", "csubj"}:
            end = tok.head.right_edge.i + 1
        elif tok.dep_ in {"prep", "agent", "amod"} and any(
            c.dep_ in {"pobj", "pcomp"} or c.lower_ == "to" for c in tok.children
        ):
            end = tok.right_edge.i + 1
        else:
            continue
        if tok.lower_ in {"as", "with", "since", "after"} and tok.dep_ != "mark":
            continue
        end = min(end, sent.end)
        while end > tok.i + 1 and (
            analysis.doc[end - 1].is_punct or analysis.doc[end - 1].is_space
        ):
            end -= 1
        if 2 <= end - tok.i <= 40:
            return tok.i, end
    return None


_REASON_PHRASES = (("given", "that"), ("in", "order", "to"), ("so", "as", "to"), ("for", "fear"))


def _reason_phrase(sent: SpacySpan) -> tuple[int, int] | None:
    """A reason given by a phrase of several words ("given that many parts of the country
    have ...", "in order to discredit ...", "for fear of compromising ..."), as doc tokens
    ``start:end`` up to the end of the phrase's subtree."""
    doc = sent.doc
    words = [t.lower_ for t in sent]
    for k, tok in enumerate(sent):
        for phrase in _REASON_PHRASES:
            if tuple(words[k : k + len(phrase)]) != phrase:
                continue
            end = min(
                max(tok.right_edge.i, doc[tok.i + len(phrase) - 1].right_edge.i) + 1, sent.end
            )
            while end > tok.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            if end - tok.i >= len(phrase) + 2:
                return tok.i, end
    return None


_MIN_CLAUSE_WORDS = 4
"""A reason or manner clause with fewer words than this after its mark ("because of those
risks", "by then") points elsewhere: the whole sentence is the answer instead."""


def _is_why_how(q: QuestionAnalysis) -> bool:
    """Whether the question asks why, or how something is done."""
    return q.expected_type == "reason" or (q.expected_type == "manner" and q.wh == "how")


# fmt: off
_REASON_WORDS = frozenset((
    "because", "since", "due", "so", "after", "thanks", "reason", "cause", "caused", "led",
    "order", "result", "explain", "explains", "why", "amid", "given",
))
_MANNER_WORDS = frozenset(("by", "through", "via", "using", "use", "with", "how", "way"))
# fmt: on
"""Words of a sentence that gives a reason or a manner (for :func:`why_how_sentence`)."""
WHY_HOW_MARK_BONUS = 2.0
"""Bonus of a sentence with a reason or manner word, in the relevance model's units (its
scores run from about -11 to +11)."""
WHY_HOW_SENTENCES = 3
"""How many of the best retrieved sentences a why/how answer is looked for in. Both constants
chosen on the reader questions of the tune pages (why/how answers right before verification:
51 of 132 by retrieval score with bonus 0.5 among 3, 57 by relevance with bonus 2, 56 with bonus 3
or 5, 53 with bonus 1)."""


def why_how_sentence(analysis: Analysis, q: QuestionAnalysis, index: Index, default: int) -> int:
    """The sentence answering a why/how question: among the best retrieved sentences, the one
    the relevance model (:mod:`newsfaq.text.relevance`) finds answers the question best, with a
    bonus when it has a word marking a reason or manner."""
    scores, order = rerank(analysis, index, q)
    if not order or max(scores) <= 0:
        return default
    top = order[:WHY_HOW_SENTENCES]
    marks = _REASON_WORDS if q.expected_type == "reason" else _MANNER_WORDS
    relevance = sentence_relevance(analysis, q.text, top)

    def value(si: int) -> float:
        words = {t.lower_ for t in analysis.sentences[si].span}
        return relevance[si] + (WHY_HOW_MARK_BONUS if words & marks else 0.0)

    return max(top, key=lambda si: (value(si), -si))


_POINTING_REASONS = (
    "due to this", "because of this", "as a result", "for this reason", "for that reason",
    "that is why", "this is why", "that's why", "this is because", "therefore", "consequently",
)  # fmt: skip
"""Openings by which a sentence says its reason is the one before ("Due to this, ...")."""


def _reason_before(analysis: Analysis, q: QuestionAnalysis, si: int) -> int | None:
    """The sentence before ``si`` when ``si`` opens by pointing back to its reason, for a
    "why" question (None otherwise, or when it is the first sentence of its paragraph)."""
    if q.expected_type != "reason" or si == 0:
        return None
    text = analysis.sentences[si].text.lstrip().lower().replace("’", "'")
    if not text.startswith(_POINTING_REASONS):
        return None
    prev, here = analysis.sentences[si - 1], analysis.sentences[si]
    return si - 1 if prev.paragraph == here.paragraph else None


_WHY_BY_RELATIVE = ("which explains why", "which is why", "which is the reason")
"""A relative clause saying the clause before it is the reason ("X, which explains why Y")."""


def why_how_answer(analysis: Analysis, q: QuestionAnalysis, si: int) -> tuple[int, int] | None:
    """For why/how questions: doc tokens ``start:end`` of the answer in sentence ``si``: the
    clause giving the reason or manner when it says enough on its own, else the whole sentence
    (a reader accepts a sentence-long answer to "why"); None for other questions."""
    if not _is_why_how(q):
        return None
    reason = _reason_by_relative(analysis, q, si)
    if reason is not None:
        return reason
    clause = _reason_clause(analysis, q, si)
    if clause is not None:
        words = [t for t in analysis.doc[clause[0] + 1 : clause[1]] if t.is_alpha or t.like_num]
        if len(words) >= _MIN_CLAUSE_WORDS:
            return clause
    sent = analysis.sentences[si].span
    start, end = sent.start, sent.end
    while end > start + 1 and (analysis.doc[end - 1].is_punct or analysis.doc[end - 1].is_space):
        end -= 1
    while start < end - 1 and analysis.doc[start].is_space:
        start += 1
    return start, end


def _reason_by_relative(analysis: Analysis, q: QuestionAnalysis, si: int) -> tuple[int, int] | None:
    """For a "why" question, the part of sentence ``si`` before ", which explains why ...":
    that part is the reason ("Both are veteran stuntmen, which explains why their debut ...")."""
    if q.expected_type != "reason":
        return None
    sent = analysis.sentences[si].span
    for tok in sent:
        if tok.lower_ != "which" or tok.i - 1 <= sent.start or analysis.doc[tok.i - 1].text != ",":
            continue
        after = " ".join(t.lower_ for t in analysis.doc[tok.i : min(tok.i + 4, sent.end)])
        if after.startswith(_WHY_BY_RELATIVE):
            return sent.start, tok.i - 1
    return None


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
