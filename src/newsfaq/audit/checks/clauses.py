"""Clauses: an event the original never reports, tacked onto a claim that says the rest.

A content-farm rewrite keeps a sentence and adds a clause of its own ("..., and Morales could
face criminal charges"; "... and has launched an internal review"). The claim's coverage hides
it: most of its words are the original's. A coordinated, relative or adverbial clause of the
claim is judged on its own content words (at least :data:`MIN_WORDS`; names and figures are
checked apart): when half or more of them (at least :data:`MIN_NEW`, a noun among them: a new
thing, not a verb or adjective reworded) are words the original never uses, not even a word
close in meaning, the clause is an event the original does not report (``unsupported``, by
rule). Clauses of reported speech and complements are not judged apart: on tune rewrites they
are more often paraphrase (fit set false alarms 0.5% -> 2.5%).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsfaq.audit.align import Aligner, content_tokens, norm_word
from newsfaq.audit.checks.common import AFTER_TIMES, CheckResult, Finding, _quote
from newsfaq.audit.checks.content import addressed_to_audience
from newsfaq.audit.checks.dates import times_given
from newsfaq.text.numbers import MULTIPLES, parse_number
from newsfaq.text.parties import ANY_BODY

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from newsfaq.text.nlp import Sentence

__all__ = [
    "MIN_NEW",
    "MIN_WORDS",
    "NEW_SHARE",
    "check_added_clauses",
    "check_added_comparison",
    "check_added_phrases",
    "check_added_superlatives",
]

MIN_WORDS = 3
"""Content words a clause needs to be judged on its own (names and figures are checked apart)."""

MIN_NEW = 2
"""New content words an added clause has at least."""

NEW_SHARE = 0.5
"""Share of a clause's content words the original never uses that makes it an added event."""

_CLAUSE_DEPS = frozenset({"conj", "relcl", "advcl"})

_CONDITIONS = frozenset({"if", "unless"})
"""Marks of a condition: a clause that reports no event, and that rewriters reword freely."""


def _own_tokens(head: Token) -> list[Token]:
    """The clause of ``head`` without the clauses coordinated with or nested in it."""
    skip = {
        t.i for c in head.children if c.dep_ in _CLAUSE_DEPS | {"ccomp", "cc"} for t in c.subtree
    }
    return [t for t in head.subtree if t.i not in skip]


def _new_words(tokens: list[Token], aligner: Aligner) -> tuple[list[Token], list[Token]]:
    """The content words of ``tokens`` (names and figures are checked apart), and those of them
    the original never uses, not even a word close in meaning."""
    content = [
        t
        for t in content_tokens(tokens)
        if t.pos_ not in {"PROPN", "NUM"} and t.lemma_.lower() not in ANY_BODY
    ]  # "the county body": a body the claim names by what it is
    times = times_given(aligner)
    new = [
        t
        for t in content
        if not aligner.doc_index.has(t)
        and aligner.meaning.match(t) is None
        and not _time_given(t, times)  # "late at night" for "until 10.45pm"
    ]
    return content, new


_SMALL_HOURS = frozenset({"small", "early", "wee"})


def _time_given(tok: Token, times: dict[str, str]) -> bool:
    """A word of a part of the day the original gives in other words: "night" where it says
    "at 11pm", "the small hours" where it says "at 4am"."""
    word = norm_word(tok.lemma_)
    if word in times:
        return True
    hours = tok if word == "hour" else tok.head if word in _SMALL_HOURS else None
    return (
        hours is not None
        and norm_word(hours.lemma_) == "hour"
        and any(norm_word(c.lower_) in _SMALL_HOURS for c in hours.children)
        and "overnight" in times
    )


def _anchored(tokens: list[Token], aligner: Aligner) -> bool:
    """A clause that gives a figure of the original's in digits: it retells the original's
    content, which the figure checks compare, rather than add an event. (A name of the
    original is no anchor: "has already called a walkout at the Wenford branch" invents with
    one; nor is "a one-day walkout".)"""
    if tokens and _SHARE_OF_TIME.search(tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text):
        return True  # "for a quarter of a century": a length of time, which the figures compare
    if any(
        t.lemma_.lower() in _TIME_UNITS
        and any(c.dep_ == "nummod" and _given_or_halved(c, aligner) for c in t.children)
        for t in tokens
    ):
        return True  # "could last as long as two and a half years": the figures compare it
    return any(
        t.like_num and any(c.isdigit() for c in t.text) and aligner.doc_index.has(t) for t in tokens
    )


