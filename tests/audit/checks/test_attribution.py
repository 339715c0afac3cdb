"""Unit tests of the rule checks of attribution (who says it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfaq.audit.align import Aligner
from newsfaq.audit.checks import check_claim
from newsfaq.text.nlp import parse
from tests.audit.checks.support import aligner_of, by_rule_findings, checks, findings_of, result_of

ARTICLES = Path(__file__).resolve().parents[2] / "articles"


def test_speaker_credited_in_another_evidence_sentence(bridge: Aligner) -> None:
    claim = "The highways department said the Kell Bridge repairs will cost $2 million."
    assert "attribution" not in checks(bridge, claim)
    found = checks(bridge, "The governor said the Kell Bridge repairs will cost $2 million.")
    assert found.get("attribution") == "unsupported"


def test_pronoun_credit_may_stand_for_a_named_speaker(bridge: Aligner) -> None:
    # "she said" may be Ann Lee: not checked; the governor is named nowhere in the original
    assert "attribution" not in checks(bridge, "Ann Lee said the ferry runs every hour.")
    found = checks(bridge, "The governor said the ferry runs every hour.")
    assert found.get("attribution") == "unsupported"


def test_a_clause_on_the_speaker_is_not_part_of_its_name(bridge: Aligner) -> None:
    claim = "The department that manages Kell Bridge said the repairs will cost $2 million."
    assert "attribution" not in checks(bridge, claim)
    claim = "The agency that manages Kell Bridge said the repairs will cost $2 million."
    assert checks(bridge, claim).get("attribution") == "unsupported"


def test_a_credited_speaker_reported_by_an_outlet_is_not_misattributed() -> None:
    text = "The woman told police that her boss tried to kiss her in the office."
    al = aligner_of(text)
    claim = "The Post reported that the woman told police her boss tried to kiss her."
    assert "attribution" not in checks(al, claim)
    assert checks(al, "The Post reported that her boss tried to kiss her.").get("attribution")


def test_a_claim_stated_as_fact_is_an_attribution_removed() -> None:
    text = "The deputy, who says he meant to stun the suspect with a Taser, was charged on Monday."
    al = aligner_of(text)
    found = checks(al, "The deputy meant to stun the suspect with a Taser.")
    assert found.get("attribution") == "unsupported", found
    assert "attribution" not in checks(al, "He says he meant to stun the suspect with a Taser.")
    assert "attribution" not in checks(al, "The deputy was charged on Monday.")


_STUDY = (
    '"Teenagers are not lazy," said Dr Ana Ruiz, the sleep scientist who led the study.\n\n'
    "Professor Tom Lee, a paediatrician who was not involved in the research, called the "
    "results encouraging. He said later starts could cause problems for working parents."
)


def test_a_he_said_statement_credited_to_another_named_person() -> None:
    """ "He said" stands for Tom Lee, named in the sentence before: crediting the statement to
    Dr Ruiz (tagged a person only in the article, and said with "pointed out") is a swap."""
    al = aligner_of(_STUDY)
    claim = "Dr Ruiz pointed out that later starts could cause problems for working parents."
    assert checks(al, claim).get("attribution") == "unsupported"
    fine = "Professor Lee said later starts could cause problems for working parents."
    assert "attribution" not in checks(al, fine)


def test_according_to_at_the_start_is_a_credit() -> None:
    """The tagger reads a sentence-initial "According" as the verb "accord"."""
    al = aligner_of("The ferry fleet is too old to run past 2030, engineer Lise Dahl said.")
    claim = "According to the port authority, the ferry fleet is too old to run past 2030."
    assert checks(al, claim).get("attribution") == "unsupported"
    assert "attribution" not in checks(
        al, "According to Lise Dahl, the ferry fleet is too old to run past 2030."
    )


@pytest.mark.parametrize(
    "claim",
    [
        "The Fenmoor Post reported that the ferries were built in 1990.",
        "Engineer Lise Dahl said the ferry fleet is too old to run past 2030.",
    ],
)
def test_the_original_may_credit_a_short_form_of_the_name(claim: str) -> None:
    """ "the Post" for "the Fenmoor Post", "Dahl" for "Lise Dahl"."""
    al = aligner_of(
        "Lise Dahl inspected the fleet for the Fenmoor Post. "
        "The fleet is too old to run past 2030, Dahl said. The ferries were built in 1990, "
        "the Post reported."
    )
    assert "attribution" not in checks(al, claim)


def test_a_pronoun_speaker_that_cannot_be_the_claimed_person() -> None:
    """ "they said" after an agency's statement: not the boy's mother's words."""
    al = aligner_of(
        "The boy's mother is worried about the waiting list. A spokesperson for the education "
        "authority replied to questions. The school has no places left this year, they said."
    )
    found, flagged = by_rule_findings(
        al, "The boy's mother said the school has no places left this year.", "attribution"
    )
    assert found and flagged
    assert "attribution" not in checks(
        al, "A spokesperson said the school has no places left this year."
    )


def test_a_title_that_names_another_speaker_of_the_original() -> None:
    """ "the mayor conceded" for a quote the original gives to a grocer ("he said")."""
    al = aligner_of(
        "Mayor Lucia Ferraro said the ban starts in May. Grocer Stefan Marr is worried. "
        '"Visitors might shop in the next town instead," he said.'
    )
    claim = '"Visitors might shop in the next town instead," the mayor conceded.'
    found, flagged = by_rule_findings(al, claim, "attribution")
    assert found and flagged
    assert "Ferraro" in found[0].reason and "Marr" in found[0].reason
    grocer = '"Visitors might shop in the next town instead," the grocer said.'
    assert "attribution" not in checks(al, grocer)


def test_a_speaker_named_before_which_said() -> None:
    """ "the Harbour Office, the regulator, which said ..." credits the regulator."""
    al = aligner_of(
        "The firm reported the leak to the Harbour Office, the regulator, which said it was "
        "making inquiries."
    )
    assert "attribution" not in checks(al, "The regulator said it was making inquiries.")
    assert checks(al, "The firm said it was making inquiries.").get("attribution")


def test_its_council_is_the_named_owners_council() -> None:
    al = aligner_of(
        "Santo Mar banned plastic bags in 2019. Last year its council reported that bags on "
        "its beaches had fallen by 70 percent."
    )
    claim = "Santo Mar's council reported that bags on its beaches had fallen by 70 percent."
    assert "attribution" not in checks(al, claim)
    other = "Porto Leve's council reported that bags on its beaches had fallen by 70 percent."
    assert checks(al, other).get("attribution")


def test_the_reporter_of_a_reported_statement_is_checked_against_the_original_speaker() -> None:
    """ "Feldane admitted the union had told the trust ..." where the original's "She said the
    union had warned the trust ..." is the nurse's: the union is credited in both, the one who
    reports it is not."""
    al = aligner_of(
        "Chief executive John Feldane said the hospital had too few beds. Oona Brackley, a "
        "nurse, said staff were exhausted. She said the union had warned the trust in October "
        "that the department was short of 40 nurses."
    )
    swapped = "Feldane admitted the union had told the trust in October that it was 40 short."
    found, flagged = by_rule_findings(al, swapped, "attribution")
    assert found and flagged and "Brackley" in found[0].reason, found
    kept = "Brackley said the union had told the trust in October that it was 40 short."
    assert "attribution" not in checks(al, kept)


