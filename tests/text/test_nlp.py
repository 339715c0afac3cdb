"""The per-doc readers of ``newsfaq.text.nlp``."""

from __future__ import annotations

from newsfaq.text.nlp import defined_acronyms, parse, spelled_out_in


def test_initials_are_read_from_a_name_or_a_title_before_a_name() -> None:
    doc = parse(
        "Detective Inspector Marta Quell said the runner would appeal to the Court of "
        "Arbitration for Sport. Chief financial officer Ivo Brandt agreed."
    )
    court = spelled_out_in(doc, "CAS")
    assert court is not None and court.text == "Court of Arbitration for Sport"
    title = spelled_out_in(doc, "DI")
    assert title is not None and title.text == "Detective Inspector"
    cfo = spelled_out_in(doc, "CFO")
    assert cfo is not None and cfo.text == "Chief financial officer"
    assert spelled_out_in(doc, "CFS") is None
    assert spelled_out_in(doc, "MQ") is None  # a person's initials are no title
    assert spelled_out_in(doc, "cas") is None  # only a capitalised short form


def test_initials_are_read_from_lower_case_words_ending_in_a_noun() -> None:
    doc = parse("The club's annual general meeting, on Friday, November 6, will approve the deal.")
    found = spelled_out_in(doc, "AGM")
    assert found is not None and found.text == "annual general meeting"
    assert spelled_out_in(doc, "AG") is None  # two letters need capitals or a title


def test_a_sentence_ends_after_a_figure_whose_scale_is_written_short() -> None:
    doc = parse("The service paid £1.1m. The committee voted seven to two. It cost 4 m. in all.")
    assert [s.text for s in doc.sents][:2] == [
        "The service paid £1.1m.",
        "The committee voted seven to two.",
    ]


def test_a_co_op_is_one_word() -> None:
    doc = parse("Farmers were told by the co-op that the unit could be re-let. The Co-op agreed.")
    words = [t.text for t in doc]
    assert "co-op" in words and "re-let" in words and "Co-op" in words
    assert [t.text for t in parse("a well-known co-operative")][1:4] == ["well", "-", "known"]


def test_acronyms_defined_across_a_possessive_or_with_a_small_letter() -> None:
    doc = parse(
        "Alan Cheswick of the National Dairy Farmers' Association (NDFA) spoke. Volunteers from "
        "the Friends of Westmere Museum (FoWM) helped. The Food Agency (FDA) said no."
    )
    found = {short.text: span.text for short, span in defined_acronyms(doc)}
    assert found == {
        "NDFA": "National Dairy Farmers' Association",
        "FoWM": "Friends of Westmere Museum",
    }


def test_acronyms_spelled_by_small_words() -> None:
    doc = parse(
        "It launched an earth-observation (EO) satellite before the annual general meeting "
        "(AGM). Staff tried a new road (NX) and the club said (AGM) nothing."
    )
    found = {short.text: span.text for short, span in defined_acronyms(doc)}
    assert found == {"EO": "earth-observation", "AGM": "annual general meeting"}


def test_a_sentence_ends_after_a_month_written_short_after_its_day() -> None:
    doc = parse(
        "Staff found it on Sun 15 Feb. Of the 212 charts, 38 were wet. It opened on 3 Feb. 2026."
    )
    assert [s.text for s in doc.sents] == [
        "Staff found it on Sun 15 Feb.",
        "Of the 212 charts, 38 were wet.",
        "It opened on 3 Feb. 2026.",
    ]


def test_initials_run_through_a_possessive() -> None:
    doc = parse("The adviser for the National Farmers' Union spoke.")
    found = spelled_out_in(doc, "NFU")
    assert found is not None and found.text == "National Farmers' Union"
