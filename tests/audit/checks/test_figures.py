"""Unit tests of the rule checks of figures (numbers, units, ages, clock times, derived figures)."""

from __future__ import annotations

from newsfaq.audit.align import Aligner
from newsfaq.audit.checks import check_claim
from newsfaq.ingest.loader import paragraph_offsets
from newsfaq.models import Article, ArticleMeta
from newsfaq.text.nlp import analyze, parse
from tests.audit.checks.support import (
    aligner_of,
    by_rule_findings,
    checks,
    findings_of,
    number_reasons,
    result_of,
)


def test_normalised_numbers_agree(aligner: Aligner) -> None:
    assert checks(aligner, "Officials estimated that about 33% of the 900 homes lost power.") == {}


def test_changed_number_is_contradicted(aligner: Aligner) -> None:
    assert checks(aligner, "Officials estimated that half of the 900 homes lost power.") == {
        "numbers": "contradicted"
    }


def test_derived_figure_is_accepted(aligner: Aligner) -> None:
    assert "numbers" not in checks(aligner, "Crews replaced 60 poles in 4 districts.")


def test_exact_for_approximate_is_flagged(aligner: Aligner) -> None:
    found = checks(aligner, "Exactly 300 of the 900 homes lost power on Monday.")
    assert "numbers" in found or "modality" in found


def test_clock_time_is_not_two_figures(news: Aligner) -> None:
    assert checks(news, "The patrol boat sank at 12:15 am on Saturday.") == {}
    found = checks(news, "The patrol boat sank at 2:15 am on Saturday.")
    assert found.get("numbers") == "contradicted"


def test_tokenized_thousands_and_money_words(appeal: Aligner) -> None:
    # "£50, 000" is the tokenized "£50,000"; the words after a sum of money are not its unit
    assert "numbers" not in checks(appeal, "the appeal raised £50, 000 for the shelter.")
    found = checks(appeal, "the appeal raised £60, 000 in two days.")
    assert found.get("numbers") == "contradicted"


def test_day_of_a_date_is_not_a_figure_of_the_evidence() -> None:
    """ "Sunday, June 14" gives no figure 14 that a changed number could be compared with."""
    text = "The ferry will stop running from Sunday, June 14, for three weeks, officials said."
    al = aligner_of(text)
    span = parse("The ferry will stop running for 14 days.")[:]
    result = check_claim(span, al.align(span).sentences, al)
    reasons = " ".join(f.reason for f in result.findings)
    assert "three weeks" in reasons and "“14”" not in reasons.split("original")[-1], reasons


def test_a_figure_standing_alone_matches_the_same_count_of_anything() -> None:
    # "all three" says nothing of what is counted, so it may be the three inmates
    text = "All three were convicted of fraud at Kellan Crown Court on Monday, police said."
    assert (
        number_reasons(text, "Three inmates of Kellan jail were convicted of fraud on Monday.")
        == []
    )
    assert number_reasons(text, "Four inmates of Kellan jail were convicted of fraud on Monday.")


def test_ages_are_one_measure_in_any_form() -> None:
    text = "Ruth Okonjo, 64, opened the Harbour Street bakery with her son, who is 31."
    assert number_reasons(text, "The 64-year-old opened the Harbour Street bakery.") == []
    assert number_reasons(text, "A woman aged 64 opened the Harbour Street bakery.") == []
    reasons = number_reasons(text, "The 46-year-old opened the Harbour Street bakery.")
    assert reasons == ["the claim gives “46-year-old”; the original gives “Okonjo, 64”"], reasons


def test_a_figure_of_something_else_is_named_in_the_reason() -> None:
    text = "Volunteers planted 40 oaks along the Tarrow river, and two ferries were cancelled."
    # the figure is in the original, counting other things: the reason says where, not "never"
    reasons = number_reasons(text, "Volunteers counted 40 otters along the Tarrow river.")
    assert reasons == [
        "the claim gives “40 otters”; the original gives the figure only in “40 oaks”"
    ]
    assert number_reasons(text, "Volunteers planted 40 oaks along the Tarrow river.") == []
    # another count of the same things contradicts it
    reasons = number_reasons(text, "Three ferries were cancelled.")
    assert reasons == ["the claim gives “Three ferries”; the original gives “two ferries”"], reasons


def test_hour_only_clock_times_and_tokenized_percentages() -> None:
    text = "The polls closed at 10pm, and 31 per cent of voters had cast a ballot by then."
    assert number_reasons(text, "The polls closed at 10 pm.") == []
    assert number_reasons(text, "The polls closed at 11 pm.")
    assert number_reasons(text, "31 % of voters had cast a ballot.") == []
    reasons = number_reasons(text, "41 % of voters had cast a ballot.")
    assert reasons and "31 per cent" in reasons[0], reasons


def test_a_rank_the_original_never_gives() -> None:
    text = "Currently ranked 165th, the Argentine was the 32nd seed at Wimbledon in July."
    assert number_reasons(text, "Ranked 165th, the Argentine played at Wimbledon in July.") == []
    reasons = number_reasons(text, "Ranked 156th, the Argentine played at Wimbledon in July.")
    assert reasons and "“156th”" in reasons[0] and "“165th”" in reasons[0], reasons
    assert number_reasons(text, "The Argentine played at Wimbledon on the 4th of July.") == []


def test_ages_of_a_group_are_ages() -> None:
    text = "The study weighed healthy two year old children in Finland."
    assert number_reasons(text, "The study weighed healthy two-year-olds in Finland.") == []
    assert number_reasons(text, "The study weighed healthy three-year-olds in Finland.")


def test_ranges_in_words_and_figures_compare_as_ranges() -> None:
    al = aligner_of("A third of 10-11 year olds are overweight. The tour lasts 10 to 15 minutes.")
    assert "numbers" not in checks(al, "A third of 10 to 11-year-olds are overweight.")
    assert "numbers" not in checks(al, "The tour lasts 10-15 minutes.")
    assert "numbers" not in checks(al, "The tour lasts between 10 and 15 minutes.")
    assert checks(al, "The tour lasts 10 to 20 minutes.").get("numbers") == "contradicted"
    assert checks(al, "A third of 10 to 12-year-olds are overweight.").get("numbers")


