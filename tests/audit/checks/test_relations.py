"""Unit tests of the rule checks of relations (who did what to whom)."""

from __future__ import annotations

from pathlib import Path

from newsfaq.audit import audit
from newsfaq.audit.align import Aligner
from tests.audit.checks.support import aligner_of, by_rule_findings, checks, findings_of

ARTICLES = Path(__file__).resolve().parents[2] / "articles"


def test_headline_passive_is_not_a_role_swap(news: Aligner) -> None:
    # "Quist named commander" is the headline form of "Quist was named commander"
    assert "roles" not in checks(news, "Mara Quist named commander of the rescue fleet.")
    # with an object it is an active verb, and the roles are swapped
    found = checks(news, "Mara Quist named the Navy commander of the rescue fleet.")
    assert found.get("roles") == "contradicted"


def test_the_doer_of_an_act_done_to_a_pronoun_made_its_undergoer() -> None:
    al = aligner_of(
        'Dr Lena Hart of the agency said: "We acted quickly because the farmer called us the '
        'same morning he noticed the losses."'
    )
    found = checks(al, "Officials acted quickly because the agency called the farmer that morning.")
    assert found.get("roles") == "contradicted"
    assert "roles" not in checks(al, "The farmer called the agency the same morning.")
    # the claim's doer does the act somewhere in the original: not a swap
    both = aligner_of("The farmer called us on Monday. The agency called the farmer back.")
    assert "roles" not in checks(both, "The agency called the farmer on Monday.")


def test_a_name_with_another_verb_is_a_rewording_not_a_swap() -> None:
    text = "Del Potro will play Nick Kyrgios in the third round on Monday."
    al = aligner_of(text)
    assert "roles" not in checks(al, "Nick Kyrgios will face Del Potro in the third round.")
    assert checks(al, "Nick Kyrgios will play Del Potro in the third round.").get("roles")


def test_doer_and_undergoer_of_the_same_verb_exchanged() -> None:
    al = aligner_of("Police arrested the driver after the crash on Elm Street.")
    found = checks(al, "The driver arrested police after the crash on Elm Street.")
    assert found.get("roles") == "contradicted"
    # a passive keeps the roles: no swap
    assert "roles" not in checks(al, "The driver was arrested by police after the crash.")
    # one participant changed is not an exchange (the content check's business)
    assert "roles" not in checks(al, "Police arrested the passenger after the crash.")


def test_an_exchange_with_one_party_described_is_found() -> None:
    al = aligner_of(
        "The owner said Harbour Bakes had dismissed its cleaning contractor, Brightway Ltd, "
        "after the inspection."
    )
    wrong = "The owner said its cleaning contractor, Brightway Ltd, had dismissed the firm."
    assert checks(al, wrong).get("roles") == "contradicted"
    fair = "The owner said the firm had dismissed its cleaning contractor, Brightway Ltd."
    assert "roles" not in checks(al, fair)


def test_the_doer_was_the_one_done_to() -> None:
    text = "Delays on the network had cost local firms an estimated 120 million crowns last year."
    al = aligner_of(text)
    swapped = "Local firms had cost the network an estimated 120 million crowns last year."
    assert checks(al, swapped).get("roles") == "contradicted"
    same = "Network delays had cost local firms some 120 million crowns last year."
    assert "roles" not in checks(al, same)


def test_an_affiliation_is_not_a_role_of_the_organisation() -> None:
    """ "a researcher at the University of Fenmoor" is the original's "Lindholm, of the
    University of Fenmoor": an affiliation, not the university put in another role."""
    al = aligner_of(
        "Cybersecurity researcher Kwame Adjei-Lindholm, of the University of Fenmoor, said the "
        'delay was "worryingly long".'
    )
    claim = (
        "Kwame Adjei-Lindholm, a cybersecurity researcher at the University of Fenmoor, called "
        'the gap "worryingly long".'
    )
    assert "roles" not in checks(al, claim)


_MATCH = (
    "Maria Ostrova beat Anna Lindqvist in three sets on Sunday. "
    "She struggled early on as Lindqvist took the first set, but Ostrova fought back to win."
)


def test_an_act_given_through_he_or_she_moved_to_another_named_person() -> None:
    al = aligner_of(_MATCH)
    found = checks(al, "Lindqvist struggled early on as Ostrova took the first set.")
    assert found.get("roles") == "contradicted", found
    assert "roles" not in checks(
        al, "Ostrova struggled early on, and Lindqvist took the first set."
    )
    # the claim names no one the pronoun could stand for: no guess
    assert "roles" not in checks(al, "The champion struggled early on in the match.")


def test_a_movement_turned_round_is_a_contradiction() -> None:
    al = aligner_of(
        "The tram left the rails as it turned from Canal Street into Market Square on Monday."
    )
    found = checks(al, "The tram left the rails as it turned from Market Square into Canal Street.")
    assert found.get("roles") == "contradicted"
    same = checks(al, "The tram derailed while turning from Canal Street into Market Square.")
    assert "roles" not in same


def test_a_second_role_of_a_person_held_by_another_is_who_is_who() -> None:
    al = aligner_of(
        "Ruth Kole, the principal cellist, said salaries had fallen behind. City councillor "
        "Marta Prince said the council may review its grants."
    )
    claim = "The musicians are led by Marta Prince, the guild chair and the principal cellist."
    assert checks(al, claim).get("roles") == "unsupported"
    assert "roles" not in checks(al, "The musicians are led by Ruth Kole, the principal cellist.")


def test_a_role_is_its_head_noun_not_a_word_of_the_same_stem_before_it() -> None:
    """ "the operator" is not "the operations director": the company that runs the buses is
    called the operator, and the director's role is the director's."""
    al = aligner_of(
        "A night bus will start in May, Kelmouth Coaches announced on Monday. Dana Rowe, "
        "Kelmouth's operations director, said the buses would run every hour."
    )
    assert "roles" not in checks(al, "The bus was announced by Kelmouth Coaches, the operator.")
    found = checks(al, "The bus was announced by Kelmouth Coaches, the operations director.")
    assert found.get("roles") == "unsupported"


