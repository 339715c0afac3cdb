"""Key points: extractive, stand-alone sentences, ranked, in document order."""

from __future__ import annotations

from pathlib import Path

from newsfaq.explain.keypoints import select_key_points, sentence_scores
from newsfaq.ingest.loader import load
from newsfaq.text.nlp import analyze


def test_key_points_are_sentences_in_order(articles_dir: Path) -> None:
    analysis = analyze(load(articles_dir / "feature.txt"))
    points = select_key_points(analysis, k=5)
    assert len(points) == 5
    texts = {s.text for s in analysis.sentences}
    assert all(p.text in texts for p in points)
    assert [p.evidence[0].start for p in points] == sorted(p.evidence[0].start for p in points)
    assert max(p.score for p in points) == 1.0


def test_lead_ranks_high_and_pronoun_openers_are_skipped(articles_dir: Path) -> None:
    analysis = analyze(load(articles_dir / "politics.txt"))
    scores = sentence_scores(analysis)
    assert len(scores) == len(analysis.sentences)
    ranked = sorted(range(len(scores)), key=lambda i: -scores[i])
    assert 0 in ranked[:3], "the lead is among the three most important sentences"
    for p in select_key_points(analysis, k=4):
        assert p.text.split()[0].lower() not in {"he", "she", "it", "they", "this"}


def test_short_text_gives_what_it_has() -> None:
    analysis = analyze(load("A fire closed the main road in Oakvale for six hours on Tuesday."))
    points = select_key_points(analysis, k=4)
    assert [p.text for p in points] == [analysis.sentences[0].text]


def test_sentences_leaning_on_the_previous_one_are_not_key_points() -> None:
    text = (
        "The regional assembly approved a rail bill worth 2.4 billion crowns on Thursday night. "
        "According to the finance office, that would amount to roughly 360 million crowns a year. "
        "He said the vote had been delayed twice by disputes over funding formulas. "
        "Construction of the first upgraded line between Harlow Bay and Eastmere begins in 2026."
    )
    points = [p.text for p in select_key_points(analyze(load(text)), k=4)]
    assert points == [
        "The regional assembly approved a rail bill worth 2.4 billion crowns on Thursday night.",
        "Construction of the first upgraded line between Harlow Bay and Eastmere begins in 2026.",
    ]


def test_labels_markers_captions_and_lead_ins_are_not_key_points() -> None:
    """A list marker and a short label are cut off the key point (its evidence starts after
    them); a caption with no verb, a speaker's interview line, a line that ends in a colon and
    a sentence opening with "Instead" are left out."""
    paras = [
        "The Harlow Bay council approved a new flood barrier worth 40 million crowns on Monday.",
        "- Work on the barrier will start at the northern harbour wall in April next year.",
        "Plan Ahead: Residents of the lower town can collect free sandbags from the depot.",
        "Mayor Ingrid Solberg at the harbour wall with engineers on Monday afternoon (Dec. 3)",
        "Joe: I have lived beside the harbour for thirty years and never seen water this high.",
        "The engineers listed the reasons the old barrier failed during the autumn storms:",
        "Instead, the council will raise the barrier by two metres along the whole harbour.",
    ]
    analysis = analyze(load("\n\n".join(paras)))
    points = select_key_points(analysis, k=7)
    texts = [p.text for p in points]
    work = "Work on the barrier will start at the northern harbour wall in April next year."
    assert work in texts
    assert "Residents of the lower town can collect free sandbags from the depot." in texts
    for p in points:
        assert analysis.article.text[p.evidence[0].start : p.evidence[0].end] == p.text
        assert not p.text.startswith(("- ", "Plan Ahead", "Mayor Ingrid", "Joe:", "Instead"))
        assert not p.text.endswith(":")
