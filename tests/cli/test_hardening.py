"""The command line under careless or hostile input: one-line errors, never a hang or a crash."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.cli.test_cli import ENV, ROOT, assert_one_line_error

BRIEF = str(ROOT / "tests" / "articles" / "brief.txt")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    """``newsfaq ARGS`` in a subprocess; a hang fails the test after 60 s."""
    return subprocess.run(
        [sys.executable, "-m", "newsfaq", *args],
        input=stdin,
        capture_output=True,
        env=ENV,
        timeout=60,
        check=False,
    )


def test_fifo_and_device_arguments_are_refused_in_every_command(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    for bad, needle in ((str(fifo), "FIFO"), (str(zero), "device")):
        assert_one_line_error(run("explain", bad), needle)
        assert_one_line_error(run("audit", bad, BRIEF), needle)
        assert_one_line_error(run("audit", BRIEF, bad), needle)
        assert_one_line_error(run("ask", bad, "Who?"), needle)
        assert_one_line_error(run("ask", BRIEF, "--questions-file", bad), needle)


def test_stdin_is_still_read() -> None:
    text = b"The ferry service between Port Ellis and Dunmore resumed on Friday after a strike."
    proc = run("ask", "-", "When did the ferry service resume?", stdin=text)
    assert proc.returncode == 0, proc.stderr.decode()


def test_questions_file_has_the_server_caps(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Who won?\n" * 40_000)  # 360 kB
    assert_one_line_error(run("ask", BRIEF, "--questions-file", str(big)), "over the limit")
    many = tmp_path / "many.txt"
    many.write_text("".join(f"Who won game {i}?\n" for i in range(101)))
    assert_one_line_error(run("ask", BRIEF, "--questions-file", str(many)), "101 questions")
    long = tmp_path / "long.txt"
    long.write_text("Who " + "really " * 300 + "won?\n")
    assert_one_line_error(run("ask", BRIEF, "--questions-file", str(long)), "question 1")
    assert_one_line_error(run("ask", BRIEF, "Who " + "really " * 300 + "won?"), "1,000")


def test_unwritable_out_is_a_one_line_error_before_any_work(tmp_path: Path) -> None:
    from tests.corpus.test_hardening import read_only

    folder = tmp_path / "folder"
    folder.mkdir()
    for command in (["explain", BRIEF], ["audit", BRIEF, BRIEF], ["ask", BRIEF, "Who?"]):
        assert_one_line_error(run(*command, "-o", str(folder)), "is a folder")
        assert_one_line_error(run(*command, "-o", str(tmp_path / "no" / "x.md")), "not exist")
    with read_only(folder):
        assert_one_line_error(run("explain", BRIEF, "-o", str(folder / "x.md")), "output folder")
    existing = tmp_path / "x.md"
    existing.write_text("old")
    with read_only(existing):
        assert_one_line_error(run("explain", BRIEF, "-o", str(existing)), "not writable")
    assert existing.read_text() == "old"
