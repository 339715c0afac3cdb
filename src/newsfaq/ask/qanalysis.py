"""Question analysis for ``newsfaq ask``: wh-word, expected answer type, focus words, entities.

The expected answer type is one of :data:`ANSWER_TYPES`; ``thing`` means "a noun phrase of no
particular entity type". Rules are ordered, first match wins (see :func:`_expected_type`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, get_args

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "ANSWER_TYPES",
    "AnswerType",
    "QuestionAnalysis",
    "analyze_question",
    "analyze_questions",
    "content_lemma",
]

AnswerType = Literal[
    "person",
    "org",
    "place",
    "date",
    "number",
    "money",
    "percent",
    "reason",
    "manner",
    "definition",
    "thing",
]
ANSWER_TYPES: tuple[AnswerType, ...] = get_args(AnswerType)

WH_WORDS = frozenset({"who", "whom", "whose", "what", "which", "when", "where", "why", "how"})

_DATE_NOUNS = frozenset(
    [
        "year",
        "years",
        "date",
        "day",
        "days",
        "month",
        "months",
        "time",
        "century",
        "decade",
        "era",
        "period",
        "season",
        "week",
        "age",
        "hour",
        "morning",
        "night",
    ]
)
_PLACE_NOUNS = frozenset(
    [
        "city",
        "country",
        "state",
        "place",
        "location",
        "region",
        "area",
        "continent",
        "town",
        "village",
        "river",
        "county",
        "province",
        "island",
        "ocean",
        "sea",
        "mountain",
        "street",
        "building",
        "stadium",
        "venue",
        "nation",
        "capital",
        "neighborhood",
        "district",
        "border",
        "lake",
        "site",
        "territory",
        "kingdom",
    ]
)
ORG_NOUNS = frozenset(
    [
        "company",
        "team",
        "organization",
        "organisation",
        "group",
        "party",
        "university",
        "agency",
        "band",
        "club",
        "network",
        "firm",
        "corporation",
        "institution",
        "newspaper",
        "school",
        "college",
        "government",
        "league",
        "airline",
        "bank",
        "station",
        "channel",
        "publisher",
        "court",
        "church",
        "army",
        "unit",
        "ministry",
        "department",
    ]
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MORE_PERSON_NOUNS = _words(
    """celebrity star relative relation member resident director producer host chef
        designer architect engineer researcher professor expert analyst economist executive
        chief boss partner friend neighbour neighbor child kid teen boy girl brother sister
        grandmother grandfather grandson granddaughter boyfriend girlfriend fiance fiancee
        parent mom mum dad fan customer rapper musician comedian photographer poet novelist
        activist soldier pilot driver passenger prisoner witness survivor athlete swimmer
        runner rider boxer golfer quarterback pitcher striker goalkeeper defender captain
        detective sheriff prosecutor attorney commissioner secretary ambassador diplomat
        astronomer physician surgeon psychologist therapist consultant adviser advisor
        character politician voter citizen farmer inventor explorer presenter commentator
        chairwoman chairperson heir successor predecessor defendant plaintiff"""
)
"""General English nouns for a person or a role, as readers ask "Which celebrity ...?"."""
PERSON_NOUNS = _MORE_PERSON_NOUNS | frozenset(
    [
        "person",
        "man",
        "woman",
        "president",
        "leader",
        "king",
        "queen",
        "player",
        "author",
        "writer",
        "official",
        "minister",
        "emperor",
        "general",
        "scientist",
        "artist",
        "actor",
        "singer",
        "coach",
        "manager",
        "owner",
        "founder",
        "chairman",
        "ceo",
        "director",
        "politician",
        "architect",
        "composer",
        "pope",
        "governor",
        "mayor",
        "son",
        "daughter",
        "wife",
        "husband",
        "father",
        "mother",
        "people",
        "officer",
        "worker",
        "actress",
        "victim",
        "suspect",
        "patient",
        "doctor",
        "nurse",
        "teacher",
        "student",
        "employee",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "judge",
        "lawyer",
        "senator",
        "reporter",
        "journalist",
        "candidate",
        "winner",
    ]
)
_PERCENT_NOUNS = frozenset(["percent", "percentage", "proportion", "share", "fraction", "rate"])
_MONEY_NOUNS = frozenset(["cost", "price", "worth", "revenue", "salary", "fee", "budget", "amount"])
_MONEY_VERBS = frozenset(
    ["cost", "pay", "spend", "earn", "raise", "sell", "buy", "charge", "worth", "owe", "fund"]
)
_REASON_NOUNS = frozenset(["reason", "cause", "purpose", "motive"])
_COUNT_NOUNS = frozenset(["capacity", "population", "attendance", "turnout", "headcount"])
_MEASURE_ADJ = frozenset(
    [
        "long",
        "old",
        "far",
        "big",
        "large",
        "tall",
        "high",
        "deep",
        "wide",
        "heavy",
        "often",
        "fast",
        "hot",
        "cold",
        "much",
        "many",
    ]
)


def content_lemma(token: Token) -> str | None:
    """The lowercase lemma of a content word, or None for stop words, punctuation, wh-words."""
    if token.is_punct or token.is_space or token.like_url:
        return None
    low = token.lower_
    if low in WH_WORDS or (token.is_stop and not token.like_num):
        return None
    lemma = token.lemma_.lower() if token.lemma_ else low
    if lemma in {"-pron-", "'s", "be", "do", "have"} or not any(c.isalnum() for c in lemma):
        return None
    return lemma


@dataclass(frozen=True)
class QuestionAnalysis:
    """What a question asks for: its wh-word, expected answer type, focus and entities."""

    text: str
    wh: str | None
    expected_type: AnswerType
    focus: tuple[str, ...]
    """Content lemmas of the question (lowercase), in order, without duplicates."""
    focus_noun: str | None = None
    """The noun after ``what``/``which`` ("what team" -> "team"), lowercase lemma."""
    verb: str | None = None
    """Lemma of the question's main verb, unless it is a copula or auxiliary."""
    target: str | None = None
    """For definition questions, the thing to define ("Dmitry Medvedev")."""
    entities: tuple[tuple[str, str], ...] = ()
    """The question's own named entities as (text, label)."""
    proper: frozenset[str] = field(default_factory=frozenset)
    """Focus lemmas that are proper nouns, numbers or inside entities (weighted more)."""
    doc: Doc | None = field(default=None, compare=False, repr=False)
    """The question's parse (what the verifier turns into a statement)."""


