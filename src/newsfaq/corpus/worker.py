"""The pure per-article function of ``newsfaq batch``: one :class:`Record` in, one result out.

This module is what pool processes and Dask workers import: the spaCy pipeline is loaded once
per process (``newsfaq.text.nlp.get_nlp`` caches it in the process), never per task.

A result is a dict: ``ok`` (bool), ``line`` (the JSON line for ``explainers.jsonl`` or
``errors.jsonl``), ``kind`` (error kind, None on success) and worker statistics (``pid``,
``seconds``, ``cpu_seconds`` of the whole process, ``max_rss_kb``) that the batch driver
uses for progress and benchmarks.
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import json
import os
import resource
import signal
import threading
import time
from collections.abc import Callable, Sequence
from types import FrameType
from typing import Any, TypeVar

from newsfaq import settings
from newsfaq.corpus.inputs import Record
from newsfaq.errors import NewsfaqError
from newsfaq.models import Article

__all__ = [
    "ArticleTimeoutError",
    "build_article",
    "error_line",
    "init_worker",
    "process",
    "process_many",
    "warm_up",
]

T = TypeVar("T")


class ArticleTimeoutError(NewsfaqError):
    """One article took longer than the per-article time limit."""

    kind = "timeout"


class _Interrupt(BaseException):
    """Raised inside the running article (a BaseException, so ``except Exception`` can't eat it)."""


_WARM_UP_TEXT = (
    "The town council of Elmford approved a budget of $2 million on Monday. "
    "Mayor Ann Lee said the plan would pay for 12 new buses by 2027."
)
_warm = False


def warm_up() -> None:
    """Load the pipeline and every lazily built part once in this process (idempotent).

    Explains one short built-in article, so that the first real article (and its time
    limit) does not pay for one-time set-up.
    """
    global _warm
    if _warm:
        return
    from newsfaq.explain.pipeline import explain_analysis
    from newsfaq.ingest.loader import from_text
    from newsfaq.text.nlp import analyze, get_nlp

    get_nlp()
    explain_analysis(analyze(from_text(_WARM_UP_TEXT)))
    gc.collect()
    gc.freeze()  # the model's objects live as long as the process: keep them out of GC scans
    _warm = True


def init_worker() -> None:
    """Pool initializer: ignore Ctrl-C (the parent stops the run), load the pipeline once.

    A failure is not raised here (that would break the pool): each article then reports
    the error itself.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(Exception):
        warm_up()


def error_line(record: Record, kind: str, message: str) -> str:
    """The ``errors.jsonl`` line of a failed article.

    >>> from newsfaq.corpus.inputs import Record
    >>> error_line(Record(id="a", source="a.txt", content_hash="h"), "empty", "no text")
    '{"id":"a","source":"a.txt","content_hash":"h","kind":"empty","message":"no text"}'
    """
    return _dumps(
        {
            "id": record.id,
            "source": record.source,
            "content_hash": record.content_hash,
            "kind": kind,
            "message": message,
        }
    )


def build_article(record: Record) -> Article:
    """Ingest one record into an :class:`Article` (raises a NewsfaqError for bad input)."""
    from newsfaq.ingest import loader as ingest

    if record.text is not None:  # the same checks as a file's bytes (binary, charset, language)
        article = ingest.from_string(record.text, source=record.source, url=record.url)
    elif record.html is not None:
        article = ingest.from_string(record.html, html=True, source=record.source, url=record.url)
    elif record.data is not None:
        article = ingest.from_bytes(
            record.data, source=record.source, content_type=record.content_type, url=record.url
        )
    else:
        raise NewsfaqError("record has no content", source=record.source)
    updates = {
        "title": record.title,
        "date": record.date,
        "url": ingest.http_url(record.url),
        "source": record.source,
    }
    changes = {k: v for k, v in updates.items() if v is not None}
    if changes:
        article = article.model_copy(update={"meta": article.meta.model_copy(update=changes)})
    return article


def process(
    record: Record,
    *,
    n: int = settings.DEFAULT_FAQ_ITEMS,
    key_points: int = settings.DEFAULT_KEY_POINTS,
    timeout: float | None = None,
) -> dict[str, Any]:
    """Explain one record; never raises for a bad article (errors become error results).

    >>> from newsfaq.corpus.inputs import Record
    >>> r = process(Record(id="x", source="x", content_hash="h", text="   "))
    >>> (r["ok"], r["kind"])
    (False, 'empty')
    """
    started = (time.perf_counter(), time.process_time())
    if record.is_error:
        kind, message = record.error_kind or "error", record.error or "unreadable input"
        return _result(record, False, error_line(record, kind, message), kind, started)
    try:
        explainer = _call_with_timeout(lambda: _explain(record, n, key_points), timeout)
    except NewsfaqError as exc:
        message = exc.message.splitlines()[0] if exc.message else type(exc).__name__
        return _result(record, False, error_line(record, exc.kind, message), exc.kind, started)
    except Exception as exc:  # a bug or a resource error on one article must not stop the run
        message = f"{type(exc).__name__}: {exc}".splitlines()[0][:500]
        return _result(record, False, error_line(record, "internal", message), "internal", started)
    line = _dumps(
        {
            "id": record.id,
            "source": record.source,
            "content_hash": record.content_hash,
            "explainer": explainer,
        }
    )
    return _result(record, True, line, None, started)


def process_many(
    records: Sequence[Record],
    *,
    n: int = settings.DEFAULT_FAQ_ITEMS,
    key_points: int = settings.DEFAULT_KEY_POINTS,
    timeout: float | None = None,
) -> list[dict[str, Any]]:
    """:func:`process` over a partition of records (one Dask task), results in order.

    >>> from newsfaq.corpus.inputs import Record
    >>> [r["kind"] for r in process_many([Record(id="x", source="x", content_hash="h", text="")])]
    ['empty']
    """
    return [process(r, n=n, key_points=key_points, timeout=timeout) for r in records]


def _explain(record: Record, n: int, key_points: int) -> dict[str, Any]:
    """Ingest, analyze and explain one record; the explainer as JSON-ready dict."""
    from newsfaq.explain.pipeline import explain_analysis
    from newsfaq.text.nlp import analyze

    article = build_article(record)
    explainer = explain_analysis(analyze(article), n=n, key_points=key_points)
    data: dict[str, Any] = explainer.model_dump(mode="json")
    return data


def _dumps(obj: dict[str, Any]) -> str:
    """Compact, deterministic JSON for one output line."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def _result(
    record: Record, ok: bool, line: str, kind: str | None, started: tuple[float, float]
) -> dict[str, Any]:
    """A worker result with its statistics."""
    return {
        "ok": ok,
        "id": record.id,
        "line": line,
        "kind": kind,
        "pid": os.getpid(),
        "seconds": time.perf_counter() - started[0],
        "cpu_seconds": time.process_time() - started[1],
        "max_rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
    }


