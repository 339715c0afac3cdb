"""Key facts on the shared example and the project's test articles (real spaCy parse)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfaq.ingest.loader import load
from newsfaq.models import Article, Explainer, Fact
from newsfaq.text.facts import extract_facts
from newsfaq.text.nlp import Analysis, analyze
from tests.helpers import assert_grounded, norm

KINDS = ["politics", "business", "science", "sports", "court", "obituary", "brief", "feature"]


@pytest.fixture(scope="module")
def parsed(example_path: Path, articles_dir: Path) -> dict[str, tuple[Analysis, list[Fact]]]:
    """Each article parsed once, with its facts."""
    out: dict[str, tuple[Analysis, list[Fact]]] = {}
    paths = {"example": example_path} | {k: articles_dir / f"{k}.txt" for k in KINDS}
    for name, path in paths.items():
        if not path.exists():
            continue
        analysis = analyze(load(path))
        out[name] = (analysis, extract_facts(analysis))
    return out


def _facts(parsed: dict[str, tuple[Analysis, list[Fact]]], name: str) -> list[Fact]:
    if name not in parsed:
        pytest.fail(f"test article {name}.txt is missing")
    return parsed[name][1]


def _one(facts: list[Fact], kind: str, contains: str) -> Fact:
    """The single fact of ``kind`` whose text contains ``contains``."""
    found = [f for f in facts if f.kind == kind and contains in f.text]
    assert found, f"no {kind} fact containing {contains!r}: {[f.text for f in facts]}"
    return found[0]


# --- the shared example ----------------------------------------------------------------------


def test_example_casualties_keep_qualifier_and_attribution(parsed: dict) -> None:
    fact = _one(_facts(parsed, "example"), "quantity", "120,000")
    assert fact.text == "approximately 120,000 Russian soldiers"
    assert fact.value == 120_000
    assert fact.qualifier == "approximately"
    assert fact.unit == "soldiers"
    assert fact.normalized == "120000"
    assert fact.attributed_to == "US officials"


def test_example_fraction_rate_and_units(parsed: dict) -> None:
    facts = _facts(parsed, "example")
    third = _one(facts, "quantity", "one-third")
    assert third.value == pytest.approx(1 / 3)
    assert third.normalized == "1/3"
    assert third.qualifier == "only"
    assert third.unit == "target"
    rate = _one(facts, "quantity", "15 soldiers")
    assert rate.text == "15 soldiers per week"
    assert rate.value == 15
    assert rate.per is not None and rate.per.startswith("week")
    assert "each district" in rate.per
    districts = _one(facts, "quantity", "36 districts")
    assert districts.value == 36
    assert districts.unit == "districts"


def test_example_derived_figure_is_marked_and_never_stated(parsed: dict) -> None:
    facts = _facts(parsed, "example")
    derived = [f for f in facts if f.kind == "derived"]
    assert len(derived) == 1
    fact = derived[0]
    assert fact.derived
    assert fact.value == 540
    assert fact.per == "week"
    assert fact.text == "540 soldiers per week (derived)"
    assert fact.derived_from == ["15 soldiers per week", "36 districts"]
    assert fact.derivation == "15 × 36 = 540"
    assert not any(f.value == 540 for f in facts if f.kind != "derived")


def test_example_dates_roles_attributions(parsed: dict) -> None:
    facts = _facts(parsed, "example")
    assert _one(facts, "date", "February 2022").normalized == "2022-02"
    assert _one(facts, "date", "March 2023").normalized == "2023-03"
    role = _one(facts, "role", "Dmitry Medvedev")
    assert role.entity == "Dmitry Medvedev"
    assert role.role == "deputy chairman of Russia’s Security Council"
    assert role.text == "Dmitry Medvedev, deputy chairman of Russia’s Security Council"
    avdonin = _one(facts, "role", "Alexander Avdonin")
    assert avdonin.role is not None and avdonin.role.startswith("head of military recruitment")
    mod = _one(facts, "attribution", "The Kremlin aims to avoid")
    assert mod.attributed_to == "the UK Ministry of Defense"
    us = _one(facts, "attribution", "120,000")
    assert us.attributed_to == "US officials"
    assert us.text.endswith("in February 2022")
    call = _one(facts, "attribution", "the deployment of 15 soldiers")
    assert call.attributed_to == "Alexander Avdonin"  # "prompting him to call", him -> Avdonin


def test_example_appended_faq_is_not_evidence(parsed: dict) -> None:
    analysis, facts = parsed["example"]
    assert "How many Russian soldiers" not in analysis.article.text
    assert not any("around 120,000" in f.text for f in facts)


# --- every article ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["example", *KINDS])
def test_grounded_ordered_deduplicated(parsed: dict, name: str) -> None:
    analysis, facts = parsed[name] if name in parsed else pytest.fail(f"missing {name}")
    assert facts, name
    assert_grounded(Explainer(article=analysis.article, facts=facts))
    starts = [f.evidence[0].start for f in facts]
    assert starts == sorted(starts)
    keys = [(f.kind, norm(f.text), f.attributed_to) for f in facts]
    assert len(keys) == len(set(keys))
    for fact in facts:
        if fact.kind == "derived":
            assert fact.text.endswith("(derived)") and fact.derivation and fact.derived
            stated = [f for f in facts if f.kind == "quantity" and f.unit == fact.unit]
            assert not [f for f in stated if f.value == pytest.approx(fact.value, rel=0.005)]
        else:
            assert not fact.derived
        if fact.kind == "quote":
            assert fact.attributed_to and fact.text[0] in '"“'


# --- per-article facts checked by reading the articles ----------------------------------------


def test_business_money_percent_and_dates(parsed: dict) -> None:
    facts = _facts(parsed, "business")
    revenue = _one(facts, "quantity", "$2.9 billion")
    assert revenue.value == 2.9e9
    assert revenue.unit == "dollars"
    assert revenue.normalized == "2900000000 USD"
    growth = _one(facts, "quantity", "5.3 percent")
    assert growth.normalized == "5.3%"
    assert growth.attributed_to == "a survey by FactLine Research"
    eps = _one(facts, "quantity", "$1.46")
    assert eps.text == "$1.46 a share"
    assert eps.per == "share"
    third = _one(facts, "quantity", "about a third")
    assert third.qualifier == "about" and third.normalized == "1/3"
    assert _one(facts, "quantity", "3 to 4 percent").normalized == "3-4%"
    buyback = _one(facts, "quantity", "$750 million")
    assert buyback.qualifier == "up to"
    dividend = _one(facts, "derived", "million dollars")
    assert dividend.value == pytest.approx(75.4e6)
    assert dividend.derived_from == ["52 cents a share", "roughly 145 million shares"]
    assert dividend.derivation is not None
    assert dividend.derivation.endswith("= 7.54 billion cents = 75.4 million dollars")
    assert _one(facts, "date", "Wednesday").normalized == "2025-02-19"
    assert _one(facts, "date", "August").normalized == "2024-08"
    assert _one(facts, "date", "April 15, 2025").normalized == "2025-04-15"
    assert _one(facts, "date", "March of last year").normalized == "2024-03"
    chen = _one(facts, "quote", "We made deliberate choices")
    assert chen.attributed_to == "Laura Chen"


def test_court_quotes_have_their_speakers(parsed: dict) -> None:
    facts = _facts(parsed, "court")
    assert _one(facts, "quote", "a calculated betrayal").attributed_to == "Margaret Osei"
    assert _one(facts, "quote", "no genuine remorse").attributed_to == "Margaret Osei"
    assert _one(facts, "quote", "While families in this city").attributed_to == "the judge"
    assert _one(facts, "quote", "That is not a mistake").attributed_to == "the judge"
    assert _one(facts, "quote", "Two neighbourhoods").attributed_to == "Alan Whitcombe"
    assert _one(facts, "quote", "not a victimless crime").attributed_to == "Alan Whitcombe"
    assert "Dufresne" in (_one(facts, "quote", "We believe the judge").attributed_to or "")
    assert _one(facts, "quote", "determined that nothing").attributed_to == "Fatima Nasser"
    assert _one(facts, "role", "Judge Margaret Osei").role == "Judge"
    # 64 invoices x $50,000 = $3.2 million, which the article states: not a derived figure
    assert _one(facts, "quantity", "$3.2 million").value == 3_200_000
    assert not [f for f in facts if f.kind == "derived" and f.value == 3_200_000]
    span = _one(facts, "date", "between January 2019")
    assert span.normalized == "2019-01/2022-03"
    assert _one(facts, "date", "Friday").normalized == "2025-06-13"
    assert _one(facts, "quantity", "four years").qualifier == "no more than"


def test_politics(parsed: dict) -> None:
    facts = _facts(parsed, "politics")
    assert _one(facts, "date", "Thursday").normalized == "2025-03-06"
    assert _one(facts, "date", "by the end of the year").normalized == "2025-12-31"
    assert _one(facts, "date", "October 14, 2024").normalized == "2024-10-14"
    assert _one(facts, "role", "Helena Marsk").role == "the regional transport minister"
    assert _one(facts, "quote", "People have waited").attributed_to == "Helena Marsk"
    share = _one(facts, "quantity", "15 percent")
    assert share.qualifier == "at least"
    assert share.attributed_to == "Ingrid Solheim"
    yearly = _one(facts, "quantity", "400 million crowns")
    assert yearly.per == "year" and yearly.unit == "crowns"
    assert _one(facts, "attribution", "construction could begin").attributed_to == "officials"
    # a quote cut by the attribution is kept whole
    marsk = _one(facts, "attribution", "the vote was")
    assert marsk.text.endswith('in a decade."')


def test_sports(parsed: dict) -> None:
    facts = _facts(parsed, "sports")
    assert _one(facts, "date", "Saturday").normalized == "2025-05-03"
    assert _one(facts, "date", "Sunday").normalized == "2025-05-04"  # "who meet on Sunday"
    assert _one(facts, "date", "Wednesday").normalized == "2025-04-30"
    assert _one(facts, "quote", "Our legs went").attributed_to == "Ian McBride"
    assert _one(facts, "quote", "I told them at half-time").attributed_to == "Elena Kovac"
    assert _one(facts, "role", "Elena Kovac").role == "Harbour City manager"
    possession = _one(facts, "quantity", "62 percent")
    assert possession.attributed_to == "the league's statistics service"
    assert _one(facts, "quantity", "0.8 goals").per == "game"
    assert not any(f.text.startswith("3-2") for f in facts)  # a score is not a quantity


def test_science(parsed: dict) -> None:
    facts = _facts(parsed, "science")
    area = _one(facts, "quantity", "1,150")
    assert area.unit == "square kilometres" and area.qualifier == "about"
    loss = _one(facts, "quantity", "4.2 billion tonnes")
    assert loss.text == "an average of 4.2 billion tonnes of ice a year"
    assert loss.per == "year" and loss.value == 4.2e9
    assert _one(facts, "quantity", "1.8 degrees").unit == "degrees Celsius"
    assert _one(facts, "quote", "We expected to see thinning").attributed_to == "Anders Holm"
    assert _one(facts, "quantity", "almost 3 kilometres").attributed_to == "Anders Holm"
    assert _one(facts, "date", "1990s").normalized == "1990/1999"
    assert _one(facts, "date", "June").normalized == "2025-06"
    assert _one(facts, "attribution", "could lose another 15 percent").attributed_to == "the study"


def test_obituary(parsed: dict) -> None:
    facts = _facts(parsed, "obituary")
    assert _one(facts, "date", "August 9, 1933").normalized == "1933-08-09"
    assert _one(facts, "date", "Sunday").normalized == "2025-01-19"
    assert _one(facts, "date", "February 8").normalized == "2025-02-08"
    assert _one(facts, "quote", "She never raised her voice").attributed_to == "Robert Haines"
    assert _one(facts, "role", "Robert Haines").role == "a former colleague"
    assert _one(facts, "role", "Michael Whitfield").role == "Her son"
    assert not any(f.kind == "role" and f.role == "five grandchildren" for f in facts)


def test_brief(parsed: dict) -> None:
    facts = _facts(parsed, "brief")
    assert _one(facts, "date", "Monday, March 24").normalized == "2025-03-24"
    detour = _one(facts, "quantity", "4 kilometres")
    assert detour.qualifier == "about" and detour.attributed_to == "the department"
    assert _one(facts, "quantity", "six weeks").unit == "weeks"


def test_feature_derived_rates(parsed: dict) -> None:
    facts = _facts(parsed, "feature")
    # 3,000 pounds a week x 20 weeks: the article states the "roughly 60,000 pounds" itself
    assert not [f for f in facts if f.kind == "derived" and f.value == 60_000]
    trips = _one(facts, "derived", "12 trips per week")
    assert trips.derived_from == ["two return trips a day", "six days a week"]
    assert _one(facts, "quote", "I will not close").attributed_to == "Gwen Pritchard"
    assert not any(f.kind == "date" and "Friday" in f.text for f in facts)  # routines


# --- small texts ------------------------------------------------------------------------------


def _inline(text: str, date: str | None = None) -> list[Fact]:
    from newsfaq.ingest.loader import from_text
    from newsfaq.models import ArticleMeta

    return extract_facts(analyze(from_text(text, ArticleMeta(date=date))))


def test_relative_dates_need_an_article_date() -> None:
    text = "The council voted on Thursday to close the library."
    assert not [f for f in _inline(text) if f.kind == "date"]
    dated = [f for f in _inline(text, "2025-03-07") if f.kind == "date"]
    assert [(f.text, f.normalized) for f in dated] == [("Thursday", "2025-03-06")]


def test_bare_numbers_without_a_unit_are_not_facts() -> None:
    facts = _inline("The motion passed by 58 votes to 41 after one of the members left.")
    assert [f.text for f in facts if f.kind == "quantity"] == ["58 votes"]


def test_fraction_of_a_stated_total_is_derived() -> None:
    facts = _inline(
        "The agency has 120 inspectors. Only a quarter of the inspectors are certified."
    )
    derived = _one(facts, "derived", "30")
    assert derived.derived_from == ["Only a quarter of the inspectors", "120 inspectors"]
    assert derived.value == 30
    assert derived.unit == "inspectors"


def _derived(text: str) -> list[Fact]:
    """The derived facts of ``text``; each must pass the self-check's recomputation."""
    from newsfaq.explain.selfcheck import check_fact

    derived = [f for f in _inline(text) if f.kind == "derived"]
    for f in derived:
        assert check_fact(f, text) == [], f
    return derived


