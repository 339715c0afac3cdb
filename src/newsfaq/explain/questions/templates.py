"""Templates: FAQ candidates that are grammatical by construction, over the article's facts.

The transformation engine (``candidates``) rewrites arbitrary sentences and sometimes garbles
them; these templates fill fixed question frames from the structured facts of
:mod:`newsfaq.text.facts`, and only when the pieces are clean:

- role (``X, the chief executive of Y``) -> "Who is X?" answered with the role phrase;
- quote with a named speaker -> "What did <Speaker> say about <topic>?" answered with the
  quote (the topic is a plain noun phrase of the quote itself);
- quantity whose counted noun is the subject of a verb ("40 people died in the flood") ->
  "How many people died in the flood?" answered with the figure and its noun;
- date tied to an event verb with a clean subject ("The council voted on Monday") ->
  "When did the council vote?" / "When will ...?" answered with the date.

Every answer is article text at the fact's evidence offsets; the candidates go through the same
filters and round trip as the transformed ones (``Candidate.templated`` marks them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from newsfaq.explain.questions.candidates import Candidate
from newsfaq.models import Fact, QAKind
from newsfaq.text.nlp import noun_chunk_ranges

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

    from newsfaq.text.nlp import Analysis

__all__ = ["NAME", "make_candidate", "person_noun", "template_candidates"]

_PRONOUNS = {
    "i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "it", "this",
    "that", "these", "those", "my", "our", "your", "his", "its", "their", "what", "which",
    "who", "something", "anything", "everything", "nothing", "thing", "things", "lot", "way",
    "one", "people", "time", "year", "day", "kind", "sort", "part", "bit",
}  # fmt: skip
_REPORTING = {
    "say", "tell", "report", "add", "state", "note", "write", "announce", "claim", "estimate",
    "show", "suggest", "find", "believe", "think", "expect", "include",
}  # fmt: skip
# nouns too general to be what a quote is about ("What did X say about months?")
_NO_TOPIC = {
    "rest", "years", "months", "weeks", "days", "hours", "minutes", "decades", "times",
    "thousands", "hundreds", "millions", "billions", "dozens", "lots", "others", "ones",
    "end", "start", "beginning", "moment", "fact", "case", "point", "number", "amount",
}  # fmt: skip
NAME = re.compile(r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}$")
_MAX_Q_WORDS = 16


def make_candidate(
    doc: Doc, question: str, kind: QAKind, start: int, end: int, sent: SpacySpan
) -> Candidate | None:
    """A templated candidate answered by ``doc.text[start:end]`` (None if it cuts tokens)."""
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None or len(span) == 0:
        return None
    return Candidate(
        question=question,
        kind=kind,
        answer_start=span.start_char,
        answer_end=span.end_char,
        sent=sent,
        answer=span.text,
        tok_start=span.start,
        tok_end=span.end,
        templated=True,
    )


def _fact_offsets(analysis: Analysis, fact: Fact) -> tuple[int, int] | None:
    """Character offsets of ``fact.text`` inside its (first) evidence span."""
    if not fact.evidence:
        return None
    ev = fact.evidence[0]
    at = analysis.article.text.find(fact.text, ev.start, max(ev.end, ev.start + len(fact.text)))
    return None if at < 0 else (at, at + len(fact.text))


def _role_candidate(analysis: Analysis, fact: Fact) -> Candidate | None:
    """ "Who is <Name>?" answered with the role phrase ("the chief executive of Y")."""
    if not fact.entity or not fact.role or not NAME.match(fact.entity):
        return None
    where = _fact_offsets(analysis, fact)
    if where is None or len(fact.role.split()) < 2:
        return None
    at = analysis.article.text.find(fact.role, where[0], where[1])
    if at < 0:
        return None
    doc = analysis.doc
    name_at = analysis.article.text.find(fact.entity, where[0], where[1])
    ent = doc.char_span(name_at, name_at + len(fact.entity), alignment_mode="expand")
    if name_at < 0 or ent is None or not all(t.ent_type_ == "PERSON" for t in ent):
        return None
    role = doc.char_span(at, at + len(fact.role), alignment_mode="expand")
    if role is None or not person_noun(role) or any(t.tag_ == "NNS" for t in role[-1:]):
        return None
    if role[0].lower_ in _PRONOUNS:
        return None  # "Their leader", "Her son": the answer points elsewhere
    sent = analysis.sentence_at(at).span
    return make_candidate(doc, f"Who is {fact.entity}?", "who_is", at, at + len(fact.role), sent)


_ROLE_NOUNS = {
    "executive", "chief", "head", "architect", "wife", "husband", "son", "daughter", "mother",
    "father", "brother", "sister", "partner", "spokesperson", "spokesman", "spokeswoman",
    "analyst", "scientist", "economist", "expert", "specialist", "colleague", "candidate",
    "student", "president", "resident", "agent", "official", "attorney", "lawyer", "judge",
    "actor", "actress", "star", "author", "chair", "chairman", "chairwoman", "secretary",
    "minister", "mayor", "governor", "senator", "representative", "aide", "adviser",
    "advisor", "physician", "doctor", "nurse", "surgeon", "coach", "captain", "veteran",
    "founder", "co-founder", "ceo", "cfo", "coo", "cto", "host", "editor", "correspondent",
}  # fmt: skip
_ROLE_SUFFIX = re.compile(r"(?:er|or|ist|ian|ant|ess|man|woman|person)$")
_NOT_ROLES = {
    "man", "woman", "person", "wager", "number", "order", "paper", "water", "letter",
    "matter", "center", "centre", "computer", "error", "factor", "sector", "motor", "color",
    "colour", "chapter", "quarter", "summer", "winter", "corner", "layer", "character",
    "thriller", "blockbuster", "trailer", "poster", "feature", "plant", "restaurant", "human",
}  # fmt: skip


def person_noun(role: SpacySpan) -> bool:
    """The role phrase's head is a noun for a person (a job, title or relation)."""
    for t in role:
        if t.dep_ == "prep":
            break
        if t.dep_ == "compound" and t.head.i in range(role.start, role.end):
            continue  # a noun modifying the head: "a music-business musical" is no person
        low = t.lemma_.lower()
        person = low in _ROLE_NOUNS or bool(_ROLE_SUFFIX.search(low))
        if t.pos_ in {"NOUN", "PROPN"} and low not in _NOT_ROLES and person:
            return True
    return False


