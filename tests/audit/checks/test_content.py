"""Unit tests of the rule checks of content words absent from the original."""

from __future__ import annotations

from newsfaq.audit.align import Aligner
from newsfaq.audit.checks import check_claim
from newsfaq.text.nlp import parse
from tests.audit.checks.support import aligner_of, checks


def test_framing_words_are_not_unknown_content(aligner: Aligner) -> None:
    # a neutral reporting verb and a verb used as a preposition state no content of their own
    assert "content" not in checks(
        aligner, "Following the outage, the utility announced that crews replaced 15 poles."
    )
    # new words besides them still count (and make an added event of the clause they form)
    assert checks(aligner, "Crews replaced 15 poles following a fierce blizzard.") == {
        "content": "unsupported",
        "clauses": "unsupported",
    }


def test_speaker_and_repeated_words_are_not_counted_as_content(
    aligner: Aligner, bridge: Aligner
) -> None:
    # who says it is the attribution check's; a word repeated is one unknown word
    assert "content" not in checks(bridge, "Local engineers said the repairs will cost $2 million.")
    assert "content" not in checks(aligner, "Crews replaced 15 steel poles with steel.")
    found = checks(aligner, "Crews replaced 15 steel poles with concrete.")
    assert found.get("content") == "unsupported"


def test_a_verb_framing_its_complement_is_not_what_happened(aligner: Aligner) -> None:
    # "hopes to restore": the complement says what happens, and the original states it
    assert "content" not in checks(aligner, "The utility hopes to restore service by Friday.")
    found = checks(aligner, "The utility abandoned service on Friday.")
    assert found.get("content") == "unsupported"


def test_a_main_verb_reworded_is_not_a_new_event() -> None:
    text = "Del Potro beat Stan Wawrinka in four sets at Wimbledon on Saturday."
    al = aligner_of(text)
    assert "content" not in checks(al, "Del Potro overcame Stan Wawrinka in four sets.")
    # a verb the original lacks, with content the evidence does not state, is still an event
    found = checks(al, "Del Potro insulted the umpire at Wimbledon.")
    assert found.get("content") == "unsupported"


def test_a_main_verb_reworded_in_the_passive_is_not_a_new_event() -> None:
    al = aligner_of("The treasurer moved donations into a bank account that he controlled.")
    assert "content" not in checks(al, "Donations were shifted into a bank account he controlled.")


def test_an_object_the_evidence_states_in_a_that_clause_is_the_same_participant() -> None:
    al = aligner_of(
        "In March, a new auditor noticed that invoices from a catering firm had no deliveries."
    )
    claim = "In March, a new auditor spotted invoices from a catering firm with no deliveries."
    assert "content" not in checks(al, claim)


def test_words_of_an_faq_question_are_not_content_of_the_answer() -> None:
    text = "A Ministry of Defence spokesman said a strict no touching rule is in place at sea."
    al = aligner_of(text)
    question = parse("Is physical contact banned on ships at sea?")[:]
    span = parse("Yes.")[:]
    result = check_claim(span, al.align(span, question).sentences, al, question=question)
    assert [f.check for f in result.findings] == [], result.findings


def test_words_close_in_meaning_to_the_evidence_are_found() -> None:
    text = (
        "The debate on the bill lasted past midnight and split the ruling coalition.\n"
        "Rain fell all week."
    )
    al = aligner_of(text)
    span = parse("The debate on the bill ran beyond midnight and divided the ruling coalition.")[:]
    result = check_claim(span, al.align(span).sentences, al)
    assert "content" not in {f.check for f in result.findings}
    assert any("“divided” read as “split”" in n for n in result.notes), result.notes
    # a word close in meaning to nothing of the evidence is still new content
    found = checks(al, "The debate on the bill ran beyond midnight and divided the party's donors.")
    assert found.get("content") == "unsupported"


def test_a_direction_reversed_is_not_matched_by_meaning() -> None:
    al = aligner_of("Prices rose sharply in May after the council approved the levy.")
    found = checks(al, "Prices fell sharply in May after the council approved the levy.")
    assert found.get("negation") == "contradicted"
    # "plunged" is close to "rose" in the vectors (0.73) and not in the antonym table of the
    # negation check: it stays a word the original lacks
    span = parse("Prices plunged sharply in May after the council approved the levy.")[:]
    result = check_claim(span, al.align(span).sentences, al)
    assert not any("read as" in n for n in result.notes), result.notes


def test_a_word_the_original_uses_elsewhere_is_not_matched_by_meaning() -> None:
    # "appeal" is close to "conviction" in the vectors; the original uses "appeal" itself in
    # another sentence, so the evidence's "conviction" is no rewording of it
    al = aligner_of("The court upheld the conviction on Monday.\nAn appeal is open, they said.")
    span = parse("The court upheld the appeal on Monday.")[:]
    evidence = al.align(span).sentences[:1]
    assert evidence[0].id == 0
    result = check_claim(span, evidence, al)
    assert not any("read as" in n for n in result.notes), result.notes
    assert result.coverage < 1.0


def test_a_gloss_in_brackets_is_no_new_content() -> None:
    al = aligner_of(
        "Keepers first suspected that Tsering was pregnant in April, when she began spending "
        "longer in her den."
    )
    plain = (
        "Keepers first suspected that Tsering was pregnant in April, when she began spending "
        "longer in her den"
    )
    glossed = plain.replace("den", "den (a safe, hidden resting place)")
    assert "content" not in checks(al, glossed + ".")
    added = plain + " with her three brothers and the zookeeper's dog Rufus."
    assert checks(al, added).get("content")


def test_a_figure_s_own_verb_is_no_new_event() -> None:
    al = aligner_of(
        "The price of cocoa beans rose to 9,850 dollars a tonne on Thursday, the highest level "
        "in 14 months, as poor harvests pushed up costs for chocolate makers."
    )
    claim = (
        "The climb in cocoa prices to 9,850 dollars a tonne on Thursday marked the highest level."
    )
    assert "content" not in checks(al, claim)
    assert checks(al, "Cocoa growers protested on Thursday.").get("content")


def test_generic_words_are_no_new_content() -> None:
    al = aligner_of("Officials said orthopaedics and eye surgery had the longest delays this year.")
    reworded = "Orthopaedics and eye surgery have been the worst affected areas."
    assert "content" not in checks(al, reworded)
    invented = "Orthopaedics and eye surgery have been hit by angry strikes."
    assert checks(al, invented).get("content")


def test_an_instruction_to_the_reader_is_no_content() -> None:
    al = aligner_of("The ice rink in Brackenford will close for the winter, the council said.")
    for claim in (
        "If you've been skating in Brackenford this winter, brace yourself for some bad news.",
        "Mark your calendar: the ice rink in Brackenford will close for the winter.",
    ):
        assert "content" not in checks(al, claim), claim
    # what the instruction introduces is still read ("the school" is not the rink)
    words = checks(al, "Brace yourself: the council will close the school and the library.")
    assert words.get("content") == "unsupported", words


def test_words_of_an_idiom_or_of_an_aside_to_readers_are_no_new_content() -> None:
    al = aligner_of("The port handles between 1,900 and 2,100 vessel calls a year.")
    claim = (
        "The port, for the information of readers, handles between 1,900 and 2,100 vessel "
        "calls in the course of a year."
    )
    assert "content" not in checks(al, claim)
    course = "The port handles between 1,900 and 2,100 vessel calls on its training course."
    assert checks(al, course)  # a course of its own is news
