"""Story grouping: LSH candidate pairs from banded MinHash keys, confirmed by TF-IDF cosine.

1. Every article carries 56 band keys (:mod:`newsfaq.corpus.fingerprint`). For each band the
   keys are sorted (numpy) and equal runs are the buckets: two articles are a candidate pair when
   they share a key in some band. All pairs are never compared. A bucket of more than
   ``MAX_BUCKET`` articles (a boilerplate paragraph, thousands of exact copies) adds a star
   (each to the first) instead of all its pairs, so the work stays linear in its size.
2. A candidate pair is kept when the cosine of the two articles' TF-IDF vectors (content stems,
   names and figures weighted up; IDF from the corpus) is at least ``MIN_COSINE``: faithful
   rewordings of real articles score 0.86-0.97, unrelated news articles 0.01 at the median and
   under 0.32 at most; 0.55 rather than 0.45 keeps apart most follow-up reports of one event
   (bench/stories.py, docs/design.md).
3. Connected components of the kept pairs are the stories (union-find).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from newsfaq.corpus.fingerprint import Fingerprint

__all__ = [
    "MAX_BUCKET",
    "MIN_COSINE",
    "Grouping",
    "TermIndex",
    "candidate_pairs",
    "group",
    "story_id",
]

MIN_COSINE = 0.55
"""TF-IDF cosine from which a candidate pair is the same story."""
MAX_BUCKET = 64
"""Largest LSH bucket expanded into all its pairs; larger ones become a star."""


class TermIndex:
    """IDF-weighted, unit-length term vectors of a set of fingerprints, for cosine look-ups."""

    def __init__(
        self, fps: Sequence[Fingerprint], df_ids: np.ndarray, df_counts: np.ndarray, n_docs: int
    ) -> None:
        self.fps = fps
        self.df_ids = df_ids
        self.idf = (np.log((n_docs + 1) / (df_counts + 1.0)) + 1.0).astype(np.float32)
        self._vectors: dict[int, np.ndarray] = {}

    @classmethod
    def build(cls, fps: Sequence[Fingerprint]) -> TermIndex:
        """Document frequencies over ``fps`` themselves."""
        if not fps:
            empty = np.zeros(0, dtype=np.uint32)
            return cls(fps, empty, np.zeros(0, dtype=np.float32), 0)
        ids, counts = np.unique(np.concatenate([fp.term_ids for fp in fps]), return_counts=True)
        return cls(fps, ids, counts.astype(np.float32), len(fps))

    def idf_of(self, term_ids: np.ndarray) -> np.ndarray:
        """IDF of each term id (a term the corpus has never seen counts as in one article)."""
        if len(self.df_ids) == 0:
            return np.ones(len(term_ids), dtype=np.float32)
        pos = np.clip(np.searchsorted(self.df_ids, term_ids), 0, len(self.df_ids) - 1)
        found = self.df_ids[pos] == term_ids
        unseen = np.float32(self.idf.max()) if len(self.idf) else np.float32(1.0)
        return np.where(found, self.idf[pos], unseen).astype(np.float32)

    def vector_of(self, fp: Fingerprint) -> np.ndarray:
        """The unit TF-IDF weights of ``fp``'s terms (aligned with ``fp.term_ids``)."""
        v = fp.term_weights * self.idf_of(fp.term_ids)
        norm = float(np.linalg.norm(v))
        out: np.ndarray = v / norm if norm else v
        return out

    def vector(self, i: int) -> np.ndarray:
        """Cached :meth:`vector_of` of the ``i``-th fingerprint."""
        v = self._vectors.get(i)
        if v is None:
            v = self._vectors[i] = self.vector_of(self.fps[i])
        return v

    def cosine(self, i: int, j: int) -> float:
        """Cosine of the ``i``-th and ``j``-th fingerprints."""
        return cosine_of(self.fps[i].term_ids, self.vector(i), self.fps[j].term_ids, self.vector(j))


def cosine_of(ids_a: np.ndarray, va: np.ndarray, ids_b: np.ndarray, vb: np.ndarray) -> float:
    """Dot product of two sparse unit vectors given as sorted ids and weights."""
    _, ia, ib = np.intersect1d(ids_a, ids_b, assume_unique=True, return_indices=True)
    return float(np.dot(va[ia], vb[ib]))


def _bucket_pairs(members: np.ndarray) -> Iterator[tuple[int, int]]:
    """All pairs of a bucket, or a star around its first member when it is large."""
    m = sorted(int(x) for x in members)
    if len(m) <= MAX_BUCKET:
        for a in range(len(m)):
            for b in range(a + 1, len(m)):
                yield m[a], m[b]
    else:
        for b in m[1:]:
            yield m[0], b


def candidate_pairs(keys: np.ndarray) -> set[tuple[int, int]]:
    """Pairs of rows of ``keys`` (articles x bands, uint64) that share a key in some band.

    >>> k = np.array([[1, 2], [1, 3], [4, 3], [5, 6]], dtype=np.uint64)
    >>> sorted(candidate_pairs(k))
    [(0, 1), (1, 2)]
    """
    pairs: set[tuple[int, int]] = set()
    if keys.shape[0] < 2:
        return pairs
    for col in range(keys.shape[1]):
        order = np.argsort(keys[:, col], kind="stable")
        ordered = keys[order, col]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        ends = np.r_[starts[1:], len(ordered)]
        for s, e in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
            pairs.update(_bucket_pairs(order[s:e]))
    return pairs


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def story_id(member_ids: Sequence[str]) -> str:
    """A stable id for a story: a short hash of its sorted member ids.

    >>> story_id(["b", "a"]) == story_id(["a", "b"])
    True
    """
    digest = hashlib.blake2b("\n".join(sorted(member_ids)).encode(), digest_size=6).hexdigest()
    return f"st-{digest}"


@dataclass
class Grouping:
    """The stories of a corpus: member indexes per story, and the confirmed pair similarities."""

    stories: list[list[int]]
    similarity: dict[tuple[int, int], float]
    candidates: int
    index: TermIndex


def group(fps: Sequence[Fingerprint], min_cosine: float = MIN_COSINE) -> Grouping:
    """Group fingerprints into stories (every article is in exactly one; singletons included)."""
    index = TermIndex.build(fps)
    n = len(fps)
    width = max((len(fp.bands) for fp in fps), default=0)
    keys = np.zeros((n, width), dtype=np.uint64)
    for i, fp in enumerate(fps):
        keys[i, : len(fp.bands)] = np.array(fp.bands, dtype=np.uint64)
    pairs = candidate_pairs(keys)
    uf = _UnionFind(n)
    kept: dict[tuple[int, int], float] = {}
    for a, b in sorted(pairs):
        sim = index.cosine(a, b)
        if sim >= min_cosine:
            kept[(a, b)] = sim
            uf.union(a, b)
    comps: dict[int, list[int]] = {}
    for i in range(n):
        comps.setdefault(uf.find(i), []).append(i)
    stories = sorted(comps.values(), key=lambda m: m[0])
    return Grouping(stories=stories, similarity=kept, candidates=len(pairs), index=index)
