"""Unit tests of the rule checks of relations (who did what to whom)."""

from __future__ import annotations

from newsfaq.audit.align import Aligner
from tests.audit.checks.support import aligner_of, checks


def test_headline_passive_is_not_a_role_swap(news: Aligner) -> None:
    # "Quist named commander" is the headline form of "Quist was named commander"
    assert "roles" not in checks(news, "Mara Quist named commander of the rescue fleet.")
    # with an object it is an active verb, and the roles are swapped
    found = checks(news, "Mara Quist named the Navy commander of the rescue fleet.")
    assert found.get("roles") == "contradicted"


def test_a_name_with_another_verb_is_a_rewording_not_a_swap() -> None:
    text = "Del Potro will play Nick Kyrgios in the third round on Monday."
    al = aligner_of(text)
    assert "roles" not in checks(al, "Nick Kyrgios will face Del Potro in the third round.")
    assert checks(al, "Nick Kyrgios will play Del Potro in the third round.").get("roles")