def test_a_statement_moved_to_another_participant_of_its_sentence_is_a_swap() -> None:
    al = aligner_of(
        "The council estimates that the plan will require about 140 million pounds of spending, "
        "of which developers are expected to pay roughly half."
    )
    moved = "Developers estimate the spending the plan requires at about 140 million pounds."
    found, flagged = by_rule_findings(al, moved, "attribution")
    assert found and flagged, found
    kept = "The council estimates the spending the plan requires at about 140 million pounds."
    assert "attribution" not in checks(al, kept)


def test_an_unnamed_speaker_described_by_the_title_the_article_gives() -> None:
    """ "the race chief said" for "Ashworth said", when the article introduces him as "Race
    director Colin Ashworth": the same speaker (chief/director are one title)."""
    al = aligner_of(
        "Race director Colin Ashworth praised the volunteers. "
        "Ashworth said the course record could be ratified within six weeks."
    )
    claim = "The race chief said the course record could be ratified within six weeks."
    assert "attribution" not in checks(al, claim)
    other = "The mayor said the course record could be ratified within six weeks."
    assert checks(al, other).get("attribution") == "unsupported"


def test_the_company_is_the_organisation_the_article_calls_so() -> None:
    al = aligner_of(
        "Greyhaven Terminals plans to install 14 cranes. The company employs 186 operators. "
        "The cranes could lift capacity by 25 percent, Greyhaven said."
    )
    claim = "The cranes could lift capacity by 25 percent, according to the company."
    assert "attribution" not in checks(al, claim)
    other = "The cranes could lift capacity by 25 percent, according to the union."
    assert checks(al, other).get("attribution")


def test_an_answer_given_is_not_a_statement_credited() -> None:
    al = aligner_of(
        "The first count put Coldwell ahead by 29 votes. Bratt's agent requested a recount, which "
        "was granted. Returning officer Janet Okafor later read out the result."
    )
    start = "After the first count had Coldwell 29 votes clear, Bratt's agent asked for a recount"
    assert "attribution" not in checks(al, start + " and returning officer Janet Okafor said yes.")
    assert checks(al, start + ", returning officer Janet Okafor said.").get("attribution")


def test_the_organisation_named_for_the_original_s_the_company() -> None:
    al = aligner_of(
        "The project, developed by Stratavault Systems, will cover 14 hectares. The company says "
        "it will create 85 permanent jobs. The council backs the plan."
    )
    assert "attribution" not in checks(
        al, "According to Stratavault Systems, it will bring 85 permanent jobs."
    )
    assert checks(al, "According to Harlow Vale Council, it will bring 85 permanent jobs.").get(
        "attribution"
    )


def test_the_firm_for_its_managing_director() -> None:
    al = aligner_of(
        "About 90 staff work in the affected shops. Managing director Helena Voskuijl said the "
        "firm would try to move as many of them as possible to other branches."
    )
    assert "attribution" not in checks(
        al, "The firm said it would try to move as many staff as possible to other branches."
    )
    assert checks(
        al, "The union said it would try to move as many staff as possible to other branches."
    ).get("attribution")


def test_the_chair_for_the_speaker_the_quote_continues() -> None:
    al = aligner_of(
        '"This is the biggest private investment the valley has seen," said the board\'s chair, '
        'Miriam Oduya. "We have attached strict conditions on noise and water." Chief executive '
        "Tobias Wrenfield said the company had chosen the location carefully."
    )
    assert "attribution" not in checks(
        al, 'The chair added: "We have attached strict conditions on noise and water."'
    )
    assert checks(
        al, 'The chief executive added: "We have attached strict conditions on noise and water."'
    ).get("attribution")


def test_the_article_itself_and_its_lead_source_are_no_new_credit() -> None:
    al = aligner_of(
        "Two snow leopard cubs have been born at Ashcombe Wildlife Park, keepers announced on "
        "Wednesday. Each cub weighed about 480 grams at birth."
    )
    assert "attribution" not in checks(al, "The article notes that each cub weighed 480 grams.")
    assert "attribution" not in checks(
        al, "According to the keepers, each cub weighed about 480 grams."
    )
    assert checks(al, "According to the vet, each cub weighed about 480 grams.").get("attribution")


def test_a_determiner_or_sign_inside_a_name_is_no_name_word() -> None:
    al = aligner_of(
        "Quayside Patients' Forum chair Agnes Pilling said the board had ignored a petition. A "
        "survey by the engineering firm Calloway & Brandt found 14 cracks along the spillway."
    )
    claim = "Pilling, chair of the Quayside Patients' Forum, said the board had ignored a petition."
    assert "attribution" not in checks(al, claim)
    other = "Dana Whitcombe, chair of the Quayside Patients' Forum, said the board ignored a plea."
    assert checks(al, other).get("attribution")


def test_an_unnamed_source_the_article_goes_on_for() -> None:
    al = aligner_of(
        "Health officials have confirmed 23 cases. Officials traced the first case to a traveller "
        "who returned on February 24. The virus then spread quickly because vaccination rates "
        "had fallen below 85 percent. Parents said they were worried."
    )
    claim = (
        "According to officials, it spread because vaccination rates had slipped below 85 percent."
    )
    assert "attribution" not in checks(al, claim)
    other = (
        "According to teachers, it spread because vaccination rates had slipped below 85 percent."
    )
    assert checks(al, other).get("attribution")


def test_a_hyphenated_speaker_is_read_whole() -> None:
    from newsfaq.audit.checks.attribution import _speakers
    from newsfaq.text.nlp import parse

    doc = parse("According to the ex-champ, her pupil works on chess for four hours a day.")
    assert [t.text for t in _speakers(doc[:])[0]][-3:] == ["ex", "-", "champ"]


def test_an_organisation_the_tagger_misreads_or_names_by_its_noun_is_the_speaker() -> None:
    al = aligner_of(
        "Regional ferry operator Tarnwick Ferries will close its Holm terminal in May, the "
        "company confirmed on Monday. The Selby Rowing Trust, which leases the boathouse, said "
        "the move was a blow. Repairs will take six weeks, the trust said."
    )
    assert "attribution" not in checks(
        al, "Tarnwick confirmed on Monday that it will close the Holm terminal in May."
    )
    assert "attribution" not in checks(
        al, "Management confirmed on Monday that the Holm terminal will close in May."
    )
    assert "attribution" not in checks(
        al, "According to the Selby Rowing Trust, repairs will take six weeks."
    )
    assert checks(
        al, "The Holm Residents Group confirmed that the terminal will close in May."
    ).get("attribution")


def test_its_chair_speaks_for_the_organisation_and_the_report_is_the_article() -> None:
    al = aligner_of(
        "The Kelby Walkers Society welcomed the plan. Its chair, Ruth Ames, said the path had "
        "been closed for two years because of flooding."
    )
    assert "attribution" not in checks(
        al, "The path had been shut for two years because of flooding, the Walkers Society says."
    )
    assert "attribution" not in checks(
        al, "According to the report, the path had been closed for two years."
    )
    reported = aligner_of(
        "A council report said the path had been closed for two years. Ruth Ames said it was a "
        "disgrace."
    )
    assert "attribution" not in checks(
        reported, "According to the report, the path had been closed for two years."
    )


def test_the_outlet_that_published_the_original_and_a_title_in_apposition() -> None:
    from newsfaq.ingest.loader import paragraph_offsets
    from newsfaq.models import Article, ArticleMeta
    from newsfaq.text.nlp import analyze

    text = (
        "The appeal court overturned the ruling on Thursday. Philip Dunmore, the county's "
        "cabinet member for transport, said the backlog might not be cleared before autumn."
    )
    meta = ArticleMeta(site="Kestrel Valley Courier")
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text), meta=meta)))
    assert (
        checks(al, "The appeal court overturned the ruling on Thursday, the Courier reported.")
        == {}
    )
    assert checks(al, "The appeal court overturned the ruling, the Daily Mirror reported.")
    assert "attribution" not in checks(
        al, "The cabinet member said the backlog might not be cleared before autumn."
    )
    assert checks(al, "The mayor said the backlog might not be cleared before autumn.").get(
        "attribution"
    )


