"""Unit tests of the transfer checks (who gives what to whom, through verbs of either way)."""

from __future__ import annotations

from newsfaq.audit.checks.transfers import transfers
from newsfaq.text.nlp import parse
from tests.audit.checks.support import aligner_of, by_rule_findings, checks, findings_of


def test_either_way_verbs_name_the_same_source() -> None:
    lent = next(transfers(parse("Harwick Council lent six buses to Westway Coaches.")[:]))
    borrowed = next(transfers(parse("Westway Coaches borrowed six buses from Harwick Council.")[:]))
    assert lent.source == borrowed.source == {"harwick", "council"}
    assert lent.recipient == borrowed.recipient
    assert "westway" in lent.recipient
    leased_to = next(transfers(parse("The council leased the depot to Westway.")[:]))
    leased_from = next(transfers(parse("Westway leased the depot from the council.")[:]))
    assert leased_to.source == leased_from.source == {"council"}


def test_a_loan_turned_round_is_found_whatever_the_verbs() -> None:
    al = aligner_of(
        "About 260 firefighters are working on the blaze, supported by two water-bombing "
        "aircraft on loan from the neighbouring Lorne Province."
    )
    wrong = "The county is lending its own aircraft to neighbouring Lorne Province."
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found
    fair = "Two water-bombing planes were borrowed from neighbouring Lorne Province."
    assert not by_rule_findings(al, fair, "roles")[0]


def test_a_provider_made_the_borrower_is_found() -> None:
    al = aligner_of(
        "Brackenford District Council voted to fund a trial of night buses. The operator, "
        "Westway Coaches, has agreed to provide six buses."
    )
    wrong = "Westway Coaches, the operator, has agreed to lease six buses from the council."
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found
    fair = "Westway Coaches, the operator, will supply six buses."
    assert not by_rule_findings(al, fair, "roles")[0]


def test_a_payment_named_by_its_payer_turned_round_is_found() -> None:
    al = aligner_of(
        "The operator, Castlebrook Transit Company, said it lost 640,000 pounds on its city "
        "routes, even after a council subsidy of 1.2 million pounds."
    )
    wrong = "Castlebrook Transit Company paid the council a subsidy of 1.2 million pounds."
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found
    fair = "The council paid Castlebrook Transit Company a subsidy of 1.2 million pounds."
    assert not by_rule_findings(al, fair, "roles")[0]


def test_a_move_turned_round_is_found_whatever_the_verbs() -> None:
    al = aligner_of(
        "The cubs were born at Ashcombe Wildlife Park to Tsering, who arrived from a breeding "
        "centre in Kolvik in 2023."
    )
    wrong = "Tsering moved from Ashcombe Wildlife Park to a breeding centre in Kolvik in 2023."
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found
    assert any("direction reversed" in f.reason for f in found), found
    fair = "Tsering came to Ashcombe Wildlife Park from a breeding centre in Kolvik in 2023."
    assert not by_rule_findings(al, fair, "roles")[0]


def test_a_sale_told_by_its_buyer_is_the_same_deal() -> None:
    al = aligner_of(
        "Harlow Creek Brewery, the family-run beer maker based in Amberford, has agreed to be "
        "sold to regional drinks group Calloway Beverages for 38 million dollars, the two "
        "companies announced on Wednesday."
    )
    fair = "Calloway Beverages has agreed to buy Harlow Creek Brewery for 38 million dollars."
    assert not [f for f in findings_of(al, fair) if f[0] in {"roles", "relations"}]
    wrong = "Harlow Creek Brewery has agreed to buy Calloway Beverages for 38 million dollars."
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found
    assert "who gets what turned round" in found[0].reason


def test_a_sum_paid_turned_round_is_found_whatever_the_verbs() -> None:
    al = aligner_of(
        "Under the settlement, Marlow Borough Council will pay the developer Tansley Homes "
        "£2.3 million. Tansley had spent £9,000 on surveys."
    )
    wrong = "Tansley Homes will pay Marlow Borough Council £2.3 million under the settlement."
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found
    assert any("who gives to whom" in f.reason for f in found), found
    taken = "Tansley Homes will receive £2.3 million from Marlow Borough Council."
    assert not by_rule_findings(al, taken, "roles")[0]
    said = "Tansley Homes will be paid £2.3 million by Marlow Borough Council."
    assert not by_rule_findings(al, said, "roles")[0]


