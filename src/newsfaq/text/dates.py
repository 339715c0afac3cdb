"""Dates in news text, normalized to ISO 8601 against the article's date.

"February 2022" -> "2022-02", "March 3" -> the article's year, "on Thursday" -> the Thursday at or
before the article date (after it for future events), "last year", "until the end of the year"
-> "YYYY-12-31", "between 2014 and 2024" -> "2014/2024". Partial dates stay partial ("2022-02",
"2022"); intervals use "/". Standard library only.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from newsfaq.text.numbers import parse_number

__all__ = [
    "ClockTime",
    "Tense",
    "clock_times",
    "date_bounds",
    "normalize_date",
    "parse_iso",
    "times_of_day",
]

Tense = Literal["past", "future"]

MONTH_ABBREVIATIONS = frozenset({name.lower() for name in calendar.month_abbr if name} | {"sept"})
"""Months written short, lower case ("jan", "sept"; "may" too, which is also its name)."""
_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name} | {
    name.lower(): i for i, name in enumerate(calendar.month_abbr) if name
}
_MONTHS["sept"] = 9
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_YEAR = r"(?P<year>1[5-9]\d\d|2[01]\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

_ISO_RE = re.compile(r"\b(\d{4})-(\d{2})(?:-(\d{2}))?\b")
_MDY_RE = re.compile(rf"\b{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?\b")
_DMY_RE = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b")
_MY_RE = re.compile(rf"\b{_MONTH}(?:,?\s+(?:of\s+)?(?:{_YEAR}|(?P<rel>last|this|next)\s+year))?\b")
_REL_MONTH_RE = re.compile(rf"\b(?P<rel>last|this|next)\s+{_MONTH}\b")
_DECADE_RE = re.compile(r"\b(?:the\s+)?'?(?P<decade>1[5-9]\d0|20[0-9]0)s\b")
_YEAR_RE = re.compile(rf"(?<![\d,.$£€-]){_YEAR}(?![\d,%])")
_WEEKDAY_RE = re.compile(
    r"\b(?:(?P<rel>last|next|this|on)\s+)?"
    r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"
)
_WEEKDAY_RANGE_RE = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s*(?:to|through|-|–)\s*"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)
_AGO_RE = re.compile(
    r"\b(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
    r"(?P<unit>year|month|week|day)s?\s+(?:ago|earlier|before)\b",
    re.IGNORECASE,
)
_END_RE = re.compile(
    r"\b(?:the\s+)?end\s+of\s+(?:the\s+|this\s+|(?P<next>next)\s+|(?P<last>last)\s+)?"
    r"(?P<unit>year|month)\b|\byear[- ]end\b",
    re.IGNORECASE,
)
_REL_PERIOD_RE = re.compile(
    r"\b(?P<rel>last|this|next|past|coming)\s+(?P<unit>year|month|week)\b|"
    r"\b(?P<word>today|yesterday|tomorrow|tonight)\b|\bearlier\s+this\s+(?P<unit2>year|month)\b",
    re.IGNORECASE,
)
_DURATION_RE = re.compile(
    r"^\W*(?:the\s+)?(?:past\s+|last\s+|next\s+|coming\s+|first\s+|an?\s+additional\s+|"
    r"(?:about|roughly|nearly|almost|more\s+than|less\s+than|no\s+more\s+than|at\s+least)\s+)*"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|"
    r"many|\w+-)[\s-]*(?:years?|months?|weeks?|days?|hours?|decades?|centuries|century)\b",
    re.IGNORECASE,
)

_CLOCK_RE = re.compile(
    r"(?<![\w.:])(?:\d{1,2}:\d{2}(?![:\d])(?:\s*[ap]\.?m\b\.?)?|\d{1,2}(?:\.\d{2})?\s*[ap]\.?m\b\.?)",
    re.IGNORECASE,
)
"""A clock time ("12:15", "9.30 pm", "10am")."""

_HOUR_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
)  # fmt: skip
_HOUR = rf"(?P<h>{'|'.join(_HOUR_WORDS)}|1[0-2]|[1-9])"
_PART = r"(?:\s+(?P<part>in\s+the\s+(?:morning|afternoon|evening)|at\s+night))"
_CLOCK_PAST_RE = re.compile(
    rf"\b(?P<frac>half|quarter|twenty|ten|five)\s+(?P<rel>past|to)\s+{_HOUR}\b{_PART}?",
    re.IGNORECASE,
)
_CLOCK_HOUR_RE = re.compile(rf"\b{_HOUR}(?P<oclock>\s+o['’]clock)?{_PART}?\b", re.IGNORECASE)
"""A clock time in words: "half past eight", "quarter to nine" (the first); "ten o'clock",
"four in the morning" (the second, with "o'clock" or a part of the day)."""
_MINUTES = {"half": 30, "quarter": 15, "twenty": 20, "ten": 10, "five": 5}


@dataclass(frozen=True)
class ClockTime:
    """A clock time of a text, in figures or in words, with the hours (0-23) it may mean."""

    start: int
    end: int
    text: str
    hour: int
    """On the 12-hour dial, 1-12."""
    minute: int
    hours: frozenset[int]

    @property
    def key(self) -> str:
        """The time on a 12-hour dial ("8:30"): originals often omit am or pm."""
        return f"{self.hour}:{self.minute:02d}"


def _day_hours(hour: int, part: str | None) -> frozenset[int]:
    """The hours (0-23) a dial hour (1-12) may mean, narrowed by "in the evening" or the like."""
    both = {hour % 12, hour % 12 + 12}
    if part is None:
        return frozenset(both)
    name = part.split()[-1].lower()
    return frozenset(h for h in both if h in _PARTS_OF_DAY[name]) or frozenset(both)


def clock_times(text: str) -> list[ClockTime]:
    """Every clock time of ``text``, in figures ("7.30pm", "19:30") or in words ("half past
    seven in the evening").

    >>> [(c.key, sorted(c.hours)) for c in clock_times("from 7.30pm to a quarter to nine")]
    [('7:30', [19]), ('8:45', [8, 20])]
    """
    out: list[ClockTime] = []
    for m in _CLOCK_RE.finditer(text):
        words = m.group(0)
        if re.search(r"[ap]m\.$", words, re.IGNORECASE):
            words = words[:-1]  # "at 10pm." ends a sentence; "10 a.m." keeps its full stop
        hours = frozenset(_clock_hours(words))
        d = re.match(r"(\d{1,2})(?:[:.](\d{2}))?", words)
        if d is None or not hours:
            continue
        dial, minute = int(d[1]) % 12 or 12, int(d[2] or 0)
        out.append(ClockTime(m.start(), m.start() + len(words), words, dial, minute, hours))
    taken: list[tuple[int, int]] = []
    for m in [*_CLOCK_PAST_RE.finditer(text), *_CLOCK_HOUR_RE.finditer(text)]:
        past = m.re is _CLOCK_PAST_RE
        if not (past or m["oclock"] or m["part"]):
            continue  # "ten of the twelve": a number, not a time
        if past and m["frac"].lower() not in {"half", "quarter"} and not m["part"]:
            continue  # "five to two": a vote or a score, unless "in the morning" says a time
        if any(x <= m.start() < y for x, y in taken):
            continue  # "eight in the evening" of "half past eight in the evening"
        taken.append(m.span())
        word = m["h"].lower()
        hour = int(word) if word.isdigit() else _HOUR_WORDS.index(word) + 1
        minute = _MINUTES[m["frac"].lower()] if past else 0
        if past and m["rel"].lower() == "to":
            hour, minute = (hour - 1) or 12, 60 - minute  # "quarter to nine": 8:45
        hours = _day_hours(hour, m["part"])
        out.append(ClockTime(m.start(), m.end(), m.group(0), hour, minute, hours))
    return sorted(out, key=lambda c: c.start)


_PARTS_OF_DAY = {
    "morning": frozenset(range(12)),  # "three in the morning", "the early hours of the morning"
    "afternoon": frozenset(range(12, 18)),
    "evening": frozenset(range(17, 24)),
    "night": frozenset({20, 21, 22, 23, 0, 1, 2, 3, 4, 5}),
    "overnight": frozenset({21, 22, 23, 0, 1, 2, 3, 4, 5, 6}),
    "dawn": frozenset({4, 5, 6, 7}),
    "noon": frozenset({12}),
    "midday": frozenset({11, 12, 13}),
    "midnight": frozenset({23, 0}),
}
"""The hours (0-23) each part of the day takes in: the parts overlap ("6pm" is afternoon or
evening, "10pm" evening or night)."""
_EARLY_LATE_RE = re.compile(
    r"\b(?P<when>early|late)\s+(?:on\s+)?(?:(?:last|that|this|next)\s+)?"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|night|yesterday|today)\b"
    r"|\bthe\s+(?P<hours>early|small)\s+hours\b|\b(?P<tonight>tonight)\b",
    re.IGNORECASE,
)
_EARLY = frozenset({"morning", "night", "overnight", "dawn"})
_LATE = frozenset({"evening", "night"})
_DAY_NAMES_RE = re.compile(
    r"\b(?:(?:every|each)\s+(?P<day>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|"
    r"(?P<days>Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days)\b"
)
"""A day of the week as a habit ("every Saturday", "on Sundays"), not one date ("on Saturday")."""
_TIME_COMPOUND_RE = re.compile(r"\b(?P<part>day|night)-?time\b", re.IGNORECASE)
"""A part of the day in one word ("the daytime flat fare": during the day)."""


def _clock_hours(text: str) -> set[int]:
    """The hours (0-23) a clock time may mean: "7.30pm" 19, "19:30" 19, "7:30" 7 or 19."""
    m = re.match(r"(\d{1,2})", text)
    if m is None:
        return set()
    hour = int(m[1])
    marker = re.search(r"([ap])\.?m", text, re.IGNORECASE)
    if marker is not None:
        return {hour % 12 + (12 if marker[1].lower() == "p" else 0)} if hour <= 12 else set()
    if hour > 23:
        return set()
    return {hour} if hour == 0 or hour > 12 else {hour % 24, (hour + 12) % 24}


def times_of_day(text: str) -> dict[str, str]:
    """The parts of the day and week a text gives in other words than their names, each with
    the first words that give it: by clock time ("at 7.30am": morning), by "early on Tuesday"
    or "late last night", by a day's name as a habit ("on Saturdays", "every Saturday": weekend;
    "every Tuesday": weekday; one date, "on Saturday", says nothing of weekends).

    >>> times_of_day("The fire started at 11pm on Saturday.")
    {'evening': '11pm', 'night': '11pm', 'overnight': '11pm', 'midnight': '11pm'}
    >>> sorted(times_of_day("It broke out early on Tuesday; the market opens on Tuesdays."))
    ['dawn', 'morning', 'night', 'overnight', 'weekday']
    >>> times_of_day("the same as the daytime fare")
    {'day': 'daytime'}
    """
    found: dict[str, str] = {}
    for clock in clock_times(text):
        for hour in clock.hours:
            for part, hours in _PARTS_OF_DAY.items():
                if hour in hours:
                    found.setdefault(part, clock.text)
    for m in _EARLY_LATE_RE.finditer(text):
        late = m["tonight"] or (m["when"] or "").lower() == "late"
        for part in _LATE if late else _EARLY:
            found.setdefault(part, m.group(0))
    for m in _DAY_NAMES_RE.finditer(text):
        day = m["day"] or m["days"]
        found.setdefault("weekend" if day in {"Satur", "Sun"} else "weekday", m.group(0))
    for m in _TIME_COMPOUND_RE.finditer(text):
        found.setdefault(m["part"].lower(), m.group(0))
    return found


def parse_iso(text: str | None) -> date | None:
    """Parse an ISO date or datetime ("2025-02-20", "2025-02-20T10:00:00Z"), else None.

    >>> parse_iso("2025-02-20T10:00:00+00:00")
    datetime.date(2025, 2, 20)
    """
    if not text:
        return None
    text = text.strip()
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _iso(day: date) -> str:
    return day.isoformat()


def _month_year(month: int, ref: date | None, tense: Tense | None) -> int | None:
    """Year of a month named without a year: the article's, shifted by tense."""
    if ref is None:
        return None
    if tense == "past" and month > ref.month:
        return ref.year - 1
    if tense == "future" and month < ref.month:
        return ref.year + 1
    return ref.year