def test_a_number_word_referring_back_is_not_a_count() -> None:
    al = aligner_of("Public and private lives are now mixed up, he told BBC Radio 4 on Monday.")
    assert "numbers" not in checks(al, "He told the BBC that the two are now very mixed up.")
    # where the original refers back by a number too, the numbers are compared
    al = aligner_of("Rescuers pulled two sailors from the water. The two were taken to hospital.")
    assert checks(al, "The three were taken to hospital.").get("numbers") == "contradicted"


def test_a_share_five_points_off_is_another_share() -> None:
    # a share or fraction agrees only roughly with a qualifier ("about"): 25% is not 20%
    al = aligner_of("Turnout rose to 20% in May, officials said.")
    assert checks(al, "Turnout rose to 25% in May.").get("numbers") == "contradicted"
    assert "numbers" not in checks(al, "Turnout rose to about 21% in May.")


_RATES = (
    "The central bank kept its main rate at 4.25 percent on Thursday. "
    "Inflation fell to 3.1 percent in May. "
    "Average earnings rose 5.4 percent in the year to April. "
    "The council approved the plan after a vote of 31 to 26. "
    "The firm expects profit growth of between 1 and 3 percent this year."
)


def test_a_changed_share_is_not_passed_as_the_same_one() -> None:
    """4.5% is not 5.4%: percentages used to agree within a whole point (5 with "about")."""
    al = aligner_of(_RATES)
    assert checks(al, "Average earnings rose 4.5 percent in the year to April.")
    assert checks(al, "Average earnings rose 5.4 percent in the year to April.") == {}
    assert checks(al, "Inflation fell to 3.6 percent in May.").get("numbers") == "contradicted"


def test_a_changed_vote_tally_is_contradicted() -> None:
    al = aligner_of(_RATES)
    found = number_reasons(_RATES, "The council approved the plan by 31 votes to 16.")
    assert found == [] or all("16" in r for r in found)
    assert checks(al, "The council approved the plan after a vote of 31 to 16.") == {
        "numbers": "contradicted"
    }
    assert checks(al, "The council approved the plan after a vote of 31 to 26.") == {}


def test_a_range_is_compared_as_a_range() -> None:
    al = aligner_of(_RATES)
    assert "numbers" not in checks(al, "The firm expects profit growth of 1 to 3 percent.")
    assert checks(al, "The firm expects profit growth of 3 percent this year.").get("numbers")


def test_a_changed_rank_is_decided_by_rule() -> None:
    """A rank in figures the original gives otherwise in the same sentence ("156th" for
    "165th") is a checked change; a rank the original gives nowhere near is weighed."""
    text = (
        "The Argentine is 165th in the rankings after two years out with injuries. "
        "His rival reached the final for the third time."
    )
    al = aligner_of(text)
    claim = "The Argentine, ranked 156th, has been out for two years with injuries."
    rank, flagged = by_rule_findings(al, claim, "numbers")
    assert rank and rank[0].counterpart and "165th" in rank[0].reason and flagged
    fine = "The Argentine, ranked 165th, has been out for two years with injuries."
    assert not result_of(al, fine).findings


def test_a_counted_figure_in_an_elliptical_answer_is_bound_to_its_noun() -> None:
    """An FAQ-style answer that adds details from another sentence keeps its figure's binding
    when the original counts the same noun ("4,200 homes"); a bare year does not."""
    text = (
        "The council approved a plan on Wednesday to build 4,200 homes over the next ten years. "
        "The homes will go on three sites: the old rail yards, land east of Mill Road and a "
        "former paper mill. Records of the town's housing began in 1921."
    )
    reasons = number_reasons(text, "4,200 homes over ten years, at the old rail yards.")
    assert not any("something else" in r for r in reasons), reasons
    # a verb inside a relative clause does not make the answer a statement
    reasons = number_reasons(text, "4,200 homes over ten years, on land a railway firm owns.")
    assert not any("something else" in r for r in reasons), reasons
    # a sentence with a verb is bound as before: the figure moved onto another fact
    reasons = number_reasons(text, "The flood on Wednesday damaged 4,200 homes in three towns.")
    assert any("something else" in r for r in reasons), reasons


def test_a_count_of_the_same_noun_changed_is_not_explained_as_derived() -> None:
    """ "three grandchildren" where the evidence says "five grandchildren" (and 3 = 5 - 2 with
    its "two great-grandchildren") is a changed figure, not a derived one."""
    text = "She is survived by a daughter, five grandchildren and two great-grandchildren."
    reasons = number_reasons(text, "She is survived by a daughter, three grandchildren.")
    assert reasons and "five grandchildren" in reasons[0], reasons
    assert number_reasons(text, "She is survived by a daughter and five grandchildren.") == []


def test_a_count_of_a_synonymous_noun_is_the_same_count() -> None:
    """ "seven league games" for "seven league matches", beside "16 games" in the sentence."""
    text = "Athletic have lost their last seven league matches and have won two of their 16 games."
    assert number_reasons(text, "Athletic have lost each of their last seven league games.") == []
    assert number_reasons(text, "Athletic have lost each of their last eleven league games.")


def test_the_two_sides_are_both_sides() -> None:
    text = "Both sides are expected to meet on Thursday at the arbitration service."
    assert number_reasons(text, "The two sides are expected to meet on Thursday.") == []
    counted = "Both of the three unions said the two sides are expected to meet on Thursday."
    assert number_reasons(counted, "The two unions said the sides would meet on Thursday.")


def test_a_length_of_time_in_other_units_is_the_same_figure() -> None:
    text = '"The next 48 hours are critical," the fire chief said on Monday.'
    assert not number_reasons(text, "The next two days are critical, the fire chief said.")
    assert number_reasons(text, "The next three days are critical, the fire chief said.")


def test_a_count_noun_paraphrase_is_the_same_unit() -> None:
    text = "Joan Ashby said four serious crashes had happened on the road since 2022."
    assert not number_reasons(text, "Joan Ashby said four serious collisions had occurred.")


def test_travellers_are_the_passengers_the_original_counts() -> None:
    text = "The strike left about 31,000 passengers to rebook or seek refunds."
    found = number_reasons(text, "Roughly 13,000 travellers have been left needing to rebook.")
    assert found and "31,000" in found[0]


def test_a_figure_in_other_currency_words_and_units_is_the_same() -> None:
    al = aligner_of(
        "The council voted 9 to 6 on Tuesday to borrow 30 million euros. The company employs "
        "186 crane operators and expects about 120 of those positions to be cut."
    )
    for claim in (
        "The council will take out a 30 million euro loan.",
        "Nine councillors voted for the loan and six against.",
        "About 120 of the terminal's 186 crane operator positions are expected to be cut.",
    ):
        assert "numbers" not in checks(al, claim), claim
    assert checks(al, "The council will take out a 40 million euro loan.").get("numbers")


