"""Acceptance tests of ``newsfaq audit``: the shared example, one-change edits, paraphrases, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsfaq.audit.pipeline import NothingToAuditError, audit, audit_analysis
from newsfaq.cli import app
from newsfaq.ingest.loader import from_text, paragraph_offsets
from newsfaq.models import Article, ArticleMeta, AuditReport, Claim
from newsfaq.render.audit_report import render_audit
from newsfaq.text.nlp import analyze

ORIGINAL = (
    "The Riverton city council voted 7-2 on Tuesday to approve a $4.5 million budget for new bus "
    "routes, Mayor Elena Ortiz said.\n"
    "The plan adds 12 electric buses and could cut commute times by about 15 percent, according "
    "to a study by Harlow University.\n"
    "Ortiz said the council did not approve the proposed fare increase.\n"
    "Transit director Sam Okafor warned that drivers could face delays during construction, "
    "which begins in May 2024.\n"
    "The council sued Brightline Transit over late deliveries last year.\n"
    "Voters approved a regional transit tax in March 2023."
)


@pytest.fixture(scope="module")
def original() -> Article:
    """The test article, dated 14 November 2023."""
    return Article(
        meta=ArticleMeta(title="Riverton budget", date="2023-11-14"),
        text=ORIGINAL,
        paragraphs=paragraph_offsets(ORIGINAL),
    )


@pytest.fixture(scope="module")
def example_report(example_path: Path) -> AuditReport:
    """The shared example audited alone (its appended FAQ against its body)."""
    return audit(example_path)


def _answer_claims(report: AuditReport, word: str) -> list[Claim]:
    return [c for c in report.claims if c.question and word in c.text]


def _one(original: Article, derived: str) -> Claim:
    report = audit(original, derived)
    assert len(report.claims) == 1, [c.text for c in report.claims]
    return report.claims[0]


def test_example_deaths_answer_supported(example_report: AuditReport) -> None:
    claims = _answer_claims(example_report, "120,000")
    assert claims
    for claim in claims:
        assert claim.verdict == "supported", claim
        assert claim.question is not None and "died" in claim.question
        assert any("120,000" in span.text for span in claim.evidence)


def test_example_kremlin_repercussions_not_supported(example_report: AuditReport) -> None:
    claims = _answer_claims(example_report, "repercussions")
    assert len(claims) == 1
    claim = claims[0]
    assert claim.verdict != "supported"
    assert any("Kremlin" in reason for reason in claim.reasons), claim.reasons


def test_example_convince_to_enlist_not_supported(example_report: AuditReport) -> None:
    claims = _answer_claims(example_report, "enlist")
    assert len(claims) == 1
    assert claims[0].verdict != "supported"
    assert any("enlist" in reason for reason in claims[0].reasons)


def test_example_evidence_spans_index_the_body(example_report: AuditReport) -> None:
    text = example_report.article.text
    for claim in example_report.claims:
        assert example_report.derived_text[claim.start : claim.end] == claim.text
        assert 0.0 <= claim.score <= 1.0
        for span in claim.evidence:
            assert text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("derived", "verdict", "check", "needle"),
    [
        ("The plan adds 20 electric buses.", "contradicted", "gives", "20"),
        (
            "The council voted on Wednesday to approve the budget.",
            "contradicted",
            "says",
            "Wednesday",
        ),
        (
            "Construction begins in June 2024, Transit director Sam Okafor warned.",
            "contradicted",
            "says",
            "June 2024",
        ),
        (
            "The plan could cut commute times by about 15 percent, according to a study by "
            "Carver University.",
            "unsupported",
            "",
            "Carver University",
        ),
        (
            "Ortiz said the council approved the proposed fare increase.",
            "contradicted",
            "negation",
            "approved",
        ),
        (
            "Transit director Sam Okafor said the council did not approve the proposed fare "
            "increase.",
            "unsupported",
            "attribution",
            "Okafor",
        ),
        (
            "Transit director Sam Okafor warned that drivers will face delays during construction.",
            "unsupported",
            "certainty",
            "will face",
        ),
        (
            "Brightline Transit sued the council over late deliveries.",
            "contradicted",
            "who did what to whom",
            "Brightline Transit",
        ),
        ("The council voted 9-0 to approve the budget.", "contradicted", "gives", "9-0"),
        ("Ortiz said the council rejected the budget.", "contradicted", "opposite", "rejected"),
        (
            "Voters will decide on the upcoming regional transit tax in March 2023.",
            "unsupported",
            "time",
            "March 2023",
        ),
    ],
)
def test_one_change_is_caught_with_its_reason(
    original: Article, derived: str, verdict: str, check: str, needle: str
) -> None:
    claim = _one(original, derived)
    assert claim.verdict == verdict, (claim.verdict, claim.reasons)
    assert any(r.startswith(check) and needle in r for r in claim.reasons) or any(
        check in r and needle in r for r in claim.reasons
    ), claim.reasons


@pytest.mark.parametrize(
    "derived",
    [
        "Mayor Elena Ortiz said the council approved a $4.5 million budget for new bus routes on "
        "Tuesday.",
        "According to Mayor Ortiz, the council voted 7-2 to approve the budget.",
        "The plan adds twelve electric buses.",
        "A Harlow University study found the plan could reduce commute times by roughly 15%.",
        "Okafor warned that drivers might face delays during construction.",
        "The council did not approve the proposed fare increase, Ortiz said.",
        "Construction begins in May 2024.",
        "The council sued Brightline Transit over late deliveries.",
        "The council rejected the proposed fare increase.",
        "Voters backed a regional transit tax in March 2023.",
        "A regional transit tax was approved by voters in March 2023.",
    ],
)
def test_paraphrase_stays_supported(original: Article, derived: str) -> None:
    report = audit(original, derived)
    assert report.claims
    for claim in report.claims:
        assert claim.verdict == "supported", (claim.text, claim.reasons)


def test_score_ranks_verbatim_over_paraphrase_over_edit(original: Article) -> None:
    verbatim = "Voters approved a regional transit tax in March 2023."
    paraphrase = "A regional transit tax was approved by voters in March 2023."
    edited = "Voters approved a regional transit tax in March 2021."
    invented = "Voters approved a regional transit tax proposed by Governor Lin Park."
    scores = {d: _one(original, d).score for d in (verbatim, paraphrase, edited, invented)}
    assert scores[verbatim] >= 0.9, scores  # 1 - P(error) under the verdict model
    assert scores[verbatim] > scores[paraphrase] > scores[edited], scores
    assert scores[paraphrase] > scores[invented], scores
    assert _one(original, paraphrase).verdict == "supported"


def test_a_lone_new_event_is_weighed_and_shown(original: Article) -> None:
    """A reworded claim whose only new word is its verb is left to the verdict model (in
    labelled rewrites such a finding is mostly paraphrase); either way the reader sees it."""
    claim = _one(original, "Mayor Elena Ortiz resigned on Tuesday.")
    lead = "what happened: the original never says “resigned”"
    if claim.verdict == "supported":
        assert f"not decisive: {lead}" in claim.reasons, claim.reasons
    else:
        assert claim.reasons[0] == lead, claim.reasons
    assert 0.0 < claim.score < 1.0


def test_faq_answer_read_with_its_question(original: Article) -> None:
    report = audit(original, "How many electric buses does the plan add?\nTwelve.")
    assert [c.question for c in report.claims] == ["How many electric buses does the plan add?"]
    assert report.claims[0].verdict == "supported", report.claims[0].reasons


def test_audit_analysis_matches_audit(original: Article) -> None:
    derived = "The plan adds 20 electric buses. Ortiz said the council voted 7-2."
    direct = audit_analysis(analyze(original), derived)
    assert [c.verdict for c in direct.claims] == [
        c.verdict for c in audit(original, derived).claims
    ]
    assert direct.summary == {"supported": 1, "unsupported": 0, "contradicted": 1}


def test_nothing_to_audit_is_a_clear_error(original: Article) -> None:
    with pytest.raises(NothingToAuditError, match="no appended FAQ"):
        audit(original)


def test_cli_formats_and_exit_codes(tmp_path: Path, example_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["audit", str(example_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["summary"]["unsupported"] >= 2

    orig = tmp_path / "orig.txt"
    orig.write_text(ORIGINAL, encoding="utf-8")
    derived = tmp_path / "derived.txt"
    derived.write_text("The plan adds <b>20</b> electric buses & more.", encoding="utf-8")
    out = tmp_path / "audit.html"
    result = runner.invoke(app, ["audit", str(orig), str(derived), "-f", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<b>20</b>" not in page and "&lt;b&gt;20&lt;/b&gt;" in page
    assert 'class="claim contradicted"' in page and 'data-evidence="s1"' in page
    assert "http://" not in page and "https://" not in page and "<link" not in page

    result = runner.invoke(app, ["audit", str(orig)])
    assert result.exit_code == 1
    assert "no appended FAQ" in result.output
    result = runner.invoke(app, ["audit", str(tmp_path / "missing.txt"), str(derived)])
    assert result.exit_code == 1


def test_markdown_marks_each_claim(original: Article) -> None:
    md = render_audit(
        audit(original, "The plan adds 20 electric buses. Okafor warned of delays."), "md"
    )
    assert "❌ **contradicted**" in md and "✅ **supported**" in md
    assert "the original gives" in md


@pytest.mark.parametrize("name", ["business.txt", "sports.txt", "politics.txt"])
def test_explainer_output_passes_its_own_audit(articles_dir: Path, name: str) -> None:
    from newsfaq.explain.pipeline import explain_analysis
    from newsfaq.ingest.loader import load

    analysis = analyze(load(articles_dir / name))
    ex = explain_analysis(analysis)
    assert ex.faq and ex.key_points
    derived = "\n".join(k.text for k in ex.key_points) + "\n"
    derived += "\n".join(f"{qa.question}\n{qa.answer}" for qa in ex.faq)
    report = audit_analysis(analysis, derived)
    bad = [(c.question, c.text, c.reasons) for c in report.claims if c.verdict != "supported"]
    assert not bad


def test_self_check_drops_what_the_evidence_does_not_support(original: Article) -> None:
    from newsfaq.explain.selfcheck import drop_unsupported
    from newsfaq.models import Explainer, KeyPoint, QAItem, Span

    text = original.text
    okafor = text.index("Transit director")
    sentence = text[okafor : text.index("\n", okafor)]
    ev = [Span(sentence_id=3, start=okafor, end=okafor + len(sentence), text=sentence)]
    good = QAItem(
        question="Who warned of delays?",
        answer="Transit director Sam Okafor",
        kind="who",
        evidence=ev,
        score=1.0,
    )
    certain = good.model_copy(update={"question": "Who warned that drivers will face delays?"})
    invented = good.model_copy(update={"question": "Who resigned over the delays?"})
    negated = good.model_copy(update={"question": "Who did not warn of delays?"})
    ex = Explainer(article=original, faq=[good, certain, invented, negated])
    kept = drop_unsupported(ex)
    assert kept.faq == [good]
    assert kept.warnings == ["self-check dropped 3 FAQ items without support"]

    stale_text = "Voters will decide on the upcoming transit tax in March 2023."
    stale = KeyPoint(
        text=stale_text,
        score=1.0,
        evidence=[Span(sentence_id=0, start=0, end=len(stale_text), text=stale_text)],
    )
    for date, kept_points in (("2023-11-14", []), ("2023-01-10", [stale])):
        art = Article(
            meta=ArticleMeta(date=date), text=stale_text, paragraphs=[(0, len(stale_text))]
        )
        checked = drop_unsupported(Explainer(article=art, key_points=[stale]))
        assert checked.key_points == kept_points


@pytest.mark.browser
def test_html_click_highlights_evidence(tmp_path: Path, original: Article) -> None:
    if not Path("/usr/bin/chromium").exists():
        pytest.skip("needs Debian chromium at /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    page_file = tmp_path / "audit.html"
    report = audit(original, "The plan adds 20 electric buses. Okafor warned of delays.")
    page_file.write_text(render_audit(report, "html"), encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"],
        )
        try:
            page = browser.new_page()
            requests: list[str] = []
            page.on("request", lambda r: requests.append(r.url))
            page.goto(page_file.as_uri())
            page.click("#c0")
            lit = page.eval_on_selector_all(".sent.hl", "els => els.map(e => e.id)")
            assert lit == [f"s{s.sentence_id}" for s in report.claims[0].evidence]
            assert "the original gives" in page.inner_text("#current")
            assert requests == [page_file.as_uri()]
        finally:
            browser.close()


BRIDGE = (
    "The Millrace Bridge on Route 9 will close to all traffic from Monday, March 24, for six weeks "
    "while crews replace its deck, the county highways department said on Tuesday. Drivers will "
    "be diverted via Elm Street, adding about 4 kilometres to the journey, according to the "
    "department."
)


@pytest.mark.parametrize(
    ("derived", "needle"),
    [
        ("The bridge will close for ten months.", "ten"),
        ("The bridge will close for 10 weeks.", "10"),
        ("Drivers will be diverted via Elm Street, adding about 9 kilometres to the journey.", "9"),
    ],
)
def test_changed_durations_and_figures_with_units_are_caught(derived: str, needle: str) -> None:
    """A figure only matches one of the same unit: "9 kilometres" is not "Route 9"; another
    value of the same measure ("ten months" for "six weeks") contradicts the original."""
    claim = audit(BRIDGE, derived).claims[0]
    assert claim.verdict == "contradicted", claim
    assert any(needle in reason for reason in claim.reasons), claim.reasons


def test_same_duration_with_abbreviated_unit_is_a_number_match() -> None:
    claim = audit(BRIDGE, "The bridge will close for six weeks, adding about 4 km for drivers.")
    assert not [r for r in claim.claims[0].reasons if "figure" in r or "claim gives" in r]


COURT = (
    "Marta Vell, 58, was fined £400 at Dunmore Magistrates' Court on Tuesday. "
    "All three of her co-defendants were cleared, the court heard."
)


@pytest.mark.parametrize(
    ("derived", "reason"),
    [
        ("The 58-year-old was fined £400.", None),
        ("Three co-defendants were cleared.", None),
        (
            "The 85-year-old was fined £400.",
            "the claim gives “85-year-old”; the original gives “Vell, 58”",
        ),
        (
            "Four co-defendants were cleared.",
            "the claim gives “Four co-defendants”; the original gives “three of her co-defendants”",
        ),
    ],
)
def test_figures_are_compared_with_what_they_count(derived: str, reason: str | None) -> None:
    """An age matches in any form ("Vell, 58" and "the 58-year-old"), "three of her
    co-defendants" counts co-defendants; a changed figure is named with what it counts."""
    claim = audit(COURT, derived).claims[0]
    numbers = [r for r in claim.reasons if "figure" in r or "claim gives" in r]
    if reason is None:
        assert claim.verdict == "supported" and not numbers, claim.reasons
    else:
        assert claim.verdict == "contradicted" and numbers == [reason], claim.reasons


