"""Reader questions: each fixed question, the phrase that answers it at its offsets, and the
names it refuses (a person, a claim, a title cut by the sentence opening, an acronym used once)."""

from __future__ import annotations

from newsfaq.explain.faq import run_faq
from newsfaq.explain.questions.candidates import Candidate
from newsfaq.explain.questions.reader import reader_candidates
from newsfaq.explain.questions.syntax import Resolver
from newsfaq.ingest.loader import from_text
from newsfaq.text.facts import extract_facts
from newsfaq.text.nlp import analyze


def _reader(text: str) -> dict[str, Candidate]:
    analysis = analyze(from_text(text))
    got = reader_candidates(analysis, Resolver(analysis.doc))
    for c in got:  # every answer is article text at its offsets
        assert analysis.article.text[c.answer_start : c.answer_end] == c.answer
        assert c.templated
    return {c.question: c for c in got}


def test_acronym_used_again_is_spelled_out() -> None:
    got = _reader(
        "The New York Attorney General (NYAG) sued Acme Corp on Monday. "
        "The NYAG said the case was the largest of its kind."
    )
    assert got["What does NYAG stand for?"].answer == "New York Attorney General"
    assert got["What does NYAG stand for?"].kind == "stands_for"
    linked = _reader(
        "The Food and Drug Administration (FDA) approved the drug on Monday. "
        "The FDA said the trial met its goals."
    )
    assert linked["What does FDA stand for?"].answer == "Food and Drug Administration"
    once = _reader("The Federal Aviation Administration (FAA) grounded the jets on Monday.")
    assert not [q for q in once if "stand for" in q]  # used once: nothing to look up
    wrong = _reader("The city (NYC) sued Acme on Monday. NYC said the case was large.")
    assert not [q for q in wrong if "stand for" in q]  # the words before do not spell it


def test_organisation_defined_by_apposition_not_a_person_or_a_claim() -> None:
    got = _reader(
        "Acme, a maker of garden tools, bought the plant in 2019. "
        "Jane Roe, a teacher at the local school, filed the complaint. "
        "Brightline is a company that cares about its neighbours."
    )
    assert got["What is Acme?"].answer == "a maker of garden tools"
    assert got["What is Acme?"].kind == "what_is"
    assert not [q for q in got if "Roe" in q or "Brightline" in q], sorted(got)


def test_no_definition_of_a_title_cut_by_the_sentence_opening() -> None:
    got = _reader(
        "In Bloom, a Georgian drama about two girls, opens on Friday. "
        "Critics praised the film at its premiere in Berlin."
    )
    assert not [q for q in got if "Bloom" in q], sorted(got)


def test_reader_item_reaches_the_faq_with_its_sentence() -> None:
    text = (
        "Harbourton's council approved a new tram line on Tuesday after a two-year debate. "
        "The line will cost 84 million euros and link the station with the university. "
        "Councillors voted 31 to 12 in favour of the plan. "
        "Opponents said the money should go to buses instead. "
        "The Harbour Business Association (HBA), a group of 200 shop owners, welcomed it. "
        "The HBA had campaigned for the line since 2019."
    )
    analysis = analyze(from_text(text))
    items = run_faq(analysis, extract_facts(analysis), n=8).items
    by_q = {qa.question: qa for qa in items}
    reader = [
        q
        for q in by_q
        if q in {"What is the Harbour Business Association?", "What does HBA stand for?"}
    ]
    assert reader, sorted(by_q)
    qa = by_q[reader[0]]
    assert qa.answer in {"a group of 200 shop owners", "Harbour Business Association"}
    ev = qa.evidence[0]
    assert qa.answer in analysis.article.text[ev.start : ev.end]
