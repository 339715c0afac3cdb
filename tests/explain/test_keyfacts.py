"""Key facts: the salient few are marked, every fact is kept, the choice covers the article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfaq import explain
from newsfaq.models import Explainer

ARTICLES = Path(__file__).resolve().parents[1] / "articles"


@pytest.fixture(scope="module", params=["politics.txt", "business.txt", "court.txt"])
def explained(request: pytest.FixtureRequest) -> Explainer:
    return explain(ARTICLES / request.param)


def test_key_facts_are_a_capped_subset_in_text_order(explained: Explainer) -> None:
    key = [f for f in explained.facts if f.key]
    assert 0 < len(key) <= 10
    starts = [f.evidence[0].start for f in explained.facts]
    assert starts == sorted(starts)  # marking keeps the facts and their order


def test_key_facts_cover_the_article(explained: Explainer) -> None:
    key = [f for f in explained.facts if f.key]
    per_sentence: dict[int, int] = {}
    for f in key:
        per_sentence[f.evidence[0].sentence_id] = per_sentence.get(f.evidence[0].sentence_id, 0) + 1
    assert max(per_sentence.values()) <= 2
    speakers = [f.attributed_to for f in key if f.kind == "quote"]
    assert len(speakers) == len(set(speakers))
    if len(explained.facts) > 10:
        assert sum(f.kind == "quantity" for f in key) <= 5


def test_the_limit_is_a_parameter() -> None:
    ex = explain(ARTICLES / "politics.txt", key_facts=3)
    assert sum(f.key for f in ex.facts) == min(3, len(ex.facts))
    assert not any(f.key for f in explain(ARTICLES / "politics.txt", key_facts=0).facts)


def test_money_outranks_a_vague_date() -> None:
    text = (
        "The county will spend $40 million on new schools, officials said on Monday.\n"
        "Work is due to start next year.\n"
        "Ms Rowe said the first school would open in 2028."
    )
    ex = explain(text, key_facts=1)
    (key,) = [f for f in ex.facts if f.key]
    assert key.kind == "quantity" and "$40 million" in key.text
