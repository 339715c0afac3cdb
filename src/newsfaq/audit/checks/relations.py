"""Relation checks: who did what to whom, who is who, objects and modifiers, and the share of
dependency pairs the evidence links.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from spacy.tokens import Span

from newsfaq.audit.align import Aligner, WordIndex, derivation_key, norm_word, synonyms
from newsfaq.audit.align import is_content as is_content_token
from newsfaq.audit.meaning import opposite
from newsfaq.text.facts import extract_facts, role_head
from newsfaq.text.nlp import Analysis, Sentence, entity_span, proper_name
from newsfaq.text.numbers import NumberMention, find_numbers, numbers_agree
from newsfaq.text.parties import (
    ANY_BODY,
    BOTH_SIDES,
    COMPANY_SUFFIXES,
    TIE_NOUNS,
    Act,
    PartyTable,
    act_lemma,
    claim_parties,
    claim_party,
    controller,
    direction_of,
    other_party,
    participants,
    party_acts,
    party_noun,
    party_table,
    tie_of,
)
from newsfaq.text.wordvec import word_vectors

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan
from newsfaq.audit.checks.attribution import _BUSINESS_NOUNS, _ORG_NOUNS, _noun_phrase
from newsfaq.audit.checks.common import (
    _AGENT,
    _NOUNS,
    _RECIPIENT,
    _RECIPIENT_PREPS,
    LIGHT_VERBS,
    NAME_SUFFIXES,
    NAMED,
    OFFICE_VERBS,
    SAY_VERBS,
    CheckResult,
    Finding,
    _ent_words,
    _join,
    _quote,
    _stem5,
    _tokens_of,
    _verb_phrase,
    figure_token,
    near_words,
    untagged_names,
    untagged_proper,
)
from newsfaq.audit.checks.names import expansion, spelled_tail
from newsfaq.audit.checks.transfers import same_deal, same_side


def _farther_subject(tok: Token) -> bool:
    """Another subject of the same verb stands nearer to it than ``tok``."""
    head = tok.head
    return any(
        c.dep_ == "nsubj" and c.i != tok.i and abs(c.i - head.i) < abs(tok.i - head.i)
        for c in head.children
    )


def _role(tok: Token) -> tuple[str, Token] | None:
    """Participant role of a noun: agent or recipient/patient, with the word that governs it."""
    seen = 0
    while tok.dep_ == "conj" and seen < 5:
        tok = tok.head
        seen += 1
    dep = tok.dep_
    if dep == "nsubj":
        if _farther_subject(tok):
            return None  # "According to its chief, Tomasz Reiner, the agency could ...": the
            # parse made the name a second subject
        return (_AGENT, tok.head)
    if dep in {"dobj", "nsubjpass", "dative"}:
        return (_RECIPIENT, tok.head)
    if dep == "pobj":
        prep = tok.head
        if prep.head.i == prep.i:
            return None  # a phrase with no verb ("Now to Kettleford, where ..."): no role
        if prep.dep_ == "agent":
            return (_AGENT, prep.head)
        if prep.head.lower_ == "according":
            return None
        word = prep.lower_
        if word in _RECIPIENT_PREPS:
            return (_RECIPIENT, prep.head)
        return ("prep:" + word, prep.head)
    return None


def _role_phrase(tok: Token, role: tuple[str, Token]) -> str:
    kind, gov = role
    first = tok
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    doc = tok.doc
    ent_start = tok.i - 1 if tok.i > 0 and doc[tok.i - 1].lower_ == "the" else tok.i
    name = doc[ent_start : tok.i + 1].text
    if first.dep_ == "pobj":
        prep = first.head
        head = prep.head
        objs = [c for c in head.children if c.dep_ == "dobj" and c.i < prep.i]
        left = _verb_phrase(head) if head.pos_ in {"VERB", "AUX"} else head.text
        if objs:
            left += " " + doc[objs[0].left_edge.i : objs[0].i + 1].text
        obj = doc[first.left_edge.i : first.right_edge.i + 1].text
        return f"{left} {prep.text} {obj}"
    if kind == _AGENT:
        return f"{name} {_verb_phrase(gov)}"
    return f"{_verb_phrase(gov)} {name}"


def _describes(verb: Token, noun: Token) -> bool:
    """``verb`` is a participle or relative clause describing ``noun`` or a phrase in apposition
    to it ("Meridian Foods, a maker based in ...": "based" describes Foods)."""
    if verb.dep_ not in {"acl", "relcl"}:
        return False
    head = verb.head
    return head == noun or (head.dep_ == "appos" and head.head == noun) or noun.head == head


def _headline_passive(verb: Token) -> bool:
    """A bare past form with a subject, no auxiliary and no object ("Smith named coach"): the
    headline style of a passive, whose subject may be the one acted on (the parser often tags
    the verb as a simple past)."""
    if verb.tag_ not in {"VBN", "VBD"} or any(
        c.dep_ in {"aux", "auxpass", "dobj"} for c in verb.children
    ):
        return False
    if verb.tag_ == "VBN" or verb.lower_.endswith("ed"):
        return True
    from lemminflect import getInflection  # lazily: its tables take a second to load

    participles = getInflection(verb.lemma_, tag="VBN")
    return not participles or verb.lower_ in participles  # "wrote" is no participle


def _relative_subject(verb: Token) -> bool:
    """A relative clause whose pronoun is its subject: "the Trust, which leases it to
    Brantmoor" (the Trust leases), not "the county council, which the parish council asked"."""
    if verb.dep_ != "relcl":
        return False
    pron = next(
        (g for g in verb.children if g.dep_ == "nsubj" and g.lower_ in _RELATIVE_PRONOUNS), None
    )
    if pron is None or pron.i + 1 >= len(verb.doc):
        return False
    nxt = verb.doc[pron.i + 1]
    return nxt == verb or (nxt.head == verb and nxt.dep_ in {"aux", "auxpass", "advmod", "neg"})


def _check_roles(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    ev_tokens = _tokens_of(ev)
    for ent in [*claim.ents, *untagged_names(claim, ev)]:
        if ent.label_ not in NAMED - {"NORP"}:
            continue
        words = set(_ent_words(ent.text))
        if not words:
            continue
        c_role = _role(ent.root)
        if c_role is None or c_role[0] not in {_AGENT, _RECIPIENT}:
            continue
        if c_role[1].lemma_ in {"be", "have"}:
            continue  # "Lantern Live has 28 days to pay", "X has had its licence suspended by
            # Y": a state, or an act X undergoes, no act of X's
        if norm_word(c_role[1].lemma_) in SAY_VERBS and (
            c_role[0] == _RECIPIENT or ent.root.i > c_role[1].i
        ):
            continue  # "..., warned the Association": a speaker put after its verb, not an object
            # ("Brightwell wrote to the group" is who wrote to whom)
        if (
            ent.root.dep_ == "pobj"
            and c_role[1].pos_ == "NOUN"
            and (
                ent.root.head.lower_ == "at"
                or (ent.root.head.lower_ in {"for", "of"} and _person_role(c_role[1]))
            )
        ):
            continue  # "a researcher at X", "the spokesperson for X": an affiliation (the names
            # check reads those)
        src: list[tuple[Token, tuple[str, Token]]] = []
        for t in ev_tokens:
            if (
                t.ent_type_
                and norm_word(t.text) in words
                and (t.ent_iob_ == "B" or t.dep_ != "compound")
                and _same_party(words, _entity_words(t))
            ):
                root = t
                while root.dep_ == "compound" and root.head != root and root.head.ent_type_:
                    root = root.head
                r = _role(root)
                if r is not None:
                    src.append((root, r))
                src += [(root, (_AGENT, c)) for c in root.children if _relative_subject(c)]
        described = _described_mentions(ev_tokens, words)
        gov = norm_word(c_role[1].lemma_)
        named_so = any(r[0] == c_role[0] and norm_word(r[1].lemma_) == gov for _, r in src)
        src += described
        flipped = [
            (t, r)
            for t, r in described
            if r[0] in {_AGENT, _RECIPIENT} and r[0] != c_role[0] and norm_word(r[1].lemma_) == gov
        ]
        if named_so:
            flipped = []  # "the company had offered Lantern a payment plan": the original names
            # the party in the claim's role, so "the company" is another one
        if flipped:
            # "The city has agreed to pay Harbridge Athletic" where "The club [Harbridge
            # Athletic] has agreed to pay": the party the original calls by a noun, turned round
            t, r = flipped[0]
            out.findings.append(
                Finding(
                    "roles",
                    "contradicted",
                    f"who did what to whom: the claim has "
                    f"{_quote(_role_phrase(ent.root, c_role))}, but in the original "
                    f'{ent.text} ("the {t.text}") is in {_quote(_role_phrase(t, r))}',
                    counterpart=True,
                )
            )
            continue
        if (
            c_role[0] == _AGENT
            and not any(r[0] == _AGENT and norm_word(r[1].lemma_) == gov for _, r in src)
            and _check_doer(ent, c_role[1], ev, out)
        ):
            continue
        if not src or (c_role[0] == _AGENT and _headline_passive(c_role[1])):
            continue
        if any(
            _describes(t, root) for root, _ in src for t in ev_tokens if norm_word(t.lemma_) == gov
        ):
            continue  # "Meridian Foods, a maker based in Columbus": "Foods is based in"
        if any(r[0] == c_role[0] for _, r in src):
            continue
        if any(norm_word(r[1].lemma_) == gov for _, r in src) and not any(
            r[0] in {_AGENT, _RECIPIENT} for _, r in src
        ):
            continue
        the = ent.start > 0 and claim.doc[ent.start - 1].lower_ == "the"
        name = ("the " if the else "") + ent.text
        claim_phrase = _role_phrase(ent.root, c_role)
        src_phrase = _join(_role_phrase(t, r) for t, r in src[:2])
        swapped = any(
            r[0] in {_AGENT, _RECIPIENT} and norm_word(r[1].lemma_) == gov for _, r in src
        )
        if not swapped and not any(
            norm_word(t.lemma_) == gov and (t.pos_ != "VERB" or _slot_named(t, c_role[0], words))
            for t in ev_tokens
        ):
            continue  # a word the evidence lacks: a rewording ("will face X" for "will play
            # X"), not a name put in the slot of another
        if same_side(claim, ev, frozenset(words)) or any(
            _same_way(v, ev_tokens, words) for v in (c_role[1], *_carried_acts(c_role[1]))
        ):
            continue  # "X agreed to buy the brewery" for "the brewery is to be sold to X";
            # "the council has leased it to the trust" for "the trust has leased it from the
            # council"
        if c_role[0] == _AGENT and _in_doer_phrase([t for t, _ in src], gov, ev_tokens):
            continue  # "Fair Credit Watch welcomed" for "Leah Baptiste of ... Fair Credit Watch
            # welcomed": the party the doer speaks for
        out.findings.append(
            Finding(
                "roles",
                "contradicted" if swapped else "unsupported",
                f"who did what to whom: the claim has {_quote(claim_phrase)}, but in the original "
                f"{name} appears only in {src_phrase}",
                counterpart=True,
            )
        )


_INTENT_VERBS = frozenset({
    "agree", "plan", "decide", "want", "offer", "refuse", "try", "seek", "intend", "aim",
    "propose", "vote", "move", "hope", "expect", "prepare", "threaten", "promise",
})  # fmt: skip
"""Verbs of agreeing or intending, whose subject does what their complement says."""


def _carried_acts(verb: Token) -> list[Token]:
    """The acts a verb of agreeing or intending carries out through its complement ("had
    agreed to sell the pier to X": the selling is the act whose sides count)."""
    if verb.lemma_.lower() not in _INTENT_VERBS:
        return []
    return [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]


def _on_side(words: set[str], side: Sequence[Token]) -> bool:
    """One of the named tokens of ``side`` is the party ``words``."""
    return any(
        (theirs := _entity_words(t)) and _same_party(words, theirs)
        for t in side
        if t.ent_type_ or t.pos_ == "PROPN"
    )


def _same_way(verb: Token, ev_tokens: Sequence[Token], words: set[str]) -> bool:
    """The claim's verb is a directed act (:func:`newsfaq.text.parties.direction_of`) and the
    evidence has an act of its kind with the party ``words`` on the same side, giving or
    taking, whichever verb or voice tells it."""
    mine = direction_of(verb)
    if mine is None:
        return False
    kind, givers, takers = mine
    giving = _on_side(words, givers)
    if not giving and not _on_side(words, takers):
        return False
    for t in ev_tokens:
        theirs = direction_of(t) if t.pos_ == "VERB" else None
        if (
            theirs is not None
            and theirs[0] == kind
            and _on_side(words, theirs[1] if giving else theirs[2])
        ):
            return True
    return False


def _in_doer_phrase(mentions: Sequence[Token], gov: str, ev_tokens: Sequence[Token]) -> bool:
    """A mention of the party stands in the subject phrase of the evidence's own verb ``gov``
    (the party's person did it: "Leah Baptiste of the charity Fair Credit Watch welcomed")."""
    for t in ev_tokens:
        if norm_word(t.lemma_) != gov:
            continue
        for subj in (c for c in t.children if c.dep_ == "nsubj"):
            span = {x.i for x in subj.subtree}
            if any(m.i in span and m.i != subj.i for m in mentions):
                return True
    return False


def _described_names(doc: Doc) -> dict[str, frozenset[str]]:
    """Common nouns that describe exactly one named party of the original, with that party's
    name words ("second-division club Harbridge Athletic": club -> {harbridge, athletic}), so
    that "The club has agreed to pay" is read as Harbridge Athletic's act. Built once per doc."""
    cached = doc.user_data.get("newsfaq_described_names")
    if isinstance(cached, dict):
        return cached
    seen: dict[str, set[frozenset[str]]] = {}
    for ent in doc.ents:
        if ent.label_ not in {"PERSON", "ORG", "GPE", "FAC"}:
            continue
        names = frozenset(_ent_words(ent.text))
        nouns = [
            t
            for t in ent.root.children
            if t.pos_ == "NOUN"
            and t.dep_ in {"compound", "appos"}
            and t.i not in range(ent.start, ent.end)
        ]
        for noun in nouns:
            seen.setdefault(noun.lemma_.lower(), set()).add(names)
    found = {noun: next(iter(names)) for noun, names in seen.items() if len(names) == 1}
    doc.user_data["newsfaq_described_names"] = found
    return found


def _entity_words(tok: Token) -> list[str]:
    """The words of the entity ``tok`` is part of ("Duke Aldric II of Varn" for its "II"): a
    word two names share ("II", "Charter", "King") does not make them one party."""
    return _ent_words(entity_span(tok).text)


def _described_mentions(
    ev_tokens: Sequence[Token], words: set[str]
) -> list[tuple[Token, tuple[str, Token]]]:
    """The evidence's "the <noun>" that stands for the named party ``words`` (see
    :func:`_described_names`, and the party table's reading of "the company"), each with its
    role."""
    if not ev_tokens:
        return []
    described = _described_names(ev_tokens[0].doc)
    table = party_table(ev_tokens[0].doc)
    out = []
    for t in ev_tokens:
        if t.pos_ != "NOUN" or t.ent_type_ or not any(c.lower_ == "the" for c in t.children):
            continue
        names = described.get(t.lemma_.lower())
        if names is None and (party := table.at(t.i)) is not None:
            names = frozenset(party.names)  # "The company did not say", Northvale Water
        if names and (names <= words or words <= names):  # "Northvale" for Northvale Water
            r = _role(t)
            if r is not None:
                out.append((t, r))
                # the subject of "agreed to pay" is the one who pays too
                out += [
                    (t, (r[0], x))
                    for x in r[1].children
                    if r[0] == _AGENT and x.dep_ == "xcomp" and x.pos_ == "VERB"
                ]
    return out


_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})


