"""Shared syntax helpers of the question engine: word lists, subjects, auxiliaries, noun
phrases, clause heads, attribution, and the pronoun :class:`Resolver`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from newsfaq.ask.qanalysis import ORG_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Resolver", "clause_head", "noun_phrase"]


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


# verbs of an outcome or a reaction: an "as" or "after" clause, or an "after" or "over" phrase,
# on one of them gives its cause ("ended flat as weaker shares offset optimism"; "drew the ire
# of the Packers after he stepped on Rodgers"; "was charged after a shooting")
_OUTCOME_VERBS = {
    "charge", "arrest", "fire", "sack", "sue", "fine", "suspend", "ban", "resign", "quit",
    "apologize", "apologise", "criticize", "criticise", "condemn", "draw", "spark", "face",
    "close", "shut", "evacuate", "cancel", "postpone", "delay", "halt", "recall", "withdraw",
    "fall", "rise", "slip", "gain", "climb", "jump", "slump", "tumble", "surge", "soar",
    "plunge", "drop", "end", "veto", "reject", "protest", "investigate", "ground", "die",
    "hospitalize", "hospitalise", "convict", "jail", "sentence", "expel", "dismiss", "oust",
    "boycott", "scrap", "abandon", "retire", "step", "lose", "win", "settle",
}  # fmt: skip
_OUTCOME_MARKS = {"as", "after"}
_OUTCOME_PREPS = {"after", "over", "amid", "amidst"}
_NOT_CAUSES = {"DATE", "TIME", "CARDINAL", "QUANTITY", "PERCENT", "MONEY", "ORDINAL"}


def causal_clause(clause: Token) -> bool:
    """An adverbial clause that gives its head's cause: "because ...", an "as"/"after" clause
    with its own subject after an outcome verb ("ended flat as weaker shares ..."), or the
    participle "citing ..." ("cut 300 jobs, citing weak demand")."""
    if clause.dep_ != "advcl":
        return False
    if clause.lower_ == "citing" and any(c.dep_ == "dobj" for c in clause.children):
        return clause.i > clause.head.i
    marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
    if marks & _CAUSE_MARKS:
        return True
    return (
        bool(marks & _OUTCOME_MARKS)
        and clause.i > clause.head.i
        and clause.head.lemma_.lower() in _OUTCOME_VERBS
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)
    )


def causal_prep(prep: Token) -> bool:
    """An "after"/"over"/"amid" phrase naming an event after an outcome verb ("was charged
    after a shooting", "was fined over the leak", "fell amid fears of a slowdown"), not a time
    ("after two years", "over the weekend")."""
    if prep.dep_ != "prep" or prep.lower_ not in _OUTCOME_PREPS or prep.i < prep.head.i:
        return False
    if prep.head.lemma_.lower() not in _OUTCOME_VERBS:
        return False
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    return (
        obj is not None
        and obj.pos_ in {"NOUN", "PROPN"}
        and obj.ent_type_ not in _NOT_CAUSES
        and obj.lemma_.lower() not in _TIME_UNITS
    )


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
        """Name of the nearest person mentioned before ``tok`` (within three sentences); the
        subject of the clause it is coordinated with comes first ("Doudna had started a
        company, Caribou Biosciences, but in 2013 she joined ..." -> Doudna), and a name in
        apposition to a thing ("a small company, Caribou Biosciences") is no person."""
        first = self._coordinated_subject(tok)
        if first is not None:
            return first.text
        for cand in self._window(tok, 3):
            if cand.i in self.quoted and tok.i not in self.quoted:
                continue
            if self._is_person_mention(cand) and not _names_a_thing(cand):
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

    def _coordinated_subject(self, tok: Token) -> Token | None:
        """The named person subject of the clause that ``tok``'s clause is coordinated with."""
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.dep_ != "conj" or verb.head.i >= verb.i:
            return None
        subject = next((k for k in verb.head.children if k.dep_ == "nsubj"), None)
        if subject is None or not self._is_person_mention(subject) or _names_a_thing(subject):
            return None
        return subject

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


def _names_a_thing(tok: Token) -> bool:
    """``tok`` is part of a name in apposition to a noun for an organisation ("a small company,
    Caribou Biosciences"); "Patty Hearst, kidnap victim-cum-SLA revolutionary" stays a person."""
    while tok.dep_ in {"compound", "flat"} and tok.head.i != tok.i:
        tok = tok.head
    other: Token | None = tok.head if tok.dep_ == "appos" else None
    if other is None:
        other = next((k for k in tok.children if k.dep_ == "appos"), None)
    return other is not None and other.lemma_.lower() in _THING_NOUNS


_THING_NOUNS = ORG_NOUNS | {"startup", "charity", "foundation", "brand", "retailer", "maker"}


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
    if tok.pos_ in {"ADP", "DET"} and tok.ent_type_ != "WORK_OF_ART" and text.istitle():
        return text.lower()  # "In 1978" moved to the end of a question; "the BSE Sensex"
    # a common word the tagger read as a name, written in lower case elsewhere ("Zombies"), or
    # a sentence's first word that no entity covers and a lower-case adjective follows ("Star
    # defensive tackle Ndamukong Suh")
    common = not tok.ent_type_ and (
        text.lower() in _lowercase_inside(tok.doc) or (tok.is_sent_start and _lower_next(tok))
    )
    if text == "I" or (
        (tok.pos_ == "PROPN" or tok.ent_type_ in _NAME_ENTS)
        and not _role_before_name(tok)
        and not misread
        and not common
    ):
        return text
    doc = tok.doc
    j = tok.i
    while j > 0 and not doc[j].is_sent_start:
        j -= 1
        if not (doc[j].is_space or doc[j].is_punct):
            return text
    if text in _capitalized_inside(doc) and not common:
        return text  # written with a capital inside a sentence too: a name the tagger missed
    return text[:1].lower() + text[1:]


def _lower_next(tok: Token) -> bool:
    """The next word after ``tok`` is a lower-case adjective ("Star defensive tackle X"; a
    name is followed by a name, a verb or a noun: "Luther forwarded", "Redmoor coach")."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.is_alpha and nxt.is_lower and nxt.pos_ == "ADJ"


def _doc_words(doc: Doc, key: str, keep: Callable[[Token], bool]) -> frozenset[str]:
    """The words of ``doc`` that ``keep`` accepts, computed once per doc under ``key``."""
    cached = doc.user_data.get(key)
    if isinstance(cached, frozenset):
        return cached
    words = frozenset(t.text for t in doc if keep(t))
    doc.user_data[key] = words
    return words


def _lowercase_inside(doc: Doc) -> frozenset[str]:
    """Words written in lower case somewhere in ``doc``."""
    return _doc_words(
        doc, "newsfaq_lowercase", lambda t: t.is_lower and t.is_alpha and len(t.text) > 2
    )


def _capitalized_inside(doc: Doc) -> frozenset[str]:
    """Capitalized words that stand inside a sentence somewhere in ``doc``."""
    return _doc_words(
        doc,
        "newsfaq_capitalized",
        lambda t: (
            t.i > 0
            and not t.is_sent_start
            and t.is_title
            and t.is_alpha
            and not doc[t.i - 1].is_punct
            and not doc[t.i - 1].is_space
        ),
    )


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


def _past_tense(verb: Token) -> str:
    """Simple past of ``verb`` (regular by rule; irregular through lemminflect, lazily)."""
    return verb_form(verb, "VBD")


def verb_form(verb: Token, tag: str) -> str:
    """``verb`` in the form of ``tag`` ("VBD" simple past, "VBN" past participle): as written
    when it has that tag or ends in "-ed" (regular), else through lemminflect, lazily."""
    if verb.tag_ == tag or verb.text.endswith("ed"):
        return verb.text
    from lemminflect import getInflection

    forms = getInflection(verb.lemma_, tag=tag)
    return forms[0] if forms else verb.text


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


_SPLIT_ENTS = {"MONEY", "CARDINAL", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"}


def _is_personal(root: Token, resolver: Resolver | None) -> bool:
    """The answer names or describes a person."""
    return (
        root.ent_type_ == "PERSON"
        or _is_person(root)
        or bool(resolver and root.pos_ == "PROPN" and root.text in resolver.surnames)
    )
