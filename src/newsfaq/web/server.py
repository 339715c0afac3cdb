"""The web server of ``newsfaq serve``: a REST API and the web page, in one FastAPI app.

Endpoints: ``POST /api/explain`` (``?format=json|md|jsonld``), ``POST /api/audit``,
``POST /api/ask``, ``GET /api/schema``, ``GET /healthz``; the page at ``/`` and API docs at
``/docs`` (rendered from ``/openapi.json`` by the app's own script, no CDN), their files under
``/static``. Errors are JSON ``{"error": kind, "message": ...}`` and never carry a traceback.

Safety: request bodies over ``max_body_bytes`` are refused (413) from ``Content-Length`` and
while streaming, and a body not received within ``body_timeout_s`` gets 408 and the connection
closed (slow request heads and idle connections are timed out by uvicorn's options in
:mod:`newsfaq.web.slowclients`); each request gets ``request_timeout_s`` (504 after that); URLs
on private,
loopback and link-local addresses are refused (403) unless ``allow_private``; more than
``max_pending`` jobs in flight (timed-out ones count until their thread ends) get 503; with
``allowed_hosts`` other ``Host`` headers get 400 (no DNS rebinding); the page builds
every piece of article text with DOM text nodes and is served with a strict
Content-Security-Policy. The spaCy pipeline is loaded once at start-up and the pipeline runs in
worker threads, so ``/healthz`` answers while long requests run.
"""

from __future__ import annotations

import functools
import importlib
import logging
import os
import threading
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar
from urllib.parse import urlsplit

import anyio
import anyio.to_thread
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    field_validator,
    model_validator,
)
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsfaq import settings
from newsfaq.errors import (
    AnalysisError,
    BlockedAddressError,
    FetchError,
    InputError,
    InputTooLargeError,
    MissingExtraError,
    NewsfaqError,
)
from newsfaq.models import Answer, Article, AuditReport, Explainer

__all__ = [
    "DEFAULT_BODY_TIMEOUT_S",
    "DEFAULT_MAX_BODY_BYTES",
    "DEFAULT_MAX_PENDING",
    "DEFAULT_REQUEST_TIMEOUT_S",
    "AskRequest",
    "AuditRequest",
    "ErrorBody",
    "ExplainRequest",
    "app_from_env",
    "create_app",
]

log = logging.getLogger("newsfaq.web.server")

DEFAULT_MAX_BODY_BYTES = settings.MAX_INPUT_BYTES + 64 * 1024
"""Largest request body accepted: the input size limit plus room for the JSON around it."""

DEFAULT_REQUEST_TIMEOUT_S = 60.0
"""Time limit of one request (fetch + analysis + rendering)."""

DEFAULT_BODY_TIMEOUT_S = 30.0
"""Time a client has to send the request body (408 and the connection closed after that)."""

WORKER_THREADS = 2
"""Pipeline runs at the same time; more than the cores only adds GIL contention."""

DEFAULT_MAX_PENDING = 32
"""Jobs queued, running or abandoned after a time-out, beyond which requests get 503."""

STATIC_DIR = Path(__file__).resolve().parent / "static"

_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)

T = TypeVar("T")


# --------------------------------------------------------------------------- request models


class _Strict(BaseModel):
    """Strict request model: no coercion ("5" is not 5), no unknown fields."""

    model_config = ConfigDict(strict=True, extra="forbid")


_ONE_SOURCE = "give exactly one of text, html or url"
_PORT = r"(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}|[1-5][0-9]{4}|[0-9]{1,4})"
_NO_SPACE = r"\x00-\x20\x7f-\x9f"
_URL_PATTERN = rf"^https?://[^/?#:@\[\]\\{_NO_SPACE}]+(:{_PORT})?([/?#][^{_NO_SPACE}]*)?$"
"""http(s), a host name or IPv4 address (no credentials, no IPv6 literal), a valid port. Spaces
and control characters are spelled out rather than written ``\\s``: regex engines disagree on
what ``\\s`` matches (U+0085), and the schema and the server must agree on every URL."""
_URL_SCHEMA = {"type": "string", "maxLength": 2048, "pattern": _URL_PATTERN}


