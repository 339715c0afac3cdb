"""Rule-based question generation over an existing spaCy parse (Heilman & Smith style).

One transformation engine serves both the FAQ (overgenerate candidates from every sentence) and
the answer-aware mode (ask about a given answer span). Nothing here re-parses text: every
transformation is done on tokens of the parse the caller already has.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsfaq.ask.qanalysis import WH_WORDS
from newsfaq.models import QAKind

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "Candidate",
    "Resolver",
    "ask_in_doc",
    "clause_head",
    "noun_phrase",
    "question_for_span",
    "sentence_candidates",
]

_SUBJ = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
_CLAUSE_DEPS = {"ROOT", "ccomp", "advcl", "conj", "relcl", "parataxis", "csubj", "pcomp"}
_AUX_DEPS = {"aux", "auxpass"}
_DROP_CHILD_DEPS = {"cc", "mark", "parataxis", "intj", "meta", "preconj", "dep"}
_DISCOURSE = {
    "also", "however", "meanwhile", "moreover", "additionally", "nevertheless", "still",
    "then", "now", "thus", "therefore", "instead", "though", "too",
}  # fmt: skip
_PRONOUNS = {
    "he", "she", "him", "her", "his", "hers", "they", "them", "their", "theirs", "it", "its",
    "himself", "herself", "themselves", "itself",
}  # fmt: skip
_PERSON_NOUNS = {
    "official", "officer", "people", "person", "man", "woman", "men", "women", "child",
    "children", "soldier", "leader", "president", "minister", "chairman", "chief", "head",
    "director", "spokesman", "spokeswoman", "spokesperson", "judge", "lawyer", "attorney",
    "player", "coach", "scientist", "researcher", "doctor", "student", "teacher", "worker",
    "resident", "voter", "citizen", "author", "writer", "king", "queen", "emperor", "pope",
    "bishop", "priest", "founder", "ceo", "executive", "manager", "member", "artist",
    "singer", "actor", "actress", "politician", "senator", "governor", "mayor", "prosecutor",
    "defendant", "witness", "victim", "analyst", "economist", "expert", "professor",
    "composer", "musician", "poet", "philosopher", "general", "commander", "captain",
    "father", "mother", "son", "daughter", "wife", "husband", "brother", "sister", "friend",
    "engineer", "inventor", "architect", "explorer", "pilot", "farmer", "fan", "candidate",
    "ruler", "monarch", "prince", "princess", "duke", "lord", "monk", "saint", "prophet",
    "missionary", "merchant", "trader", "settler", "immigrant", "colonist", "designer",
    "producer", "host", "presenter", "announcer", "commentator", "quarterback", "linebacker",
    "striker", "goalkeeper", "owner", "chemist", "reformer", "pupil", "scholar", "nurse",
    "patient", "employee", "employer", "laborer", "labourer", "slave", "servant", "proposer",
    "waiter", "headwaiter", "chancellor", "successor", "predecessor", "heir",
    "ancestor", "descendant", "speaker", "mp", "sultan", "khan",
}  # fmt: skip
_COLLECTIVE = {
    "region", "government", "country", "company", "team", "council", "city", "state",
    "party", "group", "committee", "board", "ministry", "department", "agency", "club",
    "firm", "administration", "army", "court", "bank", "university", "school", "union",
    "nation", "republic", "province", "district", "county", "parliament", "league",
}  # fmt: skip
_REPORTING = {
    "say", "tell", "warn", "estimate", "emphasize", "emphasise", "highlight", "note", "add",
    "argue", "claim", "report", "announce", "acknowledge", "state", "insist", "believe",
    "explain", "suggest", "stress", "predict", "find", "conclude", "write", "confirm",
    "deny", "admit", "allege", "reveal", "show", "think", "expect", "fear", "testify",
}  # fmt: skip
_CALL_VERBS = {"call", "ask", "appeal", "push", "press", "urge", "plead", "lobby", "campaign"}
_WHERE_PREPS = {"in", "at", "near", "inside", "outside", "across", "throughout", "within"}
_WHEN_PREPS = {"in", "on", "at", "during", "by"}
# prepositions whose phrase answers "When ...?" or "How ...?" whatever their object
_TIME_PREPS = {"during", "after", "before", "until", "till", "since", "toward", "towards"}
_MANNER_PREPS = {"as", "with", "through", "via"}
_TIME_UNITS = {"day", "week", "month", "year", "hour", "minute", "decade", "second", "century"}
_PIED_PREPS = {
    "in", "on", "during", "after", "before", "since", "until", "under", "over", "into",
    "through", "within", "between", "among", "across", "against", "at", "from",
}  # fmt: skip
_CAUSE_MARKS = {"because"}
# prepositions a question more often leaves at its end: "What do lobates feed on?"
_STRANDED_PREPS = {"on", "from", "between"}
_PLACE_NOUNS = {
    "city", "country", "region", "state", "town", "area", "village", "district", "province",
    "county", "island", "coast", "valley", "street", "building", "museum", "stadium", "park",
    "river", "lake", "sea", "ocean", "mountain", "continent", "capital", "neighborhood",
    "neighbourhood", "suburb", "port", "harbor", "harbour", "campus", "hospital", "church",
    "square", "hall", "hotel", "theatre", "theater", "palace", "castle", "cathedral", "airport",
    "library", "laboratory", "lab", "prison", "factory", "mill", "arena", "market", "temple",
    "mosque", "monastery", "abbey", "garden", "forest", "desert", "peninsula", "bay", "canyon",
    "basin", "plateau", "delta", "headquarters", "colony", "territory",
}  # fmt: skip
# verbs whose "at" phrase is an object, not a place ("looked at the map")
_AT_OBJECT_VERBS = {
    "look", "aim", "laugh", "stare", "point", "glance", "smile", "hint", "excel", "shoot",
    "marvel", "peer", "gaze", "target", "arrive", "estimate", "put", "set", "price", "value",
}  # fmt: skip
_MEASURE_ADJ = {
    "long", "old", "tall", "high", "wide", "deep", "far", "thick", "large", "big", "heavy",
    "short", "away", "broad", "young",
}  # fmt: skip
_CLASS_NOUNS = _PLACE_NOUNS | {
    "kingdom", "empire", "dynasty", "province", "state", "university", "college", "company",
    "band", "film", "show", "series", "book", "novel", "album", "song", "term", "word", "battle",
    "war", "treaty", "festival", "party", "group", "tribe", "family", "house", "order", "team",
    "club", "language", "organization", "organisation", "program", "programme", "station",
    "network", "channel", "ship", "game", "award", "prize", "title", "city-state", "republic",
}  # fmt: skip
_TITLES = {
    "king", "queen", "emperor", "empress", "pope", "sir", "lord", "lady", "prince", "princess",
    "duke", "duchess", "president", "dr", "mr", "mrs", "ms",
    "bishop", "cardinal", "count", "countess", "baron", "senator", "governor", "chancellor",
    "professor", "father", "reverend", "rev", "admiral", "colonel", "major", "sultan", "khan",
    "archduke", "archbishop", "tsar", "czar", "shah", "emir", "caliph", "pharaoh", "marquis",
    "earl", "viscount", "saint",
}  # fmt: skip
# job words written lower-case before a name (titles such as Judge, Councillor, Dr stay)
_ROLE_NOUNS = {
    "winger", "striker", "defender", "midfielder", "forward", "goalkeeper", "keeper",
    "fullback", "coach", "manager", "player", "spokesman", "spokeswoman", "spokesperson",
    "lawyer", "attorney", "prosecutor", "analyst", "economist", "researcher", "scientist",
    "resident", "actor", "actress", "singer", "author", "writer", "teacher", "student",
    "defendant", "witness", "victim", "director", "teammate", "midfield", "farmer",
    "engineer", "nurse", "driver", "rider", "runner", "batsman", "bowler", "pitcher",
    "quarterback", "historian", "activist", "campaigner", "chef", "owner",
}  # fmt: skip
_NAME_ENTS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"}
_NO_SPACE_BEFORE = re.compile(r"\s+([,.;:?!%]|'s|’s|n't|’)(?=\s|$|[,.;:?!])")


@dataclass
class Candidate:
    """One generated question with its answer (character offsets into the parsed doc)."""

    question: str
    kind: QAKind
    answer_start: int
    answer_end: int
    sent: Span = field(repr=False)
    weight: float = 1.0
    answer: str = ""
    tok_start: int = 0
    tok_end: int = 0


class Resolver:
    """Simple antecedent rules for he/she/him/his and they/their over one parsed doc.

    >>> from newsfaq.text.nlp import parse
    >>> doc = parse("Jane Roe won the vote. She thanked the council.")
    >>> Resolver(doc).person(doc[5])
    'Roe'
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.resolve_it = False
        self.topic_fallback = False
        self.sents = list(doc.sents)
        self.quoted: set[int] = set()
        inside = False
        for t in doc:
            if t.text in {"“", "”", '"'} or (t.text == "''" or t.text == "``"):
                inside = t.text in {"“", "``"} or (t.text == '"' and not inside)
                continue
            if t.is_space and "\n" in t.text:
                inside = False
            if inside:
                self.quoted.add(t.i)
        self.surnames: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) >= 1 and ent[-1].pos_ == "PROPN":
                self.surnames[ent[-1].text] = ent[-1].text
        # names in apposition with a person noun: "Hallam's lawyer, Caroline Dufresne"
        for t in doc:
            if t.pos_ == "PROPN" and (
                (t.dep_ == "appos" and _is_person(t.head))
                or any(c.dep_ == "appos" and _is_person(c) for c in t.children)
            ):
                self.surnames[t.text] = t.text

    def _is_person_mention(self, tok: Token) -> bool:
        if tok.pos_ != "PROPN":
            return False
        if tok.ent_type_ == "PERSON":
            return (
                tok.ent_iob_ != "B"
                or tok.i + 1 >= len(self.doc)
                or (
                    self.doc[tok.i + 1].ent_type_ != "PERSON" or self.doc[tok.i + 1].ent_iob_ == "B"
                )
            )
        return tok.text in self.surnames

    def _window(self, tok: Token, back: int) -> Iterable[Token]:
        sents = self.sents
        idx = next((k for k, s in enumerate(sents) if s.start <= tok.i < s.end), 0)
        for k in range(idx, max(idx - back - 1, -1), -1):
            s = sents[k]
            end = tok.i if k == idx else s.end
            for i in range(end - 1, s.start - 1, -1):
                yield self.doc[i]

    def person(self, tok: Token) -> str | None:
        """Name of the nearest person mentioned before ``tok`` (within three sentences)."""
        for cand in self._window(tok, 3):
            if cand.i in self.quoted and tok.i not in self.quoted:
                continue
            if self._is_person_mention(cand):
                return cand.text
        if self.topic_fallback:
            # the person the text is about: the most mentioned one before ``tok``
            counts: dict[str, int] = {}
            for t in self.doc[: tok.i]:
                if (
                    t.dep_ in {"nsubj", "nsubjpass"}
                    and t.tag_ == "NNP"
                    and t.ent_type_ in {"PERSON", "ORG", ""}
                    and re.fullmatch(r"[A-Z][\w'-]+", t.text) is not None
                    and t.i not in self.quoted
                ):
                    counts[t.text] = counts.get(t.text, 0) + 1
            if counts:
                return max(counts, key=lambda k: counts[k])
        return None

    def thing(self, tok: Token) -> str | None:
        """Nearest singular non-person subject before ``tok``: what "it" most often refers to."""
        for cand in self._window(tok, 2):
            if cand.dep_ not in {"nsubj", "nsubjpass"} or cand.pos_ not in {"NOUN", "PROPN"}:
                continue
            if cand.tag_ in {"NN", "NNP"} and not _is_person(cand) and cand.ent_type_ != "PERSON":
                return noun_phrase(cand)
        return None

    def group(self, tok: Token) -> tuple[str, bool] | None:
        """Nearest subject a plural pronoun can refer to: (noun phrase, is_singular)."""
        for cand in self._window(tok, 2):
            if cand.dep_ not in {"nsubj", "nsubjpass"} or cand.pos_ not in {"NOUN", "PROPN"}:
                continue
            if cand.ent_type_ in {"CARDINAL", "PERCENT", "QUANTITY", "MONEY", "PERSON"}:
                continue
            plural = cand.tag_ in {"NNS", "NNPS"}
            if plural or cand.lemma_.lower() in _COLLECTIVE or cand.ent_type_ == "ORG":
                return noun_phrase(cand), not plural
        return None


def noun_phrase(tok: Token) -> str:
    """A compact text for the noun phrase headed by ``tok`` (no clauses or appositives).

    >>> from newsfaq.text.nlp import parse
    >>> noun_phrase(parse("The old bridge, which opened in 1900, closed.")[2])
    'the old bridge'
    """
    keep = [t for t in tok.lefts if t.dep_ not in {"punct", "cc", "preconj"}]
    toks: list[Token] = []
    for t in keep:
        toks.extend(t.subtree)
    toks.append(tok)
    for t in tok.rights:
        if t.dep_ in {"prep", "compound", "nummod"}:
            toks.extend(t.subtree)
        else:
            break
    toks.sort(key=lambda t: t.i)
    toks = [t for t in toks if t.i not in _side_ids(tok)]
    return _join(
        [(_lower_first(t, t.text) if k == 0 else t.text, t.whitespace_) for k, t in enumerate(toks)]
    )


def _side_ids(tok: Token, keep: set[int] | None = None) -> set[int]:
    """Non-restrictive appositives and relative clauses (set off by a comma) under ``tok``."""
    out: set[int] = set()
    doc = tok.doc
    for t in tok.subtree:
        if t.dep_ not in {"appos", "relcl", "acl"} and not (
            t.dep_ == "conj"
            and t.pos_ in {"NOUN", "PROPN", "NUM"}
            and doc[t.left_edge.i - 1].lower_ == "or"
        ):
            continue
        start = t.left_edge.i
        if start == 0 or (doc[start - 1].text != "," and doc[start - 1].lower_ != "or"):
            continue
        ids = {x.i for x in t.subtree}
        if keep and ids & keep:
            continue
        out |= ids | {start - 1}
        if doc[start - 1].lower_ == "or" and start >= 2 and doc[start - 2].text == ",":
            out.add(start - 2)
        end = t.right_edge.i + 1
        if end < len(doc) and doc[end].text == "," and end < tok.sent.end:
            out.add(end)
    return out