RECOMBINED = (
    "Councillor Peter Rask, who voted against the plan, said the city should repair drainage "
    "pipes first.\n"
    "Engineer Maria Okafor said the embankments were designed for a once-in-200-years flood. "
    '"Families will not go through that again," she told reporters.\n'
    "The federal government will cover 60 percent of the $180 million cost.\n"
    "The plan includes a 35-hectare wetland park.\n"
    "The river peaked at 6.8 metres, the highest reading since records began in 1921.\n"
    "The drainage network overflowed in November 2023.\n"
    "James Oduya, a retired teacher whose house was flooded to a depth of 1.2 metres, welcomed "
    "the plan cautiously."
)


@pytest.mark.parametrize(
    ("derived", "verdict", "check", "needle"),
    [
        ("Maria Okafor voted against the plan.", "unsupported", "who did it", "Peter Rask"),
        (
            "Peter Rask said families would not go through that again.",
            "unsupported",
            "attribution",
            "Okafor",
        ),
        (
            "The federal government will cover the wetland park.",
            "unsupported",
            "what it was done to",
            "park",
        ),
        (
            "The drainage network overflowed in 1921.",
            "unsupported",
            "the original gives “1921”",
            "records",
        ),
        (
            "James Oduya's house was flooded to a depth of 6.8 metres.",
            "contradicted",
            "the claim gives “6.8 metres”",
            "1.2 metres",
        ),
        ("Maria Okafor is a retired teacher.", "unsupported", "who is who", "James Oduya"),
        (
            "James Oduya welcomed the plan enthusiastically.",
            "unsupported",
            "the claim has",
            "cautiously",
        ),
    ],
)
def test_recombined_facts_are_caught(derived: str, verdict: str, check: str, needle: str) -> None:
    """Each claim puts words the original has into a relation it never states."""
    claim = _one(from_text(RECOMBINED), derived)
    assert claim.verdict == verdict, (claim.verdict, claim.reasons)
    assert any(r.startswith(check) and needle in r for r in claim.reasons), claim.reasons