def _valid_url(value: str | None) -> str | None:
    """``value`` if it is an http(s) URL with a host name (and a valid port); else ValueError."""
    if value is None:
        return None
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        raise ValueError(f"not a valid URL: {exc}") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("not a valid http(s) URL with a host name")
    return value


class _Source(_Strict):
    """Exactly one of ``text``, ``html`` or ``url`` (leave the others out; null is refused)."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        json_schema_extra={
            "oneOf": [{"required": ["text"]}, {"required": ["html"]}, {"required": ["url"]}]
        },
    )

    text: Annotated[
        str | None,
        WithJsonSchema({"type": "string", "description": "The article as plain text."}),
    ] = None
    html: Annotated[
        str | None,
        WithJsonSchema({"type": "string", "description": "The article page as HTML."}),
    ] = None
    url: Annotated[
        str | None,
        Field(max_length=2048, pattern=_URL_PATTERN),
        WithJsonSchema(
            {
                **_URL_SCHEMA,
                "description": "An http(s) URL to fetch the article from (public addresses only).",
            }
        ),
    ] = None

    @model_validator(mode="before")
    @classmethod
    def _no_nulls(cls, data: Any) -> Any:
        if isinstance(data, dict):
            nulls = [k for k in ("text", "html", "url") if k in data and data[k] is None]
            if nulls:
                raise ValueError(f"{_ONE_SOURCE}; leave out the others instead of null")
        return data

    @field_validator("url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        return _valid_url(value)

    @model_validator(mode="after")
    def _exactly_one_source(self) -> _Source:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(_ONE_SOURCE + (f" (got {', '.join(given)})" if given else ""))
        return self


def _integral(value: Any) -> Any:
    """JSON Schema counts 14.0 as an integer; so do the strict models (but not "14" or 14.5)."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


Count = Annotated[int, BeforeValidator(_integral)]


class ExplainRequest(_Source):
    """Body of ``POST /api/explain``."""

    n: Count = Field(
        default=settings.DEFAULT_FAQ_ITEMS,
        ge=settings.MIN_FAQ_ITEMS,
        le=settings.MAX_FAQ_ITEMS,
        description="Number of FAQ items.",
    )
    key_points: Count = Field(
        default=settings.DEFAULT_KEY_POINTS, ge=1, le=10, description="Number of key points."
    )


class AskRequest(_Source):
    """Body of ``POST /api/ask``: the article (text, html or url) and a reader's question."""

    question: str = Field(min_length=1, max_length=settings.MAX_QUESTION_CHARS)


class TraceRequest(_Source):
    """Body of ``POST /api/trace`` (served with ``--corpus``): the page (text, html or url)."""


_ONE_ORIGINAL = "give exactly one of original or original_url"