_DOERS = frozenset({"PERSON", "ORG", "GPE"})
"""Entities whose acts the doer check compares (a nationality, "The Australian", is not one)."""


def _agent_of(verb: Token) -> Token | None:
    """Who does what ``verb`` says: its subject, the noun a relative clause hangs from
    ("Peter Rask, who voted"), or the "by" phrase of a passive; None for a pronoun."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            if child.lower_ in _RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return None if child.pos_ == "PRON" else child
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            return None if pobj is None or pobj.pos_ == "PRON" else pobj
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in _ADJUNCT_PREPS:
        # "the bank appointed administrators after withdrawing the overdraft": the subject of
        # the verb the phrase hangs on does the act of the "-ing" form
        return _agent_of(verb.head.head) if verb.head.head.pos_ == "VERB" else None
    return None


_ADJUNCT_PREPS = frozenset({"after", "before", "by", "since", "without", "while", "upon"})


def _specific_description(tok: Token) -> bool:
    """A noun phrase that picks out one party without naming it: a common noun with at least
    two words before it ("the state transport department"), not a bare "the company", nor an
    indefinite one ("A family-run inn business in the Cotswolds has sued ...", a lead's way of
    introducing a party it names further on)."""
    if tok.pos_ not in _NOUNS or not tok.text.islower() or tok.ent_type_:
        return False
    if any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in tok.children):
        return False
    modifiers = [c for c in tok.subtree if c.i < tok.i and c.dep_ in {"compound", "amod"}]
    return len(modifiers) >= 2


def _acted_on(verb: Token) -> set[str]:
    """What a verb acts on: its object's or complement's word, and for a preposition the
    word of its object ("asked for a ban": ban), or the preposition when it has none; a
    pronoun names nothing."""
    out: set[str] = set()
    for c in verb.children:
        if c.dep_ in {"dobj", "attr"} and c.pos_ != "PRON":
            out.add(norm_word(c.lemma_))
        elif c.dep_ == "prep":
            pobj = [g for g in c.children if g.dep_ == "pobj"]
            if not any(g.pos_ == "PRON" for g in pobj):  # "put £15 million into it"
                out |= {norm_word(g.lemma_) for g in pobj} or {norm_word(c.lemma_)}
    return out


def _check_doer(ent: SpacySpan, verb: Token, ev: Sequence[Sentence], out: CheckResult) -> bool:
    """The claim names ``ent`` as the one who ``verb``s, and the evidence has that very act done
    only by someone else it names ("Maria Okafor voted against the plan" where the original
    says "Peter Rask, who voted against the plan"). True when it adds that finding."""
    lemma = norm_word(verb.lemma_)
    objects = _acted_on(verb)
    light = lemma in LIGHT_VERBS and not any(c.dep_ in {"dobj", "attr"} for c in verb.children)
    if lemma in SAY_VERBS or light or verb.pos_ != "VERB":
        return False  # a light verb names an act only with its object ("set aside 18 million")
    if any(c.dep_ == "xcomp" for c in verb.children) and not any(
        c.dep_ == "dobj" for c in verb.children
    ):
        return False  # "agreed to buy": the act is the complement's, told from either side
        # ("hired a consultancy to review the routes" is an act of its own)
    mine = set(_ent_words(ent.text))
    full = expansion(ent)
    if full is not None:
        mine |= set(_ent_words(full))  # "KOS" the rewrite defined as "Kestrel Orbital ..."
    spelled = spelled_tail(ent, ev[0].span.doc) if ev else None
    if spelled is not None:
        mine |= set(_ent_words(spelled))  # "Valeside CC" for "Valeside County Council"
    doers: list[Token] = []
    directed = direction_of(verb) is not None
    tokens = _tokens_of(ev)
    if objects and ev and not any(norm_word(t.lemma_) == lemma for t in tokens):
        # the evidence does not have the act: an act with the same object elsewhere in the
        # original ("Crossway owns the bridge", where "The state transport department, which
        # owns the bridge" is another sentence)
        tokens = list(ev[0].span.doc)
    if not any(t.pos_ == "VERB" and norm_word(t.lemma_) == lemma for t in tokens):
        # the act in other words ("employed" for "hired", "has offered" for "provided"): the
        # one verb of the evidence close in meaning, with the same object
        same = [t for t in tokens if t.pos_ == "VERB" and objects and _same_act(verb, t)]
        lemma = norm_word(same[0].lemma_) if len(same) == 1 else lemma
    for t in tokens:
        if t.pos_ != "VERB" or norm_word(t.lemma_) != lemma:
            continue
        theirs = {
            norm_word(c.lemma_) for c in t.children if c.dep_ not in {"nsubj", "nsubjpass"}
        } | _acted_on(t)
        if objects and not objects & theirs:
            continue  # another act of the same verb ("voted for the budget"; "asked for
            # 22,000 places" is not "asked for a ban on glass")
        if not objects and any(c.dep_ == "dobj" for c in t.children):
            continue  # "Kompany dismissed" may be the one "X dismissed"
        if directed and direction_of(t) is not None:
            continue  # "leased to the trust by the council" for "the trust has leased the land
            # from the council": who gives and who takes, which the directed acts compare
        agent = _agent_of(t) or _speaker_for_itself(t)
        if agent is not None and not agent.ent_type_:
            agent = _named_before(agent) or agent  # "The cooperative has set aside ..."
        if agent is None or not (
            agent.ent_type_ in _DOERS or _specific_description(agent) or untagged_proper(agent)
        ):
            return False  # someone unnamed, or no one, does it: nothing to compare
        if any(
            _same_party(mine, [norm_word(w.text) for w in _noun_phrase(a) if w.is_alpha])
            for a in _conjuncts(agent)
        ):
            return False
        if _joint_with(verb, agent):
            return False  # "the insurer agreed a deal with the club": the club agreed it too
        if _apposed_to(ent, agent):
            return False  # "Pennock Joinery, ..., for £14,500 – Post Office Ltd is
            # contributing": the parser put the doer's name in apposition to the claim's subject
        if lemma in _SYMMETRIC_VERBS and _with_party(t, mine):
            return False  # "the cadets will share the building" for "the club will share the
            # building with the cadets"
        doers.append(agent)
    if doers:
        named = _join(
            " ".join(w.text for w in _noun_phrase(d) if w.dep_ != "punct") for d in doers[:2]
        )
        out.findings.append(
            Finding(
                "roles",
                "unsupported",
                f"who did it: the claim has {_quote(ent.text + ' ' + _verb_phrase(verb))}, but "
                f"in the original it is {named}",
                counterpart=True,
            )
        )
    return bool(doers)


def _apposed_to(ent: SpacySpan, agent: Token) -> bool:
    """The original's doer is named in the claim in apposition to the claim's subject."""
    theirs = [norm_word(w.text) for w in _noun_phrase(agent) if w.is_alpha]
    return any(
        _same_party(set(_ent_words(" ".join(w.text for w in c.subtree))), theirs)
        for c in ent.root.children
        if c.dep_ == "appos"
    )


_JOINT_NOUNS = frozenset({
    "deal", "agreement", "contract", "partnership", "settlement", "pact", "merger", "truce",
    "accord", "treaty", "alliance", "talks", "arrangement",
})  # fmt: skip
"""What two parties make together: "X agreed a deal with Y" says Y agreed it with X."""
_JOINT_VERBS = frozenset({
    "agree", "sign", "reach", "strike", "seal", "negotiate", "make", "conclude", "finalise",
    "finalize", "announce",
})  # fmt: skip
"""Verbs by which two parties make such a thing together."""


def _joint_with(verb: Token, agent: Token) -> bool:
    """The claim's act is one made together ("agreed a naming deal with Eastmoor Rovers") with
    the party the original names as its doer: told from the other side, not moved."""
    if norm_word(verb.lemma_) not in _JOINT_VERBS or not any(
        c.dep_ == "dobj" and norm_word(c.lemma_) in _JOINT_NOUNS for c in verb.children
    ):
        return False  # "suspended its contract with the park" is one side's act
    theirs = [norm_word(w.text) for w in _noun_phrase(agent) if w.is_alpha]
    for prep in verb.subtree:
        if prep.dep_ == "prep" and prep.lower_ == "with":
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and _same_party(
                    {norm_word(w.text) for w in _noun_phrase(pobj) if w.is_alpha}, theirs
                ):
                    return True
    return False


def _with_party(verb: Token, names: set[str]) -> bool:
    """The original's verb does its act "with" the named party ("share the building with the
    Carrow Sea Cadets")."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ == "with"
        and any(
            pobj.dep_ == "pobj"
            and _same_party(names, [norm_word(w.text) for w in _noun_phrase(pobj) if w.is_alpha])
            for pobj in prep.children
        )
        for prep in verb.children
    )


