"""The article's parties (``newsfaq.text.parties``): names, descriptors, definite descriptions."""

from __future__ import annotations

from newsfaq.text.nlp import parse
from newsfaq.text.parties import (
    act_lemma,
    direction_of,
    participants,
    party_acts,
    party_table,
    same_party,
    tie_of,
)

ARTICLE = (
    "Brightfold, a Manchester-based startup that makes route-planning software, said on "
    "Tuesday that it would cut 140 jobs. Chief executive Priya Aldana told staff that the "
    "company had failed to raise money after its investor, Corvane Capital, withdrew in "
    "April. Brightfold's revenue rose 38 per cent. The company also confirmed that it had "
    "sold its analytics unit to Hollin Systems. Corvane Capital did not respond."
)


def _phrase(doc, text: str):  # type: ignore[no-untyped-def]
    start = doc.text.index(text)
    span = doc.char_span(start, start + len(text))
    assert span is not None
    return list(span)


def test_a_definite_description_is_the_body_the_article_describes_so() -> None:
    doc = parse(ARTICLE)
    table = party_table(doc)
    brightfold = table.named({"brightfold"})
    assert len(brightfold) == 1 and "startup" in brightfold[0].nouns
    companies = [t for t in doc if t.lower_ == "company"]
    assert companies and all(table.at(t.i) is brightfold[0] for t in companies)
    assert table.at(_phrase(doc, "Corvane Capital")[0].i) is not brightfold[0]
    assert party_table(doc) is table  # built once per parse


def test_same_party_by_name_or_by_description() -> None:
    doc = parse(ARTICLE)
    the_company = _phrase(doc, "The company")

    def speaker(claim: str, n: int):  # type: ignore[no-untyped-def]
        return list(parse(claim))[:n]

    said = " said it had sold its analytics unit."
    assert same_party(speaker("Brightfold" + said, 1), the_company)
    assert same_party(speaker("The startup" + said, 2), the_company)
    assert not same_party(speaker("Corvane Capital" + said, 2), the_company)
    assert not same_party(speaker("Hollin Systems" + said, 2), the_company)
    assert not same_party(speaker("The investor" + said, 2), the_company)


def test_a_lead_description_is_the_party_named_further_on_by_what_it_does() -> None:
    doc = parse(
        "The main chairlift at Carnmore Mountain Resort will stay closed for the season, the "
        "resort's operator said on Monday. Carnmore Leisure, which runs the resort, has hired "
        "an engineering firm. Kestrel Airport Ltd was fined. The airport apologised."
    )
    table = party_table(doc)
    leisure = table.named({"carnmore", "leisure"})
    assert len(leisure) == 1 and "operator" in leisure[0].nouns
    operator = next(t for t in doc if t.lower_ == "operator")
    assert table.at(operator.i) is leisure[0]
    airport = next(t for t in doc if t.text == "airport")
    found = table.at(airport.i)
    assert found is not None and "kestrel" in found.names  # the name's last word before "Ltd"


def test_a_victim_and_a_body_its_titled_speaker_speaks_for() -> None:
    doc = parse(
        "A dog attacked postal worker Claire Imbert on Saturday. Ms Imbert said she had not "
        "returned to work. The council withheld a payment due to Halvorsen Data. Halvorsen's "
        "managing director, Pieter Lindqvist, said the firm was cooperating."
    )
    said = " said she had not returned to work."
    imbert = _phrase(doc, "Ms Imbert")
    assert same_party(list(parse("The victim" + said))[:2], imbert)
    assert not same_party(list(parse("The council" + said))[:2], imbert)
    lindqvist = _phrase(doc, "Halvorsen's managing director, Pieter Lindqvist")
    cooperating = " said it was cooperating."
    assert same_party(list(parse("The firm" + cooperating))[:2], lindqvist)
    assert same_party(list(parse("Halvorsen Data" + cooperating))[:2], lindqvist)
    assert not same_party(list(parse("The council" + cooperating))[:2], lindqvist)


ACTS = (
    "Dunmere District Council has fined Tollard Haulage £3,000. Tollard Haulage was caught by "
    "Lanmoor Environmental, the consultancy the council hired in May to count lorries. "
    "Pellow Water, which supplies the village, said it had complained. Tollard Haulage's "
    "directors appointed Rusk & Dane as advisers."
)


def _names_of(doc, verb: str) -> list[tuple[set[str], set[str]]]:  # type: ignore[no-untyped-def]
    """The name words of the doers and undergoers of each act whose verb is ``verb``."""
    table = party_table(doc)

    def words(ks: frozenset[int]) -> set[str]:
        return {w for k in ks for w in table.parties[k].names}

    return [
        (words(a.doers), words(a.undergoers)) for a in party_acts(doc) if doc[a.verb].lower_ == verb
    ]


