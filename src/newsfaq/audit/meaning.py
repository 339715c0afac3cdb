"""Content words matched by meaning: a rewrite's word with no lexical counterpart in the original
counts as found when a word of the original is close to it in the word vectors
(:mod:`newsfaq.text.wordvec`), "warned" for "said", "legislators" for "lawmakers".

Static vectors put opposites and co-ordinate words as close as synonyms ("rose"/"fell" 0.92,
"Monday"/"Tuesday" 1.0), so a match is only tried where no check depends on the exact word:

- never for figures, dates, times, names (any entity, any capitalised word inside a sentence),
  negation, modality and hedging words, words of direction, degree or order ("more", "after",
  "higher"), family and gender nouns (the checks of those families compare them exactly);
- never between a pair of the lexicon of opposites (:data:`OPPOSITES`: rise/fall,
  approve/reject, win/lose, ...) nor between a word and its negative prefix form
  ("legal"/"illegal", "agree"/"disagree");
- one to one: a word of the original that the claim itself uses is no counterpart for another
  of its words ("the student" is not read as "the teacher" in a claim that names the teacher);
- same kind of word (a noun for a noun, a verb for a verb; adjectives and adverbs together).

The threshold (:data:`MEANING_THRESHOLD`) was chosen on the TUNE half of the shared rewrites
and our own rewrites only (bench/audit_rewrites.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsfaq.text.wordvec import word_vectors

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from spacy.tokens import Token

__all__ = ["MEANING_THRESHOLD", "OPPOSITES", "MeaningIndex", "can_match", "opposite"]

MEANING_THRESHOLD = 0.75
"""Cosine similarity (GloVe 6B 50d) at or above which two content words count as the same
content. On the TUNE parts of the shared and our own rewrites 0.60-0.75 are within two units of
each other; 0.75 keeps the shared example's commentary answer ("the importance placed on
maintaining ...": importance/concern 0.72, maintaining/emphasizing 0.72) unsupported."""

_OPPOSITE_PAIRS = (
    "rise fall",
    "rise drop",
    "rise decline",
    "increase decrease",
    "increase cut",
    "increase reduce",
    "grow shrink",
    "expand shrink",
    "expand contract",
    "gain lose",
    "win lose",
    "victory defeat",
    "win defeat",
    "success failure",
    "succeed fail",
    "approve reject",
    "accept reject",
    "accept refuse",
    "accept deny",
    "admit deny",
    "confirm deny",
    "allow ban",
    "allow forbid",
    "allow prohibit",
    "permit ban",
    "legal illegal",
    "open close",
    "open shut",
    "keep change",
    "keep lose",
    "retain change",
    "retain lose",
    "start end",
    "start finish",
    "start stop",
    "begin end",
    "begin finish",
    "arrive leave",
    "arrive depart",
    "enter exit",
    "enter leave",
    "hire fire",
    "employ fire",
    "join leave",
    "join quit",
    "buy sell",
    "purchase sell",
    "import export",
    "lend borrow",
    "give receive",
    "give take",
    "send receive",
    "win lose",
    "attack defend",
    "support oppose",
    "favor oppose",
    "favour oppose",
    "agree disagree",
    "acquit convict",
    "guilty innocent",
    "raise lower",
    "high low",
    "higher lower",
    "up down",
    "strong weak",
    "strengthen weaken",
    "big small",
    "large small",
    "long short",
    "old young",
    "old new",
    "rich poor",
    "cheap expensive",
    "full empty",
    "hot cold",
    "warm cold",
    "good bad",
    "better worse",
    "best worst",
    "easy hard",
    "easy difficult",
    "safe dangerous",
    "safe unsafe",
    "positive negative",
    "public private",
    "domestic foreign",
    "internal external",
    "male female",
    "early late",
    "first last",
    "before after",
    "past future",
    "ancient modern",
    "north south",
    "east west",
    "left right",
    "inside outside",
    "above below",
    "top bottom",
    "front back",
    "love hate",
    "like dislike",
    "praise criticize",
    "praise criticise",
    "praise condemn",
    "reward punish",
    "include exclude",
    "add remove",
    "add subtract",
    "remember forget",
    "find lose",
    "save spend",
    "save waste",
    "profit loss",
    "surplus deficit",
    "asset debt",
    "maximum minimum",
    "majority minority",
    "winner loser",
    "employer employee",
    "buyer seller",
    "teacher student",
    "doctor patient",
    "parent child",
    "landlord tenant",
    "plaintiff defendant",
    "prosecutor defendant",
    "prosecution defence",
    "prosecution defense",
    "victim suspect",
    "victim attacker",
    "guest host",
    "home away",
    "import export",
    "inflow outflow",
    "ally enemy",
    "friend enemy",
    "peace war",
    "alive dead",
    "live die",
    "survive die",
    "present absent",
    "wet dry",
    "light heavy",
    "light dark",
    "fast slow",
    "quick slow",
    "rapid slow",
    "accelerate slow",
    "boost cut",
    "tighten loosen",
    "tighten ease",
    "upgrade downgrade",
    "promote demote",
    "appoint dismiss",
    "appoint sack",
    "elect defeat",
    "pass fail",
    "pass reject",
    "sign veto",
    "launch cancel",
    "launch scrap",
    "build demolish",
    "create destroy",
    "install remove",
    "release detain",
    "release arrest",
    "free jail",
    "free imprison",
    "charge acquit",
    "encourage discourage",
    "welcome reject",
    "welcome condemn",
    "optimistic pessimistic",
    "possible impossible",
    "likely unlikely",
    "able unable",
    "willing unwilling",
)
_OPPOSITE: dict[str, frozenset[str]] = {}
for _pair in _OPPOSITE_PAIRS:
    _a, _b = _pair.split()
    _OPPOSITE[_a] = _OPPOSITE.get(_a, frozenset()) | {_b}
    _OPPOSITE[_b] = _OPPOSITE.get(_b, frozenset()) | {_a}
