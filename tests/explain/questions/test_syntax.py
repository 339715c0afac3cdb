"""Shared syntax helpers: the pronoun resolver."""

from __future__ import annotations

from newsfaq.explain.questions import (
    Resolver,
)
from newsfaq.text.nlp import parse


def test_pronoun_skips_names_inside_quotes() -> None:
    text = (
        "Hallam's lawyer, Caroline Dufresne, had asked for a lighter sentence. "
        '"Mr Hallam has lost his career," she said in court on Friday.'
    )
    doc = parse(text)
    she = next(t for t in doc if t.text == "she")
    assert Resolver(doc).person(she) == "Dufresne"


def test_she_is_the_subject_of_the_clause_before_not_a_company_named_in_apposition() -> None:
    doc = parse(
        "Mira Oduya had already started a small company, Tessel Labs, but in 2019 she joined"
        " Arno Pike as a cofounder of Verdant."
    )
    she = next(t for t in doc if t.lower_ == "she")
    assert Resolver(doc).person(she) == "Oduya"
    doc = parse(
        "In 1974, Lena Vos, a kidnap victim turned rebel, posed beside the banner of her captors."
    )
    her = next(t for t in doc if t.lower_ == "her")
    assert Resolver(doc).person(her) == "Vos"
