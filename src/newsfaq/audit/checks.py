"""Rule checks of one claim against its evidence sentences: each finding has a readable reason.

Checks: numbers (normalised, approximate vs exact, simple derived figures), names (people,
organisations, places) and who did what to whom, dates, negation, modality and certainty,
attribution, temporal sanity against the article date, and content words absent from the
original.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from newsfaq.audit.align import Aligner, WordIndex, content_tokens, norm_word
from newsfaq.audit.align import is_content as is_content_token
from newsfaq.text.facts import extract_facts
from newsfaq.text.nlp import Analysis, Sentence
from newsfaq.text.numbers import (
    QUALIFIERS,
    NumberMention,
    find_numbers,
    numbers_agree,
    qualifier_class,
)

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = [
    "CheckResult",
    "Finding",
    "check_claim",
    "date_parts",
    "hedge_of",
    "reference_date",
]

Severity = Literal["unsupported", "contradicted"]

NAMED = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)
_NUMERIC_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})
HEDGE_MODALS = frozenset({"could", "may", "might", "can", "would", "should", "ca"})
CERTAIN_MODALS = frozenset({"will", "shall", "must", "'ll", "wo"})
HEDGE_WORDS = frozenset(
    [
        "estimate",
        "estimated",
        "reportedly",
        "allegedly",
        "likely",
        "possibly",
        "possible",
        "potentially",
        "potential",
        "suspect",
        "suspected",
        "believe",
        "believed",
        "unconfirmed",
        "expect",
        "expected",
        "appear",
        "appears",
        "seem",
        "seems",
        "suggest",
        "suggests",
        "probably",
        "perhaps",
        "approximately",
        "claim",
        "claimed",
    ]
)
CERTAIN_WORDS = frozenset(
    [
        "confirm",
        "confirmed",
        "definitely",
        "certainly",
        "certain",
        "prove",
        "proved",
        "proven",
        "undoubtedly",
        "clearly",
        "officially",
        "verified",
    ]
)
SAY_VERBS = frozenset(
    [
        "say",
        "tell",
        "estimate",
        "report",
        "claim",
        "announce",
        "state",
        "warn",
        "add",
        "believe",
        "argue",
        "insist",
        "confirm",
        "deny",
        "allege",
        "accuse",
        "write",
        "explain",
        "note",
        "predict",
        "suggest",
        "stress",
        "emphasize",
        "acknowledge",
        "admit",
        "reveal",
        "according",
    ]
)
FUTURE_WORDS = frozenset(
    {"upcoming", "forthcoming", "next", "coming", "scheduled", "planned", "future", "will", "'ll"}
)
_CLOCK_RE = re.compile(
    r"(?<![\w.:])(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\b\.?)?|\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b\.?)",
    re.IGNORECASE,
)
"""A clock time ("12:15", "9.30 pm", "10am"), which the number check must not read as figures."""
_SCORE_RE = re.compile(r"(?<![\w.-])\d{1,3}-\d{1,3}(?![\w.-])")
_NEG_WORDS = frozenset({"not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor"})
_AGENT, _RECIPIENT = "agent", "recipient"
_RECIPIENT_PREPS = frozenset({"for", "to", "against", "on", "at", "toward", "towards"})
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DATE_RE = re.compile(
    r"\b(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|(?P<month>january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
    r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?)?(?:\s+(?P<myear>(?:19|20)\d\d))?"
    r"|(?P<year>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)
_AMBIGUOUS_MONTHS = frozenset(
    {
        "may",
        "march",
        "mar",
        "jan",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "feb",
        "apr",
        "sept",
    }
)


@dataclass(frozen=True)
class Finding:
    """One problem found with a claim."""

    check: str
    severity: Severity
    reason: str


@dataclass
class CheckResult:
    """Findings and the lexical support score of one claim."""

    findings: list[Finding] = field(default_factory=list)
    coverage: float = 0.0
    doc_coverage: float = 0.0
    relations: float = 1.0
    trigrams: float = 1.0
    notes: list[str] = field(default_factory=list)


# --- dates -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DatePart:
    """A date mention: any of year, month, day, weekday."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None

    def last_day(self) -> dt.date | None:
        """The last calendar day the mention can denote (None without a year)."""
        if self.year is None:
            return None
        month = self.month or 12
        if self.day:
            try:
                return dt.date(self.year, month, self.day)
            except ValueError:
                return None
        nxt = dt.date(self.year + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)


def date_parts(text: str) -> list[DatePart]:
    """Years, months (with day and year) and weekdays mentioned in ``text``.

    >>> [(d.year, d.month) for d in date_parts("in March 2023 and 2024")]
    [(2023, 3), (2024, None)]
    """
    out: list[DatePart] = []
    for m in _DATE_RE.finditer(text):
        if m["wd"]:
            out.append(
                DatePart(m.start(), m.end(), m.group(0), weekday=_WEEKDAYS.index(m["wd"].lower()))
            )
        elif m["month"]:
            word = m["month"]
            bare = word.lower() in _AMBIGUOUS_MONTHS and not (m["day"] or m["myear"])
            if bare and (not word[0].isupper() or word.lower() in {"may", "mar"}):
                prev = text[max(0, m.start() - 6) : m.start()].lower()
                if not re.search(r"\b(in|since|of|by|until|early|late|mid)\s*$", prev):
                    continue
            out.append(
                DatePart(
                    m.start(),
                    m.end(),
                    m.group(0),
                    year=int(m["myear"]) if m["myear"] else None,
                    month=_MONTHS[word.lower()],
                    day=int(m["day"]) if m["day"] else None,
                )
            )
        else:
            out.append(DatePart(m.start(), m.end(), m.group(0), year=int(m["year"])))
    return out


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def reference_date(aligner: Aligner) -> tuple[dt.date | None, str]:
    """The latest date the original treats as present or past: its publication date, or else
    the latest date of a past-tense sentence; with a description for reasons."""
    published = _parse_iso(aligner.analysis.article.meta.date)
    best: tuple[dt.date | None, str] = (
        (published, f"the original is dated {published.isoformat()}") if published else (None, "")
    )
    for sent in aligner.sentences:
        root = sent.span.root
        past = root.tag_ in {"VBD", "VBN"} or any(
            c.dep_ == "aux" and c.lower_ in {"has", "have", "had"} for c in root.children
        )
        if not past:
            continue
        for part in date_parts(sent.text):
            if part.month is None or part.year is None:
                continue
            day = part.last_day()
            if day is not None and (best[0] is None or day > best[0]):
                best = (day, f"the original reports {part.text} as past")
    return best


# --- helpers -------------------------------------------------------------------------------------


def _tokens_of(sentences: Sequence[Sentence]) -> list[Token]:
    return [t for s in sentences for t in s.span]


def _quote(text: str) -> str:
    return f"“{' '.join(text.split())}”"


def _join(words: Iterable[str]) -> str:
    items = list(dict.fromkeys(words))
    quoted = [_quote(w) for w in items]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _ent_words(text: str) -> list[str]:
    words = [norm_word(w) for w in re.findall(r"[\w'’.-]+", text)]
    words = [w.removesuffix("'s").strip(".'") for w in words]
    return [w for w in words if w and w not in {"the", "of", "and", "'s", "a", "an", "for"}]


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