@pytest.mark.parametrize(
    "derived",
    [
        "Rask voted against the plan.",
        "Okafor told reporters families would not go through that again.",
        "The federal government will cover 60 percent of the cost.",
        "The drainage network overflowed in November 2023.",
        "Records of the river began in 1921.",
        "James Oduya is a retired teacher.",
        "Oduya welcomed the plan cautiously.",
        "Oduya's house was flooded to a depth of 1.2 metres.",
    ],
)
def test_facts_kept_together_stay_supported(derived: str) -> None:
    claim = _one(from_text(RECOMBINED), derived)
    assert claim.verdict == "supported", (claim.text, claim.reasons)


def test_negation_of_a_governing_verb_carries_to_what_it_governs() -> None:
    original = from_text(
        '"We will not let families go through that again," Maria Okafor told reporters. '
        "The council did not want to raise taxes."
    )
    kept = _one(original, "Okafor said families would not go through that again.")
    assert kept.verdict == "supported", kept.reasons
    flipped = _one(original, "The council wanted to raise taxes.")
    assert flipped.verdict == "contradicted"
    assert [r for r in flipped.reasons if r.startswith("negation")] == [
        "negation: the claim says “wanted”, the original says “did not want”"
    ]


SLOTS = (
    "Meridian Foods, a maker based in Columbus, Ohio, reported higher sales last year.\n"
    "Its rival Pelham Foods opened a plant in Memphis.\n"
    "Coach Elena Kovac made two substitutions at half-time on Saturday. Owen Blake, the "
    "captain, scored twice. The reserves play on Sunday.\n"
    "The firm expects prices to rise next month."
)


