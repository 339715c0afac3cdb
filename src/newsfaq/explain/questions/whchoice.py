"""Wh-choice: which question word or phrase fits an answer (who / what / when / where / how
many / how much / what <class>).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsfaq.explain.questions.realization import _finish
from newsfaq.explain.questions.syntax import (
    _AT_OBJECT_VERBS,
    _CLASS_NOUNS,
    _MANNER_PREPS,
    _MEASURE_ADJ,
    _NAME_ENTS,
    _PIED_PREPS,
    _PLACE_NOUNS,
    _SPLIT_ENTS,
    _STRANDED_PREPS,
    _SUBJ,
    _TIME_PREPS,
    _TIME_UNITS,
    _TITLES,
    _WHEN_PREPS,
    _WHERE_PREPS,
    Resolver,
    _is_person,
    _is_personal,
    _join,
    _sub,
    _subtree_ids,
    causal_clause,
    causal_prep,
    noun_phrase,
)
from newsfaq.models import QAKind

if TYPE_CHECKING:
    from spacy.tokens import Token


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
    phrase after the noun, which stays where it is ("How many beds are there in the ward?",
    "How many jobs did Michigan regain between 2010 and 2013?")."""
    stays = {
        t.i
        for c in noun.rights
        if c.dep_ == "prep"
        and (c.lower_ in _WHERE_PREPS | _WHEN_PREPS or _dated(c))
        and c.i not in ans_ids
        for t in c.subtree
    }
    return _subtree_ids(noun) - stays


def _dated(prep: Token) -> bool:
    """A preposition whose object is a date ("between 2010 and 2013", "since 2009")."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return bool(objs) and all(o.ent_type_ in {"DATE", "TIME"} for o in objs)


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


_STATE_VERBS = frozenset({"be", "look", "seem", "appear", "become", "remain", "have"})
"""Verbs of being, not acting: "What looked like the dream team?" keeps "What"."""


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
        or (label == "ORG" and root.dep_ == "nsubj" and root.head.lemma_ not in _STATE_VERBS)
    ):
        # an organisation that acts ("was signed by [the council]", "[The SEC] filed charges")
        # too: raters read "What filed charges?" as the wrong question word
        return "who", "who"
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
        return _percentage_of(root), "how_much"
    if (label in {"CARDINAL", "QUANTITY"} or not label) and all(
        t.pos_ in {"NUM", "SYM", "PUNCT"} for t in ans
    ):
        return "how many", "how_many"
    return "what", "what"


def _percentage_of(root: Token) -> str:
    """ "what percentage", or "what percentage of <whole>" when a subject share names its whole
    ("[60% of oncologists] order tests" -> "What percentage of oncologists order tests?": the
    whole is part of the answer the question replaces, and without it the question is garbled).
    """
    if root.dep_ not in {"nsubj", "nsubjpass"}:
        return "what percentage"
    of = [c for c in root.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > root.i]
    whole = [c for c in of[0].children if c.dep_ == "pobj"] if of else []
    if not whole or whole[0].pos_ not in {"NOUN", "PROPN"}:
        return "what percentage"  # "62 percent of those": no whole to name
    # the whole stands inside its sentence: its words as written ("of Mexican immigrants")
    return "what percentage of " + _join([(t.text, t.whitespace_) for t in whole[0].subtree])


def _adjunct_wh(root: Token) -> tuple[str, QAKind] | None:
    """The wh-word of an adverbial clause answer: a cause or purpose asks "why", a participle
    of manner "how"; None for other clauses."""
    if root.dep_ != "advcl" or root.pos_ not in {"VERB", "AUX", "ADJ"}:
        return None
    marks = {c.lower_ for c in root.children if c.dep_ == "mark"}
    if causal_clause(root):
        return "why", "why"
    if marks or any(c.dep_ in _SUBJ for c in root.children):
        return None
    if root.pos_ == "ADJ" or any(c.dep_ == "aux" and c.tag_ == "TO" for c in root.children):
        return "why", "why"  # "Unwilling to risk it, ..."; "... to pay for the school"
    if root.tag_ == "VBG":
        return "how", "other"
    return None


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


@dataclass
class _Target:
    """The answer of a question being built and what the question word stands for.

    ``remove`` are the tokens the wh-phrase replaces; ``cover`` the tokens it stands for (for
    the subject test); both grow as the wh-choice steps widen the answer.
    """

    ans: list[Token]
    root: Token
    ans_ids: set[int]
    wh: str
    kind: QAKind
    strict: bool
    remove: set[int] = field(default_factory=set)
    cover: set[int] = field(default_factory=set)
    subj_head: Token | None = None


@dataclass(frozen=True)
class _Done:
    """A step's final answer (a question and its kind, or None: no question)."""

    value: tuple[str, QAKind] | None


