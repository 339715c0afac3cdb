"""Credit line composition."""

from __future__ import annotations

from newsfaq.ingest.credit import credit_line
from newsfaq.models import ArticleMeta


def test_credit_uses_whatever_is_known() -> None:
    meta = ArticleMeta(title="Dam repairs", site="Valley Post", url="https://example.com/a")
    assert (
        credit_line(meta) == 'Original article: "Dam repairs", Valley Post, https://example.com/a'
    )
    assert credit_line(ArticleMeta(author="J. Doe")) == "Original article: by J. Doe"


def test_credit_falls_back_to_the_found_line() -> None:
    assert credit_line(ArticleMeta(), "Source: Riverside Gazette") == "Source: Riverside Gazette"
    assert credit_line(ArticleMeta()) is None
