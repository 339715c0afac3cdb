"""``newsfaq explain`` and ``newsfaq schema``."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from newsfaq import settings
from newsfaq.cli._common import (
    AllowPrivateOption,
    KeyFactsOption,
    KeyPointsOption,
    OutOption,
    QuestionsOption,
    SourceArgument,
    check_output,
    cli_source,
    handle_errors,
    write_output,
)

__all__ = ["explain", "schema"]


class Format(StrEnum):
    """Output formats of ``newsfaq explain``."""

    md = "md"
    json = "json"
    html = "html"
    jsonld = "jsonld"


@handle_errors
def explain(
    source: SourceArgument,
    fmt: Annotated[
        Format,
        typer.Option(
            "--format", "-f", help="md (default), json, html or jsonld (schema.org FAQPage)."
        ),
    ] = Format.md,
    out: OutOption = None,
    n: QuestionsOption = settings.DEFAULT_FAQ_ITEMS,
    key_points: KeyPointsOption = settings.DEFAULT_KEY_POINTS,
    key_facts: KeyFactsOption = settings.DEFAULT_KEY_FACTS,
    allow_private: AllowPrivateOption = False,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Refuse inputs larger than this many bytes.")
    ] = settings.MAX_INPUT_BYTES,
) -> None:
    """Explain an article: key points, key facts, FAQ and credit line, each citing its evidence."""
    from newsfaq.explain.pipeline import explain as run
    from newsfaq.render.explainer import render

    check_output(out)
    explainer = run(
        cli_source(source),
        n=n,
        key_points=key_points,
        key_facts=key_facts,
        allow_private=allow_private,
        max_bytes=max_bytes,
    )
    write_output(render(explainer, fmt.value), out)


@handle_errors
def schema() -> None:
    """Print the JSON Schema of the explainer JSON (what --format json writes), with its version."""
    from newsfaq.models import Explainer

    doc = Explainer.model_json_schema()
    doc["$id"] = f"https://newsfaq.invalid/schema/explainer-{settings.SCHEMA_VERSION}.json"
    doc["x-schema-version"] = settings.SCHEMA_VERSION
    write_output(json.dumps(doc, indent=2), None)
