"""Key facts of an article: quantities, dates, attributions, quotes, roles and derived figures.

Everything is read off the one spaCy parse in :class:`~newsfaq.text.nlp.Analysis` plus a few regular
expressions (numbers and dates come from :mod:`newsfaq.text.numbers` and :mod:`newsfaq.text.dates`).
Steps, in order:

1. direct quotes and their speakers (speech verb near the quote, else the previous speaker);
2. attributions: "X said/estimated/warned that ...", "according to X";
3. quantities: value, what is counted, qualifier, rate ("per week", "from each of 36 districts"),
   attributed to the source whose claim or quote contains them;
4. dates, normalized against the article date;
5. roles: apposition ("Dmitry Medvedev, deputy chairman of ...") and titles ("Judge Ann Lee");
6. derived figures, always marked ``derived`` and dropped when the article states the figure:
   a rate times a number of units, a fraction of a stated total, an amount divided by a rate of
   the same unit (how long it takes), a rate over a stated span of time ("$45 a year over the
   next decade"), and a share stated both ways ("60 percent of the cost, or $108 million": the
   whole it implies, or "the rest" of a stated whole).

Facts are deduplicated and returned in document order; every stated fact's text is a substring
of its evidence.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from newsfaq.models import Fact, Span
from newsfaq.text.dates import Tense, normalize_date, parse_iso
from newsfaq.text.nlp import Analysis, Sentence, entity_span
from newsfaq.text.numbers import (
    QUALIFIERS,
    YEARS_IN,
    NumberMention,
    canonical,
    find_numbers,
    format_number,
    qualifier_class,
    same_value,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["NAME_TITLES", "SPEECH_VERBS", "TITLES", "extract_facts", "role_head"]


_ROLE_OF = re.compile(r"\s+(?:of|at|for|in|with|on)\s+|,")


def role_head(role: str) -> str:
    """The head word of a role as a role fact gives it, lower case: the last word before its
    "of"/"at"/"for" phrase ("chairman" of "The choir's chairman", "chair" of "chair of the
    association", "director" of "Harbourline's operations director"); "" for no word.

    >>> role_head("Harbourline's operations director"), role_head("Chair of the trust")
    ('director', 'chair')
    """
    words = _ROLE_OF.split(role.lower())[0].split()
    return words[-1] if words else ""


def _words(text: str) -> frozenset[str]:
    """A set of words written as one space-separated string."""
    return frozenset(text.split())


SPEECH_VERBS = _words(
    "say tell add state announce estimate warn report claim argue insist note highlight "
    "emphasize emphasise acknowledge admit confirm deny predict forecast find show "
    "suggest write explain believe conclude testify allege reveal urge caution stress "
    "contend maintain recall agree complain ask call"
)
"""Lemmas of verbs that report what someone said or found ("said", "warned", "estimated")."""
_OBJECT_CLAIM = _words(
    "warn call announce urge report forecast predict estimate demand propose promise pledge"
)
_QUOTE_VERBS = _words(
    "say tell add write ask call insist warn explain argue note state reply respond "
    "recall describe admit acknowledge claim complain declare announce joke continue "
    "conclude testify urge caution stress"
)
_PRONOUNS = _words("he she him her")
_BAD_SOURCES = _words("it they them we i you this that which who there")
_CURRENCY_UNITS = {"USD": "dollars", "GBP": "pounds", "EUR": "euros", "JPY": "yen"}
_MONEY_WORDS = _words(
    "dollars pounds euros crowns kroner krona yen yuan rupees francs cents pence rubles "
    "roubles pesos rand"
)
_TIME_UNITS = _words(
    "year years month months week weeks day days hour hours minute minutes decade decades "
    "second seconds century centuries"
)
_RATE_MARKERS = frozenset(("per", "a", "an", "each", "every"))
_NOT_RATE_AFTER = frozenset(("earlier", "ago", "later", "before", "after", "late", "early"))
_MEASURE_ADJ = frozenset(("square", "cubic"))
_AMBIGUOUS_QUALIFIERS = frozenset(("over", "under", "some", "estimated", "just"))
_DATE_PREPOSITIONS = frozenset(("until", "by", "since", "before", "after", "from", "through"))
_RECURRING_AFTER = _words("mornings afternoons evenings nights weekends")
TITLES = _words(
    "judge prosecutor president senator governor mayor minister chancellor captain coach "
    "manager striker midfielder defender goalkeeper winger chairman chairwoman chair "
    "director professor inspector detective sergeant officer commissioner ambassador "
    "general colonel lieutenant secretary spokesman spokeswoman spokesperson chief editor"
)
"""Titles of an office before a name ("Judge Ana Ruiz", "Coach Ivo Brandt")."""
NAME_TITLES = _words("mr mrs ms miss dr prof professor sir dame lord lady rev")
"""Courtesy titles before a surname ("Mr Renzi", "Prof Oswald")."""
_PERSON_NOUNS = TITLES | _words(
    "lawyer attorney official analyst expert scientist researcher doctor witness owner "
    "resident teacher worker leader founder economist author"
)
_QUAL_RE = re.compile(
    r"(?<![\w-])(?P<q>"
    + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
    + r")\s+$",
    re.IGNORECASE,
)
_QUOTE_RE = re.compile(r"“[^“”\n]+”|\"[^\"\n]+\"")
_KIND_ORDER = {"quantity": 0, "derived": 1, "date": 2, "role": 3, "attribution": 4, "quote": 5}


@dataclass
class _Quote:
    start: int
    end: int
    speaker: str | None = None


@dataclass
class _Attribution:
    source: str
    claim_start: int
    claim_end: int
    sentence: Sentence


@dataclass
class _Quantity:
    fact: Fact
    start: int
    sentence_id: int
    mention: NumberMention
    stated: str
    unit_lemma: str | None = None
    per_lemma: str | None = None
    per_time: str | None = None
    each_of_start: int | None = None
    of_lemma: str | None = None
    of_plural: bool = False
    subject_lemma: str | None = None


@dataclass
class _Context:
    analysis: Analysis
    people: list[tuple[int, str]] = field(default_factory=list)
    quotes: list[_Quote] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.analysis.article.text

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    def in_quote(self, char: int) -> _Quote | None:
        """The quote that contains character ``char``, if any."""
        i = bisect.bisect_right(self._quote_starts, char) - 1
        if i >= 0 and self.quotes[i].start <= char < self.quotes[i].end:
            return self.quotes[i]
        return None

    def resolve(self, token: Token, text: str) -> str | None:
        """Resolve he/she/him/her to a person named before ``token``; drop vague subjects.

        Order: a person named earlier in the same sentence, the person-like subject of one of
        the two previous sentences (or, in the nearer one with none, the last person it names),
        the last person named anywhere before.
        """
        lower = text.lower()
        if lower in _PRONOUNS:
            sentence = self.analysis.sentence_at(token.idx)
            name = None
            for start, person in self.people:
                if start >= token.idx:
                    break
                if start >= sentence.start:
                    return person
                name = person
            for back in (1, 2):
                if sentence.id - back < 0:
                    break
                subject = self.subjects.get(sentence.id - back)
                if subject:
                    return subject
                before = self.analysis.sentences[sentence.id - back]
                named = [p for start, p in self.people if before.start <= start < before.end]
                if named:
                    return named[-1]  # "..., according to head groundsman Alan Reeve. '...,'
                    # he said": the person the sentence before names, though not its subject
            return name
        if lower in _BAD_SOURCES or not any(c.isalpha() for c in text):
            return None
        return text

    def full_name(self, name: str, before: int) -> str:
        """The full name the article gave before character ``before`` for a short one: a
        surname ("Okafor", "Mr Renzi") or a first name after "Sir"/"Dame" ("Sir Michael").
        Kept as it is when no earlier name, or more than one, fits.

        >>> ctx = _Context(None, people=[(0, "Maria Okafor"), (9, "Ann Rask")])  # type: ignore
        >>> ctx.full_name("Okafor", 90), ctx.full_name("Ms Okafor", 90), ctx.full_name("Ruiz", 90)
        ('Maria Okafor', 'Maria Okafor', 'Ruiz')
        """
        words = name.split()
        title = None
        while len(words) > 1 and words[0].lower().rstrip(".") in NAME_TITLES:
            title = words.pop(0).lower().rstrip(".")
        if len(words) != 1:
            return name
        short = words[0]
        fits = set()
        for start, full in self.people:
            parts = full.split()
            while parts and parts[0].lower().rstrip(".") in NAME_TITLES | TITLES:
                parts.pop(0)  # "Ms Mitchell", "Mayor Sarah Mitchell"
            if (
                start < before
                and len(parts) >= 2
                and (parts[-1] == short or (title in ("sir", "dame") and parts[0] == short))
            ):
                fits.add(" ".join(parts))
        return fits.pop() if len(fits) == 1 else name

    @cached_property
    def subjects(self) -> dict[int, str]:
        """Person-like subject of each sentence's main verb (names, "the judge")."""
        found: dict[int, str] = {}
        for sentence in self.analysis.sentences:
            root = sentence.span.root
            subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
            if subject is None or self.in_quote(subject.idx) is not None:
                continue
            person = _person_name(subject)
            if person:
                found[sentence.id] = person
            elif subject.pos_ == "PROPN" or subject.lemma_.lower() in _PERSON_NOUNS:
                start, end = _np_text(subject)
                found[sentence.id] = self.text[start:end]
            elif subject.lower_ in _PRONOUNS and sentence.id - 1 in found:
                found[sentence.id] = found[sentence.id - 1]
        return found


def _names_a_thing(ent: SpacySpan) -> bool:
    """A name tagged as a person that qualifies a thing a possessive owns ("its Ludlow
    workshop"): a place or brand, no one who could say anything."""
    root = ent.root
    head = root.head
    return (
        root.dep_ == "compound"
        and head.pos_ == "NOUN"
        and any(c.dep_ == "poss" and c.i < ent.start for c in head.children)
    )


def extract_facts(analysis: Analysis) -> list[Fact]:
    """Return the key facts of the article, deduplicated, in document order.

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze
    >>> facts = extract_facts(analyze(from_text(
    ...     "US officials estimated that approximately 120,000 soldiers have died.")))
    >>> [(f.kind, f.text, f.attributed_to) for f in facts if f.kind == "quantity"]
    [('quantity', 'approximately 120,000 soldiers', 'US officials')]
    """
    text = analysis.article.text
    ctx = _Context(analysis, quotes=[_Quote(m.start(), m.end()) for m in _QUOTE_RE.finditer(text)])
    ctx.people = [
        (e.start_char, e.text)
        for e in analysis.doc.ents
        if e.label_ == "PERSON" and ctx.in_quote(e.start_char) is None and not _names_a_thing(e)
    ]
    facts: list[Fact] = []
    facts += _quote_facts(ctx)
    attributions = _attributions(ctx)
    facts += _attribution_facts(ctx, attributions)
    quantities = _quantities(ctx, attributions)
    facts += [q.fact for q in quantities]
    facts += _date_facts(ctx)
    facts += _role_facts(ctx)
    facts += _derived_facts(ctx, quantities)
    return _dedupe(facts)


# --- helpers ------------------------------------------------------------------------------


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace, edge punctuation and a leading "that" from ``text[start:end]``."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    if text[start : start + 5].lower() == "that ":
        start += 5
    return start, end


def _np_text(token: Token) -> tuple[int, int]:
    """Character offsets of the noun phrase headed by ``token``, without appositions or clauses."""
    start = token.left_edge.i
    end = token.i
    for child in token.rights:
        if child.dep_ in (
            "prep",
            "compound",
            "flat",
            "nummod",
            "pobj",
            "amod",
            "nmod",
            "poss",
            "case",
            "cc",
            "conj",
        ):
            if child.left_edge.i > end + 1:
                break
            end = child.right_edge.i
        else:
            break
    doc = token.doc
    while start < token.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > token.i and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    first, last = doc[start], doc[end]
    return first.idx, last.idx + len(last.text)


def _subject(token: Token) -> Token | None:
    """The subject of a verb; for a controlled verb ("prompting him to call") its controller."""
    for child in token.children:
        if child.dep_ == "nsubj":
            return child
    head = token.head
    if head == token:
        return None
    if token.dep_ == "xcomp":
        for child in head.children:
            if child.dep_ == "dobj":
                return child
    if token.dep_ in ("xcomp", "advcl", "conj"):
        for child in head.children:
            if child.dep_ == "nsubj":
                return child
    return None


def _person_name(token: Token) -> str | None:
    """The person a noun phrase names: its own PERSON entity or one in apposition."""
    ent = _entity_of(token, ("PERSON",))
    if ent is not None:
        return str(ent.text)
    for child in token.children:
        if child.dep_ == "appos":
            ent = _entity_of(child, ("PERSON",))
            if ent is not None:
                return str(ent.text)
            if child.pos_ == "PROPN" and token.pos_ == "NOUN":
                first = child.left_edge
                return str(token.doc[first.i : child.i + 1].text)
    return None


def _source(ctx: _Context, token: Token) -> str | None:
    """The source named by a subject token, with pronouns resolved and a short name ("Okafor",
    "Mr Renzi") given as the full name the article introduced ("Maria Okafor")."""
    person = _person_name(token)
    if person:
        return ctx.full_name(person, token.idx)
    start, end = _np_text(token)
    words = ctx.text[start:end].split()
    if token.pos_ == "PROPN" and len(words) > 2 and words[0].lower() in TITLES:
        while len(words) > 2 and words[0].lower() in TITLES:
            words.pop(0)  # "Mayor Ana Ruiz" -> "Ana Ruiz"
        return " ".join(words)
    first = token.doc[token.left_edge.i]
    text = ctx.text[start:end].strip()
    if first.is_sent_start and first.pos_ != "PROPN" and not first.is_upper and text[:1].isupper():
        text = text[0].lower() + text[1:]  # "Officials said" -> "officials"
    resolved = ctx.resolve(token, text)
    return ctx.full_name(resolved, token.idx) if resolved else resolved


def _sentence_of(ctx: _Context, char: int) -> Sentence:
    return ctx.analysis.sentence_at(char)


def _evidence(ctx: _Context, start: int, end: int) -> list[Span]:
    """Evidence for the characters ``start:end``: the sentence, or one span over the sentences."""
    first = ctx.analysis.sentence_at(start)
    last = ctx.analysis.sentence_at(max(end - 1, start))
    if first.id == last.id:
        return [ctx.analysis.sentence_span(first)]
    return [ctx.analysis.span(first.start, max(last.end, end))]


# --- 1. quotes ----------------------------------------------------------------------------


def _quote_facts(ctx: _Context) -> list[Fact]:
    """Direct quotes of three words or more with their speaker."""
    facts: list[Fact] = []
    doc = ctx.analysis.doc
    previous: _Quote | None = None
    for quote in ctx.quotes:
        inner = ctx.text[quote.start + 1 : quote.end - 1]
        if len(inner.split()) < 3:
            continue
        first = _sentence_of(ctx, quote.start)
        last = _sentence_of(ctx, quote.end - 1)
        end_char = last.end
        after = ctx.text[quote.end : quote.end + 3].lstrip(" ,")
        if after[:1].islower() and last.id + 1 < len(ctx.analysis.sentences):
            end_char = ctx.analysis.sentences[last.id + 1].end
        span = doc.char_span(first.start, end_char, alignment_mode="expand")
        speaker = None
        best = None
        if span is not None:
            for token in span:
                if token.lemma_.lower() not in _QUOTE_VERBS or token.pos_ not in ("VERB", "AUX"):
                    continue
                if ctx.in_quote(token.idx) is not None:
                    continue
                subject = _subject(token)
                if subject is None or ctx.in_quote(subject.idx) is not None:
                    continue
                distance = min(abs(token.idx - quote.start), abs(token.idx - quote.end))
                if best is None or distance < best[0]:
                    name = _source(ctx, subject)
                    if name:
                        best = (distance, name)
        if best is not None:
            speaker = best[1]
        elif previous is not None and previous.speaker and quote.start - previous.end < 400:
            gap = ctx.text[previous.end : quote.start]
            if "\n" not in gap.strip(" ") or len(gap) < 80:
                speaker = previous.speaker
        if speaker is None and best is None and first.start == quote.start:
            speaker = ctx.subjects.get(first.id - 1)  # "Kane said ... . \"We have ...\""
        quote.speaker = speaker
        previous = quote
        if speaker is None:
            continue
        if best is not None:
            ctx.people.append((quote.end, speaker))
            ctx.people.sort()
        facts.append(
            Fact(
                kind="quote",
                text=ctx.text[quote.start : quote.end],
                attributed_to=speaker,
                evidence=_evidence(ctx, quote.start, quote.end),
            )
        )
    return facts


# --- 2. attributions ----------------------------------------------------------------------


def _attributions(ctx: _Context) -> list[_Attribution]:
    """Who said, estimated, warned or reported what, with the claim's offsets."""
    found: list[_Attribution] = []
    for sentence in ctx.analysis.sentences:
        for token in sentence.span:
            lower = token.lower_
            if lower == "according":
                found += _according_to(ctx, sentence, token)
            elif token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS:
                if ctx.in_quote(token.idx) is not None:
                    continue
                attribution = _speech(ctx, sentence, token)
                if attribution is not None:
                    found.append(attribution)
    return found


def _according_to(ctx: _Context, sentence: Sentence, token: Token) -> list[_Attribution]:
    """ "..., according to X" or "According to X, ..."."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if pobj is None:
        return []
    source_start, source_end = _np_text(pobj)
    source = ctx.text[source_start:source_end]
    phrase_start = token.idx
    phrase_end = source_end
    before = _trim(ctx.text, sentence.start, phrase_start)
    after = _trim(ctx.text, phrase_end, sentence.end)
    claim = before if before[1] - before[0] >= after[1] - after[0] else after
    if claim[1] - claim[0] < 10:
        return []
    return [_Attribution(source, claim[0], claim[1], sentence)]


def _speech(ctx: _Context, sentence: Sentence, verb: Token) -> _Attribution | None:
    """ "X said (that) ...", "X warned of ...", "X called for ..."."""
    lemma = verb.lemma_.lower()
    subject = _subject(verb)
    if subject is None:
        return None
    source = _source(ctx, subject)
    if not source:
        return None
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if clause is not None:
        start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
    elif lemma in _OBJECT_CLAIM:
        parts = _object_claim(verb, lemma)
        if not parts:
            return None
        start = min(p.left_edge.idx for p in parts)
        last = max((p.right_edge for p in parts), key=lambda t: t.i)
        end = last.idx + len(last.text)
        first_word = ctx.text[start:end].split(" ", 1)[0].lower()
        if first_word in ("of", "for", "about", "on") and " " in ctx.text[start:end]:
            start += len(first_word) + 1
    else:
        return None
    start, end = _balance(ctx, *_trim(ctx.text, start, end))
    if end - start < 10 or start <= subject.idx < end:
        return None
    inside = ctx.in_quote(start)
    if inside is not None and inside.end >= end:
        return None  # the claim is a direct quote: a quote fact carries it
    return _Attribution(source, start, end, sentence)


def _object_claim(verb: Token, lemma: str) -> list[Token]:
    """Dependents that carry what was demanded or warned of: "called for X", "warned of X if Y"."""
    rights = list(verb.rights)
    if lemma == "call":
        anchor = next((c for c in rights if c.dep_ == "prep" and c.lower_ == "for"), None)
        if anchor is None:
            return []
        return [c for c in rights if c.i >= anchor.i and c.dep_ in ("prep", "npadvmod")]
    if lemma == "warn":
        parts = [
            c
            for c in rights
            if c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ in ("of", "about", "against"))
        ]
        if parts:
            parts += [
                c
                for c in rights
                if c.dep_ == "advcl"
                and c.i > parts[-1].i
                and any(m.lower_ in ("if", "unless") for m in c.children if m.dep_ == "mark")
            ]
        return parts
    return [c for c in rights if c.dep_ == "dobj"]


def _balance(ctx: _Context, start: int, end: int) -> tuple[int, int]:
    """Extend a claim that opens a quote to the quote's end ("the vote was \"the best...\"")."""
    for quote in ctx.quotes:
        if start <= quote.start < end < quote.end:
            return start, quote.end
    return start, end


def _attribution_facts(ctx: _Context, attributions: list[_Attribution]) -> list[Fact]:
    """One fact per attribution: the source and the claim as the article words it."""
    return [
        Fact(
            kind="attribution",
            text=ctx.text[a.claim_start : a.claim_end],
            attributed_to=a.source,
            evidence=_evidence(ctx, a.sentence.start, max(a.claim_end, a.sentence.end)),
        )
        for a in attributions
    ]


# --- 3. quantities ------------------------------------------------------------------------


def _quantities(ctx: _Context, attributions: list[_Attribution]) -> list[_Quantity]:
    """Every figure with what it counts; bare numbers with no unit are left out."""
    found: list[_Quantity] = []
    for sentence in ctx.analysis.sentences:
        for mention in find_numbers(sentence.text):
            quantity = _quantity(ctx, sentence, mention, attributions)
            if quantity is not None:
                found.append(quantity)
    return found


def _quantity(
    ctx: _Context, sentence: Sentence, rel: NumberMention, attributions: list[_Attribution]
) -> _Quantity | None:
    """Build the quantity fact for one number mention, or None if it is not a figure."""
    doc = ctx.analysis.doc
    start, end = sentence.start + rel.start, sentence.start + rel.end
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0 or not _is_figure(doc, span, rel):
        return None
    of_tok = _of_object(span)
    unit_tok, first_unit = _unit_token(doc, sentence, span, rel, of_tok)
    unit, unit_lemma, end_tok = _unit_of(doc, span, rel, unit_tok, first_unit)
    if not unit or (rel.kind == "number" and rel.value == 1 and not rel.text[0].isdigit()):
        return None  # no unit, or "one" (rarely a figure: "one of the", "One Missouri mom")
    kind = "money" if unit in _MONEY_WORDS and rel.kind == "number" else rel.kind
    per, per_lemma, end_tok = _rate(doc, sentence, end_tok, unit_tok)
    per_time = per
    per, each_of_start = _each_of(doc, sentence, end_tok, per)
    qualifier, qual_start = _qualifier(ctx, sentence, span, start)
    fact_end = max(end_tok.idx + len(end_tok.text), end)
    surface = ctx.text[qual_start:fact_end].strip()
    if "\n" in surface:
        return None
    normalized = rel.normalized
    if kind == "money" and rel.kind == "number":
        normalized = f"{canonical(rel.value)} {unit}"
    fact = Fact(
        kind="quantity",
        text=surface,
        value=rel.value,
        unit=unit,
        qualifier=qualifier,
        per=per,
        normalized=normalized,
        attributed_to=_attributed(ctx, start, attributions),
        evidence=[ctx.analysis.sentence_span(sentence)],
    )
    return _Quantity(
        fact=fact,
        start=start,
        sentence_id=sentence.id,
        mention=rel,
        stated=surface,
        unit_lemma=unit_lemma,
        per_lemma=per_lemma,
        per_time=per_time,
        each_of_start=each_of_start,
        of_lemma=of_tok.lemma_.lower() if of_tok is not None else None,
        of_plural=of_tok is not None and of_tok.tag_ in ("NNS", "NNPS"),
        subject_lemma=_subject_lemma(span.root),
    )


def _is_figure(doc: Doc, span: SpacySpan, rel: NumberMention) -> bool:
    """False for a number that is part of a date ("March 3", "2022") or an ordinal."""
    first_ent = span[0].ent_type_ or span[-1].ent_type_
    after = doc[span.end] if span.end < len(doc) else None
    if (
        first_ent in ("DATE", "TIME")
        and rel.kind == "number"
        and (after is None or after.lower_ not in _TIME_UNITS)
    ):
        return False  # part of a date, not a duration ("six years")
    return first_ent != "ORDINAL"


def _of_object(span: SpacySpan) -> Token | None:
    """The object of an "of" after the figure ("a third of the cost" -> cost)."""
    of_tok = None
    for child in span.root.children:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i >= span.end:
            of_tok = next((c for c in child.children if c.dep_ == "pobj"), None)
    return of_tok


def _unit_token(
    doc: Doc, sentence: Sentence, span: SpacySpan, rel: NumberMention, of_tok: Token | None
) -> tuple[Token | None, Token | None]:
    """The noun a figure counts (its head, the next noun, or the object of "of") and the first
    such noun before compounds are followed (not followed after a hyphen: "a 40-metre")."""
    root = span.root
    head = root.head
    after = doc[span.end] if span.end < len(doc) else None
    unit_tok: Token | None = None
    if (
        rel.kind in ("number", "fraction")
        and head.i >= span.end
        and head.i - span.end <= 4
        and head.pos_ in ("NOUN", "PROPN")
        and root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "npadvmod", "dep")
    ):
        unit_tok = head
    elif rel.kind == "number" and after is not None and after.pos_ == "NOUN" and after.i == head.i:
        unit_tok = after
    elif (rel.kind == "fraction" and of_tok is not None and of_tok.pos_ in ("NOUN", "PROPN")) or (
        rel.kind == "number"
        and rel.value > 1
        and of_tok is not None
        and of_tok.pos_ == "NOUN"
        and of_tok.i - span.end <= 4
    ):
        unit_tok = of_tok
    hyphen = False
    if after is not None and after.text == "-" and after.i + 1 < sentence.span.end:
        hyphen = True
        if rel.kind == "number" and doc[after.i + 1].pos_ == "NOUN":
            unit_tok = doc[after.i + 1]  # "a 40-metre vessel", "a two-goal lead": the measure
    first_unit = unit_tok
    while (
        not hyphen
        and unit_tok is not None
        and unit_tok.dep_ == "compound"
        and unit_tok.head.i > unit_tok.i
    ):
        unit_tok = unit_tok.head
    return unit_tok, first_unit


