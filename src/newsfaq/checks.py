"""Rule checks of one claim against its evidence sentences: each finding has a readable reason.

Checks: numbers (normalised, approximate vs exact, simple derived figures), names (people,
organisations, places) and who did what to whom, dates, negation, modality and certainty,
attribution, temporal sanity against the article date, and content words absent from the
original.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from newsfaq.align import Aligner, WordIndex, content_tokens, norm_word
from newsfaq.align import is_content as is_content_token
from newsfaq.nlp import Sentence
from newsfaq.numbers import (
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
    r"(?<![\w.:])(?:\d{1,2}:\d{2}(?:\s*[ap]\.?m\b\.?)?|\d{1,2}\.\d{2}\s*[ap]\.?m\b\.?)",
    re.IGNORECASE,
)
"""A clock time ("12:15", "9.30 pm"), which the number check must not read as two figures."""
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
    """The qualifier ("about", "more than", ...; :data:`newsfaq.numbers.QUALIFIERS`) right
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


def _unit_words(text: str, m: NumberMention) -> set[str]:
    """The words that may name what the figure counts ("9 kilometres", "six weeks"): up to three
    words after it. Money and percentages carry their own unit, so "£50,000 for the troops" and
    "£50,000 via crowdfunding" are one figure."""
    if m.kind in {"money", "percent"}:
        return set()
    after = re.findall(r"[a-z]+", text[m.end : m.end + 40].lower())[:3]
    after = [_UNIT_ABBREVIATIONS.get(w, w) for w in after]
    return {w.rstrip("s") for w in after if len(w) > 2 and w not in {"the", "and", "per", "of"}}


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
            "inche",
            "inch",
        ),
        "length",
    ),
    **dict.fromkeys(("gram", "kilogram", "tonne", "ton", "pound", "ounce"), "mass"),
}
"""Unit words (as :func:`_unit_words` gives them) of one kind of measure: "ten months" and "six
weeks" are two values of one duration, so one contradicts the other."""


def _with_unit(text: str, m: NumberMention) -> str:
    """The figure with the measure word after it, if any ("ten" -> "ten months")."""
    unit = re.match(r"\s*-?\s*([A-Za-z]+)", text[m.end : m.end + 20])
    if unit:
        word = _UNIT_ABBREVIATIONS.get(unit.group(1).lower(), unit.group(1).lower()).rstrip("s")
        if word in _UNIT_FAMILIES:
            return text[m.start : m.end + unit.end()]
    return m.text


def _unit_family(units: set[str]) -> set[str]:
    return {_UNIT_FAMILIES[u] for u in units if u in _UNIT_FAMILIES}


def _same_unit(a: set[str], b: set[str]) -> bool:
    """Two figures can be the same quantity: one has no unit words, or they share one.

    "about 9 kilometres" is not "Route 9 will close"; "ten months" is not "six weeks".
    """
    return not a or not b or bool(a & b)


def _verb_phrase(tok: Token) -> str:
    """The verb with its auxiliaries and negation, in text order ("could not face")."""
    parts = [c for c in tok.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < tok.i]
    parts.append(tok)
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def _negated(tok: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in {"never"} for c in tok.children):
        return True
    head = tok.head
    if tok.dep_ in {"acomp", "attr"} and head is not tok:
        return any(c.dep_ == "neg" for c in head.children)
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
        if cur.dep_ in {"xcomp", "acomp", "attr"} and cur.head is not cur:
            if cur.head.lemma_.lower() in {"likely", "expect", "seem", "appear", "possible"}:
                return "hedged"
            cur = cur.head
            continue
        if cur.lemma_.lower() in {"likely", "possible"}:
            return "hedged"
        break
    return "plain"


