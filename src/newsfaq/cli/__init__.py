"""The ``newsfaq`` command line: one module per command, registered here."""

from __future__ import annotations

import typer

from newsfaq.cli import ask as _ask
from newsfaq.cli import audit as _audit
from newsfaq.cli import batch as _batch
from newsfaq.cli import explain as _explain
from newsfaq.cli import serve as _serve
from newsfaq.cli import stories as _stories

__all__ = ["app", "main"]

app = typer.Typer(
    name="newsfaq",
    help=(
        "Sourced explainers for news articles. Every key point, fact and FAQ answer cites the "
        "article sentences it rests on, by character offsets."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command("explain")(_explain.explain)
app.command("schema")(_explain.schema)
app.command("audit")(_audit.audit)
app.command("ask")(_ask.ask)
app.command("serve")(_serve.serve)
app.command("batch")(_batch.batch)
app.command("search")(_batch.search)
app.command("stories")(_stories.stories)
app.command("trace")(_stories.trace)


def main() -> None:
    """Console-script entry point."""
    app()
