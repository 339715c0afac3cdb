"""Only regular files are read: devices and FIFOs are refused at once, reads are size-capped."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsfaq.errors import InputError, InputTooLargeError
from newsfaq.ingest.files import read_regular
from newsfaq.ingest.loader import load


def test_a_symlink_to_a_device_is_refused_without_reading(tmp_path: Path) -> None:
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    with pytest.raises(InputError, match=r"not a regular file \(a device\)"):
        load(link)
    with pytest.raises(InputError, match="device"):
        load(str(link))


@pytest.mark.timeout(20)
def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="FIFO"):
        load(fifo)  # before the fix: open() blocked forever waiting for a writer


def test_reads_are_capped_by_what_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 100)
    with pytest.raises(InputTooLargeError, match="over the limit of 10 bytes"):
        read_regular(path, 10)
    assert read_regular(path, 500) == b"word " * 100
