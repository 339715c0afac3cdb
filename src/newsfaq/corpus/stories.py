"""``newsfaq stories``: group a batch corpus into stories and find the original of each.

1. Read the explained articles of ``explainers.jsonl`` and fingerprint them in chunks
   (:func:`~newsfaq.corpus.fingerprint.fingerprint_many`) on a local process pool (in process
   for a small corpus) or on Dask: only band keys and term vectors come back.
2. Group (:mod:`newsfaq.corpus.grouping`): LSH buckets -> candidate pairs -> TF-IDF cosine.
3. For each story of two or more articles, read its members again and decide the original
   (:mod:`newsfaq.corpus.origin`).
4. Write ``stories`` and ``story_members`` into ``newsfaq.db`` (one transaction), and
   ``stories.parquet`` and ``stories-index.npz`` (the fingerprints, for ``newsfaq trace``)
   atomically.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import sqlite3
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from newsfaq.atomic import atomic_path
from newsfaq.corpus.fingerprint import Fingerprint, TextItem, fingerprint_many
from newsfaq.corpus.grouping import Grouping, group, story_id
from newsfaq.corpus.origin import MemberDoc, Origin, credited_outlet, find_original, outlet_key
from newsfaq.corpus.store import DB_NAME, EXPLAINERS_NAME, read_jsonl
from newsfaq.errors import InputError, MissingExtraError, NewsfaqError, SourceNotFoundError

__all__ = [
    "INDEX_NAME",
    "STORIES_PARQUET",
    "StoriesSummary",
    "StoryResult",
    "build_stories",
    "compute_stories",
    "load_members",
    "member_doc",
]

STORIES_PARQUET = "stories.parquet"
INDEX_NAME = "stories-index.npz"
_CHUNK = 64
_POOL_FROM = 400  # fewer articles than this are fingerprinted in process

_SQL = """
DROP TABLE IF EXISTS story_members;
DROP TABLE IF EXISTS stories;
CREATE TABLE stories (
    id TEXT PRIMARY KEY, size INTEGER NOT NULL, status TEXT NOT NULL, original_id TEXT,
    external_source TEXT, reasons TEXT NOT NULL, tree TEXT NOT NULL
);
CREATE TABLE story_members (
    story_id TEXT NOT NULL REFERENCES stories(id), article_id TEXT NOT NULL PRIMARY KEY,
    role TEXT NOT NULL, parent_id TEXT, similarity REAL, credits TEXT NOT NULL
);
CREATE INDEX story_members_story ON story_members(story_id);
"""


@dataclass
class StoryResult:
    """One story: its members, the original verdict and each member's similarity to it."""

    id: str
    members: list[str]
    origin: Origin
    similarity: dict[str, float]
    tree: dict[str, Any]

    def role(self, member: str) -> str:
        """'original', 'copy' (of a known original) or 'member'."""
        if self.origin.original == member:
            return "original"
        return "copy" if self.origin.status != "unknown" else "member"


@dataclass
class StoriesSummary:
    """Counts and timings of one ``newsfaq stories`` run."""

    articles: int = 0
    stories: int = 0
    multi: int = 0
    found: int = 0
    external: int = 0
    unknown: int = 0
    candidates: int = 0
    confirmed: int = 0
    fingerprint_s: float = 0.0
    group_s: float = 0.0
    origin_s: float = 0.0

    def line(self) -> str:
        """The one-line summary printed at the end."""
        return (
            f"{self.articles} articles: {self.stories} stories, {self.multi} with copies "
            f"(original found {self.found}, outside the corpus {self.external}, unknown "
            f"{self.unknown}); {self.candidates} candidate pairs, {self.confirmed} confirmed"
        )


def member_doc(obj: dict[str, Any]) -> MemberDoc:
    """A :class:`MemberDoc` from one ``explainers.jsonl`` object."""
    article = obj["explainer"]["article"]
    meta = article.get("meta", {})
    return MemberDoc(
        id=str(obj["id"]),
        text=article["text"],
        title=meta.get("title"),
        site=meta.get("site"),
        url=meta.get("url"),
        date=meta.get("date"),
        credit_line=article.get("credit_line"),
        has_faq=bool(article.get("appended_text")),
    )


def _items(explainers: Path) -> Iterator[TextItem]:
    """The explained articles as text items (the last line of each id wins)."""
    last: dict[str, int] = {}
    for i, obj in enumerate(read_jsonl(explainers)):
        last[str(obj["id"])] = i
    for i, obj in enumerate(read_jsonl(explainers)):
        aid = str(obj["id"])
        if last.get(aid) == i:
            article = obj["explainer"]["article"]
            lang = article.get("meta", {}).get("language") or "en"
            yield TextItem(aid, article["text"], lang)