def _stranded_modifiers(t: _Target) -> None:
    """Modifiers the answer leaves out would be stranded: "opposed religious [fanaticism]";
    a class noun among them names the answer's type: "Egyptian president [Nasser]"."""
    root = t.root
    stranded = sorted(
        (
            x
            for c in root.lefts
            if c.dep_ in {"amod", "compound", "nmod", "poss"} and c.i not in t.ans_ids
            for x in c.subtree
        ),
        key=lambda x: x.i,
    )
    class_nouns = [x for x in stranded if x.pos_ == "NOUN" and x.dep_ == "compound"]
    if (
        root.pos_ == "PROPN"
        and class_nouns
        and not t.strict
        and t.kind == "what"
        and all(x.dep_ != "poss" and x.tag_ != "POS" for x in stranded)
    ):
        wh_words = [
            (x.text if x.pos_ == "PROPN" or x.ent_type_ else x.lower_, x.whitespace_)
            for x in stranded
            if x.dep_ not in {"det", "predet", "case"}
        ]
        t.wh = "what " + _join(wh_words)
    t.ans_ids |= {x.i for x in stranded}


def _subject_head_and_list(t: _Target) -> None:
    """The head the answer hangs from inside its noun phrase; one conjunct of a list asks
    about the whole coordination (answer-aware mode)."""
    subj_head = t.root
    while subj_head.dep_ in {"compound", "amod", "nummod", "poss", "det", "appos", "conj"} and (
        subj_head.head.i != subj_head.i
    ):
        subj_head = subj_head.head
    t.subj_head = subj_head
    root = t.root
    if not t.strict and root.dep_ == "conj" and root.pos_ in {"NOUN", "PROPN", "NUM"}:
        first = root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        t.ans_ids = t.ans_ids | _subtree_ids(first)
        t.root = first
        t.cover = _subtree_ids(first)
        t.remove = set(t.cover)


def _is_counted(t: _Target) -> bool:
    """A noun counted by a number inside the answer ("[three] weight rooms")."""
    root, strict = t.root, t.strict
    return (
        root.pos_ == "NOUN"
        and (
            root.ent_type_ not in {"DATE", "MONEY", "PERCENT", "TIME", "QUANTITY"}
            or (not strict and root.ent_type_ == "QUANTITY" and root.tag_ == "NNS")
            or (
                not strict
                and root.ent_type_ == "DATE"
                and root.tag_ == "NNS"
                and root.dep_ != "pobj"
                and not _has_year(t.ans)
            )
        )
        and any(
            c.dep_ == "nummod" and c.i in t.ans_ids and c.like_num and c.ent_type_ != "MONEY"
            for c in root.children
        )  # "a $180 million programme" is no count of programmes
    )


def _unit_wh(t: _Target) -> bool:
    """Age, "the town of X", measures, counted nouns, "several", a date modifier."""
    root, ans_ids = t.root, t.ans_ids
    counted = _is_counted(t)
    measure = _measure_adjective(root, ans_ids)
    of_class = _of_class_noun(root, ans_ids) if not t.strict else None
    age = root.head.head if _is_age(root) else None
    if age is not None:
        # "at the age of [86]" -> "at what age"
        t.wh, t.kind = "what age", "what"
        t.remove = _subtree_ids(age)
        t.root = age
        t.cover = t.remove | ans_ids
    elif of_class is not None:
        # "the town of [Baldwin]" -> "what town"
        t.wh = _class_wh(of_class, ans_ids) or f"what {of_class.lower_}"
        t.kind = "what"
        t.remove = _subtree_ids(of_class)
        t.root = of_class
        t.cover = t.remove | ans_ids
    elif measure is not None:
        # "seven months old" -> "how old"; "86 km long" -> "how long"
        t.wh, t.kind = f"how {measure.lower_}", "other"
        t.remove = _subtree_ids(measure)
        t.root = measure
        t.cover = t.remove | ans_ids
    elif counted:
        # "three weight rooms" -> "how many weight rooms"
        nums = _number_tokens(root)
        num_ids = {x.i for x in nums} | {
            x.i for c in root.children if c.dep_ == "nummod" and c.i in ans_ids for x in c.subtree
        }
        t.wh = _how_many_wh(root, num_ids)
        t.kind = "how_many"
        t.remove = _counted_ids(root, ans_ids)
        t.cover = t.remove
    else:
        return _several_or_date_wh(t)
    return True


