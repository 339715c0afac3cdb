"""``newsfaq batch`` end to end: process pool and Dask, nothing lost, resumable, searchable."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsfaq.cli import app
from newsfaq.corpus.inputs import Record, iter_records
from newsfaq.corpus.worker import process
from tests.corpus.test_corpus import ARTICLES, build_corpus

pytestmark = pytest.mark.slow

TOTAL, ERRORS = 14, 5


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], dict[str, str | None]]:
    """The mixed corpus (folder, JSONL, WARC.gz, truncated WARC.gz) and its expected outcome."""
    root = tmp_path_factory.mktemp("corpus")
    expected = build_corpus(root)
    inputs = [
        str(root / "docs"),
        str(root / "export.jsonl"),
        str(root / "*.warc.gz"),
    ]
    return inputs, expected


def batch(inputs: list[str], out: Path, *args: str) -> str:
    """Run ``newsfaq batch`` in-process; return the summary line (stdout)."""
    result = CliRunner().invoke(app, ["batch", *inputs, "--out", str(out), *args])
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout.strip()


def lines(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSONL file."""
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def by_id(path: Path) -> list[str]:
    """The lines of a JSONL file, sorted by id (for exact comparisons between runs)."""
    return sorted(path.read_text(encoding="utf-8").splitlines(), key=lambda x: json.loads(x)["id"])


