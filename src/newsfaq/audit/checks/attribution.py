"""Attribution checks: who says it, as the original credits it."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from newsfaq.audit.align import Aligner, WordIndex, content_tokens, norm_word, synonyms
from newsfaq.audit.claims import THREAD_MARKER
from newsfaq.text.facts import NAME_TITLES, extract_facts, role_head
from newsfaq.text.nlp import Analysis, Sentence, spelled_out_in
from newsfaq.text.parties import claim_party, party_table, same_party

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan
from newsfaq.audit.checks.common import (
    FEMALE_NOUNS,
    HONORIFICS,
    JOB_FUNCTIONS,
    MALE_NOUNS,
    NAMED,
    OFFICE_TITLES,
    OFFICE_VERBS,
    ORG_TITLES,
    SAY_VERBS,
    TITLE_SHORT,
    CheckResult,
    Finding,
    _ent_words,
    _join,
    _quote,
    across_semicolon,
    from_sentence_before,
    named_in_full,
    near_words,
    shortens,
)
from newsfaq.audit.checks.names import outlet_words, spelled_tail


def _with_hyphenated(toks: list[Token]) -> list[Token]:
    """The phrase with the rest of a hyphenated word the parse cut off ("the ex" of "the
    ex-champ")."""
    if not toks:
        return toks
    doc, last = toks[-1].doc, toks[-1]
    if (
        not last.whitespace_
        and last.i + 2 < len(doc)
        and doc[last.i + 1].text == "-"
        and not doc[last.i + 1].whitespace_
        and doc[last.i + 2].is_alpha
    ):
        return [*toks, doc[last.i + 1], doc[last.i + 2]]
    return toks


def _instruction(verb: Token, lemma: str) -> bool:
    """ "told <someone> to <do>" with nothing reported besides: an order, not a statement the
    sentence credits to its giver."""
    return (
        lemma == "tell"
        and any(c.dep_ == "dobj" for c in verb.children)
        and any(c.dep_ == "xcomp" and c.tag_ == "VB" for c in verb.children)
        and not any(c.dep_ in {"ccomp", "parataxis"} for c in verb.children)
    )


def _speakers(
    tokens: Iterable[Token], *, pronouns: bool = False, framed: bool = False
) -> list[list[Token]]:
    """Who is quoted or credited: subjects of reporting verbs and "according to X"; pronoun
    subjects ("he said") only with ``pronouns``; the subject of any clause that introduces a
    quotation with a colon ("Marta Osei offered an apology: “...”") only with ``framed`` (a
    phrase's owner, "Margaret Doyle's warning: “...”", always)."""
    out: list[list[Token]] = []
    for t in tokens:
        # the tagger reads sentence-initial "According" as the verb "accord"
        lemma = "according" if t.lower_ == "according" else norm_word(t.lemma_)
        opinion = _opinion_holder(t, lemma)
        if opinion is not None:
            out.append([x for x in _noun_phrase(opinion) if x.dep_ != "case"])  # "Varga's"
            continue
        source = _per_source(t) or _in_the_words_of(t)
        if source is not None:
            out.append(source)  # "..., per Councillor Martin Oduya": "according to"
            continue
        frame = _colon_frame(t, pronouns=pronouns, clauses=framed)
        if frame is not None:
            out.append(frame)  # "Margaret Doyle's warning: “...”"
            continue
        if _stated_stance(t):
            out += [_noun_phrase(c) for c in t.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
            continue  # "Castellano was clear that nobody is against a marina"
        if lemma not in SAY_VERBS:
            continue
        if lemma == "according":
            for prep in t.children:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        # "According to the two companies, 38 million dollars: ...": the answer
                        # the parse hung on the source is not part of it
                        aside = {
                            x.i
                            for c in pobj.children
                            if c.dep_ in {"appos", "conj", "cc"}
                            and any(y.like_num for y in c.subtree)
                            for x in c.subtree
                        }
                        stop = _source_end(pobj)
                        whole = [x for x in pobj.subtree if x.i not in aside and x.i < stop]
                        out.append(_with_hyphenated(whole))
            continue
        if _tail_attribution(t):
            out.append(_noun_phrase(t.head))  # "..., the two companies announced on Monday."
            continue
        inverted = _inverted_report(t)
        if inverted is not None:
            out.append(_noun_phrase(inverted))  # "..., warned a spokesperson for the union."
            continue
        if _instruction(t, lemma):
            continue  # "wardens told 30 people to get out": an order given, no source credited
        reports = (
            lemma in {"say", "tell"}
            or t.dep_ == "parataxis"
            or _closing_report(t)
            # a clause the parse hangs on it across a semicolon is no report ("can claim the
            # full £4,500; others can claim up to £2,000")
            or any(
                c.dep_ in {"ccomp", "parataxis"} and not across_semicolon(c, t) for c in t.children
            )
        )
        if not reports:
            continue
        # "Eight sites, though, closed ..., she said": a parse that gives the verb two
        # subjects; the pronoun just before it is the speaker
        spoken = [
            c for c in t.children if c.dep_ == "nsubj" and c.pos_ == "PRON" and c.i == t.i - 1
        ]
        for c in t.children:
            if spoken and c.dep_ == "nsubj" and c not in spoken:
                continue
            if c.dep_ == "agent":  # "It was said by flight director Ingrid Vasquez-Holm that"
                out += [_noun_phrase(o) for o in c.children if o.dep_ == "pobj"]
            if c.dep_ != "nsubj":
                continue
            if c.tag_ in {"WDT", "WP"} and t.dep_ == "relcl" and t.head != t:
                out.append(_noun_phrase(t.head))  # "the regulator, which said ..."
            elif pronouns or c.pos_ != "PRON":
                out.append(_noun_phrase(c))
    # a subject of punctuation alone ("the co - op said": the parse makes "-" a subject too);
    # a thread's post number ("6/") is no word of the speaker
    out = [[t for t in sp if not THREAD_MARKER.fullmatch(t.text)] for sp in out]
    return [sp for sp in out if sp]


_STANCE_WORDS = frozenset({"clear", "adamant", "emphatic", "insistent", "explicit", "firm"})


def _stated_stance(verb: Token) -> bool:
    """ "X was clear that ...", "X was adamant that ...": a way of saying what follows."""
    return (
        verb.lemma_ == "be"
        and any(c.dep_ == "acomp" and c.lower_ in _STANCE_WORDS for c in verb.children)
        and any(c.dep_ == "ccomp" for c in verb.children)
    )


_OPEN_QUOTES = frozenset({'"', "“", "‘"})


def _colon_frame(t: Token, *, pronouns: bool = False, clauses: bool = False) -> list[Token] | None:
    """Who speaks a quotation that a colon introduces: the owner of the phrase before it
    ("Margaret Doyle's warning: “...”") or, with ``clauses``, the subject of the clause before
    it ("Marta Osei offered an apology: “...”"); None when ``t`` is no colon before an opening
    quotation mark. (A clause's subject is only read as keeping an attribution: crediting by
    it flagged more faithful sentences than it caught changed speakers.)"""
    doc, start = t.doc, t.sent.start
    if t.text != ":" or t.i + 1 >= len(doc) or doc[t.i + 1].text not in _OPEN_QUOTES:
        return None
    if any(norm_word(x.lemma_) in SAY_VERBS for x in doc[start : t.i]):
        return None  # "apologised, saying: “...”": the verb of saying is read as such
    # the head of the words before the colon, whichever way the parse joined the two parts
    heads = [x for x in doc[start : t.i] if not start <= x.head.i < t.i or x.head == x]
    if len(heads) != 1:
        return None
    head = heads[0]
    if head.pos_ in {"VERB", "AUX"} and clauses:
        who = next((c for c in head.children if c.dep_ == "nsubj"), None)
    elif head.pos_ == "NOUN":
        who = next((c for c in head.children if c.dep_ == "poss"), None)
    else:
        return None
    if who is None or (who.pos_ == "PRON" and not pronouns):
        return None
    return [x for x in _noun_phrase(who) if x.dep_ != "case"]


def _per_source(t: Token) -> list[Token] | None:
    """ "per X" used as "according to X" (after a comma or at the start: "..., per the
    council"), not "£5 per day": X a name or a definite noun phrase."""
    if t.lower_ != "per" or t.pos_ != "ADP":
        return None
    before = t.doc[t.i - 1] if t.i > t.sent.start else None
    if before is not None and before.text not in {",", ";", "(", "—", "-"}:
        return None
    pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
    if pobj is None or pobj.like_num:
        return None
    named = pobj.pos_ == "PROPN" or pobj.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}
    definite = any(c.dep_ in {"det", "poss"} and c.lower_ != "a" for c in pobj.children)
    if not (named or definite):
        return None
    return [x for x in pobj.subtree if x.i < _source_end(pobj)]


def _in_the_words_of(t: Token) -> list[Token] | None:
    """ "In the words of X" used as "according to X": X a name or a definite noun phrase."""
    if t.lower_ != "words" or t.dep_ != "pobj" or t.head.lower_ != "in":
        return None
    of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or pobj.pos_ == "PRON":
        return None
    return [x for x in pobj.subtree if x.i < _source_end(pobj)]


def _source_end(pobj: Token) -> int:
    """Where the source of "according to <pobj>" ends: at the first comma after its head word,
    or after a name in apposition ("according to the project engineer, Tomasz Rehn, ...")."""
    doc = pobj.doc

    def comma_after(i: int) -> int:
        return next((x.i for x in doc[i:] if x.text in {",", ":", ";"}), len(doc))

    stop = comma_after(pobj.i)
    if pobj.pos_ == "PROPN":
        return stop  # a name needs no name after it: "according to owner Priya Castellan,
        # Marlowe Estates wanted ..." (the parse's apposition is the clause's subject)
    for c in pobj.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i == stop + 1:
            return comma_after(c.right_edge.i)
    return stop


def _tail_attribution(verb: Token) -> bool:
    """A reporting verb closing its sentence after a comma, which the parse hung on its subject
    as a modifier ("..., the two companies announced on Wednesday." read as "companies" with an
    ``acl`` "announced"): the subject is who says the rest."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.i >= verb.i or noun.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        return False
    return _closes_after_comma(verb, noun)


def _inverted_report(verb: Token) -> Token | None:
    """The speaker of a reporting verb put before it, closing the sentence after a comma,
    which the parse reads as the verb's object ("..., warned a spokesperson for the Vale
    Farmers' Association."); None for another verb."""
    if verb.i == 0 or verb.doc[verb.i - 1].text != "," or verb.head.i >= verb.i:
        return None
    if any(c.dep_ in {"nsubj", "ccomp", "xcomp"} for c in verb.children):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i), None)
    if obj is None or obj.pos_ not in {"NOUN", "PROPN"} or obj.left_edge.i != verb.i + 1:
        return None
    if any(t.pos_ in {"VERB", "AUX"} for t in obj.subtree):
        return None  # "..., claiming the chain's new brand copies a name": what is claimed
    return obj if obj.right_edge.i >= _last_word(verb) else None


