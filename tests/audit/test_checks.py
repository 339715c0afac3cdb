"""Unit tests of the rule checks, one check at a time."""

from __future__ import annotations

import pytest

from newsfaq.audit.align import Aligner
from newsfaq.audit.checks import check_claim, date_parts
from newsfaq.ingest.loader import paragraph_offsets
from newsfaq.models import Article, ArticleMeta
from newsfaq.text.nlp import analyze, parse

TEXT = (
    "Officials estimated that about one-third of the 900 homes lost power on Monday.\n"
    "The utility could restore service by Friday, spokesperson Dana Kim said.\n"
    "Crews replaced 15 poles in each of 4 districts."
)


@pytest.fixture(scope="module")
def aligner() -> Aligner:
    """Aligner over the test text, dated 2024-02-10."""
    art = Article(
        meta=ArticleMeta(date="2024-02-10"), text=TEXT, paragraphs=paragraph_offsets(TEXT)
    )
    return Aligner(analyze(art))


def _checks(aligner: Aligner, claim: str) -> dict[str, str]:
    span = parse(claim)[:]
    result = check_claim(span, aligner.align(span).sentences, aligner)
    return {f.check: f.severity for f in result.findings}


def test_normalised_numbers_agree(aligner: Aligner) -> None:
    assert _checks(aligner, "Officials estimated that about 33% of the 900 homes lost power.") == {}


def test_changed_number_is_contradicted(aligner: Aligner) -> None:
    assert _checks(aligner, "Officials estimated that half of the 900 homes lost power.") == {
        "numbers": "contradicted"
    }


def test_derived_figure_is_accepted(aligner: Aligner) -> None:
    assert "numbers" not in _checks(aligner, "Crews replaced 60 poles in 4 districts.")


def test_exact_for_approximate_is_flagged(aligner: Aligner) -> None:
    found = _checks(aligner, "Exactly 300 of the 900 homes lost power on Monday.")
    assert "numbers" in found or "modality" in found


def test_wrong_weekday_is_contradicted(aligner: Aligner) -> None:
    assert _checks(aligner, "About one-third of the 900 homes lost power on Sunday.") == {
        "dates": "contradicted"
    }


def test_certainty_and_attribution(aligner: Aligner) -> None:
    assert _checks(aligner, "The utility will restore service by Friday, Dana Kim said.") == {
        "modality": "unsupported"
    }
    assert "attribution" in _checks(
        aligner, "The utility could restore service by Friday, the mayor said."
    )


def test_confirmed_for_estimated_is_flagged(aligner: Aligner) -> None:
    assert _checks(aligner, "Officials confirmed that one-third of the 900 homes lost power.") == {
        "modality": "unsupported"
    }


def test_unknown_name_and_content_words(aligner: Aligner) -> None:
    found = _checks(aligner, "Governor Mark Stone praised the crews for their courage.")
    assert found.get("entities") == "unsupported"
    assert found.get("content") == "unsupported"


def test_date_parts() -> None:
    parts = date_parts("on Friday, in March 2023, since 2022, may rise")
    assert [(p.weekday, p.month, p.year) for p in parts] == [
        (4, None, None),
        (None, 3, 2023),
        (None, None, 2022),
    ]


NEWS = (
    "The U.S. Navy said the patrol boat sank at 12:15 am on Saturday near Port Edda.\n"
    "Captain Mara Quist was named commander of the rescue fleet on Sunday.\n"
    "Rescuers pulled 14 sailors from the water, the Navy said."
)


@pytest.fixture(scope="module")
def news() -> Aligner:
    """Aligner over a short report with an abbreviation, a clock time and a passive."""
    return Aligner(analyze(Article(text=NEWS, paragraphs=paragraph_offsets(NEWS))))


@pytest.mark.parametrize(
    "claim",
    [
        # lower-cased, tokenized summaries: "u.s." and a detached possessive
        "the u.s. navy said the patrol boat sank near port edda.",
        "Mara Quist ' fleet pulled 14 sailors from the water.",
    ],
)
def test_name_variants_are_found(news: Aligner, claim: str) -> None:
    assert "entities" not in _checks(news, claim)


