"""Read a corpus: folders, globs, JSONL exports and WARC crawls, one :class:`Record` at a time.

Every input article becomes exactly one record with a stable ``id`` and a ``content_hash``;
input that cannot be read (a bad JSONL line, a truncated gzip WARC, a broken record) becomes an
*error record* (``error_kind`` set) instead of being dropped.

1. Folders are walked recursively (sorted, hidden entries skipped) for article files
   (``.txt``, ``.md``, ``.html``, ``.htm``) and container files (``.jsonl``, ``.warc``,
   ``.warc.gz``).
2. Globs (``*``, ``?``, ``[``) are expanded (``**`` recursive), sorted, each match read as in 1/3.
3. Files are read by extension: JSONL one article a line, WARC by its HTML response records,
   anything else as one article file.
"""

from __future__ import annotations

import dataclasses
import glob
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from newsfaq import settings
from newsfaq.errors import InputError, InputTooLargeError, SourceNotFoundError
from newsfaq.ingest.files import open_regular, read_regular

__all__ = [
    "ARTICLE_SUFFIXES",
    "Record",
    "iter_records",
    "resolve_inputs",
]

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
"""File extensions read as one article each when walking a folder."""

_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_GLOB_CHARS = re.compile(r"[*?\[]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True, slots=True)
class Record:
    """One input article (or one unreadable piece of input), small enough to send to a worker.

    Exactly one of ``text`` (plain text), ``html`` (an HTML string), ``data`` (raw bytes) is set,
    unless ``error_kind`` is set: then the record is an error record with ``error`` as message.
    """

    id: str
    source: str
    content_hash: str
    text: str | None = None
    html: str | None = None
    data: bytes | None = None
    content_type: str | None = None
    url: str | None = None
    title: str | None = None
    date: str | None = None
    error_kind: str | None = None
    error: str | None = None

    @property
    def is_error(self) -> bool:
        """True for a record that stands for unreadable input."""
        return self.error_kind is not None


def resolve_inputs(inputs: Sequence[str | Path]) -> list[Path]:
    """Expand globs and check that every input exists; raise a one-line error otherwise.

    >>> resolve_inputs(["/nonexistent-newsfaq-input"])
    Traceback (most recent call last):
    ...
    newsfaq.errors.SourceNotFoundError: /nonexistent-newsfaq-input: no such file or folder
    """
    if not inputs:
        raise InputError("no inputs given")
    paths: list[Path] = []
    for item in inputs:
        text = str(item)
        if isinstance(item, str) and _GLOB_CHARS.search(text) and not Path(text).exists():
            matches = sorted(glob.glob(os.path.expanduser(text), recursive=True))
            if not matches:
                raise SourceNotFoundError("no files match this pattern", source=text)
            paths.extend(Path(m) for m in matches)
            continue
        path = Path(text).expanduser()
        if not path.exists():
            raise SourceNotFoundError("no such file or folder", source=text)
        paths.append(path)
    return paths


def iter_records(inputs: Sequence[str | Path], *, exclude: Iterable[Path] = ()) -> Iterator[Record]:
    """Yield every article of ``inputs`` as a :class:`Record`, in a stable order.

    ``exclude``: folders not to walk (e.g. the batch output folder inside an input folder).
    Ids are unique within one call: a repeated id gets a ``#2``, ``#3``... suffix.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("Rain fell on Monday.")
    >>> [(r.id.endswith("a.txt"), r.data) for r in iter_records([d])]
    [(True, b'Rain fell on Monday.')]
    """
    skip = {p.resolve() for p in exclude}
    used: set[str] = set()
    for path in resolve_inputs(inputs):
        for record in _read_path(path, skip):
            unique = _unique_id(record.id, used)
            used.add(unique)
            yield record if unique == record.id else dataclasses.replace(record, id=unique)


def _unique_id(record_id: str, used: set[str]) -> str:
    """``record_id``, or the first ``record_id#N`` (N >= 2) not used yet: a repeated id never
    takes the id of another article (given ``x#2``, ``x``, ``x``: the second ``x`` is ``x#3``).

    >>> _unique_id("x", {"x", "x#2"})
    'x#3'
    """
    if record_id not in used:
        return record_id
    n = 2
    while f"{record_id}#{n}" in used:
        n += 1
    return f"{record_id}#{n}"


def _read_path(path: Path, skip: set[Path]) -> Iterator[Record]:
    """Records of one input path: a folder (walked) or a file (read by extension)."""
    if path.is_dir():
        yield from _walk(path, skip)
    else:
        yield from _read_file(path)


def _walk(root: Path, skip: set[Path]) -> Iterator[Record]:
    """Walk a folder recursively in sorted order, reading article and container files."""
    if root.resolve() in skip:
        return
    for dirpath, dirnames, filenames in os.walk(root):
        current = Path(dirpath)
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and (current / d).resolve() not in skip
        )
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            lower = name.lower()
            if lower.endswith(ARTICLE_SUFFIXES + _JSONL_SUFFIXES + _WARC_SUFFIXES):
                yield from _read_file(current / name)


