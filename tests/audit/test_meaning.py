"""Tests of matching content words by meaning (word vectors with guards)."""

from __future__ import annotations

import pytest

from newsfaq.audit.align import Aligner
from newsfaq.audit.meaning import MEANING_THRESHOLD, MeaningIndex, can_match, opposite
from newsfaq.ingest.loader import from_text
from newsfaq.text.nlp import analyze, parse

TEXT = (
    "Officials said the storm damaged homes in Elmford on Monday.\n"
    "Prices rose by 40 percent after the mayor approved the plan.\n"
    "The teacher thanked the parents."
)


@pytest.fixture(scope="module")
def index() -> MeaningIndex:
    return Aligner(analyze(from_text(TEXT))).meaning


def _tok(text: str, word: str):  # type: ignore[no-untyped-def]
    return next(t for t in parse(text) if t.text == word)


def test_a_word_close_in_meaning_is_matched(index: MeaningIndex) -> None:
    claim = "Officials warned that the storm harmed homes."
    assert index.match(_tok(claim, "warned")) == "said"
    # "harmed"/"damaged" 0.70: below the threshold, matched only with a lower one
    assert index.match(_tok(claim, "harmed")) is None
    assert index.match(_tok(claim, "harmed"), threshold=0.65) in {"damage", "damaged"}


def test_opposites_are_never_matched(index: MeaningIndex) -> None:
    # "fell" is as close to "rose" as a synonym would be; "rejected" to "approved"
    assert index.match(_tok("Prices fell by 40 percent.", "fell"), threshold=0.0) is None
    assert index.match(_tok("The mayor rejected the plan.", "rejected"), threshold=0.0) is None
    assert opposite("rise", "fall") and opposite("fall", "rise")
    assert opposite("legal", "illegal") and opposite("disagree", "agree")
    assert not opposite("warn", "say")


def test_figures_dates_names_and_modality_are_never_matched() -> None:
    doc = parse("On Tuesday, Mayor Ann Lee said 40 homes could not be repaired and prices rose.")
    allowed = {t.text for t in doc if can_match(t)}
    assert allowed == {"said", "repaired", "prices"}  # "homes" is the figure's unit
    # a capitalised word inside a sentence reads as a name; a comparative is a direction
    assert not can_match(_tok("He met Hope at the Station.", "Station"))
    assert not can_match(_tok("Prices were higher.", "higher"))
    assert not can_match(_tok("His wife spoke.", "wife"))


def test_a_word_the_claim_uses_is_no_counterpart_for_another(index: MeaningIndex) -> None:
    # "student" is close to "teacher"; the claim names the teacher itself
    claim = "The teacher thanked the student."
    tok = _tok(claim, "student")
    assert index.match(tok, taken=frozenset({"teacher"}), threshold=0.0) != "teacher"


def test_matches_only_within_the_given_sentences(index: MeaningIndex) -> None:
    tok = _tok("Officials warned of delays.", "warned")
    assert index.match(tok, within=frozenset({0})) == "said"
    assert index.match(tok, within=frozenset({1, 2})) is None


def test_threshold_is_a_similarity() -> None:
    assert 0.0 < MEANING_THRESHOLD < 1.0