def _given_or_halved(num: Token, aligner: Aligner) -> bool:
    """The number of a length of time is one the original uses, or a whole and a half ("two
    and a half years" for "30 months"), which the figure checks compare; a number the original
    never uses ("spent twelve years as chief inspector") anchors nothing."""
    return aligner.doc_index.has(num) or any(c.lower_ == "half" for c in num.children)


_TIME_UNITS = frozenset({"hour", "day", "week", "fortnight", "month", "year", "decade"})

_SHARE_OF_TIME = re.compile(
    r"\b(?:quarter|half|third)s?\s+(?:of\s+)?(?:a|an)\s+(?:century|decade|year|day|hour)\b",
    re.IGNORECASE,
)


def check_added_clauses(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """Report a clause of ``claim`` made of words the original never uses."""
    for head in claim:
        if head.pos_ not in {"VERB", "AUX"} or head.dep_ not in _CLAUSE_DEPS:
            continue
        if not claim.start <= head.head.i < claim.end:
            continue
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in head.children):
            continue  # "if the budget gets the nod": a condition reworded, not an event
        own = _own_tokens(head)
        if any(t.lower_ == "according" or (t.dep_ == "prep" and _framing(t)) for t in own):
            continue  # "according to the article the poster linked": a source, not an event
        if _anchored(own, aligner):
            continue  # "when the number of empty posts stood at 4,010": the original's figure
        content, new = _new_words(own, aligner)
        if len(content) < MIN_WORDS:
            continue
        if (
            len(new) >= MIN_NEW
            and len(new) >= NEW_SHARE * len(content)
            and any(t.pos_ == "NOUN" for t in new)
        ):
            first, last = min(t.i for t in own), max(t.i for t in own)
            text = claim.doc[first : last + 1].text
            out.findings.append(
                Finding(
                    "clauses",
                    "unsupported",
                    f"an event the original does not report: {_quote(text)}",
                )
            )
            return


_AND_A_HALF = re.compile(r"\b(?:a|an|one)\s+\w+\s+and\s+a\s+half\b", re.IGNORECASE)


_GLOSS_OPENINGS = frozenset({"that", "i.e.", "ie", "meaning", "or"})


def _glosses(prep: Token) -> set[int]:
    """The tokens of a gloss in brackets within a phrase, which explains a word of it rather
    than report anything ("to 39ppl (that's pence per litre)")."""
    out: set[int] = set()
    doc = prep.doc
    for tok in prep.subtree:
        if tok.text != "(" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ not in _GLOSS_OPENINGS:
            continue
        close = next((t.i for t in doc[tok.i + 1 :] if t.text == ")"), None)
        if close is not None:
            out |= set(range(tok.i, close + 1))
    return out


