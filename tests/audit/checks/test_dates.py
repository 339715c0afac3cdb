"""Unit tests of the rule checks of dates."""

from __future__ import annotations

import pytest

from newsfaq.audit.align import Aligner
from newsfaq.audit.checks import date_parts
from newsfaq.ingest.loader import paragraph_offsets
from newsfaq.models import Article, ArticleMeta
from newsfaq.text.nlp import analyze
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


def test_a_month_after_mid_is_a_month_the_original_gives() -> None:
    """ "until at least mid-May": "the middle of May" is a month the original names, and
    another month is another date."""
    al = aligner_of("The lock will stay closed until at least mid-May, the trust said on Monday.")
    assert "dates" not in checks(al, "The trust said the lock would not reopen before May.")
    found = checks(al, "The trust said the lock would stay shut until the middle of June.")
    assert found.get("dates") == "contradicted"


def test_a_time_of_day_the_original_never_gives() -> None:
    al = aligner_of("Director Joe Clancy was briefed that afternoon, officials said.")
    assert "dates" not in checks(al, "Joe Clancy was briefed in the afternoon.")
    found = findings_of(al, "Joe Clancy was briefed the following morning.")
    assert [f[:2] for f in found] == [("dates", "contradicted")], found
    assert "“afternoon”" in found[0][2]


@pytest.mark.parametrize(
    ("text", "claim"),
    [
        ("The fire broke out at 11pm on Tuesday. Crews were back that afternoon.",
         "The fire broke out on Tuesday night."),
        ("The fire broke out at 7.30am. The council met in the evening.",
         "The fire broke out in the morning."),
        ("The fire broke out early on Tuesday. The council met in the evening.",
         "The fire broke out on Tuesday morning."),
        ("The market runs every Saturday from 8am until the afternoon.",
         "The market runs at weekends."),
    ],
)  # fmt: skip
def test_a_time_of_day_the_original_gives_in_other_words(text: str, claim: str) -> None:
    """A clock time, "early on Tuesday" or a day's name gives the time of day a rewrite names
    ("at 11pm" -> "on Tuesday night")."""
    assert "dates" not in checks(aligner_of(text), claim)


def test_a_time_of_day_against_a_clock_time() -> None:
    al = aligner_of("The fire broke out at 11pm on Tuesday.")
    found = findings_of(al, "The fire broke out on Tuesday morning.")
    assert [f[:2] for f in found] == [("dates", "contradicted")], found
    assert "“11pm”" in found[0][2]
    assert checks(aligner_of("The market runs every Tuesday."), "The market runs at weekends.")


def test_a_relative_year_changed_is_contradicted() -> None:
    text = "The carrier, nicknamed the Lusty by its crew, was decommissioned last year."
    al = aligner_of(text)
    claim = "The carrier, which its crew nicknamed the Lusty, was decommissioned three years ago."
    assert checks(al, claim).get("dates") == "contradicted"
    same = "The carrier, which its crew nicknamed the Lusty, was decommissioned a year ago."
    assert "dates" not in checks(al, same)  # "a year ago" is "last year"


def test_an_faq_answer_is_bound_to_its_date_through_its_question() -> None:
    """ "On March 3, at nine schools" answers "When will the teachers strike?"; the original
    gives the date in "The strikes are planned for March 3."."""
    from newsfaq.audit.checks import check_claim
    from newsfaq.text.nlp import parse

    al = aligner_of(
        "Teachers at nine schools in Dunholt will walk out. The strikes are planned for March 3."
    )
    answer = parse("On March 3, at nine schools in Dunholt.")[:]
    question = parse("When will the teachers strike?")[:]
    result = check_claim(answer, al.align(answer, question).sentences, al, question=question)
    assert not [f for f in result.findings if "something else" in f.reason]
    alone = check_claim(answer, al.align(answer).sentences, al)
    assert [f for f in alone.findings if "something else" in f.reason]