def _predicates(span: Iterable[Token]) -> list[Token]:
    """Verbs and copular predicates whose polarity and modality are compared."""
    out: list[Token] = []
    for t in span:
        if (t.pos_ == "VERB" and t.lemma_.lower() not in {"be", "have", "do"}) or (
            t.dep_ in {"acomp"} and t.head.lemma_.lower() == "be"
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
    doc = claim.doc
    # numbers inside calendar dates are the date check's; durations ("ten months") stay here
    date_chars = [
        (e.start_char, e.end_char)
        for e in doc.ents
        if e.label_ in {"DATE", "TIME"} and date_parts(e.text)
    ]
    ctext = _join_thousands(claim.text)
    base = claim.start_char
    clocks = list(_CLOCK_RE.finditer(ctext))
    date_chars += [(base + c.start(), base + c.end()) for c in clocks]
    _check_clock_times(clocks, ev, aligner.analysis.article.text, out)
    mentions = [
        m
        for m in find_numbers(ctext)
        if not any(a <= base + m.start < b for a, b in date_chars)
        and not re.fullmatch(r"(19|20)\d\d", m.text)
    ]
    src_text = aligner.analysis.article.text
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
    if not mentions:
        return
    ev_nums: list[tuple[NumberMention, str | None, set[str], str]] = []
    for s in ev:
        base_char = s.start  # find_numbers gives offsets into s.text
        in_dates = [
            (e.start_char - base_char, e.end_char - base_char)
            for e in s.span.ents
            if e.label_ in {"DATE", "TIME"} and date_parts(e.text)
        ]
        for m in find_numbers(s.text):
            if re.fullmatch(r"(19|20)\d\d", m.text) or any(a <= m.start < b for a, b in in_dates):
                continue  # years and the days of dates are the date check's
            ev_nums.append((m, _qualifier_before(s.text, m.start), _unit_words(s.text, m), s.text))
    doc_nums = [
        (m, _unit_words(src_text, m))
        for m in find_numbers(src_text)
        if not re.fullmatch(r"(19|20)\d\d", m.text)
    ]
    for m in mentions:
        if m.kind == "number" and m.value == 1 and m.text.lower() in {"one", "a", "an"}:
            continue
        cq = _qualifier_before(ctext, m.start)
        approx = _is_approx(cq)
        units = _unit_words(ctext, m)
        match = next(
            (
                e
                for e in ev_nums
                if numbers_agree(m, e[0], approximate=approx or _is_approx(e[1]))
                and _same_unit(units, e[2])
            ),
            None,
        )
        if match is not None:
            if cq in {"exactly", "precisely"} and _is_approx(match[1]):
                out.findings.append(
                    Finding(
                        "numbers",
                        "unsupported",
                        f"the claim gives {_quote((cq or '') + ' ' + m.text)} as exact; the "
                        f"original only gives {_quote((match[1] or '') + ' ' + match[0].text)}",
                    )
                )
            continue
        if any(
            numbers_agree(m, d, approximate=True) and _same_unit(units, du) for d, du in doc_nums
        ):
            continue
        if _derived(m, [e[0] for e in ev_nums if _same_unit(units, e[2])]):
            out.notes.append(f"{m.text} is derived from figures the original gives")
            continue
        same_kind = [e for e in ev_nums if _measure(e[0]) == _measure(m)]
        family = _unit_family(units)
        related = [e for e in same_kind if units & e[2] or family & _unit_family(e[2])] or (
            same_kind if not units else []
        )
        if related:
            stated = _join(
                (e[1] + " " if e[1] else "") + _with_unit(e[3], e[0]) for e in related[:2]
            )
            out.findings.append(
                Finding(
                    "numbers",
                    "contradicted",
                    f"the claim gives {_quote(_with_unit(ctext, m))}; the original gives {stated}",
                )
            )
        else:
            out.findings.append(
                Finding(
                    "numbers",
                    "unsupported",
                    f"the original never gives the figure {_quote(m.text)}",
                )
            )


_SPLIT_THOUSANDS_RE = re.compile(r"(?<![\d,.])\d{1,3}(?:, \d{3})+(?!\d|[,.]\d)")


def _join_thousands(text: str) -> str:
    """Tokenized text's "50, 000" read as "50,000", padded to the same length so that offsets
    stay valid.

    >>> _join_thousands("raised £50, 000 in 2, 3 or 1, 000, 000 days; reached £50, 000.")
    'raised £50,000  in 2, 3 or 1,000,000   days; reached £50,000 .'
    """
    if ", " not in text:
        return text
    return _SPLIT_THOUSANDS_RE.sub(lambda m: m.group(0).replace(", ", ",").ljust(len(m[0])), text)


def _clock_key(text: str) -> str:
    """ "9.30 pm" -> "9:30" (the am/pm marker is not compared: originals often omit it)."""
    hours, minutes = re.split(r"[:.]", text, maxsplit=1)
    return f"{int(hours)}:{minutes[:2]}"


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


def _derived(m: NumberMention, stated: Sequence[NumberMention]) -> bool:
    vals = [s.value for s in stated if s.kind in {"number", "money"}]
    for i, a in enumerate(vals):
        for b in vals[i + 1 :]:
            for v in (a * b, a + b, abs(a - b)):
                if v and abs(v - m.value) <= 0.005 * abs(v):
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
            if any(q.weekday == p.weekday for q in src):
                continue
            others = [q.text for q in ev_parts if q.weekday is not None]
        elif p.month is not None:
            if any(
                q.month == p.month
                and (p.year is None or q.year in {None, p.year})
                and (p.day is None or q.day in {None, p.day})
                for q in src
            ):
                continue
            others = [q.text for q in ev_parts if q.month is not None]
        else:
            if any(q.year == p.year for q in src):
                continue
            others = [q.text for q in ev_parts if q.year is not None]
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
    while first.dep_ == "conj" and first.head is not first:
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
        if c_role[0] == _AGENT and _headline_passive(c_role[1]):
            continue
        src: list[tuple[Token, tuple[str, Token]]] = []
        for t in ev_tokens:
            if (
                t.ent_type_
                and norm_word(t.text) in words
                and (t.ent_iob_ == "B" or t.dep_ != "compound")
            ):
                root = t
                while root.dep_ == "compound" and root.head is not root and root.head.ent_type_:
                    root = root.head
                r = _role(root)
                if r is not None:
                    src.append((root, r))
        if not src:
            continue
        if any(r[0] == c_role[0] for _, r in src):
            continue
        gov = norm_word(c_role[1].lemma_)
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
    if tok.dep_ in {"acomp", "attr"} and tok.head is not tok:
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
    for sp in claimed:
        names = _speaker_names(sp)
        if not names:
            continue
        text = " ".join(t.text for t in sp)
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


def _proper(tokens: Sequence[Token]) -> set[str]:
    return {norm_word(t.text) for t in tokens if t.pos_ == "PROPN" or t.ent_type_ in NAMED}


def _check_temporal(claim: SpacySpan, ref: tuple[dt.date | None, str], out: CheckResult) -> None:
    ref_date, ref_desc = ref
    if ref_date is None:
        return
    future = [t for t in claim if norm_word(t.text) in FUTURE_WORDS]
    if not future:
        return
    for p in date_parts(claim.text):
        last = p.last_day()
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

    >>> from newsfaq.ingest import from_text
    >>> from newsfaq.nlp import analyze, parse
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
    _check_polarity_modality(claim, evidence, out)
    _check_attribution(claim, evidence, aligner, out)
    _check_temporal(claim, reference if reference is not None else reference_date(aligner), out)
    _check_pronouns(claim, evidence, out)
    out.relations = _relation_coverage(claim, evidence)
    out.trigrams = _trigram_coverage(claim, evidence)
    return out