def test_a_time_taken_is_compared_as_a_length_of_time() -> None:
    al = aligner_of(
        "Elias Moro won the race in 2 hours 7 minutes 41 seconds, beating the record of 2:08:55."
    )
    assert "numbers" not in checks(al, "Elias Moro won the race in 2:07:41.")
    assert checks(al, "Elias Moro won the race in 2:06:41.").get("numbers") == "contradicted"


def test_a_figure_counting_the_same_thing_in_another_word_agrees() -> None:
    al = aligner_of("Inspectors found cracks in two of its steel support beams, the council said.")
    assert "numbers" not in checks(al, "Inspectors found fissures in two of its steel girders.")
    assert checks(al, "Inspectors found fissures in three of its steel girders.").get("numbers")


def test_a_firm_s_name_before_a_figure_is_no_age_and_m_is_metres() -> None:
    al = aligner_of(
        "A survey by Calloway & Brandt found 14 cracks, the longest 3 metres. The camera can spot "
        "objects as small as 1.5 metres across."
    )
    claim = "Cracks found, according to the survey by Calloway & Brandt, 14, the longest 3 metres."
    assert "numbers" not in checks(al, claim)
    assert "numbers" not in checks(al, "The camera can spot objects as small as 1.5 m across.")
    assert checks(al, "The camera can spot objects as small as 2.5 m across.").get("numbers")


def test_a_tally_told_in_words_with_votes_is_the_original_s() -> None:
    al = aligner_of("The district planning board voted 7 to 2 in favour after a long hearing.")
    assert "numbers" not in checks(al, "The planning board backed the plans by seven votes to two.")
    assert checks(al, "The planning board backed the plans by six votes to three.").get("numbers")


def test_people_counts_staff_and_a_participle_is_no_unit() -> None:
    al = aligner_of(
        "About 90 staff work in the affected shops. Fewer than 7,000 snow leopards are thought "
        "to remain in the wild."
    )
    assert "numbers" not in checks(al, "Around 90 people work in the shops that are closing.")
    assert checks(al, "Around 60 people work in the shops that are closing.").get("numbers")
    assert "numbers" not in checks(al, "Fewer than 7,000 are thought to be left in the wild.")


def test_a_range_with_its_unit_twice_is_the_original_range() -> None:
    al = aligner_of("The union would ask the firm to extend redundancy pay from 12 to 20 weeks.")
    assert "numbers" not in checks(
        al, "The union wants redundancy pay raised from 12 weeks to 20 weeks."
    )
    assert checks(al, "The union wants redundancy pay raised from 12 weeks to 24 weeks").get(
        "numbers"
    )


def test_a_small_count_of_a_list_the_original_gives() -> None:
    al = aligner_of("Most new stations will be placed in the Eastmere and Calloway neighbourhoods.")
    assert "numbers" not in checks(
        al, "Most new stations go to Eastmere and Calloway, two neighbourhoods."
    )
    assert checks(al, "Most new stations go to Eastmere and Calloway, three neighbourhoods.").get(
        "numbers"
    )


def test_a_share_the_headline_gives() -> None:
    text = (
        "Drivers will pay 4.80 dollars a trip from July 1, up from 3.50 dollars. Fares on the "
        "ferry rose 20 percent last year."
    )
    meta = ArticleMeta(title="Tolls on Mardale Crossing to Rise by 37 Percent From July")
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text), meta=meta)))
    assert "numbers" not in checks(al, "That's a jump of about 37 percent.")
    assert checks(al, "Ferry fares rose 37 percent last year.").get("numbers") == "contradicted"


def test_a_figure_derived_from_the_original_s_is_supported() -> None:
    al = aligner_of(
        "The council will pay 70 percent of the repair bill, with the club covering the rest. "
        "The grant of 3.6 million pounds is meant to reach 9,000 households. "
        "The fair drew 52,000 visitors, up from 40,000 last year. "
        "The yard employs 180 welders and 45 electricians."
    )
    assert "numbers" not in checks(al, "The club pays 30 percent of the bill.")
    assert checks(al, "The club pays 40 percent of the bill.").get("numbers")
    assert "numbers" not in checks(al, "That is roughly 400 pounds a household.")
    assert checks(al, "That is roughly 900 pounds a household.").get("numbers")
    assert "numbers" not in checks(al, "The fair drew 30 percent more visitors than last year.")
    assert checks(al, "The fair drew 45 percent more visitors than last year.").get("numbers")
    fell = aligner_of("The fair drew 40,000 visitors, down from 50,000 last year.")
    assert "numbers" not in checks(fell, "The fair drew 20 percent fewer visitors than last year.")
    assert checks(fell, "The fair drew 35 percent fewer visitors than last year.").get("numbers")
    assert "numbers" not in checks(al, "The yard employs 225 people in all.")
    assert checks(al, "The yard employs 245 people in all.").get("numbers")


def test_a_count_of_the_list_the_claim_gives_and_a_share_as_one_in_three() -> None:
    al = aligner_of(
        "Late filers pay a fixed fee of 100 pounds, interest of 4 percent and a surcharge. "
        "About one in three adults in the town owns a bicycle."
    )
    assert "numbers" not in checks(
        al, "Late filers face three charges: a fixed fee of 100 pounds, interest and a surcharge."
    )
    assert "numbers" not in checks(al, "A third of the town's adults own a bicycle.")
    assert checks(al, "A quarter of the town's adults own a bicycle.").get("numbers")


def test_a_unit_abbreviation_is_neither_a_name_nor_another_unit() -> None:
    al = aligner_of("The council approved a 30-megawatt solar farm on Tuesday.")
    assert checks(al, "A 30-megawatt (MW) solar farm was approved on Tuesday.") == {}
    assert "numbers" not in checks(al, "The council approved a 30 MW solar farm on Tuesday.")


def test_a_change_from_the_same_start_to_another_end_is_contradicted() -> None:
    al = aligner_of(
        "Visitor numbers at the three sites have fallen sharply, from a combined 96,000 visits "
        "in 2019 to about 41,000 last year."
    )
    wrong = (
        "Attendance has dropped, sliding from a combined 96,000 visits in 2019 to roughly 46,000."
    )
    reasons = [r for c, _, r in findings_of(al, wrong) if c == "numbers"]
    assert any("end of the change" in r and "41,000" in r for r in reasons), reasons
    right = (
        "Attendance has dropped, sliding from a combined 96,000 visits in 2019 to roughly 41,000."
    )
    assert "numbers" not in checks(al, right)