_UNIT_ABBREVIATIONS = {
    "km": "kilometre",
    "kg": "kilogram",
    "cm": "centimetre",
    "mm": "millimetre",
    "mi": "mile",
    "lb": "pound",
    "lbs": "pound",
    "ft": "foot",
    "hr": "hour",
    "hrs": "hour",
    "yr": "year",
    "yrs": "year",
}


def _unit_of(tok: Token) -> str:
    """A unit word's lemma, abbreviations spelled out ("km" -> "kilometre")."""
    lemma = tok.lemma_.lower()
    return _UNIT_ABBREVIATIONS.get(lemma, lemma)


def _unit_words(figure: SpacySpan, text: SpacySpan) -> frozenset[str]:
    """The nouns among the three words after the figure in ``text``: what it may count where
    the parse says nothing about it (see :func:`_parsed_unit`)."""
    after = [t for t in text.doc[figure.end : min(figure.end + 6, text.end)] if t.is_alpha][:3]
    return frozenset(_unit_of(t) for t in after if t.pos_ in _NOUNS)


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

_NOUNS = frozenset({"NOUN", "PROPN"})
_AGE_RE = re.compile(r"\s*-?\s*years?\s*-?\s*old\b", re.IGNORECASE)
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
        old = next((t for t in doc[figure.end : span.end] if t.lower_ == "old"), None)
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
        and (noun.text == ")" or (noun.pos_ in _NOUNS and noun.ent_type_ not in {"DATE", "TIME"}))
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
        if tok.dep_ in _UNIT_DEPS and head.pos_ in _NOUNS and span.start <= head.i < span.end:
            chain = _noun_chain(head, span)
            if chain:
                near = [
                    t
                    for k, t in enumerate(chain)
                    if abs(t.i - figure.start) <= 4 and (k == 0 or t.pos_ == "NOUN")
                ]
                return frozenset(_unit_of(t) for t in chain), near
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


def _figure(text: str, m: NumberMention, span: SpacySpan) -> _Figure:
    """The figure ``m`` of ``text`` (the text of ``span``, figures joined) with its unit: an
    age, else from the parse, else the nouns after it; money and shares carry their own."""
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


def _figures(span: SpacySpan) -> list[_Figure]:
    """The figures of a text with their units. Years, the days of dates and clock times are
    left out: they are the date and clock checks'."""
    text = _join_tokenized(span.text)
    base = span.start_char
    skip = [
        (e.start_char - base, e.end_char - base)
        for e in span.ents
        if e.label_ in {"DATE", "TIME"} and date_parts(e.text)
    ]
    skip += [c.span() for c in _CLOCK_RE.finditer(text)]
    return [
        _figure(text, m, span)
        for m in find_numbers(text)
        if not re.fullmatch(r"(19|20)\d\d", m.text) and not any(a <= m.start < b for a, b in skip)
    ]


def _unit_family(units: frozenset[str]) -> set[str]:
    return {_UNIT_FAMILIES[u] for u in units if u in _UNIT_FAMILIES}


def _same_unit(a: _Figure, b: _Figure) -> bool:
    """Two figures can be the same quantity: one has no unit, or they share one.

    "about 9 kilometres" is not "Route 9 will close"; "ten months" is not "six weeks".
    """
    return not a.units or not b.units or _units_meet(a.units, b.units)


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
    for x in a:
        for y in b:
            short, long_ = sorted((x, y), key=len)
            if len(short) >= 4 and long_.startswith(short) and len(long_) - len(short) <= 3:
                return True
    return False


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


def _verb_phrase(tok: Token) -> str:
    """The verb with its auxiliaries and negation, in text order ("could not face")."""
    parts = [c for c in tok.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < tok.i]
    parts.append(tok)
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


_CONTROL_VERBS = frozenset(
    {"let", "allow", "permit", "make", "want", "try", "plan", "intend", "expect", "need", "agree"}
    | {"have"}
)
"""Verbs whose negation carries to the verb they govern ("will not let families go", "will not
have to revisit")."""


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in {"never"} for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ in {"acomp", "attr"} and head != tok:
        return any(c.dep_ == "neg" for c in head.children)
    if tok.dep_ in {"xcomp", "ccomp"} and head != tok and head.lemma_ in _CONTROL_VERBS:
        return _negated(head)
    return False


def hedge_of(tok: Token) -> str:
    """'hedged' (could/may/might), 'certain' (will/must) or 'plain' for a verb or predicate."""
    cur = tok
    for _ in range(3):
        aux = {c.lower_ for c in cur.children if c.dep_ in {"aux", "auxpass"}}
        if aux & HEDGE_MODALS:
            return "hedged"
        if aux & CERTAIN_MODALS:
            return "certain"
        if cur.dep_ in {"xcomp", "acomp", "attr"} and cur.head != cur:
            if cur.head.lemma_.lower() in {"likely", "expect", "seem", "appear", "possible"}:
                return "hedged"
            cur = cur.head
            continue
        if cur.lemma_.lower() in {"likely", "possible"}:
            return "hedged"
        break
    return "plain"


def _predicates(span: Iterable[Token]) -> list[Token]:
    """Verbs and copular predicates ("was late", "was not heart failure") whose polarity and
    modality are compared."""
    out: list[Token] = []
    for t in span:
        if (t.pos_ == "VERB" and t.lemma_.lower() not in {"be", "have", "do"}) or (
            t.dep_ in {"acomp", "attr"} and t.head.lemma_.lower() == "be"
        ):
            out.append(t)
    return out


def _same_predicate(a: Token, b: Token, index_cache: dict[int, WordIndex]) -> bool:
    la, lb = norm_word(a.lemma_), norm_word(b.lemma_)
    if la == lb:
        return True
    idx = index_cache.get(b.i)
    if idx is None:
        idx = WordIndex()
        idx.add_all({lb, norm_word(b.text)})
        index_cache[b.i] = idx
    return idx.has_word(la)


# --- the checks ---------------------------------------------------------------------------------


