"""Unit tests of the rule checks of dates."""

from __future__ import annotations

from newsfaq.audit.align import Aligner
from newsfaq.audit.checks import date_parts
from tests.audit.checks.support import checks


def test_wrong_weekday_is_contradicted(aligner: Aligner) -> None:
    assert checks(aligner, "About one-third of the 900 homes lost power on Sunday.") == {
        "dates": "contradicted"
    }


def test_date_parts() -> None:
    parts = date_parts("on Friday, in March 2023, since 2022, may rise")
    assert [(p.weekday, p.month, p.year) for p in parts] == [
        (4, None, None),
        (None, 3, 2023),
        (None, None, 2022),
    ]
