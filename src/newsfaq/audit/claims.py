"""Split a derived text (rewrite, summary, FAQ) into checkable claims with character offsets.

A claim is a sentence, or a clause of a sentence joined by *and*, *but* or *while* when the
clause has its own subject. FAQ answers are recognised (a question line followed by answer lines)
and every claim of an answer carries its question.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsfaq.models import NotAuditedKind
from newsfaq.text.nlp import parse

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["THREAD_MARKER", "ClaimSpan", "NotAClaim", "not_claims", "qa_blocks", "split_claims"]

_CLAUSE_CC = frozenset({"and", "but", "while", "yet", "whereas"})
_CLAUSE_MARK = frozenset({"while", "whereas"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
_Q_PREFIX = re.compile(
    r"^\s*(?:[#>*\-\u2022]+\s*|\d{1,2}[.)]\s+|Q\s*\d*\s*[:.)]\s*|Question\s*:\s*)*", re.IGNORECASE
)
_A_PREFIX = re.compile(r"^\s*(?:[>*\-\u2022]+\s*|A\s*\d*\s*[:.)]\s*|Answer\s*:\s*)+", re.IGNORECASE)
_MIN_WORDS = 2
_ESCAPED_QUOTE_RE = re.compile(r"\\(['\"])")
_SEPARATORS = frozenset({",", ";", ":", "-", "–", "—", "…"})


@dataclass(frozen=True)
class ClaimSpan:
    """A claim found in the derived text: offsets, text, its FAQ question and its tokens."""

    start: int
    end: int
    text: str
    question: str | None
    span: SpacySpan
    in_faq: bool = False
    """An answer of the FAQ block (after an FAQ heading, or in a text that opens with a question),
    not a body sentence under a question subhead ("2. How Long Will the Strike Last?")."""


@dataclass(frozen=True)
class NotAClaim:
    """A line of the derived text that states nothing to check: a headline or subhead, a byline,
    a credit line, an FAQ heading, or a sentence cut off mid-way."""

    start: int
    end: int
    text: str
    kind: NotAuditedKind


_FAQ_HEADING_RE = re.compile(
    r"^\W*(?:frequently asked questions|faqs?|questions and answers|q\s*&\s*a)\W*$", re.IGNORECASE
)
_BYLINE_RE = re.compile(
    r"^\W*(?:by|written by|reporting by|words by|reported by|story by)\s+[A-Z]", re.IGNORECASE
)
_CREDIT_RE = re.compile(
    r"^\W*(?:original article|originally published|source|sources|image|photo|photograph|"
    r"credit|credits|via|read more|read the original|this article (?:was|first))\b",
    re.IGNORECASE,
)
_END_RE = re.compile(r"[.!?:;][\"”’')\]]*\s*$")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "and",
        "or",
        "but",
        "nor",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "as",
        "is",
        "are",
        "was",
        "were",
        "vs",
        "via",
        "into",
    ]
)


def _title_case(line: str) -> bool:
    """Most words capitalized, small words aside ("Del Potro Battles Back From a Set Down")."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", line) if w.lower() not in _SMALL_WORDS]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


_NAME_WORDS = 3
"""A Title Case answer under a question of at most this many words is a name to audit ("Dr.
Ilse Marchetti"); a longer one is the article's headline quoted as an answer."""
_SUBHEAD_WORDS = 6
"""A line of at most this many words, with no figure and no closing stop, among lines that end
in one, is a subhead ("Further proceedings", "Conditions attached")."""


def _kind_of_line(line: str, first: bool) -> NotAuditedKind | Literal["subhead"] | None:
    """What a line that states nothing is, or None for a line to audit."""
    body = line.strip().strip("*_#").strip()
    words = body.split()
    if _FAQ_HEADING_RE.match(body):
        return "faq_heading"
    if len(words) <= 12 and _BYLINE_RE.match(body) and _title_case(body):
        return "byline"
    if len(words) <= 20 and _CREDIT_RE.match(body):
        return "credit"
    if _END_RE.search(body) or body.endswith("?"):
        return None
    if body.endswith(("…", "...")) or (len(words) > 12 and not _title_case(body)):
        return "fragment"
    if first or _title_case(body):
        return "heading"
    if len(words) <= _SUBHEAD_WORDS and not any(c.isdigit() for c in body):
        return "subhead"  # "Conditions attached": a heading if the text's lines end in stops
    return None