def test_a_lease_told_from_the_other_side_is_no_other_doer() -> None:
    """ "leased to the trust by the parish council" for "the trust has leased the land from the
    parish council": who gives and who takes, the same way round; turned round it is still
    contradicted."""
    al = aligner_of(
        "The Fenmoor Green Spaces Trust, a charity, has leased the land from Fenmoor Parish "
        "Council for 25 years at a rent of £1 a year. The parish council did not ask for any "
        "other payment."
    )
    claim = (
        "The land is now leased to the Fenmoor Green Spaces Trust, a charity, by Fenmoor Parish "
        "Council for 25 years at £1 a year."
    )
    assert "roles" not in checks(al, claim)
    swapped = (
        "The land is now leased to Fenmoor Parish Council by the Fenmoor Green Spaces Trust, a "
        "charity, for 25 years at £1 a year."
    )
    assert checks(al, swapped).get("roles") == "contradicted"
    claim = "Fenmoor Parish Council, which has leased it to the Fenmoor Green Spaces Trust."
    assert "roles" not in checks(al, claim)
    swapped = "The Fenmoor Green Spaces Trust has leased the land to Fenmoor Parish Council."
    assert checks(al, swapped).get("roles") == "contradicted"


def test_a_lease_told_by_a_participle_from_either_side() -> None:
    """The club "subletting two bays to them" (the cadets) for the cadets who "will sublet two
    bays from the club": both sides of a lease do its verb; the cadets subletting to the club
    is the lease turned round."""
    original = (
        "Linford Rowing Club has signed a 25-year lease on the old boathouse. The club will "
        "share the building with the Carrow Sea Cadets, who will sublet two of its six boat "
        "bays from the club for £1,200 a year."
    )
    kept = (
        "The club will share the building with the Carrow Sea Cadets, subletting two of its six "
        "boat bays to them for £1,200 a year."
    )
    assert [c.verdict for c in audit(original, kept).claims] == ["supported"]
    turned = (
        "The Carrow Sea Cadets will share the building, subletting two of its six boat bays to "
        "the club for £1,200 a year."
    )
    assert [c.verdict for c in audit(original, turned).claims] == ["contradicted"]


def test_a_speaker_after_its_verb_is_no_object() -> None:
    al = aligner_of(
        "The Westmarch Poultry Growers' Association warned that delays could cost members up to "
        "150,000 pounds a week."
    )
    claim = (
        "Delays could cost members up to 150,000 pounds a week, warned the Westmarch Poultry "
        "Growers' Association."
    )
    assert "roles" not in checks(al, claim)


def test_the_party_the_original_calls_by_a_noun_turned_round() -> None:
    al = aligner_of(
        "The stadium will be home to second-division club Harbridge Athletic. The club has "
        "agreed to pay 1.2 million euros a year in rent."
    )
    swapped = (
        "The city has agreed to pay Harbridge Athletic, the second-division club, 1.2 million "
        "euros a year in rent."
    )
    assert checks(al, swapped).get("roles") == "contradicted"
    same = "Harbridge Athletic has agreed to pay 1.2 million euros a year in rent."
    assert "roles" not in checks(al, same)


def test_an_untagged_name_and_a_relative_clause_s_doer_are_read() -> None:
    al = aligner_of(
        "The mine is owned by the Harlow Valley Land Trust, which leases it to Brantmoor "
        "Resources. Brantmoor Resources will close the mine in September."
    )
    found = checks(al, "Investors should note that Brantmoor owns the mine.")
    assert found.get("roles")
    assert "roles" not in checks(al, "Investors should note that the Trust owns the mine.")


def test_who_did_it_against_a_specific_description_in_another_sentence() -> None:
    al = aligner_of(
        "Crossway Partners, which runs the bridge under a concession, said the rise was needed. "
        "The state transport department, which owns the bridge, approved the increase."
    )
    assert checks(al, "Now, Crossway owns the bridge.").get("roles")
    assert "roles" not in checks(al, "Now, Crossway runs the bridge.")


def test_a_part_of_a_participant_and_a_named_apposition_are_the_participant() -> None:
    al = aligner_of(
        "The Merrow Star struck the side of the smaller Gull Point while both vessels were "
        "manoeuvring close to the north pier."
    )
    swapped = "The smaller vessel, the Gull Point, struck the side of the Merrow Star."
    reasons = [r for check, _, r in findings_of(al, swapped) if check == "roles"]
    assert any("the other way round" in r for r in reasons)
    assert "roles" not in checks(al, "The Merrow Star struck the side of the Gull Point.")


def test_the_spokesperson_for_an_organisation_is_an_affiliation_not_a_role_swap() -> None:
    al = aligner_of(
        "The residents' group Vale Watch said the building would not be screened from the estate. "
        '"This is the wrong building," said its spokesperson, Gareth Ilsley.'
    )
    claim = "Gareth Ilsley is the spokesperson for Vale Watch, the residents' group."
    assert "roles" not in checks(al, claim)


def test_a_sum_or_share_bound_to_another_party_is_contradicted() -> None:
    al = aligner_of(
        "The Ashcombe Arts Trust runs the festival. The county council is contributing 40,000 "
        "pounds, with the rest coming from sponsors. The foundation will pay 60 percent of the "
        "repair bill, with the trust covering the rest."
    )
    found = findings_of(al, "The Ashcombe Arts Trust is putting in 40,000 pounds.")
    assert ("relations", "contradicted") in [(c, s) for c, s, _ in found]
    assert "relations" not in checks(al, "The county council is putting in 40,000 pounds.")
    assert checks(al, "The trust is paying 60 percent of the repair bill.").get("relations")
    assert "relations" not in checks(al, "The foundation is paying 60 percent of the repair bill.")


