"""Unit tests of the rule checks, one check at a time."""

from __future__ import annotations

import pytest

from newsfaq.align import Aligner
from newsfaq.checks import check_claim, date_parts
from newsfaq.ingest import paragraph_offsets
from newsfaq.models import Article, ArticleMeta
from newsfaq.nlp import analyze, parse

TEXT = (
    "Officials estimated that about one-third of the 900 homes lost power on Monday.\n"
    "The utility could restore service by Friday, spokesperson Dana Kim said.\n"
    "Crews replaced 15 poles in each of 4 districts."
)


@pytest.fixture(scope="module")
def aligner() -> Aligner:
    """Aligner over the test text, dated 2024-02-10."""
    art = Article(
        meta=ArticleMeta(date="2024-02-10"), text=TEXT, paragraphs=paragraph_offsets(TEXT)
    )
    return Aligner(analyze(art))


def _checks(aligner: Aligner, claim: str) -> dict[str, str]:
    span = parse(claim)[:]
    result = check_claim(span, aligner.align(span).sentences, aligner)
    return {f.check: f.severity for f in result.findings}


def test_normalised_numbers_agree(aligner: Aligner) -> None:
    assert _checks(aligner, "Officials estimated that about 33% of the 900 homes lost power.") == {}


def test_changed_number_is_contradicted(aligner: Aligner) -> None:
    assert _checks(aligner, "Officials estimated that half of the 900 homes lost power.") == {
        "numbers": "contradicted"
    }


def test_derived_figure_is_accepted(aligner: Aligner) -> None:
    assert "numbers" not in _checks(aligner, "Crews replaced 60 poles in 4 districts.")


def test_exact_for_approximate_is_flagged(aligner: Aligner) -> None:
    found = _checks(aligner, "Exactly 300 of the 900 homes lost power on Monday.")
    assert "numbers" in found or "modality" in found


def test_wrong_weekday_is_contradicted(aligner: Aligner) -> None:
    assert _checks(aligner, "About one-third of the 900 homes lost power on Sunday.") == {
        "dates": "contradicted"
    }


def test_certainty_and_attribution(aligner: Aligner) -> None:
    assert _checks(aligner, "The utility will restore service by Friday, Dana Kim said.") == {
        "modality": "unsupported"
    }
    assert "attribution" in _checks(
        aligner, "The utility could restore service by Friday, the mayor said."
    )


def test_confirmed_for_estimated_is_flagged(aligner: Aligner) -> None:
    assert _checks(aligner, "Officials confirmed that one-third of the 900 homes lost power.") == {
        "modality": "unsupported"
    }


def test_unknown_name_and_content_words(aligner: Aligner) -> None:
    found = _checks(aligner, "Governor Mark Stone praised the crews for their courage.")
    assert found.get("entities") == "unsupported"
    assert found.get("content") == "unsupported"


def test_date_parts() -> None:
    parts = date_parts("on Friday, in March 2023, since 2022, may rise")
    assert [(p.weekday, p.month, p.year) for p in parts] == [
        (4, None, None),
        (None, 3, 2023),
        (None, None, 2022),
    ]


NEWS = (
    "The U.S. Navy said the patrol boat sank at 12:15 am on Saturday near Port Edda.\n"
    "Captain Mara Quist was named commander of the rescue fleet on Sunday.\n"
    "Rescuers pulled 14 sailors from the water, the Navy said."
)


@pytest.fixture(scope="module")
def news() -> Aligner:
    """Aligner over a short report with an abbreviation, a clock time and a passive."""
    return Aligner(analyze(Article(text=NEWS, paragraphs=paragraph_offsets(NEWS))))


@pytest.mark.parametrize(
    "claim",
    [
        # lower-cased, tokenized summaries: "u.s." and a detached possessive
        "the u.s. navy said the patrol boat sank near port edda.",
        "Mara Quist ' fleet pulled 14 sailors from the water.",
    ],
)
def test_name_variants_are_found(news: Aligner, claim: str) -> None:
    assert "entities" not in _checks(news, claim)


def test_clock_time_is_not_two_figures(news: Aligner) -> None:
    assert _checks(news, "The patrol boat sank at 12:15 am on Saturday.") == {}
    found = _checks(news, "The patrol boat sank at 2:15 am on Saturday.")
    assert found.get("numbers") == "contradicted"


def test_headline_passive_is_not_a_role_swap(news: Aligner) -> None:
    # "Quist named commander" is the headline form of "Quist was named commander"
    assert "roles" not in _checks(news, "Mara Quist named commander of the rescue fleet.")
    # with an object it is an active verb, and the roles are swapped
    found = _checks(news, "Mara Quist named the Navy commander of the rescue fleet.")
    assert found.get("roles") == "contradicted"