def not_claims(text: str) -> list[NotAClaim]:
    """Lines of a text of several lines that state nothing to check (a one-line text is always
    audited as it is).

    >>> [n.kind for n in not_claims("Council Backs Bus Plan\\nThe council voted 7-2.\\nBy Ann Lee")]
    ['heading', 'byline']
    """
    lines = list(re.finditer(r"[^\n]*\S[^\n]*", text))
    if len(lines) < 2 or text.lower() == text:
        return []  # one line, or lower-cased text (a tokenized summary, not a laid-out page)
    kinds = [_kind_of_line(m.group(0), n == 0) for n, m in enumerate(lines)]
    for n in range(1, len(lines)):
        short = kinds[n] == "subhead" or len(lines[n].group(0).split()) <= _NAME_WORDS
        if kinds[n] in {"heading", "subhead"} and short and _is_question(lines[n - 1].group(0)):
            kinds[n] = None  # the answer to the question: "Tomas Wrenfield", "Ten weeks"
    body = [
        m.group(0) for m, k in zip(lines, kinds, strict=True) if k in {None, "fragment", "subhead"}
    ]
    ended = sum(1 for line in body if _END_RE.search(line) or line.rstrip().endswith("?"))
    out: list[NotAClaim] = []
    for m, kind in zip(lines, kinds, strict=True):
        if kind in {"fragment", "subhead"} and 2 * ended < len(body):
            continue  # most lines end without punctuation: this one is not cut off nor a title
        if kind is not None:
            out.append(NotAClaim(m.start(), m.end(), m.group(0).strip(), _heading(kind)))
    return out


def _is_question(line: str) -> bool:
    return line.rstrip().rstrip("*_\"”’')").endswith("?")


def _heading(kind: NotAuditedKind | Literal["subhead"]) -> NotAuditedKind:
    return "heading" if kind == "subhead" else kind


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    question: str | None  # the question text when the line is a question
    answer_start: int  # offset where answer text starts (after an "A:" prefix)


def _lines(text: str) -> list[_Line]:
    """Non-blank lines with question detection (trailing '?', optional Q:/#/number prefix)."""
    out: list[_Line] = []
    for m in re.finditer(r"[^\n]*\S[^\n]*", text):
        line = m.group(0)
        prefix = _Q_PREFIX.match(line)
        body_at = prefix.end() if prefix else 0
        body = line[body_at:].strip().strip("*_").strip()
        inline = re.search(r"\?\s*\**\s*A\s*[:.)]\s*", line)
        one_sentence = re.search(r"[.!?][\"”’')]*\s+\S", body[:-1]) is None
        if body.endswith("?") and one_sentence and 2 <= len(body.split()) <= 40:
            out.append(_Line(m.start(), m.end(), body, m.end()))
        elif inline is not None and len(line[body_at : inline.start()].split()) >= 2:
            q = line[body_at : inline.start() + 1].strip().strip("*_").strip()
            out.append(_Line(m.start(), m.end(), q, m.start() + inline.end()))
        else:
            a = _A_PREFIX.match(line)
            out.append(_Line(m.start(), m.end(), None, m.start() + (a.end() if a else 0)))
    return out


def qa_blocks(text: str) -> list[tuple[str | None, int, int]]:
    """Return (question, start, end) for each answer region; question is None outside an FAQ.

    >>> qa_blocks("Why now?\\nBecause of rain.")
    [('Why now?', 9, 25)]
    """
    regions: list[tuple[str | None, int, int]] = []
    question: str | None = None
    for line in _lines(text):
        if line.question is not None:
            question = line.question
            if line.answer_start < line.end and text[line.answer_start : line.end].strip():
                regions.append((question, line.answer_start, line.end))
            continue
        regions.append((question, line.answer_start, line.end))
    return regions


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in _SUBJECTS for c in tok.children)


def _trim(doc: Doc, i: int, j: int) -> tuple[int, int]:
    """Shrink token range [i, j) past separators, spaces and conjunctions at either end."""

    def loose(tok: Token) -> bool:
        return tok.is_space or tok.text in _SEPARATORS or tok.lower_ in _CLAUSE_CC

    while i < j and (loose(doc[i]) or doc[i].text in {".", "!", "?"}):
        i += 1
    while j > i and loose(doc[j - 1]):
        j -= 1
    return i, j


def _cuts(sent: SpacySpan) -> list[int]:
    """Token indices where a new clause starts inside ``sent``."""
    root = sent.root
    cuts: set[int] = set()
    for child in root.children:
        if child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"} and _has_subject(child):
            ccs = [c for c in root.children if c.dep_ == "cc" and c.i < child.left_edge.i]
            ccs += [c for c in child.children if c.dep_ == "cc"]
            if any(c.lower_ in _CLAUSE_CC for c in ccs):
                cuts.add(child.left_edge.i)
        elif child.dep_ == "advcl" and _has_subject(child):
            marks = [c for c in child.children if c.dep_ == "mark"]
            if any(m.lower_ in _CLAUSE_MARK for m in marks):
                left, right = child.left_edge.i, child.right_edge.i + 1
                if left > sent.start:
                    cuts.add(left)
                if right < sent.end:
                    cuts.add(right)
    return sorted(c for c in cuts if sent.start < c < sent.end)


