"""Overgenerated FAQ candidates of a sentence: kinds, whole-constituent answers, what-if."""

from __future__ import annotations

import re

from newsfaq.explain.questions import (
    Resolver,
    sentence_candidates,
)
from newsfaq.text.nlp import parse
from tests.explain.questions.helpers import _DANGLING, _by_question, _cands


def test_sentence_candidates_cover_the_kinds() -> None:
    doc = parse(
        "Officials estimated that approximately 120,000 soldiers have died since the start "
        "of the war, prompting the minister to call for new recruits."
    )
    cands = sentence_candidates(next(doc.sents), Resolver(doc))
    by_q = {c.question: (c.kind, c.answer) for c in cands}
    assert by_q[
        "How many soldiers have died since the start of the war, according to officials?"
    ] == ("how_many", "approximately 120,000")
    assert by_q["What did the minister call for?"] == ("said", "new recruits")
    for c in cands:
        assert doc.text[c.answer_start : c.answer_end] == c.answer
        assert c.question.endswith("?")


def test_what_if_with_group_pronoun() -> None:
    text = (
        "The region has struggled to meet its quota. "
        "The governor warns of repercussions if they fail to fulfill the quota."
    )
    doc = parse(text)
    sents = list(doc.sents)
    cands = sentence_candidates(sents[1], Resolver(doc))
    what_if = [c for c in cands if c.kind == "what_if"]
    assert [c.question for c in what_if] == [
        "What happens if the region fails to fulfill the quota?"
    ]
    # the answer is the consequence, without the condition
    assert what_if[0].answer == "The governor warns of repercussions"


def test_answers_are_whole_constituents_and_keep_amounts_whole() -> None:
    cands = _cands(
        "The state will cover 60 percent of the cost, or $108 million, under its resilience "
        "fund. The club paid 45 percent of the bill, or £2 million, last year."
    )
    assert cands
    for q, a in cands:
        assert a.split()[-1].lower() not in _DANGLING, (q, a)
        assert not a.rstrip().endswith(("$", "£", ",")), (q, a)
        # an amount is never cut between the question and the answer
        for amount in ("108 million", "2 million"):
            assert not (amount in q and amount not in a), (q, a)


def test_infinitival_answer_keeps_its_governing_verb() -> None:
    cands = _cands(
        "The judge ordered Dalton to repay $4.5 million within a year. "
        "The board plans to hire 30 new inspectors."
    )
    assert cands
    for q, a in cands:
        if a in {"$4.5 million", "30"}:
            low = q.lower()
            assert "order" in low or "plan" in low, (q, a)
    assert all(q not in {"How much did Dalton repay?"} for q, _ in cands)


def test_answer_drops_speech_tag_and_keeps_quotes_balanced() -> None:
    cands = _cands(
        '"If the grant is cut next year, this will be the first service we close," he said. '
        'Anna Berg told reporters that the plan was "the best deal in a decade."'
    )
    answers = [a for _, a in cands]
    assert any(a.startswith("this will be the first service") for a in answers), cands
    for q, a in cands:
        assert not re.search(r"\bsaid$", a), (q, a)
        assert a.count('"') % 2 == 0 and a.count("“") == a.count("”"), (q, a)


def test_role_word_before_a_name_is_lower_cased_inside_a_question() -> None:
    questions = [
        q
        for q, _ in _cands(
            "Striker Tomas Veld set up Ole Berg for the first goal in the 58th minute. "
            "Judge Ana Ruiz sentenced Veld's brother to two years."
        )
    ]
    assert any("did striker Tomas Veld set up" in q for q in questions), questions
    assert any("did Judge Ana Ruiz sentence" in q for q in questions), questions
    assert not any(" Striker " in q or "judge Ana" in q for q in questions), questions


def test_leading_speech_tag_and_misread_adjective() -> None:
    cands = _cands(
        "Meridian reported higher sales on Wednesday. Frozen meals, which account for a third "
        "of sales, grew 11 percent in the quarter. If the figures do not improve, she said, "
        "the city may consider adding a second ambulance next year."
    )
    by_q = dict(cands)
    assert by_q.get("What percentage did frozen meals grow in the quarter?") == "11 percent"
    what_if = [a for q, a in cands if q.startswith("What happens if")]
    assert what_if and all(a.startswith("the city may consider") for a in what_if), cands


def test_what_if_answer_is_the_consequence_without_the_condition() -> None:
    # leading condition after an attribution: the answer is the clause after the condition
    by_q = _by_question(
        "The report estimates that if rainfall keeps falling, the Brenna reservoir could run "
        "dry by 2031."
    )
    assert by_q["What happens if rainfall keeps falling?"] == (
        "what_if",
        "the Brenna reservoir could run dry by 2031",
    )
    # trailing condition: the contiguous text before it, attribution included
    by_q = _by_question(
        "The mayor said the town would open a second clinic if the region paid half the cost."
    )
    assert by_q["What happens if the region paid half the cost?"][1] == (
        "The mayor said the town would open a second clinic"
    )
    # "only if": the focus adverb stays out of the question
    by_q = _by_question("The union will sign the deal only if the company drops the pay freeze.")
    assert by_q["What happens if the company drops the pay freeze?"][1] == (
        "The union will sign the deal"
    )