def _read_file(path: Path) -> Iterator[Record]:
    """Records of one file, by extension: JSONL, WARC, or a single article."""
    lower = path.name.lower()
    if lower.endswith(_JSONL_SUFFIXES):
        yield from _read_jsonl(path)
    elif lower.endswith(_WARC_SUFFIXES):
        yield from _read_warc(path)
    else:
        yield _read_article_file(path)


def _hash(*parts: str | bytes | None) -> str:
    """SHA-256 over the parts, each length-prefixed so that boundaries cannot shift."""
    digest = hashlib.sha256()
    for part in parts:
        raw = b"" if part is None else part.encode("utf-8") if isinstance(part, str) else part
        digest.update(b"%d:" % len(raw) if part is not None else b"-:")
        digest.update(raw)
    return digest.hexdigest()


def _error(record_id: str, source: str, kind: str, message: str) -> Record:
    """An error record: its hash depends on where and what went wrong."""
    return Record(
        id=record_id,
        source=source,
        content_hash=_hash("error", source, kind, message),
        error_kind=kind,
        error=message,
    )


def _read_article_file(path: Path) -> Record:
    """One article file as a bytes record (decoding happens in the worker)."""
    source = path.as_posix()
    try:
        data = read_regular(path, settings.MAX_INPUT_BYTES)
    except InputError as exc:
        kind = "too_large" if isinstance(exc, InputTooLargeError) else "unreadable"
        return _error(source, source, kind, exc.message)
    return Record(
        id=source,
        source=source,
        content_hash=_hash("bytes", data),
        data=data,
    )


def _clean_date(value: Any) -> str | None:
    """An ISO date (YYYY-MM-DD) from a JSONL date field, or None."""
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.match(value.strip())
    return match.group(0) if match else None


def _opt_str(value: Any) -> str | None:
    """A non-empty string field, or None."""
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _read_jsonl(path: Path) -> Iterator[Record]:
    """One record per non-blank line: ``text`` or ``html`` plus optional id, url, title, date."""
    base = path.as_posix()
    try:
        fh = open_regular(path)
    except InputError as exc:
        yield _error(base, base, "unreadable", exc.message)
        return
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            yield _jsonl_record(raw, f"{base}:{lineno}")


def _jsonl_record(raw: bytes, where: str) -> Record:
    """Turn one JSONL line into a record (or an error record saying what is wrong)."""
    if len(raw) > settings.MAX_INPUT_BYTES:
        return _error(where, where, "too_large", f"line of {len(raw)} bytes is over the limit")
    try:
        obj = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return _error(where, where, "bad_jsonl", f"not a JSON object: {exc}")
    if not isinstance(obj, dict):
        return _error(where, where, "bad_jsonl", "not a JSON object")
    record_id = _opt_str(obj.get("id")) or where
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return _error(record_id, where, "bad_jsonl", "no string field 'text' or 'html'")
    url, title, date = _opt_str(obj.get("url")), _opt_str(obj.get("title")), obj.get("date")
    clean_date = _clean_date(date)
    if isinstance(text, str):
        content_hash = _hash("text", text, url, title, clean_date)
        return Record(
            id=record_id,
            source=where,
            content_hash=content_hash,
            text=text,
            url=url,
            title=title,
            date=clean_date,
        )
    assert isinstance(html, str)
    return Record(
        id=record_id,
        source=where,
        content_hash=_hash("html", html, url, title, clean_date),
        html=html,
        content_type="text/html",
        url=url,
        title=title,
        date=clean_date,
    )


