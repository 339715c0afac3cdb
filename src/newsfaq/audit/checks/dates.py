"""Date checks: date mentions, the article's reference date, changed dates and clock times, and
events called upcoming that the original dates in the past.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsfaq.audit.align import Aligner, norm_word
from newsfaq.text.dates import times_of_day
from newsfaq.text.nlp import Sentence
from newsfaq.text.numbers import parse_number

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token
from newsfaq.audit.checks.common import (
    FUTURE_WORDS,
    CheckResult,
    Finding,
    _check_binding,
    _join,
    _quote,
)

_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sept", "sep"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for m in names
}


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


_MONTH_NAMES = (
    r"january|february|march|april|may|june|july|august|september|october|"
    r"november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_DATE_RE = re.compile(
    r"\b(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?"
    # the day first ("27 March", "the 3rd of May 2026")
    rf"|(?P<dday>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dmonth>{_MONTH_NAMES})\b\.?"
    r"(?:,?\s+(?P<dyear>(?:19|20)\d\d))?"
    rf"|(?P<month>{_MONTH_NAMES})\.?"
    r"(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?)?(?:\s+(?P<myear>(?:19|20)\d\d))?"
    r"|(?P<year>(?:19|20)\d\d))\b",
    re.IGNORECASE,
)


_AMBIGUOUS_MONTHS = frozenset(
    {
        "may",
        "march",
        "mar",
        "jan",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
        "feb",
        "apr",
        "sept",
    }
)


@dataclass(frozen=True)
class DatePart:
    """A date mention: any of year, month, day, weekday."""

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None

    def last_day(self) -> dt.date | None:
        """The last calendar day the mention can denote (None without a year)."""
        if self.year is None:
            return None
        month = self.month or 12
        if self.day:
            try:
                return dt.date(self.year, month, self.day)
            except ValueError:
                return None
        nxt = dt.date(self.year + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)


_MORE_DAYS_RE = re.compile(
    r"(?P<list>(?:\s*,\s*\d{1,2}\b)*\s*(?:,\s*)?(?:and|to|through|or|-|–)\s*\d{1,2})\b(?![.,]?\d|\s*%)"
)
"""Days that follow a month and day in a list or range: "February 24, 25 and 26", "24-26"."""


def _more_days(text: str, end: int, first: DatePart) -> list[DatePart]:
    """The other days of a list or range of days after ``first`` (same month and year)."""
    m = _MORE_DAYS_RE.match(text, end)
    if m is None or first.day is None:
        return []
    days = [int(d) for d in re.findall(r"\d{1,2}", m["list"])]
    if not all(first.day < d <= 31 for d in days):
        return []
    if len(days) == 1 and not re.search(r"\b(?:and|or)\b", m["list"]):  # a range: every day
        days = list(range(first.day + 1, days[0] + 1))
    return [
        DatePart(first.start, m.end(), text[first.start : m.end()], first.year, first.month, d)
        for d in days
    ]


def date_parts(text: str) -> list[DatePart]:
    """Years, months (with day and year) and weekdays mentioned in ``text``; the other days
    of a list or range of days ("February 24, 25 and 26") are dates of that month too.

    >>> [(d.year, d.month) for d in date_parts("in March 2023 and 2024")]
    [(2023, 3), (2024, None)]
    >>> [(d.month, d.day) for d in date_parts("on February 24, 25 and 26")]
    [(2, 24), (2, 25), (2, 26)]
    >>> [d.weekday for d in date_parts("on Fridays and Saturdays")]
    [4, 5]
    >>> [(d.month, d.day, d.year) for d in date_parts("on 27 March 2026")]
    [(3, 27, 2026)]
    """
    out: list[DatePart] = []
    for m in _DATE_RE.finditer(text):
        if m["wd"]:
            out.append(
                DatePart(m.start(), m.end(), m.group(0), weekday=_WEEKDAYS.index(m["wd"].lower()))
            )
        elif m["dmonth"]:
            out.append(
                DatePart(
                    m.start(),
                    m.end(),
                    m.group(0),
                    year=int(m["dyear"]) if m["dyear"] else None,
                    month=_MONTHS[m["dmonth"].lower()],
                    day=int(m["dday"]),
                )
            )
        elif m["month"]:
            word = m["month"]
            bare = word.lower() in _AMBIGUOUS_MONTHS and not (m["day"] or m["myear"])
            if bare and (not word[0].isupper() or word.lower() in {"may", "mar"}):
                prev = text[max(0, m.start() - 6) : m.start()].lower()
                if not re.search(r"\b(in|since|of|by|until|early|late|mid)[\s-]*$", prev):
                    continue
            part = DatePart(
                m.start(),
                m.end(),
                m.group(0),
                year=int(m["myear"]) if m["myear"] else None,
                month=_MONTHS[word.lower()],
                day=int(m["day"]) if m["day"] else None,
            )
            out += [part, *_more_days(text, m.end(), part)]
        else:
            out.append(DatePart(m.start(), m.end(), m.group(0), year=int(m["year"])))
    return out


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError:
        return None


def _published(aligner: Aligner) -> dt.date | None:
    """The original's publication date, if its metadata gives one."""
    return _parse_iso(aligner.analysis.article.meta.date)