@pytest.mark.parametrize(
    ("derived", "verdict", "mine", "theirs"),
    [
        (
            "Meridian Foods, a maker based in Memphis, Ohio, reported higher sales last year.",
            "unsupported",
            "Memphis",
            "Columbus",
        ),
        ("Coach Owen Blake made two substitutions at half-time.", "unsupported", "Owen", "Kovac"),
        ("The firm expects prices to rise next year.", "contradicted", "next year", "next month"),
        (
            "Kovac made two substitutions at half-time on Sunday.",
            "contradicted",
            "Sunday",
            "Saturday",
        ),
    ],
)
def test_a_name_or_date_from_elsewhere_in_the_slot_of_another(
    derived: str, verdict: str, mine: str, theirs: str
) -> None:
    claim = _one(from_text(SLOTS), derived)
    assert claim.verdict == verdict, claim.reasons
    # the slot check's reason, or the doer check's "who did it: the claim has ..."
    assert any("the claim has" in r and mine in r and theirs in r for r in claim.reasons), (
        claim.reasons
    )


@pytest.mark.parametrize(
    "derived",
    [
        "Meridian Foods is based in Columbus, Ohio.",
        "Kovac made two substitutions.",
        "Pelham Foods opened a plant in Memphis.",
        "Prices are expected to rise next month, the firm says.",
    ],
)
def test_names_in_their_own_slot_stay_supported(derived: str) -> None:
    claim = _one(from_text(SLOTS), derived)
    assert claim.verdict == "supported", claim.reasons


