"""Unit tests of the rule checks of relations (who did what to whom)."""

from __future__ import annotations

from newsfaq.audit.align import Aligner
from tests.audit.checks.support import checks


def test_headline_passive_is_not_a_role_swap(news: Aligner) -> None:
    # "Quist named commander" is the headline form of "Quist was named commander"
    assert "roles" not in checks(news, "Mara Quist named commander of the rescue fleet.")
    # with an object it is an active verb, and the roles are swapped
    found = checks(news, "Mara Quist named the Navy commander of the rescue fleet.")
    assert found.get("roles") == "contradicted"