def _read_warc(path: Path) -> Iterator[Record]:
    """HTML response (and resource) records of a WARC or WARC.gz file; damage becomes errors.

    1. Each record's payload is read in full; a payload shorter than its declared length
       (a cut-off file) is an error record.
    2. An exception from the reader stops the file with one error record at that offset.
    3. Bytes left after the last readable record (a truncated gzip member) are an error record.
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError as exc:  # pragma: no cover - warcio is in the batch extra
        from newsfaq.errors import MissingExtraError

        raise MissingExtraError("reading WARC files", "batch") from exc
    base = path.as_posix()
    try:
        fh: BinaryIO = open_regular(path)
    except InputError as exc:
        yield _error(base, base, "unreadable", exc.message)
        return
    size = os.fstat(fh.fileno()).st_size
    with fh:
        iterator = ArchiveIterator(fh)
        offset = 0
        try:
            for rec in iterator:
                offset = iterator.offset  # start of this record (get_record_offset reads it)
                record = _warc_record(rec, base, offset)
                if record is not None:
                    yield record
                iterator.read_to_end(rec)
                offset = iterator.offset
        except Exception as exc:  # warcio raises many types on damaged input
            where = f"{base}@{offset}"
            message = f"unreadable WARC data at offset {offset}: {type(exc).__name__}: {exc}"
            yield _error(where, where, "broken_warc", message.splitlines()[0][:300])
            return
        end = iterator.offset
        if end < size:
            fh.seek(end)
            rest = fh.read(64)
            if rest.strip():
                where = f"{base}@{end}"
                yield _error(
                    where,
                    where,
                    "truncated_warc",
                    f"truncated or unreadable WARC data: {size - end} bytes after offset {end}",
                )


def _warc_record(rec: Any, base: str, offset: int) -> Record | None:
    """A Record for one WARC record if it is an HTML article (None for other records)."""
    if rec.rec_type not in ("response", "resource"):
        return None
    ctype = ""
    if rec.http_headers is not None:
        status = rec.http_headers.get_statuscode() or ""
        if rec.rec_type == "response" and not str(status).startswith("2"):
            return None
        ctype = rec.http_headers.get_header("Content-Type") or ""
    elif rec.rec_type == "resource":
        ctype = rec.rec_headers.get_header("Content-Type") or ""
    mime = ctype.split(";")[0].strip().lower()
    if mime and mime not in _HTML_TYPES:
        return None
    url = rec.rec_headers.get_header("WARC-Target-URI")
    record_id = rec.rec_headers.get_header("WARC-Record-ID") or f"{base}@{offset}"
    where = f"{base}@{offset}"
    limit = settings.MAX_INPUT_BYTES
    try:
        payload = rec.content_stream().read(limit + 1)
    except Exception as exc:  # decoding errors of chunked / compressed payloads
        return _error(record_id, where, "broken_warc", f"unreadable payload: {exc}"[:300])
    if len(payload) > limit:
        return _error(record_id, where, "too_large", f"payload over the {limit}-byte limit")
    remaining = getattr(rec.raw_stream, "limit", 0)
    if remaining:
        return _error(
            record_id,
            where,
            "truncated_warc",
            f"record cut off: {remaining} of its declared bytes are missing",
        )
    if not mime and payload.lstrip()[:1] != b"<":
        return None
    return Record(
        id=record_id,
        source=where,
        content_hash=_hash("warc", payload, url, ctype),
        data=payload,
        content_type=ctype or "text/html",
        url=url,
    )