def reference_date(aligner: Aligner) -> tuple[dt.date | None, str]:
    """The latest date the original treats as present or past: its publication date, or else
    the latest date of a past-tense sentence; with a description for reasons."""
    published = _published(aligner)
    best: tuple[dt.date | None, str] = (
        (published, f"the original is dated {published.isoformat()}") if published else (None, "")
    )
    for sent in aligner.sentences:
        root = sent.span.root
        past = root.tag_ in {"VBD", "VBN"} or any(
            c.dep_ == "aux" and c.lower_ in {"has", "have", "had"} for c in root.children
        )
        if not past:
            continue
        for part in date_parts(sent.text):
            if part.month is None or part.year is None:
                continue
            day = part.last_day()
            if day is not None and (best[0] is None or day > best[0]):
                best = (day, f"the original reports {part.text} as past")
    return best


_RELATIVE_YEAR = re.compile(
    r"\b(?:(?P<rel>last|this|next) year|(?P<n>\d{1,2}|a|one|two|three|four|five|six|seven|"
    r"eight|nine|ten) years? ago)\b",
    re.IGNORECASE,
)


def relative_years(text: str) -> list[tuple[str, int]]:
    """Years given relative to the article's date, with their offset: "last year" -1, "this
    year" 0, "next year" 1, "three years ago" -3.

    >>> relative_years("It closed last year, three years ago it was full.")
    [('last year', -1), ('three years ago', -3)]
    """
    out = []
    for m in _RELATIVE_YEAR.finditer(text):
        if m["rel"]:
            offset = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
        else:
            n = m["n"].lower()
            offset = -1 if n == "a" else -int(parse_number(n) or 0)
        out.append((m.group(0), offset))
    return out


def _check_relative_years(
    claim: SpacySpan, ev: Sequence[Sentence], aligner: Aligner, out: CheckResult
) -> None:
    """A year given relative to the article's date that the original gives otherwise in the
    evidence ("decommissioned three years ago" where it says "last year")."""
    given = {offset for _, offset in relative_years(aligner.analysis.article.text)}
    ev_years = [(t, o) for s in ev for t, o in relative_years(s.text)]
    for text, offset in relative_years(claim.text):
        if offset in given:
            continue
        others = [t for t, o in ev_years if o != offset]
        if others:
            out.findings.append(
                Finding(
                    "dates",
                    "contradicted",
                    f"the claim says {_quote(text)}; the original says {_join(others[:2])}",
                )
            )


_WEEKDAY_DATE_RE = re.compile(
    r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
    r"(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b",
    re.IGNORECASE,
)


