"""Cause and effect: a claim that reverses the direction of an explanation the original gives."""

from __future__ import annotations

from newsfaq.audit.checks.causal import causal_pairs
from newsfaq.audit.verdict import by_rule
from newsfaq.text.nlp import parse
from tests.audit.checks.support import aligner_of, by_rule_findings, checks, result_of

_ORIGINAL = (
    "Ferry traffic on the lake fell by a third last summer because the water level dropped "
    "to a record low. The operator cancelled its evening crossings due to a shortage of crews."
)


def test_because_turned_round_is_a_contradiction() -> None:
    al = aligner_of(_ORIGINAL)
    claim = "The water level dropped to a record low because ferry traffic on the lake fell."
    result = result_of(al, claim)
    found = [f for f in result.findings if f.check == "causal"]
    assert [f.severity for f in found] == ["contradicted"]
    assert "water level dropped" in found[0].reason
    assert by_rule(result)


def test_causal_verb_turned_round_is_a_contradiction() -> None:
    al = aligner_of(_ORIGINAL)
    claim = "The fall in ferry traffic on the lake made the water level drop to a record low."
    assert checks(al, claim).get("causal") == "contradicted"


def test_the_same_direction_in_other_words_passes() -> None:
    al = aligner_of(_ORIGINAL)
    for claim in (
        "Because the water level dropped to a record low, ferry traffic on the lake fell.",
        "The record low water level led to a fall in ferry traffic on the lake.",
        "The operator cancelled its evening crossings because of a shortage of crews.",
        "Ferry traffic on the lake fell by a third last summer.",
    ):
        assert "causal" not in checks(al, claim), claim


def test_pairs_read_from_because_prepositions_and_causal_verbs() -> None:
    for text, cause, effect in (
        ("Sales fell because prices rose.", "prices", "Sales"),
        ("The match was delayed due to heavy rain.", "rain", "match"),
        ("Heavy rain forced the organisers to delay the match.", "rain", "organisers"),
        ("Prices rose, so sales fell.", "Prices", "sales"),
        ("The river overflowed, causing damage to forty homes.", "river", "damage"),
        ("The river overflowed after two days of rain.", "rain", "river"),
        ("The bank closed following a fire.", "fire", "bank"),
    ):
        pairs = causal_pairs(parse(text))
        assert len(pairs) == 1, text
        c, e = pairs[0]
        assert cause in {t.text for t in c} and effect in {t.text for t in e}, (text, c, e)
        assert not {t.i for t in c} & {t.i for t in e}


_DEFICIT = (
    "The director said the orchestra ran a deficit of 1.2 million dollars last season due to "
    "lower attendance and a cut in city arts funding. The virus then spread quickly because "
    "vaccination rates at two schools had fallen below 85 percent."
)


def test_a_relative_which_stands_for_the_phrase_it_follows() -> None:
    al = aligner_of(_DEFICIT)
    reversed_ = (
        "The director pointed to a 1.2 million dollar deficit last season, which he said had "
        "led to weaker attendance and a cut to city arts funding."
    )
    assert checks(al, reversed_).get("causal") == "contradicted"
    same = (
        "The director pointed to weaker attendance and a cut to city arts funding, which he "
        "said had led to a 1.2 million dollar deficit last season."
    )
    assert "causal" not in checks(al, same)


def test_a_relative_which_after_an_act_stands_for_the_act() -> None:
    al = aligner_of(
        '"The slope was still moving on the first two days, so we could only work from the '
        'bottom," the site engineer said.'
    )
    reversed_ = "The team could only work from the bottom, which kept the slope moving."
    assert checks(al, reversed_).get("causal") == "contradicted"
    same = "The slope kept moving, so the team could only work from the bottom."
    assert "causal" not in checks(al, same)


def test_as_a_result_links_two_clauses_even_across_claims() -> None:
    al = aligner_of(_DEFICIT)
    reversed_ = (
        "The virus moved fast, and as a result vaccination rates at two schools dropped "
        "below 85 percent."
    )
    assert checks(al, reversed_).get("causal") == "contradicted"
    same = (
        "Vaccination rates at two schools dropped below 85 percent, and as a result the virus "
        "spread quickly."
    )
    assert "causal" not in checks(al, same)
    pairs = causal_pairs(parse("Prices rose, and consequently sales fell."))
    assert [
        ("Prices" in {t.text for t in c}, "sales" in {t.text for t in e}) for c, e in pairs
    ] == [(True, True)]