def _opens_clause(tok: Token) -> bool:
    """Whether wh-word ``tok`` opens an adverbial clause followed by another wh-word.

    The clause ends at its head's subtree (the parser's ``advcl``) or at a comma."""
    doc = tok.doc
    clause = {t.i for t in tok.head.subtree} if tok.head.dep_ == "advcl" else set()
    comma = False
    for later in doc[tok.i + 1 :]:
        if later.text == ",":
            comma = True
        elif later.lower_ in WH_WORDS and (comma or (clause and later.i not in clause)):
            return True
    return False


def _wh(doc: Doc) -> tuple[str | None, Token | None]:
    """The first wh-word of the question (``how many``/``how much`` kept together).

    A "when"/"where" that opens a subordinate clause ("When violence is used, what is it
    called?") is a conjunction, not the question word, if another wh-word follows the clause.
    """
    for tok in doc:
        low = tok.lower_
        if low in {"when", "where"} and _opens_clause(tok):
            continue
        if low in WH_WORDS:
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if low == "how" and nxt is not None and nxt.lower_ in _MEASURE_ADJ:
                return f"how {nxt.lower_}", tok
            return low, tok
    return None, None


def _focus_noun(doc: Doc, wh_tok: Token | None) -> str | None:
    """The noun a ``what``/``which``/``how many`` word modifies, or the head of ``the X of``."""
    if wh_tok is None:
        return None
    start = wh_tok.i + 1
    for tok in doc[start : start + 5]:
        if tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ != "compound":
            return tok.lemma_.lower()
        if tok.pos_ in {"VERB", "AUX", "ADP"} or tok.is_punct:
            break
    if wh_tok.lower_ == "what":
        # "What is the name of ..." / "What was the reason for ..."
        for tok in doc[start : start + 4]:
            if tok.pos_ == "NOUN" and tok.dep_ != "poss":
                return tok.lemma_.lower()
        # "What was Transocean Partners' new low price?": the noun with the possessor
        for tok in doc[start:]:
            if tok.pos_ == "NOUN" and any(c.dep_ == "poss" for c in tok.children):
                return tok.lemma_.lower()
    return None


def _definition_target(doc: Doc, wh_tok: Token | None) -> str | None:
    """For "Who/What is X?" with a short X and nothing else, return X."""
    if wh_tok is None or wh_tok.lower_ not in {"who", "what"}:
        return None
    root = wh_tok.sent.root
    if root.lemma_ != "be":
        return None
    words = [t for t in doc if not t.is_punct and t.i != wh_tok.i and t.i != root.i]
    if not words or len(words) > 6:
        return None
    if any(t.pos_ in {"VERB", "ADP", "AUX"} for t in words):
        return None
    if wh_tok.lower_ == "what" and not any(t.pos_ == "PROPN" for t in words) and len(words) > 3:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    target = doc.text[start:end]
    for prefix in ("the ", "a ", "an "):
        if target.lower().startswith(prefix):
            target = target[len(prefix) :]
    return target or None


