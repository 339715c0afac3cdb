"""Shared pieces of the rule checks: the result types, word lists and small helpers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from spacy.tokens import Span

from newsfaq.audit.align import Aligner, WordIndex, content_tokens, norm_word
from newsfaq.text.facts import TITLES
from newsfaq.text.nlp import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


JOB_FUNCTIONS = frozenset({
    "operations", "operation", "project", "programme", "program", "managing", "finance",
    "financial", "marketing", "sales", "communications", "technical", "creative", "medical",
    "clinical", "research", "policy", "campaign", "campaigns", "site", "store", "branch", "area",
    "general", "deputy", "acting", "interim", "executive", "press", "news", "sports", "regional",
    "national", "commercial", "legal", "development", "production", "design", "editorial",
    "strategy", "safety", "security", "planning", "estates", "engineering", "nursing", "senior",
    "associate", "assistant", "joint", "former", "founding", "artistic", "musical", "health",
})  # fmt: skip
"""Words of a job title, not of an organisation, when they stand alone before the title
("Operations director Graham Pettifer"; "Brennmoor General chief executive" names one)."""


Severity = Literal["unsupported", "contradicted"]


NAMED = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
)


_NUMERIC_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"})


HEDGE_MODALS = frozenset({"could", "may", "might", "can", "would", "should", "ca"})


CERTAIN_MODALS = frozenset({"will", "shall", "must", "'ll", "wo"})


HONORIFICS = frozenset({"sister", "brother", "comrade"})
"""Titles a union or an order puts before a member's surname ("Sister Marsh" for "Ms Marsh")."""


KIN_PAIRS = (
    ("mother", "father"),
    ("daughter", "son"),
    ("wife", "husband"),
    ("sister", "brother"),
    ("girl", "boy"),
    ("woman", "man"),
    ("queen", "king"),
    ("grandmother", "grandfather"),
    ("aunt", "uncle"),
    ("niece", "nephew"),
)
"""Family and gender nouns, (woman's, man's): a swap of one for the other is a checkable change."""
FEMALE_NOUNS = frozenset(f for f, _ in KIN_PAIRS) | {"mum", "mom", "widow", "girlfriend"}
MALE_NOUNS = frozenset(m for _, m in KIN_PAIRS) | {"dad", "widower", "boyfriend"}


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
        "forecast",
        "predict",
        "predicted",
        "projected",
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
        "guarantee",
        "guaranteed",
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
        "describe",
        "point",  # "pointed out that ..."
        "observe",
        "caution",
        "contend",
        "assert",
        "concede",
        "remark",
        "assure",
        "reassure",
        "according",
    ]
)


FUTURE_WORDS = frozenset(
    {"upcoming", "forthcoming", "next", "coming", "scheduled", "planned", "future", "will", "'ll"}
)


_NEG_WORDS = frozenset({"not", "n't", "never", "no", "none", "nobody", "nothing", "neither", "nor"})


_AGENT, _RECIPIENT = "agent", "recipient"


_RECIPIENT_PREPS = frozenset({"for", "to", "against", "on", "at", "toward", "towards"})


@dataclass(frozen=True)
class Finding:
    """One problem found with a claim."""

    check: str
    severity: Severity
    reason: str
    counterpart: bool = False
    """The original gives another counterpart in the same place: the statement credited to, the
    role given to or the act done by another named party, another modifier of the same word.
    A checked mismatch, not a matter of wording."""
    new_content: bool = False
    """Checkable content that the whole original never gives, as specific as a name or a date:
    a figure of money, a percentage or 100 and more ("worth around £90,000")."""
    wording: bool = False
    """The mismatch may be the rewriter's wording rather than a change: the original gives the
    claim's figure in another phrase that counts nothing else ("four branches" where it has
    "four facing closure"; not "145 million of its sales" for "145 million shares"), the
    claim's speaker may describe the original's in other words ("the firm" for ClearPath, "the
    CEO" for Ms Marsh), or the original credits that sentence to no one."""