def _chunks(items: Iterator[TextItem], size: int) -> Iterator[list[TextItem]]:
    chunk: list[TextItem] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def fingerprint_items(
    items: Iterator[TextItem], workers: int | None = None, dask: str | None = None
) -> list[Fingerprint]:
    """Fingerprints of all items, on a process pool of ``workers`` (1: in this process) or on
    Dask (``"local"``: a LocalCluster of ``workers`` processes; or a scheduler address)."""
    chunks = list(_chunks(items, _CHUNK))
    total = sum(len(c) for c in chunks)
    workers = workers or os.cpu_count() or 1
    if dask is not None:
        return _fingerprint_dask(chunks, dask, workers)
    if workers <= 1 or total < _POOL_FROM:
        return [fp for c in chunks for fp in fingerprint_many(c)]
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    out: list[Fingerprint] = []
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        for fps in pool.map(fingerprint_many, chunks):
            out.extend(fps)
    return out


def _fingerprint_dask(
    chunks: list[list[TextItem]], address: str, workers: int
) -> list[Fingerprint]:
    """One Dask task per chunk; the fingerprints come back in input order."""
    try:
        dist: Any = importlib.import_module("distributed")
    except ImportError as exc:  # pragma: no cover - distributed is in the batch extra
        raise MissingExtraError("--dask", "batch") from exc
    if address != "local" and not address.startswith(("tcp://", "tls://")):
        raise InputError(f"--dask must be 'local' or tcp://host:port, got {address!r}")
    cluster: Any = None
    if address == "local":
        cluster = dist.LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
    try:
        client = dist.Client(cluster if cluster is not None else address, timeout="15s")
    except (OSError, TimeoutError) as exc:
        if cluster is not None:
            cluster.close()
        raise NewsfaqError(f"cannot connect to the Dask scheduler: {exc}", source=address) from None
    try:
        futures = client.map(fingerprint_many, chunks, pure=False)
        return [fp for part in client.gather(futures) for fp in part]
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def compute_stories(
    docs: dict[str, MemberDoc], grouping: Grouping, fps: Sequence[Fingerprint]
) -> list[StoryResult]:
    """Origins and family trees of the grouped stories (``docs``: members of multi stories)."""
    results: list[StoryResult] = []
    for members in grouping.stories:
        ids = [fps[i].id for i in members]
        sid = story_id(ids)
        if len(ids) == 1:
            origin = find_original([docs[ids[0]]] if ids[0] in docs else [MemberDoc(ids[0], "")])
            results.append(StoryResult(sid, ids, origin, {ids[0]: 1.0}, {}))
            continue
        origin = find_original([docs[i] for i in ids])
        labels = {d: _label(docs[d]) for d in ids}
        sims = _similarity_to(origin.original, members, grouping, fps)
        results.append(StoryResult(sid, ids, origin, sims, origin.tree(labels)))
    return results


def _label(doc: MemberDoc) -> str:
    """How a member is named in a family tree (a site read from its credit line is not its own)."""
    credited = credited_outlet(doc.credit_line)
    site = (
        None if credited and doc.site and outlet_key(doc.site) == outlet_key(credited) else doc.site
    )
    where = site or doc.url or ""
    title = doc.title or doc.id
    return f"{title} ({where})" if where else title


def _similarity_to(
    original: str | None, members: list[int], grouping: Grouping, fps: Sequence[Fingerprint]
) -> dict[str, float]:
    """Each member's cosine to the original (to the first member when it is unknown)."""
    pivot = next((i for i in members if fps[i].id == original), members[0])
    return {fps[i].id: 1.0 if i == pivot else grouping.index.cosine(pivot, i) for i in members}


def load_members(explainers: Path, ids: set[str]) -> dict[str, MemberDoc]:
    """The member documents of the given ids (last line of each id wins)."""
    docs: dict[str, MemberDoc] = {}
    for obj in read_jsonl(explainers):
        if str(obj["id"]) in ids:
            docs[str(obj["id"])] = member_doc(obj)
    return docs


def build_stories(
    out_dir: Path, *, workers: int | None = None, dask: str | None = None
) -> StoriesSummary:
    """Group the batch corpus in ``out_dir`` into stories; write the tables and files.

    ``dask``: fingerprint on Dask (``"local"`` or a scheduler address) instead of a local pool.
    """
    out_dir = Path(out_dir).expanduser()
    explainers = out_dir / EXPLAINERS_NAME
    db = out_dir / DB_NAME
    if not explainers.is_file() or not db.is_file():
        raise SourceNotFoundError(
            "not a batch output folder (run `newsfaq batch` first)", source=str(out_dir)
        )
    if workers is not None and workers < 1:
        raise InputError(f"--workers must be at least 1, got {workers}")
    summary = StoriesSummary()
    t0 = time.perf_counter()
    fps = fingerprint_items(_items(explainers), workers, dask)
    t1 = time.perf_counter()
    grouping = group(fps)
    t2 = time.perf_counter()
    multi_ids = {fps[i].id for m in grouping.stories if len(m) > 1 for i in m}
    results = compute_stories(load_members(explainers, multi_ids), grouping, fps)
    t3 = time.perf_counter()
    write_db(db, results)
    write_parquet(out_dir / STORIES_PARQUET, results)
    save_index(out_dir / INDEX_NAME, fps)
    summary.articles, summary.stories = len(fps), len(results)
    summary.multi = sum(len(r.members) > 1 for r in results)
    for r in results:
        if len(r.members) > 1:
            setattr(summary, r.origin.status, getattr(summary, r.origin.status) + 1)
    summary.candidates, summary.confirmed = grouping.candidates, len(grouping.similarity)
    summary.fingerprint_s, summary.group_s, summary.origin_s = t1 - t0, t2 - t1, t3 - t2
    return summary


