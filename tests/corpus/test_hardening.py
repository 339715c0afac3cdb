"""``newsfaq batch`` and ``newsfaq search`` under careless or hostile input."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsfaq.corpus.batch import LogProgress, run_batch
from newsfaq.corpus.inputs import iter_records
from newsfaq.corpus.store import ResultStore, build_sqlite, search
from newsfaq.errors import InputError
from tests.cli.test_cli import ENV
from tests.corpus.test_corpus import FLOODS, HARBOUR, LIBRARY


@pytest.mark.timeout(30)
def test_devices_and_fifos_in_a_corpus_become_error_records(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Rain fell on Monday in Elmford.")
    (docs / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(docs / "pipe.txt")
    os.mkfifo(docs / "feed.jsonl")
    (docs / "crawl.warc").symlink_to("/dev/zero")
    records = {Path(r.id).name.split("@")[0]: r for r in iter_records([docs])}
    assert records["a.txt"].data == b"Rain fell on Monday in Elmford."
    assert records["zero.txt"].error_kind == "unreadable"
    assert "device" in (records["zero.txt"].error or "")
    assert "FIFO" in (records["pipe.txt"].error or "")
    assert "FIFO" in (records["feed.jsonl"].error or "")
    assert "device" in (records["crawl.warc"].error or "")
    fifo_given = list(iter_records([docs / "pipe.txt"]))
    assert [r.error_kind for r in fifo_given] == ["unreadable"]


# --------------------------------------------------------------------------- batch runs


def batch_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """``newsfaq batch ARGS`` (or ``search``) in a subprocess, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "newsfaq", *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=300,
        check=False,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[str], needle: str) -> None:
    assert proc.returncode == 1, (proc.returncode, proc.stderr)
    lines = [x for x in proc.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), proc.stderr
    assert needle.lower() in proc.stderr.lower(), (needle, proc.stderr)


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make ``path`` unwritable even for root (the immutable flag; chmod for other users)."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if subprocess.run(["chattr", "+i", str(path)], capture_output=True, check=False).returncode:
        pytest.skip("cannot make a file read-only here (chattr +i refused)")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


def small_corpus(root: Path) -> Path:
    docs = root / "docs"
    docs.mkdir()
    (docs / "harbour.txt").write_text(HARBOUR)
    (docs / "floods.txt").write_text(FLOODS)
    return docs


def test_a_second_run_on_the_same_folder_is_told_it_is_busy(tmp_path: Path) -> None:
    docs = small_corpus(tmp_path)
    out = tmp_path / "out"
    holder = ResultStore(out)  # a run in progress holds the folder
    try:
        assert_one_line_error(batch_cli("batch", str(docs), "--out", str(out)), "busy")
        assert (out / "explainers.jsonl").read_text() == ""
    finally:
        holder.close()
    again = batch_cli("batch", str(docs), "--out", str(out), "--workers", "1")
    assert again.returncode == 0, again.stderr
    assert again.stdout.startswith("2 articles: 2 explained")


def test_unwritable_outputs_are_one_line_errors_before_any_work(tmp_path: Path) -> None:
    docs = small_corpus(tmp_path)
    a_file = tmp_path / "file"
    a_file.write_text("x")
    assert_one_line_error(batch_cli("batch", str(docs), "--out", str(a_file / "out")), "output")
    locked = tmp_path / "locked"
    locked.mkdir()
    with read_only(locked):
        assert_one_line_error(batch_cli("batch", str(docs), "--out", str(locked)), "writable")
    out = tmp_path / "out"
    out.mkdir()
    (out / "explainers.jsonl").write_text("")
    (out / "newsfaq.db").write_text("")
    for name in ("explainers.jsonl", "newsfaq.db"):
        with read_only(out / name):
            proc = batch_cli("batch", str(docs), "--out", str(out))
            assert_one_line_error(proc, "not writable")
    assert (out / "explainers.jsonl").read_text() == "", "nothing appended before the error"


def test_colliding_ids_are_made_unique_and_all_stored(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    rows = [("x#2", HARBOUR), ("x", FLOODS), ("x", LIBRARY)]
    feed.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows))
    assert [r.id for r in iter_records([feed])] == ["x#2", "x", "x#3"]
    out = tmp_path / "out"
    summary = run_batch([feed], out, workers=1, progress=LogProgress(every=1e9))
    assert summary.explained == summary.stored == 3
    assert pq.read_table(out / "explainers.parquet").num_rows == 3
    db = sqlite3.connect(out / "newsfaq.db")
    assert sorted(r[0] for r in db.execute("SELECT id FROM articles")) == ["x", "x#2", "x#3"]


