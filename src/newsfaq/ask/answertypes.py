"""Answer types for reader questions: which spans can answer a question at all.

Hard constraints applied to candidate answers before they are scored (:mod:`newsfaq.ask.answer`): a
question asking for a count, a measure, a length of time or a time cannot be answered by a span
that states none, a "who" question not by a bare figure, and an amount stated as a share of the
asked-for whole ("60 percent of the cost, or $108 million") is not the whole. The word lists
are general English (units, currencies, time nouns and connectives), not fitted to any data.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsfaq.ask.qanalysis import ORG_NOUNS, PERSON_NOUNS, QuestionAnalysis, content_lemma
from newsfaq.text.nlp import entity_span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["answer_constraint", "is_portion", "span_head", "type_allows"]


# Hard answer-type constraints, applied to candidates before scoring: a question asking for a
# count, a measure, a length of time or a time cannot be answered by a span that states none, and
# a "who" question not by a bare figure. When no candidate is left, the answer is an abstention.
# fmt: off
_COUNT_WORDS = frozenset((
    "several", "many", "few", "numerous", "dozen", "dozens", "hundreds", "thousands", "millions",
    "billions", "none", "zero", "single", "multiple", "countless", "infinitely", "both", "half",
    "majority", "minority", "quarter", "once", "twice", "thrice",
))
"""Words that state a count without a numeral ("several", "hundreds", "none", "twice")."""
_CURRENCY_NOUNS = frozenset((
    "dollar", "euro", "pound", "yen", "yuan", "franc", "peso", "rupee", "ruble", "rouble", "cent",
    "penny", "shilling", "mark", "krona", "krone",
))
_UNITS = frozenset((
    "metre", "meter", "kilometre", "kilometer", "km", "mile", "mi", "foot", "feet", "ft", "inch",
    "yard", "centimetre", "centimeter", "cm", "millimetre", "millimeter", "mm", "nanometre",
    "nanometer", "nm", "acre", "hectare", "ha", "ton", "tonne", "kilogram", "kg", "kgs", "gram",
    "pound", "lb", "ounce", "oz", "litre", "liter", "gallon", "barrel", "degree", "mph", "knot",
    "watt", "kilowatt", "megawatt", "volt", "calorie", "byte", "megabyte", "gigabyte", "sq",
    "square", "cubic",
))
"""Units of measure: "how many miles" asks for a measurement, "how many people" for a count."""
_MEASURE_WH = frozenset((
    "how old", "how far", "how big", "how large", "how tall", "how high", "how deep", "how wide",
    "how heavy", "how hot", "how cold",
))
_TIME_UNITS = frozenset((
    "second", "minute", "hour", "day", "night", "week", "weekend", "fortnight", "month", "season",
    "year", "decade", "century", "millennium", "lifetime", "generation",
))
_POINT_MODIFIERS = frozenset((
    "next", "last", "this", "that", "previous", "following", "coming", "same", "every", "each",
    "current",
))
"""Modifiers that make a time unit a point in time ("next year"), not a length of time."""
_TIME_NOUNS = _TIME_UNITS | frozenset((
    "morning", "afternoon", "evening", "dawn", "dusk", "noon", "midnight", "spring", "summer",
    "autumn", "fall", "winter", "era", "age", "period", "reign", "time", "moment", "date",
    "holiday", "birthday", "anniversary", "beginning", "start", "end", "outset",
))
"""Nouns naming a time ("in the spring", "during his reign")."""
_TIME_CONNECTIVES = frozenset((
    "after", "before", "during", "until", "till", "since", "when", "whenever", "while", "once",
    "upon", "following", "prior", "ago", "later", "earlier", "then", "now", "today", "yesterday",
    "tomorrow", "soon", "recently", "previously", "formerly", "afterwards", "immediately",
))
"""Words that make a phrase a time expression ("after the war", "when it rains")."""
_SHARE_WORDS = frozenset((
    "percent", "percentage", "half", "third", "quarter", "fifth", "share", "portion", "part",
    "fraction", "proportion", "majority",
))
"""Words naming a part of a whole ("60 percent of the cost")."""
# fmt: on
_EXTENT_PREPS = frozenset(("for", "over", "throughout", "within", "during"))
_DURATION_OPENERS = frozenset(("until", "till", "since", "throughout"))
_TIME_LABELS = frozenset(("DATE", "TIME", "EVENT"))
_NON_TIME_LABELS = frozenset(("QUANTITY", "MONEY", "PERCENT"))
_NUMERIC_LABELS = frozenset(("CARDINAL", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME", "ORDINAL"))


def answer_constraint(q: QuestionAnalysis) -> str | None:
    """The hard answer-type constraint the question puts on its answer, if any.

    >>> from newsfaq.ask.qanalysis import analyze_question
    >>> answer_constraint(analyze_question("How many people live in Leeds?"))
    'count'
    >>> answer_constraint(analyze_question("How long did the strike last?"))
    'duration'
    """
    if q.wh == "how many":
        if q.focus_noun in _UNITS:
            return "count_measure"
        if q.focus_noun in _TIME_UNITS:
            return "count_time"
        names_money = (
            "$" in q.text
            or any(label == "MONEY" for _, label in q.entities)
            or q.focus_noun in _CURRENCY_NOUNS
        )
        return "count_or_money" if names_money else "count"
    if q.wh == "how long":
        return "duration" if q.expected_type == "date" else "measure_or_duration"
    if q.wh == "how old":
        return "age"
    if q.wh in _MEASURE_WH:
        return "measure"
    if q.wh == "when" and q.expected_type == "date":
        return "time"
    if q.wh in {"who", "whom", "whose"} and q.expected_type == "person":
        return "agent"
    if q.expected_type in {"money", "percent"}:
        return q.expected_type
    if q.wh in {"what", "which"}:
        return _named_kind(q)
    return None


_GPE_NOUNS = frozenset((
    "city", "country", "state", "town", "village", "county", "province", "nation", "capital",
))  # fmt: skip
_NAME_OF = re.compile(r"\bnames? of ([\w\s-]+)")
_AUXILIARIES = frozenset((
    "is", "are", "was", "were", "do", "does", "did", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "must",
))  # fmt: skip


def _named_kind(q: QuestionAnalysis) -> str | None:
    """What a "which/what <noun>" question names: a month or a year ("In which month ...?"),
    a place with a name ("Which city ...?"), a person ("Which actor ...?", "What were the
    names of the two officers?") or an organisation ("Which aid organisation ...?")."""
    named = _NAME_OF.search(q.text.lower())
    if q.focus_noun == "name" and named:
        words = named.group(1).split()
        if any(w in PERSON_NOUNS or w.removesuffix("s") in PERSON_NOUNS for w in words):
            return "person_name"  # "What is the name of the healthcare worker ...?"
        return None
    noun = q.focus_noun
    after = re.search(r"\b(?:which|what)\s+((?:[\w'-]+\s+){0,2}[\w'-]+)", q.text.lower())
    if noun is None or after is None:
        return None
    words = after.group(1).split()
    if words[0] in _AUXILIARIES or noun not in words:
        return None  # "What fell off the writer's car?", "What did Kublai's government ...?"
    if noun == "month":
        return "month"
    if noun == "year":
        return "year"
    if noun in _GPE_NOUNS:
        return "gpe"
    if noun in PERSON_NOUNS and noun != "people" and noun + "s" not in words:
        return "person_name"  # one person by name; "What persons ...?" asks for a class
    if noun in ORG_NOUNS and noun not in {"group", "party", "band", "team"}:
        return "org_name"  # a group may be a people ("What group ...?" "Catholics")
    return None


def _is_number(tok: Token) -> bool:
    """A cardinal numeral ("four", "1,200", "2.5", "30–70"), not an ordinal word ("first")."""
    return (tok.like_num and tok.tag_ == "CD") or any(c.isdigit() for c in tok.text)


def _in_money_amount(tok: Token) -> bool:
    """Whether the token is inside a money entity that names a currency ("$180 million",
    "40 euros"); the tagger's MONEY label alone is not trusted ("27 punts")."""
    if tok.ent_type_ != "MONEY":
        return False
    return any(
        t.is_currency or t.tag_ == "$" or t.lemma_.lower() in _CURRENCY_NOUNS
        for t in entity_span(tok)
    )


def _in_measurement(tok: Token) -> bool:
    """Whether the token is inside a measurement with a unit ("300 kilometres", "8 tons")."""
    if tok.ent_type_ != "QUANTITY":
        return False
    return any(t.lemma_.lower() in _UNITS or t.lower_ in _UNITS for t in entity_span(tok))


def _is_duration_unit(tok: Token) -> bool:
    """A time unit naming a length of time ("three months", "decades", "a week", "over the
    next decade"), not a point in time ("next year") or a rate ("3 km a week", "$45 a year")."""
    if tok.lemma_.lower() not in _TIME_UNITS or tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    mods = {c.lower_ for c in tok.children}
    if mods & {"a", "an", "per"} and tok.head.pos_ in {"NOUN", "NUM", "ADV", "PROPN", "SYM"}:
        return False  # a rate: "3 kilometres a week", "twice a year"
    if tok.dep_ == "pobj" and tok.head.lower_ == "per":
        return False
    if mods & _POINT_MODIFIERS and not any(c.like_num for c in tok.children):
        return tok.dep_ == "pobj" and tok.head.lower_ in _EXTENT_PREPS
    return True


def _year_like(tok: Token) -> bool:
    """A year ("2014", "1169"): three or four digits up to 2199 that the tagger reads as (part
    of) a date, or four digits from 1800 to 2199."""
    if not tok.text.isdigit() or not 3 <= len(tok.text) <= 4 or int(tok.text) > 2199:
        return False
    return tok.ent_type_ == "DATE" or int(tok.text) >= 1800


def _states_count(constraint: str, toks: Sequence[Token]) -> bool:
    """A number or count word, not part of a money amount or of a measurement with a unit
    (unless the question names a currency, "how many dollars", or a unit, "how many miles"),
    nor a year (unless the question counts time: "how many years")."""
    for t in toks:
        if constraint != "count_or_money" and _in_money_amount(t):
            continue
        if constraint != "count_measure" and _in_measurement(t):
            continue
        if constraint != "count_time" and _year_like(t) and t.ent_type_ == "DATE":
            continue
        if _is_number(t) or t.lower_ in _COUNT_WORDS:
            return True
    return False


def _states_duration(toks: Sequence[Token]) -> bool:
    """A length of time: a time unit (see :func:`_is_duration_unit`), a number that is not a
    distance, money or share ("1921", "three"), or a phrase opening with "until"/"since"."""
    if toks[0].lower_ in _DURATION_OPENERS:
        return True
    return any(
        (_is_number(t) and t.ent_type_ not in _NON_TIME_LABELS) or _is_duration_unit(t)
        for t in toks
    )


def _states_time(toks: Sequence[Token]) -> bool:
    """A time: a number, a date/time/event entity, a time noun or a temporal connective
    ("after the war", "when it rains"), in the span or just before it."""
    if toks[0].i > 0 and toks[0].nbor(-1).lower_ in _TIME_CONNECTIVES:
        return True
    return any(
        _is_number(t)
        or t.ent_type_ in _TIME_LABELS
        or t.lemma_.lower() in _TIME_NOUNS
        or t.lower_ in _TIME_CONNECTIVES
        for t in toks
    )


def _names_agent(toks: Sequence[Token]) -> bool:
    """Not a money amount, date, time or measurement, nor a bare figure ("40 percent"), nor a
    pronoun ("him and his research center"); a group stated as a share ("the richest 1
    percent") is allowed."""
    head = span_head(toks)
    if _in_money_amount(head) or head.ent_type_ in {"DATE", "TIME", "QUANTITY"}:
        return False
    if head.pos_ == "PRON" or head.ent_type_ == "FAC":
        return False  # "him and his research center"; a park or a building does nothing
    return not all(t.ent_type_ in _NUMERIC_LABELS or t.is_punct for t in toks)


_MONTHS = frozenset((
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
))  # fmt: skip


def _states_age(toks: Sequence[Token]) -> bool:
    """An age: a number of at most 130 that is not a year, an amount of money or a share ("55",
    "89-year-old", "in her 40s")."""
    for t in toks:
        if _in_money_amount(t) or t.ent_type_ in {"MONEY", "PERCENT", "QUANTITY"}:
            continue
        nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
        cue = nxt is not None and nxt.lower_ in {"-", "year", "years", "old"}
        counts = nxt is not None and nxt.pos_ == "NOUN" and not cue  # "seven classrooms"
        digits = t.text.removesuffix("s")
        if digits.isdigit() and int(digits) <= 130 and not counts:
            return True
        if t.like_num and not any(c.isdigit() for c in t.text) and cue:
            return True  # "fifty-five years old"
    return False


_NOT_NAMES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "QUANTITY", "ORDINAL"})


