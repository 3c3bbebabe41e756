"""The built site in a real browser: the table of contents and the offline search.

Needs the site built (``make test`` builds it first) and Debian's Chromium
(``.ci/run`` installs it). The checks on every page (charts drawn, no console error, no request to
another host, axe-core) share the one page pass of tests/test_reader_edition.py, which opens each page
once at each width.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from analysis import config
from analysis.site.serve import CHROMIUM, CHROMIUM_ARGS, serve, toc_pages

SITE = config.BUILD_DIR / "html"
PAGES = toc_pages(config.REPO_ROOT / "_toc.yml")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    assert (SITE / "index.html").is_file(), "the site is not built: run `make book` (make test does)"
    assert Path(CHROMIUM).is_file(), f"Chromium not found at {CHROMIUM}: apt-get install chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def base_url():
    with serve(SITE) as url:
        yield url


def test_toc_lists_the_pages():
    assert PAGES[:2] == ["book/index.html", "book/corpus.html"]


def test_search_works_offline(browser, base_url):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(base_url + "search.html?q=Haftar", wait_until="networkidle")
    page.wait_for_selector("#search-results ul.search li", timeout=15_000)
    results = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(e => e.textContent)")
    page.close()
    assert "The Haftar–GNA split" in results
    assert [u for u in requests if urlparse(u).hostname != "127.0.0.1"] == []
