"""The public data model (pydantic v2); every item cites :class:`Span` offsets into the text."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from newsfaq.settings import SCHEMA_VERSION

__all__ = [
    "DOES_NOT_SAY",
    "Answer",
    "Article",
    "ArticleMeta",
    "AuditReport",
    "Claim",
    "Explainer",
    "Fact",
    "FactKind",
    "KeyPoint",
    "NotAudited",
    "NotAuditedKind",
    "QAItem",
    "QAKind",
    "Span",
    "Verdict",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _drop_computed(cls, data: Any) -> Any:
        """Accept our own JSON back: computed fields (``derived``, ``summary``) are recomputed."""
        if isinstance(data, dict) and cls.__pydantic_computed_fields__:
            return {k: v for k, v in data.items() if k not in cls.__pydantic_computed_fields__}
        return data


class Span(_Model):
    """Characters ``start:end`` of ``Article.text``, inside sentence ``sentence_id``.

    A span of the headline (``source="title"``) indexes ``ArticleMeta.title`` instead and has
    ``sentence_id`` -1: the headline is part of the published article but not of its body.
    """

    sentence_id: int = Field(ge=-1, description="Body sentence index; -1 for the headline")
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str = Field(
        description="Article.text[start:end] (ArticleMeta.title[start:end] for the headline), "
        "repeated for readers of the JSON"
    )
    source: Literal["text", "title"] = Field(
        default="text",
        description="What start:end index: the body (Article.text) or the headline "
        "(ArticleMeta.title)",
    )

    @model_validator(mode="after")
    def _headline_has_no_sentence(self) -> Span:
        if (self.source == "title") != (self.sentence_id == -1):
            raise ValueError("sentence_id is -1 exactly for a span of the headline")
        return self


class ArticleMeta(_Model):
    """What is known about an article besides its text."""

    title: str | None = None
    author: str | None = None
    date: str | None = Field(default=None, description="Publication date, ISO 8601 (YYYY-MM-DD)")
    site: str | None = None
    url: str | None = None
    source: str | None = Field(
        default=None, description="Where the input came from: path, URL, '-'"
    )
    language: str | None = None


class Article(_Model):
    """An article's body text (what every offset indexes) plus its metadata.

    A trailing credit line and an appended FAQ block are split off the body: the first
    becomes ``credit_line``, the second ``appended_text``; neither is evidence.
    """

    meta: ArticleMeta = Field(default_factory=ArticleMeta)
    text: str
    paragraphs: list[tuple[int, int]] = Field(
        default_factory=list, description="(start, end) offsets of each paragraph of text"
    )
    credit_line: str | None = Field(default=None, description="Trailing credit line as found")
    appended_text: str | None = Field(
        default=None, description="Derived text appended to the article (e.g. an FAQ block)"
    )
    warnings: list[str] = Field(
        default_factory=list,
        description="What reading the input changed (e.g. invalid UTF-8 bytes replaced)",
    )


FactKind = Literal["quantity", "date", "attribution", "quote", "role", "derived"]


class Fact(_Model):
    """A key fact of the article: a figure, a date, who said what, who is who, a derived figure."""

    kind: FactKind
    text: str = Field(description="The fact as the article states it (or the derived figure)")
    value: float | None = None
    unit: str | None = Field(default=None, description="What is counted or measured")
    qualifier: str | None = Field(default=None, description="approximately, only, at least, ...")
    per: str | None = Field(default=None, description="Rate denominator: week, each district, ...")
    normalized: str | None = Field(default=None, description="ISO date, canonical number, ...")
    attributed_to: str | None = Field(default=None, description="Source or speaker")
    entity: str | None = Field(default=None, description="Person or organisation (role facts)")
    role: str | None = None
    derived_from: list[str] = Field(
        default_factory=list, description="For derived figures: the stated figures used"
    )
    derivation: str | None = Field(default=None, description="How a derived figure was computed")
    key: bool = Field(
        default=False, description="One of the few facts a reader needs first (shown first)"
    )
    evidence: list[Span]

    @computed_field  # type: ignore[prop-decorator]
    @property
    def derived(self) -> bool:
        """True when the article implies the figure but does not state it."""
        return self.kind == "derived"


class KeyPoint(_Model):
    """An extractive key point: one sentence (or a trimmed clause) of the article."""

    text: str
    evidence: list[Span]
    score: float


QAKind = Literal[
    "overview",
    "who",
    "what",
    "how_many",
    "how_much",
    "when",
    "where",
    "why",
    "what_if",
    "who_is",
    "said",
    "what_is",
    "stands_for",
    "other",
]


class QAItem(_Model):
    """A question a reader would ask, with its answer taken from the article."""

    question: str
    answer: str = Field(description="Text of the article: a span, a clause or sentences")
    kind: QAKind
    evidence: list[Span]
    score: float


class Explainer(_Model):
    """The sourced explainer of one article."""

    schema_version: str = SCHEMA_VERSION
    article: Article
    key_points: list[KeyPoint] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)
    faq: list[QAItem] = Field(default_factory=list)
    credit: str | None = Field(default=None, description="Credit line for the original")
    warnings: list[str] = Field(default_factory=list)


Verdict = Literal["supported", "unsupported", "contradicted"]


class Claim(_Model):
    """One checkable statement of a derived text, with its verdict against the original."""

    text: str
    start: int = Field(ge=0, description="Offset of the claim in the derived text")
    end: int = Field(ge=0)
    question: str | None = Field(default=None, description="The FAQ question, for FAQ answers")
    verdict: Verdict
    score: float = Field(description="Support score in [0, 1]; higher is better supported")
    reasons: list[str] = Field(default_factory=list)
    evidence: list[Span] = Field(default_factory=list)


NotAuditedKind = Literal["heading", "byline", "credit", "faq_heading", "fragment"]


class NotAudited(_Model):
    """A line of the derived text that states nothing to check, so it is not audited."""

    start: int = Field(ge=0, description="Offset of the line in the derived text")
    end: int = Field(ge=0)
    text: str
    kind: NotAuditedKind


class AuditReport(_Model):
    """Claims of a derived text checked against the original article."""

    schema_version: str = SCHEMA_VERSION
    article: Article
    derived_text: str
    claims: list[Claim] = Field(default_factory=list)
    not_audited: list[NotAudited] = Field(
        default_factory=list,
        description="Headlines, bylines, credit lines, FAQ headings and cut-off fragments",
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def summary(self) -> dict[str, int]:
        """Counts per verdict."""
        counts = {"supported": 0, "unsupported": 0, "contradicted": 0}
        for claim in self.claims:
            counts[claim.verdict] += 1
        return counts


DOES_NOT_SAY = "The article does not say."
"""The text of every abstention (``Answer.answerable`` is false), in every output."""


class Answer(_Model):
    """A reader's question answered from the article, or ``answerable=False``.

    An abstention always has the text "The article does not say." and no evidence.

    >>> Answer(question="Why?", answerable=False).text
    'The article does not say.'
    """

    question: str
    text: str | None = Field(
        default=None,
        description='Shortest span that answers; "The article does not say." when not answerable',
    )
    sentence: str | None = Field(default=None, description="The sentence the answer comes from")
    evidence: list[Span] = Field(default_factory=list)
    score: float = 0.0
    answerable: bool
    expected_type: str | None = None

    @model_validator(mode="after")
    def _abstention_text(self) -> Answer:
        """One shape for abstentions: ``answerable=False`` has the text :data:`DOES_NOT_SAY`."""
        if not self.answerable:
            self.text = DOES_NOT_SAY
        return self