def _check_numbers(
    claim: SpacySpan, ev: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    ctext = _join_tokenized(claim.text)
    src_text = aligner.analysis.article.text
    _check_clock_times(list(_CLOCK_RE.finditer(ctext)), ev, src_text, out)
    for score in _SCORE_RE.finditer(ctext):
        if score.group(0) in src_text:
            continue
        given = [x.group(0) for s in ev for x in _SCORE_RE.finditer(s.text)]
        if given:
            out.findings.append(
                Finding(
                    "numbers",
                    "contradicted",
                    f"the claim gives {_quote(score.group(0))}; "
                    f"the original gives {_join(given[:2])}",
                )
            )
    figures = [
        f
        for f in _figures(claim)
        if not (f.mention.value == 1 and f.mention.text.lower() in {"one", "a", "an"})
    ]
    if not figures:
        return
    by_sentence = _sentence_figures(aligner.analysis)
    ev_figs = [f for s in ev for f in by_sentence[s.id]]
    doc_figs = [f for figs in by_sentence for f in figs]
    for fig in figures:
        before = len(out.findings)
        _check_figure(fig, ev_figs, doc_figs, out)
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
            _check_binding(claim, fig.phrase, homes, aligner, out)
        elif homes and fig.units:
            _check_swap(claim, fig, homes, ev, by_sentence, aligner, out)
        if homes and len(out.findings) == before:
            _check_figure_slot(claim, fig, homes, ev, by_sentence, aligner, out)


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


def _figure_slot(span: SpacySpan, fig: _Figure) -> tuple[str, ...] | None:
    """Where a figure sits in ``span`` (see :func:`_slot`): the slot of the noun it counts, or
    of the figure itself ("profit rose 18 percent" -> ("dobj", "rise"))."""
    base = span.start_char
    toks = span.doc.char_span(
        base + fig.mention.start, base + fig.mention.end, alignment_mode="expand"
    )
    if toks is None or not len(toks):
        return None
    tok = toks.root
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


def _other_words(claim: SpacySpan, figure: str) -> list[Token]:
    """The claim's content words other than its figures, dates and the figure's own words."""
    own = figure.lower().split()
    return [
        t
        for t in content_tokens(claim)
        if not t.like_num and t.ent_type_ not in _NUMERIC_ENTS and norm_word(t.text) not in own
    ]


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


def _check_figure(
    fig: _Figure, ev_figs: Sequence[_Figure], doc_figs: Sequence[_Figure], out: CheckResult
) -> None:
    """One figure of the claim against the figures of the evidence and of the whole original."""
    m = fig.mention
    approx = _is_approx(fig.qualifier)
    match = next(
        (
            e
            for e in ev_figs
            if numbers_agree(m, e.mention, approximate=approx or _is_approx(e.qualifier))
            and _same_unit(fig, e)
        ),
        None,
    )
    if match is not None:
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
    if any(numbers_agree(m, d.mention, approximate=True) and _same_unit(fig, d) for d in doc_figs):
        return
    if _derived(
        m, [e.mention for e in ev_figs if _same_unit(fig, e)], [e.mention for e in ev_figs]
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
            )
        )
        return
    out.findings.append(
        Finding("numbers", "unsupported", f"the original never gives the figure {_quote(m.text)}")
    )


def _sentence_figures(analysis: Analysis) -> list[list[_Figure]]:
    """The figures of each sentence of the original, by sentence id (built once per article)."""
    return analysis.derived("sentence_figures", lambda an: [_figures(s.span) for s in an.sentences])


def _distinctive(fig: _Figure) -> bool:
    """A figure specific enough to tie a claim to one event: money, a percentage, or 100 and
    more; not an age (it describes a person) or a small count, which recur in many contexts."""
    if "age" in fig.units:
        return False
    return fig.mention.kind in {"money", "percent"} or fig.mention.value >= 100


def _around(text: str, figure: str, width: int = 6) -> str:
    """The words around ``figure`` in ``text`` (up to ``width`` on each side), with "…" where
    the sentence goes on."""
    words = text.split()
    low = [w.lower() for w in words]
    first = figure.lower().split()[0] if figure.split() else ""
    at = next((i for i, w in enumerate(low) if first and first in w), None)
    if at is None:
        return " ".join(words[: 2 * width]) + (" …" if len(words) > 2 * width else "")
    lo, hi = max(at - width, 0), min(at + width + len(figure.split()), len(words))
    return ("… " if lo else "") + " ".join(words[lo:hi]) + (" …" if hi < len(words) else "")


def _check_binding(
    claim: SpacySpan, figure: str, homes: Sequence[int], aligner: Aligner, out: CheckResult
) -> None:
    """A figure (or date) of the claim is about something else when no sentence of the original
    that gives it (``homes``) shares another content word with the claim ("The drainage network
    flooded in 1921" where 1921 is when "records began")."""
    words = _other_words(claim, figure)
    if not words:
        return
    if any(aligner.sentence_index[i].has(t) for i in homes for t in words):
        return
    where = _join(_around(aligner.analysis.sentences[i].text, figure) for i in homes[:2])
    out.findings.append(
        Finding(
            "numbers",
            "unsupported",
            f"the original gives {_quote(figure)} about something else: {where}",
        )
    )


_SPLIT_THOUSANDS_RE = re.compile(r"(?<![\d,.])\d{1,3}(?:, \d{3})+(?!\d|[,.]\d)")
_SPLIT_PERCENT_RE = re.compile(r"(?<=\d) %")


def _join_tokenized(text: str) -> str:
    """Tokenized text's "50, 000" and "31 %" read as "50,000" and "31%", padded to the same
    length so that offsets stay valid.

    >>> _join_tokenized("raised £50, 000 in 2, 3 or 1, 000, 000 days; reached £50, 000.")
    'raised £50,000  in 2, 3 or 1,000,000   days; reached £50,000 .'
    >>> _join_tokenized("31 % of men")
    '31%  of men'
    """
    if " %" in text:
        text = _SPLIT_PERCENT_RE.sub("% ", text)
    if ", " not in text:
        return text
    return _SPLIT_THOUSANDS_RE.sub(lambda m: m.group(0).replace(", ", ",").ljust(len(m[0])), text)


def _clock_key(text: str) -> str:
    """ "9.30 pm" -> "9:30", "10am" -> "10:00" (the am/pm marker is not compared: originals
    often omit it)."""
    m = re.match(r"(\d{1,2})(?:[:.](\d{2}))?", text)
    return f"{int(m[1])}:{m[2] or '00'}" if m else text


def _check_clock_times(
    clocks: Sequence[re.Match[str]], ev: Sequence[Sentence], src_text: str, out: CheckResult
) -> None:
    """A clock time of the claim must be one the original gives."""
    if not clocks:
        return
    in_doc = {_clock_key(c.group(0)) for c in _CLOCK_RE.finditer(src_text)}
    for c in clocks:
        if _clock_key(c.group(0)) in in_doc:
            continue
        given = [x.group(0) for s in ev for x in _CLOCK_RE.finditer(s.text)]
        if given:
            out.findings.append(
                Finding(
                    "numbers",
                    "contradicted",
                    f"the claim gives the time {_quote(c.group(0))}; "
                    f"the original gives {_join(given[:2])}",
                )
            )
        else:
            out.findings.append(
                Finding(
                    "numbers",
                    "unsupported",
                    f"the original never gives the time {_quote(c.group(0))}",
                )
            )


def _measure(m: NumberMention) -> str:
    """What a figure measures, for finding the figure of the original it replaces: a share, a
    sum of money or a count."""
    if m.kind in {"percent", "fraction"}:
        return "share"
    return "money" if m.kind == "money" else "count"


def _derived(
    m: NumberMention, same: Sequence[NumberMention], stated: Sequence[NumberMention]
) -> bool:
    """``m`` is the sum or difference of two figures of its unit (``same``), or the product of
    one of them and any figure stated ("15 poles in each of 4 districts" gives 60 poles)."""
    for i, a in enumerate(same):
        for b in stated:
            if a is b or a.kind not in {"number", "money"} or b.kind not in {"number", "money"}:
                continue
            derived = [a.value * b.value]
            if b in same[i + 1 :]:
                derived += [a.value + b.value, abs(a.value - b.value)]
            if any(v and abs(v - m.value) <= 0.005 * abs(v) for v in derived):
                return True
    return False


