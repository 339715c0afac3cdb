"""The REST API of ``newsfaq serve``, against real uvicorn servers on 127.0.0.1."""

from __future__ import annotations

import importlib
import importlib.util
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from newsfaq import settings
from newsfaq.web.server import STATIC_DIR, create_app
from tests.helpers import norm

ARTICLES = Path(__file__).resolve().parents[1] / "articles"

HTML_ARTICLE = """<!doctype html><html><head><title>Harbor Ferry Adds Night Service</title></head>
<body><article><h1>Harbor Ferry Adds Night Service</h1>
<p>The Harbor Ferry will add a night service from June 2, the port authority said on Monday.
The new boats will run every 40 minutes until 1 a.m., carrying up to 300 passengers each.</p>
<p>Port director Maria Okafor said the service would cost $1.2 million a year and would be paid
for by a new parking levy. Riders had asked for later crossings for years, she said.</p>
</article></body></html>"""


# --------------------------------------------------------------------------- servers


@contextmanager
def serve_in_thread(app: FastAPI) -> Iterator[str]:
    """Run ``app`` on uvicorn in a background thread on a free loopback port; yield its URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="session")
def base_url() -> Iterator[str]:
    """The default server: private addresses refused, default limits."""
    with serve_in_thread(create_app()) as url:
        yield url


@pytest.fixture(scope="module")
def private_url() -> Iterator[str]:
    """A server started with allow_private=True."""
    with serve_in_thread(create_app(allow_private=True)) as url:
        yield url


@pytest.fixture(scope="module")
def tight_url() -> Iterator[str]:
    """A server with a tiny body limit and time limit."""
    with serve_in_thread(
        create_app(max_body_bytes=200_000, request_timeout_s=0.05, max_pending=1)
    ) as url:
        yield url


class _Pages(BaseHTTPRequestHandler):
    """A local site: /article.html, /redirect?to=URL (302), anything else 404."""

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/article.html":
            body = HTML_ARTICLE.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif parts.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", parse_qs(parts.query)["to"][0])
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@contextmanager
def local_site(host: str) -> Iterator[str]:
    """Serve :class:`_Pages` on ``host`` (a loopback address) in a thread; yield its base URL."""
    httpd = ThreadingHTTPServer((host, 0), _Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """The local site on 127.0.0.1."""
    with local_site("127.0.0.1") as url:
        yield url


@pytest.fixture(scope="module")
def other_site() -> Iterator[str]:
    """The local site on 127.0.0.2 (another loopback address)."""
    with local_site("127.0.0.2") as url:
        yield url


def _article(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def _post(base: str, path: str, body: Any, **kw: Any) -> httpx.Response:
    return httpx.post(base + path, json=body, timeout=60, **kw)


def _assert_error(r: httpx.Response, status: int, kind: str | None = None) -> dict[str, Any]:
    """A JSON error with the given status (and kind), no traceback."""
    assert r.status_code == status, (r.status_code, r.text)
    assert r.headers["content-type"].startswith("application/json")
    body: dict[str, Any] = r.json()
    assert set(body) >= {"error", "message"}, body
    assert body["message"].strip()
    assert "Traceback" not in r.text and 'File "' not in r.text
    if kind is not None:
        assert body["error"] == kind, body
    return body


def _assert_spans(doc: dict[str, Any]) -> None:
    """Every evidence span of an explainer JSON indexes its article text (or, for the overview
    answered by the headline, the article's title)."""
    text = doc["article"]["text"]
    items = doc["faq"] + doc["key_points"] + doc["facts"]
    assert items
    for item in items:
        assert item["evidence"], item
        for span in item["evidence"]:
            source = text
            if span["source"] == "title":
                assert item.get("kind") == "overview", item
                source = doc["article"]["meta"]["title"]
            assert source[span["start"] : span["end"]] == span["text"]


# --------------------------------------------------------------------------- explain


def test_explain_text_returns_grounded_explainer(base_url: str) -> None:
    r = _post(base_url, "/api/explain", {"text": _article("brief.txt"), "n": 5, "key_points": 2})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["schema_version"] == settings.SCHEMA_VERSION
    assert doc["article"]["meta"]["title"] == "Bridge on Route 9 to Close for Repairs"
    assert 1 <= len(doc["faq"]) <= 5
    assert len(doc["key_points"]) <= 2
    _assert_spans(doc)
    for qa in doc["faq"]:
        assert norm(qa["answer"]) in norm(" ".join(s["text"] for s in qa["evidence"]))


def test_explain_html_input(base_url: str) -> None:
    r = _post(base_url, "/api/explain", {"html": HTML_ARTICLE})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert "<p>" not in doc["article"]["text"]
    assert "night service" in doc["article"]["text"]
    _assert_spans(doc)


def test_explain_markdown_and_jsonld_formats(base_url: str) -> None:
    body = {"text": _article("brief.txt")}
    md = _post(base_url, "/api/explain?format=md", body)
    assert md.status_code == 200, md.text
    assert md.headers["content-type"].startswith("text/markdown")
    assert md.text.lstrip().startswith("#")
    ld = _post(base_url, "/api/explain?format=jsonld", body)
    assert ld.status_code == 200, ld.text
    assert ld.headers["content-type"].startswith("application/ld+json")
    doc = json.loads(ld.text)
    assert doc["@type"] == "FAQPage"
    assert doc["mainEntity"]
    bad = _post(base_url, "/api/explain?format=html", body)
    _assert_error(bad, 422, "validation")


def test_explain_with_default_options(base_url: str) -> None:
    r = _post(base_url, "/api/explain", {"text": _article("politics.txt")})
    assert r.status_code == 200, r.text
    assert 1 <= len(r.json()["faq"]) <= settings.DEFAULT_FAQ_ITEMS


# --------------------------------------------------------------------------- request errors


def test_malformed_json_is_400(base_url: str) -> None:
    r = httpx.post(
        base_url + "/api/explain",
        content=b'{"text": "unfinished',
        headers={"content-type": "application/json"},
    )
    _assert_error(r, 400, "bad_json")


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({"text": "Rain fell.", "url": "https://example.com/a"}, "exactly one"),
        ({}, "exactly one"),
        ({"text": "Rain fell.", "colour": "red"}, "colour"),
        ({"text": "Rain fell.", "n": 0}, "body.n"),
        ({"text": "Rain fell.", "n": 31}, "body.n"),
        ({"text": "Rain fell.", "n": "5"}, "body.n"),
        ({"text": "Rain fell.", "key_points": 2.5}, "body.key_points"),
        ({"text": "Rain fell.", "key_points": True}, "body.key_points"),
        ({"text": 42}, "body.text"),
        ({"url": "ftp://example.com/a"}, "body.url"),
        # U+0085 is whitespace to some regex engines and not to others: refused by all
        ({"url": "https://\u0085news.example/a"}, "body.url"),
        ({"url": "https://news.example/a b"}, "body.url"),
        ([1, 2], "body"),
    ],
)
def test_invalid_requests_are_422(base_url: str, body: Any, needle: str) -> None:
    err = _assert_error(_post(base_url, "/api/explain", body), 422, "validation")
    assert needle in err["message"] + json.dumps(err.get("details")), err