def _last_word(verb: Token) -> int:
    """The index of the last word of ``verb``'s sentence (closing punctuation left out), or of
    the verb when nothing follows it."""
    last = verb.sent.end - 1
    while last > verb.i and (verb.doc[last].is_punct or verb.doc[last].is_space):
        last -= 1
    return last


def _closes_after_comma(verb: Token, subject: Token) -> bool:
    """``verb`` and its ``subject`` phrase close the sentence, after a comma."""
    start = subject.left_edge.i
    if start == 0 or verb.doc[start - 1].text != ",":
        return False
    return verb.right_edge.i >= _last_word(verb)


def _closing_report(verb: Token) -> bool:
    """A reporting verb with its own subject closing its sentence after a comma, which the
    parse hung on the verb before it as a complement ("..., only 61 per cent had been spent,
    the chief executive, Richard Penhaligon, conceded."): its subject says the rest."""
    if verb.dep_ not in {"ccomp", "conj", "dep"} or verb.head.i >= verb.i:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in verb.children):
        return False
    return _closes_after_comma(verb, subj)


_VIEW_NOUNS = frozenset({"view", "opinion", "words", "assessment", "estimation"})
_FEELING_NOUNS = frozenset({"hope", "concern", "confidence", "doubt", "fear", "optimism"})
_BLAME_VERBS = frozenset({"attribute", "blame"})


def _opinion_holder(t: Token, lemma: str) -> Token | None:
    """Whose view a claim gives without a verb of saying: "in Varga's view", "in the view of
    X", "X expressed hope that ...", "X attributed the rise to ...", "X blamed the delays on
    ..."; None for another word."""
    if lemma in _VIEW_NOUNS and t.head.lower_ == "in" and t.head.dep_ == "prep":
        owner = next((c for c in t.children if c.dep_ == "poss"), None)
        if owner is None:
            of = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            owner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        return owner if owner is not None and owner.pos_ != "PRON" else None
    if lemma == "express" or lemma in _BLAME_VERBS:
        if lemma == "express" and not any(
            c.dep_ == "dobj" and norm_word(c.lemma_) in _FEELING_NOUNS for c in t.children
        ):
            return None
        if lemma in _BLAME_VERBS and not any(c.dep_ == "dobj" for c in t.children):
            return None
        subj = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subj is None and t.dep_ == "advcl" and t.head != t:
            # "Halvern Foods reported a fall in profit, blaming higher costs"
            subj = next((c for c in t.head.children if c.dep_ == "nsubj"), None)
        return subj if subj is not None and subj.pos_ != "PRON" else None
    return None


_CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "parataxis"})