def _sub(tok: Token) -> list[Token]:
    """The subtree of ``tok`` in text order (spaCy's order breaks on non-projective arcs)."""
    return sorted(tok.subtree, key=lambda t: t.i)


def _join(pieces: Sequence[tuple[str, str]]) -> str:
    """Join (text, trailing whitespace) pieces and tidy spacing around punctuation."""
    out = "".join(text + (ws or "") for text, ws in pieces)
    out = re.sub(r"\s+", " ", out).strip()
    out = _NO_SPACE_BEFORE.sub(r"\1", out)
    out = re.sub(r"\s+([,.;:?!])", r"\1", out)
    out = re.sub(r"([“(])\s+", r"\1", out)
    out = re.sub(r",\s*,", ",", out)
    out = re.sub(r"\(\s*\)|\[\s*\]", "", out)
    out = re.sub(r"\s+([,.;:?!])", r"\1", out)
    return out.strip(" ,;:")


def _subject(head: Token) -> list[Token] | None:
    """The subject tokens of clause ``head`` (borrowed from the governing verb if needed)."""
    t: Token | None = head
    seen = 0
    while t is not None and seen < 6:
        for c in t.children:
            if c.dep_ in _SUBJ:
                side = _side_ids(c)
                return [x for x in _sub(c) if x.i not in side]
        ctrl = _object_control(t)
        if ctrl is not None:
            return _sub(ctrl)
        if t.dep_ in {"conj", "xcomp", "advcl"} and t.head.i != t.i:
            t = t.head
            seen += 1
            continue
        return None
    return None


def _aux(head: Token) -> list[Token]:
    """Auxiliaries of ``head`` that precede it, in order (not the infinitive marker "to")."""
    return [c for c in head.lefts if c.dep_ in _AUX_DEPS and c.tag_ != "TO"]


def _tense_tag(head: Token) -> str:
    """A finite tag (VBD/VBZ/VBP) for do-support when ``head`` carries no tense itself."""
    t = head
    if _object_control(head) is not None:
        return "VBD"
    for _ in range(6):
        if t.tag_ in {"VBD", "VBZ", "VBP"}:
            return t.tag_
        auxes = _aux(t)
        if auxes and auxes[0].tag_ in {"VBD", "VBZ", "VBP"}:
            return auxes[0].tag_
        if t.tag_ == "VBN" and not auxes:
            return "VBD"
        if t.head.i == t.i:
            break
        t = t.head
    return "VBZ"


def _third_singular(lemma: str) -> str:
    """Third-person singular present of a verb lemma ("fail" -> "fails", "try" -> "tries").

    English 3sg morphology is regular apart from be/have, so a rule is exact here and avoids
    loading lemminflect's tables (over a second) on the FAQ's hot path.
    """
    low = lemma.lower()
    if low in {"be", "have"}:
        return {"be": "is", "have": "has"}[low]
    if re.search(r"(s|sh|ch|x|z|o)$", low):
        return lemma + "es"
    if re.search(r"[^aeiou]y$", low):
        return lemma[:-1] + "ies"
    return lemma + "s"


def _singular_finite(tok: Token) -> str:
    """The third-person singular form of a finite verb or auxiliary."""
    low = tok.lower_
    table = {"are": "is", "were": "was", "have": "has", "do": "does", "'re": "is", "’re": "is"}
    if low in table:
        return table[low]
    if tok.tag_ == "VBP":
        return _third_singular(tok.lemma_)
    return tok.text