def test_an_owner_the_original_names_otherwise_is_contradicted() -> None:
    al = aligner_of(
        "The Selby Leisure Trust, which runs the pool for its owner, the Harrow Sports "
        "Foundation, said the pool will close for six weeks."
    )
    found = findings_of(al, "The Selby Leisure Trust, which owns the pool, said it will close.")
    assert any(c == "relations" and "owner" in r for c, _, r in found)
    assert "relations" not in checks(
        al, "The Harrow Sports Foundation, which owns the pool, said it will close."
    )


def test_the_org_a_bare_noun_stands_for_does_the_act() -> None:
    al = aligner_of(
        "A report was published on Tuesday by the Tarnby Glacier Survey Office. The findings "
        "matter to the Tarnby Hydro Cooperative, which runs two power plants. The cooperative "
        "has set aside 12 million euros to build a reservoir by 2030."
    )
    swapped = (
        "The Tarnby Glacier Survey Office has set aside 12 million euros to build a reservoir."
    )
    assert checks(al, swapped).get("roles")
    same = "The Tarnby Hydro Cooperative has set aside 12 million euros to build a reservoir."
    assert "roles" not in checks(al, same)
    passive = "A 12 million euro reserve has been set aside by the Tarnby Glacier Survey Office."
    assert checks(al, passive).get("relations") == "contradicted"


def test_two_bodies_sharing_a_place_name_are_two_parties() -> None:
    al = aligner_of(
        "The robot was bought with money raised by the Belmoor Health Foundation, a local "
        "charity. Professor Ada Finch, an economist at Belmoor University, was not convinced."
    )
    claim = "The robot was bought with money raised by Belmoor University."
    assert checks(al, claim).get("roles")
    assert "roles" not in checks(al, "The robot was bought with money raised by the foundation.")


def test_the_speaker_a_reported_it_stands_for_did_the_act() -> None:
    al = aligner_of(
        "The retailer Fairmart recalled 40,000 jars of sauce on Friday. Its supplier, Holbeck "
        "Foods, said it had stopped the affected line and was checking its records."
    )
    assert checks(al, "Fairmart has stopped the line and is checking its records.").get("roles")
    assert "roles" not in checks(al, "Holbeck Foods has stopped the line and is checking records.")


def test_who_a_cost_falls_on_and_a_passive_hanging_from_the_figure() -> None:
    al = aligner_of(
        "Carlow Mining will close the Redfell mine in May. The site is owned by the Penn Valley "
        "Trust. Sealing the shafts will cost the company an estimated 9 million dollars."
    )
    wrong = "Sealing the shafts will cost the Penn Valley Trust an estimated 9 million dollars."
    assert {"roles", "relations"} & set(checks(al, wrong))
    answer = "An estimated 9 million dollars, to be paid by the Penn Valley Trust."
    assert checks(al, answer).get("relations") == "contradicted"
    assert "relations" not in checks(
        al, "Sealing the shafts will cost Carlow an estimated 9 million."
    )


def test_the_same_act_in_other_words_done_by_another_party() -> None:
    al = aligner_of(
        "The Greyfield Highways Department hired 40 new staff in March. "
        "The Ashgrove Council welcomed the report."
    )
    # the original's doer is a name the tagger left untagged
    assert checks(al, "The Ashgrove Council hired 40 new staff in March.").get("roles")
    # "employed" names the act "hired" does
    found = checks(al, "The Ashgrove Council employed 40 new staff in March.")
    assert found.get("roles") == "unsupported"
    assert "roles" not in checks(al, "The Greyfield Highways Department employed 40 new staff.")
    # an opposite is no rewording of the act
    assert "roles" not in checks(al, "The Ashgrove Council fired 40 new staff in March.")


def test_a_verb_of_intention_is_not_compared_by_its_doer() -> None:
    al = aligner_of(
        "Harlow Creek Brewery has agreed to be sold to Calloway Beverages for 38 million "
        "dollars, the two companies said."
    )
    found = checks(al, "Calloway Beverages has agreed to buy Harlow Creek Brewery.")
    assert "roles" not in found


def test_the_party_a_doer_speaks_for_is_no_role_swap() -> None:
    original = (
        "Corran Valley has 42 branches. Leah Baptiste, of the consumer charity Fair Credit "
        "Watch, welcomed the refunds but said more borrowers may have been harmed."
    )
    derived = (
        "The bank has 42 branches in the region. Leah Baptiste of the consumer charity Fair "
        "Credit Watch welcomed the refunds but warned that more borrowers may have been harmed."
    )
    claims = [c for c in audit(original, derived).claims if "Baptiste" in c.text]
    assert claims and not any("who did what" in r for c in claims for r in c.reasons), claims


def test_a_phrase_with_no_verb_gives_no_role() -> None:
    """ "Now to Kettleby, where ...": an autocue's lead-in, not Kettleby as a recipient."""
    al = aligner_of(
        "A family-run bakery chain in Kettleby has been ordered to pay 30,000 pounds in fines "
        "and costs after inspectors found mice at two of its shops."
    )
    claim = (
        "Now to Kettleby, where a family-run bakery chain has been ordered to pay thirty "
        "thousand pounds in fines and costs."
    )
    assert "roles" not in checks(al, claim)


def test_the_company_with_a_relative_clause_may_be_the_named_one() -> None:
    """ "The company, which serves the Tessel valley, had asked for 12.1%": Brackmoor Water."""
    al = aligner_of(
        "Households supplied by Brackmoor Water will pay more from April. The company, which "
        "serves about 410,000 homes across the Tessel valley, had asked for 12.1%."
    )
    assert "relations" not in checks(al, "Brackmoor actually asked for 12.1%.")


def test_a_name_after_according_to_is_no_second_subject() -> None:
    al = aligner_of(
        "The agency's board approved the grant on Tuesday. Its chief executive, Tomasz Reiner, "
        "said the Western Enterprise Agency could reclaim up to 60% of it if hiring targets "
        "were missed."
    )
    claim = (
        "According to the agency's chief executive, Tomasz Reiner, the agency could reclaim up "
        "to 60% of it if hiring targets were missed."
    )
    found = checks(al, claim)
    assert "relations" not in found and "roles" not in found


