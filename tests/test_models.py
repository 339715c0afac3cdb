"""The public data model: a span of the headline is told apart from a span of the body."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from newsfaq.models import Span


def test_a_body_span_has_a_sentence_and_a_headline_span_has_none() -> None:
    body = Span(sentence_id=0, start=0, end=4, text="Mill")
    assert body.source == "text"
    head = Span(sentence_id=-1, start=0, end=4, text="Mill", source="title")
    assert Span.model_validate(head.model_dump()) == head
    for bad in (
        {"sentence_id": 0, "source": "title"},
        {"sentence_id": -1, "source": "text"},
        {"sentence_id": -1},
    ):
        with pytest.raises(ValidationError, match="headline"):
            Span.model_validate({"start": 0, "end": 4, "text": "Mill", **bad})
