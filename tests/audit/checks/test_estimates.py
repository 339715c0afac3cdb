"""Unit tests of the estimate-source check (which source gives which figure)."""

from __future__ import annotations

from newsfaq.audit.checks.estimates import estimates
from newsfaq.text.nlp import parse
from tests.audit.checks.support import aligner_of, by_rule_findings


def test_each_figure_is_credited_to_its_own_source() -> None:
    text = (
        "Police estimated that about 12,000 people joined the rally, while organisers put the "
        "figure at 30,000."
    )
    found = {e.mention.text: e.source_text for e in estimates(parse(text)[:])}
    assert found == {"12,000": "Police", "30,000": "organisers"}


def test_two_sources_figures_exchanged_are_found() -> None:
    al = aligner_of(
        "Police estimated that about 12,000 people joined the rally in Corran Square on "
        "Saturday, while organisers put the figure at 30,000."
    )
    wrong = "About 30,000 people joined the rally, police estimated; organisers counted 12,000."
    found, ruled = by_rule_findings(al, wrong, "attribution")
    assert found and ruled, found
    assert any("whose figure" in f.reason for f in found), found
    fair = "About 12,000 people joined the rally, police estimated; organisers counted 30,000."
    assert not by_rule_findings(al, fair, "attribution")[0]


def test_figures_of_other_kinds_are_no_rival_estimates() -> None:
    al = aligner_of(
        "The Fenwick Growers' Union, which has 240 members, said early figures suggested the "
        "crop could be a third smaller than last year, when farms picked about 9,000 tonnes."
    )
    fair = "According to the Fenwick Growers' Union, last year's crop was about 9,000 tonnes."
    assert not by_rule_findings(al, fair, "attribution")[0]