def test_a_doer_named_with_a_partner_sharing_a_surname_is_no_other_doer() -> None:
    al = aligner_of(
        "The shop, which includes the post office counter, was put up for sale in February by "
        "Sarah and David Pell, who have run it for 30 years and are retiring."
    )
    assert "roles" not in checks(al, "The shop had been run for 30 years by Sarah and David Pell.")
    assert checks(al, "The shop had been run for 30 years by Harlow Homes.").get("roles")


def test_a_description_may_stand_for_the_name_its_sentence_gives() -> None:
    al = aligner_of(
        "Officials blamed a fault at Tessa Gas's plant in Hull, which forced the supplier to bring "
        "fuel in by road."
    )
    assert "roles" not in checks(
        al, "A fault at Tessa Gas's plant forced Tessa Gas to bring fuel in by road."
    )


def test_an_office_given_by_a_verb_to_another_person_is_found() -> None:
    al = aligner_of(
        "The growers' association met on Monday. Its chair, Owen Tarr, said the felling could "
        "ruin small farms. "
        "The nursery's managing director, Ruth Penge, said the trees had passed a test."
    )
    for wrong in (
        "The association is chaired by Ruth Penge.",
        "Ruth Penge chairs the association.",
    ):
        assert checks(al, wrong).get("roles"), wrong
    assert "roles" not in checks(al, "Owen Tarr chairs the association.")


def test_the_doer_of_an_ing_phrase_is_the_subject_it_hangs_on() -> None:
    al = aligner_of(
        "Harrow Bank appointed administrators at Marsh Coaches Ltd on Monday after withdrawing a "
        "£1.5 million overdraft the week before."
    )
    found = checks(al, "Marsh Coaches Ltd withdrew a £1.5 million overdraft the week before.")
    assert found.get("roles"), found
    assert "roles" not in checks(
        al, "Harrow Bank withdrew a £1.5 million overdraft the week before."
    )


def test_a_numeral_two_names_share_does_not_make_them_one_doer() -> None:
    """ "King Osbert II" and "Duke Aldric II" share "II", not a person."""
    al = aligner_of(
        "In 1204, Duke Aldric II of Varn seized the harbour at Morle, driving out King Osbert II."
    )
    assert checks(al, "King Osbert II seized the harbour at Morle in 1204.").get("roles")
    assert "roles" not in checks(al, "Duke Aldric II seized the harbour at Morle in 1204.")


def test_a_year_is_no_figure_a_party_gives() -> None:
    """ "in 1191" says when; a sum or a share says who gives how much."""
    al = aligner_of(
        "In 1191, King Richard of Anjou captured the island of Cyprus, which Isaac Doukas had "
        "ruled since 1184."
    )
    reasons = [r for _, _, r in findings_of(al, "Isaac Doukas ruled Cyprus in 1191.")]
    assert not any("who gives the figure" in r for r in reasons), reasons
    wrong = [r for _, _, r in findings_of(al, "Isaac Doukas captured Cyprus in 1191.")]
    assert any("who did it" in r for r in wrong), wrong


def test_an_act_moved_between_two_parties_called_by_their_nouns_is_found() -> None:
    al = aligner_of(
        "The Riverside Rowing Federation wants more moorings. The council has hired the "
        "consultancy Brayfield Partners to study the bank. The federation welcomed the study."
    )
    moved = checks(al, "The federation has hired the consultancy Brayfield Partners.")
    assert moved.get("roles"), moved
    assert "roles" not in checks(al, "The council has hired the consultancy Brayfield Partners.")
    # another noun for the same party, and one the original never uses for a party of its own
    assert "roles" not in checks(al, "The authority has hired the consultancy Brayfield Partners.")
    assert "roles" not in checks(al, "The board has hired the consultancy Brayfield Partners.")


def test_an_act_told_in_the_passive_moved_to_another_party_is_found() -> None:
    al = aligner_of(
        "The council served the company with a safety notice in March. Ms Haldane said the "
        "company would review the toll once the repairs were funded."
    )
    found, ruled = by_rule_findings(al, "The toll will be reviewed by the council.", "roles")
    assert ruled and found and "reviewed by the council" in found[0].reason, found
    assert "roles" not in checks(al, "The toll will be reviewed by the company.")
    assert "roles" not in checks(al, "The company will review the toll.")


def test_an_act_in_other_words_moved_to_another_party_is_found() -> None:
    al = aligner_of(
        "The council approved the skate park on Monday. Ayesha Karim said the foundation may "
        "also fund free coaching sessions in the park's first year."
    )
    found, ruled = by_rule_findings(al, "The council may also pay for free coaching.", "roles")
    assert ruled and found and "the foundation" in found[0].reason, found
    assert "roles" not in checks(al, "The foundation may also pay for free coaching.")


def test_a_generic_object_of_the_original_stands_for_the_specific_one() -> None:
    al = aligner_of(
        "Storms damaged the sea wall in January. The council has hired Kernow Marine, a "
        "Falmouth firm, to carry out the work, which is expected to take 14 months. The "
        "repairs will cost £2 million."
    )
    claim = (
        "The council has hired Kernow Marine to carry out the repairs, expected to take 14 months."
    )
    assert "roles" not in checks(al, claim)


def test_premises_stand_for_the_place_the_article_names() -> None:
    al = aligner_of(
        "The Harrowgate Lane bakery will stay shut for a month. A burst water main flooded "
        "its premises early on Saturday, destroying stock and equipment."
    )
    claim = "A burst water main flooded the Harrowgate Lane bakery early on Saturday."
    assert "roles" not in checks(al, claim)


def test_who_does_the_act_a_verb_of_intent_governs() -> None:
    al = aligner_of(
        "Harlow Council ended its repairs contract with Corrick in May. Corrick's managing "
        "director said the firm was considering suing the council to recover £640,000."
    )
    same = "He said the firm was considering suing the council to recover £640,000."
    assert "roles" not in checks(al, same)
    assert checks(al, "He said the council was considering suing the firm to recover £640,000.")[
        "roles"
    ]