def test_the_days_of_a_list_or_range_are_dates_of_its_month() -> None:
    al = aligner_of("The strikes are planned for February 24, 25 and 26, the union said.")
    assert "dates" not in checks(al, "The walkouts are scheduled for Feb. 24 to Feb. 26.")
    assert checks(al, "The walkouts are scheduled for Feb. 24 to Feb. 27.").get("dates") == (
        "contradicted"
    )
    ranged = aligner_of("The festival runs from June 4-6 in the park.")
    assert "dates" not in checks(ranged, "The festival is on June 5 in the park.")


def test_a_date_given_another_weekday_is_contradicted() -> None:
    al = aligner_of(
        "Police said 23 people were detained on Thursday. The union has called a general "
        "strike for Tuesday, May 12."
    )
    assert checks(al, "The general strike is on Thursday, May 12.").get("dates") == "contradicted"
    assert "dates" not in checks(al, "The general strike is on Tuesday, May 12.")


def test_an_event_night_a_relative_clause_s_date_and_paired_weekdays() -> None:
    text = (
        "The festival opens on Friday with a drama by Elin Moss. The Harlow Makers' Collective "
        "has rented the mill since 2014. The operations took place on Tuesday and Wednesday, "
        "June 16 and 17. Sales were 6 percent higher than in the same month last year."
    )
    meta = ArticleMeta(date="2026-03-12")
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text), meta=meta)))
    assert "dates" not in checks(al, "Opening night belongs to a drama by Elin Moss.")
    claim = "You'll meet the Harlow Makers' Collective, which has rented the mill since 2014."
    assert "temporal" not in checks(al, claim)
    assert checks(al, "The Harlow Makers' Collective will rent the mill from 2014.").get("temporal")
    assert "dates" not in checks(
        al, "The operations were on Tuesday June 16 and Wednesday June 17."
    )
    assert checks(al, "The operations were on Wednesday June 16.").get("dates")
    claim = "Sales were 6 percent higher than in the same month a year earlier."
    assert "entities" not in checks(al, claim)


def test_a_decade_the_original_never_names_is_unsupported() -> None:
    al = aligner_of("The carnival is run by the Marrowgate Carnival Trust, founded in 1984.")
    assert "dates" not in checks(al, "The Marrowgate Carnival Trust was set up in the 1980s.")
    assert checks(al, "The Marrowgate Carnival Trust was set up in the 1990s.").get("dates") == (
        "unsupported"
    )
    al = aligner_of("The carnival is run by the Marrowgate Carnival Trust, a charity.")
    assert checks(al, "The trust, a charity, was set up in the '80s.").get("dates") == "unsupported"


def test_a_weekday_in_the_plural_is_that_weekday() -> None:
    al = aligner_of("Buses will leave every 40 minutes between midnight and 5 a.m. on Fridays.")
    fair = "On Friday nights a bus will leave every 40 minutes from midnight until 5 a.m."
    assert "dates" not in checks(al, fair)
    assert checks(al, fair.replace("Friday", "Sunday")).get("dates")


def test_a_date_written_day_first() -> None:
    from tests.audit.checks.support import aligner_of, checks

    al = aligner_of("The ballot opens on Monday, 9 March, and closes on Friday, 27 March.")
    assert checks(al, "Voting closes on Friday 20 March.").get("dates") == "contradicted"
    assert "dates" not in checks(al, "Voting closes on Friday 27 March.")


def test_a_day_changed_within_a_month_the_article_also_names_alone() -> None:
    al = aligner_of(
        "Ashby station will be crewed all night from October. The new rota is expected to "
        "begin on Monday, 5 October."
    )
    found = findings_of(al, "The new rota is expected to begin on Monday, 12 October.")
    assert any(c == "dates" and s == "contradicted" for c, s, _ in found), found
    assert "dates" not in checks(al, "The new rota should begin on 5 October.")