def test_a_sum_that_only_happens_to_match_is_no_derivation() -> None:
    from newsfaq.audit.checks.figures import _SUM_CUE, _derived
    from newsfaq.text.numbers import find_numbers

    given = find_numbers("it added 1.8 million dollars to reach 7 million dollars")
    (claimed,) = find_numbers("8.8 million dollars")
    assert _derived(claimed, given, given, sums=True)
    assert not _derived(claimed, given, given, sums=False)
    assert _SUM_CUE.search("Together they cost 8.8 million dollars.")
    assert not _SUM_CUE.search("The fund is going to 8.8 million dollars.")


def test_a_distinctive_figure_the_original_never_gives_decides_by_rule() -> None:
    al = aligner_of(
        "Helen Marchbank, who grows potatoes near Cradley, said she expected to lose about a "
        "third of her crop. The appeal raised 60,000 dollars in four weeks."
    )
    money, ruled = by_rule_findings(
        al, "She expects to lose roughly a third of her harvest, worth around £90,000.", "numbers"
    )
    assert ruled and any("£90,000" in f.reason and f.new_content for f in money), money
    donors, ruled = by_rule_findings(
        al, "The appeal raised 60,000 dollars from more than 900 donors in four weeks.", "numbers"
    )
    assert ruled and any("900" in f.reason for f in donors), donors
    # a small count the original does not give is left to the verdict model ("two weeks")
    small, ruled = by_rule_findings(
        al, "The appeal raised 60,000 dollars in four weeks from two towns.", "numbers"
    )
    assert not any(f.new_content for f in small), small


def test_transposed_digits_are_no_rounding() -> None:
    al = aligner_of(
        "Schools began the term with 4,730 posts unfilled. The figure is 18 percent higher "
        "than a year earlier, when 4,010 posts were vacant. About 1,187,000 pupils are affected."
    )
    found = checks(al, "A year earlier 4,100 posts were empty.")
    assert found.get("numbers") == "contradicted"
    # a rounding of the original's figure stays a rounding
    for claim in (
        "A year earlier 4,000 posts were empty.",
        "Some 1.2 million pupils are affected.",
    ):
        assert "numbers" not in checks(al, claim), claim


def test_a_count_of_the_list_the_claim_gives_after_a_colon_is_no_new_figure() -> None:
    al = aligner_of(
        "The closure affects about 2,400 weekly users, including two youth hockey clubs, a "
        "figure-skating school and public sessions."
    )
    claim = (
        "Three main groups: two youth hockey clubs, a figure-skating school and people who go "
        "to public sessions, about 2,400 users a week in all."
    )
    assert "numbers" not in checks(al, claim)
    # a count that is not that of its list is still a figure the original never gives
    wrong = claim.replace("Three", "Four")
    assert checks(al, wrong).get("numbers") == "unsupported"


def test_two_changes_in_one_sentence_are_read_apart() -> None:
    text = (
        "The union says the new rotas lengthen shifts from 9 hours to 11 and cut rest days "
        "from four a week to three."
    )
    claim = "The rotas stretch shifts from 9 hours to 11 and reduce rest days from four to three."
    assert number_reasons(text, claim) == []
    wrong = "The rotas stretch shifts from 9 hours to 12 and reduce rest days from four to three."
    assert number_reasons(text, wrong)


def test_a_capacity_counts_the_people_a_ground_holds() -> None:
    text = "The ground, which holds 12,400 spectators, has been called Ferry Lane since 1931."
    assert number_reasons(text, "The 12,400-capacity ground has been called Ferry Lane.") == []
    assert number_reasons(text, "The 12,400-capacity ground was sold in 1931 for a pound.")


def test_a_closed_compound_binds_a_date_to_its_two_word_verb() -> None:
    """ "walkout" for "walk out", "48-hour" for "48 hours": the date is about the same thing."""
    text = (
        "Deck crews at Harrow Isles Ferries will walk out for 48 hours from Friday, May 15, after "
        "members backed action, the union said."
    )
    assert number_reasons(text, "The 48-hour walkout is due to begin on Friday, May 15.") == []


def test_a_range_of_percentages_written_in_words() -> None:
    text = "Engineers expect that removing the charge could increase traffic by 10% to 15%."
    assert number_reasons(text, "Engineers expect traffic could rise by 10-15%.") == []
    assert number_reasons(text, "Engineers expect traffic could rise by 10-25%.")


def test_an_average_is_stated_exactly() -> None:
    text = "Households will pay an average of 560 pounds a year from April, up from 512 pounds."
    assert number_reasons(text, "The average bill goes from 512 pounds to 580 pounds a year.")
    assert number_reasons(text, "The average bill goes from 512 pounds to 560 pounds.") == []


def test_a_rough_figure_beside_the_evidence_s_own_is_a_change() -> None:
    """ "about £47,500" where the evidence says "about £37,500" (and "£48,000" is elsewhere)."""
    text = (
        "A crew from Greywood, which the council hired under a 48,000 pound contract, began "
        "work. Trips on the paving have led to 11 insurance claims, costing about 37,500 pounds."
    )
    claim = (
        "Trips on the paving have led to 11 insurance claims, with payouts of about 47,500 pounds."
    )
    assert any("37,500" in r for r in number_reasons(text, claim))


def test_jobs_count_staff_and_ones_count_what_they_stand_for() -> None:
    text = "It will hire at least 45 permanent staff. Two old berths will go and two new ones come."
    assert number_reasons(text, "At least 45 permanent jobs will be created.") == []
    assert number_reasons(text, "At least 54 permanent jobs will be created.")
    assert number_reasons(text, "The two old berths will be replaced by two new units.") == []


def test_a_label_number_and_a_length_in_metres() -> None:
    text = "The new berth will take vessels of up to 150 metres, compared with 110 metres today."
    assert (
        number_reasons(text, "The new berth will take vessels of up to 150m, vs 110m today.") == []
    )
    assert number_reasons(text, "The new berth will take vessels of up to 180m, vs 110m today.")
    assert number_reasons(text, "Phase 2 of the work covers the new berth.") == []


