"""``newsfaq batch`` (a whole corpus, locally or on Dask) and ``newsfaq search`` (its database)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from newsfaq import settings
from newsfaq.cli._common import KeyPointsOption, QuestionsOption, handle_errors, write_output

__all__ = ["batch", "search"]


@handle_errors
def batch(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Folders (recursive: .txt .md .html .htm .jsonl .warc .warc.gz), globs, "
            "JSONL files (text or html, optional id, url, title, date) and WARC/WARC.gz files."
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Output folder: explainers.jsonl, errors.jsonl, explainers.parquet, newsfaq.db. "
            "A rerun with the same folder skips the articles already done.",
        ),
    ],
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Local worker processes (pool or --dask local; default: all cores).",
        ),
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(
            "--dask",
            help="Run on Dask: 'local' (a LocalCluster of --workers processes) or the address "
            "of a running scheduler, tcp://host:8786.",
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=0, help="Per-article time limit in seconds (0: none)."),
    ] = 120.0,
    n: QuestionsOption = settings.DEFAULT_FAQ_ITEMS,
    key_points: KeyPointsOption = settings.DEFAULT_KEY_POINTS,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", min=0, help="Process at most this many new articles (rest: next run)."
        ),
    ] = None,
    retry_errors: Annotated[
        bool,
        typer.Option("--retry-errors", help="Process again the articles listed in errors.jsonl."),
    ] = False,
    stories: Annotated[
        bool,
        typer.Option("--stories", help="Then group the corpus into stories (newsfaq stories)."),
    ] = False,
) -> None:
    """Explain a whole corpus into DIR; resumable, every article ends in explainers or errors."""
    from newsfaq.corpus.batch import run_batch

    summary = run_batch(
        inputs,
        out,
        workers=workers,
        dask=dask,
        timeout=timeout or None,
        n=n,
        key_points=key_points,
        limit=limit,
        retry_errors=retry_errors,
    )
    write_output(summary.line(), None)
    if stories:
        from newsfaq.corpus.stories import build_stories

        write_output(build_stories(out, workers=workers, dask=dask).line(), None)


@handle_errors
def search(
    db: Annotated[Path, typer.Argument(help="The newsfaq.db written by `newsfaq batch`.")],
    query: Annotated[str, typer.Argument(help="Words to look for (all of them, else any).")],
    limit: Annotated[int, typer.Option("--limit", "-l", min=1, max=1000)] = 10,
    key_points: Annotated[
        bool, typer.Option("--key-points", help="Search key points as well.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per hit.")] = False,
    story: Annotated[
        str | None,
        typer.Option("--story", help="Only the articles of this story (see `newsfaq stories`)."),
    ] = None,
) -> None:
    """Find facts and FAQ items across a batch corpus, with the article they come from."""
    from dataclasses import asdict

    from newsfaq.corpus.store import search as run

    kinds = ("fact", "faq", "key_point") if key_points else ("fact", "faq")
    hits = run(db, query, limit, kinds=kinds, story=story)
    if as_json:
        lines = [json.dumps(asdict(h), ensure_ascii=False) for h in hits]
        write_output("\n".join(lines), None)
        return
    if not hits:
        write_output(f"no facts or FAQ items match {query!r}", None)
        return
    out: list[str] = []
    for hit in hits:
        label = {"fact": "fact", "faq": "FAQ", "key_point": "key point"}[hit.kind]
        out.append(f"[{label}] {hit.text}")
        if hit.answer:
            out.append(f"    A: {hit.answer}")
        where = hit.title or hit.url or hit.source or hit.article_id
        out.append(f"    — {where} (id {hit.article_id}, source {hit.source})")
    write_output("\n".join(out), None)
