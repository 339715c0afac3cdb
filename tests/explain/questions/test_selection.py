"""Selection: the gist first (no boilerplate, no dateline), distinct items, counted filters."""

from __future__ import annotations

from newsfaq.explain.faq import REASONS, run_faq
from newsfaq.explain.keypoints import select_key_points
from newsfaq.explain.questions.ranking import ranker
from newsfaq.explain.questions.selection import OVERVIEW, full_names_first, gist_item
from newsfaq.explain.selfcheck import check_qa
from newsfaq.ingest.loader import from_text
from newsfaq.models import QAItem
from newsfaq.text.nlp import analyze

_PAGE = (
    "Friend, thank you for reading us every day.\n\n"
    "WELLINGTON, New Zealand (AP) — The government will close three coal mines by 2030 under a "
    "plan approved by parliament on Tuesday, the energy minister said.\n\n"
    "Sign up for our newsletter to get the news first.\n\n"
    "The plan sets aside $200 million to retrain about 1,200 miners, according to the ministry. "
    "Mine owners said they would appeal the decision in court. "
    "The first mine, near Greymouth, will close in 2026."
)


def test_gist_is_the_lead_without_its_dateline_or_greeting() -> None:
    analysis = analyze(from_text(_PAGE))
    item = gist_item(analysis)
    assert item.question == OVERVIEW
    assert item.answer.startswith("The government will close three coal mines")
    span = item.evidence[0]
    assert analysis.article.text[span.start : span.end] == item.answer == span.text


def test_faq_counts_each_rejection_and_keeps_distinct_items() -> None:
    analysis = analyze(from_text(_PAGE))
    run = run_faq(analysis, [], n=8, check_all=True)
    assert run.items[0].answer.startswith("The government will close")
    assert set(run.rejected) <= set(REASONS)
    assert sum(run.rejected.values()) > 0
    sentences = [qa.evidence[0].sentence_id for qa in run.items[1:]]
    assert len(sentences) == len(set(sentences))  # one item per evidence sentence
    assert all("newsletter" not in qa.answer and "Friend" not in qa.answer for qa in run.items)
    assert 0.0 <= run.agreement <= 1.0


def test_key_points_leave_out_boilerplate() -> None:
    analysis = analyze(from_text(_PAGE))
    points = select_key_points(analysis, k=4)
    assert points
    for kp in points:
        assert "newsletter" not in kp.text and not kp.text.startswith("WELLINGTON")
        span = kp.evidence[0]
        assert analysis.article.text[span.start : span.end] == kp.text


def test_shipped_ranker_loads_with_its_threshold() -> None:
    model = ranker()
    assert model is not None
    assert 0.0 < model.threshold < 1.0
    assert 0.0 < model.prob({"bias": 1.0}) < model.threshold  # a featureless item is not kept


def test_gist_is_never_a_headline_or_a_fragment() -> None:
    analysis = analyze(
        from_text(
            "What Not to Ask or Say to a Grieving Friend\n\n"
            "this is a fix for the problem of the missing words in the middle of it.\n\n"
            "Grief counsellors in Leeds say friends often ask the wrong questions after a loss, "
            "and a new guide published on Monday lists the ten most common ones."
        )
    )
    assert gist_item(analysis).answer.startswith("Grief counsellors in Leeds say")


def _with_title(title: str) -> str:
    return f"Title: {title}\n\n{_PAGE}"


def test_gist_is_the_headline_when_the_article_has_one() -> None:
    title = "Parliament votes to close coal mines by 2030 | Harbour Times"
    analysis = analyze(from_text(_with_title(title)))
    assert analysis.article.meta.title == title
    item = gist_item(analysis)
    assert item.answer == "Parliament votes to close coal mines by 2030"
    (span,) = item.evidence
    assert span.source == "title" and span.sentence_id == -1
    assert title[span.start : span.end] == span.text == item.answer
    # and the self-check accepts a headline span (it is checked against the title)
    assert check_qa(item, analysis.article.text, title=title) == []
    assert check_qa(item, analysis.article.text) == ["evidence spans do not index the article"]


def test_gist_falls_back_to_the_lead_for_a_question_headline_and_drops_a_tag() -> None:
    asked = gist_item(analyze(from_text(_with_title("Will the coal mines close?"))))
    assert asked.evidence[0].source == "text"
    assert asked.answer.startswith("The government will close three coal mines")
    tagged = gist_item(analyze(from_text(_with_title("Coal mines to close by 2030 [VIDEO]"))))
    assert tagged.answer == "Coal mines to close by 2030"


def test_gist_falls_back_to_the_lead_for_a_headline_that_names_nothing() -> None:
    vague = gist_item(analyze(from_text(_with_title("They Look Harmless But Are Quite Dangerous"))))
    assert vague.evidence[0].source == "text"
    assert vague.answer.startswith("The government will close three coal mines")
    named = gist_item(analyze(from_text(_with_title("Theatre Reopens After Coal Mines Close"))))
    assert named.evidence[0].source == "title"


def test_a_person_is_named_in_full_the_first_time_the_faq_names_them() -> None:
    """ "When was Pooley discharged?" reads as "needs context" in a box that never introduced
    him: the first mention gets the full name the article gives, later ones keep the surname,
    and a name after a title ("Mrs Thatcher") or a first name stays as it is."""
    a = analyze(
        from_text(
            "Aid worker William Pooley was flown home in August. Pooley was discharged in "
            "September. Mrs Margaret Thatcher opened the ward in 1986."
        )
    )

    def item(question: str, answer: str) -> QAItem:
        return QAItem(question=question, answer=answer, kind="when", evidence=[], score=1.0)

    items = [
        item(OVERVIEW, "Aid worker William Pooley was flown home."),
        item("When was Pooley discharged?", "September"),
        item("When did Pooley fly home?", "August"),
        item("When did Mrs Thatcher open the ward?", "1986"),
    ]
    got = [it.question for it in full_names_first(items, a)]
    assert got[1:] == [
        "When was Pooley discharged?",  # the overview's answer names him in full
        "When did Pooley fly home?",
        "When did Mrs Thatcher open the ward?",
    ]
    items[0] = item(OVERVIEW, "An aid worker was flown home.")
    got = [it.question for it in full_names_first(items, a)]
    assert got[1:3] == ["When was William Pooley discharged?", "When did Pooley fly home?"]
    assert [it.answer for it in full_names_first(items, a)] == [it.answer for it in items]
