"""Tests of aligning claims to the sentences of the original."""

from __future__ import annotations

from newsfaq.audit.align import Aligner, WordIndex, content_tokens, synonyms
from newsfaq.ingest.loader import from_text
from newsfaq.text.nlp import analyze, parse

TEXT = (
    "Heavy rain closed three roads in Elmford on Tuesday.\n"
    "The mayor, Ann Lee, said repairs would cost about $2 million.\n"
    "Schools reopened on Thursday after the water receded.\n"
    "Ann Lee added that the state would pay half of the repair bill."
)


def test_best_sentence_is_found_for_a_paraphrase() -> None:
    al = Aligner(analyze(from_text(TEXT)))
    result = al.align(parse("Mayor Ann Lee estimated the repairs at roughly $2 million.")[:])
    assert result.sentences[0].id == 1
    assert 0.5 <= result.similarity <= 1.0


def test_merged_claim_gets_several_sentences() -> None:
    al = Aligner(analyze(from_text(TEXT)))
    claim = parse("Roads closed in Elmford on Tuesday and schools reopened on Thursday.")[:]
    ids = {s.id for s in al.align(claim).sentences}
    assert {0, 2} <= ids


def test_word_index_matches_paraphrases_and_stems() -> None:
    doc = parse("Recruitment of soldiers started as troops died.")
    index = WordIndex.of(doc)
    for word in ("recruiting", "begin", "soldier", "death"):
        assert index.has_word(word), word
    for word in ("convince", "enlist"):
        assert not index.has_word(word), word


def test_word_index_matches_derived_nouns_and_abbreviations() -> None:
    index = WordIndex.of(parse("The U.S. agency will close the plant if the talks fail."))
    for word in ("closure", "failure", "u.s", "us"):
        assert index.has_word(word), word
    for word in ("clothing", "fault", "sure"):
        assert not index.has_word(word), word


def test_word_index_finds_words_inside_glued_tokens_and_abbreviations() -> None:
    index = WordIndex.of(parse("(HLN)HLN aired the talk. Cassandra C. lives in St. John."))
    for word in ("hln", "st", "c", "st."):
        assert index.has_word(word), word
    assert not index.has_word("hl")


def test_the_noun_of_in_a_row_is_no_content_word() -> None:
    """ "seven games in a row" says "seven consecutive games": "row" is not a word the
    original must use; "a row broke out" is a row."""
    idiom = parse("Athletic lost seven games in a row.")
    assert "row" not in {t.lower_ for t in content_tokens(idiom)}
    quarrel = parse("A row broke out over the budget.")
    assert "row" in {t.lower_ for t in content_tokens(quarrel)}


def test_news_paraphrases_of_hedges_and_titles_are_synonyms() -> None:
    from newsfaq.audit.align import synonyms

    assert synonyms("believe", "think") and synonyms("director", "chief")
    assert not synonyms("believe", "know") and not synonyms("director", "deputy")


def test_people_for_staff_in_content_too() -> None:
    assert synonyms("people", "staff") and synonyms("staff", "people")
    assert not synonyms("staff", "resident")


def test_the_multiplier_of_a_figure_is_no_content_word() -> None:
    words = [t.text for t in content_tokens(parse("The firm lost £19m and raised $2 bn."))]
    assert "m" not in words and "bn" not in words, words
    assert {"firm", "lost", "raised"} <= set(words), words


def test_a_figures_glued_scale_or_unit_is_no_content_word() -> None:
    doc = parse("The club needs £780k to fix the 3.8ha site, and 50 mph winds are forecast.")
    words = [t.text for t in content_tokens(doc)]
    assert "780k" not in words and "ha" not in words
    assert "mph" in words and "site" in words  # a unit written apart is a word of its own


def test_a_scale_written_short_at_a_sentence_end_is_part_of_its_figure() -> None:
    # the tokenizer keeps "m." of "£3.4m." whole, as if an abbreviation
    words = [t.text for t in content_tokens(parse("The rebuild will cost £3.4m."))]
    assert "m." not in words and "rebuild" in words, words