def test_a_one_word_side_counts_when_the_other_says_more() -> None:
    al = aligner_of(
        "The rise was mainly due to a shortage of anaesthetists, which had forced the cancellation "
        "of 640 operations since November."
    )
    reversed_ = "The cancellation of 640 operations since November had caused the shortage."
    assert checks(al, reversed_).get("causal") == "contradicted"
    assert "causal" not in checks(
        al, "The shortage had forced the cancellation of 640 operations since November."
    )


def test_which_is_why_turned_round() -> None:
    al = aligner_of(
        "Many staff worked through the weekend because customers could not log in to the portal."
    )
    assert checks(
        al, "Staff worked through the weekend, which is why customers could not log in."
    ).get("causal")
    assert "causal" not in checks(
        al, "Customers could not log in, which is why staff worked through the weekend."
    )


_CINEMA = (
    "The owners of the Regent Cinema shut the 1930s building for roof repairs, so screenings "
    "are moving to the restored Harbour Sheds. The River Arden burst its banks following two "
    "days of heavy rain."
)


def test_so_that_is_a_purpose_not_a_result() -> None:
    assert causal_pairs(parse("She saved money so that she could travel.")) == []


def test_so_causing_and_after_turned_round_are_contradictions() -> None:
    al = aligner_of(_CINEMA)
    so = "Screenings are moving to the restored Harbour Sheds, so the owners of the Regent Cinema have shut the building for roof repairs."  # noqa: E501
    causing = "The River Arden burst its banks, causing two days of heavy rain."
    after = "Two days of heavy rain fell after the River Arden burst its banks."
    for claim in (so, causing, after):
        assert checks(al, claim).get("causal") == "contradicted", claim
    reason = next(f.reason for f in result_of(al, after).findings if f.check == "causal")
    assert reason.startswith("order of events reversed"), reason
    for claim in (
        "The Regent Cinema's owners shut the building for roof repairs, so screenings are moving to the Harbour Sheds.",  # noqa: E501
        "The River Arden burst its banks after two days of heavy rain.",
    ):
        assert "causal" not in checks(al, claim), claim


def test_a_reason_the_original_does_not_give_is_unsupported() -> None:
    al = aligner_of(
        "Delia Frankham, the union's general secretary, said members turned down a 3.5 "
        "percent pay offer in April. Talks resume on Monday."
    )
    wrong = (
        "Frankham said members turned down a 3.5 percent pay offer because it was below inflation."
    )
    found, ruled = by_rule_findings(al, wrong, "causal")
    assert found and ruled, found
    fair = "Frankham said members turned down a 3.5 percent pay offer in April."
    assert not by_rule_findings(al, fair, "causal")[0]


def test_a_cause_added_by_driven_by_is_unsupported() -> None:
    al = aligner_of("Journeys on weekday mornings grew fastest, rising by 26 percent in a year.")
    wrong = "Weekday journeys rose 26 percent, driven largely by students."
    found, ruled = by_rule_findings(al, wrong, "causal")
    assert found and ruled, found
    assert "students" in found[0].reason


def test_an_effect_ascribed_to_a_cause_turned_round_is_found() -> None:
    al = aligner_of(
        "The inspectors' report links the fall in standards to the departure of the home's "
        "manager last May. The post was empty for three months."
    )
    wrong = "The report says the home's manager left last May because of the fall in standards."
    found, ruled = by_rule_findings(al, wrong, "causal")
    assert found and ruled, found
    fair = "The report ties the fall in standards to the manager leaving last May."
    assert "causal" not in checks(al, fair)


def test_a_reason_the_original_gives_in_other_words_is_no_added_reason() -> None:
    al = aligner_of(
        "Fans threw flares onto the pitch on Saturday. As a result of the incident, the club "
        "will introduce bag searches at all four turnstile blocks from the next home game."
    )
    claim = "Because of Saturday's trouble, the club is bringing in bag searches at all turnstiles."
    assert "causal" not in checks(al, claim)
    al = aligner_of(
        "The club will introduce bag searches at all four turnstile blocks from the next home game."
    )
    assert checks(al, claim).get("causal") == "unsupported"


def test_a_cause_nested_in_a_kept_pair_is_no_reversal() -> None:
    al = aligner_of(
        "The developer said a higher share would make the scheme unviable because of the cost "
        "of removing contaminated soil from the site."
    )
    kept = (
        "The developer says a higher share would make the scheme unviable because of the cost "
        "of removing contaminated soil."
    )
    assert "causal" not in checks(al, kept)
    turned = (
        "The developer says the cost of removing soil would be unviable because of a higher share."
    )
    assert checks(al, turned).get("causal") == "contradicted"


