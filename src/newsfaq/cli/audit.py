"""``newsfaq audit``: check a derived text (rewrite, summary, FAQ) against its original."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from newsfaq.cli._common import (
    AllowPrivateOption,
    OutOption,
    check_output,
    cli_source,
    handle_errors,
    write_output,
)
from newsfaq.errors import InputError

__all__ = ["audit"]


class AuditFormat(StrEnum):
    """Output formats of ``newsfaq audit``."""

    md = "md"
    json = "json"
    html = "html"


@handle_errors
def audit(
    original: Annotated[
        str, typer.Argument(help="The original article: a file, an http(s) URL, or - for stdin.")
    ],
    derived: Annotated[
        str | None,
        typer.Argument(
            help="The derived text (file, URL or -). Without it, the FAQ block appended to the "
            "original is audited against the article body."
        ),
    ] = None,
    fmt: Annotated[
        AuditFormat, typer.Option("--format", "-f", help="md (default), json or html.")
    ] = AuditFormat.md,
    out: OutOption = None,
    allow_private: AllowPrivateOption = False,
) -> None:
    """Audit a derived text against its original, claim by claim: supported, unsupported or
    contradicted, with reasons and evidence.

    Exit code 0 when the audit ran, whatever the verdicts (read them in the output);
    1 for errors (unreadable input, nothing to audit, ...).
    """
    from newsfaq.audit.pipeline import audit as run
    from newsfaq.render.audit_report import render_audit

    if original == "-" and derived == "-":
        raise InputError("only one of ORIGINAL and DERIVED can be read from stdin (-)")
    check_output(out)
    report = run(
        cli_source(original),
        cli_source(derived) if derived is not None else None,
        allow_private=allow_private,
    )
    write_output(render_audit(report, fmt.value), out)