def test_missing_body_is_422(base_url: str) -> None:
    _assert_error(httpx.post(base_url + "/api/explain"), 422, "validation")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("   \n  ", "empty"),
        (
            "Le conseil municipal a adopté lundi un budget de deux millions d'euros pour "
            "rénover les écoles de la ville, a annoncé la maire devant la presse locale.",
            "not_english",
        ),
    ],
)
def test_unreadable_article_is_422_with_its_kind(base_url: str, text: str, kind: str) -> None:
    _assert_error(_post(base_url, "/api/explain", {"text": text}), 422, kind)


def test_no_article_text_in_html_is_422(base_url: str) -> None:
    html = "<html><body><nav><a href='/'>Home</a></nav></body></html>"
    err = _assert_error(_post(base_url, "/api/explain", {"html": html}), 422)
    assert err["error"] in {"no_text", "empty"}


def test_article_over_text_limit_is_413(base_url: str) -> None:
    text = ("The council met on Monday and approved the budget. " * 5000)[
        : settings.MAX_TEXT_CHARS + 1000
    ]
    _assert_error(_post(base_url, "/api/explain", {"text": text}), 413, "too_large")


def test_declared_body_over_limit_is_413(tight_url: str) -> None:
    body = json.dumps({"text": "word " * 60_000}).encode()
    r = httpx.post(
        tight_url + "/api/explain", content=body, headers={"content-type": "application/json"}
    )
    err = _assert_error(r, 413, "too_large")
    assert "200,000" in err["message"]


