"""Candidates: overgenerate FAQ question candidates from every sentence (answer spans, who-is,
reported speech, causes, conditionals).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsfaq.explain.questions.realization import _quote_balance
from newsfaq.explain.questions.syntax import (
    _CALL_VERBS,
    _PRONOUNS,
    _REPORTING,
    _SPLIT_ENTS,
    _WHEN_PREPS,
    Resolver,
    _join,
    _singular_finite,
    _span_root,
    _sub,
    causal_clause,
    causal_prep,
    noun_phrase,
)
from newsfaq.explain.questions.transforms import question_for_span
from newsfaq.explain.questions.whchoice import _number_tokens
from newsfaq.models import QAKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = [
    "CLAUSE_KINDS",
    "READER_KINDS",
    "Candidate",
    "Scored",
    "sentence_candidates",
]


CLAUSE_KINDS = frozenset({"what_if", "said", "why"})
"""Kinds whose answer is a whole clause (a consequence, a reported statement, a cause), not a
noun phrase: ``ask`` picks such clauses by their verb, not by span, so they are not asked back,
and they may start with their own subject pronoun."""
READER_KINDS = frozenset({"what_is", "stands_for"})
"""Kinds of the fixed reader questions (``reader``): grammatical by construction."""


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
    templated: bool = False  # filled from a fact by a question template (``templates``)


def _dangling_end(tok: Token) -> bool:
    """A token an answer must not end on: punctuation, currency, conjunction, preposition."""
    return (
        tok.is_punct
        or tok.tag_ in {"$", "CC", "IN", "TO", "PDT", "WDT", "POS"}
        or tok.dep_ in {"cc", "mark", "prep"}
        or (tok.dep_ in {"det", "predet"} and tok.i < tok.head.i)
    )


# the verb that ends a sentence-final source tag, whatever its parse (", newly released files
# show." parses "show" as a noun)
_TAG_FINAL = {
    "say", "says", "said", "show", "shows", "showed", "suggest", "suggests", "suggested",
    "reveal", "reveals", "revealed", "report", "reports", "reported", "claim", "claims",
    "claimed", "find", "finds", "found", "confirm", "confirms", "confirmed",
}  # fmt: skip


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
            ) or (tail and len(tail) <= 5 and tail[-1].lower_ in _TAG_FINAL):
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


@dataclass
class Scored:
    """A candidate in the FAQ pool: its sentence, rank score, features and check results."""

    cand: Candidate
    sid: int
    score: float
    features: dict[str, float] = field(default_factory=dict)
    round_trip: float | None = None
    reply: str = ""
    rejected: str | None = None


@dataclass
class _Collector:
    """Candidates of one sentence, asked with the shared engine."""

    sent: Span
    resolver: Resolver | None
    out: list[Candidate] = field(default_factory=list)

    def add(self, c: Candidate | None) -> None:
        if c is not None:
            self.out.append(c)

    def ask(self, toks: Sequence[Token], weight: float = 1.0, kind: QAKind | None = None) -> None:
        """Ask about answer tokens with the shared engine and keep the candidate."""
        if not toks:
            return
        toks = sorted(toks, key=lambda t: t.i)
        res = question_for_span(self.sent, toks[0].i, toks[-1].i + 1, self.resolver)
        if res is not None:
            self.add(_cand(self.sent, res[0], kind or res[1], toks, weight))


def sentence_candidates(sent: Span, resolver: Resolver | None = None) -> list[Candidate]:
    """Overgenerate FAQ question candidates from one parsed sentence.

    >>> from newsfaq.text.nlp import parse
    >>> doc = parse("Dmitry Medvedev, deputy chairman of the council, spoke on Monday.")
    >>> sorted({c.kind for c in sentence_candidates(next(doc.sents))})
    ['when', 'who', 'who_is']
    """
    col = _Collector(sent, resolver)
    for tok in sent:
        _who_is_candidates(col, tok)
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        children = list(tok.children)
        if _gapped_relative(tok):
            continue
        _subject_candidates(col, children)
        _object_candidates(col, children)
        _call_for_candidates(col, tok, children)
        _date_candidates(col, tok, children)
        _speech_candidates(col, tok, children)
        _cause_candidates(col, tok, children)
        # conditionals
        for c in children:
            if c.dep_ == "advcl" and any(
                m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children
            ):
                col.add(_what_if(sent, tok, c, resolver))
    return col.out


def _who_is_candidates(col: _Collector, tok: Token) -> None:
    """Who-is from an apposition on a named person or organisation, or from "X is <attr>"."""
    dep, resolver, sent = tok.dep_, col.resolver, col.sent
    if dep == "appos" and tok.head.pos_ == "PROPN" and tok.pos_ in {"NOUN", "PROPN"}:
        head = tok.head
        if head.ent_type_ in {"PERSON", "ORG"} or head.text in (
            resolver.surnames if resolver else {}
        ):
            name = noun_phrase(head)
            w = "Who" if head.ent_type_ != "ORG" else "What"
            first = tok.left_edge
            if not (
                first.tag_ in {"VBN", "VBD", "VBG"}
                or tok.i != min((c.i for c in head.children if c.dep_ == "appos"), default=tok.i)
            ):
                ans = [t for t in tok.subtree if t.dep_ != "punct" or t.i != tok.right_edge.i]
                col.add(_cand(sent, f"{w} is {name}?", "who_is", ans, 1.25))
    if dep == "attr" and tok.head.lemma_ == "be" and tok.pos_ == "NOUN":
        subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
        if subj and subj[0].ent_type_ == "PERSON" and subj[0].pos_ == "PROPN":
            name = noun_phrase(subj[0])
            verb = tok.head.lower_ if tok.head.lower_ in {"is", "was"} else "is"
            col.add(_cand(sent, f"Who {verb} {name}?", "who_is", _sub(tok), 1.2))


def _subject_candidates(col: _Collector, children: list[Token]) -> None:
    """Subject questions (a counted subject asks how many)."""
    for c in children:
        if c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ not in {"PRP", "WDT", "WP", "EX"}:
            if _counted(c):
                nums = _number_tokens(c)
                if nums:
                    col.ask(nums, 1.35, "how_many")
                    continue
            if c.lower_ in {"this", "that", "these", "those", "which", "what"}:
                continue
            col.ask(_sub(c), 0.85)


def _counted(noun: Token) -> bool:
    """A common noun with a number that counts it ("12 new homes"), not a sum of money that
    describes it ("a $180 million programme": not asked "How many")."""
    nums = [n for n in noun.children if n.dep_ == "nummod"]
    return (
        noun.pos_ == "NOUN"
        and bool(nums)
        and not any(t.ent_type_ == "MONEY" or t.tag_ == "$" for n in nums for t in n.subtree)
    )


def _object_candidates(col: _Collector, children: list[Token]) -> None:
    """Objects: counts, amounts, dates and noun phrases."""
    for c in children:
        if c.dep_ == "dobj" and c.tag_ not in {"PRP", "WDT", "WP"}:
            if _counted(c):
                nums = _number_tokens(c)
                if nums:
                    col.ask(nums, 1.3, "how_many")
                    continue
            if c.ent_type_ in {"MONEY", "PERCENT", "QUANTITY"}:
                ent_toks = [
                    t
                    for t in c.subtree
                    if t.ent_type_ == c.ent_type_ or t.tag_ == "$" or t.dep_ == "quantmod"
                ]
                col.ask(ent_toks, 1.25)
                continue
            if c.ent_type_ in {"DATE", "TIME"}:
                col.ask([t for t in c.subtree if t.ent_type_ == c.ent_type_], 0.9)
            elif len(_sub(c)) > 1 or c.pos_ == "PROPN":
                col.ask(_sub(c), 1.0)
        if c.dep_ in {"npadvmod", "attr"} and c.ent_type_ in {"MONEY", "PERCENT"}:
            col.ask([t for t in c.subtree if t.ent_type_ == c.ent_type_], 1.2)


def _call_for_candidates(col: _Collector, tok: Token, children: list[Token]) -> None:
    """Call for / ask for: the pobj plus following adjuncts."""
    if tok.lemma_.lower() not in _CALL_VERBS:
        return
    for c in children:
        if c.dep_ == "prep" and c.lower_ in {"for", "on"}:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                ans = _extend_adjuncts(objs[0])
                res = question_for_span(col.sent, ans[0].i, ans[-1].i + 1, col.resolver)
                if res is not None:
                    col.add(_cand(col.sent, res[0], "said", ans, 1.35))


def _date_candidates(col: _Collector, tok: Token, children: list[Token]) -> None:
    """Dates attached to the verb."""
    for c in children:
        if c.dep_ == "prep" and c.lower_ in _WHEN_PREPS:
            objs = [g for g in c.children if g.dep_ == "pobj" and g.ent_type_ == "DATE"]
            if objs:
                ents = [t for t in objs[0].subtree if t.ent_type_ == "DATE"]
                col.ask(ents, 1.05)
        elif c.dep_ in {"npadvmod", "tmod"} and c.ent_type_ == "DATE" and c.i > tok.i:
            col.ask([t for t in c.subtree if t.ent_type_ == "DATE"], 1.0)


def _speech_candidates(col: _Collector, tok: Token, children: list[Token]) -> None:
    """Reported speech: "What does X say?"."""
    if tok.lemma_.lower() in _REPORTING:
        ccomps = [c for c in children if c.dep_ == "ccomp"]
        subj = [c for c in children if c.dep_ == "nsubj"]
        if ccomps and subj:
            comp = ccomps[0]
            ans = [t for t in comp.subtree if not (t.dep_ == "mark" and t.head.i == comp.i)]
            col.ask(ans, 1.15, "said")


def _cause_candidates(col: _Collector, tok: Token, children: list[Token]) -> None:
    """Causes: because / due to; "prompting X to ..."."""
    for c in children:
        if causal_clause(c):
            col.ask(_sub(c), 1.2, "why")
        if c.dep_ == "prep" and (c.lower_ in {"because", "due"} or causal_prep(c)):
            objs = [g for g in c.subtree if g.dep_ == "pobj"]
            if objs:
                col.ask(_sub(objs[0]), 1.2, "why")
    if tok.lemma_.lower() in {"prompt", "lead", "force", "cause", "drive"} and tok.dep_ in {
        "advcl",
        "conj",
    }:
        col.add(_prompting(col.sent, tok, col.resolver))


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


_VAGUE_OUTCOMES = {"repercussion", "consequence", "trouble", "risk", "penalty", "sanction"}
_SPELLING_VERBS = {"emphasize", "emphasise", "say", "add", "note", "warn", "stress", "explain"}


def _spelled_out(main: Token, cond: Token, before: list[Token]) -> list[Token]:
    """ "X warns of repercussions if Y, emphasizing that Z": the consequence is Z, the clause
    that spells out a vague outcome ("repercussions", "consequences") after the condition."""
    if not any(t.lemma_.lower() in _VAGUE_OUTCOMES for t in before):
        return []
    for c in main.children:
        if c.i <= cond.right_edge.i or c.tag_ != "VBG" or c.lemma_.lower() not in _SPELLING_VERBS:
            continue
        comps = [g for g in c.children if g.dep_ == "ccomp"]
        if comps:
            comp = comps[0]
            toks = [t for t in comp.subtree if not t.is_space]
            return [t for t in toks if not (t.dep_ == "mark" and t.head.i == comp.i)]
    return []


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
    spelled = _spelled_out(main, cond, before)
    if spelled:
        return spelled
    tail = [t for t in sent if t.i > cond.right_edge.i]
    top = main.dep_ == "ROOT" or (main.dep_ == "ccomp" and main.head.dep_ == "ROOT")
    if top and filler(tail):
        return [t for t in sent if t.i < cond.left_edge.i and not t.is_space]
    return before