@dataclass
class CheckResult:
    """Findings and the lexical support score of one claim."""

    findings: list[Finding] = field(default_factory=list)
    coverage: float = 0.0
    doc_coverage: float = 0.0
    relations: float = 1.0
    trigrams: float = 1.0
    notes: list[str] = field(default_factory=list)
    new_words: list[str] = field(default_factory=list)
    """Part-of-speech tags of the claim's content words the original never uses (nor words
    of the same meaning), figures, framing words and speakers aside."""
    new_share: float = 0.0
    """Their weighted share of the claim's content words."""
    content_words: int = 0
    """How many content words the claim has (its question's aside)."""


def figure_token(span: SpacySpan, mention_start: int, mention_end: int) -> Token | None:
    """The head token of a figure found at characters ``mention_start:mention_end`` of the
    text of ``span`` (a :class:`newsfaq.text.numbers.NumberMention`'s offsets)."""
    chars = span.doc.char_span(
        span.start_char + mention_start, span.start_char + mention_end, alignment_mode="expand"
    )
    return chars.root if chars is not None and len(chars) else None


def across_semicolon(a: Token, b: Token) -> bool:
    """A semicolon stands between two tokens: the parse joined two clauses ("will not reopen;
    the council plans ...")."""
    lo, hi = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[lo:hi])


def noun_words(tok: Token) -> frozenset[str]:
    """The lemmas of the nouns and names of the phrase ``tok`` heads."""
    return frozenset(norm_word(t.lemma_) for t in tok.subtree if t.pos_ in {"NOUN", "PROPN"})


AFTER_TIMES = frozenset({
    "as", "the", "more", "higher", "larger", "bigger", "greater", "what", "their", "its", "his",
    "her", "our", "your",
})  # fmt: skip
"""Words after "N times" that make it a multiple ("three times as much", "five times the
figure", "three times their normal amount"), which the clause check derives from the figures it
compares, not a figure of its own."""


TITLE_SHORT = {
    "ceo": ("chief", "executive"),
    "md": ("director",),
    "cfo": ("finance", "officer"),
    "coo": ("operating", "officer"),
}
"""Titles written short, which the tagger reads as names ("the CEO said"), and words of them
spelled out."""


def untagged_proper(tok: Token) -> bool:
    """A capitalised proper noun the tagger left out of its entities."""
    return tok.pos_ == "PROPN" and not tok.ent_type_ and tok.text[:1].isupper()


_DESCRIBED_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC"})


def described_names(tok: Token) -> list[SpacySpan]:
    """The names of its text that a description by head noun may stand for: "the trust" ->
    [Carrow Valley Ambulance Trust]; empty for a word without "the", or with no such name."""
    if (
        tok.pos_ != "NOUN"
        or tok.ent_type_
        or not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    ):
        return []
    head = norm_word(tok.lemma_)
    return [
        e
        for e in tok.doc.ents
        if e.label_ in _DESCRIBED_LABELS and (w := _ent_words(e.text)) and w[-1] == head
    ]


def untagged_names(
    claim: SpacySpan, ev: Sequence[Sentence], default: str | None = None
) -> list[SpacySpan]:
    """Runs of proper nouns of the claim the tagger left out of its entities, as entities of the
    label the original's entity with those words has ("Brantmoor owns the mine", where the
    original has the ORG "Brantmoor Resources"), else of the ``default`` label (none: left
    out; the small model labels a rare name at random: a ferry PRODUCT, then WORK_OF_ART)."""
    if not ev:
        return []
    labels: dict[str, str] = {}
    for e in ev[0].span.doc.ents:
        for t in e:
            labels.setdefault(norm_word(t.text), e.label_)
    out: list[SpacySpan] = []
    for run in token_runs(claim, untagged_proper):
        label = labels.get(norm_word(run[-1].text))
        if label in {"ORG", "PERSON"}:
            out.append(Span(claim.doc, run.start, run.end, label=label))
        elif default is not None and not run[0].is_sent_start:
            out.append(Span(claim.doc, run.start, run.end, label=default))
    return out