def test_an_act_with_an_object_of_its_own_and_a_purpose_is_checked() -> None:
    al = aligner_of(
        "The Civil Noise Authority fined Kestrel Airport Ltd £1.4 million on Tuesday. The "
        "airport has hired the consultancy Brennan & Holt to review its departure routes."
    )
    moved = "The Civil Noise Authority has hired the consultancy Brennan & Holt to review routes."
    assert checks(al, moved).get("roles")
    assert "roles" not in checks(
        al, "Kestrel has hired the consultancy Brennan & Holt to review routes."
    )


def test_a_deal_made_with_the_doer_is_told_from_either_side() -> None:
    al = aligner_of(
        "Eastmoor Rovers will rename the arena after agreeing a ten-year naming deal worth £14 "
        "million with the insurer Caldwell Mutual, the club announced on Wednesday."
    )
    other_side = "Caldwell Mutual has agreed a ten-year naming deal with Eastmoor Rovers."
    assert "roles" not in checks(al, other_side)
    assert checks(al, "Caldwell Mutual has agreed a ten-year naming deal with Harbour FC.").get(
        "roles"
    )


def test_it_in_a_second_clause_is_the_first_clauses_subject() -> None:
    al = aligner_of(
        "The council scrapped a smaller grant in 2023 after an audit found faults, and it later "
        "sued one installer, Sunreach Ltd, to recover £62,000."
    )
    turned = findings_of(al, "Sunreach Ltd later sued the council to recover £62,000.")
    assert any(c == "roles" for c, _, _ in turned), turned
    assert "roles" not in checks(al, "The council later sued Sunreach Ltd to recover £62,000.")


def test_a_body_called_by_its_noun_given_the_act_of_another_named_party() -> None:
    al = aligner_of(
        "East Coastal District Council has raised parking charges. Mark Lindqvist, chair of "
        "the Brackenby Chamber of Trade, said footfall fell by 12%. The "
        "Chamber has hired a planning consultancy, Ferris & Webb, to examine whether the "
        "council followed the proper consultation process."
    )
    moved = "The council has hired planning consultancy Ferris & Webb to examine its process."
    assert checks(al, moved).get("roles")
    kept = "The Chamber has hired planning consultancy Ferris & Webb to examine the process."
    assert "roles" not in checks(al, kept)


def test_an_act_between_the_articles_parties_in_a_relative_clause() -> None:
    al = aligner_of(
        "Dunmere District Council has fined Tollard Haulage £3,000. Tollard Haulage was caught "
        "by Lanmoor Environmental, the consultancy the council hired in May to count lorries. "
        "The Bramble Trust, a charity that has backed the council since 2019, paid for the "
        "cameras."
    )
    caught = "Tollard Haulage was caught by Lanmoor Environmental, a consultancy "
    other_doer = caught + "Tollard Haulage hired in May."
    assert checks(al, other_doer).get("roles") == "unsupported"
    kept = caught + "the district council hired in May."
    assert "roles" not in checks(al, kept)
    turned = "The Bramble Trust, a charity the council has backed since 2019, paid for the cameras."
    assert checks(al, turned).get("roles") == "contradicted"
    assert "roles" not in checks(
        al, "The Bramble Trust, which has backed the council since 2019, paid for the cameras."
    )
    other_undergoer = "The council hired Bramble Trust in May to count lorries."
    assert checks(al, other_undergoer).get("roles") == "unsupported"


def test_an_act_two_parties_do_together_told_from_the_other_side() -> None:
    al = aligner_of(
        "Carrow Rowing Club will share the building with the Kestrel Sea Scouts, who will "
        "sublet two of its six boat bays for £1,200 a year. The Linford Canoe Club had also "
        "asked for space."
    )
    other_side = "The Kestrel Sea Scouts will share the building, subletting two boat bays."
    assert "roles" not in checks(al, other_side)
    assert checks(al, "The Linford Canoe Club will share the building with the rowing club.")


def test_who_ended_a_tie_between_two_parties() -> None:
    al = aligner_of(
        "Following the ruling, the tyre maker Brolund ended its sponsorship contract with "
        "Anouk Maes, a deal worth €90,000 a year. The cycling club Vellow Riders lost its "
        "biggest backer, the grocer Pennick Foods, which withdrew its £12,000 sponsorship in "
        "May after a fall in profits."
    )
    turned = "After the ruling, Maes pulled the plug on her sponsorship contract with Brolund."
    assert checks(al, turned).get("roles") == "contradicted"
    kept = "After the ruling, Brolund pulled the plug on its sponsorship contract with Maes."
    assert "roles" not in checks(al, kept)
    dropped = "Vellow Riders dropped Pennick Foods' £12,000 sponsorship in May."
    assert checks(al, dropped).get("roles") == "contradicted"
    assert "roles" not in checks(al, "Pennick Foods withdrew its £12,000 sponsorship in May.")


def test_an_indefinite_lead_description_and_a_tie_by_another_noun() -> None:
    al = aligner_of(
        "A family-run inn business in the Cotswolds has sued Harlow Hotels Group over its new "
        "brand. Larkmead Inns Ltd filed the claim on Monday. Wexcombe County Council voted to "
        "terminate the deal worth £4.2 million a year with Carewell Homecare."
    )
    assert "roles" not in checks(al, "Larkmead Inns Ltd has sued Harlow Hotels Group.")
    assert "roles" not in checks(
        al, "The council voted to terminate the contract, worth £4.2 million per annum."
    )


