"""``newsfaq serve``: the web page and REST API on uvicorn."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from newsfaq.cli._common import AllowPrivateOption, err_console, handle_errors

__all__ = ["serve"]

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


@handle_errors
def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="TCP port.")] = 8000,
    allow_private: AllowPrivateOption = False,
    timeout: Annotated[
        float, typer.Option("--timeout", min=1.0, help="Time limit per request, in seconds.")
    ] = 60.0,
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            max=64,
            help="Server processes (each loads its own model, about 200 MB); 1 = in-process.",
        ),
    ] = 1,
    corpus: Annotated[
        Path | None,
        typer.Option(
            "--corpus", help="A batch folder on which `newsfaq stories` ran: adds POST /api/trace."
        ),
    ] = None,
) -> None:
    """Serve the web page at / and the REST API under /api (OpenAPI docs at /docs)."""
    import uvicorn

    from newsfaq.errors import InputError
    from newsfaq.web.server import (
        ENV_ALLOW_PRIVATE,
        ENV_ALLOWED_HOSTS,
        ENV_REQUEST_TIMEOUT,
        create_app,
    )
    from newsfaq.web.slowclients import uvicorn_options

    loopback = host in _LOOPBACK
    if not loopback:
        err_console.print(f"[yellow]warning:[/] listening on {host}: reachable from other machines")
    # On loopback, only accept requests addressed to loopback names (no DNS rebinding).
    hosts = list(_LOOPBACK) if loopback else None
    err_console.print(f"newsfaq: http://{host}:{port}/ (API docs at /docs)")
    if workers > 1 and corpus is not None:
        raise InputError("--corpus needs --workers 1")
    if workers > 1:
        os.environ[ENV_ALLOW_PRIVATE] = "1" if allow_private else "0"
        os.environ[ENV_REQUEST_TIMEOUT] = str(timeout)
        os.environ[ENV_ALLOWED_HOSTS] = ",".join(hosts or [])
        uvicorn.run(
            "newsfaq.web.server:app_from_env",
            factory=True,
            workers=workers,
            host=host,
            port=port,
            log_level="info",
            access_log=False,
            **uvicorn_options(),
        )
        return
    app = create_app(
        allow_private=allow_private, request_timeout_s=timeout, allowed_hosts=hosts, corpus=corpus
    )
    uvicorn.run(app, host=host, port=port, log_level="info", access_log=False, **uvicorn_options())
