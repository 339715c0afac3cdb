"""Batch outputs: append-only JSONL files, then Parquet and an SQLite (FTS5) store built from them.

1. ``explainers.jsonl`` and ``errors.jsonl`` are the record of truth. Each line is appended with
   one ``write`` and fsynced; on start a trailing partial line (from a kill) is cut off and any
   unparsable line dropped, so a rerun trusts only whole lines.
2. ``explainers.parquet`` and ``newsfaq.db`` are rebuilt from the JSONL files at the end of a run,
   into a temporary file renamed over the old one.
3. :func:`search` queries the FTS5 index of facts, FAQ items and key points.
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from newsfaq import settings
from newsfaq.atomic import atomic_path
from newsfaq.errors import InputError, NewsfaqError, SourceNotFoundError

__all__ = [
    "DB_NAME",
    "ERRORS_NAME",
    "EXPLAINERS_NAME",
    "LOCK_NAME",
    "PARQUET_NAME",
    "JsonlAppender",
    "ResultStore",
    "SearchHit",
    "build_parquet",
    "build_sqlite",
    "compact_errors",
    "fts_query",
    "read_jsonl",
    "repair_jsonl",
    "search",
]

EXPLAINERS_NAME = "explainers.jsonl"
ERRORS_NAME = "errors.jsonl"
PARQUET_NAME = "explainers.parquet"
DB_NAME = "newsfaq.db"
LOCK_NAME = ".newsfaq.lock"
"""The lock file of an output folder: one batch run writes to a folder at a time."""
_OUTPUT_NAMES = (EXPLAINERS_NAME, ERRORS_NAME, PARQUET_NAME, DB_NAME)

_ROW_GROUP = 256


def repair_jsonl(path: Path) -> int:
    """Make ``path`` hold only whole, parsable JSON lines; return how many lines were dropped.

    A trailing partial line is truncated away in place; a damaged line elsewhere makes the
    file be rewritten (temp file + rename) without it.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "x.jsonl"
    >>> _ = p.write_text('{"id": 1, "content_hash": "a"}\\n{"id": 2')
    >>> repair_jsonl(p), p.read_text()
    (1, '{"id": 1, "content_hash": "a"}\\n')
    """
    if not path.exists():
        return 0
    dropped = 0
    with path.open("rb+") as fh:
        fh.seek(0, os.SEEK_END)
        size = fh.tell()
        if size:
            fh.seek(size - 1)
            if fh.read(1) != b"\n":
                keep = _last_newline_end(fh, size)
                fh.truncate(keep)
                fh.flush()
                os.fsync(fh.fileno())
                dropped += 1
    bad = 0
    with path.open("rb") as fh:
        for raw in fh:
            if raw.strip() and not _parses(raw):
                bad += 1
    if bad:
        _rewrite_valid(path)
    return dropped + bad


def _last_newline_end(fh: BinaryIO, size: int) -> int:
    """Offset just after the last newline of an open file (0 if none)."""
    pos = size
    block = 65536
    while pos > 0:
        start = max(0, pos - block)
        fh.seek(start)
        chunk = fh.read(pos - start)
        idx = chunk.rfind(b"\n")
        if idx >= 0:
            return start + idx + 1
        pos = start
    return 0


def _parses(raw: bytes) -> bool:
    """True for a line holding a JSON object with an id and a content hash."""
    try:
        obj = json.loads(raw)
    except ValueError:
        return False
    return isinstance(obj, dict) and "id" in obj and "content_hash" in obj


def _rewrite_valid(path: Path) -> None:
    """Rewrite ``path`` keeping only parsable lines (atomically)."""
    with atomic_path(path) as tmp, tmp.open("wb") as out, path.open("rb") as src:
        for raw in src:
            if raw.strip() and _parses(raw):
                out.write(raw)


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Yield the JSON objects of a JSONL file (none if it does not exist)."""
    if not path.exists():
        return
    with path.open("rb") as fh:
        for raw in fh:
            if raw.strip():
                obj = json.loads(raw)
                if isinstance(obj, dict):
                    yield obj