def _check_dates(
    claim: SpacySpan, ev: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    parts = date_parts(claim.text)
    if not parts:
        return
    src = date_parts(aligner.analysis.article.text)
    ev_parts = [p for s in ev for p in date_parts(s.text)]
    for p in parts:
        if p.weekday is not None:
            found = [q for q in src if q.weekday == p.weekday]
            others = [q.text for q in ev_parts if q.weekday is not None]
        elif p.month is not None:
            found = [
                q
                for q in src
                if q.month == p.month
                and (p.year is None or q.year in {None, p.year})
                and (p.day is None or q.day in {None, p.day})
            ]
            others = [q.text for q in ev_parts if q.month is not None]
        else:
            found = [q for q in src if q.year == p.year]
            others = [q.text for q in ev_parts if q.year is not None]
        if found:
            if p.year is not None or p.day is not None:  # not a bare weekday or month
                homes = sorted({aligner.analysis.sentence_at(q.start).id for q in found})
                _check_binding(claim, p.text, homes, aligner, out)
            continue
        if others:
            out.findings.append(
                Finding(
                    "dates",
                    "contradicted",
                    f"the claim says {_quote(p.text)}; the original says {_join(others[:2])}",
                )
            )
        else:
            out.findings.append(
                Finding("dates", "unsupported", f"the original never mentions {_quote(p.text)}")
            )


def _entity_in(words: list[str], label: str, index: WordIndex) -> bool:
    if not words:
        return True
    if label == "PERSON":
        return index.has_word(words[-1])
    return all(index.has_word(w) for w in words)


def _check_entities(
    claim: SpacySpan, ev_index: WordIndex, aligner: Aligner, out: CheckResult
) -> None:
    for ent in claim.ents:
        if ent.label_ not in NAMED:
            continue
        words = _ent_words(ent.text)
        if _entity_in(words, ent.label_, aligner.doc_index):
            if not _entity_in(words, ent.label_, ev_index):
                out.notes.append(f"{ent.text} is named elsewhere in the original")
            continue
        out.findings.append(
            Finding(
                "entities",
                "unsupported",
                f"the claim names {_quote(ent.text)}, which the original never mentions",
            )
        )


_SLOT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "DATE"})


def _slot(tok: Token) -> tuple[str, ...]:
    """Where a name sits in its sentence: its dependency and the word it hangs from (for the
    object of a preposition, also what the preposition hangs from): "based in Columbus" ->
    ("pobj", "in", "base")."""
    head = tok.head
    if tok.dep_ == "pobj":
        return ("pobj", norm_word(head.lemma_), norm_word(head.head.lemma_))
    return (tok.dep_, norm_word(head.lemma_))