def _topic(span: SpacySpan) -> str | None:
    """A plain noun phrase of the quote to ask about ("the new bridge"), else None."""
    doc = span.doc
    for c0, c1 in noun_chunk_ranges(doc):
        if c0 < span.start or c1 > span.end:
            continue
        chunk = doc[c0:c1]
        root = chunk.root
        words = list(chunk)
        if root.pos_ != "NOUN" or root.lower_ in _PRONOUNS | _NO_TOPIC or not 1 <= len(words) <= 4:
            continue
        if any(t.lower_ in _PRONOUNS or t.like_num or not t.is_alpha for t in words):
            continue
        if not all(t.is_lower and t.pos_ in {"DET", "ADJ", "NOUN"} for t in words):
            continue
        det = words[0].lower_ if words[0].pos_ == "DET" else None
        if det == "the" or (det is None and root.tag_ == "NNS"):
            return " ".join(t.text for t in words)
    return None


def _quote_candidate(analysis: Analysis, fact: Fact) -> Candidate | None:
    """ "What did <Speaker> say about <topic>?" answered with the quote."""
    speaker = fact.attributed_to
    if not speaker or not NAME.match(speaker) or speaker.lower() in _PRONOUNS:
        return None
    where = _fact_offsets(analysis, fact)
    if where is None or len(fact.text.split()) > 45:
        return None
    doc = analysis.doc
    inner = doc.char_span(where[0] + 1, where[1] - 1, alignment_mode="contract")
    topic = _topic(inner) if inner is not None else None
    if topic is None:
        return None
    sent = analysis.sentence_at(where[0]).span
    question = f"What did {speaker} say about {topic}?"
    return make_candidate(doc, question, "said", where[0], where[1], sent)


