"""The command line as a user runs it: outputs, and one-line errors for every bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONUTF8": "1"}
ENV.pop("NEWSFAQ_DEBUG", None)


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsfaq", *args],
        input=stdin,
        capture_output=True,
        env=ENV,
        timeout=120,
        check=False,
    )


def assert_one_line_error(proc: subprocess.CompletedProcess[bytes], *needles: str) -> None:
    err = proc.stderr.decode()
    assert proc.returncode == 1, (proc.returncode, err)
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert lines[0].startswith("error:"), err
    for needle in needles:
        assert needle.lower() in err.lower(), (needle, err)
    assert proc.stdout == b""


def test_explain_markdown_to_stdout_and_json_to_file(tmp_path: Path) -> None:
    md = run("explain", str(ROOT / "examples" / "demo-article.txt"))
    assert md.returncode == 0, md.stderr.decode()
    assert md.stdout.decode().startswith("# Explainer")
    out = tmp_path / "demo.json"
    proc = run("explain", str(ROOT / "examples" / "demo-article.txt"), "-f", "json", "-o", str(out))
    assert proc.returncode == 0 and proc.stdout == b""
    doc = json.loads(out.read_text())
    assert doc["faq"] and doc["article"]["text"]
    assert [p.name for p in tmp_path.iterdir()] == ["demo.json"], "no temp file left behind"


def test_explain_reads_stdin() -> None:
    text = b"The ferry service between Port Ellis and Dunmore resumed on Friday after a strike."
    proc = run("explain", "-", "-f", "jsonld", stdin=text)
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["@type"] == "FAQPage"


def test_schema_command() -> None:
    proc = run("schema")
    doc = json.loads(proc.stdout)
    assert doc["x-schema-version"] and "faq" in doc["properties"]


def test_help_explains_itself() -> None:
    proc = run("explain", "--help")
    assert proc.returncode == 0
    for option in ("--format", "--out", "--questions", "--allow-private-urls", "--max-bytes"):
        assert option in proc.stdout.decode()


@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t \n", "empty"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
        ("bad.txt", b"\xff\xfe\x00\xd8" * 50 + b"\x81\x8d\x8f" * 100, ""),
    ],
)
def test_bad_inputs_give_one_line_errors(
    tmp_path: Path, name: str, content: bytes, needle: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert_one_line_error(run("explain", str(path)), needle)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert_one_line_error(run("explain", str(tmp_path / "nope.txt")), "nope.txt")
    assert_one_line_error(run("explain", str(tmp_path)))


def test_non_english_no_text_html_and_too_large() -> None:
    articles = ROOT / "tests" / "articles"
    assert_one_line_error(run("explain", str(articles / "non_english.txt")), "german")
    assert_one_line_error(run("explain", str(articles / "no_text.html")))
    assert_one_line_error(
        run("explain", str(articles / "feature.txt"), "--max-bytes", "1000"), "1000"
    )


def test_bad_option_values_are_refused() -> None:
    proc = run("explain", str(ROOT / "examples" / "demo-article.txt"), "-n", "0")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr.decode()
    proc = run("explain", str(ROOT / "examples" / "demo-article.txt"), "-f", "pdf")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr.decode()


def test_out_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    """--out writes through a private temporary file; the result is readable like any file
    the user creates (umask applies), and an existing file keeps its mode."""
    brief = str(ROOT / "tests" / "articles" / "brief.txt")
    fresh = tmp_path / "fresh.md"
    assert run("explain", brief, "--out", str(fresh)).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert fresh.stat().st_mode & 0o777 == 0o666 & ~umask
    kept = tmp_path / "kept.md"
    kept.write_text("old")
    kept.chmod(0o640)
    assert run("explain", brief, "--out", str(kept)).returncode == 0
    assert kept.stat().st_mode & 0o777 == 0o640 and kept.read_text() != "old"
