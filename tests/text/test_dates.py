"""Date normalization against the article date (newsfaq.text.dates)."""

from __future__ import annotations

from datetime import date

import pytest

from newsfaq.text.dates import (
    Tense,
    clock_times,
    date_bounds,
    normalize_date,
    parse_iso,
    times_of_day,
)

# 2025-03-07 is a Friday; 2025-02-20 a Thursday.
FRI = "2025-03-07"
THU = "2025-02-20"


@pytest.mark.parametrize(
    ("text", "ref", "tense", "expected"),
    [
        ("February 2022", None, None, "2022-02"),
        ("in February 2022", FRI, "past", "2022-02"),
        ("March 2023", None, None, "2023-03"),
        ("October 14, 2024", None, None, "2024-10-14"),
        ("14 October 2024", None, None, "2024-10-14"),
        ("Sept. 3, 2021", None, None, "2021-09-03"),
        ("2025-02-20", None, None, "2025-02-20"),
        ("2027", None, None, "2027"),
        ("the 1990s", None, None, "1990/1999"),
        ("between 2014 and 2024", None, None, "2014/2024"),
        ("between January 2019 and March 2022", None, None, "2019-01/2022-03"),
        ("March 3", "2025-06-01", None, "2025-03-03"),
        ("March 3", None, None, "--03-03"),
        ("Thursday", FRI, "past", "2025-03-06"),
        ("on Thursday", THU, "past", "2025-02-20"),  # the article's own day
        ("on Sunday", FRI, "future", "2025-03-09"),
        ("last Friday", FRI, None, "2025-02-28"),
        ("next Friday", FRI, None, "2025-03-14"),
        ("last year", FRI, None, "2024"),
        ("this year", FRI, None, "2025"),
        ("next year", FRI, None, "2026"),
        ("until the end of the year", "2023-11-19", None, "2023-12-31"),
        ("by the end of next year", FRI, None, "2026-12-31"),
        ("the end of the month", THU, None, "2025-02-28"),
        ("March of last year", THU, None, "2024-03"),
        ("August", THU, "past", "2024-08"),  # a past August before a February article
        ("June", "2025-04-11", "future", "2025-06"),
        ("February 8", "2025-01-22", "future", "2025-02-08"),
        ("three years ago", "2025-07-19", None, "2022"),
        ("yesterday", FRI, None, "2025-03-06"),
        ("a year earlier", THU, None, "2024"),
        ("last month", "2025-01-15", None, "2024-12"),
    ],
)
def test_normalize_date(text: str, ref: str | None, tense: Tense | None, expected: str) -> None:
    assert normalize_date(text, ref, tense=tense) == expected


@pytest.mark.parametrize(
    "text",
    [
        "six years",
        "12 months",
        "no more than four years",
        "the past four months",
        "daily",
        "quarterly",
        "Monday to Friday",
        "Fridays",
        "Good Friday",
    ],
)
def test_durations_and_routines_are_not_dates(text: str) -> None:
    assert normalize_date(text, FRI, tense="past") is None


def test_invalid_calendar_dates_are_refused() -> None:
    assert normalize_date("2024-13-45") is None
    assert normalize_date("2023-02-29") is None
    assert normalize_date("2024-02-29") == "2024-02-29"


def test_relative_dates_need_the_article_date() -> None:
    assert normalize_date("last year") is None
    assert normalize_date("on Thursday") is None
    assert normalize_date("until the end of the year") == "--12-31"


def test_ref_as_date_object() -> None:
    assert normalize_date("on Thursday", date(2025, 3, 7), tense="past") == "2025-03-06"


def test_parse_iso() -> None:
    assert parse_iso("2025-02-20") == date(2025, 2, 20)
    assert parse_iso("2025-02-20T10:00:00Z") == date(2025, 2, 20)
    assert parse_iso("yesterday") is None
    assert parse_iso(None) is None


def test_date_bounds() -> None:
    assert date_bounds("2022-02") == (date(2022, 2, 1), date(2022, 2, 28))
    assert date_bounds("2024-02") == (date(2024, 2, 1), date(2024, 2, 29))
    assert date_bounds("2023") == (date(2023, 1, 1), date(2023, 12, 31))
    assert date_bounds("2025-03-06") == (date(2025, 3, 6), date(2025, 3, 6))
    assert date_bounds("2014/2024") == (date(2014, 1, 1), date(2024, 12, 31))
    assert date_bounds("2025-W10") == (date(2025, 3, 3), date(2025, 3, 9))
    assert date_bounds("--12-31") is None


@pytest.mark.parametrize(
    ("text", "part", "words"),
    [
        ("The fire started at 11pm.", "night", "11pm"),
        ("Doors open at 7.30 a.m. daily.", "morning", "7.30 a.m."),
        ("The last train leaves at 19:45.", "evening", "19:45"),
        ("The vote ended late on Tuesday.", "night", "late on Tuesday"),
        ("Talks ran into the early hours.", "overnight", "the early hours"),
        ("The market opens on Saturdays.", "weekend", "Saturdays"),
        ("The market opens on Tuesdays.", "weekday", "Tuesdays"),
    ],
)
def test_times_of_day_said_in_other_words(text: str, part: str, words: str) -> None:
    assert times_of_day(text).get(part) == words


def test_a_clock_time_without_am_or_pm_may_be_either() -> None:
    found = times_of_day("The meeting starts at 7:30.")
    assert {"morning", "evening"} <= set(found)
    assert "afternoon" not in found
    assert not {"morning", "afternoon"} & set(times_of_day("It closes at 10pm."))


def test_one_date_on_a_weekend_day_says_nothing_of_weekends() -> None:
    assert "weekend" not in times_of_day("The fire broke out on Saturday.")
    assert times_of_day("The shop opens every Sunday.").get("weekend") == "every Sunday"


@pytest.mark.parametrize(
    ("text", "key", "hours"),
    [
        ("Vans must leave by half past eight in the evening.", "8:30", [20]),
        ("The gate shuts at a quarter to nine.", "8:45", [8, 20]),
        ("Trains run until four in the morning.", "4:00", [4]),
        ("The bell rang at ten o'clock.", "10:00", [10, 22]),
        ("It closes at 7.30pm.", "7:30", [19]),
    ],
)
def test_clock_times_in_figures_and_in_words(text: str, key: str, hours: list[int]) -> None:
    found = clock_times(text)
    assert [(c.key, sorted(c.hours)) for c in found] == [(key, hours)]


def test_a_number_word_is_no_clock_time() -> None:
    assert clock_times("Ten of the twelve members voted for it.") == []