def _names(toks: Sequence[Token], labels: frozenset[str], unlike: frozenset[str]) -> bool:
    """The span holds a name of one of these kinds, or a proper noun the tagger labels as no
    figure and none of ``unlike`` ("Conca dei Marini", read as an organisation, may be the
    village asked for; "British" is not the organisation asked for); its head is not a
    pronoun."""
    if span_head(toks).pos_ == "PRON":
        return False
    return any(
        t.ent_type_ in labels
        or (t.pos_ == "PROPN" and t.ent_type_ not in _NOT_NAMES and t.ent_type_ not in unlike)
        for t in toks
    )


def type_allows(constraint: str, toks: Sequence[Token]) -> bool:
    """Whether a span can answer a question with this constraint (see :func:`answer_constraint`)."""
    if constraint in {"count", "count_or_money", "count_measure", "count_time"}:
        return _states_count(constraint, toks)
    if constraint == "age":
        return _states_age(toks)
    if constraint == "month":
        return any(t.lower_.rstrip(".") in _MONTHS for t in toks)
    if constraint == "year":
        return any(_year_like(t) for t in toks)
    if constraint == "gpe":
        return _names(toks, frozenset({"GPE", "LOC", "NORP"}), frozenset({"PERSON"}))
    if constraint == "person_name":
        return _names(toks, frozenset({"PERSON"}), frozenset({"GPE", "LOC", "FAC"}))
    if constraint == "org_name":
        return _names(toks, frozenset({"ORG", "PRODUCT", "FAC"}), frozenset({"GPE", "NORP"}))
    if constraint == "measure":
        return any(_is_number(t) or t.ent_type_ in _NUMERIC_LABELS for t in toks)
    if constraint == "measure_or_duration":
        return type_allows("measure", toks) or _states_duration(toks)
    if constraint == "duration":
        return _states_duration(toks)
    if constraint == "time":
        return _states_time(toks)
    if constraint == "agent":
        return _names_agent(toks)
    if constraint == "money":
        return any(_in_money_amount(t) or t.ent_type_ == "MONEY" for t in toks)
    if constraint == "percent":
        return any(t.ent_type_ == "PERCENT" or t.lower_ in {"%", "percent"} for t in toks)
    return True


def is_portion(head: Token, q: QuestionAnalysis) -> bool:
    """Whether an amount restates a share of a question word ("60 percent of the cost, or $108
    million" for "How much will it cost?"): a part of the whole cannot answer for the whole.

    Not when the question itself asks about a share ("What share of the cost ...?")."""
    if set(q.focus) & _SHARE_WORDS:
        return False
    head = entity_span(head).root
    if head.dep_ not in {"conj", "appos"}:
        return False
    share = head.head
    if share.lemma_.lower() not in _SHARE_WORDS and share.ent_type_ != "PERCENT":
        return False
    return any(
        c.lower_ == "of" and any((content_lemma(o) or "") in q.focus for o in c.children)
        for c in share.children
    )


def span_head(doc_tokens: Sequence[Token]) -> Token:
    """The token of the span whose head lies outside it."""
    ids = {t.i for t in doc_tokens}
    for tok in doc_tokens:
        if tok.head.i not in ids or tok.head.i == tok.i:
            return tok
    return doc_tokens[0]