def _several_or_date_wh(t: _Target) -> bool:
    """ "several reporters" -> "how many reporters"; "his [1893] pronouncements" -> when."""
    root = t.root
    assert t.subj_head is not None
    if root.lower_ in {"several", "many", "few"} and root.head.pos_ == "NOUN":
        noun = root.head
        t.wh = _how_many_wh(noun, t.ans_ids)
        t.kind = "how_many"
        t.remove = _subtree_ids(noun)
        t.root = noun
        t.cover = t.remove
        return True
    if (
        not t.strict
        and root.ent_type_ == "DATE"
        and root.dep_ in {"compound", "nummod", "amod", "nmod"}
        and t.subj_head.dep_ not in _SUBJ
        and not _counts_time(root)
    ):
        # "his 1893 pronouncements" -> "When did he make pronouncements?"
        t.wh, t.kind = "when", "when"
        t.remove = set(t.ans_ids)
        t.cover = set(t.ans_ids)
        return True
    return False


def _number_wh(t: _Target) -> bool:
    """A number modifying a noun: how many / what percentage / how much / when / what."""
    root, strict, ans_ids = t.root, t.strict, t.ans_ids
    assert t.subj_head is not None
    if not (t.subj_head.dep_ in {"nummod"} or root.dep_ == "nummod"):
        return False
    noun = root.head if root.dep_ == "nummod" else t.subj_head
    doc = root.doc
    num_ids = ans_ids | {x.i for x in _number_tokens(noun)}
    t.wh = _how_many_wh(noun, num_ids)
    t.kind = "how_many"
    hyphen_unit = noun.i > 0 and doc[noun.i - 1].text in {"-", "–"} and noun.tag_ == "NN"
    # "for [ten] days" counts days: "How many days ...?", not "When ...?"
    counted_time = not strict and _counts_time(root)
    if (root.ent_type_ == "DATE" or noun.ent_type_ == "DATE") and not (
        (hyphen_unit or counted_time) and not strict
    ):
        rest = [x for x in _sub(noun) if x.i not in num_ids and x.dep_ not in {"det"}]
        rest = [x for x in rest if x.i <= noun.i]
        t.wh = "what " + _join([(x.text, x.whitespace_) for x in rest])
        t.kind = "when"
    elif noun.ent_type_ == "PERCENT" or noun.lower_ in {"%", "percent", "per"}:
        t.wh, t.kind = "what percentage", "how_much"
    elif noun.ent_type_ == "MONEY" or noun.lower_ == "worth":
        t.wh, t.kind = "how much", "how_much"
    elif root.ent_type_ == "MONEY" and any(x.tag_ == "$" for x in t.ans):
        # "a $5,000 prize" -> "what prize"
        t.wh, t.kind = "what " + t.wh.removeprefix("how many "), "how_much"
    elif not strict and _labels_noun(noun, num_ids):
        # a number that names, not counts: "[5K] resolution" -> "what resolution"
        t.wh, t.kind = "what " + t.wh.removeprefix("how many "), "what"
    t.remove = _counted_ids(noun, ans_ids)
    if counted_time:
        t.wh = f"how many {noun.lower_}"  # not "how many last years"
        if noun.dep_ == "pobj" and noun.head.lower_ in {"for", "over"}:
            t.remove |= _subtree_ids(noun.head)  # "How many days ...?", no "for"
    t.root = noun
    t.cover = t.remove
    return True