def test_an_article_that_fails_on_a_rerun_is_an_error_and_leaves_the_database(
    tmp_path: Path,
) -> None:
    docs = small_corpus(tmp_path)
    out = tmp_path / "out"
    first = run_batch([docs], out, workers=1, progress=LogProgress(every=1e9))
    assert first.explained == 2
    (docs / "floods.txt").write_text("")  # the article is emptied
    second = run_batch([docs], out, workers=1, progress=LogProgress(every=1e9))
    assert (second.explained, second.errors, second.skipped, second.stored) == (0, 1, 1, 1)
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert [(Path(e["id"]).name, e["kind"]) for e in errors] == [("floods.txt", "empty")]
    explained = [json.loads(x)["id"] for x in (out / "explainers.jsonl").read_text().splitlines()]
    assert [Path(i).name for i in explained] == ["harbour.txt"]
    db = sqlite3.connect(out / "newsfaq.db")
    assert [Path(r[0]).name for r in db.execute("SELECT id FROM articles")] == ["harbour.txt"]
    assert [Path(r[0]).name for r in db.execute("SELECT id FROM errors")] == ["floods.txt"]
    (docs / "floods.txt").write_text(FLOODS)  # fixed again: explained again, error gone
    third = run_batch([docs], out, workers=1, progress=LogProgress(every=1e9))
    assert (third.explained, third.errors, third.stored) == (1, 0, 2)
    assert (out / "errors.jsonl").read_text() == ""


def test_temporary_files_of_a_killed_rebuild_are_removed(tmp_path: Path) -> None:
    docs = small_corpus(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    stale = [out / ".newsfaq.db.k2j3h4.tmp", out / ".explainers.parquet.a8b9.tmp"]
    for path in stale:
        path.write_bytes(b"\0" * 1000)
    (out / ".other.tmp").write_text("not ours")
    run_batch([docs], out, workers=1, progress=LogProgress(every=1e9))
    assert not any(p.exists() for p in stale)
    assert (out / ".other.tmp").exists()


@pytest.mark.parametrize("name", ["a#b", "c?d", "e%20f", "g?mode=rw#h"])
def test_search_opens_databases_whose_path_has_uri_characters(tmp_path: Path, name: str) -> None:
    folder = tmp_path / name
    folder.mkdir()
    db = folder / "newsfaq.db"
    build_sqlite(tmp_path / "none.jsonl", tmp_path / "none.jsonl", db)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert search(db, "harbour") == []
    assert sorted(p.name for p in tmp_path.rglob("*")) == before, "no stray files"


def test_search_queries_are_capped(tmp_path: Path) -> None:
    db = tmp_path / "newsfaq.db"
    build_sqlite(tmp_path / "none.jsonl", tmp_path / "none.jsonl", db)
    with pytest.raises(InputError, match="over the limit"):
        search(db, "harbour " * 10_000)
    with pytest.raises(InputError, match="33 words, over the limit of 32"):
        search(db, "w " * 33)
    assert search(db, "w " * 32) == []
    assert_one_line_error(batch_cli("search", str(db), "harbour " * 10_000), "over the limit")


def test_jsonl_text_takes_the_ingest_checks_of_a_file(tmp_path: Path) -> None:
    from newsfaq.corpus.worker import process

    feed = tmp_path / "feed.jsonl"
    rows = [
        {"id": "elf", "text": "\x7fELF\x02\x01\x01\x00" + HARBOUR},
        {"id": "js", "text": HARBOUR, "url": "javascript:alert(1)"},
        {"id": "ok", "text": HARBOUR, "url": "https://example.com/harbour"},
    ]
    feed.write_text("".join(json.dumps(r) + "\n" for r in rows))
    results = {r.id: process(r) for r in iter_records([feed])}
    assert (results["elf"]["ok"], results["elf"]["kind"]) == (False, "binary")
    urls = {
        k: json.loads(results[k]["line"])["explainer"]["article"]["meta"]["url"]
        for k in ("js", "ok")
    }
    assert urls == {"js": None, "ok": "https://example.com/harbour"}


def test_a_batch_over_devices_and_fifos_ends_with_error_lines(tmp_path: Path) -> None:
    docs = small_corpus(tmp_path)
    (docs / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(docs / "pipe.txt")
    out = tmp_path / "out"
    summary = run_batch([docs], out, workers=1, progress=LogProgress(every=1e9))
    assert (summary.explained, summary.errors) == (2, 2)
    errors = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert sorted(Path(e["id"]).name for e in errors) == ["pipe.txt", "zero.txt"]
