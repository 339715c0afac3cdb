"""``newsfaq stories`` (group a batch corpus into stories) and ``newsfaq trace`` (one page)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from newsfaq.cli._common import (
    AllowPrivateOption,
    OutOption,
    SourceArgument,
    cli_source,
    handle_errors,
    write_output,
)

__all__ = ["stories", "trace"]


@handle_errors
def stories(
    out_dir: Annotated[Path, typer.Argument(help="The output folder of `newsfaq batch`.")],
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-w", min=1, help="Processes for fingerprinting (default: all)."),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Fingerprint on Dask: 'local' (a LocalCluster of --workers processes) or the "
            "address of a running scheduler, tcp://host:8786.",
        ),
    ] = None,
) -> None:
    """Group a batch corpus into stories and find the original of each story."""
    from newsfaq.corpus.stories import build_stories

    write_output(build_stories(out_dir, workers=workers, dask=dask).line(), None)


@handle_errors
def trace(
    page: SourceArgument,
    corpus: Annotated[
        Path,
        typer.Option(
            "--corpus", "-c", help="A batch output folder on which `newsfaq stories` ran."
        ),
    ],
    fmt: Annotated[str, typer.Option("--format", "-f", help="md or json.")] = "md",
    out: OutOption = None,
    allow_private: AllowPrivateOption = False,
) -> None:
    """The page's story in the corpus, its likely original and what the page changed."""
    from newsfaq.corpus.trace import trace as run
    from newsfaq.corpus.trace import trace_markdown
    from newsfaq.errors import InputError
    from newsfaq.ingest.loader import load

    if fmt not in ("md", "json"):
        raise InputError(f"unknown format {fmt!r}; use md or json")
    result = run(load(cli_source(page), allow_private=allow_private), corpus)
    if fmt == "json":
        write_output(json.dumps(result.to_json(), ensure_ascii=False, indent=2), out)
    else:
        write_output(trace_markdown(result), out)
