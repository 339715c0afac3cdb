"""Name checks: people, organisations and places absent from the original, a name put in the slot
of another, and gendered pronouns.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import TYPE_CHECKING

from spacy.tokens import Span

from newsfaq.audit.align import Aligner, WordIndex, content_tokens, norm_word
from newsfaq.text.facts import NAME_TITLES
from newsfaq.text.nlp import Sentence, defined_acronyms, entity_span, spelled_out_in
from newsfaq.text.wordvec import word_vectors

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan
from newsfaq.audit.checks.common import (
    _SLOT_LABELS,
    HONORIFICS,
    JOB_FUNCTIONS,
    KIN_PAIRS,
    NAMED,
    OFFICE_TITLES,
    ORG_TITLES,
    SAY_VERBS,
    TITLE_SHORT,
    CheckResult,
    Finding,
    _around,
    _ent_words,
    _quote,
    _slot,
    _tokens_of,
    described_names,
    from_sentence_before,
    named_in_full,
    shortens,
    token_runs,
    untagged_names,
    untagged_proper,
)
from newsfaq.audit.checks.dates import date_parts
from newsfaq.audit.checks.figures import UNIT_ABBREVIATIONS
from newsfaq.text.nlp import Analysis
from newsfaq.text.numbers import find_numbers


def acronyms(doc: Doc) -> dict[str, str]:
    """Short forms a text defines ("Kestrel Orbital Systems (KOS)", :func:`defined_acronyms`),
    by normalised short form: a rewrite may introduce its own and use it after."""
    return {t.lower_: span.text for t, span in defined_acronyms(doc)}


def expansion(ent: SpacySpan) -> str | None:
    """The name a short form of the claim's own text stands for ("KOS" -> "Kestrel Orbital
    Systems"), or None (see :func:`acronyms`)."""
    return acronyms(ent.doc).get(norm_word(ent.text).removesuffix("'s"))


_NAME_SLOTS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "poss"})