OPPOSITES: dict[str, frozenset[str]] = dict(_OPPOSITE)
"""Lemma -> its opposites (both directions): never matched by meaning."""

_NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non", "mis", "de")

_NEVER_WORDS = (
    # negation, modality, hedging, certainty
    "not never no none nobody nothing neither nor without lack fail refuse "
    "can could may might must shall should will would likely unlikely possible possibly "
    "probable probably perhaps maybe allegedly reportedly apparently seemingly supposedly "
    "expect expected believe suspect suspected claim claimed plan planned hope hoped "
    "confirm confirmed certain certainly definitely surely clearly officially prove proved "
    "proven deny denied allege alleged guarantee guaranteed promise promised "
    # frequency, time and order
    "always sometimes often rarely seldom usually occasionally frequently "
    "before after earlier later early late soon recently previously formerly once again "
    "first last next previous final initial former latter past future current "
    # direction, degree and quantity
    "more less most least fewer fewest higher lower highest lowest greater greatest smaller "
    "smallest larger largest bigger biggest better worse best worst "
    "up down over under above below increase decrease rise fall drop grow shrink "
    "all every each both any some many few several half double triple "
    "only just almost nearly about around approximately roughly exactly precisely "
    # times of day and calendar words
    "morning afternoon evening night noon midnight day week month year decade century "
    "today yesterday tomorrow tonight weekend "
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "june july august september october november december "
    # family and gender words, compass and sides
    "mother father son daughter husband wife brother sister boy girl man woman men women "
    "king queen grandmother grandfather aunt uncle niece nephew male female mr mrs ms "
    "north south east west northern southern eastern western left right "
    # light verbs: their sense is in their complements, their vectors are near everything
    "get make take have be do go come give put set keep see let"
)
_NEVER = frozenset(_NEVER_WORDS.split())
"""Words whose exact sense a check compares: never matched by meaning."""

_POS_CLASS = {"NOUN": "N", "VERB": "V", "ADJ": "A", "ADV": "A"}