def test_a_weekday_resolved_to_its_date_is_the_articles_day() -> None:
    text = "Residents of Orley have bought their shop, the group behind the bid said on Tuesday."
    meta = ArticleMeta(date="2026-07-08")  # a Wednesday
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text), meta=meta)))
    assert "dates" not in checks(
        al, "On 7 July 2026, the group said residents had bought the shop."
    )
    assert checks(al, "On 9 July 2026, the group said residents had bought the shop.").get("dates")


def test_weekends_for_nights_is_another_time() -> None:
    al = aligner_of("Flights were delayed mainly by a shortage of ground staff at night.")
    found = checks(al, "Flights were delayed mainly by a shortage of ground staff at weekends.")
    assert found.get("dates") == "contradicted", found
    assert "dates" not in checks(al, "Flights were delayed mainly by too few staff at night.")


def test_a_month_a_weekday_of_the_original_falls_in_is_the_same_date() -> None:
    text = (
        "The regulator has fined the operator £3.4 million after it cancelled trains between "
        "September and December last year, the regulator said on Wednesday."
    )
    meta = ArticleMeta(date="2026-04-23")  # a Thursday
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text), meta=meta)))
    claim = "On a Wednesday in {}, the regulator fined the operator £3.4 million."
    assert "dates" not in checks(al, claim.format("April 2026"))
    assert checks(al, claim.format("May 2026")).get("dates") == "contradicted"


def test_the_date_of_the_report_itself_is_the_publication_date() -> None:
    text = "Harwick City Council has fined its camera contractor £240,000 over a software fault."
    meta = ArticleMeta(date="2026-03-12")
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text), meta=meta)))
    letter = "Sir, your report of {} set out that the council has fined its camera contractor."
    assert "dates" not in checks(al, letter.format("12 March"))
    assert checks(al, letter.format("13 March")).get("dates")
    assert checks(al, "On 12 March the council fined its camera contractor £240,000.").get("dates")


def test_the_weekday_of_a_full_date_is_no_bare_weekday_to_resolve() -> None:
    text = (
        "Its operations director said the firm had hired a contractor to replace the fans in "
        "all 120 flats, starting on Monday 23 February."
    )
    meta = ArticleMeta(date="2026-02-12")  # a Thursday: "on Monday" alone would be the 16th
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text), meta=meta)))
    claim = "The fan replacement is scheduled to begin on Monday {} February."
    assert "dates" not in checks(al, claim.format(23))
    assert checks(al, claim.format(16)).get("dates") == "contradicted"


def test_the_publication_year_is_no_new_date_where_the_evidence_gives_none() -> None:
    text = "Westmere Borough Council has admitted sending 8,200 households inflated bills."
    meta = ArticleMeta(date="2026-03-11")
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text), meta=meta)))
    claim = "On this day in {}, the council admits sending 8,200 households inflated bills."
    assert "dates" not in checks(al, claim.format(2026))
    assert checks(al, claim.format(2025)).get("dates")


def test_a_time_of_day_in_a_name_is_no_time() -> None:
    al = aligner_of(
        "The Post understands the decision could still be called in by the full council, "
        "which meets on Monday 8 June. The committee met on Tuesday afternoon."
    )
    named = "The Wenlow Evening Post understands the decision could still be called in."
    assert "dates" not in checks(al, named)
    assert checks(al, "The committee met on Tuesday morning.").get("dates")


def test_a_month_the_original_gives_as_last_month() -> None:
    text = "The city council's planning committee approved the depot's solar roof last month."
    meta = ArticleMeta(date="2026-07-08")
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text), meta=meta)))
    assert "dates" not in checks(al, "The planning committee approved the solar roof in June.")
    assert checks(al, "The planning committee approved the solar roof in April.").get("dates")


