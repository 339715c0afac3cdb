"""``newsfaq batch`` and ``newsfaq search`` under careless or hostile input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsfaq.corpus.inputs import iter_records


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