def _conjuncts(agent: Token) -> list[Token]:
    """The agent and those coordinated with it ("Margaret and Alan Tewson": Margaret too)."""
    out = [agent]
    if agent.dep_ == "conj":
        out.append(agent.head)
    out += [c for c in agent.children if c.dep_ == "conj"]
    return out


def _same_act(mine: Token, theirs: Token) -> bool:
    """Two verbs that name the same act: close in meaning (static vectors, at least 0.7) and
    not opposites ("hire"/"employ", "offer"/"provide"; never "hire"/"fire")."""
    a, b = norm_word(mine.lemma_), norm_word(theirs.lemma_)
    if a == b or not (a.isalpha() and b.isalpha()) or opposite(a, b):
        return False
    if {a, b} & (LIGHT_VERBS | SAY_VERBS):
        return False  # a light verb's sense is in its object; saying is the attribution's
    sim = word_vectors().similarity(a, b)
    return sim is not None and sim >= 0.7


def _speaker_for_itself(verb: Token) -> Token | None:
    """The speaker of "X said it had stopped the line": the one a pronoun subject of a reported
    act stands for, when the reporting verb's subject is named."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ not in {"it", "they", "he", "she"}:
        return None
    head = verb.head
    if verb.dep_ != "ccomp" or norm_word(head.lemma_) not in SAY_VERBS:
        return None
    speaker = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if speaker is not None and not speaker.ent_type_:
        # "Its supplier, Holbeck Foods, said": the name in apposition
        speaker = next((c for c in speaker.children if c.dep_ == "appos"), None)
    if speaker is None or speaker.pos_ == "PRON" or not speaker.ent_type_:
        return None
    return speaker


def _named_before(noun: Token) -> Token | None:
    """The organisation a bare "the <noun>" stands for: the last one named before it whose name
    ends in that noun ("the cooperative" after "the Eschental Hydro Cooperative")."""
    if noun.pos_ != "NOUN" or not any(c.lower_ == "the" for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    found = None
    for ent in noun.doc.ents:
        if ent.start >= noun.i:
            break
        words = [t for t in ent if norm_word(t.text) not in COMPANY_SUFFIXES] or list(ent)
        if ent.label_ in {"ORG", "FAC"} and len(words) > 1 and words[-1].lemma_.lower() == lemma:
            found = ent.root  # (and "the airport" after "Kestrel Airport Ltd")
    return found


def _same_party(mine: set[str], theirs: list[str]) -> bool:
    """Two names are of one party when one has the other's last word ("Okafor", "Maria Okafor")
    or all the other's words ("Hallbridge", "Hallbridge General"); "Westmere University" and
    "the Westmere Health Foundation" share a place, not a party."""
    mine = {w for w in mine if w not in NAME_SUFFIXES} or mine
    theirs = [w for w in theirs if w not in NAME_SUFFIXES] or theirs
    if not mine or not theirs:
        return True
    index = WordIndex()
    index.add_all(theirs)
    if theirs[-1] in mine or all(index.has_word(w) for w in mine) or set(theirs) <= mine:
        return True
    return any(index.has_word(w) for w in mine) and len(mine) == 1


def _object_words(obj: Token) -> set[str]:
    """Content lemmas of the phrase an object heads ("60 percent of the cost" -> percent, cost)."""
    return {norm_word(t.lemma_) for t in _noun_phrase(obj) if is_content_token(t) or t.like_num}


def _role_phrase_of(ent: SpacySpan) -> Token | None:
    """The noun a claim gives as who a person is: "X is a retired teacher", "X, the mayor"."""
    root = ent.root
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        return next((c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    return next(
        (
            c
            for c in root.children
            if c.dep_ == "appos" and c.pos_ == "NOUN" and not _titles_next_name(c)
        ),
        None,
    )


def _titles_next_name(noun: Token) -> bool:
    """The noun is the title of the name that follows it, which the parse left out of its
    phrase ("... in Parliament, its chair Rajiv Sandhu said": the chair is Sandhu's)."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or noun.right_edge.i > noun.i:
        return False
    name = doc[noun.i + 1]
    if name.pos_ != "PROPN":
        return False
    subject = name if name.dep_ in {"nsubj", "nsubjpass"} else name.head
    return subject.dep_ in {"nsubj", "nsubjpass"} and subject.pos_ == "PROPN"


_ROLE_HOLDERS = frozenset({"PERSON", "ORG", "FAC", "GPE"})
_PERSON_SUFFIX = re.compile(r"(?:er|or|ist|ian|man|woman|person)$")
_PERSON_ROLES = frozenset({"chair", "chief", "head", "minister", "mayor", "secretary", "coach"})


def _person_role(head: Token) -> bool:
    """A role only a person holds ("chair", "cellist", "councillor"), not a rank ("seed")."""
    lemma = head.lemma_.lower()
    return lemma in _PERSON_ROLES or bool(_PERSON_SUFFIX.search(lemma))


def _check_who_is_who(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """The claim gives a person the role the original gives someone else ("Maria Okafor is a
    retired teacher" where the original says "James Oduya, a retired teacher"; "the association
    is chaired by Carol Pendry" where its chair is Tom Railey)."""
    roles: list[tuple[str, str]] | None = None
    for ent in [*claim.ents, *_untagged_office_holders(claim)]:
        if ent.label_ not in _ROLE_HOLDERS:
            continue  # the small model tags some people's names FAC or ORG ("Delgado-Prince")
        first = _role_phrase_of(ent)
        held: list[tuple[str, set[str], str]] = []
        if first is not None and (ent.label_ == "PERSON" or _person_role(first)):
            # each role of "the guild chair and the orchestra's principal cellist"
            for head in [first, *(c for c in first.children if c.dep_ == "conj")]:
                if head.pos_ == "NOUN":
                    held.append((norm_word(head.lemma_), _object_words(head), _span_text(head)))
        elif first is None and (office := _office_of(ent)) is not None:
            held.append(office)
        if not held:
            continue
        if roles is None:  # read the facts only for a claim that says who someone is
            roles = [
                (f.entity, f.role)
                for f in aligner.analysis.derived("facts", extract_facts)
                if f.kind == "role" and f.entity and f.role
            ]
        for role in held:
            if _office_by_act(ent, role[0], aligner):
                continue  # "Priya Castellano, who ... is leading the group"
            if _role_held_by_another(ent, role, roles, out):
                break


def _office_by_act(ent: SpacySpan, office: str, aligner: Aligner) -> bool:
    """The original gives ``ent`` the office by a verb ("Priya Castellano, who runs two shops
    and is leading the group" makes her its leader): an act of that office's verb done by the
    party whose names hold every name word of ``ent``."""
    doc = aligner.analysis.doc
    table = party_table(doc)
    words = set(_ent_words(ent.text))
    return any(
        act.lemma in _HELD_BY
        and OFFICE_VERBS.get(act.lemma) == office
        and any(words <= table.parties[k].names for k in act.doers)
        for act in party_acts(doc)
    )


_HELD_BY = frozenset({"chair", "head", "lead", "direct", "manage", "edit", "found"})
"""Verbs of an office only a person holds ("chairs", "heads"; not "runs", "owns", which an
organisation may do)."""


def _untagged_office_holders(claim: SpacySpan) -> list[SpacySpan]:
    """Names the tagger left out that hold an office by a verb ("Carol Pendry chairs the
    association"), as spans labelled PERSON."""
    out = []
    for verb in claim:
        if verb.lemma_.lower() not in _HELD_BY:
            continue
        for c in verb.children:
            name = c if c.dep_ == "nsubj" else None
            if c.dep_ == "agent":
                name = next((o for o in c.children if o.dep_ == "pobj"), None)
            if name is None or name.pos_ != "PROPN" or name.ent_type_:
                continue
            start = min(t.i for t in name.subtree if t.dep_ == "compound" or t is name)
            out.append(Span(claim.doc, start, name.i + 1, label="PERSON"))
    return out


def _office_of(ent: SpacySpan) -> tuple[str, set[str], str] | None:
    """The office a claim gives a person by a verb: "X chairs the association", "the
    association is chaired by X" (the office noun, the words of what is held, the phrase)."""
    root = ent.root
    if root.dep_ == "nsubj":
        verb, held_dep = root.head, "dobj"
    elif root.dep_ == "pobj" and root.head.dep_ == "agent":
        verb, held_dep = root.head.head, "nsubjpass"
    else:
        return None
    office = OFFICE_VERBS.get(verb.lemma_.lower()) if verb.lemma_.lower() in _HELD_BY else None
    held = next((c for c in verb.children if c.dep_ == held_dep and c.pos_ in _NOUNS), None)
    if office is None or held is None:
        return None
    what = _span_text(held)
    what = what[:1].lower() + what[1:] if what.startswith("The ") else what
    return office, {office} | _object_words(held), f"{office} of {what}"


def _role_noun_in(noun: str, words: WordIndex, role: str) -> bool:
    """The claim's role noun is the original's role: a form of one of its words, or a word
    of the same stem as its head ("operator" is not "Harbourline's operations director")."""
    if words.has_name(noun):
        return True
    index = WordIndex()
    index.add_all([norm_word(role_head(role))])
    return index.has_word(noun)


def _role_held_by_another(
    ent: SpacySpan,
    role_of: tuple[str, set[str], str],
    roles: list[tuple[str, str]],
    out: CheckResult,
) -> bool:
    """Add the finding when the role (its head noun, the words of what it is of, its phrase)
    is one the original gives only to others (True); False when it gives it to ``ent`` too
    or to no one."""
    noun, wanted, phrase = role_of
    mine = set(_ent_words(ent.text))
    holders = []
    for entity, role in roles:
        words = WordIndex()
        words.add_all(norm_word(w) for w in re.findall(r"[\w'-]+", role))
        if not _role_noun_in(noun, words, role) or (
            sum(words.has_word(w) for w in wanted) < len(wanted) / 2
        ):
            continue
        names = WordIndex()
        names.add_all(norm_word(w) for w in entity.split())
        if any(names.has_word(w) for w in mine):
            return False
        holders.append((entity, role))
    if holders:
        said = _join(f"{e}, {r}" for e, r in holders[:2])
        out.findings.append(
            Finding(
                "roles",
                "unsupported",
                f"who is who: the claim calls {_quote(ent.text)} "
                f"{_quote(phrase)}; the original says {said}",
                counterpart=True,
            )
        )
    return bool(holders)


def _check_objects(
    claim: SpacySpan, ev: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    """The claim's verb acts on something the original mentions, but only elsewhere: every use
    of that verb in the evidence has another object ("will cover the wetland park" where the
    original says "will cover 60 percent of the cost" and has the park in another sentence).
    An object the original never mentions is the content check's."""
    ev_tokens = _tokens_of(ev)
    for verb in claim:
        lemma = norm_word(verb.lemma_)
        if verb.pos_ != "VERB" or lemma in SAY_VERBS or lemma in LIGHT_VERBS:
            continue
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in _NOUNS), None)
        if obj is None:
            continue
        mine = WordIndex()
        mine.add_all(_object_words(obj))
        if not mine.words or not all(aligner.doc_index.has_word(w) for w in list(mine.words)):
            continue
        if not _checkable(obj) or _acts_on_anywhere(lemma, mine, aligner):
            continue
        theirs: list[Token] = []
        for t in ev_tokens:
            if t.pos_ != "VERB" or norm_word(t.lemma_) != lemma:
                continue
            other = next((c for c in t.children if c.dep_ == "dobj"), None)
            if other is None or other.pos_ == "PRON":
                return  # used without an object, or with one we cannot read: nothing to compare
            subjects = {
                w.i for c in t.children if c.dep_ in {"nsubj", "nsubjpass"} for w in c.subtree
            }
            said = {
                norm_word(w.lemma_)
                for w in t.subtree
                if w.i not in subjects and (is_content_token(w) or w.like_num)
            }
            if any(mine.has_word(w) for w in said):
                return  # the object is in what the verb governs there ("cost local firms ...")
            if norm_word(other.lemma_) in _GENERIC_OBJECTS:
                return  # "to carry out the repairs" for "to carry out the work"
            if {obj.lemma_.lower(), other.lemma_.lower()} <= TIE_NOUNS:
                return  # "terminate the contract" for "terminate the deal": one tie
            if (
                other.pos_ == "NOUN"
                and any(c.dep_ == "det" and c.lower_ == "the" for c in other.children)
                and _may_name(obj, other, aligner)
                and _named_nearby(obj, t)
            ):
                return  # "forced Pennine" for "at Pennine Hydrogen's plant, which forced the
                # supplier": the description may stand for the name its sentence gives
            if _told_in_its_sentence(other, mine, _sentence_index(t, aligner)):
                return  # "tore away part of the sea wall" for "... repair the sea wall, after a
                # storm tore away part of the structure"
            theirs.append(other)
        key = derivation_key(lemma)
        if (
            theirs
            and key is not None
            and any(
                t.pos_ == "NOUN" and derivation_key(norm_word(t.lemma_)) == key for t in ev_tokens
            )
        ):
            continue  # "paid to manage the rink" for "hand the rink to the trust ... a
            # management fee": the act also told by its noun, of whatever it is done to
        if theirs:
            given = _join(f"{_verb_phrase(o.head)} {_span_text(o)}" for o in theirs[:2])
            mine_text = _quote(f"{_verb_phrase(verb)} {_span_text(obj)}")
            out.findings.append(
                Finding(
                    "roles",
                    "unsupported",
                    f"what it was done to: the claim has {mine_text}; the original has {given}",
                )
            )
            return


_PORTION_NOUNS = frozenset({"part", "section", "stretch", "portion", "length", "half", "most"})


def _sentence_index(tok: Token, aligner: Aligner) -> WordIndex:
    """The word index of the original's sentence that holds ``tok``."""
    return aligner.sentence_index[aligner.analysis.sentence_at(tok.idx).id]


def _told_in_its_sentence(other: Token, mine: WordIndex, sentence: WordIndex) -> bool:
    """The original's object is a "the" description (of a part: "part of the structure")
    whose ``sentence`` names every word of the claim's object: it may stand for that."""
    noun = other
    if noun.lemma_.lower() in _PORTION_NOUNS:
        noun = next(
            (p for c in noun.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"),
            noun,
        )
    if noun.pos_ != "NOUN" or not any(c.lower_ == "the" for c in noun.children):
        return False
    return all(sentence.has_word(w) for w in mine.words)


_GENERIC_OBJECTS = frozenset(
    {"work", "job", "task", "project", "scheme", "programme", "premises", "premise"}
)
"""Objects that stand for any more specific one the article gives ("the work" for "the
repairs")."""


def _named_nearby(obj: Token, verb: Token) -> bool:
    """The name ``obj`` gives is in the evidence verb's sentence or the one before."""
    proper = {norm_word(t.text) for t in obj.subtree if t.pos_ == "PROPN"}
    return bool(proper) and bool(proper & near_words(verb))


def _span_text(head: Token) -> str:
    """The words of the phrase ``head`` heads, without its clauses and punctuation, spaced as
    written ("60 percent of the cost or $108 million")."""
    words = _noun_phrase(head)
    return "".join(
        t.text_with_ws if i + 1 < len(words) and words[i + 1].i == t.i + 1 else t.text + " "
        for i, t in enumerate(words)
    ).strip()


def _check_modifiers(
    claim: SpacySpan, ev: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    """A manner the original never gives to an act, where it gives another one ("welcomed the
    news enthusiastically" where the original says "welcomed the news cautiously")."""
    ev_tokens = _tokens_of(ev)
    for t in claim:
        if (
            t.dep_ != "advmod"
            or t.pos_ != "ADV"
            or t.head.pos_ != "VERB"
            or not t.lower_.endswith("ly")
            or not is_content_token(t)
            or aligner.doc_index.has(t)
        ):
            continue
        head = norm_word(t.head.lemma_)
        for e in ev_tokens:
            if norm_word(e.lemma_) != head or e.pos_ != t.head.pos_:
                continue
            others = [
                c
                for c in e.children
                if c.dep_ == "advmod"
                and c.pos_ == "ADV"
                and c.lower_.endswith("ly")
                and is_content_token(c)
            ]
            if others:
                theirs = _join(_modified(c) for c in others[:2])
                out.findings.append(
                    Finding(
                        "content",
                        "unsupported",
                        f"the claim has {_quote(_modified(t))}; the original has {theirs}",
                        counterpart=True,
                    )
                )
                return


def _modified(mod: Token) -> str:
    """A modifier with the word it modifies, in text order ("welcomed ... cautiously")."""
    head = mod.head
    if mod.i < head.i:
        return f"{mod.text} {head.text}"
    gap = " … " if mod.i > head.i + 1 else " "
    return f"{head.text}{gap}{mod.text}"


def _relation_coverage(claim: SpacySpan, ev: Sequence[Sentence]) -> float:
    """Share of the claim's content head–dependent pairs that the evidence also links
    (same two words within one dependency step of each other): who did what, structurally."""
    by_key: dict[str, list[Token]] = {}
    for t in _tokens_of(ev):
        if not t.is_punct:
            by_key.setdefault(_stem5(norm_word(t.lemma_)), []).append(t)
    pairs = 0
    found = 0
    for t in claim:
        h = t.head
        if h is t or not is_content_token(t) or not is_content_token(h):
            continue
        pairs += 1
        hk = _stem5(norm_word(h.lemma_))
        for cand in by_key.get(_stem5(norm_word(t.lemma_)), ()):
            near = [cand.head, *cand.children, cand.head.head]
            if any(_stem5(norm_word(n.lemma_)) == hk for n in near):
                found += 1
                break
    return found / pairs if pairs else 1.0


def _checkable(obj: Token) -> bool:
    """An object whose identity can be checked: it names someone or something, or counts."""
    return any(
        t.pos_ == "PROPN" or t.ent_type_ in NAMED or (t.like_num and t.ent_type_ != "ORDINAL")
        for t in obj.subtree
    )


def _acts_on_anywhere(lemma: str, mine: WordIndex, aligner: Aligner) -> bool:
    """Whether some sentence of the original uses the verb ``lemma`` on the claim's object."""
    for tok in aligner.analysis.doc:
        if tok.pos_ != "VERB" or norm_word(tok.lemma_) != lemma:
            continue
        for c in tok.children:
            if c.dep_ == "dobj" and any(mine.has_word(norm_word(w.text)) for w in c.subtree):
                return True
    return False


def _slot_named(verb: Token, role: str, words: set[str]) -> bool:
    """Whether ``verb`` has someone or something named, other than ``words``, in the claim's
    ``role`` (the slot a name was put into: "beat Redmoor United" for "beat Ferreira")."""
    for c in verb.children:
        kinds = {_AGENT: {"nsubj", "agent"}, _RECIPIENT: {"dobj", "nsubjpass", "dative", "prep"}}
        if c.dep_ not in kinds.get(role, {"prep"}):
            continue
        for t in c.subtree:
            if (t.pos_ == "PROPN" or t.ent_type_ in NAMED) and norm_word(t.text) not in words:
                return True
    return False


def _participants(verb: Token) -> tuple[Token | None, Token | None]:
    """The doer and the undergoer of a verb, active or passive ("police arrested the driver",
    "the driver was arrested by police": doer police, undergoer driver); None for a slot that
    is empty or a pronoun (whom it stands for is not known here)."""
    doer: Token | None = None
    undergoer: Token | None = None
    for child in verb.children:
        if child.dep_ == "nsubj":
            doer = child
        elif child.dep_ in {"dobj", "nsubjpass"}:
            undergoer = child
        elif child.dep_ == "agent":
            doer = next((c for c in child.children if c.dep_ == "pobj"), None)
    if doer is None and undergoer is not None:
        doer = controller(verb)  # "the council was considering suing Corrick": the council
    if doer is not None and doer.lower_ in {"it", "they"} and verb.dep_ == "conj":
        # "The council scrapped the grant ... and it later sued Sunreach": the first clause's
        # subject, when that is no pronoun
        first = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        doer = first if first is not None and first.pos_ != "PRON" else doer
    if doer is not None and (doer.pos_ == "PRON" or doer.lower_ in _RELATIVE_PRONOUNS):
        doer = None
    if undergoer is not None and undergoer.pos_ == "PRON":
        undergoer = None
    return _named_by(doer), _named_by(_whole_of(undergoer))


_PART_NOUNS = frozenset(
    {"side", "back", "front", "rear", "stern", "bow", "hull", "edge", "roof", "wall", "door"}
)


def _whole_of(tok: Token | None) -> Token | None:
    """The thing a part belongs to: "struck the side of the Merrow Star" acts on the ship."""
    if tok is None or tok.lemma_.lower() not in _PART_NOUNS:
        return tok
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    return whole if whole is not None and whole.pos_ != "PRON" else tok


def _named_by(tok: Token | None) -> Token | None:
    """A participant's name in apposition ("the smaller vessel, the Gull Point") or itself."""
    if tok is None or tok.pos_ == "PROPN":
        return tok
    return next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"), tok)


def _same_participant(a: Token, b: Token) -> bool:
    """Whether two nouns name the same participant: the same head word (lemma or form)."""
    return bool(
        a.pos_ in _NOUNS
        and b.pos_ in _NOUNS
        and ({norm_word(a.lemma_), norm_word(a.text)} & {norm_word(b.lemma_), norm_word(b.text)})
    )


def _check_swapped_participants(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """The doer and the undergoer of the evidence's own verb exchanged, for any nouns, not only
    names ("the driver arrested police" where "police arrested the driver"; "the relatives were
    threatened by the deputies" where "the relatives threatened the deputies"). Both slots must
    be exchanged, the verb the same, and the evidence must nowhere have the claim's order."""
    if any(f.check == "roles" for f in out.findings):
        return
    ev_verbs = [t for t in _tokens_of(ev) if t.pos_ == "VERB"]
    for verb in claim:
        lemma = norm_word(verb.lemma_)
        if verb.pos_ != "VERB" or lemma in LIGHT_VERBS:
            continue
        if lemma in SAY_VERBS and not _addressed(verb):
            continue  # words reported; "officers had warned scrap dealers" is an act between two
        doer, undergoer = _participants(verb)
        if doer is not None and _doer_was_recipient(verb, doer, ev_verbs, out):
            return
        if doer is None or undergoer is None or _same_participant(doer, undergoer):
            continue
        same_verb = [(e, *_participants(e)) for e in ev_verbs if norm_word(e.lemma_) == lemma]
        pairs = [(d, u) for _, d, u in same_verb if d is not None and u is not None]
        said = _quote(f"{_span_text(doer)} {_verb_phrase(verb)} {_span_text(undergoer)}")
        if any(c.dep_ == "auxpass" for c in verb.children):
            said = _quote(f"{_span_text(undergoer)} {_verb_phrase(verb)} by {_span_text(doer)}")
        if not pairs and _doer_made_undergoer(doer, undergoer, same_verb):
            where = f"where in the original it is {_quote(_span_text(undergoer))} who does it"
            out.findings.append(
                Finding(
                    "roles", "contradicted", f"who did what to whom: the claim has {said}, {where}"
                )
            )
            return
        if not pairs or any(
            _same_participant(doer, d) or _same_participant(undergoer, u) for d, u in pairs
        ):
            continue
        if any(_exchanged(doer, undergoer, d, u) for d, u in pairs):
            out.findings.append(
                Finding(
                    "roles",
                    "contradicted",
                    f"who did what to whom: the claim has {said}, the original the other way round",
                )
            )
            return


_PARTY_ACTS = frozenset({
    "pay", "hire", "fine", "sue", "consult", "warn", "compensate", "fund", "employ", "appoint",
    "contact", "inform", "notify", "charge", "bill", "refund", "reimburse", "invite",
    "sponsor", "criticise", "criticize", "blame", "thank", "advise", "instruct", "tell",
})  # fmt: skip
"""Acts between two parties, either of whom may be the subject: "the buyer must pay" and "the
buyer has to be paid" say opposite things."""


def _passive_subject(verb: Token) -> Token | None:
    """Who undergoes a passive verb: its passive subject, or the subject of the verb it hangs
    on ("the buyer has to be paid"); None for an active verb or a pronoun."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subj is None and verb.dep_ == "xcomp":
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.pos_ in _NOUNS else None


def _active_subject(verb: Token) -> Token | None:
    """The subject of an active verb with no object of its own ("the buyer must pay in
    full"); None otherwise."""
    if any(c.dep_ in {"auxpass", "dobj", "dative", "nsubjpass"} for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj if subj is not None and subj.pos_ in _NOUNS else None


def _check_voice_turned(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """One party, the other side of an act between two: the evidence's subject of an active
    verb made the subject of the same verb in the passive, with no other party named ("the
    buyer has to be paid in full" where "the buyer must pay in full"), or the other way."""
    if any(f.check == "roles" for f in out.findings):
        return
    ev_verbs = [t for t in _tokens_of(ev) if t.pos_ == "VERB"]
    for verb in claim:
        lemma = norm_word(verb.lemma_)
        if verb.pos_ != "VERB" or lemma not in _PARTY_ACTS:
            continue
        if any(c.dep_ == "agent" for c in verb.children):
            continue
        same = [e for e in ev_verbs if norm_word(e.lemma_) == lemma]
        undergoer = _passive_subject(verb)
        doer = _active_subject(verb) if undergoer is None else None
        mine = undergoer or doer
        if mine is None or not party_noun(mine) or _headline_passive(verb):
            continue  # "nearly 3,100 fines are being refunded": a thing; "residents advised
            # to keep windows closed": a headline's passive
        flip = _active_subject if undergoer is not None else _passive_subject
        keep = _passive_subject if undergoer is not None else _active_subject
        if any((t := keep(e)) is not None and _same_participant(mine, t) for e in same):
            continue
        turned = next(
            (e for e in same if (t := flip(e)) is not None and _same_participant(mine, t)), None
        )
        if turned is not None:
            name = _quote(_span_text(mine))
            claimed, given = _quote(_verb_phrase(verb)), _quote(_verb_phrase(turned))
            out.findings.append(
                Finding(
                    "roles",
                    "contradicted",
                    f"who did what to whom: the claim has {name} on the other side of the act "
                    f"({claimed}); in the original {name} {given}",
                )
            )
            return


def _addressed(verb: Token) -> bool:
    """A verb of saying with its addressee as object ("had warned scrap metal dealers",
    "officers had been warned by dealers"): who spoke to whom, which can be turned round."""
    return any(
        c.dep_ in {"dobj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"} for c in verb.children
    )


def _exchanged(doer: Token, undergoer: Token, ev_doer: Token, ev_undergoer: Token) -> bool:
    """The claim's doer is the evidence's undergoer and its undergoer the evidence's doer, one
    of the two perhaps by a description of the named party ("Vexley Services dropped the firm"
    where "Crumb & Crown dropped its contractor, Vexley Services")."""
    first = _same_participant(doer, ev_undergoer)
    second = _same_participant(undergoer, ev_doer)
    if first and second:
        return True
    if first:
        return _description_of(undergoer, ev_doer)
    return second and _description_of(doer, ev_undergoer)


def _description_of(desc: Token, name: Token) -> bool:
    """``desc`` is a definite common noun ("the firm") that may stand for the name ``name``."""
    return (
        desc.pos_ == "NOUN"
        and not desc.ent_type_
        and name.pos_ == "PROPN"
        and any(c.dep_ == "det" and c.lower_ == "the" for c in desc.children)
    )


def _doer_made_undergoer(
    doer: Token,
    undergoer: Token,
    same_verb: Sequence[tuple[Token, Token | None, Token | None]],
) -> bool:
    """The claim's undergoer is the one who does the act in the evidence, whose own undergoer
    is a pronoun ("Because the agency called the farmer" where "the farmer called us"), and the
    claim's doer does it nowhere in the evidence (``same_verb``: the evidence's verbs of the
    claim's act, each with its doer and undergoer)."""
    doers: list[Token] = []
    for e, d, u in same_verb:
        if d is not None and _same_participant(doer, d):
            return False
        if (
            d is not None
            and u is None
            and any(
                c.dep_ in {"dobj", "nsubjpass"}
                and c.pos_ == "PRON"
                and not c.lower_.endswith(("self", "selves"))
                for c in e.children
            )
        ):
            doers.append(d)
    return any(_same_participant(undergoer, d) for d in doers)


_NOT_PERSON_LABELS = frozenset(
    {"ORG", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME",
     "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL"}
)  # fmt: skip


def _may_be_person(tok: Token) -> bool:
    """A proper noun the small tagger did not place among things (it tags surnames PERSON,
    nothing, or even GPE: "Del Potro")."""
    return tok.pos_ == "PROPN" and tok.ent_type_ not in _NOT_PERSON_LABELS


def _antecedent(pronoun: Token) -> tuple[str, str] | None:
    """The person a sentence-opening "he"/"she" stands for: the named subject of the sentence
    before (its head word, "Potro", and its name, "Del Potro"), else None (no guess)."""
    sent = pronoun.sent
    if pronoun.i != sent.start or sent.start == 0:
        return None
    before = pronoun.doc[sent.start - 1].sent
    subj = [c for c in before.root.children if c.dep_ == "nsubj"]
    if len(subj) != 1 or not _may_be_person(subj[0]):
        return None
    return subj[0].text, proper_name(subj[0]).text


def _check_pronoun_doer(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """A named person given the act the original gives, through "he"/"she", to another person
    the claim also names ("Wawrinka struggled early ... as Del Potro broke serve" where "He
    [Del Potro] struggled early on as Wawrinka claimed an early break")."""
    if any(f.check == "roles" and f.severity == "contradicted" for f in out.findings):
        return
    named = {t.text for t in claim if t.pos_ == "PROPN"}
    ev_verbs = [t for t in _tokens_of(ev) if t.pos_ == "VERB"]
    for verb in claim:
        lemma = norm_word(verb.lemma_)
        if verb.pos_ != "VERB" or lemma in SAY_VERBS | LIGHT_VERBS:
            continue
        subj = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subj) != 1 or not _may_be_person(subj[0]):
            continue
        for e in ev_verbs:
            e_subj = [c for c in e.children if c.dep_ == "nsubj"]
            if norm_word(e.lemma_) != lemma or len(e_subj) != 1:
                continue
            if e_subj[0].lower_ not in {"he", "she"}:
                continue
            found = _antecedent(e_subj[0])
            if found is None or found[0] == subj[0].text or found[0] not in named:
                continue
            other = found[1]
            out.findings.append(
                Finding(
                    "roles",
                    "contradicted",
                    f"who did it: the claim has {_quote(subj[0].text + ' ' + verb.text)}, the "
                    f"original gives it to {_quote(other)}",
                )
            )
            return


def _the_party(tok: Token) -> bool:
    """``tok`` is an organisation called by its noun alone ("the council", "the federation")."""
    return (
        tok.pos_ == "NOUN"
        and not tok.ent_type_
        and norm_word(tok.lemma_) in _ORG_NOUNS
        and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
    )


_INTERCHANGEABLE = (
    _BUSINESS_NOUNS | {"group", "employer", "organisation", "organization"},
    frozenset({"council", "authority"}),
)
"""Nouns an article uses for one party in turn ("the company" ... "the firm")."""


def _check_described_doer(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """An organisation the claim calls by its noun given an act that the evidence gives, with
    the same object, to another organisation called by its noun ("The federation has hired
    GreenPlot" where "The council has hired the consultancy GreenPlot"), when the original
    calls the claim's party "the <noun>" too: two parties of the article, not one reworded."""
    if not ev or any(f.check == "roles" for f in out.findings):
        return
    doc = ev[0].span.doc
    for verb in claim:
        lemma = norm_word(verb.lemma_)
        if verb.pos_ != "VERB" or lemma in SAY_VERBS | LIGHT_VERBS:
            continue
        subj, objects = _doer_and_object(verb)
        if len(subj) != 1 or not objects or not _the_party(subj[0]):
            continue
        mine = norm_word(subj[0].lemma_)
        for e in _tokens_of(ev):
            if e.pos_ != "VERB" or (norm_word(e.lemma_) != lemma and not _same_act(verb, e)):
                continue  # the act, or the act in other words ("pay for" for "fund")
            theirs, their_objects = _doer_and_object(e)
            if not objects & their_objects:
                continue
            if len(theirs) == 1 and not _the_party(theirs[0]):
                # "The Chamber has hired": a party the article's table tells from the claim's
                if other_party(_noun_phrase(subj[0]), _noun_phrase(theirs[0])):
                    _add_described_doer(subj[0], verb, theirs[0], out)
                    return
                continue
            if len(theirs) != 1:
                continue
            other = norm_word(theirs[0].lemma_)
            if (
                other == mine
                or synonyms(mine, other)
                or any(mine in g and other in g for g in _INTERCHANGEABLE)
                or not any(_the_party(t) and norm_word(t.lemma_) == mine for t in doc)
            ):
                return
            _add_described_doer(subj[0], verb, theirs[0], out)
            return


def _doer_and_object(verb: Token) -> tuple[list[Token], set[str]]:
    """The doer a verb names and the nouns of what it acts on, active ("the company would
    review the toll") or passive with its agent ("the toll will be reviewed by the council")."""
    agents = [
        p
        for c in verb.children
        if c.dep_ == "agent"
        for p in c.children
        if p.dep_ == "pobj" and p.pos_ != "PRON"
    ]
    undergoers = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if agents and undergoers:
        return agents, _phrase_nouns(undergoers)
    objects = _phrase_nouns(c for c in verb.children if c.dep_ == "dobj")
    if not objects:  # "pay for free coaching sessions"
        objects = _phrase_nouns(
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "for"
            for p in c.children
            if p.dep_ == "pobj"
        )
    return [c for c in verb.children if c.dep_ == "nsubj"], objects


def _phrase_nouns(heads: Iterable[Token]) -> set[str]:
    """The nouns and names of the phrases headed by ``heads`` ("planning consultancy Ferris &
    Webb")."""
    return {
        norm_word(t.lemma_) for h in heads for t in _noun_phrase(h) if t.pos_ in {"NOUN", "PROPN"}
    }


def _add_described_doer(mine: Token, verb: Token, theirs: Token, out: CheckResult) -> None:
    said = " ".join(t.text for t in _noun_phrase(theirs))
    act = (
        f"{_verb_phrase(verb)} by the {mine.text}"
        if mine.dep_ == "pobj"
        else f"the {mine.text} {_verb_phrase(verb)}"
    )
    out.findings.append(
        Finding(
            "roles",
            "unsupported",
            f"who did it: the claim has {_quote(act)}, but in the original it is {_quote(said)}",
            counterpart=True,
        )
    )


def _doer_was_recipient(
    verb: Token, doer: Token, ev_verbs: Sequence[Token], out: CheckResult
) -> bool:
    """The claim's doer is the one the evidence's same verb is done to, as its indirect object
    ("local firms had cost the network ..." where "delays had cost local firms ...")."""
    lemma = norm_word(verb.lemma_)
    for e in ev_verbs:
        if norm_word(e.lemma_) != lemma:
            continue
        d, _ = _participants(e)
        objects = [c for c in e.children if c.dep_ == "dobj" and c.pos_ in _NOUNS]
        datives = [c for c in e.children if c.dep_ == "dative" and c.pos_ in _NOUNS]
        # "cost local firms 120 million": a dative, or the first of two objects
        recipient = datives[0] if datives else objects[0] if len(objects) == 2 else None
        if d is None or recipient is None or _same_participant(doer, d):
            continue
        if _same_participant(doer, recipient):
            out.findings.append(
                Finding(
                    "roles",
                    "contradicted",
                    f"who did what to whom: the claim has {_quote(_span_text(doer))} "
                    f"{_verb_phrase(verb)}; in the original {_quote(_span_text(d))} "
                    f"{_verb_phrase(e)} {_quote(_span_text(recipient))}",
                )
            )
            return True
    return False


_FROM_PREPS = frozenset({"from"})
_TO_PREPS = frozenset({"to", "into", "onto", "toward", "towards"})


def _endpoint_words(verb: Token, preps: frozenset[str]) -> set[str]:
    """The content words of the place or state a verb's "from" (or "to", "into") phrase names."""
    words: set[str] = set()
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in preps:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj":
                words |= {
                    norm_word(t.lemma_)
                    for t in obj.subtree
                    if is_content_token(t) or t.pos_ in {"PROPN", "NUM"}
                }
    return words


def _endpoint_text(verb: Token, preps: frozenset[str]) -> str:
    """The verb's first "from" (or "to", "into") phrase as written."""
    prep = next(c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps)
    return " ".join(t.text for t in prep.subtree)


def _route(verb: Token) -> str:
    """ "from X into Y" as the verb's phrases write it."""
    return f"{_endpoint_text(verb, _FROM_PREPS)} {_endpoint_text(verb, _TO_PREPS)}"


def _check_direction(claim: SpacySpan, ev: Sequence[Sentence], out: CheckResult) -> None:
    """A movement or change turned round: "turns from Market Square into Canal Street" where the
    original has the same verb "from Canal Street into Market Square" (each end of the claim
    the other end of the original's, and neither end the same)."""
    for verb in claim:
        if verb.pos_ != "VERB":
            continue
        start, end = _endpoint_words(verb, _FROM_PREPS), _endpoint_words(verb, _TO_PREPS)
        if not start or not end or start & end:
            continue
        lemma = norm_word(verb.lemma_)
        for t in _tokens_of(ev):
            if t.pos_ != "VERB" or norm_word(t.lemma_) != lemma:
                continue
            o_start, o_end = _endpoint_words(t, _FROM_PREPS), _endpoint_words(t, _TO_PREPS)
            if start <= o_end and end <= o_start and not (start & o_start or end & o_end):
                out.findings.append(
                    Finding(
                        "roles",
                        "contradicted",
                        f"direction reversed: the claim has {_quote(_verb_phrase(verb))} "
                        f"{_route(verb)}; the original has {_quote(_verb_phrase(t))} {_route(t)}",
                        counterpart=True,
                    )
                )
                return


_PARTY_NOUNS = frozenset({
    "company", "firm", "operator", "council", "authority", "trust", "foundation", "society",
    "board", "union", "club", "charity", "government", "ministry", "department", "agency",
    "district", "association", "league", "owner", "bank", "group", "sponsor", "school",
    "university", "hospital", "federation", "committee", "commission", "cooperative",
})  # fmt: skip
"""Nouns that name a party that pays, gives or receives ("the trust", "the foundation")."""


def _figure_verb(tok: Token) -> Token | None:
    """The verb a figure is an argument of ("is contributing [70,000 pounds]", "will pay [60
    percent] of the bill"), through at most three heads."""
    for _ in range(3):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"}:
            return tok
    return None


def _party(verb: Token, figure: Token) -> tuple[Token, set[str]] | None:
    """The subject of ``verb`` when it is a party (a name, or an organisation noun such as
    "the trust"), with its words; None for a pronoun, for a subject holding the figure itself
    or for any other subject ("tickets cost 5 pounds")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and not _farther_subject(c)), None)
    if subj is None:  # "The trust has, she said, offered ...": the parse hangs the subject on
        # the auxiliary the aside cuts off
        subj = next(
            (g for c in verb.children if c.dep_ == "aux" for g in c.children if g.dep_ == "nsubj"),
            None,
        )
    if verb.lemma_.lower() == "cost":  # "will cost the company 18 million dollars": who pays
        subj = next((c for c in verb.children if c.dep_ == "dative"), None)
    if subj is None:  # "was spent by Lanternhouse": the agent of a passive
        agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if subj is None and verb.dep_ in {"conj", "xcomp"}:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON" or figure.i in {t.i for t in subj.subtree}:
        return None
    if any(c.dep_ == "case" for c in subj.children):
        return None  # "Marrowgate's is giving ...": the owner of an unsaid noun
    if norm_word(subj.lemma_) in _PARTY_NOUNS:
        subj = _named_before(subj) or subj  # "the cooperative": the Eschental Hydro Cooperative
    words = _party_words(subj)
    named = subj.pos_ == "PROPN" or subj.ent_type_ in NAMED
    if not named and norm_word(subj.lemma_) not in _PARTY_NOUNS:
        return None
    return subj, words


def _words(head: Token) -> str:
    """The phrase a party's noun heads, without an apposition or a preposition ("the
    district, a partnership of local firms" -> "the district")."""
    aside = {t.i for c in head.children if c.dep_ in {"appos", "prep"} for t in c.subtree}
    toks = [t for t in _noun_phrase(head) if t.i not in aside]
    return "".join(t.text_with_ws for t in toks).strip(" ,")


_YEAR = re.compile(r"(?:1[89]|2[01])\d\d")


def _may_name(named: Token, described: Token, aligner: Aligner) -> bool:
    """``described`` is "the <noun>" with no name, and ``named`` may be what it stands for: a
    name with no noun of another kind of party at its end ("Halvern" for "the company", but not
    "the Marrowgate Carnival Trust" for "the district"), or one that some sentence of the
    original gives with that noun ("second-division club Harbridge Athletic")."""
    if any(t.pos_ == "PROPN" and t.i <= described.i for t in described.subtree) or any(
        c.dep_ == "appos" and c.pos_ == "PROPN" for c in described.children
    ):
        return False  # "the company Halvern", "the company, Halvern" (not "the company, which
        # serves the Tessel valley")
    proper = {norm_word(t.text) for t in named.subtree if t.pos_ == "PROPN"}
    if not proper:
        return False
    noun = norm_word(described.lemma_)
    kind = norm_word(named.lemma_)
    if kind not in _PARTY_NOUNS or kind == noun:
        return True
    for sent in aligner.analysis.sentences:
        words = {norm_word(t.text) for t in sent.span} | {norm_word(t.lemma_) for t in sent.span}
        if noun in words and proper <= words:
            return True
    # "the group" may be the society its sentence or the one before it speaks of
    return noun in ANY_BODY and _named_just_before(described, proper | {kind})


def _named_just_before(described: Token, words: set[str]) -> bool:
    """A word of ``words`` stands in ``described``'s sentence before it or in the sentence
    before that ("..., the society's secretary. She said the group had collected ...")."""
    sent = described.sent
    start = sent.start
    if start > 0:
        start = described.doc[start - 1].sent.start
    return any(
        norm_word(t.text) in words or norm_word(t.lemma_) in words
        for t in described.doc[start : described.i]
    )


def _mention_party(span: SpacySpan, m: NumberMention) -> tuple[Token, set[str]] | None:
    """The party a figure of ``span`` is bound to (see :func:`_party`), or None."""
    tok = figure_token(span, m.start, m.end)
    if tok is not None and _value_of_a_tie(tok):
        return None  # "its £4.6m contract": the contract's worth, either side's to tell
    verb = _figure_verb(tok) if tok is not None else None
    if verb is None and tok is not None:
        # "18 million dollars, to be paid by the trust": a passive hanging from the figure
        verb = next(
            (
                c
                for c in tok.children
                if c.dep_ in {"acl", "relcl"} and any(g.dep_ == "agent" for g in c.children)
            ),
            None,
        )
    if verb is None or tok is None:
        return None
    gapped = _gapped_subject(tok, verb)
    if gapped is not None:
        return gapped, _party_words(gapped)
    return _party(verb, tok)


def _value_of_a_tie(figure: Token) -> bool:
    """The figure says what a tie between two parties is worth ("its £4.6m home-care
    contract")."""
    tok = figure
    while tok.dep_ in {"nummod", "quantmod", "compound", "nmod", "amod"} and tok.head != tok:
        tok = tok.head
        if tok.lemma_.lower() in TIE_NOUNS:
            return True
    return False


def _gapped_subject(figure: Token, verb: Token) -> Token | None:
    """The name before a figure after the verb's "and", the subject of the verb the sentence
    leaves unsaid: "the trust is putting in £1.1 million and the council the remaining
    £700,000" (the parse hangs the sum on "the council" and makes the council an object)."""
    cc = next((c for c in verb.children if c.dep_ == "cc" and verb.i < c.i < figure.i), None)
    if cc is None or any(
        t.pos_ in {"VERB", "AUX"} and t.dep_ != "amod" for t in verb.doc[cc.i : figure.i]
    ):
        return None
    names = [
        c
        for c in verb.children
        if c.pos_ == "PROPN" and c.dep_ in {"dobj", "npadvmod", "conj"} and cc.i < c.i < figure.i
    ]
    if figure.dep_ == "appos" and figure.head.pos_ == "PROPN" and figure.head in names:
        return figure.head
    return names[-1] if names and figure.head.i == verb.i else None


def _party_words(subj: Token) -> set[str]:
    """The noun and name lemmas of a party's phrase, without a clause hung on it."""
    return {
        norm_word(t.lemma_)
        for t in subj.subtree
        if t.pos_ in {"PROPN", "NOUN"} and t.dep_ not in {"relcl", "acl"}
    }


def _figure_parties(analysis: Analysis) -> list[tuple[NumberMention, Token, set[str]]]:
    """Every figure of the original bound to a party, with the party's head and words (read
    once per article)."""

    def build(an: Analysis) -> list[tuple[NumberMention, Token, set[str]]]:
        out = []
        for sent in an.sentences:
            for o in find_numbers(sent.text):
                party = _mention_party(sent.span, o)
                if party is not None:
                    out.append((o, *party))
        return out

    return analysis.derived("figure_parties", build)


def check_figure_party(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """A sum or share the claim binds to another party than the original does ("The
    Marrowgate Carnival Trust is putting in 70,000 pounds" where "the town's business
    improvement district ... is contributing 70,000 pounds"; "The trust is footing 60 percent"
    where "The foundation will pay 60 percent"): the claim's party is one the article names,
    and no word of it is in the original's party."""
    for m in find_numbers(claim.text):
        if (m.kind not in {"money", "percent"} and m.value < 1000) or _YEAR.fullmatch(m.text):
            continue  # a small count recurs; a sum ("70,000 pounds") or a share ties to a party
        tok = figure_token(claim, m.start, m.end)
        if tok is not None and tok.ent_type_ == "DATE":
            continue  # a year ("in 1066") is when, not how much
        mine = _mention_party(claim, m)
        if mine is None:
            continue
        subj, words = mine
        for o, osubj, owords in _figure_parties(aligner.analysis):
            if o.kind != m.kind or not numbers_agree(m, o):
                continue
            head = norm_word(osubj.lemma_)
            if _same_party(words, [*(owords - {head}), head]) or not all(
                aligner.doc_index.has_word(w) for w in words
            ):
                continue  # one word in common is not enough: "Eschental" of two bodies
            if _may_name(subj, osubj, aligner) or _may_name(osubj, subj, aligner):
                continue  # "Harbridge Athletic" for "the club", which the article calls it
            if _one_party(subj, osubj):
                continue  # "the charity" for "the trust", the body the article calls both
            if same_deal(claim, list(osubj.sent)):
                continue  # "X agreed to buy the brewery for 38 million" for "the brewery has
                # agreed to be sold to X for 38 million": the deal's figure, either subject
            out.findings.append(
                Finding(
                    "relations",
                    "contradicted",
                    f"who gives the figure: the claim has {_quote(_words(subj))} with "
                    f"{_quote(m.text)}; the original has {_quote(_words(osubj))}",
                )
            )
            return


def _one_party(mine: Token, theirs: Token) -> bool:
    """The claim's phrase and the original's stand for the same party of the original's party
    table ("the charity" and "the trust", where the article calls the trust both)."""
    table = party_table(theirs.doc)
    k = table.at_token.get(theirs.i)
    return k is not None and claim_party(mine, table, theirs.sent) == k


def _owner_names(doc: Doc) -> list[Token]:
    """The heads of the names the original gives as an owner: "its owner, the Brackenford
    Sports Foundation", "owner Brackenford Estates", "owned by the Selby Trust"."""
    cached = doc.user_data.get("newsfaq_owner_names")
    if cached is not None:
        return list(cached)
    out = []
    for tok in doc:
        if tok.lemma_.lower() == "owner" and tok.pos_ == "NOUN":
            out += [c for c in tok.children if c.dep_ == "appos" and c.pos_ == "PROPN"]
            if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
                out.append(tok.head)
        if tok.lemma_.lower() == "own" and tok.tag_ == "VBN":
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            if agent is not None:
                out += [c for c in agent.children if c.dep_ == "pobj" and c.pos_ == "PROPN"]
    doc.user_data["newsfaq_owner_names"] = out
    return out


def _name_words(head: Token) -> set[str]:
    return {
        norm_word(t.text)
        for t in head.subtree
        if (t.pos_ == "PROPN" and t.dep_ in {"compound", "flat"}) or t.i == head.i
    }


def _owns_in(doc: Doc, names: set[str]) -> bool:
    """The original itself says the named party owns something ("Crossway, which owns ...")."""
    for tok in doc:
        if tok.lemma_.lower() != "own" or tok.tag_ == "VBN":
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in {"which", "that", "who"}:
            subj = tok.head
        if subj is not None and names & _name_words(subj):
            return True
    return False


def check_owner(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """An owner the original names otherwise: "The Glenmoor Leisure Trust, which owns the rink"
    where the trust "operates the rink for its owner, the Brackenford Sports Foundation"."""
    owners = _owner_names(aligner.analysis.doc)
    if not owners:
        return
    for verb in claim:
        if verb.lemma_.lower() != "own" or verb.pos_ != "VERB" or verb.tag_ == "VBN":
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in {"which", "that", "who"} and verb.dep_ == "relcl":
            subj = verb.head
        if subj is None or subj.pos_ != "PROPN":
            continue
        mine = _name_words(subj)
        if any(mine & _name_words(o) for o in owners) or _owns_in(aligner.analysis.doc, mine):
            continue
        owner = owners[0]
        out.findings.append(
            Finding(
                "relations",
                "contradicted",
                f"owner: the claim has {_quote(_words(subj))} own it; the original's owner is "
                f"{_quote(_words(owner))}",
            )
        )
        return


_SYMMETRIC_VERBS = frozenset({
    "meet", "marry", "face", "play", "partner", "merge", "fight", "battle", "rival", "share",
    "swap", "exchange", "contact", "talk", "compete", "match", "trade", "join", "accompany",
})  # fmt: skip
"""Acts two parties do to each other: "X faced Y" is "Y faced X"."""


def _negated_verb(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _checkable_act(verb: Token) -> bool:
    """A verb of the claim whose doer and undergoer the acts table can check: an act, not
    saying, a light verb, one made together or to each other, and not negated ("took the
    firm on" is an act: it says "hire")."""
    lemma = "hire" if act_lemma(verb) == "hire" else norm_word(verb.lemma_)
    return (
        verb.pos_ == "VERB"
        and (lemma not in SAY_VERBS or _request(verb))
        and lemma not in LIGHT_VERBS | _JOINT_VERBS | _SYMMETRIC_VERBS
        and not _negated_verb(verb)
    )


def _request(verb: Token) -> bool:
    """ "asked for", "called for" ("asked for the rise to be phased in"): a request, an act of
    its own, not words reported."""
    return norm_word(verb.lemma_) in {"ask", "call"} and any(
        (c.dep_ == "prep" and c.lower_ == "for")
        or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children))
        for c in verb.children
    )


def _first_name(table: PartyTable, k: int, doc: Doc) -> str:
    """The words by which the original first names its party ``k``."""
    start, end = table.parties[k].mentions[0]
    return doc[start:end].text


def _act_text(act: Act, doc: Doc) -> str:
    """The original's act in its own words: its doer, verb and undergoer ("the council hired
    Ashgrove Environmental")."""
    table = party_table(doc)
    verb = doc[act.verb]
    doers, undergoers = participants(verb)

    def name(toks: list[Token]) -> str:
        for t in toks:
            k = table.at_token.get(t.i)
            if k is not None:
                return _first_name(table, k, doc)
        return doc[toks[0].left_edge.i : toks[0].i + 1].text if toks else "someone"

    if not undergoers:
        return f"{name(doers)} {verb.text}"  # "The Wrexford Allotment Federation asked"
    return f"{name(doers)} {verb.text} {name(undergoers)}"


def check_party_acts(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """Who did what to whom, read from the article's acts between its parties
    (:func:`newsfaq.text.parties.party_acts`) for the claim's act between two of them, told in
    any clause form ("Ashgrove Environmental, a consultancy the federation hired" where the
    original has "the consultancy the council hired"): the act turned round (contradicted),
    done by another party of the original to the same one, or by the same party to another
    (unsupported, the original's act as counterpart). Only when both of the claim's parties
    are the original's, the original has the act between named parties, and nowhere between
    the claim's two or with a participant it does not name."""
    if any(f.check == "roles" for f in out.findings):
        return
    verbs = [
        v
        for v in claim
        if _checkable_act(v)
        or (v.pos_ == "VERB" and not _negated_verb(v) and direction_of(v) is not None)
        or (v.pos_ == "VERB" and not _negated_verb(v) and tie_of(v) is not None)
    ]
    if not verbs:
        return  # (the original's tables are built only for a claim with an act to check)
    doc = aligner.analysis.doc
    acts = party_acts(doc)
    table = party_table(doc)
    if (
        _check_ended_tie(claim, verbs, acts, doc, out)
        or _check_direction_turned(verbs, acts, doc, out)
        or _check_tie_partner(claim, verbs, acts, doc, out)
    ):
        return
    for verb in verbs:
        lemma = act_lemma(verb)
        doers, undergoers = _participants_in(verb, claim)
        if len(doers) == 1 and not undergoers and _checkable_act(verb):
            if lemma in BOTH_SIDES:
                continue  # "subletting two bays to them" where the cadets "sublet them from
                # the club": both sides of a lease do its verb
            other = _done_by_another(verb, doers[0], acts, table, doc)
            if other is not None:
                reason = (
                    f"who did it: the claim has {_clause_quote(verb)}, but in the original "
                    f"{_quote(_act_text(other, doc))}"
                )
                out.findings.append(Finding("roles", "unsupported", reason, counterpart=True))
                return
            continue
        if len(doers) != 1 or len(undergoers) != 1 or not _checkable_act(verb):
            continue
        same = [a for a in acts if a.lemma == lemma and (a.doers or a.undergoers)]
        found: tuple[str, Act] | None = None
        for act in same:
            sentence = doc[act.verb].sent
            d = claim_party(doers[0], table, sentence)
            u = claim_party(undergoers[0], table, sentence)
            if (
                d is not None
                and u not in act.undergoers
                and act.doers
                and _same_thing(verb, undergoers[0], act, doc)
            ):
                # "the building, which the funding council owns" where "which it [the
                # university] owns": the same thing (no party the act has), done by another
                if d in act.doers:
                    found = None
                    break
                if found is None and _alike(table, d, act.doers):
                    found = ("doer", act)
                continue
            if d is None and u is not None and u in act.undergoers and found is None:
                either = claim_parties(doers[0], table, sentence)
                if len(either) > 1 and all(
                    k not in act.doers and _alike(table, k, act.doers) for k in either
                ):
                    # "hired by the museum" where the article has two museums' parties and
                    # the council hired the firm: another doer, whichever museum is meant
                    found = ("doer", act)
                    continue
            if d is None or u is None or d == u:
                found = None  # the claim's parties are not two of the original's
                break
            if (d in act.doers or act.open_doer) and (u in act.undergoers or act.open_undergoer):
                found = None  # the original has it (or may have it, with someone it names not)
                break
            if d in act.undergoers and u in act.doers:
                found = ("turned", act)
            elif found is None and u in act.undergoers and _alike(table, d, act.doers):
                found = ("doer", act)
            elif found is None and d in act.doers and _alike(table, u, act.undergoers):
                found = ("undergoer", act)
        if found is None:
            continue
        kind, act = found
        mine = _clause_quote(verb)
        theirs = _quote(_act_text(act, doc))
        if kind == "turned":
            reason = f"who did what to whom: the claim has {mine}, the original the other way round"
            out.findings.append(Finding("roles", "contradicted", f"{reason} ({theirs})", True))
        else:
            what = "who did it" if kind == "doer" else "to whom"
            reason = f"{what}: the claim has {mine}, but in the original {theirs}"
            out.findings.append(Finding("roles", "unsupported", reason, counterpart=True))
        return


def _same_thing(verb: Token, undergoer: Token, act: Act, doc: Doc) -> bool:
    """The claim's undergoer is the original act's undergoer, both told by a relative clause
    on the same noun with the same words ("the Saltby building, which the funding council
    owns" and "the Saltby building, which it owns")."""
    theirs_verb = doc[act.verb]
    if verb.dep_ != "relcl" or theirs_verb.dep_ != "relcl":
        return False
    mine = _thing_words(undergoer)
    return any(
        norm_word(u.lemma_) == norm_word(undergoer.lemma_) and mine == _thing_words(u)
        for u in participants(theirs_verb)[1]
    )


def _thing_words(head: Token) -> set[str]:
    """The content words of a noun phrase up to its head (a possessor's too: "men's")."""
    return {
        norm_word(t.lemma_)
        for t in head.subtree
        if t.i <= head.i and (t.is_alpha or t.dep_ == "case") and not t.is_stop
    }


_SAME_ACT_WORDS = 2
"""Content words of its clause the claim's act must share with the original's act to be the
same act told of another doer."""


def _done_by_another(
    verb: Token, doer: Token, acts: Sequence[Act], table: PartyTable, doc: Doc
) -> Act | None:
    """The original's act that the claim gives to another doer, for an act with no undergoer
    ("the committee had asked for the increase to be phased in" where the federation asked for
    it): every act of that verb in the original whose clause the claim says (at least two of
    its content words besides the doer) has a named doer, none the claim's, one of the claim's
    doer's kind. None when the claim's doer is no single party of the original."""
    lemma = act_lemma(verb)
    mine = _clause_words(verb, {t.i for t in doer.subtree})
    found: Act | None = None
    for act in acts:
        if act.lemma != lemma:
            continue
        theirs_verb = doc[act.verb]
        doing = {t.i for t in theirs_verb.subtree if table.at_token.get(t.i) in act.doers}
        if len(mine & _clause_words(theirs_verb, doing)) < _SAME_ACT_WORDS:
            continue  # another act of the same verb ("people are being asked to pay more")
        d = claim_party(doer, table, theirs_verb.sent)
        if d is None or d in act.doers or d in act.undergoers or act.open_doer:
            return None  # (a party the original's act is done to: "two contractors, hired
            # at a cost of £3.2 million", a clause with no subject read as one)
        if found is None and _alike(table, d, act.doers):
            found = act
    return found


def _clause_words(verb: Token, leave_out: set[int]) -> set[str]:
    """The content lemmas of a verb's clause other than the verb's own and ``leave_out``."""
    return {
        norm_word(t.lemma_)
        for t in verb.subtree
        if is_content_token(t) and t.i not in leave_out and t.i != verb.i
    }


_END_VERBS = frozenset({
    "end", "cancel", "suspend", "terminate", "drop", "withdraw", "scrap", "pull", "axe",
    "revoke", "rescind", "quit", "exit", "abandon", "break", "tear",
})  # fmt: skip
"""Verbs by which one side ends a tie ("ended its contract with", "withdrew its sponsorship",
"pulled the plug on"): one act, whichever the wording."""


def _check_ended_tie(
    claim: SpacySpan, verbs: Sequence[Token], acts: Sequence[Act], doc: Doc, out: CheckResult
) -> bool:
    """Who ended a tie between two parties, turned round: "Dunmore & Pike, whose contract
    Calloway ended" where "Dunmore & Pike ... ended its contract" (with Calloway); "The club
    dropped Holloway's sponsorship" where Holloway withdrew it. The claim's doer must be a
    party of the original other than the original's doer, and the tie's other side in one
    telling the doer in the other; never when the original has the claim's doer end a tie."""
    ended = [a for a in acts if a.tie and a.lemma in _END_VERBS and a.doers]
    if not ended:
        return False
    table = party_table(doc)
    for verb in verbs:
        if norm_word(verb.lemma_) not in _END_VERBS:
            continue
        tie = tie_of(verb)
        doers = _participants_in(verb, claim)[0]
        if tie is None or len(doers) != 1:
            continue
        for act in ended:
            sentence = doc[act.verb].sent
            d = claim_party(doers[0], table, sentence)
            others = {claim_party(t, table, sentence) for t in tie[1]} - {None}
            if d is None or any(d in a.doers for a in ended):
                break
            if others & act.doers or d in act.counterparts:
                reason = (
                    f"who ended it: the claim has {_clause_quote(verb)}, "
                    f"but in the original {_quote(_act_text(act, doc))}"
                )
                out.findings.append(Finding("roles", "contradicted", reason, counterpart=True))
                return True
    return False


def _participants_in(verb: Token, claim: SpacySpan) -> tuple[list[Token], list[Token]]:
    """The claim's participants of ``verb`` (:func:`participants`), without those the parse
    found outside the claim ("The trigger: the co-op has ended ...", whose label the claim
    leaves out, parsed as a second subject)."""
    doers, undergoers = participants(verb)
    inside = range(claim.start, claim.end)
    return [t for t in doers if t.i in inside], [t for t in undergoers if t.i in inside]


_AGREEMENTS = frozenset({"deal", "agreement", "contract", "arrangement", "partnership", "pact"})
"""Ties that are one kind of thing, an agreement between two parties."""


def _same_tie(a: str, b: str) -> bool:
    return a == b or (a in _AGREEMENTS and b in _AGREEMENTS)


def _check_tie_partner(
    claim: SpacySpan, verbs: Sequence[Token], acts: Sequence[Act], doc: Doc, out: CheckResult
) -> bool:
    """A tie made with another party than the original's: "Vindra has signed a deal with the
    Kelstow Harbour Trust to train 60 apprentices" where the agreement to train them is with
    Kelstow College. The claim's doer is the original act's, the tie of the same kind, the
    clause says the original's (two content words besides the parties and the tie), and the
    original has no such tie between the claim's two parties."""
    table = party_table(doc)
    for verb in verbs:
        tie = tie_of(verb)
        doers = _participants_in(verb, claim)[0]
        if tie is None or len(doers) != 1 or len(tie[1]) != 1:
            continue
        kind = norm_word(tie[0].lemma_)
        parties = {t.i for p in [doers[0], *tie[1]] for t in p.subtree} | {tie[0].i}
        mine = _clause_words(verb, parties)
        same = [a for a in acts if a.tie and _same_tie(a.tie, kind)]
        for act in same:
            sentence = doc[act.verb].sent
            d = claim_party(doers[0], table, sentence)
            other = claim_party(tie[1][0], table, sentence)
            if d is None or other is None or other == d:
                break
            if other in act.counterparts or other in act.doers:
                break  # the original has the tie with the claim's party
            if d not in act.doers or not act.counterparts:
                continue
            theirs_verb = doc[act.verb]
            leave = {i for i, k in table.at_token.items() if k in act.doers | act.counterparts}
            if len(mine & _clause_words(theirs_verb, leave)) < _SAME_ACT_WORDS:
                continue
            their_tie = tie_of(theirs_verb)
            partner = their_tie[1][0] if their_tie is not None and their_tie[1] else None
            said = _span_text(partner) if partner is not None else _act_text(act, doc)
            reason = (
                f"with whom: the claim has the {tie[0].text} with "
                f"{_quote(_span_text(tie[1][0]))}; the original has it with {_quote(said)}"
            )
            out.findings.append(Finding("roles", "unsupported", reason, counterpart=True))
            return True
    return False


def _check_direction_turned(
    verbs: Sequence[Token], acts: Sequence[Act], doc: Doc, out: CheckResult
) -> bool:
    """An act from one party to another turned round, whatever its wording: "The harbour board
    has taken Bluewake Ferries to court" where Bluewake "filed a claim against the board"; "The
    trust leases the tower to the board" where the board leases it to the trust
    (:func:`newsfaq.text.parties.direction_of`). Never when the original has it the claim's
    way, or has an act of that kind whose sides it does not name."""
    table = party_table(doc)
    for verb in verbs:
        way = direction_of(verb)
        if way is None or len(way[1]) != 1 or len(way[2]) != 1:
            continue
        kind = way[0]
        same = [a for a in acts if a.kind == kind]
        if not same or any(a.open_way for a in same):
            continue
        turned: Act | None = None
        for act in same:
            sentence = doc[act.verb].sent
            g = claim_party(way[1][0], table, sentence)
            r = claim_party(way[2][0], table, sentence)
            if g is None or r is None or g == r or (g in act.givers and r in act.receivers):
                turned = None
                break
            if g in act.receivers and r in act.givers:
                turned = turned or act
        if turned is None:
            continue
        reason = (
            f"who did what to whom: the claim has {_clause_quote(verb)}, "
            f"the original the other way round ({_quote(_way_text(turned, doc))})"
        )
        out.findings.append(Finding("roles", "contradicted", reason, counterpart=True))
        return True
    return False


def _way_text(act: Act, doc: Doc) -> str:
    """The original's act from one party to another in short: the first name of each side
    around its verb ("Tarnside Borough Council sued Redline Travel", "the Western Lights Board
    leases … to the Gullstone Heritage Trust")."""
    table = party_table(doc)
    giver = _first_name(table, min(act.givers), doc)
    receiver = _first_name(table, min(act.receivers), doc)
    to = "" if act.kind == "sue" else "… to "
    return f"{giver} {doc[act.verb].text} {to}{receiver}"


def _alike(table: PartyTable, mine: int, theirs: frozenset[int]) -> bool:
    """Whether the original's other party in the claim's slot is one of the claim party's kind
    (a body for a body, a person for a person) and not named by a part of its name: a
    spokesman doing what his council does, or "Westerby Choir" for "the Westerby Youth Choir",
    is no other party."""
    me = table.parties[mine]
    return any(
        (p := table.parties[k]).body == me.body and not (p.names <= me.names or me.names <= p.names)
        for k in theirs
    )


def _clause_quote(verb: Token) -> str:
    """The claim's clause of ``verb`` with its participants, quoted for a reason."""
    doers, undergoers = participants(verb)
    ends = [verb, *doers, *undergoers]
    ends += [verb.doc[e.end - 1] for e in verb.doc.ents for t in ends if e.start <= t.i < e.end]
    lo, hi = min(t.i for t in ends), max(t.i for t in ends)
    heads = [t for t in ends if t is not verb]
    lo = min([lo, *(t.left_edge.i for t in heads if lo <= t.i)])
    return _quote(verb.doc[lo : hi + 1].text.strip(" ,"))
