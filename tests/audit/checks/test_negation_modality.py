"""Unit tests of the rule checks of negation, modality and certainty."""

from __future__ import annotations

from newsfaq.audit.align import Aligner
from tests.audit.checks.support import checks


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