def test_a_vote_tally_is_checked_against_the_articles_vote() -> None:
    al = aligner_of(
        "Kelsey Fire Authority approved the night rota on Monday. Kelsey's station will be "
        "crewed all night from June. The vote was carried by eight votes to five."
    )
    wrong = "The authority approved the night rota on Monday by eight votes to two."
    found, ruled = by_rule_findings(al, wrong, "numbers")
    assert found and ruled, found
    assert "eight votes to two" not in checks(al, "It passed by eight votes to five.")


def test_a_range_with_another_end_is_a_change_not_a_derived_figure() -> None:
    al = aligner_of(
        "Harwood Bank withdrew a £2.3 million overdraft facility the week before. The firm had "
        "debts of around £7.8 million. The administrators expect to sell the firm's yard in Elm "
        "Row, which has been valued at between £1.5 million and £1.8 million, within six months."
    )
    wrong = "The yard has been valued at between £1.5 million and £2.8 million."
    found, ruled = by_rule_findings(al, wrong, "numbers")
    assert found and ruled, found
    fair = "The yard has been valued at between £1.5 million and £1.8 million."
    assert not by_rule_findings(al, fair, "numbers")[0]


def test_a_ceiling_told_as_the_figure_or_turned_into_a_floor_is_found() -> None:
    al = aligner_of(
        "The agreement gives the council a share of the income, which officers estimate at up "
        "to £70,000 a year."
    )
    for wrong in (
        "The council's share will be £70,000 a year.",
        "The council's share will be at least £70,000 a year.",
    ):
        found, ruled = by_rule_findings(al, wrong, "numbers")
        assert found and ruled, (wrong, found)
    for fair in (
        "Officers estimate the council's share at up to £70,000 a year.",
        "The council's share is capped at £70,000 a year.",
        "Officers estimate the council's share at £70,000 a year or less.",
    ):
        assert not by_rule_findings(al, fair, "numbers")[0], fair


def test_sites_may_count_the_places_the_original_names() -> None:
    al = aligner_of("Inspectors found the disease at three orchards near Wyle on Friday.")
    assert "numbers" not in checks(al, "The disease was found at three affected sites.")
    found = checks(al, "The disease was found at three hundred affected sites.")
    assert found.get("numbers"), found


def test_jobs_roles_and_a_headcount_count_the_same_workforce() -> None:
    al = aligner_of("Ferrow Labs said it would cut 85 jobs, a fifth of its 425-strong workforce.")
    fair = "Ferrow Labs is shedding 85 roles from a 425-strong headcount."
    assert "numbers" not in checks(al, fair)
    found = checks(al, "Ferrow Labs is shedding 58 roles from a 425-strong headcount.")
    assert found.get("numbers"), found
    al = aligner_of(
        "The caterer would hire around 40 of Fresco's kitchen staff, its director said."
    )
    assert "numbers" not in checks(al, "Around 40 of Fresco's kitchen team will be hired.")


def test_minutes_written_short_are_minutes() -> None:
    al = aligner_of("Staff had to stay up to 30 minutes after closing, the tribunal found.")
    assert "numbers" not in checks(al, "Staff had to stay up to 30 mins after closing.")
    found = checks(al, "Staff had to stay up to 40 mins after closing.")
    assert found.get("numbers") == "contradicted", found


def test_a_changed_rank_is_a_changed_figure() -> None:
    al = aligner_of(
        "The fund shared £31 million between 11 schemes this year. Kelby's award was the third "
        "largest. Work on the second phase starts in May."
    )
    found = checks(al, "It was the second largest of the 11 schemes that shared £31 million.")
    assert found.get("numbers") == "contradicted", found
    assert "numbers" not in checks(al, "It was the third largest of the 11 schemes.")
    assert "numbers" not in checks(al, "Work on the second phase starts in May.")
    # a ranked noun is not compared: its noun may come from elsewhere in the sentence
    al = aligner_of(
        "The fee is $7 million in the first season, rising to $12 million by the fifth."
    )
    assert "numbers" not in checks(al, "It rises to $12 million in the fifth season.")


def test_a_number_naming_a_thing_as_the_original_does_is_no_count() -> None:
    al = aligner_of(
        "Lock 7 at Hollincote on the Ashby Canal reopened to boats on Saturday, May 16, for the "
        "first time since 1961, after a three-year restoration costing £1.8 million."
    )
    claim = (
        "Lock {} at Brindle, on the Ashby Canal, was closed in 1961 after part of its wall fell."
    )
    assert "numbers" not in checks(al, claim.format(7))
    assert checks(al, claim.format(8)).get("numbers")


def test_a_change_in_pence_is_read_to_its_end() -> None:
    al = aligner_of(
        "Valemoor Dairies will cut the price it pays farmers by 2.1p a litre from 1 April, "
        "taking its standard litre price to 34.4p."
    )
    claim = "By 2.1p a litre from 1 April, taking its standard litre price to {}."
    assert "numbers" not in checks(al, claim.format("34.4p"))
    assert checks(al, claim.format("35.4p")).get("numbers") == "contradicted"


def test_a_range_whose_ends_the_original_gives_is_no_change() -> None:
    al = aligner_of(
        "Damage has been provisionally estimated at £4 million to £6 million, according to a "
        "person familiar with the figures."
    )
    claim = "Damage provisionally estimated at {}, according to a person familiar with it."
    assert "numbers" not in checks(al, claim.format("£4m–£6m"))
    assert checks(al, claim.format("£4m–£7m")).get("numbers") == "contradicted"


def test_a_24_hour_time_is_its_12_hour_twin() -> None:
    al = aligner_of("A length of overhead wire came down near the Mill Road stop at about 6.15pm.")
    claim = "A length of overhead wire came down near the Mill Road stop at about {}."
    assert "numbers" not in checks(al, claim.format("18:15"))
    assert checks(al, claim.format("19:15")).get("numbers") == "contradicted"


def test_a_day_of_a_month_the_tagger_leaves_untagged_is_no_count() -> None:
    al = aligner_of(
        "The choir has asked its deputy director to lead the remaining five concerts of the "
        "season, including the summer gala on Saturday, 30 May."
    )
    gala = (
        "The choir asked its deputy director to take the {} remaining concerts, the summer "
        "gala on Saturday, {} May, included."
    )
    assert "numbers" not in checks(al, gala.format("five", "30"))
    assert checks(al, gala.format("seven", "30")).get("numbers") == "contradicted"
    assert checks(al, gala.format("five", "31")).get("dates") == "contradicted"


