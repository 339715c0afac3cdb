"""Fetching URLs: a real HTTP server on 127.0.0.1, address checks, redirects, caps, timeouts."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from newsfaq.errors import BlockedAddressError, FetchError, InputTooLargeError
from newsfaq.ingest.fetch import FetchResult, check_url, fetch_url, is_public_address, resolve_host
from newsfaq.ingest.loader import load

ARTICLE_HTML = b"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour ferry returns | Coastline News</title>
<meta property="og:site_name" content="Coastline News">
<meta name="author" content="Ines Walcott">
<meta property="article:published_time" content="2025-10-02T07:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav>
<article><h1>Harbour ferry returns</h1>
<p>The Harbour Point ferry resumed service on Wednesday after a six-week repair of its engine,
the operator said.</p>
<p>The ferry carries about 1,200 passengers a day between the island and the mainland, and
its absence forced commuters onto a bus route that added 40 minutes to each trip.</p>
<p>"We are grateful for the patience of everyone who relies on this crossing," said operations
manager Dev Anand.</p>
</article>
<footer>Copyright 2025 Coastline News. All rights reserved.</footer>
</body></html>"""


class _Handler(BaseHTTPRequestHandler):
    """Routes: /article, /redirect/N (chain of N hops), /big, /missing, /slow, /bighead."""

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def _send(
        self, status: int, body: bytes, content_type: str = "text/html; charset=utf-8"
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/article":
            self._send(200, ARTICLE_HTML)
        elif path == "/host":
            self._send(200, self.headers.get("Host", "").encode(), "text/plain")
        elif path.startswith("/redirect/"):
            hops = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", "/article" if hops <= 1 else f"/redirect/{hops - 1}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/redirect-away":
            self.send_response(301)
            self.send_header("Location", "http://10.0.0.1/internal")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif path == "/big":
            # no Content-Length: the cap must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(64):
                self.wfile.write(b"word " * 2000)
        elif path == "/bighead":
            self._send(200, b"x" * 50_000, "text/plain")
        elif path == "/slow":
            time.sleep(3)
            self._send(200, ARTICLE_HTML)
        elif path == "/png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image/png")
        else:
            self._send(404, b"<html><body>not here</body></html>")


class _QuietServer(ThreadingHTTPServer):
    """A threading server that does not print client disconnects (the size-cap test)."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients hanging up mid-download is expected here."""


