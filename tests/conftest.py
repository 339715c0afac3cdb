"""Shared fixtures: the shared example, the test articles, the spaCy pipeline, no network."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ARTICLES = Path(__file__).resolve().parent / "articles"
EXAMPLE = SHARED / "examples" / "rewrite-with-faq.txt"

_real_connect = socket.socket.connect


def _guarded_connect(self: socket.socket, address: Any) -> Any:
    """Allow loopback and Unix sockets only: tests never reach the network."""
    if isinstance(address, tuple) and address:
        host = str(address[0])
        try:
            ip = ipaddress.ip_address(host)
        except ValueError:
            ip = None
        if host != "localhost" and (ip is None or not ip.is_loopback):
            raise RuntimeError(f"network access blocked in tests: {address!r}")
    return _real_connect(self, address)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(socket.socket, "connect", _guarded_connect)


@pytest.fixture(scope="session")
def example_path() -> Path:
    """The real rewrite-with-FAQ page in ../shared/examples (read from there, never copied)."""
    if not EXAMPLE.exists():
        pytest.fail(f"missing shared example {EXAMPLE}: ../shared must sit beside the project")
    return EXAMPLE


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    """Folder of the test articles written for this project."""
    return ARTICLES


@pytest.fixture(scope="session")
def nlp() -> Iterator[Any]:
    """The real English spaCy pipeline (loaded once for the session)."""
    from newsfaq.text.nlp import get_nlp

    yield get_nlp()