def test_a_speaker_in_the_passive_is_credited() -> None:
    al = aligner_of(
        "Tomas Reiner, an astronomer, said the delay could push back the first results by "
        "several months. Flight director Ingrid Holm said the mirror had moved."
    )
    assert checks(
        al,
        "It was said by flight director Ingrid Holm that the first results could be pushed back "
        "by several months.",
    ).get("attribution")
    assert "attribution" not in checks(
        al,
        "It was said by Tomas Reiner that the first results could be pushed back by several "
        "months.",
    )


def test_a_described_body_is_not_the_name_before_it() -> None:
    al = aligner_of(
        "Ruth Amos, who chairs the patient group Tarrow Voice, said the trips were too long. "
        'The county health board said it was "looking at options" for the two villages.'
    )
    claim = "Tarrow Voice says it is looking at options for the two villages."
    assert checks(al, claim).get("attribution")
    fair = "The county health board says it is looking at options for the two villages."
    assert "attribution" not in checks(al, fair)


def test_the_chain_is_the_company_and_a_short_name_is_the_company() -> None:
    al = aligner_of(
        "Pharmacy chain Larkfield Chemists will close 12 of its 90 branches this summer, the "
        "company confirmed on Tuesday. Shoppers will not need to do anything, it said."
    )
    assert "attribution" not in checks(al, "The chain confirmed on Tuesday that it will shut 12.")
    al = aligner_of(
        "On Monday, Harrier Confectionery, the largest chocolate maker, said it would raise "
        "prices. The company said costs had doubled. Harrier, which employs 900 people, said "
        "it was not planning any job cuts."
    )
    claim = "The company, which employs 900 people, said it had no plans for job cuts."
    assert "attribution" not in checks(al, claim)


def test_the_group_leading_the_speakers_is_credited() -> None:
    al = aligner_of(
        "Objectors, led by the Harwick Valley Group, said the site holds some of the best "
        "farmland in the district. Mayor Ann Cole approved the plan on Monday."
    )
    fair = "The Harwick Valley Group said the site holds some of the best farmland."
    assert "attribution" not in checks(al, fair)
    wrong = "Mayor Ann Cole said the site holds some of the best farmland."
    assert checks(al, wrong).get("attribution")


def test_a_statement_moved_to_a_speaker_of_another_sentence_is_decisive() -> None:
    al = aligner_of(
        "Police said the van was found burnt out near Dunmore on Sunday. Deliveries to three "
        "hospitals were delayed by the theft, Helix Medical Supply said."
    )
    found, ruled = by_rule_findings(
        al,
        "Police said deliveries to three hospitals had been delayed by the theft.",
        "attribution",
    )
    assert found and ruled, found
    kept, ruled = by_rule_findings(
        al,
        "Helix Medical Supply said deliveries to three hospitals had been delayed.",
        "attribution",
    )
    assert not kept and not ruled, kept


def test_a_hyphenated_speaker_the_parse_splits_does_not_crash() -> None:
    # "the co-op said": the parse makes the hyphen a subject of "said" too
    al = aligner_of(
        "The Harlow dairy co-op cancelled orders worth 410,000 euros with the chain Korvo "
        "after the ban, the co-op said on Monday."
    )
    claim = "The co-op has cancelled orders worth 410,000 euros with Korvo, the co-op said."
    assert "attribution" not in checks(al, claim)
    wrong = "The co-op has cancelled orders worth 410,000 euros with Korvo, Korvo said."
    assert checks(al, wrong).get("attribution")


def test_a_statement_moved_to_another_named_party_is_decisive() -> None:
    al = aligner_of(
        "Vale Water's operations director, Simon Reddaway, described the ban as a last resort. "
        "A spokesperson for the agriculture department said ministers would meet growers next "
        "Thursday."
    )
    found, ruled = by_rule_findings(
        al,
        "Ministers will meet growers next Thursday, a Vale Water spokesperson said.",
        "attribution",
    )
    assert found and ruled, found
    kept, ruled = by_rule_findings(
        al,
        "Ministers will meet growers next Thursday, an agriculture department spokesperson said.",
        "attribution",
    )
    assert not kept and not ruled, kept


def test_a_view_or_a_hope_credited_to_another_speaker() -> None:
    al = aligner_of(
        "Board chair Eleni Varga said the company could face penalties. Its director, Ruth "
        'Kessling, criticised the rise. "Customers are being asked to pay twice for the same '
        'broken pipes," she said. Port chair Ingrid Samuelsen said she hoped the two sides '
        "would reach agreement before the summer."
    )
    found = findings_of(al, "Customers, in Varga's view, are being asked to pay twice for pipes.")
    assert any("“Varga”" in r and "Ruth Kessling" in r for _, _, r in found), found
    fair = "Customers, in Kessling's view, are being asked to pay twice for the same pipes."
    assert "attribution" not in checks(al, fair)
    wrong = "Ruth Kessling expressed hope that the two sides would reach agreement before summer."
    assert checks(al, wrong).get("attribution")
    fair = "Ingrid Samuelsen expressed hope that the two sides would reach agreement before summer."
    assert "attribution" not in checks(al, fair)


def test_a_cause_blamed_by_the_subject_of_the_sentence() -> None:
    al = aligner_of(
        "Halvern Foods reported a 14 percent fall in profit on Thursday, blaming higher cocoa "
        "and packaging costs."
    )
    assert "attribution" not in checks(al, "Halvern Foods blamed higher cocoa and packaging costs.")


def test_a_closing_source_is_credited_and_according_to_ends_at_its_comma() -> None:
    al = aligner_of(
        "Harlow Creek Brewery, the family-run beer maker based in the town of Amberford, has "
        "agreed to be sold to Calloway Beverages for 38 million dollars, the two companies "
        "announced on Wednesday. Under the terms of the deal, Calloway will pay 30 million "
        "dollars in cash when the sale closes."
    )
    claim = (
        "According to the two companies, 38 million dollars: 30 million dollars in cash when "
        "the deal closes."
    )
    assert "attribution" not in checks(al, claim)
    assert checks(al, claim.replace("the two companies", "the town council")).get("attribution")
    from newsfaq.audit.checks.attribution import _speakers
    from newsfaq.text.nlp import parse

    doc = parse("Hours rose, according to the project engineer, Tomasz Rehn, on Monday.")
    assert [t.text for t in _speakers(doc[:])[0]] == [
        "the",
        "project",
        "engineer",
        ",",
        "Tomasz",
        "Rehn",
    ]


def test_according_to_the_company_credits_the_subject_named_before() -> None:
    """ "according to the company" after a sentence whose subject is the developer (and whose
    last name is another body): the claim may credit the developer by name."""
    al = aligner_of(
        "Larchfield Power lodged the appeal with the Planning Inspectorate on Monday. The plant "
        "would supply about 7,200 homes, according to the company."
    )
    claim = "According to Larchfield Power, it would supply 7,200 homes."
    assert "attribution" not in checks(al, claim)
    assert checks(al, "According to the inspectorate, it would supply 7,200 homes.").get(
        "attribution"
    )