class JsonlAppender:
    """Appends whole lines to a file: one ``write`` per line, then ``fsync``."""

    def __init__(self, path: Path, *, fsync: bool = True) -> None:
        self.path = path
        self.fsync = fsync
        self._fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def append(self, line: str) -> None:
        """Write ``line`` plus a newline and make it durable."""
        data = (line.rstrip("\n") + "\n").encode("utf-8")
        view = memoryview(data)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        if self.fsync:
            os.fsync(self._fd)

    def close(self) -> None:
        """Close the file (idempotent)."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


class ResultStore:
    """The output folder of a batch run: what is done, and appenders for new results.

    Opening it checks that the folder and its files can be written (before any work starts),
    takes an exclusive lock on the folder (a second run on it gets a one-line "busy" error) and
    removes temporary files a killed run left behind.

    >>> import tempfile
    >>> store = ResultStore(Path(tempfile.mkdtemp()))
    >>> line = '{"id":"a","source":"a","content_hash":"h","kind":"empty","message":"-"}'
    >>> store.add("a", "h", line, ok=False)
    >>> store.is_done("a", "h")
    True
    >>> store.close()
    """

    def __init__(self, out_dir: Path, *, fsync: bool = True, retry_errors: bool = False) -> None:
        _prepare_folder(out_dir)
        self.out_dir = out_dir
        self._lock = _lock_folder(out_dir)
        try:
            _remove_stale_temporaries(out_dir)
            self.fsync = fsync
            self.explainers_path = out_dir / EXPLAINERS_NAME
            self.errors_path = out_dir / ERRORS_NAME
            self.repaired = repair_jsonl(self.explainers_path) + repair_jsonl(self.errors_path)
            self.done: set[tuple[str, str]] = set()
            self.explained: dict[str, set[str]] = {}
            for obj in read_jsonl(self.explainers_path):
                key = str(obj["id"]), str(obj["content_hash"])
                self.done.add(key)
                self.explained.setdefault(key[0], set()).add(key[1])
            if not retry_errors:
                for obj in read_jsonl(self.errors_path):
                    self.done.add((str(obj["id"]), str(obj["content_hash"])))
            self._explainers = JsonlAppender(self.explainers_path, fsync=fsync)
            self._errors = JsonlAppender(self.errors_path, fsync=fsync)
        except BaseException:
            self._unlock()
            raise

    def is_done(self, record_id: str, content_hash: str) -> bool:
        """True if this article (same id, same content) is already in an output file."""
        return (record_id, content_hash) in self.done

    def add(self, record_id: str, content_hash: str, line: str, *, ok: bool) -> None:
        """Append one line to ``explainers.jsonl`` (``ok``) or ``errors.jsonl``; mark it done.

        An article explained by an earlier run that now fails loses its old explainer first
        (so a kill in between leaves it to be redone, never served stale).
        """
        if ok:
            self._explainers.append(line)
            self.explained.setdefault(record_id, set()).add(content_hash)
        else:
            if record_id in self.explained:
                self._retract(record_id)
            self._errors.append(line)
        self.done.add((record_id, content_hash))

    def _retract(self, record_id: str) -> None:
        """Remove the explainer lines of ``record_id`` from ``explainers.jsonl`` (atomically)."""
        self._explainers.close()
        _rewrite_without(self.explainers_path, record_id)
        self._explainers = JsonlAppender(self.explainers_path, fsync=self.fsync)
        for old_hash in self.explained.pop(record_id):
            self.done.discard((record_id, old_hash))

    def stop_appending(self) -> None:
        """Close both appenders (idempotent); the folder stays locked for :meth:`finalize`."""
        self._explainers.close()
        self._errors.close()

    def close(self) -> None:
        """Close both appenders and release the folder lock (idempotent)."""
        self.stop_appending()
        self._unlock()

    def _unlock(self) -> None:
        if self._lock >= 0:
            os.close(self._lock)
            self._lock = -1

    def finalize(self) -> int:
        """Compact ``errors.jsonl``; rebuild ``explainers.parquet`` and ``newsfaq.db``.

        Returns the number of articles stored (the same in Parquet and SQLite).
        """
        compact_errors(self.errors_path, self.explainers_path)
        rows = build_parquet(self.explainers_path, self.out_dir / PARQUET_NAME)
        stored = build_sqlite(self.explainers_path, self.errors_path, self.out_dir / DB_NAME)
        if rows != stored:  # pragma: no cover - both read the latest line of each id
            raise NewsfaqError(f"Parquet has {rows} articles but SQLite {stored}")
        return stored


def _prepare_folder(out_dir: Path) -> None:
    """Create ``out_dir`` and check that it and its output files can be written: one-line
    errors before any work starts (not an internal error after the first article)."""
    where = str(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise InputError("the output path exists and is not a folder", source=where)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(
            f"cannot create the output folder: {exc.strerror or exc}", source=where
        ) from None
    try:
        fd, probe = tempfile.mkstemp(prefix=".newsfaq.probe.", dir=out_dir)
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise InputError(
            f"the output folder is not writable: {exc.strerror or exc}", source=where
        ) from None
    for name in _OUTPUT_NAMES:
        path = out_dir / name
        if path.exists() and not os.access(path, os.W_OK):
            raise InputError("the output file is not writable", source=str(path))


def _lock_folder(out_dir: Path) -> int:
    """Take the exclusive lock of ``out_dir`` (fcntl); a one-line error if a run holds it."""
    fd = os.open(out_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        raise NewsfaqError(
            "the output folder is busy: another newsfaq batch run is writing to it",
            source=str(out_dir),
        ) from None
    return fd


def _remove_stale_temporaries(out_dir: Path) -> int:
    """Remove the temporary files of an earlier run killed while rebuilding (under the lock)."""
    removed = 0
    for name in _OUTPUT_NAMES:
        for tmp in out_dir.glob(f".{glob.escape(name)}.*.tmp"):
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
                removed += 1
    return removed


def _rewrite_without(path: Path, record_id: str) -> None:
    """Rewrite a JSONL file without the lines of ``record_id`` (atomically)."""
    with atomic_path(path) as tmp, tmp.open("wb") as out, path.open("rb") as src:
        for raw in src:
            if raw.strip() and str(json.loads(raw).get("id")) != record_id:
                out.write(raw)


def compact_errors(errors: Path, explainers: Path) -> int:
    """Keep one line per id in ``errors`` (the latest), none for ids explained since; atomic.

    Returns the number of lines dropped (the file is left untouched when there are none).
    """
    if not errors.exists():
        return 0
    explained = {str(obj["id"]) for obj in read_jsonl(explainers)}
    last: dict[str, int] = {}
    total = 0
    for i, obj in enumerate(read_jsonl(errors)):
        last[str(obj["id"])] = i
        total += 1
    keep = {i for key, i in last.items() if key not in explained}
    if len(keep) == total:
        return 0
    with atomic_path(errors) as tmp, tmp.open("wb") as out, errors.open("rb") as src:
        i = 0
        for raw in src:
            if not raw.strip():
                continue
            if i in keep:
                out.write(raw)
            i += 1
    return total - len(keep)


def _latest_lines(path: Path) -> Iterator[dict[str, Any]]:
    """Objects of a JSONL file, keeping only the last line of each id (two passes)."""
    last: dict[str, int] = {}
    for i, obj in enumerate(read_jsonl(path)):
        last[str(obj["id"])] = i
    for i, obj in enumerate(read_jsonl(path)):
        if last.get(str(obj["id"])) == i:
            yield obj


def _parquet_schema() -> Any:
    """The Parquet schema: flat article columns, nested lists of items, the full JSON."""
    import pyarrow as pa

    fact = pa.struct(
        [
            ("kind", pa.string()),
            ("text", pa.string()),
            ("normalized", pa.string()),
            ("attributed_to", pa.string()),
            ("key", pa.bool_()),
        ]
    )
    qa = pa.struct([("question", pa.string()), ("answer", pa.string()), ("kind", pa.string())])
    return pa.schema(
        [
            ("id", pa.string()),
            ("source", pa.string()),
            ("content_hash", pa.string()),
            ("title", pa.string()),
            ("author", pa.string()),
            ("date", pa.string()),
            ("site", pa.string()),
            ("url", pa.string()),
            ("credit", pa.string()),
            ("text", pa.string()),
            ("key_points", pa.list_(pa.string())),
            ("facts", pa.list_(fact)),
            ("faq", pa.list_(qa)),
            ("warnings", pa.list_(pa.string())),
            ("explainer_json", pa.string()),
        ]
    )


def _parquet_row(obj: dict[str, Any]) -> dict[str, Any]:
    """One Parquet row from one ``explainers.jsonl`` object."""
    ex = obj["explainer"]
    meta = ex["article"]["meta"]
    return {
        "id": obj["id"],
        "source": obj.get("source"),
        "content_hash": obj["content_hash"],
        "title": meta.get("title"),
        "author": meta.get("author"),
        "date": meta.get("date"),
        "site": meta.get("site"),
        "url": meta.get("url"),
        "credit": ex.get("credit"),
        "text": ex["article"]["text"],
        "key_points": [kp["text"] for kp in ex.get("key_points", [])],
        "facts": [
            {
                **{k: f.get(k) for k in ("kind", "text", "normalized", "attributed_to")},
                "key": bool(f.get("key", False)),
            }
            for f in ex.get("facts", [])
        ],
        "faq": [
            {"question": q["question"], "answer": q["answer"], "kind": q["kind"]}
            for q in ex.get("faq", [])
        ],
        "warnings": list(ex.get("warnings", [])),
        "explainer_json": json.dumps(ex, ensure_ascii=False, separators=(",", ":")),
    }


def build_parquet(explainers: Path, target: Path) -> int:
    """Write ``target`` (Parquet, row groups of 256) from ``explainers``; return the row count.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> build_parquet(d / "missing.jsonl", d / "x.parquet")
    0
    """
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:  # pragma: no cover - pyarrow is in the batch extra
        from newsfaq.errors import MissingExtraError

        raise MissingExtraError("Parquet output", "batch") from exc
    schema = _parquet_schema()
    rows = 0
    with atomic_path(target) as tmp, pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for obj in _latest_lines(explainers):
            batch.append(_parquet_row(obj))
            if len(batch) >= _ROW_GROUP:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                rows += len(batch)
                batch = []
        if batch or rows == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            rows += len(batch)
    return rows


_SCHEMA_SQL = """
CREATE TABLE articles (
    id TEXT PRIMARY KEY, source TEXT, content_hash TEXT NOT NULL, title TEXT, author TEXT,
    date TEXT, site TEXT, url TEXT, credit TEXT, text TEXT NOT NULL, explainer_json TEXT NOT NULL
);
CREATE TABLE key_points (
    article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL, text TEXT NOT NULL,
    score REAL, evidence TEXT NOT NULL, PRIMARY KEY (article_id, idx)
);
CREATE TABLE facts (
    article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL, kind TEXT NOT NULL,
    text TEXT NOT NULL, value REAL, unit TEXT, normalized TEXT, attributed_to TEXT,
    evidence TEXT NOT NULL, is_key INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (article_id, idx)
);
CREATE TABLE faq_items (
    article_id TEXT NOT NULL REFERENCES articles(id), idx INTEGER NOT NULL,
    question TEXT NOT NULL, answer TEXT NOT NULL, kind TEXT NOT NULL, score REAL,
    evidence TEXT NOT NULL, PRIMARY KEY (article_id, idx)
);
CREATE TABLE errors (
    id TEXT PRIMARY KEY, source TEXT, content_hash TEXT NOT NULL, kind TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE VIRTUAL TABLE search_index USING fts5(
    body, kind UNINDEXED, article_id UNINDEXED, idx UNINDEXED, tokenize = 'porter unicode61'
);
"""


def _evidence(item: dict[str, Any]) -> str:
    """The evidence spans of an item as a JSON string."""
    return json.dumps(item.get("evidence", []), ensure_ascii=False, separators=(",", ":"))


def _insert_explainer(db: sqlite3.Connection, obj: dict[str, Any]) -> None:
    """Insert one article with its items and their search-index rows."""
    aid = str(obj["id"])
    ex = obj["explainer"]
    meta = ex["article"]["meta"]
    db.execute(
        "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        (
            aid,
            obj.get("source"),
            obj["content_hash"],
            meta.get("title"),
            meta.get("author"),
            meta.get("date"),
            meta.get("site"),
            meta.get("url"),
            ex.get("credit"),
            ex["article"]["text"],
            json.dumps(ex, ensure_ascii=False, separators=(",", ":")),
        ),
    )
    index: list[tuple[str, str, str, int]] = []
    for i, kp in enumerate(ex.get("key_points", [])):
        db.execute(
            "INSERT INTO key_points VALUES (?,?,?,?,?)",
            (aid, i, kp["text"], kp.get("score"), _evidence(kp)),
        )
        index.append((kp["text"], "key_point", aid, i))
    for i, f in enumerate(ex.get("facts", [])):
        db.execute(
            "INSERT INTO facts VALUES (?,?,?,?,?,?,?,?,?,?)",
            (
                aid,
                i,
                f["kind"],
                f["text"],
                f.get("value"),
                f.get("unit"),
                f.get("normalized"),
                f.get("attributed_to"),
                _evidence(f),
                int(bool(f.get("key", False))),
            ),
        )
        body = " ".join(x for x in (f["text"], f.get("attributed_to")) if x)
        index.append((body, "fact", aid, i))
    for i, q in enumerate(ex.get("faq", [])):
        db.execute(
            "INSERT INTO faq_items VALUES (?,?,?,?,?,?,?)",
            (aid, i, q["question"], q["answer"], q["kind"], q.get("score"), _evidence(q)),
        )
        index.append((f"{q['question']}\n{q['answer']}", "faq", aid, i))
    db.executemany("INSERT INTO search_index VALUES (?,?,?,?)", index)


def build_sqlite(explainers: Path, errors: Path, target: Path) -> int:
    """Build ``target`` (SQLite + FTS5 index) from the JSONL outputs; return the article count.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> build_sqlite(d / "e.jsonl", d / "err.jsonl", d / "newsfaq.db")
    0
    """
    count = 0
    with atomic_path(target) as tmp:
        db = sqlite3.connect(tmp)
        try:
            db.execute("PRAGMA journal_mode=OFF")
            db.execute("PRAGMA synchronous=OFF")
            db.executescript(_SCHEMA_SQL)
            for obj in _latest_lines(explainers):
                _insert_explainer(db, obj)
                count += 1
            explained = {
                row[0] for row in db.execute("SELECT id FROM articles")
            }  # an article fixed on a rerun is no longer an error
            for obj in _latest_lines(errors):
                if str(obj["id"]) in explained:
                    continue
                db.execute(
                    "INSERT INTO errors VALUES (?,?,?,?,?)",
                    (
                        obj["id"],
                        obj.get("source"),
                        obj["content_hash"],
                        obj["kind"],
                        obj["message"],
                    ),
                )
            db.execute("INSERT INTO search_index(search_index) VALUES ('optimize')")
            db.commit()
        finally:
            db.close()
    return count


@dataclass(frozen=True)
class SearchHit:
    """One fact, FAQ item or key point that matches a search, with its article."""

    kind: str
    article_id: str
    source: str | None
    title: str | None
    url: str | None
    text: str
    answer: str | None
    score: float


def fts_query(query: str, *, any_word: bool = False) -> str:
    """Turn free text into a safe FTS5 query: each word quoted, all words (or any word) required.

    >>> fts_query('C++ "tanks" (NEAR) OR -x*')
    '"C" "tanks" "NEAR" "OR" "x"'
    """
    if len(query) > settings.MAX_SEARCH_CHARS:
        raise InputError(
            f"the search query is {len(query):,} characters, over the limit of "
            f"{settings.MAX_SEARCH_CHARS:,}"
        )
    words = re.findall(r"\w+", query)
    if not words:
        raise InputError("the search query has no words")
    if len(words) > settings.MAX_SEARCH_WORDS:
        raise InputError(
            f"the search query has {len(words)} words, over the limit of "
            f"{settings.MAX_SEARCH_WORDS}"
        )
    quoted = ['"' + w.replace('"', '""') + '"' for w in words]
    return (" OR " if any_word else " ").join(quoted)


def search(
    db: str | Path,
    query: str,
    limit: int = 10,
    *,
    kinds: Sequence[str] = ("fact", "faq"),
    story: str | None = None,
) -> list[SearchHit]:
    """Search facts and FAQ items (and key points, if asked) of a batch database.

    All words must match; if nothing does, any word may. Best matches (BM25) first.
    ``story``: only the articles of this story (``newsfaq stories``).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = build_sqlite(d / "e.jsonl", d / "err.jsonl", d / "newsfaq.db")
    >>> search(d / "newsfaq.db", "budget")
    []
    """
    path = Path(db)
    if not path.is_file():
        raise SourceNotFoundError("no such database", source=str(db))
    if limit < 1:
        raise InputError(f"limit must be at least 1, got {limit}")
    bad = set(kinds) - {"fact", "faq", "key_point"}
    if bad or not kinds:
        raise InputError(f"unknown kinds {sorted(bad)}; use fact, faq, key_point")
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)  # path %-quoted
    try:
        if story is not None and not _has_table(conn, "story_members"):
            raise InputError("this database has no stories; run `newsfaq stories` first")
        hits = _search(conn, fts_query(query), limit, kinds, story)
        if not hits and len(re.findall(r"\w+", query)) > 1:
            hits = _search(conn, fts_query(query, any_word=True), limit, kinds, story)
        return hits
    except sqlite3.DatabaseError as exc:
        raise NewsfaqError(f"not a newsfaq batch database: {exc}", source=str(db)) from None
    finally:
        conn.close()


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    """True if the database has a table of this name."""
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,))
    return row.fetchone() is not None


_HIT_SQL = {
    "fact": "SELECT text, NULL FROM facts WHERE article_id = ? AND idx = ?",
    "faq": "SELECT question, answer FROM faq_items WHERE article_id = ? AND idx = ?",
    "key_point": "SELECT text, NULL FROM key_points WHERE article_id = ? AND idx = ?",
}


def _search(
    conn: sqlite3.Connection,
    match: str,
    limit: int,
    kinds: Sequence[str],
    story: str | None = None,
) -> list[SearchHit]:
    """Run one FTS5 query and fetch each hit's item and article."""
    marks = ",".join("?" for _ in kinds)
    in_story = (
        " AND s.article_id IN (SELECT article_id FROM story_members WHERE story_id = ?)"
        if story is not None
        else ""
    )
    rows = conn.execute(
        "SELECT s.kind, s.article_id, s.idx, bm25(search_index) AS rank, a.source, a.title, a.url "
        "FROM search_index s JOIN articles a ON a.id = s.article_id "
        f"WHERE search_index MATCH ? AND s.kind IN ({marks}){in_story} ORDER BY rank LIMIT ?",
        (match, *kinds, *([story] if story is not None else []), limit),
    ).fetchall()
    hits: list[SearchHit] = []
    for kind, aid, idx, rank, source, title, url in rows:
        item = conn.execute(_HIT_SQL[kind], (aid, idx)).fetchone()
        if item is None:
            continue
        hits.append(
            SearchHit(
                kind=kind,
                article_id=aid,
                source=source,
                title=title,
                url=url,
                text=item[0],
                answer=item[1],
                score=-float(rank),
            )
        )
    return hits