def _call_with_timeout(func: Callable[[], T], timeout: float | None) -> T:
    """Run ``func`` with a time limit: SIGALRM in a main thread, a watchdog thread otherwise.

    Both raise :class:`ArticleTimeoutError` in the running thread at the next Python bytecode,
    so a long stretch inside one C call finishes that call first.
    """
    if timeout is None or timeout <= 0:
        return func()
    message = f"processing took longer than the {timeout:g} s limit"
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "SIGALRM"):
        return _with_alarm(func, timeout, message)
    return _with_watchdog(func, timeout, message)


def _with_alarm(func: Callable[[], T], timeout: float, message: str) -> T:
    """Time limit by SIGALRM (process pools run tasks in the main thread)."""

    def on_alarm(signum: int, frame: FrameType | None) -> None:
        raise _Interrupt

    previous = signal.signal(signal.SIGALRM, on_alarm)
    finished = False
    try:
        try:
            signal.setitimer(signal.ITIMER_REAL, timeout)
            result = func()
            finished = True
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Interrupt:
        if not finished:
            raise ArticleTimeoutError(message) from None
    finally:
        signal.signal(signal.SIGALRM, previous)
    return result


class _Watchdog:
    """Raises _Interrupt asynchronously in one thread unless disarmed in time."""

    def __init__(self, thread_id: int, timeout: float) -> None:
        self.thread_id = thread_id
        self.lock = threading.Lock()
        self.disarmed = False
        self.fired = False
        self.timer = threading.Timer(timeout, self._fire)
        self.timer.daemon = True

    def _fire(self) -> None:
        with self.lock:
            if self.disarmed:
                return
            self.fired = True
            ctypes.pythonapi.PyThreadState_SetAsyncExc(
                ctypes.c_ulong(self.thread_id), ctypes.py_object(_Interrupt)
            )

    def disarm(self) -> None:
        """Stop the timer; clear an exception that fired but has not been raised yet."""
        with self.lock:
            self.disarmed = True
            self.timer.cancel()
            if self.fired:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(self.thread_id), None)


def _with_watchdog(func: Callable[[], T], timeout: float, message: str) -> T:
    """Time limit by an asynchronous exception (Dask runs tasks in worker threads)."""
    watchdog = _Watchdog(threading.get_ident(), timeout)
    finished = False
    try:
        try:
            watchdog.timer.start()
            result = func()
            finished = True
        finally:
            watchdog.disarm()
    except _Interrupt:
        if not finished:
            raise ArticleTimeoutError(message) from None
    return result