def test_a_label_that_only_says_the_figure_is_a_sum() -> None:
    al = aligner_of(
        "Members of the Ridgeway Golf Club voted on Thursday to sell 38 acres of the course to "
        "housebuilder Ferncroft Homes for £9.4 million."
    )
    assert "numbers" not in checks(al, "Price: £9.4 million.")
    assert checks(al, "Debt: £9.4 million.").get("numbers") == "unsupported"


def test_two_figures_of_one_sentence_are_no_slot_of_another() -> None:
    al = aligner_of(
        "The annual water charge for a full plot will go up from £30 to £42, and for a half "
        "plot from £15 to £21. Committee papers show that Severnbrook billed the council "
        "£26,400 for allotment water in 2025, up from £19,100 the year before."
    )
    assert "numbers" not in checks(al, "Water will cost £42 a year, up from £30 the year before.")
    assert checks(al, "Water will cost £42 a year, up from £35 the year before.").get("numbers")


def test_a_unit_tagged_as_a_name_counts_the_figure() -> None:
    al = aligner_of(
        "The work will lower the channel to 11 metres, which will allow container ships of up "
        "to 9,000 TEU to berth at low tide."
    )
    ships = "The deeper channel will let container ships of up to {} TEU berth at low tide."
    assert "numbers" not in checks(al, ships.format("9,000"))
    assert checks(al, ships.format("7,000")).get("numbers")


def test_a_unit_and_a_half_is_one_and_a_half_units() -> None:
    al = aligner_of(
        "Dr Priya Oduya said response times in the east of the town could improve by up to 90 "
        "seconds."
    )
    faster = "Response times in the east could improve by up to {} and a half, Dr Oduya said."
    assert not {"numbers", "clauses"} & set(checks(al, faster.format("a minute")))
    assert checks(al, faster.format("an hour")).get("numbers")


def test_the_end_of_a_change_written_with_a_short_scale() -> None:
    al = aligner_of(
        "The authority said the cost of the barrier across the mouth of the River Teal has "
        "risen from £64m to £91m, mainly because steel and concrete prices climbed."
    )
    cost = "The projected cost of the barrier has increased from £64m to {}."
    assert "numbers" not in checks(al, cost.format("£91m"))
    assert checks(al, cost.format("£95m")).get("numbers")


def test_a_length_of_time_the_original_gives_without_a_figure() -> None:
    al = aligner_of(
        "Parents reported delays of up to 25 minutes on several routes during the first "
        "fortnight under the new operator."
    )
    delays = "During the operator's first {}, parents reported delays of up to 25 minutes."
    assert "numbers" not in checks(al, delays.format("two weeks"))
    assert checks(al, delays.format("three weeks")).get("numbers")


def test_a_change_is_of_the_figure_after_than_and_no_share_is_a_product() -> None:
    al = aligner_of(
        "The trust, which runs two sports halls, will receive £410,000 a year to manage the "
        "20-year-old rink, against the £585,000 a year paid to GlideLine."
    )
    fee = "The trust will get £410,000 a year, roughly {}% less than the £585,000 GlideLine got."
    assert "numbers" not in checks(al, fee.format(30))
    assert checks(al, fee.format(40)).get("numbers")


def test_a_figure_put_on_another_name() -> None:
    al = aligner_of(
        "Inspectors boarded the MV Corran Bay and the MV Islay Star on 3 March. The chartered "
        "boat can carry 60 passengers, against 250 on the Corran Bay, and will make four "
        "crossings a day."
    )
    claim = "It can carry 60 passengers, compared with 250 on the {}."
    assert "entities" not in checks(al, claim.format("Corran Bay"))
    assert checks(al, claim.format("Islay Star")).get("entities")


def test_those_who_do_a_thing_are_counted_by_its_doers_noun() -> None:
    al = aligner_of(
        "Hallam Marine was not the cheapest of the five bidders. Council officers said its bid "
        "scored highest on quality."
    )
    firms = "Of the {} firms that bid, Hallam Marine was not the cheapest."
    assert "numbers" not in checks(al, firms.format("five"))
    assert checks(al, firms.format("six")).get("numbers")


def test_a_figure_a_participle_follows_counts_what_the_sentence_leaves_unsaid() -> None:
    al = aligner_of(
        "The council is cutting its library budget, and the Brookmere branch was one of four "
        "facing closure."
    )
    claim = "Brookmere was one of {} branches facing closure."
    assert "numbers" not in checks(al, claim.format("four"))
    assert checks(al, claim.format("five")).get("numbers")


def test_a_day_of_a_month_and_a_count_after_it() -> None:
    al = aligner_of(
        "At a general meeting on Sunday, June 21, 185 members backed the sale and 65 opposed it, "
        "a majority of 74 per cent."
    )
    assert "numbers" not in checks(al, "Result: 185 for, 65 against, a 74% majority.")
    assert checks(al, "Result: 195 for, 65 against, a 74% majority.").get("numbers")


def test_as_deep_as_is_a_ceiling_and_gone_a_difference() -> None:
    al = aligner_of(
        "Standing water up to 30cm deep covered the lowest plots. The council cut its subsidy "
        "from £1.5m to £1.05m."
    )
    assert "numbers" not in checks(al, "Water as deep as 30cm covered the lowest plots.")
    assert checks(al, "Water as deep as 40cm covered the lowest plots.").get("numbers")
    assert "numbers" not in checks(al, "That's £450k gone from the subsidy.")
    assert checks(al, "That's £550k gone from the subsidy.").get("numbers")


def test_the_counts_of_a_vote_written_with_a_hyphen() -> None:
    text = "The club's board voted 7-2 on Monday, March 9, to end the coach's contract."
    voted = "{} board members voted on Monday, March 9 to end his contract, with two against."
    assert number_reasons(text, voted.format("Seven")) == []
    assert number_reasons(text, voted.format("Six"))


def test_ten_years_for_a_decade() -> None:
    text = "Its junior squad won 14 medals last June, the club's best tally in a decade."
    best = "The squad bagged 14 medals last June, the club's best haul in {} years."
    assert number_reasons(text, best.format("ten")) == []
    assert number_reasons(text, best.format("five"))