def _names_the_answer(doc: Doc, noun: str) -> bool:
    """The noun follows the what/which word in its phrase ("Which local celebrity ...?"), not
    later in the question ("What did the residents do?")."""
    wh = next((t for t in doc if t.lower_ in {"what", "which"}), None)
    if wh is None:
        return True
    for tok in doc[wh.i + 1 : wh.i + 5]:
        if tok.lemma_.lower() == noun:
            return True
        if tok.pos_ in {"VERB", "AUX", "ADP"} or tok.is_punct:
            return False
    return False


def _expected_type(
    doc: Doc, wh: str | None, focus_noun: str | None, target: str | None
) -> AnswerType:
    """Map the wh-word and focus noun to an expected answer type (first rule that matches)."""
    lemmas = {t.lemma_.lower() for t in doc}
    # 1. explicit measures and fixed wh-words
    if wh == "how many":
        return "number"
    if wh == "how much":
        return "money" if lemmas & (_MONEY_VERBS | _MONEY_NOUNS) or "$" in doc.text else "number"
    if wh is not None and wh.startswith("how ") and wh != "how much":
        return (
            "date" if wh == "how long" and lemmas & {"ago", "since", "last", "take"} else "number"
        )
    if wh == "when":
        return "date"
    if wh == "where":
        return "place"
    if wh == "why":
        return "reason"
    # 2. the noun after what/which
    if focus_noun is not None and wh in {"what", "which", None}:
        if focus_noun in _PERCENT_NOUNS:
            return "percent"
        if focus_noun in _DATE_NOUNS:
            return "date"
        if focus_noun in _MONEY_NOUNS:
            return "money"
        if focus_noun in _COUNT_NOUNS:
            return "number"
        if focus_noun in _REASON_NOUNS:
            return "reason"
        if focus_noun in _PLACE_NOUNS:
            return "place"
        if focus_noun in ORG_NOUNS | PERSON_NOUNS and _names_the_answer(doc, focus_noun):
            return "org" if focus_noun in ORG_NOUNS else "person"
    # 3. definitions, people, manner
    if target is not None:
        return "definition"
    if wh in {"who", "whom", "whose"}:
        return "person"
    if wh == "how":
        return "manner"
    if wh == "what" and lemmas & {"cause", "lead"} and "to" not in lemmas:
        return "reason"
    return "thing"


def analyze_question(question: str, doc: Doc | None = None) -> QuestionAnalysis:
    """Analyse one question (parsing it unless ``doc`` is given).

    >>> q = analyze_question("How many Russian soldiers have died?")
    >>> q.expected_type, q.focus
    ('number', ('russian', 'soldier', 'die'))
    """
    if doc is None:
        from newsfaq.text.nlp import parse

        doc = parse(question)
    wh, wh_tok = _wh(doc)
    focus_noun = _focus_noun(doc, wh_tok)
    target = _definition_target(doc, wh_tok)
    expected = _expected_type(doc, wh, focus_noun, target)
    focus: list[str] = []
    proper: set[str] = set()
    ent_tokens = {t.i for ent in doc.ents for t in ent}
    for tok in doc:
        lemma = content_lemma(tok)
        if lemma is None:
            continue
        if lemma not in focus:
            focus.append(lemma)
        if tok.pos_ == "PROPN" or tok.like_num or tok.i in ent_tokens:
            proper.add(lemma)
    verb = None
    root = next(iter(doc.sents)).root if len(doc) else None
    if root is not None and root.pos_ == "VERB" and root.lemma_ not in {"be", "do", "have"}:
        verb = root.lemma_.lower()
    return QuestionAnalysis(
        text=question,
        wh=wh,
        expected_type=expected,
        focus=tuple(focus),
        focus_noun=focus_noun,
        verb=verb,
        target=target,
        entities=tuple((e.text, e.label_) for e in doc.ents),
        proper=frozenset(proper),
        doc=doc,
    )


def analyze_questions(questions: list[str]) -> list[QuestionAnalysis]:
    """Analyse several questions with one batched parse.

    >>> [q.expected_type for q in analyze_questions(["Why did it rain?", "Where is Paris?"])]
    ['reason', 'place']
    """
    from newsfaq.text.nlp import get_nlp

    docs = get_nlp().pipe(questions)
    return [analyze_question(q, d) for q, d in zip(questions, docs, strict=True)]