def token_runs(
    claim: SpacySpan, keep: Callable[[Token], bool], start: int | None = None
) -> Iterator[SpacySpan]:
    """The runs of consecutive tokens of ``claim`` (from ``start``) that ``keep`` holds."""
    i = claim.start if start is None else start
    while i < claim.end:
        if not keep(claim.doc[i]):
            i += 1
            continue
        j = i
        while j < claim.end and keep(claim.doc[j]):
            j += 1
        yield claim.doc[i:j]
        i = j


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


_NOUNS = frozenset({"NOUN", "PROPN"})


def _verb_phrase(tok: Token) -> str:
    """The verb with its auxiliaries and negation, in text order ("could not face")."""
    parts = [c for c in tok.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < tok.i]
    parts.append(tok)
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def _predicates(span: Iterable[Token]) -> list[Token]:
    """Verbs and copular predicates ("was late", "was not heart failure") whose polarity and
    modality are compared."""
    out: list[Token] = []
    for t in span:
        if (
            (t.pos_ == "VERB" and t.lemma_.lower() not in {"be", "have", "do"})
            or (t.dep_ in {"acomp", "attr"} and t.head.lemma_.lower() == "be")
            or _place_copula(t)
        ):
            out.append(t)
    return out


def _prep_words(t: Token) -> set[str]:
    """Content lemmas of a copula's prepositional phrases."""
    return {
        norm_word(w.lemma_)
        for c in _state_preps(t)
        for w in c.subtree
        if w.is_alpha and not w.is_stop and w.i != c.i
    }


def _state_preps(t: Token) -> list[Token]:
    """A copula's prepositions that state where or how its subject is (not "according to")."""
    return [c for c in t.children if c.dep_ == "prep" and c.lower_ not in {"according", "for"}]


def _place_copula(t: Token) -> bool:
    """ "be" whose predicate is a phrase of place or state ("will be on tap in 2,300 bars")."""
    if t.lemma_.lower() != "be" or t.dep_ in {"aux", "auxpass"}:
        return False
    if {c.dep_ for c in t.children} & {"acomp", "attr", "xcomp", "ccomp", "expl", "oprd", "neg"}:
        return False
    preps = _state_preps(t)
    # "was in no position": the negation is the phrase's own
    return bool(preps) and not any(w.lower_ == "no" for c in preps for w in c.subtree)


def from_sentence_before(tok: Token) -> int:
    """Where the sentence before ``tok``'s sentence starts (its own start for the first)."""
    sent = tok.sent
    return tok.doc[sent.start - 1].sent.start if sent.start > 0 else sent.start


def near_words(tok: Token) -> set[str]:
    """The words of ``tok``'s sentence and of the one before it, normalised."""
    return {norm_word(t.text) for t in tok.doc[from_sentence_before(tok) : tok.sent.end]}


def shortens(short: str, word: str) -> bool:
    """``short`` (lower case) is ``word`` cut short: three or four letters that open a word at
    least three letters longer ("emp" for "employment"), or its consonants that keep its first
    and last letter ("cllr" for "councillor", "mgr" for "manager")."""
    if not 3 <= len(short) <= 4 or len(word) < len(short) + 3:
        return False
    if word.startswith(short):
        return True
    if short[0] != word[0] or short[-1] != word[-1] or any(c in "aeiou" for c in short[1:]):
        return False
    rest = iter(word[1:])
    return all(c in rest for c in short[1:])


# "X, who chairs the Y": the office the verb names
OFFICE_VERBS = {
    "chair": "chair", "head": "head", "lead": "leader", "run": "head", "own": "owner",
    "manage": "manager", "direct": "director", "found": "founder", "edit": "editor",
}  # fmt: skip


NAME_SUFFIXES = frozenset({
    "ii", "iii", "iv", "vi", "vii", "viii", "ix", "jr", "sr", "jnr", "snr",
})  # fmt: skip
"""Words after a name that many names share ("Osbert II", "Aldric II", "Jr"): they never
make two names one."""