def test_amount_at_a_rate_gives_how_long_it_takes() -> None:
    derived = _derived(
        "Crews will inspect the pipes at a rate of 5 kilometres a week. "
        "The city has 300 kilometres of pipes to check."
    )
    weeks = _one(derived, "derived", "60 weeks")
    assert weeks.text == "60 weeks at 5 kilometres a week (derived)"
    assert weeks.derived_from == ["300 kilometres", "5 kilometres a week"]
    assert weeks.unit == "weeks" and weeks.value == 60
    assert len(weeks.evidence) == 2


def test_rate_of_another_unit_gives_no_duration() -> None:
    derived = _derived(
        "Crews will inspect the pipes at a rate of 5 kilometres a week. "
        "The city has 300 metres of pipes left to check."
    )
    assert not [f for f in derived if f.unit == "weeks"]


def test_rate_per_member_gives_no_duration() -> None:
    text = (
        "The town's 140 shops hand out about 2,000 bags a month, or 280,000 bags in total. "
        "Its 140 shops hand out 2,000 bags each per month, or 280,000 bags in total."
    )
    assert not [f for f in _derived(text) if f.unit == "months"]


def test_rate_over_a_stated_span_of_time() -> None:
    derived = _derived(
        "Each household will pay about $30 a year in extra taxes over the next decade."
    )
    total = _one(derived, "derived", "over the next decade")
    assert total.text == "about 300 dollars over the next decade (derived)"
    assert total.derived_from == ["$30 a year", "the next decade"]
    derived = _derived("The charity will receive £2,000 a month for three years.")
    assert not derived  # months and years are not mixed
    derived = _derived("The charity will receive £2,000 a month for 18 months.")
    assert _one(derived, "derived", "36,000 pounds").value == 36_000