def opposite(a: str, b: str) -> bool:
    """Whether two lemmas are opposites: listed in :data:`OPPOSITES`, or one is the other with
    a negative prefix ("legal"/"illegal", "agree"/"disagree").

    >>> opposite("rise", "fall"), opposite("legal", "illegal"), opposite("warn", "say")
    (True, True, False)
    """
    if b in OPPOSITES.get(a, ()):
        return True
    for x, y in ((a, b), (b, a)):
        for prefix in _NEGATIVE_PREFIXES:
            if x == prefix + y:
                return True
    return False


def can_match(tok: Token) -> bool:
    """Whether a token may be matched by meaning: a lower-case alphabetic content word (noun,
    verb, adjective, adverb) that is no figure, date, name, negation, modality, direction or
    family word.

    >>> from newsfaq.text.nlp import parse
    >>> [t.text for t in parse("Mayor Lee warned that prices rose on Monday.") if can_match(t)]
    ['warned', 'prices']
    """
    if tok.pos_ not in _POS_CLASS or tok.ent_type_ or tok.like_num:
        return False
    text = tok.text
    if not text.isalpha() or len(text) < 3 or not text.isascii():
        return False
    if text[0].isupper() and not tok.is_sent_start:
        return False  # a name or a Title-Case word
    if tok.tag_ in {"JJR", "JJS", "RBR", "RBS"}:
        return False  # a comparison ("higher") is the figures' and direction's business
    lemma = tok.lemma_.lower()
    return lemma not in _NEVER and tok.lower_ not in _NEVER and lemma not in OPPOSITES


@dataclass
class MeaningIndex:
    """The content words of a text that may be matched by meaning (each under its lemma and its
    inflected form, whichever the vectors place closer), with their unit vectors and the
    sentences they occur in."""

    forms: list[str] = field(default_factory=list)
    lemmas: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)
    sentences: list[frozenset[int]] = field(default_factory=list)
    matrix: npt.NDArray[np.float32] | None = None

    @classmethod
    def of(cls, tokens: Iterable[tuple[Token, int]]) -> MeaningIndex:
        """Index ``(token, sentence id)`` pairs; tokens that :func:`can_match` refuses are left
        out, as are words the vectors do not know."""
        import numpy as np

        vectors = word_vectors()
        where: dict[tuple[str, str, str], set[int]] = {}
        for tok, sid in tokens:
            if can_match(tok):
                lemma, kind = tok.lemma_.lower(), _POS_CLASS[tok.pos_]
                for form in {lemma, tok.lower_}:
                    where.setdefault((form, lemma, kind), set()).add(sid)
        index = cls()
        rows = []
        for (form, lemma, kind), sids in where.items():
            vec = vectors.vector(form)
            if vec is None:
                continue
            index.forms.append(form)
            index.lemmas.append(lemma)
            index.classes.append(kind)
            index.sentences.append(frozenset(sids))
            rows.append(vec)
        if rows:
            index.matrix = np.vstack(rows)
        return index

    def match(
        self,
        tok: Token,
        *,
        within: frozenset[int] | None = None,
        taken: Sequence[str] | frozenset[str] = frozenset(),
        threshold: float | None = None,
    ) -> str | None:
        """The indexed word closest in meaning to ``tok`` (lemma or form) at or above
        ``threshold`` (default :data:`MEANING_THRESHOLD`): of the same kind, not its opposite,
        not in ``taken`` (words the claim itself uses) and, with ``within``, occurring in one of
        those sentences; None if there is none."""
        if self.matrix is None or not can_match(tok):
            return None
        import numpy as np

        limit = MEANING_THRESHOLD if threshold is None else threshold
        lemma = tok.lemma_.lower()
        vecs = [v for w in {lemma, tok.lower_} if (v := word_vectors().vector(w)) is not None]
        if not vecs:
            return None
        sims = np.max(np.vstack(vecs) @ self.matrix.T, axis=0)
        kind = _POS_CLASS[tok.pos_]
        for row in (int(r) for r in sims.argsort()[::-1]):
            if float(sims[row]) < limit:
                return None
            other = self.lemmas[row]
            if (
                self.classes[row] != kind
                or other == lemma
                or other in taken
                or self.forms[row] in taken
                or opposite(lemma, other)
                or (within is not None and not (self.sentences[row] & within))
            ):
                continue
            return self.forms[row]
        return None