ORG_TITLES = frozenset({
    "director", "executive", "ceo", "spokesperson", "spokesman", "spokeswoman", "chairman",
    "chairwoman", "chair", "president", "manager", "founder", "officer",
})  # fmt: skip
"""Titles of people who hold a post at an organisation and speak for it."""

OFFICE_TITLES = TITLES | ORG_TITLES | frozenset({
    "councillor", "cllr", "superintendent", "constable", "principal", "head", "leader", "mp",
    "kc", "qc", "owner", "founder", "executive", "organiser", "organizer",
})  # fmt: skip
"""Every title of an office or post a person's name may carry ("Councillor Martin Oduya",
"Superintendent Ana Ruiz"): the titles of the article's facts and the organisation titles."""


def _particle(verb: Token) -> str | None:
    """The particle of a phrasal verb ("set out": "out"), or None."""
    return next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)


_PHRASAL = {
    ("call", "off"): "cancel",
    ("put", "off"): "postpone",
    ("step", "down"): "resign",
    ("turn", "down"): "reject",
    ("shut", "down"): "close",
    ("carry", "out"): "conduct",
    ("set", "up"): "establish",
    ("give", "up"): "abandon",
    ("go", "up"): "rise",
    ("go", "down"): "fall",
    ("carry", "on"): "continue",
    ("pull", "out"): "withdraw",
    ("cut", "back"): "reduce",
    ("sign", "off"): "approve",
    ("close", "down"): "close",
}
"""Phrasal verbs and the one-word verb that says the same ("called off" / "cancel")."""


def _phrasal(tok: Token) -> str:
    """The one-word verb a phrasal verb stands for, else the token's normalised lemma."""
    lemma = norm_word(tok.lemma_)
    return _PHRASAL.get((lemma, _particle(tok) or ""), lemma)


def _same_predicate(a: Token, b: Token, index_cache: dict[int, WordIndex]) -> bool:
    place_a, place_b = _place_copula(a), _place_copula(b)
    if place_a or place_b:
        # "be on tap" is the same predicate only as another "be on tap", not any "be"
        return place_a and place_b and bool(_prep_words(a) & _prep_words(b))
    la, lb = norm_word(a.lemma_), norm_word(b.lemma_)
    if la == lb:
        # a phrasal verb is another predicate: "set out to chase" is not "a record set by"
        return _particle(a) == _particle(b)
    if _phrasal(a) == _phrasal(b) != la or _phrasal(a) == lb or _phrasal(b) == la:
        return True  # "has called off the tournament" / "would not cancel the tournament"
    idx = index_cache.get(b.i)
    if idx is None:
        idx = WordIndex()
        idx.add_all({lb, norm_word(b.text)})
        index_cache[b.i] = idx
    return idx.has_word(la)


_AMOUNT_NOUNS = frozenset({"price", "cost", "sum", "amount", "value", "fee", "total", "figure"})
"""Nouns that only say a figure is a sum of money ("Price: £11.2 million")."""
_MONEY_SIGN = re.compile(r"[£$€]|\b(?:pounds?|dollars?|euros?)\b", re.IGNORECASE)


def _other_words(claim: SpacySpan, figure: str) -> list[Token]:
    """The claim's content words other than its figures, dates and the figure's own words."""
    own = figure.lower().split()
    return [
        t
        for t in content_tokens(claim)
        if not t.like_num and t.ent_type_ not in _NUMERIC_ENTS and norm_word(t.text) not in own
    ]


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


_SCALE_WORDS = frozenset(
    {"hundred", "thousand", "million", "billion", "trillion", "percent", "per", "cent", "points"}
)


def _counted_phrase(figure: str) -> bool:
    """A figure with the noun it counts ("4,200 homes"), not a bare or scaled number."""
    words = figure.split()
    return (
        len(words) >= 2
        and any(ch.isdigit() for ch in words[0])
        and words[-1].isalpha()
        and words[-1].lower() not in _SCALE_WORDS
    )