class AuditRequest(_Strict):
    """Body of ``POST /api/audit``: the original (its text or its URL) and a text derived from
    it."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        json_schema_extra={"oneOf": [{"required": ["original"]}, {"required": ["original_url"]}]},
    )

    original: Annotated[
        str | None,
        Field(min_length=1),
        WithJsonSchema(
            {"type": "string", "minLength": 1, "description": "The original article, plain text."}
        ),
    ] = None
    original_url: Annotated[
        str | None,
        Field(max_length=2048, pattern=_URL_PATTERN),
        WithJsonSchema(
            {
                **_URL_SCHEMA,
                "description": "An http(s) URL to fetch the original from (public addresses).",
            }
        ),
    ] = None
    derived: str = Field(
        min_length=1, description="A rewrite, summary, FAQ or post derived from the original."
    )

    @model_validator(mode="before")
    @classmethod
    def _no_nulls(cls, data: Any) -> Any:
        keys = ("original", "original_url")
        if isinstance(data, dict) and any(k in data and data[k] is None for k in keys):
            raise ValueError(f"{_ONE_ORIGINAL}; leave out the other instead of null")
        return data

    @field_validator("original_url")
    @classmethod
    def _check_url(cls, value: str | None) -> str | None:
        return _valid_url(value)

    @model_validator(mode="after")
    def _exactly_one_original(self) -> AuditRequest:
        if (self.original is None) == (self.original_url is None):
            raise ValueError(_ONE_ORIGINAL)
        return self


class ErrorBody(BaseModel):
    """Every error response: a machine-readable kind and a one-line message."""

    error: str = Field(description="Kind: bad_json, validation, too_large, blocked_address, ...")
    message: str
    details: list[dict[str, Any]] | None = Field(
        default=None, description="Per-field problems, for validation errors"
    )


class SchemaDoc(BaseModel):
    """Body of ``GET /api/schema``."""

    schema_version: str
    json_schema: dict[str, Any] = Field(alias="schema")


class Health(BaseModel):
    """Body of ``GET /healthz``."""

    status: Literal["ok"]
    model_loaded: bool
    schema_version: str


def _err(description: str) -> dict[str, Any]:
    """An OpenAPI ``responses`` entry for an error status."""
    return {"model": ErrorBody, "description": description}


_COMMON_ERRORS: dict[int | str, dict[str, Any]] = {
    400: _err("Malformed JSON body"),
    413: _err("Request body (or the article) over the size limit"),
    422: _err("Invalid request, or an input that is not a readable English article"),
    503: _err("Too many requests in progress; retry after the Retry-After delay"),
    504: _err("The request took longer than the server's time limit"),
}
_URL_ERRORS: dict[int | str, dict[str, Any]] = {
    403: _err("The URL resolves to a private, loopback or link-local address"),
    502: _err("The URL could not be fetched"),
}
_FEATURE_ERRORS: dict[int | str, dict[str, Any]] = {
    501: _err("This feature is not available in this installation"),
}


# --------------------------------------------------------------------------- errors


class _Unavailable(Exception):
    """A feature module (audit, ask, render) that is not installed or not written yet."""


class _Timeout(Exception):
    """The per-request time limit ran out (answered with 504)."""


class _BodyTooLarge(HTTPException):
    """Raised by the body-limit middleware's ``receive`` once the stream passes the limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body over the limit of {limit:,} bytes")


class _BodyTimeout(HTTPException):
    """Raised by the middleware's ``receive`` when the body does not arrive in time (a slow
    client, or a Content-Length larger than what is sent); the connection is closed."""

    def __init__(self, limit: float) -> None:
        super().__init__(
            408, f"the request body did not arrive within {limit:g} s", {"connection": "close"}
        )


_STATUS_KINDS = {
    400: "bad_request",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    408: "timeout",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation",
    501: "not_implemented",
    503: "busy",
    504: "timeout",
}


def _status_for(exc: NewsfaqError) -> int:
    """HTTP status of a newsfaq error."""
    if isinstance(exc, BlockedAddressError):
        return 403
    if isinstance(exc, InputTooLargeError):
        return 413
    if isinstance(exc, FetchError):
        return 502
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, MissingExtraError):
        return 501
    if isinstance(exc, AnalysisError):
        return 500
    return 422


def _error(status: int, kind: str, message: str, **extra: Any) -> JSONResponse:
    """A JSON error response."""
    body: dict[str, Any] = {"error": kind, "message": message}
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse(body, status_code=status)


def _loc(loc: tuple[Any, ...] | list[Any]) -> str:
    """A validation error location as ``body.n``."""
    return ".".join(str(part) for part in loc) or "body"


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    """400 for JSON that does not parse, 422 for everything else the models refuse."""
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return _error(400, "bad_json", "the request body is not valid JSON")
    details = [
        {
            "loc": _loc(e.get("loc", ())),
            "msg": str(e.get("msg", "")).removeprefix("Value error, "),
            "type": str(e.get("type")),
        }
        for e in errors
    ]
    first = details[0] if details else {"loc": "body", "msg": "invalid request"}
    more = f" (and {len(details) - 1} more)" if len(details) > 1 else ""
    message = f"{first['loc']}: {first['msg']}{more}"
    return _error(422, "validation", message, details=details)


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    """Starlette/FastAPI HTTP errors (404, 405, 413, ...) as JSON."""
    assert isinstance(exc, StarletteHTTPException)
    response = _error(
        exc.status_code, _STATUS_KINDS.get(exc.status_code, "http_error"), str(exc.detail)
    )
    for name, value in (exc.headers or {}).items():
        response.headers[name] = value
    return response


