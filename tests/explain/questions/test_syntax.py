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
