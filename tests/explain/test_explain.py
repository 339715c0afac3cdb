"""The explain pipeline end to end on the shared example and on the project's test articles."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from newsfaq import explain
from newsfaq.errors import NewsfaqError
from newsfaq.ingest.loader import load
from newsfaq.models import Explainer
from tests.helpers import assert_grounded, norm

KINDS = ["politics", "business", "science", "sports", "court", "obituary", "brief", "feature"]
OTHERS = ["plain_no_meta.txt", "with_faq.txt", "news_page.html"]
QUESTION_START = re.compile(
    r"^(What|Who|Whom|Whose|Which|When|Where|Why|How|Is|Are|Was|Were|Do|Does|Did|Has|Have|Had|"
    r"Can|Could|Will|Would|Should|In what|On what|At what|To whom|By whom|According to)\b"
)


def assert_well_formed(ex: Explainer) -> None:
    """Questions start with a wh-word or auxiliary, end with '?', and do not contain the answer."""
    for qa in ex.faq:
        assert QUESTION_START.match(qa.question), qa.question
        assert qa.question.endswith("?"), qa.question
        if qa.kind != "overview":
            assert norm(qa.answer).lower() not in norm(qa.question).lower(), qa


@pytest.fixture(scope="module")
def example(example_path: Path) -> Explainer:
    return explain(example_path)


@pytest.fixture(scope="module", params=[f"{k}.txt" for k in KINDS] + OTHERS)
def article_explainer(request: pytest.FixtureRequest, articles_dir: Path) -> Explainer:
    return explain(articles_dir / request.param)


def test_every_item_is_grounded_in_every_article(article_explainer: Explainer) -> None:
    ex = article_explainer
    assert_grounded(ex)
    assert_well_formed(ex)
    assert ex.faq[0].question == "What is this article about?"
    assert ex.faq[0].kind == "overview"
    n_sentences = len({s.sentence_id for kp in ex.key_points for s in kp.evidence})
    assert n_sentences == len(ex.key_points)
    assert 1 <= len(ex.key_points) <= 5
    starts = [kp.evidence[0].start for kp in ex.key_points]
    assert starts == sorted(starts), "key points are shown in document order"
    assert ex.credit, "every test article has a site or a credit line"


def test_long_articles_get_full_explainers(articles_dir: Path) -> None:
    for name in ["politics", "business", "court", "feature"]:
        ex = explain(articles_dir / f"{name}.txt")
        assert len(ex.faq) >= 3, (name, [q.question for q in ex.faq])
        assert 3 <= len(ex.key_points) <= 5, name
        assert ex.facts, name


def test_example_credit_and_appended_faq(example: Explainer) -> None:
    assert example.credit is not None and "Business Insider" in example.credit
    assert example.article.appended_text is not None
    assert "Why is Russia struggling" in example.article.appended_text
    assert "Why is Russia struggling" not in example.article.text
    end_of_body = len(example.article.text)
    for qa in example.faq:
        assert all(s.end <= end_of_body for s in qa.evidence)
        assert "convince individuals" not in qa.answer


def test_example_faq_acceptance(example: Explainer) -> None:
    faq = example.faq
    # five: the gist, the four acceptance items below; the transformed object question
    # ("What does Avdonin acknowledge?") is left out since session 19 (rated acceptable in about
    # one tune item of five)
    assert len(faq) >= 5, [q.question for q in faq]
    assert_grounded(example)
    how_many = [q for q in faq if q.kind == "how_many" and "approximately 120,000" in q.answer]
    assert how_many, [(q.kind, q.question, q.answer) for q in faq]
    assert "US officials" in how_many[0].question
    assert any("Avdonin" in q.question and "call for" in q.question for q in faq), faq
    assert any(q.kind == "what_if" and "quota" in q.question for q in faq), faq
    assert any(q.kind == "who_is" for q in faq), faq


def test_example_derived_figure(example: Explainer) -> None:
    derived = [f for f in example.facts if f.derived]
    assert any(f.value == 540 for f in derived), [f.text for f in example.facts]
    fact = next(f for f in derived if f.value == 540)
    assert any("15" in x for x in fact.derived_from)
    assert any("36" in x for x in fact.derived_from)
    assert "540" not in example.article.text


def test_explain_accepts_path_text_and_article(articles_dir: Path) -> None:
    path = articles_dir / "brief.txt"
    article = load(path)
    from_path = explain(path)
    from_article = explain(article)
    from_text = explain(article.text)
    assert from_path.article.text == from_article.article.text == from_text.article.text
    assert [q.question for q in from_path.faq] == [q.question for q in from_text.faq]
    assert from_path.article.meta.title and not from_text.article.meta.title


def test_items_the_self_audit_drops_are_replaced(articles_dir: Path) -> None:
    """An item the self-audit drops is replaced by a spare one: asking for fewer items than
    the FAQ has still gives exactly that many."""
    for name in ["obituary", "feature", "court"]:
        ex = explain(articles_dir / f"{name}.txt", n=3)
        assert len(ex.faq) == 3, (name, ex.warnings)


def test_n_controls_faq_size(articles_dir: Path) -> None:
    ex = explain(articles_dir / "feature.txt", n=3)
    assert len(ex.faq) == 3
    with pytest.raises(NewsfaqError, match="n must be between"):
        explain(articles_dir / "feature.txt", n=0)