def _counted(tok: Token) -> Token | None:
    """The counted noun of a figure: a plain plural common noun that the figure modifies."""
    noun = tok.head
    plain = noun.tag_ == "NNS" and noun.pos_ == "NOUN" and noun.is_alpha and noun.is_lower
    if tok.dep_ != "nummod" or not plain or noun.lower_ in _PRONOUNS:
        return None
    return noun if noun.dep_ in {"nsubj", "nsubjpass", "dobj"} else None


def _verb_phrase_end(verb: Token) -> int:
    """Token index after the verb phrase: the verb's right edge, cut at a comma or clause."""
    end = verb.right_edge.i + 1
    for t in verb.doc[verb.i + 1 : end]:
        if t.text in {",", ";", ":", "—", "–", "(", '"', "“", "”"} or t.dep_ in {"cc", "mark"}:
            return t.i
    return end


def _figure_start(tok: Token, noun: Token) -> int | None:
    """First token of the figure ("about 40"), None if it has right modifiers ("40 of 50")."""
    if any(tok.i < t.i < noun.i for t in tok.subtree) or tok.left_edge.i < noun.left_edge.i:
        return None
    return tok.left_edge.i


def _clean(toks: Iterable[Token]) -> bool:
    """Plain words only: no pronoun, punctuation, digits or quotes."""
    return all(
        (t.is_alpha or t.text in {"-", "'s", "’s"}) and t.lower_ not in _PRONOUNS for t in toks
    )


def _subject_how_many(tok: Token, noun: Token, verb: Token) -> str | None:
    """ "How many people died in the flood?" (the counted noun is the subject)."""
    doc = tok.doc
    if noun.i > verb.i or noun.right_edge.i + 1 > verb.i:
        return None
    subject = doc[tok.i + 1 : noun.right_edge.i + 1]
    if subject[-1].pos_ not in {"NOUN", "PROPN"}:
        return None  # "How many miles in sits ...?": a dangling modifier
    rest = doc[noun.right_edge.i + 1 : _verb_phrase_end(verb)]
    if len(rest) == 0 or not _clean(rest) or not _clean(subject):
        return None
    if not (rest[0].i == verb.i or (rest[0].head.i == verb.i and rest[0].dep_ in _AUX)):
        return None  # "How many miles in sits ...?": the verb must follow the subject
    if not _finite(verb):
        return None  # "How many cars to pass ...?"
    return f"How many {subject.text} {rest.text}?"


_AUX = {"aux", "auxpass"}


def _finite(verb: Token) -> bool:
    """A finite verb, or one with a finite auxiliary ("will close", "were killed")."""
    if verb.tag_ in {"VBD", "VBZ", "VBP", "MD"}:
        return True
    auxes = [c for c in verb.children if c.dep_ in _AUX]
    return any(a.tag_ in {"VBD", "VBZ", "VBP", "MD"} for a in auxes)


def _object_how_many(tok: Token, noun: Token, verb: Token) -> str | None:
    """ "How many workers did Acme lay off?" (the counted noun is the object of a simple past
    verb with a plain subject; the verb is re-inflected to its lemma after "did")."""
    doc = tok.doc
    subj = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.tag_ != "VBD" or len(subj) != 1 or noun.i < verb.i:
        return None
    if any(c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children):
        return None
    subject = doc[subj[0].left_edge.i : subj[0].right_edge.i + 1]
    between = [t for t in doc[verb.i + 1 : tok.left_edge.i] if t.dep_ != "prt"]
    if between or subject.end != verb.i or len(subject) > 6 or not _clean(subject):
        return None
    if subj[0].pos_ != "PROPN" and subject[0].pos_ != "DET":
        return None
    prt = " ".join(t.text for t in doc[verb.i + 1 : tok.left_edge.i])
    counted = doc[tok.i + 1 : noun.right_edge.i + 1]
    rest = doc[noun.right_edge.i + 1 : _verb_phrase_end(verb)]
    if not _clean(counted) or not _clean(rest):
        return None
    first = (
        subject.text if subject[0].pos_ == "PROPN" else subject.text[:1].lower() + subject.text[1:]
    )
    tail = " ".join(x for x in (verb.lemma_.lower(), prt, rest.text) if x)
    return f"How many {counted.text} did {first} {tail}?"