def test_the_sum_is_the_thing_paid_not_the_party_before_it() -> None:
    paid = next(transfers(parse("The trust paid the consultancy Orrin Partners £84,000.")[:]))
    assert paid.source == {"trust"}
    assert paid.recipient == {"consultancy", "orrin", "partners"}
    assert paid.thing == {"money:84000 GBP"}
    awarded = next(transfers(parse("The Tidemill Theatre was awarded £50,000 by the fund.")[:]))
    assert awarded.recipient == {"tidemill", "theatre"}
    assert awarded.source == {"fund"}
    average = next(transfers(parse("Tenants will pay an average of £560 a year.")[:]))
    assert not average.recipient


def test_whose_costs_are_paid_and_who_faces_a_claim_turned_round() -> None:
    al = aligner_of(
        "If the appeal fails, Redbank Energy could be ordered to pay part of the council's "
        "legal costs. Campaigners said the firm could face a legal challenge from residents."
    )
    costs = "If it fails, the council could be ordered to pay part of Redbank Energy's costs."
    found, ruled = by_rule_findings(al, costs, "roles")
    assert found and ruled, found
    challenge = "Campaigners said residents could face a legal challenge from the firm."
    found, ruled = by_rule_findings(al, challenge, "roles")
    assert found and ruled, found
    fair = "Redbank Energy may have to pay some of the council's legal costs."
    assert not by_rule_findings(al, fair, "roles")[0]


def test_a_payment_the_parse_misreads_is_read_by_word_order() -> None:
    # the small model makes "paid" a modifier of "operator" here: no object, no sum in the tree
    paid = next(
        transfers(
            parse(
                "Pennor paid operator Calder Metrolink £1.3 million in fees between May and June."
            )[:]
        )
    )
    assert paid.source == {"pennor"}
    assert paid.recipient == {"operator", "calder", "metrolink"}
    assert paid.thing == {"money:1300000 GBP"}
    al = aligner_of(
        "Fuel costs rose, and Calder Metrolink paid its supplier Pennor £1.3 million in fees."
    )
    wrong = "Pennor paid operator Calder Metrolink £1.3 million in fees between May and June."
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found


def test_a_sum_hung_on_the_party_and_a_relative_clause_are_read_right() -> None:
    al = aligner_of(
        "The council paid its builder, Orme & Lacey Ltd, an extra £250,000 to finish before "
        "May. The library will be run by Fellgate Trust, a charity the council hired in March."
    )
    wrong = "Orme & Lacey Ltd paid the council an extra £250,000 so the work ends before May."
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found
    fair = "Fellgate Trust, a charity the council hired in March, will run the library."
    assert not by_rule_findings(al, fair, "roles")[0]


def test_the_payer_of_an_object_controlled_verb_is_its_governors_object() -> None:
    al = aligner_of(
        "Councillor Tom Ebbe said the earlier attacks had led Halbury District Council to pay "
        "Parkside Services £48,000 in February to install extra cameras at the park."
    )
    said = "Councillor Tom Ebbe said the earlier attacks led {} to pay {} £48,000 in February."
    right = said.format("Halbury District Council", "Parkside Services")
    assert "roles" not in checks(al, right) and "transfers" not in checks(al, right)
    turned = findings_of(al, said.format("Parkside Services", "Halbury District Council"))
    assert any("turned round" in reason for _, _, reason in turned), turned


def test_a_fine_is_paid_by_the_one_fined() -> None:
    al = aligner_of(
        "Last year the council fined Halvern Lettings £42,000 for failing to carry out repairs "
        "at 31 flats on Colliery Road."
    )
    fined = "Last year the council fined Halvern Lettings £42,000 over repairs at 31 flats."
    assert "roles" not in checks(al, fined)
    paid = findings_of(al, "Last year the council paid Halvern Lettings £42,000 to do repairs.")
    assert any("turned round" in reason for _, _, reason in paid), paid


def test_a_sum_that_counts_the_thing_paid_is_the_sum_paid() -> None:
    al = aligner_of(
        "Northfield County Council has agreed to pay the beekeepers' association a £5,000 "
        "biosecurity grant to replace shared equipment."
    )
    paid = "The council has agreed to pay the association £5,000 to replace shared equipment."
    assert "roles" not in checks(al, paid)
    turned = findings_of(
        al, "The association has agreed to pay Northfield County Council £5,000 for equipment."
    )
    assert ("roles", "contradicted") in [(c, v) for c, v, _ in turned], turned


def test_damages_are_claimed_from_the_one_who_pays_them() -> None:
    al = aligner_of(
        "Dredging of the harbour is eight months late. The harbour board has not ruled out "
        "claiming damages from Van Rijn Marine under the contract."
    )
    same = "The board has not ruled out claiming damages from Van Rijn Marine."
    assert "roles" not in checks(al, same)
    turned = findings_of(al, "Van Rijn Marine has not ruled out claiming damages from the board.")
    assert any("turned round" in reason for _, _, reason in turned), turned