def test_a_fund_the_rewrite_calls_the_company() -> None:
    al = aligner_of(
        "The council's 12 booth staff will move to Ormsby Capital, although the fund said some "
        "of their jobs may change once the new system is running."
    )
    claim = "The company said some of their jobs may change once the new system is running."
    assert "attribution" not in checks(al, claim)


def test_the_same_person_by_job_and_by_courtesy_title() -> None:
    """ "Operations director Mira Tollan" for "Ms Tollan": a job function is no organisation;
    "Lakeside owner Mira Tollan" names another party."""
    al = aligner_of(
        "Westbay Ferries said the timetable had to change. Its operations director, Mira Tollan, "
        "said talks would go on. The company did not say how many sailings would go. Ms Tollan "
        "said a reduced service of three crossings a day could run on the main route."
    )
    claim = (
        "Operations director Mira Tollan said a reduced service of three crossings a day could "
        "run on the main route."
    )
    assert "attribution" not in checks(al, claim)
    assert "entities" not in checks(al, claim)


def test_a_speaker_called_by_first_name() -> None:
    """ "Hannah says" for "Ms Voss said", whom the article names Hannah Voss; "Maria says" is
    someone else."""
    al = aligner_of(
        '"The lights are coming back on," said Hannah Voss, the theatre’s artistic director. '
        "Ms Voss said the theatre could reopen as early as April 2027."
    )
    assert "attribution" not in checks(al, "Hannah says the theatre could reopen in April 2027.")
    assert "entities" not in checks(al, "Hannah says the theatre could reopen in April 2027.")
    assert checks(al, "Maria says the theatre could reopen in April 2027.")


def test_the_same_full_name_with_a_title_and_with_an_organisation() -> None:
    al = aligner_of(
        '"Nobody likes paying more," said Daniel Ferris, Brackmoor’s chief executive, on Monday.'
    )
    claim = 'The CEO, Daniel Ferris, said: "Nobody likes paying more."'
    assert "attribution" not in checks(al, claim)


def test_a_relative_with_the_same_surname_is_another_speaker() -> None:
    al = aligner_of(
        "Ada Whitfield, an engineer, died on Sunday. Her son, Michael Whitfield, said the cause "
        "was heart failure."
    )
    assert checks(al, "Her son, Ada Whitfield, said the cause was heart failure.")
    assert "attribution" not in checks(al, "Michael Whitfield said the cause was heart failure.")


def test_mr_and_a_surname_for_a_full_name_with_an_organisation() -> None:
    al = aligner_of(
        "Declan Murtagh, managing director of Tarrant Marine Works, said the delays were caused "
        "by late drawings."
    )
    assert "attribution" not in checks(
        al, "Mr Murtagh said the delays were caused by late drawings."
    )


def test_per_credits_a_source_like_according_to() -> None:
    al = aligner_of(
        "Lena Ruiz, the managing director of Quarrel Glass, said the firm expected to create 20 "
        "jobs. Councillor Tom Haig said bins would be emptied weekly."
    )
    found = findings_of(al, "Quarrel Glass expects to create 20 jobs, per Councillor Tom Haig.")
    assert any(c == "attribution" for c, _, _ in found), found
    fair = "Quarrel Glass expects to create 20 jobs, per managing director Lena Ruiz."
    assert "attribution" not in checks(al, fair)
    assert "attribution" not in checks(
        al, "Bins cost £5 per household, and the firm expects 20 jobs."
    )


def test_a_capitalised_title_or_a_chairing_clause_names_the_speaker() -> None:
    al = aligner_of(
        'Chief Fire Officer Ruth Kell said response times would fall. "Cover must not sleep," '
        "Ms Kell told the meeting. Omar Finch, who chairs the Ashby Traders' Association, backed "
        'the plan. "Insurers ask about cover," Mr Finch said.'
    )
    assert "attribution" not in checks(al, '"Cover must not sleep," the chief fire officer said.')
    assert "attribution" not in checks(al, '"Insurers ask about cover," the traders\' chair said.')


def test_a_short_form_speaker_is_the_organisation_it_spells() -> None:
    al = aligner_of(
        "Wyre Bay Port Authority, which owns the harbour, set out its plans. The authority said "
        "there would be no full closure during the works."
    )
    assert "attribution" not in checks(
        al, "There will be no full closure during the works, per WBPA."
    )


def test_a_boss_of_the_office_an_apposition_names_is_its_holder() -> None:
    al = aligner_of(
        "Councillor Petra Lund, the cabinet member for libraries, defended the cuts. "
        '"We had no easy choices," Cllr Lund said.'
    )
    assert "attribution" not in checks(al, '"We had no easy choices," the libraries boss said.')
    moved = checks(al, '"We had no easy choices," the transport boss said.')
    assert moved.get("attribution"), moved


def test_a_courtesy_title_makes_the_speaker_a_person() -> None:
    from newsfaq.audit.checks.attribution import _a_person

    al = aligner_of("The shutdown will cost the firm £310,000 a week. He said a claim was filed.")
    claim = parse("Mr Vane said so.")
    claim.ents = []  # the small model may tag no one in a short claim
    assert _a_person(claim[0:2], al.analysis)
    assert not _a_person(claim[1:2], al.analysis)


def test_a_quotation_that_runs_on_into_the_next_sentence_is_still_its_speakers() -> None:
    from newsfaq.audit.checks.attribution import _sentence_speakers

    al = aligner_of(
        'Its secretary, Tom Ashby, said: "A family with two adults now pays £32 before they '
        'have bought a coffee. That is a day out many people here will simply skip." The '
        "museum said prices had to rise."
    )
    speakers = _sentence_speakers(al.analysis)
    assert speakers.get(1) == ["Tom Ashby"], speakers
    assert speakers.get(2) != ["Tom Ashby"], speakers


def test_an_organisations_title_names_the_speaker_the_article_gives_it() -> None:
    al = aligner_of(
        '"No blade will turn until it is checked," said Veltra' + "'s head of service, Annika "
        "Brauer. Replacement blades will arrive from mid-October, Brauer said."
    )
    said = " stated that replacement blades will arrive from mid-October."
    assert "attribution" not in checks(al, "Veltra's head of service" + said)
    for other in ("Corrach's head of service", "Veltra's chief executive"):
        found = checks(al, other + said)
        assert found.get("attribution"), (other, found)


def test_a_forum_posters_op_relays_the_original() -> None:
    al = aligner_of("The fire damaged 14 parked cars and forced the car park to close for the day.")
    claim = (
        "OP pointed out that the fire damaged 14 parked cars and closed the car park for the day."
    )
    assert "attribution" not in checks(al, claim)
    other = "Mr Rudd pointed out that the fire damaged 14 parked cars and closed the car park."
    assert checks(al, other).get("attribution") == "unsupported"


def test_a_bare_spokesperson_is_the_one_of_the_body_named_before() -> None:
    al = aligner_of(
        "Corvin Foods said the store would not reopen until its wall was repaired. A "
        "spokesperson said staff would be paid in full during the closure."
    )
    said = " said staff would be paid in full during the closure."
    assert "attribution" not in checks(al, "A Corvin spokesperson" + said)
    assert checks(al, "A Halbury spokesperson" + said).get("attribution") == "unsupported"


def test_each_of_two_speakers_is_checked_against_what_it_says() -> None:
    al = aligner_of(
        "The Tollard Pottery Trust, a local charity, said it hoped to buy the factory's archive "
        "of 4,000 moulds. Its chair, Leonard Wick, said the trust had launched an appeal to "
        "raise £120,000."
    )
    right = (
        "The Tollard Pottery Trust said it hoped to buy the factory's archive of 4,000 moulds, "
        "and its chair, Leonard Wick, said the trust had launched an appeal to raise £120,000."
    )
    assert "attribution" not in checks(al, right)
    swapped = (
        "The Tollard Pottery Trust said it had launched an appeal to raise £120,000, and its "
        "chair, Leonard Wick, said it hoped to buy the factory's archive of 4,000 moulds."
    )
    assert checks(al, swapped).get("attribution") == "unsupported"