def test_a_year_the_original_gives_as_the_year_before_another() -> None:
    al = aligner_of(
        "Committee papers show that Severnbrook billed the council £26,400 for allotment water "
        "in 2025, up from £19,100 the year before."
    )
    claim = "Severnbrook's bill came to £26,400 in 2025, compared with £19,100 in {}."
    assert "dates" not in checks(al, claim.format(2024))
    assert checks(al, claim.format(2023)).get("dates")


def test_a_night_covers_the_evening() -> None:
    al = aligner_of("Members backed the move by 212 votes to 31 at a meeting on Monday evening.")
    assert "dates" not in checks(al, "Monday night's members' vote went 212-31 in favour.")
    assert checks(al, "Monday morning's members' vote went 212-31 in favour.").get("dates")


def test_the_same_day_of_another_month_or_the_same_month_of_another_year() -> None:
    al = aligner_of(
        "Fees were set in January. If it rules against the trust, the trust may have to repay "
        "around £130,000 collected since the new fees took effect on 1 February."
    )
    fees = "Around £130,000 collected since the new fees took effect on {} may have to be repaid."
    assert "dates" not in checks(al, fees.format("1 February"))
    assert checks(al, fees.format("1 January")).get("dates")
    al = aligner_of(
        "Kestrel has run the hospital's three car parks since April 2021. The trust will take "
        "them back on 1 April."
    )
    since = "Since April {} the firm has operated the hospital's car parks."
    assert "dates" not in checks(al, since.format("2021"))
    assert checks(al, since.format("2019")).get("dates")


def test_a_greeting_is_no_time_of_day() -> None:
    al = aligner_of("The council voted on Tuesday afternoon to cut the ferry subsidy to £1.05m.")
    assert "dates" not in checks(
        al, "Morning all – the council has voted to cut the subsidy to £1.05m."
    )
    assert checks(al, "On Tuesday morning the council voted to cut the subsidy to £1.05m.").get(
        "dates"
    )


def test_days_of_the_week_said_as_the_part_of_the_week() -> None:
    """ "on Saturdays and Sundays" for "at weekends", "Monday to Friday" for "on weekdays";
    one date ("on Saturday") is not "at weekends"."""
    text = (
        "The depot in Harnley may load lorries until 8pm on weekdays, the panel decided on "
        "Thursday. Loading stays banned at weekends."
    )
    al = aligner_of(text)
    assert "dates" not in checks(al, "Loading is banned on Saturdays and Sundays.")
    assert "dates" not in checks(al, "The depot may load lorries until 8pm, Monday to Friday.")
    assert checks(al, "The depot loaded lorries on Saturday.").get("dates")


def test_a_weekday_evening_for_a_day_the_original_names() -> None:
    al = aligner_of("Councillors in Harnley voted on Wednesday evening to close the depot.")
    assert "dates" not in checks(al, "Councillors voted on a weekday evening to close the depot.")
    assert checks(al, "Councillors voted on a weekend evening to close the depot.").get("dates")


def test_a_time_of_day_its_evidence_gives_otherwise() -> None:
    """ "raised the alarm in the evening" where its sentence says "shortly after 8am", though
    the article names an evening elsewhere ("until 5pm")."""
    text = (
        "The trust closed the lock after a boater reported a leak shortly after 8am. A "
        "diversion will operate from 9am to 5pm daily."
    )
    al = aligner_of(text)
    claim = "The trust closed the lock after a boater reported a leak in the evening."
    found = findings_of(al, claim)
    assert [f[:2] for f in found] == [("dates", "contradicted")], found
    assert "“8am”" in found[0][2]
    assert "dates" not in checks(al, claim.replace("evening", "morning"))


def test_a_year_the_original_counts_from_another() -> None:
    """ "in 2024, two years after the club closed": the club closed in 2022, not 2023."""
    al = aligner_of(
        "The developer bought the site for £11.5m in 2024, two years after the club closed."
    )
    assert "dates" not in checks(al, "The club closed in 2022.")
    assert checks(al, "The club closed in 2023.").get("dates") == "contradicted"
