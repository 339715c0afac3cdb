"""Content checks: content words and events absent from the original, and trigram coverage."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsfaq.audit.align import (
    Aligner,
    WordIndex,
    content_tokens,
    derivation_key,
    norm_word,
    word_keys,
)
from newsfaq.text.nlp import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token
from newsfaq.audit.checks.attribution import _speakers
from newsfaq.audit.checks.common import (
    _ANTONYMS,
    _NUMERIC_ENTS,
    LIGHT_VERBS,
    SAY_VERBS,
    CheckResult,
    Finding,
    _join,
    _phrase,
    _quote,
)
from newsfaq.audit.checks.negation_modality import hedge_of


def _gloss_tokens(claim: SpacySpan) -> set[int]:
    """Token indices inside brackets that only explain words ("her den (a safe, hidden resting
    place)"): a gloss, not a fact of the story. Brackets with a name or a figure are kept."""
    out: set[int] = set()
    opened: int | None = None
    for t in claim:
        if t.text == "(":
            opened = t.i
        elif t.text == ")" and opened is not None:
            inner = claim.doc[opened + 1 : t.i]
            if not any(x.pos_ in {"PROPN", "NUM"} or x.like_num for x in inner):
                out |= {x.i for x in inner}
            opened = None
    return out


def _check_content(
    claim: SpacySpan,
    question: SpacySpan | None,
    evidence: Sequence[Sentence],
    ev_index: WordIndex,
    aligner: Aligner,
    out: CheckResult,
) -> None:
    glosses = _gloss_tokens(claim)
    content = [t for t in content_tokens(claim) if t.i not in glosses]
    out.content_words = len(content)
    if question is not None and len(content) < 4:
        content += content_tokens(question)
    if not content:
        out.coverage = out.doc_coverage = 1.0
        return

    def weight(t: Token) -> float:
        return 1.5 if t.pos_ in {"PROPN", "NUM"} else 0.6 if t.pos_ == "ADV" else 1.0

    total = sum(weight(t) for t in content)
    meant = _Meaning(claim, question, evidence, aligner)
    missing = [t for t in content if not aligner.doc_index.has(t) and not meant.in_evidence(t)]
    in_ev = sum(
        weight(t)
        for t in content
        if ev_index.has(t) or (not aligner.doc_index.has(t) and meant.in_evidence(t))
    )
    out.notes.extend(meant.notes())
    in_doc = total - sum(weight(t) for t in missing)
    out.coverage = in_ev / total
    out.doc_coverage = in_doc / total
    checked = _unknown_words(claim, [t for t in missing if t.doc is claim.doc])
    out.new_words = [t.pos_ for t in checked]
    out.new_share = sum(weight(t) for t in checked) / total
    root = claim.root
    if (
        root in missing
        and root.pos_ == "VERB"
        and norm_word(root.lemma_) not in LIGHT_VERBS | SAY_VERBS
        and not any(c.dep_ in {"ccomp", "xcomp"} or _purpose(c) for c in root.children)
        and not any(
            aligner.doc_index.has_word(w) for w in _ANTONYMS.get(norm_word(root.lemma_), ())
        )
        and not checked[1:]
        and not _anchored(claim, evidence)
        and not _has_counterpart(root, evidence, ev_index, out.coverage, weight(root) / total)
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
    added = next((t for t in checked if _added_to_list(t, ev_index)), None)
    if added is not None and not ((len(checked) >= 2 and frac >= 0.25) or frac >= 0.5):
        out.findings.append(
            Finding(
                "content",
                "unsupported",
                f"not in the original: {_quote(added.text)}, added to a list the original gives",
            )
        )
        return
    if (len(checked) >= 2 and frac >= 0.25) or (checked and frac >= 0.5):
        out.findings.append(
            Finding(
                "content",
                "unsupported",
                f"not in the original: {_join(t.text for t in checked[:5])}",
            )
        )


def _anchored(claim: SpacySpan, evidence: Sequence[Sentence]) -> bool:
    """The claim states a figure or date its evidence gives ("its budget has grown to 185,000
    pounds", "negotiations collapsed on Friday, May 8"): its verb is the figure's or date's
    wording, which the figure and date checks read; no event of its own (tune rewrites: 12
    faithful sentences flagged "what happened" against 2 errors, 9 of the 12 with a figure or
    date of the original)."""
    ev_text = " ".join(s.text for s in evidence)
    return any(
        (t.like_num or t.ent_type_ in {"DATE", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
        and any(c.isdigit() for c in t.text)
        and re.search(rf"(?<![\w.]){re.escape(t.text)}(?![\w])", ev_text) is not None
        for t in claim
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
            or _told_to_the_reader(t)
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


def _told_to_the_reader(tok: Token) -> bool:
    """A word of an instruction to the reader ("brace yourself for some bad news", "mark your
    calendar"): a word with no subject whose object is the reader, and the words it governs;
    a clause under it ("if you've been skating in Brackenford") is read on its own."""
    if _idiom_course(tok):
        return True  # "in the course of a year", "of course"
    for head in (tok, *tok.ancestors):
        if _instruction(head) or (head.dep_ == "prep" and addressed_to_audience(head)):
            return True  # "for the information of readers"
        if head.dep_ in _OWN_CLAUSE:
            return False
    return False


AUDIENCE_NOUNS = frozenset({"reader", "listener", "viewer", "subscriber", "follower", "folk"})
"""Nouns for the rewrite's audience ("for the information of readers"): a phrase addressed to
them states no news. ("members" and "supporters" are left out: they are often the news's own
parties.)"""


def addressed_to_audience(prep: Token) -> bool:
    """A prepositional phrase that names the rewrite's audience and nothing the news is about
    ("for the information of readers", "for our listeners"): no name, figure or date in it."""
    words = [t for t in prep.subtree if t.is_alpha or t.like_num]
    return any(
        t.pos_ == "NOUN" and norm_word(t.lemma_) in AUDIENCE_NOUNS for t in words
    ) and not any(t.like_num or t.pos_ == "PROPN" or t.ent_type_ for t in words)


def _idiom_course(tok: Token) -> bool:
    """ "course" of "in the course of" or "of course": no course of study or golf."""
    if tok.lower_ != "course":
        return False
    doc, i = tok.doc, tok.i
    before = doc[max(0, i - 2) : i].text.lower()
    after = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    return (before == "in the" and after == "of") or (i > 0 and doc[i - 1].lower_ == "of")


_OWN_CLAUSE = frozenset({"advcl", "ccomp", "conj", "relcl", "parataxis", "acl"})


def _instruction(head: Token) -> bool:
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in head.children):
        return False
    objects = [c for c in head.children if c.dep_ == "dobj"]
    return any(
        o.lower_ in {"yourself", "yourselves"} or any(p.lower_ == "your" for p in o.children)
        for o in objects
    )


def _framing_word(tok: Token) -> bool:
    """A word that frames the claim rather than states its content: a neutral reporting verb
    ("has announced", "suggests"; who says it is the attribution check's) or a verb used as a
    preposition ("following a rise")."""
    if tok.dep_ == "prep":
        return True
    lemma = norm_word(tok.lemma_)
    if lemma in _GENERIC_WORDS:
        return True
    return tok.pos_ == "VERB" and lemma in SAY_VERBS and lemma not in _STANCE_VERBS


_GENERIC_WORDS = frozenset({
    "number", "fact", "area", "day", "way", "thing", "part", "start", "finish", "able", "use",
    "hold", "stand", "affect", "severely", "bad", "worst", "turn", "take", "measure",
    "assessment", "get",
})  # fmt: skip
"""Words that state no checkable content of their own ("the number of empty posts stood at
4,010", "the worst affected areas", "from start to finish"): tune rewrites, session 14, 26
faithful sentences flagged for new content words against 13 errors."""


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


REWORDED_COVERAGE = 0.9
"""Share of a claim's other content words its evidence must state for a verb the original lacks
to count as a rewording of the evidence's own predicate ("overcame" for "beat")."""


def _has_counterpart(
    root: Token, ev: Sequence[Sentence], ev_index: WordIndex, coverage: float, root_share: float
) -> bool:
    """Whether the evidence states everything the claim says but its main verb, and has a verb
    of its own over the same participants (same subject; same object when the claim has one)
    that is no less certain: then the claim's verb rewords it ("Del Potro overcame Wawrinka" for
    "Del Potro beat Wawrinka"), it is no new event ("Ortiz resigned" where Ortiz only speaks;
    "the utility abandoned service" where it "could restore" it)."""
    if root_share >= 1.0 or coverage / (1.0 - root_share) < REWORDED_COVERAGE:
        return False
    subj = next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    obj = next((c for c in root.children if c.dep_ in {"dobj", "attr"}), None)
    if subj is None:
        return False  # "Failing to meet targets can lead to ...": no participant to compare
    if any(c.dep_ in {"acomp", "oprd"} for c in root.children):
        return True  # a linking verb ("appeared prone"): the complement says what is claimed
    # a passive claim's subject is what an active verb of the evidence acts on ("Donations were
    # shifted into an account" for "He moved donations into an account"), and the other way round
    subj_deps = {"nsubj", "nsubjpass", "agent"} | ({"dobj"} if subj.dep_ == "nsubjpass" else set())
    for sent in ev:
        for verb in sent.span:
            if verb.pos_ not in {"VERB", "AUX"} or norm_word(verb.lemma_) in SAY_VERBS:
                continue
            if hedge_of(verb) == "hedged" and hedge_of(root) != "hedged":
                continue
            if not _fills(verb, subj, subj_deps):
                continue
            if (
                obj is not None
                and not _fills(verb, obj, {"dobj", "attr", "prep", "acomp", "nsubjpass", "ccomp"})
                and derivation_key(norm_word(obj.lemma_)) != derivation_key(norm_word(verb.lemma_))
            ):
                continue  # "recorded wins" says what "won" says
            return True
    return False


def _fills(verb: Token, arg: Token, deps: set[str]) -> bool:
    """Whether a dependent of ``verb`` in one of ``deps`` names what ``arg`` names (a pronoun
    fills any person's slot)."""
    for child in verb.children:
        if child.dep_ not in deps:
            continue
        if arg.pos_ == "PRON" and (child.pos_ in {"PRON", "PROPN"} or child.ent_type_):
            return True
        idx = WordIndex()
        idx.add_all(norm_word(w.text) for w in child.subtree)
        idx.add_all(norm_word(w.lemma_) for w in child.subtree)
        if idx.has(arg) or any(idx.has(w) for w in arg.subtree if w.pos_ in {"PROPN", "NOUN"}):
            return True
    return False


def _purpose(tok: Token) -> bool:
    """An infinitive of purpose ("was held to celebrate"): what it says is the event."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def _added_to_list(tok: Token, ev_index: WordIndex) -> bool:
    """A noun the original lacks, coordinated with nouns its evidence gives ("eczema, asthma and
    digestive problems" where it lists eczema and digestive problems)."""
    if tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    head = tok
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    items = [head, *(t for t in head.subtree if t.dep_ == "conj" and t.pos_ in {"NOUN", "PROPN"})]
    others = [t for t in items if t is not tok]
    return len(others) >= 2 and all(ev_index.has(t) for t in others)


class _Meaning:
    """Content words of a claim matched by meaning (:mod:`newsfaq.audit.meaning`) with a word
    of its evidence or of the whole original, each looked up once."""

    def __init__(
        self,
        claim: SpacySpan,
        question: SpacySpan | None,
        evidence: Sequence[Sentence],
        aligner: Aligner,
    ) -> None:
        words = [t for t in claim] + (list(question) if question is not None else [])
        self._taken = frozenset(k for t in words for k in word_keys(t))
        self._within = frozenset(s.id for s in evidence)
        self._aligner = aligner
        self._claim = claim
        self._found: dict[tuple[int, int, bool], str | None] = {}

    def _lookup(self, tok: Token, within: frozenset[int] | None) -> str | None:
        key = (id(tok.doc), tok.i, within is None)
        if key not in self._found:
            self._found[key] = self._aligner.meaning.match(tok, within=within, taken=self._taken)
        return self._found[key]

    def in_evidence(self, tok: Token) -> bool:
        """Whether a word of the evidence sentences is close in meaning to ``tok``."""
        return self._lookup(tok, self._within) is not None

    def in_doc(self, tok: Token) -> bool:
        """Whether a word of the original is close in meaning to ``tok``."""
        return self._lookup(tok, None) is not None

    def notes(self) -> list[str]:
        """Readable notes of the claim's words taken for the original's ("warned" for "say")."""
        out: list[str] = []
        for (doc, i, _), word in self._found.items():
            if word is None or doc != id(self._claim.doc):
                continue
            note = f"{_quote(self._claim.doc[i].text)} read as {_quote(word)} (close in meaning)"
            if note not in out:
                out.append(note)
        return out[:3]