def test_an_office_title_and_full_name_for_the_courtesy_title_is_the_same_speaker() -> None:
    al = aligner_of(
        '"Too much glass ended up in the ground," said Councillor Martin Ebbe, the cabinet '
        "member for environment. Households will not pay more for the service, Mr Ebbe said, "
        "although the council may review garden waste charges later in the year."
    )
    said = (
        " said households will not pay more for the service, although the council may review "
        "garden waste charges later in the year."
    )
    # an FAQ answer's "No." before the name makes the tagger read the title as a word of it
    assert "attribution" not in checks(al, "No. Councillor Martin Ebbe" + said)
    assert checks(al, "No. Councillor Martin Hale" + said).get("attribution") == "unsupported"


def test_a_thread_number_and_a_short_form_of_a_title_word_keep_the_speaker() -> None:
    al = aligner_of(
        "Employment Judge Colin Arden said the unpaid time pushed many workers' effective "
        "hourly pay below the legal minimum."
    )
    said = " said the unpaid time pushed many workers' hourly pay below the legal minimum."
    assert "attribution" not in checks(al, "6/ Emp Judge Colin Arden" + said)
    assert checks(al, "6/ Emp Judge Colin Ardley" + said).get("attribution") == "unsupported"


def test_a_defence_a_party_gives_stated_as_fact_is_an_attribution_removed() -> None:
    al = aligner_of(
        "The union says staff were charged thousands of pounds. The firm's managing director, "
        "Colin Fenner, denied any wrongdoing. He said the deductions were repayments of travel "
        "loans that staff had agreed to in writing."
    )
    fact = "The deductions were repayments of travel loans that staff had agreed to in writing."
    found = findings_of(al, fact)
    assert any(r.startswith("attribution removed") and "Fenner" in r for _, _, r in found), found
    credited = "Mr Fenner said the deductions were repayments of travel loans staff agreed to."
    assert "attribution" not in checks(al, credited)
    al = aligner_of(
        "The firm's managing director, Colin Fenner, welcomed the ruling. He said the deductions "
        "were repayments of travel loans that staff had agreed to in writing."
    )
    assert "attribution" not in checks(al, fact)  # no defence: a plain statement


def test_a_description_after_a_named_speaker_is_no_part_of_whom_it_credits() -> None:
    al = aligner_of(
        "Veltrace Systems, which is based in Coventry and has run the 46 cameras since 2023, "
        "said a clock setting had been changed during a software update."
    )
    claim = (
        "{}, a Coventry-based firm that has run the 46 cameras since 2023, said a clock setting "
        "had been changed during a software update."
    )
    assert "attribution" not in checks(al, claim.format("Veltrace"))
    assert checks(al, claim.format("Kelvin Lane")).get("attribution") == "unsupported"


def test_the_noun_the_original_describes_an_organisation_by_stands_for_it() -> None:
    al = aligner_of(
        "Valemoor Dairies, the Whitchurch-based milk processor, will cut the price it pays "
        "farmers. Valemoor blamed a slide in wholesale dairy markets."
    )
    for claim in (
        "Processor blames a slide in wholesale dairy markets.",
        "The processor blamed a slide in wholesale dairy markets.",
    ):
        assert "attribution" not in checks(al, claim), claim
    assert checks(al, "The farmers blamed a slide in wholesale dairy markets.").get("attribution")


def test_management_opening_a_sentence_is_no_name() -> None:
    al = aligner_of(
        "Carrowline will close the Fenwick Road depot in March. The company said the "
        "94-year-old building could not be converted for electric buses."
    )
    said = " said the 94-year-old building could not be converted for electric buses."
    for speaker, flagged in (("Management", False), ("Residents", True)):
        doc = parse("The depot will shut in March. " + speaker + said)
        second = list(doc.sents)[1]
        assert second[0].pos_ == "PROPN" or speaker == "Residents"  # the tagger's name
        found = check_claim(second, al.align(second).sentences, al).findings
        assert any(f.check == "attribution" for f in found) == flagged, (speaker, found)


def test_a_titles_initials_the_original_spells_out_keep_the_speaker() -> None:
    al = aligner_of(
        "Alderholt's managing director, Fiona Castellan, said roughly 40% of the site had been "
        "damaged."
    )
    said = " said roughly 40% of site damaged."
    assert "attribution" not in checks(al, "Extent: MD Fiona Castellan" + said)
    assert checks(al, "Extent: MD Fiona Marsh" + said).get("attribution") == "unsupported"


def test_a_claim_verb_across_a_semicolon_reports_nothing() -> None:
    al = aligner_of(
        "Households with a total income below £38,000 can claim the full £4,500; others can "
        "claim up to £2,000."
    )
    claim = (
        "If your household's income is below £38,000, you can claim the full £4,500; other "
        "households can claim up to £2,000."
    )
    assert not [f for f in result_of(al, claim).findings if f.check == "attribution"]


def test_a_named_party_for_an_anonymous_source_is_another_party() -> None:
    al = aligner_of(
        "The company said its insurer, Greystone Mutual, will send assessors on Monday. Damage "
        "has been estimated at £4 million to £6 million, according to a person familiar with "
        "the figures."
    )
    named = "Damage estimated at £4m to £6m, according to Greystone Mutual."
    found, by_rule = by_rule_findings(al, named, "attribution")
    assert found and by_rule, found
    anonymous = "Damage estimated at £4m to £6m, according to a person familiar with the figures."
    assert "attribution" not in checks(al, anonymous)


def test_an_office_cut_short_and_its_description_reworded_keep_the_speaker() -> None:
    al = aligner_of(
        "The cabinet member for finance, Councillor Neil Brathwaite, said the council faced a "
        "£2.6 million budget gap."
    )
    said = " said the council faced a £2.6m budget gap."
    assert "attribution" not in checks(al, "Finance cabinet member Cllr Neil Brathwaite" + said)
    assert checks(al, "Finance cabinet member Cllr Neil Pryce" + said).get("attribution")


def test_a_speaker_the_rewrite_frames_every_statement_with_is_its_own_voice() -> None:
    al = aligner_of(
        "The Harbour Council will pay £1.2 million a year to keep the Tarn ferry running. "
        "Councillor Ada Voss said the money would come from parking income. The service "
        "carries 300,000 passengers a year."
    )
    rewrite = (
        "The Minister states that the Harbour Council will pay £1.2 million a year to keep "
        "the Tarn ferry running. The Minister states that Councillor Ada Voss said the money "
        "would come from parking income. The Minister states that the service carries "
        "300,000 passengers a year."
    )
    doc = parse(rewrite)
    for sent in doc.sents:
        found = check_claim(sent, al.align(sent).sentences, al).findings
        assert not [f for f in found if f.check == "attribution"], (sent.text, found)
    once = parse("The Minister states that the Harbour Council will pay £1.2 million a year.")[:]
    found = check_claim(once, al.align(once).sentences, al).findings
    assert [f for f in found if f.check == "attribution"], found  # one statement: a credit