def test_share_stated_both_ways_implies_the_whole() -> None:
    derived = _derived("The state will pay 40 percent of the cost, or $20 million.")
    whole = _one(derived, "derived", "in all")
    assert whole.text == "50 million dollars in all (derived)"
    assert whole.derived_from == ["40 percent", "$20 million"]


def test_share_of_a_stated_whole_gives_the_rest() -> None:
    derived = _derived(
        "The new bridge will cost $50 million. The state will pay 40 percent of the cost, "
        "or $20 million, with the rest coming from tolls."
    )
    assert [f.text for f in derived] == ["30 million dollars, the other 60 percent (derived)"]
    assert derived[0].derived_from == ["$50 million", "$20 million"]
    # without "the rest", the stated whole is not restated as a difference
    assert not _derived(
        "The new bridge will cost $50 million. The state will pay 40 percent of the cost, "
        "or $20 million."
    )


def test_percent_of_a_stated_total_survives_the_self_check() -> None:
    from newsfaq.explain.pipeline import explain

    ex = explain("The agency has 120 inspectors. About 25 percent of the inspectors are certified.")
    assert [f.value for f in ex.facts if f.kind == "derived"] == [30]
    assert not ex.warnings


def test_derived_figure_keeps_the_bound_of_its_inputs() -> None:
    derived = _derived("The port may keep one-third of its more than 9,000 cranes.")
    assert [(f.text, f.qualifier) for f in derived] == [
        ("more than 3,000 cranes (derived)", "more than")
    ]
    derived = _derived("Half of the members, about 600 members in all, voted.")
    assert all(f.qualifier in (None, "about") for f in derived)