def test_clock_time_is_not_two_figures(news: Aligner) -> None:
    assert _checks(news, "The patrol boat sank at 12:15 am on Saturday.") == {}
    found = _checks(news, "The patrol boat sank at 2:15 am on Saturday.")
    assert found.get("numbers") == "contradicted"


def test_headline_passive_is_not_a_role_swap(news: Aligner) -> None:
    # "Quist named commander" is the headline form of "Quist was named commander"
    assert "roles" not in _checks(news, "Mara Quist named commander of the rescue fleet.")
    # with an object it is an active verb, and the roles are swapped
    found = _checks(news, "Mara Quist named the Navy commander of the rescue fleet.")
    assert found.get("roles") == "contradicted"


def test_framing_words_are_not_unknown_content(aligner: Aligner) -> None:
    # a neutral reporting verb and a verb used as a preposition state no content of their own
    assert "content" not in _checks(
        aligner, "Following the outage, the utility announced that crews replaced 15 poles."
    )
    # new words besides them still count
    assert _checks(aligner, "Crews replaced 15 poles following a fierce blizzard.") == {
        "content": "unsupported"
    }


APPEAL = "The appeal raised £50,000 via an online page in two days, organisers said."


@pytest.fixture(scope="module")
def appeal() -> Aligner:
    """Aligner over a one-sentence report with a sum of money."""
    return Aligner(analyze(Article(text=APPEAL, paragraphs=paragraph_offsets(APPEAL))))


def test_tokenized_thousands_and_money_words(appeal: Aligner) -> None:
    # "£50, 000" is the tokenized "£50,000"; the words after a sum of money are not its unit
    assert "numbers" not in _checks(appeal, "the appeal raised £50, 000 for the shelter.")
    found = _checks(appeal, "the appeal raised £60, 000 in two days.")
    assert found.get("numbers") == "contradicted"


BRIDGE = (
    "The highways department said on Monday that the Kell Bridge would close for repairs.\n"
    "The repairs will cost $2 million and take six weeks.\n"
    '"Traffic will use the ferry," Mayor Ann Lee said.\n'
    '"The ferry runs every hour," she said.'
)


@pytest.fixture(scope="module")
def bridge() -> Aligner:
    """Aligner over a report whose credits are in another sentence or given by a pronoun."""
    return Aligner(analyze(Article(text=BRIDGE, paragraphs=paragraph_offsets(BRIDGE))))


def test_speaker_credited_in_another_evidence_sentence(bridge: Aligner) -> None:
    claim = "The highways department said the Kell Bridge repairs will cost $2 million."
    assert "attribution" not in _checks(bridge, claim)
    found = _checks(bridge, "The governor said the Kell Bridge repairs will cost $2 million.")
    assert found.get("attribution") == "unsupported"


def test_pronoun_credit_may_stand_for_a_named_speaker(bridge: Aligner) -> None:
    # "she said" may be Ann Lee: not checked; the governor is named nowhere in the original
    assert "attribution" not in _checks(bridge, "Ann Lee said the ferry runs every hour.")
    found = _checks(bridge, "The governor said the ferry runs every hour.")
    assert found.get("attribution") == "unsupported"


def test_speaker_and_repeated_words_are_not_counted_as_content(
    aligner: Aligner, bridge: Aligner
) -> None:
    # who says it is the attribution check's; a word repeated is one unknown word
    assert "content" not in _checks(
        bridge, "Local engineers said the repairs will cost $2 million."
    )
    assert "content" not in _checks(aligner, "Crews replaced 15 steel poles with steel.")
    found = _checks(aligner, "Crews replaced 15 steel poles with concrete.")
    assert found.get("content") == "unsupported"


def test_accents_do_not_make_a_name_unknown() -> None:
    text = "Alexis Sánchez scored twice for the visitors on Saturday."
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text))))
    assert "entities" not in _checks(al, "Alexis Sanchez scored twice on Saturday.")
    assert _checks(al, "Alexis Santos scored twice on Saturday.").get("entities") == "unsupported"


