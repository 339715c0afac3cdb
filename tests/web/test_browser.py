"""The web page in real headless Chromium (Debian ``chromium``, driven by Playwright)."""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsfaq.web.server import create_app
from tests.helpers import norm
from tests.web.test_server import serve_in_thread

CHROMIUM = Path("/usr/bin/chromium")
ARTICLES = Path(__file__).resolve().parents[1] / "articles"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian chromium at /usr/bin/chromium (run scripts/setup-browser.sh)",
    ),
]

HOSTILE = (
    'Title: Budget <img src=x onerror="window.__xss_meta = 1"> Vote\n'
    "Author: <script>window.__xss_author = 1</script>\n\n"
    "The city council approved a budget of $2 million on Monday, officials said. "
    "<script>window.__xss = 1; alert('script ran')</script>\n\n"
    'Mayor Ann Lee said the plan <img src=x onerror="window.__xss = 2; alert(2)"> would fund '
    "12 new buses and 40 drivers by June. The council voted 7 to 2 in favour of the plan.\n\n"
    "Critics said the spending would raise fares by 10 percent next year."
)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A real server on loopback for the page."""
    with serve_in_thread(create_app()) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian Chromium (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser: Any, server: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """A fresh page on the app, failing on any uncaught script error.

    Tests parametrized with ``csp="no_csp"`` run with the Content-Security-Policy bypassed, to
    show that the page's own escaping is enough.
    """
    callspec = getattr(request.node, "callspec", None)
    no_csp = callspec is not None and callspec.params.get("csp") == "no_csp"
    context = browser.new_context(
        viewport={"width": 1400, "height": 1000},
        permissions=["clipboard-read", "clipboard-write"],
        accept_downloads=True,
        bypass_csp=no_csp,
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(server + "/")
    yield page
    context.close()
    assert not errors, errors


def _explain(page: Any, text: str) -> None:
    page.fill("#article-text", text)
    page.click("#explain-btn")
    page.wait_for_selector("#faq .qa", timeout=30_000)


def test_explain_hover_highlights_evidence(page: Any) -> None:
    _explain(page, (ARTICLES / "politics.txt").read_text(encoding="utf-8"))
    answers = page.locator("#faq .qa .answer")
    assert answers.count() >= 2
    assert page.locator("#key-points li").count() >= 1
    assert page.locator("#article-view .hl").count() == 0

    # The overview quotes the headline: badged as such, nothing in the body lights up.
    overview = answers.nth(0)
    assert overview.locator(".badge.headline").count() == 1
    headline = norm(overview.inner_text()).removesuffix("headline").strip()
    assert headline.startswith("Lowland Assembly Passes Rail Funding Bill")

    answers.nth(1).hover()
    page.wait_for_selector("#article-view .ev.hl")
    lit = page.locator("#article-view .hl").all_inner_texts()
    assert norm(answers.nth(1).inner_text()) in norm("".join(lit))
    first_lit = "".join(lit)

    # Another answer moves the highlight to its own evidence.
    other = answers.nth(answers.count() - 1)
    other.hover()
    page.wait_for_function(
        "t => Array.from(document.querySelectorAll('#article-view .hl'))"
        ".map(e => e.textContent).join('') !== t",
        arg=first_lit,
    )
    lit = page.locator("#article-view .hl").all_inner_texts()
    assert norm(other.inner_text()) in norm("".join(lit))

    # The article view shows the whole article text, unaltered.
    shown = page.locator("#article-view").text_content()
    assert "Lowland Assembly" in shown or "assembly" in shown.lower()

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "browser-explain.png"), full_page=True)
    assert (ARTIFACTS / "browser-explain.png").stat().st_size > 10_000


def test_derived_facts_marked_and_exports(page: Any) -> None:
    _explain(page, (ARTICLES / "business.txt").read_text(encoding="utf-8"))
    rows = page.locator("#facts tbody tr")
    derived_rows = page.locator("#facts tbody tr.derived")
    badges = page.locator("#facts tbody tr.derived .badge.derived")
    assert badges.count() == derived_rows.count()

    with page.expect_download() as info:
        page.click("#download-json")
    doc = json.loads(Path(info.value.path()).read_text(encoding="utf-8"))
    assert len(doc["faq"]) == page.locator("#faq .qa").count()
    assert len(doc["facts"]) == rows.count()
    assert sum(1 for f in doc["facts"] if f["derived"]) == derived_rows.count()

    # key facts are shown, the others appear behind the "more facts" button
    n_key = sum(1 for f in doc["facts"] if f["key"])
    assert 0 < n_key < len(doc["facts"])
    visible = page.locator("#facts tbody tr:visible")
    assert visible.count() == n_key
    page.click("#facts-more")
    assert visible.count() == len(doc["facts"])
    assert page.locator("#facts-more").is_hidden()
    # amounts read as in the other outputs: "2.9 billion dollars", not "2900000000 USD"
    values = page.locator("#facts tbody tr td:nth-child(3)").all_inner_texts()
    assert any("billion" in v for v in values), values
    assert not any("USD" in v or "00000" in v for v in values), values

    with page.expect_download() as info:
        page.click("#download-md")
    assert info.value.suggested_filename.endswith(".md")
    assert Path(info.value.path()).read_text(encoding="utf-8").lstrip().startswith("#")

    page.click("#copy-jsonld")
    page.wait_for_function("() => document.getElementById('export-status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert json.loads(copied)["@type"] == "FAQPage"


def test_ask_box(page: Any) -> None:
    if importlib.util.find_spec("newsfaq.ask.answer") is None:
        pytest.skip("newsfaq.ask.answer is not written yet")
    _explain(page, (ARTICLES / "brief.txt").read_text(encoding="utf-8"))
    page.fill("#ask-question", "When will the Millrace Bridge close?")
    page.click("#ask-btn")
    page.wait_for_selector("#ask-answer .answer")
    assert "March 24" in page.locator("#ask-answer").inner_text()
    assert page.locator("#article-view .hl").count() >= 1
    page.fill("#ask-question", "What is the capital of France?")
    page.click("#ask-btn")
    page.wait_for_function(
        "() => document.getElementById('ask-answer').textContent.includes('not say')"
    )


def test_audit_tab(page: Any) -> None:
    page.click("#tab-audit")
    page.fill("#audit-original", (ARTICLES / "brief.txt").read_text(encoding="utf-8"))
    page.fill(
        "#audit-derived",
        "The Millrace Bridge will close for six weeks. The closure will last ten months.",
    )
    page.click("#audit-btn")
    if importlib.util.find_spec("newsfaq.audit.pipeline") is None:
        page.wait_for_function(
            "() => document.getElementById('audit-status').textContent.includes('not available')"
        )
        return
    page.wait_for_selector("#derived-view .claim")
    claims = page.locator("#derived-view .claim")
    assert page.locator("#derived-view .verdict-supported").count() >= 1
    assert page.locator("#derived-view .claim:not(.verdict-supported)").count() >= 1
    claims.last.click()
    page.wait_for_selector("#claim-detail:not([hidden])")
    assert page.locator("#claim-detail li").count() >= 1  # the reasons
    detail = page.locator("#claim-detail").inner_text()
    assert "ten months" in detail and "null" not in detail and "undefined" not in detail
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "browser-audit.png"), full_page=True)


def test_audit_tab_original_by_url(page: Any, server: str) -> None:
    """The original may be given as a URL; this server refuses loopback URLs, and says so."""
    page.click("#tab-audit")
    page.fill("#audit-original-url", server + "/")
    page.fill("#audit-derived", "The bridge will close for six weeks.")
    page.fill("#audit-original", "Some text as well.")
    page.click("#audit-btn")
    status = page.locator("#audit-status")
    assert "not both" in status.inner_text()
    page.fill("#audit-original", "")
    page.click("#audit-btn")
    page.wait_for_function(
        "() => document.getElementById('audit-status').textContent.includes('Could not audit')"
    )
    assert "127.0.0.1" in status.inner_text()
    assert page.locator("#audit-result").is_hidden()


@pytest.mark.parametrize("csp", ["with_csp", "no_csp"])
def test_hostile_article_is_shown_as_text(page: Any, csp: str) -> None:
    dialogs: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    _explain(page, HOSTILE)
    for answer in page.locator("#faq .qa .answer").all():
        answer.hover()
    view = page.locator("#article-view").text_content()
    assert "<script>window.__xss = 1; alert('script ran')</script>" in view
    assert 'onerror="window.__xss = 2; alert(2)"' in view
    meta = page.locator("#article-meta").text_content()
    assert "<img src=x" in meta
    # No element was created from article text, and nothing ran.
    assert page.locator("#result img, #result script").count() == 0
    assert page.locator("script").count() == 1  # app.js only
    ran = page.evaluate("[window.__xss, window.__xss_meta, window.__xss_author]")
    assert ran == [None, None, None]
    assert dialogs == []


def test_upload_html_file_and_url_errors(page: Any) -> None:
    page.set_input_files("#article-file", str(ARTICLES / "news_page.html"))
    page.wait_for_function("() => document.getElementById('article-text').value.includes('<')")
    page.click("#explain-btn")
    page.wait_for_selector("#faq .qa", timeout=30_000)
    view = page.locator("#article-view").text_content()
    assert "<p" not in view and "</" not in view  # sent as HTML, extracted by the server
    assert page.locator("#article-meta .title").inner_text().strip()

    page.fill("#article-text", "")
    page.fill("#article-url", "http://127.0.0.1:9/article.html")
    page.click("#explain-btn")
    page.wait_for_function("() => document.getElementById('status').classList.contains('error')")
    assert "blocked_address" in page.locator("#status").inner_text()


def test_api_docs_page_works_offline(page: Any, server: str) -> None:
    requested: list[str] = []
    page.on("request", lambda req: requested.append(req.url))
    page.goto(server + "/docs")
    page.wait_for_selector(".operation h2")
    titles = page.locator(".operation h2").all_inner_texts()
    assert "POST /api/explain" in titles and "GET /healthz" in titles
    explain = page.locator(".operation", has_text="POST /api/explain")
    assert "504" in explain.locator("table").inner_text()
    explain.locator("summary", has_text="Try it").click()
    explain.locator("textarea").fill('{"text": "   "}')
    explain.locator("button", has_text="Send").click()
    page.wait_for_function(
        "() => Array.from(document.querySelectorAll('pre.response'))"
        ".some(p => p.textContent.startsWith('422'))"
    )
    assert all(url.startswith(server) for url in requested), requested