THREAD_MARKER = re.compile(r"\d{1,2}/(?:\d{1,2})?")
"""A thread's post number ("12/", "3/10")."""
_BOLD_LABEL = re.compile(r"\*\*[^*\n:]{1,40}:\s*\*\*\s*")


def _past_list_marker(doc: Doc, i: int, end: int) -> int:
    """Index after a numbered-list marker ("4." or "4)") that opens a line at token ``i``, or
    a thread's post number ("12/") or a bold label ("**Rescue two:**") that opens the line or
    the sentence, else ``i``: a list item's number or a label is no figure the rewrite
    states."""
    text = doc.text
    opens = text.rfind("\n", 0, doc[i].idx) + 1
    at_line = not text[opens : doc[i].idx].strip(" \t*_")  # markdown emphasis aside
    numbered = i + 1 < end and doc[i].like_num and len(doc[i].text) <= 2
    if at_line and numbered and doc[i + 1].text in {".", ")"}:
        return i + 2
    if i + 1 < end and THREAD_MARKER.fullmatch(doc[i].text):
        return i + 1
    label = _BOLD_LABEL.match(text, opens if at_line else doc[i].idx)
    if label is not None:
        return next((t.i for t in doc[i:end] if t.idx >= label.end()), end)  # end: a label alone
    return i


_LABEL_TOKENS = 12
"""A kicker before a colon has at most this many tokens."""


def _past_label(doc: Doc, i: int, end: int) -> int:
    """Index after a writer's kicker that opens the sentence and ends in a colon ("Only bit of
    good news in the thread:", "The bottom line:", "Sad news for all who treasure our
    history:"), else ``i``: a label with no figure or name, and no verb but inside a noun
    phrase, says nothing to check, and a clause with a verb of its own follows it."""
    colon = next((t.i for t in doc[i : min(end, i + _LABEL_TOKENS + 1)] if t.text == ":"), None)
    if colon is None or colon == i:
        return i
    label = doc[i:colon]
    if any(t.like_num or t.pos_ == "PROPN" or t.ent_type_ for t in label):
        return i
    roots = [t for t in label if not i <= t.head.i < colon or t.head.i == t.i]
    verbs = any(t.pos_ in {"VERB", "AUX"} for t in label)
    if verbs and not (len(roots) == 1 and roots[0].pos_ in {"NOUN", "ADJ"}):
        return i  # "He said:" is a speaker; "Sad news for all who treasure ...:" a label
    rest = doc[colon + 1 : end]
    if _words(rest) < _LABEL_REST or not any(t.pos_ in {"VERB", "AUX"} for t in rest):
        return i
    if not any(t.dep_ in _SUBJECTS for t in rest):
        return i  # "Standard adult single: held at £2.40 until March": the label is the subject
    return colon + 1


_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


_LABEL_REST = 4
"""Words the clause after a kicker needs: "The verdict: guilty." keeps its label."""


_ASIDE_WORDS = 6
"""An exclamation of at most this many words, with no figure and no name, is an aside."""


def _aside(sent: SpacySpan) -> bool:
    """A short exclamation with no figure and no name past its first word ("Fingers crossed!",
    "What a week!"): the writer's aside, nothing to check."""
    if not sent.text.rstrip(" \"”’')").endswith("!") or _words(sent) > _ASIDE_WORDS:
        return False
    return not any(t.like_num or (t.pos_ == "PROPN" and t.i > sent.start) for t in sent)


def _words(span: SpacySpan) -> int:
    return sum(1 for t in span if t.is_alpha or t.like_num)


_SENTENCE_ENDS = frozenset({".", "!", "?", ":", ";", "…", '"', "”", "’", "'", ")", "]"})


def _sentences(doc: Doc) -> list[SpacySpan]:
    """The parse's sentences, one it broke after a word with no stop or line break mended
    ("Brightwell | Home Care has lost its contract": a name cut from its sentence)."""
    cached = doc.user_data.get("newsfaq.claim_sentences")
    if isinstance(cached, list):
        return [doc[a:b] for a, b in cached]
    out: list[tuple[int, int]] = []
    for sent in doc.sents:
        if out and _broken_after(doc, out[-1][1], sent.start):
            out[-1] = (out[-1][0], sent.end)
        else:
            out.append((sent.start, sent.end))
    doc.user_data["newsfaq.claim_sentences"] = out
    return [doc[a:b] for a, b in out]