def test_no_derived_figure_from_unrelated_or_scaled_figures() -> None:
    # a scaled number is one figure, not a share of "a million"
    assert not _derived("The camp is home to a quarter of a million people.")
    # a share of a whole ("the national vote") is not a share of a count of votes
    assert not _derived(
        "The bill passed by 334 votes to 61. Any party that wins more than 40% of the "
        "national vote gets a bonus."
    )
    # a rate per day is not multiplied by a span of days from another sentence
    assert not _derived(
        "Each lorry carries 8 tonnes a day. Drivers can be banned for up to 51 days."
    )


def test_short_names_are_given_as_the_full_name_introduced_earlier() -> None:
    facts = _inline(
        "Mayor Sarah Mitchell opened the bridge on Monday. Mitchell said the work cost $4 million. "
        "Officials said traffic would fall by a third. Ms Mitchell said the toll would end in May."
    )
    sources = {f.text: f.attributed_to for f in facts if f.kind == "attribution"}
    assert sources == {
        "the work cost $4 million": "Sarah Mitchell",
        "traffic would fall by a third": "officials",
        "the toll would end in May": "Sarah Mitchell",
    }


def test_a_surname_shared_by_two_people_is_kept_as_written() -> None:
    facts = _inline(
        "Lena Holt and Marc Holt founded the bakery in 1990. Holt said sales rose by 5 percent."
    )
    assert _one(facts, "attribution", "sales rose").attributed_to == "Holt"


