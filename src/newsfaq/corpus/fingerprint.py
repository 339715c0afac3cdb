"""Per-article fingerprints for story grouping: terms, MinHash signatures and LSH band keys.

A :class:`Fingerprint` is computed from one article alone, so it runs in the batch worker pool
or on a Dask worker (:func:`fingerprint_many`) and only the small result travels back:

- ``terms``: content terms (Snowball stems of the words that are not stop words; figures with
  their separators removed), each with a weight: names (capitalized inside a sentence) and
  figures count ``NAME_WEIGHT`` times, because a rewording keeps them while it swaps the words
  around them;
- three MinHash signatures (datasketch): of the 5-word shingles (near-verbatim copies), of the
  set of distinctive content terms (reworded copies, which share few 5-word shingles, 0.02-0.12
  Jaccard on real copies, but most of their names, figures and content stems) and of the lead's
  distinctive terms (shortened copies);
- ``bands``: LSH keys (a 64-bit hash of each band of rows of each signature, tagged with the
  channel and the language), the only thing the grouping step joins on.
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = [
    "BANDS_SHINGLES",
    "BANDS_TERMS",
    "LEAD_TERMS",
    "NAME_WEIGHT",
    "NUM_PERM",
    "Fingerprint",
    "TextItem",
    "content_terms",
    "fingerprint",
    "fingerprint_many",
    "shingles",
    "stem",
    "term_arrays",
    "term_id",
]

NUM_PERM = 64
"""MinHash permutations per signature (each channel uses the first bands x rows of them)."""
BANDS_SHINGLES = (16, 4)
"""(bands, rows) of the shingle signature: a pair at Jaccard 0.3 is a candidate with p = 0.12,
at 0.5 with p = 0.64, at 0.7 with p = 0.99."""
BANDS_TERMS = (20, 3)
"""(bands, rows) of the distinctive-terms signatures (the whole article, and its lead): a pair at
Jaccard 0.4 is a candidate with p = 0.74, at 0.6 with p = 0.99; at 0.1 (unrelated news
articles share 0.03 at the median, 0.12 at most) with p = 0.02."""
LEAD_TERMS = 60
"""Distinctive terms of the lead (in text order) that make the lead signature: a shortened copy
keeps the start of the article, and its Jaccard with the whole original falls with its length."""
NAME_WEIGHT = 2.0
"""Weight of a name or a figure relative to another content term."""
SHINGLE = 5
_SEED = 7
_SCHEME = "affine32"
_MAX_CHARS = 100_000
_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_](?:[^\W_]|['’][^\W\d_])*", re.UNICODE)
_TOKEN_OR_END = re.compile(r"(" + _TOKEN.pattern + r")|[.!?:\n\"“”]", re.UNICODE)

_EXTRA_STOP = {
    "said",
    "say",
    "says",
    "told",
    "also",
    "would",
    "could",
    "one",
    "two",
    "new",
    "year",
    "years",
    "mr",
    "mrs",
    "ms",
    "per",
    "according",
}


@dataclass(frozen=True)
class TextItem:
    """One article as the grouping step sees it."""

    id: str
    text: str
    language: str = "en"


@dataclass
class Fingerprint:
    """What story grouping needs of one article (small; computed where the article is).

    ``term_ids`` are sorted 32-bit hashes of the content terms, ``term_weights`` their weights
    (names and figures count double); ``bands`` the LSH keys of the three signatures (uint64).
    """

    id: str
    language: str
    words: int
    term_ids: Any = None
    term_weights: Any = None
    bands: Any = None


@functools.lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    """spaCy's English stop words plus reporting verbs and other news filler."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset({w.lower() for w in STOP_WORDS} | _EXTRA_STOP)