def check_added_phrases(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """Report a prepositional phrase of a verb made of things the original never mentions
    ("opened two more factories with the help of government grants"): at least
    :data:`MIN_NEW` new nouns, half or more of its content words new."""
    for prep in claim:
        if prep.dep_ != "prep" or prep.head.pos_ not in {"VERB", "AUX"}:
            continue
        if not claim.start <= prep.head.i < claim.end:
            continue
        if (
            prep.lower_ == "according"
            or prep.head.lower_ == "according"
            or _framing(prep)
            or addressed_to_audience(prep)
        ):
            # "according to X" is an attribution; "in this week's round-up" and "for the
            # information of readers" frame the rewrite
            continue
        glossed = _glosses(prep)
        phrase = [t for t in prep.subtree if t.i not in glossed]
        if _AND_A_HALF.search(claim.doc[phrase[0].i : phrase[-1].i + 1].text):
            continue  # "by up to a minute and a half": a length, which the figure checks compare
        content, new = _new_words(phrase, aligner)
        nouns = [t for t in new if t.pos_ == "NOUN"]
        if len(nouns) >= MIN_NEW and len(new) >= NEW_SHARE * len(content):
            text = claim.doc[phrase[0].i : phrase[-1].i + 1].text
            out.findings.append(
                Finding(
                    "clauses",
                    "unsupported",
                    f"a circumstance the original does not report: {_quote(text)}",
                )
            )
            return


_FRAME_NOUNS = frozenset({
    "article", "piece", "story", "round-up", "roundup", "newsletter", "bulletin", "edition",
    "column", "thread", "episode", "digest", "briefing", "podcast", "blog",
})  # fmt: skip
"""Nouns for the rewrite's own publication or for the original as a text: a phrase about one
("in this week's business round-up", "in the thread") frames the rewrite."""


def _framing(prep: Token) -> bool:
    """The object of ``prep`` is the rewrite's publication or the original as a text."""
    return any(c.dep_ == "pobj" and _whole_word(c) in _FRAME_NOUNS for c in prep.children)


def _whole_word(tok: Token) -> str:
    """The lemma of ``tok`` with the word the tokenizer split off it at a hyphen ("round-up")."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_:
        return f"{doc[i - 2].lower_}-{norm_word(tok.lemma_)}"
    return norm_word(tok.lemma_)


_PLAIN_SUPERLATIVES = frozenset(
    {"most", "least", "best", "worst", "latest", "last", "first", "earliest", "soonest"}
)
"""Superlatives that mostly grade or order ("the most", "the latest figures"), not a record."""


def check_added_superlatives(
    claim: SpacySpan, evidence: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    """Report a record the original never claims ("their steepest fall this year"): a
    superlative adjective whose word, or one close in meaning, the original never uses, where
    its evidence has no superlative of its own ("grew fastest" for "the biggest jump")."""
    if any(t.tag_ in {"JJS", "RBS"} for s in evidence for t in s.span):
        return
    for tok in claim:
        if _a_first(tok) and not aligner.analysis.derived(
            "speaks-of-firsts",
            lambda an: any(t.lower_ in {"first", "never"} for t in an.doc),
        ):
            out.findings.append(
                Finding(
                    "clauses",
                    "unsupported",
                    f"a record the original does not claim: {_quote(_first_phrase(tok))}",
                )
            )
            return
        if _record_word(tok) and not aligner.analysis.derived(
            "speaks-of-records",
            lambda an: any(t.lemma_.lower() == "record" and t.pos_ != "VERB" for t in an.doc),
        ):
            out.findings.append(
                Finding(
                    "clauses",
                    "unsupported",
                    f"a record the original does not claim: {_quote(_record_phrase(tok))}",
                )
            )
            return
        if not _superlative(tok) or tok.lower_ in _PLAIN_SUPERLATIVES:
            continue
        if tok.i >= 2 and claim.doc[tok.i - 2].lower_ == "at":
            continue  # "at the earliest", "at the highest": a bound, not a record
        if _graded_in(tok, aligner) or _a_class(tok):
            continue
        phrase = claim.doc[tok.i : tok.head.i + 1].text if tok.head.i > tok.i else tok.text
        out.findings.append(
            Finding(
                "clauses", "unsupported", f"a record the original does not claim: {_quote(phrase)}"
            )
        )
        return


_SCOPE = frozenset({"in", "since", "ever", "yet", "on", "of", "for"})


def _a_class(tok: Token) -> bool:
    """A superlative that picks out a class of things ("a 40 per cent increase on the shortest
    stays", "the cheapest seats"), not a record: it modifies a plural noun with no scope of its
    own ("the biggest falls since 2008" and "the largest in its history" are records)."""
    head = tok.head
    return (
        tok.dep_ == "amod"
        and head.tag_ in {"NNS", "NNPS"}
        and not any(c.dep_ in {"prep", "advmod"} and c.lower_ in _SCOPE for c in head.children)
    )


def _a_first(tok: Token) -> bool:
    """ "the first time", "first ever": a first, which is a record."""
    nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    return tok.lower_ == "first" and nxt in {"time", "ever", "-"}


def _first_phrase(tok: Token) -> str:
    """ "the first time" with its article, or "first ever"."""
    start = tok.i - 1 if tok.i > 0 and tok.nbor(-1).lower_ == "the" else tok.i
    end = min(tok.i + 2, len(tok.doc))
    if tok.nbor(1).text == "-" and end + 1 <= len(tok.doc):
        end += 1  # "first-ever"
    return tok.doc[start:end].text


def _record_word(tok: Token) -> bool:
    """ "record" as a noun or a modifier ("a record for the company", "a record field"), not
    the verb ("recorded") nor documents ("records seen by the Courier")."""
    return (
        tok.lemma_.lower() == "record"
        and tok.pos_ in {"NOUN", "ADJ"}
        and tok.tag_ != "NNS"
        and not _for_the_record(tok)
    )


def _for_the_record(tok: Token) -> bool:
    """ "For the record, ...": a phrase that sets a fact down, not a record claimed."""
    i = tok.i
    return (
        i >= 2 and tok.doc[i - 1].lower_ == "the" and tok.doc[i - 2].lower_ in {"for", "on", "off"}
    )


def _record_phrase(tok: Token) -> str:
    """The words of the record claim: "a record for the company", "record field"."""
    if tok.dep_ in {"amod", "compound"} and tok.head.i > tok.i:
        return _bare_text(tok.doc[tok.i : tok.head.i + 1])
    return _bare_text(tok.doc[tok.left_edge.i : tok.right_edge.i + 1])


def _bare_text(span: SpacySpan) -> str:
    """A span's text without trailing punctuation."""
    return span.text.rstrip(" .,;:")


def _graded_in(tok: Token, aligner: Aligner) -> bool:
    """Whether the original uses the superlative ``tok`` or one close in meaning as a
    superlative: "large" alone does not grant "the largest in the country's history"."""
    graded = aligner.analysis.derived(
        "superlatives",
        lambda an: frozenset(
            w for t in an.doc if t.tag_ in {"JJS", "RBS"} for w in (t.lower_, t.lemma_.lower())
        ),
    )
    if tok.lower_ in graded or tok.lemma_.lower() in graded:
        return True
    close = aligner.meaning.match(tok)
    return close is not None and close in graded


def _superlative(tok: Token) -> bool:
    """A superlative adjective, or a superlative adverb grading a participle or adjective
    ("the region's fastest-growing firms")."""
    return tok.tag_ == "JJS" or (
        tok.tag_ == "RBS" and tok.head.tag_ in {"VBG", "VBN", "JJ"} and tok.head.i > tok.i
    )


def check_added_comparison(
    claim: SpacySpan, evidence: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    """Report a multiple the original never states and its evidence's figures do not give
    ("cost 6.2 million crowns, nearly double the authority's first estimate", where the
    original gives no earlier estimate): an invented comparison. "Twice" counts only as "twice
    as / twice the" (not "met twice")."""
    for tok in claim:
        factor = _multiple(tok)
        if factor is None or any(f.check == "clauses" for f in out.findings):
            continue
        said = aligner.analysis.derived(
            "multiples", lambda an: frozenset(f for t in an.doc if (f := _multiple(t)) is not None)
        )
        if factor in said:
            continue
        given = [v for s in evidence for v in _amounts(s.span)]
        if _has_ratio(given, factor) or _has_ratio([*given, *_amounts(claim)], factor):
            continue  # "from 3 million to 6.2 million" makes it nearly double; "31 left,
            # more than twice the 14 of the year before", the figures checked on their own
        words = []
        first = tok.i - 1 if tok.lower_ == "times" else tok.i  # "five times as much"
        for t in claim.doc[first : min(max(tok.i, tok.head.i) + 4, claim.end)]:
            if t.is_punct:
                break
            words.append(t.text_with_ws)
        phrase = "".join(words).strip()
        out.findings.append(
            Finding(
                "clauses",
                "unsupported",
                f"a comparison the original does not make: {_quote(phrase)}",
            )
        )
        return


def _multiple(tok: Token) -> float | None:
    """The multiple a word states ("double" 2), or None; "twice" only as "twice as / twice
    the / twice that", not as a count ("met twice"), and "double" not before a participle
    ("double-charged": charged twice)."""
    factor = MULTIPLES.get(tok.lemma_.lower())
    after = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
    if (
        factor is not None
        and after == "-"
        and tok.i + 2 < len(tok.doc)
        and tok.doc[tok.i + 2].tag_ in {"VBN", "VBD", "VBG", "VB"}
    ):
        return None  # "double-charged", "double-booked": an act done twice, no multiple
    if factor is not None and tok.lower_ == "twice":
        return factor if after in {"as", "the", "that", "this", "what"} else None
    if tok.lower_ == "times" and tok.i > 0 and after in AFTER_TIMES:
        return parse_number(tok.doc[tok.i - 1].text)  # "close to three times as much"
    return factor


def _amounts(span: SpacySpan) -> list[tuple[str, float]]:
    """The plain numbers of a sentence (digits, with thousands separators and decimals), each
    with the noun it counts ("6.2 million crowns": crown; "11 weeks": week)."""
    out: list[tuple[str, float]] = []
    for t in span:
        if t.is_alpha and t.like_num and (word := parse_number(t.text)) is not None:
            value = word  # "two representatives, up from one"
        elif not any(ch.isdigit() for ch in t.text):
            continue  # float() also reads "infinity" and "nan"
        else:
            try:
                value = float(t.text.replace(",", ""))
            except ValueError:
                continue
        unit = t
        while unit.head.i != unit.i and (unit.like_num or unit.pos_ == "NUM"):
            unit = unit.head
        out.append((unit.lemma_.lower() if unit.pos_ == "NOUN" else "", value))
    return out


def _has_ratio(values: list[tuple[str, float]], factor: float) -> bool:
    """Two of ``values`` counting the same thing (or one of them nothing named) stand within
    15% of ``factor`` to each other."""
    return any(
        (ka == kb or not ka or not kb) and a > 0 and abs(b / a - factor) <= 0.15 * factor
        for ka, a in values
        for kb, b in values
    )