def test_an_age_in_years_for_years_old() -> None:
    text = (
        "The council has agreed a five-year, £3.2m contract to lease 140 electric vehicles, "
        "replacing a fleet that is on average nine years old."
    )
    fleet = "The vehicles will replace the council's fleet, whose average age is {} years."
    assert number_reasons(text, fleet.format("nine")) == []
    assert number_reasons(text, fleet.format("seven"))


def test_a_part_of_a_group_of_whom_is_counted_as_what_it_is() -> None:
    text = (
        "The closure means seven staff, including three apprentices, will lose their jobs. "
        '"We bake from four in the morning," Mrs Arkwright said.'
    )
    part = "The closure means seven staff, {} of whom are apprentices, will lose their jobs."
    assert number_reasons(text, part.format("three")) == []
    assert number_reasons(text, part.format("four"))


def test_a_figure_given_in_another_phrase_may_be_wording_unless_it_counts_another_thing() -> None:
    from newsfaq.audit.checks.figures import _counts_nothing_else, _figures

    al = aligner_of(
        "The company issued 145 million shares last year. Frozen meals, which account for about "
        "a third of the company's sales, grew 11 percent."
    )
    moved = "Frozen meals, which account for 145 million of the company's sales, grew."
    assert [f.wording for f in result_of(al, moved).findings if f.check == "numbers"] == [False]
    four = _figures(parse("The library was one of four facing closure.")[:])[-1]
    assert _counts_nothing_else(four, "The library was one of four branches facing closure.")
    (shares,) = _figures(parse("The company issued 145 million shares.")[:])
    assert not _counts_nothing_else(shares, moved)


def test_a_rise_told_as_jumps_by_may_be_the_difference_of_the_originals_figures() -> None:
    """ "jumps by £3, from £9 to £12": the £3 is the change the original's figures give."""
    al = aligner_of(
        "A stay of up to two hours will rise from £2.50 to £3.50, while a full day will go "
        "from £9 to £12."
    )
    assert "numbers" not in checks(al, "A full day jumps by £3, from £9 to £12.")
    assert checks(al, "A full day jumps by £4, from £9 to £12.").get("numbers")


def test_a_threshold_may_be_called_a_mark() -> None:
    al = aligner_of(
        "Counts reached 180,000 cells, nine times the 20,000 threshold at which it issues "
        "public warnings."
    )
    assert "numbers" not in checks(al, "That's nine times the 20,000 mark for public warnings.")
    found = checks(al, "That's nine times the 25,000 mark for public warnings.")
    assert found.get("numbers"), found


def test_a_range_in_words_shares_its_scale_word() -> None:
    """ "between thirty-one and thirty-four thousand pounds" is £31,000 to £34,000."""
    al = aligner_of("Starting pay will be £31,000 to £34,000 a year.")
    fair = "Starting pay: between thirty-one and thirty-four thousand pounds a year."
    assert "numbers" not in checks(al, fair)
    found = checks(al, "Starting pay: between thirty-one and thirty-nine thousand pounds a year.")
    assert found.get("numbers"), found


def test_zero_things_is_a_denial_and_shows_count_concerts() -> None:
    al = aligner_of(
        "There is no bus to the village on a Sunday. The limit covers the six scheduled "
        "concerts at the stadium."
    )
    assert "numbers" not in checks(al, "There are zero buses to the village on a Sunday.")
    assert "numbers" not in checks(al, "The limit covers all six shows at the stadium.")
    found = checks(al, "The limit covers all seven shows at the stadium.")
    assert found.get("numbers"), found


def test_a_length_of_time_in_two_units_is_their_sum() -> None:
    """ "a year and eight months" is 20 months, not eight."""
    al = aligner_of("The repairs are expected to start in May and could take up to 20 months.")
    fair = "Repairs could run to as much as a year and eight months."
    assert "numbers" not in checks(al, fair)
    found = checks(al, "Repairs could run to as much as a year and ten months.")
    assert found.get("numbers") == "contradicted", found


def test_a_share_of_a_whole_the_original_gives_in_figures() -> None:
    al = aligner_of(
        "The museum said the new wing would cost £5,000,000, of which £1,800,000 comes from "
        "a bequest. The remaining £3,200,000 will be raised by an appeal."
    )
    assert "numbers" not in checks(
        al, "Just over a third of that sum, £1.8m, comes from a bequest."
    )
    assert "numbers" not in checks(
        al, "Nearly two thirds of the cost, £3.2m, will come from an appeal."
    )
    found = checks(al, "About a quarter of the cost, £3.2m, will come from an appeal.")
    assert found.get("numbers") == "contradicted", found


def test_one_for_every_n_is_the_ratio_of_two_figures() -> None:
    al = aligner_of("The scheme has 240 flats and 60 parking spaces.")
    fair = "There are 60 parking spaces for the 240 flats, or one space for every four flats."
    assert "numbers" not in checks(al, fair)
    found = checks(al, "There are 60 parking spaces, or one space for every three flats.")
    assert found.get("numbers"), found


def test_a_share_of_a_century_is_a_length_of_time() -> None:
    al = aligner_of("Its secretary, Jean Marsh, a plot holder for 25 years, said rents could rise.")
    fair = "Its secretary, Jean Marsh, who has held a plot for a quarter of a century, said so."
    assert not {"numbers", "clauses"} & set(checks(al, fair)), checks(al, fair)
    found = checks(
        al, "Its secretary, who has held a plot for half a century, said rents could rise."
    )
    assert found.get("numbers") == "contradicted", found


def test_only_one_for_every_n_is_read_as_a_ratio() -> None:
    al = aligner_of("The club had 4,000 members and 100 staff last year.")
    found = checks(al, "With its 100 staff, the club saw a fall to 40 members last year.")
    assert found.get("numbers"), found


def test_a_clock_time_in_words() -> None:
    """ "half past eight in the evening" is the original's "8.30pm", not the figures "half"
    and "eight"; another time in words is a change."""
    al = aligner_of("Ice cream vans must leave the promenade by 8.30pm, the council said.")
    assert "numbers" not in checks(al, "Vans must be off the promenade by half past eight.")
    found = checks(al, "Vans must be off the promenade by half past nine in the evening.")
    assert found.get("numbers") == "contradicted"


def test_every_half_hour_is_every_thirty_minutes() -> None:
    al = aligner_of("The shuttle will run every 30 minutes from the station, the operator said.")
    assert "numbers" not in checks(al, "The shuttle will leave the station every half hour.")
    al = aligner_of("The shuttle will run every 20 minutes from the station, the operator said.")
    assert checks(al, "The shuttle will leave the station every half hour.").get("numbers")


