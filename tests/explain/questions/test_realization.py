"""Realization: the tidying of a question string."""

from __future__ import annotations

import pytest

from newsfaq.explain.questions import (
    _finish,
)


@pytest.mark.parametrize(
    ("raw", "question"),
    [
        ('What did the league stress "", as well as', "What did the league stress?"),
        ("What ), is home to a museum", "What is home to a museum?"),
        ("What, was sold to the city and", "What was sold to the city?"),
        ("What did; a pump replace", "What did a pump replace?"),
        ("What finds that prices fell.[note 3][unclear source", "What finds that prices fell?"),
        ("What is the role of vitamin A", "What is the role of vitamin A?"),
        ("What is the gorge listed as", "What is the gorge listed as?"),
        ("What did sponsors include, such as", "What did sponsors include?"),
        ("What is", None),
        ("Who was it", None),
    ],
)
def test_question_residue_is_tidied(raw: str, question: str | None) -> None:
    assert _finish(raw) == question