def _member_rows(r: StoryResult) -> Iterator[tuple[Any, ...]]:
    for m in r.members:
        parent = r.origin.parents.get(m) if len(r.members) > 1 else None
        credits = json.dumps(r.origin.credits.get(m, []), ensure_ascii=False)
        yield (r.id, m, r.role(m), parent, r.similarity.get(m), credits)


def write_db(db: Path, results: Sequence[StoryResult]) -> None:
    """Replace the ``stories`` and ``story_members`` tables of ``db`` in one transaction."""
    conn = sqlite3.connect(db)
    try:
        with conn:
            conn.executescript("BEGIN;" + _SQL)
            for r in results:
                conn.execute(
                    "INSERT INTO stories VALUES (?,?,?,?,?,?,?)",
                    (
                        r.id,
                        len(r.members),
                        r.origin.status if len(r.members) > 1 else "single",
                        r.origin.original,
                        r.origin.external,
                        json.dumps(r.origin.reasons, ensure_ascii=False),
                        json.dumps(r.tree, ensure_ascii=False),
                    ),
                )
                conn.executemany("INSERT INTO story_members VALUES (?,?,?,?,?,?)", _member_rows(r))
    finally:
        conn.close()


def write_parquet(target: Path, results: Sequence[StoryResult]) -> None:
    """``stories.parquet``: one row per member with its story's verdict."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        {
            "story_id": r.id,
            "story_size": len(r.members),
            "status": r.origin.status if len(r.members) > 1 else "single",
            "original_id": r.origin.original,
            "external_source": r.origin.external,
            "article_id": m,
            "role": row[2],
            "parent_id": row[3],
            "similarity": row[4],
            "reasons": json.dumps(r.origin.reasons, ensure_ascii=False),
        }
        for r in results
        for m, row in zip(r.members, _member_rows(r), strict=True)
    ]
    schema = pa.schema(
        [
            ("story_id", pa.string()),
            ("story_size", pa.int32()),
            ("status", pa.string()),
            ("original_id", pa.string()),
            ("external_source", pa.string()),
            ("article_id", pa.string()),
            ("role", pa.string()),
            ("parent_id", pa.string()),
            ("similarity", pa.float64()),
            ("reasons", pa.string()),
        ]
    )
    with atomic_path(target) as tmp:
        pq.write_table(pa.Table.from_pylist(rows, schema=schema), tmp, compression="zstd")


def save_index(target: Path, fps: Sequence[Fingerprint]) -> None:
    """The fingerprints (ids, band keys, term vectors) for ``newsfaq trace``."""
    width = max((len(fp.bands) for fp in fps), default=0)
    keys = np.zeros((len(fps), width), dtype=np.uint64)
    for i, fp in enumerate(fps):
        keys[i, : len(fp.bands)] = np.array(fp.bands, dtype=np.uint64)
    lengths = np.array([len(fp.term_ids) for fp in fps], dtype=np.int64)
    offsets = np.r_[0, np.cumsum(lengths)].astype(np.int64)
    term_ids = np.concatenate([fp.term_ids for fp in fps]) if fps else np.zeros(0, np.uint32)
    weights = np.concatenate([fp.term_weights for fp in fps]) if fps else np.zeros(0, np.float32)
    with atomic_path(target) as tmp, tmp.open("wb") as fh:
        np.savez(
            fh,
            ids=np.array([fp.id for fp in fps], dtype=object).astype(str),
            languages=np.array([fp.language for fp in fps], dtype=object).astype(str),
            words=np.array([fp.words for fp in fps], dtype=np.int64),
            keys=keys,
            offsets=offsets,
            term_ids=term_ids,
            term_weights=weights,
        )


def load_index(path: Path) -> list[Fingerprint]:
    """The fingerprints saved by :func:`save_index`."""
    with np.load(path, allow_pickle=False) as data:
        ids, langs, words = data["ids"], data["languages"], data["words"]
        keys, offsets = data["keys"], data["offsets"]
        term_ids, weights = data["term_ids"], data["term_weights"]
        return [
            Fingerprint(
                id=str(ids[i]),
                language=str(langs[i]),
                words=int(words[i]),
                term_ids=term_ids[offsets[i] : offsets[i + 1]],
                term_weights=weights[offsets[i] : offsets[i + 1]],
                bands=keys[i],
            )
            for i in range(len(ids))
        ]
