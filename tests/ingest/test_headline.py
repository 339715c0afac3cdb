"""The headline as a span of the page title: site names, datelines and tags cut off."""

from __future__ import annotations

import pytest

from newsfaq.ingest.headline import headline_span
from newsfaq.models import ArticleMeta


def _headline(title: str | None, site: str | None = None) -> str | None:
    meta = ArticleMeta(title=title, site=site)
    span = headline_span(meta)
    return None if span is None or title is None else title[span[0] : span[1]]


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        (
            "Ferry adds a night service | The Harbour Times",
            "The Harbour Times",
            "Ferry adds a night service",
        ),
        (
            "Ferry adds a night service - Harbour Times",
            "harbourtimes.com",
            "Ferry adds a night service",
        ),
        (
            "Council approves new budget | Town News | Town News",
            None,
            "Council approves new budget",
        ),
        (
            "Everything to know before buying a bike: GQ",
            "GQ",
            "Everything to know before buying a bike",
        ),
        (
            "OAKVILLE: Mayor opens the new library, officials say",
            None,
            "Mayor opens the new library, officials say",
        ),
        ("Mill closes after 80 years", None, "Mill closes after 80 years"),
        # a short title with no separator is a headline, not a site label
        ("Harbourton's New Ferry Kings", "harbourtimes.com", "Harbourton's New Ferry Kings"),
        ("Storm Hits Coast", None, "Storm Hits Coast"),
        # a colon inside a headline is kept when what follows is not the site
        (
            "Oil prices and rates: What to watch in 2030",
            "The Ledger",
            "Oil prices and rates: What to watch in 2030",
        ),
    ],
)
def test_headline_span_cuts_site_and_dateline(title: str, site: str | None, expected: str) -> None:
    assert _headline(title, site) == expected


@pytest.mark.parametrize(
    ("title", "site"),
    [
        (None, None),
        ("   ", None),
        ("Harbour Times", "Harbour Times"),
        ("Harbour Times", "harbourtimes.com"),
    ],
)
def test_no_headline_without_a_title_of_its_own(title: str | None, site: str | None) -> None:
    assert _headline(title, site) is None
