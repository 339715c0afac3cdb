"""The Story tab of the web page in real headless Chromium, on a server with a corpus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsfaq.corpus.batch import LogProgress, run_batch
from newsfaq.corpus.stories import build_stories
from newsfaq.web.server import create_app
from tests.web.test_browser import CHROMIUM, LAUNCH_ARGS
from tests.web.test_server import serve_in_thread

ARTICLES = Path(__file__).resolve().parents[1] / "articles"
EXAMPLE = Path(__file__).resolve().parents[3] / "shared" / "examples" / "rewrite-with-faq.txt"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium"),
    pytest.mark.skipif(not EXAMPLE.exists(), reason="needs ../shared/examples"),
]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server on loopback with a two-article corpus on which stories ran."""
    base = tmp_path_factory.mktemp("story")
    src = base / "in"
    src.mkdir()
    for name in ("recruitment_original", "unrelated_tram"):
        (src / f"{name}.txt").write_text((ARTICLES / "stories" / f"{name}.txt").read_text())
    run_batch([src], base / "out", workers=1, progress=LogProgress(every=1e9), fsync=False)
    build_stories(base / "out", workers=1)
    with serve_in_thread(create_app(corpus=base / "out")) as url:
        yield url


def test_story_tab_traces_the_example_to_its_original(server: str) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        page = browser.new_page()
        errors: list[Any] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(server + "/")
        page.click("#tab-story")
        page.fill("#story-text", EXAMPLE.read_text(encoding="utf-8"))
        page.click("#story-btn")
        page.wait_for_selector("#story-result:not([hidden])", timeout=60_000)
        assert "Business Insider" in page.locator("#story-original").inner_text()
        assert "March 2023" in page.locator("#story-changed").inner_text()
        assert page.locator("#story-members li").count() == 1
        browser.close()
    assert not errors, errors
