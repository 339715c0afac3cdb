"""The shipped word vectors: loaded offline from the PyPI package, similarity that orders words."""

from __future__ import annotations

import pytest

from newsfaq.text.wordvec import similarity, word_vectors


def test_vocabulary_is_the_full_glove_release() -> None:
    vectors = word_vectors()
    assert len(vectors.index) == 400_000
    assert vectors.matrix.shape == (400_000, 50)
    assert word_vectors() is vectors  # loaded once per process


def test_paraphrase_words_are_closer_than_unrelated_words() -> None:
    close = similarity("lawmakers", "legislators")
    far = similarity("lawmakers", "banana")
    assert close is not None and far is not None
    assert close > 0.8 > far


def test_same_word_in_other_case_is_identical_and_unknown_word_is_none() -> None:
    assert similarity("Police", "police") == pytest.approx(1.0)
    assert similarity("police", "qzxqzxunknownword") is None


def test_vectors_are_unit_length_and_best_match_picks_the_synonym() -> None:
    vectors = word_vectors()
    vec = vectors.vector("purchase")
    assert vec is not None
    assert float(vec @ vec) == pytest.approx(1.0, abs=1e-5)
    match = vectors.best_match("buy", ["table", "purchase", "river"])
    assert match is not None and match[0] == "purchase"
    assert vectors.best_match("buy", ["qzxqzxunknownword"]) is None