def _noun_phrase(head: Token) -> list[Token]:
    """The words of the phrase ``head`` heads, without clauses hanging from it ("the family of
    a man who died" -> "the family of a man"), a time the parse hung on it ("warned by the
    authority last autumn") and punctuation."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        if not tok.is_punct:
            out.append(tok)
        stack.extend(
            c
            for c in tok.children
            if (c.dep_ not in _CLAUSE_DEPS or _led_by(c))
            and not (c.dep_ == "npadvmod" and c.ent_type_ in {"DATE", "TIME"})
        )
    return sorted(out, key=lambda t: t.i)


def _led_by(clause: Token) -> bool:
    """A clause that names who speaks for the phrase ("Objectors, led by the Marrowby
    Countryside Group, argued"): the group is credited with them."""
    return (
        clause.dep_ == "acl"
        and clause.lemma_.lower() in {"lead", "head"}
        and any(c.dep_ == "agent" for c in clause.children)
    )


def _speaker_names(tokens: Sequence[Token]) -> set[str]:
    names = _proper(tokens)
    # "Cllr Hesketh": a title cut short is no name of the speaker's
    names = {n for n in names if n != "cllr"} or names
    return names or {
        norm_word(t.lemma_) for t in tokens if t.pos_ == "NOUN" or _opening_title(t, tokens)
    }


def _opening_title(tok: Token, speaker: Sequence[Token]) -> bool:
    """A title alone that opens a sentence without its article ("Chairman says the deal ...",
    a news ticker's style): the tagger's proper noun is the noun "the chairman"."""
    return (
        len(speaker) == 1
        and tok.i == tok.sent.start
        and tok.pos_ == "PROPN"
        and norm_word(tok.text) in OFFICE_TITLES
    )


def _said_yes_or_no(speaker: Sequence[Token]) -> bool:
    """The speaker only "said yes" (or no): an answer given, not a statement credited ("the
    returning officer said yes" for "which the returning officer granted")."""
    verb = speaker[-1].head
    after = verb.doc[verb.i + 1 : verb.i + 2]
    return len(after) == 1 and after[0].lower_ in {"yes", "no"} and after[0].dep_ != "det"
    # ("said no redundancies are planned": a statement)


_ARTICLE_NOUNS = frozenset({"article", "author", "piece", "story", "writer", "text"})
_REPORT_NOUNS = frozenset({"report", "reporting", "coverage"})


def _the_outlet(speaker: Sequence[Token], outlet: list[str]) -> bool:
    """The speaker is the site that published the original ("the Courier reported" for the
    Kestrel Valley Courier): its names are the site's and hold the site's last word."""
    proper = _proper(speaker)
    return bool(outlet) and bool(proper) and proper <= set(outlet) and outlet[-1] in proper


def _the_article_itself(speaker: Sequence[Token], original: Doc) -> bool:
    """A summary's framing ("The article records that ...", "the author notes"; "the report
    says" when the original itself mentions no report): the speaker is the original itself,
    which says all it says."""
    words = [t for t in speaker if t.is_alpha]
    if len(words) == 1 and words[0].text == "OP":
        return True  # a forum thread's "original poster", who shared the original
    if len(words) != 2 or words[0].lower_ not in {"the", "this"}:
        return False
    noun = words[1].lemma_.lower()
    if noun in _REPORT_NOUNS:
        return not any(t.lemma_.lower() in _REPORT_NOUNS and t.pos_ == "NOUN" for t in original)
    return noun in _ARTICLE_NOUNS


RELAY_USES = 3
"""A speaker the rewrite credits with at least this many statements, whom the original never
credits with any, is the rewrite's own frame."""


def _relay_frame(sp: Sequence[Token], aligner: Aligner) -> bool:
    """The rewrite's own narrator voice, not an attribution: a speaker the original never has
    speak (by its head word) and never names, that the rewrite credits with several statements
    ("The Minister states that ..." in a parliamentary answer, "A resident noted that ..." in
    meeting minutes, "OP says ..." in a forum thread). An attribution moved to another party is
    one statement, and to a party the original has speak."""
    head = _head_word(sp)
    if head is None or any(
        t.pos_ == "PROPN" and aligner.doc_index.has_word(norm_word(t.text)) for t in sp
    ):
        return False
    if _speaker_heads(sp[0].doc).get(head, 0) < RELAY_USES:
        return False
    return head not in aligner.analysis.derived("speaker-heads", _original_speaker_heads)


_NOUN_OR_NAME = frozenset({"NOUN", "PROPN"})


def _head_word(sp: Sequence[Token]) -> str | None:
    """The lemma of the speaker's last noun or name ("minister" of "The Minister")."""
    tok = _last_noun(sp, _NOUN_OR_NAME)
    return None if tok is None else norm_word(tok.lemma_)


def _speaker_heads(doc: Doc) -> dict[str, int]:
    """How many statements of a text (the rewrite) each speaker head word is credited with,
    counted once per text."""
    cached: dict[str, int] | None = doc.user_data.get("newsfaq.speaker_heads")
    if cached is None:
        cached = {}
        for sp in _speakers(doc[:]):
            head = _head_word(sp)
            if head is not None:
                cached[head] = cached.get(head, 0) + 1
        doc.user_data["newsfaq.speaker_heads"] = cached
    return cached


def _original_speaker_heads(analysis: Analysis) -> frozenset[str]:
    """The head words of every speaker of the original."""
    return frozenset(
        head
        for s in analysis.sentences
        for sp in _speakers(s.span, pronouns=False)
        if (head := _head_word(sp)) is not None
    )


def _check_attribution(
    claim: SpacySpan, ev: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    original = aligner.analysis.doc
    outlet = outlet_words(aligner.analysis)
    speakers = [
        sp
        for sp in _speakers(claim)
        if not _said_yes_or_no(sp)
        and not _the_article_itself(sp, original)
        and not _the_outlet(sp, outlet)
        and not _relay_frame(sp, aligner)
    ]
    claimed = [_bare_speaker(sp) for sp in speakers]
    if not claimed or not ev:
        return
    # the speaker's whole phrase, title and affiliation too ("Martin Oakes, Brightwell's chief
    # operating officer"), is no part of what is reported
    spoken = {t.i for sp in speakers for t in sp}
    spoken |= {
        a.i
        for sp in speakers
        for t in sp
        for c in t.children
        if c.dep_ == "appos"
        for a in c.subtree
    }
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
    # whom the original names for the sentence (its facts resolve "she said" and quotes)
    meant = [r for r in _sentence_speakers(aligner.analysis).get(best.id, []) if _looks_named(r)]
    named = [] if credited else meant
    if (
        credited
        and len(claimed) > 1
        and any(_credits(sp, _speaker_names(sp), credited) for sp in claimed)
    ):
        # a speaker the original credits, reported by another ("the Post reported that the
        # woman told police")
        for sp in claimed:
            names = _speaker_names(sp)
            if names and _credited_elsewhere(sp, names, claimed, claim, ev, aligner):
                continue  # "X said A, and its chair, Y, said B": B is Y's in another sentence
            _check_reporters([sp], credited, meant, aligner.analysis, out)
        return
    pronoun_speakers = _speakers(best.span, pronouns=True)
    for sp in claimed:
        names = _speaker_names(sp)
        if not names:
            continue
        text = " ".join(t.text for t in sp)
        handled, finding = _against_named(sp, names, named, aligner.analysis)
        if finding is not None:
            out.findings.append(finding)
        if handled:
            continue
        if credited:
            if _credits(sp, names, credited):
                continue
            if all(_in_quotation(o) for o in credited) and _credits_name(sp, names, meant):
                continue  # "“... most of them told us it is not working,” she said": hers
            if len(claimed) > 1 and _credited_elsewhere(sp, names, claimed, claim, ev, aligner):
                continue  # "X said A, and its chair, Y, said B": B is Y's in another sentence
            given = _join(" ".join(t.text for t in o) for o in credited[:2])
            out.findings.append(
                Finding(
                    "attribution",
                    "unsupported",
                    f"attribution: the claim credits {_quote(text)}; the original credits {given}",
                    wording=_may_describe(sp, credited),
                    counterpart=(bool(_proper(sp)) and any(_proper(o) for o in credited))
                    or _other_participant(sp, best, credited)
                    or (
                        any(_proper(o) for o in credited)
                        and _speaks_elsewhere(sp, aligner.analysis, best.id)
                    )
                    or _another_party(sp, credited, aligner)
                    or _role_of_another(sp, credited, aligner)
                    or _other_described_body(sp, credited, aligner),
                )
            )
        elif (said_by := _disagreeing_pronoun(sp, pronoun_speakers)) is not None:
            out.findings.append(
                Finding(
                    "attribution",
                    "unsupported",
                    f"attribution: the claim credits {_quote(text)}; the original's speaker is "
                    f"{_quote(said_by)}",
                    counterpart=True,
                )
            )
        elif pronoun_speakers and all(
            aligner.doc_index.has_word(n) for n in (names - NAME_TITLES or names)
        ):
            continue  # "he said" may stand for any speaker the original names ("Mr Okonkwo"
            # for the original's "Daniel Okonkwo")
        elif (
            not all(aligner.sentence_index[best.id].has_word(n) for n in names)
            and not any(_credits(sp, names, _speakers(s.span)) for s in ev if s is not best)
            and not (not meant and _lead_source(names, aligner.analysis))
            and not (not _proper(sp) and _running_source(names, best, aligner.analysis))
        ):
            out.findings.append(
                Finding(
                    "attribution",
                    "unsupported",
                    f"attribution: the original does not credit this to {_quote(text)}",
                    wording=True,
                )
            )


def _may_describe(speaker: Sequence[Token], credited: list[list[Token]]) -> bool:
    """One side names its speaker and the other only describes one ("the firm" and ClearPath,
    "the CEO" and Ms Marsh, Skerrin Ferries and "the company"): the description may be the
    name's in other words. Two descriptions of different heads ("the growers' association",
    "the inspectorate") are two parties."""

    def named(sp: Sequence[Token]) -> bool:  # "The company that operated it, Western Isles
        # Shipping, said": named in apposition
        return bool(_proper(sp)) or any(
            c.dep_ == "appos" and any(g.pos_ == "PROPN" for g in c.subtree)
            for t in sp
            for c in t.subtree
        )

    mine = named(speaker)
    return any(mine != named(other) for other in credited)


def _credited_elsewhere(
    sp: list[Token],
    names: set[str],
    claimed: list[list[Token]],
    claim: SpacySpan,
    ev: Sequence[Sentence],
    aligner: Aligner,
) -> bool:
    """One of several speakers of the claim is credited by another evidence sentence that holds
    what the claim has it say: the words after its verb up to the next speaker."""
    inside = {t.i for t in sp}
    verb = next((t.head for t in sp if t.head.i not in inside), None)
    if verb is None or verb.i < sp[-1].i:
        return False  # "..., Pike said": what it says comes before; left to the main reading
    nxt = min((o[0].i for o in claimed if o[0].i > verb.i), default=claim.end)
    said = list(content_tokens(claim.doc[verb.i + 1 : nxt]))
    if len(said) < _MIN_SAID:
        return False
    for s in ev:
        index = aligner.sentence_index[s.id]
        if sum(1 for t in said if index.has(t)) < _SAID_SHARE * len(said):
            continue
        credited = _speakers(s.span, pronouns=False)
        if _credits(sp, names, credited):
            return True
        meant = _sentence_speakers(aligner.analysis).get(s.id, [])
        if not credited and _credits_name(sp, names, meant):
            return True  # "He said Northgate had not consulted clients", he being Marcus Elwood
    return False


_MIN_SAID = 2
"""Content words a speaker's own clause needs before another sentence may be its evidence."""
_SAID_SHARE = 0.6
"""Share of those words the other evidence sentence must hold."""


def _check_reporters(
    claimed: list[list[Token]],
    credited: list[list[Token]],
    meant: list[str],
    analysis: Analysis,
    out: CheckResult,
) -> None:
    """The claim's reporters of a statement the original credits, against the person the
    original names for that sentence (``meant``: "Feldane admitted the union had told ..."
    where the original's "She said the union had warned ..." is Oona Brackley's)."""
    for sp in claimed:
        names = _speaker_names(sp)
        if names and not _credits(sp, names, credited):
            finding = _against_named(sp, names, meant, analysis)[1]
            if finding is not None:
                out.findings.append(finding)


def _other_participant(
    speaker: Sequence[Token], best: Sentence, credited: list[list[Token]]
) -> bool:
    """The claim's speaker is a noun the evidence sentence names in another part than its
    speaker's ("Developers estimate ..." where "The council estimates ..., of which developers
    are expected to pay half"): the statement moved to another participant."""
    heads = [t for t in speaker if t.pos_ == "NOUN"]
    if not heads or any(t.pos_ == "PROPN" for t in speaker):
        return False
    head = norm_word(heads[-1].lemma_)
    spoken = {t.i for sp in credited for t in sp}
    return any(
        t.pos_ == "NOUN" and norm_word(t.lemma_) == head and t.i not in spoken for t in best.span
    )


def _against_named(
    sp: Sequence[Token], names: set[str], named: list[str], analysis: Analysis
) -> tuple[bool, Finding | None]:
    """The claim's speaker against the speakers the original names for a quote or a "he said"
    sentence (``named``, from its facts): (whether this decides the speaker, the finding)."""
    if not named:
        return False, None
    text = " ".join(t.text for t in sp)
    given = _join(dict.fromkeys(named))
    if _proper(sp) and _a_person(sp, analysis):
        # a quote or a "he said" sentence: the speaker the original means by it
        if _credits_name(sp, names, named):
            return True, None
        reason = f"attribution: the claim credits {_quote(text)}; the original credits {given}"
        return True, Finding("attribution", "unsupported", reason, counterpart=True)
    described = None if _proper(sp) - TITLE_SHORT.keys() else _described_speaker(sp, analysis)
    if described is not None and _credits_name(described, _proper(described), named):
        return True, None  # "the chair added" where the original's quote is its chair's
    if described is not None:
        # "the mayor conceded" where the original's "he said" is another named speaker
        reason = (
            f"attribution: the claim credits {_quote(text)} "
            f"({' '.join(t.text for t in described)}); the original credits {given}"
        )
        return True, Finding("attribution", "unsupported", reason, counterpart=True)
    return False, None


def _disagreeing_pronoun(speaker: Sequence[Token], pronouns: list[list[Token]]) -> str | None:
    """The original's pronoun speaker ("they said") when it cannot stand for the claim's
    speaker, a woman or a man named by a noun ("the boy's mother"): "he" or "they" for a
    woman, "she" or "they" for a man."""
    heads = [t for t in speaker if t.pos_ == "NOUN" and t.dep_ != "poss"]
    if not heads:
        return None
    noun = norm_word(heads[-1].lemma_)
    if noun in FEMALE_NOUNS:
        wrong = {"he", "they"}
    elif noun in MALE_NOUNS:
        wrong = {"she", "they"}
    else:
        return None
    said = [p[0].lower_ for p in pronouns if len(p) == 1 and p[0].pos_ == "PRON"]
    if said and all(w in wrong for w in said):
        return said[0]
    return None


def _described_speaker(speaker: Sequence[Token], analysis: Analysis) -> list[Token] | None:
    """The one named speaker of the original that the claim's unnamed speaker describes by its
    title or role ("the mayor" for "Mayor Lucia Ferraro said"), or None (none, or several)."""
    roles = {norm_word(t.lemma_) for t in speaker if t.pos_ == "NOUN" or _opening_title(t, speaker)}
    roles |= {w for t in speaker for w in TITLE_SHORT.get(t.lower_, ())}  # "the MD"
    if not roles:
        return None
    named = analysis.derived(
        "named_speakers",
        lambda an: [sp for s in an.sentences for sp in _speakers(s.span) if _proper(sp)],
    )
    found = {
        " ".join(t.text for t in sp): sp
        for sp in named
        if roles & {norm_word(t.lemma_.lower()) for t in sp}
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _a_person(speaker: Sequence[Token], analysis: Analysis) -> bool:
    """The claim's speaker is a person: tagged so, or named as a person in the original (the
    small model misses "Dr Feld" in a short claim that it finds in the article)."""
    if any(t.ent_type_ == "PERSON" for t in speaker):
        return True
    if len(speaker) > 1 and norm_word(speaker[0].text).rstrip(".") in NAME_TITLES:
        return True  # "Mr Pask", whatever the tagger reads
    proper = _proper(speaker)
    people = analysis.derived(
        "person_words",
        lambda an: frozenset(
            norm_word(t.text) for e in an.doc.ents if e.label_ == "PERSON" for t in e
        ),
    )
    if proper and proper <= people | NAME_TITLES:
        return True
    # a name the original gives a person's role ("Board chair Eleni Varga said", which the
    # small model tags ORG): a speaker of the original under a title of office
    return bool(proper) and any(
        proper <= set(_ent_words(name)) and _under_title(name, analysis)
        for names in _sentence_speakers(analysis).values()
        for name in names
    )


def _under_title(name: str, analysis: Analysis) -> bool:
    """The original puts a title of office right before ``name`` ("chair Eleni Varga")."""
    if set(_ent_words(name)) & (ORG_TITLES | NAME_TITLES):
        return True  # the facts' speaker "board chair Eleni Varga"
    text = analysis.article.text
    at = text.find(name)
    while at >= 0:
        before = text[max(0, at - 40) : at].split()
        if before and norm_word(before[-1]) in ORG_TITLES | NAME_TITLES:
            return True
        at = text.find(name, at + 1)
    return False


def _spelt_out(speaker: Sequence[Token], proper: set[str], original: Doc) -> set[str]:
    """The words of the organisation of the original whose initials a speaker's one
    capitalised short form gives ("CSHA" -> Carrick Sound Harbour Authority, "Valeside CC" ->
    Valeside County Council), else ``proper``."""
    if len(speaker) >= 2 and speaker[-1].text.isupper():
        tail = spelled_tail(speaker[0].doc[speaker[0].i : speaker[-1].i + 1], original)
        if tail is not None:  # "Valeside CC" for Valeside County Council
            return proper | {norm_word(w) for w in tail.split() if w[:1].isupper()}
    short = [t.text for t in speaker if t.text.isupper() and 2 < len(t.text) < 7 and t.is_alpha]
    if len(short) != 1 or not proper <= {norm_word(short[0])}:
        return proper
    found = spelled_out_in(original, short[0])
    if found is None:
        return proper
    return {norm_word(t.text) for t in found if t.is_alpha and t.text[0].isupper()}


def _common_opening(speaker: Sequence[Token], original: Doc) -> bool:
    """The speaker is one capitalised word opening the sentence that the original uses as a
    common noun in lower case ("Processor blames ..." for "the processor"), or a noun for
    management or an organisation ("Management said")."""
    if len(speaker) != 1 or not speaker[0].is_sent_start or speaker[0].pos_ != "PROPN":
        return False
    word = speaker[0].lower_
    if word in _MANAGEMENT | _ORG_NOUNS:
        return True  # "Management said", "Council said": no name
    return any(t.text == word and t.pos_ == "NOUN" for t in original)


def _bare_speaker(sp: list[Token]) -> list[Token]:
    """A named speaker without the description set off after its name ("Veltrace, a
    Coventry-based firm that has run the cameras"): the name says who speaks; the description
    is checked as a statement of its own."""
    inside = {t.i for t in sp}
    root = next((t for t in sp if t.head.i not in inside or t.head.i == t.i), None)
    if root is None or root.pos_ != "PROPN":
        return sp
    described = {
        x.i for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" for x in c.subtree
    }  # a description ("a Coventry-based firm"), not a name ("The CEO, Daniel Ferris")
    return [t for t in sp if t.i not in described] or sp


def _credits(speaker: Sequence[Token], names: set[str], credited: list[list[Token]]) -> bool:
    """Whether one of the ``credited`` speakers of the original is the claim's ``speaker``
    (whose :func:`_speaker_names` are ``names``): all of its proper names, or for a speaker
    without one ("officials") any of its words; or the original's speaker is a short form of
    the claim's ("The Post" for "The Washington Post", "Smith" for "John Smith", "its council"
    for "Santo Mar's council")."""
    proper = _proper(speaker)
    mine = {norm_word(t.lemma_) for t in speaker if t.pos_ == "NOUN"}
    titles = {t.lower_ for t in speaker} & TITLE_SHORT.keys()
    if titles:  # "the CEO said": the title's words, no name
        proper -= titles
        mine = (mine - titles) | {w for t in titles for w in TITLE_SHORT[t]}
    as_written = proper
    if credited:
        proper = _spelt_out(speaker, proper, credited[0][0].doc)  # "CSHA" for its full name
    if credited and _common_opening(speaker, credited[0][0].doc):
        # "Processor blames ...": the sentence's capital on the original's "the processor"
        mine, proper = {speaker[0].lower_}, set()
    surname = _surname(speaker)
    untagged = _untagged(speaker)
    for other in credited:
        if proper != as_written and _is_a(other, frozenset(proper)):
            return True  # "per CSHA" for "the authority said", Carrick Sound Harbour Authority
        if (
            proper != as_written
            and proper <= _proper(other)
            and mine <= {norm_word(t.lemma_) for t in other}
        ):
            return True  # "the NFU adviser" for "the adviser for the National Farmers' Union"
        short = _proper(other)
        if short and proper and short < proper:
            return True
        named = short - OFFICE_TITLES - TITLE_SHORT.keys() - NAME_TITLES
        if len(named) >= 2 and named <= proper and len(short - named) == 1:
            return True  # "Club chair Rosalind Okafor" for "Chair Rosalind Okafor"
        if surname is not None and surname == _surname(other) and _only_titled(speaker, other):
            return True  # "Operations director Graham Pettifer" for "Mr Pettifer"
        if _first_name_credit(speaker, other):
            return True  # "Hannah says" for "Ms Voss said", whom the article names Hannah Voss
        if _its_own(other, mine, proper):
            return True  # "its council" for "Santo Mar's council"
        if not proper and _speaks_for(other, mine):
            return True  # "the defence said" for "Hannah Burrell, for the defence, said"
        if not proper and _titled(other, mine):
            return True  # "the race chief" for "Ashworth", the article's "Race director"
        if proper and mine and _owner_title(speaker) and _titled(other, mine, proper):
            return True  # "Veltra's head of service" for "Brauer", the article's so titled
        if not proper and _described_org(other, mine):
            return True  # "the company" for "Greyhaven", which the article calls so
        if not proper and _renamed_body(mine, other):
            return True  # "the regulator" for "the authority", the Civil Noise Authority
        if not proper and mine and mine <= _BUSINESS_NOUNS and _is_a(other, _BUSINESS_NOUNS):
            return True  # "the chain" for the original's "the company"
        if proper and not short and _org_meant(other, proper, _is_org(speaker), untagged=untagged):
            return True  # "Stratavault said" for the original's "the company says"
        if not proper and mine & _ORG_NOUNS and _speaks_for_org(other, mine & _ORG_NOUNS):
            return True  # "the firm said" for "Managing director Helena Voskuijl said"
        if not proper and mine & _ORG_NOUNS and _spokesperson_for(other, mine & _ORG_NOUNS):
            return True  # "the council said" for "the spokesperson added", a council's
        if not proper and mine & _MANAGEMENT and _is_a(other, _EMPLOYERS):
            return True  # "Management said" for "The company said"
        if proper and _unnamed_for(speaker, other, proper):
            return True  # "A Fenwold spokesperson said" for "Fenwold Foods said ... A spokesperson"
        if proper and _its_head(other, proper):
            return True  # "the Hearing Society says" for "Its chair, Tomas Ridley, said"
        if _same_share(speaker, other):
            return True  # "most of the people" for "most of them"
        if same_party(speaker, other):
            return True  # "Brightfold said" for "the company said": one party of the article
        if not proper and mine and mine <= _EMPLOYERS and _a_company(other):
            return True  # "the firm says" for "ClearPath blamed ...", a company
        idx = WordIndex()
        idx.add_all(
            _speaker_names(other)
            | {norm_word(t.lemma_) for t in other}
            | {norm_word(t.text) for t in other}
        )
        if any(idx.has_word(n) for n in names) and all(
            idx.has_word(n) or any(shortens(n, w) for w in idx.words) for n in names if n in proper
        ):
            return True
    return False


def _speaks_for(credited: Sequence[Token], nouns: set[str]) -> bool:
    """The original's speaker speaks "for" the party the claim's noun names: "Hannah Burrell,
    for the defence, said" (the phrase right after the name, which the parse may hang on the
    verb)."""
    if not credited:
        return False
    last = credited[-1]
    return any(
        c.dep_ == "prep"
        and c.lower_ == "for"
        and last.i < c.i <= last.i + 2
        and any(norm_word(o.lemma_) in nouns for o in c.children if o.dep_ == "pobj")
        for t in (last, last.head)
        for c in t.children
    )


def _unnamed_for(speaker: Sequence[Token], other: Sequence[Token], proper: set[str]) -> bool:
    """The original's speaker is a bare "a/the <noun>" ("a spokesperson") and the claim's the
    same noun with the names of a party the original names in that sentence or the one before
    ("a Fenwold spokesperson"): whom the original's speaker speaks for."""
    if _proper(other):
        return False
    head, own = _last_noun(speaker), _last_noun(other)
    if head is None or own is None or norm_word(head.lemma_) != norm_word(own.lemma_):
        return False
    return proper <= near_words(other[0])


_SPEAKS_FOR_NOUNS = frozenset({"spokesperson", "spokesman", "spokeswoman", "representative"})


def _spokesperson_for(credited: Sequence[Token], nouns: set[str]) -> bool:
    """The original's speaker is a bare "the spokesperson" whom it introduced earlier as one of
    the body the claim names ("a council spokesperson said ... the spokesperson added")."""
    own = _last_noun(credited)
    if _proper(credited) or own is None or norm_word(own.lemma_) not in _SPEAKS_FOR_NOUNS:
        return False
    for t in own.doc[: credited[0].i]:
        if t.lemma_.lower() != own.lemma_.lower():
            continue
        mods = {norm_word(c.lemma_) for c in t.children if c.dep_ in {"compound", "amod", "poss"}}
        mods |= {
            norm_word(g.lemma_)
            for c in t.children
            if c.dep_ == "prep" and c.lower_ in {"for", "of"}
            for g in c.subtree
        }
        if mods & nouns:
            return True
    return False


def _last_noun(tokens: Sequence[Token], pos: frozenset[str] = frozenset({"NOUN"})) -> Token | None:
    """The last common noun of a phrase ("spokesperson" of "a Fenwold spokesperson"), or the
    last word of another part of speech in ``pos``."""
    return next((t for t in reversed(tokens) if t.pos_ in pos), None)


_ORG_NOUNS = frozenset({
    "company", "firm", "operator", "group", "business", "employer", "retailer", "chain",
    "bank", "lender", "insurer", "airline", "carrier", "council", "authority", "ministry",
    "department", "agency", "club", "union", "government", "regulator", "supplier",
    "manufacturer", "maker", "developer", "owner", "organisation", "organization", "charity",
    "trust", "foundation", "society", "board", "institute", "office", "association", "league",
    "federation", "cooperative", "consortium", "committee", "commission", "network",
    "hospital", "fund",
})  # fmt: skip
"""Nouns that describe an organisation ("the company"): one the article names may be meant."""
_BUSINESS_NOUNS = frozenset({
    "company", "firm", "operator", "business", "retailer", "chain", "bank", "lender", "insurer",
    "airline", "carrier", "supplier", "manufacturer", "maker", "developer", "charity", "fund",
})  # fmt: skip
"""Nouns that describe the name after them as an organisation's ("bus operator Carrowline")."""
_ORG_NAME_WORDS = _ORG_NOUNS | frozenset({
    "bus", "buses", "ltd", "limited", "inc", "plc", "corp", "corporation", "co", "holdings",
    "partners", "services", "industries", "systems", "group", "club", "fc", "trust",
    "homes", "developments", "estates", "contractors", "coaches", "ferries", "foods",
})  # fmt: skip
"""Last words of a name that make it an organisation's ("Carrowline Buses", "Larchfield Homes",
which the tagger may read as a person)."""


_EXECUTIVE_WORDS = ORG_TITLES | {"owner"}
"""Titles of people who speak for an organisation: "the firm said" may report them."""


def _owner_title(speaker: Sequence[Token]) -> bool:
    """The claim's speaker is an organisation's title: its names all stand in a possessive
    before a noun ("Veltra's head of service")."""
    return any(t.pos_ == "NOUN" and t.dep_ not in {"compound", "poss"} for t in speaker) and all(
        t.dep_ in {"poss", "compound", "case"} or t.pos_ != "PROPN" for t in speaker
    )


def _speaks_for_org(credited: Sequence[Token], nouns: set[str]) -> bool:
    """The original's speaker is a named person with a title that speaks for an organisation
    ("Managing director Helena Voskuijl") and the article calls an organisation by the claim's
    noun ("the firm")."""
    if any(t.dep_ == "poss" or t.lower_ == "of" for t in credited):
        return False  # "Skylark's chief operating officer" speaks for Skylark only
    if not any(t.pos_ == "PROPN" for t in credited):
        return False
    if not any(t.lower_ in _EXECUTIVE_WORDS for t in credited):
        return False
    return _called_the(credited[0].doc, nouns)


_MANAGEMENT = frozenset({"management", "boss", "executive", "leadership"})
_EMPLOYERS = frozenset({"company", "firm", "employer", "operator", "business", "chain", "group"})


_PUBLIC = frozenset({
    "council", "authority", "government", "ministry", "department", "agency", "regulator",
    "committee", "commission", "court", "tribunal", "police", "force", "service", "board",
    "union", "trust", "charity", "association", "society", "club", "school", "university",
    "hospital", "party", "federation",
})  # fmt: skip
"""Bodies the article would not call "the firm" or "the company"."""


def _a_company(credited: Sequence[Token]) -> bool:
    """The original's speaker is a named body of the article that is no public body, club or
    charity by its name or by what the article calls it: what "the firm" may stand for."""
    if not credited:
        return False
    table = party_table(credited[0].doc)
    party = next((p for t in credited if (p := table.at(t.i)) is not None), None)
    return (
        party is not None
        and party.body
        and not (party.nouns | party.names) & _PUBLIC
        and party.labels.get("PERSON", 0) == 0
    )


def _renamed_body(nouns: set[str], credited: Sequence[Token]) -> bool:
    """The claim's speaker is "the <noun>" for an organisation noun the original never uses
    ("the regulator"), and the original's is "the <noun>" that shortens an organisation's name
    ("the authority", the Civil Noise Authority): the rewrite's own word for that body."""
    if len(nouns) != 1 or not nouns <= _ORG_NOUNS:
        return False
    doc = credited[0].doc
    if any(norm_word(t.lemma_) in nouns for t in doc):
        return False  # the original has a body it calls so: it may be another one
    if credited[0].lower_ != "the":
        return False
    head = _last_noun(credited)
    if head is None or any(t.pos_ == "PROPN" for t in credited):
        return False
    noun = norm_word(head.lemma_)
    return any(norm_word(e[-1].lemma_) == noun for e in _organisations(doc))


def _is_a(credited: Sequence[Token], nouns: frozenset[str]) -> bool:
    """The original's speaker is "the <noun>" for one of ``nouns``."""
    return any(
        t.pos_ == "NOUN" and norm_word(t.lemma_) in nouns and t.dep_ != "compound" for t in credited
    )


def _its_head(credited: Sequence[Token], proper: set[str]) -> bool:
    """The original's speaker is "its / their <title>" ("Its chair, Tomas Ridley") and the
    claim's named speaker is the organisation named in that sentence or the one before."""
    if not any(t.dep_ == "poss" and t.lower_ in {"its", "their"} for t in credited):
        return False
    if not any(norm_word(t.lemma_) in _EXECUTIVE_WORDS for t in credited):
        return False
    doc = credited[0].doc
    start = from_sentence_before(credited[0])
    before = doc[start : credited[0].sent.start]
    if any(t.dep_ == "nsubj" and t.lower_ == "it" for t in before):
        # "Halcyon ... said it was disappointed. It has hired the investment bank Marlowe
        # Strand. Its chief executive, Rajiv Mendonca, told ...": "its" is what "it" stands
        # for, the subject before, not the body it acted on
        acted_on = {
            norm_word(t.text)
            for t in before
            if t.head.dep_ in {"dobj", "pobj", "appos"} or t.dep_ in {"dobj", "pobj", "appos"}
        }
        earlier = doc[from_sentence_before(doc[start]) : start] if start > 0 else doc[0:0]
        subject = {
            norm_word(t.text) for t in earlier if t.dep_ == "nsubj" or t.head.dep_ == "nsubj"
        }
        return not proper <= acted_on and proper <= near_words(credited[0]) | subject
    return proper <= near_words(credited[0])


def _untagged(speaker: Sequence[Token]) -> bool:
    """The claim's speaker has names and the tagger reads none of them as any kind of name."""
    names = [t for t in speaker if t.pos_ == "PROPN"]
    return bool(names) and not any(t.ent_type_ for t in names)


def _is_org(speaker: Sequence[Token]) -> bool:
    """The claim's speaker is read as an organisation and as nobody else."""
    kinds = {t.ent_type_ for t in speaker if t.pos_ == "PROPN"}
    return kinds == {"ORG"}


def _org_meant(
    credited: Sequence[Token], proper: set[str], claim_org: bool, *, untagged: bool = False
) -> bool:
    """The original's speaker is an unnamed organisation ("the company", "the operator of the
    mine") and the claim's named one is the organisation the article names nearest before it
    (or, with none before, the first after it), or the subject of its sentence or the one
    before."""
    heads = [t for t in credited if t.dep_ not in {"det", "poss", "amod", "compound", "pobj"}]
    heads = heads or [t for t in credited if t.dep_ == "pobj"]  # "according to the company"
    if not heads or heads[0].i == 0 or credited[0].lower_ not in {"the", "its"}:
        return False
    noun = norm_word(heads[0].lemma_)
    orgs = _organisations(credited[0].doc)
    # an organisation whose name holds the noun ("the trust": "the Glenmoor Leisure Trust")
    holding = [e for e in orgs if noun in {norm_word(t.lemma_) for t in e}]
    if noun not in _ORG_NOUNS and not any(norm_word(e[-1].lemma_) == noun for e in holding):
        return False  # "the unit" only for a name ending in it ("the National Bee Unit")
    described = any(t.dep_ in {"compound", "amod"} and t.i < heads[0].i for t in credited)
    if described and not holding:
        return False  # "the county health board" is a body of its own, not any name before it
    orgs = holding or orgs
    before = [e for e in orgs if e.end <= credited[0].i]
    after = [e for e in orgs if e.start > credited[-1].i]
    nearest = before[-1] if before else after[0] if after else None
    if nearest is not None and not proper <= {norm_word(t.text) for t in nearest}:
        # the subject of its sentence or the one before ("Brightfield Energy submitted the
        # appeal to the Planning Inspectorate ... according to the company")
        start = from_sentence_before(credited[0])
        nearest = next(
            (
                e
                for e in reversed(before)
                if e.start >= start
                and e.root.dep_ in {"nsubj", "nsubjpass"}
                and proper <= {norm_word(t.text) for t in e}
            ),
            None,
        )
    if nearest is None or not proper <= {norm_word(t.text) for t in nearest}:
        return False
    # a speaker the claim's tagger reads as a person is meant only by a name that says it is
    # an organisation's ("Carrowline Buses"), not by one the original's tagger merely reads so
    # (a name the claim's tagger reads as nothing, "Brightsmile", may be the one the original's
    # tagger reads as an organisation)
    return claim_org or _org_like(nearest) or (untagged and nearest.label_ == "ORG")


def _org_like(e: SpacySpan) -> bool:
    """A name that says it is an organisation's: its last word ("Carrowline Buses") or a noun
    before it ("bus operator Carrowline")."""
    doc = e.doc
    return norm_word(e[-1].text) in _ORG_NAME_WORDS or (
        e.start > 0 and norm_word(doc[e.start - 1].lemma_) in _BUSINESS_NOUNS
    )


def _organisations(doc: Doc) -> list[SpacySpan]:
    """The names of the article read as organisations: those the tagger reads so, and names
    it reads otherwise that end in an organisation's word ("Carrowline Buses") or follow an
    organisation noun ("bus operator Carrowline")."""
    return [
        e
        for e in doc.ents
        if e.label_ == "ORG"
        or (e.label_ in {"PERSON", "GPE", "NORP", "FAC", "PRODUCT"} and _org_like(e))
    ]


def _called_the(doc: Doc, nouns: set[str]) -> bool:
    """The article calls something "the <noun>" for one of ``nouns`` ("the company")."""
    return any(
        t.i > 0 and norm_word(t.lemma_) in nouns and doc[t.i - 1].lower_ == "the" for t in doc
    )


def _described_org(credited: Sequence[Token], nouns: set[str]) -> bool:
    """The claim's unnamed speaker ("the company") is an organisation noun, the original's
    speaker is an organisation, and the article itself calls something "the <noun>"."""
    described = _described_as(credited)
    if not nouns or not nouns <= _ORG_NOUNS | described:
        return False
    doc = credited[0].doc
    last = credited[-1]
    org_name = last.pos_ == "PROPN" and norm_word(last.text) in _ORG_NAME_WORDS
    if not org_name and not any(t.ent_type_ == "ORG" for t in credited):
        # ("... Hostelling Association" is an organisation's name, whatever the tagger reads)
        # a short name the tagger does not read as one ("Kestrel" after "Kestrel Confectionery")
        # (or one it tags as a noun: "Valebrook blamed ...")
        names = {t.text for e in _organisations(doc) for t in e if t.pos_ == "PROPN"}
        named = [t for t in credited if t.text in names and (t.pos_ == "PROPN" or t.is_title)]
        bare = all(t.pos_ in {"DET", "PUNCT"} or t in named for t in credited)
        if not bare or not named:
            return False
    table = party_table(doc)
    mine = {id(p) for t in credited if (p := table.at(t.i)) is not None}
    if mine and any(id(p) not in mine for n in nouns for p in table.described(n)):
        return False  # "the council" for Larchfield Homes, where Wexmoor District Council is
    return _called_the(doc, nouns) or nouns <= described


def _described_as(credited: Sequence[Token]) -> set[str]:
    """The nouns the original describes the credited organisation by, beside its name
    ("Valebrook Dairies, the Whitchurch-based milk processor"; "the operator, Greenwheel
    Mobility"): "the processor" may stand for it."""
    proper = {norm_word(t.text) for t in credited if t.is_alpha and t.is_title}
    if not proper:
        return set()
    out: set[str] = set()
    for ent in _organisations(credited[0].doc):
        if not proper <= {norm_word(t.text) for t in ent}:
            continue
        root = ent.root
        described = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            described.append(root.head)
        out |= {norm_word(d.lemma_) for d in described if d.pos_ == "NOUN"}
    return out


def _titled(
    credited: Sequence[Token], nouns: set[str], owner: set[str] | frozenset[str] = frozenset()
) -> bool:
    """The claim's speaker named by a title (its ``nouns``: "race", "chief"; with ``owner``,
    the organisation's name words: "Veltra's head of service") is the title the article gives
    the original's named speaker somewhere (compound nouns before the name: "Race director
    Colin Ashworth"; an apposition either way: "Philip Dunmore, the county's cabinet member",
    "said Veltra's head of service, Annika Brauer"), each noun the same word or a synonym of
    one, and the title the owner's."""
    heads = [t for t in credited if t.pos_ == "PROPN"]
    if not nouns or not heads:
        return False
    surname = heads[-1].text
    for tok in credited[0].doc:
        if tok.text != surname or tok.pos_ != "PROPN":
            continue
        title = {
            norm_word(t.lemma_)
            for t in tok.subtree
            if t.dep_ == "compound" and (t.pos_ == "NOUN" or t.lower_ in _TITLE_CAPS)
        }
        title |= _office_held(tok)
        offices = [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if tok.dep_ == "appos" and tok.head.pos_ == "NOUN":
            office = tok.head  # "Veltra's head of service, Annika Brauer"
            if office.dep_ == "pobj" and office.head.lower_ in {"of", "for"}:
                office = office.head.head if office.head.head.pos_ == "NOUN" else office
            offices.append(office)
        holders: set[str] = set()
        for office in offices:
            # "Philip Dunmore, the county's cabinet member for transport"
            title.add(norm_word(office.lemma_))
            title |= {
                norm_word(t.lemma_)
                for t in office.children
                if t.pos_ == "NOUN" and t.dep_ in {"compound", "amod"}
            }
            title |= {  # "the cabinet member for parks": the parks' office
                norm_word(p.lemma_)
                for prep in office.children
                if prep.dep_ == "prep" and prep.lower_ in {"for", "of"}
                for p in prep.children
                if p.dep_ == "pobj" and p.pos_ == "NOUN"
            }
            holders |= {
                norm_word(w.text)
                for t in office.children
                if t.dep_ == "poss"
                for w in t.subtree
                if w.pos_ == "PROPN"
            }
        if owner and not owner <= holders:
            continue
        # "boss" or "chief" beside the office names whoever holds it ("the parks boss")
        specific = (nouns - _ANY_HEAD) or nouns
        if title and all(any(n == w or synonyms(n, w) for w in title) for n in specific):
            return True
    return False


_ANY_HEAD = frozenset({"boss", "chief", "head"})
"""Words for whoever leads ("the parks boss"): any title of office fits them."""


# words of a title of office the article may capitalise ("Chief Fire Officer Helen Marchant")
_TITLE_CAPS = OFFICE_TITLES | {"fire"}  # "Chief Fire Officer"


def _office_held(name: Token) -> set[str]:
    """The office a relative clause on the name gives ("Rosa Delaney, who chairs the
    Brackenford Traders' Association": chair, trader, association)."""
    out: set[str] = set()
    for clause in (c for c in name.children if c.dep_ == "relcl"):
        office = OFFICE_VERBS.get(clause.lemma_.lower())
        if office is None:
            continue
        out.add(office)
        for obj in (c for c in clause.children if c.dep_ == "dobj"):
            for t in obj.subtree:
                if t.pos_ in {"NOUN", "PROPN"}:
                    word = norm_word(t.lemma_)
                    out |= {word, word[:-1]} if word.endswith("s") else {word}  # "Traders'"
    return out


def _its_own(credited: Sequence[Token], nouns: set[str], owner: set[str]) -> bool:
    """The original's speaker is "its / their <noun>" and the claim's is "<owner>'s <noun>",
    the owner named in the original's sentence or the one before ("Santo Mar ... its council
    reported" for "Santo Mar's council reported")."""
    if not owner or not any(t.dep_ == "poss" and t.pos_ == "PRON" for t in credited):
        return False
    if not any(t.pos_ == "NOUN" and norm_word(t.lemma_) in nouns for t in credited):
        return False
    return owner <= near_words(credited[0])


def _looks_named(source: str) -> bool:
    """A source given by name ("Maria Okafor", "Ogane"), not a description ("the union"): a
    capitalized word after the first, or a single capitalized word.

    >>> _looks_named("Maria Okafor"), _looks_named("Ogane"), _looks_named("The union")
    (True, True, False)
    """
    words = source.split()
    return any(w[:1].isupper() for w in (words[1:] or words))


_SHARES = frozenset({"most", "many", "some", "all", "half", "few", "several", "both", "none"})


def _same_share(speaker: Sequence[Token], other: Sequence[Token]) -> bool:
    """Both speakers are the same share of a group, the original's of a pronoun ("most of the
    people" for "most of them")."""
    mine = next((t.lower_ for t in speaker if t.lower_ in _SHARES), None)
    theirs = next((t.lower_ for t in other if t.lower_ in _SHARES), None)
    return (
        mine is not None
        and mine == theirs
        and any(t.dep_ == "pobj" and t.pos_ == "PRON" for t in other)
    )


def _in_quotation(phrase: Sequence[Token]) -> bool:
    """The phrase stands inside quotation marks of its sentence (a speaker quoted by another):
    the sentence's words before it leave a quotation open."""
    sent = phrase[0].sent
    return _opens_quote(sent.doc.text[sent.start_char : phrase[0].idx])


def _credits_name(speaker: Sequence[Token], names: set[str], credited: Sequence[str]) -> bool:
    """Whether one of the speakers the original names as text (from its facts) shares a
    proper name with the claim's ``speaker``."""
    proper = _proper(speaker) & names
    for other in credited:
        idx = WordIndex()
        idx.add_all(norm_word(w) for w in re.findall(r"[\w.'-]+", other))
        if any(idx.has_word(n) for n in proper):
            return True
    return False


_LEAD_TAIL = re.compile(
    r",\s*((?:[\w'’-]+\s+){0,3}[\w'’-]+)\s+(?:said|announced|reported|confirmed|revealed)\b"
    r"[^,]{0,40}$"
)


def _running_source(names: set[str], best: Sentence, analysis: Analysis) -> bool:
    """An unnamed source ("officials") that is the subject of one of the two sentences before
    the evidence: the article goes on in its own voice with what they found ("Officials traced
    the first case ... The virus then spread quickly because ...")."""
    before = analysis.sentences[max(0, best.id - 2) : best.id]
    subjects = {
        w
        for s in before
        for t in s.span
        if t.dep_ in {"nsubj", "nsubjpass"} and t.pos_ == "NOUN"
        for w in (norm_word(t.lemma_), norm_word(t.text))
    }
    return bool(names) and names <= subjects


def _lead_source(names: set[str], analysis: Analysis) -> bool:
    """The claim's speaker is the source the article opens with ("keepers announced on
    Wednesday" in its first sentence), and the evidence credits nobody: the article reports the
    rest of that announcement in its own voice ("According to the keepers, each cub weighed
    about 480 grams" for "Each cub weighed about 480 grams")."""
    if not names:
        return False
    words: set[str] = set()
    for sent in analysis.sentences[:2]:
        for sp in _speakers(sent.span):
            words |= {norm_word(t.text) for t in sp} | {norm_word(t.lemma_) for t in sp}
        tail = _LEAD_TAIL.search(sent.text)  # the tagger may miss a trailing "keepers announced"
        if tail:
            words |= {norm_word(w) for w in tail.group(1).split()}
    words |= {w.removesuffix("s") for w in words}
    return all(n in words for n in names)


def _speaks_elsewhere(speaker: Sequence[Token], analysis: Analysis, sid: int) -> bool:
    """The claim's speaker is one the original credits with other sentences, not this one
    ("Police said deliveries had been delayed" where the original's police speak of the van
    and Helix Medical Supply of the deliveries): a statement moved to another speaker. Read
    only where the original names its own speaker (a described one, "the company", may be the
    claim's)."""
    words = _proper(speaker) or {norm_word(t.lemma_) for t in speaker if t.pos_ == "NOUN"}
    if not words:
        return False
    for other, names in _sentence_speakers(analysis).items():
        if other == sid:
            continue
        for name in names:
            said = {norm_word(w) for w in re.findall(r"[\w'’-]+", name.lower())}
            if words <= said:
                return True
    return False


def _another_party(speaker: Sequence[Token], credited: list[list[Token]], aligner: Aligner) -> bool:
    """The claim's speaker is a party the original names, and the original credits the
    statement to a party it describes by a compound of its own ("a Vale Water spokesperson
    said" where the original's "a spokesperson for the agriculture department said"): the
    statement moved to another party. A bare description ("the company said") may be the
    claim's party, so it decides nothing."""
    names = _proper(speaker)
    if not names or not all(aligner.doc_index.has_word(n) for n in names):
        return False
    if any(names & {norm_word(t.text) for t in o} for o in credited):
        return False
    if any(_anonymous(o) for o in credited):
        return True  # "according to Greystone Mutual" for "according to a person familiar"
    if _other_named_body(speaker, credited, aligner):
        return True
    return any(
        t.pos_ == "NOUN"
        and not t.ent_type_
        and any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in t.children)
        for o in credited
        for t in o
    )


def _other_named_body(
    speaker: Sequence[Token], credited: list[list[Token]], aligner: Aligner
) -> bool:
    """The claim names a body of the original as its speaker and the original credits the
    statement to another body, read through the party table ("warned by the bowls
    association" where "the council had warned the club", the article's association another
    party)."""
    table = party_table(aligner.analysis.doc)
    inside = {t.i for t in speaker}
    head = next((t for t in speaker if t.head.i not in inside or t.head.i == t.i), None)
    theirs = [p for o in credited for t in o if (p := table.at(t.i)) is not None]
    if head is None or not theirs:
        return False
    k = claim_party(head, table, credited[0][0].sent)
    if k is None:
        return False
    mine = table.parties[k]
    return mine.body and all(p.body and p is not mine for p in theirs)


def _other_described_body(
    speaker: Sequence[Token], credited: list[list[Token]], aligner: Aligner
) -> bool:
    """The claim's speaker and the original's are each "the <noun>" for an organisation noun
    ("the union said" where the original's "the company said"), and the article describes two
    different bodies by those nouns: the statement moved to another party."""
    if _proper(speaker) or any(_proper(o) for o in credited):
        return False
    mine, theirs = _last_noun(speaker), [_last_noun(o) for o in credited]
    if mine is None or any(t is None for t in theirs):
        return False
    noun = norm_word(mine.lemma_)
    nouns = {norm_word(t.lemma_) for t in theirs if t is not None}
    if noun in nouns or not ({noun} | nouns) <= _ORG_NOUNS:
        return False
    table = party_table(aligner.analysis.doc)
    claimed = {id(p) for p in table.described(noun)}
    given = {id(p) for n in nouns for p in table.described(n)}
    if claimed and not given and noun not in _EMPLOYERS and nouns <= _EMPLOYERS:
        return True  # "the union said" for "the company said", the article's union a party
    return bool(claimed) and bool(given) and not claimed & given


def _role_of_another(
    speaker: Sequence[Token], credited: list[list[Token]], aligner: Aligner
) -> bool:
    """The claim describes its speaker by a role the original gives a person it names, and the
    original credits the statement to someone else ("The choir's chairman assured the singers"
    where the chairman is Gareth Pryce and the vicar, the Rev Daniel Mbeki, said it): the
    statement moved to another person, not the speaker described in other words."""
    if _proper(speaker):
        return False
    head = _last_noun(speaker)
    if head is None:
        return False
    noun = norm_word(head.lemma_)
    mine = {norm_word(t.lemma_) for t in speaker if t.pos_ in {"NOUN", "PROPN"}} - {noun}
    said = {norm_word(t.text) for o in credited for t in o if t.is_alpha}
    for fact in aligner.analysis.derived("facts", extract_facts):
        if fact.kind != "role" or not fact.entity or not fact.role:
            continue
        role = {norm_word(w) for w in re.findall(r"[\w'-]+", fact.role.lower())}
        role |= {w.removesuffix("'s") for w in role}
        # the role's head: "chairman" of "The choir's chairman", not "union" of "the union's
        # regional organiser"
        if norm_word(role_head(fact.role)) != noun or not mine <= role:
            continue
        holder = {norm_word(w) for w in fact.entity.split()} - NAME_TITLES
        if holder and not holder & said:
            return True
    return False


_ANONYMOUS = frozenset({"person", "people", "source", "insider", "individual"})


def _anonymous(credited: Sequence[Token]) -> bool:
    """An unnamed source ("a person familiar with the figures", "people close to the talks",
    "one source"): no party the article names."""
    words = [t for t in credited if t.is_alpha]
    return (
        bool(words)
        and words[0].lower_ in {"a", "an", "one", "people", "sources"}
        and any(norm_word(t.lemma_) in _ANONYMOUS for t in words[:3])
        and not any(t.pos_ == "PROPN" for t in words)
    )


def _sentence_speakers(analysis: Analysis) -> dict[int, list[str]]:
    """Whom the original credits each sentence to, by sentence id: the speakers of its quotes
    and reported statements as fact extraction resolves them ("he said", a quote whose speaker
    is named in the sentence before). Built once per article."""

    def build(an: Analysis) -> dict[int, list[str]]:
        out: dict[int, list[str]] = {}
        for fact in an.derived("facts", extract_facts):
            if fact.kind in ("quote", "attribution") and fact.attributed_to:
                for ev in fact.evidence:
                    out.setdefault(an.sentence_at(ev.start).id, []).append(fact.attributed_to)
        # a quotation that runs on into the next sentence ('X said: "A family pays £32. That
        # is a day out many will skip."') is still the speaker's
        for prev, sent in itertools.pairwise(an.sentences):
            if sent.id not in out and prev.id in out and _opens_quote(prev.text):
                out[sent.id] = list(out[prev.id])
        return out

    return analysis.derived("sentence_speakers", build)


def _opens_quote(text: str) -> bool:
    """The sentence leaves a quotation open: its last quotation mark opens one.

    >>> _opens_quote('He said: "A family pays £32.'), _opens_quote('"We pay," he said.')
    (True, False)
    """
    i = max(text.rfind('"'), text.rfind("“"), text.rfind("”"))
    if i < 0 or text[i] == "”":
        return False
    return text[i] == "“" or i == 0 or text[i - 1] in " \t\n(:—–-"


def _surname(tokens: Sequence[Token]) -> str | None:
    """The last word of the person a speaker names ("Pettifer" of "Mr Pettifer"), if any."""
    person = _last_person(tokens)
    words = [t for t in tokens if t.i in person and t.is_alpha]
    return norm_word(words[-1].text) if words else None


def _only_titled(speaker: Sequence[Token], other: Sequence[Token]) -> bool:
    """Besides the person's name, the claim's speaker names only job functions or titles
    ("Operations director", "The CEO", "Mr"), no organisation ("Foxes owner Rashid
    Allenby"); the original's may name more ("Daniel Ferris, Brackenmoor's chief
    executive"). Two full names must share their given names."""
    allowed = JOB_FUNCTIONS | NAME_TITLES | OFFICE_TITLES | HONORIFICS
    mine = _extra_names(speaker)
    a, b = _person_words(speaker), _person_words(other)
    if len(a) > 1 and len(b) > 1 and not (a <= b or b <= a):
        return False  # two full names with other given names ("Eleanor Whitfield" is not
        # "Michael Whitfield")
    # the original may say more of the person ("Declan Murtagh, managing director of Tarrant
    # Marine Works" for "Mr Murtagh"); a title's initials it spells out ("MD") are a title
    doc = other[0].doc if other else None
    theirs = {norm_word(t.text) for t in other} | {norm_word(t.lemma_) for t in other}
    if doc is not None and a:
        theirs |= _described_with(a, doc)  # "Northgate's regional manager, Owen Prytherch"
        # in another sentence of the original
    return all(
        w in allowed
        or w in theirs  # "finance cabinet member Cllr X" for "the cabinet member for finance"
        or (doc is not None and spelled_out_in(doc, w.upper()) is not None)
        for w in mine
    )


def _described_with(person: set[str], doc: Doc) -> set[str]:
    """The proper words of the original's phrases that name the person (every word of
    ``person``) with a description: a title or apposition in the same noun phrase ("Northgate's
    regional manager, Owen Prytherch")."""
    out: set[str] = set()
    for ent in doc.ents:
        if ent.label_ != "PERSON" or not person <= {norm_word(t.text) for t in ent}:
            continue
        root = ent.root
        phrase = [*root.subtree]
        if root.dep_ == "appos":
            phrase += [*root.head.subtree]
        out |= {norm_word(t.text) for t in phrase if t.pos_ == "PROPN" or t.ent_type_}
    return out


def _person_words(side: Sequence[Token]) -> set[str]:
    """The words of the last person a speaker names, without a courtesy title or an office
    ("Cllr Neil Brathwaite" is "Councillor Neil Brathwaite")."""
    person = _last_person(side)
    return (
        {norm_word(t.text) for t in side if t.i in person and t.is_alpha}
        - NAME_TITLES
        - OFFICE_TITLES
    )


def _extra_names(side: Sequence[Token]) -> set[str]:
    """The proper words of a speaker other than its last person's name."""
    person = _last_person(side)
    return {
        norm_word(t.text)
        for t in side
        if (t.pos_ == "PROPN" or t.ent_type_) and t.is_alpha and t.i not in person
    }


def _first_name_credit(speaker: Sequence[Token], other: Sequence[Token]) -> bool:
    """The claim calls the speaker by first name ("Hannah says") where the original credits
    "Ms Voss" and names her "Hannah Voss" elsewhere."""
    mine = [norm_word(t.text) for t in speaker if t.pos_ == "PROPN" and t.is_alpha]
    surname = _surname(other)
    if len(mine) != 1 or surname is None or mine[0] == surname:
        return False
    return named_in_full(set(mine), surname, other[0].doc)


def _last_person(tokens: Sequence[Token]) -> set[int]:
    """The token positions of the last person a speaker names ("Ian McBride" of "Tom
    Ashworth coach Ian McBride")."""
    people = [t for t in tokens if t.ent_type_ == "PERSON"]
    if not people:  # "Mr Murtagh", "Sister Marsh" read as an organisation: the title and the
        # name after it
        titled = [
            t
            for t in tokens[1:]
            if t.pos_ == "PROPN" and norm_word(t.nbor(-1).text) in NAME_TITLES | HONORIFICS
        ]
        return {titled[-1].i - 1, titled[-1].i} if titled else set()
    end = people[-1]
    start = end
    while start.ent_iob_ == "I" and start.i > 0 and start.doc[start.i - 1].ent_type_ == "PERSON":
        start = start.doc[start.i - 1]
    return set(range(start.i, end.i + 1))


def _proper(tokens: Sequence[Token]) -> set[str]:
    return {
        norm_word(t.text)
        for t in tokens
        if (t.pos_ == "PROPN" or t.ent_type_ in NAMED)
        and t.pos_ not in {"DET", "PART", "PUNCT", "CCONJ", "NUM"}
        and any(c.isalpha() for c in t.text)
        and not _opening_title(t, tokens)
    }


_CLAIM_VERBS = frozenset({"claim", "allege", "insist", "contend", "maintain"})
"""Verbs by which the original gives a statement only as someone's claim; also "say" in the
present tense ("a man he says he meant to subdue"), not the reporter's routine "said"."""


def _claims_it(verb: Token) -> bool:
    """A verb that gives its clause as someone's claim: "claims", "alleges", a present "says",
    or "said" by a party defending itself ("denied any wrongdoing. He said the deductions
    were ...")."""
    lemma = norm_word(verb.lemma_)
    return (
        lemma in _CLAIM_VERBS
        or (lemma == "say" and verb.tag_ in {"VBZ", "VBP"})
        or (lemma == "say" and _in_defence(verb))
    )


_DEFENCE_VERBS = frozenset({"deny", "dispute", "reject", "contest"})


def _in_defence(verb: Token) -> bool:
    """The verb's sentence or the one before has its speaker deny, dispute or reject something."""
    doc = verb.doc
    return any(
        norm_word(t.lemma_) in _DEFENCE_VERBS and t.pos_ == "VERB"
        for t in doc[from_sentence_before(verb) : verb.sent.end]
    )


REMOVED_SHARE = 0.5
"""Share of a claim's content words that must lie in the reported clause of one such verb."""


def _check_attribution_removed(
    claim: SpacySpan,
    question: SpacySpan | None,
    ev: Sequence[Sentence],
    aligner: Aligner,
    out: CheckResult,
) -> None:
    """A statement the original gives only as someone's claim, stated as fact ("Bates meant to
    stun Harris" where the original says "a man he says he meant to subdue")."""
    whole = claim.doc[claim.sent.start : max(claim.sent.end, claim.end)]
    if not ev or _speakers(whole, pronouns=True, framed=True):
        return  # credited in the claim's own sentence ("She said ..., but that ...")
    if any(
        norm_word(t.lemma_) in SAY_VERBS | _CLAIM_VERBS or t.lower_ == "according" for t in whole
    ):
        return  # "X maintained that ...": the claim gives it as X's too
    if question is not None and any(
        norm_word(t.lemma_) in SAY_VERBS or t.lower_ == "according" for t in question
    ):
        return  # the question says whose account the answer gives
    content = [t for t in content_tokens(claim) if t.pos_ in {"VERB", "NOUN", "ADJ", "ADV"}]
    if len(content) < 3:
        return
    for sent in ev:
        for verb in sent.span:
            if not _claims_it(verb):
                continue
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if clause is None or speaker is None:
                continue
            idx = WordIndex.of(clause.subtree)
            inside = sum(1 for t in content if idx.has(t))
            if inside < REMOVED_SHARE * len(content):
                continue
            who = " ".join(t.text for t in _noun_phrase(speaker))
            if speaker.pos_ == "PRON":  # "He said": whom the original's facts name for it
                who = next(iter(_sentence_speakers(aligner.analysis).get(sent.id, [])), who)
            out.findings.append(
                Finding(
                    "attribution",
                    "unsupported",
                    f"attribution removed: the original gives this as what {_quote(who)} "
                    f"{verb.text}",
                )
            )
            return
