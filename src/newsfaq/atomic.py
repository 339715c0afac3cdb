"""Atomic file replacement: write beside the target, fsync, rename over it; never half a file."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["atomic_path", "fsync_path"]


def fsync_path(path: Path) -> None:
    """fsync a finished file before it is renamed into place."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _read_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


_UMASK = _read_umask()
"""The process umask, read once at import (reading it means setting it, which is not
thread-safe)."""


def _mode_for(target: Path) -> int:
    """The permissions the finished file gets: the target's own if it exists, else what a plain
    ``open()`` would give under the umask (a temporary file is private, 0600)."""
    try:
        return os.stat(target).st_mode & 0o777
    except FileNotFoundError:
        return 0o666 & ~_UMASK


@contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a fresh temporary path beside ``target``; on success it replaces ``target``.

    On an exception (or Ctrl-C) the temporary file is removed and ``target`` is untouched.

    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "out.txt"
    >>> with atomic_path(target) as tmp:
    ...     _ = tmp.write_text("done")
    >>> target.read_text(), sorted(p.name for p in target.parent.iterdir())
    ('done', ['out.txt'])
    """
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        fsync_path(tmp)
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