def _pairs(text: str) -> list[tuple[str, str]]:
    return [
        (" ".join(t.text for t in c), " ".join(t.text for t in e))
        for c, e in causal_pairs(parse(text))
    ]


def test_reasons_told_by_behind_reason_why_and_as_a_result_of() -> None:
    assert _pairs("Worries about late-night noise are behind the delay.") == [
        ("Worries about late - night noise", "the delay")
    ]
    assert _pairs("Relying on agency staff was the reason the home could not recruit nurses.") == [
        ("Relying on agency staff", "the home could not recruit nurses")
    ]
    assert _pairs("The shortage of nurses is why the home relies on agency staff.") == [
        ("The shortage of nurses", "the home relies on agency staff")
    ]
    assert _pairs("The line would include a new junction as a result of the regulator's fine.") == [
        ("the regulator 's fine", "The line would include a new junction .")
    ]
    assert _pairs("The council halted placements in May, which added to the home's losses.") == [
        ("halted placements in May ,", "the home 's losses")
    ]
    assert _pairs("It was a long night and the reason is unclear.") == []


_TWO_REASONS = (
    "Rallton Buses will move its depot to the Fenwick estate in September. Because Fenwick is "
    "about two miles further from the town centre, up to 40 early-morning journeys may start "
    "around six minutes later. About three in five passengers on the route are pensioners. The "
    "council bans departures before 5am on Sundays. The company agreed to freeze fares for a "
    "year."
)


def test_another_reason_for_an_effect_the_original_explains() -> None:
    al = aligner_of(_TWO_REASONS)
    claim = (
        "Up to 40 early-morning journeys may start six minutes later because of the council's "
        "ban on departures before 5am."
    )
    found, ruled = by_rule_findings(al, claim, "causal")
    assert ruled and found and "Fenwick is about two miles further" in found[0].reason
    faithful = (
        "Up to 40 early-morning journeys may start six minutes later because Fenwick is two "
        "miles further out."
    )
    assert "causal" not in checks(al, faithful)


def test_two_facts_the_original_gives_apart_tied_as_cause_and_effect() -> None:
    al = aligner_of(_TWO_REASONS)
    claim = (
        "About three in five passengers are pensioners, which is why the company agreed to "
        "freeze fares for a year."
    )
    found, ruled = by_rule_findings(al, claim, "causal")
    assert ruled and found and "a link the original does not make" in found[0].reason
    # each fact in its own sentence, no link: passes
    for faithful in (
        "About three in five passengers on the route are pensioners.",
        "The company agreed to freeze fares for a year, and about three in five passengers are "
        "pensioners.",
    ):
        assert "causal" not in checks(al, faithful), faithful


def test_a_link_the_original_may_make_in_other_words_is_not_flagged() -> None:
    al = aligner_of(
        "About three in five passengers on the route are pensioners. That meant the company "
        "agreed to freeze fares for a year."
    )
    claim = (
        "About three in five passengers are pensioners, which is why the company agreed to "
        "freeze fares for a year."
    )
    assert "causal" not in checks(al, claim)


_HARBOUR = (
    "Storms in January tore a 40-metre gap in the harbour wall. Jenny Polglase, who runs the "
    "Net Loft cafe on the quay, said her takings had roughly halved since the storm. Nobody is "
    "on the quay before ten in the morning now, she said. The council will borrow £2m for the "
    "repairs."
)


def test_a_consequence_the_original_does_not_report_is_found() -> None:
    al = aligner_of(_HARBOUR)
    claim = (
        "Ms Polglase said her takings had roughly halved since the storm, and as a result she "
        "no longer opens before ten in the morning."
    )
    found, ruled = by_rule_findings(al, claim, "clauses")
    assert ruled and found and "a consequence the original does not report" in found[0].reason
    faithful = (
        "Ms Polglase said her takings had roughly halved since the storm, and nobody is on the "
        "quay before ten in the morning now."
    )
    assert "clauses" not in checks(al, faithful)


def test_a_purpose_the_original_does_not_give_is_an_added_reason() -> None:
    al = aligner_of(_HARBOUR)
    claim = "The council will borrow £2m for the repairs, so that fares would not have to rise."
    assert checks(al, claim).get("causal") == "unsupported"
    assert "causal" not in checks(
        al, "The council will borrow £2m so that it can pay for the repairs."
    )