def test_an_act_from_one_party_to_another_turned_round_in_other_words() -> None:
    al = aligner_of(
        "The tower is owned by the Western Beacons Board, which leases it to the Gullhaven "
        "Museum Trust for £1 a year. Redmarsh Haulage has sued the Tollbridge Port Authority "
        "over unpaid fees."
    )
    assert checks(al, "The museum trust leases the tower to the board.").get("roles") == (
        "contradicted"
    )
    assert "roles" not in checks(al, "The museum trust rents the tower from the board.")
    turned = "The Tollbridge Port Authority has taken Redmarsh Haulage to court."
    assert checks(al, turned).get("roles") == "contradicted"
    kept = "Redmarsh Haulage has taken the Tollbridge Port Authority to court over unpaid fees."
    assert "roles" not in checks(al, kept)


def test_a_sum_after_and_belongs_to_the_name_before_it() -> None:
    al = aligner_of(
        "The Ashby Vale Canal Trust will put in £1.1 million, and Midshire County Council will "
        "provide the remaining £700,000 from its active travel budget."
    )
    gapped = (
        "The Ashby Vale Canal Trust is putting in {} and Midshire County Council the remaining {}."
    )
    assert "relations" not in checks(al, gapped.format("£1.1 million", "£700,000"))
    assert checks(al, gapped.format("£700,000", "£1.1 million")).get("relations")


def test_an_office_the_original_gives_by_a_verb_is_no_one_elses() -> None:
    al = aligner_of(
        '"We signed up to sell their brand," said Priya Castellano, who runs two shops in '
        "Preston and is leading the group. Hollin Foods denied the claims. Its chief executive, "
        "Graham Soutar, said franchisees had been consulted. Neil Barraclough is among the "
        "claimants."
    )
    assert "roles" not in checks(al, "The group is led by Priya Castellano.")
    assert checks(al, "The group is led by Neil Barraclough.").get("roles")


def test_an_act_with_no_undergoer_done_by_another_party() -> None:
    al = aligner_of(
        "The Wrexford Environment Committee approved the rise by seven votes to three. The "
        "Wrexford Allotment Federation did not oppose the rise outright but had asked for it to "
        "be phased in over two years, a proposal the committee rejected."
    )
    asked = "The {} had asked for the increase to be phased in over two years."
    assert "roles" not in checks(al, asked.format("federation"))
    assert checks(al, asked.format("committee")).get("roles")


def test_an_act_also_told_by_its_noun_may_be_done_to_another_thing() -> None:
    text = (
        "The council's cabinet voted on Thursday to hand the 20-year-old rink to Carrowvale "
        "Leisure Trust, which already manages four swimming pools and two sports halls in the "
        "district. The trust will receive a{} fee of £410,000 a year for five years, roughly 30% "
        "less than the £585,000 a year paid to GlideLine."
    )
    claim = (
        "Under the deal it will be paid £410,000 a year for five years to manage the 20-year-old "
        "rink, roughly 30% less than the £585,000 a year GlideLine received."
    )
    assert "roles" not in checks(aligner_of(text.format(" management")), claim)
    assert checks(aligner_of(text.format("n annual")), claim).get("roles")


def test_a_party_that_had_its_licence_suspended_undergoes_the_act() -> None:
    al = aligner_of(
        "The Harbour Safety Board has suspended the licence of Tarnmouth Ferries for 14 days "
        "after inspectors found faulty life rafts on its two boats."
    )
    had = "{} has had its licence suspended for 14 days by {}."
    assert "roles" not in checks(al, had.format("Tarnmouth Ferries", "the Harbour Safety Board"))
    assert checks(al, had.format("The Harbour Safety Board", "Tarnmouth Ferries")).get("roles")


def test_who_wrote_to_whom() -> None:
    al = aligner_of(
        "She said the residents' group had written to Brightmoor Care in January about night "
        "staffing but had received no reply."
    )
    assert "roles" not in checks(al, "The residents' group wrote to Brightmoor Care in January.")
    assert checks(al, "Brightmoor Care wrote to the residents' group in January.").get("roles")


def test_the_doer_the_parse_put_in_apposition_to_the_subject() -> None:
    al = aligner_of(
        "The committee has hired a local firm, Pennock Joinery, to build the new counter at a "
        "cost of £14,500. Post Office Ltd will contribute £6,000 towards the work."
    )
    claim = (
        "Pennock Joinery, a local firm hired by the committee, for £14,500 – {} is contributing "
        "£6,000."
    )
    assert "roles" not in checks(al, claim.format("Post Office Ltd"))
    assert checks(al, "Pennock Joinery is contributing £6,000.").get("roles")


def test_an_owner_given_in_a_relative_clause_by_it() -> None:
    al = aligner_of(
        "The National Science Funding Council cut the university's grant in February. "
        "Northmere University said the Saltby building, which it owns, could be sold or leased "
        "once the station closes."
    )
    owns = "The University said the Saltby building, which {} owns, could be sold."
    assert "roles" not in checks(al, owns.format("it"))
    assert checks(al, owns.format("the funding council")).get("roles")


def test_an_agreement_made_with_another_party() -> None:
    al = aligner_of(
        "The Kelstow Harbour Trust has leased 38 acres to Vindra Composites for 25 years. Vindra "
        "has signed an agreement with Kelstow College to train 60 apprentices a year."
    )
    deal = "Vindra has also signed a deal with {} to train 60 apprentices a year."
    assert "roles" not in checks(al, deal.format("Kelstow College"))
    assert checks(al, deal.format("the Kelstow Harbour Trust")).get("roles")


def test_a_the_description_may_stand_for_the_object_its_sentence_names() -> None:
    al = aligner_of(
        "The district council has awarded a £3.4 million contract to repair the sea wall at "
        "Kessingby Bay, six months after a winter storm tore away part of the structure. The "
        "harbour wall was not damaged."
    )
    tore = (
        "Six months after a winter storm tore away part of the {} at Kessingby Bay, the council "
        "awarded a contract."
    )
    assert "roles" not in checks(al, tore.format("sea wall"))
    assert checks(al, tore.format("harbour")).get("roles")