def test_streamed_body_over_limit_is_413(tight_url: str) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(300):
            yield b"word " * 200
        yield b'"}'

    r = httpx.post(
        tight_url + "/api/explain", content=chunks(), headers={"content-type": "application/json"}
    )
    assert "content-length" not in r.request.headers  # chunked: only the stream count sees it
    _assert_error(r, 413, "too_large")


def test_slow_request_is_504_and_abandoned_work_still_counts(tight_url: str) -> None:
    paragraphs = _article("politics.txt").split("\n\n")
    long_text = "\n\n".join(paragraphs + paragraphs[1:] * 8)
    r = _post(tight_url, "/api/explain", {"text": long_text})
    err = _assert_error(r, 504, "timeout")
    assert "0.05" in err["message"]
    # The timed-out job's thread runs on and holds the only place (max_pending=1): 503.
    busy = _post(tight_url, "/api/explain", {"text": long_text})
    _assert_error(busy, 503, "busy")
    assert busy.headers["retry-after"] == "5"
    # Once that thread ends, the place is free again (the next request times out, not 503).
    deadline = time.monotonic() + 60
    while (r := _post(tight_url, "/api/explain", {"text": long_text})).status_code == 503:
        assert time.monotonic() < deadline, "the abandoned job never released its place"
        time.sleep(0.2)
    _assert_error(r, 504, "timeout")