def test_what_if_without_a_contiguous_consequence_is_not_asked() -> None:
    for text in (
        # the condition sits in a relative clause
        "The ferry runs twice a day, and a cargo boat that sails on Fridays if the sea is calm.",
        # the condition splits its clause in two
        "The council, if the grant is cut, will close the Oakmere library.",
    ):
        assert not [k for k, _ in _by_question(text).values() if k == "what_if"], text


def test_answer_drops_a_trailing_nonrestrictive_relative_clause() -> None:
    by_q = _by_question(
        "Rovena Telecom hired Ana Pell, who ran the rival Kesto network for a decade."
    )
    assert by_q["Who did Rovena Telecom hire?"][1] == "Ana Pell"
    by_q = _by_question(
        "The town council approved new harbour lights, which cost 40,000 euros, on Monday."
    )
    assert all(", which" not in a for _, a in by_q.values()), by_q


def test_a_name_the_tagger_missed_keeps_its_capital() -> None:
    """ "Redmoor" opens the sentence and is tagged as an adjective, but the article writes it
    with a capital inside a sentence too: it is a name, not a word to lower-case."""
    questions = [
        q
        for q, _ in _cands(
            "The final was decided late. Redmoor coach Ian Tosh said his side lost focus because "
            "they had played 120 minutes on Wednesday. Fans of Redmoor left early."
        )
    ]
    assert any("Redmoor coach" in q for q in questions), questions
    assert not any("redmoor" in q for q in questions), questions


def test_a_figure_s_earlier_value_is_not_carried_into_the_question() -> None:
    text = (
        "Norland Research has projected that ad spending will hit close to $10 billion by year "
        "2026 well up from $4.8 billion spent in 2022."
    )
    questions = [q for q, a in _cands(text) if a == "close to $10 billion"]
    assert questions, _cands(text)
    assert not any("up from" in q for q in questions), questions


def test_a_subject_share_is_asked_with_its_whole() -> None:
    """ "[More than 80% of phones] run X" asks "What percentage of phones ...?", not the
    garbled "What percentage run X?" (a share only means something of its whole)."""
    got = _by_question("More than 80% of the phones sold last year run the new software.")
    assert got["What percentage of the phones sold last year run the new software?"] == (
        "how_much",
        "More than 80% of the phones sold last year",
    )
    assert not [q for q in got if q.startswith("What percentage run")], sorted(got)
    # the whole keeps its words as written
    mexican = _by_question("About 44% of Mexican immigrants could apply for the programme.")
    assert "What percentage of Mexican immigrants could apply for the programme?" in mexican
    # a share that is not the subject keeps the plain question word
    assert "What percentage did sales rise in May?" in _by_question("Sales rose 5% in May.")


def test_a_name_the_question_already_says_is_not_repeated_for_its_possessive() -> None:
    """ "She stepped down from her position" asks "When did Driebusch step down from his
    position?", not "... from Driebusch's position?" (raters called the doubled name garbled)."""
    text = "Tom Driebusch led the firm for a decade. He stepped down from his position last month."
    questions = [q for q, a in _cands(text) if a == "last month"]
    assert "When did Driebusch step down from his position?" in questions, _cands(text)
    assert not [q for q, _ in _cands(text) if q.count("Driebusch") > 1], _cands(text)


def test_a_verb_coordinated_with_the_answer_s_complement_is_left_out() -> None:
    text = "Work is scheduled to begin in March 2026 and to be completed by the end of 2030."
    questions = [q for q, a in _cands(text) if a == "March 2026"]
    assert "When is work scheduled to begin?" in questions, _cands(text)
    assert not [q for q in questions if "completed" in q], questions


def test_a_reason_on_an_outcome_verb_is_asked_why() -> None:
    by_q = dict(
        _cands(
            "Shares in Harwick Foods ended flat on Tuesday as weaker regional shares offset "
            "optimism over the merger. The company cut 300 jobs at its Leeds plant on "
            "Monday, citing weak demand for its vans. Orders worth 410,000 euros were "
            "cancelled after the ban."
        )
    )
    assert by_q["Why did shares in Harwick Foods end flat on Tuesday?"] == (
        "weaker regional shares offset optimism over the merger"
    )
    assert by_q["Why did the company cut 300 jobs at its Leeds plant on Monday?"] == (
        "citing weak demand for its vans"
    )
    assert by_q["Why were orders worth 410,000 euros cancelled?"] == "the ban"


def test_as_and_after_of_time_are_not_reasons() -> None:
    # "as" and "after" on a verb that is no outcome, or a time after "after": no "why"
    cands = _cands(
        "Maria Lentz read the letter aloud as the crowd listened. The mayor resigned after "
        "two years in office."
    )
    assert not [q for q, _ in cands if q.startswith("Why")], cands


def test_a_source_tag_at_the_end_is_cut_from_a_reason() -> None:
    by_q = dict(
        _cands(
            "Mayor Ann Cole delayed the tram vote because she feared the cost would rise "
            "to 40 million pounds, newly released files show."
        )
    )
    assert by_q["Why did Mayor Ann Cole delay the tram vote?"] == (
        "she feared the cost would rise to 40 million pounds"
    )