def _role_before_name(tok: Token) -> bool:
    """A job word the model folded into the name that follows it: "Winger Kofi Mensah"."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return (
        tok.lower_ in _ROLE_NOUNS
        and nxt is not None
        and (nxt.pos_ == "PROPN" or nxt.ent_type_ == "PERSON")
        and nxt.is_title
    )


def _lower_first(tok: Token, text: str) -> str:
    """Lower-case a sentence-initial word that is not a name (nor a title before one)."""
    # the small model sometimes tags a sentence-initial adjective as a PERSON ("Frozen meals")
    misread = tok.ent_type_ == "PERSON" and tok.pos_ in {"ADJ", "NOUN", "VERB"}
    if tok.pos_ in {"ADP", "DET"} and not tok.ent_type_ and text.istitle():
        return text.lower()  # "In 1978" moved to the end of a question
    if text == "I" or (
        (tok.pos_ == "PROPN" or tok.ent_type_ in _NAME_ENTS)
        and not _role_before_name(tok)
        and not misread
    ):
        return text
    doc = tok.doc
    j = tok.i
    while j > 0 and not doc[j].is_sent_start:
        j -= 1
        if not (doc[j].is_space or doc[j].is_punct):
            return text
    if text in _capitalized_inside(doc):
        return text  # written with a capital inside a sentence too: a name the tagger missed
    return text[:1].lower() + text[1:]


def _capitalized_inside(doc: Doc) -> frozenset[str]:
    """Capitalized words that stand inside a sentence somewhere in ``doc`` (kept per doc)."""
    cached = doc.user_data.get("newsfaq_capitalized")
    if isinstance(cached, frozenset):
        return cached
    words = frozenset(
        t.text
        for t in doc
        if t.i > 0
        and not t.is_sent_start
        and t.is_title
        and t.is_alpha
        and not doc[t.i - 1].is_punct
        and not doc[t.i - 1].is_space
    )
    doc.user_data["newsfaq_capitalized"] = words
    return words


def _object_control(t: Token) -> Token | None:
    """The object that is the understood subject of an xcomp: "prompting *him* to call"."""
    if t.dep_ != "xcomp":
        return None
    objs = [c for c in t.head.children if c.dep_ == "dobj" and c.i < t.i]
    return objs[0] if objs else None


def clause_head(tok: Token) -> Token:
    """The verb heading the clause that contains ``tok``.

    >>> from newsfaq.text.nlp import parse
    >>> clause_head(parse("Officials said prices rose sharply.")[4]).text
    'rose'
    """
    t = tok
    while True:
        if (
            t.i != tok.i
            and t.pos_ in {"VERB", "AUX"}
            and (t.dep_ in _CLAUSE_DEPS or t.head.i == t.i or _object_control(t) is not None)
            and (t.dep_ != "pcomp" or any(c.dep_ in _SUBJ for c in t.children))
        ):
            return t
        if t.head.i == t.i:
            return t
        t = t.head


def _attribution(head: Token, resolver: Resolver | None) -> str | None:
    """Source of a reported clause: X in "X said (that) <clause>"."""
    if head.dep_ != "ccomp":
        return None
    verb = head.head
    if verb.lemma_.lower() not in _REPORTING:
        return None
    subj = [c for c in verb.children if c.dep_ in {"nsubj"}]
    if not subj:
        return None
    s = subj[0]
    if s.lower_ in _PRONOUNS or s.tag_ in {"PRP", "WP", "WDT"}:
        if resolver is not None and s.lower_ in {"he", "she"}:
            return resolver.person(s)
        return None
    return noun_phrase(s)


@dataclass
class _Plan:
    """What to remove, what to put in front, and how to rewrite one clause."""

    head: Token
    wh: str
    remove: set[int]
    subject_question: bool = False
    overrides: dict[int, str] = field(default_factory=dict)
    suffix: str = ""
    budget: int = 0
    adverbial: bool = False
    # the noun a participle clause modifies, which the question makes its subject
    carrier: Token | None = None


def _clause_tokens(head: Token, keep: set[int], adverbial: bool = False) -> list[Token]:
    """Tokens of the clause headed by ``head``, without side clauses and leading adjuncts.

    ``adverbial`` keeps an adverbial clause that follows the verb ("occurs [when ...]").
    """
    subj = [c for c in head.children if c.dep_ in _SUBJ]
    subj_i = subj[0].left_edge.i if subj else head.i
    drop: set[int] = set()
    fronted: list[Token] = []
    for c in head.children:
        sub = {t.i for t in c.subtree}
        if sub & keep:
            continue
        if _movable_front_adjunct(c, subj_i):
            fronted.extend(_sub(c))
            drop |= sub
            nxt = c.doc[c.right_edge.i + 1] if c.right_edge.i + 1 < len(c.doc) else None
            if nxt is not None and nxt.text == "," and nxt.head.i == head.i:
                drop.add(nxt.i)
            continue
        if (
            c.dep_ in _DROP_CHILD_DEPS
            or (c.dep_ == "aux" and c.tag_ == "TO" and not subj)
            or (
                c.dep_ == "prep"
                and any(
                    g.dep_ == "pcomp" and any(s.dep_ == "nsubj" for s in g.children)
                    for g in c.children
                )
            )
            or (c.dep_ == "advcl" and (c.i < head.i or not adverbial))
            or (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"})
            or (c.dep_ in {"advmod"} and c.lower_ in _DISCOURSE)
            or (c.i < subj_i and c.dep_ in {"prep", "npadvmod", "advmod", "punct", "ccomp"})
            or (
                c.i > subj_i
                and c.left_edge.i > 0
                and c.doc[c.left_edge.i - 1].text == ","
                and (
                    c.dep_ in {"npadvmod", "advmod", "appos", "dep", "oprd", "prep", "acomp"}
                    or (
                        c.dep_ == "dobj"
                        and any(d.dep_ == "dobj" and d.i < c.i for d in head.children)
                    )
                )
                and not c.lower_.startswith("accord")
            )
        ) or c.dep_ == "conj":
            drop |= sub
    drop |= _side_ids(head, keep)
    toks = [t for t in _sub(head) if t.i not in drop and not t.is_space]
    while toks and toks[0].dep_ == "punct" and toks[0].i not in keep:
        toks.pop(0)
    while toks and toks[-1].dep_ == "punct" and toks[-1].i not in keep:
        toks.pop()
    return toks + fronted


def _movable_front_adjunct(c: Token, subj_i: int) -> bool:
    """A short time or place phrase before the subject, which the question keeps at its end."""
    if c.i >= subj_i or c.dep_ not in {"prep", "npadvmod"} or c.lower_ in _DISCOURSE:
        return False
    sub = _sub(c)
    if len(sub) > 6 or any(t.pos_ in {"VERB", "AUX", "PRON"} for t in sub):
        return False
    return any(t.ent_type_ in {"DATE", "TIME", "GPE", "LOC", "EVENT"} for t in sub)


_ADJUNCT_DEPS = {"prep", "npadvmod", "advmod", "advcl", "dative", "agent"}


def _clause_verbs(head: Token, present: set[int]) -> list[Token]:
    """``head`` and the verbs of the complement clauses it keeps (ccomp, xcomp, and so on)."""
    out = [head]
    for v in out:
        out.extend(
            c
            for c in v.children
            if c.i in present and c.pos_ in {"VERB", "AUX"} and c.dep_ in {"ccomp", "xcomp"}
        )
    return out


def _predicate_prep(verb: Token, present: set[int]) -> int:
    """The prepositional phrase that is a copula's predicate ("was [among the best]"), or -1.

    Without it the question would ask nothing: "What was?".
    """
    complements = {"dobj", "attr", "acomp", "ccomp", "xcomp", "oprd", "dative"}
    if verb.lemma_ != "be" or any(c.dep_ in complements and c.i in present for c in verb.children):
        return -1
    preps = [c for c in verb.rights if c.dep_ == "prep" and c.i in present]
    return preps[0].i if preps else -1


def _compress(toks: list[Token], head: Token, keep: set[int], budget: int) -> list[Token]:
    """Drop adjuncts, then the later members of lists, then NP modifiers, farthest from the
    answer first, to budget."""
    present = {t.i for t in toks}
    doc = head.doc
    center = sum(keep) / len(keep) if keep else head.i
    groups: list[list[set[int]]] = [[], []]
    for verb in _clause_verbs(head, present):
        predicate = _predicate_prep(verb, present - keep)
        for c in verb.children:
            if c.i == predicate:
                continue
            if c.dep_ in _ADJUNCT_DEPS or (
                verb.i != head.i and c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
            ):
                groups[0].append({t.i for t in c.subtree})
    for t in toks:
        if t.dep_ in {"acl", "relcl", "appos"} or (
            t.dep_ == "prep" and t.head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}
        ):
            groups[1].append({x.i for x in t.subtree})
    # before NP modifiers, the later members of a list: "the Caucasus, North Africa and the
    # Horn" (a modifier narrows its noun; a list member only adds a parallel one)
    groups.insert(
        1,
        [
            _conjunct_ids(t)
            for t in toks
            if t.dep_ == "conj"
            and t.pos_ in _NOMINAL
            and t.head.pos_ in _NOMINAL
            and t.head.dep_ not in {"compound", "amod", "nmod", "npadvmod"}
            and _clean_list(t)
        ],
    )
    for group in groups:
        group.sort(key=lambda ids: -abs(sum(ids) / len(ids) - center))
        for ids in group:
            if len(present - keep) <= budget:
                return [t for t in toks if t.i in present]
            if ids & keep or not ids & present or head.i in ids:
                continue
            # a preposition is kept with its object: drop the whole phrase at once
            present -= ids
            # tidy a comma left dangling before the removed phrase
            j = min(ids) - 1
            if j >= 0 and doc[j].text == "," and j in present:
                present.discard(j)
    return [t for t in toks if t.i in present]


_NOMINAL = {"NOUN", "PROPN", "NUM"}


def _clean_list(conj: Token) -> bool:
    """Every member of the list ``conj`` belongs to follows a comma or a conjunction; a member
    glued to the word before ("wine and food festival") is a misread compound."""
    doc = conj.doc
    top = conj
    while top.dep_ == "conj" and top.head.i != top.i:
        top = top.head
    return all(
        doc[t.left_edge.i - 1].is_punct or doc[t.left_edge.i - 1].dep_ in {"cc", "preconj"}
        for t in top.subtree
        if t.dep_ == "conj"
    )


def _conjunct_ids(conj: Token) -> set[int]:
    """A later member of a list with the comma or "and" that joins it to the one before."""
    ids = _subtree_ids(conj)
    doc = conj.doc
    j = conj.left_edge.i - 1
    while j > conj.head.i and (
        doc[j].is_punct or doc[j].dep_ in {"cc", "preconj"} or doc[j].lower_ in {"as", "well"}
    ):
        ids.add(j)
        j -= 1
    return ids


def _realize(plan: _Plan, resolver: Resolver | None) -> str | None:
    """Apply subject-aux inversion / do-support and linearise the question."""
    head = plan.head
    keep = set(plan.remove)
    toks = _clause_tokens(head, keep, plan.adverbial)
    subj = _subject(head) if plan.carrier is None else _carrier_subject(plan.carrier, head)
    # a bracketed aside never goes into a question: "the Football Conference (NFC) champion"
    asides = _asides(list(toks) + (subj or []), keep) | _examples(list(toks) + (subj or []), keep)
    toks = [t for t in toks if t.i not in asides]
    if plan.budget:
        toks = _compress(toks, head, keep, plan.budget)
    if subj is None:
        return None
    subj_ids = {t.i for t in subj}
    own_subject = bool(subj_ids & {t.i for t in head.subtree})
    overrides = dict(plan.overrides)
    for t in [*toks, *subj]:
        if (
            t.dep_ == "det"
            and t.lower_ in _DEICTIC_DETS
            and t.i not in overrides
            and t.ent_type_ not in {"DATE", "TIME"}  # "this week" is a date
            and t.head.lemma_.lower() not in _TIME_NOUNS
        ):
            # a stand-alone question has no "this" to point at: "this process" -> "the process"
            overrides[t.i] = "the"
    # pronoun subjects and possessives: resolve or give up
    for t in list(toks) + ([] if own_subject else subj):
        if t.i in plan.remove or t.i in overrides:
            continue
        low = t.lower_
        if t.tag_ not in {"PRP", "PRP$"} or low not in _PRONOUNS:
            continue
        name: str | None = None
        singular = True
        if resolver is not None:
            if low in {"he", "she", "him", "her", "his"}:
                name = resolver.person(t)
            elif low in {"they", "their"}:
                found = resolver.group(t)
                if found is not None:
                    name, singular = found
            elif low in {"it", "its"} and resolver.resolve_it and t.dep_ != "expl":
                name = resolver.thing(t)
        if name is None:
            continue  # left for the dangling-pronoun filter
        if t.tag_ == "PRP$" and t.i not in subj_ids and _same_np(name, subj):
            continue  # "Harvard ended its program": the subject is its antecedent
        if t.tag_ == "PRP$" or low == "his":
            name = name + "'s"
        overrides[t.i] = name
        if singular and t.dep_ in {"nsubj", "nsubjpass"} and t.head.tag_ == "VBP":
            overrides[t.head.i] = _singular_finite(t.head)
    # relative pronoun subjects: the noun the clause modifies
    for t in subj:
        if (
            t.tag_ in {"WDT", "WP"}
            and t.dep_ in _SUBJ
            and t.head.dep_ == "relcl"
            and t.head.i not in subj_ids
        ):
            overrides[t.i] = noun_phrase(t.head.head)

    if any(
        t.tag_ in {"WDT", "WP", "WP$"} and t.i not in overrides and t.i not in plan.remove
        for t in toks
        if t.head.i == head.i or t.head.head.i == head.i
    ):
        return None  # a relative or interrogative word would be left inside the question
    pieces: list[tuple[str, str]] = [(plan.wh, " ")]

    def emit(seq: Iterable[Token], skip: set[int]) -> None:
        last = -2
        kept = [t for t in seq if t.i not in plan.remove and t.i not in skip]
        stranded = _stranded_commas(kept)
        for t in kept:
            if t.i in stranded:
                continue
            text = overrides.get(t.i, t.text)
            if t.i not in overrides:
                text = _lower_first(t, text)
            if last >= 0 and t.i != last + 1 and not pieces[-1][1] and not t.is_punct:
                pieces[-1] = (pieces[-1][0], " ")  # a token was taken out between these two
            pieces.append((text, t.whitespace_ or ""))
            last = t.i

    if plan.subject_question:
        finite = _aux(head)
        target = finite[0] if finite else head
        if target.tag_ not in {"VBD", "VBZ", "VBP", "MD"}:
            return None
        plural_attr = head.lemma_ == "be" and any(
            c.dep_ == "attr" and c.tag_ in {"NNS", "NNPS"} for c in head.children
        )
        if (
            (target.tag_ == "VBP" or target.lower_ == "were")
            and target.i not in overrides
            and plan.wh in {"who", "what"}
            and not plural_attr
        ):
            overrides[target.i] = _singular_finite(target)
        if not own_subject:
            return None
        emit(toks, set())
    else:
        if any(t.i in plan.remove and t.dep_ in _SUBJ for t in subj):
            return None
        auxes = _aux(head)
        finite_tok: Token | None = None
        moved: str
        if auxes:
            finite_tok = auxes[0]
            moved = overrides.get(finite_tok.i, finite_tok.lower_)
            if moved in {"'s", "’s"}:
                moved = "is" if finite_tok.lemma_ == "be" else "has"
            elif moved in {"'re", "’re"}:
                moved = "are"
            elif moved in {"'ve", "’ve"}:
                moved = "have"
            elif moved in {"'ll", "’ll"}:
                moved = "will"
        elif head.lemma_ == "be" and head.tag_ in {"VBD", "VBZ", "VBP"}:
            finite_tok = head
            moved = overrides.get(head.i, head.lower_)
            if moved in {"'s", "’s"}:
                moved = "is"
        elif plan.carrier is not None:
            moved = _carrier_finite(plan.carrier, head, dated=plan.wh.endswith("when"))
            if head.tag_ == "VBG":
                overrides[head.i] = plan.overrides.get(head.i, head.lemma_)
            det = [c for c in plan.carrier.children if c.dep_ == "det" and c.lower_ in {"a", "an"}]
            if det:
                overrides[det[0].i] = "the"  # "a festival called X" -> "was the festival called"
        else:
            tag = head.tag_ if head.tag_ in {"VBD", "VBZ", "VBP"} else _tense_tag(head)
            if head.i in overrides and head.i not in plan.overrides and tag == "VBP":
                tag = "VBZ"  # a pronoun subject resolved to a singular name
            moved = {"VBD": "did", "VBZ": "does", "VBP": "do"}[tag]
            if not own_subject and tag == "VBP" and _singular_subject(subj, overrides):
                moved = "does"
            elif moved == "does" and _plural_subject(subj, overrides):
                moved = "do"
            if head.lemma_ == "be" and head.i not in plan.overrides:
                # no do-support for "be": "Tesla was to be a consultant" -> "What was Tesla?"
                moved = {"did": "was", "does": "is", "do": "are"}[moved]
                overrides[head.i] = ""
            else:
                overrides[head.i] = plan.overrides.get(head.i, head.lemma_)
        pieces.append((moved, " "))
        subj_text_pieces: list[tuple[str, str]] = []
        kept = {t.i for t in toks}
        clauses = {x.i for t in subj if t.dep_ in {"relcl", "acl", "appos"} for x in t.subtree}
        prev: Token | None = None
        for t in subj:
            if t.i in plan.remove or t.i in asides:
                continue
            if plan.budget and own_subject and t.i not in kept and t.i in clauses:
                continue  # a clause in the subject, compressed away
            if prev is not None and t.i != prev.i + 1 and not (t.is_punct or prev.is_punct):
                subj_text_pieces[-1] = (subj_text_pieces[-1][0], " ")  # a gap: keep a space
            prev = t
            if t.i in overrides:
                subj_text_pieces.append((overrides[t.i], t.whitespace_ or " "))
            else:
                subj_text_pieces.append((_lower_first(t, t.text), t.whitespace_ or ""))
        if subj_text_pieces:
            last = subj_text_pieces[-1]
            subj_text_pieces[-1] = (last[0], " ")
        pieces.extend(subj_text_pieces)
        skip = set(subj_ids)
        if finite_tok is not None:
            skip.add(finite_tok.i)
        emit(toks, skip)
    text = _join(pieces)
    if plan.suffix and plan.suffix.split(" ", 2)[-1].lower() not in text.lower():
        text = _join([(text, ""), (", " + plan.suffix, "")])
    if not text:
        return None
    text = _drop_unclosed(text)
    if not text:
        return None
    return _finish(text)


_DEICTIC_DETS = {"this", "these", "that", "those"}
# nouns that "this" makes a date of ("so far this season")
_TIME_NOUNS = _TIME_UNITS | {
    "season", "time", "morning", "afternoon", "evening", "night", "weekend", "summer",
    "winter", "spring", "autumn", "fall", "term", "era", "period", "quarter", "semester",
}  # fmt: skip
_DANGLING_WORDS = {"and", "or", "but", "nor", "the", "a", "an"}


def _finish(text: str) -> str | None:
    """Tidy a question's residue and end it with "?"; None when no content is left.

    Removes empty quotes and bracketed notes, a comma after the wh-word, and coordinators or
    determiners left dangling at the end once the phrase they introduced was taken out.

    >>> _finish('What did the league stress "", as well as')
    'What did the league stress?'
    >>> _finish("What ), is") is None
    True
    """
    text = re.sub(r"\[[^\[\]]*\]|\[[^\]]*$|\S*\]", "", text)
    text = _drop_unopened(re.sub(r'(""|“”|‘’|\(\s*\))', "", text))
    if not _quote_balance(text):
        text = re.sub(r'\s*["“”]\s*', " ", text)  # a quotation cut in two: no quotes
    text = re.sub(r"^(\w+(?: \w+)?)\s*[,;:]+\s*", r"\1 ", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r",?\s+(?:as well,? as|such as|including)\W*$", "", text)
    words = text.rstrip(" ,;:.!\"“”'‘’-—–?").split()
    while len(words) > 1 and words[-1].strip(",;:") in _DANGLING_WORDS:
        words.pop()
    text = _join([(" ".join(words), "")]).rstrip(" ,;:.!\"“”'‘’-—–")
    if len(words) < 2 or not _content_words(" ".join(words[1:])):
        return None
    return text[0].upper() + text[1:] + "?"


# words that carry no content of their own in a question ("What is it?" asks nothing)
_FUNCTION_WORDS = _PRONOUNS | WH_WORDS | _DANGLING_WORDS | {
    "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done",
    "doing", "has", "have", "had", "having", "will", "would", "can", "could", "may", "might",
    "must", "shall", "should", "this", "that", "these", "those", "there", "here", "of", "in",
    "on", "at", "to", "for", "from", "by", "with", "into", "about", "as", "so", "not", "also",
    "one", "ones", "some", "any", "all", "such", "than", "then", "if", "because", "since",
    "i", "we", "you", "us", "me", "our", "your", "my", "many", "much", "etc", "else",
}  # fmt: skip


def _content_words(text: str) -> int:
    """Words of ``text`` that are not function words ("Who stated?" has one)."""
    return sum(1 for w in re.findall(r"[\w'-]+", text.lower()) if w not in _FUNCTION_WORDS)


def _stranded_commas(toks: Sequence[Token]) -> set[int]:
    """Commas next to a phrase that was taken out ("announced [on Monday], that ...")."""
    out: set[int] = set()
    for k, t in enumerate(toks):
        if t.text != ",":
            continue
        gap_before = k == 0 or toks[k - 1].i != t.i - 1
        gap_after = k == len(toks) - 1 or toks[k + 1].i != t.i + 1
        if gap_before or gap_after:
            out.add(t.i)
    return out


def _drop_unopened(text: str) -> str:
    """Drop closing brackets whose opening one was taken out: "What ), is" -> "What , is"."""
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            if not depth:
                continue
            depth -= 1
        out.append(ch)
    return "".join(out)


def _drop_unclosed(text: str) -> str:
    """Cut a bracket left unclosed at the end: "a cameo in (as a conductor" -> "a cameo in"."""
    while text.count("(") > text.count(")"):
        text = text[: text.rindex("(")].rstrip(" ,;:")
    return text


def _asides(toks: Sequence[Token], keep: set[int]) -> set[int]:
    """Indices of the bracketed groups among ``toks`` (brackets included) that hold no answer."""
    out: set[int] = set()
    group: set[int] = set()
    depth = 0
    for t in sorted(toks, key=lambda t: t.i):
        if t.text in {"(", "["}:
            depth += 1
        if depth:
            group.add(t.i)
        if t.text in {")", "]"} and depth:
            depth -= 1
            if not depth:
                out |= group if not group & keep else set()
                group = set()
    return out | (group if not group & keep else set())  # a bracket left open at the end


def _examples(toks: Sequence[Token], keep: set[int]) -> set[int]:
    """Indices of example lists that hold no answer: "groups [such as the Taliban]", "cities
    [including Paris]", "animals [like dogs]"; a question names the class, not its examples."""
    out: set[int] = set()
    for t in toks:
        if t.dep_ != "prep":
            continue
        such_as = t.lower_ == "as" and any(c.lower_ == "such" for c in t.children)
        like = t.lower_ == "like" and t.head.pos_ in {"NOUN", "PROPN"}
        if such_as or like or t.lower_ == "including":
            ids = _subtree_ids(t)
            if ids & keep:
                continue
            out |= ids
            doc, left, right = t.doc, min(ids) - 1, max(ids) + 1
            if left >= 0 and doc[left].text == ",":
                out.add(left)  # the commas that set the list off go with it
                if right < len(doc) and doc[right].text == ",":
                    out.add(right)
    return out


def _same_np(name: str, subj: Sequence[Token]) -> bool:
    """The resolved antecedent is (the head of) the question's own subject."""
    text = " ".join(t.text for t in subj).lower()
    low = name.lower()
    return bool(text) and (low in text or text.endswith(low.split()[-1]))


def _singular_subject(subj: Sequence[Token], overrides: dict[int, str]) -> bool:
    heads = [t for t in subj if t.dep_ in _SUBJ]
    if not heads:
        return False
    h = heads[0]
    if h.i in overrides:
        return not overrides[h.i].endswith("s")
    return h.tag_ in {"NN", "NNP"} and not any(c.dep_ == "conj" for c in h.children)


