"""Unit tests of the rule checks of dates."""

from __future__ import annotations

from newsfaq.audit.align import Aligner
from newsfaq.audit.checks import date_parts
from tests.audit.checks.support import aligner_of, checks, findings_of


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


def test_a_time_of_day_the_original_never_gives() -> None:
    al = aligner_of("Director Joe Clancy was briefed that afternoon, officials said.")
    assert "dates" not in checks(al, "Joe Clancy was briefed in the afternoon.")
    found = findings_of(al, "Joe Clancy was briefed the following morning.")
    assert [f[:2] for f in found] == [("dates", "contradicted")], found
    assert "“afternoon”" in found[0][2]


def test_a_relative_year_changed_is_contradicted() -> None:
    text = "The carrier, nicknamed the Lusty by its crew, was decommissioned last year."
    al = aligner_of(text)
    claim = "The carrier, which its crew nicknamed the Lusty, was decommissioned three years ago."
    assert checks(al, claim).get("dates") == "contradicted"
    same = "The carrier, which its crew nicknamed the Lusty, was decommissioned a year ago."
    assert "dates" not in checks(al, same)  # "a year ago" is "last year"