def named_in_full(words: set[str], surname: str, doc: Doc) -> bool:
    """Some person the original names has ``surname`` as last word and every one of ``words``
    in their name ("Hannah" and "voss": the article's "Hannah Voss")."""
    for e in doc.ents:
        if e.label_ != "PERSON":
            continue
        full = _ent_words(e.text)
        if full[-1:] == [surname] and words <= set(full):
            return True
    return False


def _closed_compound_in(index: WordIndex, tok: Token) -> bool:
    """A word written closed or hyphenated that the sentence has in two words ("walkout" for
    "walk out", "48-hour" for "48 hours", "shutdown" for "shut down")."""
    word = tok.lower_
    if "-" in word:
        parts = [p for p in word.split("-") if p.isalpha() and len(p) >= 3]
        return bool(parts) and all(index.has_word(p) for p in parts)
    if not word.isalpha() or len(word) < 6:
        return False
    return any(
        index.has_word(word[:k]) and index.has_word(word[k:]) for k in range(3, len(word) - 1)
    )


def _check_binding(
    claim: SpacySpan,
    figure: str,
    homes: Sequence[int],
    aligner: Aligner,
    out: CheckResult,
    question: SpacySpan | None = None,
) -> None:
    """A figure (or date) of the claim is about something else when no sentence of the original
    that gives it (``homes``) shares another content word with the claim ("The drainage network
    flooded in 1921" where 1921 is when "records began"); an FAQ answer is read with its
    ``question`` ("When will the teachers strike?" binds "February 24" to "strikes")."""
    words = _other_words(claim, figure)
    if not words:
        return
    if _MONEY_SIGN.search(figure) and all(norm_word(t.lemma_) in _AMOUNT_NOUNS for t in words):
        return  # "Price: £11.2 million." only says that the sum is one
    asked = _other_words(question, figure) if question is not None else []
    if any(
        aligner.sentence_index[i].has(t) or _closed_compound_in(aligner.sentence_index[i], t)
        for i in homes
        for t in [*words, *asked]
    ):
        return
    # no finite main verb: "612,000 pounds over six years, by moving donations into a bank
    # account he controlled" (a verb inside a relative clause does not make it a statement)
    elliptical = claim.root.tag_ not in {"VBD", "VBZ", "VBP", "MD"} and not any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBD", "VBZ", "VBP", "MD"}
        for c in claim.root.children
    )
    if (
        elliptical
        and _counted_phrase(figure)
        and any(
            re.search(
                rf"(?<![\w,.]){re.escape(figure)}\b", aligner.analysis.sentences[i].text, re.I
            )
            for i in homes
        )
    ):
        # an answer without a verb ("4,200 homes over ten years, on three sites: ...") that
        # counts the noun the original counts: the same fact, with details from elsewhere
        return
    where = _join(_around(aligner.analysis.sentences[i].text, figure) for i in homes[:2])
    out.findings.append(
        Finding(
            "numbers",
            "unsupported",
            f"the original gives {_quote(figure)} about something else: {where}",
        )
    )


_SLOT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "DATE"})


def _slot(tok: Token) -> tuple[str, ...]:
    """Where a name sits in its sentence: its dependency and the word it hangs from (for the
    object of a preposition, also what the preposition hangs from): "based in Columbus" ->
    ("pobj", "in", "base"); a possessor is read as "of" its noun."""
    head = tok.head
    if tok.dep_ == "pobj":
        return ("pobj", norm_word(head.lemma_), norm_word(head.head.lemma_))
    if tok.dep_ == "poss" and head.pos_ in {"NOUN", "PROPN"}:
        return ("pobj", "of", norm_word(head.lemma_))  # "X's offices" sits as "offices of X"
    return (tok.dep_, norm_word(head.lemma_))


def _phrase(tok: Token) -> str:
    if tok.dep_ in {"acomp", "attr"} and tok.head != tok:
        head = tok.head
        parts = [c for c in head.children if c.dep_ in {"aux", "neg"} and c.i < tok.i]
        return " ".join(t.text for t in sorted([*parts, head, tok], key=lambda t: t.i))
    return _verb_phrase(tok)


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
    ("admit", "deny"),
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


def _stem5(word: str) -> str:
    return word[:5]