def test_a_figure_from_elsewhere_in_the_slot_of_another() -> None:
    original = from_text(
        "Meridian said its quarterly profit rose 18 percent, helped by frozen dinners. "
        "Revenue climbed 5.3 percent to $2.9 billion."
    )
    claim = _one(original, "Meridian said its quarterly profit rose 5.3 percent.")
    assert claim.verdict == "contradicted", claim.reasons
    assert any("“5.3 percent”" in r and "18 percent" in r for r in claim.reasons), claim.reasons
    kept = _one(original, "Meridian's quarterly profit rose 18 percent.")
    assert kept.verdict == "supported", kept.reasons


def test_the_originals_own_wording_is_never_a_finding() -> None:
    text = (
        "Ruth Keller began her career in 1950. Over the next three decades she worked on 27 "
        "bridges, including one that opened in 1978. She is survived by a daughter, five "
        "grandchildren and two great-grandchildren."
    )
    original = Article(
        meta=ArticleMeta(date="2025-01-22"), text=text, paragraphs=paragraph_offsets(text)
    )
    report = audit(original, text)
    assert [c.verdict for c in report.claims] == ["supported"] * len(report.claims), [
        c.reasons for c in report.claims
    ]


def test_negation_of_a_copula_with_a_noun_and_of_have_to() -> None:
    original = from_text(
        "The coroner said the cause was heart failure. "
        '"If costs rise again, we will have to revisit these numbers," the chief executive said.'
    )
    claim = _one(original, "The coroner said the cause was not heart failure.")
    assert claim.verdict == "contradicted" and any(
        r.startswith("negation") for r in claim.reasons
    ), claim.reasons
    claim = _one(original, "If costs rise again, the firm will not have to revisit these numbers.")
    assert claim.verdict == "contradicted", claim.reasons