def _check_slot_swap(
    claim: SpacySpan, ev: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    """A name or a relative date the original gives elsewhere, put where the evidence has
    another one ("a maker based in Memphis" where the original says "based in Columbus" and
    names Memphis in another sentence; "last year" where it says "next month")."""
    if not ev:
        return
    claim_words = {norm_word(t.text) for t in claim}
    for ent in claim.ents:
        if ent.label_ not in _SLOT_LABELS or (
            ent.label_ == "DATE" and any(p.weekday is None for p in date_parts(ent.text))
        ):
            continue  # calendar dates are the date check's; a bare weekday is checked here
        words = _ent_words(ent.text)
        if (
            not words
            or not _entity_in(words, ent.label_, aligner.doc_index)
            or any(ent.text in f.reason for f in out.findings)
        ):
            continue
        # the evidence sentence that says the rest of the claim (merged evidence may name the
        # entity only because another of its sentences does)
        rest = [t for t in content_tokens(claim) if not (ent.start <= t.i < ent.end)]
        sentence = max(
            ev, key=lambda x: sum(1 for t in rest if aligner.sentence_index[x.id].has(t))
        )
        if _entity_in(words, ent.label_, aligner.sentence_index[sentence.id]):
            continue
        slot = _slot(ent.root)
        rivals = [
            o
            for o in sentence.span.ents
            if o.label_ == ent.label_
            and _slot(o.root) == slot
            and not set(_ent_words(o.text)) <= claim_words
        ]
        if rivals:
            other = rivals[0]
            out.findings.append(
                Finding(
                    "entities",
                    "contradicted" if ent.label_ == "DATE" else "unsupported",
                    f"the claim has {_quote(ent.text)} where the original has "
                    f"{_quote(other.text)}: {_around(sentence.text, other.text)}",
                )
            )


def _role(tok: Token) -> tuple[str, Token] | None:
    """Participant role of a noun: agent or recipient/patient, with the word that governs it."""
    seen = 0
    while tok.dep_ == "conj" and seen < 5:
        tok = tok.head
        seen += 1
    dep = tok.dep_
    if dep == "nsubj":
        return (_AGENT, tok.head)
    if dep in {"dobj", "nsubjpass", "dative"}:
        return (_RECIPIENT, tok.head)
    if dep == "pobj":
        prep = tok.head
        if prep.dep_ == "agent":
            return (_AGENT, prep.head)
        if prep.head.lower_ == "according":
            return None
        word = prep.lower_
        if word in _RECIPIENT_PREPS:
            return (_RECIPIENT, prep.head)
        return ("prep:" + word, prep.head)
    return None


def _role_phrase(tok: Token, role: tuple[str, Token]) -> str:
    kind, gov = role
    first = tok
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    doc = tok.doc
    ent_start = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ == "the" else tok.i
    name = doc[ent_start : tok.i + 1].text
    if first.dep_ == "pobj":
        prep = first.head
        head = prep.head
        objs = [c for c in head.children if c.dep_ == "dobj" and c.i < prep.i]
        left = _verb_phrase(head) if head.pos_ in {"VERB", "AUX"} else head.text
        if objs:
            left += " " + doc[objs[0].left_edge.i : objs[0].i + 1].text
        obj = doc[first.left_edge.i : first.right_edge.i + 1].text
        return f"{left} {prep.text} {obj}"
    if kind == _AGENT:
        return f"{name} {_verb_phrase(gov)}"
    return f"{_verb_phrase(gov)} {name}"


def _describes(verb: Token, noun: Token) -> bool:
    """``verb`` is a participle or relative clause describing ``noun`` or a phrase in apposition
    to it ("Meridian Foods, a maker based in ...": "based" describes Foods)."""
    if verb.dep_ not in {"acl", "relcl"}:
        return False
    head = verb.head
    return head == noun or (head.dep_ == "appos" and head.head == noun) or noun.head == head


def _headline_passive(verb: Token) -> bool:
    """A bare past form with a subject, no auxiliary and no object ("Smith named coach"): the
    headline style of a passive, whose subject may be the one acted on (the parser often tags
    the verb as a simple past)."""
    return verb.tag_ in {"VBN", "VBD"} and not any(
        c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children
    )


def _check_roles(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    ev_tokens = _tokens_of(ev)
    for ent in claim.ents:
        if ent.label_ not in NAMED - {"NORP"}:
            continue
        words = set(_ent_words(ent.text))
        if not words:
            continue
        c_role = _role(ent.root)
        if c_role is None or c_role[0] not in {_AGENT, _RECIPIENT} or c_role[1].lemma_ == "be":
            continue
        src: list[tuple[Token, tuple[str, Token]]] = []
        for t in ev_tokens:
            if (
                t.ent_type_
                and norm_word(t.text) in words
                and (t.ent_iob_ == "B" or t.dep_ != "compound")
            ):
                root = t
                while root.dep_ == "compound" and root.head != root and root.head.ent_type_:
                    root = root.head
                r = _role(root)
                if r is not None:
                    src.append((root, r))
        gov = norm_word(c_role[1].lemma_)
        if (
            c_role[0] == _AGENT
            and not any(r[0] == _AGENT and norm_word(r[1].lemma_) == gov for _, r in src)
            and _check_doer(ent, c_role[1], ev, out)
        ):
            continue
        if not src or (c_role[0] == _AGENT and _headline_passive(c_role[1])):
            continue
        if any(
            _describes(t, root) for root, _ in src for t in ev_tokens if norm_word(t.lemma_) == gov
        ):
            continue  # "Meridian Foods, a maker based in Columbus": "Foods is based in"
        if any(r[0] == c_role[0] for _, r in src):
            continue
        if any(norm_word(r[1].lemma_) == gov for _, r in src) and not any(
            r[0] in {_AGENT, _RECIPIENT} for _, r in src
        ):
            continue
        the = ent.start > 0 and claim.doc[ent.start - 1].lower_ == "the"
        name = ("the " if the else "") + ent.text
        claim_phrase = _role_phrase(ent.root, c_role)
        src_phrase = _join(_role_phrase(t, r) for t, r in src[:2])
        swapped = any(
            r[0] in {_AGENT, _RECIPIENT} and norm_word(r[1].lemma_) == gov for _, r in src
        )
        out.findings.append(
            Finding(
                "roles",
                "contradicted" if swapped else "unsupported",
                f"who did what to whom: the claim has {_quote(claim_phrase)}, but in the original "
                f"{name} appears only in {src_phrase}",
            )
        )


_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_DOERS = frozenset({"PERSON", "ORG", "GPE"})
"""Entities whose acts the doer check compares (a nationality, "The Australian", is not one)."""


def _agent_of(verb: Token) -> Token | None:
    """Who does what ``verb`` says: its subject, the noun a relative clause hangs from
    ("Peter Rask, who voted"), or the "by" phrase of a passive; None for a pronoun."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return None if child.pos_ == "PRON" else child
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            return None if pobj is None or pobj.pos_ == "PRON" else pobj
    return None


def _check_doer(ent: SpacySpan, verb: Token, ev: Sequence[Sentence], out: CheckResult) -> bool:
    """The claim names ``ent`` as the one who ``verb``s, and the evidence has that very act done
    only by someone else it names ("Maria Okafor voted against the plan" where the original
    says "Peter Rask, who voted against the plan"). True when it adds that finding."""
    lemma = norm_word(verb.lemma_)
    if lemma in SAY_VERBS or lemma in LIGHT_VERBS or verb.pos_ != "VERB":
        return False
    objects = {norm_word(c.lemma_) for c in verb.children if c.dep_ in {"dobj", "prep", "attr"}}
    mine = set(_ent_words(ent.text))
    doers: list[Token] = []
    for t in _tokens_of(ev):
        if t.pos_ != "VERB" or norm_word(t.lemma_) != lemma:
            continue
        theirs = {norm_word(c.lemma_) for c in t.children}
        if objects and not objects & theirs:
            continue  # another act of the same verb ("voted for the budget")
        if not objects and any(c.dep_ == "dobj" for c in t.children):
            continue  # "Kompany dismissed" may be the one "X dismissed"
        agent = _agent_of(t)
        if agent is None or agent.ent_type_ not in _DOERS:
            return False  # someone unnamed, or no one, does it: nothing to compare
        theirs_index = WordIndex()
        theirs_index.add_all(norm_word(w.text) for w in _noun_phrase(agent))
        if any(theirs_index.has_word(w) for w in mine):
            return False
        doers.append(agent)
    if doers:
        named = _join(
            " ".join(w.text for w in _noun_phrase(d) if w.dep_ != "punct") for d in doers[:2]
        )
        out.findings.append(
            Finding(
                "roles",
                "unsupported",
                f"who did it: the claim has {_quote(ent.text + ' ' + _verb_phrase(verb))}, but "
                f"in the original it is {named}",
            )
        )
    return bool(doers)


def _object_words(obj: Token) -> set[str]:
    """Content lemmas of the phrase an object heads ("60 percent of the cost" -> percent, cost)."""
    return {norm_word(t.lemma_) for t in _noun_phrase(obj) if is_content_token(t) or t.like_num}


def _role_phrase_of(ent: SpacySpan) -> Token | None:
    """The noun a claim gives as who a person is: "X is a retired teacher", "X, the mayor"."""
    root = ent.root
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        return next((c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    return next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)


def _check_who_is_who(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """The claim gives a person the role the original gives someone else ("Maria Okafor is a
    retired teacher" where the original says "James Oduya, a retired teacher")."""
    roles: list[tuple[str, str]] | None = None
    for ent in claim.ents:
        if ent.label_ != "PERSON":
            continue
        head = _role_phrase_of(ent)
        if head is None:
            continue
        if roles is None:  # read the facts only for a claim that says who someone is
            roles = [
                (f.entity, f.role)
                for f in aligner.analysis.derived("facts", extract_facts)
                if f.kind == "role" and f.entity and f.role
            ]
        wanted = _object_words(head)
        mine = set(_ent_words(ent.text))
        holders = []
        for entity, role in roles:
            words = WordIndex()
            words.add_all(norm_word(w) for w in re.findall(r"[\w'-]+", role))
            if not words.has_word(norm_word(head.lemma_)) or (
                sum(words.has_word(w) for w in wanted) < len(wanted) / 2
            ):
                continue
            names = WordIndex()
            names.add_all(norm_word(w) for w in entity.split())
            if any(names.has_word(w) for w in mine):
                return
            holders.append((entity, role))
        if holders:
            said = _join(f"{e}, {r}" for e, r in holders[:2])
            out.findings.append(
                Finding(
                    "roles",
                    "unsupported",
                    f"who is who: the claim calls {_quote(ent.text)} "
                    f"{_quote(_span_text(head))}; the original says {said}",
                )
            )


def _check_objects(
    claim: SpacySpan, ev: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    """The claim's verb acts on something the original mentions, but only elsewhere: every use
    of that verb in the evidence has another object ("will cover the wetland park" where the
    original says "will cover 60 percent of the cost" and has the park in another sentence).
    An object the original never mentions is the content check's."""
    ev_tokens = _tokens_of(ev)
    for verb in claim:
        lemma = norm_word(verb.lemma_)
        if verb.pos_ != "VERB" or lemma in SAY_VERBS or lemma in LIGHT_VERBS:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in _NOUNS), None)
        if obj is None:
            continue
        mine = WordIndex()
        mine.add_all(_object_words(obj))
        if not mine.words or not all(aligner.doc_index.has_word(w) for w in list(mine.words)):
            continue
        theirs: list[Token] = []
        for t in ev_tokens:
            if t.pos_ != "VERB" or norm_word(t.lemma_) != lemma:
                continue
            other = next((c for c in t.children if c.dep_ == "dobj"), None)
            if other is None or other.pos_ == "PRON":
                return  # used without an object, or with one we cannot read: nothing to compare
            subjects = {
                w.i for c in t.children if c.dep_ in {"nsubj", "nsubjpass"} for w in c.subtree
            }
            said = {
                norm_word(w.lemma_)
                for w in t.subtree
                if w.i not in subjects and (is_content_token(w) or w.like_num)
            }
            if any(mine.has_word(w) for w in said):
                return  # the object is in what the verb governs there ("cost local firms ...")
            theirs.append(other)
        if theirs:
            given = _join(f"{_verb_phrase(o.head)} {_span_text(o)}" for o in theirs[:2])
            mine_text = _quote(f"{_verb_phrase(verb)} {_span_text(obj)}")
            out.findings.append(
                Finding(
                    "roles",
                    "unsupported",
                    f"what it was done to: the claim has {mine_text}; the original has {given}",
                )
            )
            return


def _span_text(head: Token) -> str:
    """The words of the phrase ``head`` heads, without its clauses and punctuation, spaced as
    written ("60 percent of the cost or $108 million")."""
    words = _noun_phrase(head)
    return "".join(
        t.text_with_ws if i + 1 < len(words) and words[i + 1].i == t.i + 1 else t.text + " "
        for i, t in enumerate(words)
    ).strip()


def _check_modifiers(
    claim: SpacySpan, ev: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    """A manner the original never gives to an act, where it gives another one ("welcomed the
    news enthusiastically" where the original says "welcomed the news cautiously")."""
    ev_tokens = _tokens_of(ev)
    for t in claim:
        if (
            t.dep_ != "advmod"
            or t.pos_ != "ADV"
            or t.head.pos_ != "VERB"
            or not t.lower_.endswith("ly")
            or not is_content_token(t)
            or aligner.doc_index.has(t)
        ):
            continue
        head = norm_word(t.head.lemma_)
        for e in ev_tokens:
            if norm_word(e.lemma_) != head or e.pos_ != t.head.pos_:
                continue
            others = [
                c
                for c in e.children
                if c.dep_ == "advmod"
                and c.pos_ == "ADV"
                and c.lower_.endswith("ly")
                and is_content_token(c)
            ]
            if others:
                theirs = _join(_modified(c) for c in others[:2])
                out.findings.append(
                    Finding(
                        "content",
                        "unsupported",
                        f"the claim has {_quote(_modified(t))}; the original has {theirs}",
                    )
                )
                return


def _modified(mod: Token) -> str:
    """A modifier with the word it modifies, in text order ("welcomed ... cautiously")."""
    head = mod.head
    if mod.i < head.i:
        return f"{mod.text} {head.text}"
    gap = " … " if mod.i > head.i + 1 else " "
    return f"{head.text}{gap}{mod.text}"


def _check_polarity_modality(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    ev_preds = _predicates(_tokens_of(ev))
    cache: dict[int, WordIndex] = {}
    matched_any = False
    for v in _predicates(claim):
        cands = [e for e in ev_preds if _same_predicate(v, e, cache)]
        if not cands:
            opposite = _ANTONYMS.get(norm_word(v.lemma_), frozenset())
            flipped = [e for e in ev_preds if norm_word(e.lemma_) in opposite]
            if flipped and all(_negated(e) == _negated(v) for e in flipped):
                matched_any = True
                out.findings.append(
                    Finding(
                        "negation",
                        "contradicted",
                        f"opposite meaning: the claim says {_quote(_phrase(v))}, the original "
                        f"says {_quote(_phrase(flipped[0]))}",
                    )
                )
            continue
        matched_any = True
        neg = _negated(v)
        if not any(_negated(e) == neg for e in cands):
            if any(f.check == "negation" for f in out.findings) and v.head.lemma_ in _CONTROL_VERBS:
                continue  # "wanted to raise": the negation of "wanted" is already reported
            e = cands[0]
            out.findings.append(
                Finding(
                    "negation",
                    "contradicted",
                    f"negation: the claim says {_quote(_phrase(v))}, the original says "
                    f"{_quote(_phrase(e))}",
                )
            )
            continue
        hedge = hedge_of(v)
        same_pol = [e for e in cands if _negated(e) == neg]
        if hedge != "hedged" and all(hedge_of(e) == "hedged" for e in same_pol):
            e = same_pol[0]
            out.findings.append(
                Finding(
                    "modality",
                    "unsupported",
                    f"certainty: the original says {_quote(_phrase(e))}, the claim says "
                    f"{_quote(_phrase(v))}",
                )
            )
    ev_words = {norm_word(t.lemma_) for t in _tokens_of(ev)} | {
        norm_word(t.text) for t in _tokens_of(ev)
    }
    certain = [
        t
        for t in claim
        if norm_word(t.lemma_) in CERTAIN_WORDS
        and norm_word(t.lemma_) not in ev_words
        and norm_word(t.text) not in ev_words
    ]
    hedges = sorted(ev_words & HEDGE_WORDS)
    if certain and hedges:
        out.findings.append(
            Finding(
                "modality",
                "unsupported",
                f"certainty: the claim says {_quote(certain[0].text)}; the original only says "
                f"{_join(hedges[:2])}",
            )
        )
    if not matched_any:
        c_neg = [t for t in claim if t.dep_ == "neg" or t.lower_ in {"never"}]
        e_neg = [t for t in _tokens_of(ev) if t.dep_ == "neg" or t.lower_ in _NEG_WORDS]
        if c_neg and not e_neg and ev:
            out.findings.append(
                Finding(
                    "negation",
                    "unsupported",
                    f"negation: the claim says {_quote(_phrase(c_neg[0].head))}; the evidence "
                    "has no negation",
                )
            )


def _phrase(tok: Token) -> str:
    if tok.dep_ in {"acomp", "attr"} and tok.head != tok:
        head = tok.head
        parts = [c for c in head.children if c.dep_ in {"aux", "neg"} and c.i < tok.i]
        return " ".join(t.text for t in sorted([*parts, head, tok], key=lambda t: t.i))
    return _verb_phrase(tok)


def _speakers(tokens: Iterable[Token], *, pronouns: bool = False) -> list[list[Token]]:
    """Who is quoted or credited: subjects of reporting verbs and "according to X"; pronoun
    subjects ("he said") only with ``pronouns``."""
    out: list[list[Token]] = []
    for t in tokens:
        lemma = norm_word(t.lemma_)
        if lemma not in SAY_VERBS:
            continue
        if lemma == "according":
            for prep in t.children:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        out.append(list(pobj.subtree))
            continue
        reports = (
            lemma in {"say", "tell"}
            or t.dep_ == "parataxis"
            or any(c.dep_ in {"ccomp", "parataxis"} for c in t.children)
        )
        if not reports:
            continue
        for c in t.children:
            if c.dep_ == "nsubj" and (pronouns or c.pos_ != "PRON"):
                out.append(_noun_phrase(c))
    return out


_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis"})


def _noun_phrase(head: Token) -> list[Token]:
    """The words of the phrase ``head`` heads, without clauses hanging from it ("the family of
    a man who died" -> "the family of a man") and without punctuation."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        if not tok.is_punct:
            out.append(tok)
        stack.extend(c for c in tok.children if c.dep_ not in _CLAUSE_DEPS)
    return sorted(out, key=lambda t: t.i)


def _speaker_names(tokens: Sequence[Token]) -> set[str]:
    names = {norm_word(t.text) for t in tokens if t.pos_ == "PROPN" or t.ent_type_ in NAMED}
    return names or {norm_word(t.lemma_) for t in tokens if t.pos_ == "NOUN"}


def _check_attribution(
    claim: SpacySpan, ev: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    claimed = _speakers(claim)
    if not claimed or not ev:
        return
    spoken = {t.i for sp in claimed for t in sp}
    reported = [
        t
        for t in content_tokens(claim)
        if t.i not in spoken and norm_word(t.lemma_) not in SAY_VERBS
    ]
    best = ev[0]
    if reported:
        best = max(
            ev, key=lambda s: sum(1 for t in reported if aligner.sentence_index[s.id].has(t))
        )
    credited = _speakers(best.span)
    resolved = [] if credited else _sentence_speakers(aligner.analysis).get(best.id, [])
    named = [r for r in resolved if _looks_named(r)]
    for sp in claimed:
        names = _speaker_names(sp)
        if not names:
            continue
        text = " ".join(t.text for t in sp)
        if named and _proper(sp) and any(t.ent_type_ == "PERSON" for t in sp):
            # a quote or a "he said" sentence: the speaker the original means by it
            if not _credits_name(sp, names, named):
                out.findings.append(
                    Finding(
                        "attribution",
                        "unsupported",
                        f"attribution: the claim credits {_quote(text)}; the original credits "
                        f"{_join(dict.fromkeys(named))}",
                    )
                )
            continue
        if credited:
            if _credits(sp, names, credited):
                continue
            given = _join(" ".join(t.text for t in o) for o in credited[:2])
            out.findings.append(
                Finding(
                    "attribution",
                    "unsupported",
                    f"attribution: the claim credits {_quote(text)}; the original credits {given}",
                )
            )
        elif _speakers(best.span, pronouns=True) and all(
            aligner.doc_index.has_word(n) for n in names
        ):
            continue  # "he said" may stand for any speaker the original names
        elif not all(aligner.sentence_index[best.id].has_word(n) for n in names) and not any(
            _credits(sp, names, _speakers(s.span)) for s in ev if s is not best
        ):
            out.findings.append(
                Finding(
                    "attribution",
                    "unsupported",
                    f"attribution: the original does not credit this to {_quote(text)}",
                )
            )


def _credits(speaker: Sequence[Token], names: set[str], credited: list[list[Token]]) -> bool:
    """Whether one of the ``credited`` speakers of the original is the claim's ``speaker``
    (whose :func:`_speaker_names` are ``names``): all of its proper names, or for a speaker
    without one ("officials") any of its words."""
    proper = _proper(speaker)
    for other in credited:
        idx = WordIndex()
        idx.add_all(_speaker_names(other) | {norm_word(t.lemma_) for t in other})
        if any(idx.has_word(n) for n in names) and all(
            idx.has_word(n) for n in names if n in proper
        ):
            return True
    return False


def _looks_named(source: str) -> bool:
    """A source given by name ("Maria Okafor", "Ogane"), not a description ("the union"): a
    capitalized word after the first, or a single capitalized word.

    >>> _looks_named("Maria Okafor"), _looks_named("Ogane"), _looks_named("The union")
    (True, True, False)
    """
    words = source.split()
    return any(w[:1].isupper() for w in (words[1:] or words))


def _credits_name(speaker: Sequence[Token], names: set[str], credited: Sequence[str]) -> bool:
    """Whether one of the speakers the original names as text (from its facts) shares a
    proper name with the claim's ``speaker``."""
    proper = _proper(speaker) & names
    for other in credited:
        idx = WordIndex()
        idx.add_all(norm_word(w) for w in re.findall(r"[\w.'-]+", other))
        if any(idx.has_word(n) for n in proper):
            return True
    return False


def _sentence_speakers(analysis: Analysis) -> dict[int, list[str]]:
    """Whom the original credits each sentence to, by sentence id: the speakers of its quotes
    and reported statements as fact extraction resolves them ("he said", a quote whose speaker
    is named in the sentence before). Built once per article."""

    def build(an: Analysis) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for fact in an.derived("facts", extract_facts):
            if fact.kind in ("quote", "attribution") and fact.attributed_to:
                for ev in fact.evidence:
                    out.setdefault(an.sentence_at(ev.start).id, []).append(fact.attributed_to)
        return out

    return analysis.derived("sentence_speakers", build)


def _proper(tokens: Sequence[Token]) -> set[str]:
    return {norm_word(t.text) for t in tokens if t.pos_ == "PROPN" or t.ent_type_ in NAMED}


def _check_temporal(
    claim: SpacySpan,
    ev: Sequence[Sentence],
    ref: tuple[dt.date | None, str],
    out: CheckResult,
) -> None:
    """An event the claim calls upcoming ("next", "upcoming", "will") dated before the article;
    not when the original's own sentence says the same ("over the next three decades ... in
    1978" in a life story)."""
    ref_date, ref_desc = ref
    if ref_date is None:
        return
    future = [t for t in claim if norm_word(t.text) in FUTURE_WORDS]
    if not future:
        return
    for p in date_parts(claim.text):
        last = p.last_day()
        if any(p.text.lower() in s.text.lower() and future[0].lower_ in s.text.lower() for s in ev):
            continue
        if last is not None and last < ref_date:
            out.findings.append(
                Finding(
                    "temporal",
                    "unsupported",
                    f"time: the claim calls {_quote(p.text)} {_quote(future[0].text)}, but "
                    f"{ref_desc}",
                )
            )
            return


def _check_content(
    claim: SpacySpan,
    question: SpacySpan | None,
    ev_index: WordIndex,
    aligner: Aligner,
    out: CheckResult,
) -> None:
    content = [t for t in content_tokens(claim)]
    if question is not None and len(content) < 4:
        content += content_tokens(question)
    if not content:
        out.coverage = out.doc_coverage = 1.0
        return

    def weight(t: Token) -> float:
        return 1.5 if t.pos_ in {"PROPN", "NUM"} else 0.6 if t.pos_ == "ADV" else 1.0

    total = sum(weight(t) for t in content)
    in_ev = sum(weight(t) for t in content if ev_index.has(t))
    missing = [t for t in content if not aligner.doc_index.has(t)]
    in_doc = total - sum(weight(t) for t in missing)
    out.coverage = in_ev / total
    out.doc_coverage = in_doc / total
    checked = _unknown_words(claim, missing)
    root = claim.root
    if (
        root in missing
        and root.pos_ == "VERB"
        and norm_word(root.lemma_) not in LIGHT_VERBS | SAY_VERBS
        and not any(c.dep_ in {"ccomp", "xcomp"} for c in root.children)
        and not any(
            aligner.doc_index.has_word(w) for w in _ANTONYMS.get(norm_word(root.lemma_), ())
        )
        and not checked[1:]
    ):
        out.findings.append(
            Finding(
                "content",
                "unsupported",
                f"what happened: the original never says {_quote(_phrase(root))}",
            )
        )
        return
    frac = sum(weight(t) for t in checked) / total
    if (len(checked) >= 2 and frac >= 0.25) or (checked and frac >= 0.5):
        out.findings.append(
            Finding(
                "content",
                "unsupported",
                f"not in the original: {_join(t.text for t in checked[:5])}",
            )
        )


def _unknown_words(claim: SpacySpan, missing: Sequence[Token]) -> list[Token]:
    """The words of ``missing`` (content words the original lacks) that the content check
    counts: each word once, without figures (the number check's), framing words and the words
    naming who says it (the attribution check's)."""
    speakers = {t.i for sp in _speakers(claim) for t in sp}
    seen: set[str] = set()
    out: list[Token] = []
    for t in missing:
        key = norm_word(t.lemma_)
        if (
            key in seen
            or t.ent_type_ in _NUMERIC_ENTS
            or t.like_num
            or _framing_word(t)
            or t.i in speakers
        ):
            continue
        seen.add(key)
        out.append(t)
    return out


_STANCE_VERBS = frozenset(
    {"deny", "accuse", "allege", "admit", "warn", "predict", "insist", "argue", "claim"}
    | {"believe", "estimate", "acknowledge"}
)
"""Reporting verbs that state an act or a stance of their own (a denial, a warning)."""


def _framing_word(tok: Token) -> bool:
    """A word that frames the claim rather than states its content: a neutral reporting verb
    ("has announced", "suggests"; who says it is the attribution check's) or a verb used as a
    preposition ("following a rise")."""
    if tok.dep_ == "prep":
        return True
    lemma = norm_word(tok.lemma_)
    return tok.pos_ == "VERB" and lemma in SAY_VERBS and lemma not in _STANCE_VERBS


_ANTONYMS: dict[str, frozenset[str]] = {}
for _a, _b in (
    ("approve", "reject"),
    ("accept", "reject"),
    ("accept", "refuse"),
    ("win", "lose"),
    ("rise", "fall"),
    ("increase", "decrease"),
    ("increase", "cut"),
    ("rise", "drop"),
    ("open", "close"),
    ("allow", "ban"),
    ("allow", "forbid"),
    ("support", "oppose"),
    ("confirm", "deny"),
    ("arrive", "leave"),
    ("gain", "lose"),
    ("hire", "fire"),
    ("acquit", "convict"),
    ("raise", "lower"),
    ("expand", "shrink"),
):
    _ANTONYMS[_a] = _ANTONYMS.get(_a, frozenset()) | {_b}
    _ANTONYMS[_b] = _ANTONYMS.get(_b, frozenset()) | {_a}
LIGHT_VERBS = frozenset(
    {"get", "make", "take", "have", "be", "do", "go", "come", "give", "put", "set", "keep", "see"}
)
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})


def _check_pronouns(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """A gendered pronoun whose evidence only has the other gender (he / she swaps)."""
    words = {t.lower_ for t in claim}
    ev_words = {t.lower_ for t in _tokens_of(ev)}
    for mine, other, label in ((_MALE, _FEMALE, "he"), (_FEMALE, _MALE, "she")):
        if words & mine and not ev_words & mine and ev_words & other:
            theirs = "she" if label == "he" else "he"
            out.findings.append(
                Finding(
                    "pronouns",
                    "contradicted",
                    f"the claim says “{label}”; the original's sentence is about “{theirs}”",
                )
            )


def _stem5(word: str) -> str:
    return word[:5]


def _relation_coverage(claim: SpacySpan, ev: Sequence[Sentence]) -> float:
    """Share of the claim's content head–dependent pairs that the evidence also links
    (same two words within one dependency step of each other): who did what, structurally."""
    by_key: dict[str, list[Token]] = {}
    for t in _tokens_of(ev):
        if not t.is_punct:
            by_key.setdefault(_stem5(norm_word(t.lemma_)), []).append(t)
    pairs = 0
    found = 0
    for t in claim:
        h = t.head
        if h is t or not is_content_token(t) or not is_content_token(h):
            continue
        pairs += 1
        hk = _stem5(norm_word(h.lemma_))
        for cand in by_key.get(_stem5(norm_word(t.lemma_)), ()):
            near = [cand.head, *cand.children, cand.head.head]
            if any(_stem5(norm_word(n.lemma_)) == hk for n in near):
                found += 1
                break
    return found / pairs if pairs else 1.0


def _grams(tokens: Iterable[Token], n: int = 3) -> set[tuple[str, ...]]:
    words = [t.lower_ for t in tokens if not t.is_punct and not t.is_space]
    return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}


def _trigram_coverage(claim: SpacySpan, ev: Sequence[Sentence]) -> float:
    """Share of the claim's word trigrams found in the evidence (how closely it keeps wording)."""
    mine = _grams(claim)
    if not mine:
        return 1.0
    theirs: set[tuple[str, ...]] = set()
    for s in ev:
        theirs |= _grams(s.span)
    return len(mine & theirs) / len(mine)


def check_claim(
    claim: SpacySpan,
    evidence: Sequence[Sentence],
    aligner: Aligner,
    *,
    question: SpacySpan | None = None,
    reference: tuple[dt.date | None, str] | None = None,
) -> CheckResult:
    """Run every check on ``claim`` against its ``evidence`` sentences of the original.

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze, parse
    >>> al = Aligner(analyze(from_text("The council approved the plan on Monday.")))
    >>> c = parse("The council did not approve the plan.")[:]
    >>> [f.check for f in check_claim(c, al.align(c).sentences, al).findings]
    ['negation']
    """
    out = CheckResult()
    ev_index = aligner.index_for(evidence)
    _check_content(claim, question, ev_index, aligner, out)
    _check_numbers(claim, evidence, aligner, out)
    _check_dates(claim, evidence, aligner, out)
    _check_entities(claim, ev_index, aligner, out)
    _check_roles(claim, evidence, out)
    _check_objects(claim, evidence, aligner, out)
    _check_who_is_who(claim, aligner, out)
    _check_modifiers(claim, evidence, aligner, out)
    _check_slot_swap(claim, evidence, aligner, out)
    _check_polarity_modality(claim, evidence, out)
    _check_attribution(claim, evidence, aligner, out)
    _check_temporal(
        claim, evidence, reference if reference is not None else reference_date(aligner), out
    )
    _check_pronouns(claim, evidence, out)
    out.relations = _relation_coverage(claim, evidence)
    out.trigrams = _trigram_coverage(claim, evidence)
    return out