def test_a_sum_secured_from_a_funder_is_the_funders_award() -> None:
    al = aligner_of(
        "Hollinbrook Hospice in Tamsford has been awarded £1.2 million by the Brightwell "
        "Community Lottery Fund to expand its night nursing service, the charity announced."
    )
    secured = "Hollinbrook Hospice has secured £1.2m from the Brightwell Community Lottery Fund."
    assert "relations" not in checks(al, secured) and "roles" not in checks(al, secured)
    turned = "The Brightwell Community Lottery Fund has secured £1.2m from Hollinbrook Hospice."
    assert checks(al, turned).get("roles") or checks(al, turned).get("relations")


def test_paying_off_the_same_partys_debts_is_not_turned_round() -> None:
    al = aligner_of(
        "Under the agreement, the trust will pay off the station's debts, estimated at between "
        "£30,000 and £35,000, and take over the lease on the studio."
    )
    assert "roles" not in checks(al, "The trust will pay off the station's debts.")
    assert checks(al, "The station will pay off the trust's debts.").get("roles")


def test_won_from_read_on_the_object_is_the_deal_awarded_to() -> None:
    al = aligner_of(
        "The Kestrel Bay Port Authority has awarded an £18.4 million contract to deepen the "
        "town's main shipping channel to Vlietmaas Marine, a consortium led by a Rotterdam "
        "dredging firm."
    )
    won = "{} won the £18.4 million contract from {}."
    authority, marine = "the Kestrel Bay Port Authority", "Vlietmaas Marine"
    assert not {"roles", "relations"} & set(checks(al, won.format(marine, authority)))
    assert checks(al, won.format(authority.capitalize(), marine)).get("roles")


def test_a_charge_one_faces_is_paid_not_received() -> None:
    """ "patients face charges up to 40 per cent higher" says the patients pay, as "will pay
    up to 40 per cent more" does; "faces a challenge from X" still takes from X."""
    assert not list(transfers(parse("Patients face charges up to 40 per cent higher.")[:]))
    assert list(transfers(parse("The club faces a takeover bid from Harlow Capital.")[:]))
    al = aligner_of("Patients and visitors will pay up to 40 per cent more to park from Monday.")
    faced = checks(al, "Patients and visitors face charges up to 40 per cent higher from Monday.")
    assert "roles" not in faced, faced


def test_a_passive_agent_the_parse_hangs_on_the_recipient_is_the_payer() -> None:
    """ "£38m is paid to Westlink by the authority": "by" hung on Westlink is still the payer."""
    al = aligner_of(
        "Westlink Ferries, which is paid about £38m a year by the Harbour Transport Authority to "
        "run the routes, said talks would resume."
    )
    fair = checks(al, "Roughly £38m a year is paid to Westlink by the Harbour Transport Authority.")
    assert "roles" not in fair, fair
    turned = checks(
        al, "Roughly £38m a year is paid to the Harbour Transport Authority by Westlink."
    )
    assert turned.get("roles") == "contradicted", turned


def test_a_word_the_original_has_on_both_sides_names_no_side() -> None:
    """ "the Harwick Library Foundation ... has agreed to pay the library": "library" names no
    side, so the council paying the foundation is the payment turned round; the foundation
    giving the library the money is not."""
    al = aligner_of(
        "The council will cover the lost revenue. The Harwick Library Foundation, a nonprofit "
        "that raises money for the system, has agreed to pay the library $60,000 a year for "
        "three years, its chair said."
    )
    claim = "The council has agreed to pay the Harwick Library Foundation $60,000 a year."
    assert checks(al, claim).get("roles") == "contradicted"
    claim = "The Harwick Library Foundation has agreed to give the library $60,000 a year."
    assert "roles" not in checks(al, claim)


def test_a_penalty_handed_down_is_imposed_not_paid() -> None:
    """ "delivered its judgment: a fine of £3.4 million" is the regulator imposing the fine,
    no payment by it; the regulator paying the operator is the fine turned round ("Rail" on
    both sides of the original names no side)."""
    al = aligner_of(
        "The Office of Rail Standards has fined Northfold Rail £3.4 million after the operator "
        "cancelled about 12% of its services, the regulator said on Wednesday."
    )
    claim = (
        "Then, on Wednesday, the Office of Rail Standards delivered its judgment: a fine of "
        "£3.4 million."
    )
    assert "roles" not in checks(al, claim)
    claim = "The Office of Rail Standards paid Northfold Rail £3.4 million."
    assert checks(al, claim).get("roles") == "contradicted"