def test_reasons_quote_phrases_spaced_as_written() -> None:
    original = from_text(
        "The federal government will cover 60 percent of the cost, or $108 million. "
        "The plan also includes a wetland park."
    )
    claim = _one(original, "The federal government will cover the wetland park.")
    assert any("“will cover 60 percent of the cost or $108 million”" in r for r in claim.reasons), (
        claim.reasons
    )


def test_headline_byline_and_credit_are_listed_not_audited(original: Article) -> None:
    derived = (
        "Riverton Approves Bus Budget\n\n"
        "By Ann Lee\n"
        "The Riverton city council voted 7-2 on Tuesday to approve a $4.5 million budget for new "
        "bus routes, Mayor Elena Ortiz said.\n"
        "Original Article: Riverton Post"
    )
    report = audit(original, derived)
    assert [(n.kind, n.text) for n in report.not_audited] == [
        ("heading", "Riverton Approves Bus Budget"),
        ("byline", "By Ann Lee"),
        ("credit", "Original Article: Riverton Post"),
    ]
    assert [c.verdict for c in report.claims] == ["supported"]


def test_a_supported_paraphrase_is_noted_reworded(original: Article) -> None:
    claim = _one(
        original, "A study by Harlow University found the plan may reduce commutes by 15%."
    )
    assert claim.verdict == "supported", claim.reasons
    assert claim.reasons[0] == "reworded"
    claim = _one(original, "Voters approved a regional transit tax in March 2023.")
    assert claim.reasons[0] == "the evidence states it"


def test_a_who_answer_is_read_as_the_statement_it_makes() -> None:
    original = from_text(
        "Many people wait years before getting help because they think hearing loss is a normal "
        "part of ageing, said Dr Helena Varga of the health authority. Tomas Ridley, who chairs "
        "the Lorne Valley Hearing Society, called for free hearing tests."
    )
    faq = "FAQ\nWho said people wait years because they think hearing loss is normal?\n{}\n"
    wrong = audit(original, faq.format("Tomas Ridley, chair of the Lorne Valley Hearing Society."))
    (claim,) = wrong.claims
    assert claim.verdict != "supported" and "Helena Varga" in claim.reasons[0], claim.reasons
    right = audit(original, faq.format("Dr Helena Varga of the health authority."))
    assert [c.verdict for c in right.claims] == ["supported"], right.claims