def test_the_acts_between_parties_read_from_every_clause_form() -> None:
    doc = parse(ACTS)
    acts = party_acts(doc)
    assert party_acts(doc) is acts  # built once per parse
    fined = _names_of(doc, "fined")
    assert fined and "dunmere" in fined[0][0] and "tollard" in fined[0][1]
    # a contact clause the parser reads as a participle: the council hired the consultancy
    hired = _names_of(doc, "hired")
    assert hired and "dunmere" in hired[0][0] and "lanmoor" in hired[0][1], hired
    # a passive with its "by" phrase
    caught = _names_of(doc, "caught")
    assert caught and "lanmoor" in caught[0][0] and "tollard" in caught[0][1], caught
    # a relative clause's "which" is the name it hangs from
    supplied = _names_of(doc, "supplies")
    assert supplied and "pellow" in supplied[0][0], supplied
    # the firm's directors act for the firm
    appointed = _names_of(doc, "appointed")
    assert appointed and "tollard" in appointed[0][0] and "rusk" in appointed[0][1], appointed


def test_participants_of_a_rewrites_relative_clause() -> None:
    claim = parse("Lanmoor Environmental, a consultancy the haulier hired, counted lorries.")
    hired = next(t for t in claim if t.lemma_ == "hire")
    doers, undergoers = participants(hired)
    assert [t.text for t in doers] == ["haulier"]
    assert [t.text for t in undergoers] == ["Environmental"]


def test_a_body_named_in_full_after_a_short_form_is_one_party() -> None:
    doc = parse("FlexPoint to close gyms. FlexPoint Fitness said on Monday that it would close.")
    table = party_table(doc)
    assert len(table.named({"flexpoint"})) == 1


def test_the_tie_an_act_ends_and_its_other_side() -> None:
    doc = parse(
        "The shoe company Strandby ended its sponsorship contract with Verlinde. Its largest "
        "customer, catalogue retailer Dunmore & Pike, ended its contract in June."
    )
    ended = next(t for t in doc if t.lower_ == "ended")
    tie = tie_of(ended)
    assert tie is not None and tie[0].lower_ == "contract"
    assert [t.text for t in tie[1]] == ["Verlinde"]
    claim = parse("The club dropped Pennick's sponsorship, and Wexley left.")
    dropped = next(t for t in claim if t.lower_ == "dropped")
    assert [t.text for t in tie_of(dropped)[1]] == ["Pennick"]  # type: ignore[index]
    assert tie_of(next(t for t in claim if t.lower_ == "left")) is None


def test_the_direction_of_an_act_in_its_other_wordings() -> None:
    doc = parse(
        "Bluewake sued the board. The board took Bluewake to court. Bluewake filed a claim "
        "against the board. The board leases the tower to the trust. The trust rents the "
        "tower from the board. The board met the trust."
    )

    def way(verb: str) -> tuple[str, list[str], list[str]] | None:
        found = direction_of(next(t for t in doc if t.lower_ == verb))
        if found is None:
            return None
        return found[0], [t.text for t in found[1]], [t.text for t in found[2]]

    assert way("sued") == ("sue", ["Bluewake"], ["board"])
    assert way("took") == ("sue", ["board"], ["Bluewake"])
    assert way("filed") == ("sue", ["Bluewake"], ["board"])
    assert way("leases") == ("lease", ["board"], ["trust"])
    assert way("rents") == ("lease", ["board"], ["trust"])
    assert way("met") is None


def test_a_second_verb_with_an_object_of_its_own_shares_the_first_ones_doer() -> None:
    doc = parse("The lawyers thanked Priya Castellano, who runs two shops and leads the group.")
    leads = next(t for t in doc if t.lower_ == "leads")
    doers, undergoers = participants(leads)
    assert [t.text for t in doers] == ["Castellano"]
    assert [t.text for t in undergoers] == ["group"]


def test_it_in_a_relative_clause_of_a_bodys_statement_is_that_body() -> None:
    doc = parse("The university said the boathouse, which it owns, could be sold next year.")
    owns = next(t for t in doc if t.lower_ == "owns")
    assert [t.text for t in participants(owns)[0]] == ["university"]
    doc = parse("Joan Pike said the boathouse, which it owns, could be sold next year.")
    owns = next(t for t in doc if t.lower_ == "owns")
    assert participants(owns)[0] == []  # a person's "it" is not the person