def test_a_sum_whose_multiplier_the_parse_split_off_is_the_same_sum() -> None:
    paid = next(transfers(parse("Larchfield will also pay the council £2.4m towards a school.")[:]))
    assert paid.thing == {"money:2400000 GBP"}, paid
    al = aligner_of("Larchfield will also pay the council £2.4m towards a new primary school.")
    wrong = "The housebuilder will also receive £2.4m from the council towards a new school."
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found
    fair = "The council will also receive £2.4m from Larchfield towards a new primary school."
    assert not by_rule_findings(al, fair, "roles")[0]


def test_a_thing_a_relative_clause_pays_is_the_noun_it_describes() -> None:
    al = aligner_of(
        "The society expects to lose about £180,000, including deposits it had already paid "
        "to marquee supplier Fenwick Events, which has agreed to refund half of them."
    )
    wrong = "That includes deposits that marquee supplier Fenwick Events had paid to the society."
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found
    fair = "That includes deposits that the society had paid to marquee supplier Fenwick Events."
    assert not by_rule_findings(al, fair, "roles")[0]


def test_a_payment_held_back_is_owed_to_whom_it_is_held_from() -> None:
    held = next(transfers(parse("Halden has withheld a payment of £95,000 from Marlow.")[:]))
    assert held.source == {"halden"} and held.recipient == {"marlow"}, held
    al = aligner_of(
        "Halden has withheld a final payment of £95,000 from Marlow & Sons while the two firms "
        "dispute who should bear the extra cost."
    )
    wrong = "A final £95,000 payment is being held back from Halden by the roofing firm."
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found
    fair = "A final £95,000 payment is being held back from Marlow & Sons by Halden."
    assert not by_rule_findings(al, fair, "roles")[0]


def test_a_party_named_by_the_article_s_description_is_read_through_the_party_table() -> None:
    al = aligner_of(
        "Ardley Borough Council hired Brennock Consultancy to inspect the roof. The council "
        "paid Brennock £4,800 for the inspection."
    )
    for wrong in (
        "The consultancy has paid it £4,800 for the inspection.",
        "The local authority received £4,800 from the consultancy.",
    ):
        found, ruled = by_rule_findings(al, wrong, "roles")
        assert found and ruled, (wrong, found)
    for fair in (
        "The consultancy was paid £4,800 for the inspection.",
        "The consultancy received £4,800 from the local authority.",
    ):
        assert not by_rule_findings(al, fair, "roles")[0], fair


def test_writing_to_a_body_sends_it_a_letter() -> None:
    al = aligner_of(
        "Its secretary, Colin Draper, said the association had written to the council asking "
        "for the rise to be phased in over three years."
    )
    wrong = (
        "The association has received a letter from the council asking for the rise to be phased."
    )
    found, ruled = by_rule_findings(al, wrong, "roles")
    assert found and ruled, found
    fair = (
        "The council has received a letter from the association asking for the rise to be phased."
    )
    assert not by_rule_findings(al, fair, "roles")[0]


def test_a_sale_moves_the_goods_one_way_and_its_price_the_other() -> None:
    """ "bought the site from Halvern for £7.5m": Ardent pays Halvern the price; "sold the
    centre to the trust for £4,200,000": the trust pays the council. The price is no thing the
    seller hands over, and a hut that "sold for" a sum is what was sold, not a seller."""
    al = aligner_of(
        "Ardent bought the 2.4-hectare site from Halvern Drinks Group for £7,500,000 in 2024. "
        "Wexbridge District Council has agreed to sell Harrowfield Leisure Centre to the Active "
        "Vale Trust, a sports charity, for £4,200,000. A beach hut has sold for £78,500."
    )
    for wrong in (
        "Halvern Drinks Group paid Ardent £7.5m for the plot.",
        "The council will pay the charity £4.2m in two instalments.",
        "Last year the Active Vale Trust sold Harrowfield Leisure Centre to the council.",
    ):
        found, ruled = by_rule_findings(al, wrong, "roles")
        assert found and ruled, (wrong, found)
    for fair in (
        "Ardent paid Halvern Drinks Group £7.5m for the 2.4-hectare plot.",
        "The charity will pay the council £4.2m for the centre.",
        "No beach hut has ever sold for more than the £78,500 just paid for this one.",
        "Developer Ardent, which paid Halvern Drinks Group £7.5m, bought the site in 2024.",
    ):
        assert not by_rule_findings(al, fair, "roles")[0], fair