def test_unexpected_failure_is_500_without_traceback(
    base_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fault injection: a bug inside the pipeline becomes a bare JSON 500."""
    explain_module = importlib.import_module("newsfaq.explain.pipeline")

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(explain_module, "explain_analysis", broken)
    r = _post(base_url, "/api/explain", {"text": _article("brief.txt")})
    err = _assert_error(r, 500, "internal")
    assert "secret" not in r.text and "RuntimeError" not in r.text
    assert err["message"] == "internal server error"


def test_unknown_path_and_method_are_json(base_url: str) -> None:
    _assert_error(httpx.get(base_url + "/api/nothing-here"), 404, "not_found")
    r = httpx.get(base_url + "/api/explain")
    _assert_error(r, 405, "method_not_allowed")
    assert "POST" in r.headers["allow"]


# --------------------------------------------------------------------------- URLs and SSRF


def test_url_to_loopback_is_403(base_url: str, site: str) -> None:
    err = _assert_error(
        _post(base_url, "/api/explain", {"url": site + "/article.html"}), 403, "blocked_address"
    )
    assert "127.0.0.1" in err["message"]
    r = _post(base_url, "/api/explain", {"url": "http://localhost:9/a"})
    _assert_error(r, 403, "blocked_address")


def test_redirect_into_loopback_is_403(
    base_url: str, site: str, other_site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """First hop allowed (127.0.0.2 treated as public for this test), second hop to 127.0.0.1."""
    fetch = importlib.import_module("newsfaq.ingest.fetch")
    real = fetch.is_public_address
    monkeypatch.setattr(fetch, "is_public_address", lambda a: str(a) == "127.0.0.2" or real(a))
    # Control: the first hop alone is fetched, so a 403 below comes from the redirect hop.
    ok = _post(base_url, "/api/explain", {"url": other_site + "/article.html"})
    assert ok.status_code == 200, ok.text
    assert ok.json()["article"]["meta"]["title"] == "Harbor Ferry Adds Night Service"
    target = site + "/article.html"
    r = _post(base_url, "/api/explain", {"url": f"{other_site}/redirect?to={target}"})
    err = _assert_error(r, 403, "blocked_address")
    assert "127.0.0.1" in err["message"]
    ask = _post(
        base_url,
        "/api/ask",
        {"url": f"{other_site}/redirect?to={target}", "question": "Who is Maria Okafor?"},
    )
    _assert_error(ask, 403, "blocked_address")


def test_allow_private_server_fetches_local_url(private_url: str, site: str) -> None:
    r = _post(private_url, "/api/explain", {"url": f"{site}/redirect?to={site}/article.html"})
    assert r.status_code == 200, r.text
    doc = r.json()
    assert doc["article"]["meta"]["title"] == "Harbor Ferry Adds Night Service"
    _assert_spans(doc)


def test_fetch_failures_are_502(private_url: str, site: str) -> None:
    _assert_error(_post(private_url, "/api/explain", {"url": site + "/missing"}), 502, "fetch")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    r = _post(private_url, "/api/explain", {"url": f"http://127.0.0.1:{closed}/a"})
    _assert_error(r, 502, "fetch")


# --------------------------------------------------------------------------- audit, ask, schema


def _has(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def test_audit(base_url: str) -> None:
    original = _article("brief.txt")
    derived = (
        "The Millrace Bridge will close for six weeks from March 24. "
        "The closure will last ten months."
    )
    r = _post(base_url, "/api/audit", {"original": original, "derived": derived})
    if not _has("newsfaq.audit.pipeline"):
        _assert_error(r, 501, "not_implemented")
        return
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["derived_text"] == derived
    assert report["claims"]
    verdicts = [c["verdict"] for c in report["claims"]]
    assert verdicts[0] == "supported"
    assert verdicts[-1] != "supported"
    assert sum(report["summary"].values()) == len(report["claims"])


def test_audit_validation(base_url: str) -> None:
    _assert_error(_post(base_url, "/api/audit", {"original": "x"}), 422, "validation")
    _assert_error(_post(base_url, "/api/audit", {"original": "", "derived": "y"}), 422)
    for body in (
        {"derived": "y"},
        {"original": "x", "original_url": "https://example.com/a", "derived": "y"},
        {"original": None, "original_url": "https://example.com/a", "derived": "y"},
        {"original_url": "ftp://example.com/a", "derived": "y"},
    ):
        _assert_error(_post(base_url, "/api/audit", body), 422, "validation")


def test_audit_original_from_url(base_url: str, private_url: str, site: str) -> None:
    body = {
        "original_url": f"{site}/article.html",
        "derived": "Maria Okafor said the service would cost $1.2 million a year. "
        "The new boats will carry up to 500 passengers each.",
    }
    _assert_error(_post(base_url, "/api/audit", body), 403, "blocked_address")
    r = _post(private_url, "/api/audit", body)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["article"]["meta"]["title"] == "Harbor Ferry Adds Night Service"
    verdicts = [c["verdict"] for c in report["claims"]]
    assert verdicts == ["supported", "contradicted"], report["claims"]


def test_ask(base_url: str) -> None:
    text = _article("brief.txt")
    question = "When will the Millrace Bridge close?"
    r = _post(base_url, "/api/ask", {"text": text, "question": question})
    if not _has("newsfaq.ask.answer"):
        _assert_error(r, 501, "not_implemented")
        return
    assert r.status_code == 200, r.text
    answer = r.json()
    assert answer["answerable"] is True
    assert "March 24" in (answer["text"] or "") + (answer["sentence"] or "")
    for span in answer["evidence"]:
        assert span["text"] in text
    r = _post(base_url, "/api/ask", {"text": text, "question": "What is the capital of France?"})
    assert r.status_code == 200, r.text
    assert r.json()["answerable"] is False
    assert r.json()["text"] == "The article does not say."


def test_ask_validation(base_url: str) -> None:
    _assert_error(_post(base_url, "/api/ask", {"text": "Rain fell."}), 422, "validation")
    r = _post(base_url, "/api/ask", {"text": "Rain fell.", "html": "<p>x</p>", "question": "Why?"})
    _assert_error(r, 422, "validation")


def test_schema_endpoint(base_url: str) -> None:
    r = httpx.get(base_url + "/api/schema")
    assert r.status_code == 200
    doc = r.json()
    assert doc["schema_version"] == settings.SCHEMA_VERSION
    assert {"faq", "facts", "key_points", "article"} <= set(doc["schema"]["properties"])


def test_openapi_documents_error_responses(base_url: str) -> None:
    spec = httpx.get(base_url + "/openapi.json").json()
    explain = spec["paths"]["/api/explain"]["post"]["responses"]
    assert {"200", "400", "403", "413", "422", "502", "503", "504"} <= set(explain)
    assert explain["422"]["content"]["application/json"]["schema"]["$ref"].endswith("ErrorBody")
    assert "/api/audit" in spec["paths"] and "/api/ask" in spec["paths"]


# --------------------------------------------------------------------------- concurrency


def test_healthz_answers_during_long_explain(base_url: str) -> None:
    paragraphs = _article("politics.txt").split("\n\n")
    long_text = "\n\n".join(paragraphs + paragraphs[1:] * 12)
    done = threading.Event()
    result: dict[str, Any] = {}

    def long_request() -> None:
        result["r"] = _post(base_url, "/api/explain", {"text": long_text, "n": 10})
        done.set()

    worker = threading.Thread(target=long_request, daemon=True)
    worker.start()
    time.sleep(0.3)  # the explain request is in flight
    latencies = []
    for _ in range(5):
        t0 = time.perf_counter()
        h = httpx.get(base_url + "/healthz", timeout=5)
        latencies.append(time.perf_counter() - t0)
        assert h.status_code == 200 and h.json()["status"] == "ok"
        assert h.json()["model_loaded"] is True
    assert not done.is_set(), "explain finished before healthz was probed: make it longer"
    assert max(latencies) < 0.5, latencies
    worker.join(timeout=120)
    assert result["r"].status_code == 200, result["r"].text


# --------------------------------------------------------------------------- page


def test_page_and_static_files_served_locally(base_url: str) -> None:
    r = httpx.get(base_url + "/")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert '<script src="/static/app.js"' in r.text
    for name in ("app.js", "app.css"):
        s = httpx.get(f"{base_url}/static/{name}")
        assert s.status_code == 200 and len(s.text) > 500
    for path in STATIC_DIR.iterdir():
        text = path.read_text(encoding="utf-8")
        # Everything is served by the app: no CDN, no external resource.
        assert "//cdn" not in text and 'src="http' not in text and 'href="http' not in text


def test_page_script_never_parses_article_text_as_html() -> None:
    code = (STATIC_DIR / "app.js").read_text(encoding="utf-8")
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in code, sink


# --------------------------------------------------------------------------- CLI


def test_cli_serve_starts_a_server() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).with_name("newsfaq")
    cmd = [str(exe), "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=os.environ)
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "newsfaq serve did not start"
                time.sleep(0.2)
        assert r.json() == {
            "status": "ok",
            "model_loaded": True,
            "schema_version": settings.SCHEMA_VERSION,
        }
        # On loopback it answers only to loopback names: no DNS rebinding from a web page.
        ok = httpx.get(f"http://127.0.0.1:{port}/healthz", headers={"Host": f"localhost:{port}"})
        assert ok.status_code == 200
        evil = httpx.get(f"http://127.0.0.1:{port}/healthz", headers={"Host": "evil.example"})
        _assert_error(evil, 400, "bad_request")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