def _plural_subject(subj: Sequence[Token], overrides: dict[int, str]) -> bool:
    """The subject is a plural noun phrase ("packets", "the farmers")."""
    heads = [t for t in subj if t.dep_ in _SUBJ]
    return bool(heads) and heads[0].i not in overrides and heads[0].tag_ in {"NNS", "NNPS"}


def _is_person(tok: Token) -> bool:
    if tok.ent_type_ == "PERSON":
        return True
    if tok.lower_ in {"he", "she", "him", "her", "who", "whom"}:
        return True
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    return lemma in _PERSON_NOUNS or (
        len(lemma) > 5 and lemma.endswith(("ist", "ician", "ologist", "arian"))
    )


def _span_root(toks: Sequence[Token]) -> Token:
    ids = {t.i for t in toks}
    roots = [t for t in toks if t.head.i not in ids or t.head.i == t.i]
    return roots[0] if len(roots) == 1 else min(roots, key=lambda t: t.i if t else 0)


def _subtree_ids(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def _number_tokens(noun: Token) -> list[Token]:
    """The number (with its qualifier) that counts ``noun``: "approximately 120,000"."""
    nums = [c for c in noun.children if c.dep_ == "nummod" and c.pos_ == "NUM"]
    if not nums or noun.ent_type_ in {"CARDINAL", "DATE", "MONEY", "PERCENT", "TIME"}:
        return []
    toks: list[Token] = []
    for n in nums:
        toks.extend(t for t in n.subtree if t.dep_ != "punct" or t.i not in {n.left_edge.i})
    return sorted(toks, key=lambda t: t.i)


def _labels_noun(noun: Token, num_ids: set[int]) -> bool:
    """A number before a singular noun names it rather than counting it ("a 5K camera")."""
    nums = [noun.doc[i] for i in num_ids]
    return (
        noun.tag_ in {"NN", "NNP"}
        and noun.is_alpha
        and len(noun.text) > 2  # not a unit symbol ("lb", "°C")
        and noun.ent_type_ not in {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY"}
        and not any(t.lower_ in {"1", "one", "a", "an"} for t in nums)
        and noun.i > 0
        and noun.doc[noun.i - 1].text not in {"-", "–"}
    )


def _counted_ids(noun: Token, ans_ids: set[int]) -> set[int]:
    """What a "how many <noun>" question takes out: the noun phrase, except a place or time
    phrase after the noun, which stays where it is ("How many beds are there in the ward?")."""
    stays = {
        t.i
        for c in noun.rights
        if c.dep_ == "prep" and c.lower_ in _WHERE_PREPS | _WHEN_PREPS and c.i not in ans_ids
        for t in c.subtree
    }
    return _subtree_ids(noun) - stays


def _how_many_wh(noun: Token, number_ids: set[int]) -> str:
    """ "how many Russian soldiers" from the noun phrase without its determiner and number."""
    toks = [
        t
        for t in _sub(noun)
        if t.i not in number_ids
        and t.dep_ not in {"det", "predet", "poss", "case", "advmod"}
        and t.head.dep_ not in {"poss"}
        and (t.i <= noun.i or (t.head.i == noun.i and t.dep_ in {"compound"}))
    ]
    of_mass = _of_mass(noun)
    if of_mass:
        toks += of_mass  # "how many kilometres of drainage", "how many tonnes of ice"
    hyphenated = False
    while toks and toks[0].text in {"-", "–"}:
        toks.pop(0)
        hyphenated = True
    pieces = [(t.text, t.whitespace_) for t in toks]
    if hyphenated and toks and toks[0].tag_ == "NN" and toks[0].is_alpha:
        # "a 39-yard field goal" -> "how many yards"
        pieces = [(_plural(toks[0].text), " ")]
    return "how many " + _join(pieces)


def _of_mass(noun: Token) -> list[Token]:
    """ "of X" after a measure noun when X is a bare noun: what is measured ("kilometres [of
    drainage]", "tonnes [of ice]"), which belongs in the "how many" phrase."""
    for c in noun.rights:
        if c.dep_ != "prep" or c.lower_ != "of":
            continue
        objs = [g for g in c.children if g.dep_ == "pobj"]
        if len(objs) != 1 or objs[0].pos_ != "NOUN" or objs[0].ent_type_:
            return []
        sub = _sub(c)
        if len(sub) > 3 or any(t.dep_ in {"det", "poss", "prep", "relcl", "acl"} for t in sub[1:]):
            return []
        return sub
    return []


def _plural(noun: str) -> str:
    """Regular English plural of a count noun ("yard" -> "yards", "city" -> "cities")."""
    if re.search(r"(s|sh|ch|x|z)$", noun):
        return noun + "es"
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + "s"


def _answer_wh(
    ans: Sequence[Token], root: Token, resolver: Resolver | None = None
) -> tuple[str, QAKind]:
    """Choose the wh-word from the answer's entity type, head noun and preposition."""
    label = root.ent_type_
    first = ans[0].lower_
    dated = any(t.ent_type_ in {"DATE", "TIME"} for t in ans[1:4])
    if (first == "because" and len(ans) > 2) or (
        first == "due" and len(ans) > 1 and ans[1].lower_ == "to"
    ):
        return "why", "why"
    if root.dep_ == "prep" and root.i == ans[0].i:
        # the answer is a whole prepositional phrase: its object decides
        objs = [c for c in root.children if c.dep_ == "pobj"]
        obj_label = objs[0].ent_type_ if objs else ""
        if obj_label in {"DATE", "TIME"} or dated:
            if first in {"since", "until", "till", "for"}:
                return "how long", "when"
            return "when", "when"
        if first in _WHERE_PREPS | {"near", "along", "among"} and (
            obj_label in {"GPE", "LOC", "FAC"} or first != "in" or (objs and _is_place(objs[0]))
        ):
            return "where", "where"
        if first == "by" and objs == [] and any(c.dep_ == "pcomp" for c in root.children):
            return "how", "other"
        if (
            first in {"by", "via", "through"}
            and root.head.pos_ in {"VERB", "AUX"}
            and objs
            and obj_label
            not in {"PERSON", "ORG", "NORP", "PERCENT", "MONEY", "QUANTITY", "CARDINAL"}
            and not _is_person(objs[0])
        ):
            return "how", "other"  # "[by experience]", "[through the post]"
        # otherwise the preposition's own sense: a "What" cannot stand for a whole phrase
        if first in _TIME_PREPS:
            return "when", "when"  # "[after the war]"
        if first in _WHERE_PREPS | {"between"} and root.head.pos_ in {"VERB", "AUX"}:
            return "where", "where"  # "kept [in a drawer]"
        if first in _MANNER_PREPS and root.head.pos_ in {"VERB", "AUX"}:
            return "how", "other"  # "worked [as a clerk]", "opened [with a key]"
    if (
        label == "PERSON"
        or (_is_person(root) and not _role_predicate(root))
        or _titled_name(ans, root)
        or (resolver and root.text in resolver.surnames)
        or (label == "NORP" and root.tag_ in {"NNS", "NNPS"})
        or (label == "ORG" and root.dep_ == "pobj" and root.head.dep_ == "agent")
    ):
        return "who", "who"  # an organisation that acts ("was signed by [the council]") too
    if label in {"DATE", "TIME"}:
        if root.dep_ in {"dobj", "attr", "nsubj", "nsubjpass", "appos", "conj"}:
            units = {"day", "week", "month", "year", "hour", "minute", "decade", "second"}
            if any(t.lemma_.lower() in units for t in ans) and any(t.like_num for t in ans):
                return "how long", "when"
            return "what", "what"
        return "when", "when"
    if label == "MONEY":
        return "how much", "how_much"
    if label == "PERCENT":
        return "what percentage", "how_much"
    if (label in {"CARDINAL", "QUANTITY"} or not label) and all(
        t.pos_ in {"NUM", "SYM", "PUNCT"} for t in ans
    ):
        return "how many", "how_many"
    return "what", "what"


def question_for_span(
    sent: Span,
    start: int,
    end: int,
    resolver: Resolver | None = None,
    *,
    attribution: bool = True,
    strict: bool = True,
    budget: int = 0,
    adverbial: bool = False,
    participle: bool = False,
) -> tuple[str, QAKind] | None:
    """Ask the question whose answer is tokens ``start:end`` (doc indices) of ``sent``.

    Returns the question and its kind, or None when no transformation applies. ``budget``
    (words) compresses the clause; ``adverbial`` keeps an adverbial clause after its verb;
    ``participle`` asks within the participle clause that holds the answer, with the noun it
    modifies as its subject ("a bridge built in [1900]" -> "When was the bridge built?").

    >>> from newsfaq.text.nlp import parse
    >>> doc = parse("The Kremlin aims to avoid unpopular policy moves.")
    >>> question_for_span(next(doc.sents), 5, 8)
    ('What does the Kremlin aim to avoid?', 'what')
    """
    doc = sent.doc
    ans = [t for t in doc[start:end] if not t.is_space]
    while ans and ans[-1].is_punct:
        ans.pop()
    while ans and ans[0].is_punct:
        ans.pop(0)
    if not ans:
        return None
    root = _span_root(ans)
    ans_ids = {t.i for t in ans}
    # a determiner left outside the answer goes with it ("the [BBC]")
    ans_ids |= {c.i for t in ans for c in t.children if c.dep_ in {"det", "predet"} and c.i < t.i}
    if not strict:
        defined = _definition_question(root, ans, ans_ids, resolver)
        if defined is not None:
            return defined
    if not strict and root.dep_ == "pobj" and root.head.dep_ == "agent":
        active = _passive_to_active(root, ans_ids, resolver)
        if active is not None:
            return active
    wh, kind = _answer_wh(ans, root, resolver)
    if root.pos_ in {"NOUN", "PROPN"} and root.i in ans_ids:
        # modifiers the answer leaves out would be stranded: "opposed religious [fanaticism]";
        # a class noun among them names the answer's type: "Egyptian president [Nasser]"
        stranded = sorted(
            (
                t
                for c in root.lefts
                if c.dep_ in {"amod", "compound", "nmod", "poss"} and c.i not in ans_ids
                for t in c.subtree
            ),
            key=lambda t: t.i,
        )
        class_nouns = [t for t in stranded if t.pos_ == "NOUN" and t.dep_ == "compound"]
        if (
            root.pos_ == "PROPN"
            and class_nouns
            and not strict
            and kind == "what"
            and all(t.dep_ != "poss" and t.tag_ != "POS" for t in stranded)
        ):
            wh_words = [
                (t.text if t.pos_ == "PROPN" or t.ent_type_ else t.lower_, t.whitespace_)
                for t in stranded
                if t.dep_ not in {"det", "predet", "case"}
            ]
            wh = "what " + _join(wh_words)
        ans_ids |= {t.i for t in stranded}
    remove = set(ans_ids)
    cover = _subtree_ids(root) | ans_ids

    # 1. the answer is (part of) a clause's subject
    subj_head = root
    while subj_head.dep_ in {"compound", "amod", "nummod", "poss", "det", "appos", "conj"} and (
        subj_head.head.i != subj_head.i
    ):
        subj_head = subj_head.head
    if not strict and root.dep_ == "conj" and root.pos_ in {"NOUN", "PROPN", "NUM"}:
        # one conjunct of a list: ask about the whole coordination
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        ans_ids = ans_ids | _subtree_ids(first)
        root = first
        cover = _subtree_ids(first)
        remove = set(cover)
    counted = (
        root.pos_ == "NOUN"
        and (
            root.ent_type_ not in {"DATE", "MONEY", "PERCENT", "TIME", "QUANTITY"}
            or (not strict and root.ent_type_ == "QUANTITY" and root.tag_ == "NNS")
            or (
                not strict
                and root.ent_type_ == "DATE"
                and root.tag_ == "NNS"
                and root.dep_ != "pobj"
                and not _has_year(ans)
            )
        )
        and any(c.dep_ == "nummod" and c.i in ans_ids and c.like_num for c in root.children)
    )
    measure = _measure_adjective(root, ans_ids)
    of_class = _of_class_noun(root, ans_ids) if not strict else None
    age = root.head.head if _is_age(root) else None
    if age is not None:
        # "at the age of [86]" -> "at what age"
        wh, kind = "what age", "what"
        remove = _subtree_ids(age)
        root = age
        cover = remove | ans_ids
    elif of_class is not None:
        # "the town of [Baldwin]" -> "what town"
        wh = _class_wh(of_class, ans_ids) or f"what {of_class.lower_}"
        kind = "what"
        remove = _subtree_ids(of_class)
        root = of_class
        cover = remove | ans_ids
    elif measure is not None:
        # "seven months old" -> "how old"; "86 km long" -> "how long"
        wh, kind = f"how {measure.lower_}", "other"
        remove = _subtree_ids(measure)
        root = measure
        cover = remove | ans_ids
    elif counted:
        # "three weight rooms" -> "how many weight rooms"
        nums = _number_tokens(root)
        num_ids = {t.i for t in nums} | {
            t.i for c in root.children if c.dep_ == "nummod" and c.i in ans_ids for t in c.subtree
        }
        wh = _how_many_wh(root, num_ids)
        kind = "how_many"
        remove = _counted_ids(root, ans_ids)
        cover = remove
    elif root.lower_ in {"several", "many", "few"} and root.head.pos_ == "NOUN":
        noun = root.head
        wh = _how_many_wh(noun, ans_ids)
        kind = "how_many"
        remove = _subtree_ids(noun)
        root = noun
        cover = remove
    elif (
        not strict
        and root.ent_type_ == "DATE"
        and root.dep_ in {"compound", "nummod", "amod", "nmod"}
        and subj_head.dep_ not in _SUBJ
        and not _counts_time(root)
    ):
        # "his 1893 pronouncements" -> "When did he make pronouncements?"
        wh, kind = "when", "when"
        remove = set(ans_ids)
        cover = set(ans_ids)
    elif subj_head.dep_ in {"nummod"} or root.dep_ == "nummod":
        noun = root.head if root.dep_ == "nummod" else subj_head
        num_ids = ans_ids | {t.i for t in _number_tokens(noun)}
        wh = _how_many_wh(noun, num_ids)
        kind = "how_many"
        hyphen_unit = noun.i > 0 and doc[noun.i - 1].text in {"-", "–"} and noun.tag_ == "NN"
        # "for [ten] days" counts days: "How many days ...?", not "When ...?"
        counted_time = not strict and _counts_time(root)
        if (root.ent_type_ == "DATE" or noun.ent_type_ == "DATE") and not (
            (hyphen_unit or counted_time) and not strict
        ):
            rest = [t for t in _sub(noun) if t.i not in num_ids and t.dep_ not in {"det"}]
            rest = [t for t in rest if t.i <= noun.i]
            wh = "what " + _join([(t.text, t.whitespace_) for t in rest])
            kind = "when"
        elif noun.ent_type_ == "PERCENT" or noun.lower_ in {"%", "percent", "per"}:
            wh, kind = "what percentage", "how_much"
        elif noun.ent_type_ == "MONEY" or noun.lower_ == "worth":
            wh, kind = "how much", "how_much"
        elif root.ent_type_ == "MONEY" and any(t.tag_ == "$" for t in ans):
            # "a $5,000 prize" -> "what prize"
            wh, kind = "what " + wh.removeprefix("how many "), "how_much"
        elif not strict and _labels_noun(noun, num_ids):
            # a number that names, not counts: "[5K] resolution" -> "what resolution"
            wh, kind = "what " + wh.removeprefix("how many "), "what"
        remove = _counted_ids(noun, ans_ids)
        if counted_time:
            wh = f"how many {noun.lower_}"  # not "how many last years"
            if noun.dep_ == "pobj" and noun.head.lower_ in {"for", "over"}:
                remove |= _subtree_ids(noun.head)  # "How many days ...?", no "for"
        root = noun
        cover = remove
    elif root.dep_ == "appos" and not strict and root.head.dep_ in _SUBJ | {"dobj", "pobj", "attr"}:
        # answer-aware: the appositive stands for its whole noun phrase
        personal = root.ent_type_ == "PERSON" and root.head.ent_type_ in {"", "PERSON"}
        root = root.head
        wh, kind = _answer_wh([root], root, resolver)
        if kind == "what":
            wh = _class_wh(root, ans_ids) or ("who" if personal else wh)
            kind = "who" if wh == "who" else kind
        remove = _subtree_ids(root)
        cover = remove | ans_ids
        ans_ids = ans_ids | remove
    elif root.dep_ == "appos":
        # "X, <answer>, ..." -> "Who is X?"
        head_np = noun_phrase(root.head)
        verb = "is"
        w = "Who" if _is_person(root.head) else "What"
        q = _finish(f"{w} {verb} {head_np}")
        return (q, "who_is") if q else None
    elif (
        root.dep_ in {"compound", "amod", "poss", "nmod"}
        and root.head.pos_ in {"NOUN", "PROPN"}
        and root.ent_type_ not in {"PERSON"}
    ):
        noun = root.head
        rest = [t for t in _sub(noun) if t.i not in ans_ids and t.dep_ not in {"det", "case"}]
        rest = [t for t in rest if t.i <= noun.i]
        words = _join([(t.text, t.whitespace_) for t in rest])
        wh = ("whose " if root.dep_ == "poss" else "what ") + words
        remove = _subtree_ids(noun)
        root = noun
        cover = remove
    if (
        not strict
        and root.dep_ == "attr"
        and root.head.lemma_ == "be"
        and all(t.like_num or t.is_punct for t in ans)
        and wh in {"how many", "what"}
    ):
        # "the average size was [3.6]" -> "What was ...?"; "Newton was [26]" -> "How old ...?"
        subjects = [c for c in root.head.children if c.dep_ in _SUBJ]
        personal = bool(subjects) and _is_personal(subjects[0], resolver)
        wh, kind = ("how old", "other") if personal else ("what", "what")
    if kind == "how_much" or (
        not strict and kind == "how_many" and wh == "how many" and root.pos_ == "NUM"
    ):
        # "two of the six packages" -> "how many of the six packages"
        ofs = [c for c in root.rights if c.dep_ == "prep" and c.lower_ == "of"]
        if ofs and not ({t.i for t in ofs[0].subtree} & ans_ids):
            of_text = _join([(t.text, t.whitespace_) for t in _sub(ofs[0])])
            wh = f"{wh} {of_text}"
            remove = _subtree_ids(root)
            cover = remove | ans_ids
    if root.dep_ == "pobj" and root.head.dep_ in {"prep", "agent", "dative"}:
        prep = root.head
        p = prep.lower_
        gov = prep.head
        if kind == "when" and (p in _WHEN_PREPS or p in {"since", "until", "after", "before"}):
            if p not in _WHEN_PREPS:
                wh = f"{p} when"
            remove = _subtree_ids(prep)
        elif (
            root.ent_type_ in {"GPE", "LOC", "FAC"}
            or (kind == "what" and _is_place(root))
            or (
                not strict
                and p == "at"
                and wh == "what"
                and gov.pos_ == "VERB"
                and gov.lemma_.lower() not in _AT_OBJECT_VERBS
                and root.ent_type_ not in _SPLIT_ENTS
            )
        ) and p in _WHERE_PREPS:
            wh, kind = "where", "where"
            remove = _subtree_ids(prep)
        elif (
            not strict
            and root.ent_type_ in {"GPE", "LOC", "FAC"}
            and p in {"into", "on", "to", "toward", "towards"}
            and gov.pos_ == "VERB"
        ):
            # "centred on [Melbourne]" -> "Where are X centred?"; "moved to" keeps its "to"
            wh, kind = "where", "where"
            remove = _subtree_ids(prep) if p in {"into", "on"} else set(ans_ids)
        elif (
            not strict
            and root.ent_type_ == "DATE"
            and p in {"for", "over", "within"}
            and _is_duration(ans)
        ):
            # "for [nine months]" -> "How long ...?"
            wh, kind = "how long", "when"
            remove = _subtree_ids(prep)
        elif p in {"because", "due"}:
            wh, kind = "why", "why"
            remove = _subtree_ids(prep)
        elif not strict and p == "during" and kind == "who" and gov.pos_ == "VERB":
            # "during [the Oligocene]" names a time, not a person
            wh, kind = "during what", "what"
            remove = _subtree_ids(prep)
        elif (
            p in {"by", "via", "through"}
            and prep.dep_ == "prep"
            and gov.pos_ in {"VERB", "AUX"}
            and kind == "what"
        ):
            wh, kind = "how", "other"
            remove = _subtree_ids(prep)
        elif _by_means_of(prep) and kind == "what":
            wh, kind = "how", "other"
            remove = _subtree_ids(prep.head.head)
        elif (
            p in _PIED_PREPS
            and gov.pos_ in {"VERB", "AUX"}
            and kind in {"what", "who"}
            and (strict or p not in _STRANDED_PREPS)
        ):
            wh = f"{p} {'whom' if wh == 'who' else wh}"
            remove = _subtree_ids(prep)
        cover = remove | ans_ids
    elif root.dep_ in {"npadvmod", "tmod"} and kind == "when":
        remove = _subtree_ids(root)
    elif root.pos_ in {"VERB", "AUX"} and root.dep_ == "advcl":
        marks = {c.lower_ for c in root.children if c.dep_ == "mark"}
        if marks & _CAUSE_MARKS:
            wh, kind = "why", "why"
    elif root.dep_ == "pcomp" and root.head.lower_ in {"because", "due"}:
        wh, kind = "why", "why"
        remove = _subtree_ids(root.head)
    elif root.dep_ == "pcomp" and root.head.lower_ == "by" and root.head.head.pos_ == "VERB":
        wh, kind = "how", "other"
        remove = _subtree_ids(root.head)
    elif root.dep_ == "advmod" and root.pos_ == "ADV" and root.head.pos_ in {"VERB", "AUX"}:
        wh, kind = "how", "other"
    # include a leading "because"/"that" marker in what is removed
    for t in list(remove):
        tok = doc[t]
        for c in tok.children:
            if c.dep_ == "mark" and c.i == min(remove) - 1:
                remove.add(c.i)
    adjunct = _adjunct_wh(root) if not strict and root.i in ans_ids else None
    if adjunct is not None:
        # "(because) the pitch was flooded" -> "Why ...?"; "using heavy trucks" -> "How ...?"
        wh, kind = adjunct
        remove = _subtree_ids(root) | ans_ids
        cover = remove
    elif not strict and root.pos_ in {"VERB", "AUX"} and root.dep_ in _CLAUSE_DEPS | {"xcomp"}:
        return _vp_question(root, ans_ids, resolver, budget)
    head = clause_head(root)
    if participle:
        head = _participle_on_path(root, head) or head
        if _participle_carrier(head) is None:
            return None
    if head.i in ans_ids or head.i in remove:
        return None
    if strict and kind in {"when", "where"} and head.lemma_.lower() in _REPORTING:
        return None
    if strict and kind == "when" and _is_duration(ans):
        return None  # "for ten years" does not answer "When ...?"
    if (
        kind == "why"
        and head.lemma_ == "be"
        and not any(
            c.dep_ in {"acomp", "attr", "prep"} and c.i not in remove for c in head.children
        )
    ):
        return None
    subj = _subject(head)
    carrier = _participle_carrier(head) if subj is None and not strict else None
    if carrier is not None:
        subj = _carrier_subject(carrier, head)
    if subj is None:
        return _inverted_copula(root, head, remove, wh, kind) if not strict else None
    subj_ids = {t.i for t in subj}
    subj_start = min(subj_ids) if subj_ids else head.i
    side_participle = _participle_on_path(root, head) if carrier is None else None
    if side_participle is not None and side_participle.i in _side_ids(side_participle.head):
        return None  # "the bridge, [built in 1900], ...": asked within the participle clause
    for c in head.children:
        sub = _subtree_ids(c)
        if c.i < subj_start and sub & remove and not sub <= remove:
            return None  # the answer sits inside a leading adjunct
    if strict and not _extractable(root, head):
        return None
    plan = _Plan(
        head=head, wh=wh, remove=remove, budget=budget, adverbial=adverbial, carrier=carrier
    )
    subj_heads = {t.i for t in subj if t.dep_ in _SUBJ or t.i == subj[0].head.i}
    pp_in_subject = (
        not strict and kind in {"when", "where"} and remove <= subj_ids and not remove & subj_heads
    )
    if pp_in_subject:
        pass
    elif cover & subj_ids and root.dep_ in _SUBJ | {"pobj", "compound", "amod", "nummod"}:
        if not ({t.i for t in doc[head.i].subtree} & subj_ids):
            return None
        # subject question: remove the whole subject when the answer heads it
        plan.subject_question = True
        plan.remove = remove | (subj_ids if root.dep_ in _SUBJ else set())
        if root.dep_ not in _SUBJ:
            return None
    elif subj_ids & remove:
        return None
    if attribution:
        src = _attribution(head, resolver)
        subj_text = " ".join(t.text for t in subj)
        if src and src.lower() not in subj_text.lower() and subj_text.lower() not in src.lower():
            plan.suffix = f"according to {src}"
    q = _realize(plan, resolver)
    if q is None:
        return None
    return q, kind


def _participle_on_path(root: Token, head: Token) -> Token | None:
    """The innermost participle clause between the answer and its clause head."""
    t = root
    while t.i != head.i and t.head.i != t.i:
        t = t.head
        if _participle_carrier(t) is not None:
            return t
    return None


def _participle_carrier(head: Token) -> Token | None:
    """The understood subject of a subjectless participle clause: the noun it modifies ("a
    bridge [built in 1900]", "engineers [working for a firm]"), or for a gerund after a
    preposition the subject of the verb the preposition belongs to ("after [founding X], he
    ...")."""
    noun = head.head
    if head.dep_ == "pcomp" and head.tag_ == "VBG" and noun.dep_ == "prep":
        subjects = [c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects or any(c.dep_ in _SUBJ | _AUX_DEPS for c in head.children):
            return None
        return subjects[0]
    if (
        head.dep_ != "acl"
        or head.tag_ not in {"VBN", "VBG"}
        or noun.pos_ not in {"NOUN", "PROPN"}
        or noun.i > head.i
        or any(c.dep_ in _SUBJ | _AUX_DEPS for c in head.children)
        or head.lemma_ in {"be", "have"}
        or head.doc[head.left_edge.i - 1].text in {"(", "["}
    ):
        return None
    return noun


def _carrier_subject(noun: Token, head: Token) -> list[Token]:
    """The noun phrase of a participle's carrier (up to the participle clause it holds)."""
    side = _side_ids(noun)
    start = head.left_edge.i if head.dep_ == "acl" else len(noun.doc)
    toks = [t for t in _sub(noun) if t.i < start and t.i not in side and not t.is_space]
    while toks and toks[-1].text in {",", ";", ":", "—", "–"}:
        toks.pop()  # "the façade, built from ..." -> "the façade"
    return toks


def _carrier_finite(noun: Token, head: Token, *, dated: bool = False) -> str:
    """The finite word a participle clause gets in a question, in the tense of the sentence
    (past when it asks for a date: "the library, founded in 1816, is ..." -> "When was ..."):
    passive "was"/"were"/"is"/"are" for a past participle, do-support for a present one."""
    past = dated or _tense_tag(clause_head(noun)) == "VBD"
    plural = noun.tag_ in {"NNS", "NNPS"} or noun.lower_ in {"they", "we", "you", "i"}
    if head.tag_ == "VBN":
        return ("were" if plural else "was") if past else ("are" if plural else "is")
    return "did" if past else ("do" if plural else "does")


def _inverted_copula(
    root: Token, head: Token, remove: set[int], wh: str, kind: QAKind
) -> tuple[str, QAKind] | None:
    """ "To the north is [the old fort]" -> "What is to the north?" (the answer is the subject
    that follows the copula)."""
    if root.dep_ != "attr" or head.lemma_ != "be" or head.tag_ not in {"VBZ", "VBD", "VBP"}:
        return None
    fronted = [c for c in head.children if c.dep_ == "prep" and c.i < head.i]
    if not fronted or _subtree_ids(fronted[0]) & remove:
        return None
    verb = _singular_finite(head) if wh in {"what", "who"} else head.lower_
    phrase = _join(
        [(t.lower_ if t.i == fronted[0].i else t.text, t.whitespace_) for t in _sub(fronted[0])]
    )
    q = _finish(f"{wh} {verb} {phrase}")
    return (q, kind) if q else None


def _past_tense(verb: Token) -> str:
    """Simple past of ``verb`` (regular by rule; irregular through lemminflect, lazily)."""
    if verb.tag_ == "VBD":
        return verb.text
    if verb.text.endswith("ed"):
        return verb.text
    from lemminflect import getInflection

    forms = getInflection(verb.lemma_, tag="VBD")
    return forms[0] if forms else verb.text


def _passive_to_active(
    agent_obj: Token, ans_ids: set[int], resolver: Resolver | None
) -> tuple[str, QAKind] | None:
    """ "X was built by <answer>" / "X, built by <answer>" -> "Who built X?"."""
    verb = agent_obj.head.head
    if verb.pos_ not in {"VERB", "AUX"} or verb.tag_ != "VBN":
        return None
    wh, kind = _answer_wh([agent_obj.doc[i] for i in sorted(ans_ids)], agent_obj, resolver)
    if wh not in {"who", "what"}:
        return None
    patient: Token | None = None
    for c in verb.children:
        if c.dep_ == "nsubjpass":
            patient = c
    if patient is None and verb.dep_ in {"acl", "relcl"}:
        patient = verb.head
    if patient is None or patient.tag_ in {"PRP", "WDT", "WP"}:
        return None
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"} and c.i < verb.i]
    modal = [a for a in auxes if a.tag_ == "MD"]
    if modal:
        form = f"{modal[0].lower_} {verb.lemma_}"
    elif any(a.tag_ in {"VBZ", "VBP"} and a.dep_ == "auxpass" for a in auxes):
        form = _third_singular(verb.lemma_)
    else:
        form = _past_tense(verb)
    agent = agent_obj.head
    skip = {agent.i, patient.i} | {t.i for t in agent.subtree} | {t.i for t in patient.subtree}
    side = _side_ids(verb)
    rest = [
        t
        for c in verb.rights
        if c.i not in skip
        and c.dep_ not in {"punct", "cc", "conj", "advcl", "relcl"}
        and c.left_edge.tag_ not in {"WP", "WDT"}  # a relative clause the parser misread
        for t in _sub(c)
        if t.i not in side
    ]
    obj = noun_phrase(patient)
    tail = _join(
        [
            (
                t.text,
                t.whitespace_ or (" " if k + 1 < len(rest) and rest[k + 1].i != t.i + 1 else ""),
            )
            for k, t in enumerate(rest)
        ]
    )
    q = _finish(f"{wh} {form} {obj} {tail}")
    return (q, kind) if q else None


_OBJECT_FORM = {"he": "him", "she": "her", "they": "them", "it": "it", "we": "us", "i": "me"}


def _resolve(tok: Token, resolver: Resolver | None) -> str | None:
    """The antecedent of a subject pronoun, when the resolver finds one."""
    if resolver is None:
        return None
    if tok.lower_ in {"he", "she"}:
        return resolver.person(tok)
    if tok.lower_ == "they":
        found = resolver.group(tok)
        return found[0] if found else None
    if tok.lower_ == "it" and resolver.resolve_it:
        return resolver.thing(tok)
    return None


def _vp_question(
    verb: Token, ans_ids: set[int], resolver: Resolver | None, budget: int
) -> tuple[str, QAKind] | None:
    """The answer is a verb phrase: "What did X do?", or a whole clause: "What happened?"."""
    subj = _subject(verb)
    if subj is None:
        return None
    subj_ids = {t.i for t in subj}
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    if subj_ids & ans_ids or passive:
        if not passive:
            return None
        # "X was torn down" -> "What happened to X?"
        subj_text = _join([(_lower_first(t, t.text), t.whitespace_) for t in subj])
        if len(subj) == 1 and subj[0].tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
            subj_text = noun_phrase(verb.head)  # "cells, which [are arranged in stacks]"
        elif len(subj) == 1 and subj[0].lower_ in _OBJECT_FORM:
            name = _resolve(subj[0], resolver)
            subj_text = name if name else _OBJECT_FORM[subj[0].lower_]
        past = any(c.tag_ == "VBD" for c in verb.children if c.dep_ == "auxpass")
        return f"What {'happened' if past else 'happens'} to {subj_text}?", "what"
    remove = {i for i in ans_ids if i != verb.i}
    auxes = _aux(verb)
    do = "do"
    if auxes and auxes[-1].lemma_ == "have":
        do = "done"
    elif auxes and auxes[-1].lemma_ == "be" and verb.tag_ == "VBG":
        do = "doing"
    gov = verb.head
    infinitival = verb.dep_ == "xcomp" or (
        verb.dep_ == "ccomp" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    )
    if infinitival and gov.pos_ in {"VERB", "AUX"} and gov.i not in ans_ids:
        # "wanted him to [enter the priesthood]" -> "What did X want him to do?"
        plan = _Plan(head=gov, wh="what", remove=remove, budget=budget)
        plan.overrides[verb.i] = "do"
        q = _realize(plan, resolver)
        return (q, "what") if q else None
    plan = _Plan(head=verb, wh="what", remove=remove, budget=budget)
    plan.overrides[verb.i] = do
    objs = [c for c in verb.rights if c.dep_ == "dobj" and c.i not in ans_ids]
    if objs:
        # "captured [the wolf]" -> "What did they do to the wolf?"
        first = objs[0].left_edge
        plan.overrides[first.i] = "to " + _lower_first(first, first.text)
    q = _realize(plan, resolver)
    return (q, "what") if q else None


def _adjunct_wh(root: Token) -> tuple[str, QAKind] | None:
    """The wh-word of an adverbial clause answer: a cause or purpose asks "why", a participle
    of manner "how"; None for other clauses."""
    if root.dep_ != "advcl" or root.pos_ not in {"VERB", "AUX", "ADJ"}:
        return None
    marks = {c.lower_ for c in root.children if c.dep_ == "mark"}
    if marks & _CAUSE_MARKS:
        return "why", "why"
    if marks or any(c.dep_ in _SUBJ for c in root.children):
        return None
    if root.pos_ == "ADJ" or any(c.dep_ == "aux" and c.tag_ == "TO" for c in root.children):
        return "why", "why"  # "Unwilling to risk it, ..."; "... to pay for the school"
    if root.tag_ == "VBG":
        return "how", "other"
    return None


def _extractable(root: Token, head: Token) -> bool:
    """No island on the path from the answer up to its clause head (no NP-internal clause)."""
    t = root.head
    while t.i != head.i:
        if t.head.i == t.i or t.dep_ not in {"xcomp", "prep", "agent", "dative", "pcomp"}:
            return False
        if t.dep_ in {"prep", "agent", "dative"} and t.head.pos_ not in {"VERB", "AUX"}:
            return False
        t = t.head
    return True


def _by_means_of(prep: Token) -> bool:
    """ "by means of X" / "by way of X": a manner phrase."""
    if prep.lower_ != "of" or prep.head.lower_ not in {"means", "way", "use"}:
        return False
    outer = prep.head.head
    return outer.dep_ == "prep" and outer.lower_ in {"by", "through"} and outer.head.pos_ == "VERB"


def _of_class_noun(root: Token, ans_ids: set[int]) -> Token | None:
    """The class noun of "the town of <name>": the answer is a name that instantiates it."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "of" or root.pos_ != "PROPN":
        return None
    noun = prep.head
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _CLASS_NOUNS or noun.i in ans_ids:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    return noun


def _is_age(root: Token) -> bool:
    """The answer is the number in "the age of [86]"."""
    prep = root.head
    return (
        root.like_num
        and root.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.lemma_.lower() == "age"
        and prep.head.i < prep.i
    )


def _role_predicate(tok: Token) -> bool:
    """A bare role noun said of someone: "was [president]", "worked as [an architect]"."""
    predicative = tok.dep_ in {"attr", "oprd"} or (tok.dep_ == "pobj" and tok.head.lower_ == "as")
    return (
        predicative
        and tok.pos_ == "NOUN"
        and not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    )


def _titled_name(ans: Sequence[Token], root: Token) -> bool:
    """A proper name that is a person's: a PERSON token in it or a title before it ("King X")."""
    if root.pos_ != "PROPN" or root.ent_type_ in {"GPE", "LOC", "FAC", "DATE", "EVENT"}:
        return False
    names = [t for t in ans if t.pos_ == "PROPN"]
    if names and names[0].lower_.rstrip(".") in _TITLES:
        # the model often tags "Archduke X" as an organisation; "King's College" is one
        return root.ent_type_ != "ORG" or (
            names[0].i < root.i
            and root.lemma_.lower() not in _CLASS_NOUNS
            and not any(t.tag_ == "POS" for t in ans)
        )
    if root.ent_type_ == "ORG":
        return False
    return any(t.ent_type_ == "PERSON" for t in names) and root.ent_type_ in {"", "PERSON"}


def _definition_question(
    root: Token, ans: Sequence[Token], ans_ids: set[int], resolver: Resolver | None
) -> tuple[str, QAKind] | None:
    """An appositive defines the answer: "[the Emmerich Bridge], the longest bridge in Germany,"
    -> "What is the longest bridge in Germany?"."""
    if root.pos_ not in {"NOUN", "PROPN"}:
        return None
    example = _example_question(root, ans_ids)
    if example is not None:
        return example
    doc = root.doc
    appos = [
        c
        for c in root.rights
        if c.dep_ == "appos" and c.i not in ans_ids and doc[c.left_edge.i - 1].text == ","
    ]
    if not appos or appos[0].pos_ != "NOUN":
        return None
    ap = appos[0]
    toks = [t for t in _sub(ap) if not (t.is_punct and t.i == ap.right_edge.i)]
    if len(toks) > 14 or len(toks) < 2 or any(t.i in ans_ids for t in toks):
        return None
    if any(t.tag_ in {"WDT", "WP", "PRP", "PRP$", "VBZ", "VBP", "VBD"} for t in toks):
        return None
    if toks[0].tag_ in {"VBN", "VBG", "VBD"}:
        return None
    head = clause_head(root)
    past = head.tag_ == "VBD" or any(a.tag_ == "VBD" for a in _aux(head))
    plural = ap.tag_ in {"NNS", "NNPS"}
    verb = ("were" if plural else "was") if past else ("are" if plural else "is")
    wh, _ = _answer_wh(ans, root, resolver)
    w = "Who" if wh == "who" else "What"
    text = _join(
        [(_lower_first(t, t.text) if k == 0 else t.text, t.whitespace_) for k, t in enumerate(toks)]
    )
    if toks[0].pos_ not in {"PROPN"} and toks[0].ent_type_ not in _NAME_ENTS:
        text = text[:1].lower() + text[1:]
    q = _finish(f"{w} {verb} {text}")
    return (q, "who_is" if w == "Who" else "what") if q else None


def _example_question(root: Token, ans_ids: set[int]) -> tuple[str, QAKind] | None:
    """ "drugs such as [cyclosporin]" -> "What is an example of drugs?"; "Who ..." for an
    example of people ("writers such as [X]")."""
    prep = root.head
    if root.dep_ != "pobj" or prep.i in ans_ids:
        return None
    doc = root.doc
    such_as = prep.lower_ == "as" and prep.i > 0 and doc[prep.i - 1].lower_ == "such"
    if not (such_as or prep.lower_ in {"including", "like"}):
        return None
    noun = prep.head
    if noun.pos_ != "NOUN" or noun.i in ans_ids:
        return None
    toks = [
        t
        for t in _sub(noun)
        if t.i < prep.i - (1 if such_as else 0)
        and t.dep_ not in {"det", "poss", "predet", "nummod"}
        and t.tag_ not in {"PRP$", "WDT"}
        and not (t.is_punct and t.text != "-")
    ]
    if not toks or len(toks) > 8 or toks[-1].i != noun.i:
        return None
    text = _join([(t.text if t.pos_ == "PROPN" else t.lower_, t.whitespace_) for t in toks])
    if _is_person(noun):
        return f"Who is an example of {text}?", "who"
    return f"What is an example of {text}?", "what"


def _class_wh(noun: Token, ans_ids: set[int]) -> str | None:
    """ "what soap operas" from a common noun the answer is an instance of (no possessor)."""
    if noun.pos_ != "NOUN" or noun.i in ans_ids or noun.ent_type_ in _NAME_ENTS | {"DATE"}:
        return None
    if any(c.dep_ == "poss" for c in noun.children):
        return None
    mods = [
        t
        for c in noun.lefts
        if c.dep_ in {"amod", "compound", "nmod"} and c.i not in ans_ids
        for t in _sub(c)
    ]
    toks = sorted([*mods, noun], key=lambda t: t.i)
    if any(t.i in ans_ids or (t.is_punct and t.text != "-") for t in toks):
        return None
    return "what " + _join(
        [(t.lower_ if t.pos_ != "PROPN" else t.text, t.whitespace_) for t in toks]
    )


def _has_year(ans: Sequence[Token]) -> bool:
    """The answer contains a year ("1998", "2015")."""
    return any(re.fullmatch(r"1\d{3}|20\d{2}", t.text) for t in ans)


def _measure_adjective(root: Token, ans_ids: set[int]) -> Token | None:
    """The adjective a measured answer qualifies: "[86 km] long", "[seven months] old"."""
    adj: Token | None = None
    if root.pos_ == "ADJ" and root.lower_ in _MEASURE_ADJ:
        has_measure = any(c.dep_ == "npadvmod" and c.i in ans_ids for c in root.children)
        adj = root if has_measure else None
    elif root.dep_ == "npadvmod" and root.head.pos_ == "ADJ" and root.head.lower_ in _MEASURE_ADJ:
        adj = root.head
    if adj is None or not any(t.like_num for t in adj.subtree):
        return None
    if adj.dep_ not in {"acomp", "amod", "advmod", "oprd", "conj"}:
        return None
    return adj


def _counts_time(num: Token) -> bool:
    """A number that counts units of time: "for [ten] days"."""
    unit = num.head
    return num.dep_ == "nummod" and unit.tag_ == "NNS" and unit.lemma_.lower() in _TIME_UNITS


def _is_duration(ans: Sequence[Token]) -> bool:
    """A length of time ("ten years", "six weeks") rather than a point in time."""
    has_unit = any(t.lemma_.lower() in _TIME_UNITS for t in ans)
    has_count = any(t.like_num and not re.fullmatch(r"1\d{3}|20\d{2}", t.text) for t in ans)
    return has_unit and has_count and not any(t.lower_ in {"ago", "later", "earlier"} for t in ans)


def _is_place(tok: Token) -> bool:
    return tok.ent_type_ in {"GPE", "LOC", "FAC"} or tok.lemma_.lower() in _PLACE_NOUNS


def _dangling_end(tok: Token) -> bool:
    """A token an answer must not end on: punctuation, currency, conjunction, preposition."""
    return (
        tok.is_punct
        or tok.tag_ in {"$", "CC", "IN", "TO", "PDT", "WDT", "POS"}
        or tok.dep_ in {"cc", "mark", "prep"}
        or (tok.dep_ in {"det", "predet"} and tok.i < tok.head.i)
    )


def _speech_tag_start(toks: Sequence[Token]) -> int | None:
    """Index of a closing quote followed only by a speech tag (`," he said`), else None."""
    for k in range(len(toks) - 1, 0, -1):
        if toks[k].is_quote or toks[k].text in {'"', "”", "''", ","}:
            tail = [t for t in toks[k + 1 :] if not t.is_punct]
            if (
                tail
                and len(tail) <= 5
                and any(t.lemma_.lower() in _REPORTING and t.pos_ == "VERB" for t in tail)
                and any(t.dep_ == "nsubj" for t in tail)
            ):
                return k
            return None
    return None


def _speech_tag_lead(toks: Sequence[Token]) -> int:
    """Length of a leading speech tag ("she said, the city may ...") to drop, else 0."""
    for k, t in enumerate(toks[:5]):
        if t.text == ",":
            head = [x for x in toks[:k] if not x.is_punct]
            if (
                head
                and any(x.lemma_.lower() in _REPORTING and x.pos_ == "VERB" for x in head)
                and any(x.dep_ == "nsubj" for x in head)
                and len(toks) > k + 3
            ):
                return k + 1
            return 0
    return 0


def _quote_balance(text: str) -> bool:
    """Straight quotes come in pairs and curly quotes open and close equally."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def _answer_tokens(toks: Iterable[Token], *, strict: bool = True) -> list[Token]:
    """Trim an answer to a whole constituent: no dangling ends, speech tag or lone quote.

    ``strict=False`` (answer-aware mode, where the reader chose the answer) only strips
    punctuation and conjunctions at the edges.
    """
    out = sorted((t for t in toks if not t.is_space), key=lambda t: t.i)
    cut = _speech_tag_start(out) if strict else None
    if cut is not None:
        out = out[:cut]
    while out and (
        (_dangling_end(out[-1]) if strict else out[-1].is_punct) or out[-1].dep_ in {"cc", "mark"}
    ):
        out.pop()
    while out and (out[0].is_punct or out[0].dep_ in {"cc", "mark"}):
        out.pop(0)
    if strict and _speech_tag_lead(out):
        out = out[_speech_tag_lead(out) :]
    if strict and out and not _quote_balance(out[0].doc[out[0].i : out[-1].i + 1].text):
        # a quotation opened in the answer closes just after it: take the closing quote along
        doc = out[0].doc
        j = out[-1].i + 1
        while j < len(doc) and j <= out[-1].i + 2 and doc[j].is_punct:
            if doc[j].is_quote or doc[j].text in {'"', "”"}:
                out.extend(doc[out[-1].i + 1 : j + 1])
                break
            j += 1
    return out


_SPLIT_ENTS = {"MONEY", "CARDINAL", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"}
# verbs whose infinitival complement is not asserted: "ordered him to repay" != "he repaid"
_CONTROL_VERBS = {
    "order", "ask", "plan", "want", "expect", "agree", "aim", "call", "urge", "propose",
    "hope", "try", "need", "seek", "intend", "promise", "threaten", "offer", "refuse",
    "fail", "decide", "vote", "pledge", "vow", "require", "tell", "force", "allow",
    "encourage", "invite", "instruct", "advise", "persuade", "attempt", "wish", "prepare",
}  # fmt: skip


def _splits_entity(toks: Sequence[Token]) -> bool:
    """The answer cuts a number, amount or date entity in two ("... or $" | "108 million")."""
    first, last = toks[0], toks[-1]
    doc = first.doc
    for edge, outside in ((first, first.i - 1), (last, last.i + 1)):
        if not 0 <= outside < len(doc) or edge.ent_type_ not in _SPLIT_ENTS:
            continue
        nb = doc[outside]
        same = nb.ent_type_ == edge.ent_type_ and (nb if edge.i < nb.i else edge).ent_iob_ == "I"
        # a how-many question keeps the counted noun ("9 | kilometres"): only numbers, currency
        # signs and dates may not be cut
        numeric = nb.like_num or "$" in {nb.tag_, edge.tag_} or edge.ent_type_ in {"DATE", "TIME"}
        if same and numeric:
            return True
    return False


def _verb_forms(lemma: str) -> set[str]:
    """Cheap inflections of a regular verb lemma (no lemminflect in the FAQ path)."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "d", lemma + "ing", lemma + "es"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ied", lemma[:-1] + "ies"}
    if lemma.endswith("e"):
        forms.add(lemma[:-1] + "ing")
    if len(lemma) > 2 and lemma[-1] not in "aeiouwy" and lemma[-2] in "aeiou":
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    irregular = {"tell": {"told"}, "seek": {"sought"}, "offer": set(), "vow": set()}
    return forms | irregular.get(lemma, set())


def _drops_governor(question: str, toks: Sequence[Token]) -> bool:
    """The answer sits in an infinitival clause whose governing verb the question leaves out."""
    words = {w.strip("?,.\"'").lower() for w in question.split()}
    ans_ids = {t.i for t in toks}
    node = _span_root(toks)
    while node.head.i != node.i:
        if node.dep_ == "xcomp" and node.head.i not in ans_ids:
            gov = node.head
            governs = gov.lemma_.lower() in _CONTROL_VERBS or gov.tag_.startswith("JJ")
            kept = bool(words & _verb_forms(gov.lemma_.lower())) or gov.lower_ in words
            if governs and not kept:
                return True
        if node.dep_ in {"ROOT", "ccomp", "advcl", "relcl", "conj"}:
            break
        node = node.head
    return False


_REL_PRONOUNS = {"which", "who", "whom", "whose"}


def _cut_nonrestrictive(toks: list[Token]) -> list[Token]:
    """Cut a trailing ", which/who ..." relative clause that runs to the end of the answer.

    >>> from newsfaq.text.nlp import parse
    >>> doc = parse("The bill upgrades four lines, which works out to 400 million crowns.")
    >>> " ".join(t.text for t in _cut_nonrestrictive(list(doc[3:13])))
    'four lines'
    """
    for k in range(1, len(toks) - 1):
        comma, rel = toks[k], toks[k + 1]
        if comma.text != "," or rel.lower_ not in _REL_PRONOUNS or rel.i != comma.i + 1:
            continue
        verb = rel if rel.dep_ == "relcl" else rel.head
        while verb.dep_ != "relcl" and verb.head.i != verb.i and verb.head.i > comma.i:
            verb = verb.head
        if verb.dep_ == "relcl" and verb.right_edge.i >= toks[-1].i - 1:
            out = toks[:k]
            while out and out[-1].is_punct:
                out.pop()
            return out
    return toks


def _cand(
    sent: Span, q: str | None, kind: QAKind, toks: Sequence[Token], weight: float = 1.0
) -> Candidate | None:
    if not q:
        return None
    raw = sorted((t for t in toks if not t.is_space), key=lambda t: t.i)
    if not raw or _splits_entity(raw):
        return None
    toks = _cut_nonrestrictive(_answer_tokens(raw))
    if not toks or _splits_entity(toks) or _drops_governor(q, toks):
        return None
    start = toks[0].idx
    end = toks[-1].idx + len(toks[-1].text)
    span = sent.doc[toks[0].i : toks[-1].i + 1]
    return Candidate(q, kind, start, end, sent, weight, span.text, span.start, span.end)


def _extend_adjuncts(tok: Token) -> list[Token]:
    """An object plus the adjuncts that follow it under the same verb ("... until the end")."""
    toks = _sub(tok)
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    for sib in verb.rights:
        if sib.i <= toks[-1].i:
            continue
        if sib.dep_ in {"prep", "npadvmod"} and not sib.lower_.startswith("accord"):
            if sib.i > 0 and sib.doc[sib.i - 1].text == ",":
                break
            toks.extend(sib.subtree)
        else:
            break
    return sorted(toks, key=lambda t: t.i)


def _gapped_relative(verb: Token) -> bool:
    """A relative clause with no relative pronoun whose object is the gap ("a threshold the
    government did not reach"): any question about it would lose its object."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in {"NOUN", "PROPN"}:
        return False
    kids = list(verb.children)
    if any(k.tag_ in {"WDT", "WP", "WP$", "WRB"} or k.lower_ == "that" for k in kids):
        return False
    has_subj = any(k.dep_ in {"nsubj", "nsubjpass"} for k in kids)
    has_obj = any(k.dep_ in {"dobj", "attr", "ccomp", "xcomp", "acomp"} for k in kids)
    return has_subj and not has_obj and verb.head.i < verb.i


def sentence_candidates(sent: Span, resolver: Resolver | None = None) -> list[Candidate]:
    """Overgenerate FAQ question candidates from one parsed sentence.

    >>> from newsfaq.text.nlp import parse
    >>> doc = parse("Dmitry Medvedev, deputy chairman of the council, spoke on Monday.")
    >>> sorted({c.kind for c in sentence_candidates(next(doc.sents))})
    ['when', 'who', 'who_is']
    """
    out: list[Candidate] = []

    def add(c: Candidate | None) -> None:
        if c is not None:
            out.append(c)

    def ask(toks: Sequence[Token], weight: float = 1.0, kind: QAKind | None = None) -> None:
        """Ask about answer tokens with the shared engine and keep the candidate."""
        if not toks:
            return
        toks = sorted(toks, key=lambda t: t.i)
        res = question_for_span(sent, toks[0].i, toks[-1].i + 1, resolver)
        if res is not None:
            add(_cand(sent, res[0], kind or res[1], toks, weight))

    for tok in sent:
        dep = tok.dep_
        # who-is: apposition on a named person or organisation
        if dep == "appos" and tok.head.pos_ == "PROPN" and tok.pos_ in {"NOUN", "PROPN"}:
            head = tok.head
            if head.ent_type_ in {"PERSON", "ORG"} or head.text in (
                resolver.surnames if resolver else {}
            ):
                name = noun_phrase(head)
                w = "Who" if head.ent_type_ != "ORG" else "What"
                verb = "is"
                first = tok.left_edge
                if first.tag_ in {"VBN", "VBD", "VBG"} or tok.i != min(
                    (c.i for c in head.children if c.dep_ == "appos"), default=tok.i
                ):
                    continue
                ans = [t for t in tok.subtree if t.dep_ != "punct" or t.i != tok.right_edge.i]
                add(_cand(sent, f"{w} {verb} {name}?", "who_is", ans, 1.25))
        # who-is from a copula: "X is <attr>"
        if dep == "attr" and tok.head.lemma_ == "be" and tok.pos_ == "NOUN":
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if subj and subj[0].ent_type_ == "PERSON" and subj[0].pos_ == "PROPN":
                name = noun_phrase(subj[0])
                verb = tok.head.lower_ if tok.head.lower_ in {"is", "was"} else "is"
                add(_cand(sent, f"Who {verb} {name}?", "who_is", _sub(tok), 1.2))
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        children = list(tok.children)
        if _gapped_relative(tok):
            continue
        # subject questions
        for c in children:
            if c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in {"PRP", "WDT", "WP", "EX"}:
                if any(n.dep_ == "nummod" for n in c.children) and c.pos_ == "NOUN":
                    nums = _number_tokens(c)
                    if nums:
                        ask(nums, 1.35, "how_many")
                        continue
                if c.lower_ in {"this", "that", "these", "those", "which", "what"}:
                    continue
                ask(_sub(c), 0.85)
        # objects (and objects of xcomp chains)
        for c in children:
            if c.dep_ == "dobj" and c.tag_ not in {"PRP", "WDT", "WP"}:
                if any(n.dep_ == "nummod" for n in c.children) and c.pos_ == "NOUN":
                    nums = _number_tokens(c)
                    if nums:
                        ask(nums, 1.3, "how_many")
                        continue
                if c.ent_type_ in {"MONEY", "PERCENT", "QUANTITY"}:
                    ent_toks = [
                        t
                        for t in c.subtree
                        if t.ent_type_ == c.ent_type_ or t.tag_ == "$" or t.dep_ == "quantmod"
                    ]
                    ask(ent_toks, 1.25)
                    continue
                if c.ent_type_ in {"DATE", "TIME"}:
                    ask([t for t in c.subtree if t.ent_type_ == c.ent_type_], 0.9)
                elif len(_sub(c)) > 1 or c.pos_ == "PROPN":
                    ask(_sub(c), 1.0)
            if c.dep_ in {"npadvmod", "attr"} and c.ent_type_ in {"MONEY", "PERCENT"}:
                ask([t for t in c.subtree if t.ent_type_ == c.ent_type_], 1.2)
        # call for / ask for: pobj plus following adjuncts
        if tok.lemma_.lower() in _CALL_VERBS:
            for c in children:
                if c.dep_ == "prep" and c.lower_ in {"for", "on"}:
                    objs = [g for g in c.children if g.dep_ == "pobj"]
                    if objs:
                        ans = _extend_adjuncts(objs[0])
                        res = question_for_span(sent, ans[0].i, ans[-1].i + 1, resolver)
                        if res is not None:
                            add(_cand(sent, res[0], "said", ans, 1.35))
        # dates attached to the verb
        for c in children:
            if c.dep_ == "prep" and c.lower_ in _WHEN_PREPS:
                objs = [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "DATE"]
                if objs:
                    ents = [t for t in objs[0].subtree if t.ent_type_ == "DATE"]
                    ask(ents, 1.05)
            elif c.dep_ in {"npadvmod", "tmod"} and c.ent_type_ == "DATE" and c.i > tok.i:
                ask([t for t in c.subtree if t.ent_type_ == "DATE"], 1.0)
        # reported speech: "What does X say?"
        if tok.lemma_.lower() in _REPORTING:
            ccomps = [c for c in children if c.dep_ == "ccomp"]
            subj = [c for c in children if c.dep_ == "nsubj"]
            if ccomps and subj:
                comp = ccomps[0]
                ans = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head.i == comp.i)]
                ask(ans, 1.15, "said")
        # causes: because / due to; "prompting X to ..."
        for c in children:
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in _CAUSE_MARKS for m in c.children
            ):
                ask(_sub(c), 1.2, "why")
            if c.dep_ == "prep" and c.lower_ in {"because", "due"}:
                objs = [g for g in c.subtree if g.dep_ == "pobj"]
                if objs:
                    ask(_sub(objs[0]), 1.2, "why")
        if tok.lemma_.lower() in {"prompt", "lead", "force", "cause", "drive"} and tok.dep_ in {
            "advcl",
            "conj",
        }:
            add(_prompting(sent, tok, resolver))
        # conditionals
        for c in children:
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children
            ):
                add(_what_if(sent, tok, c, resolver))
    return out


def _prompting(sent: Span, verb: Token, resolver: Resolver | None) -> Candidate | None:
    """ "<cause>, prompting X to <act>" -> "What prompted X to <act>?" answered by the cause."""
    obj = [c for c in verb.children if c.dep_ == "dobj"]
    xcomp = [c for c in verb.children if c.dep_ == "xcomp"]
    cause = verb.head
    if not obj or not xcomp or cause.pos_ not in {"VERB", "AUX"}:
        return None
    who = obj[0]
    name = who.text
    if who.tag_ == "PRP":
        if resolver is None:
            return None
        found = (
            resolver.person(who)
            if who.lower_ in {"him", "her"}
            else (resolver.group(who) or (None, True))[0]
        )
        if not found:
            return None
        name = found
    else:
        name = noun_phrase(who)
    rest = _join([(t.text, t.whitespace_) for t in _sub(xcomp[0])])
    q = f"What prompted {name} {rest}?"
    ans = [
        t
        for t in cause.subtree
        if t.i < verb.i
        and not (t.dep_ == "mark" and t.head.i == cause.i)
        and t.i >= cause.left_edge.i
    ]
    return _cand(sent, q, "why", ans, 1.2)


def _what_if(sent: Span, main: Token, cond: Token, resolver: Resolver | None) -> Candidate | None:
    """ "Y if X" -> "What happens if X?" answered by the consequence clause Y alone."""
    if main.dep_ in {"relcl", "acl"}:
        return None  # a condition inside a relative clause: no stand-alone consequence
    mark = next(m for m in cond.children if m.dep_ == "mark")
    plan_toks = [
        t for t in _sub(cond) if t.i != mark.i and not (t.i < mark.i and t.lower_ in _FOCUS_ADVERBS)
    ]
    overrides: dict[int, str] = {}
    for t in plan_toks:
        if t.tag_ not in {"PRP", "PRP$"} or t.lower_ not in _PRONOUNS:
            continue
        if resolver is None:
            return None
        name: str | None = None
        singular = True
        if t.lower_ in {"he", "she", "him", "her", "his"}:
            name = resolver.person(t)
        elif t.lower_ in {"they", "their"}:
            found = resolver.group(t)
            if found:
                name, singular = found
        if name is None:
            return None
        if t.tag_ == "PRP$":
            name += "'s"
        overrides[t.i] = name
        if singular and t.dep_ == "nsubj" and t.head.tag_ == "VBP":
            overrides[t.head.i] = _singular_finite(t.head)
    body = _join([(overrides.get(t.i, t.text), t.whitespace_) for t in plan_toks])
    q = f"What happens {mark.lower_} {body}?"
    ans = _consequence(sent, main, cond)
    return _cand(sent, q, "what_if", ans, 1.35) if ans else None


_FOCUS_ADVERBS = {"only", "even", "just"}


def _consequence(sent: Span, main: Token, cond: Token) -> list[Token]:
    """The main clause of a conditional without its if-clause, as one contiguous run.

    A leading condition leaves the clause after it (an attribution before the condition is
    dropped); a trailing condition leaves the text before it, with the attribution when that
    is contiguous. A condition in the middle of its clause gives no answer.
    """

    def filler(toks: Sequence[Token]) -> bool:
        return all(
            t.is_punct or t.is_space or t.lower_ in _FOCUS_ADVERBS or t.dep_ in {"mark", "cc"}
            for t in toks
        )

    clause = [t for t in main.subtree if not t.is_space]
    before = [t for t in clause if t.i < cond.left_edge.i]
    after = [t for t in clause if t.i > cond.right_edge.i]
    if filler(before):
        return after
    # a trailing condition: the clause's verb comes first and only comma-separated material
    # ("..., emphasizing that ...") follows the condition
    if main.i > cond.left_edge.i or not (filler(after) or after[0].text == ","):
        return []
    tail = [t for t in sent if t.i > cond.right_edge.i]
    top = main.dep_ == "ROOT" or (main.dep_ == "ccomp" and main.head.dep_ == "ROOT")
    if top and filler(tail):
        return [t for t in sent if t.i < cond.left_edge.i and not t.is_space]
    return before


def _inverted_fallback(
    root: Token, ans_ids: set[int], wh: str, resolver: Resolver | None, budget: int
) -> str | None:
    """Last resort with inversion: take the answer out of its clause, invert, do-support."""
    head = clause_head(root)
    if head.i in ans_ids or head.pos_ not in {"VERB", "AUX"}:
        return None
    subj = _subject(head)
    if not subj or {t.i for t in subj} & ans_ids:
        return None
    if not ans_ids <= {t.i for t in head.subtree}:
        return None
    remove = set(ans_ids)
    if root.dep_ == "ccomp" and root.pos_ in {"VERB", "AUX"}:
        # most of a reported clause: "believed that [X-rays were waves] in plasma" asks
        # "What did he believe?", not about the words the answer leaves behind
        remove |= _subtree_ids(root)
    plan = _Plan(head=head, wh=wh, remove=remove, budget=budget)
    return _realize(plan, resolver)


def _echo_question(sent: Span, ans_ids: set[int], wh: str, budget: int = 0) -> str | None:
    """Last resort: the wh-word, then the answer's clause with the answer taken out."""
    toks = [t for t in sent if not t.is_space]
    root = _span_root([sent.doc[i] for i in sorted(ans_ids)])
    head = clause_head(root)
    if budget and head.i not in ans_ids:
        toks = _compress(_clause_tokens(head, ans_ids), head, ans_ids, budget)
    while toks and toks[-1].is_punct:
        toks.pop()
    if not any(t.i in ans_ids for t in toks):
        return None
    pieces: list[tuple[str, str]] = [(wh, " ")]
    last = -2
    for t in toks:
        if t.i not in ans_ids:
            if last >= 0 and t.i != last + 1 and not pieces[-1][1] and not t.is_punct:
                pieces[-1] = (pieces[-1][0], " ")
            pieces.append((_lower_first(t, t.text), t.whitespace_))
            last = t.i
    return _finish(_join(pieces))


_EVENT_MARKS = {"if", "when", "after", "before", "once", "until"}


def _happened_question(root: Token, ans_ids: set[int]) -> str | None:
    """A whole clause is the answer: "What happened" with the time, place or condition the
    answer leaves out ("In 1901, [Marconi sent a signal]" -> "What happened in 1901?")."""
    if root.pos_ not in {"VERB", "AUX"} or not any(
        c.dep_ in _SUBJ and c.i in ans_ids for c in root.children
    ):
        return None
    phrases: list[str] = []
    for c in root.children:
        ids = _subtree_ids(c)
        if ids & ans_ids:
            continue
        marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
        dated = any(t.ent_type_ in {"DATE", "TIME", "GPE", "LOC"} for t in c.subtree)
        if (c.dep_ == "prep" and dated and c.lower_ in _PIED_PREPS) or (
            c.dep_ == "advcl" and marks & _EVENT_MARKS
        ):
            toks = [t for t in _sub(c) if not t.is_space]
            phrases.append(_join([(_lower_first(t, t.text), t.whitespace_) for t in toks]))
    if not phrases:
        return None
    tag = _tense_tag(root)
    perfect = tag != "VBD" and any(a.lemma_ == "have" for a in _aux(root))
    verb = "has happened" if perfect else "happened" if tag == "VBD" else "happens"
    return _finish(f"What {verb} {' '.join(phrases)}")


def _widened_question(
    sent: Span, root: Token, resolver: Resolver | None, budget: int
) -> str | None:
    """Ask about the smallest movable phrase around an answer that cannot move on its own.

    "a portion of [air] is consumed" -> "What is consumed?" (the answer sits in an island).
    """
    t = root
    for _ in range(4):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in {"VERB", "AUX"}:
            return None
        if t.dep_ in _SUBJ | {"dobj", "pobj", "attr", "oprd", "dative"} and t.pos_ in {
            "NOUN",
            "PROPN",
            "PRON",
            "NUM",
        }:
            res = question_for_span(
                sent,
                t.left_edge.i,
                t.right_edge.i + 1,
                resolver,
                attribution=False,
                strict=False,
                budget=budget,
            )
            if res is not None:
                return _keep_answer_type(res, root, resolver)
    return None


def _keep_answer_type(
    res: tuple[str, QAKind], root: Token, resolver: Resolver | None
) -> str | None:
    """A question about the phrase around the answer, with the answer's own wh-word.

    "the leadership of [Jean Ribault]" still asks "Who"; "in the course of the war of [1920]"
    asks "When"; a number wh-word does not ask about a name ("42% of [UK] teachers").
    """
    q, kind = res
    if kind == "what" and q.startswith("What ") and _is_personal(root, resolver):
        return "Who " + q[5:]
    if root.ent_type_ in {"DATE", "TIME"} and kind == "where" and q.startswith("Where "):
        return "When " + q[6:]
    if root.ent_type_ in {"DATE", "TIME"} and kind in {"what", "who"}:
        m = re.match(r"(\w+) (?:what|whom) ", q)
        if m and m.group(1).lower() in _WHEN_PREPS | {"during"}:
            return "When " + q[m.end() :]
    if kind in {"how_many", "how_much"} and not root.like_num:
        return None
    return q


def _is_personal(root: Token, resolver: Resolver | None) -> bool:
    """The answer names or describes a person."""
    return (
        root.ent_type_ == "PERSON"
        or _is_person(root)
        or bool(resolver and root.pos_ == "PROPN" and root.text in resolver.surnames)
    )


def _thin(question: str, sent: Span) -> bool:
    """The question keeps too little of its sentence: no content word but the verb ("Who
    stated?"), or a single common word ("What was the belief?"); a name alone is enough
    ("What is DECnet?")."""
    content = {w for w in re.findall(r"[\w'-]+", question.lower()) if w not in _FUNCTION_WORDS}
    if len(content) > 2:
        return False
    pos = {t.lower_: t.pos_ for t in sent if t.lower_ in content}
    if all(pos.get(w) in {"VERB", "AUX"} for w in content):
        return True
    return len(content) < 2 and not any(pos.get(w) == "PROPN" for w in content)


def ask_in_doc(
    doc: Doc, start: int, end: int, resolver: Resolver | None = None, *, budget: int = 14
) -> tuple[str | None, str]:
    """Answer-aware mode over a parsed doc: ask about characters ``start:end``.

    Tries the syntactic transformations (islands allowed, no attribution suffix); then asks
    about the smallest movable phrase around the answer ("widened"); then takes the answer
    out of its clause with inversion and do-support ("inverted"); then, as a last resort, the
    wh-word before the clause with the answer removed ("in-place"). Returns (question or
    None, how): ``how`` is "" for a transformed question, one of the fallback names above, or
    the reason when nothing was produced.

    >>> from newsfaq.text.nlp import parse
    >>> ask_in_doc(parse("The bridge was built in Lisbon."), 24, 30)
    ('Where was the bridge built?', '')
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None, "answer not on token boundaries"
    sent = span[0].sent
    if span[-1].i >= sent.end:
        span = doc[span.start : sent.end]
    if resolver is not None:
        resolver.resolve_it = True
        resolver.topic_fallback = True
    ask = functools.partial(
        question_for_span, sent, span.start, span.end, resolver, attribution=False, strict=False
    )
    res = ask(budget=budget)
    if budget and (res is None or _thin(res[0], sent)):
        # too little kept ("Who stated?"): a looser budget and the adverbial clause
        res = ask(budget=budget + budget // 2, adverbial=True) or res
    if res is not None:
        return res[0], ""
    # the answer sits in a participle clause: ask within it ("a bridge built in [1900]")
    participle = ask(budget=budget, participle=True)
    if participle is not None and not _thin(participle[0], sent):
        return participle[0], ""
    ans = _answer_tokens(span, strict=False)
    if not ans:
        return None, "answer is punctuation"
    root = _span_root(ans)
    happened = _happened_question(root, {t.i for t in ans})
    if happened is not None:
        return happened, ""
    wider = _widened_question(sent, root, resolver, budget)
    if wider is not None:
        return wider, "widened"
    wh, _ = _answer_wh(ans, root, resolver)
    inverted = _inverted_fallback(root, {t.i for t in ans}, wh, resolver, budget)
    if inverted is not None:
        return inverted, "inverted"
    q = _echo_question(sent, {t.i for t in ans}, wh, budget)
    if q is None:
        return None, f"no clause for answer ({root.dep_})"
    return q, "in-place"
