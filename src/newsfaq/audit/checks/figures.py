"""Figure checks: numbers normalised, approximate vs exact, derived figures, a figure of something
else or from elsewhere.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsfaq.audit.align import Aligner, content_tokens, norm_word, synonyms
from newsfaq.text.dates import ClockTime, clock_times
from newsfaq.text.nlp import Analysis, Sentence
from newsfaq.text.numbers import (
    QUALIFIERS,
    SCALE_WORDS,
    NumberMention,
    find_numbers,
    numbers_agree,
    parse_number,
    qualifier_class,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token
from newsfaq.audit.checks.common import (
    _NOUNS,
    AFTER_TIMES,
    NAMED,
    CheckResult,
    Finding,
    _check_binding,
    _join,
    _other_words,
    _quote,
    _slot,
)
from newsfaq.audit.checks.dates import date_parts
from newsfaq.audit.checks.lists import list_members

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)"
)
_DAY_OF_MONTH_RE = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?(?:\s+of)?\s+{_MONTHS}\b|\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b"
)
"""A day of a month ("30 May", "May 30th") the tagger may leave untagged: the date check's."""
_NONE_RE = re.compile(r"\b(?P<n>zero|nil)\s+(?!per\b|percent\b)[a-z]+s\b", re.IGNORECASE)
"""None of a thing said as a count ("there are zero buses on a Sunday"): the negation check's."""
_LAP_TIME_RE = re.compile(r"(?<![\w.:])(\d{1,2}):(\d{2}):(\d{2})(?![:\d])")
"""A time taken, in hours, minutes and seconds ("2:07:41"): not a clock time, nor three figures;
:func:`_check_lap_times` compares it as a length of time."""
_SPELLED_TIME_RE = re.compile(
    r"\b(\d{1,2})\s*(?:hours?|hrs?|h)\b,?\s*(\d{1,2})\s*(?:minutes?|mins?|m)\b,?\s*(?:and\s+)?"
    r"(\d{1,2})\s*(?:seconds?|secs?|s)\b",
    re.IGNORECASE,
)
"""The same written out: "2 hours 7 minutes 41 seconds", "2h 7m 41s"."""


def _lap_times(text: str) -> list[tuple[int, str]]:
    """Every time taken of ``text`` in seconds, with its words."""
    found = [*_LAP_TIME_RE.finditer(text), *_SPELLED_TIME_RE.finditer(text)]
    return [(int(m[1]) * 3600 + int(m[2]) * 60 + int(m[3]), m.group(0)) for m in found]


def _check_lap_times(ctext: str, ev: Sequence[Sentence], src_text: str, out: CheckResult) -> None:
    """A time taken ("2:07:41") must be one the original gives, in either way of writing it."""
    given = {seconds for seconds, _ in _lap_times(src_text)}
    for seconds, text in _lap_times(ctext):
        if seconds in given:
            continue
        near = [words for s in ev for _, words in _lap_times(s.text)]
        out.findings.append(
            Finding(
                "numbers",
                "contradicted" if near else "unsupported",
                f"the claim gives the time {_quote(text)}; the original gives {_join(near[:2])}"
                if near
                else f"the original never gives the time {_quote(text)}",
            )
        )


_TALLY_NUM = r"\d{1,3}|[a-z]+(?:-[a-z]+)?"
_SCORE_RE = re.compile(
    rf"(?<![\w.-])({_TALLY_NUM})(?P<votes> votes?)?(?:-|–| to )({_TALLY_NUM})(?![\w-]|\.\d)",
    re.IGNORECASE,
)