def test_a_length_of_time_the_original_gives_in_another_sentence() -> None:
    """ "a year and a half" for the "18 months" of a sentence the claim is not aligned to,
    beside a figure of another length ("every six minutes") in the one it is."""
    text = (
        "The new depot would let the company run trams every six minutes. "
        "Building is expected to start in June and could take up to 18 months."
    )
    claim = "The company could run trams every six minutes for a year and a half."
    assert not any("a year and a half" in r for r in number_reasons(text, claim))


def test_a_difference_the_claim_shows_beside_its_figures() -> None:
    """ "six more trams, taking the fleet from 32 to 38"; "lose 110 of its 420 seats, leaving
    310": the claim gives both figures of the original its figure is the difference of."""
    text = (
        "The fleet will grow from 32 to 38 trams, the operator said. The refurbishment "
        "will cut the main screen from 420 seats to 310."
    )
    al = aligner_of(text)
    assert "numbers" not in checks(al, "Six more trams will join, taking the fleet from 32 to 38.")
    assert "numbers" not in checks(
        al, "The main screen will lose 110 of its 420 seats, leaving 310."
    )
    assert checks(al, "Seven more trams will join, taking the fleet from 32 to 38.").get("numbers")


def test_the_part_a_share_of_a_whole_makes() -> None:
    """ "18 of them affordable" for 30 per cent of 60 homes; "roughly £3,600" for 40 per cent of
    around £9,000. Another part is still a changed figure."""
    al = aligner_of(
        "Kelham Homes said it planned to build 60 homes on the old depot site, 30 per cent of "
        "them affordable. A 2025 survey found the fair raises around £9,000 a year, 40 per cent "
        "of which goes to the hospice."
    )
    claim = "Kelham Homes set out plans for 60 homes on the depot site, 18 of them affordable."
    assert "numbers" not in checks(al, claim)
    claim = "The survey found that two fifths of that sum, roughly £3,600, goes to the hospice."
    assert "numbers" not in checks(al, claim)
    claim = "Kelham Homes set out plans for 60 homes on the depot site, 28 of them affordable."
    assert checks(al, claim).get("numbers") == "contradicted"


def test_a_gap_between_the_two_ends_of_a_range() -> None:
    """ "between £380,000 and £420,000, a gap of £40,000": the claim shows the difference of
    the range's two ends; another gap is still a changed figure."""
    al = aligner_of(
        "He estimated the cost of rebuilding the hall at between £380,000 and £420,000. The "
        "insurer did not say whether it would pay."
    )
    claim = "He put the rebuilding cost at between £380,000 and £420,000, a gap of £40,000."
    assert "numbers" not in checks(al, claim)
    claim = "He put the rebuilding cost at between £380,000 and £420,000, a gap of £50,000."
    assert checks(al, claim).get("numbers") == "contradicted"


def test_a_share_of_a_whole_given_in_another_sentence_and_a_height_as_tall_as() -> None:
    """ "1.5 per cent of the sale price, equivalent to £35,250" where the price (£2,350,000)
    is in another sentence; "as tall as 149 metres" is the original's ceiling "up to"."""
    al = aligner_of(
        "The council has agreed to sell the town hall to Ridgeway Estates for £2,350,000. "
        "Turbines up to 149 metres tall would stand on the moor. The council will pay Fenner "
        "Price a fee of 1.5 per cent of the sale price."
    )
    fair = "Fenner Price will be paid 1.5 per cent of the sale price, equivalent to £35,250."
    assert "numbers" not in checks(al, fair)
    wrong = "Fenner Price will be paid 1.5 per cent of the sale price, equivalent to £36,250."
    assert checks(al, wrong).get("numbers")
    assert "numbers" not in checks(al, "The turbines would be as tall as 149 metres.")
    assert checks(al, "The turbines would be as tall as 159 metres.").get("numbers")


def test_a_count_of_the_same_things_in_another_word_is_the_same_figure() -> None:
    al = aligner_of(
        "The family has run the ferry company for three generations. Its three ships carry "
        "410,000 passengers a year; the oldest, the MV Ailsa Grace, is 41 years old."
    )
    assert "numbers" not in checks(al, "The MV Ailsa Grace is the oldest of its three vessels.")
    assert checks(al, "The MV Ailsa Grace is the oldest of its four vessels.").get("numbers")


_ALMSHOUSES = (
    "The charity will spend £3.4m on converting the almshouses into eight flats. "
    "Work could begin in September. The flats will be let to people over 60. "
    "The Hollin Foundation has pledged £1.2m towards the work, and the remainder will be "
    "covered by a loan from a building society. Rents will be set at 65 per cent of local "
    "market levels."
)


def test_the_rest_of_a_whole_the_original_gives_is_derived() -> None:
    """ "the other £2.2m" where the evidence gives £1.2m and "the remainder", and the £3.4m
    whole is two sentences before."""
    claim = "The foundation has pledged £1.2m, with the other £2.2m to come as a loan."
    assert number_reasons(_ALMSHOUSES, claim) == []
    wrong = "The foundation has pledged £1.2m, with the other £2.4m to come as a loan."
    assert number_reasons(_ALMSHOUSES, wrong)


def test_a_share_of_a_whole_told_as_the_share_below_it() -> None:
    """ "35 per cent below market levels" is "65 per cent of" them; "65 per cent below" is
    not."""
    assert number_reasons(_ALMSHOUSES, "Rents will be 35 per cent below local market levels.") == []
    [reason] = number_reasons(_ALMSHOUSES, "Rents will be 65 per cent below local market levels.")
    assert "65 per cent" in reason and "35 per cent below" in reason


def test_a_count_that_matches_a_difference_by_chance_is_no_rest() -> None:
    """ "the other five" where the original counts four against: 12 members less the 7 for
    the plan is five by chance; only a sum of money is read as the rest of a whole."""
    text = (
        "The committee has 12 members. The meeting lasted three hours. "
        "Seven members voted for the plan, and four voted against it."
    )
    assert number_reasons(text, "Seven members voted for the plan; the other five voted against.")


def test_a_rest_with_no_part_in_the_claim_is_not_derived() -> None:
    """ "the remaining £2.2m comes from the foundation" states no part beside it: a sum that
    happens to be the whole less a part is no rest of the claim's."""
    claim = "The remaining £2.2m will come from the Hollin Foundation."
    assert number_reasons(_ALMSHOUSES, claim)