_PAIRED_RE = re.compile(
    r"\b(?P<wd1>monday|tuesday|wednesday|thursday|friday|saturday|sunday) and "
    r"(?P<wd2>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
    r"(?P<month>[a-z]+)\.?\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)? and (?P<d2>\d{1,2})\b",
    re.IGNORECASE,
)


def _weekday_dates(text: str) -> dict[tuple[int, int], tuple[str, str]]:
    """(month, day) -> (weekday, as written) of every "Tuesday, May 12" of ``text``; "Tuesday
    and Wednesday, June 16 and 17" gives June 16 its Tuesday and June 17 its Wednesday.

    >>> sorted(_weekday_dates("on Tuesday and Wednesday, June 16 and 17").items())
    [((6, 16), ('tuesday', 'Tuesday and Wednesday, June 16 and 17')), ((6, 17), ('wednesday', \
'Tuesday and Wednesday, June 16 and 17'))]
    """
    out = {}
    for m in _WEEKDAY_DATE_RE.finditer(text):
        month = _MONTHS.get(m["month"].lower())
        if month is not None:
            out[(month, int(m["day"]))] = (m["wd"].lower(), m.group(0))
    for m in _PAIRED_RE.finditer(text):
        month = _MONTHS.get(m["month"].lower())
        if month is not None:
            out[(month, int(m["d1"]))] = (m["wd1"].lower(), m.group(0))
            out[(month, int(m["d2"]))] = (m["wd2"].lower(), m.group(0))
    return out


