"""Unit tests of the rule checks of negation, modality and certainty."""

from __future__ import annotations

from newsfaq.audit.align import Aligner
from tests.audit.checks.support import aligner_of, checks


def test_certainty_and_attribution(aligner: Aligner) -> None:
    assert checks(aligner, "The utility will restore service by Friday, Dana Kim said.") == {
        "modality": "unsupported"
    }
    assert "attribution" in checks(
        aligner, "The utility could restore service by Friday, the mayor said."
    )


def test_confirmed_for_estimated_is_flagged(aligner: Aligner) -> None:
    assert checks(aligner, "Officials confirmed that one-third of the 900 homes lost power.") == {
        "modality": "unsupported"
    }


def test_the_month_may_is_not_a_hedge() -> None:
    text = "Last May, three women became the first female submariners in the Royal Navy."
    al = aligner_of(text)
    claim = "Three women became the first female submariners in the Royal Navy last year."
    assert "modality" not in checks(al, claim)


def test_a_hedge_added_is_flagged() -> None:
    text = "The report found that the agency is stretched beyond its limits."
    al = aligner_of(text)
    assert "modality" not in checks(al, "The report found the agency is stretched too far.")
    found = checks(al, "The report found the agency may be stretched beyond its limits.")
    assert found.get("modality") == "unsupported"
