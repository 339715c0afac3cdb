"""The server under careless or hostile input: one ingest path, deadlines, slow clients."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
import uvicorn

from newsfaq.web.server import create_app
from newsfaq.web.slowclients import uvicorn_options
from tests.ingest.trickle import trickle_server
from tests.web.test_server import serve_in_thread

ELF = "\x7fELF\x02\x01\x01\x00" + "Officials said the new bridge would open on Monday. " * 5


@pytest.fixture(scope="module")
def quick_url() -> Iterator[str]:
    """A server that may fetch from loopback, with a 1.5 s request time limit."""
    with serve_in_thread(create_app(allow_private=True, request_timeout_s=1.5)) as url:
        yield url


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """A server with the default limits."""
    with serve_in_thread(create_app()) as url:
        yield url


@pytest.mark.timeout(60)
def test_a_trickling_source_is_cut_off_with_the_request(quick_url: str) -> None:
    with trickle_server(rate=8) as source:
        started = time.monotonic()
        r = httpx.post(f"{quick_url}/api/explain", json={"url": source.url}, timeout=30)
        assert r.status_code in (502, 504), r.text  # the fetch or the request hits the limit
        waited = time.monotonic() + 5
        while not source.closed_at and time.monotonic() < waited:
            time.sleep(0.05)
        assert source.closed_at, "the outbound connection was left open"
        assert source.closed_at[0] - started < 3.0


@pytest.mark.parametrize("path", ["/api/explain", "/api/ask", "/api/audit"])
def test_text_takes_the_same_binary_check_as_the_cli(app_url: str, path: str) -> None:
    body: dict[str, str] = {"text": ELF}
    if path == "/api/ask":
        body["question"] = "When will the bridge open?"
    if path == "/api/audit":
        body = {"original": ELF, "derived": "The bridge opens on Monday."}
    r = httpx.post(f"{app_url}{path}", json=body, timeout=30)
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "binary"
    r = httpx.post(f"{app_url}/api/explain", json={"html": "\x7fELF\x02" + "<p>x</p>" * 9})
    assert r.json()["error"] == "binary"


def test_jsonld_from_the_api_is_script_safe(app_url: str) -> None:
    from tests.render.test_hardening import HOSTILE

    r = httpx.post(f"{app_url}/api/explain?format=jsonld", json={"text": HOSTILE}, timeout=60)
    assert r.status_code == 200, r.text
    assert "<" not in r.text and ">" not in r.text
    assert "url" not in r.json()["isBasedOn"]


# --------------------------------------------------------------------------- slow clients


@contextmanager
def guarded_server(**app_options: Any) -> Iterator[tuple[str, int]]:
    """The app on uvicorn with the slow-client options of ``newsfaq serve`` (short limits)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(warm_up=False, **app_options),
        log_level="warning",
        **uvicorn_options(header_timeout_s=1.0, keep_alive_s=1.0),
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield "127.0.0.1", port
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def _closed_within(conn: socket.socket, seconds: float, drip: bytes = b"") -> float | None:
    """Drip ``drip`` a byte every 0.2 s until the server closes; the time it took, or None."""
    started = time.monotonic()
    conn.settimeout(0.2)
    i = 0
    while time.monotonic() - started < seconds:
        try:
            if i < len(drip):
                conn.send(drip[i : i + 1])
                i += 1
            data = conn.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            return time.monotonic() - started
        if data == b"":
            return time.monotonic() - started
        if b"408" in data.split(b"\r\n", 1)[0]:
            conn.settimeout(2)
            with contextlib.suppress(OSError):
                while conn.recv(65536):
                    pass
            return time.monotonic() - started
    return None


@pytest.mark.timeout(60)
def test_slowloris_heads_and_lying_bodies_are_timed_out() -> None:
    with guarded_server(body_timeout_s=1.0) as (host, port):
        slow_head = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n" + b"X-a: b\r\n" * 100
        with socket.create_connection((host, port)) as conn:
            took = _closed_within(conn, 8, drip=slow_head)
        assert took is not None and took < 3, took
        lie = (
            b"POST /api/explain HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: 1000\r\n\r\n" + b'{"text": "x'
        )
        with socket.create_connection((host, port)) as conn:
            conn.sendall(lie)
            took = _closed_within(conn, 8)
        assert took is not None and took < 3, took
        with socket.create_connection((host, port)) as conn:  # an idle connection
            took = _closed_within(conn, 8)
        assert took is not None and took < 3, took
        r = httpx.get(f"http://{host}:{port}/healthz")  # ordinary clients are served
        assert r.status_code == 200