def test_quote_without_verb_takes_the_previous_speaker() -> None:
    facts = _inline(
        '"We will rebuild the bridge this year," said Mayor Ana Ruiz. '
        '"Nobody should have to drive an extra hour to work."'
    )
    quotes = [f for f in facts if f.kind == "quote"]
    assert [q.attributed_to for q in quotes] == ["Ana Ruiz", "Ana Ruiz"]


def test_quote_after_a_sentence_names_its_subject_as_speaker() -> None:
    facts = _inline(
        "Tomas Brandvik, who leads the Centre Alliance, criticised the plan. "
        '"We are being asked to sign a blank cheque."'
    )
    assert _one(facts, "quote", "blank cheque").attributed_to == "Tomas Brandvik"


def test_copula_role_and_hyphenated_measures() -> None:
    facts = _inline(
        "Dmitry Medvedev is the deputy chairman of Russia's Security Council. "
        "The 40-metre vessel left with one of the crew."
    )
    role = _one(facts, "role", "Dmitry Medvedev")
    assert role.role == "the deputy chairman of Russia's Security Council"
    assert _one(facts, "quantity", "40-metre").unit == "metre"
    assert not any(f.kind == "quantity" and f.value == 1 for f in facts)


def test_a_role_goes_on_past_and_but_not_into_an_aside() -> None:
    facts = _inline(
        '"It began there," said Ozzy Lane, a screenwriter and author of "Undead Film" '
        "(Rizzoli, 2014). John Smith, a teacher, and Jane Doe, a nurse, were hurt."
    )
    assert _one(facts, "role", "Ozzy Lane").role == 'a screenwriter and author of "Undead Film"'
    assert _one(facts, "role", "John Smith").role == "a teacher"


def test_he_said_is_the_person_the_sentence_before_names_without_a_subject() -> None:
    text = (
        "Millbrook Town chief executive Priya Malhotra said the income would help. She added "
        "that the clubs had not discussed a merger. The pitch is expected to need re-laying every "
        'two seasons, according to head groundsman Alan Reeve. "Rugby and football on one '
        'surface is hard work, but it can be done," he said.'
    )
    quotes = [f for f in extract_facts(analyze(Article(text=text))) if f.kind == "quote"]
    assert [f.attributed_to for f in quotes if "hard work" in f.text] == ["Alan Reeve"]


def test_she_is_the_person_not_a_name_that_qualifies_a_thing() -> None:
    from newsfaq.ingest.loader import from_text

    text = (
        "Elinor Hale, a partner at Fenwick & Hale, said the work would take about 14 weeks.\n\n"
        "The firm will take the movement to its Ludlow workshop, where a new wheel will be "
        "cut.\n\n"
        '"Nothing we have seen so far suggests the frame is damaged," she said.'
    )
    quotes = [f for f in extract_facts(analyze(from_text(text))) if "frame" in f.text]
    assert quotes, "the quote was not found"
    assert {f.attributed_to for f in quotes} == {"Elinor Hale"}