def _appos_wh(t: _Target, resolver: Resolver | None) -> _Done | None:
    """An appositive: it stands for its noun phrase (answer-aware), or "Who is X?"."""
    root = t.root
    if not t.strict and root.head.dep_ in _SUBJ | {"dobj", "pobj", "attr"}:
        # answer-aware: the appositive stands for its whole noun phrase
        personal = root.ent_type_ == "PERSON" and root.head.ent_type_ in {"", "PERSON"}
        root = t.root = root.head
        t.wh, t.kind = _answer_wh([root], root, resolver)
        if t.kind == "what":
            t.wh = _class_wh(root, t.ans_ids) or ("who" if personal else t.wh)
            t.kind = "who" if t.wh == "who" else t.kind
        t.remove = _subtree_ids(root)
        t.cover = t.remove | t.ans_ids
        t.ans_ids = t.ans_ids | t.remove
        return None
    # "X, <answer>, ..." -> "Who is X?"
    head_np = noun_phrase(root.head)
    w = "Who" if _is_person(root.head) else "What"
    q = _finish(f"{w} is {head_np}")
    return _Done((q, "who_is") if q else None)


def _modifier_wh(t: _Target) -> None:
    """A modifier of a noun: "[BBC] reporters" -> "what reporters"; "[Ann's] car" -> whose."""
    root = t.root
    if not (
        root.dep_ in {"compound", "amod", "poss", "nmod"}
        and root.head.pos_ in {"NOUN", "PROPN"}
        and root.ent_type_ not in {"PERSON"}
    ):
        return
    noun = root.head
    rest = [x for x in _sub(noun) if x.i not in t.ans_ids and x.dep_ not in {"det", "case"}]
    rest = [x for x in rest if x.i <= noun.i]
    words = _join([(x.text, x.whitespace_) for x in rest])
    t.wh = ("whose " if root.dep_ == "poss" else "what ") + words
    t.remove = _subtree_ids(noun)
    t.root = noun
    t.cover = t.remove


def _noun_wh(t: _Target, resolver: Resolver | None) -> _Done | None:
    """The wh-phrase for an answer inside a noun phrase (in the order the rules apply)."""
    if _unit_wh(t) or _number_wh(t):
        return None
    if t.root.dep_ == "appos":
        return _appos_wh(t, resolver)
    _modifier_wh(t)
    return None


def _numeric_wh(t: _Target, resolver: Resolver | None) -> None:
    """A bare number after "be" (what / how old) and "two of the six packages"."""
    root, strict = t.root, t.strict
    if (
        not strict
        and root.dep_ == "attr"
        and root.head.lemma_ == "be"
        and all(x.like_num or x.is_punct for x in t.ans)
        and t.wh in {"how many", "what"}
    ):
        # "the average size was [3.6]" -> "What was ...?"; "Newton was [26]" -> "How old ...?"
        subjects = [c for c in root.head.children if c.dep_ in _SUBJ]
        personal = bool(subjects) and _is_personal(subjects[0], resolver)
        t.wh, t.kind = ("how old", "other") if personal else ("what", "what")
    if t.kind == "how_much" or (
        not strict and t.kind == "how_many" and t.wh == "how many" and root.pos_ == "NUM"
    ):
        # "two of the six packages" -> "how many of the six packages"
        ofs = [c for c in root.rights if c.dep_ == "prep" and c.lower_ == "of"]
        if ofs and not ({x.i for x in ofs[0].subtree} & t.ans_ids):
            of_text = _join([(x.text, x.whitespace_) for x in _sub(ofs[0])])
            t.wh = f"{t.wh} {of_text}"
            t.remove = _subtree_ids(root)
            t.cover = t.remove | t.ans_ids