@functools.lru_cache(maxsize=1)
def _stemmer() -> Any:
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Snowball stem of a lower-case word (cached: a corpus has a small vocabulary).

    >>> [stem(w) for w in ("recruiting", "recruitment", "districts", "Sakha")]
    ['recruit', 'recruit', 'district', 'sakha']
    """
    return str(_stemmer().stemWord(word.lower()))


def _tokens(text: str) -> list[tuple[str, bool]]:
    """Word and figure tokens with a flag: capitalized inside a sentence (a name).

    >>> [w for w, name in _tokens('He met Ann Lee. Then "Bob" left with Cy.') if name]
    ['Ann', 'Lee', 'Cy']
    """
    out: list[tuple[str, bool]] = []
    start_of_sentence = True
    for m in _TOKEN_OR_END.finditer(text[:_MAX_CHARS]):
        word = m.group(1)
        if word is None:
            start_of_sentence = True
            continue
        out.append((word, word[0].isupper() and not start_of_sentence))
        start_of_sentence = False
    return out


def _figure(word: str) -> str | None:
    """A figure token without separators ('120,000' -> '120000'), None for a word."""
    if not word[0].isdigit():
        return None
    return word.replace(",", "").rstrip(".")


def content_terms(
    text: str, language: str = "en", tokens: list[tuple[str, bool]] | None = None
) -> tuple[dict[str, float], set[str], set[str]]:
    """Weighted content terms, the names and the figures of a text.

    Stop words are dropped (English only; other languages keep every word); a name or a figure
    weighs ``NAME_WEIGHT``.

    >>> terms, names, figures = content_terms("Officials in Sakha said 1,200 troops were sent.")
    >>> sorted(terms.items())
    [('1200', 2.0), ('offici', 1.0), ('sakha', 2.0), ('sent', 1.0), ('troop', 1.0)]
    >>> sorted(names), sorted(figures)
    (['sakha'], ['1200'])
    """
    stops = _stop_words() if language == "en" else frozenset()
    terms: dict[str, float] = {}
    names: set[str] = set()
    figures: set[str] = set()
    for word, is_name in _tokens(text) if tokens is None else tokens:
        fig = _figure(word)
        if fig is not None:
            figures.add(fig)
            terms[fig] = terms.get(fig, 0.0) + NAME_WEIGHT
            continue
        low = word.lower()
        if low in stops or len(low) < 2:
            continue
        term = stem(low) if language == "en" else low
        if is_name:
            names.add(term)
            terms[term] = terms.get(term, 0.0) + NAME_WEIGHT
        else:
            terms[term] = terms.get(term, 0.0) + 1.0
    return terms, names, figures


def shingles(
    text: str, k: int = SHINGLE, tokens: list[tuple[str, bool]] | None = None
) -> set[bytes]:
    """The k-word shingles of a text (lower-case words and figures), as bytes.

    >>> len(shingles("a b c d e f")), len(shingles("a b"))
    (2, 1)
    """
    words = [w.lower() for w, _ in (_tokens(text) if tokens is None else tokens)]
    if len(words) <= k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


@functools.lru_cache(maxsize=1)
def _permutations() -> tuple[Any, Any]:
    """The MinHash permutations, generated once per process (datasketch's own)."""
    from datasketch import MinHash

    m = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME)
    return m.permutations, m.hashvalues


def _minhash(items: Iterable[bytes]) -> Any:
    """A datasketch MinHash of a set of byte strings (batched update)."""
    from datasketch import MinHash

    perms, init = _permutations()
    m = MinHash(
        num_perm=NUM_PERM, seed=_SEED, permutations=perms, hashvalues=init.copy(), scheme=_SCHEME
    )
    batch = list(items)
    if batch:
        m.update_batch(batch)
    return m


def _band_keys(sig: Any, bands: tuple[int, int], tag: bytes) -> list[int]:
    """One key per band: a 64-bit digest of the tag, the band number and its rows."""
    values = np.asarray(sig.hashvalues, dtype=np.uint64)
    b, r = bands
    keys: list[int] = []
    for i in range(b):
        part = values[i * r : (i + 1) * r].tobytes()
        digest = hashlib.blake2b(tag + struct.pack("<H", i) + part, digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little"))
    return keys


def _distinctive(terms: Iterable[str], names: set[str], figures: set[str]) -> list[bytes]:
    """The terms that go into a term signature, in order: names, figures and stems of 4+ letters.

    Short stems are mostly generic words whose overlap between unrelated articles would make
    every pair a candidate.
    """
    seen: dict[str, None] = {}
    for t in terms:
        if t in names or t in figures or len(t) >= 4:
            seen.setdefault(t, None)
    return [t.encode() for t in seen]


def fingerprint(item: TextItem) -> Fingerprint:
    """The fingerprint of one article (pure: runs anywhere).

    >>> fp = fingerprint(TextItem("a", "The council approved 36 new buses for Elmford on Monday."))
    >>> fp.language, len(fp.bands), len(fp.term_ids), fp.words
    ('en', 56, 6, 10)
    """
    tokens = _tokens(item.text)
    terms, names, figures = content_terms(item.text, item.language, tokens)
    tag = item.language.encode()
    distinctive = _distinctive(terms, names, figures)  # dicts keep text order
    bands = np.array(
        _band_keys(_minhash(shingles(item.text, tokens=tokens)), BANDS_SHINGLES, b"s" + tag)
        + _band_keys(_minhash(distinctive), BANDS_TERMS, b"t" + tag)
        + _band_keys(_minhash(distinctive[:LEAD_TERMS]), BANDS_TERMS, b"l" + tag),
        dtype=np.uint64,
    )
    ids, weights = term_arrays(terms)
    return Fingerprint(
        id=item.id,
        language=item.language,
        words=len(tokens),
        term_ids=ids,
        term_weights=weights,
        bands=bands,
    )


def term_id(term: str) -> int:
    """A stable 32-bit id of a term (the same in every process and run)."""
    return int.from_bytes(hashlib.blake2b(term.encode(), digest_size=4).digest(), "little")


def term_arrays(terms: Mapping[str, float]) -> tuple[Any, Any]:
    """Sorted term ids (uint32) and their weights (float32, 1 + log of the weight)."""
    merged: dict[int, float] = {}
    for term, weight in terms.items():
        key = term_id(term)
        merged[key] = merged.get(key, 0.0) + weight
    ids = np.fromiter(merged.keys(), dtype=np.uint32, count=len(merged))
    weights = np.fromiter(merged.values(), dtype=np.float32, count=len(merged))
    order = np.argsort(ids)
    return ids[order], (1.0 + np.log(weights[order])).astype(np.float32)


def fingerprint_many(items: Sequence[TextItem]) -> list[Fingerprint]:
    """:func:`fingerprint` over a chunk of articles (one pool or Dask task)."""
    return [fingerprint(item) for item in items]