def test_a_clause_on_the_speaker_is_not_part_of_its_name(bridge: Aligner) -> None:
    claim = "The department that manages Kell Bridge said the repairs will cost $2 million."
    assert "attribution" not in _checks(bridge, claim)
    claim = "The agency that manages Kell Bridge said the repairs will cost $2 million."
    assert _checks(bridge, claim).get("attribution") == "unsupported"


def test_a_verb_framing_its_complement_is_not_what_happened(aligner: Aligner) -> None:
    # "hopes to restore": the complement says what happens, and the original states it
    assert "content" not in _checks(aligner, "The utility hopes to restore service by Friday.")
    found = _checks(aligner, "The utility abandoned service on Friday.")
    assert found.get("content") == "unsupported"


def test_day_of_a_date_is_not_a_figure_of_the_evidence() -> None:
    """ "Sunday, June 14" gives no figure 14 that a changed number could be compared with."""
    text = "The ferry will stop running from Sunday, June 14, for three weeks, officials said."
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text))))
    span = parse("The ferry will stop running for 14 days.")[:]
    result = check_claim(span, al.align(span).sentences, al)
    reasons = " ".join(f.reason for f in result.findings)
    assert "three weeks" in reasons and "“14”" not in reasons.split("original")[-1], reasons


def _reasons(text: str, claim: str) -> list[str]:
    """The number findings' reasons of ``claim`` checked against the one-paragraph ``text``."""
    al = Aligner(analyze(Article(text=text, paragraphs=paragraph_offsets(text))))
    span = parse(claim)[:]
    result = check_claim(span, al.align(span).sentences, al)
    return [f.reason for f in result.findings if f.check == "numbers"]


def test_a_figure_standing_alone_matches_the_same_count_of_anything() -> None:
    # "all three" says nothing of what is counted, so it may be the three inmates
    text = "All three were convicted of fraud at Kellan Crown Court on Monday, police said."
    assert _reasons(text, "Three inmates of Kellan jail were convicted of fraud on Monday.") == []
    assert _reasons(text, "Four inmates of Kellan jail were convicted of fraud on Monday.")


def test_ages_are_one_measure_in_any_form() -> None:
    text = "Ruth Okonjo, 64, opened the Harbour Street bakery with her son, who is 31."
    assert _reasons(text, "The 64-year-old opened the Harbour Street bakery.") == []
    assert _reasons(text, "A woman aged 64 opened the Harbour Street bakery.") == []
    reasons = _reasons(text, "The 46-year-old opened the Harbour Street bakery.")
    assert reasons == ["the claim gives “46-year-old”; the original gives “Okonjo, 64”"], reasons


def test_a_figure_of_something_else_is_named_in_the_reason() -> None:
    text = "Volunteers planted 40 oaks along the Tarrow river, and two ferries were cancelled."
    # the figure is in the original, counting other things: the reason says where, not "never"
    reasons = _reasons(text, "Volunteers counted 40 otters along the Tarrow river.")
    assert reasons == [
        "the claim gives “40 otters”; the original gives the figure only in “40 oaks”"
    ]
    assert _reasons(text, "Volunteers planted 40 oaks along the Tarrow river.") == []
    # another count of the same things contradicts it
    reasons = _reasons(text, "Three ferries were cancelled.")
    assert reasons == ["the claim gives “Three ferries”; the original gives “two ferries”"], reasons


def test_hour_only_clock_times_and_tokenized_percentages() -> None:
    text = "The polls closed at 10pm, and 31 per cent of voters had cast a ballot by then."
    assert _reasons(text, "The polls closed at 10 pm.") == []
    assert _reasons(text, "The polls closed at 11 pm.")
    assert _reasons(text, "31 % of voters had cast a ballot.") == []
    reasons = _reasons(text, "41 % of voters had cast a ballot.")
    assert reasons and "31 per cent" in reasons[0], reasons
