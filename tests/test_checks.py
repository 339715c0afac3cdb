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