def test_a_quotation_a_colon_introduces_keeps_its_speaker() -> None:
    al = aligner_of(
        'The airport did not dispute the findings. "We let down thousands of passengers, and '
        'I apologise to every one of them," said Marta Osei, the chief operating officer. "If '
        "the crowds don't come, the taxpayer picks up the pieces,\" said Councillor Priya Menon."
    )
    quote = ': "We let down thousands of passengers, and I apologise to every one of them."'
    assert "attribution" not in checks(al, "Marta Osei offered an apology" + quote)
    bare = "We let down thousands of passengers, and I apologise to every one of them."
    assert checks(al, bare).get("attribution")  # the attribution removed
    warning = ': "If the crowds don\'t come, the taxpayer picks up the pieces."'
    assert "attribution" not in checks(al, "Councillor Priya Menon's warning" + warning)
    assert checks(al, "Marta Osei's warning" + warning).get("attribution")


def test_a_body_named_or_renamed_for_the_original_noun_of_its_name() -> None:
    al = aligner_of(
        "The Civil Noise Authority fined Kestrel Airport Ltd £1.4 million. The authority said a "
        "second breach could lead to a cap on summer flights. Bee inspectors found the disease, "
        "the National Bee Unit said. Honey remains safe to eat, the unit said. Brightsmile "
        "Dental Care will close its practice, the company confirmed. The firm said it could no "
        "longer recruit enough dentists."
    )
    for kept in (
        "The regulator said a second breach could lead to a cap on summer flights.",
        "The National Bee Unit said honey remains safe to eat.",
        "Brightsmile said it could no longer recruit enough dentists.",
    ):
        assert "attribution" not in checks(al, kept), kept
    moved = "The airport said a second breach could lead to a cap on summer flights."
    assert checks(al, moved).get("attribution")


def test_the_company_is_the_body_the_article_describes_as_one() -> None:
    al = aligner_of(
        "Brightfold, a Manchester-based startup that makes route-planning software, said on "
        "Tuesday that it would cut 140 jobs. Brightfold's revenue rose 38 per cent. The "
        "company also confirmed that it had sold its analytics unit to Hollin Systems."
    )
    sold = " also confirmed that it had sold its analytics unit to Hollin Systems."
    assert "attribution" not in checks(al, "Brightfold" + sold)
    assert "attribution" not in checks(al, "The startup" + sold)
    assert checks(al, "Corvane Capital" + sold).get("attribution")


def test_a_titled_speaker_of_a_body_is_not_the_body_nor_its_other_speaker() -> None:
    al = aligner_of(
        "The council withheld a payment due to Halvorsen Data. Halvorsen's managing director, "
        "Pieter Lindqvist, said the firm was cooperating. Council leader Fiona Castellano said "
        "every household would receive a corrected bill by 6 March."
    )
    assert "attribution" not in checks(al, "Mr Lindqvist said Halvorsen was cooperating.")
    assert "attribution" not in checks(al, "The firm said it was cooperating.")
    moved = "Halvorsen Data's managing director said every household would get a bill by 6 March."
    assert checks(al, moved).get("attribution")


def test_a_speaker_quoted_by_another_and_a_councillor_cut_short() -> None:
    al = aligner_of(
        'Committee chair Councillor Deborah Finchley said the trial had "divided the street". '
        '"We listened to the people who live and work on Harrowgate Road, and most of them told '
        'us it is not working," she said. Joint administrator Rachel Pemberton said 19 gyms '
        "would stay open, but eight sites closed with immediate effect."
    )
    hers = (
        "According to Finchley, most of the people on Harrowgate Road told the council it is "
        "not working."
    )
    assert "attribution" not in checks(al, hers)
    titled = 'Committee chair Cllr Deborah Finchley said the trial had "divided the street".'
    assert "attribution" not in checks(al, titled) and "entities" not in checks(al, titled)
    other = 'Committee chair Cllr Deborah Hanley said the trial had "divided the street".'
    assert checks(al, other).get("attribution")
    two_subjects = "Eight sites, though, closed with immediate effect, she said."
    assert "attribution" not in checks(al, two_subjects)


def test_a_councillor_cut_short_before_a_surname_is_the_councillor() -> None:
    al = aligner_of(
        "The choir's grant will end in March. The council's cabinet member for culture, "
        "Councillor Martin Hesketh, said the council did not plan to reduce funding for music "
        "lessons in schools."
    )
    said = " said the council did not plan to reduce funding for music lessons in schools."
    assert "attribution" not in checks(al, "Cllr Hesketh" + said)
    assert checks(al, "Cllr Pickering" + said).get("attribution")


def test_a_title_opening_a_ticker_line_is_the_titled_speaker() -> None:
    al = aligner_of(
        "Club chairman Derek Hale said the sale was needed to clear debts of about £2 million. "
        'Members voted 310 to 95 in favour. "Nobody joined this club hoping to sell half of '
        'it," Mr Hale said. "But this keeps golf at Ridgeway alive for the next generation."'
    )
    line = '{} adds the deal "keeps golf at Ridgeway alive for the next generation".'
    assert "attribution" not in checks(al, line.format("Chairman"))
    assert checks(al, line.format("Treasurer")).get("attribution") == "unsupported"


def test_a_titled_name_for_the_original_he_said() -> None:
    al = aligner_of(
        "The hospice's retail manager, Daniel Okonkwo, said the shop could raise up to £150,000 "
        "a year. Its existing shop on Bridge Street raised £61,000 last year. That shop will "
        "close when the new one opens, he said, and all eight of its paid staff will move across."
    )
    said = "That shop will close when the new one opens, {} said."
    assert "attribution" not in checks(al, said.format("Mr Okonkwo"))
    assert checks(al, said.format("Mr Halloran")).get("attribution")


def test_a_second_speaker_credited_by_the_originals_he_said() -> None:
    al = aligner_of(
        "The Harrowfield Pet Owners' Forum said it feared customers would have fewer choices. "
        '"People lose the option to shop around," said the forum\'s chair, Marcus Elwood. He '
        "said Northgate had not consulted clients before the announcement. Owen Prytherch, "
        "Northgate's regional manager, said no redundancies are planned."
    )
    two = (
        "The Harrowfield Pet Owners' Forum said it feared customers would have fewer choices, "
        "and {}, said Northgate had not consulted clients before the announcement."
    )
    assert "attribution" not in checks(al, two.format("its chair, Marcus Elwood"))
    assert checks(al, two.format("Northgate's manager, Owen Prytherch")).get("attribution")


def test_a_title_the_original_gives_the_speaker_elsewhere() -> None:
    al = aligner_of(
        "No redundancies are planned, Northgate's regional manager, Owen Prytherch, said. "
        "Prices for routine consultations could rise by between 5% and 8% next year, Mr "
        "Prytherch added."
    )
    said = "{} regional manager, Owen Prytherch, said consultation prices could rise next year."
    assert "attribution" not in checks(al, said.format("Northgate's"))
    assert checks(al, said.format("Brookside's")).get("attribution")


def test_said_no_before_a_noun_is_a_statement_not_an_answer() -> None:
    al = aligner_of(
        "Dr Ingrid Solvang said the deal was driven by staffing pressure. No redundancies are "
        "planned, Northgate's regional manager, Owen Prytherch, said."
    )
    assert "attribution" not in checks(al, "Owen Prytherch said no redundancies are planned.")
    assert checks(al, "Dr Ingrid Solvang said no redundancies are planned.").get("attribution")


def test_its_head_is_not_the_head_of_the_body_it_hired() -> None:
    al = aligner_of(
        "Halcyon said it was disappointed. It has hired the investment bank Marlowe Strand to "
        "advise on the bid. Its chief executive, Rajiv Mendonca, told analysts on Tuesday that a "
        "combined group could save about £19 million a year, largely by merging booking systems."
    )
    savings = "The savings, according to {}, would come from merging booking systems."
    assert "attribution" not in checks(al, savings.format("Halcyon"))
    assert checks(al, savings.format("Marlowe Strand")).get("attribution")


