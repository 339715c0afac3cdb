"""``newsfaq explain`` and ``newsfaq schema``."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsfaq import settings
from newsfaq.cli._common import handle_errors, write_output

__all__ = ["explain", "schema"]


class Format(StrEnum):
    """Output formats of ``newsfaq explain``."""

    md = "md"
    json = "json"
    html = "html"
    jsonld = "jsonld"


@handle_errors
def explain(
    source: Annotated[
        str,
        typer.Argument(
            help="Article: a file (text, Markdown or HTML), an http(s) URL, or - for stdin."
        ),
    ],
    fmt: Annotated[
        Format,
        typer.Option(
            "--format", "-f", help="md (default), json, html or jsonld (schema.org FAQPage)."
        ),
    ] = Format.md,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Write to this file (atomically) instead of stdout."),
    ] = None,
    n: Annotated[
        int,
        typer.Option(
            "-n",
            "--questions",
            min=settings.MIN_FAQ_ITEMS,
            max=settings.MAX_FAQ_ITEMS,
            help="Number of FAQ items.",
        ),
    ] = settings.DEFAULT_FAQ_ITEMS,
    key_points: Annotated[
        int, typer.Option("--key-points", "-k", min=1, max=10, help="Number of key points.")
    ] = settings.DEFAULT_KEY_POINTS,
    allow_private: Annotated[
        bool,
        typer.Option(
            "--allow-private-urls",
            help="Allow fetching URLs on private, loopback and link-local addresses.",
        ),
    ] = False,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Refuse inputs larger than this many bytes.")
    ] = settings.MAX_INPUT_BYTES,
) -> None:
    """Explain an article: key points, key facts, FAQ and credit line, each citing its evidence."""
    from newsfaq.explain import explain as run
    from newsfaq.render import render

    explainer = run(
        _source(source),
        n=n,
        key_points=key_points,
        allow_private=allow_private,
        max_bytes=max_bytes,
    )
    write_output(render(explainer, fmt.value), out)


@handle_errors
def schema() -> None:
    """Print the JSON Schema of the explainer JSON (``--format json``), with its schema_version."""
    from newsfaq.models import Explainer

    doc = Explainer.model_json_schema()
    doc["$id"] = f"https://newsfaq.invalid/schema/explainer-{settings.SCHEMA_VERSION}.json"
    doc["x-schema-version"] = settings.SCHEMA_VERSION
    write_output(json.dumps(doc, indent=2), None)


def _source(arg: str) -> str | Path:
    """A CLI argument as the explain API wants it: '-' and URLs stay strings, others are paths."""
    if arg == "-" or arg.startswith(("http://", "https://")):
        return arg
    return Path(arg)