def test_a_hire_pays_its_price_the_other_way() -> None:
    """ "kit hired by the organisers for £1,250": the organisers get the kit and pay the sum,
    as the original's "the organisers have paid £1,250 to hire" has it."""
    hired = list(transfers(parse("Extra kit has been hired by the organisers for £1,250.")[:]))
    assert [(t.source, t.recipient) for t in hired] == [
        (set(), {"organiser"}),
        ({"organiser"}, set()),
    ]
    al = aligner_of("The organisers have paid £1,250 to hire extra equipment for marshals.")
    assert "roles" not in checks(al, "Extra kit has been hired by the organisers for £1,250.")


def test_the_same_thing_sold_to_another_party_of_the_article() -> None:
    """The seller the original names sells the pier (or "the structure") to its lender in the
    claim, where the original's buyer is another firm; the buyer named by a short name is the
    same party."""
    al = aligner_of(
        "Harbourline Leisure Holdings had agreed in October to buy the Victorian pier from the "
        "Kelmouth Pier Company. Northgate Capital, which was due to lend Harbourline £1.4m, "
        "pulled out on Friday."
    )
    other = (
        "In October the Kelmouth Pier Company had agreed to sell the structure to Northgate "
        "Capital."
    )
    assert checks(al, other).get("roles") == "contradicted"
    for same in (
        "In October the Kelmouth Pier Company had agreed to sell the structure to Harbourline "
        "Leisure Holdings.",
        "In October the Kelmouth Pier Company had agreed to sell the pier to Harbourline.",
    ):
        assert "roles" not in checks(al, same), same


def test_money_put_into_a_body_by_the_one_a_relative_clause_describes() -> None:
    """ "the fund, which put £15 million into the council" where the council put it into the
    fund ("which" is the noun its clause describes; "put ... into" a sum is a transfer)."""
    al = aligner_of(
        "The loan comes from the Northvale Sports Fund. The fund is backed by Northvale "
        "Borough Council, which put £15 million into it in 2023."
    )
    turned = (
        "Behind the council stands the fund, which put £15 million into Northvale Borough Council."
    )
    assert checks(al, turned).get("roles") == "contradicted"
    same = "Northvale Borough Council, which put £15 million into the fund in 2023, backs it."
    assert "roles" not in checks(al, same)
    # no sum: no transfer of money
    assert not list(transfers(parse("The club put new turf into the stadium.")[:]))


def test_paying_a_party_for_a_thing_is_that_party_paid() -> None:
    """ "the council would pay the firm for the replacement" where "the firm would pay for the
    replacement": the firm is paid instead of paying; the firm paying for it in other words is
    no change."""
    al = aligner_of(
        "Tessaline Pools said the tiles met its contract. Its director said the firm would pay "
        "for the replacement but did not accept that it was at fault."
    )
    turned = checks(al, "Its director said the council would pay the firm for the replacement.")
    assert turned.get("roles") == "contradicted", turned
    same = "Its director said the firm would pay for the replacement of the tiles."
    assert "roles" not in checks(al, same)


def test_the_same_party_paid_by_another_party_of_the_article() -> None:
    """ "Vantage Patrols has been paid by the Friends of Linden Park" where the council, a body
    the article never names, paid it: another giver; the council paying it, told in the passive,
    and the Friends' own payment of another firm are no change."""
    al = aligner_of(
        "The Friends of Linden Park paid Ashdown Coatings to repaint the bandstand, and the "
        "Westbury Civic Trust backed the plan. The council has also paid a security firm, "
        "Vantage Patrols, to check the park twice each night."
    )
    moved = "Vantage Patrols has been paid by the Friends of Linden Park to check the park."
    found, ruled = by_rule_findings(al, moved, "roles")
    assert found and ruled, found
    assert "the Friends of Linden Park" in found[0].reason
    same = "Vantage Patrols has been paid by the council to check the park twice a night."
    assert "roles" not in checks(al, same)
    theirs = "The Friends of Linden Park paid Ashdown Coatings to repaint the bandstand."
    assert "roles" not in checks(al, theirs)


def test_a_party_the_original_only_describes_is_not_another_giver() -> None:
    """ "the organiser of the festival must pay" read as "Lanternhouse Events Ltd must pay": the
    organiser may be that firm (no rule), and a speaker is not the giver of what she reports."""
    al = aligner_of(
        "Lanternhouse Events Ltd ran the Brightfield festival last summer. The court ruled "
        "that the organiser of the festival must pay 186,000 pounds to the farmer."
    )
    claim = "The court ruled that 186,000 pounds must be paid by Lanternhouse Events Ltd."
    assert not by_rule_findings(al, claim, "roles")[0]
