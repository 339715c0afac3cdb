"""Open input files safely: regular files only, read through a size cap.

A path that resolves (through symlinks) to a device (``/dev/zero``), a FIFO or a socket is
refused before it is read: a device can stream without end and a FIFO can block forever. The
file is opened with ``O_NONBLOCK`` so that even a FIFO swapped in after the first check cannot
hang the open, and checked again on the open descriptor (``fstat``).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from newsfaq.errors import InputError, InputTooLargeError, SourceNotFoundError

__all__ = ["open_regular", "read_regular"]


def _kind_of(mode: int) -> str:
    """A short name for a non-regular file type."""
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _refuse(mode: int, where: str) -> InputError:
    kind = _kind_of(mode)
    if kind == "a directory":
        return InputError("is a directory, not a file", source=where)
    return InputError(f"not a regular file ({kind}); only regular files are read", source=where)


def open_regular(path: Path) -> BinaryIO:
    """Open ``path`` for binary reading if it is (or links to) a regular file.

    Raises one-line :class:`InputError` subclasses for a missing file, a directory, a device,
    a FIFO or a socket, and for permission problems.

    >>> open_regular(Path("/dev/null"))  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    newsfaq.errors.InputError: /dev/null: not a regular file (a device); ...
    """
    where = str(path)
    try:
        mode = os.stat(path).st_mode  # follows symlinks
    except FileNotFoundError:
        raise SourceNotFoundError("no such file", source=where) from None
    except PermissionError:
        raise InputError("permission denied", source=where) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", source=where) from None
    if not stat.S_ISREG(mode):
        raise _refuse(mode, where)
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except PermissionError:
        raise InputError("permission denied", source=where) from None
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", source=where) from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):  # swapped for something else between the two checks
        os.close(fd)
        raise _refuse(mode, where)
    return os.fdopen(fd, "rb")


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, at most ``max_bytes`` (else :class:`InputTooLargeError`).

    The cap applies to what is read, not to the size ``stat`` reports.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes(b"Rain fell.")
    >>> read_regular(p, 100)
    b'Rain fell.'
    """
    where = str(path)
    with open_regular(path) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            raise InputTooLargeError(
                f"the file is {size} bytes, over the limit of {max_bytes} bytes", source=where
            )
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(f"cannot read the file: {exc.strerror or exc}", source=where) from None
    if len(data) > max_bytes:
        raise InputTooLargeError(f"the file is over the limit of {max_bytes} bytes", source=where)
    return data
