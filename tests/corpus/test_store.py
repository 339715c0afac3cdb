"""Batch outputs: crash-safe JSONL appends, Parquet and SQLite rebuilds, FTS5 search."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsfaq.corpus.inputs import Record
from newsfaq.corpus.store import (
    ResultStore,
    build_parquet,
    build_sqlite,
    compact_errors,
    fts_query,
    read_jsonl,
    repair_jsonl,
    search,
)
from newsfaq.corpus.worker import process
from newsfaq.errors import InputError, NewsfaqError, SourceNotFoundError
from tests.corpus.test_corpus import HARBOUR, LIBRARY, VACCINE


def test_repair_cuts_a_torn_last_line(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    whole = '{"id": "a", "content_hash": "1"}\n{"id": "b", "content_hash": "2"}\n'
    path.write_text(whole + '{"id": "c", "content_ha')
    assert repair_jsonl(path) == 1
    assert path.read_text() == whole
    assert repair_jsonl(path) == 0


def test_repair_drops_damaged_lines_anywhere(tmp_path: Path) -> None:
    path = tmp_path / "e.jsonl"
    path.write_text('{"id": "a", "content_hash": "1"}\nnot json\n{"no_id": 1}\n')
    assert repair_jsonl(path) == 2
    assert [o["id"] for o in read_jsonl(path)] == ["a"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_done_keys_survive_a_reopen_but_torn_lines_do_not(tmp_path: Path) -> None:
    store = ResultStore(tmp_path, fsync=True)
    store.add("a", "h1", '{"id":"a","content_hash":"h1","explainer":{}}', ok=True)
    store.add("b", "h2", '{"id":"b","content_hash":"h2","kind":"empty","message":"x"}', ok=False)
    store.close()
    with (tmp_path / "errors.jsonl").open("a") as fh:
        fh.write('{"id":"c","content_hash":"h3","kind":"emp')
    again = ResultStore(tmp_path)
    assert again.repaired == 1
    assert again.is_done("a", "h1") and again.is_done("b", "h2")
    assert not again.is_done("c", "h3")
    assert not again.is_done("a", "changed-content")
    again.close()
    assert (tmp_path / "errors.jsonl").read_text().endswith('"message":"x"}\n')


def test_output_path_that_is_a_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "f").write_text("x")
    with pytest.raises(InputError, match="not a folder"):
        ResultStore(tmp_path / "f")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """explainers.jsonl / errors.jsonl written from real worker results, plus the built stores."""
    out = tmp_path_factory.mktemp("store")
    store = ResultStore(out)
    records = [
        Record(id="harbour", source="h.txt", content_hash="1", text=HARBOUR, title="Harbour"),
        Record(id="library", source="l.txt", content_hash="2", text=LIBRARY),
        Record(id="vaccine", source="v.txt", content_hash="3", text="   "),
        Record(id="vaccine", source="v.txt", content_hash="4", text=VACCINE),  # fixed on a rerun
        Record(id="library", source="l.txt", content_hash="5", text=LIBRARY + " It has a cafe."),
    ]
    for record in records:
        result = process(record)
        store.add(record.id, record.content_hash, result["line"], ok=result["ok"])
    store.close()
    store.finalize()
    return out


def test_parquet_keeps_the_latest_line_of_each_article(outputs: Path) -> None:
    table = pq.read_table(outputs / "explainers.parquet")
    rows = {r["id"]: r for r in table.to_pylist()}
    assert sorted(rows) == ["harbour", "library", "vaccine"]
    assert rows["library"]["content_hash"] == "5"
    assert rows["harbour"]["title"] == "Harbour"
    assert rows["harbour"]["faq"] and rows["harbour"]["facts"] and rows["harbour"]["key_points"]
    full = json.loads(rows["harbour"]["explainer_json"])
    assert full["article"]["text"] == rows["harbour"]["text"]


def test_sqlite_tables_and_errors(outputs: Path) -> None:
    db = sqlite3.connect(outputs / "newsfaq.db")
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    # the empty 'vaccine' was explained on a later run: it is no longer an error
    assert db.execute("SELECT count(*) FROM errors").fetchone()[0] == 0
    assert (outputs / "errors.jsonl").read_text() == ""
    n_facts = db.execute("SELECT count(*) FROM facts WHERE article_id='harbour'").fetchone()[0]
    explainer = json.loads(
        db.execute("SELECT explainer_json FROM articles WHERE id='harbour'").fetchone()[0]
    )
    assert n_facts == len(explainer["facts"]) > 0
    evidence = json.loads(db.execute("SELECT evidence FROM faq_items LIMIT 1").fetchone()[0])
    assert evidence and {"start", "end", "text"} <= set(evidence[0])


def test_rebuild_replaces_the_files_atomically(outputs: Path, tmp_path: Path) -> None:
    target = tmp_path / "newsfaq.db"
    target.write_text("old")
    assert build_sqlite(outputs / "explainers.jsonl", outputs / "errors.jsonl", target) == 3
    assert sqlite3.connect(target).execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    assert build_parquet(outputs / "explainers.jsonl", tmp_path / "x.parquet") == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["newsfaq.db", "x.parquet"]


def test_search_finds_facts_and_faq_with_sources(outputs: Path) -> None:
    hits = search(outputs / "newsfaq.db", "harbour channel")
    assert hits and all(h.article_id == "harbour" for h in hits)
    assert {h.kind for h in hits} <= {"fact", "faq"}
    assert hits[0].source == "h.txt" and hits[0].title == "Harbour"
    assert any("harbour" in (h.text + (h.answer or "")).lower() for h in hits)
    points = search(outputs / "newsfaq.db", "harbour", kinds=["key_point"])
    assert points and all(h.kind == "key_point" for h in points)
    # no item has both words: any word is enough then
    assert search(outputs / "newsfaq.db", "harbour qqqzzz")


@pytest.mark.parametrize(
    "query", ['"', "(harbour", "harbour*", "NEAR(a b)", "a OR", "-harbour", "col:harbour", "'"]
)
def test_search_survives_fts5_syntax_in_queries(outputs: Path, query: str) -> None:
    hits = search(outputs / "newsfaq.db", query + " harbour")
    assert "harbour" in {h.article_id for h in hits}


def test_search_errors(outputs: Path, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no words"):
        search(outputs / "newsfaq.db", "?! ()")
    with pytest.raises(SourceNotFoundError):
        search(tmp_path / "none.db", "harbour")
    (tmp_path / "junk.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(NewsfaqError, match="not a newsfaq batch database"):
        search(tmp_path / "junk.db", "harbour")


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('a "b" c') == '"a" "b" "c"'
    assert fts_query("x y", any_word=True) == '"x" OR "y"'


def test_compact_errors_keeps_the_latest_unexplained_line(tmp_path: Path) -> None:
    errors, explainers = tmp_path / "errors.jsonl", tmp_path / "explainers.jsonl"
    rows = [("a", "timeout"), ("b", "empty"), ("a", "internal"), ("c", "timeout")]
    errors.write_text(
        "".join(json.dumps({"id": i, "content_hash": i, "kind": k}) + "\n" for i, k in rows)
    )
    explainers.write_text(json.dumps({"id": "c", "content_hash": "c"}) + "\n")
    assert compact_errors(errors, explainers) == 2
    assert [(o["id"], o["kind"]) for o in read_jsonl(errors)] == [("b", "empty"), ("a", "internal")]
    assert compact_errors(errors, explainers) == 0