async def _on_newsfaq_error(request: Request, exc: Exception) -> JSONResponse:
    """A newsfaq error: its kind and one-line message, with the status it maps to."""
    assert isinstance(exc, NewsfaqError)
    status = _status_for(exc)
    if status >= 500:
        log.warning("%s: %s", type(exc).__name__, exc)
    return _error(status, exc.kind, str(exc))


async def _on_unavailable(request: Request, exc: Exception) -> JSONResponse:
    """A feature whose module is missing."""
    return _error(501, "not_implemented", str(exc))


async def _on_busy(request: Request, exc: Exception) -> JSONResponse:
    """Too many requests in flight."""
    response = _error(503, "busy", str(exc))
    response.headers["retry-after"] = "5"
    return response


async def _on_timeout(request: Request, exc: Exception) -> JSONResponse:
    """The per-request time limit ran out."""
    return _error(504, "timeout", str(exc) or "the request took too long")


async def _on_unexpected(request: Request, exc: Exception) -> JSONResponse:
    """Anything else: logged with its traceback here, a bare message to the client."""
    log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return _error(500, "internal", "internal server error")


# --------------------------------------------------------------------------- middleware


class _Guard:
    """Pure ASGI middleware: body size limit, body-read deadline and security headers."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        max_body_bytes: int,
        allowed_hosts: list[str] | None = None,
        body_timeout_s: float = DEFAULT_BODY_TIMEOUT_S,
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.allowed_hosts = {h.lower().strip("[]") for h in allowed_hosts or []}
        self.body_timeout_s = body_timeout_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse oversized bodies (declared or streamed); add headers to every response."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
                headers.append((b"content-security-policy", _CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        if self.allowed_hosts and _host(scope) not in self.allowed_hosts:
            await _send_json(send_with_headers, 400, HTTPException(400, "unexpected Host header"))
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_body_bytes:
            await _send_json(send_with_headers, 413, _BodyTooLarge(self.max_body_bytes))
            return
        received = 0
        body_done = False
        body_deadline = anyio.current_time() + self.body_timeout_s

        async def limited_receive() -> Message:
            nonlocal received, body_done
            if body_done:  # later calls wait for a disconnect: no deadline
                return await receive()
            with anyio.move_on_after(max(body_deadline - anyio.current_time(), 0)) as scope:
                message = await receive()
            if scope.cancelled_caught:
                raise _BodyTimeout(self.body_timeout_s)
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                body_done = not message.get("more_body", False)
                if received > self.max_body_bytes:
                    raise _BodyTooLarge(self.max_body_bytes)
            return message

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except (_BodyTooLarge, _BodyTimeout) as exc:
            if started:
                raise
            await _send_json(send_with_headers, exc.status_code, exc)


def _host(scope: Scope) -> str:
    """The host name of the ``Host`` header, lower case, without port or IPv6 brackets."""
    for name, value in scope.get("headers", []):
        if name == b"host":
            host = bytes(value).decode("latin-1").strip().lower()
            if host.startswith("["):
                return host[1:].split("]", 1)[0]
            return host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return ""


def _content_length(scope: Scope) -> int | None:
    """The declared Content-Length, or None when absent or unreadable."""
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _send_json(send: Send, status: int, exc: HTTPException) -> None:
    """Send a complete JSON error response from the middleware."""
    response = _error(status, _STATUS_KINDS.get(status, "http_error"), str(exc.detail))
    response.headers["connection"] = "close"
    await send({"type": "http.response.start", "status": status, "headers": response.raw_headers})
    await send({"type": "http.response.body", "body": response.body})


# --------------------------------------------------------------------------- pipeline jobs


class _Busy(Exception):
    """Too many jobs in flight (answered with 503)."""


@dataclass
class _Ticket:
    """One job's place in :class:`_Pending`."""

    started: bool = False
    cancelled: bool = False