def _valid(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def _absolute(text: str, ref: date | None, tense: Tense | None) -> tuple[int, str] | None:
    """First calendar date in ``text``: (position, ISO string)."""
    found: list[tuple[int, str]] = []
    for regex in (_MDY_RE, _DMY_RE):
        for m in regex.finditer(text):
            month = _MONTHS[m["month"].lower().rstrip(".")]
            day = int(m["day"])
            if m["year"]:
                year: int | None = int(m["year"])
            else:
                year = _month_year(month, ref, tense)
                if year is not None and ref is not None and month == ref.month:
                    if tense == "past" and day > ref.day:
                        year -= 1
                    elif tense == "future" and day < ref.day:
                        year += 1
            if year is None:
                if 1 <= day <= 31:
                    found.append((m.start(), f"--{month:02d}-{day:02d}"))
            elif _valid(year, month, day):
                found.append((m.start(), f"{year:04d}-{month:02d}-{day:02d}"))
    if found:
        return min(found)
    for m in _MY_RE.finditer(text):
        if m["month"] == "May" and not (m["year"] or m["rel"]) and _may_is_verb(text, m.end()):
            continue
        month = _MONTHS[m["month"].lower().rstrip(".")]
        if m["year"]:
            year = int(m["year"])
        elif m["rel"] and ref is not None:
            year = ref.year + {"last": -1, "this": 0, "next": 1}[m["rel"]]
        else:
            year = _month_year(month, ref, tense)
        found.append((m.start(), f"{year:04d}-{month:02d}" if year else f"--{month:02d}"))
    for m in _REL_MONTH_RE.finditer(text):
        if ref is None:
            continue
        month = _MONTHS[m["month"].lower().rstrip(".")]
        year = ref.year
        if m["rel"] == "last":
            year = ref.year - 1 if month >= ref.month else ref.year
        elif m["rel"] == "next":
            year = ref.year + 1 if month <= ref.month else ref.year
        found.append((m.start(), f"{year:04d}-{month:02d}"))
    if found:
        return min(found)
    return None


def _may_is_verb(text: str, end: int) -> bool:
    """ "May" followed by a verb-like word is the modal, not the month."""
    rest = text[end:].lstrip()
    return bool(rest) and rest[0].islower()


def _relative(text: str, ref: date, tense: Tense | None) -> str | None:
    """Relative expressions: "last year", "the end of the year", "on Thursday", "two years ago"."""
    m = _END_RE.search(text)
    if m:
        if m["unit"] == "month":
            year, month = ref.year, ref.month + (1 if m["next"] else -1 if m["last"] else 0)
            if month == 0:
                year, month = year - 1, 12
            elif month == 13:
                year, month = year + 1, 1
            return _iso(date(year, month, calendar.monthrange(year, month)[1]))
        year = ref.year + (1 if m["next"] else -1 if m["last"] else 0)
        return f"{year:04d}-12-31"
    m = _WEEKDAY_RE.search(text)
    if m and (
        m.group(0).endswith("s")
        or _WEEKDAY_RANGE_RE.search(text)
        or re.search(r"\bGood\s+Friday|\bAsh\s+Wednesday|\bEaster\s+Sunday", text)
    ):
        return None  # "on Fridays", "Monday to Friday", "Good Friday": not "the last Friday"
    if m:
        target = _WEEKDAYS[m["weekday"].lower()]
        rel = m["rel"]
        back = (ref.weekday() - target) % 7
        ahead = (target - ref.weekday()) % 7
        if rel == "last":
            return _iso(ref - timedelta(days=back or 7))
        if rel == "next":
            return _iso(ref + timedelta(days=ahead or 7))
        if tense == "future":
            return _iso(ref + timedelta(days=ahead))
        return _iso(ref - timedelta(days=back))
    m = _AGO_RE.search(text)
    if m:
        n = m["n"].lower()
        count = 1 if n in {"a", "an"} else int(parse_number(n) or 0)
        unit = m["unit"].lower()
        if unit == "year":
            return f"{ref.year - count:04d}"
        if unit == "month":
            index = ref.year * 12 + ref.month - 1 - count
            return f"{index // 12:04d}-{index % 12 + 1:02d}"
        days = count * (7 if unit == "week" else 1)
        return _iso(ref - timedelta(days=days))
    m = _REL_PERIOD_RE.search(text)
    if m:
        word = (m["word"] or "").lower()
        if word in ("today", "tonight"):
            return _iso(ref)
        if word == "yesterday":
            return _iso(ref - timedelta(days=1))
        if word == "tomorrow":
            return _iso(ref + timedelta(days=1))
        unit = (m["unit"] or m["unit2"] or "").lower()
        rel = (m["rel"] or "this").lower()
        if rel in ("past", "coming"):
            return None  # "the past year" is a duration, not a date
        step = {"last": -1, "this": 0, "next": 1}[rel]
        if unit == "year":
            return f"{ref.year + step:04d}"
        if unit == "month":
            index = ref.year * 12 + ref.month - 1 + step
            return f"{index // 12:04d}-{index % 12 + 1:02d}"
        if unit == "week":
            year, week, _ = (ref + timedelta(weeks=step)).isocalendar()
            return f"{year:04d}-W{week:02d}"
    return None


def normalize_date(
    text: str, ref: date | str | None = None, *, tense: Tense | None = None
) -> str | None:
    """Normalize a date expression to ISO 8601 (partial dates allowed), or None.

    ``ref`` is the article date (a :class:`datetime.date` or an ISO string); relative
    expressions need it. ``tense`` says whether the sentence is about the past or the future:
    it decides which "Thursday" or which "June" is meant. Durations ("six years") give None.

    >>> normalize_date("February 2022")
    '2022-02'
    >>> normalize_date("on Thursday", "2025-03-07", tense="past")
    '2025-03-06'
    >>> normalize_date("until the end of the year", "2023-11-19")
    '2023-12-31'
    >>> normalize_date("between 2014 and 2024")
    '2014/2024'
    >>> normalize_date("March 3", "2025-06-01")
    '2025-03-03'
    """
    ref_date = parse_iso(ref) if isinstance(ref, str) else ref
    text = " ".join(text.split())
    if not text:
        return None
    iso = _ISO_RE.search(text)
    if iso:
        year, month, day = int(iso[1]), int(iso[2]), int(iso[3] or 1)
        return iso.group(0) if _valid(year, month, day) else None
    parts = re.split(
        r"\s+(?:and|to|until|through|till)\s+|\s*[–-]\s*(?=\d|[A-Z])", text, maxsplit=1
    )
    if len(parts) == 2 and re.match(r"^(?:between|from)\b", text, re.IGNORECASE):
        parts[0] = re.sub(r"^(?:between|from)\s+", "", parts[0], flags=re.IGNORECASE)
        first = _single(parts[0], ref_date, tense)
        second = _single(parts[1], ref_date, tense)
        if first and second:
            return f"{first}/{second}"
    if len(parts) == 2 and _YEAR_RE.fullmatch(parts[0]) and _YEAR_RE.fullmatch(parts[1]):
        return f"{parts[0]}/{parts[1]}"
    return _single(text, ref_date, tense)


def _single(text: str, ref: date | None, tense: Tense | None) -> str | None:
    """Normalize one date expression (no interval)."""
    absolute = _absolute(text, ref, tense)
    if absolute:
        return absolute[1]
    m = _DECADE_RE.search(text)
    if m:
        start = int(m["decade"])
        return f"{start}/{start + 9}"
    m = _YEAR_RE.search(text)
    if m:
        return m.group(0)
    if _DURATION_RE.match(text) and not _AGO_RE.search(text):
        return None
    if ref is not None:
        return _relative(text, ref, tense)
    m = _END_RE.search(text)
    if m and m["unit"] == "year" and not (m["next"] or m["last"]):
        return "--12-31"  # the end of an unknown year
    return None


def date_bounds(normalized: str) -> tuple[date, date] | None:
    """First and last day covered by a normalized date ("2022-02" -> Feb 1..28, 2022).

    >>> date_bounds("2022-02")
    (datetime.date(2022, 2, 1), datetime.date(2022, 2, 28))
    >>> date_bounds("2014/2024")[1]
    datetime.date(2024, 12, 31)
    """
    if "/" in normalized:
        left, right = normalized.split("/", 1)
        a, b = date_bounds(left), date_bounds(right)
        return (a[0], b[1]) if a and b else None
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", normalized)
    if m:
        year = int(m[1])
        if m[3]:
            day = date(year, int(m[2]), int(m[3]))
            return day, day
        if m[2]:
            month = int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    m = re.fullmatch(r"(\d{4})-W(\d{2})", normalized)
    if m:
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        return monday, monday + timedelta(days=6)
    return None