@pytest.fixture(scope="module")
def reference(
    corpus: tuple[list[str], dict[str, str | None]], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """An uninterrupted run with two worker processes."""
    out = tmp_path_factory.mktemp("ref")
    summary = batch(corpus[0], out, "--workers", "2")
    assert summary.startswith(f"{TOTAL} articles: {TOTAL - ERRORS} explained, {ERRORS} errors, 0 ")
    return out


def check_complete(out: Path, expected: dict[str, str | None]) -> None:
    """Every input article is in exactly one output, with the expected outcome."""
    explained = lines(out / "explainers.jsonl")
    errors = lines(out / "errors.jsonl")
    ids = [x["id"] for x in explained] + [x["id"] for x in errors]
    assert len(ids) == len(set(ids)) == len(expected) == TOTAL
    assert {x["id"]: x["kind"] for x in errors} == {
        k: v for k, v in expected.items() if v is not None
    }
    for item in explained:
        assert item["source"] and len(item["content_hash"]) == 64
        ex = item["explainer"]
        assert ex["article"]["text"] and ex["faq"] and ex["key_points"]


def test_pool_run_loses_nothing(
    corpus: tuple[list[str], dict[str, str | None]], reference: Path
) -> None:
    check_complete(reference, corpus[1])
    table = pq.read_table(reference / "explainers.parquet")
    assert table.num_rows == TOTAL - ERRORS
    assert sorted(table.column("id").to_pylist()) == sorted(
        x["id"] for x in lines(reference / "explainers.jsonl")
    )
    db = sqlite3.connect(reference / "newsfaq.db")
    counts = {
        t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("articles", "facts", "faq_items", "key_points", "errors")
    }
    assert counts["articles"] == TOTAL - ERRORS and counts["errors"] == ERRORS
    assert counts["facts"] > 0 and counts["faq_items"] > 0 and counts["key_points"] > 0
    harbour = db.execute("SELECT title, url, date FROM articles WHERE id='j-harbour'").fetchone()
    assert harbour == ("Harbour deepening", "https://example.com/harbour", "2025-06-03")


def test_dask_local_gives_the_same_explainers(
    corpus: tuple[list[str], dict[str, str | None]], reference: Path, tmp_path: Path
) -> None:
    summary = batch(corpus[0], tmp_path, "--dask", "local", "--workers", "2")
    assert summary.startswith(f"{TOTAL} articles: {TOTAL - ERRORS} explained, {ERRORS} errors")
    check_complete(tmp_path, corpus[1])
    assert by_id(tmp_path / "explainers.jsonl") == by_id(reference / "explainers.jsonl")
    assert by_id(tmp_path / "errors.jsonl") == by_id(reference / "errors.jsonl")


def test_killed_run_resumed_in_steps_gives_the_same_result(
    corpus: tuple[list[str], dict[str, str | None]], reference: Path, tmp_path: Path
) -> None:
    cmd = [sys.executable, "-m", "newsfaq", "batch", *corpus[0], "--out", str(tmp_path)]
    proc = subprocess.Popen(
        [*cmd, "--workers", "1"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    target = tmp_path / "explainers.jsonl"
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and proc.poll() is None:
            if target.exists() and target.stat().st_size > 0:
                os.killpg(proc.pid, signal.SIGSTOP)  # freeze it at once, then inspect
                break
            time.sleep(0.005)
        assert proc.poll() is None, "the run ended before it could be interrupted"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    done_before = len(lines(target)) + len(lines(tmp_path / "errors.jsonl"))
    assert 1 <= done_before < TOTAL - 3
    with target.open("a", encoding="utf-8") as fh:  # a line torn by the kill
        fh.write('{"id": "j-floods", "source": "x", "content_hash": "abc", "expl')
    partial = batch(corpus[0], tmp_path, "--workers", "1", "--limit", "3")
    assert f"{done_before} skipped (already done), {TOTAL - done_before - 3} not started" in partial
    summary = batch(corpus[0], tmp_path, "--workers", "2")
    assert f"{done_before + 3} skipped (already done) in" in summary
    assert by_id(target) == by_id(reference / "explainers.jsonl")
    assert by_id(tmp_path / "errors.jsonl") == by_id(reference / "errors.jsonl")


def test_search_finds_a_fact_by_a_word_in_it(reference: Path) -> None:
    db = sqlite3.connect(reference / "newsfaq.db")
    text, article_id = db.execute(
        "SELECT text, article_id FROM facts WHERE article_id = 'j-harbour' ORDER BY idx"
    ).fetchone()
    word = max(text.split(), key=len).strip(".,;:'\"()")
    result = CliRunner().invoke(app, ["search", str(reference / "newsfaq.db"), word])
    assert result.exit_code == 0, result.output
    assert text in result.stdout and f"id {article_id}" in result.stdout
    odd = CliRunner().invoke(app, ["search", str(reference / "newsfaq.db"), 'harbour" OR (NEAR*'])
    assert odd.exit_code == 0, odd.output
    assert "j-harbour" in odd.stdout


def test_search_reports_bad_input_in_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["search", str(tmp_path / "none.db"), "harbour"])
    assert result.exit_code == 1
    assert "no such database" in result.output and "Traceback" not in result.output


def test_missing_input_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "nope"), "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "no such file or folder" in result.output


def _long_record() -> Record:
    return next(iter(iter_records([ARTICLES / "feature.txt"])))


def test_time_limit_in_main_thread_and_in_worker_thread() -> None:
    record = _long_record()
    assert process(record, timeout=60)["ok"]  # loads the pipeline; the article itself is fine
    main = process(record, timeout=0.02)
    assert (main["ok"], main["kind"]) == (False, "timeout")
    assert json.loads(main["line"])["message"].startswith("processing took longer than")
    box: dict[str, Any] = {}
    thread = threading.Thread(target=lambda: box.update(process(record, timeout=0.02)))
    thread.start()
    thread.join(60)
    assert (box["ok"], box["kind"]) == (False, "timeout")
    time.sleep(0.05)  # a late watchdog must not hit the thread after the limit was disarmed
    again = process(record, timeout=60)
    assert again["ok"]


def _crash_on_boom(record: Record) -> dict[str, Any]:
    """A task that kills its worker process on the record 'boom' (a segfault stand-in)."""
    if record.id == "boom":
        os._exit(3)
    return {"ok": True, "line": json.dumps({"id": record.id}), "kind": None}


def _no_warm_up() -> None:
    """Pool initializer for the crash test: the task needs no language pipeline."""


def test_a_worker_crash_loses_only_the_culprit(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsfaq.corpus import batch as batch_mod

    monkeypatch.setattr(batch_mod, "init_worker", _no_warm_up)
    ids = ["a", "b", "boom", "c", "d", "e", "f"]
    records = [Record(id=i, source=i, content_hash=i, text="x") for i in ids]
    got: dict[str, dict[str, Any]] = {}
    batch_mod._run_pool(iter(records), _crash_on_boom, lambda r, res: got.update({r.id: res}), 2)
    assert sorted(got) == sorted(ids)
    assert got["boom"]["kind"] == "worker_crashed" and not got["boom"]["ok"]
    assert all(got[i]["ok"] for i in ids if i != "boom")


def _hang_on_stuck(record: Record) -> dict[str, Any]:
    """A task that hangs where no alarm can reach it on the record 'stuck'."""
    if record.id == "stuck":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(120)
    return {"ok": True, "line": json.dumps({"id": record.id}), "kind": None}


def test_a_stuck_worker_is_killed_after_the_hard_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsfaq.corpus import batch as batch_mod

    monkeypatch.setattr(batch_mod, "init_worker", _no_warm_up)
    ids = ["a", "stuck", "b", "c"]
    records = [Record(id=i, source=i, content_hash=i, text="x") for i in ids]
    got: dict[str, dict[str, Any]] = {}
    started = time.monotonic()
    batch_mod._run_pool(
        iter(records), _hang_on_stuck, lambda r, res: got.update({r.id: res}), 2, hard_limit=1.5
    )
    assert time.monotonic() - started < 30
    assert sorted(got) == sorted(ids)
    assert got["stuck"]["kind"] == "timeout"
    assert "worker killed" in json.loads(got["stuck"]["line"])["message"]
    assert all(got[i]["ok"] for i in ids if i != "stuck")


def test_timeouts_are_errors_and_retry_errors_redoes_them(
    corpus: tuple[list[str], dict[str, str | None]], reference: Path, tmp_path: Path
) -> None:
    docs = corpus[0][:1]
    first = batch(docs, tmp_path, "--workers", "1", "--timeout", "0.001")
    assert first.startswith("6 articles: 0 explained, 6 errors")
    kinds = sorted(x["kind"] for x in lines(tmp_path / "errors.jsonl"))
    assert kinds == ["binary", "empty", "timeout", "timeout", "timeout", "timeout"]
    assert "6 skipped" in batch(docs, tmp_path, "--workers", "1")
    again = batch(docs, tmp_path, "--workers", "1", "--retry-errors")
    assert again.startswith("6 articles: 4 explained, 2 errors, 0 skipped")
    errors = lines(tmp_path / "errors.jsonl")
    assert sorted(x["kind"] for x in errors) == ["binary", "empty"]
    ref = {x["id"]: x for x in lines(reference / "explainers.jsonl")}
    for item in lines(tmp_path / "explainers.jsonl"):
        assert item == ref[item["id"]]