def test_according_to_a_name_ends_before_the_clauses_subject() -> None:
    al = aligner_of(
        "Owner Priya Castellan said Marlowe Estates, which bought the building in 2024, wanted "
        "to raise the annual rent from £18,000 to £31,500. Marlowe Estates director Gareth "
        "Pembry said the unit could be re-let within months."
    )
    rent = (
        "According to {}, Marlowe Estates, which took over the building in 2024, wanted the "
        "annual rent lifted from £18,000 to £31,500."
    )
    assert "attribution" not in checks(al, rent.format("owner Priya Castellan"))
    assert checks(al, rent.format("director Gareth Pembry")).get("attribution")


def test_a_title_written_short_is_the_title() -> None:
    al = aligner_of(
        'Chief executive Helen Marsh blamed the closures on the pharmacy contract. "We have '
        'kept these shops open at a loss for as long as we responsibly could," Ms Marsh said.'
    )
    kept = '"We have kept these shops open at a loss as long as we could," the {} said.'
    assert "attribution" not in checks(al, kept.format("CEO"))
    assert checks(al, kept.format("MD")).get("attribution")


def test_the_firm_is_a_company_the_original_credits_not_a_council() -> None:
    al = aligner_of(
        "The council said ClearPath Environmental missed 14,300 collections. ClearPath blamed "
        "new route-planning software, which it said had sent crews to the wrong streets. "
        "Northmere Borough Council said residents could report missed bins online."
    )
    assert "attribution" not in checks(
        al, "The firm says the software sent crews to the wrong streets."
    )
    assert checks(al, "The firm says residents can report missed bins online.").get("attribution")


def test_the_speakers_title_is_no_part_of_what_is_reported() -> None:
    al = aligner_of(
        "Brightmoor's chief operating officer, Martin Oakes, said the group was deeply sorry "
        "and had hired 12 new care workers. Its cabinet member for adult care, Councillor Ruth "
        "Penhale, said families could request a review meeting at any time."
    )
    said = "Families can ask for a review meeting at any time, according to {}."
    assert "attribution" not in checks(al, said.format("Ruth Penhale, the cabinet member"))
    assert checks(al, said.format("Martin Oakes, Brightmoor's chief operating officer")).get(
        "attribution"
    )


def test_a_speaker_closing_a_sentence_the_parse_hung_on_its_first_verb() -> None:
    al = aligner_of(
        '"Customers have paid for pipes that still leak," said Helen Marsh, the authority\'s '
        "director of enforcement. She said the company had spent only 61 per cent of the £190m "
        "it had been allowed for mains replacement between 2021 and 2025. Tarrow Valley's chief "
        "executive, Richard Penhaligon, said the company accepted the penalty."
    )
    # the blank line after it, as on a page, is what makes the parse hang "conceded" on "allowed"
    claim = (
        "Of the £190m the company had been allowed for mains replacement between 2021 and 2025, "
        "only 61 per cent had been spent, {} conceded.\n\n"
    )
    assert "attribution" not in checks(
        al, claim.format("the director of enforcement, Helen Marsh,")
    )
    assert checks(al, claim.format("the chief executive, Richard Penhaligon,")).get("attribution")


def test_a_title_written_short_for_the_speaker_a_he_said_stands_for() -> None:
    al = aligner_of(
        "Kestrel Homes' managing director, Aled Morgan, said the company expected to submit a "
        'planning application by the autumn. "We want the first residents moving in by 2029," '
        "he said."
    )
    said = '"We want the first residents moving in by 2029," the {} said.'
    assert "attribution" not in checks(al, said.format("developer's MD"))
    assert checks(al, said.format("council's CEO")).get("attribution")


def test_the_charity_for_an_association_the_tagger_does_not_read_as_one() -> None:
    # the article, whose parse tags "The Open Trails Hostelling Association" a work of art;
    # the blank line after the claim, as on a page, is what makes "the charity" its speaker
    al = aligner_of((ARTICLES / "more22" / "youth_hostel_sale.txt").read_text())
    said = (
        "The hostel will close to guests on Saturday 31 October, the {} announced on Tuesday.\n\n"
    )
    assert "attribution" not in checks(al, said.format("charity"))
    assert checks(al, said.format("parish council")).get("attribution")


def test_the_co_op_is_the_cooperative() -> None:
    al = aligner_of(
        "The cooperative, which has 146 member farms, told farmers at a meeting in Bradbury on "
        "Wednesday that its standard price would fall from 41p to 39p per litre."
    )
    told = (
        "Farmers were told by the {} at a meeting in Bradbury on Wednesday that prices would fall."
    )
    assert "attribution" not in checks(al, told.format("co-op"))
    assert checks(al, told.format("council")).get("attribution")


def test_the_defence_for_its_lawyer_and_in_the_words_of() -> None:
    al = aligner_of(
        "Hannah Burrell, for the defence, said the infestation began after building work next "
        "door disturbed mice in a shared wall. Councillor Priya Halloran said the payments "
        "recognised real losses. Frank Odell, the association's secretary, called the sum short."
    )
    defence = "The {} said building work next door disturbed mice in a shared wall."
    assert "attribution" not in checks(al, defence.format("defence"))
    assert checks(al, defence.format("prosecution")).get("attribution")
    words = "In the words of {}, the payments recognise real losses."
    assert "attribution" not in checks(al, words.format("Councillor Priya Halloran"))
    assert checks(al, words.format("Frank Odell")).get("attribution")


def test_a_year_is_no_sources_figure() -> None:
    al = aligner_of(
        "Estuary Link Ferries, which has run the service since 2019, said it may scrap the "
        "earliest sailings. About 1,100 of the route's 3,800 daily passengers travel in those "
        "hours, the company said. The users' group said 1,500 passengers would be hit."
    )

    def whose(claim: str) -> list[str]:
        return [r for _, _, r in findings_of(al, claim) if r.startswith("whose figure")]

    assert not whose("Estuary Link said about 1,100 of its 3,800 daily passengers travel then.")
    assert whose("The users' group said about 1,100 of its 3,800 passengers travel then.")


def test_a_speaker_with_more_words_to_the_title_is_the_same_person() -> None:
    from newsfaq import audit

    original = (
        "The club's board voted 7-2 on Monday, March 9, to end Mr Fairweather's contract with "
        "immediate effect. Chair Rosalind Okafor said the decision followed an internal review "
        "which found that £11,500 of the grant had been used for a training camp in Lanzarote."
    )
    page = (
        "Seven board members voted on Monday, March 9 to end his contract with immediate "
        "effect, with two against.\n\n{} says the axe fell after an internal review found "
        "£11,500 of the grant had gone on a training camp in Lanzarote."
    )
    same = audit(original, page.format("Club chair Rosalind Okafor")).claims[-1]
    assert same.verdict == "supported", same.reasons
    other = audit(original, page.format("Club secretary Rosalind Abara")).claims[-1]
    assert other.verdict != "supported"


def test_being_clear_that_is_saying_it() -> None:
    al = aligner_of(
        "Its area engineer, Helen Castellano, said water supply was already marginal. The "
        "boating association's secretary, Graham Tully, spoke next. \"Nobody is against a "
        'marina. We are against a marina that drains the pound above lock 4," Mr Tully said.'
    )
    claim = "{} was clear that nobody is against a marina, only one that drains the pound."
    assert checks(al, claim.format("Castellano")).get("attribution")
    assert "attribution" not in checks(al, claim.format("Mr Tully"))