def _unit_of(
    doc: Doc,
    span: SpacySpan,
    rel: NumberMention,
    unit_tok: Token | None,
    first_unit: Token | None,
) -> tuple[str, str | None, Token]:
    """The unit's text and lemma, and the last token of the figure with its unit."""
    if rel.kind == "percent":
        unit = "percent"
    elif rel.kind == "money":
        unit = _CURRENCY_UNITS.get(rel.currency or "", rel.currency or "money")
    else:
        unit = ""
    end_tok = span[-1]
    unit_lemma = None
    if unit_tok is not None and first_unit is not None:
        unit = unit_tok.text if unit_tok.pos_ == "PROPN" else unit_tok.lower_
        if unit_tok.pos_ == "PROPN" and first_unit.i < unit_tok.i:
            unit = doc[first_unit.i : unit_tok.i + 1].text  # "degrees Celsius"
        unit_lemma = unit_tok.lemma_.lower()
        between = doc[span.end : unit_tok.i]
        if len(between) and between[-1].lower_ in _MEASURE_ADJ:
            unit = f"{between[-1].lower_} {unit}"
        end_tok = unit_tok
    return unit, unit_lemma, end_tok


def _rate(
    doc: Doc, sentence: Sentence, end_tok: Token, unit_tok: Token | None
) -> tuple[str | None, str | None, Token]:
    """A rate after the figure: "15 soldiers per week", "4.2 billion tonnes of ice a year",
    "$50,000 per invoice" -> (per, its lemma, the new last token)."""
    per = per_lemma = None
    j = end_tok.i + 1
    if j < sentence.span.end and doc[j].lower_ == "of" and unit_tok is not None:
        pobj = next((c for c in doc[j].children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.i - j <= 3:
            j = pobj.i + 1
    if j + 2 < sentence.span.end and doc[j].lower_ == "each" and doc[j + 1].lower_ in _RATE_MARKERS:
        j += 1  # "2,000 bags each per month"
    if j + 1 < sentence.span.end and doc[j].lower_ in _RATE_MARKERS:
        for k in (j + 1, j + 2):
            if k >= sentence.span.end:
                break
            noun = doc[k]
            if noun.pos_ == "NOUN":
                nxt = doc[k + 1] if k + 1 < len(doc) else None
                if nxt is None or nxt.lower_ not in _NOT_RATE_AFTER:
                    per = noun.lower_
                    per_lemma = noun.lemma_.lower()
                    end_tok = noun
                break
            if noun.pos_ not in ("ADJ", "NUM"):
                break
    return per, per_lemma, end_tok


def _each_of(
    doc: Doc, sentence: Sentence, end_tok: Token, per: str | None
) -> tuple[str | None, int | None]:
    """ "... from each of the republic's 36 districts": the rate "each district" and where the
    count it divides by starts."""
    for k in range(end_tok.i + 1, min(end_tok.i + 4, sentence.span.end - 1)):
        if doc[k].lower_ == "each" and doc[k + 1].lower_ == "of":
            pobj = next((c for c in doc[k + 1].children if c.dep_ == "pobj"), None)
            if pobj is not None:
                nums = [t for t in pobj.subtree if t.like_num and t.i < pobj.i]
                if nums:
                    each = f"each {pobj.lemma_.lower()}"
                    return (f"{per}, {each}" if per else each), nums[0].idx
            break
    return per, None


def _qualifier(
    ctx: _Context, sentence: Sentence, span: SpacySpan, start: int
) -> tuple[str | None, int]:
    """The qualifier before a figure ("approximately", "only", "at least", ...) and where the
    figure's text starts with it."""
    doc = ctx.analysis.doc
    prefix = ctx.text[sentence.start : start]
    m = _QUAL_RE.search(prefix, max(len(prefix) - 40, 0))  # lookbehind sees the whole prefix
    if not m:
        return None, start
    word = m["q"]
    q_start = sentence.start + m.start("q")
    q_tok = doc.char_span(q_start, q_start + len(word), alignment_mode="expand")
    if word.lower() in _AMBIGUOUS_QUALIFIERS and q_tok is not None:
        ok = q_tok.root.dep_ in ("advmod", "quantmod", "amod", "nummod") and (
            q_tok.root.head.i in range(span.start, span.end + 2)
        )
        if not ok:
            return None, start
    return word.lower(), q_start


def _attributed(ctx: _Context, start: int, attributions: list[_Attribution]) -> str | None:
    """Who the figure at ``start`` is credited to: the last attribution covering it, else the
    speaker of the quote it is in."""
    attributed = None
    for a in attributions:
        if a.claim_start <= start < a.claim_end:
            attributed = a.source
    quote = ctx.in_quote(start)
    if attributed is None and quote is not None:
        attributed = quote.speaker
    return attributed


def _subject_lemma(token: Token) -> str | None:
    """Lemma of the subject of the verb governing ``token`` ("Revenue" in "Revenue rose to ...")."""
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX"):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            return subject.lemma_.lower() if subject is not None else None
        if token.head == token:
            return None
        token = token.head
    return None


# --- 4. dates -----------------------------------------------------------------------------


def _tense(token: Token) -> Tense | None:
    """Past or future, from the verb that governs ``token`` (infinitives defer to their head)."""
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX"):
            aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
            if aux & {"will", "shall", "'ll", "could", "may", "might"}:
                return "future"
            if token.tag_ in ("VBD", "VBN") or aux & {"was", "were", "had", "did"}:
                return "past"
            if token.tag_ in ("VBZ", "VBP"):
                if token.lemma_.lower() in SPEECH_VERBS:
                    return "past"
                return None if token.dep_ == "ROOT" else "future"
        if token.head == token:
            break
        token = token.head
    return None


def _date_facts(ctx: _Context) -> list[Fact]:
    """DATE entities that normalize to a calendar date, year, month or interval."""
    ref = parse_iso(ctx.analysis.article.meta.date)
    facts: list[Fact] = []
    doc = ctx.analysis.doc
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if ent.end < len(doc) and doc[ent.end].lower_ in _RECURRING_AFTER:
            continue  # "on Friday evenings": a routine, not a date
        normalized = normalize_date(ent.text, ref, tense=_tense(ent.root))
        if normalized is None:
            continue
        start = ent.start_char
        if ent.start > 0 and doc[ent.start - 1].lower_ in _DATE_PREPOSITIONS:
            start = doc[ent.start - 1].idx
        sentence = ctx.analysis.sentence_at(ent.start_char)
        end = min(ent.end_char, sentence.end)
        facts.append(
            Fact(
                kind="date",
                text=ctx.text[start:end],
                normalized=normalized,
                evidence=[ctx.analysis.sentence_span(sentence)],
            )
        )
    return facts


# --- 5. roles -----------------------------------------------------------------------------


def _entity_of(token: Token, labels: Iterable[str] = ("PERSON", "ORG")) -> SpacySpan | None:
    """The named entity that contains ``token``, if it has one of ``labels``."""
    if not token.ent_type_ or token.ent_type_ not in labels:
        return None
    return entity_span(token)


def _second_role(child: Token, after: list[Token]) -> bool:
    """``child`` is the "and" before a second role noun ("a screenwriter and author of X")."""
    return (
        child.dep_ == "cc" and bool(after) and after[0].dep_ == "conj" and after[0].pos_ == "NOUN"
    )


def _role_span(token: Token) -> tuple[int, int]:
    """Token offsets of a role phrase without relative clauses or trailing appositions."""
    end = token.i
    rights = list(token.rights)
    for k, child in enumerate(rights):
        if child.dep_ in ("prep", "compound", "amod", "pobj", "nmod", "poss", "acl", "npadvmod"):
            end = child.right_edge.i
        elif _second_role(child, rights[k + 1 : k + 2]):
            continue  # "a screenwriter [and] author of ...": the role goes on
        elif child.dep_ == "conj" and child.pos_ == "NOUN":
            end = child.right_edge.i
        else:
            break
    start = token.left_edge.i
    doc = token.doc
    # a parenthesis is an aside: "author of X (Rizzoli, 2014)" ends before it
    end = next((t.i - 1 for t in doc[token.i + 1 : end + 1] if t.text == "("), end)
    while end > token.i and (doc[end].is_punct or doc[end].lower_ in ("who", "which")):
        end -= 1
    opened = sum(1 for t in doc[start : end + 1] if t.is_quote) % 2 == 1
    if opened and end + 1 < len(doc) and doc[end + 1].is_quote:
        end += 1  # the quotation's closing mark: "author of “Zombies on Film”"
    return start, end


def _role_facts(ctx: _Context) -> list[Fact]:
    """Roles from apposition, copula and titles before a name."""
    doc = ctx.analysis.doc
    facts: list[Fact] = []

    def add(ent: SpacySpan, role_start: int, role_end: int) -> None:
        role_first, role_last = doc[role_start], doc[role_end]
        role = ctx.text[role_first.idx : role_last.idx + len(role_last.text)]
        start = min(ent.start_char, role_first.idx)
        end = max(ent.end_char, role_last.idx + len(role_last.text))
        if not any(t.pos_ == "NOUN" or t.lower_ in TITLES for t in doc[role_start : role_end + 1]):
            return
        surface = ctx.text[start:end]
        if "\n" in surface or len(role.split()) > 14:
            return
        sentence = ctx.analysis.sentence_at(start)
        if end > sentence.end:
            return
        facts.append(
            Fact(
                kind="role",
                text=surface,
                entity=ent.text,
                role=role,
                evidence=[ctx.analysis.sentence_span(sentence)],
            )
        )

    for token in doc:
        if token.dep_ == "appos":
            head = token.head
            ent = _entity_of(head)
            if (
                ent is not None
                and _entity_of(token) is None
                and token.tag_ in ("NN", "NNP")
                and not any(c.dep_ == "nummod" for c in token.children)
            ):
                add(ent, *_role_span(token))
                continue
            person = _entity_of(token, ("PERSON",))
            if person is not None and _entity_of(head) is None and head.tag_ == "NN":
                add(person, head.left_edge.i, head.i)
        elif token.lemma_ == "be" and token.pos_ == "AUX":
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            attr = next((c for c in token.children if c.dep_ == "attr"), None)
            ent = _entity_of(subject, ("PERSON",)) if subject is not None else None
            negated = any(c.dep_ == "neg" for c in token.children)
            if ent is not None and attr is not None and attr.pos_ == "NOUN" and not negated:
                add(ent, *_role_span(attr))
    for ent in doc.ents:
        if ent.label_ != "PERSON":
            continue
        i = ent.start - 1
        members = set(range(ent.start, ent.end))
        while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod") and doc[i].head.i in members:
            members.add(i)
            i -= 1
        if i + 1 < ent.start:
            add(ent, i + 1, ent.start - 1)
    return facts


# --- 6. derived figures -------------------------------------------------------------------


def _derived_facts(ctx: _Context, quantities: list[_Quantity]) -> list[Fact]:
    """Figures the article implies (see the module docstring, step 6)."""
    facts: list[Fact] = []
    by_start = {q.start: q for q in quantities}
    for q in quantities:
        rate = q.mention.value
        if rate <= 0:
            continue
        if q.each_of_start is not None and q.each_of_start in by_start:
            units = by_start[q.each_of_start]
            if units.mention.value >= 2:
                facts.append(_product(ctx, q, units, q.per_time))
            continue
        if q.per_lemma is not None:
            for units in quantities:
                if (
                    units is not q
                    and units.unit_lemma == q.per_lemma
                    and units.each_of_start is None
                    and units.mention.kind == "number"
                    and units.mention.value >= 2
                    and (
                        units.sentence_id == q.sentence_id
                        # a span of time is taken from the rate's own sentence only
                        or (q.per_lemma not in _PER_TIME and units.sentence_id == q.sentence_id + 1)
                    )
                ):
                    facts.append(_product(ctx, q, units, units.per_time))
                    break
        if q.mention.kind in ("fraction", "percent") and q.of_lemma and rate:
            total = _total_of(ctx, q, quantities)
            if total is not None:
                facts.append(_fraction_of(ctx, q, total))
    facts += _durations(ctx, quantities)
    facts += _rate_over_duration(ctx, quantities)
    facts += _shares(ctx, quantities)
    # a figure the article states anywhere is not "implied but not stated"
    return [f for f in facts if _stated_anywhere(f, quantities) is None]


_OWN_TOTAL_RE = re.compile(
    r"^ of (?:the |its |their |his |her |our |all |all of the )?"
    rf"(?:(?:{'|'.join(sorted(QUALIFIERS, key=len, reverse=True))}) )?$",
    re.IGNORECASE,
)
"""What may stand between a share and the figure it is of: "one-third of its more than"."""


def _total_of(ctx: _Context, share: _Quantity, quantities: list[_Quantity]) -> _Quantity | None:
    """The stated total a fraction or percentage is taken of: the figure in its own "of" phrase
    ("one-third of its more than 6,000 centrifuges"), else a figure of the same noun in the same
    or a neighbouring sentence. None for a scaled number ("a quarter of a million") or a range."""
    share_end = share.start + len(share.mention.text)
    own = [
        t
        for t in quantities
        if t.sentence_id == share.sentence_id
        and t.start > share_end
        and _OWN_TOTAL_RE.match(ctx.text[share_end : t.start])
    ]
    pool = own[:1] or [
        t
        for t in quantities
        if share.of_lemma in (t.unit_lemma, t.subject_lemma)
        and abs(t.sentence_id - share.sentence_id) <= 1
        # a share of a count is of a plural ("of the inspectors"); "of the national vote" is not
        and (share.of_plural or t.mention.kind == "money")
    ]
    for total in pool:
        if (
            total is not share
            and total.mention.kind in ("number", "money")
            and total.fact.per is None
            and total.mention.high is None
            and total.mention.value > 1
            and not re.match(r"(?i)an? ", total.mention.text)
        ):
            return total
    return None


def _fraction_of(ctx: _Context, share: _Quantity, total: _Quantity) -> Fact:
    """A fraction or percentage of a stated total: "a quarter of the 120 inspectors" is 30."""
    ratio = share.mention.value
    if share.mention.kind == "percent":
        ratio /= 100
    value = ratio * total.mention.value
    unit = total.fact.unit or ""
    return _derived_fact(
        ctx,
        (share, total),
        value,
        unit,
        _qualifier_of([share.fact.qualifier, total.fact.qualifier]),
        derived_from=[share.stated, total.stated],
        derivation=(
            f"{share.mention.normalized} × {format_number(total.mention.value)}"
            f" = {format_number(value)}"
        ),
    )


_BOUND_WORDS = {
    "at_least": "at least",
    "at_most": "up to",
    "more_than": "more than",
    "less_than": "less than",
}


def _qualifier_of(factors: list[str | None], divisors: Iterable[str | None] = ()) -> str | None:
    """The qualifier a derived figure inherits: a bound on the factors of a product (or the
    numerator) carries over ("more than 6,000" x 1/3 is more than 2,000); anything else that
    is not exact makes it approximate."""
    up = {qualifier_class(q) for q in factors if q} - {"exact"}
    down = {qualifier_class(q) for q in divisors if q} - {"exact"}
    if not up and not down:
        return None
    if down or len(up) > 1 or "approximate" in up:
        return "about"
    return _BOUND_WORDS[up.pop()]


def _stated_anywhere(fact: Fact, quantities: list[_Quantity]) -> _Quantity | None:
    """The stated quantity of the same unit and value as ``fact``, if the article has one."""
    return next(
        (
            s
            for s in quantities
            if s.fact.unit == fact.unit
            and s.fact.value is not None
            and fact.value is not None
            and same_value(s.fact.value, fact.value)
        ),
        None,
    )


_PER_TIME = _words("second minute hour day week month year")


def _plural(unit: str) -> str:
    return unit if unit.endswith("s") else unit + "s"


def _derived_text(value: float, unit: str, qualifier: str | None, tail: str = "") -> str:
    """ "about 140 weeks (derived)": a rounded figure is marked approximate."""
    shown = round(value, 1)
    if qualifier is None and not same_value(shown, value, 1e-9):
        qualifier = "about"
    text = f"{format_number(shown)} {unit}{tail}".strip()
    return f"{qualifier} {text} (derived)" if qualifier else f"{text} (derived)"


def _derived_fact(
    ctx: _Context,
    inputs: tuple[_Quantity, _Quantity],
    value: float,
    unit: str,
    qualifier: str | None,
    *,
    tail: str = "",
    derived_from: list[str],
    derivation: str,
) -> Fact:
    """A derived figure computed from two stated quantities (the same one twice for a rate over
    a stated span), with the sentences of both as evidence. Shown rounded to one decimal."""
    shown = round(value, 1)
    first, second = inputs
    return Fact(
        kind="derived",
        text=_derived_text(value, unit, qualifier, tail),
        value=shown,
        unit=unit or None,
        qualifier=qualifier,
        normalized=canonical(shown),
        attributed_to=first.fact.attributed_to or second.fact.attributed_to,
        derived_from=derived_from,
        derivation=derivation,
        evidence=_pair_evidence(ctx, first, second),
    )


def _durations(ctx: _Context, quantities: list[_Quantity]) -> list[Fact]:
    """How long an amount takes at a stated rate of the same unit: "about 420 kilometres of
    drainage" at "3 kilometres a week" is about 140 weeks."""
    facts: list[Fact] = []
    for rate in quantities:
        if (
            rate.per_lemma not in _PER_TIME
            or rate.unit_lemma is None
            or rate.each_of_start is not None
            or rate.mention.value <= 0
            or " each " in f" {rate.stated.lower()} "
        ):
            continue  # "2,000 bags each per month" is a rate per member, not of the whole
        for amount in quantities:
            if (
                amount is rate
                or amount.unit_lemma != rate.unit_lemma
                or amount.fact.per is not None
                or amount.mention.kind not in ("number", "money")
                or amount.mention.value <= rate.mention.value
                or abs(amount.sentence_id - rate.sentence_id) > 1
                or _per_time_after(ctx, amount, rate)
            ):
                continue
            value = amount.mention.value / rate.mention.value
            if any(
                q.fact.unit != rate.fact.unit and same_value(q.mention.value, value)
                for q in quantities
                if abs(q.sentence_id - amount.sentence_id) <= 1
            ):
                break  # the amount is the rate times a stated count ("140 shops"), not a span
            unit = _plural(rate.per_lemma or "")
            qualifier = _qualifier_of([amount.fact.qualifier], [rate.fact.qualifier])
            years = ""
            if unit == "weeks" and value >= 104:
                years = f" (about {canonical(round(value / 52, 1))} years)"
            elif unit == "months" and value >= 24:
                years = f" (about {canonical(round(value / 12, 1))} years)"
            facts.append(
                _derived_fact(
                    ctx,
                    (amount, rate),
                    value,
                    unit,
                    qualifier,
                    tail=f" at {_stated_rate(rate)}",
                    derived_from=[amount.stated, _stated_rate(rate)],
                    derivation=(
                        f"{format_number(amount.mention.value)} ÷ "
                        f"{format_number(rate.mention.value)} = "
                        f"{format_number(round(value, 1))} {unit}{years}"
                    ),
                )
            )
            break
    return facts


_TIME_RATE_RE = re.compile(r"\b(?:per|a|an|each|every)\s+(?:day|week|month|year|hour)\b", re.I)


def _per_time_after(ctx: _Context, amount: _Quantity, rate: _Quantity) -> bool:
    """True when the amount's sentence makes it a rate too ("up to 10,000 rupees from a bank
    per day"): a "per day" after it that is not the rate's own."""
    sentence = ctx.analysis.sentences[amount.sentence_id]
    rate_span = range(rate.start, rate.start + len(rate.stated) + 1)
    return any(
        m.start() not in rate_span
        for m in _TIME_RATE_RE.finditer(ctx.text, amount.start, sentence.end)
    )


_DURATION_RE = re.compile(
    r"\b(?:over|for|during|across|within|in)\s+(?:the\s+(?:next|coming|following|first)\s+)?"
    r"(?P<n>[\w.,-]+\s+)?(?P<unit>decades?|century|centuries|years?|months?|weeks?|days?)\b",
    re.IGNORECASE,
)


def _rate_over_duration(ctx: _Context, quantities: list[_Quantity]) -> list[Fact]:
    """A rate over a stated span of time: "$45 a year ... over the next decade" is $450."""
    facts: list[Fact] = []
    for rate in quantities:
        if rate.per_lemma not in _PER_TIME or rate.each_of_start is not None:
            continue
        sentence = ctx.analysis.sentences[rate.sentence_id]
        after = rate.start + len(rate.mention.text)
        m = _DURATION_RE.search(ctx.text, after, sentence.end)
        if m is None:
            continue
        unit = m["unit"].lower()
        count = 1.0
        if m["n"]:
            numbers = find_numbers(m["n"])
            if len(numbers) != 1 or numbers[0].kind != "number":
                continue
            count = numbers[0].value
        if unit in YEARS_IN and rate.per_lemma == "year":
            count *= YEARS_IN[unit]
        elif unit.rstrip("s") != rate.per_lemma:
            continue
        if count < 2:
            continue
        span = m.group(0).split(None, 1)[1]  # "the next decade", without the preposition
        qualifier = _qualifier_of([rate.fact.qualifier])
        value = rate.mention.value * count
        unit_name = rate.fact.unit or ""
        facts.append(
            _derived_fact(
                ctx,
                (rate, rate),
                value,
                unit_name,
                qualifier,
                tail=f" over {span}",
                derived_from=[_stated_rate(rate), span],
                derivation=(
                    f"{format_number(rate.mention.value)} a {rate.per_lemma} × "
                    f"{format_number(count)} {_plural(rate.per_lemma or '')} = "
                    f"{format_number(value)}"
                ),
            )
        )
    return facts


_SHARE_LINK_RE = re.compile(r"^(?: of [^,;.]{1,40})?,? (?:or|about|roughly|some|around) ?$")
_REST_RE = re.compile(r"\b(?:the rest|the remainder|the remaining|the balance)\b", re.IGNORECASE)


def _shares(ctx: _Context, quantities: list[_Quantity]) -> list[Fact]:
    """A share stated both ways ("60 percent of the cost, or $108 million"): the whole it implies
    ($180 million) when the article does not state it, and what is left of a stated whole when
    the sentence speaks of "the rest"."""
    facts: list[Fact] = []
    for share in quantities:
        if share.mention.kind != "percent" or not 0 < share.mention.value < 100:
            continue
        sentence = ctx.analysis.sentences[share.sentence_id]
        share_end = share.start + len(share.mention.text)
        part = next(
            (
                q
                for q in quantities
                if q.sentence_id == share.sentence_id
                and q.start > share_end
                and q.mention.kind in ("number", "money")
                and q.fact.per is None
                and _SHARE_LINK_RE.match(ctx.text[share_end : q.start]) is not None
            ),
            None,
        )
        if part is None:
            continue
        ratio = share.mention.value / 100
        whole = part.mention.value / ratio
        unit = part.fact.unit or ""
        probe = Fact(kind="derived", text="", value=whole, unit=unit or None, evidence=[])
        stated = _stated_anywhere(probe, quantities)
        if stated is None:
            qualifier = _qualifier_of([part.fact.qualifier], [share.fact.qualifier])
            facts.append(
                _derived_fact(
                    ctx,
                    (part, share),
                    whole,
                    unit,
                    qualifier,
                    tail=" in all",
                    derived_from=[share.stated, part.stated],
                    derivation=(
                        f"{format_number(part.mention.value)} ÷ {share.mention.normalized} = "
                        f"{format_number(round(whole, 1))}"
                    ),
                )
            )
        elif _REST_RE.search(sentence.text):
            rest = stated.mention.value - part.mention.value
            qualifier = _qualifier_of([stated.fact.qualifier], [part.fact.qualifier])
            facts.append(
                _derived_fact(
                    ctx,
                    (part, stated),
                    rest,
                    unit,
                    qualifier,
                    tail=f", the other {canonical(100 - share.mention.value)} percent",
                    derived_from=[stated.stated, part.stated],
                    derivation=(
                        f"{format_number(stated.mention.value)} − "
                        f"{format_number(part.mention.value)} = {format_number(rest)}"
                    ),
                )
            )
    return facts


def _pair_evidence(ctx: _Context, a: _Quantity, b: _Quantity) -> list[Span]:
    """Sentence evidence covering two quantities, in order."""
    ids = sorted({a.sentence_id, b.sentence_id})
    return [ctx.analysis.sentence_span(ctx.analysis.sentences[i]) for i in ids]


_SUBUNITS = {"cents": "dollars", "pence": "pounds"}
"""A hundredth of a currency unit: a product in cents is shown in dollars."""


def _product(ctx: _Context, rate: _Quantity, units: _Quantity, per: str | None) -> Fact:
    """A rate per unit times a number of units."""
    raw = value = rate.mention.value * units.mention.value
    unit = rate.fact.unit or ""
    derivation = f"{format_number(rate.mention.value)} × {format_number(units.mention.value)}"
    derivation += f" = {format_number(raw)}"
    if unit in _SUBUNITS:
        value, unit = value / 100, _SUBUNITS[unit]
        derivation += f" {rate.fact.unit} = {format_number(value)} {unit}"
    label = f"{format_number(value)} {unit}".strip()
    if per:
        label += f" per {per}"
    qualifier = _qualifier_of([rate.fact.qualifier, units.fact.qualifier])
    return Fact(
        kind="derived",
        text=f"{qualifier} {label} (derived)" if qualifier else f"{label} (derived)",
        value=value,
        unit=unit or None,
        qualifier=qualifier,
        per=per,
        normalized=canonical(value),
        attributed_to=rate.fact.attributed_to,
        derived_from=[_stated_rate(rate), units.stated],
        derivation=derivation,
        evidence=_pair_evidence(ctx, rate, units),
    )


def _stated_rate(q: _Quantity) -> str:
    """The rate as stated, without its qualifier ("15 soldiers per week")."""
    if q.fact.qualifier and q.stated.lower().startswith(q.fact.qualifier):
        return q.stated[len(q.fact.qualifier) :].lstrip()
    return q.stated


# --- dedupe -------------------------------------------------------------------------------


def _position(fact: Fact) -> tuple[int, int, int]:
    """Sort key: where the fact's text starts in the article, then its kind."""
    first = fact.evidence[0]
    offset = first.text.find(fact.text) if fact.kind != "derived" else -1
    if offset < 0:
        offset = first.text.find(fact.derived_from[0]) if fact.derived_from else 0
    return first.start, max(offset, 0), _KIND_ORDER[fact.kind]


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """Drop repeats (same kind and content) and sort by position in the article."""
    facts.sort(key=_position)
    seen: set[tuple[str, ...]] = set()
    kept: list[Fact] = []
    for fact in facts:
        if fact.kind == "role":
            key: tuple[str, ...] = ("role", (fact.entity or "").lower(), (fact.role or "").lower())
        elif fact.kind == "date":
            key = ("date", fact.normalized or "", fact.text.lower())
        elif fact.kind in ("quantity", "derived"):
            key = (fact.kind, fact.text.lower(), fact.attributed_to or "")
        else:
            key = (fact.kind, " ".join(fact.text.lower().split()), fact.attributed_to or "")
        if key in seen:
            continue
        seen.add(key)
        kept.append(fact)
    return kept