@dataclass
class Server:
    """A running local server and its base URL."""

    port: int

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    """A real ThreadingHTTPServer on 127.0.0.1 in a background thread."""
    httpd = _QuietServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(port=httpd.server_address[1])
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:2800:220:1:248:1893:25c8:1946", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.5", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
        ("240.0.0.1", False),
        ("255.255.255.255", False),
        ("::1", False),
        ("::", False),
        ("fe80::1", False),
        ("fc00::1", False),
        ("ff02::1", False),
        ("::ffff:127.0.0.1", False),
        ("::ffff:8.8.8.8", True),
        ("2002:7f00:1::", False),
        ("not an address", False),
    ],
)
def test_is_public_address(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def test_loopback_blocked_by_default(server: Server) -> None:
    with pytest.raises(BlockedAddressError, match=r"127\.0\.0\.1"):
        fetch_url(server.url("/article"))


def test_hostname_resolving_to_loopback_is_blocked(server: Server) -> None:
    # the check is on resolved addresses, not on the spelling of the host
    assert all(not is_public_address(a) for a in resolve_host("localhost", server.port))
    with pytest.raises(BlockedAddressError, match="localhost"):
        fetch_url(server.url("/article", host="localhost"))
    with pytest.raises(BlockedAddressError):
        load(server.url("/article", host="localhost"))


def test_allow_private_fetches_and_parses_article(server: Server) -> None:
    result = fetch_url(server.url("/article"), allow_private=True)
    assert isinstance(result, FetchResult)
    assert result.status == 200
    assert result.content == ARTICLE_HTML
    assert result.content_type is not None and result.content_type.startswith("text/html")

    article = load(server.url("/article"), allow_private=True)
    assert article.meta.title == "Harbour ferry returns"
    assert article.meta.site == "Coastline News"
    assert article.meta.author == "Ines Walcott"
    assert article.meta.date == "2025-10-02"
    assert article.meta.source == server.url("/article")
    assert article.text.startswith("The Harbour Point ferry resumed service on Wednesday")
    assert "Copyright" not in article.text and "Weather" not in article.text
    assert len(article.paragraphs) == 3


def test_localhost_allowed_keeps_host_header(server: Server) -> None:
    # the connection is pinned to the checked address but the Host header keeps the name
    result = fetch_url(server.url("/host", host="localhost"), allow_private=True)
    assert result.content.decode() == f"localhost:{server.port}"


def test_redirects_followed_within_limit(server: Server) -> None:
    result = fetch_url(server.url("/redirect/3"), allow_private=True, max_redirects=3)
    assert result.url == server.url("/article")
    assert result.redirects == [server.url(f"/redirect/{n}") for n in (3, 2, 1)]
    assert result.content == ARTICLE_HTML


def test_redirect_chain_over_limit(server: Server) -> None:
    with pytest.raises(FetchError, match="too many redirects") as info:
        fetch_url(server.url("/redirect/4"), allow_private=True, max_redirects=3)
    assert info.value.status == 302


def test_every_redirect_hop_is_checked(server: Server) -> None:
    # the first hop (127.0.0.1) is permitted explicitly; the redirect to 10.0.0.1 is not
    with pytest.raises(BlockedAddressError, match=r"10\.0\.0\.1"):
        fetch_url(server.url("/redirect-away"), allow_networks=["127.0.0.0/8"])
    assert fetch_url(server.url("/article"), allow_networks=["127.0.0.0/8"]).status == 200


def test_redirect_hop_to_private_network_blocked() -> None:
    # check_url is what every hop goes through
    with pytest.raises(BlockedAddressError, match=r"10\.0\.0\.1"):
        check_url("http://10.0.0.1/internal")
    assert check_url("http://10.0.0.1/internal", allow_private=True) == ["10.0.0.1"]


def test_size_cap_while_streaming(server: Server) -> None:
    with pytest.raises(InputTooLargeError, match="over the limit of 100000 bytes"):
        fetch_url(server.url("/big"), allow_private=True, max_bytes=100_000)


def test_size_cap_from_content_length(server: Server) -> None:
    with pytest.raises(InputTooLargeError, match="50000 bytes"):
        fetch_url(server.url("/bighead"), allow_private=True, max_bytes=10_000)
    with pytest.raises(InputTooLargeError):
        load(server.url("/bighead"), allow_private=True, max_bytes=10_000)


def test_http_404_is_fetch_error_with_status(server: Server) -> None:
    with pytest.raises(FetchError, match=r"HTTP error 404 \(Not Found\)") as info:
        fetch_url(server.url("/missing"), allow_private=True)
    assert info.value.status == 404
    assert str(info.value).count("\n") == 0


def test_timeout(server: Server) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch_url(server.url("/slow"), allow_private=True, timeout=0.3)
    assert time.monotonic() - started < 2.5


def test_binary_download_refused(server: Server) -> None:
    from newsfaq.errors import BinaryInputError

    with pytest.raises(BinaryInputError, match="PNG"):
        load(server.url("/png"), allow_private=True)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://127.0.0.1/file", "only http and https"),
        ("file:///etc/passwd", "only http and https"),
        ("http:///nohost", "no host"),
        ("http://127.0.0.1:99999/", "invalid URL"),
    ],
)
def test_bad_urls(url: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        fetch_url(url, allow_private=True)


def test_connection_refused_is_one_line_fetch_error(tmp_path: Path) -> None:
    import socket

    with socket.socket() as sock:  # find a free port, then close it so nothing listens
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(FetchError, match="could not connect") as info:
        fetch_url(f"http://127.0.0.1:{port}/", allow_private=True, timeout=2)
    assert "\n" not in str(info.value)


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1]:8080/",
        "http://0.0.0.0/",
        "http://169.254.169.254/latest/meta-data/",
        "http://192.168.0.1/admin",
        "https://[::ffff:127.0.0.1]/",
        "http://2130706433/",  # 127.0.0.1 as a decimal integer
    ],
)
def test_private_literals_blocked_before_connecting(url: str) -> None:
    with pytest.raises(BlockedAddressError):
        fetch_url(url)


@pytest.mark.timeout(30)
def test_total_deadline_holds_against_a_trickling_source() -> None:
    """8 bytes a second: each read is quick, so only a total deadline stops the download; the
    connection is closed with it (the server sees the hang-up within a second)."""
    from tests.ingest.trickle import trickle_server

    with trickle_server(rate=8) as source:
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"timed out after 1\.5 s"):
            fetch_url(source.url, allow_private=True, timeout=1.5)
        took = time.monotonic() - started
        assert took < 3.0, took
        waited = time.monotonic() + 3.0
        while not source.closed_at and time.monotonic() < waited:
            time.sleep(0.05)
        assert source.closed_at and source.closed_at[0] - started < 4.0