def _how_many(analysis: Analysis, tok: Token) -> Candidate | None:
    """ "How many <noun> <verb phrase>?" for a figure counting the subject or object of a verb."""
    noun = _counted(tok)
    if noun is None:
        return None
    verb = noun.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() in _REPORTING:
        return None
    if any(c.dep_ in {"neg", "advmod"} for c in verb.children):
        return None
    first = _figure_start(tok, noun)
    if first is None:
        return None
    make = _object_how_many if noun.dep_ == "dobj" else _subject_how_many
    question = make(tok, noun, verb)
    if question is None or len(question.split()) > _MAX_Q_WORDS + 2:
        return None
    doc = tok.doc
    sent = analysis.sentence_at(tok.idx).span
    end = noun.idx + len(noun.text)
    return make_candidate(doc, question, "how_many", doc[first].idx, end, sent)


def _quantity_candidates(analysis: Analysis, fact: Fact) -> list[Candidate]:
    where = _fact_offsets(analysis, fact)
    if where is None or fact.kind != "quantity":
        return []
    span = analysis.doc.char_span(*where, alignment_mode="expand")
    if span is None:
        return []
    out = (_how_many(analysis, t) for t in span if t.like_num and t.dep_ == "nummod")
    return [c for c in out if c is not None]


# --- dates -------------------------------------------------------------------------------

_NOT_EVENTS = {"be", "have", "do", "get", "make", "go", "come", "take", "give", "see", "seem"}
_DATE_PREPS = {"on", "in", "at"}
_NOT_EVENT_DEPS = {
    "neg", "auxpass", "nsubjpass", "ccomp", "xcomp", "dative", "oprd", "attr", "acomp",
}  # fmt: skip
_PARTICLES = {"down", "up", "out", "off", "away", "back", "over"}
_MAX_NP = 4


def _event_verb(date_root: Token) -> Token | None:
    """The verb a date modifies directly ("closed on Monday", "will open next week")."""
    head = date_root.head
    if date_root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _DATE_PREPS:
        verb = head.head
    elif date_root.dep_ in {"npadvmod", "tmod"}:
        verb = head
    else:
        return None
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma in _NOT_EVENTS | _REPORTING or not verb.is_alpha:
        return None
    if any(c.dep_ in _NOT_EVENT_DEPS for c in verb.children):
        return None  # negated, passive, or a clause the question would drop ("revealed that")
    return verb


def _near(verb: Token, date: SpacySpan) -> bool:
    """At most a short object and a few words lie between the verb and its date, no comma
    ("ended with migration at historically low levels in 2013": too far to be its date)."""
    if date.start < verb.i:
        return True
    objects = {t.i for c in verb.children if c.dep_ in {"dobj", "prt"} for t in c.subtree}
    between = [t for t in date.doc[verb.i + 1 : date.start] if t.i not in objects]
    return len(between) <= 5 and not any(t.text in {",", ";", "—", "–"} for t in between)


_EVENT_MARKS = {"after", "when", "before", "because", "as"}


def _main_clause(verb: Token) -> bool:
    """A main clause, or one after "after"/"when"/"because" (not "if", "that", a relative)."""
    if verb.dep_ in {"ROOT", "conj"}:
        return True
    marks = [c.lower_ for c in verb.children if c.dep_ == "mark"]
    return verb.dep_ == "advcl" and len(marks) == 1 and marks[0] in _EVENT_MARKS


def _tense_of(verb: Token) -> tuple[str, Token] | None:
    """("did"/"will", the verb carrying the subject) for "closed", "will close", "is (scheduled)
    to close"; None for any other form (passive, perfect, conditional, relative clause)."""
    auxes = [c for c in verb.children if c.dep_ == "aux"]
    if verb.tag_ == "VBD" and not auxes and _main_clause(verb):
        return "did", verb
    if verb.tag_ == "VB" and [a.lower_ for a in auxes] == ["will"]:
        return "will", verb
    if verb.tag_ != "VB" or [a.lower_ for a in auxes] != ["to"] or verb.dep_ != "xcomp":
        return None
    head = verb.head
    head_aux = [c.lower_ for c in head.children if c.dep_ in {"aux", "auxpass"}]
    if head.lemma_ == "be" and head.tag_ in {"VBZ", "VBP"} and not head_aux:
        return "will", head  # "is to close"
    if head.lower_ == "scheduled" and head_aux in (["is"], ["are"]):
        return "will", head  # "is scheduled to close"
    return None