def test_a_speaker_named_on_one_side_and_described_on_the_other_may_be_wording() -> None:
    al = aligner_of(
        "The inspectorate said no infections had so far been found in the valley's pear or "
        "cherry orchards."
    )
    said = "According to {}, no infections have so far been found in the valley's pear orchards."
    described = [f for f in result_of(al, said.format("the growers' association")).findings]
    assert [f.wording for f in described if f.check == "attribution"] == [False]
    named = [f for f in result_of(al, said.format("Dunmore Growers Ltd")).findings]
    assert [f.wording for f in named if f.check == "attribution"] == [True]


def test_a_described_speaker_the_original_names_in_apposition_is_named() -> None:
    al = aligner_of(
        "The ferry ran aground in March. The company that operated it, Western Isles Shipping, "
        "said repairs would cost about 2.8 million pounds."
    )
    claim = "The company that operated it, {}, said repairs would cost about 2.8 million pounds."
    moved = [f for f in result_of(al, claim.format("Gwen Pritchard")).findings]
    assert [f.wording for f in moved if f.check == "attribution"] == [False]
    assert not [f for f in result_of(al, claim.format("Western Isles Shipping")).findings]


def test_a_union_honorific_before_the_surname_names_the_same_speaker() -> None:
    """ "Sister Marsh said" in a union bulletin is the original's "Ms Marsh said"."""
    al = aligner_of(
        "Helen Marsh, the union's branch secretary, spoke to drivers. \"We support clean buses, "
        'but not at the expense of the night routes," Ms Marsh said.'
    )
    fair = checks(al, "Clean buses have the union's support, Sister Marsh said.")
    assert "attribution" not in fair and "entities" not in fair, fair
    other = checks(al, "Clean buses have the union's support, Sister Parks said.")
    assert other.get("attribution") or other.get("entities"), other


def test_a_short_form_with_the_speakers_title_credits_the_spelled_out_body() -> None:
    al = aligner_of(
        "The county adviser for the National Farmers' Union, Rob Halsey, said some farms "
        "could be short of hay."
    )
    assert "attribution" not in checks(
        al, "Some farms could be short of hay, the NFU adviser said."
    )
    assert "names" not in checks(al, "Some farms could be short of hay, the NFU adviser said.")
    found = checks(al, "Some farms could be short of hay, the NFU chairman said.")
    assert found.get("attribution"), found


def test_the_body_credited_for_the_spokesperson_the_original_introduced_as_its_own() -> None:
    al = aligner_of(
        "Fines reached 9,000, a council spokesperson said. The contractor is paid £18,000 a "
        "month and receives no share of the fines, the spokesperson added."
    )
    claim = "According to the council, the contractor is paid £18,000 a month."
    assert "attribution" not in checks(al, claim)
    found = checks(al, "According to the union, the contractor is paid £18,000 a month.")
    assert found.get("attribution"), found


def test_the_company_for_a_firm_whose_name_ends_in_homes() -> None:
    """ "the company added" for "Brockley Homes said" (which the tagger reads as a person), the
    article calling it the company; "the council" is another body of the article."""
    al = aligner_of(
        "The developer, Brockley Homes, bought the site for £11.5m in 2024. In a statement, "
        "Brockley Homes said the first residents could move in by 2028. The company did not "
        "say how many homes would be sold to landlords. Gorsey District Council approved the "
        "plan."
    )
    claim = "The first residents could be living on the site by 2028, the company added."
    assert "attribution" not in checks(al, claim)
    claim = "The first residents could be living on the site by 2028, the council added."
    assert checks(al, claim).get("attribution") == "unsupported"


def test_a_speaker_put_after_its_reporting_verb() -> None:
    """ "..., warned a spokesperson for the association": the parse reads the speaker as the
    verb's object; it is who the claim credits."""
    al = aligner_of(
        "The Vale Farmers' Association said three ewes were killed in March. PC Hannah Shore "
        "said owners whose dogs attacked livestock could be prosecuted and fined."
    )
    moved = (
        "Owners whose dogs go for livestock could be prosecuted and fined, warned a spokesperson "
        "for the Vale Farmers' Association."
    )
    assert checks(al, moved).get("attribution") == "unsupported"
    kept = (
        "Owners whose dogs go for livestock could be prosecuted and fined, warned PC Hannah Shore."
    )
    assert "attribution" not in checks(al, kept)


def test_a_role_the_original_gives_another_person_is_another_speaker() -> None:
    """ "The choir's chairman assured the singers" where the chairman is Gareth Pryce and the
    vicar said it: the statement moved to another person, a rule; "The vicar" is the speaker."""
    al = aligner_of(
        "The choir chairman, Gareth Pryce, said the group had lost its banner. St Aidan's Church "
        "has offered the choir its parish room. The vicar, the Rev Daniel Mbeki, said the "
        'singers would be welcome there "for as long as it takes".'
    )
    moved = (
        "The choir's chairman assured the singers they would be welcome there for as long as it "
        "takes."
    )
    found, ruled = by_rule_findings(al, moved, "attribution")
    assert found and ruled
    kept = "The vicar assured the singers they would be welcome there for as long as it takes."
    assert "attribution" not in checks(al, kept)


def test_a_statement_moved_from_the_company_to_the_union() -> None:
    """ "the union said" for the original's "the company said", the article's union one of its
    bodies: the statement moved to another party, a rule; "the chain said" may be the
    company in other words."""
    al = aligner_of(
        "Crumbhill Bakeries will close 12 of its shops by the end of July, the company said. "
        "Loyalty card holders can use their cards at any remaining branch, the company said. "
        "The Bakers and Allied Workers Union, which represents the staff, said the closures "
        "were a blow. The union said it would ballot its members."
    )
    claim = (
        "Shoppers holding loyalty cards may still spend them at whichever branches stay open, "
        "the union said."
    )
    found, ruled = by_rule_findings(al, claim, "attribution")
    assert found and ruled
    claim = claim.replace("the union", "the chain")
    assert by_rule_findings(al, claim, "attribution") == ([], False)


def test_a_warning_moved_to_another_body_the_article_names() -> None:
    """ "warned by the bowls association last autumn" where the council warned the club and
    the article's bowls association is another body; "by the authority last autumn" is the
    council (the time is no part of the speaker)."""
    al = aligner_of(
        "Ashcombe Town Council has offered the bowls club a new lease. He added that the "
        "council had warned the club last autumn that it could put the site out to tender. The "
        "Ashcombe & District Bowls Association moved the county finals to Brindley Green."
    )
    wrong = (
        "The club had been warned by the bowls association last autumn that it could go to tender."
    )
    found, ruled = by_rule_findings(al, wrong, "attribution")
    assert found and ruled, found
    fair = "The club had been warned by the authority last autumn that it could go to tender."
    assert "attribution" not in checks(al, fair)


def test_an_order_given_is_no_statement_credited_to_its_giver() -> None:
    """ "Wardens told 30 people to get out, Earnshaw said": Earnshaw is the source; the wardens
    gave an order. A statement of the wardens' own is still a speaker the original lacks."""
    al = aligner_of(
        "Martin Earnshaw said wardens had warned about 30 people to leave the water on Monday."
    )
    order = "Wardens told about 30 people to get out of the water on Monday, Mr Earnshaw said."
    assert "attribution" not in checks(al, order)
    moved = checks(al, "Wardens said about 30 people had left the water on Monday.")
    assert moved.get("attribution") in {"unsupported", "contradicted"}, moved