def _check_untagged_names(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """A misspelt name the tagger did not read as an entity ("Asanti argued ..." for the
    original's "Councillor Rupert Asante"): a proper noun in a participant's slot."""
    for tok in claim:
        if tok.pos_ != "PROPN" or tok.ent_type_ or tok.dep_ not in _NAME_SLOTS:
            continue
        corrupted = _corrupted_word([tok], aligner)
        if corrupted is not None:
            out.findings.append(_misspelt(corrupted))
            return
    new = _new_untagged_name(claim, aligner) or _new_home(claim, aligner)
    outlet = outlet_words(aligner.analysis)
    if new is not None and outlet and set(_ent_words(new)) <= set(outlet):
        return  # "the Wenlow Evening Post understands": the outlet that published the original
    if new is not None:
        out.findings.append(
            Finding(
                "entities",
                "unsupported",
                f"the claim names {_quote(new)}, which the original never mentions",
            )
        )


_HOME_PARTICIPLES = frozenset({"based", "born", "bred", "headquartered", "registered"})


def _new_home(claim: SpacySpan, aligner: Aligner) -> str | None:
    """A capitalised place joined to "based", "born" ... ("Penzance-based") that the original
    never mentions: a new place, which the tagger leaves out of its entities."""
    doc = claim.doc
    for t in claim:
        if (
            t.is_alpha
            and t.is_title
            and t.i + 2 < claim.end
            and doc[t.i + 1].text == "-"
            and not t.whitespace_
            and not doc[t.i + 1].whitespace_
            and doc[t.i + 2].lower_ in _HOME_PARTICIPLES
            and not aligner.doc_index.has(t)
        ):
            return t.text
    return None


def _new_untagged_name(claim: SpacySpan, aligner: Aligner) -> str | None:
    """A name of two or more proper nouns the tagger left out of its entities, in a
    participant's slot, with a word the original never uses ("from houses on Mill Lane and
    [Kelso Road]" where the original has Weir Road): a new place, person or body."""
    # a capital at the start of the claim says nothing
    for run in token_runs(claim, _untagged_word, start=claim.start + 1):
        if len(run) < 2 or run[-1].dep_ not in _NAME_SLOTS | {"conj"}:
            continue
        if any(
            not aligner.doc_index.has(t)
            for t in run
            if norm_word(t.text) not in NAME_TITLES and not _short_for(t, aligner)
        ):
            return run.text  # a courtesy title is no new name ("Mr Lomax" for "Gareth Lomax")
    return None


def _untagged_word(tok: Token) -> bool:
    return untagged_proper(tok) and tok.is_alpha


_NOT_AFTER_A_NAME = frozenset({"PRP$", "DT", "IN", "VBN"})


def _common_word_opening(ent: SpacySpan) -> bool:
    """A one-word "name" that opens the sentence, is a common English word in lower case and
    is followed by what follows a verb or a noun, not a person ("Mark your calendar", "Fingers
    crossed", "Attendance at the three sites"): the capital is the sentence's."""
    if len(ent) != 1 or ent.start != ent.sent.start or ent.end >= len(ent.doc):
        return False
    return _common_word(ent.text.lower()) and (
        ent.doc[ent.end].tag_ in _NOT_AFTER_A_NAME
        or ent[0].tag_ in {"NN", "NNS"}  # "Notice is hereby given": read as a common noun
        or ent[0].tag_ in {"VBN", "VBG"}  # "Broken down, that means ...": a participle
    )


_COMMON_RANK = 50_000
"""Rows of the word vectors (ordered by frequency) that count as common words."""


def _short_for(tok: Token, aligner: Aligner) -> bool:
    """A capitalised short form of a common word of the original ("Emp tribunal", "Emp Judge"
    for "employment tribunal", "Employment Judge"); not a name cut short ("Avdon" for
    "Avdonin"), whose full form is no common word."""
    short = tok.lower_
    if not (tok.is_alpha and tok.is_title and 3 <= len(short) <= 4):
        return False
    return any(shortens(short, t.lower_) and _common_word(t.lower_) for t in aligner.analysis.doc)


def _common_word(word: str) -> bool:
    """A common English word (among the word vectors' most frequent)."""
    rank = word_vectors().index.get(word)
    return rank is not None and rank < _COMMON_RANK


def _misspelt(corrupted: tuple[str, str]) -> Finding:
    """The finding for a name the claim spells otherwise than the original."""
    return Finding(
        "entities",
        "contradicted",
        f"name: the claim spells {_quote(corrupted[0])}; the original has {_quote(corrupted[1])}",
    )


def _entity_in(words: list[str], label: str, index: WordIndex) -> bool:
    if not words:
        return True
    if label == "PERSON":
        return index.has_name(words[-1])
    return all(index.has_word(w) or index.has_word(_STREET_WORDS.get(w, w)) for w in words)


_PERSON_TITLES = NAME_TITLES | HONORIFICS | {"cllr", "councillor"}
"""Titles that make the name after them a person's ("Cllr Deborah Finchley", however tagged)."""

_STREET_WORDS = {
    "rd": "road", "st": "street", "ave": "avenue", "ln": "lane", "sq": "square",
    "cres": "crescent", "pl": "place", "hwy": "highway",
}  # fmt: skip
"""Short forms of the last word of a street's name ("Colliery Rd" for "Colliery Road")."""


def outlet_words(analysis: Analysis) -> list[str]:
    """The words of the name of the site that published the original ("Kestrel Valley
    Courier"), in order: a rewrite may credit it."""
    site = analysis.article.meta.site if analysis.article.meta else None
    return _ent_words(site) if site else []


_FIGURE_NAME = re.compile(r"[$£€]?\d[\d,.]*(?:k|m|bn|mn|tn|p)", re.IGNORECASE)
"""A figure with its scale written short, which the tagger may call a name ("780k")."""
_WEEKDAY_SHORT = r"(?:Mon|Tue|Tues|Wed|Weds|Thu|Thur|Thurs|Fri|Sat|Sun)\.?"
_WEEKDAYS_SHORT = re.compile(rf"{_WEEKDAY_SHORT}(?:\s*[-–]\s*{_WEEKDAY_SHORT})?")
"""Days of the week written short, one or a range ("Tues-Sun")."""


def _title_spelled_out(ent: SpacySpan, aligner: Aligner) -> bool:
    """A title written short ("MD") whose words the original spells out."""
    words = TITLE_SHORT.get(norm_word(ent.text))
    return words is not None and all(aligner.doc_index.has_word(w) for w in words)


def _check_entities(
    claim: SpacySpan, ev_index: WordIndex, aligner: Aligner, out: CheckResult
) -> None:
    _check_untagged_names(claim, aligner, out)
    outlet = outlet_words(aligner.analysis)
    for ent in claim.ents:
        if ent.label_ not in NAMED or norm_word(ent.text) in UNIT_ABBREVIATIONS:
            continue  # "a 48-megawatt (MW) farm": a unit, not a name
        if not any(c.isalpha() for c in ent.text) or re.fullmatch(r"(?:[a-z]\.)+", ent.text):
            continue  # "03:42", "p.a.": a time or an abbreviation the tagger calls a name
        if _FIGURE_NAME.fullmatch(ent.text):
            continue  # "£780k": a figure, which the figure checks compare
        if _WEEKDAYS_SHORT.fullmatch(ent.text):
            continue  # "Tues-Sun": days written short, which the tagger calls a name
        if _title_spelled_out(ent, aligner):
            continue  # "Their MD, Siobhan Reddy" for "the operator's managing director"
        if _common_word_opening(ent):
            continue  # "Mark your calendar", "Fingers crossed!", "Attendance at the sites"
        if all(_short_for(t, aligner) for t in ent):
            continue  # "Emp tribunal": the original's "employment tribunal" cut short
        words = _ent_words(ent.text)
        if words and set(words) <= set(outlet) and outlet[-1] in words:
            continue  # "the Courier reported": the outlet that published the original
        if spelled_out_in(aligner.analysis.doc, ent[0].text) is not None:
            # "CFO Samuel Teixo" for "Chief financial officer Samuel Teixo": a title; "CAS"
            # for the "Court of Arbitration for Sport" the original names
            if len(ent) == 1:
                continue
            ent = ent[1:]
            words = _ent_words(ent.text)
        corrupted = _corrupted_name(ent, aligner)
        if corrupted is not None:
            out.findings.append(_misspelt(corrupted))
            continue
        # "Mr Lomax" is a person whatever label the tagger gives it
        label = "PERSON" if words and words[0] in _PERSON_TITLES else ent.label_
        if _entity_in(words, label, aligner.doc_index):
            if not _entity_in(words, label, ev_index):
                out.notes.append(f"{ent.text} is named elsewhere in the original")
            continue
        full = expansion(ent)
        if full is not None and _entity_in(_ent_words(full), ent.label_, aligner.doc_index):
            out.notes.append(f"{ent.text} is the rewrite's short form of {full}")
            continue
        spelled = spelled_tail(ent, aligner.analysis.doc)
        if spelled is not None:
            out.notes.append(f"{ent.text} is the rewrite's short form of {spelled}")
            continue
        out.findings.append(
            Finding(
                "entities",
                "unsupported",
                f"the claim names {_quote(ent.text)}, which the original never mentions",
            )
        )


def spelled_tail(ent: SpacySpan, doc: Doc) -> str | None:
    """The original's name that the claim's name shortens at its end, or None: "Valeside
    County Council" for "Valeside CC" (the short form's words spelled out in ``doc`` right
    after the name's other words)."""
    if len(ent) < 2:
        return None
    spelled = spelled_out_in(doc, ent[-1].text)
    if spelled is None:
        return None
    head = [t.lower_ for t in ent[:-1]]
    start = spelled.start - len(head)
    if start < 0 or [t.lower_ for t in doc[start : spelled.start]] != head:
        return None
    return doc[start : spelled.end].text


def _check_slot_swap(
    claim: SpacySpan, ev: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    """A name or a relative date the original gives elsewhere, put where the evidence has
    another one ("a maker based in Memphis" where the original says "based in Columbus" and
    names Memphis in another sentence; "last year" where it says "next month")."""
    if not ev:
        return
    claim_words = {norm_word(t.text) for t in claim}
    for ent in [*map(_as_named, claim.ents), *untagged_names(claim, ev, default="ORG")]:
        if ent.label_ not in _SLOT_LABELS or (
            ent.label_ == "DATE" and any(p.weekday is None for p in date_parts(ent.text))
        ):
            continue  # calendar dates are the date check's; a bare weekday is checked here
        words = _ent_words(ent.text)
        if (
            not words
            or not _entity_in(words, ent.label_, aligner.doc_index)
            or any(ent.text in f.reason for f in out.findings)
            or any(  # a name already read as misspelt ("Xavier Morale")
                f.check == "entities" and any(f"“{t.text}”" in f.reason for t in ent)
                for f in out.findings
            )
        ):
            continue
        # the evidence sentence that says the rest of the claim (merged evidence may name the
        # entity only because another of its sentences does)
        rest = [t for t in content_tokens(claim) if not (ent.start <= t.i < ent.end)]
        sentence = max(
            ev, key=lambda x: sum(1 for t in rest if aligner.sentence_index[x.id].has(t))
        )
        if _named_in(ent, words, aligner.sentence_index[sentence.id], sentence):
            continue
        if _named_with_its_anchor(ent, words, ev, aligner):
            continue  # "Tollcombe in Herefordshire": "the Herefordshire village of Tollcombe"
        slot = _slot(_without_det(ent).root)
        # names of the evidence the tagger left out ("the company's Dunmere branch") count,
        # as names of the claim's kind
        named = [
            *sentence.span.ents,
            *(
                o
                for o in untagged_names(sentence.span, [sentence], ent.label_)
                if not all(norm_word(t.text) in NAME_TITLES for t in o)  # "Mr", no name
            ),
        ]
        rivals = [
            o
            for o in named
            if _same_kind(o.label_, ent.label_, slot)
            and (_slot(_without_det(o).root) == slot or _attached_to_object(o.root, slot))
            and not set(_ent_words(o.text)) <= claim_words
            # not a short form of the rival ("Colliery Rd" for "Colliery Road" too)
            and bool({_STREET_WORDS.get(w, w) for w in words} - set(_ent_words(o.text)))
            and not _same_surname(ent, o)  # "Mira Tollan" for "Ms Tollan"
            and not _first_name_of(ent, o, aligner.analysis.doc)  # "Hannah" for "Ms Voss"
        ]
        if not rivals and ent.label_ in _PLACE_NAME_LABELS and slot[0] == "pobj":
            rivals = _only_place_after(sentence, ent, slot, claim_words)
            if not rivals:
                sentence, rivals = _place_next_door(sentence, ent, slot, rest, aligner)
        if not rivals and ent.label_ in {"ORG", "FAC", "GPE", "LOC"}:
            full = spelled_out_in(aligner.analysis.doc, _without_det(ent).text)
            # "the ICB's director" for "the board's director", the Integrated Care Board (ICB)
            known = words if full is None else [*words, *_ent_words(full.text)]
            rivals = _described_rival(sentence, known, slot, claim_words)
            if _story_place(words, aligner) and all(
                norm_word(o.root.lemma_) in _SETTLEMENTS for o in rivals
            ):
                rivals = []  # "premiums in Ramsford" for "premiums in the town": the place the
                # story is set in is what "the town" stands for
        if not rivals and ent.label_ in _PLACE_NAME_LABELS | {"ORG"}:
            rivals = _rival_on_same_noun(ent, named, claim_words)
        rivals = [o for o in rivals if not _same_surname(ent, o)]  # "Ms Hollins" after all
        if (
            rivals
            and not _same_figures(ent.text, rivals[0].text)
            and not same_relative(ent.text, rivals[0].text)
        ):
            other = rivals[0]
            out.findings.append(
                Finding(
                    "entities",
                    "contradicted" if ent.label_ == "DATE" else "unsupported",
                    f"the claim has {_quote(_without_det(ent).text)} where the original has "
                    f"{_quote(other.text)}: {_around(sentence.text, other.text)}",
                )
            )


def _named_with_its_anchor(
    ent: SpacySpan, words: list[str], ev: Sequence[Sentence], aligner: Aligner
) -> bool:
    """A place the claim hangs on a name ("near Tollcombe in Herefordshire") that an evidence
    sentence names together with that name ("near the Herefordshire village of Tollcombe")."""
    root = _without_det(ent).root
    prep = root.head
    if root.dep_ != "pobj" or prep.dep_ != "prep" or prep.i == 0:
        return False
    # the name the place hangs on, or the name right before it (the parse may hang "in
    # Herefordshire" on "cider" in "a dry cider from ... near Tollcombe in Herefordshire")
    before = prep.nbor(-1)
    named = prep.head if prep.head.pos_ == "PROPN" else before if before.pos_ == "PROPN" else None
    if named is None:
        return False
    anchor = norm_word(named.text)
    for s in ev:
        index = aligner.sentence_index[s.id]
        if index.has_word(anchor) and all(index.has_word(w) for w in words):
            return True
    return False


def _same_surname(ent: SpacySpan, other: SpacySpan) -> bool:
    """Two mentions of one person: one names the other by surname with or without a courtesy
    title ("Ms Tollan" for "Mira Tollan", "Mira Tollan" for "Ms Tollan"; not "Laura
    Tollan")."""
    a, b = _ent_words(ent.text), _ent_words(other.text)
    bare = set(a) - NAME_TITLES - OFFICE_TITLES
    if len(bare) >= 2 and bare == set(b) - NAME_TITLES - OFFICE_TITLES:
        return True  # "Cllr Denise Abara" for "Councillor Denise Abara", however tagged
    return (
        ent.label_ == other.label_ == "PERSON"
        and bool(a)
        and a[-1:] == b[-1:]
        and (set(b) - NAME_TITLES <= set(a) or set(a) - NAME_TITLES <= set(b))
    )


def _first_name_of(ent: SpacySpan, other: SpacySpan, doc: Doc) -> bool:
    """The claim calls a person by first name ("Hannah") where the evidence has "Ms Voss", and
    the original names "Hannah Voss"."""
    if ent.label_ != "PERSON" or other.label_ != "PERSON":
        return False
    mine = set(_ent_words(ent.text))
    theirs = [w for w in _ent_words(other.text) if w not in NAME_TITLES]
    if not mine or not theirs or theirs[-1] in mine:
        return False  # a full name of its own ("Michael Whitfield" is not "Ms Whitfield")
    return named_in_full(mine, theirs[-1], doc)


def _noun_anchor(tok: Token) -> tuple[str, str] | None:
    """The common noun a name hangs from and how ("branch", "in" for "its branch in
    Corbridge"; "branch", "compound" for "its Hartley branch"), through names and prepositions
    only; None for a name in apposition (it names the noun itself) or on no noun."""
    link, cur = "", tok
    for _ in range(4):
        if cur.dep_ not in {"compound", "nmod", "poss", "pobj", "prep", "conj"} or cur.head == cur:
            return None
        if cur.dep_ == "prep":
            link = cur.lower_
        elif not link and cur.dep_ != "conj":
            link = cur.dep_
        cur = cur.head
        if cur.pos_ == "NOUN":
            return norm_word(cur.lemma_), link
        if cur.pos_ not in {"ADP", "PROPN"}:
            return None
    return None


_PLACE_LINKS = frozenset({"compound", "nmod", "poss", "in", "at"})
"""How a place hangs on a noun: "its Hartley branch" is "its branch in Hartley"."""


def _rival_on_same_noun(
    ent: SpacySpan, named: Sequence[SpacySpan], claim_words: set[str]
) -> list[SpacySpan]:
    """A name of the evidence sentence on the thing the claim puts its name on, in the same way
    ("its Hartley branch" where the sentence has "its branch in Corbridge"; "the Fairfield and
    Lowe Street estates" where it has "the Fairfield and St Anne's estates")."""
    mine = _noun_anchor(_without_det(ent).root)
    if mine is None:
        return []
    out = []
    for o in named:
        theirs = _noun_anchor(_without_det(o).root)
        if (
            theirs is None
            or theirs[0] != mine[0]
            or set(_ent_words(o.text)) & claim_words
            or o.label_ not in _PLACE_NAME_LABELS
        ):
            continue
        if theirs[1] == mine[1] or {theirs[1], mine[1]} <= _PLACE_LINKS:
            out.append(o)
    return out


_SETTLEMENTS = frozenset({"town", "city", "village", "county", "borough", "district", "area"})
"""Nouns by which an article goes on about a place it names ("Ramsford" ... "the town")."""


def _story_place(words: list[str], aligner: Aligner) -> bool:
    """The claim's place is the first place the original names (where the story is set)."""
    first = next((e for e in aligner.analysis.doc.ents if e.label_ == "GPE"), None)
    return first is not None and _ent_words(first.text) == words


def _described_rival(
    sentence: Sentence,
    words: list[str],
    slot: tuple[str, ...],
    claim_words: set[str],
) -> list[SpacySpan]:
    """Another organisation or place the evidence sentence names by its head noun in the
    claim's slot ("the trust's board approved" for "Hallbridge General's board signed off",
    where the original's only trust is the Carrow Valley Ambulance Trust): the description,
    when every name of the original it can stand for is another one than the claim's, and
    the sentence does not name the claim's by its head noun either ("the foundation will pay
    60 percent, with the trust covering the rest" is about both)."""
    if any(norm_word(t.lemma_) == words[-1] for t in sentence.span):
        return []
    for tok in sentence.span:
        if _slot(tok) != slot or {norm_word(tok.lemma_), norm_word(tok.text)} & claim_words:
            continue
        named = described_names(tok)
        if named and all(not set(_ent_words(e.text)) & set(words) for e in named):
            return [sentence.span[tok.i - sentence.span.start : tok.i - sentence.span.start + 1]]
    return []


def check_exchanged_names(
    claim: SpacySpan, ev: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    """Two names of one evidence sentence, each put on the thing the original gives the other
    ("shut its Tilburg factory ..., moving production to its Rendsburg plant" where the
    original closes "its factory in Rendsburg" and moves production "to its plant in
    Tilburg")."""
    names = [e for e in claim.ents if e.label_ in _SLOT_LABELS - {"DATE"} and _ent_words(e.text)]
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            wa, wb = _ent_words(a.text), _ent_words(b.text)
            if set(wa) & set(wb):
                continue
            mine_a, mine_b = _anchor(_without_det(a).root), _anchor(_without_det(b).root)
            if mine_a is None or mine_b is None or mine_a == mine_b:
                continue
            for sentence in ev:
                theirs_a = _anchors_in(sentence, wa)
                theirs_b = _anchors_in(sentence, wb)
                if (
                    theirs_a
                    and theirs_b
                    and mine_a not in theirs_a
                    and mine_b not in theirs_b
                    and mine_a in theirs_b
                    and mine_b in theirs_a
                ):
                    out.findings.append(
                        Finding(
                            "entities",
                            "contradicted",
                            f"the claim puts {_quote(a.text)} and {_quote(b.text)} the other "
                            f"way round: in the original the {mine_a} goes with "
                            f"{_quote(b.text)} and the {mine_b} with {_quote(a.text)}",
                            counterpart=True,
                        )
                    )
                    return


def _anchor(tok: Token) -> str | None:
    """The thing a name qualifies: the noun it is a compound, possessor or "in/of/at" phrase
    of ("Tilburg factory", "Tilburg's factory", "the factory in Tilburg" -> "factory")."""
    if tok.dep_ in {"compound", "poss"} and tok.head.pos_ == "NOUN":
        return norm_word(tok.head.lemma_)
    if (
        tok.dep_ == "pobj"
        and tok.head.lower_ in {"in", "of", "at"}
        and tok.head.head.pos_ == "NOUN"
    ):
        return norm_word(tok.head.head.lemma_)
    return None


def _anchors_in(sentence: Sentence, words: list[str]) -> set[str]:
    """What the sentence's mentions of the name made of ``words`` qualify (see :func:`_anchor`)."""
    found: set[str] = set()
    for e in sentence.span.ents:
        if _ent_words(e.text) == words:
            anchor = _anchor(_without_det(e).root)
            if anchor is not None:
                found.add(anchor)
    return found


_BEFORE_UNIT = re.compile(
    r"\b(?:(?:the )?(?:previous|preceding|prior) (?P<a>year|month|week|day)|the "
    r"(?P<b>year|month|week|day) before|an? (?P<c>year|month|week|day) (?:earlier|before))\b",
    re.IGNORECASE,
)


_LAST_UNIT = re.compile(r"\blast (?P<u>year|month|week)\b", re.IGNORECASE)


def _without_det(ent: SpacySpan) -> SpacySpan:
    """The name without a determiner the tagger took in: "the Carden Road" is "Carden Road",
    which hangs from "site" as its compound, not as its determiner."""
    return ent[1:] if ent.root.dep_ == "det" and len(ent) > 1 else ent


def _named_in(ent: SpacySpan, words: list[str], index: WordIndex, sentence: Sentence) -> bool:
    """The sentence names ``ent`` (whose words are ``words``; ``index`` is the sentence's); a
    place name of several words only as a phrase ("Kilnford Crown Court" is not in "Tolliver,
    of Kilnford, was sentenced at Redfern Crown Court")."""
    return _entity_in(words, ent.label_, index) and (
        len(words) == 1 or ent.label_ not in _PLACE_NAME_LABELS or _as_phrase(words, sentence)
    )


def _as_phrase(words: list[str], sentence: Sentence) -> bool:
    """The words of a name stand together in the sentence, in order."""
    text = " ".join(_ent_words(sentence.text))
    return f" {' '.join(words)} " in f" {text} "


_CURRENT_UNIT = re.compile(
    r"\b(?:this|the current|the present)\s+"
    r"(?P<u>season|year|month|week|term|quarter|summer|winter|spring|autumn)\b",
    re.IGNORECASE,
)


def same_relative(a: str, b: str) -> bool:
    """Two ways of saying the period before the one just named ("the year before", "the
    previous year", "a year earlier").

    >>> same_relative("the whole of the year before", "the previous year")
    True
    >>> same_relative("the year before", "the previous month")
    False
    >>> same_relative("the same month a year earlier", "the same month last year")
    True
    >>> same_relative("this season", "the current season")
    True
    """
    ca, cb = _CURRENT_UNIT.search(a), _CURRENT_UNIT.search(b)
    if ca is not None and cb is not None and ca["u"].lower() == cb["u"].lower():
        return True  # "this season" is "the current season"
    if "same" in a.lower() and "same" in b.lower():
        # "the same month last year": last year's month, as "a year earlier" is
        a = _LAST_UNIT.sub(r"the previous \g<u>", a)
        b = _LAST_UNIT.sub(r"the previous \g<u>", b)
    ma, mb = _BEFORE_UNIT.search(a), _BEFORE_UNIT.search(b)
    if ma is None or mb is None:
        return False
    unit_a = (ma["a"] or ma["b"] or ma["c"]).lower()
    unit_b = (mb["a"] or mb["b"] or mb["c"]).lower()
    return unit_a == unit_b


def _only_place_after(
    sentence: Sentence, ent: SpacySpan, slot: tuple[str, ...], claim_words: set[str]
) -> list[SpacySpan]:
    """The one name of a place the evidence sentence gives after the claim's preposition of
    place, whatever word it hangs from ("sentenced at Redfern Crown Court" for "sent to prison
    at Kilnford Crown Court"); empty when there is none or more than one."""
    if slot[1] not in _PLACE_PREPS:
        return []
    found = [
        o
        for o in sentence.span.ents
        if o.label_ in _PLACE_NAME_LABELS
        and o.root.dep_ == "pobj"
        and norm_word(o.root.head.lemma_) == slot[1]
        and not set(_ent_words(o.text)) <= claim_words
    ]
    return found if len(found) == 1 else []


def _place_next_door(
    sentence: Sentence,
    ent: SpacySpan,
    slot: tuple[str, ...],
    rest: list[Token],
    aligner: Aligner,
) -> tuple[Sentence, list[SpacySpan]]:
    """The one place a sentence beside the evidence gives after the claim's preposition, when
    that sentence also says a word of the claim the evidence lacks: a claim that merges two
    sentences ("In Greyhaven, fire chief Lindahl told a briefing that ..." for "Lindahl said
    ..." and, next, "he said at a briefing in Esker Bend")."""
    sents = aligner.analysis.sentences
    own = aligner.sentence_index[sentence.id]
    missing = [t for t in rest if not own.has(t)]
    if not missing:
        return sentence, []
    words = _ent_words(ent.text)
    claim_words = {norm_word(t.text) for t in ent.sent}
    for i in (sentence.id + 1, sentence.id - 1):
        if not 0 <= i < len(sents):
            continue
        index = aligner.sentence_index[i]
        if _named_in(ent, words, index, sents[i]) or not any(index.has(t) for t in missing):
            continue
        found = _only_place_after(sents[i], ent, slot, claim_words)
        if found:
            return sents[i], found
    return sentence, []


def _attached_to_object(tok: Token, slot: tuple[str, ...]) -> bool:
    """The same slot with the preposition hung on the verb of the noun it qualifies: the
    evidence's "keep its bakehouse in Tarnby" (parsed "keep ... in Tarnby") for the claim's
    "the bakehouse in Brannock"."""
    if tok.dep_ != "pobj" or slot[0] != "pobj" or len(slot) < 3:
        return False
    prep = tok.head
    if norm_word(prep.lemma_) != slot[1]:
        return False
    return any(
        c.dep_ in {"dobj", "nsubjpass"} and norm_word(c.lemma_) == slot[2]
        for c in prep.head.children
    )


_PLACE_NAME_LABELS = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON"})
"""Labels the small model gives a rare place name (PERSON too: "at Ombassa")."""
_PLACE_PREPS = frozenset({"at", "in", "from", "near", "to"})


_RANDOM_LABELS = frozenset({"PRODUCT", "WORK_OF_ART"})
"""Labels the small model gives a rare name of a thing (a ship, a site) as often as ORG."""


def _as_named(ent: SpacySpan) -> SpacySpan:
    """``ent``, an ORG when the model gave it one of :data:`_RANDOM_LABELS`."""
    if ent.label_ not in _RANDOM_LABELS:
        return ent
    return Span(ent.doc, ent.start, ent.end, label="ORG")


def _same_kind(a: str, b: str, slot: tuple[str, ...]) -> bool:
    """Two names of the same kind: the same label, or any name labels as the object of a
    preposition of place or before the same noun, whose rare names the small model labels at
    random ("the royal palace at Ilu-Kende" ORG, "at Ombassa" PERSON)."""
    a = "ORG" if a in _RANDOM_LABELS else a
    b = "ORG" if b in _RANDOM_LABELS else b
    if a == b:
        return True
    place = len(slot) > 1 and slot[0] == "pobj" and slot[1] in _PLACE_PREPS
    # names before the same noun ("the Carden Road site", "the Greyfield site") name the same
    # kind of thing, whatever labels the small model gives them
    place = place or slot[0] == "compound"
    return place and a in _PLACE_NAME_LABELS and b in _PLACE_NAME_LABELS


_AFFILIATION_PREPS = frozenset({"at", "of", "from", "with", "for"})


def _person_of(tok: Token) -> Token | None:
    """The person token a noun names or describes ("Adjei-Lindholm"; "researcher" in apposition
    to, or as the title of, a named person)."""
    if tok.ent_type_ == "PERSON":
        return tok
    if tok.dep_ == "appos" and tok.head.ent_type_ == "PERSON":
        return tok.head
    return next((c for c in tok.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"), None)


_LEADING_VERBS = frozenset(
    {"chair", "lead", "head", "run", "direct", "manage", "found", "represent"}
)
"""Verbs of a relative clause that give a person's organisation ("who chairs X")."""


def _affiliation(ent: SpacySpan) -> str | None:
    """The surname of the person an organisation is given as theirs ("a researcher at X",
    "Y, of X"), normalised; None when it is not a person's affiliation."""
    tok = ent.root
    if tok.dep_ == "dobj" and tok.head.dep_ == "relcl" and tok.head.lemma_ in _LEADING_VERBS:
        person = _person_of(tok.head.head)  # "Rosa Kettering, who chairs the Association"
        return None if person is None else norm_word(person.text)
    if tok.dep_ != "pobj" or tok.head.lower_ not in _AFFILIATION_PREPS:
        return None
    person = _person_of(tok.head.head)
    return None if person is None else norm_word(person.text)


def _check_affiliation(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """A person given another organisation than the original gives them ("a researcher at
    Castleward Forensics" where the original says "Adjei-Lindholm, of the University of
    Fenmoor")."""
    claim_words = {norm_word(t.text) for t in claim}
    for ent in claim.ents:
        person = _affiliation(ent) if ent.label_ == "ORG" else None
        if person is None:
            continue
        theirs = [
            o for s in ev for o in s.span.ents if o.label_ == "ORG" and _affiliation(o) == person
        ]
        if ent.text.isupper() and any(
            (full := spelled_out_in(o.doc, ent.text)) is not None
            and set(_ent_words(full.text)) <= set(_ent_words(o.text))
            for o in theirs
        ):
            continue  # "the RFU" for "the Rugby Football Union"
        if theirs and not any(set(_ent_words(o.text)) <= claim_words for o in theirs):
            out.findings.append(
                Finding(
                    "entities",
                    "unsupported",
                    f"the claim places {_quote(person.title())} at {_quote(ent.text)}; the "
                    f"original says {_quote(theirs[0].text)}",
                    counterpart=True,
                )
            )


_MALE = frozenset({"he", "him", "his", "himself"})


_FEMALE = frozenset({"she", "her", "hers", "herself"})


def _check_pronouns(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """A gendered pronoun whose evidence only has the other gender (he / she swaps)."""
    # the speaker of a quote ("..., he said") may be named outside the evidence sentence
    words = {
        t.lower_
        for t in claim
        if not (
            t.dep_ == "nsubj"
            and norm_word(t.head.lemma_) in SAY_VERBS
            and t.head.dep_ in {"ROOT", "parataxis"}
        )
    }
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


def _proper_words(analysis: Analysis) -> dict[str, str]:
    """The capitalized words of the original's names, by normalised form (built once)."""

    def build(an: Analysis) -> dict[str, str]:
        out: dict[str, str] = {}
        for tok in an.doc:
            if tok.pos_ == "PROPN" or tok.ent_type_ in NAMED:
                word = norm_word(tok.text).removesuffix("'s").strip(".'")
                if len(word) >= 3:
                    out.setdefault(word, tok.text)
        return out

    return analysis.derived("proper_words", build)


def _corrupted_name(ent: SpacySpan, aligner: Aligner) -> tuple[str, str] | None:
    """A word of a person's or organisation's name that the original lacks but nearly has
    ("Morale" for "Morales", "Avdon" for "Avdonin"): (the claim's word, the original's)."""
    if ent.label_ not in {"PERSON", "ORG"}:
        return None
    return _corrupted_word(list(ent), aligner)


def _corrupted_word(tokens: Sequence[Token], aligner: Aligner) -> tuple[str, str] | None:
    """The first of ``tokens`` that nearly spells a name of the original (see
    :func:`_corrupted_name`)."""
    proper = _proper_words(aligner.analysis)
    words = aligner.analysis.derived(
        "word_forms", lambda an: {norm_word(t.text).removesuffix("'s").strip(".'") for t in an.doc}
    )
    for tok in tokens:
        word = norm_word(tok.text).removesuffix("'s").strip(".'")
        # the second part of a double-barrelled name may be short ("Farrant-Bek")
        shortest = 3 if tok.i > 0 and tok.doc[tok.i - 1].text in {"-", "‐"} else 4
        if len(word) < shortest or not tok.text[:1].isupper() or word in words or word in proper:
            continue
        for other, shown in proper.items():
            if other[:1] != word[:1] or abs(len(other) - len(word)) > 3:
                continue
            if SequenceMatcher(None, word, other).ratio() >= 0.8:
                return tok.text, shown
    return None


def _same_figures(mine: str, theirs: str) -> bool:
    """Whether two mentions give the same figures in other words ("the age of two", "two
    years-old")."""
    a = {m.value for m in find_numbers(mine)}
    return bool(a) and a == {m.value for m in find_numbers(theirs)}


def _check_kin(
    claim: SpacySpan, ev: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    """A family or gender noun whose counterpart the evidence has and the original never uses
    itself ("his father gave up his job" where it says "his mother")."""
    words = {norm_word(t.lemma_) for t in claim if t.pos_ == "NOUN"}
    ev_words = {norm_word(t.lemma_) for t in _tokens_of(ev)}
    for a, b in KIN_PAIRS:
        for mine, theirs in ((a, b), (b, a)):
            if mine in words and theirs in ev_words and not aligner.doc_index.has_word(mine):
                out.findings.append(
                    Finding(
                        "entities",
                        "contradicted",
                        f"who: the claim says {_quote(mine)}; the original says {_quote(theirs)}",
                    )
                )
                return


_TITLES = ORG_TITLES | {
    "chief", "head", "secretary", "leader", "organiser", "organizer", "coach", "captain", "editor",
    "analyst", "economist", "researcher", "spokesperson", "spokesman", "spokeswoman", "lawyer",
    "scientist", "lecturer",
}  # fmt: skip
"""Titles a person holds at an organisation ("Tidewater chair Desmond Aboagye")."""


def _titled_org(surname: Token, *, resolve_its: bool = True) -> tuple[set[str], Token, str] | None:
    """The organisation a person's title ties them to, as written before or around the name:
    "<Org> chair <Name>", "<Org>'s chair, <Name>", "Its chair, <Name>" (the organisation the
    sentence or the one before names first, unless ``resolve_its`` is off); with the title
    word. A job-function word ("Operations director", "Managing director") is no
    organisation."""
    title = next(
        (t for t in surname.children if t.dep_ == "compound" and norm_word(t.lemma_) in _TITLES),
        None,
    )
    if title is None and surname.dep_ == "appos" and norm_word(surname.head.lemma_) in _TITLES:
        title = surname.head  # "Its chair, Desmond Aboagye"
    if title is None:
        title = next(
            (t for t in surname.children if t.dep_ == "appos" and norm_word(t.lemma_) in _TITLES),
            None,
        )  # "Straub, chief executive of Quayside District"
    if title is None:
        return _of_org(surname) or _chaired_org(surname)
    of_org = _of_org(title)
    if of_org is not None:
        return of_org[0], title, of_org[2]
    org = [
        t
        for t in title.children
        if t.dep_ in {"compound", "poss", "amod", "nmod"}
        and t.pos_ in {"PROPN", "NOUN"}
        and t.text[:1].isupper()
        and not (t.lower_ in JOB_FUNCTIONS and len(list(t.subtree)) == 1)
        and not (
            resolve_its and t.is_sent_start and t.pos_ == "NOUN" and not _capitalised_inside(t)
        )
    ]  # the tagger may read a sentence-initial name as a noun ("Tidewater chair ...") and a
    # name's last word as an adjective ("Brennmoor General chief executive"); in the original
    # (``resolve_its``), a noun that only opens its sentence with a capital is none
    # ("Cybersecurity researcher X"; a one-sentence claim cannot show it)
    if org:
        toks = sorted(
            (t for o in org for t in o.subtree if t.text[:1].isupper()), key=lambda t: t.i
        )
        return {norm_word(t.text) for t in toks}, title, " ".join(t.text for t in toks)
    if resolve_its and any(
        c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in title.children
    ):
        owner = _its_antecedent(title)
        if owner is not None:
            words = {norm_word(t.text) for t in owner if t.pos_ == "PROPN"}
            return words, title, owner.text.removeprefix("the ")
    return None


def _capitalised_inside(tok: Token) -> bool:
    """The text has ``tok``'s word capitalised somewhere other than at a sentence's start."""
    return any(t.text == tok.text and not t.is_sent_start and t.i != tok.i for t in tok.doc)


def _name_tokens(obj: Token, after: int) -> list[Token]:
    """The capitalised words of the name ``obj`` heads, after position ``after``: its entity
    when it is tagged one (not a clause the parse hung on it), else its subtree."""
    words = entity_span(obj) if obj.ent_type_ else obj.subtree
    return [t for t in words if t.text[:1].isupper() and t.is_alpha and t.i > after]


def _chaired_org(surname: Token) -> tuple[set[str], Token, str] | None:
    """The organisation a relative clause on the name says the person leads ("Ruth Adeyemi,
    who chairs the Friends of Ferncliff Library"), with the clause's verb as the title: its
    lemma is the title's ("chair")."""
    for clause in (c for c in surname.children if c.dep_ == "relcl"):
        if clause.lemma_.lower() not in _LEADING_VERBS:
            continue
        obj = next((c for c in clause.children if c.dep_ == "dobj"), None)
        if obj is None or not obj.text[:1].isupper():
            continue
        toks = _name_tokens(obj, after=clause.i)
        if toks:
            return {norm_word(t.text) for t in toks}, clause, " ".join(t.text for t in toks)
    return None


def _role_of(title: Token) -> str:
    """ "chair of ", or "of " for a name hung on its organisation by "of" alone."""
    return "of " if title.lower_ == "of" else f"{title.text} of "


def _of_org(tok: Token) -> tuple[set[str], Token, str] | None:
    """The organisation after "of" (or "at", "for") that ``tok`` (a name or a title) hangs:
    "Stuart Penhale of the Tessford Residents' Party", "chief executive of Quayside District",
    "an analyst at Quillstone Research"; with the preposition."""
    of = next(
        (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "at", "for"}), None
    )
    obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if of is None or obj is None or not obj.text[:1].isupper() or obj.ent_type_ == "PERSON":
        return None
    toks = _name_tokens(obj, after=of.i)
    if not toks:
        return None
    title = of if tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON" else tok  # a name, a title
    return {norm_word(t.text) for t in toks}, title, " ".join(t.text for t in toks)


def _its_antecedent(tok: Token) -> SpacySpan | None:
    """The organisation "its" before ``tok`` stands for: the last one named before it in its
    sentence or the one before, else the last one named earlier whose name holds the noun the
    sentence before has as its subject ("The authority approved ... Its chair": the Lindqvist
    Bay Transport Authority)."""
    doc = tok.doc
    sent = tok.sent
    start = from_sentence_before(tok)
    near = [e for e in doc[start : tok.i].ents if e.label_ == "ORG"]
    if near:
        return near[-1]
    subjects = {
        norm_word(t.lemma_)
        for t in doc[start : sent.start]
        if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "NOUN"
    }
    named = [e for e in doc.ents if e.label_ == "ORG" and e.end <= tok.i]
    for ent in reversed(named):
        if subjects & {norm_word(t.lemma_) for t in ent}:
            return ent
    return None


def check_titled_affiliation(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """A title tied to another organisation than the original ties it to ("Tidewater chair
    Desmond Aboagye" where the transport authority's "Its chair, Desmond Aboagye" said it)."""
    for ent in claim.ents:
        if ent.label_ != "PERSON":
            continue
        mine = _titled_org(ent.root, resolve_its=False)  # the rewrite's "its" is not resolved
        if mine is None or not mine[0]:
            continue
        surname = norm_word(ent.root.text)
        for tok in aligner.analysis.doc:
            if tok.pos_ != "PROPN" or norm_word(tok.text) != surname:
                continue
            theirs = _titled_org(tok)
            if theirs is None or not theirs[0]:
                continue
            if norm_word(mine[1].lemma_) != norm_word(theirs[1].lemma_):
                return
            if mine[0] <= theirs[0] or theirs[0] <= mine[0]:
                return  # the same organisation, or a short form of it ("Tidewater chair")
            if mine[0] <= {c.lower_ for c in theirs[1].lefts if c.is_lower}:
                return  # "Dairy analyst X" opening the claim: the original's "a dairy analyst"
            out.findings.append(
                Finding(
                    "entities",
                    "unsupported",
                    f"the claim makes {_quote(ent.text)} {_role_of(mine[1])}{_quote(mine[2])}; "
                    f"in the original that is {_quote(theirs[2])}",
                    counterpart=True,
                )
            )
            return


_RUN_JOINERS = frozenset({"'", "’", "&"})
# words of a title or office that a capitalised run may hold ("Labour Minister Henrik Solvang")
_RUN_TITLES = NAME_TITLES | JOB_FUNCTIONS | OFFICE_TITLES


def _proper_runs(span: SpacySpan) -> list[list[Token]]:
    """Runs of at least three capitalised proper nouns ("Millhaven Traders' Association"),
    joined inside only by a possessive mark or "&"; not a person's name or title."""
    out = []
    for found in token_runs(span, _in_proper_run):
        r = list(found)
        while r and r[0].lower_ in _RUN_JOINERS:
            r = r[1:]
        while r and r[-1].lower_ in _RUN_JOINERS:
            r = r[:-1]
        if any(t.ent_type_ == "PERSON" or norm_word(t.text) in _RUN_TITLES for t in r):
            continue  # "Chief Fire Officer Helen Marchant": a person, titled
        if sum(1 for t in r if t.pos_ == "PROPN") >= 3:
            out.append(r)
    return out


def _in_proper_run(t: Token) -> bool:
    return (t.pos_ == "PROPN" and t.text[:1].isupper()) or t.lower_ in _RUN_JOINERS


def _run_words(run: Sequence[Token]) -> tuple[str, ...]:
    return tuple(norm_word(t.text) for t in run if t.pos_ == "PROPN")


def _run_text(run: Sequence[Token]) -> str:
    return run[0].doc[run[0].i : run[-1].i + 1].text


def check_renamed(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """A name of three or more words with its first word changed ("the Millhaven Traders'
    Association" where the original has only "the Brackenford Traders' Association"): the
    rest of the name says which party is meant, so the first word is a change, whatever the
    tagger made of the name."""
    theirs = aligner.analysis.derived(
        "proper_runs",
        lambda an: [(_run_words(r), _run_text(r)) for r in _proper_runs(an.doc[:])],
    )
    for run in _proper_runs(claim):
        if run[0].is_sent_start:
            continue  # a capital the sentence gives may be no part of the name
        mine = _run_words(run)
        if _said_in(mine, aligner):
            continue
        tail = mine[1:]
        given = [
            text
            for words, text in theirs
            if len(words) >= len(mine) and words[-len(tail) :] == tail and mine[0] not in words
        ]
        if not given:
            continue
        out.findings.append(
            Finding(
                "entities",
                "contradicted",
                f"the claim names {_quote(_run_text(run))}; the original's name ends the same "
                f"but is {_quote(given[0])}",
                counterpart=True,
            )
        )
        return


def _said_in(words: tuple[str, ...], aligner: Aligner) -> bool:
    """The original has these words one after the other (punctuation aside)."""
    flat = aligner.analysis.derived(
        "flat_words",
        lambda an: " " + " ".join(norm_word(t.text) for t in an.doc if not t.is_punct) + " ",
    )
    return f" {' '.join(words)} " in flat


_OPPOSITE_WAYS = {
    "upstream": "downstream", "uphill": "downhill", "north": "south", "east": "west",
    "northbound": "southbound", "eastbound": "westbound", "inbound": "outbound",
}  # fmt: skip
_OPPOSITE_WAYS |= {b: a for a, b in _OPPOSITE_WAYS.items()}


def _ways_of(tokens: Sequence[Token] | SpacySpan) -> dict[tuple[str, str], str]:
    """The directions a text gives relative to a place ("three kilometres upstream of the
    meadows": ("upstream", "meadow")), by the place's lemma, with the words that give it."""
    found: dict[tuple[str, str], str] = {}
    for t in tokens:
        if t.lower_ not in _OPPOSITE_WAYS:
            continue
        for prep in t.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    found[(t.lower_, norm_word(obj.lemma_))] = t.doc[t.i : obj.i + 1].text
    return found


def check_opposite_way(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """A place put the other way from the same landmark ("three kilometres downstream of the
    meadows" where the original has "upstream of the meadows")."""
    mine = _ways_of(claim)
    if not mine:
        return
    theirs = _ways_of(_tokens_of(ev))
    for (way, place), said in mine.items():
        other = (_OPPOSITE_WAYS[way], place)
        if (way, place) in theirs or other not in theirs:
            continue
        out.findings.append(
            Finding(
                "entities",
                "contradicted",
                f"the other way: the claim has {_quote(said)}, the original "
                f"{_quote(theirs[other])}",
            )
        )
        return