def _time_place_prep_wh(t: _Target, prep: Token) -> bool:
    """ "in [2001]" -> when; "in [Paris]" -> where; "for [nine months]" -> how long."""
    root, strict, p, gov = t.root, t.strict, prep.lower_, prep.head
    if t.kind == "when" and (p in _WHEN_PREPS or p in {"since", "until", "after", "before"}):
        if p not in _WHEN_PREPS:
            t.wh = f"{p} when"
        t.remove = _subtree_ids(prep)
    elif (
        root.ent_type_ in {"GPE", "LOC", "FAC"}
        or (t.kind == "what" and _is_place(root))
        or (
            not strict
            and p == "at"
            and t.wh == "what"
            and gov.pos_ == "VERB"
            and gov.lemma_.lower() not in _AT_OBJECT_VERBS
            and root.ent_type_ not in _SPLIT_ENTS
        )
    ) and p in _WHERE_PREPS:
        t.wh, t.kind = "where", "where"
        t.remove = _subtree_ids(prep)
    elif (
        not strict
        and root.ent_type_ in {"GPE", "LOC", "FAC"}
        and p in {"into", "on", "to", "toward", "towards"}
        and gov.pos_ == "VERB"
    ):
        # "centred on [Melbourne]" -> "Where are X centred?"; "moved to" keeps its "to"
        t.wh, t.kind = "where", "where"
        t.remove = _subtree_ids(prep) if p in {"into", "on"} else set(t.ans_ids)
    elif (
        not strict
        and root.ent_type_ == "DATE"
        and p in {"for", "over", "within"}
        and (_is_duration(t.ans))
    ):
        # "for [nine months]" -> "How long ...?"
        t.wh, t.kind = "how long", "when"
        t.remove = _subtree_ids(prep)
    else:
        return False
    return True


def _other_prep_wh(t: _Target, prep: Token) -> None:
    """ "because of [X]" -> why; "by [X]" -> how; "with [whom]" keeps its preposition."""
    strict, p, gov = t.strict, prep.lower_, prep.head
    if p in {"because", "due"}:
        t.wh, t.kind = "why", "why"
        t.remove = _subtree_ids(prep)
    elif not strict and p == "during" and t.kind == "who" and gov.pos_ == "VERB":
        # "during [the Oligocene]" names a time, not a person
        t.wh, t.kind = "during what", "what"
        t.remove = _subtree_ids(prep)
    elif (
        p in {"by", "via", "through"}
        and prep.dep_ == "prep"
        and gov.pos_ in {"VERB", "AUX"}
        and t.kind == "what"
    ):
        t.wh, t.kind = "how", "other"
        t.remove = _subtree_ids(prep)
    elif _by_means_of(prep) and t.kind == "what":
        t.wh, t.kind = "how", "other"
        t.remove = _subtree_ids(prep.head.head)
    elif (
        p in _PIED_PREPS
        and gov.pos_ in {"VERB", "AUX"}
        and t.kind in {"what", "who"}
        and (strict or p not in _STRANDED_PREPS)
    ):
        t.wh = f"{p} {'whom' if t.wh == 'who' else t.wh}"
        t.remove = _subtree_ids(prep)


def _relation_wh(t: _Target) -> None:
    """The wh-phrase from the answer's relation to its clause (prepositions, adverbials)."""
    root = t.root
    if root.dep_ == "pobj" and causal_prep(root.head):
        t.wh, t.kind = "why", "why"  # "was charged [after a shooting]"
        t.remove = _subtree_ids(root.head)
        t.cover = t.remove | t.ans_ids
    elif root.dep_ == "pobj" and root.head.dep_ in {"prep", "agent", "dative"}:
        if not _time_place_prep_wh(t, root.head):
            _other_prep_wh(t, root.head)
        t.cover = t.remove | t.ans_ids
    elif root.dep_ in {"npadvmod", "tmod"} and t.kind == "when":
        t.remove = _subtree_ids(root)
    elif root.pos_ in {"VERB", "AUX"} and root.dep_ == "advcl":
        if causal_clause(root):
            t.wh, t.kind = "why", "why"
    elif root.dep_ == "pcomp" and root.head.lower_ in {"because", "due"}:
        t.wh, t.kind = "why", "why"
        t.remove = _subtree_ids(root.head)
    elif root.dep_ == "pcomp" and root.head.lower_ == "by" and root.head.head.pos_ == "VERB":
        t.wh, t.kind = "how", "other"
        t.remove = _subtree_ids(root.head)
    elif root.dep_ == "advmod" and root.pos_ == "ADV" and root.head.pos_ in {"VERB", "AUX"}:
        t.wh, t.kind = "how", "other"
    # include a leading "because"/"that" marker in what is removed
    doc = root.doc
    for i in list(t.remove):
        for c in doc[i].children:
            if c.dep_ == "mark" and c.i == min(t.remove) - 1:
                t.remove.add(c.i)
