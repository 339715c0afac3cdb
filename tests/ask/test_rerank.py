"""Sentence re-ranking: the sentence holding an answer of the asked type, the one after the
sentence naming the subject, and plain BM25 order without weights."""

from __future__ import annotations

import pytest

from newsfaq.ask.qanalysis import analyze_question
from newsfaq.ask.rerank import RERANK_WEIGHTS, pool, rerank, sentence_features
from newsfaq.ask.retrieval import build_index, query_weights, rank_sentences
from newsfaq.ingest.loader import from_text
from newsfaq.text.nlp import Analysis, analyze

BRIDGE = (
    "The Tyne bridge project in Newcastle drew complaints from the Tyne bridge users group. "
    "Tyne bridge users say the Tyne bridge closures hurt shops. "
    "Work on it will cost $40 million and take two years, the council said. "
    "Rain fell on Tuesday."
)


@pytest.fixture(scope="module")
def bridge() -> Analysis:
    """A short article written for these tests."""
    return analyze(from_text(BRIDGE))


def test_weights_are_shipped() -> None:
    assert RERANK_WEIGHTS["bm25"] > 0
    assert RERANK_WEIGHTS["type_present"] > 0


def test_sentence_with_the_asked_figure_wins(bridge: Analysis) -> None:
    q = analyze_question("How much will the Tyne bridge work cost?")
    index = build_index(bridge)
    _, bm25_order = rank_sentences(index, query_weights(q))
    assert bm25_order[0] != 2  # BM25 prefers the sentences repeating the bridge's name
    _, order = rerank(bridge, index, q)
    assert order[0] == 2


def test_without_weights_order_is_bm25(bridge: Analysis) -> None:
    q = analyze_question("How much will the Tyne bridge work cost?")
    index = build_index(bridge)
    _, bm25_order = rank_sentences(index, query_weights(q))
    assert rerank(bridge, index, q, weights={})[1] == bm25_order


def test_pool_holds_the_sentence_after_the_best() -> None:
    a = analyze(from_text("Corn candleholder. Place a candle in the middle. Rain fell."))
    q = analyze_question("How do you make the corn candleholder?")
    index = build_index(a)
    scores, _ = rank_sentences(index, query_weights(q))
    assert scores[1] == 0.0 and 1 in pool(index, scores)


def test_features_see_entities_of_the_previous_sentence() -> None:
    a = analyze(from_text("Maria Diaz spoke in Leeds. She said the plan failed."))
    q = analyze_question("What did Maria Diaz say about the plan?")
    index = build_index(a)
    scores, _ = rank_sentences(index, query_weights(q))
    f = sentence_features(a, index, q, scores, 1)
    assert f["ents"] == 0.0 and f["ents_prev_only"] == 1.0


def test_result_is_kept_on_the_index(bridge: Analysis) -> None:
    q = analyze_question("How much will the Tyne bridge work cost?")
    index = build_index(bridge)
    first = rerank(bridge, index, q)
    scores, pool = index.reranked[q.text]
    assert (scores, pool[: len(first[1])]) == first
    assert rerank(bridge, index, q, whole_pool=True) == (scores, pool)