def test_the_group_may_be_the_body_the_sentence_before_it_speaks_of() -> None:
    al = aligner_of(
        'The Wenningdale Footpaths Society objected to the plan. "People have walked that path '
        "for generations,\" said Helen Garside, the society's secretary. She said the group had "
        "collected 1,460 signatures against the plan. Hollinbeck Parish Council backed the quarry."
    )
    gathered = "1,460 signatures against the plan were gathered by {}."
    assert "relations" not in checks(al, gathered.format("the Wenningdale Footpaths Society"))
    assert checks(al, gathered.format("Hollinbeck Parish Council")).get("relations")


def test_having_time_to_pay_is_no_act_between_parties() -> None:
    al = aligner_of(
        "Lantern Live Ltd has been fined £12,000 by Dunmore District Council. Under the penalty "
        "notice, the company has 28 days to pay the fine."
    )
    assert "roles" not in checks(
        al, "Under the penalty notice, Lantern Live has 28 days to pay up."
    )
    assert checks(al, "Lantern Live has fined Dunmore District Council £12,000.").get("roles")


def test_a_contracts_worth_is_no_partys_sum() -> None:
    al = aligner_of(
        "Ashdown County Council has ended its £4.6m home-care contract with Brightwell Home Care. "
        "The council will pay Carewell Partners £4.6m to take over the visits."
    )
    lost = "Brightwell Home Care has lost its £4.6m home-care contract with Ashdown County Council."
    assert "relations" not in checks(al, lost)
    assert checks(al, "Brightwell Home Care will pay Carewell Partners £4.6m.").get("relations")


def test_a_label_before_the_claim_is_no_subject_and_the_co_op_is_the_cooperative() -> None:
    al = aligner_of(
        "The Tamsworth Dairy Cooperative will cut the price it pays its members, after the "
        "cheesemaker Larkfield Foods ended a supply contract worth about £16m a year."
    )
    claim = "The trigger: {} has ended its supply contract with {}, worth roughly £16m a year.\n\n"
    assert "roles" not in checks(al, claim.format("Larkfield Foods", "the co-op")[13:])
    assert checks(al, claim.format("the co-op", "cheesemaker Larkfield Foods")[13:]).get("roles")


def test_asking_for_another_thing_is_another_act() -> None:
    al = aligner_of(
        "Capacity is capped at 18,500, down from the 22,000 that the organisers, Lantern Field "
        "Events, had requested. Inspector Rhys Delaney of Wyndham Police had asked for a ban on "
        "glass across the whole site."
    )
    assert "roles" not in checks(al, "Lantern Field Events had asked for 22,000.")
    assert checks(al, "Lantern Field Events had asked for a ban on glass.").get("roles")


def test_a_title_before_a_closing_speaker_is_the_speaker_s() -> None:
    al = aligner_of(
        "Tamsford Chamber of Commerce said energy costs had risen. Its chair, Rajiv Sandhu, said "
        "the chamber had written to the local MP, Helen Brankworth, asking her to raise the "
        "issue in Parliament."
    )
    closing = (
        "A letter has gone from the chamber to MP Helen Brankworth asking her to raise the issue "
        "in Parliament, its chair Rajiv Sandhu said."
    )
    assert "roles" not in checks(al, closing)
    assert checks(al, "Helen Brankworth, its chair, said a letter has gone to the MP.").get("roles")


def test_a_sum_beside_the_party_taken_to_court_is_no_party() -> None:
    al = aligner_of(
        "Crumbs & Co, a family-run bakery on Mill Street, will close on Saturday. In January, "
        "Northgate Energy issued a county court claim against the bakery for £6,200 in unpaid "
        "bills. The supplier said its prices reflected wholesale costs."
    )
    court = "Back in January, {} to county court over £6,200 of unpaid bills."
    assert checks(al, court.format("Crumbs & Co took Northgate Energy")).get("roles")
    assert "roles" not in checks(al, court.format("Northgate Energy took Crumbs & Co"))


def test_a_sum_given_by_a_subject_an_aside_cuts_from_its_verb() -> None:
    al = aligner_of(
        "The Waterways Heritage Trust has lodged an objection. Bramwell Leisure's managing "
        "director, Sophie Adeyemi, said the company had offered to pay £75,000 towards a "
        "back-pumping scheme, an offer the trust has not accepted."
    )
    offered = "{} has, she said, offered £75,000 towards a back-pumping scheme."
    assert checks(al, offered.format("The trust")).get("relations")
    assert "relations" not in checks(al, offered.format("Bramwell Leisure"))


def test_a_pronoun_object_names_no_thing_acted_on() -> None:
    al = aligner_of(
        "The fund is backed by Northvale Borough Council, which put £15 million into it in "
        "2023. Gareth Pennock, the club's chairman, said the stadium would have stayed empty."
    )
    plainly = (
        "Gareth Pennock, the club's chairman, put it plainly: the stadium would have stayed empty."
    )
    assert "roles" not in checks(al, plainly)
    assert checks(al, "Gareth Pennock put £15 million into the fund in 2023.").get("roles")


def test_the_company_the_original_means_may_be_named_short() -> None:
    """ "Northvale did not say" is the original's "The company did not say" (Northvale Water,
    the business it has named most), not a name moved from "asked Northvale Water"."""
    text = (ARTICLES / "more27" / "reservoir_algae_warning.txt").read_text(encoding="utf-8")
    al = aligner_of(text.split("\n\n", 1)[1])
    fair = checks(al, "As for when the warning will be lifted, Northvale did not say.")
    assert "roles" not in fair, fair
    turned = checks(al, "Northvale had asked Wealdshire District Council to test the water.")
    assert turned.get("roles"), turned


def test_who_pays_a_sum_described_as_the_article_describes_it() -> None:
    """ "the charity" paid the deposit where "the trust" did, and the article calls the trust
    "the charity that runs the canal"."""
    text = (
        "A lock on the canal will stay shut until May, the charity that runs the canal said "
        "on Monday. The Inland Waterways Trust closed the lock after a leak. The trust has "
        "paid Harbury Joinery a deposit of £45,000."
    )
    al = aligner_of(text)
    assert "relations" not in checks(
        al, "The charity has handed Harbury Joinery a £45,000 deposit."
    )