class _Pending:
    """Counts jobs from dispatch until their thread finishes, abandoned (timed-out) ones too.

    The thread limiter stops counting a job once its request times out, but its thread runs
    on; this count does not, so a flood of slow requests cannot pile up threads without bound.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.count = 0
        self.lock = threading.Lock()

    def enter(self) -> _Ticket:
        """Reserve a place, or raise :class:`_Busy`."""
        with self.lock:
            if self.count >= self.limit:
                raise _Busy(f"the server is busy ({self.count} requests in progress); retry later")
            self.count += 1
        return _Ticket()

    def run(self, ticket: _Ticket, func: Callable[[], T]) -> T:
        """Run ``func`` in the worker thread and give the place back when it ends."""
        with self.lock:
            if ticket.cancelled:
                raise _Timeout("the request was cancelled before it started")
            ticket.started = True
        try:
            return func()
        finally:
            with self.lock:
                self.count -= 1

    def cancel_if_not_started(self, ticket: _Ticket) -> None:
        """After the request ends: free the place of a job whose thread never started."""
        with self.lock:
            if not ticket.started and not ticket.cancelled:
                ticket.cancelled = True
                self.count -= 1


def _fetch_timeout(deadline: float) -> float:
    """The fetch time limit of a job: the request's time left (a fetch never outlives its
    request, so the outbound connection closes when the request times out)."""
    return max(min(settings.FETCH_TIMEOUT_S, deadline - time.monotonic()), 0.01)


def _load_source(
    text: str | None, html: str | None, url: str | None, *, allow_private: bool, deadline: float
) -> Article:
    """One article from a request's text, HTML or URL, through the ingest path of the CLI
    (size, binary, charset and language checks)."""
    from newsfaq.ingest import loader as ingest

    if text is not None:
        return ingest.from_string(text)
    if html is not None:
        return ingest.from_string(html, html=True)
    assert url is not None
    return ingest.load(url, allow_private=allow_private, fetch_timeout=_fetch_timeout(deadline))


def _article(req: _Source, *, allow_private: bool, deadline: float) -> Article:
    """Build the article of a request: from text, from HTML, or fetched from a URL."""
    return _load_source(req.text, req.html, req.url, allow_private=allow_private, deadline=deadline)


def _feature(module: str, name: str) -> Callable[..., Any]:
    """``module.name`` if that module exists, else :class:`_Unavailable` (answered with 501)."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as exc:
        if exc.name == module:
            raise _Unavailable(f"{module} is not available in this installation") from None
        raise
    func = getattr(mod, name, None)
    if not callable(func):
        raise _Unavailable(f"{module}.{name} is not available in this installation")
    return func  # type: ignore[no-any-return]


_MEDIA_TYPES = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "jsonld": "application/ld+json",
}
ExplainFormat = Literal["json", "md", "jsonld"]


def _explain_job(
    req: ExplainRequest, fmt: ExplainFormat, allow_private: bool, deadline: float
) -> str:
    """Load, analyse, explain and render one article (runs in a worker thread)."""
    from newsfaq.explain.pipeline import explain_analysis
    from newsfaq.text.nlp import analyze

    article = _article(req, allow_private=allow_private, deadline=deadline)
    explainer = explain_analysis(analyze(article), n=req.n, key_points=req.key_points)
    if fmt == "json":
        return explainer.model_dump_json()
    render = _feature("newsfaq.render.explainer", "render")
    return str(render(explainer, fmt))


def _audit_job(req: AuditRequest, allow_private: bool, deadline: float) -> str:
    """Audit a derived text against its original (runs in a worker thread)."""
    from newsfaq.ingest import loader as ingest

    audit = _feature("newsfaq.audit.pipeline", "audit")
    original = _load_source(
        req.original, None, req.original_url, allow_private=allow_private, deadline=deadline
    )
    report = audit(original, ingest.from_string(req.derived))
    if not isinstance(report, AuditReport):
        raise TypeError(f"audit returned {type(report).__name__}")
    return report.model_dump_json()


def _ask_job(req: AskRequest, allow_private: bool, deadline: float) -> str:
    """Answer a question from an article (runs in a worker thread)."""
    ask = _feature("newsfaq.ask.answer", "ask")
    article = _article(req, allow_private=allow_private, deadline=deadline)
    answer = ask(article, req.question)
    if not isinstance(answer, Answer):
        raise TypeError(f"ask returned {type(answer).__name__}")
    return answer.model_dump_json()


