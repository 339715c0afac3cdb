"""Shared CLI plumbing: one-line errors instead of tracebacks, atomic output files."""

from __future__ import annotations

import functools
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console

from newsfaq import settings
from newsfaq.atomic import atomic_path
from newsfaq.errors import NewsfaqError

__all__ = [
    "AllowPrivateOption",
    "KeyFactsOption",
    "KeyPointsOption",
    "OutOption",
    "QuestionsOption",
    "SourceArgument",
    "check_output",
    "cli_source",
    "err_console",
    "handle_errors",
    "write_output",
]

# Arguments and options shared by several commands, defined once.
SourceArgument = Annotated[
    str,
    typer.Argument(
        help="Article: a file (text, Markdown or HTML), an http(s) URL, or - for stdin."
    ),
]
OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Write to this file (atomically) instead of stdout."),
]
AllowPrivateOption = Annotated[
    bool,
    typer.Option(
        "--allow-private-urls",
        help="Allow fetching URLs on private, loopback and link-local addresses.",
    ),
]
QuestionsOption = Annotated[
    int,
    typer.Option(
        "-n",
        "--questions",
        min=settings.MIN_FAQ_ITEMS,
        max=settings.MAX_FAQ_ITEMS,
        help="Number of FAQ items (per article).",
    ),
]
KeyPointsOption = Annotated[
    int,
    typer.Option("--key-points", "-k", min=1, max=10, help="Number of key points (per article)."),
]

KeyFactsOption = Annotated[
    int,
    typer.Option(
        "--key-facts",
        min=0,
        max=50,
        help="How many facts to mark as key facts (shown first); all facts found are kept.",
    ),
]

P = ParamSpec("P")
R = TypeVar("R")

err_console = Console(stderr=True, highlight=False)


def handle_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn :class:`NewsfaqError` (and Ctrl-C) into a one-line message and exit code 1 (130)."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except NewsfaqError as exc:
            err_console.print(f"[bold red]error:[/] {exc}", soft_wrap=True)
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err_console.print("interrupted")
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except Exception as exc:  # a bug, not bad input: still one line unless debugging
            if os.environ.get("NEWSFAQ_DEBUG"):
                raise
            err_console.print(
                f"[bold red]internal error:[/] {type(exc).__name__}: {exc} "
                "(set NEWSFAQ_DEBUG=1 for a traceback; please report it)",
                soft_wrap=True,
            )
            raise typer.Exit(2) from None

    return wrapper


def check_output(out: Path | None) -> None:
    """Refuse an ``--out`` that cannot be written, before any work starts (one-line errors):
    a folder, a missing or unwritable folder, an unwritable file."""
    if out is None:
        return
    out = out.expanduser()
    where = str(out)
    directory = out.parent if str(out.parent) else Path(".")
    if out.is_dir():
        raise NewsfaqError("--out is a folder; give a file name", source=where)
    if not directory.is_dir():
        raise NewsfaqError(f"output folder does not exist: {directory}")
    if out.exists() and not os.access(out, os.W_OK):
        raise NewsfaqError("the output file is not writable", source=where)
    try:
        fd, probe = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=directory)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise NewsfaqError(
            f"cannot write to the output folder: {exc.strerror or exc}", source=where
        ) from None


def write_output(text: str, out: Path | None) -> None:
    """Write ``text`` to stdout, or atomically to ``out`` (temp file + rename)."""
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()
        return
    check_output(out)
    try:
        with atomic_path(out.expanduser()) as tmp:
            tmp.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise NewsfaqError(
            f"cannot write the output: {exc.strerror or exc}", source=str(out)
        ) from None


def cli_source(arg: str) -> str | Path:
    """A source argument as the API wants it: '-' and URLs stay strings, the rest are paths."""
    if arg == "-" or arg.startswith(("http://", "https://")):
        return arg
    return Path(arg)