def _broken_after(doc: Doc, end: int, start: int) -> bool:
    """The sentence that ends at ``end`` ends in a word, on the line the next one starts."""
    last = next((t for t in reversed(doc[:end]) if not t.is_space), None)
    if last is None or last.text in _SENTENCE_ENDS or not last.is_alpha:
        return False
    return not any("\n" in t.text_with_ws for t in doc[last.i : start])


def split_claims(text: str, doc: Doc | None = None) -> list[ClaimSpan]:
    """Split ``text`` into claims (sentences and and/but/while clauses), FAQ answers with questions.

    >>> [c.text for c in split_claims("Rain fell in Oslo, and roads closed.")]
    ['Rain fell in Oslo', 'roads closed.']
    """
    if doc is None:
        doc = parse(text)
    claims: list[ClaimSpan] = []
    skipped_lines = not_claims(text)
    skipped = [(n.start, n.end) for n in skipped_lines]
    faq_start = _faq_start(text, skipped_lines)
    for question, rstart, rend in qa_blocks(text):
        if any(a <= rstart and rend <= b for a, b in skipped):
            continue
        span = doc.char_span(rstart, rend, alignment_mode="expand")
        if span is None:
            continue
        for sent in _sentences(doc):
            if sent.end <= span.start or sent.start >= span.end:
                continue
            s_start = max(sent.start, span.start)
            s_end = min(sent.end, span.end)
            s_start = _past_list_marker(doc, s_start, s_end)
            s_start = _past_label(doc, s_start, s_end)
            if s_start >= s_end:
                continue
            if doc[s_start:s_end].text.rstrip(" \"”’')").endswith("?"):
                continue  # a question asserts nothing
            if _aside(doc[s_start:s_end]):
                continue  # "Fingers crossed!", "Talk about nerves of steel!"
            bounds = [s_start, *(c for c in _cuts(sent) if s_start < c < s_end), s_end]
            for i, j in itertools.pairwise(bounds):
                a, b = _trim(doc, i, j)
                b = min(b, s_end)
                if b == s_end - 1 and doc[b].text in {".", "!"}:
                    b += 1  # keep the sentence-final period on the last clause
                if a >= b:
                    continue
                piece = doc[a:b]
                if _words(piece) < _MIN_WORDS and not (question and _words(piece) >= 1):
                    continue
                start = piece.start_char
                end = piece.end_char
                in_faq = question is not None and faq_start is not None and start >= faq_start
                claims.append(ClaimSpan(start, end, text[start:end], question, piece, in_faq))
    return claims


def _faq_start(text: str, skipped: list[NotAClaim]) -> int | None:
    """Where the FAQ block starts: its heading, or the start of a text that opens with a
    question; None when the text has no FAQ block (question subheads in a body are no FAQ)."""
    headings = [n.start for n in skipped if n.kind == "faq_heading"]
    if headings:
        return min(headings)
    lines = _lines(text)
    return 0 if lines and lines[0].question is not None else None


def truecase(text: str, reference: Doc) -> str:
    """Restore capitals in an all-lower-case ``text`` from the casing of words in ``reference``.

    Names are what the checks look for, and the parser finds them by their capitals; a summary
    written in lower case against a cased original gets each word's usual casing in the original
    (and capitals at sentence starts). Cased texts keep their casing. Backslash-escaped quotes of
    scraped or serialised text (``the city\\'s``) are read as quotes. Offsets are unchanged.

    >>> from newsfaq.text.nlp import parse
    >>> truecase("anna lee met the mayor of oslo.", parse("Mayor Anna Lee visited Oslo."))
    'Anna Lee met the mayor of Oslo.'
    >>> truecase("anna lee\\\\'s plan", parse("Mayor Anna Lee's plan was approved."))
    "Anna Lee 's plan"
    """
    if "\\" in text:
        text = _ESCAPED_QUOTE_RE.sub(r" \1", text)
    if any(ch.isupper() for ch in text):
        return text
    counts: dict[str, dict[str, int]] = {}
    for tok in reference:
        if tok.is_sent_start or not tok.is_alpha:
            continue
        forms = counts.setdefault(tok.lower_, {})
        forms[tok.text] = forms.get(tok.text, 0) + 1
    if not any(any(f != low for f in forms) for low, forms in counts.items()):
        return text

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        forms = counts.get(word)
        if not forms:
            return word
        best = max(forms.items(), key=lambda kv: kv[1])[0]
        return best if len(best) == len(word) else word

    out = re.sub(r"[^\W\d_]+", fix, text)
    return re.sub(r"(^|[.!?]\s+|\n\s*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)
