"""Align claims to the sentences of the original: BM25 (bm25s) recall, rapidfuzz re-ranking.

Also the lexical matching shared by the checks: content words, a small table of news
paraphrases (die / lose one's life, begin / start, ...) and prefix stems (recruit / recruitment).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from newsfaq.audit.meaning import MeaningIndex
from newsfaq.text.nlp import Analysis, Sentence
from newsfaq.text.numbers import GLUED_UNITS, MULTIPLES, SCALE_SUFFIXES

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

__all__ = [
    "Aligner",
    "Alignment",
    "WordIndex",
    "content_tokens",
    "norm_word",
    "synonyms",
    "word_keys",
]

_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM", "ADV"})
# Words that carry little checkable content in a claim (fluff, hedges handled elsewhere).
_FLUFF = frozenset(
    [
        "various",
        "several",
        "many",
        "much",
        "also",
        "further",
        "including",
        "include",
        "includes",
        "included",
        "such",
        "certain",
        "particular",
        "overall",
        "approximately",
        "about",
        "around",
        "roughly",
        "nearly",
        "almost",
        "some",
        "just",
        "only",
        "even",
        "still",
        "very",
        "really",
        "well",
        "already",
        "however",
        "moreover",
        "additionally",
        "thus",
        "therefore",
        "meanwhile",
        "currently",
        "recently",
        "now",
        "then",
        "today",
        "new",
        "key",
        "main",
        "major",
        "significant",
        "important",
        "notably",
        "especially",
        "according",
        "say",
        "said",
        "says",
        "tell",
        "told",
        "state",
        "stated",
        "add",
        "added",
        "note",
        "noted",
        "report",
        "reported",
        "ongoing",
        "other",
        "another",
        "more",
        "most",
        "less",
        "least",
        "own",
        "way",
        "thing",
        "things",
        "lot",
        "lots",
    ]
)
# Small hand-written paraphrase groups common in news rewrites (lemmas, lower case).
_DEMONYM_GROUPS = (
    "america american americans",
    "argentina argentine argentinian",
    "australia australian australians",
    "austria austrian",
    "belgium belgian",
    "brazil brazilian",
    "britain british briton britons",
    "canada canadian canadians",
    "china chinese",
    "croatia croatian",
    "denmark danish dane",
    "egypt egyptian",
    "england english",
    "finland finnish finn",
    "france french frenchman",
    "germany german germans",
    "greece greek",
    "india indian indians",
    "iran iranian",
    "iraq iraqi",
    "ireland irish",
    "israel israeli",
    "italy italian italians",
    "japan japanese",
    "mexico mexican",
    "netherlands dutch",
    "norway norwegian",
    "pakistan pakistani",
    "poland polish",
    "portugal portuguese",
    "russia russian russians",
    "scotland scottish scot",
    "serbia serbian",
    "spain spanish spaniard",
    "sweden swedish swede",
    "switzerland swiss",
    "syria syrian",
    "turkey turkish",
    "ukraine ukrainian",
    "wales welsh",
)
"""A country and the adjectives and nouns of its people: the same place ("Italy's Fognini" for
"the Italian Fognini")."""

_SYNONYM_GROUPS: tuple[frozenset[str], ...] = tuple(
    frozenset(g.split())
    for g in (
        "die dead death kill killed perish fatality life lives",
        "begin start launch commence",
        "end finish conclude",
        "verify determine confirm establish ascertain",
        "difficult hard tough challenging",
        "problem issue challenge difficulty struggle trouble",
        "people person individual resident citizen",
        "increase rise grow climb jump surge",
        "decrease fall drop decline reduce cut",
        "buy purchase acquire",
        "help assist aid support",
        "show reveal indicate demonstrate",
        "try attempt seek",
        "need require",
        "big large huge",
        "small little",
        "fast quick rapid quickly rapidly swiftly",
        "allow permit",
        "ban prohibit forbid outlaw",
        "stop halt",
        "head chief leader boss director",
        "country nation",
        "child kid",
        "shop store",
        "consequence repercussion",
        "casualty loss",
        "lose loss",
        "government administration",
        "far-east east eastern",
        "soldier troop",
        "warn caution",
        "struggle fail",
        "approve back endorse adopt",
        "game match fixture",
        "crash collision accident",
        "queue line",
        "close shut",
        "passenger traveller traveler",
        "believe think",
        "usually normally typically generally ordinarily",
        "administer give",
        "offer provide",
        "girder beam",
        "crack fissure",
        "staff employee worker workforce people",
        "use consume draw",
        "announce unveil share",
        "champ champion",
        "mentor coach trainer",
        "badly poorly",
        "brew produce",
        "install fit",
        "add provide lay",
        "mother mum mom",
        "father dad",
        "boy male",
        "girl female",
        "cooperative co-operative co-op",
        "threshold mark trigger",
        "concert show gig",
        "ship vessel",
    )
) + tuple(frozenset(g.split()) for g in _DEMONYM_GROUPS)
_SYNONYM: dict[str, frozenset[str]] = {}
for _group in _SYNONYM_GROUPS:
    for _w in _group:
        _SYNONYM[_w] = _SYNONYM.get(_w, frozenset()) | _group


def synonyms(a: str, b: str) -> bool:
    """Whether two lemmas are news paraphrases of each other by the table above.

    >>> synonyms("match", "game"), synonyms("man", "woman")
    (True, False)
    """
    return b in _SYNONYM.get(a, frozenset())


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def norm_word(text: str) -> str:
    """Lower-case a word, unify quotes and drop accents ("Sánchez" is found as "sanchez").

    >>> norm_word("Sánchez’s")
    "sanchez's"
    """
    if not text.isascii():
        text = text.translate(_QUOTES)
        if not text.isascii():
            text = "".join(
                c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
            )
    return text.lower().strip()


def word_keys(tok: Token) -> set[str]:
    """The forms under which a token is matched: lower text and lemma."""
    low = norm_word(tok.lower_)
    lemma = norm_word(tok.lemma_)
    if low == lemma:
        return {low} if low else set()
    return {k for k in (low, lemma) if k}


def _idiom(tok: Token) -> bool:
    """The noun of a fixed phrase that says no more than its words ("seven games in a row":
    consecutive)."""
    i = tok.i
    doc = tok.doc
    return tok.lower_ == "row" and i >= 2 and doc[i - 1].lower_ == "a" and doc[i - 2].lower_ == "in"


def is_content(tok: Token) -> bool:
    """A token that carries checkable content."""
    if tok.is_stop or tok.is_punct or tok.is_space or tok.pos_ not in _CONTENT_POS:
        return False
    if _idiom(tok):
        return False
    low = norm_word(tok.lemma_)
    if low in _FLUFF or norm_word(tok.text) in _FLUFF:
        return False
    if tok.lower_.removesuffix(".") in _MULTIPLIERS and tok.i > 0 and tok.doc[tok.i - 1].like_num:
        return False  # the "m" of "£19m" (the "m." of "£19m." ending a sentence): part of the
        # figure, which the figure checks read
    if low in MULTIPLES:
        return False  # "double", "twice": a multiple, which the comparison check reads
    if _GLUED_FIGURE.fullmatch(tok.text):
        return False  # "780k" of "£780k", one token: the figure checks read it
    if (
        tok.lower_ in GLUED_UNITS
        and tok.i > 0
        and tok.doc[tok.i - 1].like_num
        and not tok.doc[tok.i - 1].whitespace_
    ):
        return False  # the "ha" of "3.8ha": the figure's unit, which the figure checks read
    return any(ch.isalnum() for ch in tok.text)


_MULTIPLIERS = SCALE_SUFFIXES | {"trn"}
"""Short multipliers written after a figure ("£19m", "$2 bn")."""
_GLUED_FIGURE = re.compile(r"\d[\d,.]*(?:" + "|".join(sorted(_MULTIPLIERS)) + ")", re.IGNORECASE)


def content_tokens(span: Iterable[Token]) -> list[Token]:
    """Content tokens of a span (nouns, names, verbs, adjectives, numbers; no fluff)."""
    return [t for t in span if is_content(t)]


def _stem(word: str) -> str:
    return word[:5] if len(word) >= 5 else word


_DERIVATIONAL = ("ment", "ance", "ence", "sion", "tion", "ure", "ion", "al")


def derivation_key(word: str) -> str | None:
    """A key shared by a verb and the noun made from it ("close"/"closure",
    "fail"/"failure", "refuse"/"refusal"); None for short words.

    >>> derivation_key("closure") == derivation_key("close") == derivation_key("closed")
    True
    >>> derivation_key("fail") == derivation_key("failure"), derivation_key("sure")
    (True, None)
    """
    stem = word.removesuffix("ed") if word.endswith("ed") and len(word) > 5 else word
    for suffix in _DERIVATIONAL:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 4:
            stem = stem[: -len(suffix)]
            break
    stem = stem.removesuffix("e")
    return stem if len(stem) >= 4 else None


_PARTS_RE = re.compile(r"[^\w.'&]+")
"""What splits a token into words it also stands for: hyphens and stray brackets or slashes
("far-east", "(HLN)HLN", "and/or")."""


@dataclass
class WordIndex:
    """Word forms of a text for fuzzy lookup (exact, paraphrase group, shared prefix stem)."""

    words: set[str] = field(default_factory=set)
    stems: dict[str, list[str]] = field(default_factory=dict)
    derived: set[str] = field(default_factory=set)
    _memo: dict[str, bool] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, tokens: Iterable[Token]) -> WordIndex:
        """Index the word forms of ``tokens``."""
        index = cls()
        for tok in tokens:
            if tok.is_punct or tok.is_space:
                continue
            index.add_all(word_keys(tok))
        return index

    def add_all(self, words: Iterable[str]) -> None:
        """Add word forms."""
        self._memo.clear()
        for w in words:
            if w in self.words:
                continue
            self.words.add(w)
            if "." in w.strip("."):
                self.words.add(w.replace(".", ""))  # "u.s." is also found as "us" and "u.s"
            elif w.endswith(".") and len(w) > 1:
                self.words.add(w.rstrip("."))  # "st." and "c." are also found as "st" and "c"
            if not w.isalnum():
                for part in _PARTS_RE.split(w):
                    if part and part != w:
                        self.add_all([part])
            self.stems.setdefault(_stem(w), []).append(w)
            key = derivation_key(w)
            if key:
                self.derived.add(key)

    def has(self, tok: Token) -> bool:
        """True when the token (or a paraphrase or a word of the same stem) is in the index."""
        keys = word_keys(tok)
        return any(self.has_word(k) for k in keys)

    def has_word(self, word: str) -> bool:
        """Word-level lookup used by :meth:`has`."""
        if word in self.words:
            return True
        known = self._memo.get(word)
        if known is None:
            known = self._memo[word] = self._lookup(word)
        return known

    def has_name(self, word: str) -> bool:
        """Lookup of a word of a name: its form (or a possessive or plural of it), not a word
        sharing only its first letters ("Brightwood" is not "Brightwell")."""
        if word in self.words or self._as_written(word):
            return True
        if "-" in word and all(self.has_name(p) for p in word.split("-") if p):
            return True
        for cand in self.stems.get(_stem(word), ()):
            short, long_ = sorted((word, cand), key=len)
            if long_.startswith(short) and len(long_) - len(short) <= 2:
                return True
        return False

    def _as_written(self, word: str) -> bool:
        """A paraphrase of the word by the synonym table, or the word without its dots."""
        if any(s in self.words for s in _SYNONYM.get(word, ())):
            return True
        return "." in word.strip(".") and word.replace(".", "") in self.words

    def _lookup(self, word: str) -> bool:
        if self._as_written(word):
            return True
        key = derivation_key(word)
        if key and key in self.derived:
            return True
        if "-" in word and all(self.has_word(p) for p in word.split("-") if p):
            return True
        if len(word) >= 5:
            for cand in self.stems.get(_stem(word), ()):
                common = len(_common_prefix(word, cand))
                if common >= max(5, int(0.7 * min(len(word), len(cand)))):
                    return True
        return False


def _common_prefix(a: str, b: str) -> str:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return a[:n]


def _bm25_tokens(tokens: Iterable[Token]) -> list[str]:
    out: list[str] = []
    for t in tokens:
        if t.is_punct or t.is_space or t.is_stop:
            continue
        w = norm_word(t.lemma_)
        if re.search(r"\w", w):
            out.append(_stem(w))
    return out


@dataclass(frozen=True)
class Alignment:
    """Evidence sentences for one claim, best first, with a similarity in [0, 1]."""

    sentences: list[Sentence]
    similarity: float


class Aligner:
    """BM25 index over the sentences of one analysed article; aligns claims to evidence.

    >>> from newsfaq.ingest.loader import from_text
    >>> from newsfaq.text.nlp import analyze, parse
    >>> al = Aligner(analyze(from_text("Rain fell in Oslo. The mayor resigned on Monday.")))
    >>> al.align(parse("The mayor quit on Monday.")[:]).sentences[0].id
    1
    """

    def __init__(self, analysis: Analysis) -> None:
        import bm25s

        self.analysis = analysis
        self.sentences = analysis.sentences
        n = len(self.sentences)
        keys: list[list[str]] = [[] for _ in range(n)]
        self._corpus: list[list[str]] = [[] for _ in range(n)]
        ends = [s.end for s in self.sentences]
        k = 0
        for tok in analysis.doc:
            if tok.is_punct or tok.is_space:
                continue
            while k < n - 1 and tok.idx >= ends[k]:
                k += 1
            low = tok.lower_
            lemma = tok.lemma_
            if not low.isascii():
                low = norm_word(low)
                lemma = norm_word(lemma)
            else:
                lemma = lemma.lower()
            keys[k].append(low)
            if lemma != low:
                keys[k].append(lemma)
            if not tok.is_stop and any(ch.isalnum() for ch in lemma):
                self._corpus[k].append(_stem(lemma))
        self.sentence_index: list[WordIndex] = []
        self.doc_index = WordIndex()
        for words in keys:
            index = WordIndex()
            index.add_all(words)
            self.sentence_index.append(index)
            self.doc_index.add_all(index.words)
        self._meaning: MeaningIndex | None = None
        self._bm25 = bm25s.BM25()
        if self.sentences:
            self._bm25.index([c or ["\u2205"] for c in self._corpus], show_progress=False)

    def align(
        self, claim: SpacySpan, question: SpacySpan | None = None, *, max_sentences: int = 3
    ) -> Alignment:
        """Best evidence sentences for ``claim`` (read with its FAQ ``question`` if any)."""
        if not self.sentences:
            return Alignment([], 0.0)
        tokens = list(claim) + (list(question) if question is not None else [])
        query = _bm25_tokens(tokens)
        if not query:
            return Alignment([], 0.0)
        scores = self._bm25.get_scores(query)
        top = max(float(scores.max()), 1e-9)
        order = sorted(range(len(self.sentences)), key=lambda i: -float(scores[i]))[:8]
        claim_text = claim.text
        content = content_tokens(claim) or [t for t in claim if not t.is_punct]
        ranked: list[tuple[float, int]] = []
        for i in order:
            fz = fuzz.token_set_ratio(claim_text, self.sentences[i].text) / 100.0
            cov = _coverage(content, self.sentence_index[i])
            ranked.append((0.35 * float(scores[i]) / top + 0.25 * fz + 0.4 * cov, i))
        ranked.sort(reverse=True)
        best = ranked[0][1]
        chosen = [best]
        covered = {t.i for t in content if self.sentence_index[best].has(t)}
        for _, i in ranked[1:]:
            if len(chosen) >= max_sentences:
                break
            new = {t.i for t in content if t.i not in covered and self.sentence_index[i].has(t)}
            if len(new) >= 2 or (new and len(new) >= 0.25 * len(content)):
                chosen.append(i)
                covered |= new
        sim = len(covered) / len(content) if content else 0.0
        return Alignment([self.sentences[i] for i in chosen], sim)

    @property
    def meaning(self) -> MeaningIndex:
        """The original's content words that may be matched by meaning (built on first use)."""
        if self._meaning is None:
            self._meaning = MeaningIndex.of((t, s.id) for s in self.sentences for t in s.span)
        return self._meaning

    def index_for(self, sentences: Sequence[Sentence]) -> WordIndex:
        """A word index of several evidence sentences together."""
        index = WordIndex()
        for s in sentences:
            index.add_all(self.sentence_index[s.id].words)
        return index


def _coverage(content: Sequence[Token], index: WordIndex) -> float:
    if not content:
        return 0.0
    return sum(1 for t in content if index.has(t)) / len(content)