def _subject_text(carrier: Token) -> str | None:
    """A name or a short definite noun phrase subject, lowercased "the" ("the council")."""
    deps = {"nsubjpass"} if carrier.lower_ == "scheduled" else {"nsubj"}
    subj = [c for c in carrier.children if c.dep_ in deps]
    if len(subj) != 1:
        return None
    toks = list(subj[0].subtree)
    if not 1 <= len(toks) <= _MAX_NP or not _clean(toks) or toks[-1].i >= carrier.i:
        return None
    if all(t.pos_ == "PROPN" for t in toks) and NAME.match(" ".join(t.text for t in toks)):
        return " ".join(t.text for t in toks)
    if toks[0].lower_ != "the" or subj[0].pos_ not in {"NOUN", "PROPN"}:
        return None
    if not all(t.pos_ in {"DET", "ADJ", "NOUN", "PROPN"} for t in toks[1:]):
        return None
    return " ".join(["the"] + [t.text for t in toks[1:]])


def _object_text(verb: Token) -> str | None:
    """The verb's particle and short noun-phrase object ("" when it has none; None if unclean)."""
    parts: list[str] = []
    for c in verb.children:
        particle = c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _PARTICLES)
        if particle and c.i > verb.i:
            parts.append(c.text)
    obj = [c for c in verb.children if c.dep_ == "dobj"]
    if len(obj) > 1:
        return None
    if obj:
        toks = list(obj[0].subtree)
        if len(toks) > _MAX_NP or not _clean(toks) or obj[0].pos_ not in {"NOUN", "PROPN"}:
            return None
        if not all(t.pos_ in {"DET", "ADJ", "NOUN", "PROPN"} for t in toks):
            return None
        parts.append(" ".join(t.text for t in toks))
    return " ".join(parts)


def _date_candidate(analysis: Analysis, fact: Fact) -> Candidate | None:
    """ "When did/will <subject> <verb> [<object>]?" answered with the date ("on Monday" ->
    "Monday"); none for dates after "until", "since", "by" and the like."""
    where = _fact_offsets(analysis, fact)
    doc = analysis.doc
    span = doc.char_span(*where, alignment_mode="contract") if where else None
    if span is None or len(span) == 0 or any(t.ent_type_ != "DATE" for t in span):
        return None
    if any(t.is_punct and t.text not in {",", "."} for t in span):
        return None  # "May - weeks": an entity running past the date
    verb = _event_verb(span.root)
    if verb is not None and not _near(verb, span):
        return None
    tense = _tense_of(verb) if verb is not None else None
    if verb is None or tense is None:
        return None
    subject = _subject_text(tense[1])
    rest = _object_text(verb)
    if subject is None or rest is None:
        return None
    words = " ".join(x for x in (subject, verb.lemma_.lower(), rest) if x)
    question = f"When {tense[0]} {words}?"
    if len(question.split()) > _MAX_Q_WORDS:
        return None
    sent = analysis.sentence_at(span.start_char).span
    return make_candidate(doc, question, "when", span.start_char, span.end_char, sent)


def template_candidates(analysis: Analysis, facts: list[Fact]) -> list[Candidate]:
    """Every templated candidate the facts support cleanly (one per question text)."""
    out: list[Candidate | None] = []
    for fact in facts:
        if fact.kind == "role":
            out.append(_role_candidate(analysis, fact))
        elif fact.kind == "quote":
            out.append(_quote_candidate(analysis, fact))
        elif fact.kind == "quantity":
            out.extend(_quantity_candidates(analysis, fact))
        elif fact.kind == "date":
            out.append(_date_candidate(analysis, fact))
    seen: set[str] = set()
    kept = []
    for c in out:
        if c is not None and c.question not in seen:
            seen.add(c.question)
            kept.append(c)
    return kept