def test_a_description_opening_the_sentence_after_a_single_body_is_that_body() -> None:
    doc = parse(
        "The lifeboat station will be rebuilt, the Coastal Rescue Trust announced on Monday. "
        "The charity said the work would cost £3.4m. Ms Hocking, the station manager, agreed."
    )
    table = party_table(doc)
    trust = table.named({"coastal", "rescue", "trust"})
    charity = next(t for t in doc if t.lower_ == "charity")
    assert len(trust) == 1 and table.at(charity.i) is trust[0]
    manager = next(t for t in doc if t.lower_ == "manager")
    assert table.at(manager.i) is not trust[0]


def test_a_body_described_in_the_lead_and_named_next() -> None:
    """ "..., the charity that runs the canal said", then "The Inland Waterways Trust closed
    the lock": the charity is the trust, and the table says the article calls it so."""
    doc = parse(
        "A lock on the canal will stay shut until May, the charity that runs the canal said "
        "on Monday. The Inland Waterways Trust closed the lock after a leak. The trust has "
        "paid Harbury Joinery a deposit."
    )
    table = party_table(doc)
    charity = next(t for t in doc if t.lower_ == "charity")
    trust = table.at(charity.i)
    assert trust is not None and "waterways" in trust.names
    assert trust in table.described("charity")


def test_a_participle_clause_is_done_by_the_subject_of_its_verb() -> None:
    """ "The cadets will share the building, subletting two bays to the club": the cadets
    sublet."""
    doc = parse(
        "The Carrow Sea Cadets will share the building, subletting two of its six boat bays to "
        "the club for £1,200 a year."
    )
    sublet = next(t for t in doc if t.lower_ == "subletting")
    assert [t.text for t in participants(sublet)[0]] == ["Cadets"]


def test_the_ways_of_saying_hired_are_one_act() -> None:
    """ "brought in", "took ... on", "contracted" are "hire"; "brought the boxes" is not."""
    doc = parse(
        "The council brought in an auditor. The trust took the firm on in May. The club "
        "contracted a builder. She brought the boxes."
    )
    verbs = [t for t in doc if t.pos_ == "VERB"]
    assert [act_lemma(v) for v in verbs] == ["hire", "hire", "hire", "bring"]


def test_the_company_is_the_business_among_bodies_named_as_often() -> None:
    doc = parse(
        "Objectors from the Save Harl Moor group met on Friday. The turbines, proposed by "
        "developer Westfold Renewables, would stand on the moor. The Harl Estate has agreed to "
        "lease the land. The Save Harl Moor group said it would fight on, while Westfold "
        "Renewables said it would listen. The company also hired an ecologist."
    )
    table = party_table(doc)
    company = next(t for t in doc if t.lower_ == "company")
    westfold = table.named({"westfold"})
    assert len(westfold) == 1 and table.at(company.i) is westfold[0]


def test_the_authority_stands_for_the_council_when_nothing_else_is_one() -> None:
    doc = parse(
        "Brindmoor District Council expects to save £180,000 a year once the sale completes. "
        "The Ashcombe Bowls Association said it was disappointed."
    )
    council = _phrase(doc, "Brindmoor District Council")
    claim = parse("The authority expects annual savings of £180,000.")
    assert same_party(_phrase(claim, "The authority"), council)
    lower = parse("The club was warned by the bowls association last autumn.")
    assert not same_party(_phrase(lower, "the bowls association"), council)
    association = _phrase(doc, "The Ashcombe Bowls Association")
    assert same_party(_phrase(lower, "the bowls association"), association)


def test_a_description_of_what_a_body_runs_is_the_body_named_by_it() -> None:
    """ "The operator of the Kelsport to Harrow Island ferry" is Bluewake Ferries Ltd, the one
    body whose name holds "ferry"; with two such bodies, no guess."""
    doc = parse(
        "The operator of the Kelsport to Harrow Island ferry has taken the town's harbour board "
        "to court over a rent rise. Bluewake Ferries Ltd, which carries about 410,000 "
        "passengers a year, filed a claim on Monday."
    )
    table = party_table(doc)
    operator = next(t for t in doc if t.lower_ == "operator")
    bluewake = table.named({"bluewake"})
    assert len(bluewake) == 1 and table.at(operator.i) is bluewake[0]
    two = parse(
        "The operator of the island ferry has taken the harbour board to court. Bluewake "
        "Ferries Ltd and Greenwater Ferries Ltd both sail from the harbour."
    )
    operator = next(t for t in two if t.lower_ == "operator")
    assert party_table(two).at(operator.i) is None
