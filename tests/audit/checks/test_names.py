"""Unit tests of the rule checks of names of people, organisations and places."""

from __future__ import annotations

import pytest

from newsfaq.audit.align import Aligner
from newsfaq.ingest.loader import paragraph_offsets
from newsfaq.models import Article
from newsfaq.text.nlp import analyze
from tests.audit.checks.support import checks


def test_unknown_name_and_content_words(aligner: Aligner) -> None:
    found = checks(aligner, "Governor Mark Stone praised the crews for their courage.")
    assert found.get("entities") == "unsupported"
    assert found.get("content") == "unsupported"


@pytest.mark.parametrize(
    "claim",
    [
        # lower-cased, tokenized summaries: "u.s." and a detached possessive
        "the u.s. navy said the patrol boat sank near port edda.",
        "Mara Quist ' fleet pulled 14 sailors from the water.",
    ],
)
def test_name_variants_are_found(news: Aligner, claim: str) -> None:
    assert "entities" not in checks(news, claim)


def test_accents_do_not_make_a_name_unknown() -> None:
    text = "Alexis Sánchez scored twice for the visitors on Saturday."
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text))))
    assert "entities" not in checks(al, "Alexis Sanchez scored twice on Saturday.")
    assert checks(al, "Alexis Santos scored twice on Saturday.").get("entities") == "unsupported"