def test_a_hirer_the_claim_describes_as_either_of_two_bodies() -> None:
    """ "hired by the museum" where the article has the museum and the Friends of the museum
    and the council hired the firm: another doer, whichever museum is meant; "hired by the
    council" is the original's act."""
    text = (ARTICLES / "more24" / "museum_roof_leak_closure.txt").read_text(encoding="utf-8")
    original = text.split("\n\n", 1)[1]
    moved = (
        "Kellan & Sons, a roofing firm, has been hired by the museum to do the emergency repairs."
    )
    assert [c.verdict for c in audit(original, moved).claims] == ["unsupported"]
    kept = moved.replace("the museum", "the council")
    assert [c.verdict for c in audit(original, kept).claims] == ["supported"]


def test_brought_in_and_taken_on_are_hired() -> None:
    """ "has been brought in by" the regulator, where the company hired the auditor: the same
    act as "hired", done by another; brought in by the company is the original's act."""
    text = (ARTICLES / "more28" / "water_meter_billing_error.txt").read_text(encoding="utf-8")
    original = text.split("\n\n", 1)[1]
    moved = (
        "Carrow & Finch, an outside auditor, has been brought in by the Water Services "
        "Standards Authority to check the 38,000 meters remaining on Severn Brook's network."
    )
    assert [c.verdict for c in audit(original, moved).claims] == ["unsupported"]
    kept = (
        "Carrow & Finch, an outside auditor, has been brought in by Severn Brook to check the "
        "38,000 meters remaining on its network."
    )
    assert [c.verdict for c in audit(original, kept).claims] == ["supported"]


def test_taken_on_by_another_body_is_who_hired_and_a_warning_turned_round() -> None:
    """ "taken on by" is "hired by" (an act, though "take" is a light verb); "officers had
    been warned by scrap dealers" turns round "officers had warned scrap dealers"."""
    al = aligner_of(
        "The developer, Highfold Renewables, wants six turbines. The Wolds Bird Trust did not "
        "object. "
        "The company also hired Tarnside Ecology to survey birds on the moor. DC Samira Okafor "
        "said officers had warned scrap metal dealers to look out for rolled lead sheets."
    )
    wrong = "Tarnside Ecology was taken on by the Wolds Bird Trust to survey birds on the moor."
    assert checks(al, wrong).get("roles"), wrong
    fair = "Tarnside Ecology was taken on by Highfold Renewables to survey birds on the moor."
    assert "roles" not in checks(al, fair)
    turned = "Officers had been warned by scrap metal dealers to look out for lead sheets."
    found = [f for f in findings_of(al, turned) if f[0] == "roles"]
    assert found and "had been warned by scrap metal dealers" in found[0][2], found
    assert "roles" not in checks(al, "Scrap metal dealers had been warned by officers.")


def test_agreed_to_sell_is_agreed_to_buy_told_from_the_other_side() -> None:
    """The sides of a sale carried by "agreed to": "X had agreed to sell the pier to Y" for "Y
    had agreed to buy the pier from X" (the parse hangs "from X" on the pier); turned round, it
    is a change."""
    al = aligner_of(
        "Harbourline Leisure Holdings had agreed in October to buy the Victorian pier from the "
        "Kelmouth Pier Company."
    )
    same = (
        "Back in October the Kelmouth Pier Company had agreed to sell the structure to "
        "Harbourline Leisure Holdings."
    )
    assert "roles" not in checks(al, same)
    turned = (
        "Back in October the Kelmouth Pier Company had agreed to buy the structure from "
        "Harbourline Leisure Holdings."
    )
    assert checks(al, turned).get("roles") in {"unsupported", "contradicted"}


def test_a_description_is_not_the_party_the_sentence_names_in_the_same_role() -> None:
    """ "the company had offered Lantern a payment plan": the company is not Lantern (which the
    article also calls a company), since the sentence names Lantern as the one offered it."""
    al = aligner_of(
        "Lantern Cinemas, the company that runs the Regal, owes its landlord £40,000. A "
        "spokesman for Harwell Estates said the company had offered Lantern a payment plan in "
        "January, which Lantern rejected."
    )
    faithful = "In January Lantern was offered a payment plan by Harwell, the spokesman said."
    assert "roles" not in checks(al, faithful)


def test_one_party_put_on_the_other_side_of_an_act() -> None:
    """ "the buyer has to be paid" where "the buyer must pay": the same party, the other side of
    the act, with no other party named; the same voice, or the party made the object, is
    no change."""
    al = aligner_of(
        "The winning bidder must pay in full within 14 days. The council will then transfer "
        "the licence to the new owner."
    )
    turned = checks(al, "Within a fortnight, the winning bidder has to be paid in full.")
    assert turned.get("roles") == "contradicted", turned
    assert "roles" not in checks(al, "Within a fortnight, the winning bidder has to pay in full.")
    al = aligner_of("The consultants will be paid once the survey is finished.")
    turned = checks(al, "The consultants will pay once the survey is finished.")
    assert turned.get("roles") == "contradicted", turned
    assert "roles" not in checks(al, "Once the survey is finished, the consultants will be paid.")


def test_a_suit_turned_round_where_the_original_describes_the_claimant() -> None:
    """The original's claimant is "the operator of the ... ferry", the article's Bluewake
    Ferries Ltd: the board taking Bluewake to court is the suit turned round."""
    al = aligner_of(
        "The operator of the Kelsport to Harrow Island ferry has taken the town's harbour board "
        "to court over a rent rise. Bluewake Ferries Ltd, which carries about 410,000 "
        "passengers a year, filed a claim on Monday."
    )
    turned = checks(al, "The harbour board has taken Bluewake Ferries Ltd to court.")
    assert turned.get("roles") == "contradicted", turned
    assert "roles" not in checks(al, "Bluewake Ferries Ltd has taken the harbour board to court.")