def _check_weekday_of_date(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """A date given with another weekday than the original gives it ("Thursday, May 12" where
    the original has "Tuesday, May 12"): the weekday alone is found elsewhere in the article,
    so the weekday check passes it."""
    theirs = aligner.analysis.derived("weekday_dates", lambda an: _weekday_dates(an.article.text))
    for key, (weekday, text) in _weekday_dates(claim.text).items():
        if key in theirs and theirs[key][0] != weekday:
            out.findings.append(
                Finding(
                    "dates",
                    "contradicted",
                    f"the claim says {_quote(text)}; the original says {_quote(theirs[key][1])}",
                )
            )


_DECADE_RE = re.compile(r"\b(?:the\s+)?(?:(19|20)(\d)0s|'(\d)0s)\b", re.IGNORECASE)


def _decades(text: str) -> list[tuple[str, int]]:
    """The decades a text names ("the 1980s" -> 1980; "the '90s" -> 1990), as written."""
    out = []
    for m in _DECADE_RE.finditer(text):
        if m[1]:
            out.append((m.group(0), int(m[1] + m[2] + "0")))
        else:
            out.append((m.group(0), 1900 + int(m[3]) * 10))
    return out


def _check_decades(claim: SpacySpan, aligner: Aligner, out: CheckResult) -> None:
    """A decade the original never names, nor any year of it ("a charity set up in the
    1980s" where the original gives no founding date)."""
    text = aligner.analysis.article.text
    known = {d for _, d in _decades(text)} | {
        p.year - p.year % 10 for p in date_parts(text) if p.year is not None
    }
    for written, decade in _decades(claim.text):
        if decade not in known:
            out.findings.append(
                Finding("dates", "unsupported", f"the original never mentions {_quote(written)}")
            )
            return


_RELATIVE_MONTH_RE = re.compile(r"\b(last|this|next)\s+month\b", re.IGNORECASE)


def _relative_month_meant(p: DatePart, aligner: Aligner) -> bool:
    """A month (no day) the original gives as "last month", "this month" or "next month",
    counted from its publication date."""
    published = _published(aligner)
    if p.month is None or p.day is not None or published is None:
        return False
    for m in _RELATIVE_MONTH_RE.finditer(aligner.analysis.article.text):
        step = {"last": -1, "this": 0, "next": 1}[m[1].lower()]
        index = published.year * 12 + published.month - 1 + step
        if index % 12 + 1 == p.month and p.year in {None, index // 12}:
            return True
    return False


_YEAR_BEFORE_RE = re.compile(
    r"\b(?:the (?P<b>year|twelve months) (?:before|earlier|prior)|the previous year|a year "
    r"(?P<e>earlier|before)|the (?P<a>following|next) year|a year later)\b",
    re.IGNORECASE,
)


_YEARS_APART_RE = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+years\s+"
    r"(?P<way>after|earlier|later)\b",
    re.IGNORECASE,
)
"""A count of years from a year the sentence names ("in 2024, two years after the club
closed": 2022; "in 2020 ..., and two years later": 2022). ("two years before" may count either
way: "two years before the club closed", or "it had closed two years before".)"""


def _year_before_meant(p: DatePart, aligner: Aligner) -> bool:
    """A bare year the original gives as "the year before" (or "a year earlier", "the
    following year", "two years after") a year its sentence names: "£26,400 in 2025, up from
    £19,100 the year before" gives 2024; "bought it in 2024, two years after the club closed"
    gives 2022 for the closing."""
    if p.year is None or p.month is not None or p.weekday is not None:
        return False
    for s in aligner.analysis.sentences:
        for start, step in _year_steps(s.text):
            years = {q.year for q in date_parts(s.text[:start]) if q.year is not None}
            if any(y + step == p.year for y in years):
                return True
    return False


def _year_steps(text: str) -> list[tuple[int, int]]:
    """Where ``text`` counts years from a year before it, and by how many: "the year before"
    -1, "the following year" +1, "two years after the club closed" (or "had closed two years
    earlier") -2, "two years later" +2."""
    out = [
        (m.start(), 1 if m["a"] or m.group(0).lower().endswith("later") else -1)
        for m in _YEAR_BEFORE_RE.finditer(text)
    ]
    for m in _YEARS_APART_RE.finditer(text):
        n = parse_number(m["n"])
        if n is not None:
            out.append((m.start(), int(n) if m["way"].lower() == "later" else -int(n)))
    return out


def _check_dates(
    claim: SpacySpan,
    ev: Sequence[Sentence],
    aligner: Aligner,
    out: CheckResult,
    question: SpacySpan | None = None,
) -> None:
    _check_relative_years(claim, ev, aligner, out)
    _check_weekday_of_date(claim, aligner, out)
    _check_decades(claim, aligner, out)
    parts = date_parts(claim.text)
    if not parts:
        return
    src = _article_dates(aligner)
    ev_parts = [p for s in ev for p in date_parts(s.text)]
    for p in parts:
        if p.weekday is not None:
            found = [q for q in src if q.weekday == p.weekday]
            others = [q.text for q in ev_parts if q.weekday is not None]
        elif p.month is not None:
            found = [
                q
                for q in src
                if q.month == p.month
                and (p.year is None or q.year in {None, p.year})
                and (p.day is None or q.day in {None, p.day})
            ]
            others = [q.text for q in ev_parts if q.month is not None]
        else:
            found = [q for q in src if q.year == p.year]
            others = [q.text for q in ev_parts if q.year is not None]
        if found and p.day is not None and all(q.day is None for q in found if q.weekday is None):
            # "14 September" met only by "from September" while the evidence dates the same
            # month to another day ("Monday, 7 September"): the day changed
            days = [q.text for q in ev_parts if q.month == p.month and q.day not in {None, p.day}]
            # or the evidence has the same day of another month ("1 January" where the
            # evidence says "since the new fees took effect on 1 February")
            days = days or [
                q.text for q in ev_parts if q.day == p.day and q.month not in {None, p.month}
            ]
            if p.weekday is None and days:
                found = []
                others = days
        if found and p.year is not None and all(q.year is None for q in found):
            # "since April 2019" met only by the article's "1 April" while the evidence dates
            # that month to another year ("since April 2021")
            years = [
                q.text for q in ev_parts if q.month == p.month and q.year not in {None, p.year}
            ]
            if years:
                found = []
                others = years
        if not found and _published_on(p, aligner) and _names_the_report(claim.text, p):
            continue  # "your report of 12 March": the day the original was published
        if not found and _the_published_year(p, ev_parts, aligner):
            continue  # "On this day in 2026, the council admits ..." in an article of 2026
        if not found and _relative_month_meant(p, aligner):
            continue  # "in June" for "last month" in an article of 8 July
        if not found and _year_before_meant(p, aligner):
            continue  # "£19,100 in 2024" for "£19,100 the year before" 2025
        if not found and _week_part_meant(p, claim.text, aligner):
            continue  # "on Saturdays and Sundays" for "at weekends", "Monday to Friday" for
            # "on weekdays"
        if not found and _weekday_meant(p, ev_parts, aligner):
            # "on 7 July 2026" (or "on a Wednesday in April 2026") for "said on Tuesday" in
            # an article of 8 July 2026
            continue
        if found:
            if p.year is not None or p.day is not None:  # not a bare weekday or month
                homes = sorted({aligner.analysis.sentence_at(q.start).id for q in found})
                _check_binding(claim, p.text, homes, aligner, out, question)
            continue
        if others:
            out.findings.append(
                Finding(
                    "dates",
                    "contradicted",
                    f"the claim says {_quote(p.text)}; the original says {_join(others[:2])}",
                )
            )
        else:
            out.findings.append(
                Finding("dates", "unsupported", f"the original never mentions {_quote(p.text)}")
            )


_REPORT_BEFORE = re.compile(
    r"\b(?:report|article|piece|story|edition|issue|column)\s+(?:of|on|from|dated)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _names_the_report(text: str, p: DatePart) -> bool:
    """The date is that of a report ("your report of 12 March", "the article from Thursday 12
    March")."""
    return _REPORT_BEFORE.search(text[: p.start]) is not None


_NEXT_TO = 2
"""Characters between a weekday and the date it names ("Monday, 23 February")."""


def _the_published_year(p: DatePart, ev_parts: Sequence[DatePart], aligner: Aligner) -> bool:
    """A bare year that is the original's publication year, where the evidence names no year
    of its own: the year the article's "this month" and "on Tuesday" fall in."""
    published = _published(aligner)
    return (
        published is not None
        and p.year == published.year
        and p.month is None
        and p.weekday is None
        and not any(q.year is not None for q in ev_parts)
    )


def _published_on(p: DatePart, aligner: Aligner) -> bool:
    """The claim's date, with its day, is the original's publication date."""
    published = _published(aligner)
    return (
        published is not None
        and p.day is not None
        and (p.month, p.day) == (published.month, published.day)
        and p.year in {None, published.year}
        and p.weekday in {None, published.weekday()}
    )


_WEEKDAY_RANGE_RE = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*(?:to|through|until|till|-|–)\s*"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
)


def _week_part_meant(p: DatePart, text: str, aligner: Aligner) -> bool:
    """A day of the week said as a habit (plural, "on Saturdays", or an end of a range, "Monday
    to Friday") where the original names the part of the week it falls in ("at weekends", "on
    weekdays"): one date ("on Saturday") is not met by "at weekends"."""
    if p.weekday is None or p.day is not None or p.month is not None:
        return False
    habit = p.text.endswith("s") or any(
        m.start() <= p.start < m.end() for m in _WEEKDAY_RANGE_RE.finditer(text)
    )
    part = "weekend" if p.weekday >= 5 else "weekday"
    return habit and aligner.doc_index.has_word(part)


def _weekday_meant(p: DatePart, ev_parts: Sequence[DatePart], aligner: Aligner) -> bool:
    """The claim's date (a day, or a month) is where a bare weekday of the evidence falls,
    within the week before or after the article's publication date (the rewrite resolved "on
    Tuesday")."""
    published = _published(aligner)
    if published is None or p.month is None:
        return False
    for q in ev_parts:
        if q.weekday is None or q.day is not None:
            continue
        if any(r.day is not None and 0 <= r.start - q.end <= _NEXT_TO for r in ev_parts):
            continue  # "Monday 23 February": the weekday of a date, not a bare "on Monday"
        back = published - dt.timedelta(days=(published.weekday() - q.weekday) % 7)
        ahead = published + dt.timedelta(days=(q.weekday - published.weekday()) % 7)
        for day in (back, ahead):
            if (
                day.month == p.month
                and p.day in {None, day.day}
                and p.year in {None, day.year}
                and p.weekday in {None, q.weekday}
            ):
                return True
    return False


def _check_temporal(
    claim: SpacySpan,
    ev: Sequence[Sentence],
    ref: tuple[dt.date | None, str],
    out: CheckResult,
) -> None:
    """An event the claim calls upcoming ("next", "upcoming", "will") dated before the article;
    not when the original's own sentence says the same ("over the next three decades ... in
    1978" in a life story)."""
    ref_date, ref_desc = ref
    if ref_date is None:
        return
    future = [t for t in claim if norm_word(t.text) in FUTURE_WORDS]
    if not future:
        return
    for p in date_parts(claim.text):
        last = p.last_day()
        if any(p.text.lower() in s.text.lower() and future[0].lower_ in s.text.lower() for s in ev):
            continue
        if not _in_clause_of(claim, p, future[0]):
            continue  # "You'll meet the collective, which has rented ... since 2014"
        if last is not None and last < ref_date:
            out.findings.append(
                Finding(
                    "temporal",
                    "unsupported",
                    f"time: the claim calls {_quote(p.text)} {_quote(future[0].text)}, but "
                    f"{ref_desc}",
                )
            )
            return


def _in_clause_of(claim: SpacySpan, part: DatePart, future: Token) -> bool:
    """The date is said of what the future word goes with, not in a clause of its own (a
    relative clause keeps its own tense: "You'll meet the collective, which has rented three
    floors since 2014")."""
    span = claim.char_span(part.start, part.end, alignment_mode="expand")
    if span is None or not len(span):
        return True
    target = future.head
    tok = span.root
    while tok.i != target.i:
        if tok.head.i == tok.i or tok.dep_ in {"relcl", "acl", "ccomp", "advcl"}:
            return False
        tok = tok.head
    return True


_TIMES_OF_DAY = frozenset({
    "morning", "afternoon", "evening", "night", "overnight", "noon", "midday", "midnight", "dawn",
    "weekend", "weekday",
})  # fmt: skip
"""Times of day, and the parts of a week ("staff shortages at weekends" for "at night")."""
_WEEK_PARTS = frozenset({"weekend", "weekday"})

_NIGHT_TIMES = {
    "night": ("overnight", "midnight", "evening"),
    "overnight": ("night", "midnight"),
}
"""Times of day a night covers: "on Friday nights" for "between midnight and 5 a.m.", "Monday
night's vote" for "a meeting on Monday evening"."""

_EVENT_NIGHTS = frozenset({"opening", "closing", "first", "last", "election", "awards"})


def _greeting(tok: Token) -> bool:
    """A time of day that opens a greeting: "Morning all", "Good evening, everyone"."""
    doc = tok.doc
    first = tok.i == tok.sent.start or (
        tok.i - 1 == tok.sent.start and doc[tok.i - 1].lower_ == "good"
    )
    after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    return first and after in {"all", "everyone", "folks", "both", ",", "-", "–", "—", "!"}


def _times_given(aligner: Aligner, other_words: dict[str, str], *, week: bool) -> list[str]:
    """The original's words for the parts of the week (``week``) or of the day, or failing
    those the other kind's ("at night" against "at weekends")."""
    for kind in (_WEEK_PARTS, _TIMES_OF_DAY - _WEEK_PARTS)[:: 1 if week else -1]:
        given = {w for w in kind if aligner.doc_index.has_word(w)}
        given |= {other_words[w] for w in kind if w in other_words}
        if given:
            return sorted(given)
    return []


def times_given(aligner: Aligner) -> dict[str, str]:
    """The parts of the day and week the original gives in other words than their names
    (:func:`newsfaq.text.dates.times_of_day`), read once per article."""
    return aligner.analysis.derived("times_of_day", lambda an: times_of_day(an.article.text))


def _times_here(ev: Sequence[Sentence]) -> dict[str, str]:
    """The parts of the day the evidence sentences give, by name or by the clock, each with
    its words."""
    text = " ".join(s.text for s in ev)
    here = {k: v for k, v in times_of_day(text).items() if k not in _WEEK_PARTS}
    for s in ev:
        for t in s.span:
            word = norm_word(t.lemma_)
            if word in _TIMES_OF_DAY - _WEEK_PARTS and t.ent_type_ not in {"ORG", "WORK_OF_ART"}:
                here.setdefault(word, t.text)
    return here


def _article_dates(aligner: Aligner) -> list[DatePart]:
    """The original's date mentions (:func:`date_parts`), read once per article."""
    return aligner.analysis.derived("date_parts", lambda an: date_parts(an.article.text))


def _a_day_in(part: str, aligner: Aligner) -> bool:
    """Whether the original names a day of that part of the week ("Wednesday": a weekday)."""
    days = range(5, 7) if part == "weekend" else range(5)
    return any(p.weekday in days for p in _article_dates(aligner))


def _check_time_of_day(
    claim: SpacySpan, aligner: Aligner, out: CheckResult, ev: Sequence[Sentence] = ()
) -> None:
    """A time of day the original never gives ("briefed the following morning" where it says
    "that afternoon"), by name or in other words (a clock time, "early on Tuesday", a day's
    name for "at weekends": :func:`newsfaq.text.dates.times_of_day`); or one its evidence
    sentences give otherwise ("raised the alarm in the evening" where they say "shortly after
    8am", though the article names an evening elsewhere)."""
    other_words = times_given(aligner)
    for tok in claim:
        word = norm_word(tok.lemma_)
        if any(c.lower_ in _EVENT_NIGHTS for c in tok.children):
            continue  # "opening night": an event, not a time of day
        if tok.ent_type_ in {"ORG", "WORK_OF_ART", "FAC", "PRODUCT"} or (
            tok.is_title and tok.i > claim.start and tok.pos_ == "PROPN"
        ):
            continue  # "the Wenlow Evening Post": a word of a name
        if _greeting(tok):
            continue  # "Morning all –": the rewrite greets its readers
        if word in _WEEK_PARTS and tok.tag_ != "NNS" and _a_day_in(word, aligner):
            continue  # "on a weekday evening" for "on Wednesday evening"; not "at weekends"
        if word in _TIMES_OF_DAY and not any(
            aligner.doc_index.has_word(w) or w in other_words
            for w in (word, *_NIGHT_TIMES.get(word, ()))
        ):
            given = _times_given(aligner, other_words, week=word in _WEEK_PARTS)
            where = f"gives {_join(given[:2])}" if given else "gives no time of day"
            out.findings.append(
                Finding(
                    "dates",
                    "contradicted" if given else "unsupported",
                    f"time: the claim says {_quote(tok.text)}; the original {where}",
                )
            )
            return
        if word in _TIMES_OF_DAY - _WEEK_PARTS and ev:
            here = _times_here(ev)
            if here and not any(w in here for w in (word, *_NIGHT_TIMES.get(word, ()))):
                out.findings.append(
                    Finding(
                        "dates",
                        "contradicted",
                        f"time: the claim says {_quote(tok.text)}; the original says "
                        f"{_join(sorted(set(here.values()))[:2])} there",
                    )
                )
                return