def _scores(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Scores and vote tallies: "3-2", "31 to 26", "seven votes to two" ("to" only when the
    first number is the larger: "1 to 3" is a range), with the pair of numbers they give."""
    out = []
    for m in _SCORE_RE.finditer(text):
        a, b = parse_number(m.group(1)), parse_number(m.group(3))
        if a is None or b is None or a != int(a) or b != int(b):
            continue
        if not m.group(1).isdigit() and not m.group("votes"):
            continue  # "five-to-two" style words only with "votes": "one to two days" is no tally
        if " to " in m.group(0).lower() and a <= b:
            continue
        out.append((m.group(0), (int(a), int(b))))
    return out


_QUALIFIER_RES = [
    (q, re.compile(rf"\b{re.escape(q)}\s*$")) for q in sorted(QUALIFIERS, key=len, reverse=True)
]


def _qualifier_before(text: str, start: int) -> str | None:
    """The qualifier ("about", "more than", ...; :data:`newsfaq.text.numbers.QUALIFIERS`) right
    before the figure at ``start``."""
    before = text[max(0, start - 24) : start].lower()
    return next((q for q, rx in _QUALIFIER_RES if rx.search(before)), None)


def _is_approx(q: str | None) -> bool:
    return q is not None and qualifier_class(q) != "exact"


UNIT_ABBREVIATIONS = {
    "km": "kilometre",
    "kg": "kilogram",
    "cm": "centimetre",
    "mm": "millimetre",
    "mi": "mile",
    "lb": "pound",
    "lbs": "pound",
    "ft": "foot",
    "m": "metre",
    "hr": "hour",
    "hrs": "hour",
    "min": "minute",
    "mins": "minute",
    "sec": "second",
    "secs": "second",
    "wk": "week",
    "wks": "week",
    "yr": "year",
    "yrs": "year",
    "kw": "kilowatt",
    "mw": "megawatt",
    "gw": "gigawatt",
    "kwh": "kilowatt-hour",
    "mwh": "megawatt-hour",
    "gwh": "gigawatt-hour",
}


_CALENDAR_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
})  # fmt: skip
"""Names of days and months: never what a figure counts."""


def _unit_of(tok: Token) -> str:
    """A unit word's lemma, abbreviations spelled out ("km" -> "kilometre")."""
    lemma = tok.lemma_.lower()
    return UNIT_ABBREVIATIONS.get(lemma, lemma)


def _unit_words(figure: SpacySpan, text: SpacySpan) -> frozenset[str]:
    """The nouns among the three words after the figure in ``text``: what it may count where
    the parse says nothing about it (see :func:`_parsed_unit`)."""
    after = [t for t in text.doc[figure.end : min(figure.end + 6, text.end)] if t.is_alpha][:3]
    return frozenset(
        _unit_of(t) for t in after if t.pos_ in _NOUNS and not _participle_read_as_noun(t)
    )


_UNIT_FAMILIES = {
    **dict.fromkeys(("second", "minute", "hour", "day", "week", "month", "year", "decade"), "time"),
    **dict.fromkeys(
        (
            "metre",
            "meter",
            "kilometre",
            "kilometer",
            "centimetre",
            "millimetre",
            "mile",
            "foot",
            "feet",
            "yard",
            "inch",
        ),
        "length",
    ),
    **dict.fromkeys(("gram", "kilogram", "tonne", "ton", "pound", "ounce"), "mass"),
    "age": "age",
}
"""Units (lemmas) of one kind of measure: "ten months" and "six weeks" are two values of one
duration, so one contradicts the other; so do two ages of one person."""


_AGE_RE = re.compile(r"\s*-?\s*years?\s*-?\s*olds?\b", re.IGNORECASE)
"""What follows the figure of an age: "73-year-old", "73 years old"."""


_AFTER_AGE = frozenset({",", ".", ";", "(", ")", "and"})
"""What follows an age set off by commas: "Bates, 73, said", "his wife Kelly, 42."."""


_UNIT_DEPS = frozenset({"nummod", "quantmod", "compound", "nmod", "amod"})
"""Dependencies of a figure on the noun it counts or measures ("three inmates", "Route 9")."""


_NOMINAL_DEPS = frozenset(
    {"nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos", "conj", "dative", "oprd", "ROOT"}
)
"""Dependencies of a figure that stands for what it counts ("all three were convicted")."""


@dataclass(frozen=True)
class _Figure:
    """A figure of a text with what it counts or measures."""

    mention: NumberMention
    units: frozenset[str]
    """Lemmas of what the figure counts or measures ("month", "inmate", "age"); empty when the
    text does not say ("all three") or the figure carries its own unit (money, shares)."""
    phrase: str
    """The figure with its unit as written ("ten months", "Bates, 73"), for reasons."""
    qualifier: str | None
    """The qualifier before it ("about", "more than"), if any."""
    holder: str | None = None
    """Whose age it is, when the text says ("girl" in "a 15-year-old girl")."""


def _age(
    figure: SpacySpan, span: SpacySpan, text: str, m: NumberMention
) -> tuple[str, Token | None] | None:
    """The figure (of ``span``, whose text is ``text``) as an age ("a 15-year-old girl", "Bates,
    73,", "aged 44", "at the age of 83"): its phrase and the token of whose age it is, if the
    text names it; None if not an age."""
    doc = figure.doc
    suffix = _AGE_RE.match(text, m.end)
    if suffix:
        old = next((t for t in doc[figure.end : span.end] if t.lower_ in {"old", "olds"}), None)
        holder = doc[old.i + 1] if old is not None and old.i + 1 < span.end else None
        if holder is not None and holder.pos_ in _NOUNS:
            return doc[figure.start : holder.i + 1].text, holder
        return text[m.start : suffix.end()], None
    before = [t.lower_ for t in doc[max(span.start, figure.start - 2) : figure.start]]
    if before[-1:] == ["aged"] or before == ["age", "of"]:
        return m.text, None
    if figure.start - span.start < 2 or m.kind != "number" or m.high is not None:
        return None
    if not 0 < m.value <= 120:
        return None
    comma, noun = doc[figure.start - 1], doc[figure.start - 2]
    after = doc[figure.end].text if figure.end < span.end else "."
    if (
        comma.text == ","
        and after.lower() in _AFTER_AGE
        and (
            noun.text == ")"
            or (noun.pos_ in _NOUNS and noun.ent_type_ not in {"DATE", "TIME", "ORG", "GPE"})
        )
    ):
        return doc[noun.i : figure.end].text, noun if noun.text != ")" else None
    return None


def _of_object(tok: Token, span: SpacySpan) -> Token | None:
    """X of "N of X" ("three of the inmates") in ``span``."""
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i < span.end:
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.pos_ in _NOUNS and obj.is_alpha and obj.i < span.end:
                    return obj
    return None


def _noun_chain(noun: Token, span: SpacySpan) -> list[Token]:
    """A noun a figure modifies, the nouns of ``span`` it modifies in turn and the noun of "N
    types of X" ("33 premier league games": games; "a seven-game winning run": game, run; "two
    types of flu": types, flu)."""
    chain = [noun]
    while (
        len(chain) < 4
        and chain[-1].dep_ in {"compound", "nmod", "amod"}
        and span.start <= chain[-1].head.i < span.end
        and chain[-1].head.i != chain[-1].i
        and chain[-1].head.pos_ in _NOUNS
    ):
        chain.append(chain[-1].head)
    obj = _of_object(chain[-1], span)
    return [t for t in chain if t.is_alpha] + ([obj] if obj is not None else [])


_REPORTING_PARTICIPLES = frozenset(
    {"thought", "believed", "said", "expected", "estimated", "reported", "known", "feared"}
)


def _participle_read_as_noun(tok: Token) -> bool:
    """ "fewer than 7,000 thought to be left": the tagger's noun is a participle before "to"."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ in _REPORTING_PARTICIPLES and nxt is not None and nxt.lower_ == "to"


def _parsed_unit(figure: SpacySpan, span: SpacySpan) -> tuple[frozenset[str], list[Token]] | None:
    """What the figure (its tokens in ``span``) counts or measures, from the parse, with the
    tokens of its unit near it (for its phrase): the noun it modifies ("three inmates", "Route
    9", "4 km") or the noun of "N of X"; no unit for a figure that stands alone ("all three
    were convicted"), also as the root of ``span`` ("only two"); None when the parse says
    nothing."""
    inside = range(figure.start, figure.end)
    roots = [t for t in figure if t.head.i not in inside or t.head.i == t.i]
    for tok in roots:
        head = tok.head
        if (
            tok.dep_ in _UNIT_DEPS
            and head.pos_ in _NOUNS
            and span.start <= head.i < span.end
            and not _participle_read_as_noun(head)
        ):
            if any(t.tag_ == "VBG" for t in span.doc[figure.end : head.i]):
                return frozenset(), []  # "one of four facing closure": a participle between
                # says the figure counts what the sentence leaves unsaid, not the noun after
            chain = _noun_chain(head, span)
            if chain:
                near = [
                    t
                    for k, t in enumerate(chain)
                    if abs(t.i - figure.start) <= 4 and (k == 0 or t.pos_ == "NOUN")
                ]
                # the nouns compounded between the figure and its noun count it too: "186
                # crane operator positions" are also "186 crane operators"; so does a unit
                # the tagger calls a name ("9,000 TEU berth" for "9,000 TEU to berth")
                compounds = [
                    c
                    for c in head.lefts
                    if c.dep_ == "compound" and c.pos_ in _NOUNS and c.i >= figure.end
                ]
                # what the counted do, by a relative clause: "five firms that bid" are five
                # bidders
                acts = [
                    c
                    for c in head.children
                    if c.dep_ == "relcl"
                    and c.pos_ == "VERB"
                    and any(
                        s.dep_ == "nsubj" and s.lower_ in {"that", "who", "which"}
                        for s in c.children
                    )
                ]
                units = [_unit_of(t) for t in [*chain, *compounds]] + [v.lemma_ for v in acts]
                return frozenset(units), near
    for tok in roots:
        obj = _of_object(tok, span)
        if obj is not None:
            return frozenset({_unit_of(obj)}), [obj] if obj.i - figure.start <= 4 else []
    root = roots[-1]
    if root.dep_ in _NOMINAL_DEPS or not span.start <= root.head.i < span.end:
        return frozenset(), []
    return None


def _name_words(figure: SpacySpan, span: SpacySpan) -> frozenset[str]:
    """The other words of a name of ``span`` the figure is part of ("Falcon 9", "Formula 1")."""
    doc = figure.doc
    if figure[0].ent_type_ not in NAMED:
        return frozenset()
    start, end = figure.start, figure.end
    while start > span.start and doc[start].ent_iob_ == "I":
        start -= 1
    while end < span.end and doc[end].ent_iob_ == "I":
        end += 1
    return frozenset(
        _unit_of(t) for t in doc[start:end] if t.is_alpha and not figure.start <= t.i < figure.end
    )


_AND_A_HALF = re.compile(
    r"\b(?:a|an|one)\s+(?P<unit>second|minute|hour|day|week|month|year)\s+and\s+$", re.IGNORECASE
)


def _unit_and_a_half(text: str, m: NumberMention) -> _Figure | None:
    """ "a minute and a half" read as 1.5 minutes, not as the fraction "a half"."""
    before = _AND_A_HALF.search(text[: m.start])
    if before is None or m.text.lower() != "a half":
        return None
    start = before.start()
    whole = replace(m, start=start, text=text[start : m.end], value=1.5, kind="number")
    whole = replace(whole, fraction=None)
    return _Figure(whole, frozenset({before["unit"].lower()}), whole.text, None)


_LARGER_AND = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|\d+)\s+(?P<unit>years?|weeks?|days?|hours?)\s+and\s+$",
    re.IGNORECASE,
)
_SMALLER = re.compile(r"\s+(?P<unit>months?|days?|hours?|minutes?)\b", re.IGNORECASE)
_IN_SMALLER = {
    ("year", "month"): 12,
    ("week", "day"): 7,
    ("day", "hour"): 24,
    ("hour", "minute"): 60,
}
"""How many of the smaller unit make one of the larger, for a length of time said in both."""


def _larger_and_smaller(text: str, m: NumberMention) -> _Figure | None:
    """ "a year and eight months" read as 20 months, not as eight: a length of time given in a
    larger unit and a smaller one, as the original may give it in the smaller alone."""
    before = _LARGER_AND.search(text[: m.start])
    after = _SMALLER.match(text, m.end)
    if before is None or after is None or m.high is not None or m.kind != "number":
        return None
    big = before["unit"].lower().removesuffix("s")
    small = after["unit"].lower().removesuffix("s")
    per = _IN_SMALLER.get((big, small))
    count = 1.0 if before["n"].lower() in {"a", "an"} else parse_number(before["n"])
    if per is None or count is None:
        return None
    start = before.start()
    whole = replace(m, start=start, text=text[start : m.end], value=count * per + m.value)
    return _Figure(whole, frozenset({after["unit"].lower()}), text[start : after.end()], None)


_OF_A_UNIT = re.compile(
    r"(?:\s+(?:of\s+)?(?:a|an)\s+|[\s-])(?P<unit>century|decade|year|day|hour)\b", re.I
)
_IN_UNIT = {"century": (100, "years"), "decade": (10, "years"), "year": (12, "months"),
            "day": (24, "hours"), "hour": (60, "minutes")}  # fmt: skip
"""A length of time as a share of a larger unit, in the smaller unit it makes."""


def _share_of_a_unit(text: str, m: NumberMention) -> _Figure | None:
    """ "a quarter of a century" read as 25 years, "half an hour" (or "every half hour") as 30
    minutes, not as a share of something."""
    after = _OF_A_UNIT.match(text, m.end)
    if after is None or m.kind != "fraction" or m.high is not None:
        return None
    per, unit = _IN_UNIT[after["unit"].lower()]
    whole = replace(m, text=text[m.start : after.end()], value=m.value * per, kind="number")
    whole = replace(whole, fraction=None)
    return _Figure(whole, frozenset({unit}), whole.text, None)


def _figure(text: str, m: NumberMention, span: SpacySpan) -> _Figure:
    """The figure ``m`` of ``text`` (the text of ``span``, figures joined) with its unit: an
    age, else from the parse, else the nouns after it; money and shares carry their own."""
    half = _unit_and_a_half(text, m) or _larger_and_smaller(text, m) or _share_of_a_unit(text, m)
    if half is not None:
        return half
    qualifier = _qualifier_before(text, m.start)
    base = span.start_char
    tokens = span.doc.char_span(base + m.start, base + m.end, alignment_mode="expand")
    if m.kind in {"money", "percent", "fraction"} or tokens is None or not len(tokens):
        return _Figure(m, frozenset(), m.text, qualifier)
    age = _age(tokens, span, text, m)
    if age is not None:
        holder = age[1]
        return _Figure(
            m, frozenset({"age"}), age[0], qualifier, holder.lemma_.lower() if holder else None
        )
    parsed = _parsed_unit(tokens, span)
    units, near = parsed if parsed is not None else (_unit_words(tokens, span), [])
    whom = _OF_WHOM_RE.match(text, m.end)
    if whom is not None:
        noun = span.doc.char_span(base + whom.start("noun"), base + whom.end("noun"))
        if noun is not None and noun.root.pos_ in _NOUNS:
            units = frozenset({_unit_of(noun.root)})  # "seven staff, four of whom are
            # apprentices": four apprentices
    units = units - _CALENDAR_WORDS  # "voted 9 to 6 on Tuesday": the vote is not of Tuesdays
    phrase = m.text
    if near:
        first, end = min(tokens.start, *(t.i for t in near)), max(t.i + 1 for t in near)
        doc = span.doc
        while (
            end < span.end
            and not doc[end - 1].whitespace_
            and (doc[end].text == "-" or not doc[end].is_punct)
        ):
            end += 1  # the rest of a word the tokenizer split ("co-defendants")
        phrase = doc[first : max(end, tokens.end)].text
    return _Figure(m, units | _name_words(tokens, span), phrase, qualifier)


_OF_WHOM_RE = re.compile(
    r"\s+of\s+(?:whom|which|them)\s+(?:are|were|is|was|will\s+be)\s+(?:now\s+)?"
    r"(?P<noun>[a-z]+)\b"
)
"""What a part of a counted group is ("four of whom are apprentices")."""


_MULTIPLE_RE = re.compile(
    rf"\b(?P<n>\w+(?:\.\d+)?)\s+times\s+(?:{'|'.join(sorted(AFTER_TIMES))})\b", re.IGNORECASE
)
"""A multiple ("three times as much", see :data:`AFTER_TIMES`): no figure of its own."""


def _figures(span: SpacySpan, *, anaphoric: bool = True) -> list[_Figure]:
    """The figures of a text with their units. Years, the days of dates and clock times are
    left out: they are the date and clock checks'; so are number words standing for whom the
    text named before ("the two"), unless ``anaphoric``."""
    text = _join_tokenized(span.text)
    base = span.start_char
    skip = [
        (e.start_char - base, e.end_char - base)
        for e in span.ents
        if e.label_ in {"DATE", "TIME"} and date_parts(e.text)
    ]
    skip += [(c.start, c.end) for c in clock_times(text)]
    skip += [c.span() for c in _DAY_OF_MONTH_RE.finditer(text)]
    # the date check's own days of months, abbreviated ("Mon 14 Sept") as well
    skip += [(p.start, p.end) for p in date_parts(text) if p.day is not None]
    skip += [c.span() for c in _LAP_TIME_RE.finditer(text)]
    skip += [c.span("n") for c in _NONE_RE.finditer(text)]
    skip += [c.span("n") for c in _MULTIPLE_RE.finditer(text)]
    if not anaphoric:
        skip += [(t.idx - base, t.idx + len(t) - base) for t in span if _anaphoric(t)]
    return [
        _figure(text, m, span)
        for m in ranges(text, find_numbers(text))
        if not re.fullmatch(r"(19|20)\d\d", m.text) and not any(a <= m.start < b for a, b in skip)
    ]


def _anaphoric(tok: Token) -> bool:
    """A number word standing for people or things named before ("the two are now mixed up",
    "the three met in 2010"): it heads its phrase after "the", and counts nothing new."""
    return (
        tok.like_num
        and tok.text.isalpha()
        and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "conj"}
        and tok.i > 0
        and tok.doc[tok.i - 1].lower_ == "the"
        and not any(c.pos_ in {"NOUN", "PROPN"} for c in tok.children)
    )


_RANGE_GAP = re.compile(r"\s*(?:to|-|–|and)\s*", re.IGNORECASE)
_RANGE_START = re.compile(r"\b(?:between|from)\s+$", re.IGNORECASE)


def ranges(text: str, mentions: Sequence[NumberMention]) -> list[NumberMention]:
    """Two figures of a range written in words made one range figure, as "10-11" is: "10 to 11",
    "between 10 and 15", "from 3 to 4", "10% to 15%": plain numbers or percentages (a sum of
    money carries its own scale, "$3 to $4 million"), the first the lower, and "and" only after
    "between" or "from".

    >>> [m.normalized for m in ranges("10 to 11-year-olds", find_numbers("10 to 11-year-olds"))]
    ['10-11']
    >>> [m.normalized for m in ranges("5 and 7 died", find_numbers("5 and 7 died"))]
    ['5', '7']
    """
    out: list[NumberMention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        gap = text[a.end : b.start] if b is not None else ""
        if (
            b is not None
            and a.high is None
            and b.high is None
            and a.kind == b.kind
            and a.kind in {"number", "percent"}
            and a.value < b.value
            and _RANGE_GAP.fullmatch(gap)
            and ("and" not in gap.lower() or _RANGE_START.search(text[: a.start]))
        ):
            low = a.value * _shared_scale(a, b)  # "thirty-one and thirty-four thousand"
            out.append(
                replace(b, start=a.start, text=text[a.start : b.end], value=low, high=b.value)
            )
            i += 2
            continue
        out.append(a)
        i += 1
    return out


_SCALE_OF = {word: value for word, value in SCALE_WORDS.items() if value >= 1e3}
"""The number reader's scale words a range's ends may share (not "hundred")."""
_SCALE_WORD = re.compile(rf"\s({'|'.join(_SCALE_OF)})$", re.IGNORECASE)


def _shared_scale(low: NumberMention, high: NumberMention) -> float:
    """The scale word the high end of a range in words shares with its low end ("between
    thirty-one and thirty-four thousand": both thousands), else 1."""
    m = _SCALE_WORD.search(high.text)
    if m is None or _SCALE_WORD.search(low.text):
        return 1.0
    scale = _SCALE_OF[m[1].lower()]
    return scale if low.value * scale <= high.value else 1.0


def _unit_family(units: frozenset[str]) -> set[str]:
    return {_UNIT_FAMILIES[u] for u in units if u in _UNIT_FAMILIES}


def _same_unit(a: _Figure, b: _Figure) -> bool:
    """Two figures can be the same quantity: one has no unit, or they share one.

    "about 9 kilometres" is not "Route 9 will close"; "ten months" is not "six weeks".
    """
    return not a.units or not b.units or _units_meet(a.units, b.units)


_HOURS = {
    "second": 1 / 3600,
    "minute": 1 / 60,
    "hour": 1.0,
    "day": 24.0,
    "week": 168.0,
    "fortnight": 336.0,
    "month": 730.5,
    "year": 8766.0,
    "decade": 87660.0,
}
"""Lengths of time in hours, to compare durations given in other units."""


def _hours(fig: _Figure) -> float | None:
    """The figure as a length of time in hours, when it is one ("two days" -> 48)."""
    units = {u.lower().removesuffix("s") for u in fig.units}
    per = [_HOURS[u] for u in units if u in _HOURS]
    value = fig.mention.value
    if len(per) != 1 or fig.mention.high is not None:
        return None
    return float(value) * per[0]


_UNNUMBERED = re.compile(
    r"\b(?P<one>a|an|the|one|first|last|next|past|whole|full)\s+"
    r"(?P<unit>fortnight|week|month|year|day|hour|decade)\b",
    re.IGNORECASE,
)


def _unnumbered(text: str) -> list[float]:
    """Lengths of time, in hours, a text gives without a figure ("the first fortnight", "the
    whole week", "in a decade"; not the rate's "a year")."""
    out = []
    for m in _UNNUMBERED.finditer(text):
        unit = m["unit"].lower()
        # "£410,000 a year" is a rate; no rate is given "a fortnight" or "a decade"
        if unit in {"fortnight", "decade"} or m["one"].lower() not in {"a", "an"}:
            out.append(_HOURS[unit])
    return out


def _same_duration(a: _Figure, b: _Figure) -> bool:
    """The same length of time in other units ("two days" / "48 hours", "a fortnight" /
    "14 days"), within 1%."""
    ha, hb = _hours(a), _hours(b)
    if ha is None or hb is None or a.units == b.units:
        return False
    return abs(ha - hb) <= 0.01 * max(ha, hb)


_ANY_PEOPLE = frozenset({"people", "person", "individual"})
_PEOPLE = _ANY_PEOPLE | frozenset({
    "staff", "worker", "employee", "resident", "member", "student", "pupil", "passenger",
    "patient", "visitor", "customer", "child", "adult", "volunteer", "officer", "teacher",
    "nurse", "doctor", "driver", "player", "fan", "spectator", "voter", "tenant", "user",
})  # fmt: skip
"""Units that count people: "people" is any of them, less specific, not another count."""
_CAPACITY = frozenset({"capacity", "seater"})
_HELD = _PEOPLE | frozenset({"seat", "seats", "place", "places", "bed", "beds"})
"""A capacity ("18,500-capacity", "a 500-seater") is a count of the people or seats it holds."""
_JOBS = frozenset({"job", "jobs", "post", "posts", "role", "roles", "position", "positions"})
_WORKFORCE = frozenset({
    "staff", "worker", "workers", "employee", "employees", "workforce", "headcount", "team",
    "crew", "personnel",
})  # fmt: skip
_WORKERS = _ANY_PEOPLE | _WORKFORCE
"""Jobs count the people who fill them; a workforce or headcount counts its workers."""


_ANY_PLACE = frozenset({
    "site", "sites", "location", "locations", "premises", "facility", "facilities", "venue",
    "venues", "property", "properties",
})  # fmt: skip
"""Units that count places of any kind: "sites" may be orchards, schools or depots."""


def _any_place(generic: frozenset[str], other: frozenset[str]) -> bool:
    """``generic`` counts places of any kind and ``other`` counts things, not people, times or
    measures ("three affected sites" for "three orchards")."""
    return bool(
        generic & _ANY_PLACE
        and other
        and not other & (_PEOPLE | _JOBS | _CALENDAR_WORDS)
        and not any(w in _UNIT_FAMILIES or w.rstrip("s") in _UNIT_FAMILIES for w in other)
    )


def _units_meet(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two unit sets share a unit, also when the tagger lemmatized one form and not the other
    ("grandchild" / "grandchildren", "metre" / "metres").

    >>> _units_meet(frozenset({"grandchild"}), frozenset({"grandchildren"}))
    True
    >>> _units_meet(frozenset({"mile"}), frozenset({"million"}))
    False
    """
    if a & b:
        return True
    if (a & _ANY_PEOPLE and b & _PEOPLE) or (b & _ANY_PEOPLE and a & _PEOPLE):
        return True  # "90 people work there" for "90 staff work there"
    if (a & _CAPACITY and b & _HELD) or (b & _CAPACITY and a & _HELD):
        return True  # "the 18,500-capacity ground" for "holds 18,500 spectators"
    if a & {"one", "ones"} or b & {"one", "ones"}:
        return True  # "two new units" for "two new ones": the original's pro-form
    if ("age" in a and b & {"year", "years"}) or ("age" in b and a & {"year", "years"}):
        return True  # "whose average age is nine years" for "nine years old"
    if (a & _JOBS and b & _WORKERS) or (b & _JOBS and a & _WORKERS):
        return True  # "45 permanent jobs" for "45 permanent staff"
    if (a & _JOBS and b & _JOBS) or (a & _WORKFORCE and b & _WORKFORCE):
        return True  # "140 roles" for "140 jobs", "a 640-strong headcount" for "workforce"
    if _any_place(a, b) or _any_place(b, a):
        return True  # "three affected sites" for "three orchards"
    for x in a:
        for y in b:
            if synonyms(x, y):
                return True  # "seven league matches" / "seven league games"
            if _agent_noun(x, y) or _agent_noun(y, x):
                return True  # "five firms that bid" / "five bidders"
            short, long_ = sorted((x, y), key=len)
            if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3:
                return True
    return False


def _agent_noun(verb: str, noun: str) -> bool:
    """``noun`` names those who do ``verb`` ("bidder" of "bid", "voter" of "vote")."""
    stems = {verb, verb + verb[-1:], verb.removesuffix("e")}
    return any(noun in {s + "er", s + "ers", s + "or", s + "ors"} for s in stems)


def _replaces(fig: _Figure, stated: _Figure) -> bool:
    """``stated``, a figure of the original, can be the one that ``fig`` changes: a figure of the
    same unit or measure ("ten months" for "six weeks"), an age of the same person; for a figure
    without unit, any count."""
    if _measure(fig.mention) != _measure(stated.mention):
        return False
    family, stated_family = _unit_family(fig.units), _unit_family(stated.units)
    if "age" in family & stated_family:
        return fig.holder is None or stated.holder is None or fig.holder == stated.holder
    if not fig.units:
        return not stated_family
    return bool(_units_meet(fig.units, stated.units) or family & stated_family)


def _stated(fig: _Figure) -> str:
    """The figure as a reason quotes it, with its qualifier ("about 4 kilometres")."""
    if fig.qualifier and fig.phrase.startswith(fig.mention.text):
        return f"{fig.qualifier} {fig.phrase}"
    return fig.phrase


def _check_numbers(
    claim: SpacySpan,
    ev: Sequence[Sentence],
    aligner: Aligner,
    out: CheckResult,
    question: SpacySpan | None = None,
) -> None:
    ctext = _join_tokenized(claim.text)
    src_text = aligner.analysis.article.text
    _check_clock_times(clock_times(ctext), ev, aligner.analysis, out)
    _check_lap_times(ctext, ev, src_text, out)
    _check_ordinals(ctext, src_text, out, ev)
    src_pairs = aligner.analysis.derived(
        "score_pairs", lambda an: frozenset(pair for _, pair in _scores(an.article.text))
    )
    tallied: list[tuple[str, tuple[int, int]]] = []  # the original's tallies, told again
    for text, pair in _scores(ctext):
        if pair in src_pairs:
            tallied.append((text, pair))
            continue
        given = [x for s in ev for x, _ in _scores(s.text)]
        if not given and "vote" in text.lower():
            # a vote the evidence sentence does not tell: the article's own vote tallies
            given = [x for x, _ in _scores(src_text) if "vote" in x.lower()]
        if given:
            out.findings.append(
                Finding(
                    "numbers",
                    "contradicted",
                    f"the claim gives {_quote(text)}; the original gives {_join(given[:2])}",
                )
            )
    # "the two" counts nobody new, unless the evidence also refers back by a number
    refers_back = any(_anaphoric(t) for s in ev for t in s.span)
    by_sentence = _sentence_figures(aligner.analysis)
    ev_figs = [f for s in ev for f in by_sentence[s.id]]
    figures = [
        f
        for f in _figures(claim, anaphoric=refers_back)
        if not (f.mention.value == 1 and f.mention.text.lower() in {"one", "a", "an"})
        and not _both(f, ev, ev_figs)
        and not _counts_a_list(f, ev, ev_figs)
        and not _counts_its_own_list(f, claim, ev_figs)
        and not any(f.mention.value in pair and f.mention.text in text for text, pair in tallied)
    ]
    figures = _past_split_ranges(figures, ev_figs)
    if not figures:
        return
    doc_figs = [f for figs in by_sentence for f in figs]
    distributive = any(_EACH.search(s.text) for s in ev)
    sums = bool(_SUM_CUE.search(ctext) or _CHANGE.search(ctext) or _IN_ALL.search(ctext))
    ev_text = " ".join(s.text for s in ev)
    for fig in figures:
        if _from_headline(claim, fig, aligner.analysis):
            continue  # the headline's "to Rise by 37 Percent", which the body only derives
        if (
            _label_number(fig, ctext)
            or _named_number(fig, ctext, src_text)
            or _metres_agree(fig, doc_figs)
        ):
            continue  # "Phase 2"; "Lock 7" as the original names it; "150m" for "150 metres"
        how = _derivation(fig, ctext, ev, ev_figs, doc_figs)
        if how is not None:
            out.notes.append(f"{fig.mention.text} is {how}")
            continue
        wrong_share = _share_mismatch(fig, ctext, doc_figs) or _below_for_of(
            fig, ctext, ev_figs, ev_text
        )
        if wrong_share is not None:
            out.findings.append(Finding("numbers", "contradicted", wrong_share))
            continue
        before = len(out.findings)
        other_end = _range_end(fig, ctext, ev)
        if other_end is not None:
            out.findings.append(
                Finding(
                    "numbers",
                    "contradicted",
                    f"the claim gives {_quote(fig.phrase)} at the end of the change; the "
                    f"original gives {_quote(other_end)}",
                )
            )
            continue
        _check_figure(
            fig,
            ev_figs,
            doc_figs,
            out,
            distributive=distributive,
            sums=sums,
            ctext=ctext,
            ev_text=ev_text,
        )
        if len(out.findings) > before:
            continue
        _check_figure_name(claim, fig, ev, by_sentence, out)
        if len(out.findings) > before:
            continue
        homes = [
            i
            for i, figs in enumerate(by_sentence)
            if any(
                numbers_agree(fig.mention, d.mention, approximate=True) and _same_unit(fig, d)
                for d in figs
            )
        ]
        if homes and _distinctive(fig):
            _check_binding(claim, fig.phrase, homes, aligner, out, question)
        if homes and _stated_together(fig, figures, homes, by_sentence):
            continue  # "£42 a year, up from £30": the pair of one sentence, whatever other
            # sentence the claim's words resemble ("up from £19,100 the year before")
        if homes and fig.units and not _distinctive(fig):
            _check_swap(claim, fig, homes, ev, by_sentence, aligner, out)
        if homes and len(out.findings) == before:
            _check_figure_slot(claim, fig, homes, ev, by_sentence, aligner, out)


def _figure_name(span: SpacySpan, fig: _Figure) -> tuple[str, frozenset[str], str] | None:
    """The name a preposition ties to a figure ("250 on the Corran Bay", "60 passengers on the
    Glen Sannox"): the preposition, the name's words and its text."""
    tok = _figure_root(span, fig)
    if tok is None:
        return None
    heads = [tok]
    while tok.dep_ in {"nummod", "quantmod", "compound"} and tok.head != tok:
        tok = tok.head
        heads.append(tok)
    for h in heads:
        for prep in h.children:
            if prep.dep_ != "prep":
                continue
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if obj is None or obj.pos_ != "PROPN":
                continue
            phrase = [w for w in obj.subtree if w.pos_ == "PROPN" and w.is_alpha]
            words = frozenset(norm_word(w.text) for w in phrase)
            if words:
                return prep.lower_, words, " ".join(w.text for w in phrase)
    return None


def _check_figure_name(
    claim: SpacySpan,
    fig: _Figure,
    ev: Sequence[Sentence],
    by_sentence: Sequence[Sequence[_Figure]],
    out: CheckResult,
) -> None:
    """The claim ties a figure to another name than the original does, by the same preposition
    ("250 on the Islay Star" where the original says "250 on the Corran Bay")."""
    mine = _figure_name(claim, fig)
    if mine is None:
        return
    theirs = [
        found
        for s in ev
        for d in by_sentence[s.id]
        if numbers_agree(fig.mention, d.mention) and _same_unit(fig, d)
        for found in [_figure_name(s.span, d)]
        if found is not None and found[0] == mine[0]
    ]
    if theirs and not any(mine[1] & words for _, words, _ in theirs):
        out.findings.append(
            Finding(
                "entities",
                "contradicted",
                f"the claim gives {_quote(f'{fig.mention.text} {mine[0]} {mine[2]}')}; the "
                f"original gives {_quote(f'{fig.mention.text} {theirs[0][0]} {theirs[0][2]}')}",
                counterpart=True,
            )
        )


def _stated_together(
    fig: _Figure,
    figures: Sequence[_Figure],
    homes: Sequence[int],
    by_sentence: Sequence[Sequence[_Figure]],
) -> bool:
    """Another figure of the claim, of another value, is given in a sentence that gives this
    one too ("£42 a year, up from £30" where the original's charge "will go up from £30 to
    £42"): the claim takes the pair from that sentence, whatever sentence its other words
    resemble ("up from £19,100 the year before")."""
    return any(
        other is not fig
        and not numbers_agree(other.mention, fig.mention, approximate=True)
        and any(
            numbers_agree(other.mention, d.mention, approximate=True) and _same_unit(other, d)
            for h in homes
            for d in by_sentence[h]
        )
        for other in figures
    )


_QUALIFIERS = (
    r"(?:(?:roughly|about|around|some|nearly|almost|just|over|under|more than|less than)\s+)*"
)
_FIGURE_TEXT = r"[$£€]?\d[\d,.]*(?:p\b|m\b|bn\b|k\b|\s*(?:million|billion|percent|per cent|%))?"


_LABELS = frozenset({
    "phase", "stage", "step", "level", "part", "section", "chapter", "article", "clause",
    "platform", "gate", "terminal", "route", "tier", "division", "category", "grade", "band",
})  # fmt: skip
"""Nouns a number names rather than counts ("Phase 2", "Platform 4")."""


def _label_number(fig: _Figure, ctext: str) -> bool:
    """A number that names its label word just before it ("Phase 2, a new building")."""
    m = fig.mention
    if m.kind != "number" or m.high is not None or not re.fullmatch(r"\d+[a-z]?", m.text):
        return False
    before = re.search(r"([A-Za-z]+)\s+$", ctext[: m.start])
    return before is not None and before.group(1).lower() in _LABELS


def _named_number(fig: _Figure, ctext: str, src_text: str) -> bool:
    """A number that names a thing with the capitalised word before it, as the original does
    ("Lock 7", "Platform 4"): a name, not a count."""
    m = fig.mention
    if m.kind != "number" or m.high is not None or not re.fullmatch(r"\d+[A-Za-z]?", m.text):
        return False
    before = re.search(r"\b([A-Z][a-z]+)\s+$", ctext[: m.start])
    if before is None or before.group(1).lower() in QUALIFIERS:
        return False
    named = rf"\b{re.escape(before.group(1))}\s+{re.escape(m.text)}(?![\w.,]\d)"
    return re.search(named, src_text, re.IGNORECASE) is not None


_BARE_M = re.compile(r"\d+(?:\.\d+)?m")
_METRES = frozenset({"metre", "metres", "meter", "meters"})


def _metres_agree(fig: _Figure, doc_figs: Sequence[_Figure]) -> bool:
    """ "150m" read as metres agrees with a length the original gives ("150 metres"): a bare
    "m" after a number is a million or a metre."""
    m = fig.mention
    if not _BARE_M.fullmatch(m.text):
        return False
    value = m.value / 1e6
    return any(
        d.units & _METRES and abs(d.mention.value - value) <= 1e-6 * max(value, 1.0)
        for d in doc_figs
    )


_NO_FROM = r"(?:(?!\bfrom\b)[^.;:])*?"
"""Text within one change: no clause break and no second "from" ("from 10 hours to 12 and
... from three a week to two" holds two changes)."""


def _range_end(fig: _Figure, ctext: str, ev: Sequence[Sentence]) -> str | None:
    """The other end the original gives to a change the claim states "from A to B" ("sliding
    from 96,000 visits in 2019 to roughly 46,000" where the evidence has "from 96,000 visits
    in 2019 to about 41,000"): the same start, another end."""
    m = fig.mention
    claimed = re.search(
        rf"\bfrom\b{_NO_FROM}({_FIGURE_TEXT}){_NO_FROM}\bto\s+{_QUALIFIERS}{re.escape(m.text)}",
        ctext,
        re.IGNORECASE,
    )
    if claimed is None:
        return None
    start = claimed.group(1).strip()
    for sent in ev:
        given = re.search(
            rf"\bfrom\b{_NO_FROM}{re.escape(start)}{_NO_FROM}\bto\s+{_QUALIFIERS}({_FIGURE_TEXT})",
            sent.text,
            re.IGNORECASE,
        )
        if given is None:
            continue
        theirs = find_numbers(given.group(1))
        if theirs and not numbers_agree(m, theirs[0], approximate=_is_approx(fig.qualifier)):
            return given.group(1)
        return None
    return None


def _headline(analysis: Analysis) -> tuple[list[NumberMention], frozenset[str]]:
    """The figures and the normalised words of the original's headline (once per article)."""
    title = analysis.article.meta.title or ""
    words = frozenset(norm_word(w) for w in re.findall(r"[A-Za-z]+", title))
    return find_numbers(title), words


def _from_headline(claim: SpacySpan, fig: _Figure, analysis: Analysis) -> bool:
    """A share or sum the original's headline gives, in a claim that says nothing else the
    headline does not ("That's a jump of about 37 percent" for "Tolls to Rise by 37 Percent")."""
    if fig.mention.kind not in {"percent", "money"}:
        return False
    figures, words = analysis.derived("headline_figures", _headline)
    if not any(
        h.kind == fig.mention.kind and numbers_agree(fig.mention, h, approximate=True)
        for h in figures
    ):
        return False
    return all(
        norm_word(t.lower_) in words
        or norm_word(t.lemma_) in words
        or any(synonyms(norm_word(t.lemma_), w) for w in words)
        for t in content_tokens(claim)
        if not t.like_num and t.lower_ not in {"percent", "per", "cent"}
    )


def _past_split_ranges(figures: list[_Figure], ev_figs: Sequence[_Figure]) -> list[_Figure]:
    """The claim's figures without the pairs that give a range of the evidence with its unit
    twice ("from 12 weeks to 20 weeks" for "from 12 to 20 weeks")."""
    ranges = {(e.mention.value, e.mention.high) for e in ev_figs if e.mention.high is not None}
    drop: set[int] = set()
    for k, (a, b) in enumerate(itertools.pairwise(figures)):
        if (a.mention.value, b.mention.value) in ranges and _same_unit(a, b):
            drop |= {k, k + 1}
    return [f for k, f in enumerate(figures) if k not in drop]


def _rest_sentence(
    claim: SpacySpan,
    fig: _Figure,
    homes: Sequence[int],
    ev: Sequence[Sentence],
    aligner: Aligner,
) -> tuple[Sentence, Callable[[int], int]] | None:
    """The evidence sentence that says most of the rest of the claim (its words other than the
    figure's) and the overlap count by sentence id; None when that sentence gives the figure
    itself (it is one of ``homes``) or there is nothing to compare."""
    words = _other_words(claim, fig.phrase)
    if not words or not ev:
        return None

    def overlap(i: int) -> int:
        return sum(1 for t in words if aligner.sentence_index[i].has(t))

    best = max(ev, key=lambda x: overlap(x.id))
    return None if best.id in homes else (best, overlap)


def _figure_root(span: SpacySpan, fig: _Figure) -> Token | None:
    """The root token of a figure of ``span`` (its mention's characters, expanded to tokens)."""
    base = span.start_char
    toks = span.doc.char_span(
        base + fig.mention.start, base + fig.mention.end, alignment_mode="expand"
    )
    return toks.root if toks is not None and len(toks) else None


def _figure_slot(span: SpacySpan, fig: _Figure) -> tuple[str, ...] | None:
    """Where a figure sits in ``span`` (see :func:`_slot`): the slot of the noun it counts, or
    of the figure itself ("profit rose 18 percent" -> ("dobj", "rise"))."""
    tok = _figure_root(span, fig)
    if tok is None:
        return None
    while tok.dep_ in {"nummod", "quantmod", "compound"} and tok.head != tok:
        tok = tok.head
    return _slot(tok)


def _check_figure_slot(
    claim: SpacySpan,
    fig: _Figure,
    homes: Sequence[int],
    ev: Sequence[Sentence],
    by_sentence: Sequence[Sequence[_Figure]],
    aligner: Aligner,
    out: CheckResult,
) -> None:
    """A figure the original states elsewhere, put where the sentence that says the rest of the
    claim has another figure of the same kind ("profit rose 5.3 percent" where the original says
    "profit rose 18 percent" and "revenue climbed 5.3 percent")."""
    found = _rest_sentence(claim, fig, homes, ev, aligner)
    if found is None:
        return
    best, overlap = found
    if overlap(best.id) <= max(overlap(i) for i in homes):
        return
    slot = _figure_slot(claim, fig)
    if slot is None:
        return
    rivals = [
        d
        for d in by_sentence[best.id]
        if _measure(d.mention) == _measure(fig.mention)
        and _same_unit(fig, d)
        and not numbers_agree(fig.mention, d.mention, approximate=True)
        and _figure_slot(best.span, d) == slot
    ]
    if rivals:
        out.findings.append(
            Finding(
                "numbers",
                "contradicted",
                f"the claim gives {_quote(fig.phrase)}; the original gives "
                f"{_join(_stated(d) for d in rivals[:2])} there (its {_quote(fig.mention.text)} "
                f"is about something else)",
            )
        )


def _check_swap(
    claim: SpacySpan,
    fig: _Figure,
    homes: Sequence[int],
    ev: Sequence[Sentence],
    by_sentence: Sequence[Sequence[_Figure]],
    aligner: Aligner,
    out: CheckResult,
) -> None:
    """A figure taken from another sentence: the evidence sentence that says most of the rest
    of the claim gives a different value of the same measure ("Oduya's house was flooded to a
    depth of 6.8 metres" where his sentence says 1.2 metres and 6.8 metres is the river's)."""
    found = _rest_sentence(claim, fig, homes, ev, aligner)
    if found is None:
        return
    best, overlap = found
    if overlap(best.id) == 0 or any(overlap(i) for i in homes):
        return  # the figure's own sentences say something of the claim too
    rivals = [
        d
        for d in by_sentence[best.id]
        if _units_meet(d.units, fig.units)
        and not numbers_agree(fig.mention, d.mention, approximate=True)
    ]
    if rivals:
        out.findings.append(
            Finding(
                "numbers",
                "contradicted",
                f"the claim gives {_quote(fig.phrase)}; the original gives "
                f"{_join(_stated(d) for d in rivals[:2])} (its {_quote(fig.mention.text)} is "
                f"about something else)",
            )
        )


_CEILING_CUE = re.compile(
    r"\b(?:as (?:long|high|far|late) as|maximum|max|cap|capped|limit|limited|ceiling|top out|"
    r"peak|or (?:less|fewer|under|below)|"
    + "|".join(re.escape(q) for q, c in QUALIFIERS.items() if c == "at_most")
    + r")\b",
    re.IGNORECASE,
)
"""Words by which a claim keeps a ceiling in its own way ("capped at 150 pounds", "two hours or
less"), and the ceiling qualifiers themselves ("up to", "as many as")."""
_ABOVE = frozenset({"at_least", "more_than"})
_BELOW = frozenset({"at_most", "less_than"})


def _ends_given(m: NumberMention, ev_figs: Sequence[_Figure]) -> bool:
    """Both ends of the claim's range are figures of the evidence, of the same kind ("£4
    million to £6 million", which the reader does not join into one range)."""
    if m.high is None:
        return False
    low = replace(m, high=None)
    high = replace(m, value=m.high, high=None)
    return any(numbers_agree(low, e.mention) for e in ev_figs) and any(
        numbers_agree(high, e.mention) for e in ev_figs
    )


def _bound_changed(fig: _Figure, match: _Figure, ctext: str) -> Finding | None:
    """A bound turned round ("at least £90,000" for "up to £90,000") or a ceiling told as the
    figure itself ("£90,000" for "up to £90,000"): the same number, another fact."""
    mine, theirs = qualifier_class(fig.qualifier), qualifier_class(match.qualifier)
    if (mine in _ABOVE and theirs in _BELOW) or (mine in _BELOW and theirs in _ABOVE):
        return Finding(
            "numbers",
            "contradicted",
            f"the claim gives {_quote(_stated(fig))}; the original gives {_quote(_stated(match))}",
            counterpart=True,
        )
    if fig.qualifier is None and theirs == "at_most" and not _CEILING_CUE.search(ctext):
        return Finding(
            "numbers",
            "unsupported",
            f"the claim gives {_quote(_stated(fig))} as the figure; the original gives only a "
            f"ceiling, {_quote(_stated(match))}",
            counterpart=True,
        )
    return None


def _counts_nothing_else(given: _Figure, ctext: str) -> bool:
    """The original's figure counts no thing, or one the claim also names."""
    words = ctext.lower()
    return not given.units or any(u.lower() in words for u in given.units)


def _check_figure(
    fig: _Figure,
    ev_figs: Sequence[_Figure],
    doc_figs: Sequence[_Figure],
    out: CheckResult,
    *,
    distributive: bool = False,
    sums: bool = True,
    ctext: str = "",
    ev_text: str = "",
) -> None:
    """One figure of the claim against the figures of the evidence and of the whole original
    (``distributive``: the evidence gives figures for each of several, whose totals derive;
    ``sums``: the claim says it adds or compares, so a sum or difference may derive;
    ``ev_text``: the evidence's text, for lengths of time it gives without a figure)."""
    m = fig.mention
    if m.high is not None and _ends_given(m, ev_figs):
        return  # "£4m–£6m" for "£4 million to £6 million"
    hours = _hours(fig)
    if hours is not None and any(abs(h - hours) <= 0.01 * hours for h in _unnumbered(ev_text)):
        return  # "two weeks" for the original's "the first fortnight"
    approx = _is_approx(fig.qualifier)
    match = next(
        (
            e
            for e in ev_figs
            if (
                numbers_agree(m, e.mention, approximate=approx or _is_approx(e.qualifier))
                and _same_unit(fig, e)
            )
            or _same_duration(fig, e)
        ),
        None,
    )
    if match is not None:
        bound = _bound_changed(fig, match, ctext)
        if bound is not None:
            out.findings.append(bound)
            return
        if fig.qualifier in {"exactly", "precisely"} and _is_approx(match.qualifier):
            out.findings.append(
                Finding(
                    "numbers",
                    "unsupported",
                    f"the claim gives {_quote(fig.qualifier + ' ' + m.text)} as exact; the "
                    f"original only gives {_quote(_stated(match))}",
                )
            )
        return
    loose = [
        d
        for d in doc_figs
        if (numbers_agree(m, d.mention, approximate=_loosely(fig, d)) and _same_unit(fig, d))
        or _same_duration(fig, d)
    ]
    if loose and (
        any(numbers_agree(m, d.mention) or _same_duration(fig, d) for d in loose)
        or not [e for e in ev_figs if _replaces(fig, e) and e.mention.kind == m.kind]
    ):
        return  # the figure is the original's, told elsewhere (or roughly, with nothing in
        # the evidence it can stand for: "about £47,500" beside "about £37,500" is a change)
    same_noun = [
        e
        for e in ev_figs
        if fig.units and e.units == fig.units and _measure(e.mention) == _measure(m)
    ]
    if same_noun and not distributive:
        # the evidence counts the same thing with another value ("five grandchildren" for
        # "three grandchildren"): a change, even when a sum of its figures gives the claim's
        out.findings.append(
            Finding(
                "numbers",
                "contradicted",
                f"the claim gives {_quote(fig.phrase)}; the original gives "
                f"{_join(_stated(e) for e in same_noun[:2])}",
            )
        )
        return
    # a range "between A and B" is told, not derived from one of its ends ("from A to B" may
    # be a change, whose ends the figures around it give)
    told_range = m.high is not None and " to " not in m.text.lower()
    if not told_range and _derived(
        m,
        [e.mention for e in ev_figs if _same_unit(fig, e)],
        [e.mention for e in ev_figs],
        sums=sums,
    ):
        out.notes.append(f"{m.text} is derived from figures the original gives")
        return
    related = [e for e in ev_figs if _replaces(fig, e)]
    if related:
        stated = _join(_stated(e) for e in related[:2])
        out.findings.append(
            Finding(
                "numbers",
                "contradicted",
                f"the claim gives {_quote(fig.phrase)}; the original gives {stated}",
            )
        )
        return
    elsewhere = [d for d in doc_figs if numbers_agree(m, d.mention, approximate=True)]
    if elsewhere:
        out.findings.append(
            Finding(
                "numbers",
                "unsupported",
                f"the claim gives {_quote(fig.phrase)}; the original gives the figure only in "
                f"{_join(d.phrase for d in elsewhere[:2])}",
                # "four branches" for "four facing closure", which counts nothing else: maybe
                # wording; "145 million of its sales" for "145 million shares", a figure moved
                wording=all(_counts_nothing_else(d, ctext) for d in elsewhere),
            )
        )
        return
    out.findings.append(
        Finding(
            "numbers",
            "unsupported",
            f"the original never gives the figure {_quote(m.text)}",
            new_content=_distinctive(fig),  # "worth around £90,000", "from 900 donors"
        )
    )


_PAIR_WORDS = frozenset({"both", "twice", "pair", "couple", "either", "neither"})
"""Words of the evidence that count two without a figure ("both sides" for "the two sides")."""


def _both(fig: _Figure, ev: Sequence[Sentence], ev_figs: Sequence[_Figure]) -> bool:
    """The claim's "two" is the evidence's "both" (or "twice", "a pair"): the evidence has
    such a word and no figure of it counts the same thing."""
    return (
        fig.mention.value == 2
        and fig.mention.text.lower() == "two"
        and any(t.lower_ in _PAIR_WORDS for s in ev for t in s.span)
        and not any(e.units and _same_unit(fig, e) for e in ev_figs)
    )


def _counts_a_list(fig: _Figure, ev: Sequence[Sentence], ev_figs: Sequence[_Figure]) -> bool:
    """The claim's small count ("two neighbourhoods") is the number of members of a list the
    evidence gives ("the Eastmere and Calloway Heights neighbourhoods"), and no figure of the
    evidence counts the same thing."""
    if not _small_count(fig, ev_figs):
        return False
    return any(len(m) == fig.mention.value for s in ev for m in list_members(s.span))


def _small_count(fig: _Figure, ev_figs: Sequence[_Figure]) -> bool:
    """A count of two to five that no figure of the evidence gives for the same thing: it may
    count the members of a list."""
    value = fig.mention.value
    if fig.mention.kind != "number" or value not in {2, 3, 4, 5} or fig.mention.high is not None:
        return False
    return not any(e.units and _same_unit(fig, e) for e in ev_figs)


def _counts_its_own_list(fig: _Figure, claim: SpacySpan, ev_figs: Sequence[_Figure]) -> bool:
    """The claim's small count is that of the list it gives after a colon ("Three main groups:
    two youth hockey clubs, a figure-skating school and the public"), and no figure of the
    evidence counts the same thing."""
    if not _small_count(fig, ev_figs):
        return False
    colon = next((t.i for t in claim if t.text == ":"), None)
    if colon is None or fig.mention.start > claim.doc[colon].idx - claim.start_char:
        return False
    return _members_listed(claim.doc[colon + 1 : claim.end].text) == fig.mention.value


def _members_listed(text: str) -> int | None:
    """How many members the list that opens ``text`` has ("a, b and c, in all 40": 3), read
    from its commas up to the piece joined by "and"/"or" (the small parser often hangs list
    members on one another as appositions); None when no piece is so joined."""
    for i, piece in enumerate(text.split(", ")):
        if re.search(r"\s(?:and|or)\s", f" {piece} "):
            return i + 2
    return None


_EACH = re.compile(r"\b(?:each|per|every|apiece|a (?:day|week|month|year))\b", re.IGNORECASE)
"""Figures given for each of several ("15 poles in each of 4 districts"): a total of the same
noun may be derived from them."""


def _loosely(fig: _Figure, other: _Figure) -> bool:
    """Whether a figure found elsewhere in the original may agree with the claim's only
    roughly: counts and sums with a qualifier such as "about", or when one is the other rounded
    (1,187,000 and "1.2 million"; not 4,010 and "4,100", transposed digits), shares and fractions
    only with a qualifier, since 5 points apart is another share ("a quarter" is not "a fifth",
    25% is not 20%)."""
    if fig.mention.kind in {"fraction", "percent"} or other.mention.kind in {"fraction", "percent"}:
        return _is_approx(fig.qualifier) or _is_approx(other.qualifier)
    if _is_approx(fig.qualifier) or _is_approx(other.qualifier):
        return True
    a, b = fig.mention.value, other.mention.value
    return _rounds_to(b, a) or _rounds_to(a, b)


def _rounds_to(exact: float, rounded: float) -> bool:
    """Whether ``rounded`` is ``exact`` rounded to the last non-zero digit of ``rounded``
    (1,187,000 to "1.2 million", 4,010 to "4,000"; not 4,010 to "4,100")."""
    if rounded <= 0 or exact <= 0:
        return False
    step = 10.0 ** math.floor(math.log10(rounded))
    while step >= 1e-6 and abs(rounded / step - round(rounded / step)) > 1e-6:
        step /= 10
    return abs(round(exact / step) * step - rounded) <= 1e-6 * rounded


def _sentence_figures(analysis: Analysis) -> list[list[_Figure]]:
    """The figures of each sentence of the original, by sentence id (built once per article)."""
    return analysis.derived("sentence_figures", lambda an: [_figures(s.span) for s in an.sentences])


def _distinctive(fig: _Figure) -> bool:
    """A figure specific enough to tie a claim to one event: money, a percentage, or 100 and
    more; not an age (it describes a person) or a small count, which recur in many contexts."""
    if "age" in fig.units:
        return False
    return fig.mention.kind in {"money", "percent"} or fig.mention.value >= 100


_SPLIT_THOUSANDS_RE = re.compile(r"(?<![\d,.])\d{1,3}(?:, \d{3})+(?!\d|[,.]\d)")


_SPLIT_PERCENT_RE = re.compile(r"(?<=\d) %")
_AFTER_MONTH_RE = re.compile(rf"\b{_MONTHS}\s+$")
"""A month just before a figure: the figure is its day."""


def _join_tokenized(text: str) -> str:
    """Tokenized text's "50, 000" and "31 %" read as "50,000" and "31%", padded to the same
    length so that offsets stay valid.

    >>> _join_tokenized("raised £50, 000 in 2, 3 or 1, 000, 000 days; reached £50, 000.")
    'raised £50,000  in 2, 3 or 1,000,000   days; reached £50,000 .'
    >>> _join_tokenized("31 % of men")
    '31%  of men'
    >>> _join_tokenized("on June 21, 185 members")
    'on June 21, 185 members'
    """
    if " %" in text:
        text = _SPLIT_PERCENT_RE.sub("% ", text)
    if ", " not in text:
        return text

    def join(m: re.Match[str]) -> str:
        if _AFTER_MONTH_RE.search(text, 0, m.start()):
            return m[0]  # "June 21, 185 members": a date, then a count
        return m[0].replace(", ", ",").ljust(len(m[0]))

    return _SPLIT_THOUSANDS_RE.sub(join, text)


def _check_clock_times(
    clocks: Sequence[ClockTime], ev: Sequence[Sentence], analysis: Analysis, out: CheckResult
) -> None:
    """A clock time of the claim, in figures or in words, must be one the original gives (on
    the 12-hour dial: originals often omit am or pm; "half past eight" is "8.30pm")."""
    if not clocks:
        return
    in_doc = analysis.derived(
        "clock_keys", lambda an: frozenset(c.key for c in clock_times(an.article.text))
    )
    for c in clocks:
        if c.key in in_doc:
            continue
        given = [x.text for s in ev for x in clock_times(s.text)]
        if given:
            out.findings.append(
                Finding(
                    "numbers",
                    "contradicted",
                    f"the claim gives the time {_quote(c.text)}; "
                    f"the original gives {_join(given[:2])}",
                )
            )
        else:
            out.findings.append(
                Finding(
                    "numbers",
                    "unsupported",
                    f"the original never gives the time {_quote(c.text)}",
                )
            )


def _measure(m: NumberMention) -> str:
    """What a figure measures, for finding the figure of the original it replaces: a share, a
    sum of money or a count."""
    if m.kind in {"percent", "fraction"}:
        return "share"
    return "money" if m.kind == "money" else "count"


def _derived(
    m: NumberMention,
    same: Sequence[NumberMention],
    stated: Sequence[NumberMention],
    *,
    sums: bool = True,
) -> bool:
    """``m`` is the sum or difference of two figures of its unit (``same``; only when the claim
    says it adds or compares, ``sums``), or the product of one of them and any figure stated
    ("15 poles in each of 4 districts" gives 60 poles); never a share ("40%" is no "20-year-old"
    times "two sports halls")."""
    if m.kind not in {"number", "money"}:
        return False
    for i, a in enumerate(same):
        for b in stated:
            if a is b or a.kind not in {"number", "money"} or b.kind not in {"number", "money"}:
                continue
            derived = [a.value * b.value]
            if sums and b in same[i + 1 :]:
                derived += [a.value + b.value, abs(a.value - b.value)]
            if any(v and abs(v - m.value) <= 0.005 * abs(v) for v in derived):
                return True
    return False


_REST = re.compile(r"\b(?:rest|remaining|remainder|balance)\b", re.IGNORECASE)
_BELOW_WHOLE = re.compile(
    r"\s+(?:below|under|less than|cheaper than|lower than|off)\b", re.IGNORECASE
)
"""After a percentage: how far below a whole it is ("35 per cent below market levels" is 65
per cent of them)."""
_PER_HEAD = re.compile(
    r"\b(?:a|per) (?:head|person|capita|household|home|family|resident|pupil|student|"
    r"child|worker|employee|user|member)\b",
    re.IGNORECASE,
)
_CHANGE = re.compile(
    r"\b(?:more|larger|bigger|higher|greater|up|increases?|increased|rises?|rose|grown|grew|"
    r"jumps?|jumped|climbs?|climbed|less|fewer|smaller|lower|down|drops?|dropped|falls?|fell|"
    r"cut|decreases?|decreased)\b",
    re.IGNORECASE,
)
_SUM_CUE = re.compile(
    r"\b(?:combined|together|total|totals|totalling|totaling|sum|plus|and|both|gap|difference|"
    r"than|between|net|overall|including|includes|still|left|remain|remaining|rest|since|"
    r"yet|outstanding|short|shortfall|gone|lost|saving|saved)\b",
    re.IGNORECASE,
)
"""Words with which a claim adds or compares figures: a sum or difference of two figures of
the original may be its figure ("7 million plus 1.8 million"); without them a sum that happens
to match ("8.8 million" where the original gives 7 and 1.8 million for two other things) is
no derivation."""
_IN_ALL = re.compile(r"\b(?:in all|in total|altogether|all told|a total of)\b", re.IGNORECASE)
_COUNTED_LIST = re.compile(r"^[\w\s-]{0,30}?:\s*(?P<list>[^.?!]+)")


def _near(value: float, target: float, approx: bool) -> bool:
    """``value`` is ``target`` (within rounding; within 5% with a qualifier such as "about")."""
    return bool(target) and abs(value - target) <= (0.05 if approx else 0.006) * abs(target)


_THAN_FIGURE = re.compile(
    r"\s*(?:less|more|lower|higher|fewer|below|above|up|down|cheaper|smaller|bigger|larger)\s+"
    r"than\s+(?:the\s+|a\s+|an\s+)?(?P<figure>[$£€]?\d[\d,.]*(?:m|bn|k)?(?:\s+(?:million|billion))?)",
    re.IGNORECASE,
)
"""The figure a relative change is of ("roughly 30% less than the £585,000 ...")."""


_SHARE_OF = re.compile(
    r"\s+of\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+\s*,\s*(?:or\s+|some\s+|about\s+)?"
    r"(?P<part>[$£€]?\d[\d,.]*(?:m|bn|k)?(?:\s+(?:million|billion))?)",
    re.IGNORECASE,
)
"""A share "of" a whole followed by the part it is, set off by a comma ("just over a third of
that sum, £1.2m")."""


def _share_part(
    m: NumberMention, ctext: str, whole: Sequence[NumberMention]
) -> list[NumberMention]:
    """The original's figures that the part after a share "of" a whole states (see
    :data:`_SHARE_OF`), or none when the claim gives the share no part that way."""
    found = _SHARE_OF.match(ctext, m.end)
    said = find_numbers(found["part"]) if found else []
    return [a for a in whole if said and numbers_agree(a, said[0])]


def _share_of_two(
    m: NumberMention,
    qualifier: str | None,
    parts: Sequence[NumberMention],
    amounts: Sequence[NumberMention],
) -> bool:
    """A share "of" something ("just over a third of that sum, £1.2m") that a figure the claim
    states (one of ``parts``) is of another figure of the same kind the original gives (£1.2m
    of £3.4m: 35%), as its qualifier allows: within 5% of the share said plainly ("a third" is
    itself round), 10% with "about", up to 15% above it with "just over" or "more than", below
    it with "nearly" or "under". The whole may stand in another sentence of the original."""
    share = m.value if m.kind == "fraction" else m.value / 100
    if not 0 < share < 1:
        return False
    kind = qualifier_class(qualifier)
    for a in parts:
        for b in amounts:
            if a is b or a.kind != b.kind or not 0 < a.value < b.value:
                continue
            ratio = a.value / b.value
            if kind == "more_than":
                ok = share <= ratio <= share * 1.15
            elif kind == "less_than":
                ok = share * 0.85 <= ratio <= share
            else:
                ok = abs(ratio - share) <= (0.10 if kind == "approximate" else 0.05) * share
            if ok:
                return True
    return False


_ONE_FOR_EVERY = re.compile(
    r"\b(?:(?:one|1)\s+(?:(?:[\w-]+\s+){0,2}(?:in|out\s+of)|to)\s+(?:every\s+)?"
    r"|(?:one|a|an|1)\s+(?:[\w-]+\s+){0,2}(?:for|per|in)\s+every\s+)$",
    re.IGNORECASE,
)
"""A ratio written as "one space for every four flats", "one in five", "one out of every 20"."""


def _ratio_of_two(m: NumberMention, ctext: str, figs: Sequence[_Figure]) -> bool:
    """``m`` of "one X for every <m> Y" is the ratio of two counts the original gives, one of
    which the claim states too (60 spaces for 240 flats: one for every four)."""
    if m.kind != "number" or m.high is not None or m.value < 2:
        return False
    counts = [f.mention for f in figs if f.mention.kind == "number" and f.mention.value > 0]
    stated = [n for n in find_numbers(ctext) if n.kind == "number" and n is not m]
    for a in counts:
        for b in counts:
            if a is b or b.value <= a.value or not _near(m.value, b.value / a.value, False):
                continue
            if any(numbers_agree(x, n) for x in (a, b) for n in stated):
                return True
    return False


def _share_mismatch(fig: _Figure, ctext: str, doc_figs: Sequence[_Figure]) -> str | None:
    """A share "of" a whole that the figure the claim gives with it is not: "about a quarter of
    the money, £2.2m" where the original's only larger sum is £3.4m (65%). Only when the claim
    states the part, the original gives it, and the original has exactly one larger figure of
    its kind to be the whole; a share of something else stays unread."""
    m = fig.mention
    if m.kind not in {"percent", "fraction"}:
        return None
    share = m.value if m.kind == "fraction" else m.value / 100
    whole = [d.mention for d in doc_figs if d.mention.kind in {"number", "money"}]
    for part in _share_part(m, ctext, whole):
        larger = {b.value: b for b in whole if b.kind == part.kind and b.value > part.value}
        if part.value <= 0 or len(larger) != 1 or not 0 < share < 1:
            continue
        total = next(iter(larger.values()))
        if _share_of_two(m, fig.qualifier, [part], [part, total]):
            return None
        pct = round(100 * part.value / total.value)
        return (
            f"the claim gives {_quote(fig.phrase)} of the whole for {_quote(part.text)}; in the "
            f"original that is {pct}% of {_quote(total.text)}"
        )
    return None


def _derivation(
    fig: _Figure,
    ctext: str,
    ev: Sequence[Sentence],
    ev_figs: Sequence[_Figure],
    doc_figs: Sequence[_Figure] = (),
) -> str | None:
    """How a figure the evidence does not state follows from the figures it does, or None: the
    rest of a share ("Forty percent" where the foundation pays 60 percent and the trust "the
    rest"), an amount per head ("400 euros a head": 4.8 million euros for 12,000 people), a
    relative change, up or down ("a third more than" 45,000: 60,000), a total ("250 staff in
    all": 212 drivers and 38 engineers), or the length of the list the claim itself gives after
    it ("Three charges: a penalty, interest and ...")."""
    m = fig.mention
    approx = _is_approx(fig.qualifier)
    after = ctext[m.end :]
    if m.kind == "number" and 2 <= m.value <= 9 and m.high is None:
        listed = _COUNTED_LIST.match(after)
        if (
            listed
            and len(re.split(r",\s*(?:and\s+|or\s+)?|;\s*|\s+(?:and|or)\s+", listed["list"]))
            == m.value
        ):
            return "the length of the list the claim gives"
    evtext = " ".join(s.text for s in ev)
    shares = [e.mention for e in ev_figs if e.mention.kind in {"percent", "fraction"}]
    amounts = [e.mention for e in ev_figs if e.mention.kind in {"number", "money"}]
    value = m.value * 100 if m.kind == "fraction" else m.value
    if m.kind in {"percent", "fraction"}:
        if _REST.search(evtext) and any(
            _near(value, 100 - (e.value * 100 if e.kind == "fraction" else e.value), approx)
            for e in shares
        ):
            return "the rest of a share the original gives"
        if _BELOW_WHOLE.match(after) and any(
            e.kind == "percent"
            and _near(value, 100 - e.value, approx)
            and re.search(rf"{re.escape(e.text)}\s+of\b", evtext) is not None
            for e in shares
        ):
            return "the share below the whole that the original's share of it leaves"
        whole = [d.mention for d in doc_figs if d.mention.kind in {"number", "money"}] or amounts
        parts = _share_part(m, ctext, whole)
        if parts and _share_of_two(m, fig.qualifier, parts, whole):
            return "the share one figure the original gives is of another"
        than = _THAN_FIGURE.match(after)
        base = find_numbers(than["figure"]) if than else []
        if _CHANGE.search(after[:40]) and any(
            a is not b
            and a.kind == b.kind
            and _near(value, 100 * abs(a.value - b.value) / b.value, True)
            and (not base or numbers_agree(base[0], b))  # "30% less than £585,000": of it
            for a in amounts
            for b in amounts
            if b.value
        ):
            return "the change between two figures the original gives"
        return None
    if _rest_of_whole(m, approx, ctext, amounts, doc_figs):
        return "the rest of a whole the original gives, once its part is taken"
    if _ONE_FOR_EVERY.search(ctext[: m.start]) and _ratio_of_two(m, ctext, doc_figs or ev_figs):
        return "the ratio of two figures the original gives"
    if _PER_HEAD.search(after[:30]) and any(
        a is not b
        and a.kind == m.kind
        and b.kind == "number"
        and _near(m.value, a.value / b.value, approx)
        for a in amounts
        for b in amounts
        if b.value
    ):
        return "a figure per head derived from the original's"
    if _shown_difference(m, ctext, amounts):
        return "the difference of two figures the claim and the original give"
    if _part_of_a_whole(m, approx, ctext, ev_figs, doc_figs):
        return "the part a share the original gives is of a whole it gives"
    if _IN_ALL.search(ctext) and m.kind == "number":
        counts = [a.value for a in amounts if a.kind == "number"]
        sums = {a + b for a, b in itertools.combinations(counts, 2)}
        sums |= {a + b + c for a, b, c in itertools.combinations(counts, 3)}
        if any(_near(m.value, v, approx) for v in sums):
            return "the total of figures the original gives"
    return None


def _below_for_of(fig: _Figure, ctext: str, ev_figs: Sequence[_Figure], evtext: str) -> str | None:
    """A share the original gives of a whole, told as that far below it ("65 per cent below
    market levels" where rents are "65 per cent of local market levels", 35 per cent below)."""
    m = fig.mention
    if m.kind != "percent" or not _BELOW_WHOLE.match(ctext[m.end :]):
        return None
    for e in (f.mention for f in ev_figs):
        if e.kind != "percent" or abs(e.value - m.value) > 1e-9 or not 0 < e.value < 100:
            continue
        if re.search(rf"{re.escape(e.text)}\s+of\b", evtext):
            return (
                f"the claim gives {_quote(fig.phrase)} below the whole; the original gives "
                f"{_quote(e.text)} of it ({100 - e.value:g} per cent below)"
            )
    return None


_OTHER_PART = re.compile(r"\b(?:other|rest|remaining|remainder|balance)\W+(?:\w+\W+)?$")


def _rest_of_whole(
    m: NumberMention,
    approx: bool,
    ctext: str,
    amounts: Sequence[NumberMention],
    doc_figs: Sequence[_Figure],
) -> bool:
    """The figure is what a whole the original gives leaves once a part its evidence gives is
    taken, and the claim names it as the rest of that part, which it states too ("£1.2m
    pledged, with the other £2.2m to come as a loan" where the evidence has £1.2m pledged, and
    the original gives the £3.4m whole in another paragraph).
    The original's own "the remainder" is not enough ("the largest share, 1.3 million" is no
    rest), and "a further" sum is added, not left; a count is not read so."""
    if m.kind != "money":
        return False  # a count ("the other five councillors") matches a difference by chance
    if not _OTHER_PART.search(ctext[max(0, m.start - 25) : m.start]):
        return False
    wholes = [d.mention for d in doc_figs if d.mention.kind == m.kind]
    told = [p for p in find_numbers(ctext) if p.kind == m.kind and p.start != m.start]
    return any(
        _near(m.value, w.value - p.value, approx)
        for p in amounts
        if p.kind == m.kind and any(numbers_agree(p, t) for t in told)
        for w in wholes
        if w.value > p.value and w is not p
    )


def _part_of_a_whole(
    m: NumberMention,
    approx: bool,
    ctext: str,
    ev_figs: Sequence[_Figure],
    doc_figs: Sequence[_Figure] = (),
) -> bool:
    """The figure is a share the evidence gives of a whole of its kind the evidence gives, and
    the claim states that share or that whole beside it ("60 homes, 18 of them affordable" for
    "60 homes, 30 per cent of them affordable"; "two fifths of that sum, roughly £3,600" for
    "around £9,000 a year, 40 per cent of which"). A share or whole the original gives only
    roughly makes a rough part: "about a third of the 900 homes" is not "exactly 300". A figure
    stated exactly may take its whole from another sentence of the original ("a fee of 1.5 per
    cent of the sale price, equivalent to £35,250" where the price, £2,350,000, is given
    earlier)."""
    if m.kind not in {"number", "money"} or m.high is not None:
        return False
    stated = [n for n in find_numbers(ctext) if n.start != m.start]
    wholes = [*ev_figs, *(() if approx else doc_figs)]
    for s in ev_figs:
        share = s.mention.value if s.mention.kind == "fraction" else s.mention.value / 100
        if s.mention.kind not in {"percent", "fraction"} or not 0 < share < 1:
            continue
        for w in wholes:
            whole = w.mention
            if whole.kind != m.kind or whole.high is not None:
                continue
            if not approx and (_is_approx(s.qualifier) or _is_approx(w.qualifier)):
                continue
            if not _near(m.value, share * whole.value, approx):
                continue
            if any(numbers_agree(n, s.mention) or numbers_agree(n, whole) for n in stated):
                return True
    return False


_A_CHANGE = re.compile(
    r"(?<![\w-])(?:more|fewer|extra|additional|lose|loses|losing|lost|cut|cuts|shed|sheds|"
    r"leaving|taking|adding|added|up|down|gap|difference|spread)(?![\w-])",
    re.IGNORECASE,
)
"""Words by which a claim gives a figure as the change between two others ("six more",
"leaving 310", "a spread of £40,000" between two ends); "94 out of 100, six points clear" is no
such change."""


def _shown_difference(m: NumberMention, ctext: str, amounts: Sequence[NumberMention]) -> bool:
    """The figure is the difference of two others that the claim gives beside it and the
    evidence gives too ("six more trams, taking the fleet from 32 to 38"; "will lose 110 of
    its 420 seats, leaving 310"): the claim shows its arithmetic."""
    if m.kind not in {"number", "money"} or m.high is not None or not _A_CHANGE.search(ctext):
        return False
    given = {v for a in amounts if a.kind == m.kind for v in (a.value, a.high) if v is not None}
    beside = {
        v
        for n in find_numbers(ctext)
        if n.kind == m.kind and n.start != m.start
        for v in (n.value, n.high)  # "from 32 to 38" is read as one range
        if v in given
    }
    return any(abs(a - b) == m.value for a, b in itertools.combinations(beside, 2))


_ORDINAL_RE = re.compile(r"(?<![\w.])(\d+)\s*(?:st|nd|rd|th)\b", re.IGNORECASE)
_MONTH_AFTER_RE = re.compile(
    r"\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.IGNORECASE
)
_MONTH_BEFORE_RE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE
)


def _ranks(text: str) -> list[re.Match[str]]:
    """Ordinals in figures that are ranks or positions, not days of a month ("March 3rd")."""
    return [
        m
        for m in _ORDINAL_RE.finditer(text)
        if not _MONTH_BEFORE_RE.search(text[: m.start()])
        and not _MONTH_AFTER_RE.match(text, m.end())
    ]


def _check_ordinals(ctext: str, src_text: str, out: CheckResult, ev: Sequence[Sentence]) -> None:
    """A rank or position in figures ("ranked 156th") that the original never gives (it says
    "165th"); days of a month are the date check's. When the evidence sentence gives another
    rank in figures, the change is a checked one (a counterpart finding)."""
    given = {m[1]: m[0] for m in _ORDINAL_RE.finditer(src_text)}
    in_evidence = [m[0] for s in ev for m in _ranks(s.text)]
    for m in _ranks(ctext):
        if re.search(rf"(?<![\d.,]){m[1]}(?!\d)", src_text):
            continue
        where = f"gives {_join(list(given.values())[:2])}" if given else "never gives it"
        if in_evidence:
            where = f"gives {_join(in_evidence[:2])} there"
        out.findings.append(
            Finding(
                "numbers",
                "unsupported",
                f"the claim gives {_quote(m[0])}; the original {where}",
                counterpart=bool(in_evidence),
            )
        )


_ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}  # fmt: skip


def _rank(tok: Token) -> tuple[int, str] | None:
    """An ordinal and the superlative it ranks ("third largest": (3, "largest")), or None. (A
    ranked noun is left alone: "in the fifth season" may take its noun from "the first season,
    rising by the fifth".)"""
    low = tok.lower_
    n = _ORDINAL_WORDS.get(low)
    if n is None and (m := _ORDINAL_RE.fullmatch(low)) is not None:
        n = int(m.group(1))
    if n is None or not _superlative_next(tok):
        return None
    return n, tok.doc[tok.i + 1].lower_


def _superlative_next(tok: Token) -> bool:
    return tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ in {"JJS", "RBS"}


def check_ranked_superlatives(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """A rank changed ("the second largest" where the original says "the third largest"): the
    claim's ordinal before a superlative that the original never gives with that superlative,
    where it gives another."""
    if not ev:
        return
    doc = ev[0].span.doc
    # all of the original: "the third largest" may stand two sentences away from the figures
    # the claim puts beside it
    ranked = [(t, r) for t in doc if (r := _rank(t)) is not None]
    for tok in claim:
        mine = _rank(tok)
        if mine is None or any(r == mine for _, r in ranked):
            continue
        other = next((t for t, r in ranked if r[1] == mine[1] and r[0] != mine[0]), None)
        if other is not None:
            out.findings.append(
                Finding(
                    "numbers",
                    "contradicted",
                    f"the claim says {_quote(tok.text + ' ' + mine[1])}; the original says "
                    f"{_quote(other.text + ' ' + doc[other.i + 1].text)}",
                )
            )
            return