def _trace_job(req: TraceRequest, corpus: Path, allow_private: bool, deadline: float) -> str:
    """Trace a page through the corpus: its story, original and audit (in a worker thread)."""
    import json

    from newsfaq.corpus.trace import trace

    article = _article(req, allow_private=allow_private, deadline=deadline)
    return json.dumps(trace(article, corpus).to_json(), ensure_ascii=False)


def _warm_up() -> None:
    """Load the spaCy pipeline and run it once so the first request is not slow."""
    from newsfaq.text.nlp import parse

    parse("The council met on Monday. It approved the budget.")


# --------------------------------------------------------------------------- app factory


def create_app(
    *,
    allow_private: bool = False,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    request_timeout_s: float = DEFAULT_REQUEST_TIMEOUT_S,
    max_pending: int = DEFAULT_MAX_PENDING,
    allowed_hosts: list[str] | None = None,
    warm_up: bool = True,
    body_timeout_s: float = DEFAULT_BODY_TIMEOUT_S,
    corpus: Path | None = None,
) -> FastAPI:
    """Build the newsfaq web app (REST API + page). Serve it with uvicorn.

    ``allow_private`` lets ``url`` inputs reach private, loopback and link-local addresses.
    ``allowed_hosts`` (e.g. ``["127.0.0.1", "localhost"]``) refuses requests whose ``Host``
    header names another host (400): a server on loopback cannot be reached by DNS rebinding.
    ``corpus``: a batch folder on which ``newsfaq stories`` ran; adds ``POST /api/trace``.

    >>> app = create_app(warm_up=False)
    >>> sorted(r.path for r in app.routes if r.path.startswith("/api/"))
    ['/api/ask', '/api/audit', '/api/explain', '/api/schema']
    """
    state: dict[str, Any] = {"model_loaded": False}

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        state["limiter"] = anyio.CapacityLimiter(WORKER_THREADS)
        if warm_up:
            await anyio.to_thread.run_sync(_warm_up)
            state["model_loaded"] = True
        yield

    pending = _Pending(max_pending)

    def _deadline() -> float:
        """When a request starting now runs out of time (monotonic clock)."""
        return time.monotonic() + request_timeout_s

    async def run(func: Callable[[], T]) -> T:
        """Run ``func`` in a worker thread under the request time limit."""
        limiter = state.get("limiter")
        ticket = pending.enter()  # 503 when too many jobs are queued, running or abandoned
        try:
            with anyio.fail_after(request_timeout_s):
                result = await anyio.to_thread.run_sync(
                    functools.partial(pending.run, ticket, func),
                    abandon_on_cancel=True,
                    limiter=limiter,
                )
        except TimeoutError:
            raise _Timeout(
                f"the request took longer than the limit of {request_timeout_s:g} s"
            ) from None
        finally:
            pending.cancel_if_not_started(ticket)
        state["model_loaded"] = True
        return result

    app = FastAPI(
        title="newsfaq",
        version=settings.SCHEMA_VERSION,
        summary="Sourced explainers for news articles, an auditor for derived texts, and Q&A.",
        lifespan=lifespan,
        docs_url=None,  # replaced below by a page served by the app itself (no CDN)
        redoc_url=None,
    )
    app.add_exception_handler(RequestValidationError, _on_validation_error)
    app.add_exception_handler(StarletteHTTPException, _on_http_error)
    app.add_exception_handler(NewsfaqError, _on_newsfaq_error)
    app.add_exception_handler(_Unavailable, _on_unavailable)
    app.add_exception_handler(_Timeout, _on_timeout)
    app.add_exception_handler(_Busy, _on_busy)
    app.add_exception_handler(Exception, _on_unexpected)
    app.add_middleware(
        _Guard,
        max_body_bytes=max_body_bytes,
        allowed_hosts=allowed_hosts,
        body_timeout_s=body_timeout_s,
    )

    @app.post(
        "/api/explain",
        response_model=Explainer,
        responses={
            200: {
                "description": "The explainer (JSON), or it rendered as Markdown or JSON-LD",
                "content": {
                    "text/markdown": {"schema": {"type": "string"}},
                    "application/ld+json": {"schema": {"type": "object"}},
                },
            },
            **_COMMON_ERRORS,
            **_URL_ERRORS,
            **_FEATURE_ERRORS,
        },
        summary="Explain an article: key points, key facts, FAQ, credit line",
    )
    async def explain_endpoint(
        req: ExplainRequest,
        fmt: Annotated[
            ExplainFormat,
            Query(alias="format", description="json (default), md or jsonld (schema.org FAQPage)"),
        ] = "json",
    ) -> Response:
        body = await run(functools.partial(_explain_job, req, fmt, allow_private, _deadline()))
        return Response(body, media_type=_MEDIA_TYPES[fmt])

    @app.post(
        "/api/audit",
        response_model=AuditReport,
        responses={**_COMMON_ERRORS, **_URL_ERRORS, **_FEATURE_ERRORS},
        summary="Audit a derived text against its original, claim by claim",
    )
    async def audit_endpoint(req: AuditRequest) -> Response:
        body = await run(functools.partial(_audit_job, req, allow_private, _deadline()))
        return Response(body, media_type="application/json")

    @app.post(
        "/api/ask",
        response_model=Answer,
        responses={**_COMMON_ERRORS, **_URL_ERRORS, **_FEATURE_ERRORS},
        summary="Answer a reader's question from the article, or say it does not say",
    )
    async def ask_endpoint(req: AskRequest) -> Response:
        body = await run(functools.partial(_ask_job, req, allow_private, _deadline()))
        return Response(body, media_type="application/json")

    if corpus is not None:
        corpus_dir = Path(corpus)

        @app.post(
            "/api/trace",
            responses={**_COMMON_ERRORS, **_URL_ERRORS, **_FEATURE_ERRORS},
            summary="A page's story in the corpus, its likely original and what the page changed",
        )
        async def trace_endpoint(req: TraceRequest) -> Response:
            body = await run(
                functools.partial(_trace_job, req, corpus_dir, allow_private, _deadline())
            )
            return Response(body, media_type="application/json")

    @app.get("/api/schema", response_model=SchemaDoc, summary="JSON Schema of the explainer")
    async def schema_endpoint() -> JSONResponse:
        doc = Explainer.model_json_schema(mode="serialization")
        doc["$id"] = f"https://newsfaq.invalid/schema/explainer-{settings.SCHEMA_VERSION}.json"
        doc["x-schema-version"] = settings.SCHEMA_VERSION
        return JSONResponse({"schema_version": settings.SCHEMA_VERSION, "schema": doc})

    @app.get("/healthz", response_model=Health, summary="Liveness")
    async def healthz() -> Health:
        return Health(
            status="ok",
            model_loaded=bool(state["model_loaded"]),
            schema_version=settings.SCHEMA_VERSION,
        )

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> FileResponse:
        return FileResponse(STATIC_DIR / "docs.html", media_type="text/html")

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


ENV_ALLOW_PRIVATE = "NEWSFAQ_ALLOW_PRIVATE_URLS"
ENV_REQUEST_TIMEOUT = "NEWSFAQ_REQUEST_TIMEOUT_S"
ENV_ALLOWED_HOSTS = "NEWSFAQ_ALLOWED_HOSTS"


def app_from_env() -> FastAPI:
    """App factory for multi-process uvicorn (``--workers``): options come from the environment.

    >>> import os; os.environ[ENV_REQUEST_TIMEOUT] = "30"
    >>> isinstance(app_from_env(), FastAPI)
    True
    """
    allow = os.environ.get(ENV_ALLOW_PRIVATE, "") == "1"
    timeout = float(os.environ.get(ENV_REQUEST_TIMEOUT, DEFAULT_REQUEST_TIMEOUT_S))
    hosts = [h for h in os.environ.get(ENV_ALLOWED_HOSTS, "").split(",") if h]
    return create_app(allow_private=allow, request_timeout_s=timeout, allowed_hosts=hosts or None)
