"""The server under careless or hostile input: one ingest path, deadlines, slow clients."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from newsfaq.web.server import create_app
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
