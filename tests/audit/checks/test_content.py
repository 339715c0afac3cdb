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
    # new words besides them still count
    assert checks(aligner, "Crews replaced 15 poles following a fierce blizzard.") == {
        "content": "unsupported"
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


def test_words_of_an_faq_question_are_not_content_of_the_answer() -> None:
    text = "A Ministry of Defence spokesman said a strict no touching rule is in place at sea."
    al = aligner_of(text)
    question = parse("Is physical contact banned on ships at sea?")[:]
    span = parse("Yes.")[:]
    result = check_claim(span, al.align(span, question).sentences, al, question=question)
    assert [f.check for f in result.findings] == [], result.findings
