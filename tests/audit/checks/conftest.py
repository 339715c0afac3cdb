"""Shared articles and aligners of the rule-check tests (one test module per family)."""

from __future__ import annotations

import pytest

from newsfaq.audit.align import Aligner
from newsfaq.ingest.loader import paragraph_offsets
from newsfaq.models import Article, ArticleMeta
from newsfaq.text.nlp import analyze

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


NEWS = (
    "The U.S. Navy said the patrol boat sank at 12:15 am on Saturday near Port Edda.\n"
    "Captain Mara Quist was named commander of the rescue fleet on Sunday.\n"
    "Rescuers pulled 14 sailors from the water, the Navy said."
)


@pytest.fixture(scope="module")
def news() -> Aligner:
    """Aligner over a short report with an abbreviation, a clock time and a passive."""
    return Aligner(analyze(Article(text=NEWS, paragraphs=paragraph_offsets(NEWS))))


APPEAL = "The appeal raised £50,000 via an online page in two days, organisers said."


@pytest.fixture(scope="module")
def appeal() -> Aligner:
    """Aligner over a one-sentence report with a sum of money."""
    return Aligner(analyze(Article(text=APPEAL, paragraphs=paragraph_offsets(APPEAL))))


BRIDGE = (
    "The highways department said on Monday that the Kell Bridge would close for repairs.\n"
    "The repairs will cost $2 million and take six weeks.\n"
    '"Traffic will use the ferry," Mayor Ann Lee said.\n'
    '"The ferry runs every hour," she said.'
)


@pytest.fixture(scope="module")
def bridge() -> Aligner:
    """Aligner over a report whose credits are in another sentence or given by a pronoun."""
    return Aligner(analyze(Article(text=BRIDGE, paragraphs=paragraph_offsets(BRIDGE))))
